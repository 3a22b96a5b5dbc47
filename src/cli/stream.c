/* Byte streams over plain, gzip and zstd files, and lines (see stream.h).
 *
 * zlib's gzread and libzstd's streaming decoder each hold one window of
 * state (32 KB for gzip, up to 8 MB for zstd at the default levels), so a
 * compressed corpus of any size is read in memory of one buffer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "cli.h"
#include "stream.h"

struct stream {
    stream_codec codec;
    char name[256]; /* for messages */
    FILE *fp;       /* plain and zstd */
    gzFile gz;
    ZSTD_DCtx *z;
    ZSTD_inBuffer in;
    char *in_buf;
    size_t in_cap;
    size_t frame_left; /* last ZSTD_decompressStream result: 0 between
                          frames */
    bool in_eof;
};

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

stream_codec stream_codec_of(const char *path)
{
    if (ends_with(path, ".gz"))
        return STREAM_GZIP;
    if (ends_with(path, ".zst"))
        return STREAM_ZSTD;
    return STREAM_PLAIN;
}

void stream_strip_codec(const char *path, char *buf, size_t size)
{
    size_t n = strlen(path);
    stream_codec c = stream_codec_of(path);
    size_t cut = c == STREAM_GZIP ? 3 : c == STREAM_ZSTD ? 4 : 0;
    snprintf(buf, size, "%.*s", (int)(n - cut), path);
}

static stream *open_gzip(stream *s, const char *path, dyad_error *err)
{
    s->gz = gzopen(path, "rb");
    if (!s->gz) {
        int errnum = errno ? errno : ENOMEM;
        free(s);
        dyad_fail(err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                  strerror(errnum));
        return NULL;
    }
    gzbuffer(s->gz, 1 << 17);
    return s;
}

static stream *open_zstd(stream *s, dyad_error *err)
{
    s->z = ZSTD_createDCtx();
    s->in_cap = ZSTD_DStreamInSize();
    s->in_buf = cli_xmalloc(s->in_cap);
    s->in = (ZSTD_inBuffer){s->in_buf, 0, 0};
    if (!s->z) {
        fclose(s->fp);
        free(s->in_buf);
        free(s);
        dyad_fail(err, DYAD_ERR_IO, "zstd", 0, 0, "out of memory");
        return NULL;
    }
    return s;
}

stream *stream_open(const char *path, dyad_error *err)
{
    stream *s = cli_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    bool in = strcmp(path, "-") == 0;
    snprintf(s->name, sizeof s->name, "%s", in ? "stdin" : path);
    s->codec = in ? STREAM_PLAIN : stream_codec_of(path);
    if (s->codec == STREAM_GZIP) {
        errno = 0;
        return open_gzip(s, path, err);
    }
    s->fp = in ? stdin : fopen(path, "rb");
    if (!s->fp) {
        int errnum = errno;
        free(s);
        dyad_fail(err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                  strerror(errnum));
        return NULL;
    }
    return s->codec == STREAM_ZSTD ? open_zstd(s, err) : s;
}

static long read_plain(stream *s, char *buf, size_t n, dyad_error *err)
{
    size_t got = fread(buf, 1, n, s->fp);
    if (got == 0 && ferror(s->fp)) {
        dyad_fail(err, DYAD_ERR_IO, s->name, 0, 0, "cannot read: %s",
                  strerror(errno ? errno : EIO));
        return -1;
    }
    return (long)got;
}

static long read_gzip(stream *s, char *buf, size_t n, dyad_error *err)
{
    unsigned want = n > (1u << 30) ? 1u << 30 : (unsigned)n;
    int got = gzread(s->gz, buf, want);
    int code = 0;
    const char *what = gzerror(s->gz, &code);
    /* a stream cut short ends with Z_BUF_ERROR, not with an error count */
    if (got > 0 || (got == 0 && code == Z_OK))
        return got;
    if (code == Z_BUF_ERROR)
        what = "the file is truncated";
    dyad_fail(err, DYAD_ERR_PARSE, s->name, 0, 0,
              "cannot decompress (gzip): %s",
              code == Z_ERRNO ? strerror(errno) : what);
    return -1;
}

/* Refills the input buffer; false at the end of the file or on error. */
static bool zstd_refill(stream *s)
{
    if (s->in.pos < s->in.size || s->in_eof)
        return s->in.pos < s->in.size;
    size_t got = fread(s->in_buf, 1, s->in_cap, s->fp);
    s->in = (ZSTD_inBuffer){s->in_buf, got, 0};
    if (got == 0)
        s->in_eof = true;
    return got > 0;
}

static long read_zstd(stream *s, char *buf, size_t n, dyad_error *err)
{
    ZSTD_outBuffer out = {buf, n, 0};
    while (out.pos == 0) {
        bool more = zstd_refill(s);
        if (ferror(s->fp)) {
            dyad_fail(err, DYAD_ERR_IO, s->name, 0, 0, "cannot read: %s",
                      strerror(errno ? errno : EIO));
            return -1;
        }
        if (!more) {
            if (s->frame_left == 0)
                return 0;
            dyad_fail(err, DYAD_ERR_PARSE, s->name, 0, 0,
                      "cannot decompress (zstd): the file is truncated");
            return -1;
        }
        size_t r = ZSTD_decompressStream(s->z, &out, &s->in);
        if (ZSTD_isError(r)) {
            dyad_fail(err, DYAD_ERR_PARSE, s->name, 0, 0,
                      "cannot decompress (zstd): %s", ZSTD_getErrorName(r));
            return -1;
        }
        s->frame_left = r;
    }
    return (long)out.pos;
}

long stream_read(stream *s, char *buf, size_t n, dyad_error *err)
{
    switch (s->codec) {
    case STREAM_GZIP: return read_gzip(s, buf, n, err);
    case STREAM_ZSTD: return read_zstd(s, buf, n, err);
    default: return read_plain(s, buf, n, err);
    }
}

void stream_close(stream *s)
{
    if (!s)
        return;
    if (s->gz)
        gzclose(s->gz);
    if (s->fp && s->fp != stdin)
        fclose(s->fp);
    ZSTD_freeDCtx(s->z);
    free(s->in_buf);
    free(s);
}

dyad_status stream_read_all(stream *s, size_t max, char **buf, size_t *len,
                            dyad_error *err)
{
    size_t cap = 1 << 16, n = 0;
    char *b = cli_xmalloc(cap);
    for (;;) {
        if (cap - n < 2) {
            cap *= 2;
            b = cli_xrealloc(b, cap);
        }
        size_t want = cap - n - 1;
        if (max && want > max + 1 - n)
            want = max + 1 - n; /* one byte past max tells it is over */
        long got = stream_read(s, b + n, want, err);
        if (got < 0) {
            free(b);
            return DYAD_ERR_IO;
        }
        n += (size_t)got;
        if (got == 0)
            break;
        if (max && n > max) {
            free(b);
            return dyad_fail(err, DYAD_ERR_INVALID, s->name, 0, 0,
                             "longer than %zu bytes, the limit "
                             "(--max-document-bytes); not read further",
                             max);
        }
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return DYAD_OK;
}

/* ---- lines ---- */

enum { LINE_CHUNK = 1 << 20 };

void line_reader_init(line_reader *r, stream *s)
{
    memset(r, 0, sizeof *r);
    r->s = s;
}

/* Reads more bytes after the unread ones, moving them to the front or
 * growing the buffer; false at the end or on error (err set). */
static bool fill(line_reader *r, bool *failed, dyad_error *err)
{
    if (r->start == r->end && r->cap > 4 * LINE_CHUNK) {
        free(r->buf); /* after a long line, back to one chunk */
        r->buf = NULL;
        r->cap = r->start = r->end = 0;
    }
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->cap - r->end < LINE_CHUNK / 2) {
        r->cap = r->cap ? 2 * r->cap : LINE_CHUNK;
        r->buf = cli_xrealloc(r->buf, r->cap);
    }
    long got = stream_read(r->s, r->buf + r->end, r->cap - r->end, err);
    if (got < 0)
        *failed = true;
    if (got <= 0) {
        r->eof = true;
        return false;
    }
    r->end += (size_t)got;
    return true;
}

/* Drops bytes up to the next line end (or the end of the stream). */
static line_status skip_line(line_reader *r, dyad_error *err)
{
    bool failed = false;
    for (;;) {
        char *nl = r->end > r->start
                       ? memchr(r->buf + r->start, '\n', r->end - r->start)
                       : NULL;
        if (nl) {
            r->start = (size_t)(nl - r->buf) + 1;
            return LINE_TOO_LONG;
        }
        r->start = r->end;
        if (!fill(r, &failed, err))
            return failed ? LINE_ERROR : LINE_TOO_LONG;
    }
}

static void take(line_reader *r, size_t n, size_t skip, char **out,
                 size_t *len)
{
    const char *p = r->buf + r->start;
    size_t cut = n;
    if (cut > 0 && p[cut - 1] == '\r')
        cut--;
    *out = cli_xmalloc(cut + 1);
    memcpy(*out, p, cut);
    (*out)[cut] = '\0';
    *len = cut;
    r->start += n + skip;
}

line_status line_reader_next(line_reader *r, size_t max, char **out,
                             size_t *len, dyad_error *err)
{
    *out = NULL;
    *len = 0;
    size_t scanned = 0; /* bytes of the line known to hold no '\n' */
    bool failed = false;
    for (;;) {
        size_t have = r->end - r->start;
        char *nl = have > scanned ? memchr(r->buf + r->start + scanned, '\n',
                                           have - scanned)
                                  : NULL;
        size_t n = nl ? (size_t)(nl - (r->buf + r->start)) : have;
        if (max && n > max) {
            r->line++;
            return skip_line(r, err);
        }
        if (nl) {
            r->line++;
            take(r, n, 1, out, len);
            return LINE_OK;
        }
        scanned = have;
        if (r->eof || !fill(r, &failed, err)) {
            if (failed)
                return LINE_ERROR;
            if (r->end == r->start)
                return LINE_END;
            r->line++;
            take(r, r->end - r->start, 0, out, len);
            return LINE_OK;
        }
    }
}

void line_reader_close(line_reader *r)
{
    free(r->buf);
    stream_close(r->s);
    memset(r, 0, sizeof *r);
}
