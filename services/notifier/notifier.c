/*  sunwai-notifier: turns outbox jobs into messages (X replies and DMs,
    unit alerts by mention, webhook, e-mail and SMS), each exactly once.

    This file holds the process shell and the job socket; delivery lands in
    issue #6.  Jobs live in the outbox table, so nothing is lost meanwhile:
    the socket is only a wake-up. */
#include "notifier.h"
#include "sw_frame.h"
#include "sw_log.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <stdlib.h>

static const sw_config_key_t s_keys[] = {
    { "http.port", SW_CONFIG_INT, "9104", 0, 65535, NULL, false, NULL,
      "TCP port for /healthz, /readyz and /metrics" },
    { "in.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5560", 0, 0, NULL, false, NULL,
      "PULL socket for notification jobs from router" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

typedef struct {
    sw_server_t *server;     //  the process skeleton
    zsock_t *in;             //  PULL jobs
    sw_counter_t *received;  //  jobs decoded
    sw_counter_t *bad;       //  undecodable frames
} notifier_t;

static int
s_on_job (zloop_t *loop, zsock_t *reader, void *arg)
{
    notifier_t *self = (notifier_t *) arg;
    Sunwai__V1__NotificationJob *job = (Sunwai__V1__NotificationJob *) sw_frame_recv (
        reader, &sunwai__v1__notification_job__descriptor, sw_server_db (self->server),
        "notifier", self->bad);
    if (job) {
        sw_counter_inc (self->received);
        protobuf_c_message_free_unpacked (&job->base, NULL);
    }
    return 0;
}

static void *
s_create (sw_server_t *server)
{
    notifier_t *self = calloc (1, sizeof *self);
    sw_metrics_t *metrics = sw_server_metrics (server);
    self->server = server;
    self->in = zsock_new_pull (sw_config_str (sw_server_config (server), "in.endpoint"));
    if (!self->in) {
        sw_log (SW_LOG_ERROR, "could not open the job socket");
        free (self);
        return NULL;
    }
    self->received = sw_metrics_counter (metrics, "sunwai_notifier_jobs_received_total",
                                         "Notification jobs received on the socket.", NULL);
    self->bad = sw_metrics_counter (metrics, "sunwai_frames_undecodable_total",
                                    "Frames that could not be decoded.", "socket=\"in\"");
    zloop_reader (sw_server_loop (server), self->in, s_on_job, self);
    return self;
}

static void
s_destroy (void **state_p)
{
    notifier_t *self = (notifier_t *) *state_p;
    zsock_destroy (&self->in);
    free (self);
    *state_p = NULL;
}

const sw_service_t notifier_service = {
    .name = "sunwai-notifier",
    .summary = "Delivers notifications from the outbox: replies and DMs to citizens on X,\n"
               "alerts to units by mention, webhook, e-mail or SMS; each exactly once.",
    .keys = s_keys,
    .uses_db = true,
    .create = s_create,
    .destroy = s_destroy,
};
