/* dyad extract: articles in, the actor graph out (JSON, DOT, SVG, GraphML,
 * GEXF, CSV), and with --suggest the names that look like actors but are
 * in no dictionary. */
#include <ctype.h>
#include <getopt.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char *const engines[] = {"dot",   "neato", "fdp",   "sfdp",
                                      "circo", "twopi", "osage", "patchwork"};

static void print_help(void)
{
    /* One line of help a line of code. */
    /* clang-format off */
    static const char *const lines[] = {
        "Usage: dyad extract [OPTIONS] PATH...",
        "",
        "Reads news articles and writes the graph of who does what to whom: actors",
        "are nodes, and an edge A -> B says that articles report A acting on B, with",
        "its weight (sentences), verbs, CAMEO classes and the sentences themselves.",
        "",
        "PATH is a file, a directory (its *.txt files, recursively, in byte order",
        "of their paths; hidden entries skipped), a .jsonl corpus (one object",
        "{\"id\": ..., \"text\": ...} a line) or - for stdin.  Compressed files are",
        "read as they are: .jsonl.gz, .jsonl.zst, and in directories *.txt.gz and",
        "*.txt.zst (named without the .gz or .zst).  A NUL byte in a text is read",
        "as a space, with a warning.",
        "",
        "Dates: a .jsonl line's \"date\" (YYYY-MM-DD) or a first line such as",
        "\"date 2024-03-18\" dates a document; GEXF then plays the graph over time",
        "and GraphML and CSV carry the dates.",
        "",
        "Document names (the \"doc\" of each evidence item):",
        "  a file found in a directory   its path below that directory",
        "                                (seeds/2024/a.txt given as 'seeds': 2024/a.txt)",
        "  a file named on the command   its base name (seeds/2024/a.txt: a.txt)",
        "  line",
        "  stdin                         \"stdin\"",
        "  a .jsonl line                 its \"id\"",
        "Two documents with one name draw a warning.",
        "",
        "Output:",
        "  -o, --output PREFIX  write PREFIX.json, PREFIX.dot and PREFIX.svg (or the",
        "                       --formats), all or none",
        "      --formats LIST   with -o, the formats to write, comma-separated:",
        "                       json, dot, svg, graphml, gexf, csv, html",
        "                       (default json,dot,svg); csv is PREFIX.nodes.csv,",
        "                       PREFIX.edges.csv and PREFIX.evidence.csv",
        "      --format F       write one format to stdout: json (default), dot, svg,",
        "                       graphml, gexf, html (csv: with -o only, as",
        "                       --formats csv); with --suggest, the table: text",
        "                       (default) or json, or actors: the names as an",
        "                       actor dictionary to paste into yours",
        "",
        "Dictionaries (JSON files; the built-in ones by default):",
        "      --actors FILE    the actors and their aliases",
        "      --verbs FILE     the relation verbs and their CAMEO codes",
        "      --open-actors    a capitalised name in no dictionary that stands",
        "                       where an actor would (the names --suggest lists)",
        "                       is a node of its own, id \"unknown:NAME\", kind",
        "                       \"unknown\", drawn dashed: any article set gives a",
        "                       graph, and you see what the dictionary misses",
        "",
        "Graph:",
        "      --max-evidence N keep at most N sentences per edge (0: all, the",
        "                       default); weights and counts stay exact",
        "      --min-weight N   do not draw edges lighter than N (DOT, SVG)",
        "      --engine NAME    Graphviz layout: dot, neato, fdp, sfdp, circo, twopi,",
        "                       osage, patchwork (default: chosen by size)",
        "      --title TEXT     a title drawn on the graph",
        "      --date DATE      the date (YYYY-MM-DD) of documents that carry none",
        "                       of their own: it picks the dictionary roles of",
        "                       persons (Rutte: Dutch prime minister until",
        "                       2024-07-02, NATO from 2024-10-01) and dates their",
        "                       edges in GEXF and CSV",
        "",
        "Running:",
        "  -j, --jobs N         worker threads (default 0: one per core), for the",
        "                       extraction and for writing the JSON; the output is",
        "                       the same whatever N",
        "      --progress       progress on stderr (default when stderr is a",
        "                       terminal)",
        "      --no-progress    no progress",
        "  -k, --keep-going     warn about unreadable or invalid documents and skip",
        "                       them (by default the first one stops the run and",
        "                       nothing is written)",
        "      --max-document-bytes N",
        "                       refuse a document (a .jsonl line) longer than N",
        "                       bytes before reading it whole; K, M, G suffixes",
        "                       (default 64M; 0: no limit)",
        "      --shard K/N      extract only the K-th of N shares of the documents",
        "                       (by a hash of their names: the same on every",
        "                       machine); 'dyad merge' of the N graphs gives the",
        "                       bytes of one run over all (see docs/scale.md)",
        "      --suggest        list the capitalised names that stand where an actor",
        "                       would but are in no dictionary: count, name, an",
        "                       example; candidates for --actors (with -o the graph",
        "                       is written too)",
        "  -h, --help           this help",
        "",
        "Examples:",
        "  dyad extract seeds -o graphs/seeds",
        "  dyad extract --format svg article.txt > a.svg",
        "  dyad extract seeds -o out/seeds --formats json,graphml,gexf,csv",
        "  dyad extract seeds --format html --title Seeds > seeds.html",
        "  cat a.txt | dyad extract -",
        "  dyad extract corpus.jsonl -j 8 --keep-going -o graphs/corpus",
        "  dyad extract corpus.jsonl.zst --shard 2/8 --format json > part2.json",
        "  dyad extract --suggest seeds | head",
        "",
        "Exit status: 0 success, 1 bad input (unreadable file, invalid UTF-8, bad",
        "dictionary, failed write: the message names the file, line and column),",
        "2 bad usage.",
    };
    /* clang-format on */
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        puts(lines[i]);
}

/* ---- --suggest: unknown names, counted ---- */

typedef struct suggestion {
    char *name;
    long count;
    char *doc;
    char *example; /* NULL until its sentence is seen */
    long sentence; /* where it was first seen */
} suggestion;

typedef struct suggester {
    suggestion *items;
    size_t n, cap;
    size_t *slots; /* hash index of items by name: position + 1, 0 empty */
    size_t n_slots;
    char *doc;     /* the document of the sentence below */
    long sentence; /* the last sentence seen, and its text */
    char *sentence_text;
} suggester;

/* Folds whitespace runs to one space and keeps about 120 bytes, cut on a
 * UTF-8 character boundary. */
static char *shorten(const char *s, size_t n) { return cli_shorten(s, n, 120); }

static size_t name_hash(const char *s)
{
    size_t h = (size_t)14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

/* The slot of name in the index: where it is, or the empty slot where it
 * would go. */
static size_t *suggestion_slot(const suggester *s, const char *name)
{
    size_t mask = s->n_slots - 1, j = name_hash(name) & mask;
    while (s->slots[j] && strcmp(s->items[s->slots[j] - 1].name, name) != 0)
        j = (j + 1) & mask;
    return &s->slots[j];
}

/* Keeps the index at most half full; a linear search made 100,000
 * distinct names take minutes. */
static void suggestion_index_grow(suggester *s)
{
    if (2 * (s->n + 1) <= s->n_slots)
        return;
    free(s->slots);
    s->n_slots = s->n_slots ? 2 * s->n_slots : 256;
    s->slots = cli_xmalloc(s->n_slots * sizeof *s->slots);
    memset(s->slots, 0, s->n_slots * sizeof *s->slots);
    for (size_t i = 0; i < s->n; i++)
        *suggestion_slot(s, s->items[i].name) = i + 1;
}

static suggestion *find_suggestion(suggester *s, const char *name)
{
    suggestion_index_grow(s);
    size_t at = *suggestion_slot(s, name);
    return at ? &s->items[at - 1] : NULL;
}

static void on_unknown(suggester *s, const dyad_trace_event *ev)
{
    char *name = shorten(ev->text ? ev->text : "", ev->text_len);
    suggestion *sg = find_suggestion(s, name);
    if (sg) {
        sg->count++;
        free(name);
        return;
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->items = cli_xrealloc(s->items, s->cap * sizeof *s->items);
    }
    const char *doc = cli_tracing_doc();
    *suggestion_slot(s, name) = s->n + 1;
    sg = &s->items[s->n++];
    *sg = (suggestion){.name = name,
                       .count = 1,
                       .doc = cli_xstrdup(doc ? doc : ""),
                       .sentence = ev->sentence};
    bool here = s->sentence_text && ev->sentence == s->sentence && s->doc &&
                strcmp(s->doc, sg->doc) == 0;
    if (here)
        sg->example = cli_xstrdup(s->sentence_text);
}

/* A sentence event may come before or after the events of its sentence:
 * fill the examples still waiting for it. */
static void on_sentence(suggester *s, const dyad_trace_event *ev)
{
    const char *doc = cli_tracing_doc();
    free(s->sentence_text);
    free(s->doc);
    s->sentence_text = shorten(ev->text ? ev->text : "", ev->text_len);
    s->doc = cli_xstrdup(doc ? doc : "");
    s->sentence = ev->sentence;
    for (size_t i = s->n; i-- > 0;) {
        suggestion *sg = &s->items[i];
        /* names wait only for the sentence they came in */
        if (sg->example || sg->sentence < ev->sentence ||
            strcmp(sg->doc, s->doc) != 0)
            break;
        if (sg->sentence == ev->sentence)
            sg->example = cli_xstrdup(s->sentence_text);
    }
}

static void suggest_trace(const dyad_trace_event *ev, void *user)
{
    if (ev->kind == DYAD_TRACE_UNKNOWN)
        on_unknown(user, ev);
    else if (ev->kind == DYAD_TRACE_SENTENCE)
        on_sentence(user, ev);
}

static int cmp_suggestion(const void *a, const void *b)
{
    const suggestion *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

static void suggester_free(suggester *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->items[i].name);
        free(s->items[i].doc);
        free(s->items[i].example);
    }
    free(s->items);
    free(s->slots);
    free(s->doc);
    free(s->sentence_text);
}

static int print_suggestions_json(const suggester *s)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < s->n; i++) {
        const suggestion *sg = &s->items[i];
        json_t *o = json_object();
        json_object_set_new(o, "name", json_string(sg->name));
        json_object_set_new(o, "count", json_integer(sg->count));
        json_object_set_new(o, "doc", json_string(sg->doc));
        json_object_set_new(o, "example",
                            json_string(sg->example ? sg->example : ""));
        json_array_append_new(arr, o);
    }
    int rc = json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(arr);
    fputc('\n', stdout);
    return rc == 0 ? CLI_OK : CLI_BAD_INPUT;
}

/* The id an actor made of a suggested name gets: its letters and digits in
 * lower case, '-' between words ("Media Line" -> "media-line"); other
 * bytes (UTF-8 letters) are kept. */
static void suggested_id(const char *name, char *id, size_t size)
{
    size_t n = 0;
    bool dash = true;
    for (const unsigned char *p = (const unsigned char *)name; *p && n + 2 < size; p++) {
        bool keep = *p >= 0x80 || isalnum(*p);
        if (keep)
            id[n++] = (char)(*p >= 0x80 ? *p : tolower(*p));
        else if (!dash)
            id[n++] = '-';
        dash = !keep;
    }
    while (n > 0 && id[n - 1] == '-')
        n--;
    id[n] = '\0';
}

/* --suggest --format actors: the names as entries of an actor dictionary,
 * {"actors": [...]}, to paste into a copy of data/actors.json (or load as
 * it is with --actors).  The kind is a guess to correct: "organisation";
 * a name whose id an earlier one took is left out (it would clash). */
static int print_suggestions_actors(const suggester *s)
{
    json_t *arr = json_array(), *ids = json_object();
    for (size_t i = 0; i < s->n; i++) {
        char id[256];
        suggested_id(s->items[i].name, id, sizeof id);
        if (!*id || json_object_get(ids, id))
            continue;
        json_object_set_new(ids, id, json_true());
        json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:[s]}", "id", id, "label",
                                             s->items[i].name, "kind", "organisation",
                                             "names", s->items[i].name));
    }
    json_t *root = json_pack("{s:o}", "actors", arr);
    int rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    json_decref(ids);
    fputc('\n', stdout);
    return rc == 0 ? CLI_OK : CLI_BAD_INPUT;
}

static void print_suggestions_text(const suggester *s)
{
    int width = 4;
    for (size_t i = 0; i < s->n; i++) {
        int len = (int)strlen(s->items[i].name);
        width = len > width ? (len > 40 ? 40 : len) : width;
    }
    printf("%5s  %-*s  %s\n", "count", width, "name", "example");
    /* names, documents and sentences come from the articles: their
     * control characters are shown, not sent to the terminal */
    char name[512], doc[1024], example[1024];
    for (size_t i = 0; i < s->n; i++) {
        const suggestion *sg = &s->items[i];
        printf("%5ld  %-*s  %s: %s\n", sg->count, width,
               cli_printable(sg->name, name, sizeof name),
               cli_printable(sg->doc, doc, sizeof doc),
               cli_printable(sg->example ? sg->example : "", example,
                             sizeof example));
    }
}

static int print_suggestions(suggester *s, const char *format)
{
    bool json = format && !strcmp(format, "json");
    if (s->n > 1)
        qsort(s->items, s->n, sizeof *s->items, cmp_suggestion);
    if (!s->n)
        cli_warn("no unknown actor-like names found");
    if (json)
        return print_suggestions_json(s);
    if (format && !strcmp(format, "actors"))
        return print_suggestions_actors(s);
    if (s->n)
        print_suggestions_text(s);
    return CLI_OK;
}

/* ---- options ---- */

typedef struct extract_args {
    const char *output;
    const char *format;
    const char *formats; /* --formats LIST */
    const char *actors, *verbs;
    long jobs, max_evidence, min_weight;
    const char *engine, *title;
    const char *date; /* --date: for documents without their own */
    int progress; /* -1: when stderr is a terminal */
    bool keep_going, suggest, open_actors;
    size_t max_document_bytes;
    unsigned shard_k, shard_n;
    cli_format fmt;
    cli_format fmts[CLI_N_FORMATS]; /* what -o writes */
    size_t n_fmts;
} extract_args;

enum {
    OPT_FORMAT = 256,
    OPT_ACTORS,
    OPT_VERBS,
    OPT_MAX_EVIDENCE,
    OPT_ENGINE,
    OPT_TITLE,
    OPT_MIN_WEIGHT,
    OPT_PROGRESS,
    OPT_NO_PROGRESS,
    OPT_SUGGEST,
    OPT_FORMATS,
    OPT_DATE,
    OPT_OPEN_ACTORS,
    OPT_MAX_DOCUMENT_BYTES,
    OPT_SHARD,
};

static const struct option long_opts[] = {
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"formats", required_argument, NULL, OPT_FORMATS},
    {"actors", required_argument, NULL, OPT_ACTORS},
    {"verbs", required_argument, NULL, OPT_VERBS},
    {"jobs", required_argument, NULL, 'j'},
    {"max-evidence", required_argument, NULL, OPT_MAX_EVIDENCE},
    {"engine", required_argument, NULL, OPT_ENGINE},
    {"title", required_argument, NULL, OPT_TITLE},
    {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"keep-going", no_argument, NULL, 'k'},
    {"suggest", no_argument, NULL, OPT_SUGGEST},
    {"date", required_argument, NULL, OPT_DATE},
    {"open-actors", no_argument, NULL, OPT_OPEN_ACTORS},
    {"max-document-bytes", required_argument, NULL, OPT_MAX_DOCUMENT_BYTES},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static const char *option_name(int val)
{
    for (const struct option *o = long_opts; o->name; o++)
        if (o->val == val)
            return o->name;
    return "?";
}

static int parse_number(const char *cmd, int val, const char *arg, long min,
                        long *out)
{
    if (cli_parse_count(arg, min, 1000000000L, out))
        return CLI_OK;
    return cli_usage_error(cmd, "--%s wants a whole number >= %ld, not '%s'",
                           option_name(val), min, arg);
}

/* --max-document-bytes: a whole number with an optional K, M or G (powers
 * of 1024), at most 1 TiB. */
static int parse_size(const char *arg, size_t *out)
{
    size_t n = strlen(arg);
    int shift = 0;
    char num[32];
    if (n > 0 && strchr("kKmMgG", arg[n - 1])) {
        char u = (char)(arg[n - 1] | 0x20);
        shift = u == 'k' ? 10 : u == 'm' ? 20 : 30;
        n--;
    }
    long v = 0;
    if (n == 0 || n >= sizeof num)
        v = -1;
    else {
        memcpy(num, arg, n);
        num[n] = '\0';
        if (!cli_parse_count(num, 0, 1L << (40 - shift), &v))
            v = -1;
    }
    if (v < 0)
        return cli_usage_error("extract",
                               "--max-document-bytes wants a size such as "
                               "64M, 1G or 0 (no limit), not '%s'",
                               arg);
    *out = v == 0 ? SIZE_MAX : (size_t)v << shift; /* 0: no limit */
    return CLI_OK;
}

/* --shard K/N: 1 <= K <= N <= 100000. */
static int parse_shard(const char *arg, extract_args *a)
{
    const char *slash = strchr(arg, '/');
    char k[16];
    long kv = 0, nv = 0;
    size_t kn = slash ? (size_t)(slash - arg) : 0;
    bool ok = slash && kn > 0 && kn < sizeof k;
    if (ok) {
        memcpy(k, arg, kn);
        k[kn] = '\0';
        ok = cli_parse_count(k, 1, 100000, &kv) &&
             cli_parse_count(slash + 1, 1, 100000, &nv) && kv <= nv;
    }
    if (!ok)
        return cli_usage_error("extract",
                               "--shard wants K/N with 1 <= K <= N (such as "
                               "2/8), not '%s'",
                               arg);
    a->shard_k = (unsigned)kv;
    a->shard_n = (unsigned)nv;
    return CLI_OK;
}

static int parse_option(int c, const char *arg, extract_args *a)
{
    switch (c) {
    case 'o': a->output = arg; return CLI_OK;
    case OPT_FORMAT: a->format = arg; return CLI_OK;
    case OPT_FORMATS: a->formats = arg; return CLI_OK;
    case OPT_ACTORS: a->actors = arg; return CLI_OK;
    case OPT_VERBS: a->verbs = arg; return CLI_OK;
    case 'j': return parse_number("extract", c, arg, 0, &a->jobs);
    case OPT_MAX_EVIDENCE:
        return parse_number("extract", c, arg, 0, &a->max_evidence);
    case OPT_MIN_WEIGHT:
        return parse_number("extract", c, arg, 0, &a->min_weight);
    case OPT_ENGINE: a->engine = arg; return CLI_OK;
    case OPT_TITLE:
        if (!cli_utf8_ok(arg))
            return cli_usage_error("extract", "--title wants UTF-8 text");
        a->title = arg;
        return CLI_OK;
    case OPT_PROGRESS: a->progress = 1; return CLI_OK;
    case OPT_NO_PROGRESS: a->progress = 0; return CLI_OK;
    case 'k': a->keep_going = true; return CLI_OK;
    case OPT_SUGGEST: a->suggest = true; return CLI_OK;
    case OPT_DATE: return cli_parse_date("extract", arg, &a->date);
    case OPT_OPEN_ACTORS: a->open_actors = true; return CLI_OK;
    case OPT_MAX_DOCUMENT_BYTES:
        return parse_size(arg, &a->max_document_bytes);
    case OPT_SHARD: return parse_shard(arg, a);
    default: return CLI_BAD_USAGE;
    }
}

static bool known_engine(const char *name)
{
    for (size_t i = 0; i < sizeof engines / sizeof engines[0]; i++)
        if (strcmp(engines[i], name) == 0)
            return true;
    return false;
}

static int parse_formats(extract_args *a)
{
    char bad[64];
    a->n_fmts = 3;
    memcpy(a->fmts, (cli_format[]){CLI_FMT_JSON, CLI_FMT_DOT, CLI_FMT_SVG},
           3 * sizeof *a->fmts);
    if (a->format && !a->suggest && a->fmt == CLI_FMT_CSV) {
        a->fmts[0] = CLI_FMT_CSV;
        a->n_fmts = 1;
    }
    if (a->formats &&
        !cli_parse_formats(a->formats, a->fmts, &a->n_fmts, bad, sizeof bad))
        return cli_usage_error("extract",
                               "--formats: unknown format '%s' (json, dot, "
                               "svg, graphml, gexf, csv, html)",
                               bad);
    return CLI_OK;
}

/* --format: json, dot, svg, graphml, gexf, csv, html; with --suggest, the
 * table's text or json. */
static int check_format(extract_args *a)
{
    a->fmt = CLI_FMT_JSON;
    bool text_table = a->suggest && (!a->format || !strcmp(a->format, "text") ||
                                     !strcmp(a->format, "actors"));
    if (a->format && !text_table &&
        (!cli_parse_format(a->format, &a->fmt) ||
         (a->suggest && a->fmt != CLI_FMT_JSON)))
        return cli_usage_error(
            "extract", "unknown format '%s' (%s)", a->format,
            a->suggest ? "text, json, actors"
                       : "json, dot, svg, graphml, gexf, csv, html");
    return CLI_OK;
}

/* -o, --format and --formats against each other. */
static int check_outputs(extract_args *a)
{
    bool csv = a->format && !a->suggest && a->fmt == CLI_FMT_CSV;
    if (a->output && a->format && !a->suggest && !csv)
        return cli_usage_error("extract",
                               "-o writes the --formats list (default "
                               "json,dot,svg); --format is for stdout: use "
                               "one or the other");
    if (csv && !a->output)
        return cli_usage_error("extract", "--format csv writes three files: "
                                          "give -o PREFIX");
    if (a->formats && !a->output)
        return cli_usage_error("extract", "--formats is for -o PREFIX; "
                                          "--format writes one to stdout");
    if (a->formats && csv)
        return cli_usage_error("extract", "--format csv or --formats: use "
                                          "one or the other");
    return parse_formats(a);
}

/* Checks the options against each other, once all are read. */
static int check_args(extract_args *a, int n_paths)
{
    if (a->jobs > 4096)
        return cli_usage_error("extract", "--jobs %ld is too many", a->jobs);
    int rc = check_format(a);
    if (rc == CLI_OK)
        rc = check_outputs(a);
    if (rc != CLI_OK)
        return rc;
    if (a->output && (!*a->output || a->output[strlen(a->output) - 1] == '/'))
        return cli_usage_error("extract",
                               "-o wants a file name prefix such as "
                               "graphs/seeds, not '%s'",
                               a->output);
    if (a->engine && !known_engine(a->engine))
        return cli_usage_error("extract", "unknown layout engine '%s'",
                               a->engine);
    if (n_paths == 0)
        return cli_usage_error("extract",
                               "no input: give files, directories or '-'");
    return CLI_OK;
}

static int parse_args(int argc, char **argv, extract_args *a, int *first)
{
    *a = (extract_args){.progress = -1,
                        .max_document_bytes = CLI_MAX_DOCUMENT_BYTES};
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:j:kh", long_opts, NULL)) != -1) {
        if (c == 'h') {
            print_help();
            return -1;
        }
        if (c == '?' || c == ':')
            return cli_getopt_error("extract", c, argv, long_opts);
        int rc = parse_option(c, optarg, a);
        if (rc != CLI_OK)
            return rc;
    }
    *first = optind;
    return check_args(a, argc - optind);
}

/* Fails early, before a long extraction, when -o cannot be written. */
static int check_output_dir(const char *prefix)
{
    dyad_error err = {0};
    dyad_status st = cli_out_check(prefix, &err);
    return st == DYAD_OK ? CLI_OK : cli_report(st, &err);
}

/* The file name endings of each format, as the summary lists them. */
static const char *const format_ends[CLI_N_FORMATS] = {
    [CLI_FMT_JSON] = "json",
    [CLI_FMT_DOT] = "dot",
    [CLI_FMT_SVG] = "svg",
    [CLI_FMT_GRAPHML] = "graphml",
    [CLI_FMT_GEXF] = "gexf",
    [CLI_FMT_HTML] = "html",
    [CLI_FMT_CSV] = "nodes.csv,edges.csv,evidence.csv",
};

static const char *plural(long n) { return n == 1 ? "" : "s"; }

/* After -o, on a terminal only: "5 documents, 149 sentences, 11 actors,
 * 14 edges -> graphs/seeds.{json,dot,svg}". */
static void print_summary(const dyad_graph *g, const extract_args *a)
{
    if (!isatty(STDERR_FILENO))
        return;
    long docs = dyad_graph_documents(g), sents = dyad_graph_sentences(g);
    long nodes = (long)dyad_graph_n_nodes(g);
    long edges = (long)dyad_graph_n_edges(g);
    bool braces = a->n_fmts > 1 || a->fmts[0] == CLI_FMT_CSV;
    fprintf(stderr,
            "dyad: %ld document%s, %ld sentence%s, %ld actor%s, %ld edge%s "
            "-> %s.%s",
            docs, plural(docs), sents, plural(sents), nodes, plural(nodes),
            edges, plural(edges), a->output, braces ? "{" : "");
    for (size_t i = 0; i < a->n_fmts; i++)
        fprintf(stderr, "%s%s", i ? "," : "", format_ends[a->fmts[i]]);
    fprintf(stderr, "%s\n", braces ? "}" : "");
}

static int extract(const extract_args *a, const char *const *paths,
                   int n_paths)
{
    dyad_dict *dict = NULL;
    dyad_graph *g = NULL;
    dyad_docs *docs = dyad_docs_new();
    suggester sugg = {0};
    dyad_error err = {0};
    int rc = a->output ? check_output_dir(a->output) : CLI_OK;
    if (rc != CLI_OK)
        goto out;
    dyad_status st = dyad_dict_new(&dict, a->actors, a->verbs, &err);
    if (st != DYAD_OK) {
        rc = cli_report(st, &err);
        goto out;
    }
    cli_extract_opts opts = {
        .dict = dict,
        .jobs = (int)a->jobs,
        .progress = a->progress < 0 ? isatty(STDERR_FILENO) : a->progress,
        .keep_going = a->keep_going,
        .evidence_cap = (size_t)a->max_evidence,
        .docs = docs,
        .max_document_bytes = a->max_document_bytes,
        .shard_k = a->shard_k,
        .shard_n = a->shard_n,
    };
    if (a->suggest)
        opts.extract = (dyad_extract_opts){.trace = suggest_trace, .trace_user = &sugg};
    opts.extract.date = a->date;
    opts.extract.open_actors = a->open_actors;
    rc = cli_extract_paths(paths, n_paths, &opts, &g);
    if (rc != CLI_OK)
        goto out;
    dyad_graph_date_documents(g, docs); /* graph.corpus carries them */
    dyad_docs_free(docs);
    /* the exporters date evidence: the dates of its documents only */
    docs = dyad_graph_evidence_dates(g);
    dyad_draw_opts draw = {a->engine, a->title, (int)a->min_weight};
    dyad_export_opts exp = {dict, docs};
    cli_write_opts w = {&draw, &exp, (int)a->jobs};
    if (!a->suggest || a->output)
        rc = cli_write_outputs(g, a->output, a->output ? a->fmts : &a->fmt,
                               a->output ? a->n_fmts : 1, &w);
    if (rc == CLI_OK && a->output)
        print_summary(g, a);
    if (rc == CLI_OK && a->suggest)
        rc =
            print_suggestions(&sugg, a->format);
out:
    suggester_free(&sugg);
    cli_free_at_exit(g);
    dyad_docs_free(docs);
    dyad_dict_free(dict);
    return rc;
}

int cmd_extract(int argc, char **argv)
{
    extract_args a;
    int first = argc;
    int rc = parse_args(argc, argv, &a, &first);
    if (rc < 0)
        return CLI_OK; /* --help */
    if (rc != CLI_OK)
        return rc;
    return extract(&a, (const char *const *)argv + first, argc - first);
}
