/* The streaming pass of the JSON reader (read_json.c, json_scan.c): the
 * same graph and the same errors as the tree pass (no_stream), from a file
 * and from a pipe (copied to a temporary file); the options that leave
 * evidence out; and memory that follows the graph kept rather than the
 * file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "common.h"
#include "dyad/read.h"
#include "harness.h"

/* Reads s from a temporary file or through a pipe, streaming or as one
 * tree. */
static dyad_status read_via(const char *s, bool pipe_it, bool tree,
                            const dyad_read_opts *opts, dyad_graph **g,
                            dyad_error *err)
{
    dyad_read_opts o = opts ? *opts : (dyad_read_opts){0};
    o.no_stream = tree;
    FILE *f;
    if (pipe_it) {
        int fd[2];
        if (pipe(fd) != 0)
            return DYAD_ERR_IO;
        if (fork() == 0) { /* the writer */
            close(fd[0]);
            size_t n = strlen(s), off = 0;
            while (off < n) {
                ssize_t k = write(fd[1], s + off, n - off);
                if (k <= 0)
                    _exit(1);
                off += (size_t)k;
            }
            _exit(0);
        }
        close(fd[1]);
        f = fdopen(fd[0], "r");
    } else {
        f = tmpfile();
        fputs(s, f);
        rewind(f);
    }
    dyad_status st = dyad_read_json_opts(g, f, "t.json", &o, err);
    fclose(f);
    return st;
}

/* The streaming pass (from a file and from a pipe) agrees with the tree
 * on s: status, error, and the graph's bytes. */
/* The streaming pass (from a file, or a pipe) agrees with the tree on s:
 * status, error, and the graph's bytes. */
static void same_pair(const char *s, const dyad_read_opts *o, bool pipe_it)
{
    dyad_graph *a = NULL, *b = NULL;
    dyad_error ea = {0}, eb = {0};
    dyad_status sa = read_via(s, pipe_it, false, o, &a, &ea);
    dyad_status sb = read_via(s, false, true, o, &b, &eb);
    CHECK_INT(sa, sb);
    CHECK_STR(ea.text, eb.text);
    CHECK_INT(ea.line, eb.line);
    CHECK_INT(ea.column, eb.column);
    if (a && b) {
        char *ja = json_of(a), *jb = json_of(b);
        CHECK(ja && jb && strcmp(ja, jb) == 0);
        free(ja);
        free(jb);
    }
    dyad_graph_free(a);
    dyad_graph_free(b);
}

static void same_both_ways(const char *s, const dyad_read_opts *o)
{
    same_pair(s, o, false);
    same_pair(s, o, true);
}

/* text with its first occurrence of from replaced by to (malloc'd). */
static char *replace(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at)
        return strdup(text);
    size_t n = strlen(text) - strlen(from) + strlen(to);
    char *out = malloc(n + 1);
    size_t k = (size_t)(at - text);
    memcpy(out, text, k);
    strcpy(out + k, to);
    strcat(out, at + strlen(from));
    return out;
}

static void test_same_graph_and_errors(void)
{
    dyad_graph *g = sample_graph();
    char *j = json_of(g);
    dyad_graph_free(g);
    same_both_ways(j, NULL);
    dyad_read_opts cap = {.evidence_cap = 1}, none = {.no_evidence = true};
    same_both_ways(j, &cap);
    same_both_ways(j, &none);
    /* edits each pass must treat alike: an error late in the file after
     * one early, a repeated key, trailing bytes, keys in another order,
     * escapes in keys, a missing part */
    static const char *const edits[][2] = {
        {"\n}\n", "\n} x\n"},
        {"\n}\n", "\n,}\n"},
        {"\"weight\": 1", "\"weight\": \"1\""},
        {"\"multigraph\": false,", "\"multigraph\": false, \"nodes\": [],"},
        {"\"directed\": true", "\"directed\": false"},
        {"\"evidence\": [", "\"evidence\": [{\"doc\": 1}, "},
        {"\"text\": \"", "\"text\": \"\\u00"},
        {"\"relations\"", "\"rel\\u0061tions\""},
        {"\"links\"", "\"li\\u006eks\""},
        {"\"links\"", "\"edges\""},
        {"\"source\"", "\"sou\"rce\""},
        {"\"schema\": 1", "\"schema\": 2"},
        {"\"nodes\"", "\"nodez\""},
        {"\"generator\"", "\"gen\xff\""},
    };
    for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
        char *s = replace(j, edits[i][0], edits[i][1]);
        printf("# edit %zu\n", i);
        same_both_ways(s, NULL);
        free(s);
    }
    /* the links before the nodes (a hand-made file): read, by the tree */
    const char *links = strstr(j, ",\n \"links\"");
    const char *nodes = strstr(j, ",\n \"nodes\"");
    if (links && nodes) {
        size_t n = strlen(j);
        char *s = malloc(n + 1);
        size_t k = (size_t)(nodes - j);
        memcpy(s, j, k);
        size_t nl = (size_t)(links - nodes), ll = n - 3 - (size_t)(links - j);
        memcpy(s + k, links, ll);
        memcpy(s + k + ll, nodes, nl);
        strcpy(s + k + ll + nl, "\n}\n");
        dyad_graph *x = NULL;
        dyad_error e = {0};
        CHECK_INT(read_via(s, false, false, NULL, &x, &e), DYAD_OK);
        same_both_ways(s, NULL);
        dyad_graph_free(x);
        free(s);
    }
    free(j);
}

/* no_evidence keeps none, evidence_cap the first, counts exact. */
static void test_options(void)
{
    dyad_graph *g = sample_graph();
    char *j = json_of(g);
    dyad_graph_free(g);
    dyad_graph *a = NULL, *b = NULL;
    dyad_read_opts none = {.no_evidence = true}, cap = {.evidence_cap = 1};
    CHECK_INT(read_via(j, false, false, &none, &a, NULL), DYAD_OK);
    CHECK_INT(read_via(j, true, false, &cap, &b, NULL), DYAD_OK);
    size_t total = 0, capped = 0, longest = 0;
    for (size_t i = 0; a && i < dyad_graph_n_edges(a); i++)
        total += dyad_graph_edges(a)[i].n_evidence;
    for (size_t i = 0; b && i < dyad_graph_n_edges(b); i++) {
        capped += dyad_graph_edges(b)[i].n_evidence;
        if (dyad_graph_edges(b)[i].n_evidence > longest)
            longest = dyad_graph_edges(b)[i].n_evidence;
        CHECK_INT(dyad_graph_edges(b)[i].acts, dyad_graph_edges(a)[i].acts);
    }
    CHECK_INT(total, 0);
    CHECK(capped > 0);
    CHECK_INT(longest, 1);
    dyad_graph_free(a);
    dyad_graph_free(b);
    free(j);
}

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* A 60 MB file of one edge with 200,000 evidence items, read for its
 * counts: a whole tree would take several times the file, the streaming
 * pass one item at a time. */
static void test_memory(void)
{
    FILE *f = tmpfile();
    fputs("{\"directed\": true, \"multigraph\": false, \"graph\": "
          "{\"generator\": \"dyad 0.1.0\", \"schema\": 1, \"documents\": 1, "
          "\"sentences\": 200000}, \"nodes\": [{\"id\": \"a\", \"label\": "
          "\"A\", \"mentions\": 1}, {\"id\": \"b\", \"label\": \"B\", "
          "\"mentions\": 1}], \"links\": [{\"source\": \"a\", \"target\": "
          "\"b\", \"weight\": 200000, \"acts\": 200000, \"goldstein\": 1.0, "
          "\"relations\": [{\"verb\": \"meet\", \"cameo\": \"04\", \"code\": "
          "\"040\", \"goldstein\": 1.0, \"count\": 200000}], \"evidence\": [",
          f);
    for (long i = 0; i < 200000; i++)
        fprintf(f,
                "%s{\"doc\": \"d.txt\", \"sentence\": %ld, \"offset\": %ld, "
                "\"verb\": \"meet\", \"cameo\": \"04\", \"code\": \"040\", "
                "\"text\": \"A met B, a sentence of some length so that the "
                "file is large enough to see the tree if it were built, "
                "number %ld.\"}",
                i ? ", " : "", i + 1, i * 100, i);
    fputs("]}]}\n", f);
    long size = ftell(f);
    rewind(f);
    long before = peak_kb();
    dyad_graph *g = NULL;
    dyad_read_opts none = {.no_evidence = true};
    CHECK_INT(dyad_read_json_opts(&g, f, "big.json", &none, NULL), DYAD_OK);
    long grown = peak_kb() - before;
    printf("# %ld KB file, peak grew by %ld KB\n", size / 1024, grown);
#if defined(__SANITIZE_ADDRESS__)
    /* ASan keeps freed blocks in quarantine: the peak says nothing here */
    printf("# AddressSanitizer: the memory bound is not checked\n");
#else
    CHECK(grown < size / 1024 / 4);
#endif
    CHECK(g && dyad_graph_n_edges(g) == 1 &&
          dyad_graph_edges(g)[0].acts == 200000);
    dyad_graph_free(g);
    fclose(f);
}

/* Random damage to a graph with a corpus, a cap and escapes, a few bytes
 * at a time: whatever the bytes, the streaming pass and the tree agree
 * (a deterministic generator, so that a failure replays). */
static void test_mutations(void)
{
    dyad_graph *g = sample_graph();
    dyad_graph_document(g, "001_a.txt", "2024-03-18");
    dyad_graph_document(g, "002_b.txt", NULL);
    char *j = json_of(g);
    dyad_graph_free(g);
    static const char alphabet[] = "{}[]\",:0123456789.-eE \n\\ux\xc3";
    size_t n = strlen(j);
    char *s = malloc(n + 16);
    uint32_t seed = 2463534242u;
    int agree = 0, runs = 2000;
    for (int k = 0; k < runs; k++) {
        memcpy(s, j, n + 1);
        size_t len = n;
        for (int m = 0; m <= k % 3; m++) {
            seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
            size_t at = seed % len;
            char c = alphabet[(seed >> 12) % (sizeof alphabet - 1)];
            switch ((seed >> 20) % 3) {
            case 0: s[at] = c; break; /* replace */
            case 1: memmove(s + at, s + at + 1, len-- - at); break; /* cut */
            default: /* insert */
                memmove(s + at + 1, s + at, len++ - at + 1);
                s[at] = c;
            }
        }
        dyad_graph *a = NULL, *b = NULL;
        dyad_error ea = {0}, eb = {0};
        dyad_status sa = read_via(s, false, false, NULL, &a, &ea);
        dyad_status sb = read_via(s, false, true, NULL, &b, &eb);
        bool same = sa == sb && strcmp(ea.text, eb.text) == 0 &&
                    ea.line == eb.line && ea.column == eb.column;
        if (same && a && b) {
            char *ja = json_of(a), *jb = json_of(b);
            same = ja && jb && strcmp(ja, jb) == 0;
            free(ja);
            free(jb);
        }
        if (!same)
            printf("# mutation %d disagrees: %s | %s\n", k, ea.text, eb.text);
        agree += same;
        dyad_graph_free(a);
        dyad_graph_free(b);
    }
    CHECK_INT(agree, runs);
    free(s);
    free(j);
}

int main(void)
{
    RUN(test_same_graph_and_errors);
    RUN(test_options);
    RUN(test_mutations);
    RUN(test_memory);
    return DONE();
}
