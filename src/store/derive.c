/*
 * derive.c: turn the assertions of each tie touched by a revision into
 * valid-time intervals and record them in tie_version, closing in record
 * time the rows that no longer hold.  The rules are numbered in the
 * comment at the top of schema.c; this file follows them.
 *
 * Speed: the new tie_version rows of a revision are collected and
 * inserted at the end in the order of the valid-time index tv_from
 * (valid_from, valid_to, tie), so that the indexes on valid time are
 * written from nearly sorted rows (rule 0) instead of rows in tie
 * order, which costs the B-tree a cache miss per row.  The rows of
 * one tie keep their relative order, which is all the readers rely on
 * (ORDER BY valid_from, id).
 *
 * The ties made by the revision (most of a bulk load) have all their
 * assertions in memory: they are derived on a thread of their own while
 * the store thread writes the assertion rows (kg_store__derive_start),
 * and their rows are merged, in the same order, with those of the ties
 * stored before, which need SQLite and are derived on the store thread.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

/* One derived interval (a would-be tie_version row). */
typedef struct ivl {
    int status; /* KG_STATUS_HOLDS or KG_STATUS_REPORTED */
    int32_t from, to;
    int fprec, tprec;
    const char *amount, *role;
    double stake; /* -1 = none */
    int64_t evidence, end_evidence; /* 0 = none */
    int64_t nassert, ndocs;
    int64_t row;  /* tie_version id for a current row, 0 for a new one */
    int keep;     /* matched an equal row on the other side */
    int split;    /* opened by a change of properties (rule 3) */
} ivl;

/* A new tie_version row waiting for the sorted insert. */
typedef struct pend {
    ivl v;        /* strings in work.keep_pool, or borrowed */
    int64_t tie;
} pend;

/* Growable arrays used while deriving one tie, reused for the next. */
typedef struct work {
    kg_amem *a;
    size_t na, capa;
    ivl *v, *old;
    size_t nv, capv, nold, capold;
    int64_t *docs;
    size_t ndocs, capdocs, docs0; /* docs0: first doc of the open one */
    int64_t *feed;
    size_t nfeed, capfeed;
    kg_pool pool; /* strings read back from SQLite */
    pend *pend;   /* new rows of the whole revision */
    size_t npend, cappend;
    kg_pool keep_pool; /* their strings */
    int borrow;   /* new ties only: the strings live in the revision's
                     pool (store.c) until the rows are written */
} work;

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
    void *q;
    size_t c;
    if (n < *cap)
        return KG_OK;
    c = *cap ? *cap * 2 : 16;
    while (c <= n)
        c *= 2;
    q = realloc(*p, c * size);
    if (!q)
        return KG_ENOMEM;
    *p = q;
    *cap = c;
    return KG_OK;
}

static int status_rank(int s)
{
    switch (s) {
    case KG_STATUS_HOLDS: return 0;
    case KG_STATUS_REPORTED: return 1;
    case KG_STATUS_NEGATED: return 2;
    default: return 3;
    }
}

/* NULL first, then byte order. */
static int opt_cmp(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/*
 * Rule 2: (day, undated first; precision; status; amount, stake, role;
 * id).  Everything but the id is content, so the properties that win do
 * not depend on the order in which articles arrived.
 */
static int amem_cmp(const void *pa, const void *pb)
{
    const kg_amem *a = pa, *b = pb;
    int c;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    if (a->prec != b->prec)
        return a->prec < b->prec ? -1 : 1;
    if (status_rank(a->status) != status_rank(b->status))
        return status_rank(a->status) - status_rank(b->status);
    if ((c = opt_cmp(a->amount, b->amount)) != 0)
        return c;
    if (a->stake != b->stake)
        return a->stake < b->stake ? -1 : 1;
    if ((c = opt_cmp(a->role, b->role)) != 0)
        return c;
    return (a->id > b->id) - (a->id < b->id);
}

static int i64_cmp(const void *pa, const void *pb)
{
    int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
    return (a > b) - (a < b);
}

static int doc_add(work *w, int64_t doc)
{
    if (grow((void **)&w->docs, &w->capdocs, w->ndocs, sizeof *w->docs))
        return KG_ENOMEM;
    w->docs[w->ndocs++] = doc;
    return KG_OK;
}

/* Count the distinct documents of the open interval and forget them. */
static int64_t docs_close(work *w)
{
    size_t i, n = 0;
    int64_t *d = w->docs + w->docs0;
    size_t k = w->ndocs - w->docs0;
    if (k > 1)
        qsort(d, k, sizeof *d, i64_cmp);
    for (i = 0; i < k; i++)
        if (i == 0 || d[i] != d[i - 1])
            n++;
    w->ndocs = w->docs0;
    return (int64_t)n;
}

static int open_ivl(work *w, int status, const kg_amem *a, const ivl *inherit)
{
    ivl *v;
    if (grow((void **)&w->v, &w->capv, w->nv, sizeof *w->v))
        return KG_ENOMEM;
    v = &w->v[w->nv++];
    memset(v, 0, sizeof *v);
    v->status = status;
    v->from = a->day;
    v->fprec = a->day == KG_STORE_DAY_UNKNOWN ? 0 : a->prec;
    v->to = KG_STORE_OPEN;
    v->stake = -1;
    if (inherit) {
        v->amount = inherit->amount;
        v->role = inherit->role;
        v->stake = inherit->stake;
    }
    if (a->amount)
        v->amount = a->amount;
    if (a->role)
        v->role = a->role;
    if (a->stake >= 0)
        v->stake = a->stake;
    v->evidence = a->id;
    v->nassert = 1;
    w->docs0 = w->ndocs = 0;
    return doc_add(w, a->doc);
}

static int support(work *w, ivl *v, const kg_amem *a)
{
    if (a->amount)
        v->amount = a->amount;
    if (a->role)
        v->role = a->role;
    if (a->stake >= 0)
        v->stake = a->stake;
    v->evidence = a->id;
    v->nassert++;
    return doc_add(w, a->doc);
}

/* Rule 5 and 7: close v at day (precision prec). */
static void close_ivl(work *w, ivl *v, int32_t day, int prec, int64_t endev)
{
    v->to = day > v->from ? day : v->from + 1;
    v->tprec = prec;
    v->end_evidence = endev;
    v->ndocs = docs_close(w);
}

static int str_differs(const char *a, const char *b)
{
    return a && b && strcmp(a, b) != 0;
}

/* Does a state a property that contradicts v's? */
static int props_conflict(const ivl *v, const kg_amem *a)
{
    return str_differs(a->amount, v->amount) ||
           str_differs(a->role, v->role) ||
           (a->stake >= 0 && v->stake >= 0 && a->stake != v->stake);
}

/* Rules 3-7 over the sorted assertions w->a; result in w->v. */
static int intervals(work *w)
{
    ivl *cur = NULL;
    int ever = 0, rc = KG_OK;
    size_t i;
    w->nv = 0;
    for (i = 0; i < w->na && rc == KG_OK; i++) {
        const kg_amem *a = &w->a[i];
        switch (a->status) {
        case KG_STATUS_HOLDS:
            if (cur && cur->status == KG_STATUS_REPORTED) {
                close_ivl(w, cur, a->day, a->prec, 0);
                cur = NULL;
            }
            if (!cur) {
                rc = open_ivl(w, KG_STATUS_HOLDS, a, NULL);
                cur = &w->v[w->nv - 1];
                ever = 1;
            } else if (props_conflict(cur, a) && a->day > cur->from) {
                ivl prev;
                close_ivl(w, cur, a->day, a->prec, 0);
                prev = *cur;
                rc = open_ivl(w, KG_STATUS_HOLDS, a, &prev);
                cur = &w->v[w->nv - 1];
                cur->split = 1;
            } else {
                rc = support(w, cur, a);
            }
            break;
        case KG_STATUS_REPORTED:
            if (!cur) {
                rc = open_ivl(w, KG_STATUS_REPORTED, a, NULL);
                cur = &w->v[w->nv - 1];
                ever = 1;
            } else if (cur->status == KG_STATUS_REPORTED) {
                rc = support(w, cur, a);
            }
            break;
        case KG_STATUS_ENDED:
            if (a->day == KG_STORE_DAY_UNKNOWN)
                break;
            if (cur) {
                close_ivl(w, cur, a->day, a->prec, a->id);
                cur = NULL;
            } else if (!ever) {
                kg_amem start = *a;
                start.day = KG_STORE_DAY_UNKNOWN;
                start.prec = 0;
                start.amount = start.role = NULL;
                start.stake = -1;
                rc = open_ivl(w, KG_STATUS_HOLDS, &start, NULL);
                if (rc == KG_OK)
                    close_ivl(w, &w->v[w->nv - 1], a->day, a->prec, a->id);
                ever = 1;
            }
            break;
        default: /* negated: rule 6 */
            break;
        }
    }
    if (rc == KG_OK && cur)
        cur->ndocs = docs_close(w);
    return rc;
}

/* Read the assertions feeding tie `tie` (rule 1) into w->a. */
static int load_assertions(kg_store *st, work *w, int64_t tie, kg_error *err)
{
    sqlite3_stmt *s;
    size_t i, j;
    int rc;
    w->nfeed = 0;
    if (grow((void **)&w->feed, &w->capfeed, 0, sizeof *w->feed))
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    w->feed[w->nfeed++] = tie;
    for (i = 0; i < w->nfeed; i++) {
        rc = kg_store__prepare(st, ST_TIE_REDIRECT_FROM, &s, err);
        if (rc != KG_OK)
            return rc;
        sqlite3_bind_int64(s, 1, w->feed[i]);
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            int64_t t = sqlite3_column_int64(s, 0);
            for (j = 0; j < w->nfeed && w->feed[j] != t; j++)
                ;
            if (j < w->nfeed)
                continue;
            if (grow((void **)&w->feed, &w->capfeed, w->nfeed,
                     sizeof *w->feed))
                return kg_error_set(err, KG_ENOMEM, "out of memory");
            w->feed[w->nfeed++] = t;
        }
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            return kg_store__sqlerr(st, rc, "cannot read redirects", err);
    }
    for (i = 0; i < w->nfeed; i++) {
        rc = kg_store__prepare(st, ST_ASSERT_BY_TIE, &s, err);
        if (rc != KG_OK)
            return rc;
        sqlite3_bind_int64(s, 1, w->feed[i]);
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            kg_amem *a;
            kg_status status = KG_STATUS_HOLDS;
            if (grow((void **)&w->a, &w->capa, w->na, sizeof *w->a))
                return kg_error_set(err, KG_ENOMEM, "out of memory");
            a = &w->a[w->na++];
            a->id = sqlite3_column_int64(s, 0);
            a->doc = sqlite3_column_int64(s, 1);
            a->day = sqlite3_column_type(s, 2) == SQLITE_NULL
                         ? KG_STORE_DAY_UNKNOWN
                         : sqlite3_column_int(s, 2);
            a->prec = (int8_t)sqlite3_column_int(s, 3);
            kg_store__status_col(s, 4, &status);
            a->status = (int8_t)status;
            a->amount = sqlite3_column_type(s, 5) == SQLITE_NULL
                            ? NULL
                            : kg_pool_strdup(&w->pool, (const char *)
                                             sqlite3_column_text(s, 5));
            a->stake = sqlite3_column_type(s, 6) == SQLITE_NULL
                           ? -1
                           : sqlite3_column_double(s, 6);
            a->role = sqlite3_column_type(s, 7) == SQLITE_NULL
                          ? NULL
                          : kg_pool_strdup(&w->pool, (const char *)
                                           sqlite3_column_text(s, 7));
            a->tix = -1;
        }
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            return kg_store__sqlerr(st, rc, "cannot read assertions", err);
    }
    return KG_OK;
}

/* A tie redirected into another (a merge) has no intervals of its own. */
static int is_redirected(kg_store *st, int64_t tie, int *out, kg_error *err)
{
    sqlite3_stmt *s;
    int rc = kg_store__prepare(st, ST_TIE_REDIRECTED, &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_int64(s, 1, tie);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot read redirects", err);
    *out = rc == SQLITE_ROW;
    return KG_OK;
}

/* Read the tie's current tie_version rows into w->old. */
static int load_current(kg_store *st, work *w, int64_t tie, kg_error *err)
{
    sqlite3_stmt *s;
    int rc = kg_store__prepare(st, ST_TV_CURRENT, &s, err);
    w->nold = 0;
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_int64(s, 1, tie);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        ivl *v;
        kg_status status = KG_STATUS_HOLDS;
        if (grow((void **)&w->old, &w->capold, w->nold, sizeof *w->old))
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        v = &w->old[w->nold++];
        memset(v, 0, sizeof *v);
        v->row = sqlite3_column_int64(s, 0);
        kg_store__status_col(s, 1, &status);
        v->status = (int)status;
        v->from = sqlite3_column_int(s, 2);
        v->fprec = sqlite3_column_int(s, 3);
        v->to = sqlite3_column_int(s, 4);
        v->tprec = sqlite3_column_int(s, 5);
        v->amount = sqlite3_column_type(s, 6) == SQLITE_NULL
                        ? NULL
                        : kg_pool_strdup(&w->pool, (const char *)
                                         sqlite3_column_text(s, 6));
        v->stake = sqlite3_column_type(s, 7) == SQLITE_NULL
                       ? -1
                       : sqlite3_column_double(s, 7);
        v->role = sqlite3_column_type(s, 8) == SQLITE_NULL
                      ? NULL
                      : kg_pool_strdup(&w->pool, (const char *)
                                       sqlite3_column_text(s, 8));
        v->evidence = sqlite3_column_int64(s, 9);
        v->end_evidence = sqlite3_column_int64(s, 10);
        v->nassert = sqlite3_column_int64(s, 11);
        v->ndocs = sqlite3_column_int64(s, 12);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot read tie versions", err);
    return KG_OK;
}

static int str_eq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int ivl_eq(const ivl *a, const ivl *b)
{
    return a->status == b->status && a->from == b->from &&
           a->fprec == b->fprec && a->to == b->to && a->tprec == b->tprec &&
           str_eq(a->amount, b->amount) && str_eq(a->role, b->role) &&
           a->stake == b->stake && a->evidence == b->evidence &&
           a->end_evidence == b->end_evidence &&
           a->nassert == b->nassert && a->ndocs == b->ndocs;
}

/* rec_from is ?1, shared by the rows (write.c) */
static const char tv_head[] =
    "INSERT OR FAIL INTO tie_version(rec_from, tie, status, valid_from, "
    "from_precision, valid_to, to_precision, amount, stake, role, evidence, "
    "end_evidence, assertions, documents) VALUES";
#define TV_COLS 13

/* Bind row v of tie `tie` at parameter offset base of s. */
static void bind_version(sqlite3_stmt *s, int base, int64_t tie,
                         const ivl *v)
{
    sqlite3_bind_int64(s, base + 1, tie);
    sqlite3_bind_int(s, base + 2, KG_STORE_STATUS_CODE(v->status));
    sqlite3_bind_int(s, base + 3, v->from);
    sqlite3_bind_int(s, base + 4, v->fprec);
    sqlite3_bind_int(s, base + 5, v->to);
    sqlite3_bind_int(s, base + 6, v->tprec);
    if (v->amount)
        sqlite3_bind_text(s, base + 7, v->amount, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, base + 7);
    if (v->stake >= 0)
        sqlite3_bind_double(s, base + 8, v->stake);
    else
        sqlite3_bind_null(s, base + 8);
    if (v->role)
        sqlite3_bind_text(s, base + 9, v->role, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, base + 9);
    sqlite3_bind_int64(s, base + 10, v->evidence);
    if (v->end_evidence)
        sqlite3_bind_int64(s, base + 11, v->end_evidence);
    else
        sqlite3_bind_null(s, base + 11);
    sqlite3_bind_int64(s, base + 12, v->nassert);
    sqlite3_bind_int64(s, base + 13, v->ndocs);
}

static int step_version(kg_store *st, sqlite3_stmt *s, kg_error *err)
{
    int rc;
    sqlite3_bind_int64(s, 1, st->rev.id);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot store tie version", err);
    return KG_OK;
}

static int close_version(kg_store *st, int64_t row, kg_error *err)
{
    sqlite3_stmt *s;
    int rc = kg_store__prepare(st, ST_TV_CLOSE, &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_int64(s, 1, row);
    sqlite3_bind_int64(s, 2, st->rev.id);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot close tie version", err);
    return KG_OK;
}

/* Keep a new row for flush_versions; KG_OK or KG_ENOMEM. */
static int queue_version(work *w, int64_t tie, const ivl *v)
{
    pend *p;
    if (grow((void **)&w->pend, &w->cappend, w->npend, sizeof *w->pend))
        return KG_ENOMEM;
    p = &w->pend[w->npend];
    p->v = *v;
    p->tie = tie;
    /* amount and role may live in w->pool, released after each tie */
    if (!w->borrow &&
        ((v->amount &&
          !(p->v.amount = kg_pool_strdup(&w->keep_pool, v->amount))) ||
         (v->role &&
          !(p->v.role = kg_pool_strdup(&w->keep_pool, v->role)))))
        return KG_ENOMEM;
    w->npend++;
    return KG_OK;
}

/* Rule 9 helper: the old interval with this status and start, or NULL. */
static const ivl *old_by_key(const work *w, int status, int32_t from)
{
    size_t i;
    for (i = 0; i < w->nold; i++)
        if (w->old[i].status == status && w->old[i].from == from)
            return &w->old[i];
    return NULL;
}

/* Rule 9 counts of one part of the derivation. */
typedef struct counts {
    int64_t opened, closed;
} counts;

/*
 * Rule 8 and 9 for one tie: write the difference between old and new.
 * Only a tie with current rows (w->nold > 0) touches SQLite (st); the
 * new rows are queued in w and counted in *cnt.
 */
static int record(kg_store *st, work *w, int64_t tie, counts *cnt,
                  kg_error *err)
{
    size_t i, j;
    int rc;
    for (i = 0; i < w->nv; i++) {
        w->v[i].keep = 0;
        for (j = 0; j < w->nold; j++)
            if (!w->old[j].keep && ivl_eq(&w->v[i], &w->old[j])) {
                w->v[i].keep = w->old[j].keep = 1;
                break;
            }
    }
    for (j = 0; j < w->nold; j++)
        if (!w->old[j].keep &&
            (rc = close_version(st, w->old[j].row, err)) != KG_OK)
            return rc;
    for (i = 0; i < w->nv; i++) {
        const ivl *v = &w->v[i], *o;
        if (v->keep)
            continue;
        o = old_by_key(w, v->status, v->from);
        if (!o && !v->split)
            cnt->opened++;
        if (v->end_evidence && (!o || !o->end_evidence))
            cnt->closed++;
        if ((rc = queue_version(w, tie, v)) != KG_OK)
            return w->nold ? kg_error_set(err, KG_ENOMEM, "out of memory")
                           : KG_ENOMEM;
    }
    return KG_OK;
}

/*
 * The sort key of a queued row: sorting these (24 bytes) and then
 * reading the rows through `seq` moves a fifth of the bytes that
 * sorting the rows themselves would.
 */
typedef struct pkey {
    int32_t from, to;
    int64_t tie;
    size_t seq;   /* index in work.pend, = order of derivation */
} pkey;

/* tv_from order: valid_from, valid_to, tie, then derivation order. */
static int pkey_less(const pkey *a, const pkey *b)
{
    if (a->from != b->from)
        return a->from < b->from;
    if (a->to != b->to)
        return a->to < b->to;
    if (a->tie != b->tie)
        return a->tie < b->tie;
    return a->seq < b->seq;
}

/* pkey_sort(v, tmp, n): v[0..n) in pkey_less order, tmp holding n more */
KG_STORE_MERGE_SORT(pkey_sort, pkey, pkey_less)


/*
 * The keys of w's queued rows, their seq counted from base, sorted; in
 * *out (malloc'd, NULL when there are none).  KG_OK or KG_ENOMEM.
 */
static int sorted_keys(const work *w, size_t base, pkey **out)
{
    pkey *key;
    size_t i;
    *out = NULL;
    if (w->npend == 0)
        return KG_OK;
    /* the keys, then as many for the sort */
    if (!(key = malloc(2 * w->npend * sizeof *key)))
        return KG_ENOMEM;
    for (i = 0; i < w->npend; i++) {
        key[i].from = w->pend[i].v.from;
        key[i].to = w->pend[i].v.to;
        key[i].tie = w->pend[i].tie;
        key[i].seq = base + i;
    }
    pkey_sort(key, key + w->npend, w->npend);
    *out = key;
    return KG_OK;
}

/*
 * Insert the queued rows of the revision in tv_from order,
 * KG_ASSERT_BATCH rows per statement: the rows of a (keys ka, seq from
 * 0) and of b (keys kb, seq from a->npend), both sorted, merged.
 */
static int flush_versions(kg_store *st, const work *a, const pkey *ka,
                          const work *b, const pkey *kb, kg_error *err)
{
    const size_t n = KG_ASSERT_BATCH, na = a->npend, nb = b->npend;
    const size_t total = na + nb;
    const pend **row;
    size_t i = 0, j = 0, k;
    int rc = KG_OK;
    if (total == 0)
        return KG_OK;
    if (!(row = malloc(total * sizeof *row)))
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    for (k = 0; k < total; k++) {
        if (j == nb || (i < na && pkey_less(&ka[i], &kb[j])))
            row[k] = &a->pend[ka[i++].seq];
        else
            row[k] = &b->pend[kb[j++].seq - na];
    }
    if (total >= n && !st->tv_many)
        rc = kg_store__prepare_rows(st, tv_head, (int)n, TV_COLS,
                                    &st->tv_many, err);
    for (i = 0; rc == KG_OK && i + n <= total; i += n) {
        for (k = 0; k < n; k++)
            bind_version(st->tv_many, kg_store__row_base((int)k, TV_COLS),
                         row[i + k]->tie, &row[i + k]->v);
        rc = step_version(st, st->tv_many, err);
    }
    for (; rc == KG_OK && i < total; i++) {
        if (!st->tv_one &&
            (rc = kg_store__prepare_rows(st, tv_head, 1, TV_COLS,
                                         &st->tv_one, err)) != KG_OK)
            break;
        bind_version(st->tv_one, kg_store__row_base(0, TV_COLS),
                     row[i]->tie, &row[i]->v);
        rc = step_version(st, st->tv_one, err);
    }
    free(row);
    return rc;
}

static void work_release(work *w)
{
    free(w->a);
    free(w->v);
    free(w->old);
    free(w->docs);
    free(w->feed);
    free(w->pend);
    kg_pool_release(&w->pool);
    kg_pool_release(&w->keep_pool);
    memset(w, 0, sizeof *w);
}

/*
 * The derivation of the ties made by the revision (tm->is_new), which
 * reads only memory: their assertions are all in st->amem.  It runs on
 * a thread of its own while the store thread writes the assertions
 * (kg_store__derive_start), and touches nothing that thread changes.
 */
struct kg_derive_job {
    const kg_store *st;
    work w;           /* the new rows, borrowing the revision's strings */
    pkey *key;        /* their keys, sorted */
    counts cnt;
    int rc;           /* KG_OK or KG_ENOMEM */
    int running;      /* th was started and is not joined yet */
    pthread_t th;
};

/*
 * st->amem grouped by tie, in arrival order within each (a counting
 * sort): the assertions of tie t are order[start[t] .. start[t + 1]).
 * KG_OK or KG_ENOMEM.
 */
static int group_by_tie(const kg_store *st, int32_t **order_out,
                        size_t **start_out)
{
    size_t *start = calloc(st->nties + 1, sizeof *start);
    int32_t *order = malloc((st->namem ? st->namem : 1) * sizeof *order);
    size_t i, t, sum = 0;
    if (!start || !order) {
        free(start);
        free(order);
        return KG_ENOMEM;
    }
    for (i = 0; i < st->namem; i++)
        start[st->amem[i].tix]++;
    for (t = 0; t <= st->nties; t++) {
        size_t c = start[t];
        start[t] = sum;
        sum += c;
    }
    /* start[t] moves to the end of t's run, = the start of t + 1 ... */
    for (i = 0; i < st->namem; i++)
        order[start[st->amem[i].tix]++] = (int32_t)i;
    /* ... so shift it back by one tie */
    for (t = st->nties; t > 0; t--)
        start[t] = start[t - 1];
    start[0] = 0;
    *order_out = order;
    *start_out = start;
    return KG_OK;
}

/*
 * Put w's rows in the order of their sorted keys (seq from 0), in place,
 * one cycle of the permutation at a time; the keys then name rows
 * 0, 1, 2 ...  flush_versions reads the rows in key order: on this
 * thread, which has time to spare, a random walk over the rows costs a
 * cache miss per row that the store thread would otherwise pay.
 */
static void in_key_order(work *w, pkey *key)
{
    size_t i, j, k;
    pend tmp;
    for (i = 0; i < w->npend; i++) {
        if (key[i].seq == i)
            continue;
        tmp = w->pend[i];
        for (j = i;; j = k) {
            k = key[j].seq;
            key[j].seq = j;
            if (k == i) {
                w->pend[j] = tmp;
                break;
            }
            w->pend[j] = w->pend[k];
        }
    }
}

static void derive_new(kg_derive_job *job)
{
    const kg_store *st = job->st;
    work *w = &job->w;
    int32_t *order = NULL;
    size_t *start = NULL, t, k;
    int rc = group_by_tie(st, &order, &start);
    w->borrow = 1;
    for (t = 0; t < st->nties && rc == KG_OK; t++) {
        const kg_tmem *tm = &st->ties[t];
        if (!tm->is_new)
            continue;
        w->na = 0;
        w->nold = 0;
        if (grow((void **)&w->a, &w->capa, start[t + 1] - start[t],
                 sizeof *w->a)) {
            rc = KG_ENOMEM;
            break;
        }
        for (k = start[t]; k < start[t + 1]; k++)
            w->a[w->na++] = st->amem[order[k]];
        if (w->na > 1)
            qsort(w->a, w->na, sizeof *w->a, amem_cmp);
        /* nold is 0: record() touches no SQLite and sets no error */
        if ((rc = intervals(w)) == KG_OK)
            rc = record(NULL, w, tm->id, &job->cnt, NULL);
    }
    free(order);
    free(start);
    if (rc == KG_OK)
        rc = sorted_keys(w, 0, &job->key);
    if (rc == KG_OK)
        in_key_order(w, job->key);
    job->rc = rc;
}

static void *derive_thread(void *arg)
{
    derive_new(arg);
    return NULL;
}

int kg_store__derive_start(kg_store *st, kg_error *err)
{
    kg_derive_job *job;
    kg_store__derive_abort(st);
    if (!(job = calloc(1, sizeof *job)))
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    job->st = st;
    st->djob = job;
    /* without a thread, kg_store__derive does the work itself */
    if (pthread_create(&job->th, NULL, derive_thread, job) == 0)
        job->running = 1;
    return KG_OK;
}

void kg_store__derive_abort(kg_store *st)
{
    kg_derive_job *job = st->djob;
    if (!job)
        return;
    if (job->running)
        pthread_join(job->th, NULL);
    work_release(&job->w);
    free(job->key);
    free(job);
    st->djob = NULL;
}

int kg_store__derive(kg_store *st, kg_error *err)
{
    kg_derive_job *job;
    work w;
    pkey *key = NULL;
    counts cnt = {0, 0};
    size_t t;
    int rc = KG_OK;
    memset(&w, 0, sizeof w);
    if (!st->djob && (rc = kg_store__derive_start(st, err)) != KG_OK)
        return rc;
    job = st->djob;
    if (job->running) {
        pthread_join(job->th, NULL);
        job->running = 0;
    } else {
        derive_new(job);
    }
    if (job->rc != KG_OK)
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
    /* the ties stored before: read back from SQLite, on this thread */
    for (t = 0; t < st->nties && rc == KG_OK; t++) {
        const kg_tmem *tm = &st->ties[t];
        int redirected = 0;
        if (tm->is_new)
            continue;
        w.na = 0;
        w.nold = 0;
        rc = is_redirected(st, tm->id, &redirected, err);
        if (rc == KG_OK && !redirected)
            rc = load_assertions(st, &w, tm->id, err);
        if (rc == KG_OK)
            rc = load_current(st, &w, tm->id, err);
        if (rc != KG_OK)
            break;
        if (w.na > 1)
            qsort(w.a, w.na, sizeof *w.a, amem_cmp);
        if (intervals(&w) != KG_OK) {
            rc = kg_error_set(err, KG_ENOMEM, "out of memory");
            break;
        }
        rc = record(st, &w, tm->id, &cnt, err);
        kg_pool_release(&w.pool);
    }
    if (rc == KG_OK && sorted_keys(&w, job->w.npend, &key) != KG_OK)
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
    if (rc == KG_OK) {
        st->rev.ties_opened += job->cnt.opened + cnt.opened;
        st->rev.ties_closed += job->cnt.closed + cnt.closed;
        rc = flush_versions(st, &job->w, job->key, &w, key, err);
    }
    free(key);
    work_release(&w);
    kg_store__derive_abort(st);
    return rc;
}
