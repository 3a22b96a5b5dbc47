/* Noun rules: triples from act nouns (nominalised acts), claimed acts and
 * threats told to someone. */
#include "internal.h"

/* "supports dialogue between X and Y", "called for talks with X": an act
 * proposed, backed or asked for is not asserted. */
static bool proposed(ctx *c, const chunk *k, const aset *agent, const aset *target)
{
    size_t b = k->first; /* "supports a series of engagements" */
    const chunk *q = b > c->s.first + 1 && is_word(c, b - 1, "of") ? chunk_of(c, b - 2) : NULL;
    if (q && q->last == b - 1 && quantity(c, q))
        b = q->first;
    for (size_t j = 0; j < c->n_verbs; j++) {
        const vocc *g = &c->verbs[j];
        if (g->end != b || g->verb < 0 || (G(c, g->start) & (G_LIGHT | G_INTENT | G_SEEK | G_RECEIVE)))
            continue;
        int groot = atoi(c->d->verbs[g->verb].cameo);
        if (groot == 2 || groot == 3 || groot == 5 || groot == 7) {
            drop(c, agent, target, NULL, k->noun_at, k->last,
                 R_PROPOSED);
            return true;
        }
    }
    return false;
}

/* The frame of an act noun being read ("Pakistan's request for China's
 * help", "talks between X and Y", "held talks with X"). */
typedef struct noun_frame {
    const chunk *k;
    const noun *n;
    aset agent, target;
    rule_id rule;
    size_t after; /* the token after the noun's prepositional phrases */
    size_t lead;  /* the first token of what a light verb before it governs */
} noun_frame;

static void emit_act(ctx *c, const noun_frame *a, const aset *src, const aset *dst, rule_id r)
{
    emit(c, src, dst, a->n->lemma, a->n->cameo, a->n->code, a->n->goldstein, a->k->noun_at,
         a->k->last, r);
}

static void drop_act(ctx *c, const noun_frame *a, rule_id why)
{
    drop(c, &a->agent, &a->target, NULL, a->k->noun_at, a->k->last, why);
}

/* "a possible mining deal between China and the Taliban", "supports
 * dialogue with X": true when the act is not asserted (and was dropped). */
static bool only_possible(ctx *c, const noun_frame *a)
{
    static const char *const hedges[] = {"possible", "potential", "proposed", "prospective",
                                         "likely", "hypothetical"};
    if (proposed(c, a->k, &a->agent, &a->target))
        return true;
    for (size_t j = a->k->first; j < a->k->noun_at; j++)
        if (WORD_AMONG(c, j, hedges)) {
            drop_act(c, a, R_POSSIBLE);
            return true;
        }
    return false;
}

/* "Pakistan and Afghanistan's talks", "talks between X and Y": a mutual
 * act of several actors, both ways.  True when it was read so. */
static bool between(ctx *c, const noun_frame *a)
{
    const chunk *k = a->k;
    aset both = {{0}, 0};
    if (!a->n->between)
        return false;
    if (k->poss.n && k->first > c->s.first + 1 && (G(c, k->first - 1) & G_CONJ)) {
        const chunk *l = chunk_of(c, k->first - 2); /* joint owners */
        if (l && l->last == k->first - 1 && l->role == ROLE_ACTOR) {
            both = k->poss;
            aset_merge(&both, &l->actors);
        }
    }
    for (size_t i = k->last; !both.n && i + 1 < c->s.last && i < k->last + 3; i++)
        if (is_word(c, i, "between") || is_word(c, i, "among")) {
            both = object_at(c, i + 1, NULL);
            if (!both.n)
                return true; /* "between the two sides": nobody */
        }
    for (size_t i = 0; i < both.n; i++) {
        aset one = aset_one(both.a[i]);
        emit_act(c, a, &one, &both, R_NOMINAL_BETWEEN);
    }
    return both.n > 0;
}

/* One prepositional phrase p after the noun, introduced by token i. */
static void noun_phrase_arg(ctx *c, noun_frame *a, size_t i, const chunk *p, int hops)
{
    const noun *n = a->n;
    uint32_t at = T(c, i)->atom;
    /* "to the government of Iran": "of" completes that phrase */
    bool modifier = hops > 0 && is_word(c, i, "of") && !punct(c, i - 1, ',');
    bool is_actor = !modifier && (p->role == ROLE_ACTOR || p->role == ROLE_ATTR || p->role == ROLE_POSS);
    aset who = p->role == ROLE_POSS ? p->poss : p->actors;
    bool patient_of = n->poss_target && is_word(c, i, "of");
    if (!strcmp(n->cameo, "02") && is_word(c, i, "for") && !a->target.n &&
        (p->role == ROLE_POSS || (p->role == ROLE_ACTOR && !p->person && p->first < p->last &&
                                  !(T(c, p->last - 1)->flags & TOK_CAP))))
        /* "request for China's assistance", "for more US equipment": an
         * appeal to the one who would give it */
        a->target = who;
    else if (patient_of && is_actor &&
             (!a->target.n || (a->k->poss.n && a->target.a[0] == a->k->poss.a[0]))) {
        /* "the Taliban's arrest of ISKP suspects": the owner acts */
        if (a->k->poss.n && a->k->poss.a[0] == a->target.a[0])
            a->agent = a->k->poss;
        a->target = who;
    } else if (is_actor && !a->agent.n && prep_in(at, n->agent))
        a->agent = who;
    else if (is_actor && !a->target.n && prep_in(at, n->target))
        a->target = who;
    else if (!a->target.n && atoi(n->cameo) == 16 &&
             (p->role == ROLE_NONE || p->role == ROLE_PLACE) && prep_in(at, n->target))
        a->target = goods_of_state(c, p); /* "tariffs on Chinese steel" */
    size_t e = p->last; /* joint: "on X and Y" */
    const chunk *q = e + 1 < c->s.last && (G(c, e) & G_CONJ) ? chunk_of(c, e + 1) : NULL;
    if (q && q->role == ROLE_ACTOR && is_actor)
        aset_merge(prep_in(at, n->agent) && a->agent.n && !a->target.n ? &a->agent : &a->target,
                   &q->actors);
}

/* The prepositional phrases after the noun ("attacks by X on Y"), across an
 * apposition; sets a->after. */
static void noun_phrases(ctx *c, noun_frame *a)
{
    size_t i = a->k->last;
    if (i < c->s.last && (T(c, i)->flags & TOK_CLOSEQ))
        i++; /* 'a "heavy attack" on X' */
    int root = atoi(a->n->cameo);
    const chunk *that = i + 1 < c->s.last && is_word(c, i, "that") ? chunk_of(c, i + 1) : NULL;
    if (that && that->first == i + 1 && that->role == ROLE_ACTOR && !a->target.n &&
        (root == 2 || root == 10 || root == 11)) {
        /* "demands that Ukraine drop its NATO ambitions", "accusations that
         * Kabul harbours the TTP": the one the clause is about */
        a->target = that->actors;
        via(c, R_VIA_CLAUSE_SUBJECT);
    }
    for (int hops = 0; hops < 6 && i < c->s.last; hops++) {
        if (punct(c, i, ',')) {
            const chunk *ap = chunk_of(c, i + 1);
            if (ap && ap->first == i + 1 && ap->person && ap->last < c->s.last &&
                punct(c, ap->last, ',')) {
                i = ap->last + 1;
                continue;
            }
            break;
        }
        if (!(G(c, i) & (G_PREP | G_TO | G_BY)))
            break;
        const chunk *p = chunk_of(c, i + 1);
        if (!p || p->first != i + 1)
            break;
        noun_phrase_arg(c, a, i, p, hops);
        i = p->last;
        /* "drills with warplanes from South Korea": the "from" phrase is
         * the warplanes' (an agent noun with its actor), not the act's */
        if (p->role == ROLE_ACTOR && (p->head_class & NC_AGENT) && p->last - p->first == 1 &&
            i + 1 < c->s.last && is_word(c, i, "from")) {
            const chunk *own = chunk_of(c, i + 1);
            if (own && own->first == i + 1)
                i = own->last;
        }
        const chunk *q = i + 1 < c->s.last && (G(c, i) & G_CONJ) ? chunk_of(c, i + 1) : NULL;
        bool actor_before = p->role == ROLE_ACTOR || p->role == ROLE_ATTR || p->role == ROLE_POSS;
        if (q && q->role == ROLE_ACTOR && actor_before && !(hops > 0 && is_word(c, p->first - 1, "of") &&
                                                             !punct(c, p->first - 2, ',')))
            i = q->last;
        /* "condolences to the families and to the government of X": a
         * second phrase of the same preposition */
        if (i + 2 < c->s.last && (G(c, i) & G_CONJ) &&
            (prep_in(T(c, i + 1)->atom, a->n->target) || prep_in(T(c, i + 1)->atom, a->n->agent)))
            i++;
    }
    a->after = i;
}

/* Where a light verb before the noun would stand: before a coordinated
 * noun ("expressed sympathy and condolences"), a quantity ("held several
 * rounds of talks"), a particle ("opted for dialogue", "stepped up
 * engagement") or an indirect object ("gave Pakistan an ultimatum"). */
/* A token of an amount before an act noun: "$1 billion", "€500m", "2bn". */
static bool amount_token(const ctx *c, size_t i)
{
    static const char *const words[] = {"million", "billion", "trillion", "bn", "m"};
    const tok *t = T(c, i);
    if (t->flags & TOK_DIGIT)
        return true;
    if (t->flags & TOK_PUNCT) {
        const char *s = c->text + t->start;
        size_t n = t->end - t->start;
        return (n == 1 && *s == '$') || (n == 2 && !memcmp(s, "\xc2\xa3", 2)) ||
               (n == 3 && !memcmp(s, "\xe2\x82\xac", 3)); /* $, £, € */
    }
    return WORD_AMONG(c, i, words);
}

static void light_verb_lead(ctx *c, noun_frame *a)
{
    size_t b = a->k->first;
    /* "approved a $1 billion arms sale": the amount is part of the phrase */
    while (b > c->s.first + 1 && amount_token(c, b - 1) &&
           (!chunk_of(c, b - 1) || chunk_of(c, b - 1)->actors.n == 0))
        b--;
    /* 'initiated a "heavy attack" on': quote marks around the act noun */
    while (b > c->s.first + 1 && (T(c, b - 1)->flags & (TOK_OPENQ | TOK_CLOSEQ)))
        b--;
    if (b < a->k->first && b > c->s.first + 1 && (G(c, b - 1) & G_DET) &&
        (!chunk_of(c, b - 1) || chunk_of(c, b - 1)->last - chunk_of(c, b - 1)->first == 1))
        b--;
    if (b > c->s.first + 1 && (G(c, b - 1) & G_CONJ)) {
        const chunk *q = chunk_of(c, b - 2);
        if (q && q->last == b - 1 && q->role != ROLE_ACTOR && q->role != ROLE_PLACE)
            b = q->first;
    }
    if (b > c->s.first + 1 && is_word(c, b - 1, "of")) {
        const chunk *q = chunk_of(c, b - 2);
        if (q && q->last == b - 1 && quantity(c, q))
            b = q->first;
    }
    if (b > c->s.first && G(c, b - 1) & G_PREP && b - 1 > c->s.first &&
        (is_word(c, b - 1, "for") || is_word(c, b - 1, "in") || is_word(c, b - 1, "with") ||
         is_word(c, b - 1, "up") || is_word(c, b - 1, "off") || is_word(c, b - 1, "out")))
        b--;
    if (b > c->s.first + 1 && is_word(c, b, "in") && is_word(c, b - 1, "part") &&
        (is_word(c, b - 2, "took") || is_word(c, b - 2, "take") || is_word(c, b - 2, "takes") ||
         is_word(c, b - 2, "taking") || is_word(c, b - 2, "taken")))
        b--; /* "took part in joint exercises": the subject of "took" */
    if (!a->target.n && b > c->s.first + 1) {
        const chunk *io = chunk_of(c, b - 1);
        if (io && io->last == b && io->role == ROLE_ACTOR && io->first > c->s.first &&
            (G(c, io->first - 1) & G_LIGHT) && !a->agent.n) {
            a->target = io->actors;
            b = io->first;
        }
    }
    a->lead = b;
}

/* "killed 30 militants in a raid on a TTP hideout": the subject of the
 * clause's verb carried out the act; "has been under UN sanctions": the
 * subject is the target. */
static void clause_roles(ctx *c, noun_frame *a)
{
    const chunk *k = a->k;
    if (!a->agent.n && a->target.n && k->first > c->s.first + 1 &&
        (is_word(c, k->first - 1, "in") || is_word(c, k->first - 1, "during")))
        for (size_t j = k->first - 1; j-- > c->s.first;) {
            /* "the minister said, in a warning to India": the comma before
             * the adjunct's preposition */
            if (punct(c, j, ',') && j + 2 == k->first)
                continue;
            if (clause_break(c, j) || punct(c, j, ','))
                break;
            vocc *g = find_vocc(c, j + 1);
            if (g && g->end == j + 1 && g->verb >= 0) {
                aset s = subject_of(c, g);
                if (s.n && !g->negated && !g->hyp) {
                    a->agent = s;
                    a->rule = R_ACT_IN_ADJUNCT;
                }
                break;
            }
        }
    size_t b = a->lead;
    if (b <= c->s.first || !is_word(c, b - 1, "under") || a->target.n)
        return;
    for (size_t j = b - 1; j-- > c->s.first;) {
        if (G(c, j) & G_BE) {
            aset s = subject_at(c, j);
            if (s.n) {
                a->target = s;
                a->rule = R_UNDER_SANCTIONS;
            }
            return;
        }
        if (!(G(c, j) & (G_HAVE | G_ADV | G_BE)))
            return;
    }
}

/* "held talks with X", "seeks assistance from X", "received funds from
 * X", "plans talks with X": the light verb's subject and its modality.
 * True when the act was read (dropped or emitted) here. */
static bool light_verb(ctx *c, noun_frame *a)
{
    size_t b = a->lead;
    const noun *n = a->n;
    /* "Iran is in talks with Saudi Arabia", "we are in regular
     * communication with X": being in an act is doing it */
    bool being_in = b > c->s.first && ((is_word(c, b, "in") && (G(c, b - 1) & G_BE)) ||
                                       is_word(c, b, "part"));
    /* "the UAE, which is the RSF's most significant patron": being the
     * patron, backer or sponsor of X is supporting X */
    static const char *const roles[] = {"patron", "backer", "main backer", "sponsor",
                                        "arms supplier"};
    bool being_role = false;
    for (size_t i = 0; i < sizeof roles / sizeof *roles && !being_role; i++)
        being_role = !strcmp(n->lemma, roles[i]);
    /* "identifies the UAE as the primary sponsor of the RSF": the one named
     * "as" the role holds it */
    const chunk *as_of = being_role && b > c->s.first + 1 && is_word(c, b - 1, "as")
                             ? chunk_of(c, b - 2)
                             : NULL;
    if (as_of && as_of->last == b - 1 && as_of->role == ROLE_ACTOR && !a->agent.n &&
        a->target.n) {
        a->agent = as_of->actors;
        a->rule = R_ROLE_NOUN;
        return false;
    }
    being_role = being_role && b > c->s.first && (G(c, b - 1) & G_BE);
    being_in = being_in || being_role;
    if (b <= c->s.first ||
        !((G(c, b - 1) & (G_LIGHT | G_INTENT | G_SEEK | G_RECEIVE)) || being_in) ||
        (G(c, b - 1) & G_DET))
        return false;
    rule_id why = not_asserted(c, b - 1);
    if (why != R_NONE) {
        drop_act(c, a, why);
        return true;
    }
    aset s = subject_at(c, b - 1);
    uint32_t g = G(c, b - 1);
    if ((g & G_SEEK) && !strcmp(n->cameo, "07") && a->agent.n) {
        emit(c, &s, &a->agent, "seek assistance", "02", "020", 3.0, b - 1, a->k->last,
             R_SEEKING_AID);
        return true;
    }
    if ((g & G_RECEIVE) && !a->agent.n && s.n > 1 && n->between) {
        /* "Israel and Hezbollah accepted the ceasefire": theirs, each with
         * the other (read as joint-mutual-act) */
        a->agent = s;
        a->rule = R_LIGHT_VERB;
        return false;
    }
    if (g & G_RECEIVE) {
        /* "received funds from al-Qaeda": the receiver is the target */
        if (!a->target.n)
            a->target = s;
        if (a->agent.n && a->target.n)
            emit_act(c, a, &a->agent, &a->target, R_RECEIVED_FROM);
        else
            drop_act(c, a, R_RECEIVED_NO_ACTOR);
        return true;
    }
    if (!a->agent.n)
        a->agent = s;
    if ((g & (G_SEEK | G_INTENT)) &&
        (!strcmp(n->cameo, "04") || !strcmp(n->cameo, "05") || !strcmp(n->cameo, "06"))) {
        if (a->agent.n && a->target.n)
            emit(c, &a->agent, &a->target, n->lemma, "03", "030", 4.0, a->k->noun_at, a->k->last,
                 R_PROPOSED_COOPERATION);
        return true;
    }
    a->rule = being_role ? R_ROLE_NOUN : R_LIGHT_VERB;
    return false;
}

/* A verb of the clause starts at j; a bare form inside the list ("of all
 * trade with", "flights and trade with") is one of the things reduced. */
static bool verb_starts_at(const ctx *c, size_t j)
{
    for (size_t v = 0; v < c->n_verbs; v++) {
        const vocc *o = &c->verbs[v];
        if (o->aux != j && o->start != j)
            continue;
        bool in_list = o->aux == o->start && o->form == F_BASE &&
                       (is_word(c, j - 1, "of") || punct(c, j - 1, ',') ||
                        (G(c, j - 1) & (G_DET | G_CONJ)));
        if (!in_list)
            return true;
    }
    return false;
}

/* "the suspension of trade, bilateral accords and airspaces with India":
 * a reduction of relations whose "of" phrase, a list of what is reduced,
 * ends in "with X" names its partner X; true when it does. */
static bool severed_with(ctx *c, noun_frame *a)
{
    size_t i = a->k->last;
    if (i + 1 >= c->s.last || !is_word(c, i, "of"))
        return false;
    for (size_t j = i + 1; j + 1 < c->s.last && j < i + 12; j++) {
        if (clause_break(c, j) || verb_starts_at(c, j))
            return false;
        const chunk *h = chunk_of(c, j);
        if (h && h->first == j && (h->role == ROLE_ACTOR || h->role == ROLE_POSS || h->poss.n))
            return false; /* "suspension of Pakistan's trade": not a list of things */
        if (is_word(c, j, "with")) {
            const chunk *p = chunk_of(c, j + 1);
            if (!p || p->first != j + 1 || p->role != ROLE_ACTOR)
                return false;
            a->target = p->actors;
            a->rule = R_SEVERED_WITH;
            return true;
        }
    }
    return false;
}

/* The agent or target from the rest of the sentence: a passive light verb
 * ("operations against ISKP were stepped up by the Taliban"), the other
 * side of a closed border, "with the help of X". */
static void roles_elsewhere(ctx *c, noun_frame *a)
{
    const chunk *k = a->k;
    if (!a->agent.n) {
        size_t j = a->after;
        while (j < c->s.last && (G(c, j) & (G_HAVE | G_ADV | G_MODAL_FUT | G_MODAL_HYP)))
            j++;
        if (j < c->s.last && (G(c, j) & G_BE)) {
            while (j < c->s.last && (G(c, j) & (G_BE | G_ADV)))
                j++;
            aset by = j < c->s.last && (G(c, j) & G_LIGHT) ? passive_agent(c, j + 1) : a->agent;
            if (by.n) {
                a->agent = by;
                a->rule = R_LIGHT_VERB_PASSIVE;
            }
        }
    }
    if (a->agent.n && !a->target.n && !strcmp(a->n->cameo, "16")) {
        aset other = severed_with(c, a) ? (aset){{0}, 0} : other_side(c, &a->agent);
        if (other.n) { /* "closure of the border with Pakistan" */
            a->target = other;
            a->rule = R_BORDER_CLOSURE;
        }
    }
    if (a->agent.n && !a->target.n && !strcmp(a->n->cameo, "07") && k->first > c->s.first + 1 &&
        is_word(c, k->first - 1, "with")) {
        size_t j = k->first - 1;
        if (punct(c, j - 1, ','))
            j--;
        const chunk *h = subject_chunk(c, j);
        if (h && h->role == ROLE_ACTOR) {
            a->target = h->actors;
            a->rule = R_HELP_OF;
        }
    }
}

/* "Hamas rejected Israel's demands", "the Kremlin refused calls by Ukraine
 * for a ceasefire": the one who rejects an appeal or a demand was its
 * target. */
static void refused_demand(ctx *c, noun_frame *a)
{
    int root = atoi(a->n->cameo);
    if (a->target.n || !a->agent.n || (root != 2 && root != 10))
        return;
    for (size_t j = 0; j < c->n_verbs; j++) {
        vocc *g = &c->verbs[j];
        if (g->end != a->k->first || g->verb < 0 || g->passive || g->negated)
            continue;
        if (atoi(c->d->verbs[g->verb].cameo) != 12)
            return;
        a->target = subject_of(c, g);
        if (a->target.n)
            via(c, R_VIA_REFUSER);
        return;
    }
}

/* "to defend Israel from Iran's aerial attacks", "protect Ukraine against
 * Russian strikes": the one defended from an act of force is its target. */
static void defended_from(ctx *c, noun_frame *a)
{
    static const char *const defend[] = {"defend", "defends", "defended", "defending",
                                         "protect", "protects", "protected", "protecting",
                                         "shield", "shields", "shielded", "shielding",
                                         "safeguard", "safeguarded"};
    const chunk *k = a->k;
    int root = atoi(a->n->cameo);
    if (a->target.n || !a->agent.n || root < 18 || k->prep == ATOM_NONE ||
        (!is_word(c, k->prep_tok, "from") && !is_word(c, k->prep_tok, "against")) ||
        k->prep_tok <= c->s.first + 1)
        return;
    size_t o = k->prep_tok - 1;
    const chunk *ok = chunk_of(c, o);
    if (ok && ok->last == k->prep_tok && ok->role == ROLE_ACTOR && !ok->pronoun &&
        !is_word(c, o, "itself") && !is_word(c, o, "themselves"))
        o = ok->first;
    else if (!is_word(c, o, "itself") && !is_word(c, o, "themselves"))
        return;
    if (o <= c->s.first || !WORD_AMONG(c, o - 1, defend))
        return;
    for (size_t m = o - 1; m-- > c->s.first && m + 3 >= o;)
        if (G(c, m) & (G_MODAL_FUT | G_MODAL_HYP))
            return; /* "will defend itself against any aggression": none yet */
    /* "Pakistan will defend itself against Indian aggression" */
    bool self = is_word(c, o, "itself") || is_word(c, o, "themselves");
    a->target = self ? subject_at(c, o - 1) : ok->actors;
    if (a->target.n)
        via(c, R_VIA_DEFENDED_FROM);
}

/* "Pakistan faces a security crisis due to a surge in attacks by the TTP",
 * "with Pakistan bearing the brunt of TTP attacks": the one who faces,
 * suffers or bears an act of force is its target (the sufferer named in
 * the sentence). */
static void suffered_by(ctx *c, noun_frame *a)
{
    static const char *const suffer[] = {
        "face", "faces", "faced", "facing", "suffer", "suffers", "suffered", "suffering",
        "bear", "bears", "bore", "bearing", "endure", "endures", "endured", "enduring",
        "experience", "experiences", "experienced", "experiencing"};
    int root = atoi(a->n->cameo);
    if (a->target.n || !a->agent.n || root < 18)
        return;
    for (size_t j = a->lead; j-- > c->s.first && j + 12 > a->lead;) {
        if (clause_break(c, j) || punct(c, j, ',') || punct(c, j, ';'))
            return;
        if (!WORD_AMONG(c, j, suffer))
            continue;
        for (size_t m = j; m-- > c->s.first && m + 3 > j;)
            if (G(c, m) & (G_MODAL_FUT | G_MODAL_HYP | G_NEG))
                return; /* "could face attacks", "does not face" */
        aset s = subject_at(c, j);
        for (size_t i = 0; i < s.n; i++)
            for (size_t g = 0; g < a->agent.n; g++)
                if (s.a[i] == a->agent.a[g])
                    return;
        if (s.n) {
            a->target = s;
            via(c, R_VIA_SUFFERER);
        }
        return;
    }
}

/* "During his visit to Islamabad, the Chinese foreign minister praised
 * Pakistan", "In a phone call with his Iranian counterpart, X ...": a
 * cooperative act noun (03 to 08) of the opening phrase, with a target and
 * no agent of its own, is the main subject's. */
static void opening_agent(ctx *c, noun_frame *a)
{
    int root = atoi(a->n->cameo);
    if (root < 3 || root > 8 || (a->agent.n && a->target.n))
        return;
    aset main = opening_subject(c, a->k->first);
    if (!main.n)
        return;
    if (!a->agent.n && a->target.n)
        a->agent = main;
    else if (root == 4 && a->agent.n && !a->target.n && !aset_overlap(&a->agent, &main))
        a->target = main; /* "During the visit of Muttaqi, Pakistan raised ...": the host */
    else
        return;
    via(c, R_VIA_OPENING_SUBJECT);
}

void read_noun(ctx *c, const chunk *k)
{
    const noun *n = &c->d->nouns[k->noun / 2];
    noun_frame a = {k, n, {{0}, 0}, {{0}, 0}, R_NOMINAL, k->last, k->first};
    trace(c, DYAD_TRACE_VERB, k->noun_at, k->last, -1, -1, n->lemma, n->cameo, n->code, NULL);
    c->n_via = 0;
    if (k->role == ROLE_ATTR)
        a.agent = joint(c, k); /* "US, S Korea, Japan joint drills": the list too */
    if (k->poss.n)
        *(n->poss_target ? &a.target : &a.agent) = k->poss;
    if (only_possible(c, &a) || between(c, &a))
        return;
    noun_phrases(c, &a);
    light_verb_lead(c, &a);
    clause_roles(c, &a);
    if (light_verb(c, &a))
        return;
    roles_elsewhere(c, &a);
    refused_demand(c, &a);
    defended_from(c, &a);
    suffered_by(c, &a);
    opening_agent(c, &a);
    if (a.agent.n && a.target.n) {
        size_t j = a.after;
        while (j < c->s.last && (G(c, j) & G_ADV))
            j++;
        if (j < c->s.last && (G(c, j) & G_MODAL_HYP) &&
            (k->first == c->s.first || G(c, k->first) & G_DET)) {
            drop_act(c, &a, R_HYPOTHETICAL_NOMINAL);
            return;
        }
    }
    int nroot = atoi(n->cameo);
    if (a.agent.n > 1 && !a.target.n &&
        (n->between || (nroot >= 3 && nroot <= 6 && prep_in(lex_atom(c->d, "with"), n->target)))) {
        for (size_t i = 0; i < a.agent.n; i++) { /* "Dar and Muttaqi held separate talks" */
            aset one = aset_one(a.agent.a[i]);
            emit_act(c, &a, &one, &a.agent, R_JOINT_MUTUAL);
        }
        return;
    }
    if (!a.agent.n || !a.target.n) {
        drop_act(c, &a, !a.agent.n ? R_NOMINAL_NO_AGENT : R_NOMINAL_NO_TARGET);
        return;
    }
    emit_act(c, &a, &a.agent, &a.target, a.rule);
}
