/* cmd_eval.c: PLACEHOLDER until the 'eval' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_eval(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'eval' is not built yet");
}
