/*
 * extract.c: the public extractor API (include/kg/extract.h).
 *
 * kg_extractor_new loads the built-in rules (data/rules.txt), the user's
 * rule files and the built-in gazetteer (data/gazetteer.tsv), then builds
 * the trigger index.  kg_extract_doc runs one article through tokens ->
 * sentences -> mentions -> rules with its own scratch memory and hands
 * each new triple to the callback as soon as its sentence is done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "kg/vocab.h"

extern const unsigned char kg_data_rules[];
extern const unsigned long kg_data_rules_len;
extern const unsigned char kg_data_gazetteer[];
extern const unsigned long kg_data_gazetteer_len;
extern const unsigned char kg_data_places[];
extern const unsigned long kg_data_places_len;

/* Read a whole file; caller frees *out. */
static int read_file(const char *path, char **out, size_t *len,
                     kg_error *err)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    int rc = KG_OK;
    *out = NULL;
    if (!f)
        return kg_error_set(err, KG_ENOTFOUND, "cannot open rule file '%s'",
                            path);
    for (;;) {
        size_t got;
        if (n + 4096 + 1 > cap) {
            char *nb;
            cap = cap ? cap * 2 : 8192;
            nb = realloc(buf, cap);
            if (!nb) {
                rc = kg_error_set(err, KG_ENOMEM, "out of memory");
                goto done;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        rc = kg_error_set(err, KG_EIO, "cannot read rule file '%s'", path);
        goto done;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
done:
    free(buf);
    fclose(f);
    return rc;
}

void kg_extractor_free(kg_extractor *ex)
{
    if (!ex)
        return;
    kg_extract__map_release(&ex->words);
    kg_extract__map_release(&ex->classes);
    kg_extract__map_release(&ex->rule_ids);
    kg_extract__map_release(&ex->gnames);
    kg_extract__map_release(&ex->tickers);
    kg_extract__map_release(&ex->glower);
    kg_extract__map_release(&ex->gfirst_lower);
    kg_extract__map_release(&ex->places);
    kg_extract__vec_release(&ex->placev);
    kg_extract__vec_release(&ex->wordv);
    kg_extract__vec_release(&ex->wclsv);
    kg_extract__vec_release(&ex->wphv);
    kg_extract__vec_release(&ex->phidxv);
    kg_extract__vec_release(&ex->pwordv);
    kg_extract__vec_release(&ex->phrasev);
    kg_extract__vec_release(&ex->classv);
    kg_extract__vec_release(&ex->rulev);
    kg_extract__vec_release(&ex->elemv);
    kg_extract__vec_release(&ex->trigv);
    kg_extract__vec_release(&ex->cuev);
    kg_extract__vec_release(&ex->dealv);
    kg_extract__vec_release(&ex->recallv);
    kg_extract__vec_release(&ex->gentv);
    kg_pool_release(&ex->pool);
    free(ex);
}

int kg_extractor_new(kg_extractor **out, const kg_extract_opts *opts,
                     kg_error *err)
{
    kg_extractor *ex = calloc(1, sizeof *ex);
    uint64_t h;
    size_t i;
    int rc;

    *out = NULL;
    if (!ex)
        return kg_error_set(err, KG_ENOMEM, "out of memory");
    ex->flags = opts ? opts->flags : 0;
    rc = kg_extract__rules_load(ex, (const char *)kg_data_rules,
                                kg_data_rules_len, "rules.txt", err);
    if (rc != KG_OK)
        goto done;
    h = kg_extract__hash((const char *)kg_data_rules, kg_data_rules_len);
    for (i = 0; opts && i < opts->nrule_files; i++) {
        char *text = NULL;
        size_t len = 0;
        if ((rc = read_file(opts->rule_files[i], &text, &len, err)) !=
            KG_OK)
            goto done;
        rc = kg_extract__rules_load(ex, text, len, opts->rule_files[i], err);
        h ^= kg_extract__hash(text, len) + 0x9e3779b97f4a7c15ULL + (h << 6);
        free(text);
        if (rc != KG_OK)
            goto done;
    }
    for (i = 0; i < ex->classv.n; i++) {
        const ex_class *c = &EX_AT(ex->classv, ex_class, i);
        if (!c->ph_n) {
            rc = kg_error_set(err, KG_EINVAL,
                              "%s:%ld: class '%s' is used but not defined",
                              c->file, c->line, c->name);
            goto done;
        }
    }
    if ((rc = kg_extract__seal(ex, err)) != KG_OK)
        goto done;
    rc = kg_extract__gazetteer_load(ex, (const char *)kg_data_gazetteer,
                                    kg_data_gazetteer_len, err);
    if (rc != KG_OK)
        goto done;
    h ^= kg_extract__hash((const char *)kg_data_gazetteer,
                          kg_data_gazetteer_len) * 31;
    rc = kg_extract__places_load(ex, (const char *)kg_data_places,
                                 kg_data_places_len, err);
    if (rc != KG_OK)
        goto done;
    h ^= kg_extract__hash((const char *)kg_data_places, kg_data_places_len) *
         131;
    /* filters in front of the per-token lookups */
    if (kg_extract__map_bloom(&ex->words) != KG_OK ||
        kg_extract__map_bloom(&ex->gfirst_lower) != KG_OK ||
        kg_extract__map_bloom(&ex->tickers) != KG_OK) {
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
        goto done;
    }
    snprintf(ex->version, sizeof ex->version, "rules/%lu-%08lx",
             (unsigned long)ex->rulev.n,
             (unsigned long)((h ^ (h >> 32)) & 0xffffffffUL));
    *out = ex;
    ex = NULL;
done:
    kg_extractor_free(ex);
    return rc;
}

const char *kg_extractor_version(const kg_extractor *ex)
{
    return ex ? ex->version : "";
}

static void scratch_release(ex_scratch *sc)
{
    kg_pool_release(&sc->pool);
    kg_buf_release(&sc->norm);
    kg_buf_release(&sc->mkey);
    kg_buf_release(&sc->skey);
    kg_extract__vec_release(&sc->toks);
    kg_extract__vec_release(&sc->sents);
    kg_extract__vec_release(&sc->ments);
    kg_extract__vec_release(&sc->ents);
    kg_extract__vec_release(&sc->outs);
    kg_extract__vec_release(&sc->dates);
    kg_extract__map_release(&sc->entnames);
    kg_extract__map_release(&sc->aliases);
    kg_extract__map_release(&sc->firstw);
    kg_extract__vec_release(&sc->nrows);
    kg_extract__map_release(&sc->ambig);
    kg_extract__map_release(&sc->seen);
    kg_extract__vec_release(&sc->mem);
    kg_extract__vec_release(&sc->later);
    kg_extract__vec_release(&sc->memq);
    free(sc->mstart);
}

/*
 * Empty sc for the next article: every field zero, as for a fresh
 * scratch, but the memory of the containers above kept (emptied).
 */
static void scratch_reset(ex_scratch *sc)
{
    ex_scratch was = *sc;
    memset(sc, 0, sizeof *sc);
    sc->pool = was.pool;
    kg_pool_clear(&sc->pool);
    sc->norm = was.norm;
    sc->mkey = was.mkey;
    sc->skey = was.skey;
    kg_buf_clear(&sc->norm);
    kg_buf_clear(&sc->mkey);
    kg_buf_clear(&sc->skey);
    sc->toks = was.toks;
    sc->sents = was.sents;
    sc->ments = was.ments;
    sc->ents = was.ents;
    sc->outs = was.outs;
    sc->dates = was.dates;
    sc->nrows = was.nrows;
    sc->mem = was.mem;
    sc->later = was.later;
    sc->memq = was.memq;
    sc->toks.n = sc->sents.n = sc->ments.n = sc->ents.n = sc->outs.n = 0;
    sc->dates.n = sc->nrows.n = sc->mem.n = sc->later.n = sc->memq.n = 0;
    sc->entnames = was.entnames;
    sc->aliases = was.aliases;
    sc->firstw = was.firstw;
    sc->ambig = was.ambig;
    sc->seen = was.seen;
    kg_extract__map_clear(&sc->entnames);
    kg_extract__map_clear(&sc->aliases);
    kg_extract__map_clear(&sc->firstw);
    kg_extract__map_clear(&sc->ambig);
    kg_extract__map_clear(&sc->seen);
    sc->mstart = was.mstart;
    sc->mcap = was.mcap;
}

int kg_extract_scratch_new(kg_extract_scratch **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? KG_OK : KG_ENOMEM;
}

void kg_extract_scratch_free(kg_extract_scratch *scr)
{
    if (!scr)
        return;
    scratch_release(scr);
    free(scr);
}

/*
 * The key of t in sc->seen is subject, relation and status codes, object,
 * then the date or "*" (any date).  seen_key writes the part before the
 * date into *key, with room for the date after it; seen_date puts the
 * date (any = 0) or "*" there, so both keys of a triple share one copy
 * of the names.
 */
static int seen_key(kg_buf *key, const kg_triple *t)
{
    size_t sl = strlen(t->subject), ol = strlen(t->object);
    char *p;
    kg_buf_clear(key);
    if (kg_buf_grow(key, sl + ol + 4 + KG_DATE_STRLEN) != KG_OK)
        return KG_ENOMEM;
    p = key->ptr;
    memcpy(p, t->subject, sl);
    p += sl;
    *p++ = (char)('a' + t->relation);
    *p++ = (char)('a' + t->status);
    *p++ = '\x1f';
    memcpy(p, t->object, ol);
    p += ol;
    *p++ = '\x1f';
    key->len = (size_t)(p - key->ptr);
    return KG_OK;
}

static void seen_date(kg_buf *key, size_t prefix, const kg_triple *t,
                      int any)
{
    char *p = key->ptr + prefix;
    if (any)
        memcpy(p, "*", 2);
    key->len = prefix + (any ? 1 : (size_t)kg_date_format(p, t->date));
}

/*
 * Files t, whose key up to its date (seen_key) is in sc->skey, under its
 * date and under any date; *fresh is 1 if it was not there.
 */
static int seen_file(ex_scratch *sc, const kg_triple *t, int *fresh)
{
    kg_buf *key = &sc->skey;
    size_t prefix = key->len;
    int any;
    for (any = 0; any < 2; any++) {
        size_t before = sc->seen.n;
        seen_date(key, prefix, t, any);
        /* one probe: the key was there if the put added nothing */
        if (kg_extract__map_put(&sc->seen, &sc->pool, key->ptr, key->len, 1,
                                NULL) != KG_OK)
            return KG_ENOMEM;
        if (!any)
            *fresh = sc->seen.n != before;
        if (!*fresh)
            break;
    }
    return KG_OK;
}

int kg_extract__seen_put(ex_scratch *sc, const kg_triple *t, int *fresh)
{
    if (seen_key(&sc->skey, t) != KG_OK)
        return KG_ENOMEM;
    return seen_file(sc, t, fresh);
}

int kg_extract__hold_merger(ex_scratch *sc, const kg_triple *t,
                            const kg_explain *why)
{
    ex_later *l = kg_extract__vec_push(&sc->later, sizeof *l);
    if (!l)
        return KG_ENOMEM;
    memset(l, 0, sizeof *l);
    l->t = *t;
    if (why)
        l->why = *why;
    l->has_why = why != NULL;
    l->told = 1;
    return KG_OK;
}

/*
 * Was t told before in the article, with any date?  Leaves the key of t
 * up to its date in sc->skey, for seen_file.
 */
static int seen_told(ex_scratch *sc, const kg_triple *t, int *told)
{
    kg_buf *key = &sc->skey;
    size_t prefix;
    uint32_t dummy;
    if (seen_key(key, t) != KG_OK)
        return KG_ENOMEM;
    prefix = key->len;
    seen_date(key, prefix, t, 1);
    *told = kg_extract__map_get(&sc->seen, key->ptr, key->len, &dummy);
    key->len = prefix;
    return KG_OK;
}

/* "Microsoft[org] OpenAI[org]" for the current sentence's mentions. */
static const char *explain_entities(ex_scratch *sc)
{
    kg_buf b = KG_BUF_INIT;
    const char *out = NULL;
    size_t i;
    for (i = 0; i < sc->ments.n; i++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
        if (kg_buf_printf(&b, "%s%s[%s]", i ? " " : "", e->name,
                          e->kind >= 0 ? kg_kind_name((kg_kind)e->kind)
                                       : "?") != KG_OK)
            goto done;
        if (m->src == MS_COREF) {
            const ex_tok *tk = sc->toks.ptr;
            if (kg_buf_printf(&b, "<-\"%.*s\"",
                              (int)(tk[m->b - 1].end - tk[m->a].start),
                              sc->doc->text + tk[m->a].start) != KG_OK)
                goto done;
        }
    }
    out = kg_pool_strndup(&sc->pool, b.ptr ? b.ptr : "", b.len);
done:
    kg_buf_release(&b);
    return out;
}

/* Is the name a state ("the Russian state", "the Japanese government"):
 * "state" or "government" after words of class nonname only ("Golden
 * State" is a company's name)? */
static int is_state(const kg_extractor *ex, const char *name)
{
    const char *sp = strrchr(name, ' '), *w = name;
    if (!sp)
        return 0;
    if (!(strcmp(sp + 1, "government") == 0 ||
          strcmp(sp + 1, "Government") == 0 || strcmp(sp + 1, "state") == 0 ||
          strcmp(sp + 1, "State") == 0))
        return 0;
    while (w < sp) {
        const char *e = strchr(w, ' ');
        char low[32];
        size_t n = (size_t)(e - w), k;
        int64_t id;
        if (n == 0 || n >= sizeof low)
            return 0;
        for (k = 0; k < n; k++)
            low[k] = (char)((w[k] >= 'A' && w[k] <= 'Z') ? w[k] - 'A' + 'a'
                                                          : w[k]);
        id = kg_extract__word_find(ex, low, n);
        if (id < 0 ||
            !(EX_AT(ex->wordv, ex_word, id).flags & WF_NONNAME))
            return 0;
        w = e + 1;
    }
    return 1;
}

/* Does the rule's slot (0 = S, 1 = O) follow its trigger ("acquisition
 * of O by S", "named S president of O")? */
static int slot_after(const kg_extractor *ex, const ex_rule *r, int slot)
{
    uint32_t k;
    for (k = 0; k < r->el_n; k++) {
        const ex_elem *e = &EX_AT(ex->elemv, ex_elem, r->el_first + k);
        if (e->type == EL_SLOT && e->slot == slot)
            return k > r->trig;
    }
    return 0;
}

/*
 * Of two readings of relation rel in the sentence's outputs from `from`
 * on that agree on the trigger and on the other slot but name two
 * parties in slot (0: subject, 1: object), drop the one whose rule has
 * the slot before its trigger when the other's has it after.
 */
static void yield_to_named_after(ex_scratch *sc, size_t from, int rel,
                                 int slot)
{
    const kg_extractor *ex = sc->ex;
    size_t i, j;
    for (i = from; i < sc->outs.n; i++) {
        ex_out *a = &EX_AT(sc->outs, ex_out, i);
        if (a->relation != rel ||
            slot_after(ex, &EX_AT(ex->rulev, ex_rule, a->rule), slot))
            continue;
        for (j = from; j < sc->outs.n; j++) {
            const ex_out *b = &EX_AT(sc->outs, ex_out, j);
            int same = slot ? b->s == a->s : b->o == a->o;
            int other = slot ? b->o != a->o : b->s != a->s;
            if (b->relation == rel && b->pos == a->pos && same && other &&
                slot_after(ex, &EX_AT(ex->rulev, ex_rule, b->rule), slot)) {
                a->relation = -1;
                break;
            }
        }
    }
}

/* The kind of entity e as the sentence's triples from outs[from..) tell
 * it: a product when something makes it there, else its own (-1: not
 * known). */
static int told_kind(const ex_scratch *sc, size_t from, int32_t e)
{
    size_t i;
    for (i = from; i < sc->outs.n; i++) {
        const ex_out *b = &EX_AT(sc->outs, ex_out, i);
        if (b->relation == KG_REL_MAKES && b->o == e)
            return KG_KIND_PRODUCT;
    }
    return EX_AT(sc->ents, ex_ent, e).kind;
}

/*
 * Is o a partnership that a weak rule read from a bare deal noun or a
 * verb of signing ("the deal with Saxton", "its agreement with Core
 * Scientific had been terminated", "signed a definitive agreement with
 * Dexter")?  Such a deal may be a purchase or a merger the article tells
 * elsewhere.
 */
static int vague_deal(const ex_scratch *sc, const ex_out *o)
{
    return o->relation == KG_REL_PARTNERS_WITH &&
           EX_AT(sc->ex->rulev, ex_rule, o->rule).weak &&
           o->pos < sc->toks.n &&
           ex_tok_in(sc, &EX_AT(sc->toks, ex_tok, o->pos), EC_VAGUEDEAL);
}

/* Is a rivalry from outs[from..) one of goods: a product and goods or
 * a name of no known kind ("Capoten, which competes with Vasotec")? */
static int goods_rivalry(const ex_scratch *sc, size_t from, const ex_out *o)
{
    int ks = told_kind(sc, from, o->s), ko = told_kind(sc, from, o->o);
    return (ks == KG_KIND_PRODUCT && (ko < 0 || ko == KG_KIND_PRODUCT)) ||
           (ko == KG_KIND_PRODUCT && ks < 0);
}

static int emit_sentence(ex_scratch *sc, uint32_t si, size_t from,
                         kg_triple_cb cb, void *payload)
{
    const ex_sent *s = &EX_AT(sc->sents, ex_sent, si);
    const kg_extractor *ex = sc->ex;
    const char *evidence = NULL, *ents = NULL;
    size_t i, j;
    int rc = KG_OK;
    static const int rank[KG_STATUS__COUNT] = {0, 1, 3, 2};

    /*
     * One sentence, one status per tie: when two rules find the same
     * triple ("sold its stake in" and "its stake in"), the more
     * qualified status wins: negated > reported > ended > holds.  A
     * status an "also" cue keeps beside its own ("rejected the offer":
     * reported and negated) is not merged.
     */
    /* a firm "owned by the Russian state" is no unit of it: the state
     * holds shares in it */
    for (i = from; i < sc->outs.n; i++) {
        ex_out *a = &EX_AT(sc->outs, ex_out, i);
        if (a->relation == KG_REL_SUBSIDIARY_OF &&
            is_state(ex, EX_AT(sc->ents, ex_ent, a->o).name)) {
            int32_t e = a->s;
            int k = a->s_kind;
            a->relation = KG_REL_INVESTED_IN;
            a->s = a->o;
            a->s_kind = a->o_kind;
            a->o = e;
            a->o_kind = k;
        }
    }
    /* one purchase or sale, one object, two buyers or sellers: the one
     * the text names after the trigger ("said the acquisition of Heston
     * by Riverdale") is the party, not the sentence's subject before it
     * (posts and stakes are left alone: "who succeeded Ballmer as") */
    yield_to_named_after(sc, from, KG_REL_ACQUIRED, 0);
    yield_to_named_after(sc, from, KG_REL_DIVESTED, 0);
    /* one appointment, two firms: the one named after the post ("named
     * Ruth Carrow president of its Lockwood Chemicals unit") is where
     * the post is, not the firm that announced it */
    yield_to_named_after(sc, from, KG_REL_LEADS, 1);
    /* a weak rule ("deal with", "an offer from") yields to any other tie
     * of the same pair ("merger agreement with", "accepted an offer
     * from"); first, so that its status does not pass to the winner */
    for (i = from; i < sc->outs.n; i++) {
        ex_out *a = &EX_AT(sc->outs, ex_out, i);
        if (!EX_AT(ex->rulev, ex_rule, a->rule).weak || a->relation < 0)
            continue;
        unsigned to = EX_AT(ex->rulev, ex_rule, a->rule).weak_to;
        for (j = from; j < sc->outs.n; j++) {
            const ex_out *b = &EX_AT(sc->outs, ex_out, j);
            int yields = to ? b->relation >= 0 &&
                                  ((to >> (unsigned)b->relation) & 1u)
                            : b->relation != KG_REL_FOUNDED &&
                                  b->relation != KG_REL_LEADS &&
                                  b->relation != KG_REL_MAKES &&
                                  b->relation >= 0;
            /* a weak rule yields to a weak one that names what it
             * yields to, unless that one yields back: it does when both
             * name theirs ("which is owned by Y": sub.owned, not
             * make.passive), never to a rule that names none ("X and Y
             * agreed to combine in a deal": merge.and, which yields to
             * partnerships, stays, and partner.and goes) */
            const ex_rule *br = &EX_AT(ex->rulev, ex_rule, b->rule);
            if (br->weak &&
                (!br->weak_to ||
                 (to && ((br->weak_to >> (unsigned)a->relation) & 1u))))
                continue;
            /* a stake told as fact (a rule that yields to acquired
             * only) does not yield to a bid or an aim ("holds 11 pct
             * of Y and may seek control of the company"): the bid
             * tells no more than the stake */
            if (to == 1u << KG_REL_ACQUIRED &&
                a->relation == KG_REL_INVESTED_IN &&
                a->status == KG_STATUS_HOLDS &&
                b->status != KG_STATUS_HOLDS && b->status != KG_STATUS_ENDED)
                continue;
            if (yields &&
                ((b->s == a->s && b->o == a->o) ||
                 (b->s == a->o && b->o == a->s))) {
                a->relation = -1;
                break;
            }
        }
    }
    for (i = from; i < sc->outs.n; i++) {
        ex_out *a = &EX_AT(sc->outs, ex_out, i);
        for (j = from; j < sc->outs.n; j++) {
            const ex_out *b = &EX_AT(sc->outs, ex_out, j);
            if (b->relation == a->relation && b->relation >= 0 &&
                !a->base && !b->base && b->s == a->s && b->o == a->o &&
                rank[b->status] > rank[a->status])
                a->status = b->status;
        }
    }
    for (i = from; i < sc->outs.n; i++) {
        const ex_out *o = &EX_AT(sc->outs, ex_out, i);
        const ex_rule *r = &EX_AT(ex->rulev, ex_rule, o->rule);
        kg_triple t;
        if (o->relation < 0)
            continue;
        /* goods that compete ("Capoten, which competes with Vasotec")
         * tell no rivalry of firms: their makers' is told elsewhere (a
         * name of no known kind beside goods is goods too) */
        if (o->relation == KG_REL_COMPETES_WITH &&
            goods_rivalry(sc, from, o))
            continue;
        /* a partnership with a public body ("announced a partnership
         * with the Department of Energy") is no tie between firms */
        if (o->relation == KG_REL_PARTNERS_WITH &&
            (kg_extract__public_body(sc, o->s) ||
             kg_extract__public_body(sc, o->o)))
            continue;
        kg_explain why;
        int fresh;
        kg_triple_init(&t);
        t.doc = sc->doc->id ? sc->doc->id : "";
        t.subject = EX_AT(sc->ents, ex_ent, o->s).name;
        t.subject_kind = (kg_kind)o->s_kind;
        t.relation = (kg_relation)o->relation;
        t.object = EX_AT(sc->ents, ex_ent, o->o).name;
        t.object_kind = (kg_kind)o->o_kind;
        t.status = (kg_status)o->status;
        t.date = o->date;
        t.confidence = o->conf;
        t.rule = r->id;
        t.span_start = s->b0;
        t.span_end = s->b1;
        t.amount = o->amount;
        t.stake = o->stake;
        t.role = o->role;
        kg_triple_canonicalize(&t);
        fresh = 1;
        if (!o->base) {
            int told;
            if ((rc = seen_told(sc, &t, &told)) != KG_OK ||
                (rc = seen_file(sc, &t, &fresh)) != KG_OK)
                goto done;
            if (told)
                fresh = 0;
        }
        if (!fresh)
            continue;
        if (!evidence) {
            evidence = kg_pool_strndup(&sc->pool, sc->doc->text + s->b0,
                                       s->b1 - s->b0);
            if (!evidence) {
                rc = KG_ENOMEM;
                goto done;
            }
        }
        t.evidence = evidence;
        memset(&why, 0, sizeof why);
        if (sc->flags & KG_EXTRACT_EXPLAIN) {
            if (!ents && !(ents = explain_entities(sc))) {
                rc = KG_ENOMEM;
                goto done;
            }
            why.sentence = evidence;
            why.entities = ents;
            why.trigger = o->trigger;
            why.pattern = r->pattern;
        }
        /* a status told beside another ("the offer ... was rejected")
         * waits for the end of the article: told anywhere else, it
         * keeps the date it has there; so does a merger, which may be
         * an acquisition the article tells elsewhere */
        if (o->base || t.relation == KG_REL_MERGED_WITH ||
            vague_deal(sc, o)) {
            ex_later *l = kg_extract__vec_push(&sc->later, sizeof *l);
            if (!l) {
                rc = KG_ENOMEM;
                goto done;
            }
            l->t = t;
            l->why = why;
            l->has_why = (sc->flags & KG_EXTRACT_EXPLAIN) != 0;
            l->told = !o->base;
            l->deal = vague_deal(sc, o);
            continue;
        }
        rc = cb(&t, (sc->flags & KG_EXTRACT_EXPLAIN) ? &why : NULL,
                payload);
        if (rc != 0)
            goto done;
    }
done:
    return rc;
}

/*
 * Is t, a merger, an acquisition the article tells as agreed or ended
 * ("JetBlue and Spirit terminated their merger agreement" where
 * "JetBlue agreed to buy Spirit"; not where a merger plan was turned
 * down as a takeover proposal)?  Then t becomes that acquisition,
 * its buyer first, with t's status; *hit is 1.
 */
static int merger_as_acquisition(ex_scratch *sc, kg_triple *t, int *hit)
{
    kg_triple q = *t;
    int dir, st, rc;
    *hit = 0;
    q.relation = KG_REL_ACQUIRED;
    for (dir = 0; dir < 2 && !*hit; dir++) {
        q.subject = dir ? t->object : t->subject;
        q.subject_kind = dir ? t->object_kind : t->subject_kind;
        q.object = dir ? t->subject : t->object;
        q.object_kind = dir ? t->subject_kind : t->object_kind;
        for (st = 0; st < 2 && !*hit; st++) {
            q.status = st ? KG_STATUS_ENDED : KG_STATUS_HOLDS;
            if ((rc = seen_told(sc, &q, hit)) != KG_OK)
                return rc;
        }
    }
    if (*hit) {
        q.status = t->status;
        *t = q;
    }
    return KG_OK;
}

/*
 * Does the article tell a purchase (agreed, ended or bid) or a merger of
 * the pair of t, either way round, with any date?  Then t, a vague
 * partnership, becomes that deal with t's status ("its agreement with
 * Dexter had been terminated" where "Harwell had agreed to acquire
 * Dexter": the purchase ended); *hit is 1.
 */
static int pair_dealt(ex_scratch *sc, kg_triple *t, int *hit)
{
    static const int rel[] = {KG_REL_ACQUIRED, KG_REL_MERGED_WITH};
    static const int st[] = {KG_STATUS_HOLDS, KG_STATUS_ENDED,
                             KG_STATUS_REPORTED};
    kg_triple q = *t;
    size_t r, k;
    int dir, rc;
    *hit = 0;
    for (r = 0; r < 2; r++)
        for (dir = 0; dir < 2; dir++)
            for (k = 0; k < 3; k++) {
                q.relation = (kg_relation)rel[r];
                q.subject = dir ? t->object : t->subject;
                q.subject_kind = dir ? t->object_kind : t->subject_kind;
                q.object = dir ? t->subject : t->object;
                q.object_kind = dir ? t->subject_kind : t->object_kind;
                q.status = (kg_status)st[k];
                if ((rc = seen_told(sc, &q, hit)) != KG_OK)
                    return rc;
                if (*hit) {
                    q.status = t->status;
                    kg_triple_canonicalize(&q);
                    *t = q;
                    return KG_OK;
                }
            }
    return KG_OK;
}

/* the base statuses held back that the article did not tell elsewhere,
 * and the mergers held back, as acquisitions where the article tells
 * one of the pair */
static int emit_later(ex_scratch *sc, kg_triple_cb cb, void *payload)
{
    size_t i;
    int rc = KG_OK;
    for (i = 0; i < sc->later.n; i++) {
        ex_later *l = &EX_AT(sc->later, ex_later, i);
        int told, fresh, acq = 0;
        if (l->t.relation == KG_REL_MERGED_WITH &&
            (rc = merger_as_acquisition(sc, &l->t, &acq)) != KG_OK)
            goto done;
        /* a vague partnership of a pair the article buys or merges is
         * that deal; else it stands */
        if (l->deal && (rc = pair_dealt(sc, &l->t, &acq)) != KG_OK)
            goto done;
        if (l->told && !acq) {
            if ((rc = cb(&l->t, l->has_why ? &l->why : NULL, payload)) !=
                0)
                goto done;
            continue;
        }
        if ((rc = seen_told(sc, &l->t, &told)) != KG_OK)
            goto done;
        if (told)
            continue;
        if ((rc = seen_file(sc, &l->t, &fresh)) != KG_OK)
            goto done;
        if ((rc = cb(&l->t, l->has_why ? &l->why : NULL, payload)) != 0)
            goto done;
    }
done:
    return rc;
}

int kg_extract_doc(const kg_extractor *ex, kg_extract_scratch *scr,
                   const kg_doc *doc, kg_triple_cb cb, void *payload,
                   kg_error *err)
{
    ex_scratch own, *sc = scr ? scr : &own;
    uint32_t si;
    int rc;

    if (!ex || !doc || !cb)
        return kg_error_set(err, KG_EINVAL, "extract: missing argument");
    if (!doc->text)
        return KG_OK;
    /* token and lowercase-form offsets are 32-bit, and the lowercase
     * forms may take up to twice the text ("its" is "it" and "'s") */
    if (doc->text_len > (UINT32_MAX - 16) / 2)
        return kg_error_set(err, KG_EINVAL,
                            "article '%s' is too large (2 GiB limit)",
                            doc->id ? doc->id : "");
    if (!scr)
        memset(&own, 0, sizeof own);
    scratch_reset(sc);
    sc->ex = ex;
    sc->doc = doc;
    sc->flags = ex->flags;
    sc->doc_date = doc->date;
    sc->last_org = sc->prev_first_org = sc->prev_second_org = -1;
    sc->prev_subject = -1;
    sc->last_person = -1;
    sc->new_org = -1;
    sc->opener_pair[0] = sc->opener_pair[1] = -1;
    sc->opener_sent = -1;
    sc->first_pair[0] = sc->first_pair[1] = -1;
    sc->first_pair_sent = -1;
    sc->dates_sent = -1;
    if (kg_buf_grow(&sc->norm, doc->text_len + doc->text_len / 4 + 16) !=
        KG_OK) {
        rc = KG_ENOMEM;
        goto done;
    }
    if ((rc = kg_extract__tokenize(sc)) != KG_OK)
        goto done;
    for (si = 0; si < sc->sents.n; si++) {
        size_t before = sc->outs.n;
        if ((rc = kg_extract__mentions(sc, si)) != KG_OK)
            goto done;
        if ((rc = kg_extract__match(sc, si)) != KG_OK)
            goto done;
        /* "Will Apple buy Disney?" asserts nothing */
        {
            const ex_sent *s = &EX_AT(sc->sents, ex_sent, si);
            const ex_tok *lt = &EX_AT(sc->toks, ex_tok, s->t1 - 1);
            if ((lt->flags & TF_PUNCT) && ex_norm(sc, lt)[0] == '?')
                sc->outs.n = before;
        }
        if (sc->outs.n > before &&
            (rc = emit_sentence(sc, si, before, cb, payload)) != 0)
            goto done;
        /* statuses told of deals named earlier; this sentence's deals */
        if ((rc = kg_extract__memory(sc, si,
                                     sc->outs.n > before
                                         ? (const ex_out *)sc->outs.ptr +
                                               before
                                         : NULL,
                                     sc->outs.n - before, cb, payload)) != 0)
            goto done;
        sc->outs.n = 0;
    }
    rc = emit_later(sc, cb, payload);
done:
    if (rc == KG_ENOMEM)
        kg_error_set(err, rc, "extract '%s': out of memory",
                     doc->id ? doc->id : "");
    if (!scr)
        scratch_release(&own);
    return rc;
}
