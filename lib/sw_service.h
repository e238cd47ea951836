/*  sw_service: what every Sunwai process is made of, so that each main.c is
    the same few lines:

        int main (int argc, char **argv)
        {
            sw_config_t *config = sw_service_config (&router_service);
            int rc = sw_config_load (config, argc, argv);
            rc = rc == 0 ? sw_service_run (&router_service, config) : sw_service_exit_code (rc);
            sw_config_destroy (&config);
            return rc;
        }

    sw_service_run starts the server actor (a thread with a zloop), waits
    for it to report ready or failed, then blocks until SIGTERM/SIGINT or a
    fatal event, stops the actor (which drains and frees in reverse order)
    and returns the exit code.  The actor owns the metrics registry, the
    HTTP endpoint (/healthz, /readyz, /metrics), and for services that use
    PostgreSQL the connection: it connects with backoff, applies the
    migrations under the advisory lock, pings it every second, and reports
    not ready while it is down.  The service itself supplies create and
    destroy callbacks that add its sockets, readers, timers and routes. */
#ifndef SW_SERVICE_H
#define SW_SERVICE_H
#include <czmq.h>
#include <stdbool.h>
#include "sw_config.h"
#include "sw_curve.h"
#include "sw_db.h"
#include "sw_http.h"
#include "sw_metrics.h"

typedef struct _sw_server_t sw_server_t;

typedef struct {
    const char *name;                 //  program name, e.g. "sunwai-router"
    const char *summary;              //  --help paragraph
    const sw_config_key_t *keys;      //  the service's own keys
    bool uses_db;                     //  connect, migrate, keep connected
    //  Build the service inside the actor: bind sockets, add readers and
    //  timers to sw_server_loop, add HTTP routes.  Return the service's
    //  state, or NULL (after logging) to fail the start.
    void *(*create) (sw_server_t *server);
    //  Drain and free (called on shutdown, in the actor thread).
    void (*destroy) (void **state_p);
    //  Optional: PostgreSQL is connected and migrated (again).
    void (*db_ready) (void *state);
} sw_service_t;

//  Keys every service that uses PostgreSQL has: db.url, db.migrate.
extern const sw_config_key_t sw_service_db_keys[];

//  A config table for the service: common keys, db keys if it uses the
//  database, the curve.* keys, then its own.
sw_config_t *sw_service_config (const sw_service_t *service);
//  Run until signalled. Returns the process exit code.
int sw_service_run (const sw_service_t *service, sw_config_t *config);
//  Map a sw_config_load result to an exit code: 1 (help, version,
//  print, check) -> 0, -1 (bad config) -> 2.
int sw_service_exit_code (int rc);

//  Where a data file (model, state file, gazetteer) is: the configured path
//  if not empty; else relative, under the current directory; else under
//  <directory of the binary>/../share/sunwai/ (where the build and the
//  container put them).  A copy (caller frees), or NULL if none exists.
char *sw_service_find_file (const char *configured, const char *relative);

//  Accessors for the service's callbacks (actor thread).
sw_config_t *sw_server_config (sw_server_t *self);
zloop_t *sw_server_loop (sw_server_t *self);
sw_http_t *sw_server_http (sw_server_t *self);
sw_metrics_t *sw_server_metrics (sw_server_t *self);
//  The actor's PostgreSQL connection (NULL for services without a db).
sw_db_t *sw_server_db (sw_server_t *self);
//  True once connected and migrated, false while down.
bool sw_server_db_ready (sw_server_t *self);
//  The service's own readiness (default true once create returned).
void sw_server_set_ready (sw_server_t *self, bool ready, const char *reason);
//  Stop the process with exit code 1 after logging reason.
void sw_server_fatal (sw_server_t *self, const char *reason);
//  Stop the process normally with this exit code (a one-shot job such as
//  a replay has finished). Actor thread only.
void sw_server_exit (sw_server_t *self, int code);
//  A socket bound or connected to endpoints (czmq notation), with CURVE
//  when curve.* is configured (sw_curve.h).  NULL after logging.  Any
//  thread may call it.
zsock_t *sw_server_socket (sw_server_t *self, int type, const char *endpoints);
//  The process's CURVE settings, for sockets made outside the actor.
sw_curve_t *sw_server_curve (sw_server_t *self);
//  The service's state as returned by create.
void *sw_server_state (sw_server_t *self);

#endif
