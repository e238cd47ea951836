/*  sw_db: one PostgreSQL connection with reconnect and backoff, and query
    helpers that always pass values as parameters.

    A service owns one sw_db per thread.  sw_db_ensure () (re)connects when
    the connection is down and the backoff delay has passed, so a loop can
    call it on every tick: while PostgreSQL is down the service keeps
    running, reports not ready, and recovers without a restart.  Every
    query helper returns NULL/-1 on failure after logging the error once
    (PostgreSQL's message, the SQLSTATE and the statement's name), and marks
    the connection down if the failure was a lost connection. */
#ifndef SW_DB_H
#define SW_DB_H
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct _sw_db_t sw_db_t;

//  conninfo: a libpq connection string or postgresql:// URI.
//  Does not connect. Backoff starts at 100 ms and doubles to max 10 s.
sw_db_t *sw_db_new (const char *conninfo);
void sw_db_destroy (sw_db_t **self_p);

//  Connect now if not connected (ignores backoff). 0 on success.
int sw_db_connect (sw_db_t *self);
//  Connect if down and the backoff has elapsed. 0 if connected after the call.
int sw_db_ensure (sw_db_t *self);
//  Non-blocking variant for event loops: starts a connection when down and
//  the backoff has elapsed, then advances it on each call without waiting
//  (gives up after 5 s). Returns 0 once connected, -1 meanwhile.
int sw_db_connect_poll (sw_db_t *self);
//  True while the connection is up (as last seen).
bool sw_db_connected (sw_db_t *self);
//  Drop the connection (the next ensure reconnects).
void sw_db_disconnect (sw_db_t *self);
//  The libpq connection, or NULL when down.
PGconn *sw_db_conn (sw_db_t *self);
//  Count of successful (re)connections so far.
uint64_t sw_db_connect_count (sw_db_t *self);

//  Run sql with text parameters (NULL entries are SQL NULL).  Returns the
//  result if its status is PGRES_TUPLES_OK or PGRES_COMMAND_OK; else logs,
//  clears it and returns NULL.  Caller PQclear()s the result.
PGresult *sw_db_query (sw_db_t *self, const char *sql, int nparams,
                       const char *const *params);
//  Same, discarding the result. 0 on success, -1 on failure.
int sw_db_exec (sw_db_t *self, const char *sql, int nparams,
                const char *const *params);
//  SQLSTATE of the last failed statement ("" if none), e.g. "23505".
const char *sw_db_last_sqlstate (sw_db_t *self);
//  Message of the last failure, or "".
const char *sw_db_last_error (sw_db_t *self);

int sw_db_begin (sw_db_t *self);
int sw_db_commit (sw_db_t *self);
//  Rolls back; never fails loudly (a lost connection is already marked).
void sw_db_rollback (sw_db_t *self);

void sw_db_test (bool verbose);

#endif
