/*  nt_rate: a token bucket per delivery channel, plus a pause until a
    given time for when the remote side says stop (X's 429, or
    x-rate-limit-remaining reaching 0 before x-rate-limit-reset).

    Times are seconds on any monotonic clock the caller chooses; the tests
    pass their own. */
#ifndef NT_RATE_H
#define NT_RATE_H
#include <stdbool.h>

typedef struct {
    double rate;          //  tokens per second; 0 means no limit
    double burst;         //  bucket size
    double tokens;        //  tokens now
    double last;          //  when tokens was last brought up to date
    double paused_until;  //  no sends before this time
} nt_rate_t;

void nt_rate_init (nt_rate_t *self, double rate, double burst, double now);
//  Takes a token if one is there and the channel is not paused.
bool nt_rate_take (nt_rate_t *self, double now);
//  Seconds until a send may happen (0 if it may now).
double nt_rate_wait (nt_rate_t *self, double now);
//  No sends before until (a later pause wins over an earlier one).
void nt_rate_pause (nt_rate_t *self, double until);

#endif
