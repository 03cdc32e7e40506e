/*
 * table.h: aligned text tables for people: cells are collected, then
 * printed with each column as wide as its widest cell (counted in UTF-8
 * characters, not bytes), numbers right-aligned, two spaces between
 * columns and no trailing blanks.
 */
#ifndef KG_CLI_TABLE_H
#define KG_CLI_TABLE_H

#include <stdio.h>

#include "kg/util.h"

typedef struct cli_table {
    int ncols;
    const char *const *head;  /* column titles */
    const char *right;        /* per column: 'r' right-aligned, else left */
    char **cells;             /* row-major, in pool */
    size_t nrows, cap;
    kg_pool pool;
} cli_table;

/* Start a table; head and right are borrowed for its life. */
void cli_table_init(cli_table *t, int ncols, const char *const *head,
                    const char *right);

/* Add a row of ncols cells (copied).  KG_OK or KG_ENOMEM. */
int cli_table_row(cli_table *t, const char *const *cells);

/* Print header and rows into b.  KG_OK or KG_ENOMEM. */
int cli_table_print(const cli_table *t, kg_buf *b);

void cli_table_release(cli_table *t);

#endif
