/* dyad: statuses, errors and the rules every module follows.
 *
 * Ownership: every pointer a dyad_ function returns is the caller's, to be
 * released with the matching _free (which accepts NULL), unless the
 * function is documented as returning a borrowed view, which stays valid
 * until its owner is changed or freed.
 *
 * Out of memory: dyad aborts the process with a message (as jq does); no
 * function returns an allocation failure.  Recovery paths for malloc
 * failures would triple the code for a failure that, on the machines dyad
 * runs on, means the run is lost anyway.
 *
 * The library never prints and never exits: it returns a dyad_status and
 * fills the optional dyad_error.  Only the CLI turns them into messages and
 * exit codes. */
#ifndef DYAD_COMMON_H
#define DYAD_COMMON_H

#include <stddef.h>

#define DYAD_VERSION "0.1.0"
#define DYAD_SCHEMA 1 /* version of the JSON graph contract */

typedef enum {
    DYAD_OK = 0,
    DYAD_ERR_IO,       /* a file could not be read or written */
    DYAD_ERR_PARSE,    /* malformed input: JSON syntax, invalid UTF-8 */
    DYAD_ERR_INVALID,  /* well-formed input that breaks the contract */
    DYAD_ERR_SCHEMA,   /* a graph of another schema version */
    DYAD_ERR_GRAPHVIZ, /* layout or rendering failed */
} dyad_status;

/* Where and why: after Jansson's json_error_t.  line and column are
 * 1-based, 0 when they do not apply. */
typedef struct dyad_error {
    char source[256];
    int line;
    int column;
    char text[512];
} dyad_error;

const char *dyad_status_name(dyad_status st);

/* Fills err (if not NULL) and returns st, so that a failing path can say
 * `return dyad_fail(err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s", ...)`. */
dyad_status dyad_fail(dyad_error *err, dyad_status st, const char *source,
                      int line, int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

#endif
