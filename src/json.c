/*
 * json.c: one JSONL line into a cJSON tree (json_int.h).
 *
 * cJSON parses the structure and builds the tree, but it is lenient
 * where JSON is not: it copies string bytes as they come (invalid UTF-8,
 * raw control characters), turns "\u0000" and a bad "\u" escape into a
 * NUL that silently ends the string, takes any strtod number ("01",
 * "1.", 1e999) and skips every byte below 0x21 as white space.  check()
 * walks the bytes once beforehand and refuses those, so what is accepted
 * is JSON; the structure (braces, commas, literals) is left to cJSON.  Strings are skipped eight bytes at a time.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json_int.h"
#include "kg/util.h"

/* Length of the valid UTF-8 sequence at p (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    size_t k = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 0;
    return k && k <= n && kg_utf8_valid((const char *)p, k) ? k : 0;
}

/* 1 if p[0..4) are hex digits, with their value in *out. */
static int hex4(const unsigned char *p, unsigned *out)
{
    unsigned v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (c | 0x20) - 'a' + 10;
        else
            return 0;
        v = v << 4 | d;
    }
    *out = v;
    return 1;
}

/* Where check() stopped and why (a static string). */
typedef struct fault {
    size_t at;
    const char *what;
} fault;

static int fail(fault *f, size_t at, const char *what)
{
    f->at = at;
    f->what = what;
    return -1;
}

/* The string whose opening quote is at *i; *i moves past its end. */
static int check_string(const unsigned char *p, size_t *i, size_t len,
                        fault *f)
{
    size_t j = *i + 1, k;
    unsigned cp;
    for (;;) {
        j = kg__json_plain_run(p, j, len);
        if (j >= len)
            return fail(f, *i, "unterminated string");
        if (p[j] == '"')
            break;
        if (p[j] == '\\') {
            if (j + 1 >= len)
                return fail(f, j, "unterminated string");
            if (p[j + 1] == 'u') {
                if (j + 6 > len || !hex4(p + j + 2, &cp))
                    return fail(f, j, "invalid \\u escape");
                if (cp == 0)
                    return fail(f, j, "\\u0000 (NUL) in a string");
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return fail(f, j, "lone surrogate in a \\u escape");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (j + 12 > len || p[j + 6] != '\\' ||
                        p[j + 7] != 'u' || !hex4(p + j + 8, &cp) ||
                        cp < 0xDC00 || cp > 0xDFFF)
                        return fail(f, j, "lone surrogate in a \\u escape");
                    j += 6;
                }
                j += 6;
            } else if (p[j + 1] && strchr("\"\\/bfnrt", p[j + 1])) {
                j += 2;
            } else {
                return fail(f, j, "invalid escape");
            }
        } else if (p[j] < 0x20) {
            return fail(f, j, "control character in a string");
        } else if ((k = utf8_len(p + j, len - j)) == 0) {
            return fail(f, j, "invalid UTF-8");
        } else {
            j += k;
        }
    }
    *i = j + 1;
    return 0;
}

/* A run of digits at *j; 0 if there is none. */
static int digits(const unsigned char *p, size_t *j, size_t len)
{
    size_t start = *j;
    while (*j < len && p[*j] >= '0' && p[*j] <= '9')
        (*j)++;
    return *j > start;
}

/*
 * The number that starts at *i, in JSON's syntax: -? (0 | [1-9][0-9]*)
 * (. [0-9]+)? ([eE] [+-]? [0-9]+)?, with no digit, '.', 'e' or sign glued
 * on after it; an integer must fit 64 bits and a real a double.
 */
static int check_number(const unsigned char *p, size_t *i, size_t len,
                        fault *f)
{
    size_t j = *i, n;
    int real = 0;
    char buf[64], *end;
    if (p[j] == '-')
        j++;
    if (j < len && p[j] == '0')
        j++;
    else if (!digits(p, &j, len))
        return fail(f, *i, "invalid number");
    if (j < len && p[j] == '.') {
        j++;
        real = 1;
        if (!digits(p, &j, len))
            return fail(f, *i, "invalid number");
    }
    if (j < len && (p[j] == 'e' || p[j] == 'E')) {
        j++;
        real = 1;
        if (j < len && (p[j] == '+' || p[j] == '-'))
            j++;
        if (!digits(p, &j, len))
            return fail(f, *i, "invalid number");
    }
    if (j < len && p[j] && strchr("0123456789.eE+-", p[j]))
        return fail(f, *i, "invalid number");
    n = j - *i;
    if (n >= sizeof buf) /* cJSON reads at most 63 bytes of a number */
        return fail(f, *i, "number too long");
    *i = j;
    /* only a long integer or one with an exponent can be out of range */
    if (real ? !memchr(p + j - n, 'e', n) && !memchr(p + j - n, 'E', n)
             : n < 18)
        return 0;
    memcpy(buf, p + j - n, n);
    buf[n] = '\0';
    errno = 0;
    if (real) {
        double d = strtod(buf, &end);
        if (errno == ERANGE && isinf(d))
            return fail(f, j - n, "real number overflow");
    } else {
        (void)strtoll(buf, &end, 10);
        if (errno == ERANGE)
            return fail(f, j - n, "integer out of range");
    }
    return 0;
}

/* Check the bytes of s[0..len) for what cJSON would let through. */
static int check(const unsigned char *p, size_t len, fault *f)
{
    size_t i = 0, depth = 0;
    while (i < len) {
        unsigned char c = p[i];
        if (c == '[' || c == '{') {
            if (++depth > CJSON_NESTING_LIMIT)
                return fail(f, i, "nested deeper than cJSON's limit");
            i++;
        } else if (c == ']' || c == '}') {
            depth -= depth > 0;
            i++;
        } else if (c == '"') {
            if (check_string(p, &i, len, f))
                return -1;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (check_number(p, &i, len, f))
                return -1;
        } else if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n' &&
                                 c != '\r')) {
            return fail(f, i, c < 0x20 ? "control character"
                                       : "unexpected byte");
        } else {
            i++;
        }
    }
    return 0;
}

/* 1 if an object anywhere in v repeats a member name. */
static int has_duplicate(const cJSON *v)
{
    const cJSON *a, *b;
    for (a = v->child; a; a = a->next) {
        if (cJSON_IsObject(v))
            for (b = a->next; b; b = b->next)
                if (a->string[0] == b->string[0] &&
                    strcmp(a->string, b->string) == 0)
                    return 1;
        if (a->child && has_duplicate(a))
            return 1;
    }
    return 0;
}

/* Up to 16 plain ASCII bytes of s from i, for "near '...'". */
static int near_len(const char *s, size_t i, size_t len)
{
    size_t n = 0;
    while (i + n < len && n < 16 && s[i + n] >= 0x20 && s[i + n] < 0x7F)
        n++;
    return (int)n;
}

int kg_json__parse(cJSON **out, const char *s, size_t len, unsigned flags,
                   kg_error *err)
{
    const unsigned char *p = (const unsigned char *)s;
    const char *end = NULL;
    cJSON *v = NULL;
    fault f;
    size_t at;
    int rc = KG_OK;

    *out = NULL;
    if (check(p, len, &f)) {
        rc = kg_error_set(err, KG_EINVAL, "%s (column %zu)", f.what,
                          f.at + 1);
        goto done;
    }
    /* the position of a fault comes back in end: cJSON_GetErrorPtr is
     * one global shared by all threads */
    v = cJSON_ParseWithLengthOpts(s, len, &end, 0);
    if (!v) {
        at = end && end >= s && end <= s + len ? (size_t)(end - s) : 0;
        if (at >= len || !near_len(s, at, len))
            rc = kg_error_set(err, KG_EINVAL, "unexpected end of the "
                              "line (column %zu)", at + 1);
        else
            rc = kg_error_set(err, KG_EINVAL, "syntax error near '%.*s' "
                              "(column %zu)", near_len(s, at, len), s + at,
                              at + 1);
        goto done;
    }
    at = (size_t)(end - s);
    while (at < len && (s[at] == ' ' || s[at] == '\t' || s[at] == '\n' ||
                        s[at] == '\r'))
        at++;
    if (at < len) {
        rc = kg_error_set(err, KG_EINVAL, "end of the value expected near "
                          "'%.*s' (column %zu)", near_len(s, at, len),
                          s + at, at + 1);
        goto done;
    }
    if ((flags & KG_JSON_UNIQUE) && has_duplicate(v)) {
        rc = kg_error_set(err, KG_EINVAL, "duplicate member name");
        goto done;
    }
    *out = v;
    v = NULL;
done:
    cJSON_Delete(v);
    return rc;
}

int kg_json__integer(long long *out, const cJSON *v)
{
    double d;
    if (!cJSON_IsNumber(v))
        return 0;
    d = v->valuedouble;
    if (d != floor(d) || fabs(d) >= 9007199254740992.0)
        return 0;
    *out = (long long)d;
    return 1;
}
