/* Shared helpers of the GraphML, GEXF and CSV writers (export.h). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/extract.h"
#include "export.h"
#include "text.h"

/* ---- UTF-8 (text_utf8_ok) ---- */

/* where = place and s shown with its bytes outside printable ASCII as
 * \xHH, at most 40 of them. */
static bool bad_utf8(char *where, size_t size, const char *place,
                     const char *s)
{
    strbuf b = {0};
    sb_printf(&b, "%s \"", place);
    size_t i = 0;
    for (; s[i] && i < 40; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
            sb_printf(&b, "\\x%02x", c);
        else
            sb_putc(&b, (char)c);
    }
    sb_puts(&b, s[i] ? "...\"" : "\"");
    snprintf(where, size, "%s", b.s);
    sb_free(&b);
    return false;
}

/* The first field of strs (named by names) that is not UTF-8, or -1. */
static int first_bad(const char *const *strs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strs[i] && !text_utf8_ok(strs[i]))
            return (int)i;
    return -1;
}

static bool edge_utf8(const dyad_edge *e, size_t k, char *where, size_t size)
{
    static const char *const rel_f[] = {"verb", "cameo", "code"};
    static const char *const ev_f[] = {"doc", "verb", "cameo", "code",
                                       "text"};
    char place[96];
    for (size_t i = 0; i < e->n_relations; i++) {
        const dyad_relation *r = &e->relations[i];
        const char *v[] = {r->verb, r->cameo, r->code};
        int f = first_bad(v, 3);
        if (f >= 0) {
            snprintf(place, sizeof place, "links[%zu].relations[%zu].%s", k,
                     i, rel_f[f]);
            return bad_utf8(where, size, place, v[f]);
        }
    }
    for (size_t i = 0; i < e->n_evidence; i++) {
        const dyad_evidence *x = &e->evidence[i];
        const char *v[] = {x->doc, x->verb, x->cameo, x->code, x->text};
        int f = first_bad(v, 5);
        if (f >= 0) {
            snprintf(place, sizeof place, "links[%zu].evidence[%zu].%s", k,
                     i, ev_f[f]);
            return bad_utf8(where, size, place, v[f]);
        }
    }
    return true;
}

bool ex_check_utf8(const dyad_graph *g, char *where, size_t size)
{
    const dyad_node *n = dyad_graph_nodes(g);
    char place[64];
    for (size_t i = 0; i < dyad_graph_n_nodes(g); i++) {
        const char *v[] = {n[i].id, n[i].label};
        int f = first_bad(v, 2);
        if (f >= 0) {
            snprintf(place, sizeof place, "nodes[%zu].%s", i,
                     f ? "label" : "id");
            return bad_utf8(where, size, place, v[f]);
        }
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

/* ---- cutting, drawn names ---- */

size_t ex_utf8_cut(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* U+FFFE or U+FFFF at p: not XML characters. */
static bool non_char(const unsigned char *p)
{
    return p[0] == 0xEF && p[1] == 0xBF && (p[2] & 0xFE) == 0xBE;
}

static bool name_safe(const char *id)
{
    const unsigned char *p = (const unsigned char *)id;
    if (!*p || *p == '%' || strlen(id) > EX_MAX_NAME)
        return false;
    for (; *p; p++)
        if (*p < 0x20 || *p == 0x7f || non_char(p))
            return false;
    return true;
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The id's first bytes, made safe, then "~INDEX". */
static char *new_name(const char *id, size_t index)
{
    enum { KEEP = 40 };
    strbuf b = {0};
    size_t n = ex_utf8_cut(id, KEEP);
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = (const unsigned char *)id + i;
        if (*p < 0x20 || *p == 0x7f || (i == 0 && *p == '%'))
            sb_putc(&b, '_');
        else if (i + 2 < n && non_char(p)) {
            sb_putc(&b, '_');
            i += 2;
        } else
            sb_putc(&b, (char)*p);
    }
    sb_printf(&b, "~%zu", index);
    return b.s;
}

char **ex_drawn_names(const char *const *ids, size_t n)
{
    size_t unsafe = 0;
    for (size_t i = 0; i < n; i++)
        unsafe += !name_safe(ids[i]);
    if (!unsafe)
        return NULL;
    const char **sorted = xmalloc(n * sizeof *sorted);
    memcpy(sorted, ids, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_str_ptr);
    char **names = xcalloc(n, sizeof *names);
    for (size_t i = 0; i < n; i++) {
        if (name_safe(ids[i]))
            continue;
        /* unique among new names by the index; primes keep it off ids */
        strbuf b = {0};
        char *base = new_name(ids[i], i);
        sb_puts(&b, base);
        free(base);
        while (bsearch(&b.s, sorted, n, sizeof *sorted, cmp_str_ptr))
            sb_putc(&b, '\'');
        names[i] = b.s;
    }
    free(sorted);
    return names;
}

void ex_drawn_names_free(char **names, size_t n)
{
    for (size_t i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}

/* ---- ids in GraphML and GEXF ---- */

/* id as ex_xml writes it, unescaped: control characters but tab, line feed
 * and carriage return as spaces, U+FFFE/F as U+FFFD; NULL if unchanged. */
static char *xml_lossy(const char *id)
{
    const unsigned char *p = (const unsigned char *)id;
    bool lossy = false;
    for (size_t i = 0; p[i] && !lossy; i++)
        lossy = (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
                 p[i] != '\r') || p[i] == 0x7f || non_char(p + i);
    if (!lossy)
        return NULL;
    strbuf b = {0};
    for (size_t i = 0; p[i]; i++) {
        if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') ||
            p[i] == 0x7f)
            sb_putc(&b, ' ');
        else if (non_char(p + i)) {
            sb_puts(&b, "\xEF\xBF\xBD");
            i += 2;
        } else
            sb_putc(&b, (char)p[i]);
    }
    return b.s;
}

typedef struct form_at {
    const char *form;
    size_t i;
} form_at;

static int cmp_form(const void *a, const void *b)
{
    return strcmp(((const form_at *)a)->form, ((const form_at *)b)->form);
}

/* The forms sorted (for the primes' lookups), and each lossy id that
 * shares its form with another renamed. */
static void rename_clashes(ex_ids *x, const char **forms)
{
    size_t n = x->n;
    form_at *order = xmalloc((n + 1) * sizeof *order);
    const char **sorted = xmalloc((n + 1) * sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        order[i] = (form_at){forms[i], i};
    qsort(order, n, sizeof *order, cmp_form);
    for (size_t k = 0; k < n; k++)
        sorted[k] = order[k].form;
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k].i;
        bool clash = (k > 0 && strcmp(sorted[k - 1], sorted[k]) == 0) ||
                     (k + 1 < n && strcmp(sorted[k + 1], sorted[k]) == 0);
        if (!clash || forms[i] == x->ids[i])
            continue; /* unique, or the one id written as it is */
        strbuf b = {0};
        char *base = new_name(x->ids[i], i);
        sb_puts(&b, base);
        free(base);
        while (bsearch(&b.s, sorted, n, sizeof *sorted, cmp_str_ptr))
            sb_putc(&b, '\'');
        x->names[i] = b.s;
    }
    free(sorted);
    free(order);
}

static void ids_init(ex_ids *x, const char **ids, size_t n)
{
    x->ids = ids;
    x->n = n;
    x->names = NULL;
    char **lossy = xcalloc(n + 1, sizeof *lossy);
    bool any = false;
    for (size_t i = 0; i < n; i++)
        any |= (lossy[i] = xml_lossy(ids[i])) != NULL;
    if (any) {
        const char **forms = xmalloc((n + 1) * sizeof *forms);
        for (size_t i = 0; i < n; i++)
            forms[i] = lossy[i] ? lossy[i] : ids[i];
        x->names = xcalloc(n + 1, sizeof *x->names);
        rename_clashes(x, forms);
        free(forms);
    }
    for (size_t i = 0; i < n; i++)
        free(lossy[i]);
    free(lossy);
}

void ex_put_id(strbuf *b, const ex_ids *x, size_t i)
{
    ex_xml(b, x->names && x->names[i] ? x->names[i] : x->ids[i]);
}

void ex_ids_of_graph(ex_ids *x, const dyad_graph *g)
{
    size_t n = dyad_graph_n_nodes(g);
    const char **ids = xcalloc(n + 1, sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = dyad_graph_nodes(g)[i].id;
    ids_init(x, ids, n);
}

void ex_ids_of_diff(ex_ids *x, const dyad_diff *d)
{
    size_t n = dyad_diff_n_nodes(d);
    const char **ids = xcalloc(n + 1, sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = dyad_diff_nodes(d)[i].id;
    ids_init(x, ids, n);
}

void ex_ids_free(ex_ids *x)
{
    ex_drawn_names_free(x->names, x->n);
    free(x->ids);
    x->names = NULL;
    x->ids = NULL;
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
    char where[256];
    if (!ex_check_utf8(g, where, sizeof where)) /* the caller names it */
        return dyad_fail(err, DYAD_ERR_INVALID, "", 0, 0,
                         "%s: not valid UTF-8", where);
    return DYAD_OK;
}

dyad_status ex_begin_diff(const dyad_diff *d, const char *label_a,
                          const char *label_b, dyad_error *err)
{
    if (!d)
        return dyad_fail(err, DYAD_ERR_INVALID, "", 0, 0, "no diff");
    if (!text_utf8_ok(label_a) || !text_utf8_ok(label_b))
        return dyad_fail(err, DYAD_ERR_INVALID, "", 0, 0,
                         "a side's label is not valid UTF-8");
    return DYAD_OK;
}

static int cmp_diff_edge(const void *pa, const void *pb)
{
    const dyad_diff_edge *x = *(const dyad_diff_edge *const *)pa;
    const dyad_diff_edge *y = *(const dyad_diff_edge *const *)pb;
    int k = strcmp(x->source, y->source);
    return k ? k : strcmp(x->target, y->target);
}

size_t ex_diff_edges(const dyad_diff *d, const dyad_diff_edge ***out)
{
    size_t n = dyad_diff_n_edges(d);
    const dyad_diff_edge **v = xmalloc((n + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = &dyad_diff_edges(d)[i];
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_diff_edge);
    *out = v;
    return n;
}

char **ex_diff_drawn_names(const dyad_diff *d)
{
    size_t n = dyad_diff_n_nodes(d);
    const char **ids = xcalloc(n + 1, sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = dyad_diff_nodes(d)[i].id;
    char **names = ex_drawn_names(ids, n);
    free(ids);
    return names;
}

const char *ex_change_name(dyad_diff_kind k)
{
    switch (k) {
    case DYAD_DIFF_ADDED: return "added";
    case DYAD_DIFF_REMOVED: return "removed";
    case DYAD_DIFF_CHANGED: return "changed";
    case DYAD_DIFF_SAME:
    default: return "unchanged";
    }
}

dyad_status ex_end(bool ok, FILE *out, const char *what, dyad_error *err)
{
    if (!ok || fflush(out) != 0 || ferror(out))
        return dyad_fail(err, DYAD_ERR_IO, "", 0, 0,
                         "cannot write the %s graph", what);
    return DYAD_OK;
}
