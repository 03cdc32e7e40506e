/* cmd_merge.c: PLACEHOLDER until the 'merge' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_merge(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'merge' is not built yet");
}
