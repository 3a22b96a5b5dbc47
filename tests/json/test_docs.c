/* The documents a graph was built from: the dyad_docs table (names, dates,
 * order), spilled to disk past its budget (sorted runs, merged, listed
 * and looked up across runs, no file left), the graph's list (added,
 * dated, shared, merged), and graph.corpus written and read back, with
 * its errors.  The "docs-spilled" test runs it all again with
 * DYAD_DOCS_SPILL_BYTES=64, so that every table spills. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "dyad/read.h"
#include "harness.h"

/* The listing of d, "name date" a line ("-": undated, " *": repeated),
 * in a static buffer. */
static const char *list_of(const dyad_docs *d)
{
    static char buf[4096];
    size_t len = 0;
    dyad_docs_iter *it = dyad_docs_iter_new(d);
    dyad_docs_item x;
    buf[0] = '\0';
    while (dyad_docs_iter_next(it, &x) && len < sizeof buf)
        len +=
            (size_t)snprintf(buf + len, sizeof buf - len, "%s %s%s\n", x.doc,
                             x.date ? x.date : "-", x.repeated ? " *" : "");
    dyad_docs_iter_free(it);
    return buf;
}

/* True when the whole program runs with a tiny DYAD_DOCS_SPILL_BYTES
 * (the "docs-spilled" test): every table spills, so the checks that hold
 * only in memory (add returning false for a name spilled before) skip. */
static bool spilling(void) { return getenv("DYAD_DOCS_SPILL_BYTES") != NULL; }

static void test_table(void)
{
    dyad_docs *d = dyad_docs_new();
    CHECK(dyad_docs_empty(d) && dyad_docs_empty(NULL));
    CHECK(dyad_docs_add(d, "b.txt"));
    CHECK(!dyad_docs_add(d, "b.txt"));
    CHECK(dyad_docs_add(d, "a.txt"));
    CHECK(!dyad_docs_empty(d));
    CHECK(dyad_docs_has(d, "a.txt") && !dyad_docs_has(d, "c.txt"));
    CHECK(!dyad_docs_has(NULL, "a.txt"));
    CHECK_INT(dyad_docs_set_date(d, "c.txt", "2024-03-18", NULL), DYAD_OK);
    CHECK_INT(dyad_docs_set_date(d, "a.txt", "2024-05-01", NULL), DYAD_OK);
    CHECK_INT(dyad_docs_set_date(d, "a.txt", "2024-04-30", NULL), DYAD_OK);
    CHECK_INT(dyad_docs_set_date(d, "a.txt", "2024-06-01", NULL), DYAD_OK);
    CHECK_INT(dyad_docs_count(d), 3);
    CHECK_INT(dyad_docs_n_dated(d), 2);
    /* listed in byte order whatever the order of addition */
    CHECK_STR(list_of(d),
              "a.txt 2024-04-30 *\nb.txt - *\nc.txt 2024-03-18\n");
    CHECK_STR(dyad_docs_date(d, "c.txt"), "2024-03-18");
    CHECK(dyad_docs_add_dated(d, "e.txt", "2024-13-01")); /* no date */
    CHECK(dyad_docs_date(d, "e.txt") == NULL);
    CHECK(!dyad_docs_add_dated(d, "e.txt", "2024-12-01") || spilling());
    CHECK_STR(dyad_docs_date(d, "e.txt"), "2024-12-01");
    char name[32];
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "n%d.txt", i);
        dyad_docs_add(d, name);
    }
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "n%d.txt", i);
        dyad_docs_set_date(d, name, "2020-01-01", NULL);
    }
    dyad_docs_set_date(d, "b.txt", "2020-01-01", NULL);
    CHECK_INT(dyad_docs_n_dated(d), 2004);
    CHECK_STR(dyad_docs_date(d, "n1999.txt"), "2020-01-01");
    CHECK_STR(dyad_docs_date(d, "b.txt"), "2020-01-01");
    CHECK_STR(dyad_docs_date(d, "a.txt"), "2024-04-30");
    dyad_docs *m = dyad_docs_new();
    dyad_docs_set_date(m, "a.txt", "2024-01-01", NULL);
    CHECK_INT(dyad_docs_merge(m, d), DYAD_OK);
    CHECK_INT(dyad_docs_count(m), 2004);
    CHECK_STR(dyad_docs_date(m, "a.txt"), "2024-01-01");
    CHECK_STR(dyad_docs_date(m, "c.txt"), "2024-03-18");
    dyad_docs_free(m);
    dyad_docs_free(d);
    dyad_docs_free(NULL);
    dyad_docs_iter *it = dyad_docs_iter_new(NULL);
    dyad_docs_item x;
    CHECK(!dyad_docs_iter_next(it, &x));
    dyad_docs_iter_free(it);
    dyad_docs_iter_free(NULL);
}

/* ---- spilled to disk ---- */

/* Entries of a directory, "." and ".." apart (-1: none). */
static int entries(const char *path)
{
    DIR *dir = opendir(path);
    if (!dir)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(dir));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dir);
    return n;
}

#define SPILL_N 3000

/* The date name i ends with in fill: i % 20 == 0 re-dated 2023-12-31
 * (earlier, later in time of the calls), i % 3 == 0 its first date
 * (i % 30 == 0 re-dated 2025-06-01 after, later: it loses). */
static const char *date_of_i(int i, char buf[32])
{
    if (i % 20 == 0)
        return "2023-12-31";
    if (i % 3 != 0)
        return NULL;
    snprintf(buf, 32, "2024-01-%02d", i % 28 + 1);
    return buf;
}

/* SPILL_N names s00000.. in a scrambled order, a third dated; then every
 * tenth again (spilled by then), some with an earlier date, some a later
 * one, the rest undated. */
static void fill(dyad_docs *d)
{
    char name[32], buf[32];
    for (int k = 0; k < SPILL_N; k++) {
        int i = (int)((long)k * 7919 % SPILL_N);
        snprintf(name, sizeof name, "s%05d", i);
        snprintf(buf, sizeof buf, "2024-01-%02d", i % 28 + 1);
        if (i % 3 == 0)
            dyad_docs_set_date(d, name, buf, NULL);
        else
            dyad_docs_add(d, name);
    }
    for (int i = 0; i < SPILL_N; i += 10) {
        snprintf(name, sizeof name, "s%05d", i);
        dyad_docs_add_dated(d, name,
                            i % 20 == 0   ? "2023-12-31"
                            : i % 30 == 0 ? "2025-06-01"
                                          : NULL);
    }
}

/* The listing of a fill'ed table: every name once, in order, with its
 * earliest date, repeated where it was given twice. */
static bool listing_ok(const dyad_docs *d)
{
    dyad_docs_iter *it = dyad_docs_iter_new(d);
    dyad_docs_item x;
    int i = 0;
    bool ok = true;
    for (; ok && dyad_docs_iter_next(it, &x); i++) {
        char name[32], buf[32];
        snprintf(name, sizeof name, "s%05d", i);
        const char *date = date_of_i(i, buf);
        ok = strcmp(x.doc, name) == 0 && x.repeated == (i % 10 == 0) &&
             (date && x.date ? strcmp(date, x.date) == 0 : date == x.date);
        if (!ok)
            printf("# item %d: %s %s%s\n", i, x.doc, x.date ? x.date : "-",
                   x.repeated ? " *" : "");
    }
    dyad_docs_iter_free(it);
    return ok && i == SPILL_N;
}

static void test_spill(void)
{
    /* a folder of its own as TMPDIR: nothing may appear in it */
    char tmp[] = "/tmp/dyad-test-docs.XXXXXX";
    CHECK(mkdtemp(tmp) != NULL);
    const char *old = getenv("TMPDIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TMPDIR", tmp, 1);
    int fds = entries("/proc/self/fd");

    dyad_docs *d = dyad_docs_new();
    dyad_docs_set_spill(d, 256); /* about five names a run */
    fill(d);
    CHECK(dyad_docs_runs(d) > 1);
    CHECK(dyad_docs_runs(d) < 3 * 16); /* merged: < 16 runs a level */
    CHECK(entries("/proc/self/fd") > fds);
    CHECK_INT(entries(tmp), 0); /* anonymous files */
    CHECK(listing_ok(d));
    CHECK_INT(dyad_docs_count(d), SPILL_N);
    CHECK_INT(dyad_docs_n_dated(d),
              SPILL_N / 3 + SPILL_N / 20 - SPILL_N / 60);
    /* lookups across runs */
    CHECK(dyad_docs_has(d, "s00000") && dyad_docs_has(d, "s02999"));
    CHECK(!dyad_docs_has(d, "s03000") && !dyad_docs_has(d, "a"));
    CHECK_STR(dyad_docs_date(d, "s00020"), "2023-12-31");
    CHECK_STR(dyad_docs_date(d, "s00030"), "2024-01-03");
    CHECK(dyad_docs_date(d, "s00010") == NULL);
    CHECK(dyad_docs_date(d, "s03000") == NULL);

    /* merged into a table that spills, and one that never does */
    dyad_docs *m = dyad_docs_new(), *mem = dyad_docs_new();
    dyad_docs_set_spill(m, 300);
    dyad_docs_set_spill(mem, SIZE_MAX);
    dyad_docs_merge(m, d);
    dyad_docs_merge(mem, d);
    CHECK(dyad_docs_runs(m) > 1 && dyad_docs_runs(mem) == 0);
    CHECK(listing_ok(m) && listing_ok(mem));
    CHECK_STR(dyad_docs_date(mem, "s00020"), "2023-12-31");
    dyad_docs_free(mem);
    dyad_docs_free(m);
    dyad_docs_free(d);
    CHECK_INT(entries("/proc/self/fd"), fds); /* every run closed */
    CHECK_INT(entries(tmp), 0);
    CHECK(rmdir(tmp) == 0);
    /* no temporary file can be made: all stays in memory, as before */
    setenv("TMPDIR", "/nonexistent/dyad-test", 1);
    d = dyad_docs_new();
    dyad_docs_set_spill(d, 256);
    fill(d);
    CHECK_INT(dyad_docs_runs(d), 0);
    CHECK(listing_ok(d));
    dyad_docs_free(d);
    if (saved)
        setenv("TMPDIR", saved, 1);
    else
        unsetenv("TMPDIR");
    free(saved);
}

/* Two graphs whose lists spill (a test's cast: the graph gives its list
 * read-only), sharing documents from different runs. */
static void test_spilled_graphs(void)
{
    dyad_graph *a = dyad_graph_new(), *b = dyad_graph_new();
    dyad_docs_set_spill((dyad_docs *)dyad_graph_docs(a), 200);
    dyad_docs_set_spill((dyad_docs *)dyad_graph_docs(b), 200);
    char name[32];
    for (int i = 999; i >= 0; i--) { /* a: 0..999, b: the multiples of 7 */
        snprintf(name, sizeof name, "g%04d.txt", i);
        dyad_graph_document(a, name, i % 2 ? NULL : "2024-02-02");
        if (i % 7 == 0)
            dyad_graph_document(b, name, NULL);
    }
    dyad_graph_document(b, "h.txt", NULL);
    CHECK(dyad_docs_runs(dyad_graph_docs(a)) > 1);
    CHECK(dyad_docs_runs(dyad_graph_docs(b)) > 1);
    char *ex = NULL;
    CHECK_INT(dyad_graph_shared_documents(a, b, &ex), 143);
    CHECK_STR(ex, "g0000.txt");
    free(ex);
    CHECK_INT(dyad_graph_shared_documents(b, a, NULL), 143);
    CHECK_INT(dyad_graph_shared_documents(b, b, NULL), 144);
    /* dates from a caller's table, joined */
    dyad_docs *dates = dyad_docs_new();
    dyad_docs_set_spill(dates, 100);
    dyad_docs_set_date(dates, "h.txt", "2023-01-01", NULL);
    dyad_docs_set_date(dates, "g0007.txt", "2023-01-01", NULL);
    dyad_docs_set_date(dates, "g0014.txt", "2025-01-01", NULL);
    dyad_docs_set_date(dates, "zz.txt", "2023-01-01", NULL);
    dyad_graph_date_documents(b, dates);
    dyad_graph_date_documents(a, dates);
    CHECK_STR(dyad_docs_date(dyad_graph_docs(b), "h.txt"), "2023-01-01");
    CHECK_STR(dyad_docs_date(dyad_graph_docs(b), "g0014.txt"), "2025-01-01");
    CHECK_STR(dyad_docs_date(dyad_graph_docs(a), "g0014.txt"), "2024-02-02");
    CHECK_STR(dyad_docs_date(dyad_graph_docs(a), "g0007.txt"), "2023-01-01");
    CHECK(!dyad_docs_has(dyad_graph_docs(a), "zz.txt"));
    CHECK_INT(dyad_docs_count(dyad_graph_docs(a)), 1000);
    dyad_docs_free(dates);
    /* merge: the union, each once */
    CHECK_INT(dyad_graph_merge(a, b, NULL), DYAD_OK);
    CHECK_INT(dyad_docs_count(dyad_graph_docs(a)), 1001);
    CHECK_STR(dyad_docs_date(dyad_graph_docs(a), "g0014.txt"), "2024-02-02");
    dyad_graph_free(a);
    dyad_graph_free(b);
}

/* A graph of documents first..last (acts of "pak" on "afg"). */
static dyad_graph *docs_graph(int first, int last, bool date_even)
{
    dyad_graph *g = dyad_graph_new();
    for (int k = first; k <= last; k++) {
        char doc[32];
        snprintf(doc, sizeof doc, "d%02d.txt", k);
        dyad_graph_count(g, 1, 3);
        CHECK(dyad_graph_document(
            g, doc, date_even && k % 2 == 0 ? "2024-03-18" : NULL));
        act_full(g, "pak", "afg", "urge", "020", -1.2, doc, 1, 0,
                 "P urged A.");
    }
    dyad_graph_sort(g);
    return g;
}

static void test_graph_list(void)
{
    dyad_graph *a = docs_graph(0, 4, true), *b = docs_graph(3, 6, false);
    CHECK(!dyad_graph_document(a, "d00.txt", NULL) || spilling());
    CHECK_INT(dyad_docs_count(dyad_graph_docs(a)), 5);
    char *ex = NULL;
    CHECK_INT(dyad_graph_shared_documents(a, b, &ex), 2);
    CHECK_STR(ex, "d03.txt");
    free(ex);
    CHECK_INT(dyad_graph_shared_documents(b, b, NULL), 4);
    dyad_graph *c = docs_graph(7, 8, false);
    CHECK_INT(dyad_graph_shared_documents(a, c, &ex), 0);
    CHECK(ex == NULL);
    /* merge: the union, dates kept (d00.txt was given twice to a) */
    CHECK_INT(dyad_graph_merge(c, a, NULL), DYAD_OK);
    CHECK(!dyad_graph_is_sorted(c));
    dyad_graph_sort(c);
    const dyad_docs *d = dyad_graph_docs(c);
    CHECK_INT(dyad_docs_count(d), 7);
    CHECK_STR(list_of(d),
              "d00.txt 2024-03-18 *\nd01.txt -\nd02.txt 2024-03-18\n"
              "d03.txt -\nd04.txt 2024-03-18\nd07.txt -\n"
              "d08.txt -\n");
    /* dates from a caller's table */
    dyad_docs *dates = dyad_docs_new();
    dyad_docs_set_date(dates, "d07.txt", "2023-12-31", NULL);
    dyad_docs_set_date(dates, "elsewhere.txt", "2023-12-31", NULL);
    dyad_graph_date_documents(c, dates);
    CHECK_STR(dyad_docs_date(dyad_graph_docs(c), "d07.txt"), "2023-12-31");
    CHECK(!dyad_docs_has(dyad_graph_docs(c), "elsewhere.txt"));
    dyad_docs_free(dates);
    dyad_graph_free(a);
    dyad_graph_free(b);
    dyad_graph_free(c);
}

static void test_json_corpus(void)
{
    dyad_graph *g = docs_graph(0, 2, true);
    char *j = json_of(g);
    CHECK(j && strstr(j, "  \"sentences\": 9,\n  \"corpus\": [\n   {\n"
                         "    \"doc\": \"d00.txt\",\n"
                         "    \"date\": \"2024-03-18\"\n   },\n   {\n"
                         "    \"doc\": \"d01.txt\"\n   },\n") != NULL);
    dyad_graph *back = NULL;
    CHECK_INT(read_str(j, &back, NULL), DYAD_OK);
    char *j2 = back ? json_of(back) : NULL;
    CHECK(j && j2 && strcmp(j, j2) == 0);
    free(j2);
    dyad_graph_free(back);
    /* a graph of an older dyad: no list, read, and written with [] */
    const char *old = "{\"graph\": {\"generator\": \"dyad 0.1.0\", "
                      "\"documents\": 2, \"sentences\": 3}, \"nodes\": [], "
                      "\"links\": []}";
    CHECK_INT(read_str(old, &back, NULL), DYAD_OK);
    CHECK_INT(dyad_docs_count(dyad_graph_docs(back)), 0);
    dyad_graph_free(back);
    static const struct {
        const char *from, *to, *error;
    } bad[] = {
        {"\"doc\": \"d01.txt\"", "\"doc\": \"d00.txt\"",
         "graph.corpus[1].doc: \"d00.txt\" appears twice"},
        {"\"date\": \"2024-03-18\"", "\"date\": \"2024-02-30\"",
         "graph.corpus[0].date: expected a date (YYYY-MM-DD)"},
        {"\"date\": \"2024-03-18\"", "\"date\": 20240318",
         "graph.corpus[0].date: expected a date (YYYY-MM-DD)"},
        {"\"doc\": \"d01.txt\"", "\"doc\": 1",
         "graph.corpus[1].doc: expected a string"},
        {"\"documents\": 3", "\"documents\": 2",
         "graph.corpus: 3 documents listed, but graph.documents is 2"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *at = strstr(j, bad[i].from);
        CHECK(at != NULL);
        if (!at)
            continue;
        size_t k = (size_t)(at - j);
        char *s = malloc(strlen(j) + strlen(bad[i].to) + 1);
        memcpy(s, j, k);
        strcpy(s + k, bad[i].to);
        strcat(s, at + strlen(bad[i].from));
        dyad_error err = {0};
        back = NULL;
        CHECK_INT(read_str(s, &back, &err), DYAD_ERR_INVALID);
        CHECK_STR(err.text, bad[i].error);
        free(s);
    }
    free(j);
    dyad_graph_free(g);
}

/* A name listed twice far apart: found as read while the list is in
 * memory (with its index), by the listing at the end once it spilled. */
static void test_json_spilled(void)
{
    dyad_graph *g = docs_graph(0, 40, true);
    char *j = json_of(g);
    dyad_graph *back = NULL;
    CHECK_INT(read_str(j, &back, NULL), DYAD_OK);
    char *j2 = back ? json_of(back) : NULL;
    CHECK(j && j2 && strcmp(j, j2) == 0);
    free(j2);
    dyad_graph_free(back);
    const char *from = "\"doc\": \"d39.txt\"";
    char *at = j ? strstr(j, from) : NULL;
    CHECK(at != NULL);
    if (at) {
        memcpy(at + 9, "00", 2); /* "d39.txt" -> "d00.txt" */
        dyad_error err = {0};
        back = NULL;
        CHECK_INT(read_str(j, &back, &err), DYAD_ERR_INVALID);
        CHECK_STR(err.text, spilling()
                                ? "graph.corpus: \"d00.txt\" appears twice"
                                : "graph.corpus[39].doc: \"d00.txt\" appears "
                                  "twice");
    }
    free(j);
    dyad_graph_free(g);
}

int main(void)
{
    RUN(test_table);
    RUN(test_spill);
    RUN(test_spilled_graphs);
    RUN(test_graph_list);
    RUN(test_json_corpus);
    RUN(test_json_spilled);
    return DONE();
}
