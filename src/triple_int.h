/*
 * triple_int.h: shared between triple.c and triple_fast.c only.
 */
#ifndef KG_TRIPLE_INT_H
#define KG_TRIPLE_INT_H

#include <stddef.h>

#include "kg/triple.h"

/*
 * Fast path of kg_triple_parse_json (triple_fast.c): 0 with out filled for
 * the lines it fully understands, 1 to fall back to cJSON.  out must be
 * kg_triple_init()ed; strings are copied into pool.
 */
int kg_triple__parse_fast(kg_triple *out, kg_pool *pool, const char *line,
                          size_t len);

/*
 * The general path of kg_triple_parse_json (triple.c): the line through
 * cJSON (kg_json__parse, repeated names refused) and every check, with
 * the error message.  The fast path must give the same on the lines it
 * takes; tests/unit/test_triple_fast.c compares the two.
 */
int kg_triple__parse_tree(kg_triple *out, kg_pool *pool, const char *line,
                          size_t len, kg_error *err);

#endif
