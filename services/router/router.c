/*  sunwai-router: owns a case from classification to closure.  PULLs
    complaints (classified or not), applies the state's rules, records the
    assignment, status, events and outbox rows in one transaction, and
    PUSHes notification jobs to notifier.  A ROUTER socket takes officers'
    case commands from the console and sunwaictl.

    This file is the process shell: configuration, the state file, the
    sockets and the SLA timer.  route.c routes, sla.c escalates and
    re-pushes, commands.c answers case commands.  See docs/router.md. */
#include "router.h"
#include "sw_frame.h"
#include "sw_log.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const sw_config_key_t s_keys[] = {
    { "http.port", SW_CONFIG_INT, "9103", 0, 65535, NULL, false, NULL,
      "TCP port for /healthz, /readyz and /metrics" },
    { "in.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5558", 0, 0, NULL, false, NULL,
      "PULL socket for complaints from classifiers (or from ingest)" },
    { "commands.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5559", 0, 0, NULL, false, NULL,
      "ROUTER socket for case commands (console, sunwaictl)" },
    { "notify.endpoint", SW_CONFIG_ENDPOINT, "@tcp://*:5560", 0, 0, NULL, false, NULL,
      "PUSH socket for notification jobs to notifier" },
    { "state.file", SW_CONFIG_PATH, "", 0, 0, NULL, false, NULL,
      "the state's deployment file; empty: deploy/<state>/state.yaml here or in "
      "<binary>/../share/sunwai (none found: complaints are not routed)" },
    { "status.url", SW_CONFIG_STRING, "https://sunwai.example/status/", 0, 0, NULL, false,
      NULL, "public status page base; the docket is appended" },
    { "sla.interval_ms", SW_CONFIG_INT, "5000", 10, 3600000, NULL, false, NULL,
      "how often the SLA timer escalates overdue cases and re-pushes the outbox" },
    { "route.batch", SW_CONFIG_INT, "64", 1, 256, NULL, false, NULL,
      "most complaints routed in one transaction (those already waiting on the socket)" },
    { "outbox.repush_after_s", SW_CONFIG_INT, "30", 1, 86400, NULL, false, NULL,
      "re-push an outbox row still pending this long after its last push" },
    { "incident.window_s", SW_CONFIG_INT, "3600", 0, 2592000, NULL, false, NULL,
      "link a report to an open case of the same incident received this many seconds "
      "before it; 0: no incident grouping" },
    { "incident.similarity_pct", SW_CONFIG_INT, "40", 1, 100, NULL, false, NULL,
      "word-set (Jaccard) similarity, in percent, for two reports to be one incident" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

//  The state file: the configured path (which must exist), else
//  deploy/<state>/state.yaml in the working directory, else under
//  <binary>/../share/sunwai.  NULL when nothing is configured or found.
static char *
s_state_path (sw_config_t *config)
{
    char relative[256];
    snprintf (relative, sizeof relative, "deploy/%s/state.yaml", sw_config_str (config, "state"));
    return sw_service_find_file (sw_config_str (config, "state.file"), relative);
}

#define S_BATCH_MAX 256   //  route.batch's upper bound

//  Complaints come one frame each; those already waiting are taken too, up
//  to route.batch, and routed in one transaction: one commit (one WAL
//  flush) for the lot instead of one each.
static int
s_on_complaint (zloop_t *loop, zsock_t *reader, void *arg)
{
    router_t *self = (router_t *) arg;
    Sunwai__V1__Complaint *batch[S_BATCH_MAX];
    size_t count = 0;
    do {
        Sunwai__V1__Complaint *complaint = (Sunwai__V1__Complaint *) sw_frame_recv (
            reader, &sunwai__v1__complaint__descriptor, sw_server_db (self->server), "router",
            self->bad_in);
        if (complaint) {
            sw_counter_inc (self->received);
            batch[count++] = complaint;
        }
    } while (count < self->batch_max && (zsock_events (reader) & ZMQ_POLLIN));
    if (count == 0)
        return 0;
    if (!self->state || !sw_server_db_ready (self->server) || !self->units_synced) {
        //  Dropped from memory only: the rows stay RECEIVED and ingest's
        //  re-driver sends them again.
        sw_counter_add (self->dropped, (double) count);
        sw_log_kv (SW_LOG_DEBUG,
                   !self->state ? "no state file: complaints left RECEIVED"
                                : "database not ready: complaints left RECEIVED",
                   NULL);
    }
    else
        router_route_batch (self, batch, count);
    for (size_t i = 0; i < count; i++)
        protobuf_c_message_free_unpacked (&batch[i]->base, NULL);
    return 0;
}

//  ROUTER frames: [identity][type][body].  commands.c replies to each.
static int
s_on_command (zloop_t *loop, zsock_t *reader, void *arg)
{
    router_t *self = (router_t *) arg;
    zmsg_t *msg = zmsg_recv (reader);
    if (!msg)
        return 0;
    router_handle_command (self, msg);
    zmsg_destroy (&msg);
    return 0;
}

static void
s_sync (router_t *self)
{
    self->units_synced = router_sync_units (self) == 0;
    if (self->units_synced)
        sw_log_kv (SW_LOG_INFO, "units synced", "state", sw_state_code (self->state), NULL);
}

//  PostgreSQL is connected and migrated (again): the units first.
static void
s_db_ready (void *arg)
{
    router_t *self = (router_t *) arg;
    self->units_synced = false;
    if (self->state)
        s_sync (self);
}

static int
s_on_sla_timer (zloop_t *loop, int timer_id, void *arg)
{
    router_t *self = (router_t *) arg;
    if (!self->state)
        return 0;
    if (!sw_server_db_ready (self->server)) {
        self->units_synced = false;
        return 0;
    }
    if (!self->units_synced)
        s_sync (self);
    if (self->units_synced)
        router_sla_tick (self);
    return 0;
}

static void s_destroy (void **state_p);

static void *
s_create (sw_server_t *server)
{
    router_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    sw_config_t *config = sw_server_config (server);
    sw_metrics_t *metrics = sw_server_metrics (server);
    self->server = server;
    self->metrics = metrics;
    self->status_url = sw_config_str (config, "status.url");
    self->incident_window_s = sw_config_int (config, "incident.window_s");
    self->batch_max = (size_t) sw_config_int (config, "route.batch");
    self->incident_similarity_pct = sw_config_int (config, "incident.similarity_pct");

    char *path = s_state_path (config);
    if (path) {
        char err[512];
        self->state = sw_state_load (path, err, sizeof err);
        if (!self->state) {
            sw_log_kv (SW_LOG_ERROR, "could not load the state file", "reason", err, "file",
                       path, NULL);
            free (path);
            free (self);
            return NULL;
        }
        sw_log_kv (SW_LOG_INFO, "state file loaded", "state", sw_state_code (self->state),
                   "file", path, NULL);
        free (path);
    }
    else
        sw_log_kv (SW_LOG_WARN, "no state file: complaints are not routed", "state",
                   sw_config_str (config, "state"), "hint",
                   "Set state.file to deploy/<state>/state.yaml.", NULL);

    self->in = sw_server_socket (server, ZMQ_PULL, sw_config_str (config, "in.endpoint"));
    self->commands = sw_server_socket (server, ZMQ_ROUTER,
                                       sw_config_str (config, "commands.endpoint"));
    self->notify = sw_server_socket (server, ZMQ_PUSH, sw_config_str (config, "notify.endpoint"));
    if (!self->in || !self->commands || !self->notify) {
        sw_log (SW_LOG_ERROR, "could not open router sockets");
        void *state = self;
        s_destroy (&state);
        return NULL;
    }
    //  Never block the loop on a slow notifier: the outbox row stays
    //  pending and the SLA timer re-pushes it.
    zsock_set_sndtimeo (self->notify, 0);

    self->received = sw_metrics_counter (metrics, "sunwai_router_received_total",
                                         "Complaints received.", NULL);
    self->routed = sw_metrics_counter (metrics, "sunwai_router_routed_total",
                                       "Complaints routed to a unit.", NULL);
    self->rejected = sw_metrics_counter (metrics, "sunwai_router_rejected_total",
                                         "Complaints rejected.", NULL);
    self->duplicates = sw_metrics_counter (metrics, "sunwai_router_duplicates_total",
                                           "Deliveries that changed nothing.", NULL);
    self->escalations = sw_metrics_counter (metrics, "sunwai_router_escalations_total",
                                            "SLA escalations.", NULL);
    self->pushed = sw_metrics_counter (metrics, "sunwai_router_jobs_pushed_total",
                                       "Notification jobs pushed to notifier.", NULL);
    self->dropped = sw_metrics_counter (
        metrics, "sunwai_router_deferred_total",
        "Complaints left RECEIVED (no state file, database down or units not synced).", NULL);
    self->bad_in = sw_metrics_counter (metrics, "sunwai_frames_undecodable_total",
                                       "Frames that could not be decoded.", "socket=\"in\"");
    self->bad_command = sw_metrics_counter (metrics, "sunwai_frames_undecodable_total",
                                            "Frames that could not be decoded.",
                                            "socket=\"commands\"");
    zloop_t *loop = sw_server_loop (server);
    zloop_reader (loop, self->in, s_on_complaint, self);
    zloop_reader (loop, self->commands, s_on_command, self);
    zloop_timer (loop, (size_t) sw_config_int (config, "sla.interval_ms"), 0, s_on_sla_timer,
                 self);
    return self;
}

static void
s_destroy (void **state_p)
{
    router_t *self = (router_t *) *state_p;
    if (!self)
        return;
    zsock_destroy (&self->in);
    zsock_destroy (&self->commands);
    zsock_destroy (&self->notify);
    sw_state_destroy (&self->state);
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
    .db_ready = s_db_ready,
};
