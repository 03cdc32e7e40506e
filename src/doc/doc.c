/*
 * doc.c: the kg_doc value and what every reader shares: text clean-up
 * (UTF-8 repair, line ends, odd spaces), free-form publication dates, and
 * the plain-text and JSON article parsers.  The HTML parser is in html.c,
 * files, directories and lines in reader.c.
 *
 * Invalid UTF-8 is repaired, not refused (doc.h promises valid UTF-8
 * text): a text with invalid bytes and no valid multi-byte sequence at all
 * is taken to be Windows-1252 (Latin-1) and converted; in a text that is
 * mostly UTF-8, each byte that does not start a valid sequence becomes
 * U+FFFD.  One stray byte never costs the whole article.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "doc/doc_int.h"
#include "json_int.h"

void kg_doc_free(kg_doc *doc)
{
    if (!doc)
        return;
    free(doc->id);
    free(doc->source);
    free(doc->title);
    free(doc->url);
    free(doc->text);
    free(doc->path);
    free(doc);
}

kg_doc *kg_doc__new(void)
{
    return calloc(1, sizeof(kg_doc));
}

/*
 * Decode the UTF-8 sequence at s (n bytes available) into *cp; return its
 * length, or 0 if it is not valid (overlong, surrogate, > U+10FFFF, cut).
 */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0;
        *cp = ((c & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) |
              (s[2] & 0x3F);
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0;
        *cp = ((c & 0x07) << 18) | ((unsigned)(s[1] & 0x3F) << 12) |
              ((unsigned)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    return 0;
}

/* 1 for the spaces that print as a plain space (no-break, thin, ...). */
static int odd_space(unsigned cp)
{
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || (cp >= 0x80 && cp <= 0x9F);
}

/* 1 for characters that are dropped: BOM, zero-width space and joiners. */
static int invisible(unsigned cp)
{
    return cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
           cp == 0x2060 || cp == 0xAD;
}

/*
 * 1 if s looks like Windows-1252 rather than damaged UTF-8: it has bytes
 * that are not UTF-8 and not one valid multi-byte sequence.
 */
static int looks_cp1252(const unsigned char *p, size_t len)
{
    const uint64_t tops = 0x8080808080808080ULL;
    size_t i = 0, k, bad = 0;
    unsigned cp;
    while (i < len) {
        uint64_t x;
        if (i + 8 <= len) { /* plain ASCII, eight bytes at a time */
            memcpy(&x, p + i, 8);
            if (!(x & tops)) {
                i += 8;
                continue;
            }
        }
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        k = utf8_decode(p + i, len - i, &cp);
        if (k)
            return 0;
        bad++;
        i++;
    }
    return bad > 0;
}

/* Windows-1252 bytes 0x80..0x9F; 0 for the five it leaves undefined. */
static const unsigned short cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* Append code point cp (< U+10000) as UTF-8. */
static int put_cp(kg_buf *out, unsigned cp)
{
    char u[3];
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        return kg_buf_put(out, u, 2);
    }
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    return kg_buf_put(out, u, 3);
}

/*
 * The end of the run of printable ASCII (0x20..0x7E) that starts at i,
 * sixteen bytes at a time with SSE2 (a signed compare below 0x20 finds
 * control bytes and bytes >= 0x80 at once), then eight at a time while
 * there are eight: a word has a byte below 0x20 if subtracting 0x20 from
 * each byte borrows into a clear top bit, and one above 0x7E if adding 1
 * sets a top bit.
 */
static size_t ascii_run(const unsigned char *p, size_t i, size_t len)
{
    const uint64_t ones = 0x0101010101010101ULL, tops = ones * 0x80;
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
    while (i + 16 <= len) {
        __m128i x = _mm_loadu_si128((const void *)(p + i));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmplt_epi8(x, sp), _mm_cmpeq_epi8(x, del)));
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (i + 8 <= len) {
        uint64_t x;
        memcpy(&x, p + i, 8);
        if ((((x - ones * 0x20) & ~x) | ((x + ones) | x)) & tops)
            break;
        i += 8;
    }
    while (i < len && p[i] >= 0x20 && p[i] < 0x7F)
        i++;
    return i;
}

int kg_doc__clean(kg_buf *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run, k;
    unsigned cp;
    /* Windows-1252 or UTF-8 is settled at the first byte >= 0x80: a valid
     * sequence there says UTF-8, an invalid one asks looks_cp1252 about
     * the rest (the bytes before it are ASCII, which is read the same
     * either way), so ASCII and UTF-8 text is read once */
    int latin = -1;
    if (kg_buf_grow(out, len) != KG_OK)
        return KG_ENOMEM;
    while (i < len) {
        run = ascii_run(p, i, len);
        /* line breaks and tabs stay as they are: part of the run */
        while (run < len && (p[run] == '\n' || p[run] == '\t'))
            run = ascii_run(p, run + 1, len);
        if (run > i && kg_buf_put(out, s + i, run - i) != KG_OK)
            return KG_ENOMEM;
        i = run;
        if (i >= len)
            break;
        if (p[i] < 0x80) {
            char c = (char)p[i];
            if (c == '\r') {
                if (i + 1 < len && p[i + 1] == '\n')
                    i++;
                c = '\n';
            } else if (c != '\n' && c != '\t') {
                c = ' ';
            }
            if (kg_buf_putc(out, c) != KG_OK)
                return KG_ENOMEM;
            i++;
            continue;
        }
        if (latin < 0)
            latin = !utf8_decode(p + i, len - i, &cp) &&
                    looks_cp1252(p + i, len - i);
        if (latin) {
            cp = p[i] >= 0xA0 ? p[i] : cp1252[p[i] - 0x80];
            k = 1;
            if (!cp) {
                if (kg_buf_put(out, "\xEF\xBF\xBD", 3) != KG_OK)
                    return KG_ENOMEM;
                i++;
                continue;
            }
        } else {
            k = utf8_decode(p + i, len - i, &cp);
        }
        if (!k) {
            if (kg_buf_put(out, "\xEF\xBF\xBD", 3) != KG_OK)
                return KG_ENOMEM;
            i++;
            continue;
        }
        if (odd_space(cp)) {
            if (kg_buf_putc(out, ' ') != KG_OK)
                return KG_ENOMEM;
        } else if (cp == 0x2028 || cp == 0x2029) {
            if (kg_buf_putc(out, '\n') != KG_OK)
                return KG_ENOMEM;
        } else if (invisible(cp)) {
            /* dropped */
        } else if (latin ? put_cp(out, cp) != KG_OK
                         : kg_buf_put(out, s + i, k) != KG_OK) {
            return KG_ENOMEM;
        }
        i += k;
    }
    return KG_OK;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

int kg_doc__strdup_clean(char **out, const char *s, size_t len)
{
    kg_buf b = KG_BUF_INIT;
    size_t start = 0, end;
    *out = NULL;
    if (kg_doc__clean(&b, s, len) != KG_OK) {
        kg_buf_release(&b);
        return KG_ENOMEM;
    }
    end = b.len;
    while (start < end && is_space(b.ptr[start]))
        start++;
    while (end > start && is_space(b.ptr[end - 1]))
        end--;
    if (end > start) {
        memmove(b.ptr, b.ptr + start, end - start);
        b.ptr[end - start] = '\0';
        *out = b.ptr;
        return KG_OK;
    }
    kg_buf_release(&b);
    return KG_OK;
}

/* ---- dates -------------------------------------------------------- */

/* Month names and their usual abbreviations, for "Oct 28, 2025". */
static int month_of(const char *w, size_t n)
{
    static const char *const names[12] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    char low[16];
    size_t i;
    int m;
    if (n && w[n - 1] == '.')
        n--;
    if (n < 3 || n >= sizeof low)
        return 0;
    for (i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    for (m = 0; m < 12; m++) {
        if (strcmp(low, names[m]) == 0 || (n == 3 &&
                                           strncmp(low, names[m], 3) == 0))
            return m + 1;
    }
    return strcmp(low, "sept") == 0 ? 9 : 0;
}

static int weekday(const char *w, size_t n)
{
    static const char *const days[7] = {"monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday",
                                        "sunday"};
    size_t i;
    int d;
    for (d = 0; d < 7; d++) {
        if (n != 3 && n != strlen(days[d]))
            continue;
        for (i = 0; i < n; i++)
            if (tolower((unsigned char)w[i]) != days[d][i])
                break;
        if (i == n)
            return 1;
    }
    return 0;
}

/* Value of the n digits at s, or -1. */
static int num(const char *s, size_t n)
{
    int v = 0;
    size_t i;
    if (!n || n > 4)
        return -1;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* "2025-10-28", "2025/10/28", "2025-10", "2025", each maybe with a time. */
static int parse_iso(kg_date *out, const char *s, size_t len)
{
    kg_date d = {0, 0, 0};
    char sep;
    size_t n = 4;
    d.year = num(s, 4);
    if (len > 4) {
        sep = s[4];
        if ((sep != '-' && sep != '/') || len < 7)
            return KG_EINVAL;
        d.month = num(s + 5, 2);
        n = 7;
        if (len > 7) {
            if (s[7] != sep || len < 10)
                return KG_EINVAL;
            d.day = num(s + 8, 2);
            n = 10;
            if (len > 10) {
                if (s[10] != 'T' && s[10] != 't' && s[10] != ' ')
                    return KG_EINVAL;
                if (len < 13 || num(s + 11, 2) < 0)
                    return KG_EINVAL;
            }
        }
    }
    if (d.year < 0 || d.month < 0 || d.day < 0 || (n >= 7 && !d.month) ||
        (n == 10 && !d.day) || !kg_date_valid(d))
        return KG_EINVAL;
    *out = d;
    return KG_OK;
}

/* One word of a written date: its bytes, without commas. */
typedef struct word {
    const char *s;
    size_t n;
} word;

/* "Oct 28, 2025", "28 October 2025", "October 2025", RFC 822 and so on. */
static int parse_words(kg_date *out, const char *s, size_t len)
{
    word w[8];
    size_t nw = 0, i = 0, k = 0;
    kg_date d = {0, 0, 0};
    int m;
    while (i < len && nw < 8) {
        while (i < len && (s[i] == ' ' || s[i] == ','))
            i++;
        if (i >= len)
            break;
        w[nw].s = s + i;
        while (i < len && s[i] != ' ' && s[i] != ',')
            i++;
        w[nw].n = (size_t)(s + i - w[nw].s);
        nw++;
    }
    if (i < len && nw == 8)
        return KG_EINVAL;
    if (nw && weekday(w[0].s, w[0].n))
        k = 1;
    if (nw - k < 2)
        return KG_EINVAL;
    /* strip "st", "nd", "rd", "th" from a day number */
    for (i = k; i < nw; i++) {
        if (w[i].n >= 3 && isdigit((unsigned char)w[i].s[0]) &&
            isalpha((unsigned char)w[i].s[w[i].n - 1]) &&
            isalpha((unsigned char)w[i].s[w[i].n - 2]))
            w[i].n -= 2;
    }
    if ((m = month_of(w[k].s, w[k].n)) != 0) {
        d.month = m;
        if (w[k + 1].n == 4) {          /* October 2025 */
            d.year = num(w[k + 1].s, 4);
            k += 2;
        } else if (nw - k >= 3) {       /* Oct 28, 2025 */
            d.day = num(w[k + 1].s, w[k + 1].n);
            if (d.day == 0)
                d.day = -1;
            d.year = w[k + 2].n == 4 ? num(w[k + 2].s, 4) : -1;
            k += 3;
        } else {
            return KG_EINVAL;
        }
    } else if (nw - k >= 3 && (m = month_of(w[k + 1].s, w[k + 1].n))) {
        d.day = num(w[k].s, w[k].n);   /* 28 October 2025 */
        if (d.day == 0)
            d.day = -1;
        d.month = m;
        d.year = w[k + 2].n == 4 ? num(w[k + 2].s, 4) : -1;
        k += 3;
    } else {
        return KG_EINVAL;
    }
    if (d.year < 0 || d.day < 0 || !kg_date_valid(d))
        return KG_EINVAL;
    /* what may follow: a time ("12:00:00") and a zone */
    if (k < nw && !memchr(w[k].s, ':', w[k].n))
        return KG_EINVAL;
    *out = d;
    return KG_OK;
}

int kg_doc__parse_date(kg_date *out, const char *s, size_t len)
{
    if (!s)
        return KG_EINVAL;
    if (len == (size_t)-1)
        len = strlen(s);
    while (len && is_space(*s))
        s++, len--;
    while (len && is_space(s[len - 1]))
        len--;
    if (len >= 4 && isdigit((unsigned char)s[0]) &&
        isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
        isdigit((unsigned char)s[3]))
        return parse_iso(out, s, len);
    return parse_words(out, s, len);
}

/* ---- plain text ---------------------------------------------------- */

/* The header keys we know; others are read and ignored. */
enum { KEY_OTHER, KEY_ID, KEY_DATE, KEY_SOURCE, KEY_TITLE, KEY_URL };

static int key_of(const char *k, size_t n)
{
    static const char *const keys[] = {"id", "date", "source", "title",
                                       "url"};
    size_t i, j;
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (strlen(keys[i]) != n)
            continue;
        for (j = 0; j < n; j++)
            if (tolower((unsigned char)k[j]) != keys[i][j])
                break;
        if (j == n)
            return (int)i + 1;
    }
    return KEY_OTHER;
}

/*
 * If line[0..n) is "key: value" with a plain key (a letter, then up to 31
 * letters, digits, '-' or '_'), set *klen and *voff and return 1.
 */
static int header_line(const char *line, size_t n, size_t *klen, size_t *voff)
{
    size_t i = 0;
    if (!n || !isalpha((unsigned char)line[0]))
        return 0;
    while (i < n && i < 32 &&
           (isalnum((unsigned char)line[i]) || line[i] == '-' ||
            line[i] == '_'))
        i++;
    if (i >= n || line[i] != ':')
        return 0;
    *klen = i;
    *voff = i + 1;
    return 1;
}

/* Set one string field from a header or JSON value, replacing the old. */
static int set_field(char **field, const char *v, size_t n)
{
    char *s;
    if (kg_doc__strdup_clean(&s, v, n) != KG_OK)
        return KG_ENOMEM;
    free(*field);
    *field = s;
    return KG_OK;
}

/* Store the body: cleaned, with leading blank lines and trailing space cut. */
static int set_body(kg_doc *doc, const char *s, size_t len)
{
    if (set_field(&doc->text, s, len) != KG_OK)
        return KG_ENOMEM;
    doc->text_len = doc->text ? strlen(doc->text) : 0;
    return KG_OK;
}

int kg_doc__parse_text(kg_doc *doc, const char *s, size_t len,
                       const char *path, kg_error *err)
{
    size_t pos = 0, nl, klen, voff, n, body = 0;
    long line = 1, date_line = 0, body_line = 1;
    int known = 0, header = 0, key;
    const char *date = NULL;
    size_t date_len = 0;

    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    /* pass 1: is there a header (key: value lines, then a blank line)? */
    for (;;) {
        const char *l = s + pos;
        const char *e = memchr(l, '\n', len - pos);
        n = e ? (size_t)(e - l) : len - pos;
        nl = n;
        if (n && l[n - 1] == '\r')
            n--;
        if (n == 0) {
            header = known > 0 && e != NULL;
            body = pos + nl + (e ? 1 : 0);
            break;
        }
        if (!e || !header_line(l, n, &klen, &voff))
            break;
        if (key_of(l, klen) != KEY_OTHER)
            known++;
        pos += nl + 1;
        line++;
    }
    if (header) {
        body_line = line + 1;
        pos = (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
        line = 1;
        while (pos < body) {
            const char *l = s + pos;
            const char *e = memchr(l, '\n', len - pos);
            nl = (size_t)(e - l);
            n = nl && l[nl - 1] == '\r' ? nl - 1 : nl;
            if (n && header_line(l, n, &klen, &voff)) {
                const char *v = l + voff;
                size_t vn = n - voff;
                int rc = KG_OK;
                key = key_of(l, klen);
                if (key == KEY_ID)
                    rc = set_field(&doc->id, v, vn);
                else if (key == KEY_SOURCE)
                    rc = set_field(&doc->source, v, vn);
                else if (key == KEY_TITLE)
                    rc = set_field(&doc->title, v, vn);
                else if (key == KEY_URL)
                    rc = set_field(&doc->url, v, vn);
                else if (key == KEY_DATE) {
                    date = v;
                    date_len = vn;
                    date_line = line;
                }
                if (rc != KG_OK)
                    return kg_error_set(err, KG_ENOMEM, "out of memory");
            }
            pos += nl + 1;
            line++;
        }
        if (date) {
            while (date_len && is_space(*date))
                date++, date_len--;
            while (date_len && is_space(date[date_len - 1]))
                date_len--;
            if (date_len &&
                kg_doc__parse_date(&doc->date, date, date_len) != KG_OK)
                return kg_error_set(err, KG_EINVAL,
                                    "%s:%ld: bad date '%.*s' (use "
                                    "YYYY-MM-DD)", path, date_line,
                                    (int)(date_len > 64 ? 64 : date_len),
                                    date);
        }
    } else {
        body = (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    }
    if (set_body(doc, s + body, len - body) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    if (!doc->text)
        return kg_error_set(err, KG_EINVAL, "%s:%ld: empty article", path,
                            body_line);
    return KG_OK;
}

/* ---- JSON ---------------------------------------------------------- */

/* The members of an article line that we read, by position. */
enum { J_ID, J_DATE, J_SOURCE, J_TITLE, J_URL, J_TEXT, J__COUNT };

static const char *const json_keys[J__COUNT] = {"id", "date", "source",
                                                "title", "url", "text"};

/*
 * Copy the string member v (named key) into *field; absent or null is
 * fine, and the id may be an integer.
 */
static int json_field(char **field, const cJSON *v, const char *key,
                      const char *path, long line, kg_error *err)
{
    long long id;
    if (!v || cJSON_IsNull(v))
        return KG_OK;
    if (!cJSON_IsString(v)) {
        char num_s[32];
        int n;
        if (strcmp(key, "id") != 0 || !kg_json__integer(&id, v))
            return kg_error_set(err, KG_EINVAL,
                                "%s:%ld: \"%s\" is not a string", path, line,
                                key);
        n = snprintf(num_s, sizeof num_s, "%lld", id);
        return set_field(field, num_s, (size_t)n) == KG_OK
                   ? KG_OK
                   : kg_error_set(err, KG_ENOMEM, "out of memory");
    }
    if (set_field(field, v->valuestring, strlen(v->valuestring)) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    return KG_OK;
}

int kg_doc__parse_json(kg_doc *doc, const char *s, size_t len,
                       const char *path, long line, kg_error *err)
{
    kg_buf fixed = KG_BUF_INIT;
    cJSON *obj = NULL, *m, *v[J__COUNT] = {NULL};
    char *date = NULL;
    char **fields[J_TEXT] = {&doc->id, &date, &doc->source, &doc->title,
                             &doc->url};
    kg_error jerr;
    int rc, k;

    rc = kg_json__parse(&obj, s, len, 0, &jerr);
    if (rc == KG_EINVAL && !kg_utf8_valid(s, len)) {
        /* invalid UTF-8 is repaired, not refused: parse the line again
         * with the bad bytes replaced (kg_doc__clean) */
        if (kg_doc__clean(&fixed, s, len) != KG_OK) {
            rc = kg_error_set(err, KG_ENOMEM, "out of memory");
            goto done;
        }
        rc = kg_json__parse(&obj, fixed.ptr, fixed.len, 0, &jerr);
    }
    if (rc == KG_ENOMEM) {
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
        goto done;
    }
    if (rc != KG_OK) {
        rc = kg_error_set(err, KG_EINVAL, "%s:%ld: malformed JSON: %s", path,
                          line, jerr.msg);
        goto done;
    }
    if (!cJSON_IsObject(obj)) {
        rc = kg_error_set(err, KG_EINVAL, "%s:%ld: not a JSON object", path,
                          line);
        goto done;
    }
    /* a repeated member: the last one counts */
    for (m = obj->child; m; m = m->next)
        for (k = 0; k < J__COUNT; k++)
            if (strcmp(m->string, json_keys[k]) == 0)
                v[k] = m;
    for (k = 0; k < J_TEXT; k++)
        if ((rc = json_field(fields[k], v[k], json_keys[k], path,
                             line, err)) != KG_OK)
            goto done;
    if (date && kg_doc__parse_date(&doc->date, date, (size_t)-1) != KG_OK) {
        rc = kg_error_set(err, KG_EINVAL, "%s:%ld: bad date '%.64s' (use "
                          "YYYY-MM-DD)", path, line, date);
        goto done;
    }
    if (!cJSON_IsString(v[J_TEXT])) {
        rc = kg_error_set(err, KG_EINVAL, "%s:%ld: %s", path, line,
                          v[J_TEXT] ? "\"text\" is not a string"
                                    : "no \"text\" member");
        goto done;
    }
    if (set_body(doc, v[J_TEXT]->valuestring,
                 strlen(v[J_TEXT]->valuestring)) != KG_OK) {
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
        goto done;
    }
    if (!doc->text)
        rc = kg_error_set(err, KG_EINVAL, "%s:%ld: empty article text", path,
                          line);
done:
    free(date);
    cJSON_Delete(obj);
    kg_buf_release(&fixed);
    return rc;
}
