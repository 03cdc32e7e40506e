/*
 * schema.c: the SQLite schema of a corpgraph store, how a file is
 * recognised as ours, and the migration path between schema versions.
 *
 * ======================================================================
 * THE SCHEMA (user_version 3, application_id 0x4B475442 "KGTB")
 * ======================================================================
 * Conventions
 *   - Days are INTEGER day numbers: days since 1970-01-01 (UTC), as
 *     kg_date_first_day() gives them.  A date keeps its precision in a
 *     separate column: 0 unknown, 1 year, 2 month, 3 day (kg_precision).
 *     "2019" is day 17897 (2019-01-01) with precision 1, never a day.
 *   - Valid time (when a tie held in the world) is a half-open interval
 *     [valid_from, valid_to) of day numbers.  valid_to = 2147483647 means
 *     "still holds" (open); valid_from = -2147483648 means "start unknown"
 *     (from_precision 0).
 *   - Record time is the revision id.  A row with rec_from/rec_to was the
 *     store's belief after revisions rec_from .. rec_to-1; rec_to =
 *     2147483647 means "current".  "As of revision R" reads rows with
 *     rec_from <= R AND rec_to > R.  Rows are never deleted and the only
 *     UPDATE ever made to them is setting rec_to (closing in record time).
 *   - Relations and statuses are stored as small integer codes (schema
 *     3), named by the tables relation_code and status_code, so that the
 *     rows and keys that a million triples repeat stay narrow; join them
 *     to read the file in the sqlite3 shell.  Relation codes 1..12 are
 *     the names of RELATIONS.md in byte order (1 'acquired', 2
 *     'competes-with', ... 12 'supplies': ORDER BY code is ORDER BY
 *     name); status codes are 1 'holds', 2 'ended', 3 'negated',
 *     4 'reported'.  The codes are part of the file format: a new name
 *     gets the next free code.  Kinds stay names ('org').
 *     Rule ids, the other text every assertion repeats, are interned in
 *     the table rule.
 *   - Foreign keys are declared for the reader but not enforced at run
 *     time (PRAGMA foreign_keys stays off for speed); the store keeps them
 *     and the tests run PRAGMA foreign_key_check.
 *
 * revision      one per ingest, load, alias or merge (record time).
 *   id          1, 2, 3 ...; monotone; this is record time
 *   time        ISO 8601 UTC when written ($CORPGRAPH_NOW in tests)
 *   message     the -m message ('' if none)
 *   extractor   the extractor version ("rules/<n>-<hash>") for ingest,
 *               'load', 'alias' or 'merge'
 *   documents, skipped, assertions, ties_opened, ties_closed
 *               counts written at commit (see derivation rule 9)
 *
 * relation_code code -> relation name, status_code code -> status name
 *               (see Conventions); filled when the schema is made.
 *
 * rule          one row per extractor rule id an assertion names
 *               ("deal.acquired"): id, name (unique).  Never deleted.
 *
 * entity        one row per canonical entity; never deleted or renamed.
 *   name, kind  the canonical name and kind; unique index entity_key
 *   revision    the revision that created it
 *
 * alias         ALIAS -> entity, in record time.
 *   alias       the other name ("AWS"); entity the entity it names;
 *   rec_from/rec_to.  At most one current row per alias text.
 *
 * entity_merge  FROM was merged into INTO by revision rec_from.
 *   from_entity, into_entity, rec_from, rec_to.  A merge also adds an
 *   alias (FROM's name -> INTO) and redirects FROM's ties (tie_redirect).
 *
 * document      an article (ingest) or a document id named by loaded
 *               triples (load).
 *   ext_id      the article id (header id, JSONL id, file name) = the
 *               "doc" field of its triples
 *   sha256      SHA-256 of the article text (32 bytes), UNIQUE; NULL for a
 *               document known only from load (no text)
 *   day, precision   publication date; source, title, url, path, bytes
 *   revision    the revision that added it
 *
 * tie           the key of an edge: (subject, relation code, object),
 *               unique index tie_key.
 *               Symmetric relations (merged-with, partners-with,
 *               competes-with) are stored once with subject <= object by
 *               (entity name, then kind) in byte order.  Never deleted.
 *   revision    the revision that created the key
 *
 * tie_redirect  after a merge, tie `tie` (which names the merged entity)
 *               feeds tie `into`: its assertions count for `into` from
 *               revision rec_from on.  rec_from, rec_to.
 *
 * assertion     append-only: one triple from one document.
 *   revision, document   where it came from
 *   tie         the tie it was about when stored (see tie_redirect)
 *   subject, object      the entities as named by this triple, after alias
 *               resolution and canonical ordering
 *   status      code of 'holds' | 'ended' | 'negated' | 'reported'
 *   day, precision       the stated date (or the article's date when the
 *               sentence gives none); day NULL and precision 0 if unknown
 *   confidence, rule     the extractor's confidence and rule (rule.id;
 *               NULL when none was given)
 *   evidence    the sentence; span_start/span_end its byte offsets in the
 *               article text (NULL when unknown)
 *   amount, stake, role  stated properties (NULL when not stated)
 *
 * tie_version   the derived, queryable graph: one row per valid-time
 *               interval of a tie, per record-time period.
 *   tie         the tie
 *   status      code of 'holds' (a current edge) or 'reported' (known
 *               only from talks, plans, rumours: drawn dashed, never
 *               current)
 *   valid_from, from_precision, valid_to, to_precision   see above
 *   amount, stake, role  the properties in force during the interval
 *   evidence    the latest supporting assertion (by date, then id)
 *   end_evidence the 'ended' assertion that closed it, or NULL
 *   assertions, documents   how many assertions / distinct documents
 *               support the interval
 *   rec_from, rec_to     record time
 *
 * ======================================================================
 * DERIVATION RULES (src/store/derive.c), applied per tie at commit
 * ======================================================================
 *  0. Writing.  A revision gives out the row ids of its assertions and
 *     new ties itself (the next ids SQLite would give) and keeps both in
 *     memory until commit; then the new ties, sorted in tie_key order,
 *     get their ids in that order (assertion ids follow arrival) and
 *     are written, then the assertions, many rows per statement, then
 *     its tie_version rows in tv_from order (write.c, derive.c; the
 *     intervals of the new ties are worked out on another thread while
 *     the assertions are written).  Row
 *     ids of tie and tie_version therefore follow no order that a reader
 *     may rely on beyond "within one tie".
 *     Indexes: tie_key and entity_key are unique indexes rather than
 *     table constraints (schema 2) so that a bulk revision can drop and
 *     rebuild them: when a revision has stored max(50000, half the
 *     assertions already stored) triples (at once if the store holds no
 *     assertion yet), the random-order indexes (tie_object; entity_key
 *     when that table was empty at begin; assertion_tie when no
 *     assertion was stored; tv_tie when no tie was) are dropped inside
 *     the transaction and built again, sorted, before commit; the page
 *     cache is KG_STORE_BULK_CACHE KiB until the revision ends, and
 *     KG_STORE_SORT_CACHE KiB while the indexes are built, so that
 *     SQLite's sorter sorts in runs of that size on its worker threads
 *     (the dirty pages stay in memory: cache_spill).  Readers keep
 *     seeing the indexes of the last commit (WAL); a crash rolls back.
 *     The valid-time indexes tv_from and tv_to are kept and written in
 *     place: the rows come in tv_from order, which is also tv_to order
 *     for the open intervals (most of them), so both grow at their ends
 *     (building them again costs more CPU in all, for 3 % less file).
 *  1. A revision collects the set of ties it touched (new assertions, or
 *     a merge that redirected ties).  For each, the intervals are
 *     recomputed from ALL assertions that feed it now (its own and those
 *     of ties redirected into it, transitively), so arrival order never
 *     matters: an older article ingested later gives the same valid-time
 *     history as if it had come first.
 *  2. Assertions are sorted by (day, undated first; precision, coarser
 *     first; status: holds, reported, negated, ended; amount, stake,
 *     role, unstated first; assertion id).  An undated assertion sorts
 *     before every dated one.  Only the id depends on arrival order, and
 *     it only decides which of two otherwise equal assertions is shown as
 *     the evidence.
 *  3. holds at d: with no open interval, opens a 'holds' interval at d
 *     (undated: start unknown).  With an open 'reported' interval, closes
 *     it at d and opens 'holds' at d (a later holds supersedes a report).
 *     With an open 'holds' interval it extends it; if it states a property
 *     (amount, stake, role) different from one the interval already has,
 *     the interval is closed at d (end_evidence NULL) and a new one with
 *     the new properties opens at d (the same tie, changed); on the
 *     interval's first day the newer statement just replaces it.  A
 *     property the interval did not have yet is filled in; unstated ones
 *     are inherited.  The latest statement of a property wins.
 *  4. reported at d: with no open interval, opens a 'reported' interval at
 *     d; it extends an open 'reported' interval; it never touches an open
 *     'holds' interval (reports do not weaken facts).
 *  5. ended at d: closes the open interval at d (valid_to = d, the first
 *     day of the stated date; to_precision = its precision).  If nothing
 *     was ever open, it records that the tie held until d: an interval
 *     [unknown, d) with from_precision 0.  An ended with nothing open
 *     after an earlier interval already closed changes nothing.
 *     An undated ended closes nothing.
 *  6. negated never opens, extends or closes anything; it stays as
 *     evidence in assertion.
 *  7. An interval that would be empty (closed on the day it opened) is
 *     kept as one day: valid_to = valid_from + 1.
 *  8. The new interval list is compared with the tie's current
 *     tie_version rows (rec_to open), in order.  Rows that are equal in
 *     every column but the record ones stay; every other current row gets
 *     rec_to = this revision, and the new rows are inserted with rec_from
 *     = this revision.  So "as of revision R" always answers as it did.
 *  9. ties_opened counts new intervals (not opened by a property change)
 *     with no current interval of the same tie, status and valid_from
 *     before; ties_closed counts new intervals closed by an 'ended'
 *     assertion whose counterpart (same status and valid_from) was not
 *     closed by one before.
 * 10. Documents: an article whose text hash is stored adds nothing
 *     (counted in 'skipped'); a changed text is a new document with the
 *     same ext_id.  In a load, the triples of a doc id that an earlier
 *     revision stored are skipped (re-loading a file adds nothing); lines
 *     with the same doc id in one load make one document; an empty doc id
 *     makes one anonymous document per revision.
 * 11. Entity names resolve, at the time of storing: a current alias of
 *     that exact text (any kind) -> its entity; else the entity with that
 *     name and kind, following entity_merge; else a new entity.
 */
#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

/*
 * The statements of schema version 1, run in one transaction.  A new store
 * is made by running them and then every migration step, so the path from
 * version 1 is exercised by every test.
 */
static const char *const schema_v1 =
    "CREATE TABLE revision("
    " id INTEGER PRIMARY KEY,"
    " time TEXT NOT NULL,"
    " message TEXT NOT NULL DEFAULT '',"
    " extractor TEXT NOT NULL,"
    " documents INTEGER NOT NULL DEFAULT 0,"
    " skipped INTEGER NOT NULL DEFAULT 0,"
    " assertions INTEGER NOT NULL DEFAULT 0,"
    " ties_opened INTEGER NOT NULL DEFAULT 0,"
    " ties_closed INTEGER NOT NULL DEFAULT 0) STRICT;"
    "CREATE TABLE entity("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " kind TEXT NOT NULL CHECK(kind IN ('org','person','product')),"
    " revision INTEGER NOT NULL REFERENCES revision(id),"
    " UNIQUE(name, kind)) STRICT;"
    "CREATE TABLE alias("
    " id INTEGER PRIMARY KEY,"
    " alias TEXT NOT NULL,"
    " entity INTEGER NOT NULL REFERENCES entity(id),"
    " rec_from INTEGER NOT NULL REFERENCES revision(id),"
    " rec_to INTEGER NOT NULL DEFAULT 2147483647) STRICT;"
    "CREATE INDEX alias_name ON alias(alias, rec_to);"
    "CREATE INDEX alias_entity ON alias(entity);"
    "CREATE TABLE entity_merge("
    " id INTEGER PRIMARY KEY,"
    " from_entity INTEGER NOT NULL REFERENCES entity(id),"
    " into_entity INTEGER NOT NULL REFERENCES entity(id),"
    " rec_from INTEGER NOT NULL REFERENCES revision(id),"
    " rec_to INTEGER NOT NULL DEFAULT 2147483647) STRICT;"
    "CREATE INDEX entity_merge_from ON entity_merge(from_entity, rec_to);"
    "CREATE TABLE document("
    " id INTEGER PRIMARY KEY,"
    " ext_id TEXT NOT NULL,"
    " sha256 BLOB UNIQUE,"
    " day INTEGER,"
    " precision INTEGER NOT NULL DEFAULT 0,"
    " source TEXT, title TEXT, url TEXT, path TEXT,"
    " bytes INTEGER,"
    " revision INTEGER NOT NULL REFERENCES revision(id)) STRICT;"
    "CREATE INDEX document_ext ON document(ext_id);"
    "CREATE TABLE tie("
    " id INTEGER PRIMARY KEY,"
    " subject INTEGER NOT NULL REFERENCES entity(id),"
    " relation TEXT NOT NULL,"
    " object INTEGER NOT NULL REFERENCES entity(id),"
    " revision INTEGER NOT NULL REFERENCES revision(id),"
    " UNIQUE(subject, relation, object)) STRICT;"
    "CREATE INDEX tie_object ON tie(object, relation, subject);"
    "CREATE TABLE tie_redirect("
    " id INTEGER PRIMARY KEY,"
    " tie INTEGER NOT NULL REFERENCES tie(id),"
    " into_tie INTEGER NOT NULL REFERENCES tie(id),"
    " rec_from INTEGER NOT NULL REFERENCES revision(id),"
    " rec_to INTEGER NOT NULL DEFAULT 2147483647) STRICT;"
    "CREATE INDEX tie_redirect_into ON tie_redirect(into_tie, rec_to);"
    "CREATE INDEX tie_redirect_tie ON tie_redirect(tie, rec_to);"
    "CREATE TABLE assertion("
    " id INTEGER PRIMARY KEY,"
    " revision INTEGER NOT NULL REFERENCES revision(id),"
    " document INTEGER NOT NULL REFERENCES document(id),"
    " tie INTEGER NOT NULL REFERENCES tie(id),"
    " subject INTEGER NOT NULL REFERENCES entity(id),"
    " object INTEGER NOT NULL REFERENCES entity(id),"
    " status TEXT NOT NULL"
    "  CHECK(status IN ('holds','ended','negated','reported')),"
    " day INTEGER,"
    " precision INTEGER NOT NULL DEFAULT 0,"
    " confidence REAL,"
    " rule TEXT,"
    " evidence TEXT,"
    " span_start INTEGER, span_end INTEGER,"
    " amount TEXT, stake REAL, role TEXT) STRICT;"
    "CREATE INDEX assertion_tie ON assertion(tie, day);"
    "CREATE INDEX assertion_document ON assertion(document);"
    "CREATE TABLE tie_version("
    " id INTEGER PRIMARY KEY,"
    " tie INTEGER NOT NULL REFERENCES tie(id),"
    " status TEXT NOT NULL CHECK(status IN ('holds','reported')),"
    " valid_from INTEGER NOT NULL,"
    " from_precision INTEGER NOT NULL,"
    " valid_to INTEGER NOT NULL DEFAULT 2147483647,"
    " to_precision INTEGER NOT NULL DEFAULT 0,"
    " amount TEXT, stake REAL, role TEXT,"
    " evidence INTEGER NOT NULL REFERENCES assertion(id),"
    " end_evidence INTEGER REFERENCES assertion(id),"
    " assertions INTEGER NOT NULL,"
    " documents INTEGER NOT NULL,"
    " rec_from INTEGER NOT NULL REFERENCES revision(id),"
    " rec_to INTEGER NOT NULL DEFAULT 2147483647,"
    " CHECK(valid_from < valid_to)) STRICT;"
    "CREATE INDEX tv_tie ON tie_version(tie, rec_from);"
    /* tv_from also covers status and precisions, so that the graph at a
       date is read from the index alone, and tv_to the end's precision,
       so that a diff reaches back for coarse ends only (view.c) */
    "CREATE INDEX tv_from ON tie_version(valid_from, valid_to, tie, status,"
    " from_precision, to_precision)"
    " WHERE rec_to = 2147483647;"
    "CREATE INDEX tv_to ON tie_version(valid_to, valid_from, tie,"
    " to_precision) WHERE rec_to = 2147483647;"
    "CREATE INDEX tv_rec ON tie_version(rec_from);"
    "CREATE INDEX tv_recto ON tie_version(rec_to)"
    " WHERE rec_to <> 2147483647;";

/*
 * Version 1 -> 2: the UNIQUE constraints of entity and tie become unique
 * indexes (entity_key, tie_key) that a bulk revision can drop and rebuild
 * (rule 0).  SQLite cannot drop a constraint, so both tables are copied
 * (lang_altertable.html, section 7; foreign keys are off).
 */
static const char *const migrate_v2 =
    "CREATE TABLE entity_v2("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " kind TEXT NOT NULL CHECK(kind IN ('org','person','product')),"
    " revision INTEGER NOT NULL REFERENCES revision(id)) STRICT;"
    "INSERT INTO entity_v2(id, name, kind, revision)"
    " SELECT id, name, kind, revision FROM entity;"
    "DROP TABLE entity;"
    "ALTER TABLE entity_v2 RENAME TO entity;"
    "CREATE UNIQUE INDEX entity_key ON entity(name, kind);"
    "CREATE TABLE tie_v2("
    " id INTEGER PRIMARY KEY,"
    " subject INTEGER NOT NULL REFERENCES entity(id),"
    " relation TEXT NOT NULL,"
    " object INTEGER NOT NULL REFERENCES entity(id),"
    " revision INTEGER NOT NULL REFERENCES revision(id)) STRICT;"
    "INSERT INTO tie_v2(id, subject, relation, object, revision)"
    " SELECT id, subject, relation, object, revision FROM tie;"
    "DROP TABLE tie;"
    "ALTER TABLE tie_v2 RENAME TO tie;"
    "CREATE UNIQUE INDEX tie_key ON tie(subject, relation, object);"
    "CREATE INDEX tie_object ON tie(object, relation, subject);";

/*
 * Version 2 -> 3 (narrower rows, see Conventions): relation and status
 * texts become codes, rule ids are interned in rule, and the index
 * assertion_document goes (no query looks assertions up by document).
 * The code tables are filled first (migrate_codes); tie, assertion and
 * tie_version are copied with their row ids, as for version 2.
 */
static const char *const migrate_v3_tables =
    "CREATE TABLE relation_code("
    " code INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE) STRICT;"
    "CREATE TABLE status_code("
    " code INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE) STRICT;"
    "CREATE TABLE rule("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE) STRICT;";

static const char *const migrate_v3 =
    "INSERT INTO rule(name) SELECT DISTINCT rule FROM assertion"
    " WHERE rule IS NOT NULL ORDER BY rule;"
    "CREATE TABLE tie_v3("
    " id INTEGER PRIMARY KEY,"
    " subject INTEGER NOT NULL REFERENCES entity(id),"
    " relation INTEGER NOT NULL REFERENCES relation_code(code),"
    " object INTEGER NOT NULL REFERENCES entity(id),"
    " revision INTEGER NOT NULL REFERENCES revision(id)) STRICT;"
    "INSERT INTO tie_v3(id, subject, relation, object, revision)"
    " SELECT t.id, t.subject, c.code, t.object, t.revision"
    " FROM tie t JOIN relation_code c ON c.name = t.relation ORDER BY t.id;"
    "DROP TABLE tie;"
    "ALTER TABLE tie_v3 RENAME TO tie;"
    "CREATE UNIQUE INDEX tie_key ON tie(subject, relation, object);"
    "CREATE INDEX tie_object ON tie(object, relation, subject);"
    "CREATE TABLE assertion_v3("
    " id INTEGER PRIMARY KEY,"
    " revision INTEGER NOT NULL REFERENCES revision(id),"
    " document INTEGER NOT NULL REFERENCES document(id),"
    " tie INTEGER NOT NULL REFERENCES tie(id),"
    " subject INTEGER NOT NULL REFERENCES entity(id),"
    " object INTEGER NOT NULL REFERENCES entity(id),"
    " status INTEGER NOT NULL REFERENCES status_code(code)"
    "  CHECK(status BETWEEN 1 AND 4),"
    " day INTEGER,"
    " precision INTEGER NOT NULL DEFAULT 0,"
    " confidence REAL,"
    " rule INTEGER REFERENCES rule(id),"
    " evidence TEXT,"
    " span_start INTEGER, span_end INTEGER,"
    " amount TEXT, stake REAL, role TEXT) STRICT;"
    "INSERT INTO assertion_v3(id, revision, document, tie, subject, object,"
    " status, day, precision, confidence, rule, evidence, span_start,"
    " span_end, amount, stake, role)"
    " SELECT a.id, a.revision, a.document, a.tie, a.subject, a.object,"
    " c.code, a.day, a.precision, a.confidence, r.id, a.evidence,"
    " a.span_start, a.span_end, a.amount, a.stake, a.role"
    " FROM assertion a JOIN status_code c ON c.name = a.status"
    " LEFT JOIN rule r ON r.name = a.rule ORDER BY a.id;"
    "DROP TABLE assertion;"
    "ALTER TABLE assertion_v3 RENAME TO assertion;"
    "CREATE INDEX assertion_tie ON assertion(tie, day);"
    "CREATE TABLE tie_version_v3("
    " id INTEGER PRIMARY KEY,"
    " tie INTEGER NOT NULL REFERENCES tie(id),"
    " status INTEGER NOT NULL REFERENCES status_code(code)"
    "  CHECK(status = 1 OR status = 4),"
    " valid_from INTEGER NOT NULL,"
    " from_precision INTEGER NOT NULL,"
    " valid_to INTEGER NOT NULL DEFAULT 2147483647,"
    " to_precision INTEGER NOT NULL DEFAULT 0,"
    " amount TEXT, stake REAL, role TEXT,"
    " evidence INTEGER NOT NULL REFERENCES assertion(id),"
    " end_evidence INTEGER REFERENCES assertion(id),"
    " assertions INTEGER NOT NULL,"
    " documents INTEGER NOT NULL,"
    " rec_from INTEGER NOT NULL REFERENCES revision(id),"
    " rec_to INTEGER NOT NULL DEFAULT 2147483647,"
    " CHECK(valid_from < valid_to)) STRICT;"
    "INSERT INTO tie_version_v3(id, tie, status, valid_from, from_precision,"
    " valid_to, to_precision, amount, stake, role, evidence, end_evidence,"
    " assertions, documents, rec_from, rec_to)"
    " SELECT v.id, v.tie, c.code, v.valid_from, v.from_precision,"
    " v.valid_to, v.to_precision, v.amount, v.stake, v.role, v.evidence,"
    " v.end_evidence, v.assertions, v.documents, v.rec_from, v.rec_to"
    " FROM tie_version v JOIN status_code c ON c.name = v.status"
    " ORDER BY v.id;"
    "DROP TABLE tie_version;"
    "ALTER TABLE tie_version_v3 RENAME TO tie_version;"
    "CREATE INDEX tv_tie ON tie_version(tie, rec_from);"
    /* tv_from also covers status and precisions, so that the graph at a
       date is read from the index alone, and tv_to the end's precision,
       so that a diff reaches back for coarse ends only (view.c) */
    "CREATE INDEX tv_from ON tie_version(valid_from, valid_to, tie, status,"
    " from_precision, to_precision)"
    " WHERE rec_to = 2147483647;"
    "CREATE INDEX tv_to ON tie_version(valid_to, valid_from, tie,"
    " to_precision) WHERE rec_to = 2147483647;"
    "CREATE INDEX tv_rec ON tie_version(rec_from);"
    "CREATE INDEX tv_recto ON tie_version(rec_to)"
    " WHERE rec_to <> 2147483647;";

/* Fill relation_code and status_code from the vocabulary (vocab.c). */
static int migrate_codes(kg_store *st, kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int i, src, rc = KG_OK;
    for (i = 0; i < KG_REL__COUNT + KG_STATUS__COUNT && rc == KG_OK; i++) {
        int rel = i < KG_REL__COUNT;
        int c = rel ? i : i - KG_REL__COUNT;
        const char *sql = rel ? "INSERT INTO relation_code(code, name) "
                                "VALUES(?1, ?2)"
                              : "INSERT INTO status_code(code, name) "
                                "VALUES(?1, ?2)";
        if ((src = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL)) !=
            SQLITE_OK) {
            rc = kg_store__sqlerr(st, src, "cannot migrate", err);
            break;
        }
        sqlite3_bind_int(s, 1, rel ? KG_STORE_REL_CODE(c)
                                   : KG_STORE_STATUS_CODE(c));
        sqlite3_bind_text(s, 2, rel ? kg_relation_name((kg_relation)c)
                                    : kg_status_name((kg_status)c),
                          -1, SQLITE_STATIC);
        if ((src = sqlite3_step(s)) != SQLITE_DONE)
            rc = kg_store__sqlerr(st, src, "cannot migrate", err);
        sqlite3_finalize(s);
        s = NULL;
    }
    return rc;
}

int kg_store__rel_col(sqlite3_stmt *s, int col, kg_relation *out)
{
    int c = sqlite3_column_int(s, col);
    if (sqlite3_column_type(s, col) != SQLITE_INTEGER || c < 1 ||
        c > KG_REL__COUNT)
        return KG_EINVAL;
    *out = (kg_relation)(c - 1);
    return KG_OK;
}

int kg_store__status_col(sqlite3_stmt *s, int col, kg_status *out)
{
    int c = sqlite3_column_int(s, col);
    if (sqlite3_column_type(s, col) != SQLITE_INTEGER || c < 1 ||
        c > KG_STATUS__COUNT)
        return KG_EINVAL;
    *out = (kg_status)(c - 1);
    return KG_OK;
}

/*
 * The indexes a bulk revision may drop and rebuild (rule 0), and when:
 * 0 always, 1 when the entity table was empty at begin, 2 when the
 * assertion table was, 3 when the tie table was.  tie_key stays: new
 * ties are written in its order at commit (write.c), which costs less
 * than building it again; so do tv_from and tv_to (rule 0).
 */
static const struct {
    const char *name, *sql;
    int when;
} bulk_index[] = {
    {"tie_object", "CREATE INDEX tie_object ON tie(object, relation, "
                   "subject)", 0},
    {"entity_key", "CREATE UNIQUE INDEX entity_key ON entity(name, kind)", 1},
    /* derive.c reads assertions by tie only for ties stored before */
    {"assertion_tie", "CREATE INDEX assertion_tie ON assertion(tie, day)", 2},
    /* and tie_version by tie only for ties stored before */
    {"tv_tie", "CREATE INDEX tv_tie ON tie_version(tie, rec_from)", 3},
};

int kg_store__bulk_drop(kg_store *st, kg_error *err)
{
    char sql[64];
    size_t i;
    int rc;
    /* the whole revision stays in memory: no spill to the WAL and no
       reading it back when the indexes are built (rev_reset restores) */
    if ((rc = kg_store__exec(st, "PRAGMA cache_size = " KG_STORE_BULK_CACHE,
                             err)) != KG_OK)
        return rc;
    st->big_cache = 1;
    for (i = 0; i < sizeof bulk_index / sizeof bulk_index[0]; i++) {
        if ((bulk_index[i].when == 1 && !st->no_entities) ||
            (bulk_index[i].when == 2 && !st->no_assertions) ||
            (bulk_index[i].when == 3 && !st->no_ties))
            continue;
        snprintf(sql, sizeof sql, "DROP INDEX %s", bulk_index[i].name);
        if ((rc = kg_store__exec(st, sql, err)) != KG_OK)
            return rc;
        st->dropped |= 1u << i;
    }
    return KG_OK;
}

int kg_store__bulk_rebuild(kg_store *st, kg_error *err)
{
    size_t i;
    int rc;
    if (!st->dropped)
        return KG_OK;
    /*
     * SQLite's sorter sorts runs of at most the page cache's size and
     * hands each to a worker thread (PRAGMA threads) when temporary
     * files are allowed (temp_store FILE, store.c): with the small cache
     * of KG_STORE_SORT_CACHE the sorts of the index builds run beside
     * this thread, in runs that fit the CPU's caches.  The revision's
     * dirty pages stay in memory all the same (cache_spill).
     */
    if ((rc = kg_store__exec(st, "PRAGMA cache_spill = 2147483647;"
                                 "PRAGMA cache_size = " KG_STORE_SORT_CACHE,
                             err)) != KG_OK)
        return rc;
    for (i = 0; i < sizeof bulk_index / sizeof bulk_index[0]; i++) {
        if (!(st->dropped & (1u << i)))
            continue;
        if ((rc = kg_store__exec(st, bulk_index[i].sql, err)) != KG_OK)
            return rc;
        st->dropped &= ~(1u << i);
    }
    return kg_store__exec(st, "PRAGMA cache_size = " KG_STORE_BULK_CACHE,
                          err);
}

int kg_store__schema_create(kg_store *st, kg_error *err)
{
    char sql[128];
    int rc = kg_store__exec(st, schema_v1, err);
    if (rc != KG_OK)
        return rc;
    snprintf(sql, sizeof sql,
             "PRAGMA application_id = %d; PRAGMA user_version = 1;",
             KG_STORE_APP_ID);
    if ((rc = kg_store__exec(st, sql, err)) != KG_OK)
        return rc;
    return kg_store__schema_migrate(st, 1, err);
}

/* Read one integer PRAGMA. */
static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(stmt, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(stmt);
    return rc;
}

/*
 * Check that db is a corpgraph store this binary can use.  *version is the
 * schema version, 0 for an empty file (no tables: a new store).
 */
int kg_store__schema_check(sqlite3 *db, const char *path, int *version,
                           kg_error *err)
{
    int app = 0, ver = 0, ntables = 0, rc;
    rc = pragma_int(db, "PRAGMA application_id", &app);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "PRAGMA user_version", &ver);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "SELECT count(*) FROM sqlite_schema", &ntables);
    if (rc != SQLITE_OK)
        return kg_error_set(err, KG_ESTORE,
                            "cannot open store '%s': %s", path,
                            rc == SQLITE_NOTADB
                                ? "not a corpgraph store (not an SQLite "
                                  "database)"
                                : sqlite3_errmsg(db));
    if (app == 0 && ver == 0 && ntables == 0) {
        *version = 0;
        return KG_OK;
    }
    if (app != KG_STORE_APP_ID)
        return kg_error_set(err, KG_ESTORE,
                            "cannot open store '%s': not a corpgraph store "
                            "(an SQLite file with application_id %d); left "
                            "untouched", path, app);
    if (ver > KG_STORE_SCHEMA)
        return kg_error_set(err, KG_ESTORE,
                            "cannot open store '%s': schema version %d is "
                            "newer than this corpgraph knows (%d); upgrade "
                            "corpgraph", path, ver, KG_STORE_SCHEMA);
    if (ver < 1)
        return kg_error_set(err, KG_ESTORE,
                            "cannot open store '%s': bad schema version %d",
                            path, ver);
    *version = ver;
    return KG_OK;
}

/*
 * Bring a store from schema version `from` to KG_STORE_SCHEMA inside the
 * caller's write transaction.  Each step N -> N+1 is a block below; DDL is
 * transactional, so a crash leaves the old version intact.
 */
int kg_store__schema_migrate(kg_store *st, int from, kg_error *err)
{
    char sql[64];
    int rc = KG_OK;
    if (from == KG_STORE_SCHEMA)
        return KG_OK;
    if (from < 2)
        rc = kg_store__exec(st, migrate_v2, err);
    if (rc == KG_OK && from < 3 &&
        (rc = kg_store__exec(st, migrate_v3_tables, err)) == KG_OK &&
        (rc = migrate_codes(st, err)) == KG_OK)
        rc = kg_store__exec(st, migrate_v3, err);
    /* later steps go here: if (rc == KG_OK && from < 4) ... */
    if (rc != KG_OK)
        return rc;
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", KG_STORE_SCHEMA);
    return kg_store__exec(st, sql, err);
}
