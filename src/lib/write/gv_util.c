/* The Graphviz adapter: graphs and attributes, escaping, the plugin
 * context, rendering, error collection.  What is drawn, and how it looks,
 * is draw.c's.  Graphviz is not thread-safe: see gv_util.h. */
#include <stdlib.h>

#include <gvplugin.h>

#include "gv_util.h"

#define GVU_SOURCE "graphviz"

/* ---- graphs and attributes ---- */

Agraph_t *gvu_graph_new(const char *name)
{
    Agdesc_t desc = Agstrictdirected;
    return agopen((char *)name, desc, NULL);
}

void gvu_default(Agraph_t *g, int kind, const char *name, const char *value)
{
    agattr(g, kind, (char *)name, (char *)value);
}

void gvu_set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, "");
}

void gvu_set_html(void *obj, const char *name, const char *html)
{
    Agraph_t *root = agroot(obj);
    Agsym_t *sym = agattr(root, AGTYPE(obj), (char *)name, NULL);
    if (!sym)
        sym = agattr(root, AGTYPE(obj), (char *)name, "");
    char *h = agstrdup_html(root, (char *)html);
    agxset(obj, sym, h);
    agstrfree(root, h);
}

/* ---- escaping ---- */

typedef enum { ESC_LABEL, ESC_TIP, ESC_URL } esc_mode;

static void esc_byte(strbuf *b, unsigned char c, esc_mode mode)
{
    if (c == '\\')
        sb_puts(b, mode == ESC_LABEL ? "\\\\" : "\\\\\\\\");
    else if (c < 0x20 || c == 0x7f)
        sb_putc(b, ' ');
    else if (mode == ESC_URL && c == '&')
        sb_puts(b, "&amp;");
    else
        sb_putc(b, (char)c);
}

/* U+FFFE and U+FFFF, which XML forbids, become U+FFFD; the rest bytewise. */
static void esc_n(strbuf *b, const char *s, size_t n, esc_mode mode)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n && p[i] == 0xEF && p[i + 1] == 0xBF &&
            (p[i + 2] & 0xFE) == 0xBE) {
            sb_puts(b, "\xEF\xBF\xBD");
            i += 2;
        } else
            esc_byte(b, p[i], mode);
    }
}

void gvu_esc(strbuf *b, const char *s, size_t n) { esc_n(b, s, n, ESC_LABEL); }

void gvu_esc_tip(strbuf *b, const char *s, size_t n)
{
    esc_n(b, s, n, ESC_TIP);
}

void gvu_esc_url(strbuf *b, const char *s, size_t n)
{
    esc_n(b, s, n, ESC_URL);
}

void gvu_esc_html(strbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                sb_putc(b, ' ');
            else if (p[0] == 0xEF && p[1] == 0xBF && (p[2] & 0xFE) == 0xBE) {
                sb_puts(b, "\xEF\xBF\xBD");
                p += 2;
            } else
                sb_putc(b, (char)*p);
        }
    }
}

/* The bytes of s to keep within max: cut on a UTF-8 character boundary,
 * and on a word end when one is in the second half. */
static size_t cut_at(const char *s, size_t max)
{
    size_t cut = max;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    size_t word = cut;
    while (word > max / 2 && s[word] != ' ')
        word--;
    return word > max / 2 ? word : cut;
}

static void esc_trunc(strbuf *b, const char *s, size_t max, esc_mode mode)
{
    size_t n = strlen(s);
    if (n <= max) {
        esc_n(b, s, n, mode);
        return;
    }
    esc_n(b, s, cut_at(s, max), mode);
    sb_puts(b, "\xE2\x80\xA6"); /* … */
}

void gvu_esc_trunc(strbuf *b, const char *s, size_t max)
{
    esc_trunc(b, s, max, ESC_LABEL);
}

void gvu_esc_tip_trunc(strbuf *b, const char *s, size_t max)
{
    esc_trunc(b, s, max, ESC_TIP);
}

void gvu_esc_html_trunc(strbuf *b, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        gvu_esc_html(b, s);
        return;
    }
    char *head = xstrndup(s, cut_at(s, max));
    gvu_esc_html(b, head);
    free(head);
    sb_puts(b, "\xE2\x80\xA6");
}

/* ---- the plugin context ---- */

extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;

static const lt_symlist_t gvu_builtins[] = {
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {NULL, NULL},
};

GVC_t *gvu_context(void)
{
    /* demand_loading 0: only the built-ins, no config6 file, no pango */
    return gvContextPlugins(gvu_builtins, 0);
}

void gvu_context_free(GVC_t *gvc)
{
    if (gvc)
        gvFreeContext(gvc);
}

/* ---- errors ---- */

static strbuf gvu_msgs;
static char gvu_msg_text[1024];
static agusererrf gvu_prev_errf;

/* agerr hands messages over in pieces: collect them all. */
static int gvu_collect(char *msg)
{
    if (gvu_msgs.len < sizeof gvu_msg_text)
        sb_puts(&gvu_msgs, msg);
    return 0;
}

void gvu_errors_begin(void)
{
    sb_free(&gvu_msgs);
    agreseterrors();
    gvu_prev_errf = agseterrf(gvu_collect);
}

const char *gvu_errors_end(void)
{
    agseterrf(gvu_prev_errf);
    gvu_prev_errf = NULL;
    snprintf(gvu_msg_text, sizeof gvu_msg_text, "%s",
             gvu_msgs.s ? gvu_msgs.s : "");
    sb_free(&gvu_msgs);
    /* one line for dyad_error */
    size_t n = strlen(gvu_msg_text);
    for (size_t i = 0; i < n; i++)
        if (gvu_msg_text[i] == '\n' || gvu_msg_text[i] == '\r')
            gvu_msg_text[i] = ' ';
    while (n && gvu_msg_text[n - 1] == ' ')
        gvu_msg_text[--n] = '\0';
    return gvu_msg_text;
}

/* ---- output ---- */

static dyad_status put_all(const char *data, size_t len, FILE *out,
                           dyad_error *err)
{
    if (fwrite(data, 1, len, out) != len || ferror(out))
        return dyad_fail(err, DYAD_ERR_IO, "", 0, 0, "write failed");
    return DYAD_OK;
}

dyad_status gvu_write_dot(Agraph_t *g, FILE *out, dyad_error *err)
{
    char *data = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    if (!mem)
        return dyad_fail(err, DYAD_ERR_IO, "", 0, 0, "open_memstream failed");
    gvu_errors_begin();
    int rc = agwrite(g, mem);
    const char *msg = gvu_errors_end();
    int closed = fclose(mem);
    dyad_status st = DYAD_OK;
    if (rc != 0 || closed != 0)
        st = dyad_fail(err, DYAD_ERR_GRAPHVIZ, GVU_SOURCE, 0, 0,
                       "agwrite failed%s%s", *msg ? ": " : "", msg);
    else
        st = put_all(data, len, out, err);
    free(data);
    return st;
}

dyad_status gvu_render(GVC_t *gvc, Agraph_t *g, const char *engine,
                       const char *format, FILE *out, dyad_error *err)
{
    gvu_errors_begin();
    if (gvLayout(gvc, g, engine) != 0) {
        const char *msg = gvu_errors_end();
        return dyad_fail(err, DYAD_ERR_GRAPHVIZ, GVU_SOURCE, 0, 0,
                         "layout with %s failed%s%s", engine,
                         *msg ? ": " : "", msg);
    }
    char *data = NULL;
    unsigned int len = 0;
    int rc = gvRenderData(gvc, g, format, &data, &len);
    gvFreeLayout(gvc, g);
    const char *msg = gvu_errors_end();
    dyad_status st;
    if (rc != 0 || !data)
        st = dyad_fail(err, DYAD_ERR_GRAPHVIZ, GVU_SOURCE, 0, 0,
                       "rendering %s failed%s%s", format, *msg ? ": " : "",
                       msg);
    else
        st = put_all(data, len, out, err);
    if (data)
        gvFreeRenderData(data);
    return st;
}
