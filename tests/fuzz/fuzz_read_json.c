/* Fuzz target: arbitrary bytes as a dyad JSON graph, read from a memory
 * stream; a graph read back is sorted and written again, as JSON, GraphML,
 * GEXF and CSV. */
#include <stdio.h>
#include <stdlib.h>

#include "dyad/dyad.h"
#include "fuzz.h"

static FILE *sink;

/* The graph merged with itself twice: sums past the count limit must be
 * refused, never wrap. */
static void merge_twice(const dyad_graph *g)
{
    dyad_error err;
    dyad_graph *sum = dyad_graph_new();
    if (dyad_graph_merge(sum, g, &err) == DYAD_OK &&
        dyad_graph_merge(sum, g, &err) == DYAD_OK) {
        dyad_graph_sort(sum);
        dyad_write_json(sum, sink, &err);
    }
    dyad_graph_free(sum);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!sink && !(sink = fopen("/dev/null", "w")))
        abort();
    if (size == 0)
        return 0; /* fmemopen refuses an empty buffer on older glibc */
    FILE *in = fmemopen((void *)data, size, "rb");
    if (!in)
        abort();
    dyad_graph *g = NULL;
    dyad_error err;
    if (dyad_read_json(&g, in, "fuzz.json", &err) == DYAD_OK) {
        merge_twice(g);
        dyad_graph_sort(g);
        dyad_write_json(g, sink, &err);
        /* the exports escape ids, labels and texts of any bytes */
        dyad_write_graphml(g, sink, NULL, &err);
        dyad_write_gexf(g, sink, NULL, &err);
        dyad_write_csv_evidence(g, sink, NULL, &err);
    }
    dyad_graph_free(g);
    fclose(in);
    return 0;
}
