/* Reading article sets: files, directories of *.txt, *.jsonl corpora and
 * stdin, extracted by a pool of worker threads.
 *
 * The sources are listed first (a directory becomes its sorted *.txt
 * files; a file stays one entry; a .jsonl file stays one entry that yields
 * a document a line).  Workers then take the next document from a shared
 * cursor: a file's name only (the worker reads the file itself), or one
 * line of a .jsonl file.  So at most one document per worker is in memory
 * at a time, and memory grows with the graph, not with the corpus.  Each
 * worker extracts into its own graph; at the end they are merged and
 * sorted, which makes the result independent of the number of jobs. */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* ---- reading one file ---- */

static dyad_status read_stream(FILE *fp, const char *name, char **buf,
                               size_t *len, dyad_error *err)
{
    size_t cap = 1 << 16, n = 0;
    char *b = cli_xmalloc(cap);
    for (;;) {
        if (cap - n < 2) {
            cap *= 2;
            b = cli_xrealloc(b, cap);
        }
        size_t got = fread(b + n, 1, cap - n - 1, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        int errnum = errno;
        free(b);
        return dyad_fail(err, DYAD_ERR_IO, name, 0, 0, "cannot read: %s",
                         strerror(errnum ? errnum : EIO));
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return DYAD_OK;
}

dyad_status cli_read_file(const char *path, char **buf, size_t *len,
                          dyad_error *err)
{
    *buf = NULL;
    *len = 0;
    if (strcmp(path, "-") == 0)
        return read_stream(stdin, "stdin", buf, len, err);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return dyad_fail(err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                         strerror(errno));
    errno = 0;
    dyad_status st = read_stream(fp, path, buf, len, err);
    fclose(fp);
    return st;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool cli_is_graph_path(const char *path) { return has_suffix(path, ".json"); }

/* ---- the list of sources ---- */

typedef enum { SRC_FILE, SRC_STDIN, SRC_JSONL } source_kind;

typedef struct source {
    source_kind kind;
    char *path; /* what to open */
    char *name; /* the document name (SRC_FILE, SRC_STDIN) */
} source;

typedef struct source_list {
    source *items;
    size_t n, cap;
} source_list;

static void add_source(source_list *l, source_kind kind, const char *path,
                       const char *name)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->items = cli_xrealloc(l->items, l->cap * sizeof *l->items);
    }
    source *s = &l->items[l->n++];
    s->kind = kind;
    s->path = cli_xstrdup(path);
    s->name = name ? cli_xstrdup(name) : NULL;
}

static void free_sources(source_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].path);
        free(l->items[i].name);
    }
    free(l->items);
}

static char *join_path(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    bool slash = na > 0 && a[na - 1] != '/';
    char *p = cli_xmalloc(na + slash + nb + 1);
    memcpy(p, a, na);
    if (slash)
        p[na] = '/';
    memcpy(p + na + slash, b, nb + 1);
    return p;
}

typedef struct walk {
    char **rel; /* paths relative to the root directory */
    size_t n, cap;
    bool keep_going;
    int rc;
} walk;

static void walk_add(walk *w, const char *rel)
{
    if (w->n == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 64;
        w->rel = cli_xrealloc(w->rel, w->cap * sizeof *w->rel);
    }
    w->rel[w->n++] = cli_xstrdup(rel);
}

static void walk_problem(walk *w, const char *path, int errnum)
{
    if (w->keep_going) {
        cli_warn("%s: cannot read directory: %s (skipped)", path,
                 strerror(errnum));
        return;
    }
    cli_error("%s: cannot read directory: %s", path, strerror(errnum));
    w->rc = CLI_BAD_INPUT;
}

/* Collects the *.txt files below root/rel.  Hidden entries are skipped and
 * symbolic links to directories are not followed, so there are no loops. */
static void walk_dir(walk *w, const char *root, const char *rel)
{
    char *dir = rel[0] ? join_path(root, rel) : cli_xstrdup(root);
    DIR *d = opendir(dir);
    if (!d) {
        walk_problem(w, dir, errno);
        free(dir);
        return;
    }
    struct dirent *e;
    while (w->rc == CLI_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *child_rel =
            rel[0] ? join_path(rel, e->d_name) : cli_xstrdup(e->d_name);
        char *child = join_path(root, child_rel);
        struct stat lst, st;
        if (lstat(child, &lst) == 0) {
            if (S_ISDIR(lst.st_mode))
                walk_dir(w, root, child_rel);
            else if (has_suffix(e->d_name, ".txt") && stat(child, &st) == 0 &&
                     S_ISREG(st.st_mode))
                walk_add(w, child_rel);
        }
        free(child);
        free(child_rel);
    }
    closedir(d);
    free(dir);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_directory(source_list *l, const char *root, bool keep_going)
{
    walk w = {.keep_going = keep_going, .rc = CLI_OK};
    walk_dir(&w, root, "");
    if (w.n > 1)
        qsort(w.rel, w.n, sizeof *w.rel, cmp_str);
    for (size_t i = 0; i < w.n; i++) {
        char *path = join_path(root, w.rel[i]);
        if (w.rc == CLI_OK)
            add_source(l, SRC_FILE, path, w.rel[i]);
        free(path);
        free(w.rel[i]);
    }
    free(w.rel);
    if (w.rc == CLI_OK && w.n == 0) {
        if (!keep_going) {
            cli_error("no *.txt files under %s", root);
            return CLI_BAD_INPUT;
        }
        cli_warn("no *.txt files under %s", root);
    }
    return w.rc;
}

static int add_path(source_list *l, const char *path, bool keep_going)
{
    if (strcmp(path, "-") == 0) {
        add_source(l, SRC_STDIN, "-", "stdin");
        return CLI_OK;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        if (keep_going) {
            cli_warn("%s: cannot open: %s (skipped)", path, strerror(errno));
            return CLI_OK;
        }
        cli_error("%s: cannot open: %s", path, strerror(errno));
        return CLI_BAD_INPUT;
    }
    if (S_ISDIR(st.st_mode))
        return add_directory(l, path, keep_going);
    if (has_suffix(path, ".jsonl"))
        add_source(l, SRC_JSONL, path, NULL);
    else
        add_source(l, SRC_FILE, path, cli_base_name(path));
    return CLI_OK;
}

/* ---- document names seen, to warn about duplicates ---- */

typedef struct name_set {
    char **slots;
    size_t n, cap;
} name_set;

static size_t hash_str(const char *s)
{
    size_t h = (size_t)14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

static void name_set_grow(name_set *set)
{
    size_t cap = set->cap ? 2 * set->cap : 1024;
    char **slots = cli_xmalloc(cap * sizeof *slots);
    memset(slots, 0, cap * sizeof *slots);
    for (size_t i = 0; i < set->cap; i++) {
        if (!set->slots[i])
            continue;
        size_t j = hash_str(set->slots[i]) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = set->slots[i];
    }
    free(set->slots);
    set->slots = slots;
    set->cap = cap;
}

/* Adds name; false if it was already there. */
static bool name_set_add(name_set *set, const char *name)
{
    if (2 * (set->n + 1) > set->cap)
        name_set_grow(set);
    size_t j = hash_str(name) & (set->cap - 1);
    for (; set->slots[j]; j = (j + 1) & (set->cap - 1))
        if (strcmp(set->slots[j], name) == 0)
            return false;
    set->slots[j] = cli_xstrdup(name);
    set->n++;
    return true;
}

static void name_set_free(name_set *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i]);
    free(set->slots);
}

/* ---- the pool ---- */

/* One unit of work, owned by the worker that took it. */
typedef struct item {
    size_t seq; /* document number, in input order */
    const source *src;
    long line;       /* SRC_JSONL: line number */
    char *json_line; /* SRC_JSONL: the line */
    size_t json_len;
} item;

/* The first error in input order wins, whatever the number of jobs. */
typedef struct failure {
    bool set;
    size_t seq;
    char message[1200];
} failure;

typedef struct pool {
    const cli_extract_opts *opts;
    const source_list *sources;
    size_t n_files; /* documents known in advance (0: unknown) */

    pthread_mutex_t lock; /* guards the cursor, names and failure */
    size_t cursor;        /* next source */
    FILE *jsonl;          /* the open .jsonl source, if any */
    long jsonl_line;
    size_t seq;
    atomic_bool stop;
    name_set names;
    failure fail;

    atomic_size_t done, skipped;
    atomic_uint_fast64_t bytes;
    pthread_mutex_t progress_lock;
    struct timespec started, last_report;
    bool tty;
} pool;

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) +
           (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void record_failure(pool *p, size_t seq, const char *message)
{
    pthread_mutex_lock(&p->lock);
    if (!p->fail.set || seq < p->fail.seq) {
        p->fail.set = true;
        p->fail.seq = seq;
        snprintf(p->fail.message, sizeof p->fail.message, "%s", message);
    }
    pthread_mutex_unlock(&p->lock);
    atomic_store(&p->stop, true);
}

/* A document that cannot be used: skipped with a warning under
 * --keep-going, else the run stops. */
static void document_problem(pool *p, size_t seq, const char *message)
{
    if (p->opts->keep_going) {
        cli_warn("%s (skipped)", message);
        atomic_fetch_add(&p->skipped, 1);
        return;
    }
    record_failure(p, seq, message);
}

static void check_duplicate(pool *p, const char *name, const char *where)
{
    pthread_mutex_lock(&p->lock);
    bool fresh = name_set_add(&p->names, name);
    pthread_mutex_unlock(&p->lock);
    if (!fresh)
        cli_warn("%s: duplicate document name '%s'", where, name);
}

/* ---- JSONL lines ---- */

static bool has_bom(const char *s, size_t len)
{
    return len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
}

/* Blank: nothing but JSON white space, after a byte order mark if any
 * (a .txt file may start with one, so may a JSONL line). */
static bool is_blank_line(const char *s, size_t len)
{
    for (size_t i = has_bom(s, len) ? 3 : 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

static size_t digits_end(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* The length of the JSON number at s, 0 if there is none:
 * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static size_t number_len(const char *s, size_t n)
{
    size_t i = s[0] == '-';
    size_t j = digits_end(s, n, i);
    if (j == i || (s[i] == '0' && j > i + 1))
        return 0;
    if (j < n && s[j] == '.') {
        size_t k = digits_end(s, n, j + 1);
        if (k == j + 1)
            return 0;
        j = k;
    }
    if (j < n && (s[j] == 'e' || s[j] == 'E')) {
        size_t k = j + 1 < n && (s[j + 1] == '+' || s[j + 1] == '-') ? j + 2
                                                                      : j + 1;
        size_t m = digits_end(s, n, k);
        if (m == k)
            return 0;
        j = m;
    }
    return j;
}

/* dyad reads only "id" and "text", both strings: every number outside a
 * string becomes 0 padded with spaces (columns stay) before Jansson parses
 * the line, so that a number too big for it (1e999, 2^64) in a key dyad
 * ignores does not refuse the document. */
static void blank_numbers(char *s, size_t n)
{
    bool in_string = false;
    for (size_t i = 0; i < n; i++) {
        if (in_string) {
            if (s[i] == '\\')
                i++;
            else if (s[i] == '"')
                in_string = false;
            continue;
        }
        in_string = s[i] == '"';
        size_t len = s[i] == '-' || (s[i] >= '0' && s[i] <= '9')
                         ? number_len(s + i, n - i)
                         : 0;
        if (len) {
            s[i] = '0';
            memset(s + i + 1, ' ', len - 1);
            i += len - 1;
        }
    }
}

static const char *json_kind(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

/* What is wrong with the string field key of doc, in buf; false if
 * nothing. */
static bool field_problem(json_t *doc, const char *key, char *buf,
                          size_t size)
{
    json_t *v = json_object_get(doc, key);
    if (!v)
        snprintf(buf, size, "\"%s\" is missing", key);
    else if (!json_is_string(v))
        snprintf(buf, size, "\"%s\" is %s, not a string", key, json_kind(v));
    else if (strcmp(key, "id") == 0 && json_string_length(v) == 0)
        snprintf(buf, size, "\"id\" is empty");
    else
        return false;
    return true;
}

/* What is wrong with a parsed line, in buf; false if nothing. */
static bool line_problem(json_t *doc, char *buf, size_t size)
{
    if (!json_is_object(doc)) {
        snprintf(buf, size, "the line is %s, not an object", json_kind(doc));
        return true;
    }
    return field_problem(doc, "id", buf, size) ||
           field_problem(doc, "text", buf, size);
}

/* Parses the JSONL line of it (a leading byte order mark skipped, its
 * numbers blanked, duplicate keys refused); NULL with the message in
 * msg. */
static json_t *parse_line(const item *it, char *msg, size_t size)
{
    size_t bom = has_bom(it->json_line, it->json_len) ? 3 : 0;
    blank_numbers(it->json_line + bom, it->json_len - bom);
    json_error_t jerr;
    json_t *doc = json_loadb(it->json_line + bom, it->json_len - bom,
                             JSON_REJECT_DUPLICATES, &jerr);
    char problem[300];
    if (!doc) {
        /* columns in characters after the mark, as an editor shows them */
        snprintf(msg, size, "%s:%ld:%d: invalid JSON: %s", it->src->path,
                 it->line, jerr.column, jerr.text);
        return NULL;
    }
    if (line_problem(doc, problem, sizeof problem)) {
        snprintf(msg, size, "%s:%ld: expected {\"id\",\"text\"}: %s",
                 it->src->path, it->line, problem);
        json_decref(doc);
        return NULL;
    }
    return doc;
}

/* Reads the next line of the open .jsonl source into it; false at the end
 * of the file (which is then closed).  Called with the lock held. */
static bool next_jsonl_line(pool *p, const source *src, item *it)
{
    char *line = NULL;
    size_t cap = 0;
    for (;;) {
        ssize_t n = getline(&line, &cap, p->jsonl);
        if (n < 0)
            break;
        p->jsonl_line++;
        size_t len = (size_t)n;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (is_blank_line(line, len))
            continue; /* blank lines are allowed */
        it->src = src;
        it->line = p->jsonl_line;
        it->json_line = line;
        it->json_len = len;
        return true;
    }
    free(line);
    if (ferror(p->jsonl)) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s: cannot read: %s", src->path,
                 strerror(errno ? errno : EIO));
        size_t seq = p->seq;
        pthread_mutex_unlock(&p->lock);
        document_problem(p, seq, msg);
        pthread_mutex_lock(&p->lock);
    }
    fclose(p->jsonl);
    p->jsonl = NULL;
    return false;
}

/* Takes the next document; false when there is none left. */
static bool next_item(pool *p, item *it)
{
    memset(it, 0, sizeof *it);
    pthread_mutex_lock(&p->lock);
    bool found = false;
    while (!found && !atomic_load(&p->stop) && p->cursor < p->sources->n) {
        const source *src = &p->sources->items[p->cursor];
        if (src->kind != SRC_JSONL) {
            it->src = src;
            p->cursor++;
            found = true;
            break;
        }
        if (!p->jsonl) {
            p->jsonl = fopen(src->path, "rb");
            p->jsonl_line = 0;
            if (!p->jsonl) {
                char msg[600];
                snprintf(msg, sizeof msg, "%s: cannot open: %s", src->path,
                         strerror(errno));
                p->cursor++;
                size_t seq = p->seq;
                pthread_mutex_unlock(&p->lock);
                document_problem(p, seq, msg);
                pthread_mutex_lock(&p->lock);
                continue;
            }
        }
        found = next_jsonl_line(p, src, it);
        if (!found)
            p->cursor++;
    }
    if (found)
        it->seq = p->seq++;
    pthread_mutex_unlock(&p->lock);
    return found;
}

/* ---- progress ---- */

static void print_progress(pool *p, bool final)
{
    size_t done = atomic_load(&p->done);
    double mb = (double)atomic_load(&p->bytes) / 1e6;
    double secs = seconds_since(&p->started);
    double rate = secs > 0 ? mb / secs : 0.0;
    char count[64];
    if (p->n_files && !final)
        snprintf(count, sizeof count, "%zu/%zu", done, p->n_files);
    else
        snprintf(count, sizeof count, "%zu", done);
    if (final) {
        fprintf(stderr, "%sdyad: %s documents, %.1f MB in %.1f s (%.1f MB/s)",
                p->tty ? "\r\033[K" : "", count, mb, secs, rate);
        size_t skipped = atomic_load(&p->skipped);
        if (skipped)
            fprintf(stderr, ", %zu skipped", skipped);
        fputc('\n', stderr);
    } else {
        fprintf(stderr, "%sdyad: %s documents, %.1f MB, %.1f MB/s%s",
                p->tty ? "\r\033[K" : "", count, mb, rate,
                p->tty ? "" : "\n");
    }
    fflush(stderr);
}

static void maybe_progress(pool *p)
{
    if (!p->opts->progress)
        return;
    if (pthread_mutex_trylock(&p->progress_lock) != 0)
        return; /* another worker is reporting */
    if (seconds_since(&p->last_report) >= 0.5) {
        print_progress(p, false);
        clock_gettime(CLOCK_MONOTONIC, &p->last_report);
    }
    pthread_mutex_unlock(&p->progress_lock);
}

/* ---- dates ---- */

static void record_date(pool *p, const char *name, const char *date)
{
    pthread_mutex_lock(&p->lock);
    dyad_status st = dyad_docs_set_date(p->opts->docs, name, date, NULL);
    pthread_mutex_unlock(&p->lock);
    (void)st; /* date was parsed: it is a date */
}

/* The date a document is extracted with: its own, else --date's, recorded
 * in the dates table when there is one; "" for none. */
static void settle_date(pool *p, const char *name, char date[DYAD_DATE_SIZE])
{
    if (!*date && p->opts->extract.date)
        snprintf(date, DYAD_DATE_SIZE, "%s", p->opts->extract.date);
    if (*date && p->opts->docs)
        record_date(p, name, date);
}

/* A "date 2024-03-18" first line dates the document; it is blanked (the
 * bytes, not the line end) so that extraction neither reads it as a
 * sentence nor shifts the offsets of the others. */
static void file_date(pool *p, const char *name, char *text, size_t len,
                      char date[DYAD_DATE_SIZE])
{
    *date = 0;
    size_t n = dyad_date_line(text, len, date);
    if (n)
        memset(text, ' ', n);
    else
        *date = 0;
    settle_date(p, name, date);
}

/* A .jsonl line's "date": YYYY-MM-DD, or an ISO 8601 date-time. */
static void jsonl_date(pool *p, const char *name, json_t *doc,
                       const char *where, char date[DYAD_DATE_SIZE])
{
    *date = 0;
    json_t *v = json_object_get(doc, "date");
    if (v && json_is_string(v) &&
        dyad_date_parse(json_string_value(v), json_string_length(v), date)) {
        settle_date(p, name, date);
        return;
    }
    *date = 0;
    settle_date(p, name, date);
    if (!v || json_is_null(v))
        return;
    cli_warn("%s: \"date\" is not a date (YYYY-MM-DD); document '%s' has "
             "none",
             where, name);
}

/* ---- one document ---- */

static _Thread_local const char *tracing_doc;

const char *cli_tracing_doc(void) { return tracing_doc; }

static void extract_text(pool *p, const item *it, const char *name,
                         const char *where, const char *text, size_t len,
                         const char *date, dyad_graph *g)
{
    dyad_error err = {0};
    dyad_extract_opts xopts = p->opts->extract;
    xopts.date = *date ? date : NULL;
    /* Under --keep-going a failed document must leave nothing behind:
     * extract it apart and merge it only when it succeeded. */
    dyad_graph *doc_g = p->opts->keep_going ? dyad_graph_new() : g;
    tracing_doc = name;
    dyad_status st = dyad_extract(p->opts->dict, name, text, len, doc_g,
                                  &xopts, &err);
    tracing_doc = NULL;
    atomic_fetch_add(&p->bytes, (uint_fast64_t)len);
    if (st == DYAD_OK && doc_g != g)
        st = dyad_graph_merge_move(g, doc_g, &err);
    if (doc_g != g)
        dyad_graph_free(doc_g);
    if (st == DYAD_OK)
        return;
    /* Name the file (and .jsonl line), not only the document. */
    char msg[1200], loc[64] = "";
    if (it->src->kind == SRC_JSONL) {
        if (err.line > 0)
            snprintf(loc, sizeof loc, " (text line %d, column %d)", err.line,
                     err.column);
        snprintf(msg, sizeof msg, "%s: document '%s'%s: %s", where, name, loc,
                 err.text);
    } else {
        snprintf(err.source, sizeof err.source, "%s", where);
        cli_format_error(&err, msg, sizeof msg);
    }
    document_problem(p, it->seq, msg);
}

static void run_file(pool *p, const item *it, dyad_graph *g)
{
    char *text;
    size_t len;
    dyad_error err = {0};
    dyad_status st = cli_read_file(it->src->path, &text, &len, &err);
    if (st != DYAD_OK) {
        char msg[1200];
        cli_format_error(&err, msg, sizeof msg);
        document_problem(p, it->seq, msg);
        return;
    }
    const char *where = it->src->kind == SRC_STDIN ? "stdin" : it->src->path;
    check_duplicate(p, it->src->name, where);
    char date[DYAD_DATE_SIZE];
    file_date(p, it->src->name, text, len, date);
    extract_text(p, it, it->src->name, where, text, len, date, g);
    free(text);
}

static void run_jsonl(pool *p, const item *it, dyad_graph *g)
{
    char where[600], msg[1200];
    snprintf(where, sizeof where, "%s:%ld", it->src->path, it->line);
    json_t *doc = parse_line(it, msg, sizeof msg);
    if (!doc) {
        document_problem(p, it->seq, msg);
        return;
    }
    json_t *text = json_object_get(doc, "text");
    const char *name = json_string_value(json_object_get(doc, "id"));
    check_duplicate(p, name, where);
    char date[DYAD_DATE_SIZE];
    jsonl_date(p, name, doc, where, date);
    extract_text(p, it, name, where, json_string_value(text),
                 json_string_length(text), date, g);
    json_decref(doc);
}

typedef struct worker {
    pool *p;
    dyad_graph *g;
    pthread_t thread;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    item it;
    while (next_item(w->p, &it)) {
        if (it.src->kind == SRC_JSONL)
            run_jsonl(w->p, &it, w->g);
        else
            run_file(w->p, &it, w->g);
        free(it.json_line);
        atomic_fetch_add(&w->p->done, 1);
        maybe_progress(w->p);
    }
    return NULL;
}

static int online_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

static int count_jobs(const cli_extract_opts *opts, const source_list *l)
{
    if (opts->extract.trace)
        return 1; /* trace events come in document order */
    int jobs = opts->jobs > 0 ? opts->jobs : online_cores();
    bool jsonl = false;
    for (size_t i = 0; i < l->n; i++)
        jsonl = jsonl || l->items[i].kind == SRC_JSONL;
    if (!jsonl && l->n < (size_t)jobs)
        jobs = (int)l->n;
    return jobs < 1 ? 1 : jobs;
}

static dyad_graph *new_graph(const cli_extract_opts *opts)
{
    dyad_graph *g = dyad_graph_new();
    dyad_graph_set_evidence_cap(g, opts->evidence_cap);
    return g;
}

/* Starts the workers (the calling thread is one of them) and waits. */
static void run_workers(pool *p, worker *ws, int jobs)
{
    int started = 1;
    for (int i = 1; i < jobs; i++, started++) {
        if (pthread_create(&ws[i].thread, NULL, work, &ws[i]) != 0) {
            cli_warn("cannot start thread %d; continuing with %d", i + 1, i);
            break;
        }
    }
    work(&ws[0]);
    for (int i = 1; i < started; i++)
        pthread_join(ws[i].thread, NULL);
}

static int merge_workers(worker *ws, int jobs, const cli_extract_opts *opts,
                         dyad_graph **out)
{
    dyad_graph *g = new_graph(opts);
    for (int i = 0; i < jobs; i++) {
        dyad_error err = {0};
        dyad_status st = dyad_graph_merge_move(g, ws[i].g, &err);
        if (st != DYAD_OK) {
            dyad_graph_free(g);
            return cli_report(st, &err);
        }
    }
    dyad_graph_sort(g);
    *out = g;
    return CLI_OK;
}

static int run_pool(const source_list *l, const cli_extract_opts *opts,
                    dyad_graph **out)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.opts = opts;
    p.sources = l;
    bool jsonl = false;
    for (size_t i = 0; i < l->n; i++)
        jsonl = jsonl || l->items[i].kind == SRC_JSONL;
    p.n_files = jsonl ? 0 : l->n;
    pthread_mutex_init(&p.lock, NULL);
    pthread_mutex_init(&p.progress_lock, NULL);
    atomic_init(&p.stop, false);
    atomic_init(&p.done, 0);
    atomic_init(&p.skipped, 0);
    atomic_init(&p.bytes, 0);
    p.tty = isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &p.started);
    p.last_report = p.started;

    int jobs = count_jobs(opts, l);
    worker *ws = cli_xmalloc((size_t)jobs * sizeof *ws);
    for (int i = 0; i < jobs; i++)
        ws[i] = (worker){.p = &p, .g = new_graph(opts)};
    run_workers(&p, ws, jobs);
    if (p.jsonl)
        fclose(p.jsonl);
    if (opts->progress)
        print_progress(&p, true);

    int rc = CLI_OK;
    if (p.fail.set) {
        cli_error("%s", p.fail.message);
        rc = CLI_BAD_INPUT;
    } else if (atomic_load(&p.done) == atomic_load(&p.skipped)) {
        cli_error("no document could be read");
        rc = CLI_BAD_INPUT;
    } else {
        rc = merge_workers(ws, jobs, opts, out);
    }
    for (int i = jobs - 1; i >= 0; i--)
        dyad_graph_free(ws[i].g);
    free(ws);
    name_set_free(&p.names);
    pthread_mutex_destroy(&p.progress_lock);
    pthread_mutex_destroy(&p.lock);
    return rc;
}

int cli_extract_paths(const char *const *paths, int n,
                      const cli_extract_opts *opts, dyad_graph **out)
{
    *out = NULL;
    source_list l = {0};
    int rc = CLI_OK;
    int n_stdin = 0;
    for (int i = 0; i < n && rc == CLI_OK; i++) {
        if (strcmp(paths[i], "-") == 0 && n_stdin++)
            continue; /* stdin can be read once */
        rc = add_path(&l, paths[i], opts->keep_going);
    }
    if (rc == CLI_OK && l.n == 0) {
        cli_error("no documents to read");
        rc = CLI_BAD_INPUT;
    }
    if (rc == CLI_OK)
        rc = run_pool(&l, opts, out);
    free_sources(&l);
    return rc;
}
