/*  sunwai-router: owns a case from classification to closure.  PULLs
    complaints (classified or not), applies the state's rules, records the
    assignment, status, events and outbox rows in one transaction, and
    PUSHes notification jobs to notifier.  A ROUTER socket takes officers'
    case commands from the console and sunwaictl.

    This file holds the process shell and socket loop; routing rules, SLAs
    and case commands land in issue #5.  Until then commands are answered
    RESULT_UNAVAILABLE so that a client never waits on silence. */
#include "router.h"
#include "sw_frame.h"
#include "sw_log.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <stdlib.h>

static const sw_config_key_t s_keys[] = {
    { "http.port", SW_CONFIG_INT, "9103", 0, 65535, NULL, false, NULL,
      "TCP port for /healthz, /readyz and /metrics" },
    { "in.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5558", 0, 0, NULL, false, NULL,
      "PULL socket for complaints from classifiers (or from ingest)" },
    { "commands.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5559", 0, 0, NULL, false, NULL,
      "ROUTER socket for case commands (console, sunwaictl)" },
    { "notify.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5560", 0, 0, NULL, false, NULL,
      "PUSH socket for notification jobs to notifier" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

typedef struct {
    sw_server_t *server;       //  the process skeleton
    zsock_t *in;               //  PULL complaints
    zsock_t *commands;         //  ROUTER case commands
    zsock_t *notify;           //  PUSH notification jobs
    sw_counter_t *received;    //  complaints decoded
    sw_counter_t *bad_in;      //  undecodable complaint frames
    sw_counter_t *bad_command; //  undecodable command frames
} router_t;

static int
s_on_complaint (zloop_t *loop, zsock_t *reader, void *arg)
{
    router_t *self = (router_t *) arg;
    Sunwai__V1__Complaint *complaint = (Sunwai__V1__Complaint *) sw_frame_recv (
        reader, &sunwai__v1__complaint__descriptor, sw_server_db (self->server), "router",
        self->bad_in);
    if (complaint) {
        sw_counter_inc (self->received);
        protobuf_c_message_free_unpacked (&complaint->base, NULL);
    }
    return 0;
}

//  ROUTER frames: [identity][type][body].  Every request gets a reply.
static int
s_on_command (zloop_t *loop, zsock_t *reader, void *arg)
{
    router_t *self = (router_t *) arg;
    zmsg_t *msg = zmsg_recv (reader);
    if (!msg)
        return 0;
    zframe_t *identity = zmsg_pop (msg);
    char err[256];
    Sunwai__V1__CaseCommand *command = (Sunwai__V1__CaseCommand *) sw_frame_decode (
        msg, &sunwai__v1__case_command__descriptor, err, sizeof err);
    Sunwai__V1__CaseReply reply = SUNWAI__V1__CASE_REPLY__INIT;
    if (!command) {
        sw_counter_inc (self->bad_command);
        sw_log_kv (SW_LOG_WARN, "could not decode case command", "reason", err, NULL);
        reply.code = SUNWAI__V1__RESULT_CODE__RESULT_BAD_REQUEST;
        reply.message = err;
    }
    else {
        reply.request_id = command->request_id;
        reply.code = SUNWAI__V1__RESULT_CODE__RESULT_UNAVAILABLE;
        reply.message = "case commands are not available in this version";
    }
    zmsg_t *out = sw_frame_encode (&reply.base);
    if (out && identity) {
        zmsg_prepend (out, &identity);
        zmsg_send (&out, reader);
    }
    zmsg_destroy (&out);
    zframe_destroy (&identity);
    if (command)
        protobuf_c_message_free_unpacked (&command->base, NULL);
    zmsg_destroy (&msg);
    return 0;
}

static void *
s_create (sw_server_t *server)
{
    router_t *self = calloc (1, sizeof *self);
    sw_config_t *config = sw_server_config (server);
    sw_metrics_t *metrics = sw_server_metrics (server);
    self->server = server;
    self->in = zsock_new_pull (sw_config_str (config, "in.endpoint"));
    self->commands = zsock_new_router (sw_config_str (config, "commands.endpoint"));
    self->notify = zsock_new_push (sw_config_str (config, "notify.endpoint"));
    if (!self->in || !self->commands || !self->notify) {
        sw_log (SW_LOG_ERROR, "could not open router sockets");
        zsock_destroy (&self->in);
        zsock_destroy (&self->commands);
        zsock_destroy (&self->notify);
        free (self);
        return NULL;
    }
    self->received = sw_metrics_counter (metrics, "sunwai_router_received_total",
                                         "Complaints received.", NULL);
    self->bad_in = sw_metrics_counter (metrics, "sunwai_frames_undecodable_total",
                                       "Frames that could not be decoded.", "socket=\"in\"");
    self->bad_command = sw_metrics_counter (metrics, "sunwai_frames_undecodable_total",
                                            "Frames that could not be decoded.",
                                            "socket=\"commands\"");
    zloop_reader (sw_server_loop (server), self->in, s_on_complaint, self);
    zloop_reader (sw_server_loop (server), self->commands, s_on_command, self);
    return self;
}

static void
s_destroy (void **state_p)
{
    router_t *self = (router_t *) *state_p;
    zsock_destroy (&self->in);
    zsock_destroy (&self->commands);
    zsock_destroy (&self->notify);
    free (self);
    *state_p = NULL;
}

const sw_service_t router_service = {
    .name = "sunwai-router",
    .summary = "Routes classified complaints to units by the state's rules, tracks SLAs and\n"
               "escalation, takes officers' case commands, and writes notifications to the outbox.",
    .keys = s_keys,
    .uses_db = true,
    .create = s_create,
    .destroy = s_destroy,
};
