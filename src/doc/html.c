/*
 * html.c: one HTML page -> kg_doc, with libxml2's forgiving HTML parser
 * (never hand-written tag stripping).
 *
 * Metadata comes from the usual places, best first: title from og:title,
 * <title>, the first <h1>; date from article:published_time,
 * og:published_time, itemprop=datePublished, pubdate/date/DC.date-style
 * meta names, then the first <time datetime>; the first candidate that
 * parses wins.  The text is that of the longest <article>, else <main>,
 * else <body>, walked without recursion: scripts, styles, navigation,
 * headers, footers, asides, forms and the like are skipped, block elements
 * become paragraph breaks, <br> a line break, runs of white space (NBSP
 * included) one space.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "doc/doc_int.h"

/* Elements whose whole subtree is not article text. */
static const char *const skip_tags[] = {
    "aside",  "audio",  "button", "canvas", "embed",    "footer",
    "form",   "head",   "header", "iframe", "input",    "label",
    "map",    "menu",   "nav",    "noscript", "object", "script",
    "select", "style",  "svg",    "template", "textarea", "video"};

/* Elements that stand on their own lines (paragraph breaks around them). */
static const char *const block_tags[] = {
    "address", "article", "blockquote", "body", "caption", "center",
    "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "main", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
    "tr", "ul"};

static int in_list(const char *name, const char *const *list, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strcasecmp(name, list[i]) == 0)
            return 1;
    return 0;
}

static int is_elem(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           strcasecmp((const char *)n->name, name) == 0;
}

/* Attribute value compared without case; 0 when absent. */
static int attr_is(xmlNode *n, const char *attr, const char *value)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    int eq = v && strcasecmp((const char *)v, value) == 0;
    xmlFree(v);
    return eq;
}

static int skipped(xmlNode *n)
{
    static const char *const roles[] = {"navigation", "banner",
                                        "contentinfo", "complementary",
                                        "search"};
    xmlChar *role;
    int skip;
    if (in_list((const char *)n->name, skip_tags,
                sizeof skip_tags / sizeof skip_tags[0]))
        return 1;
    if (xmlHasProp(n, (const xmlChar *)"hidden") ||
        attr_is(n, "aria-hidden", "true"))
        return 1;
    role = xmlGetProp(n, (const xmlChar *)"role");
    skip = role && in_list((const char *)role, roles,
                           sizeof roles / sizeof roles[0]);
    xmlFree(role);
    return skip;
}

static int is_block(const xmlNode *n)
{
    return in_list((const char *)n->name, block_tags,
                   sizeof block_tags / sizeof block_tags[0]);
}

/* Text being built: white space is held back until the next word. */
typedef struct text_out {
    kg_buf *b;
    int pending; /* 0 none, 1 space, 2 line break, 3 paragraph break */
    int rc;
} text_out;

static void want(text_out *t, int level)
{
    if (level > t->pending)
        t->pending = level;
}

static void put_words(text_out *t, const char *s)
{
    static const char *const breaks[] = {"", " ", "\n", "\n\n"};
    size_t i = 0, run;
    while (s[i] && t->rc == KG_OK) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            want(t, 1);
            i++;
            continue;
        }
        if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) { /* NBSP */
            want(t, 1);
            i += 2;
            continue;
        }
        run = i;
        while (s[run] && s[run] != ' ' && s[run] != '\t' &&
               s[run] != '\n' && s[run] != '\r' && s[run] != '\f' &&
               !((unsigned char)s[run] == 0xC2 &&
                 (unsigned char)s[run + 1] == 0xA0))
            run++;
        if (t->b->len && t->pending)
            t->rc = kg_buf_puts(t->b, breaks[t->pending]);
        t->pending = 0;
        if (t->rc == KG_OK)
            t->rc = kg_buf_put(t->b, s + i, run - i);
        i = run;
    }
}

/* Append the article text under root (root itself excluded) to t. */
static void walk_text(text_out *t, xmlNode *root)
{
    xmlNode *n = root->children;
    while (n && t->rc == KG_OK) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE && n->name) {
            if (!skipped(n)) {
                if (is_elem(n, "br"))
                    want(t, 2);
                else if (is_elem(n, "td") || is_elem(n, "th"))
                    want(t, 1);
                else if (is_block(n))
                    want(t, 3);
                descend = n->children != NULL;
            }
        } else if ((n->type == XML_TEXT_NODE ||
                    n->type == XML_CDATA_SECTION_NODE) && n->content) {
            put_words(t, (const char *)n->content);
        }
        if (descend) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            if (n && n != root && n->type == XML_ELEMENT_NODE && n->name &&
                is_block(n))
                want(t, 3);
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
}

/* Metadata candidates, each with a rank: lower is better. */
#define NDATES 8
typedef struct meta {
    xmlChar *title;
    int title_rank;
    xmlChar *url;
    int url_rank;
    xmlChar *source;
    struct {
        xmlChar *value;
        int rank;
        long line;
        const char *where;
    } dates[NDATES];
    int ndates;
    xmlNode *articles[16];
    int narticles;
    xmlNode *main_el, *body;
} meta;

static void take(xmlChar **slot, int *rank, xmlChar *v, int r)
{
    if (v && (!*slot || r < *rank)) {
        xmlFree(*slot);
        *slot = v;
        *rank = r;
    } else {
        xmlFree(v);
    }
}

static void add_date(meta *m, xmlChar *v, int rank, long line,
                     const char *where)
{
    if (!v)
        return;
    if (m->ndates >= NDATES) {
        xmlFree(v);
        return;
    }
    m->dates[m->ndates].value = v;
    m->dates[m->ndates].rank = rank;
    m->dates[m->ndates].line = line;
    m->dates[m->ndates].where = where;
    m->ndates++;
}

/* Rank of a meta name/property that carries the publication date. */
static int date_rank(const char *key)
{
    static const char *const keys[] = {
        "article:published_time", "og:published_time",
        "og:article:published_time", "datePublished", "pubdate",
        "publishdate", "publish-date", "publication_date", "date",
        "DC.date", "DC.date.issued", "dcterms.date", "dcterms.created",
        "dc.date.created", "parsely-pub-date", "sailthru.date"};
    size_t i;
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcasecmp(key, keys[i]) == 0)
            return (int)i;
    return -1;
}

static void read_meta_tag(meta *m, xmlNode *n)
{
    static const char *const key_attrs[] = {"property", "name", "itemprop"};
    size_t i;
    for (i = 0; i < 3; i++) {
        xmlChar *key = xmlGetProp(n, (const xmlChar *)key_attrs[i]);
        const char *k = (const char *)key;
        int r;
        if (!key)
            continue;
        if (strcasecmp(k, "og:title") == 0)
            take(&m->title, &m->title_rank,
                 xmlGetProp(n, (const xmlChar *)"content"), 0);
        else if (strcasecmp(k, "og:url") == 0)
            take(&m->url, &m->url_rank,
                 xmlGetProp(n, (const xmlChar *)"content"), 1);
        else if (strcasecmp(k, "og:site_name") == 0 && !m->source)
            m->source = xmlGetProp(n, (const xmlChar *)"content");
        else if ((r = date_rank(k)) >= 0)
            add_date(m, xmlGetProp(n, (const xmlChar *)"content"), r,
                     xmlGetLineNo(n), "meta");
        xmlFree(key);
    }
}

/* One pass over the whole tree (no recursion) to collect metadata. */
static void collect(meta *m, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE && n->name) {
            if (is_elem(n, "meta")) {
                read_meta_tag(m, n);
            } else if (is_elem(n, "title")) {
                take(&m->title, &m->title_rank, xmlNodeGetContent(n), 1);
            } else if (is_elem(n, "h1") && m->title_rank > 2) {
                take(&m->title, &m->title_rank, xmlNodeGetContent(n), 2);
            } else if (is_elem(n, "link") && attr_is(n, "rel", "canonical")) {
                take(&m->url, &m->url_rank,
                     xmlGetProp(n, (const xmlChar *)"href"), 0);
            } else if (is_elem(n, "time")) {
                add_date(m, xmlGetProp(n, (const xmlChar *)"datetime"), 100,
                         xmlGetLineNo(n), "time");
            } else if (is_elem(n, "article") && m->narticles < 16) {
                m->articles[m->narticles++] = n;
            } else if (is_elem(n, "main") && !m->main_el) {
                m->main_el = n;
            } else if (is_elem(n, "body") && !m->body) {
                m->body = n;
            }
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n && !n->next)
            n = n->parent;
        if (n)
            n = n->next;
    }
}

static void meta_release(meta *m)
{
    int i;
    xmlFree(m->title);
    xmlFree(m->url);
    xmlFree(m->source);
    for (i = 0; i < m->ndates; i++)
        xmlFree(m->dates[i].value);
}

/* Quiet libxml2: the library never prints (the CLI reports errors). */
static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void silent_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

/* The body text: longest <article>, else <main>, else <body>, else all. */
static int body_text(kg_buf *out, meta *m, xmlNode *root)
{
    kg_buf tmp = KG_BUF_INIT;
    text_out t;
    int i, rc = KG_OK;
    if (m->narticles) {
        for (i = 0; i < m->narticles && rc == KG_OK; i++) {
            kg_buf_clear(&tmp);
            t.b = &tmp;
            t.pending = 0;
            t.rc = KG_OK;
            walk_text(&t, m->articles[i]);
            rc = t.rc;
            if (rc == KG_OK && tmp.len > out->len) {
                kg_buf_clear(out);
                rc = kg_buf_put(out, tmp.ptr, tmp.len);
            }
        }
        kg_buf_release(&tmp);
        if (rc != KG_OK || out->len)
            return rc;
    }
    t.b = out;
    t.pending = 0;
    t.rc = KG_OK;
    walk_text(&t, m->main_el ? m->main_el : m->body ? m->body : root);
    return t.rc;
}

int kg_doc__parse_html(kg_doc *doc, const char *s, size_t len,
                       const char *path, kg_error *err)
{
    htmlDocPtr html = NULL;
    xmlNode *root;
    meta m;
    kg_buf text = KG_BUF_INIT;
    int rc = KG_OK, i, best;

    memset(&m, 0, sizeof m);
    m.title_rank = m.url_rank = 1000;
    if (len > INT_MAX)
        return kg_error_set(err, KG_EINVAL, "%s:1: page too large", path);
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, silent_structured);
    html = htmlReadMemory(s, (int)len, NULL, NULL,
                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    root = html ? xmlDocGetRootElement(html) : NULL;
    if (!root) {
        rc = kg_error_set(err, KG_EINVAL, "%s:1: no HTML content", path);
        goto done;
    }
    collect(&m, root);
    if (body_text(&text, &m, root) != KG_OK) {
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
        goto done;
    }
    if ((m.title && kg_doc__strdup_clean(&doc->title,
                                         (const char *)m.title,
                                         strlen((const char *)m.title))) ||
        (m.url && kg_doc__strdup_clean(&doc->url, (const char *)m.url,
                                       strlen((const char *)m.url))) ||
        (m.source && kg_doc__strdup_clean(&doc->source,
                                          (const char *)m.source,
                                          strlen((const char *)m.source))) ||
        kg_doc__strdup_clean(&doc->text, text.ptr ? text.ptr : "",
                             text.len)) {
        rc = kg_error_set(err, KG_ENOMEM, "out of memory");
        goto done;
    }
    doc->text_len = doc->text ? strlen(doc->text) : 0;
    /* the best-ranked date that parses; all bad: an error on the best */
    best = -1;
    for (i = 0; i < m.ndates; i++) {
        kg_date d;
        if (kg_doc__parse_date(&d, (const char *)m.dates[i].value,
                               (size_t)-1) != KG_OK)
            continue;
        if (best < 0 || m.dates[i].rank < m.dates[best].rank) {
            best = i;
            doc->date = d;
        }
    }
    if (best < 0 && m.ndates) {
        for (i = 1, best = 0; i < m.ndates; i++)
            if (m.dates[i].rank < m.dates[best].rank)
                best = i;
        rc = kg_error_set(err, KG_EINVAL, "%s:%ld: bad date '%.64s' in <%s>",
                          path, m.dates[best].line,
                          (const char *)m.dates[best].value,
                          m.dates[best].where);
        goto done;
    }
    if (!doc->text)
        rc = kg_error_set(err, KG_EINVAL, "%s:1: no article text in page",
                          path);
done:
    kg_buf_release(&text);
    meta_release(&m);
    xmlFreeDoc(html);
    return rc;
}
