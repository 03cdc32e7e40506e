/*
 * doc_int.h: what the files of the doc module (src/doc/) share: text
 * clean-up, free-form dates, the header/HTML/JSONL parsers that turn the
 * bytes of one input into a kg_doc.  reader.c owns the files and lines;
 * the parsers here only see memory.
 */
#ifndef KG_DOC_INT_H
#define KG_DOC_INT_H

#include <stddef.h>

#include "kg/date.h"
#include "kg/doc.h"
#include "kg/error.h"
#include "kg/util.h"

/*
 * Append s[0..len) to out as clean text: invalid UTF-8 bytes become U+FFFD,
 * CR LF and lone CR become LF, other control characters (but tab and LF)
 * and no-break / thin spaces become a space, BOM and zero-width characters
 * are dropped.  NUL bytes are the caller's business (reader.c refuses them
 * as binary data before this is called).
 */
int kg_doc__clean(kg_buf *out, const char *s, size_t len);

/*
 * Parse a publication date as found in headers and meta tags:
 * "2025-10-28", "2025-10", "2025", ISO forms with a time
 * ("2025-10-28T12:00:00Z", "2025-10-28 12:00"), "2025/10/28",
 * "Oct 28, 2025", "October 28 2025", "28 October 2025", "28 Oct. 2025" and
 * RFC 822 ("Tue, 28 Oct 2025 12:00:00 GMT").  The date is the one written
 * (no time-zone shift).  Surrounding spaces are ignored.
 * @return KG_OK or KG_EINVAL.
 */
int kg_doc__parse_date(kg_date *out, const char *s, size_t len);

/* The fields the parsers fill; doc.c frees a kg_doc and its strings. */
kg_doc *kg_doc__new(void);

/*
 * Duplicate s[0..len) with surrounding white space trimmed and the text
 * cleaned (kg_doc__clean); "" gives NULL in *out.
 */
int kg_doc__strdup_clean(char **out, const char *s, size_t len);

/*
 * Fill doc from a plain-text article: an optional header of "key: value"
 * lines (id, date, source, title, url; other keys ignored) ending with a
 * blank line, then the body.  doc->id is left NULL when the header has
 * none.  Errors name path and the line of the header.
 * @return KG_OK, KG_EINVAL (bad date, empty body) or KG_ENOMEM.
 */
int kg_doc__parse_text(kg_doc *doc, const char *s, size_t len,
                       const char *path, kg_error *err);

/*
 * Fill doc from one JSON object (one JSONL line): id, date, source, title,
 * url (strings; id may be an integer) and text (required).  doc->id is
 * left NULL when absent.  Errors name path:line.
 */
int kg_doc__parse_json(kg_doc *doc, const char *s, size_t len,
                       const char *path, long line, kg_error *err);

/*
 * Fill doc from an HTML page with libxml2's HTML parser: title
 * (og:title, else <title>, else the first <h1>), date (article:
 * published_time and the other usual meta tags, else the first
 * <time datetime>), source (og:site_name), url (canonical link or og:url)
 * and the text of <article>, else <main>, else <body>, without scripts,
 * styles, navigation, headers, footers, asides and forms; blocks become
 * paragraphs.  doc->id is left NULL.
 */
int kg_doc__parse_html(kg_doc *doc, const char *s, size_t len,
                       const char *path, kg_error *err);

#endif
