/* Open actors: with --open-actors, a capitalised name in no dictionary
 * that stands where an actor would (the subject or object of a relation
 * verb, the names --suggest lists) becomes an actor of its own for the
 * document: a node "unknown:SLUG" labelled with the name as written.
 * Open actors are numbered from the dictionary's count on, so the rest of
 * extraction handles them like any actor index. */
#include "internal.h"

/* The name in chunk k that --suggest would list: tokens [*b, *e) after its
 * determiners, one to six capitalised words (small joining words inside
 * allowed), not a lone capital at the start of the sentence.  False if the
 * chunk is no such name. */
bool unknown_name_span(const ctx *c, const chunk *k, size_t *b, size_t *e)
{
    if (!k || k->actors.n || k->person || k->pronoun)
        return false;
    size_t first = k->first, last = k->last;
    while (first < last && (G(c, first) & G_DET))
        first++;
    if (last - first < 1 || last - first > 6)
        return false;
    for (size_t i = first; i < last; i++) {
        bool small = (G(c, i) & (G_PREP | G_CONJ)) && i > first && i + 1 < last;
        if (!(T(c, i)->flags & TOK_CAP) && !small)
            return false;
    }
    if (first == c->s.first && last - first == 1)
        return false; /* a lone capital at the start of a sentence */
    *b = first;
    *e = last;
    return true;
}

/* The node id of a name: "unknown:" and its words' keys joined by '-',
 * every ASCII character other than a letter or digit a '-' too. */
static char *open_id(const ctx *c, size_t b, size_t e)
{
    strbuf id = {0};
    sb_puts(&id, DYAD_OPEN_ACTOR_PREFIX);
    bool dash = true;
    for (size_t i = b; i < e; i++) {
        if (T(c, i)->flags & TOK_POSS)
            continue;
        for (const char *k = tok_key(&c->ts, i); *k; k++) {
            unsigned char ch = (unsigned char)*k;
            bool keep = ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
            if (keep)
                sb_putc(&id, (char)ch);
            else if (!dash)
                sb_putc(&id, '-');
            dash = !keep;
        }
        if (!dash)
            sb_putc(&id, '-');
        dash = true;
    }
    while (id.len > strlen(DYAD_OPEN_ACTOR_PREFIX) && id.s[id.len - 1] == '-')
        id.s[--id.len] = '\0';
    return id.s;
}

/* The name as written, its tokens' text with one space between words. */
static char *open_label(const ctx *c, size_t b, size_t e)
{
    strbuf l = {0};
    for (size_t i = b; i < e; i++) {
        if (T(c, i)->flags & TOK_POSS)
            continue;
        if (i > b && T(c, i)->start > T(c, i - 1)->end)
            sb_putc(&l, ' ');
        sb_add(&l, c->text + T(c, i)->start, T(c, i)->end - T(c, i)->start);
    }
    return l.s;
}

bool dyad_is_open_actor(const char *id)
{
    return strncmp(id, DYAD_OPEN_ACTOR_PREFIX, strlen(DYAD_OPEN_ACTOR_PREFIX)) == 0;
}

int16_t open_actor(ctx *c, size_t b, size_t e)
{
    char *id = open_id(c, b, e);
    if (strlen(id) == strlen(DYAD_OPEN_ACTOR_PREFIX)) {
        free(id);
        return -1;
    }
    for (size_t i = 0; i < c->n_open; i++)
        if (strcmp(c->open[i].id, id) == 0) {
            free(id);
            return (int16_t)(c->d->n_actors + i);
        }
    if (c->d->n_actors + c->n_open >= INT16_MAX) {
        free(id);
        return -1; /* indices are int16_t: a document past 32,767 names */
    }
    GROW(c->open, c->cap_open, c->n_open + 1);
    c->open[c->n_open] = (struct open_actor){id, open_label(c, b, e), SIZE_MAX};
    return (int16_t)(c->d->n_actors + c->n_open++);
}

const char *actor_label(const ctx *c, int16_t a)
{
    if ((size_t)a >= c->d->n_actors)
        return c->open[(size_t)a - c->d->n_actors].label;
    return c->d->actors[a].label;
}

const char *actor_id(const ctx *c, int16_t a)
{
    if ((size_t)a >= c->d->n_actors)
        return c->open[(size_t)a - c->d->n_actors].id;
    return c->d->actors[a].id;
}

void open_actors_free(ctx *c)
{
    for (size_t i = 0; i < c->n_open; i++) {
        free(c->open[i].id);
        free(c->open[i].label);
    }
    free(c->open);
}
