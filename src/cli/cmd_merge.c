/*
 * cmd_merge.c: `corpgraph merge FROM INTO`: two names of one company (a
 * rename, two spellings) become one entity, as a new revision.  FROM's
 * ties join INTO's and are derived again; earlier revisions still show
 * both entities as they were.
 */
#include <stdio.h>

#include "cli/cmd.h"

int cmd_merge(int argc, char **argv, kg_cli *cli)
{
    static const char *const keys[2] = {"from", "into"};
    const char *message = NULL, *kind_s = NULL;
    int json = 0, npos, rc;
    char **pos;
    const cli_opt opts[] = {
        {"kind", 'k', CLI_OPT_STR, &kind_s, "KIND",
         "the kind of both entities when a name is shared by several"},
        {"message", 'm', CLI_OPT_STR, &message, "MSG", "revision message"},
        {"json", 0, CLI_OPT_FLAG, &json, NULL, "print the result as JSON"},
        CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph merge [options] FROM INTO",
        "Merge the entity FROM into the entity INTO, as a new revision:\n"
        "FROM's name and aliases become aliases of INTO, and FROM's ties\n"
        "become INTO's (their intervals derived again from all their\n"
        "assertions).  'corpgraph query --as-of' an earlier revision still\n"
        "shows FROM on its own.",
        "example: corpgraph merge \"Facebook\" \"Meta Platforms\"", 2, 2};

    rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
    if (rc >= 0)
        return rc;
    return cli_entity_revision(cli, 1, pos[0], pos[1], kind_s, message, json,
                               keys);
}

/*
 * The revision behind `alias add` and `merge`: check --kind, open the
 * store, run the one change (merge FROM=a into INTO=b, or make a an alias
 * of b) in its own revision, and print the result.  keys name a and b in
 * the JSON output.
 */
int cli_entity_revision(kg_cli *cli, int merge, const char *a, const char *b,
                        const char *kind_s, const char *message, int json,
                        const char *const keys[2])
{
    kg_store *st = NULL;
    kg_error err = {0, ""};
    kg_revision rev;
    kg_buf msg = KG_BUF_INIT, out = KG_BUF_INIT;
    int rc, kind = -1;
    if (kind_s) {
        kg_kind k;
        if (kg_kind_parse(&k, kind_s) != KG_OK)
            return cli_usage_error(cli->cmd, "unknown kind '%s' (org, "
                                   "person, product)", kind_s);
        kind = (int)k;
    }
    rc = cli_store_open(cli, KG_STORE_CREATE, &st);
    if (rc != KG_EXIT_OK)
        return rc;
    if (!message) {
        kg_buf_printf(&msg, merge ? "merge %s into %s" : "alias %s -> %s", a,
                      b);
        message = msg.ptr;
    }
    rc = kg_store_begin(st, message, merge ? "merge" : "alias", &err);
    if (rc == KG_OK) {
        rc = merge ? kg_store_merge(st, a, b, kind, &err)
                   : kg_store_alias_add(st, a, b, kind, &err);
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
        kg_buf_printf(&out, "{\"revision\":%lld,\"%s\":", (long long)rev.id,
                      keys[0]);
        kg_buf_json_str(&out, a, (size_t)-1);
        kg_buf_printf(&out, ",\"%s\":", keys[1]);
        kg_buf_json_str(&out, b, (size_t)-1);
        kg_buf_printf(&out, ",\"ties_opened\":%lld,\"ties_closed\":%lld}\n",
                      (long long)rev.ties_opened,
                      (long long)rev.ties_closed);
    } else {
        if (merge)
            kg_buf_printf(&out, "merged '%s' into '%s'", a, b);
        else
            kg_buf_printf(&out, "'%s' is now an alias of '%s'", a, b);
        kg_buf_printf(&out, ", revision %lld\n", (long long)rev.id);
    }
    rc = cli_write(cli, &out);
done:
    kg_buf_release(&out);
    kg_buf_release(&msg);
    kg_store_close(st);
    return rc;
}
