/* cmd_render.c: PLACEHOLDER until the 'render' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_render(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'render' is not built yet");
}
