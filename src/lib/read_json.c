/* Reading dyad's node-link JSON back into a graph.  Syntax errors carry
 * Jansson's line and column; contract errors name the JSON path of the
 * value ("links[3].weight: expected an integer"), since Jansson keeps no
 * position for a value once loaded.  The graph read is sorted, so that
 * writing it again gives the same bytes.
 *
 * Two passes share the checks below (read_json.h).  The streaming pass
 * (read_stream.c, over json_scan.h) walks the file and loads one node, link
 * head or evidence item at a time, so memory follows the graph kept, not the
 * file; it expects dyad's own order (graph, then nodes, then links, each
 * link's evidence after its source, target and relations).  On anything else,
 * a graph in another order, or any error, the file is read again whole by
 * Jansson (the tree pass), which gives the messages.  Input that cannot seek
 * (a pipe) is first copied to a temporary file. */
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "dyad/docs.h"
#include "dyad/read.h"
#include "json_scan.h"
#include "read_json.h"
#include "util.h"

static dyad_status fail(reader *r, dyad_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static dyad_status fail(reader *r, dyad_status st, const char *fmt, ...)
{
    char text[sizeof r->err->text];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return dyad_fail(r->err, st, r->name, 0, 0, "%s", text);
}

/* ---- typed fields ---- */

static json_t *field(reader *r, json_t *obj, const char *path,
                     const char *key, dyad_status *st)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        *st = fail(r, DYAD_ERR_INVALID, "%s.%s: missing", path, key);
    return v;
}

dyad_status rj_get_long(reader *r, json_t *obj, const char *path,
                        const char *key, long min, long *out)
{
    dyad_status st = DYAD_OK;
    json_t *v = field(r, obj, path, key, &st);
    if (!v)
        return st;
    if (!json_is_integer(v))
        return fail(r, DYAD_ERR_INVALID, "%s.%s: expected an integer", path,
                    key);
    json_int_t x = json_integer_value(v);
    if (x < min)
        return fail(r, DYAD_ERR_INVALID, "%s.%s: %lld is out of range", path,
                    key, (long long)x);
    if (x > DYAD_MAX_COUNT)
        return fail(r, DYAD_ERR_INVALID,
                    "%s.%s: %lld is more than dyad counts (at most %ld)",
                    path, key, (long long)x, DYAD_MAX_COUNT);
    *out = (long)x;
    return DYAD_OK;
}

dyad_status rj_get_real(reader *r, json_t *obj, const char *path,
                        const char *key, double *out)
{
    dyad_status st = DYAD_OK;
    json_t *v = field(r, obj, path, key, &st);
    if (!v)
        return st;
    if (!json_is_number(v))
        return fail(r, DYAD_ERR_INVALID, "%s.%s: expected a number", path,
                    key);
    *out = json_number_value(v);
    if (!(*out >= -10.0 && *out <= 10.0))
        return fail(r, DYAD_ERR_INVALID,
                    "%s.%s: %g is outside the Goldstein scale [-10, 10]",
                    path, key, *out);
    return DYAD_OK;
}

static dyad_status get_str(reader *r, json_t *obj, const char *path,
                           const char *key, const char **out)
{
    dyad_status st = DYAD_OK;
    json_t *v = field(r, obj, path, key, &st);
    if (!v)
        return st;
    if (!json_is_string(v))
        return fail(r, DYAD_ERR_INVALID, "%s.%s: expected a string", path,
                    key);
    *out = json_string_value(v);
    return DYAD_OK;
}

dyad_status rj_get_array(reader *r, json_t *obj, const char *path,
                         const char *key, json_t **out)
{
    dyad_status st = DYAD_OK;
    json_t *v = field(r, obj, path, key, &st);
    if (!v)
        return st;
    if (!json_is_array(v))
        return fail(r, DYAD_ERR_INVALID, "%s.%s: expected an array", path,
                    key);
    *out = v;
    return DYAD_OK;
}

static dyad_status want_object(reader *r, json_t *v, const char *path)
{
    if (json_is_object(v))
        return DYAD_OK;
    return fail(r, DYAD_ERR_INVALID, "%s: expected an object", path);
}

/* ---- the header ---- */

dyad_status rj_check_bool(reader *r, json_t *root, const char *key, bool want)
{
    json_t *v = json_object_get(root, key);
    if (!v)
        return DYAD_OK;
    if (!json_is_boolean(v))
        return fail(r, DYAD_ERR_INVALID, "%s: expected true or false", key);
    if (json_is_true(v) != want)
        return fail(r, DYAD_ERR_INVALID, "%s: a dyad graph has \"%s\": %s",
                    key, key, want ? "true" : "false");
    return DYAD_OK;
}

static bool is_dyad_generator(json_t *attrs)
{
    const char *gen = json_string_value(json_object_get(attrs, "generator"));
    return gen && strncmp(gen, "dyad ", 5) == 0;
}

/* The schema first, so that a graph of another version is named as such
 * whatever else it contains. */
static dyad_status read_schema(reader *r, json_t *root, json_t **attrs)
{
    *attrs = json_object_get(root, "graph");
    if (!json_is_object(*attrs))
        return fail(r, DYAD_ERR_INVALID,
                    "not a dyad graph (no \"graph\" object)");
    json_t *v = json_object_get(*attrs, "schema");
    if (!v)
        return is_dyad_generator(*attrs)
                   ? DYAD_OK
                   : fail(r, DYAD_ERR_INVALID,
                          "not a dyad graph (graph.generator does not name "
                          "dyad and there is no graph.schema)");
    if (!json_is_integer(v))
        return fail(r, DYAD_ERR_INVALID, "graph.schema: expected an integer");
    if (json_integer_value(v) != DYAD_SCHEMA)
        return fail(r, DYAD_ERR_SCHEMA,
                    "schema %lld is not supported; this dyad reads schema %d",
                    (long long)json_integer_value(v), DYAD_SCHEMA);
    return DYAD_OK;
}

dyad_status rj_read_header(reader *r, json_t *root)
{
    json_t *attrs;
    dyad_status st = read_schema(r, root, &attrs);
    if (st == DYAD_OK)
        st = rj_check_bool(r, root, "directed", true);
    if (st == DYAD_OK)
        st = rj_check_bool(r, root, "multigraph", false);
    long docs = 0, sentences = 0;
    if (st == DYAD_OK)
        st = rj_get_long(r, attrs, "graph", "documents", 0, &docs);
    if (st == DYAD_OK)
        st = rj_get_long(r, attrs, "graph", "sentences", 0, &sentences);
    if (st == DYAD_OK)
        dyad_graph_count(r->g, docs, sentences);
    return st;
}

/* ---- nodes ---- */

dyad_status rj_read_node(reader *r, json_t *v, size_t i)
{
    char path[64];
    snprintf(path, sizeof path, "nodes[%zu]", i);
    const char *id = NULL, *label = NULL;
    long mentions = 0;
    dyad_status st = want_object(r, v, path);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "id", &id);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "label", &label);
    if (st == DYAD_OK)
        st = rj_get_long(r, v, path, "mentions", 0, &mentions);
    if (st != DYAD_OK)
        return st;
    if (!id[0])
        return fail(r, DYAD_ERR_INVALID, "%s.id: empty", path);
    if (dyad_graph_find(r->g, id) != (size_t)-1)
        return fail(r, DYAD_ERR_INVALID, "%s.id: \"%s\" appears twice", path,
                    id);
    dyad_graph_mention(r->g, dyad_graph_node(r->g, id, label), mentions);
    return DYAD_OK;
}

static dyad_status read_nodes(reader *r, json_t *root)
{
    json_t *nodes = NULL;
    dyad_status st = rj_get_array(r, root, "(top level)", "nodes", &nodes);
    for (size_t i = 0; st == DYAD_OK && i < json_array_size(nodes); i++)
        st = rj_read_node(r, json_array_get(nodes, i), i);
    return st;
}

/* ---- links ---- */

/* One Goldstein value per (verb, code) across the graph, as merge needs. */
static dyad_status check_goldstein(reader *r, const char *path,
                                   const dyad_relation *rel)
{
    strbuf key = {0};
    sb_printf(&key, "%s\n%s", rel->verb, rel->code);
    size_t n = atoms_count(r->verbs);
    uint32_t a = atoms_intern(r->verbs, key.s, key.len);
    sb_free(&key);
    long t = lround(rel->goldstein * 10.0);
    if (a == n) {
        GROW(r->tenths, r->cap_tenths, n + 1);
        r->tenths[a] = t;
        return DYAD_OK;
    }
    if (r->tenths[a] == t)
        return DYAD_OK;
    return fail(r, DYAD_ERR_INVALID,
                "%s.goldstein: verb \"%s\" (%s) has %.1f elsewhere in the "
                "graph",
                path, rel->verb, rel->code, (double)r->tenths[a] / 10.0);
}

/* A cameo is its code's root, the code's first two digits, as the
 * dictionaries make it: relations are keyed by (verb, code), and a second
 * cameo for one would make a merge depend on the order of its parts. */
static dyad_status check_cameo(reader *r, const char *path, const char *cameo,
                               const char *code)
{
    if (strlen(code) >= 2 && strlen(cameo) == 2 &&
        memcmp(cameo, code, 2) == 0)
        return DYAD_OK;
    return fail(r, DYAD_ERR_INVALID,
                "%s.cameo: \"%s\" is not the root of code \"%s\"", path,
                cameo, code);
}

dyad_status rj_read_relation(reader *r, json_t *v, const char *link, size_t i,
                             size_t e)
{
    char path[96];
    snprintf(path, sizeof path, "%s.relations[%zu]", link, i);
    dyad_relation rel = {0};
    dyad_status st = want_object(r, v, path);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "verb", &rel.verb);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "cameo", &rel.cameo);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "code", &rel.code);
    if (st == DYAD_OK)
        st = rj_get_real(r, v, path, "goldstein", &rel.goldstein);
    if (st == DYAD_OK)
        st = rj_get_long(r, v, path, "count", 1, &rel.count);
    if (st == DYAD_OK)
        st = check_cameo(r, path, rel.cameo, rel.code);
    if (st == DYAD_OK)
        st = check_goldstein(r, path, &rel);
    if (st == DYAD_OK && rel.count > DYAD_MAX_COUNT - r->acts)
        st = fail(r, DYAD_ERR_INVALID,
                  "%s.count: the graph's acts would pass %ld, the most dyad "
                  "counts",
                  path, DYAD_MAX_COUNT);
    if (st == DYAD_OK) {
        r->acts += rel.count;
        dyad_graph_relation(r->g, e, &rel);
    }
    return st;
}

dyad_status rj_read_evidence(reader *r, json_t *v, const char *link, size_t i,
                             size_t e)
{
    char path[96];
    snprintf(path, sizeof path, "%s.evidence[%zu]", link, i);
    dyad_evidence ev = {0};
    dyad_status st = want_object(r, v, path);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "doc", &ev.doc);
    if (st == DYAD_OK)
        st = rj_get_long(r, v, path, "sentence", 1, &ev.sentence);
    if (st == DYAD_OK)
        st = rj_get_long(r, v, path, "offset", 0, &ev.offset);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "verb", &ev.verb);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "cameo", &ev.cameo);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "code", &ev.code);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "text", &ev.text);
    if (st == DYAD_OK)
        st = check_cameo(r, path, ev.cameo, ev.code);
    if (st == DYAD_OK)
        r->n_ev++;
    if (st == DYAD_OK && !r->no_evidence)
        dyad_graph_evidence(r->g, e, &ev);
    return st;
}

static dyad_status find_node(reader *r, json_t *v, const char *path,
                             const char *key, size_t *out)
{
    const char *id = NULL;
    dyad_status st = get_str(r, v, path, key, &id);
    if (st != DYAD_OK)
        return st;
    *out = dyad_graph_find(r->g, id);
    if (*out == (size_t)-1)
        return fail(r, DYAD_ERR_INVALID, "%s.%s: unknown node \"%s\"", path,
                    key, id);
    return DYAD_OK;
}

/* A new edge for the pair, or an error if it is a loop or a repeat. */
dyad_status rj_new_edge(reader *r, json_t *v, const char *path, long weight,
                        size_t *e)
{
    size_t s = 0, t = 0;
    dyad_status st = find_node(r, v, path, "source", &s);
    if (st == DYAD_OK)
        st = find_node(r, v, path, "target", &t);
    if (st != DYAD_OK)
        return st;
    if (s == t)
        return fail(r, DYAD_ERR_INVALID, "%s: a link from \"%s\" to itself",
                    path, dyad_graph_nodes(r->g)[s].id);
    size_t before = dyad_graph_n_edges(r->g);
    *e = dyad_graph_edge(r->g, s, t, weight);
    if (dyad_graph_n_edges(r->g) == before)
        return fail(
            r, DYAD_ERR_INVALID, "%s: a second link from \"%s\" to \"%s\"",
            path, dyad_graph_nodes(r->g)[s].id, dyad_graph_nodes(r->g)[t].id);
    return DYAD_OK;
}

static dyad_status read_items(reader *r, json_t *v, const char *path,
                              size_t e)
{
    json_t *rels = NULL, *evs = NULL;
    dyad_status st = rj_get_array(r, v, path, "relations", &rels);
    if (st == DYAD_OK)
        st = rj_get_array(r, v, path, "evidence", &evs);
    for (size_t i = 0; st == DYAD_OK && i < json_array_size(rels); i++)
        st = rj_read_relation(r, json_array_get(rels, i), path, i, e);
    for (size_t i = 0; st == DYAD_OK && i < json_array_size(evs); i++)
        st = rj_read_evidence(r, json_array_get(evs, i), path, i, e);
    return st;
}

/* acts and goldstein follow from the relations: a file that says
 * otherwise was edited by hand, and merging it would spread the error. */
dyad_status rj_check_totals(reader *r, const char *path, size_t e, long acts,
                            double goldstein)
{
    const dyad_edge *edge = &dyad_graph_edges(r->g)[e];
    if (edge->acts != acts)
        return fail(r, DYAD_ERR_INVALID,
                    "%s.acts: %ld, but the relations count %ld", path, acts,
                    edge->acts);
    if (llround(edge->goldstein * 1000.0) != llround(goldstein * 1000.0))
        return fail(r, DYAD_ERR_INVALID,
                    "%s.goldstein: %g, but the relations give %g", path,
                    goldstein, edge->goldstein);
    if (edge->weight > acts)
        return fail(r, DYAD_ERR_INVALID,
                    "%s.weight: %ld sentences for %ld acts", path,
                    edge->weight, acts);
    if (r->n_ev > (size_t)acts) /* read, kept or not */
        return fail(r, DYAD_ERR_INVALID,
                    "%s.evidence: %zu items for %ld acts", path, r->n_ev,
                    acts);
    return DYAD_OK;
}

static dyad_status read_link(reader *r, json_t *v, const char *links,
                             size_t i)
{
    char path[64];
    snprintf(path, sizeof path, "%s[%zu]", links, i);
    long weight = 0, acts = 0;
    double goldstein = 0;
    size_t e = 0;
    r->n_ev = 0;
    dyad_status st = want_object(r, v, path);
    if (st == DYAD_OK)
        st = rj_get_long(r, v, path, "weight", 0, &weight);
    if (st == DYAD_OK)
        st = rj_get_long(r, v, path, "acts", 0, &acts);
    if (st == DYAD_OK)
        st = rj_get_real(r, v, path, "goldstein", &goldstein);
    if (st == DYAD_OK)
        st = rj_new_edge(r, v, path, weight, &e);
    if (st == DYAD_OK)
        st = read_items(r, v, path, e);
    if (st == DYAD_OK)
        st = rj_check_totals(r, path, e, acts, goldstein);
    return st;
}

/* NetworkX 3.6 and later write "edges" where 2.8 and D3 write "links". */
static dyad_status read_links(reader *r, json_t *root)
{
    json_t *links = json_object_get(root, "links");
    const char *key = "links";
    if (links && json_object_get(root, "edges"))
        return fail(r, DYAD_ERR_INVALID,
                    "both \"links\" and \"edges\": which are the edges?");
    if (!links) {
        links = json_object_get(root, "edges");
        key = links ? "edges" : "links";
    }
    if (!links)
        return fail(r, DYAD_ERR_INVALID, "links: missing");
    if (!json_is_array(links))
        return fail(r, DYAD_ERR_INVALID, "%s: expected an array", key);
    dyad_status st = DYAD_OK;
    for (size_t i = 0; st == DYAD_OK && i < json_array_size(links); i++)
        st = read_link(r, json_array_get(links, i), key, i);
    return st;
}

/* ---- documents ---- */

dyad_status rj_read_document(reader *r, json_t *v, size_t i)
{
    char path[64];
    snprintf(path, sizeof path, "graph.corpus[%zu]", i);
    const char *doc = NULL, *date = NULL;
    char checked[DYAD_DATE_SIZE];
    dyad_status st = want_object(r, v, path);
    if (st == DYAD_OK)
        st = get_str(r, v, path, "doc", &doc);
    json_t *d = st == DYAD_OK ? json_object_get(v, "date") : NULL;
    if (d && !json_is_null(d)) {
        date = json_string_value(d);
        if (!date || !dyad_date_parse(date, json_string_length(d), checked) ||
            json_string_length(d) != 10)
            return fail(r, DYAD_ERR_INVALID,
                        "%s.date: expected a date (YYYY-MM-DD)", path);
    }
    if (st != DYAD_OK)
        return st;
    r->n_docs++;
    /* the graph's own list, unless it keeps none */
    bool fresh = r->no_evidence
                     ? dyad_docs_add(r->seen_docs, doc)
                     : dyad_graph_document(r->g, doc, date ? checked : NULL);
    if (!fresh)
        return fail(r, DYAD_ERR_INVALID, "%s.doc: \"%s\" appears twice", path,
                    doc);
    return DYAD_OK;
}

/* Optional: a graph of an older dyad lists none. */
static dyad_status read_documents(reader *r, json_t *root)
{
    json_t *docs = json_object_get(json_object_get(root, "graph"), "corpus");
    if (!docs)
        return DYAD_OK;
    if (!json_is_array(docs))
        return fail(r, DYAD_ERR_INVALID, "graph.corpus: expected an array");
    dyad_status st = DYAD_OK;
    for (size_t i = 0; st == DYAD_OK && i < json_array_size(docs); i++)
        st = rj_read_document(r, json_array_get(docs, i), i);
    return st;
}

/* A name listed twice is found as it is read while the list is in
 * memory; once it has spilled to disk (docs.h), by one listing here, when
 * the list holds fewer names than were read. */
static dyad_status spilled_repeats(reader *r)
{
    const dyad_docs *t =
        r->no_evidence ? r->seen_docs : dyad_graph_docs(r->g);
    if (!dyad_docs_runs(t) || dyad_docs_count(t) == r->n_docs)
        return DYAD_OK;
    dyad_docs_iter *it = dyad_docs_iter_new(t);
    dyad_docs_item x;
    bool found = false;
    while (!found && dyad_docs_iter_next(it, &x))
        found = x.repeated;
    dyad_status st = found ? fail(r, DYAD_ERR_INVALID,
                                  "graph.corpus: \"%s\" appears twice", x.doc)
                           : DYAD_OK;
    dyad_docs_iter_free(it);
    return st;
}

/* Checked once the whole graph is read (the count and the list may come
 * in either order). */
dyad_status rj_check_documents(reader *r)
{
    if (r->n_docs > (size_t)dyad_graph_documents(r->g))
        return fail(r, DYAD_ERR_INVALID,
                    "graph.corpus: %zu documents listed, but "
                    "graph.documents is %ld",
                    r->n_docs, dyad_graph_documents(r->g));
    return spilled_repeats(r);
}

static dyad_status read_root(reader *r, json_t *root)
{
    if (!json_is_object(root))
        return fail(r, DYAD_ERR_INVALID,
                    "not a dyad graph (expected a JSON object)");
    dyad_status st = rj_read_header(r, root);
    if (st == DYAD_OK)
        st = read_nodes(r, root);
    if (st == DYAD_OK)
        st = read_links(r, root);
    if (st == DYAD_OK)
        st = read_documents(r, root);
    if (st == DYAD_OK)
        st = rj_check_documents(r);
    return st;
}

/* ---- the two passes ---- */

static reader new_reader(const char *name, const dyad_read_opts *opts,
                         dyad_error *err)
{
    reader r = {dyad_graph_new(),
                name,
                err,
                atoms_new(),
                NULL,
                0,
                0,
                0,
                opts && opts->no_evidence,
                dyad_docs_new(),
                0};
    if (opts)
        dyad_graph_set_evidence_cap(r.g, opts->evidence_cap);
    return r;
}

/* The graph of r, sorted, to *out if st is DYAD_OK, else freed. */
static dyad_status end_reader(reader *r, dyad_status st, dyad_graph **out)
{
    free(r->tenths);
    atoms_free(r->verbs);
    dyad_docs_free(r->seen_docs);
    if (st != DYAD_OK) {
        dyad_graph_free(r->g);
        return st;
    }
    dyad_graph_sort(r->g);
    *out = r->g;
    return DYAD_OK;
}

static bool read_stream(dyad_graph **out, FILE *in, const char *name,
                        const dyad_read_opts *opts)
{
    dyad_error scratch; /* the tree pass gives the messages */
    reader r = new_reader(name, opts, &scratch);
    json_scan *sc = xmalloc(sizeof *sc);
    json_scan_init(sc, in);
    bool ok = rj_stream_root(&r, sc);
    json_scan_free(sc);
    free(sc);
    return end_reader(&r, ok ? DYAD_OK : DYAD_ERR_PARSE, out) == DYAD_OK;
}

static dyad_status read_tree(dyad_graph **out, FILE *in, const char *name,
                             const dyad_read_opts *opts, dyad_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadf(in, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        if (ferror(in))
            return dyad_fail(err, DYAD_ERR_IO, name, 0, 0, "cannot read");
        return dyad_fail(err, DYAD_ERR_PARSE, name, jerr.line, jerr.column,
                         "%s", jerr.text);
    }
    reader r = new_reader(name, opts, err);
    dyad_status st = read_root(&r, root);
    json_decref(root);
    return end_reader(&r, st, out);
}

/* A pipe copied to a temporary file, so that it can be streamed and read
 * again; NULL if there is no room for it (then the pipe is unread). */
static FILE *spool(FILE *in, bool *failed)
{
    FILE *tmp = tmpfile();
    *failed = false;
    if (!tmp)
        return NULL;
    char *buf = xmalloc(1 << 16);
    size_t n;
    while (!*failed && (n = fread(buf, 1, 1 << 16, in)) > 0)
        *failed = fwrite(buf, 1, n, tmp) != n;
    free(buf);
    if (*failed || ferror(in) || fflush(tmp) != 0 ||
        fseek(tmp, 0, SEEK_SET)) {
        *failed = true;
        fclose(tmp);
        return NULL;
    }
    return tmp;
}

static dyad_status read_seekable(dyad_graph **out, FILE *in, long start,
                                 const char *name, const dyad_read_opts *opts,
                                 dyad_error *err)
{
    if (read_stream(out, in, name, opts))
        return DYAD_OK;
    clearerr(in);
    if (fseek(in, start, SEEK_SET) != 0)
        return dyad_fail(err, DYAD_ERR_IO, name, 0, 0, "cannot read");
    return read_tree(out, in, name, opts, err);
}

dyad_status dyad_read_json_opts(dyad_graph **out, FILE *in, const char *name,
                                const dyad_read_opts *opts, dyad_error *err)
{
    *out = NULL;
    if (opts && opts->no_stream)
        return read_tree(out, in, name, opts, err);
    long start = ftell(in);
    if (start >= 0)
        return read_seekable(out, in, start, name, opts, err);
    bool failed;
    FILE *tmp = spool(in, &failed);
    if (failed)
        return dyad_fail(err, DYAD_ERR_IO, name, 0, 0,
                         "cannot read (copying it to a temporary file "
                         "failed)");
    if (!tmp) /* no temporary file: the whole tree, from the pipe */
        return read_tree(out, in, name, opts, err);
    dyad_status st = read_seekable(out, tmp, 0, name, opts, err);
    fclose(tmp);
    return st;
}

dyad_status dyad_read_json(dyad_graph **out, FILE *in, const char *name,
                           dyad_error *err)
{
    return dyad_read_json_opts(out, in, name, NULL, err);
}
