/*
 * store.h: the versioned graph in one SQLite file (the write side).
 *
 * Two clocks: valid time (when a tie held, from the articles) and record
 * time (each ingest or load is one revision).  Assertions are append-only
 * and linked to their document, revision, sentence and rule; ties and their
 * intervals are derived from them.  src/store/ is the only place that
 * includes sqlite3.h.  Reading the graph (snapshots, diffs, history) is in
 * view.h.
 */
#ifndef KG_STORE_H
#define KG_STORE_H

#include <stdint.h>

#include "kg/doc.h"
#include "kg/error.h"
#include "kg/triple.h"

typedef struct kg_store kg_store;

enum kg_store_flags {
    KG_STORE_READONLY = 1 << 0, /* open for reading only */
    KG_STORE_CREATE = 1 << 1    /* create the file when missing */
};

/*
 * Open (or with KG_STORE_CREATE create) the store at path.  A file that is
 * not a corpgraph store, or has a newer schema, is refused with KG_ESTORE
 * and left untouched; an older schema is migrated.
 * Caller closes with kg_store_close.
 */
int kg_store_open(kg_store **out, const char *path, unsigned flags,
                  kg_error *err);
void kg_store_close(kg_store *st); /* NULL is allowed */

/* The path the store was opened with; borrowed from st. */
const char *kg_store_path(const kg_store *st);

/* The schema version of the file (KG_STORE_SCHEMA_VERSION once open). */
int kg_store_schema_version(const kg_store *st);
#define KG_STORE_SCHEMA_VERSION 3

/*
 * Fix the clock used to stamp revisions ("2026-01-01T00:00:00Z"), for
 * reproducible tests; NULL goes back to the real clock.
 */
int kg_store_set_clock(kg_store *st, const char *iso_time, kg_error *err);

/* How long a writer waits for another writer before KG_EBUSY (ms). */
void kg_store_set_busy_timeout(kg_store *st, int ms);

/* One revision (record time), as written and as listed by kg_store_log. */
typedef struct kg_revision {
    int64_t id;
    const char *time;      /* ISO 8601 UTC */
    const char *message;
    const char *extractor; /* extractor version, or "load" */
    int64_t documents;     /* documents added */
    int64_t skipped;       /* documents already stored, not added again */
    int64_t assertions;    /* assertions added */
    int64_t ties_opened;   /* tie intervals opened */
    int64_t ties_closed;   /* tie intervals closed */
} kg_revision;

/*
 * Start a revision: one write transaction that lasts until kg_store_commit
 * or kg_store_rollback.  KG_EBUSY if another writer holds the store past
 * the busy timeout.
 */
int kg_store_begin(kg_store *st, const char *message, const char *extractor,
                   kg_error *err);

/*
 * Add an article to the open revision.  *is_new is 0 when a document with
 * the same content is already stored: the caller then skips its triples.
 */
int kg_store_add_doc(kg_store *st, const kg_doc *doc, int *is_new,
                     kg_error *err);

/*
 * The document added by the last kg_store_add_doc of this revision, as a
 * handle for kg_store_add_doc_triple (valid until commit or rollback).
 * Use it when documents with the same id may be added before their
 * triples (a pipeline): t->doc then cannot tell them apart.
 */
int64_t kg_store_last_doc(const kg_store *st);

/* As kg_store_add_triple, for the document doc (kg_store_last_doc). */
int kg_store_add_doc_triple(kg_store *st, int64_t doc, const kg_triple *t,
                            kg_error *err);

/*
 * Add one assertion.  t->doc names a document added in this revision; for
 * a load (triples made elsewhere) an unknown doc id creates a document
 * record without text, and a doc id stored by an earlier revision makes
 * the triple a no-op (counted once in skipped).  An empty subject or
 * object name is KG_EINVAL.  The triple is copied; t is not kept.
 */
int kg_store_add_triple(kg_store *st, const kg_triple *t, kg_error *err);

/*
 * Derive the ties touched by this revision and commit; out may be NULL.
 * A revision that added no document and no assertion (everything was
 * already stored) is rolled back instead and out->id is 0; the counts
 * (skipped) are still filled in.  out->time stays valid until the next
 * commit; out->message and out->extractor are "".
 */
int kg_store_commit(kg_store *st, kg_revision *out, kg_error *err);

/* Abandon the open revision: the store is as it was before begin. */
void kg_store_rollback(kg_store *st);

typedef int (*kg_revision_cb)(const kg_revision *rev, void *payload);

/* List revisions, newest first; strings are borrowed for the call. */
int kg_store_log(kg_store *st, kg_revision_cb cb, void *payload,
                 kg_error *err);

/*
 * Append every tie interval the store held after revision as_of (0 =
 * now) to out, one line each, sorted: subject, relation, object, status,
 * valid from, valid to (dates in their precision, "?" for an unknown
 * start, "" for open), then amount=, stake=, role=, assertions=,
 * documents=, tab-separated.  Row ids are left out, so two stores built
 * from the same triples in any order give the same bytes.  For tests,
 * `corpgraph log --dump-ties` and debugging.
 */
int kg_store_dump_ties(kg_store *st, int64_t as_of, kg_buf *out,
                       kg_error *err);

/* An entity as listed by kg_store_entities; strings borrowed for the call. */
typedef struct kg_entity_info {
    int64_t id;
    const char *name;         /* canonical name */
    kg_kind kind;
    int64_t revision;         /* the revision that created it */
    int64_t ties;             /* ties with an interval known at the revision */
    int64_t assertions;       /* assertions naming it or an entity merged
                                 into it */
    const char *const *aliases; /* its aliases, sorted */
    size_t naliases;
} kg_entity_info;

typedef int (*kg_entity_cb)(const kg_entity_info *e, void *payload);

/*
 * List the entities known after revision as_of (0 = latest), without the
 * ones merged into another, sorted by name then kind.  kind is a kg_kind
 * or -1 for all; pattern (may be NULL) keeps names or aliases that contain
 * it, ASCII case-insensitively.  A non-zero return of cb stops the listing
 * and is returned.
 */
int kg_store_entities(kg_store *st, int kind, const char *pattern,
                      int64_t as_of, kg_entity_cb cb, void *payload,
                      kg_error *err);

/*
 * In the open revision: make alias a name of the entity called name (its
 * canonical name or a current alias; kind -1 = any kind, KG_EINVAL when
 * ambiguous).  An entity that is itself called alias (same kind) is
 * merged into it, as by kg_store_merge.  KG_ENOTFOUND if name is unknown,
 * KG_EEXISTS if alias already names that entity.
 */
int kg_store_alias_add(kg_store *st, const char *alias, const char *name,
                       int kind, kg_error *err);

/*
 * In the open revision: merge entity from into entity into (names resolved
 * as for kg_store_alias_add).  from's name and aliases become aliases of
 * into, its ties are redirected to the matching ties of into and those are
 * derived again at commit.  Earlier revisions still show both entities.
 */
int kg_store_merge(kg_store *st, const char *from, const char *into,
                   int kind, kg_error *err);

#endif
