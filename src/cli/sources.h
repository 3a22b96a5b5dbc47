/* Sources: what dyad extract reads (files, directories of *.txt, .jsonl
 * corpora, stdin) and how one document comes out of them.
 *
 * The list is made first (a directory becomes its sorted *.txt files).  A
 * cursor then walks it, one unit of work at a time: a file (read later, by
 * whoever loads the unit) or one line of a .jsonl file (read by the
 * cursor, since lines come in order).  Loading a unit gives a document:
 * its name, its text and its date, side by side.  The cursor is not
 * locked: its caller serialises the calls; loading is reentrant. */
#ifndef DYAD_CLI_SOURCES_H
#define DYAD_CLI_SOURCES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"

typedef enum { SRC_FILE, SRC_STDIN, SRC_JSONL } src_kind;

typedef struct src {
    src_kind kind;
    char *path; /* what to open */
    char *name; /* the document name (SRC_FILE, SRC_STDIN) */
} src;

typedef struct src_list {
    src *items;
    size_t n, cap;
} src_list;

/* Adds path: "-" (stdin), a directory (its *.txt files), a .jsonl corpus
 * or a file.  Reports problems itself (as warnings under keep_going) and
 * returns an exit code. */
int src_list_add_path(src_list *l, const char *path, bool keep_going);
void src_list_free(src_list *l);
/* True if some source is a .jsonl corpus (the number of documents is then
 * not known in advance). */
bool src_list_has_jsonl(const src_list *l);

/* One unit of work, owned by whoever took it from the cursor. */
typedef struct src_item {
    size_t seq; /* document number, in input order (set by the caller) */
    const src *src;
    long line;       /* SRC_JSONL: line number */
    char *json_line; /* SRC_JSONL: the line */
    size_t json_len;
} src_item;

typedef struct src_cursor {
    const src_list *list;
    size_t next; /* the next source */
    FILE *jsonl; /* the open .jsonl source, if any */
    long line;
} src_cursor;

typedef enum { SRC_END, SRC_ITEM, SRC_PROBLEM } src_next;

/* The next unit: SRC_ITEM fills it; SRC_PROBLEM puts a message naming the
 * file in msg (a .jsonl that cannot be opened or read; the cursor has gone
 * past it); SRC_END when nothing is left. */
src_next src_cursor_next(src_cursor *c, src_item *it, char *msg,
                         size_t size);
void src_cursor_close(src_cursor *c);
void src_item_free(src_item *it);

/* A document, loaded. */
typedef struct src_doc {
    const char *name; /* borrowed from the item or from json */
    char where[600];  /* what messages name: the path, "path:line" */
    const char *text; /* len bytes, NUL-terminated */
    size_t len;
    char date[DYAD_DATE_SIZE]; /* "" if undated */
    char *owned;               /* storage of a file's text */
    void *json;                /* a .jsonl line's parsed object */
} src_doc;

/* Loads it; false with the message (naming file, line, column) in msg.
 * A file's "date YYYY-MM-DD" first line is blanked and becomes the date;
 * a .jsonl line's "date" field is the date (a bad one draws a warning). */
bool src_doc_load(const src_item *it, src_doc *doc, char *msg, size_t size);
void src_doc_free(src_doc *doc);

#endif
