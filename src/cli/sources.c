/* Sources: files, directories of *.txt, .jsonl corpora and stdin, listed,
 * walked and loaded one document at a time (see sources.h). */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sources.h"

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
    s->name = name ? cli_xstrdup(name) : NULL;
}

void src_list_free(src_list *l)
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

static int add_directory(src_list *l, const char *root, bool keep_going)
{
    walk w = {.keep_going = keep_going, .rc = CLI_OK};
    walk_dir(&w, root, "");
    if (w.n > 1)
        qsort(w.rel, w.n, sizeof *w.rel, cmp_str);
    for (size_t i = 0; i < w.n; i++) {
        char *path = join_path(root, w.rel[i]);
        if (w.rc == CLI_OK)
            src_add(l, SRC_FILE, path, w.rel[i]);
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

int src_list_add_path(src_list *l, const char *path, bool keep_going)
{
    if (strcmp(path, "-") == 0) {
        src_add(l, SRC_STDIN, "-", "stdin");
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
        src_add(l, SRC_JSONL, path, NULL);
    else
        src_add(l, SRC_FILE, path, cli_base_name(path));
    return CLI_OK;
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
static json_t *parse_line(const src_item *it, char *msg, size_t size)
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


bool src_list_has_jsonl(const src_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].kind == SRC_JSONL)
            return true;
    return false;
}

/* ---- the cursor ---- */

/* Reads the next line of the open .jsonl source into it; SRC_END at the
 * end of the file (which is then closed), SRC_PROBLEM if it cannot be
 * read. */
static src_next next_jsonl_line(src_cursor *c, const src *s, src_item *it,
                                char *msg, size_t size)
{
    char *line = NULL;
    size_t cap = 0;
    for (;;) {
        ssize_t n = getline(&line, &cap, c->jsonl);
        if (n < 0)
            break;
        c->line++;
        size_t len = (size_t)n;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (is_blank_line(line, len))
            continue; /* blank lines are allowed */
        it->src = s;
        it->line = c->line;
        it->json_line = line;
        it->json_len = len;
        return SRC_ITEM;
    }
    free(line);
    src_next r = SRC_END;
    if (ferror(c->jsonl)) {
        snprintf(msg, size, "%s: cannot read: %s", s->path,
                 strerror(errno ? errno : EIO));
        r = SRC_PROBLEM;
    }
    fclose(c->jsonl);
    c->jsonl = NULL;
    return r;
}

src_next src_cursor_next(src_cursor *c, src_item *it, char *msg,
                         size_t size)
{
    memset(it, 0, sizeof *it);
    while (c->next < c->list->n) {
        const src *s = &c->list->items[c->next];
        if (s->kind != SRC_JSONL) {
            it->src = s;
            c->next++;
            return SRC_ITEM;
        }
        if (!c->jsonl) {
            c->jsonl = fopen(s->path, "rb");
            c->line = 0;
            if (!c->jsonl) {
                snprintf(msg, size, "%s: cannot open: %s", s->path,
                         strerror(errno));
                c->next++;
                return SRC_PROBLEM;
            }
        }
        src_next r = next_jsonl_line(c, s, it, msg, size);
        if (r == SRC_ITEM)
            return r;
        c->next++;
        if (r == SRC_PROBLEM)
            return r;
    }
    return SRC_END;
}

void src_cursor_close(src_cursor *c)
{
    if (c->jsonl)
        fclose(c->jsonl);
    c->jsonl = NULL;
}

void src_item_free(src_item *it)
{
    free(it->json_line);
    it->json_line = NULL;
}

/* ---- loading a document ---- */

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
static void jsonl_date(src_doc *doc, json_t *obj)
{
    json_t *v = json_object_get(obj, "date");
    doc->date[0] = '\0';
    if (!v || json_is_null(v))
        return;
    if (json_is_string(v) && dyad_date_parse(json_string_value(v),
                                             json_string_length(v),
                                             doc->date))
        return;
    cli_warn("%s: \"date\" is not a date (YYYY-MM-DD); document '%s' has "
             "none",
             doc->where, doc->name);
}

static bool load_file(const src_item *it, src_doc *doc, char *msg,
                      size_t size)
{
    char *text;
    size_t len;
    dyad_error err = {0};
    dyad_status st = cli_read_file(it->src->path, &text, &len, &err);
    if (st != DYAD_OK) {
        cli_format_error(&err, msg, size);
        return false;
    }
    doc->name = it->src->name;
    snprintf(doc->where, sizeof doc->where, "%s",
             it->src->kind == SRC_STDIN ? "stdin" : it->src->path);
    file_date(text, len, doc->date);
    doc->owned = text;
    doc->text = text;
    doc->len = len;
    return true;
}

static bool load_jsonl(const src_item *it, src_doc *doc, char *msg,
                       size_t size)
{
    json_t *obj = parse_line(it, msg, size);
    if (!obj)
        return false;
    json_t *text = json_object_get(obj, "text");
    doc->json = obj;
    doc->name = json_string_value(json_object_get(obj, "id"));
    snprintf(doc->where, sizeof doc->where, "%s:%ld", it->src->path,
             it->line);
    doc->text = json_string_value(text);
    doc->len = json_string_length(text);
    jsonl_date(doc, obj);
    return true;
}

bool src_doc_load(const src_item *it, src_doc *doc, char *msg, size_t size)
{
    memset(doc, 0, sizeof *doc);
    if (it->src->kind == SRC_JSONL)
        return load_jsonl(it, doc, msg, size);
    return load_file(it, doc, msg, size);
}

void src_doc_free(src_doc *doc)
{
    free(doc->owned);
    json_decref(doc->json);
    memset(doc, 0, sizeof *doc);
}
