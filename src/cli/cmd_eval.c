/*
 * cmd_eval.c: `corpgraph eval`, extraction scored against hand-made
 * triples.
 *
 * Two sources of expectations:
 *  --gold GOLD.jsonl PATH...  triple lines (the format of `extract`) for
 *                             the articles in PATH;
 *  --case FILE                the extractor case files of tests/extract/
 *                             (format below), each block its own article.
 * A triple counts as found when doc, relation, status and both names agree;
 * names are compared by a key that ignores case, punctuation, a leading
 * "the" and legal suffixes (Inc, Corp, Ltd, AG, Holdings...), and the two
 * names of a symmetric relation in either order.  In case files an
 * expected date, when given, must match too (gold lines' dates are not
 * scored).  Each side is a set: duplicates count once.
 *
 * Case file: blocks separated by blank lines and '#' comment lines.
 *   @date 2024-03-12                optional article date (default
 *                                   2024-06-15)
 *   Text of the article, one or     joined with spaces into one article
 *   more lines.                     whose id is FILE:LINE
 *   --
 *   Acme | acquired | Widgetco | holds [| 2024-03-12]
 *   %%NONE                          (nothing may be found)
 *   %%GAP reason                    a known failure: scored and listed,
 *                                   but it does not fail the run
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "cli/cmd.h"

#define DEFAULT_CASE_DATE {2024, 6, 15}

/* One triple on either side of the comparison; strings live in a pool. */
typedef struct item {
    const char *doc, *subject, *object;
    const char *skey, *okey; /* normalised names, ordered if symmetric */
    kg_relation rel;
    kg_status status;
    char date[KG_DATE_STRLEN]; /* expected: "" = any; found: as extracted */
    const char *evidence, *rule;
    int matched, dup;
    size_t order; /* input order, to keep reports stable */
} item;

typedef struct items {
    item *v;
    size_t n, cap;
} items;

static item *items_add(items *s)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        item *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return NULL;
        s->v = v;
        s->cap = cap;
    }
    memset(&s->v[s->n], 0, sizeof *s->v);
    s->v[s->n].order = s->n;
    return &s->v[s->n++];
}

/* ---- name keys ------------------------------------------------------ */

static int is_suffix(const char *w, size_t n)
{
    static const char *const suffixes[] = {
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
        "limited", "plc", "ag", "sa", "nv", "gmbh", "llc", "lp", "se",
        "holdings", "holding", "group", "bv", "ab", "asa", "spa", "kk", "cos"};
    size_t i;
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
        if (strlen(suffixes[i]) == n && memcmp(suffixes[i], w, n) == 0)
            return 1;
    return 0;
}

/*
 * The comparison key of a name: words split at white space, '-' and '/',
 * ASCII letters lower-cased, other punctuation dropped, a leading "the"
 * and trailing legal suffixes removed (never the last word), the words
 * joined without spaces.  "The Coca-Cola Co." -> "cocacola",
 * "Samsung Electronics Co., Ltd." -> "samsungelectronics".
 */
static char *name_key(kg_pool *pool, const char *name)
{
    char words[32][64];
    size_t lens[32], nw = 0, first = 0, i, k;
    const unsigned char *p = (const unsigned char *)name;
    kg_buf b = KG_BUF_INIT;
    char *out;
    while (*p && nw < 32) {
        size_t n = 0;
        while (*p && (*p == ' ' || *p == '\t' || *p == '-' || *p == '/'))
            p++;
        if (!*p)
            break;
        while (*p && *p != ' ' && *p != '\t' && *p != '-' && *p != '/') {
            unsigned char c = *p++;
            if (c >= 0x80 || (c >= '0' && c <= '9') ||
                (c >= 'a' && c <= 'z'))
                ;
            else if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c - 'A' + 'a');
            else if (c == '&')
                c = '&';
            else
                continue;
            if (n < sizeof words[0] - 1)
                words[nw][n++] = (char)c;
        }
        if (n) {
            words[nw][n] = '\0';
            lens[nw++] = n;
        }
    }
    k = nw;
    if (k > 1 && strcmp(words[0], "the") == 0)
        first = 1;
    while (k > first + 1 && is_suffix(words[k - 1], lens[k - 1]))
        k--;
    for (i = first; i < k; i++)
        kg_buf_put(&b, words[i], lens[i]);
    out = kg_pool_strndup(pool, b.ptr ? b.ptr : "", b.len);
    kg_buf_release(&b);
    return out;
}

/* Fill the keys of it (after subject, object and rel are set). */
static int item_keys(item *it, kg_pool *pool)
{
    const char *a = name_key(pool, it->subject);
    const char *b = name_key(pool, it->object);
    if (!a || !b)
        return KG_ENOMEM;
    if (kg_relation_symmetric(it->rel) && strcmp(a, b) > 0) {
        const char *t = a;
        a = b;
        b = t;
    }
    it->skey = a;
    it->okey = b;
    return KG_OK;
}

/* Same doc, names, relation and status (dates aside). */
static int same_key(const item *a, const item *b)
{
    return a->rel == b->rel && a->status == b->status &&
           strcmp(a->doc, b->doc) == 0 && strcmp(a->skey, b->skey) == 0 &&
           strcmp(a->okey, b->okey) == 0;
}

/* ---- scoring -------------------------------------------------------- */

typedef struct counts {
    size_t gold, found, correct;
} counts;

typedef struct score {
    counts all, rel[KG_REL__COUNT], st[KG_STATUS__COUNT];
} score;

static int by_doc(const void *a, const void *b)
{
    const item *x = a, *y = b;
    int c = strcmp(x->doc, y->doc);
    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Mark duplicates in a doc-sorted run [lo, hi). */
static void mark_dups(item *v, size_t lo, size_t hi)
{
    size_t i, j;
    for (i = lo; i < hi; i++)
        for (j = lo; j < i && !v[i].dup; j++)
            if (!v[j].dup && same_key(&v[i], &v[j]) &&
                strcmp(v[i].date, v[j].date) == 0)
                v[i].dup = 1;
}

/*
 * Match gold against found, doc by doc: a gold item takes the first
 * unmatched found item with the same key and, if the gold gives a date,
 * the same date.  Both arrays end up sorted by doc, then input order.
 */
static void match(items *gold, items *found)
{
    size_t gi = 0, fi = 0;
    if (gold->n > 1)
        qsort(gold->v, gold->n, sizeof *gold->v, by_doc);
    if (found->n > 1)
        qsort(found->v, found->n, sizeof *found->v, by_doc);
    while (gi < gold->n) {
        size_t ge = gi, fe, g, f;
        int c = 1;
        while (ge < gold->n && strcmp(gold->v[ge].doc, gold->v[gi].doc) == 0)
            ge++;
        while (fi < found->n &&
               (c = strcmp(found->v[fi].doc, gold->v[gi].doc)) < 0)
            fi++;
        fe = fi;
        while (c == 0 && fe < found->n &&
               strcmp(found->v[fe].doc, gold->v[gi].doc) == 0)
            fe++;
        mark_dups(gold->v, gi, ge);
        mark_dups(found->v, fi, fe);
        for (g = gi; g < ge; g++) {
            item *gt = &gold->v[g];
            if (gt->dup)
                continue;
            for (f = fi; f < fe; f++) {
                item *ft = &found->v[f];
                if (ft->dup || ft->matched || !same_key(gt, ft))
                    continue;
                if (gt->date[0] && strcmp(gt->date, ft->date) != 0)
                    continue;
                gt->matched = ft->matched = 1;
                break;
            }
        }
        gi = ge;
        fi = fe;
    }
    /* found items of docs without gold lines: duplicates only */
    for (fi = 0; fi < found->n;) {
        size_t fe = fi;
        while (fe < found->n &&
               strcmp(found->v[fe].doc, found->v[fi].doc) == 0)
            fe++;
        mark_dups(found->v, fi, fe);
        fi = fe;
    }
}

static void add_counts(score *s, const items *gold, const items *found)
{
    size_t i;
    for (i = 0; i < gold->n; i++) {
        const item *it = &gold->v[i];
        if (it->dup)
            continue;
        s->all.gold++;
        s->rel[it->rel].gold++;
        s->st[it->status].gold++;
        if (it->matched) {
            s->all.correct++;
            s->rel[it->rel].correct++;
            s->st[it->status].correct++;
        }
    }
    for (i = 0; i < found->n; i++) {
        const item *it = &found->v[i];
        if (it->dup)
            continue;
        s->all.found++;
        s->rel[it->rel].found++;
        s->st[it->status].found++;
    }
}

/* Precision and recall are 1 when there is nothing to get wrong. */
static double precision(const counts *c)
{
    return c->found ? (double)c->correct / (double)c->found : 1.0;
}

static double recall(const counts *c)
{
    return c->gold ? (double)c->correct / (double)c->gold : 1.0;
}

static double f1(const counts *c)
{
    double p = precision(c), r = recall(c);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

/* "0.750", or "-" when the share is undefined (nothing to divide by). */
static const char *share(char buf[16], size_t num, size_t den, int json)
{
    if (!den)
        snprintf(buf, 16, "%s", json ? "null" : "-");
    else
        snprintf(buf, 16, json ? "%.4f" : "%.3f",
                 (double)num / (double)den);
    return buf;
}

/* F1 of a row, "-" unless both precision and recall are defined. */
static const char *f1_str(char buf[16], const counts *c, int json)
{
    if (!c->found || !c->gold)
        snprintf(buf, 16, "%s", json ? "null" : "-");
    else
        snprintf(buf, 16, json ? "%.4f" : "%.3f", f1(c));
    return buf;
}

static void row_text(kg_buf *b, const char *name, const counts *c)
{
    char p[16], r[16], f[16];
    kg_buf_printf(b, "%-16s %6zu %6zu %8zu %10s %7s %7s\n", name, c->gold,
                  c->found, c->correct, share(p, c->correct, c->found, 0),
                  share(r, c->correct, c->gold, 0), f1_str(f, c, 0));
}

static void row_json(kg_buf *b, const char *scope, const char *key,
                     const char *name, const counts *c)
{
    char p[16], r[16], f[16];
    kg_buf_printf(b, "{\"scope\":\"%s\"", scope);
    if (key)
        kg_buf_printf(b, ",\"%s\":\"%s\"", key, name);
    kg_buf_printf(b, ",\"gold\":%zu,\"found\":%zu,\"correct\":%zu,"
                  "\"precision\":%s,\"recall\":%s,\"f1\":%s}\n",
                  c->gold, c->found, c->correct,
                  share(p, c->correct, c->found, 1),
                  share(r, c->correct, c->gold, 1), f1_str(f, c, 1));
}

/* The score table: overall, then each relation and status seen. */
static void put_table(kg_buf *b, const score *s, int json)
{
    int i;
    if (json) {
        row_json(b, "all", NULL, NULL, &s->all);
    } else {
        kg_buf_printf(b, "%-16s %6s %6s %8s %10s %7s %7s\n", "scope", "gold",
                      "found", "correct", "precision", "recall", "f1");
        row_text(b, "all", &s->all);
    }
    for (i = 0; i < KG_REL__COUNT; i++) {
        const counts *c = &s->rel[i];
        const char *name = kg_relation_name((kg_relation)i);
        if (!c->gold && !c->found)
            continue;
        if (json)
            row_json(b, "relation", "relation", name, c);
        else
            row_text(b, name, c);
    }
    for (i = 0; i < KG_STATUS__COUNT; i++) {
        const counts *c = &s->st[i];
        const char *name = kg_status_name((kg_status)i);
        if (!c->gold && !c->found)
            continue;
        if (json)
            row_json(b, "status", "status", name, c);
        else
            row_text(b, name, c);
    }
}

/* "Acme | acquired | Widgetco | holds | 2024-03-12" */
static void put_triple(kg_buf *b, const item *it)
{
    kg_buf_printf(b, "%s | %s | %s | %s", it->subject,
                  kg_relation_name(it->rel), it->object,
                  kg_status_name(it->status));
    if (it->date[0])
        kg_buf_printf(b, " | %s", it->date);
}

static void put_item_json(kg_buf *b, const char *kind, const item *it)
{
    kg_buf_printf(b, "{\"kind\":\"%s\",\"doc\":", kind);
    kg_buf_json_str(b, it->doc, (size_t)-1);
    kg_buf_puts(b, ",\"subject\":");
    kg_buf_json_str(b, it->subject, (size_t)-1);
    kg_buf_printf(b, ",\"relation\":\"%s\",\"object\":",
                  kg_relation_name(it->rel));
    kg_buf_json_str(b, it->object, (size_t)-1);
    kg_buf_printf(b, ",\"status\":\"%s\",\"date\":\"%s\"",
                  kg_status_name(it->status), it->date);
    if (it->rule) {
        kg_buf_puts(b, ",\"rule\":");
        kg_buf_json_str(b, it->rule, (size_t)-1);
    }
    if (it->evidence) {
        kg_buf_puts(b, ",\"evidence\":");
        kg_buf_json_str(b, it->evidence, (size_t)-1);
    }
    kg_buf_puts(b, "}\n");
}

/*
 * The unmatched items of one list: misses (gold not found, kind "miss")
 * or false positives (found, not gold, kind "false_positive", with the
 * rule that fired), under a heading in text form.
 */
static void put_unmatched(kg_buf *b, const items *list, const char *kind,
                          const char *heading, int json)
{
    size_t i, n = 0;
    int fp = strcmp(kind, "miss") != 0;
    for (i = 0; i < list->n; i++)
        n += !list->v[i].dup && !list->v[i].matched;
    if (!json && n)
        kg_buf_printf(b, "\n%s (%zu):\n", heading, n);
    for (i = 0; i < list->n; i++) {
        const item *it = &list->v[i];
        if (it->dup || it->matched)
            continue;
        if (json) {
            put_item_json(b, kind, it);
            continue;
        }
        kg_buf_printf(b, "  %s: ", it->doc);
        put_triple(b, it);
        if (fp)
            kg_buf_printf(b, "  (rule %s)", it->rule ? it->rule : "?");
        kg_buf_putc(b, '\n');
        if (it->evidence)
            kg_buf_printf(b, "      \"%s\"\n", it->evidence);
    }
}

/* Misses (gold not found) and false positives (found, not gold). */
static void put_errors(kg_buf *b, const items *gold, const items *found,
                       int json)
{
    put_unmatched(b, gold, "miss", "misses", json);
    put_unmatched(b, found, "false_positive", "false positives", json);
}

/* ---- extraction into items ----------------------------------------- */

typedef struct collect {
    items *found;
    kg_pool *pool;
    const char *doc; /* overrides the triple's doc (case blocks) */
} collect;

static int on_triple(const kg_triple *t, const kg_explain *why,
                     void *payload)
{
    collect *c = payload;
    item *it = items_add(c->found);
    (void)why;
    if (!it)
        return KG_ENOMEM;
    it->doc = kg_pool_strdup(c->pool, c->doc ? c->doc
                                     : t->doc ? t->doc
                                              : "");
    it->subject = kg_pool_strdup(c->pool, t->subject ? t->subject : "");
    it->object = kg_pool_strdup(c->pool, t->object ? t->object : "");
    it->rule = kg_pool_strdup(c->pool, t->rule);
    it->evidence = kg_pool_strdup(c->pool, t->evidence);
    it->rel = t->relation;
    it->status = t->status;
    if ((int)it->rel < 0 || it->rel >= KG_REL__COUNT ||
        (int)it->status < 0 || it->status >= KG_STATUS__COUNT) {
        c->found->n--;
        return KG_OK;
    }
    kg_date_format(it->date, t->date);
    if (!it->doc || !it->subject || !it->object)
        return KG_ENOMEM;
    return item_keys(it, c->pool);
}

/* ---- --gold ---------------------------------------------------------- */

static int read_gold(items *gold, kg_pool *pool, const char *path)
{
    FILE *f = fopen(path, "rb");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = KG_EXIT_OK;
    if (!f)
        return cli_error("cannot open '%s': %s", path, strerror(errno));
    while ((n = getline(&line, &cap, f)) >= 0) {
        kg_triple t;
        kg_error err = {0, ""};
        item *it;
        lineno++;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (strspn(line, " \t") == (size_t)n)
            continue;
        if (kg_triple_parse_json(&t, pool, line, (size_t)n, &err) != KG_OK) {
            rc = cli_error("%s:%ld: %s", path, lineno, err.msg);
            break;
        }
        it = items_add(gold);
        if (!it) {
            rc = cli_error("out of memory");
            break;
        }
        it->doc = t.doc ? t.doc : "";
        it->subject = t.subject;
        it->object = t.object;
        it->rel = t.relation;
        it->status = t.status;
        it->evidence = t.evidence && *t.evidence ? t.evidence : NULL;
        /* --gold scores doc, names, relation and status; dates aside */
        if (item_keys(it, pool) != KG_OK) {
            rc = cli_error("out of memory");
            break;
        }
    }
    if (rc == KG_EXIT_OK && ferror(f))
        rc = cli_error("cannot read '%s': %s", path, strerror(errno));
    free(line);
    fclose(f);
    return rc;
}

/*
 * The articles read (id and text): gold lines of other articles are
 * dropped, and a miss without evidence is shown with the sentence of its
 * article that names both sides.
 */
typedef struct article {
    const char *id, *text;
} article;

typedef struct names {
    article *v;
    size_t n, cap;
} names;

static int names_add(names *s, const char *id, const char *text)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        article *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return KG_ENOMEM;
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n].id = id;
    s->v[s->n].text = text;
    s->n++;
    return KG_OK;
}

static int cmp_article(const void *a, const void *b)
{
    return strcmp(((const article *)a)->id, ((const article *)b)->id);
}

/* Case-insensitive (ASCII) search for needle in s[0..n). */
static int contains(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle), i, j;
    if (!m || m > n)
        return 0;
    for (i = 0; i + m <= n; i++) {
        for (j = 0; j < m; j++) {
            char a = s[i + j], b = needle[j];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a - 'A' + 'a');
            if (b >= 'A' && b <= 'Z')
                b = (char)(b - 'A' + 'a');
            if (a != b)
                break;
        }
        if (j == m)
            return 1;
    }
    return 0;
}

/*
 * The first sentence of text that names both a and b (else one naming b),
 * copied into pool; NULL if none.  Sentences end at ". ", "! ", "? " not
 * followed by a lower-case letter, or at a line break: rough, but this is
 * only a hint for the reader of a report.
 */
static const char *find_sentence(kg_pool *pool, const char *text,
                                 const char *a, const char *b)
{
    int pass;
    for (pass = 0; pass < 2; pass++) {
        const char *s = text;
        while (*s) {
            const char *e = s;
            while (*e && *e != '\n' &&
                   !((*e == '.' || *e == '!' || *e == '?') && e[1] == ' ' &&
                     !(e[2] >= 'a' && e[2] <= 'z')))
                e++;
            if (*e && *e != '\n')
                e++;
            if (contains(s, (size_t)(e - s), b) &&
                (pass == 1 || contains(s, (size_t)(e - s), a)))
                return kg_pool_strndup(pool, s, (size_t)(e - s));
            s = e;
            while (*s == ' ' || *s == '\n')
                s++;
        }
    }
    return NULL;
}

/* The files to read for --gold, expanded here to leave one out. */
typedef struct pathlist {
    char **v;
    size_t n, cap;
} pathlist;

static int pathlist_add(pathlist *l, const char *path)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return KG_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    if (!(l->v[l->n] = strdup(path)))
        return KG_ENOMEM;
    l->n++;
    return KG_OK;
}

static void pathlist_release(pathlist *l)
{
    size_t i;
    for (i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

static int no_dot(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/*
 * Expand path as the reader does (directories recursively in byte order,
 * dot files skipped) but leave out the gold file, so that
 * `eval --gold DIR/gold.jsonl DIR` does not read its answers as articles.
 * What cannot be listed is passed on for the reader to report.
 */
static int expand(pathlist *l, const char *path, const struct stat *gold,
                  int depth)
{
    struct stat st;
    struct dirent **ents = NULL;
    int n, i, rc = KG_OK;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
        return pathlist_add(l, path);
    if (gold && st.st_dev == gold->st_dev && st.st_ino == gold->st_ino)
        return KG_OK;
    if (!S_ISDIR(st.st_mode) || depth >= 64 ||
        (n = scandir(path, &ents, no_dot, by_name)) < 0)
        return pathlist_add(l, path);
    for (i = 0; i < n; i++) {
        size_t len = strlen(path) + strlen(ents[i]->d_name) + 2;
        char *child = rc == KG_OK ? malloc(len) : NULL;
        if (child) {
            snprintf(child, len, "%s%s%s", path,
                     path[strlen(path) - 1] == '/' ? "" : "/",
                     ents[i]->d_name);
            rc = expand(l, child, gold, depth + 1);
            free(child);
        } else {
            rc = KG_ENOMEM;
        }
        free(ents[i]);
    }
    free(ents);
    return rc;
}

/* Extract every article of paths into found; counts bad inputs. */
static int extract_paths(const kg_extractor *ex, char **paths, int npaths,
                         const kg_reader_opts *ropts, items *found,
                         kg_pool *pool, names *docs, size_t *nbad)
{
    kg_reader *rd = NULL;
    kg_error err = {0, ""};
    kg_doc *doc;
    collect c;
    int rc;
    if (kg_reader_new(&rd, (const char *const *)paths, (size_t)npaths, ropts,
                      &err) != KG_OK)
        return cli_error("%s", err.msg);
    c.found = found;
    c.pool = pool;
    c.doc = NULL;
    while ((rc = kg_reader_next(rd, &doc, &err)) != 0) {
        const char *id, *text;
        if (rc < 0) {
            cli_error("%s", err.msg);
            (*nbad)++;
            continue;
        }
        id = kg_pool_strdup(pool, doc->id);
        text = kg_pool_strndup(pool, doc->text, doc->text_len);
        if (!id || !text || names_add(docs, id, text) != KG_OK) {
            kg_doc_free(doc);
            kg_reader_free(rd);
            return cli_error("out of memory");
        }
        c.doc = id;
        rc = kg_extract_doc(ex, NULL, doc, on_triple, &c, &err);
        if (rc != KG_OK) {
            cli_error("%s: %s", doc->id, err.msg);
            (*nbad)++;
        }
        kg_doc_free(doc);
    }
    kg_reader_free(rd);
    return KG_EXIT_OK;
}

/*
 * Drop gold lines of articles that were not read (with one warning) and
 * give each remaining line without evidence a sentence of its article.
 */
static void keep_read_docs(items *gold, names *docs, kg_pool *pool)
{
    size_t i, kept = 0;
    if (docs->n > 1)
        qsort(docs->v, docs->n, sizeof *docs->v, cmp_article);
    for (i = 0; i < gold->n; i++) {
        article key, *a;
        key.id = gold->v[i].doc;
        a = docs->n ? bsearch(&key, docs->v, docs->n, sizeof *docs->v,
                              cmp_article)
                    : NULL;
        if (!a)
            continue;
        if (!gold->v[i].evidence)
            gold->v[i].evidence = find_sentence(pool, a->text,
                                                gold->v[i].subject,
                                                gold->v[i].object);
        gold->v[kept++] = gold->v[i];
    }
    if (kept < gold->n)
        cli_warn("%zu gold triples name articles that were not read; "
                 "ignored", gold->n - kept);
    gold->n = kept;
}

static int cmp_doc_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Score only the articles that have gold lines: a gold file lists
 * triples, so an article without any cannot be told from one nobody
 * annotated (a README beside the articles, say).  Warns with the count.
 */
static int keep_gold_docs(items *found, const items *gold,
                          const names *docs)
{
    const char **ids = NULL;
    size_t i, kept = 0, nids = 0, ndocs = 0;
    const char *first = NULL;
    if (gold->n) {
        ids = malloc(gold->n * sizeof *ids);
        if (!ids)
            return KG_ENOMEM;
        for (i = 0; i < gold->n; i++)
            ids[nids++] = gold->v[i].doc;
        qsort(ids, nids, sizeof *ids, cmp_doc_ptr);
    }
    for (i = 0; i < docs->n; i++) {
        const char *id = docs->v[i].id;
        if (!nids || !bsearch(&id, ids, nids, sizeof *ids, cmp_doc_ptr)) {
            ndocs++;
            if (!first)
                first = id;
        }
    }
    for (i = 0; i < found->n; i++) {
        const char *id = found->v[i].doc;
        if (nids && bsearch(&id, ids, nids, sizeof *ids, cmp_doc_ptr))
            found->v[kept++] = found->v[i];
    }
    if (ndocs)
        cli_warn("%zu articles have no gold triples ('%s'%s); their %zu "
                 "triples are not scored", ndocs, first,
                 ndocs > 1 ? " and others" : "", found->n - kept);
    found->n = kept;
    free(ids);
    return KG_OK;
}

/* ---- --case ---------------------------------------------------------- */

static char *trim(char *s)
{
    char *e;
    while (*s == ' ' || *s == '\t')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
                     e[-1] == '\n'))
        *--e = '\0';
    return s;
}

/* Parse "S | rel | O | status [| date]" into a gold item. */
static int parse_expect(item *it, kg_pool *pool, char *line,
                        const char *path, long lineno)
{
    char *f[6];
    int n = 0, i;
    char *p = line;
    kg_date d;
    f[n++] = p;
    while ((p = strchr(p, '|')) != NULL && n < 6) {
        *p++ = '\0';
        f[n++] = p;
    }
    if (n < 4 || n > 5)
        return cli_error("%s:%ld: expected 'subject | relation | object | "
                         "status [| date]'", path, lineno);
    for (i = 0; i < n; i++)
        f[i] = trim(f[i]);
    if (!*f[0] || !*f[2])
        return cli_error("%s:%ld: empty name", path, lineno);
    if (kg_relation_parse(&it->rel, f[1]) != KG_OK)
        return cli_error("%s:%ld: unknown relation '%s'", path, lineno,
                         f[1]);
    if (kg_status_parse(&it->status, f[3]) != KG_OK)
        return cli_error("%s:%ld: unknown status '%s'", path, lineno, f[3]);
    if (n == 5) {
        if (kg_date_parse(&d, f[4], (size_t)-1) != KG_OK)
            return cli_error("%s:%ld: bad date '%s'", path, lineno, f[4]);
        kg_date_format(it->date, d);
    }
    it->subject = kg_pool_strdup(pool, f[0]);
    it->object = kg_pool_strdup(pool, f[2]);
    if (!it->subject || !it->object || item_keys(it, pool) != KG_OK)
        return cli_error("out of memory");
    return KG_EXIT_OK;
}

/* What one case run adds up: the score and the block results. */
typedef struct case_run {
    const kg_extractor *ex;
    kg_buf out; /* block reports, printed before the table */
    score sc;
    int json;
    size_t nblocks, npass, nfail, ngap, gap_pass;
} case_run;

/* The block being read: text lines, then expectations. */
typedef struct block {
    long line;          /* first text line: the article id is FILE:LINE */
    kg_date date;
    kg_buf text;
    int expect;         /* after the "--" line */
    int none, gap;
    char gap_reason[256];
    items gold;
} block;

static void block_reset(block *b)
{
    kg_date def = DEFAULT_CASE_DATE;
    b->line = 0;
    b->date = def;
    kg_buf_clear(&b->text);
    b->expect = b->none = b->gap = 0;
    b->gap_reason[0] = '\0';
    b->gold.n = 0;
}

/* Extract one finished block and score it. */
static int run_block(case_run *cr, block *b, const char *path, kg_pool *pool)
{
    char id[1100];
    kg_doc doc;
    kg_error err = {0, ""};
    items found = {NULL, 0, 0};
    collect c;
    size_t i, nmiss = 0, nfp = 0;
    int rc;
    snprintf(id, sizeof id, "%s:%ld", path, b->line);
    memset(&doc, 0, sizeof doc);
    doc.id = id;
    doc.path = id;
    doc.date = b->date;
    doc.text = b->text.ptr;
    doc.text_len = b->text.len;
    c.found = &found;
    c.pool = pool;
    c.doc = kg_pool_strdup(pool, id);
    if (!c.doc)
        return cli_error("out of memory");
    for (i = 0; i < b->gold.n; i++)
        b->gold.v[i].doc = c.doc;
    rc = kg_extract_doc(cr->ex, NULL, &doc, on_triple, &c, &err);
    if (rc != KG_OK) {
        free(found.v);
        return cli_error("%s: %s", id, err.msg[0] ? err.msg
                                                  : kg_strerror(rc));
    }
    match(&b->gold, &found);
    add_counts(&cr->sc, &b->gold, &found);
    for (i = 0; i < b->gold.n; i++)
        nmiss += !b->gold.v[i].dup && !b->gold.v[i].matched;
    for (i = 0; i < found.n; i++)
        nfp += !found.v[i].dup && !found.v[i].matched;
    cr->nblocks++;
    if (b->gap) {
        cr->ngap++;
        cr->gap_pass += !nmiss && !nfp;
    } else if (nmiss || nfp) {
        cr->nfail++;
    } else {
        cr->npass++;
    }
    if (cr->json) {
        kg_buf_puts(&cr->out, "{\"kind\":\"block\",\"block\":");
        kg_buf_json_str(&cr->out, id, (size_t)-1);
        kg_buf_printf(&cr->out, ",\"result\":\"%s\",\"misses\":%zu,"
                      "\"false_positives\":%zu",
                      b->gap ? "gap" : nmiss || nfp ? "fail" : "pass",
                      nmiss, nfp);
        if (b->gap) {
            kg_buf_puts(&cr->out, ",\"reason\":");
            kg_buf_json_str(&cr->out, b->gap_reason, (size_t)-1);
        }
        kg_buf_puts(&cr->out, "}\n");
        if (nmiss || nfp)
            put_errors(&cr->out, &b->gold, &found, 1);
    } else if (b->gap || nmiss || nfp) {
        if (b->gap)
            kg_buf_printf(&cr->out, "GAP  %s: %s%s\n", id, b->gap_reason,
                          nmiss || nfp ? "" : " (now passes)");
        else
            kg_buf_printf(&cr->out, "FAIL %s\n", id);
        kg_buf_printf(&cr->out, "  text:       %.300s\n", b->text.ptr);
        for (i = 0; i < b->gold.n; i++) {
            if (b->gold.v[i].dup || b->gold.v[i].matched)
                continue;
            kg_buf_puts(&cr->out, "  miss:       ");
            put_triple(&cr->out, &b->gold.v[i]);
            kg_buf_putc(&cr->out, '\n');
        }
        for (i = 0; i < found.n; i++) {
            if (found.v[i].dup || found.v[i].matched)
                continue;
            kg_buf_puts(&cr->out, "  unexpected: ");
            put_triple(&cr->out, &found.v[i]);
            kg_buf_printf(&cr->out, "  (rule %s)\n",
                          found.v[i].rule ? found.v[i].rule : "?");
        }
    }
    free(found.v);
    return KG_EXIT_OK;
}

/* Handle the end of a block (blank line, comment or end of file). */
static int end_block(case_run *cr, block *b, const char *path, long lineno,
                     kg_pool *pool)
{
    int rc = KG_EXIT_OK;
    if (!b->line)
        return KG_EXIT_OK; /* nothing but maybe an @date */
    if (!b->expect)
        rc = cli_error("%s:%ld: block has no '--' line before line %ld",
                       path, b->line, lineno);
    else if (!b->gold.n && !b->none && !b->gap)
        rc = cli_error("%s:%ld: block expects nothing; write %%%%NONE",
                       path, b->line);
    else
        rc = run_block(cr, b, path, pool);
    block_reset(b);
    return rc;
}

/* Read and run one case file. */
static int run_case_file(case_run *cr, const char *path, kg_pool *pool)
{
    FILE *f = fopen(path, "rb");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = KG_EXIT_OK;
    block b;
    memset(&b, 0, sizeof b);
    block_reset(&b);
    if (!f)
        return cli_error("cannot open '%s': %s", path, strerror(errno));
    while (rc == KG_EXIT_OK && (n = getline(&line, &cap, f)) >= 0) {
        char *t;
        lineno++;
        if (memchr(line, '\0', (size_t)n)) {
            rc = cli_error("%s:%ld: NUL byte in case file", path, lineno);
            break;
        }
        t = trim(line);
        if (!*t || *t == '#') {
            rc = end_block(cr, &b, path, lineno, pool);
            continue;
        }
        if (!b.expect && !b.line && strncmp(t, "@date", 5) == 0) {
            char *d = trim(t + 5);
            if (kg_date_parse(&b.date, d, (size_t)-1) != KG_OK)
                rc = cli_error("%s:%ld: bad date '%s' (YYYY-MM-DD)", path,
                               lineno, d);
            continue;
        }
        if (!b.expect && strcmp(t, "--") == 0) {
            if (!b.line)
                rc = cli_error("%s:%ld: '--' without text before it", path,
                               lineno);
            b.expect = 1;
            continue;
        }
        if (!b.expect) {
            if (!b.line)
                b.line = lineno;
            if ((b.text.len && kg_buf_putc(&b.text, ' ') != KG_OK) ||
                kg_buf_puts(&b.text, t) != KG_OK)
                rc = cli_error("out of memory");
            continue;
        }
        if (strcmp(t, "%%NONE") == 0) {
            b.none = 1;
        } else if (strncmp(t, "%%GAP", 5) == 0) {
            b.gap = 1;
            snprintf(b.gap_reason, sizeof b.gap_reason, "%s",
                     *trim(t + 5) ? trim(t + 5) : "known gap");
        } else {
            item *it = items_add(&b.gold);
            if (!it)
                rc = cli_error("out of memory");
            else
                rc = parse_expect(it, pool, t, path, lineno);
        }
        if (rc == KG_EXIT_OK && b.none && b.gold.n)
            rc = cli_error("%s:%ld: %%%%NONE with expected triples", path,
                           lineno);
    }
    if (rc == KG_EXIT_OK && ferror(f))
        rc = cli_error("cannot read '%s': %s", path, strerror(errno));
    if (rc == KG_EXIT_OK)
        rc = end_block(cr, &b, path, lineno + 1, pool);
    kg_buf_release(&b.text);
    free(b.gold.v);
    free(line);
    fclose(f);
    return rc;
}

/* Parse a --min-precision/--min-recall value in 0..1. */
static int parse_share(double *out, const char *s, const char *opt)
{
    char *end;
    double v;
    if (!s)
        return KG_EXIT_OK;
    v = strtod(s, &end);
    if (end == s || *end || !(v >= 0 && v <= 1))
        return cli_usage_error("eval", "--%s needs a number from 0 to 1, not "
                               "'%s'", opt, s);
    *out = v;
    return KG_EXIT_OK;
}

int cmd_eval(int argc, char **argv, kg_cli *cli)
{
    const char *gold_path = NULL, *minp_s = NULL, *minr_s = NULL;
    const char *date = NULL;
    int json = 0, npos = 0, rc, i;
    double minp = -1, minr = -1;
    cli_list rules, cases;
    char **pos = NULL;
    kg_extract_opts xopts;
    kg_reader_opts ropts = {{0, 0, 0}, 0};
    kg_extractor *ex = NULL;
    kg_error err = {0, ""};
    kg_pool pool = KG_POOL_INIT;
    items gold = {NULL, 0, 0}, found = {NULL, 0, 0};
    names docs = {NULL, 0, 0};
    pathlist files = {NULL, 0, 0};
    case_run cr;
    size_t nbad = 0;
    kg_buf out = KG_BUF_INIT;
    const cli_opt opts[] = {
        {"gold", 'g', CLI_OPT_STR, &gold_path, "FILE",
         "expected triples (JSONL, the format of extract)"},
        {"case", 'c', CLI_OPT_LIST, &cases, "FILE",
         "an extractor case file (tests/extract/)"},
        {"json", 0, CLI_OPT_FLAG, &json, NULL, "print JSON lines"},
        {"min-precision", 0, CLI_OPT_STR, &minp_s, "P",
         "exit 1 when precision is below P (0..1)"},
        {"min-recall", 0, CLI_OPT_STR, &minr_s, "R",
         "exit 1 when recall is below R (0..1)"},
        {"rules", 0, CLI_OPT_LIST, &rules, "FILE",
         "extra rule file, after the built-in ones"},
        {"date", 0, CLI_OPT_STR, &date, "DATE",
         "date for articles that give none (--gold)"},
        CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph eval --gold GOLD.jsonl PATH... | corpgraph eval --case "
        "FILE...",
        "Score extraction against hand-made triples: precision, recall and "
        "F1\noverall, per relation and per status, then the misses and "
        "false\npositives with their sentences.  A triple matches on "
        "article, subject,\nrelation, object and status; names are compared "
        "without case,\npunctuation, a leading 'the' or legal suffixes (Inc, "
        "Corp, Ltd, AG,\nHoldings...), symmetric relations in either order.",
        "With --gold, the gold file is skipped when it lies under PATH, and "
        "only\narticles that have gold lines are scored.  Dates are not "
        "compared.\n\n"
        "With --case, each block of the file is one article (id FILE:LINE) "
        "and\nthe exit status is 1 if any block that is not marked %%GAP has "
        "a miss\nor a false positive.  Case format: '#' comments and blank "
        "lines\nseparate blocks; a block is an optional '@date YYYY-MM-DD', "
        "text lines,\n'--', then 'subject | relation | object | status "
        "[| date]' lines,\n'%%NONE' or '%%GAP reason'.\n\nexamples:\n"
        "  corpgraph eval --gold gold.jsonl samples/\n"
        "  corpgraph eval --gold gold.jsonl --min-precision 0.8 "
        "--min-recall 0.6 samples/\n"
        "  corpgraph eval --case tests/extract/acquired.case",
        0, -1};

    memset(&rules, 0, sizeof rules);
    memset(&cases, 0, sizeof cases);
    memset(&cr, 0, sizeof cr);
    rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
    if (rc >= 0)
        return rc;
    if ((rc = parse_share(&minp, minp_s, "min-precision")) != KG_EXIT_OK ||
        (rc = parse_share(&minr, minr_s, "min-recall")) != KG_EXIT_OK)
        return rc;
    if (!gold_path && !cases.n)
        return cli_usage_error(cli->cmd, "give --gold FILE PATH... or "
                               "--case FILE");
    if (gold_path && cases.n)
        return cli_usage_error(cli->cmd, "--gold and --case do not mix");
    if (gold_path && !npos)
        return cli_usage_error(cli->cmd, "--gold needs the articles (PATH...)");
    if (cases.n && npos)
        return cli_usage_error(cli->cmd, "--case takes no PATH ('%s')",
                               pos[0]);
    if (date && kg_date_parse(&ropts.default_date, date, (size_t)-1) != KG_OK)
        return cli_usage_error(cli->cmd, "bad date '%s' for --date "
                               "(YYYY, YYYY-MM or YYYY-MM-DD)", date);

    memset(&xopts, 0, sizeof xopts);
    xopts.rule_files = rules.v;
    xopts.nrule_files = (size_t)rules.n;
    if (kg_extractor_new(&ex, &xopts, &err) != KG_OK)
        return cli_error("%s", err.msg);

    if (cases.n) {
        cr.ex = ex;
        cr.json = json;
        rc = KG_EXIT_OK;
        for (i = 0; i < cases.n && rc == KG_EXIT_OK; i++)
            rc = run_case_file(&cr, cases.v[i], &pool);
        if (rc == KG_EXIT_OK) {
            kg_buf_put(&out, cr.out.ptr ? cr.out.ptr : "", cr.out.len);
            if (cr.out.len && !json)
                kg_buf_putc(&out, '\n');
            put_table(&out, &cr.sc, json);
            if (!json)
                kg_buf_printf(&out, "\n%zu blocks: %zu passed, %zu failed, "
                              "%zu known gaps%s\n", cr.nblocks, cr.npass,
                              cr.nfail, cr.ngap,
                              cr.gap_pass ? " (some now pass)" : "");
            rc = cr.nfail ? KG_EXIT_ERROR : KG_EXIT_OK;
        }
    } else {
        struct stat gst;
        int have_gst = stat(gold_path, &gst) == 0;
        rc = read_gold(&gold, &pool, gold_path);
        for (i = 0; rc == KG_EXIT_OK && i < npos; i++)
            if (expand(&files, pos[i], have_gst ? &gst : NULL, 0) != KG_OK)
                rc = cli_error("out of memory");
        if (rc == KG_EXIT_OK && !files.n)
            rc = cli_error("no articles to read besides the gold file");
        if (rc == KG_EXIT_OK)
            rc = extract_paths(ex, files.v, (int)files.n, &ropts, &found,
                               &pool, &docs, &nbad);
        if (rc == KG_EXIT_OK) {
            keep_read_docs(&gold, &docs, &pool);
            if (keep_gold_docs(&found, &gold, &docs) != KG_OK)
                rc = cli_error("out of memory");
        }
        if (rc == KG_EXIT_OK) {
            match(&gold, &found);
            add_counts(&cr.sc, &gold, &found);
            put_table(&out, &cr.sc, json);
            put_errors(&out, &gold, &found, json);
            rc = nbad ? (docs.n ? KG_EXIT_PARTIAL : KG_EXIT_ERROR)
                      : KG_EXIT_OK;
        }
    }
    if (out.len && cli_write(cli, &out) != KG_EXIT_OK)
        rc = KG_EXIT_ERROR;
    if (rc == KG_EXIT_OK || rc == KG_EXIT_PARTIAL) {
        double p = precision(&cr.sc.all), r = recall(&cr.sc.all);
        if (minp >= 0 && p < minp) {
            cli_error("precision %.3f is below %.3f", p, minp);
            rc = KG_EXIT_ERROR;
        }
        if (minr >= 0 && r < minr) {
            cli_error("recall %.3f is below %.3f", r, minr);
            rc = KG_EXIT_ERROR;
        }
    }
    kg_buf_release(&out);
    kg_buf_release(&cr.out);
    free(gold.v);
    free(found.v);
    free(docs.v);
    pathlist_release(&files);
    kg_pool_release(&pool);
    kg_extractor_free(ex);
    return rc;
}
