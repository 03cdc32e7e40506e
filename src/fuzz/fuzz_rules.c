/*
 * fuzz_rules.c: libFuzzer target for user rule files (`corpgraph extract
 * --rules FILE`: the rule language parser in src/extract/rules.c and the
 * tables kg_extract__seal builds from it).
 *
 * The bytes up to the first NUL are a rule file, loaded after the built-in
 * rules as the CLI loads it; the bytes after it, if any, are an article
 * (else a fixed one).  A refused file must say why; an accepted one must
 * extract the article into triples that name both ends.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kg/kg.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], path[128], doc_id[] = "fuzz", doc_path[] = "fuzz.txt";

/* Words that the built-in classes and most user rules are about. */
static char article[] =
    "NEW YORK, March 3 (Reuters) - Acme Corp said it agreed to acquire "
    "Widget Inc. for $1.2 billion, and Apple Inc. invested 20 pct in "
    "Beta Ltd.\n\nMicrosoft, which owns LinkedIn, sued Google over its "
    "search deal.  The bid was later withdrawn.  Sam Altman, chief "
    "executive of OpenAI, said the talks with Oracle had ended.";

static void cleanup(void)
{
    remove(path);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    kg_init();
    snprintf(dir, sizeof dir, "/tmp/kg-fuzz-rules-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof path, "%s/user.rules", dir);
    atexit(cleanup);
    return 0;
}

static int check(const kg_triple *t, const kg_explain *why, void *payload)
{
    (void)why;
    (void)payload;
    if (!t->subject || !t->object || !t->subject[0] || !t->object[0] ||
        (int)t->relation < 0 || t->relation >= KG_REL__COUNT ||
        (int)t->status < 0 || t->status >= KG_STATUS__COUNT)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t nrules = nul ? (size_t)(nul - data) : size;
    const char *files[1];
    kg_extract_opts opts;
    kg_extractor *ex = NULL;
    kg_error err = {0, ""};
    kg_doc doc;
    char *text;
    FILE *f = fopen(path, "wb");
    int rc;
    if (!f)
        abort();
    if (nrules && fwrite(data, 1, nrules, f) != nrules)
        abort();
    fclose(f);
    files[0] = path;
    memset(&opts, 0, sizeof opts);
    opts.rule_files = files;
    opts.nrule_files = 1;
    opts.flags = KG_EXTRACT_EXPLAIN;
    rc = kg_extractor_new(&ex, &opts, &err);
    if (rc != KG_OK) {
        if (!err.msg[0] || ex)
            abort(); /* every refusal says why */
        return 0;
    }
    /* the article: what follows the NUL (made valid UTF-8 without NULs
     * the way a reader would), else the fixed one */
    memset(&doc, 0, sizeof doc);
    doc.id = doc_id;
    doc.path = doc_path;
    if (nul && size - nrules > 1) {
        size_t i, n = size - nrules - 1;
        if (!(text = malloc(n + 1)))
            abort();
        for (i = 0; i < n; i++) {
            unsigned char c = nul[1 + i];
            text[i] = (char)(c == 0 || c >= 0x80 ? ' ' : c);
        }
        text[n] = '\0';
        doc.text = text;
        doc.text_len = n;
    } else {
        text = NULL;
        doc.text = article;
        doc.text_len = sizeof article - 1;
    }
    rc = kg_extract_doc(ex, NULL, &doc, check, NULL, &err);
    if (rc != KG_OK && rc != KG_ENOMEM)
        abort();
    free(text);
    kg_extractor_free(ex);
    return 0;
}
