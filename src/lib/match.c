/* Matching words against the dictionary: tries over word atoms, and the
 * closed classes of English grammar words the rules rely on. */
#include <stdlib.h>

#include "lex.h"
#include "util.h"

void trie_init(trie *t)
{
    memset(t, 0, sizeof *t);
    t->n_slots = 256;
    t->keys = xcalloc(t->n_slots, sizeof *t->keys);
    t->child = xcalloc(t->n_slots, sizeof *t->child);
    GROW(t->value, t->cap_nodes, 1);
    t->value[0] = -1;
    t->n_nodes = 1;
}

void trie_free(trie *t)
{
    free(t->value);
    free(t->keys);
    free(t->child);
    free(t->roots);
    memset(t, 0, sizeof *t);
}

static size_t slot(const trie *t, uint64_t key)
{
    size_t mask = t->n_slots - 1;
    /* splitmix64's finalizer: the parent (high half) and the word (low
     * half) both reach the low bits used as the slot */
    uint64_t h = key;
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
    h ^= h >> 31;
    size_t i = (size_t)h & mask;
    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

static void trie_rehash(trie *t)
{
    uint64_t *keys = t->keys;
    uint32_t *child = t->child;
    size_t n = t->n_slots;
    t->n_slots *= 2;
    t->keys = xcalloc(t->n_slots, sizeof *t->keys);
    t->child = xcalloc(t->n_slots, sizeof *t->child);
    for (size_t i = 0; i < n; i++) {
        if (!keys[i])
            continue;
        size_t j = slot(t, keys[i]);
        t->keys[j] = keys[i];
        t->child[j] = child[i];
    }
    free(keys);
    free(child);
}

static bool may_start(const trie *t, uint32_t atom)
{
    size_t w = atom / 64;
    return w < t->n_roots && (t->roots[w] >> (atom % 64) & 1);
}

static void mark_root(trie *t, uint32_t atom)
{
    size_t w = atom / 64;
    if (w >= t->n_roots) {
        size_t n = t->n_roots ? t->n_roots : 64;
        while (n <= w)
            n *= 2;
        t->roots = xrealloc(t->roots, n * sizeof *t->roots);
        memset(t->roots + t->n_roots, 0, (n - t->n_roots) * sizeof *t->roots);
        t->n_roots = n;
    }
    t->roots[w] |= (uint64_t)1 << (atom % 64);
}

uint32_t trie_next(const trie *t, uint32_t parent, uint32_t atom)
{
    if (parent == 0 && !may_start(t, atom))
        return UINT32_MAX;
    uint64_t key = (((uint64_t)parent << 32) | atom) + 1;
    size_t i = slot(t, key);
    return t->keys[i] ? t->child[i] : UINT32_MAX;
}

uint32_t trie_step(trie *t, uint32_t parent, uint32_t atom, bool add)
{
    uint64_t key = (((uint64_t)parent << 32) | atom) + 1;
    size_t i = slot(t, key);
    if (t->keys[i])
        return t->child[i];
    if (!add)
        return UINT32_MAX;
    GROW(t->value, t->cap_nodes, t->n_nodes + 1);
    t->value[t->n_nodes] = -1;
    if (parent == 0)
        mark_root(t, atom);
    t->keys[i] = key;
    t->child[i] = (uint32_t)t->n_nodes++;
    if (++t->n_used * 2 > t->n_slots)
        trie_rehash(t);
    return (uint32_t)t->n_nodes - 1;
}

int32_t lex_role(const dyad_dict *d, int32_t v, uint32_t date)
{
    int32_t best = -1;
    for (; v >= 0; v = d->aliases[v].next) {
        const alias *a = &d->aliases[v];
        if (date && date >= a->since && (!a->until || date <= a->until))
            return v;
        if (!date && (best < 0 || !a->until ||
                      (d->aliases[best].until && a->until > d->aliases[best].until)))
            best = v;
        if (!date && !a->until)
            return v;
    }
    return best;
}

size_t lex_match(const dyad_dict *d, const trie *t, const tokens *ts,
                 size_t i, size_t end, uint32_t date, int32_t *value)
{
    uint32_t node = 0;
    size_t best = 0;
    for (size_t j = i; j < end; j++) {
        uint32_t a = ts->t[j].atom;
        if (a == ATOM_NONE)
            break;
        node = trie_next(t, node, a);
        if (node == UINT32_MAX)
            break;
        int32_t v = t->value[node];
        if (v >= 0 && t == &d->actor_trie)
            v = lex_role(d, v, date);
        if (v < 0)
            continue;
        if (t == &d->actor_trie && d->aliases[v].caps) {
            bool caps = true;
            for (size_t k = i; k <= j && caps; k++)
                caps = (ts->t[k].flags & (TOK_ALLCAPS | TOK_PUNCT | TOK_POSS)) != 0 ||
                       (ts->t[k].flags & TOK_DIGIT);
            if (!caps)
                continue;
        }
        best = j - i + 1;
        *value = v;
    }
    return best;
}

size_t lex_words(dyad_dict *d, const char *s, uint32_t *out, size_t max,
                 bool *caps)
{
    tokens ts = {0};
    text_tokenize(s, strlen(s), &ts);
    size_t n = 0;
    bool all_caps = ts.n > 0;
    for (size_t i = 0; i < ts.n && n < max; i++) {
        const char *k = tok_key(&ts, i);
        out[n++] = atoms_intern(d->words, k, strlen(k));
        if ((ts.t[i].flags & TOK_WORD) && !(ts.t[i].flags & (TOK_ALLCAPS | TOK_POSS | TOK_DIGIT)))
            all_caps = false;
    }
    if (caps)
        *caps = all_caps;
    size_t total = ts.n;
    tokens_free(&ts);
    return total > max ? 0 : n;
}

/* Regular inflection of one word; forms given in the entry win. */
void lex_inflect(const char *w, int form, strbuf *b)
{
    size_t n = strlen(w);
    char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
    bool vowel_prev = prev && strchr("aeiou", prev);
    switch (form) {
    case F_BASE:
        sb_puts(b, w);
        break;
    case F_S:
        if (last == 'y' && !vowel_prev) {
            sb_add(b, w, n - 1);
            sb_puts(b, "ies");
        } else if (strchr("sxz", last) || (n > 1 && (strcmp(w + n - 2, "ch") == 0 ||
                                                     strcmp(w + n - 2, "sh") == 0))) {
            sb_puts(b, w);
            sb_puts(b, "es");
        } else {
            sb_puts(b, w);
            sb_putc(b, 's');
        }
        break;
    case F_PAST:
    case F_PP:
        if (last == 'e') {
            sb_puts(b, w);
            sb_putc(b, 'd');
        } else if (last == 'y' && !vowel_prev) {
            sb_add(b, w, n - 1);
            sb_puts(b, "ied");
        } else {
            sb_puts(b, w);
            sb_puts(b, "ed");
        }
        break;
    case F_ING:
        if (n > 2 && strcmp(w + n - 2, "ie") == 0) {
            sb_add(b, w, n - 2);
            sb_puts(b, "ying");
        } else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' && n > 2) {
            sb_add(b, w, n - 1);
            sb_puts(b, "ing");
        } else {
            sb_puts(b, w);
            sb_puts(b, "ing");
        }
        break;
    }
}


/* The grammar: closed classes of English words. */
static const struct {
    uint32_t bits;
    const char *words;
} grammar[] = {
    {G_DET, "the a an its their his her our my your this that these those "
            "some any all both several many each every such no another "
            "other certain"},
    {G_PREP, "of in to with for on against from by at into onto about over "
             "under between among amid toward towards across through "
             "throughout within inside outside near along via upon beyond "
             "during since after before despite following regarding "
             "concerning including without behind off up out alongside"},
    {G_LOC, "in inside within across throughout near along outside "
            "at around beyond through"},
    {G_CONJ, "and or as well nor plus but yet"},
    {G_SUB, "that which because while if when whereas although though "
            "unless whether after before since until as once where so "
            "wherever whenever whereby"},
    {G_REL, "who which that whom whose"},
    {G_BE, "be is are was were been being am 's"},
    {G_HAVE, "have has had having"},
    {G_DO, "do does did"},
    {G_MODAL_HYP, "would could might may should must can cannot ought"},
    {G_MODAL_FUT, "will shall 'll"},
    {G_NEG, "not n't never no"},
    {G_ADV, "also again repeatedly reportedly recently still already now "
            "further once jointly today yesterday allegedly formally "
            "officially publicly strongly firmly reportedly immediately "
            "swiftly previously earlier later then just even ever "
            "consistently frequently regularly directly personally "
            "separately openly increasingly newly subsequently finally "
            "briefly quickly duly long often lately sometimes usually "
            "twice"},
    {G_PRON, "he she they we i it him her them us me you his their our my its"},
    {G_SAY, "say says said saying tell tells told add adds added note notes "
            "noted state states stated explain explains explained stress "
            "stresses stressed emphasise emphasised emphasize emphasized "
            "remark remarked assert asserted argue argued claim claims "
            "claimed write wrote continue continued insist insisted "
            "maintain maintained reiterate reiterated announce announced "
            "declare declared observe observed recall recalled point "
            "pointed mention mentioned comment commented underline "
            "underlined highlight highlighted tweet tweeted post posted"},
    {G_COND, "if unless whether"},
    {G_LIGHT, "hold holds held holding conduct conducts conducted conducting "
              "participate participates participated participating "
              "join joins joined joining "
              "launch launches launched launching provide provides provided "
              "providing give gives gave given giving extend extends extended "
              "extending opt opts opted opting engage engages engaged engaging "
              "continue continues continued continuing intensify intensified "
              "intensifies step stepped steps resume resumes resumed "
              "resuming begin began begun begins start started starts pursue "
              "pursued pursues make made makes making pay paid pays undertake "
              "undertook undertaken mount mounted stage staged have has had "
              "present presents presented presenting submit submits submitted "
              "submitting approve approves approved approving authorise "
              "authorised authorize authorized "
              "initiate initiated lead led leads leading renew renewed "
              "renews carry carried carries carrying offer offered offers "
              "offering expand expanded deepen deepened strengthen "
              "strengthened enhance enhanced boost boosted receive received "
              "welcome welcomed impose imposed imposes imposing announce announced "
              "slap slapped levy levied unveil unveiled commit commits "
              "committed committing perpetrate perpetrated escalate "
              "escalates escalated escalating express expresses expressed "
              "expressing convey conveys conveyed conveying issue issues "
              "issued issuing deliver delivers delivered delivering lodge "
              "lodges lodged lodging register registers registered "
              "registering oversee oversees oversaw overseen overseeing "
              "reach reaches reached reaching seal sealed clinch clinched "
              "initiate initiates initiating participate participates "
              "participated participating join joins joined joining repeat "
              "repeats repeated repeating reiterate reiterates reiterated "
              "wrap wraps wrapped wrapping conclude concludes concluded "
              "concluding complete completes completed completing"},
    {G_INTENT, "plan plans planned planning decide decides decided deciding "
               "intend intends intended agree agrees agreed agreeing prepare "
               "prepares prepared aim aims aimed seek seeks sought seeking "
               "hope hopes hoped want wants wanted wish wishes wished set "
               "going try tries tried trying attempt attempted resolve "
               "resolved move moved vow vowed pledge pledged promise "
               "promised expect expects expected look looking attempting "
               "attempts aiming intending preparing striving working scheduled "
               "slated poised"},
    {G_NEGV, "refuse refuses refused refusing fail fails failed failing "
             "decline declines declined reluctant unwilling refusal "
             "failure"},
    {G_STOP, "stop stops stopped stopping cease ceases ceased end ends "
             "ended quit halt halted"},
    {G_VERB, "vote votes voted voting is are was were be been being has have had do does did said "
             "says say told tell added noted stated include includes "
             "included remain remains remained become became seem seems "
             "seemed appear appears appeared believe believes believed "
             "think thinks thought know knew known see sees saw seen "
             "consider considered estimate estimated suggest suggests "
             "suggested show shows showed shown take took taken takes "
             "make makes made get got gets come came go went run ran "
             "use used uses using need needs needed face faces faced "
             "called"},
    {G_SHORT, "group organisation organization outfit militants movement "
              "country government ministry office delegation envoy envoys "
              "minister spokesperson spokesman spokeswoman administration "
              "regime army military official officials authorities "
              "leadership embassy bloc alliance"},
    {G_THREATW, "consequences retaliate retaliation respond response force "
                "action strike strikes target attack military "
                "repercussions war aggression retaliatory punish punishment "
                "revenge avenge"},
    {G_SEEK, "seek seeks sought seeking request requests requested "
             "requesting ask asks asked asking appeal appealed"},
    {G_SUPPRESS, "curb curbs curbed rein act crack dismantle restrain "
                 "control tackle expel disarm"},
    {G_FORMER, "former ex late erstwhile then-"},
    {G_RECIP, "together jointly mutually"},
    {G_TO, "to"},
    {G_RECEIVE, "draw draws drew drawn drawing attract attracts attracted "
                "attracting face faces faced facing "
                "receive receives received receiving get gets got getting "
                "obtain obtained accept accepts accepted secure secured "
                "acquire acquired"},
    {G_BY, "by"},
    {G_PAST, "took made came went gave held met found saw thought brought kept "
             "began ran told sent spoke stood lost paid led felt meant became "
             "fell grew knew rose sought won wrote drove bore chose did got "
             "heard understood left oversaw overseen undertook withdrew "
             "drew threw swore upheld withheld foresaw overtook"},
    {G_HONORIFIC, "mr mrs ms miss dr gen general lt col maj capt sheikh "
                  "mullah maulana mufti qari haji mawlawi mawlavi hafiz "
                  "president minister senator ambassador prince"},
};

/* Common verbs that are no relation: they end noun phrases. */
static const char common_verbs[] =
    "accept achieve act add address affect agree aim allow announce answer "
    "appear apply approve argue arise arrive assess assume attend attribute "
    "avoid base become begin believe bolster bring build call carry cause "
    "change cite claim come comment complain concern conclude condemn "
    "confirm consider contain continue contribute convey coordinate cost "
    "create cross decline deliver describe deserve destabilize destabilise "
    "deteriorate develop die discuss do drive emerge emphasise emphasize "
    "enable encourage end ensure escalate establish estimate exacerbate "
    "exist expand explain express face fail fall feel find focus follow "
    "form frame freeze fulfil fulfill gain get go grow happen have hear help "
    "highlight hope identify ignore improve include increase indicate "
    "inform insist intend involve issue jeopardize jeopardise join keep "
    "know lack lead learn leave let lie like live look lose maintain make "
    "mark matter mean mention move need note notice obligate observe obtain "
    "occur offer open operate outline own participate pass plan play point "
    "pose prepare present prevent proceed produce prompt promote protect "
    "prove publish put raise reach read receive recognise recognize "
    "reduce refer reflect regard reiterate relate rely remain remark remember "
    "remove repeat replace report represent require respond rest result "
    "return reveal review rise run safeguard say see seem seek serve set "
    "share show sign signal speak spend stand start state stay step stress "
    "suffer suggest surge take talk tell tend test think threaten tolerate "
    "travel try turn underline underscore undermine understand urge use "
    "view wait want warn watch welcome win wish witness work write hamper "
    "invest launch persuade prompt target";

/* Their irregular forms. */
static const char irregular_verbs[] =
    "left took taken made came went gone gave given held met found seen saw "
    "thought brought kept began begun ran told sent built spoke spoken stood "
    "lost paid led felt meant put set cut hit became become fell fallen "
    "grew grown knew known rose risen sought won wrote written drove driven "
    "bore borne chose chosen did done got gotten heard shown understood";

static void mark(dyad_dict *d, const char *w, size_t n, uint32_t bits)
{
    uint32_t a = atoms_intern(d->words, w, n);
    if (a >= d->n_gram) {
        size_t old = d->n_gram, cap = old;
        GROW(d->gram, cap, (size_t)a + 1);
        memset(d->gram + old, 0, (cap - old) * sizeof *d->gram);
        d->n_gram = cap;
    }
    d->gram[a] |= bits;
}

static void load_common_verbs(dyad_dict *d)
{
    const char *p = common_verbs;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *w = xstrndup(p, n);
        for (int f = 0; f < F_NFORMS; f++) {
            strbuf b = {0};
            lex_inflect(w, f, &b);
            mark(d, b.s, b.len, G_VERB);
            sb_free(&b);
        }
        free(w);
        p += n;
        while (*p == ' ')
            p++;
    }
    for (p = irregular_verbs; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        mark(d, p, n, G_VERB);
        p += n;
        while (*p == ' ')
            p++;
    }
}

void lex_load_grammar(dyad_dict *d)
{
    for (size_t g = 0; g < sizeof grammar / sizeof *grammar; g++) {
        const char *p = grammar[g].words;
        while (*p) {
            while (*p == ' ')
                p++;
            const char *e = p;
            while (*e && *e != ' ')
                e++;
            if (e > p)
                mark(d, p, (size_t)(e - p), grammar[g].bits);
            p = e;
        }
    }
    load_common_verbs(d);
}

uint32_t lex_atom(const dyad_dict *d, const char *word)
{
    return atoms_find(d->words, word, strlen(word));
}
