/* The CSV export: three tables (actors, edges, evidence), RFC 4180 with
 * CRLF line ends and quotes only where a field needs them, UTF-8 without
 * a byte order mark.  Headers follow neo4j-admin's import form (id:ID,
 * :START_ID, :END_ID, :TYPE, typed columns as name:long, lists as
 * name:string[] split on ';'), which other CSV readers take as plain
 * column names.  One row is built and written at a time. */
#include <stdlib.h>
#include <string.h>

#include "export.h"

#define CRLF "\r\n"

static const char nodes_header[] = "id:ID,label,kind,mentions:long,:LABEL";
static const char edges_header[] =
    ":START_ID,:END_ID,:TYPE,weight:long,acts:long,goldstein:double,"
    "verb,cameo,verbs:string[],roots:string[],first_date,last_date";
static const char evidence_header[] =
    ":START_ID,:END_ID,:TYPE,doc,sentence:long,offset:long,verb,cameo,"
    "code,date,text";

/* ",field" */
static void field(strbuf *b, const char *s)
{
    sb_putc(b, ',');
    ex_csv(b, s);
}

static void node_row(strbuf *b, const dyad_node *n,
                     const dyad_export_opts *opts)
{
    ex_csv(b, n->id);
    field(b, n->label);
    field(b, ex_kind(opts, n->id));
    sb_printf(b, ",%ld,Actor" CRLF, n->mentions);
}

static void ends(strbuf *b, const dyad_graph *g, const dyad_edge *e,
                 const char *type)
{
    const dyad_node *n = dyad_graph_nodes(g);
    ex_csv(b, n[e->source].id);
    field(b, n[e->target].id);
    sb_printf(b, ",%s", type);
}

static void edge_row(strbuf *b, const dyad_graph *g, const dyad_edge *e,
                     const dyad_export_opts *opts)
{
    ex_count *v, *r;
    size_t nv = ex_verbs(e, &v), nr = ex_roots(e, &r);
    ends(b, g, e, "ACTS_ON");
    sb_printf(b, ",%ld,%ld,", e->weight, e->acts);
    ex_real(b, e->goldstein);
    field(b, nv ? v[0].name : "");
    field(b, nr ? r[0].name : "");
    strbuf s = {0};
    ex_counts(&s, v, nv);
    field(b, s.s);
    s.len = 0;
    ex_counts(&s, r, nr);
    field(b, s.s);
    sb_free(&s);
    const char *first, *last;
    ex_dates(e, ex_docs(opts), &first, &last);
    field(b, first);
    field(b, last);
    sb_puts(b, CRLF);
    free(r);
    free(v);
}

static void evidence_row(strbuf *b, const dyad_graph *g, const dyad_edge *e,
                         const dyad_evidence *x, const dyad_export_opts *opts)
{
    ends(b, g, e, "EVIDENCE");
    field(b, x->doc);
    sb_printf(b, ",%ld,%ld", x->sentence, x->offset);
    field(b, x->verb);
    field(b, x->cameo);
    field(b, x->code);
    field(b, dyad_docs_date(ex_docs(opts), x->doc));
    field(b, x->text);
    sb_puts(b, CRLF);
}

typedef enum { T_NODES, T_EDGES, T_EVIDENCE } table;

/* Rows of table t, flushed one edge (or node) at a time. */
static bool write_rows(const dyad_graph *g, table t, FILE *out,
                       const dyad_export_opts *opts, strbuf *b)
{
    bool ok = true;
    if (t == T_NODES)
        for (size_t i = 0; ok && i < dyad_graph_n_nodes(g); i++) {
            node_row(b, &dyad_graph_nodes(g)[i], opts);
            ok = ex_flush(b, out);
        }
    for (size_t i = 0; t != T_NODES && ok && i < dyad_graph_n_edges(g); i++) {
        const dyad_edge *e = &dyad_graph_edges(g)[i];
        if (t == T_EDGES)
            edge_row(b, g, e, opts);
        for (size_t k = 0; t == T_EVIDENCE && k < e->n_evidence; k++)
            evidence_row(b, g, e, &e->evidence[k], opts);
        ok = ex_flush(b, out);
    }
    return ok;
}

static dyad_status write_table(const dyad_graph *g, table t, FILE *out,
                               const dyad_export_opts *opts, dyad_error *err)
{
    static const char *const headers[] = {nodes_header, edges_header,
                                          evidence_header};
    dyad_status st = ex_begin(g, "csv", err);
    if (st != DYAD_OK)
        return st;
    strbuf b = {0};
    sb_puts(&b, headers[t]);
    sb_puts(&b, CRLF);
    bool ok = ex_flush(&b, out) && write_rows(g, t, out, opts, &b);
    sb_free(&b);
    return ex_end(ok, out, "CSV", err);
}

dyad_status dyad_write_csv_nodes(const dyad_graph *g, FILE *out,
                                 const dyad_export_opts *opts,
                                 dyad_error *err)
{
    return write_table(g, T_NODES, out, opts, err);
}

dyad_status dyad_write_csv_edges(const dyad_graph *g, FILE *out,
                                 const dyad_export_opts *opts,
                                 dyad_error *err)
{
    return write_table(g, T_EDGES, out, opts, err);
}

dyad_status dyad_write_csv_evidence(const dyad_graph *g, FILE *out,
                                    const dyad_export_opts *opts,
                                    dyad_error *err)
{
    return write_table(g, T_EVIDENCE, out, opts, err);
}
