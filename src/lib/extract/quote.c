/* Quotes: their speakers, and the speaker of what a sentence reports. */
#include "internal.h"

void find_speakers(ctx *c)
{
    size_t n = c->ts.n;
    size_t open = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const tok *t = &c->ts.t[i];
        if (t->flags & TOK_OPENQ && open == SIZE_MAX) {
            open = i;
            continue;
        }
        if (!(t->flags & TOK_CLOSEQ) || open == SIZE_MAX)
            continue;
        if (i - open > 2000) { /* an unclosed quote: forget it */
            open = SIZE_MAX;
            continue;
        }
        struct quote q = {open, i, SIZE_MAX, 0, {{0}, 0}, false};
        /* after: ", she said" / ", said Jilani" */
        size_t j = i + 1;
        if (j < n && c->ts.t[j].punct == ',')
            j++;
        for (size_t k = j; k < n && k < j + 8; k++) {
            /* "said", not the "State" of "State Department" */
            if ((lex_gram(c->d, c->ts.t[k].atom) & G_SAY) && !(c->ts.t[k].flags & TOK_CAP)) {
                if (k > j) {
                    q.sp_first = j;
                    q.sp_last = k;
                } else {
                    q.sp_first = k + 1;
                    q.sp_last = k + 1;
                    while (q.sp_last < n && q.sp_last < k + 6 &&
                           (c->ts.t[q.sp_last].flags & TOK_WORD))
                        q.sp_last++;
                }
                break;
            }
            if (c->ts.t[k].flags & TOK_PUNCT)
                break;
        }
        /* before: "X said: “" or "X insisted that “" */
        if (q.sp_first == SIZE_MAX) {
            size_t k = open;
            while (k > 0 && (c->ts.t[k - 1].punct == ':' || c->ts.t[k - 1].punct == ',' ||
                             strcmp(tok_key(&c->ts, k - 1), "that") == 0))
                k--;
            /* "told reporters:", "told a news conference:" */
            for (size_t back = 1; back <= 4 && k > back + 1; back++) {
                const tok *w = &c->ts.t[k - back - 1];
                if ((lex_gram(c->d, w->atom) & G_SAY) && !(w->flags & TOK_CAP)) {
                    bool plain = true;
                    for (size_t b = k - back; b < k; b++)
                        plain &= (c->ts.t[b].flags & TOK_WORD) && !(c->ts.t[b].flags & TOK_CAP);
                    if (plain)
                        k -= back;
                    break;
                }
            }
            if (k > 0 && (lex_gram(c->d, c->ts.t[k - 1].atom) & G_SAY)) {
                size_t e = k - 1, b = e;
                while (b > 0 && e - b < 6 && (c->ts.t[b - 1].flags & TOK_WORD))
                    b--;
                q.sp_first = b;
                q.sp_last = e;
            }
        }
        if (q.sp_first == SIZE_MAX && c->n_quotes &&
            open - c->quotes[c->n_quotes - 1].close < 16 &&
            c->quotes[c->n_quotes - 1].sp_first != SIZE_MAX) {
            q.sp_first = c->quotes[c->n_quotes - 1].sp_first;
            q.sp_last = c->quotes[c->n_quotes - 1].sp_last;
        }
        GROW(c->quotes, c->cap_quotes, c->n_quotes + 1);
        for (size_t k = open; k <= i; k++)
            c->quote_of[k] = (int32_t)c->n_quotes;
        c->quotes[c->n_quotes++] = q;
        open = SIZE_MAX;
    }
}

/* Resolves the speaker of quote q with the context as it is now, the
 * first time the quote is read. */
void resolve_speaker(ctx *c, struct quote *q)
{
    q->resolved = true;
    if (q->sp_first == SIZE_MAX || q->sp_last <= q->sp_first)
        return;
    span saved = c->s;
    int32_t *saved_at = c->chunk_at;
    int32_t tmp[16];
    for (size_t i = 0; i < 16; i++)
        tmp[i] = -1;
    size_t last = q->sp_last - q->sp_first > 16 ? q->sp_first + 16 : q->sp_last;
    c->s = (span){(uint32_t)q->sp_first, (uint32_t)last};
    c->chunk_at = tmp;
    chunk k;
    memset(&k, 0, sizeof k);
    k.first = (uint32_t)q->sp_first;
    k.last = (uint32_t)last;
    k.noun = -1;
    k.prep = ATOM_NONE;
    while (k.first < k.last && (G(c, k.first) & G_DET) && k.last - k.first > 1 &&
           !(G(c, k.first) & G_PRON))
        k.first++;
    if (G(c, k.first) & G_DET && k.first > q->sp_first)
        k.first--;
    resolve_chunk(c, &k);
    c->s = saved;
    c->chunk_at = saved_at;
    if (k.role == ROLE_ACTOR)
        q->who = k.actors;
}

/* The speaker of what token i says: the quote's speaker, or the subject of
 * a saying verb of the sentence ("Li Jian stated that ...", "..., he
 * said").  None if the sentence reports nobody. */
aset speaker_at(ctx *c, size_t i)
{
    aset none = {{0}, 0};
    int32_t q = c->quote_of[i];
    if (q >= 0 && c->quotes[q].who.n)
        return c->quotes[q].who;
    for (size_t j = c->s.first; j < c->s.last; j++) {
        if (j == i || !((G(c, j) & G_SAY) || insisting(c, j)) || (T(c, j)->flags & TOK_CAP))
            continue;
        aset who = subject_at(c, j);
        if (who.n)
            return who;
    }
    return none;
}

/* "Qaiser Khan, Deputy Spokesperson for UNHCR, said: “...”": a quote whose
 * speaker phrase named no actor takes the subject of the saying verb right
 * before it, once the sentence's phrases are settled, for the sentences
 * of the quote still to come. */
void settle_speakers(ctx *c)
{
    for (size_t i = c->s.first; i < c->s.last; i++) {
        int32_t q = c->quote_of[i];
        if (q < 0 || c->quotes[q].open != i || c->quotes[q].who.n)
            continue;
        size_t k = i;
        while (k > c->s.first && (punct(c, k - 1, ':') || punct(c, k - 1, ',')))
            k--;
        if (k > c->s.first && (G(c, k - 1) & G_SAY) && !(T(c, k - 1)->flags & TOK_CAP)) {
            aset who = subject_at(c, k - 1);
            if (who.n == 1)
                c->quotes[q].who = who;
        }
    }
}
