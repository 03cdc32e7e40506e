/*
 * gazetteer.c: load data/gazetteer.tsv (format: GAZETTEER-FORMAT.md) into
 * the extractor's name tables.
 *
 * Each name and alias is tokenized by the article tokenizer and keyed by
 * its tokens' exact text joined with single spaces, legal suffixes at the
 * end dropped ("Microsoft Corp." keys as "Microsoft"), so that a lookup
 * in an article is one hash probe per candidate length.  gfirst_lower
 * maps a lowercase first token to the longest name starting with it.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "kg/vocab.h"

/*
 * What name_key works in, kept from name to name so that the thousands of
 * names are tokenized without an allocation each.
 */
typedef struct name_work {
    ex_scratch sc; /* the tokenizer's scratch: tokens, forms, sentences */
    kg_doc doc;    /* the name as the tokenizer's article */
    kg_buf key;    /* the name's key */
    kg_buf first;  /* the key of its first token */
} name_work;

static void name_work_init(name_work *nw, kg_extractor *ex)
{
    memset(nw, 0, sizeof *nw);
    nw->sc.ex = ex;
    nw->sc.doc = &nw->doc;
}

static void name_work_release(name_work *nw)
{
    kg_buf_release(&nw->sc.norm);
    kg_extract__vec_release(&nw->sc.toks);
    kg_extract__vec_release(&nw->sc.sents);
    kg_buf_release(&nw->key);
    kg_buf_release(&nw->first);
}

/* Append word w[0..n) to b, a curly apostrophe as '\'' (never longer). */
static int key_word(kg_buf *b, const char *w, size_t n)
{
    size_t j;
    char *o;
    if (kg_buf_grow(b, n) != KG_OK)
        return KG_ENOMEM;
    o = b->ptr + b->len;
    for (j = 0; j < n; j++) {
        if ((unsigned char)w[j] == 0xE2 && j + 2 < n &&
            (unsigned char)w[j + 1] == 0x80 &&
            (unsigned char)w[j + 2] == 0x99) {
            *o++ = '\'';
            j += 2;
        } else {
            *o++ = w[j];
        }
    }
    b->len = (size_t)(o - b->ptr);
    *o = '\0';
    return KG_OK;
}

/*
 * Key of name s into nw->key and nw->first, with its token count (0 if
 * none) in *ntok.
 */
static int name_key(name_work *nw, const char *s, size_t n, uint32_t *ntok)
{
    ex_scratch *sc = &nw->sc;
    uint32_t i, end;
    const ex_tok *tk;
    int rc;

    nw->doc.text = (char *)(uintptr_t)s; /* read only */
    nw->doc.text_len = n;
    sc->toks.n = sc->sents.n = 0;
    kg_buf_clear(&sc->norm);
    *ntok = 0;
    kg_buf_clear(&nw->key);
    kg_buf_clear(&nw->first);
    rc = kg_extract__tokenize(sc);
    if (rc != KG_OK)
        return rc;
    tk = sc->toks.ptr;
    end = (uint32_t)sc->toks.n;
    /* drop trailing legal suffixes and periods: "Microsoft Corp.",
     * "Merck & Co." */
    while (end > 1) {
        const ex_tok *t = &tk[end - 1];
        if ((t->flags & TF_PUNCT) && (ex_norm(sc, t)[0] == '.' ||
                                      ex_norm(sc, t)[0] == ',' ||
                                      ex_norm(sc, t)[0] == '&'))
            end--;
        else if ((ex_wflags(sc, t) & WF_LEGAL) && end > 1 &&
                 (t->flags & TF_CAP))
            end--;
        else
            break;
    }
    for (i = 0; i < end; i++) {
        const char *w = s + tk[i].start;
        size_t wl = tk[i].end - tk[i].start;
        if (i > 0 && (tk[i].flags & TF_SPACE_BEFORE) &&
            (rc = kg_buf_putc(&nw->key, ' ')) != KG_OK)
            return rc;
        if ((rc = key_word(&nw->key, w, wl)) != KG_OK ||
            (i == 0 && (rc = key_word(&nw->first, w, wl)) != KG_OK))
            return rc;
    }
    *ntok = end;
    return KG_OK;
}

static int add_name(kg_extractor *ex, name_work *nw, const char *s,
                    size_t n, uint32_t g)
{
    kg_buf *key = &nw->key, *first = &nw->first;
    uint32_t ntok;
    int rc;
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (!n)
        return KG_OK;
    if ((rc = name_key(nw, s, n, &ntok)) != KG_OK)
        return rc;
    if (!ntok || !key->len)
        return KG_OK;
    /* the first entry that claims a name keeps it */
    if ((rc = kg_extract__map_put(&ex->gnames, &ex->pool, key->ptr, key->len,
                                  g, NULL)) != KG_OK)
        return rc;
    if (ntok > ex->max_name_toks)
        ex->max_name_toks = ntok;
    {
        /* lowercase keys: the first-token bound for every lookup, and
         * whole names for ALL-CAPS wire headlines */
        size_t i;
        for (i = 0; i < key->len; i++)
            if (key->ptr[i] >= 'A' && key->ptr[i] <= 'Z')
                key->ptr[i] = (char)(key->ptr[i] + 32);
        for (i = 0; i < first->len; i++)
            if (first->ptr[i] >= 'A' && first->ptr[i] <= 'Z')
                first->ptr[i] = (char)(first->ptr[i] + 32);
        rc = kg_extract__map_put(&ex->glower, &ex->pool, key->ptr,
                                 key->len, g, NULL);
        if (rc == KG_OK)
            rc = kg_extract__map_put_max(&ex->gfirst_lower, &ex->pool,
                                         first->ptr, first->len, ntok);
    }
    return rc;
}

/* Split field f of a tab-separated line; returns its bounds. */
static int field(const char *s, const char *e, int k, const char **fs,
                 const char **fe)
{
    int i;
    for (i = 0; i < k; i++) {
        s = memchr(s, '\t', (size_t)(e - s));
        if (!s)
            return 0;
        s++;
    }
    *fs = s;
    s = memchr(s, '\t', (size_t)(e - s));
    *fe = s ? s : e;
    return 1;
}

static int has_flag(const char *s, const char *e, const char *flag,
                    const char **val, size_t *vlen)
{
    size_t fl = strlen(flag);
    while (s < e) {
        const char *c = s;
        while (c < e && *c != ',')
            c++;
        while (s < c && *s == ' ')
            s++;
        if ((size_t)(c - s) >= fl && memcmp(s, flag, fl) == 0) {
            if (val) {
                *val = s + fl;
                *vlen = (size_t)(c - s) - fl;
            }
            return 1;
        }
        s = c < e ? c + 1 : e;
    }
    return 0;
}

/* The countries firms are told apart by ("the Swiss group"); the code
 * of one is its index here. */
static const char countries[][3] = {
    "",   "us", "gb", "fr", "de", "ch", "nl", "jp", "it", "es", "se",
    "ca", "au", "kr", "in", "ru", "ie", "be", "lu", "fi", "no", "dk",
    "at", "cn", "br", "mx", "za", "bh", "hk", "tw"};

int kg_extract__country_code(const char *cc, size_t n)
{
    size_t i;
    char a, b;
    if (n != 2)
        return 0;
    a = (char)(cc[0] | 32);
    b = (char)(cc[1] | 32);
    for (i = 1; i < sizeof countries / sizeof countries[0]; i++)
        if (countries[i][0] == a && countries[i][1] == b)
            return (int)i;
    return 0;
}

int kg_extract__gazetteer_load(kg_extractor *ex, const char *text,
                               size_t len, kg_error *err)
{
    const char *s = text, *e = text + len;
    name_work nw;
    long line = 0;
    int rc = KG_OK;

    name_work_init(&nw, ex);
    while (s < e) {
        const char *nl = s, *fs, *fe;
        ex_gent ge;
        uint32_t g = (uint32_t)ex->gentv.n;
        char kbuf[16];
        kg_kind kind;
        ex_gent *gp;
        nl = memchr(s, '\n', (size_t)(e - s));
        if (!nl)
            nl = e;
        line++;
        if (s == nl || *s == '#' || (nl - s == 1 && *s == '\r')) {
            s = nl < e ? nl + 1 : e;
            continue;
        }
        memset(&ge, 0, sizeof ge);
        if (!field(s, nl, 1, &fs, &fe) || fe - fs == 0 ||
            (size_t)(fe - fs) >= sizeof kbuf) {
            rc = kg_error_set(err, KG_EINVAL,
                              "gazetteer.tsv:%ld: needs name and kind", line);
            goto done;
        }
        memcpy(kbuf, fs, (size_t)(fe - fs));
        kbuf[fe - fs] = '\0';
        if (kbuf[fe - fs - 1] == '\r')
            kbuf[fe - fs - 1] = '\0';
        if (kg_kind_parse(&kind, kbuf) != KG_OK) {
            rc = kg_error_set(err, KG_EINVAL,
                              "gazetteer.tsv:%ld: unknown kind '%s'", line,
                              kbuf);
            goto done;
        }
        ge.kind = kind;
        field(s, nl, 0, &fs, &fe);
        ge.name = kg_pool_strndup(&ex->pool, fs, (size_t)(fe - fs));
        if (!ge.name) {
            rc = KG_ENOMEM;
            goto done;
        }
        if (field(s, nl, 4, &fs, &fe)) {
            const char *v;
            size_t vl;
            while (fe > fs && (fe[-1] == '\r' || fe[-1] == ' '))
                fe--;
            ge.ambiguous = has_flag(fs, fe, "ambiguous", NULL, NULL);
            ge.canonical = has_flag(fs, fe, "canonical", NULL, NULL);
            ge.body = has_flag(fs, fe, "body", NULL, NULL);
            if (has_flag(fs, fe, "maker=", &v, &vl))
                ge.maker = kg_pool_strndup(&ex->pool, v, vl);
            if (has_flag(fs, fe, "parent=", &v, &vl))
                ge.parent = kg_pool_strndup(&ex->pool, v, vl);
            if (has_flag(fs, fe, "country=", &v, &vl) &&
                !(ge.country = kg_extract__country_code(v, vl))) {
                rc = kg_error_set(err, KG_EINVAL,
                                  "gazetteer.tsv:%ld: unknown country", line);
                goto done;
            }
            if (has_flag(fs, fe, "former=", &v, &vl))
                ge.former = kg_pool_strndup(&ex->pool, v, vl);
        }
        gp = kg_extract__vec_push(&ex->gentv, sizeof *gp);
        if (!gp) {
            rc = KG_ENOMEM;
            goto done;
        }
        *gp = ge;
        if ((rc = add_name(ex, &nw, ge.name, strlen(ge.name), g)) != KG_OK)
            goto done;
        if (field(s, nl, 2, &fs, &fe)) {
            while (fs < fe) {
                const char *bar = fs;
                while (bar < fe && *bar != '|')
                    bar++;
                if ((rc = add_name(ex, &nw, fs, (size_t)(bar - fs), g)) !=
                    KG_OK)
                    goto done;
                fs = bar < fe ? bar + 1 : fe;
            }
        }
        if (field(s, nl, 3, &fs, &fe)) {
            while (fs < fe) {
                const char *bar = fs;
                while (bar < fe && *bar != '|')
                    bar++;
                const char *te = bar;
                while (fs < bar && *fs == ' ')
                    fs++;
                while (te > fs && (te[-1] == ' ' || te[-1] == '\r'))
                    te--;
                if (te > fs && (rc = kg_extract__map_put(
                                     &ex->tickers, &ex->pool, fs,
                                     (size_t)(te - fs), g, NULL)) != KG_OK)
                    goto done;
                fs = bar < fe ? bar + 1 : fe;
            }
        }
        s = nl < e ? nl + 1 : e;
    }
done:
    if (rc == KG_ENOMEM)
        kg_error_set(err, rc, "cannot load the gazetteer: out of memory");
    name_work_release(&nw);
    return rc;
}
