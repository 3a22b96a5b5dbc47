/* The node-link JSON of a sorted graph, read as-is by NetworkX and D3.
 *
 * The frame (top-level keys, the arrays) is written here; each node and
 * link is built as a Jansson object, dumped and freed in turn, so memory
 * stays at one link however large the graph (a whole-graph tree costs
 * over 1 KB per evidence item and most of the time in malloc).  Keys are
 * set in a fixed order and dumped in that order; the reals are multiples
 * of 0.1 or 0.001 and print as such.  Every string is checked as UTF-8
 * before the first byte is written, so a bad graph writes nothing. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dyad/extract.h"
#include "dyad/write.h"
#include "text.h"
#include "util.h"

#define DUMP_FLAGS                                                           \
    (JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10))

/* ---- UTF-8, as Jansson accepts it (text_utf8_ok) ---- */

/* The JSON path of the first string that is not UTF-8, or "" if none. */
typedef struct where {
    char path[128];
} where;

static bool check_relations(const dyad_edge *e, size_t link, where *w)
{
    static const char *const key[] = {"verb", "cameo", "code"};
    for (size_t i = 0; i < e->n_relations; i++) {
        const dyad_relation *r = &e->relations[i];
        const char *v[] = {r->verb, r->cameo, r->code};
        for (int k = 0; k < 3; k++)
            if (!text_utf8_ok(v[k])) {
                snprintf(w->path, sizeof w->path,
                         "links[%zu].relations[%zu].%s", link, i, key[k]);
                return false;
            }
    }
    return true;
}

static bool check_evidence(const dyad_edge *e, size_t link, where *w)
{
    static const char *const key[] = {"doc", "verb", "cameo", "code", "text"};
    for (size_t i = 0; i < e->n_evidence; i++) {
        const dyad_evidence *x = &e->evidence[i];
        const char *v[] = {x->doc, x->verb, x->cameo, x->code, x->text};
        for (int k = 0; k < 5; k++)
            if (!text_utf8_ok(v[k])) {
                snprintf(w->path, sizeof w->path,
                         "links[%zu].evidence[%zu].%s", link, i, key[k]);
                return false;
            }
    }
    return true;
}

static bool check_strings(const dyad_graph *g, where *w)
{
    const dyad_node *n = dyad_graph_nodes(g);
    for (size_t i = 0; i < dyad_graph_n_nodes(g); i++)
        if (!text_utf8_ok(n[i].id) || !text_utf8_ok(n[i].label)) {
            snprintf(w->path, sizeof w->path, "nodes[%zu].%s", i,
                     text_utf8_ok(n[i].id) ? "label" : "id");
            return false;
        }
    const dyad_edge *e = dyad_graph_edges(g);
    for (size_t i = 0; i < dyad_graph_n_edges(g); i++)
        if (!check_relations(&e[i], i, w) || !check_evidence(&e[i], i, w))
            return false;
    return true;
}

/* ---- the objects ---- */

static json_t *graph_attrs(const dyad_graph *g)
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

static json_t *node_object(const dyad_node *n)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(n->id));
    json_object_set_new(o, "label", json_string(n->label));
    if (dyad_is_open_actor(n->id)) /* --open-actors; dictionary nodes carry none */
        json_object_set_new(o, "kind", json_string("unknown"));
    json_object_set_new(o, "mentions", json_integer(n->mentions));
    return o;
}

static json_t *relations_array(const dyad_edge *e)
{
    json_t *a = json_array();
    for (size_t i = 0; i < e->n_relations; i++) {
        const dyad_relation *r = &e->relations[i];
        json_t *o = json_object();
        json_object_set_new(o, "verb", json_string(r->verb));
        json_object_set_new(o, "cameo", json_string(r->cameo));
        json_object_set_new(o, "code", json_string(r->code));
        json_object_set_new(o, "goldstein", json_real(r->goldstein));
        json_object_set_new(o, "count", json_integer(r->count));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *evidence_array(const dyad_edge *e)
{
    json_t *a = json_array();
    for (size_t i = 0; i < e->n_evidence; i++) {
        const dyad_evidence *v = &e->evidence[i];
        json_t *o = json_object();
        json_object_set_new(o, "doc", json_string(v->doc));
        json_object_set_new(o, "sentence", json_integer(v->sentence));
        json_object_set_new(o, "offset", json_integer(v->offset));
        json_object_set_new(o, "verb", json_string(v->verb));
        json_object_set_new(o, "cameo", json_string(v->cameo));
        json_object_set_new(o, "code", json_string(v->code));
        json_object_set_new(o, "text", json_string(v->text));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *link_object(const dyad_graph *g, const dyad_edge *e)
{
    const dyad_node *n = dyad_graph_nodes(g);
    json_t *o = json_object();
    json_object_set_new(o, "source", json_string(n[e->source].id));
    json_object_set_new(o, "target", json_string(n[e->target].id));
    json_object_set_new(o, "weight", json_integer(e->weight));
    json_object_set_new(o, "acts", json_integer(e->acts));
    json_object_set_new(o, "goldstein", json_real(e->goldstein));
    json_object_set_new(o, "relations", relations_array(e));
    json_object_set_new(o, "evidence", evidence_array(e));
    return o;
}

/* ---- the frame ---- */

/* Each value is dumped into buf, with indent spaces after each newline
 * (the depth of the value in the frame), then written at once: Jansson
 * calls back for every token. */
typedef struct sink {
    FILE *out;
    strbuf buf;
    int indent;
} sink;

static int put_indented(const char *buf, size_t size, void *data)
{
    static const char spaces[] = "        ";
    sink *s = data;
    const char *p = buf, *end = buf + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t k = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        sb_add(&s->buf, p, k);
        if (nl)
            sb_add(&s->buf, spaces, (size_t)s->indent);
        p += k;
    }
    return 0;
}

/* Dumps v (taking it) as a value at depth indent; false on failure. */
static bool dump(sink *s, json_t *v, int indent)
{
    s->buf.len = 0;
    s->indent = indent;
    bool ok = v && json_dump_callback(v, put_indented, s, DUMP_FLAGS) == 0;
    json_decref(v);
    return ok && fwrite(s->buf.s, 1, s->buf.len, s->out) == s->buf.len;
}

static bool write_nodes(const dyad_graph *g, sink *s)
{
    FILE *out = s->out;
    size_t n = dyad_graph_n_nodes(g);
    bool ok = fputs(n ? "[\n" : "[]", out) >= 0;
    for (size_t i = 0; ok && i < n; i++)
        ok = fputs("  ", out) >= 0 &&
             dump(s, node_object(&dyad_graph_nodes(g)[i]), 2) &&
             fputs(i + 1 < n ? ",\n" : "\n ]", out) >= 0;
    return ok;
}

static bool write_links(const dyad_graph *g, sink *s)
{
    FILE *out = s->out;
    size_t n = dyad_graph_n_edges(g);
    bool ok = fputs(n ? "[\n" : "[]", out) >= 0;
    for (size_t i = 0; ok && i < n; i++)
        ok = fputs("  ", out) >= 0 &&
             dump(s, link_object(g, &dyad_graph_edges(g)[i]), 2) &&
             fputs(i + 1 < n ? ",\n" : "\n ]", out) >= 0;
    return ok;
}

static bool write_all(const dyad_graph *g, sink *s)
{
    FILE *out = s->out;
    return fputs("{\n \"directed\": true,\n \"multigraph\": false,\n"
                 " \"graph\": ",
                 out) >= 0 &&
           dump(s, graph_attrs(g), 1) && fputs(",\n \"nodes\": ", out) >= 0 &&
           write_nodes(g, s) && fputs(",\n \"links\": ", out) >= 0 &&
           write_links(g, s) && fputs("\n}\n", out) >= 0;
}

dyad_status dyad_write_json(const dyad_graph *g, FILE *out, dyad_error *err)
{
    if (!dyad_graph_is_sorted(g))
        return dyad_fail(err, DYAD_ERR_INVALID, NULL, 0, 0,
                         "the graph is not sorted (call dyad_graph_sort)");
    where w = {{0}};
    if (!check_strings(g, &w))
        return dyad_fail(err, DYAD_ERR_INVALID, NULL, 0, 0,
                         "%s: not valid UTF-8", w.path);
    sink s = {out, {0}, 0};
    bool ok = write_all(g, &s);
    sb_free(&s.buf);
    if (!ok || fflush(out) != 0 || ferror(out))
        return dyad_fail(err, DYAD_ERR_IO, NULL, 0, 0,
                         "cannot write the JSON graph");
    return DYAD_OK;
}
