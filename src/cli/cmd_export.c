/* cmd_export.c: PLACEHOLDER until the 'export' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_export(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'export' is not built yet");
}
