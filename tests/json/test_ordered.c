/* The ordered parallel output of src/lib/write/ordered.c and the JSON
 * writer on threads: chunks come out in order whatever the number of
 * threads, a failed emit stops the run, every item of ordered_each runs
 * once, and dyad_write_json_jobs writes the bytes of dyad_write_json (and
 * reports the same first bad string, writing nothing). */
#include <jansson.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "harness.h"
#include "write/ordered.h"

typedef struct sink {
    strbuf out;
    size_t emitted, fail_at; /* emit of chunk fail_at fails */
} sink;

/* Chunk i: its number, i % 7 times, so chunks differ in length. */
static void format_numbers(void *ctx, size_t i, strbuf *buf)
{
    (void)ctx;
    for (size_t k = 0; k < i % 7 + 1; k++)
        sb_printf(buf, "%zu.", i);
    sb_putc(buf, '\n');
}

static bool emit_to_sink(void *ctx, const char *buf, size_t len)
{
    sink *s = ctx;
    if (s->emitted == s->fail_at)
        return false;
    sb_add(&s->out, buf, len);
    s->emitted++;
    return true;
}

static char *run_numbers(size_t n, int jobs, size_t fail_at, bool *ok,
                         size_t *emitted)
{
    sink s = {{0}, 0, fail_at};
    *ok = ordered_run(n, jobs, format_numbers, emit_to_sink, &s);
    *emitted = s.emitted;
    return s.out.s ? s.out.s : xstrdup("");
}

static void test_order(void)
{
    bool ok;
    size_t emitted;
    char *want = run_numbers(1000, 1, SIZE_MAX, &ok, &emitted);
    CHECK(ok);
    CHECK_INT((long)emitted, 1000);
    CHECK(strncmp(want, "0.\n1.1.\n", 8) == 0);
    static const int jobs[] = {2, 3, 8, 64};
    for (size_t j = 0; j < sizeof jobs / sizeof jobs[0]; j++) {
        char *got = run_numbers(1000, jobs[j], SIZE_MAX, &ok, &emitted);
        CHECK(ok);
        CHECK_STR(got, want);
        free(got);
    }
    free(want);
    char *none = run_numbers(0, 4, SIZE_MAX, &ok, &emitted);
    CHECK(ok);
    CHECK_STR(none, "");
    free(none);
}

static void test_emit_failure(void)
{
    for (int jobs = 1; jobs <= 4; jobs++) {
        bool ok;
        size_t emitted;
        char *got = run_numbers(500, jobs, 5, &ok, &emitted);
        CHECK(!ok);
        CHECK_INT((long)emitted, 5); /* nothing after the failed one */
        CHECK_STR(got, "0.\n1.1.\n2.2.2.\n3.3.3.3.\n4.4.4.4.4.\n");
        free(got);
    }
}

static atomic_int seen[777];

static void mark(void *ctx, size_t i)
{
    (void)ctx;
    atomic_fetch_add(&seen[i], 1);
}

static void test_each(void)
{
    for (int jobs = 1; jobs <= 5; jobs += 2) {
        for (size_t i = 0; i < 777; i++)
            atomic_store(&seen[i], 0);
        ordered_each(777, jobs, mark, NULL);
        int once = 0;
        for (size_t i = 0; i < 777; i++)
            once += atomic_load(&seen[i]) == 1;
        CHECK_INT(once, 777);
    }
}

/* A graph whose JSON is several chunks (a few megabytes of evidence):
 * spread over a hundred links, or (one_link) nearly all on one link, which
 * the writer must cut between evidence items. */
static dyad_graph *big_graph(const char *bad_text, bool one_link)
{
    static const char *const ids[] = {"usa", "chn", "rus", "ind", "pak",
                                      "afg", "irn", "tur", "fra", "deu"};
    dyad_graph *g = dyad_graph_new();
    char text[160], doc[32];
    for (int k = 0; k < 12000; k++) {
        snprintf(doc, sizeof doc, "d%05d", k / 7);
        snprintf(text, sizeof text,
                 "Sentence %d: \"quoted\" \\ tab\there, caf\xc3\xa9 and more "
                 "words to make the evidence of a realistic length.",
                 k);
        const char *t = bad_text && k == 11000 ? bad_text : text;
        size_t src = one_link && k % 500 ? 0 : (size_t)k % 10;
        size_t dst = one_link && k % 500 ? 1
                     : (k / 10) % 10 == k % 10 ? (size_t)(k + 1) % 10
                                               : (size_t)(k / 10) % 10;
        act_full(g, ids[src], ids[dst],
                 k % 3 ? "urged" : "attacked", k % 3 ? "0231" : "190",
                 k % 3 ? 3.0 : -10.0, doc, k % 40, k % 900, t);
    }
    dyad_graph_count(g, 12000 / 7 + 1, 12000);
    dyad_graph_sort(g);
    return g;
}

static char *json_jobs(const dyad_graph *g, int jobs, dyad_status *st,
                       dyad_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *st = dyad_write_json_jobs(g, f, jobs, err);
    fclose(f);
    return buf;
}

static void same_json_at_every_jobs(bool one_link)
{
    dyad_graph *g = big_graph(NULL, one_link);
    dyad_status st;
    dyad_error err = {0};
    char *want = json_jobs(g, 1, &st, &err);
    CHECK(st == DYAD_OK);
    CHECK(strlen(want) > 2u << 20); /* several chunks of 1 MiB */
    /* the chunks join into the JSON Jansson writes of the same tree */
    json_error_t jerr;
    json_t *tree = json_loads(want, 0, &jerr);
    CHECK(tree != NULL);
    char *again = json_dumps(tree, JSON_INDENT(1) | JSON_REAL_PRECISION(10));
    size_t n_ev = 0;
    json_t *links = json_object_get(tree, "links"), *link;
    size_t li;
    json_array_foreach(links, li, link)
        n_ev += json_array_size(json_object_get(link, "evidence"));
    CHECK_INT((long)n_ev, 12000);
    CHECK(again && strncmp(again, want, strlen(again)) == 0);
    free(again);
    json_decref(tree);
    for (int jobs = 2; jobs <= 8; jobs *= 2) {
        char *got = json_jobs(g, jobs, &st, &err);
        CHECK(st == DYAD_OK);
        CHECK(strcmp(got, want) == 0);
        free(got);
    }
    free(want);
    dyad_graph_free(g);
}

static void test_json_jobs(void)
{
    same_json_at_every_jobs(false);
    same_json_at_every_jobs(true);
}

static void bad_string_at_every_jobs(bool one_link)
{
    dyad_graph *g = big_graph("bad \xff byte", one_link);
    dyad_status st;
    dyad_error one = {0}, four = {0};
    char *a = json_jobs(g, 1, &st, &one);
    CHECK(st == DYAD_ERR_INVALID);
    char *b = json_jobs(g, 4, &st, &four);
    CHECK(st == DYAD_ERR_INVALID);
    CHECK_STR(four.text, one.text);
    CHECK(strstr(one.text, ".text: not valid UTF-8") != NULL);
    CHECK(a == NULL || a[0] == '\0'); /* nothing written */
    CHECK(b == NULL || b[0] == '\0');
    free(a);
    free(b);
    dyad_graph_free(g);
}

static void test_json_jobs_bad_string(void)
{
    bad_string_at_every_jobs(false);
    bad_string_at_every_jobs(true);
}

int main(void)
{
    RUN(test_order);
    RUN(test_emit_failure);
    RUN(test_each);
    RUN(test_json_jobs);
    RUN(test_json_jobs_bad_string);
    return DONE();
}
