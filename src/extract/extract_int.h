/*
 * extract_int.h: the extractor's private types, shared by the files of
 * src/extract/ only.
 *
 * Reading order: lex.c (hash map, word lexicon, word classes), rules.c
 * (the rule language of data/rules.txt), gazetteer.c (known entities),
 * tokens.c (sentences and tokens), mentions.c (entities and coreference),
 * match.c (rules over tokens + mentions, status, properties, dates) and
 * extract.c (the public API that ties them together).
 *
 * Everything hanging off kg_extractor is built once by kg_extractor_new
 * and read-only afterwards; everything per article lives in ex_scratch
 * (the public kg_extract_scratch), which one kg_extract_doc call uses at a
 * time, so calls with scratches of their own may run in parallel.
 */
#ifndef KG_EXTRACT_INT_H
#define KG_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kg/extract.h"
#include "kg/util.h"

/* ---- hash map: byte string -> uint32 (lex.c) ---- */

typedef struct ex_slot {
    uint64_t h;
    const char *key; /* NULL = empty slot */
    uint32_t len;
    uint32_t val;
} ex_slot;

typedef struct ex_map {
    ex_slot *slots;
    size_t cap; /* power of two */
    size_t n;
    uint64_t *bloom; /* optional filter in front of lookups (65536 bits) */
} ex_map;

/* Build the filter of m once its keys are final (KG_OK or KG_ENOMEM). */
int kg_extract__map_bloom(ex_map *m);

/*
 * The last len < 8 bytes at s as one word, as memcpy(&v, s, len) into a
 * zeroed v gives it on a little-endian machine, but with fixed-size loads
 * put together in registers (a memcpy of variable length is a call, and
 * small stores read back as one word stall the store buffer): the words
 * of most tokens are this tail alone.
 */
static inline uint64_t kg_extract__tail(const char *s, size_t len)
{
    uint64_t v = 0;
    unsigned o = 0;
    if (len & 4) {
        uint32_t x;
        memcpy(&x, s, 4);
        v = x;
        o = 4;
    }
    if (len & 2) {
        uint16_t x;
        memcpy(&x, s + o, 2);
        v |= (uint64_t)x << (8 * o);
        o += 2;
    }
    if (len & 1)
        v |= (uint64_t)(unsigned char)s[o] << (8 * o);
    return v;
}

/* The hash of every map: eight bytes at a time, multiply and fold. */
static inline uint64_t kg_extract__hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)len, v;
    while (len >= 8) {
        memcpy(&v, s, 8);
        h = (h ^ v) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
        s += 8;
        len -= 8;
    }
    v = kg_extract__tail(s, len);
    h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 29;
    h *= 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 32);
}
/* Insert key (copied into pool) unless present; *val_out gets the value. */
int kg_extract__map_put(ex_map *m, kg_pool *pool, const char *key,
                        size_t len, uint32_t val, uint32_t *val_out);
/* Insert key with val, or raise its value to val if larger. */
int kg_extract__map_put_max(ex_map *m, kg_pool *pool, const char *key,
                            size_t len, uint32_t val);
#define EX_BLOOM_BITS 65536u

/*
 * 1 and *val if found, else 0, with the key's hash already computed.
 * Inline: the tokenizer and the mention finder call it for every token.
 */
static inline int kg_extract__map_get_h(const ex_map *m, const char *key,
                                        size_t len, uint64_t h,
                                        uint32_t *val)
{
    size_t j;
    if (!m->cap)
        return 0;
    if (m->bloom) {
        uint32_t b = (uint32_t)(h >> 40) & (EX_BLOOM_BITS - 1);
        if (!(m->bloom[b / 64] & (1ULL << (b % 64))))
            return 0;
    }
    j = (size_t)h & (m->cap - 1);
    while (m->slots[j].key) {
        const ex_slot *s = &m->slots[j];
        /* up to 8 bytes the hash is a bijection of the key's bytes (each
         * step of kg_extract__hash undoes): equal hashes and lengths are
         * equal keys, h being the key's hash */
        if (s->h == h && s->len == len &&
            (len <= 8 || memcmp(s->key, key, len) == 0)) {
            *val = s->val;
            return 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}
/* 1 and *val if found, else 0. */
static inline int kg_extract__map_get(const ex_map *m, const char *key,
                                      size_t len, uint32_t *val)
{
    if (!m->cap)
        return 0;
    return kg_extract__map_get_h(m, key, len, kg_extract__hash(key, len),
                                 val);
}
void kg_extract__map_release(ex_map *m);
/* Empty m for reuse, keeping its table unless it has more than
 * EX_MAP_KEEP slots (then it is released). */
void kg_extract__map_clear(ex_map *m);
#define EX_MAP_KEEP 128u

/*
 * A set of class ids folded to 512 bits (class c is bit c % 512): the
 * classes a word is in, the classes a sentence's words are in, the
 * classes a rule cannot match without.  A clear bit says "none of these
 * classes"; a set bit only "maybe".  With 256 bits a class that came to
 * share its bit with a common one (class ids move as rules are added)
 * no longer kept its rules from being tried: 512 costs a little more per
 * word and spares far more attempts (1024 spares no more).
 */
#define EX_CLSSET_WORDS 8u
typedef struct ex_clsset {
    uint64_t w[EX_CLSSET_WORDS];
} ex_clsset;

static inline void ex_clsset_add(ex_clsset *set, uint32_t c)
{
    set->w[(c / 64) % EX_CLSSET_WORDS] |= 1ULL << (c % 64);
}
static inline int ex_clsset_has(const ex_clsset *set, uint32_t c)
{
    return (int)((set->w[(c / 64) % EX_CLSSET_WORDS] >> (c % 64)) & 1);
}
/* set |= other */
static inline void ex_clsset_or(ex_clsset *set, const ex_clsset *other)
{
    uint32_t k;
    for (k = 0; k < EX_CLSSET_WORDS; k++)
        set->w[k] |= other->w[k];
}
/* 1 if every bit of sub is in set */
static inline int ex_clsset_within(const ex_clsset *sub,
                                   const ex_clsset *set)
{
    uint32_t k;
    for (k = 0; k < EX_CLSSET_WORDS; k++)
        if (sub->w[k] & ~set->w[k])
            return 0;
    return 1;
}

/* ---- built-in word classes: flags on lexicon words ---- */

/*
 * The engine itself asks a few questions about words ("is this a legal
 * suffix?", "a month?").  The answers are classes of rules.txt with these
 * reserved names; their members get the matching bit in ex_word.flags.
 */
enum {
    WF_STOP = 1u << 0,      /* class stop: function words */
    WF_ABBREV = 1u << 1,    /* class abbrev: "corp." does not end a sentence */
    WF_LEGAL = 1u << 2,     /* class legal: Inc, Corp, Ltd ... (dropped) */
    WF_ORGWORD = 1u << 3,   /* class orgword: Group, Bank ... (kept, org) */
    WF_MONTH = 1u << 4,     /* class month */
    WF_WEEKDAY = 1u << 5,   /* class weekday */
    WF_NONNAME = 1u << 6,   /* class nonname: capitalised but no entity */
    WF_TITLE = 1u << 7,     /* class title: Mr, Ms, Dr before a person */
    WF_ROLE = 1u << 8,      /* class role (its single words) */
    WF_ORGHEAD = 1u << 9,   /* class orghead: company, firm, giant ... */
    WF_FIRSTNAME = 1u << 10,/* class firstname */
    WF_SCALE = 1u << 11,    /* class scale: million, bln ... */
    WF_CURRENCY = 1u << 12, /* class currency: dollars, dlrs, euros ... */
    WF_PCT = 1u << 13,      /* class percent: percent, pct */
    WF_STAKEWORD = 1u << 14,/* class stakeword: stake, interest ... */
    WF_PRONOUN = 1u << 15,  /* class orgpronoun: it, its */
    WF_PERPRONOUN = 1u << 16, /* class perpronoun: he, she, his, her */
    WF_SUFFIXABBR = 1u << 17, /* class suffixabbr: abbrev that may end one */
    WF_CORPCUE = 1u << 18,  /* class corpcue: makes an ambiguous name a firm */
    WF_NOTCORP = 1u << 19,  /* class notcorp: river, fruit: not the firm */
    WF_EXCHANGE = 1u << 20, /* class exchange: nasdaq, nyse (tickers) */
    WF_TRIGGER = 1u << 21,  /* starts some rule's trigger */
    WF_HYPHEN = 1u << 22,   /* class hyphensplit: "Microsoft-backed" */
    WF_COMMON = 1u << 23,   /* class common: frequent sentence openers */
    WF_NOGAP = 1u << 24,    /* class nogap: a ~N gap never crosses it */
    WF_MODNOUN = 1u << 25,  /* class modnoun: "OpenAI researchers" */
    WF_DET = 1u << 26,      /* class determiner: the, his, her, their */
    WF_NAMEHEAD = 1u << 27, /* class namehead: "cybersecurity startup Wiz" */
    WF_DATEWORD = 1u << 28, /* class dateword: may start a date phrase */
    WF_NAMECUE = 1u << 29,  /* class namecue: "a robot called Fjord" */
    WF_PEER = 1u << 30      /* class peer: "Lord Sterling" keeps its title */
};
/* class country: "Vodafone Italia" is a unit (bit 31 is no int enum) */
#define WF_COUNTRY 0x80000000u

/*
 * Word classes of rules.txt that one engine function reads by name (their
 * names: lex.c, engine_classes; what each means: rules.txt).  Resolved
 * once by kg_extract__seal into ex->ecls; a class the rules do not define
 * is empty (-1u).  Test a token with ex_tok_in.
 */
enum {
    EC_UNITLISTEND,   /* match.c units_end_list */
    EC_BRANDLISTHEAD, /* match.c brand_listed */
    EC_BIDFORWORD,    /* match.c bid_for_other */
    EC_CONTESTBEFORE, /* match.c bid_contest */
    EC_CONTESTTO,     /* match.c bid_contest */
    EC_CONTESTIN,     /* match.c bid_contest */
    EC_ONERIVAL,      /* match.c one_rival_named */
    EC_DEALOBJDET,    /* match.c deal_object */
    EC_FIRMPRODUCT,   /* match.c goods_named */
    EC_SUBJECTSTOP,   /* mentions.c verb_subject */
    EC_FRONTCLAUSE,   /* mentions.c fronted_end */
    EC_BIDFORUNIT,    /* match.c bid_for_other */
    EC_BIDFORSELF,    /* match.c bid_for_other */
    EC_DENIALFILL,    /* match.c denial_of_other */
    EC_CONTESTAFTER,  /* match.c bid_contest */
    EC_COMPETEBUY,    /* match.c buyer_competes */
    EC_DEALOBJVERB,   /* match.c deal_object */
    EC_LEADPARTNER,   /* match.c consortium_lead */
    EC_VERSIONSPAN,   /* mentions.c version_at */
    EC_STORENAMEHEAD, /* mentions.c store_name_poss */
    EC_ROLE,          /* mentions.c: a post ("chief executive") */
    EC_ANDVERB,       /* mentions.c: a verb after "X and" */
    EC_FIRMAFTER,     /* mentions.c: words after a slot a firm fills */
    EC_FIRMONLY,      /* mentions.c: ... that only a firm fills */
    EC_FIRMSAID,      /* mentions.c: "said" after a firm */
    EC_OBJVERB,       /* mentions.c verb_subject: buy, sell, lend */
    EC_FIRMBEFORE,    /* mentions.c: "stake in", "arm of" before a firm */
    EC_ACQUIRE,       /* mentions.c verb_subject: verbs of buying */
    EC_DEALDET,       /* memory.c: a deal's determiner */
    EC_DEALPREP,      /* memory.c: a preposition naming a deal's firms */
    EC_RECALLNOT,     /* memory.c */
    EC_DEALOTHER,     /* memory.c: "a rival bid" is another deal */
    EC_DEALMOD,       /* memory.c: a deal's modifiers */
    EC_RIVALLIST,     /* match.c coord_after: "its rivals X and Y" */
    EC_PAIRNOUN,      /* mentions.c pair_at: "the two companies" */
    EC_PAIRVERB,      /* mentions.c pair_at: "the two have" */
    EC_SECTOR,        /* mentions.c: a trade ("bank", "Motors") */
    EC_SERVEBEFORE,   /* match.c rival_subject_aside: "advises its" */
    EC_COMMENTER,     /* mentions.c, match.c: "analysts at X" */
    EC_ASIDECLAUSE,   /* match.c rival_subject_aside: "a report by X" */
    EC_PRODUCTMAKER,  /* mentions.c: "the maker of A", "the A maker" */
    EC_PRODUCTMAKERS, /* mentions.c: "the A makers" */
    EC_VAGUEDEAL,     /* extract.c vague_deal: "the deal with Y" */
    EC_ITVERB,        /* mentions.c find_it_subject: "find it harder" */
    EC_OWNERDESC,     /* mentions.c: "X, the activist investor," is X */
    EC_DEALSUBJECT,   /* mentions.c: "The deal puts pressure on rivals" */
    EC_DEALRIVAL,     /* mentions.c: ... when a rivalry word follows */
    EC_KIN,           /* mentions.c: "his father" is not "he" */
    EC_NAMEABBREV,    /* mentions.c: "St." that opens a name */
    EC_PRODUCT,       /* match.c: goods nouns ("cough medicine") */
    EC_PICKV,         /* match.c taken_on_as: "chose X over Y as" */
    EC_GOODSNAMED,    /* match.c goods_named: "Nikon cameras" */
    EC_LONESHORT,     /* mentions.c lone_word_ok: "Eastern chairman" */
    EC_INSTHEAD,      /* mentions.c: "the trust" is the X Trust named */
    EC_SALEPLAN,      /* match.c sale_planned: "would sell", "is to sell" */
    EC_LISTUNIT,      /* match.c unit_item_end: "the X broadcasting group" */
    EC_PAIROBJ,       /* match.c emit: "shares in X and Y rose" */
    EC_DEMONYM,       /* mentions.c: "the Frenchman Jean Dupont" */
    EC_NAMENUMBER,    /* mentions.c: "Capital One", "Fitness First" */
    EC_SLOTPREP,      /* match.c emit: "its contract with X to rival Y" */
    EC_BEATVERB,      /* match.c emit: "beat X to the contract" */
    EC_SUBORD,        /* mentions.c: "after" opening a subordinate clause */
    EC_AUXVERB,       /* mentions.c: "was" after that clause's subject */
    EC_REASONOPEN,    /* mentions.c: ", as the retailer's boss raises" */
    EC_COUNTWORD,     /* mentions.c and_its: "two of its subsidiaries" */
    EC_N
};

/* Cues with a bit per token (ex_word.cuemask, ex_scratch.cuebits): the
 * first 128, more than rules.txt has; later ones are looked for token by
 * token (slowly: each triple scans its words for them). */
#define EX_CUE_WORDS 2u
#define EX_CUE_BITS (64u * EX_CUE_WORDS)
typedef struct ex_cueset {
    uint64_t w[EX_CUE_WORDS]; /* cue c is bit c % 64 of w[c / 64] */
} ex_cueset;

/* A lexicon word: lowercase form as it appears in rules.txt. */
typedef struct ex_word {
    const char *s;
    uint32_t len;
    uint32_t flags;      /* WF_* */
    uint32_t cls_first;  /* classes whose single-word member this is: */
    uint32_t cls_n;      /*   ex->wcls[cls_first .. +cls_n) sorted */
    uint32_t trig_first; /* (rule, element) pairs it triggers: */
    uint32_t trig_n;     /*   ex->trigs[trig_first .. +trig_n) */
    uint32_t mf_first;   /* classes with a multi-word phrase it starts */
    uint32_t mf_n;
    uint32_t ml_first;   /* classes with a multi-word phrase it ends */
    uint32_t ml_n;
    const char *bval[4]; /* its value in month, weekday, scale, currency */
    ex_cueset cuemask;   /* cues (first EX_CUE_BITS) with a phrase
                          * starting here */
    ex_cueset cue1mask;  /* those of them with the word alone as a
                          * phrase: found here whatever follows */
    ex_cueset cue2mask;  /* cues with a phrase whose second word this is:
                          * the others' longer phrases cannot start on
                          * the word before it */
    ex_clsset clsmask;   /* every class c of its three lists */
} ex_word;

enum { BV_MONTH, BV_WEEKDAY, BV_SCALE, BV_CURRENCY };

/* One member phrase of a class: word ids ex->pwords[first .. +n). */
typedef struct ex_phrase {
    uint32_t first;
    uint32_t n;
    const char *value; /* "chief executive:CEO" -> "CEO", else NULL */
} ex_phrase;

typedef struct ex_class {
    const char *name;  /* "" for anonymous (literal) classes */
    uint32_t ph_first; /* ex->phrases[ph_first .. +ph_n) */
    uint32_t ph_n;
    uint32_t maxlen;   /* longest phrase, in words */
    const char *file;  /* where it was first named, for errors */
    long line;
} ex_class;

/* ---- rules (rules.c) ---- */

enum {
    EL_SLOT = 1, EL_CLASS, EL_GAP, EL_ANY, EL_DEAL, /* recall: "D" */
    EL_START /* "@": the start of the sentence (first element only) */
};

typedef struct ex_elem {
    uint8_t type;
    uint8_t optional;
    uint8_t slot;  /* EL_SLOT: 0 = S, 1 = O */
    uint8_t kinds; /* EL_SLOT: allowed KG_KINDBIT mask */
    uint8_t strict; /* EL_SLOT: the kind must be known ("O:pro!") */
    uint8_t named;  /* EL_SLOT: a name, not a pronoun or description
                     * ("O:org=") */
    uint8_t commas; /* EL_GAP: the gap may cross commas ("~~12") */
    uint32_t cls;  /* EL_CLASS: class id; EL_GAP: max tokens */
} ex_elem;

typedef struct ex_rule {
    const char *id;
    const char *pattern; /* as written */
    int relation;        /* kg_relation */
    int status;          /* default kg_status */
    int also;            /* also=S: a second status the match tells while
                          * it keeps its own ("rejected X's offer":
                          * negated, and reported), or -1 */
    double conf;
    int role_cls;        /* class whose matched value is the role, or -1 */
    int near_cues;       /* cues=near: sentence-wide cues do not apply */
    int no_cues;         /* cues=none: the rule's status stands */
    int ended_cues;      /* cues=ended: only ending cues apply */
    int weak;            /* yields to other rules' ties of the same pair */
    unsigned weak_to;    /* bit per relation it yields to ("weak=acquired");
                          * 0: the ownership, money, supply, legal and
                          * rivalry relations */
    int solo;            /* slots are not widened over coordinations */
    int slot_before;     /* a slot precedes the trigger (quick filter) */
    int slot_after;      /* a slot follows it */
    int fwd_first;       /* the half after the trigger is matched first:
                          * the two halves set apart fields of the match
                          * (one S, one O, role words on one side only),
                          * so the order does not change it, and the half
                          * after fails more often, sparing the other */
    ex_clsset need;      /* its required word elements' classes: a
                          * sentence without them is not tried */
    uint32_t el_first;   /* ex->elems[el_first .. +el_n) */
    uint32_t el_n;
    uint32_t trig;       /* index of the trigger element */
} ex_rule;

typedef struct ex_trig {
    uint32_t word;
    uint32_t rule;
    /* copies of the rule's quick filters, set by kg_extract__seal so the
     * trigger loop reads one array: */
    uint8_t sides;  /* EX_SIDE_BEFORE: rule.slot_before, EX_SIDE_AFTER:
                     * rule.slot_after */
    uint8_t direct; /* one-word trigger class, not the role class */
    ex_clsset need; /* rule.need */
    /* the classes of the word elements before the trigger: the free
     * words before it must have them.  Set only where an attempt it
     * spares would have changed nothing (only match_fwd's slots touch
     * the article, premodified giving a name the firm kind; match_bwd
     * changes nothing): when the half before is matched first or no
     * slot follows the trigger.  Else empty. */
    ex_clsset need_before;
    uint8_t has_before; /* need_before is not empty */
} ex_trig;
enum { EX_SIDE_BEFORE = 1, EX_SIDE_AFTER = 2 };

/* A status cue: "in talks" in scope sentence/near -> reported. */
typedef struct ex_cue {
    int status;
    int wide;     /* 1 = anywhere in the sentence, 0 = near the match */
    uint32_t cls; /* the phrases */
    unsigned rels; /* bit per kg_relation it applies to; all if 0 */
    int before;    /* scope "before": near, but not after the match */
    int clause;    /* scope "clause": near, and after the match to the end
                    * of its clause ("a suit brought by X against Y in a
                    * Los Angeles court was dismissed") */
    int also;      /* the tie is told too ("rejected the offer for Y": a
                    * bid, reported, and its rejection, negated) */
} ex_cue;

/*
 * A "deal" directive: nouns that name a deal ("bid", "talks") and the
 * relations such a deal can be (memory.c).
 */
typedef struct ex_dealnoun {
    uint32_t cls;  /* the nouns */
    unsigned rels; /* bit per kg_relation */
    int hedged;    /* names only a tie told as talks or plans ("talks") */
    int event;     /* its relations are deals whatever words tell them */
} ex_dealnoun;

/* A "recall" directive: a status said of a deal named earlier. */
typedef struct ex_recall {
    const char *id;      /* "memory:ID", the triples' rule */
    const char *pattern; /* as written */
    int status;
    int also;            /* 1: the deal was told too ("rejected the offer":
                          * an offer, reported, beside negated) */
    unsigned rels;       /* bit per kg_relation it is limited to; 0: all */
    uint32_t el_first;   /* ex->elemv[el_first .. +el_n) */
    uint32_t el_n;
    uint32_t deal;       /* index of the D element */
    int subj;            /* 1: the pattern has an S, the deal's subject */
    ex_clsset need;      /* its required word elements' classes: a
                          * sentence without them is not tried */
} ex_recall;

/* ---- gazetteer (gazetteer.c) ---- */

typedef struct ex_gent {
    const char *name;
    int kind;       /* kg_kind */
    int ambiguous;
    int canonical;      /* flag canonical: printed so in every article */
    const char *maker;  /* products: maker=NAME */
    const char *parent; /* parent=NAME */
    int country;        /* country=CC: ex_country code, 0 unknown */
    int body;           /* flag body: a regulator, court or government */
    const char *former; /* former=ALIAS: a name of its time, printed as
                         * written even when the entry is canonical */
} ex_gent;

/* ---- the extractor ---- */

typedef struct ex_vec {
    void *ptr;
    size_t n, cap;
} ex_vec;

/* A slice [first, first + n) of some vector. */
typedef struct ex_span {
    uint32_t first, n;
} ex_span;

struct kg_extractor {
    kg_pool pool;       /* every string the extractor keeps */
    ex_map words;       /* lowercase word -> index in wordv */
    ex_vec wordv;       /* ex_word */
    ex_vec wclsv;       /* uint32_t class ids, per word slices */
    ex_vec wphv;        /* ex_span into phidxv, one per wclsv entry */
    ex_vec phidxv;      /* uint32_t phrase ids (phrasev), in class order */
    ex_vec pwordv;      /* uint32_t word ids of phrases */
    ex_vec phrasev;     /* ex_phrase */
    ex_vec classv;      /* ex_class */
    ex_map classes;     /* class name -> id; "=lit" for literal classes */
    ex_vec rulev;       /* ex_rule */
    ex_vec elemv;       /* ex_elem */
    ex_vec trigv;       /* ex_trig sorted by word */
    ex_vec cuev;        /* ex_cue */
    ex_map rule_ids;    /* rule id -> index (duplicates are an error) */
    ex_vec dealv;       /* ex_dealnoun, in file order */
    ex_vec recallv;     /* ex_recall, in file order */
    uint32_t deal_all;  /* class of every deal noun (quick test) */
    unsigned deal_rels; /* relations any deal noun names */
    unsigned deal_events; /* relations of "event" deal directives */
    ex_vec gentv;       /* ex_gent */
    ex_map gnames;      /* exact-case name key -> gazetteer entry */
    ex_map tickers;     /* ticker -> gazetteer entry */
    ex_map glower;      /* lowercase name key -> entry (ALL-CAPS text) */
    ex_map gfirst_lower; /* lowercase first token -> most tokens */
    ex_map places;      /* place and nationality words -> index in placev */
    ex_vec placev;      /* ex_place (mentions.c), in places.tsv's order */
    uint32_t ecls[EC_N]; /* class ids of the EC_* names, or -1u */
    uint32_t max_name_toks;
    char version[48];
    unsigned flags;     /* kg_extract_flags from the options */
    /* per-word membership is built at the end of loading */
    int sealed;
};

/* vector helpers (lex.c) */
/* kg_extract__vec_push when v is full: doubles it; NULL if out of memory */
void *kg_extract__vec_grow(ex_vec *v, size_t size);
/* Room for one more element of size bytes at the end; NULL if no memory. */
static inline void *kg_extract__vec_push(ex_vec *v, size_t size)
{
    if (v->n == v->cap)
        return kg_extract__vec_grow(v, size);
    return (char *)v->ptr + size * v->n++;
}
void kg_extract__vec_release(ex_vec *v);
#define EX_AT(vec, type, i) (((type *)(vec).ptr)[i])

/* 1 if the word n is one of the nw words of w (the first two bytes
 * compared first: most words fail there; n[1] is at worst its NUL) */
static inline int ex_in_words(const char *n, const char *const *w,
                              size_t nw)
{
    size_t i;
    for (i = 0; i < nw; i++)
        if (n[0] == w[i][0] && n[1] == w[i][1] && strcmp(n, w[i]) == 0)
            return 1;
    return 0;
}

/* lex.c: words and classes */
/* Word id of a lowercase word, adding it if new; -1 on out of memory. */
int64_t kg_extract__word_add(kg_extractor *ex, const char *s, size_t len);
/* Word id or -1. */
int64_t kg_extract__word_find(const kg_extractor *ex, const char *s,
                              size_t len);
/* 1 if word w starts (dir > 0) or ends (dir < 0) a multi-word phrase of c */
int kg_extract__word_edges(const kg_extractor *ex, uint32_t w, uint32_t c,
                           int dir);
/*
 * The phrases of class c (indices into ex->phrasev, in the class's order)
 * that are the single word w (kind 0), start with w (kind 1, multi-word
 * only) or end with w (kind 2, multi-word only).  Returns NULL and *n = 0
 * if there are none.  The array belongs to ex.  Inline: ex_class_at and the
 * deal memory ask it for most tokens they try.
 */
static inline const uint32_t *
kg_extract__word_phrases(const kg_extractor *ex, uint32_t w, uint32_t c,
                         int kind, uint32_t *n)
{
    const ex_word *wd = &EX_AT(ex->wordv, ex_word, w);
    uint32_t first = kind == 0 ? wd->cls_first
                   : kind == 1 ? wd->mf_first : wd->ml_first;
    uint32_t lo = 0, hi = kind == 0 ? wd->cls_n
                        : kind == 1 ? wd->mf_n : wd->ml_n;
    const uint32_t *v = (const uint32_t *)ex->wclsv.ptr + first;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (v[mid] == c) {
            const ex_span *sp = &EX_AT(ex->wphv, ex_span, first + mid);
            *n = sp->n;
            return (const uint32_t *)ex->phidxv.ptr + sp->first;
        }
        if (v[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    *n = 0;
    return NULL;
}

/* 1 if word w is a single-word member of class c. */
int kg_extract__word_in(const kg_extractor *ex, uint32_t w, uint32_t c);
/* After all rule files: per-word class lists, flags and trigger lists. */
int kg_extract__seal(kg_extractor *ex, kg_error *err);

/* rules.c */
int kg_extract__rules_load(kg_extractor *ex, const char *text, size_t len,
                           const char *file, kg_error *err);

/* gazetteer.c */
/* The code of a country given as two lowercase or uppercase ISO letters
 * ("ch", "GB"), 1.., or 0 if it is not one we know. */
int kg_extract__country_code(const char *cc, size_t n);
/* The place words that say where a firm is based (places.tsv, text of
 * len bytes) into ex->places and ex->placev (mentions.c).  An error
 * names the line. */
int kg_extract__places_load(kg_extractor *ex, const char *text, size_t len,
                            kg_error *err);

int kg_extract__gazetteer_load(kg_extractor *ex, const char *text,
                               size_t len, kg_error *err);

/* ---- per article (tokens.c, mentions.c, match.c) ---- */

enum {
    TF_WORD = 1u << 0,    /* letters/digits */
    TF_NUM = 1u << 1,     /* starts with a digit */
    TF_CAP = 1u << 2,     /* starts with an upper-case letter */
    TF_UPPER = 1u << 3,   /* has an upper-case letter somewhere */
    TF_ALLCAPS = 1u << 4, /* two or more letters, all upper case */
    TF_CAMEL = 1u << 5,   /* lower then upper inside (OpenAI, xAI) */
    TF_PUNCT = 1u << 6,
    TF_SPACE_BEFORE = 1u << 7, /* whitespace precedes the token */
    TF_SENT_START = 1u << 8,
    /* 1u << 9, 1u << 10 and 1u << 12 to 1u << 14 are tokens.c's own */
    TF_HYPHEN = 1u << 11  /* a word with a hyphen inside ("AI-powered") */
};

typedef struct ex_tok {
    uint32_t start, end; /* bytes in the article text */
    uint32_t norm;       /* lowercase form: sc->norm.ptr + norm */
    uint32_t norm_len;
    uint32_t flags;      /* TF_* */
    int32_t word;        /* lexicon word id or -1 */
    uint32_t wflags;     /* the word's WF_* flags (0 without a word) */
    uint64_t h;          /* hash of the lowercase form */
} ex_tok;

typedef struct ex_sent {
    uint32_t t0, t1; /* tokens [t0, t1) */
    uint32_t b0, b1; /* bytes */
} ex_sent;

enum { MS_GAZ = 1, MS_SUFFIX, MS_SHAPE, MS_ALIAS, MS_COREF };

typedef struct ex_ment {
    uint32_t a, b; /* tokens [a, b) */
    int32_t ent;   /* doc entity */
    int32_t alt;   /* second candidate for coreference, or -1 */
    uint8_t src;   /* MS_* */
    uint8_t pair;  /* stands for ent and alt both ("the two companies") */
    uint8_t buyer; /* "the combined company" read as the deal's buyer */
    uint8_t dealref; /* "The deal" read as its firm: no antecedent */
    int32_t maker; /* a model named after its maker ("Boeing 737s"): the
                    * maker's entity, else -1 */
} ex_ment;

/* A doc entity: one canonical name. kind -1 = not known yet. */
typedef struct ex_ent {
    const char *name;
    int kind;
    int32_t gaz;  /* gazetteer entry or -1 */
    int confirmed; /* an ambiguous gazetteer name seen in corporate use */
    uint32_t named; /* mentions by name so far (salience) */
    uint32_t heads; /* bits of description heads it was given ("drugmaker") */
    int caps_only; /* a gazetteer entity named so far only in capitals */
    int suffixed;  /* named with a legal suffix somewhere ("Dart Drug
                    * Stores Inc"): a firm of its own, no unit */
    int country;   /* where it is based (kg_extract__country code), 0 if
                    * the article and gazetteer do not say */
    const char *sector; /* its trade by its name or an apposition ("Ardley
                         * Bank", "X, the carmaker,"): a value of class
                         * sector, or NULL */
    int by_slot;   /* a firm by where its name stood ("X, which bought"),
                    * not by the name's shape: its ties are less sure */
} ex_ent;

typedef struct ex_out {
    uint32_t sent, pos, rule;
    int32_t s, o; /* entities */
    int s_kind, o_kind;
    int relation, status;
    kg_date date;
    double conf;
    double stake;
    const char *amount;
    const char *role;
    const char *trigger; /* explain: trigger words */
    int base; /* the tie's own status beside an "also" cue's: kept as it
               * is by the one-status-per-tie merge of a sentence */
} ex_out;

/* a triple emitted at the end of the article unless told by then */
typedef struct ex_later {
    kg_triple t;
    kg_explain why;
    int has_why;
    int told;          /* 1: a merger told in its sentence, held back
                        * only to be read against the article's
                        * acquisitions (emitted whatever else) */
    int deal;          /* 1: a partnership named only by "the deal with",
                        * "an agreement with": dropped where the article
                        * tells a purchase or merger of the pair */
} ex_later;

typedef struct ex_dexp {
    uint32_t pos, len;
    kg_date date;
} ex_dexp;

/* One full name of the article under its first word (mentions.c). */
typedef struct ex_nrow {
    int32_t ent;  /* the entity */
    int32_t next; /* next row of the same first word, or -1 */
} ex_nrow;

typedef struct kg_extract_scratch {
    const kg_extractor *ex;
    const kg_doc *doc;
    kg_pool pool;      /* names, amounts, explain strings */
    kg_buf norm;       /* lowercase token forms */
    ex_vec toks;       /* ex_tok */
    ex_vec sents;      /* ex_sent */
    ex_vec ments;      /* ex_ment of the current sentence */
    ex_vec ents;       /* ex_ent */
    ex_map entnames;   /* canonical name -> entity */
    ex_map aliases;    /* in-article alias (acronym, surname) -> entity */
    ex_vec outs;       /* ex_out */
    int64_t dates_sent; /* sentence whose date expressions are in dates */
    ex_vec dates;      /* ex_dexp */
    ex_map seen;       /* triples already emitted (no duplicates) */
    unsigned flags;    /* kg_extract_flags */
    int32_t *mstart;   /* per token of the sentence: mention starting here */
    int32_t *mend;     /* mention ending here (last token) */
    int32_t *mcov;     /* mention covering the token */
    ex_cueset *cuebits; /* cues starting at the token (match.c) */
    ex_cueset cue_any;  /* the cue bits of all its tokens, or'ed */
    int64_t cue_sent;  /* sentence the cue bits are for */
    size_t mcap;
    int32_t last_org;  /* salience for coreference */
    int32_t prev_first_org;
    int32_t prev_second_org; /* its next firm by name, or -1 */
    int32_t prev_subject; /* the name that opened the last sentence, a
                           * firm or of no known kind, or -1 */
    int32_t last_person;
    int32_t new_org;   /* the firm a merger creates, once named */
    int32_t opener_pair[2]; /* "X and Y" that opened the last sentence
                             * that had one, or -1 */
    int64_t opener_sent;    /* that sentence, or -1 */
    int32_t first_pair[2];  /* the first such pair of firms, or -1 */
    int64_t first_pair_sent;
    kg_date doc_date;
    ex_vec mem;        /* ex_mem: the article's deal memory (memory.c) */
    ex_vec later;      /* ex_later: base statuses and mergers held to the
                        * article's end */
    ex_vec memq;       /* uint8_t per token of the sentence: quoted */
    kg_buf mkey;       /* name keys of the mention finder (mentions.c) */
    kg_buf skey;       /* the key of a triple in seen (extract.c) */
    ex_map firstw;     /* first word (lowercase) of the article's full
                        * names -> first ex_nrow (mentions.c) */
    ex_vec nrows;      /* ex_nrow: chains of firstw */
    ex_map ambig;      /* surnames of two people of the article */
} ex_scratch;

/* A remembered deal (memory.c); ent < 0 in s marks a deal never tied to
 * two named firms ("signed a deal with an unnamed supplier"). */
typedef struct ex_mem {
    uint32_t sent;   /* sentence that named it last */
    uint32_t first;  /* sentence that told it first */
    uint32_t pos;    /* its trigger token when last told by a rule */
    int32_t s, o;
    int s_kind, o_kind, relation, status;
    double conf, stake;
    const char *amount;
    uint32_t named;  /* bit per deal directive whose noun named it */
    uint32_t near;   /* the same, for nouns near its trigger word */
    unsigned told;   /* bit per kg_status it was given so far */
} ex_mem;

int kg_extract__tokenize(ex_scratch *sc);
int kg_extract__mentions(ex_scratch *sc, uint32_t sent);
int kg_extract__match(ex_scratch *sc, uint32_t sent);
/* Is entity e a public body: a court, regulator, ministry or government
 * ("Department of Energy", "Financial Services Authority")? */
int kg_extract__public_body(const ex_scratch *sc, int32_t e);
int kg_extract__fronted_aside(const ex_scratch *sc, const ex_sent *s,
                              const ex_ment *m, uint32_t at);
/*
 * After sentence si is matched and its own triples emitted: statuses that
 * the sentence tells of a deal named in an earlier one ("The bid was
 * withdrawn") go to cb; then the sentence's deals outs[0 .. nouts) are
 * remembered.  Returns KG_OK, KG_ENOMEM or the callback's value.
 */
int kg_extract__memory(ex_scratch *sc, uint32_t si, const ex_out *outs,
                       size_t nouts, kg_triple_cb cb, void *payload);
kg_date kg_extract__sentence_date(ex_scratch *sc, const ex_sent *s,
                                  uint32_t near, uint32_t lo, uint32_t hi,
                                  int64_t app_a, int64_t app_b);
const char *kg_extract__amount(ex_scratch *sc, const ex_sent *s,
                               uint32_t near);
double kg_extract__stake(const ex_scratch *sc, const ex_sent *s,
                         uint32_t near);

/* token helpers */
static inline const char *ex_norm(const ex_scratch *sc, const ex_tok *t)
{
    return sc->norm.ptr + t->norm;
}
/* Files triple t in sc->seen under its key (subject, relation, status,
 * object, date) and under any date; *fresh = 1 if it was not there yet.
 * KG_ENOMEM on failure. */
int kg_extract__seen_put(ex_scratch *sc, const kg_triple *t, int *fresh);
/* Holds merger t (told, filed in sc->seen) to the article's end, where
 * it is emitted, as the acquisition where the article tells one of the
 * pair.  why (may be NULL) is copied.  KG_ENOMEM on failure. */
int kg_extract__hold_merger(ex_scratch *sc, const kg_triple *t,
                            const kg_explain *why);

/*
 * Longest phrase of class cls that starts at token pos (dir > 0) or ends
 * at token pos (dir < 0), within [lo, hi).  Returns its length in tokens
 * (0 if none) and its value.  Inline: the matcher and the deal memory ask
 * it for most tokens they try.
 */
static inline uint32_t
ex_class_at(const ex_scratch *sc, uint32_t cls, int64_t pos, int dir,
            uint32_t lo, uint32_t hi, const char **value)
{
    const kg_extractor *ex = sc->ex;
    const ex_class *c = &EX_AT(ex->classv, ex_class, cls);
    const ex_tok *tk = sc->toks.ptr;
    const uint32_t *pw = ex->pwordv.ptr;
    const ex_phrase *phv = ex->phrasev.ptr;
    const uint32_t *one, *edge;
    uint32_t best = 0, k, n1, ne, w;
    if (pos < (int64_t)lo || pos >= (int64_t)hi || tk[pos].word < 0)
        return 0;
    w = (uint32_t)tk[pos].word;
    /* most words are in none of the class's lists: one bit says so */
    if (!ex_clsset_has(&EX_AT(ex->wordv, ex_word, w).clsmask, cls))
        return 0;
    /* the index lists, in class order, only the phrases that can match */
    one = kg_extract__word_phrases(ex, w, cls, 0, &n1);
    if (one) {
        best = 1;
        if (value)
            *value = phv[one[0]].value;
    }
    if (c->maxlen <= 1)
        return best;
    edge = kg_extract__word_phrases(ex, w, cls, dir > 0 ? 1 : 2, &ne);
    for (k = 0; k < ne; k++) {
        const ex_phrase *ph = &phv[edge[k]];
        int64_t a = dir > 0 ? pos : pos - (int64_t)ph->n + 1;
        uint32_t j;
        if (ph->n <= best || a < (int64_t)lo || a + ph->n > hi)
            continue;
        for (j = 0; j < ph->n; j++)
            if (tk[a + j].word != (int32_t)pw[ph->first + j])
                break;
        if (j == ph->n) {
            best = ph->n;
            if (value)
                *value = ph->value;
        }
    }
    return best;
}

/* Is token t the word w (a lower-case literal)?  Lengths are compared
 * first, so that most tokens are turned down without a string compare. */
static inline int ex_tok_is(const ex_scratch *sc, const ex_tok *t,
                            const char *w)
{
    size_t n = strlen(w); /* a literal: folded at compile time */
    return t->norm_len == n && memcmp(ex_norm(sc, t), w, n) == 0;
}

/* 1 if token t (its lowercase word) is a single-word member of engine
 * class which (EC_*); 0 if the rules have no such class.  One bit of the
 * word's class set turns most words down before the search. */
static inline int ex_tok_in(const ex_scratch *sc, const ex_tok *t,
                            int which)
{
    const kg_extractor *ex = sc->ex;
    uint32_t c = ex->ecls[which];
    return c != (uint32_t)-1 && t->word >= 0 &&
           ex_clsset_has(&EX_AT(ex->wordv, ex_word, t->word).clsmask, c) &&
           kg_extract__word_in(ex, (uint32_t)t->word, c);
}

static inline uint32_t ex_wflags(const ex_scratch *sc, const ex_tok *t)
{
    (void)sc;
    return t->wflags;
}

#endif
