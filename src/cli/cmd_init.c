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
    int npos, rc, existed, json = 0;
    char **pos;
    const cli_opt opts[] = {
        {"json", 0, CLI_OPT_FLAG, &json, NULL, "print the result as JSON"},
        CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph init [--json] [--db FILE]",
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
    if (json) {
        kg_buf b = KG_BUF_INIT;
        kg_buf_puts(&b, "{\"store\":");
        kg_buf_json_str(&b, kg_store_path(st), (size_t)-1);
        kg_buf_printf(&b, ",\"created\":%s,\"schema\":%d}\n",
                      existed ? "false" : "true",
                      kg_store_schema_version(st));
        rc = cli_write(cli, &b);
        kg_buf_release(&b);
    } else {
        fprintf(cli->out,
                existed ? "%s is already a corpgraph store (schema %d)\n"
                        : "created empty store %s (schema %d)\n",
                kg_store_path(st), kg_store_schema_version(st));
    }
    kg_store_close(st);
    return rc;
}
