/*
 * date.h: calendar dates that keep their precision.
 *
 * A kg_date is a year, a month or a day: {2019,0,0} is "2019",
 * {2023,3,0} is "2023-03", {2025,10,27} is "2025-10-27" and {0,0,0} is
 * unknown.  "since 2019" is never silently turned into 2019-01-01: code that
 * needs a day asks for the first or last day the date covers.
 */
#ifndef KG_DATE_H
#define KG_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef struct kg_date {
    int year;  /* 0 = unknown */
    int month; /* 0 = year precision */
    int day;   /* 0 = month precision */
} kg_date;

typedef enum kg_precision {
    KG_PREC_NONE = 0,
    KG_PREC_YEAR = 1,
    KG_PREC_MONTH = 2,
    KG_PREC_DAY = 3
} kg_precision;

#define KG_DATE_UNKNOWN ((kg_date){0, 0, 0})
#define KG_DATE_STRLEN 11 /* "YYYY-MM-DD" and the NUL */

/*
 * Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (exactly; years 1000..9999) and
 * check the calendar.  len may be (size_t)-1 for a NUL-terminated string.
 * @return KG_OK or KG_EINVAL.
 */
int kg_date_parse(kg_date *out, const char *s, size_t len);

/* Write the date in its own precision into buf; "" if unknown. Returns len. */
int kg_date_format(char buf[KG_DATE_STRLEN], kg_date d);

kg_precision kg_date_precision(kg_date d);
int kg_date_is_set(kg_date d);
int kg_date_valid(kg_date d); /* a real calendar date at its precision */

/* Days since 1970-01-01 of the first / last day the date covers. */
int32_t kg_date_first_day(kg_date d);
int32_t kg_date_last_day(kg_date d);
kg_date kg_date_from_days(int32_t days); /* day precision */
int kg_days_in_month(int year, int month);

/*
 * Order two dates by their first day, then by precision (coarser first), so
 * that "2019" < "2019-01" < "2019-01-01" < "2019-01-02".
 */
int kg_date_cmp(kg_date a, kg_date b);

#endif
