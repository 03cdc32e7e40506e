/*
 * common.c: what the subcommands share: diagnostics (exit.h), opening the
 * store, today's date and the --at/--as-of options (cmd.h).  The only
 * place besides main.c that reads the environment.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cmd.h"

static void vmessage(const char *prefix, const char *fmt, va_list ap)
{
    fflush(stdout);
    fputs("corpgraph: ", stderr);
    if (prefix)
        fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(NULL, fmt, ap);
    va_end(ap);
    return KG_EXIT_ERROR;
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("warning: ", fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(NULL, fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try 'corpgraph %s%s--help' for more information.\n",
            cmd ? cmd : "", cmd ? " " : "");
    return KG_EXIT_USAGE;
}

int cli_exit_for(int code)
{
    return code == KG_EBUSY ? KG_EXIT_BUSY : KG_EXIT_ERROR;
}

const char *cli_store_path(const kg_cli *cli)
{
    const char *path = cli->db_path;
    if (!path || !*path)
        path = getenv("CORPGRAPH_DB");
    if (!path || !*path)
        path = "corpgraph.db";
    return path;
}

int cli_store_open(kg_cli *cli, unsigned flags, kg_store **out)
{
    const char *path = cli_store_path(cli);
    const char *now = getenv("CORPGRAPH_NOW");
    const char *busy = getenv("CORPGRAPH_BUSY_TIMEOUT");
    kg_error err = {0, ""};
    int rc;
    rc = kg_store_open(out, path, flags, &err);
    if (rc != KG_OK)
        return cli_error("%s", err.msg), cli_exit_for(rc);
    if (busy && *busy)
        kg_store_set_busy_timeout(*out, atoi(busy));
    if (now && *now && kg_store_set_clock(*out, now, &err) != KG_OK) {
        kg_store_close(*out);
        *out = NULL;
        return cli_error("CORPGRAPH_NOW: %s", err.msg);
    }
    return KG_EXIT_OK;
}

kg_date cli_today(void)
{
    const char *env = getenv("CORPGRAPH_TODAY");
    kg_date d;
    time_t now;
    struct tm tm;
    if (env && kg_date_parse(&d, env, (size_t)-1) == KG_OK)
        return d;
    now = time(NULL);
    gmtime_r(&now, &tm);
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    return d;
}

int cli_view_resolve(const cli_view *v, kg_view_opts *out)
{
    kg_view_opts def = KG_VIEW_OPTS_INIT;
    *out = def;
    if (v->at) {
        if (kg_date_parse(&out->at, v->at, (size_t)-1) != KG_OK)
            return cli_usage_error(NULL,
                                   "bad date '%s' for --at (YYYY, YYYY-MM or "
                                   "YYYY-MM-DD)", v->at);
    } else {
        out->at = cli_today();
    }
    if (v->as_of) {
        char *end;
        long long r = strtoll(v->as_of, &end, 10);
        if (end == v->as_of || *end || r <= 0)
            return cli_usage_error(NULL,
                                   "bad revision '%s' for --as-of (a revision "
                                   "number from 'corpgraph log')", v->as_of);
        out->as_of = r;
    }
    return KG_EXIT_OK;
}

int cli_write(kg_cli *cli, const kg_buf *b)
{
    if (b->len && fwrite(b->ptr, 1, b->len, cli->out) != b->len)
        return cli_error("cannot write output");
    return KG_EXIT_OK;
}
