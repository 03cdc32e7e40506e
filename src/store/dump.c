/*
 * dump.c: kg_store_dump_ties, a canonical text dump of the derived tie
 * intervals at a revision, used to compare stores built in different ways
 * (load of shards vs one ingest, out-of-order vs in-order, interrupted and
 * rerun vs uninterrupted).
 */
#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

/* Format a stored day and precision like the date it came from. */
static void fmt_day(char buf[KG_DATE_STRLEN], sqlite3_stmt *s, int dcol,
                    int pcol)
{
    int32_t day = sqlite3_column_int(s, dcol);
    int prec = sqlite3_column_int(s, pcol);
    kg_date d;
    if (prec == KG_PREC_NONE || day == KG_STORE_DAY_UNKNOWN ||
        day == KG_STORE_OPEN) {
        buf[0] = '\0';
        return;
    }
    d = kg_date_from_days(day);
    if (prec < KG_PREC_DAY)
        d.day = 0;
    if (prec < KG_PREC_MONTH)
        d.month = 0;
    kg_date_format(buf, d);
}

int kg_store_dump_ties(kg_store *st, int64_t as_of, kg_buf *out,
                       kg_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc;
    rc = sqlite3_prepare_v2(
        st->db,
        "SELECT se.name, rc.name, oe.name, sc.name, v.valid_from,"
        " v.from_precision, v.valid_to, v.to_precision, v.amount, v.stake,"
        " v.role, v.assertions, v.documents"
        " FROM tie_version v JOIN tie t ON t.id = v.tie"
        " JOIN entity se ON se.id = t.subject"
        " JOIN entity oe ON oe.id = t.object"
        " JOIN relation_code rc ON rc.code = t.relation"
        " JOIN status_code sc ON sc.code = v.status"
        " WHERE (?1 = 0 AND v.rec_to = 2147483647)"
        "  OR (?1 > 0 AND v.rec_from <= ?1 AND v.rec_to > ?1)"
        " ORDER BY se.name, rc.name, oe.name, se.kind, oe.kind,"
        " v.valid_from, sc.name",
        -1, &s, NULL);
    if (rc != SQLITE_OK)
        return kg_store__sqlerr(st, rc, "cannot dump ties", err);
    sqlite3_bind_int64(s, 1, as_of);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        char from[KG_DATE_STRLEN], to[KG_DATE_STRLEN];
        int e = 0;
        fmt_day(from, s, 4, 5);
        fmt_day(to, s, 6, 7);
        e |= kg_buf_printf(out, "%s\t%s\t%s\t%s\t%s\t%s",
                           (const char *)sqlite3_column_text(s, 0),
                           (const char *)sqlite3_column_text(s, 1),
                           (const char *)sqlite3_column_text(s, 2),
                           (const char *)sqlite3_column_text(s, 3),
                           from[0] ? from : "?", to);
        if (sqlite3_column_type(s, 8) != SQLITE_NULL)
            e |= kg_buf_printf(out, "\tamount=%s",
                               (const char *)sqlite3_column_text(s, 8));
        if (sqlite3_column_type(s, 9) != SQLITE_NULL)
            e |= kg_buf_printf(out, "\tstake=%g",
                               sqlite3_column_double(s, 9));
        if (sqlite3_column_type(s, 10) != SQLITE_NULL)
            e |= kg_buf_printf(out, "\trole=%s",
                               (const char *)sqlite3_column_text(s, 10));
        e |= kg_buf_printf(out, "\tassertions=%lld\tdocuments=%lld\n",
                           (long long)sqlite3_column_int64(s, 11),
                           (long long)sqlite3_column_int64(s, 12));
        if (e) {
            sqlite3_finalize(s);
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        }
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return kg_store__sqlerr(st, rc, "cannot dump ties", err);
    return KG_OK;
}
