/* dyad_docs: a set of document names, each with its date where one is
 * known.  A graph keeps one, the documents it was built from
 * (dyad_graph_docs), so that merge can tell a document it already has; a
 * caller that knows when a document was published (a .jsonl "date" field,
 * a " date 2024-03-18" first line) records it under the name evidence
 * items give (dyad_evidence.doc), and the writers that place acts in time
 * (GEXF's start, the date columns of CSV and GraphML) look the date of
 * each evidence item up by its doc.
 *
 * Names are kept in order of addition until dyad_docs_sort puts them in
 * byte order (strcmp), the order the JSON lists them in.  A table is not
 * locked: callers filling it from several threads serialise the calls. */
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

/* Adds doc, undated; false if it was there already. */
bool dyad_docs_add(dyad_docs *d, const char *doc);
bool dyad_docs_has(const dyad_docs *d, const char *doc); /* d may be NULL */

/* Records that doc is dated date (YYYY-MM-DD, as dyad_date_parse gives
 * it), adding doc if new.  A document dated twice keeps the earlier date,
 * so the table does not depend on the order of the calls.
 * DYAD_ERR_INVALID if date is not a date. */
dyad_status dyad_docs_set_date(dyad_docs *d, const char *doc,
                               const char *date, dyad_error *err);

/* The date of doc, or NULL: a borrowed view, valid until d changes.  d may
 * be NULL (no dates). */
const char *dyad_docs_date(const dyad_docs *d, const char *doc);

/* How many documents have a date (0 for NULL). */
size_t dyad_docs_n_dated(const dyad_docs *d);

/* How many documents (0 for NULL), and the i-th, 0 <= i < count: its name
 * and its date or NULL (borrowed, valid until d changes).  The order is
 * that of addition, or byte order after dyad_docs_sort. */
size_t dyad_docs_count(const dyad_docs *d);
const char *dyad_docs_name(const dyad_docs *d, size_t i);
const char *dyad_docs_date_at(const dyad_docs *d, size_t i);
void dyad_docs_sort(dyad_docs *d);
bool dyad_docs_is_sorted(const dyad_docs *d); /* true for NULL */

/* Adds every document of from to into, with its date (the earlier of
 * two).  from may be NULL. */
dyad_status dyad_docs_merge(dyad_docs *into, const dyad_docs *from);

#endif
