/* dyad merge: sums partial graphs (JSON) into one. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define CMD "merge"

typedef struct merge_args {
    const char *prefix;
    cli_format format;
    bool format_set;
    cli_format fmts[CLI_N_FORMATS]; /* what --output writes */
    size_t n_fmts;
    bool formats_set;
    long max_evidence;
    bool skip_repeats;
    dyad_draw_opts draw;
} merge_args;

static void usage(void)
{
    printf(
        "Usage: dyad merge [OPTIONS] GRAPH.json...\n"
        "\n"
        "Sums graphs written by 'dyad extract' (or 'dyad merge') into one: "
        "actor\n"
        "mentions, edge weights, relation counts, evidence, documents and "
        "sentences\n"
        "add up, and each edge's mean Goldstein value is recomputed exactly "
        "from its\n"
        "relations.  Use it to extract a large corpus in shards (on several "
        "machines,\n"
        "or month by month) and combine the parts, or to add new articles to "
        "a graph\n"
        "without extracting the old ones again.\n"
        "\n"
        "Merge is associative and commutative: any grouping and any order "
        "of the\n"
        "parts give byte-identical output, the same as extracting all the "
        "articles in\n"
        "one run.  Give each article to one shard only: a graph lists its "
        "documents,\n"
        "and a part with a document the merged graph already has is "
        "refused, whatever\n"
        "path, link or copy it comes by (its counts cannot be told apart "
        "by document).\n"
        "Graphs that disagree on an actor's label or on a verb's Goldstein "
        "value\n"
        "(extracted with different dictionaries) are refused.\n"
        "\n"
        "Options:\n"
        "  -f, --format F       write F to stdout: json (default), dot, "
        "svg, graphml,\n"
        "                       gexf, html\n"
        "  -o, --output P       write P.json, P.dot and P.svg (all or "
        "none)\n"
        "      --formats LIST   with -o, the formats to write: json, dot, "
        "svg, graphml,\n"
        "                       gexf, html, csv (P.nodes.csv, P.edges.csv, "
        "and\n"
        "                       P.evidence.csv)\n"
        "      --max-evidence N keep at most N evidence sentences per edge, "
        "the first\n"
        "                       by (doc, sentence, offset); counts stay "
        "exact (default:\n"
        "                       0, keep all)\n"
        "      --skip-repeats   skip, with a warning, a part whose documents "
        "are all in\n"
        "                       the merged graph already (the same part "
        "given twice);\n"
        "                       a part that shares only some is still "
        "refused\n"
        "      --engine E       Graphviz layout for dot and svg: dot, neato, "
        "sfdp...\n"
        "      --title T        title of the drawing\n"
        "      --min-weight N   do not draw edges lighter than N\n"
        "  -h, --help           this help\n"
        "\n"
        "A GRAPH of - reads standard input.\n"
        "\n"
        "Example: a sharded run (two halves of a folder), then the "
        "merge\n"
        "  dyad extract news/[a-m]*.txt --format json > part1.json\n"
        "  dyad extract news/[n-z]*.txt --format json > part2.json\n"
        "  dyad merge part2.json part1.json -o all\n"
        "all.json has the same bytes as the graph of 'dyad extract news/'.  "
        "Name the\n"
        "documents the same way in the shards as in a single run: a file "
        "given on the\n"
        "command line is named by its base name, a file found in a folder "
        "by its path\n"
        "below that folder.\n"
        "\n"
        "Exit status: 0 success, 1 bad input (unreadable or invalid graph, "
        "conflicting\n"
        "graphs, failed write), 2 bad usage.\n");
}

enum {
    OPT_MAX_EVIDENCE = 256,
    OPT_ENGINE,
    OPT_TITLE,
    OPT_MIN_WEIGHT,
    OPT_FORMATS,
    OPT_SKIP_REPEATS
};

static const struct option long_opts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"formats", required_argument, NULL, OPT_FORMATS},
    {"max-evidence", required_argument, NULL, OPT_MAX_EVIDENCE},
    {"engine", required_argument, NULL, OPT_ENGINE},
    {"title", required_argument, NULL, OPT_TITLE},
    {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
    {"skip-repeats", no_argument, NULL, OPT_SKIP_REPEATS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static int parse_formats(merge_args *a, const char *list)
{
    char bad[64];
    if (!cli_parse_formats(list, a->fmts, &a->n_fmts, bad, sizeof bad))
        return cli_usage_error(CMD,
                               "--formats: unknown format '%s' (json, dot, "
                               "svg, graphml, gexf, csv, html)",
                               bad);
    a->formats_set = true;
    return -1;
}

/* Returns -1 to go on, else an exit code. */
static int parse_option(merge_args *a, int c, char **argv)
{
    long n;
    switch (c) {
    case 'h': usage(); return CLI_OK;
    case 'f':
        if (!cli_parse_format(optarg, &a->format) || a->format == CLI_FMT_CSV)
            return cli_usage_error(
                CMD,
                "unknown format '%s' (json, dot, svg, graphml, gexf, html)",
                optarg);
        a->format_set = true;
        return -1;
    case OPT_FORMATS: return parse_formats(a, optarg);
    case 'o': a->prefix = optarg; return -1;
    case OPT_MAX_EVIDENCE:
        if (!cli_parse_count(optarg, 0, 1000000000L, &a->max_evidence))
            return cli_usage_error(
                CMD, "--max-evidence wants a number >= 0, not '%s'", optarg);
        return -1;
    case OPT_SKIP_REPEATS: a->skip_repeats = true; return -1;
    case OPT_ENGINE: a->draw.engine = optarg; return -1;
    case OPT_TITLE: a->draw.title = optarg; return -1;
    case OPT_MIN_WEIGHT:
        if (!cli_parse_count(optarg, 0, 1000000000L, &n))
            return cli_usage_error(
                CMD, "--min-weight wants a number >= 0, not '%s'", optarg);
        a->draw.min_weight = (int)n;
        return -1;
    default: return cli_getopt_error(CMD, c, argv, long_opts);
    }
}

static int count_stdin(int n, char **paths)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += strcmp(paths[i], "-") == 0;
    return k;
}

/* True if path was given before (a graph of an older dyad lists no
 * documents, so that only its path can tell it is repeated). */
static bool named_before(char **paths, int i)
{
    for (int j = 0; j < i; j++)
        if (strcmp(paths[i], paths[j]) == 0 && strcmp(paths[i], "-"))
            return true;
    return false;
}

static int parse_args(merge_args *a, int argc, char **argv)
{
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:o:h", long_opts, NULL)) != -1) {
        int rc = parse_option(a, c, argv);
        if (rc >= 0)
            return rc;
    }
    if (optind >= argc)
        return cli_usage_error(CMD, "wants at least one graph (JSON)");
    if (a->prefix && a->format_set)
        return cli_usage_error(CMD, "--output writes every format: give "
                                    "--output or --format, not both");
    if (a->formats_set && !a->prefix)
        return cli_usage_error(CMD, "--formats is for --output");
    if (a->prefix && !*a->prefix)
        return cli_usage_error(CMD, "--output wants a non-empty prefix");
    if (count_stdin(argc - optind, argv + optind) > 1)
        return cli_usage_error(CMD, "standard input (-) can be read once");
    return -1;
}

/* The refusal of a part that shares documents with the merged graph. */
static int refuse_repeats(const char *path, size_t shared, size_t n,
                          const char *doc)
{
    dyad_error err = {0};
    if (shared == n)
        dyad_fail(&err, DYAD_ERR_INVALID, path, 0, 0,
                  "its documents are in the merged graph already (all %zu; "
                  "'%s' first): a graph given twice, under another path or "
                  "as a copy, would count them twice; --skip-repeats skips "
                  "it",
                  n, doc);
    else
        dyad_fail(&err, DYAD_ERR_INVALID, path, 0, 0,
                  "%zu of its %zu documents are in the merged graph already "
                  "('%s' first), and would count twice: give each document "
                  "to one part only",
                  shared, n, doc);
    return cli_report(DYAD_ERR_INVALID, &err);
}

/* A part with documents into has: skipped (-1, when all are and the user
 * asked), else refused (an exit code).  0 when it shares none.  Both lists
 * are joined in byte order, so this runs in bounded memory however many
 * documents they list. */
static int check_repeats(const dyad_graph *into, const dyad_graph *g,
                         const char *path, bool skip)
{
    char *doc;
    size_t shared = dyad_graph_shared_documents(into, g, &doc);
    if (!shared)
        return 0;
    size_t n = dyad_docs_count(dyad_graph_docs(g));
    int rc = -1;
    if (skip && shared == n)
        cli_warn("%s: its %zu document%s %s in the merged graph already: "
                 "skipped",
                 path, n, n == 1 ? "" : "s", n == 1 ? "is" : "are");
    else
        rc = refuse_repeats(path, shared, n, doc);
    free(doc);
    return rc;
}

/* Reads the graph at path and adds it to into.  The part is read under
 * the output's cap (cutting early keeps the same first items) and its
 * evidence moved, so memory follows the output, not the parts. */
static int merge_one(dyad_graph *into, const char *path, const merge_args *a,
                     bool repeated)
{
    dyad_error err = {0};
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp) {
        dyad_fail(&err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                  strerror(errno));
        return cli_report(DYAD_ERR_IO, &err);
    }
    dyad_graph *g = NULL;
    dyad_read_opts ro = {.evidence_cap = (size_t)a->max_evidence};
    const char *name = is_stdin ? "stdin" : path;
    dyad_status st = dyad_read_json_opts(&g, fp, name, &ro, &err);
    if (!is_stdin)
        fclose(fp);
    int rc =
        st == DYAD_OK ? check_repeats(into, g, name, a->skip_repeats) : 0;
    if (rc == 0 && repeated && dyad_docs_empty(dyad_graph_docs(g)))
        cli_warn("%s is given twice: its counts are added twice", path);
    if (st == DYAD_OK && rc == 0)
        st = dyad_graph_merge_move(into, g, &err);
    dyad_graph_free(g);
    if (rc)
        return rc < 0 ? CLI_OK : rc;
    if (st == DYAD_OK)
        return CLI_OK;
    if (!err.source[0])
        snprintf(err.source, sizeof err.source, "%s", path);
    return cli_report(st, &err);
}

int cmd_merge(int argc, char **argv)
{
    merge_args a = {
        .format = CLI_FMT_JSON,
        .fmts = {CLI_FMT_JSON, CLI_FMT_DOT, CLI_FMT_SVG},
        .n_fmts = 3,
    };
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    dyad_error err = {0};
    if (a.prefix && cli_out_check(a.prefix, &err) != DYAD_OK)
        return cli_report(DYAD_ERR_IO, &err);
    dyad_graph *g = dyad_graph_new();
    dyad_graph_set_evidence_cap(g, (size_t)a.max_evidence);
    rc = CLI_OK;
    for (int i = optind; i < argc && rc == CLI_OK; i++)
        rc = merge_one(g, argv[i], &a, named_before(argv, i));
    if (rc == CLI_OK) {
        dyad_graph_sort(g);
        /* the dates the parts carried, for GEXF, CSV and GraphML */
        dyad_docs *dates = dyad_graph_evidence_dates(g);
        dyad_export_opts exp = {NULL, dates};
        cli_write_opts w = {&a.draw, &exp, 0};
        rc = cli_write_outputs(g, a.prefix, a.prefix ? a.fmts : &a.format,
                               a.prefix ? a.n_fmts : 1, &w);
        dyad_docs_free(dates);
    }
    cli_free_at_exit(g);
    return rc;
}
