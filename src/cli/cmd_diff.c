/* dyad diff: what changed between two graphs or two article sets. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define CMD "diff"

/* The formats of a diff, in the order -o writes them. */
typedef enum {
    OUT_JSON,
    OUT_DOT,
    OUT_SVG,
    OUT_GRAPHML,
    OUT_GEXF,
    OUT_HTML,
    OUT_TEXT,
    N_OUT
} out_format;

static const struct {
    const char *name, *ext;
} out_formats[N_OUT] = {
    [OUT_JSON] = {"json", ".json"},       [OUT_DOT] = {"dot", ".dot"},
    [OUT_SVG] = {"svg", ".svg"},          [OUT_GRAPHML] = {"graphml", ".graphml"},
    [OUT_GEXF] = {"gexf", ".gexf"},       [OUT_HTML] = {"html", ".html"},
    [OUT_TEXT] = {"text", ".txt"},
};

#define FORMAT_NAMES "text, json, dot, svg, graphml, gexf, html"

typedef struct diff_args {
    const char *path[2];
    const char *label[2];
    const char *actors, *verbs;
    const char *prefix;
    const char *formats; /* --formats LIST, for -o */
    bool wanted[N_OUT];  /* what -o writes */
    out_format format;
    long jobs;
    dyad_draw_opts draw;
} diff_args;

static void usage(void)
{
    printf(
        "Usage: dyad diff [OPTIONS] A B\n"
        "\n"
        "Compares two graphs or two article sets: A is the old side (last "
        "month, one\n"
        "outlet), B the new one.  Each of A and B is either a graph written "
        "by\n"
        "'dyad extract' (a file ending in .json) or articles (a .txt file, a "
        "folder of\n"
        "them, a .jsonl file or - for stdin), extracted on the fly with the "
        "same\n"
        "dictionaries.\n"
        "\n"
        "Options:\n"
        "  -f, --format F     the report on stdout: text (default), json, "
        "dot, svg,\n"
        "                     graphml, gexf, html\n"
        "  -o, --output P     also write P.json, P.dot and P.svg (all or "
        "none)\n"
        "      --formats LIST with -o, the formats to write, "
        "comma-separated: json,\n"
        "                     dot, svg, graphml, gexf, html, text (P.txt); "
        "default\n"
        "                     json,dot,svg\n"
        "      --label-a NAME name of A in the report (default: its base "
        "name\n"
        "                     without extension: graphs/june.json -> june)\n"
        "      --label-b NAME name of B\n"
        "      --actors FILE  actor dictionary for article sets (JSON; "
        "default built-in)\n"
        "      --verbs FILE   verb dictionary for article sets (JSON; "
        "default built-in)\n"
        "  -j, --jobs N       extraction threads (default: one per core)\n"
        "      --engine E     Graphviz layout for the drawing: dot, neato, "
        "sfdp...\n"
        "      --title T      title of the drawing (default \"A -> B\")\n"
        "      --min-weight N leave out unchanged edges lighter than N in "
        "the drawing\n"
        "  -h, --help         this help\n"
        "\n"
        "The text report, section by section:\n"
        "  the table     documents, sentences, actors, edges and acts of "
        "each side,\n"
        "                and its mean tone (Goldstein, -10 hostile .. +10 "
        "cooperative,\n"
        "                averaged over all acts)\n"
        "  Similarity    node Jaccard: actors in both / actors in either;\n"
        "                edge Jaccard: the same over (source, target) "
        "pairs;\n"
        "                weighted Jaccard: sum of min(weight A, weight B) / "
        "sum of max,\n"
        "                over all edges; 1.000 means identical, 0.000 "
        "nothing shared;\n"
        "                mean tone shift: mean tone of B minus that of A\n"
        "  Actors that appear / disappear   in B only / in A only, with "
        "mentions\n"
        "  Actors mentioned more or less    in both, mentions A -> B\n"
        "  Edges added / removed / changed  each line starts with the "
        "change in\n"
        "                weight (sentences stating the act), largest first; "
        "'verbs:'\n"
        "                lists the relations whose counts changed (urge +3, "
        "meet -1)\n"
        "  Tone shifts   edges in both whose mean Goldstein moved, largest "
        "first\n"
        "\n"
        "GraphML and GEXF carry the union graph with a 'change' attribute "
        "(added,\n"
        "removed, changed, unchanged) on every actor and edge; html is one "
        "page with\n"
        "the figures, the drawing and tables of what changed.\n"
        "\n"
        "The drawing (-o, --format svg) shows A and B together: added edges "
        "solid blue,\n"
        "removed ones dashed vermillion, changed ones doubled purple, "
        "unchanged ones\n"
        "thin grey; width grows with the change; labels read +3, \xe2\x88\x92"
        "2, +2 (3\xe2\x86\x92"
        "5).\n"
        "\n"
        "Examples:\n"
        "  dyad diff graphs/june.json graphs/july.json\n"
        "  dyad diff --label-a reuters --label-b dawn news/reuters/ "
        "news/dawn/ -o cmp\n"
        "  dyad diff -f json old.json new/ | jq .similarity\n"
        "  dyad diff june.json july.json -o cmp --formats html,graphml\n"
        "\n"
        "Exit status: 0 success (whether or not the sides differ), 1 bad "
        "input,\n"
        "2 bad usage.\n");
}

static bool parse_format(const char *s, size_t n, out_format *out)
{
    for (int i = 0; i < N_OUT; i++)
        if (strlen(out_formats[i].name) == n &&
            strncmp(s, out_formats[i].name, n) == 0) {
            *out = (out_format)i;
            return true;
        }
    return false;
}

/* "json,graphml,html" into a->wanted; an exit code on a bad name. */
static int parse_formats(diff_args *a)
{
    static const out_format dflt[] = {OUT_JSON, OUT_DOT, OUT_SVG};
    if (!a->formats) {
        for (size_t i = 0; i < sizeof dflt / sizeof *dflt; i++)
            a->wanted[dflt[i]] = true;
        return -1;
    }
    const char *p = a->formats;
    do {
        size_t n = strcspn(p, ",");
        out_format f;
        if (!parse_format(p, n, &f))
            return cli_usage_error(CMD, "--formats: unknown format '%.*s' "
                                        "(" FORMAT_NAMES ")",
                                   (int)n, p);
        a->wanted[f] = true;
        p += n;
    } while (*p++ == ',');
    return -1;
}

enum { OPT_LABEL_A = 256, OPT_LABEL_B, OPT_ACTORS, OPT_VERBS, OPT_ENGINE,
       OPT_TITLE, OPT_MIN_WEIGHT, OPT_FORMATS };

static const struct option long_opts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"formats", required_argument, NULL, OPT_FORMATS},
    {"label-a", required_argument, NULL, OPT_LABEL_A},
    {"label-b", required_argument, NULL, OPT_LABEL_B},
    {"actors", required_argument, NULL, OPT_ACTORS},
    {"verbs", required_argument, NULL, OPT_VERBS},
    {"jobs", required_argument, NULL, 'j'},
    {"engine", required_argument, NULL, OPT_ENGINE},
    {"title", required_argument, NULL, OPT_TITLE},
    {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* Text that is drawn or printed must be UTF-8 (a title Graphviz cannot
 * read drops the whole legend). */
static bool text_arg(const char *opt, const char *value, int *rc)
{
    if (cli_utf8_ok(value))
        return true;
    *rc = cli_usage_error(CMD, "%s wants UTF-8 text", opt);
    return false;
}

/* Returns -1 to go on, else an exit code. */
static int parse_option(diff_args *a, int c, char **argv)
{
    long n;
    int rc = -1;
    switch (c) {
    case 'h': usage(); return CLI_OK;
    case 'f':
        if (!parse_format(optarg, strlen(optarg), &a->format))
            return cli_usage_error(CMD, "unknown format '%s' (" FORMAT_NAMES
                                        ")", optarg);
        return -1;
    case 'o': a->prefix = optarg; return -1;
    case OPT_FORMATS: a->formats = optarg; return -1;
    case OPT_LABEL_A:
        if (text_arg("--label-a", optarg, &rc))
            a->label[0] = optarg;
        return rc;
    case OPT_LABEL_B:
        if (text_arg("--label-b", optarg, &rc))
            a->label[1] = optarg;
        return rc;
    case OPT_ACTORS: a->actors = optarg; return -1;
    case OPT_VERBS: a->verbs = optarg; return -1;
    case OPT_ENGINE: a->draw.engine = optarg; return -1;
    case OPT_TITLE:
        if (text_arg("--title", optarg, &rc))
            a->draw.title = optarg;
        return rc;
    case 'j':
        if (!cli_parse_count(optarg, 1, 1024, &a->jobs))
            return cli_usage_error(CMD, "--jobs wants a number from 1 to "
                                        "1024, not '%s'", optarg);
        return -1;
    case OPT_MIN_WEIGHT:
        if (!cli_parse_count(optarg, 0, 1000000000L, &n))
            return cli_usage_error(CMD, "--min-weight wants a number >= 0, "
                                        "not '%s'", optarg);
        a->draw.min_weight = (int)n;
        return -1;
    default: return cli_getopt_error(CMD, c, argv, long_opts);
    }
}

static int parse_args(diff_args *a, int argc, char **argv)
{
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:o:j:h", long_opts, NULL)) != -1) {
        int rc = parse_option(a, c, argv);
        if (rc >= 0)
            return rc;
    }
    if (argc - optind != 2)
        return cli_usage_error(CMD, "wants two inputs, A and B (got %d)",
                               argc - optind);
    a->path[0] = argv[optind];
    a->path[1] = argv[optind + 1];
    if (strcmp(a->path[0], "-") == 0 && strcmp(a->path[1], "-") == 0)
        return cli_usage_error(CMD, "only one of A and B can be stdin");
    if (a->prefix && !*a->prefix)
        return cli_usage_error(CMD, "--output wants a non-empty prefix");
    if (a->formats && !a->prefix)
        return cli_usage_error(CMD, "--formats is for -o PREFIX; --format "
                                    "writes one to stdout");
    return parse_formats(a);
}

/* ---- labels ---- */

/* "graphs/june.json" -> "june", "news/dawn/" -> "dawn", "-" -> "stdin";
 * bytes of the path that are not UTF-8 become U+FFFD (a label is shown,
 * never used to open anything). */
static char *default_label(const char *path)
{
    if (strcmp(path, "-") == 0)
        return cli_xstrdup("stdin");
    const char *base = cli_base_name(path);
    size_t n = strlen(base);
    while (n > 1 && base[n - 1] == '/')
        n--;
    char *s = cli_xstrndup(base, n);
    char *dot = strrchr(s, '.');
    if (dot && dot != s)
        *dot = '\0';
    char *fixed = cli_utf8_fix(s);
    free(s);
    return fixed;
}

static void make_labels(const diff_args *a, char *out[2])
{
    for (int i = 0; i < 2; i++)
        out[i] = a->label[i] ? cli_xstrdup(a->label[i])
                             : default_label(a->path[i]);
    /* two folders both named "articles": fall back to the paths */
    if (strcmp(out[0], out[1]) == 0 && !a->label[0] && !a->label[1] &&
        strcmp(a->path[0], a->path[1]) != 0) {
        for (int i = 0; i < 2; i++) {
            free(out[i]);
            out[i] = cli_utf8_fix(a->path[i]);
        }
    }
}

/* ---- inputs ---- */

static int read_graph(const char *path, dyad_graph **out)
{
    dyad_error err = {0};
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp) {
        dyad_fail(&err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                  strerror(errno));
        return cli_report(DYAD_ERR_IO, &err);
    }
    dyad_read_opts ro = {.no_evidence = true}; /* the diff reads counts */
    dyad_status st = dyad_read_json_opts(out, fp, path, &ro, &err);
    if (!is_stdin)
        fclose(fp);
    if (st != DYAD_OK)
        return cli_report(st, &err);
    dyad_graph_sort(*out);
    return CLI_OK;
}

static int read_side(const diff_args *a, int i, const dyad_dict **dict,
                     dyad_dict **owned, dyad_graph **out)
{
    if (cli_is_graph_path(a->path[i]))
        return read_graph(a->path[i], out);
    if (!*dict) {
        dyad_error err = {0};
        dyad_status st = dyad_dict_new(owned, a->actors, a->verbs, &err);
        if (st != DYAD_OK)
            return cli_report(st, &err);
        *dict = *owned;
    }
    cli_extract_opts eo;
    memset(&eo, 0, sizeof eo);
    eo.dict = *dict;
    eo.jobs = (int)a->jobs;
    eo.evidence_cap = 1; /* the diff reads counts, not sentences */
    const char *paths[1] = {a->path[i]};
    return cli_extract_paths(paths, 1, &eo, out);
}

/* ---- outputs ---- */

static dyad_status write_format(const dyad_diff *d, out_format f, FILE *fp,
                                char *const label[2], const diff_args *a,
                                dyad_error *err)
{
    switch (f) {
    case OUT_TEXT:
        return dyad_diff_write_text(d, fp, label[0], label[1], err);
    case OUT_JSON:
        return dyad_diff_write_json(d, fp, label[0], label[1], err);
    case OUT_DOT:
        return dyad_diff_write_dot(d, fp, label[0], label[1], &a->draw, err);
    case OUT_SVG:
        return dyad_diff_write_svg(d, fp, label[0], label[1], &a->draw, err);
    case OUT_GRAPHML:
        return dyad_diff_write_graphml(d, fp, label[0], label[1], err);
    case OUT_GEXF:
        return dyad_diff_write_gexf(d, fp, label[0], label[1], err);
    case OUT_HTML:
        return dyad_diff_write_html(d, fp, label[0], label[1], &a->draw, err);
    case N_OUT: break;
    }
    return DYAD_ERR_INVALID;
}

static char *file_path(const char *prefix, const char *ext)
{
    size_t n = strlen(prefix) + strlen(ext) + 1;
    char *path = cli_xmalloc(n);
    snprintf(path, n, "%s%s", prefix, ext);
    return path;
}

static dyad_status open_and_write(const dyad_diff *d, out_format f,
                                  const char *path, char *const label[2],
                                  const diff_args *a, cli_out **o,
                                  dyad_error *err)
{
    *o = cli_out_open(path, err);
    if (!*o)
        return DYAD_ERR_IO;
    dyad_status st = write_format(d, f, cli_out_file(*o), label, a, err);
    if (st != DYAD_OK && !err->source[0])
        snprintf(err->source, sizeof err->source, "%s", path);
    return st;
}

/* PREFIX.json, .dot, .svg (or the --formats list): each written to a
 * temporary and committed as one set once all are complete
 * (cli_out_commit_set: all or none), in the order of out_formats so that
 * the files do not depend on the list's. */
static int write_files(const dyad_diff *d, char *const label[2],
                       const diff_args *a)
{
    cli_out *outs[N_OUT] = {NULL};
    char *path[N_OUT] = {NULL};
    size_t n = 0;
    dyad_error err = {0};
    dyad_status st = DYAD_OK;
    for (int f = 0; f < N_OUT && st == DYAD_OK; f++) {
        if (!a->wanted[f])
            continue;
        path[n] = file_path(a->prefix, out_formats[f].ext);
        st = open_and_write(d, (out_format)f, path[n], label, a, &outs[n],
                            &err);
        n++;
    }
    if (st == DYAD_OK)
        st = cli_out_commit_set(outs, n, &err);
    for (size_t i = n; i-- > 0;) {
        cli_out_abort(outs[i]);
        free(path[i]);
    }
    return st == DYAD_OK ? CLI_OK : cli_report(st, &err);
}

static int write_stdout(const dyad_diff *d, char *const label[2],
                        const diff_args *a)
{
    dyad_error err = {0};
    dyad_status st = write_format(d, a->format, stdout, label, a, &err);
    if (st != DYAD_OK) {
        if (!err.source[0])
            snprintf(err.source, sizeof err.source, "standard output");
        return cli_report(st, &err);
    }
    return CLI_OK;
}

/* ---- the command ---- */

int cmd_diff(int argc, char **argv)
{
    diff_args a;
    memset(&a, 0, sizeof a);
    a.format = OUT_TEXT;
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    char *label[2] = {NULL, NULL};
    dyad_graph *g[2] = {NULL, NULL};
    const dyad_dict *dict = NULL;
    dyad_dict *owned = NULL;
    dyad_diff *d = NULL;
    dyad_error err = {0};
    if (a.prefix && cli_out_check(a.prefix, &err) != DYAD_OK)
        rc = cli_report(DYAD_ERR_IO, &err); /* before extracting sides */
    make_labels(&a, label);
    for (int i = 0; i < 2 && rc < 0; i++) {
        int r = read_side(&a, i, &dict, &owned, &g[i]);
        if (r != CLI_OK)
            rc = r;
    }
    if (rc >= 0)
        goto out;
    dyad_status st = dyad_diff_new(&d, g[0], g[1], &err);
    if (st != DYAD_OK) {
        rc = cli_report(st, &err);
        goto out;
    }
    rc = a.prefix ? write_files(d, label, &a) : CLI_OK;
    if (rc == CLI_OK)
        rc = write_stdout(d, label, &a);
out:
    dyad_diff_free(d);
    dyad_graph_free(g[1]);
    dyad_graph_free(g[0]);
    dyad_dict_free(owned);
    free(label[1]);
    free(label[0]);
    return rc;
}
