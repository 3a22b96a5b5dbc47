/* Fuzz target: arbitrary bytes as one line of a .jsonl corpus, through
 * dyad's JSONL scanner (src/cli/jsonl.c), checked against Jansson: every
 * line Jansson reads as {"id": non-empty string, "text": string} the
 * scanner must read too, with the same id and text, byte for byte.  (The
 * scanner accepts more: numbers no reader can hold in keys it skips.) */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "jsonl.h"

/* What the CLI's util.c gives jsonl.c: allocation that aborts. */
void *cli_xmalloc(size_t n);
void *cli_xrealloc(void *p, size_t n);

void *cli_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        abort();
    return p;
}

void *cli_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        abort();
    return p;
}

static bool same(const jsonl_field *f, json_t *v)
{
    return f->str && f->len == json_string_length(v) &&
           memcmp(f->str, json_string_value(v), f->len) == 0;
}

/* Is there a NUL byte outside every string of the line?  Jansson reads
 * one after a value as if it were blank ('{"x": 12\0, ...}' loads), which
 * JSON does not allow; jsonl_scan refuses it with the column, so such lines
 * are no disagreement (found by this target after 2,014 s, 8.5 M runs). */
static bool nul_outside_strings(const char *s, size_t n)
{
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        if (in && s[i] == '\\')
            i++;
        else if (s[i] == '"')
            in = !in;
        else if (!in && s[i] == '\0')
            return true;
    }
    return false;
}

/* Jansson's reading of the line: id and text, or NULL. */
static json_t *reference(const char *s, size_t n, json_t **id, json_t **text)
{
    json_error_t jerr;
    json_t *doc =
        json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    *id = json_object_get(doc, "id");
    *text = json_object_get(doc, "text");
    if (!json_is_string(*id) || !json_is_string(*text) ||
        json_string_length(*id) == 0 ||
        memchr(json_string_value(*id), '\0', json_string_length(*id))) {
        json_decref(doc);
        return NULL;
    }
    return doc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    jsonl_doc doc;
    jsonl_error err;
    bool ok = jsonl_scan(s, size, &doc, &err);
    size_t bom = size >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    json_t *id, *text;
    json_t *ref = nul_outside_strings(s, size) ? NULL
                                               : reference(s + bom, size - bom, &id, &text);
    if (ref && (!ok || !same(&doc.id, id) || !same(&doc.text, text))) {
        fprintf(stderr, "jsonl_scan disagrees with Jansson: %s (%s)\n",
                ok ? "other values" : "refused", ok ? "" : err.text);
        abort();
    }
    json_decref(ref);
    if (ok)
        jsonl_doc_free(&doc);
    return 0;
}
