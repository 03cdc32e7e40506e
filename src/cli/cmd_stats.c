/* cmd_stats.c: PLACEHOLDER until the 'stats' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_stats(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'stats' is not built yet");
}
