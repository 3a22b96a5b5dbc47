/* Noun rules: triples from act nouns (nominalised acts), claimed acts and
 * threats told to someone. */
#include "internal.h"

/* "supports dialogue between X and Y", "called for talks with X": an act
 * proposed, backed or asked for is not asserted. */
static bool proposed(ctx *c, const chunk *k, const aset *agent, const aset *target)
{
    for (size_t j = 0; j < c->n_verbs; j++) {
        const vocc *g = &c->verbs[j];
        if (g->end != k->first || g->verb < 0 || (G(c, g->start) & (G_LIGHT | G_INTENT | G_SEEK | G_RECEIVE)))
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

void read_noun(ctx *c, const chunk *k)
{
    const noun *n = &c->d->nouns[k->noun / 2];
    aset agent = {{0}, 0}, target = {{0}, 0};
    rule_id rule = R_NOMINAL;
    trace(c, DYAD_TRACE_VERB, k->noun_at, k->last, -1, -1, n->lemma, n->cameo, n->code, NULL);
    c->n_via = 0;
    if (k->role == ROLE_ATTR)
        agent = k->actors;
    if (k->poss.n) {
        if (n->poss_target)
            target = k->poss;
        else
            agent = k->poss;
    }
    if (proposed(c, k, &agent, &target))
        return;
    for (size_t j = k->first; j < k->noun_at; j++) {
        const char *w = tok_key(&c->ts, j);
        if (strcmp(w, "possible") == 0 || strcmp(w, "potential") == 0 ||
            strcmp(w, "proposed") == 0 || strcmp(w, "prospective") == 0 ||
            strcmp(w, "likely") == 0 || strcmp(w, "hypothetical") == 0) {
            drop(c, &agent, &target, NULL, k->noun_at, k->last,
                 R_POSSIBLE);
            return; /* "a possible mining deal between China and the Taliban" */
        }
    }
    if (n->between && k->poss.n && k->first > c->s.first + 1 && (G(c, k->first - 1) & G_CONJ)) {
        /* "Pakistan and Afghanistan's talks": joint owners, both ways */
        const chunk *l = chunk_of(c, k->first - 2);
        if (l && l->last == k->first - 1 && l->role == ROLE_ACTOR) {
            aset both = k->poss;
            aset_merge(&both, &l->actors);
            for (size_t a = 0; a < both.n; a++) {
                aset one = aset_one(both.a[a]);
                emit(c, &one, &both, n->lemma, n->cameo, n->code, n->goldstein, k->noun_at,
                     k->last, R_NOMINAL_BETWEEN);
            }
            return;
        }
    }
    if (n->between) {
        for (size_t i = k->last; i + 1 < c->s.last && i < k->last + 3; i++)
            if (is_word(c, i, "between") || is_word(c, i, "among")) {
                aset both = object_at(c, i + 1, NULL);
                for (size_t a = 0; a < both.n; a++) {
                    aset one = aset_one(both.a[a]);
                    emit(c, &one, &both, n->lemma, n->cameo, n->code, n->goldstein, k->noun_at,
                         k->last, R_NOMINAL_BETWEEN);
                }
                return;
            }
    }
    /* prepositions after the noun, across an apposition */
    size_t i = k->last;
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
        uint32_t at = T(c, i)->atom;
        /* "to the government of Iran": "of" completes that phrase */
        bool modifier = hops > 0 && is_word(c, i, "of") && !punct(c, i - 1, ',');
        bool is_actor = !modifier && (p->role == ROLE_ACTOR || p->role == ROLE_ATTR);
        aset who = p->role == ROLE_POSS ? p->poss : p->actors;
        if (p->role == ROLE_POSS && !modifier)
            is_actor = true;
        bool patient_of = n->poss_target && is_word(c, i, "of");
        if (!strcmp(n->cameo, "02") && is_word(c, i, "for") && !target.n &&
            (p->role == ROLE_POSS || (p->role == ROLE_ACTOR && !p->person && p->first < p->last &&
                                      !(T(c, p->last - 1)->flags & TOK_CAP))))
            /* "request for China's assistance", "for more US equipment":
             * an appeal to the one who would give it */
            target = p->role == ROLE_POSS ? p->poss : p->actors;
        else if (patient_of && is_actor &&
                 (!target.n || (k->poss.n && target.a[0] == k->poss.a[0]))) {
            /* "the Taliban's arrest of ISKP suspects": the owner acts */
            if (k->poss.n && k->poss.a[0] == target.a[0])
                agent = k->poss;
            target = who;
        } else if (is_actor && !agent.n && prep_in(at, n->agent))
            agent = who;
        else if (is_actor && !target.n && prep_in(at, n->target))
            target = who;
        i = p->last;
        /* joint: "on X and Y" */
        if (i + 1 < c->s.last && G(c, i) & G_CONJ && chunk_of(c, i + 1) &&
            chunk_of(c, i + 1)->role == ROLE_ACTOR && is_actor) {
            const chunk *q = chunk_of(c, i + 1);
            aset_merge(prep_in(at, n->agent) && agent.n && !target.n ? &agent : &target, &q->actors);
            i = q->last;
        }
        /* "condolences to the families and to the government of X": a
         * second phrase of the same preposition */
        if (i + 2 < c->s.last && (G(c, i) & G_CONJ) &&
            (prep_in(T(c, i + 1)->atom, n->target) || prep_in(T(c, i + 1)->atom, n->agent)))
            i++;
    }
    /* a light verb's subject is the agent: "held talks with", "opted for
     * dialogue with"; seeking aid is an appeal to the giver */
    size_t b = k->first;
    if (b > c->s.first + 1 && (G(c, b - 1) & G_CONJ)) {
        const chunk *q = chunk_of(c, b - 2); /* "expressed sympathy and condolences" */
        if (q && q->last == b - 1 && q->role != ROLE_ACTOR && q->role != ROLE_PLACE)
            b = q->first;
    }
    if (b > c->s.first + 1 && is_word(c, b - 1, "of")) {
        const chunk *q = chunk_of(c, b - 2);
        if (q && q->last == b - 1 && quantity(c, q))
            b = q->first; /* "held several rounds of talks" */
    }
    if (b > c->s.first && G(c, b - 1) & G_PREP && b - 1 > c->s.first &&
        (is_word(c, b - 1, "for") || is_word(c, b - 1, "in") || is_word(c, b - 1, "with") ||
         is_word(c, b - 1, "up") || is_word(c, b - 1, "off") || is_word(c, b - 1, "out")))
        b--; /* "opted for dialogue", "stepped up engagement" */
    if (!target.n && b > c->s.first + 1) {
        const chunk *io = chunk_of(c, b - 1);
        if (io && io->last == b && io->role == ROLE_ACTOR && io->first > c->s.first &&
            (G(c, io->first - 1) & G_LIGHT) && !agent.n) {
            target = io->actors; /* "gave Pakistan an ultimatum" */
            b = io->first;
        }
    }
    if (!agent.n && target.n && k->first > c->s.first + 1 &&
        (is_word(c, k->first - 1, "in") || is_word(c, k->first - 1, "during"))) {
        /* "killed 30 militants in a raid on a TTP hideout": the subject
         * of the clause's verb carried out the act */
        for (size_t j = k->first - 1; j-- > c->s.first;) {
            if (clause_break(c, j) || punct(c, j, ','))
                break;
            vocc *g = find_vocc(c, j + 1);
            if (g && g->end == j + 1 && g->verb >= 0) {
                aset s = subject_of(c, g);
                if (s.n && !g->negated && !g->hyp) {
                    agent = s;
                    rule = R_ACT_IN_ADJUNCT;
                }
                break;
            }
        }
    }
    if (b > c->s.first && is_word(c, b - 1, "under") && !target.n) {
        /* "has been under UN sanctions": the subject is the target */
        for (size_t j = b - 1; j-- > c->s.first;) {
            if (G(c, j) & G_BE) {
                aset s = subject_at(c, j);
                if (s.n) {
                    target = s;
                    rule = R_UNDER_SANCTIONS;
                }
                break;
            }
            if (!(G(c, j) & (G_HAVE | G_ADV | G_BE)))
                break;
        }
    }
    if (b > c->s.first && (G(c, b - 1) & (G_LIGHT | G_INTENT | G_SEEK | G_RECEIVE)) &&
        !(G(c, b - 1) & G_DET)) {
        rule_id why = not_asserted(c, b - 1);
        if (why != R_NONE) {
            drop(c, &agent, &target, NULL, k->noun_at, k->last, why);
            return;
        }
        aset s = subject_at(c, b - 1);
        uint32_t g = G(c, b - 1);
        if ((g & G_SEEK) && !strcmp(n->cameo, "07") && agent.n) {
            emit(c, &s, &agent, "seek assistance", "02", "020", 3.0, b - 1, k->last,
                 R_SEEKING_AID);
            return;
        }
        if (g & G_RECEIVE) {
            /* "received funds from al-Qaeda": the receiver is the target */
            if (!target.n)
                target = s;
            if (agent.n && target.n)
                emit(c, &agent, &target, n->lemma, n->cameo, n->code, n->goldstein, k->noun_at,
                     k->last, R_RECEIVED_FROM);
            else
                drop(c, &agent, &target, NULL, k->noun_at, k->last, R_RECEIVED_NO_ACTOR);
            return;
        }
        if (!agent.n)
            agent = s;
        if ((g & (G_SEEK | G_INTENT)) && (!strcmp(n->cameo, "04") || !strcmp(n->cameo, "05") ||
                                          !strcmp(n->cameo, "06"))) {
            if (agent.n && target.n)
                emit(c, &agent, &target, n->lemma, "03", "030", 4.0, k->noun_at, k->last,
                     R_PROPOSED_COOPERATION);
            return;
        }
        rule = R_LIGHT_VERB;
    }
    if (!agent.n) {
        /* "operations against ISKP were stepped up by the Taliban" */
        size_t j = i;
        while (j < c->s.last && (G(c, j) & (G_HAVE | G_ADV | G_MODAL_FUT | G_MODAL_HYP)))
            j++;
        if (j < c->s.last && (G(c, j) & G_BE)) {
            while (j < c->s.last && (G(c, j) & (G_BE | G_ADV)))
                j++;
            if (j < c->s.last && (G(c, j) & G_LIGHT)) {
                aset by = passive_agent(c, j + 1);
                if (by.n) {
                    agent = by;
                    rule = R_LIGHT_VERB_PASSIVE;
                }
            }
        }
    }
    if (agent.n && !target.n && !strcmp(n->cameo, "16")) {
        aset other = other_side(c, &agent); /* "closure of the border with Pakistan" */
        if (other.n) {
            target = other;
            rule = R_BORDER_CLOSURE;
        }
    }
    if (agent.n && !target.n && !strcmp(n->cameo, "07") && k->first > c->s.first + 1 &&
        is_word(c, k->first - 1, "with")) {
        size_t j = k->first - 1;
        if (punct(c, j - 1, ','))
            j--;
        const chunk *h = subject_chunk(c, j);
        if (h && h->role == ROLE_ACTOR) {
            target = h->actors;
            rule = R_HELP_OF;
        }
    }
    if (agent.n && target.n) {
        size_t j = i;
        while (j < c->s.last && (G(c, j) & G_ADV))
            j++;
        if (j < c->s.last && (G(c, j) & G_MODAL_HYP) && (k->first == c->s.first || G(c, k->first) & G_DET)) {
            drop(c, &agent, &target, NULL, k->noun_at, k->last,
                 R_HYPOTHETICAL_NOMINAL);
            return;
        }
    }
    int nroot = atoi(n->cameo);
    uint32_t with = lex_atom(c->d, "with");
    if (agent.n > 1 && !target.n &&
        (n->between || (nroot >= 3 && nroot <= 6 && prep_in(with, n->target)))) {
        /* "Dar and Muttaqi held separate talks": both ways */
        for (size_t a = 0; a < agent.n; a++) {
            aset one = aset_one(agent.a[a]);
            emit(c, &one, &agent, n->lemma, n->cameo, n->code, n->goldstein, k->noun_at, k->last,
                 R_JOINT_MUTUAL);
        }
        return;
    }
    if (!agent.n || !target.n) {
        drop(c, &agent, &target, NULL, k->noun_at, k->last,
             !agent.n ? R_NOMINAL_NO_AGENT : R_NOMINAL_NO_TARGET);
        return;
    }
    emit(c, &agent, &target, n->lemma, n->cameo, n->code, n->goldstein, k->noun_at, k->last, rule);
}

/* "The TTP claimed responsibility for a bombing that killed a Taliban
 * minister", "ISKP claimed the attack on ...": the claimant did it. */
void claimed_acts(ctx *c)
{
    c->n_via = 0;
    for (size_t i = c->s.first; i + 1 < c->s.last; i++) {
        const char *k = tok_key(&c->ts, i);
        if (strncmp(k, "claim", 5) != 0 || strlen(k) > 8)
            continue;
        size_t j = i + 1;
        if (j + 1 < c->s.last && is_word(c, j, "responsibility") && is_word(c, j + 1, "for"))
            j += 2;
        const chunk *act = chunk_of(c, j);
        if (!act || act->first != j || act->noun < 0 || atoi(c->d->nouns[act->noun / 2].cameo) < 15)
            continue;
        aset who = subject_at(c, i);
        if (!who.n || not_asserted(c, i) != R_NONE)
            continue; /* "did not claim responsibility" */
        const noun *n = &c->d->nouns[act->noun / 2];
        /* the target: "on X" after the act, or the object of "that killed X" */
        aset target = {{0}, 0};
        size_t e = act->last;
        if (e + 1 < c->s.last && (is_word(c, e, "on") || is_word(c, e, "against")))
            target = object_at(c, e + 1, NULL);
        const char *lemma = n->lemma, *cameo = n->cameo, *code = n->code;
        double gold = n->goldstein;
        if (!target.n) {
            size_t r = e;
            if (r < c->s.last && punct(c, r, ','))
                r++;
            if (r + 1 < c->s.last && (is_word(c, r, "that") || is_word(c, r, "which"))) {
                size_t len;
                int32_t f = verb_at(c, r + 1, c->s.last, &len);
                if (f >= 0) {
                    const verb *v = &c->d->verbs[c->d->forms[f].verb];
                    target = object_at(c, r + 1 + len, NULL);
                    lemma = v->lemma, cameo = v->cameo, code = v->code, gold = v->goldstein;
                }
            }
        }
        if (target.n)
            emit(c, &who, &target, lemma, cameo, code, gold, act->noun_at, act->last,
                 R_CLAIMED_ACT);
    }
}

/* "Y has been told that ... X will target ...": X warned Y. */
void told_threat(ctx *c)
{
    c->n_via = 0;
    for (size_t i = c->s.first + 1; i < c->s.last; i++) {
        if (!is_word(c, i, "told") && !is_word(c, i, "warned") && !is_word(c, i, "informed"))
            continue;
        if (!(G(c, i - 1) & G_BE))
            continue;
        aset y = subject_at(c, i);
        if (!y.n)
            continue;
        for (size_t k = 0; k < c->n_seen; k++) {
            if (strcmp(c->seen[k].verb, "threaten") != 0)
                continue;
            aset x = aset_one(c->seen[k].src);
            emit(c, &x, &y, "warn", "13", "130", -6.0, i, i + 1,
                 R_TOLD_OF_THREAT);
            break;
        }
        break;
    }
}
