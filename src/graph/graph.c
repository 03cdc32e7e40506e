/*
 * graph.c: kg_graph (graph.h), a snapshot as an igraph graph.  The only
 * file besides graph_init.c that includes igraph.h.
 *
 * Vertices are the distinct entity names of the tie set, numbered in name
 * order; a small open-addressing hash maps a name to its number while the
 * edges are built (a snapshot has up to a million ties, so no sorting of
 * all endpoints).  Every igraph call is checked; igraph's error handler is
 * the "ignore" one (graph_init.c), and objects are destroyed in reverse
 * order at one exit (no IGRAPH_FINALLY, STYLE.md 5).
 */
#include <igraph.h>
#include <stdlib.h>
#include <string.h>

#include "kg/graph.h"

struct kg_graph {
    igraph_t g;
    const kg_tieset *set;
    size_t nv;
    const char **names;  /* nv, sorted */
    kg_kind *kinds;      /* nv */
    size_t *from, *to;   /* per edge (= per tie) */
};

static int gerr(kg_error *err, igraph_error_t e, const char *what)
{
    if (e == IGRAPH_ENOMEM)
        return kg_error_set(err, KG_ENOMEM, "%s: out of memory", what);
    return kg_error_set(err, KG_EGRAPH, "%s: %s", what, igraph_strerror(e));
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Collect the distinct names of set into g->names (sorted) and fill
 * g->from/g->to with their vertex numbers.
 */
static int index_names(kg_graph *g, kg_error *err)
{
    const kg_tieset *set = g->set;
    size_t cap = 16, i, k, mask, nv = 0;
    size_t *slot = NULL, *tmp_id = NULL, *rank = NULL;
    const char **uniq = NULL;
    kg_kind *ukind = NULL;
    int rc = KG_ENOMEM;

    while (cap < set->n * 4 + 16)
        cap *= 2;
    mask = cap - 1;
    slot = malloc(cap * sizeof *slot);
    uniq = malloc((set->n * 2 + 1) * sizeof *uniq);
    ukind = malloc((set->n * 2 + 1) * sizeof *ukind);
    if (!slot || !uniq || !ukind)
        goto done;
    for (i = 0; i < cap; i++)
        slot[i] = (size_t)-1;
    /* pass 1: unique names in first-seen order, ends as temporary ids */
    for (i = 0; i < set->n * 2; i++) {
        const kg_tie *t = &set->v[i / 2];
        const char *name = i % 2 ? t->object : t->subject;
        kg_kind kind = i % 2 ? t->object_kind : t->subject_kind;
        size_t h;
        if (!name)
            name = "";
        h = (size_t)hash_str(name) & mask;
        while (slot[h] != (size_t)-1 && strcmp(uniq[slot[h]], name) != 0)
            h = (h + 1) & mask;
        if (slot[h] == (size_t)-1) {
            slot[h] = nv;
            uniq[nv] = name;
            ukind[nv] = kind;
            nv++;
        }
        if (i % 2)
            g->to[i / 2] = slot[h];
        else
            g->from[i / 2] = slot[h];
    }
    /* pass 2: sort the names and renumber the ends */
    g->names = malloc((nv + 1) * sizeof *g->names);
    g->kinds = malloc((nv + 1) * sizeof *g->kinds);
    tmp_id = malloc((nv + 1) * sizeof *tmp_id);
    rank = malloc((nv + 1) * sizeof *rank);
    if (!g->names || !g->kinds || !tmp_id || !rank)
        goto done;
    memcpy(g->names, uniq, nv * sizeof *uniq);
    qsort(g->names, nv, sizeof *g->names, cmp_name);
    for (k = 0; k < nv; k++) {
        /* find the temporary id of sorted name k through the hash */
        size_t h = (size_t)hash_str(g->names[k]) & mask;
        while (strcmp(uniq[slot[h]], g->names[k]) != 0)
            h = (h + 1) & mask;
        rank[slot[h]] = k;
        g->kinds[k] = ukind[slot[h]];
    }
    for (i = 0; i < set->n; i++) {
        g->from[i] = rank[g->from[i]];
        g->to[i] = rank[g->to[i]];
    }
    g->nv = nv;
    rc = KG_OK;
done:
    if (rc != KG_OK)
        kg_error_set(err, rc, "cannot index the graph: out of memory");
    free(rank);
    free(tmp_id);
    free(ukind);
    free(uniq);
    free(slot);
    return rc;
}

void kg_graph_free(kg_graph *g)
{
    if (!g)
        return;
    igraph_destroy(&g->g);
    free(g->names);
    free(g->kinds);
    free(g->from);
    free(g->to);
    free(g);
}

int kg_graph_new(kg_graph **out, const kg_tieset *set, kg_error *err)
{
    kg_graph *g = NULL;
    igraph_vector_int_t edges;
    int have_edges = 0, have_graph = 0, rc = KG_ENOMEM;
    igraph_error_t e;
    size_t i;

    *out = NULL;
    g = calloc(1, sizeof *g);
    if (!g)
        goto nomem;
    g->set = set;
    g->from = malloc((set->n + 1) * sizeof *g->from);
    g->to = malloc((set->n + 1) * sizeof *g->to);
    if (!g->from || !g->to)
        goto nomem;
    if ((rc = index_names(g, err)) != KG_OK)
        goto done;
    if ((e = igraph_vector_int_init(&edges, (igraph_integer_t)set->n * 2)))
        goto igr;
    have_edges = 1;
    for (i = 0; i < set->n; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)g->from[i];
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)g->to[i];
    }
    if ((e = igraph_create(&g->g, &edges, (igraph_integer_t)g->nv,
                           IGRAPH_DIRECTED)))
        goto igr;
    have_graph = 1;
    rc = KG_OK;
    goto done;
igr:
    rc = gerr(err, e, "cannot build the graph");
    goto done;
nomem:
    rc = kg_error_set(err, KG_ENOMEM, "cannot build the graph: out of "
                                      "memory");
done:
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    if (rc != KG_OK) {
        if (g && !have_graph) {
            /* kg_graph_free would destroy an uninitialised igraph_t */
            free(g->names);
            free(g->kinds);
            free(g->from);
            free(g->to);
            free(g);
        } else {
            kg_graph_free(g);
        }
        return rc;
    }
    *out = g;
    return KG_OK;
}

size_t kg_graph_vcount(const kg_graph *g)
{
    return g->nv;
}

size_t kg_graph_ecount(const kg_graph *g)
{
    return g->set->n;
}

const char *kg_graph_name(const kg_graph *g, size_t v)
{
    return v < g->nv ? g->names[v] : NULL;
}

kg_kind kg_graph_kind(const kg_graph *g, size_t v)
{
    return v < g->nv ? g->kinds[v] : KG_KIND_ORG;
}

const kg_tie *kg_graph_tie(const kg_graph *g, size_t e)
{
    return e < g->set->n ? &g->set->v[e] : NULL;
}

size_t kg_graph_from(const kg_graph *g, size_t e)
{
    return g->from[e];
}

size_t kg_graph_to(const kg_graph *g, size_t e)
{
    return g->to[e];
}

int kg_graph_find(size_t *out, const kg_graph *g, const char *name)
{
    const char **hit =
        bsearch(&name, g->names, g->nv, sizeof *g->names, cmp_name);
    if (!hit)
        return KG_ENOTFOUND;
    *out = (size_t)(hit - g->names);
    return KG_OK;
}

int kg_graph_rank(double *scores, const kg_graph *g, kg_rank_by by,
                  kg_error *err)
{
    igraph_vector_t res;
    igraph_vector_int_t deg;
    igraph_error_t e = IGRAPH_SUCCESS;
    igraph_real_t value;
    size_t i;

    if (g->nv == 0)
        return KG_OK;
    if (by == KG_RANK_DEGREE) {
        if ((e = igraph_vector_int_init(&deg, 0)))
            return gerr(err, e, "degree");
        e = igraph_degree(&g->g, &deg, igraph_vss_all(), IGRAPH_ALL,
                          IGRAPH_LOOPS);
        for (i = 0; !e && i < g->nv; i++)
            scores[i] = (double)VECTOR(deg)[i];
        igraph_vector_int_destroy(&deg);
        return e ? gerr(err, e, "degree") : KG_OK;
    }
    if ((e = igraph_vector_init(&res, 0)))
        return gerr(err, e, "rank");
    if (by == KG_RANK_PAGERANK)
        e = igraph_pagerank(&g->g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value,
                            igraph_vss_all(), 0, 0.85, NULL, NULL);
    else
        e = igraph_betweenness(&g->g, &res, igraph_vss_all(), 0, NULL);
    for (i = 0; !e && i < g->nv; i++)
        scores[i] = VECTOR(res)[i];
    igraph_vector_destroy(&res);
    if (e)
        return gerr(err, e, by == KG_RANK_PAGERANK ? "pagerank"
                                                   : "betweenness");
    return KG_OK;
}

int kg_graph_betweenness(double *scores, const kg_graph *g, int cutoff,
                         kg_error *err)
{
    igraph_vector_t res;
    igraph_error_t e;
    size_t i;
    if (cutoff <= 0)
        return kg_graph_rank(scores, g, KG_RANK_BETWEENNESS, err);
    if (g->nv == 0)
        return KG_OK;
    if ((e = igraph_vector_init(&res, 0)))
        return gerr(err, e, "betweenness");
    e = igraph_betweenness_cutoff(&g->g, &res, igraph_vss_all(), 0, NULL,
                                  (igraph_real_t)cutoff);
    for (i = 0; !e && i < g->nv; i++)
        scores[i] = VECTOR(res)[i];
    igraph_vector_destroy(&res);
    return e ? gerr(err, e, "betweenness") : KG_OK;
}

/*
 * Renumber a membership vector: the largest group becomes 0, ties in size
 * go to the group whose first (lowest-numbered, so first by name) vertex
 * comes first.  Deterministic whatever numbering igraph chose.
 */
typedef struct group {
    size_t id, size, first;
} group;

static int cmp_group(const void *pa, const void *pb)
{
    const group *a = pa, *b = pb;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

static int renumber(size_t *membership, const igraph_vector_int_t *m,
                    size_t nv, size_t ngroups)
{
    group *gr = calloc(ngroups + 1, sizeof *gr);
    size_t *map = malloc((ngroups + 1) * sizeof *map);
    size_t i;
    if (!gr || !map) {
        free(gr);
        free(map);
        return KG_ENOMEM;
    }
    for (i = 0; i < ngroups; i++) {
        gr[i].id = i;
        gr[i].first = (size_t)-1;
    }
    for (i = 0; i < nv; i++) {
        size_t c = (size_t)VECTOR(*m)[i];
        gr[c].size++;
        if (gr[c].first == (size_t)-1)
            gr[c].first = i;
    }
    qsort(gr, ngroups, sizeof *gr, cmp_group);
    for (i = 0; i < ngroups; i++)
        map[gr[i].id] = i;
    for (i = 0; i < nv; i++)
        membership[i] = map[(size_t)VECTOR(*m)[i]];
    free(gr);
    free(map);
    return KG_OK;
}

int kg_graph_components(size_t *membership, size_t *n, const kg_graph *g,
                        kg_error *err)
{
    igraph_vector_int_t m;
    igraph_integer_t no = 0;
    igraph_error_t e;
    int rc;

    *n = 0;
    if (g->nv == 0)
        return KG_OK;
    if ((e = igraph_vector_int_init(&m, 0)))
        return gerr(err, e, "components");
    e = igraph_connected_components(&g->g, &m, NULL, &no, IGRAPH_WEAK);
    if (e) {
        igraph_vector_int_destroy(&m);
        return gerr(err, e, "components");
    }
    rc = renumber(membership, &m, g->nv, (size_t)no);
    igraph_vector_int_destroy(&m);
    if (rc != KG_OK)
        return kg_error_set(err, rc, "components: out of memory");
    *n = (size_t)no;
    return KG_OK;
}

/* An undirected pair (u < v) with a multiplicity, for the weighted graph. */
typedef struct pair {
    size_t u, v;
} pair;

static int cmp_pair(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;
    if (a->u != b->u)
        return (a->u > b->u) - (a->u < b->u);
    return (a->v > b->v) - (a->v < b->v);
}

int kg_graph_communities(size_t *membership, size_t *n, double *modularity,
                         const kg_graph *g, unsigned long seed,
                         kg_error *err)
{
    pair *p = NULL;
    size_t np = 0, nu = 0, i;
    igraph_t ug;
    igraph_vector_int_t edges, m;
    igraph_vector_t w, nw;
    igraph_integer_t nb = 0;
    igraph_real_t quality = 0, total = 0;
    igraph_error_t e = IGRAPH_SUCCESS;
    int have_ug = 0, have_e = 0, have_w = 0, have_nw = 0, have_m = 0;
    int rc = KG_OK;

    *n = 0;
    if (modularity)
        *modularity = 0;
    if (g->nv == 0)
        return KG_OK;
    /* collapse the ties into weighted undirected pairs, loops dropped */
    p = malloc((g->set->n + 1) * sizeof *p);
    if (!p) {
        rc = kg_error_set(err, KG_ENOMEM, "communities: out of memory");
        goto done;
    }
    for (i = 0; i < g->set->n; i++) {
        size_t a = g->from[i], b = g->to[i];
        if (a == b)
            continue;
        p[np].u = a < b ? a : b;
        p[np].v = a < b ? b : a;
        np++;
    }
    qsort(p, np, sizeof *p, cmp_pair);
    if ((e = igraph_vector_int_init(&edges, 0)))
        goto igr;
    have_e = 1;
    if ((e = igraph_vector_init(&w, 0)))
        goto igr;
    have_w = 1;
    for (i = 0; i < np; i++) {
        if (nu && p[i].u == p[nu - 1].u && p[i].v == p[nu - 1].v) {
            VECTOR(w)[nu - 1] += 1;
            continue;
        }
        p[nu++] = p[i];
        if ((e = igraph_vector_int_push_back(&edges, (igraph_integer_t)p[i].u)) ||
            (e = igraph_vector_int_push_back(&edges, (igraph_integer_t)p[i].v)) ||
            (e = igraph_vector_push_back(&w, 1)))
            goto igr;
    }
    if ((e = igraph_create(&ug, &edges, (igraph_integer_t)g->nv,
                           IGRAPH_UNDIRECTED)))
        goto igr;
    have_ug = 1;
    /* modularity through Leiden: node weights = strength, gamma = 1/2m */
    if ((e = igraph_vector_init(&nw, 0)))
        goto igr;
    have_nw = 1;
    if ((e = igraph_strength(&ug, &nw, igraph_vss_all(), IGRAPH_ALL,
                             IGRAPH_LOOPS, &w)))
        goto igr;
    for (i = 0; i < nu; i++)
        total += VECTOR(w)[i];
    if ((e = igraph_vector_int_init(&m, 0)))
        goto igr;
    have_m = 1;
    if (total > 0) {
        if ((e = igraph_rng_seed(igraph_rng_default(), seed)))
            goto igr;
        if ((e = igraph_community_leiden(&ug, &w, &nw, 1.0 / (2 * total),
                                         0.01, 0, -1, &m, &nb, &quality)))
            goto igr;
        if (modularity &&
            (e = igraph_modularity(&ug, &m, &w, 1.0, 0, &quality)) == 0)
            *modularity = quality;
        if (e)
            goto igr;
    } else {
        /* no edges between distinct vertices: each vertex alone */
        if ((e = igraph_vector_int_resize(&m, (igraph_integer_t)g->nv)))
            goto igr;
        for (i = 0; i < g->nv; i++)
            VECTOR(m)[i] = (igraph_integer_t)i;
        nb = (igraph_integer_t)g->nv;
    }
    if ((rc = renumber(membership, &m, g->nv, (size_t)nb)) != KG_OK) {
        kg_error_set(err, rc, "communities: out of memory");
        goto done;
    }
    *n = (size_t)nb;
    goto done;
igr:
    rc = gerr(err, e, "communities");
done:
    if (have_m)
        igraph_vector_int_destroy(&m);
    if (have_nw)
        igraph_vector_destroy(&nw);
    if (have_ug)
        igraph_destroy(&ug);
    if (have_w)
        igraph_vector_destroy(&w);
    if (have_e)
        igraph_vector_int_destroy(&edges);
    free(p);
    return rc;
}

void kg_paths_release(kg_paths *p)
{
    if (!p)
        return;
    free(p->vertices);
    free(p->edges);
    memset(p, 0, sizeof *p);
}

/* Sorting paths: by the names along the way, then by the edge ids. */
static const kg_graph *sort_graph;
static size_t sort_len;

static int cmp_path(const void *pa, const void *pb)
{
    const size_t *a = pa, *b = pb; /* [vertices len+1][edges len] */
    size_t i;
    int c;
    for (i = 0; i <= sort_len; i++)
        if ((c = strcmp(sort_graph->names[a[i]], sort_graph->names[b[i]])))
            return c;
    for (i = 0; i < sort_len; i++) {
        const kg_tie *x = &sort_graph->set->v[a[sort_len + 1 + i]];
        const kg_tie *y = &sort_graph->set->v[b[sort_len + 1 + i]];
        if (x->relation != y->relation)
            return strcmp(kg_relation_name(x->relation),
                          kg_relation_name(y->relation));
    }
    for (i = 0; i < sort_len; i++)
        if (a[sort_len + 1 + i] != b[sort_len + 1 + i])
            return a[sort_len + 1 + i] > b[sort_len + 1 + i] ? 1 : -1;
    return 0;
}

int kg_graph_paths(kg_paths *out, const kg_graph *g, size_t from, size_t to,
                   size_t max, kg_error *err)
{
    igraph_vector_int_list_t vl, el;
    igraph_error_t e;
    size_t np, len, i, j, stride;
    size_t *rows = NULL;
    int rc = KG_OK;

    memset(out, 0, sizeof *out);
    if (from >= g->nv || to >= g->nv)
        return kg_error_set(err, KG_EINVAL, "paths: no such vertex");
    if ((e = igraph_vector_int_list_init(&vl, 0)))
        return gerr(err, e, "paths");
    if ((e = igraph_vector_int_list_init(&el, 0))) {
        igraph_vector_int_list_destroy(&vl);
        return gerr(err, e, "paths");
    }
    e = igraph_get_all_shortest_paths(&g->g, &vl, &el, NULL,
                                      (igraph_integer_t)from,
                                      igraph_vss_1((igraph_integer_t)to),
                                      IGRAPH_ALL);
    if (e) {
        rc = gerr(err, e, "paths");
        goto done;
    }
    np = (size_t)igraph_vector_int_list_size(&el);
    if (np == 0)
        goto done;
    len = (size_t)igraph_vector_int_size(igraph_vector_int_list_get_ptr(&el, 0));
    stride = 2 * len + 1;
    rows = malloc(np * stride * sizeof *rows);
    if (!rows) {
        rc = kg_error_set(err, KG_ENOMEM, "paths: out of memory");
        goto done;
    }
    for (i = 0; i < np; i++) {
        igraph_vector_int_t *vp = igraph_vector_int_list_get_ptr(&vl, (igraph_integer_t)i);
        igraph_vector_int_t *ep = igraph_vector_int_list_get_ptr(&el, (igraph_integer_t)i);
        for (j = 0; j <= len; j++)
            rows[i * stride + j] = (size_t)VECTOR(*vp)[j];
        for (j = 0; j < len; j++)
            rows[i * stride + len + 1 + j] = (size_t)VECTOR(*ep)[j];
    }
    sort_graph = g;
    sort_len = len;
    qsort(rows, np, stride * sizeof *rows, cmp_path);
    if (max && np > max)
        np = max;
    out->vertices = malloc(np * (len + 1) * sizeof *out->vertices);
    out->edges = malloc((np * len + 1) * sizeof *out->edges);
    if (!out->vertices || !out->edges) {
        kg_paths_release(out);
        rc = kg_error_set(err, KG_ENOMEM, "paths: out of memory");
        goto done;
    }
    for (i = 0; i < np; i++) {
        memcpy(out->vertices + i * (len + 1), rows + i * stride,
               (len + 1) * sizeof *rows);
        memcpy(out->edges + i * len, rows + i * stride + len + 1,
               len * sizeof *rows);
    }
    out->n = np;
    out->len = len;
done:
    free(rows);
    igraph_vector_int_list_destroy(&el);
    igraph_vector_int_list_destroy(&vl);
    return rc;
}

int kg_graph_ego(size_t *edges, size_t *n, const kg_graph *g, size_t v,
                 int hops, kg_error *err)
{
    igraph_vector_int_list_t res;
    igraph_vector_int_t *nodes;
    igraph_error_t e;
    unsigned char *in = NULL;
    size_t i;

    *n = 0;
    if (v >= g->nv)
        return kg_error_set(err, KG_EINVAL, "ego: no such vertex");
    if (hops <= 0)
        return KG_OK;
    if ((e = igraph_vector_int_list_init(&res, 0)))
        return gerr(err, e, "ego");
    e = igraph_neighborhood(&g->g, &res, igraph_vss_1((igraph_integer_t)v),
                            hops - 1, IGRAPH_ALL, 0);
    if (e) {
        igraph_vector_int_list_destroy(&res);
        return gerr(err, e, "ego");
    }
    in = calloc(g->nv, 1);
    if (!in) {
        igraph_vector_int_list_destroy(&res);
        return kg_error_set(err, KG_ENOMEM, "ego: out of memory");
    }
    nodes = igraph_vector_int_list_get_ptr(&res, 0);
    for (i = 0; i < (size_t)igraph_vector_int_size(nodes); i++)
        in[VECTOR(*nodes)[i]] = 1;
    for (i = 0; i < g->set->n; i++)
        if (in[g->from[i]] || in[g->to[i]])
            edges[(*n)++] = i;
    free(in);
    igraph_vector_int_list_destroy(&res);
    return KG_OK;
}

static void date_str(char buf[KG_DATE_STRLEN], kg_date d)
{
    kg_date_format(buf, d);
}

/* Set the attributes of the copy c (vertices and edges). */
static igraph_error_t set_attrs(igraph_t *c, const kg_graph *g)
{
    igraph_error_t e;
    size_t i;
    char buf[KG_DATE_STRLEN];
    for (i = 0; i < g->nv; i++) {
        igraph_integer_t v = (igraph_integer_t)i;
        if ((e = SETVAS(c, "name", v, g->names[i])) ||
            (e = SETVAS(c, "kind", v, kg_kind_name(g->kinds[i]))))
            return e;
    }
    for (i = 0; i < g->set->n; i++) {
        const kg_tie *t = &g->set->v[i];
        igraph_integer_t x = (igraph_integer_t)i;
        if ((e = SETEAS(c, "relation", x, kg_relation_name(t->relation))) ||
            (e = SETEAS(c, "status", x, kg_status_name(t->status))))
            return e;
        date_str(buf, t->valid_from);
        if ((e = SETEAS(c, "valid_from", x, buf)))
            return e;
        date_str(buf, t->valid_to);
        if ((e = SETEAS(c, "valid_to", x, buf)) ||
            (e = SETEAN(c, "uncertain", x, t->uncertain)) ||
            (e = SETEAN(c, "ndocs", x, t->ndocs)) ||
            (e = SETEAS(c, "amount", x, t->amount ? t->amount : "")) ||
            (e = SETEAN(c, "stake", x, t->stake)) ||
            (e = SETEAS(c, "role", x, t->role ? t->role : "")) ||
            (e = SETEAS(c, "doc", x, t->doc ? t->doc : "")) ||
            (e = SETEAS(c, "evidence", x, t->evidence ? t->evidence : "")))
            return e;
    }
    return IGRAPH_SUCCESS;
}

int kg_graph_write(FILE *f, const kg_graph *g, kg_graph_format fmt,
                   kg_error *err)
{
    igraph_t c;
    igraph_error_t e;
    int rc = KG_OK;
    if ((e = igraph_copy(&c, &g->g)))
        return gerr(err, e, "cannot write the graph");
    if ((e = set_attrs(&c, g)) == IGRAPH_SUCCESS) {
        if (fmt == KG_GRAPH_GML)
            e = igraph_write_graph_gml(&c, f, IGRAPH_WRITE_GML_DEFAULT_SW,
                                       NULL, "corpgraph");
        else
            e = igraph_write_graph_graphml(&c, f, 0);
    }
    if (e)
        rc = gerr(err, e, "cannot write the graph");
    else if (ferror(f))
        rc = kg_error_set(err, KG_EIO, "cannot write the graph");
    igraph_destroy(&c);
    return rc;
}
