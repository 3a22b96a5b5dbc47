/* The styled drawings of the drawn formats, on the Graphviz adapter
 * (gv_util.h): the pieces the graph's drawing (draw.c, written by dot.c
 * and svg.c) and the diff's union graph (diff_draw.c) share, and the
 * graph's drawing itself.  Not thread-safe: see gv_util.h.
 *
 * Ownership: a drawing returned here is the caller's, closed with
 * agclose. */
#ifndef DYAD_DRAW_H
#define DYAD_DRAW_H

#include <stdio.h>

#include "dyad/graph.h"
#include "dyad/write.h"
#include "gv_util.h"

/* The fonts, named once.  The graph's Helvetica is measured with Arial's
 * metrics by Graphviz either way; the diff drawing names Arial because
 * Graphviz writes Helvetica as font-family="Helvetica,sans-Serif", which
 * librsvg does not resolve (it draws the wider DejaVu Sans, and labels
 * overrun their boxes), while "Arial" resolves to Arial or its metric
 * twin Liberation Sans everywhere.  The graph keeps Helvetica so that its
 * DOT and SVG stay what they were. */
#define DRAW_FONT "Helvetica"
#define DRAW_FONT_DIFF "Arial"

/* The defaults every drawing starts from: layout=engine, font for the
 * graph, its nodes and its edges, the label (title and legend) on top,
 * edges drawn under nodes, nodes as rounded filled boxes.  A drawing adds
 * its own colours and sizes after. */
void draw_defaults(Agraph_t *g, const char *engine, const char *font);

/* "#rrggbb" for a mean Goldstein value on dyad's diverging, colour-blind
 * safe scale: -10 dark red, -5 orange, 0 grey, +5 light blue, +10 dark
 * blue.  buf must hold 8 bytes. */
void draw_goldstein_colour(double goldstein, char buf[8]);

/* Pen width 1..8 for weight, log-scaled against the heaviest edge. */
double draw_penwidth(long weight, long max_weight);

/* The layout engine: opts->engine if set, else by size (dot for small
 * graphs, neato for middling ones, sfdp for large). */
const char *draw_engine(const dyad_draw_opts *opts, size_t n_nodes,
                        size_t n_edges);

/* Writes drawing g to out as format: "dot" (agwrite, not laid out), or
 * laid out with its layout attribute and rendered ("svg").  All at once:
 * a failure writes nothing.  g stays the caller's. */
dyad_status draw_write(Agraph_t *g, const char *format, FILE *out,
                       dyad_error *err);

/* The checks before a drawing: a sorted graph (else an error naming
 * what, "dot"), of UTF-8 strings, and a UTF-8 title, which an HTML-like
 * label needs (Graphviz drops a label it cannot read). */
dyad_status draw_check(const dyad_graph *g, const dyad_draw_opts *opts,
                       const char *what, dyad_error *err);
dyad_status draw_check_title(const dyad_draw_opts *opts, dyad_error *err);

/* Bytes of a name (an actor's label, a document's, a side's) in a label
 * or a tooltip. */
#define DRAW_TEXT 120

/* A copy of s cut to max bytes on a UTF-8 boundary, "…" added if cut;
 * the caller's to free. */
char *draw_cut(const char *s, size_t max);

/* The nodes' names in the graph's drawing: ex_drawn_names (export.h) of
 * their ids, in the graph's order. */
char **draw_node_names(const dyad_graph *g);

/* The styled drawing of a sorted dyad_graph, as dyad_write_dot writes it
 * and dyad_write_svg draws it: nodes and edges added in canonical order,
 * the legend as the graph's HTML label, layout=engine.  opts may be
 * NULL. */
Agraph_t *draw_graph(const dyad_graph *g, const dyad_draw_opts *opts);

#endif
