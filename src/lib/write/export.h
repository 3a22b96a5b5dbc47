/* Private helpers of the exports for other tools (graphml.c, gexf.c,
 * csv.c): checking and escaping text, numbers in a fixed form, an edge's
 * verbs and roots summed, its evidence as one string, its dates, an
 * actor's kind.  Strings written into a strbuf belong to it; arrays
 * returned are the caller's to free. */
#ifndef DYAD_WRITE_EXPORT_H
#define DYAD_WRITE_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "dyad/write.h"
#include "util.h"

/* ---- checking and escaping ---- */

/* True if every string of g is UTF-8; else fills where with the place
 * and the string, escaped ("links[0].evidence[4].doc \"caf\\xe9.txt\""),
 * and returns false, so that a writer refuses before its first byte. */
bool ex_check_utf8(const dyad_graph *g, char *where, size_t size);

/* s for XML text or a double-quoted attribute: & < > " as entities, tab,
 * line feed and carriage return as character references (so they survive
 * attribute normalisation), other control characters, which XML 1.0
 * forbids, as spaces. */
void ex_xml(strbuf *b, const char *s);

/* s as one RFC 4180 field: as-is, or in double quotes (doubled inside)
 * when it holds a comma, a quote, CR or LF. */
void ex_csv(strbuf *b, const char *s);

/* A real with 3 decimals at most and 1 at least: -0.5, 3.0, 1.333. */
void ex_real(strbuf *b, double x);

/* ---- what an edge says ---- */

typedef struct ex_count {
    const char *name; /* a verb or a CAMEO root (borrowed from the graph) */
    long count;       /* acts */
} ex_count;

/* The edge's acts summed by verb, or by CAMEO root: most acts first, then
 * by name.  Returns the number of entries; *out is the caller's. */
size_t ex_verbs(const dyad_edge *e, ex_count **out);
size_t ex_roots(const dyad_edge *e, ex_count **out);

/* "urge:4;call on:3" */
void ex_counts(strbuf *b, const ex_count *c, size_t n);

/* The evidence as one string, an item a line (joined by '\n'):
 * "DOC#SENTENCE [DATE ]VERB/CODE: TEXT". */
void ex_evidence(strbuf *b, const dyad_edge *e, const dyad_docs *docs);

/* The earliest and latest dates of the edge's evidence; false (and NULL)
 * when no item has a dated document. */
bool ex_dates(const dyad_edge *e, const dyad_docs *docs, const char **first,
              const char **last);

/* The actor's kind from opts' dictionary, or NULL. */
const char *ex_kind(const dyad_export_opts *opts, const char *id);

/* The options' documents, or NULL. */
const dyad_docs *ex_docs(const dyad_export_opts *opts);

/* ---- text cut to a size, node names of the drawings ---- */

/* The length of the longest prefix of s, at most max bytes, that ends on
 * a UTF-8 character boundary (s is UTF-8). */
size_t ex_utf8_cut(const char *s, size_t max);

/* Ids longer than this are renamed in the drawings (ex_drawn_names). */
#define EX_MAX_NAME 512

/* The name each of n nodes gets in DOT and SVG, where it is the node's
 * <title>: its id when Graphviz and XML keep it whole, else a new name
 * unique among the names and ids.  Renamed are ids that start with '%'
 * (cgraph reads those back as anonymous nodes), hold a control character
 * or U+FFFE/U+FFFF (not XML), are empty, or are longer than EX_MAX_NAME
 * (DOT's lexer takes no token over 16,384 bytes).  A new name is the id's
 * first bytes made safe, '~' and the node's index ("_1~0"), primed until
 * no id is spelled so.  Returns NULL when no id is renamed, else n
 * entries, NULL where the id is kept; free with ex_drawn_names_free. */
char **ex_drawn_names(const char *const *ids, size_t n);
void ex_drawn_names_free(char **names, size_t n);

/* ---- ids in GraphML and GEXF ----
 *
 * XML cannot hold most control characters, nor U+FFFE/F: ex_xml writes
 * them as spaces and U+FFFD, so two ids that differ only there would
 * become one node.  Such an id keeps that form unless another id has it;
 * then it is renamed as ex_drawn_names renames ("a_~3").  x borrows the
 * ids from the graph or the diff, which must outlive it. */
typedef struct ex_ids {
    const char **ids; /* by node index */
    char **names;     /* NULL, or per id NULL (kept) or its new name */
    size_t n;
} ex_ids;

void ex_ids_of_graph(ex_ids *x, const dyad_graph *g);
void ex_ids_of_diff(ex_ids *x, const dyad_diff *d);
/* Appends node i's id, escaped with ex_xml. */
void ex_put_id(strbuf *b, const ex_ids *x, size_t i);
void ex_ids_free(ex_ids *x);

/* ---- output ---- */

/* Writes b to out and empties it; false on a failed write. */
bool ex_flush(strbuf *b, FILE *out);

/* The common checks before a writer starts: a sorted graph of UTF-8
 * strings.  what names the format in errors ("graphml"). */
dyad_status ex_begin(const dyad_graph *g, const char *what, dyad_error *err);

/* The same for the union graph of a diff: the sides' labels must be
 * UTF-8 (the diff's own strings come from graphs, which are). */
dyad_status ex_begin_diff(const dyad_diff *d, const char *label_a,
                          const char *label_b, dyad_error *err);

/* The diff's edges in (source id, target id) order, the order of the
 * exports; returns the count, *out is the caller's. */
size_t ex_diff_edges(const dyad_diff *d, const dyad_diff_edge ***out);

/* ex_drawn_names of the diff's nodes, in its order (dyad_diff_nodes). */
char **ex_diff_drawn_names(const dyad_diff *d);

/* "added", "removed", "changed", "unchanged": the change attribute of
 * the diff's exports, the words of the diff's JSON. */
const char *ex_change_name(dyad_diff_kind k);

/* DYAD_OK if everything was written and flushed, else DYAD_ERR_IO. */
dyad_status ex_end(bool ok, FILE *out, const char *what, dyad_error *err);

#endif
