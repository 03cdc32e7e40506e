/* cmd_ingest.c: PLACEHOLDER until the 'ingest' command lands (to be replaced). */
#include "cli/cmd.h"

int cmd_ingest(int argc, char **argv, kg_cli *cli)
{
    (void)argc;
    (void)argv;
    (void)cli;
    return cli_error("PLACEHOLDER: 'ingest' is not built yet");
}
