/*
 * opt.c: cli_parse() and cli_print_help(), the table-driven option parser
 * of opt.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"

void cli_print_help(struct kg_cli *cli, const cli_opt *opts,
                    const cli_spec *spec)
{
    FILE *f = cli->out;
    const cli_opt *o;
    fprintf(f, "usage: %s\n", spec->usage);
    if (spec->summary)
        fprintf(f, "\n%s\n", spec->summary);
    fprintf(f, "\noptions:\n");
    for (o = opts; o->name; o++) {
        char head[64];
        int n = 0;
        if (o->shrt)
            n = snprintf(head, sizeof head, "-%c, ", o->shrt);
        else
            n = snprintf(head, sizeof head, "    ");
        snprintf(head + n, sizeof head - (size_t)n, "--%s%s%s", o->name,
                 o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(f, "  %-24s %s%s\n", head, o->help ? o->help : "",
                o->type == CLI_OPT_LIST ? " (repeatable)" : "");
    }
    fprintf(f, "  %-24s %s\n", "-h, --help", "show this help");
    if (spec->more)
        fprintf(f, "\n%s\n", spec->more);
}

static const cli_opt *find_long(const cli_opt *opts, const char *name,
                                size_t len)
{
    const cli_opt *o;
    for (o = opts; o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

static const cli_opt *find_short(const cli_opt *opts, char c)
{
    const cli_opt *o;
    for (o = opts; o->name; o++)
        if (o->shrt && o->shrt == c)
            return o;
    return NULL;
}

/* Store the argument of o; KG_EXIT_USAGE with a message if it is bad. */
static int set_value(struct kg_cli *cli, const cli_opt *o, const char *arg)
{
    char *end;
    long v;
    cli_list *l;
    switch (o->type) {
    case CLI_OPT_FLAG:
        *(int *)o->value = 1;
        return -1;
    case CLI_OPT_STR:
        *(const char **)o->value = arg;
        return -1;
    case CLI_OPT_INT:
        errno = 0;
        v = strtol(arg, &end, 10);
        if (errno || end == arg || *end)
            return cli_usage_error(cli->cmd, "--%s needs a number, not '%s'",
                                   o->name, arg);
        *(long *)o->value = v;
        return -1;
    case CLI_OPT_LIST:
        l = o->value;
        if (l->n >= (int)(sizeof l->v / sizeof l->v[0]))
            return cli_usage_error(cli->cmd, "too many --%s (at most %d)",
                                   o->name, (int)(sizeof l->v / sizeof l->v[0]));
        l->v[l->n++] = arg;
        return -1;
    }
    return -1;
}

int cli_parse(struct kg_cli *cli, int argc, char **argv, const cli_opt *opts,
              const cli_spec *spec, int *npos, char ***pos)
{
    int i, n = 0, rc, only_pos = 0;
    for (i = 1; i < argc; i++) {
        char *a = argv[i];
        const cli_opt *o;
        const char *arg = NULL;
        if (only_pos || a[0] != '-' || a[1] == '\0') {
            argv[1 + n++] = a; /* positionals move to the front, in order */
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_pos = 1;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            cli_print_help(cli, opts, spec);
            return KG_EXIT_OK;
        }
        if (a[1] == '-') {
            const char *eq = strchr(a + 2, '=');
            size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
            o = find_long(opts, a + 2, len);
            if (!o)
                return cli_usage_error(cli->cmd, "unknown option '%.*s'",
                                       (int)len + 2, a);
            if (eq) {
                if (o->type == CLI_OPT_FLAG)
                    return cli_usage_error(cli->cmd,
                                           "--%s takes no argument", o->name);
                arg = eq + 1;
            }
        } else {
            o = find_short(opts, a[1]);
            if (!o)
                return cli_usage_error(cli->cmd, "unknown option '-%c'",
                                       a[1]);
            if (a[2]) {
                if (o->type == CLI_OPT_FLAG)
                    return cli_usage_error(cli->cmd, "unknown option '%s'",
                                           a);
                arg = a + 2;
            }
        }
        if (o->type != CLI_OPT_FLAG && !arg) {
            if (i + 1 >= argc)
                return cli_usage_error(cli->cmd, "--%s needs %s", o->name,
                                       o->arg ? o->arg : "an argument");
            arg = argv[++i];
        }
        if ((rc = set_value(cli, o, arg)) >= 0)
            return rc;
    }
    if (n < spec->min_pos)
        return cli_usage_error(cli->cmd, "missing arguments; usage: %s",
                               spec->usage);
    if (spec->max_pos >= 0 && n > spec->max_pos)
        return cli_usage_error(cli->cmd, "too many arguments ('%s'); usage: %s",
                               argv[1 + spec->max_pos], spec->usage);
    *npos = n;
    *pos = argv + 1;
    return -1;
}
