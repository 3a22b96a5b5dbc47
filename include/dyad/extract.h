/* Extraction: one document's text in, its acts added to a graph.
 * Reentrant: threads may extract with one dictionary into their own
 * graphs, then merge them. */
#ifndef DYAD_EXTRACT_H
#define DYAD_EXTRACT_H

#include <stddef.h>

#include "dyad/common.h"
#include "dyad/dict.h"
#include "dyad/graph.h"

/* What explain and --suggest see: every step, as it happens. */
typedef enum {
    DYAD_TRACE_SENTENCE, /* start..end: a sentence */
    DYAD_TRACE_ACTOR,    /* a mention resolved to actor (label) */
    DYAD_TRACE_VERB,     /* a relation verb or noun (verb, cameo, code) */
    DYAD_TRACE_TRIPLE,   /* source -> target, by rule */
    DYAD_TRACE_DROP,     /* a candidate dropped, for reason */
    DYAD_TRACE_UNKNOWN,  /* a capitalised name where an actor would be */
} dyad_trace_kind;

typedef struct dyad_trace_event {
    dyad_trace_kind kind;
    long sentence;      /* 1-based */
    size_t start, end;  /* byte offsets in the document */
    const char *text;   /* the matched words (not NUL-terminated) */
    size_t text_len;
    const char *actor;  /* ACTOR: label; TRIPLE/DROP: source label */
    const char *target; /* TRIPLE/DROP: target label (may be NULL) */
    const char *verb, *cameo, *code;
    const char *how;    /* ACTOR: how it was resolved; TRIPLE/DROP: what
                           the rule does, in words */
    const char *rule;   /* TRIPLE/DROP: the rule's name, after the steps that
                           found its arguments ("including-list >
                           agent-object"); NULL otherwise */
} dyad_trace_event;

/* A rule of the registry (src/lib/rules.def, documented in docs/rules.md). */
typedef enum {
    DYAD_RULE_KEEP, /* it makes a triple */
    DYAD_RULE_DROP, /* it refuses a candidate */
    DYAD_RULE_VIA,  /* it finds an argument: a step of a triple's path */
} dyad_rule_kind;

typedef struct dyad_rule {
    const char *name;  /* stable, kebab-case: "agent-object" */
    dyad_rule_kind kind;
    const char *guide; /* the section of the annotation guide it implements */
    const char *what;  /* one line */
} dyad_rule;

/* The registry, in its fixed order; *n gets the count.  Static storage. */
const dyad_rule *dyad_rules(size_t *n);

typedef void (*dyad_trace_fn)(const dyad_trace_event *ev, void *user);

typedef struct dyad_extract_opts {
    dyad_trace_fn trace; /* NULL: no tracing */
    void *trace_user;
    /* The document's date, YYYY-MM-DD (dyad_date_parse's form): a person's
     * role in the dictionary applies only between its since and until.
     * NULL: undated, each person takes their open-ended role, else the one
     * that ended last. */
    const char *date;
    /* Open actors: a capitalised name in no dictionary that stands where an
     * actor would (subject or object of a relation verb: what --suggest
     * lists) becomes a node of its own, id DYAD_OPEN_ACTOR_PREFIX + a slug
     * of the name ("unknown:media-line"), labelled as written. */
    bool open_actors;
} dyad_extract_opts;

/* The id prefix of open actors; no dictionary id may start with it. */
#define DYAD_OPEN_ACTOR_PREFIX "unknown:"

/* True if id is an open actor's ("kind": "unknown" in the outputs). */
bool dyad_is_open_actor(const char *id);

/* Extracts the acts of one document (text, len bytes of UTF-8) named doc
 * into g, with its mentions, and counts the document and its sentences.
 * Invalid UTF-8 gives DYAD_ERR_PARSE with the line and column; a date in
 * opts that is not YYYY-MM-DD, DYAD_ERR_INVALID. */
dyad_status dyad_extract(const dyad_dict *d, const char *doc,
                         const char *text, size_t len, dyad_graph *g,
                         const dyad_extract_opts *opts, dyad_error *err);

#endif
