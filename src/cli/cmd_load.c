/*
 * cmd_load.c: `corpgraph load FILE.jsonl...`: store triples made elsewhere
 * (the JSON lines `corpgraph extract` prints, or another extractor's) as
 * one revision.  All or nothing: a malformed line, an unknown relation or
 * status or a missing field stops the load with the file and line named,
 * and nothing of it is stored.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cmd.h"
#include "cli/progress.h"

/* Lines parsed between two releases of the string pool. */
#define POOL_LINES 4096

typedef struct load_state {
    kg_store *st;
    cli_progress prog;
    size_t done, total;
    long long lines, triples;
} load_state;

/* Load one file ("-" = stdin) into the open revision. */
static int load_file(load_state *ls, const char *path, kg_error *err)
{
    FILE *f = NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    kg_pool pool = KG_POOL_INIT;
    kg_triple t;
    int rc = KG_OK, in_pool = 0;

    f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return kg_error_set(err, KG_ENOTFOUND, "cannot open '%s': %s", path,
                            strerror(errno));
    while ((n = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)n;
        lineno++;
        ls->done += len;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue;
        rc = kg_triple_parse_json(&t, &pool, line, len, err);
        if (rc == KG_OK)
            rc = kg_store_add_triple(ls->st, &t, err);
        if (rc != KG_OK) {
            if (rc != KG_EBUSY)
                kg_error_prefix(err, "%s:%ld", path, lineno);
            goto done;
        }
        ls->triples++;
        if (++in_pool == POOL_LINES) {
            kg_pool_release(&pool);
            in_pool = 0;
            cli_progress_update(&ls->prog, ls->done, ls->total,
                                ls->triples, ls->triples);
        }
    }
    if (ferror(f))
        rc = kg_error_set(err, KG_EIO, "cannot read '%s': %s", path,
                          strerror(errno));
done:
    ls->lines += lineno;
    kg_pool_release(&pool);
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

int cmd_load(int argc, char **argv, kg_cli *cli)
{
    const char *message = NULL;
    int json = 0, npos, rc, i;
    char **pos;
    load_state ls;
    kg_revision rev;
    kg_error err = {0, ""};
    kg_buf out = KG_BUF_INIT;
    struct stat sb;
    const cli_opt opts[] = {
        {"message", 'm', CLI_OPT_STR, &message, "MSG", "revision message"},
        {"json", 0, CLI_OPT_FLAG, &json, NULL, "print the summary as JSON"},
        CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph load [options] FILE.jsonl...",
        "Store triples made elsewhere, one JSON object per line in the\n"
        "format 'corpgraph extract' prints, as one revision.  All or\n"
        "nothing: a bad line names its file and line and nothing is\n"
        "stored.  Triples of a document id already in the store are\n"
        "skipped, so loading a file twice adds nothing.  '-' reads stdin.",
        "example: corpgraph extract a/ > a.jsonl; corpgraph extract b/ > "
        "b.jsonl\n         corpgraph load a.jsonl b.jsonl",
        1, -1};

    rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
    if (rc >= 0)
        return rc;
    memset(&ls, 0, sizeof ls);
    for (i = 0; i < npos; i++)
        if (strcmp(pos[i], "-") != 0 && stat(pos[i], &sb) == 0)
            ls.total += (size_t)sb.st_size;
    rc = cli_store_open(cli, KG_STORE_CREATE, &ls.st);
    if (rc != KG_EXIT_OK)
        return rc;
    if ((rc = kg_store_begin(ls.st, message, "load", &err)) != KG_OK) {
        rc = (cli_error("%s", err.msg), cli_exit_for(rc));
        goto done;
    }
    cli_progress_start(&ls.prog, cli->err_is_tty, "triples");
    for (i = 0; i < npos; i++) {
        rc = load_file(&ls, pos[i], &err);
        if (rc != KG_OK)
            break;
    }
    if (rc == KG_OK)
        rc = kg_store_commit(ls.st, &rev, &err);
    else
        kg_store_rollback(ls.st);
    cli_progress_end(&ls.prog);
    if (rc != KG_OK) {
        int code = cli_exit_for(rc);
        cli_error("%s%s", err.msg,
                  rc == KG_EBUSY ? "" : "; nothing was stored");
        rc = code;
        goto done;
    }
    if (json)
        kg_buf_printf(&out,
                      "{\"revision\":%lld,\"files\":%d,\"triples\":%lld,"
                      "\"documents\":%lld,\"skipped\":%lld,"
                      "\"assertions\":%lld,\"ties_opened\":%lld,"
                      "\"ties_closed\":%lld}\n",
                      (long long)rev.id, npos, ls.triples,
                      (long long)rev.documents, (long long)rev.skipped,
                      (long long)rev.assertions, (long long)rev.ties_opened,
                      (long long)rev.ties_closed);
    else if (rev.id == 0)
        kg_buf_printf(&out,
                      "nothing new: %lld triples, %lld documents already "
                      "stored; no revision made\n",
                      ls.triples, (long long)rev.skipped);
    else
        kg_buf_printf(&out,
                      "%lld triples (%lld documents, %lld already stored), "
                      "%lld assertions, revision %lld\n",
                      ls.triples, (long long)rev.documents,
                      (long long)rev.skipped, (long long)rev.assertions,
                      (long long)rev.id);
    rc = cli_write(cli, &out);
done:
    kg_buf_release(&out);
    kg_store_close(ls.st);
    return rc;
}
