/* The documents a graph was built from: the dyad_docs table (names, dates,
 * order), the graph's list (added, dated, shared, merged), and
 * graph.corpus written and read back, with its errors. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "dyad/read.h"
#include "harness.h"

static void test_table(void)
{
    dyad_docs *d = dyad_docs_new();
    CHECK(dyad_docs_add(d, "b.txt"));
    CHECK(!dyad_docs_add(d, "b.txt"));
    CHECK(dyad_docs_add(d, "a.txt"));
    CHECK(dyad_docs_has(d, "a.txt") && !dyad_docs_has(d, "c.txt"));
    CHECK(!dyad_docs_has(NULL, "a.txt"));
    CHECK(!dyad_docs_is_sorted(d));
    CHECK_INT(dyad_docs_set_date(d, "c.txt", "2024-03-18", NULL), DYAD_OK);
    CHECK_INT(dyad_docs_set_date(d, "a.txt", "2024-05-01", NULL), DYAD_OK);
    CHECK_INT(dyad_docs_set_date(d, "a.txt", "2024-04-30", NULL), DYAD_OK);
    CHECK_INT(dyad_docs_set_date(d, "a.txt", "2024-06-01", NULL), DYAD_OK);
    CHECK_INT(dyad_docs_count(d), 3);
    CHECK_INT(dyad_docs_n_dated(d), 2);
    dyad_docs_sort(d);
    CHECK(dyad_docs_is_sorted(d));
    CHECK_STR(dyad_docs_name(d, 0), "a.txt");
    CHECK_STR(dyad_docs_date_at(d, 0), "2024-04-30");
    CHECK_STR(dyad_docs_name(d, 1), "b.txt");
    CHECK(dyad_docs_date_at(d, 1) == NULL);
    CHECK_STR(dyad_docs_name(d, 2), "c.txt");
    CHECK_STR(dyad_docs_date(d, "c.txt"), "2024-03-18");
    /* dating a name by the table's own pointer, while the arena grows */
    for (int i = 0; i < 2000; i++) {
        char name[32];
        snprintf(name, sizeof name, "n%04d.txt", i);
        dyad_docs_add(d, name);
    }
    for (size_t i = 0; i < dyad_docs_count(d); i++)
        if (!dyad_docs_date_at(d, i))
            dyad_docs_set_date(d, dyad_docs_name(d, i), "2020-01-01", NULL);
    CHECK_INT(dyad_docs_n_dated(d), 2003);
    CHECK_STR(dyad_docs_date(d, "n1999.txt"), "2020-01-01");
    CHECK_STR(dyad_docs_date(d, "b.txt"), "2020-01-01");
    CHECK_STR(dyad_docs_date(d, "a.txt"), "2024-04-30");
    dyad_docs *m = dyad_docs_new();
    dyad_docs_set_date(m, "a.txt", "2024-01-01", NULL);
    CHECK_INT(dyad_docs_merge(m, d), DYAD_OK);
    CHECK_INT(dyad_docs_count(m), 2003);
    CHECK_STR(dyad_docs_date(m, "a.txt"), "2024-01-01");
    CHECK_STR(dyad_docs_date(m, "c.txt"), "2024-03-18");
    dyad_docs_free(m);
    dyad_docs_free(d);
    dyad_docs_free(NULL);
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
    CHECK(!dyad_graph_document(a, "d00.txt", NULL));
    CHECK_INT(dyad_docs_count(dyad_graph_docs(a)), 5);
    const char *ex = NULL;
    CHECK_INT(dyad_graph_shared_documents(a, b, &ex), 2);
    CHECK_STR(ex, "d03.txt");
    CHECK_INT(dyad_graph_shared_documents(b, b, NULL), 4);
    dyad_graph *c = docs_graph(7, 8, false);
    CHECK_INT(dyad_graph_shared_documents(a, c, &ex), 0);
    CHECK(ex == NULL);
    /* merge: the union, dates kept, sorted again */
    CHECK_INT(dyad_graph_merge(c, a, NULL), DYAD_OK);
    CHECK(!dyad_graph_is_sorted(c));
    dyad_graph_sort(c);
    const dyad_docs *d = dyad_graph_docs(c);
    CHECK_INT(dyad_docs_count(d), 7);
    CHECK_STR(dyad_docs_name(d, 0), "d00.txt");
    CHECK_STR(dyad_docs_date_at(d, 0), "2024-03-18");
    CHECK_STR(dyad_docs_name(d, 6), "d08.txt");
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

int main(void)
{
    RUN(test_table);
    RUN(test_graph_list);
    RUN(test_json_corpus);
    return DONE();
}
