/*
 * test_core.c: the shared building blocks: dates with precision, the
 * relation vocabulary, JSON string escaping and the triple format.
 *
 * Test plan:
 *   core__date_*     parse/format round trips, bad dates, day numbers, order
 *   core__vocab_*    names, bsearch lookup, symmetry
 *   core__json_*     escaping of quotes, control bytes, invalid UTF-8
 *   core__triple_*   JSON write -> parse round trip, numbers and dates as
 *                    printf would print them, errors, canonical order;
 *                    lines read (escapes, white space, other members, null,
 *                    spans that are not two integers) and refused (each
 *                    check of triple.c and json.c, repeated names)
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

/* Every field of a line with escapes, a surrogate pair, a span. */
static void test_core__triple_line(void)
{
    kg_pool pool = KG_POOL_INIT;
    kg_triple t;
    kg_error err;
    const char *line =
        "{\"doc\":\"d1\",\"subject\":\"Microsoft\",\"subject_kind\":\"org\","
        "\"relation\":\"invested-in\",\"object\":\"OpenAI\","
        "\"object_kind\":\"org\",\"status\":\"holds\",\"date\":\"2019-07\","
        "\"confidence\":0.9,\"rule\":\"r\",\"evidence\":\"It \\\"poured\\\" "
        "\\u20ac1bn \\ud83d\\ude00\",\"span\":[3,40],\"amount\":\"1 USD\","
        "\"stake\":49.5,\"role\":null}";
    KG_CHECK_INT(kg_triple_parse_json(&t, &pool, line, strlen(line), &err),
                 KG_OK);
    KG_CHECK_STR(t.doc, "d1");
    KG_CHECK_STR(t.subject, "Microsoft");
    KG_CHECK_STR(t.evidence,
                 "It \"poured\" \xe2\x82\xac" "1bn \xf0\x9f\x98\x80");
    KG_CHECK_INT(t.relation, KG_REL_INVESTED_IN);
    KG_CHECK_INT(t.date.month, 7);
    KG_CHECK_INT(t.date.day, 0);
    KG_CHECK_INT(t.span_start, 3);
    KG_CHECK_INT(t.span_end, 40);
    KG_CHECK(t.stake == 49.5);
    KG_CHECK(t.confidence == 0.9);
    KG_CHECK_STR(t.amount, "1 USD");
    KG_CHECK(t.role == NULL);
    kg_pool_release(&pool);
}

/* Lines that are read, and what comes out of them. */
static void test_core__triple_lines_ok(void)
{
    static const char *const ok[] = {
        "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
        "\"status\":\"holds\"}",
        "  {\"subject\" : \"A\" , \"relation\":\"sued\",\"object\":\"B\","
        "\"status\":\"ended\", \"extra\": {\"x\": [1, 2]} }  \r",
        "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
        "\"status\":\"holds\",\"span\":[1.5,2]}",
        "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
        "\"status\":\"holds\",\"confidence\":1e-1,\"stake\":-0.0}",
        "{\"subject\":\"\\u00c9lys\\u00e9e\",\"relation\":\"sued\","
        "\"object\":\"B\\/C\\t\",\"status\":\"reported\",\"date\":\"\"}",
        "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
        "\"status\":\"holds\",\"doc\":null,\"date\":null}",
        "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
        "\"status\":\"holds\",\"span\":[1,2,3],\"x\":{\"y\":1},\"z\":{\"y\":2}}",
    };
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        kg_pool pool = KG_POOL_INIT;
        kg_triple t;
        kg_error err = {0, ""};
        KG_CHECK_INT(kg_triple_parse_json(&t, &pool, ok[i], strlen(ok[i]),
                                          &err), KG_OK);
        if (err.msg[0])
            fprintf(stderr, "  line %zu: %s\n", i, err.msg);
        KG_CHECK_STR(t.doc, "");
        if (i == 1)
            KG_CHECK_INT(t.status, KG_STATUS_ENDED);
        if (i == 2 || i == 6)
            KG_CHECK_INT(t.span_start, -1); /* not two integers */
        if (i == 3) {
            KG_CHECK(t.confidence == 0.1);
            KG_CHECK(t.stake == 0 && signbit(t.stake));
        }
        if (i == 4) {
            KG_CHECK_STR(t.subject, "\xc3\x89lys\xc3\xa9" "e");
            KG_CHECK_STR(t.object, "B/C\t");
            KG_CHECK_INT(t.date.year, 0);
        }
        kg_pool_release(&pool);
    }
}

/* A stake too large for "%.4f" is written so that it reads back. */
static void test_core__triple_huge_stake(void)
{
    kg_pool pool = KG_POOL_INIT;
    kg_buf b = KG_BUF_INIT;
    kg_triple t, u;
    kg_error err;
    const char *line = "{\"subject\":\"A\",\"relation\":\"invested-in\","
                       "\"object\":\"B\",\"status\":\"holds\","
                       "\"stake\":1e300}";
    KG_CHECK_INT(kg_triple_parse_json(&t, &pool, line, strlen(line), &err),
                 KG_OK);
    KG_CHECK_INT(kg_triple_write_json(&b, &t), KG_OK);
    KG_CHECK(strstr(b.ptr, "\"stake\":1.0000000000000001e+300}") != NULL);
    KG_CHECK_INT(kg_triple_parse_json(&u, &pool, b.ptr, b.len - 1, &err),
                 KG_OK);
    KG_CHECK(u.stake == t.stake);
    kg_buf_release(&b);
    kg_pool_release(&pool);
}

/* Lines that are not triples: each error says why. */
static void test_core__triple_lines_bad(void)
{
    static const struct {
        const char *line, *err;
    } bad[] = {
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\"}",
         "missing field 'status'"},
        {"{\"subject\":\"A\",\"relation\":\"buys\",\"object\":\"B\","
         "\"status\":\"holds\"}", "unknown relation 'buys'"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"subject\":\"C\"}", "duplicate"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"x\":1,\"x\":1}", "duplicate"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"x\":[{\"y\":1,\"y\":2}]}", "duplicate"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\"} x", "bad JSON"},
        {"{\"subject\":\"A\xff\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\"}", "bad JSON: invalid UTF-8"},
        {"{\"subject\":\"A\\u0000B\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\"}", "NUL"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"confidence\":01}", "bad JSON"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"stake\":1.}", "bad JSON"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"stake\":1e400}", "bad JSON"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"confidence\":2}", "not in 0..1"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"confidence\":\"1\"}", "not a number"},
        {"{\"subject\":\"\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\"}", "empty subject"},
        {"{\"subject\":7,\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\"}", "field 'subject' is not a string"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"subject_kind\":\"firm\"}", "unknown subject"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"date\":\"2019-02-30\"}", "bad date"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"evidence\":\"\\ud800\"}", "surrogate"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"evidence\":\"a\tb\"}", "control"},
        {"{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
         "\"status\":\"holds\",\"span\":[12345678901234567890,1]}",
         "bad JSON: integer out of range"},
        {"[1,2]", "not a JSON object"},
        {"", "bad JSON"},
    };
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kg_pool pool = KG_POOL_INIT;
        kg_triple t;
        kg_error err = {0, ""};
        KG_CHECK_INT(kg_triple_parse_json(&t, &pool, bad[i].line,
                                          strlen(bad[i].line), &err),
                     KG_EINVAL);
        KG_CHECK(strstr(err.msg, bad[i].err) != NULL);
        if (!strstr(err.msg, bad[i].err))
            fprintf(stderr, "  bad %zu: %s\n", i, err.msg);
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
    KG_RUN(test_core__triple_line);
    KG_RUN(test_core__triple_lines_ok);
    KG_RUN(test_core__triple_lines_bad);
    KG_RUN(test_core__triple_huge_stake);
    KG_RUN(test_core__triple_canonical);
    return kg_test_summary();
}
