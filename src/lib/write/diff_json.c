/* dyad_diff_write_json: a diff as one JSON object (Jansson, keys in a
 * fixed order, docs/diff.md), written at once, so a failure writes
 * nothing. */
#include <jansson.h>
#include <stdlib.h>

#include "diff_util.h"

#define DIFF_FORMAT_VERSION 1

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
             json_integer(
                 (json_int_t)(edges ? dyad_diff_count_edges(d, k[i].kind)
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
            size_t n = dw_nodes_of_kind(d, k[i].kind, &v);
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
    jset(sim, "tone_shift",
         a->acts > 0 && b->acts > 0 ? jreal(dyad_diff_tone_shift(d))
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
    dyad_status st = dw_flush(&b, out, err);
    sb_free(&b);
    return st;
}
