/*
 * map.c: the two hash maps a revision keeps in memory: names to row ids
 * (kg_smap: entities, documents) and tie keys to touched ties (kg_tmap).
 * Open addressing with linear probing, grown at 50 % load; nothing is ever
 * removed during a revision.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

/*
 * Eight bytes at a time, each word mixed in by a multiply and a shift
 * (FNV's byte at a time was a tenth of resolving a name), the end
 * mixed once more.
 */
static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ len, w;
    while (len >= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        s += 8;
        len -= 8;
    }
    w = 0;
    memcpy(&w, s, len);
    h = (h ^ w) * 0x94D049BB133111EBull;
    return h ^ (h >> 29);
}

int kg_smap__get(const kg_smap *m, const char *key, size_t len,
                 int64_t *value)
{
    uint64_t h;
    size_t i;
    if (!m->cap)
        return 0;
    h = hash_bytes(key, len);
    for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        const kg_smap_slot *s = &m->slots[i];
        if (!s->key)
            return 0;
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
            *value = s->value;
            return 1;
        }
    }
}

static int smap_grow(kg_smap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024, i, j;
    kg_smap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return KG_ENOMEM;
    for (i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        for (j = m->slots[i].hash & (cap - 1); slots[j].key;
             j = (j + 1) & (cap - 1))
            ;
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return KG_OK;
}

int kg_smap__put(kg_smap *m, const char *key, size_t len, int64_t value)
{
    uint64_t h = hash_bytes(key, len);
    size_t i;
    if ((m->n + 1) * 2 > m->cap && smap_grow(m) != KG_OK)
        return KG_ENOMEM;
    for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        kg_smap_slot *s = &m->slots[i];
        if (!s->key) {
            s->key = kg_pool_strndup(&m->pool, key, len);
            if (!s->key)
                return KG_ENOMEM;
            s->len = len;
            s->hash = h;
            s->value = value;
            m->n++;
            return KG_OK;
        }
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
            s->value = value;
            return KG_OK;
        }
    }
}

void kg_smap__release(kg_smap *m)
{
    free(m->slots);
    kg_pool_release(&m->pool);
    memset(m, 0, sizeof *m);
}

static uint64_t hash_tie(int64_t s, int rel, int64_t o)
{
    uint64_t h = (uint64_t)s * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)o * 0xC2B2AE3D27D4EB4Full + (uint64_t)rel;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

int kg_tmap__get(const kg_tmap *m, int64_t s, int rel, int64_t o)
{
    size_t i;
    if (!m->cap)
        return -1;
    for (i = hash_tie(s, rel, o) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        const kg_tslot *t = &m->slots[i];
        if (t->idx < 0)
            return -1;
        if (t->s == s && t->o == o && t->rel == rel)
            return t->idx;
    }
}

static int tmap_grow(kg_tmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024, i, j;
    kg_tslot *slots = malloc(cap * sizeof *slots);
    if (!slots)
        return KG_ENOMEM;
    for (i = 0; i < cap; i++)
        slots[i].idx = -1;
    for (i = 0; i < m->cap; i++) {
        kg_tslot *t = &m->slots[i];
        if (t->idx < 0)
            continue;
        for (j = hash_tie(t->s, t->rel, t->o) & (cap - 1); slots[j].idx >= 0;
             j = (j + 1) & (cap - 1))
            ;
        slots[j] = *t;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return KG_OK;
}

int kg_tmap__put(kg_tmap *m, int64_t s, int rel, int64_t o, int32_t idx)
{
    size_t i;
    if ((m->n + 1) * 2 > m->cap && tmap_grow(m) != KG_OK)
        return KG_ENOMEM;
    for (i = hash_tie(s, rel, o) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        kg_tslot *t = &m->slots[i];
        if (t->idx < 0) {
            t->s = s;
            t->o = o;
            t->rel = rel;
            t->idx = idx;
            m->n++;
            return KG_OK;
        }
        if (t->s == s && t->o == o && t->rel == rel) {
            t->idx = idx;
            return KG_OK;
        }
    }
}

void kg_tmap__release(kg_tmap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}
