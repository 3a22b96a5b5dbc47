/* What the sub-commands share: messages, exit codes, outputs written
 * all-or-nothing, and reading article sets. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "dyad/dyad.h"

enum { CLI_OK = 0, CLI_BAD_INPUT = 1, CLI_BAD_USAGE = 2 };

/* "dyad: <message>" on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Prints err as "dyad: SOURCE:LINE:COLUMN: TEXT" and returns the exit code
 * for st (CLI_BAD_INPUT). */
int cli_report(dyad_status st, const dyad_error *err);

/* "dyad CMD: ...; try 'dyad CMD --help'" and CLI_BAD_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* An output file written beside its final name and renamed into place on
 * commit, so that a failed run leaves no half-written file.  "-" is
 * stdout. */
typedef struct cli_out cli_out;
cli_out *cli_out_open(const char *path, dyad_error *err);
FILE *cli_out_file(cli_out *o);
/* Flushes, closes and renames; frees o.  On failure the file is removed. */
dyad_status cli_out_commit(cli_out *o, dyad_error *err);
/* Removes the temporary file; frees o.  Accepts NULL. */
void cli_out_abort(cli_out *o);
/* Flushes (to disk) and closes the temporary; stdout is only flushed.
 * Idempotent; cli_out_commit and cli_out_commit_set call it. */
dyad_status cli_out_close(cli_out *o, dyad_error *err);
/* Commits n outputs of one folder as a set, all or none (see out.c):
 * every target is checked before the first rename, and on any failure
 * each target keeps its old file (or stays absent) and no temporary is
 * left.  Frees every output and sets outs[i] to NULL. */
dyad_status cli_out_commit_set(cli_out **outs, size_t n, dyad_error *err);
/* Fails early (before a long extraction) when the folder of an output
 * prefix does not exist or cannot be written. */
dyad_status cli_out_check(const char *prefix, dyad_error *err);

typedef enum {
    CLI_FMT_JSON,
    CLI_FMT_DOT,
    CLI_FMT_SVG,
    CLI_FMT_GRAPHML,
    CLI_FMT_GEXF,
    CLI_FMT_CSV, /* 3 files: PREFIX.nodes.csv, .edges.csv, .evidence.csv */
    CLI_FMT_HTML,
    CLI_N_FORMATS
} cli_format;
/* Parses "json", "dot", "svg", "graphml", "gexf", "csv", "html"; false if
 * unknown. */
bool cli_parse_format(const char *s, cli_format *out);
/* Parses a comma-separated list ("json,svg,graphml") into fmts (room for
 * CLI_N_FORMATS), duplicates dropped; false if a name is unknown or
 * empty, with that name in bad. */
bool cli_parse_formats(const char *list, cli_format *fmts, size_t *n,
                       char *bad, size_t bad_size);

/* What the writers need besides the graph; either may be NULL. */
typedef struct cli_write_opts {
    const dyad_draw_opts *draw;
    const dyad_export_opts *exp;
    int jobs; /* threads the JSON writer may use; <= 0: one per core */
} cli_write_opts;

/* jobs, or the number of online cores (at most 256) when jobs <= 0. */
int cli_jobs(int jobs);

/* The graph a command ends with, for the process's exit to reclaim:
 * freeing it block by block costs about a second per gigabyte of JSON,
 * where the kernel takes the pages back at once.  It stays reachable (no
 * leak to LSan or valgrind); a sanitizer build frees it, so that ASan
 * still checks the free.  A second call frees the graph of the first. */
void cli_free_at_exit(dyad_graph *g);

/* Writes a sorted graph in the formats fmts: with prefix, every file of
 * each (PREFIX.json, PREFIX.graphml, the three CSV files...), all or
 * none; without, fmts[0] to stdout (CSV, being three files, is refused
 * there with CLI_BAD_USAGE).  Returns an exit code, having reported any
 * error. */
int cli_write_outputs(const dyad_graph *g, const char *prefix,
                      const cli_format *fmts, size_t n_fmts,
                      const cli_write_opts *w);

/* Writes a sorted graph: with prefix, PREFIX.json, PREFIX.dot and
 * PREFIX.svg, all or none; without, the one format to stdout.  Returns an
 * exit code, having reported any error. */
int cli_write_graph(const dyad_graph *g, const char *prefix, cli_format fmt,
                    const dyad_draw_opts *draw);

/* Reading article sets. */
typedef struct cli_extract_opts {
    const dyad_dict *dict;
    int jobs;        /* worker threads; <= 0: one per core */
    bool progress;   /* progress lines on stderr */
    bool keep_going; /* skip unreadable or invalid files with a warning */
    size_t evidence_cap;
    dyad_extract_opts extract; /* tracing: forces one job */
    dyad_docs *docs; /* if set, receives the documents' dates: a .jsonl
                        line's "date", a file's "date YYYY-MM-DD" first
                        line (which is blanked before extraction) */
    size_t max_document_bytes; /* a longer document (.jsonl line) is
                                  refused before it is read whole; 0: the
                                  default, CLI_MAX_DOCUMENT_BYTES;
                                  SIZE_MAX: no limit */
    unsigned shard_k, shard_n; /* extract only shard k of n (1-based) of
                                  the documents, by a hash of their names;
                                  n = 0: all */
} cli_extract_opts;

/* The default of --max-document-bytes: 64 MiB. */
#define CLI_MAX_DOCUMENT_BYTES ((size_t)64 << 20)

/* Extracts every document under paths (files; directories, their *.txt,
 * *.txt.gz and *.txt.zst recursively in byte order of their paths; *.jsonl
 * files (.gz, .zst), one {"id", "text"} document a line; "-" for stdin)
 * into a new sorted graph.
 * A document found in a directory is named by its path below that
 * directory; a file named on the command line by its base name; stdin
 * "stdin".  Returns an exit code, having reported any error. */
int cli_extract_paths(const char *const *paths, int n,
                      const cli_extract_opts *opts, dyad_graph **out);

/* Reads a whole file ("-": stdin; a .gz or .zst file decompressed) into a
 * NUL-terminated buffer, with no size limit. */
dyad_status cli_read_file(const char *path, char **buf, size_t *len,
                          dyad_error *err);

/* True if path names a dyad JSON graph rather than articles: a file ending
 * in .json. */
bool cli_is_graph_path(const char *path);

/* ---- Added by the CLI owner (declarations only; nothing above changed) */

/* The sub-commands: argv[0] is the command name.  Each returns an exit
 * code (CLI_OK, CLI_BAD_INPUT, CLI_BAD_USAGE). */
int cmd_extract(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_merge(int argc, char **argv);

/* Allocation that aborts with a message when memory runs out (the policy
 * of dyad/common.h). */
void *cli_xmalloc(size_t n);
void *cli_xrealloc(void *p, size_t n);
char *cli_xstrdup(const char *s);
char *cli_xstrndup(const char *s, size_t n);

/* err as "SOURCE:LINE:COLUMN: TEXT" (line and column left out when 0)
 * into buf, without the "dyad: " prefix. */
void cli_format_error(const dyad_error *err, char *buf, size_t size);

/* After getopt_long (optstring starting with ':', opterr 0) returned c,
 * '?' or ':': reports the unknown option or the missing value as a usage
 * error of cmd and returns CLI_BAD_USAGE. */
struct option;
int cli_getopt_error(const char *cmd, int c, char **argv,
                     const struct option *opts);

/* Parses a decimal integer in [min, max]; false if s is anything else. */
bool cli_parse_count(const char *s, long min, long max, long *out);

/* --date's value: a calendar date YYYY-MM-DD, set in *out (borrowed); else
 * a usage error of cmd (CLI_BAD_USAGE). */
int cli_parse_date(const char *cmd, const char *arg, const char **out);

/* The last component of path ("a/b.txt" -> "b.txt"; "a/dir/" -> "dir/",
 * trailing slashes kept); a borrowed pointer into path. */
const char *cli_base_name(const char *path);

/* ---- UTF-8 and the terminal (util.c) ---- */

/* True if s is UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF). */
bool cli_utf8_ok(const char *s);
/* A copy of s with every byte that is not part of a UTF-8 character
 * replaced by U+FFFD; the caller's to free. */
char *cli_utf8_fix(const char *s);
/* DYAD_OK if a document name is UTF-8, else DYAD_ERR_INVALID with a
 * message showing the name: every output carries the names, so they are
 * checked before a document is read (inputs.c). */
dyad_status cli_check_name(const char *name, dyad_error *err);
/* A copy of s fit for a terminal: C0 controls and DEL as \xHH, C1 controls
 * as \u00HH, bytes that are not UTF-8 as \xHH; the caller's to free.
 * cli_put_safe writes it.  Messages (cli_error, cli_warn, cli_report,
 * cli_usage_error) go through it. */
char *cli_term_safe(const char *s);
void cli_put_safe(FILE *fp, const char *s);
/* The n bytes of s with whitespace runs folded to one space, cut to at
 * most max bytes on a UTF-8 character boundary, "..." added if cut; the
 * caller's to free (for --suggest's names and examples). */
char *cli_shorten(const char *s, size_t n, size_t max);

/* s for a terminal, in buf, escaped as cli_term_safe does (C0 and DEL as
 * \xhh, C1 as \u00hh), so that a document name, a JSONL key or a
 * sentence cannot move the cursor or recolour the screen; cut before a
 * whole character or escape to fit size. */
const char *cli_printable(const char *s, char *buf, size_t size);

/* While cli_extract_paths traces (one job), the name of the document being
 * extracted, for trace callbacks that need it (--suggest); NULL outside. */
const char *cli_tracing_doc(void);

#endif
