/*
 * view.c: the read side of the store (view.h): snapshots at a valid date
 * as known after a revision, neighbourhoods and path searches walked in
 * SQL from one entity, all intervals, diffs between two dates (from the
 * interval endpoints inside the window) or two revisions, histories, and
 * "did you mean" for unknown names.  The tables are described in
 * schema.c; this file only reads them.
 *
 * Time.  A tie_version row is the interval [valid_from, valid_to) of day
 * numbers with the precision of each bound.  A bound of year or month
 * precision covers a period: "since 2019" may have begun on any day of
 * 2019, "ended in 2021" on any day of 2021.  So a row possibly holds on
 * day q when valid_from <= q < end(valid_to) (end = the first day after
 * the period the end date covers) and it certainly holds when
 * last(valid_from) <= q < valid_to.  Readers return every row that
 * possibly holds and flag the uncertain ones; diff uses the same rule at
 * both dates.  A query date of coarse precision is read at its last day.
 *
 * Record time.  The current belief is rec_to = OPEN and uses the partial
 * indexes tv_from / tv_to; "as of revision R" is rec_from <= R < rec_to.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "kg/view.h"
#include "store/store_int.h"

#define OPEN INT32_MAX
#define DAY_UNKNOWN INT32_MIN
#define SLACK 400 /* more than a year: how far a coarse end can reach */

/* The columns every interval query selects, in this order (see row_tie). */
#define VCOLS                                                             \
    "v.tie, t.subject, t.relation, t.object, v.status, v.valid_from,"     \
    " v.from_precision, v.valid_to, v.to_precision, v.amount, v.stake,"   \
    " v.role, v.evidence, v.end_evidence, v.documents, v.id"

#define REC_CURRENT "v.rec_to = 2147483647"
#define REC_ASOF "v.rec_from <= ?9 AND v.rec_to > ?9"

/* One entity as the reader knows it. */
typedef struct ent {
    int64_t id;
    const char *name; /* in the output pool */
    kg_kind kind;
    int32_t rank;     /* position in name order, -1 if not bulk-loaded */
} ent;

/* One interval row as read, before it becomes a kg_tie. */
typedef struct vrow {
    int64_t tie, id, subject, object, evidence, end_evidence;
    kg_relation relation;
    kg_status status;
    int32_t from, to;   /* day numbers as stored */
    int fprec, tprec;
    int32_t to_end;     /* effective end: first day after the period */
    int32_t from_last;  /* last day the start may be */
    int ndocs;
    double stake;
    const char *amount, *role; /* in the reader's scratch pool */
} vrow;

/* A reader: the store, the resolved clocks and an entity cache. */
typedef struct reader {
    kg_store *st;
    sqlite3 *db;
    kg_pool *pool;     /* output strings (names) */
    kg_pool scratch;   /* strings of rows being classified */
    int current;       /* read the current belief (partial indexes) */
    int64_t as_of;
    /* entity cache: open addressing id -> index into ents */
    int64_t *keys;
    int32_t *vals;
    size_t cap, used;
    ent **ents;        /* in the output pool: addresses stay valid */
    size_t nents, capents;
    sqlite3_stmt *ent_stmt, *ev_stmt;
} reader;

static int sqlerr(reader *r, const char *what, kg_error *err)
{
    return kg_error_set(err, KG_ESTORE, "cannot read the store (%s): %s",
                        what, sqlite3_errmsg(r->db));
}

static int prep(reader *r, sqlite3_stmt **out, const char *sql,
                kg_error *err)
{
    *out = NULL;
    if (sqlite3_prepare_v2(r->db, sql, -1, out, NULL) != SQLITE_OK)
        return sqlerr(r, "prepare", err);
    return KG_OK;
}

/*
 * Prepare sql after replacing each "%s" in it with the record-time
 * clause (constant text: the clause only ever binds ?9).
 */
static int prep_rec(reader *r, sqlite3_stmt **out, const char *sql,
                    kg_error *err)
{
    const char *rec = r->current ? REC_CURRENT : REC_ASOF;
    kg_buf b = KG_BUF_INIT;
    const char *p, *m;
    int rc;
    for (p = sql; (m = strstr(p, "%s")) != NULL; p = m + 2)
        if (kg_buf_put(&b, p, (size_t)(m - p)) || kg_buf_puts(&b, rec)) {
            kg_buf_release(&b);
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        }
    if (kg_buf_puts(&b, p)) {
        kg_buf_release(&b);
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    }
    rc = prep(r, out, b.ptr, err);
    kg_buf_release(&b);
    if (rc == KG_OK && !r->current)
        sqlite3_bind_int64(*out, 9, r->as_of);
    return rc;
}

static void reader_release(reader *r)
{
    sqlite3_finalize(r->ent_stmt);
    sqlite3_finalize(r->ev_stmt);
    free(r->keys);
    free(r->vals);
    free(r->ents);
    kg_pool_release(&r->scratch);
    memset(r, 0, sizeof *r);
}

/* Resolve the record-time clock: as_of 0 or the latest revision = now. */
static int reader_init(reader *r, kg_store *st, kg_pool *pool,
                       int64_t as_of, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int64_t latest = 0;
    int rc = KG_OK;
    memset(r, 0, sizeof *r);
    r->st = st;
    r->db = st->db;
    r->pool = pool;
    r->current = 1;
    /* map the file: a cold reader then costs no read() per page */
    sqlite3_exec(r->db, "PRAGMA mmap_size = 2147418112", NULL, NULL, NULL);
    if (as_of <= 0)
        return KG_OK;
    if ((rc = prep(r, &s, "SELECT max(id) FROM revision", err)) != KG_OK)
        return rc;
    if (sqlite3_step(s) == SQLITE_ROW)
        latest = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (as_of > latest)
        return kg_error_set(err, KG_ENOTFOUND,
                            "no revision %lld (the latest is %lld)",
                            (long long)as_of, (long long)latest);
    if (as_of < latest) {
        r->current = 0;
        r->as_of = as_of;
    }
    return KG_OK;
}

/* ------------------------------------------------------------------ */
/* The entity cache                                                    */

static size_t hash_id(int64_t id, size_t mask)
{
    uint64_t x = (uint64_t)id * 0x9E3779B97F4A7C15ULL;
    return (size_t)(x >> 17) & mask;
}

static int cache_grow(reader *r)
{
    size_t ncap = r->cap ? r->cap * 2 : 1024, i;
    int64_t *keys = malloc(ncap * sizeof *keys);
    int32_t *vals = malloc(ncap * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return KG_ENOMEM;
    }
    for (i = 0; i < ncap; i++)
        vals[i] = -1;
    for (i = 0; i < r->cap; i++) {
        size_t h;
        if (r->vals[i] < 0)
            continue;
        h = hash_id(r->keys[i], ncap - 1);
        while (vals[h] >= 0)
            h = (h + 1) & (ncap - 1);
        keys[h] = r->keys[i];
        vals[h] = r->vals[i];
    }
    free(r->keys);
    free(r->vals);
    r->keys = keys;
    r->vals = vals;
    r->cap = ncap;
    return KG_OK;
}

static ent *cache_get(reader *r, int64_t id)
{
    size_t h;
    if (!r->cap)
        return NULL;
    h = hash_id(id, r->cap - 1);
    while (r->vals[h] >= 0) {
        if (r->keys[h] == id)
            return r->ents[r->vals[h]];
        h = (h + 1) & (r->cap - 1);
    }
    return NULL;
}

static int cache_put(reader *r, int64_t id, const char *name, size_t len,
                     const char *kind, int32_t rank, ent **out)
{
    size_t h;
    ent *e;
    if ((r->used + 1) * 2 > r->cap && cache_grow(r) != KG_OK)
        return KG_ENOMEM;
    if (r->nents == r->capents) {
        size_t ncap = r->capents ? r->capents * 2 : 256;
        ent **p = realloc(r->ents, ncap * sizeof *p);
        if (!p)
            return KG_ENOMEM;
        r->ents = p;
        r->capents = ncap;
    }
    /* each entry has its own address: callers hold two at once */
    if (!(e = kg_pool_alloc(r->pool, sizeof *e)))
        return KG_ENOMEM;
    r->ents[r->nents] = e;
    e->id = id;
    e->name = kg_pool_strndup(r->pool, name ? name : "", name ? len : 0);
    if (!e->name)
        return KG_ENOMEM;
    e->kind = KG_KIND_ORG;
    if (kind)
        kg_kind_parse(&e->kind, kind);
    e->rank = rank;
    h = hash_id(id, r->cap - 1);
    while (r->vals[h] >= 0)
        h = (h + 1) & (r->cap - 1);
    r->keys[h] = id;
    r->vals[h] = (int32_t)r->nents++;
    r->used++;
    if (out)
        *out = e;
    return KG_OK;
}

/* The entity with row id id, from the cache or the table. */
static int entity(reader *r, int64_t id, ent **out, kg_error *err)
{
    int rc;
    if ((*out = cache_get(r, id)) != NULL)
        return KG_OK;
    if (!r->ent_stmt &&
        (rc = prep(r, &r->ent_stmt,
                   "SELECT name, kind FROM entity WHERE id = ?1", err)))
        return rc;
    sqlite3_reset(r->ent_stmt);
    sqlite3_bind_int64(r->ent_stmt, 1, id);
    if (sqlite3_step(r->ent_stmt) != SQLITE_ROW)
        return kg_error_set(err, KG_ESTORE, "entity %lld is missing",
                            (long long)id);
    rc = cache_put(r, id, (const char *)sqlite3_column_text(r->ent_stmt, 0),
                   (size_t)sqlite3_column_bytes(r->ent_stmt, 0),
                   (const char *)sqlite3_column_text(r->ent_stmt, 1), -1,
                   out);
    if (rc != KG_OK)
        return kg_error_set(err, rc, "out of memory");
    return KG_OK;
}

/* Load every entity in name order (for whole-graph reads): ranks set. */
static int entity_load_all(reader *r, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc, step;
    int32_t rank = 0;
    if ((rc = prep(r, &s, "SELECT id, name, kind FROM entity"
                          " ORDER BY name, kind", err)))
        return rc;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        ent *e = cache_get(r, id);
        if (e) {
            e->rank = rank++;
            continue;
        }
        rc = cache_put(r, id, (const char *)sqlite3_column_text(s, 1),
                       (size_t)sqlite3_column_bytes(s, 1),
                       (const char *)sqlite3_column_text(s, 2), rank++,
                       NULL);
        if (rc != KG_OK) {
            sqlite3_finalize(s);
            return kg_error_set(err, rc, "out of memory");
        }
    }
    sqlite3_finalize(s);
    if (step != SQLITE_DONE)
        return sqlerr(r, "entities", err);
    return KG_OK;
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */

static kg_date day_date(int32_t day, int prec)
{
    kg_date d = {0, 0, 0};
    if (day == DAY_UNKNOWN || day == OPEN || prec <= KG_PREC_NONE)
        return day == DAY_UNKNOWN || day == OPEN ? d
                                                 : kg_date_from_days(day);
    d = kg_date_from_days(day);
    if (prec == KG_PREC_YEAR)
        d.month = d.day = 0;
    else if (prec == KG_PREC_MONTH)
        d.day = 0;
    return d;
}

/* The first day after the period a bound (day, prec) covers. */
static int32_t period_end(int32_t day, int prec)
{
    if (day == OPEN || day == DAY_UNKNOWN)
        return day;
    if (prec == KG_PREC_YEAR || prec == KG_PREC_MONTH)
        return kg_date_last_day(day_date(day, prec)) + 1;
    return day;
}

/* The day a query date stands for: its last day. */
static int32_t query_day(kg_date d)
{
    return kg_date_last_day(d);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static const char *scratch_text(reader *r, sqlite3_stmt *s, int col)
{
    if (sqlite3_column_type(s, col) == SQLITE_NULL)
        return NULL;
    return kg_pool_strndup(&r->scratch,
                           (const char *)sqlite3_column_text(s, col),
                           (size_t)sqlite3_column_bytes(s, col));
}

/* Read the VCOLS of the current row of s (from column 0) into v. */
static void read_row(reader *r, sqlite3_stmt *s, vrow *v)
{
    kg_relation relation = KG_REL_NONE;
    kg_status status = KG_STATUS_HOLDS;
    kg_store__rel_col(s, 2, &relation);
    kg_store__status_col(s, 4, &status);
    v->tie = sqlite3_column_int64(s, 0);
    v->subject = sqlite3_column_int64(s, 1);
    v->relation = relation;
    v->object = sqlite3_column_int64(s, 3);
    v->status = status;
    v->from = (int32_t)sqlite3_column_int64(s, 5);
    v->fprec = sqlite3_column_int(s, 6);
    v->to = (int32_t)sqlite3_column_int64(s, 7);
    v->tprec = sqlite3_column_int(s, 8);
    v->amount = scratch_text(r, s, 9);
    v->stake = sqlite3_column_type(s, 10) == SQLITE_NULL
                   ? -1
                   : sqlite3_column_double(s, 10);
    v->role = scratch_text(r, s, 11);
    v->evidence = sqlite3_column_int64(s, 12);
    v->end_evidence = sqlite3_column_type(s, 13) == SQLITE_NULL
                          ? 0
                          : sqlite3_column_int64(s, 13);
    v->ndocs = sqlite3_column_int(s, 14);
    v->id = sqlite3_column_int64(s, 15);
    v->to_end = period_end(v->to, v->tprec);
    v->from_last = v->from == DAY_UNKNOWN
                       ? DAY_UNKNOWN
                       : period_end(v->from, v->fprec) - 1;
}

static int possibly_at(const vrow *v, int32_t q)
{
    return v->from <= q && q < v->to_end;
}

static int certainly_at(const vrow *v, int32_t q)
{
    return v->from_last <= q && q < v->to;
}

/* Does the row pass the relation/kind/reported filters? */
static int row_wanted(reader *r, const vrow *v, const kg_view_opts *o,
                      kg_error *err, int *rc)
{
    ent *s, *ob;
    *rc = KG_OK;
    if (o->relation >= 0 && (int)v->relation != o->relation)
        return 0;
    if (!o->with_reported && v->status == KG_STATUS_REPORTED)
        return 0;
    if (o->kind >= 0) {
        if ((*rc = entity(r, v->subject, &s, err)) != KG_OK ||
            (*rc = entity(r, v->object, &ob, err)) != KG_OK)
            return 0;
        if ((int)s->kind != o->kind && (int)ob->kind != o->kind)
            return 0;
    }
    return 1;
}

/* Fill the evidence fields of t from assertion id aid. */
static int fill_evidence(reader *r, kg_tie *t, int64_t aid, kg_error *err)
{
    int rc;
    if (!aid)
        return KG_OK;
    if (!r->ev_stmt &&
        (rc = prep(r, &r->ev_stmt,
                   "SELECT a.evidence, d.ext_id, d.source, a.day,"
                   " a.precision FROM assertion a"
                   " JOIN document d ON d.id = a.document WHERE a.id = ?1",
                   err)))
        return rc;
    sqlite3_reset(r->ev_stmt);
    sqlite3_bind_int64(r->ev_stmt, 1, aid);
    if (sqlite3_step(r->ev_stmt) != SQLITE_ROW)
        return KG_OK;
    t->evidence = scratch_text(r, r->ev_stmt, 0);
    t->doc = scratch_text(r, r->ev_stmt, 1);
    t->source = scratch_text(r, r->ev_stmt, 2);
    t->evidence_date =
        sqlite3_column_type(r->ev_stmt, 3) == SQLITE_NULL
            ? KG_DATE_UNKNOWN
            : day_date((int32_t)sqlite3_column_int64(r->ev_stmt, 3),
                       sqlite3_column_int(r->ev_stmt, 4));
    return KG_OK;
}

/*
 * Turn a row into a kg_tie (names borrowed from the cache, so from the
 * output pool; other strings from scratch: kg_tieset_add copies them).
 * q is the query day (uncertainty) or DAY_UNKNOWN for intervals.
 */
static int row_tie(reader *r, const vrow *v, int32_t q, int evidence,
                   int64_t aid, kg_tie *t, kg_error *err)
{
    ent *s, *o;
    int rc;
    memset(t, 0, sizeof *t);
    if ((rc = entity(r, v->subject, &s, err)) != KG_OK ||
        (rc = entity(r, v->object, &o, err)) != KG_OK)
        return rc;
    t->id = v->tie;
    t->subject = s->name;
    t->subject_kind = s->kind;
    t->relation = v->relation;
    t->object = o->name;
    t->object_kind = o->kind;
    t->status = v->status;
    t->valid_from = day_date(v->from, v->fprec);
    t->valid_to = day_date(v->to, v->tprec);
    t->uncertain = q != DAY_UNKNOWN && !certainly_at(v, q);
    t->ndocs = v->ndocs;
    t->amount = v->amount;
    t->stake = v->stake;
    t->role = v->role;
    if (evidence)
        return fill_evidence(r, t, aid ? aid : v->evidence, err);
    return KG_OK;
}

/* Append t to set sharing the name strings (they live in set->pool). */
static int push_tie(kg_tieset *set, const kg_tie *t)
{
    kg_tie *d;
    if (set->n == set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 256;
        kg_tie *p = realloc(set->v, ncap * sizeof *p);
        if (!p)
            return KG_ENOMEM;
        set->v = p;
        set->cap = ncap;
    }
    d = &set->v[set->n];
    *d = *t;
#define KEEP(f)                                                            \
    if (t->f && !(d->f = kg_pool_strdup(&set->pool, t->f)))                \
        return KG_ENOMEM;
    KEEP(amount)
    KEEP(role)
    KEEP(evidence)
    KEEP(doc)
    KEEP(source)
#undef KEEP
    set->n++;
    return KG_OK;
}

/* ------------------------------------------------------------------ */
/* Sorting a whole-graph set by entity rank (no string compares)        */

typedef struct sortkey {
    int32_t s, o;
    int32_t rel;
    int32_t from;
    int64_t tie;
    size_t idx;
} sortkey;

static int cmp_key(const void *pa, const void *pb)
{
    const sortkey *a = pa, *b = pb;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    if (a->rel != b->rel)
        return a->rel < b->rel ? -1 : 1;
    if (a->o != b->o)
        return a->o < b->o ? -1 : 1;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    return (a->tie > b->tie) - (a->tie < b->tie);
}

/*
 * Record the sort key of the row just appended to a set (at index idx of
 * the part being sorted), growing *keys as needed.  KG_ENOMEM on failure.
 */
static int push_key(sortkey **keys, size_t *n, size_t *cap, reader *r,
                    const vrow *v, size_t idx)
{
    ent *se, *oe;
    sortkey *k;
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 1024;
        sortkey *p = realloc(*keys, ncap * sizeof *p);
        if (!p)
            return KG_ENOMEM;
        *keys = p;
        *cap = ncap;
    }
    se = cache_get(r, v->subject);
    oe = cache_get(r, v->object);
    k = &(*keys)[(*n)++];
    k->s = se ? se->rank : 0;
    k->o = oe ? oe->rank : 0;
    k->rel = (int32_t)v->relation;
    k->from = v->from;
    k->tie = v->tie;
    k->idx = idx;
    return KG_OK;
}

/*
 * Sort set[start..] by (subject rank, relation, object rank, from); keys
 * were recorded in keys[] in append order.
 */
static int sort_by_keys(kg_tieset *set, sortkey *keys, size_t n)
{
    kg_tie *tmp;
    size_t i;
    if (n < 2)
        return KG_OK;
    qsort(keys, n, sizeof *keys, cmp_key);
    tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return KG_ENOMEM;
    for (i = 0; i < n; i++)
        tmp[i] = set->v[keys[i].idx];
    memcpy(set->v, tmp, n * sizeof *tmp);
    free(tmp);
    return KG_OK;
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

/* Levenshtein distance on lower-cased bytes, capped at cap + 1. */
static size_t edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t row[128], prev, tmp;
    if (la > 120 || lb > 120)
        return cap + 1;
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t best;
        prev = row[0];
        row[0] = i;
        best = row[0];
        for (j = 1; j <= lb; j++) {
            size_t cost = tolower((unsigned char)a[i - 1]) !=
                          tolower((unsigned char)b[j - 1]);
            size_t v = prev + cost;
            if (row[j] + 1 < v)
                v = row[j] + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            tmp = row[j];
            row[j] = v;
            prev = tmp;
            if (v < best)
                best = v;
        }
        if (best > cap)
            return cap + 1;
    }
    return row[lb];
}

typedef struct cand {
    size_t dist;
    const char *name;
} cand;

static int cmp_cand(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    if (a->dist != b->dist)
        return a->dist < b->dist ? -1 : 1;
    return strcmp(a->name, b->name);
}

int kg_store_suggest(const char **out, size_t max, size_t *n, kg_pool *pool,
                     kg_store *st, const char *name, kg_error *err)
{
    reader r;
    sqlite3_stmt *s = NULL;
    cand best[16];
    size_t nb = 0, cap = strlen(name) / 3 + 1, i;
    int rc, step;

    *n = 0;
    if (max > 16)
        max = 16;
    if ((rc = reader_init(&r, st, pool, 0, err)) != KG_OK)
        return rc;
    if ((rc = prep(&r, &s,
                   "SELECT name, name FROM entity UNION"
                   " SELECT a.alias, e.name FROM alias a"
                   " JOIN entity e ON e.id = a.entity"
                   " WHERE a.rec_to = 2147483647",
                   err)))
        goto done;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        const char *cn = (const char *)sqlite3_column_text(s, 0);
        const char *canon = (const char *)sqlite3_column_text(s, 1);
        size_t d;
        if (!cn || !canon)
            continue;
        d = edit_distance(name, cn, cap);
        if (d > cap)
            continue;
        /* keep the best per canonical name */
        for (i = 0; i < nb; i++)
            if (strcmp(best[i].name, canon) == 0)
                break;
        if (i < nb) {
            if (d < best[i].dist)
                best[i].dist = d;
            continue;
        }
        if (nb < 16) {
            best[nb].dist = d;
            if (!(best[nb].name = kg_pool_strdup(&r.scratch, canon))) {
                rc = kg_error_set(err, KG_ENOMEM, "out of memory");
                goto done;
            }
            nb++;
        } else {
            qsort(best, nb, sizeof *best, cmp_cand);
            if (d < best[nb - 1].dist) {
                best[nb - 1].dist = d;
                best[nb - 1].name = kg_pool_strdup(&r.scratch, canon);
                if (!best[nb - 1].name) {
                    rc = kg_error_set(err, KG_ENOMEM, "out of memory");
                    goto done;
                }
            }
        }
        if (nb && d < cap && nb >= max) {
            /* tighten the bound once enough close names are known */
            qsort(best, nb, sizeof *best, cmp_cand);
            if (best[max - 1].dist < cap)
                cap = best[max - 1].dist;
        }
    }
    if (step != SQLITE_DONE) {
        rc = sqlerr(&r, "names", err);
        goto done;
    }
    qsort(best, nb, sizeof *best, cmp_cand);
    for (i = 0; i < nb && i < max; i++) {
        if (!(out[i] = kg_pool_strdup(pool, best[i].name))) {
            rc = kg_error_set(err, KG_ENOMEM, "out of memory");
            goto done;
        }
    }
    *n = i;
done:
    sqlite3_finalize(s);
    reader_release(&r);
    return rc;
}

/*
 * The entity ids a name stands for: a current alias of that exact text,
 * else entities of that name (any kind), else a case-insensitive match;
 * each followed through current merges.  ids holds up to 8.
 */
static int resolve_ids(reader *r, const char *name, int64_t *ids,
                       size_t *nids, kg_error *err)
{
    static const char *const sql[] = {
        "SELECT entity FROM alias WHERE alias = ?1 AND rec_to = 2147483647",
        "SELECT id FROM entity WHERE name = ?1 ORDER BY kind",
        "SELECT id FROM entity WHERE name = ?1 COLLATE NOCASE ORDER BY kind",
        "SELECT entity FROM alias WHERE alias = ?1 COLLATE NOCASE"
        " AND rec_to = 2147483647"};
    sqlite3_stmt *s = NULL, *m = NULL;
    size_t k, i;
    int rc = KG_OK;

    *nids = 0;
    for (k = 0; k < 4 && *nids == 0; k++) {
        if ((rc = prep(r, &s, sql[k], err)))
            return rc;
        sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
        while (sqlite3_step(s) == SQLITE_ROW && *nids < 8)
            ids[(*nids)++] = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        s = NULL;
    }
    if ((rc = prep(r, &m,
                   "SELECT into_entity FROM entity_merge"
                   " WHERE from_entity = ?1 AND rec_to = 2147483647",
                   err)))
        return rc;
    for (i = 0; i < *nids; i++) {
        int hops;
        for (hops = 0; hops < 32; hops++) {
            sqlite3_reset(m);
            sqlite3_bind_int64(m, 1, ids[i]);
            if (sqlite3_step(m) != SQLITE_ROW)
                break;
            ids[i] = sqlite3_column_int64(m, 0);
        }
    }
    sqlite3_finalize(m);
    /* drop duplicates (two names merged into one) */
    for (i = 0; i < *nids; i++) {
        size_t j;
        for (j = i + 1; j < *nids;)
            if (ids[j] == ids[i])
                ids[j] = ids[--*nids];
            else
                j++;
    }
    return KG_OK;
}

/* KG_ENOTFOUND with the "did you mean" message. */
static int not_found(kg_store *st, const char *name, kg_error *err)
{
    kg_pool pool = KG_POOL_INIT;
    const char *sug[3];
    size_t n = 0;
    kg_error e2;
    int rc;
    if (kg_store_suggest(sug, 3, &n, &pool, st, name, &e2) != KG_OK)
        n = 0;
    if (n == 0)
        rc = kg_error_set(err, KG_ENOTFOUND, "no entity '%s'", name);
    else if (n == 1)
        rc = kg_error_set(err, KG_ENOTFOUND,
                          "no entity '%s'; did you mean '%s'?", name, sug[0]);
    else if (n == 2)
        rc = kg_error_set(err, KG_ENOTFOUND,
                          "no entity '%s'; did you mean '%s' or '%s'?", name,
                          sug[0], sug[1]);
    else
        rc = kg_error_set(err, KG_ENOTFOUND,
                          "no entity '%s'; did you mean '%s', '%s' or '%s'?",
                          name, sug[0], sug[1], sug[2]);
    kg_pool_release(&pool);
    return rc;
}

/* Resolve name to ids or fail with KG_ENOTFOUND and suggestions. */
static int need_ids(reader *r, const char *name, int64_t *ids, size_t *n,
                    kg_error *err)
{
    int rc = resolve_ids(r, name, ids, n, err);
    if (rc != KG_OK)
        return rc;
    if (*n == 0)
        return not_found(r->st, name, err);
    return KG_OK;
}

int kg_store_resolve(const char **out, kg_pool *pool, kg_store *st,
                     const char *name, kg_error *err)
{
    reader r;
    int64_t ids[8];
    size_t n;
    ent *e;
    int rc;
    if ((rc = reader_init(&r, st, pool, 0, err)) != KG_OK)
        return rc;
    if ((rc = need_ids(&r, name, ids, &n, err)) == KG_OK &&
        (rc = entity(&r, ids[0], &e, err)) == KG_OK)
        *out = e->name;
    reader_release(&r);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Snapshot                                                            */

/* Count up to limit index entries of a range, to pick the shorter one. */
static int count_range(reader *r, const char *sql, int32_t a, int64_t limit,
                       int64_t *out, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc;
    if ((rc = prep(r, &s, sql, err)))
        return rc;
    sqlite3_bind_int64(s, 1, a);
    sqlite3_bind_int64(s, 2, limit);
    *out = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return KG_OK;
}

/* The key of every tie, indexed by tie id (a whole-graph read). */
typedef struct tiekeys {
    int64_t *s, *o;
    signed char *rel;
    int64_t n;
} tiekeys;

static void tiekeys_release(tiekeys *k)
{
    free(k->s);
    free(k->o);
    free(k->rel);
    memset(k, 0, sizeof *k);
}

/* One sequential scan of the tie table: cheaper than a lookup per row. */
static int tiekeys_load(reader *r, tiekeys *k, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int64_t max = 0;
    int rc, step;
    if ((rc = prep(r, &s, "SELECT max(id) FROM tie", err)))
        return rc;
    if (sqlite3_step(s) == SQLITE_ROW)
        max = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    k->n = max + 1;
    k->s = calloc((size_t)k->n, sizeof *k->s);
    k->o = calloc((size_t)k->n, sizeof *k->o);
    k->rel = malloc((size_t)k->n);
    if (!k->s || !k->o || !k->rel)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    memset(k->rel, -1, (size_t)k->n);
    if ((rc = prep(r, &s, "SELECT id, subject, relation, object FROM tie"
                          " NOT INDEXED", err)))
        return rc;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        kg_relation x = KG_REL_NONE;
        if (id < 0 || id >= k->n)
            continue;
        kg_store__rel_col(s, 2, &x);
        k->s[id] = sqlite3_column_int64(s, 1);
        k->o[id] = sqlite3_column_int64(s, 3);
        k->rel[id] = (signed char)x;
    }
    sqlite3_finalize(s);
    if (step != SQLITE_DONE)
        return sqlerr(r, "ties", err);
    return KG_OK;
}

/*
 * The graph at day q without evidence, read from the index tv_from alone
 * (it covers status and precisions) plus the tie keys.
 */
static int snapshot_fast(reader *r, kg_tieset *out, const kg_view_opts *o,
                         int32_t q, int64_t estimate, sortkey **keys,
                         size_t *nkeys, size_t *capkeys, kg_error *err)
{
    sqlite3_stmt *s = NULL, *one = NULL;
    tiekeys k = {0};
    int rc, step;
    size_t start = out->n;
    if (estimate >= 50000 && (rc = tiekeys_load(r, &k, err)))
        goto done;
    if (estimate > 0 && out->cap < out->n + (size_t)estimate) {
        /* one allocation instead of a chain of doublings */
        kg_tie *p = realloc(out->v, (out->n + (size_t)estimate) * sizeof *p);
        sortkey *kp = realloc(*keys, (size_t)estimate * sizeof *kp);
        if (p) {
            out->v = p;
            out->cap = out->n + (size_t)estimate;
        }
        if (kp) {
            *keys = kp;
            *capkeys = (size_t)estimate;
        }
    }
    if ((rc = prep(r, &s,
                   "SELECT v.tie, v.status, v.valid_from, v.from_precision,"
                   " v.valid_to, v.to_precision FROM tie_version v"
                   " INDEXED BY tv_from WHERE v.rec_to = 2147483647"
                   " AND v.valid_from <= ?1 AND v.valid_to > ?2",
                   err)) ||
        (rc = prep(r, &one,
                   "SELECT subject, relation, object FROM tie WHERE id = ?1",
                   err)))
        goto done;
    sqlite3_bind_int64(s, 1, q);
    sqlite3_bind_int64(s, 2, (int64_t)q - SLACK);
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        vrow v;
        kg_tie t;
        ent *se, *oe;
        memset(&v, 0, sizeof v);
        v.tie = sqlite3_column_int64(s, 0);
        v.status = KG_STATUS_HOLDS;
        kg_store__status_col(s, 1, &v.status);
        v.from = (int32_t)sqlite3_column_int64(s, 2);
        v.fprec = sqlite3_column_int(s, 3);
        v.to = (int32_t)sqlite3_column_int64(s, 4);
        v.tprec = sqlite3_column_int(s, 5);
        v.stake = -1;
        v.to_end = period_end(v.to, v.tprec);
        v.from_last = v.from == DAY_UNKNOWN
                          ? DAY_UNKNOWN
                          : period_end(v.from, v.fprec) - 1;
        if (!possibly_at(&v, q))
            continue;
        if (k.n && v.tie < k.n) {
            v.subject = k.s[v.tie];
            v.object = k.o[v.tie];
            v.relation = (kg_relation)k.rel[v.tie];
        } else {
            sqlite3_reset(one);
            sqlite3_bind_int64(one, 1, v.tie);
            if (sqlite3_step(one) != SQLITE_ROW)
                continue;
            v.subject = sqlite3_column_int64(one, 0);
            v.object = sqlite3_column_int64(one, 2);
            v.relation = KG_REL_NONE;
            kg_store__rel_col(one, 1, &v.relation);
        }
        if (!row_wanted(r, &v, o, err, &rc)) {
            if (rc)
                goto done;
            continue;
        }
        if ((rc = entity(r, v.subject, &se, err)) ||
            (rc = entity(r, v.object, &oe, err)))
            goto done;
        memset(&t, 0, sizeof t);
        t.id = v.tie;
        t.subject = se->name;
        t.subject_kind = se->kind;
        t.relation = v.relation;
        t.object = oe->name;
        t.object_kind = oe->kind;
        t.status = v.status;
        t.valid_from = day_date(v.from, v.fprec);
        t.valid_to = day_date(v.to, v.tprec);
        t.uncertain = !certainly_at(&v, q);
        t.stake = -1;
        if (push_tie(out, &t)) {
            rc = kg_error_set(err, KG_ENOMEM, "out of memory");
            goto done;
        }
        if (*nkeys == *capkeys) {
            size_t ncap = *capkeys ? *capkeys * 2 : 1024;
            sortkey *p = realloc(*keys, ncap * sizeof *p);
            if (!p) {
                rc = kg_error_set(err, KG_ENOMEM, "out of memory");
                goto done;
            }
            *keys = p;
            *capkeys = ncap;
        }
        (*keys)[*nkeys].s = se->rank;
        (*keys)[*nkeys].o = oe->rank;
        (*keys)[*nkeys].rel = (int32_t)v.relation;
        (*keys)[*nkeys].from = v.from;
        (*keys)[*nkeys].tie = v.tie;
        (*keys)[*nkeys].idx = out->n - 1 - start;
        (*nkeys)++;
    }
    rc = step == SQLITE_DONE ? KG_OK : sqlerr(r, "snapshot", err);
done:
    tiekeys_release(&k);
    sqlite3_finalize(one);
    sqlite3_finalize(s);
    return rc;
}

int kg_store_snapshot(kg_tieset *out, kg_store *st, const kg_view_opts *o,
                      kg_error *err)
{
    reader r;
    sqlite3_stmt *s = NULL;
    sortkey *keys = NULL;
    size_t nkeys = 0, capkeys = 0, start = out->n;
    int32_t q = query_day(o->at);
    int rc, step;

    if (!kg_date_is_set(o->at))
        return kg_error_set(err, KG_EINVAL, "snapshot needs a date");
    if ((rc = reader_init(&r, st, &out->pool, o->as_of, err)) != KG_OK)
        return rc;
    if ((rc = entity_load_all(&r, err)) != KG_OK)
        goto done;
    if (r.current) {
        /* the planner cannot tell which side is shorter (no STAT4) */
        int64_t nf = 0, nt = 0;
        const int64_t lim = 200000;
        if ((rc = count_range(&r,
                              "SELECT count(*) FROM (SELECT 1 FROM"
                              " tie_version INDEXED BY tv_from WHERE"
                              " rec_to = 2147483647 AND valid_from <= ?1"
                              " LIMIT ?2)",
                              q, lim, &nf, err)) ||
            (rc = count_range(&r,
                              "SELECT count(*) FROM (SELECT 1 FROM"
                              " tie_version INDEXED BY tv_to WHERE"
                              " rec_to = 2147483647 AND valid_to > ?1"
                              " LIMIT ?2)",
                              q - SLACK, lim, &nt, err)))
            goto done;
        if (!o->with_evidence) {
            rc = snapshot_fast(&r, out, o, q, nf, &keys, &nkeys, &capkeys,
                               err);
            if (rc == KG_OK)
                goto sort;
            goto done;
        }
        rc = prep(&r, &s,
                  nf <= nt ? "SELECT " VCOLS " FROM tie_version v INDEXED BY"
                             " tv_from JOIN tie t ON t.id = v.tie WHERE"
                             " v.rec_to = 2147483647 AND v.valid_from <= ?1"
                             " AND v.valid_to > ?2"
                           : "SELECT " VCOLS " FROM tie_version v INDEXED BY"
                             " tv_to JOIN tie t ON t.id = v.tie WHERE"
                             " v.rec_to = 2147483647 AND v.valid_to > ?2"
                             " AND v.valid_from <= ?1",
                  err);
    } else {
        rc = prep_rec(&r, &s,
                      "SELECT " VCOLS " FROM tie_version v JOIN tie t"
                      " ON t.id = v.tie WHERE %s AND v.valid_from <= ?1"
                      " AND v.valid_to > ?2",
                      err);
    }
    if (rc)
        goto done;
    sqlite3_bind_int64(s, 1, q);
    sqlite3_bind_int64(s, 2, (int64_t)q - SLACK);
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        vrow v;
        kg_tie t;
        read_row(&r, s, &v);
        if (!possibly_at(&v, q) || !row_wanted(&r, &v, o, err, &rc)) {
            if (rc)
                goto done;
            continue;
        }
        if ((rc = row_tie(&r, &v, q, o->with_evidence, 0, &t, err)) ||
            (rc = push_tie(out, &t)))
            goto oom_or_done;
        if ((rc = push_key(&keys, &nkeys, &capkeys, &r, &v,
                           out->n - 1 - start)))
            goto oom_or_done;
        if (out->n % 4096 == 0)
            kg_pool_release(&r.scratch);
    }
    if (step != SQLITE_DONE) {
        rc = sqlerr(&r, "snapshot", err);
        goto done;
    }
sort:
    if (start == 0)
        rc = sort_by_keys(out, keys, nkeys);
    else
        kg_tieset_sort(out);
oom_or_done:
    if (rc == KG_ENOMEM)
        kg_error_set(err, rc, "out of memory");
done:
    free(keys);
    sqlite3_finalize(s);
    reader_release(&r);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Walking from entities                                               */

/* A set of int64 (entity or version ids), open addressing. */
typedef struct idset {
    int64_t *k;
    int32_t *val; /* a small payload: the BFS distance */
    size_t cap, n;
} idset;

static void idset_release(idset *s)
{
    free(s->k);
    free(s->val);
    memset(s, 0, sizeof *s);
}

static int32_t *idset_get(const idset *s, int64_t id)
{
    size_t h;
    if (!s->cap)
        return NULL;
    h = hash_id(id, s->cap - 1);
    while (s->k[h] != INT64_MIN) {
        if (s->k[h] == id)
            return &s->val[h];
        h = (h + 1) & (s->cap - 1);
    }
    return NULL;
}

/* Insert id with val; *added = 1 if it was new.  KG_ENOMEM. */
static int idset_put(idset *s, int64_t id, int32_t val, int *added)
{
    size_t h, i;
    int32_t *p = idset_get(s, id);
    if (p) {
        if (added)
            *added = 0;
        return KG_OK;
    }
    if ((s->n + 1) * 2 > s->cap) {
        idset t;
        t.cap = s->cap ? s->cap * 2 : 256;
        t.n = 0;
        t.k = malloc(t.cap * sizeof *t.k);
        t.val = malloc(t.cap * sizeof *t.val);
        if (!t.k || !t.val) {
            free(t.k);
            free(t.val);
            return KG_ENOMEM;
        }
        for (i = 0; i < t.cap; i++)
            t.k[i] = INT64_MIN;
        for (i = 0; i < s->cap; i++)
            if (s->k[i] != INT64_MIN)
                idset_put(&t, s->k[i], s->val[i], NULL);
        idset_release(s);
        *s = t;
    }
    h = hash_id(id, s->cap - 1);
    while (s->k[h] != INT64_MIN)
        h = (h + 1) & (s->cap - 1);
    s->k[h] = id;
    s->val[h] = val;
    s->n++;
    if (added)
        *added = 1;
    return KG_OK;
}

/* The ties of one entity at day q: both directions, self-loops once. */
static const char *const sql_incident =
    "SELECT " VCOLS " FROM tie t JOIN tie_version v ON v.tie = t.id"
    " WHERE t.subject = ?1 AND %s AND v.valid_from <= ?2"
    " AND v.valid_to > ?3"
    " UNION ALL SELECT " VCOLS " FROM tie t JOIN tie_version v"
    " ON v.tie = t.id WHERE t.object = ?1 AND t.subject <> ?1 AND %s"
    " AND v.valid_from <= ?2 AND v.valid_to > ?3";

static int bind_incident(sqlite3_stmt *s, int64_t id, int32_t q)
{
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int64(s, 2, q);
    sqlite3_bind_int64(s, 3, (int64_t)q - SLACK);
    return KG_OK;
}

int kg_store_neighbourhood(kg_tieset *out, kg_store *st, const char *name,
                           int hops, const kg_view_opts *o, kg_error *err)
{
    reader r;
    sqlite3_stmt *s = NULL;
    idset seen_ent = {0}, seen_ver = {0};
    int64_t ids[8], *frontier = NULL, *next = NULL;
    size_t nids, nf = 0, nn = 0, capf = 0, capn = 0, i;
    int32_t q = query_day(o->at);
    int rc, level;

    if ((rc = reader_init(&r, st, &out->pool, o->as_of, err)) != KG_OK)
        return rc;
    if ((rc = need_ids(&r, name, ids, &nids, err)) != KG_OK)
        goto done;
    if ((rc = prep_rec(&r, &s, sql_incident, err)) != KG_OK)
        goto done;
    frontier = malloc(8 * sizeof *frontier);
    if (!frontier)
        goto nomem;
    capf = 8;
    for (i = 0; i < nids; i++) {
        frontier[nf++] = ids[i];
        if (idset_put(&seen_ent, ids[i], 0, NULL))
            goto nomem;
    }
    for (level = 0; level < hops && nf; level++) {
        nn = 0;
        for (i = 0; i < nf; i++) {
            int step;
            bind_incident(s, frontier[i], q);
            while ((step = sqlite3_step(s)) == SQLITE_ROW) {
                vrow v;
                kg_tie t;
                int added;
                int64_t other;
                read_row(&r, s, &v);
                if (!possibly_at(&v, q) || !row_wanted(&r, &v, o, err, &rc)) {
                    if (rc)
                        goto done;
                    continue;
                }
                if (idset_put(&seen_ver, v.id, 0, &added))
                    goto nomem;
                if (!added)
                    continue;
                if ((rc = row_tie(&r, &v, q, o->with_evidence, 0, &t, err)))
                    goto done;
                if (push_tie(out, &t))
                    goto nomem;
                other = v.subject == frontier[i] ? v.object : v.subject;
                if (idset_put(&seen_ent, other, level + 1, &added))
                    goto nomem;
                if (added) {
                    if (nn == capn) {
                        size_t nc = capn ? capn * 2 : 64;
                        int64_t *p = realloc(next, nc * sizeof *p);
                        if (!p)
                            goto nomem;
                        next = p;
                        capn = nc;
                    }
                    next[nn++] = other;
                }
            }
            if (step != SQLITE_DONE) {
                rc = sqlerr(&r, "neighbourhood", err);
                goto done;
            }
            kg_pool_release(&r.scratch);
        }
        {
            int64_t *tp = frontier;
            size_t tc = capf;
            frontier = next;
            capf = capn;
            nf = nn;
            next = tp;
            capn = tc;
        }
    }
    kg_tieset_sort(out);
    rc = KG_OK;
    goto done;
nomem:
    rc = kg_error_set(err, KG_ENOMEM, "out of memory");
done:
    free(frontier);
    free(next);
    idset_release(&seen_ent);
    idset_release(&seen_ver);
    sqlite3_finalize(s);
    reader_release(&r);
    return rc;
}

/*
 * Path search.  Two breadth-first searches, from a and from b, each
 * expanding its smaller frontier one whole level at a time.  Every edge
 * from a level-d vertex to a level-(d+1) vertex is kept as a parent edge
 * of its side.  When a level meets the other side, the bridging edges of
 * minimal total length are kept and the parent edges are traced back to
 * a and to b: the result is every tie on a shortest path.
 */
typedef struct pedge {
    vrow v;
    int64_t from, to; /* from: the vertex at the lower level */
    int side;
    int keep;
} pedge;

typedef struct side {
    idset dist;       /* entity -> level */
    int64_t *front;
    size_t nf, capf;
    int level;
} side;

static int push_id(int64_t **v, size_t *n, size_t *cap, int64_t id)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        int64_t *p = realloc(*v, nc * sizeof *p);
        if (!p)
            return KG_ENOMEM;
        *v = p;
        *cap = nc;
    }
    (*v)[(*n)++] = id;
    return KG_OK;
}

int kg_store_path_ties(kg_tieset *out, kg_store *st, const char *a,
                       const char *b, int max_hops, const kg_view_opts *o,
                       kg_error *err)
{
    reader r;
    sqlite3_stmt *s = NULL;
    side sd[2];
    pedge *pe = NULL;
    size_t npe = 0, cappe = 0, i, j;
    int64_t ida[8], idb[8], *next = NULL;
    size_t na, nb, nn = 0, capn = 0;
    int32_t q = query_day(o->at);
    int rc, best = -1, k;

    memset(sd, 0, sizeof sd);
    if ((rc = reader_init(&r, st, &out->pool, o->as_of, err)) != KG_OK)
        return rc;
    if ((rc = need_ids(&r, a, ida, &na, err)) ||
        (rc = need_ids(&r, b, idb, &nb, err)) ||
        (rc = prep_rec(&r, &s, sql_incident, err)))
        goto done;
    for (i = 0; i < na; i++)
        if (idset_put(&sd[0].dist, ida[i], 0, NULL) ||
            push_id(&sd[0].front, &sd[0].nf, &sd[0].capf, ida[i]))
            goto nomem;
    for (i = 0; i < nb; i++) {
        if (idset_get(&sd[0].dist, idb[i])) {
            rc = kg_error_set(err, KG_EINVAL, "'%s' and '%s' are the same "
                                              "entity", a, b);
            goto done;
        }
        if (idset_put(&sd[1].dist, idb[i], 0, NULL) ||
            push_id(&sd[1].front, &sd[1].nf, &sd[1].capf, idb[i]))
            goto nomem;
    }
    while (best < 0 && sd[0].nf && sd[1].nf &&
           sd[0].level + sd[1].level < max_hops) {
        int x = sd[0].nf <= sd[1].nf ? 0 : 1;
        side *me = &sd[x], *other = &sd[1 - x];
        nn = 0;
        for (i = 0; i < me->nf; i++) {
            int step;
            int64_t u = me->front[i];
            bind_incident(s, u, q);
            while ((step = sqlite3_step(s)) == SQLITE_ROW) {
                vrow v;
                int64_t w;
                int32_t *dw, *dot;
                int added;
                read_row(&r, s, &v);
                if (!possibly_at(&v, q) || !row_wanted(&r, &v, o, err, &rc)) {
                    if (rc)
                        goto done;
                    continue;
                }
                w = v.subject == u ? v.object : v.subject;
                if (w == u)
                    continue;
                dw = idset_get(&me->dist, w);
                if (dw && *dw <= me->level)
                    continue; /* not a step forward */
                if (!dw) {
                    if (idset_put(&me->dist, w, me->level + 1, &added) ||
                        push_id(&next, &nn, &capn, w))
                        goto nomem;
                }
                if (npe == cappe) {
                    size_t nc = cappe ? cappe * 2 : 256;
                    pedge *p = realloc(pe, nc * sizeof *p);
                    if (!p)
                        goto nomem;
                    pe = p;
                    cappe = nc;
                }
                /* strings of the row must outlive scratch resets */
                if (v.amount && !(v.amount = kg_pool_strdup(&out->pool,
                                                            v.amount)))
                    goto nomem;
                if (v.role && !(v.role = kg_pool_strdup(&out->pool, v.role)))
                    goto nomem;
                pe[npe].v = v;
                pe[npe].from = u;
                pe[npe].to = w;
                pe[npe].side = x;
                pe[npe].keep = 0;
                npe++;
                dot = idset_get(&other->dist, w);
                if (dot) {
                    int len = me->level + 1 + *dot;
                    if (best < 0 || len < best)
                        best = len;
                }
            }
            if (step != SQLITE_DONE) {
                rc = sqlerr(&r, "path", err);
                goto done;
            }
            kg_pool_release(&r.scratch);
        }
        {
            int64_t *tp = me->front;
            size_t tc = me->capf;
            me->front = next;
            me->capf = capn;
            me->nf = nn;
            next = tp;
            capn = tc;
        }
        me->level++;
    }
    if (best < 0)
        goto sorted;
    /*
     * Mark: an entity is on a shortest path when dist_a + dist_b = best.
     * Both distances are known for every such entity except those beyond
     * one side's reach; extend by tracing parent edges backwards.
     */
    {
        idset on = {0};
        int changed = 1;
        /* seed with meeting vertices */
        for (i = 0; i < npe; i++) {
            int32_t *d0 = idset_get(&sd[0].dist, pe[i].to);
            int32_t *d1 = idset_get(&sd[1].dist, pe[i].to);
            if (d0 && d1 && *d0 + *d1 == best)
                if (idset_put(&on, pe[i].to, 0, NULL)) {
                    idset_release(&on);
                    goto nomem;
                }
        }
        /* walk back: keep parent edges whose lower end is one step closer */
        while (changed) {
            changed = 0;
            for (i = 0; i < npe; i++) {
                int32_t *dt, *df;
                int added;
                if (pe[i].keep || !idset_get(&on, pe[i].to))
                    continue;
                dt = idset_get(&sd[pe[i].side].dist, pe[i].to);
                df = idset_get(&sd[pe[i].side].dist, pe[i].from);
                if (!dt || !df || *df + 1 != *dt)
                    continue;
                pe[i].keep = 1;
                changed = 1;
                if (idset_put(&on, pe[i].from, 0, &added)) {
                    idset_release(&on);
                    goto nomem;
                }
            }
        }
        idset_release(&on);
    }
    for (k = 0; k < 2; k++)
        for (i = 0; i < npe; i++) {
            kg_tie t;
            if (!pe[i].keep || pe[i].side != k)
                continue;
            for (j = 0; j < out->n; j++)
                if (out->v[j].id == pe[i].v.tie &&
                    kg_date_cmp(out->v[j].valid_from,
                                day_date(pe[i].v.from, pe[i].v.fprec)) == 0)
                    break;
            if (j < out->n)
                continue;
            if ((rc = row_tie(&r, &pe[i].v, q, o->with_evidence, 0, &t,
                              err)))
                goto done;
            if (push_tie(out, &t))
                goto nomem;
        }
sorted:
    kg_tieset_sort(out);
    rc = KG_OK;
    goto done;
nomem:
    rc = kg_error_set(err, KG_ENOMEM, "out of memory");
done:
    for (k = 0; k < 2; k++) {
        idset_release(&sd[k].dist);
        free(sd[k].front);
    }
    free(next);
    free(pe);
    sqlite3_finalize(s);
    reader_release(&r);
    return rc;
}

/* ------------------------------------------------------------------ */
/* All intervals                                                       */

int kg_store_intervals(kg_tieset *out, kg_store *st, const kg_view_opts *o,
                       kg_error *err)
{
    reader r;
    sqlite3_stmt *s = NULL;
    sortkey *keys = NULL;
    size_t nkeys = 0, capkeys = 0, start = out->n;
    int rc, step;

    if ((rc = reader_init(&r, st, &out->pool, o->as_of, err)) != KG_OK)
        return rc;
    if ((rc = entity_load_all(&r, err)) ||
        (rc = prep_rec(&r, &s,
                       "SELECT " VCOLS " FROM tie_version v JOIN tie t"
                       " ON t.id = v.tie WHERE %s",
                       err)))
        goto done;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        vrow v;
        kg_tie t;
        read_row(&r, s, &v);
        if (!row_wanted(&r, &v, o, err, &rc)) {
            if (rc)
                goto done;
            continue;
        }
        if ((rc = row_tie(&r, &v, DAY_UNKNOWN, o->with_evidence, 0, &t,
                          err)) ||
            (rc = push_tie(out, &t)))
            goto oom_or_done;
        if ((rc = push_key(&keys, &nkeys, &capkeys, &r, &v,
                           out->n - 1 - start)))
            goto oom_or_done;
        if (out->n % 4096 == 0)
            kg_pool_release(&r.scratch);
    }
    if (step != SQLITE_DONE) {
        rc = sqlerr(&r, "intervals", err);
        goto done;
    }
    if (start == 0)
        rc = sort_by_keys(out, keys, nkeys);
    else
        kg_tieset_sort(out);
oom_or_done:
    if (rc == KG_ENOMEM)
        kg_error_set(err, rc, "out of memory");
done:
    free(keys);
    sqlite3_finalize(s);
    reader_release(&r);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Diff between two valid dates                                        */

static int cmp_vrow(const void *pa, const void *pb)
{
    const vrow *a = pa, *b = pb;
    if (a->tie != b->tie)
        return a->tie < b->tie ? -1 : 1;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

typedef struct rowvec {
    vrow *v;
    size_t n, cap;
} rowvec;

static int rowvec_push(rowvec *rv, const vrow *v)
{
    if (rv->n == rv->cap) {
        size_t nc = rv->cap ? rv->cap * 2 : 1024;
        vrow *p = realloc(rv->v, nc * sizeof *p);
        if (!p)
            return KG_ENOMEM;
        rv->v = p;
        rv->cap = nc;
    }
    rv->v[rv->n++] = *v;
    return KG_OK;
}

/* "status=holds amount=10000000000 USD stake=49 role=CEO" of a row. */
static const char *describe(reader *r, const vrow *v)
{
    kg_buf b = KG_BUF_INIT;
    const char *out;
    kg_buf_printf(&b, "status=%s", kg_status_name(v->status));
    if (v->amount)
        kg_buf_printf(&b, " amount=%s", v->amount);
    if (v->stake >= 0)
        kg_buf_printf(&b, " stake=%g", v->stake);
    if (v->role)
        kg_buf_printf(&b, " role=%s", v->role);
    out = b.ptr ? kg_pool_strdup(&r->scratch, b.ptr) : NULL;
    kg_buf_release(&b);
    return out;
}

static int same_props(const vrow *a, const vrow *b)
{
    return a->status == b->status && a->stake == b->stake &&
           strcmp(a->amount ? a->amount : "", b->amount ? b->amount : "") ==
               0 &&
           strcmp(a->role ? a->role : "", b->role ? b->role : "") == 0;
}

static int emit(reader *r, kg_changeset *out, kg_change_kind kind,
                const vrow *row, int64_t aid, int uncertain,
                const vrow *before, const vrow *after, kg_error *err)
{
    kg_change c;
    int rc;
    memset(&c, 0, sizeof c);
    c.change = kind;
    if ((rc = row_tie(r, row, DAY_UNKNOWN, 1, aid, &c.tie, err)))
        return rc;
    c.tie.uncertain = uncertain;
    if (before && after) {
        c.before = describe(r, before);
        c.after = describe(r, after);
    }
    if (kg_changeset_add(out, &c) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    return KG_OK;
}

/* Has the row an endpoint (or an end of a coarse endpoint) in (q1, q2]? */
static int in_window(const vrow *v, int32_t q1, int32_t q2)
{
#define IN(x) ((x) > q1 && (x) <= q2)
    return IN(v->from) || IN(v->from_last) || IN(v->to) || IN(v->to_end);
#undef IN
}

/* Classify the rows of one tie (sorted by from) for the window. */
static int classify(reader *r, kg_changeset *out, const vrow *v, size_t n,
                    int32_t q1, int32_t q2, kg_error *err)
{
    const vrow *a1 = NULL, *a2 = NULL;
    size_t i;
    int unc, rc;
    for (i = 0; i < n; i++) {
        if (possibly_at(&v[i], q1))
            a1 = &v[i];
        if (possibly_at(&v[i], q2))
            a2 = &v[i];
    }
    unc = (a1 && !certainly_at(a1, q1)) || (a2 && !certainly_at(a2, q2));
    if (!a1 || !a2) {
        /* intervals wholly inside the window: began and ended there */
        for (i = 0; i < n; i++)
            if (&v[i] != a1 && &v[i] != a2 &&
                (rc = emit(r, out, KG_CHANGE_TRANSIENT, &v[i],
                           v[i].evidence,
                           !certainly_at(&v[i], v[i].from_last) ||
                               v[i].fprec < KG_PREC_DAY ||
                               (v[i].to != OPEN && v[i].tprec < KG_PREC_DAY),
                           NULL, NULL, err)))
                return rc;
    }
    if (!a1 && !a2)
        return KG_OK;
    if (!a1)
        return emit(r, out, KG_CHANGE_APPEARED, a2, a2->evidence, unc, NULL,
                    NULL, err);
    if (!a2)
        return emit(r, out, KG_CHANGE_ENDED, a1,
                    a1->end_evidence ? a1->end_evidence : a1->evidence, unc,
                    NULL, NULL, err);
    if (a1 == a2) {
        /* one interval at both dates whose bounds are too coarse to say */
        if (!certainly_at(a1, q1))
            return emit(r, out, KG_CHANGE_APPEARED, a1, a1->evidence, 1,
                        NULL, NULL, err);
        if (!certainly_at(a1, q2))
            return emit(r, out, KG_CHANGE_ENDED, a1,
                        a1->end_evidence ? a1->end_evidence : a1->evidence,
                        1, NULL, NULL, err);
        return KG_OK;
    }
    /* both: contiguous from a1 to a2 means changed, a gap interrupted */
    for (i = (size_t)(a1 - v); i < (size_t)(a2 - v); i++)
        if (v[i].to != v[i + 1].from)
            return emit(r, out, KG_CHANGE_INTERRUPTED, a2, a2->evidence,
                        unc, same_props(a1, a2) ? NULL : a1,
                        same_props(a1, a2) ? NULL : a2, err);
    return emit(r, out, KG_CHANGE_CHANGED, a2, a2->evidence, unc, a1, a2,
                err);
}

/*
 * Step the bound statement s and keep, in rows, the versions with an
 * endpoint inside the window (q1, q2] that the view's filters want.
 */
static int window_rows(reader *r, sqlite3_stmt *s, int32_t q1, int32_t q2,
                       const kg_view_opts *view, rowvec *rows, kg_error *err)
{
    int step, rc = KG_OK;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        vrow v;
        read_row(r, s, &v);
        if (!in_window(&v, q1, q2))
            continue;
        if (!row_wanted(r, &v, view, err, &rc)) {
            if (rc)
                return rc;
            continue;
        }
        if (rowvec_push(rows, &v))
            return kg_error_set(err, KG_ENOMEM, "out of memory");
    }
    if (step != SQLITE_DONE)
        return sqlerr(r, "diff", err);
    return KG_OK;
}

/* The entities within hops - 1 steps of name over ties alive in window. */
static int diff_entities(reader *r, const char *name, int hops, int32_t q1,
                         int32_t q2, const kg_view_opts *o, idset *out,
                         int64_t **list, size_t *nlist, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int64_t ids[8];
    size_t nids, i, cap = 0, lo = 0, hi;
    int rc, level;
    if ((rc = need_ids(r, name, ids, &nids, err)))
        return rc;
    for (i = 0; i < nids; i++)
        if (idset_put(out, ids[i], 0, NULL) ||
            push_id(list, nlist, &cap, ids[i]))
            return kg_error_set(err, KG_ENOMEM, "out of memory");
    if ((rc = prep_rec(r, &s, sql_incident, err)))
        return rc;
    for (level = 1; level < hops; level++) {
        hi = *nlist;
        for (i = lo; i < hi; i++) {
            int step;
            sqlite3_reset(s);
            sqlite3_bind_int64(s, 1, (*list)[i]);
            sqlite3_bind_int64(s, 2, q2);
            sqlite3_bind_int64(s, 3, (int64_t)q1 - SLACK);
            while ((step = sqlite3_step(s)) == SQLITE_ROW) {
                vrow v;
                int added;
                int64_t w;
                read_row(r, s, &v);
                if (v.to_end <= q1 || !row_wanted(r, &v, o, err, &rc)) {
                    if (rc)
                        goto done;
                    continue;
                }
                w = v.subject == (*list)[i] ? v.object : v.subject;
                if (idset_put(out, w, level, &added))
                    goto nomem;
                if (added && push_id(list, nlist, &cap, w))
                    goto nomem;
            }
            kg_pool_release(&r->scratch);
        }
        lo = hi;
    }
    rc = KG_OK;
    goto done;
nomem:
    rc = kg_error_set(err, KG_ENOMEM, "out of memory");
done:
    sqlite3_finalize(s);
    return rc;
}

static int cmp_change(const void *pa, const void *pb)
{
    const kg_change *a = pa, *b = pb;
    int c;
    if ((c = strcmp(a->tie.subject, b->tie.subject)) != 0)
        return c;
    if (a->tie.relation != b->tie.relation)
        return a->tie.relation < b->tie.relation ? -1 : 1;
    if ((c = strcmp(a->tie.object, b->tie.object)) != 0)
        return c;
    if ((c = kg_date_cmp(a->tie.valid_from, b->tie.valid_from)) != 0)
        return c;
    return (int)a->change - (int)b->change;
}

/* Classify rows (any order, duplicates allowed) into out. */
static int classify_all(reader *r, kg_changeset *out, rowvec *rows,
                        int32_t q1, int32_t q2, kg_error *err)
{
    size_t i = 0, j, w = 0;
    int rc;
    qsort(rows->v, rows->n, sizeof *rows->v, cmp_vrow);
    for (j = 0; j < rows->n; j++)
        if (!w || rows->v[j].id != rows->v[w - 1].id)
            rows->v[w++] = rows->v[j];
    rows->n = w;
    while (i < rows->n) {
        for (j = i; j < rows->n && rows->v[j].tie == rows->v[i].tie; j++)
            ;
        if ((rc = classify(r, out, rows->v + i, j - i, q1, q2, err)))
            return rc;
        i = j;
    }
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, cmp_change);
    return KG_OK;
}

int kg_store_diff(kg_changeset *out, kg_store *st, kg_date from, kg_date to,
                  const kg_diff_opts *o, kg_error *err)
{
    reader r;
    sqlite3_stmt *s = NULL;
    rowvec rows = {0};
    idset near = {0};
    int64_t *list = NULL;
    size_t nlist = 0, i;
    int32_t q1 = query_day(from), q2 = query_day(to);
    int rc;

    if (q1 > q2) {
        char a[KG_DATE_STRLEN], b[KG_DATE_STRLEN];
        kg_date_format(a, from);
        kg_date_format(b, to);
        return kg_error_set(err, KG_EINVAL, "the first date '%s' is after "
                                            "the second '%s'", a, b);
    }
    out->from = from;
    out->to = to;
    if ((rc = reader_init(&r, st, &out->pool, o->view.as_of, err)))
        return rc;
    if (o->entity) {
        int hops = o->hops > 0 ? o->hops : 1;
        if ((rc = diff_entities(&r, o->entity, hops, q1, q2, &o->view, &near,
                                &list, &nlist, err)) ||
            (rc = prep_rec(&r, &s, sql_incident, err)))
            goto done;
        for (i = 0; i < nlist; i++) {
            int32_t *d = idset_get(&near, list[i]);
            if (!d || *d > hops - 1)
                continue;
            sqlite3_reset(s);
            sqlite3_bind_int64(s, 1, list[i]);
            sqlite3_bind_int64(s, 2, q2);
            sqlite3_bind_int64(s, 3, (int64_t)q1 - SLACK);
            if ((rc = window_rows(&r, s, q1, q2, &o->view, &rows, err)))
                goto done;
        }
    } else {
        if (r.current)
            rc = prep(&r, &s,
                      "SELECT " VCOLS " FROM tie_version v INDEXED BY tv_from"
                      " JOIN tie t ON t.id = v.tie WHERE"
                      " v.rec_to = 2147483647 AND v.valid_from > ?3"
                      " AND v.valid_from <= ?2 AND (v.valid_from > ?1 OR"
                      " v.from_precision IN (1, 2))"
                      " UNION ALL SELECT " VCOLS " FROM tie_version v"
                      " INDEXED BY tv_to JOIN tie t ON t.id = v.tie WHERE"
                      " v.rec_to = 2147483647 AND v.valid_to > ?3"
                      " AND v.valid_to <= ?2 AND (v.valid_to > ?1 OR"
                      " v.to_precision IN (1, 2))",
                      err);
        else
            rc = prep_rec(&r, &s,
                          "SELECT " VCOLS " FROM tie_version v JOIN tie t"
                          " ON t.id = v.tie WHERE %s AND"
                          " ((v.valid_from > ?3 AND v.valid_from <= ?2) OR"
                          " (v.valid_to > ?3 AND v.valid_to <= ?2))",
                          err);
        if (rc)
            goto done;
        sqlite3_bind_int64(s, 1, q1);
        sqlite3_bind_int64(s, 2, q2);
        sqlite3_bind_int64(s, 3, (int64_t)q1 - SLACK);
        if ((rc = window_rows(&r, s, q1, q2, &o->view, &rows, err)))
            goto done;
    }
    rc = classify_all(&r, out, &rows, q1, q2, err);
done:
    free(rows.v);
    free(list);
    idset_release(&near);
    sqlite3_finalize(s);
    reader_release(&r);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Diff between two revisions                                          */

typedef struct rrow {
    vrow v;
    int64_t rec_from, rec_to;
} rrow;

static const char *describe_intervals(reader *r, const rrow *v, size_t n,
                                      int64_t rev)
{
    kg_buf b = KG_BUF_INIT;
    const char *out;
    size_t i;
    int any = 0;
    for (i = 0; i < n; i++) {
        char f[KG_DATE_STRLEN], t[KG_DATE_STRLEN];
        if (!(v[i].rec_from <= rev && rev < v[i].rec_to))
            continue;
        kg_date_format(f, day_date(v[i].v.from, v[i].v.fprec));
        kg_date_format(t, day_date(v[i].v.to, v[i].v.tprec));
        kg_buf_printf(&b, "%s%s..%s %s", any ? ", " : "", *f ? f : "?", t,
                      kg_status_name(v[i].v.status));
        if (v[i].v.amount)
            kg_buf_printf(&b, " amount=%s", v[i].v.amount);
        if (v[i].v.stake >= 0)
            kg_buf_printf(&b, " stake=%g", v[i].v.stake);
        if (v[i].v.role)
            kg_buf_printf(&b, " role=%s", v[i].v.role);
        any = 1;
    }
    out = kg_pool_strdup(&r->scratch, any ? b.ptr : "none");
    kg_buf_release(&b);
    return out;
}

int kg_store_diff_revisions(kg_changeset *out, kg_store *st, int64_t r1,
                            int64_t r2, const kg_diff_opts *o,
                            kg_error *err)
{
    reader r;
    sqlite3_stmt *s = NULL, *t = NULL;
    int64_t *ties = NULL, latest = 0;
    size_t nties = 0, capties = 0, i, j, w;
    rrow *rv = NULL;
    size_t nrv = 0, caprv = 0;
    idset near = {0};
    int64_t *list = NULL;
    size_t nlist = 0;
    int rc, step;

    if (r1 >= r2)
        return kg_error_set(err, KG_EINVAL, "the first revision %lld is not "
                            "before the second %lld", (long long)r1,
                            (long long)r2);
    if ((rc = reader_init(&r, st, &out->pool, 0, err)))
        return rc;
    if ((rc = prep(&r, &s, "SELECT max(id) FROM revision", err)))
        goto done;
    if (sqlite3_step(s) == SQLITE_ROW)
        latest = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    s = NULL;
    if (r2 > latest || r1 < 0) {
        rc = kg_error_set(err, KG_ENOTFOUND, "no revision %lld (the latest "
                          "is %lld)", (long long)(r2 > latest ? r2 : r1),
                          (long long)latest);
        goto done;
    }
    if (o->entity) {
        kg_date far = {9999, 12, 31}, early = {1000, 1, 1};
        if ((rc = diff_entities(&r, o->entity, o->hops > 0 ? o->hops : 1,
                                query_day(early), query_day(far), &o->view,
                                &near, &list, &nlist, err)))
            goto done;
    }
    if ((rc = prep(&r, &s,
                   "SELECT tie FROM tie_version WHERE rec_from > ?1 AND"
                   " rec_from <= ?2 UNION SELECT tie FROM tie_version"
                   " WHERE rec_to > ?1 AND rec_to <= ?2 ORDER BY 1",
                   err)))
        goto done;
    sqlite3_bind_int64(s, 1, r1);
    sqlite3_bind_int64(s, 2, r2);
    while ((step = sqlite3_step(s)) == SQLITE_ROW)
        if (push_id(&ties, &nties, &capties, sqlite3_column_int64(s, 0)))
            goto nomem;
    if (step != SQLITE_DONE) {
        rc = sqlerr(&r, "revision diff", err);
        goto done;
    }
    if ((rc = prep(&r, &t,
                   "SELECT " VCOLS ", v.rec_from, v.rec_to FROM tie_version v"
                   " JOIN tie t ON t.id = v.tie WHERE v.tie = ?1 AND"
                   " v.rec_from <= ?3 AND v.rec_to > ?2"
                   " ORDER BY v.valid_from, v.id",
                   err)))
        goto done;
    out->from = out->to = KG_DATE_UNKNOWN;
    for (i = 0; i < nties; i++) {
        size_t nold = 0, nnew = 0;
        const rrow *last_old = NULL, *last_new = NULL;
        int keep = 1;
        nrv = 0;
        sqlite3_reset(t);
        sqlite3_bind_int64(t, 1, ties[i]);
        sqlite3_bind_int64(t, 2, r1);
        sqlite3_bind_int64(t, 3, r2);
        while ((step = sqlite3_step(t)) == SQLITE_ROW) {
            if (nrv == caprv) {
                size_t nc = caprv ? caprv * 2 : 16;
                rrow *p = realloc(rv, nc * sizeof *p);
                if (!p)
                    goto nomem;
                rv = p;
                caprv = nc;
            }
            read_row(&r, t, &rv[nrv].v);
            rv[nrv].rec_from = sqlite3_column_int64(t, 16);
            rv[nrv].rec_to = sqlite3_column_int64(t, 17);
            nrv++;
        }
        if (nrv == 0)
            continue;
        if (!row_wanted(&r, &rv[0].v, &o->view, err, &rc)) {
            if (rc)
                goto done;
            continue;
        }
        if (o->entity) {
            int32_t *ds = idset_get(&near, rv[0].v.subject);
            int32_t *dob = idset_get(&near, rv[0].v.object);
            int lim = (o->hops > 0 ? o->hops : 1) - 1;
            keep = (ds && *ds <= lim) || (dob && *dob <= lim);
        }
        if (!keep)
            continue;
        for (j = 0; j < nrv; j++) {
            if (rv[j].rec_from <= r1 && r1 < rv[j].rec_to) {
                nold++;
                last_old = &rv[j];
            }
            if (rv[j].rec_from <= r2 && r2 < rv[j].rec_to) {
                nnew++;
                last_new = &rv[j];
            }
        }
        if (!nold && nnew)
            rc = emit(&r, out, KG_CHANGE_APPEARED, &last_new->v,
                      last_new->v.evidence, 0, NULL, NULL, err);
        else if (nold && !nnew)
            rc = emit(&r, out, KG_CHANGE_ENDED, &last_old->v,
                      last_old->v.end_evidence ? last_old->v.end_evidence
                                               : last_old->v.evidence,
                      0, NULL, NULL, err);
        else if (nold && nnew && last_old->v.to == OPEN &&
                 last_new->v.to != OPEN && last_new->v.from == last_old->v.from)
            rc = emit(&r, out, KG_CHANGE_ENDED, &last_new->v,
                      last_new->v.end_evidence ? last_new->v.end_evidence
                                               : last_new->v.evidence,
                      0, NULL, NULL, err);
        else if (nold && nnew) {
            kg_change c;
            memset(&c, 0, sizeof c);
            c.change = KG_CHANGE_CHANGED;
            if ((rc = row_tie(&r, &last_new->v, DAY_UNKNOWN, 1,
                              last_new->v.evidence, &c.tie, err)))
                goto done;
            c.before = describe_intervals(&r, rv, nrv, r1);
            c.after = describe_intervals(&r, rv, nrv, r2);
            if (kg_changeset_add(out, &c))
                goto nomem;
        }
        if (rc)
            goto done;
        kg_pool_release(&r.scratch);
    }
    /* dedupe is not needed: one change per tie */
    w = out->n;
    if (w > 1)
        qsort(out->v, w, sizeof *out->v, cmp_change);
    rc = KG_OK;
    goto done;
nomem:
    rc = kg_error_set(err, KG_ENOMEM, "out of memory");
done:
    free(ties);
    free(rv);
    free(list);
    idset_release(&near);
    sqlite3_finalize(s);
    sqlite3_finalize(t);
    reader_release(&r);
    return rc;
}

/* ------------------------------------------------------------------ */
/* History                                                             */

int kg_store_history(kg_assertionset *out, kg_tieset *intervals,
                     kg_store *st, const char *a, const char *b,
                     const kg_view_opts *o, kg_error *err)
{
    reader r;
    sqlite3_stmt *s = NULL;
    int64_t ida[8], idb[8];
    size_t na = 0, nb = 0, i, j;
    int64_t *ties = NULL;
    size_t nties = 0, capties = 0;
    int64_t maxrev = o->as_of > 0 ? o->as_of : INT64_MAX;
    int rc, step;

    if ((rc = reader_init(&r, st, &out->pool, o->as_of, err)))
        return rc;
    if ((rc = need_ids(&r, a, ida, &na, err)) ||
        (b && (rc = need_ids(&r, b, idb, &nb, err))))
        goto done;
    /* the ties: of a (or between a and b), and those redirected in */
    if ((rc = prep(&r, &s,
                   "WITH RECURSIVE ts(id) AS ("
                   " SELECT id FROM tie WHERE (subject = ?1 AND"
                   " (?2 IS NULL OR object = ?2)) OR (object = ?1 AND"
                   " (?2 IS NULL OR subject = ?2))"
                   " UNION SELECT r.tie FROM tie_redirect r JOIN ts"
                   " ON r.into_tie = ts.id)"
                   " SELECT id FROM ts ORDER BY id",
                   err)))
        goto done;
    for (i = 0; i < na; i++)
        for (j = 0; j < (b ? nb : 1); j++) {
            sqlite3_reset(s);
            sqlite3_bind_int64(s, 1, ida[i]);
            if (b)
                sqlite3_bind_int64(s, 2, idb[j]);
            else
                sqlite3_bind_null(s, 2);
            while ((step = sqlite3_step(s)) == SQLITE_ROW)
                if (push_id(&ties, &nties, &capties,
                            sqlite3_column_int64(s, 0)))
                    goto nomem;
            if (step != SQLITE_DONE) {
                rc = sqlerr(&r, "history", err);
                goto done;
            }
        }
    sqlite3_finalize(s);
    s = NULL;
    if ((rc = prep(&r, &s,
                   "SELECT a.revision, d.ext_id, d.source, d.day,"
                   " d.precision, a.subject, a.object, t.relation, a.status,"
                   " a.day, a.precision, a.confidence, ru.name, a.evidence,"
                   " a.amount, a.stake, a.role, a.span_start, a.span_end"
                   " FROM assertion a JOIN tie t ON t.id = a.tie"
                   " JOIN document d ON d.id = a.document"
                   " LEFT JOIN rule ru ON ru.id = a.rule"
                   " WHERE a.tie = ?1 AND a.revision <= ?2",
                   err)))
        goto done;
    for (i = 0; i < nties; i++) {
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, ties[i]);
        sqlite3_bind_int64(s, 2, maxrev);
        while ((step = sqlite3_step(s)) == SQLITE_ROW) {
            kg_assertion x;
            ent *se, *oe;
            memset(&x, 0, sizeof x);
            kg_triple_init(&x.t);
            x.revision = sqlite3_column_int64(s, 0);
            x.t.doc = scratch_text(&r, s, 1);
            x.source = scratch_text(&r, s, 2);
            if (sqlite3_column_type(s, 3) != SQLITE_NULL)
                x.doc_date = day_date((int32_t)sqlite3_column_int64(s, 3),
                                      sqlite3_column_int(s, 4));
            if ((rc = entity(&r, sqlite3_column_int64(s, 5), &se, err)) ||
                (rc = entity(&r, sqlite3_column_int64(s, 6), &oe, err)))
                goto done;
            x.t.subject = se->name;
            x.t.subject_kind = se->kind;
            x.t.object = oe->name;
            x.t.object_kind = oe->kind;
            kg_store__rel_col(s, 7, &x.t.relation);
            kg_store__status_col(s, 8, &x.t.status);
            if (sqlite3_column_type(s, 9) != SQLITE_NULL)
                x.t.date = day_date((int32_t)sqlite3_column_int64(s, 9),
                                    sqlite3_column_int(s, 10));
            x.t.confidence = sqlite3_column_double(s, 11);
            x.t.rule = scratch_text(&r, s, 12);
            x.t.evidence = scratch_text(&r, s, 13);
            x.t.amount = scratch_text(&r, s, 14);
            x.t.stake = sqlite3_column_type(s, 15) == SQLITE_NULL
                            ? -1
                            : sqlite3_column_double(s, 15);
            x.t.role = scratch_text(&r, s, 16);
            x.t.span_start = sqlite3_column_type(s, 17) == SQLITE_NULL
                                 ? -1
                                 : sqlite3_column_int64(s, 17);
            x.t.span_end = sqlite3_column_type(s, 18) == SQLITE_NULL
                               ? -1
                               : sqlite3_column_int64(s, 18);
            if (o->relation >= 0 && (int)x.t.relation != o->relation)
                continue;
            if (kg_assertionset_add(out, &x))
                goto nomem;
        }
        if (step != SQLITE_DONE) {
            rc = sqlerr(&r, "history", err);
            goto done;
        }
    }
    sqlite3_finalize(s);
    s = NULL;
    if (intervals) {
        reader r2;
        if ((rc = reader_init(&r2, st, &intervals->pool, o->as_of, err)))
            goto done;
        rc = prep_rec(&r2, &s,
                      "SELECT " VCOLS " FROM tie_version v JOIN tie t"
                      " ON t.id = v.tie WHERE v.tie = ?1 AND %s"
                      " ORDER BY v.valid_from",
                      err);
        for (i = 0; rc == KG_OK && i < nties; i++) {
            sqlite3_reset(s);
            sqlite3_bind_int64(s, 1, ties[i]);
            while ((step = sqlite3_step(s)) == SQLITE_ROW) {
                vrow v;
                kg_tie tt;
                read_row(&r2, s, &v);
                if (o->relation >= 0 && (int)v.relation != o->relation)
                    continue;
                if ((rc = row_tie(&r2, &v, DAY_UNKNOWN, 1, 0, &tt, err)))
                    break;
                if (push_tie(intervals, &tt)) {
                    rc = kg_error_set(err, KG_ENOMEM, "out of memory");
                    break;
                }
            }
        }
        reader_release(&r2);
        if (rc)
            goto done;
        kg_tieset_sort(intervals);
    }
    rc = KG_OK;
    goto done;
nomem:
    rc = kg_error_set(err, KG_ENOMEM, "out of memory");
done:
    free(ties);
    sqlite3_finalize(s);
    reader_release(&r);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Counts                                                              */

static int count1(reader *r, const char *sql, int64_t rev, int64_t *out,
                  kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc;
    if ((rc = prep_rec(r, &s, sql, err)))
        return rc;
    sqlite3_bind_int64(s, 1, rev);
    if (sqlite3_step(s) != SQLITE_ROW) {
        rc = sqlerr(r, "counts", err);
    } else {
        *out = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    return rc;
}

int kg_store_count(kg_store_counts *out, kg_store *st, const kg_view_opts *o,
                   kg_error *err)
{
    reader r;
    sqlite3_stmt *s = NULL;
    int64_t rev = o->as_of > 0 ? o->as_of : INT64_MAX;
    int rc;
    memset(out, 0, sizeof *out);
    if ((rc = reader_init(&r, st, NULL, o->as_of, err)))
        return rc;
    if ((rc = count1(&r, "SELECT count(*) FROM revision WHERE id <= ?1", rev,
                     &out->revisions, err)) ||
        (rc = count1(&r, "SELECT count(*) FROM document WHERE revision <= ?1",
                     rev, &out->documents, err)) ||
        (rc = count1(&r, "SELECT count(*) FROM entity WHERE revision <= ?1",
                     rev, &out->entities, err)) ||
        (rc = count1(&r, "SELECT count(*) FROM tie WHERE revision <= ?1",
                     rev, &out->ties, err)) ||
        (rc = count1(&r, "SELECT count(*) FROM tie_version v"
                         " WHERE ?1 = ?1 AND %s", rev, &out->intervals, err)))
        goto done;
    /* one scan of the assertions for every status */
    if ((rc = prep(&r, &s, "SELECT status, count(*) FROM assertion"
                           " WHERE revision <= ?1 GROUP BY status", err)))
        goto done;
    sqlite3_bind_int64(s, 1, rev);
    while (sqlite3_step(s) == SQLITE_ROW) {
        kg_status k;
        if (kg_store__status_col(s, 0, &k) == KG_OK) {
            out->by_status[k] = sqlite3_column_int64(s, 1);
            out->assertions += out->by_status[k];
        }
    }
    sqlite3_finalize(s);
    s = NULL;
    if ((rc = prep_rec(&r, &s,
                       "SELECT v.valid_from, v.from_precision FROM"
                       " tie_version v WHERE %s AND"
                       " v.valid_from > -2147483648"
                       " ORDER BY v.valid_from LIMIT 1",
                       err)))
        goto done;
    if (sqlite3_step(s) == SQLITE_ROW)
        out->first = day_date((int32_t)sqlite3_column_int64(s, 0),
                              sqlite3_column_int(s, 1));
    sqlite3_finalize(s);
    if ((rc = prep_rec(&r, &s,
                       "SELECT max(x) FROM (SELECT max(v.valid_from) AS x"
                       " FROM tie_version v WHERE %s UNION ALL SELECT"
                       " max(v.valid_to) FROM tie_version v WHERE %s AND"
                       " v.valid_to < 2147483647)",
                       err)))
        goto done;
    if (sqlite3_step(s) == SQLITE_ROW &&
        sqlite3_column_type(s, 0) != SQLITE_NULL)
        out->last = kg_date_from_days((int32_t)sqlite3_column_int64(s, 0));
done:
    sqlite3_finalize(s);
    reader_release(&r);
    return rc;
}
