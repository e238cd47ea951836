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

//  Runs sql and, if it succeeds, calls fn with its result (fn must not
//  keep it).  In a pipeline the statement is only sent, and fn is called
//  when its result is read: at the next sw_db_query or the pipeline's end.
typedef void (sw_db_result_fn) (PGresult *result, void *arg);
int sw_db_exec_then (sw_db_t *self, const char *sql, int nparams,
                     const char *const *params, sw_db_result_fn *fn, void *arg);

//  Pipeline mode: statements go to the server without waiting for each
//  other's results, so a transaction of many writes costs one round trip
//  per read instead of one per statement.  Between begin and end,
//  sw_db_exec and sw_db_exec_then only send (0 = sent; a failure is
//  reported by a later call), and sw_db_query sends, then reads every
//  result outstanding and returns its own (NULL if it, or any statement
//  before it, failed).  Once a statement has failed the server skips the
//  rest until the end, and every call returns NULL/-1.  end sends the
//  pipeline's sync, reads what is left, and leaves pipeline mode: 0 if
//  every statement since begin succeeded.  Use it for a transaction that
//  the caller ends with sw_db_commit (a read) before end, or rolls back
//  (sw_db_rollback ends the pipeline first).  Statements are kept short
//  of what fills the socket buffers: every sw_db_query is a read point.
int sw_db_pipeline_begin (sw_db_t *self);
int sw_db_pipeline_end (sw_db_t *self);
bool sw_db_in_pipeline (sw_db_t *self);

int sw_db_begin (sw_db_t *self);
int sw_db_commit (sw_db_t *self);
//  Rolls back; never fails loudly (a lost connection is already marked).
void sw_db_rollback (sw_db_t *self);

void sw_db_test (bool verbose);

#endif
