/* cmd_query.c: PLACEHOLDER until the 'query' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_query(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'query' is not built yet");
}
