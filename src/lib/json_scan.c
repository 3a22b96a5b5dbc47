/* The forward-only JSON scanner of json_scan.h. */
#include <string.h>

#include "json_scan.h"

/* Jansson refuses nesting past 2048; a value captured here starts at depth
 * 1 to 4 of the graph, so a margin keeps every accepted text within it. */
#define MAX_DEPTH 2000

void json_scan_init(json_scan *s, FILE *in)
{
    s->in = in;
    s->pos = s->len = 0;
    s->value = (strbuf){0};
}

void json_scan_free(json_scan *s) { sb_free(&s->value); }

/* The next byte, or -1 at the end (or on a read error: the caller's
 * Jansson pass reports it). */
static int peek(json_scan *s)
{
    if (s->pos == s->len) {
        s->len = fread(s->buf, 1, sizeof s->buf, s->in);
        s->pos = 0;
        if (!s->len)
            return -1;
    }
    return (unsigned char)s->buf[s->pos];
}

static bool is_ws(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int skip_ws(json_scan *s)
{
    int c;
    while (is_ws(c = peek(s)))
        s->pos++;
    return c;
}

bool json_scan_byte(json_scan *s, char c)
{
    if (skip_ws(s) != (unsigned char)c)
        return false;
    s->pos++;
    return true;
}

bool json_scan_key(json_scan *s, char *key, size_t size)
{
    if (!json_scan_byte(s, '"'))
        return false;
    size_t n = 0;
    for (int c = peek(s); c != '"'; c = peek(s)) {
        if (c < 0x20 || c == '\\' || c >= 0x80 || n + 1 >= size)
            return false; /* escapes, control bytes, UTF-8: Jansson's */
        key[n++] = (char)c;
        s->pos++;
    }
    s->pos++;
    key[n] = '\0';
    return json_scan_byte(s, ':');
}

bool json_scan_next(json_scan *s, char close, bool *more)
{
    int c = skip_ws(s);
    if (c != ',' && c != (unsigned char)close)
        return false;
    s->pos++;
    *more = c == ',';
    return true;
}

bool json_scan_end(json_scan *s)
{
    return skip_ws(s) == -1 && !ferror(s->in);
}

static void take(json_scan *s, int c)
{
    sb_putc(&s->value, (char)c);
    s->pos++;
}

/* A string's bytes, its quotes included; Jansson checks what is inside. */
static bool capture_string(json_scan *s)
{
    take(s, '"');
    for (int c = peek(s); c != '"'; c = peek(s)) {
        if (c < 0)
            return false;
        take(s, c);
        if (c == '\\') {
            if ((c = peek(s)) < 0)
                return false;
            take(s, c);
        }
    }
    take(s, '"');
    return true;
}

/* A number, true, false or null: up to the next white space or
 * delimiter (Jansson checks the token). */
static bool capture_scalar(json_scan *s)
{
    int c;
    while ((c = peek(s)) >= 0 && !is_ws(c) && c != ',' && c != '}' &&
           c != ']')
        take(s, c);
    return s->value.len > 0;
}

/* One value's bytes: brackets matched outside strings. */
static bool capture(json_scan *s)
{
    int c = skip_ws(s);
    if (c == '"')
        return capture_string(s);
    if (c != '{' && c != '[')
        return capture_scalar(s);
    int depth = 0;
    do {
        c = peek(s);
        if (c < 0)
            return false;
        if (c == '"') {
            if (!capture_string(s))
                return false;
            continue;
        }
        if (c == '{' || c == '[') {
            if (++depth > MAX_DEPTH)
                return false;
        } else if (c == '}' || c == ']') {
            depth--;
        }
        take(s, c);
    } while (depth > 0);
    return true;
}

json_t *json_scan_value(json_scan *s)
{
    s->value.len = 0;
    if (!capture(s))
        return NULL;
    json_error_t jerr;
    return json_loadb(s->value.s, s->value.len,
                      JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
}
