/*  sunwai-ingest: the front door.  Receives complaints (X webhook, stream,
    mentions polling, the generic API, officer capture, replay), stores each
    new one once in PostgreSQL with its "received" event, then pushes it to
    the classifiers (or straight to router where none is deployed).

    This file holds the process shell: configuration and the pipeline
    socket.  The channels are added in their own files (issue #3). */
#include "ingest.h"
#include "sw_log.h"

#include <stdlib.h>

static const sw_config_key_t s_keys[] = {
    { "http.port", SW_CONFIG_INT, "8080", 0, 65535, NULL, false, NULL,
      "TCP port for webhooks, the intake API, /healthz, /readyz and /metrics" },
    { "out.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5557", 0, 0, NULL, false, NULL,
      "PUSH socket for new complaints (to classifiers, or to router)" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

typedef struct {
    sw_server_t *server;  //  the process skeleton
    zsock_t *out;         //  PUSH to classifiers or router
} ingest_t;

static void *
s_create (sw_server_t *server)
{
    ingest_t *self = calloc (1, sizeof *self);
    self->server = server;
    const char *endpoint = sw_config_str (sw_server_config (server), "out.endpoint");
    self->out = zsock_new_push (endpoint);
    if (!self->out) {
        sw_log_kv (SW_LOG_ERROR, "could not open socket", "endpoint", endpoint, NULL);
        free (self);
        return NULL;
    }
    //  A complaint is committed before it is pushed, so a full queue must
    //  not block the HTTP threads: re-drive picks up what was not sent.
    zsock_set_sndtimeo (self->out, 0);
    return self;
}

static void
s_destroy (void **state_p)
{
    ingest_t *self = (ingest_t *) *state_p;
    zsock_destroy (&self->out);
    free (self);
    *state_p = NULL;
}

const sw_service_t ingest_service = {
    .name = "sunwai-ingest",
    .summary = "Receives complaints from X (webhook, filtered stream, mentions), the generic\n"
               "intake API, officer capture and replay files; stores each once in PostgreSQL\n"
               "with a docket number and pushes it down the pipeline.",
    .keys = s_keys,
    .uses_db = true,
    .create = s_create,
    .destroy = s_destroy,
};
