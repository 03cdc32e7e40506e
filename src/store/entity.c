/*
 * entity.c: entities as people name them: finding one by name or alias,
 * listing them with their counts (kg_store_entities), adding aliases and
 * merging two entities.  Aliases and merges are revisions like an ingest:
 * rows with rec_from/rec_to, never deleted, so an earlier revision still
 * shows the graph as it was (schema.c, rule 11).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

/* Prepare an ad-hoc statement (commands that run once per process). */
static int prep(kg_store *st, const char *sql, sqlite3_stmt **out,
                kg_error *err)
{
    int rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
    if (rc != SQLITE_OK)
        return kg_store__sqlerr(st, rc, "cannot prepare", err);
    return KG_OK;
}

/* Run a statement that returns no row; finalizes it. */
static int run(kg_store *st, sqlite3_stmt *s, kg_error *err)
{
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot write", err);
    return KG_OK;
}

/* The entity an entity id lives on as (following current merges). */
static int final_entity(kg_store *st, int64_t *id, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc, hops;
    rc = prep(st, "SELECT into_entity FROM entity_merge WHERE from_entity = ?1"
                  " AND rec_to = 2147483647 ORDER BY id DESC LIMIT 1",
              &s, err);
    if (rc != KG_OK)
        return rc;
    for (hops = 0; hops < 64; hops++) {
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, *id);
        rc = sqlite3_step(s);
        if (rc == SQLITE_DONE) {
            sqlite3_finalize(s);
            return KG_OK;
        }
        if (rc != SQLITE_ROW) {
            rc = kg_store__sqlerr(st, rc, "cannot read merges", err);
            sqlite3_finalize(s);
            return rc;
        }
        *id = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    return kg_error_set(err, KG_ESTORE, "merge cycle at entity %lld",
                        (long long)*id);
}

/*
 * Find the current entity a person means by name: a current alias of that
 * text, else entities with that canonical name (kind -1 = any); merged
 * entities are followed.  KG_ENOTFOUND or, when several match, KG_EINVAL.
 */
static int find_entity(kg_store *st, const char *name, int kind,
                       int64_t *out, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int64_t found[8];
    int nfound = 0, rc, i;
    const char *kname = kind >= 0 ? kg_kind_name((kg_kind)kind) : NULL;

    rc = prep(st,
              "SELECT e.id FROM alias a JOIN entity e ON e.id = a.entity"
              " WHERE a.alias = ?1 AND a.rec_to = 2147483647"
              " AND (?2 IS NULL OR e.kind = ?2)"
              " UNION SELECT id FROM entity WHERE name = ?1"
              " AND (?2 IS NULL OR kind = ?2)",
              &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    if (kname)
        sqlite3_bind_text(s, 2, kname, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        if ((rc = final_entity(st, &id, err)) != KG_OK) {
            sqlite3_finalize(s);
            return rc;
        }
        for (i = 0; i < nfound && found[i] != id; i++)
            ;
        if (i == nfound && nfound < 8)
            found[nfound++] = id;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot look up entity", err);
    if (nfound == 0)
        return kg_error_set(err, KG_ENOTFOUND, "no entity called '%s'%s%s",
                            name, kname ? " of kind " : "",
                            kname ? kname : "");
    if (nfound > 1)
        return kg_error_set(err, KG_EINVAL,
                            "'%s' names %d entities of different kinds; "
                            "give --kind", name, nfound);
    *out = found[0];
    return KG_OK;
}

/* Close the current alias rows of text alias; *had = entity it named. */
static int alias_close(kg_store *st, const char *alias, int64_t *had,
                       kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc;
    *had = 0;
    rc = prep(st, "SELECT entity FROM alias WHERE alias = ?1"
                  " AND rec_to = 2147483647", &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_text(s, 1, alias, -1, SQLITE_STATIC);
    if ((rc = sqlite3_step(s)) == SQLITE_ROW)
        *had = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot read aliases", err);
    if (!*had)
        return KG_OK;
    rc = prep(st, "UPDATE alias SET rec_to = ?2 WHERE alias = ?1"
                  " AND rec_to = 2147483647", &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_text(s, 1, alias, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, st->rev.id);
    return run(st, s, err);
}

static int alias_insert(kg_store *st, const char *alias, int64_t entity,
                        kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc = prep(st, "INSERT INTO alias(alias, entity, rec_from)"
                      " VALUES(?1, ?2, ?3)", &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_text(s, 1, alias, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, entity);
    sqlite3_bind_int64(s, 3, st->rev.id);
    return run(st, s, err);
}

/* Point alias text at entity from now on (closing what it named). */
static int alias_set(kg_store *st, const char *alias, int64_t entity,
                     kg_error *err)
{
    int64_t had;
    int rc = alias_close(st, alias, &had, err);
    if (rc == KG_OK)
        rc = alias_insert(st, alias, entity, err);
    return rc;
}

/* Order two entities as a symmetric tie stores them (store.c ent_cmp). */
static int ent_order(const char *an, int ak, const char *bn, int bk)
{
    int c = strcmp(an, bn);
    return c ? c : (ak > bk) - (ak < bk);
}

/* Redirect the ties of entity from to entity into (rule 1, merges). */
static int redirect_ties(kg_store *st, int64_t from, int64_t into,
                         kg_error *err)
{
    sqlite3_stmt *s = NULL, *ins = NULL;
    int rc;
    int64_t *rows = NULL;
    size_t n = 0, cap = 0, i;

    /* ties made earlier in this revision are still queued (write.c) */
    if ((rc = kg_store__ties_flush(st, err)) != KG_OK)
        return rc;
    rc = prep(st, "SELECT id, subject, relation, object FROM tie"
                  " WHERE (subject = ?1 OR object = ?1) AND NOT EXISTS"
                  " (SELECT 1 FROM tie_redirect r WHERE r.tie = tie.id"
                  "  AND r.rec_to = 2147483647) ORDER BY id", &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_int64(s, 1, from);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (n + 4 > cap) {
            int64_t *v;
            cap = cap ? cap * 2 : 64;
            if (!(v = realloc(rows, cap * sizeof *v))) {
                rc = SQLITE_NOMEM;
                break;
            }
            rows = v;
        }
        rows[n++] = sqlite3_column_int64(s, 0);
        rows[n++] = sqlite3_column_int64(s, 1);
        {
            kg_relation r = KG_REL_NONE;
            kg_store__rel_col(s, 2, &r);
            rows[n++] = (int64_t)r;
        }
        rows[n++] = sqlite3_column_int64(s, 3);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        free(rows);
        return kg_store__sqlerr(st, rc, "cannot read ties", err);
    }
    rc = KG_OK;
    for (i = 0; i < n; i += 4) {
        int64_t tie = rows[i], subj = rows[i + 1], obj = rows[i + 3];
        kg_relation rel = (kg_relation)rows[i + 2];
        int32_t tix, nix;
        if (subj == from)
            subj = into;
        if (obj == from)
            obj = into;
        if (kg_relation_symmetric(rel) && subj != obj) {
            const char *sn, *on;
            int sk, ok;
            if ((rc = kg_store__entity_name(st, subj, &sn, &sk, err)) ||
                (rc = kg_store__entity_name(st, obj, &on, &ok, err)))
                break;
            if (ent_order(sn, sk, on, ok) > 0) {
                int64_t t = subj;
                subj = obj;
                obj = t;
            }
        }
        /* the old tie: touched so that its intervals are closed */
        if ((rc = kg_store__touch_tie(st, rows[i + 1], rel, rows[i + 3],
                                      KG_TIE_FIND, &tix, err)) != KG_OK)
            break;
        if ((rc = kg_store__touch_tie(st, subj, rel, obj, KG_TIE_CREATE,
                                      &nix, err)) != KG_OK)
            break;
        st->ties[nix].is_new = 0; /* its assertions come from the store */
        if (tix >= 0)
            st->ties[tix].is_new = 0;
        rc = prep(st, "INSERT INTO tie_redirect(tie, into_tie, rec_from)"
                      " VALUES(?1, ?2, ?3)", &ins, err);
        if (rc != KG_OK)
            break;
        sqlite3_bind_int64(ins, 1, tie);
        sqlite3_bind_int64(ins, 2, st->ties[nix].id);
        sqlite3_bind_int64(ins, 3, st->rev.id);
        if ((rc = run(st, ins, err)) != KG_OK)
            break;
    }
    free(rows);
    return rc;
}

/* Merge entity from into entity into within the open revision. */
static int merge_ids(kg_store *st, int64_t from, int64_t into, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    const char *fname, *iname;
    int fkind, ikind, rc;
    char **moved = NULL;
    size_t nmoved = 0, cap = 0, i;

    if ((rc = kg_store__entity_name(st, from, &fname, &fkind, err)) ||
        (rc = kg_store__entity_name(st, into, &iname, &ikind, err)))
        return rc;
    rc = prep(st, "INSERT INTO entity_merge(from_entity, into_entity,"
                  " rec_from) VALUES(?1, ?2, ?3)", &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_int64(s, 1, from);
    sqlite3_bind_int64(s, 2, into);
    sqlite3_bind_int64(s, 3, st->rev.id);
    if ((rc = run(st, s, err)) != KG_OK)
        return rc;

    /* from's aliases now name into */
    rc = prep(st, "SELECT alias FROM alias WHERE entity = ?1"
                  " AND rec_to = 2147483647 ORDER BY alias", &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_int64(s, 1, from);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (nmoved == cap) {
            char **v;
            cap = cap ? cap * 2 : 16;
            if (!(v = realloc(moved, cap * sizeof *v))) {
                rc = SQLITE_NOMEM;
                break;
            }
            moved = v;
        }
        moved[nmoved] = kg_pool_strdup(
            &st->pool, (const char *)sqlite3_column_text(s, 0));
        if (!moved[nmoved]) {
            rc = SQLITE_NOMEM;
            break;
        }
        nmoved++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        free(moved);
        return kg_store__sqlerr(st, rc, "cannot read aliases", err);
    }
    rc = KG_OK;
    for (i = 0; i < nmoved && rc == KG_OK; i++)
        rc = alias_set(st, moved[i], into, err);
    free(moved);
    if (rc == KG_OK && strcmp(fname, iname) != 0)
        rc = alias_set(st, fname, into, err);
    if (rc == KG_OK)
        rc = redirect_ties(st, from, into, err);
    /* names resolved earlier in this revision may point at from */
    kg_smap__release(&st->entities);
    st->rev_changed = 1;
    st->no_aliases = st->no_merges = st->no_ties = 0;
    return rc;
}

int kg_store_merge(kg_store *st, const char *from, const char *into,
                   int kind, kg_error *err)
{
    int64_t f, t;
    int rc;
    if (!st->in_rev)
        return kg_error_set(err, KG_EINVAL, "no open revision");
    if ((rc = find_entity(st, from, kind, &f, err)) != KG_OK ||
        (rc = find_entity(st, into, kind, &t, err)) != KG_OK)
        return rc;
    if (f == t)
        return kg_error_set(err, KG_EEXISTS,
                            "'%s' and '%s' are already one entity", from,
                            into);
    return merge_ids(st, f, t, err);
}

int kg_store_alias_add(kg_store *st, const char *alias, const char *name,
                       int kind, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    const char *tname;
    int64_t target, had, other = 0;
    int tkind, rc;
    if (!st->in_rev)
        return kg_error_set(err, KG_EINVAL, "no open revision");
    if (!*alias)
        return kg_error_set(err, KG_EINVAL, "empty alias");
    if ((rc = find_entity(st, name, kind, &target, err)) != KG_OK ||
        (rc = kg_store__entity_name(st, target, &tname, &tkind, err)))
        return rc;
    if (strcmp(tname, alias) == 0)
        return kg_error_set(err, KG_EEXISTS, "'%s' is the name of that "
                            "entity already", alias);
    /* an entity of that kind called alias becomes part of the target */
    rc = prep(st, "SELECT id FROM entity WHERE name = ?1 AND kind = ?2",
              &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_text(s, 1, alias, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, kg_kind_name((kg_kind)tkind), -1, SQLITE_STATIC);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        other = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot look up entity", err);
    if (other && (rc = final_entity(st, &other, err)) != KG_OK)
        return rc;
    if (other && other != target)
        return merge_ids(st, other, target, err);
    rc = alias_close(st, alias, &had, err);
    if (rc != KG_OK)
        return rc;
    if (had == target)
        return kg_error_set(err, KG_EEXISTS, "'%s' is already an alias of "
                            "'%s'", alias, tname);
    rc = alias_insert(st, alias, target, err);
    kg_smap__release(&st->entities);
    st->rev_changed = 1;
    st->no_aliases = 0;
    return rc;
}

/* ---------------------------------------------------------------------
 * Listing
 */

typedef struct ent_row {
    int64_t id, revision, final, ties, assertions;
    const char *name;
    int kind;
    const char **aliases;
    size_t naliases, capaliases;
} ent_row;

static int ent_row_cmp(const void *pa, const void *pb)
{
    const ent_row *a = *(const ent_row *const *)pa;
    const ent_row *b = *(const ent_row *const *)pb;
    int c = strcmp(a->name, b->name);
    return c ? c : (a->kind > b->kind) - (a->kind < b->kind);
}

static int str_cmp(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* ASCII case-insensitive substring test. */
static int contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle), i;
    if (!n)
        return 1;
    for (; *hay; hay++) {
        for (i = 0; i < n && hay[i] &&
                    tolower((unsigned char)hay[i]) ==
                        tolower((unsigned char)needle[i]);
             i++)
            ;
        if (i == n)
            return 1;
    }
    return 0;
}

/* Index of entity id in rows (ids are sorted ascending), or -1. */
static long find_row(const ent_row *rows, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rows[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && rows[lo].id == id ? (long)lo : -1;
}

/* Follow the merges known at the revision (rows[].final) to the end. */
static long final_row(const ent_row *rows, size_t n, long ix)
{
    int hops;
    for (hops = 0; ix >= 0 && hops < 64; hops++) {
        long next;
        if (!rows[ix].final)
            return ix;
        next = find_row(rows, n, rows[ix].final);
        if (next < 0)
            return ix;
        ix = next;
    }
    return ix;
}

int kg_store_entities(kg_store *st, int kind, const char *pattern,
                      int64_t as_of, kg_entity_cb cb, void *payload,
                      kg_error *err)
{
    sqlite3_stmt *s = NULL;
    kg_pool pool = KG_POOL_INIT;
    ent_row *rows = NULL, **out = NULL;
    size_t n = 0, cap = 0, nout = 0, i;
    int64_t rev = as_of, last;
    int rc, latest;

    /* the last revision: rows with rec_to open are the ones visible */
    rc = prep(st, "SELECT ifnull(max(id), 0) FROM revision", &s, err);
    if (rc != KG_OK)
        return rc;
    rc = sqlite3_step(s);
    last = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_ROW)
        return kg_store__sqlerr(st, rc, "cannot read revisions", err);
    latest = rev <= 0 || rev >= last;
    if (latest)
        rev = last;

    /* 1. entities created by the revision */
    rc = prep(st, "SELECT id, name, kind, revision FROM entity"
                  " WHERE revision <= ?1 ORDER BY id", &s, err);
    if (rc != KG_OK)
        goto done;
    sqlite3_bind_int64(s, 1, rev);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        ent_row *r;
        kg_kind k = KG_KIND_ORG;
        if (n == cap) {
            ent_row *v;
            cap = cap ? cap * 2 : 256;
            if (!(v = realloc(rows, cap * sizeof *v))) {
                rc = SQLITE_NOMEM;
                break;
            }
            rows = v;
        }
        r = &rows[n];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(s, 0);
        r->name = kg_pool_strndup(&pool,
                                  (const char *)sqlite3_column_text(s, 1),
                                  (size_t)sqlite3_column_bytes(s, 1));
        kg_kind_parse(&k, (const char *)sqlite3_column_text(s, 2));
        r->kind = (int)k;
        r->revision = sqlite3_column_int64(s, 3);
        if (!r->name) {
            rc = SQLITE_NOMEM;
            break;
        }
        n++;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE) {
        rc = kg_store__sqlerr(st, rc, "cannot read entities", err);
        goto done;
    }

    /* 2. merges known at the revision */
    rc = prep(st, "SELECT from_entity, into_entity FROM entity_merge"
                  " WHERE rec_from <= ?1 AND rec_to > ?1", &s, err);
    if (rc != KG_OK)
        goto done;
    sqlite3_bind_int64(s, 1, rev);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        long ix = find_row(rows, n, sqlite3_column_int64(s, 0));
        if (ix >= 0)
            rows[ix].final = sqlite3_column_int64(s, 1);
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE) {
        rc = kg_store__sqlerr(st, rc, "cannot read merges", err);
        goto done;
    }

    /* 3. aliases known at the revision */
    rc = prep(st, "SELECT alias, entity FROM alias"
                  " WHERE rec_from <= ?1 AND rec_to > ?1", &s, err);
    if (rc != KG_OK)
        goto done;
    sqlite3_bind_int64(s, 1, rev);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        long ix = final_row(rows, n,
                            find_row(rows, n, sqlite3_column_int64(s, 1)));
        ent_row *r;
        if (ix < 0)
            continue;
        r = &rows[ix];
        if (r->naliases == r->capaliases) {
            const char **v;
            size_t c = r->capaliases ? r->capaliases * 2 : 4;
            if (!(v = kg_pool_alloc(&pool, c * sizeof *v))) {
                rc = SQLITE_NOMEM;
                break;
            }
            if (r->naliases)
                memcpy(v, r->aliases, r->naliases * sizeof *v);
            r->aliases = v;
            r->capaliases = c;
        }
        r->aliases[r->naliases] = kg_pool_strndup(
            &pool, (const char *)sqlite3_column_text(s, 0),
            (size_t)sqlite3_column_bytes(s, 0));
        if (!r->aliases[r->naliases]) {
            rc = SQLITE_NOMEM;
            break;
        }
        r->naliases++;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE) {
        rc = kg_store__sqlerr(st, rc, "cannot read aliases", err);
        goto done;
    }

    /* 4. ties with an interval known at the revision */
    /* now: the current rows, read from a small covering index */
    rc = prep(st, latest ? "SELECT subject, object FROM tie WHERE id IN"
                           " (SELECT tie FROM tie_version INDEXED BY tv_to"
                           "  WHERE rec_to = 2147483647 AND ?1 = ?1)"
                         : "SELECT subject, object FROM tie t WHERE EXISTS"
                           " (SELECT 1 FROM tie_version v WHERE v.tie = t.id"
                           "  AND v.rec_from <= ?1 AND v.rec_to > ?1)",
              &s, err);
    if (rc != KG_OK)
        goto done;
    sqlite3_bind_int64(s, 1, rev);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        long a = find_row(rows, n, sqlite3_column_int64(s, 0));
        long b = find_row(rows, n, sqlite3_column_int64(s, 1));
        if (a >= 0)
            rows[a].ties++;
        if (b >= 0 && b != a)
            rows[b].ties++;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE) {
        rc = kg_store__sqlerr(st, rc, "cannot read ties", err);
        goto done;
    }

    /* 5. assertions up to the revision, counted for the final entity */
    /* now: counted per tie on the assertion_tie index, not the table */
    rc = prep(st, latest ? "SELECT t.subject, t.object, a.n FROM"
                           " (SELECT tie, count(*) AS n FROM assertion"
                           "  GROUP BY tie) a JOIN tie t ON t.id = a.tie"
                           " WHERE ?1 = ?1"
                         : "SELECT subject, object, 1 FROM assertion"
                           " WHERE revision <= ?1",
              &s, err);
    if (rc != KG_OK)
        goto done;
    sqlite3_bind_int64(s, 1, rev);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        long a = final_row(rows, n,
                           find_row(rows, n, sqlite3_column_int64(s, 0)));
        long b = final_row(rows, n,
                           find_row(rows, n, sqlite3_column_int64(s, 1)));
        int64_t k = sqlite3_column_int64(s, 2);
        if (a >= 0)
            rows[a].assertions += k;
        if (b >= 0 && b != a)
            rows[b].assertions += k;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE) {
        rc = kg_store__sqlerr(st, rc, "cannot read assertions", err);
        goto done;
    }

    /* 6. filter, sort, report */
    if (n && !(out = malloc(n * sizeof *out))) {
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
        goto done;
    }
    for (i = 0; i < n; i++) {
        ent_row *r = &rows[i];
        size_t j;
        int match = !pattern || contains_ci(r->name, pattern);
        if (r->final || (kind >= 0 && r->kind != kind))
            continue;
        for (j = 0; !match && j < r->naliases; j++)
            match = contains_ci(r->aliases[j], pattern);
        if (!match)
            continue;
        if (r->naliases > 1)
            qsort(r->aliases, r->naliases, sizeof *r->aliases, str_cmp);
        out[nout++] = r;
    }
    if (nout > 1)
        qsort(out, nout, sizeof *out, ent_row_cmp);
    rc = KG_OK;
    for (i = 0; i < nout; i++) {
        kg_entity_info e;
        e.id = out[i]->id;
        e.name = out[i]->name;
        e.kind = (kg_kind)out[i]->kind;
        e.revision = out[i]->revision;
        e.ties = out[i]->ties;
        e.assertions = out[i]->assertions;
        e.aliases = out[i]->aliases;
        e.naliases = out[i]->naliases;
        if ((rc = cb(&e, payload)) != 0)
            break;
    }
done:
    sqlite3_finalize(s);
    free(out);
    free(rows);
    kg_pool_release(&pool);
    return rc;
}
