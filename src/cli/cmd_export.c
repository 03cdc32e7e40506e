/*
 * cmd_export.c: `corpgraph export --format F`: the graph at a date as
 * GraphML or GML (igraph's writers, every attribute), as CSV, or every
 * interval of every tie as JSONL or GEXF.  GEXF is written here with one
 * <spell> per interval so that Gephi's timeline plays the history.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/viewout.h"
#include "kg/graph.h"

/* Append s with XML escaping. */
static void xml(kg_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': kg_buf_puts(b, "&amp;"); break;
        case '<': kg_buf_puts(b, "&lt;"); break;
        case '>': kg_buf_puts(b, "&gt;"); break;
        case '"': kg_buf_puts(b, "&quot;"); break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n')
                kg_buf_putc(b, ' ');
            else
                kg_buf_putc(b, *s);
        }
    }
}

/* A GEXF date: the first day a bound covers ("2019" -> 2019-01-01). */
static void gexf_day(char buf[KG_DATE_STRLEN], kg_date d)
{
    kg_date_format(buf, kg_date_from_days(kg_date_first_day(d)));
}

/*
 * GEXF 1.3 with interval time: a node lives from its first tie's start;
 * each tie is one edge whose spells are its intervals.
 */
static int put_gexf(kg_buf *b, const kg_tieset *iv, kg_error *err)
{
    kg_graph *g = NULL;
    size_t i, j, nv;
    int rc;
    /* the graph of all intervals gives the node ids (names in order) */
    if ((rc = kg_graph_new(&g, iv, err)) != KG_OK)
        return rc;
    nv = kg_graph_vcount(g);
    kg_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
                   "  <meta><creator>corpgraph</creator></meta>\n"
                   "  <graph defaultedgetype=\"directed\" mode=\"dynamic\""
                   " timeformat=\"date\" timerepresentation=\"interval\">\n"
                   "    <attributes class=\"node\">\n"
                   "      <attribute id=\"kind\" title=\"kind\""
                   " type=\"string\"/>\n"
                   "    </attributes>\n"
                   "    <attributes class=\"edge\">\n"
                   "      <attribute id=\"relation\" title=\"relation\""
                   " type=\"string\"/>\n"
                   "      <attribute id=\"status\" title=\"status\""
                   " type=\"string\"/>\n"
                   "    </attributes>\n"
                   "    <nodes>\n");
    for (i = 0; i < nv; i++) {
        kg_buf_printf(b, "      <node id=\"n%zu\" label=\"", i);
        xml(b, kg_graph_name(g, i));
        kg_buf_printf(b, "\"><attvalues><attvalue for=\"kind\" value=\"%s\"/>"
                         "</attvalues></node>\n",
                      kg_kind_name(kg_graph_kind(g, i)));
    }
    kg_buf_puts(b, "    </nodes>\n    <edges>\n");
    /* intervals of one tie are adjacent (sorted by subject, relation,
       object, from): one edge with several spells */
    for (i = 0; i < iv->n; i = j) {
        const kg_tie *t = &iv->v[i];
        for (j = i; j < iv->n && iv->v[j].id == t->id &&
                    kg_graph_from(g, j) == kg_graph_from(g, i) &&
                    kg_graph_to(g, j) == kg_graph_to(g, i);
             j++)
            ;
        kg_buf_printf(b, "      <edge id=\"e%zu\" source=\"n%zu\" "
                         "target=\"n%zu\" label=\"%s\"",
                      i, kg_graph_from(g, i), kg_graph_to(g, i),
                      kg_relation_name(t->relation));
        if (kg_relation_symmetric(t->relation))
            kg_buf_puts(b, " type=\"undirected\"");
        kg_buf_printf(b, ">\n        <attvalues><attvalue for=\"relation\" "
                         "value=\"%s\"/><attvalue for=\"status\" "
                         "value=\"%s\"/></attvalues>\n        <spells>\n",
                      kg_relation_name(t->relation),
                      kg_status_name(iv->v[j - 1].status));
        for (; i < j; i++) {
            char f[KG_DATE_STRLEN], to[KG_DATE_STRLEN];
            kg_buf_puts(b, "          <spell");
            if (kg_date_is_set(iv->v[i].valid_from)) {
                gexf_day(f, iv->v[i].valid_from);
                kg_buf_printf(b, " start=\"%s\"", f);
            }
            if (kg_date_is_set(iv->v[i].valid_to)) {
                gexf_day(to, iv->v[i].valid_to);
                kg_buf_printf(b, " end=\"%s\"", to);
            }
            kg_buf_puts(b, "/>\n");
        }
        kg_buf_puts(b, "        </spells>\n      </edge>\n");
    }
    rc = kg_buf_puts(b, "    </edges>\n  </graph>\n</gexf>\n");
    kg_graph_free(g);
    return rc;
}

static int put_jsonl(kg_buf *b, const kg_tieset *iv)
{
    size_t i;
    int rc = KG_OK;
    for (i = 0; i < iv->n; i++) {
        const kg_tie *t = &iv->v[i];
        kg_buf_putc(b, '{');
        vo_json_str(b, "subject", t->subject);
        kg_buf_putc(b, ',');
        vo_json_str(b, "relation", kg_relation_name(t->relation));
        kg_buf_putc(b, ',');
        vo_json_str(b, "object", t->object);
        kg_buf_putc(b, ',');
        vo_json_str(b, "status", kg_status_name(t->status));
        kg_buf_putc(b, ',');
        vo_json_date(b, "valid_from", t->valid_from);
        kg_buf_putc(b, ',');
        vo_json_date(b, "valid_to", t->valid_to);
        kg_buf_printf(b, ",\"ndocs\":%d,\"subject_kind\":\"%s\","
                         "\"object_kind\":\"%s\",",
                      t->ndocs, kg_kind_name(t->subject_kind),
                      kg_kind_name(t->object_kind));
        vo_json_str(b, "amount", t->amount);
        if (t->stake >= 0)
            kg_buf_printf(b, ",\"stake\":%g,", t->stake);
        else
            kg_buf_puts(b, ",\"stake\":null,");
        vo_json_str(b, "role", t->role);
        kg_buf_putc(b, ',');
        vo_json_str(b, "doc", t->doc);
        kg_buf_putc(b, ',');
        vo_json_str(b, "evidence", t->evidence);
        rc = kg_buf_puts(b, "}\n");
    }
    return rc;
}

int cmd_export(int argc, char **argv, kg_cli *cli)
{
    cli_view v = {0};
    const char *format = NULL, *output = NULL, *relation = NULL, *kind = NULL;
    int npos, rc, ex = KG_EXIT_OK, intervals;
    char **pos;
    size_t i;
    kg_view_opts o;
    kg_store *st = NULL;
    kg_tieset set = {0};
    kg_graph *g = NULL;
    kg_buf b = KG_BUF_INIT;
    kg_error err = {0, ""};
    FILE *f = NULL;
    const cli_opt opts[] = {
        {"format", 'f', CLI_OPT_STR, &format, "FORMAT",
         "graphml, gml, csv (the graph at --at), jsonl or gexf (every "
         "interval)"},
        {"output", 'o', CLI_OPT_STR, &output, "FILE",
         "write to FILE instead of standard output"},
        {"relation", 'r', CLI_OPT_STR, &relation, "REL",
         "only ties of this relation"},
        {"kind", 'k', CLI_OPT_STR, &kind, "KIND",
         "only ties with an org, person or product at one end"},
        CLI_OPT_VIEW(&v), CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph export --format FORMAT [options]",
        "Write the graph for other tools.  graphml and gml (through igraph,\n"
        "with every vertex and edge attribute) and csv hold the graph at\n"
        "--at.  jsonl holds every interval of every tie (one per line:\n"
        "subject, relation, object, status, valid_from, valid_to - null\n"
        "while it holds - and the number of supporting documents); gexf\n"
        "holds the same intervals as spells for Gephi's timeline.",
        "example: corpgraph export --format gexf -o ties.gexf", 0, 0};

    if ((rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos)) >= 0)
        return rc;
    if (!format)
        return cli_usage_error(cli->cmd, "--format is required (graphml, "
                                         "gml, csv, jsonl or gexf)");
    if (strcmp(format, "graphml") && strcmp(format, "gml") &&
        strcmp(format, "csv") && strcmp(format, "jsonl") &&
        strcmp(format, "gexf"))
        return cli_usage_error(cli->cmd, "unknown format '%s' (graphml, gml, "
                                         "csv, jsonl or gexf)", format);
    if ((rc = vo_opts(cli, &v, relation, kind, &o)) >= 0)
        return rc;
    intervals = !strcmp(format, "jsonl") || !strcmp(format, "gexf");
    if ((rc = vo_open(cli, &st)) != KG_EXIT_OK)
        return rc;
    rc = intervals ? kg_store_intervals(&set, st, &o, &err)
                   : kg_store_snapshot(&set, st, &o, &err);
    if (rc) {
        ex = vo_fail(rc, &err);
        goto done;
    }
    if (output) {
        f = fopen(output, "wb");
        if (!f) {
            ex = cli_error("cannot open '%s': %s", output, strerror(errno));
            goto done;
        }
    }
    if (!strcmp(format, "graphml") || !strcmp(format, "gml")) {
        if ((rc = kg_graph_new(&g, &set, &err)) ||
            (rc = kg_graph_write(f ? f : cli->out, g,
                                 !strcmp(format, "gml") ? KG_GRAPH_GML
                                                        : KG_GRAPH_GRAPHML,
                                 &err))) {
            ex = vo_fail(rc, &err);
            goto done;
        }
    } else {
        if (!strcmp(format, "csv")) {
            vo_csv_tie_header(&b);
            for (i = 0; i < set.n; i++)
                rc = vo_csv_tie(&b, &set.v[i]);
        } else if (!strcmp(format, "jsonl")) {
            rc = put_jsonl(&b, &set);
        } else {
            rc = put_gexf(&b, &set, &err);
        }
        if (rc) {
            ex = vo_fail(rc, &err);
            goto done;
        }
        if (f) {
            if (b.len && fwrite(b.ptr, 1, b.len, f) != b.len)
                ex = cli_error("cannot write '%s': %s", output,
                               strerror(errno));
        } else {
            ex = cli_write(cli, &b);
        }
    }
done:
    if (f && fclose(f) != 0 && ex == KG_EXIT_OK)
        ex = cli_error("cannot write '%s': %s", output, strerror(errno));
    kg_graph_free(g);
    kg_buf_release(&b);
    kg_tieset_release(&set);
    kg_store_close(st);
    return ex;
}
