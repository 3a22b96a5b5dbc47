/* Unit tests of dict.c and match.c: loading, errors with positions,
 * inflection, longest match and the capitals rule. */
#include <stdio.h>
#include <stdlib.h>

#include "dyad/dict.h"
#include "harness.h"
#include "lex.h"
#include "util.h"

static const char *write_tmp(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/dyad-test-%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static dyad_dict *fixture(void)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    dyad_status st = dyad_dict_new(&d, "actors.json", "verbs.json", &err);
    if (st)
        printf("# %s:%d:%d: %s\n", err.source, err.line, err.column, err.text);
    return d;
}

/* Longest actor match at the start of s on date (YYYYMMDD, 0: undated):
 * the actor's label or NULL. */
static const char *match_on(const dyad_dict *d, const char *s, uint32_t date,
                            size_t *len)
{
    tokens ts = {0};
    text_tokenize(s, strlen(s), &ts);
    for (size_t i = 0; i < ts.n; i++) {
        const char *k = tok_key(&ts, i);
        ts.t[i].atom = atoms_find(d->words, k, strlen(k));
    }
    int32_t v = -1;
    *len = lex_match(d, &d->actor_trie, &ts, 0, ts.n, date, &v);
    tokens_free(&ts);
    return *len ? d->actors[d->aliases[v].actor].label : NULL;
}

static const char *match_label(const dyad_dict *d, const char *s, size_t *len)
{
    return match_on(d, s, 0, len);
}

static void test_load(void)
{
    dyad_dict *d = fixture();
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(dyad_dict_n_actors(d) >= 5);
    CHECK_STR(dyad_dict_actor_label(d, 0), "Pakistan");
    CHECK_STR(dyad_dict_actor_id(d, 1), "afghan-taliban");
    size_t len;
    CHECK_STR(match_label(d, "Pakistani Taliban fighters", &len), "TTP");
    CHECK_INT(len, 2);
    CHECK_STR(match_label(d, "Tehrik-i-Taliban Pakistan said", &len), "TTP");
    CHECK_INT(len, 2);
    CHECK_STR(match_label(d, "the US", &len), NULL);
    CHECK_STR(match_label(d, "US officials", &len), "United States");
    CHECK_STR(match_label(d, "us officials", &len), NULL); /* capitals only */
    CHECK_STR(match_label(d, "PAKISTAN", &len), "Pakistan");
    dyad_dict_free(d);
}

static void test_inflection(void)
{
    static const struct {
        const char *w;
        int form;
        const char *want;
    } cases[] = {
        {"urge", F_S, "urges"}, {"urge", F_PAST, "urged"}, {"urge", F_ING, "urging"},
        {"accuse", F_ING, "accusing"}, {"deny", F_S, "denies"}, {"deny", F_PAST, "denied"},
        {"push", F_S, "pushes"}, {"see", F_ING, "seeing"}, {"tie", F_ING, "tying"},
        {"attack", F_PAST, "attacked"}, {"play", F_PAST, "played"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        strbuf b = {0};
        lex_inflect(cases[i].w, cases[i].form, &b);
        CHECK_STR(b.s, cases[i].want);
        sb_free(&b);
    }
}

static void test_errors(void)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    const char *p = write_tmp("syntax.json", "{\"actors\": [\n  {\"id\": \"x\",,}\n]}\n");
    CHECK_INT(dyad_dict_new(&d, p, NULL, &err), DYAD_ERR_PARSE);
    CHECK(d == NULL);
    CHECK_INT(err.line, 2);
    CHECK(err.column > 0);
    CHECK_STR(err.source, p);

    p = write_tmp("shape.json", "{\"actors\": [{\"id\": \"x\"}]}");
    CHECK_INT(dyad_dict_new(&d, p, NULL, &err), DYAD_ERR_INVALID);
    CHECK(strstr(err.text, "actors[0]") != NULL);

    p = write_tmp("clash.json",
                  "{\"actors\": [{\"id\": \"a\", \"label\": \"A\", \"names\": [\"Kabul\"]},"
                  " {\"id\": \"b\", \"label\": \"B\", \"names\": [\"kabul\"]}]}");
    CHECK_INT(dyad_dict_new(&d, p, NULL, &err), DYAD_ERR_INVALID);
    CHECK(strstr(err.text, "already names A") != NULL);

    p = write_tmp("badcode.json", "{\"verbs\": [{\"verb\": \"urge\", \"code\": \"99\"}]}");
    CHECK_INT(dyad_dict_new(&d, "actors.json", p, &err), DYAD_ERR_INVALID);
    CHECK(strstr(err.text, "verbs[0]") != NULL);

    CHECK_INT(dyad_dict_new(&d, "/nonexistent/actors.json", NULL, &err), DYAD_ERR_IO);
    CHECK_STR(err.source, "/nonexistent/actors.json");
}

/* Loads an actors file whose first actor has this one name; returns the
 * status, with the message in err. */
static dyad_status load_alias(const char *name_json, dyad_error *err)
{
    char text[512];
    snprintf(text, sizeof text,
             "{\"actors\": [{\"id\": \"x\", \"label\": \"X\", "
             "\"names\": [\"Xland\", %s]}]}",
             name_json);
    dyad_dict *d = NULL;
    dyad_status st =
        dyad_dict_new(&d, write_tmp("alias.json", text), NULL, err);
    dyad_dict_free(d);
    return st;
}

/* Aliases that would match nearly anything are refused, naming the file
 * and the entry (they loaded and made "China," or "a village" actors). */
static void test_alias_rules(void)
{
    static const char *const bad[] = {"\".\"", "\",\"", "\" - \"", "\"...\"",
                                      "\"a\"", "\"x.\"", "\"\u00e9\""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        dyad_error err = {0};
        CHECK_INT(load_alias(bad[i], &err), DYAD_ERR_INVALID);
        CHECK(strstr(err.source, "alias.json") != NULL);
        CHECK(strstr(err.text, "actors[0].names[1]") != NULL);
        printf("# %s\n", err.text);
    }
    static const char *const good[] = {"\"A\"", "\"UN\"", "\"al-Qaeda\"",
                                       "\"7\"", "\"\u4e2d\"", "\"ab\""};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        dyad_error err = {0};
        CHECK_INT(load_alias(good[i], &err), DYAD_OK);
    }
}

static void test_noun_classes(void)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    const char *p = write_tmp(
        "classes.json", "{\"actors\": [], \"nouns\": {\"agent\": "
                        "[\"officials\"], \"agnet\": [\"envoys\"]}}");
    CHECK_INT(dyad_dict_new(&d, p, NULL, &err), DYAD_ERR_INVALID);
    CHECK_STR(err.source, p);
    CHECK(strstr(err.text, "nouns.agnet: unknown noun class") != NULL);
    printf("# %s\n", err.text);
}

/* Graphs refuse Goldstein values off [-10, 10]; dictionaries now do too
 * (a verb of 50 loaded, and merge then refused its graph). */
static void test_goldstein_scale(void)
{
    static const char *const bad[] = {
        "{\"verbs\": [{\"verb\": \"urge\", \"code\": \"020\", "
        "\"goldstein\": 50}]}",
        "{\"verbs\": [{\"verb\": \"urge\", \"code\": \"020\", "
        "\"goldstein\": -10.5}]}",
        "{\"verbs\": [], \"nouns\": [{\"noun\": \"visit\", \"code\": "
        "\"042\", \"goldstein\": 11}]}",
        "{\"roots\": {\"02\": {\"goldstein\": 30}}, \"verbs\": []}",
    };
    static const char *const where[] = {"verbs[0]", "verbs[0]", "nouns[0]",
                                        "roots.02"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        dyad_dict *d = NULL;
        dyad_error err = {0};
        const char *p = write_tmp("scale.json", bad[i]);
        CHECK_INT(dyad_dict_new(&d, "actors.json", p, &err),
                  DYAD_ERR_INVALID);
        CHECK_STR(err.source, p);
        CHECK(strstr(err.text, where[i]) != NULL);
        CHECK(strstr(err.text, "outside the Goldstein scale") != NULL);
        printf("# %s\n", err.text);
    }
    dyad_dict *d = NULL;
    dyad_error err = {0};
    const char *p = write_tmp("scale-ok.json",
                              "{\"verbs\": [{\"verb\": \"urge\", \"code\": "
                              "\"020\", \"goldstein\": -10}]}");
    CHECK_INT(dyad_dict_new(&d, "actors.json", p, &err), DYAD_OK);
    dyad_dict_free(d);
}

/* 100,000 actors, the last one repeating the first id: the repeat is
 * found (by a hash set; the scan of earlier ids took 24 s). */
static void test_many_actors(void)
{
    strbuf b = {0};
    sb_puts(&b, "{\"actors\": [");
    for (int i = 0; i < 100000; i++)
        sb_printf(&b, "%s{\"id\": \"a%d\", \"label\": \"A%d\"}",
                  i ? ", " : "", i == 99999 ? 0 : i, i);
    sb_puts(&b, "]}");
    dyad_dict *d = NULL;
    dyad_error err = {0};
    CHECK_INT(dyad_dict_new(&d, write_tmp("many.json", b.s), NULL, &err),
              DYAD_ERR_INVALID);
    CHECK(strstr(err.text, "actors[99999]: id \"a0\" is used twice") != NULL);
    sb_free(&b);
}

static void test_builtin(void)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    dyad_status st = dyad_dict_new(&d, NULL, NULL, &err);
    if (st)
        printf("# %s:%d:%d: %s\n", err.source, err.line, err.column, err.text);
    CHECK_INT(st, DYAD_OK);
    CHECK(strlen(dyad_dict_builtin_actors()) > 2);
    CHECK(strlen(dyad_dict_builtin_verbs()) > 2);
    dyad_dict_free(d);
}

/* A person's dated roles: a name may act for two actors at different
 * times; the document's date picks the role; undated, the open role, else
 * the one that ended last; overlapping roles of two actors are refused. */
static void test_dated_roles(void)
{
    const char *p = write_tmp(
        "dated.json",
        "{\"actors\": ["
        "{\"id\": \"nl\", \"label\": \"Netherlands\", \"names\": [\"Netherlands\"],"
        " \"people\": [{\"names\": [\"Mark Rutte\", \"Rutte\"], \"until\": \"2024-07-02\","
        " \"role\": \"prime minister\"}, \"Dick Schoof\"]},"
        "{\"id\": \"nato\", \"label\": \"NATO\", \"names\": [\"NATO\"],"
        " \"people\": [{\"names\": [\"Mark Rutte\"], \"since\": \"2024-10\"},"
        " {\"names\": [\"Jens Stoltenberg\"], \"since\": \"2014\", \"until\": \"2024-09\"}]}]}");
    dyad_dict *d = NULL;
    dyad_error err = {0};
    CHECK_INT(dyad_dict_new(&d, p, NULL, &err), DYAD_OK);
    size_t len;
    CHECK_STR(match_on(d, "Mark Rutte said", 20230101, &len), "Netherlands");
    CHECK_STR(match_on(d, "Mark Rutte said", 20240702, &len), "Netherlands");
    CHECK_STR(match_on(d, "Mark Rutte said", 20240703, &len), NULL); /* between roles */
    CHECK_STR(match_on(d, "Mark Rutte said", 20241001, &len), "NATO");
    CHECK_STR(match_on(d, "Mark Rutte said", 0, &len), "NATO");        /* the open role */
    CHECK_STR(match_on(d, "Rutte said", 20250101, &len), NULL);        /* only the Dutch role has it */
    CHECK_STR(match_on(d, "Rutte said", 0, &len), "Netherlands");      /* ended last */
    CHECK_STR(match_on(d, "Jens Stoltenberg", 20240930, &len), "NATO"); /* "2024-09": the whole month */
    CHECK_STR(match_on(d, "Jens Stoltenberg", 20241001, &len), NULL);
    CHECK_STR(match_on(d, "Jens Stoltenberg", 20140101, &len), "NATO");
    CHECK_STR(match_on(d, "Dick Schoof", 19000101, &len), "Netherlands"); /* undated: always */
    dyad_dict_free(d);

    static const char *const bad[][2] = {
        {"[{\"names\": [\"Rutte\"], \"since\": \"2024\"}]", "already names NL at a time"},
        {"[{\"names\": [\"Xi\"], \"since\": \"2024-13\"}]", "people[0].since: expected a date"},
        {"[{\"names\": [\"Xi\"], \"since\": \"2024\", \"until\": \"2020\"}]", "after"},
        {"[{\"names\": [\"Xi\"], \"from\": \"2024\"}]", "unknown field \"from\""},
        {"[{\"names\": []}]", "people[0]: expected \"names\""},
        {"[7]", "people[0]: expected a string, or an object"},
        {"[\"Rutte\"]", "already names NL"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[600];
        snprintf(text, sizeof text,
                 "{\"actors\": [{\"id\": \"nl\", \"label\": \"NL\", \"people\":"
                 " [{\"names\": [\"Rutte\"], \"until\": \"2024-07-02\"}]},"
                 " {\"id\": \"x\", \"label\": \"X\", \"people\": %s}]}",
                 bad[i][0]);
        d = NULL;
        CHECK_INT(dyad_dict_new(&d, write_tmp("dated-bad.json", text), NULL, &err),
                  DYAD_ERR_INVALID);
        CHECK(strstr(err.text, bad[i][1]) != NULL);
        printf("# %s\n", err.text);
    }
}

int main(void)
{
    RUN(test_load);
    RUN(test_inflection);
    RUN(test_errors);
    RUN(test_alias_rules);
    RUN(test_noun_classes);
    RUN(test_goldstein_scale);
    RUN(test_many_actors);
    RUN(test_builtin);
    RUN(test_dated_roles);
    return DONE();
}
