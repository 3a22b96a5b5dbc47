/* Fuzz target: arbitrary bytes as two dyad JSON graphs, split at the first
 * NUL byte (no NUL: the same graph twice, as 'dyad merge g.json g.json'),
 * merged as 'dyad merge' does (src/cli/cmd_merge.c: each part read under
 * the output's evidence cap and moved into the sum), once keeping all the
 * evidence and once with --max-evidence 1.  The sum is written as JSON and
 * must read back and write the same bytes again, and merging the parts in
 * the other order must give the same bytes: dyad never writes a graph it
 * refuses, and merge is commutative. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/dyad.h"
#include "fuzz.h"

typedef struct part {
    const uint8_t *data;
    size_t size;
} part;

static void fail(const char *what, const dyad_error *err)
{
    fprintf(stderr, "fuzz_merge: %s", what);
    if (err)
        fprintf(stderr, ": %s:%d:%d: %s", err->source, err->line,
                err->column, err->text);
    fputc('\n', stderr);
    abort();
}

/* Adds the graph in p to into, as cmd_merge.c's merge_one. */
static dyad_status merge_part(dyad_graph *into, part p, size_t cap)
{
    if (p.size == 0)
        return DYAD_ERR_INVALID; /* fmemopen refuses an empty buffer */
    FILE *in = fmemopen((void *)p.data, p.size, "rb");
    if (!in)
        abort();
    dyad_graph *g = NULL;
    dyad_error err = {0};
    dyad_read_opts ro = {.evidence_cap = cap};
    dyad_status st = dyad_read_json_opts(&g, in, "part.json", &ro, &err);
    fclose(in);
    if (st == DYAD_OK) {
        char *doc;
        (void)dyad_graph_shared_documents(into, g, &doc);
        free(doc);
        st = dyad_graph_merge_move(into, g, &err);
    }
    dyad_graph_free(g);
    return st;
}

/* g as JSON in a malloc'ed buffer (*len bytes). */
static char *to_json(const dyad_graph *g, size_t *len)
{
    char *buf = NULL;
    FILE *out = open_memstream(&buf, len);
    if (!out)
        abort();
    dyad_error err = {0};
    dyad_status st = dyad_write_json(g, out, &err);
    if (fclose(out) != 0)
        abort();
    if (st != DYAD_OK)
        fail("the merged graph cannot be written", &err);
    return buf;
}

/* The merge of a then b, sorted, as JSON; NULL if either is refused. */
static char *merged(part a, part b, size_t cap, size_t *len)
{
    char *json = NULL;
    dyad_graph *sum = dyad_graph_new();
    dyad_graph_set_evidence_cap(sum, cap);
    if (merge_part(sum, a, cap) == DYAD_OK &&
        merge_part(sum, b, cap) == DYAD_OK) {
        dyad_graph_sort(sum);
        json = to_json(sum, len);
    }
    dyad_graph_free(sum);
    return json;
}

/* The JSON dyad wrote must read back, as the same graph. */
static void check_reads_back(const char *json, size_t len)
{
    FILE *in = fmemopen((void *)json, len, "rb");
    if (!in)
        abort();
    dyad_graph *g = NULL;
    dyad_error err = {0};
    if (dyad_read_json(&g, in, "merged.json", &err) != DYAD_OK)
        fail("dyad refuses the graph it wrote", &err);
    fclose(in);
    size_t len2;
    char *again = to_json(g, &len2);
    if (len2 != len || memcmp(again, json, len) != 0)
        fail("the merged graph read back writes other bytes", NULL);
    free(again);
    dyad_graph_free(g);
}

static void check(part a, part b, size_t cap)
{
    size_t len = 0, len_ba = 0;
    char *ab = merged(a, b, cap, &len);
    char *ba = merged(b, a, cap, &len_ba);
    if (!ab != !ba)
        fail("merge refuses one order of the parts and not the other",
             NULL);
    if (ab) {
        if (len != len_ba || memcmp(ab, ba, len) != 0)
            fail("merge(a, b) and merge(b, a) write other bytes", NULL);
        check_reads_back(ab, len);
    }
    free(ab);
    free(ba);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, '\0', size);
    part a = {data, nul ? (size_t)(nul - data) : size};
    part b = nul ? (part){nul + 1, size - a.size - 1} : a;
    check(a, b, 0);
    check(a, b, 1);
    return 0;
}
