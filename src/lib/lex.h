/* The loaded dictionary: actors, noun classes, verbs, act nouns and the
 * grammar words, all as tries over interned word keys. */
#ifndef DYAD_LEX_H
#define DYAD_LEX_H

#include <stdbool.h>
#include <stdint.h>

#include "atom.h"
#include "dyad/dict.h"
#include "text.h"

enum actor_kind { KIND_STATE, KIND_GROUP, KIND_ORG };
enum alias_type { ALIAS_NAME, ALIAS_ADJ, ALIAS_PERSON };

/* Noun classes (bits). */
enum {
    NC_AGENT = 1, NC_MEMBER = 2, NC_PLACE = 4, NC_PEOPLE = 8, NC_TITLE = 16,
};

enum verb_mode { MODE_PLAIN, MODE_REQUEST, MODE_PROMISE, MODE_WARN, MODE_ACCUSE };

/* Verb forms. */
enum { F_BASE, F_S, F_PAST, F_PP, F_ING, F_NFORMS };

typedef struct actor {
    char *id, *label;
    int kind;
} actor;

typedef struct verb {
    char *lemma;
    char code[8], cameo[3];
    double goldstein;
    int mode;
    bool reciprocal, object, split;
    uint32_t particle; /* split verbs: the last word */
    uint32_t *needs;
    size_t n_needs;
    bool needs_actor; /* "@actor" in needs: an actor as object will do */
    bool needs_org;   /* "@organisation": an organisation as object will */
    size_t n_words;
} verb;

typedef struct noun {
    char *lemma;
    char code[8], cameo[3];
    double goldstein;
    uint32_t agent[6], target[6]; /* preposition atoms, ATOM_NONE-ended */
    bool poss_target, between;
} noun;

/* A trie over word atoms; each node may carry one value (>= 0). */
typedef struct trie {
    int32_t *value; /* by node; -1 = none */
    size_t n_nodes, cap_nodes;
    uint64_t *keys; /* open addressing: (parent << 32 | atom) + 1; 0 empty */
    uint32_t *child;
    size_t n_slots, n_used;
    /* A bit per word atom: does a path start with it?  Most words start
     * none, and this answers them from a few kilobytes instead of a miss
     * in the large table. */
    uint64_t *roots;
    size_t n_roots; /* words of 64 bits */
} trie;

/* Values of the actor trie: index into dict.aliases.  A person's name may
 * have dated roles (since/until as YYYYMMDD, 0: open), one alias a role,
 * chained by next (-1 ends it); every other alias has one undated role. */
typedef struct alias {
    uint32_t actor;
    uint8_t type;
    bool caps; /* written in capitals: matches capitals only */
    uint32_t since, until;
    int32_t next;
} alias;

/* Values of the verb trie: index into dict.forms. */
typedef struct vform {
    uint32_t verb;
    uint8_t form;
    bool pp_too; /* the same spelling is also the past participle: "hit", "cut" */
} vform;

struct dyad_dict {
    atoms *words;
    actor *actors;
    size_t n_actors;
    alias *aliases;
    size_t n_aliases, cap_aliases;
    trie actor_trie;
    trie class_trie; /* values: NC_ bits */
    verb *verbs;
    size_t n_verbs;
    vform *forms;
    size_t n_forms, cap_forms;
    trie verb_trie;
    trie split_trie; /* particle verbs by their first word alone */
    noun *nouns;
    size_t n_nouns;
    trie noun_trie; /* values: noun index * 2 + plural */
    uint32_t *gram; /* by atom: G_ grammar bits */
    size_t n_gram;
    double root_goldstein[21];
};

/* Grammar word classes (bits), from match.c's lists. */
enum {
    G_DET = 1u << 0,      /* the, a, its, their ... */
    G_PREP = 1u << 1,     /* of, in, to, with ... */
    G_LOC = 1u << 2,      /* in, inside, across: a place follows */
    G_CONJ = 1u << 3,     /* and, or, as well as */
    G_SUB = 1u << 4,      /* that, which, because, if ... */
    G_REL = 1u << 5,      /* who, which, that */
    G_BE = 1u << 6,
    G_HAVE = 1u << 7,
    G_DO = 1u << 8,
    G_MODAL_HYP = 1u << 9,  /* would, could, might, may, should, must, can */
    G_MODAL_FUT = 1u << 10, /* will, shall, 'll */
    G_NEG = 1u << 11,     /* not, n't, never, no longer */
    G_ADV = 1u << 12,     /* also, again, repeatedly ... */
    G_PRON = 1u << 13,    /* he, she, we, they ... */
    G_SAY = 1u << 14,     /* said, told, added ... */
    G_COND = 1u << 15,    /* if, unless, whether */
    G_LIGHT = 1u << 16,   /* hold, launch, provide ...: a noun's agent is
                             their subject */
    G_INTENT = 1u << 17,  /* plan, decide, agree ...: to-complement holds */
    G_NEGV = 1u << 18,    /* refuse, fail, decline: to-complement negated */
    G_STOP = 1u << 19,    /* stop, cease, end: negates a gerund */
    G_VERB = 1u << 20,    /* other common verbs that end a noun phrase */
    G_SHORT = 1u << 21,   /* group, organisation, country: short forms */
    G_THREATW = 1u << 22, /* consequences, retaliate, force ... */
    G_SEEK = 1u << 23,    /* seek, request, ask for: aid nouns become 02 */
    G_SUPPRESS = 1u << 24, /* curb, act against: refusing it is support */
    G_FORMER = 1u << 25,  /* former, ex-, late */
    G_RECIP = 1u << 26,   /* together, each other, jointly */
    G_TO = 1u << 27,
    G_BY = 1u << 28,
    G_HONORIFIC = 1u << 29, /* mr, ms, dr, gen */
    G_RECEIVE = 1u << 30,   /* receive, get, accept: the subject is given to */
};

/* irregular simple pasts: took, came, met (never nouns); outside the enum,
 * whose values ISO C keeps within int */
#define G_PAST (1u << 31)

/* Regular inflection of a verb (F_ forms) or a plural (F_S). */
struct strbuf;
void lex_inflect(const char *w, int form, struct strbuf *b);

/* match.c: the grammar words, interned into d->words at load. */
void lex_load_grammar(dyad_dict *d);
static inline uint32_t lex_gram(const dyad_dict *d, uint32_t atom)
{
    return atom < d->n_gram ? d->gram[atom] : 0;
}
/* The atom of a grammar word (ATOM_NONE if unknown). */
uint32_t lex_atom(const dyad_dict *d, const char *word);

void trie_init(trie *t);
void trie_free(trie *t);
/* Node reached from parent by atom, created if add; UINT32_MAX if none. */
uint32_t trie_step(trie *t, uint32_t parent, uint32_t atom, bool add);
uint32_t trie_next(const trie *t, uint32_t parent, uint32_t atom);

/* Longest match at token i: returns the number of tokens (0: none) and the
 * value.  For the actor trie, aliases written in capitals only match tokens
 * in capitals, and the value is the role that applies on date (see
 * lex_role): a name whose roles all lie outside it does not match. */
size_t lex_match(const dyad_dict *d, const trie *t, const tokens *ts,
                 size_t i, size_t end, uint32_t date, int32_t *value);

/* The role of the alias chain starting at v that applies on date
 * (YYYYMMDD), or -1: the one whose since..until holds the date.  Undated
 * (date 0): the open-ended role, else the one that ended last. */
int32_t lex_role(const dyad_dict *d, int32_t v, uint32_t date);

/* Words of a dictionary entry as atoms (interned). */
size_t lex_words(dyad_dict *d, const char *s, uint32_t *out, size_t max,
                 bool *caps);

#endif
