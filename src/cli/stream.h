/* Byte streams over plain, gzip (.gz) and zstd (.zst) files, and a line
 * reader on top: what sources.c reads documents and .jsonl lines from.
 * Compressed files are decompressed as they are read, a buffer at a time,
 * never whole. */
#ifndef DYAD_CLI_STREAM_H
#define DYAD_CLI_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "dyad/common.h"

typedef enum { STREAM_PLAIN, STREAM_GZIP, STREAM_ZSTD } stream_codec;

/* The codec a file name asks for: ".gz" gzip, ".zst" zstd, else plain. */
stream_codec stream_codec_of(const char *path);
/* path without a ".gz" or ".zst" ending, in buf. */
void stream_strip_codec(const char *path, char *buf, size_t size);

typedef struct stream stream;

/* Opens path ("-": stdin, read as plain bytes).  NULL with err set. */
stream *stream_open(const char *path, dyad_error *err);
/* Reads up to n bytes into buf: the count, 0 at the end, -1 with err set
 * (a read error, corrupt compressed data). */
long stream_read(stream *s, char *buf, size_t n, dyad_error *err);
/* Closes s; accepts NULL. */
void stream_close(stream *s);

/* Reads all of s into a NUL-terminated buffer (*buf, freed by the
 * caller).  More than max bytes (max > 0) fails with DYAD_ERR_INVALID
 * without reading further. */
dyad_status stream_read_all(stream *s, size_t max, char **buf, size_t *len,
                            dyad_error *err);

/* Lines of a stream, with their line ends cut. */
typedef struct line_reader {
    stream *s;
    char *buf;
    size_t cap, start, end; /* unread bytes: buf[start..end) */
    bool eof;
    long line; /* number of the last line returned */
} line_reader;

typedef enum { LINE_END, LINE_OK, LINE_TOO_LONG, LINE_ERROR } line_status;

void line_reader_init(line_reader *r, stream *s);
/* The next line, as a new NUL-terminated copy in *out (its length in
 * *len, line end and a '\r' before it cut).  A line longer than max
 * bytes (max > 0) is skipped to its end and gives LINE_TOO_LONG; LINE_ERROR
 * sets err. */
line_status line_reader_next(line_reader *r, size_t max, char **out,
                             size_t *len, dyad_error *err);
/* Frees the buffer and closes the stream. */
void line_reader_close(line_reader *r);

#endif
