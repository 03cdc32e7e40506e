/*
 * json_int.h: one JSONL line into a cJSON tree, for the two JSON readers
 * (articles in src/doc/doc.c, triples in src/triple.c).  cJSON builds the
 * tree; json.c first checks what cJSON lets through and JSON does not
 * allow, so a line is accepted or refused as RFC 8259 says.
 */
#ifndef KG_JSON_INT_H
#define KG_JSON_INT_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "kg/error.h"

/* kg_json__parse flags. */
enum kg_json_flags {
    KG_JSON_UNIQUE = 1 << 0 /* refuse a name repeated in one object */
};

/*
 * Parse s[0..len), one JSON value with white space around it.  Refused,
 * with the 1-based byte column of the fault in err ("... (column N)"):
 * what cJSON refuses, and also invalid UTF-8 in a string, control
 * characters (in a string, or outside one except space, tab, CR, LF),
 * bytes >= 0x80 outside a string, an escaped NUL ("\u0000", which would
 * cut a cJSON string), numbers outside JSON's syntax ("01", "1.", "+1"),
 * integers beyond 64 bits and reals beyond a double, anything after the
 * value, and with KG_JSON_UNIQUE a repeated member name in any object.
 * Nesting deeper than cJSON's limit (1000) is refused too.
 * @param out    the tree, owned by the caller (cJSON_Delete); NULL on error
 * @param flags  a set of kg_json_flags
 * @return KG_OK, KG_EINVAL or KG_ENOMEM, with err set.
 */
int kg_json__parse(cJSON **out, const char *s, size_t len, unsigned flags,
                   kg_error *err);

/*
 * The value of an integer member: 1 with *out set when v is a number with
 * no fraction that a double holds exactly (|v| < 2^53), else 0.
 */
int kg_json__integer(long long *out, const cJSON *v);

#endif
