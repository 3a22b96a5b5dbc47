/* Chunks: the noun phrases of a sentence, and whether a verb form is read
 * as a verb or as a noun there. */
#include "internal.h"

/* Is the verb match at i read as a noun here ("the attacks", "US strikes",
 * "provide support to")? */
/* A verb form at i right after an actor mention that ends at i ("TTP
 * attacks", "the US sanctions Iran"): is it the act noun the name
 * qualifies?  The noun match there has nlen tokens. */
static bool noun_after_name(const ctx *c, size_t i, size_t nlen, int32_t a, size_t j)
{
    static const char *const numbers[] = {"one", "two", "three", "four", "five",
                                          "six", "seven", "eight", "nine", "ten",
                                          "dozens", "hundreds", "scores", "at", "more"};
    if (c->d->aliases[a].type == ALIAS_ADJ)
        return true;
    size_t before = j > c->s.first && (G(c, j - 1) & G_DET) ? j - 1 : j;
    if (before > c->s.first && (G(c, before - 1) & G_REL))
        return false; /* "which Pakistan blames", "that the Taliban release" */
    /* "UN sanctions since 2011", "TTP attacks have surged" vs "the US
     * sanctions Iran", "the Taliban release detained citizens" */
    size_t nx = i + nlen, vl2;
    if (nx < c->s.last && (T(c, nx)->flags & TOK_OPENQ))
        return false; /* Trump pledges “full support”: the quote is its object */
    if (nx >= c->s.last || (T(c, nx)->flags & TOK_PUNCT) ||
        (G(c, nx) & (G_PREP | G_CONJ | G_SUB | G_BE | G_HAVE | G_MODAL_FUT | G_MODAL_HYP)))
        return true;
    /* "ISKP attack kills three guards": the next word is the verb when
     * its own object follows */
    if (!(verb_at(c, nx, c->s.last, &vl2) >= 0 || verbish(c, nx)) || nx + 1 >= c->s.last)
        return false;
    size_t o = nx + 1;
    bool number = false;
    for (size_t q = 0; q < sizeof numbers / sizeof *numbers && !number; q++)
        number = is_word(c, o, numbers[q]);
    return number || (G(c, o) & (G_DET | G_PRON)) || (T(c, o)->flags & TOK_DIGIT) ||
           mention_end(c, o) > o;
}

/* Is there a finite verb (a past or -s form not after "to", or a form of
 * be, have or a modal) from token i to the end of its clause? */
static bool finite_verb_after(const ctx *c, size_t i)
{
    for (size_t k = i; k < c->s.last; k++) {
        if (punct(c, k, ',') || punct(c, k, ';') || (G(c, k) & (G_REL | G_SUB)) ||
            (T(c, k)->flags & (TOK_OPENQ | TOK_CLOSEQ)))
            return false;
        if (G(c, k) & (G_BE | G_HAVE | G_MODAL_FUT | G_MODAL_HYP))
            return true;
        size_t vl;
        int32_t v = verb_at(c, k, c->s.last, &vl);
        if (v >= 0 && (c->d->forms[v].form == F_S || c->d->forms[v].form == F_PAST) &&
            !(k > c->s.first && (G(c, k - 1) & G_TO)))
            return true;
    }
    return false;
}

/* Is the verb match at i read as a noun here ("the attacks", "US strikes",
 * "provide support to")? */
static bool noun_reading(const ctx *c, size_t i, size_t vlen)
{
    size_t nlen;
    int32_t nv = noun_at(c, i, c->s.last, &nlen);
    /* the last word of a longer act noun: "suicide bombing", "drone strike" */
    for (size_t j = i; j-- > c->s.first && i - j < 4;) {
        size_t ml;
        if (noun_at(c, j, c->s.last, &ml) >= 0 && j + ml == i + 1 && ml > 1)
            return true;
    }
    if (i == c->s.first)
        return nv >= 0 && nlen >= vlen; /* "Attacks by the TTP ..." */
    size_t p = i - 1;
    uint32_t gp = G(c, p);
    if (quantifier(c, p))
        return false; /* "have both attacked" */
    if (gp & G_DET && !(gp & G_PRON && !is_word(c, p, "his") && !is_word(c, p, "her") &&
                        !is_word(c, p, "their") && !is_word(c, p, "its") &&
                        !is_word(c, p, "our")))
        return true;
    if (T(c, p)->flags & TOK_POSS)
        return true;
    if (nv < 0)
        return false;
    const noun *n = &c->d->nouns[nv / 2];
    /* "separate talks with": the verb reading's last word is the noun's
     * own preposition */
    if (nlen < vlen && !prep_in(T(c, i + nlen)->atom, n->target) &&
        !prep_in(T(c, i + nlen)->atom, n->agent))
        return false;
    /* after another verb, a verb form is its object: "cease support" */
    const char *k = tok_key(&c->ts, i);
    size_t kl = strlen(k), alen;
    bool ing = kl > 4 && strcmp(k + kl - 3, "ing") == 0;
    if (!ing && verbish(c, p) && !(gp & (G_BE | G_HAVE | G_DO)))
        return true;
    for (size_t j = p + 1; j-- > c->s.first && j + 4 > p;) {
        int32_t a = actor_match(c, j, c->s.last, &alen);
        if (a >= 0 && j + alen == i) {
            /* "Pakistan calls on Kabul to act": the verb's particle is the
             * noun's preposition; a noun phrase ("TTP attacks on ... have
             * surged") would need a finite verb after it */
            if (vlen > nlen && !finite_verb_after(c, i + vlen))
                return false;
            return noun_after_name(c, i, nlen, a, j);
        }
    }
    /* "attacks on", "visits by", "support for": the noun's prepositions */
    size_t after = i + nlen;
    if (after < c->s.last && vlen == 1 &&
        (prep_in(T(c, after)->atom, n->target) || prep_in(T(c, after)->atom, n->agent)))
        return true;
    bool content = (T(c, p)->flags & TOK_WORD) && !gp && !(T(c, p)->flags & TOK_DIGIT) &&
                   (!(T(c, p)->flags & TOK_CAP) || p == c->s.first);
    /* "terrorist attacks": a verb only if an object follows */
    return content && !(after < c->s.last && (G(c, after) & G_DET ||
                                              actor_match(c, after, c->s.last, &alen) >= 0));
}

int32_t verb_here(ctx *c, size_t i, size_t *len)
{
    int32_t v = verb_at(c, i, c->s.last, len);
    if (v < 0)
        return -1;
    if (i > c->s.first && (c->d->forms[v].form == F_BASE || c->d->forms[v].form == F_S)) {
        size_t pl;
        int32_t pv = verb_at(c, i - 1, c->s.last, &pl);
        bool gerund = pv >= 0 && c->d->forms[pv].form == F_ING && i >= c->s.first + 2 &&
                      !(G(c, i - 2) & G_BE) && c->d->forms[v].form == F_S;
        /* "helped intercept": a bare infinitive, a verb */
        bool bare_inf = pv >= 0 && c->d->forms[v].form == F_BASE &&
                        !strcmp(c->d->verbs[c->d->forms[pv].verb].lemma, "help");
        if (pv >= 0 && pl == 1 && !bare_inf && !(G(c, i - 1) & (G_BE | G_HAVE | G_DO | G_TO)) &&
            (c->d->forms[pv].form == F_PAST || c->d->forms[pv].form == F_S || gerund) &&
            !(T(c, i - 1)->flags & TOK_CAP))
            return -1; /* "suspended trade with", "disregarding calls for": the object */
    }
    if (c->d->forms[v].form == F_ING && i > c->s.first && i + *len < c->s.last &&
        (punct(c, i - 1, ',') || (G(c, i - 1) & G_CONJ)) &&
        (punct(c, i + *len, ',') || (G(c, i + *len) & G_CONJ)))
        return -1; /* an item of a list: "shelter, training, and support" */
    if (noun_reading(c, i, *len))
        return -1;
    return v;
}

/* Where a chunk may start or go on. */
/* "talks between X and Y", "after talks with X": an act noun followed by
 * its own preposition, where no subject stands before it, is a noun even
 * when it could be a verb. */
static bool act_noun_opens(const ctx *c, size_t i)
{
    size_t nlen;
    int32_t nv = noun_at(c, i, c->s.last, &nlen);
    if (nv < 0 || i + nlen >= c->s.last)
        return false;
    const noun *n = &c->d->nouns[nv / 2];
    size_t e = i + nlen;
    if (n->between && (is_word(c, e, "between") || is_word(c, e, "among")))
        return true;
    bool opener = i == c->s.first || (G(c, i - 1) & (G_PREP | G_SUB | G_CONJ)) ||
                  (T(c, i - 1)->flags & TOK_PUNCT);
    return opener && (i == c->s.first || !(G(c, i - 1) & G_TO)) &&
           prep_in(T(c, e)->atom, n->target);
}

/* "refused calls by Ukraine", "rejected requests from Kabul": right after a
 * verb in the past or -s form, an act noun followed by one of its own
 * prepositions is the verb's object, not a second verb. */
static bool object_act_noun(const ctx *c, size_t i)
{
    size_t nlen, vl;
    int32_t nv = noun_at(c, i, c->s.last, &nlen);
    if (nv < 0 || i == c->s.first || i + nlen >= c->s.last)
        return false;
    int32_t pv = verb_at(c, i - 1, c->s.last, &vl);
    if (pv < 0 || vl != 1 || (G(c, i - 1) & (G_BE | G_HAVE | G_DO | G_TO)))
        return false;
    int form = c->d->forms[pv].form;
    bool ing = form == F_ING && !(i >= c->s.first + 2 && (G(c, i - 2) & G_BE));
    if (form != F_PAST && form != F_S && !ing)
        return false; /* "disregarding calls for ...": a gerund's object too */
    const noun *n = &c->d->nouns[nv / 2];
    uint32_t next = T(c, i + nlen)->atom;
    /* "calls for reconsideration from the UN": "for" says what an appeal or
     * a demand asks */
    int root = atoi(n->cameo);
    bool asks = (root == 2 || root == 10) && is_word(c, i + nlen, "for");
    return prep_in(next, n->agent) || prep_in(next, n->target) || asks;
}

/* "strikes on Kabul targets.": an -s word that ends its clause right after
 * a name that a preposition governs is a noun the name qualifies, not a
 * verb whose subject the name would be. */
static bool noun_after_place_name(ctx *c, size_t i)
{
    size_t len;
    if (i < c->s.first + 2 || !(T(c, i - 1)->flags & TOK_CAP))
        return false;
    bool ends = i + 1 >= c->s.last || punct(c, i + 1, '.') || punct(c, i + 1, ',') ||
                clause_break(c, i + 1);
    if (!ends)
        return false;
    int32_t f = verb_here(c, i, &len);
    if (f < 0 || c->d->forms[f].form != F_S || len != 1)
        return false;
    size_t b = i - 1;
    while (b > c->s.first && (T(c, b - 1)->flags & TOK_CAP) && (T(c, b - 1)->flags & TOK_WORD))
        b--;
    return ends && b > c->s.first && (G(c, b - 1) & G_PREP) && !(G(c, b - 1) & G_TO) &&
           actor_match(c, b, i, &len) >= 0;
}

/* An -s form where only a plural noun can stand: after a preposition ("a
 * shipment of bombs", "with strikes") or an amount ("500 million pounds");
 * a base form after "all" ("suspended all trade with Israel"). */
static bool plural_noun_slot(const ctx *c, size_t i, int form)
{
    static const char *const amounts[] = {"million", "billion", "thousand", "hundred",
                                          "trillion", "dozen"};
    if (form == F_BASE && i > c->s.first && is_word(c, i - 1, "all"))
        return true;
    if (form != F_S || i == c->s.first)
        return false;
    return ((G(c, i - 1) & G_PREP) && !(G(c, i - 1) & (G_TO | G_SUB | G_REL))) ||
           (T(c, i - 1)->flags & TOK_DIGIT) || WORD_AMONG(c, i - 1, amounts);
}

bool nominal(ctx *c, size_t i, bool in_chunk)
{
    const tok *t = T(c, i);
    if (t->flags & TOK_POSS)
        return in_chunk;
    if (!(t->flags & TOK_WORD))
        return in_chunk && t->punct == '-' && !(t->flags & TOK_SPACE);
    if (G(c, i) & G_DET && !(G(c, i) & (G_PREP | G_SUB)))
        return !in_chunk || !(T(c, i - 1)->flags & TOK_WORD) || (G(c, i - 1) & G_DET) ? true : !(G(c, i) & G_PRON);
    if (closed_class(c, i) || G(c, i) & G_ADV || ly_adverb(c, i))
        return false;
    if (is_word(c, i, "only") && (i == c->s.first || !(G(c, i - 1) & G_DET)))
        return false; /* "the Taliban only attacked": an adverb; "the only country" */
    if (is_word(c, i, "worth"))
        return false; /* "aid for Ukraine worth $1 billion" */
    if (readiness_word(c, i) && i + 1 < c->s.last && (G(c, i + 1) & G_TO))
        return false; /* "is ready to assist" */
    if (G(c, i) & G_PRON)
        return !in_chunk;
    size_t vl;
    if (!in_chunk && past_like(c, i) && i > c->s.first && i + 1 < c->s.last && !chunk_of(c, i - 1) &&
        !(T(c, i - 1)->flags & TOK_CAP) && !(G(c, i - 1) & (G_BE | G_HAVE | G_DO)) &&
        (verb_at(c, i - 1, c->s.last, &vl) >= 0 || verbish(c, i - 1)) &&
        (T(c, i + 1)->flags & TOK_WORD) && !(G(c, i + 1) & (G_PREP | G_DET | G_CONJ | G_SUB | G_TO)))
        return true; /* "struck suspected TTP hideouts" */
    if (past_like(c, i) && i > c->s.first && (G(c, i - 1) & G_PREP) && !(G(c, i - 1) & G_TO) &&
        i + 1 < c->s.last && (T(c, i + 1)->flags & TOK_WORD) && !(G(c, i + 1) & (G_PREP | G_DET)))
        return true; /* "of captured Taliban fighters" */
    if (past_like(c, i) && i > c->s.first &&
        (!(G(c, i - 1) & (G_DET | G_PREP | G_BE | G_HAVE)) || quantifier(c, i - 1) ||
         is_word(c, i - 1, "that")) &&
        !(T(c, i - 1)->flags & TOK_POSS))
        return false;
    size_t len;
    if (!in_chunk && act_noun_opens(c, i))
        return true;
    if (in_chunk && i >= c->s.first + 2 && adj_at(c, i - 1) && (G(c, i - 2) & G_DET) &&
        !(T(c, i)->flags & TOK_CAP))
        return true; /* "any Indian attempt", "an Iranian strike": a noun */
    if (is_word(c, i, "acting") && i + 1 < c->s.last && (T(c, i + 1)->flags & TOK_CAP))
        return true; /* "Acting Foreign Minister": a title, not a verb */
    bool after_det = i > c->s.first && ((G(c, i - 1) & G_DET && !quantifier(c, i - 1)) ||
                                        T(c, i - 1)->flags & TOK_POSS);
    if (in_chunk && noun_after_place_name(c, i))
        return true;
    int32_t vf = verb_here(c, i, &len);
    if (vf >= 0 && plural_noun_slot(c, i, c->d->forms[vf].form))
        return true;
    if (vf >= 0 && !after_det)
        return false;
    if (verbish(c, i) && !after_det) {
        /* "the counterterrorism plan was endorsed": a noun when a verb
         * follows it */
        bool after_content = in_chunk && (T(c, i - 1)->flags & TOK_WORD) &&
                             !(T(c, i - 1)->flags & (TOK_CAP | TOK_POSS)) && !G(c, i - 1) &&
                             !name_ends_at(c, i); /* "al-Qaeda maintains" */
        size_t nlen;
        bool heads = in_chunk && i + 1 < c->s.last && (T(c, i - 1)->flags & TOK_WORD) &&
                     (!(T(c, i - 1)->flags & TOK_CAP) || !name_ends_at(c, i)) &&
                     (G(c, i + 1) & (G_BE | G_HAVE | G_MODAL_FUT | G_MODAL_HYP) ||
                      punct(c, i + 1, ',') || punct(c, i + 1, '.'));
        /* "separate talks", "new plans": after an adjective, a noun */
        heads |= after_content && (noun_at(c, i, c->s.last, &nlen) >= 0 || !(G(c, i) & G_LIGHT)) &&
                 !(G(c, i) & G_PAST);
        heads |= !in_chunk && object_act_noun(c, i);
        if (!heads)
            return false;
    }
    return true;
}

static void add_chunk(ctx *c, size_t first, size_t last)
{
    GROW(c->chunks, c->cap_chunks, c->n_chunks + 1);
    chunk *k = &c->chunks[c->n_chunks];
    memset(k, 0, sizeof *k);
    k->first = (uint32_t)first;
    k->last = (uint32_t)last;
    k->noun = -1;
    k->prep = ATOM_NONE;
    if (first > c->s.first && (G(c, first - 1) & (G_PREP | G_BY | G_TO))) {
        k->prep = T(c, first - 1)->atom;
        k->prep_tok = (uint32_t)first - 1;
    }
    for (size_t i = first; i < last; i++)
        c->chunk_at[i - c->s.first] = (int32_t)c->n_chunks;
    c->n_chunks++;
    resolve_chunk(c, k);
    /* "Attacks by the TTP ... since the group ended": a name is the group
     * or state named last from here on, within its own sentence too */
    if (k->role == ROLE_ACTOR && !k->pronoun && !k->person)
        for (size_t a = 0; a < k->actors.n; a++) {
            int kind = c->d->actors[k->actors.a[a]].kind;
            if (kind == KIND_GROUP)
                c->last_group = k->actors.a[a];
        }
}

/* A capitalised word right after a name in mid-sentence, that is no
 * name or class word itself: the two are one proper name ("India Today",
 * "Washington Post"). */
static bool outlet_word(const ctx *c, size_t i)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday"};
    if (i == c->s.first || !(T(c, i)->flags & TOK_CAP) || (T(c, i)->flags & TOK_ALLCAPS) ||
        !(T(c, i - 1)->flags & TOK_WORD) || (G(c, i) & G_DET))
        return false;
    size_t len;
    if (mention_end(c, i) > i || class_at(c, i, i + 1, &len) || noun_at(c, i, i + 1, &len) >= 0 ||
        verb_at(c, i, c->s.last, &len) >= 0 || verbish(c, i) || title_case(c))
        return false;
    if (WORD_AMONG(c, i, days))
        return false;
    for (size_t j = i; j-- > c->s.first && i - j < 5;)
        if (actor_match(c, j, c->s.last, &len) >= 0)
            return j + len == i && c->d->aliases[actor_match(c, j, c->s.last, &len)].type == ALIAS_NAME &&
                   j > c->s.first;
    return false;
}

/* A name right after a verb, followed by a plain lower-case word that is
 * no class or act noun: an indirect object ("offered Kabul humanitarian
 * aid"), not the modifier of what follows. */
static bool indirect_object(const ctx *c, size_t first, size_t end)
{
    size_t len;
    if (first == c->s.first || end >= c->s.last)
        return false;
    if (!(verb_at(c, first - 1, c->s.last, &len) >= 0 || verbish(c, first - 1)) ||
        (G(c, first - 1) & (G_BE | G_HAVE | G_DO)))
        return false;
    const tok *n = T(c, end);
    if (!(n->flags & TOK_WORD) || (n->flags & (TOK_CAP | TOK_DIGIT)) || G(c, end))
        return false;
    return !class_at(c, end, c->s.last, &len) && noun_at(c, end, c->s.last, &len) < 0 &&
           mention_end(c, end) == end;
}

/* A plain lower-case word right after a name, followed by a determiner,
 * a possessive pronoun or another name: a verb the dictionary does not
 * know, not part of the name's phrase ("Trump oversaw a deal", "that
 * Ukraine drop its ambitions"). */
static bool verb_after_name(const ctx *c, size_t first, size_t i)
{
    size_t len;
    int32_t a = -1;
    for (size_t j = i; j-- > first && a < 0;) { /* the name that ends at i */
        int32_t m = actor_match(c, j, i, &len);
        if (m >= 0 && j + len == i)
            a = m;
    }
    if (a < 0 || c->d->aliases[a].type == ALIAS_ADJ || i + 1 >= c->s.last)
        return false;
    const tok *t = T(c, i);
    if (!(t->flags & TOK_WORD) || (t->flags & (TOK_CAP | TOK_DIGIT)) || G(c, i) ||
        class_at(c, i, i + 1, &len) || noun_at(c, i, c->s.last, &len) >= 0 || ly_adverb(c, i))
        return false;
    return (G(c, i + 1) & G_DET) || mention_end(c, i + 1) > i + 1 ||
           ((G(c, i + 1) & G_PREP) && !is_word(c, i + 1, "of")); /* "the UN refrain from" */
}

/* The particle of a phrasal verb that starts right before it ("shot down
 * Israeli drones", "handed over militants"): part of the verb, never the
 * start of its object's phrase. */
static bool verb_particle(const ctx *c, size_t i)
{
    static const char *const particles[] = {"down", "up", "out", "off", "over", "back", "away"};
    size_t len;
    return i > c->s.first && WORD_AMONG(c, i, particles) &&
           verb_at(c, i - 1, c->s.last, &len) >= 0 && len >= 2;
}

void build_chunks(ctx *c)
{
    size_t i = c->s.first;
    while (i < c->s.last) {
        size_t m = mention_end(c, i);
        if (m == i && (verb_particle(c, i) || !nominal(c, i, false))) {
            i++;
            continue;
        }
        size_t first = i;
        i = m > i ? m : i + 1;
        if ((G(c, first) & G_PRON) && !(G(c, first) & G_DET) && m == first) {
            add_chunk(c, first, i); /* "help them rebuild": "them" alone */
            continue;
        }
        for (;;) {
            if (i >= c->s.last)
                break;
            if (m > first && i == m && indirect_object(c, first, m))
                break; /* "promised Pakistan additional investment" */
            if (m > first && i == m && verb_after_name(c, first, i))
                break; /* "Trump oversaw a deal", "that Ukraine drop its ambitions" */
            if (outlet_word(c, i))
                i++; /* "India Today", "Kabul Now": a capitalised word glued to a name */
            if (i >= c->s.last)
                break;
            size_t m2 = mention_end(c, i);
            if (m2 > i) {
                /* a name right after a lower-case word is a new phrase
                 * only if a verb could stand between; keep it */
                i = m2;
                if (i < c->s.last && verb_after_name(c, first, i))
                    break; /* "that the UN refrain from" */
                continue;
            }
            /* "Chinese and Russian envoys" */
            if ((G(c, i) & G_CONJ || punct(c, i, ',')) && i + 1 < c->s.last &&
                adj_ends_at(c, i) && (adj_at(c, i + 1) || mention_end(c, i + 1) > i + 1)) {
                i++;
                continue;
            }
            size_t nl;
            if (noun_at(c, i, c->s.last, &nl) >= 0 && nl > 1 && nominal(c, i, true)) {
                i += nl; /* "an exchange of fire", "the exchange of intelligence" */
                continue;
            }
            if (!nominal(c, i, true))
                break;
            if ((G(c, i) & G_DET) && !(G(c, i - 1) & G_DET) && !quantifier(c, i - 1) &&
                !(T(c, i)->flags & TOK_POSS))
                break; /* "gave Pakistan an ultimatum" */
            if (time_word(c, i))
                break; /* "Kabul next week", "Iran two days later" */
            i++;
        }
        add_chunk(c, first, i);
    }
}

const chunk *chunk_of(const ctx *c, size_t i)
{
    if (i < c->s.first || i >= c->s.last)
        return NULL;
    int32_t k = c->chunk_at[i - c->s.first];
    return k < 0 ? NULL : &c->chunks[k];
}

/* "Taliban-led", "Taliban-run", "US-controlled": the actor that governs
 * what follows; "Afghanistan-based" names a place and is left alone. */
int16_t hyphen_ruler(const ctx *c, size_t i)
{
    static const char *const suffixes[] = {"led", "run", "ruled", "controlled", "governed",
                                           "administered", "dominated"};
    const char *k = tok_key(&c->ts, i);
    const char *dash = strrchr(k, '-');
    if (!dash || dash == k)
        return -1;
    bool ok = false;
    for (size_t s = 0; s < sizeof suffixes / sizeof *suffixes && !ok; s++)
        ok = strcmp(dash + 1, suffixes[s]) == 0;
    if (!ok)
        return -1;
    uint32_t a = atoms_find(c->d->words, k, (size_t)(dash - k));
    uint32_t node = a == ATOM_NONE ? UINT32_MAX : trie_next(&c->d->actor_trie, 0, a);
    if (node == UINT32_MAX || c->d->actor_trie.value[node] < 0)
        return -1;
    const alias *al = &c->d->aliases[c->d->actor_trie.value[node]];
    return al->type == ALIAS_PERSON ? -1 : (int16_t)al->actor;
}

/* The actor a one-word name of n bytes at k stands for, or -1. */
static int16_t word_actor(const ctx *c, const char *k, size_t n)
{
    uint32_t a = atoms_find(c->d->words, k, n);
    uint32_t node = a == ATOM_NONE ? UINT32_MAX : trie_next(&c->d->actor_trie, 0, a);
    if (node == UINT32_MAX || c->d->actor_trie.value[node] < 0)
        return -1;
    const alias *al = &c->d->aliases[c->d->actor_trie.value[node]];
    return al->type == ALIAS_PERSON ? -1 : (int16_t)al->actor;
}

/* "the Israel-Hamas war", "Pak-Afghan forces": a hyphenated word whose two
 * parts name two actors.  False if it is not one. */
bool hyphen_pair(const ctx *c, size_t i, int16_t *a, int16_t *b)
{
    const char *k = tok_key(&c->ts, i);
    const char *dash = strchr(k, '-');
    if (!dash || dash == k || strchr(dash + 1, '-') || !dash[1])
        return false;
    *a = word_actor(c, k, (size_t)(dash - k));
    *b = word_actor(c, dash + 1, strlen(dash + 1));
    return *a >= 0 && *b >= 0 && *a != *b;
}
