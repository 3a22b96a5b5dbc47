/* Unit tests of text.c: tokens keep their bytes, keys are normalised,
 * sentences split where a reader would split them. */
#include <stdlib.h>

#include "harness.h"
#include "text.h"

static size_t count_sentences(const char *s)
{
    tokens ts = {0};
    text_tokenize(s, strlen(s), &ts);
    span *sp = NULL;
    size_t n = text_sentences(s, &ts, &sp, 400);
    free(sp);
    tokens_free(&ts);
    return n;
}

/* The byte offsets where each sentence starts, as "0,12,30". */
static const char *sentence_starts(const char *s)
{
    static char out[256];
    tokens ts = {0};
    text_tokenize(s, strlen(s), &ts);
    span *sp = NULL;
    size_t n = text_sentences(s, &ts, &sp, 400);
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && len + 12 < sizeof out; i++)
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%u",
                                i ? "," : "", ts.t[sp[i].first].start);
    free(sp);
    tokens_free(&ts);
    return out;
}

static void test_tokens(void)
{
    const char *s = "Pakistan\u2019s FO urged the U.S. \u201cnot\u201d to act\u2014don't.";
    tokens ts = {0};
    text_tokenize(s, strlen(s), &ts);
    CHECK_STR(tok_key(&ts, 0), "pakistan");
    CHECK_STR(tok_key(&ts, 1), "'s");
    CHECK(ts.t[1].flags & TOK_POSS);
    CHECK(ts.t[2].flags & TOK_ALLCAPS);
    CHECK_STR(tok_key(&ts, 5), "u.s.");
    CHECK(ts.t[5].flags & TOK_ABBREV);
    CHECK(ts.t[6].flags & TOK_OPENQ);
    CHECK(ts.t[8].flags & TOK_CLOSEQ);
    /* the original bytes of every token are where its span says */
    CHECK_INT(ts.t[0].start, 0);
    CHECK(strncmp(s + ts.t[1].start, "\u2019s", ts.t[1].end - ts.t[1].start) == 0);
    size_t last = ts.n - 1;
    CHECK_STR(tok_key(&ts, last - 1), "n't");
    CHECK_STR(tok_key(&ts, last - 2), "do");
    tokens_free(&ts);
}

static void test_normalise(void)
{
    const char *s = "TEHRIK-I-TALIBAN Tehrik\u2010i\u2010Taliban al-Qa\u2019ida \uFF30akistan";
    tokens ts = {0};
    text_tokenize(s, strlen(s), &ts);
    CHECK_STR(tok_key(&ts, 0), "tehrik-i-taliban");
    CHECK_STR(tok_key(&ts, 1), "tehrik-i-taliban"); /* hyphen U+2010 lumped */
    CHECK_STR(tok_key(&ts, 2), "al-qa'ida");        /* curly apostrophe lumped */
    CHECK_STR(tok_key(&ts, 3), "pakistan");         /* NFKC full-width P */
    tokens_free(&ts);
}

static void test_sentences(void)
{
    CHECK_INT(count_sentences("Ms. Baloch met Gen. Munir on Nov. 3. They spoke."), 2);
    CHECK_INT(count_sentences("The U.S. and the U.N. agreed. China did not."), 2);
    CHECK_INT(count_sentences("He said: \u201cWe act.\u201d She left."), 2);
    CHECK_INT(count_sentences("\u201cWe act,\u201d she said. Then he spoke."), 2);
    CHECK_INT(count_sentences("Pakistan Urges Taliban To Act\nISLAMABAD: The FO said so."), 2);
    CHECK_INT(count_sentences("A caption line\n\nA paragraph here."), 2);
    CHECK_INT(count_sentences("It was J. R. Smith who spoke."), 1);
    CHECK_INT(count_sentences("facts first,\nstories with context."), 1);
    CHECK_INT(count_sentences(""), 0);
}

/* Runs of stops ("...", "!!", "?!") split as they always did: the rules
 * below were recorded before runs of one stop became one token. */
static void test_stop_runs(void)
{
    CHECK_STR(sentence_starts("Mr... Smith spoke. Then he left."), "0,6,19");
    CHECK_STR(sentence_starts("Wait... Pakistan urged the Taliban."), "0,8");
    CHECK_STR(sentence_starts("They met, etc... The end."), "0,17");
    CHECK_STR(sentence_starts("He left... and came back."), "0");
    CHECK_STR(sentence_starts("No!!! They refused?? Yes?! Fine."),
              "0,6,21,27");
    CHECK_STR(sentence_starts("It was J... R. Smith."), "0,12");
    CHECK_STR(sentence_starts("Go\u2026. Now. Mr\u2026 Smith."), "0,7,12");
    CHECK_STR(sentence_starts("\u201cWe act...\u201d She left."), "0,16");
    CHECK_STR(sentence_starts("The U.S... The end."), "0,11");
    CHECK_STR(sentence_starts("Mr.. Smith and Gen... Munir met."), "0,5,22");
    CHECK_STR(sentence_starts("Stop.\n... Then."), "0,6,10");
    CHECK_STR(sentence_starts("... Pakistan urged China."), "0,4");
    CHECK_STR(sentence_starts("Pakistan urged China..."), "0");
}

/* A run of one stop is one token keeping all its bytes; a run of a
 * million dots is one sentence (it was a million tokens, 2,500 sentences,
 * and a quadratic scan). */
static void test_stop_run_tokens(void)
{
    const char *s = "No!!! Go... ?! \u2026.";
    tokens ts = {0};
    text_tokenize(s, strlen(s), &ts);
    CHECK_INT(ts.n, 8);
    CHECK_INT(ts.t[1].end - ts.t[1].start, 3);
    CHECK_INT(ts.t[1].punct, '!');
    CHECK_INT(ts.t[3].end - ts.t[3].start, 3);
    CHECK_INT(ts.t[4].punct, '?');
    CHECK_INT(ts.t[5].punct, '!');
    CHECK_INT(ts.t[6].end - ts.t[6].start, 3);
    CHECK_INT(ts.t[7].end - ts.t[7].start, 1);
    tokens_free(&ts);
    size_t n = 1000000;
    char *dots = malloc(n + 1);
    memset(dots, '.', n);
    dots[n] = '\0';
    CHECK_INT(count_sentences(dots), 1);
    free(dots);
}

static void test_utf8(void)
{
    size_t bad = 0;
    CHECK(text_valid_utf8("ok \u00e9", 5, &bad));
    CHECK(!text_valid_utf8("ab\xff", 3, &bad));
    CHECK_INT(bad, 2);
    int line, col;
    text_line_col("a\nb\u00e9c", 5, &line, &col);
    CHECK_INT(line, 2);
    CHECK_INT(col, 3);
}

static void test_long_run(void)
{
    /* a run with no full stop is cut so that work per sentence stays
     * bounded */
    size_t n = 5000;
    char *s = malloc(n * 2 + 1);
    for (size_t i = 0; i < n; i++) {
        s[2 * i] = 'a';
        s[2 * i + 1] = ' ';
    }
    s[2 * n] = '\0';
    CHECK_INT(count_sentences(s), (n + 399) / 400);
    free(s);
}

int main(void)
{
    RUN(test_tokens);
    RUN(test_normalise);
    RUN(test_sentences);
    RUN(test_stop_runs);
    RUN(test_stop_run_tokens);
    RUN(test_utf8);
    RUN(test_long_run);
    return DONE();
}
