/* dyad_write_graphml: the graph as GraphML, with a typed <key> for every
 * attribute of the JSON graph, so that NetworkX (read_graphml), igraph,
 * yEd and Cytoscape read numbers as numbers.  Relations become the main
 * verb and CAMEO root and "verb:count;..." summaries; evidence becomes one
 * string, an item a line.  Written a node or an edge at a time. */
#include <stdlib.h>
#include <string.h>

#include "diff_util.h"
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

/* The union graph of a diff: each side's figures, and a change per node
 * and edge (docs/diff.md). */
static const key diff_keys[] = {
    {"g_generator", "graph", "generator", "string"},
    {"g_label_a", "graph", "label_a", "string"},
    {"g_label_b", "graph", "label_b", "string"},
    {"g_sim_nodes", "graph", "similarity_nodes", "double"},
    {"g_sim_edges", "graph", "similarity_edges", "double"},
    {"g_sim_weighted", "graph", "similarity_weighted", "double"},
    {"g_tone_shift", "graph", "tone_shift", "double"},
    {"n_label", "node", "label", "string"},
    {"n_change", "node", "change", "string"},
    {"n_mentions_a", "node", "mentions_a", "long"},
    {"n_mentions_b", "node", "mentions_b", "long"},
    {"e_change", "edge", "change", "string"},
    {"e_weight_a", "edge", "weight_a", "long"},
    {"e_weight_b", "edge", "weight_b", "long"},
    {"e_acts_a", "edge", "acts_a", "long"},
    {"e_acts_b", "edge", "acts_b", "long"},
    {"e_goldstein_a", "edge", "goldstein_a", "double"},
    {"e_goldstein_b", "edge", "goldstein_b", "double"},
    {"e_verbs", "edge", "verbs", "string"},
};

static void put_key_table(strbuf *b, const key *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_printf(b,
                  "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" "
                  "attr.type=\"%s\"/>\n",
                  k[i].id, k[i].domain, k[i].name, k[i].type);
}

static void put_keys(strbuf *b)
{
    put_key_table(b, keys, sizeof keys / sizeof keys[0]);
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

static void put_real(strbuf *b, int indent, const char *k, double v)
{
    sb_printf(b, "%*s<data key=\"%s\">", indent, "", k);
    ex_real(b, v);
    sb_puts(b, "</data>\n");
}

static void put_prolog(strbuf *b)
{
    sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
               "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
}

static void put_head(strbuf *b, const dyad_graph *g)
{
    put_prolog(b);
    put_keys(b);
    sb_puts(b, "  <graph id=\"dyad\" edgedefault=\"directed\">\n");
    put_data(b, 4, "g_generator", "dyad " DYAD_VERSION);
    put_long(b, 4, "g_documents", dyad_graph_documents(g));
    put_long(b, 4, "g_sentences", dyad_graph_sentences(g));
}

static void put_node(strbuf *b, const dyad_node *n, const ex_ids *x,
                     size_t i, const dyad_export_opts *opts)
{
    sb_puts(b, "    <node id=\"");
    ex_put_id(b, x, i);
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
                     const ex_ids *x, const dyad_export_opts *opts)
{
    const dyad_edge *e = &dyad_graph_edges(g)[i];
    sb_printf(b, "    <edge id=\"e%zu\" source=\"", i);
    ex_put_id(b, x, e->source);
    sb_puts(b, "\" target=\"");
    ex_put_id(b, x, e->target);
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
    ex_ids x;
    ex_ids_of_graph(&x, g);
    put_head(b, g);
    bool ok = ex_flush(b, out);
    for (size_t i = 0; ok && i < dyad_graph_n_nodes(g); i++) {
        put_node(b, &dyad_graph_nodes(g)[i], &x, i, opts);
        ok = ex_flush(b, out);
    }
    for (size_t i = 0; ok && i < dyad_graph_n_edges(g); i++) {
        put_edge(b, g, i, &x, opts);
        ok = ex_flush(b, out);
    }
    ex_ids_free(&x);
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

/* ---- the union graph of a diff ---- */

static void put_diff_head(strbuf *b, const dyad_diff *d, const char *la,
                          const char *lb)
{
    const dyad_diff_similarity *s = dyad_diff_similarities(d);
    put_prolog(b);
    put_key_table(b, diff_keys, sizeof diff_keys / sizeof diff_keys[0]);
    sb_puts(b, "  <graph id=\"dyad_diff\" edgedefault=\"directed\">\n");
    put_data(b, 4, "g_generator", "dyad " DYAD_VERSION);
    put_data(b, 4, "g_label_a", la);
    put_data(b, 4, "g_label_b", lb);
    put_real(b, 4, "g_sim_nodes", s->nodes);
    put_real(b, 4, "g_sim_edges", s->edges);
    put_real(b, 4, "g_sim_weighted", s->weighted);
    if (dyad_diff_side_a(d)->acts > 0 && dyad_diff_side_b(d)->acts > 0)
        put_real(b, 4, "g_tone_shift", dyad_diff_tone_shift(d));
}

static void put_diff_node(strbuf *b, const dyad_diff_node *n,
                          const ex_ids *x, size_t i)
{
    sb_puts(b, "    <node id=\"");
    ex_put_id(b, x, i);
    sb_puts(b, "\">\n");
    put_data(b, 6, "n_label", n->label);
    put_data(b, 6, "n_change", ex_change_name(n->kind));
    put_long(b, 6, "n_mentions_a", n->mentions_a);
    put_long(b, 6, "n_mentions_b", n->mentions_b);
    sb_puts(b, "    </node>\n");
}

/* Tones only for a side with acts; verbs as the text report has them. */
static void put_diff_edge(strbuf *b, const dyad_diff_edge *e, size_t i,
                          const ex_ids *x)
{
    sb_printf(b, "    <edge id=\"e%zu\" source=\"", i);
    ex_put_id(b, x, e->source_node);
    sb_puts(b, "\" target=\"");
    ex_put_id(b, x, e->target_node);
    sb_puts(b, "\">\n");
    put_data(b, 6, "e_change", ex_change_name(e->kind));
    put_long(b, 6, "e_weight_a", e->weight_a);
    put_long(b, 6, "e_weight_b", e->weight_b);
    put_long(b, 6, "e_acts_a", e->acts_a);
    put_long(b, 6, "e_acts_b", e->acts_b);
    if (e->acts_a > 0)
        put_real(b, 6, "e_goldstein_a", e->goldstein_a);
    if (e->acts_b > 0)
        put_real(b, 6, "e_goldstein_b", e->goldstein_b);
    strbuf v = {0};
    dw_verb_changes(&v, e, 0, "-");
    put_data(b, 6, "e_verbs", v.s ? v.s : "");
    sb_free(&v);
    sb_puts(b, "    </edge>\n");
}

static bool write_diff(const dyad_diff *d, FILE *out, const char *la,
                       const char *lb, strbuf *b)
{
    ex_ids x;
    ex_ids_of_diff(&x, d);
    put_diff_head(b, d, la, lb);
    bool ok = ex_flush(b, out);
    for (size_t i = 0; ok && i < dyad_diff_n_nodes(d); i++) {
        put_diff_node(b, &dyad_diff_nodes(d)[i], &x, i);
        ok = ex_flush(b, out);
    }
    const dyad_diff_edge **e;
    size_t n = ex_diff_edges(d, &e);
    for (size_t i = 0; ok && i < n; i++) {
        put_diff_edge(b, e[i], i, &x);
        ok = ex_flush(b, out);
    }
    free(e);
    ex_ids_free(&x);
    sb_puts(b, "  </graph>\n</graphml>\n");
    return ok && ex_flush(b, out);
}

dyad_status dyad_diff_write_graphml(const dyad_diff *d, FILE *out,
                                    const char *label_a, const char *label_b,
                                    dyad_error *err)
{
    const char *la = name_or(label_a, "A"), *lb = name_or(label_b, "B");
    dyad_status st = ex_begin_diff(d, la, lb, err);
    if (st != DYAD_OK)
        return st;
    strbuf b = {0};
    bool ok = write_diff(d, out, la, lb, &b);
    sb_free(&b);
    return ex_end(ok, out, "GraphML", err);
}
