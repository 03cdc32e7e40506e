/*
 * cmd_log.c: `corpgraph log`: the revisions of the store, newest first,
 * like `git log`: id, time, counts, extractor and message.
 */
#include <stdio.h>

#include "cli/cmd.h"
#include "cli/table.h"

typedef struct log_state {
    int json;
    kg_buf out;
    cli_table table;
} log_state;

static int on_rev(const kg_revision *r, void *payload)
{
    log_state *ls = payload;
    char id[24], docs[24], skip[24], as[24], op[24], cl[24];
    const char *cells[9];
    if (ls->json) {
        int rc = kg_buf_printf(&ls->out, "{\"revision\":%lld,\"time\":",
                               (long long)r->id);
        rc |= kg_buf_json_str(&ls->out, r->time, (size_t)-1);
        rc |= kg_buf_puts(&ls->out, ",\"message\":");
        rc |= kg_buf_json_str(&ls->out, r->message, (size_t)-1);
        rc |= kg_buf_puts(&ls->out, ",\"extractor\":");
        rc |= kg_buf_json_str(&ls->out, r->extractor, (size_t)-1);
        rc |= kg_buf_printf(&ls->out,
                            ",\"documents\":%lld,\"skipped\":%lld,"
                            "\"assertions\":%lld,\"ties_opened\":%lld,"
                            "\"ties_closed\":%lld}\n",
                            (long long)r->documents, (long long)r->skipped,
                            (long long)r->assertions,
                            (long long)r->ties_opened,
                            (long long)r->ties_closed);
        return rc ? KG_ENOMEM : 0;
    }
    snprintf(id, sizeof id, "%lld", (long long)r->id);
    snprintf(docs, sizeof docs, "%lld", (long long)r->documents);
    snprintf(skip, sizeof skip, "%lld", (long long)r->skipped);
    snprintf(as, sizeof as, "%lld", (long long)r->assertions);
    snprintf(op, sizeof op, "%lld", (long long)r->ties_opened);
    snprintf(cl, sizeof cl, "%lld", (long long)r->ties_closed);
    cells[0] = id;
    cells[1] = r->time;
    cells[2] = docs;
    cells[3] = skip;
    cells[4] = as;
    cells[5] = op;
    cells[6] = cl;
    cells[7] = r->extractor;
    cells[8] = r->message;
    return cli_table_row(&ls->table, cells) ? KG_ENOMEM : 0;
}

int cmd_log(int argc, char **argv, kg_cli *cli)
{
    static const char *const head[] = {"rev", "time", "docs", "skipped",
                                       "assertions", "opened", "closed",
                                       "by", "message"};
    kg_store *st = NULL;
    kg_error err = {0, ""};
    log_state ls;
    int json = 0, dump = 0, npos, rc;
    long as_of = 0;
    char **pos;
    const cli_opt opts[] = {
        {"json", 0, CLI_OPT_FLAG, &json, NULL, "print JSON lines"},
        {"dump-ties", 0, CLI_OPT_FLAG, &dump, NULL,
         "print every tie interval instead (tests, debugging)"},
        {"as-of", 0, CLI_OPT_INT, &as_of, "REV",
         "with --dump-ties: the intervals known after revision REV"},
        CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph log [--json] [--db FILE]",
        "List the revisions of the store, newest first: id, time, documents\n"
        "added and skipped (already stored), assertions added, tie\n"
        "intervals opened and closed, what made it (the extractor version,\n"
        "'load', 'alias' or 'merge') and the message.",
        "--dump-ties prints the derived tie intervals, one per line,\n"
        "sorted, without row ids: two stores built from the same triples\n"
        "in any order print the same bytes.",
        0, 0};

    rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
    if (rc >= 0)
        return rc;
    rc = cli_store_open(cli, KG_STORE_READONLY, &st);
    if (rc != KG_EXIT_OK)
        return rc;
    ls.json = json;
    kg_buf_init(&ls.out);
    cli_table_init(&ls.table, 9, head, "rlrrrrrll");
    if (dump)
        rc = kg_store_dump_ties(st, as_of, &ls.out, &err);
    else
        rc = kg_store_log(st, on_rev, &ls, &err);
    if (rc != KG_OK) {
        rc = rc == KG_ENOMEM ? cli_error("out of memory")
                             : cli_error("%s", err.msg);
        goto done;
    }
    if (!json && ls.table.nrows &&
        cli_table_print(&ls.table, &ls.out) != KG_OK) {
        rc = cli_error("out of memory");
        goto done;
    }
    rc = cli_write(cli, &ls.out);
done:
    cli_table_release(&ls.table);
    kg_buf_release(&ls.out);
    kg_store_close(st);
    return rc;
}
