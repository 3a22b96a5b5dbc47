/* Loading the actor and verb dictionaries (JSON) into tries. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "dyad/docs.h"
#include "dyad/extract.h"
#include "lex.h"
#include "util.h"

extern const char dyad_data_actors[];
extern const char dyad_data_verbs[];

const char *dyad_dict_builtin_actors(void) { return dyad_data_actors; }
const char *dyad_dict_builtin_verbs(void) { return dyad_data_verbs; }

#define MAX_WORDS 16

typedef struct loader {
    dyad_dict *d;
    const char *source; /* file name for errors */
    dyad_error *err;
} loader;

static dyad_status shape(loader *l, const char *path, const char *want)
{
    return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                     "%s: expected %s", path, want);
}

static dyad_status load_json(const char *path, const char *builtin,
                             const char *name, json_t **out, dyad_error *err)
{
    json_error_t je;
    json_t *root = path ? json_load_file(path, JSON_REJECT_DUPLICATES, &je)
                        : json_loads(builtin, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        dyad_status st = DYAD_ERR_PARSE;
        if (json_error_code(&je) == json_error_cannot_open_file)
            st = DYAD_ERR_IO;
        return dyad_fail(err, st, path ? path : name, je.line > 0 ? je.line : 0,
                         je.column > 0 ? je.column : 0, "%s", je.text);
    }
    if (!json_is_object(root)) {
        json_decref(root);
        return dyad_fail(err, DYAD_ERR_INVALID, path ? path : name, 0, 0,
                         "expected a JSON object at the top");
    }
    *out = root;
    return DYAD_OK;
}

static int32_t add_alias(dyad_dict *d, alias a)
{
    GROW(d->aliases, d->cap_aliases, d->n_aliases + 1);
    d->aliases[d->n_aliases] = a;
    return (int32_t)d->n_aliases++;
}

/* Puts words on a trie path; returns the end node or UINT32_MAX if the
 * entry has no words or too many. */
static uint32_t trie_path(dyad_dict *d, trie *t, const char *s, bool *caps,
                          size_t *n_words)
{
    uint32_t w[MAX_WORDS];
    size_t n = lex_words(d, s, w, MAX_WORDS, caps);
    if (n_words)
        *n_words = n;
    if (n == 0)
        return UINT32_MAX;
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++)
        node = trie_step(t, node, w[i], true);
    return node;
}

/* True if token t of s is one lower-case letter ("a", "é"). */
static bool one_lower_letter(const char *s, const tok *t)
{
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(
        (const utf8proc_uint8_t *)s + t->start,
        (utf8proc_ssize_t)(t->end - t->start), &cp);
    return n > 0 && (size_t)n == t->end - t->start &&
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* An alias that would match nearly anything: one of only punctuation
 * ("." would make "China," an actor) or whose only word is a single
 * lower-case letter ("a" would make "attacked a village" one).  Returns
 * the reason, or NULL. */
static const char *alias_problem(const char *s)
{
    tokens ts = {0};
    text_tokenize(s, strlen(s), &ts);
    size_t words = 0, last = 0;
    for (size_t i = 0; i < ts.n; i++)
        if ((ts.t[i].flags & TOK_WORD) && !(ts.t[i].flags & TOK_POSS)) {
            words++;
            last = i;
        }
    bool letter = words == 1 && one_lower_letter(s, &ts.t[last]);
    tokens_free(&ts);
    if (words == 0)
        return "has no letter or digit, so it would match punctuation";
    if (letter)
        return "is a single lower-case letter, so it would match that word "
               "anywhere";
    return NULL;
}

/* A role's dates overlap another's: [since, until], 0 open at either end. */
static bool roles_overlap(const alias *a, uint32_t since, uint32_t until)
{
    return (!a->until || !since || since <= a->until) &&
           (!until || !a->since || a->since <= until);
}

/* Puts one name of actor_i on the actor trie.  A name already there is
 * refused when it names another actor at a time this role covers too
 * (undated roles cover all time); otherwise the role joins its chain. */
static dyad_status add_name(loader *l, const char *path, size_t actor_i,
                            const char *text, uint8_t type, uint32_t since,
                            uint32_t until)
{
    const char *why = alias_problem(text);
    if (why)
        return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                         "%s: \"%s\" %s", path, text, why);
    bool caps;
    uint32_t node = trie_path(l->d, &l->d->actor_trie, text, &caps, NULL);
    if (node == UINT32_MAX)
        return shape(l, path, "one to 16 words");
    int32_t head = l->d->actor_trie.value[node];
    for (int32_t v = head; v >= 0; v = l->d->aliases[v].next) {
        const alias *a = &l->d->aliases[v];
        if (!roles_overlap(a, since, until))
            continue;
        if (a->actor == actor_i && a->since == since && a->until == until)
            return DYAD_OK; /* the same actor twice: harmless */
        if (a->actor != actor_i)
            return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                             "%s: \"%s\" already names %s%s", path, text,
                             l->d->actors[a->actor].label,
                             a->since || a->until ? " at a time this role covers" : "");
    }
    alias a = {(uint32_t)actor_i, type, caps && type != ALIAS_PERSON, since, until, head};
    l->d->actor_trie.value[node] = add_alias(l->d, a);
    return DYAD_OK;
}

/* A role's date: YYYY-MM-DD, or YYYY-MM or YYYY for a whole month or year
 * (its first day as a since, its last as an until), as YYYYMMDD. */
static bool role_date(const char *s, bool end, uint32_t *out)
{
    size_t n = strlen(s);
    char full[DYAD_DATE_SIZE];
    if (n == 4)
        snprintf(full, sizeof full, "%s-%s", s, end ? "12-31" : "01-01");
    else if (n == 7)
        snprintf(full, sizeof full, "%s-%s", s, end ? "28" : "01");
    else if (n == 10)
        snprintf(full, sizeof full, "%s", s);
    else
        return false;
    if (!dyad_date_number(full, out))
        return false;
    if (n == 7 && end)
        *out += 3; /* the 31st: every date of the month is before it */
    return true;
}

static dyad_status role_bound(loader *l, const char *path, json_t *o,
                              const char *key, bool end, uint32_t *out)
{
    json_t *v = json_object_get(o, key);
    *out = 0;
    if (!v || json_is_null(v))
        return DYAD_OK;
    if (!json_is_string(v) || !role_date(json_string_value(v), end, out))
        return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                         "%s.%s: expected a date YYYY-MM-DD (or YYYY-MM, YYYY)",
                         path, key);
    return DYAD_OK;
}

/* A person with dated roles: {"names": [...], "since": ..., "until": ...,
 * "role": "..."}; "role" is for the reader. */
static dyad_status add_dated_person(loader *l, const char *path,
                                    size_t actor_i, json_t *o)
{
    uint32_t since, until;
    dyad_status st = role_bound(l, path, o, "since", false, &since);
    if (!st)
        st = role_bound(l, path, o, "until", true, &until);
    if (st)
        return st;
    if (since && until && since > until)
        return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                         "%s: \"since\" is after \"until\"", path);
    json_t *names = json_object_get(o, "names"), *role = json_object_get(o, "role");
    if (!json_is_array(names) || json_array_size(names) == 0)
        return shape(l, path, "\"names\": an array of strings");
    if (role && !json_is_string(role))
        return shape(l, path, "\"role\": a string");
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
        if (strcmp(key, "names") && strcmp(key, "since") && strcmp(key, "until") &&
            strcmp(key, "role"))
            return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                             "%s: unknown field \"%s\" (a person has names, "
                             "since, until and role)", path, key);
    size_t i;
    char item[200];
    json_array_foreach(names, i, v) {
        snprintf(item, sizeof item, "%s.names[%zu]", path, i);
        if (!json_is_string(v))
            return shape(l, item, "a string");
        st = add_name(l, item, actor_i, json_string_value(v), ALIAS_PERSON, since, until);
        if (st)
            return st;
    }
    return DYAD_OK;
}

static dyad_status add_actor_words(loader *l, size_t actor_i, json_t *list,
                                   const char *field, uint8_t type)
{
    if (!list)
        return DYAD_OK;
    char path[160];
    snprintf(path, sizeof path, "actors[%zu].%s", actor_i, field);
    if (!json_is_array(list))
        return shape(l, path, "an array of strings");
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        snprintf(path, sizeof path, "actors[%zu].%s[%zu]", actor_i, field, i);
        dyad_status st;
        if (type == ALIAS_PERSON && json_is_object(v))
            st = add_dated_person(l, path, actor_i, v);
        else if (!json_is_string(v))
            st = shape(l, path, type == ALIAS_PERSON
                                    ? "a string, or an object with names, since and until"
                                    : "a string");
        else
            st = add_name(l, path, actor_i, json_string_value(v), type, 0, 0);
        if (st)
            return st;
    }
    return DYAD_OK;
}

static const char *str_field(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* ids: the ids seen so far, for a linear check of repeats (a scan of
 * all earlier actors made 100,000 actors take 24 s). */
static dyad_status load_actor(loader *l, size_t i, json_t *o, atoms *ids)
{
    char path[64];
    snprintf(path, sizeof path, "actors[%zu]", i);
    if (!json_is_object(o))
        return shape(l, path, "an object with id, label and names");
    const char *id = str_field(o, "id"), *label = str_field(o, "label");
    const char *kind = str_field(o, "kind");
    if (!id || !*id || !label || !*label)
        return shape(l, path, "string fields \"id\" and \"label\"");
    if (dyad_is_open_actor(id))
        return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                         "%s: id \"%s\": ids starting with \"%s\" are kept for "
                         "open actors (--open-actors)", path, id, DYAD_OPEN_ACTOR_PREFIX);
    actor *a = &l->d->actors[i];
    a->id = xstrdup(id);
    a->label = xstrdup(label);
    a->kind = KIND_STATE;
    if (kind && strcmp(kind, "group") == 0)
        a->kind = KIND_GROUP;
    else if (kind && strcmp(kind, "organisation") == 0)
        a->kind = KIND_ORG;
    else if (kind && strcmp(kind, "state") != 0)
        return shape(l, path, "\"kind\" state, group or organisation");
    size_t seen = atoms_count(ids);
    if (atoms_intern(ids, id, strlen(id)) != seen)
        return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                         "%s: id \"%s\" is used twice", path, id);
    dyad_status st = add_actor_words(l, i, json_object_get(o, "names"), "names", ALIAS_NAME);
    if (!st)
        st = add_actor_words(l, i, json_object_get(o, "adjectives"), "adjectives", ALIAS_ADJ);
    if (!st)
        st = add_actor_words(l, i, json_object_get(o, "people"), "people", ALIAS_PERSON);
    return st;
}

static const struct {
    const char *name;
    int bit;
} classes[] = {{"agent", NC_AGENT},   {"member", NC_MEMBER},
               {"place", NC_PLACE},   {"people", NC_PEOPLE},
               {"title", NC_TITLE}};
#define N_CLASSES (sizeof classes / sizeof *classes)

/* A class dyad does not know was ignored silently: refuse it, so that a
 * misspelt "agnet" is found. */
static dyad_status check_class_names(loader *l, json_t *nouns)
{
    const char *key;
    json_t *list;
    json_object_foreach(nouns, key, list) {
        size_t c = 0;
        while (c < N_CLASSES && strcmp(classes[c].name, key) != 0)
            c++;
        if (c == N_CLASSES)
            return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                             "nouns.%s: unknown noun class (agent, member, "
                             "place, people or title)",
                             key);
    }
    return DYAD_OK;
}

static dyad_status load_classes(loader *l, json_t *nouns)
{
    if (!nouns)
        return DYAD_OK;
    if (!json_is_object(nouns))
        return shape(l, "nouns", "an object of word lists");
    if (check_class_names(l, nouns) != DYAD_OK)
        return DYAD_ERR_INVALID;
    for (size_t c = 0; c < N_CLASSES; c++) {
        json_t *list = json_object_get(nouns, classes[c].name);
        char path[64];
        snprintf(path, sizeof path, "nouns.%s", classes[c].name);
        if (!list)
            continue;
        if (!json_is_array(list))
            return shape(l, path, "an array of strings");
        size_t i;
        json_t *v;
        json_array_foreach(list, i, v) {
            snprintf(path, sizeof path, "nouns.%s[%zu]", classes[c].name, i);
            if (!json_is_string(v))
                return shape(l, path, "a string");
            uint32_t node = trie_path(l->d, &l->d->class_trie, json_string_value(v), NULL, NULL);
            if (node == UINT32_MAX)
                return shape(l, path, "one to 16 words");
            int32_t *val = &l->d->class_trie.value[node];
            *val = (*val < 0 ? 0 : *val) | classes[c].bit;
        }
    }
    return DYAD_OK;
}

static dyad_status load_actors(dyad_dict *d, const char *path, dyad_error *err)
{
    json_t *root;
    dyad_status st = load_json(path, dyad_data_actors, "built-in actors.json", &root, err);
    if (st)
        return st;
    loader l = {d, path ? path : "built-in actors.json", err};
    json_t *list = json_object_get(root, "actors");
    if (!json_is_array(list)) {
        st = shape(&l, "actors", "an array of actors");
        goto out;
    }
    d->n_actors = json_array_size(list);
    d->actors = xcalloc(d->n_actors, sizeof *d->actors);
    atoms *ids = atoms_new();
    for (size_t i = 0; i < d->n_actors && !st; i++)
        st = load_actor(&l, i, json_array_get(list, i), ids);
    atoms_free(ids);
    if (!st)
        st = load_classes(&l, json_object_get(root, "nouns"));
out:
    json_decref(root);
    return st;
}

/* Graphs refuse a Goldstein value off the scale, so a dictionary must. */
static dyad_status check_scale(loader *l, const char *path, double g)
{
    if (g >= -10.0 && g <= 10.0)
        return DYAD_OK;
    return dyad_fail(l->err, DYAD_ERR_INVALID, l->source, 0, 0,
                     "%s: \"goldstein\" %g is outside the Goldstein scale "
                     "[-10, 10]",
                     path, g);
}

static dyad_status parse_code(loader *l, const char *path, json_t *o,
                              char code[8], char cameo[3], double *gold)
{
    const char *c = str_field(o, "code");
    size_t n = c ? strlen(c) : 0;
    bool digits = n >= 2 && n <= 4;
    for (size_t i = 0; i < n && digits; i++)
        digits = c[i] >= '0' && c[i] <= '9';
    int root = digits ? (c[0] - '0') * 10 + (c[1] - '0') : 0;
    if (!digits || root < 1 || root > 20)
        return shape(l, path, "\"code\": a CAMEO code of 2 to 4 digits, root 01 to 20");
    snprintf(code, 8, "%s", c);
    snprintf(cameo, 3, "%.2s", c);
    json_t *g = json_object_get(o, "goldstein");
    if (g && !json_is_number(g))
        return shape(l, path, "\"goldstein\" as a number");
    *gold = g ? json_number_value(g) : l->d->root_goldstein[root];
    return check_scale(l, path, *gold);
}

static void add_form(dyad_dict *d, uint32_t node, uint32_t verb_i, int form)
{
    if (d->verb_trie.value[node] >= 0) {
        vform *old = &d->forms[d->verb_trie.value[node]];
        if (old->verb == verb_i && form == F_PP)
            old->pp_too = true; /* "hit": base, past and participle */
        return; /* an earlier verb has this form: first wins */
    }
    GROW(d->forms, d->cap_forms, d->n_forms + 1);
    d->forms[d->n_forms] = (vform){verb_i, (uint8_t)form, form == F_PP};
    d->verb_trie.value[node] = (int32_t)d->n_forms++;
}

static dyad_status load_verb(loader *l, size_t i, json_t *o)
{
    static const char *const form_keys[] = {"base", "s", "past", "pp", "ing"};
    static const char *const modes[] = {"plain", "request", "promise", "warn", "accuse"};
    char path[64];
    snprintf(path, sizeof path, "verbs[%zu]", i);
    if (!json_is_object(o))
        return shape(l, path, "an object with verb and code");
    verb *v = &l->d->verbs[i];
    const char *lemma = str_field(o, "verb");
    if (!lemma || !*lemma)
        return shape(l, path, "a string field \"verb\"");
    v->lemma = xstrdup(lemma);
    dyad_status st = parse_code(l, path, o, v->code, v->cameo, &v->goldstein);
    if (st)
        return st;
    const char *mode = str_field(o, "mode");
    v->mode = MODE_PLAIN;
    if (mode) {
        size_t m = 0;
        while (m < 5 && strcmp(modes[m], mode) != 0)
            m++;
        if (m == 5)
            return shape(l, path, "\"mode\" request, promise, warn or accuse");
        v->mode = (int)m;
    }
    v->reciprocal = json_is_true(json_object_get(o, "reciprocal"));
    v->split = json_is_true(json_object_get(o, "split"));
    json_t *obj = json_object_get(o, "object");
    v->object = !obj || json_is_true(obj);
    json_t *needs = json_object_get(o, "needs");
    if (needs) {
        if (!json_is_array(needs))
            return shape(l, path, "\"needs\" as an array of words");
        v->needs = xcalloc(json_array_size(needs) + 1, sizeof *v->needs);
        size_t k;
        json_t *w;
        json_array_foreach(needs, k, w) {
            if (!json_is_string(w))
                return shape(l, path, "\"needs\" as an array of words");
            if (strcmp(json_string_value(w), "@actor") == 0) {
                v->needs_actor = true; /* "suspended Niger" */
                continue;
            }
            if (strcmp(json_string_value(w), "@organisation") == 0) {
                v->needs_org = true; /* "joined NATO" */
                continue;
            }
            char *key;
            size_t key_len;
            text_key(json_string_value(w), strlen(json_string_value(w)), &key, &key_len);
            v->needs[v->n_needs++] = atoms_intern(l->d->words, key, key_len);
            free(key);
        }
    }
    json_t *forms = json_object_get(o, "forms");
    if (forms && !json_is_object(forms))
        return shape(l, path, "\"forms\" as an object (s, past, pp, ing)");
    /* the inflected word: the first, or the second after an adverb
     * ("violently resist") */
    const char *head = lemma, *rest = strchr(lemma, ' ');
    size_t head_len = rest ? (size_t)(rest - lemma) : strlen(lemma);
    if (rest && head_len > 2 && strncmp(lemma + head_len - 2, "ly", 2) == 0) {
        head = rest + 1;
        rest = strchr(head, ' ');
        head_len = rest ? (size_t)(rest - head) : strlen(head);
    }
    char *first = xstrndup(head, head_len);
    char *adverb = head == lemma ? NULL : xstrndup(lemma, (size_t)(head - lemma));
    for (int f = 0; f < F_NFORMS; f++) {
        strbuf b = {0};
        if (adverb)
            sb_puts(&b, adverb);
        const char *given = forms ? str_field(forms, form_keys[f]) : NULL;
        if (given)
            sb_puts(&b, given);
        else if (f == F_PP && forms && str_field(forms, "past"))
            sb_puts(&b, str_field(forms, "past"));
        else
            lex_inflect(first, f, &b);
        if (v->split && rest) {
            /* the particle may also come after the object */
            const char *particle = strrchr(lemma, ' ') + 1;
            uint32_t node = trie_path(l->d, &l->d->split_trie, b.s, NULL, NULL);
            if (node != UINT32_MAX && l->d->split_trie.value[node] < 0) {
                GROW(l->d->forms, l->d->cap_forms, l->d->n_forms + 1);
                l->d->forms[l->d->n_forms] = (vform){(uint32_t)i, (uint8_t)f, f == F_PP};
                l->d->split_trie.value[node] = (int32_t)l->d->n_forms++;
            }
            v->particle = atoms_intern(l->d->words, particle, strlen(particle));
        }
        if (rest)
            sb_puts(&b, rest);
        uint32_t node = trie_path(l->d, &l->d->verb_trie, b.s, NULL, &v->n_words);
        sb_free(&b);
        if (node == UINT32_MAX) {
            free(first);
            free(adverb);
            return shape(l, path, "\"verb\" of one to 16 words");
        }
        add_form(l->d, node, (uint32_t)i, f);
    }
    free(first);
    free(adverb);
    return DYAD_OK;
}

static dyad_status prep_list(loader *l, const char *path, json_t *o,
                             const char *key, uint32_t out[6])
{
    json_t *list = json_object_get(o, key);
    size_t n = 0;
    if (list && !json_is_array(list))
        return shape(l, path, "prepositions as an array of words");
    size_t k;
    json_t *w;
    json_array_foreach(list, k, w) {
        if (!json_is_string(w) || n >= 5)
            return shape(l, path, "at most five prepositions as strings");
        const char *s = json_string_value(w);
        out[n++] = atoms_intern(l->d->words, s, strlen(s));
    }
    out[n] = ATOM_NONE;
    return DYAD_OK;
}

static void add_noun_form(dyad_dict *d, const char *s, int32_t value)
{
    uint32_t node = trie_path(d, &d->noun_trie, s, NULL, NULL);
    if (node != UINT32_MAX && d->noun_trie.value[node] < 0)
        d->noun_trie.value[node] = value;
}

static dyad_status load_noun(loader *l, size_t i, json_t *o)
{
    char path[64];
    snprintf(path, sizeof path, "nouns[%zu]", i);
    if (!json_is_object(o))
        return shape(l, path, "an object with noun and code");
    noun *n = &l->d->nouns[i];
    const char *lemma = str_field(o, "noun");
    if (!lemma || !*lemma)
        return shape(l, path, "a string field \"noun\"");
    n->lemma = xstrdup(lemma);
    dyad_status st = parse_code(l, path, o, n->code, n->cameo, &n->goldstein);
    if (!st)
        st = prep_list(l, path, o, "agent", n->agent);
    if (!st)
        st = prep_list(l, path, o, "target", n->target);
    if (st)
        return st;
    const char *poss = str_field(o, "possessive");
    n->poss_target = poss && strcmp(poss, "target") == 0;
    n->between = json_is_true(json_object_get(o, "between"));
    add_noun_form(l->d, lemma, (int32_t)i * 2);
    const char *plural = str_field(o, "plural");
    strbuf b = {0};
    if (plural)
        sb_puts(&b, plural);
    else
        lex_inflect(lemma, F_S, &b);
    add_noun_form(l->d, b.s, (int32_t)i * 2 + 1);
    sb_free(&b);
    return DYAD_OK;
}

static dyad_status load_roots(loader *l, json_t *roots)
{
    static const double defaults[21] = {0, 0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0,
                                        5.0, -2.0, -5.0, -2.0, -4.0, -6.0, -6.5,
                                        -7.2, -4.0, -7.0, -9.0, -10.0, -10.0};
    memcpy(l->d->root_goldstein, defaults, sizeof defaults);
    if (!roots)
        return DYAD_OK;
    if (!json_is_object(roots))
        return shape(l, "roots", "an object keyed by root code");
    const char *key;
    json_t *v;
    json_object_foreach(roots, key, v) {
        int r = atoi(key);
        json_t *g = json_object_get(v, "goldstein");
        if (r < 1 || r > 20 || strlen(key) != 2)
            return shape(l, "roots", "keys \"01\" to \"20\"");
        if (g && !json_is_number(g))
            return shape(l, "roots", "\"goldstein\" values as numbers");
        char path[32];
        snprintf(path, sizeof path, "roots.%s", key);
        if (g && check_scale(l, path, json_number_value(g)) != DYAD_OK)
            return DYAD_ERR_INVALID;
        if (g)
            l->d->root_goldstein[r] = json_number_value(g);
    }
    return DYAD_OK;
}

static dyad_status load_verbs(dyad_dict *d, const char *path, dyad_error *err)
{
    json_t *root;
    dyad_status st = load_json(path, dyad_data_verbs, "built-in verbs.json", &root, err);
    if (st)
        return st;
    loader l = {d, path ? path : "built-in verbs.json", err};
    json_t *verbs = json_object_get(root, "verbs");
    json_t *nouns = json_object_get(root, "nouns");
    st = load_roots(&l, json_object_get(root, "roots"));
    if (st)
        goto out;
    if (!json_is_array(verbs)) {
        st = shape(&l, "verbs", "an array of verbs");
        goto out;
    }
    if (nouns && !json_is_array(nouns)) {
        st = shape(&l, "nouns", "an array of nouns");
        goto out;
    }
    d->n_verbs = json_array_size(verbs);
    d->verbs = xcalloc(d->n_verbs, sizeof *d->verbs);
    for (size_t i = 0; i < d->n_verbs && !st; i++)
        st = load_verb(&l, i, json_array_get(verbs, i));
    d->n_nouns = nouns ? json_array_size(nouns) : 0;
    d->nouns = xcalloc(d->n_nouns, sizeof *d->nouns);
    for (size_t i = 0; i < d->n_nouns && !st; i++)
        st = load_noun(&l, i, json_array_get(nouns, i));
out:
    json_decref(root);
    return st;
}

dyad_status dyad_dict_new(dyad_dict **out, const char *actors_path,
                          const char *verbs_path, dyad_error *err)
{
    dyad_dict *d = xcalloc(1, sizeof *d);
    d->words = atoms_new();
    trie_init(&d->actor_trie);
    trie_init(&d->class_trie);
    trie_init(&d->verb_trie);
    trie_init(&d->split_trie);
    trie_init(&d->noun_trie);
    lex_load_grammar(d);
    dyad_status st = load_actors(d, actors_path, err);
    if (!st)
        st = load_verbs(d, verbs_path, err);
    if (st) {
        dyad_dict_free(d);
        *out = NULL;
        return st;
    }
    *out = d;
    return DYAD_OK;
}

void dyad_dict_free(dyad_dict *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_actors; i++) {
        free(d->actors[i].id);
        free(d->actors[i].label);
    }
    for (size_t i = 0; i < d->n_verbs; i++) {
        free(d->verbs[i].lemma);
        free(d->verbs[i].needs);
    }
    for (size_t i = 0; i < d->n_nouns; i++)
        free(d->nouns[i].lemma);
    free(d->actors);
    free(d->aliases);
    free(d->verbs);
    free(d->forms);
    free(d->nouns);
    free(d->gram);
    trie_free(&d->actor_trie);
    trie_free(&d->class_trie);
    trie_free(&d->verb_trie);
    trie_free(&d->split_trie);
    trie_free(&d->noun_trie);
    atoms_free(d->words);
    free(d);
}

size_t dyad_dict_n_actors(const dyad_dict *d) { return d->n_actors; }
const char *dyad_dict_actor_id(const dyad_dict *d, size_t i) { return d->actors[i].id; }
const char *dyad_dict_actor_label(const dyad_dict *d, size_t i) { return d->actors[i].label; }
size_t dyad_dict_n_verbs(const dyad_dict *d) { return d->n_verbs; }
