/* The counted document names of docnames.h: an open-addressing table of
 * names that carry their count and hash in front of their bytes. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "docnames.h"
#include "util.h"

struct docname {
    size_t refs;
    size_t hash;
    char s[];
};

static docname *name_of(const char *s)
{
    return (docname *)(void *)(s - offsetof(docname, s));
}

static size_t slot_of(const docnames *t, const char *s, size_t h)
{
    size_t i = h & (t->cap - 1);
    while (t->slots[i] &&
           (t->slots[i]->hash != h || strcmp(t->slots[i]->s, s) != 0))
        i = (i + 1) & (t->cap - 1);
    return i;
}

static void grow_table(docnames *t)
{
    size_t cap = t->cap ? 2 * t->cap : 16;
    docnames bigger = {xcalloc(cap, sizeof(docname *)), t->n, cap};
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i])
            bigger
                .slots[slot_of(&bigger, t->slots[i]->s, t->slots[i]->hash)] =
                t->slots[i];
    free(t->slots);
    *t = bigger;
}

const char *docnames_ref(docnames *t, const char *s)
{
    if (2 * (t->n + 1) > t->cap)
        grow_table(t);
    size_t len = strlen(s), h = hash_bytes(s, len);
    size_t i = slot_of(t, s, h);
    if (!t->slots[i]) {
        docname *d = xmalloc(sizeof *d + len + 1);
        d->refs = 0;
        d->hash = h;
        memcpy(d->s, s, len + 1);
        t->slots[i] = d;
        t->n++;
    }
    t->slots[i]->refs++;
    return t->slots[i]->s;
}

const char *docnames_ref_again(docnames *t, const char *s)
{
    (void)t;
    name_of(s)->refs++;
    return s;
}

/* The entries after the freed one in its probe run move back, so that no
 * tombstones are needed. */
void docnames_unref(docnames *t, const char *s)
{
    docname *d = name_of(s);
    if (--d->refs)
        return;
    size_t mask = t->cap - 1, i = slot_of(t, s, d->hash);
    free(d);
    t->slots[i] = NULL;
    t->n--;
    for (size_t j = (i + 1) & mask; t->slots[j]; j = (j + 1) & mask) {
        size_t home = t->slots[j]->hash & mask;
        /* j's entry may fill the hole at i unless its home lies in (i, j] */
        bool stays =
            i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            t->slots[i] = t->slots[j];
            t->slots[j] = NULL;
            i = j;
        }
    }
}

const char **docnames_all(const docnames *t)
{
    const char **names = xmalloc((t->n + 1) * sizeof *names);
    size_t k = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i])
            names[k++] = t->slots[i]->s;
    return names;
}

void docnames_free(docnames *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i]);
    free(t->slots);
}
