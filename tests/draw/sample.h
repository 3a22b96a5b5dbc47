/* Graphs for the draw tests, built through the public dyad_graph API.
 * Header-only (static functions): each test program includes it once. */
#ifndef DYAD_DRAW_SAMPLE_H
#define DYAD_DRAW_SAMPLE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/dyad.h"

typedef struct sample_act {
    const char *src, *tgt, *verb, *cameo;
    double goldstein;
    int times;        /* acts, each in its own sentence */
    const char *text; /* the sentence ("%s" gets nothing; plain text) */
} sample_act;

static const struct {
    const char *id, *label;
    long mentions;
} sample_nodes[] = {
    {"pakistan", "Pakistan", 61},
    {"afghan-taliban", "Afghan Taliban", 40},
    {"ttp", "TTP", 25},
    {"china", "China", 18},
    {"united-states", "United States", 15},
    {"united-nations", "United Nations", 7},
    {"russia", "Russia", 8},
    {"al-qaeda", "al-Qaeda", 6},
};

/* Mixed tone, as in the seeds: appeals and accusations between Pakistan
 * and the Taliban, attacks by the TTP, support from China. */
static const sample_act sample_acts[] = {
    {"pakistan", "afghan-taliban", "urge", "02", 3.0, 4,
     "Pakistan urged the Afghan Taliban to honour their commitments and "
     "act against militants using Afghan soil."},
    {"pakistan", "afghan-taliban", "accuse", "11", -2.0, 3,
     "Islamabad accused the Taliban government of sheltering fighters who "
     "cross the border to stage attacks inside Pakistan."},
    {"pakistan", "afghan-taliban", "demand", "10", -5.0, 2,
     "The foreign office demanded that Kabul hand over TTP commanders."},
    {"ttp", "pakistan", "attack", "19", -10.0, 6,
     "TTP militants attacked a police post in Khyber Pakhtunkhwa, killing "
     "six officers."},
    {"ttp", "pakistan", "threaten", "13", -7.0, 2,
     "The TTP threatened further attacks on security forces."},
    {"pakistan", "ttp", "attack", "19", -10.0, 3,
     "Pakistani forces struck TTP hideouts in North Waziristan."},
    {"china", "pakistan", "support", "05", 3.5, 3,
     "China reaffirmed its support for Pakistan's efforts against "
     "terrorism."},
    {"china", "pakistan", "aid", "07", 7.0, 2,
     "Beijing pledged economic aid to Pakistan under the CPEC framework."},
    {"pakistan", "china", "meet", "04", 1.0, 2,
     "Pakistan's foreign minister met his Chinese counterpart in Beijing."},
    {"pakistan", "china", "agree", "03", 4.0, 1,
     "Pakistan agreed with China to step up security for Chinese workers."},
    {"afghan-taliban", "pakistan", "reject", "12", -4.0, 2,
     "The Taliban rejected Pakistan's claims as \"baseless\" & "
     "\"irresponsible\"."},
    {"afghan-taliban", "pakistan", "accuse", "11", -2.0, 1,
     "A Taliban spokesman accused Pakistan of violating Afghan airspace."},
    {"russia", "afghan-taliban", "meet", "04", 1.0, 2,
     "Russia hosted a Taliban delegation in Moscow for talks on regional "
     "security."},
    {"united-states", "pakistan", "urge", "02", 3.0, 2,
     "The United States urged Pakistan to protect civilians during its "
     "operations."},
    {"united-states", "pakistan", "aid", "07", 7.0, 1,
     "Washington announced flood relief aid for Pakistan."},
    {"united-states", "afghan-taliban", "sanction", "16", -4.0, 2,
     "The United States sanctioned Taliban officials over restrictions on "
     "women's education."},
    {"united-states", "afghan-taliban", "condemn", "11", -2.0, 1,
     "Washington condemned the Taliban's ban on girls' schooling."},
    {"united-nations", "afghan-taliban", "condemn", "11", -2.0, 3,
     "The United Nations condemned the Taliban's curbs on aid workers, "
     "calling them <unacceptable>."},
    {"united-nations", "afghan-taliban", "urge", "02", 3.0, 2,
     "UN envoy urged the Taliban to reopen schools for girls."},
    {"united-nations", "pakistan", "praise", "05", 3.4, 1,
     "The UN praised Pakistan for hosting Afghan refugees for decades."},
    {"al-qaeda", "ttp", "support", "05", 3.5, 2,
     "Al-Qaeda's leadership voiced support for the TTP campaign."},
    {"afghan-taliban", "al-qaeda", "shelter", "07", 7.0, 1,
     "Monitors said the Taliban continue to shelter al-Qaeda leaders, a "
     "path\\to\\evidence noted in the UN report."},
    {"china", "afghan-taliban", "meet", "04", 1.0, 2,
     "China's special envoy met Taliban ministers in Kabul."},
    {"china", "afghan-taliban", "urge", "02", 3.0, 1,
     "China urged the Taliban to form an inclusive government."},
    {"russia", "united-states", "accuse", "11", -2.0, 1,
     "Moscow accused Washington of destabilising the region."},
    {"united-states", "al-qaeda", "attack", "19", -10.0, 2,
     "A US drone strike killed an al-Qaeda commander in Kabul."},
};

static void sample_add_act(dyad_graph *g, size_t s, size_t t, const char *verb,
                           const char *cameo, double goldstein,
                           const char *doc, long sentence, const char *text)
{
    dyad_act a = {
        .verb = verb, .cameo = cameo, .code = cameo,
        .goldstein = goldstein, .doc = doc, .sentence = sentence,
        .offset = sentence * 150, .text = text, .text_len = strlen(text),
    };
    dyad_graph_act(g, s, t, &a);
}

/* The realistic sample: 8 actors, 16 links.  Sorted. */
static inline dyad_graph *sample_graph(void)
{
    static const char *docs[] = {
        "001_3f9a2c17e4b05d88.txt", "002_bfc74d61377952b2.txt",
        "003_0c5e8a9d21f4b763.txt", "004_d2a6471be90c3f5e.txt",
        "005_8e1f03c6a5d7b429.txt",
    };
    dyad_graph *g = dyad_graph_new();
    size_t n = sizeof sample_nodes / sizeof sample_nodes[0];
    for (size_t i = 0; i < n; i++) {
        size_t k = dyad_graph_node(g, sample_nodes[i].id, sample_nodes[i].label);
        dyad_graph_mention(g, k, sample_nodes[i].mentions);
    }
    long sentence = 1;
    for (size_t i = 0; i < sizeof sample_acts / sizeof sample_acts[0]; i++) {
        const sample_act *a = &sample_acts[i];
        size_t s = dyad_graph_find(g, a->src), t = dyad_graph_find(g, a->tgt);
        for (int k = 0; k < a->times; k++, sentence++)
            sample_add_act(g, s, t, a->verb, a->cameo, a->goldstein,
                           docs[(i + (size_t)k) % 5], sentence, a->text);
    }
    dyad_graph_count(g, 5, 120);
    dyad_graph_sort(g);
    return g;
}

/* A small fixed graph for the byte-for-byte DOT test; the evidence holds
 * & < > " and a backslash. */
static inline dyad_graph *small_graph(void)
{
    dyad_graph *g = dyad_graph_new();
    size_t b = dyad_graph_node(g, "b-land", "B \"Land\"");
    size_t a = dyad_graph_node(g, "a-land", "A & Co");
    size_t c = dyad_graph_node(g, "c-land", "C\\Land");
    dyad_graph_mention(g, a, 3);
    dyad_graph_mention(g, b, 2);
    dyad_graph_mention(g, c, 1);
    sample_add_act(g, a, b, "urge", "02", 3.0, "doc1.txt", 1,
                   "A urged B to \"talk\" & <listen>, said C\\D.");
    sample_add_act(g, a, b, "urge", "02", 3.0, "doc1.txt", 2,
                   "A again urged B.");
    sample_add_act(g, a, b, "meet", "04", 1.0, "doc2.txt", 1, "A met B.");
    sample_add_act(g, b, c, "attack", "19", -10.0, "doc2.txt", 3,
                   "B attacked C.");
    sample_add_act(g, c, a, "accuse", "11", -2.0, "doc2.txt", 4,
                   "C accused A of lying\\");
    dyad_graph_count(g, 2, 6);
    dyad_graph_sort(g);
    return g;
}

/* n nodes and m random edges (a fixed LCG: the same graph every run). */
static inline dyad_graph *random_graph(size_t n, size_t m)
{
    static const char *verbs[] = {"urge", "meet", "accuse", "attack", "aid"};
    static const double gold[] = {3.0, 1.0, -2.0, -10.0, 7.0};
    dyad_graph *g = dyad_graph_new();
    unsigned long x = 12345;
    char id[32], label[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "actor-%04zu", i);
        snprintf(label, sizeof label, "Actor %zu", i);
        dyad_graph_mention(g, dyad_graph_node(g, id, label), (long)(i % 17));
    }
    for (size_t k = 0; k < m;) {
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        size_t s = (size_t)(x >> 33) % n;
        size_t t = (size_t)(x >> 13) % n;
        size_t v = (size_t)(x >> 7) % 5;
        if (s == t)
            continue;
        sample_add_act(g, s, t, verbs[v], "00", gold[v], "r.txt", (long)k + 1,
                       "Random sentence.");
        k++;
    }
    dyad_graph_count(g, 1, (long)m);
    dyad_graph_sort(g);
    return g;
}

#endif
