/*
 * store_int.h: what the files of src/store/ share and nobody else sees:
 * the kg_store handle, the in-memory caches of one revision, the schema
 * entry points (schema.c), tie derivation (derive.c), small hash maps
 * (map.c) and SHA-256 (sha256.c).  Only src/store/ includes sqlite3.h.
 */
#ifndef KG_STORE_INT_H
#define KG_STORE_INT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "kg/store.h"
#include "kg/util.h"

/*
 * Schema 3 codes of relations and statuses (schema.c, Conventions): the
 * enum value + 1, since both enums are in the order of the codes.
 */
#define KG_STORE_REL_CODE(r) ((int)(r) + 1)
#define KG_STORE_STATUS_CODE(s) ((int)(s) + 1)

/* Open end of an interval (valid_to, rec_to) and unknown start. */
#define KG_STORE_OPEN INT32_MAX
#define KG_STORE_DAY_UNKNOWN INT32_MIN

#define KG_STORE_APP_ID 1262965826 /* 0x4B475442, "KGTB" */
#define KG_STORE_SCHEMA KG_STORE_SCHEMA_VERSION
/* page cache (PRAGMA cache_size, negative = KiB): normal, and during a
   bulk revision (schema.c rule 0) */
#define KG_STORE_CACHE "-262144"
#define KG_STORE_BULK_CACHE "-1048576"
/* and while a bulk revision builds its indexes (schema.c) */
#define KG_STORE_SORT_CACHE "-8192"

/*
 * A string-keyed hash map to int64 values, open addressing, keys copied
 * into its own pool.  {0} is a valid empty map.
 */
typedef struct kg_smap_slot {
    const char *key;
    size_t len;
    uint64_t hash;
    int64_t value;
} kg_smap_slot;

typedef struct kg_smap {
    kg_smap_slot *slots;
    size_t n, cap;
    kg_pool pool;
} kg_smap;

/* Find key: 1 and *value set, or 0. */
int kg_smap__get(const kg_smap *m, const char *key, size_t len,
                 int64_t *value);
/* Insert or overwrite; KG_OK or KG_ENOMEM. */
int kg_smap__put(kg_smap *m, const char *key, size_t len, int64_t value);
void kg_smap__release(kg_smap *m);

/*
 * One new assertion kept in memory during a revision, so that a tie made
 * in this revision is derived without reading it back from SQLite.
 */
typedef struct kg_amem {
    int64_t id;       /* assertion row id */
    int64_t doc;      /* document row id */
    int32_t day;      /* first day, KG_STORE_DAY_UNKNOWN if undated */
    int8_t prec;      /* kg_precision */
    int8_t status;    /* kg_status */
    double stake;     /* -1 when not stated */
    const char *amount; /* in the revision pool, or NULL */
    const char *role;
    int32_t tix;      /* its tie: index in st->ties (-1 when read back) */
} kg_amem;

/* Assertion rows per INSERT statement (write.c). */
#define KG_ASSERT_BATCH 64

/*
 * One assertion row of the open revision, kept until commit (write.c):
 * its tie may be new, and new ties get their ids only then.
 */
typedef struct kg_arow {
    int64_t id, doc, subject, object;
    int64_t rule;     /* rule row id, 0 = NULL */
    int64_t span_start, span_end;  /* -1 = NULL */
    double confidence;
    double stake;     /* -1 = NULL */
    const char *evidence, *amount, *role; /* NULL = NULL */
    int32_t tix;      /* index in st->ties */
    int32_t day;      /* KG_STORE_DAY_UNKNOWN = NULL */
    int8_t prec, status;
} kg_arow;

/* A new tie written at commit (write.c); id 0 = given out then. */
typedef struct kg_ptie {
    int64_t id, s, o;
    int32_t rel;
    int32_t tix;      /* index in st->ties */
} kg_ptie;

/* A tie touched by the open revision. */
typedef struct kg_tmem {
    int64_t id;       /* tie row id; 0 for a new tie until commit */
    int is_new;       /* created in this revision: all assertions in memory
                         (the kg_amem with its index as tix) */
    int32_t pix;      /* its kg_ptie when new, else -1 */
} kg_tmem;

/* A document of the open revision; row -1 = stored earlier, skip. */
typedef struct kg_docmem {
    int64_t row;
    int32_t day;
    int prec;
} kg_docmem;

/* An entity resolved in the open revision (canonical name and kind). */
typedef struct kg_entmem {
    int64_t id;
    const char *name; /* in the revision pool */
    int kind;
} kg_entmem;

/* A tie key -> kg_tmem index map (subject, relation, object). */
typedef struct kg_tslot {
    int64_t s, o;
    int32_t rel;
    int32_t idx; /* -1 = empty */
} kg_tslot;

typedef struct kg_tmap {
    kg_tslot *slots;
    size_t n, cap;
} kg_tmap;

int kg_tmap__get(const kg_tmap *m, int64_t s, int rel, int64_t o);
int kg_tmap__put(kg_tmap *m, int64_t s, int rel, int64_t o, int32_t idx);
void kg_tmap__release(kg_tmap *m);

/* Prepared statements reused for the life of the handle. */
enum kg_stmt_id {
    ST_REV_INSERT,
    ST_REV_UPDATE,
    ST_ENTITY_FIND,
    ST_ENTITY_INSERT,
    ST_ENTITY_NAME,
    ST_ALIAS_FIND,
    ST_MERGE_FIND,
    ST_DOC_BY_HASH,
    ST_DOC_BY_EXT,
    ST_DOC_INSERT,
    ST_TIE_FIND,
    ST_TV_CURRENT,
    ST_TV_CLOSE,
    ST_TIE_REDIRECT_FROM,
    ST_ASSERT_BY_TIE,
    ST_TIE_REDIRECTED,
    ST_RULE_FIND,
    ST_RULE_INSERT,
    ST__COUNT
};

struct kg_store {
    sqlite3 *db;
    char *path;
    unsigned flags;
    char clock[40];          /* fixed revision time, "" = real clock */
    int busy_ms;
    sqlite3_stmt *st[ST__COUNT];

    /* the open revision */
    int in_rev;
    kg_revision rev;
    kg_smap entities;        /* "kind\tname" -> entity id */
    kg_smap docs;            /* doc ext id -> index in docv */
    kg_smap rules;           /* rule name -> rule row id */
    /* the last look-ups of docs and rules (consecutive triples of a
       load share them); a length of 0 = none */
    char last_doc[96], last_rule[64];
    size_t last_doc_len, last_rule_len;
    int64_t last_doc_ix, last_rule_id;
    kg_docmem *docv;
    size_t ndocv, capdocv;
    kg_entmem *ents;         /* values of the entities map */
    size_t nents, capents;
    int rev_changed;         /* alias/merge changed something */
    /* what the store held at begin, to skip lookups that cannot hit */
    int no_entities, no_ties, no_aliases, no_merges;
    int64_t bulk_at;         /* assertions after which to go bulk, 0 = no */
    unsigned dropped;        /* bulk indexes dropped (schema.c) */
    int big_cache;           /* bulk: page cache enlarged (schema.c) */
    int wal_pending;         /* made by this handle, still in rollback-
                                journal mode: WAL after its first commit
                                (store.c, kg_store_open) */
    char last_time[40];
    kg_tmap tiekeys;
    kg_tmem *ties;
    size_t nties, capties;
    kg_amem *amem;
    size_t namem, capamem;
    kg_pool pool;            /* strings of the revision */
    /* write.c: ids given out, the assertion batch, the new ties */
    int64_t last_assert_id, last_tie_id;
    int no_assertions;       /* assertion table empty at begin */
    kg_arow *arow;           /* the revision's assertions, until commit */
    size_t narow, caparow;
    kg_pool arow_pool;       /* their strings */
    kg_ptie *ptie;
    size_t nptie, capptie;
    int tie_early;           /* a new tie got its id before commit */
    sqlite3_stmt *assert_many, *assert_one, *tie_many, *tie_one;
    sqlite3_stmt *tv_many, *tv_one; /* derive.c: tie_version rows */
    struct kg_derive_job *djob; /* derive.c: the derivation thread */
};

/* schema.c */
/*
 * The relation / status of a code column of the current row of s:
 * KG_OK, or KG_EINVAL (NULL or not a code) with *out untouched.
 */
int kg_store__rel_col(sqlite3_stmt *s, int col, kg_relation *out);
int kg_store__status_col(sqlite3_stmt *s, int col, kg_status *out);
int kg_store__schema_create(kg_store *st, kg_error *err);
int kg_store__schema_check(sqlite3 *db, const char *path, int *version,
                           kg_error *err);
int kg_store__schema_migrate(kg_store *st, int from, kg_error *err);
/* Drop / rebuild the random-order indexes for a bulk revision (rule 0). */
int kg_store__bulk_drop(kg_store *st, kg_error *err);
int kg_store__bulk_rebuild(kg_store *st, kg_error *err);

/* store.c */
int kg_store__sqlerr(kg_store *st, int rc, const char *what, kg_error *err);
int kg_store__exec(kg_store *st, const char *sql, kg_error *err);
int kg_store__prepare(kg_store *st, enum kg_stmt_id id, sqlite3_stmt **out,
                      kg_error *err);

int kg_store__entity_name(kg_store *st, int64_t id, const char **name,
                          int *kind, kg_error *err);
/* What kg_store__touch_tie does with a tie that is not stored. */
enum {
    KG_TIE_FIND = 0,   /* nothing: *out = -1 */
    KG_TIE_CREATE = 1, /* make it, with its id now */
    KG_TIE_DEFER = 2   /* make it, its id given out at commit in key order */
};
/*
 * Find or get-or-create (how: KG_TIE_*) the tie (s, rel, o) and mark it
 * as touched by the open revision; *out indexes st->ties, -1 if not
 * found.
 */
int kg_store__touch_tie(kg_store *st, int64_t s_id, kg_relation rel,
                        int64_t o_id, int how, int32_t *out,
                        kg_error *err);

/*
 * write.c.  Keep an assertion row (its id already given out) until
 * commit; its strings are copied.
 */
int kg_store__assert_queue(kg_store *st, const kg_arow *a, kg_error *err);
/*
 * Prepare (persistent) "HEAD (?1,?,...),(?1,?,...)": nrows rows of a
 * first column shared by all (?1, the revision) and ncols more columns
 * with a parameter each.
 */
int kg_store__prepare_rows(kg_store *st, const char *head, int nrows,
                           int ncols, sqlite3_stmt **out, kg_error *err);
/* The parameter before row `row`'s own ncols (they are base + 1 ...). */
int kg_store__row_base(int row, int ncols);
/*
 * Write the kept assertions, in id order, KG_ASSERT_BATCH rows per
 * statement.  After kg_store__ties_flush: the tie ids must be known.
 */
int kg_store__assert_flush(kg_store *st, kg_error *err);
/* Queue a new tie row (id 0: given out at flush); KG_OK or KG_ENOMEM. */
int kg_store__tie_queue(kg_store *st, int64_t id, int64_t s_id,
                        kg_relation rel, int64_t o_id, int32_t tix);
/*
 * Write the queued ties in tie_key order, giving the ones without an id
 * the next ids in that order (so that the table and tie_key both grow
 * at their ends).
 */
int kg_store__ties_flush(kg_store *st, kg_error *err);
/* Forget what is queued (rollback, end of revision) / also finalize. */
void kg_store__write_reset(kg_store *st);
void kg_store__write_close(kg_store *st);

/*
 * derive.c: recompute the valid-time intervals of the touched ties.
 * kg_store__derive_start starts deriving the ties made by the revision
 * on a thread of its own, which reads st->ties and st->amem only (and
 * the ids kg_store__ties_flush gave out): until kg_store__derive or
 * kg_store__derive_abort, the caller may write rows (assertions) but
 * must change neither.  kg_store__derive joins it (or does that work
 * itself when no thread was started), derives the ties stored before
 * and writes the tie_version rows.  kg_store__derive_abort waits for
 * the thread and forgets its work (rollback); no-op when none.
 */
typedef struct kg_derive_job kg_derive_job;
int kg_store__derive_start(kg_store *st, kg_error *err);
int kg_store__derive(kg_store *st, kg_error *err);
void kg_store__derive_abort(kg_store *st);

/* sha256.c */
void kg_sha256(unsigned char out[32], const void *data, size_t len);

/*
 * KG_STORE_MERGE_SORT(NAME, TYPE, LESS) defines
 *   static void NAME(TYPE *v, TYPE *tmp, size_t n)
 * which sorts v[0..n) by LESS(const TYPE *, const TYPE *), tmp holding n
 * more: a stable merge sort with the comparison inlined (qsort's call per
 * comparison was a fifth of writing the ties), insertion sort below 16.
 */
#define KG_STORE_MERGE_SORT(NAME, TYPE, LESS)                              \
    static void NAME(TYPE *v, TYPE *tmp, size_t n)                         \
    {                                                                      \
        size_t h = n / 2, i = 0, j = h, k = 0;                             \
        if (n < 16) {                                                      \
            for (i = 1; i < n; i++) {                                      \
                TYPE x = v[i];                                             \
                for (j = i; j > 0 && LESS(&x, &v[j - 1]); j--)             \
                    v[j] = v[j - 1];                                       \
                v[j] = x;                                                  \
            }                                                              \
            return;                                                        \
        }                                                                  \
        NAME(v, tmp, h);                                                   \
        NAME(v + h, tmp, n - h);                                           \
        if (!LESS(&v[h], &v[h - 1]))                                       \
            return; /* already in order */                                 \
        while (i < h && j < n)                                             \
            tmp[k++] = LESS(&v[j], &v[i]) ? v[j++] : v[i++];               \
        while (i < h)                                                      \
            tmp[k++] = v[i++];                                             \
        memcpy(v, tmp, k * sizeof *v);                                     \
    }

#endif
