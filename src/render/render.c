/*
 * render.c: the model (model.c) as a cgraph graph, laid out and rendered
 * in process with gvc.  This file and render_init.c are the only ones that
 * include Graphviz headers.
 *
 * Pipeline of one call: model -> filter -> cgraph graph (nodes and edges
 * added in sorted order, so agwrite gives the same DOT for the same input)
 * -> gvLayout -> gvRenderData -> gvFreeLayout -> agclose (one gvc context
 * per process, see context()).  A timeline lays
 * out the union of its frames once and then draws each frame with the same
 * positions: as panels of one pinned graph (nop2) for SVG/PNG/PDF/DOT, or
 * as one SVG whose elements a slider shows and hides (html.c).
 *
 * cgraph 2.42 takes char * for names and values: set() and friends below
 * cast once.  Every Graphviz error is caught by render_init.c's hook; a
 * call that "succeeds" while an error was reported is a failure here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "render/render_int.h"

/* Sizes where the automatic layout changes (see perf-anchors.md 3). */
#define DOT_MAX_NODES 80      /* dot above this is super-linear */
#define DOT_MAX_EDGES 160
#define DOT_HUBLESS_NODES 30  /* without --focus, dot only up to this */
#define NEATO_MAX_NODES 300   /* neato: 500 nodes in 1 s; then sfdp */
#define CURVED_MAX_EDGES 60   /* neato/sfdp route curves up to this */
#define LABEL_MAX_EDGES 400   /* past this: labels in tooltips only */
#define FREE_LABEL_MAX_EDGES 40 /* the same for neato/sfdp/circo */
#define PRISM_MAX_NODES 2000  /* overlap removal past this costs 5-7x the
                                 layout itself (10,000 ties: 41 s vs 6 s) */
#define NAME_MAX_CHARS 48     /* node labels are cut after this */
#define EVIDENCE_MAX_CHARS 320
#define FONT "DejaVu Sans,Arial,Helvetica,sans-serif"

/*
 * Layout: one row per relation family (kg_family order): line colour, a
 * darker shade for label text.  Okabe-Ito colours, safe for the common
 * colour-vision deficiencies; yellow is left out (unreadable on white).
 */
static const struct family_style {
    const char *line, *text;
} family_style[KG_FAMILY__COUNT] = {
    {"#E69F00", "#8A5A00"}, /* money: orange */
    {"#0072B2", "#005A8C"}, /* ownership: blue */
    {"#009E73", "#006B4E"}, /* partnership: bluish green */
    {"#56B4E9", "#1D6A99"}, /* supply: sky blue */
    {"#D55E00", "#A14700"}, /* rivalry: vermillion */
    {"#CC79A7", "#94507A"}, /* legal: reddish purple */
    {"#666666", "#3C3C3C"}, /* people: grey */
};

/* Layout: one row per entity kind (kg_kind order). */
static const struct kind_style {
    const char *shape, *style, *fill, *border, *word, *legend;
} kind_style[KG_KIND__COUNT] = {
    {"box", "rounded,filled", "#EAF1F8", "#4F6B84", "company",
     "blue boxes: companies"},
    {"ellipse", "filled", "#FFF2DC", "#94713F", "person",
     "sand ellipses: people"},
    {"note", "filled", "#EAF5EA", "#55785A", "product",
     "green notes: products"},
};

/*
 * Layout: one row per change class (kg_change_kind order): colour (a
 * colour list draws parallel lines), style, pen width, label mark, legend
 * word.  Every class differs in colour and in line style or width.
 */
static const struct change_style {
    const char *color, *text, *style;
    const char *pen, *mark, *word;
} change_style[KG_CHANGE__COUNT] = {
    {"#009E73", "#006B4E", "solid", "2.2", "+ ", "appeared"},
    {"#D55E00", "#A14700", "dashed", "2.2", "\xE2\x88\x92 ", "ended"},
    {"#E69F00", "#8A5A00", "solid", "3.2", "~ ", "changed"},
    {"#0072B2:#FFFFFF:#0072B2", "#005A8C", "solid", "1.4",
     "\xE2\x86\xBA ", "interrupted"},
    {"#CC79A7", "#94507A", "dotted", "2.4", "\xC2\xB1 ", "transient"},
    {"#A8A8A8", "#707070", "solid", "1.0", "", "unchanged"},
};

#define ABSENT_LINE "#D4D4D4"
#define ABSENT_TEXT "#B4B4B4"

/* What one graph build needs to know. */
typedef struct rctx {
    const rmodel *m;
    const kg_render_opts *opts;
    const char *engine; /* "dot", "neato", "sfdp", "circo" */
    int labels;         /* edge labels drawn */
    int big;            /* large: smaller type, straight edges */
    const char *label_attr; /* "label" (dot) or "xlabel" (placed after
                               layout, clear of nodes and other labels) */
} rctx;

/* --- cgraph wrappers (2.42 wants char *) ------------------------------ */

/*
 * The one cast: cgraph 2.42 declares char * where it only reads (names,
 * attribute names and values, engine and format names).  Current Graphviz
 * takes const char *; an upgrade removes this function.
 */
static char *mut(const char *s)
{
    return (char *)s;
}

static int set(void *obj, const char *name, const char *value)
{
    if (!value) /* a kg_buf that could not grow */
        return KG_ENOMEM;
    return agsafeset(obj, mut(name), mut(value), mut("")) == 0
               ? KG_OK
               : KG_ERENDER;
}

static int set_html(Agraph_t *g, void *obj, const char *name,
                    const char *html)
{
    char *h = agstrdup_html(g, mut(html));
    int rc;
    if (!h)
        return KG_ENOMEM;
    rc = agsafeset(obj, mut(name), h, mut("")) == 0 ? KG_OK
                                                          : KG_ERENDER;
    agstrfree(g, h);
    return rc;
}

static int declare(Agraph_t *g, int kind, const char *name,
                   const char *def)
{
    return agattr(g, kind, mut(name), mut(def)) ? KG_OK : KG_ERENDER;
}

static const char *get(void *obj, const char *name)
{
    char *v = agget(obj, mut(name));
    return v ? v : "";
}

static int gv_fail(kg_error *err, const char *what)
{
    return kg_error_set(err, KG_ERENDER, "%s: %s", what,
                        kg_render__last_message());
}

/* --- choosing the engine ----------------------------------------------- */

static const char *engine_name(kg_render_layout l)
{
    switch (l) {
    case KG_LAYOUT_DOT: return "dot";
    case KG_LAYOUT_NEATO: return "neato";
    case KG_LAYOUT_SFDP: return "sfdp";
    case KG_LAYOUT_CIRCO: return "circo";
    default: return NULL;
    }
}

static void choose(rctx *c, const rmodel *m, const kg_render_opts *opts)
{
    size_t n = m->kept_nodes, e = m->kept_edges;
    c->m = m;
    c->opts = opts;
    c->engine = engine_name(opts->layout);
    /*
     * dot (left to right, labels as nodes of their own) reads best for a
     * neighbourhood, where one entity is tied to most others; a graph
     * with many hubs becomes long criss-crossing curves, where neato's
     * stress layout reads better; sfdp scales past a few hundred.
     */
    if (!c->engine && n <= DOT_MAX_NODES && e <= DOT_MAX_EDGES &&
        (opts->focus || (n <= DOT_HUBLESS_NODES && e <= 2 * n)))
        c->engine = "dot";
    else if (!c->engine)
        c->engine = n <= NEATO_MAX_NODES ? "neato" : "sfdp";
    c->big = m->kept_edges > LABEL_MAX_EDGES;
    /*
     * Edge labels only where they cannot pile up: dot places them as
     * nodes of their own; force-directed engines drop them on the edges'
     * midpoints, which overlap as soon as the graph is more than a few
     * dozen ties (they stay in the tooltips).
     */
    c->labels = !(opts->flags & KG_RENDER_NO_EDGE_LABELS) && !c->big &&
                (strcmp(c->engine, "dot") == 0 ||
                 m->kept_edges <= FREE_LABEL_MAX_EDGES);
    c->label_attr = strcmp(c->engine, "dot") == 0 ? "label" : "xlabel";
}

/* --- text: labels, tooltips, title, legend ----------------------------- */

/*
 * One legend item as text: a short line drawn with box-drawing characters
 * in the tie colour and style, then the word.  Text, not table cells: a
 * nested table would be stretched to the title's width.
 */
static void swatch(kg_buf *h, const char *color, const char *line,
                   const char *word)
{
    kg_buf_printf(h, "<FONT COLOR=\"%s\"><B>%s</B></FONT>\xC2\xA0%s"
                     "\xC2\xA0\xC2\xA0 ",
                  color, line, word);
}

#define LINE_SOLID "\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81"  /* ━━━ */
#define LINE_DASHED "\xE2\x95\x8D\xE2\x95\x8D\xE2\x95\x8D" /* ╍╍╍ */
#define LINE_DOTTED "\xE2\x94\x85\xE2\x94\x85\xE2\x94\x85" /* ┅┅┅ */
#define LINE_DOUBLE "\xE2\x95\x90\xE2\x95\x90\xE2\x95\x90" /* ═══ */

/* The graph label: title, one line of counts, the legend. */
static int title_html(kg_buf *h, const rctx *c, int frame_marks)
{
    const rmodel *m = c->m;
    unsigned kinds = 0, fams = 0, changes = 0;
    int reported = 0;
    size_t i, count[KG_CHANGE__COUNT] = {0};
    char d1[KG_DATE_STRLEN], d2[KG_DATE_STRLEN];
    kg_buf t = KG_BUF_INIT;
    int rc;

    for (i = 0; i < m->nn; i++)
        if (m->nodes[i].keep)
            kinds |= 1u << m->nodes[i].kind;
    for (i = 0; i < m->ne; i++) {
        const redge *e = &m->edges[i];
        if (!e->keep)
            continue;
        fams |= 1u << kg_relation_family(e->tie->relation);
        reported |= e->tie->status == KG_STATUS_REPORTED;
        if (e->change >= 0) {
            changes |= 1u << e->change;
            count[e->change]++;
        }
    }

    /* title line */
    if (c->opts->title) {
        kg_buf_puts(&t, c->opts->title);
    } else if (m->mode == RMODE_SNAPSHOT) {
        kg_date_format(d1, m->from);
        if (d1[0])
            kg_buf_printf(&t, "Ties at %s", d1);
        else
            kg_buf_puts(&t, "Ties");
    } else if (m->mode == RMODE_DIFF) {
        kg_date_format(d1, m->from);
        kg_date_format(d2, m->to);
        kg_buf_printf(&t, "Changes %s \xE2\x86\x92 %s", d1[0] ? d1 : "?",
                      d2[0] ? d2 : "?");
    } else {
        kg_buf_puts(&t, "Ties over time:");
        for (i = 0; i < m->nframes; i++) {
            kg_date_format(d1, m->dates[i]);
            kg_buf_printf(&t, "%s %s", i ? " \xC2\xB7" : "", d1);
        }
    }
    kg_buf_puts(h, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" "
                   "CELLPADDING=\"1\"><TR><TD ALIGN=\"LEFT\">"
                   "<FONT POINT-SIZE=\"18\"><B>");
    kg_render__esc_html(h, t.ptr, 120);
    kg_buf_puts(h, "</B></FONT></TD></TR>");

    /* counts line */
    kg_buf_clear(&t);
    kg_buf_printf(&t, "%zu entit%s, %zu tie%s", m->kept_nodes,
                  m->kept_nodes == 1 ? "y" : "ies", m->kept_edges,
                  m->kept_edges == 1 ? "" : "s");
    if (c->opts->focus)
        kg_buf_printf(&t, " within %d hop%s of %s", c->opts->hops,
                      c->opts->hops == 1 ? "" : "s", c->opts->focus);
    if (m->omitted)
        kg_buf_printf(&t, "; %zu less central entit%s not shown",
                      m->omitted, m->omitted == 1 ? "y" : "ies");
    if (m->mode == RMODE_DIFF) {
        for (i = 0; i < KG_CHANGE__COUNT; i++)
            if (count[i])
                kg_buf_printf(&t, "; %zu %s", count[i],
                              change_style[i].word);
    }
    if (!c->labels && m->kept_edges)
        kg_buf_puts(&t, "; relations and dates in tooltips");
    kg_buf_puts(h, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\" "
                   "COLOR=\"#555555\">");
    kg_render__esc_html(h, t.ptr, 400);
    kg_buf_puts(h, "</FONT></TD></TR>");
    kg_buf_release(&t);

    /* legend: entity shapes as words, then one swatch per tie colour */
    if (!(c->opts->flags & KG_RENDER_NO_LEGEND) && m->kept_nodes) {
        const char *sep = "";
        kg_buf_puts(h, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\" "
                       "COLOR=\"#555555\">");
        for (i = 0; i < KG_KIND__COUNT; i++) {
            if (kinds & (1u << i)) {
                kg_buf_printf(h, "%s%s", sep, kind_style[i].legend);
                sep = " \xC2\xB7 ";
            }
        }
        kg_buf_puts(h, "</FONT></TD></TR><TR><TD ALIGN=\"LEFT\">"
                       "<FONT POINT-SIZE=\"12\">");
        if (m->mode == RMODE_DIFF) {
            for (i = 0; i < KG_CHANGE__COUNT; i++) {
                char word[64];
                const char *line = LINE_SOLID;
                if (!(changes & (1u << i)))
                    continue;
                snprintf(word, sizeof word, "%s%s", change_style[i].mark,
                         change_style[i].word);
                if (i == KG_CHANGE_ENDED)
                    line = LINE_DASHED;
                else if (i == KG_CHANGE_TRANSIENT)
                    line = LINE_DOTTED;
                else if (i == KG_CHANGE_INTERRUPTED)
                    line = LINE_DOUBLE;
                swatch(h, i == KG_CHANGE_INTERRUPTED ? "#0072B2"
                                                     : change_style[i].color,
                       line, word);
            }
        } else {
            for (i = 0; i < KG_FAMILY__COUNT; i++)
                if (fams & (1u << i))
                    swatch(h, family_style[i].line, LINE_SOLID,
                           kg_family_name((kg_family)i));
        }
        if (reported)
            swatch(h, "#555555", LINE_DASHED, "reported");
        kg_buf_puts(h, "</FONT></TD></TR>");
        if (frame_marks)
            kg_buf_puts(h, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\" "
                           "COLOR=\"#555555\">thick line: new since the "
                           "previous date; grey entity: no tie at that "
                           "date</FONT></TD></TR>");
    }
    rc = kg_buf_puts(h, "</TABLE>");
    return rc;
}

/* "invested-in · 2019–" with the diff mark in front. */
static int edge_label(kg_buf *b, const redge *e, const kg_tie *t)
{
    kg_buf dates = KG_BUF_INIT;
    int rc;
    if (e->change >= 0)
        kg_buf_puts(b, change_style[e->change].mark);
    kg_buf_puts(b, kg_relation_name(t->relation));
    rc = kg_render__dates(&dates, t);
    if (rc == KG_OK && dates.len)
        rc = kg_buf_printf(b, " \xC2\xB7 %s", dates.ptr);
    kg_buf_release(&dates);
    return rc;
}

/* Tooltip: the tie, its dates and status, its evidence and source. */
static int edge_tooltip(kg_buf *b, const redge *e, const kg_tie *t)
{
    kg_buf raw = KG_BUF_INIT;
    char d[KG_DATE_STRLEN];
    int rc;
    kg_buf_printf(&raw, "%s %s %s", t->subject, kg_relation_name(t->relation),
                  t->object);
    kg_buf_puts(&raw, "\n");
    edge_label(&raw, e, t);
    if (t->status != KG_STATUS_HOLDS)
        kg_buf_printf(&raw, " (%s)", kg_status_name(t->status));
    if (t->amount)
        kg_buf_printf(&raw, "; amount %s", t->amount);
    if (t->stake >= 0)
        kg_buf_printf(&raw, "; stake %g%%", t->stake);
    if (t->role)
        kg_buf_printf(&raw, "; role %s", t->role);
    if (e->change == KG_CHANGE_CHANGED && (e->before || e->after))
        kg_buf_printf(&raw, "\nbefore: %s\nafter: %s",
                      e->before ? e->before : "", e->after ? e->after : "");
    if (t->evidence) {
        kg_buf raw_ev = KG_BUF_INIT;
        kg_render__clean(&raw_ev, t->evidence, EVIDENCE_MAX_CHARS);
        kg_buf_printf(&raw, "\n\xE2\x80\x9C%s\xE2\x80\x9D",
                      raw_ev.ptr ? raw_ev.ptr : "");
        kg_buf_release(&raw_ev);
    }
    if (t->source || t->doc) {
        kg_date_format(d, t->evidence_date);
        kg_buf_printf(&raw, "\n\xE2\x80\x94 %s%s%s%s%s",
                      t->source ? t->source : "",
                      t->source && t->doc ? ", " : "",
                      t->doc ? t->doc : "", d[0] ? " " : "", d);
    }
    rc = kg_render__esc_label(b, raw.ptr, 0);
    kg_buf_release(&raw);
    return rc;
}

/* --- building the graph ------------------------------------------------ */

static int declare_all(Agraph_t *g, const rctx *c)
{
    int rc = KG_OK;
    const char *fs = c->big ? "10" : "12";
    rc |= declare(g, AGRAPH, "fontname", FONT);
    rc |= declare(g, AGRAPH, "bgcolor", "white");
    rc |= declare(g, AGRAPH, "pad", "0.3");
    rc |= declare(g, AGRAPH, "labelloc", "t");
    rc |= declare(g, AGRAPH, "labeljust", "l");
    rc |= declare(g, AGRAPH, "outputorder", "edgesfirst");
    rc |= declare(g, AGNODE, "fontname", FONT);
    rc |= declare(g, AGNODE, "fontsize", fs);
    rc |= declare(g, AGNODE, "fontcolor", "#1A1A1A");
    rc |= declare(g, AGNODE, "shape", "box");
    rc |= declare(g, AGNODE, "style", "rounded,filled");
    rc |= declare(g, AGNODE, "fillcolor", kind_style[0].fill);
    rc |= declare(g, AGNODE, "color", kind_style[0].border);
    rc |= declare(g, AGNODE, "penwidth", "1.2");
    rc |= declare(g, AGNODE, "margin", "0.12,0.05");
    rc |= declare(g, AGNODE, "height", "0.36");
    rc |= declare(g, AGNODE, "label", "\\N");
    rc |= declare(g, AGNODE, "tooltip", "");
    rc |= declare(g, AGNODE, "id", "");
    rc |= declare(g, AGEDGE, "fontname", FONT);
    rc |= declare(g, AGEDGE, "fontsize", c->big ? "8" : "9");
    rc |= declare(g, AGEDGE, "arrowsize", "0.7");
    rc |= declare(g, AGEDGE, "penwidth", "1.4");
    rc |= declare(g, AGEDGE, "color", "#666666");
    rc |= declare(g, AGEDGE, "fontcolor", "#333333");
    rc |= declare(g, AGEDGE, "style", "solid");
    rc |= declare(g, AGEDGE, "dir", "forward");
    rc |= declare(g, AGEDGE, "label", "");
    rc |= declare(g, AGEDGE, "xlabel", "");
    rc |= declare(g, AGEDGE, "tooltip", "");
    rc |= declare(g, AGEDGE, "id", "");
    return rc ? KG_ERENDER : KG_OK;
}

/* Engine-specific graph attributes. */
static int engine_attrs(Agraph_t *g, const rctx *c)
{
    int rc = set(g, "layout", c->engine);
    if (strcmp(c->engine, "dot") == 0) {
        rc |= set(g, "rankdir", "LR");
        rc |= set(g, "nodesep", "0.25");
        rc |= set(g, "ranksep", "0.55");
        if (c->m->kept_nodes > DOT_MAX_NODES ||
            c->m->kept_edges > DOT_MAX_EDGES) {
            /* bound dot's super-linear passes (perf-anchors.md 3) */
            rc |= set(g, "mclimit", "0.1");
            rc |= set(g, "nslimit", "2");
            rc |= set(g, "nslimit1", "2");
            rc |= set(g, "searchsize", "10");
            rc |= set(g, "splines", "line");
        }
    } else if (strcmp(c->engine, "circo") == 0) {
        rc |= set(g, "splines", "true");
        rc |= set(g, "mindist", "0.6");
    } else {
        if (c->m->kept_nodes <= PRISM_MAX_NODES) {
            rc |= set(g, "overlap", "prism");
            rc |= set(g, "sep", "+8");
        }
        /* routing curves around nodes costs ~1 s per 100 ties here */
        rc |= set(g, "splines", c->m->kept_edges > CURVED_MAX_EDGES ? "line"
                                                                    : "true");
        if (strcmp(c->engine, "neato") == 0)
            rc |= set(g, "mode", "major");
    }
    return rc ? KG_ERENDER : KG_OK;
}

/*
 * Paint one node.  present: whether the entity has a tie in the frame
 * being drawn (faded grey when not).
 */
static int add_node(Agraph_t *g, const rctx *c, const rnode *n,
                    const char *name, int present, kg_error *err)
{
    const struct kind_style *ks = &kind_style[n->kind];
    kg_buf b = KG_BUF_INIT;
    Agnode_t *v;
    char id[32];
    int rc = KG_OK;
    (void)c;
    v = agnode(g, mut(name), 1);
    if (!v)
        return gv_fail(err, "cannot add a node");
    snprintf(id, sizeof id, "n%d", n->id);
    rc |= set(v, "id", id);
    rc |= kg_render__esc_label(&b, n->name, NAME_MAX_CHARS);
    rc |= set(v, "label", b.ptr);
    kg_buf_clear(&b);
    kg_buf_printf(&b, "%s (%s, %zu tie%s)", n->name, ks->word, n->degree,
                  n->degree == 1 ? "" : "s");
    {
        kg_buf t = KG_BUF_INIT;
        rc |= kg_render__esc_label(&t, b.ptr, 0);
        rc |= set(v, "tooltip", t.ptr);
        kg_buf_release(&t);
    }
    if (n->kind != KG_KIND_ORG) {
        rc |= set(v, "shape", ks->shape);
        rc |= set(v, "style", ks->style);
    }
    if (present) {
        if (n->kind != KG_KIND_ORG) {
            rc |= set(v, "fillcolor", ks->fill);
            rc |= set(v, "color", ks->border);
        }
    } else {
        rc |= set(v, "fillcolor", "#FAFAFA");
        rc |= set(v, "color", ABSENT_LINE);
        rc |= set(v, "fontcolor", ABSENT_TEXT);
    }
    kg_buf_release(&b);
    return rc ? kg_error_set(err, KG_ERENDER, "cannot set node attributes")
              : KG_OK;
}

/*
 * Paint one edge as it is in frame (a timeline panel), or in the union
 * (frame < 0: the representative tie, all present).
 */
static int add_edge(Agraph_t *g, const rctx *c, const redge *e,
                    Agnode_t *a, Agnode_t *b, const char *key, int frame,
                    kg_error *err)
{
    const kg_tie *t = frame < 0 ? e->tie : e->at[frame];
    kg_family fam = kg_relation_family(e->tie->relation);
    kg_buf s = KG_BUF_INIT, raw = KG_BUF_INIT;
    Agedge_t *ed;
    char id[32];
    int rc = KG_OK;
    ed = agedge(g, a, b, mut(key), 1);
    if (!ed)
        return gv_fail(err, "cannot add an edge");
    snprintf(id, sizeof id, "e%d", e->id);
    rc |= set(ed, "id", id);
    if (kg_relation_symmetric(e->tie->relation))
        rc |= set(ed, "dir", "none");
    if (!t) {
        /* absent in this panel: keep the geometry, draw nothing */
        rc |= set(ed, "style", "invis");
        if (c->labels) {
            edge_label(&raw, e, e->tie);
            kg_render__esc_label(&s, raw.ptr, 0);
            rc |= set(ed, c->label_attr, s.ptr);
        }
        goto done;
    }
    if (c->labels) {
        edge_label(&raw, e, t);
        kg_render__esc_label(&s, raw.ptr, 0);
        rc |= set(ed, c->label_attr, s.ptr);
        kg_buf_clear(&s);
    }
    if (edge_tooltip(&s, e, t) == KG_OK)
        rc |= set(ed, "tooltip", s.ptr);
    if (e->change >= 0) {
        const struct change_style *cs = &change_style[e->change];
        rc |= set(ed, "color", cs->color);
        rc |= set(ed, "fontcolor", cs->text);
        rc |= set(ed, "penwidth", cs->pen);
        if (strcmp(cs->style, "solid") != 0)
            rc |= set(ed, "style", cs->style);
    } else {
        rc |= set(ed, "color", family_style[fam].line);
        rc |= set(ed, "fontcolor", family_style[fam].text);
        if (frame > 0 && !e->at[frame - 1])
            rc |= set(ed, "penwidth", "3");
    }
    /* reported: dashed, unless the change class has its own line style */
    if (t->status == KG_STATUS_REPORTED &&
        (e->change < 0 || strcmp(change_style[e->change].style, "solid") == 0))
        rc |= set(ed, "style", "dashed");
done:
    kg_buf_release(&s);
    kg_buf_release(&raw);
    return rc ? kg_error_set(err, KG_ERENDER, "cannot set edge attributes")
              : KG_OK;
}

/* Is node i tied to anything in frame (always, for frame < 0)? */
static int node_present(const rmodel *m, size_t i, int frame)
{
    size_t k;
    if (frame < 0)
        return 1;
    for (k = 0; k < m->ne; k++) {
        const redge *e = &m->edges[k];
        if (e->keep && e->at[frame] && (e->a == i || e->b == i))
            return 1;
    }
    return 0;
}

/*
 * Add the kept nodes and edges, named prefix + "n<id>" / "e<id>", painted
 * for frame (-1: union).
 */
static int add_elements(Agraph_t *g, const rctx *c, const char *prefix,
                        int frame, kg_error *err)
{
    const rmodel *m = c->m;
    char name[64], other[64];
    size_t i;
    int rc = KG_OK;
    for (i = 0; i < m->nn && rc == KG_OK; i++) {
        if (!m->nodes[i].keep)
            continue;
        snprintf(name, sizeof name, "%sn%d", prefix, m->nodes[i].id);
        rc = add_node(g, c, &m->nodes[i], name,
                      node_present(m, i, frame), err);
    }
    for (i = 0; i < m->ne && rc == KG_OK; i++) {
        const redge *e = &m->edges[i];
        Agnode_t *a, *b;
        if (!e->keep)
            continue;
        snprintf(name, sizeof name, "%sn%d", prefix, m->nodes[e->a].id);
        snprintf(other, sizeof other, "%sn%d", prefix, m->nodes[e->b].id);
        a = agnode(g, name, 0);
        b = agnode(g, other, 0);
        if (!a || !b)
            return kg_error_set(err, KG_ERENDER, "lost a node");
        snprintf(name, sizeof name, "%se%d", prefix, e->id);
        rc = add_edge(g, c, e, a, b, name, frame, err);
    }
    return rc;
}

/* A new graph with every attribute declared and the engine's settings. */
static int new_graph(Agraph_t **out, const rctx *c, kg_error *err)
{
    Agraph_t *g = agopen(mut("corpgraph"), Agdirected, NULL);
    *out = NULL;
    if (!g)
        return gv_fail(err, "cannot create a graph");
    if (declare_all(g, c) != KG_OK || engine_attrs(g, c) != KG_OK) {
        agclose(g);
        return gv_fail(err, "cannot declare graph attributes");
    }
    *out = g;
    return KG_OK;
}

static int set_title(Agraph_t *g, const rctx *c, int frame_marks,
                     kg_error *err)
{
    kg_buf h = KG_BUF_INIT;
    int rc = title_html(&h, c, frame_marks);
    if (rc == KG_OK)
        rc = set_html(g, g, "label", h.ptr);
    kg_buf_release(&h);
    return rc == KG_OK ? KG_OK : gv_fail(err, "cannot set the title");
}

/* --- output ------------------------------------------------------------ */

/* The graph as DOT text, before layout (agwrite). */
static int write_dot(kg_buf *out, Agraph_t *g, kg_error *err)
{
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    int rc = KG_OK;
    if (!f)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    if (agwrite(g, f) != 0)
        rc = gv_fail(err, "cannot write DOT");
    if (fclose(f) != 0 && rc == KG_OK)
        rc = kg_error_set(err, KG_EIO, "cannot write DOT");
    if (rc == KG_OK && kg_buf_put(out, mem, len) != KG_OK)
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
    free(mem);
    return rc;
}

/*
 * The one Graphviz context of the process, made on first use and kept.
 * Graphviz 2.42 cannot have a context freed and another made: its text
 * layout (pango plugin) caches the last font name, which gvFreeContext
 * frees, and the next layout reads it (ASan: heap-use-after-free in
 * textspan_size).  Keeping one context also saves loading the plugins on
 * every call.  Not thread-safe, like Graphviz itself.
 */
static GVC_t *the_gvc;

static GVC_t *context(kg_error *err)
{
    if (!the_gvc)
        the_gvc = gvContext();
    if (!the_gvc)
        gv_fail(err, "cannot start Graphviz");
    return the_gvc;
}

static const char *gv_format(kg_render_format f)
{
    switch (f) {
    case KG_RENDER_DOT: return "dot";
    case KG_RENDER_PNG: return "png";
    case KG_RENDER_PDF: return "pdf";
    default: return "svg";
    }
}

static int layout(GVC_t *gvc, Agraph_t *g, const char *engine,
                  kg_error *err)
{
    unsigned before = kg_render__errors();
    if (gvLayout(gvc, g, mut(engine)) != 0 ||
        kg_render__errors() != before) {
        return kg_error_set(err, KG_ERENDER, "cannot lay out with %s: %s",
                            engine, kg_render__last_message());
    }
    return KG_OK;
}

/* Render the laid-out g in format into out (appended). */
static int render_data(kg_buf *out, GVC_t *gvc, Agraph_t *g,
                       const char *format, kg_error *err)
{
    char *data = NULL;
    unsigned int len = 0;
    unsigned before = kg_render__errors();
    int rc = KG_OK;
    if (gvRenderData(gvc, g, mut(format), &data, &len) != 0 ||
        kg_render__errors() != before) {
        rc = kg_error_set(err, KG_ERENDER, "cannot render %s: %s", format,
                          kg_render__last_message());
    } else if (kg_buf_put(out, data, len) != KG_OK) {
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
    }
    if (data)
        gvFreeRenderData(data);
    return rc;
}

static void fill_info(kg_render_info *info, const rctx *c)
{
    if (!info)
        return;
    info->nodes = c->m->kept_nodes;
    info->edges = c->m->kept_edges;
    info->omitted = c->m->omitted;
    info->layout = c->engine;
    info->edge_labels = c->labels;
}

/*
 * Draw a snapshot or diff model: one graph, one layout.  HTML is the SVG
 * wrapped in the page of html.c (one frame, no slider).
 */
static int render_single(kg_buf *out, kg_render_info *info, rmodel *m,
                         const kg_render_opts *opts, kg_error *err)
{
    GVC_t *gvc = NULL;
    Agraph_t *g = NULL;
    kg_buf svg = KG_BUF_INIT;
    rctx c;
    int rc, laid = 0;

    rc = kg_render__model_filter(m, opts, err);
    if (rc != KG_OK)
        goto done;
    choose(&c, m, opts);
    rc = new_graph(&g, &c, err);
    if (rc == KG_OK)
        rc = set_title(g, &c, 0, err);
    if (rc == KG_OK)
        rc = add_elements(g, &c, "", -1, err);
    if (rc != KG_OK)
        goto done;
    if (opts->format == KG_RENDER_DOT) {
        rc = write_dot(out, g, err);
        goto done;
    }
    gvc = context(err);
    if (!gvc) {
        rc = KG_ERENDER;
        goto done;
    }
    rc = layout(gvc, g, c.engine, err);
    if (rc != KG_OK)
        goto done;
    laid = 1;
    if (opts->format == KG_RENDER_HTML) {
        rc = render_data(&svg, gvc, g, "svg", err);
        if (rc == KG_OK)
            rc = kg_render__html(out, m, svg.ptr, svg.len, NULL, err);
    } else {
        rc = render_data(out, gvc, g, gv_format(opts->format), err);
    }
done:
    if (rc == KG_OK)
        fill_info(info, &c);
    if (laid)
        gvFreeLayout(gvc, g);
    if (g)
        agclose(g);
    kg_buf_release(&svg);
    return rc;
}

static const kg_render_opts default_opts = KG_RENDER_OPTS_INIT;

int kg_render_snapshot(kg_buf *out, kg_render_info *info,
                       const kg_tieset *ties, kg_date at,
                       const kg_render_opts *opts, kg_error *err)
{
    rmodel m;
    int rc;
    if (!opts)
        opts = &default_opts;
    rc = kg_render__model_snapshot(&m, ties, at, err);
    if (rc == KG_OK)
        rc = render_single(out, info, &m, opts, err);
    kg_render__model_release(&m);
    return rc;
}

int kg_render_diff(kg_buf *out, kg_render_info *info,
                   const kg_changeset *changes, const kg_render_opts *opts,
                   kg_error *err)
{
    rmodel m;
    int rc;
    if (!opts)
        opts = &default_opts;
    rc = kg_render__model_diff(&m, changes, err);
    if (rc == KG_OK)
        rc = render_single(out, info, &m, opts, err);
    kg_render__model_release(&m);
    return rc;
}

/* --- timelines ----------------------------------------------------------- */

/* Parse "x,y" (points) at s; 0 on success. */
static int parse_point(const char *s, double *x, double *y)
{
    return sscanf(s, "%lf,%lf", x, y) == 2 ? 0 : -1;
}

/*
 * Shift every point of a pos or lp value by (dx, dy):
 * "e,10,20 1,2 3,4" -> "e,110,20 101,2 103,4".
 */
static int shift_pos(kg_buf *b, const char *pos, double dx, double dy)
{
    const char *p = pos;
    int rc = KG_OK;
    while (*p && rc == KG_OK) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char tok[128];
        double x, y;
        const char *xy = tok;
        if (len >= sizeof tok)
            return KG_EINVAL;
        memcpy(tok, p, len);
        tok[len] = '\0';
        if ((tok[0] == 'e' || tok[0] == 's') && tok[1] == ',') {
            rc = kg_buf_put(b, tok, 2);
            xy = tok + 2;
        }
        if (parse_point(xy, &x, &y) != 0)
            return KG_EINVAL;
        if (rc == KG_OK)
            rc = kg_buf_printf(b, "%.2f,%.2f%s", x + dx, y + dy,
                               end ? " " : "");
        p = end ? end + 1 : p + len;
    }
    return rc;
}

/* Copy a positional attribute from src to dst, shifted. */
static int copy_pos(void *dst, void *src, const char *attr, double dx,
                    double dy)
{
    const char *v = get(src, attr);
    kg_buf b = KG_BUF_INIT;
    int rc;
    if (!*v)
        return KG_OK;
    rc = shift_pos(&b, v, dx, dy);
    if (rc == KG_OK)
        rc = set(dst, attr, b.ptr);
    kg_buf_release(&b);
    return rc;
}

/* A pinned decoration node (panel frame or date heading). */
static int add_pinned(Agraph_t *p, const char *name, double x, double y,
                      double w, double h, const char *label, int is_frame)
{
    Agnode_t *v = agnode(p, mut(name), 1);
    char buf[64];
    int rc = KG_OK;
    if (!v)
        return KG_ERENDER;
    snprintf(buf, sizeof buf, "%.2f,%.2f", x, y);
    rc |= set(v, "pos", buf);
    snprintf(buf, sizeof buf, "%.3f", w / 72.0);
    rc |= set(v, "width", buf);
    snprintf(buf, sizeof buf, "%.3f", h / 72.0);
    rc |= set(v, "height", buf);
    rc |= set(v, "fixedsize", "true");
    if (is_frame) {
        rc |= set(v, "label", "");
        rc |= set(v, "style", "rounded");
        rc |= set(v, "color", "#CFCFCF");
    } else {
        rc |= set_html(p, v, "label", label);
        rc |= set(v, "shape", "plaintext");
        rc |= set(v, "style", "");
    }
    return rc ? KG_ERENDER : KG_OK;
}

/*
 * Small multiples: one panel per frame in a grid, every panel a copy of
 * the laid-out union u with its positions shifted, painted for its date.
 */
static int build_panels(Agraph_t **out, const rctx *c, Agraph_t *u,
                        kg_error *err)
{
    const rmodel *m = c->m;
    Agraph_t *p = NULL;
    double llx, lly, urx, ury, w, h, pw, ph;
    size_t f, i, cols, rows;
    char prefix[32], name[64], other[64];
    int rc;

    if (sscanf(get(u, "bb"), "%lf,%lf,%lf,%lf", &llx, &lly, &urx, &ury) !=
        4)
        return gv_fail(err, "the union layout has no bounding box");
    w = urx - llx;
    h = ury - lly;
    /* grid: the column count whose overall shape is closest to 4:3 */
    cols = 1;
    {
        double best = 1e300;
        size_t k;
        for (k = 1; k <= m->nframes; k++) {
            size_t r = (m->nframes + k - 1) / k;
            double aspect = (k * (w + 40)) / (r * (h + 70));
            double score = fabs(log(aspect / (4.0 / 3.0)));
            if (score < best) {
                best = score;
                cols = k;
            }
        }
    }
    rows = (m->nframes + cols - 1) / cols;
    pw = ceil(w + 40); /* whole points: shifted positions print alike */
    ph = ceil(h + 70);

    rc = new_graph(&p, c, err);
    if (rc == KG_OK)
        rc = set(p, "layout", "nop2") == KG_OK &&
                     set(p, "splines", "true") == KG_OK
                 ? KG_OK
                 : gv_fail(err, "cannot set panel attributes");
    if (rc == KG_OK)
        rc = set_title(p, c, 1, err);
    if (rc != KG_OK)
        goto done;
    for (f = 0; f < m->nframes && rc == KG_OK; f++) {
        size_t col = f % cols, row = f / cols;
        double ox = (double)col * pw + 20 - llx;
        double oy = (double)(rows - 1 - row) * ph + 20 - lly;
        char date[KG_DATE_STRLEN];
        kg_buf head = KG_BUF_INIT;

        snprintf(prefix, sizeof prefix, "f%zu", f);
        snprintf(name, sizeof name, "f%zu_frame", f);
        rc = add_pinned(p, name, ox + llx + w / 2, oy + lly + (h + 30) / 2,
                        w + 24, h + 54, NULL, 1);
        kg_date_format(date, m->dates[f]);
        kg_buf_puts(&head, "<FONT POINT-SIZE=\"16\"><B>");
        kg_render__esc_html(&head, date, 0);
        kg_buf_puts(&head, "</B></FONT>");
        snprintf(name, sizeof name, "f%zu_date", f);
        if (rc == KG_OK)
            rc = add_pinned(p, name, ox + llx + w / 2, oy + ury + 16, w,
                            24, head.ptr, 0);
        kg_buf_release(&head);
        if (rc != KG_OK) {
            rc = gv_fail(err, "cannot add a panel");
            break;
        }
        rc = add_elements(p, c, prefix, (int)f, err);
        /* pin every copy where the union put it */
        for (i = 0; i < m->nn && rc == KG_OK; i++) {
            Agnode_t *src, *dst;
            if (!m->nodes[i].keep)
                continue;
            snprintf(name, sizeof name, "n%d", m->nodes[i].id);
            snprintf(other, sizeof other, "%sn%d", prefix, m->nodes[i].id);
            src = agnode(u, name, 0);
            dst = agnode(p, other, 0);
            if (!src || !dst) {
                rc = kg_error_set(err, KG_ERENDER, "lost a node");
                goto done;
            }
            rc = copy_pos(dst, src, "pos", ox, oy);
            rc |= set(dst, "width", get(src, "width"));
            rc |= set(dst, "height", get(src, "height"));
        }
        for (i = 0; i < m->ne && rc == KG_OK; i++) {
            Agedge_t *src, *dst;
            Agnode_t *a, *b;
            const redge *e = &m->edges[i];
            if (!e->keep)
                continue;
            snprintf(name, sizeof name, "n%d", m->nodes[e->a].id);
            snprintf(other, sizeof other, "n%d", m->nodes[e->b].id);
            a = agnode(u, name, 0);
            b = agnode(u, other, 0);
            snprintf(name, sizeof name, "e%d", e->id);
            src = a && b ? agedge(u, a, b, name, 0) : NULL;
            snprintf(name, sizeof name, "%sn%d", prefix, m->nodes[e->a].id);
            snprintf(other, sizeof other, "%sn%d", prefix,
                     m->nodes[e->b].id);
            a = agnode(p, name, 0);
            b = agnode(p, other, 0);
            snprintf(name, sizeof name, "%se%d", prefix, e->id);
            dst = a && b ? agedge(p, a, b, name, 0) : NULL;
            if (!src || !dst) {
                rc = kg_error_set(err, KG_ERENDER, "lost an edge");
                goto done;
            }
            rc = copy_pos(dst, src, "pos", ox, oy);
            rc |= copy_pos(dst, src, "lp", ox, oy);
            rc |= copy_pos(dst, src, "xlp", ox, oy);
        }
        /* rc may be several codes or-ed together by now: one code */
        if (rc != KG_OK && (!err || err->code == KG_OK))
            rc = gv_fail(err, "cannot pin a panel");
    }
done:
    if (rc != KG_OK) {
        if (p)
            agclose(p);
        p = NULL;
    }
    *out = p;
    return rc;
}

int kg_render_timeline(kg_buf *out, kg_render_info *info,
                       const kg_tieset *frames, const kg_date *dates,
                       size_t n, const kg_render_opts *opts, kg_error *err)
{
    GVC_t *gvc = NULL;
    Agraph_t *u = NULL, *p = NULL;
    kg_buf svg = KG_BUF_INIT, scratch = KG_BUF_INIT;
    rmodel m;
    rctx c;
    int rc, u_laid = 0, p_laid = 0;

    memset(&m, 0, sizeof m);
    if (!opts)
        opts = &default_opts;
    if (n < 1 || n > 64) {
        rc = kg_error_set(err, KG_EINVAL,
                          "a timeline needs 1 to 64 dates, not %zu", n);
        goto done;
    }
    rc = kg_render__model_timeline(&m, frames, dates, n, err);
    if (rc == KG_OK)
        rc = kg_render__model_filter(&m, opts, err);
    if (rc != KG_OK)
        goto done;
    choose(&c, &m, opts);
    rc = new_graph(&u, &c, err);
    if (rc == KG_OK && opts->format == KG_RENDER_HTML)
        rc = set_title(u, &c, 0, err);
    if (rc == KG_OK)
        rc = add_elements(u, &c, "", -1, err);
    if (rc != KG_OK)
        goto done;
    gvc = context(err);
    if (!gvc) {
        rc = KG_ERENDER;
        goto done;
    }
    rc = layout(gvc, u, c.engine, err);
    if (rc != KG_OK)
        goto done;
    u_laid = 1;
    if (opts->format == KG_RENDER_HTML) {
        rc = render_data(&svg, gvc, u, "svg", err);
        if (rc == KG_OK)
            rc = kg_render__html(out, &m, svg.ptr, svg.len, NULL, err);
        goto done;
    }
    /* rendering as DOT writes pos, lp and bb into u's attributes */
    rc = render_data(&scratch, gvc, u, "dot", err);
    if (rc == KG_OK)
        rc = build_panels(&p, &c, u, err);
    if (rc == KG_OK)
        rc = layout(gvc, p, "nop2", err);
    if (rc != KG_OK)
        goto done;
    p_laid = 1;
    rc = render_data(out, gvc, p, gv_format(opts->format), err);
done:
    if (rc == KG_OK)
        fill_info(info, &c);
    if (p_laid)
        gvFreeLayout(gvc, p);
    if (p)
        agclose(p);
    if (u_laid)
        gvFreeLayout(gvc, u);
    if (u)
        agclose(u);
    kg_buf_release(&svg);
    kg_buf_release(&scratch);
    kg_render__model_release(&m);
    return rc;
}

/* --- small public helpers ------------------------------------------------ */

int kg_render_format_for_path(kg_render_format *out, const char *path,
                              kg_error *err)
{
    static const struct {
        const char *ext;
        kg_render_format f;
    } exts[] = {{".dot", KG_RENDER_DOT}, {".gv", KG_RENDER_DOT},
                {".svg", KG_RENDER_SVG}, {".png", KG_RENDER_PNG},
                {".pdf", KG_RENDER_PDF}, {".html", KG_RENDER_HTML},
                {".htm", KG_RENDER_HTML}};
    const char *dot = path ? strrchr(path, '.') : NULL;
    size_t i;
    for (i = 0; dot && i < sizeof exts / sizeof exts[0]; i++) {
        if (strcasecmp(dot, exts[i].ext) == 0) {
            *out = exts[i].f;
            return KG_OK;
        }
    }
    return kg_error_set(err, KG_EINVAL,
                        "cannot tell the format of '%s': use .dot, .svg, "
                        ".png, .pdf or .html",
                        path ? path : "");
}

int kg_render_layout_parse(kg_render_layout *out, const char *name,
                           kg_error *err)
{
    static const char *const names[] = {"dot", "neato", "sfdp", "circo"};
    size_t i;
    for (i = 0; name && i < 4; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (kg_render_layout)(KG_LAYOUT_DOT + (int)i);
            return KG_OK;
        }
    }
    return kg_error_set(err, KG_EINVAL,
                        "unknown layout '%s' (dot, neato, sfdp or circo)",
                        name ? name : "");
}
