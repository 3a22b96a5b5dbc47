/* The JSONL scanner (see jsonl.h): a recursive-descent reader of one line
 * that decodes only "id", "text" and "date".
 *
 * Messages and columns follow Jansson's, which read these lines before:
 * "premature end of input near '\"abc'", "':' expected near 'x'", with the
 * column of the last character read, counted in characters, and the token
 * quoted when it is at most 20 bytes long. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jsonl.h"

enum { MAX_DEPTH = 2048 };

/* A growing byte buffer for decoded strings. */
typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void buf_put(buf *b, const char *s, size_t n)
{
    if (b->cap - b->n < n + 1) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap - b->n < n + 1)
            cap *= 2;
        b->p = cli_xrealloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* Top-level keys seen, for duplicates: decoded keys in one arena, found
 * through a small open-addressing table of their offsets. */
typedef struct keyset {
    buf arena;
    size_t *slots; /* offset + 1 into arena (key, NUL); 0: empty */
    size_t n, cap;
} keyset;

typedef struct scan {
    const char *s;
    size_t n, i;
    jsonl_error *err;
    bool failed;
    int depth;
    keyset keys;
    buf key;       /* the top-level key being read */
    bool in_value; /* reading its value: errors name the key */
} scan;

/* ---- errors ---- */

/* Jansson's column: characters up to and including byte pos (UTF-8
 * continuation bytes not counted). */
static int column_at(const scan *sc, size_t end)
{
    int col = 0;
    for (size_t k = 0; k < end && k < sc->n; k++)
        col += ((unsigned char)sc->s[k] & 0xC0) != 0x80;
    return col;
}

/* Fails with the token s[start..end) as context; the column is that of
 * the token's last character. */
static bool fail(scan *sc, size_t start, size_t end, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static bool fail(scan *sc, size_t start, size_t end, const char *fmt, ...)
{
    if (sc->failed)
        return false;
    sc->failed = true;
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    jsonl_error *e = sc->err;
    e->syntax = true;
    if (sc->in_value && sc->key.p)
        snprintf(e->field, sizeof e->field, "%s", sc->key.p);
    e->column = column_at(sc, end);
    size_t len = end > start ? end - start : 0;
    if (len == 0)
        snprintf(e->text, sizeof e->text, "%s near end of file", what);
    else if (len <= 20)
        snprintf(e->text, sizeof e->text, "%s near '%.*s'", what, (int)len,
                 sc->s + start);
    else
        snprintf(e->text, sizeof e->text, "%s", what);
    return false;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_ws(scan *sc)
{
    while (sc->i < sc->n && is_ws(sc->s[sc->i]))
        sc->i++;
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The end of the token at i, as Jansson would have read it for a
 * message: a word, a number's characters, or one character. */
static size_t token_end(const scan *sc, size_t i)
{
    if (i >= sc->n)
        return i;
    size_t j = i + 1;
    if (sc->s[i] == '"') {
        while (j < sc->n && sc->s[j] != '"')
            j += sc->s[j] == '\\' && j + 1 < sc->n ? 2 : 1;
        return j < sc->n ? j + 1 : sc->n;
    }
    if (is_alpha(sc->s[i]))
        while (j < sc->n && is_alpha(sc->s[j]))
            j++;
    else if (sc->s[i] == '-' || is_digit(sc->s[i]))
        while (j < sc->n && (is_digit(sc->s[j]) || strchr(".eE+-", sc->s[j])))
            j++;
    else
        while (j < sc->n && ((unsigned char)sc->s[j] & 0xC0) == 0x80)
            j++;
    return j;
}

/* Fails naming the token at the cursor (or the end of the line). */
static bool fail_here(scan *sc, const char *what)
{
    return fail(sc, sc->i, token_end(sc, sc->i), "%s", what);
}

/* ---- strings ---- */

/* The length of the valid UTF-8 sequence at s[i], 0 if it is not one
 * (overlong forms, surrogates and values past U+10FFFF are not). */
static size_t utf8_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    size_t len = c < 0x80   ? 1
                 : c < 0xC2 ? 0
                 : c < 0xE0 ? 2
                 : c < 0xF0 ? 3
                 : c < 0xF5 ? 4
                            : 0;
    if (len < 2)
        return len;
    if (i + len > n)
        return 0;
    unsigned lo = 0x80, hi = 0xBF, c1 = s[i + 1];
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    if (c1 < lo || c1 > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    return len;
}

static void put_utf8(buf *b, uint32_t cp)
{
    char o[4];
    size_t n;
    if (cp < 0x80) {
        o[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        o[0] = (char)(0xF0 | cp >> 18);
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_put(b, o, n);
}

static int hex4(const char *s)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        int d = is_digit(c)            ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* What a string holds beyond its bytes, for the caller. */
typedef struct str_out {
    buf *out;         /* NULL: validate only */
    bool allow_nul;   /* \u0000 decodes to NUL (else refused, as Jansson) */
    size_t nul_at;    /* offset + 1 of the first NUL in out */
    char problem[64]; /* a \u escape that does not decode, told at the
                         closing quote as Jansson tells it */
} str_out;

/* A \u escape at s[i] (the backslash): decodes it (a surrogate pair
 * takes two) and returns the bytes used; 0 if its hex digits are bad. */
static size_t unicode_escape(scan *sc, size_t i, str_out *o)
{
    for (size_t k = 0; k < 4; k++) {
        size_t q = i + 2 + k;
        if (q >= sc->n) {
            fail(sc, sc->i, sc->n, "premature end of input");
            return 0;
        }
        if (!strchr("0123456789abcdefABCDEF", sc->s[q]) || !sc->s[q]) {
            fail(sc, sc->i, q + 1, "invalid escape");
            return 0;
        }
    }
    uint32_t cp = (uint32_t)hex4(sc->s + i + 2);
    size_t used = 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        int lo =
            i + 12 <= sc->n && sc->s[i + 6] == '\\' && sc->s[i + 7] == 'u'
                ? hex4(sc->s + i + 8)
                : -1;
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
            used = 12;
        } else if (!o->problem[0]) {
            snprintf(o->problem, sizeof o->problem,
                     "invalid Unicode '\\u%04X'", (unsigned)cp);
        }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF && !o->problem[0]) {
        snprintf(o->problem, sizeof o->problem, "invalid Unicode '\\u%04X'",
                 (unsigned)cp);
    } else if (cp == 0 && !o->allow_nul && !o->problem[0]) {
        snprintf(o->problem, sizeof o->problem,
                 "\\u0000 is not allowed without JSON_ALLOW_NUL");
    }
    if (o->out && !o->problem[0]) {
        if (cp == 0 && !o->nul_at)
            o->nul_at = o->out->n + 1;
        put_utf8(o->out, cp);
    }
    return used;
}

static const char *simple_escape(char c)
{
    switch (c) {
    case '"': return "\"";
    case '\\': return "\\";
    case '/': return "/";
    case 'b': return "\b";
    case 'f': return "\f";
    case 'n': return "\n";
    case 'r': return "\r";
    case 't': return "\t";
    default: return NULL;
    }
}

/* One character of a string at j (not its closing quote): appended to
 * o->out; the bytes used, 0 on failure. */
static size_t string_char(scan *sc, size_t j, str_out *o)
{
    unsigned char c = (unsigned char)sc->s[j];
    if (c < 0x20) {
        fail(sc, sc->i, j,
             c == '\n' ? "unexpected newline" : "control character 0x%x", c);
        return 0;
    }
    if (c == '\\') {
        if (j + 1 >= sc->n) {
            fail(sc, sc->i, sc->n, "premature end of input");
            return 0;
        }
        if (sc->s[j + 1] == 'u')
            return unicode_escape(sc, j, o);
        const char *e = simple_escape(sc->s[j + 1]);
        if (!e) {
            fail(sc, sc->i, j + 2, "invalid escape");
            return 0;
        }
        if (o->out)
            buf_put(o->out, e, 1);
        return 2;
    }
    size_t len = utf8_len((const unsigned char *)sc->s, sc->n, j);
    if (!len)
        fail(sc, sc->i, j, "unable to decode byte 0x%x", c);
    return len;
}

/* The string at the cursor (its opening quote), decoded into o->out. */
static bool scan_string(scan *sc, str_out *o)
{
    size_t j = sc->i + 1;
    for (;;) {
        size_t run = j;
        while (run < sc->n && sc->s[run] != '"' && sc->s[run] != '\\' &&
               (unsigned char)sc->s[run] >= 0x20 &&
               (unsigned char)sc->s[run] < 0x80)
            run++;
        if (o->out && run > j)
            buf_put(o->out, sc->s + j, run - j);
        j = run;
        if (j >= sc->n)
            return fail(sc, sc->i, sc->n, "premature end of input");
        if (sc->s[j] == '"')
            break;
        size_t used = string_char(sc, j, o);
        if (!used)
            return false;
        if (o->out && used > 1 && sc->s[j] != '\\')
            buf_put(o->out, sc->s + j, used);
        j += used;
    }
    size_t start = sc->i;
    sc->i = j + 1;
    if (o->problem[0])
        return fail(sc, start, sc->i, "%s", o->problem);
    return true;
}

/* ---- values ---- */

static bool scan_value(scan *sc, jsonl_field *f);

static bool scan_number(scan *sc)
{
    size_t i = sc->i, n = sc->n;
    const char *s = sc->s;
    if (s[i] == '-')
        i++;
    bool ok = i < n && is_digit(s[i]);
    if (ok && s[i] == '0' && i + 1 < n && is_digit(s[i + 1]))
        return fail(sc, sc->i, i + 1, "invalid token");
    while (ok && i < n && is_digit(s[i]))
        i++;
    if (ok && i < n && s[i] == '.') {
        ok = ++i < n && is_digit(s[i]);
        while (ok && i < n && is_digit(s[i]))
            i++;
    }
    if (ok && i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        ok = i < n && is_digit(s[i]);
        while (ok && i < n && is_digit(s[i]))
            i++;
    }
    if (!ok) /* the character that does not fit is not part of it */
        return fail(sc, sc->i, i, "invalid token");
    sc->i = i;
    return true;
}

static bool scan_word(scan *sc)
{
    size_t end = token_end(sc, sc->i);
    size_t len = end - sc->i;
    const char *w = sc->s + sc->i;
    if ((len == 4 && (!memcmp(w, "true", 4) || !memcmp(w, "null", 4))) ||
        (len == 5 && !memcmp(w, "false", 5))) {
        sc->i = end;
        return true;
    }
    return fail(sc, sc->i, end, "invalid token");
}

static bool scan_array(scan *sc)
{
    sc->i++;
    skip_ws(sc);
    if (sc->i < sc->n && sc->s[sc->i] == ']') {
        sc->i++;
        return true;
    }
    for (;;) {
        skip_ws(sc);
        if (!scan_value(sc, NULL))
            return false;
        skip_ws(sc);
        if (sc->i < sc->n && sc->s[sc->i] == ',') {
            sc->i++;
            continue;
        }
        if (sc->i < sc->n && sc->s[sc->i] == ']') {
            sc->i++;
            return true;
        }
        return fail_here(sc, "']' expected");
    }
}

static size_t hash_bytes(const char *s, size_t n)
{
    size_t h = (size_t)14695981039346656037ULL;
    for (size_t k = 0; k < n; k++)
        h = (h ^ (unsigned char)s[k]) * (size_t)1099511628211ULL;
    return h;
}

static size_t *key_slot(keyset *ks, const char *k, size_t n)
{
    size_t mask = ks->cap - 1, j = hash_bytes(k, n) & mask;
    while (ks->slots[j]) {
        const char *have = ks->arena.p + ks->slots[j] - 1;
        if (strlen(have) == n && memcmp(have, k, n) == 0)
            break;
        j = (j + 1) & mask;
    }
    return &ks->slots[j];
}

static void keyset_grow(keyset *ks)
{
    size_t old_cap = ks->cap;
    size_t *old = ks->slots;
    ks->cap = old_cap ? 2 * old_cap : 16;
    ks->slots = cli_xmalloc(ks->cap * sizeof *ks->slots);
    memset(ks->slots, 0, ks->cap * sizeof *ks->slots);
    for (size_t k = 0; k < old_cap; k++) {
        if (!old[k])
            continue;
        const char *key = ks->arena.p + old[k] - 1;
        *key_slot(ks, key, strlen(key)) = old[k];
    }
    free(old);
}

/* Adds a key; false if it was there. */
static bool keyset_add(keyset *ks, const char *k, size_t n)
{
    if (2 * (ks->n + 1) > ks->cap)
        keyset_grow(ks);
    size_t *slot = key_slot(ks, k, n);
    if (*slot)
        return false;
    *slot = ks->arena.n + 1;
    buf_put(&ks->arena, k, n);
    buf_put(&ks->arena, "", 1); /* the NUL ends the key in the arena */
    ks->n++;
    return true;
}

static jsonl_field *field_of(jsonl_doc *doc, const buf *key)
{
    if (!doc)
        return NULL;
    if (key->n == 2 && !memcmp(key->p, "id", 2))
        return &doc->id;
    if (key->n == 4 && !memcmp(key->p, "text", 4))
        return &doc->text;
    if (key->n == 4 && !memcmp(key->p, "date", 4))
        return &doc->date;
    return NULL;
}

/* One "key": value pair of an object (the top one when doc is set), its
 * key decoded into key and checked against ks. */
static bool scan_member(scan *sc, jsonl_doc *doc, keyset *ks, buf *key)
{
    if (sc->i >= sc->n || sc->s[sc->i] != '"')
        return fail_here(sc, "string or '}' expected");
    size_t key_start = sc->i;
    if (key->p) {
        key->n = 0;
        key->p[0] = '\0';
    }
    str_out ko = {.out = key};
    if (!scan_string(sc, &ko))
        return false;
    if (!keyset_add(ks, key->p ? key->p : "", key->n))
        return fail(sc, key_start, sc->i, "duplicate object key");
    jsonl_field *f = doc ? field_of(doc, key) : NULL;
    skip_ws(sc);
    if (sc->i >= sc->n || sc->s[sc->i] != ':')
        return fail_here(sc, "':' expected");
    sc->i++;
    skip_ws(sc);
    sc->in_value = doc != NULL || sc->in_value;
    bool ok = scan_value(sc, f);
    if (doc)
        sc->in_value = false;
    return ok;
}

/* The members of an object, at the cursor's '{'. */
static bool scan_members(scan *sc, jsonl_doc *doc, keyset *ks, buf *key)
{
    sc->i++;
    skip_ws(sc);
    if (sc->i < sc->n && sc->s[sc->i] == '}') {
        sc->i++;
        return true;
    }
    for (;;) {
        skip_ws(sc);
        if (!scan_member(sc, doc, ks, key))
            return false;
        skip_ws(sc);
        if (sc->i < sc->n && sc->s[sc->i] == ',') {
            sc->i++;
            continue;
        }
        if (sc->i < sc->n && sc->s[sc->i] == '}') {
            sc->i++;
            return true;
        }
        return fail_here(sc, "'}' expected");
    }
}

/* An object: the top one fills doc; a nested one (doc NULL) is checked
 * for duplicate keys too, as Jansson checked every object. */
static bool scan_object(scan *sc, jsonl_doc *doc)
{
    if (doc)
        return scan_members(sc, doc, &sc->keys, &sc->key);
    keyset ks = {0};
    buf key = {0};
    bool ok = scan_members(sc, NULL, &ks, &key);
    free(ks.arena.p);
    free(ks.slots);
    free(key.p);
    return ok;
}

static const char *kind_of(char c)
{
    switch (c) {
    case '{': return "an object";
    case '[': return "an array";
    case '"': return "a string";
    case 't':
    case 'f': return "a boolean";
    case 'n': return "null";
    default: return "a number";
    }
}

/* A string field's value, decoded. */
static bool scan_field_string(scan *sc, jsonl_field *f)
{
    buf b = {0};
    str_out o = {.out = &b, .allow_nul = true};
    if (!scan_string(sc, &o)) {
        free(b.p);
        return false;
    }
    if (!b.p)
        buf_put(&b, "", 0);
    free(f->str);
    f->str = b.p;
    f->len = b.n;
    f->nul_at = o.nul_at;
    return true;
}

/* A value; f (if set) receives its kind and, for a string, its text. */
static bool scan_value(scan *sc, jsonl_field *f)
{
    if (sc->i >= sc->n)
        return fail(sc, sc->i, sc->i, "unexpected token");
    if (++sc->depth > MAX_DEPTH)
        return fail_here(sc, "maximum parsing depth reached");
    char c = sc->s[sc->i];
    if (f) {
        f->present = true;
        f->kind = kind_of(c);
    }
    bool ok;
    if (c == '{')
        ok = scan_object(sc, NULL);
    else if (c == '[')
        ok = scan_array(sc);
    else if (c == '"')
        ok = f ? scan_field_string(sc, f)
               : scan_string(sc, &(str_out){.allow_nul = true});
    else if (c == '-' || is_digit(c))
        ok = scan_number(sc);
    else if (is_alpha(c))
        ok = scan_word(sc);
    else if (strchr("{}[]:,", c))
        ok = fail_here(sc, "unexpected token");
    else
        ok = fail_here(sc, "invalid token");
    sc->depth--;
    return ok;
}

/* ---- the line ---- */

static bool shape_problem(jsonl_doc *doc, jsonl_error *err)
{
    const struct {
        const char *key;
        const jsonl_field *f;
    } need[] = {{"id", &doc->id}, {"text", &doc->text}};
    for (size_t k = 0; k < 2; k++) {
        const jsonl_field *f = need[k].f;
        const char *key = need[k].key;
        if (!f->present)
            snprintf(err->text, sizeof err->text, "\"%s\" is missing", key);
        else if (!f->str)
            snprintf(err->text, sizeof err->text,
                     "\"%s\" is %s, not a string", key, f->kind);
        else if (k == 0 && f->len == 0)
            snprintf(err->text, sizeof err->text, "\"id\" is empty");
        else if (k == 0 && f->nul_at)
            snprintf(err->text, sizeof err->text,
                     "\"id\" holds a NUL character (\\u0000)");
        else
            continue;
        return true;
    }
    return false;
}

static bool scan_top(scan *sc, jsonl_doc *doc)
{
    skip_ws(sc);
    char c = sc->i < sc->n ? sc->s[sc->i] : '\0';
    bool object = c == '{';
    sc->depth = 1; /* the line's value counts, as in Jansson */
    bool ok = object     ? scan_object(sc, doc)
              : c == '[' ? scan_array(sc)
                         : fail_here(sc, "'[' or '{' expected");
    if (!ok)
        return false;
    skip_ws(sc);
    if (sc->i < sc->n)
        return fail_here(sc, "end of file expected");
    if (!object) {
        sc->err->syntax = false;
        snprintf(sc->err->text, sizeof sc->err->text,
                 "the line is an array, not an object");
        return false;
    }
    return true;
}

bool jsonl_scan(const char *line, size_t len, jsonl_doc *doc,
                jsonl_error *err)
{
    memset(doc, 0, sizeof *doc);
    memset(err, 0, sizeof *err);
    size_t bom = len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    scan sc = {.s = line + bom, .n = len - bom, .err = err};
    bool ok = scan_top(&sc, doc);
    free(sc.keys.arena.p);
    free(sc.keys.slots);
    free(sc.key.p);
    if (ok && shape_problem(doc, err)) {
        err->syntax = false;
        ok = false;
    }
    if (!ok)
        jsonl_doc_free(doc);
    return ok;
}

void jsonl_doc_free(jsonl_doc *doc)
{
    free(doc->id.str);
    free(doc->text.str);
    free(doc->date.str);
    memset(doc, 0, sizeof *doc);
}
