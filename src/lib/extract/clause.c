/* Clauses: the subject of a verb at a distance (coordinated, relative,
 * participial, infinitival, across a parenthesis or a list), objects and
 * their lists, auxiliary chains. */
#include "internal.h"

/* "The Interior Ministry (MoI) has suspended": the token where the phrase
 * before a parenthesis that ends right before i ends; i if none does. */
static size_t skip_parenthesis(const ctx *c, size_t i)
{
    if (i <= c->s.first + 1 || !punct(c, i - 1, ')'))
        return i;
    for (size_t j = i - 1; j-- > c->s.first && i - j < 16;) {
        if (punct(c, j, '('))
            return j > c->s.first ? j : i;
        if (punct(c, j, ')') || punct(c, j, '.'))
            break;
    }
    return i;
}

/* The actors of the chunk ending right before i, or the head phrase of a
 * prepositional chain ("officials in Islamabad"). */
const chunk *subject_chunk(const ctx *c, size_t i)
{
    size_t j = skip_parenthesis(c, i);
    for (int hops = 0; hops < 4 && j > c->s.first; hops++) {
        const chunk *k = chunk_of(c, j - 1);
        if (!k || k->last != j)
            return NULL;
        if (k->person && k->actors.n)
            return k; /* "Special Representative on Afghanistan Zamir Kabulov" */
        if (k->prep != ATOM_NONE && j == i && (lex_gram(c->d, k->prep) & G_SUB))
            return k; /* "since Pakistan accused ...": a clause's subject */
        if (k->prep == ATOM_NONE && !(k->first > c->s.first && punct(c, k->first - 1, ',') &&
                                      chunk_of(c, k->first - 2) &&
                                      chunk_of(c, k->first - 2)->person && !k->actors.n))
            return k;
        if (k->prep == ATOM_NONE) {
            /* apposition after a name: "Baloch, spokesperson ...," */
            j = k->first - 1;
            continue;
        }
        j = k->prep_tok;
    }
    return NULL;
}

/* "After the killing of Nasrallah, Iran condemned Israel": the comma that
 * ends a sentence-opening adverbial (a preposition or subordinator among
 * its first three words, no finite verb before the comma), or SIZE_MAX.
 * No list runs across it. */
size_t opening_phrase_end(const ctx *c)
{
    bool opens = false;
    for (size_t i = c->s.first; i < c->s.last && i < c->s.first + 3 && !opens; i++)
        opens = (G(c, i) & (G_PREP | G_SUB)) && !(G(c, i) & G_DET) && !is_word(c, i, "that");
    if (!opens)
        return SIZE_MAX;
    for (size_t i = c->s.first; i < c->s.last; i++) {
        if (punct(c, i, ','))
            return i;
        size_t vl;
        int32_t v = verb_at(c, i, c->s.last, &vl);
        if ((G(c, i) & (G_BE | G_HAVE | G_MODAL_FUT | G_MODAL_HYP)) ||
            (v >= 0 && (c->d->forms[v].form == F_S || c->d->forms[v].form == F_PAST) &&
             !(T(c, i)->flags & TOK_CAP)))
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

size_t occasion_taken(const ctx *c, const chunk *k, size_t i)
{
    static const char *const occasions[] = {"opportunity", "occasion", "chance", "platform",
                                            "meeting", "visit", "forum", "summit"};
    static const char *const takes[] = {"took", "take", "takes", "taking", "used", "use",
                                        "uses", "using", "seized", "seize", "seizes",
                                        "grabbed", "availed"};
    if (!k || k->last != i || k->actors.n || k->first <= c->s.first ||
        !WORD_AMONG(c, k->last - 1, occasions) || !WORD_AMONG(c, k->first - 1, takes))
        return SIZE_MAX;
    return k->first - 1;
}

aset opening_subject(const ctx *c, size_t at)
{
    aset none = {{0}, 0};
    size_t e = opening_phrase_end(c);
    if (e == SIZE_MAX || at >= e || e + 1 >= c->s.last)
        return none;
    const chunk *m = chunk_of(c, e + 1);
    if (!m || m->first != e + 1 || m->role != ROLE_ACTOR)
        return none;
    return m->actors;
}

/* The last member of the list of actors that starts with m, before token
 * stop ("X, Y and Z"): joint reads a list leftwards from it. */
const chunk *last_conjunct(const ctx *c, const chunk *m, size_t stop)
{
    const chunk *end = m;
    for (size_t e = m->last; e + 1 < stop;) {
        if (!and_or(c, e) && !punct(c, e, ','))
            break;
        e += punct(c, e, ',') && and_or(c, e + 1) ? 2 : 1; /* ", and" */
        const chunk *n = chunk_of(c, e);
        if (!n || n->first != e || n->role != ROLE_ACTOR)
            break;
        end = n;
        e = n->last;
    }
    return end;
}

aset joint(const ctx *c, const chunk *k)
{
    size_t opening = opening_phrase_end(c);
    aset s = {{0}, 0};
    if (k->role == ROLE_ACTOR || (k->role == ROLE_ATTR && k->noun >= 0))
        s = k->actors; /* "A US drone strike killed ..." */
    /* "X and Y": conjuncts to the left, across titles and prepositions */
    size_t j = k->first;
    for (int hops = 0; hops < 6 && j > c->s.first + 1; hops++) {
        size_t p = j - 1;
        if (!s.n && punct(c, p, ','))
            break; /* "the Taliban, a former diplomat argued": no list */
        if (p == opening)
            break;
        if (and_or(c, p) || punct(c, p, ',')) {
            if (and_or(c, p) && p > c->s.first + 1 && punct(c, p - 1, ','))
                p--; /* "X, Y, and Z": the serial comma */
            const chunk *l = chunk_of(c, p - 1);
            if (!l)
                break;
            if (l->role == ROLE_ACTOR && (l->prep == ATOM_NONE || l->person || list_word(c, l->prep_tok)))
                aset_merge(&s, &l->actors);
            else if (l->role == ROLE_ACTOR && k->role == ROLE_ATTR) {
                /* "after US, S Korea, Japan joint drills": the preposition
                 * governs the whole list of names qualifying the act */
                aset_merge(&s, &l->actors);
                break;
            }
            else if (l->role == ROLE_ACTOR && is_word(c, l->prep_tok, "of") && chunk_of(c, l->prep_tok - 1) &&
                     chunk_of(c, l->prep_tok - 1)->role == ROLE_ACTOR)
                aset_merge(&s, &l->actors); /* "the ministers of China and Pakistan met" */
            else if (!(l->prep != ATOM_NONE))
                break;
            j = l->prep != ATOM_NONE ? l->prep_tok : l->first;
            continue;
        }
        const chunk *l = chunk_of(c, p);
        if (l && k->prep != ATOM_NONE && l->last == k->prep_tok) {
            /* the title before "on Afghan Affairs Yue Xiaoyong" */
            j = l->first;
            continue;
        }
        if (G(c, p) & G_PREP) {
            const chunk *l2 = chunk_of(c, p - 1);
            if (!l2)
                break;
            j = l2->first;
            continue;
        }
        break;
    }
    return s;
}

/* "dozens", "hundreds", "two", "some": a quantity before "of X". */
bool quantity(const ctx *c, const chunk *k)
{
    static const char *const words[] = {
        "dozens", "hundreds", "thousands", "scores", "some", "many", "several",
        "number", "members", "rounds", "round", "series", "dozen", "most", "all",
        "both", "each", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "group", "wave", "spate", "batch", "team", "days", "weeks",
        "months", "years", "hours", "day", "week", "month", "year", "half", "much",
        "parts", "majority", "barrage", "salvo", "salvos", "swarm", "volley", "hail",
        "string", "flurry", "package", "tranche", "shipment", "shipments", "consignment",
        "delivery", "deliveries"};
    return (T(c, k->last - 1)->flags & TOK_DIGIT) || WORD_AMONG(c, k->last - 1, words);
}

/* The actors after i, as the object: "met X and Y". */
/* A list item that names no actor but is a proper name ("Europe" in
 * "calls by Ukraine, Europe and U.S. President Donald Trump"): the list
 * goes on across it. */
static bool proper_item(const ctx *c, const chunk *k)
{
    if (k->actors.n || k->person || k->pronoun || k->noun >= 0 || k->last - k->first > 3)
        return false;
    for (size_t i = k->first; i < k->last; i++)
        if (!(T(c, i)->flags & TOK_CAP) && !(G(c, i) & G_DET))
            return false;
    return true;
}

/* Where a list item ends: after its chunk, and after an "of" phrase of
 * proper names that completes it ("the UN Alliance of Civilizations"). */
static size_t item_end(const ctx *c, const chunk *k)
{
    size_t e = k->last;
    if (e + 1 < c->s.last && is_word(c, e, "of")) {
        const chunk *t = chunk_of(c, e + 1);
        if (t && t->first == e + 1 && proper_item(c, t))
            return t->last;
    }
    return e;
}

/* A list item named by an act noun's name ("the UN Alliance"): the list
 * goes on across it, as across a proper name. */
static bool named_item(const ctx *c, const chunk *k)
{
    return k->role == ROLE_ACTOR || proper_item(c, k) || (k->role == ROLE_ATTR && k->actors.n);
}

/* After a list item ending at e: ", Y," or ", Y and" with Y a name, so
 * that the list goes on across Y ("X, Y and Z"; "Ukraine, Europe and the
 * US"). */
static bool named_item_follows(const ctx *c, size_t e)
{
    if (e + 1 >= c->s.last || !punct(c, e, ','))
        return false;
    const chunk *next = chunk_of(c, e + 1);
    if (!next || !named_item(c, next))
        return false;
    size_t end = item_end(c, next);
    return end < c->s.last && (punct(c, end, ',') || and_or(c, end));
}

aset object_at(const ctx *c, size_t i, const chunk **first_chunk)
{
    aset s = {{0}, 0};
    while (i < c->s.last && ((G(c, i) & G_ADV) || ly_adverb(c, i)))
        i++;
    const chunk *k = chunk_of(c, i);
    if (first_chunk)
        *first_chunk = k;
    if (!k || k->first != i)
        return s;
    for (int hops = 0; k && hops < 6; hops++) {
        if (k->role == ROLE_ACTOR || (k->role == ROLE_ATTR && k->noun < 0))
            aset_merge(&s, &k->actors);
        else if (k->role == ROLE_POSS && !(k->head_class & (NC_PLACE | NC_PEOPLE)))
            aset_merge(&s, &k->poss);
        else if (k->poss.n && k->role != ROLE_PLACE && !k->poss_pronoun)
            aset_merge(&s, &k->poss);
        size_t e = item_end(c, k);
        if (e + 1 < c->s.last && (and_or(c, e) || (punct(c, e, ',') && and_or(c, e + 1))))
            e += punct(c, e, ',') ? 2 : 1;
        else if (s.n && named_item_follows(c, e))
            e += 1; /* a name between */
        else
            break;
        while (e + 1 < c->s.last && ((G(c, e) & G_ADV) || ly_adverb(c, e)))
            e++; /* "X, Y and especially Z" */
        const chunk *n = chunk_of(c, e);
        if (!n || n->first != e)
            break;
        k = n;
    }
    return s;
}

/* The actors of a list that starts at token at (after an optional comma):
 * "including X, Y and Z", "such as X", "like X", "notably X".  None if no
 * such list starts there. */
aset listed_after(const ctx *c, size_t at)
{
    aset none = {{0}, 0};
    size_t i = at;
    if (i < c->s.last && punct(c, i, ','))
        i++;
    if (i + 1 >= c->s.last)
        return none;
    if (is_word(c, i, "including") || is_word(c, i, "like") || is_word(c, i, "notably") ||
        is_word(c, i, "especially") || is_word(c, i, "particularly"))
        i++;
    else if (is_word(c, i, "such") && is_word(c, i + 1, "as"))
        i += 2;
    else
        return none;
    return object_at(c, i, NULL);
}

size_t aux_start(const ctx *c, size_t v, vocc *o)
{
    size_t i = v;
    while (i > c->s.first) {
        size_t p = i - 1;
        uint32_t g = G(c, p);
        if (g & G_NEG || (is_word(c, p, "longer") && p > c->s.first && is_word(c, p - 1, "no"))) {
            o->negated = true;
            if (is_word(c, p, "longer"))
                p--;
        } else if (g & G_MODAL_HYP) {
            o->hyp = true;
        } else if (g & G_MODAL_FUT) {
            o->future = true;
        } else if (g & G_BE) {
            if (T(c, p)->flags & TOK_POSS && !(o->form == F_PP || o->form == F_PAST || o->form == F_ING))
                break;
            if (o->form == F_PP || o->form == F_PAST)
                o->passive = true;
            else if (o->pp_too && i == v) {
                o->form = F_PP; /* "has been hit by": the participle */
                o->passive = true;
            }
        } else if (g & (G_HAVE | G_DO)) {
            /* "has been attacked", "did not": part of the chain */
        } else if (g & G_TO) {
            if (is_word(c, p - (p > c->s.first), "going"))
                o->future = true;
            o->infinitive = true;
        } else if (g & G_ADV || ly_adverb(c, p) || is_word(c, p, "only") ||
                   (T(c, p)->flags & TOK_WORD && !(T(c, p)->flags & TOK_CAP) &&
                    strlen(tok_key(&c->ts, p)) > 4 &&
                    strcmp(tok_key(&c->ts, p) + strlen(tok_key(&c->ts, p)) - 2, "ly") == 0)) {
            /* "has repeatedly urged", "will likely strike"; not "Italy" */
        } else if (quantifier(c, p) && p > c->s.first &&
                   (G(c, p - 1) & (G_HAVE | G_BE | G_MODAL_FUT | G_MODAL_HYP) || chunk_of(c, p - 1))) {
            /* "have both attacked", "Washington and Moscow both criticised" */
        } else if (T(c, p)->flags & (TOK_OPENQ | TOK_CLOSEQ)) {
            /* Beijing “supports Pakistan ...”: the quote mark sits between */
        } else if (is_word(c, p, "get") || is_word(c, p, "got")) {
            o->passive = o->form == F_PP || o->form == F_PAST;
        } else {
            break;
        }
        i = p;
    }
    if (o->passive && !(o->form == F_PP || o->form == F_PAST))
        o->passive = false;
    return i;
}

vocc *find_vocc(ctx *c, size_t end_before)
{
    for (size_t i = c->n_verbs; i-- > 0;)
        if (c->verbs[i].end <= end_before)
            return &c->verbs[i];
    return NULL;
}

/* A verb occurrence for the word at token v that is no relation verb
 * (a light verb, an intent verb): read like one for its subject and
 * modality. */
vocc word_vocc(size_t v)
{
    vocc o = {0};
    o.start = (uint32_t)v;
    o.end = (uint32_t)v + 1;
    o.verb = -1;
    o.form = F_BASE;
    o.subject_via = R_NONE;
    return o;
}

/* The subject of a verb-like word at token v that is not a relation verb
 * (light verbs, intent verbs). */
aset subject_at(ctx *c, size_t v)
{
    vocc tmp = word_vocc(v);
    const char *k = tok_key(&c->ts, v);
    size_t n = strlen(k);
    if (n > 2 && strcmp(k + n - 2, "ed") == 0)
        tmp.form = F_PAST;
    if (n > 3 && strcmp(k + n - 3, "ing") == 0)
        tmp.form = F_ING;
    tmp.aux = (uint32_t)aux_start(c, v, &tmp);
    return subject_of(c, &tmp);
}

/* Each route below looks for the subject of verb o one way; it returns
 * true when it decides (*out may then be empty: no actor), false to let
 * the next route try; *route gets the rule that names the route.  p is
 * the token before the auxiliary chain. */

/* "Iran used the opportunity to criticise X": the subject of the verb that
 * takes the occasion. */
static bool subject_of_occasion(ctx *c, const vocc *o, size_t p, aset *out, rule_id *route)
{
    size_t took = o->infinitive ? occasion_taken(c, chunk_of(c, p), p + 1) : SIZE_MAX;
    if (took == SIZE_MAX)
        return false;
    *route = R_VIA_GOVERNING_VERB;
    *out = subject_at(c, took);
    return true;
}

/* The phrase right before the verb: "Pakistan urged", "urged X to act"
 * (X), "in Kabul, meeting ..." (a gerund after a phrase). */
static bool subject_adjacent(ctx *c, const vocc *o, size_t p, aset *out)
{
    size_t a = o->aux;
    if (o->form == F_ING && o->aux == o->start) {
        const chunk *g = chunk_of(c, p);
        if (g && g->last == a && g->role == ROLE_ACTOR && g->prep != ATOM_NONE) {
            *out = g->actors;
            return true;
        }
    }
    const chunk *k = subject_chunk(c, a);
    if (!k)
        return false;
    if (k->first > c->s.first && k->prep == ATOM_NONE && !k->person) {
        /* "refusal to stop supporting the TTP has frozen ties": the phrase
         * is the object of a gerund or infinitive, not this subject */
        size_t vl;
        size_t pv = k->first - 1;
        int32_t f = verb_at(c, pv, c->s.last, &vl);
        if (f < 0 && pv > c->s.first)
            f = verb_at(c, pv - 1, c->s.last, &vl) >= 0 && pv - 1 + vl == k->first ? 0 : -1;
        const char *vk = tok_key(&c->ts, pv);
        size_t vn = strlen(vk);
        if (f >= 0 && ((vn > 4 && strcmp(vk + vn - 3, "ing") == 0) ||
                       (pv > c->s.first && (G(c, pv - 1) & G_TO))))
            return true;
    }
    /* "made an effort to persuade X", "has plans to visit Y": a noun of
     * intent that completes a light verb names no one; the light verb's
     * subject acts (subject_of_governing_verb) */
    if (!k->actors.n && k->role != ROLE_ACTOR && k->prep == ATOM_NONE && !k->person &&
        !k->pronoun && light_intent(c, k))
        return false;
    /* infinitive after an object ("urged X to act"): X */
    *out = joint(c, k);
    return true;
}

/* ", urging ...", "X shelters Y, providing them ...": the subject of the
 * clause the participle follows, when a relation verb ends it; else the
 * subject of the main clause. */
static bool subject_of_participle(ctx *c, vocc *o, size_t p, aset *out, rule_id *route)
{
    /* 'warned Afghanistan to "choose between peace and chaos," demanding':
     * the quote mark is in the auxiliary chain */
    bool bare = o->aux == o->start ||
                (o->aux + 1 == o->start && (T(c, o->aux)->flags & (TOK_OPENQ | TOK_CLOSEQ)));
    if (!punct(c, p, ',') || o->form != F_ING || !bare)
        return false;
    vocc *prev = find_vocc(c, p);
    /* an infinitive before is the main verb's complement ("urged Pakistan
     * to protect its workers, calling for ..."): its subject is not the
     * participle's */
    if (prev && prev != o && !(prev->form == F_ING && prev->aux == prev->start) &&
        !(G(c, prev->start) & G_SAY) && !prev->infinitive) {
        aset s = subject_of(c, prev);
        if (s.n) {
            *route = R_VIA_PARTICIPLE;
            *out = s;
            return true;
        }
    }
    size_t from = c->s.first; /* the main clause: after the last ':' or ';' before */
    for (size_t j = p; j-- > c->s.first;)
        if (punct(c, j, ':') || punct(c, j, ';')) {
            from = j + 1;
            break;
        }
    for (size_t i = 0; i < c->n_chunks; i++) {
        const chunk *m = &c->chunks[i];
        if (m->first < from)
            continue;
        if (m->first >= p)
            break;
        if (m->role == ROLE_ACTOR && (m->prep == ATOM_NONE || m->person)) {
            *route = R_VIA_PARTICIPLE; /* "Seoul and Washington expanded ..., drawing" */
            *out = joint(c, last_conjunct(c, m, p));
            return true;
        }
        if (m->prep == ATOM_NONE && m->first > from && !punct(c, m->first - 1, ','))
            break;
    }
    return true;
}

/* "Iran's role in arming the Houthis", "its involvement in supporting the
 * TTP": a gerund after "in" that completes a possessed role takes the
 * possessor as its subject. */
static bool subject_of_role(ctx *c, vocc *o, size_t p, aset *out, rule_id *route)
{
    static const char *const roles[] = {"role", "part", "involvement", "complicity",
                                        "hand", "efforts", "effort"};
    if (o->form != F_ING || o->aux != o->start || !is_word(c, p, "in") || p <= c->s.first)
        return false;
    const chunk *k = chunk_of(c, p - 1);
    if (!k || k->last != p || !k->poss.n || !WORD_AMONG(c, p - 1, roles))
        return false;
    *out = k->poss;
    *route = R_VIA_ROLE;
    return true;
}

/* "the TTP has escalated attacks ... after ending a ceasefire", "by
 * launching strikes": a gerund after a time or manner preposition takes
 * the subject of the verb before it in the sentence. */
static bool subject_of_adverbial_gerund(ctx *c, vocc *o, size_t p, aset *out, rule_id *route)
{
    static const char *const preps[] = {"after", "before", "while", "by", "since",
                                        "without", "upon", "when"};
    bool bare = o->aux == o->start;
    if (o->form != F_ING || !bare || !WORD_AMONG(c, p, preps))
        return false;
    if (p == c->s.first) { /* "After meeting X, Putin said": the main subject */
        *out = opening_subject(c, o->start);
        *route = R_VIA_OPENING_SUBJECT;
        return out->n > 0;
    }
    for (size_t i = c->n_verbs; i-- > 0;) {
        vocc *prev = &c->verbs[i];
        if (prev == o || prev->start >= p || prev->infinitive ||
            (prev->form == F_ING && prev->aux == prev->start))
            continue;
        aset s = subject_of(c, prev);
        if (s.n) {
            *out = s;
            *route = R_VIA_PARTICIPLE;
            return true;
        }
        return false;
    }
    /* no relation verb before ("has escalated attacks"): the first actor
     * phrase of the sentence that no preposition governs */
    for (size_t i = 0; i < c->n_chunks; i++) {
        const chunk *m = &c->chunks[i];
        if (m->first >= p)
            break;
        if (m->role == ROLE_ACTOR && m->prep == ATOM_NONE && !m->pronoun) {
            *out = joint(c, m);
            *route = R_VIA_PARTICIPLE;
            return true;
        }
    }
    return false;
}

/* "sees the TTP as an ally and refuses", "traveled to Kabul and called
 * on": the subject of the nearest verb before, relation verb or not. */
static bool subject_of_coordinated(ctx *c, vocc *o, size_t p, aset *out, rule_id *route)
{
    bool conj = (G(c, p) & G_CONJ) && !is_word(c, p, "as"); /* not "as it retaliated" */
    if (!conj && !(punct(c, p, ',') && p > c->s.first && and_or(c, p - 1)))
        return false;
    for (size_t j = p; j-- > c->s.first;) {
        if (clause_break(c, j))
            break;
        vocc *prev = find_vocc(c, j + 1);
        if (prev && prev != o && prev->end == j + 1) {
            /* "denied harbouring the TTP and accused": past the gerund */
            if (prev->form == F_ING && prev->aux == prev->start)
                continue;
            *route = R_VIA_COORDINATED;
            *out = subject_of(c, prev);
            return true;
        }
        if (verbish(c, j) || (G(c, j) & G_BE)) {
            aset s = subject_at(c, j);
            if (s.n) {
                *route = R_VIA_COORDINATED;
                *out = s;
                return true;
            }
        }
    }
    return true;
}

/* "X, which urged Y": the antecedent. */
static bool subject_of_relative(ctx *c, size_t p, aset *out, rule_id *route)
{
    if (!(G(c, p) & G_REL))
        return false;
    size_t q = p;
    if (q > c->s.first && punct(c, q - 1, ','))
        q--;
    const chunk *ante = subject_chunk(c, q);
    /* "opened fire on Pakistani forces which retaliated": the phrase right
     * before the pronoun, a preposition's or not */
    const chunk *near = q > c->s.first ? chunk_of(c, q - 1) : NULL;
    if (!ante && near && near->last == q && near->role == ROLE_ACTOR && !near->pronoun)
        ante = near;
    if (ante) {
        *route = R_VIA_RELATIVE;
        *out = joint(c, ante);
    }
    return true;
}

/* "X, with assistance from Y, is providing": the phrase before a
 * parenthesis in commas; "groups in the region, including the TTP,
 * attacked": the actors the list names. */
static bool subject_across_parenthesis(ctx *c, size_t p, aset *out, rule_id *route)
{
    if (!punct(c, p, ','))
        return false;
    for (size_t j = p; j-- > c->s.first && p - j < 25;) {
        if (clause_break(c, j))
            return false;
        if (!punct(c, j, ','))
            continue;
        const chunk *h = subject_chunk(c, j);
        if (h && h->actors.n) {
            *route = R_VIA_PARENTHESIS;
            *out = joint(c, h);
            return true;
        }
        aset listed = listed_after(c, j);
        if (h && listed.n && h->role != ROLE_PLACE) {
            *route = R_VIA_LISTED;
            *out = listed;
            return true;
        }
        /* "The head of Hamas's political bureau, Ismail Haniyeh, met": the
         * named person set off by the commas */
        const chunk *ap = chunk_of(c, j + 1);
        if (ap && ap->first == j + 1 && ap->last == p && ap->person && ap->role == ROLE_ACTOR &&
            ap->actors.n) {
            *route = R_VIA_PARENTHESIS;
            *out = ap->actors;
            return true;
        }
        return false;
    }
    return false;
}

/* "plans to seek", "is ready to assist": the subject of the verb the
 * infinitive completes. */
static bool subject_of_governing_verb(ctx *c, vocc *o, size_t p, aset *out, rule_id *route)
{
    if (!o->infinitive && !verbish(c, p))
        return false;
    for (size_t j = p + 1; j-- > c->s.first;) {
        if (clause_break(c, j) || punct(c, j, ','))
            break;
        if (verbish(c, j) || (G(c, j) & G_BE)) {
            *route = R_VIA_GOVERNING_VERB;
            *out = subject_at(c, j);
            return true;
        }
        vocc *prev = find_vocc(c, j + 1);
        if (prev && prev->end == j + 1 && prev != o) {
            *route = R_VIA_GOVERNING_VERB;
            *out = subject_of(c, prev);
            return true;
        }
        if (!chunk_of(c, j) && !(G(c, j) & (G_TO | G_ADV | G_NEG)) && !readiness_word(c, j))
            break;
    }
    return false;
}

/* "Russia became the first country to recognise the Taliban", "Iran is
 * one of the few nations to recognize ...": an infinitive after such a
 * complement of be or become (modality.c, ordinal_complement) takes the
 * subject of that verb. */
static bool subject_of_ordinal(ctx *c, vocc *o, size_t p, aset *out, rule_id *route)
{
    if (!o->infinitive || !(G(c, p + 1) & G_TO))
        return false;
    const chunk *k = chunk_of(c, p);
    size_t be;
    if (!k || k->last != p + 1 || !ordinal_complement(c, k, &be))
        return false;
    aset s = subject_at(c, be);
    if (!s.n)
        return false;
    *out = s;
    *route = R_VIA_ORDINAL;
    return true;
}

/* "India's decision to suspend X", "the decision by Washington to
 * sanction Y": the one who decided is the infinitive's subject. */
static bool subject_of_decision(ctx *c, vocc *o, size_t p, aset *out, rule_id *route)
{
    if (!o->infinitive || !(G(c, p + 1) & G_TO))
        return false;
    const chunk *k = chunk_of(c, p);
    aset who;
    if (!k || k->last != p + 1 || !decision_phrase(c, k, &who))
        return false;
    *out = who;
    *route = R_VIA_DECISION;
    return true;
}

/* The subject of relation verb o, found once and kept: the phrase before
 * it, or at a distance (participle, coordination, relative clause,
 * parenthesis or list, governing verb). */
aset subject_of(ctx *c, vocc *o)
{
    if (o->subject_done)
        return o->subject;
    o->subject_done = true;
    aset s = {{0}, 0};
    rule_id r = R_NONE;
    if (o->aux > c->s.first) {
        size_t p = o->aux - 1;
        if (!subject_of_ordinal(c, o, p, &s, &r) && !subject_of_decision(c, o, p, &s, &r) &&
            !subject_of_adverbial_gerund(c, o, p, &s, &r) && !subject_of_role(c, o, p, &s, &r) &&
            !subject_of_occasion(c, o, p, &s, &r) && !subject_adjacent(c, o, p, &s) &&
            !subject_of_participle(c, o, p, &s, &r) &&
            !subject_of_coordinated(c, o, p, &s, &r) && !subject_of_relative(c, p, &s, &r) &&
            !subject_across_parenthesis(c, p, &s, &r))
            subject_of_governing_verb(c, o, p, &s, &r);
    }
    o->subject_via = s.n ? r : R_NONE;
    return o->subject = s;
}

/* The token after chunk k and the "of X" phrases that complete it. */
size_t past_of_phrases(const ctx *c, const chunk *k)
{
    size_t e = k->last;
    for (int hops = 0; hops < 3 && e + 1 < c->s.last && is_word(c, e, "of"); hops++) {
        const chunk *n = chunk_of(c, e + 1);
        if (!n || n->first != e + 1)
            break;
        e = n->last;
    }
    return e;
}
