/* cmd_extract.c: PLACEHOLDER until the 'extract' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_extract(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'extract' is not built yet");
}
