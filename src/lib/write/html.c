/* dyad_write_html: a self-contained report, one file that needs no
 * network: the SVG drawing inline (zoom and pan), the graph's JSON in a
 * script element, and a script that lists an edge's or an actor's evidence
 * on a click, filters by CAMEO root, tone, weight and text, and sorts a
 * table of the edges.  The page itself is src/lib/write/report.html,
 * compiled in; its @DYAD_...@ marks are filled here.  Draws with Graphviz:
 * call from one thread. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "diff_util.h"
#include "export.h"

extern const char dyad_data_report[];

#define DEFAULT_TITLE "dyad: the actor graph"

/* Renders w's format of g into memory; the bytes are the caller's. */
typedef struct rendered {
    char *data;
    size_t len;
} rendered;

static dyad_status render_svg(const dyad_graph *g, const dyad_draw_opts *draw,
                              rendered *r, dyad_error *err)
{
    FILE *mem = open_memstream(&r->data, &r->len);
    if (!mem)
        return dyad_fail(err, DYAD_ERR_IO, "", 0, 0, "open_memstream failed");
    dyad_status st = dyad_write_svg(g, mem, draw, err);
    fclose(mem);
    return st;
}

static dyad_status render_json(const dyad_graph *g, rendered *r,
                               dyad_error *err)
{
    FILE *mem = open_memstream(&r->data, &r->len);
    if (!mem)
        return dyad_fail(err, DYAD_ERR_IO, "", 0, 0, "open_memstream failed");
    dyad_status st = dyad_write_json(g, mem, err);
    fclose(mem);
    return st;
}

/* {id: name in the SVG} for the ids the drawing renames (export.h). */
static json_t *names_json(const dyad_graph *g)
{
    size_t n = dyad_graph_n_nodes(g);
    const char **ids = xcalloc(n ? n : 1, sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = dyad_graph_nodes(g)[i].id;
    char **names = ex_drawn_names(ids, n);
    json_t *o = json_object();
    for (size_t i = 0; names && i < n; i++)
        if (names[i])
            json_object_set_new(o, ids[i], json_string(names[i]));
    ex_drawn_names_free(names, n);
    free(ids);
    return o;
}

/* {"dates": {doc: date}, "kinds": {id: kind}, "names": {id: name}}, keys
 * sorted. */
static char *extra_json(const dyad_graph *g, const dyad_export_opts *opts)
{
    json_t *kinds = json_object(), *dates = json_object();
    for (size_t i = 0; i < dyad_graph_n_nodes(g); i++) {
        const char *id = dyad_graph_nodes(g)[i].id;
        const char *kind = ex_kind(opts, id);
        if (kind)
            json_object_set_new(kinds, id, json_string(kind));
    }
    const dyad_edge *e = dyad_graph_edges(g);
    for (size_t i = 0; i < dyad_graph_n_edges(g); i++)
        for (size_t k = 0; k < e[i].n_evidence; k++) {
            const char *doc = e[i].evidence[k].doc;
            const char *date = dyad_docs_date(ex_docs(opts), doc);
            if (date)
                json_object_set_new(dates, doc, json_string(date));
        }
    json_t *o = json_pack("{s:o,s:o,s:o}", "kinds", kinds, "dates", dates,
                          "names", names_json(g));
    char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(o);
    return s;
}

/* JSON inside <script>: '<' as \u003c, so that no "</script>" or "<!--"
 * can end or confuse the element ('<' occurs only inside strings). */
static void put_script_json(strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '<')
            sb_puts(b, "\\u003c");
        else
            sb_putc(b, s[i]);
    }
}

/* The SVG from its <svg element on: no XML prolog, doctype or comments
 * before it inside HTML. */
static void put_svg(strbuf *b, const rendered *svg)
{
    const char *start = svg->data ? strstr(svg->data, "<svg") : NULL;
    if (start)
        sb_add(b, start, svg->len - (size_t)(start - svg->data));
}

typedef struct parts {
    const char *title;
    rendered svg, json;
    char *extra;
} parts;

/* Appends the text for mark (the name between "@DYAD_" and "@"). */
static void put_mark(strbuf *b, const char *mark, size_t n, const parts *p)
{
    if (n == 5 && memcmp(mark, "TITLE", 5) == 0)
        ex_xml(b, p->title);
    else if (n == 3 && memcmp(mark, "SVG", 3) == 0)
        put_svg(b, &p->svg);
    else if (n == 5 && memcmp(mark, "GRAPH", 5) == 0)
        put_script_json(b, p->json.data, p->json.len);
    else if (n == 5 && memcmp(mark, "EXTRA", 5) == 0)
        put_script_json(b, p->extra, strlen(p->extra));
}

static void fill_template(strbuf *b, const parts *p)
{
    const char *t = dyad_data_report;
    for (;;) {
        const char *at = strstr(t, "@DYAD_");
        const char *end = at ? strchr(at + 6, '@') : NULL;
        if (!end) {
            sb_puts(b, t);
            return;
        }
        sb_add(b, t, (size_t)(at - t));
        put_mark(b, at + 6, (size_t)(end - at - 6), p);
        t = end + 1;
    }
}

dyad_status dyad_write_html(const dyad_graph *g, FILE *out,
                            const dyad_draw_opts *draw,
                            const dyad_export_opts *opts, dyad_error *err)
{
    dyad_status st = ex_begin(g, "html", err);
    if (st != DYAD_OK)
        return st;
    parts p = {0};
    p.title =
        draw && draw->title && *draw->title ? draw->title : DEFAULT_TITLE;
    st = render_svg(g, draw, &p.svg, err);
    if (st == DYAD_OK)
        st = render_json(g, &p.json, err);
    if (st == DYAD_OK) {
        p.extra = extra_json(g, opts);
        strbuf b = {0};
        fill_template(&b, &p);
        st = ex_end(ex_flush(&b, out), out, "HTML", err);
        sb_free(&b);
    }
    free(p.extra);
    free(p.json.data);
    free(p.svg.data);
    return st;
}

/* ---- the page of a diff ----
 *
 * Written here, not from a template: the figures of both sides, the union
 * graph's SVG, the actors and edges that changed, and a few lines of
 * script that mark an edge in the drawing and its row in the table
 * together (rows carry the edge's <title> in the SVG, "tail->head" in the
 * drawn names). */

#define DIFF_STYLE                                                           \
    "body{font:14px/1.4 Arial,Helvetica,sans-serif;margin:1.5em;color:#1a1a1a}" \
    "table{border-collapse:collapse;margin:.5em 0 1.5em}"                    \
    "th,td{padding:2px 8px;text-align:left;border-bottom:1px solid #ddd}"    \
    "td.n{text-align:right;font-variant-numeric:tabular-nums}"               \
    "#view svg{max-width:100%;height:auto}"                                  \
    "tr.added td:first-child{color:#0072B2}"                                 \
    "tr.removed td:first-child{color:#D55E00}"                               \
    "tr.changed td:first-child{color:#CC79A7}"                               \
    "tbody tr{cursor:pointer}tr.selected td{background:#e4edf7}"             \
    "g.edge{cursor:pointer}g.selected path,g.selected polygon"               \
    "{stroke:#111!important;stroke-width:3}"

#define DIFF_SCRIPT                                                          \
    "const svg=document.querySelector('#view svg');const edges=new Map();"   \
    "if(svg)for(const g of svg.querySelectorAll('g.edge')){"                 \
    "const t=g.querySelector('title');if(t)edges.set(t.textContent,g);}"     \
    "function mark(key){"                                                    \
    "for(const e of document.querySelectorAll('.selected'))"                 \
    "e.classList.remove('selected');"                                        \
    "const g=edges.get(key);if(g)g.classList.add('selected');"               \
    "for(const r of document.querySelectorAll('#edges tbody tr'))"           \
    "if(r.dataset.key===key){r.classList.add('selected');"                   \
    "r.scrollIntoView({block:'nearest'});}}"                                 \
    "if(svg)svg.addEventListener('click',(ev)=>{"                            \
    "const g=ev.target.closest('g.edge');"                                   \
    "if(g)mark(g.querySelector('title').textContent);});"                    \
    "for(const r of document.querySelectorAll('#edges tbody tr'))"           \
    "r.addEventListener('click',()=>mark(r.dataset.key));"

static void td_text(strbuf *b, const char *s)
{
    sb_puts(b, "<td>");
    ex_xml(b, s);
    sb_puts(b, "</td>");
}

static void td_long(strbuf *b, long v) { sb_printf(b, "<td class=\"n\">%ld</td>", v); }

static void td_tone(strbuf *b, double g, long acts)
{
    if (acts > 0)
        sb_printf(b, "<td class=\"n\">%+.2f</td>", rnd(g, 2));
    else
        sb_puts(b, "<td class=\"n\">n/a</td>");
}

static void diff_sides(strbuf *b, const dyad_diff *d, const char *la,
                       const char *lb)
{
    const dyad_diff_side *s[2] = {dyad_diff_side_a(d), dyad_diff_side_b(d)};
    sb_puts(b, "<table id=\"sides\"><thead><tr><th></th>");
    sb_puts(b, "<th>");
    ex_xml(b, la);
    sb_puts(b, "</th><th>");
    ex_xml(b, lb);
    sb_puts(b, "</th></tr></thead><tbody>");
    static const char *const rows[] = {"documents", "sentences", "actors",
                                       "edges", "acts", "mean tone"};
    for (int r = 0; r < 6; r++) {
        sb_printf(b, "<tr><th>%s</th>", rows[r]);
        for (int k = 0; k < 2; k++) {
            long v[] = {s[k]->documents, s[k]->sentences, (long)s[k]->nodes,
                        (long)s[k]->edges, s[k]->acts};
            if (r < 5)
                td_long(b, v[r]);
            else
                td_tone(b, s[k]->mean_tone, s[k]->acts);
        }
        sb_puts(b, "</tr>");
    }
    sb_puts(b, "</tbody></table>");
}

static void diff_similarity(strbuf *b, const dyad_diff *d)
{
    const dyad_diff_similarity *s = dyad_diff_similarities(d);
    sb_printf(b, "<p id=\"similarity\">Similarity: actors %.3f, edges %.3f, "
                 "weighted %.3f",
              rnd(s->nodes, 3), rnd(s->edges, 3), rnd(s->weighted, 3));
    if (dyad_diff_side_a(d)->acts > 0 && dyad_diff_side_b(d)->acts > 0)
        sb_printf(b, "; mean tone shift %+.2f",
                  rnd(dyad_diff_tone_shift(d), 2));
    sb_puts(b, dyad_diff_is_empty(d) ? ". No differences.</p>" : ".</p>");
}

static void diff_actors(strbuf *b, const dyad_diff *d)
{
    sb_puts(b, "<h2>Actors</h2><table id=\"actors\"><thead><tr><th>change"
               "</th><th>actor</th><th>id</th><th>mentions A</th><th>"
               "mentions B</th></tr></thead><tbody>");
    static const dyad_diff_kind kinds[] = {DYAD_DIFF_ADDED, DYAD_DIFF_REMOVED,
                                           DYAD_DIFF_CHANGED};
    for (int k = 0; k < 3; k++) {
        const dyad_diff_node **v;
        size_t n = dw_nodes_of_kind(d, kinds[k], &v);
        for (size_t i = 0; i < n; i++) {
            sb_printf(b, "<tr class=\"%s\">", ex_change_name(kinds[k]));
            td_text(b, ex_change_name(kinds[k]));
            td_text(b, v[i]->label);
            td_text(b, v[i]->id);
            td_long(b, v[i]->mentions_a);
            td_long(b, v[i]->mentions_b);
            sb_puts(b, "</tr>");
        }
        free(v);
    }
    sb_puts(b, "</tbody></table>");
}

static void diff_edge_row(strbuf *b, const dyad_diff *d,
                          const dyad_diff_edge *e, char **names)
{
    const dyad_diff_node *v = dyad_diff_nodes(d);
    const char *from = names && names[e->source_node] ? names[e->source_node]
                                                      : e->source;
    const char *to = names && names[e->target_node] ? names[e->target_node]
                                                    : e->target;
    sb_printf(b, "<tr class=\"%s\" data-key=\"", ex_change_name(e->kind));
    ex_xml(b, from);
    sb_puts(b, "-&gt;");
    ex_xml(b, to);
    sb_puts(b, "\">");
    td_text(b, ex_change_name(e->kind));
    td_text(b, v[e->source_node].label);
    td_text(b, v[e->target_node].label);
    td_long(b, e->weight_a);
    td_long(b, e->weight_b);
    td_tone(b, e->goldstein_a, e->acts_a);
    td_tone(b, e->goldstein_b, e->acts_b);
    strbuf t = {0};
    dw_verb_changes(&t, e, 0, "-");
    td_text(b, t.s ? t.s : "");
    sb_free(&t);
    sb_puts(b, "</tr>");
}

/* The edges that changed, biggest change first (the diff's order). */
static void diff_edges(strbuf *b, const dyad_diff *d)
{
    char **names = ex_diff_drawn_names(d);
    sb_puts(b, "<h2>Edges</h2><table id=\"edges\"><thead><tr><th>change"
               "</th><th>source</th><th>target</th><th>weight A</th><th>"
               "weight B</th><th>tone A</th><th>tone B</th><th>verbs</th>"
               "</tr></thead><tbody>");
    for (size_t i = 0; i < dyad_diff_n_edges(d); i++)
        if (dyad_diff_edges(d)[i].kind != DYAD_DIFF_SAME)
            diff_edge_row(b, d, &dyad_diff_edges(d)[i], names);
    sb_puts(b, "</tbody></table>");
    ex_drawn_names_free(names, dyad_diff_n_nodes(d));
}

static void diff_page(strbuf *b, const dyad_diff *d, const char *title,
                      const char *la, const char *lb, const rendered *svg)
{
    sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
               "charset=\"utf-8\"><title>");
    ex_xml(b, title);
    sb_puts(b, "</title><style>" DIFF_STYLE "</style></head><body><h1>");
    ex_xml(b, title);
    sb_puts(b, "</h1>");
    diff_sides(b, d, la, lb);
    diff_similarity(b, d);
    sb_puts(b, "<div id=\"view\">");
    put_svg(b, svg);
    sb_puts(b, "</div>");
    diff_actors(b, d);
    diff_edges(b, d);
    sb_puts(b, "<script>" DIFF_SCRIPT "</script></body></html>\n");
}

dyad_status dyad_diff_write_html(const dyad_diff *d, FILE *out,
                                 const char *label_a, const char *label_b,
                                 const dyad_draw_opts *opts, dyad_error *err)
{
    const char *la = name_or(label_a, "A"), *lb = name_or(label_b, "B");
    dyad_status st = ex_begin_diff(d, la, lb, err);
    if (st != DYAD_OK)
        return st;
    rendered svg = {0};
    FILE *mem = open_memstream(&svg.data, &svg.len);
    if (!mem)
        return dyad_fail(err, DYAD_ERR_IO, "", 0, 0, "open_memstream failed");
    st = dyad_diff_write_svg(d, mem, label_a, label_b, opts, err);
    fclose(mem);
    if (st == DYAD_OK) {
        strbuf title = {0}, b = {0};
        if (opts && opts->title && *opts->title)
            sb_puts(&title, opts->title);
        else
            sb_printf(&title, "%s \xe2\x86\x92 %s", la, lb);
        diff_page(&b, d, title.s, la, lb, &svg);
        st = ex_end(ex_flush(&b, out), out, "HTML", err);
        sb_free(&b);
        sb_free(&title);
    }
    free(svg.data);
    return st;
}
