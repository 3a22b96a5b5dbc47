/* Lookup: dictionary matches at a token (actors, noun classes, act nouns,
 * relation verbs), memoised per sentence, and the word classes the other
 * stages ask about (adverbs in -ly, time words, quantifiers, ...). */
#include "internal.h"

static int32_t verb_raw(const ctx *c, size_t i, size_t end, size_t *len);

static size_t match_raw(const ctx *c, int kind, size_t i, size_t end, int32_t *v)
{
    const trie *t = kind == MM_ACTOR ? &c->d->actor_trie
                  : kind == MM_CLASS ? &c->d->class_trie
                                     : &c->d->noun_trie;
    size_t len = lex_match(c->d, t, &c->ts, i, end, c->date, v);
    if (len || kind != MM_ACTOR || !(T(c, i)->flags & TOK_ALLCAPS))
        return len;
    for (size_t a = 0; a < c->n_acronyms; a++)
        if (c->acronyms[a].atom == T(c, i)->atom) {
            *v = c->acronyms[a].alias; /* "NSC", defined as "National Security Committee (NSC)" */
            return 1;
        }
    return 0;
}

static int32_t match_fresh(const ctx *c, int kind, size_t i, size_t end, size_t *len)
{
    int32_t v = -1;
    if (kind == MM_VERB)
        return verb_raw(c, i, end, len);
    *len = match_raw(c, kind, i, end, &v);
    return *len ? v : -1;
}

/* The longest match of a kind at i within end, memoised for the longest
 * within the sentence; a shorter bound that cuts it is asked afresh. */
static int32_t memo_at(const ctx *c, int kind, size_t i, size_t end, size_t *len)
{
    if (i < c->mm_first || i - c->mm_first >= c->mm_n) /* not the sentence's */
        return match_fresh(c, kind, i, end, len);
    struct memo_match *m = &c->mm[i - c->mm_first];
    if (!(m->done & (1u << kind))) {
        size_t l;
        int32_t v = -1;
        size_t e = c->sent_end[i];
        if (kind == MM_VERB)
            v = verb_raw(c, i, e, &l);
        else
            l = match_raw(c, kind, i, e, &v);
        m->v[kind] = l ? v : -1;
        m->len[kind] = (uint16_t)l;
        m->done |= (uint8_t)(1u << kind);
    }
    if (m->len[kind] <= end - i || end >= c->sent_end[i]) {
        *len = m->len[kind];
        return m->v[kind];
    }
    return match_fresh(c, kind, i, end, len);
}

int32_t actor_match(const ctx *c, size_t i, size_t end, size_t *len)
{
    return memo_at(c, MM_ACTOR, i, end, len);
}

int class_at(const ctx *c, size_t i, size_t end, size_t *len)
{
    int32_t v = memo_at(c, MM_CLASS, i, end, len);
    return *len ? v : 0;
}

int32_t noun_at(const ctx *c, size_t i, size_t end, size_t *len)
{
    return memo_at(c, MM_NOUN, i, end, len);
}

/* The verb trie walked on from node over tokens [j, end): the length from
 * i of the longest entry that ends there (its value in *value), or 0. */
static size_t walk_verb_words(const ctx *c, uint32_t node, size_t i, size_t j, size_t end,
                              int32_t *value)
{
    const trie *t = &c->d->verb_trie;
    size_t best = 0;
    for (; j < end; j++) {
        node = trie_next(t, node, T(c, j)->atom);
        if (node == UINT32_MAX)
            break;
        if (t->value[node] >= 0) {
            best = j - i + 1;
            *value = t->value[node];
        }
    }
    return best;
}

/* A multi-word verb with one possessive or article inside: "raised our
 * concerns with", "ended their ceasefire with". */
static size_t verb_with_det(const ctx *c, size_t i, size_t end, int32_t *value)
{
    const trie *t = &c->d->verb_trie;
    uint32_t first = trie_next(t, 0, T(c, i)->atom);
    if (first == UINT32_MAX || i + 2 >= end || !(G(c, i + 1) & G_DET))
        return 0;
    size_t best = 0;
    /* and up to two adjectives: "conveyed our serious concerns to" */
    for (size_t skip = 0; skip <= 2 && !best; skip++) {
        size_t j = i + 2 + skip;
        if (skip && (j - 1 >= end || !(T(c, j - 1)->flags & TOK_WORD) ||
                     (T(c, j - 1)->flags & TOK_CAP) || G(c, j - 1)))
            break;
        best = walk_verb_words(c, first, i, j, end, value);
    }
    return best;
}

int32_t verb_at(const ctx *c, size_t i, size_t end, size_t *len)
{
    return memo_at(c, MM_VERB, i, end, len);
}

/* A time or manner adjunct right after a multi-word verb's first word:
 * "agreed on Sunday to", "met yesterday with", "agreed unanimously to".
 * Its length, or 0. */
static size_t verb_adjunct(const ctx *c, size_t i, size_t end)
{
    /* "exchanged heavy fire", "held fresh talks with": the modifiers news
     * puts inside a multi-word verb's noun */
    static const char *const modifiers[] = {"heavy", "intense", "fierce", "fresh", "renewed",
                                            "sporadic", "further", "direct", "high-level",
                                            "bilateral", "formal", "serious", "strong",
                                            "frequent", "deadly", "brief", "deep", "grave",
                                            "profound", "sincere", "heartfelt", "full", "firm",
                                            "unwavering", "continued", "strongest"};
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    static const char *const words[] = {"yesterday", "today", "again", "also", "once",
                                        "now", "jointly", "formally", "officially"};
    if (i + 1 < end && is_word(c, i, "on") && WORD_AMONG(c, i + 1, days))
        return 2;
    if (i < end && (WORD_AMONG(c, i, words) || ly_adverb(c, i)))
        return 1;
    if (i < end && WORD_AMONG(c, i, modifiers))
        return 1;
    return 0;
}

/* "agreed on Sunday to a ceasefire": the multi-word verb across an adjunct
 * after its first word; the length from i, or 0; *skip gets the
 * adjunct's. */
static size_t verb_across_adjunct(const ctx *c, size_t i, size_t end, int32_t *value,
                                  size_t *skipped)
{
    const trie *t = &c->d->verb_trie;
    uint32_t node = trie_next(t, 0, T(c, i)->atom);
    size_t skip = 0;
    *skipped = 0;
    if (node == UINT32_MAX)
        return 0;
    /* cheap first: would the verb's words go on after one or two words? */
    bool after1 = i + 2 < end && trie_next(t, node, T(c, i + 2)->atom) != UINT32_MAX;
    bool after2 = i + 3 < end && trie_next(t, node, T(c, i + 3)->atom) != UINT32_MAX;
    if (!after1 && !after2)
        return 0;
    skip = verb_adjunct(c, i + 1, end);
    if ((skip == 1 && !after1) || (skip == 2 && !after2))
        return 0;
    *skipped = skip;
    return skip ? walk_verb_words(c, node, i, i + 1 + skip, end, value) : 0;
}

static int32_t verb_raw(const ctx *c, size_t i, size_t end, size_t *len)
{
    int32_t v = -1, sv = -1, dv = -1, av = -1;
    *len = lex_match(c->d, &c->d->verb_trie, &c->ts, i, end, 0, &v);
    size_t dlen = verb_with_det(c, i, end, &dv);
    if (dlen > *len + 1) {
        *len = dlen;
        v = dv;
    }
    size_t askip = 0, alen = verb_across_adjunct(c, i, end, &av, &askip);
    if (alen && alen - askip > *len) { /* more verb words than the plain match */
        *len = alen;
        v = av;
    }
    /* "hand them over": a particle verb's first word, the particle within
     * four words; it wins over a shorter plain match */
    size_t slen = lex_match(c->d, &c->d->split_trie, &c->ts, i, end, 0, &sv);
    if (slen) {
        const verb *vb = &c->d->verbs[c->d->forms[sv].verb];
        size_t j = i + slen;
        for (size_t k = 0; k < 5 && j + k < end; k++) {
            if (T(c, j + k)->atom == vb->particle) {
                if (j + k + 1 - i > *len) {
                    *len = j + k + 1 - i;
                    return sv;
                }
                break;
            }
            if (T(c, j + k)->flags & TOK_PUNCT)
                break;
        }
    }
    return *len ? v : -1;
}

bool closed_class(const ctx *c, size_t i)
{
    uint32_t g = G(c, i);
    return (g & (G_PREP | G_CONJ | G_SUB | G_REL | G_BE | G_HAVE | G_DO | G_MODAL_HYP |
                 G_MODAL_FUT | G_NEG | G_TO | G_BY)) != 0;
}

bool verbish(const ctx *c, size_t i)
{
    return (G(c, i) & (G_VERB | G_SAY | G_LIGHT | G_INTENT | G_NEGV | G_STOP | G_SEEK |
                       G_SUPPRESS | G_RECEIVE)) != 0 &&
           !(G(c, i) & G_DET);
}

bool terror_word(const ctx *c, size_t i)
{
    static const char *const words[] = {"terrorist", "terror",    "militant",   "insurgent",
                                        "jihadist",  "extremist", "terrorists", "militants"};
    return WORD_AMONG(c, i, words);
}

/* Does an actor mention end right before token i? */
bool name_ends_at(const ctx *c, size_t i)
{
    size_t len;
    for (size_t j = i; j-- > c->s.first && i - j < 6;)
        if (actor_match(c, j, c->s.last, &len) >= 0 && j + len == i)
            return true;
    return false;
}

/* Words of time and number that end a name's phrase. */
static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool time_word(const ctx *c, size_t i)
{
    static const char *const words[] = { /* sorted: bsearch */
        "afternoon", "again", "day", "days", "dozens", "earlier", "eight", "evening",
        "five", "four", "friday", "hundreds", "last", "later", "monday", "month",
        "months", "morning", "next", "night", "nine", "once", "overnight", "saturday",
        "seven", "several", "six", "sunday", "ten", "thousands", "three", "thursday",
        "today", "tomorrow", "tonight", "tuesday", "two", "wednesday", "week", "weekend",
        "weeks", "year", "years", "yesterday"};
    if (i == 0 || !(T(c, i)->flags & TOK_WORD))
        return false;
    const char *k = tok_key(&c->ts, i);
    if (!(T(c, i)->flags & TOK_DIGIT) &&
        !bsearch(&k, words, sizeof words / sizeof *words, sizeof *words, cmp_word))
        return false;
    /* only right after a name: "Kabul next week", not "the next round" */
    size_t len;
    for (size_t j = i; j-- > c->s.first && i - j < 5;)
        if (actor_match(c, j, c->s.last, &len) >= 0 && j + len == i)
            return true;
    return false;
}

/* "made an effort", "has plans", "launched a bid": a noun of intent
 * completing a light verb, before "to": an attempt or a plan of the light
 * verb's subject. */
bool light_intent(const ctx *c, const chunk *k)
{
    static const char *const nouns[] = {"effort", "efforts", "attempt", "attempts", "bid",
                                        "bids", "plan", "plans", "steps"};
    static const char *const none[] = {"no", "little", "scant", "few"}; /* "made no effort" */
    return k->first > c->s.first && (G(c, k->first - 1) & G_LIGHT) &&
           k->last < c->s.last && (G(c, k->last) & G_TO) && WORD_AMONG(c, k->last - 1, nouns) &&
           !WORD_AMONG(c, k->first, none);
}

/* "ready", "willing": an adjective of readiness before "to". */
bool readiness_word(const ctx *c, size_t i)
{
    return is_word(c, i, "ready") || is_word(c, i, "willing") || is_word(c, i, "prepared") ||
           is_word(c, i, "eager") || is_word(c, i, "keen");
}

/* "both", "all", "each" before a verb: "have both attacked" */
bool quantifier(const ctx *c, size_t i)
{
    return is_word(c, i, "both") || is_word(c, i, "all") || is_word(c, i, "each");
}

bool prep_in(uint32_t atom, const uint32_t *list)
{
    for (size_t i = 0; list[i] != ATOM_NONE; i++)
        if (list[i] == atom)
            return true;
    return false;
}

/* A lower-case word in -ed: a verb or participle unless a determiner
 * comes first ("the increased concern"). */
bool past_like(const ctx *c, size_t i)
{
    const tok *t = T(c, i);
    if (!(t->flags & TOK_WORD) || t->flags & (TOK_CAP | TOK_DIGIT))
        return false;
    const char *k = tok_key(&c->ts, i);
    size_t n = strlen(k);
    return n >= 5 && strcmp(k + n - 2, "ed") == 0;
}

/* A lower-case word in -ly that is an adverb ("initially", "formally"),
 * not one of the adjectives and nouns in -ly that noun phrases hold ("a
 * deadly attack", "the weekly briefing", "a close ally"). */
bool ly_adverb(const ctx *c, size_t i)
{
    static const char *const not_adverbs[] = {
        "deadly", "friendly", "unfriendly", "costly", "daily", "weekly", "monthly", "yearly",
        "hourly", "nightly", "quarterly", "early", "elderly", "likely", "unlikely", "only",
        "timely", "lonely", "orderly", "lively", "lovely", "cowardly", "brotherly",
        "neighbourly", "neighborly", "scholarly", "worldly", "unruly", "stately", "ally",
        "rally", "family", "assembly", "supply", "reply", "anomaly", "monopoly", "bully",
        "tally", "folly", "apply", "comply", "rely", "imply", "multiply", "holy", "silly",
        "ugly", "jolly", "belly", "jelly"};
    const tok *t = T(c, i);
    size_t len;
    if (!(t->flags & TOK_WORD) || (t->flags & TOK_DIGIT))
        return false;
    /* "Taliban Effectively Combating ISKP": capitals in a headline, but not
     * a name ("Italy", "the General Assembly") */
    if ((t->flags & TOK_CAP) &&
        (!c->headline || actor_match(c, i, c->s.last, &len) >= 0 || name_ends_at(c, i + 1)))
        return false;
    const char *k = tok_key(&c->ts, i);
    size_t n = strlen(k);
    if (n < 5 || strcmp(k + n - 2, "ly") != 0)
        return false;
    for (size_t w = 0; w < sizeof not_adverbs / sizeof *not_adverbs; w++)
        if (strcmp(k, not_adverbs[w]) == 0)
            return false;
    return true;
}

bool adj_at(const ctx *c, size_t i)
{
    size_t len;
    int32_t a = actor_match(c, i, c->s.last, &len);
    return a >= 0 && c->d->aliases[a].type == ALIAS_ADJ;
}

/* Actor mentions may span words that otherwise end a chunk ("Islamic
 * Republic of Pakistan"): returns the end of a mention starting at i. */
size_t mention_end(const ctx *c, size_t i)
{
    size_t len;
    if (actor_match(c, i, c->s.last, &len) >= 0)
        return i + len;
    return i;
}

/* A headline in title case: most words capitalised. */
bool title_case(const ctx *c)
{
    size_t words = 0, caps = 0;
    for (size_t i = c->s.first; i < c->s.last; i++)
        if (T(c, i)->flags & TOK_WORD && !(G(c, i) & (G_PREP | G_DET | G_CONJ | G_TO))) {
            words++;
            caps += (T(c, i)->flags & TOK_CAP) != 0;
        }
    return words >= 3 && caps * 10 >= words * 8;
}

/* "including", "like": the word that opens a list of examples. */
bool list_word(const ctx *c, size_t i)
{
    return is_word(c, i, "including") || is_word(c, i, "like");
}

/* "how", "what", "why": an indirect question opens here. */
bool wh_word(const ctx *c, size_t i)
{
    return is_word(c, i, "how") || is_word(c, i, "what") || is_word(c, i, "why") ||
           is_word(c, i, "whether") || is_word(c, i, "when") || is_word(c, i, "where");
}

/* "adamant", "insisted": saying that demands. */
bool insisting(const ctx *c, size_t i)
{
    return is_word(c, i, "adamant") || is_word(c, i, "insist") || is_word(c, i, "insists") ||
           is_word(c, i, "insisted") || is_word(c, i, "insisting");
}

bool clause_break(const ctx *c, size_t i)
{
    const tok *t = T(c, i);
    if (t->punct == ';' || t->punct == ':' || t->punct == '.' || t->punct == '(' || t->punct == ')')
        return true;
    return false;
}

/* "about potentially violating": a gerund at i, after adverbs. */
bool gerund_follows(const ctx *c, size_t i)
{
    while (i < c->s.last && ((G(c, i) & G_ADV) || ly_adverb(c, i)))
        i++;
    if (i >= c->s.last || !(T(c, i)->flags & TOK_WORD) || (T(c, i)->flags & TOK_CAP))
        return false;
    const char *k = tok_key(&c->ts, i);
    size_t n = strlen(k);
    return n > 4 && strcmp(k + n - 3, "ing") == 0;
}

/* "and", "or", "nor", "plus": the words that join the items of a list
 * ("X, Y and Z"); not "as" ("condemned the launch as a provocation"), nor
 * "but" and "yet", which join clauses. */
bool and_or(const ctx *c, size_t i)
{
    return (G(c, i) & G_CONJ) && !is_word(c, i, "as") && !is_word(c, i, "well") &&
           !is_word(c, i, "but") && !is_word(c, i, "yet");
}

/* Does an actor adjective end right before token i ("Chinese", "South
 * Korean" before "and")? */
bool adj_ends_at(const ctx *c, size_t i)
{
    size_t len;
    for (size_t j = i; j-- > c->s.first && i - j < 5;) {
        int32_t a = actor_match(c, j, c->s.last, &len);
        if (a >= 0 && j + len == i)
            return c->d->aliases[a].type == ALIAS_ADJ;
    }
    return false;
}
