/* dyad explain: how extraction reads one text, sentence by sentence: the
 * actors it resolved, the verbs it found, the triples it kept and the
 * candidates it dropped.  For debugging a dictionary edit or a rule. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static void print_help(void)
{
    printf(
        "Usage: dyad explain [OPTIONS] [FILE | TEXT... | -f FILE | -]\n\n"
        "Runs extraction on one text and shows, for every sentence, what it "
        "saw:\n"
        "  actor    a mention resolved to an actor, and how (name, alias, "
        "pronoun...)\n"
        "  verb     a relation verb or noun, its lemma, CAMEO root and code\n"
        "  triple   an act kept: source -> target, the verb and the rule "
        "that made it\n"
        "  drop     a candidate act dropped, and why\n"
        "  unknown  a capitalised name where an actor would be, in no "
        "dictionary\n"
        "then a summary of the edges the text gives.\n\n"
        "Input: FILE, one argument that names an existing file (explained "
        "as with\n"
        "-f FILE); TEXT words (joined by spaces, a document named "
        "\"text\"); -f FILE;\n"
        "or - (stdin, also the default when stdin is not a terminal).  A "
        "single word\n"
        "that is also a file name reads the file (with a warning when it has "
        "no '/' or\n"
        "'.'); --text reads it as a word.  Put -- before a text that starts "
        "with '-'.\n\n"
        "Options:\n"
        "  -f, --file FILE    explain a file\n"
        "      --text         the arguments are text, even one that names a "
        "file\n"
        "      --rules        list the extraction rules (name, kind, guide "
        "section,\n"
        "                     what it does): the names triples and drops "
        "carry\n"
        "      --actors FILE  actor dictionary (default: the built-in one)\n"
        "      --verbs FILE   verb dictionary (default: the built-in one)\n"
        "      --date DATE    the text's date, YYYY-MM-DD, when it has no "
        "\"date ...\" first\n"
        "                     line: it picks the dictionary roles of persons\n"
        "      --open-actors  names in no dictionary, as subject or object, are "
        "actors\n"
        "                     (as extract --open-actors)\n"
        "      --format F     text (default) or json (an array of "
        "sentences with\n"
        "                     their events)\n"
        "  -h, --help         this help\n\n"
        "Debugging a dictionary edit:\n"
        "  1. find a sentence that gives a wrong or missing edge (the "
        "evidence in the\n"
        "     graph's JSON names the document and sentence);\n"
        "  2. dyad explain \"She urged Kabul to honour its commitments.\"\n"
        "     an 'unknown' line means the name is in no dictionary; a 'drop' "
        "line says\n"
        "     which rule refused the act;\n"
        "  3. edit a copy of the dictionary and compare:\n"
        "     dyad explain --actors my-actors.json \"...\"\n"
        "  4. when the sentence reads right, re-run dyad extract with the "
        "same --actors.\n\n"
        "Example:\n"
        "  $ dyad explain \"The Economic Cooperation Organization urged "
        "Pakistan to\n"
        "    reopen the border.\"\n"
        "  [1] 0-74 The Economic Cooperation Organization urged Pakistan to "
        "reopen ...\n"
        "    actor   Pakistan  44-52  -> Pakistan (name)\n"
        "    verb    urged  38-43  urge 02 (020)\n"
        "    unknown Economic Cooperation Organization  4-37  (unknown name)\n"
        "    drop    ? -> Pakistan  02 urge  (no-agent: no actor as agent)\n"
        "    verb    reopen  56-62  reopen 08 (080)\n"
        "    drop    Pakistan -> ?  08 reopen  (requested-act: requested act "
        "(not\n"
        "            annotated))\n\n"
        "  1 sentence, 0 triples on 0 edges\n"
        "(the ECO is in no dictionary: add it to an actors file and the\n"
        "first drop becomes a triple; the names in brackets are the rules,\n"
        "listed by dyad explain --rules.)\n\n"
        "Exit status: 0 success, 1 bad input (unreadable file, invalid "
        "UTF-8, bad\n"
        "dictionary), 2 bad usage.\n");
}

/* ---- the events, grouped by sentence ---- */

typedef struct event {
    dyad_trace_kind kind;
    size_t start, end;
    char *text, *actor, *target, *verb, *cameo, *code, *how, *rule;
} event;

typedef struct sentence {
    long number;
    bool seen; /* its SENTENCE event came */
    size_t start, end;
    char *text;
    event *events;
    size_t n, cap;
} sentence;

typedef struct trace_log {
    sentence *items; /* indexed by number - 1 */
    size_t n, cap;
} trace_log;

static char *dup_or_null(const char *s) { return s ? cli_xstrdup(s) : NULL; }

static sentence *sentence_at(trace_log *log, long number)
{
    size_t i = number > 0 ? (size_t)number - 1 : 0;
    if (i >= log->cap) {
        /* doubling: one realloc a sentence made a long text quadratic */
        size_t cap = log->cap ? log->cap : 64;
        while (cap <= i)
            cap *= 2;
        log->items = cli_xrealloc(log->items, cap * sizeof *log->items);
        log->cap = cap;
    }
    if (i >= log->n) {
        memset(log->items + log->n, 0, (i + 1 - log->n) * sizeof *log->items);
        log->n = i + 1;
    }
    log->items[i].number = (long)i + 1;
    return &log->items[i];
}

static void on_event(const dyad_trace_event *ev, void *user)
{
    sentence *s = sentence_at(user, ev->sentence);
    char *text = cli_xstrndup(ev->text ? ev->text : "", ev->text_len);
    if (ev->kind == DYAD_TRACE_SENTENCE) {
        free(s->text);
        s->text = text;
        s->seen = true;
        s->start = ev->start;
        s->end = ev->end;
        return;
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 8;
        s->events = cli_xrealloc(s->events, s->cap * sizeof *s->events);
    }
    s->events[s->n++] = (event){ev->kind,
                                ev->start,
                                ev->end,
                                text,
                                dup_or_null(ev->actor),
                                dup_or_null(ev->target),
                                dup_or_null(ev->verb),
                                dup_or_null(ev->cameo),
                                dup_or_null(ev->code),
                                dup_or_null(ev->how),
                                dup_or_null(ev->rule)};
}

static void log_free(trace_log *log)
{
    for (size_t i = 0; i < log->n; i++) {
        sentence *s = &log->items[i];
        for (size_t j = 0; j < s->n; j++) {
            event *e = &s->events[j];
            char *strs[] = {e->text, e->actor, e->target, e->verb,
                            e->cameo, e->code, e->how, e->rule};
            for (size_t k = 0; k < sizeof strs / sizeof strs[0]; k++)
                free(strs[k]);
        }
        free(s->events);
        free(s->text);
    }
    free(log->items);
}

/* ---- text output ---- */

static const char *const kind_names[] = {"sentence", "actor", "verb",
                                         "triple",   "drop",  "unknown"};

static const char *kind_name(dyad_trace_kind k)
{
    return (size_t)k < sizeof kind_names / sizeof kind_names[0]
               ? kind_names[k]
               : "event";
}

/* Names and text from the articles and dictionaries reach the terminal
 * through these: control characters escaped (cli_term_safe). */
static void put(const char *s) { cli_put_safe(stdout, s ? s : "?"); }

/* Sentences are printed on one line: newlines and tabs become spaces. */
static void print_flat(const char *s)
{
    char *flat = cli_xstrdup(s);
    for (char *p = flat; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    put(flat);
    free(flat);
}

static void print_event(const event *e)
{
    printf("  %-7s ", kind_name(e->kind));
    switch (e->kind) {
    case DYAD_TRACE_ACTOR:
        print_flat(e->text);
        printf("  %zu-%zu  -> ", e->start, e->end);
        put(e->actor);
        if (e->how) {
            fputs(" (", stdout);
            put(e->how);
            putchar(')');
        }
        break;
    case DYAD_TRACE_VERB:
        print_flat(e->text);
        printf("  %zu-%zu  ", e->start, e->end);
        put(e->verb);
        putchar(' ');
        put(e->cameo);
        if (e->code) {
            fputs(" (", stdout);
            put(e->code);
            putchar(')');
        }
        break;
    case DYAD_TRACE_TRIPLE:
    case DYAD_TRACE_DROP:
        put(e->actor);
        fputs(" -> ", stdout);
        put(e->target);
        fputs("  ", stdout);
        put(e->cameo);
        putchar(' ');
        put(e->verb);
        fputs(e->kind == DYAD_TRACE_TRIPLE ? "  [rule: " : "  (", stdout);
        put(e->rule);
        if (e->kind == DYAD_TRACE_DROP) {
            fputs(": ", stdout);
            put(e->how);
        }
        putchar(e->kind == DYAD_TRACE_TRIPLE ? ']' : ')');
        break;
    default:
        print_flat(e->text);
        printf("  %zu-%zu", e->start, e->end);
        if (e->how) {
            fputs("  (", stdout);
            put(e->how);
            putchar(')');
        }
        break;
    }
    putchar('\n');
}

static void print_summary(const dyad_graph *g, size_t n_sentences)
{
    size_t n_edges = dyad_graph_n_edges(g);
    const dyad_edge *edges = dyad_graph_edges(g);
    const dyad_node *nodes = dyad_graph_nodes(g);
    long acts = 0;
    for (size_t i = 0; i < n_edges; i++)
        acts += edges[i].acts;
    printf("%zu sentence%s, %ld triple%s on %zu edge%s%s\n", n_sentences,
           n_sentences == 1 ? "" : "s", acts, acts == 1 ? "" : "s", n_edges,
           n_edges == 1 ? "" : "s", n_edges ? ":" : "");
    for (size_t i = 0; i < n_edges; i++) {
        const dyad_edge *e = &edges[i];
        fputs("  ", stdout);
        put(nodes[e->source].label);
        fputs(" -> ", stdout);
        put(nodes[e->target].label);
        printf("  weight %ld  ", e->weight);
        for (size_t j = 0; j < e->n_relations; j++) {
            printf("%s%s ", j ? ", " : "", e->relations[j].cameo);
            put(e->relations[j].verb);
            printf(" x%ld", e->relations[j].count);
        }
        putchar('\n');
    }
}

static void print_text(const trace_log *log, const dyad_graph *g)
{
    size_t n_sentences = 0;
    for (size_t i = 0; i < log->n; i++) {
        const sentence *s = &log->items[i];
        if (!s->seen && !s->n)
            continue;
        n_sentences += s->seen;
        printf("[%ld] %zu-%zu ", s->number, s->start, s->end);
        print_flat(s->text ? s->text : "");
        putchar('\n');
        for (size_t j = 0; j < s->n; j++)
            print_event(&s->events[j]);
    }
    if (n_sentences)
        putchar('\n');
    print_summary(g, n_sentences);
}

/* ---- JSON output ---- */

static void set_str(json_t *o, const char *key, const char *value)
{
    if (value)
        json_object_set_new(o, key, json_string(value));
}

static json_t *event_json(const event *e)
{
    json_t *o = json_object();
    set_str(o, "kind", kind_name(e->kind));
    if (e->text[0])
        set_str(o, "text", e->text);
    json_object_set_new(o, "start", json_integer((json_int_t)e->start));
    json_object_set_new(o, "end", json_integer((json_int_t)e->end));
    set_str(o, e->kind == DYAD_TRACE_ACTOR ? "actor" : "source", e->actor);
    set_str(o, "target", e->target);
    set_str(o, "verb", e->verb);
    set_str(o, "cameo", e->cameo);
    set_str(o, "code", e->code);
    bool ruled = e->kind == DYAD_TRACE_TRIPLE || e->kind == DYAD_TRACE_DROP;
    set_str(o, "rule", e->rule);
    set_str(o, e->kind == DYAD_TRACE_DROP ? "reason" : ruled ? "what" : "how", e->how);
    return o;
}

static int print_json(const trace_log *log)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < log->n; i++) {
        const sentence *s = &log->items[i];
        if (!s->seen && !s->n)
            continue;
        json_t *o = json_object();
        json_object_set_new(o, "sentence", json_integer(s->number));
        json_object_set_new(o, "start", json_integer((json_int_t)s->start));
        json_object_set_new(o, "end", json_integer((json_int_t)s->end));
        set_str(o, "text", s->text ? s->text : "");
        json_t *events = json_array();
        for (size_t j = 0; j < s->n; j++)
            json_array_append_new(events, event_json(&s->events[j]));
        json_object_set_new(o, "events", events);
        json_array_append_new(arr, o);
    }
    int rc = json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
    json_decref(arr);
    return rc == 0 ? CLI_OK : CLI_BAD_INPUT;
}

/* ---- the rule registry ---- */

static const char *const rule_kinds[] = {"keep", "drop", "via"};

static int print_rules(bool json)
{
    size_t n;
    const dyad_rule *r = dyad_rules(&n);
    if (!json) {
        for (size_t i = 0; i < n; i++)
            printf("%-28s %-4s  guide %-6s %s\n", r[i].name, rule_kinds[r[i].kind],
                   r[i].guide, r[i].what);
        return CLI_OK;
    }
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s}", "name", r[i].name,
                                             "kind", rule_kinds[r[i].kind], "guide",
                                             r[i].guide, "what", r[i].what));
    int rc = json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
    json_decref(arr);
    return rc == 0 ? CLI_OK : CLI_BAD_INPUT;
}

/* ---- options ---- */

typedef struct explain_args {
    const char *actors, *verbs, *file;
    const char *date; /* --date */
    bool json, rules, text, open_actors;
} explain_args;

enum { OPT_ACTORS = 256, OPT_VERBS, OPT_FORMAT, OPT_RULES, OPT_TEXT, OPT_DATE, OPT_OPEN_ACTORS };

static const struct option long_opts[] = {
    {"actors", required_argument, NULL, OPT_ACTORS},
    {"verbs", required_argument, NULL, OPT_VERBS},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"file", required_argument, NULL, 'f'},
    {"rules", no_argument, NULL, OPT_RULES},
    {"text", no_argument, NULL, OPT_TEXT},
    {"date", required_argument, NULL, OPT_DATE},
    {"open-actors", no_argument, NULL, OPT_OPEN_ACTORS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static int parse_option(int c, const char *arg, explain_args *a)
{
    switch (c) {
    case OPT_ACTORS: a->actors = arg; return CLI_OK;
    case OPT_VERBS: a->verbs = arg; return CLI_OK;
    case 'f': a->file = arg; return CLI_OK;
    case OPT_RULES: a->rules = true; return CLI_OK;
    case OPT_TEXT: a->text = true; return CLI_OK;
    case OPT_DATE: return cli_parse_date("explain", arg, &a->date);
    case OPT_OPEN_ACTORS: a->open_actors = true; return CLI_OK;
    case OPT_FORMAT:
        if (strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0)
            return cli_usage_error("explain",
                                   "unknown format '%s' (text, json)", arg);
        a->json = strcmp(arg, "json") == 0;
        return CLI_OK;
    default: return CLI_BAD_USAGE;
    }
}

static bool is_path(const char *s, struct stat *st)
{
    return strcmp(s, "-") != 0 && stat(s, st) == 0;
}

/* One argument that names an existing path is that file (a directory is
 * refused); several that all do are refused, since explain reads one
 * text.  A file named like a word ("Pakistan": no '/', no '.') is read
 * with a warning, which says how to have the word instead. */
static int path_argument(explain_args *a, int n, char **words)
{
    struct stat st;
    if (n == 1 && is_path(words[0], &st)) {
        if (S_ISDIR(st.st_mode))
            return cli_usage_error("explain",
                                   "%s is a directory: explain reads one "
                                   "text (dyad extract reads directories)",
                                   words[0]);
        if (!strpbrk(words[0], "/."))
            cli_warn("explaining the file '%s' (--text explains the word)",
                     words[0]);
        a->file = words[0];
        return CLI_OK;
    }
    int files = 0;
    for (int i = 0; i < n; i++)
        files += is_path(words[i], &st);
    if (n > 1 && files == n)
        return cli_usage_error("explain",
                               "explain reads one file (dyad extract reads "
                               "several)");
    return CLI_OK;
}

/* Returns -1 after --help. */
static int parse_args(int argc, char **argv, explain_args *a, int *first)
{
    *a = (explain_args){0};
    optind = 0;
    opterr = 0;
    int c;
    /* Options may follow the text; "--" ends them (for a text that starts
     * with '-'). */
    while ((c = getopt_long(argc, argv, ":f:h", long_opts, NULL)) != -1) {
        if (c == 'h') {
            print_help();
            return -1;
        }
        if (c == '?' || c == ':')
            return cli_getopt_error("explain", c, argv, long_opts);
        int rc = parse_option(c, optarg, a);
        if (rc != CLI_OK)
            return rc;
    }
    *first = optind;
    if (a->rules && (a->file || optind < argc))
        return cli_usage_error("explain", "--rules takes no text");
    if (a->rules)
        return CLI_OK;
    if (a->file && optind < argc)
        return cli_usage_error("explain", "give -f FILE or TEXT, not both");
    if (a->file && a->text)
        return cli_usage_error("explain", "give -f FILE or --text, not both");
    if (!a->text) {
        int rc = path_argument(a, argc - optind, argv + optind);
        if (rc != CLI_OK)
            return rc;
        if (a->file)
            *first = argc;
    }
    if (!a->file && optind == argc && isatty(STDIN_FILENO))
        return cli_usage_error("explain",
                               "no text: give TEXT, -f FILE or - (stdin)");
    return CLI_OK;
}

/* The document: TEXT words joined by spaces, a file, or stdin. */
static dyad_status read_input(const explain_args *a, int n, char **words,
                              char **text, size_t *len, const char **name,
                              dyad_error *err)
{
    if (a->file) {
        *name = cli_base_name(a->file);
        return cli_read_file(a->file, text, len, err);
    }
    if (n == 0 || (n == 1 && strcmp(words[0], "-") == 0)) {
        *name = "stdin";
        return cli_read_file("-", text, len, err);
    }
    size_t total = 1;
    for (int i = 0; i < n; i++)
        total += strlen(words[i]) + 1;
    char *buf = cli_xmalloc(total), *p = buf;
    for (int i = 0; i < n; i++) {
        size_t m = strlen(words[i]);
        memcpy(p, words[i], m);
        p += m;
        if (i + 1 < n)
            *p++ = ' ';
    }
    *p = '\0';
    *name = "text";
    *text = buf;
    *len = (size_t)(p - buf);
    return DYAD_OK;
}

static int explain(const explain_args *a, int n, char **words)
{
    dyad_dict *dict = NULL;
    dyad_graph *g = NULL;
    char *text = NULL;
    size_t len = 0;
    const char *name = "text";
    trace_log log = {0};
    dyad_error err = {0};
    int rc = CLI_OK;
    dyad_status st = dyad_dict_new(&dict, a->actors, a->verbs, &err);
    if (st == DYAD_OK)
        st = read_input(a, n, words, &text, &len, &name, &err);
    if (st != DYAD_OK) {
        rc = cli_report(st, &err);
        goto out;
    }
    g = dyad_graph_new();
    /* a "date 2024-03-18" first line dates the text, as in extract; it is
     * blanked so that the offsets of the sentences stay the file's */
    char date[DYAD_DATE_SIZE] = "";
    size_t date_len = dyad_date_line(text, len, date);
    if (date_len)
        memset(text, ' ', date_len);
    dyad_extract_opts xopts = {.trace = on_event, .trace_user = &log,
                               .date = date_len ? date : a->date,
                               .open_actors = a->open_actors};
    st = dyad_extract(dict, name, text, len, g, &xopts, &err);
    if (st != DYAD_OK) {
        if (a->file) /* name the file, not the document */
            snprintf(err.source, sizeof err.source, "%s", a->file);
        rc = cli_report(st, &err);
        goto out;
    }
    dyad_graph_sort(g);
    if (a->json)
        rc = print_json(&log);
    else
        print_text(&log, g);
out:
    log_free(&log);
    dyad_graph_free(g);
    free(text);
    dyad_dict_free(dict);
    return rc;
}

int cmd_explain(int argc, char **argv)
{
    explain_args a;
    int first = argc;
    int rc = parse_args(argc, argv, &a, &first);
    if (rc < 0)
        return CLI_OK;
    if (rc != CLI_OK)
        return rc;
    if (a.rules)
        return print_rules(a.json);
    return explain(&a, argc - first, argv + first);
}
