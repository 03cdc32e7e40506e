/*
 * doc.h: articles and the readers that produce them.
 *
 * Inputs: plain text with an optional header of "key: value" lines (id,
 * date, source, title, url), a blank line, then the body; JSONL, one
 * article per line with the same keys plus "text"; HTML (title, date from
 * the usual meta tags, article text without scripts, styles and
 * navigation).  Directories are read recursively in sorted order; "-" is
 * standard input.  A reader yields one kg_doc at a time, so memory does not
 * grow with the size of the input.
 */
#ifndef KG_DOC_H
#define KG_DOC_H

#include <stddef.h>

#include "kg/date.h"
#include "kg/error.h"

typedef struct kg_doc {
    char *id;        /* header id, JSONL id, else the file name */
    kg_date date;    /* publication date; unknown if not given */
    char *source;    /* may be NULL */
    char *title;     /* may be NULL */
    char *url;       /* may be NULL */
    char *text;      /* the body, valid UTF-8, NUL-terminated */
    size_t text_len;
    char *path;      /* the file it came from ("-" for stdin) */
    long line;       /* JSONL line number, 0 for whole files */
} kg_doc;

void kg_doc_free(kg_doc *doc); /* NULL is allowed */

typedef struct kg_reader_opts {
    kg_date default_date; /* used when an article has no date (--date) */
    size_t max_doc_bytes; /* larger articles are refused; 0 = 64 MiB */
} kg_reader_opts;

typedef struct kg_reader kg_reader;

/*
 * Create a reader over paths (files, directories, "-").  The format of each
 * file is chosen by its extension (.jsonl/.ndjson, .html/.htm, anything
 * else is text) and, for "-" and unknown extensions, by its first bytes.
 * @return KG_OK or KG_ENOMEM.  Caller frees with kg_reader_free.
 */
int kg_reader_new(kg_reader **out, const char *const *paths, size_t npaths,
                  const kg_reader_opts *opts, kg_error *err);

/*
 * Read the next article.
 * @return 1 with *out set (caller frees with kg_doc_free), 0 at the end, or
 *         a negative code when one input (a file, a JSONL line) is bad: err
 *         names the file and line, and the next call goes on with the rest.
 */
int kg_reader_next(kg_reader *r, kg_doc **out, kg_error *err);

/*
 * The two halves of kg_reader_next, for callers that parse in other
 * threads.  A kg_raw holds one input as read but not yet parsed (a JSONL
 * line, a whole text or HTML file) with its path and line; kg_raw_parse
 * turns it into a kg_doc and may run in any thread, on different kg_raw at
 * once.  kg_reader_next is kg_reader_next_raw followed by kg_raw_parse and
 * gives the same articles and errors.
 */
typedef struct kg_raw kg_raw;

/* An empty kg_raw; NULL on out of memory.  Free with kg_raw_free. */
kg_raw *kg_raw_new(void);
void kg_raw_free(kg_raw *raw); /* NULL is allowed */

/*
 * Read the next input into raw (its memory is reused).
 * @return 1, 0 at the end, or a negative code for an input that cannot be
 *         read (missing file, NUL bytes, an over-long line ...): err names
 *         the file and line, and the next call goes on with the rest.
 */
int kg_reader_next_raw(kg_reader *r, kg_raw *raw, kg_error *err);

/*
 * Parse raw into a new article (caller frees with kg_doc_free); raw is
 * unchanged.  @return KG_OK or a negative code with err naming file:line.
 */
int kg_raw_parse(kg_doc **out, const kg_raw *raw, kg_error *err);

/* Bytes consumed so far and the total size of the inputs when known. */
void kg_reader_progress(const kg_reader *r, size_t *done, size_t *total);

void kg_reader_free(kg_reader *r);

#endif
