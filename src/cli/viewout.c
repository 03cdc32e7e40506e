/*
 * viewout.c: shared output of the read commands (viewout.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/viewout.h"

int vo_form(kg_cli *cli, const cli_view *v, int *form)
{
    if (v->json && v->csv)
        return cli_usage_error(cli->cmd, "--json and --csv exclude each "
                                         "other");
    *form = v->json ? VO_JSON : v->csv ? VO_CSV : VO_TEXT;
    return -1;
}

int vo_opts(kg_cli *cli, const cli_view *v, const char *relation,
            const char *kind, kg_view_opts *o)
{
    int rc = cli_view_resolve(v, o);
    if (rc != KG_EXIT_OK)
        return rc;
    if (relation) {
        kg_relation r;
        if (kg_relation_parse(&r, relation) != KG_OK)
            return cli_usage_error(cli->cmd, "unknown relation '%s' (see "
                                   "RELATIONS.md, e.g. invested-in)",
                                   relation);
        o->relation = (int)r;
    }
    if (kind) {
        kg_kind k;
        if (kg_kind_parse(&k, kind) != KG_OK)
            return cli_usage_error(cli->cmd, "unknown kind '%s' (org, "
                                   "person or product)", kind);
        o->kind = (int)k;
    }
    return -1;
}

int vo_open(kg_cli *cli, kg_store **st)
{
    return cli_store_open(cli, KG_STORE_READONLY, st);
}

int vo_fail(int code, const kg_error *err)
{
    cli_error("%s", err->msg[0] ? err->msg : kg_strerror(code));
    if (code == KG_EINVAL)
        return KG_EXIT_USAGE;
    return cli_exit_for(code);
}

int vo_table_init(vo_table *t, size_t ncols, const char *const *header)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    return vo_table_row(t, header);
}

int vo_table_row(vo_table *t, const char *const *cells)
{
    size_t i;
    if ((t->nrows + 1) * t->ncols > t->cap) {
        size_t nc = t->cap ? t->cap * 2 : t->ncols * 64;
        char **p = realloc(t->cells, nc * sizeof *p);
        if (!p)
            return KG_ENOMEM;
        t->cells = p;
        t->cap = nc;
    }
    for (i = 0; i < t->ncols; i++) {
        const char *c = cells[i] ? cells[i] : "";
        char *d = malloc(strlen(c) + 1);
        if (!d)
            return KG_ENOMEM;
        strcpy(d, c);
        /* a cell is one line */
        for (char *p = d; *p; p++)
            if (*p == '\n' || *p == '\t' || *p == '\r')
                *p = ' ';
        t->cells[t->nrows * t->ncols + i] = d;
    }
    t->nrows++;
    return KG_OK;
}

/* Display width: code points (continuation bytes do not count). */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

int vo_table_put(kg_buf *b, const vo_table *t)
{
    size_t w[16] = {0}, r, c;
    for (r = 0; r < t->nrows; r++)
        for (c = 0; c < t->ncols && c < 16; c++) {
            size_t x = width(t->cells[r * t->ncols + c]);
            if (x > w[c])
                w[c] = x;
        }
    for (r = 0; r < t->nrows; r++) {
        for (c = 0; c < t->ncols; c++) {
            const char *cell = t->cells[r * t->ncols + c];
            size_t pad = c < 16 ? w[c] - width(cell) : 0;
            int last = c + 1 == t->ncols;
            if (c < 16 && t->right[c])
                while (pad--)
                    kg_buf_putc(b, ' ');
            kg_buf_puts(b, cell);
            if (last)
                break;
            if (!(c < 16 && t->right[c]))
                while (pad--)
                    kg_buf_putc(b, ' ');
            kg_buf_puts(b, "  ");
        }
        /* no trailing blanks when the last cells are empty */
        while (b->len && b->ptr[b->len - 1] == ' ')
            b->ptr[--b->len] = '\0';
        if (kg_buf_putc(b, '\n'))
            return KG_ENOMEM;
    }
    return KG_OK;
}

void vo_table_release(vo_table *t)
{
    size_t i;
    for (i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

void vo_date(char buf[KG_DATE_STRLEN + 1], kg_date d, int uncertain)
{
    if (uncertain && kg_date_is_set(d)) {
        buf[0] = '~';
        kg_date_format(buf + 1, d);
    } else {
        kg_date_format(buf, d);
    }
}

int vo_json_date(kg_buf *b, const char *key, kg_date d)
{
    char s[KG_DATE_STRLEN];
    kg_buf_printf(b, "\"%s\":", key);
    if (!kg_date_is_set(d))
        return kg_buf_puts(b, "null");
    kg_date_format(s, d);
    return kg_buf_json_str(b, s, (size_t)-1);
}

int vo_json_str(kg_buf *b, const char *key, const char *s)
{
    kg_buf_printf(b, "\"%s\":", key);
    if (!s)
        return kg_buf_puts(b, "null");
    return kg_buf_json_str(b, s, (size_t)-1);
}

int vo_json_tie(kg_buf *b, const kg_tie *t)
{
    vo_json_str(b, "subject", t->subject);
    kg_buf_printf(b, ",\"subject_kind\":\"%s\",",
                  kg_kind_name(t->subject_kind));
    vo_json_str(b, "relation", kg_relation_name(t->relation));
    kg_buf_putc(b, ',');
    vo_json_str(b, "object", t->object);
    kg_buf_printf(b, ",\"object_kind\":\"%s\",",
                  kg_kind_name(t->object_kind));
    vo_json_str(b, "status", kg_status_name(t->status));
    kg_buf_putc(b, ',');
    vo_json_date(b, "valid_from", t->valid_from);
    kg_buf_putc(b, ',');
    vo_json_date(b, "valid_to", t->valid_to);
    kg_buf_printf(b, ",\"uncertain\":%s,\"ndocs\":%d,",
                  t->uncertain ? "true" : "false", t->ndocs);
    vo_json_str(b, "amount", t->amount);
    if (t->stake >= 0)
        kg_buf_printf(b, ",\"stake\":%g,", t->stake);
    else
        kg_buf_puts(b, ",\"stake\":null,");
    vo_json_str(b, "role", t->role);
    kg_buf_putc(b, ',');
    vo_json_str(b, "doc", t->doc);
    kg_buf_putc(b, ',');
    vo_json_str(b, "source", t->source);
    kg_buf_putc(b, ',');
    vo_json_date(b, "evidence_date", t->evidence_date);
    kg_buf_putc(b, ',');
    return vo_json_str(b, "evidence", t->evidence);
}

int vo_csv(kg_buf *b, const char *s, int last)
{
    const char *p;
    int quote = 0;
    if (!s)
        s = "";
    for (p = s; *p; p++)
        if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r')
            quote = 1;
    if (quote) {
        kg_buf_putc(b, '"');
        for (p = s; *p; p++) {
            if (*p == '"')
                kg_buf_putc(b, '"');
            kg_buf_putc(b, *p);
        }
        kg_buf_putc(b, '"');
    } else {
        kg_buf_puts(b, s);
    }
    return kg_buf_putc(b, last ? '\n' : ',');
}

int vo_csv_tie_header(kg_buf *b)
{
    return kg_buf_puts(b, "subject,subject_kind,relation,object,object_kind,"
                          "status,valid_from,valid_to,uncertain,ndocs,amount,"
                          "stake,role,doc,source,evidence_date,evidence\n");
}

int vo_csv_tie(kg_buf *b, const kg_tie *t)
{
    char d[KG_DATE_STRLEN], n[32];
    vo_csv(b, t->subject, 0);
    vo_csv(b, kg_kind_name(t->subject_kind), 0);
    vo_csv(b, kg_relation_name(t->relation), 0);
    vo_csv(b, t->object, 0);
    vo_csv(b, kg_kind_name(t->object_kind), 0);
    vo_csv(b, kg_status_name(t->status), 0);
    kg_date_format(d, t->valid_from);
    vo_csv(b, d, 0);
    kg_date_format(d, t->valid_to);
    vo_csv(b, d, 0);
    vo_csv(b, t->uncertain ? "1" : "0", 0);
    snprintf(n, sizeof n, "%d", t->ndocs);
    vo_csv(b, n, 0);
    vo_csv(b, t->amount, 0);
    if (t->stake >= 0)
        snprintf(n, sizeof n, "%g", t->stake);
    else
        n[0] = '\0';
    vo_csv(b, n, 0);
    vo_csv(b, t->role, 0);
    vo_csv(b, t->doc, 0);
    vo_csv(b, t->source, 0);
    kg_date_format(d, t->evidence_date);
    vo_csv(b, d, 0);
    return vo_csv(b, t->evidence, 1);
}

void vo_props(char *buf, size_t len, const kg_tie *t)
{
    int n = 0;
    buf[0] = '\0';
    if (t->amount)
        n += snprintf(buf + n, len - (size_t)n, "amount=%s", t->amount);
    if (t->stake >= 0 && (size_t)n < len)
        n += snprintf(buf + n, len - (size_t)n, "%sstake=%g%%", n ? " " : "",
                      t->stake);
    if (t->role && (size_t)n < len)
        snprintf(buf + n, len - (size_t)n, "%srole=%s", n ? " " : "",
                 t->role);
}
