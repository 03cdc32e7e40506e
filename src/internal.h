/*
 * internal.h: hooks between modules that are not public API.  Each module
 * keeps its own private header (src/<mod>/<mod>_int.h); this one only
 * holds what kg_init() needs to call.
 */
#ifndef KG_INTERNAL_H
#define KG_INTERNAL_H

/* Install igraph's non-aborting error and warning handlers (src/graph). */
void kg_graph__init(void);

/* Route Graphviz error messages away from stderr (src/render). */
void kg_render__init(void);

#endif
