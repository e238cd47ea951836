/*  sw_service: the process skeleton every Sunwai program runs.

    Threads: the main thread only waits (for a signal, or for the actor to
    report a fatal error); the server actor runs a zloop that owns every
    socket, timer and the PostgreSQL connection; libmicrohttpd runs the HTTP
    endpoint on its own threads and reads only thread-safe state (metrics,
    readiness).

    Start-up, in the actor: metrics, HTTP endpoint, the service's create
    callback, then "READY" to the main thread.  The database is not needed
    to start: a 100 ms timer connects without blocking (with sw_db's
    backoff), migrates once per connection, and pings every second; /readyz says 503 "database unavailable"
    until that succeeds and again whenever the connection is lost, so an
    orchestrator waits and a restart of PostgreSQL needs no restart here.

    Shutdown: SIGTERM/SIGINT set czmq's zsys_interrupted; the main thread
    notices within 100 ms and sends $TERM to the actor, whose loop ends; the
    HTTP endpoint stops (letting requests in flight finish), the service's
    destroy callback drains its work, then the database and the metrics are
    freed. */
#include "sw_service.h"
#include "sw_log.h"
#include "sw_migrate.h"

#include <openssl/crypto.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const sw_config_key_t sw_service_db_keys[] = {
    { "db.url", SW_CONFIG_STRING, NULL, 0, 0, NULL, true, NULL,
      "PostgreSQL connection string or postgresql:// URL" },
    { "db.migrate", SW_CONFIG_BOOL, "true", 0, 0, NULL, false, NULL,
      "apply pending schema migrations at start (under an advisory lock)" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

struct _sw_server_t {
    const sw_service_t *service;  //  the service's definition
    sw_config_t *config;          //  effective configuration (borrowed)
    zsock_t *pipe;                //  actor pipe to the main thread
    zloop_t *loop;                //  the actor's reactor
    sw_metrics_t *metrics;        //  registry served on /metrics
    sw_http_t *http;              //  health, readiness, metrics, routes
    sw_db_t *db;                  //  PostgreSQL, NULL if unused
    bool db_ready;                //  connected and migrated
    bool service_ready;           //  the service's own readiness
    char service_reason[128];     //  why the service is not ready
    bool fatal;                   //  a fatal error was reported
    unsigned long ticks;          //  100 ms ticks so far
    void *state;                  //  the service's state
    sw_gauge_t *db_up;            //  sunwai_db_up
    sw_gauge_t *rss;              //  process_resident_memory_bytes
    sw_counter_t *db_reconnects;  //  sunwai_db_connects_total
    sw_curve_t *curve;            //  CURVE for the service's sockets
};

char *
sw_service_find_file (const char *configured, const char *relative)
{
    if (configured && *configured)
        return strdup (configured);
    if (access (relative, R_OK) == 0)
        return strdup (relative);
    char exe[PATH_MAX];
    ssize_t n = readlink ("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr (exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    char path[PATH_MAX + 300];
    snprintf (path, sizeof path, "%s/../share/sunwai/%s", exe, relative);
    return access (path, R_OK) == 0 ? strdup (path) : NULL;
}

sw_config_t *
sw_service_config (const sw_service_t *service)
{
    sw_config_t *config = sw_config_new (service->name, service->summary, NULL);
    if (config && service->uses_db)
        sw_config_add (config, sw_service_db_keys);
    if (config)
        sw_config_add (config, sw_curve_keys);
    if (config)
        sw_config_add (config, service->keys);
    return config;
}

int
sw_service_exit_code (int rc)
{
    if (rc == 1)
        return 0;
    if (rc < 0)
        return 2;
    return rc;
}

sw_config_t *sw_server_config (sw_server_t *self) { return self->config; }

sw_curve_t *sw_server_curve (sw_server_t *self) { return self->curve; }

zsock_t *
sw_server_socket (sw_server_t *self, int type, const char *endpoints)
{
    return sw_curve_socket (self->curve, type, endpoints);
}
zloop_t *sw_server_loop (sw_server_t *self) { return self->loop; }
sw_http_t *sw_server_http (sw_server_t *self) { return self->http; }
sw_metrics_t *sw_server_metrics (sw_server_t *self) { return self->metrics; }
sw_db_t *sw_server_db (sw_server_t *self) { return self->db; }
bool sw_server_db_ready (sw_server_t *self) { return self->db_ready; }
void *sw_server_state (sw_server_t *self) { return self->state; }

//  Recompute /readyz from the database and the service's own state.
static void
s_update_ready (sw_server_t *self)
{
    if (self->db && !self->db_ready)
        sw_http_set_ready (self->http, false, "database unavailable");
    else if (!self->service_ready)
        sw_http_set_ready (self->http, false,
                           self->service_reason[0] ? self->service_reason : "starting");
    else
        sw_http_set_ready (self->http, true, NULL);
}

void
sw_server_set_ready (sw_server_t *self, bool ready, const char *reason)
{
    self->service_ready = ready;
    snprintf (self->service_reason, sizeof self->service_reason, "%s", reason ? reason : "");
    s_update_ready (self);
}

void
sw_server_fatal (sw_server_t *self, const char *reason)
{
    sw_log_kv (SW_LOG_ERROR, "stopping after a fatal error", "reason", reason, NULL);
    self->fatal = true;
    zstr_send (self->pipe, "FATAL");
}

void
sw_server_exit (sw_server_t *self, int code)
{
    zstr_sendf (self->pipe, "EXIT %d", code);
}

static void
s_sample_memory (sw_server_t *self)
{
    FILE *f = fopen ("/proc/self/statm", "r");
    if (!f)
        return;
    unsigned long size = 0, resident = 0;
    if (fscanf (f, "%lu %lu", &size, &resident) == 2)
        sw_gauge_set (self->rss, (double) resident * (double) sysconf (_SC_PAGESIZE));
    fclose (f);
}

//  Every 100 ms: advance a connection under way (non-blocking, so the
//  service's sockets stay answered while PostgreSQL is slow or gone); every
//  second: ping the connection and sample memory.
static int
s_db_tick (zloop_t *loop, int timer_id, void *arg)
{
    sw_server_t *self = (sw_server_t *) arg;
    bool second = ++self->ticks % 10 == 1;
    if (second)
        s_sample_memory (self);
    if (!self->db)
        return 0;
    bool was_ready = self->db_ready;
    if (self->db_ready && second) {
        //  A cheap ping: the only way to notice a dead connection while idle.
        if (sw_db_exec (self->db, "SELECT 1", 0, NULL) != 0) {
            self->db_ready = false;
            sw_db_disconnect (self->db);
        }
    }
    if (!self->db_ready && sw_db_connect_poll (self->db) == 0) {
        int applied = 0;
        if (sw_config_bool (self->config, "db.migrate")
            && sw_migrate_run (self->db, &applied) != 0) {
            //  A schema we cannot apply will not fix itself by retrying
            //  forever quietly; keep trying, but loudly, and stay not ready.
            sw_db_disconnect (self->db);
        }
        else {
            self->db_ready = true;
            sw_counter_inc (self->db_reconnects);
        }
    }
    sw_gauge_set (self->db_up, self->db_ready ? 1 : 0);
    if (self->db_ready != was_ready) {
        if (self->db_ready)
            sw_log (SW_LOG_INFO, "database ready");
        else
            sw_log (SW_LOG_WARN, "database unavailable; retrying with backoff");
        s_update_ready (self);
        if (self->db_ready && self->service->db_ready && self->state)
            self->service->db_ready (self->state);
    }
    return 0;
}

static int
s_pipe_reader (zloop_t *loop, zsock_t *pipe, void *arg)
{
    zmsg_t *msg = zmsg_recv (pipe);
    if (!msg)
        return -1;
    char *command = zmsg_popstr (msg);
    int rc = 0;
    if (command && streq (command, "$TERM"))
        rc = -1;
    free (command);
    zmsg_destroy (&msg);
    return rc;
}

static void
s_server_actor (zsock_t *pipe, void *args)
{
    sw_server_t *self = (sw_server_t *) args;
    self->pipe = pipe;
    zsock_signal (pipe, 0);

    const char *failure = NULL;
    self->metrics = sw_metrics_new ();
    self->loop = zloop_new ();
    if (!self->metrics || !self->loop)
        failure = "out of memory";
    if (!failure) {
        zloop_set_nonstop (self->loop, true);
        char labels[128];
        snprintf (labels, sizeof labels, "service=\"%s\",version=\"%s\"", self->service->name,
                  SUNWAI_VERSION);
        sw_gauge_set (sw_metrics_gauge (self->metrics, "sunwai_build_info",
                                        "Build information; always 1.", labels), 1);
        self->db_up = sw_metrics_gauge (self->metrics, "sunwai_db_up",
                                        "1 while PostgreSQL is connected and migrated.", NULL);
        self->db_reconnects = sw_metrics_counter (
            self->metrics, "sunwai_db_connects_total",
            "Connections to PostgreSQL made ready (first and reconnects).", NULL);
        self->rss = sw_metrics_gauge (self->metrics, "process_resident_memory_bytes",
                                      "Resident memory size in bytes.", NULL);
        s_sample_memory (self);
        self->http = sw_http_new (sw_config_str (self->config, "http.bind"),
                                  (int) sw_config_int (self->config, "http.port"),
                                  (size_t) sw_config_int (self->config, "http.max_body"),
                                  self->metrics);
        if (!self->http || sw_http_start (self->http) != 0)
            failure = "could not start the HTTP endpoint";
    }
    if (!failure) {
        sw_http_set_ready (self->http, false, "starting");
        if (self->service->uses_db) {
            self->db = sw_db_new (sw_config_str (self->config, "db.url"));
            if (!self->db)
                failure = "out of memory";
        }
    }
    if (!failure) {
        self->curve = sw_curve_new (self->config);
        if (!self->curve)
            failure = "bad CURVE settings";
    }
    if (!failure) {
        self->service_ready = true;
        self->state = self->service->create ? self->service->create (self) : self;
        if (!self->state)
            failure = "the service could not start";
    }
    if (!failure) {
        zloop_reader (self->loop, pipe, s_pipe_reader, self);
        zloop_timer (self->loop, 100, 0, s_db_tick, self);
        s_db_tick (self->loop, 0, self);
        s_update_ready (self);
        char port[16];
        snprintf (port, sizeof port, "%d", sw_http_port (self->http));
        sw_log_kv (SW_LOG_INFO, "started", "version", SUNWAI_VERSION, "http_port", port, NULL);
        zstr_send (pipe, "READY");
        zloop_start (self->loop);
        sw_log (SW_LOG_INFO, "stopping");
    }
    else {
        sw_log_kv (SW_LOG_ERROR, "could not start", "reason", failure, NULL);
        zstr_send (pipe, "FAILED");
    }
    //  HTTP stops first: its handlers may be waiting on the service's work,
    //  which still runs, and once it is gone no new request can reach a
    //  service being freed.  Then the service drains, while the database is
    //  still there for it.
    if (self->http)
        sw_http_set_ready (self->http, false, "stopping");
    sw_http_destroy (&self->http);
    if (self->state && self->state != self && self->service->destroy)
        self->service->destroy (&self->state);
    sw_db_destroy (&self->db);
    sw_curve_destroy (&self->curve);
    zloop_destroy (&self->loop);
    sw_metrics_destroy (&self->metrics);
    //  OpenSSL (SHA-256 in the migrations, TLS in libpq) keeps per-thread
    //  state that it frees only when the thread says it is done.
    OPENSSL_thread_stop ();
    if (failure) {
        //  Wait for $TERM so that zactor_destroy does not block on a gone peer.
        char *command = zstr_recv (pipe);
        free (command);
    }
}

int
sw_service_run (const sw_service_t *service, sw_config_t *config)
{
    sw_server_t server = { .service = service, .config = config };
    //  czmq installs its SIGINT/SIGTERM handler here; it only sets
    //  zsys_interrupted, which we poll.
    zsys_init ();
    zsys_set_logstream (NULL);
    zactor_t *actor = zactor_new (s_server_actor, &server);
    if (!actor)
        return 1;
    char *status = zstr_recv (actor);
    int rc = (status && streq (status, "READY")) ? 0 : 1;
    free (status);
    if (rc == 0) {
        zpoller_t *poller = zpoller_new (actor, NULL);
        while (!zsys_interrupted) {
            void *which = zpoller_wait (poller, 100);
            if (which == actor) {
                char *event = zstr_recv (actor);
                bool fatal = event && streq (event, "FATAL");
                bool exit = event && strncmp (event, "EXIT ", 5) == 0;
                if (exit)
                    rc = atoi (event + 5);
                free (event);
                if (fatal)
                    rc = 1;
                if (fatal || exit)
                    break;
            }
            else if (zpoller_terminated (poller) && !zsys_interrupted)
                continue;
        }
        zpoller_destroy (&poller);
        if (zsys_interrupted)
            sw_log (SW_LOG_INFO, "signal received, shutting down");
    }
    zactor_destroy (&actor);
    char code[12];
    snprintf (code, sizeof code, "%d", rc);
    sw_log_kv (SW_LOG_INFO, "stopped", "exit_code", code, NULL);
    return rc;
}
