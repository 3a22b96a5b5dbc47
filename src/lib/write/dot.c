/* dyad_write_dot: the graph's drawing (draw.c) as DOT, written by agwrite.
 * The DOT carries the layout engine and every style attribute, so that
 * `dot -Tsvg graph.dot` draws what dyad_write_svg draws.  Not thread-safe
 * (Graphviz): call from one thread. */
#include "draw.h"

dyad_status dyad_write_dot(const dyad_graph *g, FILE *out,
                           const dyad_draw_opts *opts, dyad_error *err)
{
    dyad_status st = draw_check(g, opts, "dot", err);
    if (st != DYAD_OK)
        return st;
    Agraph_t *gr = draw_graph(g, opts);
    st = draw_write(gr, "dot", out, err);
    agclose(gr);
    return st;
}
