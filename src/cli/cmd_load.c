/*
 * cmd_load.c: `corpgraph load FILE.jsonl...`: store triples made elsewhere
 * (the JSON lines `corpgraph extract` prints, or another extractor's) as
 * one revision.  All or nothing: a malformed line, an unknown relation or
 * status or a missing field stops the load with the file and line named,
 * and nothing of it is stored.
 *
 * A pipeline over the cores (workq.h): this thread reads the files in
 * chunks of whole lines and stores; -j worker threads (default 1) parse
 * the chunks into triples meanwhile.  Chunks are stored in file order, so
 * the store is the same for every -j, and an error found by a worker is
 * reported when its chunk's turn comes: the first bad line in file order,
 * as without threads.  At most CHUNK_SLOTS chunks are in flight.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cmd.h"
#include "cli/progress.h"
#include "cli/workq.h"

/* Bytes read per chunk (whole lines; a longer line makes a larger one). */
#define CHUNK_BYTES (1u << 20)
/* Chunks in flight: bounds the memory at about this many MB of input. */
#define CHUNK_SLOTS 8

/* A run of whole lines of one file, parsed by a worker thread. */
typedef struct chunk {
    const char *path; /* the file, for messages */
    int first;        /* the file's first chunk: line numbers restart */
    kg_buf text;      /* the lines as read */
    long nlines;      /* lines in text */
    kg_triple *t;     /* the triples parsed, in line order */
    long *line;       /* line of each, 1-based within the chunk */
    size_t n, cap;
    kg_pool pool;     /* their strings */
    int rc;           /* parse (or read) error after the n triples */
    long err_line;    /* its line within the chunk, 0 = no line */
    kg_error err;
} chunk;

/* The reading side, on the store thread: files in order, a tail kept. */
typedef struct reader {
    char **paths;
    int npaths, ipath;
    FILE *f;
    int first;        /* next chunk is the first of its file */
    kg_buf carry;     /* a partial line read after the last newline */
} reader;

typedef struct load_state {
    kg_store *st;
    cli_progress prog;
    size_t done, total;
    long long lines, triples;
    long base;        /* lines of the current file before this chunk */
} load_state;

/* Add t (line within the chunk) to c; KG_OK or KG_ENOMEM. */
static int chunk_keep(chunk *c, const kg_triple *t, long line)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        kg_triple *v = realloc(c->t, cap * sizeof *v);
        long *l;
        if (!v)
            return KG_ENOMEM;
        c->t = v;
        if (!(l = realloc(c->line, cap * sizeof *l)))
            return KG_ENOMEM;
        c->line = l;
        c->cap = cap;
    }
    c->t[c->n] = *t;
    c->line[c->n++] = line;
    return KG_OK;
}

/* cli_work_fn: parse the lines of a chunk until the first bad one. */
static void parse_chunk(void *slot, void *payload, long worker)
{
    chunk *c = slot;
    const char *p = c->text.ptr, *end = c->text.ptr + c->text.len;
    kg_triple t;
    (void)payload;
    (void)worker;
    if (c->rc != KG_OK)
        return; /* a read error, nothing to parse */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *line = p;
        c->nlines++;
        p += len + (nl != NULL);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue;
        c->rc = kg_triple_parse_json(&t, &c->pool, line, len, &c->err);
        if (c->rc == KG_OK && chunk_keep(c, &t, c->nlines) != KG_OK)
            c->rc = kg_error_set(&c->err, KG_ENOMEM, "out of memory");
        if (c->rc != KG_OK) {
            c->err_line = c->nlines;
            return;
        }
    }
}

/* Empty c for the next fill. */
static void chunk_clear(chunk *c)
{
    kg_buf_clear(&c->text);
    kg_pool_release(&c->pool);
    c->n = 0;
    c->nlines = 0;
    c->rc = KG_OK;
    c->err_line = 0;
    c->err.code = 0;
    c->err.msg[0] = '\0';
    c->path = NULL;
    c->first = 0;
}

static void chunk_release(chunk *c)
{
    kg_buf_release(&c->text);
    kg_pool_release(&c->pool);
    free(c->t);
    free(c->line);
}

/* The last '\n' of p[0..n), or NULL. */
static char *last_newline(char *p, size_t n)
{
    while (n > 0)
        if (p[--n] == '\n')
            return p + n;
    return NULL;
}

/*
 * Fill c with the next whole lines of the inputs; 0 at the end of the
 * last file, 1 when c holds lines or a read error (c->rc).
 */
static int read_chunk(reader *r, chunk *c)
{
    size_t got;
    char *nl;
    chunk_clear(c);
    while (!r->f) {
        const char *path;
        if (r->ipath == r->npaths)
            return 0;
        path = r->paths[r->ipath];
        r->f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        r->first = 1;
        kg_buf_clear(&r->carry);
        if (!r->f) {
            c->path = path;
            c->rc = kg_error_set(&c->err, KG_ENOTFOUND,
                                 "cannot open '%s': %s", path,
                                 strerror(errno));
            r->ipath = r->npaths; /* the load stops here */
            return 1;
        }
    }
    c->path = r->paths[r->ipath];
    c->first = r->first;
    r->first = 0;
    if (kg_buf_put(&c->text, r->carry.ptr ? r->carry.ptr : "",
                   r->carry.len) != KG_OK)
        goto nomem;
    kg_buf_clear(&r->carry);
    for (;;) {
        if (kg_buf_grow(&c->text, CHUNK_BYTES) != KG_OK)
            goto nomem;
        got = fread(c->text.ptr + c->text.len, 1, CHUNK_BYTES, r->f);
        nl = last_newline(c->text.ptr + c->text.len, got);
        c->text.len += got;
        c->text.ptr[c->text.len] = '\0';
        if (nl) {
            size_t keep = (size_t)(nl + 1 - c->text.ptr);
            if (kg_buf_put(&r->carry, nl + 1, c->text.len - keep) != KG_OK)
                goto nomem;
            c->text.len = keep;
            c->text.ptr[keep] = '\0';
            return 1;
        }
        if (got == 0)
            break; /* end of file or error */
    }
    if (ferror(r->f))
        c->rc = kg_error_set(&c->err, KG_EIO, "cannot read '%s': %s",
                             c->path, strerror(errno));
    if (r->f != stdin)
        fclose(r->f);
    r->f = NULL;
    r->ipath = c->rc == KG_OK ? r->ipath + 1 : r->npaths;
    return 1;
nomem:
    c->rc = kg_error_set(&c->err, KG_ENOMEM, "out of memory");
    r->ipath = r->npaths;
    return 1;
}

/* Store the triples of a parsed chunk, in order; then its error if any. */
static int store_chunk(load_state *ls, chunk *c, kg_error *err)
{
    size_t i;
    int rc;
    if (c->first)
        ls->base = 0;
    for (i = 0; i < c->n; i++) {
        rc = kg_store_add_triple(ls->st, &c->t[i], err);
        if (rc != KG_OK) {
            if (rc != KG_EBUSY)
                kg_error_prefix(err, "%s:%ld", c->path,
                                ls->base + c->line[i]);
            return rc;
        }
        ls->triples++;
    }
    if (c->rc != KG_OK) {
        *err = c->err;
        if (c->err_line)
            kg_error_prefix(err, "%s:%ld", c->path,
                            ls->base + c->err_line);
        return c->rc;
    }
    ls->base += c->nlines;
    ls->lines += c->nlines;
    ls->done += c->text.len;
    cli_progress_update(&ls->prog, ls->done, ls->total, ls->triples,
                        ls->triples);
    return KG_OK;
}

/*
 * Read, parse (on nthreads workers; 0: on this thread) and store every
 * input in order.
 */
static int load_all(load_state *ls, reader *r, long nthreads, kg_error *err)
{
    chunk ring[CHUNK_SLOTS];
    cli_workq q;
    chunk *c;
    size_t i;
    int rc = KG_OK, eof = 0;

    memset(ring, 0, sizeof ring);
    if (cli_workq_start(&q, ring, CHUNK_SLOTS, sizeof *ring, nthreads,
                        parse_chunk, NULL) != 0)
        return kg_error_set(err, KG_ERROR, "cannot start a thread");
    while (rc == KG_OK) {
        /* keep the workers busy: fill every free slot first */
        if (!eof && (c = cli_workq_free_slot(&q)) != NULL) {
            if (read_chunk(r, c))
                cli_workq_push(&q);
            else
                eof = 1;
            continue;
        }
        if (!(c = cli_workq_oldest(&q)))
            break;
        rc = store_chunk(ls, c, err);
        cli_workq_pop(&q);
    }
    cli_workq_stop(&q);
    for (i = 0; i < CHUNK_SLOTS; i++)
        chunk_release(&ring[i]);
    return rc;
}

int cmd_load(int argc, char **argv, kg_cli *cli)
{
    const char *message = NULL;
    int json = 0, npos, rc, i;
    long jobs = 1;
    reader rd;
    char **pos;
    load_state ls;
    kg_revision rev;
    kg_error err = {0, ""};
    kg_buf out = KG_BUF_INIT;
    struct stat sb;
    const cli_opt opts[] = {
        {"message", 'm', CLI_OPT_STR, &message, "MSG", "revision message"},
        {"json", 0, CLI_OPT_FLAG, &json, NULL, "print the summary as JSON"},
        {"jobs", 'j', CLI_OPT_INT, &jobs, "N",
         "N threads parse while this one stores (default 1; 0: none)"},
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
    if (jobs < 0 || jobs > CLI_WORKQ_MAX_THREADS)
        return cli_usage_error(cli->cmd, "--jobs must be 0 to %d, not %ld",
                               CLI_WORKQ_MAX_THREADS, jobs);
    memset(&ls, 0, sizeof ls);
    memset(&rd, 0, sizeof rd);
    rd.paths = pos;
    rd.npaths = npos;
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
    rc = load_all(&ls, &rd, jobs, &err);
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
    if (rd.f && rd.f != stdin)
        fclose(rd.f);
    kg_buf_release(&rd.carry);
    kg_buf_release(&out);
    kg_store_close(ls.st);
    return rc;
}
