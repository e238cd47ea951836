/*  sunwai-analytics: the service definition run by main.c, and what its
    files share.

      analytics.c  the process shell: config, sockets, timers, metrics
      tail.c       tails the events table in seq order (LISTEN to wake,
                   catch-up by seq), publishes each event and keeps the
                   read models current
      stream.c     pure helpers: topics, masking payloads, envelopes
      replay.c     the replay actor: its own thread, socket and connection
      figures.c    the read models (one record per complaint) and the
                   figures computed from them
      api.c        the JSON API, CSV export and the public status page
      web.c        static assets (dashboard, console) and the headers
                   every HTML page carries
      sessions.c   the console's sign-in sessions and CSRF tokens
      commands.c   case commands to router's ROUTER socket (DEALER pool)
      console.c    the officer console's routes

    The tail runs in the server actor's thread on its PostgreSQL
    connection; HTTP handlers run on libmicrohttpd's threads and read the
    figures under their lock, or use a small pool of their own
    connections; replay has its own thread and connection, so a long
    replay never delays the live stream. */
#ifndef SUNWAI_ANALYTICS_H
#define SUNWAI_ANALYTICS_H
#include "sw_service.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

extern const sw_service_t analytics_service;

typedef struct _analytics_figures_t analytics_figures_t;
typedef struct _analytics_api_t analytics_api_t;
typedef struct _analytics_web_t analytics_web_t;
typedef struct _analytics_sessions_t analytics_sessions_t;
typedef struct _analytics_commands_t analytics_commands_t;
typedef struct _analytics_console_t analytics_console_t;

//  HTTP helpers shared by the API and the console (api.c).
//  A JSON reply (body consumed), never cached.
void analytics_reply_json (sw_http_response_t *response, int status, json_t *body);
//  503 with Retry-After: the database is not there.
void analytics_unavailable (sw_http_response_t *response);
//  Query argument name into out when given, checked as a code (letters,
//  digits, _ -); "" if absent.  false, 400 answered, if present and bad.
bool analytics_code_arg (sw_http_request_t *request, sw_http_response_t *response,
                         const char *name, char *out, size_t size);

//  Which members of a fixed pool are lent out (slots.c): database
//  connections of the API, command sockets of the console.
typedef struct {
    pthread_mutex_t lock;   //  guards busy
    pthread_cond_t freed;   //  a member came back
    bool *busy;             //  lent to a handler
    int size;               //  members in the pool
} analytics_slots_t;

//  0, or -1 out of memory.
int analytics_slots_init (analytics_slots_t *self, int size);
void analytics_slots_fini (analytics_slots_t *self);
//  A free member's index, waiting up to timeout_ms for one; -1 if none.
int analytics_slots_take (analytics_slots_t *self, long timeout_ms);
void analytics_slots_give (analytics_slots_t *self, int slot);

//  What the replay actor is given (replay.c).
typedef struct {
    const char *endpoint;  //  ROUTER endpoint (czmq notation)
    const char *db_url;    //  its own connection
    long max_events;       //  events per reply at most
    long sndhwm;           //  ROUTER send high-water mark
    long send_timeout_ms;  //  give up a reply to a peer this slow
    sw_metrics_t *metrics; //  where its counters go
    sw_curve_t *curve;     //  CURVE settings of the process (sw_curve.h)
    bool ready;            //  set by the actor before it signals: bound
} analytics_replay_args_t;

//  The live stream's memory of the last seq per chain (district, topic),
//  so each envelope says where its chain's previous event was.
typedef struct {
    zhashx_t *district; //  "<state>.<district>" -> int64_t * last seq
    zhashx_t *topic;    //  "<state>.<district>.<type>" -> int64_t * last seq
} analytics_chains_t;

typedef struct {
    sw_server_t *server;                 //  the process skeleton
    zsock_t *stream;                     //  XPUB events
    zactor_t *replay;                    //  the replay actor (owns the ROUTER socket)
    analytics_replay_args_t replay_args; //  what the replay actor was given
    zactor_t *monitor;                   //  counts subscriber connections on the XPUB
    analytics_figures_t *figures;        //  the read models
    analytics_api_t *api;                //  HTTP routes and their connection pool
    analytics_web_t *web;                //  static assets, dashboard and console pages
    analytics_sessions_t *sessions;      //  console sign-in sessions
    analytics_commands_t *commands;      //  case commands to router
    analytics_console_t *console;        //  console routes
    analytics_chains_t chains;           //  last seq per district and topic
    bool loaded;                         //  read models and chains loaded from PostgreSQL
    int64_t last_seq;                    //  last event applied and published
    int64_t head_seq;                    //  newest seq seen in the table
    int64_t gap_since_ms;                //  when the tail first met a missing seq; 0: none
    int listen_fd;                       //  libpq socket polled for NOTIFY; -1: none
    bool wake;                           //  a NOTIFY arrived: catch up now
    long batch;                          //  rows per catch-up query
    long gap_timeout_ms;                 //  how long to wait for a missing seq
    sw_counter_t *published;             //  events published
    sw_counter_t *masked;                //  events whose payload masking changed
    sw_counter_t *gaps;                  //  times the tail waited for a missing seq
    sw_counter_t *skipped;               //  seqs given up after the gap timeout
    sw_gauge_t *last_gauge;              //  last_seq
    sw_gauge_t *head_gauge;              //  head_seq
    sw_gauge_t *behind;                  //  head_seq - last_seq
    sw_gauge_t *subscriptions;           //  active topic subscriptions on the XPUB
    sw_gauge_t *peers;                   //  connected stream subscribers
    sw_gauge_t *cases;                   //  complaints in the read model
    sw_counter_t *heartbeats;            //  StreamHead messages sent
} analytics_t;

//  stream.c --------------------------------------------------------------
//  "<state>.<district>.<event_type>" into buf. 0, or -1 if it does not fit.
int analytics_topic (char *buf, size_t size, const char *state, const char *district,
                     const char *event_type);
//  A copy of json (an event payload) with sw_pii_mask applied to every
//  string value, at any depth.  *changed tells whether anything was
//  masked; when not, the copy is byte for byte the input (so its hash
//  still verifies).  NULL if json is not valid JSON or out of memory.
char *analytics_mask_json (const char *json, bool *changed);
//  Columns every envelope query selects, in this order (see
//  analytics_envelope_from_row).
#define ANALYTICS_EVENT_COLUMNS                                                                    \
    "seq, coalesce(complaint_id, 0), coalesce(docket, ''), state, district, event_type,"           \
    " actor, floor(extract(epoch FROM at) * 1000)::bigint, prev_hash, hash, payload::text"
//  An envelope from row i of a result (binary-format hash columns are
//  decoded from text bytea).  Fields are the caller's to free with
//  analytics_envelope_free.  NULL if out of memory.
Sunwai__V1__EventEnvelope *analytics_envelope_from_row (PGresult *res, int row, bool *masked);
void analytics_envelope_free (Sunwai__V1__EventEnvelope **self_p);
//  Chains: new/destroy, and "give me the previous seq and remember this".
int analytics_chains_init (analytics_chains_t *self);
void analytics_chains_destroy (analytics_chains_t *self);
void analytics_chains_advance (analytics_chains_t *self, Sunwai__V1__EventEnvelope *event);
//  Load each chain's last seq (seq <= head) from the table. 0 or -1.
int analytics_chains_load (analytics_chains_t *self, sw_db_t *db, int64_t head);
//  Percentile p (0..1) of n values by linear interpolation, as
//  PostgreSQL's percentile_cont; sorts values in place. NAN if n is 0.
double analytics_percentile (double *values, size_t n, double p);
//  The prefixes of a topic filter as a JSON array text for the replay
//  query; -1 with a reason if a prefix is too long or not printable.
char *analytics_topics_json (char **topics, size_t n, char *err, size_t errlen);

//  tail.c ----------------------------------------------------------------
//  (Re)load the read models and chains in one snapshot, then tail. 0 or -1.
int analytics_tail_load (analytics_t *self);
//  Catch up: read events after last_seq in order, publish and apply them.
//  Bounded work per call; sets self->wake when more remains. 0 or -1.
int analytics_tail_catch_up (analytics_t *self);
//  LISTEN on the actor's connection. Returns its socket (to poll for
//  notifications), or -1.
int analytics_tail_listen (analytics_t *self);
//  Publish the "$head" heartbeat.
void analytics_tail_heartbeat (analytics_t *self);

//  replay.c --------------------------------------------------------------
//  The replay actor: args is an analytics_replay_args_t; it binds the
//  ROUTER socket, connects to PostgreSQL and answers ReplayRequests.
void analytics_replay_actor (zsock_t *pipe, void *args);

//  figures.c -------------------------------------------------------------
analytics_figures_t *analytics_figures_new (const char *timezone);
void analytics_figures_destroy (analytics_figures_t **self_p);
//  Replace the read models with the database's complaints and the event
//  aggregates up to head (call inside the snapshot transaction). 0 or -1.
int analytics_figures_load (analytics_figures_t *self, sw_db_t *db, int64_t head);
//  Re-read these complaints' rows (after events about them). 0 or -1.
int analytics_figures_refresh (analytics_figures_t *self, sw_db_t *db, const int64_t *ids,
                               size_t count);
//  Count what an event says beyond the complaint's row: resolutions,
//  reopenings, disputes.
void analytics_figures_apply (analytics_figures_t *self, int64_t complaint_id,
                              const char *event_type, const char *payload_json);
size_t analytics_figures_count (analytics_figures_t *self);
//  The last seq the read models include (shown in /api/v1/stats).
void analytics_figures_set_seq (analytics_figures_t *self, int64_t seq);

typedef struct {
    char from[11];     //  first received day, YYYY-MM-DD ("" none)
    char to[11];       //  last received day, inclusive ("" none)
    char district[64]; //  LGD code ("" all)
    char category[64]; //  category code ("" all)
    int64_t now_ms;    //  "now" for SLA figures
} analytics_filter_t;
//  The figures for the filter as a JSON object (see docs/analytics.md).
json_t *analytics_figures_stats (analytics_figures_t *self, const analytics_filter_t *filter);

//  api.c -----------------------------------------------------------------
//  Who a token belongs to and what it may see.
typedef struct {
    char scope[16];      //  all, district, unit, none
    char district[64];   //  the officer's district
    char unit[64];       //  the officer's unit
    char role[16];       //  officer, district, hq, admin, api
    char officer_id[24]; //  officers.id
    char login[128];     //  officers.login
    char name[128];      //  officers.name
} analytics_caller_t;

//  The SQL condition on complaints c for a caller: $1 scope, $2 district,
//  $3 unit.
#define ANALYTICS_SCOPE_SQL                                                                        \
    "($1 = 'all' OR ($1 = 'district' AND c.district_code = $2)"                                    \
    " OR ($1 = 'unit' AND c.unit_code = $3))"
//  A timestamptz column as ISO 8601 UTC text ("" for NULL).
#define ANALYTICS_TIME(column)                                                                     \
    "coalesce(to_char(" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), '')"

//  Routes on the service's HTTP endpoint; a pool of connections to db_url.
analytics_api_t *analytics_api_new (sw_http_t *http, analytics_figures_t *figures,
                                    const char *db_url, int connections, long export_max,
                                    const char *timezone, sw_metrics_t *metrics);
void analytics_api_destroy (analytics_api_t **self_p);
//  A connection from the pool (waits up to 5 s), or NULL; give it back
//  with analytics_api_release.
sw_db_t *analytics_api_acquire (analytics_api_t *self, int *slot);
void analytics_api_release (analytics_api_t *self, int slot);
//  Look a token up by its SHA-256 (not revoked, not expired, officer
//  active; last_used_at is updated). 0 found (caller filled), 1 not a
//  valid token, -1 database error.
int analytics_api_lookup (analytics_api_t *self, sw_db_t *db, const char *token,
                          analytics_caller_t *caller);
//  Letters, digits, '_' and '-', 1..max bytes.
bool analytics_valid_code (const char *value, size_t max);
//  text with < > & " ' escaped, appended to buf.
void analytics_html_escape (zchunk_t *buf, const char *text);
//  Parse YYYY-MM-DD strictly. true if valid.
bool analytics_valid_day (const char *day);
//  One CSV field, quoted when needed, with a leading ' before = + - @ so
//  that a spreadsheet never runs it as a formula. Appended to buf.
void analytics_csv_field (zchunk_t *buf, const char *value);

//  web.c -----------------------------------------------------------------
//  Loads every asset under root (dashboard.html, console pages, CSS, JS,
//  vendor/) into memory and routes GET /, /dashboard and /web/*.  root
//  NULL: no assets (the pages answer 503).
analytics_web_t *analytics_web_new (sw_http_t *http, const char *root);
void analytics_web_destroy (analytics_web_t **self_p);
//  Serve the named asset (e.g. "console.html") with its type and the
//  HTML security headers; 503 if there is none.
void analytics_web_serve (analytics_web_t *self, const char *name, int status,
                          sw_http_response_t *response);
//  The asset's bytes (borrowed), or NULL.
const char *analytics_web_asset (analytics_web_t *self, const char *name, size_t *size);
//  Content-Security-Policy (self only), X-Frame-Options: DENY, nosniff,
//  and Referrer-Policy, for every HTML page.
void analytics_web_html_headers (sw_http_response_t *response);
//  Route GET / (the dashboard; any other unknown GET path is 404).  Add it
//  after every other route: "/" is a prefix of them all and sw_http's
//  first registered route wins.
void analytics_web_fallback (analytics_web_t *self, sw_http_t *http);
//  Content type by file name extension, or NULL if not served.
const char *analytics_web_content_type (const char *name);

//  sessions.c ------------------------------------------------------------
//  What a session holds (copied out by lookup).
typedef struct {
    char id_hash[65];   //  hex of the id's hash: the key (the id is never stored)
    char csrf[65];      //  the CSRF token, hex
    char token[513];    //  the officer's token, for router's case commands
    char login[128];    //  who signed in (for logs)
    int64_t created_ms; //  sign-in time
    int64_t seen_ms;    //  last request
} analytics_session_t;

analytics_sessions_t *analytics_sessions_new (size_t max, int64_t idle_ms, int64_t max_age_ms);
void analytics_sessions_destroy (analytics_sessions_t **self_p);
//  A new session for token; its id (64 hex) into id[65], copy into
//  *session. 0, or -1 (out of memory or randomness).
int analytics_sessions_create (analytics_sessions_t *self, const char *token, const char *login,
                               char *id, analytics_session_t *session);
//  The live session with this id (touched), copied into *session. 0, or
//  -1 if none, expired or malformed.
int analytics_sessions_lookup (analytics_sessions_t *self, const char *id,
                               analytics_session_t *session);
void analytics_sessions_remove (analytics_sessions_t *self, const char *id);
size_t analytics_sessions_size (analytics_sessions_t *self);
//  Constant-time comparison of a presented CSRF token with the session's.
bool analytics_sessions_csrf_ok (const analytics_session_t *session, const char *presented);
void analytics_sessions_test (bool verbose);

//  commands.c ------------------------------------------------------------
//  Up to pool_size DEALER sockets to router's commands endpoint, each used
//  by one HTTP thread at a time.
analytics_commands_t *analytics_commands_new (const char *endpoint, int pool_size, long timeout_ms,
                                             sw_curve_t *curve);
void analytics_commands_destroy (analytics_commands_t **self_p);
//  Send command (request_id is filled in) and wait for its reply. The
//  reply (free with protobuf_c_message_free_unpacked), or NULL on timeout
//  or a bad reply (logged).
Sunwai__V1__CaseReply *analytics_commands_call (analytics_commands_t *self,
                                                Sunwai__V1__CaseCommand *command);

//  console.c -------------------------------------------------------------
analytics_console_t *analytics_console_new (sw_http_t *http, analytics_api_t *api,
                                            analytics_web_t *web, analytics_sessions_t *sessions,
                                            analytics_commands_t *commands, bool secure_cookie,
                                            long max_age_s, sw_metrics_t *metrics);
void analytics_console_destroy (analytics_console_t **self_p);

#endif
