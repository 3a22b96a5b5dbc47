/* Reading dyad's JSON graph (src/lib/read_json.c). */
#ifndef DYAD_READ_H
#define DYAD_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dyad/common.h"
#include "dyad/graph.h"

/* Reads dyad's JSON graph.  name is used in errors (file name or "-").
 * Errors carry line and column where they apply; a graph of another schema
 * version gives DYAD_ERR_SCHEMA.  On success *out is the caller's, to
 * release with dyad_graph_free. */
dyad_status dyad_read_json(dyad_graph **out, FILE *in, const char *name,
                           dyad_error *err);

/* What a reader may leave out, so that memory follows what is used. */
typedef struct dyad_read_opts {
    size_t evidence_cap; /* keep at most this many items per edge, the
                            first in canonical order (0: all), as
                            dyad_graph_set_evidence_cap */
    bool no_evidence;    /* check the evidence and the documents, keep
                            neither (diff) */
    bool no_stream;      /* load the whole file as one tree: the reference
                            the streaming pass is tested against */
} dyad_read_opts;

/* As dyad_read_json; opts may be NULL (keep everything).  A graph in
 * dyad's own key order is read in one streaming pass, in memory bounded by
 * the graph kept (a pipe is first copied to a temporary file); other input
 * is loaded whole.  Errors are the same either way. */
dyad_status dyad_read_json_opts(dyad_graph **out, FILE *in, const char *name,
                                const dyad_read_opts *opts, dyad_error *err);

#endif
