/*
 * cmd_diff.c: `corpgraph diff D1 D2` (what changed in the world between
 * two valid dates: appeared, ended, changed, interrupted, transient, each
 * with its evidence) and `corpgraph diff --revisions R1 R2` (what the
 * store learned between two revisions).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/viewout.h"

static int put_text(kg_buf *b, const kg_changeset *cs)
{
    static const char *const head[] = {"CHANGE", "SUBJECT", "RELATION",
                                       "OBJECT", "STATUS",  "FROM",
                                       "TO",     "SOURCE",  "EVIDENCE"};
    vo_table t;
    size_t i;
    int rc = vo_table_init(&t, 9, head);
    for (i = 0; rc == KG_OK && i < cs->n; i++) {
        const kg_change *c = &cs->v[i];
        const kg_tie *x = &c->tie;
        char f[KG_DATE_STRLEN + 1], to[KG_DATE_STRLEN + 1], src[200];
        char ev[600];
        const char *cells[9];
        vo_date(f, x->valid_from, x->uncertain);
        vo_date(to, x->valid_to, x->uncertain && kg_date_is_set(x->valid_to));
        snprintf(src, sizeof src, "%s%s%s", x->doc ? x->doc : "",
                 x->source ? " " : "", x->source ? x->source : "");
        if (c->before && c->after)
            snprintf(ev, sizeof ev, "[%s -> %s] %s", c->before, c->after,
                     x->evidence ? x->evidence : "");
        else
            snprintf(ev, sizeof ev, "%s", x->evidence ? x->evidence : "");
        cells[0] = kg_change_name(c->change);
        cells[1] = x->subject;
        cells[2] = kg_relation_name(x->relation);
        cells[3] = x->object;
        cells[4] = kg_status_name(x->status);
        cells[5] = *f ? f : "?";
        cells[6] = *to ? to : "-";
        cells[7] = src;
        cells[8] = ev;
        rc = vo_table_row(&t, cells);
    }
    if (rc == KG_OK)
        rc = vo_table_put(b, &t);
    vo_table_release(&t);
    return rc;
}

static int put_json(kg_buf *b, const kg_changeset *cs)
{
    size_t i;
    int rc = KG_OK;
    for (i = 0; i < cs->n; i++) {
        const kg_change *c = &cs->v[i];
        kg_buf_printf(b, "{\"change\":\"%s\",", kg_change_name(c->change));
        vo_json_tie(b, &c->tie);
        kg_buf_putc(b, ',');
        vo_json_str(b, "before", c->before);
        kg_buf_putc(b, ',');
        vo_json_str(b, "after", c->after);
        rc = kg_buf_puts(b, "}\n");
    }
    return rc;
}

static int put_csv(kg_buf *b, const kg_changeset *cs)
{
    size_t i;
    int rc = kg_buf_puts(b, "change,");
    vo_csv_tie_header(b);
    for (i = 0; i < cs->n; i++) {
        vo_csv(b, kg_change_name(cs->v[i].change), 0);
        rc = vo_csv_tie(b, &cs->v[i].tie);
    }
    return rc;
}

static int parse_rev(kg_cli *cli, const char *s, int64_t *out)
{
    char *end;
    long long r = strtoll(s, &end, 10);
    if (end == s || *end || r < 0)
        return cli_usage_error(cli->cmd, "bad revision '%s' (a number from "
                               "'corpgraph log')", s);
    *out = r;
    return -1;
}

int cmd_diff(int argc, char **argv, kg_cli *cli)
{
    cli_view v = {0};
    const char *relation = NULL, *kind = NULL, *entity = NULL;
    long hops = 1;
    int revisions = 0, npos, rc, form, ex = KG_EXIT_OK;
    char **pos;
    kg_diff_opts d;
    kg_store *st = NULL;
    kg_changeset cs = {0};
    kg_buf b = KG_BUF_INIT;
    kg_error err = {0, ""};
    const cli_opt opts[] = {
        {"revisions", 0, CLI_OPT_FLAG, &revisions, NULL,
         "compare two revisions (record time) instead of two dates"},
        {"entity", 'e', CLI_OPT_STR, &entity, "NAME",
         "only ties within --hops of NAME"},
        {"hops", 0, CLI_OPT_INT, &hops, "K", "with --entity (default 1)"},
        {"relation", 'r', CLI_OPT_STR, &relation, "REL",
         "only ties of this relation"},
        {"kind", 'k', CLI_OPT_STR, &kind, "KIND",
         "only ties with an org, person or product at one end"},
        CLI_OPT_VIEW(&v), CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph diff [options] D1 D2\n"
        "       corpgraph diff --revisions [options] R1 R2",
        "The ties that appeared, ended, changed (status or properties), were\n"
        "interrupted (ended and resumed) or were transient (began and ended\n"
        "between the dates, which two snapshots would miss) between the\n"
        "valid dates D1 and D2, each with the sentence that shows it.  A\n"
        "date of year or month precision stands for its last day.  A '~'\n"
        "marks a change that rests on a date too coarse to be sure.\n"
        "With --revisions: what the store learned between revisions R1 and\n"
        "R2 (see 'corpgraph log').  --at is not used by diff.",
        "example: corpgraph diff 2024-01-01 2025-12-31 --entity OpenAI",
        2, 2};

    if ((rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos)) >= 0)
        return rc;
    memset(&d, 0, sizeof d);
    if ((rc = vo_form(cli, &v, &form)) >= 0 ||
        (rc = vo_opts(cli, &v, relation, kind, &d.view)) >= 0)
        return rc;
    if (hops < 1 || hops > 10)
        return cli_usage_error(cli->cmd, "--hops must be 1..10");
    d.entity = entity;
    d.hops = (int)hops;
    if (revisions) {
        int64_t r1 = 0, r2 = 0;
        if ((rc = parse_rev(cli, pos[0], &r1)) >= 0 ||
            (rc = parse_rev(cli, pos[1], &r2)) >= 0)
            return rc;
        if (r1 >= r2)
            return cli_usage_error(cli->cmd, "revision %lld is not before "
                                   "%lld", (long long)r1, (long long)r2);
        if ((rc = vo_open(cli, &st)) != KG_EXIT_OK)
            return rc;
        rc = kg_store_diff_revisions(&cs, st, r1, r2, &d, &err);
    } else {
        kg_date d1, d2;
        if (kg_date_parse(&d1, pos[0], (size_t)-1) != KG_OK)
            return cli_usage_error(cli->cmd, "bad date '%s' (YYYY, YYYY-MM "
                                   "or YYYY-MM-DD)", pos[0]);
        if (kg_date_parse(&d2, pos[1], (size_t)-1) != KG_OK)
            return cli_usage_error(cli->cmd, "bad date '%s' (YYYY, YYYY-MM "
                                   "or YYYY-MM-DD)", pos[1]);
        if (kg_date_last_day(d1) > kg_date_last_day(d2))
            return cli_usage_error(cli->cmd, "the first date '%s' is after "
                                   "the second '%s'", pos[0], pos[1]);
        if ((rc = vo_open(cli, &st)) != KG_EXIT_OK)
            return rc;
        rc = kg_store_diff(&cs, st, d1, d2, &d, &err);
    }
    if (rc != KG_OK) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    if (form == VO_TEXT)
        rc = put_text(&b, &cs);
    else if (form == VO_CSV)
        rc = put_csv(&b, &cs);
    else
        rc = put_json(&b, &cs);
    if (rc != KG_OK)
        ex = cli_error("out of memory");
    else
        ex = cli_write(cli, &b);
done:
    kg_buf_release(&b);
    kg_changeset_release(&cs);
    kg_store_close(st);
    return ex;
}
