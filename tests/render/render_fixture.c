/*
 * render_fixture.c: draw one of the hand-built fixtures (fixtures.h)
 * through the public render API into a file, for the golden DOT tests,
 * the HTML/Chromium test and for looking at the diagrams.
 *
 *   render_fixture snapshot|diff|timeline|escape|random OUT [option...]
 *   options: focus=NAME hops=K max=N layout=dot|neato|sfdp|circo
 *            nodes=N edges=N (random) title=T
 * The format follows OUT's extension.  Prints what was drawn to stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

static int write_file(const char *path, const kg_buf *b)
{
    FILE *f = fopen(path, "wb");
    int ok;
    if (!f)
        return -1;
    ok = fwrite(b->ptr, 1, b->len, f) == b->len;
    ok &= fclose(f) == 0;
    return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    kg_render_opts opts = KG_RENDER_OPTS_INIT;
    kg_render_info info;
    kg_error err = {0, ""};
    kg_buf out = KG_BUF_INIT;
    size_t nodes = 100, edges = 150;
    char *names = NULL;
    int i, rc = KG_OK;
    const char *what;

    if (argc < 3) {
        fprintf(stderr, "usage: render_fixture WHAT OUT [option...]\n");
        return 2;
    }
    kg_init();
    what = argv[1];
    if (kg_render_format_for_path(&opts.format, argv[2], &err) != KG_OK) {
        fprintf(stderr, "render_fixture: %s\n", err.msg);
        return 2;
    }
    for (i = 3; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "focus=", 6) == 0)
            opts.focus = a + 6;
        else if (strncmp(a, "hops=", 5) == 0)
            opts.hops = atoi(a + 5);
        else if (strncmp(a, "max=", 4) == 0)
            opts.max_nodes = (size_t)atol(a + 4);
        else if (strncmp(a, "title=", 6) == 0)
            opts.title = a + 6;
        else if (strncmp(a, "nodes=", 6) == 0)
            nodes = (size_t)atol(a + 6);
        else if (strncmp(a, "edges=", 6) == 0)
            edges = (size_t)atol(a + 6);
        else if (strncmp(a, "layout=", 7) == 0 &&
                 kg_render_layout_parse(&opts.layout, a + 7, &err) == KG_OK)
            ;
        else {
            fprintf(stderr, "render_fixture: bad option '%s'\n", a);
            return 2;
        }
    }
    if (strcmp(what, "snapshot") == 0) {
        kg_tieset s = fx_snapshot(fx_sample, FX_N(fx_sample), fx_date("2025"));
        rc = kg_render_snapshot(&out, &info, &s, fx_date("2025"), &opts, &err);
        fx_free_ties(&s);
    } else if (strcmp(what, "escape") == 0) {
        kg_tieset s = fx_snapshot(fx_escape, FX_N(fx_escape), KG_DATE_UNKNOWN);
        rc = kg_render_snapshot(&out, &info, &s, KG_DATE_UNKNOWN, &opts, &err);
        fx_free_ties(&s);
    } else if (strcmp(what, "diff") == 0) {
        kg_changeset c = fx_diff();
        rc = kg_render_diff(&out, &info, &c, &opts, &err);
        fx_free_changes(&c);
    } else if (strcmp(what, "timeline") == 0) {
        static const char *const when[] = {"2019", "2021", "2023", "2025"};
        kg_tieset f[4];
        kg_date d[4];
        size_t k;
        for (k = 0; k < 4; k++) {
            d[k] = fx_date(when[k]);
            f[k] = fx_snapshot(fx_sample, FX_N(fx_sample), d[k]);
        }
        rc = kg_render_timeline(&out, &info, f, d, 4, &opts, &err);
        for (k = 0; k < 4; k++)
            fx_free_ties(&f[k]);
    } else if (strcmp(what, "random") == 0) {
        kg_tieset s = fx_random(nodes, edges, 42, &names);
        rc = kg_render_snapshot(&out, &info, &s, KG_DATE_UNKNOWN, &opts, &err);
        fx_free_ties(&s);
        free(names);
    } else {
        fprintf(stderr, "render_fixture: unknown fixture '%s'\n", what);
        return 2;
    }
    if (rc != KG_OK) {
        fprintf(stderr, "render_fixture: %s\n", err.msg);
        kg_buf_release(&out);
        return 1;
    }
    if (write_file(argv[2], &out) != 0) {
        fprintf(stderr, "render_fixture: cannot write '%s'\n", argv[2]);
        rc = KG_EIO;
    }
    fprintf(stderr, "%s: %zu entities, %zu ties, %zu left out, %s%s\n",
            argv[2], info.nodes, info.edges, info.omitted, info.layout,
            info.edge_labels ? "" : ", no edge labels");
    kg_buf_release(&out);
    return rc == KG_OK ? 0 : 1;
}
