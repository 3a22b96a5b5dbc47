/* dyad_diff_write_dot and dyad_diff_write_svg: the union graph of a diff,
 * styled by change, on the shared drawing defaults (draw.h), as DOT or
 * laid out as SVG.  Not thread-safe (Graphviz): call from one thread. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diff_util.h"
#include "draw.h"
#include "export.h"
#include "text.h"

/* Okabe–Ito: distinguishable with every common colour-vision deficiency;
 * each kind also has its own line style, so hue is never the only cue. */
#define COL_ADDED "#0072B2"   /* blue, solid */
#define COL_REMOVED "#D55E00" /* vermillion, dashed */
#define COL_CHANGED "#CC79A7" /* reddish purple, double line */
#define COL_SAME "#B8B8B8"    /* grey, thin */
#define FILL_ADDED "#DCEBF7"
#define FILL_REMOVED "#F9E0D2"

typedef struct draw_ctx {
    const dyad_diff *d;
    Agraph_t *g;
    Agnode_t **nodes; /* by diff node index; NULL: not drawn */
    char **names;     /* ex_drawn_names of the nodes' ids, or NULL */
    long max_change;
    long min_weight;
} draw_ctx;

static bool edge_drawn(const draw_ctx *c, const dyad_diff_edge *e)
{
    if (e->kind != DYAD_DIFF_SAME)
        return true;
    return e->weight_b >= c->min_weight;
}

static void style_node(Agnode_t *n, const dyad_diff_node *v)
{
    strbuf lab = {0}, tip = {0};
    gvu_esc_trunc(&lab, v->label, DRAW_TEXT);
    gvu_esc_tip_trunc(&tip, v->label, DRAW_TEXT);
    if (v->kind == DYAD_DIFF_ADDED) {
        sb_puts(&lab, "\\nnew");
        gvu_set(n, "color", COL_ADDED);
        gvu_set(n, "fillcolor", FILL_ADDED);
        gvu_set(n, "penwidth", "2");
    } else if (v->kind == DYAD_DIFF_REMOVED) {
        sb_puts(&lab, "\\ngone");
        gvu_set(n, "color", COL_REMOVED);
        gvu_set(n, "fillcolor", FILL_REMOVED);
        gvu_set(n, "style", "rounded,filled,dashed");
        gvu_set(n, "penwidth", "2");
    }
    sb_printf(&tip, ": mentions %ld -> %ld", v->mentions_a, v->mentions_b);
    gvu_set(n, "label", lab.s);
    gvu_set(n, "tooltip", tip.s);
    sb_free(&lab);
    sb_free(&tip);
}

/* Lines start with LABEL_PAD: dot puts a label just right of its edge,
 * and a wide pen would otherwise cover the first letters. */
#define LABEL_PAD "   "

static void edge_label(strbuf *b, const dyad_diff_edge *e)
{
    long dw = ldelta(e->weight_a, e->weight_b);
    sb_puts(b, LABEL_PAD);
    if (e->kind == DYAD_DIFF_SAME) {
        sb_printf(b, "%ld", e->weight_b);
        return;
    }
    if (dw < 0)
        sb_printf(b, MINUS "%ld", -dw);
    else if (dw > 0)
        sb_printf(b, "+%ld", dw);
    else
        sb_puts(b, "\xc2\xb1"
                   "0");
    if (e->kind == DYAD_DIFF_CHANGED)
        sb_printf(b, " (%ld\xe2\x86\x92%ld)", e->weight_a, e->weight_b);
    if (e->n_verbs) {
        strbuf v = {0};
        dw_verb_changes(&v, e, 2, MINUS);
        sb_puts(b, "\\n" LABEL_PAD);
        gvu_esc_trunc(b, v.s, 2 * DRAW_TEXT);
        sb_free(&v);
    }
}

/* A tooltip's size before escaping: four times it (a backslash escaped
 * as four, gvu_esc_tip) stays under the 16,384 bytes of a DOT string. */
#define TIP_MAX 3000

static void edge_tooltip(strbuf *b, const draw_ctx *c,
                         const dyad_diff_edge *e)
{
    const dyad_diff_node *v = dyad_diff_nodes(c->d);
    strbuf t = {0};
    char *from = draw_cut(v[e->source_node].label, DRAW_TEXT);
    char *to = draw_cut(v[e->target_node].label, DRAW_TEXT);
    sb_printf(&t, "%s -> %s: weight %ld -> %ld", from, to, e->weight_a,
              e->weight_b);
    free(to);
    free(from);
    if (e->acts_a > 0 && e->acts_b > 0)
        sb_printf(&t, ", tone %+.2f -> %+.2f", rnd(e->goldstein_a, 2),
                  rnd(e->goldstein_b, 2));
    if (e->n_verbs) {
        sb_puts(&t, "; verbs ");
        dw_verb_changes(&t, e, 0, "-");
    }
    gvu_esc_tip_trunc(b, t.s, TIP_MAX);
    sb_free(&t);
}

static void style_edge(Agedge_t *ge, const draw_ctx *c,
                       const dyad_diff_edge *e)
{
    static const char *colour[] = {
        [DYAD_DIFF_SAME] = COL_SAME,
        [DYAD_DIFF_ADDED] = COL_ADDED,
        [DYAD_DIFF_REMOVED] = COL_REMOVED,
        [DYAD_DIFF_CHANGED] = COL_CHANGED,
    };
    char buf[64];
    strbuf lab = {0}, tip = {0};
    long change = labs(ldelta(e->weight_a, e->weight_b));
    edge_label(&lab, e);
    edge_tooltip(&tip, c, e);
    gvu_set(ge, "label", lab.s);
    gvu_set(ge, "tooltip", tip.s);
    double width = draw_penwidth(change + 1, c->max_change + 1);
    /* changed: a double line (colour, white, colour), each a third as
     * wide, so that the band is about as wide as a single line */
    if (e->kind == DYAD_DIFF_CHANGED) {
        snprintf(buf, sizeof buf, "%s:#FFFFFF:%s", colour[e->kind],
                 colour[e->kind]);
        width = width / 2.0 > 1.0 ? width / 2.0 : 1.0;
    } else {
        snprintf(buf, sizeof buf, "%s", colour[e->kind]);
    }
    gvu_set(ge, "color", buf);
    if (e->kind != DYAD_DIFF_SAME) {
        gvu_set(ge, "fontcolor", colour[e->kind]);
        snprintf(buf, sizeof buf, "%.2f", width);
        gvu_set(ge, "penwidth", buf);
    }
    if (e->kind == DYAD_DIFF_REMOVED)
        gvu_set(ge, "style", "dashed");
    sb_free(&lab);
    sb_free(&tip);
}

static int cmp_edge_ids(const void *pa, const void *pb)
{
    const dyad_diff_edge *x = *(const dyad_diff_edge *const *)pa;
    const dyad_diff_edge *y = *(const dyad_diff_edge *const *)pb;
    int k = strcmp(x->source, y->source);
    return k ? k : strcmp(x->target, y->target);
}

/* Drawn edges in canonical (source, target) order: insertion order steers
 * the layout, so a small change in the diff moves the picture little. */
static size_t drawn_edges(const draw_ctx *c, const dyad_diff_edge ***out)
{
    const dyad_diff_edge *e = dyad_diff_edges(c->d);
    size_t n = 0, total = dyad_diff_n_edges(c->d);
    const dyad_diff_edge **v = xmalloc((total + 1) * sizeof *v);
    for (size_t i = 0; i < total; i++)
        if (edge_drawn(c, &e[i]))
            v[n++] = &e[i];
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_edge_ids);
    *out = v;
    return n;
}

#define GLYPH_SOLID "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x96\xb6"
#define GLYPH_DASHED "\xe2\x95\x8d\xe2\x95\x8d\xe2\x95\x8d\xe2\x96\xb6"
#define GLYPH_DOUBLE "\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x96\xb6"
#define GLYPH_THIN "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6"
#define GLYPH_BOX "&#160;&#160;\xe2\x96\xa0&#160;&#160;"

/* One row of the key: the glyph in its colour, then the text, in one
 * left-aligned cell (two cells would share out the table's width). */
static void legend_row(strbuf *b, const char *colour, const char *line,
                       const char *text)
{
    sb_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT>  ",
              colour, line);
    gvu_esc_html(b, text);
    sb_puts(b, "</TD></TR>");
}

static void legend_text(strbuf *b, const char *text)
{
    sb_puts(b, "<TR><TD>");
    gvu_esc_html(b, text);
    sb_puts(b, "</TD></TR>");
}

/* The similarity figures and the mean tone, as in the report. */
static void legend_figures(strbuf *b, const dyad_diff *d)
{
    const dyad_diff_similarity *s = dyad_diff_similarities(d);
    const dyad_diff_side *a = dyad_diff_side_a(d), *z = dyad_diff_side_b(d);
    strbuf t = {0};
    sb_printf(&t, "similarity: actors %.3f, edges %.3f, weighted %.3f",
              rnd(s->nodes, 3), rnd(s->edges, 3), rnd(s->weighted, 3));
    if (a->acts > 0 && z->acts > 0)
        sb_printf(&t, "; mean tone %+.2f \xe2\x86\x92 %+.2f (%+.2f)",
                  rnd(a->mean_tone, 2), rnd(z->mean_tone, 2),
                  rnd(dyad_diff_tone_shift(d), 2));
    legend_text(b, t.s);
    sb_free(&t);
}

static void legend_kinds(strbuf *b, const dyad_diff *d, const char *la,
                         const char *lb)
{
    strbuf t = {0};
    sb_printf(&t, "added (%zu): only in %s, +weight",
              dyad_diff_count_edges(d, DYAD_DIFF_ADDED), lb);
    legend_row(b, COL_ADDED, GLYPH_SOLID, t.s);
    t.len = 0;
    sb_printf(&t, "removed (%zu): only in %s, " MINUS "weight",
              dyad_diff_count_edges(d, DYAD_DIFF_REMOVED), la);
    legend_row(b, COL_REMOVED, GLYPH_DASHED, t.s);
    t.len = 0;
    sb_printf(&t,
              "changed (%zu): weight or verbs, change (old\xe2\x86\x92new)",
              dyad_diff_count_edges(d, DYAD_DIFF_CHANGED));
    legend_row(b, COL_CHANGED, GLYPH_DOUBLE, t.s);
    t.len = 0;
    sb_printf(&t, "unchanged (%zu): weight",
              dyad_diff_count_edges(d, DYAD_DIFF_SAME));
    legend_row(b, COL_SAME, GLYPH_THIN, t.s);
    sb_free(&t);
}

/* Title and figures span the table; the key sits in a table of its own so
 * that its glyph column stays narrow. */
static void legend(strbuf *b, const draw_ctx *c, const char *title,
                   const char *la, const char *lb)
{
    strbuf t = {0};
    sb_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\">");
    sb_puts(b, "<TR><TD><B>");
    gvu_esc_html_trunc(b, title, 3 * DRAW_TEXT);
    sb_puts(b, "</B></TD></TR>");
    legend_figures(b, c->d);
    sb_puts(b, "<TR><TD><TABLE BORDER=\"0\" CELLBORDER=\"0\" "
               "CELLSPACING=\"1\">");
    legend_kinds(b, c->d, la, lb);
    sb_printf(&t, "actor new in %s (%zu)", lb,
              dyad_diff_count_nodes(c->d, DYAD_DIFF_ADDED));
    legend_row(b, COL_ADDED, GLYPH_BOX, t.s);
    t.len = 0;
    sb_printf(&t, "actor gone from %s (%zu), dashed", la,
              dyad_diff_count_nodes(c->d, DYAD_DIFF_REMOVED));
    legend_row(b, COL_REMOVED, GLYPH_BOX, t.s);
    sb_puts(b, "</TABLE></TD></TR>");
    legend_text(b, "line width: size of the change in weight");
    sb_puts(b, "</TABLE>");
    sb_free(&t);
}

/* The diff's own sizes and colours on the shared defaults, in the diff's
 * font (draw.h says why it is Arial). */
static void graph_defaults(Agraph_t *g, const char *engine)
{
    draw_defaults(g, engine, DRAW_FONT_DIFF);
    gvu_default(g, AGRAPH, "fontsize", "12");
    gvu_default(g, AGRAPH, "nodesep", "0.4");
    gvu_default(g, AGRAPH, "ranksep", "0.6");
    gvu_default(g, AGRAPH, "overlap", "false");
    gvu_default(g, AGNODE, "fillcolor", "#FFFFFF");
    gvu_default(g, AGNODE, "color", "#555555");
    gvu_default(g, AGNODE, "penwidth", "1");
    gvu_default(g, AGNODE, "fontsize", "11");
    gvu_default(g, AGEDGE, "fontsize", "10");
    gvu_default(g, AGEDGE, "fontcolor", "#777777");
    gvu_default(g, AGEDGE, "color", COL_SAME);
    gvu_default(g, AGEDGE, "penwidth", "1");
    gvu_default(g, AGEDGE, "style", "solid");
    gvu_default(g, AGEDGE, "arrowsize", "0.7");
}

static Agnode_t *draw_node(draw_ctx *c, size_t i)
{
    if (!c->nodes[i]) {
        const dyad_diff_node *v = &dyad_diff_nodes(c->d)[i];
        const char *name = c->names && c->names[i] ? c->names[i] : v->id;
        c->nodes[i] = agnode(c->g, (char *)name, 1);
        style_node(c->nodes[i], v);
    }
    return c->nodes[i];
}

static void draw_all(draw_ctx *c)
{
    const dyad_diff_node *v = dyad_diff_nodes(c->d);
    const dyad_diff_edge **e;
    size_t n = drawn_edges(c, &e);
    /* nodes first, by id: touched by a drawn edge, or new or gone */
    bool *touched = xcalloc(dyad_diff_n_nodes(c->d) + 1, sizeof *touched);
    for (size_t i = 0; i < n; i++)
        touched[e[i]->source_node] = touched[e[i]->target_node] = true;
    for (size_t i = 0; i < dyad_diff_n_nodes(c->d); i++)
        if (touched[i] || v[i].kind == DYAD_DIFF_ADDED ||
            v[i].kind == DYAD_DIFF_REMOVED)
            draw_node(c, i);
    for (size_t i = 0; i < n; i++) {
        Agedge_t *ge = agedge(c->g, draw_node(c, e[i]->source_node),
                              draw_node(c, e[i]->target_node), NULL, 1);
        style_edge(ge, c, e[i]);
    }
    free(touched);
    free(e);
}

static Agraph_t *diff_graph(const dyad_diff *d, const char *label_a,
                            const char *label_b, const dyad_draw_opts *opts)
{
    char *la = draw_cut(name_or(label_a, "A"), DRAW_TEXT);
    char *lb = draw_cut(name_or(label_b, "B"), DRAW_TEXT);
    draw_ctx c = {.d = d, .min_weight = opts ? opts->min_weight : 0};
    c.nodes = xcalloc(dyad_diff_n_nodes(d) + 1, sizeof *c.nodes);
    c.names = ex_diff_drawn_names(d);
    for (size_t i = 0; i < dyad_diff_n_edges(d); i++) {
        const dyad_diff_edge *e = &dyad_diff_edges(d)[i];
        long ch = labs(ldelta(e->weight_a, e->weight_b));
        if (ch > c.max_change)
            c.max_change = ch;
    }
    c.g = gvu_graph_new("dyad_diff");
    graph_defaults(
        c.g, draw_engine(opts, dyad_diff_n_nodes(d), dyad_diff_n_edges(d)));
    strbuf title = {0}, html = {0};
    if (opts && opts->title)
        sb_puts(&title, opts->title);
    else
        sb_printf(&title, "%s \xe2\x86\x92 %s", la, lb);
    legend(&html, &c, title.s, la, lb);
    gvu_set_html(c.g, "label", html.s);
    draw_all(&c);
    sb_free(&title);
    sb_free(&html);
    ex_drawn_names_free(c.names, dyad_diff_n_nodes(d));
    free(c.nodes);
    free(lb);
    free(la);
    return c.g;
}

static dyad_status write_drawn(const dyad_diff *d, FILE *out,
                               const char *label_a, const char *label_b,
                               const dyad_draw_opts *opts, const char *format,
                               dyad_error *err)
{
    dyad_status st = draw_check_title(opts, err);
    if (st == DYAD_OK && !((!label_a || text_utf8_ok(label_a)) &&
                           (!label_b || text_utf8_ok(label_b))))
        st = dyad_fail(err, DYAD_ERR_INVALID, "", 0, 0,
                       "a side's label is not valid UTF-8");
    if (st != DYAD_OK)
        return st;
    Agraph_t *g = diff_graph(d, label_a, label_b, opts);
    st = draw_write(g, format, out, err);
    agclose(g);
    return st;
}

dyad_status dyad_diff_write_dot(const dyad_diff *d, FILE *out,
                                const char *label_a, const char *label_b,
                                const dyad_draw_opts *opts, dyad_error *err)
{
    return write_drawn(d, out, label_a, label_b, opts, "dot", err);
}

dyad_status dyad_diff_write_svg(const dyad_diff *d, FILE *out,
                                const char *label_a, const char *label_b,
                                const dyad_draw_opts *opts, dyad_error *err)
{
    return write_drawn(d, out, label_a, label_b, opts, "svg", err);
}
