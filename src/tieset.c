/*
 * tieset.c: the in-memory result sets of view.h (kg_tieset, kg_changeset,
 * kg_assertionset): growable arrays whose strings are copied into one
 * kg_pool per set, so a whole result is freed at once.
 */
#include <stdlib.h>
#include <string.h>

#include "kg/view.h"

/* Grow *v (of *cap elements of size sz) to hold at least n + 1. */
static int grow(void **v, size_t *cap, size_t n, size_t sz)
{
    size_t ncap;
    void *p;
    if (n < *cap)
        return KG_OK;
    ncap = *cap ? *cap * 2 : 64;
    if (ncap > (size_t)-1 / sz)
        return KG_ENOMEM;
    p = realloc(*v, ncap * sz);
    if (!p)
        return KG_ENOMEM;
    *v = p;
    *cap = ncap;
    return KG_OK;
}

/* Copy s into pool unless NULL; 0 on out of memory. */
static int dup(const char **dst, kg_pool *pool, const char *s)
{
    if (!s) {
        *dst = NULL;
        return 1;
    }
    *dst = kg_pool_strdup(pool, s);
    return *dst != NULL;
}

static int copy_tie(kg_tie *dst, kg_pool *pool, const kg_tie *t)
{
    *dst = *t;
    return dup(&dst->subject, pool, t->subject) &&
           dup(&dst->object, pool, t->object) &&
           dup(&dst->amount, pool, t->amount) &&
           dup(&dst->role, pool, t->role) &&
           dup(&dst->evidence, pool, t->evidence) &&
           dup(&dst->doc, pool, t->doc) &&
           dup(&dst->source, pool, t->source);
}

void kg_tieset_release(kg_tieset *set)
{
    if (!set)
        return;
    free(set->v);
    kg_pool_release(&set->pool);
    set->v = NULL;
    set->n = set->cap = 0;
}

int kg_tieset_add(kg_tieset *set, const kg_tie *t)
{
    if (grow((void **)&set->v, &set->cap, set->n, sizeof *set->v) != KG_OK)
        return KG_ENOMEM;
    if (!copy_tie(&set->v[set->n], &set->pool, t))
        return KG_ENOMEM;
    set->n++;
    return KG_OK;
}

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_tie(const void *pa, const void *pb)
{
    const kg_tie *a = pa, *b = pb;
    int c;
    if ((c = cmp_str(a->subject, b->subject)) != 0)
        return c;
    if (a->relation != b->relation)
        return cmp_str(kg_relation_name(a->relation),
                       kg_relation_name(b->relation));
    if ((c = cmp_str(a->object, b->object)) != 0)
        return c;
    if ((c = kg_date_cmp(a->valid_from, b->valid_from)) != 0)
        return c;
    if ((c = kg_date_cmp(a->valid_to, b->valid_to)) != 0)
        return c;
    return (a->id > b->id) - (a->id < b->id);
}

void kg_tieset_sort(kg_tieset *set)
{
    if (set->n > 1)
        qsort(set->v, set->n, sizeof *set->v, cmp_tie);
}

static const char *const change_names[KG_CHANGE__COUNT] = {
    "appeared", "ended", "changed", "interrupted", "transient", "unchanged"};

const char *kg_change_name(kg_change_kind c)
{
    if ((int)c < 0 || c >= KG_CHANGE__COUNT)
        return "?";
    return change_names[c];
}

void kg_changeset_release(kg_changeset *set)
{
    if (!set)
        return;
    free(set->v);
    kg_pool_release(&set->pool);
    set->v = NULL;
    set->n = set->cap = 0;
}

int kg_changeset_add(kg_changeset *set, const kg_change *c)
{
    kg_change *d;
    if (grow((void **)&set->v, &set->cap, set->n, sizeof *set->v) != KG_OK)
        return KG_ENOMEM;
    d = &set->v[set->n];
    d->change = c->change;
    if (!copy_tie(&d->tie, &set->pool, &c->tie) ||
        !dup(&d->before, &set->pool, c->before) ||
        !dup(&d->after, &set->pool, c->after))
        return KG_ENOMEM;
    set->n++;
    return KG_OK;
}

void kg_assertionset_release(kg_assertionset *set)
{
    if (!set)
        return;
    free(set->v);
    kg_pool_release(&set->pool);
    set->v = NULL;
    set->n = set->cap = 0;
}

int kg_assertionset_add(kg_assertionset *set, const kg_assertion *a)
{
    kg_assertion *d;
    kg_pool *p = &set->pool;
    if (grow((void **)&set->v, &set->cap, set->n, sizeof *set->v) != KG_OK)
        return KG_ENOMEM;
    d = &set->v[set->n];
    *d = *a;
    if (!dup(&d->t.doc, p, a->t.doc) || !dup(&d->t.subject, p, a->t.subject) ||
        !dup(&d->t.object, p, a->t.object) || !dup(&d->t.rule, p, a->t.rule) ||
        !dup(&d->t.evidence, p, a->t.evidence) ||
        !dup(&d->t.amount, p, a->t.amount) || !dup(&d->t.role, p, a->t.role) ||
        !dup(&d->source, p, a->source))
        return KG_ENOMEM;
    set->n++;
    return KG_OK;
}
