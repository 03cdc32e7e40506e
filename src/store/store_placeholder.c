/* store_placeholder.c: PLACEHOLDER until src/store lands (to be deleted). */
#include "kg/store.h"

int kg_store_open(kg_store **out, const char *path, unsigned flags,
                  kg_error *err)
{
    (void)flags;
    *out = NULL;
    return kg_error_set(err, KG_ESTORE, "PLACEHOLDER: cannot open '%s'", path);
}

void kg_store_close(kg_store *st)
{
    (void)st;
}

int kg_store_set_clock(kg_store *st, const char *iso_time, kg_error *err)
{
    (void)st;
    (void)iso_time;
    (void)err;
    return KG_OK;
}
