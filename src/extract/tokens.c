/*
 * tokens.c: one pass over the bytes of an article: tokens with byte
 * offsets, their lowercase forms and lexicon ids, then sentences.
 *
 * UTF-8 aware where news text needs it: curly quotes and apostrophes fold
 * to ASCII in the lowercase form, en and em dashes are "-", NBSP and the
 * other Unicode spaces are spaces, accented letters are letters.  Dotted
 * abbreviations ("U.S.", "N.V.") are one token; "'s" and "n't" are tokens
 * of their own.  A period ends a sentence unless the word before it is an
 * abbreviation of class abbrev ("Corp.", "Mr.", "Jan.") and the next word
 * does not start a new sentence.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"

enum {
    TF_PARA = 1u << 9,     /* first token after a blank line */
    TF_NL_BEFORE = 1u << 10 /* a line break precedes the token */
};

/* Longer "sentences" (tables, lists without stops) are cut here. */
#define MAX_SENT_TOKENS 400u

/* Length of a Unicode space at s (0 if none). */
static size_t uspace(const unsigned char *s, const unsigned char *e)
{
    if (s[0] == 0xC2 && s + 1 < e && s[1] == 0xA0)
        return 2;
    if (s[0] == 0xE2 && s + 2 < e && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xAF))
        return 3;
    if (s[0] == 0xE3 && s + 2 < e && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/*
 * Punctuation outside ASCII: sets *norm to its ASCII stand-in and returns
 * its length, or 0 if s starts a letter.
 */
static size_t upunct(const unsigned char *s, const unsigned char *e,
                     const char **norm)
{
    if (s[0] == 0xE2 && s + 2 < e && s[1] == 0x80) {
        switch (s[2]) {
        case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95:
            *norm = "-";
            return 3;
        case 0x98: case 0x99: case 0x9A: case 0x9B:
            *norm = "'";
            return 3;
        case 0x9C: case 0x9D: case 0x9E: case 0x9F:
            *norm = "\"";
            return 3;
        case 0xA2: case 0xA7:
            *norm = "*";
            return 3;
        case 0xA6:
            *norm = "...";
            return 3;
        default:
            break;
        }
    }
    if (s[0] == 0xE2 && s + 2 < e && s[1] == 0x82 && s[2] == 0xAC) {
        *norm = "\xE2\x82\xAC"; /* euro sign stays itself */
        return 3;
    }
    if (s[0] == 0xE2 && s + 2 < e && s[1] == 0x84 && s[2] == 0xA2) {
        *norm = "*"; /* trade mark sign */
        return 3;
    }
    if (s[0] == 0xC2 && s + 1 < e) {
        switch (s[1]) {
        case 0xA3:
            *norm = "\xC2\xA3"; /* pound sign */
            return 2;
        case 0xA5:
            *norm = "\xC2\xA5";
            return 2;
        case 0xAB: case 0xBB:
            *norm = "\"";
            return 2;
        case 0xA9: case 0xAE: case 0xB7:
            *norm = "*";
            return 2;
        default:
            break;
        }
    }
    return 0;
}

/*
 * Byte classes of ASCII letters and digits, the table-driven fast path of
 * the word loop (0 for every other byte).  An upper-case letter's class
 * shifted left by four is the bit that lowercases it.
 */
enum { CB_LOWER = 1, CB_UPPER = 2, CB_DIGIT = 4 };
static const unsigned char cbyte[256] = {
    ['0'] = CB_DIGIT, ['1'] = CB_DIGIT, ['2'] = CB_DIGIT, ['3'] = CB_DIGIT,
    ['4'] = CB_DIGIT, ['5'] = CB_DIGIT, ['6'] = CB_DIGIT, ['7'] = CB_DIGIT,
    ['8'] = CB_DIGIT, ['9'] = CB_DIGIT,
    ['a'] = CB_LOWER, ['b'] = CB_LOWER, ['c'] = CB_LOWER, ['d'] = CB_LOWER,
    ['e'] = CB_LOWER, ['f'] = CB_LOWER, ['g'] = CB_LOWER, ['h'] = CB_LOWER,
    ['i'] = CB_LOWER, ['j'] = CB_LOWER, ['k'] = CB_LOWER, ['l'] = CB_LOWER,
    ['m'] = CB_LOWER, ['n'] = CB_LOWER, ['o'] = CB_LOWER, ['p'] = CB_LOWER,
    ['q'] = CB_LOWER, ['r'] = CB_LOWER, ['s'] = CB_LOWER, ['t'] = CB_LOWER,
    ['u'] = CB_LOWER, ['v'] = CB_LOWER, ['w'] = CB_LOWER, ['x'] = CB_LOWER,
    ['y'] = CB_LOWER, ['z'] = CB_LOWER,
    ['A'] = CB_UPPER, ['B'] = CB_UPPER, ['C'] = CB_UPPER, ['D'] = CB_UPPER,
    ['E'] = CB_UPPER, ['F'] = CB_UPPER, ['G'] = CB_UPPER, ['H'] = CB_UPPER,
    ['I'] = CB_UPPER, ['J'] = CB_UPPER, ['K'] = CB_UPPER, ['L'] = CB_UPPER,
    ['M'] = CB_UPPER, ['N'] = CB_UPPER, ['O'] = CB_UPPER, ['P'] = CB_UPPER,
    ['Q'] = CB_UPPER, ['R'] = CB_UPPER, ['S'] = CB_UPPER, ['T'] = CB_UPPER,
    ['U'] = CB_UPPER, ['V'] = CB_UPPER, ['W'] = CB_UPPER, ['X'] = CB_UPPER,
    ['Y'] = CB_UPPER, ['Z'] = CB_UPPER,
};

static int is_alnum(unsigned char c)
{
    return cbyte[c] != 0;
}

/* Word byte: ASCII letter/digit or part of a non-punctuation sequence. */
static int word_at(const unsigned char *s, const unsigned char *e)
{
    const char *n;
    if (*s < 0x80)
        return is_alnum(*s);
    if ((*s & 0xC0) == 0x80)
        return 1; /* continuation byte of a letter */
    return !uspace(s, e) && !upunct(s, e, &n);
}

/* 1 if s is a right single quote or ASCII apostrophe; sets *n. */
static int apos_at(const unsigned char *s, const unsigned char *e,
                   size_t *n)
{
    if (*s == '\'') {
        *n = 1;
        return 1;
    }
    if (s[0] == 0xE2 && s + 2 < e && s[1] == 0x80 && s[2] == 0x99) {
        *n = 3;
        return 1;
    }
    return 0;
}

/*
 * Split "Microsoft-backed" and "Microsoft-OpenAI" at the hyphen: before a
 * capital after a letter, or before a word of class hyphensplit.  Names
 * like "Coca-Cola" split too, but gazetteer keys and name shapes join the
 * parts again because no space separates them.
 */
static int hyphen_splits(const ex_scratch *sc, const unsigned char *w0,
                         const unsigned char *s, const unsigned char *e)
{
    char buf[32];
    size_t n = 0;
    const unsigned char *p = s + 1;
    int64_t w;
    if (*p >= 'A' && *p <= 'Z')
        return *w0 >= 'A' && *w0 <= 'Z' && !(s[-1] >= '0' && s[-1] <= '9');
    while (p < e && is_alnum(*p) && n < sizeof buf - 1) {
        buf[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        p++;
    }
    if (p < e && is_alnum(*p))
        return 0;
    w = kg_extract__word_find(sc->ex, buf, n);
    return w >= 0 &&
           (EX_AT(sc->ex->wordv, ex_word, w).flags & WF_HYPHEN) != 0;
}

/* Longest lowercase form kept for a token (longer words are cut). */
#define MAX_NORM 253u

/* Room at the end of sc->norm for a lowercase form of n bytes and a NUL. */
static int norm_room(ex_scratch *sc, size_t n)
{
    kg_buf *nb = &sc->norm;
    if (nb->len + n + 1 >= nb->cap && kg_buf_grow(nb, n + 1) != KG_OK)
        return KG_ENOMEM;
    return KG_OK;
}

/*
 * Add the token [start, end) whose lowercase form, nlen bytes, is already
 * written at the end of sc->norm: close it with a NUL, hash it and look it
 * up in the lexicon.
 */
static int add_tok(ex_scratch *sc, uint32_t start, uint32_t end,
                   size_t nlen, uint32_t flags)
{
    ex_tok *t = kg_extract__vec_push(&sc->toks, sizeof *t);
    kg_buf *nb = &sc->norm;
    const char *norm = nb->ptr + nb->len;
    uint32_t w;
    if (!t)
        return KG_ENOMEM;
    t->start = start;
    t->end = end;
    t->norm = (uint32_t)nb->len;
    t->norm_len = (uint32_t)nlen;
    t->flags = flags;
    nb->len += nlen;
    nb->ptr[nb->len++] = '\0';
    t->h = kg_extract__hash(norm, nlen);
    t->word = kg_extract__map_get_h(&sc->ex->words, norm, nlen, t->h, &w)
                  ? (int32_t)w
                  : -1;
    t->wflags = t->word < 0 ? 0 : EX_AT(sc->ex->wordv, ex_word, w).flags;
    return KG_OK;
}

/* Add a token with the lowercase form norm[0..nlen). */
static int push_tok(ex_scratch *sc, uint32_t start, uint32_t end,
                    const char *norm, size_t nlen, uint32_t flags)
{
    if (norm_room(sc, nlen) != KG_OK)
        return KG_ENOMEM;
    memcpy(sc->norm.ptr + sc->norm.len, norm, nlen);
    return add_tok(sc, start, end, nlen, flags);
}

/*
 * A word token being read.  Its end is found and its lowercase form is
 * written straight into sc->norm in the same pass over its bytes (curly
 * apostrophes become '\'', so the form is never longer than the word;
 * longer forms are cut at MAX_NORM bytes, and so is what the flags see).
 */
typedef struct wordrd {
    char *small;      /* the lowercase form, at the end of sc->norm */
    size_t o;         /* its length so far */
    size_t o_last;    /* its length before the last byte */
    unsigned letters; /* ASCII letters */
    unsigned uppers;  /* upper-case ASCII letters */
    unsigned prev;    /* CB_LOWER right after a lower-case letter */
    unsigned camel;   /* CB_UPPER once one follows a lower-case letter */
} wordrd;

static int word_begin(ex_scratch *sc, wordrd *r)
{
    if (norm_room(sc, MAX_NORM) != KG_OK)
        return KG_ENOMEM;
    memset(r, 0, sizeof *r);
    r->small = sc->norm.ptr + sc->norm.len;
    return KG_OK;
}

/* An ASCII letter or digit c of byte class k (the fast path). */
static inline void word_alnum(wordrd *r, unsigned char c, unsigned k)
{
    r->o_last = r->o;
    if (r->o >= MAX_NORM)
        return;
    r->small[r->o++] = (char)(c | ((k & CB_UPPER) << 4));
    r->letters += (k & (CB_LOWER | CB_UPPER)) != 0;
    r->uppers += (k & CB_UPPER) >> 1;
    r->camel |= k & (r->prev << 1); /* "OpenAI", "xAI"; not "smart-TV" */
    r->prev = k & CB_LOWER;
}

/* Any other byte of the word, kept as it is; curly apostrophes (apos)
 * become '\'' and leave the letter before them in view ("x'Y"). */
static void word_other(wordrd *r, unsigned char c, int apos)
{
    r->o_last = r->o;
    if (r->o >= MAX_NORM)
        return;
    r->small[r->o++] = apos ? '\'' : (char)c;
    if (!apos)
        r->prev = 0;
}

/* Add the word [start, end) read into r as a token (two for "its"). */
static int word_tok(ex_scratch *sc, const wordrd *r, const unsigned char *b,
                    uint32_t start, uint32_t end, uint32_t flags)
{
    const unsigned char *s = b + start;
    unsigned char c0 = s[0];
    size_t n = end - start;
    if (c0 >= '0' && c0 <= '9')
        flags |= TF_NUM;
    else if ((c0 >= 'A' && c0 <= 'Z') ||
             (c0 == 0xC3 && n > 1 && s[1] >= 0x80 && s[1] <= 0x9E &&
              s[1] != 0x97))
        flags |= TF_CAP;
    if (r->uppers)
        flags |= TF_UPPER;
    if (r->letters >= 2 && r->uppers == r->letters)
        flags |= TF_ALLCAPS;
    if (r->camel)
        flags |= TF_CAMEL;
    /* "its" is "it" + "'s", so possessive patterns cover it */
    if (r->o == 3 && memcmp(r->small, "its", 3) == 0 && n == 3) {
        int rc = push_tok(sc, start, start + 2, "it", 2, flags | TF_WORD);
        if (rc)
            return rc;
        return push_tok(sc, start + 2, end, "'s", 2, TF_WORD);
    }
    return add_tok(sc, start, end, r->o, flags | TF_WORD);
}

/*
 * Read the word that starts at *sp (a word byte) and add it; *sp is left
 * at its end.  Letters and digits, and inside a word: non-ASCII letters,
 * ". - & /" between letters or digits (unless a hyphen splits), "4,000",
 * and apostrophes before a letter except in "'s" and "n't".
 */
static int read_word(ex_scratch *sc, const unsigned char *b,
                     const unsigned char **sp, const unsigned char *e,
                     uint32_t flags)
{
    const unsigned char *w = *sp, *s = w;
    wordrd r;
    if (word_begin(sc, &r) != KG_OK)
        return KG_ENOMEM;
    while (s < e) {
        unsigned char c = *s;
        unsigned k = cbyte[c];
        size_t an;
        if (k) {
            word_alnum(&r, c, k);
            s++;
            continue;
        }
        if (c >= 0x80 && word_at(s, e)) {
            word_other(&r, c, 0);
            s++;
            continue;
        }
        if ((c == '.' || c == '-' || c == '&' || c == '/') && s + 1 < e &&
            is_alnum(s[1]) && is_alnum(s[-1])) {
            if (c == '-' && hyphen_splits(sc, w, s, e))
                break;
            word_other(&r, c, 0);
            s++;
            continue;
        }
        if (c == ',' && s + 3 < e && s[-1] >= '0' && s[-1] <= '9' &&
            s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' &&
            s[3] >= '0' && s[3] <= '9' && (s + 4 == e || !is_alnum(s[4]))) {
            word_other(&r, c, 0);
            s++;
            continue;
        }
        if (apos_at(s, e, &an)) {
            const unsigned char *a = s + an;
            /* "'s" and "n't" become their own tokens */
            if (a < e && (*a == 's' || *a == 'S') &&
                (a + 1 == e || !word_at(a + 1, e)))
                break;
            if (a < e && *a == 't' && s[-1] == 'n' &&
                (a + 1 == e || !word_at(a + 1, e)) && s - 1 > w) {
                if (r.o > r.o_last) { /* take the 'n' back */
                    r.o = r.o_last;
                    r.letters--;
                }
                s--;
                break;
            }
            if (a < e && is_alnum(*a)) {
                word_other(&r, c, an > 1);
                s = a;
                continue;
            }
        }
        break;
    }
    /* "U.S." and "N.V.": single letters with dots keep the last */
    if (s < e && *s == '.' && s - w >= 3 && w[1] == '.' && s[-2] == '.') {
        word_other(&r, '.', 0);
        s++;
    }
    *sp = s;
    return word_tok(sc, &r, b, (uint32_t)(w - b), (uint32_t)(s - b), flags);
}

static int split_sentences(ex_scratch *sc);

int kg_extract__tokenize(ex_scratch *sc)
{
    const unsigned char *b = (const unsigned char *)sc->doc->text;
    const unsigned char *e = b + sc->doc->text_len;
    const unsigned char *s = b;
    uint32_t pending = TF_SPACE_BEFORE | TF_PARA;
    int newlines = 0;
    int rc;

    /* news runs about one token per five bytes: reserve once rather than
     * growing the token vector a dozen times per article */
    if (sc->toks.cap == 0) {
        size_t cap = sc->doc->text_len / 4 + 16;
        sc->toks.ptr = malloc(cap * sizeof(ex_tok));
        if (!sc->toks.ptr)
            return KG_ENOMEM;
        sc->toks.cap = cap;
    }
    while (s < e) {
        unsigned char c = *s;
        size_t n;
        const char *pn;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            s++;
            pending |= TF_SPACE_BEFORE;
            continue;
        }
        if (c == '\n') {
            if (++newlines >= 2)
                pending |= TF_PARA;
            s++;
            pending |= TF_SPACE_BEFORE | TF_NL_BEFORE;
            continue;
        }
        if (c >= 0x80 && (n = uspace(s, e)) != 0) {
            s += n;
            pending |= TF_SPACE_BEFORE;
            continue;
        }
        newlines = 0;
        if (word_at(s, e)) {
            if ((rc = read_word(sc, b, &s, e, pending)) != KG_OK)
                return rc;
            pending = 0;
            continue;
        }
        /* "'s", "n't", "'" */
        if (apos_at(s, e, &n) && s > b) {
            const unsigned char *a = s + n;
            if (a < e && (*a == 's' || *a == 'S') &&
                (a + 1 == e || !word_at(a + 1, e)) && is_alnum(s[-1])) {
                rc = push_tok(sc, (uint32_t)(s - b), (uint32_t)(a + 1 - b),
                              "'s", 2, pending | TF_WORD);
                if (rc)
                    return rc;
                pending = 0;
                s = a + 1;
                continue;
            }
        }
        if (c < 0x80) {
            char one[2] = {(char)c, 0};
            rc = push_tok(sc, (uint32_t)(s - b), (uint32_t)(s + 1 - b), one,
                          1, pending | TF_PUNCT);
            if (rc)
                return rc;
            pending = 0;
            s++;
            continue;
        }
        n = upunct(s, e, &pn);
        if (!n)
            n = 1; /* stray continuation byte: skip as punctuation */
        rc = push_tok(sc, (uint32_t)(s - b), (uint32_t)(s + n - b), pn ? pn
                      : "*", pn ? strlen(pn) : 1, pending | TF_PUNCT);
        if (rc)
            return rc;
        pending = 0;
        s += n;
    }
    return split_sentences(sc);
}

/* Does token i look like the start of a new sentence? */
static int starts_sentence(const ex_scratch *sc, const ex_tok *t)
{
    const char *n = ex_norm(sc, t);
    if (t->flags & (TF_CAP | TF_NUM | TF_PARA))
        return 1;
    return n[0] == '"' || n[0] == '\'' || n[0] == '(' || n[0] == '-';
}

static int is_initial(const ex_scratch *sc, const ex_tok *t)
{
    return (t->flags & TF_CAP) && t->norm_len == 1 &&
           ex_norm(sc, t)[0] != 'a' && ex_norm(sc, t)[0] != 'i';
}

static int push_one(ex_scratch *sc, uint32_t t0, uint32_t t1);

/*
 * A dateline without an agency: "PITTSBURGH, March 12 -", "REDMOND,
 * Wash., July 22 --", "LONDON -".  The place is in capitals; between it
 * and the dash only capitalised words (a state), commas, periods, a month
 * and numbers.  Returns the first token after the dash, or t0.
 */
static uint32_t dateline_end(const ex_scratch *sc, uint32_t t0, uint32_t t1)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t i, lim = t0 + 16 < t1 ? t0 + 16 : t1;
    if (t0 + 2 >= t1 || !(tk[t0].flags & TF_ALLCAPS))
        return t0;
    for (i = t0 + 1; i < lim; i++) {
        const ex_tok *t = &tk[i];
        const char *n = ex_norm(sc, t);
        if ((t->flags & TF_PUNCT) && n[0] == '-' &&
            (t->flags & TF_SPACE_BEFORE) && i + 1 < t1) {
            while (i + 1 < t1 && (tk[i + 1].flags & TF_PUNCT) &&
                   ex_norm(sc, &tk[i + 1])[0] == '-')
                i++;
            return i + 1 < t1 && (tk[i + 1].flags & (TF_CAP | TF_NUM))
                       ? i + 1
                       : t0;
        }
        if ((t->flags & TF_PUNCT) && (n[0] == ',' || n[0] == '.') &&
            !n[1])
            continue;
        if ((t->flags & TF_NUM) || (t->flags & TF_ALLCAPS) ||
            ((t->flags & TF_CAP) && (ex_wflags(sc, t) & WF_MONTH)))
            continue;
        /* "NORTHFIELD, Ill. and PARIS, July 3" */
        if (strcmp(n, "and") == 0 && i + 1 < t1 &&
            (tk[i + 1].flags & TF_ALLCAPS))
            continue;
        /* "Wash.", "Calif.": a state after a comma */
        if ((t->flags & TF_CAP) && i > t0 && i + 1 < t1 &&
            ex_norm(sc, &tk[i - 1])[0] == ',' &&
            (tk[i + 1].flags & TF_PUNCT) &&
            (ex_norm(sc, &tk[i + 1])[0] == '.' ||
             ex_norm(sc, &tk[i + 1])[0] == ','))
            continue;
        return t0;
    }
    return t0;
}

/*
 * A wire dateline ("NEW YORK, March 12 (Reuters) -", "SEATTLE (AP) --")
 * is a sentence of its own, so the agency is never a subject.
 */
static int push_sent(ex_scratch *sc, uint32_t t0, uint32_t t1)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t i, lim = t0 + 16 < t1 ? t0 + 16 : t1;
    int rc;
    for (i = t0 + 2; i + 1 < lim; i++) {
        const char *n = ex_norm(sc, &tk[i]);
        if (n[0] == ')' && (tk[i + 1].flags & TF_PUNCT) &&
            ex_norm(sc, &tk[i + 1])[0] == '-' &&
            (ex_norm(sc, &tk[i - 2])[0] == '(' ||
             (i >= t0 + 3 && ex_norm(sc, &tk[i - 3])[0] == '('))) {
            uint32_t d = i + 1;
            while (d + 1 < t1 && (tk[d + 1].flags & TF_PUNCT) &&
                   ex_norm(sc, &tk[d + 1])[0] == '-')
                d++;
            if ((rc = push_one(sc, t0, d + 1)) != KG_OK)
                return rc;
            return push_one(sc, d + 1, t1);
        }
    }
    if ((i = dateline_end(sc, t0, t1)) > t0) {
        if ((rc = push_one(sc, t0, i)) != KG_OK)
            return rc;
        return push_one(sc, i, t1);
    }
    return push_one(sc, t0, t1);
}

static int push_one(ex_scratch *sc, uint32_t t0, uint32_t t1)
{
    const ex_tok *tk = sc->toks.ptr;
    ex_sent *s;
    if (t1 <= t0)
        return KG_OK;
    s = kg_extract__vec_push(&sc->sents, sizeof *s);
    if (!s)
        return KG_ENOMEM;
    s->t0 = t0;
    s->t1 = t1;
    s->b0 = tk[t0].start;
    s->b1 = tk[t1 - 1].end;
    return KG_OK;
}

/*
 * "... Medco Containment Services Inc. Medco said": a name of one or two
 * capitalised words at a and then "said" starts a new sentence.
 */
static int said_after(const ex_scratch *sc, uint32_t a)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k, n = (uint32_t)sc->toks.n;
    /* not "Sony Corp. Chairman Morita said" */
    if (ex_wflags(sc, &tk[a]) & (WF_ROLE | WF_TITLE | WF_STOP))
        return 0;
    for (k = a + 1; k < n && k <= a + 2; k++) {
        const char *w = ex_norm(sc, &tk[k]);
        if (strcmp(w, "said") == 0 || strcmp(w, "says") == 0)
            return 1;
        if (!(tk[k].flags & TF_CAP))
            return 0;
    }
    return 0;
}

/* Is there a line break between tokens i - 1 and i? */
static int nl_before(const ex_scratch *sc, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    return i > 0 && (tk[i].flags & TF_NL_BEFORE);
}

/* Are tokens [a, b) a line of capitals (a wire headline)? */
static int caps_line(const ex_scratch *sc, uint32_t a, uint32_t b)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t i, words = 0, caps = 0;
    for (i = a; i < b; i++) {
        if (!(tk[i].flags & TF_WORD) || (tk[i].flags & TF_NUM))
            continue;
        words++;
        if (tk[i].flags & TF_ALLCAPS)
            caps++;
    }
    return words >= 3 && caps * 10 >= words * 8;
}

static int split_sentences(ex_scratch *sc)
{
    ex_tok *tk = sc->toks.ptr;
    uint32_t n = (uint32_t)sc->toks.n, i, t0 = 0, line0 = 0;
    int rc;
    for (i = 0; i < n; i++) {
        const char *nm = ex_norm(sc, &tk[i]);
        int end = 0;
        /* a headline in capitals ends at its line break */
        if (i > 0 && (tk[i].flags & TF_SPACE_BEFORE) && nl_before(sc, i)) {
            uint32_t le = i + 1;
            while (le < n && le < i + 40 && !nl_before(sc, le))
                le++;
            if (i > t0 && !(tk[i].flags & TF_PARA) &&
                (caps_line(sc, line0 > t0 ? line0 : t0, i) ||
                 caps_line(sc, i, le))) {
                if ((rc = push_sent(sc, t0, i)) != KG_OK)
                    return rc;
                t0 = i;
            }
            line0 = i;
        }
        /* bound the work per sentence: very long runs are cut */
        if (i - t0 >= MAX_SENT_TOKENS) {
            if ((rc = push_sent(sc, t0, i)) != KG_OK)
                return rc;
            t0 = i;
        }
        if (i > t0 && (tk[i].flags & TF_PARA)) {
            if ((rc = push_sent(sc, t0, i)) != KG_OK)
                return rc;
            t0 = i;
        }
        if (tk[i].flags & TF_PUNCT) {
            if (nm[0] == '!' || nm[0] == '?' || (nm[0] == '.' && !nm[1]) ||
                (nm[0] == '.' && nm[1] == '.')) {
                end = 1;
            }
        } else if (tk[i].norm_len > 2 && nm[tk[i].norm_len - 1] == '.') {
            /* "U.S." may end a sentence only before a clear start */
            if (i + 1 < n && (tk[i + 1].flags & TF_CAP) &&
                (ex_wflags(sc, &tk[i + 1]) &
                 (WF_STOP | WF_PRONOUN | WF_PERPRONOUN)))
                end = 1;
        }
        if (end && nm[0] == '.' && !nm[1] && i > t0) {
            const ex_tok *p = &tk[i - 1];
            uint32_t pf = ex_wflags(sc, p);
            const ex_tok *nx = i + 1 < n ? &tk[i + 1] : NULL;
            if (nx && !(nx->flags & TF_PARA)) {
                if (!starts_sentence(sc, nx) ||
                    /* "Calif.-based" */
                    (ex_norm(sc, nx)[0] == '-' &&
                     !(nx->flags & TF_SPACE_BEFORE))) {
                    end = 0;
                } else if (!(p->flags & TF_SPACE_BEFORE) && i > t0 + 1 &&
                           (p->flags & TF_PUNCT)) {
                    /* "..." handled as punctuation: fine */
                } else if (pf & WF_ABBREV) {
                    /* "Corp. The ..." ends; "Corp. said" does not */
                    end = (pf & WF_SUFFIXABBR) && (nx->flags & TF_CAP) &&
                          ((ex_wflags(sc, nx) &
                            (WF_STOP | WF_PRONOUN | WF_PERPRONOUN)) ||
                           nl_before(sc, i + 1) || said_after(sc, i + 1));
                } else if (is_initial(sc, p) && (nx->flags & TF_CAP)) {
                    end = 0;
                } else if ((p->flags & TF_CAP) && p->norm_len == 1 &&
                           i > t0 + 1 && (tk[i - 2].flags & TF_WORD) &&
                           (nx->flags & TF_CAP) && nx->word < 0) {
                    /* "Lee A. Iacocca", "and I. Magnin": an initial A or
                     * I before a name */
                    end = 0;
                }
            }
        }
        if (end) {
            uint32_t j = i + 1;
            /* closing quotes and brackets belong to the sentence */
            while (j < n && (tk[j].flags & TF_PUNCT) &&
                   !(tk[j].flags & TF_SPACE_BEFORE) &&
                   strchr("\"')]", ex_norm(sc, &tk[j])[0]))
                j++;
            if ((rc = push_sent(sc, t0, j)) != KG_OK)
                return rc;
            t0 = j;
            i = j - 1;
        }
    }
    if ((rc = push_sent(sc, t0, n)) != KG_OK)
        return rc;
    /* mark the first token of each sentence */
    for (i = 0; i < sc->sents.n; i++)
        tk[EX_AT(sc->sents, ex_sent, i).t0].flags |= TF_SENT_START;
    return KG_OK;
}
