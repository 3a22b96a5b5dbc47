/* Document memory: the persons met so far and the short forms of bodies
 * named earlier ("the ministry", "the delegation"). */
#include "internal.h"

person *find_person(ctx *c, uint32_t surname)
{
    for (size_t i = c->n_persons; i-- > 0;)
        if (c->persons[i].surname == surname)
            return &c->persons[i];
    return NULL;
}

void add_person(ctx *c, size_t first, size_t last, int16_t who)
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

void remember(ctx *c, uint32_t head, const aset *actors, bool of_person)
{
    if (head == ATOM_NONE || !actors->n)
        return;
    for (size_t i = 0; i < c->n_memos; i++)
        if (c->memos[i].head == head) {
            if (of_person && !c->memos[i].of_person)
                return; /* "Army chief X" leaves "the army" to the body */
            c->memos[i].actors = *actors;
            c->memos[i].of_person = of_person;
            return;
        }
    GROW(c->memos, c->cap_memos, c->n_memos + 1);
    c->memos[c->n_memos++] = (memo){head, *actors, of_person};
}

const memo *recall(const ctx *c, uint32_t head)
{
    for (size_t i = 0; i < c->n_memos; i++)
        if (c->memos[i].head == head)
            return &c->memos[i];
    return NULL;
}

/* What a settled phrase teaches the document: the last person (and
 * whether a person was a subject here), the last plural actor ("they"),
 * the short forms of a body ("the delegation"), the last group and state. */
void remember_chunk(ctx *c, const chunk *k)
{
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
    /* "they": plural actors, and plural acts of an actor ("North Korean
     * launches ... They have drawn condemnation") */
    if ((k->role == ROLE_ACTOR || (k->role == ROLE_ATTR && k->noun >= 0)) && !k->pronoun &&
        k->actors.n &&
        ((k->head_class & (NC_AGENT | NC_MEMBER)) || k->actors.n > 1 || k->role == ROLE_ATTR)) {
        const char *hk = tok_key(&c->ts, k->last - 1);
        size_t hl = strlen(hk);
        if (k->actors.n > 1 || (hl > 3 && hk[hl - 1] == 's'))
            c->last_plural = k->actors;
    }
    if (k->role != ROLE_ACTOR || k->pronoun || !k->actors.n)
        return;
    /* "The Houthis fired ... They also targeted": a group's name is plural
     * enough for "they" */
    if (!k->person && k->actors.n == 1 && c->d->actors[k->actors.a[0]].kind == KIND_GROUP &&
        k->prep == ATOM_NONE)
        c->last_plural = k->actors;
    /* "Russia's foreign ministry issued a statement. It accused ...": the
     * sentence's first subject is the last agent, verb or none */
    if (k == &c->chunks[0] && k->prep == ATOM_NONE && !k->person && k->actors.n == 1)
        c->last_subject = k->actors;
    /* agent nouns of the phrase become its short forms: "the delegation",
     * and for a person "the spokesperson" after "spokesperson Wang Wenbin" */
    for (size_t t = k->first; t < k->last; t++) {
        size_t cl_len;
        int cl = class_at(c, t, t + 1, &cl_len);
        if ((lex_gram(c->d, T(c, t)->atom) & G_SHORT) || (cl & NC_AGENT))
            remember(c, T(c, t)->atom, &k->actors, k->person);
    }
    if (k->person)
        return;
    for (size_t a = 0; a < k->actors.n; a++) {
        int kind = c->d->actors[k->actors.a[a]].kind;
        if (kind == KIND_GROUP)
            c->last_group = k->actors.a[a];
        else if (kind == KIND_STATE)
            c->last_state = k->actors.a[a];
        else if (kind == KIND_ORG)
            c->last_org = k->actors.a[a];
    }
}
