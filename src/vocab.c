/*
 * vocab.c: the one table of relations (RELATIONS.md), and the names of
 * statuses, kinds and families.  Everything that needs a relation's name,
 * symmetry, family or argument kinds reads it here.
 */
#include <stdlib.h>
#include <string.h>

#include "kg/error.h"
#include "kg/vocab.h"

#define ORG KG_KINDBIT(KG_KIND_ORG)
#define PER KG_KINDBIT(KG_KIND_PERSON)
#define PRO KG_KINDBIT(KG_KIND_PRODUCT)

/*
 * Layout: one row per relation, sorted by name (bsearch relies on it) and
 * in kg_relation order: name, symmetric, family, subject kinds, object
 * kinds.
 */
static const struct relation_row {
    const char *name;
    int symmetric;
    kg_family family;
    unsigned subject_kinds;
    unsigned object_kinds;
} relations[KG_REL__COUNT] = {
    {"acquired", 0, KG_FAMILY_OWNERSHIP, ORG | PER, ORG | PRO},
    {"competes-with", 1, KG_FAMILY_RIVALRY, ORG | PRO, ORG | PRO},
    {"divested", 0, KG_FAMILY_OWNERSHIP, ORG | PER, ORG | PRO},
    {"founded", 0, KG_FAMILY_PEOPLE, PER | ORG, ORG},
    {"invested-in", 0, KG_FAMILY_MONEY, ORG | PER, ORG},
    {"leads", 0, KG_FAMILY_PEOPLE, PER, ORG},
    {"makes", 0, KG_FAMILY_SUPPLY, ORG, PRO},
    {"merged-with", 1, KG_FAMILY_OWNERSHIP, ORG, ORG},
    {"partners-with", 1, KG_FAMILY_PARTNERSHIP, ORG, ORG},
    {"subsidiary-of", 0, KG_FAMILY_OWNERSHIP, ORG, ORG},
    {"sued", 0, KG_FAMILY_LEGAL, ORG | PER, ORG | PER},
    {"supplies", 0, KG_FAMILY_SUPPLY, ORG, ORG},
};

static const char *const status_names[KG_STATUS__COUNT] = {
    "holds", "ended", "negated", "reported"};
static const char *const kind_names[KG_KIND__COUNT] = {
    "org", "person", "product"};
static const char *const family_names[KG_FAMILY__COUNT] = {
    "money", "ownership", "partnership", "supply", "rivalry", "legal",
    "people"};

static int valid_rel(kg_relation rel)
{
    return rel >= 0 && rel < KG_REL__COUNT;
}

const char *kg_relation_name(kg_relation rel)
{
    return valid_rel(rel) ? relations[rel].name : "?";
}

static int cmp_row(const void *key, const void *row)
{
    return strcmp(key, ((const struct relation_row *)row)->name);
}

int kg_relation_parse(kg_relation *out, const char *name)
{
    const struct relation_row *row;
    if (!name)
        return KG_EINVAL;
    row = bsearch(name, relations, KG_REL__COUNT, sizeof relations[0],
                  cmp_row);
    if (!row)
        return KG_EINVAL;
    *out = (kg_relation)(row - relations);
    return KG_OK;
}

int kg_relation_symmetric(kg_relation rel)
{
    return valid_rel(rel) && relations[rel].symmetric;
}

kg_family kg_relation_family(kg_relation rel)
{
    return valid_rel(rel) ? relations[rel].family : KG_FAMILY_PARTNERSHIP;
}

unsigned kg_relation_subject_kinds(kg_relation rel)
{
    return valid_rel(rel) ? relations[rel].subject_kinds : 0;
}

unsigned kg_relation_object_kinds(kg_relation rel)
{
    return valid_rel(rel) ? relations[rel].object_kinds : 0;
}

/* Linear lookup in a short name table; KG_EINVAL when absent. */
static int parse_name(int *out, const char *const *names, int n,
                      const char *name)
{
    int i;
    for (i = 0; name && i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            *out = i;
            return KG_OK;
        }
    }
    return KG_EINVAL;
}

const char *kg_status_name(kg_status st)
{
    return st >= 0 && st < KG_STATUS__COUNT ? status_names[st] : "?";
}

int kg_status_parse(kg_status *out, const char *name)
{
    int i, rc = parse_name(&i, status_names, KG_STATUS__COUNT, name);
    if (rc == KG_OK)
        *out = (kg_status)i;
    return rc;
}

const char *kg_kind_name(kg_kind kind)
{
    return kind >= 0 && kind < KG_KIND__COUNT ? kind_names[kind] : "?";
}

int kg_kind_parse(kg_kind *out, const char *name)
{
    int i, rc = parse_name(&i, kind_names, KG_KIND__COUNT, name);
    if (rc == KG_OK)
        *out = (kg_kind)i;
    return rc;
}

const char *kg_family_name(kg_family fam)
{
    return fam >= 0 && fam < KG_FAMILY__COUNT ? family_names[fam] : "?";
}
