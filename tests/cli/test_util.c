/* The CLI's text helpers (src/cli/util.c): UTF-8 checks and repair, text
 * made safe for a terminal, --suggest's shortening on a UTF-8 boundary,
 * the document-name check meant for the inputs. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "harness.h"

static void test_utf8_ok(void)
{
    CHECK(cli_utf8_ok(""));
    CHECK(cli_utf8_ok("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
    CHECK(!cli_utf8_ok("caf\xe9"));
    CHECK(!cli_utf8_ok("\xc0\xaf"));         /* overlong '/' */
    CHECK(!cli_utf8_ok("\xed\xa0\x80"));     /* a surrogate */
    CHECK(!cli_utf8_ok("\xf4\x90\x80\x80")); /* past U+10FFFF */
    CHECK(!cli_utf8_ok("\xe2\x82"));         /* cut */
}

static void test_utf8_fix(void)
{
    char *s = cli_utf8_fix("caf\xe9.txt");
    CHECK_STR(s, "caf\xef\xbf\xbd.txt");
    free(s);
    s = cli_utf8_fix("\xe2\x82\xac");
    CHECK_STR(s, "\xe2\x82\xac");
    free(s);
}

static void test_term_safe(void)
{
    char *s = cli_term_safe("a\x1b[2Jb\x07\x7f");
    CHECK_STR(s, "a\\x1b[2Jb\\x07\\x7f");
    free(s);
    s = cli_term_safe("x\xc2\x9b" "2J \xc3\xa9 \xff");
    CHECK_STR(s, "x\\u009b2J \xc3\xa9 \\xff");
    free(s);
}

/* Every cut of a text of 1-, 2-, 3- and 4-byte characters lands on a
 * character boundary, within max bytes. */
static void test_shorten(void)
{
    const char *text = "ab \xc3\xa9\xc3\xa9 \xe2\x82\xac\xe2\x82\xac "
                       "\xf0\x9f\x98\x80\xf0\x9f\x98\x80 end";
    bool all_ok = true;
    for (size_t max = 1; max < 40; max++) {
        char *s = cli_shorten(text, strlen(text), max);
        size_t n = strlen(s);
        bool cut = n >= 3 && strcmp(s + n - 3, "...") == 0;
        if (cut)
            s[n - 3] = '\0';
        all_ok &= cli_utf8_ok(s) && strlen(s) <= max;
        free(s);
    }
    CHECK(all_ok);
    char *s = cli_shorten("  a \n\t b  ", 10, 120);
    CHECK_STR(s, "a b");
    free(s);
}

static void test_check_name(void)
{
    dyad_error err = {0};
    CHECK_INT(cli_check_name("caf\xc3\xa9.txt", &err), DYAD_OK);
    CHECK_INT(cli_check_name("caf\xe9.txt", &err), DYAD_ERR_INVALID);
    CHECK(strstr(err.text, "\"caf\\xe9.txt\" is not valid UTF-8") != NULL);
}

int main(void)
{
    RUN(test_utf8_ok);
    RUN(test_utf8_fix);
    RUN(test_term_safe);
    RUN(test_shorten);
    RUN(test_check_name);
    return DONE();
}
