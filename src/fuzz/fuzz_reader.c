/*
 * fuzz_reader.c: libFuzzer target for the article readers (src/doc/).
 *
 * The first byte chooses how the rest is read: as a .txt, .jsonl or
 * .html file or as a file without extension (format sniffed); the bytes
 * go to a temporary file and every article and error is read from it with
 * a small size limit.  Each article must come out as valid UTF-8.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kg/kg.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void cleanup(void)
{
    static const char *const exts[] = {".txt", ".jsonl", ".html", ""};
    char path[128];
    size_t i;
    for (i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/in%s", dir, exts[i]);
        remove(path);
    }
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    kg_init();
    snprintf(dir, sizeof dir, "/tmp/kg-fuzz-reader-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    atexit(cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const exts[] = {".txt", ".jsonl", ".html", ""};
    char path[128];
    const char *paths[1];
    kg_reader_opts opts = {{2024, 6, 15}, 1 << 16};
    kg_reader *r = NULL;
    kg_error err = {0, ""};
    kg_doc *doc;
    FILE *f;
    int rc, n = 0;
    if (size < 1)
        return 0;
    snprintf(path, sizeof path, "%s/in%s", dir, exts[data[0] & 3]);
    f = fopen(path, "wb");
    if (!f)
        abort();
    if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1)
        abort();
    fclose(f);
    paths[0] = path;
    if (kg_reader_new(&r, paths, 1, &opts, &err) != KG_OK)
        abort();
    while ((rc = kg_reader_next(r, &doc, &err)) != 0 && n++ < 100000) {
        if (rc < 0) {
            if (!err.msg[0])
                abort(); /* every error says what went wrong */
            continue;
        }
        if (!doc->id || !doc->path || !doc->text ||
            strlen(doc->text) != doc->text_len ||
            !kg_utf8_valid(doc->text, doc->text_len))
            abort();
        kg_doc_free(doc);
    }
    kg_reader_free(r);
    return 0;
}
