/*
 * main.c: the corpgraph program: one table of subcommands, the global
 * options (--help, --version), dispatch, and the single place where the
 * process ends.  Data goes to stdout, diagnostics to stderr; a failed write
 * to stdout (a full disk, a closed pipe) is an error, never a success.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"

/* Layout: name, entry point, one-line summary; in the order of help. */
const cli_cmd cli_cmds[] = {
    {"extract", cmd_extract, "print the relation triples found in articles"},
    {"eval", cmd_eval, "score extraction against hand-made triples"},
    {"init", cmd_init, "create an empty store"},
    {"ingest", cmd_ingest, "extract articles and store them as one revision"},
    {"load", cmd_load, "store triples made elsewhere (JSONL) as a revision"},
    {"log", cmd_log, "list the revisions of the store"},
    {"entities", cmd_entities, "list entities with their counts"},
    {"alias", cmd_alias, "add an alias for an entity"},
    {"merge", cmd_merge, "merge one entity into another"},
    {"query", cmd_query, "the ties of an entity (its neighbourhood)"},
    {"history", cmd_history, "every assertion about an entity or a pair"},
    {"diff", cmd_diff, "what changed between two dates or revisions"},
    {"path", cmd_path, "shortest connections between two entities"},
    {"rank", cmd_rank, "the most central entities"},
    {"clusters", cmd_clusters, "communities of the graph"},
    {"stats", cmd_stats, "counts by kind, relation and status"},
    {"export", cmd_export, "write the graph as GraphML, GML, CSV, JSONL, GEXF"},
    {"render", cmd_render, "draw the graph, a diff or a timeline"},
    {"help", cmd_help, "show help for corpgraph or a command"},
    {"version", cmd_version, "print the version"},
    {NULL, NULL, NULL}};

const cli_cmd *cli_cmd_find(const char *name)
{
    const cli_cmd *c;
    for (c = cli_cmds; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

static void print_usage(FILE *f)
{
    const cli_cmd *c;
    fprintf(f, "usage: corpgraph [--version] [--help] COMMAND [ARGS]\n\n"
               "corpgraph turns news articles into a versioned graph of "
               "corporate ties.\n\ncommands:\n");
    for (c = cli_cmds; c->name; c++)
        fprintf(f, "  %-10s %s\n", c->name, c->summary);
    fprintf(f, "\n'corpgraph help COMMAND' or 'corpgraph COMMAND --help' "
               "shows the options of a command.\n"
               "Exit status: 0 ok, 1 error, 2 usage, 3 some inputs bad "
               "(the rest done), 4 store busy.\n");
}

int cmd_version(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    fprintf(cli->out, "corpgraph %s\n", KG_VERSION);
    return KG_EXIT_OK;
}

int cmd_help(int argc, char **argv, kg_cli *cli)
{
    const cli_cmd *c;
    char name[32], help[] = "--help";
    char *args[3];
    if (argc < 2) {
        print_usage(cli->out);
        return KG_EXIT_OK;
    }
    c = cli_cmd_find(argv[1]);
    if (!c)
        return cli_usage_error(NULL, "'%s' is not a corpgraph command",
                               argv[1]);
    if (c->fn == cmd_help || c->fn == cmd_version) {
        print_usage(cli->out);
        return KG_EXIT_OK;
    }
    snprintf(name, sizeof name, "%s", c->name);
    args[0] = name;
    args[1] = help;
    args[2] = NULL;
    cli->cmd = c->name;
    return c->fn(2, args, cli);
}

int main(int argc, char **argv)
{
    kg_cli cli;
    const cli_cmd *c;
    int rc;

    memset(&cli, 0, sizeof cli);
    cli.prog = "corpgraph";
    cli.out = stdout;
    cli.out_is_tty = isatty(STDOUT_FILENO);
    cli.err_is_tty = isatty(STDERR_FILENO);
    kg_init();

    if (argc < 2) {
        print_usage(stderr);
        return KG_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_usage(stdout);
        rc = KG_EXIT_OK;
    } else if (strcmp(argv[1], "--version") == 0) {
        rc = cmd_version(argc - 1, argv + 1, &cli);
    } else if (!(c = cli_cmd_find(argv[1]))) {
        rc = cli_usage_error(NULL, "'%s' is not a corpgraph command; see "
                                   "'corpgraph --help'", argv[1]);
    } else {
        cli.cmd = c->name;
        rc = c->fn(argc - 1, argv + 1, &cli);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "corpgraph: cannot write to standard output\n");
        if (rc == KG_EXIT_OK)
            rc = KG_EXIT_ERROR;
    }
    return rc;
}
