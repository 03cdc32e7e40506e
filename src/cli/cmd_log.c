/* cmd_log.c: PLACEHOLDER until the 'log' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_log(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'log' is not built yet");
}
