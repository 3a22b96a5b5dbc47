/* dyad_diff_write_text: the readable report of a diff (docs/diff.md),
 * built in memory and written at once, so a failure writes nothing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diff_util.h"

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
    size_t n = dw_nodes_of_kind(d, kind, &v);
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
    sb_printf(b, "%s -> %s", v[e->source_node].label,
              v[e->target_node].label);
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
        if (dw_verb_ambiguous(e, k))
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
    const dyad_diff_edge **v =
        xmalloc((dyad_diff_n_edges(d) + 1) * sizeof *v);
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

/* The report goes to terminals: every control character but the line
 * feeds the report itself writes, DEL and the C1 controls (U+0080..U+009F;
 * U+009B is CSI to some terminals) shown as \xHH or \u00HH, so that an id
 * or a label cannot drive the terminal. */
static void terminal_safe(strbuf *out, const strbuf *in)
{
    const unsigned char *p = (const unsigned char *)(in->s ? in->s : "");
    for (size_t i = 0; i < in->len; i++) {
        if ((p[i] < 0x20 && p[i] != '\n') || p[i] == 0x7f)
            sb_printf(out, "\\x%02x", p[i]);
        else if (p[i] == 0xC2 && i + 1 < in->len && p[i + 1] >= 0x80 &&
                 p[i + 1] < 0xA0)
            sb_printf(out, "\\u%04x", p[++i]);
        else
            sb_putc(out, (char)p[i]);
    }
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
    strbuf safe = {0};
    terminal_safe(&safe, &b);
    dyad_status st = dw_flush(&safe, out, err);
    sb_free(&safe);
    sb_free(&b);
    return st;
}
