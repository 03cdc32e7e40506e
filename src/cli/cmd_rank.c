/*
 * cmd_rank.c: `corpgraph rank`: the most central entities of the graph at
 * a date, by PageRank, degree or betweenness (igraph, graph.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/viewout.h"
#include "kg/graph.h"

typedef struct scored {
    size_t v;
    double score;
} scored;

static const kg_graph *sort_g;

/* Highest score first; equal scores by name, so output is stable. */
static int cmp_scored(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(kg_graph_name(sort_g, a->v), kg_graph_name(sort_g, b->v));
}

int cmd_rank(int argc, char **argv, kg_cli *cli)
{
    cli_view v = {0};
    const char *by = "pagerank", *relation = NULL, *kind = NULL;
    long top = 20, cutoff = -1;
    int npos, rc, form, ex = KG_EXIT_OK;
    char **pos;
    size_t i, nv;
    kg_rank_by rb;
    kg_view_opts o;
    kg_store *st = NULL;
    kg_tieset set = {0};
    kg_graph *g = NULL;
    double *sc = NULL;
    scored *s = NULL;
    vo_table t = {0};
    kg_buf b = KG_BUF_INIT;
    kg_error err = {0, ""};
    const cli_opt opts[] = {
        {"by", 'b', CLI_OPT_STR, &by, "MEASURE",
         "pagerank (default), degree or betweenness"},
        {"top", 'n', CLI_OPT_INT, &top, "N", "print the first N (default 20)"},
        {"cutoff", 0, CLI_OPT_INT, &cutoff, "K",
         "betweenness over paths of at most K ties (0 = exact; default: "
         "exact up to 20000 entities, else 2)"},
        {"relation", 'r', CLI_OPT_STR, &relation, "REL",
         "only ties of this relation"},
        {"kind", 'k', CLI_OPT_STR, &kind, "KIND",
         "only ties with an org, person or product at one end"},
        CLI_OPT_VIEW(&v), CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph rank [options]",
        "The most central entities of the graph at a date.  Ties count in\n"
        "both directions.  pagerank: PageRank with damping 0.85; degree: the\n"
        "number of ties; betweenness: how many shortest paths run through\n"
        "the entity (exact, slow on very large graphs).",
        "example: corpgraph rank --by betweenness --top 10", 0, 0};

    if ((rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos)) >= 0)
        return rc;
    if ((rc = vo_form(cli, &v, &form)) >= 0 ||
        (rc = vo_opts(cli, &v, relation, kind, &o)) >= 0)
        return rc;
    if (strcmp(by, "pagerank") == 0)
        rb = KG_RANK_PAGERANK;
    else if (strcmp(by, "degree") == 0)
        rb = KG_RANK_DEGREE;
    else if (strcmp(by, "betweenness") == 0)
        rb = KG_RANK_BETWEENNESS;
    else
        return cli_usage_error(cli->cmd, "unknown measure '%s' (pagerank, "
                               "degree or betweenness)", by);
    if (top < 1)
        return cli_usage_error(cli->cmd, "--top must be at least 1");
    o.with_evidence = 0;
    if ((rc = vo_open(cli, &st)) != KG_EXIT_OK)
        return rc;
    if ((rc = kg_store_snapshot(&set, st, &o, &err)) ||
        (rc = kg_graph_new(&g, &set, &err))) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    nv = kg_graph_vcount(g);
    sc = calloc(nv + 1, sizeof *sc);
    s = calloc(nv + 1, sizeof *s);
    if (!sc || !s) {
        ex = cli_error("out of memory");
        goto done;
    }
    if (rb == KG_RANK_BETWEENNESS && cutoff < 0 && nv > 20000) {
        cutoff = 2;
        cli_warn("%zu entities: betweenness over paths of at most 2 ties "
                 "(--cutoff 0 for the exact, slow value)", nv);
    }
    if (rb == KG_RANK_BETWEENNESS)
        rc = kg_graph_betweenness(sc, g, (int)cutoff, &err);
    else
        rc = kg_graph_rank(sc, g, rb, &err);
    if (rc) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    for (i = 0; i < nv; i++) {
        s[i].v = i;
        /* round so that last-bit noise never reorders equal scores */
        s[i].score = rb == KG_RANK_DEGREE ? sc[i]
                                          : (double)(long long)(sc[i] * 1e9 +
                                                                0.5) / 1e9;
    }
    sort_g = g;
    qsort(s, nv, sizeof *s, cmp_scored);
    if ((size_t)top < nv)
        nv = (size_t)top;
    if (form == VO_TEXT) {
        static const char *const head[] = {"RANK", "NAME", "KIND", "SCORE"};
        vo_table_init(&t, 4, head);
        t.right[0] = t.right[3] = 1;
    } else if (form == VO_CSV) {
        kg_buf_puts(&b, "rank,name,kind,score\n");
    }
    for (i = 0; i < nv; i++) {
        char r[24], score[48];
        const char *name = kg_graph_name(g, s[i].v);
        const char *k = kg_kind_name(kg_graph_kind(g, s[i].v));
        snprintf(r, sizeof r, "%zu", i + 1);
        if (rb == KG_RANK_DEGREE)
            snprintf(score, sizeof score, "%.0f", s[i].score);
        else if (rb == KG_RANK_PAGERANK)
            snprintf(score, sizeof score, "%.6f", s[i].score);
        else
            snprintf(score, sizeof score, "%.1f", s[i].score);
        if (form == VO_TEXT) {
            const char *cells[4] = {r, name, k, score};
            vo_table_row(&t, cells);
        } else if (form == VO_CSV) {
            vo_csv(&b, r, 0);
            vo_csv(&b, name, 0);
            vo_csv(&b, k, 0);
            vo_csv(&b, score, 1);
        } else {
            kg_buf_printf(&b, "{\"rank\":%zu,", i + 1);
            vo_json_str(&b, "name", name);
            kg_buf_printf(&b, ",\"kind\":\"%s\",\"by\":\"%s\",\"score\":%s}\n",
                          k, by, score);
        }
    }
    if (form == VO_TEXT)
        vo_table_put(&b, &t);
    ex = cli_write(cli, &b);
done:
    vo_table_release(&t);
    free(sc);
    free(s);
    kg_graph_free(g);
    kg_buf_release(&b);
    kg_tieset_release(&set);
    kg_store_close(st);
    return ex;
}
