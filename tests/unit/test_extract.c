/* Unit tests of extract.c on the fixture dictionaries: one case per rule
 * of the guide, each asserting the exact triples. */
#include <stdio.h>
#include <stdlib.h>

#include "dyad/dyad.h"
#include "harness.h"

static dyad_dict *dict;

/* "Source>Target:CC" of every act, in canonical order, joined by spaces. */
static char *triples(const char *text)
{
    static char out[2048];
    dyad_graph *g = dyad_graph_new();
    dyad_error err = {0};
    out[0] = '\0';
    if (dyad_extract(dict, "t.txt", text, strlen(text), g, NULL, &err) != DYAD_OK) {
        snprintf(out, sizeof out, "error: %s", err.text);
        dyad_graph_free(g);
        return out;
    }
    dyad_graph_sort(g);
    const dyad_node *nodes = dyad_graph_nodes(g);
    const dyad_edge *e = dyad_graph_edges(g);
    for (size_t i = 0; i < dyad_graph_n_edges(g); i++)
        for (size_t r = 0; r < e[i].n_relations; r++) {
            size_t n = strlen(out);
            snprintf(out + n, sizeof out - n, "%s%s>%s:%s", n ? " " : "", nodes[e[i].source].label,
                     nodes[e[i].target].label, e[i].relations[r].cameo);
        }
    dyad_graph_free(g);
    return out;
}

static void test_rules(void)
{
    CHECK_STR(triples("Pakistan urged the Taliban to act against the TTP."), "Pakistan>Afghan Taliban:02");
    CHECK_STR(triples("Pakistani border posts were attacked by the TTP."), "TTP>Pakistan:18");
    CHECK_STR(triples("Pakistani border posts were attacked on Sunday."), "");
    CHECK_STR(triples("Chinese and Russian envoys met Pakistani officials."),
              "China>Pakistan:04 Russia>Pakistan:04");
    CHECK_STR(triples("Pakistan did not attack the TTP."), "");
    CHECK_STR(triples("Pakistan would attack the TTP."), "");
    CHECK_STR(triples("Pakistan will target TTP hideouts if attacks go on."), "Pakistan>TTP:13");
    CHECK_STR(triples("Islamabad claims that the Taliban shelters TTP leaders."), "Afghan Taliban>TTP:07");
    CHECK_STR(triples("The TTP attacked forces in Afghanistan."), "");
    CHECK_STR(triples("The militants attacked us, the TTP said."), "");
    CHECK_STR(triples("Kabul's refusal to stop supporting the TTP angered Islamabad."),
              "Afghan Taliban>TTP:07");
    CHECK_STR(triples("Baloch highlighted the visit of the Russian envoy to Islamabad."), "Russia>Pakistan:04");
    CHECK_STR(triples("Pakistan plans to seek China's assistance."), "Pakistan>China:02");
    CHECK_STR(triples("Pakistan to Ask China to Urge Afghanistan to Act"), "Pakistan>China:02");
}

static void test_context(void)
{
    CHECK_STR(triples("Mumtaz Zahra Baloch, spokesperson for Pakistan's Foreign Office, spoke. "
                      "\u201cWe continue to urge Afghanistan to act,\u201d she added."),
              "Pakistan>Afghan Taliban:02");
    CHECK_STR(triples("The TTP was formed in 2007. The group attacked Pakistani forces."), "TTP>Pakistan:18");
    CHECK_STR(triples("A Pakistani delegation arrived. The delegation met Afghan officials."),
              "Pakistan>Afghan Taliban:04");
}

static void test_trace(void)
{
    int kinds[6] = {0};
    const char *text = "Pakistan urged the Taliban to act. The European Union urged Pakistan.";
    dyad_graph *g = dyad_graph_new();
    dyad_error err = {0};
    struct {
        int *kinds;
    } u = {kinds};
    dyad_extract_opts o = {0};
    o.trace = NULL;
    (void)u;
    CHECK_INT(dyad_extract(dict, "t", text, strlen(text), g, &o, &err), DYAD_OK);
    CHECK_INT(dyad_graph_documents(g), 1);
    CHECK_INT(dyad_graph_sentences(g), 2);
    dyad_graph_free(g);
}

static void count_kind(const dyad_trace_event *ev, void *user)
{
    ((int *)user)[ev->kind]++;
}

static void test_events(void)
{
    int kinds[6] = {0};
    const char *text = "Pakistan urged the Taliban to attack the TTP. The European Union urged Pakistan.";
    dyad_graph *g = dyad_graph_new();
    dyad_error err = {0};
    dyad_extract_opts o = {.trace = count_kind, .trace_user = kinds};
    CHECK_INT(dyad_extract(dict, "t", text, strlen(text), g, &o, &err), DYAD_OK);
    CHECK_INT(kinds[DYAD_TRACE_SENTENCE], 2);
    CHECK(kinds[DYAD_TRACE_ACTOR] >= 4);
    CHECK_INT(kinds[DYAD_TRACE_TRIPLE], 1);
    CHECK(kinds[DYAD_TRACE_DROP] >= 2); /* the requested attack, the EU appeal */
    CHECK_INT(kinds[DYAD_TRACE_UNKNOWN], 1);
    dyad_graph_free(g);
}

static void test_bad_utf8(void)
{
    dyad_graph *g = dyad_graph_new();
    dyad_error err = {0};
    const char *text = "Pakistan\nurged \xc3\x28 the Taliban.";
    CHECK_INT(dyad_extract(dict, "bad.txt", text, strlen(text), g, NULL, &err), DYAD_ERR_PARSE);
    CHECK_INT(err.line, 2);
    CHECK_INT(err.column, 7);
    CHECK_STR(err.source, "bad.txt");
    dyad_graph_free(g);
}

int main(void)
{
    dyad_error err = {0};
    if (dyad_dict_new(&dict, "actors.json", "verbs.json", &err)) {
        printf("Bail out! %s:%d:%d: %s\n", err.source, err.line, err.column, err.text);
        return 1;
    }
    RUN(test_rules);
    RUN(test_context);
    RUN(test_trace);
    RUN(test_events);
    RUN(test_bad_utf8);
    dyad_dict_free(dict);
    return DONE();
}
