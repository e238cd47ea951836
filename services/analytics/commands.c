/*  commands: the console's case commands, sent to router's ROUTER socket
    (router.endpoint) as sunwai.v1.CaseCommand, answered by CaseReply.

    The console's handlers run on libmicrohttpd's threads, and a ZeroMQ
    socket must only be used by one thread at a time.  So this is a small
    pool of DEALER sockets: a handler borrows one (waiting if all are
    busy), sends, waits for the reply with its request_id, and gives the
    socket back; the pool's mutex hands a socket from thread to thread,
    which is the full memory barrier ZeroMQ asks for when a socket
    migrates.

    A command must never run later than the officer was told it failed:
    the sockets are ZMQ_IMMEDIATE (nothing is queued for a router that is
    not connected), and a socket that timed out waiting is destroyed with
    linger 0 rather than reused, so a late reply or a queued command dies
    with it. */
#include "analytics.h"
#include "sw_frame.h"
#include "sw_log.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

struct _analytics_commands_t {
    char *endpoint;       //  router's commands endpoint (czmq notation)
    sw_curve_t *curve;    //  CURVE client settings (borrowed from the server)
    long timeout_ms;      //  wait for a reply this long
    analytics_slots_t slots; //  which sockets are lent out
    zsock_t **sockets;    //  the pool; each NULL until first needed
    int size;             //  sockets in the pool
};

analytics_commands_t *
analytics_commands_new (const char *endpoint, int pool_size, long timeout_ms, sw_curve_t *curve)
{
    analytics_commands_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->endpoint = strdup (endpoint);
    self->curve = curve;
    self->timeout_ms = timeout_ms;
    self->size = pool_size > 0 ? pool_size : 1;
    self->sockets = calloc ((size_t)self->size, sizeof *self->sockets);
    if (!self->endpoint || !self->sockets || analytics_slots_init (&self->slots, self->size) != 0)
        analytics_commands_destroy (&self);
    return self;
}

void
analytics_commands_destroy (analytics_commands_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    analytics_commands_t *self = *self_p;
    for (int i = 0; self->sockets && i < self->size; i++)
        zsock_destroy (&self->sockets[i]);
    free (self->sockets);
    analytics_slots_fini (&self->slots);
    free (self->endpoint);
    free (self);
    *self_p = NULL;
}

//  Borrow a slot (its socket may be NULL). -1 if none came free in time.
static int
s_borrow (analytics_commands_t *self)
{
    return analytics_slots_take (&self->slots, self->timeout_ms);
}

static void
s_give_back (analytics_commands_t *self, int slot)
{
    analytics_slots_give (&self->slots, slot);
}

Sunwai__V1__CaseReply *
analytics_commands_call (analytics_commands_t *self, Sunwai__V1__CaseCommand *command)
{
    unsigned char raw[16];
    char request_id[33];
    randombytes_buf (raw, sizeof raw);
    sodium_bin2hex (request_id, sizeof request_id, raw, sizeof raw);
    command->request_id = request_id;

    int slot = s_borrow (self);
    if (slot < 0) {
        sw_log_kv (SW_LOG_WARN, "no command socket came free in time", "endpoint", self->endpoint,
                   NULL);
        return NULL;
    }
    //  This thread owns the slot until it gives it back: no lock needed.
    zsock_t *sock = self->sockets[slot];
    if (!sock) {
        sock = zsock_new (ZMQ_DEALER);
        if (sock) {
            zsock_set_linger (sock, 0);
            zsock_set_immediate (sock, 1);
            zsock_set_sndtimeo (sock, (int)self->timeout_ms);
            if (sw_curve_apply (self->curve, sock, false) != 0
                || zsock_attach (sock, self->endpoint, false) != 0)
                zsock_destroy (&sock);
        }
        if (!sock) {
            sw_log_kv (SW_LOG_ERROR, "cannot open the router commands endpoint", "endpoint",
                       self->endpoint, NULL);
            s_give_back (self, slot);
            return NULL;
        }
        self->sockets[slot] = sock;
    }
    Sunwai__V1__CaseReply *reply = NULL;
    bool broken = false;
    int64_t deadline = zclock_mono () + self->timeout_ms;
    if (sw_frame_send (sock, &command->base) != 0) {
        sw_log_kv (SW_LOG_WARN, "could not send a case command to router", "endpoint",
                   self->endpoint, "hint",
                   "Check that sunwai-router is running and "
                   "router.endpoint points at its commands.endpoint.",
                   NULL);
        broken = true;
    }
    while (!broken && !reply) {
        int64_t wait = deadline - zclock_mono ();
        if (wait <= 0) {
            sw_log_kv (SW_LOG_WARN, "router did not answer a case command in time", "endpoint",
                       self->endpoint, "request_id", request_id, NULL);
            broken = true;
            break;
        }
        zsock_set_rcvtimeo (sock, (int)wait);
        zmsg_t *msg = zmsg_recv (sock);
        if (!msg)
            continue;
        char err[256];
        reply = (Sunwai__V1__CaseReply *)sw_frame_decode (msg, &sunwai__v1__case_reply__descriptor,
                                                          err, sizeof err);
        zmsg_destroy (&msg);
        if (!reply) {
            sw_log_kv (SW_LOG_WARN, "could not decode router's reply", "reason", err, NULL);
            broken = true;
        }
        else if (!streq (reply->request_id, request_id)) {
            protobuf_c_message_free_unpacked (&reply->base, NULL);
            reply = NULL;
        }
    }
    if (broken)
        zsock_destroy (&self->sockets[slot]);
    s_give_back (self, slot);
    return reply;
}
