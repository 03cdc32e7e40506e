/*
 * cmd_path.c: `corpgraph path A B`: the shortest connections between two
 * entities at a date, with relation names and directions:
 *   Amazon –invested-in→ Anthropic ←supplies– Nvidia
 * The store finds the ties on shortest paths by a two-sided breadth-first
 * search (view.h); igraph spells the paths out on that small graph.
 */
#include <stdio.h>
#include <string.h>

#include "cli/viewout.h"
#include "kg/graph.h"

/* Direction of edge e walked from vertex u: 1 forward, -1 back, 0 both. */
static int direction(const kg_graph *g, size_t e, size_t u)
{
    const kg_tie *t = kg_graph_tie(g, e);
    if (kg_relation_symmetric(t->relation))
        return 0;
    return kg_graph_from(g, e) == u ? 1 : -1;
}

static const char *dir_name(int d)
{
    return d > 0 ? "forward" : d < 0 ? "backward" : "both";
}

static int put_paths(kg_buf *b, const kg_graph *g, const kg_paths *p,
                     int form)
{
    size_t i, j;
    int rc = KG_OK;
    if (form == VO_CSV)
        kg_buf_puts(b, "path,step,from,relation,to,direction,valid_from,"
                       "doc,evidence\n");
    for (i = 0; i < p->n; i++) {
        const size_t *vs = p->vertices + i * (p->len + 1);
        const size_t *es = p->edges + i * p->len;
        if (form == VO_TEXT) {
            kg_buf_puts(b, kg_graph_name(g, vs[0]));
            for (j = 0; j < p->len; j++) {
                int d = direction(g, es[j], vs[j]);
                const char *rel = kg_relation_name(kg_graph_tie(g, es[j])
                                                       ->relation);
                kg_buf_printf(b, " %s%s%s %s", d < 0 ? "\xe2\x86\x90" : "\xe2\x80\x93",
                              rel, d > 0 ? "\xe2\x86\x92" : "\xe2\x80\x93",
                              kg_graph_name(g, vs[j + 1]));
            }
            rc = kg_buf_putc(b, '\n');
        } else if (form == VO_JSON) {
            kg_buf_printf(b, "{\"path\":%zu,\"length\":%zu,\"entities\":[",
                          i + 1, p->len);
            for (j = 0; j <= p->len; j++) {
                if (j)
                    kg_buf_putc(b, ',');
                kg_buf_json_str(b, kg_graph_name(g, vs[j]), (size_t)-1);
            }
            kg_buf_puts(b, "],\"steps\":[");
            for (j = 0; j < p->len; j++) {
                const kg_tie *t = kg_graph_tie(g, es[j]);
                if (j)
                    kg_buf_putc(b, ',');
                kg_buf_putc(b, '{');
                vo_json_str(b, "from", kg_graph_name(g, vs[j]));
                kg_buf_putc(b, ',');
                vo_json_str(b, "to", kg_graph_name(g, vs[j + 1]));
                kg_buf_printf(b, ",\"direction\":\"%s\",",
                              dir_name(direction(g, es[j], vs[j])));
                vo_json_tie(b, t);
                kg_buf_putc(b, '}');
            }
            rc = kg_buf_puts(b, "]}\n");
        } else {
            for (j = 0; j < p->len; j++) {
                const kg_tie *t = kg_graph_tie(g, es[j]);
                char n1[24], n2[24], d[KG_DATE_STRLEN];
                snprintf(n1, sizeof n1, "%zu", i + 1);
                snprintf(n2, sizeof n2, "%zu", j + 1);
                kg_date_format(d, t->valid_from);
                vo_csv(b, n1, 0);
                vo_csv(b, n2, 0);
                vo_csv(b, kg_graph_name(g, vs[j]), 0);
                vo_csv(b, kg_relation_name(t->relation), 0);
                vo_csv(b, kg_graph_name(g, vs[j + 1]), 0);
                vo_csv(b, dir_name(direction(g, es[j], vs[j])), 0);
                vo_csv(b, d, 0);
                vo_csv(b, t->doc, 0);
                rc = vo_csv(b, t->evidence, 1);
            }
        }
    }
    return rc;
}

int cmd_path(int argc, char **argv, kg_cli *cli)
{
    cli_view v = {0};
    const char *relation = NULL, *kind = NULL, *na = NULL, *nb = NULL;
    long max = 5, max_hops = 6;
    int npos, rc, form, ex = KG_EXIT_OK;
    char **pos;
    size_t va, vb;
    kg_view_opts o;
    kg_store *st = NULL;
    kg_tieset set = {0};
    kg_graph *g = NULL;
    kg_paths p = {0};
    kg_pool pool = KG_POOL_INIT;
    kg_buf b = KG_BUF_INIT;
    kg_error err = {0, ""};
    const cli_opt opts[] = {
        {"max", 'n', CLI_OPT_INT, &max, "N",
         "print at most N paths (default 5)"},
        {"max-hops", 0, CLI_OPT_INT, &max_hops, "K",
         "give up beyond K ties (default 6)"},
        {"relation", 'r', CLI_OPT_STR, &relation, "REL",
         "only walk ties of this relation"},
        {"kind", 'k', CLI_OPT_STR, &kind, "KIND",
         "only walk ties with an org, person or product at one end"},
        CLI_OPT_VIEW(&v), CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph path [options] A B",
        "The shortest connections between A and B at a date, ties taken in\n"
        "either direction; each step shows the relation and its direction\n"
        "(A -rel-> B or A <-rel- B).  Exit status 1 when they are not\n"
        "connected within --max-hops.",
        "example: corpgraph path Amazon Microsoft --at 2025-12-31",
        2, 2};

    if ((rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos)) >= 0)
        return rc;
    if ((rc = vo_form(cli, &v, &form)) >= 0 ||
        (rc = vo_opts(cli, &v, relation, kind, &o)) >= 0)
        return rc;
    if (max < 1 || max_hops < 1 || max_hops > 20)
        return cli_usage_error(cli->cmd, "--max must be >= 1 and --max-hops "
                                         "1..20");
    if ((rc = vo_open(cli, &st)) != KG_EXIT_OK)
        return rc;
    if ((rc = kg_store_resolve(&na, &pool, st, pos[0], &err)) ||
        (rc = kg_store_resolve(&nb, &pool, st, pos[1], &err)) ||
        (rc = kg_store_path_ties(&set, st, pos[0], pos[1], (int)max_hops, &o,
                                 &err)) ||
        (rc = kg_graph_new(&g, &set, &err))) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    if (set.n == 0 || kg_graph_find(&va, g, na) != KG_OK ||
        kg_graph_find(&vb, g, nb) != KG_OK) {
        ex = cli_error("no connection between '%s' and '%s' within %ld ties",
                       na, nb, max_hops);
        goto done;
    }
    if ((rc = kg_graph_paths(&p, g, va, vb, (size_t)max, &err))) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    if (p.n == 0) {
        ex = cli_error("no connection between '%s' and '%s' within %ld ties",
                       na, nb, max_hops);
        goto done;
    }
    if (put_paths(&b, g, &p, form) != KG_OK)
        ex = cli_error("out of memory");
    else
        ex = cli_write(cli, &b);
done:
    kg_paths_release(&p);
    kg_graph_free(g);
    kg_buf_release(&b);
    kg_pool_release(&pool);
    kg_tieset_release(&set);
    kg_store_close(st);
    return ex;
}
