/* dyad_docs: a set of document names, each with its date where one is
 * known.  A graph keeps one, the documents it was built from
 * (dyad_graph_docs), so that merge can tell a document it already has; a
 * caller that knows when a document was published (a .jsonl "date" field,
 * a " date 2024-03-18" first line) records it under the name evidence
 * items give (dyad_evidence.doc), and the writers that place acts in time
 * (GEXF's start, the date columns of CSV and GraphML) look the date of
 * each evidence item up by its doc (in a table of the evidence's
 * documents only: dyad_graph_evidence_dates).
 *
 * Memory is bounded: a table holds at most a budget of names in memory (1
 * MiB by default); past it, it sorts what it holds and spills it as a
 * sorted run to an anonymous temporary file under $TMPDIR (O_TMPFILE: no
 * name, so nothing is left behind even after SIGKILL), and starts again
 * empty.  Runs are merged FAN_IN (16) at a time into runs of the next
 * level, so there are few of them and each is read through a 4 KiB buffer.
 * Listing (dyad_docs_iter) is a merge of the runs and memory, in byte
 * order (strcmp), a name recorded several times being one item with the
 * earliest of its dates.  A table that cannot write a temporary file
 * keeps everything in memory, as it did before it could spill.
 *
 * The environment variable DYAD_DOCS_SPILL_BYTES, read once, sets the
 * default budget (for tests: a tiny one makes every run spill);
 * dyad_docs_set_spill sets one table's.
 *
 * A table is not locked: callers filling it from several threads
 * serialise the calls, and a table must not change while an iterator over
 * it is open. */
#ifndef DYAD_DOCS_H
#define DYAD_DOCS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dyad/common.h"

/* "YYYY-MM-DD" and its NUL. */
#define DYAD_DATE_SIZE 11

typedef struct dyad_docs dyad_docs;

dyad_docs *dyad_docs_new(void);
void dyad_docs_free(dyad_docs *d);

/* True if s (n bytes) is a calendar date written YYYY-MM-DD, years 0001 to
 * 9999; then date receives it NUL-terminated.  A longer ISO 8601 date-time
 * ("2024-03-18T09:30:00Z", "2024-03-18 09:30") gives its date part. */
bool dyad_date_parse(const char *s, size_t n, char date[DYAD_DATE_SIZE]);

/* A calendar date YYYY-MM-DD (exactly that, NUL-terminated) as the number
 * YYYYMMDD, which orders as the dates do; false if s is no such date. */
bool dyad_date_number(const char *s, uint32_t *out);

/* If text starts with a date line (optional blanks, "date" in any case, an
 * optional ':', blanks, YYYY-MM-DD, optional blanks, then a line end or the
 * end of the text), fills date and returns the length of the line without
 * its line end; else returns 0.  The date may also prefix the first line's
 * text, after at least one blank (" date 2024-07-23 Security forces
 * ..."): then the prefix's length is returned.  A leading UTF-8 byte order
 * mark is part of the line. */
size_t dyad_date_line(const char *text, size_t len,
                      char date[DYAD_DATE_SIZE]);

/* Sets d's memory budget in bytes (0: the default; SIZE_MAX: never
 * spill).  It applies from the next name added. */
void dyad_docs_set_spill(dyad_docs *d, size_t bytes);

/* How many sorted runs d has spilled to disk (0: all in memory; 0 for
 * NULL): for tests and diagnostics. */
size_t dyad_docs_runs(const dyad_docs *d);

/* Adds doc, undated; false if it was there already.  Exact while d has
 * not spilled; once it has, only memory is consulted (a name in a run is
 * not looked up: that is what keeps adding cheap), and a name added again
 * after it was spilled returns true, collapses into one item in the
 * listing and is marked repeated there.  Amortised O(1) (a spill sorts
 * and writes what memory holds, O(m log m) once per m names). */
bool dyad_docs_add(dyad_docs *d, const char *doc);

/* dyad_docs_add with a date: date is NULL or YYYY-MM-DD as dyad_date_parse
 * gives it (another string counts as no date); a document dated twice
 * keeps the earlier date, whichever came first.  Returns as
 * dyad_docs_add. */
bool dyad_docs_add_dated(dyad_docs *d, const char *doc, const char *date);

/* Records that doc is dated date (YYYY-MM-DD, as dyad_date_parse gives
 * it), adding doc if new.  A document dated twice keeps the earlier date,
 * so the table does not depend on the order of the calls.
 * DYAD_ERR_INVALID if date is not a date. */
dyad_status dyad_docs_set_date(dyad_docs *d, const char *doc,
                               const char *date, dyad_error *err);

/* Whether d has doc, and its date or NULL.  In memory, O(1); once spilled,
 * a pass over each run up to where doc would be, so use them for a few
 * names, and a join of two listings (dyad_graph_shared_documents) for
 * many.  The date is a borrowed view, valid until d changes (once d has
 * spilled, until the next dyad_docs_date call of the thread).  d may be
 * NULL (no documents). */
bool dyad_docs_has(const dyad_docs *d, const char *doc);
const char *dyad_docs_date(const dyad_docs *d, const char *doc);

/* How many documents, and how many of them dated (0 for NULL): O(1) in
 * memory, a whole listing once spilled.  dyad_docs_empty is always O(1). */
size_t dyad_docs_count(const dyad_docs *d);
size_t dyad_docs_n_dated(const dyad_docs *d);
bool dyad_docs_empty(const dyad_docs *d);

/* ---- listing, in byte order ---- */

typedef struct dyad_docs_item {
    const char *doc;  /* the name */
    const char *date; /* its earliest date, or NULL */
    bool repeated;    /* recorded more than once: added again, dated again,
                         or in both tables of a dyad_docs_merge */
} dyad_docs_item;

typedef struct dyad_docs_iter dyad_docs_iter;

/* An iterator over d's documents in byte order of their names (d may be
 * NULL: none).  Opening it sorts the names in memory (O(m log m) for m in
 * memory, a copy of m 32-bit numbers); each step compares the heads of the
 * runs, so a listing reads every run once, through a 4 KiB buffer each. */
dyad_docs_iter *dyad_docs_iter_new(const dyad_docs *d);
/* The next document into *item (its strings borrowed, valid until the
 * next call or the free); false at the end. */
bool dyad_docs_iter_next(dyad_docs_iter *it, dyad_docs_item *item);
void dyad_docs_iter_free(dyad_docs_iter *it);

/* Adds every document of from to into, with its date (the earlier of
 * two); one listing of from.  from may be NULL. */
dyad_status dyad_docs_merge(dyad_docs *into, const dyad_docs *from);

#endif
