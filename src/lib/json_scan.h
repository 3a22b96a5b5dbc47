/* A forward-only scanner over a JSON text, for reading a graph far larger
 * than its tree would fit: it walks the structure (objects, arrays, keys)
 * and hands each value it is asked for to Jansson as its own small text,
 * so only one evidence item at a time becomes a tree.
 *
 * It accepts a subset of what json_loadf accepts (keys without escapes,
 * nesting below Jansson's limit) and gives no messages: a caller that gets
 * false reads the text again with Jansson for its exact error (line,
 * column, text), so the errors stay Jansson's. */
#ifndef DYAD_JSON_SCAN_H
#define DYAD_JSON_SCAN_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "util.h"

typedef struct json_scan {
    FILE *in;
    size_t pos, len;
    strbuf value; /* the bytes of the value being captured */
    char buf[1 << 16];
} json_scan;

void json_scan_init(json_scan *s, FILE *in);
void json_scan_free(json_scan *s);

/* Skips white space; then true if the next byte is c, consumed. */
bool json_scan_byte(json_scan *s, char c);
/* A key and its ':' (after white space): a string of at most size - 1
 * bytes without escapes. */
bool json_scan_key(json_scan *s, char *key, size_t size);
/* After an item of an object or array: true with *more set when a ',' (a
 * next item) or the closing byte follows. */
bool json_scan_next(json_scan *s, char close, bool *more);
/* The next value, loaded by Jansson (JSON_REJECT_DUPLICATES); NULL if it
 * is not one. */
json_t *json_scan_value(json_scan *s);
/* True if nothing but white space is left. */
bool json_scan_end(json_scan *s);

#endif
