/* Sentence rules: acts that no single verb or act noun carries alone: a
 * claimed attack and its target, a threat told to someone, what a speaker
 * says an actor should or must do, wishing for relations with someone. */
#include "internal.h"

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

/* "seeks", "wants", "hopes": wishing for a tie with someone. */
static bool wishing(const ctx *c, size_t i)
{
    static const char *const stems[] = {"seek", "sought", "want", "hope", "wish", "desire",
                                        "aspire"};
    const char *k = tok_key(&c->ts, i);
    if ((T(c, i)->flags & TOK_CAP && i > c->s.first) || !strchr("swhda", k[0]))
        return false;
    for (size_t s = 0; s < sizeof stems / sizeof *stems; s++)
        if (strncmp(k, stems[s], strlen(stems[s])) == 0 && strlen(k) <= strlen(stems[s]) + 3)
            return true;
    return false;
}

/* "Kabul seeks to have good relations with Islamabad", "we want good
 * relations with Afghanistan", "hopes for a new chapter in relations with
 * the United States": wishing for relations with X is intent (03). */
void wished_relations(ctx *c)
{
    c->n_via = 0;
    for (size_t i = c->s.first; i + 3 < c->s.last; i++) {
        if (!wishing(c, i) || not_asserted(c, i) != R_NONE)
            continue;
        for (size_t j = i + 1; j + 2 < c->s.last && j < i + 9; j++) {
            if (clause_break(c, j) || punct(c, j, ','))
                break;
            if (!is_word(c, j, "relations") && !is_word(c, j, "ties") &&
                !is_word(c, j, "relationship"))
                continue;
            const chunk *with = NULL;
            aset target = is_word(c, j + 1, "with") ? object_at(c, j + 2, &with) : (aset){{0}, 0};
            /* "good relations with all its neighbours, including Afghanistan" */
            if (!target.n && with && with->first == j + 2 && !with->actors.n)
                target = listed_after(c, with->last);
            /* "expressed its hopes for ...": the noun's light verb speaks */
            const chunk *h = chunk_of(c, i);
            size_t at = h && h->first > c->s.first && (G(c, h->first - 1) & G_LIGHT) ? h->first - 1 : i;
            aset who = subject_at(c, at);
            if (target.n && who.n)
                emit(c, &who, &target, "seek relations", "03", "030", 4.0, i, j + 1,
                     R_WISHED_RELATIONS);
            break;
        }
    }
}

/* "Pakistan should take solid measures", said by China: an appeal (02);
 * "they must engage" or "adamant that X should": a demand (10).  The
 * speaker of a sentence or quote prescribing what an actor does addresses
 * that actor. */
void prescribed_acts(ctx *c)
{
    c->n_via = 0;
    for (size_t i = c->s.first + 1; i < c->s.last; i++) {
        bool should = is_word(c, i, "should") || is_word(c, i, "ought");
        bool must = is_word(c, i, "must");
        if (!should && !must)
            continue;
        const chunk *k = subject_chunk(c, i);
        if (!k || k->role != ROLE_ACTOR || k->prep != ATOM_NONE)
            continue;
        aset addressee = joint(c, k);
        if (k->first > c->s.first && ((G(c, k->first - 1) & G_COND) || wh_word(c, k->first - 1)))
            continue; /* "if Pakistan should ...", "how it should act" */
        aset speaker = speaker_at(c, i);
        if (!addressee.n || !speaker.n)
            continue;
        bool insist = k->first > c->s.first + 1 && is_word(c, k->first - 1, "that") &&
                      insisting(c, k->first - 2);
        if (must || insist)
            emit(c, &speaker, &addressee, "demand", "10", "100", -5.0, i, i + 1, R_SPEAKER_MUST);
        else
            emit(c, &speaker, &addressee, "urge", "02", "020", 3.0, i, i + 1, R_SPEAKER_SHOULD);
    }
}

/* After "will" (or "'ll"): "pay (a heavy) price", "pay dearly", "regret",
 * "face (serious) consequences".  Returns the token after the phrase, or 0. */
static size_t price_phrase(const ctx *c, size_t i)
{
    static const char *const sizes[] = {"heavy", "high", "steep", "huge", "terrible",
                                        "severe", "serious", "dire", "grave", "painful"};
    if (i + 1 >= c->s.last)
        return 0;
    if (is_word(c, i, "regret"))
        return i + 1;
    if (is_word(c, i, "pay")) {
        if (is_word(c, i + 1, "dearly"))
            return i + 2;
        if (is_word(c, i + 1, "the") && i + 2 < c->s.last && is_word(c, i + 2, "price"))
            return i + 3;
        size_t j = i + 1;
        if (is_word(c, j, "a"))
            j++;
        while (j < c->s.last && WORD_AMONG(c, j, sizes))
            j++;
        return j < c->s.last && is_word(c, j, "price") ? j + 1 : 0;
    }
    if (is_word(c, i, "face")) {
        size_t j = i + 1;
        while (j < c->s.last && WORD_AMONG(c, j, sizes))
            j++;
        return j < c->s.last && is_word(c, j, "consequences") ? j + 1 : 0;
    }
    return 0;
}

/* "Israel will pay a heavy price," Hezbollah's leader said: promising an
 * actor a price to pay, regret or consequences is a threat (13) from the
 * speaker. */
void promised_price(ctx *c)
{
    c->n_via = 0;
    for (size_t i = c->s.first + 1; i + 1 < c->s.last; i++) {
        /* "will", or a reported "would" ("said the US would pay dearly") */
        if (!(G(c, i) & G_MODAL_FUT) &&
            !(is_word(c, i, "would") && reported_future(c, i, i + 1)))
            continue;
        size_t at = i + 1;
        while (at < c->s.last && (G(c, at) & G_ADV))
            at++;
        size_t end = at < c->s.last ? price_phrase(c, at) : 0;
        if (!end)
            continue;
        const chunk *k = subject_chunk(c, i);
        if (!k || k->role != ROLE_ACTOR || k->prep != ATOM_NONE)
            continue;
        if (k->first > c->s.first && ((G(c, k->first - 1) & G_COND) || wh_word(c, k->first - 1)))
            continue; /* "if Israel will pay ..." */
        aset target = joint(c, k), speaker = speaker_at(c, i);
        if (target.n && speaker.n)
            emit(c, &speaker, &target, "threaten", "13", "130", -6.0, i, end, R_PROMISED_PRICE);
    }
}

/* After token i: "responsible for" or "behind", then an act ("the
 * attack", "the killing of ..."); the token after the act noun, or 0. */
static size_t responsible_for_act(const ctx *c, size_t i)
{
    while (i < c->s.last && ((G(c, i) & G_ADV) || ly_adverb(c, i)))
        i++; /* "directly responsible" */
    if (i + 1 < c->s.last && (is_word(c, i, "responsible") || is_word(c, i, "accountable")) &&
        is_word(c, i + 1, "for"))
        i += 2;
    else if (i + 1 < c->s.last && is_word(c, i, "behind"))
        i += 1;
    else
        return 0;
    static const char *const harms[] = {"deaths", "death", "killings", "violence", "bloodshed",
                                        "massacre", "destruction", "casualties", "escalation",
                                        "unrest", "instability", "crisis", "explosion",
                                        "blast", "bombing", "bombings"};
    const chunk *act = chunk_of(c, i);
    if (!act || act->first != i || act->actors.n)
        return 0;
    return act->noun >= 0 || WORD_AMONG(c, act->last - 1, harms) ? act->last : 0;
}

/* "Tehran said Washington was behind the assassination", "Israel holds
 * Hamas responsible for the deaths": the one named responsible for an act
 * is accused (11) by the speaker, or by the one who holds them so. */
void held_responsible(ctx *c)
{
    static const char *const holds[] = {"hold", "holds", "held", "holding"};
    c->n_via = 0;
    for (size_t i = c->s.first + 1; i + 1 < c->s.last; i++) {
        aset accuser = {{0}, 0}, accused = {{0}, 0};
        size_t end = 0;
        const char *w = tok_key(&c->ts, i);
        if (!(G(c, i) & G_BE) && w[0] != 'h')
            continue; /* cheap first: be, or hold */
        if ((G(c, i) & G_BE) && (end = responsible_for_act(c, i + 1)) != 0) {
            const chunk *k = subject_chunk(c, i);
            if (!k || k->role != ROLE_ACTOR || k->prep != ATOM_NONE || not_asserted(c, i) != R_NONE)
                continue;
            accused = joint(c, k);
            accuser = speaker_at(c, i);
        } else if (WORD_AMONG(c, i, holds)) {
            const chunk *k = chunk_of(c, i + 1);
            if (!k || k->first != i + 1 || k->role != ROLE_ACTOR ||
                !(end = responsible_for_act(c, k->last)) || not_asserted(c, i) != R_NONE)
                continue;
            accused = k->actors;
            accuser = subject_at(c, i);
        }
        if (accuser.n && accused.n && !aset_overlap(&accuser, &accused))
            emit(c, &accuser, &accused, "accuse", "11", "112", -2.0, i, end, R_HELD_RESPONSIBLE);
    }
}
