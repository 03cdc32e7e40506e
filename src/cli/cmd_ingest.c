/*
 * cmd_ingest.c: `corpgraph ingest PATH...`: read articles, extract their
 * triples and store everything as one revision, in one transaction.  An
 * article whose text is already stored adds nothing; a bad article is
 * reported and skipped (exit 3), the rest is stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/progress.h"

/* The triples of one article, kept until its extraction has finished. */
typedef struct doc_triples {
    kg_triple *v;
    size_t n, cap;
    kg_pool pool;
} doc_triples;

static const char *dup_opt(kg_pool *p, const char *s, int *bad)
{
    char *c;
    if (!s)
        return NULL;
    c = kg_pool_strdup(p, s);
    if (!c)
        *bad = 1;
    return c;
}

/* kg_triple_cb: copy the borrowed triple. */
static int keep_triple(const kg_triple *t, const kg_explain *why,
                       void *payload)
{
    doc_triples *dt = payload;
    kg_triple *c;
    int bad = 0;
    (void)why;
    if (dt->n == dt->cap) {
        size_t cap = dt->cap ? dt->cap * 2 : 64;
        kg_triple *v = realloc(dt->v, cap * sizeof *v);
        if (!v)
            return KG_ENOMEM;
        dt->v = v;
        dt->cap = cap;
    }
    c = &dt->v[dt->n];
    *c = *t;
    c->doc = dup_opt(&dt->pool, t->doc, &bad);
    c->subject = dup_opt(&dt->pool, t->subject, &bad);
    c->object = dup_opt(&dt->pool, t->object, &bad);
    c->rule = dup_opt(&dt->pool, t->rule, &bad);
    c->evidence = dup_opt(&dt->pool, t->evidence, &bad);
    c->amount = dup_opt(&dt->pool, t->amount, &bad);
    c->role = dup_opt(&dt->pool, t->role, &bad);
    if (bad)
        return KG_ENOMEM;
    dt->n++;
    return 0;
}

int cmd_ingest(int argc, char **argv, kg_cli *cli)
{
    const char *message = NULL, *date_s = NULL;
    cli_list rules = {{NULL}, 0};
    int json = 0, npos, rc, nbad = 0;
    long long narticles = 0, ntriples = 0;
    char **pos;
    kg_store *st = NULL;
    kg_extractor *ex = NULL;
    kg_reader *rd = NULL;
    kg_extract_opts xo;
    kg_reader_opts ro;
    kg_revision rev;
    kg_error err = {0, ""};
    kg_buf out = KG_BUF_INIT;
    doc_triples dt;
    cli_progress prog;
    const cli_opt opts[] = {
        {"message", 'm', CLI_OPT_STR, &message, "MSG", "revision message"},
        {"date", 0, CLI_OPT_STR, &date_s, "DATE",
         "publication date of articles that have none (YYYY[-MM[-DD]])"},
        {"rules", 0, CLI_OPT_LIST, &rules, "FILE",
         "extra rule file, after the built-in rules"},
        {"json", 0, CLI_OPT_FLAG, &json, NULL, "print the summary as JSON"},
        CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph ingest [options] PATH...",
        "Read articles (text files with a header, JSONL, HTML; directories\n"
        "recursively; '-' for stdin), extract their triples and store them\n"
        "as one revision.  An article whose text is already stored adds\n"
        "nothing; a changed article is a new document.  Bad articles are\n"
        "reported and skipped (exit 3); the rest is stored.",
        "example: corpgraph ingest -m \"October news\" samples/", 1, -1};

    memset(&dt, 0, sizeof dt);
    memset(&ro, 0, sizeof ro);
    memset(&xo, 0, sizeof xo);
    rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
    if (rc >= 0)
        return rc;
    if (date_s && kg_date_parse(&ro.default_date, date_s, (size_t)-1))
        return cli_usage_error("ingest", "bad date '%s' for --date (YYYY, "
                               "YYYY-MM or YYYY-MM-DD)", date_s);
    xo.rule_files = rules.v;
    xo.nrule_files = (size_t)rules.n;
    if ((rc = kg_extractor_new(&ex, &xo, &err)) != KG_OK) {
        rc = cli_error("%s", err.msg);
        goto done;
    }
    if ((rc = kg_reader_new(&rd, (const char *const *)pos, (size_t)npos,
                            &ro, &err)) != KG_OK) {
        rc = cli_error("%s", err.msg);
        goto done;
    }
    rc = cli_store_open(cli, KG_STORE_CREATE, &st);
    if (rc != KG_EXIT_OK)
        goto done;
    if ((rc = kg_store_begin(st, message, kg_extractor_version(ex), &err))) {
        rc = (cli_error("%s", err.msg), cli_exit_for(rc));
        goto done;
    }
    cli_progress_start(&prog, cli->err_is_tty, "articles");
    for (;;) {
        kg_doc *doc = NULL;
        int is_new = 0;
        size_t i, done_b, total_b;
        rc = kg_reader_next(rd, &doc, &err);
        if (rc == 0)
            break;
        if (rc < 0) {
            if (rc == KG_ENOMEM)
                break;
            cli_progress_end(&prog);
            cli_warn("%s; skipped", err.msg);
            nbad++;
            continue;
        }
        narticles++;
        rc = kg_store_add_doc(st, doc, &is_new, &err);
        if (rc == KG_OK && is_new) {
            dt.n = 0;
            kg_pool_release(&dt.pool);
            rc = kg_extract_doc(ex, doc, keep_triple, &dt, &err);
            if (rc != KG_OK && rc != KG_ENOMEM && rc != KG_EBUSY &&
                rc != KG_ESTORE) {
                /* the document row stays (its text is known), without
                   triples: extraction of it failed */
                cli_progress_end(&prog);
                cli_warn("%s: %s; its triples are skipped",
                         doc->path ? doc->path : doc->id, err.msg);
                nbad++;
                dt.n = 0;
                rc = KG_OK;
            }
            for (i = 0; rc == KG_OK && i < dt.n; i++) {
                rc = kg_store_add_triple(st, &dt.v[i], &err);
                if (rc == KG_EINVAL) {
                    cli_warn("%s: triple %zu: %s; skipped",
                             doc->path ? doc->path : doc->id, i + 1,
                             err.msg);
                    rc = KG_OK;
                    continue;
                }
                ntriples++;
            }
        }
        kg_doc_free(doc);
        if (rc != KG_OK)
            break;
        kg_reader_progress(rd, &done_b, &total_b);
        cli_progress_update(&prog, done_b, total_b, narticles, ntriples);
    }
    cli_progress_end(&prog);
    if (rc == KG_OK)
        rc = kg_store_commit(st, &rev, &err);
    else
        kg_store_rollback(st);
    if (rc != KG_OK) {
        int code = cli_exit_for(rc);
        cli_error("%s; nothing was stored", rc == KG_ENOMEM ? "out of memory"
                                                           : err.msg);
        rc = code;
        goto done;
    }
    if (json)
        kg_buf_printf(&out,
                      "{\"revision\":%lld,\"articles\":%lld,\"documents\":"
                      "%lld,\"skipped\":%lld,\"bad\":%d,\"triples\":%lld,"
                      "\"ties_opened\":%lld,\"ties_closed\":%lld}\n",
                      (long long)rev.id, narticles, (long long)rev.documents,
                      (long long)rev.skipped, nbad,
                      (long long)rev.assertions, (long long)rev.ties_opened,
                      (long long)rev.ties_closed);
    else if (rev.id == 0)
        kg_buf_printf(&out,
                      "nothing new: %lld articles, all already stored; no "
                      "revision made\n", narticles);
    else
        kg_buf_printf(&out,
                      "%lld articles (%lld already stored), %lld triples, "
                      "revision %lld\n",
                      narticles, (long long)rev.skipped,
                      (long long)rev.assertions, (long long)rev.id);
    rc = cli_write(cli, &out);
    if (rc == KG_EXIT_OK && nbad)
        rc = KG_EXIT_PARTIAL;
done:
    free(dt.v);
    kg_pool_release(&dt.pool);
    kg_buf_release(&out);
    kg_store_close(st);
    kg_reader_free(rd);
    kg_extractor_free(ex);
    return rc;
}
