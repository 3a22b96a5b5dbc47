/* The Graphviz adapter of the drawn formats (draw.c, dot.c, svg.c,
 * diff_draw.c): the one place that includes Graphviz's headers besides
 * them, and the one place that casts dyad's const strings to the char *
 * that Graphviz 2.43's API takes.  It knows nothing of dyad's graphs:
 * draw.h builds the styled drawings on it.
 *
 * Threads: Graphviz keeps global state (the string dictionary, the error
 * handler, the plugin tables) and is not thread-safe, not even for reads.
 * Every function here, and therefore dyad_write_dot, dyad_write_svg and any
 * other drawn writer, must run on one thread at a time.
 *
 * Ownership: graphs and contexts returned here are the caller's, released
 * with agclose and gvu_context_free; strings written into a strbuf belong
 * to the strbuf. */
#ifndef DYAD_GV_UTIL_H
#define DYAD_GV_UTIL_H

#include <stdio.h>

#include <cgraph.h>
#include <gvc.h>

#include "dyad/common.h"
#include "util.h"

/* ---- graphs and attributes ---- */

/* A new strict directed graph named name (a name keeps the output
 * deterministic and is the SVG's <title>). */
Agraph_t *gvu_graph_new(const char *name);

/* Declares attribute name for objects of kind (AGRAPH, AGNODE, AGEDGE) on
 * the root graph with the given default: it is written once, in the
 * `node [...]` / `edge [...]` / `graph [...]` line of the DOT. */
void gvu_default(Agraph_t *g, int kind, const char *name, const char *value);

/* Sets name=value on one object.  Declares the attribute with an empty
 * default if new (agsafeset's last argument is the default of every object
 * of the kind, never a per-object value). */
void gvu_set(void *obj, const char *name, const char *value);

/* Sets an HTML-like label (value without the outer < >) on one object. */
void gvu_set_html(void *obj, const char *name, const char *html);

/* ---- escaping ---- */

/* Appends n bytes of s for an escString attribute (label, tooltip, xlabel):
 * backslashes doubled (Graphviz reads \N, \n, \l...), control characters
 * and newlines turned into spaces.  agwrite quotes the result itself. */
void gvu_esc(strbuf *b, const char *s, size_t n);

/* The same for a tooltip: Graphviz 2.43 unescapes tooltips twice (\\ to
 * \, then \N, \L... as escapes), so a backslash becomes four. */
void gvu_esc_tip(strbuf *b, const char *s, size_t n);

/* The same as a tooltip for a URL/href value, and & as &amp;, which
 * Graphviz's SVG renderer writes raw into xlink:href. */
void gvu_esc_url(strbuf *b, const char *s, size_t n);

/* Appends s for text inside an HTML-like label: & < > " as entities,
 * control characters as spaces. */
void gvu_esc_html(strbuf *b, const char *s);

/* Each of the escapes above also turns U+FFFE and U+FFFF, which XML
 * forbids, into U+FFFD.
 *
 * Cut to a size: DOT's lexer refuses a quoted string or HTML label over
 * 16,384 bytes, so every piece of text from the articles or the user goes
 * in through one of these.  Each appends at most max bytes of s, cut on a
 * UTF-8 character boundary (and a word end when one is near) and ended
 * with "…" if cut, escaped as gvu_esc, gvu_esc_tip or gvu_esc_html. */
void gvu_esc_trunc(strbuf *b, const char *s, size_t max);
void gvu_esc_tip_trunc(strbuf *b, const char *s, size_t max);
void gvu_esc_html_trunc(strbuf *b, const char *s, size_t max);

/* ---- context and rendering ---- */

/* A gvc context with the core, dot and neato plugins registered from the
 * linked libraries: no plugin config file is read.  NULL on failure. */
GVC_t *gvu_context(void);
void gvu_context_free(GVC_t *gvc);

/* Collecting Graphviz's messages: between gvu_errors_begin and
 * gvu_errors_end every agerr message goes to a buffer, not stderr.
 * gvu_errors_end restores the previous handler and returns the text
 * collected (static storage, valid until the next begin; "" if none). */
void gvu_errors_begin(void);
const char *gvu_errors_end(void);

/* Writes g as DOT with agwrite to out, all at once (a failure writes
 * nothing).  DYAD_ERR_IO or DYAD_ERR_GRAPHVIZ on failure. */
dyad_status gvu_write_dot(Agraph_t *g, FILE *out, dyad_error *err);

/* Lays g out with its layout attribute (or engine), renders format to
 * memory and writes it to out all at once.  Frees the layout. */
dyad_status gvu_render(GVC_t *gvc, Agraph_t *g, const char *engine,
                       const char *format, FILE *out, dyad_error *err);

#endif
