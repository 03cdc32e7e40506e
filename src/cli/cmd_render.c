/*
 * cmd_render.c: `corpgraph render`: draw the graph at a date, a diff
 * between two dates, or a timeline of several dates into a DOT, SVG, PNG,
 * PDF or HTML file (by the extension of -o).  Reads the store through
 * view.h (kg_store_snapshot, kg_store_diff) and draws with render.h,
 * which lays out in process with Graphviz.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/viewout.h"

enum { MODE_AT, MODE_DIFF, MODE_TIMELINE };

#define MAX_DATES 64
#define BUSY_NODES 150 /* past this, suggest --focus or --max-nodes */

static int write_file(const char *path, const kg_buf *b)
{
    FILE *f = fopen(path, "wb");
    int ok;
    if (!f)
        return cli_error("cannot open '%s': %s", path, strerror(errno));
    ok = b->len == 0 || fwrite(b->ptr, 1, b->len, f) == b->len;
    if (fclose(f) != 0)
        ok = 0;
    if (!ok)
        return cli_error("cannot write '%s': %s", path, strerror(errno));
    return KG_EXIT_OK;
}

static int parse_date(kg_cli *cli, const char *s, kg_date *out)
{
    if (kg_date_parse(out, s, (size_t)-1) != KG_OK)
        return cli_usage_error(cli->cmd, "bad date '%s' (YYYY, YYYY-MM or "
                               "YYYY-MM-DD)", s);
    return -1;
}

/* Same tie identity (symmetric ties are stored in canonical order). */
static int same_tie(const kg_tie *a, const kg_tie *b)
{
    return a->relation == b->relation && strcmp(a->subject, b->subject) == 0
           && strcmp(a->object, b->object) == 0;
}

/*
 * The diff drawn with its context: the changes, plus every tie that held
 * at both dates as "unchanged" (grey), which kg_store_diff leaves out.
 */
static int read_diff(kg_changeset *cs, kg_store *st, kg_date d1, kg_date d2,
                     const kg_diff_opts *d, kg_error *err)
{
    kg_tieset a = {0}, b = {0};
    kg_view_opts o = d->view;
    size_t i, j, k;
    int rc = kg_store_diff(cs, st, d1, d2, d, err);
    if (rc == KG_OK) {
        o.at = d1;
        rc = kg_store_snapshot(&a, st, &o, err);
    }
    if (rc == KG_OK) {
        o.at = d2;
        rc = kg_store_snapshot(&b, st, &o, err);
    }
    for (i = 0; rc == KG_OK && i < b.n; i++) {
        int before = 0, listed = 0;
        for (j = 0; j < a.n && !before; j++)
            before = same_tie(&a.v[j], &b.v[i]);
        for (k = 0; k < cs->n && !listed; k++)
            listed = same_tie(&cs->v[k].tie, &b.v[i]);
        if (before && !listed) {
            kg_change c;
            memset(&c, 0, sizeof c);
            c.change = KG_CHANGE_UNCHANGED;
            c.tie = b.v[i];
            rc = kg_changeset_add(cs, &c);
        }
    }
    cs->from = d1;
    cs->to = d2;
    kg_tieset_release(&a);
    kg_tieset_release(&b);
    return rc;
}

int cmd_render(int argc, char **argv, kg_cli *cli)
{
    const char *at = NULL, *as_of = NULL, *relation = NULL, *kind = NULL;
    const char *focus = NULL, *layout = NULL, *title = NULL, *out = NULL;
    long hops = 1, max_nodes = 0;
    int diff = 0, timeline = 0, no_legend = 0, no_labels = 0;
    int npos, rc, mode, ex = KG_EXIT_OK;
    char **pos;
    size_t i, nframes = 0;
    cli_view v = {0};
    kg_view_opts o;
    kg_render_opts ro = KG_RENDER_OPTS_INIT;
    kg_render_info info;
    kg_date dates[MAX_DATES];
    kg_tieset frames[MAX_DATES];
    kg_changeset cs = {0};
    kg_store *st = NULL;
    kg_pool pool = KG_POOL_INIT;
    kg_buf b = KG_BUF_INIT;
    kg_error err = {0, ""};
    const cli_opt opts[] = {
        {"output", 'o', CLI_OPT_STR, &out, "FILE",
         "format by extension: .dot .svg .png .pdf .html"},
        {"at", 0, CLI_OPT_STR, &at, "DATE",
         "draw the graph at DATE (default: today)"},
        {"diff", 0, CLI_OPT_FLAG, &diff, NULL,
         "draw the changes between the two dates given"},
        {"timeline", 0, CLI_OPT_FLAG, &timeline, NULL,
         "draw each date given, one layout for all"},
        {"focus", 'f', CLI_OPT_STR, &focus, "NAME",
         "only the entities within --hops ties of NAME"},
        {"hops", 0, CLI_OPT_INT, &hops, "K", "with --focus (default 1)"},
        {"relation", 'r', CLI_OPT_STR, &relation, "REL",
         "only ties of this relation"},
        {"kind", 'k', CLI_OPT_STR, &kind, "KIND",
         "only ties with an org, person or product end"},
        {"layout", 0, CLI_OPT_STR, &layout, "ENGINE",
         "dot, neato, sfdp or circo (default: by size)"},
        {"max-nodes", 0, CLI_OPT_INT, &max_nodes, "N",
         "keep the N most central entities (PageRank)"},
        {"as-of", 0, CLI_OPT_STR, &as_of, "REV",
         "what the store knew after revision REV"},
        {"title", 0, CLI_OPT_STR, &title, "TEXT", "the diagram's title"},
        {"no-legend", 0, CLI_OPT_FLAG, &no_legend, NULL,
         "leave out the legend"},
        {"no-labels", 0, CLI_OPT_FLAG, &no_labels, NULL,
         "no edge labels (they stay in tooltips)"},
        CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph render [--at D] [options] -o FILE\n"
        "       corpgraph render --diff D1 D2 [options] -o FILE\n"
        "       corpgraph render --timeline D1 D2 ... [options] -o FILE",
        "Draw the graph with Graphviz (in process).  Entities are shaped and\n"
        "coloured by kind, ties by relation family; reported ties are\n"
        "dashed; labels give the relation and dates.  --diff colours what\n"
        "appeared (green), ended (red, dashed), changed (orange), was\n"
        "interrupted (blue, double) or transient (purple, dotted), with the\n"
        "ties that held throughout in grey.  --timeline lays out all dates\n"
        "once so nothing moves: small multiples in SVG/PNG/PDF, a page with\n"
        "a date slider in HTML (hover or click a tie for its evidence).\n"
        "The layout is dot for a --focus neighbourhood or a small graph,\n"
        "neato up to 300 entities, sfdp beyond; the last two keep edge\n"
        "labels only up to 40 ties (always in tooltips).",
        "examples:\n"
        "  corpgraph render --at 2025-12-31 -o graphs/today.svg\n"
        "  corpgraph render --timeline 2019 2021 2023 2025 --focus OpenAI "
        "-o openai.html\n"
        "  corpgraph render --diff 2022 2025 --max-nodes 40 -o diff.png",
        0, -1};

    memset(frames, 0, sizeof frames);
    if ((rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos)) >= 0)
        return rc;
    if (!out)
        return cli_usage_error(cli->cmd, "say where to draw with -o FILE");
    if (diff && timeline)
        return cli_usage_error(cli->cmd, "--diff and --timeline exclude "
                               "each other");
    mode = diff ? MODE_DIFF : timeline ? MODE_TIMELINE : MODE_AT;
    if (mode == MODE_DIFF && npos != 2)
        return cli_usage_error(cli->cmd, "--diff takes two dates");
    if (mode == MODE_TIMELINE && (npos < 1 || npos > MAX_DATES))
        return cli_usage_error(cli->cmd, "--timeline takes 1 to %d dates",
                               MAX_DATES);
    if (mode == MODE_AT && npos != 0)
        return cli_usage_error(cli->cmd, "unexpected argument '%s' (dates "
                               "go with --at, --diff or --timeline)", pos[0]);
    if (mode != MODE_AT && at)
        return cli_usage_error(cli->cmd, "--at is for a single date");
    if (hops < 0 || hops > 10)
        return cli_usage_error(cli->cmd, "--hops must be 0..10");
    if (max_nodes < 0)
        return cli_usage_error(cli->cmd, "--max-nodes must be 1 or more");
    if (kg_render_format_for_path(&ro.format, out, &err) != KG_OK)
        return cli_usage_error(cli->cmd, "%s", err.msg);
    if (layout && kg_render_layout_parse(&ro.layout, layout, &err) != KG_OK)
        return cli_usage_error(cli->cmd, "%s", err.msg);
    v.at = at;
    v.as_of = as_of;
    if ((rc = vo_opts(cli, &v, relation, kind, &o)) >= 0)
        return rc;
    for (i = 0; mode != MODE_AT && i < (size_t)npos; i++) {
        if ((rc = parse_date(cli, pos[i], &dates[i])) >= 0)
            return rc;
        if (i && kg_date_cmp(dates[i - 1], dates[i]) >= 0)
            return cli_usage_error(cli->cmd, "dates must be in order: '%s' "
                                   "is not after '%s'", pos[i], pos[i - 1]);
    }
    ro.title = title;
    ro.hops = (int)hops;
    ro.max_nodes = (size_t)max_nodes;
    ro.flags = (no_legend ? KG_RENDER_NO_LEGEND : 0u) |
               (no_labels ? KG_RENDER_NO_EDGE_LABELS : 0u);

    if ((ex = vo_open(cli, &st)) != KG_EXIT_OK)
        return ex;
    if (focus) {
        rc = kg_store_resolve(&ro.focus, &pool, st, focus, &err);
        if (rc != KG_OK) {
            ex = vo_fail(rc, &err);
            goto done;
        }
    }
    if (mode == MODE_AT) {
        rc = kg_store_snapshot(&frames[0], st, &o, &err);
        if (rc == KG_OK)
            rc = kg_render_snapshot(&b, &info, &frames[0], o.at, &ro, &err);
    } else if (mode == MODE_DIFF) {
        kg_diff_opts d;
        memset(&d, 0, sizeof d);
        d.view = o;
        d.entity = ro.focus;
        d.hops = hops > 0 ? (int)hops : 1;
        rc = read_diff(&cs, st, dates[0], dates[1], &d, &err);
        if (rc == KG_OK)
            rc = kg_render_diff(&b, &info, &cs, &ro, &err);
    } else {
        nframes = (size_t)npos;
        rc = KG_OK;
        for (i = 0; rc == KG_OK && i < nframes; i++) {
            o.at = dates[i];
            rc = kg_store_snapshot(&frames[i], st, &o, &err);
        }
        if (rc == KG_OK)
            rc = kg_render_timeline(&b, &info, frames, dates, nframes, &ro,
                                    &err);
    }
    if (rc == KG_ENOTFOUND && ro.focus) {
        ex = cli_error("'%s' has no ties %s", ro.focus,
                       mode == MODE_AT ? "at that date"
                                       : "in the dates asked");
        goto done;
    }
    if (rc != KG_OK) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    ex = write_file(out, &b);
    if (ex == KG_EXIT_OK && info.omitted)
        fprintf(stderr, "corpgraph: %zu less central entit%s left out "
                "(--max-nodes %ld)\n", info.omitted,
                info.omitted == 1 ? "y" : "ies", max_nodes);
    else if (ex == KG_EXIT_OK && info.nodes > BUSY_NODES && !ro.focus)
        fprintf(stderr, "corpgraph: %zu entities drawn; --focus NAME or "
                "--max-nodes N give a more readable picture\n",
                info.nodes);
done:
    for (i = 0; i < MAX_DATES; i++)
        kg_tieset_release(&frames[i]);
    kg_changeset_release(&cs);
    kg_pool_release(&pool);
    kg_buf_release(&b);
    kg_store_close(st);
    return ex;
}
