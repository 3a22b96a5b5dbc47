/* What the sub-commands share: messages, exit codes, allocation, and
 * outputs written all-or-nothing (a temporary file beside the final name,
 * renamed into place on commit). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* ---- allocation: out of memory aborts (see dyad/common.h) ---- */

static void out_of_memory(size_t n)
{
    fprintf(stderr, "dyad: out of memory (asked for %zu bytes)\n", n);
    abort();
}

void *cli_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *cli_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *cli_xstrndup(const char *s, size_t n)
{
    char *d = cli_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *cli_xstrdup(const char *s) { return cli_xstrndup(s, strlen(s)); }

/* ---- UTF-8 and terminals ---- */

/* The length of the UTF-8 character at s (n bytes left), or 0 if the
 * bytes there are not one: overlong forms, surrogates and code points
 * past U+10FFFF are not. */
static size_t utf8_char(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (!len || len > n || s[0] > 0xF4)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) ||
        (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
        return 0;
    return len;
}

bool cli_utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t k = utf8_char(p + i, n - i);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

char *cli_utf8_fix(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), o = 0;
    char *out = cli_xmalloc(3 * n + 1);
    for (size_t i = 0; i < n;) {
        size_t k = utf8_char(p + i, n - i);
        if (k) {
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3); /* U+FFFD */
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    return out;
}

dyad_status cli_check_name(const char *name, dyad_error *err)
{
    if (cli_utf8_ok(name))
        return DYAD_OK;
    char *shown = cli_term_safe(name);
    dyad_fail(err, DYAD_ERR_INVALID, "", 0, 0,
              "document name \"%s\" is not valid UTF-8 (dyad's outputs are "
              "UTF-8: rename the file, or give it an id in a .jsonl file)",
              shown);
    free(shown);
    return DYAD_ERR_INVALID;
}

/* What a terminal would act on: C0 controls, DEL, and the C1 controls
 * U+0080..U+009F (U+009B is CSI to some terminals). */
static size_t put_safe_char(char *out, const unsigned char *p, size_t n)
{
    size_t k = utf8_char(p, n);
    if (k == 1 && (p[0] < 0x20 || p[0] == 0x7f))
        return (size_t)sprintf(out, "\\x%02x", p[0]);
    if (k == 2 && p[0] == 0xC2 && p[1] < 0xA0)
        return (size_t)sprintf(out, "\\u%04x", p[1]);
    if (!k) /* not UTF-8: the byte in hex */
        return (size_t)sprintf(out, "\\x%02x", p[0]);
    memcpy(out, p, k);
    return k;
}

char *cli_term_safe(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), o = 0;
    char *out = cli_xmalloc(6 * n + 1); /* at most "\u009b" a 2-byte char */
    for (size_t i = 0; i < n;) {
        size_t k = utf8_char(p + i, n - i);
        o += put_safe_char(out + o, p + i, n - i);
        i += k ? k : 1;
    }
    out[o] = '\0';
    return out;
}

void cli_put_safe(FILE *fp, const char *s)
{
    char *t = cli_term_safe(s ? s : "");
    fputs(t, fp);
    free(t);
}

const char *cli_printable(const char *s, char *buf, size_t size)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), o = 0;
    char one[8];
    for (size_t i = 0; i < n;) {
        size_t k = utf8_char(p + i, n - i);
        size_t w = put_safe_char(one, p + i, n - i);
        if (o + w + 1 > size)
            break; /* cut before a whole character or escape */
        memcpy(buf + o, one, w);
        o += w;
        i += k ? k : 1;
    }
    buf[o] = '\0';
    return buf;
}

char *cli_shorten(const char *s, size_t n, size_t max)
{
    char *out = cli_xmalloc(max + 4);
    size_t o = 0;
    bool space = false;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r') {
            space = o > 0;
            i++;
            continue;
        }
        size_t k = utf8_char(p + i, n - i);
        k = k ? k : 1;
        if (o + space + k > max) {
            memcpy(out + o, "...", 4);
            return out;
        }
        if (space)
            out[o++] = ' ';
        space = false;
        memcpy(out + o, s + i, k);
        o += k;
        i += k;
    }
    out[o] = '\0';
    return out;
}

/* ---- messages ---- */

static char *vformat(const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 0)))
#endif
    ;
static char *vformat(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *msg = n < 0 ? NULL : cli_xmalloc((size_t)n + 1);
    if (msg)
        vsnprintf(msg, (size_t)n + 1, fmt, again);
    va_end(again);
    return msg;
}

/* The message, its control characters escaped (cli_term_safe): a name
 * from an article or a file cannot drive the terminal. */
static void vmessage(const char *prefix, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;
static void vmessage(const char *prefix, const char *fmt, va_list ap)
{
    char *msg = vformat(fmt, ap);
    fflush(stdout);    /* keep the order when both go to one terminal */
    flockfile(stderr); /* workers warn concurrently: one line each */
    fputs("dyad: ", stderr);
    fputs(prefix, stderr);
    cli_put_safe(stderr, msg ? msg : fmt);
    fputc('\n', stderr);
    funlockfile(stderr);
    free(msg);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("", fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("warning: ", fmt, ap);
    va_end(ap);
}

void cli_format_error(const dyad_error *err, char *buf, size_t size)
{
    if (!err) {
        snprintf(buf, size, "unknown error");
        return;
    }
    const char *text = err->text[0] ? err->text : "error";
    if (!err->source[0])
        snprintf(buf, size, "%s", text);
    else if (err->line <= 0)
        snprintf(buf, size, "%s: %s", err->source, text);
    else if (err->column <= 0)
        snprintf(buf, size, "%s:%d: %s", err->source, err->line, text);
    else
        snprintf(buf, size, "%s:%d:%d: %s", err->source, err->line,
                 err->column, text);
}

int cli_jobs(int jobs)
{
    if (jobs > 0)
        return jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

#if defined(__SANITIZE_ADDRESS__)
#define FREE_AT_EXIT 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FREE_AT_EXIT 0
#endif
#endif
#ifndef FREE_AT_EXIT
#define FREE_AT_EXIT 1
#endif

void cli_free_at_exit(dyad_graph *g)
{
    static dyad_graph *kept;
    if (!FREE_AT_EXIT) {
        dyad_graph_free(g);
        return;
    }
    dyad_graph_free(kept);
    kept = g;
}

int cli_report(dyad_status st, const dyad_error *err)
{
    char buf[1024];
    cli_format_error(err, buf, sizeof buf);
    if (!err || !err->text[0])
        cli_error("%s: %s", buf, dyad_status_name(st));
    else
        cli_error("%s", buf);
    return CLI_BAD_INPUT;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    fflush(stdout);
    fprintf(stderr, "dyad %s: ", cmd);
    cli_put_safe(stderr, msg ? msg : fmt);
    fprintf(stderr, "; try 'dyad %s --help'\n", cmd);
    free(msg);
    return CLI_BAD_USAGE;
}

static const struct {
    const char *name;
    cli_format fmt;
} format_names[] = {
    {"json", CLI_FMT_JSON}, {"dot", CLI_FMT_DOT},
    {"svg", CLI_FMT_SVG},   {"graphml", CLI_FMT_GRAPHML},
    {"gexf", CLI_FMT_GEXF}, {"csv", CLI_FMT_CSV},
    {"html", CLI_FMT_HTML},
};

bool cli_parse_format(const char *s, cli_format *out)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0];
         i++) {
        if (strcmp(s, format_names[i].name) == 0) {
            *out = format_names[i].fmt;
            return true;
        }
    }
    return false;
}

bool cli_parse_formats(const char *list, cli_format *fmts, size_t *n,
                       char *bad, size_t bad_size)
{
    *n = 0;
    const char *p = list;
    do {
        size_t len = strcspn(p, ",");
        char name[32] = "";
        cli_format f;
        if (len < sizeof name)
            memcpy(name, p, len);
        if (len >= sizeof name || !cli_parse_format(name, &f)) {
            snprintf(bad, bad_size, "%.*s", (int)len, p);
            return false;
        }
        bool seen = false;
        for (size_t i = 0; i < *n; i++)
            seen = seen || fmts[i] == f;
        if (!seen)
            fmts[(*n)++] = f;
        p += len;
    } while (*p++ == ',');
    return true;
}

int cli_getopt_error(const char *cmd, int c, char **argv,
                     const struct option *opts)
{
    if (c == ':') {
        const char *name = NULL;
        for (const struct option *o = opts; o->name; o++)
            if (o->val == optopt)
                name = o->name;
        if (name)
            return cli_usage_error(cmd, "option '--%s' needs a value", name);
        return cli_usage_error(cmd, "option '-%c' needs a value", optopt);
    }
    if (optopt && optopt < 256)
        return cli_usage_error(cmd, "unknown option '-%c'", optopt);
    return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

bool cli_parse_count(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

int cli_parse_date(const char *cmd, const char *arg, const char **out)
{
    char date[DYAD_DATE_SIZE];
    if (strlen(arg) != 10 || !dyad_date_parse(arg, 10, date))
        return cli_usage_error(cmd, "--date wants a calendar date YYYY-MM-DD, not '%s'", arg);
    *out = arg;
    return CLI_OK;
}

const char *cli_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash && slash[1])
        return slash + 1;
    if (!slash)
        return path;
    /* "dir/": the name before the trailing slashes */
    while (slash > path && *slash == '/')
        slash--;
    const char *start = slash;
    while (start > path && start[-1] != '/')
        start--;
    return start;
}

/* ---- outputs written all-or-nothing: see out.c ---- */

static dyad_status out_close(cli_out *o, dyad_error *err)
{
    return cli_out_close(o, err);
}

/* ---- graphs ---- */

/* Writers know the stream, not its name: name it in the error. */
static void name_source(dyad_error *err, const char *name)
{
    if (!err->source[0])
        snprintf(err->source, sizeof err->source, "%s", name);
}

/* The files of each format: one, or three for CSV. */
typedef struct part {
    cli_format fmt;
    const char *ext;
    int table; /* CSV: 0 nodes, 1 edges, 2 evidence */
} part;

static const part parts[] = {
    {CLI_FMT_JSON, ".json", 0},     {CLI_FMT_DOT, ".dot", 0},
    {CLI_FMT_SVG, ".svg", 0},       {CLI_FMT_GRAPHML, ".graphml", 0},
    {CLI_FMT_GEXF, ".gexf", 0},     {CLI_FMT_CSV, ".nodes.csv", 0},
    {CLI_FMT_CSV, ".edges.csv", 1}, {CLI_FMT_CSV, ".evidence.csv", 2},
    {CLI_FMT_HTML, ".html", 0},
};
enum { N_PARTS = sizeof parts / sizeof parts[0] };

static dyad_status write_csv(const dyad_graph *g, int table, FILE *fp,
                             const dyad_export_opts *exp, dyad_error *err)
{
    if (table == 1)
        return dyad_write_csv_edges(g, fp, exp, err);
    if (table == 2)
        return dyad_write_csv_evidence(g, fp, exp, err);
    return dyad_write_csv_nodes(g, fp, exp, err);
}

static dyad_status write_one(const dyad_graph *g, const part *p, FILE *fp,
                             const cli_write_opts *w, dyad_error *err)
{
    switch (p->fmt) {
    case CLI_FMT_DOT: return dyad_write_dot(g, fp, w->draw, err);
    case CLI_FMT_SVG: return dyad_write_svg(g, fp, w->draw, err);
    case CLI_FMT_GRAPHML: return dyad_write_graphml(g, fp, w->exp, err);
    case CLI_FMT_GEXF: return dyad_write_gexf(g, fp, w->exp, err);
    case CLI_FMT_CSV: return write_csv(g, p->table, fp, w->exp, err);
    case CLI_FMT_HTML: return dyad_write_html(g, fp, w->draw, w->exp, err);
    case CLI_FMT_JSON:
    default: return dyad_write_json_jobs(g, fp, cli_jobs(w->jobs), err);
    }
}

static const part *first_part(cli_format fmt)
{
    for (size_t i = 0; i < N_PARTS; i++)
        if (parts[i].fmt == fmt)
            return &parts[i];
    return &parts[0];
}

static int write_stdout(const dyad_graph *g, cli_format fmt,
                        const cli_write_opts *w)
{
    if (fmt == CLI_FMT_CSV) {
        cli_error("csv writes three files: give -o PREFIX");
        return CLI_BAD_USAGE;
    }
    dyad_error err = {0};
    cli_out *o = cli_out_open("-", &err);
    dyad_status st = write_one(g, first_part(fmt), cli_out_file(o), w, &err);
    if (st != DYAD_OK) {
        name_source(&err, "standard output");
        cli_out_abort(o);
        return cli_report(st, &err);
    }
    st = cli_out_commit(o, &err);
    return st == DYAD_OK ? CLI_OK : cli_report(st, &err);
}

/* Renames the closed temporaries into place, all or none (out.c); the
 * outputs are freed and their entries cleared. */
static dyad_status rename_all(cli_out **outs, size_t n, dyad_error *err)
{
    return cli_out_commit_set(outs, n, err);
}

static bool wanted(const part *p, const cli_format *fmts, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fmts[i] == p->fmt)
            return true;
    return false;
}

/* Writes one file of the set into outs[k]; DYAD_OK once it is closed. */
static dyad_status write_file(const dyad_graph *g, const char *prefix,
                              const part *p, cli_out **out,
                              const cli_write_opts *w, dyad_error *err)
{
    size_t n = strlen(prefix) + strlen(p->ext) + 1;
    char *path = cli_xmalloc(n);
    snprintf(path, n, "%s%s", prefix, p->ext);
    *out = cli_out_open(path, err);
    dyad_status st = DYAD_ERR_IO;
    if (*out) {
        st = write_one(g, p, cli_out_file(*out), w, err);
        if (st != DYAD_OK)
            name_source(err, path);
        else
            st = out_close(*out, err);
    }
    free(path);
    return st;
}

int cli_write_outputs(const dyad_graph *g, const char *prefix,
                      const cli_format *fmts, size_t n_fmts,
                      const cli_write_opts *w)
{
    if (!prefix)
        return write_stdout(g, n_fmts ? fmts[0] : CLI_FMT_JSON, w);
    cli_out *outs[N_PARTS] = {NULL};
    size_t n = 0;
    dyad_error err = {0};
    dyad_status st = DYAD_OK;
    /* in the order of parts[], so the files do not depend on the list's */
    for (size_t i = 0; i < N_PARTS && st == DYAD_OK; i++)
        if (wanted(&parts[i], fmts, n_fmts))
            st = write_file(g, prefix, &parts[i], &outs[n++], w, &err);
    if (st == DYAD_OK)
        st = rename_all(outs, n, &err);
    for (size_t i = n; i-- > 0;)
        cli_out_abort(outs[i]);
    return st == DYAD_OK ? CLI_OK : cli_report(st, &err);
}

int cli_write_graph(const dyad_graph *g, const char *prefix, cli_format fmt,
                    const dyad_draw_opts *draw)
{
    static const cli_format all[] = {CLI_FMT_JSON, CLI_FMT_DOT, CLI_FMT_SVG};
    cli_write_opts w = {draw, NULL, 0};
    if (!prefix)
        return cli_write_outputs(g, NULL, &fmt, 1, &w);
    return cli_write_outputs(g, prefix, all, 3, &w);
}
