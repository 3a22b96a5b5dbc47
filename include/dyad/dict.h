/* dyad_dict: the actors and the relation verbs, loaded from JSON (the
 * built-in defaults are data/actors.json and data/verbs.json compiled in).
 * A dictionary is read-only once loaded and may be shared by threads. */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>

#include "dyad/common.h"

typedef struct dyad_dict dyad_dict;

/* Loads the dictionaries: actors_path and verbs_path name JSON files, or
 * NULL for the built-in ones.  Errors name the file, line and column. */
dyad_status dyad_dict_new(dyad_dict **out, const char *actors_path,
                          const char *verbs_path, dyad_error *err);
void dyad_dict_free(dyad_dict *d);

/* The built-in JSON texts (NUL-terminated), for `dyad dict --dump`. */
const char *dyad_dict_builtin_actors(void);
const char *dyad_dict_builtin_verbs(void);

size_t dyad_dict_n_actors(const dyad_dict *d);
const char *dyad_dict_actor_id(const dyad_dict *d, size_t i);
const char *dyad_dict_actor_label(const dyad_dict *d, size_t i);
size_t dyad_dict_n_verbs(const dyad_dict *d);

/* The actor's kind as the dictionary spells it: "state", "group" or
 * "organisation" (static storage). */
const char *dyad_dict_actor_kind(const dyad_dict *d, size_t i);
/* Index of the actor with this id, or (size_t)-1. */
size_t dyad_dict_find_actor(const dyad_dict *d, const char *id);

#endif
