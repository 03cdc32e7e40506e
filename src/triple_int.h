/*
 * triple_int.h: shared between triple.c and triple_fast.c only.
 */
#ifndef KG_TRIPLE_INT_H
#define KG_TRIPLE_INT_H

#include <stddef.h>

#include "kg/triple.h"

/*
 * Fast path of kg_triple_parse_json (triple_fast.c): 0 with out filled for
 * the lines it fully understands, 1 to fall back to jansson.  out must be
 * kg_triple_init()ed; strings are copied into pool.
 */
int kg_triple__parse_fast(kg_triple *out, kg_pool *pool, const char *line,
                          size_t len);

#endif
