/*  nt_rate: token buckets with a remote-imposed pause. */
#include "nt_rate.h"

static void
s_refill (nt_rate_t *self, double now)
{
    if (now > self->last) {
        self->tokens += (now - self->last) * self->rate;
        if (self->tokens > self->burst)
            self->tokens = self->burst;
        self->last = now;
    }
}

void
nt_rate_init (nt_rate_t *self, double rate, double burst, double now)
{
    self->rate = rate > 0 ? rate : 0;
    self->burst = burst >= 1 ? burst : 1;
    self->tokens = self->burst;
    self->last = now;
    self->paused_until = 0;
}

bool
nt_rate_take (nt_rate_t *self, double now)
{
    if (now < self->paused_until)
        return false;
    if (self->rate == 0)
        return true;
    s_refill (self, now);
    if (self->tokens < 1)
        return false;
    self->tokens -= 1;
    return true;
}

double
nt_rate_wait (nt_rate_t *self, double now)
{
    double wait = self->paused_until > now ? self->paused_until - now : 0;
    if (self->rate > 0) {
        s_refill (self, now);
        double refill = self->tokens >= 1 ? 0 : (1 - self->tokens) / self->rate;
        if (refill > wait)
            wait = refill;
    }
    return wait;
}

void
nt_rate_pause (nt_rate_t *self, double until)
{
    if (until > self->paused_until)
        self->paused_until = until;
}
