/*
 * triple.h: the extracted claim, the contract between the extractor and
 * everything else (DESIGN.md "Triple format").
 *
 * One JSON object per line:
 *   {"doc":..,"subject":..,"subject_kind":"org","relation":"invested-in",
 *    "object":..,"object_kind":"org","status":"holds","date":"2025-10-27",
 *    "confidence":0.9,"rule":"invest.poured-into","evidence":"..",
 *    "span":[1534,1650],"amount":"10000000000 USD","stake":27,"role":"CEO"}
 * amount, stake and role are present only when the text states them; date
 * is "" or absent when unknown.
 */
#ifndef KG_TRIPLE_H
#define KG_TRIPLE_H

#include <stdint.h>

#include "kg/date.h"
#include "kg/error.h"
#include "kg/util.h"
#include "kg/vocab.h"

typedef struct kg_triple {
    const char *doc;
    const char *subject;
    kg_kind subject_kind;
    kg_relation relation;
    const char *object;
    kg_kind object_kind;
    kg_status status;
    kg_date date;
    double confidence;    /* 0..1 */
    const char *rule;     /* id of the rule that fired */
    const char *evidence; /* the sentence */
    int64_t span_start;   /* byte offsets of the sentence in the text; */
    int64_t span_end;     /* -1 when unknown */
    const char *amount;   /* "50000000 USD" or NULL */
    double stake;         /* percent, or -1 when not stated */
    const char *role;     /* on leads: "CEO", "chairman"...; or NULL */
} kg_triple;

/* A triple with every field empty: stake -1, spans -1, kinds org. */
void kg_triple_init(kg_triple *t);

/* Append the JSON line (with '\n') for t to out. */
int kg_triple_write_json(kg_buf *out, const kg_triple *t);

/*
 * Append one TSV line: doc, subject, relation, object, status, date,
 * confidence, rule, evidence (tabs and newlines in fields become spaces).
 */
int kg_triple_write_tsv(kg_buf *out, const kg_triple *t);

/*
 * Parse one JSON line into out.  Required: subject, relation, object,
 * status; doc defaults to "", kinds to org, confidence to 1.  Unknown
 * relation or status, a bad date, a wrong type: KG_EINVAL with a message
 * naming the field.  The strings are copied into pool (caller releases the
 * pool), so out stays valid as long as the pool.
 */
int kg_triple_parse_json(kg_triple *out, kg_pool *pool, const char *line,
                         size_t len, kg_error *err);

/*
 * For a symmetric relation, swap subject and object (and kinds) so that
 * strcmp(subject, object) <= 0.  No-op for other relations.
 */
void kg_triple_canonicalize(kg_triple *t);

#endif
