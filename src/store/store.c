/*
 * store.c: opening a store (and refusing files that are not ours), the
 * revision life cycle (begin, add documents and triples, commit or roll
 * back) and the revision log.  Deriving the tie intervals at commit is in
 * derive.c; the schema and its documentation in schema.c.
 *
 * Speed: one transaction per revision, prepared statements kept for the
 * life of the handle, a large page cache, and in-memory maps from entity
 * names, document ids and tie keys to row ids, so that a triple costs its
 * share of a many-row INSERT into assertion plus what is new (write.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/store_int.h"

/* The SQL of each prepared statement, by enum kg_stmt_id. */
static const char *const stmt_sql[ST__COUNT] = {
    [ST_REV_INSERT] = "INSERT INTO revision(time, message, extractor) "
                      "VALUES(?1, ?2, ?3)",
    [ST_REV_UPDATE] = "UPDATE revision SET documents = ?2, skipped = ?3, "
                      "assertions = ?4, ties_opened = ?5, ties_closed = ?6 "
                      "WHERE id = ?1",
    [ST_ENTITY_FIND] = "SELECT id FROM entity WHERE name = ?1 AND kind = ?2",
    [ST_ENTITY_INSERT] = "INSERT INTO entity(name, kind, revision) "
                         "VALUES(?1, ?2, ?3)",
    [ST_ENTITY_NAME] = "SELECT name, kind FROM entity WHERE id = ?1",
    [ST_ALIAS_FIND] = "SELECT entity FROM alias WHERE alias = ?1 "
                      "AND rec_to = 2147483647 ORDER BY id DESC LIMIT 1",
    [ST_MERGE_FIND] = "SELECT into_entity FROM entity_merge "
                      "WHERE from_entity = ?1 AND rec_to = 2147483647 "
                      "ORDER BY id DESC LIMIT 1",
    [ST_DOC_BY_HASH] = "SELECT id FROM document WHERE sha256 = ?1",
    [ST_DOC_BY_EXT] = "SELECT id FROM document WHERE ext_id = ?1 "
                      "AND revision < ?2 LIMIT 1",
    [ST_DOC_INSERT] = "INSERT INTO document(ext_id, sha256, day, precision, "
                      "source, title, url, path, bytes, revision) "
                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [ST_TIE_FIND] = "SELECT id FROM tie WHERE subject = ?1 "
                    "AND relation = ?2 AND object = ?3",
    [ST_TV_CURRENT] =
        "SELECT id, status, valid_from, from_precision, valid_to, "
        "to_precision, amount, stake, role, evidence, end_evidence, "
        "assertions, documents FROM tie_version "
        "WHERE tie = ?1 AND rec_to = 2147483647 ORDER BY valid_from, id",
    [ST_TV_CLOSE] = "UPDATE tie_version SET rec_to = ?2 WHERE id = ?1",
    [ST_TIE_REDIRECT_FROM] = "SELECT tie FROM tie_redirect WHERE "
                             "into_tie = ?1 AND rec_to = 2147483647",
    [ST_ASSERT_BY_TIE] = "SELECT id, document, day, precision, status, "
                         "amount, stake, role FROM assertion WHERE tie = ?1",
    [ST_TIE_REDIRECTED] = "SELECT 1 FROM tie_redirect WHERE tie = ?1 "
                          "AND rec_to = 2147483647",
    [ST_RULE_FIND] = "SELECT id FROM rule WHERE name = ?1",
    [ST_RULE_INSERT] = "INSERT INTO rule(name) VALUES(?1)",
};

int kg_store__sqlerr(kg_store *st, int rc, const char *what, kg_error *err)
{
    int code = KG_ESTORE;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        code = KG_EBUSY;
    else if (rc == SQLITE_NOMEM)
        code = KG_ENOMEM;
    if (code == KG_EBUSY)
        return kg_error_set(err, code,
                            "store '%s' is busy: another process is writing "
                            "(waited %d ms)", st->path, st->busy_ms);
    return kg_error_set(err, code, "store '%s': %s: %s", st->path, what,
                        st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
}

int kg_store__exec(kg_store *st, const char *sql, kg_error *err)
{
    char *msg = NULL;
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        int code = rc == SQLITE_BUSY ? KG_EBUSY : KG_ESTORE;
        if (code == KG_EBUSY)
            kg_error_set(err, code, "store '%s' is busy: another process "
                         "is writing (waited %d ms)", st->path, st->busy_ms);
        else
            kg_error_set(err, code, "store '%s': %s", st->path,
                         msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return code;
    }
    return KG_OK;
}

int kg_store__prepare(kg_store *st, enum kg_stmt_id id, sqlite3_stmt **out,
                      kg_error *err)
{
    int rc;
    if (!st->st[id]) {
        rc = sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
                                SQLITE_PREPARE_PERSISTENT, &st->st[id], NULL);
        if (rc != SQLITE_OK)
            return kg_store__sqlerr(st, rc, "cannot prepare", err);
    } else {
        sqlite3_reset(st->st[id]);
        sqlite3_clear_bindings(st->st[id]);
    }
    *out = st->st[id];
    return KG_OK;
}

/*
 * Settings of every read-write connection.  secure_delete is on in some
 * builds of SQLite (Debian's); it zeroes the space of every moved cell,
 * which an append-only store does not need (nothing is deleted but the
 * rows of a revision that never committed): 1 % of a load.  temp_store
 * FILE lets the sorter of a bulk revision's index builds use its worker
 * threads (schema.c, kg_store__bulk_rebuild); smaller sorts and
 * temporary tables stay in the page cache as with MEMORY.
 */
static const char *const rw_pragmas =
    "PRAGMA synchronous = NORMAL;"
    "PRAGMA cache_size = " KG_STORE_CACHE ";"
    "PRAGMA temp_store = FILE;"
    "PRAGMA threads = 2;"
    "PRAGMA secure_delete = OFF;"
    "PRAGMA foreign_keys = OFF;";

static int open_conn(sqlite3 **db, const char *path, int flags, int busy_ms)
{
    int rc = sqlite3_open_v2(path, db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(*db, 0);
        sqlite3_busy_timeout(*db, busy_ms);
    }
    return rc;
}

/*
 * Before SQLite starts in this process: no memory statistics (nothing
 * reads them, and keeping them takes a global mutex on every allocation,
 * a few per cent of a load).  Too late once SQLite runs: then nothing.
 */
static void sqlite_setup(void)
{
    static int done;
    if (!done) {
        done = 1;
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    }
}

/*
 * A process killed in the first revision of a store it made leaves a hot
 * rollback journal (kg_store_open, WAL comes after that revision), which
 * a read-only connection cannot roll back: its first read fails with
 * SQLITE_READONLY.  Then a read-write connection reads once, which rolls
 * the file back to what it was (the empty schema), and ro reads again.
 * A file we may not write stays as it was, and ro reports the error.
 */
static void roll_back_hot(sqlite3 *ro, const char *path, int busy_ms)
{
    sqlite3 *rw = NULL;
    const char *sql = "SELECT count(*) FROM sqlite_schema";
    if (sqlite3_exec(ro, sql, NULL, NULL, NULL) != SQLITE_READONLY)
        return;
    if (open_conn(&rw, path, SQLITE_OPEN_READWRITE, busy_ms) == SQLITE_OK)
        sqlite3_exec(rw, sql, NULL, NULL, NULL);
    sqlite3_close(rw);
}

int kg_store_open(kg_store **out, const char *path, unsigned flags,
                  kg_error *err)
{
    kg_store *st = NULL;
    sqlite3 *ro = NULL;
    struct stat sb;
    int exists, version = 0, rc = KG_OK, src;

    *out = NULL;
    sqlite_setup();
    exists = stat(path, &sb) == 0;
    if (!exists && !(flags & KG_STORE_CREATE))
        return kg_error_set(err, KG_ENOTFOUND,
                            "cannot open store '%s': no such file (create "
                            "it with 'corpgraph init' or an ingest)", path);
    if (exists && S_ISDIR(sb.st_mode))
        return kg_error_set(err, KG_ESTORE,
                            "cannot open store '%s': is a directory", path);
    st = calloc(1, sizeof *st);
    if (!st || !(st->path = malloc(strlen(path) + 1))) {
        free(st);
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    }
    strcpy(st->path, path);
    st->flags = flags;
    st->busy_ms = 10000;

    /* Look before writing anything: a foreign or newer file is refused. */
    if (exists) {
        src = open_conn(&ro, path, SQLITE_OPEN_READONLY, st->busy_ms);
        if (src != SQLITE_OK) {
            rc = kg_error_set(err, KG_ESTORE, "cannot open store '%s': %s",
                              path, ro ? sqlite3_errmsg(ro)
                                       : sqlite3_errstr(src));
            goto done;
        }
        roll_back_hot(ro, path, st->busy_ms);
        rc = kg_store__schema_check(ro, path, &version, err);
        if (rc != KG_OK)
            goto done;
        if (flags & KG_STORE_READONLY) {
            if (version == 0) {
                rc = kg_error_set(err, KG_ESTORE, "cannot open store '%s': "
                                  "the file is empty, not a corpgraph store",
                                  path);
                goto done;
            }
            if (version == KG_STORE_SCHEMA) {
                st->db = ro;
                ro = NULL;
                goto done;
            }
        }
        sqlite3_close(ro);
        ro = NULL;
    }

    src = open_conn(&st->db, path,
                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, st->busy_ms);
    if (src != SQLITE_OK) {
        rc = kg_error_set(err, KG_ESTORE, "cannot open store '%s': %s", path,
                          st->db ? sqlite3_errmsg(st->db)
                                 : sqlite3_errstr(src));
        goto done;
    }
    rc = kg_store__exec(st, rw_pragmas, err);
    if (rc != KG_OK)
        goto done;
    if (version == 0 &&
        (rc = kg_store__exec(st, "PRAGMA page_size = 16384", err)) != KG_OK)
        goto done;
    if (version == 0 || version < KG_STORE_SCHEMA) {
        /* Create or migrate under the write lock, then look again. */
        rc = kg_store__exec(st, "BEGIN IMMEDIATE", err);
        if (rc != KG_OK)
            goto done;
        rc = kg_store__schema_check(st->db, path, &version, err);
        if (rc == KG_OK && version == 0)
            st->wal_pending = 1;
        if (rc == KG_OK)
            rc = version == 0 ? kg_store__schema_create(st, err)
                              : kg_store__schema_migrate(st, version, err);
        if (rc == KG_OK)
            rc = kg_store__exec(st, "COMMIT", err);
        if (rc != KG_OK) {
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
            goto done;
        }
    }
    /*
     * WAL: readers never block the writer nor wait for it.  A store this
     * handle has just made stays in rollback-journal mode until its first
     * revision ends (to_wal): the pages of a first load, which are all
     * new, are then written once, to the file, instead of to the WAL and
     * again to the file by the checkpoint (a third of a fresh load's
     * time).  The journal holds only the few pages the schema had; a
     * crash rolls the file back to the empty schema, as WAL would.
     */
    if (!st->wal_pending)
        rc = kg_store__exec(st, "PRAGMA journal_mode = WAL", err);

done:
    sqlite3_close(ro);
    if (rc != KG_OK) {
        kg_store_close(st);
        return rc;
    }
    *out = st;
    return KG_OK;
}

/*
 * Switch a store made by this handle to WAL (kg_store_open).  If that
 * fails (a reader holds the file), the store stays in rollback mode,
 * which is as safe, until the next read-write open switches it.
 */
static void to_wal(kg_store *st)
{
    if (st->wal_pending && st->db && !st->in_rev)
        sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    st->wal_pending = 0;
}

static void rev_reset(kg_store *st)
{
    kg_store__derive_abort(st); /* before the arrays it reads go */
    kg_smap__release(&st->entities);
    kg_smap__release(&st->docs);
    kg_smap__release(&st->rules);
    st->last_doc_len = st->last_rule_len = 0;
    kg_tmap__release(&st->tiekeys);
    free(st->ties);
    free(st->amem);
    st->ties = NULL;
    st->amem = NULL;
    st->nties = st->capties = st->namem = st->capamem = 0;
    free(st->ents);
    st->ents = NULL;
    st->nents = st->capents = 0;
    free(st->docv);
    st->docv = NULL;
    st->ndocv = st->capdocv = 0;
    kg_pool_release(&st->pool);
    kg_store__write_reset(st);
    memset(&st->rev, 0, sizeof st->rev);
    st->in_rev = 0;
    st->rev_changed = 0;
    st->dropped = 0;
    if (st->db && !(st->flags & KG_STORE_READONLY))
        sqlite3_exec(st->db, "PRAGMA ignore_check_constraints = OFF", NULL,
                     NULL, NULL);
    if (st->db && st->big_cache)
        sqlite3_exec(st->db, "PRAGMA cache_size = " KG_STORE_CACHE ";"
                     "PRAGMA cache_spill = 1", NULL, NULL, NULL);
    st->big_cache = 0;
}

void kg_store_close(kg_store *st)
{
    int i;
    if (!st)
        return;
    if (st->in_rev)
        kg_store_rollback(st);
    rev_reset(st);
    to_wal(st);
    kg_store__write_close(st);
    for (i = 0; i < ST__COUNT; i++)
        sqlite3_finalize(st->st[i]);
    sqlite3_close(st->db);
    free(st->path);
    free(st);
}

const char *kg_store_path(const kg_store *st)
{
    return st->path;
}

int kg_store_schema_version(const kg_store *st)
{
    (void)st;
    return KG_STORE_SCHEMA;
}

int kg_store_set_clock(kg_store *st, const char *iso_time, kg_error *err)
{
    size_t n;
    if (!iso_time) {
        st->clock[0] = '\0';
        return KG_OK;
    }
    n = strlen(iso_time);
    if (n < 10 || n >= sizeof st->clock || iso_time[4] != '-' ||
        iso_time[7] != '-')
        return kg_error_set(err, KG_EINVAL,
                            "bad time '%s' (want 2026-01-01T00:00:00Z)",
                            iso_time);
    memcpy(st->clock, iso_time, n + 1);
    return KG_OK;
}

void kg_store_set_busy_timeout(kg_store *st, int ms)
{
    st->busy_ms = ms < 0 ? 0 : ms;
    sqlite3_busy_timeout(st->db, st->busy_ms);
}

static void now_iso(const kg_store *st, char buf[40])
{
    time_t t;
    struct tm tm;
    if (st->clock[0]) {
        memcpy(buf, st->clock, strlen(st->clock) + 1);
        return;
    }
    t = time(NULL);
    gmtime_r(&t, &tm);
    strftime(buf, 40, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int require_rw(kg_store *st, kg_error *err)
{
    if (st->flags & KG_STORE_READONLY)
        return kg_error_set(err, KG_EINVAL,
                            "store '%s' was opened read-only", st->path);
    return KG_OK;
}

/* Note which tables are empty: a miss in the caches then needs no query. */
static int probe_tables(kg_store *st, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(
        st->db,
        "SELECT NOT EXISTS(SELECT 1 FROM entity),"
        " (SELECT ifnull(max(id), 0) FROM assertion),"
        " NOT EXISTS(SELECT 1 FROM tie),"
        " NOT EXISTS(SELECT 1 FROM alias WHERE rec_to = 2147483647),"
        " NOT EXISTS(SELECT 1 FROM entity_merge WHERE rec_to = 2147483647),"
        " (SELECT ifnull(max(id), 0) FROM tie)",
        -1, &s, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t n = sqlite3_column_int64(s, 1);
        st->no_entities = sqlite3_column_int(s, 0);
        st->no_ties = sqlite3_column_int(s, 2);
        st->no_aliases = sqlite3_column_int(s, 3);
        st->no_merges = sqlite3_column_int(s, 4);
        st->last_assert_id = n;
        st->last_tie_id = sqlite3_column_int64(s, 5);
        st->no_assertions = n == 0;
        /* an empty store goes bulk at once: nothing to keep indexed */
        st->bulk_at = n == 0 ? 1 : n / 2 > 50000 ? n / 2 : 50000;
        st->dropped = 0;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_OK)
        return kg_store__sqlerr(st, rc, "cannot read store", err);
    return KG_OK;
}

int kg_store_begin(kg_store *st, const char *message, const char *extractor,
                   kg_error *err)
{
    sqlite3_stmt *s = NULL;
    char now[40];
    int rc;
    if ((rc = require_rw(st, err)) != KG_OK)
        return rc;
    if (st->in_rev)
        return kg_error_set(err, KG_EINVAL, "a revision is already open");
    /*
     * The CHECK constraints with IN lists (status, kind) make SQLite build
     * a temporary b-tree on every INSERT into assertion and entity, a
     * fifth of a load's time.  Inside a revision every value written is
     * checked here instead (check_triple, the kind and status enums;
     * derive.c rule 7 for valid_from < valid_to), so SQLite's checks are
     * off until the revision ends (rev_reset turns them back on).
     */
    rc = kg_store__exec(st, "PRAGMA ignore_check_constraints = ON;"
                            "BEGIN IMMEDIATE", err);
    if (rc != KG_OK) {
        sqlite3_exec(st->db, "PRAGMA ignore_check_constraints = OFF",
                     NULL, NULL, NULL);
        return rc;
    }
    st->in_rev = 1;
    now_iso(st, now);
    rc = kg_store__prepare(st, ST_REV_INSERT, &s, err);
    if (rc != KG_OK)
        goto fail;
    sqlite3_bind_text(s, 1, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, message ? message : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, extractor ? extractor : "", -1,
                      SQLITE_TRANSIENT);
    if ((rc = sqlite3_step(s)) != SQLITE_DONE) {
        rc = kg_store__sqlerr(st, rc, "cannot start revision", err);
        goto fail;
    }
    st->rev.id = sqlite3_last_insert_rowid(st->db);
    if ((rc = probe_tables(st, err)) != KG_OK)
        goto fail;
    st->rev.time = kg_pool_strdup(&st->pool, now);
    st->rev.message = kg_pool_strdup(&st->pool, message ? message : "");
    st->rev.extractor = kg_pool_strdup(&st->pool, extractor ? extractor : "");
    if (!st->rev.time || !st->rev.message || !st->rev.extractor) {
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
        goto fail;
    }
    return KG_OK;
fail:
    kg_store_rollback(st);
    return rc;
}

/* Remember a document of this revision under its ext id. */
static int doc_remember(kg_store *st, const char *ext, int64_t row, int32_t day,
                        int prec)
{
    if (st->ndocv == st->capdocv) {
        size_t cap = st->capdocv ? st->capdocv * 2 : 64;
        kg_docmem *v = realloc(st->docv, cap * sizeof *v);
        if (!v)
            return KG_ENOMEM;
        st->docv = v;
        st->capdocv = cap;
    }
    st->last_doc_len = 0; /* ext may name another document now */
    st->docv[st->ndocv].row = row;
    st->docv[st->ndocv].day = day;
    st->docv[st->ndocv].prec = prec;
    if (kg_smap__put(&st->docs, ext, strlen(ext), (int64_t)st->ndocv) !=
        KG_OK)
        return KG_ENOMEM;
    st->ndocv++;
    return KG_OK;
}

static int bind_opt_text(sqlite3_stmt *s, int i, const char *v)
{
    return v ? sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC)
             : sqlite3_bind_null(s, i);
}

/* Insert a document row; hash may be NULL (a load document). */
static int doc_insert(kg_store *st, const kg_doc *d, const char *ext,
                      const unsigned char *hash, int64_t *row, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc = kg_store__prepare(st, ST_DOC_INSERT, &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_text(s, 1, ext, -1, SQLITE_STATIC);
    if (hash)
        sqlite3_bind_blob(s, 2, hash, 32, SQLITE_STATIC);
    if (d && kg_date_is_set(d->date))
        sqlite3_bind_int64(s, 3, kg_date_first_day(d->date));
    sqlite3_bind_int(s, 4, d ? (int)kg_date_precision(d->date) : 0);
    if (d) {
        bind_opt_text(s, 5, d->source);
        bind_opt_text(s, 6, d->title);
        bind_opt_text(s, 7, d->url);
        bind_opt_text(s, 8, d->path);
        sqlite3_bind_int64(s, 9, (int64_t)d->text_len);
    }
    sqlite3_bind_int64(s, 10, st->rev.id);
    rc = sqlite3_step(s);
    if (rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot store document", err);
    *row = sqlite3_last_insert_rowid(st->db);
    st->rev.documents++;
    return KG_OK;
}

int kg_store_add_doc(kg_store *st, const kg_doc *doc, int *is_new,
                     kg_error *err)
{
    unsigned char hash[32];
    sqlite3_stmt *s = NULL;
    int64_t row, ix;
    const char *ext = doc->id ? doc->id : "";
    int rc;
    *is_new = 0;
    if (!st->in_rev)
        return kg_error_set(err, KG_EINVAL, "no open revision");
    kg_sha256(hash, doc->text ? doc->text : "", doc->text ? doc->text_len : 0);
    rc = kg_store__prepare(st, ST_DOC_BY_HASH, &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_blob(s, 1, hash, 32, SQLITE_STATIC);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        sqlite3_reset(s);
        st->rev.skipped++;
        if (!kg_smap__get(&st->docs, ext, strlen(ext), &ix) &&
            doc_remember(st, ext, -1, 0, 0) != KG_OK)
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        return KG_OK;
    }
    if (rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot look up document", err);
    rc = doc_insert(st, doc, ext, hash, &row, err);
    if (rc != KG_OK)
        return rc;
    if (doc_remember(st, ext, row,
                     kg_date_is_set(doc->date)
                         ? kg_date_first_day(doc->date)
                         : KG_STORE_DAY_UNKNOWN,
                     (int)kg_date_precision(doc->date)) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    *is_new = 1;
    return KG_OK;
}

/*
 * The document a triple belongs to: *ix indexes st->docv, whose row is -1
 * when the document was stored by an earlier revision (skip the triple).
 */
static int triple_doc(kg_store *st, const char *ext, int64_t *ix,
                      kg_error *err)
{
    sqlite3_stmt *s;
    int64_t row;
    size_t len = strlen(ext);
    int rc;
    if (len && len == st->last_doc_len && memcmp(ext, st->last_doc, len) == 0) {
        *ix = st->last_doc_ix;
        return KG_OK;
    }
    if (kg_smap__get(&st->docs, ext, len, ix)) {
        if (len < sizeof st->last_doc) {
            memcpy(st->last_doc, ext, len);
            st->last_doc_len = len;
            st->last_doc_ix = *ix;
        }
        return KG_OK;
    }
    if (len) {
        rc = kg_store__prepare(st, ST_DOC_BY_EXT, &s, err);
        if (rc != KG_OK)
            return rc;
        sqlite3_bind_text(s, 1, ext, (int)len, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, st->rev.id);
        rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc == SQLITE_ROW) {
            st->rev.skipped++;
            if (doc_remember(st, ext, -1, 0, 0) != KG_OK)
                return kg_error_set(err, KG_ENOMEM, "out of memory");
            *ix = (int64_t)st->ndocv - 1;
            return KG_OK;
        }
        if (rc != SQLITE_DONE)
            return kg_store__sqlerr(st, rc, "cannot look up document", err);
    }
    rc = doc_insert(st, NULL, ext, NULL, &row, err);
    if (rc != KG_OK)
        return rc;
    if (doc_remember(st, ext, row, KG_STORE_DAY_UNKNOWN, 0) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    *ix = (int64_t)st->ndocv - 1;
    return KG_OK;
}

/* Append an entity to the revision's entity table; *ix its index. */
static int ent_remember(kg_store *st, int64_t id, const char *name,
                        size_t len, int kind, int64_t *ix)
{
    if (st->nents == st->capents) {
        size_t cap = st->capents ? st->capents * 2 : 1024;
        kg_entmem *v = realloc(st->ents, cap * sizeof *v);
        if (!v)
            return KG_ENOMEM;
        st->ents = v;
        st->capents = cap;
    }
    st->ents[st->nents].id = id;
    st->ents[st->nents].name = kg_pool_strndup(&st->pool, name, len);
    st->ents[st->nents].kind = kind;
    if (!st->ents[st->nents].name)
        return KG_ENOMEM;
    *ix = (int64_t)st->nents++;
    return KG_OK;
}

/* Step a one-column integer query: 1 row, 0 none, or a KG_ code. */
static int step_id(kg_store *st, sqlite3_stmt *s, int64_t *out,
                   kg_error *err)
{
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(s, 0);
        sqlite3_reset(s);
        return 1;
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return 0;
    return kg_store__sqlerr(st, rc, "query failed", err);
}

/* Follow merges from entity id to the entity it lives on in. */
static int follow_merges(kg_store *st, int64_t *id, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int64_t next = 0;
    int rc, hops;
    for (hops = 0; hops < 64; hops++) {
        rc = kg_store__prepare(st, ST_MERGE_FIND, &s, err);
        if (rc != KG_OK)
            return rc;
        sqlite3_bind_int64(s, 1, *id);
        rc = step_id(st, s, &next, err);
        if (rc < 0)
            return rc;
        if (rc == 0)
            return KG_OK;
        *id = next;
    }
    return kg_error_set(err, KG_ESTORE, "store '%s': merge cycle at "
                        "entity %lld", st->path, (long long)*id);
}

int kg_store__entity_name(kg_store *st, int64_t id, const char **name,
                          int *kind, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc = kg_store__prepare(st, ST_ENTITY_NAME, &s, err);
    kg_kind k = KG_KIND_ORG;
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_int64(s, 1, id);
    rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE
                   ? kg_error_set(err, KG_ENOTFOUND, "no entity %lld",
                                  (long long)id)
                   : kg_store__sqlerr(st, rc, "query failed", err);
    }
    *name = kg_pool_strdup(&st->pool, (const char *)sqlite3_column_text(s, 0));
    kg_kind_parse(&k, (const char *)sqlite3_column_text(s, 1));
    *kind = (int)k;
    sqlite3_reset(s);
    return *name ? KG_OK : kg_error_set(err, KG_ENOMEM, "out of memory");
}

/*
 * Resolve a name of a kind to an entity (schema.c rule 11), creating it
 * when unknown.  *ix indexes st->ents.
 */
static int resolve_entity(kg_store *st, const char *name, kg_kind kind,
                          int64_t *ix, kg_error *err)
{
    sqlite3_stmt *s;
    size_t nlen = strlen(name), klen;
    const char *kname = kg_kind_name(kind);
    char stackkey[256], *key = stackkey;
    int64_t id = 0;
    int rc, found;

    klen = strlen(kname);
    if (klen + 1 + nlen + 1 > sizeof stackkey &&
        !(key = malloc(klen + 1 + nlen + 1)))
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    memcpy(key, kname, klen);
    key[klen] = '\t';
    memcpy(key + klen + 1, name, nlen);
    if (kg_smap__get(&st->entities, key, klen + 1 + nlen, ix)) {
        rc = KG_OK;
        goto done;
    }
    found = 0;
    if (!st->no_aliases) {
        /* an alias of this text */
        rc = kg_store__prepare(st, ST_ALIAS_FIND, &s, err);
        if (rc != KG_OK)
            goto done;
        sqlite3_bind_text(s, 1, name, (int)nlen, SQLITE_STATIC);
        found = step_id(st, s, &id, err);
    }
    if (found == 0 && !st->no_entities) {
        rc = kg_store__prepare(st, ST_ENTITY_FIND, &s, err);
        if (rc != KG_OK)
            goto done;
        sqlite3_bind_text(s, 1, name, (int)nlen, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, kname, -1, SQLITE_STATIC);
        found = step_id(st, s, &id, err);
    }
    if (found < 0) {
        rc = found;
        goto done;
    }
    if (found) {
        const char *cname = NULL;
        int ckind = 0;
        if ((!st->no_merges && (rc = follow_merges(st, &id, err)) != KG_OK) ||
            (rc = kg_store__entity_name(st, id, &cname, &ckind, err)) !=
                KG_OK)
            goto done;
        rc = ent_remember(st, id, cname, strlen(cname), ckind, ix);
    } else {
        rc = kg_store__prepare(st, ST_ENTITY_INSERT, &s, err);
        if (rc != KG_OK)
            goto done;
        sqlite3_bind_text(s, 1, name, (int)nlen, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, kname, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 3, st->rev.id);
        rc = sqlite3_step(s);
        if (rc != SQLITE_DONE) {
            rc = kg_store__sqlerr(st, rc, "cannot store entity", err);
            goto done;
        }
        id = sqlite3_last_insert_rowid(st->db);
        rc = ent_remember(st, id, name, nlen, (int)kind, ix);
    }
    if (rc == KG_OK)
        rc = kg_smap__put(&st->entities, key, klen + 1 + nlen, *ix);
    if (rc == KG_ENOMEM)
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
done:
    if (key != stackkey)
        free(key);
    return rc;
}

/* Order of entities in a symmetric tie: by name bytes, then kind. */
static int ent_cmp(const kg_entmem *a, const kg_entmem *b)
{
    int c = strcmp(a->name, b->name);
    return c ? c : (a->kind > b->kind) - (a->kind < b->kind);
}

int kg_store__touch_tie(kg_store *st, int64_t s_id, kg_relation rel,
                        int64_t o_id, int how, int32_t *out,
                        kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int64_t id = 0;
    int32_t ix = kg_tmap__get(&st->tiekeys, s_id, (int)rel, o_id);
    int is_new = 0, rc;
    if (ix >= 0) {
        kg_tmem *tm = &st->ties[ix];
        if (how == KG_TIE_CREATE && tm->id == 0) {
            /* a deferred tie whose id is wanted now */
            tm->id = st->ptie[tm->pix].id = ++st->last_tie_id;
            st->tie_early = 1;
        }
        *out = ix;
        return KG_OK;
    }
    rc = 0;
    if (!st->no_ties) {
        rc = kg_store__prepare(st, ST_TIE_FIND, &s, err);
        if (rc != KG_OK)
            return rc;
        sqlite3_bind_int64(s, 1, s_id);
        sqlite3_bind_int(s, 2, KG_STORE_REL_CODE(rel));
        sqlite3_bind_int64(s, 3, o_id);
        rc = step_id(st, s, &id, err);
        if (rc < 0)
            return rc;
    }
    if (rc == 0) {
        if (how == KG_TIE_FIND) {
            *out = -1;
            return KG_OK;
        }
        /* written at commit, in key order (write.c) */
        id = 0;
        if (how == KG_TIE_CREATE) {
            id = ++st->last_tie_id;
            st->tie_early = 1;
        }
        if (kg_store__tie_queue(st, id, s_id, rel, o_id,
                                (int32_t)st->nties) != KG_OK)
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        is_new = 1;
    }
    if (st->nties == st->capties) {
        size_t cap = st->capties ? st->capties * 2 : 1024;
        kg_tmem *v = realloc(st->ties, cap * sizeof *v);
        if (!v)
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        st->ties = v;
        st->capties = cap;
    }
    ix = (int32_t)st->nties;
    st->ties[ix].id = id;
    st->ties[ix].is_new = is_new;
    st->ties[ix].pix = is_new ? (int32_t)st->nptie - 1 : -1;
    if (kg_tmap__put(&st->tiekeys, s_id, (int)rel, o_id, ix) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    st->nties++;
    *out = ix;
    return KG_OK;
}

int64_t kg_store_last_doc(const kg_store *st)
{
    return st->ndocv ? (int64_t)st->ndocv - 1 : -1;
}

static int check_triple(const kg_triple *t, kg_error *err)
{
    if (!t->subject || !t->object || t->relation < 0 ||
        t->relation >= KG_REL__COUNT || t->status < 0 ||
        t->status >= KG_STATUS__COUNT || t->subject_kind < 0 ||
        t->subject_kind >= KG_KIND__COUNT || t->object_kind < 0 ||
        t->object_kind >= KG_KIND__COUNT)
        return kg_error_set(err, KG_EINVAL, "incomplete triple");
    if (!*t->subject || !*t->object)
        return kg_error_set(err, KG_EINVAL, "empty %s name",
                            *t->subject ? "object" : "subject");
    return KG_OK;
}

static int add_triple_in(kg_store *st, int64_t dix, const kg_triple *t,
                         kg_error *err);

int kg_store_add_triple(kg_store *st, const kg_triple *t, kg_error *err)
{
    int64_t dix;
    int rc;
    if (!st->in_rev)
        return kg_error_set(err, KG_EINVAL, "no open revision");
    if ((rc = check_triple(t, err)) != KG_OK)
        return rc;
    rc = triple_doc(st, t->doc ? t->doc : "", &dix, err);
    if (rc != KG_OK)
        return rc;
    return add_triple_in(st, dix, t, err);
}

int kg_store_add_doc_triple(kg_store *st, int64_t doc, const kg_triple *t,
                            kg_error *err)
{
    int rc;
    if (!st->in_rev)
        return kg_error_set(err, KG_EINVAL, "no open revision");
    if (doc < 0 || (size_t)doc >= st->ndocv)
        return kg_error_set(err, KG_EINVAL, "no such document handle");
    if ((rc = check_triple(t, err)) != KG_OK)
        return rc;
    return add_triple_in(st, doc, t, err);
}

/* The row id of rule name (made when new); 0 for no rule. */
static int rule_id(kg_store *st, const char *name, int64_t *out,
                   kg_error *err)
{
    sqlite3_stmt *s;
    size_t len;
    int rc;
    *out = 0;
    if (!name)
        return KG_OK;
    len = strlen(name);
    if (len && len == st->last_rule_len &&
        memcmp(name, st->last_rule, len) == 0) {
        *out = st->last_rule_id;
        return KG_OK;
    }
    if (kg_smap__get(&st->rules, name, len, out)) {
        if (len < sizeof st->last_rule) {
            memcpy(st->last_rule, name, len);
            st->last_rule_len = len;
            st->last_rule_id = *out;
        }
        return KG_OK;
    }
    rc = kg_store__prepare(st, ST_RULE_FIND, &s, err);
    if (rc != KG_OK)
        return rc;
    sqlite3_bind_text(s, 1, name, (int)len, SQLITE_STATIC);
    rc = step_id(st, s, out, err);
    if (rc < 0)
        return rc;
    if (rc == 0) {
        rc = kg_store__prepare(st, ST_RULE_INSERT, &s, err);
        if (rc != KG_OK)
            return rc;
        sqlite3_bind_text(s, 1, name, (int)len, SQLITE_STATIC);
        rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            return kg_store__sqlerr(st, rc, "cannot store rule", err);
        *out = sqlite3_last_insert_rowid(st->db);
    }
    if (kg_smap__put(&st->rules, name, len, *out) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    return KG_OK;
}

/* Store t as an assertion of document st->docv[dix]. */
static int add_triple_in(kg_store *st, int64_t dix, const kg_triple *t,
                         kg_error *err)
{
    const kg_docmem *dm;
    const kg_entmem *se, *oe;
    kg_arow row;
    kg_amem *am;
    kg_date date;
    int64_t six, oix;
    int32_t tix, day;
    int prec, rc;

    dm = &st->docv[dix];
    if (dm->row < 0)
        return KG_OK; /* stored by an earlier revision */
    if ((rc = resolve_entity(st, t->subject, t->subject_kind, &six, err)) !=
            KG_OK ||
        (rc = resolve_entity(st, t->object, t->object_kind, &oix, err)) !=
            KG_OK)
        return rc;
    if (kg_relation_symmetric(t->relation) &&
        ent_cmp(&st->ents[six], &st->ents[oix]) > 0) {
        int64_t tmp = six;
        six = oix;
        oix = tmp;
    }
    se = &st->ents[six];
    oe = &st->ents[oix];
    rc = kg_store__touch_tie(st, se->id, t->relation, oe->id, KG_TIE_DEFER,
                             &tix, err);
    if (rc != KG_OK)
        return rc;

    date = t->date;
    if (kg_date_is_set(date)) {
        day = kg_date_first_day(date);
        prec = (int)kg_date_precision(date);
    } else {
        day = dm->day;
        prec = dm->prec;
    }

    row.id = ++st->last_assert_id;
    row.doc = dm->row;
    row.tix = tix;
    row.subject = se->id;
    row.object = oe->id;
    row.day = day;
    row.prec = (int8_t)prec;
    row.status = (int8_t)t->status;
    row.confidence = t->confidence;
    if ((rc = rule_id(st, t->rule, &row.rule, err)) != KG_OK)
        return rc;
    row.evidence = t->evidence;
    row.span_start = t->span_start;
    row.span_end = t->span_end;
    row.amount = t->amount;
    row.stake = t->stake;
    row.role = t->role;
    if ((rc = kg_store__assert_queue(st, &row, err)) != KG_OK)
        return rc;

    if (st->namem == st->capamem) {
        size_t cap = st->capamem ? st->capamem * 2 : 4096;
        kg_amem *v = realloc(st->amem, cap * sizeof *v);
        if (!v)
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        st->amem = v;
        st->capamem = cap;
    }
    am = &st->amem[st->namem];
    am->id = row.id;
    am->doc = dm->row;
    am->day = day;
    am->prec = (int8_t)prec;
    am->status = (int8_t)t->status;
    am->stake = t->stake;
    am->amount = t->amount ? kg_pool_strdup(&st->pool, t->amount) : NULL;
    am->role = t->role ? kg_pool_strdup(&st->pool, t->role) : NULL;
    /* grouped by tie only when derived (derive.c), off this thread */
    am->tix = tix;
    if ((t->amount && !am->amount) || (t->role && !am->role))
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    st->namem++;
    st->rev.assertions++;
    if (st->rev.assertions == st->bulk_at)
        return kg_store__bulk_drop(st, err);
    return KG_OK;
}

int kg_store_commit(kg_store *st, kg_revision *out, kg_error *err)
{
    sqlite3_stmt *s;
    int rc;
    if (!st->in_rev)
        return kg_error_set(err, KG_EINVAL, "no open revision");
    if (st->rev.documents == 0 && st->rev.assertions == 0 &&
        !st->rev_changed) {
        /* nothing new: no revision */
        if (out) {
            *out = st->rev;
            out->id = 0;
            out->time = out->message = out->extractor = "";
        }
        kg_store_rollback(st);
        return KG_OK;
    }
    /* the new ties' intervals are derived on another thread while the
       assertions are written (derive.c) */
    rc = kg_store__ties_flush(st, err);
    if (rc == KG_OK)
        rc = kg_store__derive_start(st, err);
    if (rc == KG_OK)
        rc = kg_store__assert_flush(st, err);
    if (rc == KG_OK)
        rc = kg_store__derive(st, err);
    if (rc == KG_OK)
        rc = kg_store__bulk_rebuild(st, err);
    if (rc != KG_OK)
        goto fail;
    rc = kg_store__prepare(st, ST_REV_UPDATE, &s, err);
    if (rc != KG_OK)
        goto fail;
    sqlite3_bind_int64(s, 1, st->rev.id);
    sqlite3_bind_int64(s, 2, st->rev.documents);
    sqlite3_bind_int64(s, 3, st->rev.skipped);
    sqlite3_bind_int64(s, 4, st->rev.assertions);
    sqlite3_bind_int64(s, 5, st->rev.ties_opened);
    sqlite3_bind_int64(s, 6, st->rev.ties_closed);
    if ((rc = sqlite3_step(s)) != SQLITE_DONE) {
        rc = kg_store__sqlerr(st, rc, "cannot finish revision", err);
        goto fail;
    }
    sqlite3_reset(s);
    rc = kg_store__exec(st, "COMMIT", err);
    if (rc != KG_OK)
        goto fail;
    if (out) {
        /* strings borrowed from a static buffer of the handle */
        *out = st->rev;
        snprintf(st->last_time, sizeof st->last_time, "%s", st->rev.time);
        out->time = st->last_time;
        out->message = "";
        out->extractor = "";
    }
    st->in_rev = 0;
    rev_reset(st);
    to_wal(st);
    return KG_OK;
fail:
    kg_store_rollback(st);
    return rc;
}

void kg_store_rollback(kg_store *st)
{
    int i;
    if (!st)
        return;
    for (i = 0; i < ST__COUNT; i++)
        if (st->st[i])
            sqlite3_reset(st->st[i]);
    if (st->db && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    rev_reset(st);
}

int kg_store_log(kg_store *st, kg_revision_cb cb, void *payload,
                 kg_error *err)
{
    sqlite3_stmt *s = NULL;
    kg_revision r;
    int rc;
    rc = sqlite3_prepare_v2(st->db,
                            "SELECT id, time, message, extractor, documents,"
                            " skipped, assertions, ties_opened, ties_closed"
                            " FROM revision ORDER BY id DESC",
                            -1, &s, NULL);
    if (rc != SQLITE_OK)
        return kg_store__sqlerr(st, rc, "cannot read revisions", err);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        r.id = sqlite3_column_int64(s, 0);
        r.time = (const char *)sqlite3_column_text(s, 1);
        r.message = (const char *)sqlite3_column_text(s, 2);
        r.extractor = (const char *)sqlite3_column_text(s, 3);
        r.documents = sqlite3_column_int64(s, 4);
        r.skipped = sqlite3_column_int64(s, 5);
        r.assertions = sqlite3_column_int64(s, 6);
        r.ties_opened = sqlite3_column_int64(s, 7);
        r.ties_closed = sqlite3_column_int64(s, 8);
        if (!r.time || !r.message || !r.extractor) {
            rc = SQLITE_NOMEM;
            break;
        }
        if ((rc = cb(&r, payload)) != 0) {
            sqlite3_finalize(s);
            return rc;
        }
    }
    if (rc != SQLITE_DONE) {
        rc = kg_store__sqlerr(st, rc, "cannot read revisions", err);
        sqlite3_finalize(s);
        return rc;
    }
    sqlite3_finalize(s);
    return KG_OK;
}
