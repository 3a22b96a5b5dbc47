/* What the two passes of the JSON reader share (read_json.c, the tree
 * pass and the checks; read_stream.c, the streaming pass): the reader's
 * state and the checks of each part of a graph.  Each check names the
 * JSON path of what it refuses through r->err and returns a status; path
 * is the JSON path of the value given ("links[3]"). */
#ifndef DYAD_READ_JSON_H
#define DYAD_READ_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "atom.h"
#include "dyad/docs.h"
#include "dyad/graph.h"
#include "json_scan.h"

typedef struct reader {
    dyad_graph *g;
    const char *name;
    dyad_error *err;
    atoms *verbs; /* "verb\ncode" keys */
    long *tenths; /* Goldstein tenths by verbs atom */
    size_t cap_tenths;
    long acts;   /* the relations' counts so far, over all links */
    size_t n_ev; /* evidence items read in the current link */
    bool no_evidence;
    dyad_docs *seen_docs; /* the documents listed, when g keeps none */
    size_t n_docs;
} reader;

dyad_status rj_check_bool(reader *r, json_t *root, const char *key,
                          bool want);
dyad_status rj_check_documents(reader *r);
dyad_status rj_check_totals(reader *r, const char *path, size_t e, long acts,
                            double goldstein);
dyad_status rj_get_array(reader *r, json_t *obj, const char *path,
                         const char *key, json_t **out);
dyad_status rj_get_long(reader *r, json_t *obj, const char *path,
                        const char *key, long min, long *out);
dyad_status rj_get_real(reader *r, json_t *obj, const char *path,
                        const char *key, double *out);
dyad_status rj_new_edge(reader *r, json_t *v, const char *path, long weight,
                        size_t *e);
dyad_status rj_read_document(reader *r, json_t *v, size_t i);
dyad_status rj_read_evidence(reader *r, json_t *v, const char *link, size_t i,
                             size_t e);
dyad_status rj_read_header(reader *r, json_t *root);
dyad_status rj_read_node(reader *r, json_t *v, size_t i);
dyad_status rj_read_relation(reader *r, json_t *v, const char *link, size_t i,
                             size_t e);

/* The streaming pass over a whole graph: false where the tree pass must
 * decide (another order, an error, anything the scanner does not take). */
bool rj_stream_root(reader *r, json_scan *sc);

#endif
