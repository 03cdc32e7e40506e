/*
 * pool.c: kg_pool, a string arena.  Chunks of at least 16 KiB are chained;
 * a request larger than a chunk gets a chunk of its own.  Everything is
 * freed at once by kg_pool_release, or forgotten by kg_pool_clear, which
 * keeps one chunk for the next strings.
 */
#include <stdlib.h>
#include <string.h>

#include "kg/util.h"

#define CHUNK_MIN 16384

struct kg_pool_chunk {
    kg_pool_chunk *next;
    size_t used, size;
    /* data follows, 8-byte aligned */
    _Alignas(8) unsigned char data[];
};

void *kg_pool_alloc(kg_pool *p, size_t size)
{
    kg_pool_chunk *c = p->head;
    size_t need = (size + 7) & ~(size_t)7;
    void *out;
    if (need < size)
        return NULL;
    if (!c || c->size - c->used < need) {
        size_t cap = need > CHUNK_MIN ? need : CHUNK_MIN;
        c = malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->used = 0;
        c->size = cap;
        if (p->head && need > CHUNK_MIN) {
            /* keep the current chunk on top: it still has room */
            c->next = p->head->next;
            p->head->next = c;
        } else {
            c->next = p->head;
            p->head = c;
        }
    }
    out = c->data + c->used;
    c->used += need;
    return out;
}

char *kg_pool_strndup(kg_pool *p, const char *s, size_t len)
{
    char *out = kg_pool_alloc(p, len + 1);
    if (!out)
        return NULL;
    if (len)
        memcpy(out, s, len);
    out[len] = '\0';
    return out;
}

char *kg_pool_strdup(kg_pool *p, const char *s)
{
    return s ? kg_pool_strndup(p, s, strlen(s)) : NULL;
}

void kg_pool_release(kg_pool *p)
{
    kg_pool_chunk *c = p->head, *next;
    while (c) {
        next = c->next;
        free(c);
        c = next;
    }
    p->head = NULL;
}

void kg_pool_clear(kg_pool *p)
{
    kg_pool_chunk *keep = p->head;
    /* the head is the chunk strings go on in; one larger than the rest
     * was made for a single long string and is not kept */
    if (!keep || keep->size > CHUNK_MIN) {
        kg_pool_release(p);
        return;
    }
    p->head = keep->next;
    kg_pool_release(p);
    keep->next = NULL;
    keep->used = 0;
    p->head = keep;
}
