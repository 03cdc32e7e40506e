/*
 * cmd_query.c: `corpgraph query NAME`: the ties of an entity at a date as
 * known after a revision (its neighbourhood, --hops steps out), one row
 * per tie, read from the store entity by entity.
 */
#include <stdio.h>
#include <string.h>

#include "cli/viewout.h"

/* Append the text table of set (one row per tie). */
static int put_text(kg_buf *b, const kg_tieset *set)
{
    static const char *const head[] = {"SUBJECT", "RELATION", "OBJECT",
                                       "STATUS",  "FROM",     "TO",
                                       "DOCS",    "PROPERTIES", "SOURCE"};
    vo_table t;
    size_t i;
    int rc = vo_table_init(&t, 9, head);
    t.right[6] = 1;
    for (i = 0; rc == KG_OK && i < set->n; i++) {
        const kg_tie *x = &set->v[i];
        char f[KG_DATE_STRLEN + 1], to[KG_DATE_STRLEN + 1], n[16];
        char props[160], src[200];
        const char *cells[9];
        vo_date(f, x->valid_from, x->uncertain);
        vo_date(to, x->valid_to, 0);
        snprintf(n, sizeof n, "%d", x->ndocs);
        vo_props(props, sizeof props, x);
        snprintf(src, sizeof src, "%s%s%s", x->doc ? x->doc : "",
                 x->source ? " " : "", x->source ? x->source : "");
        cells[0] = x->subject;
        cells[1] = kg_relation_name(x->relation);
        cells[2] = x->object;
        cells[3] = kg_status_name(x->status);
        cells[4] = *f ? f : "?";
        cells[5] = *to ? to : "-";
        cells[6] = n;
        cells[7] = props;
        cells[8] = src;
        rc = vo_table_row(&t, cells);
    }
    if (rc == KG_OK)
        rc = vo_table_put(b, &t);
    vo_table_release(&t);
    return rc;
}

int cmd_query(int argc, char **argv, kg_cli *cli)
{
    cli_view v = {0};
    const char *relation = NULL, *kind = NULL;
    long hops = 1;
    int npos, rc, form, ex = KG_EXIT_OK;
    char **pos;
    size_t i;
    kg_view_opts o;
    kg_store *st = NULL;
    kg_tieset set = {0};
    kg_buf b = KG_BUF_INIT;
    kg_error err = {0, ""};
    const cli_opt opts[] = {
        {"relation", 'r', CLI_OPT_STR, &relation, "REL",
         "only ties of this relation"},
        {"kind", 'k', CLI_OPT_STR, &kind, "KIND",
         "only ties with an org, person or product at one end"},
        {"hops", 0, CLI_OPT_INT, &hops, "K",
         "walk K ties out from NAME (default 1)"},
        CLI_OPT_VIEW(&v), CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph query [options] NAME",
        "The ties of NAME (a canonical name or an alias) at a date, one row\n"
        "per tie with its interval, supporting documents, properties and\n"
        "latest source.  A date marked '~' is too coarse to be sure the tie\n"
        "held on the date asked (\"since 2019\" asked at 2019-06-01).",
        "example: corpgraph query OpenAI --at 2025-12-31 --hops 2",
        1, 1};

    if ((rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos)) >= 0)
        return rc;
    if ((rc = vo_form(cli, &v, &form)) >= 0 ||
        (rc = vo_opts(cli, &v, relation, kind, &o)) >= 0)
        return rc;
    if (hops < 1 || hops > 10)
        return cli_usage_error(cli->cmd, "--hops must be 1..10");
    if ((rc = vo_open(cli, &st)) != KG_EXIT_OK)
        return rc;
    rc = kg_store_neighbourhood(&set, st, pos[0], (int)hops, &o, &err);
    if (rc != KG_OK) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    if (form == VO_TEXT) {
        rc = put_text(&b, &set);
    } else if (form == VO_CSV) {
        rc = vo_csv_tie_header(&b);
        for (i = 0; i < set.n; i++)
            rc = vo_csv_tie(&b, &set.v[i]);
    } else {
        for (i = 0; i < set.n; i++) {
            kg_buf_putc(&b, '{');
            vo_json_tie(&b, &set.v[i]);
            rc = kg_buf_puts(&b, "}\n");
        }
    }
    if (rc != KG_OK)
        ex = cli_error("out of memory");
    else
        ex = cli_write(cli, &b);
done:
    kg_buf_release(&b);
    kg_tieset_release(&set);
    kg_store_close(st);
    return ex;
}
