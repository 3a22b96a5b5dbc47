#include <ctype.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "atom.h"
#include "text.h"
#include "util.h"

bool text_valid_utf8(const char *text, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)text[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            *bad = i;
            return false;
        }
        i += (size_t)n;
    }
    return true;
}

bool text_utf8_ok(const char *s)
{
    size_t bad;
    return !s || text_valid_utf8(s, strlen(s), &bad);
}

void text_line_col(const char *text, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* One code point at p (valid UTF-8 assumed; a stray byte counts as one). */
static size_t decode(const char *p, size_t left, int32_t *cp)
{
    if ((unsigned char)*p < 0x80) {
        *cp = (unsigned char)*p;
        return 1;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)left, &c);
    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)n;
}

static bool is_wordchar(int32_t cp)
{
    if (cp < 0x80)
        return isalnum(cp);
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

static bool is_letter(int32_t cp)
{
    return is_wordchar(cp) && !(cp < 0x80 ? isdigit(cp) : utf8proc_category(cp) == UTF8PROC_CATEGORY_ND);
}

static bool is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP || cp == 0x200B || cp == 0xFEFF;
}

static bool is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
static bool is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

static int32_t at(const char *text, size_t len, size_t i)
{
    int32_t cp = 0;
    if (i < len)
        decode(text + i, len - i, &cp);
    return cp;
}

void text_key(const char *s, size_t len, char **out, size_t *out_len)
{
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii) {
        char *k = xmalloc(len + 1);
        for (size_t i = 0; i < len; i++)
            k[i] = (char)tolower((unsigned char)s[i]);
        k[len] = '\0';
        *out = k;
        *out_len = len;
        return;
    }
    utf8proc_uint8_t *k = NULL;
    utf8proc_ssize_t n = utf8proc_map(
        (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &k,
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
            UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_LUMP);
    if (n < 0) {
        *out = xstrndup(s, len);
        *out_len = len;
        return;
    }
    *out = xstrndup((const char *)k, (size_t)n);
    *out_len = (size_t)n;
    free(k);
}

static void push(tokens *ts, const char *text, size_t start, size_t end,
                 uint16_t flags, char punct, const char *key, size_t key_len)
{
    GROW(ts->t, ts->cap, ts->n + 1);
    GROW(ts->keys, ts->keys_cap, ts->keys_len + key_len + 1);
    memcpy(ts->keys + ts->keys_len, key, key_len);
    ts->keys[ts->keys_len + key_len] = '\0';
    ts->t[ts->n++] = (tok){(uint32_t)start, (uint32_t)end,
                           (uint32_t)ts->keys_len, ATOM_NONE, flags, punct};
    ts->keys_len += key_len + 1;
    (void)text;
}

static void push_word(tokens *ts, const char *text, size_t start, size_t end,
                      uint16_t flags)
{
    char *key;
    size_t key_len;
    text_key(text + start, end - start, &key, &key_len);
    int32_t first = at(text, end, start);
    flags |= TOK_WORD;
    if (first < 0x80 ? isdigit(first) : !is_letter(first))
        flags |= TOK_DIGIT;
    if (utf8proc_isupper(first))
        flags |= TOK_CAP;
    bool any_letter = false, any_lower = false;
    for (size_t i = start; i < end;) {
        int32_t cp;
        i += decode(text + i, end - i, &cp);
        if (is_letter(cp)) {
            any_letter = true;
            any_lower |= utf8proc_islower(cp) != 0;
        }
    }
    if (any_letter && !any_lower)
        flags |= TOK_ALLCAPS;
    push(ts, text, start, end, flags, 0, key, key_len);
    free(key);
}

/* "U.S.", "U.N.", "e.g.": single letters each followed by a dot, at least
 * two of them.  Returns the end, or start if there is none. */
static size_t abbrev_end(const char *text, size_t len, size_t i)
{
    size_t j = i;
    int letters = 0;
    for (;;) {
        int32_t cp;
        if (j >= len)
            break;
        size_t n = decode(text + j, len - j, &cp);
        if (!is_letter(cp) || j + n >= len || text[j + n] != '.')
            break;
        j += n + 1;
        letters++;
        if (j < len && is_wordchar(at(text, len, j)) &&
            !(j + 1 < len && text[j + 1] == '.'))
            return i; /* "U.Saddam": not an abbreviation */
    }
    return letters >= 2 ? j : i;
}

/* The end of a word starting at i; stops before a possessive 's or n't. */
static size_t word_end(const char *text, size_t len, size_t i)
{
    size_t j = i;
    while (j < len) {
        int32_t cp;
        size_t n = decode(text + j, len - j, &cp);
        if (is_wordchar(cp)) {
            j += n;
            continue;
        }
        int32_t next = at(text, len, j + n);
        if ((is_hyphen(cp) || cp == '.' || cp == ',') && is_wordchar(next)) {
            if (cp == '-' || is_hyphen(cp)) {
                j += n;
                continue;
            }
            /* 50,000 and 3.5: digits on both sides */
            int32_t prev = (int32_t)(unsigned char)text[j - 1];
            if (prev < 0x80 && isdigit(prev) && next < 0x80 && isdigit(next)) {
                j += n;
                continue;
            }
            break;
        }
        if (is_apostrophe(cp) && is_letter(next)) {
            size_t k = j + n;
            /* 's and n't end the word; other inner apostrophes stay */
            if ((next == 's' || next == 'S') && !is_wordchar(at(text, len, k + 1)))
                break;
            if ((next == 't' || next == 'T') && j > i &&
                (text[j - 1] == 'n' || text[j - 1] == 'N') &&
                !is_wordchar(at(text, len, k + 1))) {
                return j - 1;
            }
            j = k;
            continue;
        }
        break;
    }
    return j;
}

/* A run of one ASCII stop ("...", "!!!") is one token, as the ellipsis
 * character is: n bytes of a stop at i grow to the end of the run.  Ten
 * megabytes of dots are then one token, not ten million. */
static size_t stop_run(const char *text, size_t len, size_t i, size_t n)
{
    if (n != 1)
        return n;
    while (i + n < len && text[i + n] == text[i])
        n++;
    return n;
}

/* A stop token that is a run of ASCII stops rather than one character. */
static bool is_stop_run(const char *text, const tok *t)
{
    return t->end - t->start > 1 && text[t->start] == t->punct;
}

void text_tokenize(const char *text, size_t len, tokens *ts)
{
    uint16_t pending = 0;
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t n = decode(text + i, len - i, &cp);
        if (is_space(cp) || cp == 0) {
            if (cp == '\n')
                pending |= (pending & TOK_NEWLINE) ? TOK_BLANK : TOK_NEWLINE;
            pending |= TOK_SPACE;
            i += n;
            continue;
        }
        size_t start = i;
        if ((cp == 'n' || cp == 'N') && i > 0 && is_wordchar(at(text, len, i - 1)) &&
            is_apostrophe(at(text, len, i + 1))) {
            /* the n't that word_end split off "don't" */
            int32_t ap;
            size_t an = decode(text + i + 1, len - i - 1, &ap);
            size_t end = i + 1 + an + 1 <= len ? i + 1 + an + 1 : len;
            push(ts, text, i, end, pending | TOK_WORD, 0, "n't", 3);
            pending = 0;
            i = end;
            continue;
        }
        if (is_wordchar(cp)) {
            size_t end = abbrev_end(text, len, i);
            if (end > i) {
                push_word(ts, text, i, end, pending | TOK_ABBREV);
            } else {
                end = word_end(text, len, i);
                if (end == i)
                    end = i + n;
                push_word(ts, text, start, end, pending);
            }
            pending = 0;
            i = end;
            continue;
        }
        bool after_word = ts->n > 0 && ts->t[ts->n - 1].end == start &&
                          (ts->t[ts->n - 1].flags & TOK_WORD);
        if (is_apostrophe(cp) && after_word) {
            int32_t next = at(text, len, i + n);
            if ((next == 's' || next == 'S') && !is_wordchar(at(text, len, i + n + 1))) {
                push(ts, text, i, i + n + 1, pending | TOK_POSS | TOK_WORD, 0, "'s", 2);
                pending = 0;
                i += n + 1;
                continue;
            }
            if (!is_wordchar(next)) {
                push(ts, text, i, i + n, pending | TOK_POSS | TOK_WORD, 0, "'s", 2);
                pending = 0;
                i += n;
                continue;
            }
        }
        uint16_t flags = pending | TOK_PUNCT;
        char p;
        if (cp == 0x201C || cp == 0x201E || cp == 0x00AB) {
            p = '"';
            flags |= TOK_OPENQ;
        } else if (cp == 0x201D || cp == 0x00BB) {
            p = '"';
            flags |= TOK_CLOSEQ;
        } else if (cp == '"') {
            p = '"';
            bool open = ts->n == 0 || (pending & TOK_SPACE) ||
                        ts->t[ts->n - 1].punct == '(' || ts->t[ts->n - 1].punct == '[';
            flags |= open ? TOK_OPENQ : TOK_CLOSEQ;
        } else if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212 || is_hyphen(cp)) {
            p = '-';
        } else if (cp == 0x2018 || cp == 0x2019 || cp == '`') {
            p = '\'';
        } else if (cp == 0x2026) {
            p = '.';
        } else {
            p = cp < 0x80 ? (char)cp : '?';
            if (cp >= 0x80)
                p = '~'; /* other symbols */
        }
        if (p == '.' || p == '!' || p == '?')
            n = stop_run(text, len, i, n);
        char key[2] = {p, 0};
        push(ts, text, start, start + n, flags, p, key, 1);
        pending = 0;
        i += n;
    }
}

void tokens_free(tokens *ts)
{
    free(ts->t);
    free(ts->keys);
    memset(ts, 0, sizeof *ts);
}

/* Words after which a full stop does not end a sentence. */
static bool is_abbreviation(const char *k)
{
    static const char *const list[] = {
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cmdr",
        "adm", "sgt", "gov", "sen", "rep", "st", "prof", "rev", "hon", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "no", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "dept",
        "approx", "fig", "mt", "ft", "al", "brig", "cpl", "pvt", "gov", "messrs",
        "mst", "pres", "supt", "insp", "lt-gen", "maj-gen", "lt-col"};
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (strcmp(k, list[i]) == 0)
            return true;
    return false;
}

/* Capitalised function words that start sentences after "U.S." */
static bool is_sentence_starter(const char *k)
{
    static const char *const list[] = {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "but",
        "this", "that", "these", "those", "meanwhile", "however", "on", "at",
        "his", "her", "their", "its", "our", "there", "after", "since", "when",
        "while", "as", "and", "officials", "according"};
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (strcmp(k, list[i]) == 0)
            return true;
    return false;
}

/* Hard-wrapped text (lines cut at a fixed width) joins lines; text with a
 * paragraph a line treats each line break as an end. */
static bool looks_wrapped(const char *text, const tokens *ts)
{
    size_t lines = 0, long_lines = 0, max_len = 0;
    size_t line_start = ts->n ? ts->t[0].start : 0;
    for (size_t i = 1; i <= ts->n; i++) {
        if (i < ts->n && !(ts->t[i].flags & TOK_NEWLINE))
            continue;
        size_t line_len = ts->t[i - 1].end - line_start;
        lines++;
        long_lines += line_len >= 50;
        if (line_len > max_len)
            max_len = line_len;
        if (i < ts->n)
            line_start = ts->t[i].start;
    }
    (void)text;
    return lines >= 5 && max_len <= 100 && long_lines * 2 >= lines;
}

static bool ends_sentence(const tok *t) { return t->punct == '.' || t->punct == '!' || t->punct == '?'; }

static bool starts_sentence(const tokens *ts, size_t j)
{
    const tok *t = &ts->t[j];
    return (t->flags & (TOK_CAP | TOK_DIGIT | TOK_OPENQ | TOK_NEWLINE)) ||
           t->punct == '(' || t->punct == '[' || t->punct == '"' || t->punct == '-';
}

/* Tokens that may follow a sentence's end before the next one starts:
 * closing quotes and brackets, apostrophes, further stops. */
static bool trails_end(const tok *t)
{
    return (t->flags & TOK_CLOSEQ) || t->punct == ')' || t->punct == ']' ||
           t->punct == '\'' || ends_sentence(t);
}

/* The first token after i that does not trail an end.  *run caches the
 * last answer: every token between a stop and that answer trails, so a
 * later stop before it has the same answer.  This keeps a run of n stops
 * linear instead of quadratic. */
static size_t skip_trailers(const tokens *ts, size_t i, size_t *run)
{
    if (*run > i)
        return *run;
    size_t j = i + 1;
    while (j < ts->n && trails_end(&ts->t[j]))
        j++;
    *run = j;
    return j;
}

static size_t boundary_after_end(const char *text, const tokens *ts, size_t i,
                                 size_t *run)
{
    /* i is a '.', '!' or '?'; returns the first token of the next sentence,
     * or 0 if the sentence goes on */
    size_t j = skip_trailers(ts, i, run);
    if (j >= ts->n)
        return ts->n;
    if (!starts_sentence(ts, j))
        return 0;
    /* "Mr." and "J." do not end a sentence; "Mr..." did, from its second
     * dot on, before a run was one token, and still does */
    if (ts->t[i].punct == '.' && !is_stop_run(text, &ts->t[i]) && i > 0 &&
        ts->t[i - 1].end == ts->t[i].start &&
        (ts->t[i - 1].flags & TOK_WORD) && !(ts->t[j].flags & TOK_NEWLINE)) {
        const char *k = tok_key(ts, i - 1);
        bool initial = (ts->t[i - 1].flags & TOK_CAP) &&
                       ts->t[i - 1].end - ts->t[i - 1].start == 1;
        if (is_abbreviation(k) || initial)
            return 0;
    }
    return j;
}

size_t text_sentences(const char *text, const tokens *ts, span **out,
                      size_t max_tokens)
{
    span *s = NULL;
    size_t n = 0, cap = 0;
    bool wrapped = looks_wrapped(text, ts);
    size_t first = 0, next = 0; /* next: a boundary found ahead */
    size_t run = 0;             /* see skip_trailers */
    for (size_t i = 0; i < ts->n; i++) {
        const tok *t = &ts->t[i];
        bool cut = false;
        if (i > first && i == next)
            cut = true;
        else if (i > first && (t->flags & TOK_BLANK))
            cut = true;
        else if (i > first && (t->flags & TOK_NEWLINE)) {
            bool lower = (t->flags & TOK_WORD) && !(t->flags & (TOK_CAP | TOK_DIGIT));
            size_t line_len = 0;
            for (size_t k = i; k-- > first;) {
                if (ts->t[k].flags & TOK_NEWLINE || k == first) {
                    line_len = ts->t[i - 1].end - ts->t[k].start;
                    break;
                }
            }
            cut = wrapped ? (line_len < 40 || ends_sentence(&ts->t[i - 1])) : !lower;
        } else if (i > first && i - first >= max_tokens)
            cut = true;
        if (cut) {
            GROW(s, cap, n + 1);
            s[n++] = (span){(uint32_t)first, (uint32_t)i};
            first = i;
        }
        if (ends_sentence(t)) {
            size_t j = boundary_after_end(text, ts, i, &run);
            if (j)
                next = j;
        } else if ((t->flags & TOK_ABBREV) && i + 1 < ts->n &&
                   (ts->t[i + 1].flags & TOK_CAP) &&
                   is_sentence_starter(tok_key(ts, i + 1))) {
            next = i + 1;
        }
    }
    if (first < ts->n) {
        GROW(s, cap, n + 1);
        s[n++] = (span){(uint32_t)first, (uint32_t)ts->n};
    }
    *out = s;
    return n;
}
