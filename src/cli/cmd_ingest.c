/*
 * cmd_ingest.c: `corpgraph ingest PATH...`: read articles, extract their
 * triples and store everything as one revision, in one transaction.  An
 * article whose text is already stored adds nothing; a bad article is
 * reported and skipped (exit 3), the rest is stored.
 *
 * Two threads: the main thread reads articles, asks the store whether each
 * is new (by text hash, cheap) and stores the triples; a worker thread
 * extracts the new ones.  A ring of jobs between them (workq.h) keeps the
 * order of the articles, so the store is written in the same order as by
 * one thread and the result is the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/progress.h"
#include "cli/workq.h"

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

/* One article on its way through the pipeline. */
typedef struct job {
    kg_doc *doc;
    int64_t handle;  /* kg_store_last_doc after its kg_store_add_doc */
    doc_triples dt;
    int rc;          /* kg_extract_doc's result */
    kg_error err;
} job;

#define RING 32

/* What the one extracting thread works with. */
typedef struct extractor_ctx {
    const kg_extractor *ex;
    kg_extract_scratch *scr; /* its working memory, kept across jobs */
} extractor_ctx;

/* cli_work_fn: extract the job's article (on the worker thread). */
static void extract_job(void *slot, void *payload, long worker)
{
    job *j = slot;
    const extractor_ctx *x = payload;
    (void)worker; /* the only one */
    j->rc = kg_extract_doc(x->ex, x->scr, j->doc, keep_triple, &j->dt,
                           &j->err);
}

/* Forget a job's article and triples; the slot may be filled again. */
static void job_clear(job *j)
{
    kg_doc_free(j->doc);
    free(j->dt.v);
    kg_pool_release(&j->dt.pool);
    memset(j, 0, sizeof *j);
}

typedef struct ingest_state {
    kg_store *st;
    const kg_extractor *ex;
    cli_progress prog;
    kg_reader *rd;
    long long narticles, ntriples;
    int nbad;
    kg_error err;
} ingest_state;

/* Store the triples of the oldest job (it is done); frees it. */
static int store_job(ingest_state *is, job *j)
{
    const kg_doc *doc = j->doc;
    size_t i;
    int rc = KG_OK;
    if (j->rc != KG_OK) {
        if (j->rc == KG_ENOMEM) {
            rc = kg_error_set(&is->err, KG_ENOMEM, "out of memory");
        } else {
            /* the document row stays (its text is known), without its
               triples: extraction of it failed */
            cli_progress_end(&is->prog);
            cli_warn("%s: %s; its triples are skipped",
                     doc->path ? doc->path : doc->id, j->err.msg);
            is->nbad++;
        }
        j->dt.n = 0;
    }
    for (i = 0; rc == KG_OK && i < j->dt.n; i++) {
        rc = kg_store_add_doc_triple(is->st, j->handle, &j->dt.v[i],
                                     &is->err);
        if (rc == KG_EINVAL) {
            cli_progress_end(&is->prog);
            cli_warn("%s: triple %zu: %s; skipped",
                     doc->path ? doc->path : doc->id, i + 1, is->err.msg);
            rc = KG_OK;
            continue;
        }
        if (rc == KG_OK)
            is->ntriples++;
    }
    job_clear(j);
    return rc;
}

/*
 * Read the next article into j: 1 when j holds a new article (added to
 * the store, to extract), 0 when the article was skipped (stored before,
 * or unreadable: reported), -1 at the end of the inputs, or a KG_ error.
 */
static int read_job(ingest_state *is, job *j)
{
    kg_doc *doc = NULL;
    int is_new = 0, rc;
    rc = kg_reader_next(is->rd, &doc, &is->err);
    if (rc == 0)
        return -1;
    if (rc < 0) {
        if (rc == KG_ENOMEM)
            return rc;
        cli_progress_end(&is->prog);
        cli_warn("%s; skipped", is->err.msg);
        is->nbad++;
        return 0;
    }
    is->narticles++;
    if ((rc = kg_store_add_doc(is->st, doc, &is_new, &is->err)) != KG_OK) {
        kg_doc_free(doc);
        return rc;
    }
    if (!is_new) {
        kg_doc_free(doc);
        return 0;
    }
    memset(j, 0, sizeof *j);
    j->doc = doc;
    j->handle = kg_store_last_doc(is->st);
    return 1;
}

/*
 * Read, check and queue every article; a worker extracts them and this
 * thread stores them in reading order (workq.h).
 */
static int run_pipeline(ingest_state *is)
{
    job ring[RING];
    cli_workq q;
    job *j;
    extractor_ctx x;
    size_t i, done_b, total_b;
    int rc = KG_OK, eof = 0;

    memset(ring, 0, sizeof ring);
    x.ex = is->ex;
    if (kg_extract_scratch_new(&x.scr) != KG_OK)
        return kg_error_set(&is->err, KG_ENOMEM, "out of memory");
    if (cli_workq_start(&q, ring, RING, sizeof *ring, 1, extract_job, &x) !=
        0) {
        kg_extract_scratch_free(x.scr);
        return kg_error_set(&is->err, KG_ERROR, "cannot start a thread");
    }
    while (rc == KG_OK) {
        if (!eof && (j = cli_workq_free_slot(&q)) != NULL) {
            int got = read_job(is, j);
            if (got == 1)
                cli_workq_push(&q);
            else if (got == -1)
                eof = 1;
            else if (got < 0)
                rc = got;
            kg_reader_progress(is->rd, &done_b, &total_b);
            cli_progress_update(&is->prog, done_b, total_b, is->narticles,
                                is->ntriples);
            continue;
        }
        if (!(j = cli_workq_oldest(&q)))
            break;
        rc = store_job(is, j);
        cli_workq_pop(&q);
    }
    cli_workq_stop(&q);
    kg_extract_scratch_free(x.scr);
    for (i = 0; i < RING; i++)
        job_clear(&ring[i]);
    return rc;
}

int cmd_ingest(int argc, char **argv, kg_cli *cli)
{
    const char *message = NULL, *date_s = NULL;
    cli_list rules = {{NULL}, 0};
    int json = 0, npos, rc;
    char **pos;
    kg_extractor *ex = NULL;
    kg_extract_opts xo;
    kg_reader_opts ro;
    kg_revision rev;
    kg_buf out = KG_BUF_INIT;
    ingest_state is;
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

    memset(&is, 0, sizeof is);
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
    if ((rc = kg_extractor_new(&ex, &xo, &is.err)) != KG_OK) {
        rc = cli_error("%s", is.err.msg);
        goto done;
    }
    is.ex = ex;
    if ((rc = kg_reader_new(&is.rd, (const char *const *)pos, (size_t)npos,
                            &ro, &is.err)) != KG_OK) {
        rc = cli_error("%s", is.err.msg);
        goto done;
    }
    rc = cli_store_open(cli, KG_STORE_CREATE, &is.st);
    if (rc != KG_EXIT_OK)
        goto done;
    if ((rc = kg_store_begin(is.st, message, kg_extractor_version(ex),
                             &is.err))) {
        rc = (cli_error("%s", is.err.msg), cli_exit_for(rc));
        goto done;
    }
    cli_progress_start(&is.prog, cli->err_is_tty, "articles");
    rc = run_pipeline(&is);
    cli_progress_end(&is.prog);
    if (rc == KG_OK)
        rc = kg_store_commit(is.st, &rev, &is.err);
    else
        kg_store_rollback(is.st);
    if (rc != KG_OK) {
        int code = cli_exit_for(rc);
        cli_error("%s; nothing was stored",
                  rc == KG_ENOMEM ? "out of memory" : is.err.msg);
        rc = code;
        goto done;
    }
    if (json)
        kg_buf_printf(&out,
                      "{\"revision\":%lld,\"articles\":%lld,\"documents\":"
                      "%lld,\"skipped\":%lld,\"bad\":%d,\"triples\":%lld,"
                      "\"ties_opened\":%lld,\"ties_closed\":%lld}\n",
                      (long long)rev.id, is.narticles,
                      (long long)rev.documents, (long long)rev.skipped,
                      is.nbad, (long long)rev.assertions,
                      (long long)rev.ties_opened,
                      (long long)rev.ties_closed);
    else if (rev.id == 0 && is.narticles == 0)
        kg_buf_printf(&out, "no articles read; no revision made\n");
    else if (rev.id == 0)
        kg_buf_printf(&out,
                      "nothing new: %lld articles, all already stored; no "
                      "revision made\n", is.narticles);
    else
        kg_buf_printf(&out,
                      "%lld articles (%lld already stored), %lld triples, "
                      "revision %lld\n",
                      is.narticles, (long long)rev.skipped,
                      (long long)rev.assertions, (long long)rev.id);
    rc = cli_write(cli, &out);
    if (rc == KG_EXIT_OK && is.nbad)
        rc = KG_EXIT_PARTIAL;
done:
    kg_buf_release(&out);
    kg_store_close(is.st);
    kg_reader_free(is.rd);
    kg_extractor_free(ex);
    return rc;
}
