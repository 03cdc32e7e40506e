/*
 * mentions.c: entity mentions of one sentence and their canonical names.
 *
 * Left to right over the tokens, first match wins:
 *   1. gazetteer names (longest first, exact case; an `ambiguous` name
 *      needs corporate context in the sentence and no "river"/"fruit"
 *      word nearby), legal suffixes after them are absorbed;
 *   2. tickers in ticker context ("MSFT shares");
 *   3. in-article aliases: acronyms defined as "Name (ACR)", surnames of
 *      people and first words of multi-word firms named earlier;
 *   4. coreference: "it"/"its", "the company", "the Redmond-based
 *      company", "the software giant", "he"/"she"; "the two companies"
 *      (one mention for the story's pair of firms) and "the combined
 *      company" (the buyer of the article's deal);
 *   5. name shapes: runs of capitalised words (with "&" and "of" inside
 *      firm names), legal suffixes (dropped from the name), CamelCase,
 *      acronyms.  Title words ("Mr.", "CEO"), months and the words of
 *      class nonname end a run; a known word that only starts a sentence
 *      is not a name.  Kind: org with a legal suffix or org word, person
 *      after a title or role or with a known first name, else unknown
 *      (decided later by the rule slot that takes it).
 * Headline-case and ALL-CAPS sentences only get steps 1-4 and suffixes.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "internal.h"
#include "kg/vocab.h"

/* Append token i of a key that starts at token a (raw text, ' ' where
 * spaced; curly apostrophes and "&amp;" folded). */
static int key_add(const ex_scratch *sc, kg_buf *out, uint32_t a,
                   uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    const char *s = sc->doc->text + tk[i].start;
    size_t n = tk[i].end - tk[i].start, j;
    if (i > a && (tk[i].flags & TF_SPACE_BEFORE) &&
        kg__buf_putc(out, ' ') != KG_OK)
        return KG_ENOMEM;
    /* the tokenizer folds both into one byte of the lowercase form, so
     * a form as long as the text has neither (most tokens) */
    if (tk[i].norm_len == n || (!memchr(s, 0xE2, n) && !memchr(s, '&', n)))
        return kg__buf_put(out, s, n);
    for (j = 0; j < n; j++) {
        unsigned char c = (unsigned char)s[j];
        if (c == 0xE2 && j + 2 < n && (unsigned char)s[j + 1] == 0x80 &&
            (unsigned char)s[j + 2] == 0x99) {
            c = '\'';
            j += 2;
        } else if (c == '&' && j + 4 < n && memcmp(s + j, "&amp;", 5) == 0) {
            j += 4;
        }
        if (kg__buf_putc(out, (char)c) != KG_OK)
            return KG_ENOMEM;
    }
    return KG_OK;
}

/* Key of tokens [a, b): raw text joined by ' ' where spaced. */
static int tok_key(const ex_scratch *sc, kg_buf *out, uint32_t a,
                   uint32_t b)
{
    uint32_t i;
    kg_buf_clear(out);
    for (i = a; i < b; i++)
        if (key_add(sc, out, a, i) != KG_OK)
            return KG_ENOMEM;
    return KG_OK;
}

/* Find or add the doc entity with this canonical name. */
static int32_t ent_get(ex_scratch *sc, const char *name, size_t len,
                       int kind, int32_t gaz)
{
    uint32_t id;
    ex_ent *e;
    if (kg_extract__map_get(&sc->entnames, name, len, &id)) {
        e = &EX_AT(sc->ents, ex_ent, id);
        if (e->kind < 0 && kind >= 0)
            e->kind = kind;
        return (int32_t)id;
    }
    id = (uint32_t)sc->ents.n;
    e = kg_extract__vec_push(&sc->ents, sizeof *e);
    if (!e)
        return -1;
    e->name = kg_pool_strndup(&sc->pool, name, len);
    e->kind = kind;
    e->gaz = gaz;
    e->confirmed = 0;
    e->named = 0;
    e->heads = 0;
    e->caps_only = 0;
    e->suffixed = 0;
    e->country = 0;
    e->by_slot = 0;
    e->sector = NULL;
    if (!e->name || kg_extract__map_put(&sc->entnames, &sc->pool, name, len,
                                        id, NULL) != KG_OK)
        return -1;
    return (int32_t)id;
}

/* The trade a word at token i names (class sector: "bank", "lender",
 * "Motors", "carmaker"), within tokens [t0, t1); NULL if none. */
static const char *sector_at(const ex_scratch *sc, uint32_t t0, uint32_t t1,
                             uint32_t i)
{
    uint32_t cls = sc->ex->ecls[EC_SECTOR];
    const char *v = NULL;
    if (cls == (uint32_t)-1 || EX_AT(sc->toks, ex_tok, i).word < 0 ||
        !ex_class_at(sc, cls, i, 1, t0, t1, &v))
        return NULL;
    return v && *v ? v : NULL;
}

static int add_ment(ex_scratch *sc, uint32_t t0, uint32_t a, uint32_t b,
                    int32_t ent, int32_t alt, int src)
{
    ex_ment *m = kg_extract__vec_push(&sc->ments, sizeof *m);
    uint32_t i, idx = (uint32_t)(sc->ments.n - 1);
    if (!m || ent < 0)
        return KG_ENOMEM;
    m->a = a;
    m->b = b;
    m->ent = ent;
    m->alt = alt;
    m->src = (uint8_t)src;
    m->pair = 0;
    m->buyer = 0;
    m->dealref = 0;
    m->maker = -1;
    if (src != MS_COREF) {
        ex_ent *e = &EX_AT(sc->ents, ex_ent, ent);
        e->named++;
        /* "Ardley Bank", "Corby Motors": a trade in the name */
        if (!e->sector)
            for (i = a; i < b && !e->sector; i++)
                e->sector = sector_at(sc, t0, b, i);
    }
    sc->mstart[a - t0] = (int32_t)idx;
    sc->mend[b - 1 - t0] = (int32_t)idx;
    for (i = a; i < b; i++)
        sc->mcov[i - t0] = (int32_t)idx;
    return KG_OK;
}

/* Let mention idx (ending at b-1) cover tokens up to nb ("(HPE)"). */
static void extend_ment(ex_scratch *sc, uint32_t t0, int32_t idx,
                        uint32_t nb)
{
    ex_ment *m = &EX_AT(sc->ments, ex_ment, idx);
    uint32_t i;
    sc->mend[m->b - 1 - t0] = -1;
    for (i = m->b; i < nb; i++)
        sc->mcov[i - t0] = idx;
    m->b = nb;
    sc->mend[nb - 1 - t0] = idx;
}

static int is_punct(const ex_scratch *sc, const ex_tok *t, char c)
{
    return (t->flags & TF_PUNCT) && ex_norm(sc, t)[0] == c &&
           t->norm_len == 1;
}

/* A legal suffix: capitalised ("Corp", "Plc"), or the lowercase "plc" of
 * the British pages, which is no ordinary word */
static int legal_tok(const ex_scratch *sc, const ex_tok *t)
{
    return (ex_wflags(sc, t) & WF_LEGAL) &&
           ((t->flags & TF_CAP) || ex_tok_is(sc, t, "plc"));
}

/* Absorb legal suffixes after a name: "Corp.", ", Inc.", "Co Ltd". */
static uint32_t absorb_legal(const ex_scratch *sc, uint32_t j, uint32_t t1)
{
    const ex_tok *tk = sc->toks.ptr;
    for (;;) {
        if (j < t1 && legal_tok(sc, &tk[j])) {
            j++;
            if (j < t1 && is_punct(sc, &tk[j], '.') &&
                !(tk[j].flags & TF_SPACE_BEFORE) && j + 1 < t1)
                j++;
            continue;
        }
        /* "Merck & Co Inc": "& Co" is the suffix, not a second firm;
         * so is "and Co" in wire copy ("R.H. Macy and Co Inc") */
        if (j + 1 < t1 &&
            (is_punct(sc, &tk[j], '&') ||
             (ex_tok_is(sc, &tk[j], "and") &&
              ex_tok_is(sc, &tk[j + 1], "co"))) &&
            (ex_wflags(sc, &tk[j + 1]) & WF_LEGAL) &&
            (tk[j + 1].flags & TF_CAP) &&
            (j + 2 >= t1 || !(tk[j + 2].flags & TF_CAP) ||
             (ex_wflags(sc, &tk[j + 2]) & WF_LEGAL))) {
            j++;
            continue;
        }
        if (j + 1 < t1 && is_punct(sc, &tk[j], ',') &&
            (ex_wflags(sc, &tk[j + 1]) & WF_LEGAL) &&
            (tk[j + 1].flags & TF_CAP) &&
            (j + 2 >= t1 || !(tk[j + 2].flags & TF_CAP))) {
            j++;
            continue;
        }
        return j;
    }
}

/* Corporate context for an ambiguous name at [a, b). */
static int corporate_context(const ex_scratch *sc, const ex_sent *s,
                             uint32_t a, uint32_t b, int confirmed)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t i, lo = a > s->t0 + 3 ? a - 3 : s->t0;
    uint32_t hi = b + 3 < s->t1 ? b + 3 : s->t1;
    for (i = lo; i < hi; i++)
        if (ex_wflags(sc, &tk[i]) & WF_NOTCORP)
            return 0;
    if (confirmed)
        return 1;
    if (b < s->t1 && (ex_wflags(sc, &tk[b]) & WF_LEGAL))
        return 1;
    for (i = s->t0; i < s->t1; i++)
        if (ex_wflags(sc, &tk[i]) & (WF_CORPCUE | WF_TRIGGER))
            return 1;
    return 0;
}

/* Try the gazetteer at i; returns the end token or i. */
/* Append token i of a lowercase key starting at token a. */
static int key_add_lower(const ex_scratch *sc, kg_buf *out, uint32_t a,
                         uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    if (i > a && (tk[i].flags & TF_SPACE_BEFORE) &&
        kg__buf_putc(out, ' ') != KG_OK)
        return KG_ENOMEM;
    return kg_buf_put(out, ex_norm(sc, &tk[i]), tk[i].norm_len);
}

/*
 * File token k as a person's surname alias of ent; a surname two people
 * of the article share ("Rupert Murdoch", "Lachlan Murdoch") goes to
 * sc->ambig instead, and alone names neither ("Mr Murdoch").
 */
static int surname_put(ex_scratch *sc, uint32_t k, int32_t ent)
{
    const ex_tok *tk = sc->toks.ptr;
    const char *w = sc->doc->text + tk[k].start;
    size_t n = tk[k].end - tk[k].start;
    uint32_t old = (uint32_t)ent;
    int ok, kind;
    if (kg_extract__map_put(&sc->aliases, &sc->pool, w, n, (uint32_t)ent,
                            &old) != KG_OK)
        return KG_ENOMEM;
    if (old == (uint32_t)ent)
        return KG_OK;
    kind = EX_AT(sc->ents, ex_ent, old).kind;
    ok = EX_AT(sc->ents, ex_ent, ent).kind;
    if ((kind == KG_KIND_PERSON || kind < 0) &&
        (ok == KG_KIND_PERSON || ok < 0))
        return kg_extract__map_put(&sc->ambig, &sc->pool, w, n, 1, NULL);
    return KG_OK;
}

/* gaz_at once token i is known to start entries of up to maxk tokens */
static uint32_t gaz_at_first(ex_scratch *sc, const ex_sent *s, uint32_t i,
                             kg_buf *key, int32_t *gent, int allcaps,
                             uint32_t maxk)
{
    const kg_extractor *ex = sc->ex;
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k;
    size_t lens[64];
    if (maxk > s->t1 - i)
        maxk = s->t1 - i;
    /* names continue only over capitalised words and a few joiners */
    for (k = 1; k < maxk; k++) {
        const ex_tok *t = &tk[i + k];
        const char *n = ex_norm(sc, t);
        if ((t->flags & (TF_UPPER | TF_NUM)) || !(t->flags & TF_SPACE_BEFORE))
            continue;
        if (allcaps && (t->flags & TF_WORD))
            continue;
        /* the joiners are all short: most words skip the comparisons */
        if (t->norm_len <= 3 &&
            (strcmp(n, "of") == 0 || strcmp(n, "&") == 0 ||
             strcmp(n, "-") == 0 || strcmp(n, ".") == 0 ||
             strcmp(n, "and") == 0 || strcmp(n, "the") == 0 ||
             strcmp(n, "'s") == 0 || strcmp(n, "de") == 0 ||
             strcmp(n, "for") == 0 || strcmp(n, "+") == 0))
            continue;
        break;
    }
    maxk = k;
    if (maxk >= sizeof lens / sizeof lens[0])
        maxk = sizeof lens / sizeof lens[0] - 1;
    /* the key of i .. i+k is a prefix of the longest one: build that
     * once and look up its prefixes, longest first; key ends up holding
     * the key of the match (or of the first token) */
    kg_buf_clear(key);
    for (k = 1; k <= maxk; k++) {
        if ((allcaps ? key_add_lower(sc, key, i, i + k - 1)
                     : key_add(sc, key, i, i + k - 1)) != KG_OK)
            return i;
        lens[k] = key->len;
    }
    for (k = maxk; k >= 1; k--) {
        uint32_t g;
        if (kg_extract__map_get(allcaps ? &ex->glower : &ex->gnames,
                                key->ptr, lens[k], &g)) {
            key->len = lens[k];
            key->ptr[key->len] = '\0';
            *gent = (int32_t)g;
            return i + k;
        }
    }
    key->len = lens[1];
    key->ptr[key->len] = '\0';
    return i;
}
/*
 * Try the gazetteer at i; returns the end token or i.  In an ALL-CAPS
 * sentence (allcaps != 0) names are looked up case-insensitively.
 */
static inline uint32_t gaz_at(ex_scratch *sc, const ex_sent *s, uint32_t i,
                              kg_buf *key, int32_t *gent, int allcaps)
{
    const ex_tok *t = &EX_AT(sc->toks, ex_tok, i);
    uint32_t maxk;
    /* the lowercase first-token table bounds both cases: one probe with
     * the hash the tokenizer already computed, inline (most words start
     * no name), the rest a call */
    if (!kg_extract__map_get_h(&sc->ex->gfirst_lower, ex_norm(sc, t),
                               t->norm_len, t->h, &maxk))
        return i;
    return gaz_at_first(sc, s, i, key, gent, allcaps, maxk);
}

/*
 * Is the text of tokens [a, b), a form of gazetteer entry ge, the name
 * the article uses for it?  News names a firm in full at first mention
 * in the form of its time ("Hewlett-Packard", "America Online", "Lloyds
 * TSB", "Ford Motor"), and that is the name; entries flagged canonical
 * (NAMES.md) keep theirs, and so do products and a person's surname.
 */
static int surface_name(const ex_gent *ge, uint32_t a, uint32_t b)
{
    if (ge->canonical || ge->kind == KG_KIND_PRODUCT)
        return 0;
    if (ge->kind == KG_KIND_PERSON)
        return b - a >= 2;
    return 1;
}

/*
 * Are tokens [a, b) the former name of entry ge, a name of its time
 * ("Apple Computer", "Macintosh" in 1988 copy)?  Then it is printed as
 * written though the entry is canonical or a product, and later "Apple"
 * is the same firm.
 */
static int former_name(const ex_scratch *sc, const ex_gent *ge, uint32_t a,
                       uint32_t b, kg_buf *key)
{
    if (!ge->former || ge->kind == KG_KIND_PERSON ||
        (ge->kind == KG_KIND_ORG && !ge->canonical) ||
        tok_key(sc, key, a, b) != KG_OK)
        return 0;
    return strlen(ge->former) == key->len &&
           memcmp(ge->former, key->ptr, key->len) == 0;
}

/*
 * The doc entity of gazetteer entry g, first seen as tokens [a, b) (key
 * is scratch).  Later mentions of the entry, in any form, are the same
 * entity.
 */
static int32_t gaz_ent(ex_scratch *sc, int32_t g, uint32_t a, uint32_t b,
                       int allcaps, kg_buf *key)
{
    const ex_gent *ge = &EX_AT(sc->ex->gentv, ex_gent, g);
    const ex_tok *tk = sc->toks.ptr;
    size_t k;
    int32_t ent;
    for (k = 0; k < sc->ents.n; k++)
        if (EX_AT(sc->ents, ex_ent, k).gaz == g)
            break;
    /* "ALLIANZ TO BUY FIREMAN'S FUND" then "Fireman's Fund Insurance Cos":
     * a wire headline in capitals gives the short name, the first line
     * of the story the full one, and that is the name */
    if (k < sc->ents.n && (!EX_AT(sc->ents, ex_ent, k).caps_only ||
                           allcaps || !surface_name(ge, a, b)))
        return (int32_t)k;
    if (k < sc->ents.n) {
        ex_ent *e = &EX_AT(sc->ents, ex_ent, k);
        uint32_t id, q;
        e->caps_only = 0;
        if (ge->kind != KG_KIND_ORG || b < a + 2)
            return (int32_t)k;
        if (ex_tok_is(sc, &tk[b - 1], "company"))
            b--;
        for (q = a; q + 1 < b; q++)
            if ((ex_wflags(sc, &tk[q]) & WF_LEGAL) &&
                ex_tok_is(sc, &tk[q + 1], "of"))
                return (int32_t)k;
        if (tok_key(sc, key, a, b) != KG_OK)
            return -1;
        if (kg_extract__map_get(&sc->entnames, key->ptr, key->len, &id))
            return (int32_t)k;
        if (!(e->name = kg_pool_strndup(&sc->pool, key->ptr, key->len)) ||
            kg_extract__map_put(&sc->entnames, &sc->pool, key->ptr, key->len,
                                (uint32_t)k, NULL) != KG_OK)
            return -1;
        return (int32_t)k;
    }
    /* "US Justice Department", "U.S. Federal Trade Commission": a
     * country code before a form of the name is no part of it ("Saudi
     * Aramco" is a name); nor is a legal form written before it ("AB
     * Volvo", "NV Philips": Volvo, as a suffix would be dropped) */
    while (a + 1 < b &&
           (((ex_wflags(sc, &tk[a]) & WF_NONNAME) &&
             (tk[a].flags & TF_ALLCAPS)) ||
            ((ex_wflags(sc, &tk[a]) & WF_LEGAL) && (tk[a].flags & TF_CAP))) &&
           !(tk[a + 1].flags & TF_PUNCT)) {
        uint32_t g2;
        if (tok_key(sc, key, a + 1, b) != KG_OK)
            return -1;
        if (!kg_extract__map_get(&sc->ex->gnames, key->ptr, key->len, &g2) ||
            (int32_t)g2 != g)
            break;
        a++;
    }
    if (allcaps) {
        ent = ent_get(sc, ge->name, strlen(ge->name), ge->kind, g);
        if (ent >= 0 && EX_AT(sc->ents, ex_ent, ent).named == 0)
            EX_AT(sc->ents, ex_ent, ent).caps_only = 1;
        return ent;
    }
    if (!surface_name(ge, a, b) && !former_name(sc, ge, a, b, key))
        return ent_get(sc, ge->name, strlen(ge->name), ge->kind, g);
    /* "Standard Oil Co of California" is "Standard Oil of California":
     * a legal suffix inside a form is no part of the name */
    for (k = a; k + 1 < b; k++)
        if ((ex_wflags(sc, &tk[k]) & WF_LEGAL) &&
            ex_tok_is(sc, &tk[k + 1], "of"))
            return ent_get(sc, ge->name, strlen(ge->name), ge->kind, g);
    /* "The Walt Disney Company" is written "Walt Disney" */
    if (ge->kind == KG_KIND_ORG && b >= a + 3 &&
        ex_tok_is(sc, &tk[a], "the"))
        a++;
    if (ge->kind == KG_KIND_ORG && b >= a + 2 &&
        ex_tok_is(sc, &tk[b - 1], "company"))
        b--;
    if (tok_key(sc, key, a, b) != KG_OK)
        return -1;
    ent = ent_get(sc, key->ptr, key->len, ge->kind, g);
    if (ent >= 0 && EX_AT(sc->ents, ex_ent, ent).gaz < 0)
        EX_AT(sc->ents, ex_ent, ent).gaz = g;
    return ent;
}

/* "It would also complicate", "It is unclear": an "it" that may stand
 * for a situation rather than a firm (a modal or copula follows) */
static int expletive_it(const ex_scratch *sc, const ex_ment *m)
{
    static const char *const w[] = {"is", "was", "would", "could", "may",
                                    "might", "will", "remains", "seems",
                                    "appears", "'s", "should", "must"};
    const ex_tok *t;
    size_t i;
    if (m->b >= sc->toks.n)
        return 1;
    t = &EX_AT(sc->toks, ex_tok, m->b);
    /* "Its talks with BA broke down, and it ended": "its" is "it" and
     * an "'s" of one letter, no "it's" */
    if (t->end - t->start == 1 && ex_tok_is(sc, t, "'s"))
        return 0;
    for (i = 0; i < sizeof w / sizeof w[0]; i++)
        if (ex_tok_is(sc, t, w[i]))
            return 1;
    return 0;
}

/*
 * A person's former firm told in passing ("Mr King, who joined from
 * Marks & Spencer", "Philip Hampton, formerly of Lloyds TSB", "a former
 * executive at Mozilla"), or the firm of an analyst ("analysts at Morgan
 * Stanley said"): background, no antecedent for a later "the firm" or
 * "it".
 */
static int former_employer(const ex_scratch *sc, const ex_ment *m)
{
    static const char *const prev[] = {"joined", "joins", "joining",
                                       "came", "moved", "poached",
                                       "hired", "recruited", "arrived"};
    static const char *const once[] = {"formerly", "previously", "once",
                                       "ex", "latterly"};
    const ex_tok *tk = sc->toks.ptr;
    const char *w;
    if (m->src == MS_COREF)
        return 0;
    /* "analysts at Morgan Stanley said", "a Barclays analyst": the firm
     * of someone who comments on the story is no party to it */
    if (m->b < sc->toks.n &&
        ex_tok_in(sc, &tk[m->b], EC_COMMENTER))
        return 1;
    if (m->a < 2)
        return 0;
    w = ex_norm(sc, &tk[m->a - 1]);
    if ((strcmp(w, "at") == 0 || strcmp(w, "with") == 0 ||
         strcmp(w, "from") == 0) &&
        ex_tok_in(sc, &tk[m->a - 2], EC_COMMENTER))
        return 1;
    if (strcmp(w, "from") == 0)
        return ex_in_words(ex_norm(sc, &tk[m->a - 2]), prev,
                        sizeof prev / sizeof prev[0]);
    if (strcmp(w, "of") == 0 || strcmp(w, "at") == 0) {
        uint32_t q;
        if (ex_in_words(ex_norm(sc, &tk[m->a - 2]), once,
                     sizeof once / sizeof once[0]))
            return 1;
        /* "a former executive at Mozilla", "the former chief executive
         * of Halmer Steel": a role once held there */
        if (!(ex_wflags(sc, &tk[m->a - 2]) & WF_ROLE))
            return 0;
        for (q = m->a - 2; q > 0 && q + 4 > m->a - 2; q--) {
            const char *n = ex_norm(sc, &tk[q - 1]);
            if (strcmp(n, "former") == 0 || strcmp(n, "erstwhile") == 0 ||
                strcmp(n, "one-time") == 0 || strcmp(n, "onetime") == 0)
                return 1;
            if (!(tk[q - 1].flags & TF_WORD) || (tk[q - 1].flags & TF_CAP))
                return 0;
        }
    }
    return 0;
}

/* "its two bigger rivals", "its closest domestic rival": a rival head
 * within four lowercase words from token p */
static int rivals_after(const ex_scratch *sc, const ex_sent *s, uint32_t p)
{
    static const char *const w[] = {"rival", "rivals", "competitor",
                                    "competitors"};
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q;
    for (q = p; q < s->t1 && q < p + 4; q++) {
        if (ex_in_words(ex_norm(sc, &tk[q]), w, sizeof w / sizeof w[0]))
            return 1;
        if (!(tk[q].flags & TF_WORD) || (tk[q].flags & TF_CAP))
            return 0;
    }
    return 0;
}

/* "the Mervyn's apparel stores", "the Dayton's and Hudson's department
 * stores": after "the" (or "and" a few words after it), a name with "'s"
 * and a few lowercase words up to a noun of outlets (class
 * storenamehead) is the stores' own name, not a possessive ("the BBC's
 * chairman" is one).  j is the "'s" after the name that starts at i. */
static int store_name_poss(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                           uint32_t j)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q, the = i;
    if (i > s->t0 + 2 && ex_tok_is(sc, &tk[i - 1], "and"))
        for (q = i - 2; q > s->t0 && q + 6 > i && the == i; q--)
            if (ex_tok_is(sc, &tk[q], "the") && (tk[q + 1].flags & TF_CAP))
                the = q + 1;
    if (the <= s->t0 || !ex_tok_is(sc, &tk[the - 1], "the"))
        return 0;
    for (q = j + 1; q < s->t1 && q < j + 4; q++) {
        if (!(tk[q].flags & TF_WORD) || (tk[q].flags & TF_CAP))
            return 0;
        if (ex_tok_in(sc, &tk[q], EC_STORENAMEHEAD))
            return 1;
    }
    return 0;
}

/* "Gallaher's chief executive": a name of no known kind with a leader
 * is a firm (the end of the sentence says so too; an anaphor between
 * needs it now) */
static int leader_poss(const ex_scratch *sc, const ex_ment *m)
{
    const ex_tok *tk = sc->toks.ptr;
    return m->src != MS_COREF && m->b + 1 < sc->toks.n &&
           ex_tok_is(sc, &tk[m->b], "'s") &&
           (ex_wflags(sc, &tk[m->b + 1]) & WF_ROLE) &&
           !(ex_wflags(sc, &tk[m->b + 1]) & WF_TITLE);
}

static int public_body(const ex_scratch *sc, int32_t e);
static int reporting_verb(const char *n);
static int clause_opener(const char *n);

/*
 * "Corlander, which bought Pemberton Tool in 1984 after a contest with
 * Havisham Corp, makes pumps through its Vexley unit": a ", which"
 * clause that a comma closes before a lowercase word is an aside about
 * the name before it.  If token p is inside such an aside that closes
 * before token i (so that a pronoun at i is in the main clause), returns
 * the token of "which", else 0.
 */
static uint32_t in_which_aside(const ex_scratch *sc, const ex_sent *s,
                          uint32_t p, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q, open = 0;
    for (q = s->t0 + 1; q < i; q++) {
        const ex_tok *n = q + 1 < s->t1 ? &tk[q + 1] : NULL;
        if (!open) {
            if (q > p)
                return 0;
            if (ex_tok_is(sc, &tk[q], "which") &&
                is_punct(sc, &tk[q - 1], ','))
                open = q;
        } else if (is_punct(sc, &tk[q], ';') || is_punct(sc, &tk[q], ':') ||
                   is_punct(sc, &tk[q], '(')) {
            open = 0;
        } else if (is_punct(sc, &tk[q], ',') && n && (n->flags & TF_WORD) &&
                   !(n->flags & TF_CAP) && !ex_tok_is(sc, n, "and") &&
                   !ex_tok_is(sc, n, "or") &&
                   !(ex_wflags(sc, n) & WF_DET)) {
            if (p > open && p < q)
                return open;
            open = 0;
        }
    }
    return 0;
}

/*
 * "Actavis completed its purchase of Forest Laboratories": a name of
 * no known kind that opens the sentence and is its subject (a verb or an
 * apposition follows, no "'s") is what a main-clause "its" stands for; a
 * person would be "his" or "her".
 */
static int tok_country(const ex_scratch *sc, uint32_t t0, uint32_t k);
static int unknown_opener(const ex_scratch *sc, const ex_sent *s,
                          const ex_ment *m, uint32_t at)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
    size_t k;
    uint32_t b = m->b;
    if (m != (const ex_ment *)sc->ments.ptr || m->src == MS_COREF ||
        e->kind >= 0 || m->b >= s->t1 || m->a > s->t0 + 4 ||
        public_body(sc, m->ent))
        return 0;
    /* "Kestner of Switzerland said it": past the place the name was
     * learnt from */
    if (ex_tok_is(sc, &tk[b], "of") && b + 2 < s->t1) {
        uint32_t q = b + 1;
        if (ex_tok_is(sc, &tk[q], "the"))
            q++;
        if (q < s->t1 && tok_country(sc, s->t0, q) &&
            !(q + 1 < s->t1 && (tk[q + 1].flags & TF_CAP) &&
              (tk[q + 1].flags & TF_SPACE_BEFORE)))
            b = q + 1;
        if (b >= s->t1 || b > at)
            return 0;
    }
    /* "Earlier this year Drayson completed its": a short opening
     * phrase of plain words */
    for (k = s->t0; k < m->a; k++)
        if (!(tk[k].flags & (TF_WORD | TF_NUM)) ||
            (k > s->t0 && (tk[k].flags & TF_CAP)))
            return 0;
    /* "Hallam said the combined company would ... its": a reported
     * clause has a subject of its own, unless the pronoun is it */
    for (k = b; k < at; k++)
        if ((tk[k].flags & TF_WORD) && reporting_verb(ex_norm(sc, &tk[k]))) {
            /* "said it", "said that it", "said on Monday that it" */
            size_t q;
            for (q = k + 1; q < at; q++)
                if (!ex_tok_is(sc, &tk[q], "that") &&
                    !ex_tok_is(sc, &tk[q], "on") &&
                    !(ex_wflags(sc, &tk[q]) & WF_WEEKDAY) &&
                    !ex_tok_is(sc, &tk[q], "yesterday") &&
                    !ex_tok_is(sc, &tk[q], "today"))
                    return 0;
        }
    /* a firm or description after it is the nearer subject */
    for (k = (size_t)(m - (const ex_ment *)sc->ments.ptr) + 1;
         k < sc->ments.n; k++) {
        const ex_ment *x = &EX_AT(sc->ments, ex_ment, k);
        if (EX_AT(sc->ents, ex_ent, x->ent).kind == KG_KIND_ORG ||
            (x->src == MS_COREF && x->b > x->a + 1))
            return 0;
    }
    if (is_punct(sc, &tk[b], ','))
        return b + 1 < s->t1 && ex_tok_is(sc, &tk[b + 1], "the");
    return (tk[b].flags & TF_WORD) && !(tk[b].flags & TF_CAP) &&
           !(ex_wflags(sc, &tk[b]) & WF_STOP);
}

/*
 * "Ferrand Bank's Irish arm, Colgan Trust, is": the mention m that opens
 * the sentence owns what the sentence is about, and a name between
 * commas a few words on says what that is.
 */
static int possessor_opener(const ex_scratch *sc, const ex_sent *s,
                            const ex_ment *m)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q;
    int32_t x;
    if (m->b + 2 >= s->t1 || !ex_tok_is(sc, &tk[m->b], "'s"))
        return 0;
    for (q = m->b + 1; q < s->t1 && q < m->b + 6; q++) {
        if (is_punct(sc, &tk[q], ','))
            break;
        if (!(tk[q].flags & TF_WORD) || sc->mcov[q - s->t0] >= 0)
            return 0;
    }
    if (q + 1 >= s->t1 || !is_punct(sc, &tk[q], ',') ||
        (x = sc->mstart[q + 1 - s->t0]) < 0)
        return 0;
    q = EX_AT(sc->ments, ex_ment, x).b;
    return q < s->t1 && is_punct(sc, &tk[q], ',') &&
           EX_AT(sc->ents, ex_ent, EX_AT(sc->ments, ex_ment, x).ent).kind !=
               KG_KIND_PERSON;
}

/*
 * Does the sentence s open with a comparison ("As well as Comet, ...",
 * "Like Tallis Press,", "Unlike Harrod Mills,", "Besides X,", "Apart from
 * X,") that mention m sits in, with a comma after m and before token at?
 * Such a firm is set beside the main clause's, never its "it" or "its".
 */
int kg_extract__fronted_aside(const ex_scratch *sc, const ex_sent *s,
                              const ex_ment *m, uint32_t at)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t t = s->t0, q;
    if (m->a <= t || m->b >= at || at > s->t1)
        return 0;
    if (t + 3 < s->t1 && ex_tok_is(sc, &tk[t], "as") &&
        ex_tok_is(sc, &tk[t + 1], "well") && ex_tok_is(sc, &tk[t + 2], "as"))
        t += 3;
    else if (t + 2 < s->t1 && (ex_tok_is(sc, &tk[t], "apart") ||
                               ex_tok_is(sc, &tk[t], "aside")) &&
             ex_tok_is(sc, &tk[t + 1], "from"))
        t += 2;
    else if (ex_tok_is(sc, &tk[t], "like") || ex_tok_is(sc, &tk[t], "unlike") ||
             ex_tok_is(sc, &tk[t], "besides"))
        t += 1;
    else
        return 0;
    /* the firm opens the phrase, a word or two in at most ("Like rival
     * Tallis Press,") */
    if (m->a > t + 2)
        return 0;
    for (q = t; q < m->a; q++)
        if (tk[q].flags & TF_PUNCT)
            return 0;
    for (q = m->b; q < at; q++)
        if (is_punct(sc, &tk[q], ','))
            return 1;
    return 0;
}

/* The entity of a mention of sentence s before token at in a fronted
 * comparison (kg_extract__fronted_aside), or -1 */
static int32_t fronted_ent(const ex_scratch *sc, const ex_sent *s,
                           uint32_t at)
{
    size_t k = sc->ments.n;
    while (k-- > 0) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, k);
        if (m->a < s->t0)
            break;
        if (m->src != MS_COREF && m->b <= at &&
            kg_extract__fronted_aside(sc, s, m, at))
            return m->ent;
    }
    return -1;
}

static void org_antecedent_at(const ex_scratch *sc, const ex_sent *s,
                              uint32_t at, int32_t *first, int32_t *second,
                              int object);

/* Does sentence s open with the name of a firm (not a word the
 * gazetteer marks as also an ordinary word: "Courage was needed")? */
static int main_opener(const ex_scratch *sc, const ex_sent *s)
{
    const ex_ment *m;
    const ex_ent *e;
    if (!sc->ments.n)
        return 0;
    m = &EX_AT(sc->ments, ex_ment, 0);
    e = &EX_AT(sc->ents, ex_ent, m->ent);
    return m->a == s->t0 && m->src != MS_COREF && e->kind == KG_KIND_ORG &&
           (e->gaz < 0 || !EX_AT(sc->ex->gentv, ex_gent, e->gaz).ambiguous);
}

static void org_antecedent(const ex_scratch *sc, int32_t *first,
                           int32_t *second, int object)
{
    org_antecedent_at(sc, NULL, 0, first, second, object);
}

/*
 * Candidate antecedents for an org anaphor: the org mentions of this
 * sentence so far (first one first), then the first org of the previous
 * sentence that had one, then the most recent org.  The first two
 * distinct candidates are kept; the second is used when the first would
 * make a self-loop ("Meta ... it paid for a stake in the company").
 * With the sentence s and the anaphor's token at, a subject or
 * possessive pronoun of the main clause also passes over firms named in
 * a ", which" aside and takes a subject of no known kind that opens the
 * sentence; no public body is the antecedent of an earlier sentence.
 */
static void org_antecedent_at(const ex_scratch *sc, const ex_sent *s,
                              uint32_t at, int32_t *first, int32_t *second,
                              int object)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_ment *m = sc->ments.ptr;
    int32_t cand[10], aside = -1, rival = -1;
    size_t i, n = 0, k;
    int32_t topic = -1;
    int blind = 0;
    uint32_t w;
    /* the article's topic: the firm named most often so far, if it is
     * named clearly more often than the others */
    for (k = 0; k < sc->ents.n; k++) {
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, k);
        if (e->kind == KG_KIND_ORG &&
            (topic < 0 || e->named > EX_AT(sc->ents, ex_ent, topic).named))
            topic = (int32_t)k;
    }
    for (i = 0; i < sc->ments.n && n < 6; i++) {
        /* an object "it" prefers the most recent firm of the sentence */
        size_t j = object ? sc->ments.n - 1 - i : i;
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, m[j].ent);
        /* descriptions already resolved count as their firm, and so
         * does a pronoun that opens the sentence ("It wrote off ...,
         * and its purchase of") for a later subject or possessive */
        if (former_employer(sc, &m[j]) || m[j].pair || m[j].dealref)
            continue;
        /* "Halden AI, Corvette's main rival, had agreed to buy the
         * company": the rival's rival is not what it buys */
        if (object && j > 0 && m[j].src != MS_COREF &&
            m[j - 1].b + 1 == m[j].a && m[j].b < sc->toks.n &&
            EX_AT(sc->ents, ex_ent, m[j - 1].ent).kind == KG_KIND_ORG &&
            is_punct(sc, &tk[m[j].a - 1], ',') &&
            ex_tok_is(sc, &tk[m[j].b], "'s")) {
            rival = m[j].ent;
            continue;
        }
        /* "Allied, which bought Bendix after a contest with Martin
         * Marietta, makes ... its": the aside's firms come after the
         * main clause's, and if the name the aside hangs on is none we
         * know, after the earlier sentences' */
        if (s && !object && m[j].src != MS_COREF &&
            (w = in_which_aside(sc, s, m[j].a, at)) != 0) {
            if (w >= s->t0 + 2 && (tk[w - 2].flags & TF_CAP) &&
                sc->mend[w - 2 - s->t0] < 0)
                blind = 1;
            if (aside < 0 && e->kind == KG_KIND_ORG)
                aside = m[j].ent;
            continue;
        }
        /* "Ferrand Bank's Irish arm, Colgan Trust, ...: its sale": the
         * possessor that opens the sentence is not its subject, the
         * name the apposition gives is */
        if (s && !object && m[j].src != MS_COREF && m[j].a == s->t0 &&
            possessor_opener(sc, s, &m[j])) {
            if (aside < 0 && e->kind == KG_KIND_ORG)
                aside = m[j].ent;
            continue;
        }
        /* "As well as Comet, which has 250 stores, its chains include":
         * not Comet's */
        if (s && !object && m[j].src != MS_COREF &&
            kg_extract__fronted_aside(sc, s, &m[j], at))
            continue;
        if (s && !object && unknown_opener(sc, s, &m[j], at)) {
            cand[n++] = m[j].ent;
            continue;
        }
        if ((e->kind == KG_KIND_ORG ||
             (e->kind < 0 && object != 2 && leader_poss(sc, &m[j])) ||
             /* "Chelsea is owned by X, who bought it": a name of
              * unknown kind that opens the sentence beats earlier
              * firms */
             (object == 1 && e->kind < 0 && m[j].src != MS_COREF &&
              j == 0)) &&
            (m[j].src != MS_COREF || m[j].b > m[j].a + 1 ||
             (!object && j == 0 && !expletive_it(sc, &m[j]))))
            cand[n++] = m[j].ent;
    }
    /* "Mohan founded the company": after a person and no firm in the
     * sentence, the firm the article is about */
    if (object == 2 && topic >= 0 && n == 0) {
        for (i = 0; i < sc->ments.n; i++)
            if (m[i].src != MS_COREF &&
                EX_AT(sc->ents, ex_ent, m[i].ent).kind == KG_KIND_PERSON)
                break;
        if (i < sc->ments.n)
            cand[n++] = topic;
    }
    if (aside >= 0 && n > 0)
        cand[n++] = aside;
    *first = *second = -1;
    if (blind && n == 0)
        return;
    /* a subject or possessive with no firm before it in its sentence:
     * the last sentence's subject first */
    if (s && !object && n == 0 && sc->prev_subject >= 0)
        cand[n++] = sc->prev_subject;
    /* nor is the rival named there the firm of an earlier sentence */
    if (rival >= 0)
        for (k = 0; k < n; k++)
            if (cand[k] == rival)
                cand[k] = -1;
    if ((!s || sc->prev_first_org < 0 ||
         !public_body(sc, sc->prev_first_org)) &&
        sc->prev_first_org != rival)
        cand[n++] = sc->prev_first_org;
    if ((!s || sc->last_org < 0 || !public_body(sc, sc->last_org)) &&
        sc->last_org != rival)
        cand[n++] = sc->last_org;
    /* "Corvette Labs has cut off Pinnacle Software ... its models.
     * Halden AI, Corvette's main rival, agreed to buy the company" */
    if (rival >= 0 && sc->prev_second_org != rival)
        cand[n++] = sc->prev_second_org;
    for (k = 0; k < n; k++) {
        if (cand[k] < 0)
            continue;
        if (*first < 0)
            *first = cand[k];
        else if (cand[k] != *first) {
            *second = cand[k];
            break;
        }
    }
}

static uint32_t past_aside(const ex_scratch *sc, const ex_sent *s,
                           uint32_t p);

/*
 * Does a slot a firm's name fills end at token j?  If only, a slot no
 * person's name fills (", which bought", "'s unit": class firmonly;
 * "said on Monday it agreed": "said", a day, class firmsaid); else also
 * one where a person may stand ("bought", "'s acquisition": class
 * firmafter; "'s chairman").
 */
static int firm_after(ex_scratch *sc, const ex_sent *s, uint32_t j,
                      int only)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t cls;
    if (j >= s->t1)
        return 0;
    if ((cls = sc->ex->ecls[EC_FIRMONLY]) != (uint32_t)-1 &&
        ex_class_at(sc, cls, j, 1, s->t0, s->t1, NULL) > 0)
        return 1;
    if ((ex_tok_is(sc, &tk[j], "said") || ex_tok_is(sc, &tk[j], "says")) &&
        (cls = sc->ex->ecls[EC_FIRMSAID]) != (uint32_t)-1 &&
        ex_class_at(sc, cls, past_aside(sc, s, j + 1), 1, s->t0, s->t1,
                    NULL) > 0)
        return 1;
    if (only)
        return 0;
    if (j + 1 < s->t1 && ex_tok_is(sc, &tk[j], "'s") &&
        (cls = sc->ex->ecls[EC_ROLE]) != (uint32_t)-1 &&
        !(ex_wflags(sc, &tk[j + 1]) & WF_TITLE) &&
        ex_class_at(sc, cls, j + 1, 1, s->t0, s->t1, NULL) > 0)
        return 1;
    return (cls = sc->ex->ecls[EC_FIRMAFTER]) != (uint32_t)-1 &&
           ex_class_at(sc, cls, j, 1, s->t0, s->t1, NULL) > 0;
}

/*
 * "Chairman John Akers said", "Chief executive Arun Sarin, who ...": a
 * bare title (not "President", which heads states too) before a person's
 * name at the start of a sentence.  Returns the end of the title, or i.
 */
static uint32_t bare_title(ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    const char *v = NULL;
    uint32_t cls, n, q;
    /* "CEO Rene Obermann said": an acronym title before a name in
     * lowercase letters (not a headline in capitals) */
    if (!(tk[i].flags & TF_CAP) ||
        ((tk[i].flags & TF_ALLCAPS) &&
         (i + 1 >= s->t1 || (tk[i + 1].flags & TF_ALLCAPS))) ||
        tk[i].word < 0 || i + 3 > s->t1 ||
        (!(ex_wflags(sc, &tk[i]) & WF_ROLE) && !ex_tok_is(sc, &tk[i], "chief") &&
         !ex_tok_is(sc, &tk[i], "managing") &&
         !ex_tok_is(sc, &tk[i], "executive")) ||
        (cls = sc->ex->ecls[EC_ROLE]) == (uint32_t)-1 ||
        !(n = ex_class_at(sc, cls, i, 1, s->t0, s->t1, &v)) || !v ||
        (strcmp(v, "CEO") != 0 && strcmp(v, "chairman") != 0 &&
         strcmp(v, "executive chairman") != 0 &&
         strcmp(v, "managing director") != 0))
        return i;
    for (q = i + 1; q < i + n; q++)
        if (tk[q].flags & TF_CAP)
            return i;
    /* the title may end the sentence, and the article: no token after */
    if (q < s->t1 && (ex_wflags(sc, &tk[q]) & WF_TITLE))
        q++;
    if (q + 1 >= s->t1 || !(tk[q].flags & TF_WORD) ||
        !(tk[q].flags & TF_CAP) || (tk[q].flags & TF_NUM) ||
        (ex_wflags(sc, &tk[q]) &
         (WF_STOP | WF_ROLE | WF_LEGAL | WF_ORGWORD | WF_NONNAME)))
        return i;
    /* a first name, or two capitalised words ("Arun Sarin") */
    if (!(ex_wflags(sc, &tk[q]) & WF_FIRSTNAME) &&
        !((tk[q + 1].flags & TF_WORD) && (tk[q + 1].flags & TF_CAP) &&
          !(ex_wflags(sc, &tk[q + 1]) & (WF_LEGAL | WF_ORGWORD))))
        return i;
    return i + n;
}

/*
 * "Celanese, based in New York, makes fibers, chemicals and plastics and
 * competes with Du Pont": a verb of class andverb after "and" with no
 * subject of its own has the sentence's, the mention that opens it (an
 * apposition right after it aside), unless a relative or reported clause
 * or another clause's opener comes between.  Returns that entity or -1.
 */
static uint32_t fronted_end(const ex_scratch *sc, const ex_sent *s);

/*
 * "Orbis, which dominates the market for chips and competes with
 * Tarrant": a relative clause's second verb has the clause's antecedent.
 * i is the "and"; the nearest clause opener before it must be the
 * "which" right after the antecedent's name and a comma (a person's
 * "who ... and is its chairman" is left to the rules of posts).
 * Returns that entity or -1.
 */
static int32_t which_and_subject(const ex_scratch *sc, const ex_sent *s,
                                 uint32_t i, const char *const *stop,
                                 size_t nstop)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q;
    int32_t mi;
    for (q = i; q > s->t0 + 3 && q + 25 > i; q--)
        if (ex_in_words(ex_norm(sc, &tk[q - 1]), stop, nstop))
            break;
    if (q <= s->t0 + 3 || q + 25 <= i ||
        !ex_tok_is(sc, &tk[q - 1], "which") ||
        !is_punct(sc, &tk[q - 2], ',') ||
        (mi = sc->mend[q - 3 - s->t0]) < 0)
        return -1;
    return EX_AT(sc->ments, ex_ment, mi).ent;
}

static int32_t and_subject(ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    static const char *const stop[] = {
        "which", "who", "whose", "that", "but", "while", "whereas",
        "although", "because", "when", "after", "before", "if", "where",
        "said", "says", "told", "announced", "said.", ";", ":", "("};
    const ex_tok *tk = sc->toks.ptr;
    const ex_ment *m0;
    uint32_t cls, v = i + 1, q;
    if (v < s->t1 && ex_tok_is(sc, &tk[v], "also"))
        v++;
    if (v + 1 >= s->t1 || tk[v].word < 0 || (tk[v].flags & TF_CAP) ||
        sc->ments.n == 0 || (cls = sc->ex->ecls[EC_ANDVERB]) == (uint32_t)-1 ||
        !ex_class_at(sc, cls, v, 1, s->t0, s->t1, NULL))
        return -1;
    /* "sells chips to Vantor and rivals such as Orbis": a noun there */
    if (ex_tok_is(sc, &tk[v + 1], "such") ||
        ex_tok_is(sc, &tk[v + 1], "including") ||
        ex_tok_is(sc, &tk[v + 1], "like") || is_punct(sc, &tk[v + 1], ','))
        return -1;
    {
        int32_t w = which_and_subject(sc, s, i, stop,
                                      sizeof stop / sizeof stop[0]);
        if (w >= 0)
            return EX_AT(sc->ents, ex_ent, w).kind == KG_KIND_PRODUCT ? -1
                                                                     : w;
    }
    /* the first name of the sentence, or of its main clause after a
     * fronted one ("Founded in 2021, Anthropic is ... and competes") */
    {
        uint32_t f = fronted_end(sc, s);
        int32_t mi = f < s->t1 ? sc->mstart[f - s->t0] : -1;
        if (mi < 0)
            return -1;
        m0 = &EX_AT(sc->ments, ex_ment, mi);
    }
    if (m0->b >= i || i - m0->b > 40 ||
        EX_AT(sc->ents, ex_ent, m0->ent).kind == KG_KIND_PRODUCT)
        return -1;
    q = m0->b;
    /* "Its software helps ... and competes": the subject is the thing
     * owned, not the owner */
    if (ex_tok_is(sc, &tk[m0->a], "its") || ex_tok_is(sc, &tk[m0->a], "their") ||
        ex_tok_is(sc, &tk[q], "'s"))
        return -1;
    /* "Celanese, based in New York, makes": the apposition */
    if (is_punct(sc, &tk[q], ',')) {
        for (q++; q < i && !is_punct(sc, &tk[q], ','); q++)
            ;
        if (q >= i)
            return -1;
        q++;
    }
    for (; q < i; q++)
        if (ex_in_words(ex_norm(sc, &tk[q]), stop, sizeof stop / sizeof stop[0]))
            return -1;
    return m0->ent;
}

/*
 * "as chief executive", "named interim chief executive": a role of
 * class role at i (CEO, chairman, president, managing director and
 * their interim and co- forms) right after "as", "named", "appointed"
 * or "elected", and followed by no firm ("of", "at", "for",
 * "'s", a capitalised word).  Returns the end of the role, or i.
 */
static uint32_t bare_post(ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    /* ("became chairman" in a merger story is often a post at the
     * combined firm, which the story need not name: not taken) */
    static const char *const before[] = {"as", "named", "appointed",
                                         "elected"};
    const ex_tok *tk = sc->toks.ptr;
    const char *v = NULL;
    uint32_t cls, n, q;
    size_t k;
    int ok = 0;
    for (k = 0; k < sizeof before / sizeof before[0] && !ok; k++)
        ok = ex_tok_is(sc, &tk[i - 1], before[k]);
    /* "joins Tessin Corp as chairman": the firm named right before
     * "as" holds the post (the rules read it there) */
    if (ok && ex_tok_is(sc, &tk[i - 1], "as") && i >= s->t0 + 2) {
        int32_t mi = sc->mend[i - 2 - s->t0];
        if (mi >= 0 &&
            EX_AT(sc->ents, ex_ent, EX_AT(sc->ments, ex_ment, mi).ent)
                    .kind == KG_KIND_ORG)
            return i;
    }
    if (!ok || (tk[i].flags & TF_CAP) || (cls = sc->ex->ecls[EC_ROLE]) == (uint32_t)-1 ||
        !(n = ex_class_at(sc, cls, i, 1, s->t0, s->t1, &v)) || !v ||
        (strcmp(v, "CEO") != 0 && strcmp(v, "chairman") != 0 &&
         strcmp(v, "executive chairman") != 0 && strcmp(v, "president") != 0 &&
         strcmp(v, "interim CEO") != 0 && strcmp(v, "co-CEO") != 0 &&
         strcmp(v, "managing director") != 0))
        return i;
    /* "Ostler Corp named N, 48, to succeed M as president": the firm
     * that names him is told, and the rules read the role there */
    for (k = 0; k < sc->ments.n; k++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, k);
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
        if (m->a >= s->t0 && m->b < i && e->kind != KG_KIND_PERSON &&
            (ex_tok_is(sc, &tk[m->b], "named") ||
             ex_tok_is(sc, &tk[m->b], "appointed") ||
             ex_tok_is(sc, &tk[m->b], "elected") ||
             ex_tok_is(sc, &tk[m->b], "names") ||
             ex_tok_is(sc, &tk[m->b], "appoints") ||
             ex_tok_is(sc, &tk[m->b], "promoted") ||
             ex_tok_is(sc, &tk[m->b], "picked") ||
             ex_tok_is(sc, &tk[m->b], "hired")))
            return i;
    }
    q = i + n;
    if (q < s->t1 &&
        ((tk[q].flags & TF_CAP) || ex_tok_is(sc, &tk[q], "of") ||
         ex_tok_is(sc, &tk[q], "at") || ex_tok_is(sc, &tk[q], "for") ||
         ex_tok_is(sc, &tk[q], "'s") || ex_tok_is(sc, &tk[q], "and") ||
         ex_tok_is(sc, &tk[q], "-")))
        return i;
    return q;
}

/* The firm the story is about: the firm named most often so far (ties:
 * the first named), or a name of unknown kind named more often still
 * ("Aer Lingus" thrice, "Ryanair" twice); else the first firm of the
 * last sentence that had one. */
static int32_t story_firm(const ex_scratch *sc)
{
    int32_t topic = -1, unk = -1;
    size_t k;
    for (k = 0; k < sc->ents.n; k++) {
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, k);
        int32_t *best = e->kind == KG_KIND_ORG ? &topic
                        : e->kind < 0          ? &unk
                                               : NULL;
        if (best && e->named > 0 &&
            (*best < 0 || e->named > EX_AT(sc->ents, ex_ent, *best).named))
            *best = (int32_t)k;
    }
    if (unk >= 0 && EX_AT(sc->ents, ex_ent, unk).named >= 2 &&
        (topic < 0 || EX_AT(sc->ents, ex_ent, unk).named >
                          EX_AT(sc->ents, ex_ent, topic).named))
        topic = unk;
    return topic >= 0 ? topic : sc->prev_first_org;
}

/*
 * "..., and now Bayer has sealed its offer": a firm that opens a later
 * clause and stands a few words before a subject or possessive "it(s)"
 * is its antecedent, not the sentence's first firm.  Returns the entity
 * or -1.
 */
static int32_t clause_subject(const ex_scratch *sc, const ex_sent *s,
                              uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j = i, words = 0, a;
    int32_t mi;
    const ex_ment *m;
    const char *w;
    while (j > s->t0 && words < 4 && sc->mend[j - 1 - s->t0] < 0 &&
           (tk[j - 1].flags & TF_WORD)) {
        j--;
        words++;
    }
    if (j == s->t0 || words == 0 || (mi = sc->mend[j - 1 - s->t0]) < 0)
        return -1;
    m = &EX_AT(sc->ments, ex_ment, mi);
    if (m->src == MS_COREF ||
        EX_AT(sc->ents, ex_ent, m->ent).kind != KG_KIND_ORG)
        return -1;
    a = m->a;
    if (a == s->t0)
        return m->ent;
    w = ex_norm(sc, &tk[a - 1]);
    if (strcmp(w, "now") == 0 && a - 1 > s->t0)
        w = ex_norm(sc, &tk[a - 2]);
    if (strcmp(w, ",") == 0 || strcmp(w, ";") == 0 ||
        strcmp(w, "and") == 0 || strcmp(w, "but") == 0 ||
        strcmp(w, "while") == 0 || strcmp(w, "whereas") == 0 ||
        /* "at a time when Airbus is losing orders to its rival" */
        strcmp(w, "when") == 0 || strcmp(w, "because") == 0 ||
        strcmp(w, "although") == 0 || strcmp(w, "though") == 0)
        return m->ent;
    return -1;
}

/*
 * "Two years after paying $85 billion for Time Warner, AT&T is getting
 * out", "A year after its takeover of X, Y has put": a sentence that
 * opens with a clause of time or concession (a few words of time may
 * come first) has its subject after that clause's comma.  Returns the
 * token there when a name starts at it, else s->t0.
 */
static uint32_t fronted_end(const ex_scratch *sc, const ex_sent *s)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q = s->t0, lim;
    while (q < s->t1 && q < s->t0 + 3 &&
           !ex_tok_in(sc, &tk[q], EC_FRONTCLAUSE) &&
           ((tk[q].flags & TF_NUM) ||
            ((tk[q].flags & TF_WORD) && !(tk[q].flags & TF_CAP && q > s->t0) &&
             sc->mcov[q - s->t0] < 0)))
        q++;
    if (q >= s->t1 || !ex_tok_in(sc, &tk[q], EC_FRONTCLAUSE))
        return s->t0;
    for (lim = q + 30; q < s->t1 && q < lim; q++)
        if (is_punct(sc, &tk[q], ','))
            break;
    if (q + 1 >= s->t1 || q >= lim || sc->mstart[q + 1 - s->t0] < 0)
        return s->t0;
    return q + 1;
}

/*
 * "when it bought the car business from AB Volvo", "refused to lend it
 * the money": what a firm buys, sells or lends to (which EC_OBJVERB; with
 * EC_ACQUIRE, what it buys) is not that firm.  Returns the entity of the
 * mention that ends a few lowercase words (no clause opener; a day or
 * month may stand among them) before such a verb ending right before
 * token i, or -1.
 */
static int32_t verb_subject(ex_scratch *sc, const ex_sent *s, uint32_t i,
                            int which)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t cls = sc->ex->ecls[which], n, q, words = 0;
    int32_t mi;
    if (cls == (uint32_t)-1 || i < s->t0 + 2 ||
        !(n = ex_class_at(sc, cls, i - 1, -1, s->t0, s->t1, NULL)))
        return -1;
    for (q = i - n; q > s->t0 && words < 5 && sc->mend[q - 1 - s->t0] < 0;
         q--, words++)
        if (!(tk[q - 1].flags & TF_WORD) ||
            ((tk[q - 1].flags & TF_CAP) &&
             !(ex_wflags(sc, &tk[q - 1]) & (WF_MONTH | WF_WEEKDAY))) ||
            /* "its board agreed to sell the carrier": the owner's */
            ex_tok_is(sc, &tk[q - 1], "'s") ||
            ex_tok_in(sc, &tk[q - 1], EC_SUBJECTSTOP))
            return -1;
    if (q == s->t0 || (mi = sc->mend[q - 1 - s->t0]) < 0)
        return -1;
    return EX_AT(sc->ments, ex_ment, mi).ent;
}

static int unit_head(const char *n);

/*
 * A unit ("the car business", "the film unit") at i, head its last
 * word, is not the subject of the verb before it (verb_subject); nor
 * mostly any firm the article names, so with that subject as its first
 * candidate a1 it stands for none.  ("Unilever will acquire the company"
 * or "Corvo bought it" take the next candidate as any self-tie does.)
 */
static void not_verb_subject(ex_scratch *sc, const ex_sent *s, uint32_t i,
                             const ex_tok *head, int32_t *a1, int32_t *a2)
{
    if (unit_head(ex_norm(sc, head)) && *a1 >= 0 &&
        *a1 == verb_subject(sc, s, i, EC_OBJVERB))
        *a1 = *a2 = -1;
}

/*
 * The entity of mention mi as the firm an "it(s)" stands for: a name of
 * no known kind becomes a firm; a pronoun's own mention, a person or a
 * product, and with no_body a public body, give -1.
 */
static int32_t named_firm(ex_scratch *sc, int32_t mi, int no_body)
{
    const ex_ment *m = &EX_AT(sc->ments, ex_ment, mi);
    ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
    if (m->src == MS_COREF || (e->kind >= 0 && e->kind != KG_KIND_ORG) ||
        (no_body && public_body(sc, m->ent)))
        return -1;
    e->kind = KG_KIND_ORG;
    return m->ent;
}

/*
 * "the threat from Quillfeather and its backer": a possessive "its"
 * right after "NAME and" is NAME's (a name of no known kind is then a
 * firm).  Not before "other": in "Gaviscon and its other medicines" the
 * name is one of the things "its" owns.  Returns the entity or -1.
 */
static int32_t and_its(ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    int32_t mi;
    uint32_t q;
    if (i + 2 < s->t1 && ex_tok_is(sc, &tk[i + 2], "other"))
        return -1;
    /* "seized Bank of New England and two of its subsidiaries": a count
     * between "and" and "its" */
    if (i >= s->t0 + 4 && ex_tok_is(sc, &tk[i - 1], "of") &&
        ((tk[i - 2].flags & TF_NUM) ||
         ex_tok_in(sc, &tk[i - 2], EC_COUNTWORD)) &&
        ex_tok_is(sc, &tk[i - 3], "and"))
        i -= 2;
    if (i < s->t0 + 2 || !ex_tok_is(sc, &tk[i - 1], "and") ||
        (mi = sc->mend[i - 2 - s->t0]) < 0)
        return -1;
    q = EX_AT(sc->ments, ex_ment, mi).a;
    /* "sold its Marriott hotels and its 50% stake in Pizza Hut": after
     * "its X ... and", the second "its" is the first again */
    if (q > s->t0 + 1 && ex_tok_is(sc, &tk[q - 1], "'s") &&
        ex_tok_is(sc, &tk[q - 2], "it"))
        return -1;
    /* "sold its Benton unit to Ashford and its Carlow unit to Dorset": a
     * second "its ... to" after "to X and" is the first "its" again */
    if (q > s->t0 + 2 && ex_tok_is(sc, &tk[q - 1], "to")) {
        uint32_t j, to_after = 0, its_before = 0;
        for (j = i + 1; j < s->t1 && j < i + 7; j++)
            if (ex_tok_is(sc, &tk[j], "to")) {
                to_after = 1;
                break;
            }
        for (j = s->t0; j + 1 < q - 1; j++)
            if (ex_tok_is(sc, &tk[j], "it") && ex_tok_is(sc, &tk[j + 1], "'s")) {
                its_before = 1;
                break;
            }
        if (to_after && its_before)
            return -1;
    }
    return named_firm(sc, mi, 1);
}

/*
 * "Stephen Ward will become Lenovo's chief executive, while Yang
 * Yuanqing, its current boss, will become chairman": an "its" in a
 * person's apposition, in a clause after the sentence's first, is the
 * firm named last before the person.  Returns the entity or -1.
 */
static int32_t person_appos_its(const ex_scratch *sc, const ex_sent *s,
                                uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_ment *pm;
    const ex_ent *pe;
    int32_t mi;
    size_t k;
    if (i < s->t0 + 3 || !is_punct(sc, &tk[i - 1], ',') ||
        (mi = sc->mend[i - 2 - s->t0]) < 0)
        return -1;
    pm = &EX_AT(sc->ments, ex_ment, mi);
    pe = &EX_AT(sc->ents, ex_ent, pm->ent);
    if (pm->src == MS_COREF || pm->a < s->t0 + 2 ||
        !(pe->kind == KG_KIND_PERSON ||
          (pe->kind < 0 && pm->b - pm->a >= 2 && pm->b - pm->a <= 3)) ||
        !(ex_tok_is(sc, &tk[pm->a - 1], "while") ||
          ex_tok_is(sc, &tk[pm->a - 1], "whereas") ||
          ex_tok_is(sc, &tk[pm->a - 1], "and") ||
          ex_tok_is(sc, &tk[pm->a - 1], "but")))
        return -1;
    for (k = (size_t)mi; k-- > 0;) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, k);
        if (EX_AT(sc->ents, ex_ent, m->ent).kind == KG_KIND_ORG &&
            !public_body(sc, m->ent))
            return m->ent;
    }
    return -1;
}

/*
 * "Morioka would keep its name and its brand": a possessive "its" a few
 * plain words after another "its" of the clause is the same firm's.
 * Returns the entity or -1.
 */
static int32_t its_again(const ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j;
    int32_t mi;
    for (j = i; j > s->t0 && j + 7 > i; j--) {
        const ex_tok *t = &tk[j - 1];
        if ((mi = sc->mcov[j - 1 - s->t0]) >= 0) {
            const ex_ment *m = &EX_AT(sc->ments, ex_ment, mi);
            return m->src == MS_COREF && m->b == m->a + 1 &&
                           j - 1 + 2 < s->t1 &&
                           ex_tok_is(sc, &tk[j], "'s")
                       ? m->ent
                       : -1;
        }
        if (ex_tok_is(sc, t, "'s"))
            continue;
        if (!(t->flags & TF_WORD) || (t->flags & TF_CAP) ||
            reporting_verb(ex_norm(sc, t)) || clause_opener(ex_norm(sc, t)))
            if (!ex_tok_is(sc, t, "and"))
                return -1;
    }
    return -1;
}

/*
 * "..., while Brightline Networks will build and supply the hardware
 * through its unit", "said Sharp would keep its name": a firm that
 * opens the clause the pronoun is in (after "while", "whereas", "but",
 * "said" or "said that") is its antecedent, up to ten plain words
 * before it.  Returns the entity or -1.
 */
static int32_t lead_subject(const ex_scratch *sc, const ex_sent *s,
                              uint32_t i)
{
    static const char *const w[] = {"while", "whereas", "but", "said",
                                    "says", "that"};
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j = i, words = 0;
    int32_t mi;
    const ex_ment *m;
    /* "supply the hardware, including its": a comma before a
     * lowercase word does not end the clause */
    while (j > s->t0 && words < 12 && sc->mcov[j - 1 - s->t0] < 0 &&
           (((tk[j - 1].flags & TF_WORD) && !(tk[j - 1].flags & TF_CAP) &&
             !ex_in_words(ex_norm(sc, &tk[j - 1]), w,
                          sizeof w / sizeof w[0])) ||
            (is_punct(sc, &tk[j - 1], ',') && j < i &&
             (tk[j].flags & TF_WORD) && !(tk[j].flags & TF_CAP) &&
             !ex_tok_is(sc, &tk[j], "and") && !ex_tok_is(sc, &tk[j], "but") &&
             !clause_opener(ex_norm(sc, &tk[j]))))) {
        j--;
        words++;
    }
    if (j < s->t0 + 2 || words == 0 || (mi = sc->mend[j - 1 - s->t0]) < 0)
        return -1;
    m = &EX_AT(sc->ments, ex_ment, mi);
    /* a name of no known kind too ("said Morioka Electric would keep
     * its name"): a person would be "his" or "her" */
    if (m->src == MS_COREF || m->a <= s->t0 ||
        (EX_AT(sc->ents, ex_ent, m->ent).kind >= 0 &&
         EX_AT(sc->ents, ex_ent, m->ent).kind != KG_KIND_ORG) ||
        !ex_in_words(ex_norm(sc, &tk[m->a - 1]), w, sizeof w / sizeof w[0]))
        return -1;
    /* "that" only after a reporting verb ("said that Sharp would") */
    if (ex_tok_is(sc, &tk[m->a - 1], "that") &&
        (m->a < s->t0 + 2 || !reporting_verb(ex_norm(sc, &tk[m->a - 2]))))
        return -1;
    return m->ent;
}

/*
 * "A group led by Arnold Pascoe told the Securities and Exchange
 * Commission it holds 7.2 pct": the firm told right before a subject "it"
 * is whom the speaker addresses, never the speaker.  Returns that firm's
 * entity or -1; *teller gets the mention that ends right before "told"
 * (the speaker, or the person leading it), or -1.
 */
static int32_t addressee(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                         int32_t *teller)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_ment *m;
    int32_t mi;
    uint32_t a;
    *teller = -1;
    if (i < s->t0 + 2 || (mi = sc->mend[i - 1 - s->t0]) < 0)
        return -1;
    m = &EX_AT(sc->ments, ex_ment, mi);
    a = m->a;
    if (m->src == MS_COREF || a < s->t0 + 1)
        return -1;
    if (ex_tok_is(sc, &tk[a - 1], "the") && a > s->t0 + 1)
        a--;
    if (!ex_tok_is(sc, &tk[a - 1], "told") &&
        !ex_tok_is(sc, &tk[a - 1], "tells") &&
        !ex_tok_is(sc, &tk[a - 1], "informed") &&
        !ex_tok_is(sc, &tk[a - 1], "notified"))
        return -1;
    if (a >= s->t0 + 2 && (mi = sc->mend[a - 2 - s->t0]) >= 0 &&
        EX_AT(sc->ments, ex_ment, mi).ent != m->ent)
        *teller = EX_AT(sc->ments, ex_ment, mi).ent;
    return m->ent;
}

/*
 * "Marbeck said on Thursday it had agreed to buy": a subject "it" a few
 * words after "NAME said" is NAME, and a name of unknown kind is then a
 * firm (a person would be "he" or "she").  Returns the entity or -1.
 */
static int32_t speaker_subject(ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j = i, words = 0;
    int32_t mi;
    while (j > s->t0 && words < 5 && sc->mcov[j - 1 - s->t0] < 0 &&
           (tk[j - 1].flags & TF_WORD) &&
           !reporting_verb(ex_norm(sc, &tk[j - 1]))) {
        j--;
        words++;
    }
    /* "said it" needs no help; "said on Thursday it" does */
    if (j < s->t0 + 2 || !reporting_verb(ex_norm(sc, &tk[j - 1])) ||
        ex_tok_is(sc, &tk[j - 1], "told") ||
        (mi = sc->mend[j - 2 - s->t0]) < 0)
        return -1;
    /* "UAL Corp's United Airlines said it ordered": the speaker is the
     * unit named, not the sentence's first firm, its owner */
    if (words == 0) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, mi);
        if (m->src == MS_COREF || m->a < s->t0 + 2 ||
            !ex_tok_is(sc, &tk[m->a - 1], "'s") ||
            sc->mend[m->a - 2 - s->t0] < 0)
            return -1;
    }
    return named_firm(sc, mi, 0);
}

/*
 * "the Federal Trade Commission, which has taken a tougher line under
 * its chair": a subject or possessive "it(s)" inside a "which" clause is
 * the firm the clause hangs on.  Returns the entity or -1.
 */
static int32_t relative_head(const ex_scratch *sc, const ex_sent *s,
                             uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k, p;
    int32_t mi;
    for (k = i; k > s->t0 && k + 12 > i; k--) {
        const ex_tok *t = &tk[k - 1];
        /* "which required Sprint to sell its": a firm in between */
        if (is_punct(sc, t, ';') || is_punct(sc, t, ':') ||
            (ex_wflags(sc, t) & WF_PRONOUN) ||
            ((mi = sc->mend[k - 1 - s->t0]) >= 0 &&
             EX_AT(sc->ents, ex_ent, EX_AT(sc->ments, ex_ment, mi).ent)
                     .kind == KG_KIND_ORG))
            return -1;
        if (!ex_tok_is(sc, t, "which"))
            continue;
        /* "Harker Mobile, which it owns jointly with": "which" is the
         * object of the clause, and "it" another firm */
        if (k == i)
            return -1;
        p = k - 1;
        if (p > s->t0 && is_punct(sc, &tk[p - 1], ','))
            p--;
        if (p == s->t0 || (mi = sc->mend[p - 1 - s->t0]) < 0)
            return -1;
        /* a name of unknown kind before ", which" is no person (who) */
        if (EX_AT(sc->ents, ex_ent, EX_AT(sc->ments, ex_ment, mi).ent)
                    .kind != KG_KIND_ORG &&
            !(EX_AT(sc->ents, ex_ent, EX_AT(sc->ments, ex_ment, mi).ent)
                      .kind < 0 &&
              p < k - 1))
            return -1;
        return EX_AT(sc->ments, ex_ment, mi).ent;
    }
    return -1;
}

/*
 * "The Thomson family, through its holding company Woodbridge": the last
 * mention of ent before token i in s is followed by "family": the
 * pronoun is the family's, which is no firm.
 */
static int family_of(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                     int32_t ent)
{
    const ex_tok *tk = sc->toks.ptr;
    size_t k = sc->ments.n;
    while (k-- > 0) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, k);
        if (m->a < s->t0)
            break;
        if (m->ent != ent || m->b > i || m->src == MS_COREF)
            continue;
        return m->b < s->t1 && (ex_tok_is(sc, &tk[m->b], "family") ||
                                ex_tok_is(sc, &tk[m->b], "families"));
    }
    return 0;
}

/* "required Sprint to sell its prepaid business": the firm before "to
 * VERB its" does the selling.  Returns the entity or -1. */
static int32_t control_subject(const ex_scratch *sc, const ex_sent *s,
                               uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    int32_t mi;
    if (i < s->t0 + 3 || !(tk[i - 1].flags & TF_WORD) ||
        !ex_tok_is(sc, &tk[i - 2], "to") ||
        (mi = sc->mend[i - 3 - s->t0]) < 0)
        return -1;
    if (EX_AT(sc->ments, ex_ment, mi).src == MS_COREF ||
        EX_AT(sc->ents, ex_ent, EX_AT(sc->ments, ex_ment, mi).ent).kind !=
            KG_KIND_ORG)
        return -1;
    return EX_AT(sc->ments, ex_ment, mi).ent;
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n > k && memcmp(s + n - k, suf, k) == 0;
}

/*
 * The bit of a specific description head ("drugmaker", "carrier",
 * "retailer"), 0 for other words and for heads any firm gets ("company",
 * "group", "firm").
 */
static uint32_t head_bit(const ex_scratch *sc, const ex_tok *t)
{
    static const char *const generic[] = {
        "company", "firm", "group", "business", "concern", "entity",
        "enterprise", "corporation", "outfit", "player", "partner", "rival",
        "parent", "owner", "buyer", "investor", "unit", "subsidiary",
        "giant", "acquirer", "operator", "platform", "titan", "behemoth"};
    const char *n = ex_norm(sc, t);
    size_t i;
    if (t->word < 0 || !(ex_wflags(sc, t) & WF_ORGHEAD))
        return 0;
    for (i = 0; i < sizeof generic / sizeof generic[0]; i++)
        if (strcmp(n, generic[i]) == 0)
            return 0;
    return 1u << ((uint32_t)t->word % 32);
}

/*
 * "The drugmaker said": if the antecedent a1 was never called so but
 * another firm of the article was, that firm (the most often named one).
 */
static int public_body(const ex_scratch *sc, int32_t e);

/* The firm the article names most so far that is no public body, or -1
 * ("Vantor Telecom ... Ofcom said ... The group also agreed") */
static int32_t firm_topic(const ex_scratch *sc)
{
    int32_t best = -1;
    size_t k;
    for (k = 0; k < sc->ents.n; k++) {
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, k);
        if (e->kind == KG_KIND_ORG && e->named > 0 &&
            (best < 0 || e->named > EX_AT(sc->ents, ex_ent, best).named) &&
            !public_body(sc, (int32_t)k))
            best = (int32_t)k;
    }
    return best;
}

/* ---- where firms are based ----------------------------------------- */

/*
 * The words that say where a firm is based ("the Swiss group", "the
 * London-based bank", "the Akron, Ohio-based tire maker") are data:
 * src/extract/data/places.tsv, one "word<TAB>cc" a line.  Each is filed
 * in ex->places under its line's index in ex->placev, which keeps the
 * country's code and where the word's space is (two-word places such as
 * "new york"), so that a token costs a probe or two.
 */
typedef struct ex_place {
    uint32_t sp; /* offset of the space in a two-word place, else 0 */
    int cc;      /* kg_extract__country_code */
} ex_place;

int kg_extract__places_load(kg_extractor *ex, const char *text, size_t len,
                            kg_error *err)
{
    const char *p = text, *end = text + len;
    long line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end, *tab;
        ex_place *pl;
        size_t wl;
        uint32_t v;
        line++;
        if (e > p && e[-1] == '\r')
            e--;
        if (e == p || *p == '#')
            goto next;
        tab = memchr(p, '\t', (size_t)(e - p));
        wl = tab ? (size_t)(tab - p) : 0;
        if (!tab || wl == 0 || wl >= 39 ||
            !kg_extract__country_code(tab + 1, (size_t)(e - tab - 1)))
            return kg_error_set(err, KG_EINVAL,
                                "places.tsv:%ld: expected a lowercase place, "
                                "a tab and a known country's two letters",
                                line);
        if (kg_extract__map_get(&ex->places, p, wl, &v))
            goto next; /* listed twice: the first line wins */
        if (!(pl = kg_extract__vec_push(&ex->placev, sizeof *pl)))
            return kg_error_set(err, KG_ENOMEM, "out of memory");
        pl->cc = kg_extract__country_code(tab + 1, (size_t)(e - tab - 1));
        pl->sp = 0;
        {
            const char *sp = memchr(p, ' ', wl);
            if (sp)
                pl->sp = (uint32_t)(sp - p);
        }
        if (kg_extract__map_put(&ex->places, &ex->pool, p, wl,
                                (uint32_t)(ex->placev.n - 1), NULL) != KG_OK)
            return kg_error_set(err, KG_ENOMEM, "out of memory");
    next:
        p = nl ? nl + 1 : end;
    }
    return KG_OK;
}

/* The country code of word n (with the word before it, p, for two-word
 * places; either may be NULL), 0 if none.  A "-based" ending is
 * ignored.  The first line of places.tsv that fits wins: n itself, or
 * "p n" for a two-word place. */
static int place_country(const kg_extractor *ex, const char *p,
                         const char *n, size_t len)
{
    char key[80];
    size_t pl;
    uint32_t v, best = UINT32_MAX;
    if (len > 6 && memcmp(n + len - 6, "-based", 6) == 0)
        len -= 6;
    if (len == 0 || len >= 39)
        return 0;
    if (kg_extract__map_get(&ex->places, n, len, &v) &&
        EX_AT(ex->placev, ex_place, v).sp == 0)
        best = v;
    if (p && (pl = strlen(p)) + 1 + len < sizeof key) {
        memcpy(key, p, pl);
        key[pl] = ' ';
        memcpy(key + pl + 1, n, len);
        if (kg_extract__map_get(&ex->places, key, pl + 1 + len, &v) &&
            v < best && EX_AT(ex->placev, ex_place, v).sp == pl)
            best = v;
    }
    return best == UINT32_MAX ? 0 : EX_AT(ex->placev, ex_place, best).cc;
}

/* The country token k names, if any ("Swiss", "London-based", "York"
 * of "New York") */
static int tok_country(const ex_scratch *sc, uint32_t t0, uint32_t k)
{
    const ex_tok *tk = sc->toks.ptr;
    const char *n = ex_norm(sc, &tk[k]);
    if (!(tk[k].flags & TF_WORD) || tk[k].norm_len < 2 ||
        (!(tk[k].flags & TF_CAP) &&
         !(tk[k].norm_len > 6 &&
           memcmp(n + tk[k].norm_len - 6, "-based", 6) == 0)))
        return 0;
    return place_country(sc->ex, k > t0 ? ex_norm(sc, &tk[k - 1]) : NULL, n,
                         tk[k].norm_len);
}

/* The country a description [a, b) gives its firm ("the Swiss group",
 * "the London-based bank"), 0 if none or two ("the Anglo-Dutch group") */
static int desc_country(const ex_scratch *sc, const ex_sent *s, uint32_t a,
                        uint32_t b)
{
    uint32_t k;
    int c = 0, ck;
    for (k = a; k < b && k < s->t1; k++)
        if ((ck = tok_country(sc, s->t0, k)) != 0) {
            if (c && ck != c)
                return 0;
            c = ck;
        }
    return c;
}

/* Where entity e is based, as far as the article or gazetteer says */
static int ent_country(const ex_scratch *sc, int32_t e)
{
    const ex_ent *en = &EX_AT(sc->ents, ex_ent, e);
    if (en->country)
        return en->country;
    return en->gaz >= 0 ? EX_AT(sc->ex->gentv, ex_gent, en->gaz).country : 0;
}

/*
 * A description that says where its firm is based ("the Swiss group")
 * stands for a firm based there: the antecedent a1 if it is, else a2,
 * else the article's firm based there named most; a firm known to be
 * based elsewhere is none ("AstraZeneca ... rivals such as Roche. The
 * Swiss group owns" is Roche).
 */
static void prefer_country(const ex_scratch *sc, int dc, int32_t *a1,
                           int32_t *a2)
{
    int32_t best = -1;
    size_t k;
    int c1;
    if (!dc || *a1 < 0 || (c1 = ent_country(sc, *a1)) == dc)
        return;
    if (*a2 >= 0 && ent_country(sc, *a2) == dc) {
        *a1 = *a2;
        *a2 = -1;
        return;
    }
    for (k = 0; k < sc->ents.n; k++) {
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, k);
        /* a name of no known kind the article placed ("Harcastle of
         * Britain", "London-based Pellinore") counts too */
        if ((e->kind == KG_KIND_ORG || (e->kind < 0 && e->country)) &&
            ent_country(sc, (int32_t)k) == dc &&
            (best < 0 || e->named > EX_AT(sc->ents, ex_ent, best).named))
            best = (int32_t)k;
    }
    if (best >= 0) {
        *a1 = best;
        *a2 = -1;
    } else if (c1) {
        *a1 = *a2 >= 0 && !ent_country(sc, *a2) ? *a2 : -1;
        *a2 = -1;
    }
}

/*
 * Learn where the firm of a name mention [a, b) is based from the words
 * around it: "Swiss drugmaker Novartis", "its French rival Sanofi",
 * "London-based HSBC", "Novartis of Switzerland".  Only a firm of no
 * known country learns.
 */
static void learn_country(ex_scratch *sc, const ex_sent *s, uint32_t a,
                          uint32_t b, int32_t ent)
{
    const ex_tok *tk = sc->toks.ptr;
    ex_ent *e = &EX_AT(sc->ents, ex_ent, ent);
    uint32_t k;
    int c = 0;
    if (e->kind == KG_KIND_PERSON || e->kind == KG_KIND_PRODUCT ||
        ent_country(sc, ent))
        return;
    /* up to two lowercase words between ("French rival", "Swiss
     * drugs group") */
    for (k = a; k > s->t0 && k + 4 > a; k--) {
        const ex_tok *t = &tk[k - 1];
        if ((c = tok_country(sc, s->t0, k - 1)) != 0)
            break;
        if (!(t->flags & TF_WORD) || (t->flags & TF_CAP) ||
            (ex_wflags(sc, t) & WF_STOP))
            break;
    }
    /* "Brantner AG of Switzerland", "Ostler Industries of Ohio",
     * "Kessel of Zurich" (a place, then no more capitalised words) */
    /* ... "Vermeulen of the Netherlands" */
    if (!c && b + 2 < s->t1 && ex_tok_is(sc, &tk[b], "of") &&
        ex_tok_is(sc, &tk[b + 1], "the")) {
        if (b + 3 >= s->t1 || !((tk[b + 3].flags & TF_CAP) &&
                                (tk[b + 3].flags & TF_SPACE_BEFORE)))
            c = tok_country(sc, s->t0, b + 2);
    } else if (!c && b + 1 < s->t1 && ex_tok_is(sc, &tk[b], "of") &&
        (tk[b + 1].flags & TF_CAP) &&
        !(b + 2 < s->t1 && (tk[b + 2].flags & TF_CAP) &&
          (tk[b + 2].flags & TF_SPACE_BEFORE)))
        c = tok_country(sc, s->t0, b + 1);
    if (c)
        e->country = c;
}

/*
 * "The bank", "the carmaker": a description whose head names a trade
 * stands for no firm whose name or apposition gives it another one
 * ("Halsey Foods agreed to buy Corby Motors. The carmaker ...": Corby).
 * If a1 is of another trade: the firm of the article of this trade named
 * most often, else nobody (a1 = a2 = -1; two named as often: nobody).
 * If a1 is of no known trade and no name the gazetteer knows (whose trade
 * the reader may know), the same when some firm is of this trade
 * ("Tolland Corp agreed to buy Corby Motors and Ardley Motors. The
 * carmaker": nobody).
 */
static void prefer_sector(const ex_scratch *sc, const ex_sent *s,
                          uint32_t head, int32_t *a1, int32_t *a2)
{
    const char *hs = sector_at(sc, s->t0, s->t1, head), *s1;
    int32_t best = -1;
    int tie = 0;
    size_t k;
    if (!hs || *a1 < 0)
        return;
    s1 = EX_AT(sc->ents, ex_ent, *a1).sector;
    if (s1 ? strcmp(s1, hs) == 0 : EX_AT(sc->ents, ex_ent, *a1).gaz >= 0)
        return;
    for (k = 0; k < sc->ents.n; k++) {
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, k);
        if (e->kind != KG_KIND_ORG || !e->sector || strcmp(e->sector, hs) ||
            public_body(sc, (int32_t)k))
            continue;
        if (best < 0 || e->named > EX_AT(sc->ents, ex_ent, best).named) {
            best = (int32_t)k;
            tie = 0;
        } else if (e->named == EX_AT(sc->ents, ex_ent, best).named) {
            tie = 1; /* two firms of the trade, named as often */
        }
    }
    if (!s1 && best < 0 && !tie)
        return; /* no firm of the article is known to be of the trade */
    *a1 = best >= 0 && !tie ? best : -1;
    *a2 = -1;
}

static void prefer_head(const ex_scratch *sc, const ex_tok *head,
                        int32_t *a1, int32_t *a2)
{
    uint32_t bit = head_bit(sc, head);
    int32_t best = -1;
    size_t k;
    if (!bit || *a1 < 0 || (EX_AT(sc->ents, ex_ent, *a1).heads & bit))
        return;
    for (k = 0; k < sc->ents.n; k++) {
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, k);
        if (e->kind == KG_KIND_ORG && (e->heads & bit) &&
            (best < 0 || e->named > EX_AT(sc->ents, ex_ent, best).named))
            best = (int32_t)k;
    }
    if (best >= 0) {
        *a2 = *a1;
        *a1 = best;
    }
}

/*
 * Is entity e a public body ("Delaware Court of Chancery", "Financial
 * Services Authority", "Justice Department"; a word of w last or before
 * "of")?  "The bank", "the social
 * network" never stand for one.
 */
static int public_body(const ex_scratch *sc, int32_t e)
{
    static const char *const w[] = {"Court", "Commission", "Authority",
                                    "Department", "Ministry", "Agency",
                                    "Government", "Tribunal", "Bureau",
                                    "Regulator", "Council", "Treasury"};
    const char *n = EX_AT(sc->ents, ex_ent, e).name, *p = n, *q;
    int32_t g = EX_AT(sc->ents, ex_ent, e).gaz;
    size_t i, l;
    /* "Ofcom", "Bundeskartellamt": the gazetteer knows */
    if (g >= 0 && EX_AT(sc->ex->gentv, ex_gent, g).body)
        return 1;
    /* one pass over the name's words: a word of the list that is the
     * name's last or comes before "of" ("Court of Appeal"; not
     * "Federated Department Stores") */
    for (;; p = q + 1) {
        q = strchr(p, ' ');
        if (!q)
            q = p + strlen(p);
        l = (size_t)(q - p);
        if (l >= 5 && (!*q || strncmp(q, " of ", 4) == 0))
            for (i = 0; i < sizeof w / sizeof w[0]; i++)
                if (p[0] == w[i][0] && strlen(w[i]) == l &&
                    memcmp(p, w[i], l) == 0)
                    return 1;
        if (!*q)
            return 0;
    }
}

int kg_extract__public_body(const ex_scratch *sc, int32_t e)
{
    return public_body(sc, e);
}

/* "which", "since", "after": a word after which "it" starts a clause */
static int clause_opener(const char *n)
{
    static const char *const w[] = {
        "which", "that", "since", "after", "before", "when", "while",
        "because", "if", "as", "though", "although", "until", "once",
        "unless", "whether", "where", "and", "but", "or", "so", "then",
        "whereas", "where"};
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/* "said", "added": a verb that reports what a firm said. */
static int reporting_verb(const char *n)
{
    static const char *const w[] = {"said", "says", "added", "announced",
                                    "reported", "stated", "confirmed",
                                    "disclosed", "noted", "told"};
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/*
 * "In June the buyout firm TPG agreed to put £179m into the bank",
 * "Banco Santander, which owns Abbey, will pay £612m for the bank's
 * deposits": a description after the verb of a clause whose subject is
 * firm e stands for another firm (the writer would say "it"/"its").  Is
 * e the name that opens the sentence's main clause (or ends its fronted
 * clause), not as a possessor, with the description i later in the same
 * clause: no reporting verb, clause opener or clause punctuation between
 * them (one ", which/who ...," aside or ", the ...," apposition after the
 * name is passed over), and the description not opening a coordinate
 * clause itself?
 */
static int own_clause_subject(const ex_scratch *sc, const ex_sent *s,
                              uint32_t i, int32_t e)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q, p;
    int32_t mi = -1;
    const ex_ment *m;
    if (e < 0 || i <= s->t0 + 2)
        return 0;
    /* the first name of the sentence: a few lowercase or time words
     * ("In June the US buyout firm") may come before it */
    for (q = fronted_end(sc, s); q < i; q++) {
        if ((mi = sc->mstart[q - s->t0]) >= 0)
            break;
        if (!(tk[q].flags & TF_WORD) && !(tk[q].flags & TF_NUM))
            return 0;
    }
    if (mi < 0)
        return 0;
    m = &EX_AT(sc->ments, ex_ment, mi);
    if (m->ent != e || m->src == MS_COREF || m->b >= i ||
        EX_AT(sc->ents, ex_ent, e).kind == KG_KIND_PERSON)
        return 0;
    /* "Shareholders of Elstree approved the company's sale": the name
     * after a preposition is no subject */
    if (m->a > s->t0 && (ex_wflags(sc, &tk[m->a - 1]) & WF_STOP) &&
        !(tk[m->a - 1].flags & TF_CAP) && !ex_tok_is(sc, &tk[m->a - 1], "the"))
        return 0;
    p = m->b;
    if (ex_tok_is(sc, &tk[p], "'s"))
        return 0;
    /* ", which owns Abbey,", ", the buyout firm," */
    if (is_punct(sc, &tk[p], ',') && p + 1 < i &&
        (ex_tok_is(sc, &tk[p + 1], "which") ||
         ex_tok_is(sc, &tk[p + 1], "who") ||
         ex_tok_is(sc, &tk[p + 1], "the") || ex_tok_is(sc, &tk[p + 1], "a") ||
         ex_tok_is(sc, &tk[p + 1], "an"))) {
        for (p += 2; p < i && !is_punct(sc, &tk[p], ','); p++)
            if (reporting_verb(ex_norm(sc, &tk[p])))
                return 0;
        if (p >= i)
            return 0;
        p++;
    }
    for (; p < i; p++) {
        const char *n = ex_norm(sc, &tk[p]);
        if (is_punct(sc, &tk[p], ',') || is_punct(sc, &tk[p], ';') ||
            is_punct(sc, &tk[p], ':') || is_punct(sc, &tk[p], '(') ||
            is_punct(sc, &tk[p], '"') || reporting_verb(n) ||
            clause_opener(n) || strcmp(n, "said") == 0 ||
            strcmp(n, "say") == 0)
            return 0;
        /* another name between: the description may be that firm's */
        if (sc->mstart[p - s->t0] >= 0)
            return 0;
    }
    return 1;
}

/* Is entity e named in sentence s before the current token? */
static int in_sentence(const ex_scratch *sc, const ex_sent *s, int32_t e)
{
    size_t k;
    for (k = sc->ments.n; k-- > 0;) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, k);
        if (m->a < s->t0)
            break;
        if (m->ent == e)
            return 1;
    }
    return 0;
}

/* The firm the story names most so far other than e (a name of no known
 * kind counts; no person, product or public body; ties: the first
 * named), or -1. */
static int32_t other_firm(const ex_scratch *sc, int32_t e)
{
    int32_t best = -1;
    size_t k;
    for (k = 0; k < sc->ents.n; k++) {
        const ex_ent *x = &EX_AT(sc->ents, ex_ent, k);
        if ((int32_t)k == e || x->named <= 0 ||
            (x->kind != KG_KIND_ORG && x->kind >= 0) ||
            public_body(sc, (int32_t)k))
            continue;
        if (best < 0 || x->named > EX_AT(sc->ents, ex_ent, best).named)
            best = (int32_t)k;
    }
    return best;
}

/*
 * "to be called Calloway Vinke", "will be known as Harlow Pendant": two to
 * four capitalised words after "be called|named" or "be known as" at i,
 * one of them the first word of a firm the article has named, and none a
 * title, post or given name.  Returns the run's end, or i.
 */
static uint32_t called_run(const ex_scratch *sc, const ex_sent *s,
                           uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k, known = 0;
    size_t e;
    if (i < s->t0 + 2 || !(tk[i].flags & TF_CAP) ||
        !(tk[i].flags & TF_WORD) ||
        !(((ex_tok_is(sc, &tk[i - 1], "called") ||
            ex_tok_is(sc, &tk[i - 1], "named")) &&
           ex_tok_is(sc, &tk[i - 2], "be")) ||
          (i >= s->t0 + 3 && ex_tok_is(sc, &tk[i - 1], "as") &&
           ex_tok_is(sc, &tk[i - 2], "known") &&
           ex_tok_is(sc, &tk[i - 3], "be"))))
        return i;
    for (k = i; k < s->t1 && k < i + 4; k++) {
        const ex_tok *t = &tk[k];
        size_t n = t->end - t->start;
        if (!(t->flags & TF_WORD) || !(t->flags & TF_CAP) ||
            (k > i && !(t->flags & TF_SPACE_BEFORE)) ||
            memchr(sc->doc->text + t->start, '/', n) ||
            (ex_wflags(sc, t) & (WF_STOP | WF_ROLE | WF_TITLE |
                                 WF_FIRSTNAME | WF_LEGAL | WF_MONTH |
                                 WF_WEEKDAY)))
            break;
        for (e = 0; e < sc->ents.n; e++) {
            const ex_ent *x = &EX_AT(sc->ents, ex_ent, e);
            if ((x->kind == KG_KIND_ORG || x->kind < 0) &&
                strncmp(x->name, sc->doc->text + t->start, n) == 0 &&
                (x->name[n] == ' ' || x->name[n] == 0)) {
                known++;
                break;
            }
        }
    }
    /* "Capital Cities/ABC", "Harlow-Pendant": the name runs on */
    if (k < s->t1 && !(tk[k].flags & TF_SPACE_BEFORE) &&
        !(tk[k].flags & TF_WORD) && !is_punct(sc, &tk[k], ',') &&
        !is_punct(sc, &tk[k], '.'))
        return i;
    if (k < i + 2 || !known)
        return i;
    /* a name the article has already: read as it is */
    for (e = 0; e < sc->ents.n; e++) {
        const char *nm = EX_AT(sc->ents, ex_ent, e).name;
        size_t n = tk[k - 1].end - tk[i].start;
        if (strncmp(nm, sc->doc->text + tk[i].start, n) == 0 && !nm[n])
            return i;
    }
    return k;
}

/* "combined", "new", "merged", "enlarged": a firm a deal creates */
static int new_firm_word(const ex_scratch *sc, const ex_tok *t)
{
    return ex_tok_is(sc, t, "combined") || ex_tok_is(sc, t, "new") ||
           ex_tok_is(sc, t, "merged") || ex_tok_is(sc, t, "enlarged");
}

/*
 * "Corvin, the fund run by Maya Thorne,": a participle that goes on
 * describing the firm (token j and the word after it).  Not yet "owned
 * by": a unit told in passing as owned by another firm would then take
 * over a later description meant for the firm the story is about.
 */
static int participle_after(const ex_scratch *sc, const ex_sent *s,
                            uint32_t j)
{
    static const char *const part[] = {
        "run", "led", "controlled", "backed", "founded", "formed",
        "created", "headed", "based", "chaired", "managed", "spun", "set"};
    static const char *const next[] = {"by", "in", "up", "off", "out",
                                       "last", "from", "through"};
    const ex_tok *tk = sc->toks.ptr;
    return j + 1 < s->t1 &&
           ex_in_words(ex_norm(sc, &tk[j]), part, sizeof part / sizeof part[0]) &&
           ex_in_words(ex_norm(sc, &tk[j + 1]), next,
                       sizeof next / sizeof next[0]);
}

/*
 * "the Pathwise maker", "The iPhone maker", "the Monopole developer's":
 * a description [i, j) whose head names the firm by a product it makes,
 * the product's name right before the head.  Returns the position of the
 * head (the name is [i + 1, head)), or i when the description is not
 * such.  The name is a name of its own (the firm's "makes" tie), the head
 * alone stands for the firm.
 */
static uint32_t product_maker_desc(const ex_scratch *sc, uint32_t i,
                                   uint32_t j)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k, h = j - 1;
    if (j < i + 3 || !ex_tok_is(sc, &tk[i], "the") ||
        !(ex_tok_in(sc, &tk[j - 1], EC_PRODUCTMAKER) ||
          ex_tok_in(sc, &tk[j - 1], EC_PRODUCTMAKERS)))
        return i;
    /* "the ChatGPT-maker": the hyphen goes with the head */
    if (h > i + 2 && is_punct(sc, &tk[h - 1], '-') &&
        !(tk[h - 1].flags & TF_SPACE_BEFORE))
        h--;
    /* the name: capitalised words (a version number may follow), no
     * place before "-based" and no word of the lexicon alone ("the
     * American carmaker" is a description) */
    for (k = i + 1; k < h; k++)
        if (!(tk[k].flags & TF_WORD) ||
            !(tk[k].flags & (TF_CAP | TF_CAMEL | TF_NUM)) ||
            (tk[k].flags & TF_SENT_START) ||
            memchr(sc->doc->text + tk[k].start, '-',
                   tk[k].end - tk[k].start))
            return i;
    return (tk[i + 1].flags & (TF_CAMEL | TF_ALLCAPS)) || tk[i + 1].word < 0
               ? h
               : i;
}

/*
 * "the ChatGPT developer": the firm of the article that the gazetteer
 * says makes the product named in [a, b) (b 0: a name of any length at
 * a), or -1 (which firm the words stand for, not the tie: the text says
 * the firm makes it).
 */
static int32_t product_maker_ent(ex_scratch *sc, const ex_sent *s,
                                 uint32_t a, uint32_t b, kg_buf *key)
{
    const ex_gent *ge;
    int32_t g = -1;
    size_t e;
    uint32_t end;
    if (a >= s->t1)
        return -1;
    end = gaz_at(sc, s, a, key, &g, 0);
    if (end == a || (b && end != b) || g < 0)
        return -1;
    ge = &EX_AT(sc->ex->gentv, ex_gent, g);
    if (ge->kind != KG_KIND_PRODUCT || !ge->maker || !*ge->maker)
        return -1;
    for (e = 0; e < sc->ents.n; e++) {
        const ex_ent *en = &EX_AT(sc->ents, ex_ent, e);
        if (en->gaz >= 0 &&
            strcmp(EX_AT(sc->ex->gentv, ex_gent, en->gaz).name,
                   ge->maker) == 0)
            return (int32_t)e;
    }
    return -1;
}

/*
 * "the maker of Smith-Corona typewriters", "the developer of the Claude
 * chatbot": outside an apposition, "the" and up to two lowercase words
 * before a maker's head and "of" stand for a firm named before.  Returns
 * the position of the head (the firm's words are [i, head), the head and
 * "of" stay words for the rules), or i.
 */
static uint32_t maker_of_desc(const ex_scratch *sc, const ex_sent *s,
                              uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k;
    if (!ex_tok_is(sc, &tk[i], "the") ||
        (i > s->t0 && is_punct(sc, &tk[i - 1], ',')))
        return i;
    for (k = i + 1; k < s->t1 && k <= i + 3; k++) {
        if (!(tk[k].flags & TF_WORD) || (tk[k].flags & (TF_CAP | TF_NUM)))
            return i;
        if (ex_tok_in(sc, &tk[k], EC_PRODUCTMAKER))
            return k + 2 < s->t1 && ex_tok_is(sc, &tk[k + 1], "of") ? k : i;
        if (ex_wflags(sc, &tk[k]) & (WF_STOP | WF_TRIGGER))
            return i;
    }
    return i;
}

/* Is the name ending at j a modifier of "maker", "owner" or "brewer"
 * ("Roomba maker iRobot", "Kestrel-maker Brandt")? */
static int maker_after(const ex_scratch *sc, const ex_sent *s, uint32_t j)
{
    const ex_tok *tk = sc->toks.ptr;
    if (j + 1 < s->t1 && is_punct(sc, &tk[j], '-') &&
        !(tk[j].flags & TF_SPACE_BEFORE))
        j++;
    return j < s->t1 && (ex_tok_is(sc, &tk[j], "maker") ||
                         ex_tok_is(sc, &tk[j], "owner") ||
                         ex_tok_is(sc, &tk[j], "brewer"));
}

/* "the [adj]{0,3} company|firm|giant ..." : returns end token or i. */
static int nationality(const char *n);

static uint32_t descriptor_at(const ex_scratch *sc, const ex_sent *s,
                              uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j, lim = i + 4, p, from = i;
    const char *d = ex_norm(sc, &tk[i]);
    if (strcmp(d, "the") != 0 && strcmp(d, "his") != 0 &&
        strcmp(d, "her") != 0 && strcmp(d, "their") != 0)
        return i;
    /* "the Akron, Ohio-based tire maker", "The New Jersey-based company":
     * a place in capitals before "-based" */
    for (p = i + 1; p < s->t1 && p <= i + 7; p++) {
        const char *n = ex_norm(sc, &tk[p]);
        if (ends_with(n, tk[p].norm_len, "-based") ||
            strcmp(n, "-based") == 0 ||
            (strcmp(n, "based") == 0 && p > i + 1 &&
             is_punct(sc, &tk[p - 1], '-'))) {
            if (p > i + 1) {
                lim = p + 4;
                from = p;
            }
            break;
        }
        if (!(tk[p].flags & TF_CAP) && !is_punct(sc, &tk[p], ',') &&
            !is_punct(sc, &tk[p], '.') && !is_punct(sc, &tk[p], '-'))
            break;
    }
    /* "the Landover, Md., holding company", "the Greenwich, Conn.,
     * investment firm": a town and its state between commas */
    if (from == i && i + 5 < s->t1 && (tk[i + 1].flags & TF_CAP) &&
        (tk[i + 1].flags & TF_WORD) && !(tk[i + 1].flags & TF_NUM)) {
        p = i + 2;
        if (p < s->t1 && (tk[p].flags & TF_CAP) && (tk[p].flags & TF_WORD))
            p++; /* "the Palo Alto, Calif., ..." */
        if (p + 3 < s->t1 && is_punct(sc, &tk[p], ',') &&
            (tk[p + 1].flags & TF_CAP) && (tk[p + 1].flags & TF_WORD)) {
            p += 2;
            if (p < s->t1 && is_punct(sc, &tk[p], '.') &&
                !(tk[p].flags & TF_SPACE_BEFORE))
                p++;
            if (p + 1 < s->t1 && is_punct(sc, &tk[p], ',') &&
                (tk[p + 1].flags & TF_WORD) && !(tk[p + 1].flags & TF_CAP)) {
                from = p;
                lim = p + 4;
            }
        }
    }
    for (j = from + 1; j < s->t1 && j <= lim; j++) {
        uint32_t f = ex_wflags(sc, &tk[j]);
        /* "the drug-maker", "the ChatGPT-maker": the hyphen split off
         * before a head of class hyphensplit */
        if (is_punct(sc, &tk[j], '-') && j > from + 1 && j + 1 < s->t1 &&
            !(tk[j].flags & TF_SPACE_BEFORE) &&
            !(tk[j + 1].flags & TF_SPACE_BEFORE) &&
            (ex_wflags(sc, &tk[j + 1]) & WF_HYPHEN))
            continue;
        /* "the Anglo-Dutch group", "the Franco-German drugmaker": two
         * capitalised words joined by a hyphen, unspaced */
        if (is_punct(sc, &tk[j], '-') && j > from + 1 && j + 1 < s->t1 &&
            !(tk[j].flags & TF_SPACE_BEFORE) &&
            !(tk[j + 1].flags & TF_SPACE_BEFORE) &&
            (tk[j - 1].flags & TF_CAP) && (tk[j - 1].flags & TF_WORD) &&
            (tk[j + 1].flags & TF_CAP) && (tk[j + 1].flags & TF_WORD) &&
            nationality(ex_norm(sc, &tk[j + 1])))
            continue;
        if (!(tk[j].flags & TF_WORD) || (tk[j].flags & TF_NUM))
            return i;
        if (f & WF_ORGHEAD) {
            /* "the Walt Disney Company": a capitalised head word inside
             * the sentence ends a name, not a description */
            if ((tk[j].flags & TF_CAP) && !(tk[j].flags & TF_ALLCAPS) &&
                !(tk[j].flags & TF_SENT_START) && j > from + 1 &&
                (tk[j - 1].flags & TF_CAP))
                return i;
            /* "the Arcadia group", "the Bhs department store chain": a
             * name of its own, not a description ("the Bradford-based
             * group" is one) */
            if (ex_tok_is(sc, &tk[j], "group") ||
                ex_tok_is(sc, &tk[j], "chain")) {
                uint32_t q;
                for (q = from + 1; q < j; q++)
                    if ((tk[q].flags & TF_CAP) && tk[q].word < 0 &&
                        !(tk[q].flags & TF_SENT_START) &&
                        !memchr(sc->doc->text + tk[q].start, '-',
                                tk[q].end - tk[q].start))
                        return i;
            }
            /* "sold the Land Rover business to Ford": a business named
             * by its brand is no reference back to the seller ("the
             * Alphabet unit" is Alphabet's unit, a description) */
            /* (an apposition closed after the unit noun, "Kestrel,
             * the Halcrow unit, said": the unit's name is given before
             * and "the Halcrow unit" names its owner; "the Alphabet unit
             * that competes" stays a reference, the clause's subject) */
            if (ex_tok_is(sc, &tk[j], "business") ||
                ex_tok_is(sc, &tk[j], "brand") ||
                ((ex_tok_is(sc, &tk[j], "unit") ||
                  ex_tok_is(sc, &tk[j], "subsidiary") ||
                  ex_tok_is(sc, &tk[j], "division") ||
                  ex_tok_is(sc, &tk[j], "arm")) &&
                 i >= s->t0 + 2 && is_punct(sc, &tk[i - 1], ',') &&
                 sc->mend[i - 2 - s->t0] >= 0 && j + 1 < s->t1 &&
                 (is_punct(sc, &tk[j + 1], ',') ||
                  is_punct(sc, &tk[j + 1], '.') ||
                  is_punct(sc, &tk[j + 1], ';')))) {
                uint32_t q;
                for (q = from + 1; q < j; q++)
                    if ((tk[q].flags & TF_CAP) &&
                        !(tk[q].flags & TF_SENT_START) &&
                        !(ex_wflags(sc, &tk[q]) & (WF_NONNAME | WF_STOP)) &&
                        !memchr(sc->doc->text + tk[q].start, '-',
                                tk[q].end - tk[q].start))
                        return i;
            }
            /* "the company's" is fine; "the company of" is not ours,
             * nor "the startup Sierra" (an apposition before a name) */
            if (j + 1 < s->t1 &&
                (ex_tok_is(sc, &tk[j + 1], "of") ||
                 ((tk[j + 1].flags & (TF_CAP | TF_CAMEL)) &&
                  !(ex_wflags(sc, &tk[j + 1]) & (WF_STOP | WF_COMMON)))))
                return i;
            return j + 1;
        }
        /* "the holding company", "the investment firm": a trigger word
         * that modifies the head is no verb */
        if ((f & WF_TRIGGER) && !(f & WF_STOP) && j + 1 < s->t1 &&
            !new_firm_word(sc, &tk[j]) &&
            (ex_wflags(sc, &tk[j + 1]) & WF_ORGHEAD) &&
            !(tk[j + 1].flags & TF_CAP))
            continue;
        /* "the drug-maker" */
        if ((f & WF_TRIGGER) && !(f & WF_STOP) && j + 2 < s->t1 &&
            is_punct(sc, &tk[j + 1], '-') &&
            !(tk[j + 1].flags & TF_SPACE_BEFORE) &&
            (ex_wflags(sc, &tk[j + 2]) & WF_ORGHEAD) &&
            (ex_wflags(sc, &tk[j + 2]) & WF_HYPHEN))
            continue;
        if (sc->mcov[j - s->t0] >= 0 || (f & (WF_STOP | WF_TRIGGER)))
            return i;
    }
    return i;
}


/*
 * "Lord King", "Lord Hanson": a capitalised peer's title before one
 * word makes that word a surname, whatever firm the gazetteer knows by
 * it (the name is then read as a person below).
 */
static int peer_surname(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                        uint32_t j, int caps)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t t = i;
    /* "Mr Forte", "Mr. Dell": a title likewise */
    if (!caps && j == i + 1 && i > s->t0 + 1 && is_punct(sc, &tk[i - 1], '.') &&
        !(tk[i - 1].flags & TF_SPACE_BEFORE) &&
        (ex_wflags(sc, &tk[i - 2]) & WF_TITLE))
        t = i - 1;
    return !caps && j == i + 1 && t > s->t0 && (tk[t - 1].flags & TF_CAP) &&
           (ex_wflags(sc, &tk[t - 1]) & (WF_PEER | WF_TITLE)) &&
           (tk[i].flags & TF_SPACE_BEFORE) &&
           !(tk[i].flags & (TF_ALLCAPS | TF_CAMEL));
}

/*
 * "the combined company", "the new group", "the merged bank": returns the
 * end of the description, or i.
 */
static uint32_t new_firm_at(const ex_scratch *sc, const ex_sent *s,
                            uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j = i + 1;
    if (j + 1 >= s->t1 || !ex_tok_is(sc, &tk[i], "the") ||
        !new_firm_word(sc, &tk[j]) || (tk[j].flags & TF_CAP))
        return i;
    j++;
    /* one more lowercase word: "the combined banking group" */
    if (!(ex_wflags(sc, &tk[j]) & WF_ORGHEAD) && j + 1 < s->t1 &&
        (tk[j].flags & TF_WORD) && !(tk[j].flags & (TF_CAP | TF_NUM)))
        j++;
    if ((tk[j].flags & TF_CAP) || !(ex_wflags(sc, &tk[j]) & WF_ORGHEAD))
        return i;
    /* "the new company's" is fine; "the new company of" is not ours */
    if (j + 1 < s->t1 && ex_tok_is(sc, &tk[j + 1], "of"))
        return i;
    return j + 1;
}

/*
 * The words from q on up to "called|named|known as" in ", to be called
 * X", "which will be named X", "will be called X", "to be known as X";
 * returns the position after them, or q when the words are not such.
 */
static uint32_t called_at(const ex_scratch *sc, const ex_sent *s,
                          uint32_t q)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t r = q;
    if (r < s->t1 && is_punct(sc, &tk[r], ','))
        r++;
    if (r < s->t1 && ex_tok_is(sc, &tk[r], "which"))
        r++;
    if (r + 1 < s->t1 && (ex_tok_is(sc, &tk[r], "to") ||
                          ex_tok_is(sc, &tk[r], "will") ||
                          ex_tok_is(sc, &tk[r], "would")) &&
        ex_tok_is(sc, &tk[r + 1], "be"))
        r += 2;
    else
        return q;
    if (r < s->t1 && (ex_tok_is(sc, &tk[r], "called") ||
                      ex_tok_is(sc, &tk[r], "named")))
        return r + 1;
    if (r + 1 < s->t1 && ex_tok_is(sc, &tk[r], "known") &&
        ex_tok_is(sc, &tk[r + 1], "as"))
        return r + 2;
    return q;
}

/*
 * "the holding company, to be called X": a description of one or two
 * lowercase words and a firm noun that a name follows.  Returns its end,
 * or i.
 */
static uint32_t named_desc_at(const ex_scratch *sc, const ex_sent *s,
                              uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j = i + 1, lim = i + 3;
    if (!ex_tok_is(sc, &tk[i], "the"))
        return i;
    for (; j < s->t1 && j <= lim; j++) {
        if (!(tk[j].flags & TF_WORD) || (tk[j].flags & (TF_CAP | TF_NUM)) ||
            sc->mcov[j - s->t0] >= 0)
            return i;
        if (j > i + 1 && (ex_wflags(sc, &tk[j]) & WF_ORGHEAD))
            break;
    }
    if (j > lim || j >= s->t1 || called_at(sc, s, j + 1) == j + 1)
        return i;
    return j + 1;
}

/* After a description ending at b: a name ("the new group, Xco," or
 * "the combined company, to be called Xco")? */
static int name_follows(const ex_scratch *sc, const ex_sent *s, uint32_t b)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q = called_at(sc, s, b);
    if (q == b && b + 1 < s->t1 && is_punct(sc, &tk[b], ','))
        q = b + 1;
    return q > b && q < s->t1 && (tk[q].flags & (TF_CAP | TF_CAMEL));
}

/*
 * After description [.., b): ", to be called X", "which will be named X",
 * ", X," (apposition; only when apposition is set).  Returns the mention
 * of X or -1.
 */
static int32_t named_after(const ex_scratch *sc, const ex_sent *s,
                           uint32_t b, int apposition)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q = called_at(sc, s, b);
    int called = q > b;
    int32_t x;
    /* a bare "named" is a verb: "the start-up named X its supplier" */
    if (!called && apposition && b + 1 < s->t1 && is_punct(sc, &tk[b], ','))
        q = b + 1;
    if (q == b || q >= s->t1)
        return -1;
    x = sc->mstart[q - s->t0];
    if (x < 0)
        return -1;
    {
        const ex_ment *xm = &EX_AT(sc->ments, ex_ment, x);
        const ex_ent *xe = &EX_AT(sc->ents, ex_ent, xm->ent);
        if (xm->src == MS_COREF || xe->kind == KG_KIND_PERSON ||
            xe->kind == KG_KIND_PRODUCT)
            return -1;
        /* an apposition ends at a comma or the sentence end */
        if (!called && xm->b < s->t1 && !is_punct(sc, &tk[xm->b], ','))
            return -1;
    }
    return x;
}

/*
 * "both chains would find it harder to compete", "Kroger will find it
 * hard to": an "it" after a verb of finding or making that stands for
 * what follows "to"; the one who does that is the clause's subject, a
 * few lowercase words before the verb.  Returns that subject's mention,
 * -2 when "it" is such a pronoun but no name is the subject, or -1.
 */
static int32_t find_it_subject(const ex_scratch *sc, const ex_sent *s,
                               uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t p, words = 0;
    if (i < s->t0 + 2 || i + 2 >= s->t1 || !ex_tok_is(sc, &tk[i], "it") ||
        !ex_tok_in(sc, &tk[i - 1], EC_ITVERB) ||
        !(tk[i + 1].flags & TF_WORD) || (tk[i + 1].flags & TF_CAP) ||
        !ex_tok_is(sc, &tk[i + 2], "to"))
        return -1;
    for (p = i - 1; p > s->t0 && words < 3 && sc->mend[p - 1 - s->t0] < 0 &&
                    (tk[p - 1].flags & TF_WORD) &&
                    !(tk[p - 1].flags & TF_CAP);
         p--)
        words++;
    if (p == s->t0 || sc->mend[p - 1 - s->t0] < 0)
        return -2;
    return sc->mend[p - 1 - s->t0];
}

/* ---- pairs and the firm a deal makes ------------------------------ */

/* May entity e be one of "the two companies" (no person, product or
 * public body)? */
static int pair_member(const ex_scratch *sc, int32_t e)
{
    const ex_ent *x = &EX_AT(sc->ents, ex_ent, e);
    return x->kind != KG_KIND_PERSON && x->kind != KG_KIND_PRODUCT &&
           !public_body(sc, e);
}

/*
 * "X and Y said", "Carlton and Granada have agreed": two names joined by
 * "and", and by nothing else, that open sentence s and end by token lim.
 * Returns 1 with their entities in out, -1 when the two are no pair of
 * firms ("Ravi Sandhu and Tom Wardle founded"), 0 when no two names open
 * the sentence so.
 */
static int opener_pair(const ex_scratch *sc, const ex_sent *s, uint32_t lim,
                       int32_t out[2])
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_ment *m = sc->ments.ptr;
    uint32_t q;
    if (sc->ments.n < 2 || m[0].a != s->t0 || m[1].b > lim ||
        m[0].src == MS_COREF || m[1].src == MS_COREF ||
        m[0].b + 1 != m[1].a || !ex_tok_is(sc, &tk[m[0].b], "and"))
        return 0;
    /* "X and Y, Z": a list of more */
    q = m[1].b;
    if (q + 1 < lim &&
        (is_punct(sc, &tk[q], ',') || ex_tok_is(sc, &tk[q], "and")) &&
        sc->mstart[q + 1 - s->t0] >= 0 &&
        EX_AT(sc->ments, ex_ment, sc->mstart[q + 1 - s->t0]).src != MS_COREF)
        return 0;
    if (m[0].ent == m[1].ent || !pair_member(sc, m[0].ent) ||
        !pair_member(sc, m[1].ent))
        return -1;
    out[0] = m[0].ent;
    out[1] = m[1].ent;
    return 1;
}

/* A deal relation whose two sides "the two companies" may name */
static int pair_deal(const ex_mem *m)
{
    return m->s >= 0 && m->o >= 0 && m->status != KG_STATUS_NEGATED &&
           (m->relation == KG_REL_ACQUIRED ||
            m->relation == KG_REL_MERGED_WITH ||
            m->relation == KG_REL_INVESTED_IN ||
            m->relation == KG_REL_PARTNERS_WITH);
}

/*
 * The two sides of the article's first deal (a purchase, merger, stake or
 * partnership the deal memory holds) into out, and its sentence into
 * *sent; 0 if there is none, or if its sentence told two different
 * pairs.
 */
static int deal_pair(const ex_scratch *sc, int32_t out[2], uint32_t *sent)
{
    const ex_mem *mm = sc->mem.ptr;
    uint32_t first = UINT32_MAX;
    size_t k;
    int n = 0;
    for (k = 0; k < sc->mem.n; k++)
        if (pair_deal(&mm[k]) && mm[k].first < first)
            first = mm[k].first;
    for (k = 0; k < sc->mem.n; k++) {
        if (!pair_deal(&mm[k]) || mm[k].first != first)
            continue;
        if (n && !((mm[k].s == out[0] && mm[k].o == out[1]) ||
                   (mm[k].s == out[1] && mm[k].o == out[0])))
            return 0;
        out[0] = mm[k].s;
        out[1] = mm[k].o;
        n = 1;
    }
    *sent = first;
    return n && out[0] != out[1] && pair_member(sc, out[0]) &&
           pair_member(sc, out[1]);
}

/*
 * "the two companies", "both carmakers", "the two Japanese groups", "the
 * two have": a description of a pair of firms at token i.  Returns its
 * end, or i.  Not "the two companies, X and Y," (the names follow) nor
 * "the two companies of".
 */
static uint32_t pair_at(const ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j;
    if (i + 2 < s->t1 && ex_tok_is(sc, &tk[i], "the") &&
        ex_tok_is(sc, &tk[i + 1], "two")) {
        j = i + 2;
        if (ex_tok_in(sc, &tk[j], EC_PAIRVERB))
            return j;
    } else if (i + 2 < s->t1 && ex_tok_is(sc, &tk[i], "the") &&
               (ex_tok_is(sc, &tk[i + 1], "combined") ||
                ex_tok_is(sc, &tk[i + 1], "merged")) &&
               ex_tok_in(sc, &tk[i + 2], EC_PAIRNOUN)) {
        /* "the combined chains will face X": the two firms together (a
         * plural noun; "the combined company" is the buyer) */
        j = i + 2;
    } else if (i + 1 < s->t1 && ex_tok_is(sc, &tk[i], "both")) {
        j = i + 1;
        /* "where both compete with X": "both" alone before a verb of
         * class pairverb, opening a clause */
        if (ex_tok_in(sc, &tk[j], EC_PAIRVERB) && !(tk[j].flags & TF_CAP) &&
            i > s->t0 && (is_punct(sc, &tk[i - 1], ',') ||
                          ex_tok_is(sc, &tk[i - 1], "where") ||
                          ex_tok_is(sc, &tk[i - 1], "and")))
            return j;
    } else {
        return i;
    }
    /* one word before the noun: "the two continental rivals" */
    if (j + 1 < s->t1 && !ex_tok_in(sc, &tk[j], EC_PAIRNOUN) &&
        (tk[j].flags & TF_WORD) && !(tk[j].flags & TF_NUM) &&
        !(ex_wflags(sc, &tk[j]) & WF_STOP))
        j++;
    if (!ex_tok_in(sc, &tk[j], EC_PAIRNOUN))
        return i;
    j++;
    if (j < s->t1 &&
        (ex_tok_is(sc, &tk[j], "of") ||
         (is_punct(sc, &tk[j], ',') && j + 1 < s->t1 &&
          (tk[j + 1].flags & TF_CAP))))
        return i;
    return j;
}

/*
 * The pair a description at token i of sentence si stands for: two firms
 * that open this sentence before it or the one before ("Nissan and Honda
 * said ... The two carmakers"), else the story's pair: the two sides of
 * the article's first deal or the first two firms to open a sentence
 * together, whichever came first.  Returns 1 with the pair in out, else
 * 0 (two people opened the sentence, or nothing is known).
 */
static int pair_antecedent(const ex_scratch *sc, const ex_sent *s,
                           uint32_t si, uint32_t i, int32_t out[2])
{
    uint32_t dsent = UINT32_MAX;
    int r = opener_pair(sc, s, i, out);
    if (r)
        return r > 0;
    /* "Mecca competes with Gala, which merged with Coral last year, and
     * both are preparing": "both" alone after two firms of its own
     * sentence is those two, the first two it names */
    if (ex_tok_is(sc, &EX_AT(sc->toks, ex_tok, i), "both")) {
        size_t k;
        int n = 0;
        for (k = 0; k < sc->ments.n && n < 2; k++) {
            const ex_ment *x = &EX_AT(sc->ments, ex_ment, k);
            if (x->b > i)
                break;
            if (x->src == MS_COREF || !pair_member(sc, x->ent) ||
                (n == 1 && x->ent == out[0]))
                continue;
            out[n++] = x->ent;
        }
        if (n == 2)
            return 1;
    }
    if (sc->opener_sent >= 0 && (uint32_t)sc->opener_sent + 1 == si) {
        if (sc->opener_pair[0] < 0)
            return 0;
        out[0] = sc->opener_pair[0];
        out[1] = sc->opener_pair[1];
        return 1;
    }
    if (deal_pair(sc, out, &dsent) &&
        (sc->first_pair_sent < 0 || dsent <= (uint32_t)sc->first_pair_sent))
        return 1;
    if (sc->first_pair_sent < 0)
        return 0;
    out[0] = sc->first_pair[0];
    out[1] = sc->first_pair[1];
    return 1;
}

/*
 * The buyer of the article's deal, for "the combined company" that has no
 * name: the one firm the deal memory holds as buying (agreed or bid),
 * whose purchase is the article's first deal; none if two firms buy, if
 * a purchase fell through or was denied, or if the article tells a
 * merger the buyer is no side of or a sale by the buyer.  -1 if none.
 */
static int32_t deal_buyer(const ex_scratch *sc)
{
    const ex_mem *mm = sc->mem.ptr;
    int32_t buyer = -1;
    uint32_t first = UINT32_MAX, bfirst = UINT32_MAX;
    size_t k;
    const unsigned gone = (1u << KG_STATUS_ENDED) | (1u << KG_STATUS_NEGATED);
    for (k = 0; k < sc->mem.n; k++) {
        if (mm[k].s < 0 || mm[k].o < 0)
            continue;
        if (mm[k].first < first)
            first = mm[k].first;
        if (mm[k].relation != KG_REL_ACQUIRED)
            continue;
        /* a bid rejected and then agreed ("NCR's board rejected that
         * offer" beside "NCR agreed to be acquired"): the deal holds */
        if ((mm[k].told & gone &
             ~((mm[k].told >> KG_STATUS_HOLDS & 1u)
                   ? 1u << KG_STATUS_NEGATED
                   : 0u)) ||
            (buyer >= 0 && buyer != mm[k].s))
            return -1;
        buyer = mm[k].s;
        if (mm[k].first < bfirst)
            bfirst = mm[k].first;
    }
    /* "Two years after paying for Time Warner, AT&T will spin off": a
     * purchase told after another deal is background */
    if (buyer < 0 || bfirst != first)
        return -1;
    /* nor after a merger of others, or a spin-off by the buyer ("AT&T
     * will spin off WarnerMedia and combine it with Discovery") */
    for (k = 0; k < sc->mem.n; k++)
        if ((mm[k].relation == KG_REL_MERGED_WITH && mm[k].s >= 0 &&
             mm[k].s != buyer && mm[k].o != buyer) ||
            (mm[k].relation == KG_REL_DIVESTED && mm[k].s == buyer))
            return -1;
    return pair_member(sc, buyer) ? buyer : -1;
}

/* "Farmington, Conn.", "Mountain View, Calif.", "Akron, Ohio": a US
 * town and its state, as wire copy places a firm ("the Farmington, Conn.,
 * maker of locks", "Sun, of Mountain View, Calif., makes").  Returns the
 * token after the state (and its full stop) when the capitalised words at
 * i (up to three) are such a town, else i.  Most tokens fail on the comma
 * test. */
static uint32_t town_state_end(const ex_scratch *sc, const ex_sent *s,
                               uint32_t i)
{
    /* AP abbreviations, dots left out; the full names stand alone */
    static const char *const abbr[] = {
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
        "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich",
        "minn", "miss", "mo", "mont", "neb", "nev", "nh", "nj", "nm", "ny",
        "nc", "nd", "okla", "ore", "pa", "ri", "sc", "sd", "tenn", "tex",
        "va", "vt", "wash", "wis", "wva", "wyo", "dc"};
    static const char *const full[] = {"ohio", "utah", "iowa", "idaho",
                                       "maine", "alaska", "hawaii", "texas"};
    const ex_tok *tk = sc->toks.ptr;
    const char *n;
    char w[8];
    size_t len, k;
    uint32_t j = i, p;
    int dot = 0;
    while (j < s->t1 && j < i + 3 && (tk[j].flags & TF_CAP) &&
           (tk[j].flags & TF_WORD) && !(tk[j].flags & TF_NUM) &&
           !(ex_wflags(sc, &tk[j]) & (WF_LEGAL | WF_ORGWORD)))
        j++;
    if (j == i || j + 1 >= s->t1 || !is_punct(sc, &tk[j], ',') ||
        !(tk[j + 1].flags & TF_CAP) || !(tk[j + 1].flags & TF_WORD))
        return i;
    p = j + 1;
    n = ex_norm(sc, &tk[p]);
    for (k = len = 0; k < tk[p].norm_len && len < sizeof w - 1; k++) {
        if (n[k] == '.')
            dot = 1;
        else
            w[len++] = n[k];
    }
    if (k < tk[p].norm_len)
        return i;
    w[len] = '\0';
    p++;
    if (p < s->t1 && is_punct(sc, &tk[p], '.') &&
        !(tk[p].flags & TF_SPACE_BEFORE)) {
        dot = 1;
        p++;
    }
    if (!(dot ? ex_in_words(w, abbr, sizeof abbr / sizeof abbr[0])
              : ex_in_words(w, full, sizeof full / sizeof full[0])))
        return i;
    /* the state ends a phrase: "Conn., maker", "Calif.)", sentence end */
    if (p < s->t1 && !(tk[p].flags & TF_PUNCT))
        return i;
    return p;
}

/* "Attorney", "Judge", "Governor": an office before a person's name */
static int office_word(const ex_scratch *sc, const ex_tok *t)
{
    static const char *const w[] = {"attorney", "judge", "governor",
                                    "senator", "chancellor", "mayor",
                                    "commissioner", "secretary", "minister",
                                    "prosecutor", "congressman",
                                    "congresswoman", "sen", "rep", "gov"};
    const char *n = ex_norm(sc, t);
    if (!(t->flags & TF_CAP))
        return 0;
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/* "the Russian billionaire Roman Abramovich", "financier Carl Icahn": a
 * word that only describes people, before a name */
static int person_word(const ex_scratch *sc, const ex_tok *t)
{
    static const char *const w[] = {
        "billionaire", "tycoon", "tycoons", "financier", "magnate",
        "magnates", "businessman", "businesswoman", "entrepreneur",
        "industrialist", "oilman", "heiress", "philanthropist"};
    const char *n = ex_norm(sc, t);
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/*
 * "Li Ka-shing", "Lo Wing-kit", "Tung Chee-hwa": a hyphenated given name
 * of two short parts, the second in lower case, after a short
 * capitalised surname (not "AI-powered", "Tokyo-based": no name before,
 * or a participle after the hyphen).
 */
static int hyphen_given_name(const ex_scratch *sc, const ex_tok *t)
{
    const char *w = sc->doc->text + t->start, *hy;
    size_t n = t->end - t->start, a, b;
    const ex_tok *p = t - 1;
    if (!(t->flags & TF_HYPHEN) || !(t->flags & TF_SPACE_BEFORE) ||
        t == sc->toks.ptr || n < 5 || n > 11 || w[0] < 'A' || w[0] > 'Z')
        return 0;
    hy = memchr(w, '-', n);
    if (!hy)
        return 0;
    a = (size_t)(hy - w);
    b = n - a - 1;
    if (a < 2 || a > 5 || b < 2 || b > 5 || memchr(hy + 1, '-', b))
        return 0;
    for (size_t k = 1; k < n; k++)
        if (k != a && (w[k] < 'a' || w[k] > 'z'))
            return 0;
    if (w[n - 2] == 'e' && w[n - 1] == 'd')
        return 0;
    return (p->flags & TF_WORD) && (p->flags & TF_CAP) &&
           !(p->flags & (TF_ALLCAPS | TF_HYPHEN)) && p->end - p->start >= 2 &&
           p->end - p->start <= 5 && p->end + 1 == t->start &&
           !(ex_wflags(sc, p) & (WF_STOP | WF_TITLE | WF_ROLE | WF_LEGAL |
                                 WF_ORGWORD | WF_MONTH | WF_WEEKDAY));
}

/* is_shape_word of a capitalised word */
static int shape_word_cap(const ex_scratch *sc, const ex_tok *t)
{
    uint32_t f = ex_wflags(sc, t);
    const char *hy;
    /* "AI-powered", "U.S.-made": an adjective, not a name */
    hy = (t->flags & TF_HYPHEN)
             ? memchr(sc->doc->text + t->start, '-', t->end - t->start)
             : NULL;
    if (hy && hy + 1 < sc->doc->text + t->end && hy[1] >= 'a' &&
        hy[1] <= 'z' && !(t->flags & TF_CAMEL) && !hyphen_given_name(sc, t))
        return 0;
    if (f & (WF_TITLE | WF_ROLE | WF_MONTH | WF_WEEKDAY | WF_STOP |
             WF_PRONOUN | WF_PERPRONOUN))
        return (f & (WF_LEGAL | WF_ORGWORD)) != 0;
    /* "EUR 5.3 billion", "USD" */
    if ((f & WF_CURRENCY) && (t->flags & TF_ALLCAPS))
        return 0;
    /* "Attorney General Letitia James", "Judge Amit Mehta" */
    if (t->word < 0 && office_word(sc, t))
        return 0;
    return 1;
}
/* May word t be part of a name by its shape?  (The lowercase and number
 * words most calls are about turned down inline.) */
static inline int is_shape_word(const ex_scratch *sc, const ex_tok *t)
{
    return (t->flags & (TF_WORD | TF_NUM)) == TF_WORD &&
           (t->flags & (TF_CAP | TF_CAMEL | TF_ALLCAPS)) &&
           shape_word_cap(sc, t);
}

/* Append tokens [a, b) as a name ("Acme Robotics") into key. */
static int name_text(const ex_scratch *sc, kg_buf *key, uint32_t a,
                     uint32_t b)
{
    return tok_key(sc, key, a, b);
}

/* Is one of tokens [a, b) a capitalised word the lexicon does not know,
 * or a place ("United Continental Holdings")? */
static int unknown_word_in(const ex_scratch *sc, uint32_t a, uint32_t b)
{
    const ex_tok *tk = sc->toks.ptr;
    for (; a < b; a++)
        if ((tk[a].flags & TF_CAP) &&
            (tk[a].word < 0 || (ex_wflags(sc, &tk[a]) & WF_NONNAME)))
            return 1;
    return 0;
}

/*
 * Is the name [a, b) two known names run together ("AOL Time Warner")?
 * Then its first word is no short form of it.  "Daimler-Benz" is not.
 */
static int two_names(ex_scratch *sc, const ex_sent *s, uint32_t a,
                     uint32_t b, kg_buf *key)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k = a + 1;
    int32_t dummy;
    if (k < b && is_punct(sc, &tk[k], '-'))
        k++;
    return k < b && gaz_at(sc, s, k, key, &dummy, 0) > k;
}

/*
 * The gazetteer firm whose whole name is the word at i, first part of a
 * hyphenated name ("Sanofi" of "Sanofi-Synthelabo", "Adidas" of
 * "Adidas-Salomon"), or -1.  Not a NAMES.md name (its own name stands),
 * nor an ambiguous one ("Total" may be a word).
 */
static int32_t hyphen_head(ex_scratch *sc, const ex_sent *s, uint32_t i,
                           kg_buf *key)
{
    int32_t g = -1;
    const ex_gent *ge;
    if (gaz_at(sc, s, i, key, &g, 0) != i + 1 || g < 0)
        return -1;
    ge = &EX_AT(sc->ex->gentv, ex_gent, g);
    return ge->kind == KG_KIND_ORG && !ge->canonical && !ge->ambiguous
               ? g
               : -1;
}

/*
 * Does the word at k already name another firm of the article ("Arcelor"
 * before "the combined company will be called Arcelor Mittal")?  Then
 * it is no short form of a later, longer name.
 */
static int short_named(ex_scratch *sc, const ex_sent *s, uint32_t k,
                       kg_buf *key)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t id;
    int32_t g;
    size_t e;
    if (kg_extract__map_get(&sc->entnames, sc->doc->text + tk[k].start,
                            tk[k].end - tk[k].start, &id) ||
        kg_extract__map_get(&sc->aliases, sc->doc->text + tk[k].start,
                            tk[k].end - tk[k].start, &id))
        return 1;
    if (gaz_at(sc, s, k, key, &g, 0) != k + 1)
        return 0;
    for (e = 0; e < sc->ents.n; e++)
        if (EX_AT(sc->ents, ex_ent, e).gaz == g)
            return 1;
    return 0;
}

/*
 * The firm of an earlier sentence whose name is the known name at token
 * i and another known name after it ("Glaxo Wellcome" for "Glaxo"), when
 * the article has named neither part alone ("AOL Time Warner ... Time
 * Warner ... AOL" keeps AOL).  Returns the entity or -1.
 */
static int32_t merged_first(const ex_scratch *sc, uint32_t i, int32_t g)
{
    const ex_tok *tk = sc->toks.ptr;
    const char *w = sc->doc->text + tk[i].start;
    size_t wn = tk[i].end - tk[i].start, e, m;
    int32_t found = -1;
    uint32_t id;
    if (kg_extract__map_get(&sc->entnames, w, wn, &id) ||
        kg_extract__map_get(&sc->aliases, w, wn, &id))
        return -1;
    for (e = 0; e < sc->ents.n; e++) {
        const ex_ent *en = &EX_AT(sc->ents, ex_ent, e);
        const char *rest;
        uint32_t g2;
        if (en->gaz == g)
            return -1;
        if (en->kind != KG_KIND_ORG || !en->named || en->gaz < 0 ||
            strncmp(en->name, w, wn) != 0 || en->name[wn] != ' ')
            continue;
        rest = en->name + wn + 1;
        /* the rest must be a known name, not named alone */
        if (!kg_extract__map_get(&sc->ex->gnames, rest, strlen(rest),
                                 &g2) ||
            kg_extract__map_get(&sc->entnames, rest, strlen(rest), &id))
            continue;
        for (m = 0; m < sc->ents.n; m++)
            if (EX_AT(sc->ents, ex_ent, m).gaz == (int32_t)g2)
                break;
        if (m < sc->ents.n)
            continue;
        found = (int32_t)e;
    }
    /* not in the sentence that named the merged firm */
    for (m = 0; found >= 0 && m < sc->ments.n; m++)
        if (EX_AT(sc->ments, ex_ment, m).ent == found)
            return -1;
    return found;
}

/*
 * A month name that starts a name: "August Busch IV", "May Department
 * Stores".  Not after a function word or before a number ("in May",
 * "June 5").
 */
static int month_name(const ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    if (!(tk[i].flags & TF_CAP) || !(ex_wflags(sc, &tk[i]) & WF_MONTH) ||
        tk[i].norm_len < 3 || i + 1 >= s->t1 ||
        !(tk[i + 1].flags & TF_CAP) || !(tk[i + 1].flags & TF_WORD) ||
        (tk[i + 1].flags & TF_NUM) || !(tk[i + 1].flags & TF_SPACE_BEFORE) ||
        (ex_wflags(sc, &tk[i + 1]) & (WF_MONTH | WF_WEEKDAY)))
        return 0;
    /* "August A. Busch III": an initial, though "A" is a stop word */
    if ((ex_wflags(sc, &tk[i + 1]) & WF_STOP) &&
        !(tk[i + 1].norm_len == 1 && i + 2 < s->t1 &&
          is_punct(sc, &tk[i + 2], '.') &&
          !(tk[i + 2].flags & TF_SPACE_BEFORE)))
        return 0;
    if (i > s->t0 && ((ex_wflags(sc, &tk[i - 1]) & (WF_STOP | WF_DATEWORD)) ||
                      (tk[i - 1].flags & TF_NUM)))
        return 0;
    return 1;
}

/*
 * The firm named earlier in the article whose initials an unknown acronym
 * spells: "AMC" for "American Motors Corp", "TCI" for
 * "Tele-Communications Inc", "FCA" for "Fiat Chrysler Automobiles".  The
 * initials are those of the capitalised words (hyphen parts count; "of"
 * and "and" give none), plus
 * at most one letter of a dropped legal suffix.  Returns the entity or -1.
 */
static int32_t acronym_of(const ex_scratch *sc, const char *acr0, size_t n0)
{
    size_t e, k, n = 0;
    char acr[8];
    /* "AT&T" spells "American Telephone and Telegraph", "S&N" spells
     * "Scottish & Newcastle" and "M&S" "Marks & Spencer" */
    for (k = 0; k < n0 && n < sizeof acr; k++)
        if (acr0[k] != '&')
            acr[n++] = acr0[k];
    if (n < 2 || n > 5 || k < n0)
        return -1;
    for (e = 0; e < sc->ents.n; e++) {
        const ex_ent *en = &EX_AT(sc->ents, ex_ent, e);
        const char *p = en->name;
        char ini[8];
        size_t m = 0;
        /* a name of unknown kind may match when it gives three or more
         * initials ("CSN" after "Companhia Siderurgica Nacional"), or
         * two joined by '&' as the name is ("S&N" after "Scottish &
         * Newcastle") */
        if (en->kind != KG_KIND_ORG &&
            (en->kind >= 0 ||
             (n < 3 && !(n < n0 && strchr(en->name, '&')))))
            continue;
        while (*p && m < sizeof ini) {
            if (*p >= 'A' && *p <= 'Z')
                ini[m++] = *p;
            while (*p && *p != ' ' && *p != '-')
                p++;
            while (*p == ' ' || *p == '-')
                p++;
        }
        if (m < 2 || *p)
            continue;
        if (m == n && memcmp(ini, acr, n) == 0)
            return (int32_t)e;
        if (m + 1 == n && memcmp(ini, acr, m) == 0)
            for (k = 0; k < 5; k++)
                if (acr[m] == "CILPG"[k])
                    return (int32_t)e;
    }
    return -1;
}

/* Can w[0..n) be cut into pieces, each the start of the next word of
 * the name from p on (words in lower case are passed over), with at
 * least `need` pieces to go? */
static int pieces_of(const char *p, const char *w, size_t n, int need)
{
    size_t wl, k;
    while (*p == ' ')
        p++;
    if (!n)
        return need <= 0;
    if (!*p)
        return 0;
    wl = strcspn(p, " ");
    if (*p >= 'a' && *p <= 'z')
        return pieces_of(p + wl, w, n, need);
    for (k = 1; k <= n && k <= wl; k++) {
        if ((p[k - 1] | 32) != (w[k - 1] | 32))
            break;
        if (pieces_of(p + wl, w + k, n - k, need - 1))
            return 1;
    }
    return 0;
}

/*
 * The firm of the article whose name the word w (n bytes) contracts:
 * the starts of two or more of its words run together ("Consgold" of
 * "Consolidated Gold Fields", "BSkyB" of "British Sky Broadcasting",
 * "Natwest" of "National Westminster Bank").  -1 if none, or two.
 */
static int32_t contraction_of(const ex_scratch *sc, const char *w, size_t n)
{
    size_t e;
    int32_t found = -1;
    if (n < 4 || n > 24)
        return -1;
    for (e = 0; e < sc->ents.n; e++) {
        const ex_ent *en = &EX_AT(sc->ents, ex_ent, e);
        if (en->kind == KG_KIND_PERSON || en->kind == KG_KIND_PRODUCT ||
            !en->named || !strchr(en->name, ' ') ||
            (en->name[0] | 32) != (w[0] | 32) ||
            !pieces_of(en->name, w, n, 2))
            continue;
        if (found >= 0 && found != (int32_t)e)
            return -1;
        found = (int32_t)e;
    }
    return found;
}

/* Has the word a letter? ("21st", "3G"; not "1987") */
static int alpha_in(const char *n, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        if ((n[i] >= 'a' && n[i] <= 'z') || (unsigned char)n[i] >= 0x80)
            return 1;
    return 0;
}

/* "1990s", "80s": a decade, no name */
static int decade(const char *n, size_t len)
{
    size_t i;
    if (len < 3 || n[len - 1] != 's')
        return 0;
    for (i = 0; i + 1 < len; i++)
        if ((n[i] < '0' || n[i] > '9') && n[i] != '\'')
            return 0;
    return 1;
}

/* Is the token all digits, and no year ("365"; not "1987", "4.5")? */
static int digits_only(const ex_scratch *sc, const ex_tok *t)
{
    const char *n = ex_norm(sc, t);
    size_t i;
    for (i = 0; i < t->norm_len; i++)
        if (n[i] < '0' || n[i] > '9')
            return 0;
    return t->norm_len >= 1 && t->norm_len <= 3;
}

/* Is the token a number, a hyphen and a capitalised word ("7-Eleven";
 * not "3-D", "10-K")? */
static int hyphen_cap(const ex_scratch *sc, const ex_tok *t)
{
    const char *x = sc->doc->text + t->start, *e = sc->doc->text + t->end;
    if (*x < '0' || *x > '9')
        return 0;
    while (x < e && *x >= '0' && *x <= '9')
        x++;
    return e - x >= 4 && x[0] == '-' && x[1] >= 'A' && x[1] <= 'Z' &&
           x[2] >= 'a' && x[2] <= 'z';
}

/* "Groupe Danone", "Grupo Modelo": a word that makes the next name a
 * longer one */
static int prefix_orgword(const char *n)
{
    static const char *const w[] = {"groupe", "grupo", "gruppo", "banco",
                                    "banca", "compagnie", "koninklijke",
                                    "societe"};
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/*
 * The word of firm name [a, b) that the article may use alone later:
 * the first, or the first after initials or a prefix word ("Macy" of
 * "R.H. Macy", "Sainsbury" of "J Sainsbury", "Danone" of "Groupe
 * Danone"), or the last after a leading number ("Fox" of "21st Century
 * Fox").  Returns b if there is none.
 */
static uint32_t short_form(const ex_scratch *sc, uint32_t a, uint32_t b)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k;
    /* "21st Century Fox", "20th Century Studios": its last word */
    if (b >= a + 3 && (tk[a].flags & TF_NUM) && (tk[a].flags & TF_WORD))
        return tk[b - 1].word < 0 && (tk[b - 1].flags & TF_CAP) ? b - 1 : b;
    for (k = a; k < b; k++) {
        const char *n = ex_norm(sc, &tk[k]);
        if (!(tk[k].flags & TF_WORD))
            continue;
        if (tk[k].norm_len == 1 || memchr(n, '.', tk[k].norm_len) ||
            (k + 1 < b && prefix_orgword(n)))
            continue;
        return tk[k].word < 0 && (tk[k].flags & TF_CAP) ? k : b;
    }
    return b;
}

/*
 * May "of" at token j continue the firm name that starts at token a?
 * After an org word ("Bank of America"), but not after "Group" with a
 * name before it ("Grey Global Group of New York" ends at "Group").
 */
static int org_of(const ex_scratch *sc, uint32_t a, uint32_t j)
{
    const ex_tok *tk = sc->toks.ptr;
    return (ex_wflags(sc, &tk[j - 1]) & WF_ORGWORD) &&
           !(j - 1 > a && ex_tok_is(sc, &tk[j - 1], "group"));
}

/* "van", "de", "von": a particle inside a person's or firm's name */
static int particle(const char *n)
{
    static const char *const w[] = {"van", "von", "de", "der", "den", "du",
                                    "da", "di", "del", "della", "des", "et",
                                    "le", "la", "ter", "bin"};
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/* "Jr", "III": a generation after a person's surname */
static int generation(const char *n)
{
    static const char *const w[] = {"jr", "sr", "ii", "iii", "iv"};
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/* "American", "British": a nationality adjective */
static int nationality(const char *n)
{
    static const char *const w[] = {
        "american", "british", "french", "german", "japanese", "chinese",
        "european", "swiss", "dutch", "italian", "spanish", "canadian",
        "australian", "korean", "indian", "russian", "swedish", "irish"};
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/* "unit", "business": a head noun after a unit's name */
static int unit_head(const char *n)
{
    static const char *const w[] = {"unit", "business", "division", "arm",
                                    "subsidiary", "businesses", "units",
                                    "operations", "segment", "lab"};
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/* A unit's head noun within four words from k, before punctuation
 * ("New York banking arm") */
static int unit_after(const ex_scratch *sc, const ex_sent *s, uint32_t k)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q;
    for (q = k; q < s->t1 && q < k + 4 && (tk[q].flags & TF_WORD); q++)
        if (unit_head(ex_norm(sc, &tk[q])))
            return 1;
    return 0;
}

/* Do tokens v, w ("has", "said it", "is") say what one firm does? */
static int one_firm_verb(const ex_scratch *sc, const ex_tok *v,
                         const ex_tok *w)
{
    static const char *const one[] = {"has", "is", "was"};
    return ex_in_words(ex_norm(sc, v), one, sizeof one / sizeof *one) ||
           ((ex_tok_is(sc, v, "said") || ex_tok_is(sc, v, "says")) &&
            (ex_tok_is(sc, w, "it") || ex_tok_is(sc, w, "its")));
}

/*
 * After "and" at a: one capitalised unknown word and a legal suffix
 * ("Tire and Rubber Co") or a unit's head noun ("Devices and Services
 * business")?  Returns the token after the word, or 0.  "Hallmark Cards
 * and Pemberton Candy Co" stays two firms.
 */
static uint32_t and_name_end(ex_scratch *sc, const ex_sent *s, uint32_t a,
                             kg_buf *key, int allcaps, int one)
{
    /* the utility and thrift names of wire copy: "Lanyon Federal Savings
     * and Loan Association", "Harlow Gas and Electric Co", "Kent Power
     * and Light" (a closed list of pairs: "Cards and Pemberton Foods"
     * stays two firms) */
    static const char *const before[] = {"savings", "building", "gas",
                                         "light", "power", "trust"};
    static const char *const after[] = {"loan", "electric", "power",
                                        "light", "savings"};
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k = a, id;
    int32_t dummy;
    if (a >= s->t0 + 2 && a < s->t1 && (tk[a].flags & TF_CAP) &&
        (tk[a - 2].flags & TF_CAP) &&
        ex_in_words(ex_norm(sc, &tk[a - 2]), before,
                    sizeof before / sizeof before[0]) &&
        ex_in_words(ex_norm(sc, &tk[a]), after,
                    sizeof after / sizeof after[0])) {
        k = a + 1;
        /* "... Loan Association", "... Electric Co" */
        if (k < s->t1 && (tk[k].flags & TF_CAP) &&
            (ex_wflags(sc, &tk[k]) & WF_ORGWORD))
            k++;
        return k;
    }
    /* "Brisk and Tallow Tobacco Corp": after one word before "and", two
     * words and a legal suffix ("Kirby Mills and Wendover Cotton Ltd"
     * stays two firms) */
    while (k < s->t1 && k < a + 1 + (one != 0) && is_shape_word(sc, &tk[k]) &&
           (tk[k].flags & TF_CAP) && !(ex_wflags(sc, &tk[k]) & WF_LEGAL) &&
           sc->mstart[k - s->t0] < 0 &&
           !kg_extract__map_get(&sc->aliases, sc->doc->text + tk[k].start,
                                tk[k].end - tk[k].start, &id) &&
           gaz_at(sc, s, k, key, &dummy, allcaps) == k)
        k++;
    if (k == a || k >= s->t1)
        return 0;
    if (legal_tok(sc, &tk[k]))
        return k;
    if (k == a + 2)
        k = a + 1;
    /* "Fenwick and Hale's chief executive", "Fenwick and Hale, the
     * Leeds builder,": one word each side of "and", then a possessive
     * or an apposition that names one firm (two firms are "Fenwick's
     * and Hale's", "the two builders") */
    if (one && k == a + 1 && k + 2 < s->t1 &&
        (tk[k].flags & TF_SPACE_BEFORE) == 0 && ex_tok_is(sc, &tk[k], "'s") &&
        (tk[k + 1].flags & TF_WORD) && !(tk[k + 1].flags & TF_CAP) &&
        !ex_tok_is(sc, &tk[k + 1], "and") &&
        /* "the Lantern and Mossop's chains", "X and Y's stakes" */
        ex_norm(sc, &tk[k + 1])[tk[k + 1].norm_len - 1] != 's' &&
        !(a >= s->t0 + 3 && (ex_wflags(sc, &tk[a - 3]) & WF_DET)))
        return k;
    if (one && k == a + 1 && k + 3 < s->t1 && is_punct(sc, &tk[k], ',') &&
        (ex_tok_is(sc, &tk[k + 1], "the") || ex_tok_is(sc, &tk[k + 1], "a") ||
         ex_tok_is(sc, &tk[k + 1], "an"))) {
        uint32_t q;
        for (q = k + 2; q < s->t1 && q < k + 7; q++) {
            if (ex_tok_is(sc, &tk[q], "two") || ex_tok_is(sc, &tk[q], "both") ||
                ex_tok_is(sc, &tk[q], "three"))
                break;
            /* "the Leeds-based builder" */
            if ((tk[q].flags & TF_CAP) && q + 1 < s->t1 &&
                is_punct(sc, &tk[q + 1], '-'))
                continue;
            if (is_punct(sc, &tk[q], '-') || (tk[q].flags & TF_HYPHEN))
                continue;
            if (tk[q].flags & TF_CAP)
                break;
            if ((ex_wflags(sc, &tk[q]) & WF_ORGHEAD) && q + 1 < s->t1 &&
                (is_punct(sc, &tk[q + 1], ',') ||
                 is_punct(sc, &tk[q + 1], '.')))
                return k;
            if (tk[q].flags & TF_PUNCT)
                break;
        }
    }
    /* "its Devices and Services business" */
    if (!(tk[k].flags & TF_UPPER) && unit_head(ex_norm(sc, &tk[k])))
        return k;
    /* "Harwell and Tode Industries said it", "Pennick and Rowe Group
     * has": a firm word and a verb for one firm ("... Group have agreed
     * to merge" and "... said they" name two; so does "Tamsin Motor and
     * Oriel Motor", a firm word before "and") */
    if ((tk[k].flags & TF_CAP) && (tk[k].flags & TF_SPACE_BEFORE) &&
        (ex_wflags(sc, &tk[k]) & WF_ORGWORD) && k + 2 < s->t1 &&
        !(ex_wflags(sc, &tk[a - 2]) & WF_ORGWORD) &&
        one_firm_verb(sc, &tk[k + 1], &tk[k + 2]))
        return k + 1;
    return 0;
}

/*
 * Is the run [a, j) that a trigger word opens the sentence's subject,
 * "Alliance Boots has agreed", "Merger Holdings said": the trigger word
 * and one word the lexicon does not know, then a verb of saying or an
 * auxiliary?
 */
static int opener_subject(const ex_scratch *sc, const ex_sent *s,
                          uint32_t a, uint32_t j)
{
    static const char *const w[] = {"has", "had", "is", "was", "will",
                                    "would", "said", "says", "agreed"};
    const ex_tok *tk = sc->toks.ptr;
    uint32_t b = a + 1;
    /* "Alliance & Leicester has" */
    if (j == a + 3 && is_punct(sc, &tk[a + 1], '&'))
        b = a + 2;
    return j == b + 1 && j < s->t1 && tk[b].word < 0 &&
           !(tk[b].flags & (TF_ALLCAPS | TF_NUM)) &&
           !(ex_wflags(sc, &tk[b]) & (WF_COUNTRY | WF_NONNAME)) &&
           ex_in_words(ex_norm(sc, &tk[j]), w, sizeof w / sizeof w[0]);
}

/*
 * Where the words after a name at token p go on past an apposition that
 * describes a firm (", the leisure group,", ", based in Ohio,") and a
 * day ("yesterday", "on Monday"): where its verb may start.  p if there
 * is neither.
 */
static uint32_t past_aside(const ex_scratch *sc, const ex_sent *s,
                           uint32_t p)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q;
    int head = 0;
    if (p < s->t1 && is_punct(sc, &tk[p], ',')) {
        for (q = p + 1; q < s->t1 && q < p + 10 && !is_punct(sc, &tk[q], ',');
             q++)
            head |= (ex_wflags(sc, &tk[q]) & WF_ORGHEAD) ||
                    ex_tok_is(sc, &tk[q], "based");
        if (head && q < s->t1 && q < p + 10)
            p = q + 1;
    }
    if (p < s->t1 && (ex_tok_is(sc, &tk[p], "yesterday") ||
                      ex_tok_is(sc, &tk[p], "today")))
        p++;
    else if (p + 1 < s->t1 && ex_tok_is(sc, &tk[p], "on") &&
             (ex_wflags(sc, &tk[p + 1]) & WF_WEEKDAY))
        p += 2;
    return p;
}

/*
 * "Allied bought Bendix Corp", "Allied, which bought", "Allied's
 * chairman", "Allied, the chemicals group, said it agreed", "Allied and
 * Signal agreed to merge", "Allied-Signal makes": a word the lexicon
 * knows ("allied" is a trigger) that opens the sentence alone is a
 * firm's name where only a firm's can stand, where the article has named
 * a firm so, or joined by a hyphen to a capitalised word.  Never a
 * function word, a place, a given name or any word shape_word_cap turns
 * down, and never a plural noun ("Analysts", "Partners", "Shares").
 */
static int opener_firm(ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_tok *t = &tk[i];
    const char *n = ex_norm(sc, t);
    uint32_t id, q;
    if (!(t->flags & TF_CAP) || (t->flags & (TF_ALLCAPS | TF_HYPHEN)) ||
        (ex_wflags(sc, t) & (WF_STOP | WF_NONNAME | WF_COUNTRY |
                             WF_FIRSTNAME | WF_DATEWORD | WF_SCALE |
                             WF_PCT | WF_DET)) ||
        !is_shape_word(sc, t) || i + 1 >= s->t1)
        return 0;
    if (kg_extract__map_get(&sc->entnames, sc->doc->text + t->start,
                            t->end - t->start, &id) &&
        EX_AT(sc->ents, ex_ent, id).kind == KG_KIND_ORG)
        return 1;
    if (i + 2 < s->t1 && is_punct(sc, &tk[i + 1], '-') &&
        !(tk[i + 1].flags & TF_SPACE_BEFORE) &&
        !(tk[i + 2].flags & TF_SPACE_BEFORE) && (tk[i + 2].flags & TF_CAP) &&
        is_shape_word(sc, &tk[i + 2]))
        return 1;
    if ((tk[i + 1].flags & TF_CAP) && (tk[i + 1].flags & TF_SPACE_BEFORE))
        return 0;
    if (t->norm_len > 3 && n[t->norm_len - 1] == 's' &&
        n[t->norm_len - 2] != 's')
        return 0;
    /* "Global and Petrel Leisure agreed to merge": the slot after the
     * other name */
    if (i + 2 < s->t1 && ex_tok_is(sc, &tk[i + 1], "and") &&
        (tk[i + 2].flags & TF_CAP) && is_shape_word(sc, &tk[i + 2])) {
        for (q = i + 3; q < s->t1 && (tk[q].flags & TF_CAP) &&
                        (tk[q].flags & TF_SPACE_BEFORE) &&
                        is_shape_word(sc, &tk[q]);
             q++)
            ;
        return firm_after(sc, s, absorb_legal(sc, q, s->t1), 0);
    }
    return firm_after(sc, s, i + 1, 0) ||
           ((q = past_aside(sc, s, i + 1)) > i + 1 && firm_after(sc, s, q, 0));
}

/* "Group", "Computer": words that do not make a known firm another one
 * ("Sony Group", "Dell Computer") */
static int generic_orgword(const char *n)
{
    static const char *const w[] = {"group", "international", "global",
                                    "worldwide", "computer", "computers",
                                    "technologies", "technology",
                                    "systems"};
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/*
 * Does a known name ending before token j go on as a longer unknown one?
 * "Continental Airlines", "Vivendi Universal Entertainment", "J.P. Morgan
 * Chase & Co.": one to three more capitalised words that end in an org
 * word or before a legal suffix.  "Sony Group" and "Dell Computer" stay
 * Sony and Dell.
 */
/*
 * Is token k a noun of a tie between two firms?  "the Renault-Nissan
 * alliance" and "the Microsoft-OpenAI deal" name two firms; without such
 * a noun two known names joined by a hyphen are one ("Adidas-Salomon
 * agreed", "Saab-Scania competes").
 */
static int pair_noun(const ex_scratch *sc, const ex_sent *s, uint32_t k)
{
    static const char *const w[] = {
        "deal",     "deals",       "alliance",     "partnership",
        "merger",   "tie",         "tie-up",       "talks",
        "venture",  "pact",        "agreement",    "accord",
        "link",     "links",       "relationship", "rivalry",
        "battle",   "dispute",     "case",         "contract",
        "combination", "transaction", "takeover",  "bid",
        "joint",    "fight",       "feud",         "trial",
        "lawsuit",  "suit",        "row",          "war",
        "union",    "collaboration", "axis",       "duopoly"};
    return k < s->t1 &&
           ex_in_words(ex_norm(sc, &EX_AT(sc->toks, ex_tok, k)), w,
                    sizeof w / sizeof *w);
}

/*
 * Is token k a noun only two rivals share ("the Halstead-Orbis duopoly",
 * "the Visa-Mastercard rivalry")?  Two names joined by a hyphen before it
 * are two firms even when neither is known: no one firm is so named.
 */
static int rival_pair_noun(const ex_scratch *sc, const ex_sent *s,
                           uint32_t k)
{
    return k < s->t1 && (ex_tok_is(sc, &EX_AT(sc->toks, ex_tok, k),
                                   "duopoly") ||
                         ex_tok_is(sc, &EX_AT(sc->toks, ex_tok, k),
                                   "rivalry"));
}

/*
 * Is token j the comma inside a partnership's name, "Kidder, Peabody and
 * Co" or "Smith Barney, Harris Upham and Co": one to three capitalised
 * words after it, then "and Co"?
 */
static int comma_and_co(const ex_scratch *sc, const ex_sent *s, uint32_t j)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k = j + 1;
    if (!is_punct(sc, &tk[j], ',') || (tk[j].flags & TF_SPACE_BEFORE))
        return 0;
    while (k < s->t1 && k < j + 4 && is_shape_word(sc, &tk[k]) &&
           (tk[k].flags & TF_CAP) && (tk[k].flags & TF_SPACE_BEFORE) &&
           !(ex_wflags(sc, &tk[k]) & (WF_LEGAL | WF_STOP)))
        k++;
    return k > j + 1 && k + 1 < s->t1 && ex_tok_is(sc, &tk[k], "and") &&
           ex_tok_is(sc, &tk[k + 1], "co") && (tk[k + 1].flags & TF_CAP);
}

static int longer_name(ex_scratch *sc, const ex_sent *s, uint32_t j,
                       kg_buf *key, int allcaps)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k = j, plain = 0;
    int32_t dummy;
    if (allcaps)
        return 0;
    /* "Goldman, Sachs and Co" */
    if (j < s->t1 && comma_and_co(sc, s, j))
        return 1;
    /* "Singer & Friedlander", "Kidde & Partners": "&" and a capitalised
     * word that starts no known name go on the firm's name ("Boots &
     * Tesco" is two firms) */
    if (j + 1 < s->t1 && is_punct(sc, &tk[j], '&') &&
        (tk[j].flags & TF_SPACE_BEFORE) && is_shape_word(sc, &tk[j + 1]) &&
        (tk[j + 1].flags & TF_CAP) && !(tk[j + 1].flags & TF_ALLCAPS) &&
        !(ex_wflags(sc, &tk[j + 1]) & (WF_LEGAL | WF_STOP)) &&
        gaz_at(sc, s, j + 1, key, &dummy, 0) == j + 1)
        return 1;
    /* "Vodafone Italia": a country after the name (not "Google China's
     * rules", a possessive) */
    if (j < s->t1 && (ex_wflags(sc, &tk[j]) & WF_COUNTRY) &&
        (tk[j].flags & TF_CAP) && !(tk[j].flags & TF_ALLCAPS) &&
        (tk[j].flags & TF_SPACE_BEFORE) &&
        !(j + 1 < s->t1 && ex_tok_is(sc, &tk[j + 1], "'s")))
        return 1;
    /* "Daimler-Benz": a hyphen and a capitalised word, unspaced; two
     * known names so joined are one unless a tie's noun follows */
    if (j + 1 < s->t1 && is_punct(sc, &tk[j], '-') &&
        !(tk[j].flags & TF_SPACE_BEFORE) &&
        !(tk[j + 1].flags & TF_SPACE_BEFORE) && (tk[j + 1].flags & TF_CAP)) {
        uint32_t e2 = gaz_at(sc, s, j + 1, key, &dummy, 0);
        return e2 == j + 1 ? !rival_pair_noun(sc, s, j + 2)
                           : !pair_noun(sc, s, e2);
    }
    /* "HSBC Bank USA", "Barclays Bank Ireland": an org word and a
     * country after the name (not "... Bank USA's", a possessive) */
    if (j + 1 < s->t1 && (ex_wflags(sc, &tk[j]) & WF_ORGWORD) &&
        (ex_wflags(sc, &tk[j + 1]) & WF_COUNTRY) &&
        (tk[j].flags & TF_CAP) && (tk[j + 1].flags & TF_CAP) &&
        (tk[j].flags & TF_SPACE_BEFORE) &&
        (tk[j + 1].flags & TF_SPACE_BEFORE) &&
        !(j + 2 < s->t1 && ex_tok_is(sc, &tk[j + 2], "'s")))
        return 1;
    while (k < s->t1 && k < j + 3 && is_shape_word(sc, &tk[k]) &&
           (tk[k].flags & TF_CAP) && (tk[k].flags & TF_SPACE_BEFORE) &&
           !(ex_wflags(sc, &tk[k]) & WF_LEGAL) &&
           gaz_at(sc, s, k, key, &dummy, 0) == k) {
        if (!generic_orgword(ex_norm(sc, &tk[k])))
            plain++;
        k++;
    }
    if (k == j || !plain)
        return 0;
    if (ex_wflags(sc, &tk[k - 1]) & WF_ORGWORD)
        return 1;
    if (k < s->t1 && (ex_wflags(sc, &tk[k]) & WF_LEGAL) &&
        (tk[k].flags & TF_CAP))
        return 1;
    /* "Chase & Co." */
    return k + 1 < s->t1 && is_punct(sc, &tk[k], '&') &&
           (ex_wflags(sc, &tk[k + 1]) & WF_LEGAL) &&
           (tk[k + 1].flags & TF_CAP);
}

/* Are the n bytes at a the leading words of name b? */
static int word_prefix_n(const char *a, size_t n, const char *b)
{
    return strncmp(a, b, n) == 0 && b[n] == ' ';
}

/* The one org (or name of no kind) of the article whose name's last word
 * is token t's word ("Sarah C. Getty Trust" for "trust"), or -1 */
static int32_t inst_named(const ex_scratch *sc, const ex_tok *t)
{
    const char *w = ex_norm(sc, t);
    size_t n = strlen(w), k;
    int32_t one = -1;
    for (k = 0; k < sc->ents.n; k++) {
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, k);
        const char *nm = e->name, *lw;
        size_t q;
        if (e->kind != KG_KIND_ORG && e->kind >= 0)
            continue;
        lw = strrchr(nm, ' ');
        if (!lw)
            continue;
        lw++;
        if (strlen(lw) != n)
            continue;
        for (q = 0; q < n; q++)
            if ((lw[q] | 32) != w[q])
                break;
        if (q < n)
            continue;
        if (one >= 0 && one != (int32_t)k)
            return -1;
        one = (int32_t)k;
    }
    return one;
}

/* Do names a and b open with the same word, each with more after it
 * ("Smiths Group", "Smiths Detection")? */
static int same_first_word(const char *a, const char *b)
{
    size_t n = strcspn(a, " ");
    return a[n] == ' ' && strncmp(a, b, n) == 0 && b[n] == ' ';
}

/* Is name a the leading words of name b? */
static int word_prefix(const char *a, const char *b)
{
    return word_prefix_n(a, strlen(a), b);
}

/* The n bytes at w in ASCII lowercase, into low (n < its size). */
static void lower_ascii(char *low, const char *w, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
}

/* Is name a firm's first word and legal suffixes only ("Smiths Group",
 * "Dart Holdings")?  Then the word alone names that firm before others
 * that start with it ("Smiths Aerospace"). */
static int legal_rest(const ex_scratch *sc, const char *name)
{
    const char *w = strchr(name, ' ');
    char low[32];
    size_t n;
    int64_t id;
    if (!w)
        return 0;
    while (*w == ' ') {
        w++;
        for (n = 0; w[n] && w[n] != ' '; n++)
            ;
        if (n == 0 || n >= sizeof low)
            return 0;
        lower_ascii(low, w, n);
        low[n] = 0;
        if (!generic_orgword(low) &&
            ((id = kg_extract__word_find(sc->ex, low, n)) < 0 ||
             !(EX_AT(sc->ex->wordv, ex_word, (uint32_t)id).flags & WF_LEGAL)))
            return 0;
        w += n;
    }
    return !*w;
}

/* Does firm a, named by a first word and suffixes ("Smiths Group"),
 * own that word before firm b, a longer name never written with a
 * suffix ("Smiths Aerospace", one of its arms)?  Not before "Dart Drug
 * Stores Inc", a firm of its own. */
static int group_over(const ex_scratch *sc, int32_t a, int32_t b)
{
    const ex_ent *ea = &EX_AT(sc->ents, ex_ent, a);
    const ex_ent *eb = &EX_AT(sc->ents, ex_ent, b);
    return legal_rest(sc, ea->name) && !legal_rest(sc, eb->name) &&
           !eb->suffixed;
}

/* Is the word at i the first of two firms' full names ("Dart" after
 * "Dart Group Corp and Dart Drug Stores Inc")?  Then alone it names
 * neither for sure. */
static int ntab_shared(const ex_scratch *sc, uint32_t i, int32_t alias)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t head;
    int32_t r, one = -1;
    int in = 0, shared = 0;
    if (!sc->firstw.n ||
        !kg_extract__map_get_h(&sc->firstw, ex_norm(sc, &tk[i]),
                               tk[i].norm_len, tk[i].h, &head))
        return 0;
    for (r = (int32_t)head; r >= 0; r = EX_AT(sc->nrows, ex_nrow, r).next) {
        int32_t ent = EX_AT(sc->nrows, ex_nrow, r).ent;
        int kind = EX_AT(sc->ents, ex_ent, ent).kind;
        if (kind == KG_KIND_PERSON || kind == KG_KIND_PRODUCT)
            continue;
        in |= ent == alias;
        if (one >= 0 && one != ent) {
            const char *a = EX_AT(sc->ents, ex_ent, one).name;
            const char *b = EX_AT(sc->ents, ex_ent, ent).name;
            /* "Anglo American" and its unit "Anglo American Platinum":
             * the shorter is the firm; so is "Smiths Group" beside
             * "Smiths Aerospace" */
            if (word_prefix(b, a) || group_over(sc, ent, one))
                one = ent;
            else if (!word_prefix(a, b) && !group_over(sc, one, ent))
                shared = 1;
            continue;
        }
        one = ent;
    }
    /* the alias of a firm of its own ("P&O" beside "P&O Containers")
     * stands */
    return shared && in;
}

/* Is entry g's doc entity one of the article's yet? */
static int gaz_named(const ex_scratch *sc, int32_t g)
{
    size_t e;
    for (e = 0; e < sc->ents.n; e++)
        if (EX_AT(sc->ents, ex_ent, e).gaz == g)
            return 1;
    return 0;
}

/* The same, not counting a name seen only in a headline in capitals
 * ("SAFEWAY" before "Safeway Stores Inc ... Safeway") */
static int gaz_named_body(const ex_scratch *sc, int32_t g)
{
    size_t e;
    for (e = 0; e < sc->ents.n; e++)
        if (EX_AT(sc->ents, ex_ent, e).gaz == g &&
            !EX_AT(sc->ents, ex_ent, e).caps_only)
            return 1;
    return 0;
}

/*
 * Do tokens from j go on a known name as the article's longer one?
 * "Santander Central Hispano agreed", "Toyota Tsusho acquired": one to
 * three capitalised words after it, the last a word the lexicon does not
 * know (no title, weekday or month: "Siemens Monday said"), then no
 * further capitalised word.  Not after a determiner or possessive, where
 * a brand's model follows ("its Toyota Land Cruiser", "the new Sony
 * Cyber Shot"), unless a unit's noun follows ("its Hitachi Kiden
 * unit"), nor before another noun ("Nissan Leaf sales"); the caller
 * keeps NAMES.md names as they are.
 */
static int extends_known(ex_scratch *sc, const ex_sent *s, uint32_t i,
                         uint32_t j, kg_buf *key)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k = j, id;
    int32_t dummy;
    int unit,
        poss = i > s->t0 &&
               ((ex_wflags(sc, &tk[i - 1]) &
                 (WF_DET | WF_PRONOUN | WF_PERPRONOUN)) ||
                ex_tok_is(sc, &tk[i - 1], "a") ||
                ex_tok_is(sc, &tk[i - 1], "an") ||
                ex_tok_is(sc, &tk[i - 1], "'s") ||
                ex_tok_is(sc, &tk[i - 1], "'") ||
                ex_tok_is(sc, &tk[i - 1], "new"));
    /* "Japan's Toyota Tsusho": a country's firm, no brand's model */
    if (poss && i > s->t0 + 1 && ex_tok_is(sc, &tk[i - 1], "'s") &&
        (tk[i - 2].flags & TF_CAP) && (ex_wflags(sc, &tk[i - 2]) & WF_COUNTRY))
        poss = 0;
    /* (no given name: "Siemens Peter Loescher said" is a person after
     * the firm) */
    while (k < s->t1 && k < j + 3 && is_shape_word(sc, &tk[k]) &&
           (tk[k].flags & TF_CAP) && (tk[k].flags & TF_SPACE_BEFORE) &&
           !(tk[k].flags & (TF_NUM | TF_ALLCAPS)) &&
           !(ex_wflags(sc, &tk[k]) &
             (WF_LEGAL | WF_ORGWORD | WF_FIRSTNAME)) &&
           !kg_extract__map_get(&sc->aliases, sc->doc->text + tk[k].start,
                                tk[k].end - tk[k].start, &id) &&
           gaz_at(sc, s, k, key, &dummy, 0) == k)
        k++;
    /* the last word no word of a class that names none ("Siemens
     * Monday", "Fiat Chairman"); a word only the rules' phrases know may
     * end a name ("Mitsubishi Estate", though "estate car" is goods) */
    if (k == j || tk[k - 1].norm_len < 3 ||
        (ex_wflags(sc, &tk[k - 1]) &
         (WF_FIRSTNAME | WF_STOP | WF_TITLE | WF_ROLE | WF_MONTH |
          WF_WEEKDAY | WF_NONNAME | WF_COMMON | WF_TRIGGER | WF_DATEWORD |
          WF_SCALE | WF_CURRENCY | WF_PCT | WF_ORGHEAD | WF_STAKEWORD |
          WF_MODNOUN | WF_NAMEHEAD | WF_COUNTRY | WF_PRONOUN |
          WF_PERPRONOUN | WF_DET | WF_CORPCUE | WF_NOTCORP)))
        return 0;
    /* a unit's noun after it ("its Hitachi Kiden unit") names a firm
     * even after a possessive */
    unit = k < s->t1 && !(tk[k].flags & TF_CAP) &&
           unit_head(ex_norm(sc, &tk[k]));
    if (poss && !unit)
        return 0;
    /* then punctuation, a function word or a verb of the rules
     * ("agreed", "in", "'s", "said"): not a noun ("Toyota Land Cruiser
     * models") */
    return unit || k >= s->t1 || !(tk[k].flags & TF_WORD) ||
           ((ex_wflags(sc, &tk[k]) & (WF_STOP | WF_TRIGGER)) &&
            !(tk[k].flags & TF_CAP)) ||
           ex_tok_is(sc, &tk[k], "'s") ||
           reporting_verb(ex_norm(sc, &tk[k]));
}

/*
 * Is token j a version number after a product's name ("Windows 2.03",
 * "Xbox 360 console")?  Digits and points only, and no amount, share or
 * span of time after it ("Windows 3 million copies", "Office 5 percent",
 * "the Walkman 40 years ago").
 */
/* Is token j+1 no amount, share or span of time a number at j is
 * counted in ("3 million copies", "5 percent", "40 years ago")? */
static int no_count_after(const ex_scratch *sc, const ex_sent *s,
                          uint32_t j)
{
    const ex_tok *tk = sc->toks.ptr;
    return j + 1 >= s->t1 ||
           (!(ex_wflags(sc, &tk[j + 1]) & (WF_SCALE | WF_CURRENCY | WF_PCT)) &&
            !ex_tok_in(sc, &tk[j + 1], EC_VERSIONSPAN));
}

static int version_at(const ex_scratch *sc, const ex_sent *s, uint32_t j)
{
    const ex_tok *tk = sc->toks.ptr;
    const char *n = ex_norm(sc, &tk[j]);
    uint32_t k;
    if (!(tk[j].flags & TF_NUM) || tk[j].norm_len > 6 || n[0] == '.')
        return 0;
    for (k = 0; k < tk[j].norm_len; k++)
        if ((n[k] < '0' || n[k] > '9') && n[k] != '.')
            return 0;
    return no_count_after(sc, s, j);
}

/*
 * Is token j a model number right after a maker's name ("Boeing 737s",
 * "Saab 900 saloons", "Airbus A380 superjumbo")?  Up to two capitals,
 * then two to five digits, then perhaps the "s" of a plural; no year
 * ("Boeing 1987 profits"), no amount, share or span of time after it,
 * no "-" on ("Nokia 2-for-1"), no known product's name from it ("737
 * MAX").  Returns the length of the model's code
 * without the plural's "s", 0 if none.
 */
static size_t model_at(ex_scratch *sc, const ex_sent *s, uint32_t j,
                       kg_buf *key)
{
    const ex_tok *tk = sc->toks.ptr;
    const char *w;
    size_t n, k = 0, d, year = 0;
    int32_t g;
    if (j >= s->t1 || !(tk[j].flags & TF_SPACE_BEFORE))
        return 0;
    w = sc->doc->text + tk[j].start;
    n = tk[j].end - tk[j].start;
    while (k < n && k < 2 && w[k] >= 'A' && w[k] <= 'Z')
        k++;
    for (d = k; d < n && w[d] >= '0' && w[d] <= '9'; d++)
        year = year * 10 + (size_t)(w[d] - '0');
    if (d - k < 2 || d - k > 5 || (d < n && !(d + 1 == n && w[d] == 's')) ||
        (k == 0 && d == 4 && year >= 1900 && year <= 2099) ||
        (j + 1 < s->t1 && is_punct(sc, &tk[j + 1], '-') &&
         !(tk[j + 1].flags & TF_SPACE_BEFORE)) ||
        !no_count_after(sc, s, j) ||
        /* a known product of its own ("Boeing 737 MAX jets") */
        gaz_at(sc, s, j, key, &g, 0) > j)
        return 0;
    return d;
}

/*
 * Add the mention [i, j] of the model at token j after the maker's name
 * [i, j), named as the article writes them with the first n bytes of
 * token j ("Boeing 737" of "Boeing 737s"), made by entity maker.
 */
static int model_ment(ex_scratch *sc, const ex_sent *s, kg_buf *key,
                      uint32_t i, uint32_t j, size_t n, int32_t maker)
{
    const ex_tok *tk = sc->toks.ptr;
    int32_t ent;
    if (tok_key(sc, key, i, j) != KG_OK || kg__buf_putc(key, ' ') != KG_OK ||
        kg__buf_put(key, sc->doc->text + tk[j].start, n) != KG_OK ||
        (ent = ent_get(sc, key->ptr, key->len, KG_KIND_PRODUCT, -1)) < 0 ||
        add_ment(sc, s->t0, i, j + 1, ent, -1, MS_SHAPE) != KG_OK)
        return KG_ENOMEM;
    EX_AT(sc->ments, ex_ment, sc->ments.n - 1).maker = maker;
    return KG_OK;
}

/*
 * Add the mention of a firm's name [i, *j) and its legal suffix, or,
 * where a model number follows in running text (plain), that of the
 * model ("Boeing 737s", "Saab 900 saloons": the maker's name and a
 * model number name the model, which the maker makes).  *j becomes the
 * token after.
 */
static int add_firm(ex_scratch *sc, const ex_sent *s, kg_buf *key,
                    uint32_t i, uint32_t *j, int32_t ent, int src, int plain)
{
    const ex_ent *e = &EX_AT(sc->ents, ex_ent, ent);
    size_t n;
    int rc;
    /* not after a name that is also a word or a title ("Fortune 500",
     * "the Nikkei 225") */
    if (plain && e->kind == KG_KIND_ORG &&
        !(e->gaz >= 0 && EX_AT(sc->ex->gentv, ex_gent, e->gaz).ambiguous) &&
        (n = model_at(sc, s, *j, key)) > 0) {
        if ((rc = model_ment(sc, s, key, i, *j, n, ent)) != KG_OK)
            return rc;
        ++*j;
        return KG_OK;
    }
    *j = absorb_legal(sc, *j, s->t1);
    if ((rc = add_ment(sc, s->t0, i, *j, ent, -1, src)) != KG_OK)
        return rc;
    /* "the Tesla Model 3", "Airbus A350", "Microsoft Azure": a known
     * product written after its maker's name (the samples' gold: "Oracle
     * makes Oracle Cloud Infrastructure") */
    if (plain && e->kind == KG_KIND_PRODUCT && e->gaz >= 0 && *j > i + 1) {
        const char *mk = EX_AT(sc->ex->gentv, ex_gent, e->gaz).maker;
        const ex_tok *tk = sc->toks.ptr;
        size_t ml = mk ? strlen(mk) : 0;
        uint32_t g;
        int32_t me;
        if (ml && tk[i].start + ml < tk[*j - 1].end &&
            strncmp(sc->doc->text + tk[i].start, mk, ml) == 0 &&
            sc->doc->text[tk[i].start + ml] == ' ' &&
            kg_extract__map_get(&sc->ex->gnames, mk, ml, &g)) {
            /* the maker the article named already is that firm under
             * the article's name ("Ford Motor Co ... the Ford Escort") */
            size_t q;
            for (q = 0; q < sc->ents.n; q++)
                if (EX_AT(sc->ents, ex_ent, q).gaz == (int32_t)g)
                    break;
            if (q < sc->ents.n)
                me = (int32_t)q;
            else if ((me =
                          ent_get(sc, EX_AT(sc->ex->gentv, ex_gent, g).name,
                                  strlen(EX_AT(sc->ex->gentv, ex_gent, g).name),
                                  KG_KIND_ORG, (int32_t)g)) < 0)
                return KG_ENOMEM;
            EX_AT(sc->ments, ex_ment, sc->ments.n - 1).maker = me;
        }
    }
    return KG_OK;
}

/*
 * The one person of the article whose name begins with the given name w
 * (n bytes): "Sir Richard" (British style, a knight by his given name)
 * after "Sir Richard Branson".  -1 if there is none, -2 if two people
 * share the given name (then it names neither).
 */
static int32_t knight_of(const ex_scratch *sc, const char *w, size_t n)
{
    int32_t found = -1;
    size_t e;
    for (e = 0; e < sc->ents.n; e++) {
        const ex_ent *en = &EX_AT(sc->ents, ex_ent, e);
        if (en->kind != KG_KIND_PERSON || strncmp(en->name, w, n) != 0 ||
            en->name[n] != ' ')
            continue;
        if (found >= 0)
            return -2;
        found = (int32_t)e;
    }
    return found;
}

/*
 * May the capitalised word at i be the given name of a person whose
 * surname is a firm's name, which ends before k ("by Ferruccio
 * Lamborghini")?  A word the lexicon does not know, inside the sentence
 * after no determiner or possessive, or opening it before a comma; no
 * place, nationality, initial or prefix word ("Groupe Danone").
 */
static int given_name(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                      uint32_t k)
{
    const ex_tok *tk = sc->toks.ptr;
    const char *n = ex_norm(sc, &tk[i]);
    if (tk[i].word >= 0 || tk[i].norm_len < 3 ||
        (tk[i].flags & (TF_ALLCAPS | TF_NUM | TF_CAMEL)) ||
        (ex_wflags(sc, &tk[i]) & (WF_NONNAME | WF_COUNTRY)) ||
        nationality(n) || prefix_orgword(n))
        return 0;
    /* opening the sentence, only before an apposition ("Soichiro
     * Honda, the founder of"; not "Meanwhile Honda said" nor an adverb
     * in -ly) */
    if (i == s->t0)
        return k < s->t1 && is_punct(sc, &tk[k], ',') &&
               !ends_with(n, tk[i].norm_len, "ly");
    /* "Sir Adrian Cadbury", "Mr. Hugh Rover": a title says it */
    if (((tk[i - 1].flags & TF_CAP) &&
         (ex_wflags(sc, &tk[i - 1]) & WF_TITLE)) ||
        (i >= s->t0 + 2 && is_punct(sc, &tk[i - 1], '.') &&
         (tk[i - 2].flags & TF_CAP) &&
         (ex_wflags(sc, &tk[i - 2]) & WF_TITLE)))
        return 1;
    if (tk[i - 1].flags & TF_CAP)
        return 0;
    return !(ex_wflags(sc, &tk[i - 1]) &
             (WF_DET | WF_PRONOUN | WF_PERPRONOUN)) &&
           !ex_tok_is(sc, &tk[i - 1], "'s") &&
           !ex_tok_is(sc, &tk[i - 1], "'");
}

/*
 * Does another known firm's name follow the known name ending before j,
 * unpunctuated, as one longer name ("Sony Ericsson agreed", "NTT DoCoMo
 * and KDDI")?  Two firms so run together name their joint firm or a
 * unit; not before a tie's noun ("the Volvo Renault alliance"), nor a
 * product ("Sony PlayStation") or an ambiguous word ("Fiat Total").
 */
static int joins_known(ex_scratch *sc, const ex_sent *s, uint32_t j,
                       kg_buf *key)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_gent *ge;
    int32_t g = -1;
    uint32_t e;
    if (j >= s->t1 || !(tk[j].flags & TF_CAP) ||
        !(tk[j].flags & TF_SPACE_BEFORE) ||
        (e = gaz_at(sc, s, j, key, &g, 0)) == j || g < 0)
        return 0;
    ge = &EX_AT(sc->ex->gentv, ex_gent, g);
    return ge->kind == KG_KIND_ORG && !ge->ambiguous && !ge->body &&
           !pair_noun(sc, s, e);
}

/*
 * Is w (n bytes) a short form made of the letters of name, in order,
 * from its first ("Consgold" of "Consolidated Gold Fields", "BSkyB" of
 * "British Sky Broadcasting")?  Case is ignored.
 */
static int letters_of(const char *name, const char *w, size_t n)
{
    size_t k;
    const char *p = name;
    if (n < 3 || (*p | 32) != (*w | 32))
        return 0;
    p++;
    for (k = 1; k < n; k++) {
        while (*p && (*p | 32) != (w[k] | 32))
            p++;
        if (!*p)
            return 0;
        p++;
    }
    return 1;
}

/*
 * Is the known name [i, j) that of a whole group, "the Tata group" after
 * "Tata Motors"?  Then no unit of the article that shares the word is
 * meant.
 */
static int the_group(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                     uint32_t j)
{
    const ex_tok *tk = sc->toks.ptr;
    return j < s->t1 && i > s->t0 && ex_tok_is(sc, &tk[j], "group") &&
           !(tk[j].flags & TF_CAP) && ex_tok_is(sc, &tk[i - 1], "the");
}

/*
 * "Lilly" after "Eli Lilly and Co", "Mowlem" after "John Mowlem and Co":
 * a firm named after a man (a given name and a surname, no more) goes by
 * the surname.  Returns the surname's token, or b.
 */
static uint32_t founder_surname(const ex_scratch *sc, uint32_t a, uint32_t b)
{
    const ex_tok *tk = sc->toks.ptr;
    if (b != a + 2 || !(ex_wflags(sc, &tk[a]) & WF_FIRSTNAME) ||
        !(tk[a].flags & TF_CAP) || (tk[a].flags & TF_ALLCAPS) ||
        !(tk[a + 1].flags & TF_CAP) || !(tk[a + 1].flags & TF_WORD) ||
        (tk[a + 1].flags & TF_ALLCAPS) ||
        !(tk[a + 1].flags & TF_SPACE_BEFORE) ||
        (ex_wflags(sc, &tk[a + 1]) &
         (WF_STOP | WF_NONNAME | WF_ORGWORD | WF_LEGAL | WF_FIRSTNAME)))
        return b;
    return a + 1;
}

/*
 * "Dow" after "Dow Chemical Co", "Fleet" after "Fleet Financial": the
 * first word of a known firm's longer name is itself a known firm's name
 * (short_form wants a word the lexicon does not know); the article's firm
 * is meant, unless one is a unit of the other (parent=) or the short one
 * is a public body or printed so in every article (canonical).  Returns
 * the token of the short form, or b.
 */
static uint32_t gaz_first_word(ex_scratch *sc, const ex_sent *s, uint32_t a,
                               uint32_t b, const ex_gent *ge, kg_buf *key)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_gent *g2;
    uint32_t g;
    (void)s;
    (void)key;
    if (b < a + 2 || !(tk[a].flags & TF_CAP) || (tk[a].flags & TF_ALLCAPS) ||
        !(tk[a].flags & TF_WORD) || !(tk[a + 1].flags & TF_SPACE_BEFORE) ||
        !kg_extract__map_get(&sc->ex->gnames, sc->doc->text + tk[a].start,
                             tk[a].end - tk[a].start, &g))
        return b;
    g2 = &EX_AT(sc->ex->gentv, ex_gent, g);
    if (g2->kind != KG_KIND_ORG || g2->body || g2->canonical ||
        (ge->parent && strcmp(ge->parent, g2->name) == 0) ||
        (g2->parent && strcmp(g2->parent, ge->name) == 0))
        return b;
    return a;
}

/*
 * Does the article's own short form at token i beat gazetteer entry g?
 * "Daimler" after "Daimler-Benz AG", "Compaq" after "Compaq Computer",
 * "Mr. Eaton" after "Robert J. Eaton": a firm named earlier (unless
 * the gazetteer's name is a NAMES.md one: "Google" after "Google
 * DeepMind" is Google), or a person after a title.
 */
static int article_alias(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                         int32_t g)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_ent *e;
    uint32_t id;
    if (the_group(sc, s, i, i + 1))
        return 0;
    if (!kg_extract__map_get(&sc->aliases, sc->doc->text + tk[i].start,
                             tk[i].end - tk[i].start, &id) &&
        !kg_extract__map_get(&sc->entnames, sc->doc->text + tk[i].start,
                             tk[i].end - tk[i].start, &id)) {
        /* "FCA" after "Fiat Chrysler Automobiles" is not the Financial
         * Conduct Authority */
        return (tk[i].flags & TF_ALLCAPS) &&
               !EX_AT(sc->ex->gentv, ex_gent, g).canonical &&
               acronym_of(sc, sc->doc->text + tk[i].start,
                          tk[i].end - tk[i].start) >= 0;
    }
    e = &EX_AT(sc->ents, ex_ent, id);
    if (e->gaz == g)
        return 0;
    /* "Smiths" after "Smiths Group", "Smiths Aerospace" and "Smiths
     * Detection": the known firm the article named is the one of them
     * the word names alone */
    if (e->kind != KG_KIND_PERSON && gaz_named_body(sc, g) &&
        ntab_shared(sc, i, (int32_t)id))
        return 0;
    if (e->kind == KG_KIND_ORG)
        return !EX_AT(sc->ex->gentv, ex_gent, g).canonical;
    /* "Mr. Eaton", and "Mr King" in British copy */
    return e->kind == KG_KIND_PERSON && i > s->t0 &&
           ((i > s->t0 + 1 && is_punct(sc, &tk[i - 1], '.') &&
             (ex_wflags(sc, &tk[i - 2]) & WF_TITLE)) ||
            ((ex_wflags(sc, &tk[i - 1]) & WF_TITLE) &&
             (tk[i - 1].flags & TF_CAP)));
}

/* "formerly known as", "which until recently was known as": a former
 * name, not the one the firm goes by */
static int former_cue(const ex_scratch *sc, const ex_tok *t)
{
    static const char *const w[] = {"formerly", "previously", "once",
                                    "was", "were", "until", "originally",
                                    "which", "then", "earlier"};
    const char *n = ex_norm(sc, t);
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/*
 * Mention mi and "[,|(] [description] [better|also] known as X": the firm
 * of mention mi takes X's name and X is the same firm (tests/dev2 README
 * "Known as" names).
 */
static int known_as(ex_scratch *sc, const ex_sent *s, uint32_t mi,
                    kg_buf *key)
{
    const ex_tok *tk = sc->toks.ptr;
    ex_ment *m = &EX_AT(sc->ments, ex_ment, mi), *x;
    ex_ent *me, *xe;
    uint32_t q = m->b, lim, end;
    int32_t xi;
    char *nm;
    if (m->src == MS_COREF || q + 3 >= s->t1 ||
        !(is_punct(sc, &tk[q], ',') || is_punct(sc, &tk[q], '(')))
        return KG_OK;
    me = &EX_AT(sc->ents, ex_ent, m->ent);
    if (me->kind == KG_KIND_PERSON || me->kind == KG_KIND_PRODUCT)
        return KG_OK;
    /* "TKT, as the Massachusetts company is known": the short name of
     * the firm the description stands for, printed as first named */
    if (ex_tok_is(sc, &tk[q + 1], "as") && q + 5 < s->t1 &&
        (ex_wflags(sc, &tk[q + 2]) & WF_DET)) {
        uint32_t r = q + 3;
        int32_t di = -1;
        while (r < s->t1 && r < q + 8 && (tk[r].flags & TF_WORD) &&
               !ex_tok_is(sc, &tk[r], "is") && !ex_tok_is(sc, &tk[r], "was")) {
            if (sc->mcov[r - s->t0] >= 0)
                di = sc->mcov[r - s->t0];
            r++;
        }
        if (di >= 0 && r + 1 < s->t1 &&
            (ex_tok_is(sc, &tk[r], "is") || ex_tok_is(sc, &tk[r], "was")) &&
            ex_tok_is(sc, &tk[r + 1], "known") &&
            EX_AT(sc->ments, ex_ment, di).src == MS_COREF &&
            EX_AT(sc->ments, ex_ment, di).ent != m->ent &&
            EX_AT(sc->ents, ex_ent, EX_AT(sc->ments, ex_ment, di).ent).kind ==
                KG_KIND_ORG &&
            me->named <= 1) {
            int32_t e = EX_AT(sc->ments, ex_ment, di).ent;
            if (kg_extract__map_put(&sc->aliases, &sc->pool,
                                    sc->doc->text + tk[m->a].start,
                                    tk[m->b - 1].end - tk[m->a].start,
                                    (uint32_t)e, NULL) != KG_OK)
                return KG_ENOMEM;
            me->named = 0;
            m->ent = e;
            EX_AT(sc->ents, ex_ent, e).named++;
        }
        return KG_OK;
    }
    q++;
    lim = q + 7;
    while (q < s->t1 && q < lim && !ex_tok_is(sc, &tk[q], "known") &&
           (tk[q].flags & TF_WORD) && !former_cue(sc, &tk[q]) &&
           (sc->mcov[q - s->t0] < 0 ||
            EX_AT(sc->ments, ex_ment, sc->mcov[q - s->t0]).src == MS_COREF))
        q++;
    if (q + 2 >= s->t1 || !ex_tok_is(sc, &tk[q], "known") ||
        !ex_tok_is(sc, &tk[q + 1], "as") ||
        (xi = sc->mstart[q + 2 - s->t0]) < 0)
        return KG_OK;
    x = &EX_AT(sc->ments, ex_ment, xi);
    xe = &EX_AT(sc->ents, ex_ent, x->ent);
    if (x->src == MS_COREF || xe->kind == KG_KIND_PERSON ||
        xe->kind == KG_KIND_PRODUCT)
        return KG_OK;
    /* the name as written, minus a legal suffix */
    end = x->b;
    while (end > x->a + 1 &&
           ((ex_wflags(sc, &tk[end - 1]) & WF_LEGAL) ||
            is_punct(sc, &tk[end - 1], '.')))
        end--;
    if (tok_key(sc, key, x->a, end) != KG_OK ||
        !(nm = kg_pool_strndup(&sc->pool, key->ptr, key->len)))
        return KG_ENOMEM;
    if (x->ent != m->ent) {
        if (me->gaz < 0) {
            me->gaz = xe->gaz;
            xe->gaz = -1;
        }
        if (kg_extract__map_put(&sc->aliases, &sc->pool, key->ptr,
                                key->len, (uint32_t)m->ent, NULL) != KG_OK)
            return KG_ENOMEM;
        x->ent = m->ent;
    }
    me->name = nm;
    me->kind = KG_KIND_ORG;
    return KG_OK;
}

/*
 * The article's table of full names.  Every firm named in two or more
 * words ("Sterling Drug", "Grand Metropolitan", "Shell Transport and
 * Trading") is filed under its first word; a later capitalised word that
 * starts one of them resolves to it (ntab_match).  One probe per
 * capitalised word, and the chains are as long as the article has firms
 * sharing a first word.
 */
static int ntab_add(ex_scratch *sc, int32_t ent)
{
    const char *nm = EX_AT(sc->ents, ex_ent, ent).name;
    const char *sp = strchr(nm, ' ');
    char low[48];
    size_t n, k;
    uint32_t head, idx = (uint32_t)sc->nrows.n;
    ex_nrow *r;
    if (!sp || (n = (size_t)(sp - nm)) >= sizeof low || n == 0)
        return KG_OK;
    /* filed under its first token, as tokens.c cuts them: "Wal" of
     * "Wal-Mart Stores" (a hyphen before a capital), "McDonald" of
     * "McDonald's Corp"; "MGM/UA" is one token */
    for (k = 1; k < n; k++)
        if ((nm[k] == '-' && nm[k + 1] >= 'A' && nm[k + 1] <= 'Z' &&
             nm[0] >= 'A' && nm[0] <= 'Z' &&
             !(nm[k - 1] >= '0' && nm[k - 1] <= '9')) ||
            (nm[k] == '\'' && k + 2 == n && nm[k + 1] == 's'))
            break;
    n = k;
    lower_ascii(low, nm, n);
    if (kg_extract__map_get(&sc->firstw, low, n, &head)) {
        uint32_t last = head;
        for (;;) {
            r = &EX_AT(sc->nrows, ex_nrow, last);
            if (r->ent == ent)
                return KG_OK;
            if (r->next < 0)
                break;
            last = (uint32_t)r->next;
        }
        if (!(r = kg_extract__vec_push(&sc->nrows, sizeof *r)))
            return KG_ENOMEM;
        r->ent = ent;
        r->next = -1;
        EX_AT(sc->nrows, ex_nrow, last).next = (int32_t)idx;
        return KG_OK;
    }
    if (!(r = kg_extract__vec_push(&sc->nrows, sizeof *r)))
        return KG_ENOMEM;
    r->ent = ent;
    r->next = -1;
    return kg_extract__map_put(&sc->firstw, &sc->pool, low, n, idx, NULL);
}

/* May the one word t stand for a longer name?  Not a function word,
 * a title, a nationality, an org word ("General", "American", "First",
 * "National") or a given name. */
static int lone_word_ok(const ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t f = ex_wflags(sc, &tk[i]);
    /* "Eastern chairman Frank Borman", "Western's chief executive",
     * "Northern said": a place word (class loneshort) that begins a firm
     * of the article, its role, possessive or reporting verb after it */
    if ((f & WF_NONNAME) && ex_tok_in(sc, &tk[i], EC_LONESHORT) &&
        i + 1 < s->t1 && (tk[i + 1].flags & TF_SPACE_BEFORE ||
                          ex_tok_is(sc, &tk[i + 1], "'s"))) {
        const ex_tok *n = &tk[i + 1];
        uint32_t nf = ex_wflags(sc, n);
        if (ex_tok_is(sc, n, "'s") ||
            (!(n->flags & TF_CAP) && (nf & WF_ROLE)) ||
            (!(n->flags & TF_CAP) && reporting_verb(ex_norm(sc, n))))
            return 1;
        return 0;
    }
    if (f & (WF_STOP | WF_DATEWORD | WF_MONTH | WF_WEEKDAY | WF_TITLE |
             WF_ROLE | WF_NONNAME | WF_FIRSTNAME | WF_PRONOUN |
             WF_PERPRONOUN | WF_DET | WF_LEGAL | WF_COMMON | WF_SCALE |
             WF_COUNTRY | WF_PEER))
        return 0;
    /* "Enterprise" of "Enterprise Oil" mid-sentence, but not "Bank" or
     * "Capital" opening one, nor "the Bank" */
    if ((f & (WF_ORGWORD | WF_ORGHEAD)) &&
        ((tk[i].flags & TF_SENT_START) ||
         (i > s->t0 && (ex_wflags(sc, &tk[i - 1]) & WF_DET))))
        return 0;
    if (generic_orgword(ex_norm(sc, &tk[i])) || (tk[i].flags & TF_NUM))
        return 0;
    /* "Sterling said" is the firm; "stg" or "sterling" before or after an
     * amount is money */
    if ((f & WF_CURRENCY) &&
        ((i > s->t0 && (tk[i - 1].flags & TF_NUM)) ||
         (i > s->t0 && (ex_wflags(sc, &tk[i - 1]) & WF_SCALE)) ||
         (i + 1 < s->t1 && (tk[i + 1].flags & TF_NUM))))
        return 0;
    return 1;
}

/*
 * The firm of the article's table that tokens from i name by a shorter
 * form: its leading words ("Sterling" of "Sterling Drug", "Shell
 * Transport" of "Shell Transport and Trading"), the last of them perhaps
 * cut short ("Grand Met" of "Grand Metropolitan").  Not when the words
 * go on as another name ("Dart Container"), not a person or product,
 * and not when two firms of the article fit as well ("Dart" after "Dart
 * Group" and "Dart Drug").  Returns the entity (*endp: the token after
 * the form) or -1.  ntab_rows walks the chain head of the words the table
 * files word i under; ntab_match finds that chain.
 */
/* The lexicon's WF_* flags of the last word of a name ("Lines" of
 * "Delta Air Lines"); 0 for a word it does not know. */
static uint32_t last_word_flags(const ex_scratch *sc, const char *name)
{
    const char *w = strrchr(name, ' ');
    char low[32];
    size_t n;
    int64_t id;
    w = w ? w + 1 : name;
    if ((n = strlen(w)) == 0 || n >= sizeof low)
        return 0;
    lower_ascii(low, w, n);
    if ((id = kg_extract__word_find(sc->ex, low, n)) < 0)
        return 0;
    return EX_AT(sc->ex->wordv, ex_word, (uint32_t)id).flags;
}

static int32_t ntab_rows(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                         uint32_t *endp, uint32_t head)
{
    const ex_tok *tk = sc->toks.ptr;
    const char *text = sc->doc->text;
    uint32_t best_end = i;
    int32_t r, best = -1;
    int tie = 0, cut_best = 0;
    /* "Lord Hanson", "Mr. Sterling": a person */
    if (i > s->t0 && ((ex_wflags(sc, &tk[i - 1]) & WF_TITLE) ||
                      (i > s->t0 + 1 && is_punct(sc, &tk[i - 1], '.') &&
                       (ex_wflags(sc, &tk[i - 2]) & WF_TITLE))))
        return -1;
    for (r = (int32_t)head; r >= 0;
         r = EX_AT(sc->nrows, ex_nrow, r).next) {
        int32_t ent = EX_AT(sc->nrows, ex_nrow, r).ent;
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, ent);
        const char *p = e->name;
        uint32_t q = i;
        int cut = 0, words = 0;
        if (e->kind == KG_KIND_PERSON || e->kind == KG_KIND_PRODUCT)
            continue;
        while (*p && q < s->t1 && !cut) {
            size_t wl = 0; /* the name's next word (no strcspn call) */
            while (p[wl] && p[wl] != ' ')
                wl++;
            size_t tl = tk[q].end - tk[q].start, off = 0;
            const char *t = text + tk[q].start;
            uint32_t q2 = q;
            if (q > i && !(tk[q].flags & TF_SPACE_BEFORE))
                break;
            /* the word in unspaced tokens: "Wal-Mart", "McDonald's" */
            while (off < wl && q2 < s->t1 &&
                   (q2 == q || !(tk[q2].flags & TF_SPACE_BEFORE))) {
                size_t l2 = tk[q2].end - tk[q2].start;
                if (l2 > wl - off ||
                    memcmp(text + tk[q2].start, p + off, l2) != 0)
                    break;
                off += l2;
                q2++;
            }
            if (off == wl && q2 > q + 1 &&
                (q2 >= s->t1 || (tk[q2].flags & TF_SPACE_BEFORE) ||
                 !(tk[q2].flags & TF_WORD) || ex_tok_is(sc, &tk[q2], "'s"))) {
                q = q2;
                words++;
            } else if (tl == wl && memcmp(t, p, wl) == 0) {
                q++;
                words++;
            } else if (q > i && (tk[q].flags & TF_CAP) &&
                     (tk[q].flags & TF_WORD) && tl >= 3 && tl < wl &&
                     memcmp(t, p, tl) == 0 &&
                     !(ex_wflags(sc, &tk[q]) & WF_LEGAL)) {
                q++;
                cut = 1;
            } else
                break;
            p += wl;
            while (*p == ' ')
                p++;
        }
        /* the whole name again is no short form of it */
        if (!*p && !cut)
            continue;
        /* not ending on "and", "of", "&" */
        while (q > i && !(tk[q - 1].flags & TF_CAP))
            q--;
        if (q == i || (words == 1 && !cut && !lone_word_ok(sc, s, i)))
            continue;
        /* the words go on as another name */
        if (q < s->t1 && (tk[q].flags & TF_SPACE_BEFORE) &&
            (tk[q].flags & TF_CAP) && (tk[q].flags & TF_WORD) &&
            !(ex_wflags(sc, &tk[q]) & WF_LEGAL) && is_shape_word(sc, &tk[q]))
            continue;
        if (q + 1 < s->t1 && !(tk[q].flags & TF_SPACE_BEFORE) &&
            is_punct(sc, &tk[q], '-') && (tk[q + 1].flags & TF_CAP))
            continue;
        if (q > best_end) {
            best = ent;
            best_end = q;
            cut_best = cut;
            tie = 0;
        } else if (q == best_end && ent != best) {
            const char *a = EX_AT(sc->ents, ex_ent, best).name;
            if (word_prefix(e->name, a) ||
                (q == i + 1 && group_over(sc, ent, best)))
                best = ent;
            else if (!word_prefix(a, e->name) &&
                     !(q == i + 1 && group_over(sc, best, ent)))
                tie = 1;
        }
    }
    if (best < 0 || tie)
        return -1;
    /* "Nabisco Inc" after "Nabisco Brands Inc": a legal suffix makes
     * the form a full name of its own */
    if (!cut_best && best_end + 1 < s->t1 &&
        (tk[best_end].flags & TF_CAP) &&
        (tk[best_end].flags & TF_SPACE_BEFORE) &&
        (ex_wflags(sc, &tk[best_end]) & WF_LEGAL))
        return -1;
    /* "Discovery" after "Discovery ... the Discovery Channel": the
     * article named the form itself, and that firm it is, unless the
     * longer name is the firm's full one, its last word a firm's
     * ("Delta" ... "Delta Air Lines") */
    if (!cut_best && !(last_word_flags(sc, EX_AT(sc->ents, ex_ent, best)
                                                .name) &
                       (WF_ORGWORD | WF_LEGAL))) {
        char buf[128];
        size_t n = 0;
        uint32_t k, id;
        for (k = i; k < best_end; k++) {
            size_t l = tk[k].end - tk[k].start;
            int sp = k > i && (tk[k].flags & TF_SPACE_BEFORE);
            if (n + l + 1 >= sizeof buf)
                break;
            if (sp)
                buf[n++] = ' ';
            memcpy(buf + n, text + tk[k].start, l);
            n += l;
        }
        if (k == best_end && kg_extract__map_get(&sc->entnames, buf, n, &id) &&
            (int32_t)id != best &&
            EX_AT(sc->ents, ex_ent, id).kind != KG_KIND_PERSON &&
            EX_AT(sc->ents, ex_ent, id).kind != KG_KIND_PRODUCT &&
            EX_AT(sc->ents, ex_ent, id).named > 0 &&
            !EX_AT(sc->ents, ex_ent, id).caps_only)
            return -1;
    }
    *endp = best_end;
    return best;
}
static inline int32_t ntab_match(const ex_scratch *sc, const ex_sent *s,
                                 uint32_t i, uint32_t *endp)
{
    const ex_tok *t = &EX_AT(sc->toks, ex_tok, i);
    uint32_t head;
    /* a capitalised word filed in the table, inline: most are not */
    if (!sc->firstw.n || !(t->flags & TF_CAP) || !(t->flags & TF_WORD) ||
        !kg_extract__map_get_h(&sc->firstw, ex_norm(sc, t), t->norm_len,
                               t->h, &head))
        return -1;
    return ntab_rows(sc, s, i, endp, head);
}

/*
 * Does the article's own longer name beat gazetteer entry g at token i
 * (gazetteer match ending at j)?  "Shell" after "Shell Transport and
 * Trading" is that firm unless the article named Shell itself; entries
 * of NAMES.md keep their names ("Google" after "Google DeepMind").
 */
static int ntab_beats(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                      uint32_t j, int32_t g)
{
    uint32_t end, k, id;
    int32_t ent;
    const char *rest;
    if (!sc->firstw.n || EX_AT(sc->ex->gentv, ex_gent, g).canonical ||
        the_group(sc, s, i, j) ||
        (ent = ntab_match(sc, s, i, &end)) < 0 || end < j ||
        EX_AT(sc->ents, ex_ent, ent).gaz == g || gaz_named_body(sc, g))
        return 0;
    /* "AOL" after "AOL Time Warner": two known names run together name
     * a merged firm, and either alone is its own */
    rest = EX_AT(sc->ents, ex_ent, ent).name;
    for (k = i; k < end && *rest; k++) {
        rest += strcspn(rest, " ");
        rest += strspn(rest, " ");
    }
    return !*rest ||
           !kg_extract__map_get(&sc->ex->gnames, rest, strlen(rest), &id);
}

/*
 * A lowercase noun of a firm's trade that may stand before its name
 * ("budget airline Skyhop", "private equity firm Gresham Park", "Belgian
 * group Verhoeven"); not a tie or a post ("boss", "unit", "rival") and
 * not "maker" ("Fizzbang maker Tollard": the word before is a brand).
 */
static int trade_noun(const ex_scratch *sc, const ex_tok *w)
{
    static const char *const firmnoun[] = {
        "giant", "firm", "group", "conglomerate", "airline", "company",
        "chain", "bank", "carrier", "utility", "network", "brewer",
        "insurer", "lender", "retailer", "broadcaster", "publisher",
        "operator", "manufacturer", "supplier", "provider", "builder",
        "housebuilder", "carmaker", "drugmaker", "chipmaker", "miner",
        "refiner", "producer", "distributor", "developer", "specialist",
        "outfit", "consultancy", "agency", "fund", "studio", "brokerage",
        "broker", "grocer", "supermarket", "steelmaker", "telecom"};
    return (w->flags & (TF_WORD | TF_CAP | TF_NUM)) == TF_WORD &&
           (ex_wflags(sc, w) & WF_NAMEHEAD) &&
           ex_in_words(ex_norm(sc, w), firmnoun,
                       sizeof firmnoun / sizeof firmnoun[0]);
}

/*
 * "Budget airline Skyhop", "Telecoms group Wycombe", "UK housebuilder
 * Wellow": does the sentence open at i with a capitalised word that the
 * gazetteer does not start, then one or two lowercase words the last of
 * which is a trade noun, then a capitalised name ("Kelsall boss Graham
 * Oakes", "Kelsall unit Homewise" keep their first name)?
 */
static int opens_trade_desc(ex_scratch *sc, const ex_sent *s, uint32_t i,
                            int caps_line, kg_buf *key)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_tok *t = &tk[i];
    int32_t g;
    uint32_t k;
    if (caps_line || !(t->flags & TF_CAP) ||
        ((t->flags & TF_ALLCAPS) && !(ex_wflags(sc, t) & WF_NONNAME)))
        return 0;
    for (k = i + 1; k < s->t1 && k <= i + 2; k++) {
        const ex_tok *w = &tk[k];
        if ((w->flags & (TF_WORD | TF_CAP | TF_NUM)) != TF_WORD ||
            !(w->flags & TF_SPACE_BEFORE))
            return 0;
        if (trade_noun(sc, w))
            break;
    }
    if (k >= s->t1 || k > i + 2 || k + 1 >= s->t1 ||
        !(tk[k + 1].flags & TF_CAP) || !(tk[k + 1].flags & TF_SPACE_BEFORE) ||
        !is_shape_word(sc, &tk[k + 1]))
        return 0;
    return gaz_at(sc, s, i, key, &g, 0) == i;
}

int kg_extract__mentions(ex_scratch *sc, uint32_t si)
{
    const kg_extractor *ex = sc->ex;
    const ex_sent *s = &EX_AT(sc->sents, ex_sent, si);
    const ex_tok *tk = sc->toks.ptr;
    kg_buf key = sc->mkey; /* the scratch's, given back at the end */
    uint32_t n = s->t1 - s->t0, i, words = 0, caps = 0, allcaps_n = 0;
    uint32_t known = 0, known_caps = 0;
    int headline, allcaps, newname, first_start, called = 0, known_w = 0;
    int opener, opener_name, opener_alone;
    int rc = KG_OK;
    int32_t first_org = -1, second_org = -1, last_org = -1;
    uint32_t main_at;
    /* a description's head read after the name in it (product_maker_desc) */
    int32_t pend_a1 = -1, pend_a2 = -1;
    uint32_t pend_at = 0, pend_end = 0;
    /* the end of a description that opens the sentence and stands for
     * no firm of the article ("The German group" with none German) */
    uint32_t void_end = 0;

    sc->ments.n = 0;
    kg_buf_clear(&key);
    if (n > sc->mcap) {
        size_t cap = n * 2; /* even: the cue bits after 3 * cap int32 are
                             * 8-byte aligned */
        int32_t *p = realloc(sc->mstart,
                             cap * (3 * sizeof *p + sizeof *sc->cuebits));
        if (!p)
            return KG_ENOMEM;
        sc->mstart = p;
        sc->mcap = cap;
    }
    sc->mend = sc->mstart + sc->mcap;
    sc->mcov = sc->mend + sc->mcap;
    sc->cuebits = (ex_cueset *)(void *)(sc->mcov + sc->mcap);
    sc->cue_sent = -1;
    for (i = 0; i < n; i++)
        sc->mstart[i] = sc->mend[i] = sc->mcov[i] = -1;
    /* a dateline ("MILAN/PARIS, June 6 (Global Wire) -") names no firm */
    if (n >= 2 && is_punct(sc, &tk[s->t1 - 1], '-'))
        goto done;

    for (i = s->t0; i < s->t1; i++) {
        if (!(tk[i].flags & TF_WORD) || (tk[i].flags & TF_NUM) ||
            (ex_wflags(sc, &tk[i]) & WF_STOP))
            continue;
        words++;
        if ((tk[i].flags & TF_CAP) && i > s->t0)
            caps++;
        if (tk[i].flags & TF_ALLCAPS)
            allcaps_n++;
        /* headlines capitalise ordinary words ("Buy", "Retires"); an
         * abbreviation inside a name is no such word ("Pell Jr") */
        if (tk[i].word >= 0 && i > s->t0 &&
            !(ex_wflags(sc, &tk[i]) &
              (WF_LEGAL | WF_ORGWORD | WF_NONNAME | WF_MONTH | WF_WEEKDAY |
               WF_ROLE | WF_TITLE | WF_ABBREV))) {
            known++;
            if (tk[i].flags & TF_CAP)
                known_caps++;
        }
    }
    headline = words >= 4 && caps * 10 >= (words - 1) * 8 &&
               known_caps >= 1 && known_caps * 10 >= known * 6;
    allcaps = words >= 3 && allcaps_n * 10 >= words * 7;

    for (i = s->t0; i < s->t1;) {
        const ex_tok *t = &tk[i];
        uint32_t f = ex_wflags(sc, t), j, id, eid, k0, nt_end = 0;
        int32_t g = -1, ent, nt_ent, subj;
        int nt_ask;
        /* the head of "the Pathwise maker" once its name is read */
        if (pend_a1 >= 0 && i >= pend_at) {
            if (i == pend_at &&
                (rc = add_ment(sc, s->t0, pend_at, pend_end, pend_a1,
                               pend_a2, MS_COREF)) != KG_OK)
                goto done;
            if (i == pend_at)
                i = pend_end;
            pend_a1 = -1;
            continue;
        }
        /* "NV Philips", "AB Electrolux": a legal form written before a
         * known name is no name of its own (a suffix after a name was
         * taken with it); the name starts after it.  Not where the
         * form opens a known name or stands for the initials of a firm
         * of the article ("AB InBev" after "Anheuser-Busch InBev") */
        if (!headline && !allcaps && (f & WF_LEGAL) &&
            (t->flags & TF_CAP) && i + 1 < s->t1 &&
            (tk[i + 1].flags & TF_CAP) && !(tk[i + 1].flags & TF_PUNCT) &&
            gaz_at(sc, s, i, &key, &g, 0) == i &&
            acronym_of(sc, sc->doc->text + t->start, t->end - t->start) < 0 &&
            gaz_at(sc, s, i + 1, &key, &g, 0) > i + 1) {
            i++;
            continue;
        }
        /* "... and competes with Du Pont": "and" stands for the
         * sentence's subject */
        if (i > s->t0 + 1 && ex_tok_is(sc, t, "and")) {
            int32_t a1 = and_subject(sc, s, i);
            if (a1 >= 0) {
                if ((rc = add_ment(sc, s->t0, i, i + 1, a1, -1, MS_COREF)) !=
                    KG_OK)
                    goto done;
                i++;
                continue;
            }
        }
        /* "the new company, to be called Calloway Vinke": the names of
         * the two sides run together name the firm their deal makes */
        if (!headline && !allcaps && (j = called_run(sc, s, i)) > i) {
            if ((rc = tok_key(sc, &key, i, j)) != KG_OK ||
                (ent = ent_get(sc, key.ptr, key.len, KG_KIND_ORG, -1)) < 0) {
                rc = rc != KG_OK ? rc : KG_ENOMEM;
                goto done;
            }
            j = absorb_legal(sc, j, s->t1);
            if ((rc = add_ment(sc, s->t0, i, j, ent, -1, MS_SHAPE)) != KG_OK)
                goto done;
            i = j;
            continue;
        }
        /* "Chairman John Akers said": the title stands for the firm
         * the story is about */
        if (i == s->t0 && !headline && !allcaps &&
            (j = bare_title(sc, s, i)) > i) {
            /* the firm of the last sentence, when the story names it
             * more than in passing ("For Deutsche Telekom, ... CEO Rene
             * Obermann said"); else the story's */
            int32_t a1 = sc->prev_first_org >= 0 &&
                                 !public_body(sc, sc->prev_first_org) &&
                                 EX_AT(sc->ents, ex_ent, sc->prev_first_org)
                                         .named >= 2
                             ? sc->prev_first_org
                             : story_firm(sc);
            if (a1 >= 0) {
                if ((rc = add_ment(sc, s->t0, i, j, a1, -1, MS_COREF)) !=
                    KG_OK)
                    goto done;
                i = j;
                continue;
            }
        }
        /* "The deal puts pressure on rivals such as Chevron": the
         * article's deal as the subject that opens the sentence is the
         * firm it makes, once named, else its buyer */
        if (i == s->t0 && ex_tok_is(sc, t, "the") && i + 2 < s->t1 &&
            ex_tok_in(sc, &tk[i + 1], EC_DEALSUBJECT) &&
            (tk[i + 2].flags & TF_WORD) && !(tk[i + 2].flags & TF_CAP) &&
            !(ex_wflags(sc, &tk[i + 2]) & WF_STOP) &&
            !ex_tok_is(sc, &tk[i + 2], "'s")) {
            int32_t a1 = sc->new_org >= 0 ? sc->new_org : deal_buyer(sc);
            uint32_t q;
            for (q = i + 2; q < s->t1; q++)
                if (ex_tok_in(sc, &tk[q], EC_DEALRIVAL))
                    break;
            if (a1 >= 0 && q < s->t1) {
                if ((rc = add_ment(sc, s->t0, i, i + 2, a1, -1,
                                   MS_COREF)) != KG_OK)
                    goto done;
                EX_AT(sc->ments, ex_ment, sc->ments.n - 1).dealref = 1;
                i += 2;
                continue;
            }
        }
        /* "was named interim chief executive", "stepped down as
         * chairman": a top post after "as" or such a verb, with no firm
         * of its own, is the post
         * at the firm the story is about; its words stand for that firm
         * (the rules read the role from them) */
        if (i > s->t0 && tk[i].word >= 0 && !(t->flags & TF_CAP) &&
            (ex_wflags(sc, t) & WF_ROLE) && tk[i - 1].word >= 0 &&
            sc->mcov[i - s->t0] < 0 && (j = bare_post(sc, s, i)) > i) {
            /* after a merger named its firm, the post is at that one */
            int32_t a1 = sc->new_org >= 0 ? sc->new_org : story_firm(sc);
            if (a1 >= 0) {
                if ((rc = add_ment(sc, s->t0, i, j, a1, -1, MS_COREF)) !=
                    KG_OK)
                    goto done;
                i = j;
                continue;
            }
        }
        if (!(t->flags & TF_WORD)) {
            /* "(NASDAQ: MSFT)", "<MSFT.O>" after a name: part of it */
            if ((is_punct(sc, t, '(') && i + 3 < s->t1 &&
                 (ex_wflags(sc, &tk[i + 1]) & WF_EXCHANGE) &&
                 is_punct(sc, &tk[i + 2], ':')) ||
                (is_punct(sc, t, '<') && i + 2 < s->t1 &&
                 (tk[i + 1].flags & TF_UPPER) &&
                 is_punct(sc, &tk[i + 2], '>'))) {
                char close = is_punct(sc, t, '<') ? '>' : ')';
                j = i + 1;
                while (j < s->t1 && j < i + 8 &&
                       !is_punct(sc, &tk[j], close))
                    j++;
                if (j < s->t1 && is_punct(sc, &tk[j], close)) {
                    if (i > s->t0 && sc->mend[i - 1 - s->t0] >= 0)
                        extend_ment(sc, s->t0, sc->mend[i - 1 - s->t0],
                                    j + 1);
                    i = j + 1;
                    continue;
                }
            }
            /* "Amazon Web Services (AWS)": define the acronym */
            if (is_punct(sc, t, '(') && i + 2 < s->t1 && i > s->t0 &&
                sc->mend[i - 1 - s->t0] >= 0 &&
                ((tk[i + 1].flags & (TF_ALLCAPS | TF_CAMEL)) ||
                 /* "Consolidated Gold Fields PLC (Consgold)" */
                 ((tk[i + 1].flags & TF_CAP) && tk[i + 1].word < 0 &&
                  (tk[i + 1].flags & TF_WORD) &&
                  !(tk[i + 1].flags & TF_NUM) &&
                  letters_of(EX_AT(sc->ents, ex_ent,
                                   EX_AT(sc->ments, ex_ment,
                                         sc->mend[i - 1 - s->t0])
                                       .ent)
                                 .name,
                             sc->doc->text + tk[i + 1].start,
                             tk[i + 1].end - tk[i + 1].start))) &&
                is_punct(sc, &tk[i + 2], ')')) {
                const ex_ment *m = &EX_AT(sc->ments, ex_ment,
                                          sc->mend[i - 1 - s->t0]);
                ent = m->ent;
                if (m->src != MS_COREF &&
                    kg_extract__map_put(&sc->aliases, &sc->pool,
                                        sc->doc->text + tk[i + 1].start,
                                        tk[i + 1].end - tk[i + 1].start,
                                        (uint32_t)ent, NULL) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
                extend_ment(sc, s->t0, sc->mend[i - 1 - s->t0], i + 3);
                i += 3;
                continue;
            }
            i++;
            continue;
        }
        /* "the two companies", "both carmakers": one mention for the
         * pair the story is about; nothing when that is unclear */
        if ((t->norm_len == 3 || t->norm_len == 4) &&
            (j = pair_at(sc, s, i)) > i) {
            int32_t pr[2];
            if (pair_antecedent(sc, s, si, i, pr)) {
                if ((rc = add_ment(sc, s->t0, i, j, pr[0], pr[1],
                                   MS_COREF)) != KG_OK)
                    goto done;
                EX_AT(sc->ments, ex_ment, sc->ments.n - 1).pair = 1;
            }
            i = j;
            continue;
        }
        /* every step below wants a capital, a digit, a pronoun or a
         * determiner: most words of a sentence are none of these */
        if (!(t->flags & (TF_CAP | TF_UPPER | TF_NUM)) &&
            !(f & (WF_PRONOUN | WF_PERPRONOUN | WF_DET))) {
            i++;
            continue;
        }
        /* "the Farmington, Conn., maker": a town and its state name no
         * firm */
        if ((t->flags & TF_CAP) && (j = town_state_end(sc, s, i)) > i) {
            i = j;
            continue;
        }
        /* 1. gazetteer ("21st Century Fox", "3M": a number with letters
         * may start a known name) */
        /* ("Électricité": a capital outside ASCII is no TF_UPPER) */
        if (((t->flags & (TF_UPPER | TF_CAP)) ||
             ((t->flags & TF_NUM) && (t->flags & TF_WORD) &&
              alpha_in(ex_norm(sc, t), t->norm_len))) &&
            (j = gaz_at(sc, s, i, &key, &g, allcaps)) > i &&
            !peer_surname(sc, s, i, j, allcaps || headline) &&
            !(EX_AT(ex->gentv, ex_gent, g).kind == KG_KIND_ORG &&
              longer_name(sc, s, j, &key, allcaps)) &&
            !(EX_AT(ex->gentv, ex_gent, g).kind == KG_KIND_ORG &&
              !EX_AT(ex->gentv, ex_gent, g).canonical && !allcaps &&
              !headline && !model_at(sc, s, j, &key) &&
              (extends_known(sc, s, i, j, &key) ||
               joins_known(sc, s, j, &key))) &&
            !((j == i + 1 ||
               (j == i + 2 && ex_tok_is(sc, &tk[i + 1], "'s"))) &&
              article_alias(sc, s, i, g)) &&
            !(!allcaps && !headline && ntab_beats(sc, s, i, j, g))) {
            const ex_gent *ge = &EX_AT(ex->gentv, ex_gent, g);
            int32_t dummy2;
            /* "Windows Phone": a product name goes on as a longer one;
             * "Windows 2.03": a version is a product of its own */
            if (ge->kind == KG_KIND_PRODUCT && !allcaps && !headline &&
                j < s->t1 && (tk[j].flags & TF_SPACE_BEFORE) &&
                (version_at(sc, s, j) ||
                 ((tk[j].flags & TF_CAP) &&
                  !(ex_wflags(sc, &tk[j]) &
                    (WF_STOP | WF_COMMON | WF_TRIGGER | WF_ROLE | WF_MONTH |
                     WF_WEEKDAY | WF_LEGAL | WF_NONNAME | WF_ORGWORD)) &&
                  !(tk[j].flags & TF_NUM) &&
                  gaz_at(sc, s, j, &key, &dummy2, 0) == j &&
                  !kg_extract__map_get(&sc->aliases,
                                       sc->doc->text + tk[j].start,
                                       tk[j].end - tk[j].start, &id)))) {
                if (tok_key(sc, &key, i, j + 1) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
                ent = ent_get(sc, key.ptr, key.len, KG_KIND_PRODUCT, -1);
                if ((rc = add_ment(sc, s->t0, i, j + 1, ent, -1, MS_SHAPE)) !=
                    KG_OK)
                    goto done;
                i = j + 1;
                continue;
            }
            /* "Glaxo Wellcome ... Glaxo, maker of Zantac": the first of
             * two known names run together, alone in a later sentence;
             * "AT and T" after "American Telephone and Telegraph Co":
             * the wire's spelling of a known acronym with "&" is the
             * firm the article named in full */
            if (ge->kind == KG_KIND_ORG && !allcaps && !headline &&
                ((j == i + 1 && (ent = merged_first(sc, i, g)) >= 0) ||
                 (j >= i + 3 && strlen(ge->name) <= 6 &&
                  strchr(ge->name, '&') &&
                  (ent = acronym_of(sc, ge->name, strlen(ge->name))) >= 0 &&
                  EX_AT(sc->ents, ex_ent, ent).gaz < 0))) {
                if (kg_extract__map_put(&sc->aliases, &sc->pool,
                                        sc->doc->text + t->start,
                                        tk[j - 1].end - t->start,
                                        (uint32_t)ent, NULL) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
                j = absorb_legal(sc, j, s->t1);
                if ((rc = add_ment(sc, s->t0, i, j, ent, -1, MS_GAZ)) !=
                    KG_OK)
                    goto done;
                i = j;
                continue;
            }
            /* "Household International", "Unisys Systems": the generic
             * words after a known name are printed as the article writes
             * them (canonical names keep theirs: "Dell Computer" is
             * Dell) */
            k0 = j;
            while (ge->kind == KG_KIND_ORG && !allcaps && !headline &&
                   k0 < s->t1 && (tk[k0].flags & TF_CAP) &&
                   (tk[k0].flags & TF_SPACE_BEFORE) &&
                   generic_orgword(ex_norm(sc, &tk[k0])))
                k0++;
            ent = gaz_ent(sc, g, i, k0, allcaps, &key);
            if (ent < 0) {
                rc = KG_ENOMEM;
                goto done;
            }
            /* "MCI WorldCom" after "WorldCom": two known names run
             * together name the merged firm, not the one named before */
            if (ge->kind == KG_KIND_ORG && !allcaps && !headline &&
                j >= i + 2 && EX_AT(sc->ents, ex_ent, ent).named > 0 &&
                tok_key(sc, &key, i, i + 1) == KG_OK &&
                kg_extract__map_get(&ex->gnames, key.ptr, key.len, &id) &&
                two_names(sc, s, i, j, &key)) {
                if (tok_key(sc, &key, i, j) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
                if (strcmp(EX_AT(sc->ents, ex_ent, ent).name, key.ptr) != 0 &&
                    (ent = ent_get(sc, key.ptr, key.len, KG_KIND_ORG, -1)) <
                        0) {
                    rc = KG_ENOMEM;
                    goto done;
                }
            }
            if (ge->ambiguous) {
                ex_ent *e = &EX_AT(sc->ents, ex_ent, ent);
                if (!corporate_context(sc, s, i, j, e->confirmed)) {
                    i = j;
                    continue;
                }
                e->confirmed = 1;
            }
            /* "Tower" after "Tower Semiconductor", "Anheuser" after
             * "Anheuser-Busch", "Macy" after "R.H. Macy" */
            if (ge->kind == KG_KIND_ORG && j >= i + 2 &&
                ((!allcaps && !headline &&
                  (k0 = founder_surname(sc, i, j)) < j) ||
                 (k0 = short_form(sc, i, j)) < j ||
                 (!allcaps && !headline &&
                  (k0 = gaz_first_word(sc, s, i, j, ge, &key)) < j) ||
                 /* "Chemical" after "Chemical Banking Corp" */
                 (j == i + 2 && !allcaps && !headline &&
                  (tk[i].flags & TF_CAP) && !(tk[i].flags & TF_ALLCAPS) &&
                  (ex_wflags(sc, &tk[i]) & WF_ORGWORD) &&
                  !(ex_wflags(sc, &tk[i]) & (WF_STOP | WF_NONNAME)) &&
                  !generic_orgword(ex_norm(sc, &tk[i])) &&
                  (tk[i + 1].flags & TF_CAP) &&
                  !(ex_wflags(sc, &tk[i + 1]) & WF_STOP) &&
                  gaz_at(sc, s, i, &key, &dummy2, 0) == j &&
                  (k0 = i) == i)) &&
                (k0 > i || (tk[i + 1].flags & TF_SPACE_BEFORE) ||
                 (j >= i + 3 && is_punct(sc, &tk[i + 1], '-') &&
                  (tk[i + 2].flags & TF_CAP))) &&
                !two_names(sc, s, k0, j, &key) &&
                !short_named(sc, s, k0, &key) &&
                kg_extract__map_put(&sc->aliases, &sc->pool,
                                    sc->doc->text + tk[k0].start,
                                    tk[k0].end - tk[k0].start, (uint32_t)ent,
                                    NULL) != KG_OK) {
                rc = KG_ENOMEM;
                goto done;
            }
            /* "Mike Sicilia" ... "Sicilia": a known person's surname */
            if (ge->kind == KG_KIND_PERSON && !allcaps && j >= i + 2 &&
                j <= i + 4 && (tk[j - 1].flags & TF_CAP) &&
                (tk[j - 1].flags & TF_WORD) &&
                surname_put(sc, j - 1, ent) != KG_OK) {
                rc = KG_ENOMEM;
                goto done;
            }
            /* "Dell Computer Corp.": the generic words belong to it */
            while (ge->kind == KG_KIND_ORG && !allcaps && j < s->t1 &&
                   (tk[j].flags & TF_CAP) &&
                   (tk[j].flags & TF_SPACE_BEFORE) &&
                   generic_orgword(ex_norm(sc, &tk[j])))
                j++;
            /* "the Walt Disney Company": the long form of "Co" */
            if (ge->kind == KG_KIND_ORG && !allcaps && !headline &&
                j < s->t1 && (tk[j].flags & TF_CAP) &&
                (tk[j].flags & TF_SPACE_BEFORE) &&
                ex_tok_is(sc, &tk[j], "company"))
                j++;
            if ((rc = add_firm(sc, s, &key, i, &j, ent, MS_GAZ,
                               !allcaps && !headline)) != KG_OK)
                goto done;
            i = j;
            continue;
        }
        /* 2. tickers: "MSFT shares", "NYSE: ORCL" (not a firm the
         * article named so: "UAL Corp." ... "UAL shares") */
        if ((t->flags & TF_ALLCAPS) &&
            kg_extract__map_get(&ex->tickers, sc->doc->text + t->start,
                                t->end - t->start, &id) &&
            !kg_extract__map_get(&sc->entnames, sc->doc->text + t->start,
                                 t->end - t->start, &eid)) {
            int ctx = (i + 1 < s->t1 &&
                       (ex_tok_is(sc, &tk[i + 1], "shares") ||
                        ex_tok_is(sc, &tk[i + 1], "stock"))) ||
                      (i >= s->t0 + 2 && is_punct(sc, &tk[i - 1], ':') &&
                       (ex_wflags(sc, &tk[i - 2]) & WF_EXCHANGE));
            if (ctx) {
                const ex_gent *ge = &EX_AT(ex->gentv, ex_gent, id);
                ent = ent_get(sc, ge->name, strlen(ge->name), ge->kind,
                              (int32_t)id);
                if ((rc = add_ment(sc, s->t0, i, i + 1, ent, -1,
                                   MS_GAZ)) != KG_OK)
                    goto done;
                i++;
                continue;
            }
        }
        /* 3a. two or more words of a full name the article gave before
         * ("Grand Met" after "Grand Metropolitan PLC") beat an alias of
         * the first alone */
        /* (3b below asks the same of the same word: asked once, as
         * nothing on the way between changes the table) */
        nt_ask = !allcaps && !headline && (t->flags & TF_CAP);
        nt_ent = nt_ask ? ntab_match(sc, s, i, &nt_end) : -1;
        if (nt_ask && (ent = nt_ent) >= 0 && (j = nt_end) > i + 1) {
            j = absorb_legal(sc, j, s->t1);
            if ((rc = add_ment(sc, s->t0, i, j, ent, -1, MS_ALIAS)) !=
                KG_OK)
                goto done;
            i = j;
            continue;
        }
        /* 3. aliases defined earlier in the article (not "the Hanson
         * group" after "Hanson Industries": the group itself) */
        if ((t->flags & (TF_CAP | TF_CAMEL | TF_ALLCAPS)) &&
            kg_extract__map_get(&sc->aliases, sc->doc->text + t->start,
                                t->end - t->start, &id) &&
            !the_group(sc, s, i, i + 1) &&
            !longer_name(sc, s, i + 1, &key, allcaps) &&
            /* "Harcourt Tsusho" after "Harcourt Mining": another firm
             * (a NAMES.md name keeps its units apart) */
            !(EX_AT(sc->ents, ex_ent, id).kind != KG_KIND_PERSON &&
              !allcaps && !headline &&
              !(EX_AT(sc->ents, ex_ent, id).gaz >= 0 &&
                EX_AT(ex->gentv, ex_gent, EX_AT(sc->ents, ex_ent, id).gaz)
                    .canonical) &&
              extends_known(sc, s, i, i + 1, &key)) &&
            /* "Wexley Inc" after "Wexley Brands Inc": the first word
             * and a legal suffix are a full name of its own */
            !(EX_AT(sc->ents, ex_ent, id).kind != KG_KIND_PERSON &&
              !allcaps && !headline && i + 1 < s->t1 &&
              (tk[i + 1].flags & TF_CAP) &&
              (tk[i + 1].flags & TF_SPACE_BEFORE) &&
              (ex_wflags(sc, &tk[i + 1]) & WF_LEGAL) &&
              word_prefix_n(sc->doc->text + t->start, t->end - t->start,
                            EX_AT(sc->ents, ex_ent, id).name)) &&
            /* "Oliver Brack's Brack Holdings": the surname and a legal
             * suffix or a firm's word name a firm */
            !(EX_AT(sc->ents, ex_ent, id).kind == KG_KIND_PERSON &&
              i + 1 < s->t1 && (tk[i + 1].flags & TF_CAP) &&
              (tk[i + 1].flags & TF_SPACE_BEFORE) &&
              (ex_wflags(sc, &tk[i + 1]) & (WF_LEGAL | WF_ORGWORD))) &&
            /* "Lord Hanson" of "Hanson Trust": a person */
            !(EX_AT(sc->ents, ex_ent, id).kind == KG_KIND_ORG &&
              i > s->t0 && (tk[i - 1].flags & TF_CAP) &&
              (ex_wflags(sc, &tk[i - 1]) & WF_TITLE))) {
            ex_ent *ae = &EX_AT(sc->ents, ex_ent, id);
            uint32_t amb;
            /* "Mr Murdoch" after two Murdochs: neither */
            if (ae->kind != KG_KIND_ORG && sc->ambig.n &&
                kg_extract__map_get(&sc->ambig, sc->doc->text + t->start,
                                    t->end - t->start, &amb)) {
                i++;
                continue;
            }
            if (ae->kind != KG_KIND_PERSON && !allcaps && !headline &&
                !(i + 1 < s->t1 && (tk[i + 1].flags & TF_CAP) &&
                  (tk[i + 1].flags & TF_SPACE_BEFORE)) &&
                ntab_shared(sc, i, (int32_t)id)) {
                i++;
                continue;
            }
            /* "Mr. Bergmann" */
            if (ae->kind < 0 && i > s->t0 + 1 &&
                is_punct(sc, &tk[i - 1], '.') &&
                (ex_wflags(sc, &tk[i - 2]) & WF_TITLE))
                ae->kind = KG_KIND_PERSON;
            /* "Pell Machine" again after "Pell Machine Inc.": the
             * whole name, not the short form and a stray word; "and" or
             * "of" may join its words ("Black and Decker") */
            j = i + 1;
            {
                uint32_t k;
                kg_buf_clear(&key);
                for (k = i; k < s->t1 && k < i + 5 &&
                            (k == i || (((tk[k].flags & TF_CAP) ||
                                         (k + 1 < s->t1 &&
                                          (tk[k + 1].flags & TF_CAP) &&
                                          (ex_tok_is(sc, &tk[k], "and") ||
                                           ex_tok_is(sc, &tk[k], "of")))) &&
                                        (tk[k].flags & TF_SPACE_BEFORE)));
                     k++) {
                    if (key_add(sc, &key, i, k) != KG_OK) {
                        rc = KG_ENOMEM;
                        goto done;
                    }
                    if (k > i &&
                        kg_extract__map_get(&sc->entnames, key.ptr, key.len,
                                            &eid) &&
                        eid == id)
                        j = k + 1;
                }
            }
            if ((rc = add_firm(sc, s, &key, i, &j, (int32_t)id, MS_ALIAS,
                               !allcaps && !headline)) != KG_OK)
                goto done;
            i = j;
            continue;
        }
        /* 3b. a short form of a full name the article gave before:
         * "Sterling" after "Sterling Drug Inc", "Grand Met" after "Grand
         * Metropolitan PLC" */
        if (nt_ask && (ent = nt_ent) >= 0 &&
            !the_group(sc, s, i, (j = nt_end))) {
            /* "BA" after "British Airways" and "BA Connect": the firm
             * whose initials the word is, not the one whose name it
             * opens */
            if (j == i + 1 && (t->flags & TF_ALLCAPS) && !allcaps &&
                !headline) {
                int32_t ac = acronym_of(sc, sc->doc->text + t->start,
                                        t->end - t->start);
                if (ac >= 0 && ac != ent &&
                    EX_AT(sc->ents, ex_ent, ac).kind == KG_KIND_ORG)
                    ent = ac;
            }
            if ((rc = add_firm(sc, s, &key, i, &j, ent, MS_ALIAS, 1)) !=
                KG_OK)
                goto done;
            i = j;
            continue;
        }
        /* 4. coreference */
        if ((f & WF_PRONOUN) && (subj = find_it_subject(sc, s, i)) != -1) {
            if (subj >= 0) {
                ex_ment sm = EX_AT(sc->ments, ex_ment, subj);
                if (sm.pair || pair_member(sc, sm.ent)) {
                    if ((rc = add_ment(sc, s->t0, i, i + 1, sm.ent,
                                       sm.pair ? sm.alt : -1, MS_COREF)) !=
                        KG_OK)
                        goto done;
                    EX_AT(sc->ments, ex_ment, sc->ments.n - 1).pair =
                        sm.pair;
                }
            }
            i++;
            continue;
        }
        /* "The German group said it would" with no German firm: "it"
         * is that firm, and so nobody the article named */
        if ((f & WF_PRONOUN) && void_end && i <= void_end + 3 &&
            i > void_end && reporting_verb(ex_norm(sc, &tk[void_end]))) {
            i++;
            continue;
        }
        if (f & WF_PRONOUN) {
            int32_t a1, a2;
            /* an object "it" prefers the most recent firm; a subject or
             * possessive "it(s)" the sentence's first one */
            int possessive = i + 1 < s->t1 &&
                             ex_tok_is(sc, &tk[i + 1], "'s");
            int object = !possessive &&
                         (t->norm_len == 2 && i > s->t0 &&
                          (tk[i - 1].flags & TF_WORD) &&
                          (ex_wflags(sc, &tk[i - 1]) &
                           (WF_STOP | WF_TRIGGER)) &&
                          /* "which it bought", "since it merged with":
                           * the subject of a clause */
                          !clause_opener(ex_norm(sc, &tk[i - 1])) &&
                          /* "announced it has signed": the subject of
                           * the reported clause */
                          !(reporting_verb(ex_norm(sc, &tk[i - 1])) &&
                            !ex_tok_is(sc, &tk[i - 1], "told")));
            org_antecedent_at(sc, s, i, &a1, &a2, object);
            if (!object) {
                int32_t teller;
                int32_t near = possessive ? and_its(sc, s, i) : -1;
                if (near < 0 && possessive)
                    near = person_appos_its(sc, s, i);
                if (near < 0 && possessive)
                    near = its_again(sc, s, i);
                if (near < 0)
                    near = control_subject(sc, s, i);
                if (near < 0)
                    near = relative_head(sc, s, i);
                if (near < 0)
                    near = clause_subject(sc, s, i);
                if (near < 0)
                    near = lead_subject(sc, s, i);
                if (near < 0)
                    near = speaker_subject(sc, s, i);
                if (near >= 0 && near != a1) {
                    a2 = a1;
                    a1 = near;
                }
                /* "As well as Comet, which has 250 stores, its chains":
                 * the firm of a fronted comparison is not "its" */
                if (a1 >= 0 && (near = fronted_ent(sc, s, i)) == a1) {
                    a1 = a2 != near ? a2 : -1;
                    a2 = -1;
                    if (a1 < 0 && sc->prev_subject != near)
                        a1 = sc->prev_subject;
                }
                /* the addressee of "told X it" is not "it": the
                 * speaker is ("a group led by N told the SEC it") */
                if ((near = addressee(sc, s, i, &teller)) >= 0 &&
                    near == a1 && teller >= 0) {
                    a2 = -1;
                    a1 = teller;
                }
            }
            /* "BP and ExxonMobil, its two bigger rivals": a firm's
             * rivals in an apposition are none of the names they follow
             * ("Cliffs, its chief executive" is Cliffs') */
            if (possessive && a1 >= 0 && i >= s->t0 + 2 &&
                is_punct(sc, &tk[i - 1], ',') && rivals_after(sc, s, i + 2)) {
                uint32_t q = i - 1;
                int32_t mi;
                int hit1 = 0, hit2 = 0;
                while (q > s->t0 && (mi = sc->mend[q - 1 - s->t0]) >= 0) {
                    const ex_ment *lm = &EX_AT(sc->ments, ex_ment, mi);
                    hit1 |= lm->ent == a1;
                    hit2 |= lm->ent == a2;
                    q = lm->a;
                    if (q > s->t0 + 1 &&
                        (ex_tok_is(sc, &tk[q - 1], "and") ||
                         is_punct(sc, &tk[q - 1], ',')))
                        q--;
                    else
                        break;
                }
                if (hit1) {
                    a1 = hit2 ? -1 : a2;
                    a2 = -1;
                }
            }
            if (a1 >= 0 && family_of(sc, s, i, a1))
                a1 = -1;
            if (a1 >= 0 &&
                (rc = add_ment(sc, s->t0, i, i + 1, a1, a2, MS_COREF)) !=
                    KG_OK)
                goto done;
            i++;
            continue;
        }
        /* "founded by his father, Alfred Lerner": the relative is
         * someone else, not the person "his" stands for */
        if ((f & WF_PERPRONOUN) && (f & WF_DET) && i + 1 < s->t1 &&
            ex_tok_in(sc, &tk[i + 1], EC_KIN)) {
            i++;
            continue;
        }
        if ((f & WF_PERPRONOUN) && (f & WF_DET) &&
            (j = descriptor_at(sc, s, i)) > i) {
            /* "his company": the firm, not the person */
            int32_t a1, a2;
            org_antecedent(sc, &a1, &a2, 0);
            if (a1 >= 0) {
                if ((rc = add_ment(sc, s->t0, i, j, a1, a2, MS_COREF)) !=
                    KG_OK)
                    goto done;
                i = j;
                continue;
            }
        }
        if (f & WF_PERPRONOUN) {
            /* "Marta Oyelaran denied ... she": a name-like mention of
             * unknown kind is a person once a pronoun refers to it */
            int32_t k2;
            for (k2 = 0; k2 < (int32_t)sc->ments.n; k2++) {
                ex_ment *pm = &EX_AT(sc->ments, ex_ment, k2);
                ex_ent *pe = &EX_AT(sc->ents, ex_ent, pm->ent);
                if (pe->kind < 0 && pm->b - pm->a >= 2 && pm->b - pm->a <= 3 &&
                    pm->src == MS_SHAPE) {
                    pe->kind = KG_KIND_PERSON;
                    sc->last_person = pm->ent;
                    break;
                }
            }
        }
        if (f & WF_PERPRONOUN) {
            /* "Sir James Goldsmith said he": a person named before in
             * the sentence beats one of an earlier sentence */
            size_t k2 = sc->ments.n;
            while (k2-- > 0) {
                const ex_ment *pm = &EX_AT(sc->ments, ex_ment, k2);
                if (pm->src != MS_COREF &&
                    EX_AT(sc->ents, ex_ent, pm->ent).kind == KG_KIND_PERSON) {
                    sc->last_person = pm->ent;
                    break;
                }
            }
        }
        if ((f & WF_PERPRONOUN) && sc->last_person >= 0) {
            if ((rc = add_ment(sc, s->t0, i, i + 1, sc->last_person, -1,
                               MS_COREF)) != KG_OK)
                goto done;
            i++;
            continue;
        }
        /* "Todd Stitzer, the chief executive, is expected to leave":
         * a person's role without a firm is the role at the firm the
         * story is about; "the" stands for that firm */
        if (ex_tok_is(sc, t, "the") && i >= s->t0 + 2 && i + 2 < s->t1 &&
            is_punct(sc, &tk[i - 1], ',') && sc->mend[i - 2 - s->t0] >= 0 &&
            (ex_wflags(sc, &tk[i + 1]) & WF_ROLE) &&
            !(ex_wflags(sc, &tk[i + 1]) & WF_TITLE)) {
            const ex_ment *pm = &EX_AT(sc->ments, ex_ment,
                                       sc->mend[i - 2 - s->t0]);
            int32_t a1, a2;
            uint32_t q;
            int closed = 0;
            /* the role ends the apposition ("the chief executive of
             * Tesco" names its firm) */
            for (q = i + 2; q < s->t1 && q < i + 6; q++) {
                if (is_punct(sc, &tk[q], ',') || is_punct(sc, &tk[q], '.')) {
                    closed = 1;
                    break;
                }
                if (!(tk[q].flags & TF_WORD) || (tk[q].flags & TF_CAP) ||
                    (ex_wflags(sc, &tk[q]) & WF_STOP) ||
                    ex_tok_is(sc, &tk[q], "'s"))
                    break;
            }
            org_antecedent(sc, &a1, &a2, 0);
            if (closed && pm->src != MS_COREF &&
                (EX_AT(sc->ents, ex_ent, pm->ent).kind == KG_KIND_PERSON ||
                 (EX_AT(sc->ents, ex_ent, pm->ent).kind < 0 &&
                  pm->b - pm->a >= 2 && pm->b - pm->a <= 3)) &&
                a1 >= 0) {
                if ((rc = add_ment(sc, s->t0, i, i + 1, a1, a2,
                                   MS_COREF)) != KG_OK)
                    goto done;
                i++;
                continue;
            }
        }
        /* "the combined company", "the enlarged group" that the article
         * has not named: the buyer of its deal, or nobody (after a
         * merger of equals or two purchases); "the new company" may be a
         * spin-off's, and is read as any description */
        if ((f & WF_DET) && sc->new_org < 0 &&
            (j = new_firm_at(sc, s, i)) > i && !name_follows(sc, s, j) &&
            !ex_tok_is(sc, &tk[i + 1], "new")) {
            int32_t a1 = deal_buyer(sc);
            if (a1 >= 0) {
                if ((rc = add_ment(sc, s->t0, i, j, a1, -1, MS_COREF)) !=
                    KG_OK)
                    goto done;
                EX_AT(sc->ments, ex_ment, sc->ments.n - 1).buyer = 1;
            }
            i = j;
            continue;
        }
        /* "the combined company": the firm the deal creates once the
         * article has named it, or when the name follows ("the new
         * group, to be called X"); else as any description (the buyer) */
        if ((f & WF_DET) &&
            (((j = new_firm_at(sc, s, i)) > i &&
              (sc->new_org >= 0 || name_follows(sc, s, j))) ||
             (j = named_desc_at(sc, s, i)) > i)) {
            int32_t a1 = sc->new_org, a2 = -1;
            if (a1 < 0)
                org_antecedent(sc, &a1, &a2, 2); /* renamed below */
            if (a1 >= 0 &&
                (rc = add_ment(sc, s->t0, i, j, a1, -1, MS_COREF)) != KG_OK)
                goto done;
            i = j;
            continue;
        }
        /* "ending a fight for the maker of Smith-Corona typewriters":
         * the firm of the sentence's subject, or the gazetteer's maker
         * of a known product ("the developer of the Claude chatbot") */
        if ((f & WF_DET) && (j = maker_of_desc(sc, s, i)) > i) {
            int32_t a1, a2, mk;
            uint32_t q = j + 2;
            if (q < s->t1 && ex_tok_is(sc, &tk[q], "the"))
                q++;
            org_antecedent(sc, &a1, &a2, 0);
            if ((mk = product_maker_ent(sc, s, q, 0, &key)) >= 0 &&
                mk != a1) {
                a2 = a1;
                a1 = mk;
            }
            if (a1 >= 0 && !public_body(sc, a1)) {
                if ((rc = add_ment(sc, s->t0, i, j, a1, a2, MS_COREF)) !=
                    KG_OK)
                    goto done;
                i = j;
                continue;
            }
        }
        if ((f & WF_DET) && (j = descriptor_at(sc, s, i)) > i) {
            int32_t a1, a2, own;
            /* "Carl Icahn, the activist investor who holds a stake in
             * the company": an investor, financier or tycoon (class
             * ownerdesc) in apposition to a person is that person */
            if (i > s->t0 + 1 && is_punct(sc, &tk[i - 1], ',') &&
                sc->mend[i - 2 - s->t0] >= 0 &&
                ex_tok_in(sc, &tk[j - 1], EC_OWNERDESC)) {
                const ex_ment *pm = &EX_AT(sc->ments, ex_ment,
                                           sc->mend[i - 2 - s->t0]);
                if (pm->src != MS_COREF &&
                    EX_AT(sc->ents, ex_ent, pm->ent).kind ==
                        KG_KIND_PERSON) {
                    int32_t pe = pm->ent;
                    if ((rc = add_ment(sc, s->t0, i, j, pe, -1,
                                       MS_COREF)) != KG_OK)
                        goto done;
                    i = j;
                    continue;
                }
            }
            /* "Olwen Pryce, the bank's chief executive,": a name of no
             * known kind with the firm's role in apposition is a
             * person, never the firm */
            if (i > s->t0 + 1 && is_punct(sc, &tk[i - 1], ',') &&
                sc->mend[i - 2 - s->t0] >= 0 && j + 1 < s->t1 &&
                ex_tok_is(sc, &tk[j], "'s") &&
                (ex_wflags(sc, &tk[j + 1]) & WF_ROLE) &&
                !(ex_wflags(sc, &tk[j + 1]) & WF_TITLE)) {
                const ex_ment *pm = &EX_AT(sc->ments, ex_ment,
                                           sc->mend[i - 2 - s->t0]);
                ex_ent *pe = &EX_AT(sc->ents, ex_ent, pm->ent);
                if (pm->src != MS_COREF && pe->kind < 0 &&
                    pm->b - pm->a >= 2 && pm->b - pm->a <= 3)
                    pe->kind = KG_KIND_PERSON;
            }
            /* "..., the Japanese electronics maker said": the speaker
             * is the sentence's subject, not its last firm */
            org_antecedent(sc, &a1, &a2,
                           (j < s->t1 && i > s->t0 &&
                            is_punct(sc, &tk[i - 1], ',') &&
                            reporting_verb(ex_norm(sc, &tk[j])))
                               ? 0
                           /* "X has agreed to sell its arm to Y, as the
                            * retailer's new boss raises cash": the
                            * subject of a clause of time or reason is
                            * the main clause's */
                           : (i > s->t0 + 1 && main_opener(sc, s) &&
                              is_punct(sc, &tk[i - 2], ',') &&
                              ex_tok_in(sc, &tk[i - 1], EC_REASONOPEN))
                           /* "Kesa, the owner of the Comet chain, has
                            * started trading after the business was spun
                            * off": a subordinate clause's subject is the
                            * main clause's */
                           || (j < s->t1 && i > s->t0 &&
                              ex_tok_in(sc, &tk[i - 1], EC_SUBORD) &&
                              ex_tok_in(sc, &tk[j], EC_AUXVERB))
                               ? 0
                           : (j < s->t1 &&
                              ex_tok_is(sc, &tk[j], "'s"))
                               ? 1
                               : 2);
            /* "Mardale has made an approach to Tethering Foods. The
             * group said": a description opening the sentence is the
             * last sentence's subject */
            if (i == s->t0 && sc->prev_subject >= 0 &&
                a1 != sc->prev_subject) {
                a2 = a1;
                a1 = sc->prev_subject;
            }
            /* not in an apposition ("Merck, the drugmaker,"): there the
             * description names the firm just before it ("owns
             * Brightwick, the battery maker") */
            if (a2 >= 0 && public_body(sc, a2))
                a2 = -1;
            if (a1 >= 0 && public_body(sc, a1)) {
                a1 = a2 >= 0 ? a2 : firm_topic(sc);
                a2 = -1;
            }
            /* "TPG agreed to put £179m into the bank": not TPG, but
             * the firm the story is about */
            own = own_clause_subject(sc, s, i, a1) ? a1 : -1;
            if (own >= 0) {
                a1 = a2 >= 0 && a2 != own && !in_sentence(sc, s, a2)
                         ? a2
                         : other_firm(sc, own);
                a2 = -1;
            }
            if (!(i > s->t0 + 1 && is_punct(sc, &tk[i - 1], ',') &&
                  sc->mend[i - 2 - s->t0] >= 0)) {
                prefer_head(sc, &tk[j - 1], &a1, &a2);
                /* "The club's rivals Chelsea and Arsenal": a club no
                 * firm of the article was called is the firm the story
                 * names most, not the last sentence's subject */
                if (a1 >= 0 && ex_tok_is(sc, &tk[j - 1], "club") &&
                    !(EX_AT(sc->ents, ex_ent, a1).heads &
                      head_bit(sc, &tk[j - 1]))) {
                    int32_t tp = firm_topic(sc);
                    if (tp >= 0 && tp != a1) {
                        a2 = -1;
                        a1 = tp;
                    }
                }
                prefer_country(sc, desc_country(sc, s, i, j), &a1, &a2);
                prefer_sector(sc, s, j - 1, &a1, &a2);
            } else {
                const ex_ment *pm = &EX_AT(sc->ments, ex_ment,
                                           sc->mend[i - 2 - s->t0]);
                const ex_ent *pe = &EX_AT(sc->ents, ex_ent, pm->ent);
                /* closed by punctuation: "the company's unit" and
                 * "Under Su, the company has bought" are no appositions
                 * to the name */
                if (pm->src != MS_COREF && pe->kind != KG_KIND_PERSON &&
                    pe->kind != KG_KIND_PRODUCT &&
                    (j >= s->t1 || (tk[j].flags & TF_PUNCT) ||
                     participle_after(sc, s, j)) &&
                    !(ex_tok_is(sc, &tk[j], "'s") && j + 1 < s->t1 &&
                      (ex_wflags(sc, &tk[j + 1]) & WF_ROLE))) {
                    a1 = pm->ent;
                    a2 = -1;
                    /* "Brightlane, the payments start-up,": a firm */
                    if (pe->kind < 0)
                        EX_AT(sc->ents, ex_ent, pm->ent).kind = KG_KIND_ORG;
                    /* "Household, the American consumer lender,": where
                     * it is based */
                    if (!ent_country(sc, pm->ent))
                        EX_AT(sc->ents, ex_ent, pm->ent).country =
                            desc_country(sc, s, i, j);
                } else if (pm->src != MS_COREF && j + 1 < s->t1 &&
                           ex_tok_is(sc, &tk[j], "'s") &&
                           unit_after(sc, s, j + 1)) {
                    /* "HSBC Bank USA, the group's New York arm": the
                     * group owns the name before it, so is not it; the
                     * firm whose name the unit's begins with is, even
                     * when another firm came nearer ("Google Cloud, the
                     * search company's cloud division" after "former
                     * OpenAI researchers") */
                    size_t k2;
                    int32_t pre = -1;
                    for (k2 = 0; k2 < sc->ents.n; k2++)
                        if ((EX_AT(sc->ents, ex_ent, k2).kind == KG_KIND_ORG ||
                             EX_AT(sc->ents, ex_ent, k2).kind < 0) &&
                            word_prefix(EX_AT(sc->ents, ex_ent, k2).name,
                                        pe->name))
                            pre = (int32_t)k2;
                    /* not named yet in the text, but its first word is a
                     * firm the gazetteer knows ("Google DeepMind") */
                    if (pre < 0 && pm->b > pm->a + 1 &&
                        tok_key(sc, &key, pm->a, pm->a + 1) == KG_OK) {
                        uint32_t g2;
                        const ex_gent *ge2;
                        if (kg_extract__map_get(&ex->gnames, key.ptr,
                                                key.len, &g2) &&
                            (ge2 = &EX_AT(ex->gentv, ex_gent, g2))->kind ==
                                KG_KIND_ORG &&
                            !ge2->ambiguous && !ge2->body &&
                            word_prefix(ge2->name, pe->name))
                            pre = ent_get(sc, ge2->name, strlen(ge2->name),
                                          KG_KIND_ORG, (int32_t)g2);
                    }
                    /* "Smiths Detection, the group's security arm" after
                     * "Smiths Group" and "Smiths Aerospace": of the firms
                     * whose first word the unit's name shares, not a
                     * sibling unit but the one named most, then first */
                    if (pre < 0 && pm->b > pm->a + 1 &&
                        (a1 < 0 || a1 == pm->ent ||
                         same_first_word(EX_AT(sc->ents, ex_ent, a1).name,
                                         pe->name)))
                        for (k2 = 0; k2 < sc->ents.n; k2++) {
                            const ex_ent *e2 = &EX_AT(sc->ents, ex_ent, k2);
                            if ((int32_t)k2 != pm->ent &&
                                e2->kind == KG_KIND_ORG &&
                                same_first_word(e2->name, pe->name) &&
                                (pre < 0 ||
                                 e2->named >
                                     EX_AT(sc->ents, ex_ent, pre).named))
                                pre = (int32_t)k2;
                        }
                    if (pre >= 0 || a1 == pm->ent) {
                        a1 = pre >= 0 ? pre : a2;
                        a2 = -1;
                    }
                }
            }
            /* "The trust is Getty Oil's largest holder": the one firm of
             * the article whose name ends in the word, else none */
            if (ex_tok_in(sc, &tk[j - 1], EC_INSTHEAD)) {
                int32_t one = inst_named(sc, &tk[j - 1]);
                a1 = one;
                a2 = -1;
            }
            if (own >= 0 && a1 == own)
                a1 = a2 = -1;
            /* "it bought the car business": not itself (the company's
             * shares it buys may be its own) */
            if (j >= s->t1 || !ex_tok_is(sc, &tk[j], "'s"))
                not_verb_subject(sc, s, i, &tk[j - 1], &a1, &a2);
            /* "the Pathwise maker": the name first, then the head; the
             * gazetteer's maker of a known product is the firm meant
             * ("Nvidia will invest in OpenAI ... the ChatGPT developer") */
            if ((k0 = product_maker_desc(sc, i, j)) > i) {
                int32_t mk = product_maker_ent(sc, s, i + 1, k0, &key);
                if (mk >= 0 && mk != a1) {
                    a2 = a1;
                    a1 = mk;
                }
            }
            if (a1 >= 0 && k0 > i) {
                pend_at = k0;
                pend_end = j;
                pend_a1 = a1;
                pend_a2 = a2;
                i++;
                continue;
            }
            if (a1 >= 0) {
                /* "Harcastle of Britain ... The British group": the
                 * name of no known kind a description stands for is a
                 * firm */
                if (EX_AT(sc->ents, ex_ent, a1).kind < 0 &&
                    EX_AT(sc->ents, ex_ent, a1).country)
                    EX_AT(sc->ents, ex_ent, a1).kind = KG_KIND_ORG;
                if ((rc = add_ment(sc, s->t0, i, j, a1, a2, MS_COREF)) !=
                    KG_OK)
                    goto done;
                i = j;
                continue;
            }
            if (i == s->t0 && desc_country(sc, s, i, j))
                void_end = j;
        }
        /* "based in Jackson, Miss.": a place, and the state after it */
        if ((t->flags & TF_CAP) && i >= s->t0 + 2 &&
            ex_tok_is(sc, &tk[i - 1], "in") &&
            (ex_tok_is(sc, &tk[i - 2], "based") ||
             ex_tok_is(sc, &tk[i - 2], "headquartered"))) {
            j = i;
            while (j < s->t1 && (tk[j].flags & TF_CAP) &&
                   (tk[j].flags & TF_WORD))
                j++;
            if (j + 1 < s->t1 && is_punct(sc, &tk[j], ',') &&
                (tk[j + 1].flags & TF_CAP) && (tk[j + 1].flags & TF_WORD) &&
                !(ex_wflags(sc, &tk[j + 1]) & (WF_LEGAL | WF_ORGWORD)) &&
                sc->mstart[j + 1 - s->t0] < 0 &&
                (j + 2 >= s->t1 || !(tk[j + 2].flags & TF_CAP)))
                j += 2;
            i = j;
            continue;
        }
        /* "class E shares", "Class A stock": a share class, no name */
        if ((t->flags & TF_CAP) && t->norm_len <= 2 && i > s->t0 &&
            ex_tok_is(sc, &tk[i - 1], "class")) {
            i++;
            continue;
        }
        if ((t->flags & TF_CAP) && ex_tok_is(sc, t, "class") &&
            i + 1 < s->t1 && (tk[i + 1].flags & TF_CAP) &&
            tk[i + 1].norm_len <= 2 && (tk[i + 1].flags & TF_SPACE_BEFORE) &&
            !(sc->doc->text[tk[i + 1].end - 1] >= 'a' &&
              sc->doc->text[tk[i + 1].end - 1] <= 'z')) {
            i += 2;
            continue;
        }
        /* "Drugmaker Shire has agreed", "Retailer Dixons said": a noun
         * of a firm's trade that opens the sentence before a name is no
         * part of the name (not "Network Rail": agent nouns only) */
        if (i == s->t0 && (t->flags & TF_CAP) && !(t->flags & TF_ALLCAPS) &&
            !headline && !allcaps && (f & WF_NAMEHEAD) &&
            (ends_with(ex_norm(sc, t), t->norm_len, "er") ||
             ends_with(ex_norm(sc, t), t->norm_len, "or") ||
             ex_tok_is(sc, t, "giant") || ex_tok_is(sc, t, "firm") ||
             ex_tok_is(sc, t, "conglomerate")) &&
            i + 1 < s->t1 && (tk[i + 1].flags & TF_CAP) &&
            (tk[i + 1].flags & TF_SPACE_BEFORE) &&
            is_shape_word(sc, &tk[i + 1])) {
            i++;
            continue;
        }
        /* "Budget airline Skyhop is to", "Telecoms group Wycombe said",
         * "UK housebuilder Wellow": the trade the British pages put
         * before a firm's name opens the sentence with a capital; its
         * first word is no name when one or two lowercase words ending
         * in a trade noun and then a name follow */
        if (i == s->t0 && opens_trade_desc(sc, s, i, headline || allcaps, &key)) {
            i++;
            continue;
        }
        /* 5. name shapes ("General" of "Attorney General" is no start;
         * "New" of "New York Life" is) */
        if (i > s->t0 && ex_tok_is(sc, t, "general") &&
            office_word(sc, &tk[i - 1])) {
            i++;
            continue;
        }
        newname = (t->flags & TF_CAP) && ex_tok_is(sc, t, "new") &&
                  i + 1 < s->t1 && (tk[i + 1].flags & TF_CAP) &&
                  (tk[i + 1].flags & TF_SPACE_BEFORE) &&
                  is_shape_word(sc, &tk[i + 1]);
        /* "21st Century Fox", "3G Capital": a number with letters that
         * starts a run of capitalised words */
        newname = newname ||
                  ((t->flags & TF_NUM) && (t->flags & TF_WORD) &&
                   !headline && !allcaps && i + 1 < s->t1 &&
                   alpha_in(ex_norm(sc, t), t->norm_len) &&
                   !decade(ex_norm(sc, t), t->norm_len) &&
                   (tk[i + 1].flags & TF_CAP) &&
                   (tk[i + 1].flags & TF_SPACE_BEFORE) &&
                   is_shape_word(sc, &tk[i + 1]));
        /* "I. Magnin", "A. G. Edwards": "I" and "A" are initials too */
        newname = newname ||
                  ((t->flags & TF_CAP) && t->norm_len == 1 &&
                   i + 2 < s->t1 && is_punct(sc, &tk[i + 1], '.') &&
                   !(tk[i + 1].flags & TF_SPACE_BEFORE) &&
                   (tk[i + 2].flags & TF_CAP) && tk[i + 2].word < 0);
        /* "Whole Foods' 365 Everyday Value", "its 365 Everyday Value
         * line": a bare number after a possessive or determiner that
         * starts two unknown capitalised words ("3 Apple engineers",
         * "in 2001 Glaxo" start none) */
        newname = newname ||
                  ((t->flags & TF_NUM) && (t->flags & TF_WORD) &&
                   !headline && !allcaps && digits_only(sc, t) &&
                   i > s->t0 && i + 2 < s->t1 &&
                   (ex_tok_is(sc, &tk[i - 1], "'s") ||
                    ex_tok_is(sc, &tk[i - 1], "'") ||
                    (ex_wflags(sc, &tk[i - 1]) & (WF_DET | WF_PRONOUN))) &&
                   is_shape_word(sc, &tk[i + 1]) &&
                   is_shape_word(sc, &tk[i + 2]) &&
                   (tk[i + 1].flags & TF_CAP) && (tk[i + 2].flags & TF_CAP) &&
                   (tk[i + 1].flags & TF_SPACE_BEFORE) &&
                   (tk[i + 2].flags & TF_SPACE_BEFORE) &&
                   gaz_at(sc, s, i + 1, &key, &g, 0) == i + 1 &&
                   gaz_at(sc, s, i + 2, &key, &g, 0) == i + 2 &&
                   !(ex_wflags(sc, &tk[i + 1]) & (WF_NONNAME | WF_FIRSTNAME)));
        /* "7-Eleven": a number joined to a capitalised word (not a wire
         * slug: "UPDATE 2-Honda, Nissan in talks") */
        newname = newname ||
                  ((t->flags & TF_NUM) && (t->flags & TF_WORD) &&
                   !headline && !allcaps && hyphen_cap(sc, t) &&
                   !(i > s->t0 && (tk[i - 1].flags & TF_ALLCAPS)));
        /* "Jan du Plessis": a month name before a particle and an
         * unknown capitalised word is a given name */
        newname = newname ||
                  ((t->flags & TF_CAP) && (f & WF_MONTH) && !headline &&
                   !allcaps && i + 2 < s->t1 &&
                   (tk[i + 1].flags & TF_SPACE_BEFORE) &&
                   !(tk[i + 1].flags & TF_UPPER) &&
                   particle(ex_norm(sc, &tk[i + 1])) &&
                   (tk[i + 2].flags & TF_CAP) &&
                   (tk[i + 2].flags & TF_WORD) && tk[i + 2].word < 0);
        /* "First Interstate Bancorp", "First Boston Corp": "First" starts
         * a name that ends in a legal suffix or an org word (checked
         * below) */
        first_start = !newname && (t->flags & TF_CAP) && !headline &&
                      !allcaps && ex_tok_is(sc, t, "first") &&
                      i + 1 < s->t1 && (tk[i + 1].flags & TF_CAP) &&
                      (tk[i + 1].flags & TF_SPACE_BEFORE) &&
                      is_shape_word(sc, &tk[i + 1]);
        newname = newname || first_start;
        opener = (t->flags & TF_SENT_START) && t->word >= 0 && !newname &&
                 (f & (WF_COMMON | WF_TRIGGER | WF_STOP | WF_CURRENCY)) &&
                 !(f & (WF_LEGAL | WF_ORGWORD));
        /* "Allied Provincial Breweries agreed", "Sterling Harbour Foods
         * Inc said": a trigger or money word that opens the sentence
         * starts a name when capitalised words follow that end as a
         * firm's (checked below) */
        opener_name = opener && !(f & (WF_COMMON | WF_STOP)) && !headline &&
                      !allcaps && i + 1 < s->t1 &&
                      (tk[i + 1].flags & TF_CAP) &&
                      (tk[i + 1].flags & TF_SPACE_BEFORE) &&
                      is_shape_word(sc, &tk[i + 1]);
        /* "Alliance & Leicester has agreed": an ampersand and a
         * capitalised word after the opening word join it to a name */
        opener_name = opener_name ||
                      (opener && !(f & WF_STOP) && !headline && !allcaps &&
                       i + 2 < s->t1 && is_punct(sc, &tk[i + 1], '&') &&
                       (tk[i + 2].flags & TF_CAP) &&
                       is_shape_word(sc, &tk[i + 2]));
        /* "Allied bought Bendix Corp": the word alone is a firm's name */
        opener_alone = (opener || ((t->flags & TF_SENT_START) &&
                                   t->word >= 0)) &&
                       !opener_name && !headline && !allcaps &&
                       opener_firm(sc, s, i);
        if ((is_shape_word(sc, t) || month_name(sc, s, i) || newname) &&
            (!opener || opener_name || opener_alone)) {
            uint32_t k, w, end, legal = 0, orgword = 0, nw = 0, pg;
            int plural = 0;
            int32_t buyer;
            int32_t dummy_g, inner_g = -1;
            uint32_t of_america = 0, peer_of = 0;
            int kind = -1, initials = 0, alias, joined = 0;
            if (headline && t->word >= 0 &&
                !(f & (WF_LEGAL | WF_ORGWORD))) {
                i++;
                continue;
            }
            j = i + 1;
            while (j < s->t1) {
                int32_t dummy;
                uint32_t fj = ex_wflags(sc, &tk[j]);
                /* "Kidder, Peabody and Co": the comma is inside */
                if (!headline && !allcaps && comma_and_co(sc, s, j)) {
                    j++;
                    continue;
                }
                /* "St. Regis Corp": the period of an abbreviation that
                 * opens a name */
                if (j == i + 1 && j + 1 < s->t1 && !headline && !allcaps &&
                    is_punct(sc, &tk[j], '.') &&
                    !(tk[j].flags & TF_SPACE_BEFORE) &&
                    (t->flags & TF_CAP) && ex_tok_in(sc, t, EC_NAMEABBREV) &&
                    (tk[j + 1].flags & TF_CAP) &&
                    (tk[j + 1].flags & TF_SPACE_BEFORE) &&
                    is_shape_word(sc, &tk[j + 1])) {
                    j++;
                    continue;
                }
                /* "Lee A. Iacocca": "A" is a stop word elsewhere;
                 * "David E. I. Pyott": so is "I" before the surname */
                if (j + 2 < s->t1 && (tk[j].flags & TF_CAP) &&
                    tk[j].norm_len == 1 && (tk[j].flags & TF_WORD) &&
                    (tk[j].flags & TF_SPACE_BEFORE) &&
                    is_punct(sc, &tk[j + 1], '.') &&
                    !(tk[j + 1].flags & TF_SPACE_BEFORE) &&
                    (tk[j + 2].flags & TF_CAP) && !headline && !allcaps) {
                    if (tk[j + 2].word < 0) {
                        j += 3;
                        initials = 1;
                        continue;
                    }
                    if (tk[j + 2].norm_len == 1 && j + 4 < s->t1 &&
                        (tk[j + 2].flags & TF_SPACE_BEFORE) &&
                        is_punct(sc, &tk[j + 3], '.') &&
                        !(tk[j + 3].flags & TF_SPACE_BEFORE) &&
                        (tk[j + 4].flags & TF_CAP) && tk[j + 4].word < 0) {
                        j += 5;
                        initials = 1;
                        continue;
                    }
                }
                /* "Robert J. Eaton", "J. Hugh Liedtke": after a middle
                 * initial the surname joins even if it names a firm */
                if (j + 1 < s->t1 && is_punct(sc, &tk[j], '.') &&
                    !(tk[j].flags & TF_SPACE_BEFORE) && !headline &&
                    !allcaps && (tk[j - 1].flags & TF_CAP) &&
                    tk[j - 1].norm_len == 1 && (tk[j + 1].flags & TF_CAP) &&
                    (tk[j + 1].flags & TF_WORD) &&
                    !(tk[j + 1].flags & TF_NUM) &&
                    !(ex_wflags(sc, &tk[j + 1]) &
                      (WF_STOP | WF_LEGAL | WF_MONTH | WF_WEEKDAY))) {
                    j += 2;
                    initials = 1;
                    continue;
                }
                if (is_shape_word(sc, &tk[j]) &&
                    (tk[j].flags & TF_SPACE_BEFORE) && !(fj & WF_LEGAL) &&
                    !(headline && tk[j].word >= 0 && !(fj & WF_ORGWORD)) &&
                    gaz_at(sc, s, j, &key, &dummy, allcaps) == j) {
                    j++;
                    continue;
                }
                /* "Sony Ericsson": two known firms' names run together
                 * (the first one's left to this step by the gazetteer's) */
                if (!headline && !allcaps &&
                    gaz_at(sc, s, i, &key, &dummy, 0) == j && dummy >= 0 &&
                    EX_AT(ex->gentv, ex_gent, dummy).kind == KG_KIND_ORG &&
                    !EX_AT(ex->gentv, ex_gent, dummy).canonical &&
                    joins_known(sc, s, j, &key)) {
                    j = gaz_at(sc, s, j, &key, &dummy, 0);
                    joined = 1;
                    continue;
                }
                /* "Burger King", "Dexter Valve": an ambiguous known name
                 * of one word after an unknown capitalised one is the
                 * end of a longer name */
                dummy = -1;
                if (is_shape_word(sc, &tk[j]) && !headline && !allcaps &&
                    (tk[j].flags & TF_SPACE_BEFORE) && !(fj & WF_LEGAL) &&
                    (tk[j - 1].flags & TF_CAP) && tk[j - 1].word < 0 &&
                    gaz_at(sc, s, j, &key, &dummy, 0) == j + 1 &&
                    dummy >= 0 && EX_AT(ex->gentv, ex_gent, dummy).ambiguous) {
                    j++;
                    continue;
                }
                /* "Robert Campeau", "Michael Dell": a first name and a
                 * firm's name with nothing after it is a person; so is
                 * a word the lexicon does not know there inside the
                 * sentence ("founded by Soichiro Honda") */
                if (j == i + 1 && !allcaps &&
                    !headline && (tk[j].flags & TF_CAP) &&
                    (tk[j].flags & TF_SPACE_BEFORE) &&
                    ((f & WF_FIRSTNAME) || tk[i].word < 0) &&
                    (k = gaz_at(sc, s, j, &key, &dummy, 0)) == j + 1 &&
                    EX_AT(ex->gentv, ex_gent, dummy).kind == KG_KIND_ORG &&
                    absorb_legal(sc, k, s->t1) == k &&
                    !(k < s->t1 && (ex_wflags(sc, &tk[k]) & WF_ORGWORD) &&
                      (tk[k].flags & TF_CAP)) &&
                    ((f & WF_FIRSTNAME) || given_name(sc, s, i, k))) {
                    j = k;
                    continue;
                }
                /* "Rimrock Valve Co", "Groupe Danone": an unknown word
                 * before a known name and a legal suffix (or after a
                 * prefix word) is one longer name */
                dummy = -1;
                if ((tk[j].flags & TF_CAP) && !allcaps && !headline &&
                    (tk[j].flags & TF_SPACE_BEFORE) && !(fj & WF_LEGAL) &&
                    ((k = gaz_at(sc, s, j, &key, &dummy, 0)) > j ||
                     ((dummy = -1) < 0 &&
                      kg_extract__map_get(&sc->aliases,
                                          sc->doc->text + tk[j].start,
                                          tk[j].end - tk[j].start, &id) &&
                      (k = j + 1))) &&
                    (absorb_legal(sc, k, s->t1) > k ||
                     (j == i + 1 && prefix_orgword(ex_norm(sc, &tk[i])))) &&
                    unknown_word_in(sc, i, j)) {
                    /* "Groupe Danone": later "Danone" is this firm */
                    if (j == i + 1 && dummy >= 0 &&
                        prefix_orgword(ex_norm(sc, &tk[i])))
                        inner_g = dummy;
                    j = k;
                    continue;
                }
                /* "Capital One Financial": a capitalised word between */
                if ((tk[j].flags & TF_CAP) && (fj & WF_STOP) && !headline &&
                    j + 1 < s->t1 && is_shape_word(sc, &tk[j + 1]) &&
                    (tk[j + 1].flags & TF_CAP) && tk[j].norm_len > 2 &&
                    !ex_tok_is(sc, &tk[j], "and") &&
                    !ex_tok_is(sc, &tk[j], "the") &&
                    !ex_tok_is(sc, &tk[j], "for")) {
                    j++;
                    continue;
                }
                /* "Mercedes-Benz" (split at the hyphen, joined here) */
                if (j + 1 < s->t1 && is_punct(sc, &tk[j], '-') &&
                    !(tk[j].flags & TF_SPACE_BEFORE) &&
                    !(tk[j + 1].flags & TF_SPACE_BEFORE) &&
                    is_shape_word(sc, &tk[j + 1]) &&
                    sc->mstart[j + 1 - s->t0] < 0) {
                    uint32_t g2 = j + 1,
                             e2 = gaz_at(sc, s, g2, &key, &dummy, allcaps);
                    if (e2 == g2 ? !rival_pair_noun(sc, s, g2 + 1)
                                 : !pair_noun(sc, s, e2)) {
                        /* "Sanofi-Synthelabo", "Adidas-Salomon": a known
                         * firm's name before an unknown part is the
                         * firm's name of the time, and later "Sanofi"
                         * is this firm (not "Salomon", the other part) */
                        if (j == i + 1 && e2 == g2 && !headline &&
                            !allcaps)
                            inner_g = hyphen_head(sc, s, i, &key);
                        j += 2;
                        continue;
                    }
                }
                /* "Ben van Beurden", "Ludwig von Mises", "Pieter van der
                 * Merwe" */
                if (j + 1 < s->t1 && !headline && !allcaps &&
                    (tk[j].flags & TF_SPACE_BEFORE) &&
                    !(tk[j].flags & TF_UPPER) &&
                    particle(ex_norm(sc, &tk[j]))) {
                    k = j + 1;
                    if (k + 1 < s->t1 && !(tk[k].flags & TF_UPPER) &&
                        (tk[k].flags & TF_SPACE_BEFORE) &&
                        particle(ex_norm(sc, &tk[k])))
                        k++;
                    /* "Gaz de France", "Banco de España": a country */
                    if ((tk[k].flags & TF_CAP) && (tk[k].flags & TF_WORD) &&
                        (tk[k].word < 0 ||
                         ((ex_wflags(sc, &tk[k]) &
                           (WF_COUNTRY | WF_NONNAME)) &&
                          !(ex_wflags(sc, &tk[k]) & WF_STOP) &&
                          !(tk[k].flags & TF_ALLCAPS)))) {
                        j = k + 1;
                        continue;
                    }
                }
                /* "Bank One", "Capital One": a number word after an
                 * org word; "Mild Seven", "Fitness First": after a
                 * capitalised word that is no function word, place,
                 * month or title (not "one of") */
                if ((tk[j].flags & TF_CAP) && (fj & WF_STOP) && !headline &&
                    (tk[j].flags & TF_SPACE_BEFORE) &&
                    ((ex_wflags(sc, &tk[j - 1]) & WF_ORGWORD) ||
                     (!allcaps && (tk[j - 1].flags & TF_CAP) &&
                      (!(tk[j - 1].flags & TF_SENT_START) ||
                       tk[j - 1].word < 0) &&
                      !(ex_wflags(sc, &tk[j - 1]) &
                        (WF_STOP | WF_NONNAME | WF_MONTH | WF_WEEKDAY |
                         WF_TITLE | WF_ROLE | WF_COUNTRY)) &&
                      !(j + 1 < s->t1 && ex_tok_is(sc, &tk[j + 1], "of")))) &&
                    ex_tok_in(sc, &tk[j], EC_NAMENUMBER)) {
                    j++;
                    continue;
                }
                /* "Bank of New York" (not "Grey Global Group of New
                 * York": a group named before "of" ends there) */
                if (j + 2 < s->t1 && !headline &&
                    ex_tok_is(sc, &tk[j], "of") &&
                    org_of(sc, i, j) &&
                    (tk[j + 1].flags & TF_CAP) &&
                    (ex_wflags(sc, &tk[j + 1]) & WF_STOP) &&
                    is_shape_word(sc, &tk[j + 2]) &&
                    (tk[j + 2].flags & TF_CAP)) {
                    j += 3;
                    continue;
                }
                /* "Firestone Tire and Rubber Co": "and" inside a name
                 * that ends in a legal suffix */
                /* ("Quill Group and Dorrance Corp": a name that ended
                 * in a legal suffix or "Group" is done) */
                /* ("Kestrel, Dunmore and Hale Inc": the last two of a
                 * list after a comma are two firms) */
                if (j + 2 < s->t1 && !headline && !allcaps &&
                    ex_tok_is(sc, &tk[j], "and") &&
                    !(ex_wflags(sc, &tk[j - 1]) & WF_LEGAL) &&
                    !(i >= s->t0 + 2 && is_punct(sc, &tk[i - 1], ',') &&
                      sc->mend[i - 2 - s->t0] >= 0) &&
                    /* ("Sallow Inc of Chicago and Bream Co": the town a
                     * firm is from, then the next firm) */
                    !(j == i + 1 && i >= s->t0 + 2 &&
                      ex_tok_is(sc, &tk[i - 1], "of") &&
                      sc->mend[i - 2 - s->t0] >= 0) &&
                    !ex_tok_is(sc, &tk[j - 1], "group") &&
                    !ex_tok_is(sc, &tk[j - 1], "partners") &&
                    !ex_tok_is(sc, &tk[j - 1], "ventures") &&
                    (k = and_name_end(
                         sc, s, j + 1, &key, allcaps,
                         j == i + 1 &&
                             !(ex_wflags(sc, &tk[i]) & WF_COUNTRY) &&
                             !(i > s->t0 &&
                               (ex_tok_is(sc, &tk[i - 1], "of") ||
                                is_punct(sc, &tk[i - 1], ','))))) > 0) {
                    j = k;
                    continue;
                }
                /* "AFG Industries Inc and Wagner and Brown said": after
                 * a firm and "and", two single words joined by a second
                 * "and" are one firm's name (a list of three would read
                 * "X, Wagner and Brown") */
                if (j == i + 1 && j + 2 < s->t1 && !headline && !allcaps &&
                    i >= s->t0 + 2 && ex_tok_is(sc, &tk[i - 1], "and") &&
                    sc->mend[i - 2 - s->t0] >= 0 &&
                    ex_tok_is(sc, &tk[j], "and") &&
                    (tk[j + 1].flags & TF_CAP) && (tk[j + 1].flags & TF_WORD) &&
                    is_shape_word(sc, &tk[j + 1]) &&
                    !(f & (WF_FIRSTNAME | WF_LEGAL | WF_NONNAME)) &&
                    !(ex_wflags(sc, &tk[j + 1]) &
                      (WF_FIRSTNAME | WF_LEGAL | WF_NONNAME | WF_STOP)) &&
                    sc->mstart[j + 1 - s->t0] < 0 &&
                    !(j + 2 < s->t1 && (tk[j + 2].flags & TF_CAP) &&
                      (tk[j + 2].flags & TF_SPACE_BEFORE) &&
                      is_shape_word(sc, &tk[j + 2]))) {
                    j += 2;
                    continue;
                }
                /* "Scottish and Newcastle has agreed", "Bradford and
                 * Bingley said it": two single words joined by "and",
                 * then a verb for one firm, are one firm's name */
                if (j == i + 1 && j + 3 < s->t1 && !headline && !allcaps &&
                    ex_tok_is(sc, &tk[j], "and") &&
                    (tk[j + 1].flags & TF_CAP) &&
                    (tk[j + 1].flags & TF_SPACE_BEFORE) &&
                    is_shape_word(sc, &tk[j + 1]) &&
                    !(ex_wflags(sc, &tk[j + 1]) & WF_LEGAL) &&
                    !(f & (WF_FIRSTNAME | WF_LEGAL)) &&
                    !(ex_wflags(sc, &tk[j + 1]) & WF_FIRSTNAME) &&
                    !(i > s->t0 && is_punct(sc, &tk[i - 1], ',')) &&
                    gaz_at(sc, s, i, &key, &dummy, 0) == i &&
                    gaz_at(sc, s, j + 1, &key, &dummy, 0) == j + 1 &&
                    (one_firm_verb(sc, &tk[j + 2], &tk[j + 3]) ||
                     /* or after a name and "and": "AFG Industries Inc
                      * and Wagner and Brown said" (three names would
                      * take a comma) */
                     (i >= s->t0 + 2 && ex_tok_is(sc, &tk[i - 1], "and") &&
                      sc->mend[i - 2 - s->t0] >= 0) ||
                     /* or named so before */
                     (tok_key(sc, &key, i, j + 2) == KG_OK &&
                      kg_extract__map_get(&sc->entnames, key.ptr, key.len,
                                          &id)))) {
                    j += 2;
                    continue;
                }
                /* "the Transport and General Workers' Union": a plural
                 * possessive before an org word stays in the name */
                if (j + 1 < s->t1 && is_punct(sc, &tk[j], '\'') &&
                    !(tk[j].flags & TF_SPACE_BEFORE) &&
                    tk[j - 1].end > tk[j - 1].start &&
                    sc->doc->text[tk[j - 1].end - 1] == 's' &&
                    (tk[j + 1].flags & TF_CAP) &&
                    (ex_wflags(sc, &tk[j + 1]) & WF_ORGWORD)) {
                    j += 2;
                    continue;
                }
                /* "United Steelworkers of America": two capitalised words
                 * and "of America" (not "Hanson of Britain") */
                if (j + 1 < s->t1 && j >= i + 2 && !headline &&
                    ex_tok_is(sc, &tk[j], "of") &&
                    ex_tok_is(sc, &tk[j + 1], "america") &&
                    (tk[j + 1].flags & TF_CAP) &&
                    (tk[j - 1].flags & TF_CAP) && (tk[j - 2].flags & TF_CAP) &&
                    !(j + 2 < s->t1 && (tk[j + 2].flags & TF_CAP) &&
                      (tk[j + 2].flags & TF_WORD))) {
                    of_america = j - 1;
                    j += 2;
                    continue;
                }
                /* "Bank of America", "Procter & Gamble" */
                if (j + 1 < s->t1 && is_shape_word(sc, &tk[j + 1]) &&
                    ((is_punct(sc, &tk[j], '&') &&
                      absorb_legal(sc, j, s->t1) == j) ||
                     (ex_tok_is(sc, &tk[j], "of") && org_of(sc, i, j)))) {
                    j += 2;
                    continue;
                }
                break;
            }
            /* "Financier Carl Icahn", "Analyst Mary Ng": a capitalised
             * noun that only starts the sentence */
            if ((t->flags & TF_SENT_START) && j >= i + 3 &&
                (tk[i + 1].flags & TF_WORD) &&
                (ex_wflags(sc, &tk[i + 1]) & WF_FIRSTNAME) &&
                !(f & (WF_FIRSTNAME | WF_ORGWORD | WF_NONNAME))) {
                i++;
                t = &tk[i];
                f = ex_wflags(sc, t);
            }
            /* "the Australian Bruce Kellett", "the Frenchman Jean-Luc
             * Marot": a nationality before a given name and a surname
             * is the person's description, not his name (a noun such as
             * "Frenchman", of no other class, needs no known given
             * name); a legal suffix or an org word keeps the run whole
             * ("the American Home Products Corp") */
            if (j >= i + 3 && !headline && !allcaps &&
                ex_tok_in(sc, t, EC_DEMONYM) &&
                (tk[i + 1].flags & TF_CAP) &&
                ((ex_wflags(sc, &tk[i + 1]) & WF_FIRSTNAME) ||
                 !(f & WF_NONNAME)) &&
                absorb_legal(sc, j, s->t1) == j) {
                for (k = i + 1; k < j; k++)
                    if (ex_wflags(sc, &tk[k]) & (WF_ORGWORD | WF_LEGAL))
                        break;
                if (k == j) {
                    i++;
                    t = &tk[i];
                    f = ex_wflags(sc, t);
                }
            }
            /* "Bloomingdale's", "Beck's": a name with "'s" and no noun
             * after it is a store or brand, not a possessive ("X's
             * $5bn offer": a currency sign is no end) */
            if (j + 1 < s->t1 && !headline && !allcaps &&
                ex_tok_is(sc, &tk[j], "'s") &&
                (j + 2 >= s->t1 ||
                 ((tk[j + 1].flags & TF_PUNCT) &&
                  !(ex_wflags(sc, &tk[j + 1]) & WF_CURRENCY)) ||
                 ex_tok_is(sc, &tk[j + 1], "and") ||
                 ex_tok_is(sc, &tk[j + 1], "or") ||
                 ex_tok_is(sc, &tk[j + 1], "to") ||
                 /* "Chesebrough-Pond's Inc", "Macy's Inc" */
                 absorb_legal(sc, j + 1, s->t1) > j + 1 ||
                 store_name_poss(sc, s, i, j)))
                j++;
            /* "the Tampa Bay Buccaneers American football team": a
             * nationality that ends the run before a lowercase noun
             * belongs to the noun */
            if (j >= i + 3 && j < s->t1 && !headline && !allcaps &&
                (tk[j].flags & TF_WORD) && !(tk[j].flags & TF_CAP) &&
                absorb_legal(sc, j, s->t1) == j &&
                nationality(ex_norm(sc, &tk[j - 1]))) {
                j--;
                /* "the Anglo-French financier": no "Anglo-" left */
                if (j > i + 1 && is_punct(sc, &tk[j - 1], '-') &&
                    !(tk[j - 1].flags & TF_SPACE_BEFORE))
                    j--;
            }
            end = absorb_legal(sc, j, s->t1);
            legal = end > j;
            /* "Edgar Bronfman Jr., chief executive": the period of "Jr"
             * belongs to the name */
            if (!legal && j >= i + 2 && j + 1 < s->t1 &&
                generation(ex_norm(sc, &tk[j - 1])) &&
                is_punct(sc, &tk[j], '.') && !(tk[j].flags & TF_SPACE_BEFORE))
                end = j + 1;
            /* "Hospital Corp of America", "Aluminum Co of America": one
             * word, "Corp" or "Co" and "of America" make the name (its
             * initials give "HCA") */
            if (legal && j == i + 1 && end == j + 1 && end + 1 < s->t1 &&
                !headline && !allcaps &&
                (ex_tok_is(sc, &tk[j], "corp") ||
                 ex_tok_is(sc, &tk[j], "co") ||
                 ex_tok_is(sc, &tk[j], "corporation")) &&
                ex_tok_is(sc, &tk[end], "of") &&
                ((ex_tok_is(sc, &tk[end + 1], "america") &&
                  (tk[end + 1].flags & TF_CAP)) ||
                 (end + 2 < s->t1 && ex_tok_is(sc, &tk[end + 1], "north") &&
                  ex_tok_is(sc, &tk[end + 2], "america")))) {
                j = end + (ex_tok_is(sc, &tk[end + 1], "north") ? 3 : 2);
                end = j;
            }
            /* "New York", "Chinese": only words of class nonname
             * ("Anglo-French", "Anglo-Dutch": "Anglo" joined to one) */
            for (k = i; k < j; k++)
                if ((tk[k].flags & TF_WORD) &&
                    !(ex_wflags(sc, &tk[k]) & WF_NONNAME) &&
                    !(k + 2 < j && ex_tok_is(sc, &tk[k], "anglo") &&
                      is_punct(sc, &tk[k + 1], '-')))
                    break;
            if (k == j && !legal) {
                /* "the French government", "the French state" */
                if (j < s->t1 && !headline && !allcaps &&
                    (ex_tok_is(sc, &tk[j], "government") ||
                     ex_tok_is(sc, &tk[j], "state")) &&
                    !(j + 1 < s->t1 &&
                      (is_punct(sc, &tk[j + 1], '-') ||
                       ex_tok_is(sc, &tk[j + 1], "oil") ||
                       (ex_wflags(sc, &tk[j + 1]) &
                        (WF_ORGHEAD | WF_ORGWORD | WF_MODNOUN))))) {
                    if ((rc = name_text(sc, &key, i, j + 1)) != KG_OK)
                        goto done;
                    ent = ent_get(sc, key.ptr, key.len, KG_KIND_ORG, -1);
                    if ((rc = add_ment(sc, s->t0, i, j + 1, ent, -1,
                                       MS_SHAPE)) != KG_OK)
                        goto done;
                    i = j + 1;
                    continue;
                }
                i = j;
                continue;
            }
            if (ex_wflags(sc, &tk[j - 1]) & WF_ORGWORD)
                orgword = 1;
            if ((first_start || opener_name) && !legal && !orgword &&
                !(opener_name && opener_subject(sc, s, i, j))) {
                uint32_t kid;
                /* "Allied Domecq also owns": a name the article has
                 * already given whole keeps its opening word */
                if (!(opener_name && name_text(sc, &key, i, j) == KG_OK &&
                      kg_extract__map_get(&sc->entnames, key.ptr, key.len,
                                          &kid) &&
                      EX_AT(sc->ents, ex_ent, kid).kind != KG_KIND_PERSON)) {
                    i++;
                    continue;
                }
            }
            /* a lone sentence-initial capital or headline word */
            if ((headline && !legal &&
                 !(i > s->t0 && (ex_wflags(sc, &tk[i - 1]) &
                                 (WF_TRIGGER | WF_ROLE | WF_TITLE)))) ||
                ((t->flags & TF_SENT_START) && j == i + 1 && !legal &&
                 !(t->flags & (TF_CAMEL | TF_ALLCAPS)) && t->word >= 0 &&
                 !opener_alone)) {
                i = j;
                continue;
            }
            if (legal || orgword)
                kind = KG_KIND_ORG;
            /* "Chairman John Smith" is a person, but "the drinks group
             * Amey" is a firm: "group" only starts a role ("group CEO") */
            else if (i > s->t0 &&
                     (ex_wflags(sc, &tk[i - 1]) & (WF_TITLE | WF_ROLE)) &&
                     !(ex_wflags(sc, &tk[i - 1]) & (WF_STOP | WF_ORGWORD)))
                kind = KG_KIND_PERSON;
            else if (i > s->t0 + 1 && is_punct(sc, &tk[i - 1], '.') &&
                     (ex_wflags(sc, &tk[i - 2]) & WF_TITLE))
                kind = KG_KIND_PERSON;
            else if ((f & WF_FIRSTNAME) && j - i >= 2 && j - i <= 3)
                kind = KG_KIND_PERSON;
            else if (j == i + 2 && hyphen_given_name(sc, &tk[i + 1]))
                kind = KG_KIND_PERSON;
            else if (initials && j - i <= 6 && j - i >= 4)
                kind = KG_KIND_PERSON; /* "J. Smith" may be a store */
            else if (i > s->t0 &&
                     (office_word(sc, &tk[i - 1]) ||
                      (i > s->t0 + 1 && office_word(sc, &tk[i - 2]) &&
                       ex_tok_is(sc, &tk[i - 1], "general"))))
                kind = KG_KIND_PERSON;
            else if (i > s->t0 && j - i >= 2 && j - i <= 3 &&
                     person_word(sc, &tk[i - 1]))
                kind = KG_KIND_PERSON;
            /* "Apple's iPhones": the plural of a known product */
            else if (j == i + 1 && (t->flags & TF_CAMEL) &&
                     t->end - t->start > 3 &&
                     sc->doc->text[t->end - 1] == 's' &&
                     kg_extract__map_get(&ex->gnames, sc->doc->text + t->start,
                                         t->end - t->start - 1, &pg) &&
                     EX_AT(ex->gentv, ex_gent, pg).kind == KG_KIND_PRODUCT)
                kind = KG_KIND_PRODUCT, plural = 1;
            else if (j == i + 1 && (t->flags & (TF_CAMEL | TF_ALLCAPS)))
                kind = KG_KIND_ORG;
            else if (i > s->t0 &&
                     ends_with(ex_norm(sc, &tk[i - 1]), tk[i - 1].norm_len,
                               "-based"))
                kind = KG_KIND_ORG;
            /* "budget airline Skyhop", "private equity firm Gresham
             * Park": a name after a noun of a firm's trade (not yet
             * "Brewer Tranmere said": the firm it makes known takes the
             * article's descriptions, and dev6 then pairs a bid with an
             * alias the gold does not know) */
            else if (i > s->t0 && trade_noun(sc, &tk[i - 1]))
                kind = KG_KIND_ORG;
            /* "Shares in Morland Homes rose": a listed firm (not "shares
             * in Roomba maker iRobot": the firm is the maker) */
            else if (i >= s->t0 + 2 &&
                     (ex_tok_is(sc, &tk[i - 1], "in") ||
                      ex_tok_is(sc, &tk[i - 1], "of")) &&
                     ex_tok_is(sc, &tk[i - 2], "shares") &&
                     !maker_after(sc, s, j))
                kind = KG_KIND_ORG;
            /* "Samsung India": a known firm's national unit is a firm */
            if (kind < 0 && j >= i + 2 &&
                (ex_wflags(sc, &tk[j - 1]) & WF_COUNTRY) &&
                gaz_at(sc, s, i, &key, &dummy_g, 0) > i &&
                EX_AT(ex->gentv, ex_gent, dummy_g).kind == KG_KIND_ORG)
                kind = KG_KIND_ORG;
            /* "Lord Sterling, P&O's chairman": a peer named by title and
             * surname keeps the title ("Lord John Browne" does not) */
            if (i > s->t0 && j == i + 1 && !legal && !headline &&
                !allcaps && (tk[i - 1].flags & TF_CAP) &&
                (ex_wflags(sc, &tk[i - 1]) & WF_PEER) &&
                (t->flags & TF_SPACE_BEFORE) && !(f & WF_FIRSTNAME) &&
                !(t->flags & (TF_ALLCAPS | TF_CAMEL))) {
                i--;
                kind = KG_KIND_PERSON;
                /* "Lord Browne of Madingley": the peerage's place is
                 * part of the name, and "Lord Browne" later is he */
                if (j + 1 < s->t1 && ex_tok_is(sc, &tk[j], "of") &&
                    (tk[j + 1].flags & TF_CAP) &&
                    (tk[j + 1].flags & TF_SPACE_BEFORE) &&
                    is_shape_word(sc, &tk[j + 1]) &&
                    !(ex_wflags(sc, &tk[j + 1]) & (WF_LEGAL | WF_ORGWORD)) &&
                    !(j + 2 < s->t1 && (tk[j + 2].flags & TF_CAP) &&
                      (tk[j + 2].flags & TF_WORD))) {
                    peer_of = j;
                    j += 2;
                    end = j;
                }
            }
            if ((rc = name_text(sc, &key, i, j)) != KG_OK)
                goto done;
            /* "iPhones": the product's own name */
            if (plural && key.len > 1)
                key.ptr[--key.len] = '\0';
            /* a name that is someone's alias is that entity; "AMC"
             * after "American Motors Corp" is American Motors */
            alias = kg_extract__map_get(&sc->aliases, key.ptr, key.len,
                                        &id) &&
                    !the_group(sc, s, i, j) &&
                    /* "Wexley Inc" after "Wexley Brands Inc": with a
                     * legal suffix the first word is a firm of its own */
                    !(legal && !allcaps && !headline &&
                      EX_AT(sc->ents, ex_ent, id).kind != KG_KIND_PERSON &&
                      word_prefix_n(key.ptr, key.len,
                                    EX_AT(sc->ents, ex_ent, id).name)) &&
                    /* "Oliver Brack's Brack Holdings": a name with a
                     * legal suffix is a firm, not the person whose
                     * surname it shares */
                    !(legal && EX_AT(sc->ents, ex_ent, id).kind ==
                                   KG_KIND_PERSON);
            if (alias)
                ent = (int32_t)id;
            else if (j == i + 1 && (t->flags & TF_ALLCAPS) &&
                     !kg_extract__map_get(&sc->entnames, key.ptr, key.len,
                                          &id) &&
                     (ent = acronym_of(sc, key.ptr, key.len)) >= 0) {
                ex_ent *ae = &EX_AT(sc->ents, ex_ent, ent);
                if (ae->kind < 0)
                    ae->kind = KG_KIND_ORG;
                if (kg_extract__map_put(&sc->aliases, &sc->pool, key.ptr,
                                        key.len, (uint32_t)ent,
                                        NULL) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
                /* a known acronym is the name the press uses: "American
                 * Telephone and Telegraph Co ... AT&T" is AT&T */
                if (ae->gaz < 0 && memchr(key.ptr, '&', key.len) &&
                    gaz_at(sc, s, i, &key, &dummy_g, 0) == i + 1) {
                    const ex_gent *ag = &EX_AT(ex->gentv, ex_gent, dummy_g);
                    ae->gaz = dummy_g;
                    ae->name = ag->canonical
                                   ? ag->name
                                   : kg_pool_strndup(&sc->pool,
                                                     sc->doc->text + t->start,
                                                     t->end - t->start);
                    if (!ae->name) {
                        rc = KG_ENOMEM;
                        goto done;
                    }
                }
            } else if (j == i + 1 && i > s->t0 && !headline && !allcaps &&
                       (ex_tok_is(sc, &tk[i - 1], "sir") ||
                        ex_tok_is(sc, &tk[i - 1], "dame")) &&
                       (ent = knight_of(sc, key.ptr, key.len)) != -1) {
                /* "Sir Richard" after "Sir Richard Branson"; after two
                 * Sir Richards, no one */
                if (ent < 0) {
                    i = j;
                    continue;
                }
            } else if (j == i + 1 && t->word < 0 && !headline &&
                       !(t->flags & TF_ALLCAPS) &&
                       !kg_extract__map_get(&sc->entnames, key.ptr, key.len,
                                            &id) &&
                       (ent = contraction_of(sc, key.ptr, key.len)) >= 0) {
                /* "Consgold" after "Consolidated Gold Fields Plc" */
                if (kg_extract__map_put(&sc->aliases, &sc->pool, key.ptr,
                                        key.len, (uint32_t)ent,
                                        NULL) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
            } else
                ent = ent_get(sc, key.ptr, key.len, kind, -1);
            if (ent < 0) {
                rc = KG_ENOMEM;
                goto done;
            }
            if (legal)
                EX_AT(sc->ents, ex_ent, ent).suffixed = 1;
            /* "Halvorsen, which bought", "Halvorsen said it agreed": a
             * name of no known kind where no person's stands is a firm,
             * unless it has a person's shape (a given name, or two or
             * three words the lexicon does not know), is another's short
             * form, or is no name of its own: the end of a name split
             * after a known word ("Mitsubishi Estate, which owns") or a
             * ticker ("Ford Motor Co <F> said it"); "Iberia's chairman"
             * is one from the next sentence on (below) */
            if (EX_AT(sc->ents, ex_ent, ent).kind < 0 && !headline &&
                !allcaps && !(f & WF_FIRSTNAME) && !alias &&
                !(i > s->t0 && (sc->mcov[i - 1 - s->t0] >= 0 ||
                                is_punct(sc, &tk[i - 1], '<') ||
                                is_punct(sc, &tk[i - 1], '('))) &&
                /* "the drugs arm of Ashcombe Kerr", "AbbVie agreed to
                 * acquire Allergan" (a firm buys it): no person, whatever
                 * its shape ("a bid for Gordon Pryce's support" may
                 * name one) */
                ((i > s->t0 &&
                  (end >= s->t1 ||
                   (!ex_tok_is(sc, &tk[end], "'s") &&
                    /* "buy Orchard Rush maker Pippin": a premodifier */
                    (!(tk[end].flags & TF_WORD) ||
                     (ex_wflags(sc, &tk[end]) & WF_STOP)))) &&
                  (((k = sc->ex->ecls[EC_FIRMBEFORE]) != (uint32_t)-1 &&
                    ex_class_at(sc, k, i - 1, -1, s->t0, s->t1, NULL) > 0) ||
                   ((buyer = verb_subject(sc, s, i, EC_ACQUIRE)) >= 0 &&
                    EX_AT(sc->ents, ex_ent, buyer).kind == KG_KIND_ORG))) ||
                 (!(j - i >= 2 && j - i <= 3 && tk[i].word < 0 &&
                    tk[j - 1].word < 0) &&
                  (firm_after(sc, s, end, 1) ||
                   ((k = past_aside(sc, s, end)) > end &&
                    firm_after(sc, s, k, 1)))))) {
                EX_AT(sc->ents, ex_ent, ent).kind = KG_KIND_ORG;
                EX_AT(sc->ents, ex_ent, ent).by_slot = 1;
            }
            /* "Groupe Danone": the known name inside is this firm's short
             * form unless the article named it already (NAMES.md names
             * keep theirs) */
            if (inner_g >= 0 && EX_AT(sc->ents, ex_ent, ent).gaz < 0 &&
                EX_AT(ex->gentv, ex_gent, inner_g).kind == KG_KIND_ORG &&
                !EX_AT(ex->gentv, ex_gent, inner_g).canonical) {
                size_t e2;
                for (e2 = 0; e2 < sc->ents.n; e2++)
                    if (EX_AT(sc->ents, ex_ent, e2).gaz == inner_g)
                        break;
                if (e2 == sc->ents.n) {
                    EX_AT(sc->ents, ex_ent, ent).gaz = inner_g;
                    EX_AT(sc->ents, ex_ent, ent).kind = KG_KIND_ORG;
                }
            }
            /* "Sony Ericsson": the joint firm of the two is a firm */
            if (joined)
                EX_AT(sc->ents, ex_ent, ent).kind = KG_KIND_ORG;
            /* "Santander Central Hispano": the article's longer name of
             * a known firm is that firm, and later "Santander" is too */
            if (!allcaps && !headline &&
                EX_AT(sc->ents, ex_ent, ent).gaz < 0 &&
                (k = gaz_at(sc, s, i, &key, &dummy_g, 0)) > i && k < j &&
                EX_AT(ex->gentv, ex_gent, dummy_g).kind == KG_KIND_ORG &&
                !EX_AT(ex->gentv, ex_gent, dummy_g).canonical &&
                !gaz_named(sc, dummy_g) && extends_known(sc, s, i, k, &key)) {
                EX_AT(sc->ents, ex_ent, ent).gaz = dummy_g;
                EX_AT(sc->ents, ex_ent, ent).kind = KG_KIND_ORG;
            }
            /* "Royal Dutch/Shell": a joint name whose last part is a
             * known firm is that firm's name in the article */
            if (!allcaps && !headline &&
                EX_AT(sc->ents, ex_ent, ent).gaz < 0) {
                const char *nm = EX_AT(sc->ents, ex_ent, ent).name;
                const char *sl = strrchr(nm, '/');
                uint32_t g2;
                if (sl && sl > nm && sl[1] &&
                    kg_extract__map_get(&ex->gnames, sl + 1, strlen(sl + 1),
                                        &g2) &&
                    EX_AT(ex->gentv, ex_gent, g2).kind == KG_KIND_ORG &&
                    !EX_AT(ex->gentv, ex_gent, g2).canonical &&
                    !gaz_named(sc, (int32_t)g2)) {
                    EX_AT(sc->ents, ex_ent, ent).gaz = (int32_t)g2;
                    EX_AT(sc->ents, ex_ent, ent).kind = KG_KIND_ORG;
                }
            }
            /* "Lord Browne" later: the peer of "Lord Browne of
             * Madingley" */
            if (peer_of > i && !alias) {
                kg_buf_clear(&key);
                if ((rc = name_text(sc, &key, i, peer_of)) != KG_OK)
                    goto done;
                if (!kg_extract__map_get(&sc->aliases, key.ptr, key.len,
                                         &id) &&
                    kg_extract__map_put(&sc->aliases, &sc->pool, key.ptr,
                                        key.len, (uint32_t)ent,
                                        NULL) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
            }
            /* "the Steelworkers" later: the head before "of America" */
            if (of_america > i && of_america + 3 == j &&
                tk[of_america].word < 0 &&
                kg_extract__map_put(&sc->aliases, &sc->pool,
                                    sc->doc->text + tk[of_america].start,
                                    tk[of_america].end -
                                        tk[of_america].start,
                                    (uint32_t)ent, NULL) != KG_OK) {
                rc = KG_ENOMEM;
                goto done;
            }
            /* short forms for later: "Nadella", "Dixons", "Pell" of
             * "Arthur Pell Jr" */
            k = j - 1;
            if (k > i + 1 && generation(ex_norm(sc, &tk[k])))
                k--;
            /* (initials do not count: "T. Boone Pickens Jr") */
            for (w = i; w <= k; w++)
                if ((tk[w].flags & TF_WORD) &&
                    !(tk[w].norm_len == 1 && w + 1 < j &&
                      is_punct(sc, &tk[w + 1], '.')))
                    nw++;
            if (nw >= 2 && nw <= 3 && !legal && !orgword &&
                (kind == KG_KIND_PERSON ||
                 (kind < 0 && tk[i].word < 0 && tk[k].word < 0))) {
                if (surname_put(sc, k, ent) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
            }
            if (j - i >= 2 &&
                (kind == KG_KIND_ORG ||
                 /* "Abbey National ... Abbey": a name of no known kind
                  * whose last word is a common word (no surname) and
                  * whose first is no given name */
                 (kind < 0 && tk[j - 1].word >= 0 &&
                  !(ex_wflags(sc, &tk[i]) & WF_FIRSTNAME))) &&
                ((kind == KG_KIND_ORG && !allcaps && !headline &&
                  (k = founder_surname(sc, i, j)) < j) ||
                 (k = short_form(sc, i, j)) < j) &&
                (kind == KG_KIND_ORG || !short_named(sc, s, k, &key)) &&
                (gaz_at(sc, s, k, &key, &dummy_g, allcaps) == k ||
                 (k + 1 < j && is_punct(sc, &tk[k + 1], '-') &&
                  !two_names(sc, s, k, j, &key)))) {
                if (kg_extract__map_put(&sc->aliases, &sc->pool,
                                        sc->doc->text + tk[k].start,
                                        tk[k].end - tk[k].start,
                                        (uint32_t)ent, NULL) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
            }
            /* "Fleet" after "Fleet/Norstar Financial Group": the first
             * part of a joint name that opens a firm's longer name */
            if ((kind == KG_KIND_ORG || legal) && !allcaps && !headline &&
                j >= i + 2 && (tk[i].flags & TF_CAP)) {
                const char *w0 = sc->doc->text + tk[i].start;
                const char *sl = memchr(w0, '/', tk[i].end - tk[i].start);
                if (sl && sl > w0 + 1 &&
                    !kg_extract__map_get(&sc->aliases, w0, (size_t)(sl - w0),
                                         &id) &&
                    !kg_extract__map_get(&sc->entnames, w0,
                                         (size_t)(sl - w0), &id) &&
                    kg_extract__map_put(&sc->aliases, &sc->pool, w0,
                                        (size_t)(sl - w0), (uint32_t)ent,
                                        NULL) != KG_OK) {
                    rc = KG_ENOMEM;
                    goto done;
                }
            }
            if ((rc = add_ment(sc, s->t0, i, end, ent, -1,
                               legal ? MS_SUFFIX : MS_SHAPE)) != KG_OK)
                goto done;
            i = end;
            continue;
        }
        i++;
    }
    /* the words two passes below start from are rare: look first */
    for (i = s->t0; i < s->t1; i++) {
        known_w |= ex_tok_is(sc, &tk[i], "known");
        called |= ex_tok_is(sc, &tk[i], "called") ||
                  ex_tok_is(sc, &tk[i], "named") ||
                  ex_tok_is(sc, &tk[i], "known");
    }
    /* "Hon Hai Precision Industry Co, known as Foxconn", "Standard Oil
     * Co, the Cleveland company known as Sohio": the firm goes by the
     * name after "known as" */
    for (i = 0; known_w && i < sc->ments.n; i++) {
        if ((rc = known_as(sc, s, i, &key)) != KG_OK)
            goto done;
    }
    /* "Merck & Co Inc, the world's largest drugmaker,": remember what
     * each firm was called, for "the drugmaker" later */
    for (i = 0; i < sc->ments.n; i++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        uint32_t k, b = m->b;
        if (m->src == MS_COREF ||
            EX_AT(sc->ents, ex_ent, m->ent).kind != KG_KIND_ORG ||
            b >= s->t1 || !is_punct(sc, &tk[b], ','))
            continue;
        for (k = b + 1; k < s->t1 && k < b + 8; k++) {
            if (tk[k].flags & TF_PUNCT) {
                if (ex_tok_is(sc, &tk[k], "'s"))
                    continue;
                break;
            }
            if (sc->mcov[k - s->t0] >= 0 &&
                EX_AT(sc->ments, ex_ment, sc->mcov[k - s->t0]).src !=
                    MS_COREF)
                break;
            /* "Spelling Valve Co, an Ohio maker of valves,": where
             * it is based, for "the Ohio company" later */
            if (!EX_AT(sc->ents, ex_ent, m->ent).country &&
                !(k + 1 < s->t1 && reporting_verb(ex_norm(sc, &tk[k + 1]))) &&
                tok_country(sc, s->t0, k))
                EX_AT(sc->ents, ex_ent, m->ent).country =
                    tok_country(sc, s->t0, k);
            if (head_bit(sc, &tk[k])) {
                /* not "..., the Japanese electronics maker said" */
                if (!(k + 1 < s->t1 &&
                      reporting_verb(ex_norm(sc, &tk[k + 1])))) {
                    ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
                    e->heads |= head_bit(sc, &tk[k]);
                    if (!e->sector)
                        e->sector = sector_at(sc, s->t0, s->t1, k);
                }
                break;
            }
        }
    }
    /* "a new holding company to be called X": later "the combined
     * company" is X */
    for (i = s->t0; called && i + 3 < s->t1; i++) {
        uint32_t q = called_at(sc, s, i);
        int32_t x;
        const ex_ent *xe;
        if (q == i || is_punct(sc, &tk[i], ',') || q >= s->t1 ||
            (x = sc->mstart[q - s->t0]) < 0)
            continue;
        xe = &EX_AT(sc->ents, ex_ent,
                    EX_AT(sc->ments, ex_ment, x).ent);
        if (EX_AT(sc->ments, ex_ment, x).src != MS_COREF &&
            xe->kind != KG_KIND_PERSON && xe->kind != KG_KIND_PRODUCT)
            sc->new_org = EX_AT(sc->ments, ex_ment, x).ent;
    }
    /* "the holding company, to be called X", "The new group, X, will":
     * the description is X, and so are later "the combined company"s */
    for (i = 0; i < sc->ments.n; i++) {
        ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        int isnew;
        int32_t x;
        if (m->src != MS_COREF || m->b < m->a + 2)
            continue;
        isnew = new_firm_at(sc, s, m->a) == m->b;
        x = named_after(sc, s, m->b, isnew);
        if (x < 0)
            continue;
        m->ent = EX_AT(sc->ments, ex_ment, x).ent;
        m->alt = -1;
        sc->new_org = m->ent;
    }
    /* "N, Time Warner's chief executive, will be its chief executive":
     * "its" after "be"/"become", in a sentence that has named the firm it
     * would stand for, is the firm the merger creates once the article
     * has named that one (a post at his own firm would not be told so) */
    for (i = 0; sc->new_org >= 0 && i < sc->ments.n; i++) {
        ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        size_t k;
        int seen = 0;
        if (m->src != MS_COREF || m->ent == sc->new_org ||
            m->b != m->a + 1 || m->a < s->t0 + 2 || m->b >= s->t1 ||
            !ex_tok_is(sc, &tk[m->a], "it") ||
            !ex_tok_is(sc, &tk[m->b], "'s") ||
            !(ex_tok_is(sc, &tk[m->a - 1], "be") ||
              ex_tok_is(sc, &tk[m->a - 1], "become")))
            continue;
        for (k = 0; k < sc->ments.n && !seen; k++) {
            const ex_ment *o = &EX_AT(sc->ments, ex_ment, k);
            seen = o->src != MS_COREF && o->ent == m->ent && o->b <= m->a &&
                   o->a >= s->t0;
        }
        if (seen) {
            m->ent = sc->new_org;
            m->alt = -1;
        }
    }
    /* "Damon Reilly's Reilly Broadcasting", "Orvis Tool Co was founded
     * in 1911 by Walter Orvis", "Tobias Kerr, who owns": a name of two or
     * three words and no known kind whose last word opens the name of a
     * firm of the sentence, or before ", who", is a person */
    for (i = 0; i < sc->ments.n; i++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
        const ex_tok *last;
        size_t q;
        if (e->kind >= 0 || m->src != MS_SHAPE || m->b < m->a + 2 ||
            m->b > m->a + 3)
            continue;
        last = &tk[m->b - 1];
        if (ex_wflags(sc, last) & (WF_ORGWORD | WF_LEGAL))
            continue;
        /* words of a name only ("Scottish & Newcastle" is a firm) */
        for (q = m->a; q < m->b; q++)
            if (!(tk[q].flags & TF_WORD) || !(tk[q].flags & TF_CAP) ||
                (ex_wflags(sc, &tk[q]) & (WF_COUNTRY | WF_STOP)))
                break;
        if (q < m->b)
            continue;
        for (q = 0; q < sc->ments.n && e->kind < 0; q++) {
            const ex_ment *o = &EX_AT(sc->ments, ex_ment, q);
            if (o->src != MS_COREF && o->b >= o->a + 2 &&
                o->ent != m->ent &&
                EX_AT(sc->ents, ex_ent, o->ent).kind == KG_KIND_ORG &&
                tk[o->a].norm_len == last->norm_len &&
                !strcmp(ex_norm(sc, &tk[o->a]), ex_norm(sc, last)))
                e->kind = KG_KIND_PERSON;
        }
        if (e->kind < 0 && m->b + 1 < s->t1 &&
            is_punct(sc, &tk[m->b], ',') &&
            ex_tok_is(sc, &tk[m->b + 1], "who") &&
            /* not "the chairman of Westbury Water, who" */
            (m->a == s->t0 || ex_tok_is(sc, &tk[m->a - 1], "said") ||
             ex_tok_is(sc, &tk[m->a - 1], "says") ||
             ex_tok_is(sc, &tk[m->a - 1], "by")))
            e->kind = KG_KIND_PERSON;
    }
    /* "Cadbury's chairman": a name of no known kind with a leader is a
     * firm */
    for (i = 0; i < sc->ments.n; i++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
        if (e->kind < 0 && m->src != MS_COREF && m->b + 1 < s->t1 &&
            ex_tok_is(sc, &tk[m->b], "'s") &&
            (ex_wflags(sc, &tk[m->b + 1]) & WF_ROLE) &&
            !(ex_wflags(sc, &tk[m->b + 1]) & WF_TITLE))
            e->kind = KG_KIND_ORG;

    }
    /* the full names of this sentence, for short forms later, and where
     * their firms are based */
    for (i = 0; i < sc->ments.n; i++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
        if (m->src != MS_COREF && !allcaps && !headline)
            learn_country(sc, s, m->a, m->b, m->ent);
        if (m->src != MS_COREF && m->src != MS_ALIAS && !allcaps &&
            e->kind != KG_KIND_PERSON && e->kind != KG_KIND_PRODUCT &&
            (rc = ntab_add(sc, m->ent)) != KG_OK)
            goto done;
    }
    /* "Drugmaker Shire has agreed to buy Transkaryotic Therapies": a
     * one-word name of no known kind that buys a firm is a firm */
    for (i = 0; i < sc->ments.n; i++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        int32_t buyer;
        ex_ent *be;
        if (m->src == MS_COREF ||
            EX_AT(sc->ents, ex_ent, m->ent).kind != KG_KIND_ORG ||
            (buyer = verb_subject(sc, s, m->a, EC_ACQUIRE)) < 0)
            continue;
        be = &EX_AT(sc->ents, ex_ent, buyer);
        if (be->kind < 0 && !strchr(be->name, ' '))
            be->kind = KG_KIND_ORG;
    }
    /* salience for the next sentences; the firms of a fronted clause
     * ("After buying X, Y ...") rank after the main clause's */
    main_at = fronted_end(sc, s);
    for (i = 0; i < 2 * sc->ments.n; i++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, i % sc->ments.n);
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
        if ((i < sc->ments.n) != (m->a >= main_at) || m->pair ||
            m->dealref)
            continue;
        if (e->kind == KG_KIND_ORG && !former_employer(sc, m)) {
            if (first_org < 0)
                first_org = m->ent;
            else if (second_org < 0 && m->ent != first_org &&
                     m->src != MS_COREF)
                second_org = m->ent;
            if (m->a >= main_at || last_org < 0)
                last_org = m->ent;
        }
    }
    for (i = 0; i < sc->ments.n; i++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        if (EX_AT(sc->ents, ex_ent, m->ent).kind == KG_KIND_PERSON &&
            m->src != MS_COREF)
            sc->last_person = m->ent;
    }
    if (first_org >= 0) {
        sc->prev_first_org = first_org;
        sc->prev_second_org = second_org;
        sc->last_org = last_org;
    }
    /* "Nissan and Honda said ...": the pair for "both carmakers" in the
     * next sentence (or nobody, after two people) */
    {
        int32_t pr[2];
        int r = opener_pair(sc, s, s->t1, pr);
        if (r) {
            sc->opener_sent = si;
            sc->opener_pair[0] = r > 0 ? pr[0] : -1;
            sc->opener_pair[1] = r > 0 ? pr[1] : -1;
        }
        if (r > 0 && sc->first_pair_sent < 0) {
            sc->first_pair_sent = si;
            sc->first_pair[0] = pr[0];
            sc->first_pair[1] = pr[1];
        }
    }
    /* "Mardale has made an approach to Tethering Foods. It said": the
     * sentence's subject, if a one-word name of no known kind opens it
     * (two words of no known kind are often a person's name) */
    sc->prev_subject = -1;
    if (sc->ments.n > 0) {
        /* or after a fronted clause ("A year after ..., Harrop has") */
        const ex_ment *m = main_at > s->t0
                               ? &EX_AT(sc->ments, ex_ment,
                                        sc->mstart[main_at - s->t0])
                               : sc->ments.ptr;
        const ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
        if (m->a == main_at && m->b < s->t1 && m->src != MS_COREF &&
            e->kind < 0 && m->src == MS_SHAPE && m->b == m->a + 1 &&
            !ex_tok_is(sc, &tk[m->b], "'s") && !public_body(sc, m->ent))
            sc->prev_subject = m->ent;
    }
done:
    sc->mkey = key;
    return rc;
}
