/*
 * cmd_alias.c: `corpgraph alias add ALIAS NAME`: from this revision on,
 * ALIAS names the entity NAME (in ingests, loads and queries).  A
 * revision like any other: earlier revisions keep answering without it.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"

int cmd_alias(int argc, char **argv, kg_cli *cli)
{
    kg_store *st = NULL;
    kg_error err = {0, ""};
    kg_revision rev;
    kg_buf msg = KG_BUF_INIT, out = KG_BUF_INIT;
    const char *message = NULL, *kind_s = NULL;
    int json = 0, npos, rc, kind = -1;
    char **pos;
    const cli_opt opts[] = {
        {"kind", 'k', CLI_OPT_STR, &kind_s, "KIND",
         "the kind of NAME when several entities share it"},
        {"message", 'm', CLI_OPT_STR, &message, "MSG", "revision message"},
        {"json", 0, CLI_OPT_FLAG, &json, NULL, "print the result as JSON"},
        CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph alias add [options] ALIAS NAME",
        "Make ALIAS another name of the entity NAME (its canonical name or\n"
        "an alias), as a new revision.  Later articles that say ALIAS are\n"
        "stored under NAME.  If an entity of the same kind is itself called\n"
        "ALIAS, it is merged into NAME (see 'corpgraph merge').",
        "example: corpgraph alias add AWS \"Amazon Web Services\"",
        3, 3};

    rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
    if (rc >= 0)
        return rc;
    if (strcmp(pos[0], "add") != 0)
        return cli_usage_error("alias", "unknown alias action '%s' (add)",
                               pos[0]);
    if (kind_s) {
        kg_kind k;
        if (kg_kind_parse(&k, kind_s) != KG_OK)
            return cli_usage_error("alias", "unknown kind '%s' (org, "
                                   "person, product)", kind_s);
        kind = (int)k;
    }
    rc = cli_store_open(cli, KG_STORE_CREATE, &st);
    if (rc != KG_EXIT_OK)
        return rc;
    if (!message) {
        kg_buf_printf(&msg, "alias %s -> %s", pos[1], pos[2]);
        message = msg.ptr;
    }
    rc = kg_store_begin(st, message, "alias", &err);
    if (rc == KG_OK) {
        rc = kg_store_alias_add(st, pos[1], pos[2], kind, &err);
        if (rc == KG_OK)
            rc = kg_store_commit(st, &rev, &err);
        else
            kg_store_rollback(st);
    }
    if (rc != KG_OK) {
        int code = cli_exit_for(rc);
        cli_error("%s", err.msg);
        rc = code;
        goto done;
    }
    if (json) {
        kg_buf_printf(&out, "{\"revision\":%lld,\"alias\":", (long long)rev.id);
        kg_buf_json_str(&out, pos[1], (size_t)-1);
        kg_buf_puts(&out, ",\"entity\":");
        kg_buf_json_str(&out, pos[2], (size_t)-1);
        kg_buf_printf(&out, ",\"ties_opened\":%lld,\"ties_closed\":%lld}\n",
                      (long long)rev.ties_opened,
                      (long long)rev.ties_closed);
    } else {
        kg_buf_printf(&out, "'%s' is now an alias of '%s', revision %lld\n",
                      pos[1], pos[2], (long long)rev.id);
    }
    rc = cli_write(cli, &out);
done:
    kg_buf_release(&out);
    kg_buf_release(&msg);
    kg_store_close(st);
    return rc;
}
