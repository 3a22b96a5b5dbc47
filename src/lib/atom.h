/* Interning: each distinct string once, named by a small integer.  Atoms
 * are dense from 0 in order of first interning; their strings stay valid
 * until the table is freed. */
#ifndef DYAD_ATOM_H
#define DYAD_ATOM_H

#include <stddef.h>
#include <stdint.h>

#define ATOM_NONE UINT32_MAX

typedef struct atoms atoms;

atoms *atoms_new(void);
void atoms_free(atoms *t);
uint32_t atoms_intern(atoms *t, const char *s, size_t len);
/* ATOM_NONE if s was never interned. */
uint32_t atoms_find(const atoms *t, const char *s, size_t len);
const char *atoms_str(const atoms *t, uint32_t id);
size_t atoms_len(const atoms *t, uint32_t id);
size_t atoms_count(const atoms *t);

#endif
