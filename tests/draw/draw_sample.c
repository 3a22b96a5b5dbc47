/* Writes one of the draw tests' graphs to stdout:
 *
 *     draw_sample GRAPH FORMAT [ENGINE]
 *
 * GRAPH is sample (8 actors, 16 links, as in the seeds), small (3 actors,
 * text with & < > " and backslashes) or empty; FORMAT is svg or dot.
 * test_svg.py runs it; to look at the picture:
 *
 *     draw_sample sample svg > s.svg && rsvg-convert s.svg -o s.png */
#include <stdio.h>

#include "sample.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: draw_sample sample|small|empty svg|dot "
                        "[ENGINE]\n");
        return 2;
    }
    dyad_graph *g;
    dyad_draw_opts opts = {.engine = argc > 3 ? argv[3] : NULL};
    if (strcmp(argv[1], "sample") == 0) {
        g = sample_graph();
        opts.title = "Pakistan, the Taliban and their neighbours (sample)";
    } else if (strcmp(argv[1], "small") == 0) {
        g = small_graph();
        opts.title = "Small & <odd> \"title\"";
    } else {
        g = dyad_graph_new();
        dyad_graph_sort(g);
    }
    dyad_error err = {0};
    dyad_status st = strcmp(argv[2], "dot") == 0
                         ? dyad_write_dot(g, stdout, &opts, &err)
                         : dyad_write_svg(g, stdout, &opts, &err);
    dyad_graph_free(g);
    if (st != DYAD_OK) {
        fprintf(stderr, "draw_sample: %s: %s\n", dyad_status_name(st),
                err.text);
        return 1;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
