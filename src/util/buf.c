/*
 * buf.c: kg_buf, the growable NUL-terminated byte buffer, and JSON string
 * escaping (util.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "kg/error.h"
#include "kg/util.h"
#include "internal.h"

void kg_buf_init(kg_buf *b)
{
    b->ptr = NULL;
    b->len = b->cap = 0;
}

void kg_buf_release(kg_buf *b)
{
    free(b->ptr);
    kg_buf_init(b);
}

void kg_buf_clear(kg_buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

int kg_buf_grow(kg_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;
    if (extra > (size_t)-1 / 2 - b->len)
        return KG_ENOMEM;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return KG_OK;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    p = realloc(b->ptr, cap);
    if (!p)
        return KG_ENOMEM;
    b->ptr = p;
    b->cap = cap;
    return KG_OK;
}

int kg_buf_put(kg_buf *b, const char *s, size_t len)
{
    return kg__buf_put(b, s, len);
}

int kg_buf_puts(kg_buf *b, const char *s)
{
    return kg_buf_put(b, s, strlen(s));
}

int kg_buf_putc(kg_buf *b, char c)
{
    return kg__buf_putc(b, c);
}

int kg_buf_vprintf(kg_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    int n;
    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return KG_ERROR;
    if (kg_buf_grow(b, (size_t)n) != KG_OK)
        return KG_ENOMEM;
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return KG_OK;
}

int kg_buf_printf(kg_buf *b, const char *fmt, ...)
{
    va_list ap;
    int rc;
    va_start(ap, fmt);
    rc = kg_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

/*
 * Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if the
 * bytes there are not one: overlong forms, surrogates and values above
 * U+10FFFF are refused.
 */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0;
        if (c == 0xED && s[1] >= 0xA0)
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0;
        if (c == 0xF4 && s[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

int kg_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, k;
    while (i < len) {
        uint64_t x;
        /* ASCII eight bytes at a time: no top bit set */
        if (i + 8 <= len) {
            memcpy(&x, p + i, 8);
            if (!(x & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        k = utf8_seq(p + i, len - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

/*
 * The end of the run of bytes at i that a JSON string holds as they are
 * (0x20..0x7F but '"' and '\\'), sixteen at a time with SSE2, then eight
 * at a time while there are eight: the bit tricks below set a top bit for
 * a byte below 0x20, a byte with its own top bit set, and a byte equal to
 * '"' or '\\'.
 */
size_t kg__json_plain_run(const unsigned char *p, size_t i, size_t len)
{
    const uint64_t ones = 0x0101010101010101ULL, tops = ones * 0x80;
#if defined(__SSE2__)
    /* where the machine has SSE2 (every x86-64), sixteen at a time: a
     * signed compare with 0x20 finds the bytes below it and those with
     * the top bit set, and the mask says where the first one is */
    const __m128i sp = _mm_set1_epi8(0x20), qu = _mm_set1_epi8('"'),
                  bsl = _mm_set1_epi8('\\');
    while (i + 16 <= len) {
        __m128i x = _mm_loadu_si128((const void *)(p + i));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_cmplt_epi8(x, sp),
            _mm_or_si128(_mm_cmpeq_epi8(x, qu), _mm_cmpeq_epi8(x, bsl))));
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (i + 8 <= len) {
        uint64_t x, q, bs;
        memcpy(&x, p + i, 8);
        q = x ^ (ones * '"');
        bs = x ^ (ones * '\\');
        if ((((x - ones * 0x20) & ~x) | x | ((q - ones) & ~q) |
             ((bs - ones) & ~bs)) & tops)
            break;
        i += 8;
    }
    /* under eight bytes left: the eight that end the string, where it
     * has eight, all plain, and the run goes to its end */
    if (i < len && i + 8 > len && len >= 8) {
        uint64_t x, q, bs;
        memcpy(&x, p + len - 8, 8);
        q = x ^ (ones * '"');
        bs = x ^ (ones * '\\');
        if (!((((x - ones * 0x20) & ~x) | x | ((q - ones) & ~q) |
               ((bs - ones) & ~bs)) & tops))
            return len;
    }
    while (i < len && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' &&
           p[i] != '\\')
        i++;
    return i;
}

char *kg__json_str_write(char *o, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run, k;
    *o++ = '"';
    while (i < len) {
        run = kg__json_plain_run(p, i, len);
        memcpy(o, s + i, run - i);
        o += run - i;
        i = run;
        if (i >= len)
            break;
        if (p[i] >= 0x80) {
            k = utf8_seq(p + i, len - i);
            if (k) {
                memcpy(o, s + i, k);
                o += k;
                i += k;
            } else {
                memcpy(o, "\xEF\xBF\xBD", 3);
                o += 3;
                i++;
            }
            continue;
        }
        *o++ = '\\';
        switch (p[i]) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default:
            memcpy(o, "u00", 3);
            o[3] = hex[p[i] >> 4];
            o[4] = hex[p[i] & 15];
            o += 5;
        }
        i++;
    }
    *o++ = '"';
    return o;
}

int kg_buf_json_str(kg_buf *b, const char *s, size_t len)
{
    char *o;
    if (!s) {
        s = "";
        len = 0;
    }
    if (len == (size_t)-1)
        len = strlen(s);
    /* room for the worst case once (a byte is at most six: "\u001f"),
     * so kg__json_str_write writes without checks */
    if (len > KG__JSON_STR_MAX || kg_buf_grow(b, 6 * len + 2) != KG_OK)
        return KG_ENOMEM;
    o = kg__json_str_write(b->ptr + b->len, s, len);
    *o = '\0';
    b->len = (size_t)(o - b->ptr);
    return KG_OK;
}
