/*
 * test_render.c: the renderer on hand-built sets (tests/render/fixtures.h).
 *
 * Test plan:
 *   render__format_*     output format from the file extension, layouts
 *   render__dot_*        DOT is deterministic (same bytes for any input
 *                        order), styled (families, reported dashed,
 *                        symmetric without arrows, labels with dates)
 *   render__diff_*       every change class has its own paint and legend
 *   render__escape_*     hostile names survive DOT, SVG and HTML
 *   render__svg_*, png, pdf   smoke: valid file, node count matches
 *   render__layouts      dot, neato, sfdp and circo all draw the sample
 *   render__focus_*, max_nodes   filters, counts, unknown focus
 *   render__big_*        large graphs switch to sfdp without labels
 *   render__timeline_*   positions identical across panels; HTML page
 *   render__empty        an empty set still draws (title only)
 *   render__self_loop_*  a tie to itself; timelines with empty dates
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../render/fixtures.h"

static size_t count(const char *hay, size_t len, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    const char *p = hay, *end = hay + len;
    while (p && p + k <= end && (p = strstr(p, needle)) != NULL) {
        n++;
        p += k;
    }
    return n;
}

static int render_sample(kg_buf *out, kg_render_format f,
                         kg_render_info *info, const kg_render_opts *base)
{
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_tieset s = fx_snapshot(fx_sample, FX_N(fx_sample), fx_date("2025"));
    kg_error err = {0, ""};
    int rc;
    if (base)
        opts = *base;
    opts.format = f;
    rc = kg_render_snapshot(out, info, &s, fx_date("2025"), &opts, &err);
    if (rc != KG_OK)
        fprintf(stderr, "render: %s\n", err.msg);
    fx_free_ties(&s);
    return rc;
}

static void test_render__format_path(void)
{
    kg_render_format f;
    kg_render_layout l;
    kg_error err = {0, ""};
    KG_CHECK_INT(kg_render_format_for_path(&f, "a/b.SVG", &err), KG_OK);
    KG_CHECK_INT(f, KG_RENDER_SVG);
    KG_CHECK_INT(kg_render_format_for_path(&f, "x.html", &err), KG_OK);
    KG_CHECK_INT(f, KG_RENDER_HTML);
    KG_CHECK_INT(kg_render_format_for_path(&f, "x.gv", &err), KG_OK);
    KG_CHECK_INT(f, KG_RENDER_DOT);
    KG_CHECK_INT(kg_render_format_for_path(&f, "x.jpg", &err), KG_EINVAL);
    KG_CHECK(strstr(err.msg, "x.jpg") != NULL);
    KG_CHECK_INT(kg_render_format_for_path(&f, "noext", &err), KG_EINVAL);
    KG_CHECK_INT(kg_render_layout_parse(&l, "sfdp", &err), KG_OK);
    KG_CHECK_INT(l, KG_LAYOUT_SFDP);
    KG_CHECK_INT(kg_render_layout_parse(&l, "fdp", &err), KG_EINVAL);
}

static void test_render__dot_deterministic(void)
{
    kg_tieset s = fx_snapshot(fx_sample, FX_N(fx_sample), fx_date("2025"));
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_buf a = KG_BUF_INIT, b = KG_BUF_INIT;
    size_t i;
    opts.format = KG_RENDER_DOT;
    KG_CHECK_INT(kg_render_snapshot(&a, NULL, &s, fx_date("2025"), &opts,
                                    NULL), KG_OK);
    /* reverse the input: the output must not change */
    for (i = 0; i < s.n / 2; i++) {
        kg_tie t = s.v[i];
        s.v[i] = s.v[s.n - 1 - i];
        s.v[s.n - 1 - i] = t;
    }
    KG_CHECK_INT(kg_render_snapshot(&b, NULL, &s, fx_date("2025"), &opts,
                                    NULL), KG_OK);
    KG_CHECK_INT(a.len, b.len);
    KG_CHECK(a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0);
    fx_free_ties(&s);
    kg_buf_release(&a);
    kg_buf_release(&b);
}

static void test_render__dot_style(void)
{
    kg_buf out = KG_BUF_INIT;
    kg_render_info info;
    KG_CHECK_INT(render_sample(&out, KG_RENDER_DOT, &info, NULL), KG_OK);
    KG_CHECK_INT(info.nodes, 12);
    KG_CHECK_INT(info.edges, 14);
    KG_CHECK_STR(info.layout, "dot");
    KG_CHECK(info.edge_labels);
    KG_CHECK(strstr(out.ptr, "label=\"invested-in \xC2\xB7 2019\xE2\x80\x93\"")
             != NULL);
    KG_CHECK(strstr(out.ptr, "label=\"leads \xC2\xB7 2023-11\xE2\x80\x93\"")
             != NULL);
    /* partners-with and competes-with are symmetric: 3 ties */
    KG_CHECK_INT(count(out.ptr, out.len, "dir=none"), 3);
    KG_CHECK(strstr(out.ptr, "#E69F00") != NULL); /* money */
    KG_CHECK(strstr(out.ptr, "shape=ellipse") != NULL); /* persons */
    KG_CHECK(strstr(out.ptr, "shape=note") != NULL);    /* products */
    KG_CHECK(strstr(out.ptr, "<B>Ties at 2025</B>") != NULL);
    KG_CHECK(strstr(out.ptr, "rankdir=LR") != NULL);
    kg_buf_release(&out);
}

static void test_render__dot_reported_dashed(void)
{
    kg_tieset s = fx_snapshot(fx_sample, FX_N(fx_sample), fx_date("2024-09"));
    kg_buf out = KG_BUF_INIT;
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    opts.format = KG_RENDER_DOT;
    KG_CHECK_INT(kg_render_snapshot(&out, NULL, &s, fx_date("2024-09"),
                                    &opts, NULL), KG_OK);
    KG_CHECK_INT(count(out.ptr, out.len, "style=dashed"), 1);
    KG_CHECK(strstr(out.ptr, "\xC2\xA0reported") != NULL); /* legend */
    fx_free_ties(&s);
    kg_buf_release(&out);
}

static void test_render__diff_classes(void)
{
    kg_changeset c = fx_diff();
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_buf out = KG_BUF_INIT;
    static const char *const want[] = {
        "color=\"#009E73\"", "color=\"#D55E00\"", "color=\"#E69F00\"",
        "color=\"#0072B2:#FFFFFF:#0072B2\"", "color=\"#CC79A7\"",
        "color=\"#A8A8A8\"", "style=dotted", "style=dashed",
        "appeared\xC2\xA0", "ended\xC2\xA0", "changed\xC2\xA0",
        "interrupted\xC2\xA0", "transient\xC2\xA0", "unchanged\xC2\xA0",
        "Changes 2022 \xE2\x86\x92 2025", "before: status=reported"};
    size_t i;
    opts.format = KG_RENDER_DOT;
    KG_CHECK_INT(kg_render_diff(&out, NULL, &c, &opts, NULL), KG_OK);
    for (i = 0; i < FX_N(want); i++) {
        if (!strstr(out.ptr, want[i]))
            fprintf(stderr, "missing %s\n", want[i]);
        KG_CHECK(strstr(out.ptr, want[i]) != NULL);
    }
    fx_free_changes(&c);
    kg_buf_release(&out);
}

static void test_render__escape_svg(void)
{
    kg_tieset s = fx_snapshot(fx_escape, FX_N(fx_escape), KG_DATE_UNKNOWN);
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_buf out = KG_BUF_INIT;
    kg_error err = {0, ""};
    int rc;
    opts.format = KG_RENDER_SVG;
    opts.title = "R&D <ties> \"2025\"";
    rc = kg_render_snapshot(&out, NULL, &s, KG_DATE_UNKNOWN, &opts, &err);
    KG_CHECK_INT(rc, KG_OK);
    if (rc != KG_OK)
        fprintf(stderr, "%s\n", err.msg);
    if (rc == KG_OK) {
        /* every name comes out as the reader wrote it */
        KG_CHECK(strstr(out.ptr, ">A\\B &quot;q&quot; \\N</text>") != NULL);
        KG_CHECK(strstr(out.ptr, ">&lt;b&gt;R&amp;D&lt;/b&gt;</text>") !=
                 NULL);
        KG_CHECK(strstr(out.ptr, ">Back\\</text>") != NULL);
        KG_CHECK(strstr(out.ptr, "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale")
                 != NULL);
        KG_CHECK(strstr(out.ptr, "\xF0\x9F\x9A\x80 Rocket Labs") != NULL);
        KG_CHECK(strstr(out.ptr, "Bad\xEF\xBF\xBDUTF8") != NULL);
        KG_CHECK(strstr(out.ptr, ">R&amp;D &lt;ties&gt; &quot;2025&quot;<")
                 != NULL);
        KG_CHECK(kg_utf8_valid(out.ptr, out.len));
        KG_CHECK_INT(count(out.ptr, out.len, "class=\"node\""), 8);
    }
    fx_free_ties(&s);
    kg_buf_release(&out);
}

static void test_render__escape_html(void)
{
    kg_tieset s = fx_snapshot(fx_escape, FX_N(fx_escape), KG_DATE_UNKNOWN);
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_buf out = KG_BUF_INIT;
    opts.format = KG_RENDER_HTML;
    KG_CHECK_INT(kg_render_snapshot(&out, NULL, &s, KG_DATE_UNKNOWN, &opts,
                                    NULL), KG_OK);
    /* the evidence holds </script>: only the page's own two remain */
    KG_CHECK_INT(count(out.ptr, out.len, "</script>"), 2);
    KG_CHECK(strstr(out.ptr, "\\u003c/script\\u003e") != NULL);
    KG_CHECK(strstr(out.ptr, "\"doc\":\"doc\\\\1\"") != NULL);
    KG_CHECK(kg_utf8_valid(out.ptr, out.len));
    fx_free_ties(&s);
    kg_buf_release(&out);
}

static void test_render__svg_smoke(void)
{
    kg_buf out = KG_BUF_INIT;
    kg_render_info info;
    KG_CHECK_INT(render_sample(&out, KG_RENDER_SVG, &info, NULL), KG_OK);
    KG_CHECK(strstr(out.ptr, "<svg") != NULL);
    KG_CHECK(strstr(out.ptr, "</svg>") != NULL);
    KG_CHECK_INT(count(out.ptr, out.len, "class=\"node\""), info.nodes);
    KG_CHECK_INT(count(out.ptr, out.len, "class=\"edge\""), info.edges);
    KG_CHECK(strstr(out.ptr, "<title>corpgraph</title>") != NULL);
    kg_buf_release(&out);
}

static void test_render__png_pdf_smoke(void)
{
    kg_buf out = KG_BUF_INIT;
    KG_CHECK_INT(render_sample(&out, KG_RENDER_PNG, NULL, NULL), KG_OK);
    KG_CHECK(out.len > 1000 && memcmp(out.ptr, "\x89PNG\r\n\x1a\n", 8) == 0);
    kg_buf_clear(&out);
    KG_CHECK_INT(render_sample(&out, KG_RENDER_PDF, NULL, NULL), KG_OK);
    KG_CHECK(out.len > 1000 && memcmp(out.ptr, "%PDF", 4) == 0);
    kg_buf_release(&out);
}

static void test_render__layouts(void)
{
    static const kg_render_layout all[] = {KG_LAYOUT_DOT, KG_LAYOUT_NEATO,
                                           KG_LAYOUT_SFDP, KG_LAYOUT_CIRCO};
    static const char *const names[] = {"dot", "neato", "sfdp", "circo"};
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_render_info info;
    kg_buf out = KG_BUF_INIT;
    size_t i;
    for (i = 0; i < FX_N(all); i++) {
        opts.layout = all[i];
        kg_buf_clear(&out);
        KG_CHECK_INT(render_sample(&out, KG_RENDER_SVG, &info, &opts), KG_OK);
        KG_CHECK_STR(info.layout, names[i]);
        KG_CHECK_INT(count(out.ptr, out.len, "class=\"node\""), 12);
        /* 14 ties: force-directed engines keep labels up to 40 ties */
        KG_CHECK(info.edge_labels);
    }
    kg_buf_release(&out);
}

static void test_render__timeline_pdf(void)
{
    kg_tieset f[2];
    kg_date d[2];
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_buf out = KG_BUF_INIT;
    kg_error err = {0, ""};
    d[0] = fx_date("2020");
    d[1] = fx_date("2024-06");
    f[0] = fx_snapshot(fx_sample, FX_N(fx_sample), d[0]);
    f[1] = fx_snapshot(fx_sample, FX_N(fx_sample), d[1]);
    opts.format = KG_RENDER_PDF;
    KG_CHECK_INT(kg_render_timeline(&out, NULL, f, d, 2, &opts, &err), KG_OK);
    KG_CHECK(out.len > 1000 && memcmp(out.ptr, "%PDF", 4) == 0);
    /* no dates, or too many: refused */
    KG_CHECK_INT(kg_render_timeline(&out, NULL, f, d, 0, &opts, &err),
                 KG_EINVAL);
    fx_free_ties(&f[0]);
    fx_free_ties(&f[1]);
    kg_buf_release(&out);
}

static void test_render__focus(void)
{
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_render_info info;
    kg_buf out = KG_BUF_INIT;
    kg_tieset s;
    kg_error err = {0, ""};
    opts.focus = "Anthropic";
    opts.hops = 1;
    KG_CHECK_INT(render_sample(&out, KG_RENDER_DOT, &info, &opts), KG_OK);
    /* Amazon, Google, Dario Amodei, OpenAI and Anthropic itself */
    KG_CHECK_INT(info.nodes, 5);
    KG_CHECK(strstr(out.ptr, "within 1 hop of Anthropic") != NULL);
    KG_CHECK(strstr(out.ptr, "ChatGPT") == NULL);
    kg_buf_clear(&out);
    opts.hops = 0;
    KG_CHECK_INT(render_sample(&out, KG_RENDER_DOT, &info, &opts), KG_OK);
    KG_CHECK_INT(info.nodes, 1);
    KG_CHECK_INT(info.edges, 0);
    kg_buf_clear(&out);
    opts.focus = "Nobody";
    opts.format = KG_RENDER_DOT;
    s = fx_snapshot(fx_sample, FX_N(fx_sample), fx_date("2025"));
    KG_CHECK_INT(kg_render_snapshot(&out, NULL, &s, fx_date("2025"), &opts,
                                    &err), KG_ENOTFOUND);
    KG_CHECK(strstr(err.msg, "'Nobody'") != NULL);
    fx_free_ties(&s);
    kg_buf_release(&out);
}

static void test_render__max_nodes(void)
{
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_render_info info;
    kg_buf out = KG_BUF_INIT;
    opts.max_nodes = 3;
    KG_CHECK_INT(render_sample(&out, KG_RENDER_DOT, &info, &opts), KG_OK);
    KG_CHECK_INT(info.nodes, 3);
    KG_CHECK_INT(info.omitted, 9);
    /* the three with most ties: OpenAI 8, Microsoft 6, Anthropic 4 */
    KG_CHECK(strstr(out.ptr, "label=OpenAI") != NULL);
    KG_CHECK(strstr(out.ptr, "label=Microsoft") != NULL);
    KG_CHECK(strstr(out.ptr, "label=Anthropic") != NULL);
    KG_CHECK(strstr(out.ptr, "9 less central entities not shown") != NULL);
    kg_buf_release(&out);
}

static void test_render__big_sfdp(void)
{
    char *names = NULL;
    kg_tieset s = fx_random(450, 700, 7, &names);
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_render_info info;
    kg_buf out = KG_BUF_INIT;
    kg_error err = {0, ""};
    opts.format = KG_RENDER_SVG;
    KG_CHECK_INT(kg_render_snapshot(&out, &info, &s, KG_DATE_UNKNOWN, &opts,
                                    &err), KG_OK);
    KG_CHECK_STR(info.layout, "sfdp");
    KG_CHECK(!info.edge_labels);
    KG_CHECK_INT(count(out.ptr, out.len, "class=\"node\""), info.nodes);
    KG_CHECK(strstr(out.ptr, "relations and dates in tooltips") != NULL);
    fx_free_ties(&s);
    free(names);
    kg_buf_release(&out);
}

/* Position of node name in laid-out DOT ("name [... pos="x,y" ..."). */
static int node_pos(const char *dot, const char *name, double *x, double *y)
{
    char key[64];
    const char *p, *q;
    snprintf(key, sizeof key, "\n\t%s\t[", name);
    p = strstr(dot, key);
    if (!p)
        return -1;
    q = strstr(p, "pos=\"");
    if (!q || (strstr(p + 1, "\n\t") && strstr(p + 1, ";\n") < q))
        return -1;
    return sscanf(q + 5, "%lf,%lf", x, y) == 2 ? 0 : -1;
}

static void test_render__timeline_positions(void)
{
    static const char *const when[] = {"2019", "2021", "2023", "2025"};
    kg_tieset f[4];
    kg_date d[4];
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_render_info info;
    kg_buf out = KG_BUF_INIT;
    kg_error err = {0, ""};
    size_t k;
    int i, checked = 0;
    for (k = 0; k < 4; k++) {
        d[k] = fx_date(when[k]);
        f[k] = fx_snapshot(fx_sample, FX_N(fx_sample), d[k]);
    }
    opts.format = KG_RENDER_DOT;
    KG_CHECK_INT(kg_render_timeline(&out, &info, f, d, 4, &opts, &err),
                 KG_OK);
    KG_CHECK_INT(info.nodes, 12);
    /* each node sits at the same place relative to n0 in every panel */
    for (i = 1; i < (int)info.nodes; i++) {
        double x0, y0, a0, b0;
        char n[32], r[32];
        snprintf(n, sizeof n, "f0n%d", i);
        KG_CHECK_INT(node_pos(out.ptr, "f0n0", &a0, &b0), 0);
        KG_CHECK_INT(node_pos(out.ptr, n, &x0, &y0), 0);
        for (k = 1; k < 4; k++) {
            double x, y, a, b;
            snprintf(n, sizeof n, "f%zun%d", k, i);
            snprintf(r, sizeof r, "f%zun0", k);
            KG_CHECK_INT(node_pos(out.ptr, n, &x, &y), 0);
            KG_CHECK_INT(node_pos(out.ptr, r, &a, &b), 0);
            KG_CHECK(fabs((x - a) - (x0 - a0)) < 0.15); /* %.5g output */
            KG_CHECK(fabs((y - b) - (y0 - b0)) < 0.15);
            checked++;
        }
    }
    KG_CHECK_INT(checked, 33);
    /* ties absent at a date are invisible in that panel only */
    KG_CHECK(strstr(out.ptr, "style=invis") != NULL);
    kg_buf_clear(&out);
    opts.format = KG_RENDER_SVG;
    KG_CHECK_INT(kg_render_timeline(&out, &info, f, d, 4, &opts, &err),
                 KG_OK);
    /* 4 panels of 12 entities, plus a frame and a date heading each */
    KG_CHECK_INT(count(out.ptr, out.len, "class=\"node\""), 4 * 12 + 8);
    KG_CHECK(strstr(out.ptr, ">2021</text>") != NULL);
    kg_buf_clear(&out);
    opts.format = KG_RENDER_HTML;
    KG_CHECK_INT(kg_render_timeline(&out, &info, f, d, 4, &opts, &err),
                 KG_OK);
    KG_CHECK(strstr(out.ptr, "<svg") != NULL);
    KG_CHECK(strstr(out.ptr, "type=\"range\"") != NULL);
    KG_CHECK(strstr(out.ptr, "\"heads\":[\"2019\",\"2021\",\"2023\","
                             "\"2025\"]") != NULL);
    KG_CHECK(strstr(out.ptr, "http://") == NULL ||
             strstr(out.ptr, "src=\"http") == NULL);
    KG_CHECK_INT(count(out.ptr, out.len, "class=\"node\""), 12);
    for (k = 0; k < 4; k++)
        fx_free_ties(&f[k]);
    kg_buf_release(&out);
}

static void test_render__empty(void)
{
    kg_tieset s;
    kg_buf out = KG_BUF_INIT;
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    memset(&s, 0, sizeof s);
    opts.format = KG_RENDER_SVG;
    KG_CHECK_INT(kg_render_snapshot(&out, NULL, &s, fx_date("2020"), &opts,
                                    NULL), KG_OK);
    KG_CHECK(strstr(out.ptr, "<svg") != NULL);
    KG_CHECK(strstr(out.ptr, "0 entities, 0 ties") != NULL);
    kg_buf_release(&out);
}

static void test_render__self_loop_and_empty_timeline(void)
{
    kg_tie t;
    kg_tieset s, f[2];
    kg_date d[2];
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_render_info info;
    kg_buf out = KG_BUF_INIT;
    kg_error err = {0, ""};
    memset(&t, 0, sizeof t);
    t.subject = t.object = "Alphabet";
    t.relation = KG_REL_INVESTED_IN;
    t.stake = -1;
    memset(&s, 0, sizeof s);
    s.v = &t;
    s.n = 1;
    opts.format = KG_RENDER_SVG;
    KG_CHECK_INT(kg_render_snapshot(&out, &info, &s, KG_DATE_UNKNOWN, &opts,
                                    &err), KG_OK);
    KG_CHECK_INT(info.nodes, 1);
    KG_CHECK_INT(count(out.ptr, out.len, "class=\"edge\""), 1);
    /* a timeline where nothing holds yet, then one tie */
    memset(f, 0, sizeof f);
    f[1] = s;
    d[0] = fx_date("1990");
    d[1] = fx_date("2000");
    kg_buf_clear(&out);
    KG_CHECK_INT(kg_render_timeline(&out, &info, f, d, 2, &opts, &err),
                 KG_OK);
    KG_CHECK(strstr(out.ptr, ">1990</text>") != NULL);
    f[1].n = 0;
    kg_buf_clear(&out);
    KG_CHECK_INT(kg_render_timeline(&out, &info, f, d, 2, &opts, &err),
                 KG_OK);
    KG_CHECK(strstr(out.ptr, "<svg") != NULL);
    kg_buf_release(&out);
}

int main(void)
{
    if (kg_init() != KG_OK)
        return 1;
    KG_RUN(test_render__format_path);
    KG_RUN(test_render__dot_deterministic);
    KG_RUN(test_render__dot_style);
    KG_RUN(test_render__dot_reported_dashed);
    KG_RUN(test_render__diff_classes);
    KG_RUN(test_render__escape_svg);
    KG_RUN(test_render__escape_html);
    KG_RUN(test_render__svg_smoke);
    KG_RUN(test_render__png_pdf_smoke);
    KG_RUN(test_render__layouts);
    KG_RUN(test_render__timeline_pdf);
    KG_RUN(test_render__focus);
    KG_RUN(test_render__max_nodes);
    KG_RUN(test_render__big_sfdp);
    KG_RUN(test_render__timeline_positions);
    KG_RUN(test_render__empty);
    KG_RUN(test_render__self_loop_and_empty_timeline);
    return kg_test_summary();
}
