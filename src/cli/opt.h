/*
 * opt.h: table-driven option parsing for the subcommands.  One static
 * cli_opt table per command both parses argv and prints --help, so the
 * help can never drift from what is accepted.
 *
 *   static const char *msg;  static int json;
 *   const cli_opt opts[] = {
 *       {"message", 'm', CLI_OPT_STR, &msg, "MSG", "revision message"},
 *       {"json", 0, CLI_OPT_FLAG, &json, NULL, "print JSON"},
 *       CLI_OPT_END};
 *   rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
 *   if (rc >= 0) return rc;   (help printed, or a usage error)
 */
#ifndef KG_CLI_OPT_H
#define KG_CLI_OPT_H

struct kg_cli;

typedef enum cli_opt_type {
    CLI_OPT_FLAG, /* int *: set to 1 */
    CLI_OPT_STR,  /* const char **: the argument */
    CLI_OPT_INT,  /* long *: a decimal integer */
    CLI_OPT_LIST  /* cli_list *: repeated, each argument appended */
} cli_opt_type;

typedef struct cli_list {
    const char *v[1024]; /* a glob of case or rule files fits */
    int n;
} cli_list;

typedef struct cli_opt {
    const char *name; /* long name without "--"; NULL ends the table */
    char shrt;        /* short letter or 0 */
    cli_opt_type type;
    void *value;
    const char *arg;  /* argument name shown in help ("FILE") */
    const char *help;
} cli_opt;

#define CLI_OPT_END {NULL, 0, CLI_OPT_FLAG, NULL, NULL, NULL}

/* What --help prints besides the options. */
typedef struct cli_spec {
    const char *usage;   /* "corpgraph ingest [options] PATH..." */
    const char *summary; /* one paragraph on what the command does */
    const char *more;    /* optional text after the options (examples) */
    int min_pos, max_pos;/* positional argument counts; max -1 = any */
} cli_spec;

/*
 * Parse argv[1..] (argv[0] is the command).  Options and positionals may be
 * mixed; "--" ends options.  On success returns -1 and sets *npos and *pos to
 * the positionals (pointers into argv).  Returns KG_EXIT_OK after printing
 * --help, or KG_EXIT_USAGE after printing a usage error.
 */
int cli_parse(struct kg_cli *cli, int argc, char **argv, const cli_opt *opts,
              const cli_spec *spec, int *npos, char ***pos);

/* Print the help of a command from its table to f. */
void cli_print_help(struct kg_cli *cli, const cli_opt *opts,
                    const cli_spec *spec);

#endif
