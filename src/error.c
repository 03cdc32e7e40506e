/*
 * error.c: the code -> message table and the kg_error helpers of error.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kg/error.h"

/* One row per code, in code order (0, -1, -2, ...). */
static const char *const messages[] = {
    "success",                 /* KG_OK */
    "error",                   /* KG_ERROR */
    "out of memory",           /* KG_ENOMEM */
    "invalid input",           /* KG_EINVAL */
    "not found",               /* KG_ENOTFOUND */
    "already exists",          /* KG_EEXISTS */
    "input/output error",      /* KG_EIO */
    "store error",             /* KG_ESTORE */
    "store is busy",           /* KG_EBUSY */
    "graph analysis error",    /* KG_EGRAPH */
    "rendering error",         /* KG_ERENDER */
};

const char *kg_strerror(int code)
{
    size_t i = code <= 0 ? (size_t)-code : 1;
    if (i >= sizeof messages / sizeof messages[0])
        i = 1;
    return messages[i];
}

int kg_error_set(kg_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    if (!err)
        return code;
    err->code = code;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

int kg_error_prefix(kg_error *err, const char *fmt, ...)
{
    char old[KG_ERROR_MSG_LEN];
    size_t n;
    va_list ap;
    if (!err)
        return KG_ERROR;
    memcpy(old, err->msg, sizeof old);
    if (!old[0])
        snprintf(old, sizeof old, "%s", kg_strerror(err->code));
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    n = strlen(err->msg);
    if (n + 3 < sizeof err->msg) {
        size_t room = sizeof err->msg - n - 3, len = strlen(old);
        memcpy(err->msg + n, ": ", 2);
        if (len > room)
            len = room;
        memcpy(err->msg + n + 2, old, len);
        err->msg[n + 2 + len] = '\0';
    }
    return err->code;
}

void kg_error_clear(kg_error *err)
{
    if (!err)
        return;
    err->code = KG_OK;
    err->msg[0] = '\0';
}
