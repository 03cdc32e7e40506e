/*
 * triple.c: reading and writing the triple format of triple.h (JSON Lines
 * and TSV).  A line that triple_fast.c's scanner does not take is parsed
 * with cJSON (src/json.c, which also refuses what cJSON would let
 * through); output is written by hand with kg_buf_json_str so the field
 * order is fixed and the bytes are stable.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "json_int.h"
#include "triple_int.h"
#include "kg/triple.h"

void kg_triple_init(kg_triple *t)
{
    memset(t, 0, sizeof *t);
    t->subject_kind = t->object_kind = KG_KIND_ORG;
    t->relation = KG_REL_NONE;
    t->status = KG_STATUS_HOLDS;
    t->confidence = 1.0;
    t->span_start = t->span_end = -1;
    t->stake = -1;
}

/* "00" to "99": two digits at a time. */
static const char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

/*
 * A double with up to 4 decimals and no trailing zeros ("0.9"), as
 * "%.4f" would round it, in num (the bytes start at *start; returns their
 * count); from 1e15 on, as "%.17g" prints it.  Confidences
 * and stakes are small non-negative numbers: those are done by hand
 * unless they lie within 1e-4 of a rounding tie (where only printf knows
 * the exact binary value); the rest goes through snprintf.
 */
static size_t fmt_number(char num[64], double v, const char **start)
{
    size_t n;
    double x, whole, frac;
    *start = num;
    if (!isfinite(v))
        v = 0;
    if (fabs(v) >= 1e15) {
        /* no decimals left to round: the shortest form that reads back
         * as the same double ("%.4f" of 1e300 has 300 digits, more than
         * a JSON reader takes) */
        return (size_t)snprintf(num, 64, "%.17g", v);
    }
    x = v * 10000.0;
    /* x >= 0 below 1e10 in the by-hand case: the cast is floor(x) */
    whole = !signbit(v) && v < 1e6 ? (double)(unsigned long)x : 0;
    frac = x - whole;
    if (!signbit(v) && v < 1e6 && (frac < 0.4999 || frac > 0.5001)) {
        unsigned long q = (unsigned long)whole + (frac > 0.5);
        unsigned long ip = q / 10000, fp = q % 10000;
        char *p = num + 64;
        /* the decimals, two at a time */
        p -= 4;
        memcpy(p, digit_pairs + 2 * (fp / 100), 2);
        memcpy(p + 2, digit_pairs + 2 * (fp % 100), 2);
        *--p = '.';
        do {
            *--p = (char)('0' + ip % 10);
            ip /= 10;
        } while (ip);
        *start = p;
        n = (size_t)(num + 64 - p);
    } else {
        snprintf(num, 64, "%.4f", v);
        n = strlen(num);
    }
    while (n > 1 && (*start)[n - 1] == '0')
        n--;
    if (n > 1 && (*start)[n - 1] == '.')
        n--;
    return n;
}

static int put_number(kg_buf *out, double v)
{
    char num[64];
    const char *p;
    size_t n = fmt_number(num, v, &p);
    return kg_buf_put(out, p, n);
}

/* Append s, a name from our own vocabulary tables (no escaping needed). */
static int put_lit(kg_buf *out, const char *s)
{
    return kg__buf_put(out, s, strlen(s));
}

/* Append the string literal s at o (no escaping needed; no strlen). */
#define WRITE_LIT(o, s) (memcpy((o), (s), sizeof(s) - 1), (o) += sizeof(s) - 1)

/* Append n bytes at o. */
static char *write_bytes(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}

/* Append a non-negative integer in decimal (negative ones as they are). */
static char *write_int(char *o, long long v)
{
    char num[24], *p = num + sizeof num;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
                                 : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return write_bytes(o, p, (size_t)(num + sizeof num - p));
}

/* Append the double v as fmt_number prints it. */
static char *write_number(char *o, double v)
{
    char num[64];
    const char *p;
    size_t n = fmt_number(num, v, &p);
    return write_bytes(o, p, n);
}

/*
 * JSON by hand, without printf: this runs once per triple and is a good
 * part of `corpgraph extract`'s time.  The line's room is made once and
 * written without checks; strings go through kg__json_str_write, the
 * names come from vocab.c's tables and need no escaping.
 */
int kg_triple_write_json(kg_buf *out, const kg_triple *t)
{
    char date[KG_DATE_STRLEN], *o;
    const char *doc = t->doc ? t->doc : "", *sub = t->subject ? t->subject
                                                              : "";
    const char *obj = t->object ? t->object : "", *rule = t->rule ? t->rule
                                                                  : "";
    const char *ev = t->evidence ? t->evidence : "";
    const char *sk = kg_kind_name(t->subject_kind);
    const char *ok = kg_kind_name(t->object_kind);
    const char *rel = kg_relation_name(t->relation);
    const char *st = kg_status_name(t->status);
    size_t ldoc = strlen(doc), lsub = strlen(sub), lobj = strlen(obj);
    size_t lrule = strlen(rule), lev = strlen(ev);
    size_t lam = t->amount ? strlen(t->amount) : 0;
    size_t lrole = t->role ? strlen(t->role) : 0;
    size_t lsk = strlen(sk), lok = strlen(ok), lrel = strlen(rel);
    size_t lst = strlen(st), ldate, text;
    int n = kg_date_format(date, t->date);
    ldate = n >= 0 && n < KG_DATE_STRLEN ? (size_t)n : strlen(date);
    /* the room for the whole line once: each string at its worst (six
     * bytes a byte, two quotes), the names, the numbers (64 bytes each)
     * and the keys and punctuation (under 256 bytes) */
    text = ldoc + lsub + lobj + lrule + lev + lam + lrole;
    if (ldoc > KG__JSON_STR_MAX || lsub > KG__JSON_STR_MAX ||
        lobj > KG__JSON_STR_MAX || lrule > KG__JSON_STR_MAX ||
        lev > KG__JSON_STR_MAX || lam > KG__JSON_STR_MAX ||
        lrole > KG__JSON_STR_MAX || text > KG__JSON_STR_MAX ||
        kg_buf_grow(out, 6 * text + 14 + lsk + lok + lrel + lst + ldate +
                             2 * 64 + 256) != KG_OK)
        return KG_ENOMEM;
    o = out->ptr + out->len;
    WRITE_LIT(o, "{\"doc\":");
    o = kg__json_str_write(o, doc, ldoc);
    WRITE_LIT(o, ",\"subject\":");
    o = kg__json_str_write(o, sub, lsub);
    WRITE_LIT(o, ",\"subject_kind\":\"");
    o = write_bytes(o, sk, lsk);
    WRITE_LIT(o, "\",\"relation\":\"");
    o = write_bytes(o, rel, lrel);
    WRITE_LIT(o, "\",\"object\":");
    o = kg__json_str_write(o, obj, lobj);
    WRITE_LIT(o, ",\"object_kind\":\"");
    o = write_bytes(o, ok, lok);
    WRITE_LIT(o, "\",\"status\":\"");
    o = write_bytes(o, st, lst);
    WRITE_LIT(o, "\",\"date\":\"");
    o = write_bytes(o, date, ldate);
    WRITE_LIT(o, "\",\"confidence\":");
    o = write_number(o, t->confidence);
    WRITE_LIT(o, ",\"rule\":");
    o = kg__json_str_write(o, rule, lrule);
    WRITE_LIT(o, ",\"evidence\":");
    o = kg__json_str_write(o, ev, lev);
    if (t->span_start >= 0 && t->span_end >= 0) {
        WRITE_LIT(o, ",\"span\":[");
        o = write_int(o, (long long)t->span_start);
        WRITE_LIT(o, ",");
        o = write_int(o, (long long)t->span_end);
        WRITE_LIT(o, "]");
    }
    if (t->amount) {
        WRITE_LIT(o, ",\"amount\":");
        o = kg__json_str_write(o, t->amount, lam);
    }
    if (t->stake >= 0) {
        WRITE_LIT(o, ",\"stake\":");
        o = write_number(o, t->stake);
    }
    if (t->role) {
        WRITE_LIT(o, ",\"role\":");
        o = kg__json_str_write(o, t->role, lrole);
    }
    WRITE_LIT(o, "}\n");
    *o = '\0';
    out->len = (size_t)(o - out->ptr);
    return KG_OK;
}

/* Append s with tabs, newlines and carriage returns turned into spaces. */
static int put_tsv_field(kg_buf *out, const char *s)
{
    size_t start;
    if (!s)
        return KG_OK;
    start = out->len;
    if (kg_buf_puts(out, s) != KG_OK)
        return KG_ENOMEM;
    for (; start < out->len; start++) {
        char c = out->ptr[start];
        if (c == '\t' || c == '\n' || c == '\r')
            out->ptr[start] = ' ';
    }
    return KG_OK;
}

int kg_triple_write_tsv(kg_buf *out, const kg_triple *t)
{
    char date[KG_DATE_STRLEN];
    int rc = 0;
    kg_date_format(date, t->date);
    rc |= put_tsv_field(out, t->doc);
    rc |= kg_buf_putc(out, '\t');
    rc |= put_tsv_field(out, t->subject);
    rc |= kg_buf_putc(out, '\t');
    rc |= put_lit(out, kg_relation_name(t->relation));
    rc |= kg_buf_putc(out, '\t');
    rc |= put_tsv_field(out, t->object);
    rc |= kg_buf_putc(out, '\t');
    rc |= put_lit(out, kg_status_name(t->status));
    rc |= kg_buf_putc(out, '\t');
    rc |= put_lit(out, date);
    rc |= kg_buf_putc(out, '\t');
    rc |= put_number(out, t->confidence);
    rc |= kg_buf_putc(out, '\t');
    rc |= put_tsv_field(out, t->rule);
    rc |= kg_buf_putc(out, '\t');
    rc |= put_tsv_field(out, t->evidence);
    rc |= kg_buf_putc(out, '\n');
    return rc ? KG_ENOMEM : KG_OK;
}

/* The members of a triple line, in the order they are checked. */
enum {
    F_DOC, F_SUBJECT, F_RELATION, F_OBJECT, F_STATUS, F_DATE, F_RULE,
    F_EVIDENCE, F_AMOUNT, F_ROLE, F_SUBJECT_KIND, F_OBJECT_KIND,
    F_CONFIDENCE, F_STAKE, F_SPAN, F__COUNT
};

static const char *const field_names[F__COUNT] = {
    "doc", "subject", "relation", "object", "status", "date", "rule",
    "evidence", "amount", "role", "subject_kind", "object_kind",
    "confidence", "stake", "span"};

/* The member v[f] as a string in the pool; absent or null is fine
 * unless required. */
static int get_str(const char **out, cJSON *const *v, int f, int required,
                   kg_pool *pool, kg_error *err)
{
    const cJSON *m = v[f];
    if (!m || cJSON_IsNull(m)) {
        if (required)
            return kg_error_set(err, KG_EINVAL, "missing field '%s'",
                                field_names[f]);
        return KG_OK;
    }
    if (!cJSON_IsString(m))
        return kg_error_set(err, KG_EINVAL, "field '%s' is not a string",
                            field_names[f]);
    *out = kg_pool_strdup(pool, m->valuestring);
    return *out ? KG_OK : kg_error_set(err, KG_ENOMEM, "out of memory");
}

static int get_kind(kg_kind *out, cJSON *const *v, int f, kg_pool *pool,
                    kg_error *err)
{
    const char *s = NULL;
    int rc = get_str(&s, v, f, 0, pool, err);
    if (rc || !s)
        return rc;
    if (kg_kind_parse(out, s) != KG_OK)
        return kg_error_set(err, KG_EINVAL,
                            "unknown %s '%s' (org, person, product)",
                            field_names[f], s);
    return KG_OK;
}

static int get_num(double *out, cJSON *const *v, int f, kg_error *err)
{
    const cJSON *m = v[f];
    if (!m || cJSON_IsNull(m))
        return KG_OK;
    if (!cJSON_IsNumber(m))
        return kg_error_set(err, KG_EINVAL, "field '%s' is not a number",
                            field_names[f]);
    *out = m->valuedouble;
    return KG_OK;
}

/* The member named s, or F__COUNT for one we do not read. */
static int field_of(const char *s)
{
    int f;
    for (f = 0; f < F__COUNT; f++)
        if (s[0] == field_names[f][0] && strcmp(s, field_names[f]) == 0)
            return f;
    return F__COUNT;
}

int kg_triple__parse_tree(kg_triple *out, kg_pool *pool, const char *line,
                          size_t len, kg_error *err)
{
    cJSON *obj = NULL, *m, *v[F__COUNT + 1] = {NULL};
    const char *rel = NULL, *st = NULL, *date = NULL;
    long long span[2];
    kg_error jerr;
    int rc;

    kg_triple_init(out);
    rc = kg_json__parse(&obj, line, len, KG_JSON_UNIQUE, &jerr);
    if (rc == KG_ENOMEM)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    if (rc != KG_OK)
        return kg_error_set(err, KG_EINVAL, "bad JSON: %s", jerr.msg);
    if (!cJSON_IsObject(obj)) {
        rc = kg_error_set(err, KG_EINVAL, "not a JSON object");
        goto done;
    }
    for (m = obj->child; m; m = m->next)
        v[field_of(m->string)] = m;
    if ((rc = get_str(&out->doc, v, F_DOC, 0, pool, err)) ||
        (rc = get_str(&out->subject, v, F_SUBJECT, 1, pool, err)) ||
        (rc = get_str(&rel, v, F_RELATION, 1, pool, err)) ||
        (rc = get_str(&out->object, v, F_OBJECT, 1, pool, err)) ||
        (rc = get_str(&st, v, F_STATUS, 1, pool, err)) ||
        (rc = get_str(&date, v, F_DATE, 0, pool, err)) ||
        (rc = get_str(&out->rule, v, F_RULE, 0, pool, err)) ||
        (rc = get_str(&out->evidence, v, F_EVIDENCE, 0, pool, err)) ||
        (rc = get_str(&out->amount, v, F_AMOUNT, 0, pool, err)) ||
        (rc = get_str(&out->role, v, F_ROLE, 0, pool, err)) ||
        (rc = get_kind(&out->subject_kind, v, F_SUBJECT_KIND, pool, err)) ||
        (rc = get_kind(&out->object_kind, v, F_OBJECT_KIND, pool, err)) ||
        (rc = get_num(&out->confidence, v, F_CONFIDENCE, err)) ||
        (rc = get_num(&out->stake, v, F_STAKE, err)))
        goto done;
    if (!out->doc)
        out->doc = "";
    if (!out->subject[0] || !out->object[0]) {
        rc = kg_error_set(err, KG_EINVAL, "empty %s",
                          out->subject[0] ? "object" : "subject");
        goto done;
    }
    if (kg_relation_parse(&out->relation, rel) != KG_OK) {
        rc = kg_error_set(err, KG_EINVAL, "unknown relation '%s'", rel);
        goto done;
    }
    if (kg_status_parse(&out->status, st) != KG_OK) {
        rc = kg_error_set(err, KG_EINVAL,
                          "unknown status '%s' (holds, ended, negated, "
                          "reported)", st);
        goto done;
    }
    if (date && date[0] && kg_date_parse(&out->date, date, (size_t)-1)) {
        rc = kg_error_set(err, KG_EINVAL,
                          "bad date '%s' (YYYY, YYYY-MM or YYYY-MM-DD)", date);
        goto done;
    }
    if (out->confidence < 0 || out->confidence > 1) {
        rc = kg_error_set(err, KG_EINVAL, "confidence %g is not in 0..1",
                          out->confidence);
        goto done;
    }
    /* a span that is not two integers is ignored */
    m = v[F_SPAN];
    if (cJSON_IsArray(m) && cJSON_GetArraySize(m) == 2 &&
        kg_json__integer(&span[0], m->child) &&
        kg_json__integer(&span[1], m->child->next)) {
        out->span_start = span[0];
        out->span_end = span[1];
    }
    rc = KG_OK;
done:
    cJSON_Delete(obj);
    return rc;
}

int kg_triple_parse_json(kg_triple *out, kg_pool *pool, const char *line,
                         size_t len, kg_error *err)
{
    kg_triple_init(out);
    if (kg_triple__parse_fast(out, pool, line, len) == 0)
        return KG_OK;
    return kg_triple__parse_tree(out, pool, line, len, err);
}

void kg_triple_canonicalize(kg_triple *t)
{
    const char *s;
    kg_kind k;
    if (!kg_relation_symmetric(t->relation) ||
        strcmp(t->subject, t->object) <= 0)
        return;
    s = t->subject;
    t->subject = t->object;
    t->object = s;
    k = t->subject_kind;
    t->subject_kind = t->object_kind;
    t->object_kind = k;
}
