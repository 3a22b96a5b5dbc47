/* dyad_graph: nodes, edges keyed by (source, target), relations keyed by
 * (verb, code), evidence; merge and the canonical sort.
 *
 * Every string but evidence text is interned, so within one graph two
 * equal strings are the same pointer: ids, labels, verbs and codes in the
 * graph's atom table, for good; evidence document names in a counted table
 * (docnames.h), each freed with the last evidence item naming it.
 * Evidence text is owned by its item.
 *
 * Goldstein values are kept as integer tenths: an edge's mean is an integer
 * sum over its relations divided by its acts, so that merging in any order
 * gives the same bits. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "docnames.h"
#include "dyad/docs.h"
#include "dyad/graph.h"
#include "util.h"

#define NONE ((size_t)-1)
#define MAX_COUNT DYAD_MAX_COUNT

_Static_assert(LONG_MAX >= DYAD_MAX_COUNT, "counts are 64-bit longs");

/* ---- counts that stop at DYAD_MAX_COUNT instead of wrapping ---- */

static long clamp_count(long x)
{
    return x > MAX_COUNT ? MAX_COUNT : x < -MAX_COUNT ? -MAX_COUNT : x;
}

/* Both sides are clamped first, so the sum itself cannot overflow. */
static long count_add(long a, long b)
{
    return clamp_count(clamp_count(a) + clamp_count(b));
}

static bool count_fits(long a, long b)
{
    long sum = clamp_count(a) + clamp_count(b);
    return sum >= -MAX_COUNT && sum <= MAX_COUNT;
}

/* Goldstein sums in tenths: at most 100 tenths an act. */
static long long tenths_add(long long a, long long b)
{
    const long long max = 100LL * MAX_COUNT;
    a = a > max ? max : a < -max ? -max : a;
    b = b > max ? max : b < -max ? -max : b;
    long long sum = a + b;
    return sum > max ? max : sum < -max ? -max : sum;
}

/* ---- a map from 64-bit keys to indexes (open addressing) ---- */

typedef struct slot {
    uint64_t key;
    size_t val; /* NONE: empty */
} slot;

typedef struct map {
    slot *slots;
    size_t n, cap; /* cap: 0 or a power of two */
} map;

static size_t map_hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (size_t)k;
}

static size_t map_get(const map *m, uint64_t key)
{
    if (!m->cap)
        return NONE;
    for (size_t i = map_hash(key) & (m->cap - 1);;
         i = (i + 1) & (m->cap - 1)) {
        if (m->slots[i].val == NONE || m->slots[i].key == key)
            return m->slots[i].val;
    }
}

static void map_put_raw(map *m, uint64_t key, size_t val)
{
    size_t i = map_hash(key) & (m->cap - 1);
    while (m->slots[i].val != NONE && m->slots[i].key != key)
        i = (i + 1) & (m->cap - 1);
    if (m->slots[i].val == NONE)
        m->n++;
    m->slots[i] = (slot){key, val};
}

static void map_clear(map *m, size_t want)
{
    size_t cap = 16;
    while (cap < want * 2)
        cap *= 2;
    free(m->slots);
    m->slots = xmalloc(cap * sizeof *m->slots);
    for (size_t i = 0; i < cap; i++)
        m->slots[i].val = NONE;
    m->cap = cap;
    m->n = 0;
}

static void map_put(map *m, uint64_t key, size_t val)
{
    if ((m->n + 1) * 2 > m->cap) {
        slot *old = m->slots;
        size_t old_cap = m->cap;
        m->slots = NULL;
        map_clear(m, m->n + 1);
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].val != NONE)
                map_put_raw(m, old[i].key, old[i].val);
        free(old);
    }
    map_put_raw(m, key, val);
}

static uint64_t pair_key(size_t a, size_t b)
{
    return (uint64_t)a << 32 | (uint64_t)(uint32_t)b;
}

/* ---- the graph ---- */

/* What an edge needs beyond its public view. */
typedef struct edge_state {
    dyad_relation *rels;
    size_t cap_rels;
    dyad_evidence *ev;
    size_t cap_ev;
    long long tenths;  /* sum of goldstein tenths over acts */
    uint64_t last_doc; /* act_doc of the last act added */
    long last_sentence;
} edge_state;

struct dyad_graph {
    atoms *names;      /* ids, labels, verbs, codes */
    docnames docs;     /* names of evidence documents, counted */
    dyad_docs *listed; /* the documents the graph was built from */
    char *act_doc;     /* the document of the last dyad_graph_act */
    uint64_t act_seq;  /* bumped when that document changes */
    dyad_node *nodes;
    uint32_t *node_atom; /* the id's atom, by node */
    size_t n_nodes, cap_nodes, cap_node_atom;
    map node_by_atom;
    dyad_edge *edges;
    edge_state *es;
    size_t n_edges, cap_edges, cap_es;
    map edge_by_pair;
    map tenths_by_verb; /* (verb atom, code atom) -> goldstein tenths */
    long documents, sentences;
    long acts; /* over all edges, within DYAD_MAX_COUNT as merge checks */
    size_t evidence_cap;
    bool sorted;
};

/* Per-edge arrays start at one item: most edges hold one or two, and
 * GROW's first eight would dominate the memory of a large graph. */
static void grow_small(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap : 1;
    while (n < need)
        n *= 2;
    *items = xrealloc(*items, n * size);
    *cap = n;
}
#define GROW_SMALL(arr, cap, need)                                           \
    grow_small((void **)&(arr), &(cap), (need), sizeof *(arr))

static const char *intern(dyad_graph *g, const char *s)
{
    return atoms_str(g->names, atoms_intern(g->names, s, strlen(s)));
}

static uint32_t atom_of(const dyad_graph *g, const char *s)
{
    return atoms_find(g->names, s, strlen(s));
}

static long tenths_of(double x) { return (long)llround(x * 10.0); }

/* sum / acts in tenths, as a value rounded to 3 decimals (half away from
 * zero), computed in integers: tenths * 100 / acts in thousandths, taken
 * apart so that no product passes 100 * acts (tenths * 100 overflowed
 * for counts near 2^63). */
static double mean_of(long long tenths, long acts)
{
    if (acts <= 0)
        return 0.0;
    long long den = acts, a = tenths < 0 ? -tenths : tenths;
    if (a > 100 * den) /* at most 10 (100 tenths) an act */
        a = 100 * den;
    long long rest = a % den * 100;
    long long q = a / den * 100 + rest / den;
    q += 2 * (rest % den) >= den; /* half away from zero */
    return (double)(tenths < 0 ? -q : q) / 1000.0;
}

dyad_graph *dyad_graph_new(void)
{
    dyad_graph *g = xcalloc(1, sizeof *g);
    g->names = atoms_new();
    g->listed = dyad_docs_new();
    g->sorted = true;
    return g;
}

static void free_evidence(dyad_graph *g, dyad_evidence *ev, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        docnames_unref(&g->docs, ev[i].doc);
        free((char *)ev[i].text);
    }
}

void dyad_graph_free(dyad_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_edges; i++) {
        const dyad_evidence *ev = g->es[i].ev;
        for (size_t j = 0; j < g->edges[i].n_evidence; j++)
            free((char *)ev[j].text);
        free(g->es[i].ev);
        free(g->es[i].rels);
    }
    free(g->tenths_by_verb.slots);
    free(g->edge_by_pair.slots);
    free(g->es);
    free(g->edges);
    free(g->node_by_atom.slots);
    free(g->node_atom);
    free(g->nodes);
    free(g->act_doc);
    dyad_docs_free(g->listed);
    docnames_free(&g->docs);
    atoms_free(g->names);
    free(g);
}

void dyad_graph_set_evidence_cap(dyad_graph *g, size_t cap)
{
    g->evidence_cap = cap;
    for (size_t i = 0; cap && i < g->n_edges; i++)
        if (g->edges[i].n_evidence > cap)
            g->sorted = false;
}

void dyad_graph_count(dyad_graph *g, long documents, long sentences)
{
    g->documents = count_add(g->documents, documents);
    g->sentences = count_add(g->sentences, sentences);
    if (documents > 0) {
        /* a document ended: the next act starts another, even under the
         * same name, so that two documents named alike count apart
         * whether one worker reads both or two workers do (-j1 = -j2) */
        free(g->act_doc);
        g->act_doc = NULL;
    }
}

long dyad_graph_documents(const dyad_graph *g) { return g->documents; }

bool dyad_graph_document(dyad_graph *g, const char *doc, const char *date)
{
    return dyad_docs_add_dated(g->listed, doc, date);
}

/* The date of x, or the earlier date y gives the same name. */
static const char *earlier(const dyad_docs_item *x, const dyad_docs_item *y)
{
    if (!y->date || (x->date && strcmp(x->date, y->date) <= 0))
        return x->date;
    return y->date;
}

void dyad_graph_date_documents(dyad_graph *g, const dyad_docs *dates)
{
    if (dyad_docs_empty(dates))
        return;
    dyad_docs *dated = dyad_docs_new();
    dyad_docs_iter *a = dyad_docs_iter_new(g->listed);
    dyad_docs_iter *b = dyad_docs_iter_new(dates);
    dyad_docs_item x, y;
    bool more = dyad_docs_iter_next(b, &y);
    while (dyad_docs_iter_next(a, &x)) {
        while (more && strcmp(y.doc, x.doc) < 0)
            more = dyad_docs_iter_next(b, &y);
        bool same = more && strcmp(y.doc, x.doc) == 0;
        dyad_docs_add_dated(dated, x.doc, same ? earlier(&x, &y) : x.date);
    }
    dyad_docs_iter_free(b);
    dyad_docs_iter_free(a);
    dyad_docs_free(g->listed);
    g->listed = dated;
}

const dyad_docs *dyad_graph_docs(const dyad_graph *g) { return g->listed; }

size_t dyad_graph_shared_documents(const dyad_graph *a, const dyad_graph *b,
                                   char **example)
{
    size_t shared = 0;
    if (example)
        *example = NULL;
    dyad_docs_iter *ia = dyad_docs_iter_new(a->listed);
    dyad_docs_iter *ib = dyad_docs_iter_new(b->listed);
    dyad_docs_item x, y;
    bool more = dyad_docs_iter_next(ia, &x);
    while (more && dyad_docs_iter_next(ib, &y)) {
        while (more && strcmp(x.doc, y.doc) < 0)
            more = dyad_docs_iter_next(ia, &x);
        if (!more || strcmp(x.doc, y.doc) != 0)
            continue;
        if (example && !*example)
            *example = xstrdup(y.doc);
        shared++;
    }
    dyad_docs_iter_free(ib);
    dyad_docs_iter_free(ia);
    return shared;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names g's evidence gives, each once (g->docs holds them, counted),
 * sorted; *n receives how many. */
static const char **evidence_docs(const dyad_graph *g, size_t *n)
{
    const char **names = docnames_all(&g->docs);
    *n = g->docs.n;
    qsort(names, *n, sizeof *names, cmp_name);
    return names;
}

dyad_docs *dyad_graph_evidence_dates(const dyad_graph *g)
{
    dyad_docs *dates = dyad_docs_new();
    dyad_docs_set_spill(dates, SIZE_MAX);
    size_t n, k = 0;
    const char **names = evidence_docs(g, &n);
    dyad_docs_iter *it = dyad_docs_iter_new(n ? g->listed : NULL);
    dyad_docs_item x;
    while (k < n && dyad_docs_iter_next(it, &x)) {
        while (k < n && strcmp(names[k], x.doc) < 0)
            k++;
        if (x.date && k < n && strcmp(names[k], x.doc) == 0)
            dyad_docs_add_dated(dates, x.doc, x.date);
    }
    dyad_docs_iter_free(it);
    free(names);
    return dates;
}

long dyad_graph_sentences(const dyad_graph *g) { return g->sentences; }

/* ---- nodes ---- */

size_t dyad_graph_find(const dyad_graph *g, const char *id)
{
    uint32_t a = atom_of(g, id);
    return a == ATOM_NONE ? NONE : map_get(&g->node_by_atom, a);
}

size_t dyad_graph_node(dyad_graph *g, const char *id, const char *label)
{
    uint32_t a = atoms_intern(g->names, id, strlen(id));
    size_t i = map_get(&g->node_by_atom, a);
    if (i != NONE)
        return i;
    GROW(g->nodes, g->cap_nodes, g->n_nodes + 1);
    GROW(g->node_atom, g->cap_node_atom, g->n_nodes + 1);
    i = g->n_nodes++;
    g->nodes[i] =
        (dyad_node){atoms_str(g->names, a), intern(g, label ? label : id), 0};
    g->node_atom[i] = a;
    map_put(&g->node_by_atom, a, i);
    g->sorted = false;
    return i;
}

void dyad_graph_mention(dyad_graph *g, size_t node, long n)
{
    if (node < g->n_nodes)
        g->nodes[node].mentions = count_add(g->nodes[node].mentions, n);
}

/* ---- edges, relations, evidence ---- */

static void edge_sync(dyad_graph *g, size_t e)
{
    dyad_edge *pe = &g->edges[e];
    pe->relations = g->es[e].rels;
    pe->evidence = g->es[e].ev;
    pe->goldstein = mean_of(g->es[e].tenths, pe->acts);
}

static size_t edge_get(dyad_graph *g, size_t source, size_t target)
{
    uint64_t key = pair_key(source, target);
    size_t e = map_get(&g->edge_by_pair, key);
    if (e != NONE)
        return e;
    GROW(g->edges, g->cap_edges, g->n_edges + 1);
    GROW(g->es, g->cap_es, g->n_edges + 1);
    e = g->n_edges++;
    g->edges[e] = (dyad_edge){.source = source, .target = target};
    g->es[e] = (edge_state){0};
    map_put(&g->edge_by_pair, key, e);
    g->sorted = false;
    return e;
}

/* Tenths are stored in the low 32 bits so that no value reads as empty. */
static size_t tenths_val(long t) { return (size_t)(uint32_t)(int32_t)t; }
static long val_tenths(size_t v) { return (long)(int32_t)(uint32_t)v; }

/* The Goldstein scale is [-10, 10] (NaN counts as -10). */
static long clamp_tenths(double x)
{
    if (!(x > -10.0))
        return -100;
    return x < 10.0 ? tenths_of(x) : 100;
}

/* verb, cameo and code are atoms of g. */
static void add_relation(dyad_graph *g, size_t e, const char *verb,
                         const char *cameo, const char *code, long tenths,
                         long count)
{
    edge_state *s = &g->es[e];
    dyad_edge *pe = &g->edges[e];
    dyad_relation *r = NULL;
    for (size_t i = 0; i < pe->n_relations && !r; i++)
        if (s->rels[i].verb == verb && s->rels[i].code == code)
            r = &s->rels[i];
    if (!r) {
        GROW_SMALL(s->rels, s->cap_rels, pe->n_relations + 1);
        r = &s->rels[pe->n_relations++];
        *r = (dyad_relation){verb, cameo, code, (double)tenths / 10.0, 0};
        uint64_t key = pair_key(atom_of(g, verb), atom_of(g, code));
        if (map_get(&g->tenths_by_verb, key) == NONE)
            map_put(&g->tenths_by_verb, key, tenths_val(tenths));
    }
    count = clamp_count(count);
    r->count = count_add(r->count, count);
    pe->acts = count_add(pe->acts, count);
    g->acts = count_add(g->acts, count);
    long long t = (long long)tenths_of(r->goldstein) * count;
    s->tenths = tenths_add(s->tenths, t);
    g->sorted = false;
    edge_sync(g, e);
}

static int cmp_str(const char *a, const char *b)
{
    return a == b ? 0 : strcmp(a, b);
}

static int cmp_long(long a, long b) { return (a > b) - (a < b); }

static int cmp_evidence(const void *pa, const void *pb)
{
    const dyad_evidence *a = pa, *b = pb;
    int c = cmp_str(a->doc, b->doc);
    if (!c)
        c = cmp_long(a->sentence, b->sentence);
    if (!c)
        c = cmp_long(a->offset, b->offset);
    if (!c)
        c = cmp_str(a->verb, b->verb);
    if (!c)
        c = cmp_str(a->code, b->code);
    if (!c)
        c = cmp_str(a->cameo, b->cameo);
    return c ? c : strcmp(a->text, b->text);
}

static int cmp_relation(const void *pa, const void *pb)
{
    const dyad_relation *a = pa, *b = pb;
    int c = cmp_long(b->count, a->count);
    if (!c)
        c = cmp_str(a->verb, b->verb);
    return c ? c : cmp_str(a->code, b->code);
}

/* Sorts the evidence and keeps the first cap items (0: all). */
static void cut_evidence(dyad_graph *g, size_t e)
{
    dyad_edge *pe = &g->edges[e];
    edge_state *s = &g->es[e];
    if (pe->n_evidence > 1) /* s->ev is NULL for "evidence": [] */
        qsort(s->ev, pe->n_evidence, sizeof *s->ev, cmp_evidence);
    size_t cap = g->evidence_cap;
    if (cap && pe->n_evidence > cap) {
        free_evidence(g, s->ev + cap, pe->n_evidence - cap);
        pe->n_evidence = cap;
    }
}

/* Takes text.  Under a cap, at most 2 * cap items are kept between sorts:
 * cutting to the first cap of what was seen never drops an item of the
 * first cap of all, so the result does not depend on arrival order. */
static void add_evidence(dyad_graph *g, size_t e, dyad_evidence ev)
{
    dyad_edge *pe = &g->edges[e];
    edge_state *s = &g->es[e];
    GROW_SMALL(s->ev, s->cap_ev, pe->n_evidence + 1);
    s->ev[pe->n_evidence++] = ev;
    if (g->evidence_cap && pe->n_evidence >= 2 * g->evidence_cap)
        cut_evidence(g, e);
    g->sorted = false;
    edge_sync(g, e);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* The text with whitespace runs folded to one space, trimmed. */
static char *fold_space(const char *s, size_t n)
{
    char *d = xmalloc(n + 1), *p = d;
    bool pending = false;
    for (size_t i = 0; s && i < n; i++) {
        if (is_space(s[i])) {
            pending = p > d;
            continue;
        }
        if (pending)
            *p++ = ' ';
        pending = false;
        *p++ = s[i];
    }
    *p = '\0';
    return d;
}

static const char *or_empty(const char *s) { return s ? s : ""; }

/* The sequence number of doc among the documents of dyad_graph_act's
 * calls: the same while the document stays the same (and no
 * dyad_graph_count has ended it). */
static uint64_t act_seq(dyad_graph *g, const char *doc)
{
    if (!g->act_doc || strcmp(g->act_doc, doc) != 0) {
        free(g->act_doc);
        g->act_doc = xstrdup(doc);
        g->act_seq++;
    }
    return g->act_seq;
}

bool dyad_graph_act(dyad_graph *g, size_t source, size_t target,
                    const dyad_act *act)
{
    if (source == target || source >= g->n_nodes || target >= g->n_nodes)
        return false;
    size_t e = edge_get(g, source, target);
    edge_state *s = &g->es[e];
    uint64_t seq = act_seq(g, or_empty(act->doc));
    if (s->last_doc != seq || s->last_sentence != act->sentence) {
        g->edges[e].weight++;
        s->last_doc = seq;
        s->last_sentence = act->sentence;
    }
    const char *verb = intern(g, or_empty(act->verb));
    const char *cameo = intern(g, or_empty(act->cameo));
    const char *code = act->code ? intern(g, act->code) : cameo;
    add_relation(g, e, verb, cameo, code, clamp_tenths(act->goldstein), 1);
    add_evidence(g, e,
                 (dyad_evidence){docnames_ref(&g->docs, or_empty(act->doc)),
                                 act->sentence, act->offset, verb, cameo,
                                 code, fold_space(act->text, act->text_len)});
    return true;
}

size_t dyad_graph_edge(dyad_graph *g, size_t source, size_t target,
                       long weight)
{
    if (source == target || source >= g->n_nodes || target >= g->n_nodes)
        return NONE;
    size_t e = edge_get(g, source, target);
    g->edges[e].weight = count_add(g->edges[e].weight, weight);
    return e;
}

void dyad_graph_relation(dyad_graph *g, size_t edge, const dyad_relation *rel)
{
    if (edge >= g->n_edges)
        return;
    const char *cameo = intern(g, or_empty(rel->cameo));
    add_relation(g, edge, intern(g, or_empty(rel->verb)), cameo,
                 rel->code ? intern(g, rel->code) : cameo,
                 clamp_tenths(rel->goldstein), rel->count);
}

void dyad_graph_evidence(dyad_graph *g, size_t edge, const dyad_evidence *ev)
{
    if (edge >= g->n_edges)
        return;
    const char *cameo = intern(g, or_empty(ev->cameo));
    add_evidence(g, edge,
                 (dyad_evidence){docnames_ref(&g->docs, or_empty(ev->doc)),
                                 ev->sentence, ev->offset,
                                 intern(g, or_empty(ev->verb)), cameo,
                                 ev->code ? intern(g, ev->code) : cameo,
                                 xstrdup(or_empty(ev->text))});
}

/* ---- merge ---- */

static dyad_status check_labels(const dyad_graph *into,
                                const dyad_graph *from, dyad_error *err)
{
    for (size_t i = 0; i < from->n_nodes; i++) {
        const dyad_node *n = &from->nodes[i];
        size_t j = dyad_graph_find(into, n->id);
        if (j != NONE && strcmp(into->nodes[j].label, n->label) != 0)
            return dyad_fail(
                err, DYAD_ERR_INVALID, NULL, 0, 0,
                "node \"%s\" is labelled \"%s\" in one graph and "
                "\"%s\" in the other",
                n->id, into->nodes[j].label, n->label);
    }
    return DYAD_OK;
}

static dyad_status check_relation(const dyad_graph *into,
                                  const dyad_relation *r, dyad_error *err)
{
    uint32_t v = atom_of(into, r->verb), c = atom_of(into, r->code);
    if (v == ATOM_NONE || c == ATOM_NONE)
        return DYAD_OK;
    size_t val = map_get(&into->tenths_by_verb, pair_key(v, c));
    long t = tenths_of(r->goldstein);
    if (val == NONE || val_tenths(val) == t)
        return DYAD_OK;
    return dyad_fail(err, DYAD_ERR_INVALID, NULL, 0, 0,
                     "verb \"%s\" (%s) has Goldstein value %.1f in one graph "
                     "and %.1f in the other",
                     r->verb, r->code, (double)val_tenths(val) / 10.0,
                     (double)t / 10.0);
}

static dyad_status check_merge(const dyad_graph *into, const dyad_graph *from,
                               dyad_error *err)
{
    dyad_status st = check_labels(into, from, err);
    for (size_t i = 0; i < from->n_edges && st == DYAD_OK; i++) {
        const dyad_edge *e = &from->edges[i];
        for (size_t j = 0; j < e->n_relations && st == DYAD_OK; j++)
            st = check_relation(into, &e->relations[j], err);
    }
    return st;
}

/* Sums that would pass DYAD_MAX_COUNT, checked before anything is added
 * so that a refused merge changes nothing. */
static dyad_status too_many(dyad_error *err, const char *what)
{
    return dyad_fail(err, DYAD_ERR_INVALID, NULL, 0, 0,
                     "%s would pass %ld, the most dyad counts, when merged",
                     what, (long)MAX_COUNT);
}

static size_t edge_find(const dyad_graph *g, const char *source,
                        const char *target)
{
    size_t s = dyad_graph_find(g, source), t = dyad_graph_find(g, target);
    if (s == NONE || t == NONE)
        return NONE;
    return map_get(&g->edge_by_pair, pair_key(s, t));
}

static dyad_status check_node_sums(const dyad_graph *into,
                                   const dyad_graph *from, dyad_error *err)
{
    char what[256];
    for (size_t i = 0; i < from->n_nodes; i++) {
        const dyad_node *n = &from->nodes[i];
        size_t j = dyad_graph_find(into, n->id);
        if (j == NONE || count_fits(into->nodes[j].mentions, n->mentions))
            continue;
        snprintf(what, sizeof what, "the mentions of node \"%.100s\"", n->id);
        return too_many(err, what);
    }
    return DYAD_OK;
}

static dyad_status check_edge_sums(const dyad_graph *into,
                                   const dyad_graph *from, dyad_error *err)
{
    char what[256];
    for (size_t i = 0; i < from->n_edges; i++) {
        const dyad_edge *fe = &from->edges[i];
        const char *s = from->nodes[fe->source].id;
        const char *t = from->nodes[fe->target].id;
        size_t e = edge_find(into, s, t);
        if (e == NONE || count_fits(into->edges[e].weight, fe->weight))
            continue;
        snprintf(what, sizeof what,
                 "the weight of link \"%.60s\" -> "
                 "\"%.60s\"",
                 s, t);
        return too_many(err, what);
    }
    return DYAD_OK;
}

static dyad_status check_sums(const dyad_graph *into, const dyad_graph *from,
                              dyad_error *err)
{
    if (!count_fits(into->documents, from->documents))
        return too_many(err, "graph.documents");
    if (!count_fits(into->sentences, from->sentences))
        return too_many(err, "graph.sentences");
    if (!count_fits(into->acts, from->acts))
        return too_many(err, "the acts of all links");
    dyad_status st = check_node_sums(into, from, err);
    return st == DYAD_OK ? check_edge_sums(into, from, err) : st;
}

/* The strings of a merge's other graph as into has them, by pointer: the
 * other graph's strings are interned, so one pointer is one string, and
 * its few verbs and codes and its documents are looked up once each
 * instead of once an evidence item. */
enum { SEEN_SLOTS = 1024 };
typedef struct seen {
    const char *from[SEEN_SLOTS], *into[SEEN_SLOTS];
} seen;

static size_t seen_slot(const char *s)
{
    return (size_t)(((uintptr_t)s >> 3) * 0x9E3779B97F4A7C15ULL >> 54) & (SEEN_SLOTS - 1);
}

static const char *intern_seen(dyad_graph *g, seen *names, const char *s)
{
    size_t i = seen_slot(s);
    if (names->from[i] != s) {
        names->from[i] = s;
        names->into[i] = intern(g, s);
    }
    return names->into[i];
}

/* into's reference to document name s of the other graph.  The cache
 * holds a reference of its own to each name in it, so that evidence cut
 * under a cap cannot free a name the cache still gives out. */
static const char *doc_seen(dyad_graph *g, seen *docs, const char *s)
{
    size_t i = seen_slot(s);
    if (docs->from[i] != s) {
        if (docs->from[i])
            docnames_unref(&g->docs, docs->into[i]);
        docs->from[i] = s;
        docs->into[i] = docnames_ref(&g->docs, s);
    }
    return docnames_ref_again(&g->docs, docs->into[i]);
}

static void forget_docs_seen(dyad_graph *g, seen *docs)
{
    for (size_t i = 0; i < SEEN_SLOTS; i++)
        if (docs->from[i])
            docnames_unref(&g->docs, docs->into[i]);
}

/* The evidence item ev of another graph, re-interned in g; its text is
 * taken (move) or copied. */
static void evidence_from(dyad_graph *g, size_t e, const dyad_evidence *ev,
                          bool move, seen *names, seen *docs)
{
    const char *cameo = intern_seen(g, names, ev->cameo);
    add_evidence(g, e,
                 (dyad_evidence){doc_seen(g, docs, ev->doc),
                                 ev->sentence, ev->offset,
                                 intern_seen(g, names, ev->verb), cameo,
                                 ev->code ? intern_seen(g, names, ev->code) : cameo,
                                 move ? ev->text : xstrdup(ev->text)});
}

static void merge_edge(dyad_graph *into, size_t e, dyad_graph *from,
                       size_t fi, bool move, seen *names, seen *docs)
{
    dyad_edge *fe = &from->edges[fi];
    edge_state *fs = &from->es[fi];
    into->edges[e].weight = count_add(into->edges[e].weight, fe->weight);
    for (size_t j = 0; j < fe->n_relations; j++)
        dyad_graph_relation(into, e, &fe->relations[j]);
    for (size_t j = 0; j < fe->n_evidence; j++)
        evidence_from(into, e, &fe->evidence[j], move, names, docs);
    if (move) { /* the texts are into's now */
        for (size_t j = 0; j < fe->n_evidence; j++)
            docnames_unref(&from->docs, fe->evidence[j].doc);
        free(fs->ev);
        fs->ev = NULL;
        fs->cap_ev = 0;
        fe->n_evidence = 0;
        fe->evidence = NULL;
    }
}

static dyad_status merge(dyad_graph *into, dyad_graph *from, bool move,
                         dyad_error *err)
{
    dyad_status st = check_merge(into, from, err);
    if (st == DYAD_OK)
        st = check_sums(into, from, err);
    if (st != DYAD_OK)
        return st;
    size_t *node_map = xmalloc((from->n_nodes + 1) * sizeof *node_map);
    for (size_t i = 0; i < from->n_nodes; i++) {
        const dyad_node *n = &from->nodes[i];
        node_map[i] = dyad_graph_node(into, n->id, n->label);
        dyad_graph_mention(into, node_map[i], n->mentions);
    }
    seen *names = xcalloc(2, sizeof *names), *docs = names + 1;
    for (size_t i = 0; i < from->n_edges; i++) {
        const dyad_edge *fe = &from->edges[i];
        size_t e = edge_get(into, node_map[fe->source], node_map[fe->target]);
        merge_edge(into, e, from, i, move, names, docs);
    }
    forget_docs_seen(into, docs);
    free(names);
    free(node_map);
    dyad_graph_count(into, from->documents, from->sentences);
    if (move && dyad_docs_empty(into->listed)) { /* taken, as evidence is */
        dyad_docs *empty = into->listed;
        into->listed = from->listed;
        from->listed = empty;
    } else {
        dyad_docs_merge(into->listed, from->listed);
    }
    into->sorted = false;
    return DYAD_OK;
}

dyad_status dyad_graph_merge(dyad_graph *into, const dyad_graph *from,
                             dyad_error *err)
{
    if (into == from) {
        dyad_graph *copy = dyad_graph_new();
        dyad_status st = dyad_graph_merge(copy, from, err);
        if (st == DYAD_OK)
            st = merge(into, copy, true, err);
        dyad_graph_free(copy);
        return st;
    }
    /* from is only read when nothing is moved */
    return merge(into, (dyad_graph *)from, false, err);
}

dyad_status dyad_graph_merge_move(dyad_graph *into, dyad_graph *from,
                                  dyad_error *err)
{
    if (into == from)
        return dyad_graph_merge(into, from, err);
    return merge(into, from, true, err);
}

/* ---- canonical order ---- */

typedef struct node_key {
    const char *id;
    size_t old;
} node_key;

static int cmp_node_key(const void *pa, const void *pb)
{
    return strcmp(((const node_key *)pa)->id, ((const node_key *)pb)->id);
}

typedef struct edge_key {
    size_t source, target, old;
} edge_key;

static int cmp_edge_key(const void *pa, const void *pb)
{
    const edge_key *a = pa, *b = pb;
    int c = (a->source > b->source) - (a->source < b->source);
    return c ? c : (a->target > b->target) - (a->target < b->target);
}

static void sort_nodes(dyad_graph *g)
{
    size_t n = g->n_nodes;
    node_key *keys = xmalloc((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++)
        keys[i] = (node_key){g->nodes[i].id, i};
    qsort(keys, n, sizeof *keys, cmp_node_key);
    dyad_node *nodes = xmalloc((n + 1) * sizeof *nodes);
    uint32_t *atom = xmalloc((n + 1) * sizeof *atom);
    size_t *pos = xmalloc((n + 1) * sizeof *pos);
    map_clear(&g->node_by_atom, n);
    for (size_t i = 0; i < n; i++) {
        nodes[i] = g->nodes[keys[i].old];
        atom[i] = g->node_atom[keys[i].old];
        pos[keys[i].old] = i;
        map_put(&g->node_by_atom, atom[i], i);
    }
    for (size_t i = 0; i < g->n_edges; i++) {
        g->edges[i].source = pos[g->edges[i].source];
        g->edges[i].target = pos[g->edges[i].target];
    }
    free(g->nodes);
    free(g->node_atom);
    g->nodes = nodes;
    g->node_atom = atom;
    g->cap_nodes = g->cap_node_atom = n + 1;
    free(pos);
    free(keys);
}

static void sort_edges(dyad_graph *g)
{
    size_t n = g->n_edges;
    edge_key *keys = xmalloc((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++)
        keys[i] = (edge_key){g->edges[i].source, g->edges[i].target, i};
    qsort(keys, n, sizeof *keys, cmp_edge_key);
    dyad_edge *edges = xmalloc((n + 1) * sizeof *edges);
    edge_state *es = xmalloc((n + 1) * sizeof *es);
    map_clear(&g->edge_by_pair, n);
    for (size_t i = 0; i < n; i++) {
        edges[i] = g->edges[keys[i].old];
        es[i] = g->es[keys[i].old];
        map_put(&g->edge_by_pair, pair_key(edges[i].source, edges[i].target),
                i);
    }
    free(g->edges);
    free(g->es);
    g->edges = edges;
    g->es = es;
    g->cap_edges = g->cap_es = n + 1;
    free(keys);
}

void dyad_graph_sort(dyad_graph *g)
{
    if (g->sorted)
        return;
    sort_nodes(g);
    for (size_t i = 0; i < g->n_edges; i++) {
        if (g->edges[i].n_relations > 1) /* NULL for "relations": [] */
            qsort(g->es[i].rels, g->edges[i].n_relations,
                  sizeof *g->es[i].rels, cmp_relation);
        cut_evidence(g, i);
        edge_sync(g, i);
    }
    sort_edges(g);
    g->sorted = true;
}

bool dyad_graph_is_sorted(const dyad_graph *g)
{
    return g->sorted; /* the list is listed in order whatever it holds */
}

/* ---- views ---- */

size_t dyad_graph_n_nodes(const dyad_graph *g) { return g->n_nodes; }
const dyad_node *dyad_graph_nodes(const dyad_graph *g) { return g->nodes; }
size_t dyad_graph_n_edges(const dyad_graph *g) { return g->n_edges; }
const dyad_edge *dyad_graph_edges(const dyad_graph *g) { return g->edges; }
