/* Writes test graphs as JSON to stdout, through the library alone (no
 * extraction):
 *   json_fixture sample            the graph of common.h's sample_graph
 *   json_fixture docs LIST [CAP]   a synthetic corpus of 10 documents, only
 *                                  those in LIST ("all" or "0,3,7"), with at
 *                                  most CAP evidence items per edge */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

enum { N_DOCS = 10 };

static uint32_t next(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static void add_doc(dyad_graph *g, int d)
{
    static const char *ids[] = {"pakistan", "afghan-taliban", "ttp", "china",
                                "india",    "united-states",  "un"};
    static const struct {
        const char *verb, *code;
        double gold;
    } verbs[] = {{"urge", "020", -1.2},    {"meet", "040", 1.0},
                 {"accuse", "112", -2.0},  {"praise", "051", 3.4},
                 {"attack", "190", -10.0}, {"call on", "020", -1.2},
                 {"aid", "070", 7.4}};
    uint32_t seed = 12345u + (uint32_t)d * 7919u;
    char doc[32], text[96];
    snprintf(doc, sizeof doc, "%s/%03d.txt", d % 2 ? "east" : "west", d);
    long sentences = 5 + (long)(next(&seed) % 20);
    dyad_graph_count(g, 1, sentences);
    dyad_graph_document(g, doc, d == 3 ? "2024-03-18" : NULL);
    for (long s = 1; s <= sentences; s++) {
        int n = (int)(next(&seed) % 3);
        for (int k = 0; k < n; k++) {
            int a = (int)(next(&seed) % 7), b = (int)(next(&seed) % 7);
            int v = (int)(next(&seed) % 7);
            size_t na = dyad_graph_node(g, ids[a], ids[a]);
            size_t nb = dyad_graph_node(g, ids[b], ids[b]);
            dyad_graph_mention(g, na, 1);
            snprintf(text, sizeof text, "Sentence %ld of %s: %s %s %s.", s,
                     doc, ids[a], verbs[v].verb, ids[b]);
            char cameo[3] = {verbs[v].code[0], verbs[v].code[1], '\0'};
            dyad_act act = {verbs[v].verb, cameo, verbs[v].code,
                            verbs[v].gold, doc,   s,
                            s * 100 + k,   text,  strlen(text)};
            dyad_graph_act(g, na, nb, &act);
        }
    }
}

int main(int argc, char **argv)
{
    dyad_graph *g;
    if (argc == 2 && strcmp(argv[1], "sample") == 0) {
        g = sample_graph();
    } else if ((argc == 3 || argc == 4) && strcmp(argv[1], "docs") == 0) {
        g = dyad_graph_new();
        if (argc == 4)
            dyad_graph_set_evidence_cap(g, (size_t)atol(argv[3]));
        bool all = strcmp(argv[2], "all") == 0;
        for (char *p = argv[2]; all ? false : *p;) {
            add_doc(g, (int)strtol(p, &p, 10) % N_DOCS);
            p += *p == ',';
        }
        for (int d = 0; all && d < N_DOCS; d++)
            add_doc(g, d);
        dyad_graph_sort(g);
    } else {
        fprintf(stderr, "usage: json_fixture sample | docs LIST [CAP]\n");
        return 2;
    }
    dyad_error err = {0};
    dyad_status st = dyad_write_json(g, stdout, &err);
    dyad_graph_free(g);
    if (st != DYAD_OK)
        fprintf(stderr, "json_fixture: %s\n", err.text);
    return st == DYAD_OK ? 0 : 1;
}
