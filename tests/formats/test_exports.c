/* Document dates (dyad_docs) and the error paths of the GraphML, GEXF and
 * CSV writers: an unsorted graph, a string that is not UTF-8 (nothing
 * written), a failed write; and text that XML and CSV must escape. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/dyad.h"
#include "harness.h"

typedef dyad_status (*writer)(const dyad_graph *, FILE *,
                              const dyad_export_opts *, dyad_error *);

static const writer writers[] = {dyad_write_graphml, dyad_write_gexf,
                                 dyad_write_csv_nodes, dyad_write_csv_edges,
                                 dyad_write_csv_evidence};
enum { N_WRITERS = sizeof writers / sizeof writers[0] };

static void test_date_parse(void)
{
    char d[DYAD_DATE_SIZE];
    CHECK(dyad_date_parse("2024-03-18", 10, d));
    CHECK_STR(d, "2024-03-18");
    CHECK(dyad_date_parse("2024-02-29T10:00:00Z", 20, d));
    CHECK_STR(d, "2024-02-29");
    CHECK(dyad_date_parse("2000-02-29 08:00", 16, d));
    CHECK(!dyad_date_parse("2023-02-29", 10, d));
    CHECK(!dyad_date_parse("1900-02-29", 10, d));
    CHECK(!dyad_date_parse("2024-13-01", 10, d));
    CHECK(!dyad_date_parse("2024-04-31", 10, d));
    CHECK(!dyad_date_parse("0000-01-01", 10, d));
    CHECK(!dyad_date_parse("2024-3-18", 9, d));
    CHECK(!dyad_date_parse("18/03/2024", 10, d));
    CHECK(!dyad_date_parse("2024-03-18x", 11, d));
    CHECK(!dyad_date_parse("2024-03-1", 9, d));
}

static size_t line(const char *s, char *d)
{
    return dyad_date_line(s, strlen(s), d);
}

static void test_date_line(void)
{
    char d[DYAD_DATE_SIZE];
    CHECK_INT(line(" date 2024-03-18\nText.", d), 16);
    CHECK_STR(d, "2024-03-18");
    CHECK_INT(line("Date: 2024-01-05  \r\nText.", d), 18);
    CHECK_STR(d, "2024-01-05");
    CHECK_INT(line("DATE:2024-01-05", d), 15);
    CHECK_INT(line("\xEF\xBB\xBF"
                   "date 2024-01-05\n",
                   d),
              18);
    /* a prefix of the first line's text, as stored news pages have it */
    CHECK_INT(line("date 2024-01-05 Pakistan urged China.\n", d), 16);
    CHECK_STR(d, "2024-01-05");
    CHECK_INT(line(" date 2024-07-23 Security forces said\n", d), 17);
    CHECK_INT(line("date 2024-01-05x\n", d), 0);
    CHECK_INT(line("date 2024-01-05T10:00 Text\n", d), 0);
    CHECK_INT(line("dated 2024-01-05\n", d), 0);
    CHECK_INT(line("date2024-01-05\n", d), 0);
    CHECK_INT(line("date 2024-02-30\n", d), 0);
    CHECK_INT(line("Pakistan\ndate 2024-01-05\n", d), 0);
    CHECK_INT(line("date", d), 0);
    CHECK_INT(line("", d), 0);
}

static void test_docs_table(void)
{
    dyad_docs *t = dyad_docs_new();
    dyad_error err = {0};
    CHECK(dyad_docs_date(t, "a.txt") == NULL);
    CHECK(dyad_docs_date(NULL, "a.txt") == NULL);
    CHECK_INT(dyad_docs_set_date(t, "a.txt", "2024-03-18", &err), DYAD_OK);
    CHECK_INT(dyad_docs_set_date(t, "a.txt", "2024-04-01", &err), DYAD_OK);
    CHECK_INT(dyad_docs_set_date(t, "a.txt", "2024-01-02", &err), DYAD_OK);
    CHECK_STR(dyad_docs_date(t, "a.txt"), "2024-01-02");
    CHECK_INT(dyad_docs_set_date(t, "b", "2024-3-1", &err), DYAD_ERR_INVALID);
    CHECK(strstr(err.text, "2024-3-1") != NULL);
    char name[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "doc-%d", i);
        dyad_docs_set_date(t, name, i % 2 ? "2023-12-31" : "2024-01-01",
                           NULL);
    }
    CHECK_INT(dyad_docs_n_dated(t), 1001);
    CHECK_STR(dyad_docs_date(t, "doc-999"), "2023-12-31");
    CHECK_STR(dyad_docs_date(t, "doc-0"), "2024-01-01");
    CHECK_STR(dyad_docs_date(t, "a.txt"), "2024-01-02");
    CHECK(dyad_docs_date(t, "doc-1000") == NULL);
    dyad_docs_free(t);
    dyad_docs_free(NULL);
}

/* A two-actor graph whose evidence text is text. */
static dyad_graph *graph_with(const char *label, const char *text)
{
    dyad_graph *g = dyad_graph_new();
    size_t a = dyad_graph_node(g, "a", label);
    size_t b = dyad_graph_node(g, "b", "B");
    dyad_act act = {"urge", "02", "020", 3.0,         "d.txt",
                    1,      0,    text,  strlen(text)};
    dyad_graph_act(g, a, b, &act);
    return g;
}

/* Runs w into memory; returns its status, the bytes in *out (freed by the
 * caller). */
static dyad_status run(writer w, const dyad_graph *g,
                       const dyad_export_opts *o, char **out)
{
    size_t len;
    FILE *mem = open_memstream(out, &len);
    dyad_error err = {0};
    dyad_status st = w(g, mem, o, &err);
    fclose(mem);
    return st;
}

static void test_refusals(void)
{
    dyad_graph *g = graph_with("A", "fine");
    dyad_graph *bad = graph_with("A \xff", "fine");
    dyad_graph_sort(bad);
    for (size_t i = 0; i < N_WRITERS; i++) {
        char *out;
        CHECK_INT(run(writers[i], g, NULL, &out), DYAD_ERR_INVALID);
        CHECK_INT(strlen(out), 0);
        free(out);
        CHECK_INT(run(writers[i], bad, NULL, &out), DYAD_ERR_INVALID);
        CHECK_INT(strlen(out), 0);
        free(out);
    }
    dyad_graph_free(bad);
    dyad_graph_free(g);
}

static void test_full_disk(void)
{
    FILE *full = fopen("/dev/full", "w");
    if (!full) {
        printf("# no /dev/full: skipped\n");
        return;
    }
    dyad_graph *g = graph_with("A", "fine");
    dyad_graph_sort(g);
    for (size_t i = 0; i < N_WRITERS; i++) {
        dyad_error err = {0};
        CHECK_INT(writers[i](g, full, NULL, &err), DYAD_ERR_IO);
        clearerr(full);
    }
    fclose(full);
    dyad_graph_free(g);
}

static void test_escaping(void)
{
    dyad_graph *g = graph_with("A & <B>", "He said \"no\", then\x01left.");
    dyad_graph_sort(g);
    dyad_docs *docs = dyad_docs_new();
    dyad_docs_set_date(docs, "d.txt", "2024-03-18", NULL);
    dyad_export_opts o = {NULL, docs};
    char *out;
    CHECK_INT(run(dyad_write_graphml, g, &o, &out), DYAD_OK);
    CHECK(strstr(out, "<data key=\"n_label\">A &amp; &lt;B&gt;</data>"));
    CHECK(strstr(out, "He said &quot;no&quot;, then left."));
    CHECK(strstr(out, "d.txt#1 2024-03-18 urge/020: "));
    CHECK(!strchr(out, '\x01'));
    free(out);
    CHECK_INT(run(dyad_write_gexf, g, &o, &out), DYAD_OK);
    CHECK(strstr(out, "mode=\"dynamic\" timeformat=\"date\""));
    CHECK(strstr(out, "label=\"A &amp; &lt;B&gt;\" start=\"2024-03-18\""));
    free(out);
    CHECK_INT(run(dyad_write_csv_nodes, g, &o, &out), DYAD_OK);
    CHECK(strstr(out, "\r\na,A & <B>,,0,Actor\r\n"));
    free(out);
    CHECK_INT(run(dyad_write_csv_evidence, g, &o, &out), DYAD_OK);
    CHECK(
        strstr(out, ",2024-03-18,\"He said \"\"no\"\", then\x01left.\"\r\n"));
    free(out);
    CHECK_INT(run(dyad_write_gexf, g, NULL, &out), DYAD_OK);
    CHECK(strstr(out, "mode=\"static\">"));
    CHECK(!strstr(out, "start="));
    free(out);
    dyad_docs_free(docs);
    dyad_graph_free(g);
}

int main(void)
{
    RUN(test_date_parse);
    RUN(test_date_line);
    RUN(test_docs_table);
    RUN(test_refusals);
    RUN(test_full_disk);
    RUN(test_escaping);
    return DONE();
}
