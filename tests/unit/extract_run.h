/*
 * extract_run.h: what the extractor's unit tests share: run a text
 * through an extractor, keep each triple as "S|rel|O|status|date" with
 * its rule, evidence, properties and explanation, and look triples up.
 * Included by one test program at a time (everything is static).
 */
#ifndef KG_TEST_EXTRACT_RUN_H
#define KG_TEST_EXTRACT_RUN_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "kg/extract.h"

#define RES_MAX 64

typedef struct res {
    char line[RES_MAX][400];
    char rule[RES_MAX][64];
    char evidence[RES_MAX][400];
    char explain[RES_MAX][400]; /* "entities / trigger / pattern" */
    char link[RES_MAX][400];    /* "trigger / pattern" */
    char amount[RES_MAX][40];
    char role[RES_MAX][40];
    double stake[RES_MAX];
    int n;
} res;

static kg_extractor *g_ex;         /* the built-in rules */
static kg_extractor *g_ex_explain; /* the same, with explanations */

static inline int collect(const kg_triple *t, const kg_explain *why,
                          void *p)
{
    res *r = p;
    char d[KG_DATE_STRLEN];
    if (r->n >= RES_MAX)
        return 0;
    kg_date_format(d, t->date);
    snprintf(r->line[r->n], sizeof r->line[0], "%s|%s|%s|%s|%s", t->subject,
             kg_relation_name(t->relation), t->object,
             kg_status_name(t->status), d);
    snprintf(r->rule[r->n], sizeof r->rule[0], "%s", t->rule);
    snprintf(r->evidence[r->n], sizeof r->evidence[0], "%s", t->evidence);
    snprintf(r->amount[r->n], sizeof r->amount[0], "%s",
             t->amount ? t->amount : "");
    snprintf(r->role[r->n], sizeof r->role[0], "%s",
             t->role ? t->role : "");
    r->stake[r->n] = t->stake;
    if (why) {
        const char *tr = why->trigger ? why->trigger : "";
        const char *pa = why->pattern ? why->pattern : "";
        snprintf(r->explain[r->n], sizeof r->explain[0], "%s / %s / %s",
                 why->entities ? why->entities : "", tr, pa);
        snprintf(r->link[r->n], sizeof r->link[0], "%s / %s", tr, pa);
    }
    r->n++;
    return 0;
}

/* Run text with article date 2024-06-15 (a Saturday), in scratch scr
 * (NULL: the call's own memory). */
static inline void run_scr(kg_extractor *ex, kg_extract_scratch *scr,
                           const char *text, res *r)
{
    kg_doc doc;
    kg_error err;
    memset(&doc, 0, sizeof doc);
    memset(r, 0, sizeof *r);
    doc.id = (char *)(uintptr_t)"t";
    doc.text = (char *)(uintptr_t)text;
    doc.text_len = strlen(text);
    doc.date = (kg_date){2024, 6, 15};
    KG_CHECK_INT(kg_extract_doc(ex, scr, &doc, collect, r, &err), KG_OK);
}

static inline void run_ex(kg_extractor *ex, const char *text, res *r)
{
    run_scr(ex, NULL, text, r);
}

static inline void run(const char *text, res *r)
{
    run_ex(g_ex, text, r);
}

/* Index of the first triple whose line starts with want, or -1. */
static inline int find_prefix(const res *r, const char *want)
{
    int i;
    size_t n = strlen(want);
    for (i = 0; i < r->n; i++)
        if (strncmp(r->line[i], want, n) == 0)
            return i;
    return -1;
}

/* Index of the first triple starting with want ("S|rel|O|status", with or
 * without the date) up to a field's end, or -1. */
static inline int find(const res *r, const char *want)
{
    int i;
    size_t n = strlen(want);
    for (i = 0; i < r->n; i++)
        if (strncmp(r->line[i], want, n) == 0 &&
            (r->line[i][n] == '\0' || r->line[i][n] == '|'))
            return i;
    return -1;
}

/* 1 if find() finds want. */
static inline int has(const res *r, const char *want)
{
    return find(r, want) >= 0;
}

static inline int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

#endif
