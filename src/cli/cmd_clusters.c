/* cmd_clusters.c: PLACEHOLDER until the 'clusters' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_clusters(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'clusters' is not built yet");
}
