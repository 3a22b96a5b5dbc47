/* The extractor's internals: the types its stages share and the functions
 * one stage calls in another.  Stages, one file each:
 *   lookup.c    dictionary matches and word classes
 *   chunk.c     noun phrases; verb or noun readings of verb forms
 *   resolve.c   what each noun phrase names
 *   memory.c    persons and short forms of the document
 *   quote.c     quotes and speakers
 *   clause.c    subjects at a distance, objects and lists
 *   modality.c  asserted, requested, negated, hypothetical, planned
 *   rules_verb.c, rules_noun.c, rules_sentence.c  the rules that make triples
 *   rules_frame.c  a verb's arguments outside its own slots (reduced
 *               passives, goods of a state, addressees, partners)
 *   open.c      open actors (--open-actors)
 *   emit.c      the one place that adds to the graph and the trace
 *   rules.c     the rule registry (rules.def)
 *   extract.c   the driver: documents, sentences, stages in order */
#ifndef DYAD_EXTRACT_INTERNAL_H
#define DYAD_EXTRACT_INTERNAL_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    bool poss_pronoun;    /* poss came from "its", "their": the owner, never an object */
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
    bool of_person; /* a person's title: "spokesperson" of "spokesperson Wang" */
} memo;

/* A relation verb found in the sentence. */
typedef struct vocc {
    uint32_t start, end; /* pattern tokens */
    uint32_t aux;        /* first token of the auxiliary chain */
    int32_t verb;        /* index in d->verbs, or -1 for grammar verbs */
    uint8_t form;
    bool pp_too; /* the form is also the past participle ("hit") */
    bool passive, negated, hyp, future, infinitive;
    aset subject;
    bool subject_done;
    rule_id subject_via; /* the route that found the subject at a distance, or R_NONE */
    rule_id verdict;     /* the rule that dropped it, or R_NONE */
    bool planned;        /* its act is planned, not done: "is working to broker a deal" */
} vocc;

/* The state of one extraction, in three parts: what is fixed for the
 * document, what the document teaches as it is read (persons, short forms,
 * the last actors named: the "memory"), and what belongs to the sentence
 * being read.  Everything is freed at the end of the document. */
typedef struct ctx {
    /* ---- document constants ---- */
    const dyad_dict *d;
    const char *text;
    const char *doc;
    tokens ts;
    dyad_graph *g;
    const dyad_extract_opts *opts;
    uint32_t date;       /* the document's date as YYYYMMDD; 0: undated */
    size_t *node_of;     /* actor -> graph node, or SIZE_MAX */
    atoms *local;        /* words of this document outside the dictionary */
    uint32_t *sent_end;  /* by token: the end of its sentence */
    /* the longest matches at each token of the sentence being read (mm[0]
     * is token s.first), up to its end: every rule asks again and again.
     * Sentence-sized, not document-sized: a 100 MB one-line document kept
     * 28 bytes a token here for nothing once its sentence was read. */
    struct memo_match {
        int32_t v[4];
        uint16_t len[4];
        uint8_t done;
    } *mm;
    size_t mm_first, mm_n; /* the tokens mm holds: mm_first + [0, mm_n) */
    struct quote {
        size_t open, close;         /* tokens of the quote marks */
        size_t sp_first, sp_last;   /* the attribution's speaker phrase */
        aset who;
        bool resolved;
    } *quotes;
    size_t n_quotes, cap_quotes;
    int32_t *quote_of;   /* by token: index in quotes, or -1 */
    /* acronyms the document defines: "the National Security Committee
     * (NSC)" makes NSC a name of the committee's actor, anywhere in it */
    struct acronym {
        uint32_t atom;
        int32_t alias;
    } *acronyms;
    size_t n_acronyms, cap_acronyms;

    /* ---- document memory ---- */
    person *persons;
    size_t n_persons, cap_persons;
    memo *memos;
    size_t n_memos, cap_memos;
    int16_t last_person; /* actor of the last person, NONE_ACTOR if none */
    bool have_person;
    int16_t last_group, last_state, last_org;
    /* the last act of force emitted (18 to 20) and its sentence: what a
     * retaliation answers */
    aset force_src, force_dst;
    long force_sentence;
    aset last_subject; /* of the last relation verb: "it" */
    aset last_plural;  /* the last plural actor phrase: "they", "them" */
    uint32_t *state_mentions; /* by actor: mentions of states so far */
    /* open actors (opts->open_actors), numbered from d->n_actors on */
    struct open_actor {
        char *id, *label;
        size_t node; /* graph node, or SIZE_MAX */
    } *open;
    size_t n_open, cap_open;

    /* ---- sentence state ---- */
    long sentence;   /* 1-based */
    span s;
    bool headline;   /* the sentence is in title case */
    bool person_subject; /* a person was a subject in this sentence */
    chunk *chunks;
    size_t n_chunks, cap_chunks;
    int32_t *chunk_at; /* token - s.first -> chunk index, -1 */
    vocc *verbs;
    size_t n_verbs, cap_verbs;
    struct seen {
        int16_t src, dst;
        const char *verb;
    } *seen;
    size_t n_seen, cap_seen;
    strbuf sentence_text;
    /* the steps that found the arguments of the candidate being read: the
     * path a triple's rule is printed with */
    rule_id via[MAX_VIA];
    size_t n_via;
    strbuf path;
    vocc *reading; /* the relation verb being read, or NULL */
} ctx;

enum { MM_ACTOR, MM_CLASS, MM_NOUN, MM_VERB };

/* The verb or noun governing the "to" at i, for infinitives. */
typedef enum {
    GOV_NONE, GOV_REQUEST, GOV_INTENT, GOV_PROMISE, GOV_NEG, GOV_NOUN, GOV_SUBJECT,
    GOV_READY,  /* "is ready to assist": readiness */
    GOV_CAUSED, /* "prompting Islamabad to accuse Kabul": asserted */
    GOV_ORDINAL, /* "became the first country to recognise X": asserted */
    GOV_OCCASION, /* "took the opportunity to criticise X": asserted */
    GOV_VOTED,    /* "the Council voted to condemn X": asserted */
} gov_kind;

/* The frame of a relation verb being read: its arguments, the class of
 * its act (which the clause around it may change) and the rule that
 * decides it. */
typedef struct frame {
    const verb *v;
    aset subj, obj;
    const char *lemma, *cameo, *code;
    double gold;
    rule_id rule;
    size_t refusal; /* "refused to stop V-ing": the refusing word, or SIZE_MAX */
} frame;

/* ---- small helpers ---- */



static inline uint32_t G(const ctx *c, size_t i) { return lex_gram(c->d, c->ts.t[i].atom); }
static inline const tok *T(const ctx *c, size_t i) { return &c->ts.t[i]; }
/* Token i's key is w.  The first bytes are compared before strcmp is
 * called: most tokens differ there, and the rules ask this of every token
 * hundreds of times a sentence. */
static inline bool is_word(const ctx *c, size_t i, const char *w)
{
    const char *k = tok_key(&c->ts, i);
    return k[0] == w[0] && strcmp(k, w) == 0;
}
/* Token i is one of the n words of list; WORD_AMONG counts a static array. */
static inline bool word_among(const ctx *c, size_t i, const char *const *list, size_t n)
{
    for (size_t w = 0; w < n; w++)
        if (is_word(c, i, list[w]))
            return true;
    return false;
}
#define WORD_AMONG(c, i, list) word_among((c), (i), (list), sizeof(list) / sizeof *(list))
static inline bool punct(const ctx *c, size_t i, char p) { return T(c, i)->punct == p; }

static inline void aset_add(aset *s, int16_t a)
{
    if (a < 0)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->a[i] == a)
            return;
    if (s->n < MAX_ACTORS)
        s->a[s->n++] = a;
}

static inline void aset_merge(aset *s, const aset *o)
{
    for (size_t i = 0; i < o->n; i++)
        aset_add(s, o->a[i]);
}

static inline bool aset_overlap(const aset *s, const aset *o)
{
    for (size_t i = 0; i < s->n; i++)
        for (size_t j = 0; j < o->n; j++)
            if (s->a[i] == o->a[j])
                return true;
    return false;
}

static inline aset aset_one(int16_t a)
{
    aset s = {{0}, 0};
    aset_add(&s, a);
    return s;
}

extern const dyad_rule rule_table[];

/* lookup.c */
int32_t actor_match(const ctx *c, size_t i, size_t end, size_t *len);
int class_at(const ctx *c, size_t i, size_t end, size_t *len);
int32_t noun_at(const ctx *c, size_t i, size_t end, size_t *len);
int32_t verb_at(const ctx *c, size_t i, size_t end, size_t *len);
bool closed_class(const ctx *c, size_t i);
bool verbish(const ctx *c, size_t i);
bool terror_word(const ctx *c, size_t i);
bool name_ends_at(const ctx *c, size_t i);
bool time_word(const ctx *c, size_t i);
bool readiness_word(const ctx *c, size_t i);
bool light_intent(const ctx *c, const chunk *k);
bool quantifier(const ctx *c, size_t i);
bool prep_in(uint32_t atom, const uint32_t *list);
bool past_like(const ctx *c, size_t i);
bool ly_adverb(const ctx *c, size_t i);
bool adj_at(const ctx *c, size_t i);
size_t mention_end(const ctx *c, size_t i);
bool title_case(const ctx *c);
bool list_word(const ctx *c, size_t i);
bool wh_word(const ctx *c, size_t i);
bool insisting(const ctx *c, size_t i);
bool clause_break(const ctx *c, size_t i);
bool gerund_follows(const ctx *c, size_t i);
bool and_or(const ctx *c, size_t i);
bool adj_ends_at(const ctx *c, size_t i);

/* chunk.c */
int32_t verb_here(ctx *c, size_t i, size_t *len);
bool nominal(ctx *c, size_t i, bool in_chunk);
void build_chunks(ctx *c);
const chunk *chunk_of(const ctx *c, size_t i);
int16_t hyphen_ruler(const ctx *c, size_t i);
bool hyphen_pair(const ctx *c, size_t i, int16_t *a, int16_t *b);

/* resolve.c */
void resolve_chunk(ctx *c, chunk *k);
void settle_chunks(ctx *c);

/* memory.c */
person *find_person(ctx *c, uint32_t surname);
void add_person(ctx *c, size_t first, size_t last, int16_t who);
void remember(ctx *c, uint32_t head, const aset *actors, bool of_person);
const memo *recall(const ctx *c, uint32_t head);
void remember_chunk(ctx *c, const chunk *k);

/* clause.c */
const chunk *subject_chunk(const ctx *c, size_t i);
aset joint(const ctx *c, const chunk *k);
/* The last member of the list of actors that starts with m, before token
 * stop ("X, Y and Z"): joint reads a list leftwards from it. */
const chunk *last_conjunct(const ctx *c, const chunk *m, size_t stop);
/* The comma that ends a sentence-opening adverbial ("After the killing of
 * Nasrallah, Iran ..."), or SIZE_MAX. */
size_t opening_phrase_end(const ctx *c);
/* The actors of a list of examples at token at (after an optional comma):
 * "including X, Y and Z", "such as X", "like X", "notably X"; else none. */
aset listed_after(const ctx *c, size_t at);
/* "took the opportunity to", "used the meeting to": the token of the
 * verb that takes the occasion when chunk k is one and i is its "to";
 * else SIZE_MAX. */
size_t occasion_taken(const ctx *c, const chunk *k, size_t i);
/* The main clause's subject when token at stands in the opening adverbial
 * ("During his visit to Islamabad, the Chinese foreign minister ..."):
 * the actor phrase right after its comma; else none. */
aset opening_subject(const ctx *c, size_t at);
bool quantity(const ctx *c, const chunk *k);
aset object_at(const ctx *c, size_t i, const chunk **first_chunk);
size_t aux_start(const ctx *c, size_t v, vocc *o);
vocc *find_vocc(ctx *c, size_t end_before);
vocc word_vocc(size_t v);
aset subject_at(ctx *c, size_t v);
aset subject_of(ctx *c, vocc *o);
size_t past_of_phrases(const ctx *c, const chunk *k);

/* modality.c */
gov_kind governor(ctx *c, size_t to, size_t *gov_at);
bool ordinal_complement(const ctx *c, const chunk *k, size_t *be);
/* A participle's wanted word before it: "the truce, brokered by", "the
 * border was closed by". */
bool needs_met_before(const ctx *c, const verb *v, size_t start);
bool decision_phrase(const ctx *c, const chunk *k, aset *who);
bool denied(const ctx *c, size_t v);
bool requested(ctx *c, const vocc *o);
bool needs_met(const ctx *c, const verb *v, size_t from);
bool threat_follows(const ctx *c, size_t from);
bool reported_future(const ctx *c, size_t aux, size_t v);
bool threat_frame(const ctx *c, const vocc *o);
bool inverted_condition(const ctx *c, const vocc *o);
rule_id not_asserted(ctx *c, size_t v);

/* quote.c */
void find_speakers(ctx *c);
void resolve_speaker(ctx *c, struct quote *q);
aset speaker_at(ctx *c, size_t i);
void settle_speakers(ctx *c);

/* rules_verb.c */
aset passive_agent(const ctx *c, size_t from);
aset other_side(const ctx *c, const aset *subj);
void read_verb(ctx *c, vocc *o);
bool charge_word(const ctx *c, size_t t);
bool mediating(const verb *v);
/* rules_target.c: the target of an active verb (its object, or where its
 * class puts it), and the target a promise's complement names. */
aset target_of(ctx *c, const vocc *o, const verb *v);
aset complement_target(ctx *c, const vocc *o);

/* rules_frame.c: arguments outside the verb's own slots.  The bool ones
 * return true when they decided the frame (reduced_passive filled it,
 * jointly_by and received_weapons emitted its triples). */
bool charge_rejected_by(ctx *c, const vocc *o, frame *f);
bool jointly_by(ctx *c, const vocc *o, frame *f);
bool reduced_passive(ctx *c, const vocc *o, frame *f);
aset goods_of_state(ctx *c, const chunk *k);
void own_envoy_partner(ctx *c, const vocc *o, frame *f);
bool received_weapons(ctx *c, const vocc *o, frame *f);
void participle_addressee(ctx *c, const vocc *o, frame *f);
void discussed_with(ctx *c, const vocc *o, frame *f);
void object_relative(ctx *c, const vocc *o, frame *f);
void rejected_charge(ctx *c, const vocc *o, frame *f);

/* rules_noun.c */
void read_noun(ctx *c, const chunk *k);

/* rules_sentence.c */
void claimed_acts(ctx *c);
void told_threat(ctx *c);
void prescribed_acts(ctx *c);
void promised_price(ctx *c);
void held_responsible(ctx *c);
void wished_relations(ctx *c);

/* open.c */
bool unknown_name_span(const ctx *c, const chunk *k, size_t *b, size_t *e);
int16_t open_actor(ctx *c, size_t b, size_t e);
const char *actor_label(const ctx *c, int16_t a);
const char *actor_id(const ctx *c, int16_t a);
void open_actors_free(ctx *c);

/* emit.c */
void trace(ctx *c, dyad_trace_kind kind, size_t first, size_t last,
                  int16_t src, int16_t dst, const char *lemma_, const char *cameo,
                  const char *code, const char *how);
void via(ctx *c, rule_id r);
size_t node_for(ctx *c, int16_t a);
const char *sentence_text(ctx *c);
void emit(ctx *c, const aset *src, const aset *dst, const char *lemma,
                 const char *cameo, const char *code, double gold, size_t at, size_t end,
                 rule_id rule);
void drop(ctx *c, const aset *src, const aset *dst, const verb *v, size_t at,
                 size_t end, rule_id why);

#endif
