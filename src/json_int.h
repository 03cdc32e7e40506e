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
#include "kg/util.h"

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

/*
 * One member of a flat object (kg_json__flat), as it stands in the line:
 * the name (without quotes and escapes), the value's bytes (a string's
 * without its quotes) and whether a string value holds escapes.
 */
typedef struct kg_json_member {
    const char *name;
    size_t name_len;
    const char *val;
    size_t val_len;
    int type; /* cJSON_String, cJSON_Number, cJSON_NULL, cJSON_True, ... */
    int esc;
} kg_json_member;

/*
 * The quick way through the usual line: 1 if s[0..len) is one object of
 * at most cap members, each name a string without escapes and each value
 * a string, a number, true, false or null, which kg_json__parse would
 * accept; its members, in order, in out[0..*n).  0 for anything else
 * (nesting, escaped names, more members, any fault): kg_json__parse then
 * says what it is.  out borrows from s.
 */
int kg_json__flat(kg_json_member *out, size_t *n, size_t cap, const char *s,
                  size_t len);

/*
 * The string body s[0..n) of a member kg_json__flat accepted, with its
 * escapes decoded as cJSON does ("\u00e9" as UTF-8, surrogate pairs
 * joined), in out (emptied first, NUL-terminated).
 * @return KG_OK or KG_ENOMEM.
 */
int kg_json__unescape(kg_buf *out, const char *s, size_t n);

#endif
