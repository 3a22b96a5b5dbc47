/* Ordered parallel output: a sequence of chunks formatted on several
 * threads and written in their order, so the bytes are those of one thread.
 *
 * A writer cuts its output into chunks (ranges of links, say), and gives
 * format(ctx, i, buf), which appends chunk i's bytes to buf, and emit(ctx,
 * buf, len), which writes them.  ordered_run formats the chunks on `jobs`
 * threads (the caller's among them) and emits each, in order, on the
 * caller's thread as soon as it and all before it are ready.  At most
 * four chunks a thread are held at a time, so memory is a few chunks',
 * not the output's.  With jobs <= 1 it formats and emits one chunk after
 * another, holding one, and starts no thread. */
#ifndef DYAD_ORDERED_H
#define DYAD_ORDERED_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

typedef void (*ordered_format)(void *ctx, size_t chunk, strbuf *buf);
/* false stops the run: no later chunk is emitted. */
typedef bool (*ordered_emit)(void *ctx, const char *buf, size_t len);

/* false if an emit failed. */
bool ordered_run(size_t n_chunks, int jobs, ordered_format format,
                 ordered_emit emit, void *ctx);

/* Runs work(ctx, i) for every i < n on `jobs` threads, in no order. */
void ordered_each(size_t n, int jobs, void (*work)(void *ctx, size_t i),
                  void *ctx);

#endif
