/* cmd_history.c: PLACEHOLDER until the 'history' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_history(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'history' is not built yet");
}
