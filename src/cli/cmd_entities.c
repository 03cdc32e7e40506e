/* cmd_entities.c: PLACEHOLDER until the 'entities' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_entities(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'entities' is not built yet");
}
