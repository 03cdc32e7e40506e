/*
 * graph_init.c: igraph's global handlers.  igraph's default error handler
 * aborts the process; we install the "ignore" handler so that every igraph
 * call returns its error code and the caller cleans up (STYLE.md 4), and a
 * warning handler that drops warnings (the library never prints).  The C
 * attribute handler is installed so that the GraphML/GML writers see the
 * attributes graph.c sets (igraph pitfall 4).
 */
#include <igraph.h>

#include "internal.h"

static void quiet_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void kg_graph__init(void)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(quiet_warning);
    igraph_set_attribute_table(&igraph_cattribute_table);
}
