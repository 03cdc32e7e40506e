/*
 * render.h: diagrams of the graph with Graphviz (cgraph + gvc, in
 * process): a snapshot at one date, a diff between two dates, and a
 * timeline of several dates whose node positions stay the same.
 *
 * Input is the in-memory sets of view.h (kg_tieset, kg_changeset), so the
 * renderer never reads the store.  Output goes into a caller-owned kg_buf
 * in one of five formats: DOT (the graph before layout, deterministic:
 * nodes and edges in sorted order), SVG, PNG, PDF, or HTML (one
 * self-contained page with inline SVG, a date slider and the evidence of
 * each tie on hover or click).
 *
 * Styling: node shape and fill by entity kind, edge colour by relation
 * family (a colour-blind-safe palette), reported ties dashed, symmetric
 * relations without arrowheads, edge labels "invested-in · 2019–", a title
 * and a legend.  Diffs colour the five change classes.  The automatic
 * layout is dot for neighbourhoods and small graphs (edge labels as their
 * own nodes: no overlaps), neato up to 300 entities and sfdp beyond, with
 * overlap removal; force-directed layouts keep edge labels only up to 40
 * ties (always in tooltips).  src/render/ is the only place that includes
 * Graphviz headers.
 *
 * Not thread-safe, like Graphviz: one Graphviz context is made on first
 * use and kept for the life of the process (see src/render/render.c).
 */
#ifndef KG_RENDER_H
#define KG_RENDER_H

#include <stddef.h>

#include "kg/date.h"
#include "kg/error.h"
#include "kg/util.h"
#include "kg/view.h"

typedef enum kg_render_format {
    KG_RENDER_DOT = 0,
    KG_RENDER_SVG,
    KG_RENDER_PNG,
    KG_RENDER_PDF,
    KG_RENDER_HTML
} kg_render_format;

/* Layout engines users may ask for. */
typedef enum kg_render_layout {
    KG_LAYOUT_AUTO = 0, /* dot, neato or sfdp by size and shape */
    KG_LAYOUT_DOT,
    KG_LAYOUT_NEATO,
    KG_LAYOUT_SFDP,
    KG_LAYOUT_CIRCO
} kg_render_layout;

enum kg_render_flags {
    KG_RENDER_NO_LEGEND = 1 << 0,     /* title only, no legend */
    KG_RENDER_NO_EDGE_LABELS = 1 << 1 /* relation and dates in tooltips */
};

/* How to draw; start from KG_RENDER_OPTS_INIT. */
typedef struct kg_render_opts {
    kg_render_format format;
    kg_render_layout layout;
    const char *title;   /* NULL: generated from the dates */
    const char *focus;   /* entity name: keep its neighbourhood; NULL all */
    int hops;            /* neighbourhood radius around focus */
    size_t max_nodes;    /* keep the N most central entities; 0 = all */
    unsigned flags;      /* enum kg_render_flags */
} kg_render_opts;

#define KG_RENDER_OPTS_INIT {KG_RENDER_SVG, KG_LAYOUT_AUTO, NULL, NULL, 1, 0, 0}

/* What was drawn, for the caller to report. */
typedef struct kg_render_info {
    size_t nodes;       /* entities drawn */
    size_t edges;       /* ties drawn */
    size_t omitted;     /* entities left out by max_nodes */
    const char *layout; /* engine used: "dot", "sfdp" ... (static) */
    int edge_labels;    /* 1 if edges carry labels */
} kg_render_info;

/*
 * The format for an output file name by its extension (.dot .gv .svg .png
 * .pdf .html .htm, any case).
 * @param out the format
 * @param path the output file name
 * @return KG_OK, or KG_EINVAL for an unknown extension
 */
int kg_render_format_for_path(kg_render_format *out, const char *path,
                              kg_error *err);

/* Parse "dot", "neato", "sfdp" or "circo"; KG_EINVAL otherwise. */
int kg_render_layout_parse(kg_render_layout *out, const char *name,
                           kg_error *err);

/*
 * Draw the ties of one snapshot.
 *
 * @param out receives the file contents (appended); caller owns it
 * @param info what was drawn; may be NULL
 * @param ties the snapshot; strings are only read during the call
 * @param at its valid date, shown in the title (may be unknown)
 * @param opts how to draw; NULL for the defaults
 * @return KG_OK; KG_ENOTFOUND if opts->focus names no entity of the set;
 *         KG_EINVAL for bad options; KG_ERENDER when Graphviz fails (its
 *         message in err); KG_ENOMEM
 */
int kg_render_snapshot(kg_buf *out, kg_render_info *info,
                       const kg_tieset *ties, kg_date at,
                       const kg_render_opts *opts, kg_error *err);

/*
 * Draw a diff: each tie coloured by its change class (appeared green,
 * ended red and dashed, changed orange, interrupted blue double line,
 * transient purple dotted, unchanged grey).  The window (changes->from,
 * changes->to) goes into the title.  Parameters and returns as for
 * kg_render_snapshot.
 */
int kg_render_diff(kg_buf *out, kg_render_info *info,
                   const kg_changeset *changes, const kg_render_opts *opts,
                   kg_error *err);

/*
 * Draw a timeline: frames[i] is the snapshot at dates[i].  The union of
 * all frames is laid out once, so every entity keeps its position.  SVG,
 * PNG and PDF get small multiples (one panel per date, positions pinned);
 * HTML gets one page with a date slider; DOT gets the laid-out panel graph
 * (neato -n2 draws it again).  Focus and max_nodes apply to the union.
 *
 * @param n number of frames, 1..64
 * Other parameters and returns as for kg_render_snapshot.
 */
int kg_render_timeline(kg_buf *out, kg_render_info *info,
                       const kg_tieset *frames, const kg_date *dates,
                       size_t n, const kg_render_opts *opts, kg_error *err);

#endif
