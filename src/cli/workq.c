/*
 * workq.c: the ordered work queue of workq.h: a ring of slots, one mutex
 * and two condition variables (work to do, work finished).
 */
#include <stdlib.h>

#include "cli/workq.h"

static void *worker(void *arg)
{
    cli_workq *q = arg;
    long me;
    pthread_mutex_lock(&q->mu);
    me = q->named++;
    pthread_mutex_unlock(&q->mu);
    for (;;) {
        size_t i;
        pthread_mutex_lock(&q->mu);
        while (!q->stop && q->taken == q->head)
            pthread_cond_wait(&q->work, &q->mu);
        if (q->taken == q->head) { /* stopping and nothing left */
            pthread_mutex_unlock(&q->mu);
            return NULL;
        }
        i = q->taken++ % q->nslots;
        pthread_mutex_unlock(&q->mu);
        q->fn(q->slots + i * q->size, q->payload, me);
        pthread_mutex_lock(&q->mu);
        q->done[i] = 1;
        pthread_cond_broadcast(&q->finished);
        pthread_mutex_unlock(&q->mu);
    }
}

int cli_workq_start(cli_workq *q, void *slots, size_t nslots, size_t size,
                    long nthreads, cli_work_fn fn, void *payload)
{
    q->slots = slots;
    q->nslots = nslots;
    q->size = size;
    q->head = q->taken = q->tail = 0;
    q->stop = 0;
    q->fn = fn;
    q->payload = payload;
    q->nth = q->named = 0;
    q->done = NULL;
    if (nslots == 0 || nthreads < 0 || nthreads > CLI_WORKQ_MAX_THREADS ||
        !(q->done = calloc(nslots, 1)))
        return -1;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->work, NULL);
    pthread_cond_init(&q->finished, NULL);
    for (q->nth = 0; q->nth < nthreads; q->nth++)
        if (pthread_create(&q->th[q->nth], NULL, worker, q) != 0)
            break;
    if (nthreads > 0 && q->nth == 0) {
        cli_workq_stop(q);
        return -1;
    }
    return 0;
}

void *cli_workq_free_slot(cli_workq *q)
{
    /* only the calling thread moves head and tail: no lock needed */
    if (q->head - q->tail == q->nslots)
        return NULL;
    return q->slots + (q->head % q->nslots) * q->size;
}

void cli_workq_push(cli_workq *q)
{
    size_t i = q->head % q->nslots;
    if (q->nth == 0) {
        q->fn(q->slots + i * q->size, q->payload, 0);
        q->done[i] = 1;
        q->head++;
        q->taken = q->head;
        return;
    }
    pthread_mutex_lock(&q->mu);
    q->done[i] = 0;
    q->head++;
    pthread_cond_signal(&q->work);
    pthread_mutex_unlock(&q->mu);
}

void *cli_workq_oldest(cli_workq *q)
{
    size_t i = q->tail % q->nslots;
    if (q->tail == q->head)
        return NULL;
    if (q->nth > 0) {
        pthread_mutex_lock(&q->mu);
        while (!q->done[i])
            pthread_cond_wait(&q->finished, &q->mu);
        pthread_mutex_unlock(&q->mu);
    }
    return q->slots + i * q->size;
}

void cli_workq_pop(cli_workq *q)
{
    pthread_mutex_lock(&q->mu);
    q->done[q->tail % q->nslots] = 0;
    q->tail++;
    pthread_mutex_unlock(&q->mu);
}

void cli_workq_stop(cli_workq *q)
{
    long i;
    if (!q->done)
        return;
    pthread_mutex_lock(&q->mu);
    q->stop = 1;
    pthread_cond_broadcast(&q->work);
    pthread_mutex_unlock(&q->mu);
    for (i = 0; i < q->nth; i++)
        pthread_join(q->th[i], NULL);
    q->nth = 0;
    pthread_cond_destroy(&q->finished);
    pthread_cond_destroy(&q->work);
    pthread_mutex_destroy(&q->mu);
    free(q->done);
    q->done = NULL;
}
