/*
 * test_graph.c: the igraph layer (graph.h) on hand-built tie sets.
 *
 * Test plan:
 *   graph__build        vertices in name order, find, ends of edges
 *   graph__empty        an empty set gives an empty graph everywhere
 *   graph__rank         degree, PageRank (sums to 1), betweenness of a bridge
 *   graph__components   largest first, ties in size by first name
 *   graph__communities  two triangles joined by a bridge; seeded, stable
 *   graph__paths        all shortest paths, sorted, capped; unconnected
 *   graph__ego          hops 1 and 2
 *   graph__write        GraphML and GML carry the attributes
 */
#include <stdlib.h>

#include "harness.h"
#include "kg/graph.h"
#include "kg/kg.h"

static void add(kg_tieset *s, const char *a, kg_relation r, const char *b)
{
    kg_tie t;
    memset(&t, 0, sizeof t);
    t.subject = a;
    t.object = b;
    t.relation = r;
    t.status = KG_STATUS_HOLDS;
    t.stake = -1;
    t.valid_from = (kg_date){2019, 0, 0};
    t.ndocs = 1;
    t.evidence = "A sentence & <markup>.";
    KG_CHECK_INT(kg_tieset_add(s, &t), KG_OK);
}

/*
 * Two triangles {Amazon, Anthropic, Google} and {Microsoft, OpenAI,
 * Nvidia} joined by Google -- Nvidia, plus a separate pair.
 */
static void build(kg_tieset *s)
{
    add(s, "Amazon", KG_REL_INVESTED_IN, "Anthropic");
    add(s, "Google", KG_REL_INVESTED_IN, "Anthropic");
    add(s, "Amazon", KG_REL_COMPETES_WITH, "Google");
    add(s, "Microsoft", KG_REL_INVESTED_IN, "OpenAI");
    add(s, "Nvidia", KG_REL_SUPPLIES, "OpenAI");
    add(s, "Nvidia", KG_REL_SUPPLIES, "Microsoft");
    add(s, "Nvidia", KG_REL_SUPPLIES, "Google");
    add(s, "Satya Nadella", KG_REL_LEADS, "Xbox Unit");
}

static void test_graph__build(void)
{
    kg_tieset s = {0};
    kg_graph *g = NULL;
    size_t v = 99;
    build(&s);
    KG_CHECK_INT(kg_graph_new(&g, &s, NULL), KG_OK);
    if (!g)
        return;
    KG_CHECK_INT(kg_graph_vcount(g), 8);
    KG_CHECK_INT(kg_graph_ecount(g), 8);
    KG_CHECK_STR(kg_graph_name(g, 0), "Amazon");
    KG_CHECK_STR(kg_graph_name(g, 7), "Xbox Unit");
    KG_CHECK_INT(kg_graph_find(&v, g, "Nvidia"), KG_OK);
    KG_CHECK_STR(kg_graph_name(g, v), "Nvidia");
    KG_CHECK_INT(kg_graph_find(&v, g, "Nvidea"), KG_ENOTFOUND);
    KG_CHECK_STR(kg_graph_name(g, kg_graph_from(g, 4)), "Nvidia");
    KG_CHECK_STR(kg_graph_name(g, kg_graph_to(g, 4)), "OpenAI");
    KG_CHECK(kg_graph_tie(g, 4) == &s.v[4]);
    kg_graph_free(g);
    kg_tieset_release(&s);
}

static void test_graph__empty(void)
{
    kg_tieset s = {0};
    kg_graph *g = NULL;
    size_t n = 5, m[1];
    double q = 1;
    KG_CHECK_INT(kg_graph_new(&g, &s, NULL), KG_OK);
    if (!g)
        return;
    KG_CHECK_INT(kg_graph_vcount(g), 0);
    KG_CHECK_INT(kg_graph_rank(NULL, g, KG_RANK_PAGERANK, NULL), KG_OK);
    KG_CHECK_INT(kg_graph_components(m, &n, g, NULL), KG_OK);
    KG_CHECK_INT(n, 0);
    KG_CHECK_INT(kg_graph_communities(m, &n, &q, g, 1, NULL), KG_OK);
    KG_CHECK_INT(n, 0);
    kg_graph_free(g);
    kg_graph_free(NULL);
}

static void test_graph__rank(void)
{
    kg_tieset s = {0};
    kg_graph *g = NULL;
    double sc[9], sum = 0;
    size_t i, nv, google, nvidia, amazon;
    build(&s);
    KG_CHECK_INT(kg_graph_new(&g, &s, NULL), KG_OK);
    if (!g)
        return;
    nv = kg_graph_vcount(g);
    kg_graph_find(&google, g, "Google");
    kg_graph_find(&nvidia, g, "Nvidia");
    kg_graph_find(&amazon, g, "Amazon");
    KG_CHECK_INT(kg_graph_rank(sc, g, KG_RANK_DEGREE, NULL), KG_OK);
    KG_CHECK_INT((int)sc[nvidia], 3);
    KG_CHECK_INT((int)sc[google], 3);
    KG_CHECK_INT((int)sc[amazon], 2);
    KG_CHECK_INT(kg_graph_rank(sc, g, KG_RANK_PAGERANK, NULL), KG_OK);
    for (i = 0; i < nv; i++)
        sum += sc[i];
    KG_CHECK(fabs(sum - 1.0) < 1e-9);
    KG_CHECK(sc[nvidia] > sc[amazon]);
    KG_CHECK_INT(kg_graph_rank(sc, g, KG_RANK_BETWEENNESS, NULL), KG_OK);
    /* every path between the triangles crosses Google -- Nvidia */
    KG_CHECK(sc[google] > sc[amazon]);
    KG_CHECK(sc[nvidia] > sc[amazon]);
    KG_CHECK(fabs(sc[amazon]) < 1e-9);
    {
        double full = sc[google], cut[9];
        KG_CHECK_INT(kg_graph_betweenness(cut, g, 0, NULL), KG_OK);
        KG_CHECK(fabs(cut[google] - full) < 1e-9);
        KG_CHECK_INT(kg_graph_betweenness(cut, g, 1, NULL), KG_OK);
        KG_CHECK(fabs(cut[google]) < 1e-9); /* no path of 1 tie passes */
    }
    kg_graph_free(g);
    kg_tieset_release(&s);
}

static void test_graph__components(void)
{
    kg_tieset s = {0};
    kg_graph *g = NULL;
    size_t m[9], n = 0, v;
    build(&s);
    KG_CHECK_INT(kg_graph_new(&g, &s, NULL), KG_OK);
    if (!g)
        return;
    KG_CHECK_INT(kg_graph_components(m, &n, g, NULL), KG_OK);
    KG_CHECK_INT(n, 2);
    kg_graph_find(&v, g, "Amazon");
    KG_CHECK_INT(m[v], 0);
    kg_graph_find(&v, g, "Xbox Unit");
    KG_CHECK_INT(m[v], 1);
    kg_graph_free(g);
    kg_tieset_release(&s);
}

static void test_graph__communities(void)
{
    kg_tieset s = {0};
    kg_graph *g = NULL;
    size_t m[9], m2[9], n = 0, n2 = 0, a, b, c, x, y;
    double q = 0, q2 = 0;
    build(&s);
    KG_CHECK_INT(kg_graph_new(&g, &s, NULL), KG_OK);
    if (!g)
        return;
    KG_CHECK_INT(kg_graph_communities(m, &n, &q, g, 42, NULL), KG_OK);
    KG_CHECK_INT(n, 3);
    KG_CHECK(q > 0.3);
    kg_graph_find(&a, g, "Amazon");
    kg_graph_find(&b, g, "Anthropic");
    kg_graph_find(&c, g, "Google");
    kg_graph_find(&x, g, "Microsoft");
    kg_graph_find(&y, g, "OpenAI");
    KG_CHECK(m[a] == m[b] && m[b] == m[c]);
    KG_CHECK(m[x] == m[y]);
    KG_CHECK(m[a] != m[x]);
    KG_CHECK_INT(m[a], 0); /* same size as the other triangle: by name */
    KG_CHECK_INT(kg_graph_communities(m2, &n2, &q2, g, 42, NULL), KG_OK);
    KG_CHECK_INT(n2, n);
    KG_CHECK(memcmp(m, m2, sizeof m) == 0);
    KG_CHECK(q == q2);
    kg_graph_free(g);
    kg_tieset_release(&s);
}

static void test_graph__paths(void)
{
    kg_tieset s = {0};
    kg_graph *g = NULL;
    kg_paths p = {0};
    size_t a, o, x;
    build(&s);
    add(&s, "Amazon", KG_REL_SUPPLIES, "Anthropic"); /* a parallel tie */
    KG_CHECK_INT(kg_graph_new(&g, &s, NULL), KG_OK);
    if (!g)
        return;
    kg_graph_find(&a, g, "Anthropic");
    kg_graph_find(&o, g, "OpenAI");
    kg_graph_find(&x, g, "Xbox Unit");
    KG_CHECK_INT(kg_graph_paths(&p, g, a, o, 10, NULL), KG_OK);
    /* Anthropic - Google - Nvidia - OpenAI is the only shortest one */
    KG_CHECK_INT(p.n, 1);
    KG_CHECK_INT(p.len, 3);
    if (p.n == 1) {
        KG_CHECK_STR(kg_graph_name(g, p.vertices[1]), "Google");
        KG_CHECK_STR(kg_graph_name(g, p.vertices[2]), "Nvidia");
        KG_CHECK_INT(kg_graph_tie(g, p.edges[0])->relation,
                     KG_REL_INVESTED_IN);
    }
    kg_paths_release(&p);
    kg_graph_find(&o, g, "Amazon");
    KG_CHECK_INT(kg_graph_paths(&p, g, a, o, 10, NULL), KG_OK);
    KG_CHECK_INT(p.n, 2); /* invested-in and supplies */
    if (p.n == 2) {
        KG_CHECK_INT(kg_graph_tie(g, p.edges[0])->relation,
                     KG_REL_INVESTED_IN);
        KG_CHECK_INT(kg_graph_tie(g, p.edges[1])->relation,
                     KG_REL_SUPPLIES);
    }
    kg_paths_release(&p);
    KG_CHECK_INT(kg_graph_paths(&p, g, a, o, 1, NULL), KG_OK);
    KG_CHECK_INT(p.n, 1);
    kg_paths_release(&p);
    KG_CHECK_INT(kg_graph_paths(&p, g, a, x, 10, NULL), KG_OK);
    KG_CHECK_INT(p.n, 0);
    kg_paths_release(&p);
    kg_graph_free(g);
    kg_tieset_release(&s);
}

static void test_graph__ego(void)
{
    kg_tieset s = {0};
    kg_graph *g = NULL;
    size_t e[16], n = 0, v;
    build(&s);
    KG_CHECK_INT(kg_graph_new(&g, &s, NULL), KG_OK);
    if (!g)
        return;
    kg_graph_find(&v, g, "Microsoft");
    KG_CHECK_INT(kg_graph_ego(e, &n, g, v, 1, NULL), KG_OK);
    KG_CHECK_INT(n, 2);
    KG_CHECK_INT(kg_graph_ego(e, &n, g, v, 2, NULL), KG_OK);
    KG_CHECK_INT(n, 4); /* + Nvidia's ties to OpenAI and Google */
    KG_CHECK_INT(kg_graph_ego(e, &n, g, v, 0, NULL), KG_OK);
    KG_CHECK_INT(n, 0);
    kg_graph_free(g);
    kg_tieset_release(&s);
}

static char *slurp(FILE *f)
{
    long len;
    char *buf;
    fflush(f);
    len = ftell(f);
    rewind(f);
    buf = calloc((size_t)len + 1, 1);
    if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void test_graph__write(void)
{
    kg_tieset s = {0};
    kg_graph *g = NULL;
    FILE *f;
    char *text;
    build(&s);
    KG_CHECK_INT(kg_graph_new(&g, &s, NULL), KG_OK);
    if (!g)
        return;
    f = tmpfile();
    KG_CHECK(f != NULL);
    if (f) {
        KG_CHECK_INT(kg_graph_write(f, g, KG_GRAPH_GRAPHML, NULL), KG_OK);
        text = slurp(f);
        KG_CHECK(text && strstr(text, "<graphml"));
        KG_CHECK(text && strstr(text, "attr.name=\"relation\""));
        KG_CHECK(text && strstr(text, ">invested-in<"));
        KG_CHECK(text && strstr(text, ">Satya Nadella<"));
        KG_CHECK(text && strstr(text, "&amp; &lt;markup&gt;"));
        free(text);
        fclose(f);
    }
    f = tmpfile();
    if (f) {
        KG_CHECK_INT(kg_graph_write(f, g, KG_GRAPH_GML, NULL), KG_OK);
        text = slurp(f);
        KG_CHECK(text && strstr(text, "relation \"supplies\""));
        KG_CHECK(text && strstr(text, "name \"Xbox Unit\""));
        KG_CHECK(text && strstr(text, "corpgraph"));
        free(text);
        fclose(f);
    }
    kg_graph_free(g);
    kg_tieset_release(&s);
}

int main(void)
{
    kg_init();
    KG_RUN(test_graph__build);
    KG_RUN(test_graph__empty);
    KG_RUN(test_graph__rank);
    KG_RUN(test_graph__components);
    KG_RUN(test_graph__communities);
    KG_RUN(test_graph__paths);
    KG_RUN(test_graph__ego);
    KG_RUN(test_graph__write);
    return kg_test_summary();
}
