/* Actor kinds and lookup by id, for writers that label nodes with their
 * kind (GraphML, GEXF, CSV).  Apart from dict.c, which is being reworked
 * on another branch; fold into it when both have landed. */
#include <string.h>

#include "dyad/dict.h"
#include "lex.h"

const char *dyad_dict_actor_kind(const dyad_dict *d, size_t i)
{
    switch (d->actors[i].kind) {
    case KIND_GROUP: return "group";
    case KIND_ORG: return "organisation";
    default: return "state";
    }
}

size_t dyad_dict_find_actor(const dyad_dict *d, const char *id)
{
    for (size_t i = 0; i < d->n_actors; i++)
        if (strcmp(d->actors[i].id, id) == 0)
            return i;
    return (size_t)-1;
}
