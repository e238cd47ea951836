/*  sunwai-analytics: tails the events table in sequence order, keeps the
    state's figures, republishes every event on an XPUB socket and answers
    replay requests; serves the dashboard, console and JSON API over HTTP.

    This file holds the process shell and its sockets; the read models, the
    stream and the API land in issue #7. */
#include "analytics.h"
#include "sw_frame.h"
#include "sw_log.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <stdlib.h>

static const sw_config_key_t s_keys[] = {
    { "http.port", SW_CONFIG_INT, "8090", 0, 65535, NULL, false, NULL,
      "TCP port for the dashboard, API, /healthz, /readyz and /metrics" },
    { "stream.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5570", 0, 0, NULL, false, NULL,
      "XPUB socket publishing every event" },
    { "replay.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5571", 0, 0, NULL, false, NULL,
      "ROUTER socket answering replay requests" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

typedef struct {
    sw_server_t *server;   //  the process skeleton
    zsock_t *stream;       //  XPUB events
    zsock_t *replay;       //  ROUTER replay requests
    sw_counter_t *bad;     //  undecodable replay requests
} analytics_t;

//  Replay requests: [identity][type][ReplayRequest].  Until the stream
//  lands, a bad request is counted and dropped; a good one gets nothing.
static int
s_on_replay (zloop_t *loop, zsock_t *reader, void *arg)
{
    analytics_t *self = (analytics_t *) arg;
    zmsg_t *msg = zmsg_recv (reader);
    if (!msg)
        return 0;
    zframe_t *identity = zmsg_pop (msg);
    char err[256];
    ProtobufCMessage *request =
        sw_frame_decode (msg, &sunwai__v1__replay_request__descriptor, err, sizeof err);
    if (!request) {
        sw_counter_inc (self->bad);
        sw_log_kv (SW_LOG_WARN, "could not decode replay request", "reason", err, NULL);
    }
    else
        protobuf_c_message_free_unpacked (request, NULL);
    zframe_destroy (&identity);
    zmsg_destroy (&msg);
    return 0;
}

//  XPUB delivers subscriptions as messages; read them so they do not queue.
static int
s_on_subscription (zloop_t *loop, zsock_t *reader, void *arg)
{
    zmsg_t *msg = zmsg_recv (reader);
    zmsg_destroy (&msg);
    return 0;
}

static void *
s_create (sw_server_t *server)
{
    analytics_t *self = calloc (1, sizeof *self);
    sw_config_t *config = sw_server_config (server);
    self->server = server;
    self->stream = zsock_new_xpub (sw_config_str (config, "stream.endpoint"));
    self->replay = zsock_new_router (sw_config_str (config, "replay.endpoint"));
    if (!self->stream || !self->replay) {
        sw_log (SW_LOG_ERROR, "could not open the event stream sockets");
        zsock_destroy (&self->stream);
        zsock_destroy (&self->replay);
        free (self);
        return NULL;
    }
    self->bad = sw_metrics_counter (sw_server_metrics (server), "sunwai_frames_undecodable_total",
                                    "Frames that could not be decoded.", "socket=\"replay\"");
    zloop_reader (sw_server_loop (server), self->stream, s_on_subscription, self);
    zloop_reader (sw_server_loop (server), self->replay, s_on_replay, self);
    return self;
}

static void
s_destroy (void **state_p)
{
    analytics_t *self = (analytics_t *) *state_p;
    zsock_destroy (&self->stream);
    zsock_destroy (&self->replay);
    free (self);
    *state_p = NULL;
}

const sw_service_t analytics_service = {
    .name = "sunwai-analytics",
    .summary = "Keeps the state's figures from the event log, publishes every event on the\n"
               "event stream with replay, and serves the dashboard, console and JSON API.",
    .keys = s_keys,
    .uses_db = true,
    .create = s_create,
    .destroy = s_destroy,
};
