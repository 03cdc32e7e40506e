/*
 * cmd_stats.c: `corpgraph stats`: what the store holds (revisions,
 * documents, assertions by status, date range) and what the graph at a
 * date looks like (entities by kind, ties by relation and status,
 * connected components).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/viewout.h"
#include "kg/graph.h"

int cmd_stats(int argc, char **argv, kg_cli *cli)
{
    cli_view v = {0};
    int npos, rc, form, ex = KG_EXIT_OK;
    char **pos;
    size_t i, nv, ncomp = 0, *m = NULL, *csize = NULL, largest = 0;
    size_t kinds[KG_KIND__COUNT] = {0}, rels[KG_REL__COUNT] = {0};
    size_t stat[KG_STATUS__COUNT] = {0}, uncertain = 0;
    char first[KG_DATE_STRLEN], last[KG_DATE_STRLEN], at[KG_DATE_STRLEN];
    kg_view_opts o;
    kg_store_counts c;
    kg_store *st = NULL;
    kg_tieset set = {0};
    kg_graph *g = NULL;
    kg_buf b = KG_BUF_INIT;
    kg_error err = {0, ""};
    const cli_opt opts[] = {CLI_OPT_VIEW(&v), CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph stats [options]",
        "Counts: revisions, documents, entities, assertions by status, ties\n"
        "and intervals, the range of valid dates; and for the graph at --at:\n"
        "entities by kind, ties by relation and status, and connected\n"
        "components.",
        NULL, 0, 0};

    if ((rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos)) >= 0)
        return rc;
    if ((rc = vo_form(cli, &v, &form)) >= 0 ||
        (rc = vo_opts(cli, &v, NULL, NULL, &o)) >= 0)
        return rc;
    o.with_evidence = 0;
    if ((rc = vo_open(cli, &st)) != KG_EXIT_OK)
        return rc;
    if ((rc = kg_store_count(&c, st, &o, &err)) ||
        (rc = kg_store_snapshot(&set, st, &o, &err)) ||
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
    if ((rc = kg_graph_components(m, &ncomp, g, &err))) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    csize = calloc(ncomp + 1, sizeof *csize);
    if (!csize) {
        ex = cli_error("out of memory");
        goto done;
    }
    for (i = 0; i < nv; i++) {
        kinds[kg_graph_kind(g, i)]++;
        csize[m[i]]++;
    }
    largest = ncomp ? csize[0] : 0;
    for (i = 0; i < set.n; i++) {
        if ((int)set.v[i].relation >= 0 && set.v[i].relation < KG_REL__COUNT)
            rels[set.v[i].relation]++;
        stat[set.v[i].status]++;
        uncertain += set.v[i].uncertain != 0;
    }
    kg_date_format(first, c.first);
    kg_date_format(last, c.last);
    kg_date_format(at, o.at);
    if (form == VO_JSON) {
        kg_buf_printf(&b, "{\"at\":\"%s\",\"revisions\":%lld,\"documents\":"
                          "%lld,\"entities\":%lld,\"assertions\":%lld,"
                          "\"ties\":%lld,\"intervals\":%lld,",
                      at, (long long)c.revisions, (long long)c.documents,
                      (long long)c.entities, (long long)c.assertions,
                      (long long)c.ties, (long long)c.intervals);
        kg_buf_puts(&b, "\"assertions_by_status\":{");
        for (i = 0; i < KG_STATUS__COUNT; i++)
            kg_buf_printf(&b, "%s\"%s\":%lld", i ? "," : "",
                          kg_status_name((kg_status)i),
                          (long long)c.by_status[i]);
        kg_buf_puts(&b, "},");
        vo_json_date(&b, "first", c.first);
        kg_buf_putc(&b, ',');
        vo_json_date(&b, "last", c.last);
        kg_buf_printf(&b, ",\"graph\":{\"entities\":%zu,\"ties\":%zu,"
                          "\"uncertain\":%zu,\"components\":%zu,"
                          "\"largest_component\":%zu,\"by_kind\":{",
                      nv, set.n, uncertain, ncomp, largest);
        for (i = 0; i < KG_KIND__COUNT; i++)
            kg_buf_printf(&b, "%s\"%s\":%zu", i ? "," : "",
                          kg_kind_name((kg_kind)i), kinds[i]);
        kg_buf_puts(&b, "},\"by_relation\":{");
        for (i = 0; i < KG_REL__COUNT; i++)
            kg_buf_printf(&b, "%s\"%s\":%zu", i ? "," : "",
                          kg_relation_name((kg_relation)i), rels[i]);
        kg_buf_puts(&b, "},\"by_status\":{");
        for (i = 0; i < KG_STATUS__COUNT; i++)
            kg_buf_printf(&b, "%s\"%s\":%zu", i ? "," : "",
                          kg_status_name((kg_status)i), stat[i]);
        kg_buf_puts(&b, "}}}\n");
    } else {
        /* text and CSV: section,key,value rows */
        vo_table t;
        static const char *const head[] = {"SECTION", "KEY", "VALUE"};
        char n[32];
        const char *cells[3];
        vo_table_init(&t, 3, head);
        t.right[2] = 1;
#define ROW(sec, key, fmt, val)                                            \
    do {                                                                   \
        snprintf(n, sizeof n, fmt, val);                                   \
        cells[0] = sec;                                                    \
        cells[1] = key;                                                    \
        cells[2] = n;                                                      \
        vo_table_row(&t, cells);                                           \
    } while (0)
        ROW("store", "revisions", "%lld", (long long)c.revisions);
        ROW("store", "documents", "%lld", (long long)c.documents);
        ROW("store", "entities", "%lld", (long long)c.entities);
        ROW("store", "assertions", "%lld", (long long)c.assertions);
        for (i = 0; i < KG_STATUS__COUNT; i++)
            ROW("store", kg_status_name((kg_status)i), "%lld",
                (long long)c.by_status[i]);
        ROW("store", "ties", "%lld", (long long)c.ties);
        ROW("store", "intervals", "%lld", (long long)c.intervals);
        ROW("store", "first date", "%s", *first ? first : "-");
        ROW("store", "last date", "%s", *last ? last : "-");
        ROW("graph", "date", "%s", at);
        ROW("graph", "entities", "%zu", nv);
        for (i = 0; i < KG_KIND__COUNT; i++)
            ROW("graph", kg_kind_name((kg_kind)i), "%zu", kinds[i]);
        ROW("graph", "ties", "%zu", set.n);
        for (i = 0; i < KG_REL__COUNT; i++)
            if (rels[i])
                ROW("graph", kg_relation_name((kg_relation)i), "%zu",
                    rels[i]);
        ROW("graph", "holds", "%zu", stat[KG_STATUS_HOLDS]);
        ROW("graph", "reported", "%zu", stat[KG_STATUS_REPORTED]);
        ROW("graph", "uncertain", "%zu", uncertain);
        ROW("graph", "components", "%zu", ncomp);
        ROW("graph", "largest component", "%zu", largest);
#undef ROW
        if (form == VO_TEXT) {
            vo_table_put(&b, &t);
        } else {
            size_t r;
            kg_buf_puts(&b, "section,key,value\n");
            for (r = 1; r < t.nrows; r++) {
                vo_csv(&b, t.cells[r * 3], 0);
                vo_csv(&b, t.cells[r * 3 + 1], 0);
                vo_csv(&b, t.cells[r * 3 + 2], 1);
            }
        }
        vo_table_release(&t);
    }
    ex = cli_write(cli, &b);
done:
    free(m);
    free(csize);
    kg_graph_free(g);
    kg_buf_release(&b);
    kg_tieset_release(&set);
    kg_store_close(st);
    return ex;
}
