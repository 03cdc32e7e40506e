/*
 * kgx.c: a developer tool for the extractor, built by
 * tests/bench/bench.tests.cmake (not installed).
 *
 *   kgx case FILE...   score tests/extract-style case files: per file
 *                      precision/recall, with -v every miss and extra
 *   kgx text FILE      extract one article (whole file), print triples
 *                      with their explanation
 *   kgx ments FILE     print sentences, tokens and entity mentions
 *   kgx bench FILE [N] throughput: split FILE into articles at blank lines
 *                      (about 4 KB each), extract all N times, print MB/s
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kg/extract.h"
#include "extract/extract_int.h"

static int verbose;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

typedef struct got {
    char lines[64][512];
    int n;
} got;

static int collect(const kg_triple *t, const kg_explain *why, void *p)
{
    got *g = p;
    char d[KG_DATE_STRLEN];
    kg_date_format(d, t->date);
    if (g->n < 64) {
        snprintf(g->lines[g->n], sizeof g->lines[0], "%s | %s | %s | %s | %s",
                 t->subject, kg_relation_name(t->relation), t->object,
                 kg_status_name(t->status), d);
        g->n++;
    }
    if (verbose > 1 && why)
        printf("      [%s] ents=%s trig=%s\n", t->rule, why->entities,
               why->trigger);
    return 0;
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

/* expected "a | rel | b | status [| date]" vs got "a | rel | b | st | d" */
static int same(const char *exp, const char *have)
{
    char e[512], h[512], *hd;
    int bars = 0;
    const char *p;
    /* lines longer than the buffers are never the same */
    if (snprintf(e, sizeof e, "%s", exp) >= (int)sizeof e ||
        snprintf(h, sizeof h, "%s", have) >= (int)sizeof h)
        return 0;
    for (p = e; *p; p++)
        bars += *p == '|';
    if (bars == 3) {
        hd = strrchr(h, '|');
        if (hd)
            *(hd - 1) = '\0';
    }
    return strcmp(e, h) == 0;
}

static int sym(const char *rel)
{
    return strstr(rel, "| merged-with |") || strstr(rel, "| partners-with |")
           || strstr(rel, "| competes-with |");
}

/* swap "a | r | b | rest" into "b | r | a | rest" */
static void swap(const char *in, char *out, size_t cap)
{
    char a[256], r[64], b[256];
    const char *rest;
    if (sscanf(in, "%255[^|]| %63[^|]| %255[^|]", a, r, b) != 3) {
        snprintf(out, cap, "%s", in);
        return;
    }
    trim(a);
    trim(r);
    trim(b);
    rest = in;
    {
        int k = 0;
        while (*rest && k < 3)
            k += *rest++ == '|';
    }
    snprintf(out, cap, "%s | %s | %s |%s", b, r, a, rest);
}

static int cmd_case(int argc, char **argv, kg_extractor *ex)
{
    int i, tp_all = 0, fp_all = 0, fn_all = 0;
    for (i = 0; i < argc; i++) {
        size_t len;
        char *text = slurp(argv[i], &len), *line, *save = NULL;
        char body[8192] = "";
        char exp[64][512];
        int nexp = 0, in_exp = 0, tp = 0, fp = 0, fn = 0;
        kg_date date = {2024, 6, 15};
        if (!text) {
            fprintf(stderr, "cannot read %s\n", argv[i]);
            return 1;
        }
        line = strtok_r(text, "\n", &save);
        for (;;) {
            int flush = !line || (in_exp && line[0] != '#' &&
                                  !strchr(line, '|') &&
                                  strncmp(line, "%%NONE", 6) != 0 &&
                                  line[0] != ' ' && line[0]);
            if (flush && (body[0] || nexp)) {
                kg_doc doc;
                got g;
                int a, b;
                memset(&doc, 0, sizeof doc);
                memset(&g, 0, sizeof g);
                doc.id = (char *)(uintptr_t)"case";
                doc.text = body;
                doc.text_len = strlen(body);
                doc.date = date;
                kg_extract_doc(ex, NULL, &doc, collect, &g, NULL);
                for (a = 0; a < nexp; a++) {
                    int hit = 0;
                    for (b = 0; b < g.n && !hit; b++) {
                        char sw[512];
                        if (same(exp[a], g.lines[b]))
                            hit = 1;
                        else if (sym(exp[a])) {
                            swap(exp[a], sw, sizeof sw);
                            hit = same(sw, g.lines[b]);
                        }
                    }
                    if (hit)
                        tp++;
                    else {
                        fn++;
                        if (verbose)
                            printf("  MISS %s\n     in: %.300s\n", exp[a],
                                   body);
                    }
                }
                for (b = 0; b < g.n; b++) {
                    int hit = 0;
                    for (a = 0; a < nexp && !hit; a++) {
                        char sw[512];
                        hit = same(exp[a], g.lines[b]);
                        if (!hit && sym(exp[a])) {
                            swap(exp[a], sw, sizeof sw);
                            hit = same(sw, g.lines[b]);
                        }
                    }
                    if (!hit) {
                        fp++;
                        if (verbose)
                            printf("  EXTRA %s\n     in: %.300s\n",
                                   g.lines[b], body);
                    }
                }
                body[0] = '\0';
                nexp = 0;
                in_exp = 0;
                date = (kg_date){2024, 6, 15};
            }
            if (!line)
                break;
            trim(line);
            if (line[0] == '#' || !line[0]) {
                line = strtok_r(NULL, "\n", &save);
                continue;
            }
            if (strncmp(line, "@date ", 6) == 0) {
                kg_date_parse(&date, line + 6, (size_t)-1);
            } else if (strcmp(line, "--") == 0) {
                in_exp = 1;
            } else if (in_exp) {
                if (strncmp(line, "%%NONE", 6) != 0 && nexp < 64)
                    snprintf(exp[nexp++], sizeof exp[0], "%s", line);
            } else {
                if (body[0])
                    strncat(body, "\n", sizeof body - strlen(body) - 1);
                strncat(body, line, sizeof body - strlen(body) - 1);
            }
            line = strtok_r(NULL, "\n", &save);
        }
        printf("%-40s tp %3d fp %3d fn %3d  P %.2f R %.2f\n", argv[i], tp,
               fp, fn, tp + fp ? (double)tp / (tp + fp) : 1.0,
               tp + fn ? (double)tp / (tp + fn) : 1.0);
        tp_all += tp;
        fp_all += fp;
        fn_all += fn;
        free(text);
    }
    printf("%-40s tp %3d fp %3d fn %3d  P %.2f R %.2f\n", "TOTAL", tp_all,
           fp_all, fn_all,
           tp_all + fp_all ? (double)tp_all / (tp_all + fp_all) : 1.0,
           tp_all + fn_all ? (double)tp_all / (tp_all + fn_all) : 1.0);
    return 0;
}

static int print_cb(const kg_triple *t, const kg_explain *why, void *p)
{
    kg_buf b = KG_BUF_INIT;
    (void)p;
    kg_triple_write_json(&b, t);
    fputs(b.ptr, stdout);
    if (why)
        printf("   entities: %s\n   trigger: %s\n   pattern: %s\n",
               why->entities, why->trigger, why->pattern);
    kg_buf_release(&b);
    return 0;
}

static int count_cb(const kg_triple *t, const kg_explain *why, void *p)
{
    (void)t;
    (void)why;
    (*(long *)p)++;
    return 0;
}

/* Debug view: sentences with their mentions (uses the internals). */
static void ments(kg_extractor *ex, const char *path)
{
    size_t len, si, i;
    ex_scratch sc;
    kg_doc doc;
    memset(&doc, 0, sizeof doc);
    memset(&sc, 0, sizeof sc);
    doc.text = slurp(path, &len);
    if (!doc.text)
        return;
    doc.text_len = len;
    doc.date = (kg_date){2024, 6, 15};
    sc.ex = ex;
    sc.doc = &doc;
    sc.doc_date = doc.date;
    sc.last_org = sc.prev_first_org = sc.last_person = -1;
    kg_extract__tokenize(&sc);
    for (si = 0; si < sc.sents.n; si++) {
        const ex_sent *s = &EX_AT(sc.sents, ex_sent, si);
        printf("S%zu:", si);
        for (i = s->t0; i < s->t1; i++) {
            const ex_tok *t = &EX_AT(sc.toks, ex_tok, i);
            printf(" %s%s", sc.norm.ptr + t->norm,
                   t->word >= 0 ? "*" : "");
        }
        printf("\n");
        kg_extract__mentions(&sc, (uint32_t)si);
        for (i = 0; i < sc.ments.n; i++) {
            const ex_ment *m = &EX_AT(sc.ments, ex_ment, i);
            const ex_ent *e = &EX_AT(sc.ents, ex_ent, m->ent);
            printf("   M [%u,%u) %s kind=%d src=%d\n", m->a, m->b, e->name,
                   e->kind, m->src);
        }
        sc.outs.n = 0;
        kg_extract__match(&sc, (uint32_t)si);
        for (i = 0; i < sc.outs.n; i++) {
            const ex_out *o = &EX_AT(sc.outs, ex_out, i);
            printf("   T %s %s %s st=%d [%s]\n",
                   EX_AT(sc.ents, ex_ent, o->s).name,
                   kg_relation_name(o->relation),
                   EX_AT(sc.ents, ex_ent, o->o).name, o->status,
                   EX_AT(ex->rulev, ex_rule, o->rule).id);
        }
    }
    free(doc.text);
}

int main(int argc, char **argv)
{
    kg_extractor *ex = NULL;
    kg_extract_opts opts = {NULL, 0, 0};
    kg_error err;
    int rc = 0;
    if (argc < 3) {
        fprintf(stderr, "usage: kgx case|text|bench [-v] FILE...\n");
        return 2;
    }
    if (strcmp(argv[1], "text") == 0)
        opts.flags = KG_EXTRACT_EXPLAIN;
    while (argc > 2 && strncmp(argv[2], "-v", 2) == 0) {
        verbose += (int)strlen(argv[2]) - 1;
        if (verbose > 1)
            opts.flags = KG_EXTRACT_EXPLAIN;
        memmove(argv + 2, argv + 3, (size_t)(argc - 3) * sizeof *argv);
        argc--;
    }
    if (kg_extractor_new(&ex, &opts, &err) != KG_OK) {
        fprintf(stderr, "kgx: %s\n", err.msg);
        return 1;
    }
    if (strcmp(argv[1], "ments") == 0) {
        ments(ex, argv[2]);
    } else if (strcmp(argv[1], "case") == 0) {
        rc = cmd_case(argc - 2, argv + 2, ex);
    } else if (strcmp(argv[1], "text") == 0) {
        size_t len;
        kg_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.text = slurp(argv[2], &len);
        doc.text_len = len;
        doc.id = argv[2];
        doc.date = (kg_date){2024, 6, 15};
        if (doc.text)
            rc = kg_extract_doc(ex, NULL, &doc, print_cb, NULL, &err);
        free(doc.text);
    } else {
        size_t len, off;
        char *text = slurp(argv[2], &len);
        int reps = argc > 3 ? atoi(argv[3]) : 1, r;
        long n = 0;
        struct timespec t0, t1, c0, c1;
        double secs, cpu;
        if (!text)
            return 1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
        for (r = 0; r < reps; r++) {
            for (off = 0; off < len;) {
                size_t end = off + 4096 < len ? off + 4096 : len;
                kg_doc doc;
                char save;
                while (end < len && !(text[end - 1] == '\n' &&
                                      text[end] == '\n'))
                    end++;
                memset(&doc, 0, sizeof doc);
                save = text[end];
                text[end] = '\0';
                doc.text = text + off;
                doc.text_len = end - off;
                doc.id = (char *)(uintptr_t)"bench";
                doc.date = (kg_date){2024, 6, 15};
                kg_extract_doc(ex, NULL, &doc, count_cb, &n, NULL);
                text[end] = save;
                off = end;
            }
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
        secs = (double)(t1.tv_sec - t0.tv_sec) +
               (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        cpu = (double)(c1.tv_sec - c0.tv_sec) +
              (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
        printf("%zu bytes x %d: wall %.3f s (%.1f MB/s), cpu %.3f s "
               "(%.1f MB/s), %ld triples\n",
               len, reps, secs, (double)len * reps / secs / 1e6, cpu,
               (double)len * reps / cpu / 1e6, n);
        free(text);
    }
    kg_extractor_free(ex);
    return rc;
}
