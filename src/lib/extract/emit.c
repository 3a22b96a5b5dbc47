/* Emit: the one place that adds to the graph and to the trace, and the
 * class refinements every triple passes through. */
#include "internal.h"

/* The event of tokens [first, last) of the sentence being read. */
static dyad_trace_event event_at(const ctx *c, dyad_trace_kind kind, size_t first, size_t last,
                                 int16_t src, int16_t dst)
{
    dyad_trace_event ev = {0};
    ev.kind = kind;
    ev.sentence = c->sentence;
    ev.start = T(c, first)->start;
    ev.end = T(c, last > first ? last - 1 : first)->end;
    ev.text = c->text + ev.start;
    ev.text_len = ev.end - ev.start;
    ev.actor = src >= 0 ? actor_label(c, src) : NULL;
    ev.target = dst >= 0 ? actor_label(c, dst) : NULL;
    return ev;
}

void trace(ctx *c, dyad_trace_kind kind, size_t first, size_t last,
                  int16_t src, int16_t dst, const char *lemma_, const char *cameo,
                  const char *code, const char *how)
{
    if (!c->opts || !c->opts->trace)
        return;
    dyad_trace_event ev = event_at(c, kind, first, last, src, dst);
    ev.verb = lemma_;
    ev.cameo = cameo;
    ev.code = code;
    ev.how = how;
    c->opts->trace(&ev, c->opts->trace_user);
}

/* A step that found an argument of the candidate being read. */
void via(ctx *c, rule_id r)
{
    for (size_t i = 0; i < c->n_via; i++)
        if (c->via[i] == r)
            return;
    if (c->n_via < MAX_VIA)
        c->via[c->n_via++] = r;
}

/* Traces a triple or a drop with its rule and the steps before it. */
static void trace_rule(ctx *c, dyad_trace_kind kind, size_t first, size_t last, int16_t src,
                       int16_t dst, const char *lemma, const char *cameo, const char *code,
                       rule_id r)
{
    if (!c->opts || !c->opts->trace)
        return;
    c->path.len = 0;
    for (size_t i = 0; i < c->n_via; i++) {
        sb_puts(&c->path, rule_table[c->via[i]].name);
        sb_puts(&c->path, " > ");
    }
    sb_puts(&c->path, rule_table[r].name);
    dyad_trace_event ev = event_at(c, kind, first, last, src, dst);
    ev.verb = lemma;
    ev.cameo = cameo;
    ev.code = code;
    ev.rule = c->path.s;
    ev.how = rule_table[r].what;
    c->opts->trace(&ev, c->opts->trace_user);
}

size_t node_for(ctx *c, int16_t a)
{
    size_t *node = (size_t)a >= c->d->n_actors ? &c->open[(size_t)a - c->d->n_actors].node
                                                : &c->node_of[a];
    if (*node == SIZE_MAX)
        *node = dyad_graph_node(c->g, actor_id(c, a), actor_label(c, a));
    return *node;
}

static bool seen_before(ctx *c, int16_t s, int16_t t, const char *lemma)
{
    for (size_t i = 0; i < c->n_seen; i++)
        if (c->seen[i].src == s && c->seen[i].dst == t && strcmp(c->seen[i].verb, lemma) == 0)
            return true;
    GROW(c->seen, c->cap_seen, c->n_seen + 1);
    c->seen[c->n_seen++] = (struct seen){s, t, lemma};
    return false;
}

const char *sentence_text(ctx *c)
{
    if (c->sentence_text.len)
        return c->sentence_text.s;
    size_t a = T(c, c->s.first)->start, b = T(c, c->s.last - 1)->end;
    bool space = false;
    for (size_t i = a; i < b; i++) {
        char ch = c->text[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            space = true;
            continue;
        }
        if (space && c->sentence_text.len)
            sb_putc(&c->sentence_text, ' ');
        space = false;
        sb_putc(&c->sentence_text, ch);
    }
    if (!c->sentence_text.s)
        sb_puts(&c->sentence_text, "");
    return c->sentence_text.s;
}

/* Cooperation on security ("counterterrorism partnership", "partner with
 * Pakistan on security", "collaboration to strengthen counterterrorism
 * capabilities") is material cooperation (06), not diplomatic (05). */
static bool security_cooperation(const ctx *c, const char *lemma, const char *cameo, size_t at,
                                 size_t end)
{
    static const char *const acts[] = {"cooperate", "cooperate with", "cooperation",
                                       "collaborate", "collaborate with", "collaboration",
                                       "partner with", "partnership", "engagement"};
    static const char *const fields[] = {"security", "counterterrorism", "counter-terrorism",
                                         "ct", "military", "intelligence", "defence", "defense",
                                         "terrorism", "militancy", "military-to-military"};
    if (strcmp(cameo, "05") != 0 && strcmp(cameo, "03") != 0)
        return false;
    bool act = false;
    for (size_t i = 0; i < sizeof acts / sizeof *acts && !act; i++)
        act = strcmp(lemma, acts[i]) == 0;
    if (!act)
        return false;
    size_t from = at > c->s.first + 4 ? at - 4 : c->s.first;
    size_t to = end + 10 < c->s.last ? end + 10 : c->s.last;
    for (size_t i = from; i < to; i++)
        for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
            if (is_word(c, i, fields[f]))
                return true;
    return false;
}

void emit(ctx *c, const aset *src, const aset *dst, const char *lemma,
                 const char *cameo, const char *code, double gold, size_t at, size_t end,
                 rule_id rule)
{
    if (security_cooperation(c, lemma, cameo, at, end)) {
        cameo = "06", code = "062", gold = 6.0;
        via(c, R_VIA_SECURITY);
    }
    int root = atoi(cameo);
    if (root >= 18 && root <= 20 && src->n && dst->n) {
        c->force_src = *src;
        c->force_dst = *dst;
        c->force_sentence = c->sentence;
    }
    for (size_t i = 0; i < src->n; i++)
        for (size_t j = 0; j < dst->n; j++) {
            int16_t s = src->a[i], t = dst->a[j];
            if (s == t) {
                trace_rule(c, DYAD_TRACE_DROP, at, end, s, t, lemma, cameo, code, R_SELF_LOOP);
                continue;
            }
            if (seen_before(c, s, t, lemma))
                continue;
            trace_rule(c, DYAD_TRACE_TRIPLE, at, end, s, t, lemma, cameo, code, rule);
            const char *txt = sentence_text(c);
            dyad_act act = {lemma, cameo, code, gold, c->doc, c->sentence,
                            (long)T(c, c->s.first)->start, txt, strlen(txt)};
            dyad_graph_act(c->g, node_for(c, s), node_for(c, t), &act);
        }
}

void drop(ctx *c, const aset *src, const aset *dst, const verb *v, size_t at,
                 size_t end, rule_id why)
{
    int16_t s = src && src->n ? src->a[0] : -1, t = dst && dst->n ? dst->a[0] : -1;
    trace_rule(c, DYAD_TRACE_DROP, at, end, s, t, v ? v->lemma : NULL, v ? v->cameo : NULL,
               v ? v->code : NULL, why);
    if (c->reading)
        c->reading->verdict = why;
}
