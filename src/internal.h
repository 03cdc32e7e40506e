/*
 * internal.h: hooks between modules that are not public API.  Each module
 * keeps its own private header (src/<mod>/<mod>_int.h); this one only
 * holds what kg_init() needs to call and helpers two modules share.
 */
#ifndef KG_INTERNAL_H
#define KG_INTERNAL_H

#include <stddef.h>
#include <string.h>

#include "kg/error.h"
#include "kg/util.h"

/* Install igraph's non-aborting error and warning handlers (src/graph). */
void kg_graph__init(void);

/* Route Graphviz error messages away from stderr (src/render). */
void kg_render__init(void);

/*
 * The end of the run of bytes from p[i] that a JSON string holds as they
 * are (0x20..0x7F but '"' and '\\'), so i itself when p[i] is none
 * (src/util/buf.c; the JSON writer and the JSON reader's checks use it).
 */
size_t kg__json_plain_run(const unsigned char *p, size_t i, size_t len);

/*
 * Write s, len bytes, as a JSON string (quotes, escapes, invalid UTF-8 as
 * U+FFFD) at o, which has room for 6 * len + 2 bytes (a byte is at most
 * six: "\u001f"), and return the end; no NUL.  kg_buf_json_str is this
 * with the room made; the triple writer makes room once for a whole line.
 * len must be at most KG__JSON_STR_MAX.
 */
char *kg__json_str_write(char *o, const char *s, size_t len);
#define KG__JSON_STR_MAX (((size_t)-1 / 2 - 8) / 6)

/*
 * kg_buf_put's body, inline for writers that make many small appends
 * (the triple writer); kg_buf_put (src/util/buf.c) is this.
 */
static inline int kg__buf_put(kg_buf *b, const char *s, size_t len)
{
    if (b->cap - b->len <= len && kg_buf_grow(b, len) != KG_OK)
        return KG_ENOMEM;
    if (len)
        memcpy(b->ptr + b->len, s, len);
    b->len += len;
    b->ptr[b->len] = '\0';
    return KG_OK;
}
/* kg_buf_putc, inline: one byte without a memcpy call */
static inline int kg__buf_putc(kg_buf *b, char c)
{
    if (b->cap - b->len <= 1 && kg_buf_grow(b, 1) != KG_OK)
        return KG_ENOMEM;
    b->ptr[b->len++] = c;
    b->ptr[b->len] = '\0';
    return KG_OK;
}

#endif
