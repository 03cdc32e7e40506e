/*
 * table.c: the aligned text tables of table.h.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/table.h"
#include "kg/error.h"

void cli_table_init(cli_table *t, int ncols, const char *const *head,
                    const char *right)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->head = head;
    t->right = right;
}

int cli_table_row(cli_table *t, const char *const *cells)
{
    int i;
    if ((t->nrows + 1) * (size_t)t->ncols > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : (size_t)t->ncols * 32;
        char **v = realloc(t->cells, cap * sizeof *v);
        if (!v)
            return KG_ENOMEM;
        t->cells = v;
        t->cap = cap;
    }
    for (i = 0; i < t->ncols; i++) {
        char *c = kg_pool_strdup(&t->pool, cells[i] ? cells[i] : "");
        if (!c)
            return KG_ENOMEM;
        t->cells[t->nrows * (size_t)t->ncols + (size_t)i] = c;
    }
    t->nrows++;
    return KG_OK;
}

/* Characters in a UTF-8 string (bytes that do not continue one). */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static int put_cell(kg_buf *b, const char *s, size_t w, int right, int last)
{
    size_t pad = w - width(s), i;
    int rc = 0;
    if (right)
        for (i = 0; i < pad; i++)
            rc |= kg_buf_putc(b, ' ');
    rc |= kg_buf_puts(b, s);
    if (!right && !last)
        for (i = 0; i < pad; i++)
            rc |= kg_buf_putc(b, ' ');
    return rc;
}

int cli_table_print(const cli_table *t, kg_buf *b)
{
    size_t *w = calloc((size_t)t->ncols, sizeof *w), r;
    int i, rc = 0;
    if (!w)
        return KG_ENOMEM;
    for (i = 0; i < t->ncols; i++)
        w[i] = width(t->head[i]);
    for (r = 0; r < t->nrows; r++)
        for (i = 0; i < t->ncols; i++) {
            size_t cw = width(t->cells[r * (size_t)t->ncols + (size_t)i]);
            if (cw > w[i])
                w[i] = cw;
        }
    for (r = 0; r <= t->nrows; r++) {
        for (i = 0; i < t->ncols; i++) {
            const char *c = r == 0
                                ? t->head[i]
                                : t->cells[(r - 1) * (size_t)t->ncols +
                                           (size_t)i];
            if (i)
                rc |= kg_buf_puts(b, "  ");
            rc |= put_cell(b, c, w[i], t->right && t->right[i] == 'r',
                           i == t->ncols - 1);
        }
        while (b->len && b->ptr[b->len - 1] == ' ')
            b->ptr[--b->len] = '\0';
        rc |= kg_buf_putc(b, '\n');
    }
    free(w);
    return rc ? KG_ENOMEM : KG_OK;
}

void cli_table_release(cli_table *t)
{
    free(t->cells);
    kg_pool_release(&t->pool);
    memset(t, 0, sizeof *t);
}
