#include <stdlib.h>

#include "atom.h"
#include "util.h"

typedef struct entry {
    char *s;
    size_t len;
} entry;

struct atoms {
    entry *items; /* by atom id */
    size_t n, cap;
    uint32_t *slots; /* open addressing: atom id + 1, 0 = empty */
    size_t nslots;   /* a power of two */
};

atoms *atoms_new(void)
{
    atoms *t = xcalloc(1, sizeof *t);
    t->nslots = 64;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    return t;
}

void atoms_free(atoms *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->items[i].s);
    free(t->items);
    free(t->slots);
    free(t);
}

static size_t slot_of(const atoms *t, const char *s, size_t len)
{
    size_t mask = t->nslots - 1;
    size_t i = hash_bytes(s, len) & mask;
    while (t->slots[i]) {
        const entry *e = &t->items[t->slots[i] - 1];
        if (e->len == len && memcmp(e->s, s, len) == 0)
            break;
        i = (i + 1) & mask;
    }
    return i;
}

static void rehash(atoms *t)
{
    free(t->slots);
    t->nslots *= 2;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    for (size_t id = 0; id < t->n; id++) {
        size_t i = slot_of(t, t->items[id].s, t->items[id].len);
        t->slots[i] = (uint32_t)id + 1;
    }
}

uint32_t atoms_find(const atoms *t, const char *s, size_t len)
{
    uint32_t v = t->slots[slot_of(t, s, len)];
    return v ? v - 1 : ATOM_NONE;
}

uint32_t atoms_intern(atoms *t, const char *s, size_t len)
{
    size_t i = slot_of(t, s, len);
    if (t->slots[i])
        return t->slots[i] - 1;
    GROW(t->items, t->cap, t->n + 1);
    t->items[t->n] = (entry){xstrndup(s, len), len};
    t->slots[i] = (uint32_t)++t->n;
    if (t->n * 2 > t->nslots)
        rehash(t);
    return (uint32_t)t->n - 1;
}

const char *atoms_str(const atoms *t, uint32_t id) { return t->items[id].s; }
size_t atoms_len(const atoms *t, uint32_t id) { return t->items[id].len; }
size_t atoms_count(const atoms *t) { return t->n; }
