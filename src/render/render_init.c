/*
 * render_init.c: Graphviz's global error hook.  cgraph prints errors to
 * stderr by default; the library must not print, so each message is kept
 * (the last one, and a count of errors) and read back where a call fails
 * or where Graphviz reports an error without failing (a malformed
 * HTML-like label makes gvLayout return 0 and only say so here).
 */
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "internal.h"
#include "render/render_int.h"

static char last_msg[512];
static unsigned n_errors;

static int keep_quiet(char *msg)
{
    size_t len;
    if (!msg)
        return 0;
    /* cgraph calls this once per piece of a message: keep whole lines */
    if (strncmp(msg, "Error", 5) == 0 || strncmp(msg, "Warning", 7) == 0) {
        last_msg[0] = '\0';
        if (msg[0] == 'E')
            n_errors++;
    }
    len = strlen(last_msg);
    if (len + 1 < sizeof last_msg) {
        strncat(last_msg, msg, sizeof last_msg - len - 1);
    }
    return 0;
}

void kg_render__init(void)
{
    agseterrf(keep_quiet);
}

unsigned kg_render__errors(void)
{
    return n_errors;
}

const char *kg_render__last_message(void)
{
    char *nl;
    if (!last_msg[0]) {
        /* below the print level cgraph keeps messages for aglasterr() */
        char *kept = aglasterr();
        if (kept) {
            strncpy(last_msg, kept, sizeof last_msg - 1);
            last_msg[sizeof last_msg - 1] = '\0';
            free(kept); /* aglasterr's buffer is malloc'd for the caller */
        }
    }
    /* one line, without the "Error: " prefix and trailing newline */
    while ((nl = strrchr(last_msg, '\n')) && nl[1] == '\0')
        *nl = '\0';
    while ((nl = strchr(last_msg, '\n')))
        *nl = ' ';
    if (strncmp(last_msg, "Error: ", 7) == 0)
        return last_msg + 7;
    return last_msg[0] ? last_msg : "unknown Graphviz error";
}
