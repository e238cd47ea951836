/*  sunwai-ingest: the front door.

    Every channel turns what it received into intake messages and hands
    them to the store (intake_store.c), which commits each complaint with
    its "received" event and answers only after the commit:

      webhook.c   X Account Activity: CRC answer and signed POSTs
      api.c       POST /v1/complaints (generic intake) and POST /v1/capture
      xclient.c   X API v2 filtered stream and mentions polling (threads)
      replay.c    --replay FILE.jsonl, then exit

    This file wires them up: configuration, the store (started once
    PostgreSQL is ready and migrated), the X clients, and the shared
    answers for bad and unavailable requests. */
#include "ingest.h"
#include "sw_log.h"
#include "sw_state.h"

#include <stdlib.h>
#include <string.h>

static const sw_config_key_t s_keys[] = {
    { "http.port", SW_CONFIG_INT, "8080", 0, 65535, NULL, false, NULL,
      "TCP port for webhooks, the intake API, /healthz, /readyz and /metrics" },
    { "http.max_body", SW_CONFIG_INT, "262144", 1024, 16 * 1024 * 1024, NULL, false, NULL,
      "largest request body accepted, in bytes (X webhook bodies can batch many events)" },
    { "out.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5557", 0, 0, NULL, false, NULL,
      "PUSH socket for new complaints (to classifiers, or to router)" },
    { "docket.prefix", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "docket prefix, e.g. UP; empty: the state file's docket_prefix" },
    { "state.file", SW_CONFIG_PATH, "", 0, 0, NULL, false, NULL,
      "the state file (for the docket prefix); empty: deploy/<state>/state.yaml here "
      "or in <binary>/../share/sunwai" },
    { "store.batch_max", SW_CONFIG_INT, "200", 1, 5000, NULL, false, NULL,
      "most messages stored in one transaction" },
    { "store.committers", SW_CONFIG_INT, "1", 1, 16, NULL, false, NULL,
      "committer threads, each with its own PostgreSQL connection" },
    { "store.queue_max", SW_CONFIG_INT, "20000", 1, 1000000, NULL, false, NULL,
      "most messages waiting to be stored; beyond it requests get 503" },
    { "store.timeout_ms", SW_CONFIG_INT, "10000", 100, 120000, NULL, false, NULL,
      "how long a request waits for its commit before answering 503" },
    { "store.retry_after_s", SW_CONFIG_INT, "5", 1, 3600, NULL, false, NULL,
      "Retry-After sent with 503 while PostgreSQL is unavailable" },
    { "followup.window_s", SW_CONFIG_INT, "900", 0, 604800, NULL, false, NULL,
      "a citizen's further message within this many seconds of an open complaint "
      "is a follow-up on it (0: only thread replies are)" },
    { "redrive.after_s", SW_CONFIG_INT, "60", 1, 86400, NULL, false, NULL,
      "re-push complaints still unclassified this long after their last push" },
    { "text.max_chars", SW_CONFIG_INT, "4000", 280, 40000, NULL, false, NULL,
      "longest complaint text kept, in characters (code points)" },
    { "x.consumer_secret", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "X app consumer secret: answers webhook CRC checks and verifies signatures; "
      "empty disables the webhook" },
    { "x.user_id", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "the police account's X user id (mentions polling; its own posts are ignored)" },
    { "x.api_base", SW_CONFIG_STRING, "https://api.x.com", 0, 0, NULL, false, NULL,
      "base URL of the X API" },
    { "x.bearer_token", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "X API bearer token (stream, mentions, capture)" },
    { "x.stream", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, NULL,
      "run the X API v2 filtered stream client" },
    { "x.mentions", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, NULL,
      "poll the police account's mentions (for API tiers without the stream)" },
    { "x.poll_interval_s", SW_CONFIG_INT, "60", 1, 3600, NULL, false, NULL,
      "mentions polling period" },
    { "x.backfill_query", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "recent-search query that covers the stream rules, for backfill after a gap" },
    { "x.backoff_max_s", SW_CONFIG_INT, "300", 1, 3600, NULL, false, NULL,
      "longest wait between reconnects or polls after errors" },
    { "x.timeout_s", SW_CONFIG_INT, "30", 1, 600, NULL, false, NULL,
      "X API request timeout; for the stream, the longest silence tolerated" },
    { "replay.file", SW_CONFIG_PATH, "", 0, 0, NULL, false, "--replay",
      "load a JSONL archive of tweets (v1.1 objects or v2 data+includes), print the "
      "counts and exit" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

intake_store_t *
ingest_store (ingest_t *self)
{
    return atomic_load (&self->store);
}

void
ingest_reply_json (sw_http_response_t *response, int status, json_t *body)
{
    char *text = json_dumps (body, JSON_COMPACT);
    json_decref (body);
    sw_http_response_status (response, status);
    sw_http_response_body (response, "application/json", text ? text : "{}",
                           text ? strlen (text) : 2);
    free (text);
}

void
ingest_reject (ingest_t *self, sw_http_response_t *response, int status, const char *code,
               const char *message)
{
    char labels[96];
    snprintf (labels, sizeof labels, "reason=\"%s\"", code);
    sw_counter_inc (sw_metrics_counter (self->metrics, "sunwai_ingest_rejected_total",
                                        "Requests refused as bad input, by reason.", labels));
    char status_text[8];
    snprintf (status_text, sizeof status_text, "%d", status);
    sw_log_kv (SW_LOG_WARN, "request refused", "reason", code, "detail", message, "status",
               status_text, NULL);
    sw_http_response_error (response, status, code, message);
}

void
ingest_unavailable (ingest_t *self, sw_http_response_t *response, const char *message)
{
    char retry[16];
    snprintf (retry, sizeof retry, "%d", self->retry_after_s);
    sw_counter_inc (sw_metrics_counter (self->metrics, "sunwai_ingest_unavailable_total",
                                        "Requests answered 503: nothing stored.", NULL));
    sw_http_response_error (response, 503, "unavailable", message);
    sw_http_response_header (response, "Retry-After", retry);
}

//  The docket prefix: docket.prefix if set, else the state file's
//  docket_prefix (deploy/<state>/state.yaml, the one router reads), so the
//  two never disagree. 0, or -1 (logged) if neither gives one.
static int
s_docket_prefix (sw_config_t *config, char *prefix, size_t size)
{
    prefix[0] = '\0';
    const char *configured = sw_config_str (config, "docket.prefix");
    if (configured && *configured) {
        snprintf (prefix, size, "%s", configured);
        return 0;
    }
    char relative[256];
    snprintf (relative, sizeof relative, "deploy/%s/state.yaml", sw_config_str (config, "state"));
    char *path = sw_service_find_file (sw_config_str (config, "state.file"), relative);
    char err[512] = "no state file found";
    sw_state_t *state = path ? sw_state_load (path, err, sizeof err) : NULL;
    if (state)
        snprintf (prefix, size, "%s", sw_state_docket_prefix (state));
    else
        sw_log_kv (SW_LOG_ERROR, "no docket prefix for this state", "state",
                   sw_config_str (config, "state"), "reason", err, "hint",
                   "Set docket.prefix, or state.file to the state's state.yaml.", NULL);
    sw_state_destroy (&state);
    free (path);
    return prefix[0] ? 0 : -1;
}

//  X clients deliver through the store; a batch is taken only when every
//  message in it was stored (or was a duplicate), so the client retries
//  the rest after an outage without skipping anything.
static int
s_x_deliver (void *arg, x_batch_t *batch)
{
    ingest_t *self = (ingest_t *) arg;
    intake_store_t *store = ingest_store (self);
    if (!store)
        return -1;
    intake_ticket_t **tickets = calloc (batch->count ? batch->count : 1, sizeof *tickets);
    for (size_t i = 0; i < batch->count; i++) {
        intake_msg_t *msg = x_batch_take (batch, i);
        tickets[i] = msg ? intake_store_submit (store, msg, NULL) : NULL;
    }
    int rc = 0;
    for (size_t i = 0; i < batch->count; i++)
        if (tickets[i]) {
            intake_result_t result = intake_ticket_wait (&tickets[i], self->timeout_ms, NULL, 0);
            if (result == INTAKE_UNAVAILABLE || result == INTAKE_ERROR)
                rc = -1;
        }
    free (tickets);
    return rc;
}

static char *
s_x_cursor (void *arg, const char *name)
{
    ingest_t *self = (ingest_t *) arg;
    intake_store_t *store = ingest_store (self);
    return store ? intake_store_cursor_get (store, name) : NULL;
}

//  PostgreSQL is connected and migrated: start the store once, then the
//  channels that need it.
static void
s_db_ready (void *state)
{
    ingest_t *self = (ingest_t *) state;
    if (ingest_store (self))
        return;
    sw_config_t *config = self->config;
    intake_store_config_t store_config = {
        .db_url = sw_config_str (config, "db.url"),
        .out_endpoint = sw_config_str (config, "out.endpoint"),
        .curve = sw_server_curve (self->server),
        .state = sw_config_str (config, "state"),
        .docket_prefix = self->docket_prefix,
        .batch_max = (int) sw_config_int (config, "store.batch_max"),
        .followup_window_s = (int) sw_config_int (config, "followup.window_s"),
        .redrive_after_s = (int) sw_config_int (config, "redrive.after_s"),
        .queue_max = (int) sw_config_int (config, "store.queue_max"),
        .committers = (int) sw_config_int (config, "store.committers"),
        .metrics = self->metrics,
    };
    intake_store_t *store = intake_store_new (&store_config);
    if (!store) {
        sw_server_fatal (self->server, "could not start the store");
        return;
    }
    atomic_store (&self->store, store);
    const char *replay = sw_config_str (config, "replay.file");
    if (replay && *replay) {
        self->replay = ingest_replay_new (self, replay);
        if (!self->replay)
            sw_server_fatal (self->server, "could not start the replay");
        return;
    }
    if (sw_config_bool (config, "x.stream"))
        self->stream = x_stream_new (&self->x);
    if (sw_config_bool (config, "x.mentions"))
        self->mentions = x_mentions_new (&self->x);
}

//  In replay mode, end the process when the replay is done.
static int
s_replay_check (zloop_t *loop, int timer_id, void *arg)
{
    ingest_t *self = (ingest_t *) arg;
    int code = 0;
    if (self->replay && ingest_replay_done (self->replay, &code))
        sw_server_exit (self->server, code);
    return 0;
}

static void *
s_create (sw_server_t *server)
{
    ingest_t *self = calloc (1, sizeof *self);
    sw_config_t *config = sw_server_config (server);
    self->server = server;
    self->config = config;
    self->metrics = sw_server_metrics (server);
    atomic_init (&self->store, NULL);
    if (s_docket_prefix (config, self->docket_prefix, sizeof self->docket_prefix) != 0) {
        free (self);
        return NULL;
    }
    self->consumer_secret = sw_config_str (config, "x.consumer_secret");
    self->timeout_ms = (int) sw_config_int (config, "store.timeout_ms");
    self->retry_after_s = (int) sw_config_int (config, "store.retry_after_s");
    self->max_text = (size_t) sw_config_int (config, "text.max_chars");
    self->x = (x_client_config_t) {
        .base_url = sw_config_str (config, "x.api_base"),
        .bearer_token = sw_config_str (config, "x.bearer_token"),
        .user_id = sw_config_str (config, "x.user_id"),
        .backfill_query = sw_config_str (config, "x.backfill_query"),
        .poll_interval_s = (int) sw_config_int (config, "x.poll_interval_s"),
        .backoff_max_s = (int) sw_config_int (config, "x.backoff_max_s"),
        .timeout_s = (int) sw_config_int (config, "x.timeout_s"),
        .metrics = self->metrics,
        .deliver = s_x_deliver,
        .cursor = s_x_cursor,
        .arg = self,
    };
    if ((sw_config_bool (config, "x.stream") || sw_config_bool (config, "x.mentions"))
        && !*self->x.bearer_token) {
        sw_log_kv (SW_LOG_ERROR, "the X stream and mentions clients need x.bearer_token",
                   "hint", "Set SUNWAI_X_BEARER_TOKEN, or turn x.stream and x.mentions off.",
                   NULL);
        free (self);
        return NULL;
    }
    if (sw_config_bool (config, "x.mentions") && !*self->x.user_id) {
        sw_log_kv (SW_LOG_ERROR, "mentions polling needs x.user_id", NULL);
        free (self);
        return NULL;
    }
    ingest_webhook_routes (self);
    ingest_api_routes (self);
    zloop_timer (sw_server_loop (server), 100, 0, s_replay_check, self);
    return self;
}

static void
s_destroy (void **state_p)
{
    ingest_t *self = (ingest_t *) *state_p;
    //  Stop taking new work, then store what was taken.
    x_client_destroy (&self->stream);
    x_client_destroy (&self->mentions);
    ingest_replay_destroy (&self->replay);
    intake_store_t *store = atomic_exchange (&self->store, NULL);
    intake_store_destroy (&store);
    free (self);
    *state_p = NULL;
}

const sw_service_t ingest_service = {
    .name = "sunwai-ingest",
    .summary = "Receives complaints from X (Account Activity webhook, filtered stream, mentions\n"
               "polling), the generic intake API, officer capture and replay files; stores each\n"
               "once in PostgreSQL with a docket number and pushes it down the pipeline.",
    .keys = s_keys,
    .uses_db = true,
    .create = s_create,
    .destroy = s_destroy,
    .db_ready = s_db_ready,
};
