/* Shared helpers of the GraphML, GEXF and CSV writers (export.h). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/extract.h"
#include "export.h"
#include "text.h"

/* ---- UTF-8 (text_utf8_ok) ---- */

static bool edge_utf8(const dyad_edge *e, size_t k, char *where, size_t size)
{
    for (size_t i = 0; i < e->n_relations; i++) {
        const dyad_relation *r = &e->relations[i];
        if (!text_utf8_ok(r->verb) || !text_utf8_ok(r->cameo) || !text_utf8_ok(r->code)) {
            snprintf(where, size, "links[%zu].relations[%zu]", k, i);
            return false;
        }
    }
    for (size_t i = 0; i < e->n_evidence; i++) {
        const dyad_evidence *x = &e->evidence[i];
        if (!text_utf8_ok(x->doc) || !text_utf8_ok(x->verb) || !text_utf8_ok(x->cameo) ||
            !text_utf8_ok(x->code) || !text_utf8_ok(x->text)) {
            snprintf(where, size, "links[%zu].evidence[%zu]", k, i);
            return false;
        }
    }
    return true;
}

bool ex_check_utf8(const dyad_graph *g, char *where, size_t size)
{
    const dyad_node *n = dyad_graph_nodes(g);
    for (size_t i = 0; i < dyad_graph_n_nodes(g); i++)
        if (!text_utf8_ok(n[i].id) || !text_utf8_ok(n[i].label)) {
            snprintf(where, size, "nodes[%zu]", i);
            return false;
        }
    const dyad_edge *e = dyad_graph_edges(g);
    for (size_t i = 0; i < dyad_graph_n_edges(g); i++)
        if (!edge_utf8(&e[i], i, where, size))
            return false;
    return true;
}

/* ---- escaping ---- */

void ex_xml(strbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;
         p++) {
        switch (*p) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        case '\t': sb_puts(b, "&#9;"); break;
        case '\n': sb_puts(b, "&#10;"); break;
        case '\r': sb_puts(b, "&#13;"); break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                sb_putc(b, ' ');
            else if (*p == 0xEF && p[1] == 0xBF && (p[2] & 0xFE) == 0xBE) {
                sb_puts(b, "\xEF\xBF\xBD"); /* U+FFFE/F: not XML */
                p += 2;
            } else
                sb_putc(b, (char)*p);
        }
    }
}

void ex_csv(strbuf *b, const char *s)
{
    s = s ? s : "";
    if (!strpbrk(s, ",\"\r\n")) {
        sb_puts(b, s);
        return;
    }
    sb_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            sb_putc(b, '"');
        sb_putc(b, *s);
    }
    sb_putc(b, '"');
}

void ex_real(strbuf *b, double x)
{
    char num[64];
    snprintf(num, sizeof num, "%.3f", isfinite(x) ? x : 0.0);
    size_t n = strlen(num);
    while (n > 0 && num[n - 1] == '0' && num[n - 2] != '.')
        num[--n] = '\0';
    if (strcmp(num, "-0.0") == 0)
        memmove(num, num + 1, 4);
    sb_puts(b, num);
}

/* ---- verbs and roots ---- */

static int count_cmp(const void *a, const void *b)
{
    const ex_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

static size_t sum_by(const dyad_edge *e, bool roots, ex_count **out)
{
    ex_count *c = xcalloc(e->n_relations ? e->n_relations : 1, sizeof *c);
    size_t n = 0;
    for (size_t i = 0; i < e->n_relations; i++) {
        const dyad_relation *r = &e->relations[i];
        const char *name = roots ? r->cameo : r->verb;
        size_t j = 0;
        while (j < n && strcmp(c[j].name, name) != 0)
            j++;
        if (j == n)
            c[n++] = (ex_count){name, 0};
        c[j].count += r->count;
    }
    qsort(c, n, sizeof *c, count_cmp);
    *out = c;
    return n;
}

size_t ex_verbs(const dyad_edge *e, ex_count **out)
{
    return sum_by(e, false, out);
}

size_t ex_roots(const dyad_edge *e, ex_count **out)
{
    return sum_by(e, true, out);
}

void ex_counts(strbuf *b, const ex_count *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_printf(b, "%s%s:%ld", i ? ";" : "", c[i].name, c[i].count);
}

/* ---- evidence and dates ---- */

void ex_evidence(strbuf *b, const dyad_edge *e, const dyad_docs *docs)
{
    for (size_t i = 0; i < e->n_evidence; i++) {
        const dyad_evidence *x = &e->evidence[i];
        const char *date = dyad_docs_date(docs, x->doc);
        sb_printf(b, "%s%s#%ld ", i ? "\n" : "", x->doc, x->sentence);
        if (date)
            sb_printf(b, "%s ", date);
        sb_printf(b, "%s/%s: %s", x->verb, x->code, x->text ? x->text : "");
    }
}

bool ex_dates(const dyad_edge *e, const dyad_docs *docs, const char **first,
              const char **last)
{
    *first = *last = NULL;
    for (size_t i = 0; docs && i < e->n_evidence; i++) {
        const char *d = dyad_docs_date(docs, e->evidence[i].doc);
        if (!d)
            continue;
        if (!*first || strcmp(d, *first) < 0)
            *first = d;
        if (!*last || strcmp(d, *last) > 0)
            *last = d;
    }
    return *first != NULL;
}

const char *ex_kind(const dyad_export_opts *opts, const char *id)
{
    if (dyad_is_open_actor(id))
        return "unknown"; /* no dictionary id has the prefix */
    if (!opts || !opts->dict)
        return NULL;
    size_t i = dyad_dict_find_actor(opts->dict, id);
    return i == (size_t)-1 ? NULL : dyad_dict_actor_kind(opts->dict, i);
}

const dyad_docs *ex_docs(const dyad_export_opts *opts)
{
    return opts ? opts->docs : NULL;
}

/* ---- output ---- */

bool ex_flush(strbuf *b, FILE *out)
{
    bool ok = fwrite(b->s ? b->s : "", 1, b->len, out) == b->len;
    b->len = 0;
    return ok;
}

dyad_status ex_begin(const dyad_graph *g, const char *what, dyad_error *err)
{
    if (!g || !dyad_graph_is_sorted(g))
        return dyad_fail(err, DYAD_ERR_INVALID, what, 0, 0,
                         "the graph is not sorted (dyad_graph_sort)");
    char where[96];
    if (!ex_check_utf8(g, where, sizeof where))
        return dyad_fail(err, DYAD_ERR_INVALID, what, 0, 0,
                         "%s: not valid UTF-8", where);
    return DYAD_OK;
}

dyad_status ex_end(bool ok, FILE *out, const char *what, dyad_error *err)
{
    if (!ok || fflush(out) != 0 || ferror(out))
        return dyad_fail(err, DYAD_ERR_IO, "", 0, 0,
                         "cannot write the %s graph", what);
    return DYAD_OK;
}
