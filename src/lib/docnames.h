/* The document names of a graph's evidence, interned and counted: each
 * name is kept once, with the number of evidence items naming it, and
 * freed with the last of them, so that under an evidence cap the names of
 * documents whose evidence was dropped do not stay (memory must not grow
 * with the documents read).  Within one table equal names are the same
 * pointer. */
#ifndef DYAD_DOCNAMES_H
#define DYAD_DOCNAMES_H

#include <stddef.h>

typedef struct docname docname;

typedef struct docnames {
    docname **slots; /* open addressing, NULL: empty */
    size_t n, cap;   /* cap: 0 or a power of two */
} docnames;

/* The table's copy of s, with one more reference. */
const char *docnames_ref(docnames *t, const char *s);
/* One more reference to s, a name docnames_ref gave (no lookup). */
const char *docnames_ref_again(docnames *t, const char *s);
/* Drops a reference to a name docnames_ref gave; the last one frees it. */
void docnames_unref(docnames *t, const char *s);
/* The names in t, in no order: a new array of t->n pointers (the caller
 * frees the array, not the names). */
const char **docnames_all(const docnames *t);
/* Frees every name, referenced or not, and the table's slots. */
void docnames_free(docnames *t);

#endif
