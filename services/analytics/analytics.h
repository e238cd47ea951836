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
#include <stdint.h>

extern const sw_service_t analytics_service;

typedef struct _analytics_figures_t analytics_figures_t;
typedef struct _analytics_api_t analytics_api_t;

//  What the replay actor is given (replay.c).
typedef struct {
    const char *endpoint;  //  ROUTER endpoint (czmq notation)
    const char *db_url;    //  its own connection
    long max_events;       //  events per reply at most
    long sndhwm;           //  ROUTER send high-water mark
    long send_timeout_ms;  //  give up a reply to a peer this slow
    sw_metrics_t *metrics; //  where its counters go
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
//  Routes on the service's HTTP endpoint; a pool of connections to db_url.
analytics_api_t *analytics_api_new (sw_http_t *http, analytics_figures_t *figures,
                                    const char *db_url, int connections, long export_max,
                                    const char *timezone, sw_metrics_t *metrics);
void analytics_api_destroy (analytics_api_t **self_p);
//  Parse YYYY-MM-DD strictly. true if valid.
bool analytics_valid_day (const char *day);
//  One CSV field, quoted when needed, with a leading ' before = + - @ so
//  that a spreadsheet never runs it as a formula. Appended to buf.
void analytics_csv_field (zchunk_t *buf, const char *value);

#endif
