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
    static const char *const keys[2] = {"alias", "entity"};
    const char *message = NULL, *kind_s = NULL;
    int json = 0, npos, rc;
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
    return cli_entity_revision(cli, 0, pos[1], pos[2], kind_s, message, json,
                               keys);
}
