/*
 * init.c: kg_init(), the one-time set-up of the third-party libraries.
 */
#include "internal.h"
#include "kg/error.h"

int kg_init(void)
{
    static int done;
    if (done)
        return KG_OK;
    done = 1;
    kg_graph__init();
    kg_render__init();
    return KG_OK;
}
