/*
 * reader.c: kg_reader (doc.h), the stream of articles over files,
 * directories and standard input.
 *
 * Paths are expanded once, at kg_reader_new: directories recursively in
 * byte order of their entry names, dot files skipped.  A path that cannot
 * be opened stays in the list and becomes an error when its turn comes, so
 * one bad input never stops a batch.  JSONL is read line by line through
 * one buffer that never holds more than max_doc_bytes plus one chunk: a
 * longer line is refused and skipped without being kept.  Text and HTML
 * files are one article each and are read whole, up to max_doc_bytes.
 *
 * Reading and parsing are two steps: kg_reader_next_raw copies one input
 * into a kg_raw (bytes, path, line, format) and kg_raw_parse makes the
 * kg_doc, so a caller can parse in worker threads while one thread reads.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc/doc_int.h"

#define CHUNK 65536
#define DEFAULT_MAX ((size_t)64 << 20)
#define MAX_DEPTH 64

typedef enum fmt { FMT_SNIFF, FMT_TEXT, FMT_JSONL, FMT_HTML } fmt;

/* One input file, or a problem found while expanding the paths. */
typedef struct entry {
    char *path;
    char *error; /* set: report this instead of reading */
} entry;

struct kg_reader {
    kg_reader_opts opts;
    entry *entries;
    size_t nentries, cap, next;
    size_t done, total;

    /* the open file */
    FILE *f;
    const char *path; /* entries[next - 1].path */
    fmt format;
    char *buf;        /* bytes read and not consumed: buf[start..end) */
    size_t bufcap, start, end;
    long line;        /* lines consumed so far */
    int eof, got_any;
    kg_raw *raw;      /* kg_reader_next's input, read and then parsed */
};

struct kg_raw {
    kg_buf bytes;         /* one JSONL line or a whole file */
    kg_buf path;          /* the file it came from */
    long line;            /* JSONL line number, 0 for a whole file */
    fmt format;           /* FMT_JSONL, FMT_TEXT or FMT_HTML */
    kg_date default_date; /* for an article without a date (--date) */
};

static int add_entry(kg_reader *r, const char *path, const char *error)
{
    entry *e;
    if (r->nentries == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        e = realloc(r->entries, cap * sizeof *e);
        if (!e)
            return KG_ENOMEM;
        r->entries = e;
        r->cap = cap;
    }
    e = &r->entries[r->nentries];
    e->path = strdup(path);
    e->error = error ? strdup(error) : NULL;
    if (!e->path || (error && !e->error)) {
        free(e->path);
        free(e->error);
        return KG_ENOMEM;
    }
    r->nentries++;
    return KG_OK;
}

static int no_dot(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Add path: a file as it is, a directory by its sorted contents. */
static int add_path(kg_reader *r, const char *path, int depth)
{
    struct stat st;
    struct dirent **list = NULL;
    char msg[KG_ERROR_MSG_LEN];
    int n, i, rc = KG_OK;
    size_t plen;

    if (strcmp(path, "-") == 0 || stat(path, &st) != 0 ||
        !S_ISDIR(st.st_mode)) {
        if (strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
            S_ISREG(st.st_mode))
            r->total += (size_t)st.st_size;
        return add_entry(r, path, NULL);
    }
    if (depth >= MAX_DEPTH) {
        snprintf(msg, sizeof msg, "'%s': directories nested too deep",
                 path);
        return add_entry(r, path, msg);
    }
    n = scandir(path, &list, no_dot, by_name);
    if (n < 0) {
        snprintf(msg, sizeof msg, "cannot read directory '%s': %s", path,
                 strerror(errno));
        return add_entry(r, path, msg);
    }
    plen = strlen(path);
    for (i = 0; i < n; i++) {
        size_t len = plen + strlen(list[i]->d_name) + 2;
        char *child = rc == KG_OK ? malloc(len) : NULL;
        if (child) {
            snprintf(child, len, "%s%s%s", path,
                     plen && path[plen - 1] == '/' ? "" : "/",
                     list[i]->d_name);
            rc = add_path(r, child, depth + 1);
            free(child);
        } else {
            rc = KG_ENOMEM;
        }
        free(list[i]);
    }
    free(list);
    return rc;
}

int kg_reader_new(kg_reader **out, const char *const *paths, size_t npaths,
                  const kg_reader_opts *opts, kg_error *err)
{
    kg_reader *r;
    size_t i;
    *out = NULL;
    r = calloc(1, sizeof *r);
    if (!r)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    if (opts)
        r->opts = *opts;
    if (!r->opts.max_doc_bytes)
        r->opts.max_doc_bytes = DEFAULT_MAX;
    for (i = 0; i < npaths; i++) {
        if (add_path(r, paths[i], 0) != KG_OK) {
            kg_reader_free(r);
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        }
    }
    *out = r;
    return KG_OK;
}

static void close_file(kg_reader *r)
{
    if (r->f && r->f != stdin)
        fclose(r->f);
    r->f = NULL;
    r->start = r->end = 0;
}

void kg_reader_free(kg_reader *r)
{
    size_t i;
    if (!r)
        return;
    close_file(r);
    for (i = 0; i < r->nentries; i++) {
        free(r->entries[i].path);
        free(r->entries[i].error);
    }
    free(r->entries);
    free(r->buf);
    kg_raw_free(r->raw);
    free(r);
}

void kg_reader_progress(const kg_reader *r, size_t *done, size_t *total)
{
    if (done)
        *done = r->done;
    if (total)
        *total = r->total > r->done ? r->total : r->done;
}

/*
 * Read more bytes into the buffer, growing it up to max_doc_bytes plus one
 * chunk.  Returns the number of bytes added (0 at the end) or -1 on a read
 * error.
 */
static long fill(kg_reader *r)
{
    size_t n, want;
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->bufcap - r->end < CHUNK) {
        size_t cap = r->bufcap ? r->bufcap * 2 : CHUNK * 2;
        char *p;
        if (cap < r->end + CHUNK)
            cap = r->end + CHUNK;
        p = realloc(r->buf, cap);
        if (!p)
            return -1;
        r->buf = p;
        r->bufcap = cap;
    }
    want = r->bufcap - r->end;
    if (r->eof)
        return 0;
    n = fread(r->buf + r->end, 1, want, r->f);
    if (n < want) {
        if (ferror(r->f))
            return -1;
        r->eof = 1;
    }
    r->end += n;
    r->done += n;
    return (long)n;
}

/*
 * The next line of the open file (without its '\n').
 * Returns 1 with *line and *len set (valid until the next call), 0 at the end,
 * -2 for a line longer than max_doc_bytes (consumed and dropped), -1 on a
 * read error.
 */
static int next_line(kg_reader *r, const char **line, size_t *len)
{
    size_t scan = r->start;
    for (;;) {
        char *nl = r->end > scan ? memchr(r->buf + scan, '\n',
                                          r->end - scan)
                                   : NULL;
        long got;
        if (nl) {
            *line = r->buf + r->start;
            *len = (size_t)(nl - *line);
            r->start = (size_t)(nl - r->buf) + 1;
            r->line++;
            return 1;
        }
        if (r->end - r->start > r->opts.max_doc_bytes)
            break;
        scan = r->end - r->start; /* offset after the move in fill() */
        got = fill(r);
        if (got < 0)
            return -1;
        if (got == 0 && r->eof) {
            if (r->start == r->end)
                return 0;
            *line = r->buf + r->start;
            *len = r->end - r->start;
            r->start = r->end;
            r->line++;
            return 1;
        }
    }
    /* too long: drop what we hold and skip to the next newline */
    r->line++;
    for (;;) {
        char *nl;
        r->start = r->end = 0;
        if (fill(r) < 0)
            return -1;
        if (r->end == 0)
            return -2;
        nl = memchr(r->buf, '\n', r->end);
        if (nl) {
            r->start = (size_t)(nl - r->buf) + 1;
            return -2;
        }
    }
}

/* Format from the file name; FMT_SNIFF when the extension says nothing. */
static fmt format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return FMT_SNIFF;
    dot++;
    if (!strcmp(dot, "jsonl") || !strcmp(dot, "ndjson") ||
        !strcmp(dot, "JSONL"))
        return FMT_JSONL;
    if (!strcmp(dot, "html") || !strcmp(dot, "htm") ||
        !strcmp(dot, "xhtml") || !strcmp(dot, "HTML"))
        return FMT_HTML;
    if (!strcmp(dot, "txt") || !strcmp(dot, "text") || !strcmp(dot, "TXT"))
        return FMT_TEXT;
    return FMT_SNIFF;
}

/* Choose by the first byte that is not white space or a BOM. */
static int sniff(kg_reader *r)
{
    size_t i;
    for (;;) {
        for (i = r->start; i < r->end; i++) {
            unsigned char c = (unsigned char)r->buf[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                c == 0xEF || c == 0xBB || c == 0xBF)
                continue;
            r->format = c == '{' ? FMT_JSONL : c == '<' ? FMT_HTML
                                                         : FMT_TEXT;
            return KG_OK;
        }
        if (r->eof || r->end - r->start > 4096) {
            r->format = FMT_TEXT;
            return KG_OK;
        }
        if (fill(r) < 0)
            return KG_EIO;
    }
}

/* Line number (1-based) of offset off in s. */
static long line_at(const char *s, size_t off)
{
    long line = 1;
    const char *p = s, *end = s + off;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        line++;
        p++;
    }
    return line;
}

/*
 * Put len bytes at s into b, replacing what it held.  The memory is kept
 * for the next input, unless one huge input left far more than this one
 * needs: then it goes back, so a ring of kg_raw stays small.
 */
static int set_bytes(kg_buf *b, const char *s, size_t len)
{
    if (b->cap > ((size_t)1 << 20) && len < b->cap / 4)
        kg_buf_release(b);
    kg_buf_clear(b);
    return kg_buf_put(b, s, len);
}

/* Fill raw with one input of the open file. */
static int set_raw(kg_reader *r, kg_raw *raw, const char *s, size_t len,
                   long line, kg_error *err)
{
    if (set_bytes(&raw->bytes, s, len) != KG_OK ||
        set_bytes(&raw->path, r->path, strlen(r->path)) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    raw->line = line;
    raw->format = r->format;
    raw->default_date = r->opts.default_date;
    return KG_OK;
}

/* The next JSONL line of the open file; 0 when the file is done. */
static int next_json(kg_reader *r, kg_raw *raw, kg_error *err)
{
    const char *line;
    size_t len, i;
    int rc;
    for (;;) {
        rc = next_line(r, &line, &len);
        if (rc == -2)
            return kg_error_set(err, KG_EINVAL,
                                "%s:%ld: line longer than %zu bytes; "
                                "skipped", r->path, r->line,
                                r->opts.max_doc_bytes);
        if (rc < 0) {
            close_file(r);
            return kg_error_set(err, KG_EIO, "cannot read '%s': %s",
                                r->path, strerror(errno));
        }
        if (rc == 0) {
            /* an empty pipe is an empty stream, an empty file a mistake */
            int empty = !r->got_any && r->f != stdin;
            close_file(r);
            if (empty)
                return kg_error_set(err, KG_EINVAL, "%s:1: empty file",
                                    r->path);
            return 0;
        }
        if (r->line == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            line += 3; /* a byte-order mark opens the file */
            len -= 3;
        }
        for (i = 0; i < len; i++)
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
                break;
        if (i == len)
            continue;
        r->got_any = 1;
        if (memchr(line, '\0', len))
            return kg_error_set(err, KG_EINVAL,
                                "%s:%ld: binary data (NUL byte); skipped",
                                r->path, r->line);
        rc = set_raw(r, raw, line, len, r->line, err);
        return rc == KG_OK ? 1 : rc;
    }
}

/* The open file as one input (text or HTML); the file is closed. */
static int next_whole(kg_reader *r, kg_raw *raw, kg_error *err)
{
    const char *nul;
    int rc;
    while (!r->eof && r->end - r->start <= r->opts.max_doc_bytes) {
        if (fill(r) < 0) {
            close_file(r);
            return kg_error_set(err, KG_EIO, "cannot read '%s': %s",
                                r->path, strerror(errno));
        }
    }
    if (r->end - r->start > r->opts.max_doc_bytes) {
        close_file(r);
        return kg_error_set(err, KG_EINVAL,
                            "%s:1: larger than %zu bytes; skipped", r->path,
                            r->opts.max_doc_bytes);
    }
    if (r->end == r->start) {
        int from_stdin = r->f == stdin;
        close_file(r);
        if (from_stdin)
            return 0;
        return kg_error_set(err, KG_EINVAL, "%s:1: empty file", r->path);
    }
    nul = memchr(r->buf + r->start, '\0', r->end - r->start);
    if (nul) {
        rc = kg_error_set(err, KG_EINVAL,
                          "%s:%ld: binary data (NUL byte); skipped", r->path,
                          line_at(r->buf + r->start,
                                  (size_t)(nul - (r->buf + r->start))));
        close_file(r);
        return rc;
    }
    rc = set_raw(r, raw, r->buf + r->start, r->end - r->start, 0, err);
    close_file(r);
    return rc == KG_OK ? 1 : rc;
}

/* Open the next entry; 1 when a file is open, 0 at the end, or an error. */
static int open_next(kg_reader *r, kg_error *err)
{
    entry *e;
    if (r->next >= r->nentries)
        return 0;
    e = &r->entries[r->next++];
    r->path = e->path;
    if (e->error)
        return kg_error_set(err, KG_EIO, "%s", e->error);
    if (strcmp(e->path, "-") == 0) {
        r->f = stdin;
    } else {
        struct stat st;
        r->f = fopen(e->path, "rb");
        if (!r->f)
            return kg_error_set(err, errno == ENOENT ? KG_ENOTFOUND
                                                     : KG_EIO,
                                "cannot open '%s': %s", e->path,
                                strerror(errno));
        if (fstat(fileno(r->f), &st) == 0 && S_ISDIR(st.st_mode)) {
            close_file(r);
            return kg_error_set(err, KG_EIO, "cannot read '%s': %s",
                                e->path, strerror(EISDIR));
        }
    }
    r->start = r->end = 0;
    r->eof = 0;
    r->line = 0;
    r->got_any = 0;
    r->format = strcmp(e->path, "-") == 0 ? FMT_SNIFF : format_of(e->path);
    if (r->format == FMT_SNIFF && sniff(r) != KG_OK) {
        close_file(r);
        return kg_error_set(err, KG_EIO, "cannot read '%s': %s", e->path,
                            strerror(errno));
    }
    return 1;
}

int kg_reader_next_raw(kg_reader *r, kg_raw *raw, kg_error *err)
{
    int rc;
    for (;;) {
        if (!r->f) {
            rc = open_next(r, err);
            if (rc <= 0)
                return rc;
        }
        if (r->format == FMT_JSONL)
            rc = next_json(r, raw, err);
        else
            rc = next_whole(r, raw, err);
        if (rc != 0)
            return rc;
    }
}

int kg_reader_next(kg_reader *r, kg_doc **out, kg_error *err)
{
    int rc;
    *out = NULL;
    if (!r->raw && !(r->raw = kg_raw_new()))
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    rc = kg_reader_next_raw(r, r->raw, err);
    if (rc <= 0)
        return rc;
    rc = kg_raw_parse(out, r->raw, err);
    return rc == KG_OK ? 1 : rc;
}

/* ---- parsing what was read --------------------------------------- */

kg_raw *kg_raw_new(void)
{
    return calloc(1, sizeof(kg_raw));
}

void kg_raw_free(kg_raw *raw)
{
    if (!raw)
        return;
    kg_buf_release(&raw->bytes);
    kg_buf_release(&raw->path);
    free(raw);
}

/* The last path component without its extension: "a/b/x.txt" -> "x". */
static char *stem_of(const char *path, long line)
{
    const char *base = strrchr(path, '/');
    const char *dot;
    size_t n;
    char *s;
    if (strcmp(path, "-") == 0)
        base = "stdin";
    else
        base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    s = malloc(n + 24);
    if (!s)
        return NULL;
    if (line > 0)
        snprintf(s, n + 24, "%.*s:%ld", (int)n, base, line);
    else
        snprintf(s, n + 24, "%.*s", (int)n, base);
    return s;
}

/* Complete a parsed doc: path, line, id and default date. */
static int finish_doc(kg_doc *doc, const kg_raw *raw, kg_error *err)
{
    doc->path = strdup(raw->path.ptr);
    doc->line = raw->line;
    if (!doc->id)
        doc->id = stem_of(raw->path.ptr, raw->line);
    if (!doc->path || !doc->id)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    if (!kg_date_is_set(doc->date))
        doc->date = raw->default_date;
    return KG_OK;
}

int kg_raw_parse(kg_doc **out, const kg_raw *raw, kg_error *err)
{
    const char *s = raw->bytes.ptr ? raw->bytes.ptr : "";
    const char *path = raw->path.ptr ? raw->path.ptr : "";
    kg_doc *doc;
    int rc;
    *out = NULL;
    doc = kg_doc__new();
    if (!doc)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    if (raw->format == FMT_JSONL)
        rc = kg_doc__parse_json(doc, s, raw->bytes.len, path, raw->line,
                                err);
    else if (raw->format == FMT_HTML)
        rc = kg_doc__parse_html(doc, s, raw->bytes.len, path, err);
    else
        rc = kg_doc__parse_text(doc, s, raw->bytes.len, path, err);
    if (rc == KG_OK)
        rc = finish_doc(doc, raw, err);
    if (rc != KG_OK) {
        kg_doc_free(doc);
        return rc;
    }
    *out = doc;
    return KG_OK;
}
