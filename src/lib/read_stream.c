/* The streaming pass of the JSON reader (read_json.h): the graph walked
 * with json_scan.h in dyad's own order, one node, link head or evidence
 * item loaded at a time, each checked as the tree pass checks it.  Every
 * function returns false where the tree pass must decide. */
#include <stdio.h>
#include <string.h>

#include "read_json.h"

static bool stream_nodes(reader *r, json_scan *sc)
{
    if (!json_scan_byte(sc, '['))
        return false;
    bool more = !json_scan_byte(sc, ']');
    for (size_t i = 0; more; i++) {
        json_t *v = json_scan_value(sc);
        bool ok = v && rj_read_node(r, v, i) == DYAD_OK;
        json_decref(v);
        if (!ok || !json_scan_next(sc, ']', &more))
            return false;
    }
    return true;
}

/* What comes before a link's evidence: its totals, its edge, its
 * relations (the keys seen so far, in link). */
static bool stream_link_head(reader *r, json_t *link, const char *path,
                             size_t *e)
{
    long weight = 0;
    json_t *rels = NULL;
    dyad_status st = rj_get_long(r, link, path, "weight", 0, &weight);
    if (st == DYAD_OK)
        st = rj_new_edge(r, link, path, weight, e);
    if (st == DYAD_OK)
        st = rj_get_array(r, link, path, "relations", &rels);
    for (size_t i = 0; st == DYAD_OK && i < json_array_size(rels); i++)
        st = rj_read_relation(r, json_array_get(rels, i), path, i, *e);
    return st == DYAD_OK;
}

static bool stream_evidence(reader *r, json_scan *sc, const char *path,
                            size_t e)
{
    if (!json_scan_byte(sc, '['))
        return false;
    bool more = !json_scan_byte(sc, ']');
    for (size_t i = 0; more; i++) {
        json_t *v = json_scan_value(sc);
        bool ok = v && rj_read_evidence(r, v, path, i, e) == DYAD_OK;
        json_decref(v);
        if (!ok || !json_scan_next(sc, ']', &more))
            return false;
    }
    return true;
}

/* One member of a link: the evidence streamed, anything else loaded. */
static bool stream_member(reader *r, json_scan *sc, json_t *link,
                          const char *path, size_t *e)
{
    char key[32];
    if (!json_scan_key(sc, key, sizeof key) || json_object_get(link, key))
        return false; /* an odd key or a repeated one */
    if (strcmp(key, "evidence") != 0) {
        json_t *v = json_scan_value(sc);
        return v && json_object_set_new(link, key, v) == 0;
    }
    json_object_set_new(link, key, json_array());
    return stream_link_head(r, link, path, e) &&
           stream_evidence(r, sc, path, *e);
}

static bool stream_link(reader *r, json_scan *sc, const char *links, size_t i)
{
    char path[64];
    snprintf(path, sizeof path, "%s[%zu]", links, i);
    if (!json_scan_byte(sc, '{'))
        return false;
    json_t *link = json_object();
    size_t e = (size_t)-1;
    r->n_ev = 0;
    bool ok = true, more = !json_scan_byte(sc, '}');
    while (ok && more)
        ok = stream_member(r, sc, link, path, &e) &&
             json_scan_next(sc, '}', &more);
    long acts = 0;
    double goldstein = 0;
    ok = ok && e != (size_t)-1 &&
         rj_get_long(r, link, path, "acts", 0, &acts) == DYAD_OK &&
         rj_get_real(r, link, path, "goldstein", &goldstein) == DYAD_OK &&
         rj_check_totals(r, path, e, acts, goldstein) == DYAD_OK;
    json_decref(link);
    return ok;
}

static bool stream_links(reader *r, json_scan *sc, const char *key)
{
    if (!json_scan_byte(sc, '['))
        return false;
    bool more = !json_scan_byte(sc, ']');
    for (size_t i = 0; more; i++)
        if (!stream_link(r, sc, key, i) || !json_scan_next(sc, ']', &more))
            return false;
    return true;
}

static bool stream_documents(reader *r, json_scan *sc)
{
    if (!json_scan_byte(sc, '['))
        return false;
    bool more = !json_scan_byte(sc, ']');
    for (size_t i = 0; more; i++) {
        json_t *v = json_scan_value(sc);
        bool ok = v && rj_read_document(r, v, i) == DYAD_OK;
        json_decref(v);
        if (!ok || !json_scan_next(sc, ']', &more))
            return false;
    }
    return true;
}

/* The graph's attributes into head's "graph", its corpus streamed. */
static bool stream_graph_attrs(reader *r, json_scan *sc, json_t *head)
{
    if (!json_scan_byte(sc, '{'))
        return false;
    json_t *attrs = json_object();
    json_object_set_new(head, "graph", attrs);
    bool ok = true, more = !json_scan_byte(sc, '}');
    while (ok && more) {
        char key[32];
        ok = json_scan_key(sc, key, sizeof key) &&
             !json_object_get(attrs, key);
        if (ok && strcmp(key, "corpus") == 0) {
            json_object_set_new(attrs, key, json_null());
            ok = stream_documents(r, sc);
        } else if (ok) {
            json_t *v = json_scan_value(sc);
            ok = v && json_object_set_new(attrs, key, v) == 0;
        }
        ok = ok && json_scan_next(sc, '}', &more);
    }
    return ok;
}

/* One top-level member; *stage: 0 before the nodes, 1 after, 2 after the
 * links.  head collects graph, directed and multigraph. */
static bool stream_top(reader *r, json_scan *sc, json_t *head, int *stage)
{
    char key[16];
    if (!json_scan_key(sc, key, sizeof key) || json_object_get(head, key))
        return false;
    if (strcmp(key, "nodes") == 0) {
        json_object_set_new(head, key, json_null());
        return *stage == 0 && rj_read_header(r, head) == DYAD_OK &&
               stream_nodes(r, sc) && ++*stage;
    }
    if (strcmp(key, "links") == 0 || strcmp(key, "edges") == 0) {
        json_object_set_new(head, key, json_null());
        return *stage == 1 && stream_links(r, sc, key) && ++*stage;
    }
    if (strcmp(key, "graph") == 0)
        return stream_graph_attrs(r, sc, head);
    if (strcmp(key, "graph") && strcmp(key, "directed") &&
        strcmp(key, "multigraph"))
        return false;
    json_t *v = json_scan_value(sc);
    return v && json_object_set_new(head, key, v) == 0;
}

bool rj_stream_root(reader *r, json_scan *sc)
{
    json_t *head = json_object();
    int stage = 0;
    bool ok = json_scan_byte(sc, '{'), more = ok && !json_scan_byte(sc, '}');
    while (ok && more)
        ok =
            stream_top(r, sc, head, &stage) && json_scan_next(sc, '}', &more);
    ok = ok && stage == 2 && json_scan_end(sc) &&
         rj_check_documents(r) == DYAD_OK &&
         rj_check_bool(r, head, "directed", true) == DYAD_OK &&
         rj_check_bool(r, head, "multigraph", false) == DYAD_OK;
    json_decref(head);
    return ok;
}
