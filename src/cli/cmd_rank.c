/* cmd_rank.c: PLACEHOLDER until the 'rank' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_rank(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'rank' is not built yet");
}
