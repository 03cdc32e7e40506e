/*
 * cmd_init.c: `corpgraph init`: create an empty store (schema, WAL mode,
 * application_id), or confirm that the file already is one.
 */
#include <sys/stat.h>

#include "cli/cmd.h"

int cmd_init(int argc, char **argv, kg_cli *cli)
{
    kg_store *st = NULL;
    struct stat sb;
    int npos, rc, existed;
    char **pos;
    const cli_opt opts[] = {CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph init [--db FILE]",
        "Create an empty store: one SQLite file (WAL mode) holding the\n"
        "versioned graph.  Other write commands create it too when it is\n"
        "missing; an existing store is left as it is.",
        NULL, 0, 0};

    rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
    if (rc >= 0)
        return rc;
    existed = stat(cli_store_path(cli), &sb) == 0 && sb.st_size > 0;
    rc = cli_store_open(cli, KG_STORE_CREATE, &st);
    if (rc != KG_EXIT_OK)
        return rc;
    fprintf(cli->out, existed ? "%s is already a corpgraph store (schema %d)\n"
                              : "created empty store %s (schema %d)\n",
            kg_store_path(st), kg_store_schema_version(st));
    kg_store_close(st);
    return KG_EXIT_OK;
}
