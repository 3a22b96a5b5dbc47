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

/* ---- messages ---- */

static void vmessage(const char *prefix, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;
static void vmessage(const char *prefix, const char *fmt, va_list ap)
{
    fflush(stdout);    /* keep the order when both go to one terminal */
    flockfile(stderr); /* workers warn concurrently: one line each */
    fputs("dyad: ", stderr);
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    funlockfile(stderr);
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
    fflush(stdout);
    fprintf(stderr, "dyad %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "; try 'dyad %s --help'\n", cmd);
    va_end(ap);
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
    default: return dyad_write_json(g, fp, err);
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
    cli_write_opts w = {draw, NULL};
    if (!prefix)
        return cli_write_outputs(g, NULL, &fmt, 1, &w);
    return cli_write_outputs(g, prefix, all, 3, &w);
}
