/*
 * viewout.h: what the read commands (query, history, diff, path, rank,
 * clusters, stats, export) share: opening the store for reading, parsing
 * --relation/--kind, and printing: aligned text tables for people, JSON
 * lines and CSV for programs.  Output is built in a kg_buf and written
 * once, so the same store and query always give the same bytes.
 */
#ifndef KG_CLI_VIEWOUT_H
#define KG_CLI_VIEWOUT_H

#include "cli/cmd.h"

/* Output forms. */
enum { VO_TEXT = 0, VO_JSON, VO_CSV };

/* The form chosen by --json / --csv (usage error if both). */
int vo_form(kg_cli *cli, const cli_view *v, int *form);

/*
 * Resolve --at/--as-of and the --relation/--kind names (either may be
 * NULL) into o; prints a usage error and returns its status on failure.
 */
int vo_opts(kg_cli *cli, const cli_view *v, const char *relation,
            const char *kind, kg_view_opts *o);

/* Open the store read-only (KG_EXIT_OK or the printed failure status). */
int vo_open(kg_cli *cli, kg_store **st);

/* Print a library failure and return the exit status for it. */
int vo_fail(int code, const kg_error *err);

/* A text table: cells are copied; columns padded to their widest cell. */
typedef struct vo_table {
    size_t ncols, nrows;
    char **cells; /* nrows * ncols, row 0 is the header */
    size_t cap;
    int right[16]; /* right-align column i */
} vo_table;

int vo_table_init(vo_table *t, size_t ncols, const char *const *header);
/* Add a row of ncols cells (NULL = empty). */
int vo_table_row(vo_table *t, const char *const *cells);
/* Append the table; the last column is never padded. */
int vo_table_put(kg_buf *b, const vo_table *t);
void vo_table_release(vo_table *t);

/* A date as text: "" when unknown, a leading '~' when uncertain. */
void vo_date(char buf[KG_DATE_STRLEN + 1], kg_date d, int uncertain);

/* JSON: "key":"date" or null when unknown. */
int vo_json_date(kg_buf *b, const char *key, kg_date d);
/* JSON: "key":"str" or null. */
int vo_json_str(kg_buf *b, const char *key, const char *s);

/* The fields of a tie as JSON members (no braces), for every command. */
int vo_json_tie(kg_buf *b, const kg_tie *t);

/* One CSV field (quoted when needed) and its separator. */
int vo_csv(kg_buf *b, const char *s, int last);

/* The CSV header and row of a tie (the same columns as vo_json_tie). */
int vo_csv_tie_header(kg_buf *b);
int vo_csv_tie(kg_buf *b, const kg_tie *t);

/* "amount=.. stake=..% role=.." of a tie, "" when none; into buf. */
void vo_props(char *buf, size_t len, const kg_tie *t);

#endif
