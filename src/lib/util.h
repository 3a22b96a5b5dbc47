/* Private helpers shared by the library's files: allocation that aborts on
 * failure (see common.h), growable arrays and string buffers. */
#ifndef DYAD_UTIL_H
#define DYAD_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *items (of *cap elements of size) to hold at least need. */
void grow(void **items, size_t *cap, size_t need, size_t size);
#define GROW(arr, cap, need) grow((void **)&(arr), &(cap), (need), sizeof *(arr))

typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;

void sb_add(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void sb_free(strbuf *b);

/* FNV-1a, for the hash tables. */
static inline size_t hash_bytes(const char *s, size_t n)
{
    size_t h = (size_t)1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * (size_t)1099511628211ULL;
    return h;
}

#endif
