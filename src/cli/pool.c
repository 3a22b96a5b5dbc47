/* The pool: worker threads over a sources cursor (see pool.h).
 *
 * Workers take the next unit from the shared cursor under a lock: a file's
 * name only (the worker reads the file itself), or one line of a .jsonl
 * file.  So at most one document per worker is in memory at a time, and
 * memory grows with the graph, not with the corpus.  Each worker extracts
 * into its own graph; workers out of documents merge their graphs with
 * each other (merge_finished), and the one graph left is sorted, which
 * makes the result independent of the number of jobs. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pool.h"

/* ---- the pool ---- */

/* The first error in input order wins, whatever the number of jobs. */
typedef struct failure {
    bool set;
    size_t seq;
    char message[1200];
} failure;

typedef struct pool {
    const cli_extract_opts *opts;
    const src_list *list;
    size_t n_files; /* documents known in advance (0: unknown) */

    pthread_mutex_t lock; /* guards the cursor, dates and failure */
    src_cursor cursor;
    size_t seq;
    atomic_bool stop;
    failure fail;

    atomic_size_t done, skipped, extracted;

    /* Worker graphs merge as their workers finish (see merge_finished):
     * finished holds the one graph waiting for a partner. */
    pthread_mutex_t merge_lock;
    dyad_graph *finished;
    bool merge_failed;
    dyad_error merge_err;
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

/* Takes the next document; false when there is none left. */
static bool next_item(pool *p, src_item *it)
{
    pthread_mutex_lock(&p->lock);
    bool found = false;
    while (!found && !atomic_load(&p->stop)) {
        char msg[600];
        src_next r = src_cursor_next(&p->cursor, it, msg, sizeof msg);
        if (r == SRC_END)
            break;
        if (r == SRC_ITEM) {
            found = true;
            break;
        }
        size_t seq = p->seq;
        pthread_mutex_unlock(&p->lock);
        document_problem(p, seq, msg);
        pthread_mutex_lock(&p->lock);
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

/* ---- one document ---- */

/* A document without a date of its own takes --date's; the date picks
 * the dictionary's dated roles and dates its evidence. */
static void settle_date(pool *p, src_doc *doc)
{
    if (!doc->date[0] && p->opts->extract.date)
        snprintf(doc->date, sizeof doc->date, "%s", p->opts->extract.date);
}

static void record_date(pool *p, const src_doc *doc)
{
    if (!doc->date[0] || !p->opts->docs)
        return;
    pthread_mutex_lock(&p->lock);
    dyad_status st =
        dyad_docs_set_date(p->opts->docs, doc->name, doc->date, NULL);
    pthread_mutex_unlock(&p->lock);
    (void)st; /* date was parsed: it is a date */
}

static _Thread_local const char *tracing_doc;

const char *cli_tracing_doc(void) { return tracing_doc; }

static bool extract_text(pool *p, const src_item *it, const src_doc *doc,
                         dyad_graph *g)
{
    dyad_error err = {0};
    /* Under --keep-going a failed document must leave nothing behind:
     * extract it apart and merge it only when it succeeded. */
    dyad_graph *doc_g = p->opts->keep_going ? dyad_graph_new() : g;
    dyad_extract_opts xopts = p->opts->extract;
    xopts.date = doc->date[0] ? doc->date : NULL;
    tracing_doc = doc->name;
    dyad_status st = dyad_extract(p->opts->dict, doc->name, doc->text,
                                  doc->len, doc_g, &xopts, &err);
    tracing_doc = NULL;
    atomic_fetch_add(&p->bytes, (uint_fast64_t)doc->len);
    if (st == DYAD_OK && doc_g != g)
        st = dyad_graph_merge_move(g, doc_g, &err);
    if (doc_g != g)
        dyad_graph_free(doc_g);
    if (st == DYAD_OK)
        return true;
    /* Name the file (and .jsonl line), not only the document. */
    char msg[1200], loc[64] = "";
    if (it->src->kind == SRC_JSONL) {
        if (err.line > 0)
            snprintf(loc, sizeof loc, " (text line %d, column %d)", err.line,
                     err.column);
        char name[200];
        snprintf(msg, sizeof msg, "%s: document '%s'%s: %s", doc->where,
                 cli_printable(doc->name, name, sizeof name), loc, err.text);
    } else {
        const char *path =
            it->src->kind == SRC_STDIN ? "stdin" : it->src->path;
        snprintf(err.source, sizeof err.source, "%s", path);
        cli_format_error(&err, msg, sizeof msg);
    }
    document_problem(p, it->seq, msg);
    return false;
}

/* Loads and extracts one unit; false for a .jsonl line of another shard,
 * which is no document of this run (progress does not count it). */
static bool run_item(pool *p, const src_item *it, dyad_graph *g)
{
    src_doc doc;
    char msg[1200];
    src_load r = src_doc_load(p->list, it, &doc, msg, sizeof msg);
    if (r == SRC_FAILED) {
        document_problem(p, it->seq, msg);
        return true;
    }
    if (r == SRC_OTHER_SHARD)
        return false;
    settle_date(p, &doc);
    record_date(p, &doc);
    if (extract_text(p, it, &doc, g))
        atomic_fetch_add(&p->extracted, 1);
    src_doc_free(&doc);
    return true;
}

typedef struct worker {
    pool *p;
    dyad_graph *g;
    pthread_t thread;
} worker;

/* A worker out of documents merges its graph with the one waiting in
 * p->finished, if any, and waits in its place if none.  So the first
 * workers to finish merge while the others still extract, and with many
 * workers the merges run side by side instead of one after another on the
 * main thread; the last graph left waiting holds everything.  Merge is
 * associative and commutative once sorted, so the result does not depend
 * on which worker finished first. */
static void merge_finished(pool *p, dyad_graph *g)
{
    for (;;) {
        pthread_mutex_lock(&p->merge_lock);
        dyad_graph *other = p->finished;
        p->finished = other ? NULL : g;
        pthread_mutex_unlock(&p->merge_lock);
        if (!other)
            return;
        dyad_error err = {0};
        if (dyad_graph_merge_move(g, other, &err) != DYAD_OK) {
            pthread_mutex_lock(&p->merge_lock);
            if (!p->merge_failed)
                p->merge_err = err;
            p->merge_failed = true;
            pthread_mutex_unlock(&p->merge_lock);
        }
        dyad_graph_free(other);
    }
}

static void *work(void *arg)
{
    worker *w = arg;
    src_item it;
    while (next_item(w->p, &it)) {
        bool counted = run_item(w->p, &it, w->g);
        src_item_free(&it);
        if (counted)
            atomic_fetch_add(&w->p->done, 1);
        maybe_progress(w->p);
    }
    merge_finished(w->p, w->g);
    w->g = NULL;
    return NULL;
}

static int count_jobs(const cli_extract_opts *opts, const src_list *l)
{
    if (opts->extract.trace)
        return 1; /* trace events come in document order */
    int jobs = cli_jobs(opts->jobs);
    if (!src_list_has_jsonl(l) && l->n < (size_t)jobs)
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
    for (int i = started; i < jobs; i++) {
        dyad_graph_free(ws[i].g); /* never started: empty */
        ws[i].g = NULL;
    }
    work(&ws[0]);
    for (int i = 1; i < started; i++)
        pthread_join(ws[i].thread, NULL);
}

/* A name given to two documents: both are read and counted.  Warned from
 * the graph's sorted list of documents (where the workers' lists collapse
 * a name given twice into one item marked repeated), not as each document
 * is read: a set of every name read would grow with the corpus. */
static void warn_duplicates(const dyad_graph *g)
{
    dyad_docs_iter *it = dyad_docs_iter_new(dyad_graph_docs(g));
    dyad_docs_item x;
    while (dyad_docs_iter_next(it, &x)) {
        char shown[200];
        if (x.repeated)
            cli_warn("duplicate document name '%s'",
                     cli_printable(x.doc, shown, sizeof shown));
    }
    dyad_docs_iter_free(it);
}

/* The graph all the workers merged into, sorted. */
static int merged_graph(pool *p, dyad_graph **out)
{
    if (p->merge_failed)
        return cli_report(DYAD_ERR_INVALID, &p->merge_err);
    warn_duplicates(p->finished);
    dyad_graph_sort(p->finished);
    *out = p->finished;
    p->finished = NULL;
    return CLI_OK;
}

int pool_run(const src_list *l, const cli_extract_opts *opts,
             dyad_graph **out)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.opts = opts;
    p.cursor.list = l;
    p.list = l;
    p.n_files = src_list_has_jsonl(l) ? 0 : l->n;
    pthread_mutex_init(&p.lock, NULL);
    pthread_mutex_init(&p.progress_lock, NULL);
    pthread_mutex_init(&p.merge_lock, NULL);
    atomic_init(&p.stop, false);
    atomic_init(&p.done, 0);
    atomic_init(&p.skipped, 0);
    atomic_init(&p.extracted, 0);
    atomic_init(&p.bytes, 0);
    p.tty = isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &p.started);
    p.last_report = p.started;

    int jobs = count_jobs(opts, l);
    worker *ws = cli_xmalloc((size_t)jobs * sizeof *ws);
    for (int i = 0; i < jobs; i++)
        ws[i] = (worker){.p = &p, .g = new_graph(opts)};
    run_workers(&p, ws, jobs);
    src_cursor_close(&p.cursor);
    if (opts->progress)
        print_progress(&p, true);

    int rc = CLI_OK;
    if (p.fail.set) {
        cli_error("%s", p.fail.message);
        rc = CLI_BAD_INPUT;
    } else if (atomic_load(&p.extracted) == 0 &&
               (atomic_load(&p.skipped) > 0 || !opts->shard_n)) {
        cli_error("no document could be read");
        rc = CLI_BAD_INPUT;
    } else {
        rc = merged_graph(&p, out);
    }
    dyad_graph_free(p.finished);
    free(ws);
    pthread_mutex_destroy(&p.merge_lock);
    pthread_mutex_destroy(&p.progress_lock);
    pthread_mutex_destroy(&p.lock);
    return rc;
}

/* ---- the entry point ---- */

/* The limit the sources obey (0 there: none). */
static size_t max_bytes(const cli_extract_opts *opts)
{
    size_t m = opts->max_document_bytes;
    return m == 0 ? CLI_MAX_DOCUMENT_BYTES : m == SIZE_MAX ? 0 : m;
}

int cli_extract_paths(const char *const *paths, int n,
                      const cli_extract_opts *opts, dyad_graph **out)
{
    *out = NULL;
    src_list l = {.rules = {.keep_going = opts->keep_going,
                            .max_bytes = max_bytes(opts),
                            .shard_k = opts->shard_k,
                            .shard_n = opts->shard_n}};
    int rc = CLI_OK;
    int n_stdin = 0;
    for (int i = 0; i < n && rc == CLI_OK; i++) {
        if (strcmp(paths[i], "-") == 0 && n_stdin++)
            continue; /* stdin can be read once */
        rc = src_list_add_path(&l, paths[i]);
    }
    if (rc == CLI_OK && l.n == 0 && !opts->shard_n) {
        cli_error("no documents to read");
        rc = CLI_BAD_INPUT;
    }
    if (rc == CLI_OK)
        rc = pool_run(&l, opts, out);
    src_list_free(&l);
    return rc;
}
