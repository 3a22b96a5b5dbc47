/* Text: UTF-8 validation, tokens and sentences.
 *
 * A document is cut into tokens once; each token keeps its byte span in the
 * original text and a normalised key (NFKC, case-folded, dashes and curly
 * apostrophes lumped), so that every match found on keys maps back to the
 * original bytes. */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    TOK_WORD = 1 << 0,     /* letters, digits, inner hyphens/dots */
    TOK_PUNCT = 1 << 1,    /* anything else that is not space */
    TOK_CAP = 1 << 2,      /* starts with an upper-case letter */
    TOK_ALLCAPS = 1 << 3,  /* has letters, none lower-case */
    TOK_SPACE = 1 << 4,    /* white space before it */
    TOK_NEWLINE = 1 << 5,  /* a line break before it */
    TOK_BLANK = 1 << 6,    /* a blank line before it */
    TOK_POSS = 1 << 7,     /* the possessive 's or trailing apostrophe */
    TOK_OPENQ = 1 << 8,    /* an opening double quote */
    TOK_CLOSEQ = 1 << 9,   /* a closing double quote */
    TOK_DIGIT = 1 << 10,   /* starts with a digit */
    TOK_ABBREV = 1 << 11,  /* a dotted abbreviation such as U.S. */
};

typedef struct tok {
    uint32_t start, end; /* bytes of the original text */
    uint32_t key;        /* offset of the NUL-terminated key in keys */
    uint32_t atom;       /* the key's atom in the dictionary, or ATOM_NONE */
    uint16_t flags;
    char punct; /* PUNCT: '.', ',', '"', '(', '-', ... ; 0 for words */
} tok;

typedef struct tokens {
    tok *t;
    size_t n, cap;
    char *keys; /* all keys, NUL-separated */
    size_t keys_len, keys_cap;
} tokens;

/* Returns false and the byte offset of the first bad sequence if text is
 * not valid UTF-8. */
bool text_valid_utf8(const char *text, size_t len, size_t *bad);
/* Is the NUL-terminated string s valid UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF: what Jansson accepts)?  NULL counts as "". */
bool text_utf8_ok(const char *s);
/* 1-based line and column (in characters) of byte offset off. */
void text_line_col(const char *text, size_t off, int *line, int *col);

/* Cuts text into tokens, appending to ts (which the caller zeroes once and
 * releases with tokens_free). */
void text_tokenize(const char *text, size_t len, tokens *ts);
void tokens_free(tokens *ts);
static inline const char *tok_key(const tokens *ts, size_t i)
{
    return ts->keys + ts->t[i].key;
}

/* Sentences as token ranges [first, last).  Long runs without an end are
 * cut every max_tokens so that work per sentence stays bounded. */
typedef struct span {
    uint32_t first, last;
} span;

size_t text_sentences(const char *text, const tokens *ts, span **out,
                      size_t max_tokens);

/* The key of one word, as text_tokenize makes it (for dictionaries). */
void text_key(const char *s, size_t len, char **out, size_t *out_len);

#endif
