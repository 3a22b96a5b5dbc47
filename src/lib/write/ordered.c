/* Ordered parallel output (see ordered.h).
 *
 * Chunk i is formatted into slot i % window; a thread may take chunk i only
 * when chunk i - window has been emitted, so the slots are never shared.
 * The caller's thread emits the chunks in order and, while the next one is
 * not ready, formats one itself rather than wait. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "ordered.h"

typedef struct slot {
    strbuf buf;
    bool ready;
} slot;

typedef struct run {
    size_t n, window;
    ordered_format format;
    ordered_emit emit;
    void *ctx;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    size_t next;    /* the next chunk to format */
    size_t written; /* chunks emitted */
    bool stop;
    slot *slots;
} run;

static bool can_take(const run *r)
{
    return !r->stop && r->next < r->n && r->next < r->written + r->window;
}

/* Formats chunk r->next with the lock held on entry and on return. */
static void format_next(run *r)
{
    size_t i = r->next++;
    slot *s = &r->slots[i % r->window];
    pthread_mutex_unlock(&r->lock);
    s->buf.len = 0;
    r->format(r->ctx, i, &s->buf);
    pthread_mutex_lock(&r->lock);
    s->ready = true;
    pthread_cond_broadcast(&r->changed);
}

static void *format_loop(void *arg)
{
    run *r = arg;
    pthread_mutex_lock(&r->lock);
    for (;;) {
        while (!r->stop && r->next < r->n && !can_take(r))
            pthread_cond_wait(&r->changed, &r->lock);
        if (!can_take(r))
            break;
        format_next(r);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* Emits chunk r->written with the lock held on entry and on return. */
static void emit_next(run *r)
{
    slot *s = &r->slots[r->written % r->window];
    pthread_mutex_unlock(&r->lock);
    bool ok = r->emit(r->ctx, s->buf.s ? s->buf.s : "", s->buf.len);
    pthread_mutex_lock(&r->lock);
    s->ready = false;
    r->written++;
    if (!ok)
        r->stop = true;
    pthread_cond_broadcast(&r->changed);
}

static void emit_loop(run *r)
{
    pthread_mutex_lock(&r->lock);
    while (!r->stop && r->written < r->n) {
        if (r->slots[r->written % r->window].ready)
            emit_next(r);
        else if (can_take(r))
            format_next(r);
        else
            pthread_cond_wait(&r->changed, &r->lock);
    }
    r->stop = true;
    pthread_cond_broadcast(&r->changed);
    pthread_mutex_unlock(&r->lock);
}

/* Starts up to want threads running fn(arg); returns how many started. */
static int start_threads(pthread_t *ts, int want, void *(*fn)(void *),
                         void *arg)
{
    int n = 0;
    while (n < want && pthread_create(&ts[n], NULL, fn, arg) == 0)
        n++;
    return n;
}

static int helpers_for(int jobs, size_t n)
{
    if (jobs <= 1 || n <= 1)
        return 0;
    size_t h = (size_t)jobs - 1;
    return (int)(h < n - 1 ? h : n - 1);
}

bool ordered_run(size_t n_chunks, int jobs, ordered_format format,
                 ordered_emit emit, void *ctx)
{
    int helpers = helpers_for(jobs, n_chunks);
    run r = {.n = n_chunks,
             .window = helpers ? 4 * ((size_t)helpers + 1) : 1,
             .format = format,
             .emit = emit,
             .ctx = ctx};
    r.slots = xcalloc(r.window, sizeof *r.slots);
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.changed, NULL);
    pthread_t *ts = xmalloc(((size_t)helpers + 1) * sizeof *ts);
    int started = start_threads(ts, helpers, format_loop, &r);
    emit_loop(&r);
    for (int i = 0; i < started; i++)
        pthread_join(ts[i], NULL);
    bool ok = r.written == n_chunks;
    for (size_t i = 0; i < r.window; i++)
        sb_free(&r.slots[i].buf);
    free(ts);
    free(r.slots);
    pthread_cond_destroy(&r.changed);
    pthread_mutex_destroy(&r.lock);
    return ok;
}

/* ---- unordered ---- */

typedef struct each {
    size_t n;
    atomic_size_t next;
    void (*work)(void *ctx, size_t i);
    void *ctx;
} each;

static void *each_loop(void *arg)
{
    each *e = arg;
    for (size_t i; (i = atomic_fetch_add(&e->next, 1)) < e->n;)
        e->work(e->ctx, i);
    return NULL;
}

void ordered_each(size_t n, int jobs, void (*work)(void *ctx, size_t i),
                  void *ctx)
{
    each e = {.n = n, .work = work, .ctx = ctx};
    atomic_init(&e.next, 0);
    int helpers = helpers_for(jobs, n);
    pthread_t *ts = xmalloc(((size_t)helpers + 1) * sizeof *ts);
    int started = start_threads(ts, helpers, each_loop, &e);
    each_loop(&e);
    for (int i = 0; i < started; i++)
        pthread_join(ts[i], NULL);
    free(ts);
}
