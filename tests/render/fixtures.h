/*
 * fixtures.h: hand-built tie sets for the renderer's tests (test_render.c,
 * render_fixture.c): a small corporate graph with tie intervals from which
 * snapshots, a diff with every change class and a timeline are cut, and a
 * set of hostile names for escaping.  The sets point at static strings;
 * fixture_free() releases only the arrays.  No store is involved.
 */
#ifndef KG_TEST_RENDER_FIXTURES_H
#define KG_TEST_RENDER_FIXTURES_H

#include <stdlib.h>
#include <string.h>

#include "kg/kg.h"

#define O KG_KIND_ORG
#define P KG_KIND_PERSON
#define D KG_KIND_PRODUCT

/* One tie with its interval, as text: "2019", "2023-09", "" = open. */
typedef struct fx_tie {
    const char *s;
    kg_kind sk;
    const char *rel;
    const char *o;
    kg_kind ok;
    const char *from, *to;
    int reported;
    const char *evidence, *source, *doc;
} fx_tie;

static const fx_tie fx_sample[] = {
    {"Microsoft", O, "invested-in", "OpenAI", O, "2019", "", 0,
     "Microsoft invested $1 billion in OpenAI.", "The Verge", "verge-1"},
    {"Microsoft", O, "partners-with", "OpenAI", O, "2019-07", "", 0,
     "OpenAI and Microsoft formed a multiyear partnership.", "Reuters",
     "reuters-2"},
    {"Amazon", O, "invested-in", "Anthropic", O, "2023-09", "", 0,
     "Amazon will invest up to $4 billion in Anthropic.", "CNBC",
     "cnbc-3"},
    {"Google", O, "invested-in", "Anthropic", O, "2023-10", "", 0,
     "Google agreed to invest up to $2 billion in Anthropic.", "WSJ",
     "wsj-4"},
    {"Nvidia", O, "supplies", "OpenAI", O, "2016", "", 0,
     "Nvidia delivered the first DGX-1 to OpenAI.", "Nvidia blog",
     "nv-5"},
    {"Anthropic", O, "competes-with", "OpenAI", O, "2021", "", 0,
     "Anthropic, a rival of OpenAI, released Claude.", "FT", "ft-6"},
    {"Sam Altman", P, "leads", "OpenAI", O, "2019", "2023-11", 0,
     "OpenAI CEO Sam Altman was ousted by the board.", "NYT", "nyt-7"},
    {"Sam Altman", P, "leads", "OpenAI", O, "2023-11", "", 0,
     "Sam Altman returned as chief executive of OpenAI.", "NYT",
     "nyt-8"},
    {"Dario Amodei", P, "founded", "Anthropic", O, "2021", "", 0,
     "Dario Amodei co-founded Anthropic in 2021.", "FT", "ft-9"},
    {"OpenAI", O, "makes", "ChatGPT", D, "2022-11", "", 0,
     "OpenAI launched ChatGPT in November 2022.", "The Verge",
     "verge-10"},
    {"Microsoft", O, "makes", "Copilot", D, "2023-02", "", 0,
     "Microsoft's Copilot assistant ships in Windows.", "The Verge",
     "verge-11"},
    {"Google", O, "competes-with", "Microsoft", O, "2019", "", 0,
     "Google, Microsoft's rival in cloud computing, ...", "Reuters",
     "reuters-12"},
    {"The New York Times", O, "sued", "OpenAI", O, "2023-12", "", 0,
     "The New York Times sued OpenAI and Microsoft.", "NYT", "nyt-13"},
    {"Microsoft", O, "acquired", "Activision Blizzard", O, "2023-10", "",
     0, "Microsoft completed its acquisition of Activision Blizzard.",
     "Reuters", "reuters-14"},
    {"Apple", O, "invested-in", "OpenAI", O, "2024-09", "2024-10", 1,
     "Apple is in talks to invest in OpenAI.", "WSJ", "wsj-15"},
    {"Microsoft", O, "subsidiary-of", "OpenAI", O, "", "", 0, NULL, NULL,
     NULL}, /* nonsense but undated: must still draw */
};

/* Hostile names: quotes, markup, backslashes, newlines, non-ASCII. */
static const fx_tie fx_escape[] = {
    {"A\\B \"q\" \\N", O, "partners-with", "<b>R&D</b>", O, "2020", "", 0,
     "He said \"</script><script>alert(1)</script>\" & left.", "S&P <x>",
     "doc\\1"},
    {"Back\\", O, "invested-in", "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale",
     O, "2021", "", 0, "line one\nline two", NULL, NULL},
    {"\xF0\x9F\x9A\x80 Rocket Labs", O, "supplies", "Bad\xFFUTF8", O,
     "2022-03", "2023-01", 1, NULL, NULL, NULL},
    {"Multi\nLine Corp", O, "sued", "x{y}|z<>;[]", O, "", "", 0, NULL, NULL,
     NULL},
};

static inline kg_date fx_date(const char *s)
{
    kg_date d = KG_DATE_UNKNOWN;
    if (s && *s)
        kg_date_parse(&d, s, (size_t)-1);
    return d;
}

static inline kg_tie fx_make(const fx_tie *f)
{
    kg_tie t;
    memset(&t, 0, sizeof t);
    t.subject = f->s;
    t.subject_kind = f->sk;
    kg_relation_parse(&t.relation, f->rel);
    t.object = f->o;
    t.object_kind = f->ok;
    t.status = f->reported ? KG_STATUS_REPORTED : KG_STATUS_HOLDS;
    t.valid_from = fx_date(f->from);
    t.valid_to = fx_date(f->to);
    t.ndocs = 1;
    t.stake = -1;
    t.evidence = f->evidence;
    t.source = f->source;
    t.doc = f->doc;
    t.evidence_date = t.valid_from;
    return t;
}

/* Does the interval [from, to) hold at date at?  Undated ties always. */
static inline int fx_holds(const fx_tie *f, kg_date at)
{
    kg_date from = fx_date(f->from), to = fx_date(f->to);
    if (kg_date_is_set(from) && kg_date_first_day(from) > kg_date_last_day(at))
        return 0;
    if (kg_date_is_set(to) && kg_date_first_day(to) <= kg_date_first_day(at))
        return 0;
    return 1;
}

/* The snapshot of ties[] at date at (all when at is unknown). */
static inline kg_tieset fx_snapshot(const fx_tie *ties, size_t n, kg_date at)
{
    kg_tieset set;
    size_t i;
    memset(&set, 0, sizeof set);
    set.v = calloc(n + 1, sizeof *set.v);
    for (i = 0; set.v && i < n; i++) {
        kg_tie t = fx_make(&ties[i]);
        if (kg_date_is_set(at) && !fx_holds(&ties[i], at))
            continue;
        if (kg_date_is_set(at) && kg_date_is_set(t.valid_to) &&
            kg_date_cmp(t.valid_to, at) > 0)
            t.valid_to = KG_DATE_UNKNOWN; /* not yet ended at that date */
        set.v[set.n++] = t;
    }
    set.cap = n + 1;
    return set;
}

/* A changeset with every class, from the sample graph. */
static inline kg_changeset fx_diff(void)
{
    kg_changeset cs;
    static const int cls[] = {
        KG_CHANGE_UNCHANGED,   /* Microsoft invested-in OpenAI */
        KG_CHANGE_UNCHANGED,   /* partners-with */
        KG_CHANGE_APPEARED,    /* Amazon -> Anthropic */
        KG_CHANGE_APPEARED,    /* Google -> Anthropic */
        KG_CHANGE_CHANGED,     /* Nvidia supplies OpenAI */
        KG_CHANGE_UNCHANGED,   /* rivalry */
        KG_CHANGE_INTERRUPTED, /* Altman leads OpenAI (first interval) */
        -1,                    /* (second interval: merged above) */
        KG_CHANGE_UNCHANGED,   /* founded */
        KG_CHANGE_APPEARED,    /* ChatGPT */
        KG_CHANGE_APPEARED,    /* Copilot */
        KG_CHANGE_UNCHANGED,   /* Google rivalry */
        KG_CHANGE_APPEARED,    /* NYT sued */
        KG_CHANGE_ENDED,       /* Activision: pretend it ended */
        KG_CHANGE_TRANSIENT,   /* Apple talks */
        -1};
    size_t i, n = sizeof fx_sample / sizeof fx_sample[0];
    memset(&cs, 0, sizeof cs);
    cs.v = calloc(n, sizeof *cs.v);
    cs.from = fx_date("2022");
    cs.to = fx_date("2025");
    for (i = 0; cs.v && i < n; i++) {
        kg_change *c;
        if (cls[i] < 0)
            continue;
        c = &cs.v[cs.n++];
        c->change = (kg_change_kind)cls[i];
        c->tie = fx_make(&fx_sample[i]);
        if (cls[i] == KG_CHANGE_CHANGED) {
            c->before = "status=reported";
            c->after = "status=holds amount=100000000 USD";
        }
        if (cls[i] == KG_CHANGE_ENDED)
            c->tie.valid_to = fx_date("2024-06");
    }
    cs.cap = n;
    return cs;
}

static inline void fx_free_ties(kg_tieset *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}

static inline void fx_free_changes(kg_changeset *c)
{
    free(c->v);
    memset(c, 0, sizeof *c);
}

#define FX_N(a) (sizeof(a) / sizeof((a)[0]))

/*
 * A random graph for size tests and benchmarks: nodes entities and edges
 * ties with uniform endpoints and relations (seeded, so reproducible).
 * Names live in *names (caller frees with free()).
 */
static inline kg_tieset fx_random(size_t nodes, size_t edges, unsigned seed,
                           char **names)
{
    kg_tieset set;
    size_t i;
    unsigned long x = seed * 2654435761u + 1;
    char *buf = calloc(nodes ? nodes : 1, 48);
    memset(&set, 0, sizeof set);
    *names = buf;
    set.v = calloc(edges ? edges : 1, sizeof *set.v);
    if (!buf || !set.v)
        return set;
    for (i = 0; i < nodes; i++)
        snprintf(buf + 48 * i, 48, "Company %zu Holdings", i);
    for (i = 0; i < edges; i++) {
        kg_tie *t = &set.v[set.n++];
        size_t a, b;
        x = x * 6364136223846793005ul + 1442695040888963407ul;
        a = (size_t)(x >> 33) % nodes;
        x = x * 6364136223846793005ul + 1442695040888963407ul;
        b = (size_t)(x >> 33) % nodes;
        memset(t, 0, sizeof *t);
        t->subject = buf + 48 * a;
        t->object = buf + 48 * (a == b ? (b + 1) % nodes : b);
        t->relation = (kg_relation)((x >> 20) % KG_REL__COUNT);
        t->valid_from.year = 2000 + (int)((x >> 12) % 25);
        t->stake = -1;
    }
    set.cap = edges;
    return set;
}

#undef O
#undef P
#undef D

#endif
