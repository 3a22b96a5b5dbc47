/* Private helpers of the diff's writers (diff_text.c, diff_json.c,
 * diff_draw.c). */
#ifndef DYAD_DIFF_UTIL_H
#define DYAD_DIFF_UTIL_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "dyad/diff.h"
#include "dyad/write.h"
#include "util.h"

#define MINUS "\xe2\x88\x92" /* U+2212, the drawn minus sign */

static inline const char *name_or(const char *label, const char *dflt)
{
    return label && *label ? label : dflt;
}

/* Rounded to d decimals, -0 folded into 0, so output never shows "-0.00". */
static inline double rnd(double x, int d)
{
    double k = d == 2 ? 100.0 : 1000.0;
    return round(x * k) / k + 0.0;
}

static inline long ldelta(long a, long b) { return b - a; }

static inline const char *plural(long n) { return n == 1 ? "" : "s"; }

/* The nodes of one kind, by the size of the change in mentions
 * descending, then by id: the biggest newcomers and losses first.
 * Returns the count; *out is the caller's to free. */
size_t dw_nodes_of_kind(const dyad_diff *d, dyad_diff_kind kind,
                        const dyad_diff_node ***out);

/* True when another changed relation of e has e->verbs[k]'s verb (with
 * another code): the code is then shown beside it. */
bool dw_verb_ambiguous(const dyad_diff_edge *e, size_t k);

/* "urge +3, meet -1": at most max verbs (0: all), then "…"; minus is the
 * sign written for a loss. */
void dw_verb_changes(strbuf *b, const dyad_diff_edge *e, size_t max,
                     const char *minus);

/* Writes b to out at once; DYAD_ERR_IO on a failed write. */
dyad_status dw_flush(const strbuf *b, FILE *out, dyad_error *err);

#endif
