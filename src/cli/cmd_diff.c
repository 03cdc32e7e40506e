/* cmd_diff.c: PLACEHOLDER until the 'diff' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_diff(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'diff' is not built yet");
}
