/*
 * test_view.c: the read side of the store (view.h) on stores built with
 * the store API, one revision per batch of triples (like `load`).
 *
 * Test plan:
 *   view__snapshot      ties at a date, ended ties gone, reported kept
 *   view__out_of_order  an older article stored later gives the same
 *                       intervals; --as-of the first revision does not
 *                       see it; a revision past the latest is refused
 *   view__precision     "since 2019" asked inside 2019 is uncertain, not
 *                       dropped; after 2019 it is certain
 *   view__diff          appeared, ended, changed, interrupted, transient,
 *                       with evidence; entity filter; D1 after D2
 *   view__diff_revs     what revision 2 taught: appeared and ended
 *   view__history       assertions in date order with intervals
 *   view__names         did you mean, alias, case-insensitive
 *   view__walks         neighbourhood hops and path ties
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "kg/kg.h"

static char path[256];

static void add(kg_store *st, const char *doc, const char *s,
                kg_relation r, const char *o, kg_status status,
                const char *date, const char *amount)
{
    kg_triple t;
    kg_error err = {0, ""};
    kg_triple_init(&t);
    t.doc = doc;
    t.subject = s;
    t.relation = r;
    t.object = o;
    t.status = status;
    if (date)
        KG_CHECK_INT(kg_date_parse(&t.date, date, (size_t)-1), KG_OK);
    t.evidence = doc;
    t.amount = amount;
    if (kg_store_add_triple(st, &t, &err) != KG_OK)
        fprintf(stderr, "add_triple: %s\n", err.msg);
}

static kg_store *open_fresh(void)
{
    kg_store *st = NULL;
    kg_error err = {0, ""};
    snprintf(path, sizeof path, "%s/test_view_%d.db", KG_BINARY_DIR,
             (int)getpid());
    unlink(path);
    if (kg_store_open(&st, path, KG_STORE_CREATE, &err) != KG_OK) {
        fprintf(stderr, "open: %s\n", err.msg);
        return NULL;
    }
    kg_store_set_clock(st, "2026-01-01T00:00:00Z", NULL);
    return st;
}

static void close_rm(kg_store *st)
{
    char p[300];
    kg_store_close(st);
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static void begin(kg_store *st)
{
    KG_CHECK_INT(kg_store_begin(st, "test", "load", NULL), KG_OK);
}

static void commit(kg_store *st)
{
    kg_error err = {0, ""};
    if (kg_store_commit(st, NULL, &err) != KG_OK)
        fprintf(stderr, "commit: %s\n", err.msg);
}

/* Revision 1 of the shared fixture. */
static kg_store *fixture(void)
{
    kg_store *st = open_fresh();
    if (!st)
        return NULL;
    begin(st);
    add(st, "d1", "Microsoft", KG_REL_INVESTED_IN, "OpenAI", KG_STATUS_HOLDS,
        "2019-07-22", "1000000000 USD");
    add(st, "d2", "Microsoft", KG_REL_INVESTED_IN, "OpenAI", KG_STATUS_HOLDS,
        "2023-01-23", "10000000000 USD");
    add(st, "d3", "Amazon", KG_REL_INVESTED_IN, "Anthropic", KG_STATUS_HOLDS,
        "2019", NULL);
    add(st, "d4", "Microsoft", KG_REL_PARTNERS_WITH, "Inflection AI",
        KG_STATUS_HOLDS, "2023-06-01", NULL);
    add(st, "d5", "Microsoft", KG_REL_PARTNERS_WITH, "Inflection AI",
        KG_STATUS_ENDED, "2023-09-01", NULL);
    add(st, "d6", "Nvidia", KG_REL_SUPPLIES, "OpenAI", KG_STATUS_HOLDS,
        "2022-02-01", NULL);
    add(st, "d7", "Nvidia", KG_REL_SUPPLIES, "OpenAI", KG_STATUS_ENDED,
        "2023-05-01", NULL);
    add(st, "d8", "Nvidia", KG_REL_SUPPLIES, "OpenAI", KG_STATUS_HOLDS,
        "2023-09-01", NULL);
    add(st, "d9", "Google", KG_REL_ACQUIRED, "Windsurf", KG_STATUS_REPORTED,
        "2023-02-01", NULL);
    add(st, "d10", "Google", KG_REL_INVESTED_IN, "Anthropic",
        KG_STATUS_HOLDS, "2022-12-01", NULL);
    commit(st);
    return st;
}

static const kg_tie *find(const kg_tieset *s, const char *a, kg_relation r,
                          const char *b)
{
    size_t i;
    for (i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].subject, a) && s->v[i].relation == r &&
            !strcmp(s->v[i].object, b))
            return &s->v[i];
    return NULL;
}

static kg_tieset snap(kg_store *st, const char *at, int64_t as_of)
{
    kg_tieset s = {0};
    kg_view_opts o = KG_VIEW_OPTS_INIT;
    kg_error err = {0, ""};
    kg_date_parse(&o.at, at, (size_t)-1);
    o.as_of = as_of;
    if (kg_store_snapshot(&s, st, &o, &err) != KG_OK)
        fprintf(stderr, "snapshot: %s\n", err.msg);
    return s;
}

static void test_view__snapshot(void)
{
    kg_store *st = fixture();
    kg_tieset s;
    const kg_tie *t;
    if (!st)
        return;
    s = snap(st, "2023-07-01", 0);
    KG_CHECK(find(&s, "Inflection AI", KG_REL_PARTNERS_WITH, "Microsoft"));
    KG_CHECK(!find(&s, "Nvidia", KG_REL_SUPPLIES, "OpenAI"));
    t = find(&s, "Microsoft", KG_REL_INVESTED_IN, "OpenAI");
    KG_CHECK(t && t->amount && !strcmp(t->amount, "10000000000 USD"));
    t = find(&s, "Google", KG_REL_ACQUIRED, "Windsurf");
    KG_CHECK(t && t->status == KG_STATUS_REPORTED);
    KG_CHECK(t && t->evidence && !strcmp(t->evidence, "d9"));
    /* output order: subject, relation, object */
    KG_CHECK(s.n >= 2 && strcmp(s.v[0].subject, s.v[1].subject) <= 0);
    kg_tieset_release(&s);
    s = snap(st, "2024-01-01", 0);
    KG_CHECK(!find(&s, "Inflection AI", KG_REL_PARTNERS_WITH, "Microsoft"));
    KG_CHECK(find(&s, "Nvidia", KG_REL_SUPPLIES, "OpenAI"));
    kg_tieset_release(&s);
    close_rm(st);
}

static void test_view__out_of_order(void)
{
    kg_store *st = open_fresh();
    kg_tieset s;
    kg_tieset iv = {0};
    kg_view_opts o = KG_VIEW_OPTS_INIT;
    kg_error err = {0, ""};
    if (!st)
        return;
    begin(st);
    add(st, "late", "Apple", KG_REL_PARTNERS_WITH, "OpenAI",
        KG_STATUS_ENDED, "2025-03-01", NULL);
    commit(st);
    begin(st);
    add(st, "early", "Apple", KG_REL_PARTNERS_WITH, "OpenAI",
        KG_STATUS_HOLDS, "2024-06-10", NULL);
    commit(st);
    /* as known now: [2024-06-10, 2025-03-01) */
    s = snap(st, "2024-12-01", 0);
    KG_CHECK(find(&s, "Apple", KG_REL_PARTNERS_WITH, "OpenAI"));
    kg_tieset_release(&s);
    KG_CHECK_INT(kg_store_intervals(&iv, st, &o, &err), KG_OK);
    KG_CHECK_INT(iv.n, 1);
    if (iv.n == 1) {
        KG_CHECK_INT(iv.v[0].valid_from.year, 2024);
        KG_CHECK_INT(iv.v[0].valid_from.month, 6);
        KG_CHECK_INT(iv.v[0].valid_to.month, 3);
    }
    kg_tieset_release(&iv);
    /* as known after revision 1: only that it ended; start unknown */
    s = snap(st, "2024-12-01", 1);
    {
        const kg_tie *t = find(&s, "Apple", KG_REL_PARTNERS_WITH, "OpenAI");
        KG_CHECK(t && !kg_date_is_set(t->valid_from));
    }
    kg_tieset_release(&s);
    o.as_of = 9;
    kg_date_parse(&o.at, "2024", (size_t)-1);
    KG_CHECK_INT(kg_store_snapshot(&s, st, &o, &err), KG_ENOTFOUND);
    KG_CHECK(strstr(err.msg, "no revision 9") != NULL);
    kg_tieset_release(&s);
    close_rm(st);
}

static void test_view__precision(void)
{
    kg_store *st = fixture();
    kg_tieset s;
    const kg_tie *t;
    if (!st)
        return;
    s = snap(st, "2019-06-01", 0);
    t = find(&s, "Amazon", KG_REL_INVESTED_IN, "Anthropic");
    KG_CHECK(t != NULL);
    KG_CHECK(t && t->uncertain);
    KG_CHECK(t && t->valid_from.year == 2019 && t->valid_from.month == 0);
    t = find(&s, "Microsoft", KG_REL_INVESTED_IN, "OpenAI");
    KG_CHECK(!t); /* 2019-07-22 is after 2019-06-01 */
    kg_tieset_release(&s);
    s = snap(st, "2019", 0); /* the end of 2019 */
    t = find(&s, "Amazon", KG_REL_INVESTED_IN, "Anthropic");
    KG_CHECK(t && !t->uncertain);
    KG_CHECK(find(&s, "Microsoft", KG_REL_INVESTED_IN, "OpenAI"));
    kg_tieset_release(&s);
    close_rm(st);
}

static const kg_change *change(const kg_changeset *cs, kg_change_kind k,
                               const char *subject)
{
    size_t i;
    for (i = 0; i < cs->n; i++)
        if (cs->v[i].change == k && !strcmp(cs->v[i].tie.subject, subject))
            return &cs->v[i];
    return NULL;
}

static void test_view__diff(void)
{
    kg_store *st = fixture();
    kg_changeset cs = {0};
    kg_diff_opts o;
    kg_view_opts v = KG_VIEW_OPTS_INIT;
    kg_date d1, d2;
    kg_error err = {0, ""};
    const kg_change *c;
    if (!st)
        return;
    memset(&o, 0, sizeof o);
    o.view = v;
    kg_date_parse(&d1, "2023-01-01", (size_t)-1);
    kg_date_parse(&d2, "2023-12-31", (size_t)-1);
    KG_CHECK_INT(kg_store_diff(&cs, st, d1, d2, &o, &err), KG_OK);
    c = change(&cs, KG_CHANGE_CHANGED, "Microsoft");
    KG_CHECK(c && c->before && strstr(c->before, "amount=1000000000 USD"));
    KG_CHECK(c && c->after && strstr(c->after, "amount=10000000000 USD"));
    KG_CHECK(c && c->tie.evidence && !strcmp(c->tie.evidence, "d2"));
    c = change(&cs, KG_CHANGE_TRANSIENT, "Inflection AI");
    KG_CHECK(c != NULL);
    c = change(&cs, KG_CHANGE_INTERRUPTED, "Nvidia");
    KG_CHECK(c != NULL);
    c = change(&cs, KG_CHANGE_APPEARED, "Google");
    KG_CHECK(c && c->tie.relation == KG_REL_ACQUIRED &&
             c->tie.status == KG_STATUS_REPORTED);
    KG_CHECK(!change(&cs, KG_CHANGE_APPEARED, "Amazon"));
    kg_changeset_release(&cs);
    /* ended: Nvidia stopped in 2023-05 */
    kg_date_parse(&d2, "2023-06-01", (size_t)-1);
    o.entity = "OpenAI";
    o.hops = 1;
    KG_CHECK_INT(kg_store_diff(&cs, st, d1, d2, &o, &err), KG_OK);
    c = change(&cs, KG_CHANGE_ENDED, "Nvidia");
    KG_CHECK(c && c->tie.evidence && !strcmp(c->tie.evidence, "d7"));
    KG_CHECK(!change(&cs, KG_CHANGE_APPEARED, "Google"));
    kg_changeset_release(&cs);
    KG_CHECK_INT(kg_store_diff(&cs, st, d2, d1, &o, &err), KG_EINVAL);
    kg_changeset_release(&cs);
    close_rm(st);
}

static void test_view__diff_revs(void)
{
    kg_store *st = fixture();
    kg_changeset cs = {0};
    kg_diff_opts o;
    kg_view_opts v = KG_VIEW_OPTS_INIT;
    kg_error err = {0, ""};
    if (!st)
        return;
    begin(st);
    add(st, "r2a", "Amazon", KG_REL_INVESTED_IN, "Anthropic",
        KG_STATUS_ENDED, "2030-01-01", NULL);
    add(st, "r2b", "Apple", KG_REL_SUPPLIES, "OpenAI", KG_STATUS_HOLDS,
        "2024-06-10", NULL);
    commit(st);
    memset(&o, 0, sizeof o);
    o.view = v;
    KG_CHECK_INT(kg_store_diff_revisions(&cs, st, 1, 2, &o, &err), KG_OK);
    KG_CHECK_INT(cs.n, 2);
    KG_CHECK(change(&cs, KG_CHANGE_APPEARED, "Apple"));
    KG_CHECK(change(&cs, KG_CHANGE_ENDED, "Amazon"));
    kg_changeset_release(&cs);
    KG_CHECK_INT(kg_store_diff_revisions(&cs, st, 2, 1, &o, &err),
                 KG_EINVAL);
    KG_CHECK_INT(kg_store_diff_revisions(&cs, st, 1, 5, &o, &err),
                 KG_ENOTFOUND);
    kg_changeset_release(&cs);
    close_rm(st);
}

static void test_view__history(void)
{
    kg_store *st = fixture();
    kg_assertionset as = {0};
    kg_tieset iv = {0};
    kg_view_opts o = KG_VIEW_OPTS_INIT;
    kg_error err = {0, ""};
    if (!st)
        return;
    KG_CHECK_INT(kg_store_history(&as, &iv, st, "Nvidia", "OpenAI", &o, &err),
                 KG_OK);
    KG_CHECK_INT(as.n, 3);
    KG_CHECK_INT(iv.n, 2);
    kg_assertionset_release(&as);
    kg_tieset_release(&iv);
    KG_CHECK_INT(kg_store_history(&as, &iv, st, "Microsoft", NULL, &o, &err),
                 KG_OK);
    KG_CHECK_INT(as.n, 4);
    KG_CHECK_INT(iv.n, 3); /* two OpenAI amounts + Inflection */
    kg_assertionset_release(&as);
    kg_tieset_release(&iv);
    close_rm(st);
}

static void test_view__names(void)
{
    kg_store *st = fixture();
    kg_pool pool = KG_POOL_INIT;
    const char *name = NULL;
    kg_error err = {0, ""};
    if (!st)
        return;
    KG_CHECK_INT(kg_store_resolve(&name, &pool, st, "Microsfot", &err),
                 KG_ENOTFOUND);
    KG_CHECK_STR(err.msg, "no entity 'Microsfot'; did you mean 'Microsoft'?");
    KG_CHECK_INT(kg_store_resolve(&name, &pool, st, "openai", &err), KG_OK);
    KG_CHECK_STR(name, "OpenAI");
    KG_CHECK_INT(kg_store_resolve(&name, &pool, st, "Zzzzzzzzzz", &err),
                 KG_ENOTFOUND);
    KG_CHECK_STR(err.msg, "no entity 'Zzzzzzzzzz'");
    kg_pool_release(&pool);
    close_rm(st);
}

static void test_view__walks(void)
{
    kg_store *st = fixture();
    kg_tieset s = {0};
    kg_view_opts o = KG_VIEW_OPTS_INIT;
    kg_error err = {0, ""};
    if (!st)
        return;
    kg_date_parse(&o.at, "2024-01-01", (size_t)-1);
    KG_CHECK_INT(kg_store_neighbourhood(&s, st, "OpenAI", 1, &o, &err),
                 KG_OK);
    KG_CHECK_INT(s.n, 2);
    kg_tieset_release(&s);
    KG_CHECK_INT(kg_store_neighbourhood(&s, st, "Nvidia", 2, &o, &err),
                 KG_OK);
    KG_CHECK_INT(s.n, 2); /* Nvidia-OpenAI, Microsoft-OpenAI */
    kg_tieset_release(&s);
    KG_CHECK_INT(kg_store_path_ties(&s, st, "Nvidia", "Microsoft", 6, &o,
                                    &err), KG_OK);
    KG_CHECK_INT(s.n, 2);
    kg_tieset_release(&s);
    KG_CHECK_INT(kg_store_path_ties(&s, st, "Nvidia", "Amazon", 6, &o,
                                    &err), KG_OK);
    KG_CHECK_INT(s.n, 0);
    kg_tieset_release(&s);
    KG_CHECK_INT(kg_store_neighbourhood(&s, st, "Nvidai", 1, &o, &err),
                 KG_ENOTFOUND);
    kg_tieset_release(&s);
    close_rm(st);
}

int main(void)
{
    kg_init();
    KG_RUN(test_view__snapshot);
    KG_RUN(test_view__out_of_order);
    KG_RUN(test_view__precision);
    KG_RUN(test_view__diff);
    KG_RUN(test_view__diff_revs);
    KG_RUN(test_view__history);
    KG_RUN(test_view__names);
    KG_RUN(test_view__walks);
    return kg_test_summary();
}
