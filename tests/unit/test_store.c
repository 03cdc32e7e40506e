/*
 * test_store.c: the versioned store (src/store/): opening and refusing
 * files, revisions, the derivation rules of src/store/schema.c, record
 * time, entities, aliases, merges, locking and awkward names.
 *
 * Test plan
 *   open__*      create, reopen, refuse a missing file read-only, refuse a
 *                file that is not SQLite and leave it byte for byte
 *   rev__*       one revision per begin/commit; rollback leaves nothing;
 *                a revision with nothing new is not made; same article
 *                text is skipped, a changed text is a new document
 *   derive__*    holds opens, ended closes, negated never, reported is its
 *                own interval superseded by holds, precision kept, amount
 *                change splits, symmetric ties stored once, out-of-order
 *                revisions give the in-order history while earlier
 *                revisions answer as before
 *   names__*     quotes, SQL keywords, emoji, 10 KB names round-trip;
 *                empty names are refused
 *   entity__*    alias and merge are revisions; --as-of shows the past
 *   lock__*      a second writer gets KG_EBUSY after the timeout; a
 *                reader reads while a writer holds the lock (WAL)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "kg/kg.h"

static char dir[64];

static const char *path_in(const char *name)
{
    static char buf[4][128];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static kg_store *open_new(const char *name)
{
    kg_store *st = NULL;
    kg_error err;
    unlink(path_in(name));
    KG_CHECK_INT(kg_store_open(&st, path_in(name), KG_STORE_CREATE, &err),
                 KG_OK);
    if (st)
        kg_store_set_clock(st, "2026-01-01T00:00:00Z", &err);
    return st;
}

static kg_triple mk(const char *doc, const char *s, const char *rel,
                    const char *o, const char *status, const char *date)
{
    kg_triple t;
    kg_triple_init(&t);
    t.doc = doc;
    t.subject = s;
    t.object = o;
    kg_relation_parse(&t.relation, rel);
    kg_status_parse(&t.status, status);
    if (date)
        kg_date_parse(&t.date, date, (size_t)-1);
    t.evidence = "sentence";
    t.rule = "test";
    return t;
}

/* Store triples as one revision; returns the revision id (0 = none). */
static int64_t put(kg_store *st, const kg_triple *t, size_t n)
{
    kg_error err;
    kg_revision rev;
    size_t i;
    memset(&rev, 0, sizeof rev);
    KG_CHECK_INT(kg_store_begin(st, "test", "load", &err), KG_OK);
    for (i = 0; i < n; i++)
        KG_CHECK_INT(kg_store_add_triple(st, &t[i], &err), KG_OK);
    KG_CHECK_INT(kg_store_commit(st, &rev, &err), KG_OK);
    return rev.id;
}

static char *dump(kg_store *st, int64_t as_of)
{
    kg_buf b = KG_BUF_INIT;
    kg_error err;
    KG_CHECK_INT(kg_store_dump_ties(st, as_of, &b, &err), KG_OK);
    kg_buf_puts(&b, "");
    return b.ptr;
}

static void test_store__open_create_reopen(void)
{
    kg_store *st = open_new("a.db"), *ro = NULL;
    kg_error err;
    KG_CHECK(st != NULL);
    kg_store_close(st);
    KG_CHECK_INT(kg_store_open(&ro, path_in("a.db"), KG_STORE_READONLY,
                               &err), KG_OK);
    KG_CHECK_INT(kg_store_schema_version(ro), KG_STORE_SCHEMA_VERSION);
    /* a read-only handle cannot begin a revision */
    KG_CHECK(kg_store_begin(ro, "x", "load", &err) != KG_OK);
    kg_store_close(ro);
    KG_CHECK_INT(kg_store_open(&ro, path_in("missing.db"),
                               KG_STORE_READONLY, &err), KG_ENOTFOUND);
    KG_CHECK(strstr(err.msg, "missing.db") != NULL);
    KG_CHECK(access(path_in("missing.db"), F_OK) != 0);
}

static void test_store__open_foreign(void)
{
    const char *text = "this is not a database, but it is long enough to "
                       "have a header where SQLite would look for one.\n";
    char back[256];
    kg_store *st = NULL;
    kg_error err;
    FILE *f = fopen(path_in("foreign.txt"), "wb");
    size_t n;
    KG_CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
    KG_CHECK_INT(kg_store_open(&st, path_in("foreign.txt"), KG_STORE_CREATE,
                               &err), KG_ESTORE);
    KG_CHECK(strstr(err.msg, "not a corpgraph store") != NULL);
    f = fopen(path_in("foreign.txt"), "rb");
    n = f ? fread(back, 1, sizeof back, f) : 0;
    if (f)
        fclose(f);
    KG_CHECK_INT(n, strlen(text));
    KG_CHECK(memcmp(back, text, strlen(text)) == 0);
}

static void test_store__rev_rollback_and_nothing_new(void)
{
    kg_store *st = open_new("r.db");
    kg_triple t = mk("d1", "Alpha", "acquired", "Beta", "holds", "2020");
    kg_error err;
    kg_revision rev;
    char *d;
    KG_CHECK_INT(kg_store_begin(st, "m", "load", &err), KG_OK);
    KG_CHECK_INT(kg_store_add_triple(st, &t, &err), KG_OK);
    kg_store_rollback(st);
    d = dump(st, 0);
    KG_CHECK_STR(d, "");
    free(d);
    KG_CHECK_INT(put(st, &t, 1), 1);
    /* the same doc id again: skipped, no revision */
    KG_CHECK_INT(kg_store_begin(st, "m", "load", &err), KG_OK);
    KG_CHECK_INT(kg_store_add_triple(st, &t, &err), KG_OK);
    KG_CHECK_INT(kg_store_commit(st, &rev, &err), KG_OK);
    KG_CHECK_INT(rev.id, 0);
    KG_CHECK_INT(rev.skipped, 1);
    kg_store_close(st);
}

static void test_store__rev_same_text_skipped(void)
{
    kg_store *st = open_new("doc.db");
    kg_doc doc;
    kg_error err;
    kg_revision rev;
    int is_new = -1;
    char id[] = "a1", text[] = "Alpha bought Beta.", text2[] = "Changed.";
    memset(&doc, 0, sizeof doc);
    doc.id = id;
    doc.text = text;
    doc.text_len = strlen(text);
    KG_CHECK_INT(kg_store_begin(st, "", "rules/1", &err), KG_OK);
    KG_CHECK_INT(kg_store_add_doc(st, &doc, &is_new, &err), KG_OK);
    KG_CHECK_INT(is_new, 1);
    KG_CHECK_INT(kg_store_commit(st, &rev, &err), KG_OK);
    KG_CHECK_INT(rev.documents, 1);
    KG_CHECK_INT(kg_store_begin(st, "", "rules/1", &err), KG_OK);
    KG_CHECK_INT(kg_store_add_doc(st, &doc, &is_new, &err), KG_OK);
    KG_CHECK_INT(is_new, 0);
    doc.text = text2;
    doc.text_len = strlen(text2);
    KG_CHECK_INT(kg_store_add_doc(st, &doc, &is_new, &err), KG_OK);
    KG_CHECK_INT(is_new, 1);
    KG_CHECK_INT(kg_store_commit(st, &rev, &err), KG_OK);
    KG_CHECK_INT(rev.id, 2);
    KG_CHECK_INT(rev.documents, 1);
    KG_CHECK_INT(rev.skipped, 1);
    kg_store_close(st);
}

static void test_store__derive_rules(void)
{
    kg_store *st = open_new("d.db");
    kg_triple t[] = {
        mk("d1", "Alpha", "partners-with", "Beta", "holds", "2019"),
        mk("d2", "Beta", "partners-with", "Alpha", "ended", "2024-03"),
        mk("d1", "Gamma", "acquired", "Delta", "negated", "2020-01-01"),
        mk("d1", "Eps", "acquired", "Zeta", "reported", "2021-05"),
        mk("d2", "Eps", "acquired", "Zeta", "holds", "2021-09-01"),
        mk("d1", "Eta", "invested-in", "Theta", "holds", "2019-07-22"),
        mk("d2", "Eta", "invested-in", "Theta", "holds", "2023-01-23"),
        mk("d2", "Iota", "divested", "Kappa", "ended", "2022"),
    };
    char *d;
    t[5].amount = "1000000000 USD";
    t[6].amount = "10000000000 USD";
    KG_CHECK_INT(put(st, t, sizeof t / sizeof t[0]), 1);
    d = dump(st, 0);
    KG_CHECK_STR(d,
        "Alpha\tpartners-with\tBeta\tholds\t2019\t2024-03\t"
        "assertions=1\tdocuments=1\n"
        "Eps\tacquired\tZeta\treported\t2021-05\t2021-09-01\t"
        "assertions=1\tdocuments=1\n"
        "Eps\tacquired\tZeta\tholds\t2021-09-01\t\tassertions=1\t"
        "documents=1\n"
        "Eta\tinvested-in\tTheta\tholds\t2019-07-22\t2023-01-23\t"
        "amount=1000000000 USD\tassertions=1\tdocuments=1\n"
        "Eta\tinvested-in\tTheta\tholds\t2023-01-23\t\t"
        "amount=10000000000 USD\tassertions=1\tdocuments=1\n"
        "Iota\tdivested\tKappa\tholds\t?\t2022\tassertions=1\t"
        "documents=1\n");
    free(d);
    kg_store_close(st);
}

static void test_store__derive_out_of_order(void)
{
    kg_store *a = open_new("inorder.db"), *b = open_new("outorder.db");
    kg_triple old[] = {
        mk("o1", "Alpha", "invested-in", "Beta", "holds", "2019"),
        mk("o1", "Alpha", "partners-with", "Beta", "holds", "2019-02"),
    };
    kg_triple mid[] = {
        mk("m1", "Alpha", "partners-with", "Beta", "ended", "2021-06-30"),
    };
    kg_triple late[] = {
        mk("n1", "Alpha", "invested-in", "Beta", "holds", "2023-01-23"),
        mk("n1", "Alpha", "partners-with", "Beta", "holds", "2024"),
    };
    char *da, *db, *b1, *b2;
    late[0].amount = "10 USD";
    /* in order: old, mid, late; out of order: late, old, mid */
    put(a, old, 2);
    put(a, mid, 1);
    put(a, late, 2);
    put(b, late, 2);
    b1 = dump(b, 0);
    put(b, old, 2);
    put(b, mid, 1);
    da = dump(a, 0);
    db = dump(b, 0);
    KG_CHECK_STR(da, db);
    /* revision 1 of b still answers as it did */
    b2 = dump(b, 1);
    KG_CHECK_STR(b1, b2);
    KG_CHECK(strstr(da, "partners-with\tBeta\tholds\t2019-02\t2021-06-30") !=
             NULL);
    KG_CHECK(strstr(da, "partners-with\tBeta\tholds\t2024\t\t") != NULL);
    free(da);
    free(db);
    free(b1);
    free(b2);
    kg_store_close(a);
    kg_store_close(b);
}

static void test_store__names(void)
{
    kg_store *st = open_new("n.db");
    char *big = malloc(10241);
    const char *names[] = {"O'Reilly \"Media\"", "DROP TABLE entity; --",
                           "SELECT", "\xf0\x9f\x9a\x80 Rocket Lab",
                           "tab\there", NULL};
    kg_triple t[6];
    kg_error err;
    char *d;
    size_t i;
    memset(big, 'x', 10240);
    big[10240] = '\0';
    names[5] = big;
    for (i = 0; i < 6; i++)
        t[i] = mk("n", names[i], "competes-with", "Zed", "holds", "2020");
    KG_CHECK_INT(put(st, t, 6), 1);
    d = dump(st, 0);
    for (i = 0; i < 6; i++)
        KG_CHECK(strstr(d, names[i]) != NULL);
    free(d);
    t[0].subject = "";
    KG_CHECK_INT(kg_store_begin(st, "", "load", &err), KG_OK);
    KG_CHECK_INT(kg_store_add_triple(st, &t[0], &err), KG_EINVAL);
    KG_CHECK(strstr(err.msg, "empty") != NULL);
    kg_store_rollback(st);
    free(big);
    kg_store_close(st);
}

typedef struct seen {
    int n;
    char names[8][64];
    long long ties[8];
} seen;

static int on_entity(const kg_entity_info *e, void *payload)
{
    seen *s = payload;
    if (s->n < 8) {
        snprintf(s->names[s->n], sizeof s->names[s->n], "%s/%zu", e->name,
                 e->naliases);
        s->ties[s->n] = e->ties;
        s->n++;
    }
    return 0;
}

static void test_store__entity_alias_merge(void)
{
    kg_store *st = open_new("e.db");
    kg_triple t[] = {
        mk("e1", "Facebook", "acquired", "Instagram", "holds", "2012"),
        mk("e2", "Meta", "acquired", "Instagram", "holds", "2012-04-09"),
    };
    kg_triple later = mk("e3", "FB", "sued", "Zed", "holds", "2022");
    kg_error err;
    kg_revision rev;
    seen s;
    char *d;
    put(st, t, 2);
    KG_CHECK_INT(kg_store_begin(st, "", "merge", &err), KG_OK);
    KG_CHECK_INT(kg_store_merge(st, "Facebook", "Meta", -1, &err), KG_OK);
    KG_CHECK_INT(kg_store_commit(st, &rev, &err), KG_OK);
    KG_CHECK_INT(rev.id, 2);
    KG_CHECK_INT(kg_store_begin(st, "", "alias", &err), KG_OK);
    KG_CHECK_INT(kg_store_alias_add(st, "FB", "Facebook", -1, &err), KG_OK);
    KG_CHECK_INT(kg_store_commit(st, &rev, &err), KG_OK);
    put(st, &later, 1);
    memset(&s, 0, sizeof s);
    KG_CHECK_INT(kg_store_entities(st, -1, NULL, 0, on_entity, &s, &err),
                 KG_OK);
    KG_CHECK_INT(s.n, 3);
    KG_CHECK_STR(s.names[1], "Meta/2");
    KG_CHECK_INT(s.ties[1], 2);
    memset(&s, 0, sizeof s);
    KG_CHECK_INT(kg_store_entities(st, -1, NULL, 1, on_entity, &s, &err),
                 KG_OK);
    KG_CHECK_INT(s.n, 3);
    KG_CHECK_STR(s.names[0], "Facebook/0");
    d = dump(st, 0);
    KG_CHECK(strstr(d, "Meta\tacquired\tInstagram\tholds\t2012\t\t"
                       "assertions=2\tdocuments=2") != NULL);
    KG_CHECK(strstr(d, "Meta\tsued\tZed") != NULL);
    KG_CHECK(strstr(d, "Facebook") == NULL);
    free(d);
    d = dump(st, 1);
    KG_CHECK(strstr(d, "Facebook\tacquired\tInstagram") != NULL);
    free(d);
    kg_store_close(st);
}

static void test_store__lock_busy_and_reader(void)
{
    kg_store *w = open_new("l.db"), *w2 = NULL, *ro = NULL;
    kg_triple t = mk("l1", "Alpha", "sued", "Beta", "holds", "2020");
    kg_error err;
    kg_revision rev;
    char *d;
    put(w, &t, 1);
    KG_CHECK_INT(kg_store_open(&w2, path_in("l.db"), 0, &err), KG_OK);
    KG_CHECK_INT(kg_store_open(&ro, path_in("l.db"), KG_STORE_READONLY,
                               &err), KG_OK);
    kg_store_set_busy_timeout(w2, 100);
    t.doc = "l2";
    t.object = "Gamma";
    KG_CHECK_INT(kg_store_begin(w, "", "load", &err), KG_OK);
    KG_CHECK_INT(kg_store_add_triple(w, &t, &err), KG_OK);
    KG_CHECK_INT(kg_store_begin(w2, "", "load", &err), KG_EBUSY);
    KG_CHECK(strstr(err.msg, "busy") != NULL);
    /* the reader sees the last commit while the writer works */
    d = dump(ro, 0);
    KG_CHECK(strstr(d, "Alpha\tsued\tBeta") != NULL);
    KG_CHECK(strstr(d, "Gamma") == NULL);
    free(d);
    KG_CHECK_INT(kg_store_commit(w, &rev, &err), KG_OK);
    d = dump(ro, 0);
    KG_CHECK(strstr(d, "Gamma") != NULL);
    free(d);
    kg_store_close(ro);
    kg_store_close(w2);
    kg_store_close(w);
}

int main(void)
{
    char cmd[128];
    int rc;
    kg_init();
    snprintf(dir, sizeof dir, "/tmp/kg-test-store-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 77;
    }
    KG_RUN(test_store__open_create_reopen);
    KG_RUN(test_store__open_foreign);
    KG_RUN(test_store__rev_rollback_and_nothing_new);
    KG_RUN(test_store__rev_same_text_skipped);
    KG_RUN(test_store__derive_rules);
    KG_RUN(test_store__derive_out_of_order);
    KG_RUN(test_store__names);
    KG_RUN(test_store__entity_alias_merge);
    KG_RUN(test_store__lock_busy_and_reader);
    rc = kg_test_summary();
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
    return rc;
}
