/* The styled drawings: what the graph and the diff drawing share (the
 * defaults, the tone colours, pen widths, the engine by size, writing a
 * drawing as DOT or SVG) and the graph's own drawing, which dot.c writes
 * as DOT and svg.c lays out and renders.  The diff's union graph is
 * diff_draw.c's.  Graphviz is not thread-safe: see gv_util.h. */
#include <math.h>
#include <stdlib.h>

#include "draw.h"
#include "dyad/extract.h"
#include "export.h"
#include "text.h"

/* ---- defaults ---- */

void draw_defaults(Agraph_t *g, const char *engine, const char *font)
{
    gvu_default(g, AGRAPH, "layout", engine);
    gvu_default(g, AGRAPH, "fontname", font);
    gvu_default(g, AGRAPH, "labelloc", "t");
    gvu_default(g, AGRAPH, "outputorder", "edgesfirst");
    gvu_default(g, AGNODE, "fontname", font);
    gvu_default(g, AGNODE, "shape", "box");
    gvu_default(g, AGNODE, "style", "rounded,filled");
    gvu_default(g, AGEDGE, "fontname", font);
}

/* ---- style ---- */

/* RdBu-like stops with a grey centre: distinguishable with the common
 * colour-vision deficiencies, and still ordered when printed grey. */
static const struct {
    double at;
    unsigned char rgb[3];
} colour_stops[] = {
    {-10, {0xb2, 0x18, 0x2b}}, /* dark red: fight, attack */
    {-5, {0xe0, 0x6c, 0x2c}},  /* orange: threaten, protest */
    {0, {0x9a, 0x9a, 0x9a}},   /* grey: neutral */
    {5, {0x43, 0x93, 0xc3}},   /* light blue: cooperate */
    {10, {0x08, 0x45, 0x94}},  /* dark blue: aid, agree */
};

void draw_goldstein_colour(double goldstein, char buf[8])
{
    size_t last = sizeof colour_stops / sizeof colour_stops[0] - 1;
    double x = isfinite(goldstein) ? goldstein : 0;
    if (x < colour_stops[0].at)
        x = colour_stops[0].at;
    if (x > colour_stops[last].at)
        x = colour_stops[last].at;
    size_t i = 0;
    while (i + 1 < last && x > colour_stops[i + 1].at)
        i++;
    double t = (x - colour_stops[i].at) /
               (colour_stops[i + 1].at - colour_stops[i].at);
    int c[3];
    for (int k = 0; k < 3; k++) {
        double a = colour_stops[i].rgb[k], z = colour_stops[i + 1].rgb[k];
        c[k] = (int)lround(a + (z - a) * t);
    }
    snprintf(buf, 8, "#%02x%02x%02x", c[0], c[1], c[2]);
}

double draw_penwidth(long weight, long max_weight)
{
    if (weight <= 1 || max_weight <= 1)
        return 1.0;
    if (weight > max_weight)
        weight = max_weight;
    return 1.0 + 7.0 * log((double)weight) / log((double)max_weight);
}

/* ---- engines ---- */

/* dot gives the clearest picture but grows superlinearly (minutes on a few
 * thousand nodes); neato is fine to a few hundred; sfdp scales. */
#define DRAW_DOT_NODES 60
#define DRAW_DOT_EDGES 200
#define DRAW_NEATO_NODES 150
#define DRAW_NEATO_EDGES 500

const char *draw_engine(const dyad_draw_opts *opts, size_t n_nodes,
                        size_t n_edges)
{
    if (opts && opts->engine && *opts->engine)
        return opts->engine;
    if (n_nodes <= DRAW_DOT_NODES && n_edges <= DRAW_DOT_EDGES)
        return "dot";
    if (n_nodes <= DRAW_NEATO_NODES && n_edges <= DRAW_NEATO_EDGES)
        return "neato";
    return "sfdp";
}

/* ---- writing a drawing ---- */

dyad_status draw_write(Agraph_t *g, const char *format, FILE *out,
                       dyad_error *err)
{
    if (strcmp(format, "dot") == 0)
        return gvu_write_dot(g, out, err);
    GVC_t *gvc = gvu_context();
    if (!gvc)
        return dyad_fail(err, DYAD_ERR_GRAPHVIZ, "graphviz", 0, 0,
                         "cannot create a Graphviz context");
    dyad_status st = gvu_render(gvc, g, agget(g, (char *)"layout"), format,
                                out, err);
    gvu_context_free(gvc);
    return st;
}

/* ---- checks and cuts ---- */

dyad_status draw_check(const dyad_graph *g, const dyad_draw_opts *opts,
                       const char *what, dyad_error *err)
{
    if (!g || !dyad_graph_is_sorted(g))
        return dyad_fail(err, DYAD_ERR_INVALID, what, 0, 0,
                         "the graph is not sorted (dyad_graph_sort)");
    char where[256];
    if (!ex_check_utf8(g, where, sizeof where))
        return dyad_fail(err, DYAD_ERR_INVALID, "", 0, 0,
                         "%s: not valid UTF-8", where);
    return draw_check_title(opts, err);
}

dyad_status draw_check_title(const dyad_draw_opts *opts, dyad_error *err)
{
    if (opts && opts->title && !text_utf8_ok(opts->title))
        return dyad_fail(err, DYAD_ERR_INVALID, "", 0, 0,
                         "the title is not valid UTF-8");
    return DYAD_OK;
}

char *draw_cut(const char *s, size_t max)
{
    size_t n = ex_utf8_cut(s, max);
    if (!s[n])
        return xstrdup(s);
    strbuf b = {0};
    sb_add(&b, s, n);
    sb_puts(&b, "\xE2\x80\xA6");
    return b.s;
}

/* ---- the graph's drawing ---- */

#define DRAW_LABEL_VERBS 3        /* verbs on an edge label */
#define DRAW_TIP_VERBS 8          /* verbs in an edge tooltip */
#define DRAW_TIP_EVIDENCE 5L      /* sentences in an edge tooltip */
#define DRAW_TIP_SENTENCE 200     /* bytes of one sentence in a tooltip */
/* DRAW_TEXT (draw.h) bytes of a name, DRAW_VERB of a verb, DRAW_TITLE of
 * the title: so that the longest tooltip, escaped (a backslash becomes
 * four), stays near 10 KB, under the 16,384 bytes DOT's lexer takes. */
#define DRAW_VERB 60
#define DRAW_TITLE 300
#define DRAW_MAX_EDGE_LABELS 120  /* beyond this, labels only in tooltips */
#define DRAW_MAX_SPLINE_EDGES 150 /* neato/sfdp: beyond this, straight */

#define MINUS "\xE2\x88\x92" /* U+2212, the typographic minus */
#define TIMES "\xC3\x97"     /* U+00D7 */
#define ARROW "\xE2\x86\x92" /* U+2192 */
#define BULLET "\xE2\x80\xA2"
#define MIDDOT " \xC2\xB7 "

typedef struct verb_count {
    const char *verb;
    long count;
} verb_count;

static int verb_count_cmp(const void *a, const void *b)
{
    const verb_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->verb, y->verb);
}

/* The edge's relations summed by verb (one verb may carry two codes),
 * most frequent first.  Returns the count; *out is the caller's. */
static size_t verbs_of(const dyad_edge *e, verb_count **out)
{
    verb_count *v = xcalloc(e->n_relations ? e->n_relations : 1, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < e->n_relations; i++) {
        const dyad_relation *r = &e->relations[i];
        size_t j = 0;
        while (j < n && strcmp(v[j].verb, r->verb) != 0)
            j++;
        if (j == n)
            v[n++] = (verb_count){r->verb, 0};
        v[j].count += r->count;
    }
    qsort(v, n, sizeof *v, verb_count_cmp);
    *out = v;
    return n;
}

/* "urge ×4, meet ×2, …": escaped for an escString. */
static void put_verbs(strbuf *b, const verb_count *v, size_t n, size_t max,
                      bool tip)
{
    for (size_t i = 0; i < n && i < max; i++) {
        if (i)
            sb_puts(b, ", ");
        if (tip)
            gvu_esc_tip_trunc(b, v[i].verb, DRAW_VERB);
        else
            gvu_esc_trunc(b, v[i].verb, DRAW_VERB);
        if (v[i].count > 1)
            sb_printf(b, " " TIMES "%ld", v[i].count);
    }
    if (n > max)
        sb_puts(b, ", \xE2\x80\xA6");
}

/* A signed number with the typographic minus: "−1.2", "+3.0", "0.0". */
static void put_signed(strbuf *b, double x)
{
    char num[32];
    snprintf(num, sizeof num, "%.1f", fabs(x));
    if (strcmp(num, "0.0") == 0)
        sb_puts(b, num);
    else
        sb_printf(b, "%s%s", x < 0 ? MINUS : "+", num);
}

static const char *tone_of(double g)
{
    if (g <= -5)
        return "hostile";
    if (g < -1)
        return "conflictual";
    if (g <= 1)
        return "neutral";
    if (g < 5)
        return "cooperative";
    return "strongly cooperative";
}

/* A name (an actor's, a document's) in a label or a tooltip. */
static void esc_str(strbuf *b, const char *s)
{
    if (s)
        gvu_esc_trunc(b, s, DRAW_TEXT);
}

static void esc_tip(strbuf *b, const char *s)
{
    if (s)
        gvu_esc_tip_trunc(b, s, DRAW_TEXT);
}

/* An actor's name as drawn: its label, or its id if it has none. */
static const char *label_of(const dyad_node *n)
{
    return n->label && *n->label ? n->label : n->id;
}

/* "Pakistan → Afghan Taliban: weight 9, Goldstein −1.2 (conflictual)",
 * the verbs, then the first sentences with their documents. */
static void edge_tooltip(strbuf *b, const dyad_node *nodes,
                         const dyad_edge *e, const verb_count *v, size_t nv)
{
    esc_tip(b, label_of(&nodes[e->source]));
    sb_puts(b, " " ARROW " ");
    esc_tip(b, label_of(&nodes[e->target]));
    sb_printf(b, ": weight %ld, Goldstein ", e->weight);
    put_signed(b, e->goldstein);
    sb_printf(b, " (%s)\\n", tone_of(e->goldstein));
    put_verbs(b, v, nv, DRAW_TIP_VERBS, true);
    long shown = 0;
    const dyad_evidence *prev = NULL;
    for (size_t i = 0; i < e->n_evidence && shown < DRAW_TIP_EVIDENCE; i++) {
        const dyad_evidence *ev = &e->evidence[i];
        /* acts of one sentence are adjacent in canonical order */
        if (prev && prev->sentence == ev->sentence &&
            strcmp(prev->doc, ev->doc) == 0)
            continue;
        prev = ev;
        sb_puts(b, "\\n" BULLET " ");
        esc_tip(b, ev->doc);
        sb_printf(b, " (sentence %ld): ", ev->sentence);
        gvu_esc_tip_trunc(b, ev->text ? ev->text : "", DRAW_TIP_SENTENCE);
        shown++;
    }
    if (e->weight > shown)
        sb_printf(b, "\\n\xE2\x80\xA6 and %ld more sentence%s",
                  e->weight - shown, e->weight - shown == 1 ? "" : "s");
}

/* Node font 11..18 pt, growing with the log of mentions. */
static double node_fontsize(long mentions)
{
    double f = 11.0 + 1.6 * log1p(mentions > 0 ? (double)mentions : 0);
    return f > 18.0 ? 18.0 : f;
}

static void fmt_num(char *buf, size_t n, double x)
{
    snprintf(buf, n, "%.2f", x);
}

typedef struct build_ctx {
    const dyad_graph *g;
    const dyad_node *nodes;
    const dyad_edge *edges;
    size_t n_nodes, n_edges;
    long min_weight, max_weight;
    bool *drawn_node; /* per node */
    size_t drawn_nodes, drawn_edges;
    size_t open_nodes; /* drawn open actors (--open-actors) */
    long *out_deg, *in_deg;
    bool labels; /* verbs on the edges (dot, not too many edges) */
    char **names; /* ex_drawn_names: NULL, or a new name per renamed id */
} build_ctx;

static bool edge_drawn(const build_ctx *c, const dyad_edge *e)
{
    return e->weight >= c->min_weight;
}

/* Which nodes and edges are drawn: every node when no edge is hidden,
 * else the nodes that keep an edge. */
static void select_drawn(build_ctx *c)
{
    c->drawn_node = xcalloc(c->n_nodes ? c->n_nodes : 1, sizeof(bool));
    c->out_deg = xcalloc(c->n_nodes ? c->n_nodes : 1, sizeof(long));
    c->in_deg = xcalloc(c->n_nodes ? c->n_nodes : 1, sizeof(long));
    for (size_t i = 0; i < c->n_edges; i++) {
        const dyad_edge *e = &c->edges[i];
        if (!edge_drawn(c, e))
            continue;
        c->drawn_edges++;
        c->drawn_node[e->source] = c->drawn_node[e->target] = true;
        c->out_deg[e->source]++;
        c->in_deg[e->target]++;
        if (e->weight > c->max_weight)
            c->max_weight = e->weight;
    }
    for (size_t i = 0; i < c->n_nodes; i++) {
        if (c->min_weight <= 1)
            c->drawn_node[i] = true;
        c->drawn_nodes += c->drawn_node[i];
        c->open_nodes += c->drawn_node[i] && dyad_is_open_actor(c->nodes[i].id);
    }
}

static void set_graph_style(Agraph_t *gr, const char *engine, bool dot,
                            size_t n_edges)
{
    draw_defaults(gr, engine, DRAW_FONT);
    gvu_default(gr, AGRAPH, "bgcolor", "white");
    gvu_default(gr, AGRAPH, "pad", "0.3");
    gvu_default(gr, AGRAPH, "labeljust", "l");
    if (dot) {
        gvu_default(gr, AGRAPH, "rankdir", "TB");
        gvu_default(gr, AGRAPH, "nodesep", "0.6");
        gvu_default(gr, AGRAPH, "ranksep", "0.7");
    } else {
        gvu_default(gr, AGRAPH, "overlap", "prism");
        gvu_default(gr, AGRAPH, "sep", "+16");
        gvu_default(gr, AGRAPH, "esep", "+6");
        /* routing splines around nodes costs minutes beyond a few hundred
         * edges: straight lines then */
        gvu_default(gr, AGRAPH, "splines",
                    n_edges <= DRAW_MAX_SPLINE_EDGES ? "true" : "false");
        gvu_default(gr, AGEDGE, "len", "1.6");
    }
    gvu_default(gr, AGNODE, "fillcolor", "#eef1f5");
    gvu_default(gr, AGNODE, "color", "#5b6770");
    gvu_default(gr, AGNODE, "fontcolor", "#1a1a1a");
    gvu_default(gr, AGNODE, "fontsize", "11");
    gvu_default(gr, AGNODE, "margin", "0.15,0.06");
    gvu_default(gr, AGEDGE, "fontsize", "9");
    gvu_default(gr, AGEDGE, "fontcolor", "#333333");
    gvu_default(gr, AGEDGE, "arrowsize", "0.9");
    gvu_default(gr, AGEDGE, "color", "#9a9a9a");
}

static void add_node(const build_ctx *c, Agraph_t *gr, size_t i,
                     Agnode_t **made)
{
    const dyad_node *nd = &c->nodes[i];
    const char *name = c->names && c->names[i] ? c->names[i] : nd->id;
    Agnode_t *n = agnode(gr, (char *)name, 1);
    made[i] = n;
    strbuf b = {0};
    sb_puts(&b, "");
    esc_str(&b, label_of(nd));
    gvu_set(n, "label", b.s);
    char num[32];
    fmt_num(num, sizeof num, node_fontsize(nd->mentions));
    gvu_set(n, "fontsize", num);
    bool open = dyad_is_open_actor(nd->id);
    if (open) { /* --open-actors: a name in no dictionary */
        gvu_set(n, "style", "rounded,dashed,filled");
        gvu_set(n, "fillcolor", "#ffffff");
    }
    b.len = 0;
    esc_tip(&b, label_of(nd));
    sb_printf(&b, ": %s%ld mention%s; acts on %ld, acted on by %ld",
              open ? "in no dictionary; " : "", nd->mentions,
              nd->mentions == 1 ? "" : "s", c->out_deg[i], c->in_deg[i]);
    gvu_set(n, "tooltip", b.s);
    sb_free(&b);
}

static void add_edge(const build_ctx *c, Agraph_t *gr, const dyad_edge *e,
                     Agnode_t **made, bool labels)
{
    Agedge_t *ed = agedge(gr, made[e->source], made[e->target], NULL, 1);
    verb_count *v;
    size_t nv = verbs_of(e, &v);
    char num[32], colour[8];
    draw_goldstein_colour(e->goldstein, colour);
    gvu_set(ed, "color", colour);
    fmt_num(num, sizeof num, draw_penwidth(e->weight, c->max_weight));
    gvu_set(ed, "penwidth", num);
    snprintf(num, sizeof num, "%ld", e->weight);
    gvu_set(ed, "weight", num);
    strbuf b = {0};
    if (labels) {
        /* a space each side keeps the text off neighbouring lines when
         * the viewer's font is wider than Graphviz's estimate */
        sb_putc(&b, ' ');
        put_verbs(&b, v, nv, DRAW_LABEL_VERBS, false);
        sb_putc(&b, ' ');
        gvu_set(ed, "label", b.s);
    }
    b.len = 0;
    edge_tooltip(&b, c->nodes, e, v, nv);
    gvu_set(ed, "tooltip", b.s);
    gvu_set(ed, "labeltooltip", b.s);
    sb_free(&b);
    free(v);
}

/* The legend: the graph's own HTML label, so that it takes no part in the
 * layout of any engine.  One nested table a row keeps the rows' columns
 * independent. */
#define ROW_OPEN "<TR><TD ALIGN=\"LEFT\"><TABLE ALIGN=\"LEFT\" BORDER=\"0\" " \
                 "CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>"
#define ROW_CLOSE "</TR></TABLE></TD></TR>"
#define CELL_TEXT "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">"
#define CELL_END "</FONT></TD>"

static void legend_swatches(strbuf *b)
{
    static const int at[] = {-10, -5, 0, 5, 10};
    sb_puts(b, ROW_OPEN CELL_TEXT "Colour = tone (mean Goldstein):  " CELL_END
               "<TD WIDTH=\"16\"></TD>" CELL_TEXT "conflict" CELL_END
               "<TD WIDTH=\"6\"></TD>");
    for (size_t i = 0; i < 5; i++) {
        char colour[8];
        draw_goldstein_colour(at[i], colour);
        sb_printf(b, "<TD BGCOLOR=\"%s\" WIDTH=\"36\" HEIGHT=\"16\" "
                     "FIXEDSIZE=\"TRUE\"><FONT COLOR=\"%s\" "
                     "POINT-SIZE=\"9\">%s%d</FONT></TD>",
                  colour, i == 2 ? "#1a1a1a" : "#ffffff",
                  at[i] < 0 ? MINUS : at[i] > 0 ? "+" : "", abs(at[i]));
    }
    sb_puts(b, "<TD WIDTH=\"6\"></TD>" CELL_TEXT "cooperation" CELL_END
               ROW_CLOSE);
}

static void legend_widths(strbuf *b, long max_weight)
{
    long top = max_weight > 2 ? max_weight : 3;
    long w[3] = {1, top > 4 ? (long)lround(sqrt((double)top)) : 2, top};
    sb_puts(b, ROW_OPEN CELL_TEXT "Width = number of sentences:  " CELL_END);
    for (size_t i = 0; i < 3; i++) {
        double pw = draw_penwidth(w[i], top);
        sb_printf(b, "<TD WIDTH=\"10\"></TD><TD><TABLE BORDER=\"0\" "
                     "CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD "
                     "BGCOLOR=\"#707070\" WIDTH=\"36\" HEIGHT=\"%d\" "
                     "FIXEDSIZE=\"TRUE\"></TD></TR></TABLE></TD>"
                     CELL_TEXT "%ld" CELL_END,
                  (int)lround(pw), w[i]);
    }
    sb_puts(b, ROW_CLOSE);
}

static char *legend_html(const build_ctx *c, const dyad_draw_opts *opts)
{
    strbuf b = {0};
    sb_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                "CELLPADDING=\"1\">");
    if (opts && opts->title && *opts->title) {
        /* regular weight: Graphviz sizes text with regular metrics; the
         * spacer leaves room for fonts wider than Helvetica */
        sb_puts(&b, "<TR><TD ALIGN=\"LEFT\"><TABLE ALIGN=\"LEFT\" BORDER=\"0\" "
                    "CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD>"
                    "<FONT POINT-SIZE=\"18\">");
        gvu_esc_html_trunc(&b, opts->title, DRAW_TITLE);
        sb_printf(&b, "</FONT></TD><TD WIDTH=\"%zu\"></TD></TR></TABLE>"
                      "</TD></TR>",
                  ex_utf8_cut(opts->title, DRAW_TITLE) + 1);
    }
    long docs = dyad_graph_documents(c->g), sents = dyad_graph_sentences(c->g);
    sb_printf(&b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" "
                  "COLOR=\"#555555\">%ld document%s" MIDDOT "%ld sentence%s"
                  MIDDOT "%zu actor%s" MIDDOT "%zu link%s",
              docs, docs == 1 ? "" : "s", sents, sents == 1 ? "" : "s",
              c->drawn_nodes, c->drawn_nodes == 1 ? "" : "s", c->drawn_edges,
              c->drawn_edges == 1 ? "" : "s");
    if (c->min_weight > 1)
        sb_printf(&b, " (links of fewer than %ld sentences hidden)",
                  c->min_weight);
    sb_puts(&b, "</FONT></TD></TR>");
    sb_puts(&b, ROW_OPEN CELL_TEXT "Arrow A " ARROW " B = A acts on B, as "
                "the articles report it." CELL_END ROW_CLOSE);
    legend_swatches(&b);
    legend_widths(&b, c->max_weight);
    if (c->labels)
        sb_puts(&b, ROW_OPEN CELL_TEXT "Label = main verbs " TIMES " times "
                    "reported. Hover a line or an actor for details and "
                    "the sentences." CELL_END ROW_CLOSE);
    else
        sb_puts(&b, ROW_OPEN CELL_TEXT "Hover a line for its verbs and "
                    "sentences, an actor for its mentions." CELL_END
                    ROW_CLOSE);
    if (c->open_nodes)
        sb_puts(&b, ROW_OPEN CELL_TEXT "A dashed actor is in no dictionary "
                    "(--open-actors)." CELL_END ROW_CLOSE);
    sb_puts(&b, "</TABLE>");
    return b.s;
}

char **draw_node_names(const dyad_graph *g)
{
    size_t n = dyad_graph_n_nodes(g);
    const char **ids = xcalloc(n ? n : 1, sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = dyad_graph_nodes(g)[i].id;
    char **names = ex_drawn_names(ids, n);
    free(ids);
    return names;
}

Agraph_t *draw_graph(const dyad_graph *g, const dyad_draw_opts *opts)
{
    build_ctx c = {
        .g = g,
        .nodes = dyad_graph_nodes(g),
        .edges = dyad_graph_edges(g),
        .n_nodes = dyad_graph_n_nodes(g),
        .n_edges = dyad_graph_n_edges(g),
        .min_weight = opts && opts->min_weight > 0 ? opts->min_weight : 0,
    };
    select_drawn(&c);
    const char *engine = draw_engine(opts, c.drawn_nodes, c.drawn_edges);
    /* neato and sfdp put edge labels on top of each other */
    c.labels = strcmp(engine, "dot") == 0 &&
               c.drawn_edges <= DRAW_MAX_EDGE_LABELS;
    Agraph_t *gr = gvu_graph_new("dyad");
    set_graph_style(gr, engine, strcmp(engine, "dot") == 0, c.drawn_edges);
    char *legend = legend_html(&c, opts);
    gvu_set_html(gr, "label", legend);
    free(legend);
    c.names = draw_node_names(g);
    Agnode_t **made = xcalloc(c.n_nodes ? c.n_nodes : 1, sizeof *made);
    for (size_t i = 0; i < c.n_nodes; i++)
        if (c.drawn_node[i])
            add_node(&c, gr, i, made);
    for (size_t i = 0; i < c.n_edges; i++)
        if (edge_drawn(&c, &c.edges[i]))
            add_edge(&c, gr, &c.edges[i], made, c.labels);
    free(made);
    ex_drawn_names_free(c.names, c.n_nodes);
    free(c.in_deg);
    free(c.out_deg);
    free(c.drawn_node);
    return gr;
}
