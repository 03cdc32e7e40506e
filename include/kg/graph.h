/*
 * graph.h: analysis of one snapshot with igraph.  A kg_graph is built from
 * a kg_tieset (view.h): every distinct entity name becomes a vertex, every
 * tie an edge from subject to object (symmetric relations are stored once,
 * in canonical order).  Vertex ids are dense, 0..n-1, in name order, so
 * every result is deterministic; igraph itself never leaves src/graph/.
 *
 * Centrality, paths, components and communities treat ties as undirected:
 * "A invested in B" and "B supplies A" both connect A and B.  Directions
 * are kept on the edges for printing paths and for the writers.
 */
#ifndef KG_GRAPH_H
#define KG_GRAPH_H

#include <stddef.h>
#include <stdio.h>

#include "kg/error.h"
#include "kg/view.h"

typedef struct kg_graph kg_graph;

/*
 * Build the graph of set.  The set is borrowed: it must outlive the graph
 * and stay unchanged.
 * @return KG_OK, KG_ENOMEM or KG_EGRAPH.
 * Ownership: caller frees with kg_graph_free.
 */
int kg_graph_new(kg_graph **out, const kg_tieset *set, kg_error *err);
void kg_graph_free(kg_graph *g); /* NULL is allowed */

size_t kg_graph_vcount(const kg_graph *g);
size_t kg_graph_ecount(const kg_graph *g);
/* Name and kind of vertex v (borrowed from the tie set). */
const char *kg_graph_name(const kg_graph *g, size_t v);
kg_kind kg_graph_kind(const kg_graph *g, size_t v);
/* The tie of edge e (borrowed) and its end vertices. */
const kg_tie *kg_graph_tie(const kg_graph *g, size_t e);
size_t kg_graph_from(const kg_graph *g, size_t e); /* subject's vertex */
size_t kg_graph_to(const kg_graph *g, size_t e);   /* object's vertex */
/* Vertex of an exact name: KG_OK or KG_ENOTFOUND. */
int kg_graph_find(size_t *out, const kg_graph *g, const char *name);

typedef enum kg_rank_by {
    KG_RANK_PAGERANK = 0, /* PageRank, damping 0.85, undirected */
    KG_RANK_DEGREE,       /* number of ties */
    KG_RANK_BETWEENNESS   /* shortest paths through the vertex, exact */
} kg_rank_by;

/*
 * Score every vertex.
 * @param scores  caller-allocated, kg_graph_vcount(g) doubles
 */
int kg_graph_rank(double *scores, const kg_graph *g, kg_rank_by by,
                  kg_error *err);

/*
 * Betweenness counting only shortest paths of at most cutoff ties (an
 * estimate that stays fast on large graphs); cutoff <= 0 is exact.
 */
int kg_graph_betweenness(double *scores, const kg_graph *g, int cutoff,
                         kg_error *err);

/*
 * Connected components.  Component 0 is the largest; ties in size go to
 * the one holding the first name.
 * @param membership  caller-allocated, kg_graph_vcount(g) entries
 * @param n           the number of components
 */
int kg_graph_components(size_t *membership, size_t *n, const kg_graph *g,
                        kg_error *err);

/*
 * Communities by Leiden optimising modularity (multiple ties between a
 * pair count as weight), seeded so the result is reproducible; numbered
 * like components (largest first).
 * @param modularity  the modularity of the partition (may be NULL)
 */
int kg_graph_communities(size_t *membership, size_t *n, double *modularity,
                         const kg_graph *g, unsigned long seed,
                         kg_error *err);

/* All shortest paths between two vertices, each as vertices and edges. */
typedef struct kg_paths {
    size_t n;          /* number of paths */
    size_t len;        /* edges per path (all have the same length) */
    size_t *vertices;  /* n * (len + 1) vertex ids, from ... to */
    size_t *edges;     /* n * len edge ids */
} kg_paths;

void kg_paths_release(kg_paths *p); /* NULL is allowed */

/*
 * The shortest undirected paths from one vertex to another, at most max
 * of them, sorted by the names along the way.  out->n is 0 when they are
 * not connected.  Ownership: caller releases out with kg_paths_release.
 */
int kg_graph_paths(kg_paths *out, const kg_graph *g, size_t from, size_t to,
                   size_t max, kg_error *err);

/*
 * The ego network: edges met by a breadth-first walk of at most hops
 * steps from v (hops 1 = the ties of v), in edge order.
 * @param edges  caller-allocated, kg_graph_ecount(g) entries
 * @param n      the number written
 */
int kg_graph_ego(size_t *edges, size_t *n, const kg_graph *g, size_t v,
                 int hops, kg_error *err);

typedef enum kg_graph_format {
    KG_GRAPH_GRAPHML = 0,
    KG_GRAPH_GML
} kg_graph_format;

/*
 * Write the graph with all vertex (name, kind) and edge (relation, status,
 * valid_from, valid_to, uncertain, ndocs, amount, stake, role, doc,
 * evidence) attributes through igraph's GraphML or GML writer.
 * @return KG_OK, KG_EGRAPH (igraph failed), KG_EIO.
 */
int kg_graph_write(FILE *f, const kg_graph *g, kg_graph_format fmt,
                   kg_error *err);

#endif
