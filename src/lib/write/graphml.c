/* dyad_write_graphml: the graph as GraphML, with a typed <key> for every
 * attribute of the JSON graph, so that NetworkX (read_graphml), igraph,
 * yEd and Cytoscape read numbers as numbers.  Relations become the main
 * verb and CAMEO root and "verb:count;..." summaries; evidence becomes one
 * string, an item a line.  Written a node or an edge at a time. */
#include <stdlib.h>
#include <string.h>

#include "export.h"

typedef struct key {
    const char *id, *domain, *name, *type;
} key;

/* The order of the keys is the order of the <data> of each element. */
static const key keys[] = {
    {"g_generator", "graph", "generator", "string"},
    {"g_documents", "graph", "documents", "long"},
    {"g_sentences", "graph", "sentences", "long"},
    {"n_label", "node", "label", "string"},
    {"n_kind", "node", "kind", "string"},
    {"n_mentions", "node", "mentions", "long"},
    {"e_weight", "edge", "weight", "long"},
    {"e_acts", "edge", "acts", "long"},
    {"e_goldstein", "edge", "goldstein", "double"},
    {"e_verb", "edge", "verb", "string"},
    {"e_cameo", "edge", "cameo", "string"},
    {"e_verbs", "edge", "verbs", "string"},
    {"e_roots", "edge", "roots", "string"},
    {"e_first_date", "edge", "first_date", "string"},
    {"e_last_date", "edge", "last_date", "string"},
    {"e_evidence", "edge", "evidence", "string"},
};

static void put_keys(strbuf *b)
{
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        sb_printf(b,
                  "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" "
                  "attr.type=\"%s\"/>\n",
                  keys[i].id, keys[i].domain, keys[i].name, keys[i].type);
}

/* <data key="k">text</data> on its own line at depth indent. */
static void put_data(strbuf *b, int indent, const char *k, const char *text)
{
    sb_printf(b, "%*s<data key=\"%s\">", indent, "", k);
    ex_xml(b, text);
    sb_puts(b, "</data>\n");
}

static void put_long(strbuf *b, int indent, const char *k, long v)
{
    sb_printf(b, "%*s<data key=\"%s\">%ld</data>\n", indent, "", k, v);
}

static void put_head(strbuf *b, const dyad_graph *g)
{
    sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
               "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    put_keys(b);
    sb_puts(b, "  <graph id=\"dyad\" edgedefault=\"directed\">\n");
    put_data(b, 4, "g_generator", "dyad " DYAD_VERSION);
    put_long(b, 4, "g_documents", dyad_graph_documents(g));
    put_long(b, 4, "g_sentences", dyad_graph_sentences(g));
}

static void put_node(strbuf *b, const dyad_node *n,
                     const dyad_export_opts *opts)
{
    sb_puts(b, "    <node id=\"");
    ex_xml(b, n->id);
    sb_puts(b, "\">\n");
    put_data(b, 6, "n_label", n->label);
    const char *kind = ex_kind(opts, n->id);
    if (kind)
        put_data(b, 6, "n_kind", kind);
    put_long(b, 6, "n_mentions", n->mentions);
    sb_puts(b, "    </node>\n");
}

/* The main verb and root, then the summaries. */
static void put_relations(strbuf *b, const dyad_edge *e)
{
    ex_count *verbs, *roots;
    size_t nv = ex_verbs(e, &verbs), nr = ex_roots(e, &roots);
    if (nv)
        put_data(b, 6, "e_verb", verbs[0].name);
    if (nr)
        put_data(b, 6, "e_cameo", roots[0].name);
    strbuf s = {0};
    ex_counts(&s, verbs, nv);
    put_data(b, 6, "e_verbs", s.s ? s.s : "");
    s.len = 0;
    ex_counts(&s, roots, nr);
    put_data(b, 6, "e_roots", s.s ? s.s : "");
    sb_free(&s);
    free(roots);
    free(verbs);
}

static void put_edge(strbuf *b, const dyad_graph *g, size_t i,
                     const dyad_export_opts *opts)
{
    const dyad_edge *e = &dyad_graph_edges(g)[i];
    const dyad_node *n = dyad_graph_nodes(g);
    sb_printf(b, "    <edge id=\"e%zu\" source=\"", i);
    ex_xml(b, n[e->source].id);
    sb_puts(b, "\" target=\"");
    ex_xml(b, n[e->target].id);
    sb_puts(b, "\">\n");
    put_long(b, 6, "e_weight", e->weight);
    put_long(b, 6, "e_acts", e->acts);
    sb_puts(b, "      <data key=\"e_goldstein\">");
    ex_real(b, e->goldstein);
    sb_puts(b, "</data>\n");
    put_relations(b, e);
    const char *first, *last;
    if (ex_dates(e, ex_docs(opts), &first, &last)) {
        put_data(b, 6, "e_first_date", first);
        put_data(b, 6, "e_last_date", last);
    }
    strbuf s = {0};
    ex_evidence(&s, e, ex_docs(opts));
    put_data(b, 6, "e_evidence", s.s ? s.s : "");
    sb_free(&s);
    sb_puts(b, "    </edge>\n");
}

static bool write_all(const dyad_graph *g, FILE *out,
                      const dyad_export_opts *opts, strbuf *b)
{
    put_head(b, g);
    bool ok = ex_flush(b, out);
    for (size_t i = 0; ok && i < dyad_graph_n_nodes(g); i++) {
        put_node(b, &dyad_graph_nodes(g)[i], opts);
        ok = ex_flush(b, out);
    }
    for (size_t i = 0; ok && i < dyad_graph_n_edges(g); i++) {
        put_edge(b, g, i, opts);
        ok = ex_flush(b, out);
    }
    sb_puts(b, "  </graph>\n</graphml>\n");
    return ok && ex_flush(b, out);
}

dyad_status dyad_write_graphml(const dyad_graph *g, FILE *out,
                               const dyad_export_opts *opts, dyad_error *err)
{
    dyad_status st = ex_begin(g, "graphml", err);
    if (st != DYAD_OK)
        return st;
    strbuf b = {0};
    bool ok = write_all(g, out, opts, &b);
    sb_free(&b);
    return ex_end(ok, out, "GraphML", err);
}
