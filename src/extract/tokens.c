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
    TF_NL_BEFORE = 1u << 10, /* a line break precedes the token */
    TF_AMP_IN = 1u << 12,    /* word_tok only: "&amp;" inside ("AT&amp;T") */
    TF_INDENT = 1u << 13,    /* a line break and an indent precede it */
    TF_DOT_END = 1u << 14  /* a word of three or more bytes whose lowercase
                            * form ends in '.' ("U.S.") */
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

/* ASCII letters and digits: the fast path of the byte loop. */
static const unsigned char alnum_tab[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
};

/* ASCII bytes that may go on a word after a letter or digit: tested by
 * the byte loop before the rules that say whether they do. */
static const unsigned char join_tab[128] = {
    ['.'] = 1, ['-'] = 1, ['&'] = 1, ['/'] = 1, [','] = 1, ['\''] = 1,
};

static int is_alnum(unsigned char c)
{
    return alnum_tab[c];
}

/* Word byte: ASCII letter/digit or part of a non-punctuation sequence. */
static int word_at_utf8(const unsigned char *s, const unsigned char *e)
{
    const char *n;
    if ((*s & 0xC0) == 0x80)
        return 1; /* continuation byte of a letter */
    return !uspace(s, e) && !upunct(s, e, &n);
}
/* (ASCII, nearly every byte, tested inline) */
static inline int word_at(const unsigned char *s, const unsigned char *e)
{
    return *s < 0x80 ? is_alnum(*s) : word_at_utf8(s, e);
}

/* Does the character before s (b <= s) end a word: an ASCII letter or
 * digit, or a letter of more bytes ("Nestlé's", "Hermès's")? */
static int word_before(const unsigned char *b, const unsigned char *s,
                       const unsigned char *e)
{
    const unsigned char *c = s - 1;
    if (*c < 0x80)
        return is_alnum(*c);
    while (c > b && (*c & 0xC0) == 0x80)
        c--;
    return *c >= 0xC0 && word_at_utf8(c, e);
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
    int ex = s - w0 == 2 && (w0[0] | 32) == 'e' && (w0[1] | 32) == 'x';
    /* "ex-BP boss", "Ex-Tesco chief": "ex" is a word of its own */
    if (*p >= 'A' && *p <= 'Z' && ex)
        return 1;
    if (*p >= 'A' && *p <= 'Z')
        return *w0 >= 'A' && *w0 <= 'Z' && !(s[-1] >= '0' && s[-1] <= '9');
    while (p < e && is_alnum(*p) && n < sizeof buf - 1) {
        buf[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        p++;
    }
    if (p < e && is_alnum(*p))
        return 0;
    w = kg_extract__word_find(sc->ex, buf, n);
    /* "its ex-chairman" (a post), not "ex-dividend" */
    return w >= 0 && (EX_AT(sc->ex->wordv, ex_word, w).flags &
                      (WF_HYPHEN | (ex ? WF_ROLE : 0))) != 0;
}

/*
 * The length of the run of ASCII letters and digits at s (8 bytes
 * readable) if it is shorter than 8 bytes and a byte that ends a word
 * follows (ASCII, none of join_tab), else 0; *v gets the run's bytes as
 * kg_extract__tail gives them.  One 8-byte load: a top bit per byte in
 * 0-9, in a-z once bit 5 is set (A-Z); bytes over 0x7F count as neither
 * (a carry out of one goes only into the bytes after it).
 */
static size_t short_word(const unsigned char *s, uint64_t *v)
{
    const uint64_t ones = 0x0101010101010101ULL, tops = ones * 0x80;
    uint64_t x, lx, alnum, end;
    size_t k;
    memcpy(&x, s, 8);
    lx = x | ones * 0x20;
    alnum = (((x + ones * (0x80 - '0')) & ~(x + ones * (0x7F - '9'))) |
             ((lx + ones * (0x80 - 'a')) & ~(lx + ones * (0x7F - 'z')))) &
            ~x & tops;
    end = ~alnum & tops;
    if (!end)
        return 0;
    k = (size_t)__builtin_ctzll(end) / 8;
    if (s[k] >= 0x80 || join_tab[s[k]])
        return 0;
    *v = x & ((1ULL << (8 * k)) - 1);
    return k;
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
 * Push the token [start, end) whose lowercase form, nlen bytes, is already
 * written at the end of sc->norm, and close that form with a NUL.  NULL
 * when out of memory.
 */
static ex_tok *new_tok(ex_scratch *sc, uint32_t start, uint32_t end,
                       size_t nlen, uint32_t flags)
{
    ex_tok *t = kg_extract__vec_push(&sc->toks, sizeof *t);
    kg_buf *nb = &sc->norm;
    if (!t)
        return NULL;
    t->start = start;
    t->end = end;
    t->norm = (uint32_t)nb->len;
    t->norm_len = (uint32_t)nlen;
    t->flags = flags;
    nb->len += nlen;
    nb->ptr[nb->len++] = '\0';
    return t;
}

/*
 * Add the token [start, end) whose lowercase form, nlen bytes, is already
 * written at the end of sc->norm: close it with a NUL, hash it and look it
 * up in the lexicon.
 */
static int add_tok(ex_scratch *sc, uint32_t start, uint32_t end,
                   size_t nlen, uint32_t flags)
{
    const char *norm = sc->norm.ptr + sc->norm.len;
    ex_tok *t = new_tok(sc, start, end, nlen, flags);
    uint32_t w;
    if (!t)
        return KG_ENOMEM;
    t->h = kg_extract__hash(norm, nlen);
    t->word = kg_extract__map_get_h(&sc->ex->words, norm, nlen, t->h, &w)
                  ? (int32_t)w
                  : -1;
    t->wflags = t->word < 0 ? 0 : EX_AT(sc->ex->wordv, ex_word, w).flags;
    return KG_OK;
}

/*
 * add_tok for a form of nlen <= 8 bytes whose bytes, as
 * kg_extract__tail gives them, are v: the hash from v (what
 * kg_extract__hash computes from those bytes) and the lexicon probe
 * without a memcmp call.
 */
static inline int add_short_tok(ex_scratch *sc, uint32_t start,
                                uint32_t end, size_t nlen, uint32_t flags,
                                uint64_t v)
{
    ex_tok *t = new_tok(sc, start, end, nlen, flags);
    const ex_map *m = &sc->ex->words;
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)nlen;
    size_t j;
    if (!t)
        return KG_ENOMEM;
    if (nlen == 8) {
        h = (h ^ v) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
        v = 0;
    }
    h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 29;
    h *= 0x9E3779B97F4A7C15ULL;
    h ^= h >> 32;
    t->h = h;
    t->word = -1;
    t->wflags = 0;
    if (!m->cap)
        return KG_OK;
    if (m->bloom) {
        uint32_t b = (uint32_t)(h >> 40) & (EX_BLOOM_BITS - 1);
        if (!(m->bloom[b / 64] & (1ULL << (b % 64))))
            return KG_OK;
    }
    /* for a key of at most 8 bytes the hash is a bijection of its bytes
     * (xor, multiplications by odd constants, xor-shifts: each undoes),
     * so equal hashes and lengths are equal keys: no byte compare */
    for (j = (size_t)h & (m->cap - 1); m->slots[j].key;
         j = (j + 1) & (m->cap - 1)) {
        const ex_slot *sl = &m->slots[j];
        if (sl->h == h && sl->len == nlen) {
            t->word = (int32_t)sl->val;
            t->wflags = EX_AT(sc->ex->wordv, ex_word, sl->val).flags;
            return KG_OK;
        }
    }
    return KG_OK;
}

/* A token of the one ASCII byte c at start (punctuation). */
static int punct_tok(ex_scratch *sc, uint32_t start, unsigned char c,
                     uint32_t flags)
{
    if (norm_room(sc, 1) != KG_OK)
        return KG_ENOMEM;
    sc->norm.ptr[sc->norm.len] = (char)c;
    return add_short_tok(sc, start, start + 1, 1, flags, c);
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
 * The token of a word of n <= 8 ASCII bytes whose bytes, as
 * kg_extract__tail gives them (a memcpy for 8), are v: its flags and
 * lowercase form from v as one 64-bit word (a top bit per byte in A-Z, in
 * a-z), without a loop over its bytes.  Most words are such words.
 */
static inline int ascii_word_tok(ex_scratch *sc, uint32_t start,
                                 uint32_t end, uint32_t flags, uint64_t v)
{
    const uint64_t ones = 0x0101010101010101ULL, tops = ones * 0x80;
    size_t n = end - start;
    unsigned char c0 = (unsigned char)v;
    uint64_t up, lo;
    if (norm_room(sc, 8) != KG_OK)
        return KG_ENOMEM;
    if (c0 >= '0' && c0 <= '9')
        flags |= TF_NUM;
    else if (c0 >= 'A' && c0 <= 'Z')
        flags |= TF_CAP;
    up = (v + ones * (0x80 - 'A')) & ~(v + ones * (0x80 - 'Z' - 1)) & tops;
    lo = (v + ones * (0x80 - 'a')) & ~(v + ones * (0x80 - 'z' - 1)) & tops;
    v |= up >> 2;
    memcpy(sc->norm.ptr + sc->norm.len, &v, 8);
    if (up)
        flags |= TF_UPPER;
    if (!lo && (up & (up - 1)))
        flags |= TF_ALLCAPS;
    if (up & (lo << 8))
        flags |= TF_CAMEL; /* "OpenAI", "xAI"; not "smart-TV" */
    if (n > 2 && (unsigned char)(v >> (8 * (n - 1))) == '.')
        flags |= TF_DOT_END;
    /* "its" is "it" + "'s", so possessive patterns cover it */
    if (n == 3 && v == ('i' | 't' << 8 | 's' << 16)) {
        int rc = push_tok(sc, start, start + 2, "it", 2, flags | TF_WORD);
        if (rc)
            return rc;
        return push_tok(sc, start + 2, end, "'s", 2, TF_WORD);
    }
    return add_short_tok(sc, start, end, n, flags | TF_WORD, v);
}

/*
 * Token flags and lowercase form of a word token, written straight into
 * sc->norm (curly apostrophes become '\'', so the form is never longer
 * than the word).
 */
static int word_tok(ex_scratch *sc, const unsigned char *b, uint32_t start,
                    uint32_t end, uint32_t flags)
{
    char *small;
    size_t i, o = 0, n = end - start;
    int letters = 0, uppers = 0, lower_seen = 0, camel = 0;
    const unsigned char *s = b + start;
    unsigned char c0 = s[0];
    if (n <= 8 && !(flags & TF_AMP_IN)) {
        uint64_t v;
        if (n == 8)
            memcpy(&v, s, 8);
        else
            v = kg_extract__tail((const char *)s, n);
        if (!(v & 0x8080808080808080ULL))
            return ascii_word_tok(sc, start, end, flags, v);
    }
    /* room for the whole form: small must stay valid, so norm is not
     * grown after this */
    if (norm_room(sc, n < MAX_NORM ? n : MAX_NORM) != KG_OK)
        return KG_ENOMEM;
    small = sc->norm.ptr + sc->norm.len;
    if (c0 >= '0' && c0 <= '9')
        flags |= TF_NUM;
    else if ((c0 >= 'A' && c0 <= 'Z') ||
             (c0 == 0xC3 && n > 1 && s[1] >= 0x80 && s[1] <= 0x9E &&
              s[1] != 0x97))
        flags |= TF_CAP;
    for (i = 0; i < n && o < MAX_NORM; i++) {
        unsigned char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            letters++;
            uppers++;
            if (lower_seen)
                camel = 1; /* "OpenAI", "xAI"; not "smart-TV" */
            lower_seen = 0;
            small[o++] = (char)(c + 32);
        } else if (c >= 'a' && c <= 'z') {
            letters++;
            lower_seen = 1;
            small[o++] = (char)c;
        } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
                   s[i + 2] == 0x99) {
            small[o++] = '\'';
            i += 2;
        } else if (c == '&' && (flags & TF_AMP_IN) && i + 4 < n &&
                   memcmp(s + i, "&amp;", 5) == 0) {
            small[o++] = '&';
            i += 4;
        } else {
            lower_seen = 0;
            small[o++] = (char)c;
        }
    }
    if (uppers)
        flags |= TF_UPPER;
    if (letters >= 2 && uppers == letters)
        flags |= TF_ALLCAPS;
    if (camel)
        flags |= TF_CAMEL;
    if (o > 2 && small[o - 1] == '.')
        flags |= TF_DOT_END;
    /* "its" is "it" + "'s", so possessive patterns cover it */
    if (o == 3 && memcmp(small, "its", 3) == 0 && n == 3) {
        int rc = push_tok(sc, start, start + 2, "it", 2, flags | TF_WORD);
        if (rc)
            return rc;
        return push_tok(sc, start + 2, end, "'s", 2, TF_WORD);
    }
    return add_tok(sc, start, end, o, (flags & ~TF_AMP_IN) | TF_WORD);
}

static int split_sentences(ex_scratch *sc, uint32_t closes);

/*
 * British pages give a foreign price with its sterling value in brackets:
 * "its $14.2bn (£9bn) takeover of", "a €1.48bn (£1bn) bid from".  The
 * bracket says nothing the amount before it did not, and it would stop
 * every rule whose gap or phrase runs through it, so when ")" closes a
 * bracket of currency, figures, scale words and "about" right after an
 * amount, the bracket's tokens are taken back.  The sentence's text keeps
 * it (sentences are byte ranges of the article).
 */
static void drop_amount_bracket(ex_scratch *sc)
{
    const ex_tok *tk = sc->toks.ptr;
    size_t n = sc->toks.n, o, i;
    int num = 0, cur = 0;
    if (n < 5)
        return;
    for (o = n - 2; o + 8 > n && o > 0; o--)
        if (tk[o].norm_len == 1 && ex_norm(sc, &tk[o])[0] == '(')
            break;
    if (o == 0 || o + 8 <= n || tk[o].norm_len != 1 ||
        ex_norm(sc, &tk[o])[0] != '(' ||
        (tk[o].flags & (TF_NL_BEFORE | TF_PARA)) ||
        !((tk[o - 1].flags & TF_NUM) || (tk[o - 1].wflags & WF_SCALE)))
        return;
    for (i = o + 1; i + 1 < n; i++) {
        const ex_tok *t = &tk[i];
        if (t->flags & TF_NUM)
            num = 1;
        else if (t->wflags & WF_CURRENCY)
            cur = 1;
        else if (!(t->wflags & WF_SCALE) && !ex_tok_is(sc, t, "about") &&
                 !ex_tok_is(sc, t, "around") && !ex_tok_is(sc, t, "some") &&
                 !ex_tok_is(sc, t, "roughly") && !ex_tok_is(sc, t, "nearly"))
            return;
    }
    if (num && cur)
        sc->toks.n = o;
}

/*
 * The length of the entity "&lt;", "&gt;" or "&amp;" at s (text taken
 * from SGML or HTML source without decoding), with the sign it stands
 * for in *sign; 0 if none starts there.
 */
static size_t sgml_ent(const unsigned char *s, const unsigned char *e,
                       const char **sign)
{
    if (e - s >= 4 && s[2] == 't' && s[3] == ';' &&
        (s[1] == 'l' || s[1] == 'g')) {
        *sign = s[1] == 'l' ? "<" : ">";
        return 4;
    }
    if (e - s >= 5 && memcmp(s, "&amp;", 5) == 0) {
        *sign = "&";
        return 5;
    }
    return 0;
}

/*
 * Called before a '>' is pushed.  Wire copy puts a private company's name
 * in angle brackets ("said it acquired <Lindell Coatings Inc>, a maker
 * of"): when the open '<' is at most 12 tokens back and the tokens between
 * are a name (two words or more, or one word that is not all capitals,
 * with only '&', ',', '.', '-', '(' , ')' as punctuation), drop the '<'
 * (its spacing passes to the first word) and return 1 so the '>' is not
 * pushed either: the name then reads as if unbracketed.  A ticker
 * ("<KLT>", "<MSFT.O>") is one all-capital word and keeps its brackets.
 */
static int unbracket_name(ex_scratch *sc)
{
    ex_tok *tk = sc->toks.ptr;
    size_t n = sc->toks.n, o, i;
    int words = 0;
    if (n < 2)
        return 0;
    for (o = n - 1; o + 13 > n && o > 0; o--)
        if ((tk[o].flags & TF_PUNCT) && tk[o].norm_len == 1 &&
            strchr("<>", ex_norm(sc, &tk[o])[0]))
            break;
    if (!(tk[o].flags & TF_PUNCT) || tk[o].norm_len != 1 ||
        ex_norm(sc, &tk[o])[0] != '<' || o + 1 == n ||
        !(tk[o + 1].flags & TF_CAP))
        return 0;
    for (i = o + 1; i < n; i++) {
        if (tk[i].flags & TF_WORD) {
            words++;
            continue;
        }
        if (tk[i].norm_len != 1 || !strchr("&,.-()", ex_norm(sc, &tk[i])[0]))
            return 0;
    }
    if (words < 2 && (tk[o + 1].flags & TF_ALLCAPS))
        return 0;
    tk[o + 1].flags |= tk[o].flags & (TF_SPACE_BEFORE | TF_NL_BEFORE | TF_PARA);
    memmove(&tk[o], &tk[o + 1], (n - o - 1) * sizeof *tk);
    sc->toks.n = n - 1;
    return 1;
}

/*
 * Wire copy wraps its lines and opens each paragraph with an indent
 * ("...for 12 mln dlrs.\n    The company said"), and its tables put one
 * figure a line ("    Shr 45 cts vs 30 cts\n    Net 1.2 mln vs 800,000"),
 * with no stop to end them.  An indented line starts a paragraph, then,
 * unless (nearly) every line is indented, as in a text indented as a
 * whole, where an indent says nothing.
 */
static void indent_paragraphs(ex_scratch *sc)
{
    ex_tok *tk = sc->toks.ptr;
    size_t n = sc->toks.n, i, lines = 0, indented = 0;
    for (i = 1; i < n; i++) {
        if (tk[i].flags & TF_NL_BEFORE)
            lines++;
        if (tk[i].flags & TF_INDENT)
            indented++;
    }
    if (!indented)
        return;
    for (i = 0; i < n; i++)
        if (tk[i].flags & TF_INDENT)
            tk[i].flags = (tk[i].flags & ~TF_INDENT) |
                          (indented * 5 < lines * 4 ? TF_PARA : 0);
}

int kg_extract__tokenize(ex_scratch *sc)
{
    const unsigned char *b = (const unsigned char *)sc->doc->text;
    const unsigned char *e = b + sc->doc->text_len;
    const unsigned char *s = b;
    uint32_t pending = TF_SPACE_BEFORE | TF_PARA;
    int newlines = 0;
    /* a last byte that is no letter or digit ends every run of them */
    int stop_at_end = e > b && !alnum_tab[e[-1]];
    uint32_t closes = 0; /* ')' tokens (a wire dateline needs one) */
    int indents = 0;     /* a line opened with an indent */
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
        uint64_t v;
        const char *pn;
        /* a letter or digit starts most tokens: tested first */
        if (!alnum_tab[c]) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
                c == '\v') {
                /* two spaces or a tab opening a line */
                if ((pending & TF_NL_BEFORE) &&
                    (c == '\t' ||
                     (c == ' ' && s + 1 < e && s[1] == ' '))) {
                    pending |= TF_INDENT;
                    indents = 1;
                }
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
        }
        newlines = 0;
        /* most words: a few letters and digits and a space or a stop */
        if (alnum_tab[c] && e - s > 8 && (n = short_word(s, &v)) != 0) {
            rc = ascii_word_tok(sc, (uint32_t)(s - b), (uint32_t)(s + n - b),
                                pending, v);
            if (rc)
                return rc;
            pending = 0;
            s += n;
            continue;
        }
        if (alnum_tab[c] || (c >= 0x80 && word_at_utf8(s, e))) {
            const unsigned char *w = s;
            size_t an;
            uint32_t hy = 0;
            while (s < e) {
                /* the fast path: a run of ASCII letters and digits;
                 * without a test of the end where the text's last byte
                 * stops the run anyway */
                if (stop_at_end)
                    while (alnum_tab[*s])
                        s++;
                else
                    while (alnum_tab[*s] && ++s < e)
                        ;
                if (s == e)
                    break;
                /* most words end at a space or a stop */
                if (*s < 0x80 && !join_tab[*s])
                    break;
                if (*s >= 0x80 && word_at(s, e)) {
                    s++;
                    continue;
                }
                if (*s == '&' && (an = sgml_ent(s, e, &pn)) != 0) {
                    /* "AT&amp;T" is one word, "Partners&gt;" is not */
                    if (*pn != '&' || s + an >= e || !is_alnum(s[an]) ||
                        !is_alnum(s[-1]))
                        break;
                    hy |= TF_AMP_IN;
                    s += an;
                    continue;
                }
                if ((*s == '.' || *s == '-' || *s == '&' || *s == '/') &&
                    s + 1 < e && is_alnum(s[1]) && is_alnum(s[-1])) {
                    if (*s == '-') {
                        if (hyphen_splits(sc, w, s, e))
                            break;
                        hy = TF_HYPHEN;
                    }
                    s++;
                    continue;
                }
                if (*s == ',' && s + 3 < e && s[-1] >= '0' &&
                    s[-1] <= '9' && s[1] >= '0' && s[1] <= '9' &&
                    s[2] >= '0' && s[2] <= '9' && s[3] >= '0' &&
                    s[3] <= '9' && (s + 4 == e || !is_alnum(s[4]))) {
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
                        s--;
                        break;
                    }
                    if (a < e && is_alnum(*a)) {
                        s = a;
                        continue;
                    }
                    /* "Rollin' Ribs", "Pickin' Chicken": a capitalised
                     * word with a dropped g keeps its apostrophe before
                     * the next capitalised word; a bare possessive
                     * apostrophe follows an s ("Holmes Brothers'"), and
                     * a closing quote an opening one ("'Falcon' Mr") */
                    if (a + 1 < e && *a == ' ' && a[1] >= 'A' &&
                        a[1] <= 'Z' && s - w >= 4 && s[-1] == 'n' &&
                        s[-2] == 'i' && *w >= 'A' && *w <= 'Z' &&
                        !(w > b && (w[-1] == '\'' || w[-1] == 0x98))) {
                        s = a;
                        break;
                    }
                }
                break;
            }
            /* "U.S." and "N.V.": single letters with dots keep the last */
            if (s < e && *s == '.' && s - w >= 3 && w[1] == '.' &&
                s[-2] == '.')
                s++;
            rc = word_tok(sc, b, (uint32_t)(w - b), (uint32_t)(s - b),
                          pending | hy);
            if (rc)
                return rc;
            pending = 0;
            continue;
        }
        /* "'s", "n't", "'" */
        if (apos_at(s, e, &n) && s > b) {
            const unsigned char *a = s + n;
            if (a < e && (*a == 's' || *a == 'S') &&
                (a + 1 == e || !word_at(a + 1, e)) && word_before(b, s, e)) {
                rc = push_tok(sc, (uint32_t)(s - b), (uint32_t)(a + 1 - b),
                              "'s", 2, pending | TF_WORD);
                if (rc)
                    return rc;
                pending = 0;
                s = a + 1;
                continue;
            }
        }
        if (c == '>' && unbracket_name(sc)) {
            pending = 0;
            s++;
            continue;
        }
        /* "&lt;", "&gt;", "&amp;" in text taken from SGML or HTML
         * source without decoding: the sign they stand for */
        if (c == '&' && (n = sgml_ent(s, e, &pn)) != 0) {
            if (*pn == '>' && unbracket_name(sc)) {
                pending = 0;
                s += n;
                continue;
            }
            rc = push_tok(sc, (uint32_t)(s - b), (uint32_t)(s + n - b), pn,
                          1, pending | TF_PUNCT);
            if (rc)
                return rc;
            pending = 0;
            s += n;
            continue;
        }
        if (c < 0x80) {
            rc = punct_tok(sc, (uint32_t)(s - b), c, pending | TF_PUNCT);
            if (rc)
                return rc;
            if (c == ')') {
                closes++;
                drop_amount_bracket(sc);
            }
            pending = 0;
            s++;
            continue;
        }
        pn = NULL; /* upunct sets it only when it knows the sign */
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
    if (indents)
        indent_paragraphs(sc);
    return split_sentences(sc, closes);
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
        /* "WINSTON-SALEM, N.C.": a hyphen inside the place name, which
         * a comma ends ("EXCLUSIVE-APPLE WEIGHS" is a headline) */
        if ((t->flags & TF_PUNCT) && n[0] == '-' && !n[1] &&
            !(t->flags & TF_SPACE_BEFORE) && i + 2 < t1 &&
            (tk[i - 1].flags & TF_ALLCAPS) &&
            (tk[i + 1].flags & TF_ALLCAPS) &&
            ex_norm(sc, &tk[i + 2])[0] == ',')
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
 * is a sentence of its own, so the agency is never a subject.  closes:
 * 0 if the article has no ')' (then no agency dateline either).
 */
static int push_sent(ex_scratch *sc, uint32_t t0, uint32_t t1,
                     uint32_t closes)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t i, lim = t0 + 16 < t1 ? t0 + 16 : t1;
    int rc;
    for (i = t0 + 2; closes && i + 1 < lim; i++) {
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

/* Is there a line break between tokens i - 1 and i? */
static int nl_before(const ex_scratch *sc, uint32_t i)
{
    const ex_tok *tk = sc->toks.ptr;
    return i > 0 && (tk[i].flags & TF_NL_BEFORE);
}

/* The end of the line that starts at token i (at most 40 tokens on). */
static uint32_t line_end(const ex_scratch *sc, uint32_t i)
{
    uint32_t le = i + 1, n = (uint32_t)sc->toks.n;
    while (le < n && le < i + 40 && !nl_before(sc, le))
        le++;
    return le;
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

static int split_sentences(ex_scratch *sc, uint32_t closes)
{
    ex_tok *tk = sc->toks.ptr;
    uint32_t n = (uint32_t)sc->toks.n, i, t0 = 0, line0 = 0;
    int rc;
    for (i = 0; i < n; i++) {
        const char *nm;
        int end = 0;
        /* most tokens: a word within a line, which no period ends */
        if (!(tk[i].flags & (TF_NL_BEFORE | TF_PARA | TF_PUNCT |
                             TF_DOT_END)) &&
            i - t0 < MAX_SENT_TOKENS)
            continue;
        nm = ex_norm(sc, &tk[i]);
        /* a headline in capitals ends at its line break */
        if (i > 0 && (tk[i].flags & TF_SPACE_BEFORE) && nl_before(sc, i)) {
            if (i > t0 && !(tk[i].flags & TF_PARA) &&
                (caps_line(sc, line0 > t0 ? line0 : t0, i) ||
                 caps_line(sc, i, line_end(sc, i)))) {
                if ((rc = push_sent(sc, t0, i, closes)) != KG_OK)
                    return rc;
                t0 = i;
            }
            line0 = i;
        }
        /* bound the work per sentence: very long runs are cut */
        if (i - t0 >= MAX_SENT_TOKENS) {
            if ((rc = push_sent(sc, t0, i, closes)) != KG_OK)
                return rc;
            t0 = i;
        }
        if (i > t0 && (tk[i].flags & TF_PARA)) {
            if ((rc = push_sent(sc, t0, i, closes)) != KG_OK)
                return rc;
            t0 = i;
        }
        if (tk[i].flags & TF_PUNCT) {
            if (nm[0] == '!' || nm[0] == '?' || (nm[0] == '.' && !nm[1]) ||
                (nm[0] == '.' && nm[1] == '.')) {
                end = 1;
            }
        } else if (tk[i].flags & TF_DOT_END) {
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
                    /* "Corp. The ..." ends; "Corp. said" does not.  A
                     * legal suffix's period before any capital ends it
                     * too ("... of Acme Corp. Procter and Gamble said"),
                     * except before a title or another suffix ("Sony
                     * Corp. Chairman Akio Morita", "Daiwa Co. Ltd.");
                     * "Bros." goes on ("Warner Bros. Discovery"). */
                    uint32_t nf = ex_wflags(sc, nx);
                    end = (pf & WF_SUFFIXABBR) && (nx->flags & TF_CAP) &&
                          ((nf & (WF_STOP | WF_PRONOUN | WF_PERPRONOUN)) ||
                           nl_before(sc, i + 1) ||
                           ((pf & WF_LEGAL) &&
                            !(nf & (WF_ROLE | WF_TITLE | WF_LEGAL |
                                    WF_ABBREV))));
                } else if (is_initial(sc, p) && (nx->flags & TF_CAP)) {
                    end = 0;
                } else if ((p->flags & TF_CAP) && p->norm_len == 1 &&
                           i > t0 + 1 &&
                           ((tk[i - 2].flags & TF_WORD) ||
                            (i > t0 + 2 && (tk[i - 3].flags & TF_CAP) &&
                             tk[i - 3].norm_len == 1 &&
                             ex_norm(sc, &tk[i - 2])[0] == '.')) &&
                           (nx->flags & TF_CAP) &&
                           (nx->word < 0 ||
                            (nx->norm_len == 1 && i + 2 < n &&
                             ex_norm(sc, &tk[i + 2])[0] == '.'))) {
                    /* "Lee A. Iacocca", "and I. Magnin", "David E. I.
                     * Pyott", "Robert A. I. Delacorte": an initial A or
                     * I before a name or another initial */
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
            if ((rc = push_sent(sc, t0, j, closes)) != KG_OK)
                return rc;
            t0 = j;
            i = j - 1;
        }
    }
    if ((rc = push_sent(sc, t0, n, closes)) != KG_OK)
        return rc;
    /* mark the first token of each sentence */
    for (i = 0; i < sc->sents.n; i++)
        tk[EX_AT(sc->sents, ex_sent, i).t0].flags |= TF_SENT_START;
    return KG_OK;
}
