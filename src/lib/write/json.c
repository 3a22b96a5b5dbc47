/* The node-link JSON of a sorted graph, read as-is by NetworkX and D3.
 *
 * Written straight to a buffered stream (jsonw.h) with our own escaper, in
 * the bytes Jansson's dump gave (JSON_INDENT(1), keys in a fixed order,
 * reals with precision 10): no tree and no buffer per link, so memory does
 * not grow with the graph written and the time is the bytes'.  The reals
 * are multiples of 0.1 or 0.001 and print as such.  Every string is checked
 * as UTF-8 before the first byte is written, so a bad graph writes
 * nothing. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/extract.h"
#include "dyad/write.h"
#include "jsonw.h"
#include "ordered.h"
#include "text.h"
#include "util.h"

/* ---- UTF-8, as Jansson accepts it (text_utf8_ok) ---- */

/* The JSON path of the first string that is not UTF-8, or "" if none. */
typedef struct where {
    char path[128];
} where;

static bool check_relations(const dyad_edge *e, size_t link, where *w)
{
    static const char *const key[] = {"verb", "cameo", "code"};
    for (size_t i = 0; i < e->n_relations; i++) {
        const dyad_relation *r = &e->relations[i];
        const char *v[] = {r->verb, r->cameo, r->code};
        for (int k = 0; k < 3; k++)
            if (!text_utf8_ok(v[k])) {
                snprintf(w->path, sizeof w->path,
                         "links[%zu].relations[%zu].%s", link, i, key[k]);
                return false;
            }
    }
    return true;
}

/* Evidence items from .. to - 1 of link e. */
static bool check_evidence(const dyad_edge *e, size_t link, size_t from,
                           size_t to, where *w)
{
    static const char *const key[] = {"doc", "verb", "cameo", "code", "text"};
    for (size_t i = from; i < to; i++) {
        const dyad_evidence *x = &e->evidence[i];
        const char *v[] = {x->doc, x->verb, x->cameo, x->code, x->text};
        for (int k = 0; k < 5; k++)
            if (!text_utf8_ok(v[k])) {
                snprintf(w->path, sizeof w->path,
                         "links[%zu].evidence[%zu].%s", link, i, key[k]);
                return false;
            }
    }
    return true;
}

/* ---- chunks: runs of links formatted (and checked) on threads ----
 *
 * The links are cut into chunks of about CHUNK_BYTES of JSON, guessed from
 * their counts of relations and evidence, so that several threads can
 * check and format them while one writes them in order (ordered.h).  A
 * link with much evidence (a bench corpus repeats its articles: one link
 * may hold a hundred megabytes of sentences) is cut between its evidence
 * items, so that a chunk stays near CHUNK_BYTES whatever the graph. */

enum { CHUNK_BYTES = 1 << 20, LINK_GUESS = 300, RELATION_GUESS = 150,
       EVIDENCE_GUESS = 400 };

/* A place in the links: before evidence item ev of link link (ev 0:
 * before the link itself). */
typedef struct place {
    size_t link, ev;
} place;

typedef struct chunks {
    const dyad_graph *g;
    size_t n;     /* chunks */
    place *from;  /* chunk i runs from from[i] to from[i + 1] */
    where *bad;   /* per chunk: the first string that is not UTF-8 */
    jsonw *w;     /* where the chunks are emitted */
} chunks;

static void add_place(chunks *c, size_t *cap, size_t link, size_t ev)
{
    GROW(c->from, *cap, c->n + 2);
    c->from[c->n++] = (place){link, ev};
}

static void cut_chunks(chunks *c, const dyad_graph *g)
{
    size_t n = dyad_graph_n_edges(g), cap = 0, bytes = 0;
    const dyad_edge *e = dyad_graph_edges(g);
    c->g = g;
    c->n = 0;
    c->from = NULL;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || bytes >= CHUNK_BYTES) {
            add_place(c, &cap, i, 0);
            bytes = 0;
        }
        bytes += LINK_GUESS + RELATION_GUESS * e[i].n_relations;
        for (size_t k = 0; k < e[i].n_evidence; k++) {
            if (k > 0 && bytes >= CHUNK_BYTES) {
                add_place(c, &cap, i, k);
                bytes = 0;
            }
            bytes += EVIDENCE_GUESS;
        }
    }
    GROW(c->from, cap, c->n + 1);
    c->from[c->n] = (place){n, 0};
    c->bad = xcalloc(c->n ? c->n : 1, sizeof *c->bad);
}

static void free_chunks(chunks *c)
{
    free(c->from);
    free(c->bad);
}

/* The part of link k in chunk i: its evidence from *ev0 to *ev1; false if
 * the link is not in the chunk. */
static bool part_of_link(const chunks *c, size_t i, size_t k, size_t *ev0,
                         size_t *ev1)
{
    place a = c->from[i], b = c->from[i + 1];
    if (k == b.link && b.ev == 0)
        return false; /* the next chunk starts with it */
    *ev0 = k == a.link ? a.ev : 0;
    *ev1 = k == b.link ? b.ev : dyad_graph_edges(c->g)[k].n_evidence;
    return true;
}

/* The last link with a part in chunk i, plus one. */
static size_t links_end(const chunks *c, size_t i)
{
    place b = c->from[i + 1];
    return b.ev ? b.link + 1 : b.link;
}

static void check_chunk(void *ctx, size_t i)
{
    chunks *c = ctx;
    const dyad_edge *e = dyad_graph_edges(c->g);
    size_t ev0, ev1;
    for (size_t k = c->from[i].link; k < links_end(c, i); k++) {
        if (!part_of_link(c, i, k, &ev0, &ev1))
            break;
        if ((ev0 == 0 && !check_relations(&e[k], k, &c->bad[i])) ||
            !check_evidence(&e[k], k, ev0, ev1, &c->bad[i]))
            return;
    }
}

/* The links' strings, checked on jobs threads; the first bad one in link
 * order is reported, as one thread would find it. */
static bool check_links(chunks *c, int jobs, where *w)
{
    ordered_each(c->n, jobs, check_chunk, c);
    for (size_t i = 0; i < c->n; i++)
        if (c->bad[i].path[0]) {
            *w = c->bad[i];
            return false;
        }
    return true;
}

static bool check_strings(const dyad_graph *g, chunks *c, int jobs, where *w)
{
    const dyad_node *n = dyad_graph_nodes(g);
    for (size_t i = 0; i < dyad_graph_n_nodes(g); i++)
        if (!text_utf8_ok(n[i].id) || !text_utf8_ok(n[i].label)) {
            snprintf(w->path, sizeof w->path, "nodes[%zu].%s", i,
                     text_utf8_ok(n[i].id) ? "label" : "id");
            return false;
        }
    if (!check_links(c, jobs, w))
        return false;
    dyad_docs_iter *it = dyad_docs_iter_new(dyad_graph_docs(g));
    dyad_docs_item x;
    bool ok = true;
    for (size_t i = 0; ok && dyad_docs_iter_next(it, &x); i++)
        if (!text_utf8_ok(x.doc)) {
            snprintf(w->path, sizeof w->path, "graph.corpus[%zu].doc", i);
            ok = false;
        }
    dyad_docs_iter_free(it);
    return ok;
}

/* ---- the objects ----
 *
 * Each writer starts after the value's opening bracket is due and leaves
 * the stream after its closing one; depth is the value's own. */

/* The documents the graph was built from, by name, with their dates: the
 * value of graph.corpus, at depth 2 (in the graph's attributes, so that
 * NetworkX keeps it in G.graph and writes it back). */
static void write_corpus(jsonw *w, const dyad_graph *g)
{
    dyad_docs_iter *it = dyad_docs_iter_new(dyad_graph_docs(g));
    dyad_docs_item x;
    bool any = false;
    jsonw_lit(w, "[");
    for (; dyad_docs_iter_next(it, &x); any = true) {
        jsonw_lit(w, any ? "," : "");
        jsonw_newline(w, 3);
        jsonw_lit(w, "{");
        jsonw_key(w, 4, "doc");
        jsonw_string(w, x.doc);
        if (x.date) {
            jsonw_lit(w, ",");
            jsonw_key(w, 4, "date");
            jsonw_string(w, x.date);
        }
        jsonw_newline(w, 3);
        jsonw_lit(w, "}");
    }
    dyad_docs_iter_free(it);
    if (any)
        jsonw_newline(w, 2);
    jsonw_lit(w, "]");
}

static void write_graph_attrs(jsonw *w, const dyad_graph *g)
{
    jsonw_lit(w, "{");
    jsonw_key(w, 2, "generator");
    jsonw_string(w, "dyad " DYAD_VERSION);
    jsonw_lit(w, ",");
    jsonw_key(w, 2, "schema");
    jsonw_long(w, DYAD_SCHEMA);
    jsonw_lit(w, ",");
    jsonw_key(w, 2, "documents");
    jsonw_long(w, dyad_graph_documents(g));
    jsonw_lit(w, ",");
    jsonw_key(w, 2, "sentences");
    jsonw_long(w, dyad_graph_sentences(g));
    jsonw_lit(w, ",");
    jsonw_key(w, 2, "corpus");
    write_corpus(w, g);
    jsonw_newline(w, 1);
    jsonw_lit(w, "}");
}

static void write_node(jsonw *w, const dyad_node *n)
{
    jsonw_lit(w, "{");
    jsonw_key(w, 3, "id");
    jsonw_string(w, n->id);
    jsonw_lit(w, ",");
    jsonw_key(w, 3, "label");
    jsonw_string(w, n->label);
    jsonw_lit(w, ",");
    if (dyad_is_open_actor(n->id)) { /* --open-actors; dictionary nodes
                                        carry none */
        jsonw_key(w, 3, "kind");
        jsonw_string(w, "unknown");
        jsonw_lit(w, ",");
    }
    jsonw_key(w, 3, "mentions");
    jsonw_long(w, n->mentions);
    jsonw_newline(w, 2);
    jsonw_lit(w, "}");
}

/* A literal written whole (no strlen), and `"key": ` on a new line at
 * depth 5, the members of relations and evidence items: one write each
 * instead of the newline, indent, key and colon apart (the evidence is
 * most of a large graph's JSON). */
#define LIT(w, s) jsonw_raw((w), (s), sizeof(s) - 1)
#define KEY5(k) "\n     \"" k "\": "

static void write_relation(jsonw *w, const dyad_relation *r)
{
    LIT(w, "{" KEY5("verb"));
    jsonw_string(w, r->verb);
    LIT(w, "," KEY5("cameo"));
    jsonw_string(w, r->cameo);
    LIT(w, "," KEY5("code"));
    jsonw_string(w, r->code);
    LIT(w, "," KEY5("goldstein"));
    jsonw_real(w, r->goldstein);
    LIT(w, "," KEY5("count"));
    jsonw_long(w, r->count);
    LIT(w, "\n    }");
}

static void write_evidence(jsonw *w, const dyad_evidence *v)
{
    LIT(w, "{" KEY5("doc"));
    jsonw_string(w, v->doc);
    LIT(w, "," KEY5("sentence"));
    jsonw_long(w, v->sentence);
    LIT(w, "," KEY5("offset"));
    jsonw_long(w, v->offset);
    LIT(w, "," KEY5("verb"));
    jsonw_string(w, v->verb);
    LIT(w, "," KEY5("cameo"));
    jsonw_string(w, v->cameo);
    LIT(w, "," KEY5("code"));
    jsonw_string(w, v->code);
    LIT(w, "," KEY5("text"));
    jsonw_string(w, v->text);
    LIT(w, "\n    }");
}

/* An array of n items at depth 3, each written by item(w, i). */
#define WRITE_ARRAY(w, n, item)                                              \
    do {                                                                     \
        if (!(n)) {                                                          \
            jsonw_lit(w, "[]");                                              \
            break;                                                           \
        }                                                                    \
        jsonw_lit(w, "[");                                                   \
        for (size_t i_ = 0; i_ < (n); i_++) {                                \
            jsonw_newline(w, 4);                                             \
            item;                                                            \
            if (i_ + 1 < (n))                                                \
                jsonw_lit(w, ",");                                           \
        }                                                                    \
        jsonw_newline(w, 3);                                                 \
        jsonw_lit(w, "]");                                                   \
    } while (0)

/* A link up to its evidence: `{"source": ... "evidence": ` and the
 * array's opening ("[]" whole when it is empty). */
static void write_link_head(jsonw *w, const dyad_graph *g, const dyad_edge *e)
{
    const dyad_node *n = dyad_graph_nodes(g);
    jsonw_lit(w, "{");
    jsonw_key(w, 3, "source");
    jsonw_string(w, n[e->source].id);
    jsonw_lit(w, ",");
    jsonw_key(w, 3, "target");
    jsonw_string(w, n[e->target].id);
    jsonw_lit(w, ",");
    jsonw_key(w, 3, "weight");
    jsonw_long(w, e->weight);
    jsonw_lit(w, ",");
    jsonw_key(w, 3, "acts");
    jsonw_long(w, e->acts);
    jsonw_lit(w, ",");
    jsonw_key(w, 3, "goldstein");
    jsonw_real(w, e->goldstein);
    jsonw_lit(w, ",");
    jsonw_key(w, 3, "relations");
    WRITE_ARRAY(w, e->n_relations, write_relation(w, &e->relations[i_]));
    jsonw_lit(w, ",");
    jsonw_key(w, 3, "evidence");
    jsonw_lit(w, e->n_evidence ? "[" : "[]");
}

/* Evidence items from .. to - 1 of a link, at depth 4. */
static void write_link_evidence(jsonw *w, const dyad_edge *e, size_t from,
                                size_t to)
{
    for (size_t i = from; i < to; i++) {
        jsonw_newline(w, 4);
        write_evidence(w, &e->evidence[i]);
        if (i + 1 < e->n_evidence)
            jsonw_lit(w, ",");
    }
}

static void write_link_tail(jsonw *w, const dyad_edge *e)
{
    if (e->n_evidence) {
        jsonw_newline(w, 3);
        jsonw_lit(w, "]");
    }
    jsonw_newline(w, 2);
    jsonw_lit(w, "}");
}

/* ---- the frame ---- */

static void write_nodes(jsonw *w, const dyad_graph *g)
{
    size_t n = dyad_graph_n_nodes(g);
    const dyad_node *nodes = dyad_graph_nodes(g);
    jsonw_lit(w, n ? "[" : "[]");
    for (size_t i = 0; i < n; i++) {
        jsonw_newline(w, 2);
        write_node(w, &nodes[i]);
        if (i + 1 < n)
            jsonw_lit(w, ",");
    }
    if (n)
        jsonw_lit(w, "\n ]");
}

/* Chunk i: the links and parts of links it holds, each link with the
 * newline before it and the comma after it. */
static void format_chunk(void *ctx, size_t i, strbuf *buf)
{
    chunks *c = ctx;
    size_t n = dyad_graph_n_edges(c->g), ev0, ev1;
    const dyad_edge *edges = dyad_graph_edges(c->g);
    jsonw *w = xmalloc(sizeof *w);
    jsonw_init_mem(w, buf);
    for (size_t k = c->from[i].link; k < links_end(c, i); k++) {
        if (!part_of_link(c, i, k, &ev0, &ev1))
            break;
        if (ev0 == 0) {
            jsonw_newline(w, 2);
            write_link_head(w, c->g, &edges[k]);
        }
        write_link_evidence(w, &edges[k], ev0, ev1);
        if (ev1 == edges[k].n_evidence) {
            write_link_tail(w, &edges[k]);
            if (k + 1 < n)
                jsonw_lit(w, ",");
        }
    }
    jsonw_close(w);
    free(w);
}

static bool emit_chunk(void *ctx, const char *buf, size_t len)
{
    chunks *c = ctx;
    jsonw_raw(c->w, buf, len);
    return !c->w->failed;
}

static void write_links(jsonw *w, chunks *c, int jobs)
{
    size_t n = dyad_graph_n_edges(c->g);
    jsonw_lit(w, n ? "[" : "[]");
    c->w = w;
    if (!ordered_run(c->n, jobs, format_chunk, emit_chunk, c))
        w->failed = true;
    if (n)
        jsonw_lit(w, "\n ]");
}

static bool write_all(const dyad_graph *g, chunks *c, int jobs, FILE *out)
{
    jsonw *w = xmalloc(sizeof *w);
    jsonw_init(w, out);
    jsonw_lit(w, "{\n \"directed\": true,\n \"multigraph\": false,\n"
                 " \"graph\": ");
    write_graph_attrs(w, g);
    jsonw_lit(w, ",\n \"nodes\": ");
    write_nodes(w, g);
    jsonw_lit(w, ",\n \"links\": ");
    write_links(w, c, jobs);
    jsonw_lit(w, "\n}\n");
    bool ok = jsonw_close(w);
    free(w);
    return ok;
}

dyad_status dyad_write_json_jobs(const dyad_graph *g, FILE *out, int jobs,
                                 dyad_error *err)
{
    if (!dyad_graph_is_sorted(g))
        return dyad_fail(err, DYAD_ERR_INVALID, NULL, 0, 0,
                         "the graph is not sorted (call dyad_graph_sort)");
    chunks c;
    cut_chunks(&c, g);
    where w = {{0}};
    if (!check_strings(g, &c, jobs, &w)) {
        free_chunks(&c);
        return dyad_fail(err, DYAD_ERR_INVALID, NULL, 0, 0,
                         "%s: not valid UTF-8", w.path);
    }
    bool ok = write_all(g, &c, jobs, out);
    free_chunks(&c);
    if (!ok || fflush(out) != 0 || ferror(out))
        return dyad_fail(err, DYAD_ERR_IO, NULL, 0, 0,
                         "cannot write the JSON graph");
    return DYAD_OK;
}

dyad_status dyad_write_json(const dyad_graph *g, FILE *out, dyad_error *err)
{
    return dyad_write_json_jobs(g, out, 1, err);
}
