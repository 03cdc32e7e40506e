/*
 * cmd_entities.c: `corpgraph entities`: the canonical entities with their
 * kinds, counts (ties, assertions) and aliases, as known now or after a
 * revision (--as-of).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/table.h"

typedef struct ent_state {
    int json;
    kg_buf out, aliases;
    cli_table table;
} ent_state;

static int on_entity(const kg_entity_info *e, void *payload)
{
    ent_state *es = payload;
    char ties[24], as[24];
    const char *cells[5];
    size_t i;
    int rc = 0;
    if (es->json) {
        rc |= kg_buf_printf(&es->out, "{\"id\":%lld,\"name\":",
                            (long long)e->id);
        rc |= kg_buf_json_str(&es->out, e->name, (size_t)-1);
        rc |= kg_buf_printf(&es->out,
                            ",\"kind\":\"%s\",\"ties\":%lld,"
                            "\"assertions\":%lld,\"revision\":%lld,"
                            "\"aliases\":[",
                            kg_kind_name(e->kind), (long long)e->ties,
                            (long long)e->assertions,
                            (long long)e->revision);
        for (i = 0; i < e->naliases; i++) {
            if (i)
                rc |= kg_buf_putc(&es->out, ',');
            rc |= kg_buf_json_str(&es->out, e->aliases[i], (size_t)-1);
        }
        rc |= kg_buf_puts(&es->out, "]}\n");
        return rc ? KG_ENOMEM : 0;
    }
    kg_buf_clear(&es->aliases);
    rc |= kg_buf_puts(&es->aliases, "");
    for (i = 0; i < e->naliases; i++) {
        if (i)
            rc |= kg_buf_puts(&es->aliases, ", ");
        rc |= kg_buf_puts(&es->aliases, e->aliases[i]);
    }
    snprintf(ties, sizeof ties, "%lld", (long long)e->ties);
    snprintf(as, sizeof as, "%lld", (long long)e->assertions);
    cells[0] = e->name;
    cells[1] = kg_kind_name(e->kind);
    cells[2] = ties;
    cells[3] = as;
    cells[4] = es->aliases.ptr ? es->aliases.ptr : "";
    rc |= cli_table_row(&es->table, cells);
    return rc ? KG_ENOMEM : 0;
}

int cmd_entities(int argc, char **argv, kg_cli *cli)
{
    static const char *const head[] = {"name", "kind", "ties", "assertions",
                                       "aliases"};
    kg_store *st = NULL;
    kg_error err = {0, ""};
    ent_state es;
    const char *kind_s = NULL, *as_of_s = NULL;
    int json = 0, npos, rc, kind = -1;
    long long as_of = 0;
    char **pos, *end;
    const cli_opt opts[] = {
        {"kind", 'k', CLI_OPT_STR, &kind_s, "KIND",
         "only entities of this kind (org, person, product)"},
        {"as-of", 0, CLI_OPT_STR, &as_of_s, "REV",
         "record time: the entities known after revision REV"},
        {"json", 0, CLI_OPT_FLAG, &json, NULL, "print JSON lines"},
        CLI_OPT_DB(cli), CLI_OPT_END};
    const cli_spec spec = {
        "corpgraph entities [--kind KIND] [--as-of REV] [--json] [PATTERN]",
        "List the canonical entities, sorted by name: kind, ties (with an\n"
        "interval known), assertions naming them, and their aliases.\n"
        "PATTERN keeps the entities whose name or an alias contains it\n"
        "(ignoring ASCII case).  Entities merged into another are listed\n"
        "under the one they were merged into.",
        NULL, 0, 1};

    rc = cli_parse(cli, argc, argv, opts, &spec, &npos, &pos);
    if (rc >= 0)
        return rc;
    if (kind_s) {
        kg_kind k;
        if (kg_kind_parse(&k, kind_s) != KG_OK)
            return cli_usage_error("entities", "unknown kind '%s' (org, "
                                   "person, product)", kind_s);
        kind = (int)k;
    }
    if (as_of_s) {
        as_of = strtoll(as_of_s, &end, 10);
        if (end == as_of_s || *end || as_of <= 0)
            return cli_usage_error("entities", "bad revision '%s' for "
                                   "--as-of", as_of_s);
    }
    rc = cli_store_open(cli, KG_STORE_READONLY, &st);
    if (rc != KG_EXIT_OK)
        return rc;
    memset(&es, 0, sizeof es);
    es.json = json;
    cli_table_init(&es.table, 5, head, "llrrl");
    rc = kg_store_entities(st, kind, npos ? pos[0] : NULL, as_of, on_entity,
                           &es, &err);
    if (rc != KG_OK) {
        rc = rc == KG_ENOMEM ? cli_error("out of memory")
                             : cli_error("%s", err.msg);
        goto done;
    }
    if (!json && es.table.nrows &&
        cli_table_print(&es.table, &es.out) != KG_OK) {
        rc = cli_error("out of memory");
        goto done;
    }
    rc = cli_write(cli, &es.out);
done:
    cli_table_release(&es.table);
    kg_buf_release(&es.out);
    kg_buf_release(&es.aliases);
    kg_store_close(st);
    return rc;
}
