/* dyad_write_svg: the graph's drawing (draw.c) laid out and rendered by
 * gvc in-process, with the plugins linked in (no config file, no shelling
 * out).  Not thread-safe (Graphviz): call from one thread. */
#include "draw.h"

dyad_status dyad_write_svg(const dyad_graph *g, FILE *out,
                           const dyad_draw_opts *opts, dyad_error *err)
{
    dyad_status st = draw_check(g, opts, "svg", err);
    if (st != DYAD_OK)
        return st;
    Agraph_t *gr = draw_graph(g, opts);
    st = draw_write(gr, "svg", out, err);
    agclose(gr);
    return st;
}
