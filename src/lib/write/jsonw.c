/* The buffered JSON stream of jsonw.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jsonw.h"

void jsonw_init(jsonw *w, FILE *out)
{
    w->out = out;
    w->mem = NULL;
    w->len = 0;
    w->failed = false;
}

void jsonw_init_mem(jsonw *w, strbuf *mem)
{
    jsonw_init(w, NULL);
    w->mem = mem;
}

/* Writes n bytes where the stream goes, unbuffered. */
static void put(jsonw *w, const char *s, size_t n)
{
    if (w->mem)
        sb_add(w->mem, s, n);
    else if (fwrite(s, 1, n, w->out) != n)
        w->failed = true;
}

static void flush(jsonw *w)
{
    if (!w->failed && w->len)
        put(w, w->buf, w->len);
    w->len = 0;
}

bool jsonw_close(jsonw *w)
{
    flush(w);
    return !w->failed;
}

void jsonw_raw(jsonw *w, const char *s, size_t n)
{
    if (w->failed)
        return;
    if (n > sizeof w->buf - w->len) {
        flush(w);
        if (n > sizeof w->buf) { /* a long evidence sentence: as it is */
            put(w, s, n);
            return;
        }
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

void jsonw_lit(jsonw *w, const char *s) { jsonw_raw(w, s, strlen(s)); }

void jsonw_newline(jsonw *w, int depth)
{
    static const char spaces[] = "                ";
    jsonw_raw(w, "\n", 1);
    for (; depth > 0; depth -= 16)
        jsonw_raw(w, spaces, depth < 16 ? (size_t)depth : 16);
}

/* Bytes that stand for themselves inside a JSON string. */
static bool plain(unsigned char c)
{
    return c >= 0x20 && c != '"' && c != '\\';
}

static void escape(jsonw *w, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    char seq[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
    switch (c) {
    case '"': jsonw_raw(w, "\\\"", 2); return;
    case '\\': jsonw_raw(w, "\\\\", 2); return;
    case '\b': jsonw_raw(w, "\\b", 2); return;
    case '\f': jsonw_raw(w, "\\f", 2); return;
    case '\n': jsonw_raw(w, "\\n", 2); return;
    case '\r': jsonw_raw(w, "\\r", 2); return;
    case '\t': jsonw_raw(w, "\\t", 2); return;
    default: jsonw_raw(w, seq, sizeof seq); return;
    }
}

void jsonw_string(jsonw *w, const char *s)
{
    jsonw_raw(w, "\"", 1);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        const unsigned char *run = p;
        while (*p && plain(*p))
            p++;
        jsonw_raw(w, (const char *)run, (size_t)(p - run));
        if (*p)
            escape(w, *p++);
    }
    jsonw_raw(w, "\"", 1);
}

/* As "%ld" gives it, without printf's cost (two a piece of evidence). */
void jsonw_long(jsonw *w, long x)
{
    char buf[24];
    size_t i = sizeof buf;
    unsigned long u = x < 0 ? 0UL - (unsigned long)x : (unsigned long)x;
    do
        buf[--i] = (char)('0' + u % 10);
    while (u /= 10);
    if (x < 0)
        buf[--i] = '-';
    jsonw_raw(w, buf + i, sizeof buf - i);
}

/* Jansson's jsonp_dtostr, written again: the same bytes for every value. */
void jsonw_real(jsonw *w, double x)
{
    char buf[48];
    if (!isfinite(x)) {
        w->failed = true;
        return;
    }
    int n = snprintf(buf, sizeof buf - 3, "%.10g", x);
    size_t len = (size_t)n;
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        memcpy(buf + len, ".0", 3);
        len += 2;
    }
    char *e = strchr(buf, 'e');
    if (e) {
        char *start = e + 1, *end = e + 2;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, len - (size_t)(end - buf) + 1);
            len -= (size_t)(end - start);
        }
    }
    jsonw_raw(w, buf, len);
}

void jsonw_key(jsonw *w, int depth, const char *key)
{
    jsonw_newline(w, depth);
    jsonw_string(w, key);
    jsonw_raw(w, ": ", 2);
}
