/*
 * cmd_history.c: `corpgraph history NAME [NAME2]`: every assertion about
 * the ties of one entity, or between two, in date order with its status,
 * source and sentence, then the intervals the store derived from them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/viewout.h"

static int cmp_assert(const void *pa, const void *pb)
{
    const kg_assertion *a = pa, *b = pb;
    int c;
    if ((c = kg_date_cmp(a->t.date, b->t.date)) != 0)
        return c;
    if ((c = kg_date_cmp(a->doc_date, b->doc_date)) != 0)
        return c;
    if ((c = strcmp(a->t.subject, b->t.subject)) != 0)
        return c;
    if (a->t.relation != b->t.relation)
        return a->t.relation < b->t.relation ? -1 : 1;
    if ((c = strcmp(a->t.object, b->t.object)) != 0)
        return c;
    if (a->t.status != b->t.status)
        return a->t.status < b->t.status ? -1 : 1;
    if ((c = strcmp(a->t.doc ? a->t.doc : "", b->t.doc ? b->t.doc : "")))
        return c;
    if ((c = strcmp(a->t.evidence ? a->t.evidence : "",
                    b->t.evidence ? b->t.evidence : "")))
        return c;
    return (a->revision > b->revision) - (a->revision < b->revision);
}

static int put_text(kg_buf *b, const kg_assertionset *as,
                    const kg_tieset *iv)
{
    static const char *const head[] = {"DATE",   "STATUS", "SUBJECT",
                                       "RELATION", "OBJECT", "SOURCE",
                                       "REV",    "SENTENCE"};
    static const char *const ihead[] = {"SUBJECT", "RELATION", "OBJECT",
                                        "STATUS",  "FROM",     "TO",
                                        "DOCS",    "PROPERTIES"};
    vo_table t;
    size_t i;
    int rc = vo_table_init(&t, 8, head);
    t.right[6] = 1;
    for (i = 0; rc == KG_OK && i < as->n; i++) {
        const kg_assertion *a = &as->v[i];
        char d[KG_DATE_STRLEN], rev[24], src[200];
        const char *cells[8];
        kg_date_format(d, a->t.date);
        snprintf(rev, sizeof rev, "%lld", (long long)a->revision);
        snprintf(src, sizeof src, "%s%s%s", a->t.doc ? a->t.doc : "",
                 a->source ? " " : "", a->source ? a->source : "");
        cells[0] = *d ? d : "?";
        cells[1] = kg_status_name(a->t.status);
        cells[2] = a->t.subject;
        cells[3] = kg_relation_name(a->t.relation);
        cells[4] = a->t.object;
        cells[5] = src;
        cells[6] = rev;
        cells[7] = a->t.evidence;
        rc = vo_table_row(&t, cells);
    }
    if (rc == KG_OK)
        rc = vo_table_put(b, &t);
    vo_table_release(&t);
    if (rc != KG_OK)
        return rc;
    kg_buf_puts(b, "\nintervals:\n");
    rc = vo_table_init(&t, 8, ihead);
    t.right[6] = 1;
    for (i = 0; rc == KG_OK && i < iv->n; i++) {
        const kg_tie *x = &iv->v[i];
        char f[KG_DATE_STRLEN + 1], to[KG_DATE_STRLEN + 1], n[16];
        char props[160];
        const char *cells[8];
        vo_date(f, x->valid_from, 0);
        vo_date(to, x->valid_to, 0);
        snprintf(n, sizeof n, "%d", x->ndocs);
        vo_props(props, sizeof props, x);
        cells[0] = x->subject;
        cells[1] = kg_relation_name(x->relation);
        cells[2] = x->object;
        cells[3] = kg_status_name(x->status);
        cells[4] = *f ? f : "?";
        cells[5] = *to ? to : "-";
        cells[6] = n;
        cells[7] = props;
        rc = vo_table_row(&t, cells);
    }
    if (rc == KG_OK)
        rc = vo_table_put(b, &t);
    vo_table_release(&t);
    return rc;
}

static int put_json(kg_buf *b, const kg_assertionset *as,
                    const kg_tieset *iv)
{
    size_t i;
    int rc = KG_OK;
    for (i = 0; i < as->n; i++) {
        const kg_assertion *a = &as->v[i];
        kg_buf_puts(b, "{\"type\":\"assertion\",");
        vo_json_date(b, "date", a->t.date);
        kg_buf_putc(b, ',');
        vo_json_str(b, "status", kg_status_name(a->t.status));
        kg_buf_putc(b, ',');
        vo_json_str(b, "subject", a->t.subject);
        kg_buf_putc(b, ',');
        vo_json_str(b, "relation", kg_relation_name(a->t.relation));
        kg_buf_putc(b, ',');
        vo_json_str(b, "object", a->t.object);
        kg_buf_putc(b, ',');
        vo_json_str(b, "doc", a->t.doc);
        kg_buf_putc(b, ',');
        vo_json_str(b, "source", a->source);
        kg_buf_putc(b, ',');
        vo_json_date(b, "doc_date", a->doc_date);
        kg_buf_printf(b, ",\"revision\":%lld,", (long long)a->revision);
        vo_json_str(b, "rule", a->t.rule);
        kg_buf_putc(b, ',');
        vo_json_str(b, "amount", a->t.amount);
        if (a->t.stake >= 0)
            kg_buf_printf(b, ",\"stake\":%g,", a->t.stake);
        else
            kg_buf_puts(b, ",\"stake\":null,");
        vo_json_str(b, "role", a->t.role);
        kg_buf_putc(b, ',');
        vo_json_str(b, "evidence", a->t.evidence);
        rc = kg_buf_puts(b, "}\n");
    }
    for (i = 0; i < iv->n; i++) {
        kg_buf_puts(b, "{\"type\":\"interval\",");
        vo_json_tie(b, &iv->v[i]);
        rc = kg_buf_puts(b, "}\n");
    }
    return rc;
}

int cmd_history(int argc, char **argv, kg_cli *cli)
{
    cli_view v = {0};
    const char *relation = NULL;
    int npos, rc, form, ex = KG_EXIT_OK;
    char **pos;
    size_t i;
    kg_view_opts o;
    kg_store *st = NULL;
    kg_assertionset as = {0};
    kg_tieset iv = {0};
    kg_buf b = KG_BUF_INIT;
    kg_error err = {0, ""};
    const cli_opt opts[] = {
        {"relation", 'r', CLI_OPT_STR, &relation, "REL",
         "only ties of this relation"},
        CLI_OPT_VIEW(&v), CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph history [options] NAME [NAME2]",
        "Every assertion about the ties of NAME, or between NAME and NAME2,\n"
        "in date order: status (holds, ended, negated, reported), source,\n"
        "revision and sentence; then the intervals derived from them.\n"
        "--as-of REV shows what the store knew after revision REV; --at is\n"
        "not used (history covers every date).",
        "example: corpgraph history Microsoft OpenAI",
        1, 2};

    if ((rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos)) >= 0)
        return rc;
    if ((rc = vo_form(cli, &v, &form)) >= 0 ||
        (rc = vo_opts(cli, &v, relation, NULL, &o)) >= 0)
        return rc;
    if ((rc = vo_open(cli, &st)) != KG_EXIT_OK)
        return rc;
    rc = kg_store_history(&as, &iv, st, pos[0], npos > 1 ? pos[1] : NULL, &o,
                          &err);
    if (rc != KG_OK) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    if (as.n > 1)
        qsort(as.v, as.n, sizeof *as.v, cmp_assert);
    if (form == VO_TEXT) {
        rc = put_text(&b, &as, &iv);
    } else if (form == VO_JSON) {
        rc = put_json(&b, &as, &iv);
    } else {
        kg_buf_puts(&b, "date,status,subject,relation,object,doc,source,"
                        "revision,evidence\n");
        for (i = 0; i < as.n; i++) {
            const kg_assertion *a = &as.v[i];
            char d[KG_DATE_STRLEN], rev[24];
            kg_date_format(d, a->t.date);
            snprintf(rev, sizeof rev, "%lld", (long long)a->revision);
            vo_csv(&b, d, 0);
            vo_csv(&b, kg_status_name(a->t.status), 0);
            vo_csv(&b, a->t.subject, 0);
            vo_csv(&b, kg_relation_name(a->t.relation), 0);
            vo_csv(&b, a->t.object, 0);
            vo_csv(&b, a->t.doc, 0);
            vo_csv(&b, a->source, 0);
            vo_csv(&b, rev, 0);
            rc = vo_csv(&b, a->t.evidence, 1);
        }
    }
    if (rc != KG_OK)
        ex = cli_error("out of memory");
    else
        ex = cli_write(cli, &b);
done:
    kg_buf_release(&b);
    kg_assertionset_release(&as);
    kg_tieset_release(&iv);
    kg_store_close(st);
    return ex;
}
