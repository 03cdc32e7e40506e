/* cmd_init.c: PLACEHOLDER until the 'init' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_init(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'init' is not built yet");
}
