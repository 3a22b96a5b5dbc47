/* The node-link JSON of a sorted graph, read as-is by NetworkX and D3.
 * Keys are set in a fixed order and dumped in that order; reals are
 * multiples of 0.1 or 0.001 and print as such. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>

#include "dyad/write.h"

/* Flags of the dump: one space of indent, insertion order, UTF-8 out. */
#define DUMP_FLAGS                                                           \
    (JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10))

/* Where the first string that was not valid UTF-8 sits, for the error. */
typedef struct writer {
    char bad[128];
} writer;

/* A JSON string, or null after noting where when s is not UTF-8 (the
 * format names the field: "nodes[%zu].label"). */
static json_t *jstr(writer *w, const char *s, const char *where, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static json_t *jstr(writer *w, const char *s, const char *where, ...)
{
    json_t *v = json_string(s ? s : "");
    if (v)
        return v;
    if (!w->bad[0]) {
        va_list ap;
        va_start(ap, where);
        vsnprintf(w->bad, sizeof w->bad, where, ap);
        va_end(ap);
    }
    return json_null();
}

static json_t *write_graph_attrs(const dyad_graph *g)
{
    json_t *o = json_object();
    json_object_set_new(o, "generator", json_string("dyad " DYAD_VERSION));
    json_object_set_new(o, "schema", json_integer(DYAD_SCHEMA));
    json_object_set_new(o, "documents",
                        json_integer(dyad_graph_documents(g)));
    json_object_set_new(o, "sentences",
                        json_integer(dyad_graph_sentences(g)));
    return o;
}

static json_t *write_nodes(writer *w, const dyad_graph *g)
{
    json_t *a = json_array();
    const dyad_node *n = dyad_graph_nodes(g);
    for (size_t i = 0; i < dyad_graph_n_nodes(g); i++) {
        json_t *o = json_object();
        json_object_set_new(o, "id", jstr(w, n[i].id, "nodes[%zu].id", i));
        json_object_set_new(o, "label",
                            jstr(w, n[i].label, "nodes[%zu].label", i));
        json_object_set_new(o, "mentions", json_integer(n[i].mentions));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *write_relations(writer *w, const dyad_edge *e, size_t link)
{
    json_t *a = json_array();
    for (size_t i = 0; i < e->n_relations; i++) {
        const dyad_relation *r = &e->relations[i];
        json_t *o = json_object();
        json_object_set_new(
            o, "verb",
            jstr(w, r->verb, "links[%zu].relations[%zu].verb", link, i));
        json_object_set_new(
            o, "cameo",
            jstr(w, r->cameo, "links[%zu].relations[%zu].cameo", link, i));
        json_object_set_new(
            o, "code",
            jstr(w, r->code, "links[%zu].relations[%zu].code", link, i));
        json_object_set_new(o, "goldstein", json_real(r->goldstein));
        json_object_set_new(o, "count", json_integer(r->count));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *write_evidence(writer *w, const dyad_edge *e, size_t link)
{
    json_t *a = json_array();
    for (size_t i = 0; i < e->n_evidence; i++) {
        const dyad_evidence *v = &e->evidence[i];
        json_t *o = json_object();
        json_object_set_new(
            o, "doc",
            jstr(w, v->doc, "links[%zu].evidence[%zu].doc", link, i));
        json_object_set_new(o, "sentence", json_integer(v->sentence));
        json_object_set_new(o, "offset", json_integer(v->offset));
        json_object_set_new(
            o, "verb",
            jstr(w, v->verb, "links[%zu].evidence[%zu].verb", link, i));
        json_object_set_new(
            o, "cameo",
            jstr(w, v->cameo, "links[%zu].evidence[%zu].cameo", link, i));
        json_object_set_new(
            o, "code",
            jstr(w, v->code, "links[%zu].evidence[%zu].code", link, i));
        json_object_set_new(
            o, "text",
            jstr(w, v->text, "links[%zu].evidence[%zu].text", link, i));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *write_links(writer *w, const dyad_graph *g)
{
    json_t *a = json_array();
    const dyad_node *n = dyad_graph_nodes(g);
    const dyad_edge *e = dyad_graph_edges(g);
    for (size_t i = 0; i < dyad_graph_n_edges(g); i++) {
        json_t *o = json_object();
        json_object_set_new(o, "source", json_string(n[e[i].source].id));
        json_object_set_new(o, "target", json_string(n[e[i].target].id));
        json_object_set_new(o, "weight", json_integer(e[i].weight));
        json_object_set_new(o, "acts", json_integer(e[i].acts));
        json_object_set_new(o, "goldstein", json_real(e[i].goldstein));
        json_object_set_new(o, "relations", write_relations(w, &e[i], i));
        json_object_set_new(o, "evidence", write_evidence(w, &e[i], i));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *write_root(writer *w, const dyad_graph *g)
{
    json_t *root = json_object();
    json_object_set_new(root, "directed", json_true());
    json_object_set_new(root, "multigraph", json_false());
    json_object_set_new(root, "graph", write_graph_attrs(g));
    json_object_set_new(root, "nodes", write_nodes(w, g));
    json_object_set_new(root, "links", write_links(w, g));
    return root;
}

dyad_status dyad_write_json(const dyad_graph *g, FILE *out, dyad_error *err)
{
    if (!dyad_graph_is_sorted(g))
        return dyad_fail(err, DYAD_ERR_INVALID, NULL, 0, 0,
                         "the graph is not sorted (call dyad_graph_sort)");
    writer w = {0};
    json_t *root = write_root(&w, g);
    dyad_status st = DYAD_OK;
    if (w.bad[0])
        st = dyad_fail(err, DYAD_ERR_INVALID, NULL, 0, 0,
                       "%s: not valid UTF-8", w.bad);
    else if (json_dumpf(root, out, DUMP_FLAGS) != 0 ||
             fputc('\n', out) == EOF || fflush(out) != 0 || ferror(out))
        st = dyad_fail(err, DYAD_ERR_IO, NULL, 0, 0,
                       "cannot write the JSON graph");
    json_decref(root);
    return st;
}
