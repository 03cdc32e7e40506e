/*
 * write.c: how a revision writes its assertion and tie rows.
 *
 * Row ids are given out here (max id at begin + 1, 2, ...: what SQLite
 * would give the rows), so that a row can be referred to before it is
 * written.  That allows cheaper ways of writing:
 *   - assertions are kept until commit and then written KG_ASSERT_BATCH
 *     rows per INSERT statement, which saves most of the per-statement
 *     work of SQLite (one step, reset and program start per batch
 *     instead of per row);
 *   - new ties are kept until commit too, sorted in the order of the
 *     unique index tie_key (subject, relation, object), given their ids
 *     in that order and written, so that both the table and tie_key grow
 *     at their ends instead of at a random place for every tie; the
 *     assertions, which name their tie, are written after them.
 * Both statements are INSERT OR FAIL: a failing row fails the revision
 * (the caller rolls it back), and SQLite needs no statement journal.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

/*
 * Columns of one assertion row, in statement order.  The row id is not
 * among them: the ids of a revision's assertions are consecutive from
 * the largest stored one, so SQLite gives each row the id it was given
 * here, without the look-up that an explicit id costs (checked after
 * every statement: check_ids).  New ties too, unless a merge wanted the
 * id of one before commit (tie_early).  The revision, the first column,
 * is one parameter (?1) shared by all rows of a statement: a bind per
 * statement instead of one per row (kg_store__prepare_rows).
 */
#define ASSERT_COLS 15
#define TIE_COLS 3

static const char assert_head[] =
    "INSERT OR FAIL INTO assertion(revision, document, tie, subject, "
    "object, status, day, precision, confidence, rule, evidence, "
    "span_start, span_end, amount, stake, role) VALUES";

static const char tie_head[] =
    "INSERT OR FAIL INTO tie(revision, subject, relation, object) VALUES";

static const char tie_head_id[] =
    "INSERT OR FAIL INTO tie(revision, id, subject, relation, object) "
    "VALUES";

int kg_store__prepare_rows(kg_store *st, const char *head, int nrows,
                        int ncols, sqlite3_stmt **out, kg_error *err)
{
    kg_buf sql = KG_BUF_INIT;
    int r, c, rc = KG_OK;
    if (kg_buf_puts(&sql, head) != KG_OK)
        rc = KG_ENOMEM;
    for (r = 0; r < nrows && rc == KG_OK; r++) {
        rc = kg_buf_puts(&sql, r ? ",(?1" : "(?1");
        for (c = 0; c < ncols && rc == KG_OK; c++)
            rc = kg_buf_puts(&sql, ",?");
        if (rc == KG_OK)
            rc = kg_buf_putc(&sql, ')');
    }
    if (rc != KG_OK) {
        kg_buf_release(&sql);
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    }
    rc = sqlite3_prepare_v3(st->db, sql.ptr, (int)sql.len,
                            SQLITE_PREPARE_PERSISTENT, out, NULL);
    kg_buf_release(&sql);
    if (rc != SQLITE_OK)
        return kg_store__sqlerr(st, rc, "cannot prepare", err);
    return KG_OK;
}

static void bind_opt_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

/*
 * Bind row a at parameter offset base of s (its columns are base + 1
 * ...; kg_store__row_base).
 */
static void bind_assert(sqlite3_stmt *s, int base, const kg_arow *a,
                        int64_t tie)
{
    base -= 2; /* the columns below count from the id, then ?1 */
    sqlite3_bind_int64(s, base + 3, a->doc);
    sqlite3_bind_int64(s, base + 4, tie);
    sqlite3_bind_int64(s, base + 5, a->subject);
    sqlite3_bind_int64(s, base + 6, a->object);
    sqlite3_bind_int(s, base + 7, KG_STORE_STATUS_CODE(a->status));
    if (a->day != KG_STORE_DAY_UNKNOWN)
        sqlite3_bind_int(s, base + 8, a->day);
    else
        sqlite3_bind_null(s, base + 8);
    sqlite3_bind_int(s, base + 9, a->prec);
    sqlite3_bind_double(s, base + 10, a->confidence);
    if (a->rule)
        sqlite3_bind_int64(s, base + 11, a->rule);
    else
        sqlite3_bind_null(s, base + 11);
    bind_opt_text(s, base + 12, a->evidence);
    if (a->span_start >= 0 && a->span_end >= 0) {
        sqlite3_bind_int64(s, base + 13, a->span_start);
        sqlite3_bind_int64(s, base + 14, a->span_end);
    } else {
        sqlite3_bind_null(s, base + 13);
        sqlite3_bind_null(s, base + 14);
    }
    bind_opt_text(s, base + 15, a->amount);
    if (a->stake >= 0)
        sqlite3_bind_double(s, base + 16, a->stake);
    else
        sqlite3_bind_null(s, base + 16);
    bind_opt_text(s, base + 17, a->role);
}

int kg_store__row_base(int row, int ncols)
{
    return 1 + row * ncols;
}

/* Step s (a many-row INSERT of revision rows: ?1 is the revision). */
static int step_done(kg_store *st, sqlite3_stmt *s, const char *what,
                     kg_error *err)
{
    int rc;
    sqlite3_bind_int64(s, 1, st->rev.id);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, what, err);
    return KG_OK;
}

/* Did SQLite give the last row written the id given out for it? */
static int check_ids(kg_store *st, int64_t want, const char *table,
                     kg_error *err)
{
    if (sqlite3_last_insert_rowid(st->db) != want)
        return kg_error_set(err, KG_ESTORE, "store '%s': %s row ids out "
                            "of step (%lld, not %lld)", st->path, table,
                            (long long)sqlite3_last_insert_rowid(st->db),
                            (long long)want);
    return KG_OK;
}

/* The id of the tie of row a (given out by kg_store__ties_flush). */
static int64_t row_tie(const kg_store *st, const kg_arow *a)
{
    return st->ties[a->tix].id;
}

int kg_store__assert_flush(kg_store *st, kg_error *err)
{
    const size_t n = KG_ASSERT_BATCH;
    size_t i = 0, k;
    int rc = KG_OK;
    if (st->narow >= n && !st->assert_many)
        rc = kg_store__prepare_rows(st, assert_head, (int)n, ASSERT_COLS,
                                    &st->assert_many, err);
    for (; rc == KG_OK && i + n <= st->narow; i += n) {
        for (k = 0; k < n; k++) {
            const kg_arow *a = &st->arow[i + k];
            bind_assert(st->assert_many,
                        kg_store__row_base((int)k, ASSERT_COLS), a,
                        row_tie(st, a));
        }
        rc = step_done(st, st->assert_many, "cannot store assertion", err);
        if (rc == KG_OK)
            rc = check_ids(st, st->arow[i + n - 1].id, "assertion", err);
    }
    for (; rc == KG_OK && i < st->narow; i++) {
        if (!st->assert_one &&
            (rc = kg_store__prepare_rows(st, assert_head, 1, ASSERT_COLS,
                                         &st->assert_one, err)) != KG_OK)
            break;
        bind_assert(st->assert_one, kg_store__row_base(0, ASSERT_COLS),
                    &st->arow[i], row_tie(st, &st->arow[i]));
        rc = step_done(st, st->assert_one, "cannot store assertion", err);
        if (rc == KG_OK)
            rc = check_ids(st, st->arow[i].id, "assertion", err);
    }
    free(st->arow);
    st->arow = NULL;
    st->narow = st->caparow = 0;
    kg_pool_release(&st->arow_pool);
    return rc;
}

/* Copy s into the row pool; 0 when out of memory. */
static int keep(kg_store *st, const char **s)
{
    if (*s && !(*s = kg_pool_strdup(&st->arow_pool, *s)))
        return 0;
    return 1;
}

int kg_store__assert_queue(kg_store *st, const kg_arow *a, kg_error *err)
{
    kg_arow *q;
    if (st->narow == st->caparow) {
        size_t cap = st->caparow ? st->caparow * 2 : 4096;
        kg_arow *v = realloc(st->arow, cap * sizeof *v);
        if (!v)
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        st->arow = v;
        st->caparow = cap;
    }
    q = &st->arow[st->narow];
    *q = *a;
    /* the caller's strings live only until it returns */
    if (!keep(st, &q->evidence) ||
        !keep(st, &q->amount) || !keep(st, &q->role))
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    st->narow++;
    return KG_OK;
}

int kg_store__tie_queue(kg_store *st, int64_t id, int64_t s_id,
                        kg_relation rel, int64_t o_id, int32_t tix)
{
    kg_ptie *p;
    if (st->nptie == st->capptie) {
        size_t cap = st->capptie ? st->capptie * 2 : 1024;
        kg_ptie *v = realloc(st->ptie, cap * sizeof *v);
        if (!v)
            return KG_ENOMEM;
        st->ptie = v;
        st->capptie = cap;
    }
    p = &st->ptie[st->nptie++];
    p->id = id;
    p->s = s_id;
    p->o = o_id;
    p->rel = (int32_t)rel;
    p->tix = tix;
    return KG_OK;
}

/*
 * tie_key order: subject, relation code (the enum order, schema.c),
 * object.  The keys of the queued ties are distinct.
 */
static int ptie_less(const kg_ptie *a, const kg_ptie *b)
{
    if (a->s != b->s)
        return a->s < b->s;
    if (a->rel != b->rel)
        return a->rel < b->rel;
    return a->o < b->o;
}

/* ptie_sort(v, tmp, n): v[0..n) in ptie_less order, tmp holding n more */
KG_STORE_MERGE_SORT(ptie_sort, kg_ptie, ptie_less)

/* Bind tie t at parameter offset base; its id first if with_id. */
static void bind_tie(sqlite3_stmt *s, int base, const kg_ptie *t,
                     int with_id)
{
    if (with_id)
        sqlite3_bind_int64(s, ++base, t->id);
    sqlite3_bind_int64(s, base + 1, t->s);
    sqlite3_bind_int(s, base + 2, KG_STORE_REL_CODE(t->rel));
    sqlite3_bind_int64(s, base + 3, t->o);
}

/* Write the ties one by one with their ids (after a tie_early). */
static int ties_with_ids(kg_store *st, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    size_t i;
    int rc = kg_store__prepare_rows(st, tie_head_id, 1, TIE_COLS + 1, &s,
                                    err);
    for (i = 0; rc == KG_OK && i < st->nptie; i++) {
        bind_tie(s, kg_store__row_base(0, TIE_COLS + 1), &st->ptie[i], 1);
        rc = step_done(st, s, "cannot store tie", err);
    }
    sqlite3_finalize(s);
    return rc;
}

int kg_store__ties_flush(kg_store *st, kg_error *err)
{
    const size_t n = KG_ASSERT_BATCH;
    size_t i = 0, k;
    int rc = KG_OK;
    if (st->nptie > 1) {
        kg_ptie *tmp = malloc(st->nptie * sizeof *tmp);
        if (!tmp)
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        ptie_sort(st->ptie, tmp, st->nptie);
        free(tmp);
    }
    /* new ids in key order: the ties are written in id order too */
    for (i = 0; i < st->nptie; i++) {
        kg_ptie *p = &st->ptie[i];
        if (!p->id)
            p->id = st->ties[p->tix].id = ++st->last_tie_id;
        st->ties[p->tix].pix = -1;
    }
    if (st->tie_early) {
        rc = ties_with_ids(st, err);
        st->nptie = 0;
        return rc;
    }
    if (st->nptie >= n && !st->tie_many)
        rc = kg_store__prepare_rows(st, tie_head, (int)n, TIE_COLS,
                                    &st->tie_many, err);
    for (i = 0; rc == KG_OK && i + n <= st->nptie; i += n) {
        for (k = 0; k < n; k++)
            bind_tie(st->tie_many, kg_store__row_base((int)k, TIE_COLS),
                     &st->ptie[i + k], 0);
        rc = step_done(st, st->tie_many, "cannot store tie", err);
        if (rc == KG_OK)
            rc = check_ids(st, st->ptie[i + n - 1].id, "tie", err);
    }
    for (; rc == KG_OK && i < st->nptie; i++) {
        if (!st->tie_one &&
            (rc = kg_store__prepare_rows(st, tie_head, 1, TIE_COLS,
                                         &st->tie_one, err)) != KG_OK)
            break;
        bind_tie(st->tie_one, kg_store__row_base(0, TIE_COLS), &st->ptie[i],
                 0);
        rc = step_done(st, st->tie_one, "cannot store tie", err);
        if (rc == KG_OK)
            rc = check_ids(st, st->ptie[i].id, "tie", err);
    }
    st->nptie = 0;
    return rc;
}

void kg_store__write_reset(kg_store *st)
{
    free(st->arow);
    st->arow = NULL;
    st->narow = st->caparow = 0;
    kg_pool_release(&st->arow_pool);
    free(st->ptie);
    st->ptie = NULL;
    st->nptie = st->capptie = 0;
    st->tie_early = 0;
    if (st->assert_many)
        sqlite3_reset(st->assert_many);
    if (st->assert_one)
        sqlite3_reset(st->assert_one);
    if (st->tie_many)
        sqlite3_reset(st->tie_many);
    if (st->tie_one)
        sqlite3_reset(st->tie_one);
    if (st->tv_many)
        sqlite3_reset(st->tv_many);
    if (st->tv_one)
        sqlite3_reset(st->tv_one);
}

void kg_store__write_close(kg_store *st)
{
    kg_store__write_reset(st);
    sqlite3_finalize(st->assert_many);
    sqlite3_finalize(st->assert_one);
    sqlite3_finalize(st->tie_many);
    sqlite3_finalize(st->tie_one);
    sqlite3_finalize(st->tv_many);
    sqlite3_finalize(st->tv_one);
    st->assert_many = st->assert_one = st->tie_many = st->tie_one = NULL;
    st->tv_many = st->tv_one = NULL;
}
