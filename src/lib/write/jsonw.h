/* A buffered JSON output stream with its own escaper, for writers that
 * stream large documents (the graph's links and evidence) instead of
 * building a Jansson tree.  Its bytes are the ones Jansson's dump gives
 * with JSON_INDENT(n) and JSON_REAL_PRECISION(10), without
 * JSON_ENSURE_ASCII or JSON_ESCAPE_SLASH: tests/json/test_jsonw.c holds the
 * two side by side.
 *
 * Errors are sticky: after a failed write every call does nothing, and
 * jsonw_close says whether everything reached the FILE.  Strings must be
 * valid UTF-8 (the caller checks: Jansson refuses others, and so the bytes
 * of a bad string have no Jansson twin). */
#ifndef DYAD_JSONW_H
#define DYAD_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

typedef struct jsonw {
    FILE *out;
    strbuf *mem; /* set by jsonw_init_mem: the bytes go there, not to out */
    size_t len;
    bool failed;
    char buf[1 << 16];
} jsonw;

void jsonw_init(jsonw *w, FILE *out);
/* A stream whose bytes are appended to mem (which the caller owns). */
void jsonw_init_mem(jsonw *w, strbuf *mem);
/* Flushes the buffer; false if any write failed. */
bool jsonw_close(jsonw *w);

void jsonw_raw(jsonw *w, const char *s, size_t n);
void jsonw_lit(jsonw *w, const char *s); /* NUL-terminated, unescaped */
/* A newline and depth spaces (JSON_INDENT(1) at this depth). */
void jsonw_newline(jsonw *w, int depth);
/* s quoted and escaped as Jansson does: \" \\ \b \f \n \r \t, other
 * bytes below 0x20 as \u00XX (upper-case hex), the rest as they are. */
void jsonw_string(jsonw *w, const char *s);
void jsonw_long(jsonw *w, long x);
/* As Jansson's real with precision 10 ("%.10g", ".0" when neither '.' nor
 * 'e', the exponent without '+' and leading zeros).  A value that is not
 * finite fails the stream, as json_real refuses it. */
void jsonw_real(jsonw *w, double x);

/* The common shape `"key": value` at a depth, after the first member's
 * '{' or a ',': jsonw_key writes the newline, the indent and the key. */
void jsonw_key(jsonw *w, int depth, const char *key);

#endif
