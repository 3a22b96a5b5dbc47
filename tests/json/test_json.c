/* The JSON writer and reader: the exact form written, write -> read ->
 * write byte-identical, and every error of the reader. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "harness.h"

static void test_form(void)
{
    dyad_graph *g = sample_graph();
    char *j = json_of(g);
    CHECK(j != NULL);
    if (!j)
        return;
    CHECK(strncmp(j,
                  "{\n \"directed\": true,\n \"multigraph\": false,\n"
                  " \"graph\": {\n  \"generator\": \"dyad " DYAD_VERSION
                  "\",\n  \"schema\": 1,\n  \"documents\": 2,\n"
                  "  \"sentences\": 31,\n  \"corpus\": []\n },\n"
                  " \"nodes\": [\n  {\n"
                  "   \"id\": \"afghan-taliban\",\n",
                  198) == 0);
    size_t n = strlen(j);
    CHECK(n > 2 && strcmp(j + n - 2, "}\n") == 0);
    CHECK(strstr(j, "\"goldstein\": -1.2,") != NULL);
    /* (3 * -1.2 - 2.0) / 4 acts */
    CHECK(strstr(j, "\"goldstein\": -1.4,") != NULL);
    CHECK(strstr(j, "00000") == NULL);
    CHECK(strstr(j, "\"goldstein\": 1.0,") != NULL);
    CHECK(strstr(j, "C\xc3\xb4te d\xe2\x80\x99Ivoire") !=
          NULL); /* raw UTF-8 */
    CHECK(strstr(j, "\\u") == NULL);
    CHECK(strstr(j, "to \\\"honour\\\" its") != NULL);
    CHECK(strstr(j, "Taliban \\\\ again") != NULL);
    CHECK(strstr(j, "\"links\": [") != NULL);
    /* the keys of a link, in order */
    const char *l = strstr(j, "\"links\": [");
    const char *keys[] = {
        "\"source\"",    "\"target\"",    "\"weight\"", "\"acts\"",
        "\"goldstein\"", "\"relations\"", "\"verb\"",   "\"cameo\"",
        "\"code\"",      "\"goldstein\"", "\"count\"",  "\"evidence\"",
        "\"doc\"",       "\"sentence\"",  "\"offset\"", "\"verb\"",
        "\"cameo\"",     "\"code\"",      "\"text\""};
    for (size_t i = 0; l && i < sizeof keys / sizeof *keys; i++)
        l = strstr(l + 1, keys[i]);
    CHECK(l != NULL);
    free(j);
    dyad_graph_free(g);
}

static void test_roundtrip(void)
{
    dyad_graph *g = sample_graph();
    char *j1 = json_of(g);
    dyad_graph *h = NULL;
    dyad_error err = {0};
    CHECK_INT(read_str(j1, &h, &err), DYAD_OK);
    if (!h) {
        printf("# %s\n", err.text);
        free(j1);
        dyad_graph_free(g);
        return;
    }
    CHECK(dyad_graph_is_sorted(h));
    char *j2 = json_of(h);
    CHECK(j2 && strcmp(j1, j2) == 0);
    CHECK_INT(dyad_graph_n_edges(h), dyad_graph_n_edges(g));
    CHECK_INT(dyad_graph_documents(h), 2);
    /* and again, from what was read */
    dyad_graph *k = NULL;
    CHECK_INT(read_str(j2, &k, &err), DYAD_OK);
    char *j3 = k ? json_of(k) : NULL;
    CHECK(j3 && strcmp(j1, j3) == 0);
    /* a graph read merges like the graph written */
    dyad_graph *m1 = dyad_graph_new(), *m2 = dyad_graph_new();
    CHECK_INT(dyad_graph_merge(m1, g, NULL), DYAD_OK);
    CHECK_INT(dyad_graph_merge(m1, g, NULL), DYAD_OK);
    CHECK_INT(dyad_graph_merge(m2, h, NULL), DYAD_OK);
    CHECK_INT(dyad_graph_merge(m2, k, NULL), DYAD_OK);
    char *a = json_of(m1), *b = json_of(m2);
    CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    dyad_graph_free(m1);
    dyad_graph_free(m2);
    free(j3);
    dyad_graph_free(k);
    free(j2);
    free(j1);
    dyad_graph_free(h);
    dyad_graph_free(g);
}

static void test_empty(void)
{
    dyad_graph *g = dyad_graph_new();
    char *j = json_of(g);
    dyad_graph *h = NULL;
    CHECK_INT(read_str(j, &h, NULL), DYAD_OK);
    char *j2 = h ? json_of(h) : NULL;
    CHECK(j2 && strcmp(j, j2) == 0);
    CHECK(strstr(j, "\"nodes\": [],") != NULL);
    free(j2);
    free(j);
    dyad_graph_free(h);
    dyad_graph_free(g);
}

/* A valid one-link graph with one piece replaced: "@" stands for the
 * link's weight line, "#" for the graph attributes. */
static char *doc_with(const char *attrs, const char *link_extra,
                      const char *weight, const char *links_key)
{
    static const char base[] =
        "{\"directed\": true, \"multigraph\": false,\n"
        " \"graph\": {%s},\n"
        " \"nodes\": [{\"id\": \"a\", \"label\": \"A\", \"mentions\": 2},\n"
        "           {\"id\": \"b\", \"label\": \"B\", \"mentions\": 1}],\n"
        " \"%s\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": %s,\n"
        "   \"acts\": 1, \"goldstein\": -1.2%s,\n"
        "   \"relations\": [{\"verb\": \"urge\", \"cameo\": \"02\", "
        "\"code\": "
        "\"020\", \"goldstein\": -1.2, \"count\": 1}],\n"
        "   \"evidence\": [{\"doc\": \"d\", \"sentence\": 1, \"offset\": 0, "
        "\"verb\": \"urge\", \"cameo\": \"02\", \"code\": \"020\", \"text\": "
        "\"A urged B.\"}]}]}\n";
    size_t n = sizeof base + strlen(attrs) + strlen(link_extra) +
               strlen(weight) + strlen(links_key);
    char *s = malloc(n);
    snprintf(s, n, base, attrs, links_key, weight, link_extra);
    return s;
}

static const char good_attrs[] =
    "\"generator\": \"dyad 0.1.0\", \"schema\": 1, \"documents\": 1, "
    "\"sentences\": 4";

/* Reads s; checks the status and that the error text contains want. */
static void expect(const char *s, dyad_status want_st, const char *want)
{
    dyad_graph *g = NULL;
    dyad_error err = {0};
    dyad_status st = read_str(s, &g, &err);
    CHECK_INT(st, want_st);
    if (want_st != DYAD_OK) {
        CHECK(g == NULL);
        CHECK_STR(err.source, "t.json");
        int ok = want && strstr(err.text, want) != NULL;
        CHECK(ok);
        if (!ok)
            printf("#   text: %s\n#   want: %s\n", err.text, want);
    }
    dyad_graph_free(g);
}

static void expect_doc(const char *attrs, const char *extra,
                       const char *weight, const char *key,
                       dyad_status want_st, const char *want)
{
    char *s = doc_with(attrs, extra, weight, key);
    expect(s, want_st, want);
    free(s);
}

static void test_read_ok(void)
{
    expect_doc(good_attrs, "", "1", "links", DYAD_OK, NULL);
    /* NetworkX 3.6 writes "edges" */
    expect_doc(good_attrs, "", "1", "edges", DYAD_OK, NULL);
    /* fields dyad does not know are ignored */
    expect_doc(good_attrs, ", \"color\": \"red\"", "1", "links", DYAD_OK,
               NULL);
    /* no schema, but written by dyad */
    expect_doc("\"generator\": \"dyad 0.0.9\", \"documents\": 1, "
               "\"sentences\": 4",
               "", "1", "links", DYAD_OK, NULL);
}

static void test_read_syntax(void)
{
    dyad_graph *g = NULL;
    dyad_error err = {0};
    CHECK_INT(
        read_str("{\"directed\": true,\n \"nodes\": [\n  1,,\n", &g, &err),
        DYAD_ERR_PARSE);
    CHECK(g == NULL);
    CHECK_STR(err.source, "t.json");
    CHECK_INT(err.line, 3);
    CHECK_INT(err.column, 5);
    CHECK(err.text[0] != '\0');
    memset(&err, 0, sizeof err);
    CHECK_INT(read_str("", &g, &err), DYAD_ERR_PARSE);
    CHECK_INT(read_str("{\"a\": \"\xff\"}", &g, &err), DYAD_ERR_PARSE);
    CHECK_INT(read_str("{\"a\": 1, \"a\": 2}", &g, &err), DYAD_ERR_PARSE);
}

static void test_read_errors(void)
{
    expect_doc(good_attrs, "", "\"3\"", "links", DYAD_ERR_INVALID,
               "links[0].weight: expected an integer");
    expect_doc(good_attrs, "", "1.5", "links", DYAD_ERR_INVALID,
               "links[0].weight: expected an integer");
    expect_doc(good_attrs, "", "-1", "links", DYAD_ERR_INVALID,
               "links[0].weight: -1 is out of range");
    expect_doc(good_attrs, "", "1", "edges", DYAD_OK, NULL);
    expect_doc(good_attrs, "", "\"x\"", "edges", DYAD_ERR_INVALID,
               "edges[0].weight: expected an integer");
    expect_doc("\"generator\": \"dyad 0.2.0\", \"schema\": 2", "", "1",
               "links", DYAD_ERR_SCHEMA,
               "schema 2 is not supported; this dyad reads schema 1");
    expect_doc("\"generator\": \"dyad\", \"schema\": \"1\"", "", "1", "links",
               DYAD_ERR_INVALID, "graph.schema: expected an integer");
    expect_doc("\"generator\": \"networkx\", \"documents\": 1, "
               "\"sentences\": 4",
               "", "1", "links", DYAD_ERR_INVALID, "not a dyad graph");
    expect_doc("\"documents\": 1", "", "1", "links", DYAD_ERR_INVALID,
               "not a dyad graph");
    expect_doc("\"generator\": \"dyad 0.1.0\", \"schema\": 1, "
               "\"documents\": 1",
               "", "1", "links", DYAD_ERR_INVALID,
               "graph.sentences: missing");
    expect_doc(good_attrs, "", "1", "linkz", DYAD_ERR_INVALID,
               "links: missing");
    expect("[1, 2]", DYAD_ERR_INVALID, "not a dyad graph");
    expect("{\"nodes\": []}", DYAD_ERR_INVALID, "not a dyad graph");
    expect("{\"directed\": false, \"graph\": {\"schema\": 1, \"documents\": "
           "0, \"sentences\": 0}, \"nodes\": [], \"links\": []}",
           DYAD_ERR_INVALID, "directed");
    expect("{\"graph\": {\"schema\": 1, \"documents\": 0, \"sentences\": 0}, "
           "\"nodes\": [], \"links\": [], \"edges\": []}",
           DYAD_ERR_INVALID, "both");
    expect("{\"graph\": {\"schema\": 1, \"documents\": 0, \"sentences\": 0}, "
           "\"nodes\": {}, \"links\": []}",
           DYAD_ERR_INVALID, "nodes: expected an array");
    expect("{\"graph\": {\"schema\": 1, \"documents\": 0, \"sentences\": 0}, "
           "\"nodes\": [{\"id\": \"a\", \"label\": 3, \"mentions\": 1}], "
           "\"links\": []}",
           DYAD_ERR_INVALID, "nodes[0].label: expected a string");
    expect("{\"graph\": {\"schema\": 1, \"documents\": 0, \"sentences\": 0}, "
           "\"nodes\": [{\"id\": \"a\", \"label\": \"A\", \"mentions\": 1}, "
           "{\"id\": \"a\", \"label\": \"A\", \"mentions\": 1}], "
           "\"links\": []}",
           DYAD_ERR_INVALID, "nodes[1].id: \"a\" appears twice");
}

/* The one-link document with the first from replaced by to. */
static void expect_replaced(const char *from, const char *to,
                            dyad_status want_st, const char *want)
{
    char *base = doc_with(good_attrs, "", "1", "links");
    char *p = strstr(base, from);
    CHECK(p != NULL);
    if (p) {
        size_t n = strlen(base) + strlen(to) + 1;
        char *s = malloc(n);
        snprintf(s, n, "%.*s%s%s", (int)(p - base), base, to,
                 p + strlen(from));
        expect(s, want_st, want);
        free(s);
    }
    free(base);
}

static void test_read_link_errors(void)
{
    expect_replaced("\"target\": \"b\"", "\"target\": \"q\"",
                    DYAD_ERR_INVALID, "links[0].target: unknown node \"q\"");
    expect_replaced("\"source\": \"a\"", "\"source\": 1", DYAD_ERR_INVALID,
                    "links[0].source: expected a string");
    expect_replaced("\"target\": \"b\"", "\"target\": \"a\"",
                    DYAD_ERR_INVALID, "itself");
    /* totals that disagree with the relations */
    expect_replaced("\"weight\": 1", "\"weight\": 2", DYAD_ERR_INVALID,
                    "links[0].weight: 2 sentences for 1 acts");
    expect_replaced("\"acts\": 1", "\"acts\": 2", DYAD_ERR_INVALID,
                    "links[0].acts: 2, but the relations count 1");
    expect_replaced("\"goldstein\": -1.2,\n", "\"goldstein\": -1.3,\n",
                    DYAD_ERR_INVALID, "links[0].goldstein");
    expect_replaced("\"goldstein\": -1.2,\n", "\"goldstein\": \"-1.2\",\n",
                    DYAD_ERR_INVALID,
                    "links[0].goldstein: expected a number");
    /* relation and evidence fields */
    expect_replaced("\"count\": 1", "\"cnt\": 1", DYAD_ERR_INVALID,
                    "links[0].relations[0].count: missing");
    expect_replaced("\"count\": 1", "\"count\": 0", DYAD_ERR_INVALID,
                    "links[0].relations[0].count: 0 is out of range");
    expect_replaced("\"sentence\": 1", "\"sentence\": \"1\"",
                    DYAD_ERR_INVALID,
                    "links[0].evidence[0].sentence: expected an integer");
    expect_replaced("\"text\": \"A urged B.\"", "\"text\": null",
                    DYAD_ERR_INVALID,
                    "links[0].evidence[0].text: expected a string");
    expect_replaced("\"goldstein\": -1.2, \"count\"",
                    "\"goldstein\": 99.0, \"count\"", DYAD_ERR_INVALID,
                    "links[0].relations[0].goldstein: 99 is outside");
    expect_replaced("\"evidence\": [", "\"evidence\": 7, \"x\": [",
                    DYAD_ERR_INVALID, "links[0].evidence: expected an array");
    expect_replaced("\"relations\": [{", "\"relations\": [3, {",
                    DYAD_ERR_INVALID,
                    "links[0].relations[0]: expected an object");
    /* a cameo that is not its code's root (found by fuzz_merge: merge a b
     * and merge b a differed), in a relation and in evidence */
    expect_replaced("\"cameo\": \"02\", \"code\": \"020\", \"goldstein\"",
                    "\"cameo\": \"03\", \"code\": \"020\", \"goldstein\"",
                    DYAD_ERR_INVALID,
                    "links[0].relations[0].cameo: \"03\" is not the root "
                    "of code \"020\"");
    expect_replaced("\"cameo\": \"02\", \"code\": \"020\", \"text\"",
                    "\"cameo\": \"0\", \"code\": \"020\", \"text\"",
                    DYAD_ERR_INVALID,
                    "links[0].evidence[0].cameo: \"0\" is not the root");
    /* the same link twice */
    expect("{\"graph\": {\"schema\": 1, \"documents\": 0, \"sentences\": 0}, "
           "\"nodes\": [{\"id\": \"a\", \"label\": \"A\", \"mentions\": 1}, "
           "{\"id\": \"b\", \"label\": \"B\", \"mentions\": 1}], "
           "\"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": 0,"
           " \"acts\": 0, \"goldstein\": 0, \"relations\": [], \"evidence\":"
           " []}, {\"source\": \"a\", \"target\": \"b\", \"weight\": 0,"
           " \"acts\": 0, \"goldstein\": 0, \"relations\": [], \"evidence\":"
           " []}]}",
           DYAD_ERR_INVALID, "links[1]: a second link");
    /* one verb, two Goldstein values */
    expect(
        "{\"graph\": {\"schema\": 1, \"documents\": 0, \"sentences\": 0}, "
        "\"nodes\": [{\"id\": \"a\", \"label\": \"A\", \"mentions\": 1}, "
        "{\"id\": \"b\", \"label\": \"B\", \"mentions\": 1}], "
        "\"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": 1,"
        " \"acts\": 1, \"goldstein\": 1, \"relations\": [{\"verb\": \"v\","
        " \"cameo\": \"01\", \"code\": \"01\", \"goldstein\": 1, \"count\":"
        " 1}], \"evidence\": []}, {\"source\": \"b\", \"target\": \"a\","
        " \"weight\": 1, \"acts\": 1, \"goldstein\": 2, \"relations\": "
        "[{\"verb\": \"v\", \"cameo\": \"01\", \"code\": \"01\", "
        "\"goldstein\": 2, \"count\": 1}], \"evidence\": []}]}",
        DYAD_ERR_INVALID, "links[1].relations[0].goldstein");
}

/* Counts past DYAD_MAX_COUNT (2^53 - 1) are refused, naming the field;
 * before, 2^63 - 1 overflowed the sums (UBSan abort, or a wrapped count
 * in the release build). */
static void test_read_count_limits(void)
{
    expect_replaced("\"count\": 1", "\"count\": 9223372036854775807",
                    DYAD_ERR_INVALID,
                    "links[0].relations[0].count: 9223372036854775807 is "
                    "more than dyad counts (at most 9007199254740991)");
    expect_replaced("\"weight\": 1", "\"weight\": 9007199254740992",
                    DYAD_ERR_INVALID, "links[0].weight: 9007199254740992 is "
                                      "more than dyad counts");
    expect_doc("\"generator\": \"dyad 0.1.0\", \"schema\": 1, "
               "\"documents\": 9007199254740992, \"sentences\": 1",
               "", "1", "links", DYAD_ERR_INVALID,
               "graph.documents: 9007199254740992 is more than dyad counts");
    /* the largest count is kept exactly */
    expect_doc("\"generator\": \"dyad 0.1.0\", \"schema\": 1, "
               "\"documents\": 9007199254740991, \"sentences\": 1",
               "", "1", "links", DYAD_OK, NULL);
    /* two relations within the limit whose sum is not */
    expect(
        "{\"graph\": {\"schema\": 1, \"documents\": 0, \"sentences\": 0}, "
        "\"nodes\": [{\"id\": \"a\", \"label\": \"A\", \"mentions\": 1}, "
        "{\"id\": \"b\", \"label\": \"B\", \"mentions\": 1}], "
        "\"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": 1,"
        " \"acts\": 9007199254740991, \"goldstein\": 1, \"relations\": ["
        "{\"verb\": \"v\", \"cameo\": \"01\", \"code\": \"01\", "
        "\"goldstein\": 1, \"count\": 4503599627370496}, "
        "{\"verb\": \"w\", \"cameo\": \"01\", \"code\": \"01\", "
        "\"goldstein\": 1, \"count\": 4503599627370496}], "
        "\"evidence\": []}]}",
        DYAD_ERR_INVALID,
        "links[0].relations[1].count: the graph's acts would pass "
        "9007199254740991");
}

/* "relations": [] and "evidence": [] are read and sorted without passing
 * NULL to qsort (a UBSan abort before). */
static void test_read_empty_lists(void)
{
    const char *base =
        "{\"graph\": {\"schema\": 1, \"documents\": 0, \"sentences\": 0}, "
        "\"nodes\": [{\"id\": \"a\", \"label\": \"A\", \"mentions\": 1}, "
        "{\"id\": \"b\", \"label\": \"B\", \"mentions\": 1}], "
        "\"links\": [{\"source\": \"a\", \"target\": \"b\", ";
    char doc[1024];
    snprintf(doc, sizeof doc, "%s%s", base,
             "\"weight\": 0, \"acts\": 0, \"goldstein\": 0, "
             "\"relations\": [], \"evidence\": []}]}");
    expect(doc, DYAD_OK, NULL);
    snprintf(doc, sizeof doc, "%s%s", base,
             "\"weight\": 1, \"acts\": 1, \"goldstein\": 1, "
             "\"relations\": [{\"verb\": \"v\", \"cameo\": \"01\", "
             "\"code\": \"01\", \"goldstein\": 1, \"count\": 1}], "
             "\"evidence\": []}]}");
    expect(doc, DYAD_OK, NULL);
}

static void test_write_errors(void)
{
    dyad_graph *g = dyad_graph_new();
    size_t a = dyad_graph_node(g, "a", "A"), b = dyad_graph_node(g, "b", "B");
    dyad_act act = {"urge", "02", "020",           -1.2, "d",
                    1,      0,    "bad \xff byte", 10};
    dyad_graph_act(g, a, b, &act);
    dyad_graph_sort(g);
    dyad_error err = {0};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(dyad_write_json(g, f, &err), DYAD_ERR_INVALID);
    fclose(f);
    CHECK(strstr(err.text, "links[0].evidence[0].text") != NULL);
    free(buf);
    dyad_graph_free(g);

    g = sample_graph();
    f = fopen("/dev/full", "w");
    if (f) {
        memset(&err, 0, sizeof err);
        CHECK_INT(dyad_write_json(g, f, &err), DYAD_ERR_IO);
        fclose(f);
    }
    dyad_graph_free(g);
}

int main(void)
{
    RUN(test_form);
    RUN(test_roundtrip);
    RUN(test_empty);
    RUN(test_read_ok);
    RUN(test_read_syntax);
    RUN(test_read_errors);
    RUN(test_read_link_errors);
    RUN(test_read_count_limits);
    RUN(test_read_empty_lists);
    RUN(test_write_errors);
    return DONE();
}
