/* dyad_docs: document names to dates, an open-addressing hash table of
 * owned strings.  Dates are fixed-size, so an entry is its name and 11
 * bytes. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dyad/docs.h"
#include "util.h"

typedef struct entry {
    char *doc; /* NULL: empty slot */
    char date[DYAD_DATE_SIZE];
} entry;

struct dyad_docs {
    entry *slots;
    size_t n, cap; /* cap: 0 or a power of two */
};

dyad_docs *dyad_docs_new(void) { return xcalloc(1, sizeof(dyad_docs)); }

void dyad_docs_free(dyad_docs *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->cap; i++)
        free(d->slots[i].doc);
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
    if (end < len && text[end] != '\n' && text[end] != '\r')
        return 0;
    return end;
}

/* ---- the table ---- */

static size_t slot_of(const dyad_docs *d, const char *doc)
{
    size_t mask = d->cap - 1;
    size_t i = hash_bytes(doc, strlen(doc)) & mask;
    while (d->slots[i].doc && strcmp(d->slots[i].doc, doc) != 0)
        i = (i + 1) & mask;
    return i;
}

static void rehash(dyad_docs *d)
{
    dyad_docs bigger = {xcalloc(d->cap ? 2 * d->cap : 64, sizeof(entry)),
                        d->n, d->cap ? 2 * d->cap : 64};
    for (size_t i = 0; i < d->cap; i++)
        if (d->slots[i].doc)
            bigger.slots[slot_of(&bigger, d->slots[i].doc)] = d->slots[i];
    free(d->slots);
    *d = bigger;
}

dyad_status dyad_docs_set_date(dyad_docs *d, const char *doc,
                               const char *date, dyad_error *err)
{
    char checked[DYAD_DATE_SIZE];
    if (!date || strlen(date) != 10 || !dyad_date_parse(date, 10, checked))
        return dyad_fail(err, DYAD_ERR_INVALID, doc, 0, 0,
                         "not a date (YYYY-MM-DD): '%s'",
                         date ? date : "(null)");
    if (2 * (d->n + 1) > d->cap)
        rehash(d);
    entry *e = &d->slots[slot_of(d, doc)];
    if (!e->doc) {
        e->doc = xstrdup(doc);
        memcpy(e->date, checked, sizeof checked);
        d->n++;
    } else if (strcmp(checked, e->date) < 0) {
        memcpy(e->date, checked, sizeof checked);
    }
    return DYAD_OK;
}

const char *dyad_docs_date(const dyad_docs *d, const char *doc)
{
    if (!d || !d->n || !doc)
        return NULL;
    const entry *e = &d->slots[slot_of(d, doc)];
    return e->doc ? e->date : NULL;
}

size_t dyad_docs_n_dated(const dyad_docs *d) { return d ? d->n : 0; }
