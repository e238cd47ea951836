/*  sunwai-ingest: the service definition run by main.c, and what its
    channel files (webhook.c, api.c, replay.c) share. */
#ifndef SUNWAI_INGEST_H
#define SUNWAI_INGEST_H
#include <stdatomic.h>

#include "intake.h"
#include "sw_service.h"
#include "xclient.h"

extern const sw_service_t ingest_service;

typedef struct _ingest_replay_t ingest_replay_t;

typedef struct {
    sw_server_t *server;                //  the process skeleton
    sw_config_t *config;                //  effective configuration
    sw_metrics_t *metrics;              //  the process's registry
    _Atomic (intake_store_t *) store;   //  the committer, once the database is ready
    x_client_config_t x;                //  X API client settings
    x_client_t *stream;                 //  filtered-stream client, if enabled
    x_client_t *mentions;               //  mentions poller, if enabled
    ingest_replay_t *replay;            //  replay job, in --replay mode
    const char *consumer_secret;        //  X app consumer secret (webhook), "" if none
    int timeout_ms;                     //  how long a request waits for its commit
    int retry_after_s;                  //  Retry-After on 503
    size_t max_text;                    //  longest text kept, code points
    char docket_prefix[16];             //  e.g. "UP", from config or the state file
} ingest_t;

//  The store, or NULL while the database has not been ready yet.
intake_store_t *ingest_store (ingest_t *self);

//  Answer a bad request: status with {"error": code, "message": message},
//  counted in sunwai_ingest_rejected_total{reason=code} and logged once.
void ingest_reject (ingest_t *self, sw_http_response_t *response, int status, const char *code,
                    const char *message);
//  Answer 503 with Retry-After: nothing was stored.
void ingest_unavailable (ingest_t *self, sw_http_response_t *response, const char *message);
//  Send one JSON object (takes the reference).
void ingest_reply_json (sw_http_response_t *response, int status, json_t *body);

//  A POST /v1/complaints body (a JSON object) -> an intake message, or NULL
//  with the reason in err.  Checks every field; no network, no database.
intake_msg_t *ingest_api_parse_complaint (json_t *body, size_t max_text, char *err,
                                          size_t errlen);

void ingest_webhook_routes (ingest_t *self);
void ingest_api_routes (ingest_t *self);

//  Replay a JSONL archive through the store (a thread); when done the
//  process exits with 0 (all lines read) or 1 (the file could not be read).
ingest_replay_t *ingest_replay_new (ingest_t *self, const char *path);
//  True once finished; *exit_code then holds the code.
bool ingest_replay_done (ingest_replay_t *self, int *exit_code);
void ingest_replay_destroy (ingest_replay_t **self_p);

#endif
