/*
 * test_memory.c: unit tests of the deal memory (src/extract/memory.c) and
 * of its directives "deal" and "recall" (src/extract/rules.c).
 *
 * Test plan:
 *   memory__recall     a later sentence's status re-emits the remembered
 *                      tie: evidence, rule "memory:ID", date, amount
 *   memory__pick       the most recent deal whose noun fits; a possessive
 *                      narrows; two pairs are ambiguous; a sentence that
 *                      tells the tie itself wins
 *   memory__guards     negation and condition words, quotes, questions,
 *                      "the offer of free games", a deal never named
 *   memory__explain    --explain shows the link between the sentences
 *   memory__rulefiles  a user's recall fires; directive errors name the
 *                      file and line
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_run.h"

/* Number of triples made by the deal memory. */
static int recalled(const res *r)
{
    int i, n = 0;
    for (i = 0; i < r->n; i++)
        n += strncmp(r->rule[i], "memory:", 7) == 0;
    return n;
}

static void test_memory__recall(void)
{
    res r;
    int i;
    run("Halvorsen Industries Inc. made a $1.2 billion offer for Corbett "
        "Mills Corp., a textile maker. Corbett's board rejected the offer "
        "on Monday. The offer was withdrawn on Thursday.",
        &r);
    KG_CHECK(find(&r, "Halvorsen Industries|acquired|Corbett Mills|"
                      "reported") >= 0);
    i = find(&r, "Halvorsen Industries|acquired|Corbett Mills|negated");
    KG_CHECK(i >= 0);
    if (i >= 0) {
        KG_CHECK_STR(r.rule[i], "memory:rejects");
        KG_CHECK_STR(r.evidence[i],
                     "Corbett's board rejected the offer on Monday.");
        KG_CHECK_STR(r.line[i], "Halvorsen Industries|acquired|"
                                "Corbett Mills|negated|2024-06-10");
        KG_CHECK_STR(r.amount[i], "1200000000 USD");
    }
    i = find(&r, "Halvorsen Industries|acquired|Corbett Mills|ended");
    KG_CHECK(i >= 0);
    if (i >= 0)
        KG_CHECK_STR(r.rule[i], "memory:withdrawn");
    /* talks, then "those talks have now ended" */
    run("Aldwych Brewing and Pennine Taverns plc have held talks about a "
        "merger. Those talks have now ended.",
        &r);
    KG_CHECK(find(&r, "Aldwych Brewing|merged-with|Pennine Taverns|ended") >=
             0);
    /* the tie's own status is not told again */
    run("Quillfeather Inc. agreed to buy Nimbus Labs in March. The "
        "takeover was completed on Friday.",
        &r);
    KG_CHECK_INT(r.n, 1);
    KG_CHECK_INT(recalled(&r), 0);
}

static void test_memory__pick(void)
{
    res r;
    /* the noun skips a deal it cannot name */
    run("Talbot Media Corp. made an offer for Ravel Studios Inc. in "
        "January. Ravel also formed a joint venture with Kinross Pictures. "
        "Ravel's board rejected the bid on Thursday.",
        &r);
    KG_CHECK(find(&r, "Talbot Media|acquired|Ravel Studios|negated") >= 0);
    KG_CHECK_INT(recalled(&r), 1);
    /* a possessive picks its firm's deal */
    run("Brennan Corp. agreed to buy Ostler Foods. Castell Inc. agreed to "
        "acquire Wexford Bakeries. Brennan's offer was withdrawn on Friday.",
        &r);
    KG_CHECK(find(&r, "Brennan|acquired|Ostler Foods|ended") >= 0);
    KG_CHECK(find(&r, "Castell|acquired|Wexford Bakeries|ended") < 0);
    /* without it, the most recent deal */
    run("Brennan Corp. agreed to buy Ostler Foods. Castell Inc. agreed to "
        "acquire Wexford Bakeries. The deal collapsed on Friday.",
        &r);
    KG_CHECK(find(&r, "Castell|acquired|Wexford Bakeries|ended") >= 0);
    KG_CHECK_INT(recalled(&r), 1);
    /* two pairs in the most recent deal sentence: ambiguous */
    run("Dunmore Capital agreed to buy Pryce Hotels Ltd. and Lomond Inns "
        "agreed to buy Harcourt Lodges Ltd. The deal collapsed on Monday.",
        &r);
    KG_CHECK_INT(recalled(&r), 0);
    /* a deal introduced with "a" and tied to no firm hides older ones */
    run("Ferrow Corp. agreed to buy Lanark Tools Inc. in March. Lanark has "
        "also signed a supply deal with an unnamed carmaker. The deal was "
        "cancelled on Wednesday.",
        &r);
    KG_CHECK_INT(recalled(&r), 0);
    /* a stake told as ownership is no deal "the offer" can mean */
    run("Renault, which owns 36 percent of Nissan Motor, said on Monday it "
        "would study the plan. Nissan's board rejected the offer.",
        &r);
    KG_CHECK_INT(recalled(&r), 0);
}

static void test_memory__guards(void)
{
    res r;
    run("Sheldrake Energy Corp. is in talks to buy Arden Gas Inc., people "
        "familiar with the matter said. Arden's board has not rejected the "
        "offer. If the talks fail, Sheldrake will look elsewhere. Have the "
        "talks collapsed?",
        &r);
    KG_CHECK(find(&r, "Sheldrake Energy|acquired|Arden Gas|reported") >= 0);
    KG_CHECK_INT(recalled(&r), 0);
    run("Marlow Foods plc agreed to buy Dunmore Dairies. \"When we tried to "
        "buy a rival, the offer was rejected,\" the chief executive said.",
        &r);
    KG_CHECK_INT(recalled(&r), 0);
    run("Vantor Inc. agreed to buy Kells Software. Customers rejected the "
        "offer of free upgrades. The original agreement was blocked.",
        &r);
    KG_CHECK_INT(recalled(&r), 0);
    run("Shares of Galloway Instruments Inc. rose 4 percent. The deal "
        "collapsed in March.",
        &r);
    KG_CHECK_INT(r.n, 0);
}

static void test_memory__explain(void)
{
    res r;
    int i;
    run_ex(g_ex_explain,
           "Ford made an offer for Jaguar in September. Jaguar's board "
           "rejected the bid on Tuesday.",
           &r);
    i = find(&r, "Ford|acquired|Jaguar|negated");
    KG_CHECK(i >= 0);
    if (i >= 0)
        KG_CHECK_STR(r.link[i],
                     "status from sentence 2, 'the bid' -> Ford acquired "
                     "Jaguar, sentence 1 / <dealrejectv> D");
}

static void test_memory__rulefiles(void)
{
    const char *path = KG_BINARY_DIR "/test_memory_rules.txt";
    const char *files[1];
    kg_extract_opts opts;
    kg_extractor *ex = NULL;
    kg_error err;
    res r;

    files[0] = path;
    memset(&opts, 0, sizeof opts);
    opts.rule_files = files;
    opts.nrule_files = 1;
    KG_CHECK_INT(write_file(path, "deal acquired event : gambit\n"
                                  "recall user.fizzled ended :\n"
                                  "    D <dealhave>? fizzled out?\n"),
                 0);
    KG_CHECK_INT(kg_extractor_new(&ex, &opts, &err), KG_OK);
    if (ex) {
        int i;
        run_ex(ex, "Ford agreed to buy Jaguar in June. The gambit fizzled "
                   "out in July.", &r);
        i = find(&r, "Ford|acquired|Jaguar|ended");
        KG_CHECK(i >= 0);
        if (i >= 0)
            KG_CHECK_STR(r.rule[i], "memory:user.fizzled");
        kg_extractor_free(ex);
        ex = NULL;
    }
    KG_CHECK_INT(write_file(path, "\nrecall r1 ended : the bid fizzled\n"),
                 0);
    KG_CHECK_INT(kg_extractor_new(&ex, &opts, &err), KG_EINVAL);
    KG_CHECK(strstr(err.msg, ":2: a recall pattern needs exactly one D") !=
             NULL);
    KG_CHECK_INT(write_file(path, "recall r1 finished : D fizzled\n"), 0);
    KG_CHECK_INT(kg_extractor_new(&ex, &opts, &err), KG_EINVAL);
    KG_CHECK(strstr(err.msg, ":1: unknown status 'finished'") != NULL);
    KG_CHECK_INT(write_file(path, "deal bought : gambit\n"), 0);
    KG_CHECK_INT(kg_extractor_new(&ex, &opts, &err), KG_EINVAL);
    KG_CHECK(strstr(err.msg, ":1: unknown relation 'bought'") != NULL);
    KG_CHECK_INT(write_file(path, "deal acquired gambit\n"), 0);
    KG_CHECK_INT(kg_extractor_new(&ex, &opts, &err), KG_EINVAL);
    KG_CHECK(strstr(err.msg, ":1: ") != NULL);
    KG_CHECK(ex == NULL);
    remove(path);
}

int main(void)
{
    kg_extract_opts opts;
    kg_error err;
    memset(&opts, 0, sizeof opts);
    if (kg_extractor_new(&g_ex, &opts, &err) != KG_OK) {
        fprintf(stderr, "extractor: %s\n", err.msg);
        return 1;
    }
    opts.flags = KG_EXTRACT_EXPLAIN;
    if (kg_extractor_new(&g_ex_explain, &opts, &err) != KG_OK) {
        fprintf(stderr, "extractor: %s\n", err.msg);
        kg_extractor_free(g_ex);
        return 1;
    }
    KG_RUN(test_memory__recall);
    KG_RUN(test_memory__pick);
    KG_RUN(test_memory__guards);
    KG_RUN(test_memory__explain);
    KG_RUN(test_memory__rulefiles);
    kg_extractor_free(g_ex);
    kg_extractor_free(g_ex_explain);
    return kg_test_summary();
}
