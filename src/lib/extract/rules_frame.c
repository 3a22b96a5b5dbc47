/* Arguments found outside a relation verb's own slots: reduced passives
 * ("X, backed by Y"; "the truce, brokered by Y"; "— claims rejected by Y";
 * "the agreement signed by X and Y"), the goods of a state a reduction
 * stops, one's own envoy's host, the addressee of a participle of demand,
 * the partner of discussing, weapons received, object relatives ("X,
 * which Y blames") and rejected charges.  rules_verb.c calls them
 * while it reads a verb's frame. */
#include "internal.h"

/* "suspended imports of Japanese seafood", "an embargo on Russian oil",
 * "banned imports from Pakistan": what a reduction of relations (16) stops
 * is goods of a state, which a demonym or a "from" names; that state is
 * the target. */
aset goods_of_state(ctx *c, const chunk *k)
{
    static const char *const trade[] = {"imports", "exports", "purchases", "sales",
                                        "shipments", "supplies", "flights", "products"};
    aset none = {{0}, 0};
    if (k && !k->actors.n && k->last + 1 < c->s.last && is_word(c, k->last, "from") &&
        WORD_AMONG(c, k->last - 1, trade)) {
        /* "banned imports from Pakistan" */
        aset from = object_at(c, k->last + 1, NULL);
        if (from.n)
            via(c, R_VIA_GOODS_OF_STATE);
        return from;
    }
    if (k && !k->actors.n && k->last + 1 < c->s.last && is_word(c, k->last, "of") &&
        WORD_AMONG(c, k->last - 1, trade)) {
        const chunk *g = chunk_of(c, k->last + 1);
        k = g && g->first == k->last + 1 ? g : NULL;
    }
    /* bodies of their own, not goods: "sanctioned Russian oil companies" */
    static const char *const bodies[] = {"companies", "company", "firms", "firm", "banks",
                                         "bank", "entities", "entity", "individuals",
                                         "businesses", "oligarchs", "executives",
                                         "vessels", "ships", "tankers", "airlines",
                                         "media", "outlets", "channels", "groups"};
    /* goods the noun classes file as places (an economy, no actor):
     * "tariffs on Chinese goods", "sanctions on Iranian oil exports" */
    static const char *const wares[] = {"goods", "exports", "imports", "products", "assets",
                                        "investments", "trade"};
    bool wares_head = k && k->role == ROLE_PLACE && (k->head_class & NC_PLACE) &&
                      WORD_AMONG(c, k->last - 1, wares);
    if (!k || (k->role != ROLE_NONE && !wares_head) || !k->actors.n || k->person ||
        k->pronoun || ((k->head_class & (NC_PLACE | NC_PEOPLE)) && !wares_head) || k->poss.n)
        return none;
    /* the head, which may stand outside the demonym's phrase: "Russian |
     * oil companies" */
    for (size_t i = k->last - 1; i < c->s.last && i < k->last + 3; i++) {
        if (i >= k->last && (!(T(c, i)->flags & TOK_WORD) || G(c, i) || (T(c, i)->flags & TOK_CAP)))
            break;
        if (WORD_AMONG(c, i, bodies))
            return none;
    }
    for (size_t i = k->first; i < k->last && !c->headline; i++)
        if (T(c, i)->flags & TOK_CAP && !adj_at(c, i))
            return none; /* a name, not a demonym: "Kabul's" is elsewhere */
    via(c, R_VIA_GOODS_OF_STATE);
    return k->actors;
}

/* A dash between words: '-', '–' or '—'. */
static bool dash(const ctx *c, size_t i)
{
    const tok *t = T(c, i);
    const char *s = c->text + t->start;
    size_t n = t->end - t->start;
    return (t->flags & TOK_PUNCT) &&
           ((n == 1 && *s == '-') || (n == 3 && (!memcmp(s, "\xe2\x80\x93", 3) ||
                                                !memcmp(s, "\xe2\x80\x94", 3))));
}

/* "the Kremlin accused Ukrainian negotiators of ... — claims swiftly
 * rejected by Kyiv": a charge rejected (in a reduced passive) by Y after a
 * dash or a comma: Y rejects the one who charged, the sentence's first
 * actor.  True if it read one. */
bool charge_rejected_by(ctx *c, const vocc *o, frame *f)
{
    /* denying a claim gives nothing (rule denial-of-claim): rejecting it does */
    if (o->passive || atoi(f->v->cameo) != 12 || !strcmp(f->v->lemma, "deny") ||
        (o->form != F_PP && o->form != F_PAST) ||
        o->end >= c->s.last || !(G(c, o->end) & G_BY))
        return false;
    size_t p = o->start;
    while (p > c->s.first && ((G(c, p - 1) & G_ADV) || ly_adverb(c, p - 1)))
        p--;
    if (p <= c->s.first + 1 || !charge_word(c, p - 1))
        return false;
    /* the charge's phrase: a chunk, or the bare word ("claims" may be read
     * as a verb) after a determiner */
    const chunk *ch = chunk_of(c, p - 1);
    size_t b = ch && ch->last == p && !ch->actors.n ? ch->first : p - 1;
    if (b == p - 1 && b > c->s.first + 1 && (G(c, b - 1) & G_DET))
        b--;
    if (b <= c->s.first || !(punct(c, b - 1, ',') || dash(c, b - 1)))
        return false;
    aset by = passive_agent(c, o->end);
    if (!by.n)
        return false;
    for (size_t q = 0; q < c->n_chunks; q++) {
        const chunk *m = &c->chunks[q];
        if (m->first >= b)
            return false;
        if (m->role == ROLE_ACTOR && m->prep == ATOM_NONE) {
            f->subj = by;
            f->obj = joint(c, m);
            f->rule = R_REJECTING_CHARGE;
            return true;
        }
    }
    return false;
}

/* "the peace agreement signed by Congo and Rwanda": a cooperative act noun
 * completed by a participle whose "by" phrase names several actors: they
 * did it together, each with the others.  True if it read one (emitted). */
bool jointly_by(ctx *c, const vocc *o, frame *f)
{
    int root = atoi(f->v->cameo);
    /* mediators (045) do not act on each other: "a ceasefire brokered by
     * Egypt and Qatar" */
    if (o->passive || root < 3 || root > 8 || !strncmp(f->code, "045", 3) ||
        (o->form != F_PP && o->form != F_PAST) ||
        o->start <= c->s.first || o->end >= c->s.last || !(G(c, o->end) & G_BY))
        return false;
    const chunk *ante = chunk_of(c, o->start - 1);
    if (!ante || ante->last != o->start || ante->noun < 0 || ante->actors.n)
        return false;
    aset by = passive_agent(c, o->end);
    if (by.n < 2)
        return false;
    for (size_t i = 0; i < by.n; i++) {
        aset one = aset_one(by.a[i]);
        emit(c, &one, &by, f->lemma, f->cameo, f->code, f->gold, o->start, o->end,
             R_JOINT_MUTUAL);
    }
    return true;
}

/* "Pakistan and the Taliban accepted a truce brokered by Qatar": an act
 * noun mediated (a participle of broker, mediate, ...) by Z: Z acts on the
 * parties, the first subject of the sentence before the noun.  True if it
 * filled the frame. */
static bool brokered_for(ctx *c, const vocc *o, frame *f)
{
    if (o->passive || !mediating(f->v) || (o->form != F_PP && o->form != F_PAST) ||
        o->start < c->s.first + 2 || o->end >= c->s.last || !(G(c, o->end) & G_BY))
        return false;
    size_t b = punct(c, o->start - 1, ',') ? o->start - 1 : o->start;
    const chunk *act = chunk_of(c, b - 1);
    if (!act || act->last != b || act->noun < 0 || act->actors.n)
        return false;
    aset by = passive_agent(c, o->end);
    if (!by.n)
        return false;
    for (size_t q = 0; q < c->n_chunks && c->chunks[q].first < act->first; q++) {
        const chunk *m = &c->chunks[q];
        if (m->role == ROLE_ACTOR && m->prep == ATOM_NONE && !m->pronoun) {
            f->subj = by;
            f->obj = joint(c, last_conjunct(c, m, act->first));
            f->rule = R_BROKERED_FOR;
            return true;
        }
    }
    return false;
}

bool reduced_passive(ctx *c, const vocc *o, frame *f)
{
    if (charge_rejected_by(c, o, f) || brokered_for(c, o, f))
        return true;
    if (o->passive || o->start < c->s.first + 2 || !punct(c, o->start - 1, ',') ||
        (o->form != F_PP && o->form != F_PAST) || o->end >= c->s.last ||
        !(G(c, o->end) & G_BY))
        return false;
    const chunk *ante = chunk_of(c, o->start - 2);
    /* "The Lebanon-Israel truce, brokered by the United States and
     * France": mediating a joint act is mediating with its parties */
    bool brokered = ante && ante->role == ROLE_ATTR && ante->noun >= 0 && ante->actors.n > 1 &&
                    mediating(f->v);
    if (!ante || ante->last != o->start - 1 || (ante->role != ROLE_ACTOR && !brokered) ||
        ante->pronoun)
        return false;
    aset by = passive_agent(c, o->end);
    if (!by.n)
        return false;
    f->subj = by;
    f->obj = ante->actors;
    f->rule = R_REDUCED_PASSIVE;
    return true;
}

/* "Niger recalled its ambassador from France", "expelled its own envoy to
 * Kabul": when the object is the subject's own envoy or mission, the
 * state it was sent to (after to, from, in) is the target of a change of
 * relations (16) or a diplomatic act (04, 05). */
void own_envoy_partner(ctx *c, const vocc *o, frame *f)
{
    int root = atoi(f->cameo);
    if (f->obj.n != 1 || f->subj.n != 1 || f->obj.a[0] != f->subj.a[0] ||
        (root != 16 && root != 4 && root != 5))
        return;
    size_t at = o->end;
    while (at < c->s.last && (G(c, at) & G_ADV))
        at++;
    const chunk *k = chunk_of(c, at);
    if (!k || k->first != at || k->role != ROLE_ACTOR || !(k->head_class & NC_AGENT) ||
        k->last + 1 >= c->s.last)
        return;
    size_t p = k->last;
    if (!is_word(c, p, "from") && !is_word(c, p, "to") && !is_word(c, p, "in"))
        return;
    aset t = object_at(c, p + 1, NULL);
    if (!t.n)
        return;
    f->obj = t;
    via(c, R_VIA_ENVOY_PARTNER);
}

/* "Ukraine received F-16 fighter jets from Denmark": weapons received from
 * X are X arming the receiver (07), not the receiver meeting X.  True if
 * it read the candidate so. */
bool received_weapons(ctx *c, const vocc *o, frame *f)
{
    static const char *const arms[] = {"jets", "jet", "aircraft", "warplanes", "drones",
                                       "missiles", "missile", "rockets", "tanks",
                                       "helicopters", "artillery", "weapons", "arms",
                                       "ammunition", "systems", "shells", "munitions",
                                       "bombs", "interceptors", "howitzers"};
    if (strcmp(f->v->lemma, "receive") || o->passive || !f->subj.n)
        return false;
    const chunk *k = chunk_of(c, o->end);
    /* "a shipment of bombs from": the goods after a quantity */
    const chunk *of = k && k->first == o->end && quantity(c, k) && k->last + 1 < c->s.last &&
                              is_word(c, k->last, "of")
                          ? chunk_of(c, k->last + 1)
                          : NULL;
    if (of && of->first == k->last + 1)
        k = of;
    if (!k || (k != of && k->first != o->end) || k->last + 1 >= c->s.last ||
        !WORD_AMONG(c, k->last - 1, arms) || !is_word(c, k->last, "from"))
        return false;
    aset giver = object_at(c, k->last + 1, NULL);
    if (!giver.n)
        return false;
    emit(c, &giver, &f->subj, "provide", "07", "072", 8.3, o->start, o->end, R_RECEIVED_FROM);
    return true;
}

/* "Munir warned Afghanistan to choose ..., demanding action against
 * terrorists": a participle of appeal or demand (demand, urge, call for,
 * ...) with no target of its own addresses the one the main verb acted
 * on. */
void participle_addressee(ctx *c, const vocc *o, frame *f)
{
    static const char *const appeals[] = {"demand", "urge", "call for", "call on", "press",
                                          "insist"};
    bool appeal = false;
    for (size_t i = 0; i < sizeof appeals / sizeof *appeals && !appeal; i++)
        appeal = !strcmp(f->v->lemma, appeals[i]); /* not "expecting", "hoping" */
    if (f->obj.n || o->subject_via != R_VIA_PARTICIPLE || !appeal || f->subj.n != 1)
        return;
    for (size_t i = c->n_seen; i-- > 0;)
        if (c->seen[i].src == f->subj.a[0]) {
            f->obj = aset_one(c->seen[i].dst);
            via(c, R_VIA_PARTICIPLE_ADDRESSEE);
            return;
        }
}

/* "discussed 'ideas and proposals' related to a Gaza truce with Egyptian
 * officials": the partner of discussing comes with "with" anywhere in the
 * verb's clause. */
void discussed_with(ctx *c, const vocc *o, frame *f)
{
    static const char *const lemmas[] = {"discuss", "negotiate", "consult", "coordinate",
                                         "confer"};
    bool discuss = false;
    for (size_t i = 0; i < sizeof lemmas / sizeof *lemmas && !discuss; i++)
        discuss = !strcmp(f->v->lemma, lemmas[i]);
    if (f->obj.n || !discuss || o->passive)
        return;
    for (size_t i = o->end; i + 1 < c->s.last && i < o->end + 16; i++) {
        if (clause_break(c, i) || punct(c, i, ';') || punct(c, i, ':') ||
            (i > o->end && find_vocc(c, i + 1) && find_vocc(c, i + 1)->start == i))
            return;
        if (!is_word(c, i, "with"))
            continue;
        aset t = object_at(c, i + 1, NULL);
        if (t.n) {
            f->obj = t;
            via(c, R_VIA_PARTNER);
        }
        return;
    }
}

/* "the TTP, which Pakistan blames for ...": the antecedent is the object. */
void object_relative(ctx *c, const vocc *o, frame *f)
{
    const chunk *sk = subject_chunk(c, o->aux);
    if (!sk || sk->first <= c->s.first + 1 || !(G(c, sk->first - 1) & G_REL) ||
        is_word(c, sk->first - 1, "who"))
        return;
    size_t r = sk->first - 1;
    if (punct(c, r - 1, ','))
        r--;
    const chunk *ante = chunk_of(c, r - 1);
    if (ante && ante->last == r && ante->role == ROLE_ACTOR) {
        f->obj = ante->actors;
        f->rule = R_OBJECT_RELATIVE;
        return;
    }
    int root = atoi(f->v->cameo);
    if (!ante || ante->last != r || ante->noun < 0 || !(root == 5 || (root >= 10 && root <= 12)))
        return;
    /* "the drills, which Pyongyang has denounced": an evaluated act noun
     * stands for its agents: its qualifier or owner ("US drills", "Israel's
     * strikes"), or, for a cooperative act, the sentence's subject */
    aset who = ante->role == ROLE_ATTR ? ante->actors : ante->poss;
    int nroot = atoi(c->d->nouns[ante->noun / 2].cameo);
    for (size_t q = 0; !who.n && nroot >= 3 && nroot <= 8 && q < c->n_chunks; q++) {
        const chunk *m = &c->chunks[q];
        if (m->first >= ante->first)
            break;
        if (m->role == ROLE_ACTOR && m->prep == ATOM_NONE && !m->pronoun)
            who = joint(c, last_conjunct(c, m, ante->first));
    }
    if (who.n && !aset_overlap(&who, &f->subj)) {
        f->obj = who;
        f->rule = R_OBJECT_RELATIVE;
    }
}

/* "Pakistan blamed India for the attack, a charge New Delhi rejected": the
 * one who charged is the target. */
void rejected_charge(ctx *c, const vocc *o, frame *f)
{
    const chunk *sk = subject_chunk(c, o->aux);
    const chunk *ch = sk && sk->first > c->s.first ? chunk_of(c, sk->first - 1) : NULL;
    bool charge = ch && charge_word(c, ch->last - 1);
    /* or inside the subject's own phrase: "a charge New Delhi" */
    for (size_t t = sk ? sk->first : 0; sk && !charge && t + 1 < sk->last; t++)
        if (charge_word(c, t))
            charge = true, ch = sk;
    if (!charge || ch->first <= c->s.first || !punct(c, ch->first - 1, ','))
        return;
    for (size_t q = 0; q < c->n_chunks; q++) {
        const chunk *m = &c->chunks[q];
        if (m->first >= ch->first)
            return;
        if (m->role == ROLE_ACTOR && m->prep == ATOM_NONE) {
            f->obj = joint(c, m);
            f->rule = R_REJECTING_CHARGE;
            return;
        }
    }
}
