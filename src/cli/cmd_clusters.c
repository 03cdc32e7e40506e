/*
 * cmd_clusters.c: `corpgraph clusters`: communities of the graph at a
 * date (Leiden optimising modularity, seeded, so the same store always
 * gives the same clusters), largest first, each with its members.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/viewout.h"
#include "kg/graph.h"

int cmd_clusters(int argc, char **argv, kg_cli *cli)
{
    cli_view v = {0};
    const char *relation = NULL, *kind = NULL;
    long seed = 1, min = 2;
    int npos, rc, form, ex = KG_EXIT_OK;
    char **pos;
    size_t i, j, nv, n = 0, *m = NULL, *size = NULL;
    double q = 0;
    kg_view_opts o;
    kg_store *st = NULL;
    kg_tieset set = {0};
    kg_graph *g = NULL;
    kg_buf b = KG_BUF_INIT;
    kg_error err = {0, ""};
    const cli_opt opts[] = {
        {"min", 0, CLI_OPT_INT, &min, "N",
         "only clusters of at least N entities (default 2)"},
        {"seed", 0, CLI_OPT_INT, &seed, "S",
         "random seed of the Leiden algorithm (default 1)"},
        {"relation", 'r', CLI_OPT_STR, &relation, "REL",
         "only ties of this relation"},
        {"kind", 'k', CLI_OPT_STR, &kind, "KIND",
         "only ties with an org, person or product at one end"},
        CLI_OPT_VIEW(&v), CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph clusters [options]",
        "Communities of the graph at a date: groups of entities more tied\n"
        "to each other than to the rest (Leiden, optimising modularity;\n"
        "several ties between two entities weigh more).  Largest first,\n"
        "members by name.",
        "example: corpgraph clusters --at 2025-12-31", 0, 0};

    if ((rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos)) >= 0)
        return rc;
    if ((rc = vo_form(cli, &v, &form)) >= 0 ||
        (rc = vo_opts(cli, &v, relation, kind, &o)) >= 0)
        return rc;
    o.with_evidence = 0;
    if ((rc = vo_open(cli, &st)) != KG_EXIT_OK)
        return rc;
    if ((rc = kg_store_snapshot(&set, st, &o, &err)) ||
        (rc = kg_graph_new(&g, &set, &err))) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    nv = kg_graph_vcount(g);
    m = calloc(nv + 1, sizeof *m);
    if (!m) {
        ex = cli_error("out of memory");
        goto done;
    }
    if ((rc = kg_graph_communities(m, &n, &q, g, (unsigned long)seed,
                                   &err))) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    size = calloc(n + 1, sizeof *size);
    if (!size) {
        ex = cli_error("out of memory");
        goto done;
    }
    for (i = 0; i < nv; i++)
        size[m[i]]++;
    if (form == VO_TEXT)
        kg_buf_printf(&b, "%zu clusters, modularity %.4f\n", n, q);
    else if (form == VO_CSV)
        kg_buf_puts(&b, "cluster,size,name,kind\n");
    /* vertices are in name order, so members come out sorted */
    for (i = 0; i < n; i++) {
        int first = 1;
        if (size[i] < (size_t)(min > 0 ? min : 1))
            continue;
        if (form == VO_TEXT)
            kg_buf_printf(&b, "\ncluster %zu (%zu):", i + 1, size[i]);
        else if (form == VO_JSON)
            kg_buf_printf(&b, "{\"cluster\":%zu,\"size\":%zu,\"members\":[",
                          i + 1, size[i]);
        for (j = 0; j < nv; j++) {
            const char *name;
            if (m[j] != i)
                continue;
            name = kg_graph_name(g, j);
            if (form == VO_TEXT) {
                kg_buf_printf(&b, "%s %s", first ? "" : ",", name);
            } else if (form == VO_JSON) {
                if (!first)
                    kg_buf_putc(&b, ',');
                kg_buf_json_str(&b, name, (size_t)-1);
            } else {
                char c[24], s[24];
                snprintf(c, sizeof c, "%zu", i + 1);
                snprintf(s, sizeof s, "%zu", size[i]);
                vo_csv(&b, c, 0);
                vo_csv(&b, s, 0);
                vo_csv(&b, name, 0);
                vo_csv(&b, kg_kind_name(kg_graph_kind(g, j)), 1);
            }
            first = 0;
        }
        if (form == VO_TEXT)
            kg_buf_putc(&b, '\n');
        else if (form == VO_JSON)
            kg_buf_printf(&b, "],\"modularity\":%.4f}\n", q);
    }
    ex = cli_write(cli, &b);
done:
    free(m);
    free(size);
    kg_graph_free(g);
    kg_buf_release(&b);
    kg_tieset_release(&set);
    kg_store_close(st);
    return ex;
}
