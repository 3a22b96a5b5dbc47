#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "dyad/common.h"
#include "util.h"

static void out_of_memory(size_t n)
{
    fprintf(stderr, "dyad: out of memory (asked for %zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

void grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n *= 2;
    *items = xrealloc(*items, n * size);
    *cap = n;
}

void sb_add(strbuf *b, const char *s, size_t n)
{
    GROW(b->s, b->cap, b->len + n + 1);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_puts(strbuf *b, const char *s) { sb_add(b, s, strlen(s)); }
void sb_putc(strbuf *b, char c) { sb_add(b, &c, 1); }

void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    GROW(b->s, b->cap, b->len + (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_free(strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

const char *dyad_status_name(dyad_status st)
{
    switch (st) {
    case DYAD_OK: return "ok";
    case DYAD_ERR_IO: return "input/output error";
    case DYAD_ERR_PARSE: return "malformed input";
    case DYAD_ERR_INVALID: return "invalid input";
    case DYAD_ERR_SCHEMA: return "unsupported schema";
    case DYAD_ERR_GRAPHVIZ: return "graphviz error";
    }
    return "unknown status";
}

dyad_status dyad_fail(dyad_error *err, dyad_status st, const char *source,
                      int line, int column, const char *fmt, ...)
{
    if (!err)
        return st;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
    return st;
}
