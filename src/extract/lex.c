/*
 * lex.c: the extractor's lookup structures: an open-addressing hash map
 * from byte strings to integers, growable vectors, the word lexicon and
 * word classes.
 *
 * Every lookup the tokenizer does per token is one hash probe here, so
 * the cost of a document does not depend on how many rules or names are
 * loaded.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"

static int map_grow(ex_map *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64, i;
    ex_slot *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return KG_ENOMEM;
    for (i = 0; i < m->cap; i++) {
        ex_slot *o = &m->slots[i];
        size_t j;
        if (!o->key)
            continue;
        j = (size_t)o->h & (ncap - 1);
        while (ns[j].key)
            j = (j + 1) & (ncap - 1);
        ns[j] = *o;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
    return KG_OK;
}

int kg_extract__map_put(ex_map *m, kg_pool *pool, const char *key,
                        size_t len, uint32_t val, uint32_t *val_out)
{
    uint64_t h = kg_extract__hash(key, len);
    size_t j;
    if ((m->n + 1) * 4 >= m->cap * 3 && map_grow(m) != KG_OK)
        return KG_ENOMEM;
    j = (size_t)h & (m->cap - 1);
    while (m->slots[j].key) {
        ex_slot *s = &m->slots[j];
        if (s->h == h && s->len == len && memcmp(s->key, key, len) == 0) {
            if (val_out)
                *val_out = s->val;
            return KG_OK;
        }
        j = (j + 1) & (m->cap - 1);
    }
    m->slots[j].key = kg_pool_strndup(pool, key, len);
    if (!m->slots[j].key)
        return KG_ENOMEM;
    m->slots[j].h = h;
    m->slots[j].len = (uint32_t)len;
    m->slots[j].val = val;
    m->n++;
    if (val_out)
        *val_out = val;
    return KG_OK;
}

int kg_extract__map_bloom(ex_map *m)
{
    size_t i;
    free(m->bloom);
    m->bloom = calloc(EX_BLOOM_BITS / 64, sizeof *m->bloom);
    if (!m->bloom)
        return KG_ENOMEM;
    for (i = 0; i < m->cap; i++)
        if (m->slots[i].key) {
            uint32_t b =
                (uint32_t)(m->slots[i].h >> 40) & (EX_BLOOM_BITS - 1);
            m->bloom[b / 64] |= 1ULL << (b % 64);
        }
    return KG_OK;
}

int kg_extract__map_put_max(ex_map *m, kg_pool *pool, const char *key,
                            size_t len, uint32_t val)
{
    uint64_t h = kg_extract__hash(key, len);
    size_t j;
    if (m->cap) {
        for (j = (size_t)h & (m->cap - 1); m->slots[j].key;
             j = (j + 1) & (m->cap - 1))
            if (m->slots[j].h == h && m->slots[j].len == len &&
                memcmp(m->slots[j].key, key, len) == 0) {
                if (val > m->slots[j].val)
                    m->slots[j].val = val;
                return KG_OK;
            }
    }
    return kg_extract__map_put(m, pool, key, len, val, NULL);
}

void kg_extract__map_release(ex_map *m)
{
    free(m->slots);
    free(m->bloom);
    m->bloom = NULL;
    m->slots = NULL;
    m->cap = m->n = 0;
}

void kg_extract__map_clear(ex_map *m)
{
    /* a table grown for a long article is given back rather than wiped
     * again for every short one after it */
    if (m->cap > EX_MAP_KEEP) {
        kg_extract__map_release(m);
        return;
    }
    if (m->n)
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->n = 0;
    free(m->bloom);
    m->bloom = NULL;
}

void *kg_extract__vec_grow(ex_vec *v, size_t size)
{
    size_t ncap = v->cap ? v->cap * 2 : 16;
    void *np = realloc(v->ptr, ncap * size);
    if (!np)
        return NULL;
    v->ptr = np;
    v->cap = ncap;
    return (char *)v->ptr + size * v->n++;
}

void kg_extract__vec_release(ex_vec *v)
{
    free(v->ptr);
    v->ptr = NULL;
    v->n = v->cap = 0;
}

int64_t kg_extract__word_add(kg_extractor *ex, const char *s, size_t len)
{
    uint32_t id;
    ex_word *w;
    if (kg_extract__map_get(&ex->words, s, len, &id))
        return id;
    id = (uint32_t)ex->wordv.n;
    w = kg_extract__vec_push(&ex->wordv, sizeof *w);
    if (!w)
        return -1;
    memset(w, 0, sizeof *w);
    if (kg_extract__map_put(&ex->words, &ex->pool, s, len, id, NULL) !=
        KG_OK)
        return -1;
    w->s = kg_pool_strndup(&ex->pool, s, len);
    w->len = (uint32_t)len;
    return w->s ? (int64_t)id : -1;
}

int64_t kg_extract__word_find(const kg_extractor *ex, const char *s,
                              size_t len)
{
    uint32_t id;
    return kg_extract__map_get(&ex->words, s, len, &id) ? (int64_t)id : -1;
}

static int in_sorted(const uint32_t *v, uint32_t n, uint32_t c)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (v[mid] == c)
            return 1;
        if (v[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int kg_extract__word_edges(const kg_extractor *ex, uint32_t w, uint32_t c,
                           int dir)
{
    const ex_word *wd = &EX_AT(ex->wordv, ex_word, w);
    const uint32_t *v = ex->wclsv.ptr;
    return dir > 0 ? in_sorted(v + wd->mf_first, wd->mf_n, c)
                   : in_sorted(v + wd->ml_first, wd->ml_n, c);
}

int kg_extract__word_in(const kg_extractor *ex, uint32_t w, uint32_t c)
{
    const ex_word *wd = &EX_AT(ex->wordv, ex_word, w);
    const uint32_t *v = (const uint32_t *)ex->wclsv.ptr + wd->cls_first;
    uint32_t lo = 0, hi = wd->cls_n;
    if (!ex_clsset_has(&wd->clsmask, c))
        return 0;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (v[mid] == c)
            return 1;
        if (v[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* The reserved class names and the word flag each one sets. */
static const struct {
    const char *name;
    uint32_t flag;
} builtin_classes[] = {
    {"stop", WF_STOP},           {"abbrev", WF_ABBREV},
    {"legal", WF_LEGAL},         {"orgword", WF_ORGWORD},
    {"month", WF_MONTH},         {"weekday", WF_WEEKDAY},
    {"nonname", WF_NONNAME},     {"title", WF_TITLE},
    {"role", WF_ROLE},           {"orghead", WF_ORGHEAD},
    {"firstname", WF_FIRSTNAME}, {"scale", WF_SCALE},
    {"currency", WF_CURRENCY},   {"percent", WF_PCT},
    {"stakeword", WF_STAKEWORD}, {"orgpronoun", WF_PRONOUN},
    {"perpronoun", WF_PERPRONOUN}, {"suffixabbr", WF_SUFFIXABBR},
    {"corpcue", WF_CORPCUE},     {"notcorp", WF_NOTCORP},
    {"exchange", WF_EXCHANGE},   {"hyphensplit", WF_HYPHEN},
    {"common", WF_COMMON},       {"nogap", WF_NOGAP},
    {"modnoun", WF_MODNOUN},
    {"determiner", WF_DET},      {"namehead", WF_NAMEHEAD},
    {"dateword", WF_DATEWORD},   {"namecue", WF_NAMECUE},
    {"peer", WF_PEER},           {"country", WF_COUNTRY},
};

/* The names of the EC_* classes, in their order (extract_int.h). */
static const char *const engine_classes[EC_N] = {
    "unitlistend",   "brandlisthead", "bidforword",    "contestbefore",
    "contestto",     "contestin",     "onerival",      "dealobjdet",
    "firmproduct",   "subjectstop",   "frontclause",   "bidforunit",
    "bidforself",    "denialfill",    "contestafter",  "competebuy",
    "dealobjverb",   "leadpartner",   "versionspan",   "storenamehead",
    "role",          "andverb",       "firmafter",     "firmonly",
    "firmsaid",      "objverb",       "firmbefore",    "acquire",
    "dealdet",       "dealprep",      "recallnot",     "dealother",
    "dealmod",       "rivallist",     "pairnoun",      "pairverb",
    "sector",        "servebefore",   "commenter",     "asideclause",
    "productmaker",  "productmakers", "vaguedeal",     "itverb",
    "ownerdesc",     "dealsubject",   "dealrival",     "kin",
    "nameabbrev",    "product",       "pickv",         "goodsnamed",
    "loneshort",     "insthead",      "saleplan",      "listunit",
    "pairobj",       "demonym",       "namenumber",    "slotprep",
    "beatverb",      "subord",        "auxverb",       "reasonopen",
    "countword",
};

typedef struct wc_pair {
    uint32_t w, c, p; /* word, class, phrase (index in phrasev) */
} wc_pair;

static int cmp_trig(const void *a, const void *b)
{
    const ex_trig *x = a, *y = b;
    if (x->word != y->word)
        return x->word < y->word ? -1 : 1;
    return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/*
 * Sort the n records of size bytes at v by the word id (< nwords) each
 * holds at byte offset off, keeping the order of records of the same
 * word: one counting pass and one move, where qsort took a fifth of the
 * start-up.  The records are pushed in class or rule order, so the sort
 * keeps that order within a word.
 */
static int sort_by_word(void *v, size_t n, size_t size, size_t off,
                        size_t nwords)
{
    size_t *at = calloc(nwords + 1, sizeof *at), i;
    char *tmp = malloc(n * size);
    const char *src = v;
    uint32_t w;
    int rc = KG_ENOMEM;
    if (!at || !tmp)
        goto done;
    for (i = 0; i < n; i++) {
        memcpy(&w, src + i * size + off, sizeof w);
        at[w + 1]++;
    }
    for (i = 0; i < nwords; i++)
        at[i + 1] += at[i];
    for (i = 0; i < n; i++) {
        memcpy(&w, src + i * size + off, sizeof w);
        memcpy(tmp + at[w]++ * size, src + i * size, size);
    }
    memcpy(v, tmp, n * size);
    rc = KG_OK;
done:
    free(tmp);
    free(at);
    return rc;
}

/*
 * Per-word sorted class lists of one kind (0 single-word members, 1
 * first words of multi-word phrases, 2 last words), appended to wclsv;
 * beside each (word, class) entry, in wphv, the phrases it stands for.
 */
static int word_lists(kg_extractor *ex, int kind)
{
    ex_vec pairs = {0};
    size_t c, i;
    int rc = KG_ENOMEM;
    ex_word *words;
    for (c = 0; c < ex->classv.n; c++) {
        const ex_class *cl = &EX_AT(ex->classv, ex_class, c);
        for (i = 0; i < cl->ph_n; i++) {
            const ex_phrase *ph = &EX_AT(ex->phrasev, ex_phrase,
                                         cl->ph_first + i);
            wc_pair *p;
            if ((kind == 0) != (ph->n == 1))
                continue;
            p = kg_extract__vec_push(&pairs, sizeof *p);
            if (!p)
                goto done;
            p->w = EX_AT(ex->pwordv, uint32_t,
                         ph->first + (kind == 2 ? ph->n - 1 : 0));
            p->c = (uint32_t)c;
            p->p = cl->ph_first + (uint32_t)i;
        }
    }
    /* pushed by class, then phrase: by word, they are sorted by all
     * three */
    if (pairs.n && sort_by_word(pairs.ptr, pairs.n, sizeof(wc_pair),
                                offsetof(wc_pair, w), ex->wordv.n) != KG_OK)
        goto done;
    for (i = 0; i < pairs.n; i++) {
        const wc_pair *p = &EX_AT(pairs, wc_pair, i);
        uint32_t *slot, *first, *n, *ph;
        ex_span *sp;
        ph = kg_extract__vec_push(&ex->phidxv, sizeof *ph);
        if (!ph)
            goto done;
        *ph = p->p;
        if (i > 0 && p->w == EX_AT(pairs, wc_pair, i - 1).w &&
            p->c == EX_AT(pairs, wc_pair, i - 1).c) {
            EX_AT(ex->wphv, ex_span, ex->wphv.n - 1).n++;
            continue;
        }
        slot = kg_extract__vec_push(&ex->wclsv, sizeof *slot);
        sp = kg_extract__vec_push(&ex->wphv, sizeof *sp);
        if (!slot || !sp)
            goto done;
        *slot = p->c;
        ex_clsset_add(&EX_AT(ex->wordv, ex_word, p->w).clsmask, p->c);
        sp->first = (uint32_t)(ex->phidxv.n - 1);
        sp->n = 1;
        words = ex->wordv.ptr;
        first = kind == 0 ? &words[p->w].cls_first
              : kind == 1 ? &words[p->w].mf_first : &words[p->w].ml_first;
        n = kind == 0 ? &words[p->w].cls_n
          : kind == 1 ? &words[p->w].mf_n : &words[p->w].ml_n;
        if (*n == 0)
            *first = (uint32_t)(ex->wclsv.n - 1);
        (*n)++;
    }
    rc = KG_OK;
done:
    kg_extract__vec_release(&pairs);
    return rc;
}

/*
 * The classes of the word elements elemv[first .. +n) that are not
 * optional: a sentence whose free words lack one of them cannot match.
 */
static void classes_needed(const kg_extractor *ex, uint32_t first,
                           uint32_t n, ex_clsset *need)
{
    uint32_t k;
    memset(need, 0, sizeof *need);
    for (k = 0; k < n; k++) {
        const ex_elem *el = &EX_AT(ex->elemv, ex_elem, first + k);
        if (el->type == EL_CLASS && !el->optional)
            ex_clsset_add(need, el->cls);
    }
}

/* ex_trig.need_before of rule r (see there) */
static void side_needs(const kg_extractor *ex, const ex_rule *r,
                       ex_trig *t)
{
    uint32_t k;
    const ex_elem *els = &EX_AT(ex->elemv, ex_elem, r->el_first);
    memset(&t->need_before, 0, sizeof t->need_before);
    t->has_before = 0;
    if (r->fwd_first)
        for (k = r->trig + 1; k < r->el_n; k++)
            if (els[k].type == EL_SLOT)
                return;
    for (k = 0; k < r->trig; k++)
        if (els[k].type == EL_CLASS && !els[k].optional) {
            ex_clsset_add(&t->need_before, els[k].cls);
            t->has_before = 1;
        }
}

int kg_extract__seal(kg_extractor *ex, kg_error *err)
{
    size_t i, k;
    int rc = KG_ENOMEM;
    ex_word *words;
    static const char *const valued[4] = {"month", "weekday", "scale",
                                          "currency"};

    ex->wclsv.n = 0;
    ex->wphv.n = 0;
    ex->phidxv.n = 0;
    words = ex->wordv.ptr;
    for (i = 0; i < ex->wordv.n; i++) {
        words[i].cls_n = words[i].mf_n = words[i].ml_n = 0;
        memset(&words[i].cuemask, 0, sizeof words[i].cuemask);
        memset(&words[i].cue1mask, 0, sizeof words[i].cue1mask);
        memset(&words[i].cue2mask, 0, sizeof words[i].cue2mask);
        memset(&words[i].clsmask, 0, sizeof words[i].clsmask);
        words[i].flags = 0;
        words[i].trig_n = 0;
    }
    for (k = 0; k < 3; k++)
        if (word_lists(ex, (int)k) != KG_OK)
            goto done;
    for (k = 0; k < 4; k++) {
        uint32_t cid;
        const ex_class *cl;
        if (!kg_extract__map_get(&ex->classes, valued[k],
                                 strlen(valued[k]), &cid))
            continue;
        cl = &EX_AT(ex->classv, ex_class, cid);
        for (i = 0; i < cl->ph_n; i++) {
            const ex_phrase *ph = &EX_AT(ex->phrasev, ex_phrase,
                                         cl->ph_first + i);
            if (ph->n == 1)
                EX_AT(ex->wordv, ex_word,
                      EX_AT(ex->pwordv, uint32_t, ph->first)).bval[k] =
                    ph->value;
        }
    }
    /* built-in flags: single words of reserved classes */
    for (k = 0; k < sizeof builtin_classes / sizeof builtin_classes[0];
         k++) {
        uint32_t cid;
        const ex_class *cl;
        const char *nm = builtin_classes[k].name;
        if (!kg_extract__map_get(&ex->classes, nm, strlen(nm), &cid))
            continue;
        cl = &EX_AT(ex->classv, ex_class, cid);
        for (i = 0; i < cl->ph_n; i++) {
            const ex_phrase *ph = &EX_AT(ex->phrasev, ex_phrase,
                                         cl->ph_first + i);
            uint32_t w = EX_AT(ex->pwordv, uint32_t, ph->first);
            /* multi-word role and cue phrases flag their first word */
            EX_AT(ex->wordv, ex_word, w).flags |= builtin_classes[k].flag;
        }
    }
    /* classes one engine function reads: -1u (none) if not defined */
    for (k = 0; k < EC_N; k++)
        if (!kg_extract__map_get(&ex->classes, engine_classes[k],
                                 strlen(engine_classes[k]), &ex->ecls[k]))
            ex->ecls[k] = (uint32_t)-1;
    /* what each rule and recall pattern needs */
    for (i = 0; i < ex->rulev.n; i++) {
        ex_rule *r = &EX_AT(ex->rulev, ex_rule, i);
        classes_needed(ex, r->el_first, r->el_n, &r->need);
    }
    for (i = 0; i < ex->recallv.n; i++) {
        ex_recall *r = &EX_AT(ex->recallv, ex_recall, i);
        classes_needed(ex, r->el_first, r->el_n, &r->need);
    }
    /* trigger lists */
    if (ex->trigv.n) {
        size_t o = 0;
        ex_trig *tv = ex->trigv.ptr;
        size_t a;
        if (sort_by_word(tv, ex->trigv.n, sizeof(ex_trig),
                         offsetof(ex_trig, word), ex->wordv.n) != KG_OK)
            goto done;
        /* rules push their triggers in rule order, so a word's run is
         * already by rule; sorted here if ever it is not */
        for (a = 0; a < ex->trigv.n; a = i) {
            int sorted = 1;
            for (i = a + 1; i < ex->trigv.n && tv[i].word == tv[a].word; i++)
                if (tv[i].rule < tv[i - 1].rule)
                    sorted = 0;
            if (!sorted)
                qsort(tv + a, i - a, sizeof(ex_trig), cmp_trig);
        }
        for (i = 0; i < ex->trigv.n; i++)
            if (!o || tv[i].word != tv[o - 1].word ||
                tv[i].rule != tv[o - 1].rule)
                tv[o++] = tv[i];
        ex->trigv.n = o;
    }
    for (i = 0; i < ex->trigv.n; i++) {
        ex_trig *t = &EX_AT(ex->trigv, ex_trig, i);
        ex_word *w = &EX_AT(ex->wordv, ex_word, t->word);
        const ex_rule *r = &EX_AT(ex->rulev, ex_rule, t->rule);
        uint32_t tc = EX_AT(ex->elemv, ex_elem, r->el_first + r->trig).cls;
        t->sides = (uint8_t)((r->slot_before ? EX_SIDE_BEFORE : 0) |
                             (r->slot_after ? EX_SIDE_AFTER : 0));
        t->direct = EX_AT(ex->classv, ex_class, tc).maxlen <= 1 &&
                    (int)tc != r->role_cls;
        t->need = r->need;
        side_needs(ex, r, t);
        if (w->trig_n == 0)
            w->trig_first = (uint32_t)i;
        w->trig_n++;
        w->flags |= WF_TRIGGER;
    }
    /* cue phrases by first word, for the per-sentence cue bits */
    for (i = 0; i < ex->cuev.n && i < EX_CUE_BITS; i++) {
        const ex_class *cl = &EX_AT(ex->classv, ex_class,
                                    EX_AT(ex->cuev, ex_cue, i).cls);
        for (k = 0; k < cl->ph_n; k++) {
            const ex_phrase *ph = &EX_AT(ex->phrasev, ex_phrase,
                                         cl->ph_first + k);
            ex_word *w = &EX_AT(ex->wordv, ex_word,
                                EX_AT(ex->pwordv, uint32_t, ph->first));
            w->cuemask.w[i / 64] |= 1ULL << (i % 64);
            if (ph->n == 1)
                w->cue1mask.w[i / 64] |= 1ULL << (i % 64);
            else
                EX_AT(ex->wordv, ex_word,
                      EX_AT(ex->pwordv, uint32_t, ph->first + 1))
                    .cue2mask.w[i / 64] |= 1ULL << (i % 64);
        }
    }
    ex->sealed = 1;
    rc = KG_OK;
done:
    if (rc != KG_OK)
        kg_error_set(err, rc, "cannot build the rule index: out of memory");
    return rc;
}
