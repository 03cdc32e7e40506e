/*
 * util.h: small building blocks shared by every module: a growable byte
 * buffer (kg_buf), a string arena (kg_pool) and JSON string escaping.
 */
#ifndef KG_UTIL_H
#define KG_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* A growable, always NUL-terminated byte buffer; {0} is a valid empty one. */
typedef struct kg_buf {
    char *ptr;
    size_t len;
    size_t cap;
} kg_buf;

#define KG_BUF_INIT {NULL, 0, 0}

void kg_buf_init(kg_buf *b);
void kg_buf_release(kg_buf *b);            /* frees; b is then empty */
void kg_buf_clear(kg_buf *b);              /* len = 0, keeps memory */
int kg_buf_grow(kg_buf *b, size_t extra);  /* KG_OK or KG_ENOMEM */
int kg_buf_put(kg_buf *b, const char *s, size_t len);
int kg_buf_puts(kg_buf *b, const char *s);
int kg_buf_putc(kg_buf *b, char c);
int kg_buf_printf(kg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int kg_buf_vprintf(kg_buf *b, const char *fmt, va_list ap);

/*
 * Append s as a quoted JSON string: control characters, quotes and
 * backslashes escaped; invalid UTF-8 bytes replaced by U+FFFD so that the
 * output is always valid JSON.  len may be (size_t)-1 for NUL-terminated.
 */
int kg_buf_json_str(kg_buf *b, const char *s, size_t len);

/*
 * A string arena: many small copies freed at once.  Strings stay valid
 * until kg_pool_release.  {0} is a valid empty pool.
 */
typedef struct kg_pool_chunk kg_pool_chunk;
typedef struct kg_pool {
    kg_pool_chunk *head;
} kg_pool;

#define KG_POOL_INIT {NULL}

/* Copy len bytes (plus a NUL) into the pool; NULL on out of memory. */
char *kg_pool_strndup(kg_pool *p, const char *s, size_t len);
char *kg_pool_strdup(kg_pool *p, const char *s); /* NULL s gives NULL */
void *kg_pool_alloc(kg_pool *p, size_t size);    /* 8-byte aligned */
void kg_pool_release(kg_pool *p);
/* Forget every string (they become invalid) but keep one chunk of room
 * for the next ones: for a pool refilled many times over. */
void kg_pool_clear(kg_pool *p);

/* 1 if s[0..len) is valid UTF-8 (no overlongs, no surrogates). */
int kg_utf8_valid(const char *s, size_t len);

#endif
