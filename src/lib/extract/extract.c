/* Extraction: the driver.  A document is tokenised once and cut into
 * sentences; each sentence is read in stages (see internal.h): chunks,
 * actor resolution, verbs and their frames, act nouns, and the sentence
 * rules.  Every step can be traced for `dyad explain`. */
#include "dyad/docs.h"
#include "internal.h"

/* A drop for the modality of a clause, which an act noun in the verb's
 * object shares. */
static bool modal_drop(rule_id r)
{
    return r == R_NEGATED || r == R_DENIED || r == R_HYPOTHETICAL || r == R_INVERTED_CONDITION ||
           r == R_CONDITIONAL || r == R_REQUESTED || r == R_REFUSED ||
           r == R_PLEDGED_COMPLEMENT || r == R_INFINITIVE || r == R_STOPPED ||
           r == R_DISPOSITION;
}

/* "halted EU aid to Ukraine", "blocked the aid package": a reduction (16)
 * or a rejection (12) of a cooperative act (03 to 08) stops it. */
static bool stops_cooperation(const ctx *c, const vocc *g, const chunk *k)
{
    if (g->verb < 0)
        return false;
    int vroot = atoi(c->d->verbs[g->verb].cameo);
    int nroot = atoi(c->d->nouns[k->noun / 2].cameo);
    return (vroot == 16 || vroot == 12) && nroot >= 3 && nroot <= 8;
}

/* Is act noun k the object of a relation verb whose act is not asserted
 * ("refused to sign an agreement with X") or only planned ("is working to
 * broker a deal between X and Y")?  Then neither is the noun's (dropped). */
static bool governed_away(ctx *c, const chunk *k)
{
    for (size_t j = 0; j < c->n_verbs; j++) {
        const vocc *g = &c->verbs[j];
        bool stops = g->end == k->first && stops_cooperation(c, g, k);
        if (g->end != k->first || (!modal_drop(g->verdict) && !g->planned && !stops))
            continue;
        c->n_via = 0;
        drop(c, NULL, NULL, NULL, k->noun_at, k->last,
             stops ? R_STOPPED
                   : g->planned && !modal_drop(g->verdict) ? R_PLANNED_OBJECT : g->verdict);
        return true;
    }
    return false;
}

static void read_sentence(ctx *c)
{
    size_t n = c->s.last - c->s.first;
    c->n_chunks = 0;
    c->n_verbs = 0;
    c->n_seen = 0;
    c->person_subject = false;
    c->sentence_text.len = 0;
    c->chunk_at = xrealloc(c->chunk_at, n * sizeof *c->chunk_at);
    for (size_t i = 0; i < n; i++)
        c->chunk_at[i] = -1;
    trace(c, DYAD_TRACE_SENTENCE, c->s.first, c->s.last, -1, -1, NULL, NULL, NULL, NULL);
    c->headline = title_case(c);
    /* speakers of quotes that open or continue here */
    for (size_t i = c->s.first; i < c->s.last; i++) {
        int32_t q = c->quote_of[i];
        if (q >= 0 && !c->quotes[q].resolved)
            resolve_speaker(c, &c->quotes[q]);
    }
    build_chunks(c);
    settle_chunks(c);
    settle_speakers(c);
    for (size_t i = c->s.first; i < c->s.last;) {
        size_t len;
        const chunk *k = chunk_of(c, i);
        if (k && k->first == i && (k->last - k->first > 1 || !(T(c, i)->flags & TOK_CAP) ||
                                   actor_match(c, i, c->s.last, &len) >= 0)) {
            i = k->last;
            continue;
        }
        int32_t f = verb_here(c, i, &len);
        if (f < 0) {
            i++;
            continue;
        }
        const vform *vf = &c->d->forms[f];
        bool participle = vf->form == F_PP || vf->form == F_PAST || vf->pp_too;
        if (!needs_met(c, &c->d->verbs[vf->verb], i + len) &&
            !(participle && needs_met_before(c, &c->d->verbs[vf->verb], i))) {
            /* "held talks" is no "hold" (detain): it stays a light verb */
            i += len;
            continue;
        }
        GROW(c->verbs, c->cap_verbs, c->n_verbs + 1);
        vocc *o = &c->verbs[c->n_verbs++];
        memset(o, 0, sizeof *o);
        o->subject_via = R_NONE;
        o->verdict = R_NONE;
        o->start = (uint32_t)i;
        o->end = (uint32_t)(i + len);
        o->verb = (int32_t)c->d->forms[f].verb;
        o->form = c->d->forms[f].form;
        o->pp_too = c->d->forms[f].pp_too;
        o->aux = (uint32_t)aux_start(c, i, o);
        i += len;
    }
    for (size_t i = 0; i < c->n_verbs; i++)
        read_verb(c, &c->verbs[i]);
    told_threat(c);
    prescribed_acts(c);
    promised_price(c);
    held_responsible(c);
    wished_relations(c);
    claimed_acts(c);
    for (size_t i = 0; i < c->n_chunks; i++) {
        const chunk *k = &c->chunks[i];
        if (k->noun < 0)
            continue;
        bool inside = false; /* "pledged support to": the verb's own word */
        for (size_t j = 0; j < c->n_verbs && !inside; j++)
            inside = k->noun_at >= c->verbs[j].start && k->noun_at < c->verbs[j].end;
        if (!inside && !governed_away(c, k))
            read_noun(c, k);
    }
}

/* Finds "NAME (ACR)" where NAME is an actor's name and ACR a word in
 * capitals that no dictionary knows: ACR names that actor in the whole
 * document, before its definition too (a headline's "NSC warns ..."). */
static void learn_acronyms(ctx *c, const span *sents, size_t n)
{
    for (size_t si = 0; si < n; si++)
        for (size_t i = sents[si].first; i + 3 < sents[si].last; i++) {
            int32_t a = -1;
            size_t len = lex_match(c->d, &c->d->actor_trie, &c->ts, i, sents[si].last, c->date, &a);
            if (!len || c->d->aliases[a].type != ALIAS_NAME || i + len + 2 >= sents[si].last)
                continue;
            size_t o = i + len, w = o + 1;
            int32_t other;
            if (!punct(c, o, '(') || !punct(c, w + 1, ')') || !(T(c, w)->flags & TOK_ALLCAPS) ||
                T(c, w)->end - T(c, w)->start < 2 ||
                lex_match(c->d, &c->d->actor_trie, &c->ts, w, w + 1, c->date, &other))
                continue;
            GROW(c->acronyms, c->cap_acronyms, c->n_acronyms + 1);
            c->acronyms[c->n_acronyms++] = (struct acronym){T(c, w)->atom, a};
            i = w + 1;
        }
}

/* A sentence has at most MAX_SENTENCE tokens (text_sentences cuts it
 * there); a token more is kept in case the cut falls after it. */
enum { MEMO_TOKENS = MAX_SENTENCE + 2 };

dyad_status dyad_extract(const dyad_dict *d, const char *doc, const char *text,
                         size_t len, dyad_graph *g, const dyad_extract_opts *opts,
                         dyad_error *err)
{
    size_t bad;
    if (!text_valid_utf8(text, len, &bad)) {
        int line, col;
        text_line_col(text, bad, &line, &col);
        return dyad_fail(err, DYAD_ERR_PARSE, doc, line, col, "invalid UTF-8 (byte 0x%02X)",
                         (unsigned char)text[bad]);
    }
    if (len > UINT32_MAX / 2)
        return dyad_fail(err, DYAD_ERR_INVALID, doc, 0, 0, "document larger than 2 GB");
    uint32_t date = 0;
    if (opts && opts->date && !dyad_date_number(opts->date, &date))
        return dyad_fail(err, DYAD_ERR_INVALID, doc, 0, 0,
                         "date \"%s\" is not a date (YYYY-MM-DD)", opts->date);
    ctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.text = text;
    c.doc = doc;
    c.g = g;
    c.opts = opts;
    c.date = date;
    c.last_person = c.last_group = c.last_state = c.last_org = NONE_ACTOR;
    text_tokenize(text, len, &c.ts);
    /* words outside the dictionary get atoms of their own, above the
     * dictionary's, so that names met in this document can be kept */
    c.local = atoms_new();
    uint32_t base = (uint32_t)atoms_count(d->words);
    for (size_t i = 0; i < c.ts.n; i++) {
        const char *k = tok_key(&c.ts, i);
        uint32_t a = atoms_find(d->words, k, strlen(k));
        c.ts.t[i].atom = a != ATOM_NONE ? a : base + atoms_intern(c.local, k, strlen(k));
    }
    c.state_mentions = xcalloc(d->n_actors + 1, sizeof *c.state_mentions);
    c.node_of = xmalloc((d->n_actors + 1) * sizeof *c.node_of);
    for (size_t i = 0; i < d->n_actors; i++)
        c.node_of[i] = SIZE_MAX;
    c.quote_of = xmalloc((c.ts.n + 1) * sizeof *c.quote_of);
    for (size_t i = 0; i <= c.ts.n; i++)
        c.quote_of[i] = -1;
    find_speakers(&c);
    span *sents = NULL;
    size_t n = text_sentences(text, &c.ts, &sents, MAX_SENTENCE);
    c.mm = xmalloc(MEMO_TOKENS * sizeof *c.mm);
    c.sent_end = xmalloc((c.ts.n + 1) * sizeof *c.sent_end);
    for (size_t i = 0; i < n; i++)
        for (size_t t = sents[i].first; t < sents[i].last; t++)
            c.sent_end[t] = sents[i].last;
    learn_acronyms(&c, sents, n);
    for (size_t i = 0; i < n; i++) {
        c.sentence = (long)i + 1;
        c.s = sents[i];
        c.mm_first = c.s.first;
        c.mm_n = c.s.last - c.s.first < MEMO_TOKENS ? c.s.last - c.s.first : MEMO_TOKENS;
        memset(c.mm, 0, c.mm_n * sizeof *c.mm);
        read_sentence(&c);
    }
    dyad_graph_count(g, 1, (long)n);
    dyad_graph_document(g, doc ? doc : "", NULL);
    free(sents);
    free(c.node_of);
    free(c.state_mentions);
    open_actors_free(&c);
    free(c.acronyms);
    free(c.quote_of);
    free(c.mm);
    free(c.sent_end);
    free(c.quotes);
    atoms_free(c.local);
    free(c.chunks);
    free(c.chunk_at);
    free(c.verbs);
    free(c.persons);
    free(c.memos);
    free(c.seen);
    sb_free(&c.sentence_text);
    sb_free(&c.path);
    tokens_free(&c.ts);
    return DYAD_OK;
}
