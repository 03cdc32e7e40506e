/*
 * cmd_extract.c: `corpgraph extract`, articles in, relation triples out.
 *
 * A pure stream filter: it reads articles (files, directories, "-") and
 * prints one line per triple (JSONL or TSV), or a readable explanation
 * with --explain.  Nothing is stored, so it runs unchanged as the map step
 * of GNU parallel or Hadoop streaming.
 *
 * With -j N the main thread only reads inputs (JSONL lines, whole files)
 * into a ring of 16N slots, N worker threads parse (cJSON, libxml2) and
 * extract them, and the main thread writes each slot's output in input
 * order (workq.h): the bytes are the same for every N.  A bad input (a file that
 * cannot be read, a malformed JSONL line) is a slot holding only its
 * error, so the diagnostics on stderr keep input order too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cmd.h"
#include "cli/workq.h"

enum { OUT_JSONL, OUT_TSV, OUT_EXPLAIN };

/* One article on its way through: read, extracted, written. */
typedef struct slot {
    kg_raw *raw;       /* the input as read, not yet parsed */
    int full;          /* raw holds an input */
    kg_buf out;        /* the lines to print */
    int failed;        /* the input or its extraction failed */
    char err[KG_ERROR_MSG_LEN * 3]; /* "FILE:LINE: message" */
} slot;

typedef struct run {
    const kg_extractor *ex;
    kg_extract_scratch **scr; /* per worker: its extraction memory */
    size_t nscr;
    int mode;
    slot *ring;
    size_t nring;
} run;

/* What the per-triple callback writes into. */
typedef struct sink {
    kg_buf *out;
    int mode;
    const kg_doc *doc;
} sink;

/* --explain: one readable block per triple. */
static int put_explain(kg_buf *b, const kg_triple *t, const kg_explain *why,
                       const kg_doc *doc)
{
    char date[KG_DATE_STRLEN];
    int rc = 0;
    kg_date_format(date, t->date);
    rc |= kg_buf_printf(b, "%s -%s-> %s  [%s", t->subject,
                        kg_relation_name(t->relation), t->object,
                        kg_status_name(t->status));
    if (date[0])
        rc |= kg_buf_printf(b, ", %s", date);
    if (t->amount)
        rc |= kg_buf_printf(b, ", amount %s", t->amount);
    if (t->stake >= 0)
        rc |= kg_buf_printf(b, ", stake %g%%", t->stake);
    if (t->role)
        rc |= kg_buf_printf(b, ", role %s", t->role);
    rc |= kg_buf_printf(b, ", confidence %.2f]\n", t->confidence);
    rc |= kg_buf_printf(b, "  doc:      %s (%s", doc->id, doc->path);
    if (doc->line > 0)
        rc |= kg_buf_printf(b, ":%ld", doc->line);
    rc |= kg_buf_puts(b, ")\n");
    rc |= kg_buf_printf(b, "  sentence: %s\n",
                        why && why->sentence ? why->sentence
                        : t->evidence        ? t->evidence
                                             : "");
    if (why && why->entities)
        rc |= kg_buf_printf(b, "  entities: %s\n", why->entities);
    if (why && why->trigger)
        rc |= kg_buf_printf(b, "  trigger:  %s\n", why->trigger);
    rc |= kg_buf_printf(b, "  rule:     %s", t->rule ? t->rule : "");
    if (why && why->pattern)
        rc |= kg_buf_printf(b, ": %s", why->pattern);
    rc |= kg_buf_puts(b, "\n\n");
    return rc ? KG_ENOMEM : KG_OK;
}

static int on_triple(const kg_triple *t, const kg_explain *why,
                     void *payload)
{
    sink *s = payload;
    switch (s->mode) {
    case OUT_TSV:
        return kg_triple_write_tsv(s->out, t);
    case OUT_EXPLAIN:
        return put_explain(s->out, t, why, s->doc);
    default:
        return kg_triple_write_json(s->out, t);
    }
}

/*
 * cli_work_fn: parse one slot's input and extract its article into its
 * buffer.
 */
static void extract_slot(void *slot_, void *payload, long worker)
{
    const run *r = payload;
    slot *sl = slot_;
    kg_error err = {0, ""};
    kg_doc *doc = NULL;
    sink s;
    int rc;
    if (!sl->full)
        return;
    rc = kg_raw_parse(&doc, sl->raw, &err);
    if (rc != KG_OK) {
        sl->failed = 1;
        snprintf(sl->err, sizeof sl->err, "%s",
                 err.msg[0] ? err.msg : kg_strerror(rc));
        return;
    }
    s.out = &sl->out;
    s.mode = r->mode;
    s.doc = doc;
    rc = kg_extract_doc(r->ex, r->scr[worker], doc, on_triple, &s, &err);
    if (rc != KG_OK) {
        kg_buf_clear(&sl->out);
        sl->failed = 1;
        if (doc->line > 0)
            snprintf(sl->err, sizeof sl->err, "%s:%ld: %s", doc->path,
                     doc->line, err.msg[0] ? err.msg : kg_strerror(rc));
        else
            snprintf(sl->err, sizeof sl->err, "%s: %s", doc->path,
                     err.msg[0] ? err.msg : kg_strerror(rc));
    }
    kg_doc_free(doc);
}

/* Progress on a terminal: shown once a run has taken more than a second. */
typedef struct progress {
    int on;
    struct timespec start, last;
    int shown;
} progress;

static double seconds(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) +
           (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_tick(progress *p, const kg_reader *rd, size_t ndocs)
{
    struct timespec now;
    size_t done, total;
    if (!p->on)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (seconds(&p->start, &now) < 1.0 || seconds(&p->last, &now) < 0.25)
        return;
    p->last = now;
    kg_reader_progress(rd, &done, &total);
    fprintf(stderr, "\rcorpgraph: extract: %zu articles, %.1f of %.1f MB "
            "(%d%%) ", ndocs, (double)done / 1e6, (double)total / 1e6,
            total ? (int)(100.0 * (double)done / (double)total) : 0);
    p->shown = 1;
}

static void progress_end(progress *p)
{
    if (p->shown)
        fprintf(stderr, "\r%60s\r", "");
    p->shown = 0;
}

/* Print one finished slot and release it; counted in ndocs, nbad. */
static int write_slot(kg_cli *cli, progress *pg, slot *sl, size_t *ndocs,
                      size_t *nbad)
{
    int rc = KG_EXIT_OK;
    if (sl->failed) {
        progress_end(pg);
        cli_error("%s", sl->err);
        (*nbad)++;
    } else {
        (*ndocs)++;
        rc = cli_write(cli, &sl->out);
    }
    kg_buf_clear(&sl->out);
    sl->full = sl->failed = 0;
    sl->err[0] = '\0';
    return rc;
}

/* Read the next input into sl; 0 at the end of the inputs. */
static int read_slot(kg_reader *rd, slot *sl)
{
    kg_error err = {0, ""};
    int rc = kg_reader_next_raw(rd, sl->raw, &err);
    if (rc == 0)
        return 0;
    sl->full = rc > 0;
    if (rc < 0) {
        sl->failed = 1;
        snprintf(sl->err, sizeof sl->err, "%s",
                 err.msg[0] ? err.msg : kg_strerror(rc));
    }
    return 1;
}

/*
 * The whole run with nthreads workers (1: no threads at all): this thread
 * reads inputs into free slots and writes finished ones in input order.
 */
static int extract_all(kg_cli *cli, run *r, kg_reader *rd, long nthreads,
                       size_t *ndocs, size_t *nbad)
{
    cli_workq q;
    slot *sl;
    int eof = 0, rc = KG_EXIT_OK;
    progress pg;

    memset(&pg, 0, sizeof pg);
    pg.on = cli->err_is_tty;
    clock_gettime(CLOCK_MONOTONIC, &pg.start);
    pg.last = pg.start;

    if (cli_workq_start(&q, r->ring, r->nring, sizeof *r->ring,
                        nthreads > 1 ? nthreads : 0, extract_slot, r) != 0)
        return cli_error("cannot start worker threads");
    while (rc == KG_EXIT_OK) {
        /* fill free slots first, so that the workers stay busy */
        if (!eof && (sl = cli_workq_free_slot(&q)) != NULL) {
            if (read_slot(rd, sl))
                cli_workq_push(&q);
            else
                eof = 1;
            continue;
        }
        if (!(sl = cli_workq_oldest(&q)))
            break;
        rc = write_slot(cli, &pg, sl, ndocs, nbad);
        progress_tick(&pg, rd, *ndocs);
        cli_workq_pop(&q);
    }
    cli_workq_stop(&q);
    progress_end(&pg);
    return rc;
}

int cmd_extract(int argc, char **argv, kg_cli *cli)
{
    const char *format = "jsonl", *date = NULL;
    int explain = 0, npos = 0, rc;
    long jobs = 1;
    cli_list rules;
    char **pos = NULL;
    const char *stdin_path[] = {"-"};
    kg_reader_opts ropts = {{0, 0, 0}, 0};
    kg_extract_opts xopts;
    kg_extractor *ex = NULL;
    kg_reader *rd = NULL;
    kg_error err = {0, ""};
    run r;
    size_t ndocs = 0, nbad = 0, i;
    const cli_opt opts[] = {
        {"format", 'f', CLI_OPT_STR, &format, "FMT",
         "jsonl (default) or tsv"},
        {"explain", 0, CLI_OPT_FLAG, &explain, NULL,
         "show sentence, entities, trigger and rule per triple"},
        {"date", 0, CLI_OPT_STR, &date, "DATE",
         "date for articles that give none (YYYY-MM-DD)"},
        {"rules", 0, CLI_OPT_LIST, &rules, "FILE",
         "extra rule file, after the built-in ones"},
        {"jobs", 'j', CLI_OPT_INT, &jobs, "N",
         "N threads, same output as one (default 1)"},
        CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph extract [options] [PATH...]",
        "Print the relation triples found in articles, one JSON object per "
        "line\n(or TSV).  PATH is a text file (optional 'key: value' header, "
        "blank line,\nbody), a JSONL file (one article per line: id, date, "
        "source, title, url,\ntext), an HTML page, a directory (read "
        "recursively in sorted order) or '-'\nfor standard input (the "
        "default).  Nothing is stored: extract is a stream\nfilter, JSONL "
        "in and JSONL out.",
        "Bad inputs are reported as 'corpgraph: FILE:LINE: message' and "
        "skipped;\nthe exit status is then 3 (1 if nothing could be "
        "read).\n\nexamples:\n"
        "  corpgraph extract article.txt\n"
        "  corpgraph extract --explain --date 2025-10-28 article.txt\n"
        "  corpgraph extract -j 2 corpus.jsonl > triples.jsonl\n"
        "  parallel --pipe corpgraph extract < corpus.jsonl > triples.jsonl",
        0, -1};

    memset(&rules, 0, sizeof rules);
    memset(&r, 0, sizeof r);
    rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
    if (rc >= 0)
        return rc;
    if (strcmp(format, "jsonl") == 0 || strcmp(format, "json") == 0)
        r.mode = OUT_JSONL;
    else if (strcmp(format, "tsv") == 0)
        r.mode = OUT_TSV;
    else
        return cli_usage_error(cli->cmd, "unknown format '%s' (jsonl or tsv)",
                               format);
    if (explain)
        r.mode = OUT_EXPLAIN;
    if (date && kg_date_parse(&ropts.default_date, date, (size_t)-1) != KG_OK)
        return cli_usage_error(cli->cmd, "bad date '%s' for --date "
                               "(YYYY, YYYY-MM or YYYY-MM-DD)", date);
    if (jobs < 1 || jobs > 64)
        return cli_usage_error(cli->cmd, "--jobs must be 1 to 64, not %ld",
                               jobs);

    memset(&xopts, 0, sizeof xopts);
    xopts.rule_files = rules.v;
    xopts.nrule_files = (size_t)rules.n;
    xopts.flags = explain ? KG_EXTRACT_EXPLAIN : 0;
    if (kg_extractor_new(&ex, &xopts, &err) != KG_OK)
        return cli_error("%s", err.msg);
    if (kg_reader_new(&rd, npos ? (const char *const *)pos : stdin_path,
                      npos ? (size_t)npos : 1, &ropts, &err) != KG_OK) {
        rc = cli_error("%s", err.msg);
        goto done;
    }
    r.ex = ex;
    r.nring = jobs > 1 ? (size_t)jobs * 16 : 1;
    r.ring = calloc(r.nring, sizeof *r.ring);
    r.nscr = (size_t)jobs;
    r.scr = calloc(r.nscr, sizeof *r.scr);
    if (!r.ring || !r.scr) {
        rc = cli_error("out of memory");
        goto done;
    }
    for (i = 0; i < r.nscr; i++) {
        if (kg_extract_scratch_new(&r.scr[i]) != KG_OK) {
            rc = cli_error("out of memory");
            goto done;
        }
    }
    for (i = 0; i < r.nring; i++) {
        if (!(r.ring[i].raw = kg_raw_new())) {
            rc = cli_error("out of memory");
            goto done;
        }
    }
    rc = extract_all(cli, &r, rd, jobs, &ndocs, &nbad);
    if (rc == KG_EXIT_OK && nbad)
        rc = ndocs ? KG_EXIT_PARTIAL : KG_EXIT_ERROR;
done:
    if (r.ring) {
        for (i = 0; i < r.nring; i++) {
            kg_raw_free(r.ring[i].raw);
            kg_buf_release(&r.ring[i].out);
        }
        free(r.ring);
    }
    if (r.scr) {
        for (i = 0; i < r.nscr; i++)
            kg_extract_scratch_free(r.scr[i]);
        free(r.scr);
    }
    kg_reader_free(rd);
    kg_extractor_free(ex);
    return rc;
}
