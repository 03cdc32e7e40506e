/*
 * harness.h: a tiny unit-test harness.  A test program defines its cases
 * as static void test_<module>__<case>(void) and lists them in main with
 * KG_RUN(); checks record failures and go on.  main returns
 * kg_test_summary(), which prints "N passed, N failed" and gives the exit
 * status (77 = skipped, as igraph does).
 */
#ifndef KG_TEST_HARNESS_H
#define KG_TEST_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int kg_test_failed_checks;
static int kg_test_passed, kg_test_failed;

#define KG_CHECK(cond)                                                     \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,         \
                    __LINE__, #cond);                                      \
            kg_test_failed_checks++;                                       \
        }                                                                  \
    } while (0)

#define KG_CHECK_INT(a, b)                                                 \
    do {                                                                   \
        long long kg_a_ = (long long)(a), kg_b_ = (long long)(b);          \
        if (kg_a_ != kg_b_) {                                              \
            fprintf(stderr, "%s:%d: %s == %s failed: %lld != %lld\n",      \
                    __FILE__, __LINE__, #a, #b, kg_a_, kg_b_);             \
            kg_test_failed_checks++;                                       \
        }                                                                  \
    } while (0)

#define KG_CHECK_STR(a, b)                                                 \
    do {                                                                   \
        const char *kg_a_ = (a), *kg_b_ = (b);                             \
        if (!kg_a_ || !kg_b_ || strcmp(kg_a_, kg_b_) != 0) {               \
            fprintf(stderr, "%s:%d: %s == %s failed: \"%s\" != \"%s\"\n",  \
                    __FILE__, __LINE__, #a, #b, kg_a_ ? kg_a_ : "(null)",  \
                    kg_b_ ? kg_b_ : "(null)");                             \
            kg_test_failed_checks++;                                       \
        }                                                                  \
    } while (0)

#define KG_RUN(fn)                                                         \
    do {                                                                   \
        int kg_before_ = kg_test_failed_checks;                            \
        fn();                                                              \
        if (kg_test_failed_checks == kg_before_) {                         \
            kg_test_passed++;                                              \
        } else {                                                           \
            kg_test_failed++;                                              \
            fprintf(stderr, "FAIL %s\n", #fn);                             \
        }                                                                  \
    } while (0)

static inline int kg_test_summary(void)
{
    printf("%d passed, %d failed\n", kg_test_passed, kg_test_failed);
    return kg_test_failed ? 1 : 0;
}

#endif
