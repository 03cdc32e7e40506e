/*
 * match.c: relation rules over one sentence's tokens and mentions.
 *
 * For every token that starts a trigger (one hash lookup at tokenizing
 * time gave its word id; the word lists the rules it triggers), the rule's
 * pattern is matched outwards from the trigger: elements before it
 * backwards, elements after it forwards, with small backtracking for
 * optional elements and gaps.  Slots take entity mentions; a slot is
 * widened over coordinations ("AWS, Google Cloud and Oracle").  Then the
 * status cues of rules.txt decide holds/reported/negated/ended, and the
 * sentence gives the date, amount, stake and role.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "kg/vocab.h"

static int place_comma(const ex_scratch *sc, const ex_sent *s, uint32_t q);

/* In a slot list of emit(): the second firm of a pair mention */
#define PAIR_ALT 0x40000000

typedef struct mstate {
    ex_scratch *sc;
    const ex_sent *s;
    const ex_rule *r;
    const ex_elem *el;
    int32_t slot[2];   /* mention index */
    int fwd[2];        /* slot matched rightwards of the trigger */
    int listed[2];     /* the pattern went on after a list in the slot
                        * ("makes Bufferin and Excedrin pain relievers") */
    int64_t app_a, app_b; /* an apposition skipped by a slot, or -1 */
    int rel[2];        /* the slot is the antecedent of "which"/"who" */
    int64_t lo, hi;    /* matched tokens [lo, hi) */
    int64_t trig;      /* the trigger's first token */
    const char *role;
} mstate;

/* free_tok of a token inside a mention */
static int free_tok_covered(const ex_scratch *sc, const ex_sent *s,
                            int64_t pos)
{
    const ex_tok *t = &EX_AT(sc->toks, ex_tok, pos);
    const ex_ment *m;
    m = &EX_AT(sc->ments, ex_ment, sc->mcov[pos - s->t0]);
    /* a description's words may be a rule's words too: "is the parent
     * company of", "a unit of" */
    if (m->src == MS_COREF && m->b > m->a + 1)
        return 1;
    if (m->src != MS_COREF || m->b != m->a + 1)
        return 0;
    if (ex_tok_is(sc, t, "his") ||
        ex_tok_is(sc, t, "her"))
        return 1;
    /* "NAME, X's chief executive, said he would retire": a person's
     * pronoun may sit in a gap */
    if (ex_tok_is(sc, t, "he") ||
        ex_tok_is(sc, t, "she"))
        return 1;
    /* "it" of "its" (split as "it" "'s") */
    return pos + 1 < (int64_t)s->t1 &&
           ex_tok_is(sc, t + 1, "'s");
}
/*
 * Is token pos free for a word element or a gap?  Tokens of entity
 * mentions are not, except a possessive pronoun ("sold its stake in").
 * Most words are in no mention: that test inline, the rest a call.
 */
static inline int free_tok(const ex_scratch *sc, const ex_sent *s,
                           int64_t pos)
{
    return sc->mcov[pos - s->t0] < 0 || free_tok_covered(sc, s, pos);
}

static inline int is_word(const ex_scratch *sc, uint32_t i, const char *w);

/* How many tokens of an amount a gap may cross without counting them. */
#define AMOUNT_FREE 6

/*
 * Is token pos part of an amount, free in a ~~N gap?  Wire copy spells
 * prices out ("an offer of 65 dlrs a share, or about 6.8 bln dlrs, from"),
 * and a gap sized for words should not run out on the figures.  Numbers,
 * currency, scale and percent words are free, and "a share" / "per share"
 * after a currency word.  Plain ~N gaps count every token: their limits
 * keep a verb's object close ("received a 12 mln dlr order from").
 */
static int amount_tok(const ex_scratch *sc, const ex_sent *s, int64_t pos)
{
    const ex_tok *t = &EX_AT(sc->toks, ex_tok, pos);
    if (sc->mcov[pos - s->t0] >= 0)
        return 0;
    if ((t->flags & TF_NUM) ||
        (ex_wflags(sc, t) & (WF_CURRENCY | WF_SCALE | WF_PCT)))
        return 1;
    if (is_word(sc, (uint32_t)pos, "share") && pos >= (int64_t)s->t0 + 2)
        return (is_word(sc, (uint32_t)pos - 1, "a") ||
                is_word(sc, (uint32_t)pos - 1, "per")) &&
               (ex_wflags(sc, t - 2) & WF_CURRENCY);
    if ((is_word(sc, (uint32_t)pos, "a") ||
         is_word(sc, (uint32_t)pos, "per")) &&
        pos + 1 < (int64_t)s->t1 && pos > (int64_t)s->t0)
        return is_word(sc, (uint32_t)pos + 1, "share") &&
               (ex_wflags(sc, t - 1) & WF_CURRENCY);
    return 0;
}

static int gap_ok_slow(const ex_scratch *sc, const ex_sent *s, int64_t pos,
                       int commas)
{
    const ex_tok *t = &EX_AT(sc->toks, ex_tok, pos);
    if (pos < (int64_t)s->t0 || pos >= (int64_t)s->t1)
        return 0;
    if (sc->mcov[pos - s->t0] >= 0) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment,
                                  sc->mcov[pos - s->t0]);
        /* "sells its H100 chips to Meta": products may sit in a gap, and
         * so may a description ("OpenAI, the start-up behind ...") */
        if (EX_AT(sc->ents, ex_ent, m->ent).kind == KG_KIND_PRODUCT ||
            (m->src == MS_COREF && m->b > m->a + 1))
            return 1;
        return free_tok(sc, s, pos);
    }
    if (ex_wflags(sc, t) & WF_NOGAP)
        return 0;
    if (t->flags & TF_PUNCT)
        return strchr(commas ? "$%-," : "$%-", ex_norm(sc, t)[0]) != NULL ||
               (unsigned char)ex_norm(sc, t)[0] >= 0x80;
    return 1;
}
/* May token pos sit in a gap?  A plain word outside any mention, the
 * usual case, is settled inline. */
static inline int gap_ok(const ex_scratch *sc, const ex_sent *s, int64_t pos,
                         int commas)
{
    if (pos >= (int64_t)s->t0 && pos < (int64_t)s->t1 &&
        sc->mcov[pos - s->t0] < 0) {
        const ex_tok *t = &EX_AT(sc->toks, ex_tok, pos);
        if (!(t->flags & TF_PUNCT) && !(ex_wflags(sc, t) & WF_NOGAP))
            return 1;
    }
    return gap_ok_slow(sc, s, pos, commas);
}

static inline int is_word(const ex_scratch *sc, uint32_t i, const char *w);

/*
 * Is the name of mention m, alone or in a short list of names, followed
 * by "brand(s)" ("the Halifax and Bank of Scotland brands", "the LD
 * brand")?  Then it is a brand whatever else the name stands for.
 */
static int brand_named(const ex_scratch *sc, const ex_ment *m)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q, lim = m->b + 12;
    for (q = m->b; q < sc->toks.n && q < lim; q++) {
        /* (a capital ends a firm's name: "Cardale and Henty Brands") */
        if ((is_word(sc, q, "brand") || is_word(sc, q, "brands") ||
             is_word(sc, q, "marque") || is_word(sc, q, "marques")) &&
            !(tk[q].flags & TF_CAP))
            return 1;
        /* "the LU, Prince, Pim's and Tuc brands" */
        if (!is_word(sc, q, "and") && !is_word(sc, q, ",") &&
            !is_word(sc, q, "&") && !is_word(sc, q, "of") &&
            !is_word(sc, q, "'s") &&
            !((tk[q].flags & TF_WORD) && (tk[q].flags & TF_CAP)))
            return 0;
    }
    return 0;
}

/*
 * Does the list that goes on at token q end in a plural word for
 * businesses (class unitlistend: "its Glidden paint and Durkee foods
 * units")?  Names, their trade words, commas and "and", up to eight
 * tokens.
 */
static int units_end_list(const ex_scratch *sc, uint32_t q)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t k;
    for (k = q; k < sc->toks.n && k < q + 8; k++) {
        if (ex_tok_in(sc, &tk[k], EC_UNITLISTEND))
            return 1;
        if (!(tk[k].flags & TF_WORD) ? !is_word(sc, k, ",")
                                      : ((ex_wflags(sc, &tk[k]) & WF_STOP) &&
                                         !is_word(sc, k, "and")))
            return 0;
    }
    return 0;
}

/*
 * Is the name of mention m, alone or in a short list of names, given as
 * an example of brands (class brandlisthead: "its own brands, among them
 * HFC and Beneficial", "whose brands include Halifax", "under names such
 * as Panasonic")?  Then, as with brand_named, it is a brand whatever else
 * it names (not in a portfolio or a range of products, which may hold
 * firms).
 */
static int brand_listed(const ex_scratch *sc, const ex_ment *m)
{
    const ex_tok *tk = sc->toks.ptr;
    int64_t q = (int64_t)m->a - 1, lim = (int64_t)m->a - 12;
    int64_t k;
    int span = 0;
    /* back over the names before it (and a "to" of "ranging from A to
     * B") */
    while (q >= 0 && q > lim &&
           (is_word(sc, (uint32_t)q, "and") || is_word(sc, (uint32_t)q, ",") ||
            is_word(sc, (uint32_t)q, "the") || is_word(sc, (uint32_t)q, "'s") ||
            (!span && is_word(sc, (uint32_t)q, "to") && (span = 1)) ||
            ((tk[q].flags & TF_WORD) && (tk[q].flags & TF_CAP))))
        q--;
    if (q < 1)
        return 0;
    /* "14 brands ranging from Fiat and Peugeot to Jeep" */
    if (is_word(sc, (uint32_t)q, "from") &&
        (is_word(sc, (uint32_t)q - 1, "ranging") ||
         is_word(sc, (uint32_t)q - 1, "range")))
        q -= 2;
    else if (span)
        return 0;
    else if (is_word(sc, (uint32_t)q, "as") && is_word(sc, (uint32_t)q - 1, "such"))
        q -= 2;
    else if (is_word(sc, (uint32_t)q, "them") &&
             is_word(sc, (uint32_t)q - 1, "among"))
        q -= 2;
    else if (is_word(sc, (uint32_t)q, "including") ||
             is_word(sc, (uint32_t)q, "include") ||
             is_word(sc, (uint32_t)q, "includes") ||
             is_word(sc, (uint32_t)q, "like"))
        q--;
    else
        return 0;
    if (q >= 0 && is_word(sc, (uint32_t)q, ","))
        q--;
    for (k = q; k >= 0 && k > q - 3; k--)
        if (ex_tok_in(sc, &tk[k], EC_BRANDLISTHEAD))
            return 1;
    return 0;
}

/*
 * Is the name of mention m followed by a word for a business ("sold the
 * Land Rover business to Ford", "its Rover division")?  Then a brand's
 * name stands for the firm that makes it.  A legal suffix and up to two
 * lower-case words of trade may come between ("its Duracell Inc battery
 * unit", "the Ragu sauce business").
 */
static int business_named(const ex_scratch *sc, const ex_ment *m)
{
    static const char *const w[] = {"business", "businesses", "division",
                                    "unit", "arm", "operations",
                                    "subsidiary", "operation", "studio",
                                    "studios"};
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q = m->b, trade = 0;
    size_t i;
    if (q < sc->toks.n && (ex_wflags(sc, &tk[q]) & WF_LEGAL))
        q++;
    for (;;) {
        if (q >= sc->toks.n)
            return 0;
        for (i = 0; i < sizeof w / sizeof w[0]; i++)
            if (is_word(sc, q, w[i]))
                return 1;
        if (trade > 0 && (is_word(sc, q, "and") || is_word(sc, q, ",")))
            return units_end_list(sc, q + 1);
        if (trade == 2 || !(tk[q].flags & TF_WORD) ||
            (tk[q].flags & TF_CAP) || (ex_wflags(sc, &tk[q]) & WF_STOP))
            return 0;
        q++;
        trade++;
    }
}

/*
 * Does the name of mention m end in a word for a place ("Heathrow
 * Airport", "Canary Wharf", "Wembley Stadium")?  2 for an airport, 1 for
 * a building or a site, else 0.  The owner or operator of a place does
 * not make it: "BAA, the owner of Heathrow Airport" is no brand owner as
 * "Whitbread, the owner of Costa Coffee" is ("Pall Mall" cigarettes: no
 * "mall"); and a building is no subsidiary ("Songbird, the owner of
 * Canary Wharf"), while an airport is run by a company of its name.
 */
static int place_named(const ex_scratch *sc, const ex_ment *m)
{
    static const char *const w[] = {"airport", "airports", "wharf",
                                    "square", "stadium", "canal", "docks",
                                    "tower", "towers", "building",
                                    "arena", "racecourse"};
    const ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
    const char *name = e->name, *last;
    size_t i;
    if (m->src == MS_COREF || !name)
        return 0;
    /* the gazetteer's name: "Heathrow" is "Heathrow Airport" */
    if (e->gaz >= 0)
        name = EX_AT(sc->ex->gentv, ex_gent, e->gaz).name;
    /* the entity's full name: "Heathrow" after "Heathrow Airport" */
    last = strrchr(name, ' ');
    if (!last)
        return 0;
    last++;
    for (i = 0; i < sizeof w / sizeof w[0]; i++) {
        const char *a = last, *b = w[i];
        while (*a && *b && (*a == *b || *a + 32 == *b))
            a++, b++;
        if (!*a && !*b)
            return i < 2 ? 2 : 1;
    }
    return 0;
}

/* Is token i a finite verb that can follow a subject's closing comma
 * ("was", "has", "said")?  An apposition never starts with one. */
static int finite_verb(const ex_scratch *sc, uint32_t i)
{
    static const char *const w[] = {
        "was", "were", "is", "are", "has", "have", "had", "will", "would",
        "said", "says", "can", "could", "should", "may", "might", "did",
        "does", "must", "shall"};
    const char *n;
    if (i >= sc->toks.n || !(EX_AT(sc->toks, ex_tok, i).flags & TF_WORD))
        return 0;
    n = ex_norm(sc, &EX_AT(sc->toks, ex_tok, i));
    return ex_in_words(n, w, sizeof w / sizeof w[0]);
}

/*
 * "EMI, home to artists including Coldplay, Robbie Williams and Kylie
 * Minogue, has agreed to be bought": the names of a list after
 * "including" (or "such as") that ends an apposition are not the subject.
 * a: the first token of the list's last name.  Returns the mention of the
 * name the apposition follows (a few lowercase words, then "including"),
 * or -1.
 */
static int32_t including_list_head(const ex_scratch *sc, const ex_sent *s,
                                   int64_t a)
{
    const ex_tok *tk = sc->toks.ptr;
    int64_t q, inc = -1;
    for (q = a - 1; q > (int64_t)s->t0 + 1 && q >= a - 20; q--) {
        if ((tk[q].flags & TF_PUNCT) && ex_norm(sc, &tk[q])[0] != ',')
            return -1;
        if (is_word(sc, (uint32_t)q, "including") ||
            (is_word(sc, (uint32_t)q, "as") &&
             is_word(sc, (uint32_t)q - 1, "such"))) {
            inc = is_word(sc, (uint32_t)q, "as") ? q - 1 : q;
            break;
        }
    }
    if (inc < 0)
        return -1;
    for (q = inc - 1; q > (int64_t)s->t0 && q >= inc - 8; q--) {
        if ((tk[q].flags & TF_PUNCT) || sc->mcov[q - s->t0] >= 0 ||
            (tk[q].flags & (TF_CAP | TF_NUM)))
            break;
    }
    if (q <= (int64_t)s->t0 || q >= inc - 1 || !is_word(sc, (uint32_t)q, ","))
        return -1;
    return sc->mend[q - 1 - s->t0];
}

/*
 * "competes with Goldman and Salomon for merger advice", "merger
 * arbitrageurs", "the merger boom": is the deal noun at trig a modifier
 * of a trade or a trend rather than a merger of the firms named?
 */
static int merger_modifier(const ex_scratch *sc, const ex_sent *s,
                           uint32_t trig)
{
    static const char *const w[] = {
        "advice", "adviser", "advisers", "advisor", "advisors", "advisory",
        "arbitrage", "arbitrageur", "arbitrageurs", "arbitrager",
        "arbitragers", "specialist", "specialists", "boom", "wave", "waves",
        "activity", "fees", "mania", "frenzy", "spree", "department",
        "business", "law", "lawyer", "lawyers", "rules", "regulation",
        "regulations", "guidelines", "policy", "bankers", "banker",
        "market", "work"};
    const ex_tok *tk = sc->toks.ptr;
    const char *n;
    if (trig + 1 >= s->t1 || !(is_word(sc, trig, "merger") ||
                               is_word(sc, trig, "mergers")))
        return 0;
    n = ex_norm(sc, &tk[trig + 1]);
    if (ex_in_words(n, w, sizeof w / sizeof w[0]))
        return 1;
    /* "mergers and acquisitions advice": the trade, not a deal */
    return is_word(sc, trig, "mergers") && is_word(sc, trig + 1, "and") &&
           trig + 2 < s->t1 && is_word(sc, trig + 2, "acquisitions");
}

/*
 * "bought the car business from AB Volvo", "agreed to buy spectrum
 * licences from Qualcomm": is what the verb at trig buys, up to "from", a
 * business or an asset rather than goods?  Then the seller is no
 * supplier.
 */
static int assets_bought(const ex_scratch *sc, const ex_sent *s,
                         uint32_t trig)
{
    static const char *const verb[] = {"buy", "buys", "bought", "buying",
                                       "purchase", "purchases", "purchased",
                                       "purchasing"};
    static const char *const w[] = {
        "business", "businesses", "unit", "units", "division", "divisions",
        "arm", "operations", "stake", "stakes", "shares", "assets",
        "spectrum", "licence", "licences", "license", "licenses", "rights",
        "stores", "shops", "plants", "plant", "factory", "factories",
        "brand", "brands", "portfolio", "patents", "property", "properties",
        "headquarters", "building", "subsidiary", "subsidiaries", "mines",
        "refinery", "refineries"};
    const ex_tok *tk = sc->toks.ptr;
    uint32_t i;
    if (!ex_in_words(ex_norm(sc, &tk[trig]), verb,
                     sizeof verb / sizeof verb[0]))
        return 0;
    for (i = trig + 1; i < s->t1 && i <= trig + 8; i++) {
        if (is_word(sc, i, "from"))
            return 0;
        if (ex_in_words(ex_norm(sc, &tk[i]), w, sizeof w / sizeof w[0]))
            return 1;
    }
    return 0;
}

/*
 * The words after a bidder matched after its trigger (mention sm): does
 * "for" name another target than the firm before the offer?  "faces a
 * rival offer from Greyfriars for the bingo chain Lantern Halls",
 * "received an offer from Pryor for its Keswick unit", "a rival bid
 * from Vantry for the chain" do; a price or the target's own shares do
 * not ("an offer from X for 45 dlrs a share", "for the company", "for
 * its shares", "for the remaining 55 pct").  Other bidders joined to
 * the first ("from X and Y for Z") are skipped.
 */
static int bid_for_other(const ex_scratch *sc, const ex_sent *s,
                         uint32_t trig, uint32_t n, int32_t sm)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q = EX_AT(sc->ments, ex_ment, sm).b, stop, i;
    int isbid = 0, isunit = 0;
    for (i = trig; i < trig + n && i < s->t1; i++)
        isbid |= ex_tok_in(sc, &tk[i], EC_BIDFORWORD);
    if (!isbid)
        return 0;
    while (q < s->t1 && q < EX_AT(sc->ments, ex_ment, sm).b + 6 &&
           (sc->mcov[q - s->t0] >= 0 || is_word(sc, q, "and") ||
            is_word(sc, q, ",")))
        q++;
    if (q >= s->t1 || !is_word(sc, q, "for"))
        return 0;
    for (q++, stop = q + 6; q < s->t1 && q < stop; q++) {
        /* a firm named; a pronoun or description ("its", "the chain")
         * is read by its words */
        if (sc->mcov[q - s->t0] >= 0 &&
            EX_AT(sc->ments, ex_ment, sc->mcov[q - s->t0]).src != MS_COREF)
            return 1;
        if (ex_tok_in(sc, &tk[q], EC_BIDFORSELF) ||
            (tk[q].flags & TF_NUM) ||
            (ex_wflags(sc, &tk[q]) & (WF_CURRENCY | WF_SCALE | WF_PCT)))
            return 0;
        if (!(tk[q].flags & TF_WORD))
            break;
        isunit |= ex_tok_in(sc, &tk[q], EC_BIDFORUNIT);
    }
    /* no name: a business ("for the chain"), not a reason ("for its
     * technology") */
    return isunit;
}

/*
 * A rivalry word that tells a bidding contest, not a market: "rival
 * bidders", "Cresset's rival suitor", "the bidding war between X and
 * Y", "is competing with Y to buy Z", "battling Y for control of Z",
 * "faces competition from Y in the auction of Z", "in competition with
 * Y for Pemberton Mills" (but "competes with Y for customers", "for
 * Lufthansa's order").  trig/n is the trigger, hi one past the match.
 */
static int bid_contest(const ex_scratch *sc, const ex_sent *s, uint32_t trig,
                       uint32_t n, int64_t hi)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q;
    if (trig + n < s->t1 &&
        ex_tok_in(sc, &tk[trig + n], EC_CONTESTAFTER))
        return 1;
    if (trig > s->t0 && ex_tok_in(sc, &tk[trig - 1], EC_CONTESTBEFORE))
        return 1;
    /* past the rival and those joined to it */
    q = (uint32_t)hi;
    while (q < s->t1 && q < (uint32_t)hi + 8 &&
           (sc->mcov[q - s->t0] >= 0 || is_word(sc, q, "and") ||
            is_word(sc, q, ",")))
        q++;
    if (q + 1 >= s->t1)
        return 0;
    if (is_word(sc, q, "to"))
        return ex_tok_in(sc, &tk[q + 1], EC_CONTESTTO);
    if (is_word(sc, q, "in") && q + 2 < s->t1 && is_word(sc, q + 1, "the"))
        return ex_tok_in(sc, &tk[q + 2], EC_CONTESTIN);
    if (!is_word(sc, q, "for"))
        return 0;
    if (is_word(sc, q + 1, "control") || is_word(sc, q + 1, "ownership"))
        return 1;
    /* "for Pemberton Mills", not "for Lufthansa's order" */
    if (sc->mstart[q + 1 - s->t0] >= 0 &&
        EX_AT(sc->ments, ex_ment, sc->mstart[q + 1 - s->t0]).src !=
            MS_COREF) {
        uint32_t e = EX_AT(sc->ments, ex_ment, sc->mstart[q + 1 - s->t0]).b;
        return !(e < s->t1 && (is_word(sc, e, "'s") || is_word(sc, e, "'")));
    }
    return 0;
}

/*
 * "took on Goldman Sachs as its adviser", "is taking on Bexley Trust as
 * a partner": a firm taken on as something is hired, not fought.  trig/n
 * is the trigger, hi one past the match.
 */
static int taken_on_as(const ex_scratch *sc, const ex_sent *s, uint32_t trig,
                       uint32_t n, int64_t hi)
{
    uint32_t cls = sc->ex->ecls[EC_PICKV];
    /* "chose Lomax Bank over Tennant as its adviser": hired too */
    return (is_word(sc, trig + n - 1, "on") ||
            (cls != (uint32_t)-1 &&
             ex_class_at(sc, cls, trig, 1, trig, s->t1, NULL) > 0)) &&
           hi < (int64_t)s->t1 && is_word(sc, (uint32_t)hi, "as");
}

/*
 * One rival named right after a singular rivalry noun: "its rival
 * Halvard and Pemberton had agreed to merge" names Halvard only, not a
 * list of rivals ("its rivals X and Y", "a rival of X and Y" are lists).
 */
static int one_rival_named(const ex_scratch *sc, const ex_sent *s,
                           uint32_t trig, uint32_t n, int32_t om)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t a = EX_AT(sc->ments, ex_ment, om).a, e = trig + n;
    if (e < s->t1 && is_word(sc, e, ","))
        e++;
    return a == e && ex_tok_in(sc, &tk[trig + n - 1], EC_ONERIVAL);
}

/*
 * "Dorrance and Halvard are both rivals of Pemberton": two firms named
 * before a rivalry noun that takes a third ("of", "to") are that firm's
 * rivals, not told as each other's.
 */
static int rivals_of_third(const ex_scratch *sc, const ex_sent *s,
                           const mstate *st, uint32_t trig, uint32_t n)
{
    uint32_t e = trig + n;
    if (st->fwd[0] || st->fwd[1] || e + 1 >= s->t1 ||
        !(is_word(sc, e, "of") || is_word(sc, e, "to")))
        return 0;
    return !(is_word(sc, e + 1, "each") || is_word(sc, e + 1, "one"));
}

/*
 * "agreed to buy Pemberton to compete better with Halvard": the firm
 * bought (mention sm, matched before the trigger) is not who competes
 * in the purpose clause; the buyer is.
 */
static int buyer_competes(const ex_scratch *sc, const ex_sent *s,
                          uint32_t trig, int32_t sm)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t a;
    if (sm < 0 || trig <= s->t0 || !is_word(sc, trig - 1, "to"))
        return 0;
    a = EX_AT(sc->ments, ex_ment, sm).a;
    /* "merge with", "take over", "bought" right before the firm */
    return a > s->t0 &&
           ex_tok_in(sc, &tk[a - 1], EC_COMPETEBUY) &&
           (!is_word(sc, a - 1, "with") ||
            (a - 1 > s->t0 &&
             (is_word(sc, a - 2, "merge") || is_word(sc, a - 2, "combine") ||
              is_word(sc, a - 2, "merged") || is_word(sc, a - 2, "merging"))));
}

/*
 * "sold its Falcon unit to rival Halvard", "bought Falcon from rival
 * Halvard", "lost the Quill contract to rival Halvard": the firm before
 * "to/from rival" (mention sm) is what changed hands, not whose rival
 * Halvard is (compete.obj-to-rival finds the subject).  Words between the
 * verb and the firm: determiners and possessives only.
 */
static int deal_object(const ex_scratch *sc, const ex_sent *s, uint32_t trig,
                       int32_t sm)
{
    const ex_tok *tk = sc->toks.ptr;
    int64_t q;
    if (trig <= s->t0 ||
        !(is_word(sc, trig - 1, "to") || is_word(sc, trig - 1, "from")) ||
        !(is_word(sc, trig, "rival") || is_word(sc, trig, "rivals")))
        return 0;
    for (q = (int64_t)EX_AT(sc->ments, ex_ment, sm).a - 1;
         q >= (int64_t)s->t0 &&
         ex_tok_in(sc, &tk[q], EC_DEALOBJDET);
         q--)
        ;
    return q >= (int64_t)s->t0 &&
           ex_tok_in(sc, &tk[q], EC_DEALOBJVERB);
}

/*
 * Is the rivalry's subject (mention sm, before the trigger) not who has
 * the rival?  A firm after "analysts at", "a report by" is where people
 * work or who wrote ("Analysts at Pender said rivals such as Orbis", "a
 * report by Castell found that rivals including Orbis"; so are rivals
 * after such people's clause: "X, the leader, and analysts expect rivals
 * such as Y"), and "its" after a verb
 * of service (class servebefore) is the firm served, not the one that
 * serves it ("Goldman, which advised Orbis, also advises its rival
 * Tarrant": Orbis's rival; the coreference takes the subject), and
 * rivals joined by "and" to another firm than the subject are that
 * firm's.  trig is the trigger.
 */
static int aside_subject(const ex_scratch *sc, const ex_tok *t)
{
    return ex_tok_in(sc, t, EC_COMMENTER) || ex_tok_in(sc, t, EC_ASIDECLAUSE);
}

/* Is a firm named by a name (no possessive) before token end in the
 * sentence?  ("Ferro is to be the network for Kitely's phone": Ferro) */
static int firm_before(const ex_scratch *sc, const ex_sent *s, uint32_t end)
{
    uint32_t q;
    for (q = s->t0; q < end; q++) {
        int32_t mi = sc->mstart[q - s->t0];
        const ex_ment *pm;
        if (mi < 0)
            continue;
        pm = &EX_AT(sc->ments, ex_ment, mi);
        if (pm->src != MS_COREF &&
            EX_AT(sc->ents, ex_ent, pm->ent).kind == KG_KIND_ORG &&
            !(pm->b < s->t1 &&
              (is_word(sc, pm->b, "'s") || is_word(sc, pm->b, "'"))))
            return 1;
    }
    return 0;
}

static int rival_subject_aside(const ex_scratch *sc, const ex_sent *s,
                               uint32_t trig, int32_t sm)
{
    const ex_tok *tk = sc->toks.ptr;
    const ex_ment *m = &EX_AT(sc->ments, ex_ment, sm);
    uint32_t q;
    /* "sells chips to Vantor and rivals such as Orbis": Vantor's */
    if (trig > s->t0 + 1 && is_word(sc, trig - 1, "and") &&
        ex_tok_in(sc, &tk[trig], EC_RIVALLIST) &&
        sc->mend[trig - 2 - s->t0] >= 0 && sc->mend[trig - 2 - s->t0] != sm)
        return 1;
    /* "X, the industry leader, and analysts expect rivals such as Y":
     * the clause between has its own subject */
    for (q = m->b; q < trig && q < s->t1; q++)
        if (aside_subject(sc, &tk[q]))
            return 1;
    if (m->a <= s->t0)
        return 0;
    /* "is the sole network for Kitely's new phone, beating rivals X": a
     * possessor inside a phrase, with a comma before the trigger, is not
     * the subject of the participle after it */
    if (m->b < s->t1 && m->src != MS_COREF &&
        (is_word(sc, m->b, "'s") || is_word(sc, m->b, "'")) &&
        firm_before(sc, s, m->a)) {
        for (q = m->b; q < trig && q < s->t1; q++)
            if (is_word(sc, q, ","))
                return 1;
    }
    if (m->a > s->t0 + 1 &&
        (is_word(sc, m->a - 1, "at") || is_word(sc, m->a - 1, "by")) &&
        aside_subject(sc, &tk[m->a - 2]))
        return 1;
    return m->src == MS_COREF && m->b == m->a + 1 && m->b < s->t1 &&
           is_word(sc, m->a, "it") && is_word(sc, m->b, "'s") &&
           ex_tok_in(sc, &tk[m->a - 1], EC_SERVEBEFORE);
}

/*
 * Is the name of mention m, written before a founding verb, not who
 * founded?  "The merger of Boots and Alliance UniChem created Alliance
 * Boots": the merger did, not the firms named inside it; "who left
 * Harvard to co-found Rawkus Records", "left Google in 2022 to co-found
 * Inflection": the firm left is no founder (the one who left it is).  The scan back crosses only the names, commas and
 * "and" of a list.
 */
static int not_founder(const ex_scratch *sc, const ex_sent *s,
                       const ex_ment *m, uint32_t trig)
{
    static const char *const comb[] = {"merger", "combination", "union",
                                       "amalgamation", "tie-up", "marriage",
                                       "fusion", "mergers"};
    static const char *const left[] = {"left", "leaving", "leaves", "quit",
                                       "quitting", "quits"};
    const ex_tok *tk = sc->toks.ptr;
    uint32_t q = m->a, k;
    if (m->b > trig)
        return 0;
    /* "left Harvard to co-found": "to" right before the verb */
    if (m->a > s->t0 && trig > 0 && m->b + 6 >= trig &&
        is_word(sc, trig - 1, "to")) {
        /* "left Google in 2022 to co-found": a short adverbial between */
        for (k = m->b; k + 1 < trig; k++)
            if (tk[k].flags & TF_PUNCT)
                return 0;
        if (ex_in_words(ex_norm(sc, &tk[m->a - 1]), left,
                        sizeof left / sizeof left[0]))
            return 1;
    }
    /* back over "A, B and" to "of" after a word for a merger */
    for (k = 0; k < 12 && q > s->t0 + 1; k++) {
        int32_t pm = sc->mend[q - 1 - s->t0];
        if (pm >= 0) {
            q = EX_AT(sc->ments, ex_ment, pm).a;
            continue;
        }
        if (is_word(sc, q - 1, "and") || is_word(sc, q - 1, ",") ||
            is_word(sc, q - 1, "&")) {
            q--;
            continue;
        }
        break;
    }
    if (q <= s->t0 + 1 || !is_word(sc, q - 1, "of"))
        return 0;
    return ex_in_words(ex_norm(sc, &tk[q - 2]), comb,
                       sizeof comb / sizeof comb[0]);
}

/*
 * Is the name of mention m followed by a noun for goods ("IBM's ThinkPad
 * laptops", "its Aguila lager", "Guinness stout")?  Then a name that looked
 * like a firm's is the brand of the goods.
 */
static int goods_named(const ex_scratch *sc, const ex_ment *m)
{
    const ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
    uint32_t cls, n;
    if (m->b >= sc->toks.n)
        return 0;
    /* goods nouns after a known firm's name that make it a brand
     * ("Nikon cameras", "Trane air conditioners"): class goodsnamed */
    if ((cls = sc->ex->ecls[EC_GOODSNAMED]) != (uint32_t)-1 &&
        (n = ex_class_at(sc, cls, m->b, 1, m->b, (uint32_t)sc->toks.n,
                         NULL)) > 0)
        /* not a shop's ("the Lomax's furniture chain": class
         * storenamehead) */
        return !(m->b + n < sc->toks.n &&
                 ex_tok_in(sc, &EX_AT(sc->toks, ex_tok, m->b + n),
                           EC_STORENAMEHEAD));
    /* one word the gazetteer does not hold, taken for a firm by its
     * shape only ("WABCO railway brakes", "its NewWave program"): any
     * goods noun of the rules' class product ("its Wexford Holdings
     * vehicle" is a firm's name by its words) */
    return e->gaz < 0 && m->b == m->a + 1 &&
           (EX_AT(sc->toks, ex_tok, m->a).flags & (TF_CAMEL | TF_ALLCAPS)) &&
           (EX_AT(sc->toks, ex_tok, m->b).flags & TF_WORD) &&
           !ex_tok_in(sc, &EX_AT(sc->toks, ex_tok, m->b), EC_FIRMPRODUCT) &&
           (cls = sc->ex->ecls[EC_PRODUCT]) != (uint32_t)-1 &&
           ex_class_at(sc, cls, m->b, 1, m->b, (uint32_t)sc->toks.n, NULL) > 0;
}

/* Is mention m written as its entity's name ("Peugeot" is an alias
 * of the firm named "PSA Group" before it: a brand so written would be
 * printed under the firm's name)? */
static int written_as_name(const ex_scratch *sc, const ex_ment *m,
                           const ex_ent *e)
{
    const ex_tok *tk = sc->toks.ptr;
    size_t n;
    if (m->b <= m->a)
        return 0;
    n = tk[m->b - 1].end - tk[m->a].start;
    return strlen(e->name) == n &&
           strncmp(sc->doc->text + tk[m->a].start, e->name, n) == 0;
}

static int kinds_ok_slow(const ex_scratch *sc, int32_t ment, uint8_t kinds)
{
    const ex_ment *m = &EX_AT(sc->ments, ex_ment, ment);
    const ex_ent *e = &EX_AT(sc->ents, ex_ent, m->ent);
    /* "sold its Duracell battery unit": the firm, not the brand (a name
     * of no known kind too: "the United Artists film unit") */
    if (kinds == KG_KINDBIT(KG_KIND_PRODUCT) &&
        (e->kind == KG_KIND_PRODUCT || e->kind < 0) &&
        m->src != MS_COREF && business_named(sc, m))
        return 0;
    return e->kind < 0 || (kinds & KG_KINDBIT(e->kind)) ||
           (kinds == KG_KINDBIT(KG_KIND_PRODUCT) && e->kind == KG_KIND_ORG &&
            m->src != MS_COREF && written_as_name(sc, m, e) &&
            (brand_named(sc, m) || brand_listed(sc, m) ||
             (goods_named(sc, m) && !business_named(sc, m)))) ||
           ((kinds & KG_KINDBIT(KG_KIND_ORG)) &&
            e->kind == KG_KIND_PRODUCT && m->src != MS_COREF &&
            business_named(sc, m));
}
/* May mention ment fill a slot of kinds?  An entity of no kind yet or of
 * one of the kinds, asked for other than products alone, inline. */
static inline int kinds_ok(const ex_scratch *sc, int32_t ment, uint8_t kinds)
{
    int kind = EX_AT(sc->ents, ex_ent,
                     EX_AT(sc->ments, ex_ment, ment).ent).kind;
    if (kinds != KG_KINDBIT(KG_KIND_PRODUCT) &&
        (kind < 0 || (kinds & KG_KINDBIT(kind))))
        return 1;
    return kinds_ok_slow(sc, ment, kinds);
}

static inline int is_word(const ex_scratch *sc, uint32_t i, const char *w);

/* "Shareholders of X will own 55 percent", "X shareholders will own":
 * X is not who acts */
static int holders_of(const ex_scratch *sc, const ex_ment *m)
{
    static const char *const w[] = {"shareholders", "stockholders",
                                    "holders", "bondholders", "investors",
                                    "employees", "customers"};
    const ex_tok *tk = sc->toks.ptr;
    size_t i;
    /* the first letter first: the words are not literals here, so each
     * is_word would measure its word */
    if (m->b < sc->toks.n) {
        for (i = 0; i < 4; i++)
            if (ex_norm(sc, &tk[m->b])[0] == w[i][0] &&
                is_word(sc, m->b, w[i]))
                return 1;
        /* "the Mittal family will own 43.6 per cent" */
        if (is_word(sc, m->b, "family"))
            return 1;
    }
    if (m->a < 2 || !is_word(sc, m->a - 1, "of"))
        return 0;
    for (i = 0; i < sizeof w / sizeof w[0]; i++)
        if (ex_norm(sc, &tk[m->a - 2])[0] == w[i][0] &&
            is_word(sc, m->a - 2, w[i]))
            return 1;
    return 0;
}

/* Is the name of mention m followed by "family" or "families" ("the
 * Bassett family")?  The people of that name, not a firm. */
static int family_named(const ex_scratch *sc, const ex_sent *s,
                        const ex_ment *m)
{
    return m->src != MS_COREF && m->b < s->t1 &&
           (is_word(sc, m->b, "family") || is_word(sc, m->b, "families"));
}

/* "makes Formula 44 cough medicine": a name cut before the number that
 * ends it (a goods word after the number, no count of years or shares)
 * is no product of its own */
static int cut_before_number(const ex_scratch *sc, const ex_ment *m)
{
    const ex_tok *tk = sc->toks.ptr;
    if (m->src == MS_COREF || m->b + 1 >= sc->toks.n)
        return 0;
    return (tk[m->b].flags & TF_NUM) && (tk[m->b].flags & TF_SPACE_BEFORE) &&
           (tk[m->b + 1].flags & TF_WORD) &&
           !(tk[m->b + 1].flags & (TF_CAP | TF_NUM)) &&
           !(ex_wflags(sc, &tk[m->b + 1]) &
             (WF_SCALE | WF_CURRENCY | WF_PCT | WF_STOP)) &&
           !ex_tok_in(sc, &tk[m->b + 1], EC_VERSIONSPAN);
}

/* One or two lowercase goods words at p, then a comma or "and" and a
 * capital ("Pond's creams and Ragu", "Hollis's face cream, Vantor")? */
static int possessive_item(const ex_scratch *sc, uint32_t p)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t n = 0;
    while (n < 2 && p + n < sc->toks.n && (tk[p + n].flags & TF_WORD) &&
           !(tk[p + n].flags & (TF_CAP | TF_NUM)) &&
           !(ex_wflags(sc, &tk[p + n]) & (WF_STOP | WF_NOGAP)))
        n++;
    /* the list goes on with another name ("Eli Lilly's schizophrenia
     * drug, fell": an apposition) */
    return n > 0 && p + n + 1 < sc->toks.n &&
           (is_word(sc, p + n, ",") || is_word(sc, p + n, "and")) &&
           (tk[p + n + 1].flags & TF_CAP);
}

static int slot_ok(const ex_scratch *sc, int32_t ment, const ex_elem *e,
                   int rel)
{
    const ex_ment *m = &EX_AT(sc->ments, ex_ment, ment);
    /* "ordered 12 Airbus A310 jets": the model named after its maker
     * stands for the maker as a supplier (match_rule puts it there) */
    if (rel == KG_REL_SUPPLIES && e->slot == 0 &&
        e->kinds == KG_KINDBIT(KG_KIND_PRODUCT))
        return m->maker >= 0 && m->src != MS_COREF;
    if (e->strict && EX_AT(sc->ents, ex_ent, m->ent).kind < 0)
        return 0;
    if (rel == KG_REL_MAKES && e->slot == 1 && cut_before_number(sc, m))
        return 0;
    /* "best known for Vaseline jelly, Pond's creams and Ragu sauce": a
     * name in the possessive inside a list of goods, its own goods noun
     * after it, is a brand, not the maker of the next name */
    if (rel == KG_REL_MAKES && e->slot == 0 && m->src != MS_COREF &&
        m->a > 0 && m->b + 1 < sc->toks.n &&
        is_word(sc, m->b, "'s") &&
        (is_word(sc, m->a - 1, ",") || is_word(sc, m->a - 1, "and")) &&
        possessive_item(sc, m->b + 1))
        return 0;
    /* "Westbay Airlines said its Skylance jets": an airline flies the
     * goods it names, another firm made them (its trade by its name or
     * an apposition, class sector) */
    if (rel == KG_REL_MAKES && e->slot == 0 &&
        EX_AT(sc->ents, ex_ent, m->ent).sector &&
        strcmp(EX_AT(sc->ents, ex_ent, m->ent).sector, "air") == 0)
        return 0;
    if (e->slot == 0 && holders_of(sc, m))
        return 0;
    /* a name, or "the combined company" once the article has named the
     * firm the deal creates ("will run the merged business") */
    if (e->named && m->src == MS_COREF &&
        !(m->ent == sc->new_org && m->b >= m->a + 2))
        return 0;
    return kinds_ok(sc, ment, e->kinds);
}

/* Is name m followed by "and" or a comma and another name ("Polo and
 * Smarties")? */
static int list_goes_on(const ex_scratch *sc, const ex_sent *s,
                        const ex_ment *m)
{
    const ex_tok *tk = sc->toks.ptr;
    if (m->b + 1 >= s->t1)
        return 0;
    if (!is_word(sc, m->b, "and") && !is_word(sc, m->b, "&") &&
        !((tk[m->b].flags & TF_PUNCT) && ex_norm(sc, &tk[m->b])[0] == ','))
        return 0;
    return sc->mstart[m->b + 1 - s->t0] >= 0;
}

/* Has the rule an element of its role class? */
static int role_elem(const mstate *st)
{
    uint32_t k;
    for (k = 0; k < st->r->el_n; k++)
        if (st->el[k].type == EL_CLASS &&
            (int)st->el[k].cls == st->r->role_cls)
            return 1;
    return 0;
}

static int match_fwd(mstate *st, uint32_t k, int64_t pos);
static int match_bwd(mstate *st, int64_t k, int64_t pos);
static inline int is_word(const ex_scratch *sc, uint32_t i, const char *w);
static size_t coord_after(ex_scratch *sc, const ex_sent *s,
                          int32_t m, uint8_t kinds, int32_t *out,
                          size_t max, int shared_head);

/*
 * A mention followed by "'s" in a forward slot is a possessor, not the
 * argument ("acquired Microsoft's gaming unit"), unless the pattern goes
 * on with <poss> itself.
 */
static int possessor_blocked(const mstate *st, int32_t ment, uint32_t k)
{
    const ex_scratch *sc = st->sc;
    const ex_ment *m = &EX_AT(sc->ments, ex_ment, ment);
    const ex_tok *t;
    int64_t w;
    if (m->b >= st->s->t1)
        return 0;
    t = &EX_AT(sc->toks, ex_tok, m->b);
    if (t->word < 0 || (!ex_tok_is(sc, t, "'s") &&
                        !ex_tok_is(sc, t, "'")))
        return 0;
    if (k + 1 < st->r->el_n && st->el[k + 1].type == EL_CLASS) {
        w = t->word;
        if (kg_extract__word_in(sc->ex, (uint32_t)w, st->el[k + 1].cls))
            return 0;
    }
    return 1;
}

/*
 * A mention after a short lowercase description: "acquire cybersecurity
 * startup Wiz", "sold wealth manager Tamsin".  Up to four lowercase
 * content words (no function words, no punctuation but hyphenated words).
 */
static int32_t premodified(ex_scratch *sc, const ex_sent *s, int64_t pos)
{
    const ex_tok *tk = sc->toks.ptr;
    int64_t j, start = pos;
    if (pos < (int64_t)s->t1 && (is_word(sc, (uint32_t)pos, "the") ||
                                 is_word(sc, (uint32_t)pos, "a") ||
                                 is_word(sc, (uint32_t)pos, "an")))
        pos++;
    /* "by Germany's E.ON", "buy Russia's gas giant Gazprom": a country's
     * possessive before the firm or its description */
    if (pos + 2 < (int64_t)s->t1 && sc->mstart[pos - s->t0] < 0 &&
        (tk[pos].flags & TF_CAP) &&
        (ex_wflags(sc, &tk[pos]) & (WF_COUNTRY | WF_NONNAME)) &&
        is_word(sc, (uint32_t)pos + 1, "'s")) {
        pos += 2;
        if (sc->mstart[pos - s->t0] >= 0)
            return sc->mstart[pos - s->t0];
        start = pos - 1;
    }
    for (j = pos; j < (int64_t)s->t1 && j < pos + 5; j++) {
        const ex_tok *t = &tk[j];
        if (sc->mstart[j - s->t0] >= 0) {
            const ex_ment *m = &EX_AT(sc->ments, ex_ment,
                                      sc->mstart[j - s->t0]);
            ex_ent *e;
            /* "the Amazon-owned site Twitch": skip the compound */
            if (m->b + 1 < s->t1 && is_word(sc, m->b, "-") &&
                !(tk[m->b].flags & TF_SPACE_BEFORE)) {
                j = m->b + 1;
                continue;
            }
            /* "Google engineers Noam Shazeer": a modifier name */
            if (m->b + 1 < s->t1 && sc->mstart[m->b + 1 - s->t0] >= 0 &&
                (tk[m->b].flags & TF_WORD) &&
                !(tk[m->b].flags & (TF_CAP | TF_NUM)) &&
                !(ex_wflags(sc, &tk[m->b]) & (WF_STOP | WF_TRIGGER)))
                return sc->mstart[m->b + 1 - s->t0];
            /* the description must end in a word like "startup" */
            if (j == pos)
                return j > start ? sc->mstart[j - s->t0] : -1;
            /* "run by the Frenchman Jean-Luc Marot" (mentions.c left
             * the nationality out of his name) */
            if (ex_tok_in(sc, &tk[j - 1], EC_DEMONYM) &&
                (tk[j - 1].flags & TF_CAP))
                return sc->mstart[j - s->t0];
            /* "bought by London-based Pellinore": where it is based,
             * right before the name, is description enough */
            if (!(ex_wflags(sc, &tk[j - 1]) & WF_NAMEHEAD) &&
                !(j == pos + 1 && (tk[j - 1].flags & TF_CAP) &&
                  tk[j - 1].norm_len > 7 &&
                  memcmp(ex_norm(sc, &tk[j - 1]) + tk[j - 1].norm_len - 6,
                         "-based", 6) == 0))
                return -1;
            e = &EX_AT(sc->ents, ex_ent, m->ent);
            if (e->kind < 0)
                e->kind = KG_KIND_ORG;
            return sc->mstart[j - s->t0];
        }
        /* "U.S.-based", "TV maker", "AI startup" */
        if ((t->flags & TF_PUNCT) && ex_norm(sc, t)[0] == '-' &&
            !(t->flags & TF_SPACE_BEFORE))
            continue;
        /* "British chip designer Arm", "Israeli contract chipmaker",
         * "the Dutchman" */
        if ((t->flags & TF_WORD) && (t->flags & TF_CAP) &&
            ((ex_wflags(sc, t) & WF_NONNAME) || ex_tok_in(sc, t, EC_DEMONYM)))
            continue;
        /* "the Exeter-based carrier Flybe", "the Anglo-Dutch group": a
         * capitalised compound that is no name */
        if ((t->flags & TF_WORD) && (t->flags & TF_CAP) &&
            strchr(ex_norm(sc, t), '-') && sc->mcov[j - s->t0] < 0)
            continue;
        if ((t->flags & TF_WORD) && (t->flags & (TF_CAP | TF_ALLCAPS)) &&
            ((j + 1 < (int64_t)s->t1 &&
              ex_norm(sc, &tk[j + 1])[0] == '-' &&
              !(tk[j + 1].flags & TF_SPACE_BEFORE)) ||
             ((t->flags & TF_ALLCAPS) && t->norm_len <= 4)))
            continue;
        if (!(t->flags & TF_WORD) || (t->flags & (TF_CAP | TF_NUM)) ||
            (ex_wflags(sc, t) & (WF_STOP | WF_PRONOUN |
                                 WF_CURRENCY | WF_SCALE | WF_NOGAP |
                                 WF_NAMECUE)))
            return -1;
    }
    return -1;
}

/*
 * "a consortium led by Macquarie", "a Spanish-led consortium of investors
 * headed by Ferrovial": the leader of a bidding group stands for it.
 * Returns the leader's mention or -1.
 */
static int32_t consortium_leader(ex_scratch *sc, const ex_sent *s,
                                 int64_t pos)
{
    const ex_tok *tk = sc->toks.ptr;
    int64_t j = pos, lim;
    if (j < (int64_t)s->t1 && (is_word(sc, (uint32_t)j, "a") ||
                               is_word(sc, (uint32_t)j, "an") ||
                               is_word(sc, (uint32_t)j, "the")))
        j++;
    for (lim = j + 4; j < (int64_t)s->t1 && j < lim; j++) {
        if (is_word(sc, (uint32_t)j, "consortium") ||
            is_word(sc, (uint32_t)j, "consortia"))
            break;
        if (sc->mstart[j - s->t0] >= 0 || !(tk[j].flags & TF_WORD) ||
            (tk[j].flags & TF_NUM) ||
            (ex_wflags(sc, &tk[j]) & (WF_STOP | WF_PRONOUN)))
            return -1;
    }
    if (j >= (int64_t)s->t1 || j >= lim)
        return -1;
    j++;
    /* "of investors", "of pension funds" */
    if (j < (int64_t)s->t1 && is_word(sc, (uint32_t)j, "of"))
        for (j++, lim = j + 3; j < (int64_t)s->t1 && j < lim; j++)
            if (is_word(sc, (uint32_t)j, "led") ||
                is_word(sc, (uint32_t)j, "headed") ||
                sc->mstart[j - s->t0] >= 0 || !(tk[j].flags & TF_WORD))
                break;
    if (j + 2 < (int64_t)s->t1 && (is_word(sc, (uint32_t)j, "led") ||
                                   is_word(sc, (uint32_t)j, "headed") ||
                                   is_word(sc, (uint32_t)j, "fronted")) &&
        is_word(sc, (uint32_t)j + 1, "by")) {
        int32_t m = sc->mstart[j + 2 - s->t0];
        return m >= 0 ? m : premodified(sc, s, j + 2);
    }
    return -1;
}

/* A capitalised country or place word ("France", "Germany") that no
 * mention covers. */
static int country_tok(const ex_scratch *sc, const ex_sent *s, int64_t q)
{
    const ex_tok *t = &EX_AT(sc->toks, ex_tok, q);
    return q >= (int64_t)s->t0 && q < (int64_t)s->t1 &&
           sc->mcov[q - s->t0] < 0 && (t->flags & TF_CAP) &&
           (ex_wflags(sc, t) & (WF_COUNTRY | WF_NONNAME)) != 0;
}

/*
 * A firm's country told after its name, wire style: "Hoechst AG of West
 * Germany and Rhone-Poulenc SA of France agreed to merge".  Is "of
 * [the] [Word] Country" at b?  The token after it, else -1.
 */
static int64_t country_after(const ex_scratch *sc, const ex_sent *s,
                             int64_t b)
{
    const ex_tok *tk = sc->toks.ptr;
    int64_t q = b + 1;
    if (b + 1 >= (int64_t)s->t1 || !is_word(sc, (uint32_t)b, "of"))
        return -1;
    if (is_word(sc, (uint32_t)q, "the"))
        q++;
    if (q + 1 < (int64_t)s->t1 && (tk[q].flags & TF_CAP) &&
        (tk[q].flags & TF_WORD) && sc->mcov[q - s->t0] < 0 &&
        country_tok(sc, s, q + 1))
        q++;
    return country_tok(sc, s, q) ? q + 1 : -1;
}

/* The same read leftwards from the country's last word at pos: the
 * mention before "of", or -1. */
static int32_t country_before(const ex_scratch *sc, const ex_sent *s,
                              int64_t pos)
{
    int64_t q;
    for (q = pos - 1; q > (int64_t)s->t0 + 1 && q >= pos - 3; q--)
        if (is_word(sc, (uint32_t)q, "of"))
            return country_after(sc, s, q) == pos + 1
                       ? sc->mend[q - 1 - s->t0]
                       : -1;
    return -1;
}

static int match_fwd(mstate *st, uint32_t k, int64_t pos)
{
    const ex_elem *e;
    const ex_sent *s = st->s;
    const ex_tok *tk = st->sc->toks.ptr;
    if (k == st->r->el_n) {
        st->hi = pos;
        return 1;
    }
    e = &st->el[k];
    if (e->type == EL_CLASS) {
        const char *v = NULL;
        uint32_t n = ex_class_at(st->sc, e->cls, pos, 1, s->t0, s->t1,
                              (int)e->cls == st->r->role_cls ? &v : NULL);
        if (n && free_tok(st->sc, s, pos)) {
            const char *save = st->role;
            if ((int)e->cls == st->r->role_cls)
                st->role = v ? v : "";
            if (match_fwd(st, k + 1, pos + n))
                return 1;
            st->role = save;
        }
    } else if (e->type == EL_GAP) {
        uint32_t g, used = 0, nfree = 0, nn = 0;
        const ex_elem *nx = k + 1 < st->r->el_n ? &st->el[k + 1] : NULL;
        /* a word element next: nn is what it matches at pos + g, found
         * once for both of its uses below */
        int word_next = nx && nx->type == EL_CLASS && !nx->optional;
        for (g = 0; used <= e->cls; g++) {
            if (g > 0 && !gap_ok(st->sc, s, pos + g - 1, e->commas))
                break;
            if (g > 0) {
                if (e->commas && nfree < AMOUNT_FREE &&
                    amount_tok(st->sc, s, pos + g - 1))
                    nfree++;
                else if (++used > e->cls)
                    break;
            }
            /* a gap never swallows what the next word element matches:
             * "invested heavily in data centres in Wisconsin" */
            if (g > 0 && word_next && nn)
                break;
            if (word_next) {
                /* match_fwd of the word element fails here at once */
                nn = ex_class_at(st->sc, nx->cls, pos + g, 1, s->t0, s->t1,
                                 NULL);
                if (!nn || !free_tok(st->sc, s, pos + g))
                    continue;
            }
            if (match_fwd(st, k + 1, pos + g))
                return 1;
        }
        return 0;
    } else if (e->type == EL_ANY) {
        if (pos < (int64_t)s->t1 && st->sc->mstart[pos - s->t0] >= 0 &&
            match_fwd(st, k + 1, EX_AT(st->sc->ments, ex_ment,
                                       st->sc->mstart[pos - s->t0]).b))
            return 1;
    } else if (pos < (int64_t)s->t1) {
        int32_t m = st->sc->mstart[pos - s->t0];
        /* two slots side by side ("the O S": "the Pathwise maker") are
         * two mentions side by side, no description between */
        if (m < 0 && k > 0 && st->el[k - 1].type == EL_SLOT)
            return 0;
        /* "chairman Sir Tim Hart", "boss Mr. Rose": a title before a
         * person's name is not part of the mention */
        if (m < 0 && pos + 1 < (int64_t)s->t1 && (tk[pos].flags & TF_CAP) &&
            (ex_wflags(st->sc, &tk[pos]) & WF_TITLE)) {
            int64_t q = pos + 1;
            if (is_word(st->sc, (uint32_t)q, ".") && q + 1 < (int64_t)s->t1)
                q++;
            m = st->sc->mstart[q - s->t0];
            if (m >= 0 && EX_AT(st->sc->ents, ex_ent,
                                EX_AT(st->sc->ments, ex_ment, m).ent)
                                  .kind == KG_KIND_ORG)
                m = -1;
        }
        if (m < 0)
            m = premodified(st->sc, s, pos);
        /* "taken over by its Japanese partner Nippon Sheet Glass" when
         * "its" found no firm to stand for */
        if (m < 0 && pos + 2 < (int64_t)s->t1 &&
            ((is_word(st->sc, (uint32_t)pos, "it") &&
              is_word(st->sc, (uint32_t)pos + 1, "'s")) ||
             is_word(st->sc, (uint32_t)pos, "their")))
            m = premodified(st->sc, s,
                            is_word(st->sc, (uint32_t)pos, "it") ? pos + 2
                                                                  : pos + 1);
        if (m < 0)
            m = consortium_leader(st->sc, s, pos);
        if (m >= 0 && possessor_blocked(st, m, k)) {
            /* "by its chief executive Michael Intrator" */
            m = premodified(st->sc, s,
                            EX_AT(st->sc->ments, ex_ment, m).b + 1);
        }
        if (m >= 0) {
            const ex_ment *mm = &EX_AT(st->sc->ments, ex_ment, m);
            /* "Microsoft-backed OpenAI" (not "the ChatGPT-maker": the
             * hyphen opens the next mention) */
            if (mm->b + 1 < s->t1 && is_word(st->sc, mm->b, "-") &&
                !(tk[mm->b].flags & TF_SPACE_BEFORE) &&
                !(tk[mm->b + 1].flags & TF_SPACE_BEFORE) &&
                st->sc->mstart[mm->b - s->t0] < 0)
                m = premodified(st->sc, s, mm->b + 2);
        }
        /* "founded by OpenAI researchers", "Roomba maker iRobot": a
         * name used as a modifier; the argument is the name after */
        if (m >= 0) {
            const ex_ment *mm = &EX_AT(st->sc->ments, ex_ment, m);
            uint32_t wf = mm->b < s->t1
                              ? ex_wflags(st->sc,
                                          &EX_AT(st->sc->toks, ex_tok, mm->b))
                              : 0;
            uint32_t q = mm->b + 1;
            int32_t nm = q < s->t1 ? st->sc->mstart[q - s->t0] : -1;
            /* "Intel common stock": one more word before the noun */
            if (!(wf & WF_MODNOUN) && mm->b + 1 < s->t1 &&
                (EX_AT(st->sc->toks, ex_tok, mm->b).flags & TF_WORD) &&
                !(EX_AT(st->sc->toks, ex_tok, mm->b).flags & TF_CAP) &&
                !(wf & (WF_STOP | WF_TRIGGER)) &&
                (ex_wflags(st->sc, &EX_AT(st->sc->toks, ex_tok, mm->b + 1)) &
                 WF_MODNOUN)) {
                wf = WF_MODNOUN;
                q = mm->b + 2;
                nm = q < s->t1 ? st->sc->mstart[q - s->t0] : -1;
            }
            if ((wf & WF_MODNOUN) && k + 1 < st->r->el_n &&
                st->el[k + 1].type == EL_CLASS &&
                EX_AT(st->sc->toks, ex_tok, mm->b).word >= 0 &&
                kg_extract__word_in(st->sc->ex,
                                    (uint32_t)EX_AT(st->sc->toks, ex_tok,
                                                    mm->b).word,
                                    st->el[k + 1].cls))
                wf = 0; /* "use Nvidia chips": the pattern wants "chips" */
            if (wf & WF_MODNOUN)
                m = nm;
            else if ((wf & WF_ORGHEAD) && nm >= 0 &&
                     !(EX_AT(st->sc->toks, ex_tok, mm->b).flags & TF_CAP))
                m = nm;
        }
        if (m >= 0 && slot_ok(st->sc, m, e, st->r->relation)) {
            int32_t lst[8];
            size_t nl;
            int64_t past;
            st->slot[e->slot] = m;
            st->fwd[e->slot] = 1;
            st->rel[e->slot] = 0;
            if (match_fwd(st, k + 1,
                          EX_AT(st->sc->ments, ex_ment, m).b))
                return 1;
            /* "the merger of Hoechst of Germany and": past the country */
            past = country_after(st->sc, s,
                                 EX_AT(st->sc->ments, ex_ment, m).b);
            if (past >= 0 && k + 1 < st->r->el_n && match_fwd(st, k + 1, past))
                return 1;
            /* "owns the Halifax and Bank of Scotland brands": the
             * pattern goes on after the whole list */
            if (k + 1 < st->r->el_n &&
                (nl = coord_after(st->sc, s, m, e->kinds, lst, 7, 1)) > 0) {
                st->listed[e->slot] = 1;
                if (match_fwd(st, k + 1,
                              EX_AT(st->sc->ments, ex_ment, lst[nl - 1]).b))
                    return 1;
                st->listed[e->slot] = 0;
            }
        }
    }
    return e->optional ? match_fwd(st, k + 1, pos) : 0;
}

/* is token pos inside a description ("the craft brewer") */
static int desc_tok(const ex_scratch *sc, const ex_sent *s, int64_t pos)
{
    const ex_ment *m = &EX_AT(sc->ments, ex_ment, sc->mcov[pos - s->t0]);
    return m->src == MS_COREF && m->b > m->a + 1;
}

/*
 * Is there nothing of sentence s up to token pos but a wire dateline
 * without firms ("NEW YORK, Dec 1 - ")?  pos < t0: nothing at all.
 */
static int at_start(ex_scratch *sc, const ex_sent *s, int64_t pos)
{
    const ex_tok *tk = sc->toks.ptr;
    int64_t q;
    if (pos < (int64_t)s->t0)
        return 1;
    if (pos >= (int64_t)s->t0 + 16 || !(tk[pos].flags & TF_PUNCT) ||
        ex_norm(sc, &tk[pos])[0] != '-' || ex_norm(sc, &tk[pos])[1])
        return 0;
    for (q = s->t0; q < pos; q++)
        if (sc->mstart[q - s->t0] >= 0)
            return 0;
    return 1;
}

static int match_bwd(mstate *st, int64_t k, int64_t pos)
{
    const ex_elem *e;
    const ex_sent *s = st->s;
    const ex_tok *tk = st->sc->toks.ptr;
    if (k < 0) {
        st->lo = pos + 1;
        return 1;
    }
    e = &st->el[k];
    if (e->type == EL_CLASS) {
        const char *v = NULL;
        uint32_t n = ex_class_at(st->sc, e->cls, pos, -1, s->t0, s->t1,
                              (int)e->cls == st->r->role_cls ? &v : NULL);
        if (n && free_tok(st->sc, s, pos)) {
            const char *save = st->role;
            if ((int)e->cls == st->r->role_cls)
                st->role = v ? v : "";
            if (match_bwd(st, k - 1, pos - n))
                return 1;
            st->role = save;
        }
    } else if (e->type == EL_GAP) {
        uint32_t g, used = 0, nfree = 0;
        for (g = 0; used <= e->cls; g++) {
            if (g > 0 && !gap_ok(st->sc, s, pos - g + 1, e->commas))
                break;
            if (g > 0) {
                if (e->commas && nfree < AMOUNT_FREE &&
                    amount_tok(st->sc, s, pos - g + 1))
                    nfree++;
                else if (++used > e->cls)
                    break;
            }
            /* a word element next that fails here at once */
            if (k > 0 && st->el[k - 1].type == EL_CLASS &&
                !st->el[k - 1].optional &&
                (!ex_class_at(st->sc, st->el[k - 1].cls, pos - g, -1, s->t0,
                              s->t1, NULL) ||
                 !free_tok(st->sc, s, pos - g)))
                continue;
            if (match_bwd(st, k - 1, pos - g))
                return 1;
        }
        return 0;
    } else if (e->type == EL_START) {
        if (at_start(st->sc, s, pos) && match_bwd(st, k - 1, pos))
            return 1;
    } else if (e->type == EL_ANY) {
        if (pos >= (int64_t)s->t0 && st->sc->mend[pos - s->t0] >= 0 &&
            match_bwd(st, k - 1, (int64_t)EX_AT(st->sc->ments, ex_ment,
                                                st->sc->mend[pos - s->t0])
                                         .a - 1))
            return 1;
    } else if (pos >= (int64_t)s->t0) {
        int32_t m = st->sc->mend[pos - s->t0];
        int via_rel = 0, rel_tried;
        /* "Anheuser-Busch, the brewer of Budweiser, agreed to be bought":
         * a name that ends an apposition stands for the name before it */
        if (m >= 0 && pos + 1 < (int64_t)s->t1 &&
            is_word(st->sc, (uint32_t)pos + 1, ",")) {
            int64_t a = EX_AT(st->sc->ments, ex_ment, m).a, q;
            for (q = a - 1; q > (int64_t)s->t0 + 1 && q >= a - 6 &&
                            (tk[q].flags & TF_WORD) &&
                            !(tk[q].flags & (TF_CAP | TF_NUM)) &&
                            (st->sc->mcov[q - s->t0] < 0 ||
                             desc_tok(st->sc, s, q));
                 q--)
                ;
            if (q < a - 2 && q > (int64_t)s->t0 &&
                is_word(st->sc, (uint32_t)q, ",") &&
                (is_word(st->sc, (uint32_t)q + 1, "the") ||
                 is_word(st->sc, (uint32_t)q + 1, "a") ||
                 is_word(st->sc, (uint32_t)q + 1, "an")) &&
                st->sc->mend[q - 1 - s->t0] >= 0) {
                m = st->sc->mend[q - 1 - s->t0];
                st->app_a = q;
                st->app_b = pos + 1;
            }
        }
        /* "Pemberton, which competes with Halvard, was bought by": a
         * name that ends a relative clause before the main verb stands
         * for the clause's antecedent (when the pattern starts there:
         * "S, who owns 30 percent of O, said" reads the clause) */
        if (m >= 0 && pos + 2 < (int64_t)s->t1 &&
            (k == 0 || st->el[k - 1].type == EL_START) &&
            is_word(st->sc, (uint32_t)pos + 1, ",") &&
            finite_verb(st->sc, (uint32_t)pos + 2)) {
            int64_t a = EX_AT(st->sc->ments, ex_ment, m).a, q;
            for (q = a - 1; q > (int64_t)s->t0 && q >= a - 10 &&
                            !(tk[q].flags & TF_PUNCT);
                 q--)
                ;
            if (q > (int64_t)s->t0 && q < a - 1 &&
                is_word(st->sc, (uint32_t)q, ",") &&
                (is_word(st->sc, (uint32_t)q + 1, "which") ||
                 is_word(st->sc, (uint32_t)q + 1, "who") ||
                 is_word(st->sc, (uint32_t)q + 1, "whose")) &&
                st->sc->mend[q - 1 - s->t0] >= 0) {
                m = st->sc->mend[q - 1 - s->t0];
                st->app_a = q;
                st->app_b = pos + 1;
            }
        }
        /* "EMI, home to artists including Coldplay and Kylie Minogue, has
         * agreed to be bought": the list ends the apposition */
        if (m >= 0 && pos + 2 < (int64_t)s->t1 &&
            (k == 0 || st->el[k - 1].type == EL_START) &&
            is_word(st->sc, (uint32_t)pos + 1, ",") &&
            finite_verb(st->sc, (uint32_t)pos + 2)) {
            int32_t h = including_list_head(
                st->sc, s, EX_AT(st->sc->ments, ex_ment, m).a);
            if (h >= 0) {
                m = h;
                st->app_a = EX_AT(st->sc->ments, ex_ment, h).b;
                st->app_b = pos + 1;
            }
        }
        if (m < 0 && (tk[pos].flags & TF_PUNCT) &&
            ex_norm(st->sc, &tk[pos])[0] == ',' && pos > (int64_t)s->t0 + 1 &&
            st->sc->mend[pos - 1 - s->t0] >= 0 &&
            finite_verb(st->sc, (uint32_t)pos + 1)) {
            int32_t h = including_list_head(
                st->sc, s,
                EX_AT(st->sc->ments, ex_ment, st->sc->mend[pos - 1 - s->t0])
                    .a);
            if (h >= 0) {
                m = h;
                st->app_a = EX_AT(st->sc->ments, ex_ment, h).b;
                st->app_b = pos;
            }
        }
        /* "Hewlett Packard Enterprise Co. (HPE) agreed": skip the brackets */
        if (m < 0 && (tk[pos].flags & TF_PUNCT) &&
            ex_norm(st->sc, &tk[pos])[0] == ')') {
            int64_t q;
            for (q = pos - 1; q > (int64_t)s->t0 && q >= pos - 8; q--)
                if ((tk[q].flags & TF_PUNCT) &&
                    ex_norm(st->sc, &tk[q])[0] == '(') {
                    m = st->sc->mend[q - 1 - s->t0];
                    break;
                }
        }
        /* "A white knight, Halvard Inc, agreed to buy": a name set off by
         * commas after a description that opens the sentence is its
         * subject */
        if (m < 0 && (tk[pos].flags & TF_PUNCT) &&
            ex_norm(st->sc, &tk[pos])[0] == ',' && pos > (int64_t)s->t0 + 3 &&
            st->sc->mend[pos - 1 - s->t0] >= 0) {
            int32_t nm = st->sc->mend[pos - 1 - s->t0];
            int64_t a = EX_AT(st->sc->ments, ex_ment, nm).a, q;
            /* "The combined company, to be called Upvance, will": the
             * name the description is to be called */
            if (a > (int64_t)s->t0 + 5 &&
                (is_word(st->sc, (uint32_t)a - 1, "called") ||
                 is_word(st->sc, (uint32_t)a - 1, "named")) &&
                is_word(st->sc, (uint32_t)a - 2, "be") &&
                (is_word(st->sc, (uint32_t)a - 3, "to") ||
                 is_word(st->sc, (uint32_t)a - 3, "will")))
                a -= is_word(st->sc, (uint32_t)a - 4, "which") ? 4 : 3;
            if (a > (int64_t)s->t0 + 2 && is_word(st->sc, (uint32_t)a - 1, ",") &&
                (is_word(st->sc, s->t0, "a") || is_word(st->sc, s->t0, "an") ||
                 is_word(st->sc, s->t0, "the"))) {
                for (q = (int64_t)s->t0 + 1;
                     q < a - 1 && (tk[q].flags & TF_WORD) &&
                     (st->sc->mcov[q - s->t0] < 0 ||
                      EX_AT(st->sc->ments, ex_ment,
                            st->sc->mcov[q - s->t0]).src == MS_COREF);
                     q++)
                    ;
                if (q == a - 1)
                    m = nm;
            }
        }
        /* "Kestrel Robotics, a supplier to BMW": the name before */
        if (m < 0 && (tk[pos].flags & TF_PUNCT) &&
            ex_norm(st->sc, &tk[pos])[0] == ',' && pos > (int64_t)s->t0 &&
            k + 1 < (int64_t)st->r->el_n &&
            st->el[k + 1].type == EL_CLASS &&
            (is_word(st->sc, (uint32_t)pos + 1, "a") ||
             is_word(st->sc, (uint32_t)pos + 1, "an") ||
             is_word(st->sc, (uint32_t)pos + 1, "the")))
            m = st->sc->mend[pos - 1 - s->t0];
        /* "Microsoft, the software giant, acquired": skip the apposition */
        if (m < 0 && (tk[pos].flags & TF_PUNCT) &&
            ex_norm(st->sc, &tk[pos])[0] == ',') {
            int64_t q;
            /* a ", which" clause may run longer ("Vodafone, which took
             * its current shape when it bought AirTouch Communications of
             * the US last year, will have to sell") */
            for (q = pos - 2; q > (int64_t)s->t0 && q >= pos - 24; q--) {
                if ((tk[q].flags & TF_PUNCT) &&
                    strchr(";:()\"", ex_norm(st->sc, &tk[q])[0]))
                    break;
                if ((tk[q].flags & TF_PUNCT) &&
                    ex_norm(st->sc, &tk[q])[0] == ',' && q < pos - 16 &&
                    !(q + 1 < pos &&
                      (is_word(st->sc, (uint32_t)q + 1, "which") ||
                       is_word(st->sc, (uint32_t)q + 1, "who"))))
                    break;
                if ((tk[q].flags & TF_PUNCT) &&
                    ex_norm(st->sc, &tk[q])[0] == ',') {
                    /* "BHI, whose brands include Nurofen and Clearasil,
                     * was put up for sale, weeks after the merger": a
                     * verb after the comma opens a predicate, no
                     * apposition to skip */
                    if (finite_verb(st->sc, (uint32_t)q + 1))
                        break;
                    /* "Rowntree, the confectioner behind KitKat, Polo
                     * and Smarties, agreed": a comma before a name is
                     * inside a list in the apposition */
                    if (q + 1 < pos && st->sc->mstart[q + 1 - s->t0] >= 0 &&
                        st->sc->mend[q - 1 - s->t0] >= 0 &&
                        EX_AT(st->sc->ments, ex_ment,
                              st->sc->mstart[q + 1 - s->t0])
                                .src != MS_COREF &&
                        EX_AT(st->sc->ments, ex_ment,
                              st->sc->mend[q - 1 - s->t0])
                                .src != MS_COREF &&
                        list_goes_on(st->sc, s,
                                     &EX_AT(st->sc->ments, ex_ment,
                                            st->sc->mstart[q + 1 - s->t0])))
                        continue;
                    m = st->sc->mend[q - 1 - s->t0];
                    /* "Autonomy, the software firm whose technology
                     * searches e-mails, documents and video for
                     * businesses, has agreed": a comma between two plain
                     * lowercase words is inside a list in the apposition */
                    if (m < 0 && q + 1 < pos &&
                        (tk[q - 1].flags & TF_WORD) &&
                        !(tk[q - 1].flags & (TF_CAP | TF_NUM)) &&
                        (tk[q + 1].flags & TF_WORD) &&
                        !(tk[q + 1].flags & (TF_CAP | TF_NUM)) &&
                        st->sc->mcov[q - 1 - s->t0] < 0 &&
                        st->sc->mcov[q + 1 - s->t0] < 0 &&
                        !(ex_wflags(st->sc, &tk[q + 1]) & WF_STOP) &&
                        !(ex_wflags(st->sc, &tk[q - 1]) & WF_STOP) &&
                        !finite_verb(st->sc, (uint32_t)q + 1))
                        continue;
                    /* "Telmark, based in Tupelo, Miss., is run by": the
                     * place's own comma is inside the apposition */
                    if (m < 0 && !(tk[q - 1].flags & TF_PUNCT) &&
                        place_comma(st->sc, s, q))
                        continue;
                    if (m >= 0) {
                        st->app_a = q;
                        st->app_b = pos;
                    }
                    break;
                }
            }
        }
        /* "General Catalyst, which put ..." : the relative's antecedent */
        rel_tried = m < 0;
        if (m < 0 && (tk[pos].flags & TF_WORD) &&
            (is_word(st->sc, (uint32_t)pos, "which") ||
             is_word(st->sc, (uint32_t)pos, "who") ||
             is_word(st->sc, (uint32_t)pos, "that")) &&
            pos > (int64_t)s->t0) {
            int64_t q = pos - 1;
            if (q > (int64_t)s->t0 && is_word(st->sc, (uint32_t)q, ","))
                q--;
            m = st->sc->mend[q - s->t0];
            /* "the Fjord robot, which": a name and its noun */
            if (m < 0 && q > (int64_t)s->t0 && (tk[q].flags & TF_WORD) &&
                !(tk[q].flags & TF_CAP))
                m = st->sc->mend[q - 1 - s->t0];
            /* "xAI, an AI start-up that competes": through the
             * apposition to the name */
            if (m < 0) {
                int64_t r2;
                for (r2 = q; r2 > (int64_t)s->t0 && r2 >= q - 7; r2--) {
                    if (is_word(st->sc, (uint32_t)r2, ",")) {
                        m = st->sc->mend[r2 - 1 - s->t0];
                        break;
                    }
                    if (st->sc->mcov[r2 - s->t0] >= 0 ||
                        (tk[r2].flags & TF_PUNCT))
                        break;
                }
            }
        }
        /* "Vodafone and Bell Atlantic, which became Verizon after
         * merging with GTE": the relative tells of its last name only,
         * unless it says both ("which both", "which together") */
        if (m >= 0 && rel_tried && (tk[pos].flags & TF_WORD) &&
            (is_word(st->sc, (uint32_t)pos, "which") ||
             is_word(st->sc, (uint32_t)pos, "who")) &&
            !(pos + 1 < (int64_t)s->t1 &&
              (is_word(st->sc, (uint32_t)pos + 1, "both") ||
               is_word(st->sc, (uint32_t)pos + 1, "together") ||
               is_word(st->sc, (uint32_t)pos + 1, "jointly"))))
            via_rel = 1;
        /* "ASML took a stake after leading its round": the subject of a
         * participle clause is the sentence's first name */
        if (m >= 0 && (tk[pos + 1].flags & TF_WORD) &&
            EX_AT(st->sc->ments, ex_ment, m).b < s->t1) {
            const ex_ment *mm = &EX_AT(st->sc->ments, ex_ment, m);
            uint32_t a = mm->b;
            if (a + 1 < s->t1 && (is_word(st->sc, a, "after") ||
                                  is_word(st->sc, a, "before") ||
                                  is_word(st->sc, a, "by") ||
                                  is_word(st->sc, a, "while"))) {
                const ex_tok *v = &tk[a + 1];
                const char *vn = ex_norm(st->sc, v);
                if (v->norm_len > 4 &&
                    strcmp(vn + v->norm_len - 3, "ing") == 0 &&
                    EX_AT(st->sc->ments, ex_ment, 0).a < mm->a) {
                    /* "Bell Atlantic, which became Verizon after merging
                     * with GTE": in a relative clause, its antecedent */
                    int64_t q;
                    int32_t ante = -1;
                    for (q = (int64_t)mm->a - 1;
                         q > (int64_t)s->t0 + 1 && q >= (int64_t)mm->a - 8;
                         q--) {
                        if (tk[q].flags & TF_PUNCT)
                            break;
                        if ((is_word(st->sc, (uint32_t)q, "which") ||
                             is_word(st->sc, (uint32_t)q, "who")) &&
                            is_word(st->sc, (uint32_t)q - 1, ",")) {
                            ante = st->sc->mend[q - 2 - s->t0];
                            break;
                        }
                    }
                    if (ante >= 0 && k == 0) {
                        m = ante;
                        via_rel = 1;
                    } else {
                        m = 0;
                    }
                }
            }
        }
        /* "X acquired Y and sold Z": the subject of sold is X */
        if (m >= 0) {
            const ex_ment *mm = &EX_AT(st->sc->ments, ex_ment, m);
            /* "makes Velveeta cheese and owns", "owns the Crown Books
             * discount chains and": a head noun (and a modifier) may
             * follow */
            uint32_t an = mm->b;
            uint32_t ma = mm->a, w, h;
            int64_t subj_end = -1;
            for (h = an; h < an + 2 && h + 1 < s->t1 &&
                         (tk[h].flags & TF_WORD) &&
                         !(tk[h].flags & TF_CAP) &&
                         st->sc->mcov[h - s->t0] < 0 &&
                         !(ex_wflags(st->sc, &tk[h]) & WF_STOP);
                 h++)
                if (is_word(st->sc, h + 1, "and")) {
                    an = h + 1;
                    break;
                }
            /* "founded EDS, a computer services company based in
             * Dallas, in 1962 and sold it": past the object's
             * apposition to the comma that closes it */
            if (an + 2 < s->t1 && is_word(st->sc, an, ",") &&
                (tk[an + 1].flags & TF_WORD) && !(tk[an + 1].flags & TF_CAP)) {
                uint32_t c;
                for (c = an + 2; c < s->t1 && c < an + 22; c++) {
                    if ((tk[c].flags & TF_PUNCT) &&
                        strchr(";:()\"", ex_norm(st->sc, &tk[c])[0]))
                        break;
                    if (is_word(st->sc, c, "and"))
                        break;
                    if (is_word(st->sc, c, ",")) {
                        an = c + 1;
                        break;
                    }
                }
            }
            /* "paid for Jaguar in 1989 and bought": a short adverbial
             * before "and" inside the gap */
            for (w = an; w < an + 3 && w + 1 < s->t1 &&
                         !is_word(st->sc, w, "and") &&
                         st->sc->mcov[w - s->t0] < 0 &&
                         !(tk[w].flags & TF_PUNCT) &&
                         !((ex_wflags(st->sc, &tk[w]) & WF_TRIGGER) &&
                           !(ex_wflags(st->sc, &tk[w]) & WF_STOP));
                 w++)
                if (is_word(st->sc, w + 1, "and")) {
                    an = w + 1;
                    break;
                }
            /* "owns the Crown Books and Trak Auto chains and": the
             * first name of a list, after its article */
            while (ma >= s->t0 + 2 &&
                   (is_word(st->sc, ma - 1, "and") ||
                    is_word(st->sc, ma - 1, ",")) &&
                   st->sc->mend[ma - 2 - s->t0] >= 0)
                ma = EX_AT(st->sc->ments, ex_ment,
                           st->sc->mend[ma - 2 - s->t0]).a;
            if (ma > s->t0 + 2 &&
                (is_word(st->sc, ma - 1, "the") ||
                 is_word(st->sc, ma - 1, "its") ||
                 is_word(st->sc, ma - 1, "their")) &&
                (ex_wflags(st->sc, &tk[ma - 2]) & WF_TRIGGER) &&
                !(ex_wflags(st->sc, &tk[ma - 2]) & WF_STOP))
                ma--;
            /* "formed an alliance with the Ministry of Defence and won":
             * the article after a preposition */
            else if (ma > s->t0 + 2 && is_word(st->sc, ma - 1, "the") &&
                     (is_word(st->sc, ma - 2, "with") ||
                      is_word(st->sc, ma - 2, "from") ||
                      is_word(st->sc, ma - 2, "to") ||
                      is_word(st->sc, ma - 2, "for") ||
                      is_word(st->sc, ma - 2, "against")))
                ma--;
            /* "and" then a verb, or an adverbial before one ("and
             * last year failed", "and have been sued", "and to
             * demerge"); not "and the", "and its" */
            if (an < s->t1 && (int64_t)an < st->trig &&
                is_word(st->sc, an, "and") &&
                !is_word(st->sc, mm->b, "'s") &&
                (an <= pos ||
                 (an + 1 < s->t1 && st->sc->mcov[an + 1 - s->t0] < 0 &&
                  (tk[an + 1].flags & TF_WORD) &&
                  (((ex_wflags(st->sc, &tk[an + 1]) & WF_TRIGGER) &&
                    !(ex_wflags(st->sc, &tk[an + 1]) & WF_STOP)) ||
                   (!(tk[an + 1].flags & TF_CAP) &&
                    !is_word(st->sc, an + 1, "the") &&
                    !is_word(st->sc, an + 1, "a") &&
                    !is_word(st->sc, an + 1, "an") &&
                    !is_word(st->sc, an + 1, "its") &&
                    !is_word(st->sc, an + 1, "their") &&
                    !is_word(st->sc, an + 1, "his") &&
                    !is_word(st->sc, an + 1, "her") &&
                    !is_word(st->sc, an + 1, "other") &&
                    !is_word(st->sc, an + 1, "of"))))) &&
                ma > s->t0 + 1 &&
                (tk[ma - 1].flags & TF_WORD) &&
                (((ex_wflags(st->sc, &tk[ma - 1]) & WF_TRIGGER) &&
                  !(ex_wflags(st->sc, &tk[ma - 1]) & WF_STOP)) ||
                 is_word(st->sc, ma - 1, "in") ||
                 is_word(st->sc, ma - 1, "into") ||
                 is_word(st->sc, ma - 1, "with") ||
                 is_word(st->sc, ma - 1, "from") ||
                 is_word(st->sc, ma - 1, "to") ||
                 is_word(st->sc, ma - 1, "of") ||
                 is_word(st->sc, ma - 1, "for") ||
                 /* "workstations that run on Unix and competes with" */
                 is_word(st->sc, ma - 1, "on") ||
                 is_word(st->sc, ma - 1, "at") ||
                 is_word(st->sc, ma - 1, "against"))) {
                int64_t q;
                /* no subject found: the object of the first verb is
                 * still none of the second's ("jointly own ITV Digital,
                 * the pay-TV service, and have been sued") */
                m = -1;
                via_rel = 0;
                for (q = (int64_t)ma - 2;
                     q >= (int64_t)s->t0 && q >= (int64_t)ma - 14; q--)
                    if (st->sc->mend[q - s->t0] >= 0 &&
                        !(q + 1 < (int64_t)s->t1 &&
                          is_word(st->sc, (uint32_t)q + 1, "'s") &&
                          EX_AT(st->sc->ments, ex_ment,
                                st->sc->mend[q - s->t0]).src == MS_COREF)) {
                        m = st->sc->mend[q - s->t0];
                        subj_end = q;
                        break;
                    }
            }
            /* the first verb's words are its clause's, not this one's:
             * "called off its sale to Kroger on Wednesday and sued"
             * sues, it does not call off.  "plans to sell X and to
             * demerge Y" shares the hedge. */
            if (subj_end >= 0 && an < s->t1 &&
                !is_word(st->sc, an + 1, "to") &&
                (st->app_a < 0 ||
                 (st->app_a > subj_end && st->app_b <= (int64_t)an))) {
                st->app_a = subj_end + 1;
                st->app_b = an;
            }
        }
        /* "Granada's shareholders would own 68% of": the holders own
         * the stake, not the firm ("its shareholders approved the
         * merger" is the firm's act) */
        if (m >= 0 && st->r->relation == KG_REL_INVESTED_IN &&
            k + 1 < (int64_t)st->r->el_n && st->el[k + 1].type == EL_GAP) {
            uint32_t b;
            /* "said its stockholders will hold": also past a pronoun */
            for (b = EX_AT(st->sc->ments, ex_ment, m).b;
                 b + 1 < s->t1 && (int64_t)b + 1 < st->trig; b++)
                if (is_word(st->sc, b, "'s") &&
                    (is_word(st->sc, b + 1, "shareholders") ||
                     is_word(st->sc, b + 1, "stockholders") ||
                     is_word(st->sc, b + 1, "investors") ||
                     is_word(st->sc, b + 1, "holders") ||
                     is_word(st->sc, b + 1, "bondholders") ||
                     is_word(st->sc, b + 1, "creditors") ||
                     is_word(st->sc, b + 1, "owners"))) {
                    m = -1;
                    break;
                }
        }
        /* "Hoechst AG of West Germany and Rhone-Poulenc agreed": the
         * name before its country */
        if (m < 0)
            m = country_before(st->sc, s, pos);
        if (m >= 0 && slot_ok(st->sc, m, e, st->r->relation)) {
            int64_t a = EX_AT(st->sc->ments, ex_ment, m).a;
            st->slot[e->slot] = m;
            st->fwd[e->slot] = 0;
            st->rel[e->slot] = via_rel;
            if (match_bwd(st, k - 1, a - 1))
                return 1;
            /* "outbid the American group Marlow Partners to win",
             * "agreed to acquire the dairy group Osgood Creamery for
             * ..., topping": a short description before the name, as a
             * slot matched forwards takes it (premodified); only where a
             * word element comes before (a gap crosses it anyway) */
            if (k > 0 && st->el[k - 1].type == EL_CLASS) {
                int64_t q;
                for (q = a - 1; q > (int64_t)s->t0 && q >= a - 6; q--) {
                    if (!(tk[q].flags & TF_WORD) ||
                        st->sc->mcov[q - s->t0] >= 0)
                        break;
                    /* not after a possessive: "its rival Go", "X's
                     * partner Y" say whose the name is */
                    if (premodified(st->sc, s, q) == m &&
                        !is_word(st->sc, (uint32_t)q - 1, "'s") &&
                        !is_word(st->sc, (uint32_t)q - 1, "its") &&
                        !is_word(st->sc, (uint32_t)q - 1, "their") &&
                        !is_word(st->sc, (uint32_t)q - 1, "his") &&
                        !is_word(st->sc, (uint32_t)q - 1, "her") &&
                        match_bwd(st, k - 1, q - 1))
                        return 1;
                }
            }
            /* "Fiat Chrysler and France's PSA Group": before the
             * country's possessive */
            if (k > 0 && a - 2 > (int64_t)s->t0 &&
                is_word(st->sc, (uint32_t)a - 1, "'s") &&
                country_tok(st->sc, s, a - 2) &&
                match_bwd(st, k - 1, a - 3))
                return 1;
        }
    }
    return e->optional ? match_bwd(st, k - 1, pos) : 0;
}

/*
 * "Goodyear said it would sell Celeron Corp", "is to sell its insurance
 * arm": a sale announced (a phrase of class saleplan ends at the selling
 * verb at trig_pos) with no buyer named after it ("to" and a name, or a
 * name or a firm's noun after a short description: "to a buyout firm")
 * is a plan: 1.  "would sell its shareholding to Walmart": 0.
 */
static int sale_planned(ex_scratch *sc, const ex_sent *s, uint32_t trig_pos)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t cls = sc->ex->ecls[EC_SALEPLAN];
    int64_t q, r;
    if (cls == (uint32_t)-1 ||
        ex_class_at(sc, cls, trig_pos, -1, s->t0, s->t1, NULL) < 2)
        return 0;
    for (q = (int64_t)trig_pos + 1; q + 1 < (int64_t)s->t1; q++) {
        const char *qn = ex_norm(sc, &tk[q]);
        if ((tk[q].flags & TF_PUNCT) && (qn[0] == ';' || qn[0] == ':'))
            break;
        if (!is_word(sc, (uint32_t)q, "to"))
            continue;
        for (r = q + 1; r < (int64_t)s->t1 && r <= q + 5; r++) {
            if (sc->mstart[r - s->t0] >= 0 ||
                (ex_wflags(sc, &tk[r]) & WF_NAMEHEAD))
                return 0;
            if (!(tk[r].flags & TF_WORD) || (tk[r].flags & TF_NUM) ||
                (r > q + 1 && (ex_wflags(sc, &tk[r]) & WF_STOP)))
                break;
        }
    }
    return 1;
}

/* ---- status cues ---- */

/*
 * Which of the first EX_CUE_BITS cues start at each token of the
 * sentence: found once per sentence, so each triple only looks at the
 * bits.
 */
static void cue_bits(ex_scratch *sc, const ex_sent *s)
{
    const kg_extractor *ex = sc->ex;
    int64_t si = s - (const ex_sent *)sc->sents.ptr;
    uint32_t p, k;
    size_t c;
    if (sc->cue_sent == si)
        return;
    sc->cue_sent = si;
    memset(&sc->cue_any, 0, sizeof sc->cue_any);
    memset(sc->cuebits, 0, (s->t1 - s->t0) * sizeof *sc->cuebits);
    for (p = s->t0; p < s->t1; p++) {
        const ex_tok *t = &EX_AT(sc->toks, ex_tok, p);
        const ex_word *w, *next;
        ex_cueset *bits = &sc->cuebits[p - s->t0];
        uint64_t any = 0;
        if (t->word < 0)
            continue;
        /* most words start no cue phrase: the word says so first */
        w = &EX_AT(ex->wordv, ex_word, t->word);
        for (k = 0; k < EX_CUE_WORDS; k++)
            any |= w->cuemask.w[k];
        if (!any || sc->mcov[p - s->t0] >= 0 ||
            ((t->flags & TF_CAP) && (ex_wflags(sc, t) & WF_MONTH)))
            continue;
        next = p + 1 < s->t1 && t[1].word >= 0
                   ? &EX_AT(ex->wordv, ex_word, t[1].word)
                   : NULL;
        for (k = 0; k < EX_CUE_WORDS; k++) {
            uint64_t cand;
            if (!w->cuemask.w[k])
                continue;
            /* the word alone is a phrase of these; the others need the
             * words after it, the next one first */
            bits->w[k] = w->cue1mask.w[k];
            cand = w->cuemask.w[k] & ~bits->w[k];
            cand &= next ? next->cue2mask.w[k] : 0;
            for (; cand; cand &= cand - 1) {
                /* its lowest cue */
                c = 64 * k + (size_t)__builtin_ctzll(cand);
                if (ex_class_at(sc, EX_AT(ex->cuev, ex_cue, c).cls, p, 1,
                                s->t0, s->t1, NULL))
                    bits->w[k] |= 1ULL << (c % 64);
            }
            sc->cue_any.w[k] |= bits->w[k];
        }
    }
}

/* Is token q a comma that opens a ", which" / ", who" clause or a ",
 * the" / ", a" apposition? */
static int clause_opens(ex_scratch *sc, int64_t q)
{
    const char *qn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, q));
    const char *wn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, q + 1));
    return qn[0] == ',' && !qn[1] &&
           (strcmp(wn, "which") == 0 || strcmp(wn, "who") == 0 ||
            strcmp(wn, "the") == 0 || strcmp(wn, "a") == 0 ||
            strcmp(wn, "an") == 0);
}

/* a comma in tokens [a, b) */
static int comma_in(ex_scratch *sc, int64_t a, int64_t b)
{
    for (; a < b; a++)
        if (is_word(sc, (uint32_t)a, ","))
            return 1;
    return 0;
}

/*
 * Is there a clause boundary between tokens p and lo: a semicolon, a
 * comma before "and", "but" or "while", or "and" before a second verb of
 * the same subject ("bought Tenby in 2019 and is now in talks to buy
 * Pellow")?
 */
static int clause_break(ex_scratch *sc, int64_t p, int64_t lo)
{
    static const char *const aux[] = {"is", "are", "was", "were", "has",
                                      "have", "had", "will", "would"};
    for (p++; p + 1 < lo; p++) {
        const char *pn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, p));
        const char *wn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, p + 1));
        size_t i;
        if (pn[0] == ';' && !pn[1])
            return 1;
        if (pn[0] == ',' && !pn[1] &&
            (strcmp(wn, "and") == 0 || strcmp(wn, "but") == 0 ||
             strcmp(wn, "while") == 0))
            return 1;
        if (strcmp(pn, "and") == 0 || strcmp(pn, "but") == 0)
            for (i = 0; i < sizeof aux / sizeof aux[0]; i++)
                if (strcmp(wn, aux[i]) == 0)
                    return 1;
    }
    return 0;
}

/*
 * Does the match over [lo, hi) open with a name and a ", which" / ",
 * who" clause or a ", the" apposition that stays open to its end?  Such
 * a tie is background to the clause that names it: "amid talk of a bid
 * for Centrica, the owner of British Gas" hedges the bid, not the
 * ownership; "could compete with NYSE, which agreed to merge with
 * Euronext" hedges the rivalry, not the merger.
 */
static int opens_background(ex_scratch *sc, const ex_sent *s, int64_t lo,
                            int64_t hi)
{
    int64_t q = lo, r;
    while (q < hi && sc->mcov[q - s->t0] >= 0)
        q++;
    if (q == lo || q + 2 >= hi || !clause_opens(sc, q))
        return 0;
    for (r = q + 2; r + 1 < hi; r++) {
        const char *rn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, r));
        if ((rn[0] == ',' || rn[0] == ';') && !rn[1])
            return 0;
    }
    return 1;
}

/*
 * Does the denial whose phrase ends before token e govern another verb,
 * before a bidder named in the possessive at lo?  "would not match
 * Vantry's higher offer", "have not yet approved Bellwood's bid": the
 * offer was made (a denial right before the name, "denied Vantry's
 * bid", governs it).
 */
static int denial_of_other(const ex_scratch *sc, const ex_sent *s,
                           int64_t e, int64_t lo)
{
    const ex_tok *tk = sc->toks.ptr;
    int32_t m;
    uint32_t b;
    int64_t q;
    int verb = 0;
    if (lo <= e || lo >= (int64_t)s->t1 ||
        (m = sc->mstart[lo - s->t0]) < 0 ||
        EX_AT(sc->ments, ex_ment, m).src == MS_COREF)
        return 0;
    b = EX_AT(sc->ments, ex_ment, m).b;
    if (b >= s->t1 || !(is_word(sc, b, "'s") || is_word(sc, b, "'")))
        return 0;
    for (q = e; q < lo; q++) {
        if (sc->mcov[q - s->t0] >= 0 || !(tk[q].flags & TF_WORD))
            return 0;
        if (!ex_tok_in(sc, &tk[q], EC_DENIALFILL))
            verb = 1;
    }
    return verb;
}

/*
 * The first token p in [a, b) where cue c of the sentence starts (outside
 * names, the skipped apposition [app_a, app_b] and capitalised month
 * words), with its length in *len; -1 if none.
 */
static int64_t cue_in(ex_scratch *sc, const ex_sent *s, size_t c, int64_t a,
                      int64_t b, int64_t lim, int64_t app_a, int64_t app_b,
                      uint32_t *len)
{
    const ex_cue *cue = &EX_AT(sc->ex->cuev, ex_cue, c);
    int64_t p;
    for (p = a; p < b; p++)
        if ((c >= EX_CUE_BITS ||
             ((sc->cuebits[p - s->t0].w[c / 64] >> (c % 64)) & 1)) &&
            sc->mcov[p - s->t0] < 0 && !(p >= app_a && p <= app_b) &&
            !((EX_AT(sc->toks, ex_tok, p).flags & TF_CAP) &&
              (ex_wflags(sc, &EX_AT(sc->toks, ex_tok, p)) & WF_MONTH)) &&
            (*len = ex_class_at(sc, cue->cls, p, 1, s->t0, (uint32_t)lim,
                                NULL)) != 0)
            return p;
    return -1;
}

/* a firm named in tokens [a, b) */
static int org_between(ex_scratch *sc, const ex_sent *s, int64_t a,
                       int64_t b)
{
    int64_t q;
    for (q = a; q < b; q++) {
        int32_t m = sc->mcov[q - s->t0];
        if (m >= 0 && EX_AT(sc->ents, ex_ent,
                            EX_AT(sc->ments, ex_ment, m).ent).kind ==
                          KG_KIND_ORG)
            return 1;
    }
    return 0;
}

/*
 * "John Legere, T-Mobile's chief executive, who has led its attacks on
 * AT&T, will step down": a post told in an apposition that opens the
 * sentence and is followed by a "who" clause; the first words after the
 * clause are the person's verb, where a departure is told.  Sets
 * [*pa, *pb) to them (up to five, to the end of their clause), else to
 * an empty range.
 */
static void after_who(ex_scratch *sc, const ex_sent *s, int64_t lo,
                      int64_t hi, int rel, int64_t *pa, int64_t *pb)
{
    int64_t q = hi, r;
    *pa = *pb = 0;
    if (rel != KG_REL_LEADS)
        return;
    /* "Dame Helena Ashcombe, ...", "Mr. Benning, ...": a title may
     * open the sentence before the name */
    for (r = lo - 1; r >= (int64_t)s->t0 && r >= lo - 3; r--)
        if (!(ex_wflags(sc, &EX_AT(sc->toks, ex_tok, r)) & WF_TITLE) &&
            !is_word(sc, (uint32_t)r, "."))
            break;
    if (!at_start(sc, s, r))
        return;
    if (q > lo && is_word(sc, (uint32_t)q - 1, ","))
        q--;
    if (q + 2 >= (int64_t)s->t1 || !is_word(sc, (uint32_t)q, ",") ||
        !is_word(sc, (uint32_t)q + 1, "who"))
        return;
    for (r = q + 2; r < (int64_t)s->t1 && r < q + 40; r++)
        if (is_word(sc, (uint32_t)r, ";"))
            return;
        else if (is_word(sc, (uint32_t)r, ","))
            break;
    if (r + 1 >= (int64_t)s->t1 || r >= q + 40)
        return;
    *pa = r + 1;
    for (*pb = *pa; *pb < (int64_t)s->t1 && *pb < *pa + 5; (*pb)++)
        if (is_word(sc, (uint32_t)*pb, ",") || is_word(sc, (uint32_t)*pb, ";"))
            break;
}

/*
 * Does the match [lo, hi) lie inside a relative clause that opens with
 * ", which" or ", who" shortly before it and closes with a comma after
 * it ("Tessin, which agreed to sell Harmon to Orbis last month, is in
 * talks with Kelso")?  Then *ra is the opening comma and *rb the closing
 * one: sentence-wide cues outside them are about the main clause.
 */
static int relative_around(ex_scratch *sc, const ex_sent *s, int64_t lo,
                           int64_t hi, int64_t *ra, int64_t *rb)
{
    int64_t q, r;
    for (q = lo - 1; q >= (int64_t)s->t0 && q >= lo - 8; q--) {
        const char *qn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, q));
        if (qn[0] == ';' && !qn[1])
            return 0;
        if (qn[0] == ',' && !qn[1]) {
            const char *wn;
            if (q + 1 >= lo)
                return 0;
            wn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, q + 1));
            if (strcmp(wn, "which") != 0 && strcmp(wn, "who") != 0)
                return 0;
            break;
        }
    }
    if (q < (int64_t)s->t0 || q < lo - 8)
        return 0;
    for (r = hi; r + 1 < (int64_t)s->t1; r++) {
        const char *rn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, r));
        if (rn[0] == ';' && !rn[1])
            return 0;
        if (rn[0] == ',' && !rn[1]) {
            *ra = q;
            *rb = r;
            return 1;
        }
    }
    return 0;
}

/*
 * The status of a tie matched over tokens [lo, hi) whose rule says def;
 * *also is set to a second status the sentence tells of the same tie
 * (the cue that decided is an "also" cue: "rejected the offer" tells
 * the offer, reported, beside its rejection), else to -1.
 */
static int cue_status(ex_scratch *sc, const ex_sent *s, int64_t lo,
                      int64_t hi, int def, int near_only, int rel,
                      int64_t app_a, int64_t app_b, int ended_only,
                      int *also)
{
    const kg_extractor *ex = sc->ex;
    int found[KG_STATUS__COUNT] = {0}, alsof[KG_STATUS__COUNT] = {0};
    int64_t where[KG_STATUS__COUNT] = {0};
    size_t c;
    int64_t nlo = lo - 4 > (int64_t)s->t0 ? lo - 4 : (int64_t)s->t0;
    int64_t nhi = hi + 4 < (int64_t)s->t1 ? hi + 4 : (int64_t)s->t1, q, chi;
    int background = opens_background(sc, s, lo, hi), far_hedge = 0;
    int64_t pa = 0, pb = 0, rel_a = -1, rel_b = -1;
    cue_bits(sc, s);
    /* a tie told in a ", which" / ", who" clause or a ", the"
     * apposition that the match ends in is background ("Microsoft,
     * which has committed $13bn to OpenAI, learned of it late, a person
     * familiar said"; "X, the owner of Y, denied reports"): sentence-wide
     * cues are about the main clause, not about it.  A clause closed
     * inside the match ("X, which makes Z, is in talks to buy Y") is
     * not. */
    for (q = lo > (int64_t)s->t0 ? lo - 1 : lo; q + 1 < hi && !near_only;
         q++) {
        int64_t r;
        /* a comma is one byte long: most tokens fail here, without
         * the call */
        if ((q >= app_a && q <= app_b) ||
            EX_AT(sc->toks, ex_tok, q).norm_len != 1 || !clause_opens(sc, q))
            continue;
        near_only = 1;
        for (r = q + 2; r + 1 < hi; r++) {
            const char *rn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, r));
            if (rn[0] == ',' && !rn[1]) {
                near_only = 0;
                break;
            }
        }
    }
    /* after the match, cues count up to the end of its clause; a match
     * that ends in a comma has ended it ("accepted X's offer, ending a
     * six-week stand-off") */
    if (hi - 1 > lo && hi - 1 < (int64_t)s->t1 &&
        ex_norm(sc, &EX_AT(sc->toks, ex_tok, hi - 1))[0] == ',' &&
        !ex_norm(sc, &EX_AT(sc->toks, ex_tok, hi - 1))[1])
        nhi = hi;
    chi = hi + 12 < (int64_t)s->t1 ? hi + 12 : (int64_t)s->t1;
    if (nhi == hi)
        chi = hi;
    for (q = hi; q < chi; q++) {
        const char *qn = ex_norm(sc, &EX_AT(sc->toks, ex_tok, q));
        if ((qn[0] == ',' || qn[0] == ';') && !qn[1]) {
            chi = q;
            break;
        }
    }
    if (nhi > chi)
        nhi = chi;
    after_who(sc, s, lo, hi, rel, &pa, &pb);
    if (!relative_around(sc, s, lo, hi, &rel_a, &rel_b))
        rel_a = rel_b = -1;
    for (c = 0; c < ex->cuev.n; c++) {
        const ex_cue *cue;
        int64_t a, b, p, lim;
        int k;
        /* a cue with a bit is found only where its bit is set; most are
         * in no word of the sentence: go to the next set bit */
        if (c < EX_CUE_BITS) {
            uint64_t rest = sc->cue_any.w[c / 64] >> (c % 64);
            if (!rest) {
                c |= 63; /* the last of its word of bits */
                continue;
            }
            c += (size_t)__builtin_ctzll(rest);
            if (c >= ex->cuev.n)
                break;
        }
        cue = &EX_AT(ex->cuev, ex_cue, c);
        /* cues=ended: endings, and the holds cues that gainsay them */
        if (found[cue->status] || (cue->wide && near_only) ||
            (ended_only && cue->status != KG_STATUS_ENDED &&
             cue->status != KG_STATUS_HOLDS) ||
            (cue->rels && !(cue->rels & (1u << rel))))
            continue;
        a = cue->wide ? (int64_t)s->t0 : nlo;
        b = cue->wide ? (int64_t)s->t1 : cue->clause ? chi : nhi;
        /* hedges and denials come before the words they qualify (hi is
         * one past the match: "X, which owns Y, denied" denies nothing
         * about Y) */
        if (!cue->wide && ((cue->status != KG_STATUS_ENDED &&
                            cue->status != KG_STATUS_HOLDS) ||
                           cue->before))
            b = hi < (int64_t)s->t1 ? hi : (int64_t)s->t1;
        if (!cue->wide && background && cue->status != KG_STATUS_ENDED &&
            cue->status != KG_STATUS_HOLDS)
            a = lo;
        /* a departure told after the "who" clause of the person's
         * apposition (after_who) is a second place to look */
        for (k = 0; k < 2 && !found[cue->status]; k++) {
            uint32_t n;
            if (k == 1) {
                if (cue->wide || cue->before || pb <= pa ||
                    (cue->status != KG_STATUS_ENDED &&
                     cue->status != KG_STATUS_HOLDS))
                    break;
                a = pa;
                b = pb;
            }
            /* a hedge that starts in the match may run past it: the
             * deal noun that ends the match and its talks ("X and Y have
             * broken off merger talks") */
            lim = b;
            if (!cue->wide && cue->status == KG_STATUS_REPORTED &&
                b == hi && nhi > b)
                lim = nhi;
            for (p = cue_in(sc, s, c, a, b, lim, app_a, app_b, &n); p >= 0;
                 p = cue_in(sc, s, c, p + 1, b, lim, app_a, app_b, &n)) {
                /* talks told in a later clause of the subject's are
                 * another deal ("bought Tenby in 2019 and is now in talks
                 * to buy Pellow"; a trailing ", people familiar with the
                 * matter said" is still about the whole sentence) */
                /* a tie told in a relative clause: sentence-wide cues
                 * of the main clause are not about it */
                if (cue->wide && rel_b > rel_a &&
                    (p < rel_a || p >= rel_b))
                    continue;
                if (cue->wide && cue->status == KG_STATUS_REPORTED &&
                    p >= hi && clause_break(sc, hi - 1, p) &&
                    !comma_in(sc, hi, p))
                    continue;
                if (cue->wide && cue->status == KG_STATUS_REPORTED &&
                    clause_break(sc, p, lo)) {
                    far_hedge = 1;
                    continue;
                }
                /* a bid named in the possessive after another verb's
                 * denial is still a bid */
                if (cue->status == KG_STATUS_NEGATED && !cue->wide &&
                    def == KG_STATUS_REPORTED &&
                    denial_of_other(sc, s, p + n, lo))
                    continue;
                /* "sold its routes to United Airlines, a unit of UAL":
                 * the unit is the buyer, and its own parent keeps it */
                if (cue->status == KG_STATUS_ENDED &&
                    rel == KG_REL_SUBSIDIARY_OF && p < lo &&
                    lo > (int64_t)s->t0 && is_word(sc, (uint32_t)lo - 1, "to"))
                    continue;
                /* "former Ashby boss Tom Keel has joined the board of
                 * Ferrand": an ending told before another firm is about
                 * that firm's tie */
                if (cue->status == KG_STATUS_ENDED && cue->before &&
                    p + n < lo && org_between(sc, s, p + n, lo))
                    continue;
                found[cue->status] = 1;
                alsof[cue->status] = cue->also;
                where[cue->status] = p;
                break;
            }
        }
    }
    /* talks told in another clause ("its talks on a merger with X broke
     * down, and it ended an alliance with Y") hedge the tie only when
     * nothing at it tells its end */
    if (far_hedge && !found[KG_STATUS_REPORTED] && !found[KG_STATUS_ENDED]) {
        found[KG_STATUS_REPORTED] = 1;
        where[KG_STATUS_REPORTED] = s->t0;
    }
    /* a denied ending leaves the tie as it was ("has no plans to sell
     * its stake in": the stake holds) */
    *also = -1;
    /* a holds cue is an ending told as a guess ("is expected to retire,
     * people close to the talks said"): the tie stays as it was */
    if (found[KG_STATUS_HOLDS])
        return def == KG_STATUS_ENDED ? KG_STATUS_HOLDS : def;
    /* an ending whose phrase starts with the negation ("would not raise
     * its offer", "did not renew the contract": the negation cue may
     * start a word before, "did not") is an ending */
    if (found[KG_STATUS_NEGATED] && found[KG_STATUS_ENDED] &&
        where[KG_STATUS_ENDED] >= where[KG_STATUS_NEGATED] &&
        where[KG_STATUS_ENDED] <= where[KG_STATUS_NEGATED] + 1)
        found[KG_STATUS_NEGATED] = 0;
    if (found[KG_STATUS_NEGATED] && def == KG_STATUS_ENDED)
        return KG_STATUS_HOLDS;
    /* a rule that tells a denial ("rebuffed an approach") stays one,
     * whatever hedges the approach ("an unsolicited approach") */
    if (def == KG_STATUS_NEGATED)
        return KG_STATUS_NEGATED;
    /* a proposal turned away was made: "rejected X's offer" */
    if (found[KG_STATUS_NEGATED]) {
        if (alsof[KG_STATUS_NEGATED])
            *also = KG_STATUS_REPORTED;
        return KG_STATUS_NEGATED;
    }
    /* a deal that ended was told first: agreed ("called off the agreed
     * merger"), or talked of ("talks that began in May collapsed") */
    if (found[KG_STATUS_ENDED] && alsof[KG_STATUS_ENDED])
        *also = found[KG_STATUS_REPORTED] ? KG_STATUS_REPORTED : def;
    /* "scrapped their plan to": the ending comes first and wins; so does
     * an ending told after the match of a hedged tie ("talks to buy Y
     * ended", "its proposed purchase of Y was abandoned") */
    if (found[KG_STATUS_REPORTED] && found[KG_STATUS_ENDED] &&
        (where[KG_STATUS_ENDED] < where[KG_STATUS_REPORTED] ||
         (where[KG_STATUS_ENDED] >= hi && rel != KG_REL_LEADS)))
        return KG_STATUS_ENDED;
    if (found[KG_STATUS_REPORTED]) {
        *also = -1;
        return KG_STATUS_REPORTED;
    }
    if (found[KG_STATUS_ENDED]) {
        if (*also == KG_STATUS_ENDED)
            *also = -1;
        return KG_STATUS_ENDED;
    }
    *also = -1;
    return def;
}

/* ---- coordination ---- */

/* Is token i the word w (a lower-case literal)?  Byte by byte, not
 * ex_tok_is: the compiler keeps many of these calls out of line, where
 * strlen(w) is not folded and costs more than the compare; most tokens
 * fail at the first byte (the lowercase form ends in a NUL, which stops
 * the loop where w is the longer). */
static inline int is_word(const ex_scratch *sc, uint32_t i, const char *w)
{
    const ex_tok *t = &EX_AT(sc->toks, ex_tok, i);
    const char *a = ex_norm(sc, t);
    size_t k;
    for (k = 0; w[k]; k++)
        if (a[k] != w[k])
            return 0;
    return k == t->norm_len;
}

/* After "X and" or "X,": "its chief executive Sam Altman" names a person
 * by a post at X.  Returns the position of the name, or q when the words
 * at q are not a possessive and a post. */
static uint32_t skip_poss_post(const ex_scratch *sc, const ex_sent *s,
                               uint32_t q)
{
    uint32_t r = q, posts = 0;
    if (r + 1 < s->t1 && is_word(sc, r, "it") && is_word(sc, r + 1, "'s"))
        r += 2;
    else if (r < s->t1 && (is_word(sc, r, "his") || is_word(sc, r, "her") ||
                           is_word(sc, r, "their")))
        r++;
    else
        return q;
    while (r < s->t1 && posts < 4 && sc->mstart[r - s->t0] < 0 &&
           (ex_wflags(sc, &EX_AT(sc->toks, ex_tok, r)) & WF_ROLE)) {
        r++;
        posts++;
    }
    /* "controlled by Herbert Haft and his son, Robert Haft": a relative
     * named, after a comma or not */
    if (posts == 0 && r + 1 < s->t1) {
        static const char *const kin[] = {
            "son", "sons", "daughter", "daughters", "brother", "brothers",
            "sister", "sisters", "wife", "husband", "father", "mother",
            "nephew", "niece", "cousin"};
        size_t k;
        for (k = 0; k < sizeof kin / sizeof kin[0]; k++)
            if (is_word(sc, r, kin[k]))
                return is_word(sc, r + 1, ",") ? r + 2 : r + 1;
    }
    return posts > 0 ? r : q;
}

/* Is the comma at q the one between a place and its state, in an
 * apposition that says where a firm is based ("based in Tupelo, Miss.")? */
static int place_comma(const ex_scratch *sc, const ex_sent *s, uint32_t q)
{
    uint32_t r;
    for (r = q; r > s->t0 + 2 && r + 6 > q; r--) {
        if (is_word(sc, r - 1, "in") &&
            (is_word(sc, r - 2, "based") ||
             is_word(sc, r - 2, "headquartered")))
            return 1;
        /* "Dunmore-Pratt, of Norwalk, Conn., makes": the town after
         * "of" that opens the apposition */
        if (is_word(sc, r - 1, "of") && is_word(sc, r - 2, ",") &&
            r < q && sc->mcov[r - s->t0] < 0)
            return 1;
        if (!(EX_AT(sc->toks, ex_tok, r - 1).flags & TF_CAP))
            return 0;
    }
    return 0;
}

/* Is token i a singular finite verb that opens a clause ("is", "said")? */
static int clause_verb(const ex_scratch *sc, uint32_t i)
{
    static const char *const verbs[] = {
        "is", "was", "has", "will", "would", "said", "says", "can",
        "could", "may", "might", "should", "must", "plans", "agreed"};
    size_t k;
    for (k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
        if (is_word(sc, i, verbs[k]))
            return 1;
    return 0;
}

/* How many (0 to 2) lowercase content words that are no mention start at
 * token p: the noun after a product name ("Duracell batteries"). */
static uint32_t lower_run(const ex_scratch *sc, const ex_sent *s, uint32_t p)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t n = 0;
    while (n < 2 && p + n < s->t1 && sc->mstart[p + n - s->t0] < 0 &&
           (tk[p + n].flags & TF_WORD) &&
           !(tk[p + n].flags & (TF_CAP | TF_NUM)) &&
           !(ex_wflags(sc, &tk[p + n]) & (WF_STOP | WF_NOGAP)))
        n++;
    return n;
}

/* Lowercase content words (one or two) after a product name, before a
 * comma or "and": "Mach3 razors, Duracell batteries and Braun shavers".
 * Returns how many, 0 when the words at p are not such a tail. */
static uint32_t item_tail(const ex_scratch *sc, const ex_sent *s, uint32_t p)
{
    uint32_t n = lower_run(sc, s, p);
    if (n == 0 || p + n >= s->t1)
        return 0;
    return is_word(sc, p + n, ",") || is_word(sc, p + n, "and") ? n : 0;
}

/* One or two lowercase words after the last name of such a list, then
 * punctuation, a function word or the end: "... and Braun appliances.",
 * "... and DieHard batteries in Kmart's stores" */
static int last_tail(const ex_scratch *sc, const ex_sent *s, uint32_t p)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t n = lower_run(sc, s, p);
    return n > 0 && (p + n >= s->t1 || (tk[p + n].flags & TF_PUNCT) ||
                     (ex_wflags(sc, &tk[p + n]) & WF_STOP));
}

/*
 * A description of goods at pos: "a|an|the" (optional unless need_det)
 * and up to four lowercase words, the last of which end a phrase of
 * class product ("the cholesterol drug", "a childhood vaccine").
 * Returns the token after it, or 0.
 */
static uint32_t goods_phrase(const ex_scratch *sc, const ex_sent *s,
                             uint32_t pos, int need_det)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t cls = sc->ex->ecls[EC_PRODUCT], j;
    if (cls == (uint32_t)-1)
        return 0;
    if (pos < s->t1 && (is_word(sc, pos, "the") || is_word(sc, pos, "a") ||
                        is_word(sc, pos, "an")))
        pos++;
    else if (need_det)
        return 0;
    for (j = pos; j < s->t1 && j < pos + 5; j++) {
        if (!(tk[j].flags & TF_WORD) || (tk[j].flags & (TF_CAP | TF_NUM)) ||
            (ex_wflags(sc, &tk[j]) & WF_STOP) || sc->mstart[j - s->t0] >= 0)
            break;
    }
    return j > pos && ex_class_at(sc, cls, j - 1, -1, pos, s->t1, NULL) > 0
               ? j
               : 0;
}

/*
 * After "and" or a comma at pos in a list of products: a name after a
 * description that ends in a goods noun of class product ("the ulcer
 * pill Nexium and the cholesterol drug Crestor", "the antibiotic A, the
 * antidepressant B").  need_det: the description must open with an
 * article.  Returns the name's mention or -1.
 */
static int32_t goods_described(const ex_scratch *sc, const ex_sent *s,
                               uint32_t pos, int need_det)
{
    uint32_t j = goods_phrase(sc, s, pos, need_det);
    return j > 0 && j < s->t1 ? sc->mstart[j - s->t0] : -1;
}

/*
 * A unit named in a list with its name inside: after the name ending at
 * b, up to five lowercase words ("broadcasting group", "rocket and
 * defense business") that end in a unit's head noun of class listunit,
 * then punctuation or a function word ("to", "and"; with need_and: "and"
 * only).  Returns the token after the head, or 0.
 */
static uint32_t unit_item_end(const ex_scratch *sc, const ex_sent *s,
                              uint32_t b, int need_and)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j;
    for (j = b; j < s->t1 && j < b + 5; j++) {
        if (!(tk[j].flags & TF_WORD) || (tk[j].flags & (TF_CAP | TF_NUM)) ||
            sc->mstart[j - s->t0] >= 0)
            return 0;
        if (ex_tok_in(sc, &tk[j], EC_LISTUNIT) &&
            (j + 1 >= s->t1 ? !need_and
                            : is_word(sc, j + 1, "and") ||
                                  (!need_and &&
                                   (((tk[j + 1].flags & TF_PUNCT) &&
                                     !is_word(sc, j + 1, "-") &&
                                     !is_word(sc, j + 1, "'s")) ||
                                    ((ex_wflags(sc, &tk[j + 1]) & WF_STOP) &&
                                     !is_word(sc, j + 1, "'s"))))))
            return j + 1;
        if ((ex_wflags(sc, &tk[j]) & WF_STOP) && !is_word(sc, j, "and"))
            return 0;
    }
    return 0;
}

/*
 * Mentions coordinated after mention m: "X, Y and Z" (objects).  With
 * shared_head the list may end in a noun that belongs to every name
 * ("Bufferin and Excedrin pain relievers"); the caller checks what follows.
 * A list of products may give each name its own noun ("Crest toothpaste,
 * Olay skin cream and Pampers diapers").
 */
static size_t coord_after(ex_scratch *sc, const ex_sent *s,
                          int32_t m, uint8_t kinds, int32_t *out,
                          size_t max, int shared_head)
{
    size_t n = 0;
    uint32_t p = EX_AT(sc->ments, ex_ment, m).b;
    const ex_tok *tk = sc->toks.ptr;
    int prod = kinds == KG_KINDBIT(KG_KIND_PRODUCT);
    int tails = prod && item_tail(sc, s, p) > 0;
    /* the list gives examples of a noun before it ("such as", "including")
     */
    uint32_t a = EX_AT(sc->ments, ex_ment, m).a;
    int examples = a > s->t0 + 1 &&
                   ((is_word(sc, a - 1, "as") && is_word(sc, a - 2, "such")) ||
                    is_word(sc, a - 1, "including"));
    /* the list names a plural noun's members ("its rivals X and Y cut
     * prices", "its competitors, X or Y, could bid"): a verb after the
     * last name is the list's, not a new clause's */
    int members = a > s->t0 &&
                  (ex_tok_in(sc, &tk[a - 1], EC_RIVALLIST) ||
                   (a > s->t0 + 1 && is_word(sc, a - 1, ",") &&
                    ex_tok_in(sc, &tk[a - 2], EC_RIVALLIST)));
    /* the list's preposition: the word before its first name ("with X
     * and with Y"), or before the noun its examples illustrate ("with
     * low-cost airlines such as X and Y, as well as with Z") */
    uint32_t lp = a > s->t0 ? a - 1 : s->t1;
    if (examples) {
        uint32_t r = is_word(sc, a - 1, "as") ? a - 2 : a - 1, w = 0;
        lp = s->t1;
        while (r > s->t0 && w < 6 && sc->mcov[r - 1 - s->t0] < 0 &&
               (((tk[r - 1].flags & TF_WORD) &&
                 !(tk[r - 1].flags & TF_CAP)) || is_word(sc, r - 1, "-"))) {
            r--;
            w++;
            if (is_word(sc, r, "with") || is_word(sc, r, "against") ||
                is_word(sc, r, "from")) {
                lp = r;
                break;
            }
        }
    }
    /* a person at the head of the list ("chairman Ann Rowe and chief
     * executive Tom Hale"): the next may carry a post of its own */
    int persons = EX_AT(sc->ents, ex_ent, EX_AT(sc->ments, ex_ment, m).ent)
                      .kind == KG_KIND_PERSON;
    while (n < max && p + 1 < s->t1) {
        uint32_t q = p;
        int32_t nm;
        const ex_ment *mm;
        int conj = 0, appos = 0, posted = 0;
        uint32_t e;
        /* each product may carry its own noun ("the painkiller A, Vesta
         * nail polish and Ardent face cream") */
        if (prod)
            q += item_tail(sc, s, q);
        /* "the RKO General broadcasting group and ...": the first unit
         * named inside its own noun */
        else if (n == 0 && a > s->t0 && is_word(sc, a - 1, "the") &&
                 (e = unit_item_end(sc, s, q, 1)) > 0)
            q = e;
        /* "picked Boeing over McDonnell Douglas, which had offered its
         * MD-11, and Airbus": a relative clause after a name of the list
         * (up to its comma, then "and" and a name) */
        if (!prod && n == 0 && q + 2 < s->t1 && is_word(sc, q, ",") &&
            (is_word(sc, q + 1, "which") || is_word(sc, q + 1, "who"))) {
            uint32_t r;
            for (r = q + 2; r < s->t1 && r < q + 16 && !is_word(sc, r, ",");
                 r++)
                ;
            if (r + 2 < s->t1 && r < q + 16 && is_word(sc, r + 1, "and") &&
                sc->mstart[r + 2 - s->t0] >= 0)
                q = r + 1;
        }
        /* "such as easyJet and Ryanair, which fly to Spain, as well as
         * with bmi": a relative clause after the last name, then the
         * list's own preposition again */
        else if (!prod && lp < s->t1 && q + 2 < s->t1 &&
                 is_word(sc, q, ",") &&
                 (is_word(sc, q + 1, "which") || is_word(sc, q + 1, "who"))) {
            uint32_t r;
            for (r = q + 2; r < s->t1 && r < q + 16 && !is_word(sc, r, ",");
                 r++)
                ;
            if (r + 4 < s->t1 && r < q + 16 && is_word(sc, r + 1, "as") &&
                is_word(sc, r + 2, "well") && is_word(sc, r + 3, "as") &&
                tk[r + 4].word == tk[lp].word)
                q = r;
        }
        /* "Ransome Corp of Chicago and Ellery Co of Detroit": the town a
         * firm of the list is from, after it */
        if (!prod && q + 2 < s->t1 && is_word(sc, q, "of") &&
            sc->mstart[q + 1 - s->t0] < 0 && sc->mcov[q + 1 - s->t0] < 0 &&
            (tk[q + 1].flags & TF_CAP) && (tk[q + 1].flags & TF_WORD) &&
            !(ex_wflags(sc, &tk[q + 1]) & WF_STOP)) {
            uint32_t r = q + 2;
            if (r < s->t1 && (tk[r].flags & TF_CAP) &&
                (tk[r].flags & TF_WORD) && sc->mcov[r - s->t0] < 0)
                r++;
            /* after a comma, the list must go on past the next name
             * ("X of Toledo, Y of Akron and Z") */
            int32_t nx = r + 1 < s->t1 ? sc->mstart[r + 1 - s->t0] : -1;
            uint32_t nb = nx >= 0 ? EX_AT(sc->ments, ex_ment, nx).b : s->t1;
            if (nx >= 0 &&
                (is_word(sc, r, "and") ||
                 (is_word(sc, r, ",") &&
                  (n > 0 || (nb < s->t1 && (is_word(sc, nb, "of") ||
                                            is_word(sc, nb, "and") ||
                                            is_word(sc, nb, ",")))))))
                q = r;
        }
        /* "Asahi Glass of Japan and ...": the firm's country after it */
        if (!prod && q + 2 < s->t1 && is_word(sc, q, "of") &&
            (ex_wflags(sc, &tk[q + 1]) & WF_COUNTRY) &&
            sc->mstart[q + 1 - s->t0] < 0 &&
            (is_word(sc, q + 2, ",") || is_word(sc, q + 2, "and")))
            q += 2;
        /* "Prevnar, a childhood vaccine, and the antidepressant Effexor":
         * a product's description in apposition */
        if (kinds == KG_KINDBIT(KG_KIND_PRODUCT) && is_word(sc, q, ",") &&
            (e = goods_phrase(sc, s, q + 1, 1)) > 0 && e < s->t1 &&
            is_word(sc, e, ",")) {
            q = e;
            appos = 1;
        }
        if (is_word(sc, q, ",")) {
            q++;
            if (q < s->t1 && is_word(sc, q, "and")) {
                /* "buying Ozark, and Texas Air agreed": a two-name list
                 * takes no comma; ", and" after the first starts a new
                 * clause */
                if (n == 0 && !appos)
                    break;
                q++;
                conj = 1;
            }
        } else if (is_word(sc, q, "and") || is_word(sc, q, "&") ||
                   is_word(sc, q, "or")) {
            q++;
            conj = 1;
        } else if (q + 2 < s->t1 && is_word(sc, q, "as") &&
                   is_word(sc, q + 1, "well") && is_word(sc, q + 2, "as")) {
            q += 3;
            conj = 1;
        } else {
            break;
        }
        /* ", as well as with Braemar": after a comma, only with the
         * list's own preposition again (", as well as the Green Giant
         * brands" may join a list of the clause above) */
        if (!conj && q + 3 < s->t1 && is_word(sc, q, "as") &&
            is_word(sc, q + 1, "well") && is_word(sc, q + 2, "as") &&
            lp < s->t1 &&
            (is_word(sc, q + 3, "with") || is_word(sc, q + 3, "against") ||
             is_word(sc, q + 3, "from")) &&
            tk[q + 3].word == tk[lp].word) {
            q += 3;
            conj = 1;
        }
        /* "competes with Windsurf and with Anysphere", "competition from
         * Orrin and from Quillion": the list's own preposition again
         * after "and" */
        if (conj && q + 1 < s->t1 && a > s->t0 &&
            (is_word(sc, q, "with") || is_word(sc, q, "against") ||
             is_word(sc, q, "from")) &&
            ((lp < s->t1 && tk[q].word == tk[lp].word) ||
             /* "with the BBC and with BSkyB" */
             (a > s->t0 + 1 && is_word(sc, a - 1, "the") &&
              tk[q].word == tk[a - 2].word)))
            q++;
        q = skip_poss_post(sc, s, q);
        if (persons && conj && q < s->t1 && sc->mstart[q - s->t0] < 0) {
            uint32_t r = q, posts = 0;
            while (r < s->t1 && posts < 4 && sc->mstart[r - s->t0] < 0 &&
                   !(tk[r].flags & TF_CAP) &&
                   (ex_wflags(sc, &tk[r]) & WF_ROLE)) {
                r++;
                posts++;
            }
            if (posts > 0 && r < s->t1 && sc->mstart[r - s->t0] >= 0 &&
                EX_AT(sc->ents, ex_ent,
                      EX_AT(sc->ments, ex_ment, sc->mstart[r - s->t0]).ent)
                        .kind == KG_KIND_PERSON) {
                q = r;
                posted = 1;
            }
        }
        /* "... and France's Saint-Gobain": a country's firm */
        if (!prod && q + 2 < s->t1 &&
            (ex_wflags(sc, &tk[q]) & WF_COUNTRY) &&
            is_word(sc, q + 1, "'s") && sc->mstart[q + 2 - s->t0] >= 0)
            q += 2;
        if (q >= s->t1)
            break;
        nm = sc->mstart[q - s->t0];
        /* "the fashion website Myntra and the payments service PhonePe"
         * (after "and" only: ", software investor Maya Ortiz" in a list
         * of people is no conjunct of a firm); goods after a comma too
         * when an article opens them ("the antibiotic A, the
         * antidepressant B and C toothpaste") */
        if (nm < 0 && prod)
            nm = goods_described(sc, s, q, !conj);
        /* "the Harrier missile and the K-7 transport": an article, the
         * name and its own noun */
        if (nm < 0 && prod && tails && q + 1 < s->t1 &&
            is_word(sc, q, "the") && sc->mstart[q + 1 - s->t0] >= 0) {
            int32_t dm = sc->mstart[q + 1 - s->t0];
            uint32_t db = EX_AT(sc->ments, ex_ment, dm).b;
            uint32_t cls, dn = lower_run(sc, s, db);
            if ((item_tail(sc, s, db) > 0 || (conj && last_tail(sc, s, db))) &&
                (cls = sc->ex->ecls[EC_PRODUCT]) != (uint32_t)-1 &&
                ex_class_at(sc, cls, db + dn - 1, -1, db, s->t1, NULL) > 0)
                nm = dm;
        }
        else if (nm < 0 && conj)
            nm = premodified(sc, s, q);
        /* "..., the RKO General broadcasting group and the Aerojet
         * General rocket business": a unit named inside its own noun
         * (after a comma, only when "and" goes on: ", the Ardley Corp
         * unit, for" is an apposition) */
        if (!prod && q + 1 < s->t1 && is_word(sc, q, "the") &&
            (nm < 0 || nm == sc->mstart[q + 1 - s->t0]) &&
            sc->mstart[q + 1 - s->t0] >= 0) {
            int32_t dm = sc->mstart[q + 1 - s->t0];
            uint32_t ue = unit_item_end(
                sc, s, EX_AT(sc->ments, ex_ment, dm).b, !conj);
            if (ue > 0 && kinds_ok(sc, dm, kinds)) {
                out[n++] = dm;
                p = ue;
                continue;
            }
        }
        if (nm < 0 || !kinds_ok(sc, nm, kinds))
            break;
        mm = &EX_AT(sc->ments, ex_ment, nm);
        /* "Vaseline petroleum jelly, Pond's face cream, Cutex nail
         * polish": a brand named in the possessive is cut before its
         * "'s"; it is left out, the list goes on after its goods */
        if (prod && tails && mm->b + 1 < s->t1 && is_word(sc, mm->b, "'s") &&
            item_tail(sc, s, mm->b + 1) > 0) {
            p = mm->b + 1;
            continue;
        }
        /* "owns Aston Martin, the sports car maker,": a description after
         * a comma is an apposition, not another name of the list */
        if (!conj && mm->src == MS_COREF && mm->b > mm->a + 1)
            break;
        /* the next word must not start a new clause ("and Z said"); a
         * product's own noun does not ("..., the antidepressant B and C
         * toothpaste.") */
        if (!shared_head && !tails && !members && !posted && mm->b < s->t1 &&
            (tk[mm->b].flags & TF_WORD) &&
            !(ex_wflags(sc, &tk[mm->b]) & WF_STOP) &&
            !is_word(sc, mm->b, "and") &&
            !(prod && (item_tail(sc, s, mm->b) > 0 ||
                       (conj && last_tail(sc, s, mm->b)))))
            break;
        /* "brings the drug A and Delamere the cancer drug B": a name
         * with goods of its own after it opens a clause that leaves out
         * its verb */
        if (prod && conj && goods_described(sc, s, mm->b, 1) >= 0)
            break;
        /* "..., Oral-B toothbrushes and Braun appliances": the noun after
         * the last name ends the list, a verb after it does not */
        if (tails && mm->b < s->t1 && (tk[mm->b].flags & TF_WORD) &&
            !(ex_wflags(sc, &tk[mm->b]) & WF_STOP) &&
            !is_word(sc, mm->b, "and") &&
            item_tail(sc, s, mm->b) == 0 &&
            (!conj || !last_tail(sc, s, mm->b)))
            break;
        /* "adviser to A, and B is adviser to C", "buy A, B is buying
         * C", "acquire A, B said": a singular finite verb after the
         * conjunct makes it the subject of a new clause (not after
         * examples: "brands such as A and B would sit well") */
        if (mm->b < s->t1 && clause_verb(sc, mm->b) && !examples &&
            !members && !posted)
            break;
        /* "Vicks, Formula 44 cough medicine and Olay": a name cut
         * before its number is left out, the list goes on */
        if (prod && cut_before_number(sc, mm) && mm->b + 1 < s->t1) {
            p = mm->b + 1;
            continue;
        }
        out[n++] = nm;
        p = mm->b;
    }
    return n;
}

/*
 * The comma at q closes a description in apposition: ", the Dutch
 * group," or ", a unit of Grayson,".  Returns the comma that opens it
 * when a name stands before that comma, else -1.
 */
static int64_t appos_before(const ex_scratch *sc, const ex_sent *s,
                            int64_t q)
{
    int64_t c;
    for (c = q - 1; c > (int64_t)s->t0 && c + 9 > q; c--) {
        uint32_t u = (uint32_t)c;
        if (is_word(sc, u, ",")) {
            uint32_t d = u + 1;
            if (d + 1 < (uint32_t)q &&
                (is_word(sc, d, "the") || is_word(sc, d, "a") ||
                 is_word(sc, d, "an")) &&
                sc->mend[c - 1 - s->t0] >= 0)
                return c;
            return -1;
        }
        if (is_word(sc, u, "and") || is_word(sc, u, "or") ||
            is_word(sc, u, "which") || is_word(sc, u, "who") ||
            is_word(sc, u, "\"") || clause_verb(sc, u))
            return -1;
    }
    return -1;
}

/* Mentions coordinated before mention m: "X and Y sued Z" (subjects). */
static size_t coord_before(const ex_scratch *sc, const ex_sent *s,
                           int32_t m, uint8_t kinds, int32_t *out,
                           size_t max)
{
    size_t n = 0;
    int64_t p = (int64_t)EX_AT(sc->ments, ex_ment, m).a - 1;
    uint32_t b0 = EX_AT(sc->ments, ex_ment, m).b, r;
    /* "rivals such as Gucci, Prada and LVMH, the owner of Louis
     * Vuitton": a singular maker's apposition after the last name is
     * that name's alone */
    if (b0 + 1 < s->t1 && is_word(sc, b0, ",")) {
        r = b0 + 1;
        if (is_word(sc, r, "the") || is_word(sc, r, "a"))
            r++;
        for (; r < s->t1 && r < b0 + 6; r++)
            if ((ex_tok_in(sc, &EX_AT(sc->toks, ex_tok, r), EC_PRODUCTMAKER) ||
                 is_word(sc, r, "owner")) &&
                r + 1 < s->t1 && is_word(sc, r + 1, "of"))
                return 0;
    }
    while (n < max && p > (int64_t)s->t0) {
        int64_t q = p;
        int32_t nm;
        const ex_ment *mm;
        uint32_t after = EX_AT(sc->ments, ex_ment, m).b;
        if (is_word(sc, (uint32_t)q, "and") || is_word(sc, (uint32_t)q,
                                                       "&")) {
            q--;
            if (q > (int64_t)s->t0 && is_word(sc, (uint32_t)q, ",")) {
                /* "..., and Anthropic competes": a new clause, unless
                 * the comma closes a description in apposition to the
                 * name before ("Vanderhoek, the Dutch group, and
                 * Casterton have bid") */
                if (n == 0) {
                    int64_t c = appos_before(sc, s, q);
                    if (c < 0)
                        break;
                    q = c;
                }
                q--;
            }
        } else if (q >= (int64_t)s->t0 + 3 && is_word(sc, (uint32_t)q, "as") &&
                   is_word(sc, (uint32_t)q - 1, "well") &&
                   is_word(sc, (uint32_t)q - 2, "as")) {
            q -= 3;
        } else if (is_word(sc, (uint32_t)q, ",") &&
                   (n > 0 || (after < s->t1 &&
                              (is_word(sc, after, "and") ||
                               is_word(sc, after, ","))))) {
            /* "X, Y and Z agreed to merge": S is Y, X joins it */
            q--;
        } else {
            break;
        }
        if (q < (int64_t)s->t0 || (nm = sc->mend[q - s->t0]) < 0 ||
            !kinds_ok(sc, nm, kinds))
            break;
        mm = &EX_AT(sc->ments, ex_ment, nm);
        /* the added subject must open its clause */
        if (mm->a > s->t0) {
            uint32_t b = mm->a - 1;
            if (!is_word(sc, b, ",") && !is_word(sc, b, "and") &&
                !is_word(sc, b, "\"") &&
                !(ex_wflags(sc, &EX_AT(sc->toks, ex_tok, b)) & WF_STOP))
                break;
        }
        out[n++] = nm;
        p = (int64_t)mm->a - 1;
    }
    return n;
}

/*
 * "RBS and its partners Fortis and Santander won control of ABN Amro":
 * the deal is the firm the partners are "its" partners of, not the last
 * partner before the verb.  m is that last name; returns the mention of
 * the lead firm, or -1 when m ends no such list.
 */
static int32_t consortium_lead(const ex_scratch *sc, const ex_sent *s,
                               int32_t m)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t p = EX_AT(sc->ments, ex_ment, m).a, words = 0;
    int32_t mi;
    int named = 0;
    /* the partners named before the last: "Fortis and", "Fortis," */
    while (p > s->t0 + 1 &&
           (is_word(sc, p - 1, "and") || is_word(sc, p - 1, ",")) &&
           (mi = sc->mend[p - 2 - s->t0]) >= 0)
        p = EX_AT(sc->ments, ex_ment, mi).a;
    /* "its consortium partners", "its two partners" */
    for (; p > s->t0 && words < 3 && sc->mend[p - 1 - s->t0] < 0 &&
           (tk[p - 1].flags & TF_WORD) && !(tk[p - 1].flags & TF_CAP) &&
           !is_word(sc, p - 1, "'s");
         p--, words++)
        named |= ex_tok_in(sc, &tk[p - 1], EC_LEADPARTNER);
    if (!named)
        return -1;
    if (p > s->t0 + 1 && is_word(sc, p - 1, "'s") && is_word(sc, p - 2, "it"))
        p -= 2;
    else if (p > s->t0 && is_word(sc, p - 1, "their"))
        p--;
    else
        return -1;
    if (p < s->t0 + 2 || !is_word(sc, p - 1, "and"))
        return -1;
    return sc->mend[p - 2 - s->t0];
}

/*
 * "its chief executive Lourenco Goncalves and David McCall, president of
 * the union": a person named after the first with a post of his own in
 * apposition holds not the post the list began with.  Keeps the persons
 * of ment[1..n) that have none; returns the new count.
 */
static size_t own_post_out(const ex_scratch *sc, const ex_sent *s,
                           int32_t *ment, size_t n)
{
    const ex_tok *tk = sc->toks.ptr;
    size_t a, k = 1;
    for (a = 1; a < n; a++) {
        uint32_t q = EX_AT(sc->ments, ex_ment, ment[a]).b;
        if (q + 1 < s->t1 && is_word(sc, q, ",")) {
            q++;
            if (q + 1 < s->t1 && (is_word(sc, q, "the") || is_word(sc, q, "a")))
                q++;
            int kind = EX_AT(sc->ents, ex_ent,
                             EX_AT(sc->ments, ex_ment, ment[a]).ent)
                           .kind;
            if ((kind == KG_KIND_PERSON || kind < 0) &&
                (ex_wflags(sc, &tk[q]) & WF_ROLE))
                continue;
        }
        ment[k++] = ment[a];
    }
    return k;
}

/* ---- output ---- */

static int pick_kind(const ex_ent *e, uint8_t kinds)
{
    if (e->kind >= 0)
        return e->kind;
    if (kinds & KG_KINDBIT(KG_KIND_ORG))
        return KG_KIND_ORG;
    if (kinds & KG_KINDBIT(KG_KIND_PERSON))
        return KG_KIND_PERSON;
    return KG_KIND_PRODUCT;
}

static int has_money(int rel)
{
    return rel == KG_REL_INVESTED_IN || rel == KG_REL_ACQUIRED ||
           rel == KG_REL_DIVESTED || rel == KG_REL_MERGED_WITH ||
           rel == KG_REL_SUPPLIES || rel == KG_REL_PARTNERS_WITH;
}

/* Are mentions x and y coordinated: "X and Y", "X, Y and", "X & Y"? */
static int slots_joined(const ex_scratch *sc, const ex_sent *s, int32_t x,
                        int32_t y)
{
    const ex_ment *mx = &EX_AT(sc->ments, ex_ment, x);
    const ex_ment *my = &EX_AT(sc->ments, ex_ment, y);
    uint32_t lo = mx->b <= my->a ? mx->b : my->b;
    uint32_t hi = mx->b <= my->a ? my->a : mx->a;
    uint32_t k;
    int conj = 0;
    if (hi < lo || hi - lo > 2 || hi > s->t1)
        return 0;
    for (k = lo; k < hi; k++) {
        if (is_word(sc, k, "and") || is_word(sc, k, "&"))
            conj = 1;
        else if (!is_word(sc, k, ","))
            return 0;
    }
    /* "X, Y and Z": a comma between the two and "and" after the second */
    if (!conj && hi == lo + 1) {
        uint32_t e = mx->b <= my->a ? my->b : mx->b;
        conj = e < s->t1 && (is_word(sc, e, "and") || is_word(sc, e, ","));
    }
    return conj;
}

static int emit(mstate *st, uint32_t si, uint32_t trig_pos,
                uint32_t trig_len, uint32_t rule_idx)
{
    ex_scratch *sc = st->sc;
    const ex_sent *s = st->s;
    const ex_rule *r = st->r;
    const ex_elem *es = NULL, *eo = NULL;
    int32_t subs[8], objs[8];
    size_t ns = 1, no = 1, a, b;
    int status, also;
    kg_date date;
    const char *amount = NULL, *trig = NULL;
    double stake = -1;
    uint32_t k;
    int respectively = 0;

    for (k = 0; k < r->el_n; k++)
        if (st->el[k].type == EL_SLOT) {
            if (st->el[k].slot)
                eo = &st->el[k];
            else
                es = &st->el[k];
        }
    subs[0] = st->slot[0];
    objs[0] = st->slot[1];
    if (!st->fwd[0] && !st->rel[0] &&
        !kg_relation_symmetric((kg_relation)r->relation)) {
        int32_t lead = consortium_lead(sc, s, subs[0]);
        if (lead >= 0 && kinds_ok(sc, lead, es->kinds))
            subs[0] = lead;
    }
    /* solo: "Tesco, Sainsbury and Asda, the British arm of Wal-Mart" */
    if (!r->solo) {
        ns += st->fwd[0]
                  ? coord_after(sc, s, subs[0], es->kinds, subs + 1, 7,
                                st->listed[0])
                  : st->rel[0] ? 0
                  : coord_before(sc, s, subs[0], es->kinds, subs + 1, 7);
        /* "OpenAI, Anthropic and Microsoft's GitHub": a unit has one
         * owner, the name that carries the possessive */
        if ((st->fwd[1] || r->relation != KG_REL_SUBSIDIARY_OF ||
             EX_AT(sc->ments, ex_ment, objs[0]).b >= s->t1 ||
             !is_word(sc, EX_AT(sc->ments, ex_ment, objs[0]).b, "'s")) &&
            !(r->relation == KG_REL_COMPETES_WITH && st->fwd[1] &&
              one_rival_named(sc, s, trig_pos, trig_len, objs[0])))
            no += st->fwd[1]
                      ? coord_after(sc, s, objs[0], eo->kinds, objs + 1, 7,
                                    st->listed[1])
                      : st->rel[1] ? 0
                      : coord_before(sc, s, objs[0], eo->kinds, objs + 1,
                                     7);
    }
    if (r->relation == KG_REL_LEADS) {
        ns = own_post_out(sc, s, subs, ns);
        no = own_post_out(sc, s, objs, no);
    }
    /* "X and Y bought A and B, respectively": pair them in order */
    {
        const ex_ment *lastm = &EX_AT(sc->ments, ex_ment, objs[no - 1]);
        uint32_t q = lastm->b;
        if (q < s->t1 && is_word(sc, q, ","))
            q++;
        if (ns > 1 && ns == no && q < s->t1 && is_word(sc, q, "respectively"))
            respectively = 1;
    }
    also = -1;
    status = r->no_cues ? r->status :
             cue_status(sc, s, st->lo, st->hi, r->status, r->near_cues,
                        r->relation, st->app_a, st->app_b,
                        r->ended_cues, &also);
    if (status == r->status && r->also >= 0)
        also = r->also;
    if (r->relation == KG_REL_DIVESTED && !r->no_cues &&
        status == KG_STATUS_HOLDS && r->status == KG_STATUS_HOLDS &&
        sale_planned(sc, s, trig_pos))
        status = KG_STATUS_REPORTED;
    date = kg_extract__sentence_date(sc, s, trig_pos, (uint32_t)st->lo,
                                     (uint32_t)st->hi, st->app_a, st->app_b);
    if (has_money(r->relation))
        amount = kg_extract__amount(sc, s, trig_pos);
    if (r->relation == KG_REL_INVESTED_IN || r->relation == KG_REL_DIVESTED ||
        r->relation == KG_REL_ACQUIRED)
        stake = kg_extract__stake(sc, s, trig_pos);
    if (sc->flags & KG_EXTRACT_EXPLAIN) {
        const ex_tok *tk = sc->toks.ptr;
        trig = kg_pool_strndup(&sc->pool, sc->doc->text + tk[trig_pos].start,
                               tk[trig_pos + trig_len - 1].end -
                                   tk[trig_pos].start);
        if (!trig)
            return KG_ENOMEM;
    }
    /* what the trigger's own words rule out, for every pair: goods sold
     * that are a business bought ("bought the car business from AB
     * Volvo"), a merger that is a trade ("merger advice") */
    if ((r->relation == KG_REL_SUPPLIES && assets_bought(sc, s, trig_pos)) ||
        ((r->relation == KG_REL_MERGED_WITH ||
          r->relation == KG_REL_ACQUIRED) &&
         merger_modifier(sc, s, trig_pos)) ||
        (r->relation == KG_REL_COMPETES_WITH &&
         (bid_contest(sc, s, trig_pos, trig_len, st->hi) ||
          taken_on_as(sc, s, trig_pos, trig_len, st->hi) ||
          rivals_of_third(sc, s, st, trig_pos, trig_len) ||
          buyer_competes(sc, s, trig_pos, st->fwd[0] ? -1 : st->slot[0]) ||
          (!st->fwd[0] && (deal_object(sc, s, trig_pos, st->slot[0]) ||
                           rival_subject_aside(sc, s, trig_pos, st->slot[0]))))))
        return KG_OK;
    /* "beating rivals Dalcom and Sunray to the deal": firms listed as
     * someone's rivals are not partners by their "and" */
    if (r->relation == KG_REL_PARTNERS_WITH && !st->fwd[0] &&
        EX_AT(sc->ments, ex_ment, st->slot[0]).a > s->t0 &&
        ex_tok_in(sc, &((const ex_tok *)sc->toks.ptr)
                           [EX_AT(sc->ments, ex_ment, st->slot[0]).a - 1],
                  EC_RIVALLIST) &&
        slots_joined(sc, s, st->slot[0], st->slot[1]))
        return KG_OK;
    /* "shares in X and Y rose after the deal", "lagged behind X and Y
     * since the merger": a pair that opens the match but is the object
     * of a word before it is not the pair the symmetric tie joins (a
     * determiner between is skipped: "than the X and Y combined") */
    if (kg_relation_symmetric((kg_relation)r->relation) && !st->fwd[0] &&
        !st->fwd[1]) {
        const ex_ment *m0 = &EX_AT(sc->ments, ex_ment, st->slot[0]);
        const ex_tok *tk = sc->toks.ptr;
        uint32_t q = m0->a;
        if (q > s->t0 && (int64_t)q == st->lo &&
            slots_joined(sc, s, st->slot[0], st->slot[1])) {
            if (q - 1 > s->t0 && is_word(sc, q - 1, "the"))
                q--;
            if (ex_tok_in(sc, &tk[q - 1], EC_PAIROBJ))
                return KG_OK;
        }
    }
    /* "Pelham, which lost its contract with Carrow to rival Dorset":
     * a name that a preposition governs inside the phrase before the
     * rivalry word is not the party to the rivalry */
    if (r->relation == KG_REL_COMPETES_WITH && !st->fwd[0] && !st->rel[0]) {
        const ex_ment *m0 = &EX_AT(sc->ments, ex_ment, st->slot[0]);
        const ex_tok *tk = sc->toks.ptr;
        if (m0->src != MS_COREF && m0->a > s->t0 &&
            (int64_t)m0->a == st->lo && m0->b + 1 < s->t1 &&
            (int64_t)m0->b < st->trig && (tk[m0->b].flags & TF_WORD) &&
            ex_tok_in(sc, &tk[m0->b], EC_SLOTPREP) &&
            ex_tok_in(sc, &tk[m0->a - 1], EC_SLOTPREP))
            return KG_OK;
    }
    /* "Kestrel beat Harlow and Dorset to the contract to supply Tesco",
     * "will replace Harlow as the main supplier to Dorset": the names
     * that open the match are the object of a verb of beating or
     * replacing, not the subject of the tie (the winner's tie and the
     * loser's end are other rules') */
    if (r->relation != KG_REL_LEADS && !st->fwd[0] && !st->rel[0] &&
        (int64_t)EX_AT(sc->ments, ex_ment, st->slot[0]).a == st->lo) {
        const ex_tok *tk = sc->toks.ptr;
        uint32_t q = EX_AT(sc->ments, ex_ment, st->slot[0]).a;
        while (q >= s->t0 + 2 &&
               (is_word(sc, q - 1, "and") || is_word(sc, q - 1, ",")) &&
               sc->mend[q - 2 - s->t0] >= 0)
            q = EX_AT(sc->ments, ex_ment, sc->mend[q - 2 - s->t0]).a;
        uint32_t e = EX_AT(sc->ments, ex_ment, st->slot[0]).b;
        if (q > s->t0 && ex_tok_in(sc, &tk[q - 1], EC_BEATVERB) &&
            !(e < s->t1 && is_word(sc, e, "'s")))
            return KG_OK;
    }
    /* "X faces a rival offer from Y for Z": Y bids for Z, not for X */
    if (r->relation == KG_REL_ACQUIRED && st->fwd[0] && !st->fwd[1] &&
        bid_for_other(sc, s, trig_pos, trig_len, st->slot[0]))
        return KG_OK;
    /* "X, Y and Z agreed to merge": every pair of a symmetric relation
     * whose two slots are joined by "and" ("Kroger and Costco, Whole
     * Foods' rivals" pairs each with Whole Foods, not with each other) */
    if (kg_relation_symmetric((kg_relation)r->relation) &&
        st->fwd[0] == st->fwd[1] && ns + no > 2 &&
        slots_joined(sc, s, subs[0], objs[0])) {
        for (a = 1; a < no && ns < 8; a++)
            subs[ns++] = objs[a];
        for (a = 1; a < ns && no < 8; a++) {
            size_t c;
            int dup = 0;
            for (c = 0; c < no; c++)
                dup |= objs[c] == subs[a];
            if (!dup)
                objs[no++] = subs[a];
        }
    }
    /* "the two companies" stands for both firms of its pair: the pair's
     * second firm is one more slot filler (PAIR_ALT marks it) */
    if (!respectively) {
        size_t n0 = ns;
        for (a = 0; a < n0 && ns < 8; a++)
            if (EX_AT(sc->ments, ex_ment, subs[a]).pair)
                subs[ns++] = subs[a] | PAIR_ALT;
        n0 = no;
        for (a = 0; a < n0 && no < 8; a++)
            if (EX_AT(sc->ments, ex_ment, objs[a]).pair)
                objs[no++] = objs[a] | PAIR_ALT;
    }
    for (a = 0; a < ns; a++)
        for (b = 0; b < no; b++) {
            const ex_ment *ms =
                &EX_AT(sc->ments, ex_ment, subs[a] & ~PAIR_ALT);
            const ex_ment *mo =
                &EX_AT(sc->ments, ex_ment, objs[b] & ~PAIR_ALT);
            int32_t se = (subs[a] & PAIR_ALT) ? ms->alt : ms->ent;
            int32_t oe = (objs[b] & PAIR_ALT) ? mo->alt : mo->ent;
            const ex_ent *E1, *E2;
            const char *orole;
            ex_out *o;
            double conf = r->conf;
            int model;
            if (respectively && a != b)
                continue;
            /* "ordered 20 Boeing 737s": a model named after its maker
             * stands for the maker as the supplier */
            model = r->relation == KG_REL_SUPPLIES &&
                    !(subs[a] & PAIR_ALT) && ms->maker >= 0 &&
                    es->kinds == KG_KINDBIT(KG_KIND_PRODUCT);
            if (model)
                se = ms->maker;
            if (se == oe && mo->src == MS_COREF && mo->alt >= 0 && !mo->pair)
                oe = mo->alt;
            else if (se == oe && ms->src == MS_COREF && ms->alt >= 0 &&
                     !ms->pair)
                se = ms->alt;
            if (se == oe)
                continue;
            /* "pressed the company to sell itself": a reflexive object
             * is the subject before the verb ("sell itself to B" keeps
             * B, a subject found after it) */
            if (!st->fwd[0] && mo->src == MS_COREF && mo->b == mo->a + 1 &&
                (is_word(sc, mo->a, "itself") ||
                 is_word(sc, mo->a, "themselves")))
                continue;
            E1 = &EX_AT(sc->ents, ex_ent, se);
            E2 = &EX_AT(sc->ents, ex_ent, oe);
            if ((!model && E1->kind >= 0 &&
                 !(es->kinds & KG_KINDBIT(E1->kind)) &&
                 !(se == ms->ent &&
                   kinds_ok(sc, subs[a] & ~PAIR_ALT, es->kinds))) ||
                (E2->kind >= 0 &&
                 !kinds_ok(sc, objs[b] & ~PAIR_ALT, eo->kinds)))
                continue;
            if (r->relation == KG_REL_FOUNDED && not_founder(sc, s, ms,
                                                             trig_pos))
                continue;
            /* "N will become president of the combined company": a post
             * at the firm the deal makes, which is more than the buyer */
            if (r->relation == KG_REL_LEADS && mo->buyer)
                continue;
            /* an airport or a building is owned, not made */
            if (r->relation == KG_REL_MAKES && place_named(sc, mo))
                continue;
            if (r->relation == KG_REL_SUBSIDIARY_OF &&
                place_named(sc, ms) == 1)
                continue;
            /* "Ravel, controlled by the Bassett family", "the Oakes
             * family, which owns Fennick Dairy": a family holds shares,
             * it has no units */
            if (r->relation == KG_REL_SUBSIDIARY_OF &&
                (family_named(sc, s, mo) || family_named(sc, s, ms)))
                continue;
            /* "part-owned by HBOS", "partly owned by": a stake */
            if (r->relation == KG_REL_SUBSIDIARY_OF && trig_pos > s->t0 &&
                (is_word(sc, trig_pos - 1, "partly") ||
                 is_word(sc, trig_pos - 1, "part") ||
                 (trig_pos > s->t0 + 1 && is_word(sc, trig_pos - 1, "-") &&
                  is_word(sc, trig_pos - 2, "part"))))
                continue;
            /* "Like Tallis Press, its subsidiaries include": the firm
             * of a fronted comparison is not the unit "its" owns */
            if (r->relation == KG_REL_SUBSIDIARY_OF &&
                mo->src == MS_COREF && ms->src != MS_COREF &&
                kg_extract__fronted_aside(sc, s, ms, mo->a))
                continue;
            /* "owns 19.2% of the company, which it bought": a stake */
            if (r->relation == KG_REL_SUBSIDIARY_OF && ms->a >= s->t0 + 2 &&
                is_word(sc, ms->a - 1, "of") &&
                ((ex_wflags(sc, &EX_AT(sc->toks, ex_tok, ms->a - 2)) &
                  WF_PCT) ||
                 is_word(sc, ms->a - 2, "cent")))
                continue;
            /* "IBM's ThinkPad laptops", "the Tarlow brand is owned by":
             * a brand, not a unit (but "its Jaguar cars unit" is one) */
            if (r->relation == KG_REL_SUBSIDIARY_OF && ms->src != MS_COREF &&
                (goods_named(sc, ms) || brand_named(sc, ms)) &&
                !business_named(sc, ms))
                continue;
            /* a product whose maker the gazetteer knows has no other */
            if (r->relation == KG_REL_MAKES && E2->gaz >= 0) {
                const char *mk =
                    EX_AT(sc->ex->gentv, ex_gent, E2->gaz).maker;
                const char *par =
                    E1->gaz >= 0 ? EX_AT(sc->ex->gentv, ex_gent, E1->gaz).parent
                                 : NULL;
                /* a unit of the maker ("Activision Blizzard" of
                 * Microsoft) may make it too */
                uint32_t mg;
                const char *mpar = NULL;
                if (mk && *mk &&
                    kg_extract__map_get(&sc->ex->gnames, mk, strlen(mk),
                                        &mg))
                    mpar = EX_AT(sc->ex->gentv, ex_gent, mg).parent;
                /* the maker, its parent, its unit or a sister unit
                 * (by the gazetteer's names, not the article's) */
                const char *e1n =
                    E1->gaz >= 0 ? EX_AT(sc->ex->gentv, ex_gent, E1->gaz).name
                                 : E1->name;
                if (mk && *mk && strcmp(mk, e1n) != 0 &&
                    !(par && strcmp(par, mk) == 0) &&
                    !(mpar && strcmp(mpar, e1n) == 0) &&
                    !(par && mpar && strcmp(par, mpar) == 0))
                    continue;
            }
            /* a leads rule with a role class but no element of it reads
             * the role from the firm's mention, the title's own words
             * ("Chairman John Akers said"), and needs it */
            orole = NULL;
            if (r->relation == KG_REL_LEADS && r->role_cls >= 0 &&
                !role_elem(st)) {
                const char *v = NULL;
                if (mo->src == MS_COREF &&
                    ex_class_at(sc, (uint32_t)r->role_cls, mo->a, 1, s->t0,
                                s->t1, &v) == mo->b - mo->a &&
                    v && *v)
                    orole = v;
                else
                    continue;
            }
            if (ms->src == MS_COREF || mo->src == MS_COREF)
                conf *= 0.9;
            if (E1->kind < 0 || E2->kind < 0 || E1->by_slot ||
                E2->by_slot)
                conf *= 0.85;
            o = kg_extract__vec_push(&sc->outs, sizeof *o);
            if (!o)
                return KG_ENOMEM;
            memset(o, 0, sizeof *o);
            o->sent = si;
            o->pos = trig_pos;
            o->rule = rule_idx;
            o->s = se;
            o->o = oe;
            o->s_kind = model ? KG_KIND_ORG : pick_kind(E1, es->kinds);
            /* "Alliance Boots' deputy chairman, Stefano Pessina": a name
             * of no known kind that holds a post is a person from here
             * on (no firm for a later "Chairman X said" or "its") */
            if (r->relation == KG_REL_LEADS && E1->kind < 0 &&
                es->kinds == KG_KINDBIT(KG_KIND_PERSON) && ms->src != MS_COREF)
                EX_AT(sc->ents, ex_ent, se).kind = KG_KIND_PERSON;
            o->o_kind = E2->kind >= 0 && !(eo->kinds & KG_KINDBIT(E2->kind))
                            ? KG_KIND_PRODUCT /* "the Halifax brand" */
                            : pick_kind(E2, eo->kinds);
            o->relation = r->relation;
            o->status = status;
            o->date = date;
            o->conf = floor(conf * 100 + 0.5) / 100;
            o->stake = stake;
            o->amount = amount;
            o->role = r->relation == KG_REL_LEADS && st->role && *st->role
                          ? st->role
                          : NULL;
            if (!o->role)
                o->role = orole;
            o->trigger = trig;
            if (also >= 0 && also != status) {
                ex_out *o2 = kg_extract__vec_push(&sc->outs, sizeof *o2);
                if (!o2)
                    return KG_ENOMEM;
                *o2 = EX_AT(sc->outs, ex_out, sc->outs.n - 2);
                o2->status = also;
                o2->base = 1;
            }
        }
    return KG_OK;
}

/* The index of the rule with the given id, or the number of rules. */
static size_t rule_named(const kg_extractor *ex, const char *id)
{
    size_t r;
    for (r = 0; r < ex->rulev.n; r++)
        if (strcmp(EX_AT(ex->rulev, ex_rule, r).id, id) == 0)
            break;
    return r;
}

/*
 * Push a triple that a name or the article's memory gives, not a match:
 * firm s (an org) to o of kind o_kind under rule r, holding, dated by
 * the article (a standing fact, not the sentence's), at token pos of
 * sentence si.  NULL when out of memory.
 */
static ex_out *push_fact(ex_scratch *sc, uint32_t si, uint32_t pos, size_t r,
                         int32_t s, int32_t o, int o_kind, int relation)
{
    ex_out *x = kg_extract__vec_push(&sc->outs, sizeof *x);
    if (!x)
        return NULL;
    memset(x, 0, sizeof *x);
    x->sent = si;
    x->pos = pos;
    x->rule = (uint32_t)r;
    x->s = s;
    x->o = o;
    x->s_kind = KG_KIND_ORG;
    x->o_kind = o_kind;
    x->relation = relation;
    x->status = KG_STATUS_HOLDS;
    x->date = sc->doc_date;
    x->conf = EX_AT(sc->ex->rulev, ex_rule, r).conf;
    x->stake = -1;
    x->trigger = "";
    return x;
}

/*
 * A model named after its maker ("Boeing 737s", "Saab 900 saloons"):
 * the maker makes it, whatever the sentence does with it (an airline
 * that flies the jets buys them; the maker's tie is in the name), unless
 * a rule of the sentence names another maker.  The triple goes under
 * rule make.model of rules.txt.
 */
static int emit_models(ex_scratch *sc, uint32_t si)
{
    const kg_extractor *ex = sc->ex;
    size_t i, r = ex->rulev.n;
    for (i = 0; i < sc->ments.n; i++) {
        const ex_ment *m = &EX_AT(sc->ments, ex_ment, i);
        size_t k;
        if (m->maker < 0)
            continue;
        /* "Saab-Scania, which makes the Saab 900": the sentence's own
         * maker beats the one the name gives */
        for (k = 0; k < sc->outs.n; k++) {
            const ex_out *b = &EX_AT(sc->outs, ex_out, k);
            if (b->sent == si && b->relation == KG_REL_MAKES &&
                b->o == m->ent && b->s != m->maker)
                break;
        }
        if (k < sc->outs.n)
            continue;
        if (r == ex->rulev.n && (r = rule_named(ex, "make.model")) ==
                                     ex->rulev.n)
            return KG_OK;
        if (!push_fact(sc, si, m->a, r, m->maker, m->ent, KG_KIND_PRODUCT,
                       KG_REL_MAKES))
            return KG_ENOMEM;
    }
    return KG_OK;
}

/*
 * "X and Y agreed to form a joint venture ... The venture, to be called
 * Tarn Chemical, will", "It will be called DowElanco": a venture named
 * in a later sentence than the one that told the partnership is a unit
 * of each partner.  The name must follow "called", "named", "dubbed" or
 * "known as", after "venture" in the same sentence ("venture capital"
 * is none) or after "It will|would be" opening it; the partners are
 * those of the latest partnership of the deal memory told in an earlier
 * sentence whose words include "venture".  The triples go under rule
 * sub.venture-called of rules.txt.
 */
static int venture_sent(const ex_scratch *sc, uint32_t si)
{
    const ex_sent *s = &EX_AT(sc->sents, ex_sent, si);
    uint32_t k;
    for (k = s->t0; k < s->t1; k++)
        if (is_word(sc, k, "venture") &&
            !(k + 1 < s->t1 && is_word(sc, k + 1, "capital")))
            return 1;
    return 0;
}

static int emit_venture(ex_scratch *sc, uint32_t si)
{
    const kg_extractor *ex = sc->ex;
    const ex_sent *s = &EX_AT(sc->sents, ex_sent, si);
    const ex_mem *mm = sc->mem.ptr, *best = NULL;
    const ex_ment *m = NULL;
    const ex_ent *ne;
    size_t i, r, k;
    uint32_t c, q;
    int rc = KG_OK, side;
    for (i = 0; i < sc->ments.n && !m; i++) {
        const ex_ment *x = &EX_AT(sc->ments, ex_ment, i);
        int it = 0, ven = 0;
        if (x->src == MS_COREF || x->a < s->t0 + 2)
            continue;
        c = x->a - 1;
        if (is_word(sc, c, "as") && c > s->t0 && is_word(sc, c - 1, "known"))
            c--;
        else if (!is_word(sc, c, "called") && !is_word(sc, c, "named") &&
                 !is_word(sc, c, "dubbed"))
            continue;
        /* "It will be called X", "It would be named X" */
        it = c == s->t0 + 3 && is_word(sc, s->t0, "it") &&
             (is_word(sc, s->t0 + 1, "will") ||
              is_word(sc, s->t0 + 1, "would")) &&
             is_word(sc, s->t0 + 2, "be");
        /* "The venture, to be called X", "the joint venture, called X",
         * "the new venture will be named X" (not "a venture capital
         * firm called X") */
        for (q = c; q > s->t0 && q + 6 > c; q--) {
            if ((ven = is_word(sc, q - 1, "venture")) != 0)
                break;
            if (!is_word(sc, q - 1, ",") && !is_word(sc, q - 1, "to") &&
                !is_word(sc, q - 1, "be") && !is_word(sc, q - 1, "will") &&
                !is_word(sc, q - 1, "would") && !is_word(sc, q - 1, "is") &&
                !is_word(sc, q - 1, "was"))
                break;
        }
        if (it || ven)
            m = x;
    }
    if (!m)
        return KG_OK;
    ne = &EX_AT(sc->ents, ex_ent, m->ent);
    if (ne->kind == KG_KIND_PERSON || ne->kind == KG_KIND_PRODUCT)
        return KG_OK;
    for (k = 0; k < sc->mem.n; k++) {
        const ex_mem *x = &mm[k];
        if (x->relation != KG_REL_PARTNERS_WITH || x->s < 0 || x->o < 0 ||
            x->status == KG_STATUS_NEGATED || x->first >= si ||
            x->s == m->ent || x->o == m->ent)
            continue;
        if (!best || x->sent > best->sent)
            best = x;
    }
    if (!best || !venture_sent(sc, best->first))
        return KG_OK;
    for (side = 0; side < 2; side++) {
        int kd = EX_AT(sc->ents, ex_ent, side ? best->o : best->s).kind;
        if (kd == KG_KIND_PERSON || kd == KG_KIND_PRODUCT)
            return KG_OK;
    }
    if ((r = rule_named(ex, "sub.venture-called")) == ex->rulev.n)
        return KG_OK;
    for (side = 0; side < 2; side++)
        if (!push_fact(sc, si, m->a, r, m->ent, side ? best->o : best->s,
                       KG_KIND_ORG, KG_REL_SUBSIDIARY_OF))
            return KG_ENOMEM;
    if (ne->kind < 0)
        EX_AT(sc->ents, ex_ent, m->ent).kind = KG_KIND_ORG;
    return rc;
}

int kg_extract__match(ex_scratch *sc, uint32_t si)
{
    const kg_extractor *ex = sc->ex;
    const ex_sent *s = &EX_AT(sc->sents, ex_sent, si);
    const ex_tok *tk = sc->toks.ptr;
    uint32_t i;
    int rc;
    uint32_t first_a, last_b;
    ex_clsset has, before;
    if ((rc = emit_venture(sc, si)) != KG_OK)
        return rc;
    if (sc->ments.n < 2)
        return emit_models(sc, si);
    first_a = EX_AT(sc->ments, ex_ment, 0).a;
    last_b = EX_AT(sc->ments, ex_ment, sc->ments.n - 1).b;
    /* the classes of the words a word element may match: a rule that
     * needs a word of a class none of them is in is not tried */
    memset(&has, 0, sizeof has);
    for (i = s->t0; i < s->t1; i++)
        if (tk[i].word >= 0 && free_tok(sc, s, i))
            ex_clsset_or(&has, &EX_AT(ex->wordv, ex_word, tk[i].word)
                                   .clsmask);
    /* the classes of the free words before token i */
    memset(&before, 0, sizeof before);
    for (i = s->t0; i < s->t1; i++) {
        const ex_word *w;
        uint32_t k, last_cls = UINT32_MAX, last_n = 0;
        const char *last_v = NULL;
        uint8_t bare; /* the sides of the trigger with no mention */
        if (i > s->t0 && tk[i - 1].word >= 0 && free_tok(sc, s, i - 1))
            ex_clsset_or(&before, &EX_AT(ex->wordv, ex_word, tk[i - 1].word)
                                      .clsmask);
        if (tk[i].word < 0)
            continue;
        w = &EX_AT(ex->wordv, ex_word, tk[i].word);
        if (!w->trig_n || !free_tok(sc, s, i))
            continue;
        bare = (uint8_t)((first_a >= i ? EX_SIDE_BEFORE : 0) |
                         (last_b <= i + 1 ? EX_SIDE_AFTER : 0));
        for (k = 0; k < w->trig_n; k++) {
            const ex_trig *tr = &EX_AT(ex->trigv, ex_trig,
                                       w->trig_first + k);
            const ex_rule *r;
            const ex_elem *el;
            mstate st;
            uint32_t n;
            const char *v = NULL;
            /* no mention on a side the rule needs one (the trigger entry
             * carries the rule's filters: no look at the rule yet) */
            if ((tr->sides & bare) || !ex_clsset_within(&tr->need, &has) ||
                (tr->has_before &&
                 !ex_clsset_within(&tr->need_before, &before)))
                continue;
            r = &EX_AT(ex->rulev, ex_rule, tr->rule);
            el = &EX_AT(ex->elemv, ex_elem, r->el_first);
            /* the index already says this word starts the trigger; only
             * multi-word phrases and role values need a look, once per
             * class for the rules in a row that share it */
            if (tr->direct) {
                n = 1;
            } else if (el[r->trig].cls == last_cls) {
                n = last_n;
                v = last_v;
            } else {
                n = ex_class_at(sc, el[r->trig].cls, i, 1, s->t0, s->t1, &v);
                last_cls = el[r->trig].cls;
                last_n = n;
                last_v = v;
            }
            if (!n)
                continue;
            memset(&st, 0, sizeof st);
            st.sc = sc;
            st.s = s;
            st.r = r;
            st.el = el;
            st.slot[0] = st.slot[1] = -1;
            st.app_a = st.app_b = -1;
            st.trig = (int64_t)i;
            if ((int)el[r->trig].cls == r->role_cls)
                st.role = v ? v : "";
            if (r->fwd_first
                    ? !match_fwd(&st, r->trig + 1, (int64_t)i + n) ||
                          !match_bwd(&st, (int64_t)r->trig - 1,
                                     (int64_t)i - 1)
                    : !match_bwd(&st, (int64_t)r->trig - 1,
                                 (int64_t)i - 1) ||
                          !match_fwd(&st, r->trig + 1, (int64_t)i + n))
                continue;
            if (st.slot[0] < 0 || st.slot[1] < 0)
                continue;
            /* "X and Y agreed to merge with Z": each with Z, not with
             * each other */
            if (kg_relation_symmetric((kg_relation)r->relation) &&
                !st.fwd[0] && !st.fwd[1] && st.hi + 1 < (int64_t)s->t1 &&
                is_word(sc, (uint32_t)st.hi, "with")) {
                int64_t q;
                int other = 0;
                for (q = st.hi + 1; q < (int64_t)s->t1 && q <= st.hi + 3;
                     q++)
                    if (sc->mstart[q - s->t0] >= 0) {
                        other = 1;
                        break;
                    }
                if (other)
                    continue;
            }
            if ((rc = emit(&st, si, i, n, tr->rule)) != KG_OK)
                return rc;
        }
    }
    return emit_models(sc, si);
}

/* ---- dates, amounts, stakes ---- */

static const char *bval(const ex_scratch *sc, int which, const ex_tok *t)
{
    return t->word < 0 ? NULL
                       : EX_AT(sc->ex->wordv, ex_word, t->word).bval[which];
}

/*
 * The value of the digits in buf[0..n) with at most one '.': what strtod
 * gives.  Up to 15 significant digits and 22 decimals the digits are an
 * exact integer and the power of ten an exact double, so one division
 * rounds as strtod does (most amounts: "1.8", "73.50", "2,500"); longer
 * ones go to strtod.
 */
static double dec_value(const char *buf, size_t n)
{
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,
                                 1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
                                 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t m = 0;
    size_t i, sig = 0, frac = 0;
    int dot = 0;
    for (i = 0; i < n; i++) {
        if (buf[i] == '.') {
            dot = 1;
            continue;
        }
        m = m * 10 + (uint64_t)(buf[i] - '0');
        if (m)
            sig++;
        if (dot)
            frac++;
        if (sig > 15 || frac > 22)
            return strtod(buf, NULL);
    }
    return (double)m / p10[frac];
}

static int num_val(const ex_scratch *sc, const ex_tok *t, double *out,
                   const char **suffix)
{
    char buf[64];
    const char *n = ex_norm(sc, t);
    size_t i, o = 0;
    int dot = 0;
    if (!(t->flags & TF_NUM))
        return 0;
    for (i = 0; i < t->norm_len && o < sizeof buf - 1; i++) {
        if (n[i] >= '0' && n[i] <= '9')
            buf[o++] = n[i];
        else if (n[i] == ',' && i + 1 < t->norm_len)
            continue;
        else if (n[i] == '.' && !dot && i + 1 < t->norm_len &&
                 n[i + 1] >= '0' && n[i + 1] <= '9') {
            dot = 1;
            buf[o++] = '.';
        } else
            break;
    }
    if (!o)
        return 0;
    buf[o] = '\0';
    *out = dec_value(buf, o);
    if (suffix)
        *suffix = n + i;
    return 1;
}

static int small_int(const ex_scratch *sc, const ex_tok *t, int lo, int hi)
{
    const char *n = ex_norm(sc, t);
    int v = 0;
    uint32_t i;
    if (!(t->flags & TF_NUM) || t->norm_len > 4)
        return -1;
    for (i = 0; i < t->norm_len && n[i] >= '0' && n[i] <= '9'; i++)
        v = v * 10 + (n[i] - '0');
    if (i == 0)
        return -1;
    /* "5th", "1st" */
    if (i < t->norm_len && strcmp(n + i, "th") && strcmp(n + i, "st") &&
        strcmp(n + i, "nd") && strcmp(n + i, "rd"))
        return -1;
    return v >= lo && v <= hi ? v : -1;
}

static kg_date add_days(kg_date d, int days)
{
    return kg_date_from_days(kg_date_first_day(d) + days);
}

/* Does the sentence speak of the future before token i ("will join")? */
static int future_before(const ex_scratch *sc, const ex_sent *s, uint32_t i)
{
    uint32_t k;
    for (k = s->t0; k < i; k++)
        if (is_word(sc, k, "will") || is_word(sc, k, "shall") ||
            is_word(sc, k, "'ll") || is_word(sc, k, "scheduled") ||
            is_word(sc, k, "due") || is_word(sc, k, "expected"))
            return 1;
    return 0;
}

/*
 * Is the month at i told of a past act: "launched in November",
 * "bought last May" (a verb in -ed right before the preposition that is
 * not "be completed", "been sold")?
 */
static int past_verb_before(const ex_scratch *sc, const ex_sent *s,
                            uint32_t i)
{
    const char *w;
    size_t n;
    if (i < s->t0 + 2)
        return 0;
    w = ex_norm(sc, &EX_AT(sc->toks, ex_tok, i - 2));
    n = strlen(w);
    if (n < 4 || strcmp(w + n - 2, "ed") != 0)
        return 0;
    return !(i >= s->t0 + 3 && (is_word(sc, i - 3, "be") ||
                                is_word(sc, i - 3, "been") ||
                                is_word(sc, i - 3, "being")));
}

/* A date expression at i: sets *out and returns its length, or 0. */
static uint32_t date_at(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                        kg_date *out)
{
    const ex_tok *tk = sc->toks.ptr;
    kg_date doc = sc->doc_date, d = KG_DATE_UNKNOWN;
    const ex_tok *t = &tk[i];
    uint32_t f = ex_wflags(sc, t), j;
    const char *n = ex_norm(sc, t);
    if ((f & WF_MONTH) && (t->flags & TF_CAP)) {
        const char *mv = bval(sc, BV_MONTH, t);
        int m = mv ? atoi(mv) : 0, day = -1, year = -1;
        if (m < 1 || m > 12)
            return 0;
        j = i + 1;
        if (j < s->t1 && is_word(sc, j, "."))
            j++;
        if (j < s->t1 && (day = small_int(sc, &tk[j], 1, 31)) > 0)
            j++;
        if (j + 1 < s->t1 && day > 0 && is_word(sc, j, ","))
            if (small_int(sc, &tk[j + 1], 1000, 2999) > 0)
                j++;
        if (j < s->t1 && (year = small_int(sc, &tk[j], 1000, 2999)) > 0)
            j++;
        if (day < 0 && year < 0) {
            /* a bare month needs "in", "since", "early" ... before it */
            const char *p = i > s->t0 ? ex_norm(sc, &tk[i - 1]) : "";
            if (strcmp(p, "in") && strcmp(p, "since") && strcmp(p, "by") &&
                strcmp(p, "until") && strcmp(p, "from") &&
                strcmp(p, "early") && strcmp(p, "late") &&
                strcmp(p, "mid") && strcmp(p, "during") &&
                strcmp(p, "last") && strcmp(p, "this") &&
                strcmp(p, "through") && strcmp(p, "of"))
                return 0;
        }
        if (year < 0) {
            if (!doc.year)
                return 0;
            year = doc.year;
            /* "will join ... in October" (said in May): the next one;
             * not "will own ... the bid it launched in November" */
            if (future_before(sc, s, i) && !past_verb_before(sc, s, i)) {
                if (doc.month && m < doc.month)
                    year++;
            } else if (doc.month && m > doc.month + 2) {
                year--;
            }
        }
        d.year = year;
        d.month = m;
        d.day = day > 0 ? day : 0;
        if (!kg_date_valid(d))
            return 0;
        *out = d;
        return j - i;
    }
    if ((t->flags & TF_NUM) && i + 1 < s->t1 &&
        (ex_wflags(sc, &tk[i + 1]) & WF_MONTH) &&
        (tk[i + 1].flags & TF_CAP)) {
        int day = small_int(sc, t, 1, 31), year = -1;
        const char *mv = bval(sc, BV_MONTH, &tk[i + 1]);
        if (day < 0 || !mv)
            return 0;
        j = i + 2;
        if (j < s->t1 && (year = small_int(sc, &tk[j], 1000, 2999)) > 0)
            j++;
        if (year < 0)
            year = doc.year;
        d.year = year;
        d.month = atoi(mv);
        d.day = day;
        if (!year || !kg_date_valid(d))
            return 0;
        *out = d;
        return j - i;
    }
    if ((t->flags & TF_NUM) && t->norm_len == 4 && i > s->t0) {
        int y = small_int(sc, t, 1900, 2099);
        const char *p = ex_norm(sc, &tk[i - 1]);
        if (y > 0 && (strcmp(p, "in") == 0 || strcmp(p, "since") == 0 ||
                      strcmp(p, "during") == 0 || strcmp(p, "early") == 0 ||
                      strcmp(p, "late") == 0 || strcmp(p, "mid") == 0 ||
                      strcmp(p, "until") == 0 || strcmp(p, "of") == 0 ||
                      strcmp(p, "from") == 0 || strcmp(p, "by") == 0 ||
                      strcmp(p, "back") == 0)) {
            d.year = y;
            *out = d;
            return 1;
        }
        return 0;
    }
    if (!doc.year || !doc.month || !doc.day)
        return 0;
    if ((f & WF_WEEKDAY) && (t->flags & TF_CAP)) {
        const char *wv = bval(sc, BV_WEEKDAY, t);
        int want = wv ? atoi(wv) : -1, have, back;
        /* 1970-01-01 was a Thursday: 0 = Monday ... 6 = Sunday */
        if (want < 0 || want > 6)
            return 0;
        have = (int)((kg_date_first_day(doc) % 7 + 7 + 3) % 7);
        back = (have - want + 7) % 7;
        *out = add_days(doc, -back);
        return 1;
    }
    /* "two years ago", "a month ago", "3 weeks ago" */
    if (i + 2 < s->t1 && is_word(sc, i + 2, "ago")) {
        static const char *const words[] = {"a", "one", "two", "three",
                                            "four", "five", "six", "seven",
                                            "eight", "nine", "ten"};
        int num = small_int(sc, t, 1, 99), w;
        const char *u = ex_norm(sc, &tk[i + 1]);
        for (w = 0; num < 0 && w < 11; w++)
            if (strcmp(n, words[w]) == 0)
                num = w ? w : 1;
        if (num > 0) {
            if (strncmp(u, "year", 4) == 0) {
                d.year = doc.year - num;
                *out = d;
                return 3;
            }
            if (strncmp(u, "month", 5) == 0) {
                int m = doc.month - num, y = doc.year;
                while (m < 1) {
                    m += 12;
                    y--;
                }
                d.year = y;
                d.month = m;
                *out = d;
                return 3;
            }
            if (strncmp(u, "week", 4) == 0 || strncmp(u, "day", 3) == 0) {
                *out = add_days(doc, -num * (u[0] == 'w' ? 7 : 1));
                return 3;
            }
        }
    }
    if (strcmp(n, "yesterday") == 0) {
        *out = add_days(doc, -1);
        return 1;
    }
    if (strcmp(n, "today") == 0) {
        *out = doc;
        return 1;
    }
    if (i + 1 < s->t1 && (strcmp(n, "last") == 0 || strcmp(n, "this") == 0 ||
                          strcmp(n, "next") == 0)) {
        int delta = n[0] == 'l' ? -1 : n[0] == 't' ? 0 : 1;
        if (is_word(sc, i + 1, "year")) {
            d.year = doc.year + delta;
            *out = d;
            return 2;
        }
        if (is_word(sc, i + 1, "month")) {
            int m = doc.month + delta, y = doc.year;
            if (m < 1) {
                m += 12;
                y--;
            } else if (m > 12) {
                m -= 12;
                y++;
            }
            d.year = y;
            d.month = m;
            *out = d;
            return 2;
        }
        if (is_word(sc, i + 1, "week")) {
            *out = add_days(doc, 7 * delta);
            return 2;
        }
    }
    return 0;
}

/*
 * Is token p inside a comma-delimited relative clause (", whose father
 * founded the company in 1933,") that does not hold token near?  Its
 * date belongs to that clause, not to the match.
 */
static int in_relative(const ex_scratch *sc, const ex_sent *s, uint32_t p,
                       uint32_t near)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t a = p, b = p;
    while (a > s->t0 && !is_word(sc, a - 1, ","))
        a--;
    if (a == s->t0 || a >= s->t1 ||
        !(is_word(sc, a, "who") || is_word(sc, a, "whose") ||
          is_word(sc, a, "which")))
        return 0;
    while (b < s->t1 && !((tk[b].flags & TF_PUNCT) &&
                          strchr(",;", ex_norm(sc, &tk[b])[0])))
        b++;
    if (b + 1 >= s->t1)
        return 0;
    /* ", who became chief in February, replacing Brandt,": a participle
     * goes on with the relative clause */
    if (tk[b + 1].norm_len > 4 &&
        strcmp(ex_norm(sc, &tk[b + 1]) + tk[b + 1].norm_len - 3, "ing") == 0)
        return 0;
    return near < a || near > b;
}

kg_date kg_extract__sentence_date(ex_scratch *sc, const ex_sent *s,
                                  uint32_t near, uint32_t lo, uint32_t hi,
                                  int64_t app_a, int64_t app_b)
{
    uint32_t clause_end = s->t1, q;
    kg_date best = sc->doc_date, d;
    uint32_t i, bestdist = UINT32_MAX;
    size_t k;
    int64_t si = s - (const ex_sent *)sc->sents.ptr;
    if (sc->dates_sent != si) {
        /* the date expressions of a sentence, found once */
        sc->dates.n = 0;
        sc->dates_sent = si;
        for (i = s->t0; i < s->t1; i++) {
            const ex_tok *t = &EX_AT(sc->toks, ex_tok, i);
            uint32_t n;
            ex_dexp *x;
            if (!(t->flags & TF_WORD) ||
                !((t->flags & TF_NUM) ||
                  (ex_wflags(sc, t) & (WF_MONTH | WF_WEEKDAY | WF_DATEWORD))))
                continue;
            n = date_at(sc, s, i, &d);
            if (!n)
                continue;
            x = kg_extract__vec_push(&sc->dates, sizeof *x);
            if (!x)
                return best;
            x->pos = i;
            x->len = n;
            x->date = d;
            i += n - 1;
        }
    }
    /* the clause of the match ends at the first comma after it */
    for (q = hi; q < s->t1; q++) {
        const ex_tok *t = &EX_AT(sc->toks, ex_tok, q);
        if ((t->flags & TF_PUNCT) && strchr(",;", ex_norm(sc, t)[0])) {
            clause_end = q;
            break;
        }
    }
    for (k = 0; k < sc->dates.n; k++) {
        const ex_dexp *x = &EX_AT(sc->dates, ex_dexp, k);
        /* date adverbials usually follow the verb they date */
        uint32_t dist = x->pos > near ? x->pos - near
                                      : 3 * (near - x->pos);
        if (in_relative(sc, s, x->pos, near))
            continue;
        /* a date before the matched clause belongs to an earlier one */
        if (x->pos < lo || x->pos >= clause_end ||
            ((int64_t)x->pos >= app_a && (int64_t)x->pos <= app_b))
            dist += 20;
        if (dist < bestdist) {
            bestdist = dist;
            best = x->date;
        }
    }
    return best;
}

/* Money at token i: sets value and currency, returns length or 0. */
static uint32_t money_at(const ex_scratch *sc, const ex_sent *s, uint32_t i,
                         double *value, const char **cur)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t j = i;
    const char *c = NULL, *suf = "";
    double v, scale = 1;
    /* symbol or code first: "$10 billion", "EUR 5 mln" */
    if (ex_wflags(sc, &tk[j]) & WF_CURRENCY) {
        c = bval(sc, BV_CURRENCY, &tk[j]);
        j++;
    }
    if (j >= s->t1 || !num_val(sc, &tk[j], &v, &suf))
        return 0;
    j++;
    if (*suf) {
        /* "10bn", "1.5B", "50m" */
        int64_t w = kg_extract__word_find(sc->ex, suf, strlen(suf));
        const char *sv;
        if (w < 0 || !(sv = EX_AT(sc->ex->wordv, ex_word, w).bval[BV_SCALE]))
            return 0;
        scale = atof(sv);
    } else if (j < s->t1 && (ex_wflags(sc, &tk[j]) & WF_SCALE)) {
        const char *sv = bval(sc, BV_SCALE, &tk[j]);
        if (sv)
            scale = atof(sv);
        j++;
    }
    if (!c && j < s->t1 && (ex_wflags(sc, &tk[j]) & WF_CURRENCY)) {
        c = bval(sc, BV_CURRENCY, &tk[j]);
        j++;
    }
    if (!c)
        return 0;
    *value = v * scale;
    *cur = c;
    return j - i;
}

const char *kg_extract__amount(ex_scratch *sc, const ex_sent *s,
                               uint32_t near)
{
    uint32_t i, bestdist = UINT32_MAX;
    double best = 0, v;
    const char *bcur = NULL, *cur;
    char buf[64], digits[24], *d = digits + sizeof digits;
    size_t nd, nc;
    unsigned long long q;
    for (i = s->t0; i < s->t1; i++) {
        uint32_t n, dist;
        const ex_tok *t = &EX_AT(sc->toks, ex_tok, i);
        if (!(t->flags & TF_NUM) && !(ex_wflags(sc, t) & WF_CURRENCY))
            continue;
        if (!(n = money_at(sc, s, i, &v, &cur)))
            continue;
        dist = i > near ? i - near : near - i;
        if (dist < bestdist) {
            bestdist = dist;
            best = v;
            bcur = cur;
        }
        i += n - 1;
    }
    if (!bcur || best <= 0 || best > 1e16)
        return NULL;
    /* "%.0f %s" without printf: a whole number below 2^64 is its digits */
    q = (unsigned long long)floor(best + 0.5);
    do {
        *--d = (char)('0' + q % 10);
        q /= 10;
    } while (q);
    nd = (size_t)(digits + sizeof digits - d);
    nc = strlen(bcur);
    if (nd + 1 + nc > sizeof buf - 1)
        nc = sizeof buf - 2 - nd;
    memcpy(buf, d, nd);
    buf[nd] = ' ';
    memcpy(buf + nd + 1, bcur, nc);
    return kg_pool_strndup(&sc->pool, buf, nd + 1 + nc);
}

double kg_extract__stake(const ex_scratch *sc, const ex_sent *s,
                         uint32_t near)
{
    const ex_tok *tk = sc->toks.ptr;
    uint32_t i, bestdist = UINT32_MAX;
    double best = -1, v;
    for (i = s->t0; i + 1 < s->t1; i++) {
        uint32_t j, dist;
        const char *suf = "";
        if (!(tk[i].flags & TF_NUM) || !num_val(sc, &tk[i], &v, &suf) ||
            *suf || v <= 0 || v > 100)
            continue;
        if (!(ex_wflags(sc, &tk[i + 1]) & WF_PCT))
            continue;
        for (j = i + 2; j < s->t1 && j <= i + 5; j++)
            if (ex_wflags(sc, &tk[j]) & WF_STAKEWORD)
                break;
        if (j >= s->t1 || j > i + 5)
            continue;
        dist = i > near ? i - near : near - i;
        if (dist < bestdist) {
            bestdist = dist;
            best = v;
        }
    }
    return best;
}
