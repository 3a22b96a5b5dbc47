/* Reading dyad's JSON graph (src/lib/read_json.c). */
#ifndef DYAD_READ_H
#define DYAD_READ_H

#include <stdio.h>

#include "dyad/common.h"
#include "dyad/graph.h"

/* Reads dyad's JSON graph.  name is used in errors (file name or "-").
 * Errors carry line and column where they apply; a graph of another schema
 * version gives DYAD_ERR_SCHEMA.  On success *out is the caller's, to
 * release with dyad_graph_free. */
dyad_status dyad_read_json(dyad_graph **out, FILE *in, const char *name,
                           dyad_error *err);

#endif
