/* dyad_diff: what changed from graph A to graph B.
 *
 * A diff is computed once from two sorted graphs and is then read-only.  It
 * copies every string it needs, so the graphs may be freed afterwards.  Its
 * model knows nothing of text, JSON or Graphviz: the writers (dyad/write.h,
 * src/lib/write/diff_*.c) turn it into a report, a JSON object, DOT or SVG.
 *
 * Nodes are matched by id, edges by (source id, target id), relations by
 * (verb, code).  A count missing on one side is 0.
 *
 * Ownership follows common.h: dyad_diff_new gives the caller a diff to
 * release with dyad_diff_free; every pointer an accessor returns is a
 * borrowed view, valid until the diff is freed. */
#ifndef DYAD_DIFF_H
#define DYAD_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dyad/common.h"
#include "dyad/graph.h"

typedef struct dyad_diff dyad_diff;

typedef enum {
    DYAD_DIFF_SAME = 0, /* in both, nothing changed */
    DYAD_DIFF_ADDED,    /* in B only */
    DYAD_DIFF_REMOVED,  /* in A only */
    DYAD_DIFF_CHANGED,  /* in both, with another count or tone */
} dyad_diff_kind;

/* One actor of A ∪ B.  A node in both is CHANGED when its mentions
 * differ.  label is B's where the actor is in B, else A's. */
typedef struct dyad_diff_node {
    const char *id;
    const char *label;
    dyad_diff_kind kind;
    long mentions_a, mentions_b; /* 0 on the side it is missing from */
} dyad_diff_node;

/* A relation (verb, code) of one edge whose count differs. */
typedef struct dyad_diff_verb {
    const char *verb;
    const char *cameo;
    const char *code;
    long count_a, count_b;
} dyad_diff_verb;

/* One edge of A ∪ B.  An edge in both is CHANGED when its weight, its acts,
 * the count of any relation or its tone (to 3 decimals) differ. */
typedef struct dyad_diff_edge {
    const char *source, *target; /* node ids */
    size_t source_node, target_node; /* indexes into dyad_diff_nodes */
    dyad_diff_kind kind;
    long weight_a, weight_b; /* 0 on the side it is missing from */
    long acts_a, acts_b;
    double goldstein_a, goldstein_b; /* meaningful where acts_x > 0 */
    size_t n_verbs; /* relations whose count changed, by |change|
                       descending, then verb, then code */
    const dyad_diff_verb *verbs;
} dyad_diff_edge;

/* Totals of one side. */
typedef struct dyad_diff_side {
    long documents, sentences;
    size_t nodes, edges;
    long acts;        /* sum of the edges' acts */
    double mean_tone; /* sum(goldstein × acts) / acts; 0 when acts == 0 */
} dyad_diff_side;

/* How alike A and B are, each in [0, 1]; 1.0 when both sides are empty.
 *   nodes:    |ids(A) ∩ ids(B)| / |ids(A) ∪ ids(B)|
 *   edges:    the same over (source, target) pairs
 *   weighted: Σ_e min(wA(e), wB(e)) / Σ_e max(wA(e), wB(e)) over A ∪ B */
typedef struct dyad_diff_similarity {
    double nodes, edges, weighted;
} dyad_diff_similarity;

/* Compares a (the old side) with b (the new).  Both must be sorted
 * (dyad_graph_sort), else DYAD_ERR_INVALID. */
dyad_status dyad_diff_new(dyad_diff **out, const dyad_graph *a,
                          const dyad_graph *b, dyad_error *err);
void dyad_diff_free(dyad_diff *d);

/* True when nothing differs: same nodes, mentions, edges, weights,
 * relations and tones.  (Documents and sentences read are not compared.) */
bool dyad_diff_is_empty(const dyad_diff *d);

const dyad_diff_side *dyad_diff_side_a(const dyad_diff *d);
const dyad_diff_side *dyad_diff_side_b(const dyad_diff *d);
const dyad_diff_similarity *dyad_diff_similarities(const dyad_diff *d);
/* Mean tone of B minus mean tone of A (0 where a side has no acts). */
double dyad_diff_tone_shift(const dyad_diff *d);

/* Every node of A ∪ B, sorted by id. */
size_t dyad_diff_n_nodes(const dyad_diff *d);
const dyad_diff_node *dyad_diff_nodes(const dyad_diff *d);

/* Every edge of A ∪ B, SAME ones included, sorted by the size of the change
 * in weight |wB − wA| descending, then |actsB − actsA| descending, then
 * source id, then target id. */
size_t dyad_diff_n_edges(const dyad_diff *d);
const dyad_diff_edge *dyad_diff_edges(const dyad_diff *d);
/* How many nodes (edges) are of this kind. */
size_t dyad_diff_count_nodes(const dyad_diff *d, dyad_diff_kind kind);
size_t dyad_diff_count_edges(const dyad_diff *d, dyad_diff_kind kind);

#endif
