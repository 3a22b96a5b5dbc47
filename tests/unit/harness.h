/* A small TAP harness for the C unit tests: each CHECK is one test point;
 * the program exits 1 if any failed.  Usage:
 *
 *     static void test_x(void) { CHECK(1 + 1 == 2); CHECK_STR(a, "b"); }
 *     int main(void) { RUN(test_x); return DONE(); }
 */
#ifndef DYAD_TEST_HARNESS_H
#define DYAD_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_n, harness_failed;

static inline void harness_point(int ok, const char *expr, const char *file,
                                 int line)
{
    harness_n++;
    if (!ok)
        harness_failed++;
    printf("%sok %d - %s:%d: %s\n", ok ? "" : "not ", harness_n, file, line,
           expr);
}

#define CHECK(expr) harness_point(!!(expr), #expr, __FILE__, __LINE__)
#define CHECK_STR(got, want)                                                  \
    do {                                                                      \
        const char *g_ = (got), *w_ = (want);                                 \
        int ok_ = g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_;                  \
        harness_point(ok_, #got " == " #want, __FILE__, __LINE__);            \
        if (!ok_)                                                             \
            printf("#   got:  %s\n#   want: %s\n", g_ ? g_ : "(null)",        \
                   w_ ? w_ : "(null)");                                       \
    } while (0)
#define CHECK_INT(got, want)                                                  \
    do {                                                                      \
        long long g_ = (long long)(got), w_ = (long long)(want);              \
        harness_point(g_ == w_, #got " == " #want, __FILE__, __LINE__);       \
        if (g_ != w_)                                                         \
            printf("#   got:  %lld\n#   want: %lld\n", g_, w_);               \
    } while (0)
#define RUN(fn) (printf("# %s\n", #fn), fn())
#define DONE() (printf("1..%d\n", harness_n), harness_failed ? 1 : 0)

#endif
