/* cmd_path.c: PLACEHOLDER until the 'path' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_path(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'path' is not built yet");
}
