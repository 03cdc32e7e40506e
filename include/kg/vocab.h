/*
 * vocab.h: the closed relation vocabulary, statuses and entity kinds of
 * RELATIONS.md.  One static table in src/vocab.c is the only definition;
 * the extractor, store, validator and renderer all read it.
 */
#ifndef KG_VOCAB_H
#define KG_VOCAB_H

typedef enum kg_relation {
    KG_REL_NONE = -1,
    KG_REL_ACQUIRED = 0,
    KG_REL_COMPETES_WITH,
    KG_REL_DIVESTED,
    KG_REL_FOUNDED,
    KG_REL_INVESTED_IN,
    KG_REL_LEADS,
    KG_REL_MAKES,
    KG_REL_MERGED_WITH,
    KG_REL_PARTNERS_WITH,
    KG_REL_SUBSIDIARY_OF,
    KG_REL_SUED,
    KG_REL_SUPPLIES,
    KG_REL__COUNT
} kg_relation;

typedef enum kg_status {
    KG_STATUS_HOLDS = 0,
    KG_STATUS_ENDED,
    KG_STATUS_NEGATED,
    KG_STATUS_REPORTED,
    KG_STATUS__COUNT
} kg_status;

typedef enum kg_kind {
    KG_KIND_ORG = 0,
    KG_KIND_PERSON,
    KG_KIND_PRODUCT,
    KG_KIND__COUNT
} kg_kind;

/* Relation families: the colour groups of diagrams. */
typedef enum kg_family {
    KG_FAMILY_MONEY = 0,  /* invested-in */
    KG_FAMILY_OWNERSHIP,  /* acquired, merged-with, subsidiary-of, divested */
    KG_FAMILY_PARTNERSHIP,/* partners-with */
    KG_FAMILY_SUPPLY,     /* supplies, makes */
    KG_FAMILY_RIVALRY,    /* competes-with */
    KG_FAMILY_LEGAL,      /* sued */
    KG_FAMILY_PEOPLE,     /* leads, founded */
    KG_FAMILY__COUNT
} kg_family;

/* Kind bits for the allowed-argument masks: 1u << KG_KIND_ORG etc. */
#define KG_KINDBIT(k) (1u << (k))

const char *kg_relation_name(kg_relation rel);   /* "invested-in"; "?" if bad */
int kg_relation_parse(kg_relation *out, const char *name); /* KG_EINVAL */
int kg_relation_symmetric(kg_relation rel);      /* 1 for merged-with ... */
kg_family kg_relation_family(kg_relation rel);
unsigned kg_relation_subject_kinds(kg_relation rel); /* KG_KINDBIT mask */
unsigned kg_relation_object_kinds(kg_relation rel);

const char *kg_status_name(kg_status st);        /* "holds" */
int kg_status_parse(kg_status *out, const char *name);

const char *kg_kind_name(kg_kind kind);          /* "org" */
int kg_kind_parse(kg_kind *out, const char *name);

const char *kg_family_name(kg_family fam);       /* "money" */

#endif
