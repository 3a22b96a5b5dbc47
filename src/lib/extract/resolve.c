/* Actor resolution: what each noun phrase names (a name, an adjective
 * with an agent noun, a person, a pronoun, a short form, a place), in the
 * document's context. */
#include "internal.h"

/* Resolves tokens [first, last) of a phrase without a possessive. */
/* What the words of a phrase hold, before its role is decided. */
typedef struct phrase {
    size_t first, last;
    aset names, adjs, persons;
    bool former, unknown_cap, terror, any_person, any_agent;
    size_t name_end, adj_end;
    int head_class;
} phrase;

/* An actor mention of len tokens at i, alias a: counts it as a name, an
 * adjective or a person of the phrase. */
static void scan_mention(ctx *c, phrase *ph, size_t i, size_t len, int32_t a)
{
    const alias *al = &c->d->aliases[a];
    if (al->type == ALIAS_NAME && i > ph->first && c->d->actors[al->actor].kind != KIND_GROUP) {
        /* "Chinese Foreign Office", "Bangladesh Foreign Office": the word
         * before owns the institution */
        if (ph->adj_end == i) {
            if (i + len == ph->last)
                ph->head_class |= NC_AGENT;
            ph->adj_end = i + len;
            return;
        }
        if ((T(c, i - 1)->flags & TOK_CAP) && !(G(c, i - 1) & (G_DET | G_HONORIFIC)) &&
            !(T(c, i - 1)->flags & TOK_POSS) && i - 1 >= ph->name_end && i - 1 != ph->first) {
            ph->unknown_cap = true;
            return;
        }
    }
    size_t cl_len;
    if (al->type == ALIAS_PERSON) {
        aset_add(&ph->persons, (int16_t)al->actor);
        ph->any_person = true;
        /* "Mufti Noor Wali Mahsud", where the dictionary has "Mufti Noor
         * Wali": the capitalised words that follow are the rest of the
         * name, and its last one the surname a later sentence uses */
        size_t e = i + len, l2;
        while (e < ph->last && (T(c, e)->flags & TOK_CAP) && (T(c, e)->flags & TOK_WORD) &&
               !G(c, e) && actor_match(c, e, ph->last, &l2) < 0 && !class_at(c, e, ph->last, &l2))
            e++;
        add_person(c, i, e, (int16_t)al->actor);
    } else if (al->type == ALIAS_ADJ) {
        aset_add(&ph->adjs, (int16_t)al->actor);
        ph->adj_end = i + len;
    } else {
        aset_add(&ph->names, (int16_t)al->actor);
        ph->name_end = i + len;
        /* "Pakistani military installations": the name ends in an agent
         * noun, what follows is its asset */
        if (class_at(c, i + len - 1, i + len, &cl_len) & (NC_AGENT | NC_MEMBER))
            ph->any_agent = true;
    }
}

/* The word at i of the phrase that is no actor mention: a ruler
 * ("Taliban-run"), a person met before, a noun class, a capital. */
static size_t scan_word(ctx *c, phrase *ph, size_t i)
{
    size_t len;
    int16_t ruler = hyphen_ruler(c, i), one, two;
    if (ruler >= 0) { /* "the Taliban-run administration" */
        aset_add(&ph->adjs, ruler);
        ph->adj_end = i + 1;
        return 1;
    }
    if (hyphen_pair(c, i, &one, &two)) { /* "the Israel-Hamas war" */
        aset_add(&ph->adjs, one);
        aset_add(&ph->adjs, two);
        ph->adj_end = i + 1;
        return 1;
    }
    person *p = (T(c, i)->flags & TOK_CAP) ? find_person(c, T(c, i)->atom) : NULL;
    if (p && (i + 1 == ph->last || !(T(c, i + 1)->flags & TOK_CAP))) {
        ph->any_person = true;
        if (p->actor >= 0)
            aset_add(&ph->persons, p->actor);
        return 1;
    }
    int cl = class_at(c, i, ph->last, &len);
    if (cl && i + len == ph->last)
        ph->head_class = cl;
    if (cl & (NC_AGENT | NC_MEMBER) && (ph->adjs.n || ph->names.n))
        ph->any_agent = true;
    if (cl)
        return len;
    if (terror_word(c, i) && ph->adj_end == i)
        ph->terror = true;
    if ((T(c, i)->flags & TOK_CAP) && !(G(c, i) & (G_DET | G_HONORIFIC)) && i > ph->name_end &&
        i >= ph->adj_end)
        ph->unknown_cap = true;
    return 1;
}

static void scan_phrase(ctx *c, phrase *ph)
{
    for (size_t i = ph->first; i < ph->last;) {
        size_t len;
        if (G(c, i) & G_FORMER)
            ph->former = true;
        int32_t a = actor_match(c, i, ph->last, &len);
        if (a >= 0) {
            scan_mention(c, ph, i, len, a);
            i += len;
        } else {
            i += scan_word(c, ph, i);
        }
    }
}

static void set_role(chunk *k, const aset *actors, int role, const char *how)
{
    k->actors = *actors;
    k->role = (uint8_t)role;
    k->how = how;
}

/* A phrase with names: the name itself, a place, the name's agents, the
 * name qualifying an act, a member of a group, or a modifier only. */
static void role_of_names(ctx *c, const phrase *ph, chunk *k, bool agentive)
{
    const aset *n = &ph->names;
    if (ph->name_end == ph->last)
        set_role(k, n, ROLE_ACTOR, "name");
    else if (ph->head_class & (NC_PLACE | NC_PEOPLE))
        set_role(k, n, ROLE_PLACE,
                 ph->head_class & NC_PLACE ? "place noun: not an actor" : "people: not an actor");
    else if (agentive)
        set_role(k, n, ROLE_ACTOR, "name with agent noun");
    else if (k->noun >= 0)
        set_role(k, n, ROLE_ATTR, "name qualifying an act");
    else if (!ph->unknown_cap && n->n == 1 && c->d->actors[n->a[0]].kind == KIND_GROUP &&
             !(T(c, ph->last - 1)->flags & TOK_CAP) && (T(c, ph->last - 1)->flags & TOK_WORD))
        set_role(k, n, ROLE_ACTOR, "member of a group");
    else
        set_role(k, n, ROLE_NONE, ph->unknown_cap ? "part of another name" : "modifier only");
    if (ph->former && k->role == ROLE_ACTOR) {
        k->role = ROLE_NONE;
        k->how = "former: not the actor";
    }
}

/* A phrase with actor adjectives only. */
static void role_of_adjectives(const phrase *ph, chunk *k, bool agentive)
{
    const aset *a = &ph->adjs;
    if (ph->terror)
        set_role(k, a, ROLE_NONE, "militants of the country are not the state");
    else if (ph->former)
        set_role(k, a, ROLE_NONE, "former: not the actor");
    else if (ph->head_class & (NC_PLACE | NC_PEOPLE))
        set_role(k, a, ROLE_PLACE,
                 ph->head_class & NC_PLACE ? "place noun: not an actor" : "people: not an actor");
    else if (agentive)
        set_role(k, a, ROLE_ACTOR, "adjective with agent noun");
    else if (k->noun >= 0)
        set_role(k, a, ROLE_ATTR, "adjective qualifying an act");
    else
        set_role(k, a, ROLE_NONE, "adjective without agent noun");
}

/* Resolves tokens [first, last) of a phrase without a possessive. */
static void resolve_part(ctx *c, size_t first, size_t last, chunk *k)
{
    phrase ph = {first, last, {{0}, 0}, {{0}, 0}, {{0}, 0}, false, false, false, false, false,
                 first, first, 0};
    scan_phrase(c, &ph);
    k->head_class = (uint8_t)ph.head_class;
    size_t nlen; /* the longest act noun that ends the phrase: "ceasefire agreement" */
    for (size_t i = first; i < last && k->noun < 0; i++) {
        int32_t nv = noun_at(c, i, last, &nlen);
        if (nv >= 0 && i + nlen == last) {
            k->noun = nv;
            k->noun_at = (uint32_t)i;
        }
    }
    if (ph.any_person) {
        k->person = true;
        if (ph.former) {
            k->how = "former official: not the actor";
            return;
        }
        set_role(k, &ph.persons, ph.persons.n ? ROLE_ACTOR : ROLE_NONE, "named person");
        return;
    }
    bool agentive = ph.head_class & (NC_AGENT | NC_MEMBER | NC_TITLE);
    if (!agentive && ph.any_agent && !(ph.head_class & (NC_PLACE | NC_PEOPLE)) && k->noun < 0)
        agentive = true; /* "a Pakistani army convoy": the actor's asset */
    if (ph.names.n && ph.adjs.n && agentive) {
        aset_merge(&ph.names, &ph.adjs); /* "Pakistani and Taliban forces" */
        if (ph.name_end == last) {
            set_role(k, &ph.names, ROLE_ACTOR, "joint adjective and name with agent noun");
            return;
        }
    }
    if (ph.names.n)
        role_of_names(c, &ph, k, agentive);
    else if (ph.adjs.n)
        role_of_adjectives(&ph, k, agentive);
}

/* "Pakistan said it was ready", "officials said that they ...": the
 * subject pronoun of what a speaker says is the speaker. */
static bool speaker_of_clause(ctx *c, size_t i, chunk *k)
{
    size_t b = i;
    if (b > c->s.first && is_word(c, b - 1, "that"))
        b--;
    if (b == c->s.first || !(G(c, b - 1) & G_SAY) || (T(c, b - 1)->flags & TOK_CAP))
        return false;
    aset s = subject_at(c, b - 1);
    if (s.n != 1)
        return false;
    k->actors = s;
    k->role = ROLE_ACTOR;
    k->how = "pronoun: the speaker of the clause";
    return true;
}

/* "warned Taliban rulers, saying they must": the nearest plural actor
 * phrase before, in this sentence. */
static bool plural_before(const ctx *c, size_t i, chunk *k)
{
    for (size_t j = c->n_chunks; j-- > 0;) {
        const chunk *p = &c->chunks[j];
        if (p->last > i || p->role != ROLE_ACTOR || p->pronoun || p->person)
            continue;
        const char *hk = tok_key(&c->ts, p->last - 1);
        size_t hl = strlen(hk);
        if (p->actors.n > 1 || ((p->head_class & (NC_AGENT | NC_MEMBER)) && hl > 3 && hk[hl - 1] == 's')) {
            k->actors = p->actors;
            k->role = ROLE_ACTOR;
            k->how = "pronoun: the plural actor named before in the sentence";
            return true;
        }
    }
    return false;
}

/* "it is critical to", "it was clear that", "it seems": an "it" that
 * stands for nothing. */
static bool expletive_it(const ctx *c, size_t i)
{
    size_t j = i + 1;
    if (j < c->s.last && (is_word(c, j, "seems") || is_word(c, j, "appears") ||
                          is_word(c, j, "seemed") || is_word(c, j, "appeared")))
        return true;
    if (j >= c->s.last || !(G(c, j) & G_BE))
        return false;
    for (size_t e = j + 1; e < c->s.last && e < j + 8; e++) {
        if (clause_break(c, e) || punct(c, e, ','))
            return false;
        if ((G(c, e) & G_TO) || is_word(c, e, "that"))
            return e > j + 1;
    }
    return false;
}

static void resolve_pronoun(ctx *c, chunk *k)
{
    size_t i = k->first;
    const char *w = tok_key(&c->ts, i);
    k->pronoun = true;
    if ((strcmp(w, "he") == 0 || strcmp(w, "she") == 0) && speaker_of_clause(c, i, k))
        return; /* "Netanyahu said he welcomed ..." */
    if (strcmp(w, "he") == 0 || strcmp(w, "she") == 0 || strcmp(w, "him") == 0 ||
        strcmp(w, "her") == 0 || strcmp(w, "his") == 0) {
        if (c->have_person && c->last_person >= 0) {
            k->actors = aset_one(c->last_person);
            k->role = ROLE_ACTOR;
            k->how = "pronoun: the last person";
        }
        return;
    }
    if ((strcmp(w, "it") == 0 || strcmp(w, "they") == 0) && speaker_of_clause(c, i, k))
        return;
    bool plural = strcmp(w, "they") == 0 || strcmp(w, "them") == 0 || strcmp(w, "their") == 0;
    if (plural && plural_before(c, i, k))
        return;
    if (plural && c->last_plural.n) {
        k->actors = c->last_plural;
        k->role = ROLE_ACTOR;
        k->how = "pronoun: the last plural actor";
        return;
    }
    if (strcmp(w, "it") == 0 && expletive_it(c, i))
        return;
    if (strcmp(w, "it") == 0 || strcmp(w, "its") == 0) {
        /* the nearest actor phrase before, in this sentence; else the
         * last agent */
        for (size_t j = c->n_chunks; j-- > 0;) {
            const chunk *p = &c->chunks[j];
            if (p->last > i)
                continue;
            /* "its leaders": the nearest actor; "it said": the nearest
             * one outside a prepositional phrase */
            bool possessive = strcmp(w, "its") == 0;
            if (p->role == ROLE_ACTOR && !p->pronoun && p->actors.n == 1 &&
                (possessive || p->prep == ATOM_NONE)) {
                k->actors = p->actors;
                k->role = ROLE_ACTOR;
                k->how = "pronoun: the actor named before in the sentence";
                return;
            }
        }
        if (c->last_subject.n == 1) {
            k->actors = c->last_subject;
            k->role = ROLE_ACTOR;
            k->how = "pronoun: the last agent";
        }
        return;
    }
    if (strcmp(w, "we") == 0 || strcmp(w, "us") == 0 || strcmp(w, "our") == 0 ||
        strcmp(w, "i") == 0 || strcmp(w, "me") == 0 || strcmp(w, "my") == 0) {
        int32_t q = c->quote_of[i];
        if (q >= 0 && c->quotes[q].who.n) {
            k->actors = c->quotes[q].who;
            k->role = ROLE_ACTOR;
            k->how = "pronoun: the quote's speaker";
        }
    }
}

/* The first content word of tokens [first, last), skipping determiners
 * and adjectives: the short-form head ("the delegation"). */
static uint32_t short_head(const ctx *c, size_t first, size_t last)
{
    if (last - first > 3 || !(G(c, first) & G_DET))
        return ATOM_NONE;
    const char *det = tok_key(&c->ts, first);
    if (strcmp(det, "the") != 0 && strcmp(det, "this") != 0)
        return ATOM_NONE;
    uint32_t head = T(c, last - 1)->atom;
    size_t len;
    bool agent = class_at(c, last - 1, last, &len) & NC_AGENT;
    return (lex_gram(c->d, head) & G_SHORT) || agent ? head : ATOM_NONE;
}

/* The state the document names most so far, if one leads the others
 * clearly (at least two mentions, more than any other state). */
static int16_t document_state(const ctx *c)
{
    int16_t best = NONE_ACTOR;
    uint32_t top = 0, second = 0;
    for (size_t a = 0; a < c->d->n_actors; a++) {
        uint32_t n = c->state_mentions[a];
        if (n > top) {
            second = top;
            top = n;
            best = (int16_t)a;
        } else if (n > second) {
            second = n;
        }
    }
    return top >= 2 && top > second ? best : NONE_ACTOR;
}

/* "the group", "the organisation": the group named last; "the
 * delegation", "the ministry": the body named earlier with that noun. */
static void resolve_short(ctx *c, size_t first, size_t last, chunk *k)
{
    uint32_t h = short_head(c, first, last);
    if (h == ATOM_NONE)
        return;
    const char *hk = atoms_str(c->d->words, h);
    if (strcmp(hk, "group") == 0 || strcmp(hk, "organisation") == 0 ||
        strcmp(hk, "organization") == 0 || strcmp(hk, "outfit") == 0) {
        if (c->last_group >= 0) {
            k->actors = aset_one(c->last_group);
            k->role = ROLE_ACTOR;
            k->how = "short form: the group named last";
        }
        return;
    }
    if (strcmp(hk, "country") == 0)
        return; /* "the country": too vague */
    if (strcmp(hk, "bloc") == 0 || strcmp(hk, "alliance") == 0) {
        if (c->last_org >= 0) { /* "the bloc" after the EU, "the alliance" after NATO */
            k->actors = aset_one(c->last_org);
            k->role = ROLE_ACTOR;
            k->how = "short form: the organisation named last";
        }
        return;
    }
    /* "the spokesperson" after "spokesperson Wang Wenbin"; but "the
     * Minister of Commerce" names an office of its own */
    const memo *m = recall(c, h);
    /* "Pakistan's army said ... The military also accused": one body */
    if (!m && (!strcmp(hk, "military") || !strcmp(hk, "army")))
        m = recall(c, lex_atom(c->d, !strcmp(hk, "army") ? "military" : "army"));
    if (m && m->of_person && last < c->s.last && is_word(c, last, "of"))
        m = NULL;
    if (m) {
        k->actors = m->actors;
        k->role = ROLE_ACTOR;
        k->how = "short form of a body named earlier";
        return;
    }
    /* "Naqvi said the government would ...": an institution named by a
     * person of an actor is that actor's */
    static const char *const own[] = {"government", "army", "military", "ministry",
                                      "administration", "authorities", "leadership"};
    bool institution = false;
    for (size_t i = 0; i < sizeof own / sizeof *own && !institution; i++)
        institution = strcmp(hk, own[i]) == 0;
    if (!institution)
        return;
    for (size_t j = c->n_chunks; j-- > 0;) {
        const chunk *p = &c->chunks[j];
        if (p->last <= first && p->person && p->role == ROLE_ACTOR && p->actors.n == 1) {
            k->actors = p->actors;
            k->role = ROLE_ACTOR;
            k->how = "institution of the person speaking";
            return;
        }
    }
    /* "a ceasefire with the government" in an article about Pakistan: the
     * document's state */
    /* not "the government of Iran", "the government in Kabul", "the
     * government formed by the Taliban" */
    size_t len_;
    bool qualified =
        last + 1 < c->s.last &&
        (is_word(c, last, "of") || is_word(c, last, "from") ||
         ((G(c, last) & G_PREP) && (actor_match(c, last + 1, c->s.last, &len_) >= 0 ||
                                    ((G(c, last + 1) & G_DET) && last + 2 < c->s.last &&
                                     actor_match(c, last + 2, c->s.last, &len_) >= 0))) ||
         (past_like(c, last) && (G(c, last + 1) & G_BY)));
    int16_t st = strcmp(hk, "government") == 0 && !qualified ? document_state(c) : NONE_ACTOR;
    if (st != NONE_ACTOR) {
        k->actors = aset_one(st);
        k->role = ROLE_ACTOR;
        k->how = "the government: the state the document is about";
    }
}

/* The possessive that splits a phrase into owner and head ("Pakistan's
 * Foreign Office"), not one inside a name ("the People's Republic of
 * China"); last if there is none. */
static size_t possessive_at(const ctx *c, size_t first, size_t last)
{
    size_t poss = last, len;
    for (size_t i = first; i < last; i++) {
        if (actor_match(c, i, last, &len) >= 0 && len > 1) {
            i += len - 1;
            continue;
        }
        if (T(c, i)->flags & TOK_POSS)
            poss = i;
    }
    return poss;
}

/* "Colombia's Petro", "Iran's Revolutionary Guards": one or two
 * capitalised words in no dictionary after an actor's possessive name a
 * person or body of that actor (not a company, a place or a work). */
static bool owner_named_member(const ctx *c, size_t from, size_t last, const chunk *head)
{
    static const char *const not_members[] = {
        "group", "corp", "corporation", "company", "inc", "ltd", "airlines", "airways",
        "bank", "university", "province", "region", "state", "city", "valley", "river",
        "airport", "port", "island", "islands", "sea", "gulf", "day", "times", "post",
        "news", "tv", "radio", "agency", "constitution", "law", "act", "plan"};
    if (head->actors.n || head->head_class || head->noun >= 0 || head->person ||
        last - from < 1 || last - from > 2)
        return false;
    for (size_t i = from; i < last; i++)
        if (!(T(c, i)->flags & TOK_CAP) || !(T(c, i)->flags & TOK_WORD) || G(c, i) ||
            WORD_AMONG(c, i, not_members))
            return false;
    return true;
}

/* "the Council's President Lana Zaki Nusseibeh", "the bloc's chief
 * negotiator Petr Novak": a title (after at most two lower-case words)
 * and then one to three capitalised words in no dictionary, a person not
 * known by name holding the owner's title. */
static bool owner_titled_name(const ctx *c, size_t from, size_t last)
{
    size_t len = 0;
    int cls = 0;
    for (size_t skipped = 0; from < last && skipped <= 2; skipped++, from++) {
        cls = class_at(c, from, last, &len);
        if (len || (T(c, from)->flags & TOK_CAP) || !(T(c, from)->flags & TOK_WORD) ||
            G(c, from))
            break;
    }
    if (!(cls & (NC_TITLE | NC_AGENT)) || !len)
        return false;
    size_t name = from + len, more;
    while (name < last && (class_at(c, name, last, &more) & (NC_TITLE | NC_AGENT)) && more)
        name += more; /* "chief negotiator" */
    if (name >= last || last - name > 3)
        return false;
    for (size_t i = name; i < last; i++)
        if (!(T(c, i)->flags & TOK_CAP) || !(T(c, i)->flags & TOK_WORD) || G(c, i))
            return false;
    return true;
}

/* "Pakistan's Foreign Office", "the group's presence", "its leaders": the
 * owner resolved, then the head; the phrase is the head's actor, a place,
 * the owner's agents, or the owner's act or thing. */
static void resolve_possessive(ctx *c, chunk *k, size_t poss)
{
    size_t first = k->first, last = k->last;
    chunk owner = *k;
    owner.actors.n = 0;
    owner.role = ROLE_NONE;
    if (G(c, first) & G_PRON && poss == first + 1) {
        owner.last = (uint32_t)poss;
        resolve_pronoun(c, &owner);
    } else {
        resolve_part(c, first, poss, &owner);
        if (!owner.actors.n)
            resolve_short(c, first, poss, &owner); /* "the group's presence" */
    }
    chunk head = *k;
    head.actors.n = 0;
    resolve_part(c, poss + 1, last, &head);
    k->head_class = head.head_class;
    k->noun = head.noun;
    k->noun_at = head.noun_at;
    if (head.person) {
        *k = head;
        k->first = (uint32_t)first;
        return;
    }
    if (owner.role != ROLE_ACTOR && owner.role != ROLE_POSS)
        return;
    k->poss = owner.actors;
    if (head.actors.n && head.role == ROLE_ACTOR)
        set_role(k, &head.actors, ROLE_ACTOR, head.how);
    else if (k->head_class & (NC_PLACE | NC_PEOPLE))
        set_role(k, &owner.actors, ROLE_PLACE, "possessive with place noun");
    else if (k->head_class & (NC_AGENT | NC_TITLE | NC_MEMBER))
        set_role(k, &owner.actors, ROLE_ACTOR, "possessive with agent noun");
    else if (!head.actors.n && owner_titled_name(c, poss + 1, last))
        set_role(k, &owner.actors, ROLE_ACTOR, "possessive with titled name");
    else if (owner.role == ROLE_ACTOR && G(c, first) != G_PRON && owner_named_member(c, poss + 1, last, &head))
        set_role(k, &owner.actors, ROLE_ACTOR, "named member of a possessive actor");
    else
        set_role(k, &owner.actors, ROLE_POSS, "possessor");
}

static bool possessive_pronoun(const ctx *c, size_t i)
{
    static const char *const words[] = {"its", "their", "his", "her"};
    return (G(c, i) & G_PRON) && WORD_AMONG(c, i, words);
}

void resolve_chunk(ctx *c, chunk *k)
{
    size_t first = k->first, last = k->last;
    if (last - first == 1 && (G(c, first) & G_PRON) && !(T(c, first)->flags & TOK_ALLCAPS &&
                                                          T(c, first)->end - T(c, first)->start > 1)) {
        resolve_pronoun(c, k);
        return;
    }
    size_t poss = possessive_at(c, first, last);
    if (poss < last) {
        resolve_possessive(c, k, poss);
        return;
    }
    resolve_part(c, first, last, k);
    if (!k->actors.n && !k->person && last - first >= 2 && (G(c, first) & G_PRON) &&
        ((k->head_class & (NC_AGENT | NC_MEMBER | NC_TITLE)) ||
         strcmp(tok_key(&c->ts, last - 1), "country") == 0)) {
        /* "our troops", "her government", "her country": the pronoun's actor */
        chunk p = *k;
        p.last = p.first + 1;
        resolve_pronoun(c, &p);
        if (p.actors.n) {
            set_role(k, &p.actors, ROLE_ACTOR, "possessive pronoun with agent noun");
            return;
        }
    }
    if (!k->actors.n && !k->person && last - first >= 2 && possessive_pronoun(c, first) &&
        !(k->head_class & (NC_PLACE | NC_PEOPLE))) {
        /* "its role in supporting X", "their decision": the owner */
        chunk p = *k;
        p.last = p.first + 1;
        resolve_pronoun(c, &p);
        if (p.actors.n) {
            k->poss = p.actors;
            k->poss_pronoun = true;
            k->how = "possessive pronoun: the owner";
            return;
        }
    }
    if (!k->actors.n && !k->person)
        resolve_short(c, first, last, k);
}

/* "fired missiles at Israel", "opened fire at Pakistani posts": "at"
 * after an act of force names its target, not a place; so does the
 * preposition that ends a relation verb's own pattern ("arrived in
 * Israel", "fire into Pakistan"). */
static bool force_at(const ctx *c, const chunk *k)
{
    bool at = is_word(c, k->prep_tok, "at");
    for (size_t j = k->prep_tok; j-- > c->s.first && k->prep_tok - j < 8;) {
        size_t len;
        int32_t f = verb_at(c, j, c->s.last, &len);
        const verb *v = f >= 0 ? &c->d->verbs[c->d->forms[f].verb] : NULL;
        if (v && j + len == k->prep_tok + 1 && v->n_words > 1)
            return true;
        if (v && at && atoi(v->cameo) >= 15 && needs_met(c, v, j + len))
            return true;
        if (clause_break(c, j))
            break;
    }
    return false;
}

/* A place: an actor after "in", "inside", "across", ... */
static bool place_prep(const ctx *c, const chunk *k)
{
    return k->prep != ATOM_NONE && (lex_gram(c->d, k->prep) & G_LOC) && !force_at(c, k);
}

/* After all chunks: phrases completed by a following "of/from/for X"
 * ("officials from Pakistan", "spokesperson for Pakistan's ministry"),
 * places, and the document's memory. */
/* A name after "in", "inside", "across": a place. */
static void settle_places(ctx *c)
{
    for (size_t i = 0; i < c->n_chunks; i++) {
        chunk *k = &c->chunks[i];
        /* "a surge in Russian attacks": an actor qualifying an act is none */
        bool qualifies_act = k->role == ROLE_ATTR && k->noun >= 0;
        if ((k->role == ROLE_ACTOR || k->role == ROLE_ATTR) && place_prep(c, k) && !k->person &&
            !qualifies_act && !(k->head_class & (NC_AGENT | NC_MEMBER | NC_TITLE))) {
            k->role = ROLE_PLACE;
            k->how = "after a place preposition: a place";
        }
    }
}

/* "officials from Pakistan", "spokesperson for Pakistan's ministry", "the
 * ministers of China and Pakistan": an agent noun completed by its actor. */
static void settle_agent_nouns(ctx *c)
{
    for (size_t i = 0; i + 1 < c->n_chunks; i++) {
        chunk *k = &c->chunks[i], *n = &c->chunks[i + 1];
        if (k->actors.n || !(k->head_class & (NC_AGENT | NC_TITLE | NC_MEMBER)) ||
            n->prep_tok != k->last || (G(c, k->first) & G_PRON))
            continue;
        const char *p = atoms_str(c->d->words, n->prep);
        /* "secretary for Afghanistan" names a portfolio, "spokesperson for
         * Pakistan's ministry" an employer */
        bool employer = strcmp(p, "for") == 0 && (n->head_class & NC_AGENT) && n->role == ROLE_ACTOR;
        if ((strcmp(p, "of") != 0 && strcmp(p, "from") != 0 && !employer) ||
            (n->role != ROLE_ACTOR && n->role != ROLE_PLACE))
            continue;
        k->actors = n->actors;
        k->role = ROLE_ACTOR;
        k->how = "agent noun of an actor";
        const chunk *n2 = i + 2 < c->n_chunks ? &c->chunks[i + 2] : NULL;
        if (n2 && n->last + 1 == n2->first && (G(c, n->last) & G_CONJ) && n2->role == ROLE_ACTOR &&
            n2->prep == ATOM_NONE && !n2->person)
            aset_merge(&k->actors, &n2->actors);
    }
}

/* A capitalised pair of words that no dictionary knows: a name. */
static bool unknown_name(const ctx *c, const chunk *k)
{
    return (T(c, k->first)->flags & TOK_CAP) && k->last - k->first >= 2 && !k->actors.n &&
           (T(c, k->last - 1)->flags & TOK_CAP) && !(G(c, k->first) & G_DET);
}

/* Which of chunks k, n (a comma between) is the title and which the name
 * in "NAME, spokesperson for X," or "X's foreign minister, NAME,"; false if
 * neither reading holds. */
static bool apposition_pair(ctx *c, size_t i, chunk **title, chunk **name)
{
    chunk *k = &c->chunks[i], *n = &c->chunks[i + 1];
    if (k->person && !k->actors.n && n->actors.n && n->role == ROLE_ACTOR &&
        (n->head_class & (NC_TITLE | NC_AGENT))) {
        *title = n, *name = k;
        return true;
    }
    if (n->person && !n->actors.n && k->actors.n && k->role == ROLE_ACTOR &&
        (k->head_class & NC_TITLE)) {
        *title = k, *name = n;
        return true;
    }
    /* the name is not known yet: a capitalised pair before or after */
    bool k_name = unknown_name(c, k), n_name = unknown_name(c, n);
    if (k_name && !(n->head_class & NC_TITLE))
        return false;
    /* the title chunk may be followed by "for X's ministry" */
    if (k_name && !n->actors.n && i + 2 < c->n_chunks && c->chunks[i + 2].prep_tok == n->last &&
        c->chunks[i + 2].role == ROLE_ACTOR)
        n->actors = c->chunks[i + 2].actors, n->role = ROLE_ACTOR;
    if (k_name && n->actors.n && n->role == ROLE_ACTOR) {
        *title = n, *name = k;
        return true;
    }
    if (n_name && k->actors.n && k->role == ROLE_ACTOR && (k->head_class & NC_TITLE)) {
        *title = k, *name = n;
        return true;
    }
    return false;
}

/* Appositions introduce persons: "NAME, spokesperson for Pakistan's
 * ministry," and "Pakistan's foreign minister, NAME,". */
static void settle_appositions(ctx *c)
{
    for (size_t i = 0; i + 1 < c->n_chunks; i++) {
        chunk *k = &c->chunks[i], *n = &c->chunks[i + 1];
        chunk *title = NULL, *name = NULL;
        if (n->first != k->last + 1 || !punct(c, k->last, ',') || !apposition_pair(c, i, &title, &name))
            continue;
        if (title->first > 0 && (G(c, title->first) & G_FORMER))
            continue;
        add_person(c, name->first, name->last, title->actors.a[0]);
        name->actors = title->actors;
        name->role = ROLE_ACTOR;
        name->person = true;
        name->how = "person introduced by apposition";
    }
}

/* "the brothers (TTP)", "the militias (RSF)": a phrase that names no
 * actor, followed by an actor's name in brackets, is that actor. */
static void settle_brackets(ctx *c)
{
    for (size_t i = 0; i + 1 < c->n_chunks; i++) {
        chunk *k = &c->chunks[i];
        const chunk *n = &c->chunks[i + 1];
        if (k->actors.n || k->person || k->pronoun || k->role == ROLE_PLACE ||
            n->first != k->last + 1 || !punct(c, k->last, '(') || n->last >= c->s.last ||
            !punct(c, n->last, ')') || n->role != ROLE_ACTOR || n->person)
            continue;
        k->actors = n->actors;
        k->role = ROLE_ACTOR;
        k->how = "named in brackets";
    }
}

/* A title before an unknown name: "Chinese envoy Yue Xiaoyong". */
static void settle_titles(ctx *c)
{
    for (size_t i = 0; i < c->n_chunks; i++) {
        chunk *k = &c->chunks[i];
        if (k->person || k->role != ROLE_ACTOR || !(T(c, k->last - 1)->flags & TOK_CAP))
            continue;
        size_t e = k->last, b = e, named = k->first; /* the end of its last mention */
        for (size_t t = k->first, len; t < e; t++)
            if (actor_match(c, t, e, &len) >= 0 && t + len > named)
                named = t + len;
        while (b > named && (T(c, b - 1)->flags & TOK_CAP) && !(G(c, b - 1) & G_HONORIFIC)) {
            size_t len;
            if (class_at(c, b - 1, e, &len) || actor_match(c, b - 1, e, &len) >= 0)
                break;
            b--;
        }
        if (e - b >= 2 && b > k->first) {
            add_person(c, b, e, k->actors.a[0]);
            k->person = true;
            k->how = "person introduced by title";
        }
    }
}

/* After all chunks of a sentence: places, phrases completed by a following
 * "of/from/for X", persons introduced by appositions and titles, then the
 * document's memory and the mentions. */
void settle_chunks(ctx *c)
{
    settle_places(c);
    settle_agent_nouns(c);
    settle_appositions(c);
    settle_titles(c);
    settle_brackets(c);
    for (size_t i = 0; i < c->n_chunks; i++) {
        chunk *k = &c->chunks[i];
        remember_chunk(c, k);
        if (k->role == ROLE_ACTOR || k->role == ROLE_ATTR || k->role == ROLE_POSS)
            for (size_t a = 0; a < k->actors.n; a++) {
                if (c->d->actors[k->actors.a[a]].kind == KIND_STATE)
                    c->state_mentions[k->actors.a[a]]++;
                dyad_graph_mention(c->g, node_for(c, k->actors.a[a]), 1);
                trace(c, DYAD_TRACE_ACTOR, k->first, k->last, k->actors.a[a], -1, NULL,
                      NULL, NULL, k->how);
            }
    }
}
