/* The JSON stream of src/lib/write/jsonw.c against Jansson's dump, whose
 * bytes it promises: strings with every byte that needs escaping, UTF-8,
 * long runs past the buffer, reals of every kind dyad writes and some it
 * does not, longs at the limits, indentation. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "write/jsonw.h"

/* What jsonw wrote, NUL-terminated, through a memory stream. */
typedef struct capture {
    char *buf;
    size_t len;
    FILE *f;
    jsonw w;
} capture;

static void cap_open(capture *c)
{
    c->buf = NULL;
    c->len = 0;
    c->f = open_memstream(&c->buf, &c->len);
    jsonw_init(&c->w, c->f);
}

static char *cap_close(capture *c, bool *ok)
{
    *ok = jsonw_close(&c->w);
    fclose(c->f);
    return c->buf;
}

static char *jansson_of(json_t *v)
{
    char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(10));
    json_decref(v);
    return s;
}

static void same_string(const char *s)
{
    capture c;
    cap_open(&c);
    jsonw_string(&c.w, s);
    bool ok;
    char *got = cap_close(&c, &ok);
    char *want = jansson_of(json_string(s));
    CHECK(ok);
    CHECK_STR(got, want);
    free(got);
    free(want);
}

static void test_strings(void)
{
    char every[128];
    for (int i = 1; i < 128; i++)
        every[i - 1] = (char)i;
    every[127] = '\0';
    same_string(every);
    same_string("");
    same_string("plain");
    same_string("\"quoted\" \\ back\\slash / slash");
    same_string("C\xc3\xb4te d\xe2\x80\x99Ivoire \xf0\x9f\x98\x80 \x7f");
    same_string("\x01\x1f\t\n\r\b\f end");
    /* a string longer than the buffer, with escapes across its edges */
    size_t n = 3 * sizeof(((jsonw *)0)->buf) + 17;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = i % 997 == 0 ? '"' : i % 1999 == 0 ? '\n' : 'a' + i % 26;
    big[n] = '\0';
    same_string(big);
    free(big);
}

static void same_real(double x)
{
    capture c;
    cap_open(&c);
    jsonw_real(&c.w, x);
    bool ok;
    char *got = cap_close(&c, &ok);
    char *want = jansson_of(json_real(x));
    CHECK(ok);
    CHECK_STR(got, want);
    free(got);
    free(want);
}

static void test_reals(void)
{
    for (long t = -10000; t <= 10000; t += 7)
        same_real((double)t / 1000.0); /* edge means, 3 decimals */
    for (long t = -100; t <= 100; t++)
        same_real((double)t / 10.0); /* verb values */
    double odd[] = {0.0,      -0.0,           1e-5,      -1e-7, 1e20, 1.5e300,
                    2.5e-300, 123456789012.0, 1.0 / 3.0, 1e10,  1e-10};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
        same_real(odd[i]);
    capture c;
    cap_open(&c);
    jsonw_real(&c.w, NAN);
    bool ok;
    free(cap_close(&c, &ok));
    CHECK(!ok); /* json_real(NAN) is NULL: no bytes for it */
}

static void test_longs(void)
{
    long v[] = {0, 1, -1, 9007199254740991L, -9007199254740991L};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        capture c;
        cap_open(&c);
        jsonw_long(&c.w, v[i]);
        bool ok;
        char *got = cap_close(&c, &ok);
        char *want = jansson_of(json_integer(v[i]));
        CHECK_STR(got, want);
        free(got);
        free(want);
    }
}

/* {"a": [1, {"b": "c"}]} indented as JSON_INDENT(1) does. */
static void test_indent(void)
{
    capture c;
    cap_open(&c);
    jsonw_lit(&c.w, "{");
    jsonw_key(&c.w, 1, "a");
    jsonw_lit(&c.w, "[");
    jsonw_newline(&c.w, 2);
    jsonw_long(&c.w, 1);
    jsonw_lit(&c.w, ",");
    jsonw_newline(&c.w, 2);
    jsonw_lit(&c.w, "{");
    jsonw_key(&c.w, 3, "b");
    jsonw_string(&c.w, "c");
    jsonw_newline(&c.w, 2);
    jsonw_lit(&c.w, "}");
    jsonw_newline(&c.w, 1);
    jsonw_lit(&c.w, "]");
    jsonw_newline(&c.w, 0);
    jsonw_lit(&c.w, "}");
    jsonw_newline(&c.w, 40); /* deeper than the spaces kept at once */
    bool ok;
    char *got = cap_close(&c, &ok);
    json_t *v = json_pack("{s:[i,{s:s}]}", "a", 1, "b", "c");
    char *want = json_dumps(v, JSON_INDENT(1));
    json_decref(v);
    size_t n = strlen(want);
    CHECK(strncmp(got, want, n) == 0);
    CHECK(got[n] == '\n' && strspn(got + n + 1, " ") == 40 &&
          got[n + 41] == '\0');
    free(got);
    free(want);
}

/* A stream whose FILE refuses writes says so at close. */
static void test_write_error(void)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f) {
        printf("# no /dev/full: skipped\n");
        return;
    }
    setvbuf(f, NULL, _IONBF, 0);
    jsonw *w = malloc(sizeof *w);
    jsonw_init(w, f);
    for (int i = 0; i < 100000; i++)
        jsonw_string(w, "some text that fills the buffer");
    CHECK(!jsonw_close(w));
    free(w);
    fclose(f);
}

int main(void)
{
    RUN(test_strings);
    RUN(test_reals);
    RUN(test_longs);
    RUN(test_indent);
    RUN(test_write_error);
    return DONE();
}
