/*
 * render_bench.c: time corpgraph's renderer on random graphs (fixtures.h
 * fx_random: uniform endpoints, company-like names, relation labels).
 *
 *   render_bench EDGES NODES REPEAT DOT_OUT
 * Renders the graph to SVG through kg_render_snapshot REPEAT times with
 * the automatic settings and prints one line per run:
 *   edges nodes layout labels seconds svg_bytes
 * and writes the DOT of the same graph (our own output, same attributes)
 * to DOT_OUT so the script can time Graphviz's command-line tools on it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fixtures.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_render_info info;
    kg_error err = {0, ""};
    kg_buf out = KG_BUF_INIT;
    kg_tieset set;
    char *names = NULL;
    size_t edges, nodes;
    int i, repeat, rc = 0;
    FILE *f;

    if (argc != 5) {
        fprintf(stderr, "usage: render_bench EDGES NODES REPEAT DOT_OUT\n");
        return 2;
    }
    kg_init();
    edges = (size_t)atol(argv[1]);
    nodes = (size_t)atol(argv[2]);
    repeat = atoi(argv[3]);
    set = fx_random(nodes, edges, 42, &names);
    opts.format = KG_RENDER_DOT;
    if (kg_render_snapshot(&out, &info, &set, KG_DATE_UNKNOWN, &opts,
                           &err) != KG_OK) {
        fprintf(stderr, "render_bench: %s\n", err.msg);
        rc = 1;
        goto done;
    }
    f = fopen(argv[4], "wb");
    if (!f || fwrite(out.ptr, 1, out.len, f) != out.len || fclose(f)) {
        fprintf(stderr, "render_bench: cannot write '%s'\n", argv[4]);
        rc = 1;
        goto done;
    }
    opts.format = KG_RENDER_SVG;
    for (i = 0; i < repeat; i++) {
        double t0 = now(), t1;
        kg_buf_clear(&out);
        if (kg_render_snapshot(&out, &info, &set, KG_DATE_UNKNOWN, &opts,
                               &err) != KG_OK) {
            fprintf(stderr, "render_bench: %s\n", err.msg);
            rc = 1;
            goto done;
        }
        t1 = now();
        printf("%zu %zu %s %s %.3f %zu\n", info.edges, info.nodes,
               info.layout, info.edge_labels ? "labels" : "nolabels",
               t1 - t0, out.len);
    }
done:
    kg_buf_release(&out);
    fx_free_ties(&set);
    free(names);
    return rc;
}
