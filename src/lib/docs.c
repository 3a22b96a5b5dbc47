/* dyad_docs: document names and their dates, in bounded memory, because a
 * graph lists every document it read (a million of them is common).
 *
 * In memory the names sit one after another in one arena, each followed
 * by its date when it has one; an entry is the name's offset, its hash and
 * two flags (16 bytes); the hash table holds 32-bit entry numbers.  When
 * that passes the table's budget (1 MiB by default), the table sorts what
 * it holds, writes it as a sorted run to an anonymous temporary file
 * (O_TMPFILE under $TMPDIR: it has no name, so nothing is left behind
 * whatever ends the process) and starts again empty.  A listing is a k-way
 * merge of the runs and of what is in memory, each name collapsing to one
 * item with the earliest of its dates.  Runs of one level merge into one
 * run of the next level FAN_IN at a time (a base-FAN_IN counter), so there
 * are fewer than FAN_IN runs of each level, each name is rewritten once a
 * level, and a listing reads each run through a READ_BUF buffer.
 *
 * A run holds records one after another: a flags byte (DATED, REPEATED),
 * the 10 bytes of the date if DATED, the name and its NUL. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "dyad/docs.h"
#include "util.h"

#define DEFAULT_SPILL ((size_t)1 << 20)
#define FAN_IN 16
#define READ_BUF 4096
#define WRITE_BUF 65536

enum { DATED = 1, REPEATED = 2 };

typedef struct entry {
    size_t off; /* of the name in the arena: name, NUL[, date, NUL] */
    uint32_t hash;
    uint32_t flags; /* DATED, REPEATED */
} entry;

typedef struct run {
    int fd;
    uint64_t size;
    unsigned level; /* 0: spilled from memory; k + 1: FAN_IN runs of k */
} run;

struct dyad_docs {
    strbuf arena;
    entry *items; /* in order of addition */
    size_t n, cap_items;
    uint32_t *slots;    /* entry number + 1, 0: empty */
    size_t cap;         /* 0 or a power of two */
    size_t n_dated;     /* of the items in memory */
    size_t spill_bytes; /* SIZE_MAX: never */
    run *runs;          /* levels never increase from first to last */
    size_t n_runs, cap_runs;
    bool no_compact; /* a merge of runs failed to write: stop trying */
};

struct dyad_docs_iter {
    struct source *src;
    size_t n_src;
    strbuf name;
    char date[DYAD_DATE_SIZE];
};

/* ---- the budget ---- */

static size_t spill_default = DEFAULT_SPILL;
static pthread_once_t spill_once = PTHREAD_ONCE_INIT;

static void read_spill_env(void)
{
    const char *s = getenv("DYAD_DOCS_SPILL_BYTES");
    char *end;
    errno = 0;
    unsigned long long v = s && *s ? strtoull(s, &end, 10) : 0;
    if (v > 0 && !errno && !*end && v <= SIZE_MAX)
        spill_default = (size_t)v;
}

static size_t default_spill(void)
{
    pthread_once(&spill_once, read_spill_env);
    return spill_default;
}

dyad_docs *dyad_docs_new(void)
{
    dyad_docs *d = xcalloc(1, sizeof(dyad_docs));
    d->spill_bytes = default_spill();
    return d;
}

void dyad_docs_set_spill(dyad_docs *d, size_t bytes)
{
    d->spill_bytes = bytes ? bytes : default_spill();
}

size_t dyad_docs_runs(const dyad_docs *d) { return d ? d->n_runs : 0; }

void dyad_docs_free(dyad_docs *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_runs; i++)
        close(d->runs[i].fd);
    free(d->runs);
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

/* ---- the table in memory ---- */

static const char *name_of(const dyad_docs *d, const entry *e)
{
    return d->arena.s + e->off;
}

static const char *date_of(const dyad_docs *d, const entry *e)
{
    const char *name = name_of(d, e);
    return e->flags & DATED ? name + strlen(name) + 1 : NULL;
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
 * may be one of the arena's own names (a dyad_docs_date view's name),
 * which growing the arena would move. */
static size_t put_name(dyad_docs *d, const char *doc, const char *date)
{
    size_t off = d->arena.len;
    bool own =
        d->arena.s && doc >= d->arena.s && doc < d->arena.s + d->arena.cap;
    char *copy = own ? xstrdup(doc) : NULL;
    sb_add(&d->arena, own ? copy : doc, strlen(doc) + 1);
    if (date)
        sb_add(&d->arena, date, DYAD_DATE_SIZE);
    free(copy);
    return off;
}

/* The bytes the items in memory take: arena, entries and (at the load
 * factor's worst) slots. */
static size_t mem_used(const dyad_docs *d)
{
    return d->arena.len + d->n * (sizeof(entry) + 4 * sizeof(uint32_t));
}

static _Thread_local const dyad_docs *sorting; /* qsort has no context */

static int cmp_index(const void *a, const void *b)
{
    const entry *x = &sorting->items[*(const uint32_t *)a];
    const entry *y = &sorting->items[*(const uint32_t *)b];
    return strcmp(name_of(sorting, x), name_of(sorting, y));
}

/* The numbers of the items in memory, in name order (the caller frees). */
static uint32_t *sorted_order(const dyad_docs *d)
{
    uint32_t *order = xmalloc((d->n + 1) * sizeof *order);
    for (size_t i = 0; i < d->n; i++)
        order[i] = (uint32_t)i;
    sorting = d;
    qsort(order, d->n, sizeof *order, cmp_index);
    sorting = NULL;
    return order;
}

static void spill(dyad_docs *d);

/* The entry of doc, added undated if new (*added says so).  A new name
 * past the budget first sends what memory holds to a run. */
static entry *add(dyad_docs *d, const char *doc, bool *added)
{
    uint32_t h = hash_of(doc);
    size_t i = d->cap ? slot_of(d, doc, h) : 0;
    *added = !d->cap || !d->slots[i];
    if (!*added)
        return &d->items[d->slots[i] - 1];
    if (d->n && mem_used(d) >= d->spill_bytes)
        spill(d);
    if (2 * (d->n + 1) > d->cap)
        rehash(d, d->cap ? 2 * d->cap : 64);
    i = slot_of(d, doc, h);
    if (d->n >= UINT32_MAX - 1)
        abort(); /* four billion names in memory: past what a table holds */
    GROW(d->items, d->cap_items, d->n + 1);
    d->items[d->n] = (entry){put_name(d, doc, NULL), h, 0};
    d->slots[i] = (uint32_t)++d->n;
    return &d->items[d->n - 1];
}

/* Gives e the date (checked), or the earlier of its two. */
static void date_entry(dyad_docs *d, entry *e, bool added, const char *doc,
                       const char *date)
{
    if (e->flags & DATED) { /* the earlier date, in place */
        char *old = (char *)date_of(d, e);
        if (strcmp(date, old) < 0)
            memcpy(old, date, DYAD_DATE_SIZE);
        return;
    }
    /* the name again with its date after it; the undated copy stays as
     * dead bytes (a document is dated once, near when it is added) */
    if (added) {
        d->arena.len = e->off;
        put_name(d, doc, date);
    } else {
        e->off = put_name(d, name_of(d, e), date);
    }
    e->flags |= DATED;
    d->n_dated++;
}

/* Records doc, with date (checked) or none; repeated marks it recorded
 * before elsewhere.  True if doc was not in memory. */
static bool record(dyad_docs *d, const char *doc, const char *date,
                   bool repeated)
{
    bool added;
    entry *e = add(d, doc, &added);
    if (!added || repeated)
        e->flags |= REPEATED;
    if (date)
        date_entry(d, e, added, doc, date);
    return added;
}

static bool is_date(const char *s)
{
    char checked[DYAD_DATE_SIZE];
    return s && strlen(s) == 10 && dyad_date_parse(s, 10, checked);
}

bool dyad_docs_add(dyad_docs *d, const char *doc)
{
    return record(d, doc, NULL, false);
}

bool dyad_docs_add_dated(dyad_docs *d, const char *doc, const char *date)
{
    return record(d, doc, is_date(date) ? date : NULL, false);
}

dyad_status dyad_docs_set_date(dyad_docs *d, const char *doc,
                               const char *date, dyad_error *err)
{
    if (!is_date(date))
        return dyad_fail(err, DYAD_ERR_INVALID, doc, 0, 0,
                         "not a date (YYYY-MM-DD): '%s'",
                         date ? date : "(null)");
    record(d, doc, date, false);
    return DYAD_OK;
}

/* ---- runs on disk ---- */

/* An anonymous file under $TMPDIR (or /tmp): O_TMPFILE, else a named
 * file unlinked at once.  -1 if neither can be made. */
static int temp_fd(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
#ifdef O_TMPFILE
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0)
        return fd;
#endif
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/.dyad-docs.XXXXXX", dir) >=
        (int)sizeof path)
        return -1;
    int named = mkostemp(path, O_CLOEXEC);
    if (named >= 0)
        unlink(path);
    return named;
}

typedef struct writer {
    int fd;
    char *buf;
    size_t len;
    uint64_t size;
    bool failed;
} writer;

static bool writer_open(writer *w)
{
    *w = (writer){temp_fd(), NULL, 0, 0, false};
    if (w->fd < 0)
        return false;
    w->buf = xmalloc(WRITE_BUF);
    return true;
}

static void writer_flush(writer *w)
{
    for (size_t at = 0; !w->failed && at < w->len;) {
        ssize_t k = write(w->fd, w->buf + at, w->len - at);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            w->failed = true;
        else
            at += (size_t)k;
    }
    w->size += w->len;
    w->len = 0;
}

static void writer_put(writer *w, const char *s, size_t n)
{
    while (n) {
        if (w->len == WRITE_BUF)
            writer_flush(w);
        size_t k = n < WRITE_BUF - w->len ? n : WRITE_BUF - w->len;
        memcpy(w->buf + w->len, s, k);
        w->len += k;
        s += k;
        n -= k;
    }
}

/* date: 10 bytes or NULL. */
static void writer_record(writer *w, const char *name, const char *date,
                          bool repeated)
{
    char flags = (char)((date ? DATED : 0) | (repeated ? REPEATED : 0));
    writer_put(w, &flags, 1);
    if (date)
        writer_put(w, date, 10);
    writer_put(w, name, strlen(name) + 1);
}

/* Ends the run into *r; false (and the file closed) if a write failed. */
static bool writer_close(writer *w, run *r, unsigned level)
{
    writer_flush(w);
    free(w->buf);
    if (w->failed) {
        close(w->fd);
        return false;
    }
    *r = (run){w->fd, w->size, level};
    return true;
}

typedef struct reader {
    int fd;
    uint64_t pos, end;
    char *buf;
    size_t at, len, cap;
} reader;

static reader reader_of(const run *r)
{
    return (reader){r->fd, 0, r->size, xmalloc(READ_BUF), 0, 0, READ_BUF};
}

/* Keeps the unread bytes, at the front, and reads more after them; a
 * record longer than the buffer doubles it. */
static void reader_fill(reader *r)
{
    memmove(r->buf, r->buf + r->at, r->len - r->at);
    r->len -= r->at;
    r->at = 0;
    if (r->len == r->cap) {
        r->cap *= 2;
        r->buf = xrealloc(r->buf, r->cap);
    }
    uint64_t want = r->cap - r->len;
    if (want > r->end - r->pos)
        want = r->end - r->pos;
    for (;;) {
        ssize_t k =
            pread(r->fd, r->buf + r->len, (size_t)want, (off_t)r->pos);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            abort(); /* our own unlinked file unreadable: as lost as memory */
        r->len += (size_t)k;
        r->pos += (uint64_t)k;
        return;
    }
}

typedef struct rec {
    const char *name, *date; /* date: 10 bytes (no NUL) or NULL */
    unsigned flags;
} rec;

/* The next record, pointing into r's buffer until the next call; false
 * at the end of the run. */
static bool reader_next(reader *r, rec *out)
{
    for (;;) {
        const char *p = r->buf + r->at;
        size_t have = r->len - r->at;
        size_t head = have ? 1 + (p[0] & DATED ? 10 : 0) : 1;
        const char *nul =
            have > head ? memchr(p + head, '\0', have - head) : NULL;
        if (nul) {
            *out = (rec){p + head, p[0] & DATED ? p + 1 : NULL,
                         (unsigned char)p[0]};
            r->at += (size_t)(nul - p) + 1;
            return true;
        }
        if (r->pos == r->end)
            return false;
        reader_fill(r);
    }
}

/* ---- listing: a merge of sources ---- */

/* A run, or the items in memory in name order; its head is the next item
 * (date: 10 bytes or NULL). */
typedef struct source {
    bool live;
    rec head;
    bool is_run;
    reader rd;
    const dyad_docs *d;
    uint32_t *order;
    size_t i;
} source;

static void source_next(source *s)
{
    if (s->is_run) {
        s->live = reader_next(&s->rd, &s->head);
        return;
    }
    s->live = s->i < s->d->n;
    if (!s->live)
        return;
    const entry *e = &s->d->items[s->order[s->i++]];
    s->head = (rec){name_of(s->d, e), date_of(s->d, e), e->flags};
}

/* A merge of runs first .. first + n_runs - 1 of d, and of its memory if
 * memory is set. */
static dyad_docs_iter *iter_open(const dyad_docs *d, size_t first,
                                 size_t n_runs, bool memory)
{
    dyad_docs_iter *it = xcalloc(1, sizeof *it);
    it->src = xcalloc(n_runs + 1, sizeof *it->src);
    for (size_t k = 0; k < n_runs; k++) {
        source *s = &it->src[it->n_src++];
        s->is_run = true;
        s->rd = reader_of(&d->runs[first + k]);
        source_next(s);
    }
    if (memory && d->n) {
        source *s = &it->src[it->n_src++];
        s->d = d;
        s->order = sorted_order(d);
        source_next(s);
    }
    return it;
}

/* The next name over all sources, collapsed: flags and date (10 bytes,
 * into it->date) of all its copies, REPEATED if there are several. */
static bool iter_step(dyad_docs_iter *it, unsigned *flags)
{
    source *min = NULL;
    for (size_t k = 0; k < it->n_src; k++)
        if (it->src[k].live &&
            (!min || strcmp(it->src[k].head.name, min->head.name) < 0))
            min = &it->src[k];
    if (!min)
        return false;
    it->name.len = 0;
    sb_puts(&it->name, min->head.name);
    unsigned fl = 0, copies = 0;
    for (size_t k = 0; k < it->n_src; k++) {
        source *s = &it->src[k];
        if (!s->live || strcmp(s->head.name, it->name.s) != 0)
            continue;
        if (s->head.date &&
            (!(fl & DATED) || memcmp(s->head.date, it->date, 10) < 0))
            memcpy(it->date, s->head.date, 10);
        fl |= s->head.flags;
        copies++;
        source_next(s);
    }
    it->date[10] = '\0';
    *flags = fl | (copies > 1 ? REPEATED : 0);
    return true;
}

static void iter_close(dyad_docs_iter *it)
{
    for (size_t k = 0; k < it->n_src; k++) {
        free(it->src[k].rd.buf);
        free(it->src[k].order);
    }
    free(it->src);
    sb_free(&it->name);
    free(it);
}

dyad_docs_iter *dyad_docs_iter_new(const dyad_docs *d)
{
    static const dyad_docs none;
    return d ? iter_open(d, 0, d->n_runs, true)
             : iter_open(&none, 0, 0, false);
}

bool dyad_docs_iter_next(dyad_docs_iter *it, dyad_docs_item *item)
{
    unsigned fl;
    if (!iter_step(it, &fl))
        return false;
    *item = (dyad_docs_item){it->name.s, fl & DATED ? it->date : NULL,
                             (fl & REPEATED) != 0};
    return true;
}

void dyad_docs_iter_free(dyad_docs_iter *it)
{
    if (it)
        iter_close(it);
}

/* ---- spilling ---- */

static void push_run(dyad_docs *d, run r)
{
    GROW(d->runs, d->cap_runs, d->n_runs + 1);
    d->runs[d->n_runs++] = r;
}

/* Merges the last FAN_IN runs while they are of one level. */
static void compact(dyad_docs *d)
{
    while (!d->no_compact && d->n_runs >= FAN_IN) {
        size_t first = d->n_runs - FAN_IN;
        unsigned level = d->runs[first].level;
        if (d->runs[d->n_runs - 1].level != level)
            return;
        writer w;
        run r;
        if (!writer_open(&w)) {
            d->no_compact = true;
            return;
        }
        dyad_docs_iter *it = iter_open(d, first, FAN_IN, false);
        unsigned fl;
        while (iter_step(it, &fl))
            writer_record(&w, it->name.s, fl & DATED ? it->date : NULL,
                          fl & REPEATED);
        iter_close(it);
        if (!writer_close(&w, &r, level + 1)) {
            d->no_compact = true; /* a full disk: keep the runs there are */
            return;
        }
        for (size_t k = first; k < d->n_runs; k++)
            close(d->runs[k].fd);
        d->n_runs = first;
        push_run(d, r);
    }
}

/* Sends the items in memory to a new run, and empties memory.  If no
 * temporary file can be written, the table stays in memory for good. */
static void spill(dyad_docs *d)
{
    writer w;
    run r;
    if (!writer_open(&w)) {
        d->spill_bytes = SIZE_MAX;
        return;
    }
    uint32_t *order = sorted_order(d);
    for (size_t i = 0; i < d->n; i++) {
        const entry *e = &d->items[order[i]];
        writer_record(&w, name_of(d, e), date_of(d, e), e->flags & REPEATED);
    }
    free(order);
    if (!writer_close(&w, &r, 0)) {
        d->spill_bytes = SIZE_MAX;
        return;
    }
    push_run(d, r);
    d->n = d->n_dated = 0;
    d->arena.len = 0;
    memset(d->slots, 0, d->cap * sizeof *d->slots);
    compact(d);
}

/* ---- lookups and counts ---- */

/* Whether run r has doc, and its date (into date, if dated): a pass over
 * the run until the names pass doc. */
static bool run_find(const run *r, const char *doc, char date[DYAD_DATE_SIZE],
                     bool *dated)
{
    reader rd = reader_of(r);
    rec x;
    bool found = false;
    while (!found && reader_next(&rd, &x)) {
        int c = strcmp(x.name, doc);
        if (c > 0)
            break;
        if (c == 0) {
            found = true;
            *dated = x.date != NULL;
            if (x.date) {
                memcpy(date, x.date, 10);
                date[10] = '\0';
            }
        }
    }
    free(rd.buf);
    return found;
}

/* Whether d has doc, in memory or in a run; date receives the earliest of
 * its dates, *dated whether there is one. */
static bool lookup(const dyad_docs *d, const char *doc,
                   char date[DYAD_DATE_SIZE], bool *dated)
{
    const entry *e = find(d, doc);
    bool found = e != NULL;
    *dated = e && (e->flags & DATED);
    if (*dated)
        memcpy(date, date_of(d, e), DYAD_DATE_SIZE);
    for (size_t k = 0; doc && k < d->n_runs; k++) {
        char other[DYAD_DATE_SIZE];
        bool has_date = false;
        if (!run_find(&d->runs[k], doc, other, &has_date))
            continue;
        found = true;
        if (has_date && (!*dated || strcmp(other, date) < 0)) {
            memcpy(date, other, DYAD_DATE_SIZE);
            *dated = true;
        }
    }
    return found;
}

bool dyad_docs_has(const dyad_docs *d, const char *doc)
{
    if (!d || !d->n_runs)
        return find(d, doc) != NULL;
    char date[DYAD_DATE_SIZE];
    bool dated;
    return lookup(d, doc, date, &dated);
}

const char *dyad_docs_date(const dyad_docs *d, const char *doc)
{
    if (!d || !d->n_runs) {
        const entry *e = find(d, doc);
        return e ? date_of(d, e) : NULL;
    }
    static _Thread_local char found[DYAD_DATE_SIZE];
    bool dated;
    return lookup(d, doc, found, &dated) && dated ? found : NULL;
}

/* The number of names, and of dated ones, by a listing. */
static void tally(const dyad_docs *d, size_t *n, size_t *dated)
{
    dyad_docs_iter *it = dyad_docs_iter_new(d);
    dyad_docs_item x;
    *n = *dated = 0;
    while (dyad_docs_iter_next(it, &x)) {
        ++*n;
        *dated += x.date != NULL;
    }
    dyad_docs_iter_free(it);
}

size_t dyad_docs_count(const dyad_docs *d)
{
    if (!d || !d->n_runs)
        return d ? d->n : 0;
    size_t n, dated;
    tally(d, &n, &dated);
    return n;
}

size_t dyad_docs_n_dated(const dyad_docs *d)
{
    if (!d || !d->n_runs)
        return d ? d->n_dated : 0;
    size_t n, dated;
    tally(d, &n, &dated);
    return dated;
}

bool dyad_docs_empty(const dyad_docs *d)
{
    return !d || (!d->n && !d->n_runs);
}

dyad_status dyad_docs_merge(dyad_docs *into, const dyad_docs *from)
{
    if (!from || into == from)
        return DYAD_OK;
    dyad_docs_iter *it = dyad_docs_iter_new(from);
    dyad_docs_item x;
    while (dyad_docs_iter_next(it, &x))
        record(into, x.doc, x.date, x.repeated);
    dyad_docs_iter_free(it);
    return DYAD_OK;
}
