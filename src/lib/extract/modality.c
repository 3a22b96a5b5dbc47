/* Modality: whether a verb's act is asserted, requested, negated,
 * hypothetical, conditional or planned, and what governs an infinitive. */
#include "internal.h"

/* "prompted", "forced", "led": a verb that makes its object do what the
 * infinitive after it says. */
static bool causing(const ctx *c, size_t i)
{
    static const char *const stems[] = {"prompt", "forc", "compel", "caus", "spurr", "spur",
                                        "provok", "led", "lead"};
    const char *k = tok_key(&c->ts, i);
    if (T(c, i)->flags & TOK_CAP)
        return false;
    for (size_t s = 0; s < sizeof stems / sizeof *stems; s++) {
        size_t n = strlen(stems[s]);
        if (strncmp(k, stems[s], n) == 0 && strlen(k) <= n + 4 &&
            (strcmp(stems[s], "led") != 0 || strlen(k) == 3))
            return true;
    }
    return false;
}

/* "the first country", "the only state", "one of the few nations (in the
 * world)" completing be or become, with no modal before it ("would be the
 * first to" is hypothetical).  k is the phrase before the infinitive's
 * "to"; *be gets the be or become it completes. */
bool ordinal_complement(const ctx *c, const chunk *k, size_t *be)
{
    static const char *const ordinals[] = {"first", "second", "third", "last", "only",
                                           "latest", "next", "sole", "few"};
    static const char *const become[] = {"became", "become", "becomes", "becoming"};
    /* "... nations in the world to": the phrase before the place */
    if (k->prep != ATOM_NONE && is_word(c, k->prep_tok, "in") && k->prep_tok > c->s.first) {
        const chunk *h = chunk_of(c, k->prep_tok - 1);
        if (h && h->last == k->prep_tok)
            k = h;
    }
    if (k->actors.n || k->first < c->s.first + 2 || !is_word(c, k->first, "the") ||
        !WORD_AMONG(c, k->first + 1, ordinals))
        return false;
    size_t v = k->first - 1;
    if (v > c->s.first + 1 && is_word(c, v, "of") && is_word(c, v - 1, "one"))
        v -= 2; /* "one of the few nations" */
    if (!(G(c, v) & G_BE) && !WORD_AMONG(c, v, become))
        return false;
    for (size_t m = v; m-- > c->s.first && m + 3 > v;)
        if (G(c, m) & (G_MODAL_HYP | G_MODAL_FUT))
            return false;
    *be = v;
    return true;
}

/* The phrase before an infinitive's "to" names a decision: "India's
 * decision", "the decision by Washington", "Pakistan's move".  *who gets
 * the one who decided (possessor, or the actors after "by"). */
bool decision_phrase(const ctx *c, const chunk *k, aset *who)
{
    static const char *const decisions[] = {"decision", "move", "plan", "plans"};
    if (k->role == ROLE_POSS && k->poss.n && WORD_AMONG(c, k->last - 1, decisions)) {
        *who = k->poss;
        return true;
    }
    if (k->role == ROLE_ACTOR && k->prep != ATOM_NONE && is_word(c, k->prep_tok, "by") &&
        k->prep_tok > c->s.first && WORD_AMONG(c, k->prep_tok - 1, decisions)) {
        *who = k->actors;
        return true;
    }
    return false;
}

/* The phrase k before an infinitive's "to" that itself says how the act
 * stands: a decision ("India's decision to suspend": decided), an ordinal
 * complement ("became the first country to recognise": done), or an
 * occasion taken ("used the opportunity to malign": done).  GOV_NONE if
 * none. */
static gov_kind phrase_governs(const ctx *c, const chunk *k, size_t *gov_at)
{
    aset decider;
    if (decision_phrase(c, k, &decider)) {
        *gov_at = k->last - 1;
        return GOV_INTENT;
    }
    size_t be;
    if (ordinal_complement(c, k, &be)) {
        *gov_at = be;
        return GOV_ORDINAL;
    }
    size_t took = occasion_taken(c, k, k->last); /* "took the opportunity to" */
    if (took != SIZE_MAX) {
        *gov_at = took;
        return GOV_OCCASION;
    }
    return GOV_NONE;
}

gov_kind governor(ctx *c, size_t to, size_t *gov_at)
{
    size_t j = to;
    size_t r = to;
    while (r > c->s.first + 1 && (G(c, r - 1) & G_ADV))
        r--;
    if (r > c->s.first + 1 && readiness_word(c, r - 1) && (G(c, r - 2) & (G_BE | G_ADV))) {
        *gov_at = r - 1;
        return GOV_READY;
    }
    /* skip the object of "urged X to" */
    if (j > c->s.first) {
        const chunk *k = chunk_of(c, j - 1);
        if (k && k->last == j) {
            size_t b = k->first;
            if (b > c->s.first && causing(c, b - 1)) {
                *gov_at = b - 1; /* "prompting Islamabad to accuse Kabul": it happened */
                return GOV_CAUSED;
            }
            gov_kind told = phrase_governs(c, k, gov_at);
            if (told != GOV_NONE)
                return told;
            if (b > c->s.first) {
                vocc *prev = find_vocc(c, b + 1);
                if (prev && prev->end == b && prev->verb >= 0) {
                    *gov_at = prev->start;
                    const verb *v = &c->d->verbs[prev->verb];
                    if (v->mode == MODE_REQUEST || v->mode == MODE_WARN)
                        return GOV_REQUEST;
                    if (v->mode == MODE_PROMISE)
                        return GOV_PROMISE;
                    return GOV_NONE;
                }
                if (G(c, b - 1) & (G_SEEK | G_INTENT) && (k->role == ROLE_ACTOR)) {
                    /* "asked/expects X to": an appeal */
                    *gov_at = b - 1;
                    return GOV_REQUEST;
                }
                if (G(c, b - 1) & G_NEGV) {
                    *gov_at = b - 1;
                    return GOV_NEG;
                }
            }
            if (k->role == ROLE_ACTOR && (b == c->s.first || clause_break(c, b - 1) ||
                                          punct(c, b - 1, ',')))
                return GOV_SUBJECT; /* "Pakistan to ask China" */
            uint32_t g = G(c, j - 1);
            if (g & G_NEGV) {
                *gov_at = j - 1;
                return GOV_NEG;
            }
            if (g & G_INTENT && !(k->last - k->first > 1)) {
                *gov_at = j - 1;
                return GOV_INTENT;
            }
            if (light_intent(c, k)) { /* "made efforts to persuade" */
                *gov_at = k->first - 1;
                return GOV_INTENT;
            }
            return GOV_NOUN;
        }
        size_t p = j - 1;
        while (p > c->s.first && (G(c, p) & (G_ADV | G_NEG)))
            p--;
        *gov_at = p;
        if (is_word(c, p, "voted") || is_word(c, p, "votes") || is_word(c, p, "vote"))
            return G(c, p + 1) & G_NEG ? GOV_NEG : GOV_VOTED;
        if (G(c, p) & G_NEGV)
            return GOV_NEG;
        vocc *prev = find_vocc(c, p + 1);
        if (prev && prev->end == p + 1 && prev->verb >= 0) {
            const verb *v = &c->d->verbs[prev->verb];
            if (v->mode == MODE_REQUEST) /* "hope to work with": intent */
                return GOV_INTENT;
            if (v->mode == MODE_PROMISE || v->mode == MODE_WARN)
                return GOV_PROMISE;
            return GOV_INTENT;
        }
        uint32_t g = G(c, p);
        if (g & G_NEGV)
            return GOV_NEG;
        if (g & (G_INTENT | G_LIGHT | G_SEEK))
            return GOV_INTENT;
        if (g & G_BE) /* "is to visit" */
            return GOV_INTENT;
    }
    return GOV_NONE;
}

/* Is token v inside what someone denies ("Islamabad denied that it had
 * carried out strikes")? */
bool denied(const ctx *c, size_t v)
{
    for (size_t j = v; j-- > c->s.first + 0;) {
        if (clause_break(c, j))
            return false;
        if (is_word(c, j, "that") && j > c->s.first) {
            const char *w = tok_key(&c->ts, j - 1);
            if (strncmp(w, "den", 3) == 0 && (strcmp(w, "denied") == 0 || strcmp(w, "denies") == 0 ||
                                              strcmp(w, "deny") == 0 || strcmp(w, "denying") == 0))
                return true;
        }
    }
    return false;
}

/* Does a relative clause set off by a comma (", which", ", who") hold the
 * token at i, with no comma between its pronoun and i? */
static bool in_comma_relative(const ctx *c, size_t i)
{
    for (size_t j = i; j-- > c->s.first + 1;) {
        if (punct(c, j, ',') || clause_break(c, j))
            return false;
        if ((G(c, j) & G_REL) && !is_word(c, j, "that") && punct(c, j - 1, ','))
            return true;
    }
    return false;
}

/* Is the verb at v inside the complement of a request ("urged X to act
 * and hand over Y", "insists that the Taliban stop")? */
bool requested(ctx *c, const vocc *o)
{
    for (size_t i = c->n_verbs; i-- > 0;) {
        const vocc *r = &c->verbs[i];
        if (r->end > o->start || r->verb < 0 || r->negated)
            continue;
        const verb *v = &c->d->verbs[r->verb];
        if (v->mode != MODE_REQUEST)
            continue;
        /* "hopes to work with", "requested deepening relations": the
         * subject's own intent, not a request to someone */
        if (r->end < c->s.last && ((G(c, r->end) & G_TO) || (r->end == o->start && o->form == F_ING)))
            return false;
        bool relative = in_comma_relative(c, r->start);
        for (size_t j = r->end; j < o->start; j++) {
            if (relative && punct(c, j, ','))
                return false; /* "X, which has been pressing Y for Z, welcomed" */
            if (clause_break(c, j) || (G(c, j) & G_REL && !is_word(c, j, "that")) ||
                is_word(c, j, "but") || is_word(c, j, "while") || is_word(c, j, "because") ||
                is_word(c, j, "although") || is_word(c, j, "whereas"))
                return false;
            if (punct(c, j, ',')) {
                /* ", the Afghan Taliban sees ...": a new clause */
                const chunk *n = chunk_of(c, j + 1);
                if (n && n->first == j + 1 && n->role == ROLE_ACTOR && n->prep == ATOM_NONE)
                    return false;
            }
        }
        /* directly requested: "to V", "that X V", "X V" (subjunctive) */
        return true;
    }
    return false;
}

bool needs_met(const ctx *c, const verb *v, size_t from)
{
    if (!v->n_needs && !v->needs_actor && !v->needs_org)
        return true;
    size_t len;
    int32_t a = (v->needs_actor || v->needs_org) && from < c->s.last
                    ? actor_match(c, from + (is_word(c, from, "the") && from + 1 < c->s.last),
                                  c->s.last, &len)
                    : -1;
    if (a >= 0 && (v->needs_actor || c->d->actors[c->d->aliases[a].actor].kind == KIND_ORG))
        return true; /* "suspended Niger", "joined NATO" */
    for (size_t i = from; i < c->s.last && i < from + 12; i++) {
        /* "stepped up attacks on Pakistani security forces": what follows
         * an act's target preposition describes the target, not the verb */
        const chunk *act = i > from ? chunk_of(c, i - 1) : NULL;
        if (act && act->last == i && act->noun >= 0 &&
            (is_word(c, i, "on") || is_word(c, i, "against") || is_word(c, i, "at")))
            break;
        for (size_t k = 0; k < v->n_needs; k++)
            if (T(c, i)->atom == v->needs[k])
                return true;
    }
    return false;
}

bool needs_met_before(const ctx *c, const verb *v, size_t start)
{
    if (!v->n_needs && !v->needs_actor && !v->needs_org)
        return true;
    size_t i = start;
    while (i > c->s.first && (punct(c, i - 1, ',') || (G(c, i - 1) & (G_BE | G_HAVE | G_ADV)) ||
                              (T(c, i - 1)->flags & (TOK_OPENQ | TOK_CLOSEQ))))
        i--;
    const chunk *subject = i > c->s.first ? chunk_of(c, i - 1) : NULL;
    if (v->needs_actor && i < start && subject && subject->actors.n)
        return true; /* "Niger was suspended by" */
    for (size_t j = i; j-- > c->s.first && j + 4 > i;)
        for (size_t k = 0; k < v->n_needs; k++)
            if (T(c, j)->atom == v->needs[k])
                return true;
    return false;
}

bool threat_follows(const ctx *c, size_t from)
{
    for (size_t i = from; i < c->s.last; i++)
        if (G(c, i) & (G_THREATW | G_MODAL_FUT))
            return true;
    return false;
}

/* "X said Y would seek ...": "would" reports a future, not a hypothesis,
 * after a saying verb and without any condition in the sentence. */
bool reported_future(const ctx *c, size_t aux, size_t v)
{
    bool would = false, say = false;
    for (size_t j = aux; j < v; j++)
        would |= is_word(c, j, "would");
    if (!would)
        return false;
    for (size_t j = c->s.first; j < c->s.last; j++) {
        if (G(c, j) & G_COND)
            return false;
        if (j < aux && (G(c, j) & G_SAY) && !(T(c, j)->flags & TOK_CAP))
            say = true;
    }
    return say;
}

/* A conditional or a warning around a verb: its force is a threat. */
bool threat_frame(const ctx *c, const vocc *o)
{
    for (size_t i = c->s.first; i < c->s.last; i++) {
        if (i >= o->start && i < o->end)
            continue;
        if (G(c, i) & G_COND && i > o->end)
            return true; /* "would strike ... if" */
        if (i < o->aux && (is_word(c, i, "warned") || is_word(c, i, "warns") ||
                           is_word(c, i, "threatened") || is_word(c, i, "vowed") ||
                           is_word(c, i, "warning")))
            return true;
    }
    return false;
}

/* "Had the Taliban acted ...", "Were Pakistan to strike ...": a clause
 * opening with its auxiliary. */
bool inverted_condition(const ctx *c, const vocc *o)
{
    size_t j = o->aux;
    while (j > c->s.first && !clause_break(c, j - 1) && !punct(c, j - 1, ','))
        j--;
    return j < o->aux && (T(c, j)->flags & TOK_CAP || j > c->s.first) &&
           (is_word(c, j, "had") || is_word(c, j, "were") || is_word(c, j, "should")) &&
           j + 1 < o->aux && chunk_of(c, j + 1);
}

/* Why the verb-like word at v does not assert its act (R_NONE: it does):
 * for light verbs carrying a nominal act ("reluctant to make concessions"). */
rule_id not_asserted(ctx *c, size_t v)
{
    vocc o = word_vocc(v);
    o.aux = (uint32_t)aux_start(c, v, &o);
    if (o.negated)
        return R_NEGATED;
    if (o.hyp && !reported_future(c, o.aux, v))
        return R_HYPOTHETICAL;
    if (o.infinitive) {
        size_t to = o.aux;
        while (to < o.start && !(G(c, to) & G_TO))
            to++;
        size_t gat = 0;
        gov_kind gk = governor(c, to, &gat);
        if (gk == GOV_NEG)
            return R_REFUSED;
        if (gk == GOV_REQUEST || gk == GOV_PROMISE)
            return R_REQUESTED;
        if (gk == GOV_NOUN || gk == GOV_NONE)
            return R_INFINITIVE;
    }
    if (requested(c, &o))
        return R_REQUESTED;
    if (denied(c, v))
        return R_DENIED;
    return R_NONE;
}
