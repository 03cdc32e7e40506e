/*
 * exit.h: the exit statuses of corpgraph (documented in README "Exit
 * codes") and the helpers that print a diagnostic and return one.  Only
 * src/cli/main.c ends the process.
 */
#ifndef KG_CLI_EXIT_H
#define KG_CLI_EXIT_H

enum {
    KG_EXIT_OK = 0,      /* success */
    KG_EXIT_ERROR = 1,   /* the command failed; nothing was changed */
    KG_EXIT_USAGE = 2,   /* bad command line */
    KG_EXIT_PARTIAL = 3, /* some inputs were bad; the rest was processed */
    KG_EXIT_BUSY = 4     /* the store is locked by another writer */
};

/* Print "corpgraph: <message>" on stderr; return KG_EXIT_ERROR. */
int cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Print "corpgraph: <message>" and a hint to use --help; KG_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Print "corpgraph: warning: <message>" on stderr. */
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* The exit status for a library code: KG_EBUSY -> 4, others -> 1. */
int cli_exit_for(int code);

#endif
