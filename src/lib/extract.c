/* Extraction: the rules of the annotation guide over one document.
 *
 * A document is tokenised once and cut into sentences.  Each sentence is
 * read in three steps: noun phrases ("chunks") are found and resolved to
 * actors in the document's context (persons met earlier, quote speakers,
 * short forms); each relation verb gets its agent and target from its
 * frame (active, passive, coordinated, infinitive, gerund) and a verdict
 * from its modality (negated, hypothetical, requested, threatened); each
 * nominalised act gets its agent and target from possessives, attributes
 * and prepositions.  Every step can be traced for `dyad explain`. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "dyad/extract.h"
#include "lex.h"
#include "util.h"

/* The rule registry (rules.def): ids, and names for the trace. */
typedef enum rule_id {
    R_NONE = -1,
#define RULE(id, kind, name, guide, what) id,
#include "rules.def"
#undef RULE
    R_COUNT
} rule_id;

static const dyad_rule rule_table[] = {
#define RULE(id, kind, name, guide, what) {name, DYAD_RULE_##kind, guide, what},
#include "rules.def"
#undef RULE
};

const dyad_rule *dyad_rules(size_t *n)
{
    *n = R_COUNT;
    return rule_table;
}

#define MAX_VIA 4 /* steps of a triple's path ("including-list > agent-object") */
#define MAX_ACTORS 6   /* actors of one phrase ("Chinese and Russian envoys") */
#define MAX_SENTENCE 400
#define NONE_ACTOR (-1)

enum role {
    ROLE_NONE,    /* no actor here */
    ROLE_ACTOR,   /* the phrase is the actor (Pakistan, Pakistani officials) */
    ROLE_ATTR,    /* the actor qualifies an act (US drone strike) */
    ROLE_POSS,    /* the actor owns the head (Pakistan's request) */
    ROLE_PLACE,   /* the actor names a place here (in Afghanistan) */
};

typedef struct aset {
    int16_t a[MAX_ACTORS];
    uint8_t n;
} aset;

typedef struct chunk {
    uint32_t first, last; /* tokens [first, last) */
    aset actors;
    uint8_t role;
    uint8_t head_class;   /* NC_ bits of the head */
    bool person;          /* a named person */
    bool pronoun;
    int32_t noun;         /* act noun index * 2 + plural, or -1 */
    uint32_t noun_at;     /* token of the act noun */
    uint32_t prep;        /* preposition atom before, or ATOM_NONE */
    uint32_t prep_tok;
    aset poss;            /* the possessor's actors, if any */
    const char *how;
} chunk;

typedef struct person {
    uint32_t surname; /* atom */
    uint32_t first;   /* atom of the first name, or ATOM_NONE */
    int16_t actor;
} person;

typedef struct memo {
    uint32_t head; /* atom of a head noun: delegation, ministry */
    aset actors;
} memo;

/* A relation verb found in the sentence. */
typedef struct vocc {
    uint32_t start, end; /* pattern tokens */
    uint32_t aux;        /* first token of the auxiliary chain */
    int32_t verb;        /* index in d->verbs, or -1 for grammar verbs */
    uint8_t form;
    bool passive, negated, hyp, future, infinitive;
    aset subject;
    bool subject_done;
} vocc;

typedef struct ctx {
    const dyad_dict *d;
    const char *text;
    const char *doc;
    tokens ts;
    dyad_graph *g;
    const dyad_extract_opts *opts;
    size_t *node_of; /* actor -> graph node, or SIZE_MAX */
    long sentence;   /* 1-based */
    span s;
    chunk *chunks;
    size_t n_chunks, cap_chunks;
    int32_t *chunk_at; /* token - s.first -> chunk index, -1 */
    vocc *verbs;
    size_t n_verbs, cap_verbs;
    person *persons;
    size_t n_persons, cap_persons;
    memo *memos;
    size_t n_memos, cap_memos;
    int16_t last_person; /* actor of the last person, NONE_ACTOR if none */
    bool have_person;
    int16_t last_group, last_state;
    aset last_subject; /* of the last relation verb: "it" */
    aset last_plural;  /* the last plural actor phrase: "they", "them" */
    bool person_subject; /* a person was a subject in this sentence */
    struct quote {
        size_t open, close;         /* tokens of the quote marks */
        size_t sp_first, sp_last;   /* the attribution's speaker phrase */
        aset who;
        bool resolved;
    } *quotes;
    size_t n_quotes, cap_quotes;
    int32_t *quote_of;   /* by token: index in quotes, or -1 */
    atoms *local;        /* words of this document outside the dictionary */
    struct seen {
        int16_t src, dst;
        const char *verb;
    } *seen;
    size_t n_seen, cap_seen;
    strbuf sentence_text;
    /* the longest matches at each token, up to its sentence's end: every
     * rule asks again and again */
    struct memo_match {
        int32_t v[4];
        uint16_t len[4];
        uint8_t done;
    } *mm;
    uint32_t *sent_end; /* by token */
    /* acronyms the document defines: "the National Security Committee
     * (NSC)" makes NSC a name of the committee's actor, anywhere in it */
    struct acronym {
        uint32_t atom;
        int32_t alias;
    } *acronyms;
    size_t n_acronyms, cap_acronyms;
    uint32_t *state_mentions; /* by actor: mentions of states so far */
    bool headline;      /* the sentence is in title case */
    /* the steps that found the arguments of the candidate being read: the
     * path a triple's rule is printed with */
    rule_id via[MAX_VIA];
    size_t n_via;
    strbuf path;
} ctx;

enum { MM_ACTOR, MM_CLASS, MM_NOUN, MM_VERB };

/* ---------------------------------------------------------------- */
/* small helpers */

static uint32_t G(const ctx *c, size_t i) { return lex_gram(c->d, c->ts.t[i].atom); }
static const tok *T(const ctx *c, size_t i) { return &c->ts.t[i]; }
static bool is_word(const ctx *c, size_t i, const char *w) { return strcmp(tok_key(&c->ts, i), w) == 0; }
static bool punct(const ctx *c, size_t i, char p) { return T(c, i)->punct == p; }

static void aset_add(aset *s, int16_t a)
{
    if (a < 0)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->a[i] == a)
            return;
    if (s->n < MAX_ACTORS)
        s->a[s->n++] = a;
}

static void aset_merge(aset *s, const aset *o)
{
    for (size_t i = 0; i < o->n; i++)
        aset_add(s, o->a[i]);
}

static aset aset_one(int16_t a)
{
    aset s = {{0}, 0};
    aset_add(&s, a);
    return s;
}

static void trace(ctx *c, dyad_trace_kind kind, size_t first, size_t last,
                  int16_t src, int16_t dst, const char *lemma_, const char *cameo,
                  const char *code, const char *how)
{
    if (!c->opts || !c->opts->trace)
        return;
    dyad_trace_event ev = {0};
    ev.kind = kind;
    ev.sentence = c->sentence;
    ev.start = T(c, first)->start;
    ev.end = T(c, last > first ? last - 1 : first)->end;
    ev.text = c->text + ev.start;
    ev.text_len = ev.end - ev.start;
    ev.actor = src >= 0 ? c->d->actors[src].label : NULL;
    ev.target = dst >= 0 ? c->d->actors[dst].label : NULL;
    ev.verb = lemma_;
    ev.cameo = cameo;
    ev.code = code;
    ev.how = how;
    c->opts->trace(&ev, c->opts->trace_user);
}

/* A step that found an argument of the candidate being read. */
static inline void via(ctx *c, rule_id r)
{
    for (size_t i = 0; i < c->n_via; i++)
        if (c->via[i] == r)
            return;
    if (c->n_via < MAX_VIA)
        c->via[c->n_via++] = r;
}

/* Traces a triple or a drop with its rule and the steps before it. */
static void trace_rule(ctx *c, dyad_trace_kind kind, size_t first, size_t last, int16_t src,
                       int16_t dst, const char *lemma, const char *cameo, const char *code,
                       rule_id r)
{
    if (!c->opts || !c->opts->trace)
        return;
    c->path.len = 0;
    for (size_t i = 0; i < c->n_via; i++) {
        sb_puts(&c->path, rule_table[c->via[i]].name);
        sb_puts(&c->path, " > ");
    }
    sb_puts(&c->path, rule_table[r].name);
    dyad_trace_event ev = {0};
    ev.kind = kind;
    ev.sentence = c->sentence;
    ev.start = T(c, first)->start;
    ev.end = T(c, last > first ? last - 1 : first)->end;
    ev.text = c->text + ev.start;
    ev.text_len = ev.end - ev.start;
    ev.actor = src >= 0 ? c->d->actors[src].label : NULL;
    ev.target = dst >= 0 ? c->d->actors[dst].label : NULL;
    ev.verb = lemma;
    ev.cameo = cameo;
    ev.code = code;
    ev.rule = c->path.s;
    ev.how = rule_table[r].what;
    c->opts->trace(&ev, c->opts->trace_user);
}

static size_t node_for(ctx *c, int16_t a)
{
    if (c->node_of[a] == SIZE_MAX)
        c->node_of[a] = dyad_graph_node(c->g, c->d->actors[a].id, c->d->actors[a].label);
    return c->node_of[a];
}

/* ---------------------------------------------------------------- */
/* token classes */

static size_t match_raw(const ctx *c, int kind, size_t i, size_t end, int32_t *v)
{
    const trie *t = kind == MM_ACTOR ? &c->d->actor_trie
                  : kind == MM_CLASS ? &c->d->class_trie
                                     : &c->d->noun_trie;
    size_t len = lex_match(c->d, t, &c->ts, i, end, v);
    if (len || kind != MM_ACTOR || !(T(c, i)->flags & TOK_ALLCAPS))
        return len;
    for (size_t a = 0; a < c->n_acronyms; a++)
        if (c->acronyms[a].atom == T(c, i)->atom) {
            *v = c->acronyms[a].alias; /* "NSC", defined as "National Security Committee (NSC)" */
            return 1;
        }
    return 0;
}

static int32_t verb_raw(const ctx *c, size_t i, size_t end, size_t *len);

/* The longest match of a kind at i within end, memoised for the longest
 * within the sentence; a shorter bound that cuts it is asked afresh. */
static int32_t memo_at(const ctx *c, int kind, size_t i, size_t end, size_t *len)
{
    struct memo_match *m = &c->mm[i];
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
    int32_t v = -1;
    if (kind == MM_VERB)
        return verb_raw(c, i, end, len);
    *len = match_raw(c, kind, i, end, &v);
    return *len ? v : -1;
}

static int32_t actor_match(const ctx *c, size_t i, size_t end, size_t *len)
{
    return memo_at(c, MM_ACTOR, i, end, len);
}

static int class_at(const ctx *c, size_t i, size_t end, size_t *len)
{
    int32_t v = memo_at(c, MM_CLASS, i, end, len);
    return *len ? v : 0;
}

static int32_t noun_at(const ctx *c, size_t i, size_t end, size_t *len)
{
    return memo_at(c, MM_NOUN, i, end, len);
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
        uint32_t node = first;
        for (; j < end; j++) {
            node = trie_next(t, node, T(c, j)->atom);
            if (node == UINT32_MAX)
                break;
            if (t->value[node] >= 0) {
                best = j - i + 1;
                *value = t->value[node];
            }
        }
    }
    return best;
}

static int32_t verb_at(const ctx *c, size_t i, size_t end, size_t *len)
{
    return memo_at(c, MM_VERB, i, end, len);
}

static int32_t verb_raw(const ctx *c, size_t i, size_t end, size_t *len)
{
    int32_t v = -1, sv = -1, dv = -1;
    *len = lex_match(c->d, &c->d->verb_trie, &c->ts, i, end, &v);
    size_t dlen = verb_with_det(c, i, end, &dv);
    if (dlen > *len + 1) {
        *len = dlen;
        v = dv;
    }
    /* "hand them over": a particle verb's first word, the particle within
     * four words; it wins over a shorter plain match */
    size_t slen = lex_match(c->d, &c->d->split_trie, &c->ts, i, end, &sv);
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

static bool closed_class(const ctx *c, size_t i)
{
    uint32_t g = G(c, i);
    return (g & (G_PREP | G_CONJ | G_SUB | G_REL | G_BE | G_HAVE | G_DO | G_MODAL_HYP |
                 G_MODAL_FUT | G_NEG | G_TO | G_BY)) != 0;
}

static bool verbish(const ctx *c, size_t i)
{
    return (G(c, i) & (G_VERB | G_SAY | G_LIGHT | G_INTENT | G_NEGV | G_STOP | G_SEEK |
                       G_SUPPRESS)) != 0 &&
           !(G(c, i) & G_DET);
}

/* ---------------------------------------------------------------- */
/* persons and short forms of the document */

static person *find_person(ctx *c, uint32_t surname)
{
    for (size_t i = c->n_persons; i-- > 0;)
        if (c->persons[i].surname == surname)
            return &c->persons[i];
    return NULL;
}

static void add_person(ctx *c, size_t first, size_t last, int16_t who)
{
    if (last <= first)
        return;
    uint32_t sur = T(c, last - 1)->atom;
    if (sur == ATOM_NONE) {
        /* names outside the dictionary's words get interned per document:
         * keep them by key through a private table */
        return;
    }
    person *p = find_person(c, sur);
    if (p && p->actor == who)
        return;
    GROW(c->persons, c->cap_persons, c->n_persons + 1);
    c->persons[c->n_persons++] = (person){sur, T(c, first)->atom, who};
}

static void remember(ctx *c, uint32_t head, const aset *actors)
{
    if (head == ATOM_NONE || !actors->n)
        return;
    for (size_t i = 0; i < c->n_memos; i++)
        if (c->memos[i].head == head) {
            c->memos[i].actors = *actors;
            return;
        }
    GROW(c->memos, c->cap_memos, c->n_memos + 1);
    c->memos[c->n_memos++] = (memo){head, *actors};
}

static const aset *recall(const ctx *c, uint32_t head)
{
    for (size_t i = 0; i < c->n_memos; i++)
        if (c->memos[i].head == head)
            return &c->memos[i].actors;
    return NULL;
}

/* ---------------------------------------------------------------- */
/* chunks: noun phrases */

static bool terror_word(const ctx *c, size_t i)
{
    const char *k = tok_key(&c->ts, i);
    return strcmp(k, "terrorist") == 0 || strcmp(k, "terror") == 0 ||
           strcmp(k, "militant") == 0 || strcmp(k, "insurgent") == 0 ||
           strcmp(k, "jihadist") == 0 || strcmp(k, "extremist") == 0 ||
           strcmp(k, "terrorists") == 0 || strcmp(k, "militants") == 0;
}

static bool verbish(const ctx *c, size_t i);
static size_t mention_end(const ctx *c, size_t i);

/* Does an actor mention end right before token i? */
static bool name_ends_at(const ctx *c, size_t i)
{
    size_t len;
    for (size_t j = i; j-- > c->s.first && i - j < 6;)
        if (actor_match(c, j, c->s.last, &len) >= 0 && j + len == i)
            return true;
    return false;
}

/* Words of time and number that end a name's phrase. */
static bool time_word(const ctx *c, size_t i)
{
    static const char *const words[] = {
        "next", "last", "today", "yesterday", "tomorrow", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "earlier",
        "later", "week", "weeks", "month", "months", "year", "years", "day",
        "days", "night", "morning", "evening", "afternoon", "weekend", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "dozens", "hundreds", "thousands", "several", "once", "again"};
    if (i == 0 || !(T(c, i)->flags & TOK_WORD))
        return false;
    const char *k = tok_key(&c->ts, i);
    bool hit = (T(c, i)->flags & TOK_DIGIT) != 0;
    for (size_t w = 0; w < sizeof words / sizeof *words && !hit; w++)
        hit = strcmp(k, words[w]) == 0;
    if (!hit)
        return false;
    /* only right after a name: "Kabul next week", not "the next round" */
    size_t len;
    for (size_t j = i; j-- > c->s.first && i - j < 5;)
        if (actor_match(c, j, c->s.last, &len) >= 0 && j + len == i)
            return true;
    return false;
}

/* "ready", "willing": an adjective of readiness before "to". */
static bool readiness_word(const ctx *c, size_t i)
{
    return is_word(c, i, "ready") || is_word(c, i, "willing") || is_word(c, i, "prepared") ||
           is_word(c, i, "eager") || is_word(c, i, "keen");
}

/* "both", "all", "each" before a verb: "have both attacked" */
static bool quantifier(const ctx *c, size_t i)
{
    return is_word(c, i, "both") || is_word(c, i, "all") || is_word(c, i, "each");
}

static bool prep_in(uint32_t atom, const uint32_t *list)
{
    for (size_t i = 0; list[i] != ATOM_NONE; i++)
        if (list[i] == atom)
            return true;
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
    if (nlen < vlen) {
        /* "separate talks with": the verb reading's last word is the
         * noun's own preposition */
        uint32_t at = T(c, i + nlen)->atom;
        if (!prep_in(at, n->target) && !prep_in(at, n->agent))
            return false;
    }
    /* after another verb, a verb form is its object: "cease support" */
    const char *k = tok_key(&c->ts, i);
    size_t kl = strlen(k);
    bool ing = kl > 4 && strcmp(k + kl - 3, "ing") == 0;
    if (!ing && verbish(c, p) && !(gp & (G_BE | G_HAVE | G_DO)))
        return true;
    size_t alen;
    for (size_t j = p + 1; j-- > c->s.first && j + 4 > p;) {
        int32_t a = actor_match(c, j, c->s.last, &alen);
        if (a >= 0 && j + alen == i) {
            if (c->d->aliases[a].type == ALIAS_ADJ)
                return true;
            size_t before = j > c->s.first && (G(c, j - 1) & G_DET) ? j - 1 : j;
            if (before > c->s.first && (G(c, before - 1) & G_REL))
                return false; /* "which Pakistan blames", "that the Taliban release" */
            /* "UN sanctions since 2011", "TTP attacks have surged" vs "the
             * US sanctions Iran", "the Taliban release detained citizens" */
            size_t nx = i + nlen, vl2;
            if (nx < c->s.last && (T(c, nx)->flags & TOK_OPENQ))
                return false; /* Trump pledges “full support”: the quote is its object */
            if (nx >= c->s.last || (T(c, nx)->flags & TOK_PUNCT) ||
                (G(c, nx) & (G_PREP | G_CONJ | G_SUB | G_BE | G_HAVE | G_MODAL_FUT | G_MODAL_HYP)))
                return true;
            /* "ISKP attack kills three guards": the next word is the verb
             * when its own object follows */
            if ((verb_at(c, nx, c->s.last, &vl2) >= 0 || verbish(c, nx)) && nx + 1 < c->s.last) {
                size_t o = nx + 1;
                static const char *const numbers[] = {"one", "two", "three", "four", "five",
                                                      "six", "seven", "eight", "nine", "ten",
                                                      "dozens", "hundreds", "scores", "at", "more"};
                bool number = false;
                for (size_t q = 0; q < sizeof numbers / sizeof *numbers && !number; q++)
                    number = is_word(c, o, numbers[q]);
                return number || (G(c, o) & (G_DET | G_PRON)) || (T(c, o)->flags & TOK_DIGIT) ||
                       mention_end(c, o) > o;
            }
            return false;
        }
    }
    /* "attacks on", "visits by", "support for": the noun's prepositions */
    size_t after = i + nlen;
    if (after < c->s.last && vlen == 1) {
        uint32_t at = T(c, after)->atom;
        for (size_t q = 0; n->target[q] != ATOM_NONE; q++)
            if (n->target[q] == at)
                return true;
        for (size_t q = 0; n->agent[q] != ATOM_NONE; q++)
            if (n->agent[q] == at)
                return true;
    }
    bool content = (T(c, p)->flags & TOK_WORD) && !gp && !(T(c, p)->flags & TOK_DIGIT) &&
                   (!(T(c, p)->flags & TOK_CAP) || p == c->s.first);
    if (content) {
        /* "terrorist attacks": a verb only if an object follows */
        if (after < c->s.last && (G(c, after) & G_DET || actor_match(c, after, c->s.last, &alen) >= 0))
            return false;
        return true;
    }
    return false;
}

static int32_t verb_here(ctx *c, size_t i, size_t *len)
{
    int32_t v = verb_at(c, i, c->s.last, len);
    if (v < 0)
        return -1;
    if (i > c->s.first && (c->d->forms[v].form == F_BASE || c->d->forms[v].form == F_S)) {
        size_t pl;
        int32_t pv = verb_at(c, i - 1, c->s.last, &pl);
        if (pv >= 0 && pl == 1 && !(G(c, i - 1) & (G_BE | G_HAVE | G_DO | G_TO)) &&
            (c->d->forms[pv].form == F_PAST || c->d->forms[pv].form == F_S) &&
            !(T(c, i - 1)->flags & TOK_CAP))
            return -1; /* "suspended trade with": the object, not a verb */
    }
    if (c->d->forms[v].form == F_ING && i > c->s.first && i + *len < c->s.last &&
        (punct(c, i - 1, ',') || (G(c, i - 1) & G_CONJ)) &&
        (punct(c, i + *len, ',') || (G(c, i + *len) & G_CONJ)))
        return -1; /* an item of a list: "shelter, training, and support" */
    if (noun_reading(c, i, *len))
        return -1;
    return v;
}

/* A lower-case word in -ed: a verb or participle unless a determiner
 * comes first ("the increased concern"). */
static bool past_like(const ctx *c, size_t i)
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
static bool ly_adverb(const ctx *c, size_t i)
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
    if (!(t->flags & TOK_WORD) || (t->flags & TOK_DIGIT) ||
        ((t->flags & TOK_CAP) && !c->headline))
        return false; /* "Taliban Effectively Combating ISKP": capitals in a headline */
    const char *k = tok_key(&c->ts, i);
    size_t n = strlen(k);
    if (n < 5 || strcmp(k + n - 2, "ly") != 0)
        return false;
    for (size_t w = 0; w < sizeof not_adverbs / sizeof *not_adverbs; w++)
        if (strcmp(k, not_adverbs[w]) == 0)
            return false;
    return true;
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
    return opener && !(G(c, i - 1) & G_TO) && prep_in(T(c, e)->atom, n->target);
}

static bool adj_at(const ctx *c, size_t i)
{
    size_t len;
    int32_t a = actor_match(c, i, c->s.last, &len);
    return a >= 0 && c->d->aliases[a].type == ALIAS_ADJ;
}

static bool nominal(ctx *c, size_t i, bool in_chunk)
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
    if (readiness_word(c, i) && i + 1 < c->s.last && (G(c, i + 1) & G_TO))
        return false; /* "is ready to assist" */
    if (G(c, i) & G_PRON)
        return !in_chunk;
    size_t vl;
    if (past_like(c, i) && i > c->s.first && i + 1 < c->s.last &&
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
    if (verb_here(c, i, &len) >= 0 && !after_det)
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
        if (!heads)
            return false;
    }
    return true;
}

static void resolve_chunk(ctx *c, chunk *k);

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

/* Actor mentions may span words that otherwise end a chunk ("Islamic
 * Republic of Pakistan"): returns the end of a mention starting at i. */
static size_t mention_end(const ctx *c, size_t i)
{
    size_t len;
    if (actor_match(c, i, c->s.last, &len) >= 0)
        return i + len;
    return i;
}


/* A headline in title case: most words capitalised. */
static bool title_case(const ctx *c)
{
    size_t words = 0, caps = 0;
    for (size_t i = c->s.first; i < c->s.last; i++)
        if (T(c, i)->flags & TOK_WORD && !(G(c, i) & (G_PREP | G_DET | G_CONJ | G_TO))) {
            words++;
            caps += (T(c, i)->flags & TOK_CAP) != 0;
        }
    return words >= 3 && caps * 10 >= words * 8;
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
    for (size_t d = 0; d < sizeof days / sizeof *days; d++)
        if (is_word(c, i, days[d]))
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

static void build_chunks(ctx *c)
{
    size_t i = c->s.first;
    while (i < c->s.last) {
        size_t m = mention_end(c, i);
        if (m == i && !nominal(c, i, false)) {
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
            if (outlet_word(c, i))
                i++; /* "India Today", "Kabul Now": a capitalised word glued to a name */
            if (i >= c->s.last)
                break;
            size_t m2 = mention_end(c, i);
            if (m2 > i) {
                /* a name right after a lower-case word is a new phrase
                 * only if a verb could stand between; keep it */
                i = m2;
                continue;
            }
            /* "Chinese and Russian envoys" */
            if ((G(c, i) & G_CONJ || punct(c, i, ',')) && i + 1 < c->s.last &&
                adj_at(c, i - 1) && (adj_at(c, i + 1) || mention_end(c, i + 1) > i + 1)) {
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

static const chunk *chunk_of(const ctx *c, size_t i)
{
    if (i < c->s.first || i >= c->s.last)
        return NULL;
    int32_t k = c->chunk_at[i - c->s.first];
    return k < 0 ? NULL : &c->chunks[k];
}

/* "Taliban-led", "Taliban-run", "US-controlled": the actor that governs
 * what follows; "Afghanistan-based" names a place and is left alone. */
static int16_t hyphen_ruler(const ctx *c, size_t i)
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

/* Resolves tokens [first, last) of a phrase without a possessive. */
static void resolve_part(ctx *c, size_t first, size_t last, chunk *k)
{
    aset names = {{0}, 0}, adjs = {{0}, 0}, persons = {{0}, 0};
    bool former = false, unknown_cap = false, terror = false;
    size_t name_end = first, adj_end = first;
    int head_class = 0;
    bool any_person = false, any_agent = false;
    for (size_t i = first; i < last;) {
        size_t len;
        if (G(c, i) & G_FORMER)
            former = true;
        int32_t a = actor_match(c, i, last, &len);
        if (a >= 0) {
            const alias *al = &c->d->aliases[a];
            if (al->type == ALIAS_NAME && i > first && c->d->actors[al->actor].kind != KIND_GROUP) {
                /* "Chinese Foreign Office", "Bangladesh Foreign Office": the
                 * word before owns the institution */
                if (adj_end == i) {
                    if (i + len == last)
                        head_class |= NC_AGENT;
                    adj_end = i + len;
                    i += len;
                    continue;
                }
                if ((T(c, i - 1)->flags & TOK_CAP) && !(G(c, i - 1) & (G_DET | G_HONORIFIC)) &&
                    !(T(c, i - 1)->flags & TOK_POSS) && i - 1 >= name_end && i - 1 != first) {
                    unknown_cap = true;
                    i += len;
                    continue;
                }
            }
            if (al->type == ALIAS_PERSON) {
                aset_add(&persons, (int16_t)al->actor);
                any_person = true;
                add_person(c, i, i + len, (int16_t)al->actor);
            } else if (al->type == ALIAS_ADJ) {
                aset_add(&adjs, (int16_t)al->actor);
                adj_end = i + len;
            } else {
                aset_add(&names, (int16_t)al->actor);
                name_end = i + len;
                size_t cl_len;
                /* "Pakistani military installations": the name ends in an
                 * agent noun, what follows is its asset */
                if (class_at(c, i + len - 1, i + len, &cl_len) & (NC_AGENT | NC_MEMBER))
                    any_agent = true;
            }
            i += len;
            continue;
        }
        int16_t ruler = hyphen_ruler(c, i);
        if (ruler >= 0) { /* "the Taliban-run administration" */
            aset_add(&adjs, ruler);
            adj_end = i + 1;
            i++;
            continue;
        }
        person *p = (T(c, i)->flags & TOK_CAP) ? find_person(c, T(c, i)->atom) : NULL;
        if (p && (i + 1 == last || !(T(c, i + 1)->flags & TOK_CAP))) {
            any_person = true;
            if (p->actor >= 0)
                aset_add(&persons, p->actor);
            i++;
            continue;
        }
        int cl = class_at(c, i, last, &len);
        if (cl && i + len == last)
            head_class = cl;
        if (cl & (NC_AGENT | NC_MEMBER) && (adjs.n || names.n))
            any_agent = true;
        if (cl) {
            i += len;
            continue;
        }
        if (terror_word(c, i) && adj_end == i)
            terror = true;
        if ((T(c, i)->flags & TOK_CAP) && !(G(c, i) & (G_DET | G_HONORIFIC)) && i > name_end &&
            i >= adj_end)
            unknown_cap = true;
        i++;
    }
    k->head_class = (uint8_t)head_class;
    size_t nlen;
    for (size_t i = first; i < last; i++) {
        int32_t nv = noun_at(c, i, last, &nlen);
        if (nv >= 0 && i + nlen == last) {
            k->noun = nv;
            k->noun_at = (uint32_t)i;
        }
    }
    if (any_person) {
        k->person = true;
        if (former) {
            k->how = "former official: not the actor";
            return;
        }
        k->actors = persons;
        k->role = persons.n ? ROLE_ACTOR : ROLE_NONE;
        k->how = "named person";
        return;
    }
    bool agentive = head_class & (NC_AGENT | NC_MEMBER | NC_TITLE);
    if (!agentive && any_agent && !(head_class & (NC_PLACE | NC_PEOPLE)) && k->noun < 0)
        agentive = true; /* "a Pakistani army convoy": the actor's asset */
    if (names.n && adjs.n && agentive && name_end == last) {
        aset_merge(&names, &adjs); /* "Pakistani and Taliban forces" */
        k->actors = names;
        k->role = ROLE_ACTOR;
        k->how = "joint adjective and name with agent noun";
        return;
    }
    if (names.n && adjs.n && agentive)
        aset_merge(&names, &adjs);
    if (names.n) {
        if (name_end == last) {
            k->actors = names;
            k->role = ROLE_ACTOR;
            k->how = "name";
        } else if (head_class & (NC_PLACE | NC_PEOPLE)) {
            k->actors = names;
            k->role = ROLE_PLACE;
            k->how = head_class & NC_PLACE ? "place noun: not an actor" : "people: not an actor";
        } else if (agentive) {
            k->actors = names;
            k->role = ROLE_ACTOR;
            k->how = "name with agent noun";
        } else if (k->noun >= 0) {
            k->actors = names;
            k->role = ROLE_ATTR;
            k->how = "name qualifying an act";
        } else if (!unknown_cap && names.n == 1 && c->d->actors[names.a[0]].kind == KIND_GROUP &&
                   !(T(c, last - 1)->flags & TOK_CAP) && (T(c, last - 1)->flags & TOK_WORD)) {
            k->actors = names;
            k->role = ROLE_ACTOR;
            k->how = "member of a group";
        } else {
            k->actors = names;
            k->role = ROLE_NONE;
            k->how = unknown_cap ? "part of another name" : "modifier only";
        }
        if (former && k->role == ROLE_ACTOR) {
            k->role = ROLE_NONE;
            k->how = "former: not the actor";
        }
        return;
    }
    if (adjs.n) {
        k->actors = adjs;
        if (terror) {
            k->role = ROLE_NONE;
            k->how = "militants of the country are not the state";
        } else if (former) {
            k->role = ROLE_NONE;
            k->how = "former: not the actor";
        } else if (head_class & (NC_PLACE | NC_PEOPLE)) {
            k->role = ROLE_PLACE;
            k->how = head_class & NC_PLACE ? "place noun: not an actor" : "people: not an actor";
        } else if (agentive) {
            k->role = ROLE_ACTOR;
            k->how = "adjective with agent noun";
        } else if (k->noun >= 0) {
            k->role = ROLE_ATTR;
            k->how = "adjective qualifying an act";
        } else {
            k->role = ROLE_NONE;
            k->how = "adjective without agent noun";
        }
        return;
    }
}

static aset subject_at(ctx *c, size_t v);

/* "Pakistan said it was ready", "officials said that they ...": the
 * subject pronoun of what a speaker says is the speaker. */
static bool speaker_of_clause(ctx *c, size_t i, chunk *k)
{
    size_t b = i;
    if (b > c->s.first && is_word(c, b - 1, "that"))
        b--;
    if (b == c->s.first || !(G(c, b - 1) & G_SAY) || (T(c, b - 1)->flags & TOK_CAP))
        return false;
    aset s = subject_at(c, b - 1);
    if (s.n != 1)
        return false;
    k->actors = s;
    k->role = ROLE_ACTOR;
    k->how = "pronoun: the speaker of the clause";
    return true;
}

static bool clause_break(const ctx *c, size_t i)
{
    const tok *t = T(c, i);
    if (t->punct == ';' || t->punct == ':' || t->punct == '.' || t->punct == '(' || t->punct == ')')
        return true;
    return false;
}

/* "warned Taliban rulers, saying they must": the nearest plural actor
 * phrase before, in this sentence. */
static bool plural_before(const ctx *c, size_t i, chunk *k)
{
    for (size_t j = c->n_chunks; j-- > 0;) {
        const chunk *p = &c->chunks[j];
        if (p->last > i || p->role != ROLE_ACTOR || p->pronoun || p->person)
            continue;
        const char *hk = tok_key(&c->ts, p->last - 1);
        size_t hl = strlen(hk);
        if (p->actors.n > 1 || ((p->head_class & (NC_AGENT | NC_MEMBER)) && hl > 3 && hk[hl - 1] == 's')) {
            k->actors = p->actors;
            k->role = ROLE_ACTOR;
            k->how = "pronoun: the plural actor named before in the sentence";
            return true;
        }
    }
    return false;
}

/* "it is critical to", "it was clear that", "it seems": an "it" that
 * stands for nothing. */
static bool expletive_it(const ctx *c, size_t i)
{
    size_t j = i + 1;
    if (j < c->s.last && (is_word(c, j, "seems") || is_word(c, j, "appears") ||
                          is_word(c, j, "seemed") || is_word(c, j, "appeared")))
        return true;
    if (j >= c->s.last || !(G(c, j) & G_BE))
        return false;
    for (size_t e = j + 1; e < c->s.last && e < j + 8; e++) {
        if (clause_break(c, e) || punct(c, e, ','))
            return false;
        if ((G(c, e) & G_TO) || is_word(c, e, "that"))
            return e > j + 1;
    }
    return false;
}

static void resolve_pronoun(ctx *c, chunk *k)
{
    size_t i = k->first;
    const char *w = tok_key(&c->ts, i);
    k->pronoun = true;
    if (strcmp(w, "he") == 0 || strcmp(w, "she") == 0 || strcmp(w, "him") == 0 ||
        strcmp(w, "her") == 0 || strcmp(w, "his") == 0) {
        if (c->have_person && c->last_person >= 0) {
            k->actors = aset_one(c->last_person);
            k->role = ROLE_ACTOR;
            k->how = "pronoun: the last person";
        }
        return;
    }
    if ((strcmp(w, "it") == 0 || strcmp(w, "they") == 0) && speaker_of_clause(c, i, k))
        return;
    bool plural = strcmp(w, "they") == 0 || strcmp(w, "them") == 0 || strcmp(w, "their") == 0;
    if (plural && plural_before(c, i, k))
        return;
    if (plural && c->last_plural.n) {
        k->actors = c->last_plural;
        k->role = ROLE_ACTOR;
        k->how = "pronoun: the last plural actor";
        return;
    }
    if (strcmp(w, "it") == 0 && expletive_it(c, i))
        return;
    if (strcmp(w, "it") == 0 || strcmp(w, "its") == 0) {
        /* the nearest actor phrase before, in this sentence; else the
         * last agent */
        for (size_t j = c->n_chunks; j-- > 0;) {
            const chunk *p = &c->chunks[j];
            if (p->last > i)
                continue;
            /* "its leaders": the nearest actor; "it said": the nearest
             * one outside a prepositional phrase */
            bool possessive = strcmp(w, "its") == 0;
            if (p->role == ROLE_ACTOR && !p->pronoun && p->actors.n == 1 &&
                (possessive || p->prep == ATOM_NONE)) {
                k->actors = p->actors;
                k->role = ROLE_ACTOR;
                k->how = "pronoun: the actor named before in the sentence";
                return;
            }
        }
        if (c->last_subject.n == 1) {
            k->actors = c->last_subject;
            k->role = ROLE_ACTOR;
            k->how = "pronoun: the last agent";
        }
        return;
    }
    if (strcmp(w, "we") == 0 || strcmp(w, "us") == 0 || strcmp(w, "our") == 0 ||
        strcmp(w, "i") == 0 || strcmp(w, "me") == 0 || strcmp(w, "my") == 0) {
        int32_t q = c->quote_of[i];
        if (q >= 0 && c->quotes[q].who.n) {
            k->actors = c->quotes[q].who;
            k->role = ROLE_ACTOR;
            k->how = "pronoun: the quote's speaker";
        }
    }
}

/* The first content word of tokens [first, last), skipping determiners
 * and adjectives: the short-form head ("the delegation"). */
static uint32_t short_head(const ctx *c, size_t first, size_t last)
{
    if (last - first > 3 || !(G(c, first) & G_DET))
        return ATOM_NONE;
    const char *det = tok_key(&c->ts, first);
    if (strcmp(det, "the") != 0 && strcmp(det, "this") != 0)
        return ATOM_NONE;
    uint32_t head = T(c, last - 1)->atom;
    size_t len;
    bool agent = class_at(c, last - 1, last, &len) & NC_AGENT;
    return (lex_gram(c->d, head) & G_SHORT) || agent ? head : ATOM_NONE;
}

/* The state the document names most so far, if one leads the others
 * clearly (at least two mentions, more than any other state). */
static int16_t document_state(const ctx *c)
{
    int16_t best = NONE_ACTOR;
    uint32_t top = 0, second = 0;
    for (size_t a = 0; a < c->d->n_actors; a++) {
        uint32_t n = c->state_mentions[a];
        if (n > top) {
            second = top;
            top = n;
            best = (int16_t)a;
        } else if (n > second) {
            second = n;
        }
    }
    return top >= 2 && top > second ? best : NONE_ACTOR;
}

/* "the group", "the organisation": the group named last; "the
 * delegation", "the ministry": the body named earlier with that noun. */
static void resolve_short(ctx *c, size_t first, size_t last, chunk *k)
{
    uint32_t h = short_head(c, first, last);
    if (h == ATOM_NONE)
        return;
    const char *hk = atoms_str(c->d->words, h);
    if (strcmp(hk, "group") == 0 || strcmp(hk, "organisation") == 0 ||
        strcmp(hk, "organization") == 0 || strcmp(hk, "outfit") == 0) {
        if (c->last_group >= 0) {
            k->actors = aset_one(c->last_group);
            k->role = ROLE_ACTOR;
            k->how = "short form: the group named last";
        }
        return;
    }
    if (strcmp(hk, "country") == 0)
        return; /* "the country": too vague */
    const aset *m = recall(c, h);
    if (m) {
        k->actors = *m;
        k->role = ROLE_ACTOR;
        k->how = "short form of a body named earlier";
        return;
    }
    /* "Naqvi said the government would ...": an institution named by a
     * person of an actor is that actor's */
    static const char *const own[] = {"government", "army", "military", "ministry",
                                      "administration", "authorities", "leadership"};
    bool institution = false;
    for (size_t i = 0; i < sizeof own / sizeof *own && !institution; i++)
        institution = strcmp(hk, own[i]) == 0;
    if (!institution)
        return;
    for (size_t j = c->n_chunks; j-- > 0;) {
        const chunk *p = &c->chunks[j];
        if (p->last <= first && p->person && p->role == ROLE_ACTOR && p->actors.n == 1) {
            k->actors = p->actors;
            k->role = ROLE_ACTOR;
            k->how = "institution of the person speaking";
            return;
        }
    }
    /* "a ceasefire with the government" in an article about Pakistan: the
     * document's state */
    /* not "the government of Iran", "the government in Kabul", "the
     * government formed by the Taliban" */
    size_t len_;
    bool qualified =
        last + 1 < c->s.last &&
        (is_word(c, last, "of") || is_word(c, last, "from") ||
         ((G(c, last) & G_PREP) && (actor_match(c, last + 1, c->s.last, &len_) >= 0 ||
                                    ((G(c, last + 1) & G_DET) && last + 2 < c->s.last &&
                                     actor_match(c, last + 2, c->s.last, &len_) >= 0))) ||
         (past_like(c, last) && (G(c, last + 1) & G_BY)));
    int16_t st = strcmp(hk, "government") == 0 && !qualified ? document_state(c) : NONE_ACTOR;
    if (st != NONE_ACTOR) {
        k->actors = aset_one(st);
        k->role = ROLE_ACTOR;
        k->how = "the government: the state the document is about";
    }
}

static void resolve_chunk(ctx *c, chunk *k)
{
    size_t first = k->first, last = k->last;
    if (last - first == 1 && (G(c, first) & G_PRON) && !(T(c, first)->flags & TOK_ALLCAPS &&
                                                          T(c, first)->end - T(c, first)->start > 1)) {
        resolve_pronoun(c, k);
        return;
    }
    /* a possessive splits owner and head: "Pakistan's Foreign Office" */
    size_t poss = last;
    for (size_t i = first; i < last; i++)
        if (T(c, i)->flags & TOK_POSS)
            poss = i;
    if (poss < last) {
        chunk owner = *k;
        owner.actors.n = 0;
        owner.role = ROLE_NONE;
        size_t of = first;
        if (G(c, of) & G_PRON && poss == of + 1) {
            owner.first = (uint32_t)of;
            owner.last = (uint32_t)poss;
            resolve_pronoun(c, &owner);
        } else {
            resolve_part(c, of, poss, &owner);
            if (!owner.actors.n)
                resolve_short(c, of, poss, &owner); /* "the group's presence" */
        }
        chunk head = *k;
        head.actors.n = 0;
        resolve_part(c, poss + 1, last, &head);
        k->head_class = head.head_class;
        k->noun = head.noun;
        k->noun_at = head.noun_at;
        if (head.person) {
            *k = head;
            k->first = (uint32_t)first;
            return;
        }
        if (owner.role != ROLE_ACTOR && owner.role != ROLE_POSS)
            return;
        k->poss = owner.actors;
        if (head.actors.n && head.role == ROLE_ACTOR) {
            k->actors = head.actors;
            k->role = ROLE_ACTOR;
            k->how = head.how;
        } else if (k->head_class & (NC_PLACE | NC_PEOPLE)) {
            k->actors = owner.actors;
            k->role = ROLE_PLACE;
            k->how = "possessive with place noun";
        } else if (k->head_class & (NC_AGENT | NC_TITLE | NC_MEMBER)) {
            k->actors = owner.actors;
            k->role = ROLE_ACTOR;
            k->how = "possessive with agent noun";
        } else {
            k->actors = owner.actors;
            k->role = ROLE_POSS;
            k->how = "possessor";
        }
        return;
    }
    resolve_part(c, first, last, k);
    if (!k->actors.n && !k->person && last - first >= 2 && (G(c, first) & G_PRON) &&
        ((k->head_class & (NC_AGENT | NC_MEMBER | NC_TITLE)) ||
         strcmp(tok_key(&c->ts, last - 1), "country") == 0)) {
        /* "our troops", "her government", "her country": the pronoun's actor */
        chunk p = *k;
        p.last = p.first + 1;
        resolve_pronoun(c, &p);
        if (p.actors.n) {
            k->actors = p.actors;
            k->role = ROLE_ACTOR;
            k->how = "possessive pronoun with agent noun";
            return;
        }
    }
    if (!k->actors.n && !k->person)
        resolve_short(c, first, last, k);
}

/* A place: an actor after "in", "inside", "across", ... */
static bool place_prep(const ctx *c, const chunk *k)
{
    return k->prep != ATOM_NONE && (lex_gram(c->d, k->prep) & G_LOC);
}

/* After all chunks: phrases completed by a following "of/from/for X"
 * ("officials from Pakistan", "spokesperson for Pakistan's ministry"),
 * places, and the document's memory. */
static void settle_chunks(ctx *c)
{
    for (size_t i = 0; i < c->n_chunks; i++) {
        chunk *k = &c->chunks[i];
        if ((k->role == ROLE_ACTOR || k->role == ROLE_ATTR) && place_prep(c, k) && !k->person &&
            !(k->head_class & (NC_AGENT | NC_MEMBER | NC_TITLE))) {
            k->role = ROLE_PLACE;
            k->how = "after a place preposition: a place";
        }
    }
    for (size_t i = 0; i + 1 < c->n_chunks; i++) {
        chunk *k = &c->chunks[i], *n = &c->chunks[i + 1];
        if (k->actors.n || !(k->head_class & (NC_AGENT | NC_TITLE | NC_MEMBER)) || n->prep_tok != k->last ||
            (G(c, k->first) & G_PRON))
            continue;
        const char *p = atoms_str(c->d->words, n->prep);
        /* "secretary for Afghanistan" names a portfolio, "spokesperson for
         * Pakistan's ministry" an employer */
        bool employer = strcmp(p, "for") == 0 && (n->head_class & NC_AGENT) && n->role == ROLE_ACTOR;
        if ((strcmp(p, "of") == 0 || strcmp(p, "from") == 0 || employer) &&
            (n->role == ROLE_ACTOR || n->role == ROLE_PLACE)) {
            k->actors = n->actors;
            k->role = ROLE_ACTOR;
            k->how = "agent noun of an actor";
            const chunk *n2 = i + 2 < c->n_chunks ? &c->chunks[i + 2] : NULL;
            if (n2 && n->last + 1 == n2->first && (G(c, n->last) & G_CONJ) && n2->role == ROLE_ACTOR &&
                n2->prep == ATOM_NONE && !n2->person)
                aset_merge(&k->actors, &n2->actors); /* "the ministers of China and Pakistan" */
        }
    }
    /* appositions: "NAME, spokesperson for Pakistan's ministry," and
     * "Pakistan's foreign minister, NAME," */
    for (size_t i = 0; i + 1 < c->n_chunks; i++) {
        chunk *k = &c->chunks[i], *n = &c->chunks[i + 1];
        if (n->first != k->last + 1 || !punct(c, k->last, ','))
            continue;
        chunk *title = NULL, *name = NULL;
        if (k->person && !k->actors.n && n->actors.n && n->role == ROLE_ACTOR &&
            (n->head_class & (NC_TITLE | NC_AGENT)))
            title = n, name = k;
        else if (n->person && !n->actors.n && k->actors.n && k->role == ROLE_ACTOR &&
                 (k->head_class & NC_TITLE))
            title = k, name = n;
        if (!title) {
            /* the name is not known yet: a capitalised pair before or after */
            bool k_name = (T(c, k->first)->flags & TOK_CAP) && k->last - k->first >= 2 &&
                          !k->actors.n && (T(c, k->last - 1)->flags & TOK_CAP) &&
                          !(G(c, k->first) & G_DET);
            bool n_name = (T(c, n->first)->flags & TOK_CAP) && n->last - n->first >= 2 &&
                          !n->actors.n && (T(c, n->last - 1)->flags & TOK_CAP) &&
                          !(G(c, n->first) & G_DET);
            /* the title chunk may be followed by "for X's ministry" */
            chunk *t2 = n;
            if (k_name && !(n->head_class & NC_TITLE))
                continue;
            if (k_name && !n->actors.n && i + 2 < c->n_chunks &&
                c->chunks[i + 2].prep_tok == n->last && c->chunks[i + 2].role == ROLE_ACTOR)
                t2 = &c->chunks[i + 2], n->actors = t2->actors, n->role = ROLE_ACTOR;
            if (k_name && n->actors.n && n->role == ROLE_ACTOR)
                title = n, name = k;
            else if (n_name && k->actors.n && k->role == ROLE_ACTOR && (k->head_class & NC_TITLE))
                title = k, name = n;
            if (!title)
                continue;
        }
        if (title->first > 0 && (G(c, title->first) & G_FORMER))
            continue;
        add_person(c, name->first, name->last, title->actors.a[0]);
        name->actors = title->actors;
        name->role = ROLE_ACTOR;
        name->person = true;
        name->how = "person introduced by apposition";
    }
    /* title before an unknown name: "Chinese envoy Yue Xiaoyong" */
    for (size_t i = 0; i < c->n_chunks; i++) {
        chunk *k = &c->chunks[i];
        if (k->person || k->role != ROLE_ACTOR || !(T(c, k->last - 1)->flags & TOK_CAP))
            continue;
        size_t e = k->last, b = e;
        while (b > k->first && (T(c, b - 1)->flags & TOK_CAP) && !(G(c, b - 1) & G_HONORIFIC)) {
            size_t len;
            if (class_at(c, b - 1, e, &len) || actor_match(c, b - 1, e, &len) >= 0)
                break;
            b--;
        }
        if (e - b >= 2 && b > k->first) {
            add_person(c, b, e, k->actors.a[0]);
            k->person = true;
            k->how = "person introduced by title";
        }
    }
    for (size_t i = 0; i < c->n_chunks; i++) {
        chunk *k = &c->chunks[i];
        /* "he" and "she" prefer the last person who was a subject */
        bool object_like = k->first > c->s.first &&
                           (verbish(c, k->first - 1) || (G(c, k->first - 1) & G_PREP) ||
                            verb_at(c, k->first - 1, c->s.last, &(size_t){0}) >= 0);
        if (object_like && c->person_subject && (k->person || (k->head_class & NC_TITLE)))
            ;
        else if (k->role == ROLE_ACTOR && (k->person || ((k->head_class & NC_TITLE) && !k->pronoun))) {
            c->have_person = true;
            c->last_person = k->actors.n ? k->actors.a[0] : NONE_ACTOR;
            c->person_subject |= !object_like;
        } else if (k->person) {
            c->have_person = true;
            c->last_person = NONE_ACTOR;
        }
        if (k->role == ROLE_ACTOR && !k->pronoun && k->actors.n &&
            ((k->head_class & (NC_AGENT | NC_MEMBER)) || k->actors.n > 1)) {
            const char *hk = tok_key(&c->ts, k->last - 1);
            size_t hl = strlen(hk);
            if (k->actors.n > 1 || (hl > 3 && hk[hl - 1] == 's'))
                c->last_plural = k->actors;
        }
        if (k->role == ROLE_ACTOR && !k->person && !k->pronoun && k->actors.n) {
            /* agent nouns of the phrase become its short forms: "the
             * delegation", "the mission" */
            for (size_t t = k->first; t < k->last; t++) {
                size_t cl_len;
                int cl = class_at(c, t, t + 1, &cl_len);
                if ((lex_gram(c->d, T(c, t)->atom) & G_SHORT) || (cl & NC_AGENT))
                    remember(c, T(c, t)->atom, &k->actors);
            }
            for (size_t a = 0; a < k->actors.n; a++) {
                int kind = c->d->actors[k->actors.a[a]].kind;
                if (kind == KIND_GROUP)
                    c->last_group = k->actors.a[a];
                else if (kind == KIND_STATE)
                    c->last_state = k->actors.a[a];
            }
        }
        if (k->role == ROLE_ACTOR || k->role == ROLE_ATTR || k->role == ROLE_POSS)
            for (size_t a = 0; a < k->actors.n; a++) {
                if (c->d->actors[k->actors.a[a]].kind == KIND_STATE)
                    c->state_mentions[k->actors.a[a]]++;
                dyad_graph_mention(c->g, node_for(c, k->actors.a[a]), 1);
                trace(c, DYAD_TRACE_ACTOR, k->first, k->last, k->actors.a[a], -1, NULL,
                      NULL, NULL, k->how);
            }
    }
}

/* ---------------------------------------------------------------- */
/* triples */

static bool seen_before(ctx *c, int16_t s, int16_t t, const char *lemma)
{
    for (size_t i = 0; i < c->n_seen; i++)
        if (c->seen[i].src == s && c->seen[i].dst == t && strcmp(c->seen[i].verb, lemma) == 0)
            return true;
    GROW(c->seen, c->cap_seen, c->n_seen + 1);
    c->seen[c->n_seen++] = (struct seen){s, t, lemma};
    return false;
}

static const char *sentence_text(ctx *c)
{
    if (c->sentence_text.len)
        return c->sentence_text.s;
    size_t a = T(c, c->s.first)->start, b = T(c, c->s.last - 1)->end;
    bool space = false;
    for (size_t i = a; i < b; i++) {
        char ch = c->text[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            space = true;
            continue;
        }
        if (space && c->sentence_text.len)
            sb_putc(&c->sentence_text, ' ');
        space = false;
        sb_putc(&c->sentence_text, ch);
    }
    if (!c->sentence_text.s)
        sb_puts(&c->sentence_text, "");
    return c->sentence_text.s;
}

/* Cooperation on security ("counterterrorism partnership", "partner with
 * Pakistan on security", "collaboration to strengthen counterterrorism
 * capabilities") is material cooperation (06), not diplomatic (05). */
static bool security_cooperation(const ctx *c, const char *lemma, const char *cameo, size_t at,
                                 size_t end)
{
    static const char *const acts[] = {"cooperate", "cooperate with", "cooperation",
                                       "collaborate", "collaborate with", "collaboration",
                                       "partner with", "partnership"};
    static const char *const fields[] = {"security", "counterterrorism", "counter-terrorism",
                                         "ct", "military", "intelligence", "defence", "defense",
                                         "terrorism", "militancy", "military-to-military"};
    if (strcmp(cameo, "05") != 0 && strcmp(cameo, "03") != 0)
        return false;
    bool act = false;
    for (size_t i = 0; i < sizeof acts / sizeof *acts && !act; i++)
        act = strcmp(lemma, acts[i]) == 0;
    if (!act)
        return false;
    size_t from = at > c->s.first + 4 ? at - 4 : c->s.first;
    size_t to = end + 10 < c->s.last ? end + 10 : c->s.last;
    for (size_t i = from; i < to; i++)
        for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
            if (is_word(c, i, fields[f]))
                return true;
    return false;
}

static void emit(ctx *c, const aset *src, const aset *dst, const char *lemma,
                 const char *cameo, const char *code, double gold, size_t at, size_t end,
                 rule_id rule)
{
    if (security_cooperation(c, lemma, cameo, at, end)) {
        cameo = "06", code = "062", gold = 6.0;
        via(c, R_VIA_SECURITY);
    }
    for (size_t i = 0; i < src->n; i++)
        for (size_t j = 0; j < dst->n; j++) {
            int16_t s = src->a[i], t = dst->a[j];
            if (s == t) {
                trace_rule(c, DYAD_TRACE_DROP, at, end, s, t, lemma, cameo, code, R_SELF_LOOP);
                continue;
            }
            if (seen_before(c, s, t, lemma))
                continue;
            trace_rule(c, DYAD_TRACE_TRIPLE, at, end, s, t, lemma, cameo, code, rule);
            const char *txt = sentence_text(c);
            dyad_act act = {lemma, cameo, code, gold, c->doc, c->sentence,
                            (long)T(c, c->s.first)->start, txt, strlen(txt)};
            dyad_graph_act(c->g, node_for(c, s), node_for(c, t), &act);
        }
}

static void drop(ctx *c, const aset *src, const aset *dst, const verb *v, size_t at,
                 size_t end, rule_id why)
{
    int16_t s = src && src->n ? src->a[0] : -1, t = dst && dst->n ? dst->a[0] : -1;
    trace_rule(c, DYAD_TRACE_DROP, at, end, s, t, v ? v->lemma : NULL, v ? v->cameo : NULL,
               v ? v->code : NULL, why);
}

/* ---------------------------------------------------------------- */
/* verbs: agent, target, modality */


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
static const chunk *subject_chunk(const ctx *c, size_t i)
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

/* "including", "like": the word that opens a list of examples. */
static bool list_word(const ctx *c, size_t i)
{
    return is_word(c, i, "including") || is_word(c, i, "like");
}

static aset joint(const ctx *c, const chunk *k)
{
    aset s = {{0}, 0};
    if (k->role == ROLE_ACTOR || (k->role == ROLE_ATTR && k->noun >= 0))
        s = k->actors; /* "A US drone strike killed ..." */
    /* "X and Y": conjuncts to the left, across titles and prepositions */
    size_t j = k->first;
    for (int hops = 0; hops < 6 && j > c->s.first + 1; hops++) {
        size_t p = j - 1;
        if (!s.n && punct(c, p, ','))
            break; /* "the Taliban, a former diplomat argued": no list */
        if (G(c, p) & G_CONJ || punct(c, p, ',')) {
            if ((G(c, p) & G_CONJ) && p > c->s.first + 1 && punct(c, p - 1, ','))
                p--; /* "X, Y, and Z": the serial comma */
            const chunk *l = chunk_of(c, p - 1);
            if (!l)
                break;
            if (l->role == ROLE_ACTOR && (l->prep == ATOM_NONE || l->person || list_word(c, l->prep_tok)))
                aset_merge(&s, &l->actors);
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
static bool quantity(const ctx *c, const chunk *k)
{
    static const char *const words[] = {
        "dozens", "hundreds", "thousands", "scores", "some", "many", "several",
        "number", "members", "rounds", "round", "series", "dozen", "most", "all",
        "both", "each", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "group", "wave", "spate", "batch", "team"};
    const char *h = tok_key(&c->ts, k->last - 1);
    if (T(c, k->last - 1)->flags & TOK_DIGIT)
        return true;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(h, words[i]) == 0)
            return true;
    return false;
}

/* The actors after i, as the object: "met X and Y". */
static aset object_at(const ctx *c, size_t i, const chunk **first_chunk)
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
        else if (k->poss.n && k->role != ROLE_PLACE)
            aset_merge(&s, &k->poss);
        size_t e = k->last;
        if (e + 1 < c->s.last && (G(c, e) & G_CONJ || (punct(c, e, ',') && (G(c, e + 1) & G_CONJ))))
            e += punct(c, e, ',') ? 2 : 1;
        else if (e + 1 < c->s.last && punct(c, e, ',') && chunk_of(c, e + 1) &&
                 chunk_of(c, e + 1)->role == ROLE_ACTOR && s.n &&
                 chunk_of(c, e + 1)->last < c->s.last &&
                 (punct(c, chunk_of(c, e + 1)->last, ',') || (G(c, chunk_of(c, e + 1)->last) & G_CONJ)))
            e += 1; /* "X, Y and Z" */
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
static aset listed_after(const ctx *c, size_t at)
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

static size_t aux_start(const ctx *c, size_t v, vocc *o)
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
        } else if (g & (G_HAVE | G_DO)) {
            /* "has been attacked", "did not": part of the chain */
        } else if (g & G_TO) {
            if (is_word(c, p - (p > c->s.first), "going"))
                o->future = true;
            o->infinitive = true;
        } else if (g & G_ADV || (T(c, p)->flags & TOK_WORD && strlen(tok_key(&c->ts, p)) > 4 &&
                                 strcmp(tok_key(&c->ts, p) + strlen(tok_key(&c->ts, p)) - 2, "ly") == 0)) {
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

static vocc *find_vocc(ctx *c, size_t end_before)
{
    for (size_t i = c->n_verbs; i-- > 0;)
        if (c->verbs[i].end <= end_before)
            return &c->verbs[i];
    return NULL;
}

static aset subject_of(ctx *c, vocc *o);


/* The subject of a verb-like word at token v that is not a relation verb
 * (light verbs, intent verbs). */
static aset subject_at(ctx *c, size_t v)
{
    vocc tmp = {0};
    tmp.start = (uint32_t)v;
    tmp.end = (uint32_t)v + 1;
    tmp.verb = -1;
    tmp.form = F_BASE;
    const char *k = tok_key(&c->ts, v);
    size_t n = strlen(k);
    if (n > 2 && strcmp(k + n - 2, "ed") == 0)
        tmp.form = F_PAST;
    if (n > 3 && strcmp(k + n - 3, "ing") == 0)
        tmp.form = F_ING;
    tmp.aux = (uint32_t)aux_start(c, v, &tmp);
    return subject_of(c, &tmp);
}

static aset subject_of(ctx *c, vocc *o)
{
    if (o->subject_done)
        return o->subject;
    o->subject_done = true;
    aset none = {{0}, 0};
    size_t a = o->aux;
    if (a <= c->s.first)
        return o->subject = none;
    size_t p = a - 1;
    if (o->form == F_ING && o->aux == o->start) {
        const chunk *g = chunk_of(c, p);
        if (g && g->last == a && g->role == ROLE_ACTOR && g->prep != ATOM_NONE)
            return o->subject = g->actors;
    }
    const chunk *k = subject_chunk(c, a);
    if (k && k->first > c->s.first && k->prep == ATOM_NONE && !k->person) {
        /* "refusal to stop supporting the TTP has frozen ties": the phrase
         * is the object of a gerund or infinitive, not this subject */
        size_t vl;
        size_t pv = k->first - 1;
        int32_t f = verb_at(c, pv, c->s.last, &vl);
        if (f < 0 && pv > c->s.first)
            f = verb_at(c, pv - 1, c->s.last, &vl) >= 0 && pv - 1 + vl == k->first ? 0 : -1;
        if (f >= 0) {
            const char *vk = tok_key(&c->ts, pv);
            size_t vn = strlen(vk);
            bool nonfinite = (vn > 4 && strcmp(vk + vn - 3, "ing") == 0) ||
                             (pv > c->s.first && (G(c, pv - 1) & G_TO));
            if (nonfinite)
                return o->subject = none;
        }
    }
    if (k) {
        /* infinitive after an object ("urged X to act"): X; after an
         * intent verb ("plans to seek"): that verb's subject */
        o->subject = joint(c, k);
        if (!o->subject.n && k->role == ROLE_POSS)
            o->subject = none;
        return o->subject;
    }
    if (punct(c, p, ',') && o->form == F_ING && o->aux == o->start) {
        /* "X shelters Y, providing them ...": the subject of the clause the
         * participle follows, when a relation verb ends it; else the
         * subject of the main clause */
        vocc *prev = find_vocc(c, p);
        if (prev && prev != o && !(prev->form == F_ING && prev->aux == prev->start) &&
            !(G(c, prev->start) & G_SAY)) {
            aset s = subject_of(c, prev);
            if (s.n) {
                via(c, R_VIA_PARTICIPLE);
                return o->subject = s;
            }
        }
        for (size_t i = 0; i < c->n_chunks; i++) {
            const chunk *m = &c->chunks[i];
            if (m->first >= p)
                break;
            if (m->role == ROLE_ACTOR && (m->prep == ATOM_NONE || m->person)) {
                via(c, R_VIA_PARTICIPLE);
                return o->subject = joint(c, m);
            }
            if (m->prep == ATOM_NONE && m->first > c->s.first && !punct(c, m->first - 1, ','))
                break;
        }
        return o->subject = none;
    }
    if (G(c, p) & G_CONJ ||
        (punct(c, p, ',') && p > c->s.first && G(c, p - 1) & G_CONJ)) {
        /* the nearest verb before, relation verb or not: "sees the TTP
         * as an ally and refuses", "traveled to Kabul and called on" */
        for (size_t j = p; j-- > c->s.first;) {
            if (clause_break(c, j))
                break;
            vocc *prev = find_vocc(c, j + 1);
            if (prev && prev != o && prev->end == j + 1) {
                /* "denied harbouring the TTP and accused": past the gerund */
                if (prev->form == F_ING && prev->aux == prev->start)
                    continue;
                via(c, R_VIA_COORDINATED);
                return o->subject = subject_of(c, prev);
            }
            if (verbish(c, j) || (G(c, j) & G_BE)) {
                aset s = subject_at(c, j);
                if (s.n) {
                    via(c, R_VIA_COORDINATED);
                    return o->subject = s;
                }
            }
        }
        return o->subject = none;
    }
    if (G(c, p) & G_REL) {
        size_t q = p;
        if (q > c->s.first && punct(c, q - 1, ','))
            q--;
        const chunk *ante = subject_chunk(c, q);
        if (ante) {
            via(c, R_VIA_RELATIVE);
            return o->subject = joint(c, ante);
        }
        return o->subject = none;
    }
    if (punct(c, p, ',')) {
        /* "X, with assistance from Y, is providing": skip a parenthesis */
        for (size_t j = p; j-- > c->s.first && p - j < 25;) {
            if (clause_break(c, j))
                break;
            if (punct(c, j, ',')) {
                const chunk *h = subject_chunk(c, j);
                if (h && h->actors.n) {
                    via(c, R_VIA_PARENTHESIS);
                    return o->subject = joint(c, h);
                }
                aset listed = listed_after(c, j);
                if (h && listed.n && h->role != ROLE_PLACE) {
                    /* "groups in the region, including the TTP, attacked" */
                    via(c, R_VIA_LISTED);
                    return o->subject = listed;
                }
                break;
            }
        }
    }
    if (o->infinitive || verbish(c, p)) {
        /* "plans to seek": the intent verb's subject */
        for (size_t j = p + 1; j-- > c->s.first;) {
            if (clause_break(c, j) || punct(c, j, ','))
                break;
            if (verbish(c, j) || (G(c, j) & G_BE)) {
                via(c, R_VIA_GOVERNING_VERB);
                return o->subject = subject_at(c, j);
            }
            vocc *prev = find_vocc(c, j + 1);
            if (prev && prev->end == j + 1 && prev != o) {
                via(c, R_VIA_GOVERNING_VERB);
                return o->subject = subject_of(c, prev);
            }
            if (!chunk_of(c, j) && !(G(c, j) & (G_TO | G_ADV | G_NEG)) && !readiness_word(c, j))
                break;
        }
    }
    return o->subject = none;
}

/* The verb or noun governing the "to" at i, for infinitives. */
typedef enum {
    GOV_NONE, GOV_REQUEST, GOV_INTENT, GOV_PROMISE, GOV_NEG, GOV_NOUN, GOV_SUBJECT,
    GOV_READY, /* "is ready to assist": readiness */
} gov_kind;

static gov_kind governor(ctx *c, size_t to, size_t *gov_at)
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
            return GOV_NOUN;
        }
        size_t p = j - 1;
        while (p > c->s.first && (G(c, p) & (G_ADV | G_NEG)))
            p--;
        *gov_at = p;
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
static bool denied(const ctx *c, size_t v)
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

/* Is the verb at v inside the complement of a request ("urged X to act
 * and hand over Y", "insists that the Taliban stop")? */
static bool requested(ctx *c, const vocc *o)
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
        for (size_t j = r->end; j < o->start; j++) {
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

static bool needs_met(const ctx *c, const verb *v, size_t from)
{
    if (!v->n_needs)
        return true;
    for (size_t i = from; i < c->s.last && i < from + 12; i++)
        for (size_t k = 0; k < v->n_needs; k++)
            if (T(c, i)->atom == v->needs[k])
                return true;
    return false;
}

static aset passive_agent(const ctx *c, size_t from)
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
            const chunk *k = chunk_of(c, i + 1);
            if (k && k->first == i + 1 && k->actors.n &&
                (k->role == ROLE_ACTOR || k->role == ROLE_ATTR))
                return k->actors;
            return none;
        }
    }
    return none;
}

static bool threat_follows(const ctx *c, size_t from)
{
    for (size_t i = from; i < c->s.last; i++)
        if (G(c, i) & (G_THREATW | G_MODAL_FUT))
            return true;
    return false;
}

/* "close the border" with no named side: the other state in the sentence */
static aset other_side(const ctx *c, const aset *subj)
{
    aset s = {{0}, 0};
    bool border = false;
    for (size_t i = c->s.first; i < c->s.last && !border; i++)
        border = is_word(c, i, "border") || is_word(c, i, "borders") ||
                 is_word(c, i, "crossing") || is_word(c, i, "crossings") ||
                 is_word(c, i, "frontier") || is_word(c, i, "airspace");
    if (!border)
        return s;
    for (size_t i = 0; i < c->n_chunks; i++) {
        const chunk *k = &c->chunks[i];
        if (k->role != ROLE_ACTOR && k->role != ROLE_PLACE)
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

/* The token after chunk k and the "of X" phrases that complete it. */
static size_t past_of_phrases(const ctx *c, const chunk *k)
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
static aset target_of(ctx *c, const vocc *o, const verb *v)
{
    aset t = {{0}, 0};
    const chunk *k = NULL;
    bool prep_pattern = v->n_words > 1 && (lex_gram(c->d, T(c, o->end - 1)->atom) & (G_PREP | G_TO));
    size_t at = o->end;
    const char *pk = v->split ? atoms_str(c->d->words, v->particle) : "";
    bool prep_particle = strcmp(pk, "with") == 0 || strcmp(pk, "to") == 0 ||
                         strcmp(pk, "against") == 0 || strcmp(pk, "for") == 0 ||
                         strcmp(pk, "from") == 0;
    if (v->split && T(c, o->end - 1)->atom == v->particle && o->end - o->start > v->n_words &&
        !prep_particle)
        at = o->start + 1; /* "hand them over": the object sits inside */
    aset direct = object_at(c, at, &k);
    if (v->object || prep_pattern)
        t = direct;
    if (!t.n && k && k->last + 1 < c->s.last && is_word(c, k->last, "of") &&
        quantity(c, k)) {
        const chunk *q = chunk_of(c, k->last + 1); /* "dozens of Pakistani soldiers" */
        if (q && q->first == k->last + 1 && q->role == ROLE_ACTOR && (v->object || prep_pattern))
            t = q->actors;
    }
    /* "mobilised troops against the TTP", "launched strikes on Iran" */
    int force_root = atoi(v->cameo);
    bool threat_of_act = force_root == 13 && k && k->noun >= 0; /* "threatened attacks on X" */
    if (!t.n && k && (force_root >= 15 || threat_of_act) && k->last + 1 < c->s.last &&
        (is_word(c, k->last, "against") || is_word(c, k->last, "on")))
        t = object_at(c, k->last + 1, NULL);
    /* "provide weapons to X", "hand them over to Islamabad" */
    bool pledge = !strcmp(v->cameo, "03") && !t.n; /* "pledged full support to India" */
    if (!strcmp(v->cameo, "07") || !strcmp(v->cameo, "08") || pledge) {
        /* the recipient after "to", across a list of what is given */
        for (size_t e = k ? k->last : o->end; e < c->s.last && e < o->end + 14; e++) {
            if (clause_break(c, e) || (G(c, e) & (G_SUB | G_REL) && !(G(c, e) & G_PREP)))
                break;
            if (pledge && e == o->end)
                continue; /* "pledged to V": an infinitive, not a recipient */
            if (G(c, e) & G_TO || is_word(c, e, "for")) {
                aset r = object_at(c, e + 1, NULL);
                if (r.n)
                    t = r;
                break;
            }
        }
    }
    /* "deepen relations with X", "signed an agreement with X": the
     * partner of a cooperative act */
    int pr = atoi(v->cameo);
    size_t kw = k ? past_of_phrases(c, k) : 0; /* "the agenda of the meeting with X" */
    if (!t.n && k && ((pr >= 3 && pr <= 8) || pr == 16) && kw + 1 < c->s.last &&
        is_word(c, kw, "with")) {
        t = object_at(c, kw + 1, NULL);
        if (t.n)
            via(c, R_VIA_PARTNER);
    }
    /* "blamed the attacks, which ..., on the TTP" */
    if (!t.n && k && blame_on(v)) {
        t = blamed_on(c, k->last);
        if (t.n)
            via(c, R_VIA_BLAMED_ON);
    }
    /* "rejected allegations by Pakistan", "condemned the attack by the
     * TTP": the agent of the evaluated act is the target; so is the actor
     * qualifying it ("condemned Pakistani airstrikes") */
    int root = atoi(v->cameo);
    if (!t.n && k && k->first == o->end && k->role == ROLE_ATTR && (root == 5 || (root >= 10 && root <= 12)))
        t = k->actors;
    if (!t.n && k && (root == 5 || (root >= 10 && root <= 12)) && k->last + 1 < c->s.last &&
        (is_word(c, k->last, "by") || is_word(c, k->last, "from")))
        t = object_at(c, k->last + 1, NULL);
    /* "renewed its demand for the Taliban to ...", "called for X's help" */
    if (!t.n && (root == 2 || root == 10)) {
        size_t fa = k && k->first == o->end ? k->last : o->end;
        if (fa + 1 < c->s.last && is_word(c, fa, "for")) {
            const chunk *f = chunk_of(c, fa + 1);
            if (f && f->first == fa + 1)
                t = f->role == ROLE_POSS ? f->poss : (f->role == ROLE_ACTOR ? f->actors : t);
        }
    }
    /* "insists that the Taliban stop": the clause's subject */
    if (!t.n && v->mode == MODE_REQUEST) {
        size_t ca = o->end;
        if (ca < c->s.last && is_word(c, ca, "that"))
            ca++;
        const chunk *s = chunk_of(c, ca);
        if (s && s->first == ca && (s->role == ROLE_ACTOR || s->role == ROLE_ATTR))
            t = s->actors;
    }
    return t;
}

/* promise mode: "pledged to support X": the complement's object */
static aset complement_target(ctx *c, const vocc *o)
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
                /* "pledged to deepen cooperation with Islamabad" */
                if (!t.n && k && k->last + 1 < c->s.last &&
                    (is_word(c, k->last, "with") || is_word(c, k->last, "to")))
                    t = object_at(c, k->last + 1, NULL);
                return t;
            }
        }
    }
    return none;
}

/* A capitalised name standing where an actor would, in no dictionary:
 * what `dyad extract --suggest` lists. */
static void report_unknown(ctx *c, const chunk *k)
{
    if (!k || k->actors.n || k->person || k->pronoun || !c->opts || !c->opts->trace)
        return;
    size_t b = k->first, e = k->last;
    while (b < e && (G(c, b) & G_DET))
        b++;
    if (e - b < 1 || e - b > 6)
        return;
    for (size_t i = b; i < e; i++) {
        bool small = (G(c, i) & (G_PREP | G_CONJ)) && i > b && i + 1 < e;
        if (!(T(c, i)->flags & TOK_CAP) && !small)
            return;
    }
    if (b == c->s.first && e - b == 1)
        return; /* a lone capital at the start of a sentence */
    trace(c, DYAD_TRACE_UNKNOWN, b, e, -1, -1, NULL, NULL, NULL, "unknown name");
}

/* "X said Y would seek ...": "would" reports a future, not a hypothesis,
 * after a saying verb and without any condition in the sentence. */
static bool reported_future(const ctx *c, size_t aux, size_t v)
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

/* "about potentially violating": a gerund at i, after adverbs. */
static bool gerund_follows(const ctx *c, size_t i)
{
    while (i < c->s.last && ((G(c, i) & G_ADV) || ly_adverb(c, i)))
        i++;
    if (i >= c->s.last || !(T(c, i)->flags & TOK_WORD) || (T(c, i)->flags & TOK_CAP))
        return false;
    const char *k = tok_key(&c->ts, i);
    size_t n = strlen(k);
    return n > 4 && strcmp(k + n - 3, "ing") == 0;
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
        for (size_t j = 0; j < a->n; j++)
            for (size_t w = 0; w < warner->n; w++)
                if (a->a[j] == warner->a[w])
                    return none;
        return *a;
    }
    return none;
}

/* A conditional or a warning around a verb: its force is a threat. */
static bool threat_frame(const ctx *c, const vocc *o)
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
static bool inverted_condition(const ctx *c, const vocc *o)
{
    size_t j = o->aux;
    while (j > c->s.first && !clause_break(c, j - 1) && !punct(c, j - 1, ','))
        j--;
    return j < o->aux && (T(c, j)->flags & TOK_CAP || j > c->s.first) &&
           (is_word(c, j, "had") || is_word(c, j, "were") || is_word(c, j, "should")) &&
           j + 1 < o->aux && chunk_of(c, j + 1);
}

static void read_verb(ctx *c, vocc *o)
{
    const verb *v = &c->d->verbs[o->verb];
    trace(c, DYAD_TRACE_VERB, o->start, o->end, -1, -1, v->lemma, v->cameo, v->code, NULL);
    c->n_via = 0;
    aset subj = subject_of(c, o), obj = {{0}, 0};
    rule_id rule = R_AGENT_OBJECT;
    if (o->passive) {
        obj = subj;
        if (!obj.n) {
            const chunk *sk = subject_chunk(c, o->aux);
            if (sk && sk->role == ROLE_POSS)
                obj = sk->poss; /* "Pakistan's demands were rejected by X" */
        }
        subj = passive_agent(c, o->end);
        rule = R_PASSIVE_BY;
        if (!subj.n) {
            /* "X has been told that ... Y will target": handled by caller */
            drop(c, NULL, &obj, v, o->start, o->end, R_PASSIVE_NO_AGENT);
            return;
        }
    } else {
        obj = target_of(c, o, v);
    }
    if (!needs_met(c, v, o->end)) {
        drop(c, &subj, &obj, v, o->start, o->end, R_MISSING_WORD);
        return;
    }
    if (strcmp(v->lemma, "call") == 0) {
        const chunk *sk = subject_chunk(c, o->aux);
        if (sk && sk->first > c->s.first &&
            ((G(c, sk->first - 1) & G_REL) || is_word(c, sk->first - 1, "what"))) {
            drop(c, &subj, &obj, v, o->start, o->end, R_NAMING);
            return; /* "the TTP, which Islamabad calls Fitna al-Khawarij" */
        }
    }
    if (subj.n)
        c->last_subject = subj;
    if (v->mode == MODE_ACCUSE && !o->passive) {
        /* "accused X of harbouring Y": X is the agent of the gerund, even
         * when the accuser is no actor */
        for (size_t i = 0; i < c->n_verbs; i++) {
            vocc *g = &c->verbs[i];
            if (g->start > o->end && g->form == F_ING && g->start > 0 &&
                (is_word(c, g->start - 1, "of") || is_word(c, g->start - 1, "for"))) {
                g->subject = obj;
                g->subject_done = true;
                break;
            }
        }
    }
    const char *cameo = v->cameo, *code = v->code, *lemma = v->lemma;
    double gold = v->goldstein;
    size_t refusal = SIZE_MAX; /* "refused to stop V-ing": the refusing word */
    if (o->form == F_ING && o->start > c->s.first && (G(c, o->start - 1) & G_STOP)) {
        for (size_t j = o->start - 1; j-- > c->s.first && o->start - j < 6;)
            if (G(c, j) & G_NEGV) {
                refusal = j;
                break;
            }
        if (refusal != SIZE_MAX) {
            const chunk *rk = chunk_of(c, refusal);
            aset who = rk && rk->poss.n ? rk->poss : subject_at(c, refusal);
            if (who.n)
                subj = who;
        }
    }
    if (v->mode == MODE_PROMISE && !obj.n)
        obj = complement_target(c, o);
    if (v->mode == MODE_WARN) {
        size_t e = o->end;
        const chunk *k = e < c->s.last ? chunk_of(c, e) : NULL;
        if (k && k->first == e)
            e = k->last;
        /* 13 when the warning threatens: "warned X not to", "against",
         * "of consequences", "that Pakistan will respond"; else 01 */
        bool warn = !strcmp(v->cameo, "13");
        bool threat = e < c->s.last &&
                      ((is_word(c, e, "not") || is_word(c, e, "against") || is_word(c, e, "of")) ||
                       (warn && (is_word(c, e, "about") || is_word(c, e, "over")) &&
                        gerund_follows(c, e + 1)) ||
                       (is_word(c, e, "that") && threat_follows(c, e)) ||
                       ((G(c, e) & G_TO) && threat_follows(c, e)));
        if (threat && warn && !obj.n && !o->passive) {
            /* "warned that any Indian attempt ... would be an act of war":
             * the actor the warning is about */
            obj = warned_about(c, o->end, &subj);
            if (obj.n)
                via(c, R_VIA_WARNED_ABOUT);
        }
        if (!threat) {
            cameo = "01";
            code = "010";
            gold = 0.0;
            rule = R_WARNING_NO_THREAT;
        }
    }
    if (!subj.n) {
        report_unknown(c, subject_chunk(c, o->aux));
        drop(c, NULL, &obj, v, o->start, o->end, R_NO_AGENT);
        return;
    }
    for (size_t j = o->aux; j-- > c->s.first && !o->negated;) {
        if (clause_break(c, j) || punct(c, j, ','))
            break;
        if (is_word(c, j, "neither"))
            o->negated = true; /* "Neither China nor Russia has blamed" */
    }
    if (o->negated || denied(c, o->aux)) {
        drop(c, &subj, &obj, v, o->start, o->end, o->negated ? R_NEGATED : R_DENIED);
        return;
    }
    int vroot = atoi(v->cameo);
    if (o->hyp && reported_future(c, o->aux, o->start)) {
        o->hyp = false; /* "said the government would seek" */
        o->future = true;
    }
    if (o->hyp && vroot >= 15 && vroot <= 20 && threat_frame(c, o)) {
        /* "Islamabad would strike TTP hideouts if the attacks did not
         * stop", "warned that Pakistan would go after the TTP" */
        o->hyp = false;
        o->future = true;
    }
    if (o->hyp) {
        drop(c, &subj, &obj, v, o->start, o->end, R_HYPOTHETICAL);
        return;
    }
    if (inverted_condition(c, o)) {
        drop(c, &subj, &obj, v, o->start, o->end, R_INVERTED_CONDITION);
        return;
    }
    for (size_t j = o->aux; j-- > c->s.first;) {
        if (clause_break(c, j) || punct(c, j, ','))
            break;
        if (G(c, j) & G_COND) {
            drop(c, &subj, &obj, v, o->start, o->end, R_CONDITIONAL);
            return;
        }
    }
    if (o->infinitive) {
        size_t to = o->aux;
        while (to < o->start && !(G(c, to) & G_TO))
            to++;
        size_t gat = 0;
        gov_kind gk = governor(c, to, &gat);
        if (gk == GOV_REQUEST || (gk != GOV_NEG && requested(c, o))) {
            drop(c, &subj, &obj, v, o->start, o->end, R_REQUESTED);
            return;
        }
        if (gk == GOV_NEG) {
            bool suppress = G(c, o->start) & G_SUPPRESS;
            if (suppress && obj.n) {
                aset s2 = subject_at(c, gat);
                if (!s2.n)
                    s2 = subj;
                emit(c, &s2, &obj, "shelter", "07", "070", 7.0, o->start, o->end,
                     R_REFUSE_TO_ACT_AGAINST);
                return;
            }
            drop(c, &subj, &obj, v, o->start, o->end, R_REFUSED);
            return;
        }
        if (gk == GOV_PROMISE) {
            drop(c, &subj, &obj, v, o->start, o->end, R_PLEDGED_COMPLEMENT);
            return;
        }
        if (gk == GOV_NOUN || gk == GOV_NONE) {
            drop(c, &subj, &obj, v, o->start, o->end, R_INFINITIVE);
            return;
        }
        if (gk == GOV_READY) {
            /* readiness to cooperate is intent (03); to do anything else,
             * a disposition */
            if (vroot < 3 || vroot > 8) {
                drop(c, &subj, &obj, v, o->start, o->end, R_DISPOSITION);
                return;
            }
            cameo = "03", code = "030", gold = 4.0;
        }
        rule = gk == GOV_SUBJECT ? R_PLANNED_HEADLINE : gk == GOV_READY ? R_READY : R_PLANNED;
    } else if (requested(c, o)) {
        drop(c, &subj, &obj, v, o->start, o->end, R_REQUESTED);
        return;
    }
    if (o->form == F_ING && o->start > c->s.first && (G(c, o->start - 1) & G_STOP)) {
        /* "stop supporting": asserted only when the stopping is refused */
        if (refusal == SIZE_MAX) {
            drop(c, &subj, &obj, v, o->start, o->end, R_STOPPED);
            return;
        }
        rule = R_REFUSED_TO_STOP;
    }
    if (o->future && atoi(cameo) >= 15 && atoi(cameo) <= 20) {
        cameo = "13";
        code = "138";
        gold = -7.0;
        lemma = "threaten";
        rule = R_FUTURE_FORCE;
    }
    if (!obj.n && !strcmp(v->cameo, "16") && needs_met(c, v, o->end))
        obj = other_side(c, &subj);
    bool cooperative = atoi(cameo) >= 3 && atoi(cameo) <= 6;
    if (!obj.n && subj.n > 1 &&
        (v->reciprocal || cooperative || (o->end < c->s.last && G(c, o->end) & G_RECIP))) {
        for (size_t i = 0; i < subj.n; i++) {
            aset one = aset_one(subj.a[i]);
            emit(c, &one, &subj, lemma, cameo, code, gold, o->start, o->end, R_RECIPROCAL);
        }
        return;
    }
    if (!obj.n && !o->passive && v->object) {
        /* "the TTP, which Pakistan blames for ...": the antecedent */
        const chunk *sk = subject_chunk(c, o->aux);
        if (sk && sk->first > c->s.first + 1 && (G(c, sk->first - 1) & G_REL) &&
            !is_word(c, sk->first - 1, "who")) {
            size_t r = sk->first - 1;
            if (punct(c, r - 1, ','))
                r--;
            const chunk *ante = chunk_of(c, r - 1);
            if (ante && ante->last == r && ante->role == ROLE_ACTOR) {
                obj = ante->actors;
                rule = R_OBJECT_RELATIVE;
            }
        }
    }
    if (!obj.n && vroot == 12 && !o->passive) {
        /* "Pakistan blamed India for the attack, a charge New Delhi
         * rejected": the one who charged is the target */
        const chunk *sk = subject_chunk(c, o->aux);
        const chunk *ch = sk && sk->first > c->s.first ? chunk_of(c, sk->first - 1) : NULL;
        static const char *const charges[] = {"charge", "claim", "accusation", "allegation",
                                              "assertion", "charges", "claims", "accusations",
                                              "allegations"};
        bool charge = false;
        for (size_t q = 0; ch && q < sizeof charges / sizeof *charges && !charge; q++)
            charge = is_word(c, ch->last - 1, charges[q]);
        /* or inside the subject's own phrase: "a charge New Delhi" */
        for (size_t t = sk ? sk->first : 0; sk && !charge && t + 1 < sk->last; t++)
            for (size_t q = 0; q < sizeof charges / sizeof *charges && !charge; q++)
                if (is_word(c, t, charges[q]))
                    charge = true, ch = sk;
        if (charge && ch->first > c->s.first && punct(c, ch->first - 1, ',')) {
            for (size_t q = 0; q < c->n_chunks; q++) {
                const chunk *m = &c->chunks[q];
                if (m->first >= ch->first)
                    break;
                if (m->role == ROLE_ACTOR && m->prep == ATOM_NONE) {
                    obj = joint(c, m);
                    rule = R_REJECTING_CHARGE;
                    break;
                }
            }
        }
    }
    if (!obj.n) {
        size_t at = o->end;
        while (at < c->s.last && (G(c, at) & G_ADV))
            at++;
        report_unknown(c, chunk_of(c, at));
        drop(c, &subj, NULL, v, o->start, o->end, R_NO_TARGET);
        return;
    }
    emit(c, &subj, &obj, lemma, cameo, code, gold, o->start, o->end, rule);
    /* fighting runs both ways ("exchanged fire with X"); with a named
     * partner, cooperation has one agent ("deepen relations with X") */
    if (v->reciprocal && atoi(cameo) >= 18)
        emit(c, &obj, &subj, lemma, cameo, code, gold, o->start, o->end, R_RECIPROCAL);

}

/* Why the verb-like word at v does not assert its act (R_NONE: it does):
 * for light verbs carrying a nominal act ("reluctant to make concessions"). */
static rule_id not_asserted(ctx *c, size_t v)
{
    vocc o = {0};
    o.start = (uint32_t)v;
    o.end = (uint32_t)v + 1;
    o.verb = -1;
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

/* ---------------------------------------------------------------- */
/* nominalised acts */


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

static void read_noun(ctx *c, const chunk *k)
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

/* ---------------------------------------------------------------- */
/* quotes and their speakers */

static void find_speakers(ctx *c)
{
    size_t n = c->ts.n;
    size_t open = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const tok *t = &c->ts.t[i];
        if (t->flags & TOK_OPENQ && open == SIZE_MAX) {
            open = i;
            continue;
        }
        if (!(t->flags & TOK_CLOSEQ) || open == SIZE_MAX)
            continue;
        if (i - open > 2000) { /* an unclosed quote: forget it */
            open = SIZE_MAX;
            continue;
        }
        struct quote q = {open, i, SIZE_MAX, 0, {{0}, 0}, false};
        /* after: ", she said" / ", said Jilani" */
        size_t j = i + 1;
        if (j < n && c->ts.t[j].punct == ',')
            j++;
        for (size_t k = j; k < n && k < j + 8; k++) {
            /* "said", not the "State" of "State Department" */
            if ((lex_gram(c->d, c->ts.t[k].atom) & G_SAY) && !(c->ts.t[k].flags & TOK_CAP)) {
                if (k > j) {
                    q.sp_first = j;
                    q.sp_last = k;
                } else {
                    q.sp_first = k + 1;
                    q.sp_last = k + 1;
                    while (q.sp_last < n && q.sp_last < k + 6 &&
                           (c->ts.t[q.sp_last].flags & TOK_WORD))
                        q.sp_last++;
                }
                break;
            }
            if (c->ts.t[k].flags & TOK_PUNCT)
                break;
        }
        /* before: "X said: “" or "X insisted that “" */
        if (q.sp_first == SIZE_MAX) {
            size_t k = open;
            while (k > 0 && (c->ts.t[k - 1].punct == ':' || c->ts.t[k - 1].punct == ',' ||
                             strcmp(tok_key(&c->ts, k - 1), "that") == 0))
                k--;
            /* "told reporters:", "told a news conference:" */
            for (size_t back = 1; back <= 4 && k > back + 1; back++) {
                const tok *w = &c->ts.t[k - back - 1];
                if ((lex_gram(c->d, w->atom) & G_SAY) && !(w->flags & TOK_CAP)) {
                    bool plain = true;
                    for (size_t b = k - back; b < k; b++)
                        plain &= (c->ts.t[b].flags & TOK_WORD) && !(c->ts.t[b].flags & TOK_CAP);
                    if (plain)
                        k -= back;
                    break;
                }
            }
            if (k > 0 && (lex_gram(c->d, c->ts.t[k - 1].atom) & G_SAY)) {
                size_t e = k - 1, b = e;
                while (b > 0 && e - b < 6 && (c->ts.t[b - 1].flags & TOK_WORD))
                    b--;
                q.sp_first = b;
                q.sp_last = e;
            }
        }
        if (q.sp_first == SIZE_MAX && c->n_quotes &&
            open - c->quotes[c->n_quotes - 1].close < 16 &&
            c->quotes[c->n_quotes - 1].sp_first != SIZE_MAX) {
            q.sp_first = c->quotes[c->n_quotes - 1].sp_first;
            q.sp_last = c->quotes[c->n_quotes - 1].sp_last;
        }
        GROW(c->quotes, c->cap_quotes, c->n_quotes + 1);
        for (size_t k = open; k <= i; k++)
            c->quote_of[k] = (int32_t)c->n_quotes;
        c->quotes[c->n_quotes++] = q;
        open = SIZE_MAX;
    }
}

/* Resolves the speaker of quote q with the context as it is now, the
 * first time the quote is read. */
static void resolve_speaker(ctx *c, struct quote *q)
{
    q->resolved = true;
    if (q->sp_first == SIZE_MAX || q->sp_last <= q->sp_first)
        return;
    span saved = c->s;
    int32_t *saved_at = c->chunk_at;
    int32_t tmp[16];
    for (size_t i = 0; i < 16; i++)
        tmp[i] = -1;
    size_t last = q->sp_last - q->sp_first > 16 ? q->sp_first + 16 : q->sp_last;
    c->s = (span){(uint32_t)q->sp_first, (uint32_t)last};
    c->chunk_at = tmp;
    chunk k;
    memset(&k, 0, sizeof k);
    k.first = (uint32_t)q->sp_first;
    k.last = (uint32_t)last;
    k.noun = -1;
    k.prep = ATOM_NONE;
    while (k.first < k.last && (G(c, k.first) & G_DET) && k.last - k.first > 1 &&
           !(G(c, k.first) & G_PRON))
        k.first++;
    if (G(c, k.first) & G_DET && k.first > q->sp_first)
        k.first--;
    resolve_chunk(c, &k);
    c->s = saved;
    c->chunk_at = saved_at;
    if (k.role == ROLE_ACTOR)
        q->who = k.actors;
}

/* ---------------------------------------------------------------- */
/* sentences */

static rule_id not_asserted(ctx *c, size_t v);

/* "The TTP claimed responsibility for a bombing that killed a Taliban
 * minister", "ISKP claimed the attack on ...": the claimant did it. */
static void claimed_acts(ctx *c)
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
static void told_threat(ctx *c)
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

/* "how", "what", "why": an indirect question opens here. */
static bool wh_word(const ctx *c, size_t i)
{
    return is_word(c, i, "how") || is_word(c, i, "what") || is_word(c, i, "why") ||
           is_word(c, i, "whether") || is_word(c, i, "when") || is_word(c, i, "where");
}

/* "adamant", "insisted": saying that demands. */
static bool insisting(const ctx *c, size_t i)
{
    return is_word(c, i, "adamant") || is_word(c, i, "insist") || is_word(c, i, "insists") ||
           is_word(c, i, "insisted") || is_word(c, i, "insisting");
}

/* The speaker of what token i says: the quote's speaker, or the subject of
 * a saying verb of the sentence ("Li Jian stated that ...", "..., he
 * said").  None if the sentence reports nobody. */
static aset speaker_at(ctx *c, size_t i)
{
    aset none = {{0}, 0};
    int32_t q = c->quote_of[i];
    if (q >= 0 && c->quotes[q].who.n)
        return c->quotes[q].who;
    for (size_t j = c->s.first; j < c->s.last; j++) {
        if (j == i || !((G(c, j) & G_SAY) || insisting(c, j)) || (T(c, j)->flags & TOK_CAP))
            continue;
        aset who = subject_at(c, j);
        if (who.n)
            return who;
    }
    return none;
}

/* "Pakistan should take solid measures", said by China: an appeal (02);
 * "they must engage" or "adamant that X should": a demand (10).  The
 * speaker of a sentence or quote prescribing what an actor does addresses
 * that actor. */
static void prescribed_acts(ctx *c)
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

static void read_sentence(ctx *c)
{
    size_t n = c->s.last - c->s.first;
    c->n_chunks = 0;
    c->n_verbs = 0;
    c->n_seen = 0;
    c->person_subject = false;
    c->sentence_text.len = 0;
    c->chunk_at = xrealloc(c->chunk_at, n * sizeof *c->chunk_at);
    for (size_t i = 0; i < n; i++)
        c->chunk_at[i] = -1;
    trace(c, DYAD_TRACE_SENTENCE, c->s.first, c->s.last, -1, -1, NULL, NULL, NULL, NULL);
    c->headline = title_case(c);
    /* speakers of quotes that open or continue here */
    for (size_t i = c->s.first; i < c->s.last; i++) {
        int32_t q = c->quote_of[i];
        if (q >= 0 && !c->quotes[q].resolved)
            resolve_speaker(c, &c->quotes[q]);
    }
    build_chunks(c);
    settle_chunks(c);
    for (size_t i = c->s.first; i < c->s.last;) {
        size_t len;
        const chunk *k = chunk_of(c, i);
        if (k && k->first == i && (k->last - k->first > 1 || !(T(c, i)->flags & TOK_CAP) ||
                                   actor_match(c, i, c->s.last, &len) >= 0)) {
            i = k->last;
            continue;
        }
        int32_t f = verb_here(c, i, &len);
        if (f < 0) {
            i++;
            continue;
        }
        if (!needs_met(c, &c->d->verbs[c->d->forms[f].verb], i + len)) {
            /* "held talks" is no "hold" (detain): it stays a light verb */
            i += len;
            continue;
        }
        GROW(c->verbs, c->cap_verbs, c->n_verbs + 1);
        vocc *o = &c->verbs[c->n_verbs++];
        memset(o, 0, sizeof *o);
        o->start = (uint32_t)i;
        o->end = (uint32_t)(i + len);
        o->verb = (int32_t)c->d->forms[f].verb;
        o->form = c->d->forms[f].form;
        o->aux = (uint32_t)aux_start(c, i, o);
        i += len;
    }
    for (size_t i = 0; i < c->n_verbs; i++)
        read_verb(c, &c->verbs[i]);
    told_threat(c);
    prescribed_acts(c);
    claimed_acts(c);
    for (size_t i = 0; i < c->n_chunks; i++) {
        const chunk *k = &c->chunks[i];
        if (k->noun < 0)
            continue;
        bool inside = false; /* "pledged support to": the verb's own word */
        for (size_t j = 0; j < c->n_verbs && !inside; j++)
            inside = k->noun_at >= c->verbs[j].start && k->noun_at < c->verbs[j].end;
        if (!inside)
            read_noun(c, k);
    }
}

/* Finds "NAME (ACR)" where NAME is an actor's name and ACR a word in
 * capitals that no dictionary knows: ACR names that actor in the whole
 * document, before its definition too (a headline's "NSC warns ..."). */
static void learn_acronyms(ctx *c, const span *sents, size_t n)
{
    for (size_t si = 0; si < n; si++)
        for (size_t i = sents[si].first; i + 3 < sents[si].last; i++) {
            int32_t a = -1;
            size_t len = lex_match(c->d, &c->d->actor_trie, &c->ts, i, sents[si].last, &a);
            if (!len || c->d->aliases[a].type != ALIAS_NAME || i + len + 2 >= sents[si].last)
                continue;
            size_t o = i + len, w = o + 1;
            int32_t other;
            if (!punct(c, o, '(') || !punct(c, w + 1, ')') || !(T(c, w)->flags & TOK_ALLCAPS) ||
                T(c, w)->end - T(c, w)->start < 2 ||
                lex_match(c->d, &c->d->actor_trie, &c->ts, w, w + 1, &other))
                continue;
            GROW(c->acronyms, c->cap_acronyms, c->n_acronyms + 1);
            c->acronyms[c->n_acronyms++] = (struct acronym){T(c, w)->atom, a};
            i = w + 1;
        }
}

dyad_status dyad_extract(const dyad_dict *d, const char *doc, const char *text,
                         size_t len, dyad_graph *g, const dyad_extract_opts *opts,
                         dyad_error *err)
{
    size_t bad;
    if (!text_valid_utf8(text, len, &bad)) {
        int line, col;
        text_line_col(text, bad, &line, &col);
        return dyad_fail(err, DYAD_ERR_PARSE, doc, line, col, "invalid UTF-8 (byte 0x%02X)",
                         (unsigned char)text[bad]);
    }
    if (len > UINT32_MAX / 2)
        return dyad_fail(err, DYAD_ERR_INVALID, doc, 0, 0, "document larger than 2 GB");
    ctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.text = text;
    c.doc = doc;
    c.g = g;
    c.opts = opts;
    c.last_person = c.last_group = c.last_state = NONE_ACTOR;
    text_tokenize(text, len, &c.ts);
    /* words outside the dictionary get atoms of their own, above the
     * dictionary's, so that names met in this document can be kept */
    c.local = atoms_new();
    uint32_t base = (uint32_t)atoms_count(d->words);
    for (size_t i = 0; i < c.ts.n; i++) {
        const char *k = tok_key(&c.ts, i);
        uint32_t a = atoms_find(d->words, k, strlen(k));
        c.ts.t[i].atom = a != ATOM_NONE ? a : base + atoms_intern(c.local, k, strlen(k));
    }
    c.state_mentions = xcalloc(d->n_actors + 1, sizeof *c.state_mentions);
    c.node_of = xmalloc((d->n_actors + 1) * sizeof *c.node_of);
    for (size_t i = 0; i < d->n_actors; i++)
        c.node_of[i] = SIZE_MAX;
    c.quote_of = xmalloc((c.ts.n + 1) * sizeof *c.quote_of);
    for (size_t i = 0; i <= c.ts.n; i++)
        c.quote_of[i] = -1;
    find_speakers(&c);
    span *sents = NULL;
    size_t n = text_sentences(text, &c.ts, &sents, MAX_SENTENCE);
    c.mm = xcalloc(c.ts.n + 1, sizeof *c.mm);
    c.sent_end = xmalloc((c.ts.n + 1) * sizeof *c.sent_end);
    for (size_t i = 0; i < n; i++)
        for (size_t t = sents[i].first; t < sents[i].last; t++)
            c.sent_end[t] = sents[i].last;
    learn_acronyms(&c, sents, n);
    for (size_t i = 0; i < n; i++) {
        c.sentence = (long)i + 1;
        c.s = sents[i];
        read_sentence(&c);
        }
    dyad_graph_count(g, 1, (long)n);
    free(sents);
    free(c.node_of);
    free(c.state_mentions);
    free(c.acronyms);
    free(c.quote_of);
    free(c.mm);
    free(c.sent_end);
    free(c.quotes);
    atoms_free(c.local);
    free(c.chunks);
    free(c.chunk_at);
    free(c.verbs);
    free(c.persons);
    free(c.memos);
    free(c.seen);
    sb_free(&c.sentence_text);
    sb_free(&c.path);
    tokens_free(&c.ts);
    return DYAD_OK;
}
