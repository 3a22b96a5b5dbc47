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
