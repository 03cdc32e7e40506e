/*
 * view.h: reading the versioned graph: a snapshot at a valid date as known
 * after a revision, all tie intervals, diffs between dates or revisions,
 * and the history of an entity or a pair.  Results are plain in-memory
 * sets (kg_tieset, kg_changeset, kg_assertionset) that the graph analysis
 * (graph.h) and the renderer (render.h) take as input, so those never
 * touch SQLite.  The readers are implemented in src/store/view.c; the sets
 * in src/tieset.c.
 *
 * Output order is deterministic: by subject, relation, object, then date.
 *
 * Dates and precision: a tie known "since 2019" has valid_from {2019,0,0}.
 * Asked at a day inside 2019 it may or may not hold yet: such a tie is
 * returned with uncertain = 1, never silently counted or dropped.  A query
 * date of coarse precision ("--at 2019") stands for the last day it covers
 * (the state at the end of 2019).
 */
#ifndef KG_VIEW_H
#define KG_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "kg/date.h"
#include "kg/error.h"
#include "kg/store.h"
#include "kg/triple.h"
#include "kg/util.h"
#include "kg/vocab.h"

/* One tie (or one interval of a tie) with its latest evidence. */
typedef struct kg_tie {
    int64_t id;             /* tie id in the store, 0 if none */
    const char *subject;
    kg_kind subject_kind;
    kg_relation relation;
    const char *object;
    kg_kind object_kind;
    kg_status status;       /* holds, or reported for a dashed tie */
    kg_date valid_from;     /* unknown if never dated */
    kg_date valid_to;       /* unknown = still holds */
    int uncertain;          /* the query date falls inside a bound's
                               precision ("since 2019" asked at 2019-06) */
    int ndocs;              /* supporting documents */
    const char *amount;     /* latest stated properties, or NULL */
    double stake;           /* -1 if none */
    const char *role;
    const char *evidence;   /* latest supporting sentence */
    const char *doc;        /* its document id */
    const char *source;     /* its outlet, or NULL */
    kg_date evidence_date;  /* its date */
} kg_tie;

/* A set of ties; strings live in pool. {0} is a valid empty set. */
typedef struct kg_tieset {
    kg_tie *v;
    size_t n, cap;
    kg_pool pool;
} kg_tieset;

/* Free the ties and their strings; set is then empty.  NULL is allowed. */
void kg_tieset_release(kg_tieset *set);

/*
 * Append a copy of t (its strings copied into set->pool).
 * @return KG_OK or KG_ENOMEM.
 */
int kg_tieset_add(kg_tieset *set, const kg_tie *t);

/* Sort by subject, relation, object, valid_from (the output order). */
void kg_tieset_sort(kg_tieset *set);

typedef enum kg_change_kind {
    KG_CHANGE_APPEARED = 0,
    KG_CHANGE_ENDED,
    KG_CHANGE_CHANGED,     /* status or properties changed */
    KG_CHANGE_INTERRUPTED, /* ended and resumed inside the window */
    KG_CHANGE_TRANSIENT,   /* began and ended inside the window */
    KG_CHANGE_UNCHANGED,   /* held at both dates; only with --all */
    KG_CHANGE__COUNT
} kg_change_kind;

const char *kg_change_name(kg_change_kind c); /* "appeared"; "?" if bad */

typedef struct kg_change {
    kg_change_kind change;
    kg_tie tie;          /* the tie as it is at the later date/revision,
                            with the evidence that made the change */
    const char *before;  /* for changed: "status=reported amount=..." */
    const char *after;
} kg_change;

typedef struct kg_changeset {
    kg_change *v;
    size_t n, cap;
    kg_pool pool;
    kg_date from, to;    /* the window */
} kg_changeset;

/* Free the changes and their strings.  NULL is allowed. */
void kg_changeset_release(kg_changeset *set);

/* Append a copy of c (strings copied).  KG_OK or KG_ENOMEM. */
int kg_changeset_add(kg_changeset *set, const kg_change *c);

/* What to read: the two clocks and the filters shared by read commands. */
typedef struct kg_view_opts {
    kg_date at;            /* valid time; unknown = every date (intervals) */
    int64_t as_of;         /* record time: revision id, 0 = latest */
    int relation;          /* kg_relation or -1 for all */
    int kind;              /* kg_kind or -1 for all: a tie matches when
                              either end has this kind */
    int with_reported;     /* include reported ties (dashed) */
    int with_evidence;     /* fill evidence/doc/source/ndocs/properties */
} kg_view_opts;

#define KG_VIEW_OPTS_INIT {{0, 0, 0}, 0, -1, -1, 1, 1}

/* One stored assertion (history): the triple plus where it came from. */
typedef struct kg_assertion {
    kg_triple t;         /* doc, names, relation, status, date, evidence */
    int64_t revision;    /* the revision that stored it */
    const char *source;  /* outlet of the document, or NULL */
    kg_date doc_date;    /* publication date of the document */
} kg_assertion;

typedef struct kg_assertionset {
    kg_assertion *v;
    size_t n, cap;
    kg_pool pool;
} kg_assertionset;

/* Free the assertions and their strings.  NULL is allowed. */
void kg_assertionset_release(kg_assertionset *set);

/* Append a copy of a (strings copied).  KG_OK or KG_ENOMEM. */
int kg_assertionset_add(kg_assertionset *set, const kg_assertion *a);

/*
 * Find the canonical name of an entity by its name or an alias (exact,
 * then case-insensitive).  On failure KG_ENOTFOUND with the message
 * "no entity 'Microsfot'; did you mean 'Microsoft'?" (closest names by
 * edit distance, aliases included).
 * @param out   the canonical name, copied into pool
 * @return KG_OK, KG_ENOTFOUND or KG_ESTORE.
 */
int kg_store_resolve(const char **out, kg_pool *pool, kg_store *st,
                     const char *name, kg_error *err);

/*
 * The closest known names to name (canonical names and aliases, edit
 * distance at most a third of the length), best first, at most max.
 * @param out   receives up to max names, copied into pool
 * @param n     the number written
 */
int kg_store_suggest(const char **out, size_t max, size_t *n, kg_pool *pool,
                     kg_store *st, const char *name, kg_error *err);

/*
 * The graph at o->at as known after revision o->as_of: every tie that
 * (possibly) holds at that date, appended to out in output order.
 * Ties whose bounds are too coarse to decide are flagged uncertain.
 * @return KG_OK, KG_ENOTFOUND (no such revision), KG_ESTORE, KG_ENOMEM.
 * Ownership: caller releases out with kg_tieset_release.
 */
int kg_store_snapshot(kg_tieset *out, kg_store *st, const kg_view_opts *o,
                      kg_error *err);

/*
 * The neighbourhood of an entity at o->at: the ties met by a breadth-first
 * walk of at most hops steps from name (hops 1 = the entity's own ties),
 * read from the store entity by entity, not by loading the whole graph.
 * KG_ENOTFOUND with a "did you mean" message for an unknown name.
 */
int kg_store_neighbourhood(kg_tieset *out, kg_store *st, const char *name,
                           int hops, const kg_view_opts *o, kg_error *err);

/*
 * The ties on the shortest undirected connections between a and b at
 * o->at (a bidirectional breadth-first search in the store, at most
 * max_hops long).  out is empty when they are not connected.  The paths
 * themselves are spelled out by kg_graph_paths on this small set.
 */
int kg_store_path_ties(kg_tieset *out, kg_store *st, const char *a,
                       const char *b, int max_hops, const kg_view_opts *o,
                       kg_error *err);

/*
 * Every interval of every tie as known after o->as_of (o->at ignored),
 * with valid_to unknown while a tie still holds: the input of GEXF spells
 * and of `export --format jsonl`.
 */
int kg_store_intervals(kg_tieset *out, kg_store *st, const kg_view_opts *o,
                       kg_error *err);

/* What diff reads beyond the view options. */
typedef struct kg_diff_opts {
    kg_view_opts view;     /* as_of, relation, kind, with_reported */
    const char *entity;    /* only ties within hops of this entity */
    int hops;              /* default 1 */
} kg_diff_opts;

/*
 * The ties that appeared, ended, changed, were interrupted or were
 * transient between the valid dates from and to (from <= to), computed
 * from interval endpoints inside the window, each with its evidence.
 * @return KG_OK, KG_EINVAL (from after to), KG_ENOTFOUND, KG_ESTORE.
 */
int kg_store_diff(kg_changeset *out, kg_store *st, kg_date from, kg_date to,
                  const kg_diff_opts *o, kg_error *err);

/*
 * What the store learned between revisions r1 and r2 (r1 < r2): the
 * intervals recorded after r1 up to r2, classified against what the store
 * believed at r1 (appeared, ended, changed).
 */
int kg_store_diff_revisions(kg_changeset *out, kg_store *st, int64_t r1,
                            int64_t r2, const kg_diff_opts *o,
                            kg_error *err);

/*
 * Every assertion about the ties of a (or between a and b when b is not
 * NULL) stored up to o->as_of, in date order, and the intervals that
 * resulted (into intervals, which may be NULL).
 */
int kg_store_history(kg_assertionset *out, kg_tieset *intervals,
                     kg_store *st, const char *a, const char *b,
                     const kg_view_opts *o, kg_error *err);

/* Store-wide counts for `corpgraph stats`. */
typedef struct kg_store_counts {
    int64_t revisions, documents, entities, assertions, ties, intervals;
    int64_t by_status[KG_STATUS__COUNT]; /* assertions by status */
    kg_date first, last;                 /* range of valid dates */
} kg_store_counts;

int kg_store_count(kg_store_counts *out, kg_store *st, const kg_view_opts *o,
                   kg_error *err);

#endif
