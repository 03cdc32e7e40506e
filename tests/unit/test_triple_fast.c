/*
 * test_triple_fast.c: the fast path of kg_triple_parse_json
 * (src/triple_fast.c) against the cJSON path it stands in for
 * (kg_triple__parse_tree).
 *
 * Test plan
 *   fast__accepts      plain extractor lines are taken by the fast path
 *   fast__same         for each tricky line, the fast path either gives
 *                      up or gives exactly what the cJSON path gives
 *   fast__roundtrip    write_json -> parse keeps every field
 *   fast__errors       bad lines are errors either way
 */
#include <stdlib.h>

#include "harness.h"
#include "kg/kg.h"
#include "triple_int.h"

static int same_str(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static int same_triple(const kg_triple *a, const kg_triple *b)
{
    return same_str(a->doc, b->doc) && same_str(a->subject, b->subject) &&
           a->subject_kind == b->subject_kind &&
           a->relation == b->relation && same_str(a->object, b->object) &&
           a->object_kind == b->object_kind && a->status == b->status &&
           kg_date_cmp(a->date, b->date) == 0 &&
           a->confidence == b->confidence && same_str(a->rule, b->rule) &&
           same_str(a->evidence, b->evidence) &&
           a->span_start == b->span_start && a->span_end == b->span_end &&
           same_str(a->amount, b->amount) && a->stake == b->stake &&
           same_str(a->role, b->role);
}

static void test_triple_fast__accepts(void)
{
    kg_pool pool = KG_POOL_INIT;
    kg_triple t;
    const char *line =
        "{\"doc\":\"d1\",\"subject\":\"Microsoft\",\"subject_kind\":\"org\","
        "\"relation\":\"invested-in\",\"object\":\"OpenAI\","
        "\"object_kind\":\"org\",\"status\":\"holds\",\"date\":\"2019-07\","
        "\"confidence\":0.9,\"rule\":\"r\",\"evidence\":\"It \\\"poured\\\" "
        "\\u20ac1bn \\ud83d\\ude00\",\"span\":[3,40],\"amount\":\"1 USD\","
        "\"stake\":49.5,\"role\":null}";
    kg_triple_init(&t);
    KG_CHECK_INT(kg_triple__parse_fast(&t, &pool, line, strlen(line)), 0);
    KG_CHECK_STR(t.subject, "Microsoft");
    KG_CHECK_STR(t.evidence,
                 "It \"poured\" \xe2\x82\xac" "1bn \xf0\x9f\x98\x80");
    KG_CHECK_INT(t.relation, KG_REL_INVESTED_IN);
    KG_CHECK_INT(t.date.month, 7);
    KG_CHECK_INT(t.date.day, 0);
    KG_CHECK_INT(t.span_end, 40);
    KG_CHECK(t.stake == 49.5);
    KG_CHECK(t.confidence == 0.9);
    KG_CHECK(t.role == NULL);
    kg_pool_release(&pool);
}

/* Lines where the fast path must give up or agree with cJSON's. */
static const char *const tricky[] = {
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\"}",
    "  {\"subject\" : \"A\" , \"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"ended\", \"extra\": {\"x\": [1, 2]} }  ",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"span\":[1.5,2]}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"confidence\":1e-1,\"stake\":-0.0}",
    "{\"subject\":\"\\u00c9lys\\u00e9e\",\"relation\":\"sued\","
    "\"object\":\"B\\/C\\t\",\"status\":\"reported\",\"date\":\"\"}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"doc\":null,\"date\":null}",
    "{\"subject\":\"A\\u0000B\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\"}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"span\":[12345678901234567890,1]}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"span\":[9007199254740993,1]}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"span\":[900719925474099,1]}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"stake\":1e400}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"stake\":1e-400,\"confidence\":0.5e0}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"subject\":\"A\"}",
    "{\"subject\":\"A\\ud83d\\ude00\",\"relation\":\"sued\",\"object\":"
    "\"B\",\"status\":\"holds\",\"evidence\":\"\\\\u0000 \\\\\"}",
};

static void test_triple_fast__same(void)
{
    size_t i;
    for (i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
        kg_pool pool = KG_POOL_INIT;
        kg_triple fast, slow;
        kg_error err;
        int frc, src;
        kg_triple_init(&fast);
        frc = kg_triple__parse_fast(&fast, &pool, tricky[i],
                                    strlen(tricky[i]));
        src = kg_triple__parse_tree(&slow, &pool, tricky[i],
                                    strlen(tricky[i]), &err);
        if (frc == 0) {
            KG_CHECK_INT(src, KG_OK);
            KG_CHECK(same_triple(&fast, &slow));
            if (src != KG_OK || !same_triple(&fast, &slow))
                fprintf(stderr, "  line %zu differs\n", i);
        }
        if (i == 2)
            KG_CHECK_INT(slow.span_start, -1); /* non-integer span */
        if (i == 3)
            KG_CHECK(slow.confidence == 0.1);
        if (i == 4) {
            KG_CHECK_STR(slow.subject, "\xc3\x89lys\xc3\xa9" "e");
            KG_CHECK_STR(slow.object, "B/C\t");
        }
        if (i == 1) {
            KG_CHECK_INT(src, KG_OK);
            KG_CHECK_INT(frc, 1);
            KG_CHECK_INT(slow.status, KG_STATUS_ENDED);
        }
        kg_pool_release(&pool);
    }
}

static void test_triple_fast__roundtrip(void)
{
    kg_pool pool = KG_POOL_INIT;
    kg_buf b = KG_BUF_INIT;
    kg_triple t, u;
    kg_error err;
    kg_triple_init(&t);
    t.doc = "doc \"1\"";
    t.subject = "Caf\xc3\xa9 \\ Co";
    t.object = "\xf0\x9f\x9a\x80 Rockets";
    t.relation = KG_REL_PARTNERS_WITH;
    t.status = KG_STATUS_NEGATED;
    t.date.year = 2021;
    t.confidence = 0.75;
    t.rule = "r.1";
    t.evidence = "line\nbreak\ttab \x01 ctl";
    t.span_start = 10;
    t.span_end = 99;
    t.amount = "5 USD";
    t.stake = 12.5;
    t.role = "CEO";
    KG_CHECK_INT(kg_triple_write_json(&b, &t), KG_OK);
    kg_triple_init(&u);
    KG_CHECK_INT(kg_triple__parse_fast(&u, &pool, b.ptr, b.len), 0);
    KG_CHECK(same_triple(&t, &u));
    KG_CHECK_INT(kg_triple_parse_json(&u, &pool, b.ptr, b.len, &err), KG_OK);
    KG_CHECK(same_triple(&t, &u));
    kg_buf_release(&b);
    kg_pool_release(&pool);
}

static const char *const bad[] = {
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"stake\":1e400}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"span\":[12345678901234567890,1]}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\"}",
    "{\"subject\":\"A\",\"relation\":\"buys\",\"object\":\"B\","
    "\"status\":\"holds\"}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"subject\":\"C\"}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\"} x",
    "{\"subject\":\"A\xff\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\"}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"confidence\":01}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"confidence\":2}",
    "{\"subject\":\"\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\"}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"date\":\"2019-02-30\"}",
    "{\"subject\":\"A\",\"relation\":\"sued\",\"object\":\"B\","
    "\"status\":\"holds\",\"evidence\":\"\\ud800\"}",
    "[1,2]",
    "",
};

static void test_triple_fast__errors(void)
{
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kg_pool pool = KG_POOL_INIT;
        kg_triple t;
        kg_error err;
        kg_triple_init(&t);
        KG_CHECK_INT(kg_triple__parse_fast(&t, &pool, bad[i], strlen(bad[i])),
                     1);
        KG_CHECK(kg_triple_parse_json(&t, &pool, bad[i], strlen(bad[i]),
                                      &err) != KG_OK);
        kg_pool_release(&pool);
    }
}

int main(void)
{
    kg_init();
    KG_RUN(test_triple_fast__accepts);
    KG_RUN(test_triple_fast__same);
    KG_RUN(test_triple_fast__roundtrip);
    KG_RUN(test_triple_fast__errors);
    return kg_test_summary();
}
