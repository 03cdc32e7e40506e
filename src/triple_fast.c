/*
 * triple_fast.c: a fast path for kg_triple_parse_json.  Loading a million
 * triples spends most of its parsing time building cJSON trees that are
 * thrown away at once (cJSON and its allocations cost 2.5 times the
 * instructions of this scanner on extractor lines); this scanner reads
 * the flat objects that `corpgraph extract` writes straight into a
 * kg_triple.
 *
 * It only accepts what it fully understands: one object whose members are
 * the known fields, each at most once, with the expected JSON types,
 * strings that are valid UTF-8 without NUL, numbers in strict JSON syntax
 * that a double holds (integers in a span below 2^53), and values that
 * pass the same checks as the cJSON path.  Anything else (an unknown
 * member, a nested value, a duplicate, any error) makes it give up, and
 * kg_triple_parse_json parses the line again with cJSON (src/json.c),
 * which gives the result or the error message.  So both paths agree by
 * construction on every line the fast one accepts.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "triple_int.h"
#include "kg/triple.h"

typedef struct scan {
    const char *p, *end;
    kg_pool *pool;
} scan;

static void skip_ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
                             *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/*
 * Read a member name at s->p (on the opening quote) in place: *len_out
 * bytes at the returned pointer, no copy.  A name with an escape or a
 * control byte gives up (NULL); one that is not a field name gives up in
 * the caller, so the bytes need no UTF-8 check.
 */
static const char *read_key(scan *s, size_t *len_out)
{
    const char *start = ++s->p, *q;
    for (q = start; q < s->end && *q != '"'; q++)
        if ((unsigned char)*q < 0x20 || *q == '\\')
            return NULL;
    if (q >= s->end)
        return NULL;
    *len_out = (size_t)(q - start);
    s->p = q + 1;
    return start;
}

/*
 * Read a JSON string at s->p (on the opening quote) into the pool.
 * Returns the copy, or NULL to give up.
 */
static const char *read_str(scan *s, size_t *len_out)
{
    const char *start = ++s->p, *q;
    char *out, *o;
    size_t raw;
    int esc = 0;
    for (q = start; q < s->end && *q != '"'; q++) {
        if ((unsigned char)*q < 0x20)
            return NULL;
        if (*q == '\\') {
            esc = 1;
            if (++q >= s->end)
                return NULL;
        }
    }
    if (q >= s->end)
        return NULL;
    raw = (size_t)(q - start);
    s->p = q + 1;
    if (!esc) {
        if (!kg_utf8_valid(start, raw))
            return NULL;
        *len_out = raw;
        return kg_pool_strndup(s->pool, start, raw);
    }
    out = kg_pool_alloc(s->pool, raw + 1);
    if (!out)
        return NULL;
    for (o = out, q = start; q < start + raw; q++) {
        unsigned cp, lo;
        if (*q != '\\') {
            *o++ = *q;
            continue;
        }
        switch (*++q) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u':
            if (start + raw - q < 5 || hex4(q + 1, &cp))
                return NULL;
            q += 4;
            if (cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
                return NULL;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (start + raw - q < 7 || q[1] != '\\' || q[2] != 'u' ||
                    hex4(q + 3, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return NULL;
                q += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            /* 6 bytes of "\uXXXX" always fit the UTF-8 of one code point,
               12 bytes the UTF-8 of a surrogate pair */
            if (cp < 0x80) {
                *o++ = (char)cp;
            } else if (cp < 0x800) {
                *o++ = (char)(0xC0 | (cp >> 6));
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *o++ = (char)(0xE0 | (cp >> 12));
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *o++ = (char)(0xF0 | (cp >> 18));
                *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            }
            break;
        default:
            return NULL;
        }
    }
    *o = '\0';
    *len_out = (size_t)(o - out);
    if (!kg_utf8_valid(out, *len_out))
        return NULL;
    return out;
}

/*
 * Read a JSON number in strict syntax.  *is_int is 1 for an integer
 * literal (no fraction, no exponent).  0 on success, -1 to give up.
 */
static int read_num(scan *s, double *out, long long *iout, int *is_int)
{
    const char *p = s->p, *start = s->p;
    char buf[64];
    size_t n;
    *is_int = 1;
    if (p < s->end && *p == '-')
        p++;
    if (p >= s->end)
        return -1;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        while (p < s->end && *p >= '0' && *p <= '9')
            p++;
    else
        return -1;
    if (p < s->end && *p == '.') {
        *is_int = 0;
        if (++p >= s->end || *p < '0' || *p > '9')
            return -1;
        while (p < s->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < s->end && (*p == 'e' || *p == 'E')) {
        *is_int = 0;
        p++;
        if (p < s->end && (*p == '+' || *p == '-'))
            p++;
        if (p >= s->end || *p < '0' || *p > '9')
            return -1;
        while (p < s->end && *p >= '0' && *p <= '9')
            p++;
    }
    n = (size_t)(p - start);
    if (n >= sizeof buf || (*is_int && n > 15)) /* 15 digits < 2^53 */
        return -1;
    memcpy(buf, start, n);
    buf[n] = '\0';
    *out = strtod(buf, NULL);
    if (!isfinite(*out))
        return -1;
    if (*is_int)
        *iout = strtoll(buf, NULL, 10);
    s->p = p;
    return 0;
}

static int lit(scan *s, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, w, n) != 0)
        return -1;
    s->p += n;
    return 0;
}

/* The members the fast path knows, as bits of a "seen" mask. */
enum {
    F_DOC, F_SUBJECT, F_SUBJECT_KIND, F_RELATION, F_OBJECT, F_OBJECT_KIND,
    F_STATUS, F_DATE, F_CONFIDENCE, F_RULE, F_EVIDENCE, F_SPAN, F_AMOUNT,
    F_STAKE, F_ROLE, F__COUNT
};

static const char *const field_names[F__COUNT] = {
    "doc", "subject", "subject_kind", "relation", "object", "object_kind",
    "status", "date", "confidence", "rule", "evidence", "span", "amount",
    "stake", "role"};

int kg_triple__parse_fast(kg_triple *out, kg_pool *pool, const char *line,
                          size_t len)
{
    scan s;
    unsigned seen = 0;
    const char *str[F__COUNT];
    int isnull[F__COUNT];
    double num[F__COUNT];
    long long span[2] = {-1, -1};
    int have_span = 0, f;

    memset(str, 0, sizeof str);
    memset(isnull, 0, sizeof isnull);
    s.p = line;
    s.end = line + len;
    s.pool = pool;
    skip_ws(&s);
    if (s.p >= s.end || *s.p != '{')
        return 1;
    s.p++;
    skip_ws(&s);
    if (s.p < s.end && *s.p == '}')
        return 1; /* missing fields: let the cJSON path say which */
    for (;;) {
        const char *key;
        size_t klen;
        skip_ws(&s);
        if (s.p >= s.end || *s.p != '"')
            return 1;
        key = read_key(&s, &klen);
        if (!key)
            return 1;
        for (f = 0; f < F__COUNT; f++)
            if (strlen(field_names[f]) == klen &&
                memcmp(field_names[f], key, klen) == 0)
                break;
        if (f == F__COUNT || (seen & (1u << f)))
            return 1;
        seen |= 1u << f;
        skip_ws(&s);
        if (s.p >= s.end || *s.p != ':')
            return 1;
        s.p++;
        skip_ws(&s);
        if (s.p >= s.end)
            return 1;
        if (*s.p == 'n') {
            if (lit(&s, "null"))
                return 1;
            isnull[f] = 1;
        } else if (f == F_SPAN) {
            double d;
            int k, is_int;
            if (*s.p != '[')
                return 1;
            s.p++;
            for (k = 0; k < 2; k++) {
                skip_ws(&s);
                if (read_num(&s, &d, &span[k], &is_int) || !is_int)
                    return 1;
                skip_ws(&s);
                if (s.p >= s.end || *s.p != (k == 0 ? ',' : ']'))
                    return 1;
                s.p++;
            }
            have_span = 1;
        } else if (f == F_CONFIDENCE || f == F_STAKE) {
            long long i;
            int is_int;
            if (read_num(&s, &num[f], &i, &is_int))
                return 1;
        } else {
            size_t l;
            if (*s.p != '"')
                return 1;
            str[f] = read_str(&s, &l);
            if (!str[f])
                return 1;
        }
        skip_ws(&s);
        if (s.p >= s.end)
            return 1;
        if (*s.p == ',') {
            s.p++;
            continue;
        }
        if (*s.p != '}')
            return 1;
        s.p++;
        break;
    }
    skip_ws(&s);
    if (s.p != s.end)
        return 1;

    /* the checks of the cJSON path; any failure: let it report */
    if (!str[F_SUBJECT] || !str[F_OBJECT] || !str[F_RELATION] ||
        !str[F_STATUS] || !str[F_SUBJECT][0] || !str[F_OBJECT][0])
        return 1;
    if (kg_relation_parse(&out->relation, str[F_RELATION]) != KG_OK ||
        kg_status_parse(&out->status, str[F_STATUS]) != KG_OK)
        return 1;
    if (str[F_SUBJECT_KIND] &&
        kg_kind_parse(&out->subject_kind, str[F_SUBJECT_KIND]) != KG_OK)
        return 1;
    if (str[F_OBJECT_KIND] &&
        kg_kind_parse(&out->object_kind, str[F_OBJECT_KIND]) != KG_OK)
        return 1;
    if (str[F_DATE] && str[F_DATE][0] &&
        kg_date_parse(&out->date, str[F_DATE], (size_t)-1) != KG_OK)
        return 1;
    if ((seen & (1u << F_CONFIDENCE)) && !isnull[F_CONFIDENCE]) {
        if (num[F_CONFIDENCE] < 0 || num[F_CONFIDENCE] > 1)
            return 1;
        out->confidence = num[F_CONFIDENCE];
    }
    if ((seen & (1u << F_STAKE)) && !isnull[F_STAKE])
        out->stake = num[F_STAKE];
    out->doc = str[F_DOC] ? str[F_DOC] : "";
    out->subject = str[F_SUBJECT];
    out->object = str[F_OBJECT];
    out->rule = str[F_RULE];
    out->evidence = str[F_EVIDENCE];
    out->amount = str[F_AMOUNT];
    out->role = str[F_ROLE];
    if (have_span) {
        out->span_start = span[0];
        out->span_end = span[1];
    }
    return 0;
}
