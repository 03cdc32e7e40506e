/*
 * fuzz_extract.c: libFuzzer target for the extractor (src/extract/).
 *
 * The bytes become an article the way a user's file would: written to a
 * temporary .txt file and read back by the reader (so the text is valid
 * UTF-8, as doc.h promises), then every triple is extracted with
 * explanations on.  Each triple must carry names, a valid relation and
 * status, and an evidence span inside the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kg/kg.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], path[128];
static kg_extractor *ex;

static void cleanup(void)
{
    kg_extractor_free(ex);
    remove(path);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    kg_extract_opts opts;
    (void)argc;
    (void)argv;
    kg_init();
    memset(&opts, 0, sizeof opts);
    opts.flags = KG_EXTRACT_EXPLAIN;
    if (kg_extractor_new(&ex, &opts, NULL) != KG_OK)
        abort();
    snprintf(dir, sizeof dir, "/tmp/kg-fuzz-extract-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof path, "%s/in.txt", dir);
    atexit(cleanup);
    return 0;
}

static int check(const kg_triple *t, const kg_explain *why, void *payload)
{
    const kg_doc *doc = payload;
    kg_buf b = KG_BUF_INIT;
    if (!t->subject || !t->object || !t->subject[0] || !t->object[0] ||
        (int)t->relation < 0 || t->relation >= KG_REL__COUNT ||
        (int)t->status < 0 || t->status >= KG_STATUS__COUNT ||
        !(t->confidence >= 0 && t->confidence <= 1))
        abort();
    if (t->span_start >= 0 &&
        (t->span_end < t->span_start ||
         (size_t)t->span_end > doc->text_len))
        abort();
    if (why && why->sentence)
        (void)strlen(why->sentence);
    if (kg_triple_write_json(&b, t) != KG_OK)
        abort();
    kg_buf_release(&b);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *paths[1];
    kg_reader_opts opts = {{2024, 6, 15}, 1 << 16};
    kg_reader *r = NULL;
    kg_doc *doc;
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    paths[0] = path;
    if (kg_reader_new(&r, paths, 1, &opts, NULL) != KG_OK)
        abort();
    while (kg_reader_next(r, &doc, NULL) > 0) {
        kg_error err = {0, ""};
        int rc = kg_extract_doc(ex, NULL, doc, check, doc, &err);
        if (rc != KG_OK && rc != KG_ENOMEM && !err.msg[0])
            abort();
        kg_doc_free(doc);
    }
    kg_reader_free(r);
    return 0;
}
