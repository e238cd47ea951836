/*  sunwai-analytics: tails the events table in sequence order, keeps the
    state's figures, republishes every event on an XPUB socket and answers
    replay requests; serves the JSON API, CSV export, the public status
    page, the public dashboard and the officer console over HTTP.

    This file is the process shell: configuration, the sockets, the
    timers and the metrics.  tail.c reads and publishes, replay.c answers
    replays in its own thread, figures.c keeps the read models, api.c
    serves HTTP.  See docs/analytics.md and docs/event-stream.md. */
#include "analytics.h"
#include "sw_frame.h"
#include "sw_log.h"

#include <stdlib.h>
#include <string.h>

static const sw_config_key_t s_keys[] = {
    {"http.port", SW_CONFIG_INT, "8090", 0, 65535, NULL, false, NULL,
     "TCP port for the JSON API, /status, /healthz, /readyz and /metrics"},
    {"stream.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5570", 0, 0, NULL, false, NULL,
     "XPUB socket publishing every event"},
    {"stream.sndhwm", SW_CONFIG_INT, "10000", 1, 10000000, NULL, false, NULL,
     "messages queued per stream subscriber; beyond it that subscriber loses messages "
     "(and replays them), the pipeline never waits"},
    {"stream.heartbeat_ms", SW_CONFIG_INT, "1000", 100, 60000, NULL, false, NULL,
     "how often the stream publishes \"$head\" (the last seq) so subscribers notice lost "
     "events at the end of a burst"},
    {"replay.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5571", 0, 0, NULL, false, NULL,
     "ROUTER socket answering replay requests"},
    {"replay.max_events", SW_CONFIG_INT, "10000", 1, 1000000, NULL, false, NULL,
     "events per replay reply at most; the client asks again from the reply's last_seq"},
    {"replay.sndhwm", SW_CONFIG_INT, "10000", 1, 10000000, NULL, false, NULL,
     "messages queued per replay client"},
    {"replay.send_timeout_ms", SW_CONFIG_INT, "5000", 10, 600000, NULL, false, NULL,
     "abandon a replay reply to a client that has not read for this long"},
    {"tail.batch", SW_CONFIG_INT, "1000", 1, 100000, NULL, false, NULL,
     "events read per catch-up query"},
    {"tail.poll_ms", SW_CONFIG_INT, "1000", 10, 60000, NULL, false, NULL,
     "catch up at least this often, besides every NOTIFY"},
    {"tail.gap_timeout_ms", SW_CONFIG_INT, "10000", 0, 3600000, NULL, false, NULL,
     "how long to wait for a missing event seq before logging an error and going on"},
    {"stats.timezone", SW_CONFIG_STRING, "Asia/Kolkata", 0, 0, NULL, false, NULL,
     "time zone of the figures' days (a PostgreSQL time zone name)"},
    {"api.db_connections", SW_CONFIG_INT, "4", 1, 64, NULL, false, NULL,
     "PostgreSQL connections for the API's complaint queries"},
    {"export.max_rows", SW_CONFIG_INT, "100000", 1, 10000000, NULL, false, NULL,
     "rows in one CSV export at most"},
    {"web.root", SW_CONFIG_PATH, "", 0, 0, NULL, false, NULL,
     "directory of the dashboard's and console's files; empty: share/sunwai/web beside "
     "the binary (or web/ under the working directory)"},
    {"router.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5559", 0, 0, NULL, false, NULL,
     "router's commands socket, where the console sends officers' case commands (DEALER)"},
    {"router.timeout_ms", SW_CONFIG_INT, "5000", 100, 60000, NULL, false, NULL,
     "how long the console waits for router's reply to a case command"},
    {"router.sockets", SW_CONFIG_INT, "4", 1, 64, NULL, false, NULL,
     "DEALER sockets to router (case commands in flight at once)"},
    {"console.session_idle_s", SW_CONFIG_INT, "3600", 60, 86400, NULL, false, NULL,
     "a console session unused this long ends"},
    {"console.session_max_s", SW_CONFIG_INT, "43200", 300, 604800, NULL, false, NULL,
     "a console session ends this long after sign-in (one shift)"},
    {"console.max_sessions", SW_CONFIG_INT, "10000", 1, 1000000, NULL, false, NULL,
     "console sessions kept at most; beyond it the least recently used ends"},
    {"console.secure_cookie", SW_CONFIG_BOOL, "false", 0, 0, NULL, false, NULL,
     "mark the session cookie Secure (named __Host-sunwai_session): set it when the console "
     "is served over HTTPS, as it must be beyond localhost"},
    {NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL}};

//  XPUB delivers subscriptions as messages (all of them, XPUB_VERBOSER):
//  a first byte of 1 subscribes, 0 unsubscribes.
static int
s_on_subscription (zloop_t *loop, zsock_t *reader, void *arg)
{
    analytics_t *self = (analytics_t *)arg;
    zframe_t *frame = zframe_recv (reader);
    if (frame && zframe_size (frame) > 0) {
        byte kind = zframe_data (frame)[0];
        if (kind == 1)
            sw_gauge_add (self->subscriptions, 1);
        else if (kind == 0 && sw_gauge_value (self->subscriptions) > 0)
            sw_gauge_add (self->subscriptions, -1);
    }
    zframe_destroy (&frame);
    return 0;
}

//  zmonitor events on the XPUB: [event][value][address].
static int
s_on_monitor (zloop_t *loop, zsock_t *reader, void *arg)
{
    analytics_t *self = (analytics_t *)arg;
    zmsg_t *msg = zmsg_recv (reader);
    char *event = msg ? zmsg_popstr (msg) : NULL;
    if (event && streq (event, "ACCEPTED"))
        sw_gauge_add (self->peers, 1);
    else if (event && streq (event, "DISCONNECTED") && sw_gauge_value (self->peers) > 0)
        sw_gauge_add (self->peers, -1);
    free (event);
    zmsg_destroy (&msg);
    return 0;
}

static int s_on_notify (zloop_t *loop, zmq_pollitem_t *item, void *arg);

static void
s_unlisten (analytics_t *self)
{
    if (self->listen_fd >= 0) {
        zmq_pollitem_t item = {NULL, self->listen_fd, ZMQ_POLLIN, 0};
        zloop_poller_end (sw_server_loop (self->server), &item);
        self->listen_fd = -1;
    }
}

static void
s_listen (analytics_t *self)
{
    s_unlisten (self);
    int fd = analytics_tail_listen (self);
    if (fd < 0)
        return;
    zmq_pollitem_t item = {NULL, fd, ZMQ_POLLIN, 0};
    if (zloop_poller (sw_server_loop (self->server), &item, s_on_notify, self) == 0)
        self->listen_fd = fd;
}

static int
s_on_more (zloop_t *loop, int timer_id, void *arg)
{
    analytics_t *self = (analytics_t *)arg;
    analytics_tail_catch_up (self);
    if (self->wake)
        zloop_timer (loop, 1, 1, s_on_more, self);
    return 0;
}

static void
s_catch_up (analytics_t *self)
{
    if (analytics_tail_catch_up (self) != 0 && !self->loaded &&
        streq (sw_db_last_sqlstate (sw_server_db (self->server)), "22023")) {
        sw_server_fatal (self->server, "invalid value for config key \"stats.timezone\"");
        return;
    }
    //  More than one batch waiting: continue on the next loop turn, so
    //  that the sockets and timers are served between batches.
    if (self->wake)
        zloop_timer (sw_server_loop (self->server), 1, 1, s_on_more, self);
}

//  The connection's socket is readable: notifications (or the connection
//  failed, which sw_db notices on the next query).
static int
s_on_notify (zloop_t *loop, zmq_pollitem_t *item, void *arg)
{
    analytics_t *self = (analytics_t *)arg;
    PGconn *conn = sw_db_conn (sw_server_db (self->server));
    if (!conn || PQsocket (conn) != self->listen_fd || !PQconsumeInput (conn)) {
        s_unlisten (self);
        return 0;
    }
    bool notified = false;
    PGnotify *notify;
    while ((notify = PQnotifies (conn))) {
        notified = true;
        PQfreemem (notify);
    }
    if (notified)
        s_catch_up (self);
    return 0;
}

static int
s_on_poll (zloop_t *loop, int timer_id, void *arg)
{
    analytics_t *self = (analytics_t *)arg;
    if (!sw_server_db_ready (self->server)) {
        s_unlisten (self);
        return 0;
    }
    PGconn *conn = sw_db_conn (sw_server_db (self->server));
    if (conn) {
        PGnotify *notify;
        while ((notify = PQnotifies (conn)))
            PQfreemem (notify);
    }
    s_catch_up (self);
    return 0;
}

static int
s_on_heartbeat (zloop_t *loop, int timer_id, void *arg)
{
    analytics_tail_heartbeat ((analytics_t *)arg);
    return 0;
}

//  PostgreSQL is connected and migrated (again): listen, then load (the
//  first time) or catch up from where the tail stopped.
static void
s_db_ready (void *arg)
{
    analytics_t *self = (analytics_t *)arg;
    s_listen (self);
    s_catch_up (self);
}

static void s_destroy (void **state_p);

static void *
s_create (sw_server_t *server)
{
    analytics_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    sw_config_t *config = sw_server_config (server);
    sw_metrics_t *metrics = sw_server_metrics (server);
    self->server = server;
    self->listen_fd = -1;
    self->batch = sw_config_int (config, "tail.batch");
    self->gap_timeout_ms = sw_config_int (config, "tail.gap_timeout_ms");
    sw_server_set_ready (server, false, "loading figures");

    self->figures = analytics_figures_new (sw_config_str (config, "stats.timezone"));
    if (!self->figures || analytics_chains_init (&self->chains) != 0) {
        void *state = self;
        s_destroy (&state);
        return NULL;
    }
    //  The stream never blocks and never waits: full queues drop.
    self->stream = zsock_new (ZMQ_XPUB);
    if (self->stream) {
        zsock_set_sndhwm (self->stream, (int)sw_config_int (config, "stream.sndhwm"));
        zsock_set_sndtimeo (self->stream, 0);
        zsock_set_xpub_verboser (self->stream, 1);
        zsock_set_linger (self->stream, 0);
    }
    if (!self->stream || sw_curve_apply (sw_server_curve (server), self->stream, true) != 0 ||
        zsock_attach (self->stream, sw_config_str (config, "stream.endpoint"), true) != 0) {
        sw_log_kv (SW_LOG_ERROR, "could not bind the event stream socket", "endpoint",
                   sw_config_str (config, "stream.endpoint"), NULL);
        void *state = self;
        s_destroy (&state);
        return NULL;
    }
    self->replay_args = (analytics_replay_args_t){
        .endpoint = sw_config_str (config, "replay.endpoint"),
        .db_url = sw_config_str (config, "db.url"),
        .max_events = sw_config_int (config, "replay.max_events"),
        .sndhwm = sw_config_int (config, "replay.sndhwm"),
        .send_timeout_ms = sw_config_int (config, "replay.send_timeout_ms"),
        .metrics = metrics,
        .curve = sw_server_curve (server),
    };
    self->replay = zactor_new (analytics_replay_actor, &self->replay_args);
    if (!self->replay || !self->replay_args.ready) {
        void *state = self;
        s_destroy (&state);
        return NULL;
    }
    self->monitor = zactor_new (zmonitor, self->stream);
    if (self->monitor) {
        zstr_sendx (self->monitor, "LISTEN", "ACCEPTED", "DISCONNECTED", NULL);
        zstr_send (self->monitor, "START");
        zsock_wait (self->monitor);
    }
    self->api =
        analytics_api_new (sw_server_http (server), self->figures, sw_config_str (config, "db.url"),
                           (int)sw_config_int (config, "api.db_connections"),
                           sw_config_int (config, "export.max_rows"),
                           sw_config_str (config, "stats.timezone"), metrics);
    if (!self->api) {
        void *state = self;
        s_destroy (&state);
        return NULL;
    }
    //  The dashboard and the console: assets, sessions, router's commands.
    const char *web_given = sw_config_str (config, "web.root");
    char *web_root = sw_service_find_file (web_given, "web/dashboard.html");
    if (web_root && !(web_given && *web_given)) {
        char *slash = strrchr (web_root, '/');
        *slash = 0;
    }
    self->web = analytics_web_new (sw_server_http (server), web_root);
    free (web_root);
    long session_max_s = sw_config_int (config, "console.session_max_s");
    self->sessions = analytics_sessions_new (
        (size_t)sw_config_int (config, "console.max_sessions"),
        sw_config_int (config, "console.session_idle_s") * 1000, session_max_s * 1000);
    self->commands = analytics_commands_new (sw_config_str (config, "router.endpoint"),
                                             (int)sw_config_int (config, "router.sockets"),
                                             sw_config_int (config, "router.timeout_ms"),
                                             sw_server_curve (server));
    self->console = self->web && self->sessions && self->commands
                        ? analytics_console_new (sw_server_http (server), self->api, self->web,
                                                 self->sessions, self->commands,
                                                 sw_config_bool (config, "console.secure_cookie"),
                                                 session_max_s, metrics)
                        : NULL;
    if (!self->console) {
        void *state = self;
        s_destroy (&state);
        return NULL;
    }
    analytics_web_fallback (self->web, sw_server_http (server));

    self->published = sw_metrics_counter (metrics, "sunwai_analytics_events_published_total",
                                          "Events published on the stream.", NULL);
    self->masked =
        sw_metrics_counter (metrics, "sunwai_analytics_events_masked_total",
                            "Published events whose payload had personal data masked.", NULL);
    self->gaps = sw_metrics_counter (metrics, "sunwai_analytics_seq_gaps_total",
                                     "Times the tail met a missing event seq and waited.", NULL);
    self->skipped = sw_metrics_counter (metrics, "sunwai_analytics_seq_skipped_total",
                                        "Missing event seqs given up after the gap timeout.", NULL);
    self->last_gauge = sw_metrics_gauge (metrics, "sunwai_analytics_last_seq",
                                         "Last event seq applied and published.", NULL);
    self->head_gauge = sw_metrics_gauge (metrics, "sunwai_analytics_head_seq",
                                         "Newest event seq seen in the table.", NULL);
    self->behind = sw_metrics_gauge (metrics, "sunwai_analytics_events_behind",
                                     "Events in the table not yet published.", NULL);
    self->subscriptions = sw_metrics_gauge (metrics, "sunwai_analytics_stream_subscriptions",
                                            "Topic subscriptions active on the stream.", NULL);
    self->peers = sw_metrics_gauge (metrics, "sunwai_analytics_stream_subscribers",
                                    "Subscribers connected to the stream.", NULL);
    self->cases = sw_metrics_gauge (metrics, "sunwai_analytics_complaints",
                                    "Complaints in the read models.", NULL);
    self->heartbeats = sw_metrics_counter (metrics, "sunwai_analytics_heartbeats_total",
                                           "\"$head\" heartbeats published.", NULL);

    zloop_t *loop = sw_server_loop (server);
    zloop_reader (loop, self->stream, s_on_subscription, self);
    if (self->monitor)
        zloop_reader (loop, zactor_sock (self->monitor), s_on_monitor, self);
    zloop_timer (loop, (size_t)sw_config_int (config, "tail.poll_ms"), 0, s_on_poll, self);
    zloop_timer (loop, (size_t)sw_config_int (config, "stream.heartbeat_ms"), 0, s_on_heartbeat,
                 self);
    return self;
}

static void
s_destroy (void **state_p)
{
    analytics_t *self = (analytics_t *)*state_p;
    if (!self)
        return;
    //  HTTP has stopped (sw_service stops it before destroy): the API's
    //  pool has no users left.
    analytics_console_destroy (&self->console);
    analytics_commands_destroy (&self->commands);
    analytics_sessions_destroy (&self->sessions);
    analytics_web_destroy (&self->web);
    analytics_api_destroy (&self->api);
    if (self->listen_fd >= 0) {
        zmq_pollitem_t item = {NULL, self->listen_fd, ZMQ_POLLIN, 0};
        zloop_poller_end (sw_server_loop (self->server), &item);
    }
    zactor_destroy (&self->monitor);
    zactor_destroy (&self->replay);
    zsock_destroy (&self->stream);
    analytics_chains_destroy (&self->chains);
    analytics_figures_destroy (&self->figures);
    free (self);
    *state_p = NULL;
}

const sw_service_t analytics_service = {
    .name = "sunwai-analytics",
    .summary = "Keeps the state's figures from the event log, publishes every event on the\n"
               "event stream with replay, and serves the JSON API, the public status pages and\n"
               "dashboard, and the officer console (whose actions go to sunwai-router).",
    .keys = s_keys,
    .uses_db = true,
    .create = s_create,
    .destroy = s_destroy,
    .db_ready = s_db_ready,
};
