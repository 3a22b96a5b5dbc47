/* Writers and readers of dyad graphs.  Each format is one file under
 * src/lib.  Writers take a sorted graph (dyad_graph_sort) and return
 * DYAD_ERR_INVALID otherwise; they write to a stream the caller owns and
 * report a failed write as DYAD_ERR_IO. */
#ifndef DYAD_WRITE_H
#define DYAD_WRITE_H

#include <stdio.h>

#include "dyad/common.h"
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

/* The graph as DOT, built with cgraph and written by agwrite, carrying the
 * same styling as the SVG. */
dyad_status dyad_write_dot(const dyad_graph *g, FILE *out,
                           const dyad_draw_opts *opts, dyad_error *err);

/* The graph laid out and rendered in-process by gvc. */
dyad_status dyad_write_svg(const dyad_graph *g, FILE *out,
                           const dyad_draw_opts *opts, dyad_error *err);

/* Reads dyad's JSON graph.  name is used in errors (file name or "-").
 * Errors carry line and column where they apply; a graph of another schema
 * version gives DYAD_ERR_SCHEMA. */
dyad_status dyad_read_json(dyad_graph **out, FILE *in, const char *name,
                           dyad_error *err);

#endif
