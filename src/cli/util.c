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

bool cli_parse_format(const char *s, cli_format *out)
{
    static const struct {
        const char *name;
        cli_format fmt;
    } formats[] = {
        {"json", CLI_FMT_JSON}, {"dot", CLI_FMT_DOT}, {"svg", CLI_FMT_SVG}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(s, formats[i].name) == 0) {
            *out = formats[i].fmt;
            return true;
        }
    }
    return false;
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

static dyad_status write_one(const dyad_graph *g, cli_format fmt, FILE *fp,
                             const dyad_draw_opts *draw, dyad_error *err)
{
    switch (fmt) {
    case CLI_FMT_DOT: return dyad_write_dot(g, fp, draw, err);
    case CLI_FMT_SVG: return dyad_write_svg(g, fp, draw, err);
    case CLI_FMT_JSON:
    default: return dyad_write_json(g, fp, err);
    }
}

static int write_stdout(const dyad_graph *g, cli_format fmt,
                        const dyad_draw_opts *draw)
{
    dyad_error err = {0};
    cli_out *o = cli_out_open("-", &err);
    dyad_status st = write_one(g, fmt, cli_out_file(o), draw, &err);
    if (st != DYAD_OK) {
        name_source(&err, "standard output");
        cli_out_abort(o);
        return cli_report(st, &err);
    }
    st = cli_out_commit(o, &err);
    return st == DYAD_OK ? CLI_OK : cli_report(st, &err);
}

enum { N_FILES = 3 };

/* Renames the closed temporaries into place, all or none (out.c); the
 * outputs are freed and their entries cleared. */
static dyad_status rename_all(cli_out **outs, dyad_error *err)
{
    return cli_out_commit_set(outs, N_FILES, err);
}

int cli_write_graph(const dyad_graph *g, const char *prefix, cli_format fmt,
                    const dyad_draw_opts *draw)
{
    if (!prefix)
        return write_stdout(g, fmt, draw);
    static const char *const ext[N_FILES] = {".json", ".dot", ".svg"};
    static const cli_format fmts[N_FILES] = {CLI_FMT_JSON, CLI_FMT_DOT,
                                             CLI_FMT_SVG};
    cli_out *outs[N_FILES] = {NULL, NULL, NULL};
    dyad_error err = {0};
    dyad_status st = DYAD_OK;
    for (int i = 0; i < N_FILES && st == DYAD_OK; i++) {
        size_t n = strlen(prefix) + strlen(ext[i]) + 1;
        char *path = cli_xmalloc(n);
        snprintf(path, n, "%s%s", prefix, ext[i]);
        outs[i] = cli_out_open(path, &err);
        if (!outs[i])
            st = DYAD_ERR_IO;
        else
            st = write_one(g, fmts[i], cli_out_file(outs[i]), draw, &err);
        if (outs[i] && st != DYAD_OK)
            name_source(&err, path);
        if (st == DYAD_OK)
            st = out_close(outs[i], &err);
        free(path);
    }
    if (st == DYAD_OK)
        st = rename_all(outs, &err);
    for (int i = N_FILES - 1; i >= 0; i--)
        cli_out_abort(outs[i]);
    return st == DYAD_OK ? CLI_OK : cli_report(st, &err);
}
