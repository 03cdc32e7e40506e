/*
 * error.h: return codes and the caller-owned error buffer used by every
 * fallible function of the corpgraph library.
 *
 * A function returns KG_OK (0) or a negative KG_E* code and, when the caller
 * passes a kg_error, writes a one-line message into it ("cannot open store
 * 'x.db': file is not a database").  The library never prints and never
 * exits; the CLI turns codes into exit statuses.
 */
#ifndef KG_ERROR_H
#define KG_ERROR_H

#include <stddef.h>

typedef enum kg_code {
    KG_OK = 0,
    KG_ERROR = -1,     /* generic failure */
    KG_ENOMEM = -2,    /* out of memory */
    KG_EINVAL = -3,    /* bad input: malformed article, line, date, name */
    KG_ENOTFOUND = -4, /* no such file, entity, revision */
    KG_EEXISTS = -5,   /* already there (a duplicate document, an alias) */
    KG_EIO = -6,       /* read or write failed */
    KG_ESTORE = -7,    /* SQLite reported an error or a foreign/newer file */
    KG_EBUSY = -8,     /* the store is locked by another writer */
    KG_EGRAPH = -9,    /* igraph reported an error */
    KG_ERENDER = -10   /* Graphviz reported an error */
} kg_code;

#define KG_ERROR_MSG_LEN 512

/* Details of the last failure; caller-allocated, may be NULL everywhere. */
typedef struct kg_error {
    int code;
    char msg[KG_ERROR_MSG_LEN];
} kg_error;

/*
 * Record a failure in err (if not NULL) and return code, so that a failure
 * is one line: return kg_error_set(err, KG_EINVAL, "bad date '%s'", s);
 */
int kg_error_set(kg_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Prefix the existing message with more context: "file.txt: <old msg>". */
int kg_error_prefix(kg_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Reset err to KG_OK with an empty message; NULL is allowed. */
void kg_error_clear(kg_error *err);

/* Static text for a code ("out of memory"); never NULL. */
const char *kg_strerror(int code);

/*
 * Initialise the library once per process (installs igraph's non-aborting
 * error handler and Graphviz's error hook).  Safe to call more than once.
 */
int kg_init(void);

#endif
