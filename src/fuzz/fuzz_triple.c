/*
 * fuzz_triple.c: libFuzzer target for the triple line parser
 * (kg_triple_parse_json: the scanner in src/triple_fast.c and the cJSON
 * path behind it).
 *
 * The input is one line.  A refused line must say why; a read one must
 * have valid UTF-8 names, and writing it out and reading that back must
 * give the same bytes again (the written line takes the scanner, the
 * fuzzed one mostly the cJSON path, so the two paths are compared).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg/kg.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    kg_init();
    return 0;
}

/* 1 if s is NULL or valid UTF-8. */
static int utf8_or_null(const char *s)
{
    return !s || kg_utf8_valid(s, strlen(s));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_pool pool = KG_POOL_INIT;
    kg_buf once = KG_BUF_INIT, twice = KG_BUF_INIT;
    kg_error err = {0, ""};
    kg_triple t, u;
    if (kg_triple_parse_json(&t, &pool, (const char *)data, size, &err) !=
        KG_OK) {
        if (!err.msg[0])
            abort(); /* every error says what went wrong */
        goto done;
    }
    if (!t.doc || !t.subject || !t.object || !utf8_or_null(t.subject) ||
        !utf8_or_null(t.object) || !utf8_or_null(t.evidence))
        abort();
    if (kg_triple_write_json(&once, &t) != KG_OK)
        abort();
    if (kg_triple_parse_json(&u, &pool, once.ptr, once.len - 1, &err) !=
            KG_OK ||
        kg_triple_write_json(&twice, &u) != KG_OK)
        abort();
    if (once.len != twice.len || memcmp(once.ptr, twice.ptr, once.len) != 0)
        abort();
done:
    kg_buf_release(&once);
    kg_buf_release(&twice);
    kg_pool_release(&pool);
    return 0;
}
