/*
 * render_int.h: what the files of src/render/ share.  The input sets are
 * first turned into a model (sorted entities and ties, per-frame presence)
 * that does not know Graphviz; graph.c turns a model into a cgraph graph,
 * render.c lays it out and renders it, html.c writes the slider page.
 */
#ifndef KG_RENDER_INT_H
#define KG_RENDER_INT_H

#include <stddef.h>

#include "kg/render.h"

/* One entity; index into rmodel.nodes is its sorted position. */
typedef struct rnode {
    const char *name; /* borrowed from the input set */
    kg_kind kind;
    size_t degree;    /* ties touching it (among kept ones) */
    int keep;         /* drawn */
    int id;           /* output number (n<id>), -1 if not drawn */
} rnode;

/* One tie (a union of equal ties across frames in a timeline). */
typedef struct redge {
    size_t a, b;          /* node indexes: subject, object */
    const kg_tie *tie;    /* representative: the latest frame's tie */
    const kg_tie **at;    /* per frame: the tie there, or NULL */
    int change;           /* kg_change_kind for diffs, else -1 */
    const char *before;   /* diffs: properties before / after */
    const char *after;
    int keep;
    int id;               /* output number (e<id>), -1 if not drawn */
} redge;

typedef enum rmode { RMODE_SNAPSHOT, RMODE_DIFF, RMODE_TIMELINE } rmode;

typedef struct rmodel {
    rmode mode;
    rnode *nodes;
    size_t nn;
    redge *edges;
    size_t ne;
    const kg_tie **atv;   /* storage of every redge.at */
    size_t nframes;
    const kg_date *dates; /* nframes dates (timeline), or NULL */
    kg_date from, to;     /* diff window; snapshot date in from */
    size_t kept_nodes, kept_edges, omitted;
} rmodel;

/* Build the model of a snapshot, diff or timeline (kept = all). */
int kg_render__model_snapshot(rmodel *m, const kg_tieset *ties, kg_date at,
                              kg_error *err);
int kg_render__model_diff(rmodel *m, const kg_changeset *changes,
                          kg_error *err);
int kg_render__model_timeline(rmodel *m, const kg_tieset *frames,
                              const kg_date *dates, size_t n,
                              kg_error *err);
/* Apply focus/hops and max_nodes, then number the kept nodes and edges. */
int kg_render__model_filter(rmodel *m, const kg_render_opts *opts,
                            kg_error *err);
void kg_render__model_release(rmodel *m);

/*
 * Append s cleaned for display: invalid UTF-8 bytes become U+FFFD, control
 * characters become spaces (newlines kept as '\n'), at most max_chars
 * characters (then "…").  Then one of the escapings below.
 */
int kg_render__clean(kg_buf *b, const char *s, size_t max_chars);
/* As an escString (label, tooltip): backslashes doubled, \n for newline. */
int kg_render__esc_label(kg_buf *b, const char *s, size_t max_chars);
/* As text in an HTML-like label or XML: & < > " escaped, <BR/> newline. */
int kg_render__esc_html(kg_buf *b, const char *s, size_t max_chars);
/* As a JSON string safe inside <script>: also < > & as \u escapes. */
int kg_render__esc_json(kg_buf *b, const char *s, size_t max_chars);

/* Tie label parts: "2019–", "2023-01–2025-01", "" when undated. */
int kg_render__dates(kg_buf *b, const kg_tie *t);

/* Graphviz errors seen so far, and the last message (render_init.c). */
unsigned kg_render__errors(void);
const char *kg_render__last_message(void);

/*
 * Write the HTML page: svg is Graphviz's SVG of the laid-out union graph
 * (nodes n<id>, edges e<id>); the model gives per-frame presence and the
 * evidence of each tie.  title: the page heading.
 */
int kg_render__html(kg_buf *out, const rmodel *m, const char *svg,
                    size_t svg_len, const char *title, kg_error *err);

#endif
