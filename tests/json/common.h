/* Helpers shared by the tests of tests/json: building graphs act by act
 * and writing them to memory. */
#ifndef DYAD_TEST_JSON_COMMON_H
#define DYAD_TEST_JSON_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/dyad.h"

/* One act of "src" on "tgt"; node labels are the ids upper-cased. */
static inline void act_full(dyad_graph *g, const char *src, const char *tgt,
                            const char *verb, const char *code, double gold,
                            const char *doc, long sentence, long offset,
                            const char *text)
{
    char ls[64], lt[64];
    size_t i;
    for (i = 0; src[i] && i < 63; i++)
        ls[i] = (char)(src[i] >= 'a' && src[i] <= 'z' ? src[i] - 32 : src[i]);
    ls[i] = '\0';
    for (i = 0; tgt[i] && i < 63; i++)
        lt[i] = (char)(tgt[i] >= 'a' && tgt[i] <= 'z' ? tgt[i] - 32 : tgt[i]);
    lt[i] = '\0';
    size_t s = dyad_graph_node(g, src, ls), t = dyad_graph_node(g, tgt, lt);
    char cameo[3] = {code[0], code[1], '\0'};
    dyad_act a = {verb,     cameo,  code, gold,        doc,
                  sentence, offset, text, strlen(text)};
    dyad_graph_act(g, s, t, &a);
}

/* The JSON of g (sorted first) as a malloc'd string; NULL on error. */
static inline char *json_of(dyad_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dyad_graph_sort(g);
    dyad_status st = dyad_write_json(g, f, NULL);
    fclose(f);
    if (st != DYAD_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Reads a graph from a string. */
static inline dyad_status read_str(const char *s, dyad_graph **g,
                                   dyad_error *err)
{
    FILE *f = fmemopen((void *)s, strlen(s), "r");
    dyad_status st = dyad_read_json(g, f, "t.json", err);
    fclose(f);
    return st;
}

/* A small graph with what a writer must get right: non-ASCII labels and
 * text, quotes and backslashes, reals that print badly when careless. */
static inline dyad_graph *sample_graph(void)
{
    dyad_graph *g = dyad_graph_new();
    dyad_graph_count(g, 2, 31);
    size_t pk = dyad_graph_node(g, "pakistan", "Pakistan");
    size_t af = dyad_graph_node(g, "afghan-taliban", "Afghan Taliban");
    size_t cn = dyad_graph_node(g, "china", "China");
    size_t ci = dyad_graph_node(g, "c\xc3\xb4te-d-ivoire",
                                "C\xc3\xb4te d\xe2\x80\x99Ivoire");
    dyad_graph_mention(g, pk, 12);
    dyad_graph_mention(g, af, 7);
    dyad_graph_mention(g, cn, 3);
    dyad_graph_mention(g, ci, 1);
    static const struct {
        int s, t;
        const char *verb, *code;
        double gold;
        const char *doc;
        long sentence, offset;
        const char *text;
    } acts[] = {
        {0, 1, "urge", "020", -1.2, "002_b.txt", 3, 412,
         "She urged Kabul to \"honour\" its commitments."},
        {0, 1, "urge", "020", -1.2, "002_b.txt", 5, 600,
         "Islamabad urged again."},
        {0, 1, "accuse", "112", -2.0, "002_b.txt", 5, 600,
         "Islamabad urged again."},
        {0, 1, "call on", "020", -1.2, "001_a.txt", 1, 0,
         "Pakistan called on the Taliban \\ again."},
        {2, 0, "meet", "040", 1.0, "001_a.txt", 2, 80, "China met Pakistan."},
        {3, 2, "praise", "051", 3.4, "001_a.txt", 4, 120,
         "C\xc3\xb4te d\xe2\x80\x99Ivoire praised China \xe2\x80\x94 "
         "\xe6\xbc\xa2\xe5\xad\x97."},
        {1, 0, "threaten", "130", -4.4, "002_b.txt", 9, 900,
         "The Taliban threatened."},
    };
    size_t ids[4] = {pk, af, cn, ci};
    for (size_t i = 0; i < sizeof acts / sizeof *acts; i++) {
        char cameo[3] = {acts[i].code[0], acts[i].code[1], '\0'};
        dyad_act a = {acts[i].verb,   cameo,        acts[i].code,
                      acts[i].gold,   acts[i].doc,  acts[i].sentence,
                      acts[i].offset, acts[i].text, strlen(acts[i].text)};
        dyad_graph_act(g, ids[acts[i].s], ids[acts[i].t], &a);
    }
    dyad_graph_sort(g);
    return g;
}

#endif
