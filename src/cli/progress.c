/*
 * progress.c: the progress bar of progress.h.  "\r" redraws one line on
 * stderr: a bar, percent, items/s, triples and the time left, estimated
 * from the bytes read so far.
 */
#include <stdio.h>
#include <time.h>

#include "cli/progress.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(cli_progress *p, int on, const char *unit)
{
    p->on = on;
    p->unit = unit;
    p->start = p->last = now_s();
    p->drawn = 0;
}

void cli_progress_update(cli_progress *p, size_t done, size_t total,
                         long long items, long long triples)
{
    double t, el, rate, frac;
    char bar[31];
    int i, fill;
    if (!p->on)
        return;
    t = now_s();
    if (t - p->last < 0.1)
        return;
    p->last = t;
    el = t - p->start;
    rate = el > 0 ? (double)items / el : 0;
    frac = total ? (double)done / (double)total : 0;
    if (frac > 1)
        frac = 1;
    fill = (int)(frac * 30);
    for (i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[30] = '\0';
    if (total && frac > 0.001)
        fprintf(stderr, "\r[%s] %3d%%  %.0f %s/s  %lld triples  ETA %.0fs ",
                bar, (int)(frac * 100), rate, p->unit, triples,
                el / frac - el);
    else
        fprintf(stderr, "\r%lld %s  %.0f/s  %lld triples ", items, p->unit,
                rate, triples);
    fflush(stderr);
    p->drawn = 1;
}

void cli_progress_end(cli_progress *p)
{
    if (p->on && p->drawn) {
        fprintf(stderr, "\r%79s\r", "");
        fflush(stderr);
    }
    p->drawn = 0;
}
