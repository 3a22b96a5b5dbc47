/* dyad_write_gexf: the graph as GEXF 1.3 for Gephi.  Node and edge
 * attributes are declared in <attributes>; edges carry their weight and
 * their main verb as label.  When any evidence item's document has a date
 * the graph is dynamic: an edge starts at its earliest date, a node at the
 * earliest start of its edges when all of them have one (else it is there
 * all the time), so that Gephi's timeline plays the graph over time.  No
 * lastmodifieddate: the output depends on the graph alone. */
#include <stdlib.h>
#include <string.h>

#include "diff_util.h"
#include "export.h"

typedef struct attr {
    const char *id, *type;
} attr;

static const attr node_attrs[] = {{"kind", "string"}, {"mentions", "long"}};

static const attr edge_attrs[] = {
    {"acts", "long"},         {"goldstein", "double"}, {"verb", "string"},
    {"cameo", "string"},      {"verbs", "string"},     {"roots", "string"},
    {"first_date", "string"}, {"last_date", "string"}, {"evidence", "string"},
};

static void put_attrs(strbuf *b, const char *cls, const attr *a, size_t n)
{
    sb_printf(b, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
    for (size_t i = 0; i < n; i++)
        sb_printf(b,
                  "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
                  a[i].id, a[i].id, a[i].type);
    sb_puts(b, "    </attributes>\n");
}

static void put_prolog(strbuf *b)
{
    sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<gexf xmlns=\"http://gexf.net/1.3\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://gexf.net/1.3 "
               "http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
               "  <meta>\n    <creator>dyad " DYAD_VERSION "</creator>\n");
}

static void put_head(strbuf *b, const dyad_graph *g, bool dynamic)
{
    put_prolog(b);
    long docs = dyad_graph_documents(g), sents = dyad_graph_sentences(g);
    sb_printf(b,
              "    <description>The actor graph of %ld document%s, %ld "
              "sentence%s</description>\n  </meta>\n",
              docs, docs == 1 ? "" : "s", sents, sents == 1 ? "" : "s");
    sb_printf(b, "  <graph defaultedgetype=\"directed\" mode=\"%s\"%s>\n",
              dynamic ? "dynamic" : "static",
              dynamic ? " timeformat=\"date\"" : "");
    put_attrs(b, "node", node_attrs, sizeof node_attrs / sizeof *node_attrs);
    put_attrs(b, "edge", edge_attrs, sizeof edge_attrs / sizeof *edge_attrs);
}

static void put_value(strbuf *b, const char *id, const char *value)
{
    sb_printf(b, "          <attvalue for=\"%s\" value=\"", id);
    ex_xml(b, value);
    sb_puts(b, "\"/>\n");
}

/* ---- dates ---- */

/* Each edge's start (NULL: none), and each node's. */
typedef struct times {
    const char **edge, **node;
    bool dynamic;
} times;

static void node_starts(const dyad_graph *g, times *t)
{
    size_t nn = dyad_graph_n_nodes(g);
    bool *undated = xcalloc(nn ? nn : 1, sizeof *undated);
    const dyad_edge *e = dyad_graph_edges(g);
    for (size_t i = 0; i < dyad_graph_n_edges(g); i++) {
        size_t end[2] = {e[i].source, e[i].target};
        for (int k = 0; k < 2; k++) {
            const char **s = &t->node[end[k]];
            if (!t->edge[i])
                undated[end[k]] = true;
            else if (!*s || strcmp(t->edge[i], *s) < 0)
                *s = t->edge[i];
        }
    }
    for (size_t i = 0; i < nn; i++)
        if (undated[i])
            t->node[i] = NULL;
    free(undated);
}

static times find_times(const dyad_graph *g, const dyad_export_opts *opts)
{
    size_t ne = dyad_graph_n_edges(g), nn = dyad_graph_n_nodes(g);
    times t = {xcalloc(ne ? ne : 1, sizeof(char *)),
               xcalloc(nn ? nn : 1, sizeof(char *)), false};
    const dyad_edge *e = dyad_graph_edges(g);
    for (size_t i = 0; i < ne; i++) {
        const char *last;
        t.dynamic |= ex_dates(&e[i], ex_docs(opts), &t.edge[i], &last);
    }
    node_starts(g, &t);
    return t;
}

/* ---- nodes and edges ---- */

static void put_node(strbuf *b, const dyad_node *n, const ex_ids *x,
                     size_t i, const char *start,
                     const dyad_export_opts *opts)
{
    sb_puts(b, "      <node id=\"");
    ex_put_id(b, x, i);
    sb_puts(b, "\" label=\"");
    ex_xml(b, n->label);
    if (start)
        sb_printf(b, "\" start=\"%s", start);
    sb_puts(b, "\">\n        <attvalues>\n");
    const char *kind = ex_kind(opts, n->id);
    if (kind)
        put_value(b, "kind", kind);
    sb_printf(b,
              "          <attvalue for=\"mentions\" value=\"%ld\"/>\n"
              "        </attvalues>\n      </node>\n",
              n->mentions);
}

static void put_edge_values(strbuf *b, const dyad_edge *e, const ex_count *v,
                            size_t nv, const ex_count *r, size_t nr,
                            const dyad_export_opts *opts)
{
    sb_printf(b, "          <attvalue for=\"acts\" value=\"%ld\"/>\n",
              e->acts);
    sb_puts(b, "          <attvalue for=\"goldstein\" value=\"");
    ex_real(b, e->goldstein);
    sb_puts(b, "\"/>\n");
    if (nv)
        put_value(b, "verb", v[0].name);
    if (nr)
        put_value(b, "cameo", r[0].name);
    strbuf s = {0};
    ex_counts(&s, v, nv);
    put_value(b, "verbs", s.s ? s.s : "");
    s.len = 0;
    ex_counts(&s, r, nr);
    put_value(b, "roots", s.s ? s.s : "");
    const char *first, *last;
    if (ex_dates(e, ex_docs(opts), &first, &last)) {
        put_value(b, "first_date", first);
        put_value(b, "last_date", last);
    }
    s.len = 0;
    ex_evidence(&s, e, ex_docs(opts));
    put_value(b, "evidence", s.s ? s.s : "");
    sb_free(&s);
}

static void put_edge(strbuf *b, const dyad_graph *g, size_t i,
                     const ex_ids *x, const char *start,
                     const dyad_export_opts *opts)
{
    const dyad_edge *e = &dyad_graph_edges(g)[i];
    ex_count *v, *r;
    size_t nv = ex_verbs(e, &v), nr = ex_roots(e, &r);
    sb_printf(b, "      <edge id=\"%zu\" source=\"", i);
    ex_put_id(b, x, e->source);
    sb_puts(b, "\" target=\"");
    ex_put_id(b, x, e->target);
    sb_printf(b, "\" weight=\"%ld\" label=\"", e->weight);
    ex_xml(b, nv ? v[0].name : "");
    if (start)
        sb_printf(b, "\" start=\"%s", start);
    sb_puts(b, "\">\n        <attvalues>\n");
    put_edge_values(b, e, v, nv, r, nr, opts);
    sb_puts(b, "        </attvalues>\n      </edge>\n");
    free(r);
    free(v);
}

static bool write_all(const dyad_graph *g, FILE *out,
                      const dyad_export_opts *opts, const times *t, strbuf *b)
{
    ex_ids x;
    ex_ids_of_graph(&x, g);
    put_head(b, g, t->dynamic);
    sb_puts(b, "    <nodes>\n");
    bool ok = ex_flush(b, out);
    for (size_t i = 0; ok && i < dyad_graph_n_nodes(g); i++) {
        put_node(b, &dyad_graph_nodes(g)[i], &x, i, t->node[i], opts);
        ok = ex_flush(b, out);
    }
    sb_puts(b, "    </nodes>\n    <edges>\n");
    for (size_t i = 0; ok && i < dyad_graph_n_edges(g); i++) {
        put_edge(b, g, i, &x, t->edge[i], opts);
        ok = ex_flush(b, out);
    }
    ex_ids_free(&x);
    sb_puts(b, "    </edges>\n  </graph>\n</gexf>\n");
    return ok && ex_flush(b, out);
}

dyad_status dyad_write_gexf(const dyad_graph *g, FILE *out,
                            const dyad_export_opts *opts, dyad_error *err)
{
    dyad_status st = ex_begin(g, "gexf", err);
    if (st != DYAD_OK)
        return st;
    times t = find_times(g, opts);
    strbuf b = {0};
    bool ok = write_all(g, out, opts, &t, &b);
    sb_free(&b);
    free(t.node);
    free(t.edge);
    return ex_end(ok, out, "GEXF", err);
}

/* ---- the union graph of a diff ---- */

static const attr diff_node_attrs[] = {
    {"change", "string"}, {"mentions_a", "long"}, {"mentions_b", "long"}};

static const attr diff_edge_attrs[] = {
    {"change", "string"},      {"weight_a", "long"},
    {"weight_b", "long"},      {"acts_a", "long"},
    {"acts_b", "long"},        {"goldstein_a", "double"},
    {"goldstein_b", "double"}, {"verbs", "string"},
};

static void put_diff_head(strbuf *b, const char *la, const char *lb)
{
    put_prolog(b);
    sb_puts(b, "    <description>What changed from ");
    ex_xml(b, la);
    sb_puts(b, " to ");
    ex_xml(b, lb);
    sb_puts(b, ": the union graph</description>\n  </meta>\n"
               "  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    put_attrs(b, "node", diff_node_attrs,
              sizeof diff_node_attrs / sizeof *diff_node_attrs);
    put_attrs(b, "edge", diff_edge_attrs,
              sizeof diff_edge_attrs / sizeof *diff_edge_attrs);
}

static void put_long_value(strbuf *b, const char *id, long v)
{
    sb_printf(b, "          <attvalue for=\"%s\" value=\"%ld\"/>\n", id, v);
}

static void put_real_value(strbuf *b, const char *id, double v)
{
    sb_printf(b, "          <attvalue for=\"%s\" value=\"", id);
    ex_real(b, v);
    sb_puts(b, "\"/>\n");
}

static void put_diff_node(strbuf *b, const dyad_diff_node *n,
                          const ex_ids *x, size_t i)
{
    sb_puts(b, "      <node id=\"");
    ex_put_id(b, x, i);
    sb_puts(b, "\" label=\"");
    ex_xml(b, n->label);
    sb_puts(b, "\">\n        <attvalues>\n");
    put_value(b, "change", ex_change_name(n->kind));
    put_long_value(b, "mentions_a", n->mentions_a);
    put_long_value(b, "mentions_b", n->mentions_b);
    sb_puts(b, "        </attvalues>\n      </node>\n");
}

/* weight: B's, or A's for a removed edge, so that Gephi draws both. */
static void put_diff_edge(strbuf *b, const dyad_diff_edge *e, size_t i,
                          const ex_ids *x)
{
    sb_printf(b, "      <edge id=\"%zu\" source=\"", i);
    ex_put_id(b, x, e->source_node);
    sb_puts(b, "\" target=\"");
    ex_put_id(b, x, e->target_node);
    sb_printf(b, "\" weight=\"%ld\" label=\"%s\">\n        <attvalues>\n",
              e->weight_b > 0 ? e->weight_b : e->weight_a,
              ex_change_name(e->kind));
    put_value(b, "change", ex_change_name(e->kind));
    put_long_value(b, "weight_a", e->weight_a);
    put_long_value(b, "weight_b", e->weight_b);
    put_long_value(b, "acts_a", e->acts_a);
    put_long_value(b, "acts_b", e->acts_b);
    if (e->acts_a > 0)
        put_real_value(b, "goldstein_a", e->goldstein_a);
    if (e->acts_b > 0)
        put_real_value(b, "goldstein_b", e->goldstein_b);
    strbuf v = {0};
    dw_verb_changes(&v, e, 0, "-");
    put_value(b, "verbs", v.s ? v.s : "");
    sb_free(&v);
    sb_puts(b, "        </attvalues>\n      </edge>\n");
}

static bool write_diff(const dyad_diff *d, FILE *out, const char *la,
                       const char *lb, strbuf *b)
{
    ex_ids x;
    ex_ids_of_diff(&x, d);
    put_diff_head(b, la, lb);
    sb_puts(b, "    <nodes>\n");
    bool ok = ex_flush(b, out);
    for (size_t i = 0; ok && i < dyad_diff_n_nodes(d); i++) {
        put_diff_node(b, &dyad_diff_nodes(d)[i], &x, i);
        ok = ex_flush(b, out);
    }
    sb_puts(b, "    </nodes>\n    <edges>\n");
    const dyad_diff_edge **e;
    size_t n = ex_diff_edges(d, &e);
    for (size_t i = 0; ok && i < n; i++) {
        put_diff_edge(b, e[i], i, &x);
        ok = ex_flush(b, out);
    }
    free(e);
    ex_ids_free(&x);
    sb_puts(b, "    </edges>\n  </graph>\n</gexf>\n");
    return ok && ex_flush(b, out);
}

dyad_status dyad_diff_write_gexf(const dyad_diff *d, FILE *out,
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
    return ex_end(ok, out, "GEXF", err);
}
