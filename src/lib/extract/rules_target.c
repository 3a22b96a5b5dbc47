/* Targets: the target side of a relation verb's frame.  The object
 * (after a quoted verb, a quantity, a gathering), the target of a force act
 * it launches, a recipient, and the targets the verb's class puts outside
 * the object slot: the partner after "with" or "to", the one blamed, the
 * one asked, the subject of a demanded clause, goods of a state, a border's
 * state, the examples a list names, the loser of what is taken.
 * rules_verb.c reads the rest of the frame. */
#include "internal.h"

/* Verbs of taking ground or goods, whose "from" names the loser: "seized
 * the city from the army". */
static bool taking(const verb *v)
{
    static const char *const lemmas[] = {"seize", "capture", "retake", "recapture", "take",
                                         "wrest", "snatch", "grab"};
    for (size_t i = 0; i < sizeof lemmas / sizeof *lemmas; i++)
        if (!strcmp(v->lemma, lemmas[i]))
            return true;
    return false;
}

/* Verbs that put the charge before the one charged: "blame X on Y". */
static bool blame_on(const verb *v)
{
    return strcmp(v->lemma, "blame") == 0 || strcmp(v->lemma, "pin") == 0;
}

/* "blamed the surge, which has ..., primarily on the TTP": the actors after
 * "on" later in the clause, across a relative clause in commas. */
static aset blamed_on(const ctx *c, size_t from)
{
    aset none = {{0}, 0};
    for (size_t i = from; i + 1 < c->s.last && i < from + 30; i++) {
        if (clause_break(c, i))
            break;
        if (!is_word(c, i, "on"))
            continue;
        return object_at(c, i + 1, NULL);
    }
    return none;
}

/* The object of a verb, or its recipient for giving and yielding verbs. */
/* "a meeting", "a session", "a summit": a gathering whose members are
 * addressed. */
static bool gathering(const ctx *c, const chunk *k)
{
    static const char *const words[] = {"meeting", "gathering", "session", "summit",
                                        "conference", "council", "assembly", "plenary"};
    return WORD_AMONG(c, k->last - 1, words);
}

/* Where a verb's object starts: after it, and after a closing quote that
 * ends a quoted verb ('said Tehran "strongly condemns" the Israeli
 * strike'). */
static size_t object_start(const ctx *c, const vocc *o)
{
    size_t at = o->end;
    while (at < c->s.last && (T(c, at)->flags & TOK_CLOSEQ))
        at++;
    return at;
}

/* The direct object, or "dozens of Pakistani soldiers"; *k gets the first
 * phrase after the verb. */
static aset direct_object(ctx *c, const vocc *o, const verb *v, const chunk **k)
{
    aset none = {{0}, 0};
    bool prep_pattern = v->n_words > 1 && (lex_gram(c->d, T(c, o->end - 1)->atom) & (G_PREP | G_TO));
    size_t at = o->end;
    const char *pk = v->split ? atoms_str(c->d->words, v->particle) : "";
    bool prep_particle = strcmp(pk, "with") == 0 || strcmp(pk, "to") == 0 ||
                         strcmp(pk, "against") == 0 || strcmp(pk, "for") == 0 ||
                         strcmp(pk, "from") == 0;
    if (v->split && T(c, o->end - 1)->atom == v->particle && o->end - o->start > v->n_words &&
        !prep_particle)
        at = o->start + 1; /* "hand them over": the object sits inside */
    if (at == o->end)
        at = object_start(c, o);
    aset t = object_at(c, at, k);
    if (!v->object && !prep_pattern)
        /* "protested Beijing's use of water cannon": what such a verb acts
         * on is no target, but its owner is */
        return *k && (*k)->first == at && (*k)->role == ROLE_POSS ? (*k)->poss : none;
    const chunk *q = *k && !t.n && (*k)->last + 1 < c->s.last && is_word(c, (*k)->last, "of") &&
                             quantity(c, *k)
                         ? chunk_of(c, (*k)->last + 1)
                         : NULL;
    if (q && q->first == (*k)->last + 1 && q->role == ROLE_ACTOR)
        t = q->actors; /* "dozens of Pakistani soldiers" */
    if (!t.n && *k && gathering(c, *k) && (*k)->last + 1 < c->s.last && is_word(c, (*k)->last, "of")) {
        const chunk *g = chunk_of(c, (*k)->last + 1); /* "told a meeting of NATO ministers" */
        if (g && g->first == (*k)->last + 1 && g->role == ROLE_ACTOR)
            t = g->actors;
    }
    return t;
}

/* The token after chunk k and the phrases coordinated with it or
 * completing it ("150 drones and 12 missiles", "the agenda of the meeting"). */
static size_t past_conjuncts(const ctx *c, const chunk *k)
{
    size_t e = past_of_phrases(c, k);
    for (int hops = 0; hops < 4 && e + 1 < c->s.last; hops++) {
        size_t n = e + ((G(c, e) & G_CONJ) ? 1 : punct(c, e, ',') && (G(c, e + 1) & G_CONJ) ? 2 : 0);
        const chunk *q = n > e ? chunk_of(c, n) : NULL;
        if (!q || q->first != n || q->actors.n)
            break;
        e = past_of_phrases(c, q);
    }
    return e;
}

/* "provide weapons to X", "hand them over to Islamabad", "pledged full
 * support to India": the recipient after "to", across what is given. */
static aset recipient(ctx *c, const vocc *o, const chunk *k, bool pledge)
{
    aset none = {{0}, 0};
    for (size_t e = k ? k->last : o->end; e < c->s.last && e < o->end + 14; e++) {
        if (clause_break(c, e) || (G(c, e) & (G_SUB | G_REL) && !(G(c, e) & G_PREP)))
            break;
        if (pledge && e == o->end)
            continue; /* "pledged to V": an infinitive, not a recipient */
        if (G(c, e) & G_TO || is_word(c, e, "for"))
            return object_at(c, e + 1, NULL);
    }
    return none;
}

/* "broker", "mediate", "host": verbs whose object's parties are their
 * targets ("brokered a truce between X and Y", mediation: 04 to each). */
bool mediating(const verb *v)
{
    static const char *const lemmas[] = {"broker", "mediate", "facilitate", "host", "arrange"};
    for (size_t i = 0; i < sizeof lemmas / sizeof *lemmas; i++)
        if (!strcmp(v->lemma, lemmas[i]))
            return true;
    return false;
}

/* A name that opens a phrase the chunker ran on into a verb it does not
 * know: in "demanded that Kyiv cede territory" the phrase is "Kyiv cede
 * territory", a place; the name before the lower-case word is the
 * clause's subject. */
static aset name_before_verb(ctx *c, const chunk *k)
{
    aset none = {{0}, 0};
    size_t len;
    int32_t a = k->role == ROLE_PLACE || k->role == ROLE_NONE
                    ? actor_match(c, k->first, k->last, &len)
                    : -1;
    if (a < 0 || c->d->aliases[a].type != ALIAS_NAME || !(T(c, k->first)->flags & TOK_CAP) ||
        k->first + len >= k->last)
        return none;
    size_t w = k->first + len;
    if (!(T(c, w)->flags & TOK_WORD) || (T(c, w)->flags & TOK_CAP) || G(c, w))
        return none;
    via(c, R_VIA_CLAUSE_SUBJECT);
    return aset_one(c->d->aliases[a].actor);
}

/* Targets outside the object slot, by the verb's class: the partner of a
 * cooperative act, the one blamed, the agent of an evaluated act, the one
 * asked for something, the subject of a demanded clause. */
static aset target_by_class(ctx *c, const vocc *o, const verb *v, const chunk *k)
{
    aset t = {{0}, 0};
    int root = atoi(v->cameo);
    size_t kw = k ? past_of_phrases(c, k) : 0; /* "the agenda of the meeting with X" */
    if (k && ((root >= 3 && root <= 8) || root == 16) && kw + 1 < c->s.last &&
        is_word(c, kw, "with")) {
        t = object_at(c, kw + 1, NULL); /* "signed an agreement with X" */
        if (t.n)
            via(c, R_VIA_PARTNER);
    }
    if (!t.n && k && root == 16 && !k->actors.n && kw + 1 < c->s.last &&
        (G(c, kw) & G_TO)) {
        t = object_at(c, kw + 1, NULL); /* "halted military aid to Ukraine" */
        if (t.n)
            via(c, R_VIA_PARTNER);
    }
    if (!t.n && k && mediating(v) && kw + 1 < c->s.last && is_word(c, kw, "between"))
        t = object_at(c, kw + 1, NULL); /* "broker a deal between X and Y": mediation */
    if (!t.n && k && blame_on(v)) {
        t = blamed_on(c, k->last); /* "blamed the attacks, which ..., on the TTP" */
        if (t.n)
            via(c, R_VIA_BLAMED_ON);
    }
    if (!t.n && blame_on(v) && o->end + 1 < c->s.last && is_word(c, o->end, "on")) {
        t = object_at(c, o->end + 1, NULL); /* "the strike, which Iran blamed on Israel" */
        if (t.n)
            via(c, R_VIA_BLAMED_ON);
    }
    /* "condemned Pakistani airstrikes", "rejected allegations by Pakistan":
     * the agent of the evaluated act */
    bool evaluates = root == 5 || (root >= 10 && root <= 12);
    if (!t.n && k && k->first == object_start(c, o) && evaluates &&
        (k->role == ROLE_ATTR || (k->role == ROLE_NONE && !k->person && !k->head_class)))
        t = k->actors; /* "condemned the anticipated U.S. action" */
    if (!t.n && k && k->first == object_start(c, o) && evaluates && k->role == ROLE_POSS && k->noun >= 0)
        t = k->poss; /* "protested South Korea's joint military exercises" */
    /* "rejected allegations by Pakistan", "disregarding calls for
     * reconsideration from the United Nations" */
    size_t ke = k ? k->last : 0;
    if (k && ke + 1 < c->s.last && is_word(c, ke, "for") && chunk_of(c, ke + 1) &&
        chunk_of(c, ke + 1)->first == ke + 1 && !chunk_of(c, ke + 1)->actors.n)
        ke = chunk_of(c, ke + 1)->last;
    if (!t.n && k && evaluates && ke + 1 < c->s.last &&
        (is_word(c, ke, "by") || is_word(c, ke, "from")))
        t = object_at(c, ke + 1, NULL);
    /* "welcomed the peace agreement signed by Congo and Rwanda", "rejected
     * the claim made by the TTP" */
    bool act = k && (k->noun >= 0 || charge_word(c, k->last - 1));
    if (!t.n && act && evaluates && ke + 2 < c->s.last &&
        (past_like(c, ke) || is_word(c, ke, "made")) && (G(c, ke + 1) & G_BY))
        t = object_at(c, ke + 2, NULL);
    /* "renewed its demand for the Taliban to ...", "called for X's help" */
    size_t fa = k && k->first == object_start(c, o) ? k->last : o->end;
    const chunk *f = !t.n && (root == 2 || root == 10) && fa + 1 < c->s.last && is_word(c, fa, "for")
                         ? chunk_of(c, fa + 1)
                         : NULL;
    if (f && f->first == fa + 1)
        t = f->role == ROLE_POSS ? f->poss : (f->role == ROLE_ACTOR ? f->actors : t);
    /* "insists that the Taliban stop": the clause's subject */
    size_t ca = o->end < c->s.last && is_word(c, o->end, "that") ? o->end + 1 : o->end;
    const chunk *cs = !t.n && v->mode == MODE_REQUEST ? chunk_of(c, ca) : NULL;
    if (cs && (cs->first == ca || cs->first == o->end) &&
        (cs->role == ROLE_ACTOR || cs->role == ROLE_ATTR))
        t = cs->actors;
    else if (cs && cs->first == ca)
        t = name_before_verb(c, cs); /* "demanded that Kyiv cede territory" */
    return t;
}

/* "committed to supporting Pakistan", "its commitment to help Kabul": the
 * object of the verb at i that an intent ending in "to" governs. */
static aset committed_to(ctx *c, size_t i)
{
    aset none = {{0}, 0};
    size_t len;
    const char *k = tok_key(&c->ts, i);
    size_t n = strlen(k);
    bool verbal = verb_at(c, i, c->s.last, &len) >= 0 || (n > 4 && strcmp(k + n - 3, "ing") == 0);
    if (!verbal || chunk_of(c, i))
        return none;
    if (verb_at(c, i, c->s.last, &len) < 0)
        len = 1;
    return object_at(c, i + len, NULL);
}

/* Is every item of the list of examples at token at an actor ("like the
 * TTP and ISKP"), not a list of topics that merely starts with one ("like
 * the Taliban, India and its policy")? */
static bool only_actors_listed(const ctx *c, size_t at)
{
    size_t i = at + (punct(c, at, ',') ? 1 : 0);
    i += is_word(c, i, "such") ? 2 : 1;
    for (int hops = 0; hops < 8 && i < c->s.last; hops++) {
        const chunk *k = chunk_of(c, i);
        if (!k || k->first != i || !k->actors.n)
            return false;
        size_t e = k->last;
        if (e + 1 < c->s.last && (and_or(c, e) || punct(c, e, ',')))
            i = e + (punct(c, e, ',') && and_or(c, e + 1) ? 2 : 1);
        else
            return true;
    }
    return true;
}

/* "deployed troops to the border with China", "dispatched troops to the
 * Iran border": where a show of force (15) is posted is a state's border,
 * and that state is its target. */
static aset border_of(ctx *c, size_t at)
{
    static const char *const preps[] = {"to", "along", "near", "on", "at", "towards", "toward"};
    static const char *const borders[] = {"border", "borders", "frontier", "boundary"};
    aset none = {{0}, 0};
    /* past the troops: "dispatched heavily armed troops to" */
    for (size_t n = 0; n < 5 && at + 1 < c->s.last && !WORD_AMONG(c, at, preps); n++, at++)
        if (clause_break(c, at) || punct(c, at, ','))
            return none;
    if (at + 1 >= c->s.last || !WORD_AMONG(c, at, preps))
        return none;
    const chunk *b = chunk_of(c, at + 1);
    if (!b || b->first != at + 1 || !WORD_AMONG(c, b->last - 1, borders))
        return none;
    aset t = b->actors.n ? b->actors : b->poss; /* "the Iran border", "India's border" */
    if (!t.n && b->last + 1 < c->s.last && is_word(c, b->last, "with"))
        t = object_at(c, b->last + 1, NULL);
    if (t.n)
        via(c, R_VIA_BORDER);
    return t;
}

/* The target of an active verb: its object, the target of a force act it
 * launches ("launched strikes on Iran", "threatened attacks on X"), a
 * recipient, or a target its class puts elsewhere. */
aset target_of(ctx *c, const vocc *o, const verb *v)
{
    const chunk *k = NULL;
    aset t = direct_object(c, o, v, &k);
    int root = atoi(v->cameo);
    static const char *const weapons[] = {"rockets", "missiles", "drones", "shells", "mortars",
                                          "missile", "rocket", "drone", "projectiles"};
    bool fires = !strncmp(v->lemma, "fire", 4) || !strncmp(v->lemma, "launch", 6);
    if (t.n && k && fires && k->first == object_start(c, o) && WORD_AMONG(c, k->last - 1, weapons))
        t.n = 0; /* "fired rockets from Lebanon": what is fired is no target ("shot down
                  * Russian drones" is) */
    bool threat_of_act = root == 13 && k && k->noun >= 0;
    size_t e = k ? past_conjuncts(c, k) : 0; /* "150 drones and 12 missiles at Ukraine" */
    if (!t.n && k && (root >= 15 || threat_of_act) && e + 1 < c->s.last &&
        (is_word(c, e, "against") || is_word(c, e, "on") || is_word(c, e, "at") ||
         is_word(c, e, "into") || (is_word(c, e, "from") && taking(v))))
        t = object_at(c, e + 1, NULL); /* "seized the city of X from the army" */
    bool pledge = root == 3 && !t.n;
    if (root == 7 || root == 8 || pledge) {
        aset r = recipient(c, o, k, pledge);
        if (r.n)
            t = r;
    }
    if (!t.n)
        t = target_by_class(c, o, v, k);
    if (!t.n && root == 16)
        t = goods_of_state(c, k);
    if (!t.n && root == 16 && k && k->first == object_start(c, o) && k->role == ROLE_ATTR &&
        k->noun >= 0) {
        t = k->actors; /* "suspended its EU accession talks": the partner named */
        via(c, R_VIA_PARTNER);
    }
    if (!t.n && root == 15)
        t = border_of(c, k ? k->last : o->end);
    if (!t.n && root == 3 && G(c, o->end - 1) & G_TO && o->end < c->s.last)
        t = committed_to(c, o->end); /* "reaffirmed its commitment to supporting X" */
    /* "supported groups like the Taliban": the object, a phrase or a bare
     * word outside any phrase, then a list of examples */
    size_t after = k ? k->last - (k->last - k->first > 1 && list_word(c, k->last - 1)) : 0;
    if (!k && o->end + 1 < c->s.last && (T(c, o->end)->flags & TOK_WORD) && !G(c, o->end) &&
        !chunk_of(c, o->end))
        after = o->end + 1;
    if (!t.n && after && (!k || (!k->actors.n && k->role != ROLE_PLACE && k->noun < 0))) {
        t = listed_after(c, after);
        if (t.n && !only_actors_listed(c, after))
            t = aset_one(t.a[0]); /* "like the Taliban, India and its policy": topics */
        if (t.n)
            via(c, R_VIA_LISTED);
    }
    return t;
}

/* promise mode: "pledged to support X": the complement's object */
aset complement_target(ctx *c, const vocc *o)
{
    aset none = {{0}, 0};
    size_t i = o->end;
    if (i < c->s.last && G(c, i) & G_TO) {
        for (size_t j = i + 1; j < c->s.last && j < i + 4; j++) {
            size_t len;
            if (verb_at(c, j, c->s.last, &len) >= 0 || (T(c, j)->flags & TOK_WORD && !chunk_of(c, j))) {
                size_t vl = len ? len : 1;
                const chunk *k = NULL;
                aset t = object_at(c, j + vl, &k);
                if (!t.n && j + vl < c->s.last && G(c, j + vl) & G_PREP)
                    t = object_at(c, j + vl + 1, NULL);
                /* "pledged to deepen cooperation with Islamabad", "threatened
                 * to impose tariffs on Mexico" */
                if (!t.n && k && k->last + 1 < c->s.last &&
                    (is_word(c, k->last, "with") || is_word(c, k->last, "to") ||
                     is_word(c, k->last, "on") || is_word(c, k->last, "against")))
                    t = object_at(c, k->last + 1, NULL);
                return t;
            }
        }
    }
    return none;
}
