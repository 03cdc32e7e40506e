/*
 * view-time.c: times the read functions of the library in one process
 * (no process start, no printing), best of 3 runs each, on a store made
 * by gen-ties.py + `corpgraph load`.  Built by tests/bench.tests.cmake as
 * kg-view-time; run by view-bench.sh.
 *
 * usage: kg-view-time STORE.db DATE HUB OTHER
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kg/graph.h"
#include "kg/kg.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define BEST(label, count, body)                                           \
    do {                                                                   \
        double best = 1e9, cbest = 1e9;                                    \
        size_t cnt = 0;                                                    \
        int k;                                                             \
        for (k = 0; k < 3; k++) {                                          \
            double t0 = now();                                             \
            clock_t c0 = clock();                                          \
            body;                                                          \
            t0 = now() - t0;                                               \
            if (t0 < best)                                                 \
                best = t0;                                                 \
            if ((double)(clock() - c0) / CLOCKS_PER_SEC < cbest)           \
                cbest = (double)(clock() - c0) / CLOCKS_PER_SEC;           \
            cnt = (count);                                                 \
        }                                                                  \
        printf("%-34s %8.1f ms wall %8.1f ms cpu  (%zu)\n", label,        \
               best * 1000, cbest * 1000, cnt);                            \
    } while (0)

int main(int argc, char **argv)
{
    kg_store *st = NULL;
    kg_error err = {0, ""};
    kg_view_opts o = KG_VIEW_OPTS_INIT;
    kg_diff_opts d;
    kg_date at, d30, y1, y2;
    int32_t day;
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: kg-view-time STORE DATE HUB OTHER\n");
        return 2;
    }
    kg_init();
    if (kg_store_open(&st, argv[1], KG_STORE_READONLY, &err) != KG_OK ||
        kg_date_parse(&at, argv[2], (size_t)-1) != KG_OK) {
        fprintf(stderr, "kg-view-time: %s\n", err.msg);
        return 1;
    }
    day = kg_date_first_day(at);
    d30 = kg_date_from_days(day + 30);
    y1 = (kg_date){at.year, 1, 1};
    y2 = (kg_date){at.year + 1, 12, 31};
    o.at = at;
    o.with_evidence = 0;
    memset(&d, 0, sizeof d);
    d.view = o;
    {
        kg_tieset s = {0};
        BEST("snapshot (no evidence)", s.n, {
            kg_tieset_release(&s);
            kg_store_snapshot(&s, st, &o, &err);
        });
        {
            kg_graph *g = NULL;
            double *sc = NULL;
            BEST("  + kg_graph_new", s.n, {
                kg_graph_free(g);
                kg_graph_new(&g, &s, &err);
            });
            sc = calloc(kg_graph_vcount(g) + 1, sizeof *sc);
            BEST("  + degree", kg_graph_vcount(g),
                 kg_graph_rank(sc, g, KG_RANK_DEGREE, &err));
            BEST("  + pagerank", kg_graph_vcount(g),
                 kg_graph_rank(sc, g, KG_RANK_PAGERANK, &err));
            free(sc);
            kg_graph_free(g);
        }
        kg_tieset_release(&s);
        if (argc == 6) /* only the snapshot (for a profiler) */
            goto out;
        o.with_evidence = 1;
        BEST("snapshot (with evidence)", s.n, {
            kg_tieset_release(&s);
            kg_store_snapshot(&s, st, &o, &err);
        });
        kg_tieset_release(&s);
        o.with_evidence = 0;
    }
    {
        kg_changeset c = {0};
        BEST("diff 30 days", c.n, {
            kg_changeset_release(&c);
            kg_store_diff(&c, st, at, d30, &d, &err);
        });
        BEST("diff 2 years", c.n, {
            kg_changeset_release(&c);
            kg_store_diff(&c, st, y1, y2, &d, &err);
        });
        kg_changeset_release(&c);
    }
    {
        kg_tieset s = {0};
        o.with_evidence = 1;
        BEST("neighbourhood of the hub", s.n, {
            kg_tieset_release(&s);
            kg_store_neighbourhood(&s, st, argv[3], 1, &o, &err);
        });
        BEST("neighbourhood of the other", s.n, {
            kg_tieset_release(&s);
            kg_store_neighbourhood(&s, st, argv[4], 1, &o, &err);
        });
        BEST("path ties hub -> other", s.n, {
            kg_tieset_release(&s);
            kg_store_path_ties(&s, st, argv[3], argv[4], 6, &o, &err);
        });
        kg_tieset_release(&s);
    }
out:
    if (err.code)
        fprintf(stderr, "kg-view-time: last error: %s\n", err.msg);
    kg_store_close(st);
    return 0;
}
