/* The strings live in blocks that never move (so atoms_str stays valid)
 * and are freed together: one allocation for many atoms instead of one
 * each, which matters for the table of a document's own words, built and
 * freed for every document. */
#include <stdlib.h>

#include "atom.h"
#include "util.h"

typedef struct entry {
    char *s;
    size_t len;
} entry;

enum { FIRST_BLOCK = 1024, MAX_BLOCK = 64 * 1024 };

struct atoms {
    entry *items; /* by atom id */
    size_t n, cap;
    uint32_t *slots; /* open addressing: atom id + 1, 0 = empty */
    size_t nslots;   /* a power of two */
    char **blocks;   /* the strings' storage, the last one being filled */
    size_t n_blocks, cap_blocks;
    size_t used, room; /* bytes used and held in the last block */
};

/* A copy of s (len bytes and a NUL) in the blocks. */
static char *store(atoms *t, const char *s, size_t len)
{
    if (len + 1 > t->room - t->used) {
        size_t size = t->room ? 2 * t->room : FIRST_BLOCK;
        if (size > MAX_BLOCK)
            size = MAX_BLOCK;
        if (size < len + 1)
            size = len + 1;
        GROW(t->blocks, t->cap_blocks, t->n_blocks + 1);
        t->blocks[t->n_blocks++] = xmalloc(size);
        t->used = 0;
        t->room = size;
    }
    char *d = t->blocks[t->n_blocks - 1] + t->used;
    memcpy(d, s, len);
    d[len] = '\0';
    t->used += len + 1;
    return d;
}

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
    for (size_t i = 0; i < t->n_blocks; i++)
        free(t->blocks[i]);
    free(t->blocks);
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
    t->items[t->n] = (entry){store(t, s, len), len};
    t->slots[i] = (uint32_t)++t->n;
    if (t->n * 2 > t->nslots)
        rehash(t);
    return (uint32_t)t->n - 1;
}

const char *atoms_str(const atoms *t, uint32_t id) { return t->items[id].s; }
size_t atoms_len(const atoms *t, uint32_t id) { return t->items[id].len; }
size_t atoms_count(const atoms *t) { return t->n; }
