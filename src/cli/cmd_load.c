/* cmd_load.c: PLACEHOLDER until the 'load' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_load(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'load' is not built yet");
}
