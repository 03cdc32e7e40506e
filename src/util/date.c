/*
 * date.c: kg_date, dates with year, month or day precision (date.h).
 * Day numbers are days since 1970-01-01 in the proleptic Gregorian
 * calendar (the civil-from-days algorithm, done with integers only).
 */
#include <stdio.h>
#include <string.h>

#include "kg/date.h"
#include "kg/error.h"

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int kg_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return days[month - 1] + (month == 2 && is_leap(year));
}

kg_precision kg_date_precision(kg_date d)
{
    if (!d.year)
        return KG_PREC_NONE;
    if (!d.month)
        return KG_PREC_YEAR;
    return d.day ? KG_PREC_DAY : KG_PREC_MONTH;
}

int kg_date_is_set(kg_date d)
{
    return d.year != 0;
}

int kg_date_valid(kg_date d)
{
    if (d.year < 1000 || d.year > 9999)
        return 0;
    if (d.month == 0)
        return d.day == 0;
    if (d.month < 1 || d.month > 12)
        return 0;
    return d.day == 0 ||
           (d.day >= 1 && d.day <= kg_days_in_month(d.year, d.month));
}

/* Read exactly n ASCII digits at s; -1 if any is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0, i;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int kg_date_parse(kg_date *out, const char *s, size_t len)
{
    kg_date d = {0, 0, 0};
    if (!s)
        return KG_EINVAL;
    if (len == (size_t)-1)
        len = strlen(s);
    if (len != 4 && len != 7 && len != 10)
        return KG_EINVAL;
    d.year = digits(s, 4);
    if (len >= 7) {
        if (s[4] != '-')
            return KG_EINVAL;
        d.month = digits(s + 5, 2);
    }
    if (len == 10) {
        if (s[7] != '-')
            return KG_EINVAL;
        d.day = digits(s + 8, 2);
    }
    if (d.year < 0 || d.month < 0 || d.day < 0 || !kg_date_valid(d) ||
        (len >= 7 && d.month == 0) || (len == 10 && d.day == 0))
        return KG_EINVAL;
    *out = d;
    return KG_OK;
}

/* "00" to "99": two digits at a time. */
static const char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

/* Write v (0..9999) as n (2 or 4) digits with leading zeros at s. */
static void put_digits(char *s, int v, int n)
{
    if (n == 4) {
        memcpy(s, digit_pairs + 2 * (v / 100), 2);
        s += 2;
        v %= 100;
    }
    memcpy(s, digit_pairs + 2 * v, 2);
}

int kg_date_format(char buf[KG_DATE_STRLEN], kg_date d)
{
    kg_precision p = kg_date_precision(d);
    /* the common case by hand: this runs twice per extracted triple */
    if (p != KG_PREC_NONE && d.year >= 0 && d.year <= 9999 &&
        d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99) {
        int n = p == KG_PREC_YEAR ? 4 : p == KG_PREC_MONTH ? 7 : 10;
        put_digits(buf, d.year, 4);
        if (n > 4) {
            buf[4] = '-';
            put_digits(buf + 5, d.month, 2);
        }
        if (n > 7) {
            buf[7] = '-';
            put_digits(buf + 8, d.day, 2);
        }
        buf[n] = '\0';
        return n;
    }
    switch (p) {
    case KG_PREC_YEAR:
        return snprintf(buf, KG_DATE_STRLEN, "%04d", d.year);
    case KG_PREC_MONTH:
        return snprintf(buf, KG_DATE_STRLEN, "%04d-%02d", d.year, d.month);
    case KG_PREC_DAY:
        return snprintf(buf, KG_DATE_STRLEN, "%04d-%02d-%02d", d.year,
                        d.month, d.day);
    default:
        buf[0] = '\0';
        return 0;
    }
}

/* Days since 1970-01-01 of y-m-d (Howard Hinnant's days_from_civil). */
static int32_t days_from_civil(int y, int m, int d)
{
    int era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

kg_date kg_date_from_days(int32_t z)
{
    kg_date out;
    int32_t era, doe, yoe, y, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    out.day = doy - (153 * mp + 2) / 5 + 1;
    out.month = mp < 10 ? mp + 3 : mp - 9;
    out.year = y + (out.month <= 2);
    return out;
}

int32_t kg_date_first_day(kg_date d)
{
    return days_from_civil(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

int32_t kg_date_last_day(kg_date d)
{
    int m = d.month ? d.month : 12;
    int day = d.day ? d.day : kg_days_in_month(d.year, m);
    return days_from_civil(d.year, m, day);
}

int kg_date_cmp(kg_date a, kg_date b)
{
    int32_t fa, fb;
    if (!a.year || !b.year)
        return (a.year != 0) - (b.year != 0);
    fa = kg_date_first_day(a);
    fb = kg_date_first_day(b);
    if (fa != fb)
        return fa < fb ? -1 : 1;
    return (int)kg_date_precision(a) - (int)kg_date_precision(b);
}
