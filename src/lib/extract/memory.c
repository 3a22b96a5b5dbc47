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

void remember(ctx *c, uint32_t head, const aset *actors)
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

const aset *recall(const ctx *c, uint32_t head)
{
    for (size_t i = 0; i < c->n_memos; i++)
        if (c->memos[i].head == head)
            return &c->memos[i].actors;
    return NULL;
}
