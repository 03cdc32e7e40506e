/*
 * test_core.c: the shared building blocks: dates with precision, the
 * relation vocabulary, JSON string escaping and the triple format.
 *
 * Test plan:
 *   core__date_*     parse/format round trips, bad dates, day numbers, order
 *   core__vocab_*    names, bsearch lookup, symmetry
 *   core__json_*     escaping of quotes, control bytes, invalid UTF-8
 *   core__triple_*   JSON write -> parse round trip, numbers and dates as
 *                    printf would print them, errors, canonical order
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "kg/kg.h"

static void test_core__date_roundtrip(void)
{
    const char *ok[] = {"2019", "2023-03", "2025-10-27", "2024-02-29"};
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        kg_date d;
        char buf[KG_DATE_STRLEN];
        KG_CHECK_INT(kg_date_parse(&d, ok[i], (size_t)-1), KG_OK);
        kg_date_format(buf, d);
        KG_CHECK_STR(buf, ok[i]);
    }
}

static void test_core__date_bad(void)
{
    const char *bad[] = {"", "19", "2023-13", "2023-02-29", "2023-1-5",
                         "20x3", "2023-00", "2023-04-31", "2023/04/01"};
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kg_date d;
        KG_CHECK_INT(kg_date_parse(&d, bad[i], (size_t)-1), KG_EINVAL);
    }
}

static void test_core__date_days(void)
{
    kg_date y2019 = {2019, 0, 0}, m = {2019, 2, 0}, d = {1970, 1, 1};
    kg_date back;
    KG_CHECK_INT(kg_date_first_day(d), 0);
    KG_CHECK_INT(kg_date_last_day(y2019) - kg_date_first_day(y2019), 364);
    KG_CHECK_INT(kg_date_last_day(m) - kg_date_first_day(m), 27);
    back = kg_date_from_days(kg_date_first_day((kg_date){2025, 10, 27}));
    KG_CHECK_INT(back.year, 2025);
    KG_CHECK_INT(back.month, 10);
    KG_CHECK_INT(back.day, 27);
    KG_CHECK(kg_date_cmp(y2019, (kg_date){2019, 1, 0}) < 0);
    KG_CHECK(kg_date_cmp((kg_date){2019, 1, 1}, (kg_date){2019, 1, 2}) < 0);
    KG_CHECK(kg_date_cmp((kg_date){2020, 0, 0}, (kg_date){2019, 12, 31}) > 0);
}

static void test_core__vocab_lookup(void)
{
    kg_relation r;
    kg_status s;
    int i;
    for (i = 0; i < KG_REL__COUNT; i++) {
        KG_CHECK_INT(kg_relation_parse(&r, kg_relation_name(i)), KG_OK);
        KG_CHECK_INT(r, i);
    }
    KG_CHECK_INT(kg_relation_parse(&r, "owns"), KG_EINVAL);
    KG_CHECK(kg_relation_symmetric(KG_REL_PARTNERS_WITH));
    KG_CHECK(!kg_relation_symmetric(KG_REL_ACQUIRED));
    KG_CHECK_INT(kg_status_parse(&s, "reported"), KG_OK);
    KG_CHECK_INT(s, KG_STATUS_REPORTED);
}

static void test_core__json_escape(void)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_json_str(&b, "a\"b\\c\n\x01\xff\xe2\x80\x94", (size_t)-1);
    KG_CHECK_STR(b.ptr, "\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\xe2\x80\x94\"");
    KG_CHECK(kg_utf8_valid("caf\xc3\xa9", 5));
    KG_CHECK(!kg_utf8_valid("\xc0\xaf", 2));
    KG_CHECK(!kg_utf8_valid("\xed\xa0\x80", 3));
    kg_buf_release(&b);
}

static void test_core__triple_roundtrip(void)
{
    kg_triple t, u;
    kg_buf b = KG_BUF_INIT;
    kg_pool pool = KG_POOL_INIT;
    kg_error err;
    kg_triple_init(&t);
    t.doc = "d1";
    t.subject = "Microsoft";
    t.relation = KG_REL_INVESTED_IN;
    t.object = "OpenAI";
    t.status = KG_STATUS_HOLDS;
    t.date = (kg_date){2019, 7, 0};
    t.confidence = 0.9;
    t.rule = "invest.active";
    t.evidence = "Microsoft said it would invest \"$1 billion\" in OpenAI.";
    t.amount = "1000000000 USD";
    t.stake = 49;
    KG_CHECK_INT(kg_triple_write_json(&b, &t), KG_OK);
    KG_CHECK_INT(kg_triple_parse_json(&u, &pool, b.ptr, b.len, &err), KG_OK);
    KG_CHECK_STR(u.subject, "Microsoft");
    KG_CHECK_STR(u.object, "OpenAI");
    KG_CHECK_INT(u.relation, KG_REL_INVESTED_IN);
    KG_CHECK_INT(u.date.month, 7);
    KG_CHECK_STR(u.evidence, t.evidence);
    KG_CHECK_STR(u.amount, "1000000000 USD");
    KG_CHECK(fabs(u.stake - 49) < 1e-9);
    KG_CHECK(fabs(u.confidence - 0.9) < 1e-9);
    kg_buf_release(&b);
    kg_pool_release(&pool);
}

/* "%.4f" without trailing zeros: what put_number in triple.c must print. */
static void expect_number(char *out, size_t n, double v)
{
    size_t len;
    snprintf(out, n, "%.4f", v);
    len = strlen(out);
    while (len > 1 && out[len - 1] == '0')
        len--;
    if (len > 1 && out[len - 1] == '.')
        len--;
    out[len] = '\0';
}

/* Numbers, dates and long escaped strings written by hand, not printf. */
static void test_core__triple_numbers(void)
{
    static const double v[] = {0, 1, 0.9, 0.72, 0.05, 0.00005, 0.03125,
                               0.12345, 0.99995, 55, 27.5, 100, 4.9999,
                               123456.78905, 1e7 + 0.25, -0.0, -1.5};
    static const kg_date dates[] = {{2019, 0, 0}, {2023, 3, 0},
                                    {2025, 10, 27}, {999, 1, 2}, {0, 0, 0}};
    static const char *const want_dates[] = {"2019", "2023-03",
                                             "2025-10-27", "0999-01-02", ""};
    kg_buf b = KG_BUF_INIT;
    char want[128], date[KG_DATE_STRLEN];
    const char *p;
    size_t i;
    kg_triple t;
    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
        kg_triple_init(&t);
        t.subject = "A";
        t.object = "B";
        t.confidence = v[i];
        t.stake = 12.5;
        kg_buf_clear(&b);
        KG_CHECK_INT(kg_triple_write_json(&b, &t), KG_OK);
        expect_number(want, sizeof want, v[i]);
        p = strstr(b.ptr, "\"confidence\":");
        KG_CHECK(p != NULL);
        if (p)
            KG_CHECK(strncmp(p + 13, want, strlen(want)) == 0 &&
                     p[13 + strlen(want)] == ',');
        KG_CHECK(strstr(b.ptr, "\"stake\":12.5}") != NULL);
    }
    for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        KG_CHECK_INT(kg_date_format(date, dates[i]),
                     (int)strlen(want_dates[i]));
        KG_CHECK_STR(date, want_dates[i]);
    }
    kg_buf_clear(&b);
    kg_buf_json_str(&b, "Acme said \"it's done\" - a long line\\with\ta "
                        "tab, caf\xc3\xa9 and \x7f at the end", (size_t)-1);
    KG_CHECK_STR(b.ptr, "\"Acme said \\\"it's done\\\" - a long line"
                        "\\\\with\\ta tab, caf\xc3\xa9 and \x7f at the "
                        "end\"");
    kg_buf_release(&b);
}

static void test_core__triple_errors(void)
{
    const char *bad[] = {
        "{\"subject\":\"A\",\"relation\":\"owns\",\"object\":\"B\","
        "\"status\":\"holds\"}",
        "{\"subject\":\"A\",\"relation\":\"acquired\",\"object\":\"B\","
        "\"status\":\"maybe\"}",
        "{\"subject\":\"A\",\"relation\":\"acquired\",\"status\":\"holds\"}",
        "{\"subject\":\"A\",\"relation\":\"acquired\",\"object\":\"B\","
        "\"status\":\"holds\",\"date\":\"2019-13\"}",
        "[1,2]", "{\"subject\":", ""};
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kg_triple t;
        kg_pool pool = KG_POOL_INIT;
        kg_error err = {0, ""};
        KG_CHECK_INT(kg_triple_parse_json(&t, &pool, bad[i], strlen(bad[i]),
                                          &err), KG_EINVAL);
        KG_CHECK(err.msg[0] != '\0');
        kg_pool_release(&pool);
    }
}

static void test_core__triple_canonical(void)
{
    kg_triple t;
    kg_triple_init(&t);
    t.subject = "OpenAI";
    t.object = "Amazon Web Services";
    t.relation = KG_REL_PARTNERS_WITH;
    kg_triple_canonicalize(&t);
    KG_CHECK_STR(t.subject, "Amazon Web Services");
    t.relation = KG_REL_ACQUIRED;
    t.subject = "OpenAI";
    t.object = "Amazon";
    kg_triple_canonicalize(&t);
    KG_CHECK_STR(t.subject, "OpenAI");
}

int main(void)
{
    KG_RUN(test_core__date_roundtrip);
    KG_RUN(test_core__date_bad);
    KG_RUN(test_core__date_days);
    KG_RUN(test_core__vocab_lookup);
    KG_RUN(test_core__json_escape);
    KG_RUN(test_core__triple_roundtrip);
    KG_RUN(test_core__triple_numbers);
    KG_RUN(test_core__triple_errors);
    KG_RUN(test_core__triple_canonical);
    return kg_test_summary();
}
