/* Fuzz target: arbitrary bytes as an article, extracted with the built-in
 * dictionaries into a graph that is then written as JSON and GEXF (with
 * the date of a first date line, if any). */
#include <stdio.h>
#include <stdlib.h>

#include "dyad/dyad.h"
#include "fuzz.h"

static dyad_dict *dict; /* loaded once, kept for the process */
static FILE *sink;

static void setup(void)
{
    dyad_error err;
    if (dyad_dict_new(&dict, NULL, NULL, &err) != DYAD_OK) {
        fprintf(stderr, "fuzz_extract: built-in dictionaries: %s\n",
                err.text);
        abort();
    }
    sink = fopen("/dev/null", "w");
    if (!sink)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dict)
        setup();
    dyad_graph *g = dyad_graph_new();
    dyad_docs *docs = dyad_docs_new();
    dyad_error err;
    char date[DYAD_DATE_SIZE];
    if (dyad_date_line((const char *)data, size, date))
        dyad_docs_set_date(docs, "fuzz.txt", date, &err);
    if (dyad_extract(dict, "fuzz.txt", (const char *)data, size, g, NULL,
                     &err) == DYAD_OK) {
        dyad_graph_sort(g);
        dyad_write_json(g, sink, &err);
        dyad_export_opts exp = {dict, docs};
        dyad_write_gexf(g, sink, &exp, &err);
    }
    dyad_docs_free(docs);
    dyad_graph_free(g);
    return 0;
}
