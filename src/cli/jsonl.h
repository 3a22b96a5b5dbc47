/* The JSONL scanner: one line of a .jsonl corpus in, its "id", "text" and
 * "date" out, without building a JSON tree.
 *
 * The whole line is checked as JSON (as Jansson would: strings, escapes,
 * UTF-8, nesting up to 2048, one value, duplicate keys at the top refused),
 * but only the three fields dyad reads are decoded; other values are
 * skipped, so a number no reader can hold (1e999) in an ignored key is no
 * error.  Errors carry the column (in characters, as an editor shows them)
 * and, inside a field, the field's name. */
#ifndef DYAD_CLI_JSONL_H
#define DYAD_CLI_JSONL_H

#include <stdbool.h>
#include <stddef.h>

/* A field: its decoded value when it is a string. */
typedef struct jsonl_field {
    bool present;
    const char *kind; /* "a string", "a number", "null", ... */
    char *str;        /* strings: decoded, NUL-terminated (malloc'd) */
    size_t len;
    size_t nul_at; /* strings: offset of the first \u0000 + 1, 0 if none */
} jsonl_field;

typedef struct jsonl_doc {
    jsonl_field id, text, date;
} jsonl_doc;

typedef struct jsonl_error {
    bool syntax; /* invalid JSON (with a column) rather than a bad shape */
    int column;
    char field[48]; /* the top-level key whose value holds the error, or
                       "" */
    char text[400];
} jsonl_error;

/* Scans line (len bytes, a leading UTF-8 byte order mark skipped).  On
 * success doc holds the fields (free with jsonl_doc_free), checked: "id" a
 * non-empty string, "text" a string.  On failure err says what is wrong
 * and doc holds nothing. */
bool jsonl_scan(const char *line, size_t len, jsonl_doc *doc,
                jsonl_error *err);
void jsonl_doc_free(jsonl_doc *doc);

#endif
