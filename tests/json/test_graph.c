/* dyad_graph: bookkeeping, exact Goldstein means, canonical order, the
 * evidence cap, and merge (associative, commutative, conflicts). */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "harness.h"

static const dyad_edge *edge_of(dyad_graph *g, const char *s, const char *t)
{
    size_t a = dyad_graph_find(g, s), b = dyad_graph_find(g, t);
    const dyad_edge *e = dyad_graph_edges(g);
    for (size_t i = 0; i < dyad_graph_n_edges(g); i++)
        if (e[i].source == a && e[i].target == b)
            return &e[i];
    return NULL;
}

static void test_nodes(void)
{
    dyad_graph *g = dyad_graph_new();
    size_t a = dyad_graph_node(g, "pakistan", "Pakistan");
    size_t b = dyad_graph_node(g, "china", "China");
    CHECK_INT(dyad_graph_node(g, "pakistan", "Other"), a);
    CHECK(a != b);
    CHECK_INT(dyad_graph_n_nodes(g), 2);
    CHECK_INT(dyad_graph_find(g, "china"), b);
    CHECK_INT(dyad_graph_find(g, "india"), (size_t)-1);
    dyad_graph_mention(g, a, 3);
    dyad_graph_mention(g, a, 2);
    CHECK_INT(dyad_graph_nodes(g)[a].mentions, 5);
    CHECK_STR(dyad_graph_nodes(g)[a].label, "Pakistan");
    dyad_graph_count(g, 2, 40);
    dyad_graph_count(g, 1, 2);
    CHECK_INT(dyad_graph_documents(g), 3);
    CHECK_INT(dyad_graph_sentences(g), 42);
    dyad_graph_sort(g);
    CHECK_STR(dyad_graph_nodes(g)[0].id, "china");
    CHECK_INT(dyad_graph_find(g, "pakistan"), 1);
    CHECK_INT(dyad_graph_nodes(g)[1].mentions, 5);
    dyad_graph_free(g);
    dyad_graph_free(NULL);
}

static void test_weight(void)
{
    dyad_graph *g = dyad_graph_new();
    act_full(g, "a", "b", "urge", "020", -1.2, "d1.txt", 1, 0, "A urged B.");
    act_full(g, "a", "b", "meet", "040", 1.0, "d1.txt", 1, 0, "A urged B.");
    act_full(g, "a", "b", "urge", "020", -1.2, "d1.txt", 2, 11, "A urged.");
    act_full(g, "a", "b", "urge", "020", -1.2, "d2.txt", 1, 0, "A: urge.");
    const dyad_edge *e = edge_of(g, "a", "b");
    CHECK(e != NULL);
    CHECK_INT(e->weight, 3);
    CHECK_INT(e->acts, 4);
    CHECK_INT(e->n_relations, 2);
    CHECK_INT(e->n_evidence, 4);
    dyad_graph_sort(g);
    e = edge_of(g, "a", "b");
    CHECK_STR(e->relations[0].verb, "urge");
    CHECK_INT(e->relations[0].count, 3);
    CHECK_STR(e->relations[0].cameo, "02");
    CHECK_STR(e->relations[0].code, "020");
    CHECK(e->relations[0].goldstein == -1.2);
    CHECK_STR(e->relations[1].verb, "meet");
    dyad_graph_free(g);
}

static void test_text_folded(void)
{
    dyad_graph *g = dyad_graph_new();
    size_t a = dyad_graph_node(g, "a", "A"), b = dyad_graph_node(g, "b", "B");
    const char text[] = "  A\n urged\t\tB.  XYZ";
    dyad_act act = {"urge", "02", "020", -1.2, "d", 1, 0, text, 14};
    CHECK(dyad_graph_act(g, a, b, &act));
    CHECK_STR(dyad_graph_edges(g)[0].evidence[0].text, "A urged B.");
    dyad_graph_free(g);
}

static void test_self_loop(void)
{
    dyad_graph *g = dyad_graph_new();
    size_t a = dyad_graph_node(g, "a", "A");
    dyad_act act = {"urge", "02", "020", -1.2, "d", 1, 0, "x", 1};
    CHECK(!dyad_graph_act(g, a, a, &act));
    CHECK_INT(dyad_graph_n_edges(g), 0);
    CHECK_INT(dyad_graph_edge(g, a, a, 1), (size_t)-1);
    CHECK_INT(dyad_graph_n_edges(g), 0);
    dyad_graph_free(g);
}

static double mean_of(const double *gold, int n)
{
    dyad_graph *g = dyad_graph_new();
    for (int i = 0; i < n; i++) {
        char verb[16];
        snprintf(verb, sizeof verb, "v%d", i);
        act_full(g, "a", "b", verb, "010", gold[i], "d", i + 1, 0, "t");
    }
    double m = dyad_graph_edges(g)[0].goldstein;
    dyad_graph_free(g);
    return m;
}

static void test_goldstein_exact(void)
{
    CHECK(mean_of((double[]){-1.2}, 1) == -1.2);
    CHECK(mean_of((double[]){-1.2, -1.2, -1.2, 3.4}, 4) == -0.05);
    CHECK(mean_of((double[]){1.0, 0.0, 0.0}, 3) == 0.333);
    CHECK(mean_of((double[]){2.0, 0.0, 0.0}, 3) == 0.667);
    /* halves round away from zero: 0.1 / 8 = 0.0125 */
    CHECK(mean_of((double[]){0.1, 0, 0, 0, 0, 0, 0, 0}, 8) == 0.013);
    CHECK(mean_of((double[]){-0.1, 0, 0, 0, 0, 0, 0, 0}, 8) == -0.013);
    /* inputs off the tenths grid are rounded to it first */
    CHECK(mean_of((double[]){0.30000000000000004, 0.7}, 2) == 0.5);
    double many[100];
    for (int i = 0; i < 100; i++)
        many[i] = i % 2 ? 0.1 : 0.2;
    CHECK(mean_of(many, 100) == 0.15);
}

static void test_sort_order(void)
{
    dyad_graph *g = dyad_graph_new();
    act_full(g, "zz", "aa", "warn", "130", -4.0, "b.txt", 2, 50, "t4");
    act_full(g, "mm", "zz", "meet", "040", 1.0, "b.txt", 1, 0, "t3");
    act_full(g, "aa", "zz", "urge", "020", -1.2, "b.txt", 1, 0, "t2");
    act_full(g, "aa", "mm", "urge", "020", -1.2, "a.txt", 9, 90, "t1");
    act_full(g, "aa", "mm", "meet", "040", 1.0, "a.txt", 3, 30, "t0");
    act_full(g, "aa", "mm", "meet", "040", 1.0, "a.txt", 1, 0, "tb");
    act_full(g, "aa", "mm", "accuse", "112", -2.0, "a.txt", 1, 0, "tb");
    act_full(g, "aa", "mm", "urge", "021", -1.2, "a.txt", 4, 40, "tc");
    CHECK(!dyad_graph_is_sorted(g));
    dyad_graph_sort(g);
    CHECK(dyad_graph_is_sorted(g));
    const dyad_node *n = dyad_graph_nodes(g);
    CHECK_STR(n[0].id, "aa");
    CHECK_STR(n[1].id, "mm");
    CHECK_STR(n[2].id, "zz");
    const dyad_edge *e = dyad_graph_edges(g);
    CHECK_INT(dyad_graph_n_edges(g), 4);
    CHECK_STR(n[e[0].source].id, "aa");
    CHECK_STR(n[e[0].target].id, "mm");
    CHECK_STR(n[e[1].target].id, "zz");
    CHECK_STR(n[e[2].source].id, "mm");
    CHECK_STR(n[e[3].source].id, "zz");
    CHECK_STR(n[e[3].target].id, "aa");
    /* relations: count descending, then verb, then code */
    CHECK_INT(e[0].n_relations, 4);
    CHECK_STR(e[0].relations[0].verb, "meet");
    CHECK_STR(e[0].relations[1].verb, "accuse");
    CHECK_STR(e[0].relations[2].code, "020");
    CHECK_STR(e[0].relations[3].code, "021");
    /* evidence: doc, sentence, offset, verb, code */
    CHECK_INT(e[0].n_evidence, 5);
    CHECK_STR(e[0].evidence[0].verb, "accuse");
    CHECK_STR(e[0].evidence[1].verb, "meet");
    CHECK_INT(e[0].evidence[2].sentence, 3);
    CHECK_INT(e[0].evidence[3].sentence, 4);
    CHECK_INT(e[0].evidence[4].sentence, 9);
    CHECK_INT(e[0].weight, 4);
    /* idempotent */
    char *j1 = json_of(g);
    dyad_graph_sort(g);
    char *j2 = json_of(g);
    CHECK(j1 && j2 && strcmp(j1, j2) == 0);
    /* a change unsorts it */
    dyad_act act = {"urge", "02", "020", -1.2, "c", 1, 0, "x", 1};
    dyad_graph_act(g, 0, 2, &act);
    CHECK(!dyad_graph_is_sorted(g));
    FILE *devnull = fopen("/dev/null", "w");
    CHECK_INT(dyad_write_json(g, devnull, NULL), DYAD_ERR_INVALID);
    fclose(devnull);
    free(j1);
    free(j2);
    dyad_graph_free(g);
}

/* Eight acts of one edge in document order, or in the order of perm. */
static dyad_graph *capped(size_t cap, const int *perm)
{
    static const char *docs[] = {"b", "a", "c", "a", "b", "a", "c", "b"};
    static const long sent[] = {1, 5, 2, 2, 7, 9, 1, 3};
    dyad_graph *g = dyad_graph_new();
    dyad_graph_set_evidence_cap(g, cap);
    for (int k = 0; k < 8; k++) {
        int i = perm ? perm[k] : k;
        act_full(g, "x", "y", i % 2 ? "urge" : "meet", i % 2 ? "020" : "040",
                 i % 2 ? -1.2 : 1.0, docs[i], sent[i], sent[i] * 10, "s");
    }
    dyad_graph_sort(g);
    return g;
}

static void test_cap(void)
{
    dyad_graph *g = capped(3, NULL);
    const dyad_edge *e = dyad_graph_edges(g);
    CHECK_INT(e->n_evidence, 3);
    CHECK_INT(e->acts, 8);
    CHECK_INT(e->relations[0].count + e->relations[1].count, 8);
    CHECK_STR(e->evidence[0].doc, "a");
    CHECK_INT(e->evidence[0].sentence, 2);
    CHECK_INT(e->evidence[1].sentence, 5);
    CHECK_INT(e->evidence[2].sentence, 9);
    char *j1 = json_of(g);
    static const int perms[3][8] = {{7, 6, 5, 4, 3, 2, 1, 0},
                                    {3, 1, 7, 0, 6, 2, 5, 4},
                                    {5, 0, 2, 4, 6, 1, 3, 7}};
    for (int p = 0; p < 3; p++) {
        dyad_graph *h = capped(3, perms[p]);
        char *j2 = json_of(h);
        CHECK(j1 && j2 && strcmp(j1, j2) == 0);
        free(j2);
        dyad_graph_free(h);
    }
    /* a cap set after the fact cuts at the next sort */
    dyad_graph *all = capped(0, NULL);
    CHECK_INT(dyad_graph_edges(all)->n_evidence, 8);
    dyad_graph_set_evidence_cap(all, 3);
    CHECK(!dyad_graph_is_sorted(all));
    char *j3 = json_of(all);
    CHECK(j1 && j3 && strcmp(j1, j3) == 0);
    free(j3);
    free(j1);
    dyad_graph_free(all);
    dyad_graph_free(g);
}

/* Three graphs over shared actors, one document each. */
static void add_part(dyad_graph *g, int k)
{
    char doc[16];
    snprintf(doc, sizeof doc, "doc%d.txt", k);
    dyad_graph_count(g, 1, 10 + k);
    act_full(g, "pak", "afg", "urge", "020", -1.2, doc, 1, 0, "P urged A.");
    act_full(g, "pak", "afg", "accuse", "112", -2.0, doc, 2, 20,
             "P accused.");
    if (k != 1)
        act_full(g, "chn", "pak", "meet", "040", 1.0, doc, 3, 40, "C met P.");
    if (k == 2)
        act_full(g, "afg", "ttp", "host", "057", 8.0, doc, 4, 60,
                 "A host T.");
    act_full(g, "pak", "afg", "urge", "020", -1.2, doc, 5, 80,
             k == 0 ? "Second urge, in doc0." : "Another urge.");
    dyad_graph_mention(g, dyad_graph_find(g, "pak"), k + 2);
}

static dyad_graph *part(int k)
{
    dyad_graph *g = dyad_graph_new();
    add_part(g, k);
    dyad_graph_sort(g);
    return g;
}

static char *merged(const int *order, int n, int grouping, size_t cap)
{
    dyad_graph *acc = dyad_graph_new();
    dyad_graph_set_evidence_cap(acc, cap);
    dyad_graph *p[3] = {part(order[0]), part(order[1]), part(order[2])};
    if (grouping == 0) { /* (a + b) + c */
        for (int i = 0; i < n; i++)
            CHECK_INT(dyad_graph_merge(acc, p[i], NULL), DYAD_OK);
    } else { /* a + (b + c) */
        dyad_graph *bc = dyad_graph_new();
        CHECK_INT(dyad_graph_merge(bc, p[1], NULL), DYAD_OK);
        CHECK_INT(dyad_graph_merge(bc, p[2], NULL), DYAD_OK);
        dyad_graph_sort(bc);
        CHECK_INT(dyad_graph_merge(acc, p[0], NULL), DYAD_OK);
        CHECK_INT(dyad_graph_merge(acc, bc, NULL), DYAD_OK);
        dyad_graph_free(bc);
    }
    char *j = json_of(acc);
    for (int i = 0; i < 3; i++)
        dyad_graph_free(p[i]);
    dyad_graph_free(acc);
    return j;
}

static void test_merge_laws(void)
{
    for (size_t cap = 0; cap <= 1; cap++) {
        char *ab_c = merged((int[]){0, 1, 2}, 3, 0, cap);
        char *a_bc = merged((int[]){0, 1, 2}, 3, 1, cap);
        char *cba = merged((int[]){2, 1, 0}, 3, 0, cap);
        char *b_ca = merged((int[]){1, 2, 0}, 3, 1, cap);
        CHECK(ab_c && a_bc && strcmp(ab_c, a_bc) == 0);
        CHECK(ab_c && cba && strcmp(ab_c, cba) == 0);
        CHECK(ab_c && b_ca && strcmp(ab_c, b_ca) == 0);
        free(ab_c);
        free(a_bc);
        free(cba);
        free(b_ca);
    }
}

/* Moving gives the bytes copying gives, leaves the source without
 * evidence (its counts stay), and a refused move changes neither graph. */
static void test_merge_move(void)
{
    for (size_t cap = 0; cap <= 1; cap++) {
        char *copied = merged((int[]){0, 1, 2}, 3, 0, cap);
        dyad_graph *acc = dyad_graph_new();
        dyad_graph_set_evidence_cap(acc, cap);
        for (int k = 0; k < 3; k++) {
            dyad_graph *p = part(k);
            CHECK_INT(dyad_graph_merge_move(acc, p, NULL), DYAD_OK);
            const dyad_edge *e = edge_of(p, "pak", "afg");
            CHECK(e && e->n_evidence == 0 && e->evidence == NULL &&
                  e->acts > 0);
            dyad_graph_free(p);
        }
        char *moved = json_of(acc);
        CHECK(copied && moved && strcmp(copied, moved) == 0);
        free(copied);
        free(moved);
        dyad_graph_free(acc);
    }
    dyad_graph *a = part(0), *b = dyad_graph_new();
    dyad_graph_node(b, "pak", "Another label");
    dyad_graph_sort(b);
    dyad_error err = {0};
    CHECK_INT(dyad_graph_merge_move(b, a, &err), DYAD_ERR_INVALID);
    CHECK(edge_of(a, "pak", "afg")->n_evidence > 0);
    CHECK_INT(dyad_graph_n_edges(b), 0);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

/* Under a cap, document names come and go with the evidence that names
 * them (graph.c frees a name with its last item): many documents in a
 * shuffled order, cut as they arrive, give the graph that keeps them all
 * and is cut once at the end. */
static void test_cap_document_names(void)
{
    dyad_graph *cut = dyad_graph_new(), *all = dyad_graph_new();
    dyad_graph_set_evidence_cap(cut, 2);
    const char *src[] = {"pak", "chn", "afg"};
    for (unsigned k = 0; k < 3000; k++) {
        unsigned d = (k * 7919u) % 3000u; /* a permutation of 0..2999 */
        char doc[32];
        snprintf(doc, sizeof doc, "doc-%u.txt", d);
        for (int i = 0; i < 3; i++) {
            act_full(cut, src[i], "ttp", "urge", "020", -1.2, doc, 1, 0,
                     "X urged T.");
            act_full(all, src[i], "ttp", "urge", "020", -1.2, doc, 1, 0,
                     "X urged T.");
        }
    }
    dyad_graph_set_evidence_cap(all, 2);
    char *a = json_of(cut), *b = json_of(all);
    CHECK(a && b && strcmp(a, b) == 0);
    CHECK(a && strstr(a, "\"doc\": \"doc-0.txt\"") != NULL);
    CHECK(a && strstr(a, "\"doc\": \"doc-1.txt\"") != NULL);
    CHECK(a && strstr(a, "\"doc\": \"doc-2.txt\"") == NULL);
    CHECK_INT(edge_of(cut, "pak", "ttp")->weight, 3000);
    /* moved into a graph of its own, and back */
    dyad_graph *m = dyad_graph_new();
    CHECK_INT(dyad_graph_merge_move(m, cut, NULL), DYAD_OK);
    char *c = json_of(m);
    CHECK(a && c && strcmp(a, c) == 0);
    free(a);
    free(b);
    free(c);
    dyad_graph_free(m);
    dyad_graph_free(cut);
    dyad_graph_free(all);
}

static void test_merge_sums(void)
{
    dyad_graph *acc = dyad_graph_new();
    for (int k = 0; k < 3; k++) {
        dyad_graph *p = part(k);
        CHECK_INT(dyad_graph_merge(acc, p, NULL), DYAD_OK);
        dyad_graph_free(p);
    }
    dyad_graph_sort(acc);
    CHECK_INT(dyad_graph_documents(acc), 3);
    CHECK_INT(dyad_graph_sentences(acc), 33);
    CHECK_INT(dyad_graph_nodes(acc)[dyad_graph_find(acc, "pak")].mentions, 9);
    const dyad_edge *e = edge_of(acc, "pak", "afg");
    CHECK_INT(e->weight, 9);
    CHECK_INT(e->acts, 9);
    CHECK_INT(e->n_evidence, 9);
    CHECK_INT(e->relations[0].count, 6);
    /* (6 * -12 + 3 * -20) / 9 tenths = -1.4667 */
    CHECK(e->goldstein == -1.467);
    CHECK_INT(edge_of(acc, "chn", "pak")->weight, 2);
    /* merging a graph into itself doubles it */
    CHECK_INT(dyad_graph_merge(acc, acc, NULL), DYAD_OK);
    dyad_graph_sort(acc);
    CHECK_INT(edge_of(acc, "pak", "afg")->weight, 18);
    CHECK_INT(edge_of(acc, "pak", "afg")->n_evidence, 18);
    CHECK_INT(dyad_graph_documents(acc), 6);

    /* the same acts in one graph, document after document */
    dyad_graph *one = dyad_graph_new();
    for (int k = 0; k < 3; k++) {
        dyad_graph *p = part(k);
        CHECK_INT(dyad_graph_merge(one, p, NULL), DYAD_OK);
        dyad_graph_free(p);
    }
    char *j1 = json_of(one);
    dyad_graph *direct = dyad_graph_new();
    for (int k = 0; k < 3; k++)
        add_part(direct, k);
    char *j2 = json_of(direct);
    CHECK(j1 && j2 && strcmp(j1, j2) == 0);
    free(j2);
    dyad_graph_free(direct);
    free(j1);
    dyad_graph_free(one);
    dyad_graph_free(acc);
}

static void test_merge_conflicts(void)
{
    dyad_graph *a = dyad_graph_new(), *b = dyad_graph_new();
    dyad_graph_node(a, "ttp", "TTP");
    dyad_graph_node(b, "ttp", "Tehrik-i-Taliban");
    dyad_error err = {0};
    CHECK_INT(dyad_graph_merge(a, b, &err), DYAD_ERR_INVALID);
    CHECK(strstr(err.text, "ttp") != NULL);
    CHECK(strstr(err.text, "Tehrik-i-Taliban") != NULL);
    CHECK_INT(dyad_graph_n_nodes(a), 1);
    CHECK_STR(dyad_graph_nodes(a)[0].label, "TTP");
    dyad_graph_free(a);
    dyad_graph_free(b);

    a = dyad_graph_new();
    b = dyad_graph_new();
    act_full(a, "x", "y", "urge", "020", -1.2, "d", 1, 0, "t");
    act_full(b, "y", "z", "urge", "020", -1.5, "e", 1, 0, "t");
    memset(&err, 0, sizeof err);
    CHECK_INT(dyad_graph_merge(a, b, &err), DYAD_ERR_INVALID);
    CHECK(strstr(err.text, "urge") != NULL);
    CHECK_INT(dyad_graph_n_edges(a), 1);
    CHECK_INT(dyad_graph_n_nodes(a), 2);
    dyad_graph_free(a);
    dyad_graph_free(b);
}

/* Mirrors a read graph: dyad_graph_edge takes the weight as given. */
static void test_reader_api(void)
{
    dyad_graph *g = dyad_graph_new();
    size_t a = dyad_graph_node(g, "a", "A"), b = dyad_graph_node(g, "b", "B");
    size_t e = dyad_graph_edge(g, a, b, 7);
    dyad_relation r = {"urge", "02", "020", -1.2, 3};
    dyad_graph_relation(g, e, &r);
    dyad_relation r2 = {"meet", "04", "040", 1.0, 2};
    dyad_graph_relation(g, e, &r2);
    dyad_evidence ev = {"d", 1, 0, "urge", "02", "020", "A  urged B."};
    dyad_graph_evidence(g, e, &ev);
    const dyad_edge *pe = &dyad_graph_edges(g)[e];
    CHECK_INT(pe->weight, 7);
    CHECK_INT(pe->acts, 5);
    CHECK_INT(pe->n_evidence, 1);
    CHECK_STR(pe->evidence[0].text, "A  urged B.");
    /* (3 * -12 + 2 * 10) / 5 tenths = -0.32 */
    CHECK(pe->goldstein == -0.32);
    dyad_graph_free(g);
}

/* A graph of one edge a -> b carrying count acts of goldstein g. */
static dyad_graph *big(long mentions, long weight, long count, double g,
                       long documents)
{
    dyad_graph *gr = dyad_graph_new();
    size_t a = dyad_graph_node(gr, "a", "A");
    size_t b = dyad_graph_node(gr, "b", "B");
    dyad_graph_mention(gr, a, mentions);
    size_t e = dyad_graph_edge(gr, a, b, weight);
    dyad_relation r = {"urge", "02", "020", g, count};
    dyad_graph_relation(gr, e, &r);
    dyad_graph_count(gr, documents, 1);
    return gr;
}

/* Sums past DYAD_MAX_COUNT are refused by merge, naming the count, and
 * change nothing; the graph's own adders stop at the limit.  Before, huge
 * counts overflowed signed arithmetic (mentions -2 in the release build). */
static void test_count_limits(void)
{
    const long max = DYAD_MAX_COUNT, half = DYAD_MAX_COUNT / 2 + 1;
    struct {
        long mentions, weight, count, documents;
        const char *what;
    } cases[] = {
        {half, 1, 1, 1, "the mentions of node \"a\""},
        {1, half, half, 1, "the acts of all links"},
        {1, half, 1, 1, "the weight of link \"a\" -> \"b\""},
        {1, 1, 1, half, "graph.documents"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dyad_graph *x = big(cases[i].mentions, cases[i].weight,
                            cases[i].count, 10.0, cases[i].documents);
        dyad_graph *y = big(cases[i].mentions, cases[i].weight,
                            cases[i].count, 10.0, cases[i].documents);
        dyad_error err = {0};
        CHECK_INT(dyad_graph_merge(x, y, &err), DYAD_ERR_INVALID);
        CHECK(strstr(err.text, cases[i].what) != NULL);
        CHECK(strstr(err.text, "9007199254740991") != NULL);
        printf("# %s\n", err.text);
        CHECK_INT(dyad_graph_nodes(x)[0].mentions, cases[i].mentions);
        CHECK_INT(dyad_graph_documents(x), cases[i].documents);
        dyad_graph_free(x);
        dyad_graph_free(y);
    }
    /* the largest counts themselves: exact, and a mean of exactly 10 */
    dyad_graph *g = big(max, max, max, 10.0, max);
    const dyad_edge *e = &dyad_graph_edges(g)[0];
    CHECK_INT(e->acts, max);
    CHECK(e->goldstein == 10.0);
    /* adders stop at the limit, never wrap */
    dyad_graph_mention(g, 0, max);
    dyad_graph_count(g, 9223372036854775807L, 1);
    dyad_graph_edge(g, 0, 1, max);
    dyad_relation r = {"urge", "02", "020", 10.0, 9223372036854775807L};
    dyad_graph_relation(g, 0, &r);
    e = &dyad_graph_edges(g)[0];
    CHECK_INT(dyad_graph_nodes(g)[0].mentions, max);
    CHECK_INT(dyad_graph_documents(g), max);
    CHECK_INT(e->weight, max);
    CHECK_INT(e->acts, max);
    CHECK_INT(e->relations[0].count, max);
    CHECK(e->goldstein == 10.0);
    dyad_graph_free(g);
    /* Goldstein values are taken on the scale [-10, 10] */
    g = big(1, 1, 3, 55.0, 1);
    CHECK(dyad_graph_edges(g)[0].goldstein == 10.0);
    dyad_graph_free(g);
}

/* An edge with no relations and no evidence sorts (qsort got NULL). */
static void test_empty_edge_sort(void)
{
    dyad_graph *g = dyad_graph_new();
    size_t a = dyad_graph_node(g, "a", "A"), b = dyad_graph_node(g, "b", "B");
    dyad_graph_edge(g, b, a, 0);
    dyad_graph_sort(g);
    CHECK_INT(dyad_graph_n_edges(g), 1);
    CHECK_INT(dyad_graph_edges(g)[0].n_relations, 0);
    CHECK(dyad_graph_edges(g)[0].goldstein == 0.0);
    dyad_graph_free(g);
}

/* Two documents of one name, read one after the other (one worker reads
 * both): each counts, as when two workers read one each; before, the
 * second's sentence 1 was taken for the first's and -j1 and -j2 differed. */
static void test_same_name_documents(void)
{
    dyad_graph *g = dyad_graph_new();
    size_t a = dyad_graph_node(g, "a", "A"), b = dyad_graph_node(g, "b", "B");
    dyad_act act = {"urge", "02", "020", -1.2, "d", 1, 0, "x", 1};
    dyad_graph_act(g, a, b, &act);
    dyad_graph_act(g, a, b, &act); /* a second act of the same sentence */
    dyad_graph_count(g, 1, 1);
    dyad_graph_act(g, a, b, &act); /* the next document, named "d" too */
    dyad_graph_count(g, 1, 1);
    dyad_graph_sort(g);
    CHECK_INT(dyad_graph_edges(g)[0].weight, 2);
    CHECK_INT(dyad_graph_edges(g)[0].acts, 3);
    dyad_graph_free(g);
}

int main(void)
{
    RUN(test_same_name_documents);
    RUN(test_nodes);
    RUN(test_weight);
    RUN(test_text_folded);
    RUN(test_self_loop);
    RUN(test_goldstein_exact);
    RUN(test_sort_order);
    RUN(test_cap);
    RUN(test_merge_laws);
    RUN(test_merge_move);
    RUN(test_cap_document_names);
    RUN(test_merge_sums);
    RUN(test_merge_conflicts);
    RUN(test_reader_api);
    RUN(test_count_limits);
    RUN(test_empty_edge_sort);
    return DONE();
}
