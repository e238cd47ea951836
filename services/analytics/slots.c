/*  slots: which members of a fixed pool (database connections, command
    sockets) are lent to an HTTP handler thread, with a bounded wait for
    one to come back.  The pool's members themselves are the caller's. */
#include "analytics.h"

#include <stdlib.h>
#include <time.h>

int
analytics_slots_init (analytics_slots_t *self, int size)
{
    self->size = size > 0 ? size : 1;
    self->busy = calloc ((size_t) self->size, sizeof *self->busy);
    if (!self->busy)
        return -1;
    pthread_mutex_init (&self->lock, NULL);
    pthread_cond_init (&self->freed, NULL);
    return 0;
}

void
analytics_slots_fini (analytics_slots_t *self)
{
    if (!self->busy)
        return;
    free (self->busy);
    self->busy = NULL;
    pthread_mutex_destroy (&self->lock);
    pthread_cond_destroy (&self->freed);
}

int
analytics_slots_take (analytics_slots_t *self, long timeout_ms)
{
    struct timespec deadline;
    clock_gettime (CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock (&self->lock);
    int found = -1;
    while (found < 0) {
        for (int i = 0; i < self->size && found < 0; i++)
            if (!self->busy[i])
                found = i;
        if (found < 0 && pthread_cond_timedwait (&self->freed, &self->lock, &deadline) != 0)
            break;
    }
    if (found >= 0)
        self->busy[found] = true;
    pthread_mutex_unlock (&self->lock);
    return found;
}

void
analytics_slots_give (analytics_slots_t *self, int slot)
{
    pthread_mutex_lock (&self->lock);
    self->busy[slot] = false;
    pthread_cond_signal (&self->freed);
    pthread_mutex_unlock (&self->lock);
}
