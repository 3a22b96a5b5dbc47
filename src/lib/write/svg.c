/* dyad_write_svg: the graph's drawing (draw.c) laid out and rendered by
 * gvc in-process, with the plugins linked in (no config file, no shelling
 * out).  Not thread-safe (Graphviz): call from one thread. */
#include "draw.h"

dyad_status dyad_write_svg(const dyad_graph *g, FILE *out,
                           const dyad_draw_opts *opts, dyad_error *err)
{
    if (!g || !dyad_graph_is_sorted(g))
        return dyad_fail(err, DYAD_ERR_INVALID, "svg", 0, 0,
                         "the graph is not sorted (dyad_graph_sort)");
    Agraph_t *gr = draw_graph(g, opts);
    dyad_status st = draw_write(gr, "svg", out, err);
    agclose(gr);
    return st;
}
