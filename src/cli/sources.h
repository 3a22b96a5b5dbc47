/* Sources: what dyad extract reads (files, directories of *.txt, .jsonl
 * corpora, stdin; any of them but stdin gzip- or zstd-compressed) and how
 * one document comes out of them.
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
#include "stream.h"

typedef enum { SRC_FILE, SRC_STDIN, SRC_JSONL } src_kind;

typedef struct src {
    src_kind kind;
    char *path; /* what to open */
    char *name; /* the document name (SRC_FILE, SRC_STDIN) */
} src;

/* What every source of a list obeys; set before the first path is
 * added. */
typedef struct src_rules {
    bool keep_going;  /* problems are warnings, their document skipped */
    size_t max_bytes; /* longest document (a .jsonl line); 0: no limit */
    unsigned shard_k, shard_n; /* only documents of shard k of n (1-based);
                                  n = 0: all */
} src_rules;

typedef struct src_list {
    src_rules rules;
    src *items;
    size_t n, cap;
} src_list;

/* Adds path: "-" (stdin), a directory (its *.txt, *.txt.gz and *.txt.zst
 * files), a .jsonl corpus (.jsonl.gz, .jsonl.zst) or a file.  Files of
 * another shard are left out.  Reports problems itself (as warnings under
 * keep_going) and returns an exit code. */
int src_list_add_path(src_list *l, const char *path);
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
    size_t next;       /* the next source */
    line_reader jsonl; /* the open .jsonl source, if jsonl_open */
    bool jsonl_open;
} src_cursor;

typedef enum { SRC_END, SRC_ITEM, SRC_PROBLEM } src_next;

/* The next unit: SRC_ITEM fills it; SRC_PROBLEM puts a message naming the
 * file in msg (a .jsonl that cannot be opened or read, the cursor having
 * gone past it; a line over the limit, skipped); SRC_END when nothing is
 * left. */
src_next src_cursor_next(src_cursor *c, src_item *it, char *msg, size_t size);
void src_cursor_close(src_cursor *c);
void src_item_free(src_item *it);

/* True if the document named name falls in shard k of n: a 64-bit FNV-1a
 * hash of the name, modulo n, is k - 1.  The same on every machine, and a
 * document's share does not depend on the others. */
bool src_in_shard(const char *name, unsigned k, unsigned n);

/* A document, loaded. */
typedef struct src_doc {
    const char *name; /* borrowed from the item or from json */
    char where[600];  /* what messages name: the path, "path:line" */
    const char *text; /* len bytes, NUL-terminated */
    size_t len;
    char date[DYAD_DATE_SIZE]; /* "" if undated */
    char *owned[2];            /* storage: a file's text; a .jsonl line's id
                                  and text */
} src_doc;

typedef enum { SRC_LOADED, SRC_OTHER_SHARD, SRC_FAILED } src_load;

/* Loads it: SRC_FAILED with the message (naming file, line, column) in
 * msg; SRC_OTHER_SHARD for a .jsonl line of another shard (checked, not
 * kept).  A file's "date YYYY-MM-DD" first line is blanked and becomes
 * the date; a .jsonl line's "date" field is the date (a bad one draws a
 * warning).  NUL characters in a text become spaces, with a warning that
 * names the first. */
src_load src_doc_load(const src_list *l, const src_item *it, src_doc *doc,
                      char *msg, size_t size);
void src_doc_free(src_doc *doc);

#endif
