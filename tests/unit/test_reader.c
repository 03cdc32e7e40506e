/*
 * test_reader.c: the article readers (doc.h, src/doc/).
 *
 * Test plan:
 *   text__*     header keys, free-form header dates, no header, BOM/CRLF
 *   html__*     title/date/url/source from meta, scripts/nav/aside removed,
 *               blocks as paragraphs, NBSP, <time datetime>, bad meta date
 *   jsonl__*    good lines, blank lines, each bad line continuing the file;
 *               escapes, repeated members, null and integer members, and
 *               each way a line is not JSON
 *   date__*     the accepted and refused date forms
 *   tree__*     directories in sorted order, dot files skipped, sniffing
 *   stdin__*    "-" sniffed as JSONL, HTML, text
 *   raw__*      inputs read first and parsed later (kg_raw, as -j N does)
 *   bad__*      missing file, empty file, NUL bytes, invalid UTF-8
 *               (repaired; all-Latin-1 text converted from Windows-1252),
 *               a long line refused and skipped with flat
 *               memory, an oversized text file; the batch always goes on
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "kg/kg.h"

#define DATA KG_SOURCE_DIR "/tests/data/reader/"

static char tmpdir[512];

/* Write len bytes to tmpdir/name and return the path (static buffer). */
static const char *tmp_file(const char *name, const char *bytes, size_t len)
{
    static char path[1024];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    f = fopen(path, "wb");
    if (!f)
        return path;
    if (len)
        fwrite(bytes, 1, len, f);
    fclose(f);
    return path;
}

/* Read every result of paths into a compact log: "id|...\n" or "E:msg". */
typedef struct result {
    int ndocs, nerrs;
    kg_doc *docs[32];
    char errs[16][KG_ERROR_MSG_LEN];
} result;

static void read_all(result *res, const char *const *paths, size_t n,
                     const kg_reader_opts *opts)
{
    kg_reader *r = NULL;
    kg_error err = {0, ""};
    kg_doc *doc;
    int rc, guard = 0;
    memset(res, 0, sizeof *res);
    KG_CHECK_INT(kg_reader_new(&r, paths, n, opts, &err), KG_OK);
    while ((rc = kg_reader_next(r, &doc, &err)) != 0 && guard++ < 100) {
        if (rc > 0) {
            if (res->ndocs < 32)
                res->docs[res->ndocs++] = doc;
            else
                kg_doc_free(doc);
        } else {
            KG_CHECK(doc == NULL);
            if (res->nerrs < 16)
                snprintf(res->errs[res->nerrs++], KG_ERROR_MSG_LEN, "%s",
                         err.msg);
        }
    }
    kg_reader_free(r);
}

static void result_free(result *res)
{
    int i;
    for (i = 0; i < res->ndocs; i++)
        kg_doc_free(res->docs[i]);
}

static void check_date(kg_date d, const char *want)
{
    char buf[KG_DATE_STRLEN];
    kg_date_format(buf, d);
    KG_CHECK_STR(buf, want);
}

static void test_reader__text_header(void)
{
    const char *paths[] = {DATA "header.txt"};
    result res;
    read_all(&res, paths, 1, NULL);
    KG_CHECK_INT(res.ndocs, 1);
    KG_CHECK_INT(res.nerrs, 0);
    if (res.ndocs == 1) {
        kg_doc *d = res.docs[0];
        KG_CHECK_STR(d->id, "acme-2025-10-28");
        check_date(d->date, "2025-10-28");
        KG_CHECK_STR(d->source, "Example Wire");
        KG_CHECK_STR(d->title, "Acme buys Widgetco");
        KG_CHECK_STR(d->url, "https://example.com/acme-widgetco");
        KG_CHECK_STR(d->text, "Acme Corp agreed to buy Widgetco for $2 "
                              "billion.\n\nThe deal is expected to close "
                              "next year.");
        KG_CHECK_INT(d->text_len, strlen(d->text));
        KG_CHECK_INT(d->line, 0);
        KG_CHECK(strstr(d->path, "header.txt") != NULL);
    }
    result_free(&res);
}

static void test_reader__text_no_header(void)
{
    const char *paths[] = {DATA "noheader.txt"};
    kg_reader_opts opts = {{2024, 6, 15}, 0};
    result res;
    read_all(&res, paths, 1, &opts);
    KG_CHECK_INT(res.ndocs, 1);
    if (res.ndocs == 1) {
        KG_CHECK_STR(res.docs[0]->id, "noheader");
        check_date(res.docs[0]->date, "2024-06-15"); /* --date */
        KG_CHECK(strncmp(res.docs[0]->text, "Note: this first", 16) == 0);
        KG_CHECK(res.docs[0]->source == NULL);
    }
    result_free(&res);
}

static void test_reader__text_bom_crlf(void)
{
    static const char s[] = "\xEF\xBB\xBFid: crlf\r\ndate: 2025-01-02\r\n\r\n"
                            "Line one.\r\nLine two.\rEnd.\r\n";
    const char *paths[1];
    result res;
    paths[0] = tmp_file("crlf.txt", s, sizeof s - 1);
    read_all(&res, paths, 1, NULL);
    KG_CHECK_INT(res.ndocs, 1);
    if (res.ndocs == 1) {
        KG_CHECK_STR(res.docs[0]->id, "crlf");
        check_date(res.docs[0]->date, "2025-01-02");
        KG_CHECK_STR(res.docs[0]->text, "Line one.\nLine two.\nEnd.");
    }
    result_free(&res);
}

static void test_reader__text_bad_date(void)
{
    static const char s[] = "id: x\ntitle: t\ndate: 2025-13-45\n\nBody.\n";
    const char *paths[2];
    result res;
    paths[0] = tmp_file("baddate.txt", s, sizeof s - 1);
    paths[1] = DATA "noheader.txt";
    read_all(&res, paths, 2, NULL);
    KG_CHECK_INT(res.nerrs, 1);
    KG_CHECK_INT(res.ndocs, 1); /* the next file is still read */
    KG_CHECK(strstr(res.errs[0], "baddate.txt:3: bad date '2025-13-45'"));
    result_free(&res);
}

static void test_reader__html_page(void)
{
    const char *paths[] = {DATA "page.html"};
    result res;
    read_all(&res, paths, 1, NULL);
    KG_CHECK_INT(res.ndocs, 1);
    KG_CHECK_INT(res.nerrs, 0);
    if (res.ndocs == 1) {
        kg_doc *d = res.docs[0];
        KG_CHECK_STR(d->id, "page");
        KG_CHECK_STR(d->title, "Acme and Widgetco team up");
        KG_CHECK_STR(d->source, "Example News");
        KG_CHECK_STR(d->url, "https://news.example.com/acme-widgetco");
        check_date(d->date, "2025-10-28");
        KG_CHECK_STR(d->text,
                     "Acme and Widgetco\n\n"
                     "Acme Corp said on Tuesday it had formed a "
                     "partnership with Widgetco.\n\n"
                     "The companies will build widgets together.\n"
                     "Terms were not disclosed.\n\n"
                     "First point\n\nSecond point");
        KG_CHECK(strstr(d->text, "TEXT") == NULL);
        KG_CHECK(strstr(d->text, "\xC2\xA0") == NULL);
    }
    result_free(&res);
}

static void test_reader__html_time_main(void)
{
    const char *paths[] = {DATA "time.html"};
    result res;
    read_all(&res, paths, 1, NULL);
    KG_CHECK_INT(res.ndocs, 1);
    if (res.ndocs == 1) {
        check_date(res.docs[0]->date, "2024-03-05");
        KG_CHECK_STR(res.docs[0]->title, "Only a time element");
        KG_CHECK_STR(res.docs[0]->text, "Byline March 5\n\n"
                                        "Globex hired a new chief "
                                        "executive.");
    }
    result_free(&res);
}

static void test_reader__html_bad_date(void)
{
    const char *paths[] = {DATA "baddate.html", DATA "time.html"};
    result res;
    read_all(&res, paths, 2, NULL);
    KG_CHECK_INT(res.nerrs, 1);
    KG_CHECK_INT(res.ndocs, 1);
    KG_CHECK(strstr(res.errs[0], "baddate.html:2: bad date 'sometime last "
                                 "week' in <meta>") != NULL);
    result_free(&res);
}

static void test_reader__html_meta_forms(void)
{
    static const struct {
        const char *head, *date;
    } forms[] = {
        {"<meta name=\"DC.date\" content=\"2023-05-06\">", "2023-05-06"},
        {"<meta name=\"pubdate\" content=\"20 May 2022\">", "2022-05-20"},
        {"<meta property=\"og:published_time\" "
         "content=\"2021-07-08T10:00:00+02:00\">", "2021-07-08"},
        {"<meta itemprop=\"datePublished\" content=\"Jan 2, 2020\">",
         "2020-01-02"},
        /* the best-ranked tag wins over a <time> in the page */
        {"<meta name=\"date\" content=\"2019-03-04\">", "2019-03-04"},
        /* a bad tag is passed over when a lower one parses */
        {"<meta property=\"article:published_time\" content=\"soon\">"
         "<meta name=\"date\" content=\"2018-01-02\">", "2018-01-02"}};
    size_t i;
    for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char page[1024];
        const char *paths[1];
        result res;
        snprintf(page, sizeof page, "<html><head>%s</head><body><p>Text."
                 "</p><time datetime=\"2001-01-01\">x</time></body>"
                 "</html>", forms[i].head);
        paths[0] = tmp_file("meta.html", page, strlen(page));
        read_all(&res, paths, 1, NULL);
        KG_CHECK_INT(res.ndocs, 1);
        if (res.ndocs == 1)
            check_date(res.docs[0]->date, forms[i].date);
        result_free(&res);
    }
}

static void test_reader__jsonl_lines(void)
{
    const char *paths[] = {DATA "articles.jsonl"};
    result res;
    read_all(&res, paths, 1, NULL);
    KG_CHECK_INT(res.ndocs, 4);
    KG_CHECK_INT(res.nerrs, 4);
    if (res.ndocs == 4) {
        KG_CHECK_STR(res.docs[0]->id, "j1");
        check_date(res.docs[0]->date, "2025-01-02");
        KG_CHECK_STR(res.docs[0]->source, "Wire");
        KG_CHECK_STR(res.docs[0]->title, "One");
        KG_CHECK_STR(res.docs[0]->text, "Initech acquired Hooli.");
        KG_CHECK_INT(res.docs[0]->line, 1);
        KG_CHECK_STR(res.docs[1]->id, "j2");
        check_date(res.docs[1]->date, "");
        KG_CHECK_INT(res.docs[1]->line, 3);
        KG_CHECK_STR(res.docs[2]->id, "7");
        check_date(res.docs[2]->date, "2025-10-28");
        KG_CHECK_STR(res.docs[3]->id, "articles:9");
    }
    if (res.nerrs == 4) {
        KG_CHECK(strstr(res.errs[0], "articles.jsonl:4: malformed JSON"));
        KG_CHECK(strstr(res.errs[1], "articles.jsonl:5: bad date '32 Foo "
                                     "2025'"));
        KG_CHECK(strstr(res.errs[2], "articles.jsonl:6: no \"text\""));
        KG_CHECK(strstr(res.errs[3], "articles.jsonl:7: not a JSON object"));
    }
    result_free(&res);
}

/* Read one JSONL line (no newline) from a file of its own. */
static void read_line(result *res, const char *line)
{
    char text[4096];
    const char *paths[1];
    size_t n = strlen(line);
    memcpy(text, line, n);
    text[n] = '\n';
    paths[0] = tmp_file("one.jsonl", text, n + 1);
    read_all(res, paths, 1, NULL);
}

static void test_reader__jsonl_accepted(void)
{
    static const struct {
        const char *line, *id, *text;
    } ok[] = {
        /* escapes, a surrogate pair, no-break and zero-width spaces */
        {"{\"id\":\"a\",\"text\":\"\\u00e9\\u2019 \\ud83d\\ude00 \\\"q\\\" "
         "\\\\ \\/ x\\u00a0y\\u200bz\\n\\tB\"}",
         "a", "\xC3\xA9\xE2\x80\x99 \xF0\x9F\x98\x80 \"q\" \\ / x yz\n\tB"},
        /* a repeated member: the last one counts */
        {"{\"id\":\"a\",\"text\":\"one\",\"id\":\"b\",\"text\":\"two\"}", "b",
         "two"},
        /* null members are absent; the id is then file:line */
        {"{\"id\":null,\"date\":null,\"source\":null,\"title\":null,"
         "\"url\":null,\"text\":\"T\"}", "one:1", "T"},
        {"{\"id\":123456789012,\"text\":\"T\"}", "123456789012", "T"},
        {"{\"id\":-5,\"text\":\"T\"}", "-5", "T"},
        /* white space (tab, CR) between tokens and after the object */
        {"  {\"id\":\"a\",\t\"text\" : \"T\"}  \r", "a", "T"},
        /* other members, nested, are read and ignored */
        {"{\"text\":\"T\",\"x\":{\"a\":[1,-2.5e-3,{\"b\":null}],\"c\":true,"
         "\"d\":false},\"id\":\"a\",\"y\":0,\"y\":1}", "a", "T"},
        /* invalid UTF-8 is repaired, control characters then too */
        {"{\"id\":\"a\",\"text\":\"\xC3\xA9 \xFF \x01 end\"}", "a",
         "\xC3\xA9 \xEF\xBF\xBD   end"},
        {"{\"id\":\"a\",\"text\":\"del \x7F ok\"}", "a", "del   ok"},
        {"{\"id\":\"a\",\"text\":\"\\u0041\\u0042\"}", "a", "AB"}};
    static const struct {
        const char *line, *err;
    } bad[] = {
        {"{\"id\":\"a\",\"text\":\"x\\u0000y\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"o\":\"\\u0000\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"\\u0000\":1}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\\ud800y\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\\udc00y\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\\ud83d\\u0041\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\\ud83d\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"raw\ttab\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"raw\rcr\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"ctl \x01\"}", "malformed JSON"},
        {"{\"id\":\"a\",\x02\"text\":\"x\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"\\q\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"\\uZZZZ\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"\\u00\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\"} x", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\"}{}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":01}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":1.}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":-}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":1e}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":+1}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":.5}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":0x10}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":1e999}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":Infinity}", "malformed JSON"},
        {"{\"id\":12345678901234567890,\"text\":\"x\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",\"n\":nul}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\",}", "malformed JSON"},
        {"{\"id\":\"a\" \"text\":\"x\"}", "malformed JSON"},
        {"{\"id\":\"a\",\"text\":\"x\xFF\ty\"}", "malformed JSON"},
        {"\xEF\xBB\xBF\xEF\xBB\xBF{\"text\":\"x\"}", "malformed JSON"},
        {"[1,2]", "not a JSON object"},
        {"{\"id\":12.5,\"text\":\"x\"}", "\"id\" is not a string"},
        {"{\"id\":true,\"text\":\"x\"}", "\"id\" is not a string"},
        {"{\"id\":\"a\",\"title\":7,\"text\":\"x\"}",
         "\"title\" is not a string"},
        {"{\"id\":\"a\",\"text\":42}", "\"text\" is not a string"},
        {"{\"id\":\"a\",\"Text\":\"x\"}", "no \"text\" member"},
        {"{\"id\":\"a\",\"text\":\" \\n \"}", "empty article text"},
        {"{\"id\":\"a\",\"date\":\"2025-02-30\",\"text\":\"x\"}",
         "bad date"}};
    size_t i;
    result res;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        read_line(&res, ok[i].line);
        KG_CHECK_INT(res.ndocs, 1);
        if (res.ndocs == 1) {
            KG_CHECK_STR(res.docs[0]->id, ok[i].id);
            KG_CHECK_STR(res.docs[0]->text, ok[i].text);
        } else {
            fprintf(stderr, "  line %zu: %s\n", i, res.errs[0]);
        }
        result_free(&res);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        read_line(&res, bad[i].line);
        KG_CHECK_INT(res.nerrs, 1);
        if (res.nerrs == 1) {
            KG_CHECK(strstr(res.errs[0], "one.jsonl:1: ") != NULL);
            KG_CHECK(strstr(res.errs[0], bad[i].err) != NULL);
            if (!strstr(res.errs[0], bad[i].err))
                fprintf(stderr, "  bad %zu: %s\n", i, res.errs[0]);
        } else {
            fprintf(stderr, "  bad %zu accepted\n", i);
        }
        result_free(&res);
    }
}

/*
 * Where cJSON differs from jansson, which read these lines before: a
 * number id is taken when a double holds it exactly (so 1.0 is "1" and
 * 2^53 + 1 is refused), and nesting stops at cJSON's 1000 levels.
 */
static void test_reader__jsonl_cjson_limits(void)
{
    char deep[2100];
    result res;
    read_line(&res, "{\"id\":1.0,\"text\":\"T\"}");
    KG_CHECK_INT(res.ndocs, 1);
    if (res.ndocs == 1)
        KG_CHECK_STR(res.docs[0]->id, "1");
    result_free(&res);
    read_line(&res, "{\"id\":9007199254740993,\"text\":\"T\"}");
    KG_CHECK_INT(res.nerrs, 1);
    if (res.nerrs == 1)
        KG_CHECK(strstr(res.errs[0], "\"id\" is not a string") != NULL);
    result_free(&res);
    memcpy(deep, "{\"text\":\"T\",\"d\":", 16);
    memset(deep + 16, '[', 1001);
    memset(deep + 16 + 1001, ']', 1001);
    memcpy(deep + 16 + 2002, "}", 2);
    read_line(&res, deep);
    KG_CHECK_INT(res.nerrs, 1);
    if (res.nerrs == 1)
        KG_CHECK(strstr(res.errs[0], "malformed JSON: nested deeper") !=
                 NULL);
    result_free(&res);
    memset(deep + 16, ' ', 2); /* 1000 levels: the object, 999 arrays */
    memset(deep + 16 + 2000, ' ', 2);
    read_line(&res, deep);
    KG_CHECK_INT(res.ndocs, 1);
    result_free(&res);
}

static void test_reader__date_forms(void)
{
    static const struct {
        const char *in, *out;
    } ok[] = {{"2025-10-28", "2025-10-28"},
              {"2025-10-28T12:00:00Z", "2025-10-28"},
              {"2025-10-28T23:30:00-05:00", "2025-10-28"},
              {"2025-10-28 08:15", "2025-10-28"},
              {"2025/10/28", "2025-10-28"},
              {"2025-10", "2025-10"},
              {"2025", "2025"},
              {"  Oct 28, 2025 ", "2025-10-28"},
              {"October 28 2025", "2025-10-28"},
              {"Oct. 28, 2025", "2025-10-28"},
              {"Sept 3, 2024", "2024-09-03"},
              {"28 October 2025", "2025-10-28"},
              {"1st March 2024", "2024-03-01"},
              {"October 2025", "2025-10"},
              {"Tue, 28 Oct 2025 12:00:00 GMT", "2025-10-28"}};
    static const char *const bad[] = {
        "", "yesterday", "2025-13-01", "2025-02-30", "Feb 30, 2025",
        "28 Foo 2025", "Oct 28", "2025-10-28X", "Oct 28, 25",
        "Oct 0, 2025", "12/10/2025", "Oct 28, 2025 and more"};
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char text[256];
        const char *paths[1];
        result res;
        snprintf(text, sizeof text, "date: %s\n\nBody.\n", ok[i].in);
        paths[0] = tmp_file("d.txt", text, strlen(text));
        read_all(&res, paths, 1, NULL);
        KG_CHECK_INT(res.ndocs, 1);
        if (res.ndocs == 1)
            check_date(res.docs[0]->date, ok[i].out);
        else
            fprintf(stderr, "  date '%s'\n", ok[i].in);
        result_free(&res);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[256];
        const char *paths[1];
        result res;
        snprintf(text, sizeof text, "{\"date\":\"%s\",\"text\":\"x\"}\n",
                 bad[i]);
        paths[0] = tmp_file("d.jsonl", text, strlen(text));
        read_all(&res, paths, 1, NULL);
        if (bad[i][0]) {
            KG_CHECK_INT(res.nerrs, 1);
            if (res.nerrs != 1)
                fprintf(stderr, "  date '%s' accepted\n", bad[i]);
        } else {
            KG_CHECK_INT(res.ndocs, 1); /* "" is no date, not a bad one */
        }
        result_free(&res);
    }
}

static void test_reader__tree_order(void)
{
    const char *paths[] = {DATA "tree"};
    result res;
    int i;
    static const char *const want[] = {"a", "tree-b", "tree-c1", "tree-c2",
                                       "d", "tree-z"};
    read_all(&res, paths, 1, NULL);
    KG_CHECK_INT(res.nerrs, 0);
    KG_CHECK_INT(res.ndocs, 6);
    for (i = 0; i < res.ndocs && i < 6; i++)
        KG_CHECK_STR(res.docs[i]->id, want[i]);
    if (res.ndocs == 6) {
        KG_CHECK_STR(res.docs[4]->text, "Fifth in order.");
        KG_CHECK(strstr(res.docs[5]->path, "tree/z") != NULL);
    }
    result_free(&res);
}

static void test_reader__progress(void)
{
    const char *paths[] = {DATA "tree"};
    kg_reader *r = NULL;
    kg_doc *doc;
    size_t done = 1, total = 0;
    KG_CHECK_INT(kg_reader_new(&r, paths, 1, NULL, NULL), KG_OK);
    kg_reader_progress(r, &done, &total);
    KG_CHECK_INT(done, 0);
    KG_CHECK(total > 100);
    while (kg_reader_next(r, &doc, NULL) > 0)
        kg_doc_free(doc);
    kg_reader_progress(r, &done, &total);
    KG_CHECK_INT(done, total);
    kg_reader_free(r);
}

/* Read "-" with stdin redirected from a file holding s. */
static void read_stdin(result *res, const char *s)
{
    const char *paths[] = {"-"};
    const char *p = tmp_file("stdin.in", s, strlen(s));
    if (!freopen(p, "rb", stdin)) {
        KG_CHECK(0);
        memset(res, 0, sizeof *res);
        return;
    }
    read_all(res, paths, 1, NULL);
}

static void test_reader__stdin_sniff(void)
{
    result res;
    read_stdin(&res, "\n{\"id\":\"s1\",\"text\":\"One.\"}\n"
                     "{\"id\":\"s2\",\"text\":\"Two.\"}\n");
    KG_CHECK_INT(res.ndocs, 2);
    if (res.ndocs == 2) {
        KG_CHECK_STR(res.docs[1]->id, "s2");
        KG_CHECK_STR(res.docs[1]->path, "-");
        KG_CHECK_INT(res.docs[1]->line, 3);
    }
    result_free(&res);
    read_stdin(&res, "<html><title>T</title><p>From a pipe.</p></html>");
    KG_CHECK_INT(res.ndocs, 1);
    if (res.ndocs == 1) {
        KG_CHECK_STR(res.docs[0]->title, "T");
        KG_CHECK_STR(res.docs[0]->text, "From a pipe.");
        KG_CHECK_STR(res.docs[0]->id, "stdin");
    }
    result_free(&res);
    read_stdin(&res,
               "\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"After a BOM.\"}\n");
    KG_CHECK_INT(res.ndocs, 1);
    if (res.ndocs == 1)
        KG_CHECK_STR(res.docs[0]->id, "bom");
    result_free(&res);
    read_stdin(&res, ""); /* an empty pipe: no article and no error */
    KG_CHECK_INT(res.ndocs, 0);
    KG_CHECK_INT(res.nerrs, 0);
    result_free(&res);
    read_stdin(&res, "id: piped\n\nPlain text.\n");
    KG_CHECK_INT(res.ndocs, 1);
    if (res.ndocs == 1) {
        KG_CHECK_STR(res.docs[0]->id, "piped");
        KG_CHECK_STR(res.docs[0]->text, "Plain text.");
    }
    result_free(&res);
}

static void test_reader__bad_inputs_continue(void)
{
    static const char nul[] = "line one\nline\0two\n";
    static const char badjson[] = "{\"id\":\"a\",\"text\":\"ok\"}\n"
                                  "{\"id\":\"b\",\"te\0t\":\"x\"}\n"
                                  "{\"id\":\"c\",\"text\":\"after\"}\n";
    char p_missing[1024], p_empty[1024], p_nul[1024], p_json[1024],
        p_ws[1024];
    const char *paths[6];
    result res;
    snprintf(p_missing, sizeof p_missing, "%s/no-such-file.txt", tmpdir);
    snprintf(p_empty, sizeof p_empty, "%s", tmp_file("empty.txt", "", 0));
    snprintf(p_nul, sizeof p_nul, "%s",
             tmp_file("nul.txt", nul, sizeof nul - 1));
    snprintf(p_json, sizeof p_json, "%s",
             tmp_file("nul.jsonl", badjson, sizeof badjson - 1));
    snprintf(p_ws, sizeof p_ws, "%s", tmp_file("blank.txt", " \n\n\t\n", 4));
    paths[0] = p_missing;
    paths[1] = p_empty;
    paths[2] = p_nul;
    paths[3] = p_json;
    paths[4] = p_ws;
    paths[5] = DATA "noheader.txt";
    read_all(&res, paths, 6, NULL);
    KG_CHECK_INT(res.nerrs, 5);
    KG_CHECK_INT(res.ndocs, 3);
    if (res.nerrs == 5) {
        KG_CHECK(strstr(res.errs[0], "cannot open '") &&
                 strstr(res.errs[0], "no-such-file.txt': No such file"));
        KG_CHECK(strstr(res.errs[1], "empty.txt:1: empty file"));
        KG_CHECK(strstr(res.errs[2], "nul.txt:2: binary data"));
        KG_CHECK(strstr(res.errs[3], "nul.jsonl:2: binary data"));
        KG_CHECK(strstr(res.errs[4], "blank.txt:1: empty article"));
    }
    if (res.ndocs == 3) {
        KG_CHECK_STR(res.docs[0]->id, "a");
        KG_CHECK_STR(res.docs[1]->id, "c");
        KG_CHECK_STR(res.docs[2]->id, "noheader");
    }
    result_free(&res);
}

static void test_reader__bad_utf8_repaired(void)
{
    static const char txt[] = "Caf\xE9 Soci\xC3\xA9t\xC3\xA9 \xF0\x28 "
                              "\xED\xA0\x80 end\xE2\x80\x8B.\n";
    static const char js[] = "{\"id\":\"u\",\"text\":\"M\xFCnchen AG\"}\n";
    const char *paths[2];
    result res;
    char p1[1024];
    snprintf(p1, sizeof p1, "%s", tmp_file("latin.txt", txt, sizeof txt - 1));
    paths[0] = p1;
    paths[1] = tmp_file("latin.jsonl", js, sizeof js - 1);
    read_all(&res, paths, 2, NULL);
    KG_CHECK_INT(res.ndocs, 2);
    if (res.ndocs == 2) {
        KG_CHECK_STR(res.docs[0]->text,
                     "Caf\xEF\xBF\xBD Soci\xC3\xA9t\xC3\xA9 "
                     "\xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD "
                     "end.");
        KG_CHECK(kg_utf8_valid(res.docs[0]->text, res.docs[0]->text_len));
        /* nothing but Latin-1 bytes: read as Windows-1252 */
        KG_CHECK_STR(res.docs[1]->text, "M\xC3\xBCnchen AG");
    }
    result_free(&res);
}

static void test_reader__cp1252_text(void)
{
    static const char txt[] = "title: Caf\xE9 \x93news\x94\n\n"
                              "Soci\xE9t\xE9 G\xE9n\xE9rale \x80 5\xA0m "
                              "\x81.\n";
    const char *paths[1];
    result res;
    paths[0] = tmp_file("cp1252.txt", txt, sizeof txt - 1);
    read_all(&res, paths, 1, NULL);
    KG_CHECK_INT(res.ndocs, 1);
    if (res.ndocs == 1) {
        KG_CHECK_STR(res.docs[0]->title,
                     "Caf\xC3\xA9 \xE2\x80\x9Cnews\xE2\x80\x9D");
        KG_CHECK_STR(res.docs[0]->text,
                     "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale "
                     "\xE2\x82\xAC 5 m \xEF\xBF\xBD.");
    }
    result_free(&res);
}

static long max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void test_reader__long_line_skipped(void)
{
    /* a 100 MB line between two good ones, limit 1 MiB */
    char path[1024];
    char *chunk;
    FILE *f;
    int i;
    long before;
    const char *paths[1];
    kg_reader_opts opts = {{0, 0, 0}, (size_t)1 << 20};
    result res;
    snprintf(path, sizeof path, "%s/long.jsonl", tmpdir);
    f = fopen(path, "wb");
    chunk = malloc(1 << 20);
    if (!f || !chunk) {
        KG_CHECK(0);
        free(chunk);
        if (f)
            fclose(f);
        return;
    }
    memset(chunk, 'x', 1 << 20);
    fputs("{\"id\":\"before\",\"text\":\"First.\"}\n{\"id\":\"big\","
          "\"text\":\"", f);
    for (i = 0; i < 100; i++)
        fwrite(chunk, 1, 1 << 20, f);
    fputs("\"}\n{\"id\":\"after\",\"text\":\"Last.\"}\n", f);
    fclose(f);
    free(chunk);
    before = max_rss_kb();
    paths[0] = path;
    read_all(&res, paths, 1, &opts);
    KG_CHECK_INT(res.ndocs, 2);
    KG_CHECK_INT(res.nerrs, 1);
    if (res.nerrs == 1)
        KG_CHECK(strstr(res.errs[0], "long.jsonl:2: line longer than "
                                     "1048576 bytes; skipped"));
    if (res.ndocs == 2) {
        KG_CHECK_STR(res.docs[0]->id, "before");
        KG_CHECK_STR(res.docs[1]->id, "after");
        KG_CHECK_INT(res.docs[1]->line, 3);
    }
    /* the reader held about 1 MiB, never the 100 MB line */
    KG_CHECK(max_rss_kb() - before < 20 * 1024);
    result_free(&res);
    remove(path);
}

static void test_reader__oversized_text(void)
{
    char *big = malloc(5000);
    const char *paths[2];
    char p1[1024];
    kg_reader_opts opts = {{0, 0, 0}, 4096};
    result res;
    if (!big)
        return;
    memset(big, 'a', 5000);
    snprintf(p1, sizeof p1, "%s", tmp_file("big.txt", big, 5000));
    paths[0] = p1;
    paths[1] = DATA "noheader.txt";
    read_all(&res, paths, 2, &opts);
    KG_CHECK_INT(res.nerrs, 1);
    KG_CHECK_INT(res.ndocs, 1);
    if (res.nerrs == 1)
        KG_CHECK(strstr(res.errs[0], "big.txt:1: larger than 4096 bytes"));
    result_free(&res);
    free(big);
}

/*
 * kg_reader_next_raw + kg_raw_parse, as -j N uses them: every input read
 * first, parsed later in another order, gives the articles and errors of
 * kg_reader_next.
 */
static void test_reader__raw_then_parse(void)
{
    static const char lines[] = "{\"id\":\"x\",\"text\":\"one\"}\n"
                                "{\"id\": broken\n"
                                "{\"text\":\"two\",\"date\":\"2020\"}\n";
    const char *paths[4];
    kg_raw *raws[8];
    kg_reader *r = NULL;
    kg_error err = {0, ""};
    result want;
    int n = 0, i, rc, nerrs = 0, k;
    paths[0] = DATA "header.txt";
    paths[1] = DATA "page.html";
    paths[2] = tmp_file("raw.jsonl", lines, sizeof lines - 1);
    paths[3] = DATA "noheader.txt";
    read_all(&want, paths, 4, NULL);
    KG_CHECK_INT(want.ndocs, 5);
    KG_CHECK_INT(want.nerrs, 1);
    KG_CHECK_INT(kg_reader_new(&r, paths, 4, NULL, &err), KG_OK);
    while (n < 7) {
        raws[n] = kg_raw_new();
        KG_CHECK(raws[n] != NULL);
        if (!raws[n])
            break;
        if (kg_reader_next_raw(r, raws[n], &err) <= 0) {
            kg_raw_free(raws[n]);
            break;
        }
        n++;
    }
    KG_CHECK_INT(n, 6);
    kg_reader_free(r);
    for (i = n - 1, k = want.ndocs - 1; i >= 0; i--) {
        kg_doc *doc = NULL;
        rc = kg_raw_parse(&doc, raws[i], &err);
        if (rc != KG_OK) {
            KG_CHECK(doc == NULL);
            KG_CHECK_STR(err.msg, want.errs[0]);
            nerrs++;
        } else if (k >= 0) {
            kg_doc *w = want.docs[k--];
            KG_CHECK_STR(doc->id, w->id);
            KG_CHECK_STR(doc->text, w->text);
            KG_CHECK_STR(doc->path, w->path);
            KG_CHECK_INT(doc->line, w->line);
            KG_CHECK_INT(doc->date.year, w->date.year);
        }
        kg_doc_free(doc);
        kg_raw_free(raws[i]);
    }
    KG_CHECK_INT(nerrs, 1);
    KG_CHECK_INT(k, -1);
    result_free(&want);
}

int main(void)
{
    kg_init();
    snprintf(tmpdir, sizeof tmpdir, "%s/test_reader.tmp", KG_BINARY_DIR);
    mkdir(tmpdir, 0755);
    KG_RUN(test_reader__text_header);
    KG_RUN(test_reader__text_no_header);
    KG_RUN(test_reader__text_bom_crlf);
    KG_RUN(test_reader__text_bad_date);
    KG_RUN(test_reader__html_page);
    KG_RUN(test_reader__html_time_main);
    KG_RUN(test_reader__html_bad_date);
    KG_RUN(test_reader__html_meta_forms);
    KG_RUN(test_reader__jsonl_lines);
    KG_RUN(test_reader__jsonl_accepted);
    KG_RUN(test_reader__jsonl_cjson_limits);
    KG_RUN(test_reader__date_forms);
    KG_RUN(test_reader__tree_order);
    KG_RUN(test_reader__progress);
    KG_RUN(test_reader__bad_inputs_continue);
    KG_RUN(test_reader__bad_utf8_repaired);
    KG_RUN(test_reader__cp1252_text);
    KG_RUN(test_reader__long_line_skipped);
    KG_RUN(test_reader__oversized_text);
    KG_RUN(test_reader__stdin_sniff);
    KG_RUN(test_reader__raw_then_parse);
    return kg_test_summary();
}
