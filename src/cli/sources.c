/* Sources: files, directories of *.txt, .jsonl corpora and stdin, listed,
 * walked and loaded one document at a time (see sources.h). */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsonl.h"
#include "sources.h"

/* ---- reading one file ---- */

dyad_status cli_read_file(const char *path, char **buf, size_t *len,
                          dyad_error *err)
{
    *buf = NULL;
    *len = 0;
    stream *s = stream_open(path, err);
    if (!s)
        return DYAD_ERR_IO;
    dyad_status st = stream_read_all(s, 0, buf, len, err);
    stream_close(s);
    return st;
}

/* A file read whole, but refused before it is read when it is over the
 * limit (a regular uncompressed file: by its size; else as it is read). */
static dyad_status read_document(const char *path, size_t max, char **buf,
                                 size_t *len, dyad_error *err)
{
    *buf = NULL;
    *len = 0;
    struct stat st;
    bool plain =
        strcmp(path, "-") != 0 && stream_codec_of(path) == STREAM_PLAIN;
    if (max && plain && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
        (uintmax_t)st.st_size > (uintmax_t)max)
        return dyad_fail(err, DYAD_ERR_INVALID, path, 0, 0,
                         "%jd bytes, over the limit of %zu "
                         "(--max-document-bytes); not read",
                         (intmax_t)st.st_size, max);
    stream *s = stream_open(path, err);
    if (!s)
        return DYAD_ERR_IO;
    dyad_status r = stream_read_all(s, max, buf, len, err);
    stream_close(s);
    return r;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool cli_is_graph_path(const char *path) { return has_suffix(path, ".json"); }

/* A text file in a directory: *.txt, *.txt.gz, *.txt.zst. */
static bool is_text_name(const char *name)
{
    return has_suffix(name, ".txt") || has_suffix(name, ".txt.gz") ||
           has_suffix(name, ".txt.zst");
}

static bool is_jsonl_name(const char *name)
{
    return has_suffix(name, ".jsonl") || has_suffix(name, ".jsonl.gz") ||
           has_suffix(name, ".jsonl.zst");
}

/* ---- shards ---- */

bool src_in_shard(const char *name, unsigned k, unsigned n)
{
    if (n == 0)
        return true;
    uint64_t h = 14695981039346656037ULL;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return h % n == (uint64_t)(k - 1);
}

static bool in_shard(const src_list *l, const char *name)
{
    return src_in_shard(name, l->rules.shard_k, l->rules.shard_n);
}

/* ---- the list of sources ---- */

/* Adds a source; a text file's document name loses its ".gz" or ".zst",
 * so that a compressed corpus gives the graph of the plain one. */
static void src_add(src_list *l, src_kind kind, const char *path,
                    const char *name)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->items = cli_xrealloc(l->items, l->cap * sizeof *l->items);
    }
    src *s = &l->items[l->n++];
    s->kind = kind;
    s->path = cli_xstrdup(path);
    s->name = NULL;
    if (name) {
        size_t size = strlen(name) + 1;
        s->name = cli_xmalloc(size);
        stream_strip_codec(name, s->name, size);
    }
}

/* A text file, if its document is in the shard. */
static void add_file(src_list *l, const char *path, const char *name)
{
    src_add(l, SRC_FILE, path, name);
    if (!in_shard(l, l->items[l->n - 1].name)) {
        l->n--;
        free(l->items[l->n].path);
        free(l->items[l->n].name);
    }
}

void src_list_free(src_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].path);
        free(l->items[i].name);
    }
    free(l->items);
}

bool src_list_has_jsonl(const src_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].kind == SRC_JSONL)
            return true;
    return false;
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

/* A directory or file of the walk that cannot be read: an error (a
 * warning under --keep-going), never a silent skip. */
static void walk_problem(walk *w, const char *path, const char *what,
                         int errnum)
{
    const char *why = errnum == ENOENT ? "No such file or directory "
                                         "(a dangling symbolic link?)"
                                       : strerror(errnum);
    if (w->keep_going) {
        cli_warn("%s: %s: %s (skipped)", path, what, why);
        return;
    }
    cli_error("%s: %s: %s", path, what, why);
    w->rc = CLI_BAD_INPUT;
}

static void walk_dir(walk *w, const char *root, const char *rel);

/* One entry of a directory: a directory to walk, a text file to keep, or
 * something else to pass by. */
static void walk_entry(walk *w, const char *root, const char *child_rel,
                       const char *name)
{
    char *child = join_path(root, child_rel);
    struct stat lst, st;
    if (lstat(child, &lst) != 0) {
        walk_problem(w, child, "cannot open", errno);
    } else if (S_ISDIR(lst.st_mode)) {
        walk_dir(w, root, child_rel);
    } else if (is_text_name(name)) {
        if (stat(child, &st) != 0)
            walk_problem(w, child, "cannot open", errno);
        else if (S_ISREG(st.st_mode))
            walk_add(w, child_rel);
        else /* a FIFO, a device, a link to a directory: not read */
            cli_warn("%s: not a regular file (skipped)", child);
    }
    free(child);
}

/* Collects the text files below root/rel.  Hidden entries are skipped and
 * symbolic links to directories are not followed, so there are no loops;
 * a text file that cannot be stat'ed (a dangling symbolic link, a loop, a
 * path too long) is a problem, one that is no regular file a warning. */
static void walk_dir(walk *w, const char *root, const char *rel)
{
    char *dir = rel[0] ? join_path(root, rel) : cli_xstrdup(root);
    DIR *d = opendir(dir);
    if (!d) {
        walk_problem(w, dir, "cannot read directory", errno);
        free(dir);
        return;
    }
    struct dirent *e;
    while (w->rc == CLI_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *child_rel =
            rel[0] ? join_path(rel, e->d_name) : cli_xstrdup(e->d_name);
        walk_entry(w, root, child_rel, e->d_name);
        free(child_rel);
    }
    closedir(d);
    free(dir);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_directory(src_list *l, const char *root)
{
    walk w = {.keep_going = l->rules.keep_going, .rc = CLI_OK};
    walk_dir(&w, root, "");
    if (w.n > 1)
        qsort(w.rel, w.n, sizeof *w.rel, cmp_str);
    for (size_t i = 0; i < w.n; i++) {
        char *path = join_path(root, w.rel[i]);
        if (w.rc == CLI_OK)
            add_file(l, path, w.rel[i]);
        free(path);
        free(w.rel[i]);
    }
    free(w.rel);
    if (w.rc == CLI_OK && w.n == 0) {
        if (!l->rules.keep_going) {
            cli_error("no *.txt files under %s", root);
            return CLI_BAD_INPUT;
        }
        cli_warn("no *.txt files under %s", root);
    }
    return w.rc;
}

int src_list_add_path(src_list *l, const char *path)
{
    if (strcmp(path, "-") == 0) {
        if (in_shard(l, "stdin"))
            src_add(l, SRC_STDIN, "-", "stdin");
        return CLI_OK;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        if (l->rules.keep_going) {
            cli_warn("%s: cannot open: %s (skipped)", path, strerror(errno));
            return CLI_OK;
        }
        cli_error("%s: cannot open: %s", path, strerror(errno));
        return CLI_BAD_INPUT;
    }
    if (S_ISDIR(st.st_mode))
        return add_directory(l, path);
    if (is_jsonl_name(path)) {
        src_add(l, SRC_JSONL, path, NULL);
        return CLI_OK;
    }
    add_file(l, path, cli_base_name(path));
    return CLI_OK;
}

/* ---- the cursor ---- */

/* Blank: nothing but JSON white space, after a byte order mark if any
 * (a .txt file may start with one, so may a JSONL line). */
static bool is_blank_line(const char *s, size_t len)
{
    size_t i = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* The next line of the open .jsonl source into it; SRC_END at the end of
 * the file (which is then closed), SRC_PROBLEM for a line over the limit
 * (skipped) or a read error (the file is then closed). */
static src_next next_jsonl_line(src_cursor *c, const src *s, src_item *it,
                                char *msg, size_t size)
{
    size_t max = c->list->rules.max_bytes;
    for (;;) {
        char *line;
        size_t len;
        dyad_error err = {0};
        line_status st = line_reader_next(&c->jsonl, max, &line, &len, &err);
        if (st == LINE_TOO_LONG) {
            snprintf(msg, size,
                     "%s:%ld: the line is over the limit of %zu bytes "
                     "(--max-document-bytes); not read",
                     s->path, c->jsonl.line, max);
            return SRC_PROBLEM;
        }
        if (st == LINE_OK && is_blank_line(line, len)) {
            free(line); /* blank lines are allowed */
            continue;
        }
        if (st == LINE_OK) {
            it->src = s;
            it->line = c->jsonl.line;
            it->json_line = line;
            it->json_len = len;
            return SRC_ITEM;
        }
        line_reader_close(&c->jsonl);
        c->jsonl_open = false;
        if (st == LINE_END)
            return SRC_END;
        cli_format_error(&err, msg, size);
        return SRC_PROBLEM;
    }
}

src_next src_cursor_next(src_cursor *c, src_item *it, char *msg, size_t size)
{
    memset(it, 0, sizeof *it);
    while (c->next < c->list->n) {
        const src *s = &c->list->items[c->next];
        if (s->kind != SRC_JSONL) {
            it->src = s;
            c->next++;
            return SRC_ITEM;
        }
        if (!c->jsonl_open) {
            dyad_error err = {0};
            stream *st = stream_open(s->path, &err);
            if (!st) {
                cli_format_error(&err, msg, size);
                c->next++;
                return SRC_PROBLEM;
            }
            line_reader_init(&c->jsonl, st);
            c->jsonl_open = true;
        }
        src_next r = next_jsonl_line(c, s, it, msg, size);
        if (r == SRC_ITEM || (r == SRC_PROBLEM && c->jsonl_open))
            return r;
        c->next++;
        if (r == SRC_PROBLEM)
            return r;
    }
    return SRC_END;
}

void src_cursor_close(src_cursor *c)
{
    if (c->jsonl_open)
        line_reader_close(&c->jsonl);
    c->jsonl_open = false;
}

void src_item_free(src_item *it)
{
    free(it->json_line);
    it->json_line = NULL;
}

/* ---- loading a document ---- */

const char *cli_printable(const char *s, char *buf, size_t size)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        bool c1 = p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F;
        size_t len = 1; /* a character's bytes, copied whole or not at all */
        while (!c1 && p[0] >= 0xC0 && (p[len] & 0xC0) == 0x80 && len < 4)
            len++;
        bool esc = p[0] < 0x20 || p[0] == 0x7F || c1;
        if (o + (esc ? 4 : len) + 1 > size)
            break;
        if (esc)
            o += (size_t)snprintf(buf + o, size - o, "\\x%02X",
                                  c1 ? p[1] : p[0]);
        else
            memcpy(buf + o, p, len);
        o += esc ? 0 : len;
        p += c1 ? 2 : len;
    }
    buf[o] = '\0';
    return buf;
}

/* NUL characters become spaces (a C string of the evidence would end at
 * the first, and offsets stay as they are); returns how many, with the
 * line and column (in characters) of the first. */
static size_t nul_to_space(char *text, size_t len, long *line, long *col)
{
    size_t n = 0;
    char *p = memchr(text, '\0', len);
    if (!p)
        return 0;
    *line = 1;
    *col = 1;
    for (const char *q = text; q < p; q++) {
        if (*q == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)*q & 0xC0) != 0x80) {
            ++*col;
        }
    }
    for (; p; p = memchr(p, '\0', len - (size_t)(p - text))) {
        *p = ' ';
        n++;
    }
    return n;
}

static void warn_nul(const src_doc *doc, char *text, size_t len, bool jsonl)
{
    long line, col;
    size_t n = nul_to_space(text, len, &line, &col);
    if (!n)
        return;
    char name[200];
    if (jsonl)
        cli_warn("%s: document '%s' (text line %ld, column %ld): %zu NUL "
                 "character%s (\\u0000) read as space%s",
                 doc->where, cli_printable(doc->name, name, sizeof name),
                 line, col, n, n == 1 ? "" : "s", n == 1 ? "" : "s");
    else
        cli_warn("%s:%ld:%ld: %zu NUL byte%s read as space%s", doc->where,
                 line, col, n, n == 1 ? "" : "s", n == 1 ? "" : "s");
}

/* A "date 2024-03-18" first line dates the document; it is blanked (the
 * bytes, not the line end) so that extraction neither reads it as a
 * sentence nor shifts the offsets of the others. */
static void file_date(char *text, size_t len, char date[DYAD_DATE_SIZE])
{
    size_t n = dyad_date_line(text, len, date);
    if (n)
        memset(text, ' ', n);
    else
        date[0] = '\0';
}

/* A .jsonl line's "date": YYYY-MM-DD, or an ISO 8601 date-time. */
static void jsonl_date(src_doc *doc, const jsonl_field *f)
{
    doc->date[0] = '\0';
    if (!f->present || !strcmp(f->kind, "null"))
        return;
    if (f->str && !f->nul_at && dyad_date_parse(f->str, f->len, doc->date))
        return;
    doc->date[0] = '\0';
    char name[200];
    cli_warn("%s: \"date\" is not a date (YYYY-MM-DD); document '%s' has "
             "none",
             doc->where, cli_printable(doc->name, name, sizeof name));
}

static src_load load_file(const src_list *l, const src_item *it, src_doc *doc,
                          char *msg, size_t size)
{
    char *text;
    size_t len;
    dyad_error err = {0};
    const char *path = it->src->path;
    dyad_status st =
        read_document(path, l->rules.max_bytes, &text, &len, &err);
    if (st != DYAD_OK) {
        cli_format_error(&err, msg, size);
        return SRC_FAILED;
    }
    doc->name = it->src->name;
    snprintf(doc->where, sizeof doc->where, "%s",
             it->src->kind == SRC_STDIN ? "stdin" : path);
    warn_nul(doc, text, len, false);
    file_date(text, len, doc->date);
    doc->owned[0] = text;
    doc->text = text;
    doc->len = len;
    return SRC_LOADED;
}

static void jsonl_message(const src_item *it, const jsonl_error *e, char *msg,
                          size_t size)
{
    if (!e->syntax)
        snprintf(msg, size, "%s:%ld: expected {\"id\",\"text\"}: %s",
                 it->src->path, it->line, e->text);
    else if (e->field[0]) {
        char key[sizeof e->field * 4];
        snprintf(msg, size, "%s:%ld:%d: invalid JSON in \"%s\": %s",
                 it->src->path, it->line, e->column,
                 cli_printable(e->field, key, sizeof key), e->text);
    } else
        snprintf(msg, size, "%s:%ld:%d: invalid JSON: %s", it->src->path,
                 it->line, e->column, e->text);
}

static src_load load_jsonl(const src_list *l, const src_item *it,
                           src_doc *doc, char *msg, size_t size)
{
    jsonl_doc jd;
    jsonl_error e;
    if (!jsonl_scan(it->json_line, it->json_len, &jd, &e)) {
        jsonl_message(it, &e, msg, size);
        return SRC_FAILED;
    }
    if (!in_shard(l, jd.id.str)) {
        jsonl_doc_free(&jd);
        return SRC_OTHER_SHARD;
    }
    doc->owned[0] = jd.id.str;
    doc->owned[1] = jd.text.str;
    doc->name = jd.id.str;
    doc->text = jd.text.str;
    doc->len = jd.text.len;
    snprintf(doc->where, sizeof doc->where, "%s:%ld", it->src->path,
             it->line);
    if (jd.text.nul_at)
        warn_nul(doc, jd.text.str, jd.text.len, true);
    jsonl_date(doc, &jd.date);
    free(jd.date.str);
    return SRC_LOADED;
}

src_load src_doc_load(const src_list *l, const src_item *it, src_doc *doc,
                      char *msg, size_t size)
{
    memset(doc, 0, sizeof *doc);
    if (it->src->kind == SRC_JSONL)
        return load_jsonl(l, it, doc, msg, size);
    return load_file(l, it, doc, msg, size);
}

void src_doc_free(src_doc *doc)
{
    free(doc->owned[0]);
    free(doc->owned[1]);
    memset(doc, 0, sizeof *doc);
}
