/*  sunwai-classifier: a stateless worker.  PULLs complaints from ingest,
    fills in their classification, PUSHes them to router.  Workers connect
    and never bind, so an operator scales them by starting more.

    This file holds the process shell and the socket loop; the model and
    gazetteer land in issue #4.  Until then a complaint passes through
    without a classification, which router treats as "no classifier
    deployed": central desk, manual triage. */
#include "classifier.h"
#include "sw_frame.h"
#include "sw_log.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <stdlib.h>

static const sw_config_key_t s_keys[] = {
    { "http.port", SW_CONFIG_INT, "9102", 0, 65535, NULL, false, NULL,
      "TCP port for /healthz, /readyz and /metrics" },
    { "in.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5557", 0, 0, NULL, false, NULL,
      "PULL socket for complaints from ingest" },
    { "out.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5558", 0, 0, NULL, false, NULL,
      "PUSH socket for classified complaints to router" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

typedef struct {
    sw_server_t *server;     //  the process skeleton
    zsock_t *in;             //  PULL from ingest
    zsock_t *out;            //  PUSH to router
    sw_counter_t *received;  //  complaints decoded
    sw_counter_t *bad;       //  frames that could not be decoded
} classifier_t;

//  The classifier owns no database, so a frame it cannot decode goes on
//  to router unchanged: router fails to decode it too and parks it in
//  dead_letters, where an operator can see it.
static int
s_on_complaint (zloop_t *loop, zsock_t *reader, void *arg)
{
    classifier_t *self = (classifier_t *) arg;
    zmsg_t *msg = zmsg_recv (reader);
    if (!msg)
        return 0;
    char err[256];
    Sunwai__V1__Complaint *complaint = (Sunwai__V1__Complaint *) sw_frame_decode (
        msg, &sunwai__v1__complaint__descriptor, err, sizeof err);
    if (!complaint) {
        sw_counter_inc (self->bad);
        sw_log_kv (SW_LOG_WARN, "could not decode message; passed to router to park", "reason",
                   err, NULL);
        zmsg_send (&msg, self->out);
        zmsg_destroy (&msg);
        return 0;
    }
    zmsg_destroy (&msg);
    sw_counter_inc (self->received);
    sw_frame_send (self->out, &complaint->base);
    protobuf_c_message_free_unpacked (&complaint->base, NULL);
    return 0;
}

static void *
s_create (sw_server_t *server)
{
    classifier_t *self = calloc (1, sizeof *self);
    sw_config_t *config = sw_server_config (server);
    sw_metrics_t *metrics = sw_server_metrics (server);
    self->server = server;
    self->in = zsock_new_pull (sw_config_str (config, "in.endpoint"));
    self->out = zsock_new_push (sw_config_str (config, "out.endpoint"));
    if (!self->in || !self->out) {
        sw_log (SW_LOG_ERROR, "could not open pipeline sockets");
        zsock_destroy (&self->in);
        zsock_destroy (&self->out);
        free (self);
        return NULL;
    }
    self->received = sw_metrics_counter (metrics, "sunwai_classifier_received_total",
                                         "Complaints received from ingest.", NULL);
    self->bad = sw_metrics_counter (metrics, "sunwai_frames_undecodable_total",
                                    "Frames that could not be decoded.", "socket=\"in\"");
    zloop_reader (sw_server_loop (server), self->in, s_on_complaint, self);
    return self;
}

static void
s_destroy (void **state_p)
{
    classifier_t *self = (classifier_t *) *state_p;
    zsock_destroy (&self->in);
    zsock_destroy (&self->out);
    free (self);
    *state_p = NULL;
}

const sw_service_t classifier_service = {
    .name = "sunwai-classifier",
    .summary = "Classifies complaints: category, priority, language, district, personal data.\n"
               "Stateless; run as many workers as the load needs (they connect, never bind).",
    .keys = s_keys,
    .uses_db = false,
    .create = s_create,
    .destroy = s_destroy,
};
