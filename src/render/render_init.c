/*
 * render_init.c: Graphviz's global error hook.  cgraph prints errors to
 * stderr by default; the library must not print, so messages are kept and
 * read back with aglasterr() where a call fails.
 */
#include <graphviz/cgraph.h>

#include "internal.h"

static int keep_quiet(char *msg)
{
    (void)msg;
    return 0;
}

void kg_render__init(void)
{
    agseterrf(keep_quiet);
}
