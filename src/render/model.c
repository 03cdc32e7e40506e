/*
 * model.c: from the input sets to a sorted model of entities and ties,
 * and the filters that decide what is drawn (focus/hops, max_nodes).
 *
 * Sorting here is what makes the DOT output deterministic: entities by
 * name (bytewise), ties by subject, relation, object, then valid_from.
 * A timeline merges the same tie (subject, relation, object) across
 * frames into one edge that knows in which frames it is present.
 */
#include <stdlib.h>
#include <string.h>

#include "kg/graph.h"
#include "render/render_int.h"

/* One input tie before merging: where it came from. */
typedef struct item {
    const kg_tie *tie;
    size_t frame;
    size_t seq;           /* input position, the last tie-breaker */
    const kg_change *change;
} item;

static int cmp_tie(const kg_tie *x, const kg_tie *y)
{
    int c = strcmp(x->subject, y->subject);
    if (c)
        return c;
    if (x->relation != y->relation)
        return x->relation < y->relation ? -1 : 1;
    return strcmp(x->object, y->object);
}

static int cmp_item(const void *pa, const void *pb)
{
    const item *a = pa, *b = pb;
    int c = cmp_tie(a->tie, b->tie);
    if (c)
        return c;
    if (a->frame != b->frame)
        return a->frame < b->frame ? -1 : 1;
    c = kg_date_cmp(a->tie->valid_from, b->tie->valid_from);
    if (c)
        return c;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_name(const void *pa, const void *pb)
{
    const rnode *a = pa, *b = pb;
    return strcmp(a->name, b->name);
}

static size_t find_node(const rmodel *m, const char *name)
{
    rnode key, *hit;
    key.name = name;
    hit = bsearch(&key, m->nodes, m->nn, sizeof *m->nodes, cmp_name);
    return hit ? (size_t)(hit - m->nodes) : (size_t)-1;
}

static int valid_tie(const kg_tie *t)
{
    return t->subject && t->object && t->relation >= 0 &&
           t->relation < KG_REL__COUNT;
}

/*
 * Build nodes and edges from items (sorted here).  merge: equal ties in
 * different frames become one edge (timelines); otherwise every item is
 * its own edge.
 */
static int build(rmodel *m, item *items, size_t n, size_t nframes, int merge,
                 kg_error *err)
{
    size_t i, j, k;
    rnode *names = NULL;
    qsort(items, n, sizeof *items, cmp_item);
    m->nframes = nframes;
    m->edges = calloc(n ? n : 1, sizeof *m->edges);
    m->atv = calloc(n * nframes + 1, sizeof *m->atv);
    names = calloc(2 * n + 1, sizeof *names);
    if (!m->edges || !m->atv || !names) {
        free(names);
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    }
    for (i = 0; i < n; i++) {
        redge *e;
        if (merge && m->ne &&
            cmp_tie(m->edges[m->ne - 1].tie, items[i].tie) == 0) {
            e = &m->edges[m->ne - 1];
        } else {
            e = &m->edges[m->ne];
            e->at = m->atv + m->ne * nframes;
            e->change = -1;
            m->ne++;
        }
        e->tie = items[i].tie; /* items are in frame order: latest wins */
        e->at[items[i].frame] = items[i].tie;
        if (items[i].change) {
            e->change = (int)items[i].change->change;
            e->before = items[i].change->before;
            e->after = items[i].change->after;
        }
        names[2 * i].name = items[i].tie->subject;
        names[2 * i].kind = items[i].tie->subject_kind;
        names[2 * i + 1].name = items[i].tie->object;
        names[2 * i + 1].kind = items[i].tie->object_kind;
    }
    /* unique entity names; the first tie naming an entity gives its kind */
    qsort(names, 2 * n, sizeof *names, cmp_name);
    for (i = 0, k = 0; i < 2 * n; i = j) {
        for (j = i + 1; j < 2 * n && strcmp(names[j].name, names[i].name) == 0;
             j++)
            ;
        names[k] = names[i];
        if ((int)names[k].kind < 0 || names[k].kind >= KG_KIND__COUNT)
            names[k].kind = KG_KIND_ORG;
        names[k].keep = 1;
        names[k].id = -1;
        k++;
    }
    m->nodes = names;
    m->nn = k;
    for (i = 0; i < m->ne; i++) {
        redge *e = &m->edges[i];
        e->a = find_node(m, e->tie->subject);
        e->b = find_node(m, e->tie->object);
        e->keep = 1;
        e->id = -1;
    }
    return KG_OK;
}

int kg_render__model_snapshot(rmodel *m, const kg_tieset *ties, kg_date at,
                              kg_error *err)
{
    item *items;
    size_t i, n = 0;
    int rc;
    memset(m, 0, sizeof *m);
    m->mode = RMODE_SNAPSHOT;
    m->from = at;
    items = calloc(ties->n ? ties->n : 1, sizeof *items);
    if (!items)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    for (i = 0; i < ties->n; i++) {
        if (!valid_tie(&ties->v[i]))
            continue;
        items[n].tie = &ties->v[i];
        items[n].seq = i;
        n++;
    }
    rc = build(m, items, n, 1, 0, err);
    free(items);
    return rc;
}

int kg_render__model_diff(rmodel *m, const kg_changeset *changes,
                          kg_error *err)
{
    item *items;
    size_t i, n = 0;
    int rc;
    memset(m, 0, sizeof *m);
    m->mode = RMODE_DIFF;
    m->from = changes->from;
    m->to = changes->to;
    items = calloc(changes->n ? changes->n : 1, sizeof *items);
    if (!items)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    for (i = 0; i < changes->n; i++) {
        const kg_change *c = &changes->v[i];
        if (!valid_tie(&c->tie) || (int)c->change < 0 ||
            c->change >= KG_CHANGE__COUNT)
            continue;
        items[n].tie = &c->tie;
        items[n].change = c;
        items[n].seq = i;
        n++;
    }
    rc = build(m, items, n, 1, 0, err);
    free(items);
    return rc;
}

int kg_render__model_timeline(rmodel *m, const kg_tieset *frames,
                              const kg_date *dates, size_t n,
                              kg_error *err)
{
    item *items;
    size_t f, i, total = 0, k = 0;
    int rc;
    memset(m, 0, sizeof *m);
    m->mode = RMODE_TIMELINE;
    m->dates = dates;
    for (f = 0; f < n; f++)
        total += frames[f].n;
    items = calloc(total ? total : 1, sizeof *items);
    if (!items)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    for (f = 0; f < n; f++) {
        for (i = 0; i < frames[f].n; i++) {
            if (!valid_tie(&frames[f].v[i]))
                continue;
            items[k].tie = &frames[f].v[i];
            items[k].frame = f;
            items[k].seq = k;
            k++;
        }
    }
    rc = build(m, items, k, n, 1, err);
    free(items);
    return rc;
}

/* Order for max_nodes: highest PageRank, then most ties, then by name. */
typedef struct ranked {
    size_t idx, degree;
    double score;
    const char *name;
} ranked;

static int cmp_rank(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    double tol = 1e-9 * (a->score > b->score ? a->score : b->score);
    if (a->score > b->score + tol || b->score > a->score + tol)
        return a->score > b->score ? -1 : 1;
    if (a->degree != b->degree)
        return a->degree > b->degree ? -1 : 1;
    return strcmp(a->name, b->name);
}

static void count_degrees(rmodel *m)
{
    size_t i;
    for (i = 0; i < m->nn; i++)
        m->nodes[i].degree = 0;
    for (i = 0; i < m->ne; i++) {
        redge *e = &m->edges[i];
        e->keep = m->nodes[e->a].keep && m->nodes[e->b].keep;
        if (!e->keep)
            continue;
        m->nodes[e->a].degree++;
        if (e->b != e->a)
            m->nodes[e->b].degree++;
    }
}

/* Keep the entities within hops of the one named focus. */
static int apply_focus(rmodel *m, const char *focus, int hops, kg_error *err)
{
    size_t i, f = find_node(m, focus);
    int *dist, d, changed = 1;
    if (f == (size_t)-1)
        return kg_error_set(err, KG_ENOTFOUND,
                            "entity '%s' is not in the graph", focus);
    if (hops < 0)
        return kg_error_set(err, KG_EINVAL, "hops must be 0 or more");
    dist = malloc((m->nn ? m->nn : 1) * sizeof *dist);
    if (!dist)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    for (i = 0; i < m->nn; i++)
        dist[i] = -1;
    dist[f] = 0;
    for (d = 0; d < hops && changed; d++) {
        changed = 0;
        for (i = 0; i < m->ne; i++) {
            const redge *e = &m->edges[i];
            if (dist[e->a] == d && dist[e->b] < 0) {
                dist[e->b] = d + 1;
                changed = 1;
            } else if (dist[e->b] == d && dist[e->a] < 0) {
                dist[e->a] = d + 1;
                changed = 1;
            }
        }
    }
    for (i = 0; i < m->nn; i++)
        m->nodes[i].keep = dist[i] >= 0;
    free(dist);
    return KG_OK;
}

/*
 * PageRank (src/graph, igraph) of the kept entities over the kept ties,
 * into order[k].score; order[] holds the kept node indexes.
 */
static int pagerank(ranked *order, size_t n, const rmodel *m, kg_error *err)
{
    kg_tieset set;
    kg_graph *g = NULL;
    double *scores = NULL;
    size_t i, v;
    int rc;
    memset(&set, 0, sizeof set);
    set.v = malloc((m->ne + 1) * sizeof *set.v);
    if (!set.v)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    for (i = 0; i < m->ne; i++)
        if (m->edges[i].keep)
            set.v[set.n++] = *m->edges[i].tie;
    rc = kg_graph_new(&g, &set, err);
    if (rc == KG_OK) {
        scores = calloc(kg_graph_vcount(g) + 1, sizeof *scores);
        rc = scores ? kg_graph_rank(scores, g, KG_RANK_PAGERANK, err)
                    : kg_error_set(err, KG_ENOMEM, "out of memory");
    }
    for (i = 0; rc == KG_OK && i < n; i++) {
        order[i].score = 0; /* an entity without ties ranks last */
        if (kg_graph_find(&v, g, order[i].name) == KG_OK)
            order[i].score = scores[v];
    }
    free(scores);
    kg_graph_free(g);
    free(set.v);
    return rc;
}

int kg_render__model_filter(rmodel *m, const kg_render_opts *opts,
                            kg_error *err)
{
    size_t i, kept = 0;
    ranked *order = NULL;
    int rc = KG_OK, id;
    if (opts->focus) {
        rc = apply_focus(m, opts->focus, opts->hops, err);
        if (rc != KG_OK)
            return rc;
    }
    count_degrees(m);
    for (i = 0; i < m->nn; i++)
        kept += m->nodes[i].keep != 0;
    m->omitted = 0;
    if (opts->max_nodes && kept > opts->max_nodes) {
        size_t k = 0;
        order = malloc(kept * sizeof *order);
        if (!order)
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        for (i = 0; i < m->nn; i++)
            if (m->nodes[i].keep) {
                order[k].idx = i;
                order[k].degree = m->nodes[i].degree;
                order[k].name = m->nodes[i].name;
                k++;
            }
        rc = pagerank(order, kept, m, err);
        if (rc != KG_OK) {
            free(order);
            return rc;
        }
        qsort(order, kept, sizeof *order, cmp_rank);
        for (k = opts->max_nodes; k < kept; k++)
            m->nodes[order[k].idx].keep = 0;
        m->omitted = kept - opts->max_nodes;
        free(order);
        count_degrees(m);
        /* an entity whose ties all went out with the others goes too */
        for (i = 0; i < m->nn; i++) {
            rnode *v = &m->nodes[i];
            if (v->keep && v->degree == 0 &&
                !(opts->focus && strcmp(v->name, opts->focus) == 0)) {
                v->keep = 0;
                m->omitted++;
            }
        }
    }
    m->kept_nodes = m->kept_edges = 0;
    for (i = 0, id = 0; i < m->nn; i++) {
        m->nodes[i].id = m->nodes[i].keep ? id++ : -1;
        m->kept_nodes += m->nodes[i].keep != 0;
    }
    for (i = 0, id = 0; i < m->ne; i++) {
        m->edges[i].id = m->edges[i].keep ? id++ : -1;
        m->kept_edges += m->edges[i].keep != 0;
    }
    return rc;
}

void kg_render__model_release(rmodel *m)
{
    if (!m)
        return;
    free(m->nodes);
    free(m->edges);
    free(m->atv);
    memset(m, 0, sizeof *m);
}
