/* dyad_graph: actors and who did what to whom, with the evidence.
 *
 * The graph knows nothing of text, Graphviz or JSON.  Extraction adds
 * mentions and acts; merge sums graphs; the writers read it.  Memory grows
 * with the graph (nodes, edges, evidence), never with the text read.
 *
 * Edges are keyed by (source, target).  An edge's weight is the number of
 * distinct sentences that state an act of the pair; its goldstein is the
 * mean Goldstein value of those acts; relations count acts per (verb, code);
 * evidence lists every act with its sentence.
 *
 * Canonical order (dyad_graph_sort): nodes by id; edges by (source id,
 * target id); relations by count descending, then verb, then code;
 * evidence by (doc, sentence, offset, verb, code).  Writers expect a sorted
 * graph; any change unsorts it.
 *
 * Counts (mentions, weights, acts, relation counts, documents, sentences)
 * stay within DYAD_MAX_COUNT, and so does the sum of a graph's acts: the
 * JSON reader refuses a graph past it and merge refuses a sum past it.
 * The functions below that add to a count stop at the limit instead of
 * wrapping; a Goldstein value is taken within [-10, 10]. */
#ifndef DYAD_GRAPH_H
#define DYAD_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "dyad/common.h"
#include "dyad/docs.h"

typedef struct dyad_graph dyad_graph;

/* 2^53 - 1: the largest count dyad keeps, the largest integer every JSON
 * reader (JavaScript's included) holds exactly. */
#define DYAD_MAX_COUNT 9007199254740991L

typedef struct dyad_node {
    const char *id;    /* "afghan-taliban" */
    const char *label; /* "Afghan Taliban" */
    long mentions;
} dyad_node;

typedef struct dyad_relation {
    const char *verb;  /* lemma: "urge", "call on" */
    const char *cameo; /* root, two digits: "02" */
    const char *code;  /* full CAMEO code where known, else the root */
    double goldstein;  /* of this verb; one decimal */
    long count;        /* acts */
} dyad_relation;

typedef struct dyad_evidence {
    const char *doc; /* document name, as given to extraction */
    long sentence;   /* 1-based number of the sentence in its document */
    long offset;     /* byte offset of the sentence in its document */
    const char *verb;
    const char *cameo;
    const char *code;
    const char *text; /* the sentence, whitespace runs folded to a space */
} dyad_evidence;

typedef struct dyad_edge {
    size_t source; /* node indexes */
    size_t target;
    long weight;      /* distinct evidence sentences */
    long acts;        /* sum of relation counts */
    double goldstein; /* mean over acts, rounded to 3 decimals */
    size_t n_relations;
    const dyad_relation *relations;
    size_t n_evidence; /* may be below acts when a cap is set */
    const dyad_evidence *evidence;
} dyad_edge;

/* One act to record: the strings are copied (interned). */
typedef struct dyad_act {
    const char *verb;
    const char *cameo;
    const char *code;
    double goldstein;
    const char *doc;
    long sentence;
    long offset;
    const char *text; /* need not be NUL-terminated: text_len bytes */
    size_t text_len;
} dyad_act;

dyad_graph *dyad_graph_new(void);
void dyad_graph_free(dyad_graph *g);

/* Keep at most cap evidence items per edge (0: all, the default).  Counts,
 * weights and relations stay exact. */
void dyad_graph_set_evidence_cap(dyad_graph *g, size_t cap);

/* Adds documents and sentences read to the graph's totals. */
void dyad_graph_count(dyad_graph *g, long documents, long sentences);
long dyad_graph_documents(const dyad_graph *g);
long dyad_graph_sentences(const dyad_graph *g);

/* ---- the documents a graph was built from ----
 *
 * Beside the count, a graph lists its documents by name (dyad_extract adds
 * each one it reads; the JSON carries the list), with dates where known,
 * so that merge can tell a document it already has whatever path its
 * graph came by.  The list may hold fewer names than the count: a graph
 * of an older dyad has none, and a name read twice is listed once. */

/* Lists doc, with its date (YYYY-MM-DD; NULL or not a date: none, or the
 * one it has); false if doc was listed already.  Once the list has spilled
 * to disk (docs.h), a name spilled before is not looked up: it is listed
 * once all the same, marked repeated (dyad_docs_item). */
bool dyad_graph_document(dyad_graph *g, const char *doc, const char *date);
/* Dates each listed document that dates has a date for (the earlier of
 * two wins): one join of the two sorted listings, in bounded memory. */
void dyad_graph_date_documents(dyad_graph *g, const dyad_docs *dates);
/* The list: a borrowed view (dyad_docs_iter lists it in byte order). */
const dyad_docs *dyad_graph_docs(const dyad_graph *g);
/* How many documents of b a lists too, by one join of the two sorted
 * listings; *example (if not NULL) receives a copy of the first of them in
 * byte order, the caller's to free, or NULL. */
size_t dyad_graph_shared_documents(const dyad_graph *a, const dyad_graph *b,
                                   char **example);
/* A new table of the dates of the documents g's evidence names (those the
 * list dates), held in memory: what the exporters look evidence dates up
 * in (dyad_export_opts.docs).  It grows with the evidence kept, not with
 * the documents read.  The caller frees it. */
dyad_docs *dyad_graph_evidence_dates(const dyad_graph *g);

/* The node with this id, added with this label and no mentions if new.
 * Returns its index (valid until the next dyad_graph_sort). */
size_t dyad_graph_node(dyad_graph *g, const char *id, const char *label);
void dyad_graph_mention(dyad_graph *g, size_t node, long n);

/* Records that source acted on target.  Self-loops are ignored (returns
 * false).  Acts of one document must arrive in sentence order. */
bool dyad_graph_act(dyad_graph *g, size_t source, size_t target,
                    const dyad_act *act);

/* For readers of serialised graphs: an edge with its totals given, then its
 * relations and evidence, so that a graph read back is the graph written. */
size_t dyad_graph_edge(dyad_graph *g, size_t source, size_t target,
                       long weight);
void dyad_graph_relation(dyad_graph *g, size_t edge,
                         const dyad_relation *rel);
void dyad_graph_evidence(dyad_graph *g, size_t edge, const dyad_evidence *ev);

/* Adds everything in from to into: mentions, weights, relations, evidence,
 * totals and the list of documents (see dyad_graph_shared_documents for a
 * document in both: it is listed once, and its counts are added twice).
 * Associative and commutative once sorted.  Fails with DYAD_ERR_INVALID,
 * changing nothing, when a node id carries two labels, a (verb, code) two
 * Goldstein values, or a sum would pass DYAD_MAX_COUNT. */
dyad_status dyad_graph_merge(dyad_graph *into, const dyad_graph *from,
                             dyad_error *err);

/* As dyad_graph_merge, but from's evidence (and its list of documents,
 * when into lists none) is moved into into, not copied (the worker graphs
 * of a run, a graph just read): on success from keeps its nodes, edges and
 * relations and has no evidence left; free it.  On failure neither graph
 * changes. */
dyad_status dyad_graph_merge_move(dyad_graph *into, dyad_graph *from,
                                  dyad_error *err);

/* Puts the graph in canonical order (see above); node and edge indexes
 * change.  Idempotent. */
void dyad_graph_sort(dyad_graph *g);
bool dyad_graph_is_sorted(const dyad_graph *g);

/* Borrowed views, valid until the graph changes. */
size_t dyad_graph_n_nodes(const dyad_graph *g);
const dyad_node *dyad_graph_nodes(const dyad_graph *g);
size_t dyad_graph_n_edges(const dyad_graph *g);
const dyad_edge *dyad_graph_edges(const dyad_graph *g);
/* Index of the node with this id, or (size_t)-1. */
size_t dyad_graph_find(const dyad_graph *g, const char *id);

#endif
