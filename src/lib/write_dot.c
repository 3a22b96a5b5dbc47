/* dyad_write_dot: the styled graph of gv_util as DOT, written by agwrite.
 * The DOT carries the layout engine and every style attribute, so that
 * `dot -Tsvg graph.dot` draws what dyad_write_svg draws.  Not thread-safe
 * (Graphviz): call from one thread. */
#include "dyad/write.h"
#include "gv_util.h"

dyad_status dyad_write_dot(const dyad_graph *g, FILE *out,
                           const dyad_draw_opts *opts, dyad_error *err)
{
    if (!g || !dyad_graph_is_sorted(g))
        return dyad_fail(err, DYAD_ERR_INVALID, "dot", 0, 0,
                         "the graph is not sorted (dyad_graph_sort)");
    Agraph_t *gr = gvu_build(g, opts);
    dyad_status st = gvu_write_dot(gr, out, err);
    agclose(gr);
    return st;
}
