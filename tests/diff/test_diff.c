/* Unit tests of diff.c on small hand-built graphs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/dyad.h"
#include "harness.h"

static long sentence_no;

/* n acts of source on target, each in its own sentence. */
static void act(dyad_graph *g, const char *s, const char *t, const char *verb,
                const char *cameo, double goldstein, int n)
{
    size_t si = dyad_graph_node(g, s, s), ti = dyad_graph_node(g, t, t);
    for (int i = 0; i < n; i++) {
        /* apart: an initializer list is evaluated in an unspecified order
         * (C11 6.7.9p23), so .offset could see the old or the new count */
        ++sentence_no;
        dyad_act a = {.verb = verb, .cameo = cameo, .code = cameo,
                      .goldstein = goldstein, .doc = "doc.txt",
                      .sentence = sentence_no, .offset = sentence_no * 10,
                      .text = "x", .text_len = 1};
        dyad_graph_act(g, si, ti, &a);
    }
}

static void mention(dyad_graph *g, const char *id, long n)
{
    dyad_graph_mention(g, dyad_graph_node(g, id, id), n);
}

static dyad_diff *diff_of(dyad_graph *a, dyad_graph *b)
{
    dyad_graph_sort(a);
    dyad_graph_sort(b);
    dyad_diff *d = NULL;
    dyad_error err = {0};
    CHECK_INT(dyad_diff_new(&d, a, b, &err), DYAD_OK);
    return d;
}

static bool near(double x, double y) { return fabs(x - y) < 1e-9; }

static dyad_graph *sample(void)
{
    dyad_graph *g = dyad_graph_new();
    act(g, "pakistan", "afghan-taliban", "urge", "02", 3.0, 3);
    act(g, "pakistan", "afghan-taliban", "accuse", "11", -2.0, 1);
    act(g, "ttp", "pakistan", "attack", "19", -10.0, 2);
    mention(g, "pakistan", 5);
    mention(g, "china", 1);
    return g;
}

static void test_self_diff(void)
{
    dyad_graph *a = sample(), *b = sample();
    dyad_diff *d = diff_of(a, b);
    const dyad_diff_similarity *s = dyad_diff_similarities(d);
    CHECK(dyad_diff_is_empty(d));
    CHECK(near(s->nodes, 1.0));
    CHECK(near(s->edges, 1.0));
    CHECK(near(s->weighted, 1.0));
    CHECK(near(dyad_diff_tone_shift(d), 0.0));
    CHECK_INT(dyad_diff_n_nodes(d), 4);
    CHECK_INT(dyad_diff_count_nodes(d, DYAD_DIFF_SAME), 4);
    CHECK_INT(dyad_diff_count_edges(d, DYAD_DIFF_SAME), 2);
    dyad_diff_free(d);
    /* the very same graph on both sides */
    CHECK_INT(dyad_diff_new(&d, a, a, NULL), DYAD_OK);
    CHECK(dyad_diff_is_empty(d));
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

static void test_empty(void)
{
    dyad_graph *a = dyad_graph_new(), *b = dyad_graph_new();
    dyad_diff *d = diff_of(a, b);
    const dyad_diff_similarity *s = dyad_diff_similarities(d);
    CHECK(dyad_diff_is_empty(d));
    CHECK(near(s->nodes, 1.0) && near(s->edges, 1.0) &&
          near(s->weighted, 1.0));
    CHECK_INT(dyad_diff_side_a(d)->acts, 0);
    dyad_diff_free(d);
    /* empty against something: nothing shared */
    dyad_graph *c = sample();
    d = diff_of(a, c);
    s = dyad_diff_similarities(d);
    CHECK(near(s->nodes, 0.0) && near(s->edges, 0.0) &&
          near(s->weighted, 0.0));
    CHECK_INT(dyad_diff_count_edges(d, DYAD_DIFF_ADDED), 2);
    dyad_diff_free(d);
    dyad_graph_free(c);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

static void test_disjoint(void)
{
    dyad_graph *a = dyad_graph_new(), *b = dyad_graph_new();
    act(a, "a", "b", "meet", "04", 1.0, 2);
    act(b, "c", "d", "meet", "04", 1.0, 2);
    dyad_diff *d = diff_of(a, b);
    const dyad_diff_similarity *s = dyad_diff_similarities(d);
    CHECK(!dyad_diff_is_empty(d));
    CHECK(near(s->nodes, 0.0));
    CHECK(near(s->edges, 0.0));
    CHECK(near(s->weighted, 0.0));
    CHECK_INT(dyad_diff_count_nodes(d, DYAD_DIFF_ADDED), 2);
    CHECK_INT(dyad_diff_count_nodes(d, DYAD_DIFF_REMOVED), 2);
    CHECK_INT(dyad_diff_count_edges(d, DYAD_DIFF_ADDED), 1);
    CHECK_INT(dyad_diff_count_edges(d, DYAD_DIFF_REMOVED), 1);
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

/* A: a->b 3, b->c 1.  B: a->b 1, b->c 1, c->a 2.
 * weighted = (1 + 1 + 0) / (3 + 1 + 2) = 1/3; edges 2/3; nodes 1. */
static void build_abc(dyad_graph **pa, dyad_graph **pb)
{
    dyad_graph *a = dyad_graph_new(), *b = dyad_graph_new();
    act(a, "a", "b", "urge", "02", 2.0, 3);
    act(a, "b", "c", "meet", "04", 1.0, 1);
    act(b, "a", "b", "urge", "02", 2.0, 1);
    act(b, "b", "c", "meet", "04", 1.0, 1);
    act(b, "c", "a", "accuse", "11", -2.0, 2);
    *pa = a;
    *pb = b;
}

static void test_weighted_jaccard(void)
{
    dyad_graph *a, *b;
    build_abc(&a, &b);
    dyad_diff *d = diff_of(a, b);
    const dyad_diff_similarity *s = dyad_diff_similarities(d);
    CHECK(near(s->nodes, 1.0));
    CHECK(near(s->edges, 2.0 / 3.0));
    CHECK(near(s->weighted, 1.0 / 3.0));
    dyad_diff_free(d);
    /* symmetric */
    d = diff_of(b, a);
    CHECK(near(dyad_diff_similarities(d)->weighted, 1.0 / 3.0));
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

static void test_ordering(void)
{
    dyad_graph *a, *b;
    build_abc(&a, &b);
    act(b, "d", "e", "meet", "04", 1.0, 5); /* the biggest change */
    dyad_diff *d = diff_of(a, b);
    const dyad_diff_edge *e = dyad_diff_edges(d);
    CHECK_INT(dyad_diff_n_edges(d), 4);
    /* |change| 5, then 2 and 2 (ties by ids: a->b before c->a), then 0 */
    CHECK_STR(e[0].source, "d");
    CHECK_INT(e[0].kind, DYAD_DIFF_ADDED);
    CHECK_STR(e[1].source, "a");
    CHECK_STR(e[1].target, "b");
    CHECK_INT(e[1].kind, DYAD_DIFF_CHANGED);
    CHECK_INT(e[1].weight_a, 3);
    CHECK_INT(e[1].weight_b, 1);
    CHECK_STR(e[2].source, "c");
    CHECK_INT(e[2].kind, DYAD_DIFF_ADDED);
    CHECK_STR(e[3].source, "b");
    CHECK_INT(e[3].kind, DYAD_DIFF_SAME);
    /* the edge's endpoints index the union's nodes */
    CHECK_STR(dyad_diff_nodes(d)[e[0].target_node].id, "e");
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

static void test_verbs(void)
{
    dyad_graph *a = dyad_graph_new(), *b = dyad_graph_new();
    act(a, "x", "y", "urge", "02", 3.0, 3);
    act(a, "x", "y", "meet", "04", 1.0, 1);
    act(b, "x", "y", "urge", "02", 3.0, 1);
    act(b, "x", "y", "meet", "04", 1.0, 1);
    act(b, "x", "y", "accuse", "11", -2.0, 2);
    dyad_diff *d = diff_of(a, b);
    const dyad_diff_edge *e = dyad_diff_edges(d);
    CHECK_INT(e[0].kind, DYAD_DIFF_CHANGED);
    CHECK_INT(e[0].n_verbs, 2); /* meet unchanged: not listed */
    CHECK_STR(e[0].verbs[0].verb, "accuse"); /* |2| ties: by verb */
    CHECK_INT(e[0].verbs[0].count_a, 0);
    CHECK_INT(e[0].verbs[0].count_b, 2);
    CHECK_STR(e[0].verbs[1].verb, "urge");
    CHECK_INT(e[0].verbs[1].count_b - e[0].verbs[1].count_a, -2);
    /* same weight, other verbs: still a change */
    dyad_graph *c = dyad_graph_new(), *f = dyad_graph_new();
    act(c, "x", "y", "urge", "02", 3.0, 2);
    act(f, "x", "y", "meet", "04", 3.0, 2);
    dyad_diff *d2 = diff_of(c, f);
    CHECK_INT(dyad_diff_edges(d2)[0].kind, DYAD_DIFF_CHANGED);
    CHECK(!dyad_diff_is_empty(d2));
    dyad_diff_free(d2);
    dyad_graph_free(c);
    dyad_graph_free(f);
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

/* Mean tone weights each edge's goldstein by its acts. */
static void test_tone(void)
{
    dyad_graph *a = dyad_graph_new(), *b = dyad_graph_new();
    act(a, "x", "y", "accuse", "11", -4.0, 2);
    act(b, "x", "y", "praise", "05", 3.0, 1);
    act(b, "z", "w", "deny", "12", -1.0, 3);
    dyad_diff *d = diff_of(a, b);
    CHECK(near(dyad_diff_side_a(d)->mean_tone, -4.0));
    CHECK(near(dyad_diff_side_b(d)->mean_tone, 0.0)); /* (3 - 3) / 4 */
    CHECK(near(dyad_diff_tone_shift(d), 4.0));
    const dyad_diff_edge *e = dyad_diff_edges(d);
    /* x->y: weight 2 -> 1 (|1|); z->w: 0 -> 3 (|3|) first */
    CHECK_STR(e[0].source, "z");
    CHECK_STR(e[1].source, "x");
    CHECK(near(e[1].goldstein_a, -4.0) && near(e[1].goldstein_b, 3.0));
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

static void test_mentions(void)
{
    dyad_graph *a = sample(), *b = sample();
    mention(b, "pakistan", 2);
    mention(b, "iran", 1);
    dyad_diff *d = diff_of(a, b);
    CHECK(!dyad_diff_is_empty(d));
    CHECK_INT(dyad_diff_count_nodes(d, DYAD_DIFF_CHANGED), 1);
    CHECK_INT(dyad_diff_count_nodes(d, DYAD_DIFF_ADDED), 1);
    CHECK(near(dyad_diff_similarities(d)->nodes, 4.0 / 5.0));
    CHECK(near(dyad_diff_similarities(d)->weighted, 1.0));
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

static void test_unsorted(void)
{
    dyad_graph *a = dyad_graph_new(), *b = dyad_graph_new();
    act(a, "z", "a", "meet", "04", 1.0, 1);
    act(a, "b", "a", "meet", "04", 1.0, 1);
    dyad_graph_sort(b);
    dyad_diff *d = (dyad_diff *)1;
    dyad_error err = {0};
    if (!dyad_graph_is_sorted(a)) {
        CHECK_INT(dyad_diff_new(&d, a, b, &err), DYAD_ERR_INVALID);
        CHECK(d == NULL);
        CHECK(err.text[0] != '\0');
    }
    dyad_graph_free(a);
    dyad_graph_free(b);
}

static char *write_to_string(dyad_status (*fn)(const dyad_diff *, FILE *,
                                               const char *, const char *,
                                               dyad_error *),
                             const dyad_diff *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(fn(d, f, "old", "new", NULL), DYAD_OK);
    fclose(f);
    return buf;
}

static void test_writers(void)
{
    dyad_graph *a, *b;
    build_abc(&a, &b);
    dyad_diff *d = diff_of(a, b);
    char *text = write_to_string(dyad_diff_write_text, d);
    CHECK(strstr(text, "dyad diff: old -> new\n") == text);
    CHECK(strstr(text, "weighted Jaccard  0.333") != NULL);
    CHECK(strstr(text, "Edges added (1)") != NULL);
    CHECK(strstr(text, "verbs: urge -2") != NULL);
    free(text);
    char *json = write_to_string(dyad_diff_write_json, d);
    CHECK(strstr(json, "\"weighted\": 0.333") != NULL);
    CHECK(strstr(json, "\"format\": \"dyad-diff\"") != NULL);
    CHECK(json[strlen(json) - 1] == '\n');
    free(json);
    dyad_diff_free(d);
    /* self-diff report says so */
    d = diff_of(a, a);
    text = write_to_string(dyad_diff_write_text, d);
    CHECK(strstr(text, "No differences") != NULL);
    CHECK(strstr(text, "node Jaccard      1.000") != NULL);
    free(text);
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

static char *draw_to_string(dyad_status (*fn)(const dyad_diff *, FILE *,
                                              const char *, const char *,
                                              const dyad_draw_opts *,
                                              dyad_error *),
                            const dyad_diff *d)
{
    char *buf = NULL;
    size_t len = 0;
    dyad_error err = {0};
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(fn(d, f, "old", "new", NULL, &err), DYAD_OK);
    fclose(f);
    if (err.text[0])
        printf("# %s\n", err.text);
    return buf;
}

static void test_drawing(void)
{
    dyad_graph *a, *b;
    build_abc(&a, &b);
    act(a, "q", "r", "attack", "19", -10.0, 1); /* removed */
    dyad_diff *d = diff_of(a, b);
    char *dot = draw_to_string(dyad_diff_write_dot, d);
    CHECK(strncmp(dot, "strict digraph dyad_diff {", 26) == 0);
    CHECK(strstr(dot, "old \xe2\x86\x92 new") != NULL); /* the title */
    CHECK(strstr(dot, "style=dashed") != NULL);          /* q -> r */
    CHECK(strstr(dot, "\"#D55E00\"") != NULL);
    CHECK(strstr(dot, "\"#CC79A7:#FFFFFF:#CC79A7\"") != NULL); /* a -> b */
    CHECK(strstr(dot, "\xe2\x88\x92" "2 (3\xe2\x86\x92" "1)") != NULL);
    CHECK(strstr(dot, "+2") != NULL);                       /* c -> a */
    char *again = draw_to_string(dyad_diff_write_dot, d);
    CHECK(strcmp(dot, again) == 0); /* deterministic */
    free(again);
    free(dot);
    char *svg = draw_to_string(dyad_diff_write_svg, d);
    CHECK(svg && strstr(svg, "<svg") != NULL);
    CHECK(svg && strstr(svg, "</svg>") != NULL);
    free(svg);
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

/* The union graph for other tools: a change on every node and edge; the
 * sides' labels must be UTF-8; the text report escapes control
 * characters of a label. */
static void test_exports(void)
{
    dyad_graph *a, *b;
    build_abc(&a, &b);
    dyad_diff *d = diff_of(a, b);
    char *g = write_to_string(dyad_diff_write_graphml, d);
    CHECK(strstr(g, "attr.name=\"change\"") != NULL);
    CHECK(strstr(g, "<data key=\"e_change\">added</data>") != NULL);
    CHECK(strstr(g, "<data key=\"e_change\">changed</data>") != NULL);
    CHECK(strstr(g, "<data key=\"g_label_a\">old</data>") != NULL);
    free(g);
    char *x = write_to_string(dyad_diff_write_gexf, d);
    CHECK(strstr(x, "<attvalue for=\"change\" value=\"added\"/>") != NULL);
    CHECK(strstr(x, "What changed from old to new") != NULL);
    free(x);
    dyad_error err = {0};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(dyad_diff_write_graphml(d, f, "caf\xe9", "b", &err),
              DYAD_ERR_INVALID);
    CHECK_INT(dyad_diff_write_gexf(d, f, "a", "\xff", &err),
              DYAD_ERR_INVALID);
    CHECK_INT(dyad_diff_write_html(d, f, "\xfe", "b", NULL, &err),
              DYAD_ERR_INVALID);
    CHECK_INT(dyad_diff_write_svg(d, f, "\xfe", "b", NULL, &err),
              DYAD_ERR_INVALID);
    fclose(f);
    CHECK(len == 0); /* refused before the first byte */
    free(buf);
    buf = NULL;
    f = open_memstream(&buf, &len);
    CHECK_INT(dyad_diff_write_text(d, f, "o\x1b[2Jld", "new", &err),
              DYAD_OK);
    fclose(f);
    CHECK(strstr(buf, "o\\x1b[2Jld") != NULL && !strchr(buf, '\x1b'));
    free(buf);
    dyad_diff_free(d);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

int main(void)
{
    RUN(test_self_diff);
    RUN(test_empty);
    RUN(test_disjoint);
    RUN(test_weighted_jaccard);
    RUN(test_ordering);
    RUN(test_verbs);
    RUN(test_tone);
    RUN(test_mentions);
    RUN(test_unsorted);
    RUN(test_writers);
    RUN(test_drawing);
    RUN(test_exports);
    return DONE();
}
