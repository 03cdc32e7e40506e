/*
 * escape.c: making any name or sentence safe for the three places text
 * goes in a diagram: Graphviz escStrings (labels and tooltips, where a
 * backslash starts \N, \G, \n ...), HTML-like labels and SVG/HTML text
 * (XML), and JSON inside a <script> element.  Text is first cleaned:
 * invalid UTF-8 becomes U+FFFD (Graphviz warns and may mangle it
 * otherwise), control characters become spaces, long text is cut.
 *
 *   A\B "q"<&>   ->  label  A\\B "q"<&>    (cgraph quotes the ")
 *                ->  html   A\B &quot;q&quot;&lt;&amp;&gt;
 */
#include <string.h>

#include "render/render_int.h"

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t k, i;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 4;
    else
        return 0;
    if (n < k)
        return 0;
    for (i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) ||
        (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
        return 0;
    return k;
}

int kg_render__clean(kg_buf *b, const char *s, size_t max_chars)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p), i = 0, chars = 0, k;
    int rc = KG_OK;
    while (i < n && rc == KG_OK) {
        if (max_chars && chars == max_chars) {
            rc = kg_buf_puts(b, "\xE2\x80\xA6");
            break;
        }
        k = seq_len(p + i, n - i);
        if (k == 0) {
            rc = kg_buf_puts(b, "\xEF\xBF\xBD");
            k = 1;
        } else if (k == 1 && p[i] == '\n') {
            rc = kg_buf_putc(b, '\n');
        } else if (k == 1 && (p[i] < 0x20 || p[i] == 0x7F)) {
            rc = kg_buf_putc(b, ' ');
        } else {
            rc = kg_buf_put(b, (const char *)p + i, k);
        }
        i += k;
        chars++;
    }
    return rc;
}

/* Clean s into a scratch buffer, then escape byte by byte with fn. */
static int escape_with(kg_buf *b, const char *s, size_t max_chars,
                       const char *(*fn)(char c))
{
    kg_buf tmp = KG_BUF_INIT;
    size_t i;
    int rc = kg_render__clean(&tmp, s, max_chars);
    for (i = 0; rc == KG_OK && i < tmp.len; i++) {
        const char *rep = fn(tmp.ptr[i]);
        rc = rep ? kg_buf_puts(b, rep) : kg_buf_putc(b, tmp.ptr[i]);
    }
    if (rc == KG_OK && !b->ptr)
        rc = kg_buf_grow(b, 1);
    kg_buf_release(&tmp);
    return rc;
}

static const char *label_rep(char c)
{
    switch (c) {
    case '\\': return "\\\\";
    case '\n': return "\\n";
    default: return NULL;
    }
}

static const char *html_rep(char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    case '\n': return "<BR/>";
    default: return NULL;
    }
}

int kg_render__esc_label(kg_buf *b, const char *s, size_t max_chars)
{
    return escape_with(b, s, max_chars, label_rep);
}

int kg_render__esc_html(kg_buf *b, const char *s, size_t max_chars)
{
    return escape_with(b, s, max_chars, html_rep);
}

int kg_render__esc_json(kg_buf *b, const char *s, size_t max_chars)
{
    kg_buf clean = KG_BUF_INIT, json = KG_BUF_INIT;
    size_t i;
    int rc = kg_render__clean(&clean, s, max_chars);
    if (rc == KG_OK)
        rc = kg_buf_json_str(&json, clean.ptr ? clean.ptr : "", clean.len);
    for (i = 0; rc == KG_OK && i < json.len; i++) {
        switch (json.ptr[i]) {
        case '<': rc = kg_buf_puts(b, "\\u003c"); break;
        case '>': rc = kg_buf_puts(b, "\\u003e"); break;
        case '&': rc = kg_buf_puts(b, "\\u0026"); break;
        default: rc = kg_buf_putc(b, json.ptr[i]); break;
        }
    }
    kg_buf_release(&clean);
    kg_buf_release(&json);
    return rc;
}

int kg_render__dates(kg_buf *b, const kg_tie *t)
{
    char from[KG_DATE_STRLEN], to[KG_DATE_STRLEN];
    int has_from = kg_date_is_set(t->valid_from);
    int has_to = kg_date_is_set(t->valid_to);
    kg_date_format(from, t->valid_from);
    kg_date_format(to, t->valid_to);
    if (!has_from && !has_to)
        return kg_buf_puts(b, "");
    /* "2019–", "2023-01–2025-01", "–2025"; ? marks an uncertain bound */
    return kg_buf_printf(b, "%s%s\xE2\x80\x93%s", from,
                         t->uncertain ? "?" : "", to);
}
