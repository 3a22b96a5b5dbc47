/* Writers of dyad graphs and diffs, one file per format under
 * src/lib/write/ (the reader is dyad/read.h).  Writers take a sorted graph
 * (dyad_graph_sort) and return DYAD_ERR_INVALID otherwise; they write to a
 * stream the caller owns and report a failed write as DYAD_ERR_IO. */
#ifndef DYAD_WRITE_H
#define DYAD_WRITE_H

#include <stdio.h>

#include "dyad/common.h"
#include "dyad/dict.h"
#include "dyad/diff.h"
#include "dyad/docs.h"
#include "dyad/graph.h"

/* Options of the drawn formats. */
typedef struct dyad_draw_opts {
    const char *engine; /* Graphviz layout: "dot", "neato", "sfdp"...;
                           NULL chooses by the graph's size */
    const char *title;  /* drawn above the legend; NULL: none */
    int min_weight;     /* edges lighter than this are not drawn (0: all) */
} dyad_draw_opts;

/* The node-link JSON of the SPEC, with a trailing newline. */
dyad_status dyad_write_json(const dyad_graph *g, FILE *out, dyad_error *err);
/* The same bytes, checked and formatted on jobs threads (the caller's
 * among them; <= 1: the caller's only) and written in order, with a few
 * megabytes of chunks in memory at a time. */
dyad_status dyad_write_json_jobs(const dyad_graph *g, FILE *out, int jobs,
                                 dyad_error *err);

/* The graph as DOT, built with cgraph and written by agwrite, carrying the
 * same styling as the SVG. */
dyad_status dyad_write_dot(const dyad_graph *g, FILE *out,
                           const dyad_draw_opts *opts, dyad_error *err);

/* The graph laid out and rendered in-process by gvc. */
dyad_status dyad_write_svg(const dyad_graph *g, FILE *out,
                           const dyad_draw_opts *opts, dyad_error *err);

/* ---- for other tools: GraphML, GEXF, CSV (src/lib/write/) ----
 *
 * What these formats carry that the graph does not: the actor kinds (from
 * the dictionary the graph was extracted with) and the document dates.
 * Both are optional; without them the kind and date fields are left out
 * (GraphML, GEXF) or empty (CSV).  The evidence written is the graph's,
 * so a cap set with dyad_graph_set_evidence_cap applies. */
typedef struct dyad_export_opts {
    const dyad_dict *dict; /* actor kinds by id; NULL: none */
    const dyad_docs *docs; /* document dates; NULL: none */
} dyad_export_opts;

/* GraphML with a typed <key> per attribute (docs/formats.md), for
 * NetworkX, igraph, yEd and Cytoscape.  opts may be NULL. */
dyad_status dyad_write_graphml(const dyad_graph *g, FILE *out,
                               const dyad_export_opts *opts, dyad_error *err);

/* GEXF 1.3 for Gephi: declared attributes, edge weights and, when any
 * evidence has a dated document, mode="dynamic" with each edge's start
 * (its earliest date).  opts may be NULL. */
dyad_status dyad_write_gexf(const dyad_graph *g, FILE *out,
                            const dyad_export_opts *opts, dyad_error *err);

/* The three tables of the CSV export, each RFC 4180 (CRLF, quotes where
 * needed) with a header row in neo4j-admin import form: the actors
 * (id:ID), the edges (:START_ID, :END_ID, :TYPE ACTS_ON) and one row per
 * evidence item (:TYPE EVIDENCE). */
dyad_status dyad_write_csv_nodes(const dyad_graph *g, FILE *out,
                                 const dyad_export_opts *opts,
                                 dyad_error *err);
dyad_status dyad_write_csv_edges(const dyad_graph *g, FILE *out,
                                 const dyad_export_opts *opts,
                                 dyad_error *err);
dyad_status dyad_write_csv_evidence(const dyad_graph *g, FILE *out,
                                    const dyad_export_opts *opts,
                                    dyad_error *err);

/* A self-contained HTML report (one file, no network): the SVG with zoom
 * and pan, the evidence of an edge or an actor on a click, filters by
 * CAMEO root, tone, weight and text, a sortable table of the edges.
 * Draws with Graphviz, so the thread rule of the drawn formats holds.
 * draw and opts may be NULL; draw->title titles the page. */
dyad_status dyad_write_html(const dyad_graph *g, FILE *out,
                            const dyad_draw_opts *draw,
                            const dyad_export_opts *opts, dyad_error *err);

/* ---- of a diff (diff_text.c, diff_json.c, diff_draw.c) ----
 *
 * label_a and label_b name the sides ("march", "reuters"); NULL gives "A"
 * and "B". */

/* The readable report (docs/diff.md), for a terminal: control characters
 * in ids and labels are shown as \xHH (C1 controls as \u00HH). */
dyad_status dyad_diff_write_text(const dyad_diff *d, FILE *out,
                                 const char *label_a, const char *label_b,
                                 dyad_error *err);
/* The same as one JSON object, keys in a fixed order, trailing newline. */
dyad_status dyad_diff_write_json(const dyad_diff *d, FILE *out,
                                 const char *label_a, const char *label_b,
                                 dyad_error *err);
/* The union graph, styled by change: DOT (not laid out) and SVG.  opts may
 * be NULL; opts->title replaces the default title "A → B";
 * opts->min_weight hides SAME edges lighter than it. */
dyad_status dyad_diff_write_dot(const dyad_diff *d, FILE *out,
                                const char *label_a, const char *label_b,
                                const dyad_draw_opts *opts, dyad_error *err);
dyad_status dyad_diff_write_svg(const dyad_diff *d, FILE *out,
                                const char *label_a, const char *label_b,
                                const dyad_draw_opts *opts, dyad_error *err);

/* The union graph for other tools: every node and edge of A ∪ B with its
 * change ("added", "removed", "changed", "unchanged") and both sides'
 * figures (docs/diff.md), as GraphML (keys declared like
 * dyad_write_graphml's) and as GEXF 1.3 (static). */
dyad_status dyad_diff_write_graphml(const dyad_diff *d, FILE *out,
                                    const char *label_a, const char *label_b,
                                    dyad_error *err);
dyad_status dyad_diff_write_gexf(const dyad_diff *d, FILE *out,
                                 const char *label_a, const char *label_b,
                                 dyad_error *err);

/* A self-contained HTML page of the diff: the figures of both sides, the
 * drawing of the union graph (dyad_diff_write_svg) and a table of the
 * edges that changed; clicking a row or an edge marks both.  Draws with
 * Graphviz: the thread rule of the drawn formats holds. */
dyad_status dyad_diff_write_html(const dyad_diff *d, FILE *out,
                                 const char *label_a, const char *label_b,
                                 const dyad_draw_opts *opts, dyad_error *err);

#endif
