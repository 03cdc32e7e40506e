/*
 * cmd.h: the subcommands of corpgraph and what they share.
 *
 * Adding a command:
 *  1. write int cmd_<name>(int argc, char **argv, kg_cli *cli) in
 *     src/cli/cmd_<name>.c; argv[0] is the command name;
 *  2. give it a static cli_opt table and parse with cli_parse(), which
 *     handles --help from the same table;
 *  3. prototype it below and add one row to the table in src/cli/main.c;
 *  4. document it in README.md "Commands" and add tests/cli/<name>*.case.
 * Data goes to cli->out (stdout), diagnostics to stderr via cli_error().
 */
#ifndef KG_CLI_CMD_H
#define KG_CLI_CMD_H

#include <stdio.h>

#include "cli/exit.h"
#include "cli/opt.h"
#include "kg/kg.h"

typedef struct kg_cli {
    const char *prog;    /* "corpgraph" */
    const char *cmd;     /* the running command's name */
    const char *db_path; /* --db, set by CLI_STORE_OPTS */
    FILE *out;           /* stdout */
    int out_is_tty;
    int err_is_tty;
} kg_cli;

/*
 * Open the store named by --db, else $CORPGRAPH_DB, else ./corpgraph.db.
 * flags: KG_STORE_READONLY or KG_STORE_CREATE.  Sets the revision clock
 * from $CORPGRAPH_NOW when set (tests) and the writer's busy timeout
 * from $CORPGRAPH_BUSY_TIMEOUT (ms, default 10000).  Prints the error and
 * returns an exit status on failure, KG_EXIT_OK on success.
 */
int cli_store_open(kg_cli *cli, unsigned flags, kg_store **out);

/* The store path cli_store_open uses (--db, $CORPGRAPH_DB, default). */
const char *cli_store_path(const kg_cli *cli);

/* --db FILE, for every command that opens the store. */
#define CLI_OPT_DB(cli)                                                    \
    {"db", 0, CLI_OPT_STR, &(cli)->db_path, "FILE",                        \
     "store file (default: $CORPGRAPH_DB, else ./corpgraph.db)"}

/* The two clocks and output forms every read command takes. */
typedef struct cli_view {
    const char *at;    /* --at DATE (valid time) */
    const char *as_of; /* --as-of REV (record time) */
    int json, csv;
} cli_view;

#define CLI_OPT_VIEW(v)                                                    \
    {"at", 0, CLI_OPT_STR, &(v)->at, "DATE",                               \
     "valid time: YYYY, YYYY-MM or YYYY-MM-DD (default: today)"},          \
    {"as-of", 0, CLI_OPT_STR, &(v)->as_of, "REV",                          \
     "record time: what the store knew after revision REV"},               \
    {"json", 0, CLI_OPT_FLAG, &(v)->json, NULL, "print JSON lines"},       \
    {"csv", 0, CLI_OPT_FLAG, &(v)->csv, NULL, "print CSV"}

/*
 * Turn --at/--as-of into view options (at defaults to cli_today()).  Prints
 * the error and returns KG_EXIT_USAGE on a bad date or revision, else
 * KG_EXIT_OK.
 */
int cli_view_resolve(const cli_view *v, kg_view_opts *out);

/* Today's date in UTC, or $CORPGRAPH_TODAY (YYYY-MM-DD) for tests. */
kg_date cli_today(void);

/* Write b to cli->out; 0 or KG_EXIT_ERROR on a write failure. */
int cli_write(kg_cli *cli, const kg_buf *b);

int cmd_help(int argc, char **argv, kg_cli *cli);
int cmd_version(int argc, char **argv, kg_cli *cli);
/* extract (src/cli/cmd_extract.c, cmd_eval.c) */
int cmd_extract(int argc, char **argv, kg_cli *cli);
int cmd_eval(int argc, char **argv, kg_cli *cli);
/* store (cmd_init.c, cmd_ingest.c, cmd_load.c, cmd_log.c, ...) */
int cmd_init(int argc, char **argv, kg_cli *cli);
int cmd_ingest(int argc, char **argv, kg_cli *cli);
int cmd_load(int argc, char **argv, kg_cli *cli);
int cmd_log(int argc, char **argv, kg_cli *cli);
int cmd_entities(int argc, char **argv, kg_cli *cli);
int cmd_alias(int argc, char **argv, kg_cli *cli);
int cmd_merge(int argc, char **argv, kg_cli *cli);
/* time travel and analysis */
int cmd_query(int argc, char **argv, kg_cli *cli);
int cmd_history(int argc, char **argv, kg_cli *cli);
int cmd_diff(int argc, char **argv, kg_cli *cli);
int cmd_path(int argc, char **argv, kg_cli *cli);
int cmd_rank(int argc, char **argv, kg_cli *cli);
int cmd_clusters(int argc, char **argv, kg_cli *cli);
int cmd_stats(int argc, char **argv, kg_cli *cli);
int cmd_export(int argc, char **argv, kg_cli *cli);
/*
 * The one revision behind `alias add` (merge 0: a becomes an alias of b)
 * and `merge` (merge 1: a is merged into b), and its output; keys name a
 * and b in --json.  Returns an exit status.
 */
int cli_entity_revision(kg_cli *cli, int merge, const char *a, const char *b,
                        const char *kind_s, const char *message, int json,
                        const char *const keys[2]);
/* diagrams */
int cmd_render(int argc, char **argv, kg_cli *cli);

/* The command table (main.c), for help. */
typedef struct cli_cmd {
    const char *name;
    int (*fn)(int argc, char **argv, kg_cli *cli);
    const char *summary;
} cli_cmd;

extern const cli_cmd cli_cmds[];
const cli_cmd *cli_cmd_find(const char *name);

#endif
