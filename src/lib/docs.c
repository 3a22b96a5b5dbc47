/* dyad_docs: document names and their dates, compact because a graph
 * lists every document it read (a million of them is common): the names
 * sit one after another in one arena, each followed by its date when it
 * has one; an entry is the name's offset, its hash and whether it is
 * dated (16 bytes); the hash table holds 32-bit entry numbers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dyad/docs.h"
#include "util.h"

typedef struct entry {
    size_t off; /* of the name in the arena: name, NUL[, date, NUL] */
    uint32_t hash;
    uint32_t dated;
} entry;

struct dyad_docs {
    strbuf arena;
    entry *items; /* in order of addition, or of name after sort */
    size_t n, cap_items;
    uint32_t *slots; /* entry number + 1, 0: empty */
    size_t cap;      /* 0 or a power of two */
    size_t n_dated;
    bool sorted;
};

dyad_docs *dyad_docs_new(void)
{
    dyad_docs *d = xcalloc(1, sizeof(dyad_docs));
    d->sorted = true;
    return d;
}

void dyad_docs_free(dyad_docs *d)
{
    if (!d)
        return;
    sb_free(&d->arena);
    free(d->items);
    free(d->slots);
    free(d);
}

/* ---- dates ---- */

static bool digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30,
                               31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool dyad_date_parse(const char *s, size_t n, char date[DYAD_DATE_SIZE])
{
    int y, m, dd;
    if (n < 10 || (n > 10 && s[10] != 'T' && s[10] != ' '))
        return false;
    if (s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) ||
        !digits(s + 5, 2, &m) || !digits(s + 8, 2, &dd))
        return false;
    if (y < 1 || m < 1 || m > 12 || dd < 1 || dd > days_in_month(y, m))
        return false;
    memcpy(date, s, 10);
    date[10] = '\0';
    return true;
}

static size_t skip_blanks(const char *s, size_t i, size_t len)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

bool dyad_date_number(const char *s, uint32_t *out)
{
    char checked[DYAD_DATE_SIZE];
    if (strlen(s) != 10 || !dyad_date_parse(s, 10, checked))
        return false;
    *out = (uint32_t)(atoi(s) * 10000 + atoi(s + 5) * 100 + atoi(s + 8));
    return true;
}

size_t dyad_date_line(const char *text, size_t len, char date[DYAD_DATE_SIZE])
{
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    i = skip_blanks(text, i, len);
    if (len - i < 4 || strncasecmp(text + i, "date", 4) != 0)
        return 0;
    i += 4;
    if (i < len && text[i] == ':')
        i++;
    size_t at = skip_blanks(text, i, len);
    if (at == i && (at >= len || text[at - 1] != ':'))
        return 0; /* "dated", "date2024-..." */
    if (len - at < 10 || !dyad_date_parse(text + at, 10, date))
        return 0;
    size_t end = skip_blanks(text, at + 10, len);
    if (end < len && text[end] != '\n' && text[end] != '\r' && end == at + 10)
        return 0; /* "date 2024-03-18x" */
    return end; /* a line of its own, or a prefix: " date 2024-07-23 Security forces ..." */
}

/* ---- the table ---- */

static const char *name_of(const dyad_docs *d, const entry *e)
{
    return d->arena.s + e->off;
}

static const char *date_of(const dyad_docs *d, const entry *e)
{
    const char *name = name_of(d, e);
    return e->dated ? name + strlen(name) + 1 : NULL;
}

/* The slot of doc (hash h): where it is, or the empty slot it would take. */
static size_t slot_of(const dyad_docs *d, const char *doc, uint32_t h)
{
    size_t mask = d->cap - 1;
    size_t i = h & mask;
    for (; d->slots[i]; i = (i + 1) & mask) {
        const entry *e = &d->items[d->slots[i] - 1];
        if (e->hash == h && strcmp(name_of(d, e), doc) == 0)
            break;
    }
    return i;
}

static void rehash(dyad_docs *d, size_t cap)
{
    free(d->slots);
    d->cap = cap;
    d->slots = xcalloc(cap, sizeof *d->slots);
    for (size_t k = 0; k < d->n; k++) {
        size_t i = d->items[k].hash & (cap - 1);
        while (d->slots[i])
            i = (i + 1) & (cap - 1);
        d->slots[i] = (uint32_t)k + 1;
    }
}

static uint32_t hash_of(const char *doc)
{
    return (uint32_t)hash_bytes(doc, strlen(doc));
}

static entry *find(const dyad_docs *d, const char *doc)
{
    if (!d || !d->n || !doc)
        return NULL;
    uint32_t i = d->slots[slot_of(d, doc, hash_of(doc))];
    return i ? &d->items[i - 1] : NULL;
}

/* Appends doc (and date, if any) to the arena; returns the offset.  doc
 * may be one of the arena's own names (dyad_docs_name), which growing the
 * arena would move. */
static size_t put_name(dyad_docs *d, const char *doc, const char *date)
{
    size_t off = d->arena.len;
    bool own = d->arena.s && doc >= d->arena.s && doc < d->arena.s + off;
    char *copy = own ? xstrdup(doc) : NULL;
    sb_add(&d->arena, own ? copy : doc, strlen(doc) + 1);
    if (date)
        sb_add(&d->arena, date, DYAD_DATE_SIZE);
    free(copy);
    return off;
}

/* The entry of doc, added undated if new (*added says so). */
static entry *add(dyad_docs *d, const char *doc, bool *added)
{
    if (2 * (d->n + 1) > d->cap)
        rehash(d, d->cap ? 2 * d->cap : 64);
    uint32_t h = hash_of(doc);
    size_t i = slot_of(d, doc, h);
    *added = !d->slots[i];
    if (!*added)
        return &d->items[d->slots[i] - 1];
    if (d->n >= UINT32_MAX - 1)
        abort(); /* four billion documents: past what a table can hold */
    GROW(d->items, d->cap_items, d->n + 1);
    d->items[d->n] = (entry){put_name(d, doc, NULL), h, 0};
    d->slots[i] = (uint32_t)++d->n;
    if (d->n > 1 && d->sorted &&
        strcmp(name_of(d, &d->items[d->n - 2]), doc) > 0)
        d->sorted = false;
    return &d->items[d->n - 1];
}

bool dyad_docs_add(dyad_docs *d, const char *doc)
{
    bool added;
    add(d, doc, &added);
    return added;
}

bool dyad_docs_has(const dyad_docs *d, const char *doc)
{
    return find(d, doc) != NULL;
}

dyad_status dyad_docs_set_date(dyad_docs *d, const char *doc,
                               const char *date, dyad_error *err)
{
    char checked[DYAD_DATE_SIZE];
    if (!date || strlen(date) != 10 || !dyad_date_parse(date, 10, checked))
        return dyad_fail(err, DYAD_ERR_INVALID, doc, 0, 0,
                         "not a date (YYYY-MM-DD): '%s'",
                         date ? date : "(null)");
    bool added;
    entry *e = add(d, doc, &added);
    if (e->dated) { /* the earlier date, in place */
        char *old = (char *)date_of(d, e);
        if (strcmp(checked, old) < 0)
            memcpy(old, checked, sizeof checked);
        return DYAD_OK;
    }
    /* the name again with its date after it; the undated copy stays as
     * dead bytes (a document is dated once, near when it is added) */
    if (added) {
        d->arena.len = e->off;
        put_name(d, doc, checked);
    } else {
        e->off = put_name(d, doc, checked);
    }
    e->dated = 1;
    d->n_dated++;
    return DYAD_OK;
}

const char *dyad_docs_date(const dyad_docs *d, const char *doc)
{
    const entry *e = find(d, doc);
    return e ? date_of(d, e) : NULL;
}

size_t dyad_docs_n_dated(const dyad_docs *d) { return d ? d->n_dated : 0; }

size_t dyad_docs_count(const dyad_docs *d) { return d ? d->n : 0; }

static _Thread_local const dyad_docs *sorting; /* qsort has no context */

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(name_of(sorting, a), name_of(sorting, b));
}

void dyad_docs_sort(dyad_docs *d)
{
    if (d->sorted)
        return;
    sorting = d;
    qsort(d->items, d->n, sizeof *d->items, cmp_entry);
    sorting = NULL;
    rehash(d, d->cap);
    d->sorted = true;
}

bool dyad_docs_is_sorted(const dyad_docs *d) { return !d || d->sorted; }

const char *dyad_docs_name(const dyad_docs *d, size_t i)
{
    return name_of(d, &d->items[i]);
}

const char *dyad_docs_date_at(const dyad_docs *d, size_t i)
{
    return date_of(d, &d->items[i]);
}

dyad_status dyad_docs_merge(dyad_docs *into, const dyad_docs *from)
{
    for (size_t i = 0; from && i < from->n; i++) {
        const char *doc = dyad_docs_name(from, i);
        const char *date = dyad_docs_date_at(from, i);
        if (!date)
            dyad_docs_add(into, doc);
        else if (dyad_docs_set_date(into, doc, date, NULL) != DYAD_OK)
            return DYAD_ERR_INVALID; /* from's dates were checked */
    }
    return DYAD_OK;
}
