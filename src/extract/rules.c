/*
 * rules.c: the parser of the rule language (data/rules.txt, whose header
 * documents it, and the user's --rules files).
 *
 * Five directives, one per logical line (a line that starts with
 * whitespace continues the previous one):
 *   class NAME = phrase | phrase => Value | ...     (also "class NAME += ...")
 *   rule ID RELATION [status=S] [also=S] [conf=F] [role=CLASS] : PATTERN
 *   cue STATUS near|sentence : phrase | phrase ...
 *   deal RELATION,... [hedged] [event] : noun | ...  (memory.c)
 *   recall ID STATUS [RELATION,...] : PATTERN-with-one-D (memory.c)
 * Each rule is indexed under the words that can start its trigger
 * element, so matching a sentence only looks at rules one of its words
 * triggers.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "kg/vocab.h"

typedef struct parse_ctx {
    kg_extractor *ex;
    const char *file;
    long line;
    kg_error *err;
} parse_ctx;

static int perr(parse_ctx *p, const char *msg, const char *what)
{
    return kg_error_set(p->err, KG_EINVAL, "%s:%ld: %s%s%s%s", p->file,
                        p->line, msg, what ? " '" : "", what ? what : "",
                        what ? "'" : "");
}

static const char *skip_ws(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++;
    return s;
}

/* Lowercase one word into buf (ASCII only; other bytes kept). */
static size_t lower_word(char *buf, size_t cap, const char *s, size_t n)
{
    size_t i, o = 0;
    for (i = 0; i < n && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        /* the typographic apostrophe is folded as the tokenizer does */
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            buf[o++] = '\'';
            i += 2;
            continue;
        }
        buf[o++] = (char)tolower(c);
    }
    buf[o] = '\0';
    return o;
}

/* Find or create class by name (empty, to be filled). */
static int class_get(parse_ctx *p, const char *name, size_t len,
                     uint32_t *out)
{
    kg_extractor *ex = p->ex;
    uint32_t id = (uint32_t)ex->classv.n, got;
    ex_class *c;
    if (kg_extract__map_get(&ex->classes, name, len, &got)) {
        *out = got;
        return KG_OK;
    }
    c = kg_extract__vec_push(&ex->classv, sizeof *c);
    if (!c)
        return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    memset(c, 0, sizeof *c);
    c->file = p->file;
    c->line = p->line;
    c->name = kg_pool_strndup(&ex->pool, name, len);
    if (!c->name || kg_extract__map_put(&ex->classes, &ex->pool, name, len,
                                        id, NULL) != KG_OK)
        return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    *out = id;
    return KG_OK;
}

/*
 * Append the phrases of list "a b | c => V | d" to class cid.  The class
 * keeps its phrases contiguous: extending copies the old ones first.
 */
static int class_add(parse_ctx *p, uint32_t cid, const char *s,
                     const char *e)
{
    kg_extractor *ex = p->ex;
    ex_class *c = &EX_AT(ex->classv, ex_class, cid);
    uint32_t old_first = c->ph_first, old_n = c->ph_n, i;
    uint32_t first = (uint32_t)ex->phrasev.n;
    uint32_t maxlen = c->maxlen;
    int added = 0;

    for (i = 0; i < old_n; i++) {
        ex_phrase *np = kg_extract__vec_push(&ex->phrasev, sizeof *np);
        if (!np)
            return kg_error_set(p->err, KG_ENOMEM, "out of memory");
        *np = EX_AT(ex->phrasev, ex_phrase, old_first + i);
    }
    while (s < e) {
        const char *bar = s, *val = NULL, *pe;
        ex_phrase *ph;
        while (bar < e && *bar != '|')
            bar++;
        pe = bar;
        /* "phrase => Value" */
        {
            const char *q;
            for (q = s; q + 1 < pe; q++)
                if (q[0] == '=' && q[1] == '>') {
                    val = q + 2;
                    pe = q;
                    break;
                }
        }
        s = skip_ws(s, pe);
        if (s < pe) {
            uint32_t nw = 0, pfirst = (uint32_t)ex->pwordv.n;
            const char *w = s;
            while (w < pe) {
                const char *we = w;
                char buf[128];
                size_t n;
                int64_t wid;
                uint32_t *slot;
                while (we < pe && *we != ' ' && *we != '\t')
                    we++;
                if ((size_t)(we - w) >= sizeof buf)
                    return perr(p, "word too long", NULL);
                n = lower_word(buf, sizeof buf, w, (size_t)(we - w));
                /* the tokenizer reads "its" as "it" + "'s": so do word
                 * lists ("a|an|its", "ended its") */
                if (n == 3 && memcmp(buf, "its", 3) == 0) {
                    wid = kg_extract__word_add(ex, "it", 2);
                    slot = kg_extract__vec_push(&ex->pwordv, sizeof *slot);
                    if (wid < 0 || !slot)
                        return kg_error_set(p->err, KG_ENOMEM,
                                            "out of memory");
                    *slot = (uint32_t)wid;
                    nw++;
                    memcpy(buf, "'s", 3);
                    n = 2;
                }
                wid = kg_extract__word_add(ex, buf, n);
                slot = kg_extract__vec_push(&ex->pwordv, sizeof *slot);
                if (wid < 0 || !slot)
                    return kg_error_set(p->err, KG_ENOMEM, "out of memory");
                *slot = (uint32_t)wid;
                nw++;
                w = skip_ws(we, pe);
            }
            ph = kg_extract__vec_push(&ex->phrasev, sizeof *ph);
            if (!ph)
                return kg_error_set(p->err, KG_ENOMEM, "out of memory");
            ph->first = pfirst;
            ph->n = nw;
            ph->value = NULL;
            if (val) {
                const char *ve = bar;
                val = skip_ws(val, bar);
                while (ve > val && (ve[-1] == ' ' || ve[-1] == '\t'))
                    ve--;
                if (ve == val)
                    return perr(p, "empty value after '=>'", NULL);
                ph->value = kg_pool_strndup(&ex->pool, val,
                                            (size_t)(ve - val));
                if (!ph->value)
                    return kg_error_set(p->err, KG_ENOMEM, "out of memory");
            }
            if (nw > maxlen)
                maxlen = nw;
            added++;
        } else if (val) {
            return perr(p, "value without a phrase", NULL);
        }
        s = bar < e ? bar + 1 : e;
    }
    if (!added)
        return perr(p, "empty word list", NULL);
    c = &EX_AT(ex->classv, ex_class, cid);
    c->ph_first = first;
    c->ph_n = (uint32_t)(ex->phrasev.n - first);
    c->maxlen = maxlen;
    return KG_OK;
}

/* "class NAME = ..." or "class NAME += ..." */
static int parse_class(parse_ctx *p, const char *s, const char *e)
{
    const char *n = s, *ne;
    uint32_t cid;
    int extend = 0, rc;
    ex_class *c;
    while (s < e && (isalnum((unsigned char)*s) || *s == '-' || *s == '_'))
        s++;
    ne = s;
    if (ne == n)
        return perr(p, "class needs a name", NULL);
    s = skip_ws(s, e);
    if (s + 1 < e && s[0] == '+' && s[1] == '=') {
        extend = 1;
        s += 2;
    } else if (s < e && *s == '=') {
        s++;
    } else {
        return perr(p, "expected '=' after class name", NULL);
    }
    if ((rc = class_get(p, n, (size_t)(ne - n), &cid)) != KG_OK)
        return rc;
    c = &EX_AT(p->ex->classv, ex_class, cid);
    if (c->ph_n && !extend) {
        char nm[64];
        snprintf(nm, sizeof nm, "%.*s", (int)(ne - n), n);
        return perr(p, "class defined twice (use +=):", nm);
    }
    return class_add(p, cid, s, e);
}

/* A literal element "by" or "buy|buys": an anonymous class, shared. */
static int literal_class(parse_ctx *p, const char *s, size_t len,
                         uint32_t *out)
{
    char key[160];
    uint32_t cid;
    int rc;
    ex_class *c;
    if (len + 5 >= sizeof key)
        return perr(p, "literal too long", NULL);
    memcpy(key, "=lit:", 5);
    memcpy(key + 5, s, len);
    if ((rc = class_get(p, key, len + 5, &cid)) != KG_OK)
        return rc;
    c = &EX_AT(p->ex->classv, ex_class, cid);
    if (!c->ph_n && (rc = class_add(p, cid, s, s + len)) != KG_OK)
        return rc;
    *out = cid;
    return KG_OK;
}

static int parse_kinds(const char *s, size_t n, uint8_t *out)
{
    size_t i = 0;
    uint8_t k = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ',')
            j++;
        if (j - i == 3 && memcmp(s + i, "org", 3) == 0)
            k |= KG_KINDBIT(KG_KIND_ORG);
        else if (j - i == 3 && memcmp(s + i, "per", 3) == 0)
            k |= KG_KINDBIT(KG_KIND_PERSON);
        else if (j - i == 3 && memcmp(s + i, "pro", 3) == 0)
            k |= KG_KINDBIT(KG_KIND_PRODUCT);
        else
            return -1;
        i = j + 1;
    }
    *out = k;
    return 0;
}

static int add_trigger(parse_ctx *p, uint32_t rule, uint32_t cid)
{
    kg_extractor *ex = p->ex;
    const ex_class *c = &EX_AT(ex->classv, ex_class, cid);
    uint32_t i;
    for (i = 0; i < c->ph_n; i++) {
        const ex_phrase *ph = &EX_AT(ex->phrasev, ex_phrase,
                                     c->ph_first + i);
        ex_trig *t = kg_extract__vec_push(&ex->trigv, sizeof *t);
        if (!t)
            return kg_error_set(p->err, KG_ENOMEM, "out of memory");
        memset(t, 0, sizeof *t);
        t->word = EX_AT(ex->pwordv, uint32_t, ph->first);
        t->rule = rule;
    }
    return KG_OK;
}

/*
 * One pattern element other than a slot: "_", "~N", "~~N", "<class>" or
 * a literal "a|b" (buf holds n bytes, without "^" and "?").  *named is 1
 * for a <class>, 0 for a literal.
 */
static int parse_elem(parse_ctx *p, const char *buf, size_t n, int mark,
                      ex_elem *el, int *named)
{
    int rc;
    *named = 0;
    if (n == 1 && buf[0] == '_') {
        /* any one mention, not an argument ("succeeded _ as") */
        el->type = EL_ANY;
        if (mark)
            return perr(p, "'_' cannot be a trigger", NULL);
    } else if (buf[0] == '~' && n > 1) {
        char *end;
        long g;
        /* "~~N": a gap that may cross commas */
        if (buf[1] == '~')
            el->commas = 1;
        g = strtol(buf + 1 + el->commas, &end, 10);
        if (*end || g < 1 || g > 20 || end == buf + 1 + el->commas)
            return perr(p, "gap must be ~1..~20:", buf);
        el->type = EL_GAP;
        el->cls = (uint32_t)g;
        if (mark)
            return perr(p, "a gap cannot be a trigger", NULL);
    } else if (buf[0] == '<') {
        if (n < 3 || buf[n - 1] != '>')
            return perr(p, "unclosed class reference", buf);
        el->type = EL_CLASS;
        if ((rc = class_get(p, buf + 1, n - 2, &el->cls)) != KG_OK)
            return rc;
        *named = 1;
    } else {
        size_t i;
        char lw[160];
        el->type = EL_CLASS;
        /* "a|b" alternatives of single words */
        lower_word(lw, sizeof lw, buf, n);
        for (i = 0; lw[i]; i++)
            if (lw[i] == '_')
                lw[i] = ' ';
        if ((rc = literal_class(p, lw, strlen(lw), &el->cls)) != KG_OK)
            return rc;
    }
    return KG_OK;
}

/* "rule ID RELATION [k=v]... : PATTERN" */
static int parse_rule(parse_ctx *p, const char *s, const char *e)
{
    kg_extractor *ex = p->ex;
    const char *colon = NULL, *q, *id, *ide;
    char buf[160];
    ex_rule r;
    uint32_t rid = (uint32_t)ex->rulev.n, got;
    int nslot[2] = {0, 0}, trig = -1, first_named = -1, first_lit = -1;
    int rc, have_rel = 0;
    ex_rule *rp;

    memset(&r, 0, sizeof r);
    r.status = KG_STATUS_HOLDS;
    r.conf = 0.8;
    r.role_cls = -1;
    r.also = -1;
    r.el_first = (uint32_t)ex->elemv.n;
    for (q = s; q < e; q++)
        if (*q == ':' && (q + 1 == e || q[1] == ' ' || q[1] == '\t')) {
            colon = q;
            break;
        }
    if (!colon)
        return perr(p, "rule needs ': PATTERN'", NULL);
    /* header words */
    id = s;
    while (s < colon && *s != ' ' && *s != '\t')
        s++;
    ide = s;
    if (ide == id)
        return perr(p, "rule needs an id", NULL);
    r.id = kg_pool_strndup(&ex->pool, id, (size_t)(ide - id));
    if (!r.id)
        return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    if (kg_extract__map_get(&ex->rule_ids, id, (size_t)(ide - id), &got))
        return perr(p, "duplicate rule id", r.id);
    s = skip_ws(s, colon);
    while (s < colon) {
        const char *w = s, *eq;
        size_t n;
        while (s < colon && *s != ' ' && *s != '\t')
            s++;
        n = (size_t)(s - w);
        if (n >= sizeof buf)
            return perr(p, "header word too long", NULL);
        memcpy(buf, w, n);
        buf[n] = '\0';
        eq = strchr(buf, '=');
        if (!have_rel) {
            kg_relation rel;
            if (kg_relation_parse(&rel, buf) != KG_OK)
                return perr(p, "unknown relation", buf);
            r.relation = rel;
            have_rel = 1;
        } else if (eq && strncmp(buf, "status=", 7) == 0) {
            kg_status st;
            if (kg_status_parse(&st, buf + 7) != KG_OK)
                return perr(p, "unknown status", buf + 7);
            r.status = st;
        } else if (eq && strncmp(buf, "also=", 5) == 0) {
            kg_status st;
            if (kg_status_parse(&st, buf + 5) != KG_OK)
                return perr(p, "unknown status", buf + 5);
            r.also = (int)st;
        } else if (eq && strncmp(buf, "conf=", 5) == 0) {
            char *end;
            r.conf = strtod(buf + 5, &end);
            if (*end || r.conf < 0 || r.conf > 1)
                return perr(p, "conf must be a number in 0..1:", buf + 5);
        } else if (strcmp(buf, "weak") == 0) {
            r.weak = 1;
        } else if (eq && strncmp(buf, "weak=", 5) == 0) {
            /* "weak=acquired,merged-with": yields to those only */
            char *rn = buf + 5, *comma;
            r.weak = 1;
            for (;;) {
                kg_relation wr;
                comma = strchr(rn, ',');
                if (comma)
                    *comma = '\0';
                if (kg_relation_parse(&wr, rn) != KG_OK)
                    return perr(p, "unknown relation", rn);
                r.weak_to |= 1u << (unsigned)wr;
                if (!comma)
                    break;
                rn = comma + 1;
            }
        } else if (strcmp(buf, "solo") == 0) {
            r.solo = 1;
        } else if (strcmp(buf, "cues=near") == 0) {
            r.near_cues = 1;
        } else if (strcmp(buf, "cues=ended") == 0) {
            r.ended_cues = 1;
            r.near_cues = 1;
        } else if (strcmp(buf, "cues=none") == 0) {
            r.no_cues = 1;
        } else if (strcmp(buf, "cues=all") == 0) {
            r.near_cues = 0;
        } else if (eq && strncmp(buf, "role=", 5) == 0) {
            uint32_t cid;
            if ((rc = class_get(p, buf + 5, n - 5, &cid)) != KG_OK)
                return rc;
            r.role_cls = (int)cid;
        } else {
            return perr(p, "unknown rule option", buf);
        }
        s = skip_ws(s, colon);
    }
    if (!have_rel)
        return perr(p, "rule needs a relation", NULL);
    /* pattern */
    s = skip_ws(colon + 1, e);
    {
        const char *pe = e;
        while (pe > s && (pe[-1] == ' ' || pe[-1] == '\t' ||
                          pe[-1] == '\r' || pe[-1] == '\n'))
            pe--;
        r.pattern = kg_pool_strndup(&ex->pool, s, (size_t)(pe - s));
        if (!r.pattern)
            return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    }
    while (s < e) {
        const char *w = s;
        size_t n;
        ex_elem el;
        int mark = 0;
        while (s < e && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            s++;
        n = (size_t)(s - w);
        s = skip_ws(s, e);
        memset(&el, 0, sizeof el);
        if (n > 1 && w[0] == '^') {
            mark = 1;
            w++;
            n--;
        }
        if (n > 1 && w[n - 1] == '?') {
            el.optional = 1;
            n--;
        }
        if (n >= sizeof buf)
            return perr(p, "pattern word too long", NULL);
        memcpy(buf, w, n);
        buf[n] = '\0';
        if (n == 1 && buf[0] == '@') {
            /* "@ S ... , ^turning down": the main clause's subject */
            if (r.el_n > 0 || el.optional || mark)
                return perr(p, "'@' must open the pattern", NULL);
            el.type = EL_START;
        } else if ((buf[0] == 'S' || buf[0] == 'O') &&
            (n == 1 || buf[1] == ':' || buf[1] == '!' || buf[1] == '=')) {
            int k = buf[0] == 'O';
            el.type = EL_SLOT;
            el.slot = (uint8_t)k;
            el.kinds = (uint8_t)(k ? kg_relation_object_kinds(r.relation)
                                   : kg_relation_subject_kinds(r.relation));
            /* "O:org!=" and "O:org=!" both work */
            while (n > 1 && (buf[n - 1] == '!' || buf[n - 1] == '=')) {
                if (buf[n - 1] == '!')
                    el.strict = 1;
                else
                    el.named = 1;
                buf[--n] = '\0';
            }
            if (n > 2) {
                uint8_t kinds;
                if (parse_kinds(buf + 2, n - 2, &kinds) != 0)
                    return perr(p, "unknown kind in", buf);
                /* "S:pro" of supplies: a model named after its maker
                 * ("ordered 12 Airbus A310 jets"), which stands for the
                 * maker (match.c slot_ok) */
                if (!k && r.relation == KG_REL_SUPPLIES &&
                    kinds == KG_KINDBIT(KG_KIND_PRODUCT))
                    el.kinds = kinds;
                else
                    el.kinds = (uint8_t)(el.kinds & kinds);
                if (!el.kinds)
                    return perr(p, "kind not allowed for the relation:",
                                buf);
            }
            if (el.optional || mark)
                return perr(p, "a slot cannot be optional or a trigger:",
                            buf);
            nslot[k]++;
        } else {
            int named;
            if ((rc = parse_elem(p, buf, n, mark, &el, &named)) != KG_OK)
                return rc;
            if (el.type == EL_CLASS && !el.optional && named &&
                first_named < 0)
                first_named = (int)r.el_n;
            if (el.type == EL_CLASS && !el.optional && !named &&
                first_lit < 0)
                first_lit = (int)r.el_n;
        }
        if (mark) {
            if (trig >= 0)
                return perr(p, "two trigger marks '^'", NULL);
            if (el.optional)
                return perr(p, "the trigger cannot be optional", NULL);
            trig = (int)r.el_n;
        }
        {
            ex_elem *ep = kg_extract__vec_push(&ex->elemv, sizeof *ep);
            if (!ep)
                return kg_error_set(p->err, KG_ENOMEM, "out of memory");
            *ep = el;
        }
        r.el_n++;
    }
    if (nslot[0] != 1 || nslot[1] != 1)
        return perr(p, "a pattern needs exactly one S and one O", NULL);
    if (trig < 0)
        trig = first_named >= 0 ? first_named : first_lit;
    if (trig < 0)
        return perr(p, "a pattern needs a trigger word", NULL);
    r.trig = (uint32_t)trig;
    {
        uint32_t k;
        int role_before = 0, role_after = 0;
        for (k = 0; k < r.el_n; k++) {
            const ex_elem *el = &EX_AT(ex->elemv, ex_elem, r.el_first + k);
            if (el->type == EL_SLOT) {
                if (k < r.trig)
                    r.slot_before = 1;
                else
                    r.slot_after = 1;
            }
            if (el->type == EL_CLASS && (int)el->cls == r.role_cls &&
                k != r.trig) {
                if (k < r.trig)
                    role_before = 1;
                else
                    role_after = 1;
            }
        }
        r.fwd_first = !(role_before && role_after);
    }
    rp = kg_extract__vec_push(&ex->rulev, sizeof *rp);
    if (!rp)
        return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    *rp = r;
    if (kg_extract__map_put(&ex->rule_ids, &ex->pool, r.id, strlen(r.id),
                            rid, NULL) != KG_OK)
        return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    return add_trigger(p, rid,
                       EX_AT(ex->elemv, ex_elem, r.el_first + r.trig).cls);
}

/*
 * One word of a "REL,REL ..." list before a directive's ':' (ended by a
 * space, tab, ',' or ':') into buf (cap bytes).  Returns the position
 * after the word and the separators that follow it, or NULL if the word
 * is empty or too long.
 */
static const char *list_word(const char *s, const char *e, char *buf,
                             size_t cap)
{
    const char *w = s;
    while (s < e && *s != ' ' && *s != '\t' && *s != ':' && *s != ',')
        s++;
    if (s == w || (size_t)(s - w) >= cap)
        return NULL;
    memcpy(buf, w, (size_t)(s - w));
    buf[s - w] = '\0';
    while (s < e && (*s == ',' || *s == ' ' || *s == '\t'))
        s++;
    return s;
}

/* "cue STATUS near|before|clause|sentence [also] [RELATION,...] : phrases" */
static int parse_cue(parse_ctx *p, const char *s, const char *e)
{
    kg_extractor *ex = p->ex;
    char buf[32], key[48];
    const char *w = s;
    ex_cue cue;
    ex_cue *cp;
    kg_status st;
    int rc;
    size_t n;
    while (s < e && *s != ' ' && *s != '\t')
        s++;
    n = (size_t)(s - w);
    if (n == 0 || n >= sizeof buf)
        return perr(p, "cue needs a status", NULL);
    memcpy(buf, w, n);
    buf[n] = '\0';
    if (kg_status_parse(&st, buf) != KG_OK)
        return perr(p, "cue status must be holds, ended, negated or "
                       "reported:", buf);
    cue.status = st;
    s = skip_ws(s, e);
    cue.before = 0;
    cue.clause = 0;
    if (e - s >= 6 && memcmp(s, "clause", 6) == 0) {
        cue.wide = 0;
        cue.clause = 1;
        s += 6;
    } else if (e - s >= 6 && memcmp(s, "before", 6) == 0) {
        cue.wide = 0;
        cue.before = 1;
        s += 6;
    } else if (e - s >= 4 && memcmp(s, "near", 4) == 0) {
        cue.wide = 0;
        s += 4;
    } else if (e - s >= 8 && memcmp(s, "sentence", 8) == 0) {
        cue.wide = 1;
        s += 8;
    } else {
        return perr(p, "cue scope must be 'near', 'before', 'clause' or "
                       "'sentence'", NULL);
    }
    s = skip_ws(s, e);
    cue.also = 0;
    if (e - s >= 5 && memcmp(s, "also", 4) == 0 &&
        (s[4] == ' ' || s[4] == '\t' || s[4] == ':')) {
        cue.also = 1;
        s = skip_ws(s + 4, e);
    }
    cue.rels = 0;
    while (s < e && *s != ':') {
        /* optional relation names the cue is limited to */
        char rb[32];
        kg_relation rel;
        if (!(s = list_word(s, e, rb, sizeof rb)))
            return perr(p, "cue needs ': phrases'", NULL);
        if (kg_relation_parse(&rel, rb) != KG_OK)
            return perr(p, "unknown relation", rb);
        cue.rels |= 1u << rel;
    }
    if (s >= e || *s != ':')
        return perr(p, "cue needs ': phrases'", NULL);
    snprintf(key, sizeof key, "=cue:%lu", (unsigned long)ex->cuev.n);
    if ((rc = class_get(p, key, strlen(key), &cue.cls)) != KG_OK)
        return rc;
    if ((rc = class_add(p, cue.cls, s + 1, e)) != KG_OK)
        return rc;
    cp = kg_extract__vec_push(&ex->cuev, sizeof *cp);
    if (!cp)
        return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    *cp = cue;
    return KG_OK;
}

/* "deal RELATION,... [hedged] [event] : nouns" */
static int parse_deal(parse_ctx *p, const char *s, const char *e)
{
    kg_extractor *ex = p->ex;
    char key[48];
    ex_dealnoun d;
    ex_dealnoun *dp;
    uint32_t all;
    int rc;
    memset(&d, 0, sizeof d);
    while (s < e && *s != ':') {
        char rb[32];
        kg_relation rel;
        if (!(s = list_word(s, e, rb, sizeof rb)))
            return perr(p, "deal needs ': nouns'", NULL);
        if (strcmp(rb, "hedged") == 0)
            d.hedged = 1;
        else if (strcmp(rb, "event") == 0)
            d.event = 1;
        else if (kg_relation_parse(&rel, rb) != KG_OK)
            return perr(p, "unknown relation", rb);
        else
            d.rels |= 1u << rel;
    }
    if (s >= e || *s != ':' || !d.rels)
        return perr(p, "deal needs relations and ': nouns'", NULL);
    snprintf(key, sizeof key, "=deal:%lu", (unsigned long)ex->dealv.n);
    if ((rc = class_get(p, key, strlen(key), &d.cls)) != KG_OK ||
        (rc = class_add(p, d.cls, s + 1, e)) != KG_OK)
        return rc;
    /* every deal noun is also in one class, for a one-bit test */
    if ((rc = class_get(p, "=deal:all", 9, &all)) != KG_OK ||
        (rc = class_add(p, all, s + 1, e)) != KG_OK)
        return rc;
    ex->deal_all = all;
    ex->deal_rels |= d.rels;
    if (d.event)
        ex->deal_events |= d.rels;
    dp = kg_extract__vec_push(&ex->dealv, sizeof *dp);
    if (!dp)
        return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    *dp = d;
    return KG_OK;
}

/* "recall ID STATUS [RELATION,...] : PATTERN" with one D */
static int parse_recall(parse_ctx *p, const char *s, const char *e)
{
    kg_extractor *ex = p->ex;
    const char *colon = NULL, *q, *w;
    char buf[160];
    ex_recall r;
    ex_recall *rp;
    kg_status st;
    size_t n;
    int rc, nd = 0;

    memset(&r, 0, sizeof r);
    for (q = s; q < e; q++)
        if (*q == ':' && (q + 1 == e || q[1] == ' ' || q[1] == '\t')) {
            colon = q;
            break;
        }
    if (!colon)
        return perr(p, "recall needs ': PATTERN'", NULL);
    w = s;
    while (s < colon && *s != ' ' && *s != '\t')
        s++;
    if (s == w || (size_t)(s - w) + 8 >= sizeof buf)
        return perr(p, "recall needs an id", NULL);
    snprintf(buf, sizeof buf, "memory:%.*s", (int)(s - w), w);
    if (!(r.id = kg_pool_strndup(&ex->pool, buf, strlen(buf))))
        return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    s = skip_ws(s, colon);
    w = s;
    while (s < colon && *s != ' ' && *s != '\t')
        s++;
    n = (size_t)(s - w);
    if (n == 0 || n >= 32)
        return perr(p, "recall needs a status", NULL);
    memcpy(buf, w, n);
    buf[n] = '\0';
    if (kg_status_parse(&st, buf) != KG_OK)
        return perr(p, "unknown status", buf);
    r.status = st;
    s = skip_ws(s, colon);
    if (colon - s >= 4 && memcmp(s, "also", 4) == 0 &&
        (s + 4 == colon || s[4] == ' ' || s[4] == '\t')) {
        r.also = 1;
        s = skip_ws(s + 4, colon);
    }
    while (s < colon) {
        /* optional relation names the recall is limited to */
        const char *rw = s;
        kg_relation rel;
        while (s < colon && *s != ' ' && *s != '\t' && *s != ',')
            s++;
        if ((size_t)(s - rw) >= 32)
            return perr(p, "unknown relation", NULL);
        memcpy(buf, rw, (size_t)(s - rw));
        buf[s - rw] = '\0';
        if (kg_relation_parse(&rel, buf) != KG_OK)
            return perr(p, "unknown relation", buf);
        r.rels |= 1u << rel;
        while (s < colon && (*s == ',' || *s == ' ' || *s == '\t'))
            s++;
    }
    s = skip_ws(colon + 1, e);
    {
        const char *pe = e;
        while (pe > s && (pe[-1] == ' ' || pe[-1] == '\t' ||
                          pe[-1] == '\r' || pe[-1] == '\n'))
            pe--;
        r.pattern = kg_pool_strndup(&ex->pool, s, (size_t)(pe - s));
        if (!r.pattern)
            return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    }
    r.el_first = (uint32_t)ex->elemv.n;
    while (s < e) {
        ex_elem el;
        ex_elem *ep;
        int named;
        w = s;
        while (s < e && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            s++;
        n = (size_t)(s - w);
        s = skip_ws(s, e);
        memset(&el, 0, sizeof el);
        if (n > 1 && w[n - 1] == '?') {
            el.optional = 1;
            n--;
        }
        if (n >= sizeof buf)
            return perr(p, "pattern word too long", NULL);
        memcpy(buf, w, n);
        buf[n] = '\0';
        if (buf[0] == '^')
            return perr(p, "a recall has no trigger mark: D is its anchor",
                        NULL);
        if (n == 1 && buf[0] == 'D') {
            if (el.optional)
                return perr(p, "D cannot be optional", NULL);
            el.type = EL_DEAL;
            r.deal = r.el_n;
            nd++;
        } else if (n == 1 && buf[0] == 'S') {
            /* the firm whose deal D is ("Mittal launched its bid") */
            if (el.optional || r.subj)
                return perr(p, "a recall takes one S, not optional", NULL);
            el.type = EL_SLOT;
            el.slot = 0;
            r.subj = 1;
        } else if ((rc = parse_elem(p, buf, n, 0, &el, &named)) != KG_OK) {
            return rc;
        }
        if (!(ep = kg_extract__vec_push(&ex->elemv, sizeof *ep)))
            return kg_error_set(p->err, KG_ENOMEM, "out of memory");
        *ep = el;
        r.el_n++;
    }
    if (nd != 1)
        return perr(p, "a recall pattern needs exactly one D", NULL);
    rp = kg_extract__vec_push(&ex->recallv, sizeof *rp);
    if (!rp)
        return kg_error_set(p->err, KG_ENOMEM, "out of memory");
    *rp = r;
    return KG_OK;
}

static int parse_directive(parse_ctx *p, const char *s, const char *e)
{
    s = skip_ws(s, e);
    if (s == e)
        return KG_OK;
    if (e - s > 6 && memcmp(s, "class", 5) == 0 && (s[5] == ' ' ||
                                                    s[5] == '\t'))
        return parse_class(p, skip_ws(s + 5, e), e);
    if (e - s > 5 && memcmp(s, "rule", 4) == 0 && (s[4] == ' ' ||
                                                   s[4] == '\t'))
        return parse_rule(p, skip_ws(s + 4, e), e);
    if (e - s > 4 && memcmp(s, "cue", 3) == 0 && (s[3] == ' ' ||
                                                  s[3] == '\t'))
        return parse_cue(p, skip_ws(s + 3, e), e);
    if (e - s > 5 && memcmp(s, "deal", 4) == 0 && (s[4] == ' ' ||
                                                   s[4] == '\t'))
        return parse_deal(p, skip_ws(s + 4, e), e);
    if (e - s > 7 && memcmp(s, "recall", 6) == 0 && (s[6] == ' ' ||
                                                     s[6] == '\t'))
        return parse_recall(p, skip_ws(s + 6, e), e);
    {
        char w[32];
        size_t n = 0;
        while (s + n < e && n < sizeof w - 1 && s[n] != ' ' && s[n] != '\t')
            n++;
        memcpy(w, s, n);
        w[n] = '\0';
        return perr(p, "unknown directive (class, rule, cue, deal, "
                       "recall):", w);
    }
}

int kg_extract__rules_load(kg_extractor *ex, const char *text, size_t len,
                           const char *file, kg_error *err)
{
    parse_ctx p;
    const char *s = text, *e = text + len;
    kg_buf logical = KG_BUF_INIT;
    long start_line = 0;
    int rc = KG_OK;

    p.ex = ex;
    p.file = file;
    p.err = err;
    p.line = 0;
    if (!kg_utf8_valid(text, len)) {
        p.line = 1;
        return perr(&p, "not valid UTF-8", NULL);
    }
    /* join continuation lines, strip comments, one directive at a time */
    while (s < e || logical.len) {
        const char *nl = s, *ce;
        long this_line = p.line + 1;
        int cont;
        if (s >= e) {
            p.line = start_line;
            rc = parse_directive(&p, logical.ptr, logical.ptr + logical.len);
            kg_buf_clear(&logical);
            break;
        }
        nl = memchr(s, '\n', (size_t)(e - s));
        if (!nl)
            nl = e;
        p.line = this_line;
        ce = memchr(s, '#', (size_t)(nl - s));
        if (!ce)
            ce = nl;
        cont = (s < nl && (*s == ' ' || *s == '\t'));
        if (!cont || !logical.len) {
            /* a new directive begins (or a blank/comment line) */
            const char *t = skip_ws(s, ce);
            if (t < ce) {
                if (cont && !logical.len) {
                    rc = perr(&p, "continuation line without a directive",
                              NULL);
                    break;
                }
                if (logical.len) {
                    long save = p.line;
                    p.line = start_line;
                    rc = parse_directive(&p, logical.ptr,
                                         logical.ptr + logical.len);
                    p.line = save;
                    kg_buf_clear(&logical);
                    if (rc != KG_OK)
                        break;
                }
                start_line = this_line;
                if (kg_buf_put(&logical, t, (size_t)(ce - t)) != KG_OK) {
                    rc = kg_error_set(err, KG_ENOMEM, "out of memory");
                    break;
                }
            }
        } else {
            if (kg_buf_putc(&logical, ' ') != KG_OK ||
                kg_buf_put(&logical, s, (size_t)(ce - s)) != KG_OK) {
                rc = kg_error_set(err, KG_ENOMEM, "out of memory");
                break;
            }
        }
        s = nl < e ? nl + 1 : e;
    }
    kg_buf_release(&logical);
    return rc;
}
