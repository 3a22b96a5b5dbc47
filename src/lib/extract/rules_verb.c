/* Verb rules: triples from relation verbs, their targets outside the
 * object slot, and the acts a speaker prescribes ("X should ..."). */
#include "internal.h"

aset passive_agent(const ctx *c, size_t from)
{
    aset none = {{0}, 0};
    for (size_t i = from; i < c->s.last && i < from + 14; i++) {
        if (clause_break(c, i) || G(c, i) & G_REL)
            break;
        /* "banned in Pakistan and has been classified by the US": the
         * agent of the next verb phrase is not this one's */
        if ((G(c, i) & G_CONJ) && i + 1 < c->s.last &&
            (G(c, i + 1) & (G_HAVE | G_BE | G_MODAL_FUT | G_MODAL_HYP) || verbish(c, i + 1)))
            break;
        if (G(c, i) & G_BY) {
            /* "by the TTP", "by the United States and France", "by Russian
             * missiles", "by UN Security Council resolutions": the actors of
             * the phrase and its conjuncts, whatever it holds of theirs */
            const chunk *k = chunk_of(c, i + 1);
            const chunk *of = k && k->first == i + 1 && !k->actors.n && quantity(c, k) &&
                                      k->last + 1 < c->s.last && is_word(c, k->last, "of")
                                  ? chunk_of(c, k->last + 1)
                                  : NULL;
            if (of && of->first == k->last + 1 && of->actors.n)
                k = of; /* "by a wave of Russian drones" */
            if (!k || !k->actors.n || k->role == ROLE_PLACE || k->person ||
                (k->role == ROLE_NONE && k->head_class))
                return k && k->person && k->role == ROLE_ACTOR ? k->actors : none;
            if (k != of && k->first != i + 1)
                return none;
            aset by = object_at(c, k->first, NULL);
            return by.n ? by : k->actors;
        }
    }
    return none;
}

/* "close the border", "suspend diplomatic relations" with no named side:
 * the other state in the sentence */
aset other_side(const ctx *c, const aset *subj)
{
    static const char *const crossings[] = {"border", "borders", "crossing", "crossings",
                                            "frontier", "airspace", "relations", "ties",
                                            "visas", "visa", "flights"};
    aset s = {{0}, 0};
    bool border = false;
    for (size_t i = c->s.first; i < c->s.last && !border; i++)
        border = WORD_AMONG(c, i, crossings);
    if (!border)
        return s;
    for (size_t i = 0; i < c->n_chunks; i++) {
        const chunk *k = &c->chunks[i];
        /* "closed its airspace to Indian airlines": a state's adjective too */
        if (k->role != ROLE_ACTOR && k->role != ROLE_PLACE && k->role != ROLE_NONE)
            continue;
        for (size_t a = 0; a < k->actors.n; a++) {
            bool mine = false;
            for (size_t b = 0; b < subj->n; b++)
                mine |= subj->a[b] == k->actors.a[a];
            if (!mine && c->d->actors[k->actors.a[a]].kind == KIND_STATE)
                aset_add(&s, k->actors.a[a]);
        }
    }
    return s;
}

/* A capitalised name standing where an actor would, in no dictionary:
 * traced (what `dyad extract --suggest` lists) and, with open actors, made
 * the missing argument *out.  True if it filled *out. */
static bool unknown_argument(ctx *c, const chunk *k, aset *out)
{
    size_t b, e;
    if (!unknown_name_span(c, k, &b, &e))
        return false;
    trace(c, DYAD_TRACE_UNKNOWN, b, e, -1, -1, NULL, NULL, NULL, "unknown name");
    if (!c->opts || !c->opts->open_actors)
        return false;
    int16_t a = open_actor(c, b, e);
    if (a < 0)
        return false;
    *out = aset_one(a);
    via(c, R_VIA_OPEN_ACTOR);
    dyad_graph_mention(c->g, node_for(c, a), 1);
    return true;
}

/* The first actor in what a warning says, other than the one warning:
 * "warned that any Pakistani operation would be considered aggression". */
static aset warned_about(const ctx *c, size_t from, const aset *warner)
{
    aset none = {{0}, 0};
    size_t i = from;
    if (i < c->s.last && is_word(c, i, "that"))
        i++;
    for (; i < c->s.last && i < from + 8; i++) {
        if (clause_break(c, i) || punct(c, i, ','))
            break;
        const chunk *k = chunk_of(c, i);
        if (!k || k->first != i)
            continue;
        /* "any Indian attempt", "any Pakistani operation", "Pakistan's" */
        if (k->role == ROLE_PLACE || (!k->actors.n && !k->poss.n))
            return none;
        const aset *a = k->role == ROLE_POSS || !k->actors.n ? &k->poss : &k->actors;
        if (aset_overlap(a, warner)) { /* "warned his group would conquer Iran" */
            i = k->last - 1;
            continue;
        }
        return *a;
    }
    return none;
}

/* Active: the object or recipient is the target; passive: the subject is
 * the target and the "by" phrase the agent.  False when the candidate was
 * dropped. */
static void gerund_subject(ctx *c, const vocc *o, const aset *who);

/* "Russian forces, backed by North Korean troops, recaptured ...": a past
 * participle right after an actor and a comma, with its agent after "by",
 * is a passive whose subject is that actor.  True if it read one. */
static bool frame_arguments(ctx *c, vocc *o, frame *f)
{
    if (jointly_by(c, o, f))
        return false; /* read: its triples are out */
    if (reduced_passive(c, o, f))
        return true;
    f->subj = subject_of(c, o);
    if (o->subject_via != R_NONE)
        via(c, o->subject_via);
    if (!o->passive) {
        f->obj = target_of(c, o, f->v);
        return true;
    }
    f->obj = f->subj;
    int root = atoi(f->v->cameo);
    if (!f->obj.n) {
        const chunk *sk = subject_chunk(c, o->aux);
        /* "half of Ukraine's energy grid has been destroyed" */
        if (sk && quantity(c, sk) && sk->last + 1 < o->aux && is_word(c, sk->last, "of")) {
            const chunk *q = chunk_of(c, sk->last + 1);
            if (q && q->first == sk->last + 1)
                sk = q;
        }
        if (sk && sk->role == ROLE_ACTOR)
            f->obj = sk->actors; /* "half of Pakistan's border posts" */
        else if (sk && sk->role == ROLE_POSS)
            f->obj = sk->poss; /* "Pakistan's demands were rejected by X" */
        else if (sk && sk->role == ROLE_NONE && !sk->person && !sk->head_class &&
                 (root == 5 || (root >= 10 && root <= 12)))
            f->obj = sk->actors; /* "North Korean launches were denounced by X" */
    }
    f->subj = passive_agent(c, o->end);
    f->rule = R_PASSIVE_BY;
    if (f->subj.n)
        return true;
    if (!strcmp(f->v->lemma, "engage") && f->obj.n) {
        /* "Pakistan and Afghanistan have been engaged": engaged in talks,
         * not engaged by someone */
        f->subj = f->obj;
        f->obj = (aset){{0}, 0};
        f->rule = R_AGENT_OBJECT;
        o->passive = false;
        return true;
    }
    /* "the UAE has been accused of supplying weapons to the RSF": the
     * accusation has no agent, the act it reports does */
    if (f->v->mode == MODE_ACCUSE && f->obj.n)
        gerund_subject(c, o, &f->obj);
    /* "X has been told that ... Y will target": told_threat reads it */
    drop(c, NULL, &f->obj, f->v, o->start, o->end, R_PASSIVE_NO_AGENT);
    return false;
}

/* A word for a charge one actor makes against another: "claim",
 * "accusations", "allegation". */
bool charge_word(const ctx *c, size_t t)
{
    static const char *const charges[] = {"charge", "claim", "accusation", "allegation",
                                          "assertion", "charges", "claims", "accusations",
                                          "allegations"};
    return WORD_AMONG(c, t, charges);
}

/* "denied Pakistan's accusations", "denied the claim made by X": denying a
 * claim gives nothing, even with its author named (realdev NOTES 1); denying
 * a request or access is a rejection. */
/* Is the phrase right after verb o a claim ("Pakistan's accusations",
 * "the claim made by X")? */
static bool claim_follows(const ctx *c, const vocc *o)
{
    const chunk *k = o->end < c->s.last ? chunk_of(c, o->end) : NULL;
    if (!k || k->first != o->end)
        return false;
    for (size_t t = k->first; t < k->last; t++) /* "Yerevan's accusations groundless" */
        if (charge_word(c, t) || is_word(c, t, "assertions") || is_word(c, t, "report") ||
            is_word(c, t, "reports"))
            return true;
    return false;
}

static bool denies_a_claim(const ctx *c, const vocc *o, const frame *f)
{
    return strcmp(f->v->lemma, "deny") == 0 && !o->passive && claim_follows(c, o);
}

/* The verb's entry wants a word that is missing, or "call" names: true
 * when the candidate was dropped. */
static bool vetoed(ctx *c, const vocc *o, const frame *f)
{
    bool participle = o->form == F_PP || o->form == F_PAST;
    if (!needs_met(c, f->v, o->end) && !(participle && needs_met_before(c, f->v, o->start))) {
        drop(c, &f->subj, &f->obj, f->v, o->start, o->end, R_MISSING_WORD);
        return true;
    }
    if (denies_a_claim(c, o, f)) {
        drop(c, &f->subj, &f->obj, f->v, o->start, o->end, R_DENIED_CLAIM);
        return true;
    }
    if (strcmp(f->v->lemma, "call") != 0)
        return false;
    const chunk *sk = subject_chunk(c, o->aux);
    if (sk && sk->first > c->s.first &&
        ((G(c, sk->first - 1) & G_REL) || is_word(c, sk->first - 1, "what"))) {
        drop(c, &f->subj, &f->obj, f->v, o->start, o->end, R_NAMING);
        return true; /* "the TTP, which Islamabad calls Fitna al-Khawarij" */
    }
    return false;
}

/* "accused X of harbouring Y": X is the agent of the gerund, even when the
 * accuser is no actor. */
/* The first gerund after "of" or "for" following verb o: its subject is
 * who. */
static void gerund_subject(ctx *c, const vocc *o, const aset *who)
{
    for (size_t i = 0; i < c->n_verbs; i++) {
        vocc *g = &c->verbs[i];
        if (g->start > o->end && g->form == F_ING && g->start > 0 &&
            (is_word(c, g->start - 1, "of") || is_word(c, g->start - 1, "for"))) {
            g->subject = *who;
            g->subject_done = true;
            return;
        }
    }
}

static void accused_gerund(ctx *c, const vocc *o, const frame *f)
{
    /* and "thanked X for proposing", "commended X for taking down" */
    bool judges = f->v->mode == MODE_ACCUSE || !strcmp(f->v->cameo, "05");
    if (!judges || !f->obj.n)
        return; /* passive: f->obj is the one accused ("X was accused by Y of") */
    gerund_subject(c, o, &f->obj);
}

/* "refused to stop supporting": the one who refuses is the agent. */
static void refusal_subject(ctx *c, const vocc *o, frame *f)
{
    f->refusal = SIZE_MAX;
    if (o->form != F_ING || o->start <= c->s.first || !(G(c, o->start - 1) & G_STOP))
        return;
    for (size_t j = o->start - 1; j-- > c->s.first && o->start - j < 6;)
        if (G(c, j) & G_NEGV) {
            f->refusal = j;
            break;
        }
    if (f->refusal == SIZE_MAX)
        return;
    const chunk *rk = chunk_of(c, f->refusal);
    aset who = rk && rk->poss.n ? rk->poss : subject_at(c, f->refusal);
    if (who.n)
        f->subj = who;
}

/* 13 when a warning threatens: "warned X not to", "against", "of
 * consequences", "about doing", "that Pakistan will respond"; else 01. */
static void warning_class(ctx *c, const vocc *o, frame *f)
{
    size_t e = o->end;
    const chunk *k = e < c->s.last ? chunk_of(c, e) : NULL;
    if (k && k->first == e)
        e = k->last;
    bool warn = !strcmp(f->v->cameo, "13");
    bool threat = e < c->s.last &&
                  ((is_word(c, e, "not") || is_word(c, e, "against") || is_word(c, e, "of")) ||
                   (warn && (is_word(c, e, "about") || is_word(c, e, "over")) &&
                    gerund_follows(c, e + 1)) ||
                   (is_word(c, e, "that") && threat_follows(c, e)) ||
                   ((G(c, e) & G_TO) && threat_follows(c, e)));
    if (threat && warn && !f->obj.n && !o->passive) {
        /* "warned that any Indian attempt ... would be an act of war": the
         * actor the warning is about */
        f->obj = warned_about(c, o->end, &f->subj);
        if (f->obj.n)
            via(c, R_VIA_WARNED_ABOUT);
    }
    if (!threat) {
        f->cameo = "01", f->code = "010", f->gold = 0.0;
        f->rule = R_WARNING_NO_THREAT;
    }
}

/* Negation, denial, hypotheses and conditions: true when the candidate
 * was dropped. */
static bool not_the_case(ctx *c, vocc *o, const frame *f)
{
    for (size_t j = o->aux; j-- > c->s.first && !o->negated;) {
        if (clause_break(c, j) || punct(c, j, ','))
            break;
        if (is_word(c, j, "neither"))
            o->negated = true; /* "Neither China nor Russia has blamed" */
    }
    rule_id why = R_NONE;
    int vroot = atoi(f->v->cameo);
    if (o->negated || denied(c, o->aux))
        why = o->negated ? R_NEGATED : R_DENIED;
    if (why == R_NONE && o->hyp &&
        (reported_future(c, o->aux, o->start) || /* "said the government would seek" */
         (vroot >= 15 && vroot <= 20 && threat_frame(c, o)))) {
        /* "Islamabad would strike TTP hideouts if the attacks did not stop" */
        o->hyp = false;
        o->future = true;
    }
    if (why == R_NONE && o->hyp)
        why = R_HYPOTHETICAL;
    if (why == R_NONE && inverted_condition(c, o))
        why = R_INVERTED_CONDITION;
    for (size_t j = o->aux; why == R_NONE && j-- > c->s.first;) {
        if (clause_break(c, j) || punct(c, j, ','))
            break;
        if (G(c, j) & G_COND)
            why = R_CONDITIONAL;
    }
    if (why == R_NONE)
        return false;
    drop(c, &f->subj, &f->obj, f->v, o->start, o->end, why);
    return true;
}

/* An infinitive is asserted when a plan, a decision or readiness governs
 * it, not when it is requested, refused, pledged or just purposed: true
 * when the candidate was dropped (or read as support). */
static bool infinitive_not_asserted(ctx *c, vocc *o, frame *f)
{
    size_t to = o->aux;
    while (to < o->start && !(G(c, to) & G_TO))
        to++;
    size_t gat = 0;
    gov_kind gk = governor(c, to, &gat);
    rule_id why = R_NONE;
    if (gk == GOV_REQUEST || (gk != GOV_NEG && requested(c, o)))
        why = R_REQUESTED;
    else if (gk == GOV_NEG && (G(c, o->start) & G_SUPPRESS) && f->obj.n) {
        aset s2 = subject_at(c, gat); /* "refused to act against X": support */
        if (!s2.n)
            s2 = f->subj;
        emit(c, &s2, &f->obj, "shelter", "07", "070", 7.0, o->start, o->end,
             R_REFUSE_TO_ACT_AGAINST);
        return true;
    } else if (gk == GOV_NEG)
        why = R_REFUSED;
    else if (gk == GOV_PROMISE)
        why = R_PLEDGED_COMPLEMENT;
    else if (gk == GOV_NOUN || gk == GOV_NONE)
        why = R_INFINITIVE;
    else if (gk == GOV_READY) {
        /* readiness to cooperate is intent (03); to do anything else, a
         * disposition */
        int vroot = atoi(f->v->cameo);
        if (vroot < 3 || vroot > 8)
            why = R_DISPOSITION;
        f->cameo = "03", f->code = "030", f->gold = 4.0;
    }
    if (why != R_NONE) {
        drop(c, &f->subj, &f->obj, f->v, o->start, o->end, why);
        return true;
    }
    o->planned = gk != GOV_CAUSED && gk != GOV_ORDINAL && gk != GOV_OCCASION && gk != GOV_VOTED;
    f->rule = gk == GOV_SUBJECT ? R_PLANNED_HEADLINE
              : gk == GOV_READY ? R_READY
              : gk == GOV_CAUSED ? R_CAUSED
              : gk == GOV_OCCASION ? R_OCCASION
              : gk == GOV_VOTED ? R_VOTED
              : gk == GOV_ORDINAL ? R_ORDINAL_ACT
                                 : R_PLANNED;
    return false;
}

/* Requested, stopped or threatened: what the clause around the verb does
 * to its act.  True when the candidate was dropped. */
static bool modality(ctx *c, vocc *o, frame *f)
{
    if (not_the_case(c, o, f))
        return true;
    if (o->infinitive) {
        if (infinitive_not_asserted(c, o, f))
            return true;
    } else if (requested(c, o)) {
        drop(c, &f->subj, &f->obj, f->v, o->start, o->end, R_REQUESTED);
        return true;
    }
    if (o->form == F_ING && o->start > c->s.first && (G(c, o->start - 1) & G_STOP)) {
        /* "stop supporting": asserted only when the stopping is refused */
        if (f->refusal == SIZE_MAX) {
            drop(c, &f->subj, &f->obj, f->v, o->start, o->end, R_STOPPED);
            return true;
        }
        f->rule = R_REFUSED_TO_STOP;
    }
    if (o->future && atoi(f->cameo) >= 15 && atoi(f->cameo) <= 20) {
        f->cameo = "13", f->code = "138", f->gold = -7.0, f->lemma = "threaten";
        f->rule = R_FUTURE_FORCE;
    }
    return false;
}

/* No object yet: the other side of a border, joint agents of a mutual act,
 * the antecedent of an object relative, the one who charged.  True when
 * the candidate was read (reciprocal triples emitted). */
static bool target_elsewhere(ctx *c, const vocc *o, frame *f)
{
    if (!f->obj.n && !strcmp(f->v->cameo, "16") &&
        (needs_met(c, f->v, o->end) || (o->passive && needs_met_before(c, f->v, o->aux))))
        f->obj = other_side(c, &f->subj);
    /* "India and Pakistan have fought three wars": joint agents of
     * cooperation or of fighting (19) with no object act on each other */
    bool cooperative = (atoi(f->cameo) >= 3 && atoi(f->cameo) <= 6) || atoi(f->cameo) == 19;
    bool each_other = o->end + 1 < c->s.last &&
                      ((is_word(c, o->end, "each") && is_word(c, o->end + 1, "other")) ||
                       (is_word(c, o->end, "one") && is_word(c, o->end + 1, "another")));
    bool gerund = o->form == F_ING && o->aux == o->start; /* "for proposing": no joint agents */
    /* "Egypt and Saudi Arabia hosted talks between the warring parties":
     * the parties of a verb ending in "between" are its object, not the
     * joint agents */
    bool between = is_word(c, o->end - 1, "between") || is_word(c, o->end - 1, "among");
    if (!f->obj.n && f->subj.n > 1 && !gerund && !between &&
        (f->v->reciprocal || cooperative || each_other ||
         (o->end < c->s.last && G(c, o->end) & G_RECIP))) {
        for (size_t i = 0; i < f->subj.n; i++) {
            aset one = aset_one(f->subj.a[i]);
            emit(c, &one, &f->subj, f->lemma, f->cameo, f->code, f->gold, o->start, o->end,
                 R_RECIPROCAL);
        }
        return true;
    }
    if (!f->obj.n && !o->passive && f->v->object)
        object_relative(c, o, f);
    if (!f->obj.n && atoi(f->v->cameo) == 12 && !o->passive)
        rejected_charge(c, o, f);
    return false;
}

/* A pledge whose complement is force or revenge ("promised to exact
 * revenge on Israel", "vowed to retaliate"). */
static bool promised_force(const ctx *c, const vocc *o)
{
    static const char *const force[] = {"revenge", "avenge", "retaliate", "retaliation",
                                        "punish", "punishment", "destroy", "crush",
                                        "annihilate", "eliminate", "retribution", "target",
                                        "respond", "fight", "strike", "attack", "defeat",
                                        "countermeasures"};
    static const char *const measures[] = {"measures", "action", "actions", "steps"};
    if (o->end >= c->s.last || !(G(c, o->end) & G_TO))
        return false;
    for (size_t i = o->end + 1; i < c->s.last && i < o->end + 5; i++) {
        if (clause_break(c, i) || punct(c, i, ','))
            return false;
        if (WORD_AMONG(c, i, force))
            return true;
        /* "vowed to take all necessary measures against Washington" */
        if (WORD_AMONG(c, i, measures) && i + 2 < c->s.last && is_word(c, i + 1, "against") &&
            chunk_of(c, i + 2) && chunk_of(c, i + 2)->role == ROLE_ACTOR)
            return true;
    }
    return false;
}

/* "mediated an immediate ceasefire between X and Y": the act noun inside
 * a mediation verb's words is X's and Y's with each other, as "a
 * ceasefire between X and Y" is (nominal-between). */
static void mediated_between(ctx *c, const vocc *o, const frame *f)
{
    if (strncmp(f->v->code, "045", 3) != 0 || f->obj.n < 2) /* mediate, broker */
        return;
    for (size_t i = o->start + 1; i < o->end; i++) {
        size_t len;
        int32_t nv = noun_at(c, i, o->end, &len);
        if (nv < 0 || !c->d->nouns[nv / 2].between)
            continue;
        const noun *n = &c->d->nouns[nv / 2];
        for (size_t j = 0; j < f->obj.n; j++) {
            aset one = aset_one(f->obj.a[j]);
            c->n_via = 0;
            emit(c, &one, &f->obj, n->lemma, n->cameo, n->code, n->goldstein, i, i + len,
                 R_NOMINAL_BETWEEN);
        }
        return;
    }
}

/* "The Afghan personnel opened fire on Pakistani forces, which
 * retaliated", "The TTP attacked a post. Pakistani troops retaliated": a
 * retaliation without an object answers the last act of force, in this
 * sentence or the one before, whose target was the retaliator. */
static aset retaliation_target(ctx *c, const verb *v, const aset *subj)
{
    aset none = {{0}, 0};
    if (strcmp(v->lemma, "retaliate") != 0 || !subj->n || !c->force_src.n ||
        c->sentence - c->force_sentence > 1 || !aset_overlap(&c->force_dst, subj))
        return none;
    via(c, R_VIA_RETALIATION);
    return c->force_src;
}

/* "called Spain's prime minister corrupt", "called Israel a terrorist
 * state": the object of "call" followed by a charge. */
static bool names_called(const ctx *c, const vocc *o)
{
    static const char *const charges[] = {
        "corrupt", "illegitimate", "terrorist", "terrorists", "criminal", "criminals",
        "liar", "liars", "dictator", "murderer", "murderers", "puppet", "puppets",
        "aggressor", "occupier", "occupiers", "fascist", "fascists", "racist", "genocidal",
        "irresponsible", "rogue", "thug", "thugs", "enemy", "enemies", "threat", "nazi",
        "nazis", "traitor", "traitors", "war criminal", "barbaric", "hypocritical"};
    const chunk *k = chunk_of(c, o->end);
    if (!k || k->first != o->end || (k->role != ROLE_ACTOR && k->role != ROLE_POSS))
        return false;
    /* the charge may close the object's own phrase: "Spain's prime minister
     * corrupt" */
    for (size_t i = k->first + 1; i < c->s.last && i < k->last + 4; i++) {
        if (i >= k->last &&
            (clause_break(c, i) || punct(c, i, ',') || (G(c, i) & (G_PREP | G_TO | G_CONJ))))
            return false;
        if (WORD_AMONG(c, i, charges))
            return true;
    }
    return false;
}

static void read_frame(ctx *c, vocc *o, const verb *v);

void read_verb(ctx *c, vocc *o)
{
    const verb *v = &c->d->verbs[o->verb];
    trace(c, DYAD_TRACE_VERB, o->start, o->end, -1, -1, v->lemma, v->cameo, v->code, NULL);
    c->n_via = 0;
    c->reading = o;
    read_frame(c, o, v);
    c->reading = NULL;
}

/* The verb's frame, read step by step (read_verb). */
static void read_frame(ctx *c, vocc *o, const verb *v)
{
    frame f = {v, {{0}, 0}, {{0}, 0}, v->lemma, v->cameo, v->code, v->goldstein,
               R_AGENT_OBJECT, SIZE_MAX};
    if (!frame_arguments(c, o, &f) || vetoed(c, o, &f))
        return;
    if (f.subj.n)
        c->last_subject = f.subj;
    accused_gerund(c, o, &f);
    if (!strcmp(v->lemma, "call") && !o->passive && f.obj.n && names_called(c, o)) {
        f.cameo = "11", f.code = "111", f.gold = -2.0, f.lemma = "criticise";
        f.rule = R_CALLED_NAMES;
    }
    if (!strcmp(v->lemma, "call") && !o->passive && claim_follows(c, o)) {
        /* "called Yerevan's accusations groundless": a dismissal (12) */
        f.cameo = "12", f.code = "120", f.gold = -4.0, f.lemma = "dismiss";
        f.rule = R_DISMISSED_CLAIM;
    }
    refusal_subject(c, o, &f);
    own_envoy_partner(c, o, &f);
    participle_addressee(c, o, &f);
    discussed_with(c, o, &f);
    if (received_weapons(c, o, &f))
        return;
    if (v->mode == MODE_PROMISE && !f.obj.n)
        f.obj = complement_target(c, o);
    if (v->mode == MODE_PROMISE && promised_force(c, o)) {
        /* "promised to exact revenge", "pledged to retaliate": a threat */
        f.cameo = "13", f.code = "138", f.gold = -7.0;
        f.rule = R_PROMISED_FORCE;
    }
    if (v->mode == MODE_WARN)
        warning_class(c, o, &f);
    if (!f.subj.n && !unknown_argument(c, subject_chunk(c, o->aux), &f.subj)) {
        drop(c, NULL, &f.obj, v, o->start, o->end, R_NO_AGENT);
        return;
    }
    if (modality(c, o, &f) || target_elsewhere(c, o, &f))
        return;
    if (!f.obj.n)
        f.obj = retaliation_target(c, v, &f.subj);
    if (!f.obj.n) {
        size_t at = o->end;
        while (at < c->s.last && (G(c, at) & G_ADV))
            at++;
        if (!unknown_argument(c, chunk_of(c, at), &f.obj)) {
            drop(c, &f.subj, NULL, v, o->start, o->end, R_NO_TARGET);
            return;
        }
    }
    emit(c, &f.subj, &f.obj, f.lemma, f.cameo, f.code, f.gold, o->start, o->end, f.rule);
    mediated_between(c, o, &f);
    /* fighting runs both ways ("exchanged fire with X"); with a named
     * partner, cooperation has one agent ("deepen relations with X") */
    if (v->reciprocal && atoi(f.cameo) >= 18)
        emit(c, &f.obj, &f.subj, f.lemma, f.cameo, f.code, f.gold, o->start, o->end,
             R_RECIPROCAL);
}
