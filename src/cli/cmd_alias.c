/* cmd_alias.c: PLACEHOLDER until the 'alias' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_alias(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'alias' is not built yet");
}
