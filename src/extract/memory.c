/*
 * memory.c: the deal memory of one article.
 *
 * News often tells the fate of a deal in a later sentence that names no
 * firm: "Kraft made a $4bn offer for Cadbury.  ...  The offer was
 * withdrawn on Tuesday."  Each sentence's deal triples (the relations of
 * the "deal" directives of rules.txt) are remembered with the deal nouns
 * the sentence used ("offer", "talks").  A later sentence whose words fit
 * a "recall" pattern around a definite reference to a deal ("the offer",
 * "those talks", "Kraft's bid", "the proposed merger of X and Y") emits
 * the remembered triple again with the pattern's status, the later
 * sentence as evidence and "memory:ID" as rule.
 *
 * Which deal a reference picks: the most recent remembered one whose
 * relation the noun can name ("the bid": an acquisition, a merger or a
 * stake; "the talks": a tie told as talks, or one whose sentence said
 * "talks") and which contains every firm the reference names ("Kraft's
 * bid", "the deal with Apple").  If that most recent sentence holds two
 * different pairs, the reference is ambiguous and nothing is emitted.  A
 * sentence that introduces a deal with "a"/"an" and yields no triple for
 * it ("signed a deal with an unnamed supplier") is remembered as a deal
 * without firms: a later generic reference finds it first and gives
 * nothing.  Words inside quotation marks neither add to the memory nor
 * refer to it.  The memory lives as long as the article (ex_scratch).
 *
 * Cost: a sentence without a deal noun is one bit test per token, and
 * nothing at all while the article has no deal in memory.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "kg/vocab.h"

enum { MEM_MAX = 48, REF_CONS = 4, REF_MODS = 6, REF_MAX = 8 };
#define NOCLS UINT32_MAX

/* A reference to a deal: "the $4bn bid for Cadbury". */
typedef struct dref {
    uint32_t a, b;          /* tokens [a, b) */
    uint32_t head;          /* first token of the deal noun */
    int group;              /* its deal directive */
    int indef;              /* "a bid": a new deal, no reference */
    int loose;              /* "an offer of free games", "an offer to
                             * staff": indefinite and not about firms */
    int32_t cons[REF_CONS]; /* firms it names ("Kraft's bid") */
    int ncons;
} dref;

/* Matching one recall pattern around one reference. */
typedef struct mctx {
    const ex_scratch *sc;
    const ex_sent *s;
    const ex_elem *el;
    uint32_t el_n;
    int64_t lo, hi; /* matched tokens [lo, hi) */
    int32_t subj;   /* the entity an S element matched, or -1 */
} mctx;

/*
 * Length in tokens of the longest phrase of class cls that starts at
 * token pos (dir > 0) or ends there (dir < 0) inside sentence s; 0 if
 * none.  *value gets the phrase's value.
 */
static uint32_t phrase_at(const ex_scratch *sc, const ex_sent *s,
                          uint32_t cls, int64_t pos, int dir,
                          const char **value)
{
    if (cls == NOCLS)
        return 0;
    return ex_class_at(sc, cls, pos, dir, s->t0, s->t1, value);
}

static int tok_is(const ex_scratch *sc, uint32_t i, const char *w)
{
    return ex_tok_is(sc, &EX_AT(sc->toks, ex_tok, i), w);
}

/*
 * Which tokens of sentence s are inside a quotation: an odd number of
 * '"' before the token, or none before and an odd number after it (the
 * sentence ends a quotation opened in an earlier one).  One byte per
 * token in sc->memq, computed once per sentence.
 */
static int quotes(ex_scratch *sc, const ex_sent *s)
{
    uint32_t i, n = s->t1 - s->t0, before = 0, total = 0;
    uint8_t *q;
    sc->memq.n = 0;
    if (n > sc->memq.cap) {
        /* one byte per token: room for the sentence at once */
        void *p = realloc(sc->memq.ptr, n);
        if (!p)
            return KG_ENOMEM;
        sc->memq.ptr = p;
        sc->memq.cap = n;
    }
    sc->memq.n = n;
    q = sc->memq.ptr;
    for (i = 0; i < n; i++) {
        const ex_tok *t = &EX_AT(sc->toks, ex_tok, s->t0 + i);
        q[i] = (t->flags & TF_PUNCT) && ex_norm(sc, t)[0] == '"';
        total += q[i];
    }
    for (i = 0; total && i < n; i++) {
        uint8_t isq = q[i];
        q[i] = (before & 1) || (!before && ((total - before) & 1));
        before += isq;
    }
    return KG_OK;
}

static int in_quote(const ex_scratch *sc, const ex_sent *s, uint32_t p)
{
    return ((const uint8_t *)sc->memq.ptr)[p - s->t0];
}
/* in_quote, the sentence's quotes found at the first ask (most sentences
 * never ask: no deal noun, no deal of their own); -1 out of memory */
static int quoted(ex_scratch *sc, const ex_sent *s, uint32_t p, int *done)
{
    if (!*done) {
        if (quotes(sc, s) != KG_OK)
            return -1;
        *done = 1;
    }
    return in_quote(sc, s, p);
}

/* The deal directive whose noun ends at token pos (longest), or -1. */
static int deal_at(const ex_scratch *sc, const ex_sent *s, uint32_t pos,
                   uint32_t *len)
{
    const kg_extractor *ex = sc->ex;
    uint32_t best = 0, n;
    size_t g;
    int bg = -1;
    /* every deal noun is in deal_all: one look tells most words apart */
    if (!phrase_at(sc, s, ex->deal_all, pos, -1, NULL)) {
        *len = 0;
        return -1;
    }
    for (g = 0; g < ex->dealv.n; g++) {
        n = phrase_at(sc, s, EX_AT(ex->dealv, ex_dealnoun, g).cls, pos, -1,
                      NULL);
        if (n > best) {
            best = n;
            bg = (int)g;
        }
    }
    *len = best;
    return bg;
}

static void add_cons(dref *r, int32_t ent)
{
    int k;
    for (k = 0; k < r->ncons; k++)
        if (r->cons[k] == ent)
            return;
    if (r->ncons < REF_CONS)
        r->cons[r->ncons++] = ent;
}

/*
 * The reference whose deal noun (group g, hlen tokens) ends at token
 * end: a determiner of class dealdet ("the", "those"; value "new" for
 * "a", "an") or a possessive ("Kraft's", "its"), up to REF_MODS modifier
 * tokens ("proposed $4bn", a firm's name; stop words only of class
 * dealmod: "that first approach"; none of class dealother: "a rival bid"
 * is another deal), the noun, and a phrase of
 * class dealprep with firms ("for Cadbury", "between X and Y").  Returns
 * 0 if the noun is no such reference ("talks" as a verb, "the offer of
 * free games").
 */
static int find_ref(const ex_scratch *sc, const ex_sent *s, uint32_t end,
                    uint32_t hlen, int g, uint32_t det, uint32_t prep,
                    uint32_t other, uint32_t mod, dref *r)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_ment *mv = sc->ments.ptr;
    int64_t p = (int64_t)end - (int64_t)hlen;
    uint32_t q;
    int mods = 0, again = 0;
    memset(r, 0, sizeof *r);
    r->head = end + 1 - hlen;
    r->group = g;
    for (q = r->head; q <= end; q++)
        if (sc->mcov[q - s->t0] >= 0)
            return 0;
    for (;;) {
        const ex_tok *t;
        const char *v = NULL;
        int32_t mi;
        if (p < (int64_t)s->t0)
            return 0;
        t = &tk[p];
        mi = sc->mcov[p - s->t0];
        if (mi >= 0 && mv[mi].src == MS_COREF && mv[mi].b == mv[mi].a + 1 &&
            (ex_tok_is(sc, t, "his") || ex_tok_is(sc, t, "her"))) {
            /* "rejected his offer": the pronoun is the determiner */
            add_cons(r, mv[mi].ent);
            r->a = (uint32_t)p;
            break;
        }
        if (mi >= 0) {
            /* "the Kraft bid": a firm's name before the noun */
            add_cons(r, mv[mi].ent);
            p = (int64_t)mv[mi].a - 1;
            if (++mods > REF_MODS)
                return 0;
            continue;
        }
        if (ex_tok_is(sc, t, "'s")) {
            /* "Kraft's bid", "its offer" */
            if (p == (int64_t)s->t0)
                return 0;
            mi = sc->mcov[p - 1 - s->t0];
            if (mi >= 0) {
                add_cons(r, mv[mi].ent);
                r->a = mv[mi].a;
            } else if (tok_is(sc, (uint32_t)p - 1, "it")) {
                r->a = (uint32_t)p - 1;
            } else {
                return 0;
            }
            break;
        }
        if (phrase_at(sc, s, det, p, -1, &v) == 1) {
            r->a = (uint32_t)p;
            r->indef = v && strcmp(v, "new") == 0 && !again;
            break;
        }
        /* "an earlier proposal" is the deal told before */
        if (phrase_at(sc, s, mod, p, -1, &v) == 1 && v &&
            strcmp(v, "again") == 0)
            again = 1;
        /* "the original agreement", "a rival bid": another deal */
        if (phrase_at(sc, s, other, p, -1, NULL))
            return 0;
        if (t->flags & TF_PUNCT) {
            unsigned char c0 = (unsigned char)ex_norm(sc, t)[0];
            if (c0 < 0x80 && !strchr("$%-.", c0))
                return 0;
        } else if ((t->wflags & WF_STOP) &&
                   !phrase_at(sc, s, mod, p, -1, NULL)) {
            return 0;
        }
        if (++mods > REF_MODS)
            return 0;
        p--;
    }
    r->b = end + 1;
    if (r->b < s->t1 && phrase_at(sc, s, prep, r->b, 1, NULL) == 1) {
        int32_t mi;
        q = r->b + 1;
        if (q < s->t1 && (mi = sc->mstart[q - s->t0]) >= 0) {
            /* "the merger of X and Y", "the deal with Apple" */
            for (;;) {
                add_cons(r, mv[mi].ent);
                q = mv[mi].b;
                if (q + 1 < s->t1 &&
                    (tok_is(sc, q, "and") || tok_is(sc, q, ",")) &&
                    (mi = sc->mstart[q + 1 - s->t0]) >= 0) {
                    q++;
                    continue;
                }
                break;
            }
            r->b = q;
        } else if (q < s->t1 && !(tk[q].flags & TF_NUM) &&
                   !(tk[q].flags & TF_PUNCT)) {
            /* "the offer of free games", "a deal with a supplier" are
             * not about a deal between named firms */
            if (!r->indef)
                return 0;
            r->loose = 1;
        }
    }
    /* "an offer to staff" */
    if (r->indef && r->b == end + 1 && r->b < s->t1 &&
        (tok_is(sc, r->b, "to") || tok_is(sc, r->b, "of")) &&
        sc->mcov[r->b + 1 < s->t1 ? r->b + 1 - s->t0 : r->b - s->t0] < 0)
        r->loose = 1;
    return 1;
}

/* A token a "~N" gap may cross. */
static int gap_tok(const mctx *c, int64_t pos, int commas)
{
    const ex_tok *t;
    if (pos < (int64_t)c->s->t0 || pos >= (int64_t)c->s->t1 ||
        c->sc->mcov[pos - c->s->t0] >= 0)
        return 0;
    t = &EX_AT(c->sc->toks, ex_tok, pos);
    if (t->wflags & WF_NOGAP)
        return 0;
    if (t->flags & TF_PUNCT)
        return strchr(commas ? "$%-," : "$%-", ex_norm(c->sc, t)[0]) !=
                   NULL ||
               (unsigned char)ex_norm(c->sc, t)[0] >= 0x80;
    return 1;
}

static int m_fwd(mctx *c, uint32_t k, int64_t pos)
{
    const ex_elem *e;
    if (k == c->el_n) {
        c->hi = pos;
        return 1;
    }
    e = &c->el[k];
    if (e->type == EL_CLASS) {
        uint32_t n = phrase_at(c->sc, c->s, e->cls, pos, 1, NULL);
        if (n && m_fwd(c, k + 1, pos + n))
            return 1;
    } else if (e->type == EL_ANY || e->type == EL_SLOT) {
        int32_t mi = pos < (int64_t)c->s->t1
                         ? c->sc->mstart[pos - c->s->t0] : -1;
        if (mi >= 0) {
            int32_t was = c->subj;
            if (e->type == EL_SLOT)
                c->subj = EX_AT(c->sc->ments, ex_ment, mi).ent;
            if (m_fwd(c, k + 1, EX_AT(c->sc->ments, ex_ment, mi).b))
                return 1;
            c->subj = was;
        }
    } else if (e->type == EL_GAP) {
        uint32_t g;
        for (g = 0; g <= e->cls; g++) {
            if (m_fwd(c, k + 1, pos + g))
                return 1;
            if (!gap_tok(c, pos + g, e->commas))
                break;
        }
        return 0;
    }
    return e->optional ? m_fwd(c, k + 1, pos) : 0;
}

static int m_bwd(mctx *c, int64_t k, int64_t pos)
{
    const ex_elem *e;
    if (k < 0) {
        c->lo = pos + 1;
        return 1;
    }
    e = &c->el[k];
    if (e->type == EL_CLASS) {
        uint32_t n = phrase_at(c->sc, c->s, e->cls, pos, -1, NULL);
        if (n && m_bwd(c, k - 1, pos - n))
            return 1;
    } else if (e->type == EL_ANY || e->type == EL_SLOT) {
        int32_t mi = pos >= (int64_t)c->s->t0
                         ? c->sc->mend[pos - c->s->t0] : -1;
        if (mi >= 0) {
            int32_t was = c->subj;
            if (e->type == EL_SLOT)
                c->subj = EX_AT(c->sc->ments, ex_ment, mi).ent;
            if (m_bwd(c, k - 1,
                      (int64_t)EX_AT(c->sc->ments, ex_ment, mi).a - 1))
                return 1;
            c->subj = was;
        }
    } else if (e->type == EL_GAP) {
        uint32_t g;
        for (g = 0; g <= e->cls; g++) {
            if (m_bwd(c, k - 1, pos - (int64_t)g))
                return 1;
            if (!gap_tok(c, pos - (int64_t)g, e->commas))
                break;
        }
        return 0;
    }
    return e->optional ? m_bwd(c, k - 1, pos) : 0;
}

/*
 * The deal directives whose nouns can name relation rel.  The relations
 * of "event" directives (acquisitions, mergers, lawsuits) are deals
 * whatever words tell them ("agreed to buy"), so they need no noun; a
 * stake, a partnership or a supply tie is a
 * state, a deal only when a noun near its trigger word named it so ("took
 * a stake", "a joint venture", "a supply contract"): "Renault, which owns
 * 36 percent of Nissan" is no deal a later "the offer" can mean.
 */
static uint32_t deal_nouns(const kg_extractor *ex, int rel)
{
    uint32_t mask = 0;
    size_t h;
    for (h = 0; h < ex->dealv.n && h < 32; h++)
        if ((EX_AT(ex->dealv, ex_dealnoun, h).rels >> (unsigned)rel) & 1)
            mask |= 1u << h;
    return mask;
}

/* Does remembered deal m fit reference r? */
static int fits(const kg_extractor *ex, const ex_mem *m, const dref *r)
{
    const ex_dealnoun *g = &EX_AT(ex->dealv, ex_dealnoun, r->group);
    int k;
    if (m->s < 0) {
        /* a deal without firms hides older ones from a reference at
         * least as broad as its noun ("a supply deal" / "the deal") */
        size_t h;
        if (r->ncons)
            return 0;
        for (h = 0; h < ex->dealv.n && h < 32; h++) {
            unsigned hr = EX_AT(ex->dealv, ex_dealnoun, h).rels;
            if (((m->named >> h) & 1) && (g->rels & hr) == hr)
                return 1;
        }
        return 0;
    }
    if (!((g->rels >> (unsigned)m->relation) & 1))
        return 0;
    if (!((ex->deal_events >> (unsigned)m->relation) & 1) &&
        !(m->near & deal_nouns(ex, m->relation)))
        return 0;
    if (g->hedged && m->status != KG_STATUS_REPORTED &&
        !((m->named >> (unsigned)r->group) & 1))
        return 0;
    for (k = 0; k < r->ncons; k++)
        if (r->cons[k] != m->s && r->cons[k] != m->o)
            return 0;
    return 1;
}

/* Do the remembered deals mem[cand[0 .. n)] tie one pair? */
static int one_pair(const ex_mem *mem, const size_t *cand, size_t n)
{
    size_t i;
    for (i = 1; i < n; i++) {
        const ex_mem *a = &mem[cand[0]], *b = &mem[cand[i]];
        if (!((a->s == b->s && a->o == b->o) ||
              (a->s == b->o && a->o == b->s)))
            return 0;
    }
    return 1;
}

/*
 * Did this sentence's own rules already tie m's pair by its relation with
 * this status?  ("withdrew after its offers were turned down": the
 * sentence ends the tie, the reference adds the rejection.)
 */
static int told_here(const ex_mem *m, int status, const ex_out *outs,
                     size_t nouts)
{
    size_t i;
    for (i = 0; i < nouts; i++)
        if (outs[i].relation == m->relation && outs[i].status == status &&
            ((outs[i].s == m->s && outs[i].o == m->o) ||
             (outs[i].s == m->o && outs[i].o == m->s)))
            return 1;
    return 0;
}

/* Emit remembered deal m with status (that of recall rule rr, or the
 * one its "also" adds). */
static int emit_recall(ex_scratch *sc, uint32_t si, const ex_mem *m,
                       const ex_recall *rr, int status, const dref *r,
                       const mctx *c, kg_triple_cb cb, void *payload)
{
    const ex_sent *s = &EX_AT(sc->sents, ex_sent, si);
    const ex_tok *tk = sc->toks.ptr;
    kg_triple t;
    kg_explain why;
    int fresh = 0, rc;
    kg_triple_init(&t);
    t.doc = sc->doc->id ? sc->doc->id : "";
    t.subject = EX_AT(sc->ents, ex_ent, m->s).name;
    t.subject_kind = (kg_kind)m->s_kind;
    t.relation = (kg_relation)m->relation;
    t.object = EX_AT(sc->ents, ex_ent, m->o).name;
    t.object_kind = (kg_kind)m->o_kind;
    t.status = (kg_status)status;
    t.date = kg_extract__sentence_date(sc, s, r->head, (uint32_t)c->lo,
                                       (uint32_t)c->hi, -1, -1);
    t.confidence = floor(m->conf * 0.9 * 100 + 0.5) / 100;
    t.rule = rr->id;
    t.span_start = s->b0;
    t.span_end = s->b1;
    t.amount = m->amount;
    t.stake = m->stake;
    kg_triple_canonicalize(&t);
    rc = kg_extract__seen_put(sc, &t, &fresh);
    if (rc != KG_OK || !fresh)
        return rc;
    t.evidence = kg_pool_strndup(&sc->pool, sc->doc->text + s->b0,
                                 s->b1 - s->b0);
    if (!t.evidence)
        return KG_ENOMEM;
    memset(&why, 0, sizeof why);
    if (sc->flags & KG_EXTRACT_EXPLAIN) {
        kg_buf b = KG_BUF_INIT;
        const ex_ent *es = &EX_AT(sc->ents, ex_ent, m->s);
        const ex_ent *eo = &EX_AT(sc->ents, ex_ent, m->o);
        int ok = kg_buf_printf(
                     &b, "status from sentence %lu, '%.*s' -> %s %s %s, "
                     "sentence %lu",
                     (unsigned long)si + 1,
                     (int)(tk[r->b - 1].end - tk[r->a].start),
                     sc->doc->text + tk[r->a].start, es->name,
                     kg_relation_name((kg_relation)m->relation), eo->name,
                     (unsigned long)m->sent + 1) == KG_OK;
        why.trigger = ok ? kg_pool_strndup(&sc->pool, b.ptr, b.len) : NULL;
        kg_buf_release(&b);
        if (!why.trigger)
            return KG_ENOMEM;
        why.sentence = t.evidence;
        why.pattern = rr->pattern;
    }
    /* a merger waits for the article's end: it may be an acquisition */
    if (t.relation == KG_REL_MERGED_WITH)
        return kg_extract__hold_merger(
            sc, &t, (sc->flags & KG_EXTRACT_EXPLAIN) ? &why : NULL);
    return cb(&t, (sc->flags & KG_EXTRACT_EXPLAIN) ? &why : NULL, payload);
}

/*
 * Emit "c->subj acquired m's target" with the status of recall rr: a
 * rival bid for the firm remembered deal m is buying.  Nothing if the
 * firm is a party to m.
 */
static int rival(ex_scratch *sc, uint32_t si, const ex_mem *m,
                 const ex_recall *rr, const dref *r, const mctx *c,
                 kg_triple_cb cb, void *payload)
{
    const ex_ent *e = &EX_AT(sc->ents, ex_ent, c->subj);
    ex_mem t;
    if (m->relation != KG_REL_ACQUIRED || m->s < 0 || c->subj == m->s ||
        c->subj == m->o || (e->kind >= 0 && e->kind != KG_KIND_ORG &&
                            e->kind != KG_KIND_PERSON))
        return KG_OK;
    t = *m;
    t.s = c->subj;
    t.s_kind = e->kind >= 0 ? e->kind : KG_KIND_ORG;
    t.amount = NULL;
    t.stake = 0;
    return emit_recall(sc, si, &t, rr, rr->status, r, c, cb, payload);
}

/* Does the current sentence name one of m's firms? */
static int touches(const ex_scratch *sc, const ex_mem *m)
{
    size_t i;
    for (i = 0; i < sc->ments.n; i++) {
        int32_t e = EX_AT(sc->ments, ex_ment, i).ent;
        if (e == m->s || e == m->o)
            return 1;
    }
    return 0;
}

/*
 * The remembered deals reference r means, for a recall limited to the
 * relations rels (0: any): their indices into cand.  Returns -1 if no
 * deal fits, 0 if the most recent fitting one gives nothing (ambiguous,
 * or a deal without named firms), else 1.
 */
static int resolve(const ex_scratch *sc, uint32_t si, const dref *r,
                   unsigned rels, int32_t subj, int status, size_t *cand,
                   size_t *ncand)
{
    const kg_extractor *ex = sc->ex;
    const ex_mem *mem = sc->mem.ptr;
    int64_t best = -1;
    size_t i, n = 0;
    int near = 0, avoid;
    /* a deal that closes is not a bid only turned away or ended, never
     * agreed ("agreed to be acquired by Actavis, escaping a hostile
     * takeover attempt by Valeant ... Valeant would not raise its offer
     * ... after the deal closes"), while another deal fits */
    unsigned away = status == KG_STATUS_HOLDS
                        ? (1u << KG_STATUS_NEGATED) | (1u << KG_STATUS_ENDED)
                        : 0;
#define FITS(m)                                                          \
    (fits(ex, (m), r) && !((m)->sent == si && (m)->pos >= r->a) &&       \
     (!rels || (m)->s < 0 || ((rels >> (unsigned)(m)->relation) & 1)) && \
     (subj < 0 || (m)->s == subj) && (!near || touches(sc, (m))) &&    \
     (!avoid || !((m)->told & away) ||                                  \
      ((m)->told >> KG_STATUS_HOLDS) & 1))
    /* the most recent sentence with a deal that fits; a deal of this
     * sentence only if told before the reference ("dismissed the
     * proposal, joking that he would buy Twitter" is not about Twitter).
     * A deal of a firm the sentence names comes first ("the end of the
     * deal was a relief for Bell Atlantic shareholders" is about Bell
     * Atlantic's deal, not a venture of two other firms told since). */
    for (avoid = away != 0; avoid >= 0 && best < 0; avoid--)
        for (near = 1; near >= 0 && best < 0; near--)
            for (i = 0; i < sc->mem.n; i++)
                if ((int64_t)mem[i].sent > best && FITS(&mem[i]))
                    best = mem[i].sent;
    near++;
    avoid++;
    if (best < 0)
        return -1;
    for (i = 0; i < sc->mem.n; i++)
        if ((int64_t)mem[i].sent == best && FITS(&mem[i])) {
            if (mem[i].s < 0)
                return 0; /* a deal without named firms */
            cand[n++] = i;
        }
#undef FITS
    /* two pairs: the one whose own words were the noun ("raised its
     * offer for Time", not "Time's deal to buy Warner"), else nothing */
    if (!one_pair(mem, cand, n)) {
        size_t kept = 0;
        for (i = 0; i < n; i++)
            if ((mem[cand[i]].near >> (unsigned)r->group) & 1)
                cand[kept++] = cand[i];
        n = kept;
        if (!n || !one_pair(mem, cand, n))
            return 0;
    }
    *ncand = n;
    return 1;
}

/*
 * Recall rules at reference r, in file order: the first whose pattern
 * matches and whose relations some remembered deal has decides.  Returns
 * KG_OK, KG_ENOMEM or the callback's value.
 */
static int recall_at(ex_scratch *sc, uint32_t si, const dref *r,
                     uint32_t neg, const ex_out *outs,
                     size_t nouts, kg_triple_cb cb, void *payload)
{
    const kg_extractor *ex = sc->ex;
    const ex_sent *s = &EX_AT(sc->sents, ex_sent, si);
    ex_mem *mem = sc->mem.ptr;
    size_t i, k, cand[MEM_MAX], ncand = 0;
    int64_t p;
    int got = -1;
    mctx c;
    const ex_recall *rr = NULL;
    ex_clsset has;

    /* the classes of the sentence's words: a recall that needs a word of
     * a class none of them is in is not tried */
    memset(&has, 0, sizeof has);
    for (p = s->t0; p < s->t1; p++)
        if (EX_AT(sc->toks, ex_tok, p).word >= 0)
            ex_clsset_or(&has,
                         &EX_AT(ex->wordv, ex_word,
                                EX_AT(sc->toks, ex_tok, p).word).clsmask);
    for (k = 0; k < ex->recallv.n && got < 0; k++) {
        rr = &EX_AT(ex->recallv, ex_recall, k);
        if (!ex_clsset_within(&rr->need, &has))
            continue;
        memset(&c, 0, sizeof c);
        c.subj = -1;
        c.sc = sc;
        c.s = s;
        c.el = &EX_AT(ex->elemv, ex_elem, rr->el_first);
        c.el_n = rr->el_n;
        /* "the terms of the deal were rejected": a D that starts the
         * pattern is its subject, not the noun after "of" */
        if (rr->deal == 0 && r->a > s->t0 && tok_is(sc, r->a - 1, "of"))
            continue;
        if (r->indef && (!rr->subj || r->loose))
            continue;
        if (!m_bwd(&c, (int64_t)rr->deal - 1, (int64_t)r->a - 1) ||
            !m_fwd(&c, rr->deal + 1, (int64_t)r->b))
            continue;
        /* "if the talks collapse", "has not rejected the bid"; in the
         * clause of the match only ("a rival offer could still emerge,
         * with HBOS mentioned as a possible bidder") */
        {
            int64_t from = s->t0;
            for (p = c.lo - 1; p > (int64_t)s->t0; p--)
                if (tok_is(sc, (uint32_t)p, ",") ||
                    tok_is(sc, (uint32_t)p, ";")) {
                    from = p + 1;
                    break;
                }
            for (p = from; p < c.lo; p++)
                if (phrase_at(sc, s, neg, p, 1, NULL))
                    return KG_OK;
        }
        got = resolve(sc, si, r, rr->rels, rr->subj ? c.subj : -1,
                      rr->status, cand, &ncand);
        /* a firm that is no party to the deal makes a rival bid for its
         * target ("Alcoa launched its bid" after "Rio agreed to buy
         * Alcan"): the story's acquisition, the first one in memory
         * ("Kraft sold its pizza arm to Nestle" told since is no bid
         * battle) */
        if (got < 0 && rr->subj && c.subj >= 0 &&
            resolve(sc, si, r, 1u << KG_REL_ACQUIRED, -1, rr->status, cand,
                    &ncand) >
                0) {
            const ex_mem *first = &mem[cand[0]];
            for (i = 0; !r->ncons && i < sc->mem.n; i++)
                if (mem[i].relation == KG_REL_ACQUIRED && mem[i].s >= 0 &&
                    mem[i].first < first->first)
                    first = &mem[i];
            return rival(sc, si, first, rr, r, &c, cb, payload);
        }
    }
    if (got <= 0)
        return KG_OK;
    /* this sentence's own rules gave one of them the status already
     * ("scrapped the merger with Warner" ends the merger, not the cash
     * purchase the sentence goes on to tell) */
    for (i = 0; i < ncand; i++)
        if (told_here(&mem[cand[i]], rr->status, outs, nouts))
            return KG_OK;
    for (i = 0; i < ncand; i++) {
        ex_mem *m = &mem[cand[i]];
        int rc;
        if (!((m->told >> rr->status) & 1)) {
            m->told |= 1u << (unsigned)rr->status;
            if ((rc = emit_recall(sc, si, m, rr, rr->status, r, &c, cb,
                                  payload)) != 0)
                return rc;
        }
        /* "the board rejected the earlier offer": an offer was made */
        if (rr->also && !((m->told >> KG_STATUS_REPORTED) & 1)) {
            m->told |= 1u << (unsigned)KG_STATUS_REPORTED;
            if ((rc = emit_recall(sc, si, m, rr, KG_STATUS_REPORTED, r, &c,
                                  cb, payload)) != 0)
                return rc;
        }
        /* named again: the most recent deal now */
        m->sent = si;
        m->named |= 1u << (unsigned)r->group;
    }
    return KG_OK;
}

/* Remember a deal; an older entry of the same tie is refreshed. */
static int remember(ex_scratch *sc, const ex_mem *m)
{
    ex_mem *mem = sc->mem.ptr, *slot;
    size_t i;
    for (i = 0; m->s >= 0 && i < sc->mem.n; i++)
        if (mem[i].s == m->s && mem[i].o == m->o &&
            mem[i].relation == m->relation) {
            mem[i].sent = m->sent;
            mem[i].pos = m->pos;
            mem[i].status = m->status;
            mem[i].named |= m->named;
            mem[i].near |= m->near;
            mem[i].told |= m->told;
            return KG_OK;
        }
    if (sc->mem.n >= MEM_MAX) {
        /* forget the deal named longest ago */
        size_t old = 0;
        for (i = 1; i < sc->mem.n; i++)
            if (mem[i].sent < mem[old].sent)
                old = i;
        mem[old] = *m;
        return KG_OK;
    }
    if (!(slot = kg_extract__vec_push(&sc->mem, sizeof *slot)))
        return KG_ENOMEM;
    *slot = *m;
    return KG_OK;
}

int kg_extract__memory(ex_scratch *sc, uint32_t si, const ex_out *outs,
                       size_t nouts, kg_triple_cb cb, void *payload)
{
    const kg_extractor *ex = sc->ex;
    const ex_sent *s = &EX_AT(sc->sents, ex_sent, si);
    const ex_tok *tk = sc->toks.ptr;
    uint32_t det, prep, neg, other, mod, i, named = 0, indef = 0, len;
    dref refs[REF_MAX];
    uint32_t npos[REF_MAX];
    int ngrp[REF_MAX];
    size_t nrefs = 0, nn = 0, k;
    int rc, asks, qdone = 0, q;

    if (!ex->dealv.n || (nouts == 0 && sc->mem.n == 0))
        return KG_OK;
    det = prep = neg = other = mod = NOCLS; /* set at the first deal noun */
    asks = (tk[s->t1 - 1].flags & TF_PUNCT) &&
           ex_norm(sc, &tk[s->t1 - 1])[0] == '?';
    /* the deal nouns of the sentence */
    for (i = s->t0; i < s->t1; i++) {
        int g;
        if (tk[i].word < 0 ||
            !ex_clsset_has(&EX_AT(ex->wordv, ex_word, tk[i].word).clsmask,
                           ex->deal_all) ||
            (g = deal_at(sc, s, i, &len)) < 0 || g >= 32)
            continue;
        if ((q = quoted(sc, s, i, &qdone)) != 0) {
            if (q < 0)
                return KG_ENOMEM;
            continue;
        }
        if (det == NOCLS) {
            det = ex->ecls[EC_DEALDET];
            prep = ex->ecls[EC_DEALPREP];
            neg = ex->ecls[EC_RECALLNOT];
            other = ex->ecls[EC_DEALOTHER];
            mod = ex->ecls[EC_DEALMOD];
        }
        /* "a stake in": the noun heads its phrase ("an investment
         * firm", "the offer price" name no deal) */
        if (i + 1 >= s->t1 || (tk[i + 1].flags & TF_PUNCT) ||
            (tk[i + 1].wflags & WF_STOP)) {
            named |= 1u << (unsigned)g;
            if (nn < REF_MAX) {
                npos[nn] = i;
                ngrp[nn++] = g;
            }
        }
        if (nrefs < REF_MAX &&
            find_ref(sc, s, i, len, g, det, prep, other, mod,
                     &refs[nrefs])) {
            /* "a bid" is a new deal; only a recall with S ("Hershey
             * was weighing a counter-offer") reads it */
            if (refs[nrefs].indef)
                indef |= 1u << (unsigned)g;
            nrefs++;
        }
    }
    /* this sentence's deals */
    for (k = 0; k < nouts; k++) {
        const ex_out *o = &outs[k];
        ex_mem m;
        if (o->relation < 0 ||
            !((ex->deal_rels >> (unsigned)o->relation) & 1))
            continue;
        if ((q = quoted(sc, s, o->pos, &qdone)) != 0) {
            if (q < 0)
                return KG_ENOMEM;
            continue;
        }
        memset(&m, 0, sizeof m);
        m.sent = si;
        m.first = si;
        m.pos = o->pos;
        m.s = o->s;
        m.o = o->o;
        m.s_kind = o->s_kind;
        m.o_kind = o->o_kind;
        m.relation = o->relation;
        m.status = o->status;
        m.told = 1u << (unsigned)o->status;
        m.conf = o->conf;
        m.stake = o->stake;
        m.amount = o->amount;
        m.named = named;
        for (i = 0; i < nn; i++)
            if (npos[i] + 4 >= o->pos && npos[i] <= o->pos + 4)
                m.near |= 1u << (unsigned)ngrp[i];
        if ((rc = remember(sc, &m)) != KG_OK)
            return rc;
        /* a new deal this sentence ties to firms hides nothing */
        for (i = 0; i < ex->dealv.n && i < 32; i++)
            if ((EX_AT(ex->dealv, ex_dealnoun, i).rels >>
                 (unsigned)o->relation) & 1)
                indef &= ~(1u << i);
    }
    /* statuses of deals named before (a reference in a sentence that
     * names a deal itself is to that deal: its own rules decide) */
    for (k = 0; k < nrefs && !asks && sc->mem.n; k++)
        if ((rc = recall_at(sc, si, &refs[k], neg, outs, nouts, cb,
                            payload)) != KG_OK)
            return rc;
    if (indef && sc->mem.n) {
        ex_mem m;
        memset(&m, 0, sizeof m);
        m.sent = si;
        m.first = si;
        m.s = m.o = -1;
        m.relation = -1;
        m.named = indef;
        if ((rc = remember(sc, &m)) != KG_OK)
            return rc;
    }
    return KG_OK;
}
