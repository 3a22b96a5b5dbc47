/* dyad_write_svg: the styled graph of gv_util laid out and rendered by gvc
 * in-process, with the plugins linked in (no config file, no shelling
 * out).  Not thread-safe (Graphviz): call from one thread. */
#include "dyad/write.h"
#include "gv_util.h"

dyad_status dyad_write_svg(const dyad_graph *g, FILE *out,
                           const dyad_draw_opts *opts, dyad_error *err)
{
    if (!g || !dyad_graph_is_sorted(g))
        return dyad_fail(err, DYAD_ERR_INVALID, "svg", 0, 0,
                         "the graph is not sorted (dyad_graph_sort)");
    GVC_t *gvc = gvu_context();
    if (!gvc)
        return dyad_fail(err, DYAD_ERR_GRAPHVIZ, "graphviz", 0, 0,
                         "cannot create a Graphviz context");
    Agraph_t *gr = gvu_build(g, opts);
    dyad_status st = gvu_render(gvc, gr, agget(gr, "layout"), "svg", out,
                                err);
    agclose(gr);
    gvu_context_free(gvc);
    return st;
}
