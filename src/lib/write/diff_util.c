/* What the diff's writers share: nodes of a kind in report order, the
 * verbs of a changed edge in words, writing a buffer at once. */
#include <stdlib.h>
#include <string.h>

#include "diff_util.h"

/* The nodes of one kind, by the size of the change in mentions
 * descending, then by id: the biggest newcomers and losses first. */
static int cmp_node_change(const void *pa, const void *pb)
{
    const dyad_diff_node *x = *(const dyad_diff_node *const *)pa;
    const dyad_diff_node *y = *(const dyad_diff_node *const *)pb;
    long dx = labs(ldelta(x->mentions_a, x->mentions_b));
    long dy = labs(ldelta(y->mentions_a, y->mentions_b));
    if (dx != dy)
        return dx > dy ? -1 : 1;
    return strcmp(x->id, y->id);
}

size_t dw_nodes_of_kind(const dyad_diff *d, dyad_diff_kind kind,
                        const dyad_diff_node ***out)
{
    const dyad_diff_node *v = dyad_diff_nodes(d);
    const dyad_diff_node **a =
        xmalloc((dyad_diff_n_nodes(d) + 1) * sizeof *a);
    size_t n = 0;
    for (size_t i = 0; i < dyad_diff_n_nodes(d); i++)
        if (v[i].kind == kind)
            a[n++] = &v[i];
    if (n > 1)
        qsort(a, n, sizeof *a, cmp_node_change);
    *out = a;
    return n;
}

dyad_status dw_flush(const strbuf *b, FILE *out, dyad_error *err)
{
    size_t n = b->len;
    if ((n && fwrite(b->s, 1, n, out) != n) || ferror(out))
        return dyad_fail(err, DYAD_ERR_IO, "", 0, 0, "write failed");
    return DYAD_OK;
}

bool dw_verb_ambiguous(const dyad_diff_edge *e, size_t k)
{
    for (size_t i = 0; i < e->n_verbs; i++)
        if (i != k && strcmp(e->verbs[i].verb, e->verbs[k].verb) == 0)
            return true;
    return false;
}

/* "urge +3, meet -1": at most max verbs (0: all), then "…" */
void dw_verb_changes(strbuf *b, const dyad_diff_edge *e, size_t max,
                     const char *minus)
{
    for (size_t k = 0; k < e->n_verbs; k++) {
        if (max && k == max) {
            sb_puts(b, ", \xe2\x80\xa6");
            break;
        }
        const dyad_diff_verb *v = &e->verbs[k];
        long dv = ldelta(v->count_a, v->count_b);
        sb_printf(b, "%s%s", k ? ", " : "", v->verb);
        if (dw_verb_ambiguous(e, k))
            sb_printf(b, " (%s)", v->code);
        sb_printf(b, " %s%ld", dv < 0 ? minus : "+", dv < 0 ? -dv : dv);
    }
}
