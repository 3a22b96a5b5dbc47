/* Comparing two sorted graphs: a merge walk over nodes (sorted by id) and
 * edges (sorted by source id, target id), then the similarity figures.  The
 * diff copies the strings it keeps, so it outlives the graphs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/diff.h"
#include "util.h"

struct dyad_diff {
    dyad_diff_node *nodes;
    size_t n_nodes, cap_nodes;
    dyad_diff_edge *edges;
    size_t n_edges, cap_edges;
    dyad_diff_side a, b;
    dyad_diff_similarity sim;
};

/* Tones are compared to 3 decimals, the precision the graph keeps. */
static long milli(double x) { return lround(x * 1000.0); }

static long labs_diff(long x, long y) { return x > y ? x - y : y - x; }

static double ratio(double num, double den) { return den > 0 ? num / den : 1.0; }

/* ---- sides ---- */

static void side_totals(dyad_diff_side *s, const dyad_graph *g)
{
    const dyad_edge *e = dyad_graph_edges(g);
    double tone = 0;
    s->documents = dyad_graph_documents(g);
    s->sentences = dyad_graph_sentences(g);
    s->nodes = dyad_graph_n_nodes(g);
    s->edges = dyad_graph_n_edges(g);
    s->acts = 0;
    for (size_t i = 0; i < s->edges; i++) {
        s->acts += e[i].acts;
        tone += e[i].goldstein * (double)e[i].acts;
    }
    s->mean_tone = s->acts > 0 ? tone / (double)s->acts : 0.0;
}

/* ---- nodes ---- */

static void add_node(dyad_diff *d, const dyad_node *na, const dyad_node *nb)
{
    GROW(d->nodes, d->cap_nodes, d->n_nodes + 1);
    dyad_diff_node *n = &d->nodes[d->n_nodes++];
    const dyad_node *any = nb ? nb : na;
    n->id = xstrdup(any->id);
    n->label = xstrdup(any->label ? any->label : any->id);
    n->mentions_a = na ? na->mentions : 0;
    n->mentions_b = nb ? nb->mentions : 0;
    if (!na)
        n->kind = DYAD_DIFF_ADDED;
    else if (!nb)
        n->kind = DYAD_DIFF_REMOVED;
    else
        n->kind = n->mentions_a != n->mentions_b ? DYAD_DIFF_CHANGED
                                                 : DYAD_DIFF_SAME;
}

static void diff_nodes(dyad_diff *d, const dyad_graph *a, const dyad_graph *b)
{
    const dyad_node *na = dyad_graph_nodes(a), *nb = dyad_graph_nodes(b);
    size_t i = 0, j = 0, la = dyad_graph_n_nodes(a), lb = dyad_graph_n_nodes(b);
    while (i < la || j < lb) {
        int c = i == la ? 1 : j == lb ? -1 : strcmp(na[i].id, nb[j].id);
        if (c < 0)
            add_node(d, &na[i++], NULL);
        else if (c > 0)
            add_node(d, NULL, &nb[j++]);
        else
            add_node(d, &na[i++], &nb[j++]);
    }
}

static size_t find_node(const dyad_diff *d, const char *id)
{
    size_t lo = 0, hi = d->n_nodes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(d->nodes[mid].id, id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (size_t)-1;
}

/* ---- relations of one edge ---- */

static const dyad_relation *find_relation(const dyad_edge *e,
                                          const dyad_relation *r)
{
    for (size_t i = 0; e && i < e->n_relations; i++)
        if (strcmp(e->relations[i].verb, r->verb) == 0 &&
            strcmp(e->relations[i].code, r->code) == 0)
            return &e->relations[i];
    return NULL;
}

static void add_verb(dyad_diff_verb **v, size_t *n, size_t *cap,
                     const dyad_relation *r, long ca, long cb)
{
    if (ca == cb)
        return;
    GROW(*v, *cap, *n + 1);
    dyad_diff_verb *x = &(*v)[(*n)++];
    x->verb = xstrdup(r->verb);
    x->cameo = xstrdup(r->cameo);
    x->code = xstrdup(r->code);
    x->count_a = ca;
    x->count_b = cb;
}

static int cmp_verb(const void *pa, const void *pb)
{
    const dyad_diff_verb *x = pa, *y = pb;
    long dx = labs_diff(x->count_a, x->count_b);
    long dy = labs_diff(y->count_a, y->count_b);
    if (dx != dy)
        return dx > dy ? -1 : 1;
    int c = strcmp(x->verb, y->verb);
    return c ? c : strcmp(x->code, y->code);
}

static void diff_verbs(dyad_diff_edge *out, const dyad_edge *ea,
                       const dyad_edge *eb)
{
    dyad_diff_verb *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; ea && i < ea->n_relations; i++) {
        const dyad_relation *r = &ea->relations[i], *rb = find_relation(eb, r);
        add_verb(&v, &n, &cap, r, r->count, rb ? rb->count : 0);
    }
    for (size_t i = 0; eb && i < eb->n_relations; i++) {
        const dyad_relation *r = &eb->relations[i];
        if (!find_relation(ea, r))
            add_verb(&v, &n, &cap, r, 0, r->count);
    }
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_verb);
    out->verbs = v;
    out->n_verbs = n;
}

/* ---- edges ---- */

static dyad_diff_kind edge_kind(const dyad_diff_edge *e, const dyad_edge *ea,
                                const dyad_edge *eb)
{
    if (!ea)
        return DYAD_DIFF_ADDED;
    if (!eb)
        return DYAD_DIFF_REMOVED;
    if (e->weight_a != e->weight_b || e->acts_a != e->acts_b ||
        e->n_verbs > 0 || milli(e->goldstein_a) != milli(e->goldstein_b))
        return DYAD_DIFF_CHANGED;
    return DYAD_DIFF_SAME;
}

static void add_edge(dyad_diff *d, const dyad_graph *ga, const dyad_edge *ea,
                     const dyad_graph *gb, const dyad_edge *eb)
{
    const dyad_node *nodes =
        ea ? dyad_graph_nodes(ga) : dyad_graph_nodes(gb);
    const dyad_edge *any = ea ? ea : eb;
    GROW(d->edges, d->cap_edges, d->n_edges + 1);
    dyad_diff_edge *e = &d->edges[d->n_edges++];
    memset(e, 0, sizeof *e);
    e->source_node = find_node(d, nodes[any->source].id);
    e->target_node = find_node(d, nodes[any->target].id);
    e->source = d->nodes[e->source_node].id;
    e->target = d->nodes[e->target_node].id;
    if (ea) {
        e->weight_a = ea->weight;
        e->acts_a = ea->acts;
        e->goldstein_a = ea->goldstein;
    }
    if (eb) {
        e->weight_b = eb->weight;
        e->acts_b = eb->acts;
        e->goldstein_b = eb->goldstein;
    }
    diff_verbs(e, ea, eb);
    e->kind = edge_kind(e, ea, eb);
}

static int cmp_edge_key(const dyad_graph *ga, const dyad_edge *ea,
                        const dyad_graph *gb, const dyad_edge *eb)
{
    const dyad_node *na = dyad_graph_nodes(ga), *nb = dyad_graph_nodes(gb);
    int c = strcmp(na[ea->source].id, nb[eb->source].id);
    return c ? c : strcmp(na[ea->target].id, nb[eb->target].id);
}

static void diff_edges(dyad_diff *d, const dyad_graph *a, const dyad_graph *b)
{
    const dyad_edge *ea = dyad_graph_edges(a), *eb = dyad_graph_edges(b);
    size_t i = 0, j = 0, la = dyad_graph_n_edges(a), lb = dyad_graph_n_edges(b);
    while (i < la || j < lb) {
        int c = i == la   ? 1
                : j == lb ? -1
                          : cmp_edge_key(a, &ea[i], b, &eb[j]);
        if (c < 0)
            add_edge(d, a, &ea[i++], b, NULL);
        else if (c > 0)
            add_edge(d, a, NULL, b, &eb[j++]);
        else {
            add_edge(d, a, &ea[i], b, &eb[j]);
            i++;
            j++;
        }
    }
}

static int cmp_change(const void *pa, const void *pb)
{
    const dyad_diff_edge *x = pa, *y = pb;
    long wx = labs_diff(x->weight_a, x->weight_b);
    long wy = labs_diff(y->weight_a, y->weight_b);
    if (wx != wy)
        return wx > wy ? -1 : 1;
    long ax = labs_diff(x->acts_a, x->acts_b);
    long ay = labs_diff(y->acts_a, y->acts_b);
    if (ax != ay)
        return ax > ay ? -1 : 1;
    int c = strcmp(x->source, y->source);
    return c ? c : strcmp(x->target, y->target);
}

/* ---- similarity ---- */

static void similarity(dyad_diff *d)
{
    size_t common_nodes = 0, common_edges = 0;
    double wmin = 0, wmax = 0;
    for (size_t i = 0; i < d->n_nodes; i++)
        if (d->nodes[i].kind == DYAD_DIFF_SAME ||
            d->nodes[i].kind == DYAD_DIFF_CHANGED)
            common_nodes++;
    for (size_t i = 0; i < d->n_edges; i++) {
        const dyad_diff_edge *e = &d->edges[i];
        if (e->kind == DYAD_DIFF_SAME || e->kind == DYAD_DIFF_CHANGED)
            common_edges++;
        wmin += (double)(e->weight_a < e->weight_b ? e->weight_a : e->weight_b);
        wmax += (double)(e->weight_a > e->weight_b ? e->weight_a : e->weight_b);
    }
    d->sim.nodes = ratio((double)common_nodes, (double)d->n_nodes);
    d->sim.edges = ratio((double)common_edges, (double)d->n_edges);
    d->sim.weighted = ratio(wmin, wmax);
}

/* ---- public ---- */

dyad_status dyad_diff_new(dyad_diff **out, const dyad_graph *a,
                          const dyad_graph *b, dyad_error *err)
{
    *out = NULL;
    if (!dyad_graph_is_sorted(a) || !dyad_graph_is_sorted(b))
        return dyad_fail(err, DYAD_ERR_INVALID, "diff", 0, 0,
                         "graphs must be sorted before they are compared");
    dyad_diff *d = xcalloc(1, sizeof *d);
    side_totals(&d->a, a);
    side_totals(&d->b, b);
    diff_nodes(d, a, b);
    diff_edges(d, a, b);
    if (d->n_edges > 1)
        qsort(d->edges, d->n_edges, sizeof *d->edges, cmp_change);
    similarity(d);
    *out = d;
    return DYAD_OK;
}

void dyad_diff_free(dyad_diff *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_edges; i++) {
        dyad_diff_verb *v = (dyad_diff_verb *)d->edges[i].verbs;
        for (size_t k = 0; k < d->edges[i].n_verbs; k++) {
            free((char *)v[k].verb);
            free((char *)v[k].cameo);
            free((char *)v[k].code);
        }
        free(v);
    }
    for (size_t i = 0; i < d->n_nodes; i++) {
        free((char *)d->nodes[i].id);
        free((char *)d->nodes[i].label);
    }
    free(d->edges);
    free(d->nodes);
    free(d);
}

bool dyad_diff_is_empty(const dyad_diff *d)
{
    return dyad_diff_count_nodes(d, DYAD_DIFF_SAME) == d->n_nodes &&
           dyad_diff_count_edges(d, DYAD_DIFF_SAME) == d->n_edges;
}

const dyad_diff_side *dyad_diff_side_a(const dyad_diff *d) { return &d->a; }
const dyad_diff_side *dyad_diff_side_b(const dyad_diff *d) { return &d->b; }

const dyad_diff_similarity *dyad_diff_similarities(const dyad_diff *d)
{
    return &d->sim;
}

double dyad_diff_tone_shift(const dyad_diff *d)
{
    if (d->a.acts == 0 || d->b.acts == 0)
        return 0.0;
    return d->b.mean_tone - d->a.mean_tone;
}

size_t dyad_diff_n_nodes(const dyad_diff *d) { return d->n_nodes; }
const dyad_diff_node *dyad_diff_nodes(const dyad_diff *d) { return d->nodes; }
size_t dyad_diff_n_edges(const dyad_diff *d) { return d->n_edges; }
const dyad_diff_edge *dyad_diff_edges(const dyad_diff *d) { return d->edges; }

size_t dyad_diff_count_nodes(const dyad_diff *d, dyad_diff_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_nodes; i++)
        n += d->nodes[i].kind == kind;
    return n;
}

size_t dyad_diff_count_edges(const dyad_diff *d, dyad_diff_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_edges; i++)
        n += d->edges[i].kind == kind;
    return n;
}
