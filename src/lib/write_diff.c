/* The diff's writers: the readable report, the JSON object (Jansson, keys
 * in a fixed order) and the union graph as DOT and SVG (cgraph and gvc
 * through gv_util.h).  Everything is written to memory first and handed
 * to the stream at once, so a failure writes nothing. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/diff.h"
#include "gv_util.h"
#include "util.h"

#define DIFF_FORMAT_VERSION 1

/* Okabe–Ito: distinguishable with every common colour-vision deficiency;
 * each kind also has its own line style, so hue is never the only cue. */
#define COL_ADDED "#0072B2"   /* blue, solid */
#define COL_REMOVED "#D55E00" /* vermillion, dashed */
#define COL_CHANGED "#CC79A7" /* reddish purple, double line */
#define COL_SAME "#B8B8B8"    /* grey, thin */
#define FILL_ADDED "#DCEBF7"
#define FILL_REMOVED "#F9E0D2"
#define MINUS "\xe2\x88\x92" /* U+2212, the drawn minus sign */

static const char *name_or(const char *label, const char *dflt)
{
    return label && *label ? label : dflt;
}

/* Rounded to d decimals, -0 folded into 0, so output never shows "-0.00". */
static double rnd(double x, int d)
{
    double k = d == 2 ? 100.0 : 1000.0;
    return round(x * k) / k + 0.0;
}

static long ldelta(long a, long b) { return b - a; }

static const char *plural(long n) { return n == 1 ? "" : "s"; }

/* The nodes of one kind, by the size of the change in mentions
 * descending, then by id: the biggest newcomers and losses first. */
static int cmp_node_change(const void *pa, const void *pb)
{
    const dyad_diff_node *x = *(const dyad_diff_node *const *)pa;
    const dyad_diff_node *y = *(const dyad_diff_node *const *)pb;
    long dx = labs(ldelta(x->mentions_a, x->mentions_b));
    long dy = labs(ldelta(y->mentions_a, y->mentions_b));
    if (dx != dy)
        return dx > dy ? -1 : 1;
    return strcmp(x->id, y->id);
}

static size_t nodes_of_kind(const dyad_diff *d, dyad_diff_kind kind,
                            const dyad_diff_node ***out)
{
    const dyad_diff_node *v = dyad_diff_nodes(d);
    const dyad_diff_node **a = xmalloc((dyad_diff_n_nodes(d) + 1) * sizeof *a);
    size_t n = 0;
    for (size_t i = 0; i < dyad_diff_n_nodes(d); i++)
        if (v[i].kind == kind)
            a[n++] = &v[i];
    if (n > 1)
        qsort(a, n, sizeof *a, cmp_node_change);
    *out = a;
    return n;
}

static dyad_status flush_buf(const strbuf *b, FILE *out, dyad_error *err)
{
    size_t n = b->len;
    if ((n && fwrite(b->s, 1, n, out) != n) || ferror(out))
        return dyad_fail(err, DYAD_ERR_IO, "", 0, 0, "write failed");
    return DYAD_OK;
}

/* ---- shared wording ---- */

static bool verb_is_ambiguous(const dyad_diff_edge *e, size_t k)
{
    for (size_t i = 0; i < e->n_verbs; i++)
        if (i != k && strcmp(e->verbs[i].verb, e->verbs[k].verb) == 0)
            return true;
    return false;
}

/* "urge +3, meet -1": at most max verbs (0: all), then "…" */
static void verb_changes(strbuf *b, const dyad_diff_edge *e, size_t max,
                         const char *minus)
{
    for (size_t k = 0; k < e->n_verbs; k++) {
        if (max && k == max) {
            sb_puts(b, ", \xe2\x80\xa6");
            break;
        }
        const dyad_diff_verb *v = &e->verbs[k];
        long dv = ldelta(v->count_a, v->count_b);
        sb_printf(b, "%s%s", k ? ", " : "", v->verb);
        if (verb_is_ambiguous(e, k))
            sb_printf(b, " (%s)", v->code);
        sb_printf(b, " %s%ld", dv < 0 ? minus : "+", dv < 0 ? -dv : dv);
    }
}

/* ---- text ---- */

static void tone_text(strbuf *b, double tone, long acts)
{
    if (acts > 0)
        sb_printf(b, "%+.2f", rnd(tone, 2));
    else
        sb_puts(b, "n/a");
}

static void text_sides(strbuf *b, const dyad_diff *d, const char *la,
                       const char *lb)
{
    const dyad_diff_side *a = dyad_diff_side_a(d), *s = dyad_diff_side_b(d);
    int w = 10;
    if ((int)strlen(la) > w)
        w = (int)strlen(la);
    if ((int)strlen(lb) > w)
        w = (int)strlen(lb);
    sb_printf(b, "  %-10s  %*s  %*s\n", "", w, la, w, lb);
    sb_printf(b, "  %-10s  %*ld  %*ld\n", "documents", w, a->documents, w,
              s->documents);
    sb_printf(b, "  %-10s  %*ld  %*ld\n", "sentences", w, a->sentences, w,
              s->sentences);
    sb_printf(b, "  %-10s  %*zu  %*zu\n", "actors", w, a->nodes, w, s->nodes);
    sb_printf(b, "  %-10s  %*zu  %*zu\n", "edges", w, a->edges, w, s->edges);
    sb_printf(b, "  %-10s  %*ld  %*ld\n", "acts", w, a->acts, w, s->acts);
    strbuf ta = {0}, tb = {0};
    tone_text(&ta, a->mean_tone, a->acts);
    tone_text(&tb, s->mean_tone, s->acts);
    sb_printf(b, "  %-10s  %*s  %*s\n", "mean tone", w, ta.s, w, tb.s);
    sb_free(&ta);
    sb_free(&tb);
}

static void text_similarity(strbuf *b, const dyad_diff *d)
{
    const dyad_diff_similarity *s = dyad_diff_similarities(d);
    size_t n = dyad_diff_n_nodes(d), e = dyad_diff_n_edges(d);
    size_t nc = n - dyad_diff_count_nodes(d, DYAD_DIFF_ADDED) -
                dyad_diff_count_nodes(d, DYAD_DIFF_REMOVED);
    size_t ec = e - dyad_diff_count_edges(d, DYAD_DIFF_ADDED) -
                dyad_diff_count_edges(d, DYAD_DIFF_REMOVED);
    sb_puts(b, "\nSimilarity\n");
    sb_printf(b, "  node Jaccard      %.3f  (%zu of %zu actors in both)\n",
              rnd(s->nodes, 3), nc, n);
    sb_printf(b, "  edge Jaccard      %.3f  (%zu of %zu edges in both)\n",
              rnd(s->edges, 3), ec, e);
    sb_printf(b, "  weighted Jaccard  %.3f\n", rnd(s->weighted, 3));
    sb_puts(b, "  mean tone shift   ");
    if (dyad_diff_side_a(d)->acts > 0 && dyad_diff_side_b(d)->acts > 0)
        sb_printf(b, "%+.2f\n", rnd(dyad_diff_tone_shift(d), 2));
    else
        sb_puts(b, "n/a (a side has no acts)\n");
}

static void text_nodes(strbuf *b, const dyad_diff *d, dyad_diff_kind kind,
                       const char *title)
{
    const dyad_diff_node **v;
    size_t n = nodes_of_kind(d, kind, &v);
    if (n)
        sb_printf(b, "\n%s (%zu)\n", title, n);
    for (size_t i = 0; i < n; i++) {
        if (kind == DYAD_DIFF_ADDED)
            sb_printf(b, "  + %s [%s]  %ld mention%s\n", v[i]->label,
                      v[i]->id, v[i]->mentions_b, plural(v[i]->mentions_b));
        else if (kind == DYAD_DIFF_REMOVED)
            sb_printf(b, "  - %s [%s]  %ld mention%s\n", v[i]->label,
                      v[i]->id, v[i]->mentions_a, plural(v[i]->mentions_a));
        else
            sb_printf(b, "  ~ %s [%s]  %ld -> %ld mention%s (%+ld)\n",
                      v[i]->label, v[i]->id, v[i]->mentions_a,
                      v[i]->mentions_b, plural(v[i]->mentions_b),
                      ldelta(v[i]->mentions_a, v[i]->mentions_b));
    }
    free(v);
}

static void text_edge_names(strbuf *b, const dyad_diff *d,
                            const dyad_diff_edge *e)
{
    const dyad_diff_node *v = dyad_diff_nodes(d);
    sb_printf(b, "%s -> %s", v[e->source_node].label, v[e->target_node].label);
}

/* Tone shifts visible at two decimals, largest first, then by ids. */
static long tone_shift_centi(const dyad_diff_edge *e)
{
    if (e->kind != DYAD_DIFF_CHANGED && e->kind != DYAD_DIFF_SAME)
        return 0;
    return lround(rnd(e->goldstein_b, 2) * 100) -
           lround(rnd(e->goldstein_a, 2) * 100);
}

/* The verbs line, wrapped at 79 columns under its first item. */
#define VERBS_LEAD "        verbs: "
#define TEXT_WIDTH 79

static void text_verbs(strbuf *b, const dyad_diff_edge *e)
{
    size_t indent = strlen(VERBS_LEAD), col = indent;
    sb_puts(b, VERBS_LEAD);
    for (size_t k = 0; k < e->n_verbs; k++) {
        const dyad_diff_verb *v = &e->verbs[k];
        strbuf item = {0};
        sb_puts(&item, v->verb);
        if (verb_is_ambiguous(e, k))
            sb_printf(&item, " (%s)", v->code);
        sb_printf(&item, " %+ld%s", ldelta(v->count_a, v->count_b),
                  k + 1 < e->n_verbs ? "," : "");
        if (k > 0 && col + 1 + item.len > TEXT_WIDTH) {
            sb_printf(b, "\n%*s", (int)indent, "");
            col = indent;
        } else if (k > 0) {
            sb_putc(b, ' ');
            col++;
        }
        sb_add(b, item.s, item.len);
        col += item.len;
        sb_free(&item);
    }
    sb_putc(b, '\n');
}

static void text_edge(strbuf *b, const dyad_diff *d, const dyad_diff_edge *e)
{
    sb_printf(b, "  %+4ld  ", ldelta(e->weight_a, e->weight_b));
    text_edge_names(b, d, e);
    if (e->kind == DYAD_DIFF_ADDED)
        sb_printf(b, "  weight %ld, tone %+.2f", e->weight_b,
                  rnd(e->goldstein_b, 2));
    else if (e->kind == DYAD_DIFF_REMOVED)
        sb_printf(b, "  weight %ld, tone %+.2f", e->weight_a,
                  rnd(e->goldstein_a, 2));
    else
        sb_printf(b, "  weight %ld -> %ld", e->weight_a, e->weight_b);
    if (e->kind == DYAD_DIFF_CHANGED && tone_shift_centi(e) != 0)
        sb_printf(b, ", tone %+.2f -> %+.2f", rnd(e->goldstein_a, 2),
                  rnd(e->goldstein_b, 2));
    else if (e->kind == DYAD_DIFF_CHANGED)
        sb_printf(b, ", tone %+.2f", rnd(e->goldstein_b, 2));
    sb_putc(b, '\n');
    if (e->n_verbs)
        text_verbs(b, e);
}

static void text_edges(strbuf *b, const dyad_diff *d, dyad_diff_kind kind,
                       const char *title)
{
    size_t n = dyad_diff_count_edges(d, kind);
    if (n == 0)
        return;
    sb_printf(b, "\n%s (%zu)\n", title, n);
    const dyad_diff_edge *e = dyad_diff_edges(d);
    for (size_t i = 0; i < dyad_diff_n_edges(d); i++)
        if (e[i].kind == kind)
            text_edge(b, d, &e[i]);
}

static int cmp_tone(const void *pa, const void *pb)
{
    const dyad_diff_edge *x = *(const dyad_diff_edge *const *)pa;
    const dyad_diff_edge *y = *(const dyad_diff_edge *const *)pb;
    long dx = labs(tone_shift_centi(x)), dy = labs(tone_shift_centi(y));
    if (dx != dy)
        return dx > dy ? -1 : 1;
    int c = strcmp(x->source, y->source);
    return c ? c : strcmp(x->target, y->target);
}

static size_t tone_shifts(const dyad_diff *d, const dyad_diff_edge ***out)
{
    const dyad_diff_edge *e = dyad_diff_edges(d);
    const dyad_diff_edge **v = xmalloc((dyad_diff_n_edges(d) + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < dyad_diff_n_edges(d); i++)
        if (tone_shift_centi(&e[i]) != 0)
            v[n++] = &e[i];
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_tone);
    *out = v;
    return n;
}

static void text_tones(strbuf *b, const dyad_diff *d)
{
    const dyad_diff_edge **v;
    size_t n = tone_shifts(d, &v);
    if (n)
        sb_printf(b, "\nTone shifts of edges in both (%zu)\n", n);
    for (size_t i = 0; i < n; i++) {
        sb_printf(b, "  %+.2f  ", (double)tone_shift_centi(v[i]) / 100.0);
        text_edge_names(b, d, v[i]);
        sb_printf(b, "  %+.2f -> %+.2f\n", rnd(v[i]->goldstein_a, 2),
                  rnd(v[i]->goldstein_b, 2));
    }
    free(v);
}

dyad_status dyad_diff_write_text(const dyad_diff *d, FILE *out,
                                 const char *label_a, const char *label_b,
                                 dyad_error *err)
{
    const char *la = name_or(label_a, "A"), *lb = name_or(label_b, "B");
    strbuf b = {0};
    sb_printf(&b, "dyad diff: %s -> %s\n\n", la, lb);
    text_sides(&b, d, la, lb);
    text_similarity(&b, d);
    if (dyad_diff_is_empty(d)) {
        sb_puts(&b, "\nNo differences: the same actors, mentions, edges, "
                    "weights, verbs and tones.\n");
    } else {
        text_nodes(&b, d, DYAD_DIFF_ADDED, "Actors that appear");
        text_nodes(&b, d, DYAD_DIFF_REMOVED, "Actors that disappear");
        text_nodes(&b, d, DYAD_DIFF_CHANGED, "Actors mentioned more or less");
        text_edges(&b, d, DYAD_DIFF_ADDED, "Edges added");
        text_edges(&b, d, DYAD_DIFF_REMOVED, "Edges removed");
        text_edges(&b, d, DYAD_DIFF_CHANGED, "Edges changed");
        text_tones(&b, d);
    }
    dyad_status st = flush_buf(&b, out, err);
    sb_free(&b);
    return st;
}

/* ---- JSON ---- */

static json_t *jreal(double x) { return json_real(rnd(x, 3)); }

static json_t *jtone(double x, long acts)
{
    return acts > 0 ? jreal(x) : json_null();
}

/* Ids, labels and verbs come from validated UTF-8 (the dictionary, the
 * JSON reader); should one not be, its non-ASCII bytes become '?' rather
 * than the key silently going missing (json_string gives NULL). */
static json_t *jstr(const char *s)
{
    json_t *v = json_string(s ? s : "");
    if (v)
        return v;
    char *t = xstrdup(s);
    for (char *p = t; *p; p++)
        if ((unsigned char)*p >= 0x80)
            *p = '?';
    v = json_string(t);
    free(t);
    return v;
}

static void jset(json_t *o, const char *key, json_t *v)
{
    json_object_set_new_nocheck(o, key, v);
}

static json_t *json_side(const dyad_diff_side *s, const char *label)
{
    json_t *o = json_object();
    jset(o, "label", jstr(label));
    jset(o, "documents", json_integer(s->documents));
    jset(o, "sentences", json_integer(s->sentences));
    jset(o, "nodes", json_integer((json_int_t)s->nodes));
    jset(o, "edges", json_integer((json_int_t)s->edges));
    jset(o, "acts", json_integer(s->acts));
    jset(o, "mean_tone", jtone(s->mean_tone, s->acts));
    return o;
}

static json_t *json_counts(const dyad_diff *d, bool edges)
{
    static const struct {
        const char *key;
        dyad_diff_kind kind;
    } k[] = {{"added", DYAD_DIFF_ADDED},
             {"removed", DYAD_DIFF_REMOVED},
             {"changed", DYAD_DIFF_CHANGED},
             {"unchanged", DYAD_DIFF_SAME}};
    json_t *o = json_object();
    for (size_t i = 0; i < 4; i++)
        jset(o, k[i].key,
             json_integer((json_int_t)(edges
                                           ? dyad_diff_count_edges(d, k[i].kind)
                                           : dyad_diff_count_nodes(d, k[i].kind))));
    return o;
}

static json_t *json_node(const dyad_diff_node *n)
{
    json_t *o = json_object();
    jset(o, "id", jstr(n->id));
    jset(o, "label", jstr(n->label));
    jset(o, "mentions_a", json_integer(n->mentions_a));
    jset(o, "mentions_b", json_integer(n->mentions_b));
    jset(o, "delta", json_integer(ldelta(n->mentions_a, n->mentions_b)));
    return o;
}

static json_t *json_verbs(const dyad_diff_edge *e)
{
    json_t *a = json_array();
    for (size_t k = 0; k < e->n_verbs; k++) {
        const dyad_diff_verb *v = &e->verbs[k];
        json_t *o = json_object();
        jset(o, "verb", jstr(v->verb));
        jset(o, "cameo", jstr(v->cameo));
        jset(o, "code", jstr(v->code));
        jset(o, "count_a", json_integer(v->count_a));
        jset(o, "count_b", json_integer(v->count_b));
        jset(o, "delta", json_integer(ldelta(v->count_a, v->count_b)));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *json_edge(const dyad_diff_edge *e)
{
    json_t *o = json_object();
    jset(o, "source", jstr(e->source));
    jset(o, "target", jstr(e->target));
    jset(o, "weight_a", json_integer(e->weight_a));
    jset(o, "weight_b", json_integer(e->weight_b));
    jset(o, "delta", json_integer(ldelta(e->weight_a, e->weight_b)));
    jset(o, "acts_a", json_integer(e->acts_a));
    jset(o, "acts_b", json_integer(e->acts_b));
    jset(o, "goldstein_a", jtone(e->goldstein_a, e->acts_a));
    jset(o, "goldstein_b", jtone(e->goldstein_b, e->acts_b));
    jset(o, "goldstein_delta",
         e->acts_a > 0 && e->acts_b > 0
             ? jreal(rnd(e->goldstein_b, 3) - rnd(e->goldstein_a, 3))
             : json_null());
    jset(o, "relations", json_verbs(e));
    return o;
}

static json_t *json_changes(const dyad_diff *d, bool edges)
{
    static const struct {
        const char *key;
        dyad_diff_kind kind;
    } k[] = {{"added", DYAD_DIFF_ADDED},
             {"removed", DYAD_DIFF_REMOVED},
             {"changed", DYAD_DIFF_CHANGED}};
    json_t *o = json_object();
    for (size_t i = 0; i < 3; i++) {
        json_t *a = json_array();
        if (edges) {
            const dyad_diff_edge *e = dyad_diff_edges(d);
            for (size_t j = 0; j < dyad_diff_n_edges(d); j++)
                if (e[j].kind == k[i].kind)
                    json_array_append_new(a, json_edge(&e[j]));
        } else {
            const dyad_diff_node **v;
            size_t n = nodes_of_kind(d, k[i].kind, &v);
            for (size_t j = 0; j < n; j++)
                json_array_append_new(a, json_node(v[j]));
            free(v);
        }
        jset(o, k[i].key, a);
    }
    return o;
}

static json_t *json_diff(const dyad_diff *d, const char *la, const char *lb)
{
    const dyad_diff_similarity *s = dyad_diff_similarities(d);
    const dyad_diff_side *a = dyad_diff_side_a(d), *b = dyad_diff_side_b(d);
    json_t *o = json_object(), *sim = json_object(), *cnt = json_object();
    jset(o, "format", json_string("dyad-diff"));
    jset(o, "version", json_integer(DIFF_FORMAT_VERSION));
    jset(o, "generator", json_string("dyad " DYAD_VERSION));
    jset(o, "a", json_side(a, la));
    jset(o, "b", json_side(b, lb));
    jset(o, "identical", json_boolean(dyad_diff_is_empty(d)));
    jset(sim, "nodes", jreal(s->nodes));
    jset(sim, "edges", jreal(s->edges));
    jset(sim, "weighted", jreal(s->weighted));
    jset(sim, "tone_shift", a->acts > 0 && b->acts > 0
                                ? jreal(dyad_diff_tone_shift(d))
                                : json_null());
    jset(o, "similarity", sim);
    jset(cnt, "nodes", json_counts(d, false));
    jset(cnt, "edges", json_counts(d, true));
    jset(o, "counts", cnt);
    jset(o, "nodes", json_changes(d, false));
    jset(o, "edges", json_changes(d, true));
    return o;
}

dyad_status dyad_diff_write_json(const dyad_diff *d, FILE *out,
                                 const char *label_a, const char *label_b,
                                 dyad_error *err)
{
    json_t *o = json_diff(d, name_or(label_a, "A"), name_or(label_b, "B"));
    char *text = json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
    json_decref(o);
    if (!text)
        return dyad_fail(err, DYAD_ERR_INVALID, "diff", 0, 0,
                         "cannot write the diff as JSON");
    strbuf b = {0};
    sb_puts(&b, text);
    sb_putc(&b, '\n');
    free(text);
    dyad_status st = flush_buf(&b, out, err);
    sb_free(&b);
    return st;
}

/* ---- the union graph ---- */

typedef struct draw_ctx {
    const dyad_diff *d;
    Agraph_t *g;
    Agnode_t **nodes; /* by diff node index; NULL: not drawn */
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
    gvu_esc(&lab, v->label, strlen(v->label));
    gvu_esc(&tip, v->label, strlen(v->label));
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
        sb_puts(b, "\xc2\xb1" "0");
    if (e->kind == DYAD_DIFF_CHANGED)
        sb_printf(b, " (%ld\xe2\x86\x92%ld)", e->weight_a, e->weight_b);
    if (e->n_verbs) {
        strbuf v = {0};
        verb_changes(&v, e, 2, MINUS);
        sb_puts(b, "\\n" LABEL_PAD);
        gvu_esc(b, v.s, v.len);
        sb_free(&v);
    }
}

static void edge_tooltip(strbuf *b, const draw_ctx *c, const dyad_diff_edge *e)
{
    const dyad_diff_node *v = dyad_diff_nodes(c->d);
    strbuf t = {0};
    sb_printf(&t, "%s -> %s: weight %ld -> %ld", v[e->source_node].label,
              v[e->target_node].label, e->weight_a, e->weight_b);
    if (e->acts_a > 0 && e->acts_b > 0)
        sb_printf(&t, ", tone %+.2f -> %+.2f", rnd(e->goldstein_a, 2),
                  rnd(e->goldstein_b, 2));
    if (e->n_verbs) {
        sb_puts(&t, "; verbs ");
        verb_changes(&t, e, 0, "-");
    }
    gvu_esc(b, t.s, t.len);
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
    double width = gvu_penwidth(change + 1, c->max_change + 1);
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
    sb_printf(b,
              "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT>  ",
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
    sb_printf(&t, "changed (%zu): weight or verbs, change (old\xe2\x86\x92new)",
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
    gvu_esc_html(b, title);
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

/* Arial, not Helvetica: Graphviz sizes text with Arial's metrics either
 * way, but writes Helvetica as font-family="Helvetica,sans-Serif", which
 * librsvg does not resolve and draws in the wider DejaVu Sans, so labels
 * overran their boxes; "Arial" resolves to Arial or its metric twin
 * (Liberation Sans) everywhere. */
static void graph_defaults(Agraph_t *g, const char *engine)
{
    gvu_default(g, AGRAPH, "layout", engine);
    gvu_default(g, AGRAPH, "fontname", "Arial");
    gvu_default(g, AGRAPH, "fontsize", "12");
    gvu_default(g, AGRAPH, "labelloc", "t");
    gvu_default(g, AGRAPH, "nodesep", "0.4");
    gvu_default(g, AGRAPH, "ranksep", "0.6");
    gvu_default(g, AGRAPH, "overlap", "false");
    gvu_default(g, AGRAPH, "outputorder", "edgesfirst");
    gvu_default(g, AGNODE, "shape", "box");
    gvu_default(g, AGNODE, "style", "rounded,filled");
    gvu_default(g, AGNODE, "fillcolor", "#FFFFFF");
    gvu_default(g, AGNODE, "color", "#555555");
    gvu_default(g, AGNODE, "penwidth", "1");
    gvu_default(g, AGNODE, "fontname", "Arial");
    gvu_default(g, AGNODE, "fontsize", "11");
    gvu_default(g, AGEDGE, "fontname", "Arial");
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
        c->nodes[i] = agnode(c->g, (char *)v->id, 1);
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
    const char *la = name_or(label_a, "A"), *lb = name_or(label_b, "B");
    draw_ctx c = {.d = d, .min_weight = opts ? opts->min_weight : 0};
    c.nodes = xcalloc(dyad_diff_n_nodes(d) + 1, sizeof *c.nodes);
    for (size_t i = 0; i < dyad_diff_n_edges(d); i++) {
        const dyad_diff_edge *e = &dyad_diff_edges(d)[i];
        long ch = labs(ldelta(e->weight_a, e->weight_b));
        if (ch > c.max_change)
            c.max_change = ch;
    }
    c.g = gvu_graph_new("dyad_diff");
    graph_defaults(c.g, gvu_engine(opts, dyad_diff_n_nodes(d),
                                   dyad_diff_n_edges(d)));
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
    free(c.nodes);
    return c.g;
}

dyad_status dyad_diff_write_dot(const dyad_diff *d, FILE *out,
                                const char *label_a, const char *label_b,
                                const dyad_draw_opts *opts, dyad_error *err)
{
    Agraph_t *g = diff_graph(d, label_a, label_b, opts);
    dyad_status st = gvu_write_dot(g, out, err);
    agclose(g);
    return st;
}

dyad_status dyad_diff_write_svg(const dyad_diff *d, FILE *out,
                                const char *label_a, const char *label_b,
                                const dyad_draw_opts *opts, dyad_error *err)
{
    GVC_t *gvc = gvu_context();
    if (!gvc)
        return dyad_fail(err, DYAD_ERR_GRAPHVIZ, "graphviz", 0, 0,
                         "cannot create a Graphviz context");
    Agraph_t *g = diff_graph(d, label_a, label_b, opts);
    const char *engine = agget(g, (char *)"layout");
    dyad_status st = gvu_render(gvc, g, engine, "svg", out, err);
    agclose(g);
    gvu_context_free(gvc);
    return st;
}
