/*
 * view.h: reading the versioned graph: a snapshot at a valid date as known
 * after a revision, all tie intervals, diffs between dates or revisions,
 * and the history of an entity or a pair.  Results are plain in-memory
 * sets (kg_tieset, kg_changeset) that the graph analysis (graph.h) and the
 * renderer (render.h) take as input, so those never touch SQLite.
 *
 * Output order is deterministic: by subject, relation, object, then date.
 */
#ifndef KG_VIEW_H
#define KG_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "kg/date.h"
#include "kg/error.h"
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

void kg_tieset_release(kg_tieset *set);
/* Append a copy of t (its strings copied into set->pool). */
int kg_tieset_add(kg_tieset *set, const kg_tie *t);

typedef enum kg_change_kind {
    KG_CHANGE_APPEARED = 0,
    KG_CHANGE_ENDED,
    KG_CHANGE_CHANGED,     /* status or properties changed */
    KG_CHANGE_INTERRUPTED, /* ended and resumed inside the window */
    KG_CHANGE_TRANSIENT,   /* began and ended inside the window */
    KG_CHANGE_UNCHANGED,   /* held at both dates; only with --all */
    KG_CHANGE__COUNT
} kg_change_kind;

const char *kg_change_name(kg_change_kind c); /* "appeared" */

typedef struct kg_change {
    kg_change_kind change;
    kg_tie tie;          /* the tie as it is at the later date/revision */
    const char *before;  /* for changed: "status=reported amount=..." */
    const char *after;
} kg_change;

typedef struct kg_changeset {
    kg_change *v;
    size_t n, cap;
    kg_pool pool;
    kg_date from, to;    /* the window */
} kg_changeset;

void kg_changeset_release(kg_changeset *set);
int kg_changeset_add(kg_changeset *set, const kg_change *c);

/* What to read: the two clocks and the filters shared by read commands. */
typedef struct kg_view_opts {
    kg_date at;            /* valid time; unknown = every date (intervals) */
    int64_t as_of;         /* record time: revision id, 0 = latest */
    int relation;          /* kg_relation or -1 for all */
    int kind;              /* kg_kind or -1 for all */
    int with_reported;     /* include reported ties (dashed) */
} kg_view_opts;

#define KG_VIEW_OPTS_INIT {{0, 0, 0}, 0, -1, -1, 1}

#endif
