/*
 * progress.h: a one-line progress bar on stderr for long ingests and
 * loads (items/s, triples, ETA), drawn only when stderr is a terminal and
 * at most ten times a second; silent when piped.
 */
#ifndef KG_CLI_PROGRESS_H
#define KG_CLI_PROGRESS_H

#include <stddef.h>

typedef struct cli_progress {
    int on;            /* stderr is a terminal */
    const char *unit;  /* "articles", "lines" */
    double start, last;
    int drawn;
} cli_progress;

/* Start; on = 0 makes every call a no-op. */
void cli_progress_start(cli_progress *p, int on, const char *unit);

/* Redraw if due: bytes done of total (0 = unknown), items and triples. */
void cli_progress_update(cli_progress *p, size_t done, size_t total,
                         long long items, long long triples);

/* Clear the line (before the summary or an error). */
void cli_progress_end(cli_progress *p);

#endif
