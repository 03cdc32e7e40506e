/*
 * workq.h: an ordered work queue for the commands that overlap reading,
 * parsing and writing (extract -j, load).
 *
 * The calling thread fills slots in input order and pushes them; worker
 * threads process them (cli_work_fn, any order, several at once); the
 * calling thread takes them back in the order they were pushed.  So what
 * it writes does not depend on the number of workers, and the ring of
 * slots bounds the memory in flight.  With no workers the work runs in
 * cli_workq_push on the calling thread.
 *
 * Only the calling thread fills and takes back slots; a worker touches
 * only the slot it was given, so slots need no locking of their own.
 */
#ifndef KG_CLI_WORKQ_H
#define KG_CLI_WORKQ_H

#include <pthread.h>
#include <stddef.h>

#define CLI_WORKQ_MAX_THREADS 64

/*
 * Process one slot (on a worker thread); payload as given to start.
 * worker (0 .. nthreads - 1; 0 with no threads) names the thread, for
 * memory that each thread keeps for itself across slots.
 */
typedef void (*cli_work_fn)(void *slot, void *payload, long worker);

typedef struct cli_workq {
    char *slots;      /* nslots * size bytes, the caller's */
    size_t size, nslots;
    unsigned char *done; /* per slot: processed, owned by the caller again */
    size_t head;      /* slots pushed so far */
    size_t taken;     /* slots handed to a worker so far */
    size_t tail;      /* slots taken back so far */
    int stop;
    cli_work_fn fn;
    void *payload;
    pthread_t th[CLI_WORKQ_MAX_THREADS];
    long nth;
    long named;       /* workers that have taken their index */
    pthread_mutex_t mu;
    pthread_cond_t work, finished;
} cli_workq;

/*
 * Start nthreads workers (0 to CLI_WORKQ_MAX_THREADS) over nslots slots
 * of size bytes each at slots (owned by the caller, who initialises
 * them).  0 on success; -1 when no memory or not one thread could start
 * (nothing is left to stop then).
 */
int cli_workq_start(cli_workq *q, void *slots, size_t nslots, size_t size,
                    long nthreads, cli_work_fn fn, void *payload);

/*
 * The slot to fill next, or NULL when every slot is in flight (take the
 * oldest back first).  Filling it and not pushing it is allowed: it is
 * offered again.
 */
void *cli_workq_free_slot(cli_workq *q);

/* Hand the slot from cli_workq_free_slot to the workers. */
void cli_workq_push(cli_workq *q);

/*
 * The oldest pushed slot, once processed (waits for it); NULL when no slot
 * is in flight.  It stays the caller's until cli_workq_pop.
 */
void *cli_workq_oldest(cli_workq *q);

/* The oldest slot (from cli_workq_oldest) may be filled again. */
void cli_workq_pop(cli_workq *q);

/*
 * Let the workers finish the slots they hold, stop and join them.  Slots
 * still in flight stay as they are, for the caller to release.
 */
void cli_workq_stop(cli_workq *q);

#endif
