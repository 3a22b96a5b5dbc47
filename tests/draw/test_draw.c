/* The drawn writers: DOT golden bytes, DOT read back by cgraph, SVG
 * determinism, refusals, the empty and a large graph, and the helpers of
 * draw.c and gv_util.  Usage: test_draw EXPECTED_DIR (DYAD_UPDATE_GOLDEN=1
 * rewrites the expected files; review the change). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "harness.h"
#include "sample.h"

static const char *expected_dir = ".";

typedef struct blob {
    char *s;
    size_t n;
} blob;

static dyad_status render(const dyad_graph *g, const char *fmt,
                          const dyad_draw_opts *opts, blob *b,
                          dyad_error *err)
{
    FILE *f = open_memstream(&b->s, &b->n);
    dyad_status st = strcmp(fmt, "dot") == 0
                         ? dyad_write_dot(g, f, opts, err)
                         : dyad_write_svg(g, f, opts, err);
    fclose(f);
    return st;
}

static char *slurp(const char *fname, size_t *n)
{
    FILE *f = fopen(fname, "rb");
    if (!f)
        return NULL;
    char *s = NULL;
    size_t cap = 0;
    *n = 0;
    for (;;) {
        GROW(s, cap, *n + 4096);
        size_t k = fread(s + *n, 1, 4096, f);
        *n += k;
        if (k < 4096)
            break;
    }
    fclose(f);
    return s;
}

static void check_golden(const char *name, const blob *b)
{
    char fname[1024];
    snprintf(fname, sizeof fname, "%s/%s", expected_dir, name);
    const char *update = getenv("DYAD_UPDATE_GOLDEN");
    if (update && *update) {
        FILE *f = fopen(fname, "wb");
        CHECK(f && fwrite(b->s, 1, b->n, f) == b->n && fclose(f) == 0);
        printf("# rewrote %s\n", fname);
        return;
    }
    size_t n = 0;
    char *want = slurp(fname, &n);
    CHECK(want != NULL);
    int same = want && n == b->n && memcmp(want, b->s, n) == 0;
    CHECK(same);
    if (!same)
        printf("# %s differs; DYAD_UPDATE_GOLDEN=1 rewrites it\n", fname);
    free(want);
}

static void test_dot_golden(void)
{
    dyad_graph *g = small_graph();
    dyad_draw_opts opts = {.title = "Small & <odd> \"title\""};
    blob b = {0};
    CHECK_INT(render(g, "dot", &opts, &b, NULL), DYAD_OK);
    check_golden("small.dot", &b);
    free(b.s);
    dyad_graph_free(g);
}

static const char *attr(void *obj, const char *name)
{
    return agget(obj, (char *)name);
}

static void test_dot_reread(void)
{
    dyad_graph *g = small_graph();
    blob b = {0};
    CHECK_INT(render(g, "dot", NULL, &b, NULL), DYAD_OK);
    Agraph_t *gr = agmemread(b.s);
    CHECK(gr != NULL);
    if (gr) {
        CHECK_STR(agnameof(gr), "dyad");
        CHECK(agisdirected(gr) && agisstrict(gr));
        CHECK_INT(agnnodes(gr), 3);
        CHECK_INT(agnedges(gr), 3);
        Agnode_t *a = agnode(gr, "a-land", 0), *bn = agnode(gr, "b-land", 0);
        Agnode_t *c = agnode(gr, "c-land", 0);
        CHECK(a && bn && c);
        CHECK_STR(attr(a, "label"), "A & Co");
        CHECK_STR(attr(bn, "label"), "B \"Land\"");
        CHECK_STR(attr(c, "label"), "C\\\\Land"); /* \\ for Graphviz */
        CHECK_STR(attr(gr, "layout"), "dot");
        Agedge_t *ab = a && bn ? agedge(gr, a, bn, NULL, 0) : NULL;
        CHECK(ab != NULL);
        if (ab) {
            CHECK_STR(attr(ab, "label"), " urge \xC3\x97" "2, meet ");
            CHECK_STR(attr(ab, "penwidth"), "8.00");
            CHECK_STR(attr(ab, "weight"), "3");
            const char *tip = attr(ab, "tooltip");
            CHECK(strstr(tip, "A & Co \xE2\x86\x92 B \"Land\": weight 3, "
                              "Goldstein +2.3") != NULL);
            CHECK(strstr(tip, "to \"talk\" & <listen>, said C\\\\\\\\D.") !=
                  NULL);
        }
        Agedge_t *bc = bn && c ? agedge(gr, bn, c, NULL, 0) : NULL;
        CHECK(bc && strcmp(attr(bc, "color"), "#b2182b") == 0);
        Agedge_t *ca = c && a ? agedge(gr, c, a, NULL, 0) : NULL;
        /* a value ending in a backslash survives the round trip */
        CHECK(ca && strstr(attr(ca, "tooltip"), "lying\\\\\\\\") != NULL);
        agclose(gr);
    }
    free(b.s);
    dyad_graph_free(g);
}

static void test_deterministic(void)
{
    dyad_graph *g = sample_graph();
    static const char *engines[] = {NULL, "neato"};
    for (size_t i = 0; i < 2; i++) {
        dyad_draw_opts opts = {.engine = engines[i], .title = "Twice"};
        blob x = {0}, y = {0}, d1 = {0}, d2 = {0};
        CHECK_INT(render(g, "svg", &opts, &x, NULL), DYAD_OK);
        CHECK_INT(render(g, "svg", &opts, &y, NULL), DYAD_OK);
        CHECK(x.n > 1000 && x.n == y.n && memcmp(x.s, y.s, x.n) == 0);
        CHECK_INT(render(g, "dot", &opts, &d1, NULL), DYAD_OK);
        CHECK_INT(render(g, "dot", &opts, &d2, NULL), DYAD_OK);
        CHECK(d1.n == d2.n && memcmp(d1.s, d2.s, d1.n) == 0);
        free(x.s), free(y.s), free(d1.s), free(d2.s);
    }
    dyad_graph_free(g);
}

static void test_empty(void)
{
    dyad_graph *g = dyad_graph_new();
    dyad_graph_sort(g);
    blob s = {0}, d = {0};
    dyad_error err = {0};
    CHECK_INT(render(g, "svg", NULL, &s, &err), DYAD_OK);
    CHECK(s.s && strstr(s.s, "</svg>") != NULL);
    CHECK(s.s && strstr(s.s, "0 actors") != NULL);
    CHECK_INT(render(g, "dot", NULL, &d, &err), DYAD_OK);
    CHECK(d.s && strncmp(d.s, "strict digraph dyad {", 21) == 0);
    free(s.s), free(d.s);
    dyad_graph_free(g);
}

static void test_unsorted(void)
{
    dyad_graph *g = dyad_graph_new();
    size_t b = dyad_graph_node(g, "b", "B");
    size_t a = dyad_graph_node(g, "a", "A");
    dyad_act act = {.verb = "meet", .cameo = "04", .code = "04",
                    .goldstein = 1.0, .doc = "d", .sentence = 1,
                    .text = "x", .text_len = 1};
    dyad_graph_act(g, b, a, &act);
    CHECK(!dyad_graph_is_sorted(g));
    blob s = {0}, d = {0};
    dyad_error err = {0};
    CHECK_INT(render(g, "svg", NULL, &s, &err), DYAD_ERR_INVALID);
    CHECK(strstr(err.text, "sorted") != NULL);
    CHECK_INT(render(g, "dot", NULL, &d, NULL), DYAD_ERR_INVALID);
    CHECK_INT(s.n + d.n, 0); /* nothing written */
    free(s.s), free(d.s);
    dyad_graph_free(g);
}

static void test_errors(void)
{
    dyad_graph *g = small_graph();
    dyad_draw_opts opts = {.engine = "no-such-engine"};
    blob s = {0};
    dyad_error err = {0};
    CHECK_INT(render(g, "svg", &opts, &s, &err), DYAD_ERR_GRAPHVIZ);
    CHECK(strstr(err.text, "no-such-engine") != NULL);
    CHECK_INT(s.n, 0);
    printf("# %s\n", err.text);
    free(s.s);
    /* a stream that cannot be written */
    FILE *ro = fopen("/dev/null", "r");
    CHECK(ro != NULL);
    if (ro) {
        CHECK_INT(dyad_write_svg(g, ro, NULL, &err), DYAD_ERR_IO);
        CHECK_INT(dyad_write_dot(g, ro, NULL, &err), DYAD_ERR_IO);
        fclose(ro);
    }
    dyad_graph_free(g);
}

static void test_min_weight(void)
{
    dyad_graph *g = sample_graph();
    dyad_draw_opts opts = {.min_weight = 5};
    blob d = {0};
    CHECK_INT(render(g, "dot", &opts, &d, NULL), DYAD_OK);
    Agraph_t *gr = agmemread(d.s);
    CHECK(gr != NULL);
    if (gr) {
        /* weight >= 5: Pakistan->Afghan Taliban (9), TTP->Pakistan (8),
         * China->Pakistan (5), United Nations->Afghan Taliban (5) */
        CHECK_INT(agnedges(gr), 4);
        CHECK_INT(agnnodes(gr), 5);
        agclose(gr);
    }
    CHECK(strstr(d.s, "fewer than 5 sentences hidden") != NULL);
    free(d.s);
    dyad_graph_free(g);
}

static void test_large(void)
{
    dyad_graph *g = random_graph(300, 900);
    CHECK_STR(draw_engine(NULL, dyad_graph_n_nodes(g), dyad_graph_n_edges(g)),
              "sfdp");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    blob s = {0};
    dyad_error err = {0};
    CHECK_INT(render(g, "svg", NULL, &s, &err), DYAD_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) +
                  (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("# 300 nodes, 900 edges: %.2f s\n", secs);
    CHECK(secs < 30.0);
    CHECK(s.s && strstr(s.s, "Actor 299") != NULL);
    free(s.s);
    dyad_graph_free(g);
}

static void test_helpers(void)
{
    strbuf b = {0};
    gvu_esc(&b, "a\\b\nc", 5);
    CHECK_STR(b.s, "a\\\\b c");
    b.len = 0;
    gvu_esc_url(&b, "x?a=1&b=\\", 9);
    CHECK_STR(b.s, "x?a=1&amp;b=\\\\\\\\");
    b.len = 0;
    gvu_esc_tip(&b, "\\N", 2);
    CHECK_STR(b.s, "\\\\\\\\N");
    b.len = 0;
    gvu_esc_html(&b, "<a & \"b\">");
    CHECK_STR(b.s, "&lt;a &amp; &quot;b&quot;&gt;");
    b.len = 0;
    /* cut on a character boundary: "é" is two bytes */
    gvu_esc_tip_trunc(&b, "\xC3\xA9\xC3\xA9\xC3\xA9", 3);
    CHECK_STR(b.s, "\xC3\xA9\xE2\x80\xA6");
    sb_free(&b);

    char c[8];
    draw_goldstein_colour(-10, c);
    CHECK_STR(c, "#b2182b");
    draw_goldstein_colour(-99, c);
    CHECK_STR(c, "#b2182b");
    draw_goldstein_colour(0, c);
    CHECK_STR(c, "#9a9a9a");
    draw_goldstein_colour(10, c);
    CHECK_STR(c, "#084594");
    CHECK(draw_penwidth(1, 100) == 1.0);
    CHECK(draw_penwidth(100, 100) == 8.0);
    CHECK(draw_penwidth(5, 1) == 1.0);
    double mid = draw_penwidth(10, 100);
    CHECK(mid > 4.4 && mid < 4.6);

    dyad_draw_opts opts = {.engine = "circo"};
    CHECK_STR(draw_engine(&opts, 1000, 1000), "circo");
    CHECK_STR(draw_engine(NULL, 15, 40), "dot");
    CHECK_STR(draw_engine(NULL, 100, 300), "neato");
    CHECK_STR(draw_engine(NULL, 2000, 6000), "sfdp");
}

int main(int argc, char **argv)
{
    if (argc > 1)
        expected_dir = argv[1];
    RUN(test_helpers);
    RUN(test_dot_golden);
    RUN(test_dot_reread);
    RUN(test_deterministic);
    RUN(test_empty);
    RUN(test_unsorted);
    RUN(test_errors);
    RUN(test_min_weight);
    RUN(test_large);
    return DONE();
}
