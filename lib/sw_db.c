/*  sw_db: one PostgreSQL connection, its reconnect state machine, and the
    query helpers every service uses.

    The connection is either down (conn == NULL) or up (conn != NULL):

      down -> up    sw_db_connect () tries at once; sw_db_ensure () tries
                    only when next_attempt_ms has passed.  A success resets
                    the backoff to 100 ms and counts a connection.
      down -> down  a failed attempt logs "could not connect to database",
                    sets the next attempt backoff_ms ahead, then doubles
                    backoff_ms up to 10 s, so a service whose database is
                    away asks again ten times a second at first and every
                    ten seconds after a while.
      up -> down    a statement failed and libpq now says CONNECTION_BAD
                    (the server restarted, our backend was terminated, the
                    network went away), or the caller disconnected.  The
                    next attempt may happen at once: only a failed attempt
                    earns a wait.

    Statements always go through PQexecParams or PQexecPrepared with text
    parameters, so that values never become SQL.  A SELECT, INSERT, UPDATE,
    DELETE or WITH statement is prepared on the connection the first time
    its text is used (named sw_1, sw_2, ...), and executed by name after
    that: parsing, analysis and (once PostgreSQL settles on a generic plan)
    planning are paid once per connection, not once per execution.  The
    services' statements are constant strings with $n placeholders, so the
    set is small; after SW_DB_PREPARED_MAX texts, new ones run unprepared.
    A new connection starts with none prepared.  The connection's
    statements are deallocated and prepared afresh after 1 s, then after
    2, 4 and 8 s, then every SW_DB_PREPARED_TTL_MS (10 s): a generic plan
    chosen while a table was nearly empty (a new deployment, the morning
    after a restore) would otherwise stay until autovacuum next analyses
    the table, and a plan made now sees the table's current size.  The
    short first renewals matter on a new deployment's first burst: a
    sequential scan planned for an empty complaints table and kept for 10 s
    while it grew to 50,000 rows cost analytics 46 ms a call, most of a core
    (bench/README.md).

    A failed statement is logged once with its
    SQLSTATE, PostgreSQL's primary message and the statement text (whose
    values are all $n placeholders).  Two things are never logged: the
    conninfo, which may hold a password, and parameter values, which may
    hold personal data; that is also why the DETAIL of an error, which
    repeats key values ("Key (handle)=(...) already exists"), is left out. */
#include "sw_db.h"
#include "sw_log.h"

#include <czmq.h>
#include <arpa/inet.h>
#include <assert.h>
#include <netinet/in.h>
#include <stdio.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SW_DB_BACKOFF_MIN_MS 100
#define SW_DB_BACKOFF_MAX_MS 10000
#define SW_DB_PREPARED_MAX 256
#define SW_DB_PREPARED_TTL_MS 10000
#define SW_DB_PREPARED_TTL_FIRST_MS 1000

//  A statement sent in pipeline mode whose result is not read yet.
typedef struct {
    char *sql;                  //  its text, for the log and the prepared map
    bool prepare;               //  its Parse (preparing sql), not its run
    bool named;                 //  run by its prepared name
    sw_db_result_fn *fn;        //  called with its result if it succeeds
    void *arg;
} s_sent_t;

struct _sw_db_t {
    char *conninfo;             //  libpq conninfo; may hold a password
    PGconn *conn;               //  the connection, NULL while down
    int64_t backoff_ms;         //  wait imposed by the next failed attempt
    int64_t next_attempt_ms;    //  monotonic ms before which ensure waits
    uint64_t connect_count;     //  successful connections so far
    uint64_t attempt_count;     //  connection attempts so far
    PGconn *pending;            //  a non-blocking connect under way, or NULL
    int64_t pending_deadline_ms; //  when the pending connect is given up
    char sqlstate[6];           //  SQLSTATE of the last failure, or ""
    char error[512];            //  message of the last failure, or ""
    zhashx_t *prepared;         //  statement text -> name, on this connection
    uint64_t prepared_seq;      //  names given so far
    int64_t prepared_since_ms;  //  when the first of them was prepared
    int64_t prepared_ttl_ms;    //  when they are renewed: 1 s, doubling to the TTL
    bool pipeline;              //  in pipeline mode (sw_db_pipeline_begin)
    bool pipeline_failed;       //  a statement of this pipeline failed
    s_sent_t *sent;             //  statements sent whose results are unread
    size_t nsent;               //  how many, oldest first
    size_t maxsent;             //  allocated
};

static int64_t
s_now_ms (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

//  Copies src into dest (size bytes) as one line: libpq's messages span
//  lines and end in a newline, which reads badly inside a JSON log field.
//  Runs of white space become one space; leading and trailing go.
static void
s_oneline (char *dest, size_t size, const char *src)
{
    assert (size > 0);
    size_t len = 0;
    bool space = false;
    for (; src && *src && len + 1 < size; src++) {
        if (*src == ' ' || *src == '\t' || *src == '\n' || *src == '\r') {
            space = len > 0;
            continue;
        }
        if (space) {
            if (len + 2 >= size)
                break;
            dest[len++] = ' ';
            space = false;
        }
        dest[len++] = *src;
    }
    dest[len] = 0;
}

static void
s_set_error (sw_db_t *self, const char *sqlstate, const char *error)
{
    snprintf (self->sqlstate, sizeof self->sqlstate, "%s", sqlstate ? sqlstate : "");
    s_oneline (self->error, sizeof self->error, error);
}

//  Server notices (NOTICE, WARNING) would otherwise go to stderr as plain
//  text in the middle of our JSON lines.
static void
s_notice_receiver (void *arg, const PGresult *res)
{
    const char *severity = PQresultErrorField (res, PG_DIAG_SEVERITY_NONLOCALIZED);
    char message[512];
    s_oneline (message, sizeof message, PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY));
    sw_log_level_t level = severity && strcmp (severity, "WARNING") == 0
                         ? SW_LOG_WARN : SW_LOG_DEBUG;
    sw_log_kv (level, "notice from database",
               "severity", severity,
               "sqlstate", PQresultErrorField (res, PG_DIAG_SQLSTATE),
               "message", message, NULL);
}

//  Forgets the pipeline: the connection it was on is gone.
static void
s_pipeline_reset (sw_db_t *self)
{
    for (size_t i = 0; i < self->nsent; i++)
        free (self->sent[i].sql);
    self->nsent = 0;
    self->pipeline = false;
    self->pipeline_failed = false;
}

//  The connection went bad under us: drop it.  The next attempt may come
//  at once; if it fails, the backoff starts.
static void
s_lost (sw_db_t *self)
{
    char error[512];
    s_oneline (error, sizeof error, PQerrorMessage (self->conn));
    sw_log_kv (SW_LOG_ERROR, "lost connection to database",
               "database", PQdb (self->conn), "error", error, NULL);
    PQfinish (self->conn);
    self->conn = NULL;
    self->next_attempt_ms = 0;
    s_pipeline_reset (self);
}

//  Logs a failed statement once, records its SQLSTATE and message, and
//  marks the connection down if libpq says it is gone.  res may be NULL
//  (libpq could not even build a result).
static void
s_failed (sw_db_t *self, const PGresult *res, const char *sql)
{
    //  A FATAL error ends the server's session; in pipeline mode libpq may
    //  not have read the end of the connection yet when it is reported
    const char *severity = res ? PQresultErrorField (res, PG_DIAG_SEVERITY_NONLOCALIZED) : NULL;
    bool fatal = severity && (strcmp (severity, "FATAL") == 0 || strcmp (severity, "PANIC") == 0);
    bool lost = self->conn && (PQstatus (self->conn) == CONNECTION_BAD || fatal);
    const char *sqlstate = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
    const char *primary = res ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    char error[512];
    if (primary)
        s_oneline (error, sizeof error, primary);
    else
    if (res && *PQresultErrorMessage (res))
        //  Client-side errors have no primary field and no DETAIL
        s_oneline (error, sizeof error, PQresultErrorMessage (res));
    else
    if (self->conn && *PQerrorMessage (self->conn))
        s_oneline (error, sizeof error, PQerrorMessage (self->conn));
    else
        snprintf (error, sizeof error, "unexpected result status %s",
                  res ? PQresStatus (PQresultStatus (res)) : "(no result)");
    //  A connection that broke on the client side has no SQLSTATE; give it
    //  the standard one for a failed connection so callers can tell.
    if (!sqlstate || !*sqlstate)
        sqlstate = lost ? "08006" : "";
    s_set_error (self, sqlstate, error);

    //  Constraint violations and serialization failures are often expected
    //  and handled by the caller (duplicates, retries): a warning, not an
    //  error.
    bool expected = strncmp (sqlstate, "23", 2) == 0 || strncmp (sqlstate, "40", 2) == 0;
    char statement[200];
    s_oneline (statement, sizeof statement, sql);
    sw_log_kv (expected ? SW_LOG_WARN : SW_LOG_ERROR, "could not execute statement",
               "sqlstate", sqlstate, "error", error, "statement", statement, NULL);
    if (lost)
        s_lost (self);
}

sw_db_t *
sw_db_new (const char *conninfo)
{
    assert (conninfo);
    //  Catch a malformed string here rather than on every attempt.  libpq's
    //  message may quote the string, so it is not logged.
    char *errmsg = NULL;
    PQconninfoOption *options = PQconninfoParse (conninfo, &errmsg);
    if (!options) {
        PQfreemem (errmsg);
        sw_log_kv (SW_LOG_ERROR, "invalid database connection string",
                   "hint", "Check the syntax of the libpq connection string "
                   "or URI; it is not logged because it may hold a password.", NULL);
        return NULL;
    }
    PQconninfoFree (options);

    sw_db_t *self = (sw_db_t *) calloc (1, sizeof (sw_db_t));
    if (!self)
        return NULL;
    self->conninfo = strdup (conninfo);
    if (!self->conninfo) {
        free (self);
        return NULL;
    }
    self->backoff_ms = SW_DB_BACKOFF_MIN_MS;
    return self;
}

void
sw_db_destroy (sw_db_t **self_p)
{
    assert (self_p);
    if (*self_p) {
        sw_db_t *self = *self_p;
        if (self->conn)
            PQfinish (self->conn);
        if (self->pending)
            PQfinish (self->pending);
        explicit_bzero (self->conninfo, strlen (self->conninfo));
        free (self->conninfo);
        zhashx_destroy (&self->prepared);
        s_pipeline_reset (self);
        free (self->sent);
        free (self);
        *self_p = NULL;
    }
}

//  Connection defaults, overridden by anything the caller's conninfo says
//  (it is expanded from "dbname", which comes last).  connect_timeout stops
//  an unreachable host from blocking for the kernel's TCP timeout; the
//  keepalives and tcp_user_timeout notice a server that stopped answering
//  while we wait on a query.  JIT compilation is off for the session: the
//  services run short statements, and a plan estimated above
//  jit_above_cost spent 134 ms compiling to save nothing (the router's SLA
//  scan after a burst, bench/README.md); an "options" in the conninfo
//  replaces this one.
#define S_CONNECT_TIMEOUT_S 5
static const char *const s_keywords[] = {
    "connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "tcp_user_timeout", "application_name", "options", "dbname", NULL
};

static void
s_values (sw_db_t *self, const char *values[])
{
    values[0] = "5";
    values[1] = "1";
    values[2] = "10";
    values[3] = "3";
    values[4] = "3";
    values[5] = "15000";
    values[6] = sw_log_service ();
    values[7] = "-c jit=off";
    values[8] = self->conninfo;
    values[9] = NULL;
}

//  A connection is up: adopt it.
static void
s_connected (sw_db_t *self, PGconn *conn)
{
    PQsetNoticeReceiver (conn, s_notice_receiver, self);
    self->conn = conn;
    if (self->prepared)
        zhashx_purge (self->prepared);
    self->prepared_ttl_ms = SW_DB_PREPARED_TTL_FIRST_MS;
    self->connect_count++;
    self->backoff_ms = SW_DB_BACKOFF_MIN_MS;
    self->next_attempt_ms = 0;
    sw_log_kv (SW_LOG_INFO, "connected to database", "database", PQdb (conn),
               "host", PQhost (conn), "port", PQport (conn), NULL);
}

//  A connection attempt failed: log, free, and push the next attempt back.
static void
s_connect_failed (sw_db_t *self, PGconn *conn, const char *why)
{
    char error[512];
    s_oneline (error, sizeof error, why ? why : conn ? PQerrorMessage (conn) : "out of memory");
    char retry[32];
    snprintf (retry, sizeof retry, "%lld", (long long) self->backoff_ms);
    sw_log_kv (SW_LOG_ERROR, "could not connect to database",
               "database", conn ? PQdb (conn) : NULL,
               "error", error, "retry_in_ms", retry, NULL);
    //  08001: sqlclient_unable_to_establish_sqlconnection
    s_set_error (self, "08001", error);
    PQfinish (conn);
    self->next_attempt_ms = s_now_ms () + self->backoff_ms;
    self->backoff_ms *= 2;
    if (self->backoff_ms > SW_DB_BACKOFF_MAX_MS)
        self->backoff_ms = SW_DB_BACKOFF_MAX_MS;
}

int
sw_db_connect (sw_db_t *self)
{
    assert (self);
    if (self->conn)
        return 0;
    if (self->pending) {
        PQfinish (self->pending);
        self->pending = NULL;
    }
    self->attempt_count++;
    const char *values[10];
    s_values (self, values);
    PGconn *conn = PQconnectdbParams (s_keywords, values, 1);
    if (conn && PQstatus (conn) == CONNECTION_OK) {
        s_connected (self, conn);
        return 0;
    }
    s_connect_failed (self, conn, NULL);
    return -1;
}

int
sw_db_connect_poll (sw_db_t *self)
{
    assert (self);
    if (self->conn && PQstatus (self->conn) == CONNECTION_BAD)
        s_lost (self);
    if (self->conn)
        return 0;
    if (!self->pending) {
        if (s_now_ms () < self->next_attempt_ms)
            return -1;
        self->attempt_count++;
        const char *values[10];
        s_values (self, values);
        self->pending = PQconnectStartParams (s_keywords, values, 1);
        self->pending_deadline_ms = s_now_ms () + S_CONNECT_TIMEOUT_S * 1000;
        if (!self->pending || PQstatus (self->pending) == CONNECTION_BAD) {
            s_connect_failed (self, self->pending, NULL);
            self->pending = NULL;
            return -1;
        }
    }
    //  Advance libpq's state machine as far as the socket allows; in
    //  non-blocking mode a poll whose socket is not ready returns at once.
    for (int step = 0; step < 16; step++) {
        PostgresPollingStatusType status = PQconnectPoll (self->pending);
        if (status == PGRES_POLLING_OK) {
            PGconn *conn = self->pending;
            self->pending = NULL;
            s_connected (self, conn);
            return 0;
        }
        if (status == PGRES_POLLING_FAILED) {
            s_connect_failed (self, self->pending, NULL);
            self->pending = NULL;
            return -1;
        }
        struct pollfd pfd = { .fd = PQsocket (self->pending),
                              .events = status == PGRES_POLLING_READING ? POLLIN : POLLOUT };
        if (pfd.fd < 0 || poll (&pfd, 1, 0) <= 0)
            break;
    }
    if (s_now_ms () > self->pending_deadline_ms) {
        s_connect_failed (self, self->pending, "timeout expired");
        self->pending = NULL;
    }
    return -1;
}

int
sw_db_ensure (sw_db_t *self)
{
    assert (self);
    if (self->conn && PQstatus (self->conn) == CONNECTION_BAD)
        s_lost (self);
    if (self->conn)
        return 0;
    if (s_now_ms () < self->next_attempt_ms)
        return -1;
    return sw_db_connect (self);
}

bool
sw_db_connected (sw_db_t *self)
{
    assert (self);
    return self->conn != NULL;
}

void
sw_db_disconnect (sw_db_t *self)
{
    assert (self);
    if (self->conn) {
        PQfinish (self->conn);
        self->conn = NULL;
        self->next_attempt_ms = 0;
        s_pipeline_reset (self);
    }
}

PGconn *
sw_db_conn (sw_db_t *self)
{
    assert (self);
    return self->conn;
}

uint64_t
sw_db_connect_count (sw_db_t *self)
{
    assert (self);
    return self->connect_count;
}

//  Queues a sent statement's result to be read, oldest first.  0.
static int
s_sent_add (sw_db_t *self, const char *sql, bool prepare, bool named, sw_db_result_fn *fn,
            void *arg)
{
    if (self->nsent == self->maxsent) {
        size_t max = self->maxsent ? self->maxsent * 2 : 32;
        s_sent_t *grown = realloc (self->sent, max * sizeof *grown);
        if (!grown)
            abort ();
        self->sent = grown;
        self->maxsent = max;
    }
    char *copy = strdup (sql);
    if (!copy)
        abort ();
    self->sent[self->nsent++] = (s_sent_t) { copy, prepare, named, fn, arg };
    return 0;
}

//  The name of sql prepared on this connection, preparing it now if it is
//  a statement worth preparing; NULL to run it unprepared (a transaction
//  command, too many texts, or the prepare failed: the unprepared run then
//  reports the error in the usual way).  In a pipeline the Parse is only
//  sent, and its result read with the others; a failed one takes the name
//  out of the map again (s_pipeline_read).
static const char *
s_prepared (sw_db_t *self, const char *sql, int nparams)
{
    //  Between transactions, statements older than the TTL go, all at once
    if (!self->pipeline && self->prepared && zhashx_size (self->prepared) > 0
        && s_now_ms () - self->prepared_since_ms > self->prepared_ttl_ms
        && PQtransactionStatus (self->conn) == PQTRANS_IDLE) {
        PQclear (PQexec (self->conn, "DEALLOCATE ALL"));
        zhashx_purge (self->prepared);
        self->prepared_ttl_ms = self->prepared_ttl_ms * 2 < SW_DB_PREPARED_TTL_MS
                                  ? self->prepared_ttl_ms * 2
                                  : SW_DB_PREPARED_TTL_MS;
    }
    const char *name = self->prepared ? zhashx_lookup (self->prepared, sql) : NULL;
    if (name)
        return name;
    const char *start = sql + strspn (sql, " \t\r\n");
    static const char *verbs[] = { "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", NULL };
    bool dml = false;
    for (int i = 0; verbs[i] && !dml; i++)
        dml = strncasecmp (start, verbs[i], strlen (verbs[i])) == 0;
    if (!dml)
        return NULL;
    if (!self->prepared) {
        self->prepared = zhashx_new ();
        if (!self->prepared)
            return NULL;
        zhashx_set_destructor (self->prepared, (zhashx_destructor_fn *) zstr_free);
    }
    if (zhashx_size (self->prepared) == 0)
        self->prepared_since_ms = s_now_ms ();
    if (zhashx_size (self->prepared) >= SW_DB_PREPARED_MAX)
        return NULL;
    char buffer[32];
    snprintf (buffer, sizeof buffer, "sw_%llu", (unsigned long long) ++self->prepared_seq);
    if (self->pipeline) {
        if (!PQsendPrepare (self->conn, buffer, sql, nparams, NULL)
            || s_sent_add (self, sql, true, true, NULL, NULL) != 0)
            return NULL;
    }
    else {
        PGresult *res = PQprepare (self->conn, buffer, sql, nparams, NULL);
        bool ok = res && PQresultStatus (res) == PGRES_COMMAND_OK;
        PQclear (res);
        if (!ok)
            return NULL;
    }
    char *copy = strdup (buffer);
    if (!copy || zhashx_insert (self->prepared, sql, copy) != 0) {
        free (copy);
        return NULL;
    }
    return zhashx_lookup (self->prepared, sql);
}

//  Runs sql, by name if it is (or can now be) prepared.
static PGresult *
s_exec (sw_db_t *self, const char *sql, int nparams, const char *const *params,
        const char **name_p)
{
    const char *name = s_prepared (self, sql, nparams);
    *name_p = name;
    return name ? PQexecPrepared (self->conn, name, nparams, params, NULL, NULL, 0)
                : PQexecParams (self->conn, sql, nparams, NULL, params, NULL, NULL, 0);
}

//  --------------------------------------------------------------------------
//  Pipeline mode

//  Reads the result of the oldest statement sent and calls its fn if it
//  succeeded.  The first failure of the pipeline is logged like any
//  other; the statements after it were not run (PGRES_PIPELINE_ABORTED)
//  and are not.  A Parse that failed or was not run takes its name out of
//  the map, and so does a run whose statement the server no longer has,
//  so that the next use prepares it again.  The caller reads the result of
//  the last statement itself when keep is set: it is returned, or NULL if
//  it failed.
static PGresult *
s_pipeline_read (sw_db_t *self, bool keep)
{
    assert (self->nsent > 0);
    s_sent_t sent = self->sent[0];
    memmove (self->sent, self->sent + 1, (self->nsent - 1) * sizeof *self->sent);
    self->nsent--;
    PGresult *res = self->conn ? PQgetResult (self->conn) : NULL;
    if (res)
        //  Each statement's results end with a NULL
        PQclear (PQgetResult (self->conn));
    ExecStatusType status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;
    bool ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
    if (!ok) {
        const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
        if (self->prepared
            && (sent.prepare
                || (sent.named && state
                    && (strcmp (state, "26000") == 0 || strcmp (state, "0A000") == 0))))
            zhashx_delete (self->prepared, sent.sql);
        bool first = status != PGRES_PIPELINE_ABORTED && !self->pipeline_failed;
        self->pipeline_failed = true;
        if (first && self->conn)
            s_failed (self, res, sent.sql);     //  may drop the connection
        PQclear (res);
        res = NULL;
    }
    else if (sent.fn)
        sent.fn (res, sent.arg);
    free (sent.sql);
    if (!keep) {
        PQclear (res);
        res = NULL;
    }
    return res;
}

//  Sends sql (by name if it is, or can now be, prepared).  0 or -1.
static int
s_pipeline_send (sw_db_t *self, const char *sql, int nparams, const char *const *params,
                 sw_db_result_fn *fn, void *arg)
{
    if (!self->conn) {
        s_set_error (self, "08003", "not connected to the database");
        return -1;
    }
    if (self->pipeline_failed)
        return -1;              //  the transaction has failed; already logged
    const char *name = s_prepared (self, sql, nparams);
    int sent = name ? PQsendQueryPrepared (self->conn, name, nparams, params, NULL, NULL, 0)
                    : PQsendQueryParams (self->conn, sql, nparams, NULL, params, NULL, NULL, 0);
    if (!sent) {
        self->pipeline_failed = true;
        s_failed (self, NULL, sql);
        return -1;
    }
    return s_sent_add (self, sql, false, name != NULL, fn, arg);
}

//  Reads every result outstanding; the last one is returned when keep is
//  set (NULL if it, or any before it, failed).
static PGresult *
s_pipeline_drain (sw_db_t *self, bool keep)
{
    PGresult *res = NULL;
    while (self->nsent > 0) {
        bool last = self->nsent == 1;
        res = s_pipeline_read (self, keep && last);
        if (!self->conn)
            break;              //  lost: s_lost forgot the rest
    }
    if (self->pipeline_failed) {
        PQclear (res);
        return NULL;
    }
    return res;
}

int
sw_db_pipeline_begin (sw_db_t *self)
{
    assert (self);
    assert (!self->pipeline);
    if (!self->conn) {
        s_set_error (self, "08003", "not connected to the database");
        return -1;
    }
    if (!PQenterPipelineMode (self->conn)) {
        s_failed (self, NULL, "(entering pipeline mode)");
        return -1;
    }
    self->pipeline = true;
    self->pipeline_failed = false;
    return 0;
}

int
sw_db_pipeline_end (sw_db_t *self)
{
    assert (self);
    if (!self->pipeline)
        return -1;
    if (!self->conn || !PQpipelineSync (self->conn)) {
        if (self->conn)
            s_failed (self, NULL, "(pipeline sync)");
        s_pipeline_reset (self);
        return -1;
    }
    s_pipeline_drain (self, false);
    //  Then the sync's own result
    bool ok = !self->pipeline_failed;
    PGresult *res = self->conn ? PQgetResult (self->conn) : NULL;
    if (!res || PQresultStatus (res) != PGRES_PIPELINE_SYNC) {
        if (self->conn && !self->pipeline_failed)
            s_failed (self, res, "(pipeline sync)");
        ok = false;
    }
    PQclear (res);
    if (self->conn && !PQexitPipelineMode (self->conn)) {
        //  Results we did not expect are left: the connection is unusable
        s_failed (self, NULL, "(leaving pipeline mode)");
        sw_db_disconnect (self);
        ok = false;
    }
    s_pipeline_reset (self);
    return ok ? 0 : -1;
}

bool
sw_db_in_pipeline (sw_db_t *self)
{
    assert (self);
    return self->pipeline;
}

int
sw_db_exec_then (sw_db_t *self, const char *sql, int nparams, const char *const *params,
                 sw_db_result_fn *fn, void *arg)
{
    assert (self);
    assert (sql);
    assert (nparams == 0 || params);
    if (self->pipeline)
        return s_pipeline_send (self, sql, nparams, params, fn, arg);
    PGresult *res = sw_db_query (self, sql, nparams, params);
    if (!res)
        return -1;
    if (fn)
        fn (res, arg);
    PQclear (res);
    return 0;
}

PGresult *
sw_db_query (sw_db_t *self, const char *sql, int nparams, const char *const *params)
{
    assert (self);
    assert (sql);
    assert (nparams == 0 || params);
    if (!self->conn) {
        //  08003: connection_does_not_exist
        s_set_error (self, "08003", "not connected to the database");
        char statement[200];
        s_oneline (statement, sizeof statement, sql);
        sw_log_kv (SW_LOG_ERROR, "could not execute statement", "sqlstate", self->sqlstate,
                   "error", self->error, "statement", statement, NULL);
        return NULL;
    }
    if (self->pipeline) {
        //  Sent with a flush request: the server runs everything queued
        //  and answers without waiting for the pipeline's end
        if (s_pipeline_send (self, sql, nparams, params, NULL, NULL) != 0)
            return NULL;        //  what was sent is read at the pipeline's end
        if (!PQsendFlushRequest (self->conn) || PQflush (self->conn) != 0) {
            //  Nothing more is sent; the end reads what can be read
            self->pipeline_failed = true;
            s_failed (self, NULL, sql);
            return NULL;
        }
        return s_pipeline_drain (self, true);
    }
    const char *name;
    PGresult *res = s_exec (self, sql, nparams, params, &name);
    ExecStatusType status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        return res;
    //  26000 invalid_sql_statement_name: the server no longer has it
    //  (DISCARD ALL, a pooler), or 0A000 "cached plan must not change
    //  result type" after a schema change: prepared again, at once outside
    //  a transaction; inside one the error has aborted it, so the caller
    //  sees the error and the next run prepares it again.
    const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
    if (name && state && (strcmp (state, "26000") == 0 || strcmp (state, "0A000") == 0)) {
        zhashx_delete (self->prepared, sql);
        if (PQtransactionStatus (self->conn) == PQTRANS_IDLE) {
            PQclear (res);
            res = s_exec (self, sql, nparams, params, &name);
            status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;
            if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
                return res;
        }
    }
    s_failed (self, res, sql);
    PQclear (res);
    return NULL;
}

int
sw_db_exec (sw_db_t *self, const char *sql, int nparams, const char *const *params)
{
    return sw_db_exec_then (self, sql, nparams, params, NULL, NULL);
}

const char *
sw_db_last_sqlstate (sw_db_t *self)
{
    assert (self);
    return self->sqlstate;
}

const char *
sw_db_last_error (sw_db_t *self)
{
    assert (self);
    return self->error;
}

int
sw_db_begin (sw_db_t *self)
{
    return sw_db_exec (self, "BEGIN", 0, NULL);
}

int
sw_db_commit (sw_db_t *self)
{
    PGresult *res = sw_db_query (self, "COMMIT", 0, NULL);
    if (!res)
        return -1;
    //  COMMIT of a transaction in which a statement failed "succeeds" with
    //  the tag ROLLBACK; to the caller that is a failed commit.
    bool rolled_back = strcmp (PQcmdStatus (res), "ROLLBACK") == 0;
    PQclear (res);
    if (rolled_back) {
        //  25P02: in_failed_sql_transaction
        s_set_error (self, "25P02", "transaction was rolled back because a statement in it failed");
        sw_log_kv (SW_LOG_ERROR, "could not commit transaction", "sqlstate", self->sqlstate,
                   "error", self->error, NULL);
        return -1;
    }
    return 0;
}

void
sw_db_rollback (sw_db_t *self)
{
    assert (self);
    if (self->pipeline)
        sw_db_pipeline_end (self);
    if (!self->conn)
        return;
    if (PQstatus (self->conn) == CONNECTION_BAD) {
        s_lost (self);
        return;
    }
    //  Nothing to undo, and ROLLBACK outside a transaction draws a warning
    if (PQtransactionStatus (self->conn) == PQTRANS_IDLE)
        return;
    PGresult *res = PQexecParams (self->conn, "ROLLBACK", 0, NULL, NULL, NULL, NULL, 0);
    bool ok = res && PQresultStatus (res) == PGRES_COMMAND_OK;
    PQclear (res);
    if (!ok && PQstatus (self->conn) == CONNECTION_BAD)
        s_lost (self);
}

//  --------------------------------------------------------------------------
//  Self-test; needs no server.  Uses its own check rather than assert,
//  which release builds (NDEBUG) compile away.

#define s_check(expr) \
    do { \
        if (!(expr)) { \
            fprintf (stderr, "%s:%d: sw_db_test: check failed: %s\n", \
                     __FILE__, __LINE__, #expr); \
            abort (); \
        } \
    } while (0)

void
sw_db_test (bool verbose)
{
    if (verbose)
        printf (" * sw_db: ");

    //  Capture log lines so we can check what was, and was not, written
    char *logged = NULL;
    size_t logged_size = 0;
    FILE *logs = open_memstream (&logged, &logged_size);
    s_check (logs);
    sw_log_set_stream (logs);

    //  s_oneline flattens libpq's multi-line messages
    char line[32];
    s_oneline (line, sizeof line, "  could not\n\tconnect \n");
    s_check (strcmp (line, "could not connect") == 0);
    s_oneline (line, 6, "abc defgh");
    s_check (strcmp (line, "abc d") == 0);
    s_oneline (line, sizeof line, NULL);
    s_check (strcmp (line, "") == 0);

    //  new and destroy; destroy accepts NULL and is safe twice
    sw_db_t *db = sw_db_new ("host=127.0.0.1 port=1 dbname=x");
    s_check (db);
    s_check (!sw_db_connected (db));
    s_check (sw_db_conn (db) == NULL);
    s_check (sw_db_connect_count (db) == 0);
    s_check (strcmp (sw_db_last_sqlstate (db), "") == 0);
    s_check (strcmp (sw_db_last_error (db), "") == 0);
    sw_db_destroy (&db);
    s_check (db == NULL);
    sw_db_destroy (&db);

    //  A malformed conninfo is refused, and not logged
    s_check (sw_db_new ("password=hunter2 nosuchoption=1") == NULL);
    s_check (sw_db_new ("password=hunter2 host") == NULL);

    //  A port that is bound but not listening refuses connections at once
    int sock = socket (AF_INET, SOCK_STREAM, 0);
    s_check (sock >= 0);
    struct sockaddr_in addr;
    memset (&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
    s_check (bind (sock, (struct sockaddr *) &addr, sizeof addr) == 0);
    socklen_t addr_len = sizeof addr;
    s_check (getsockname (sock, (struct sockaddr *) &addr, &addr_len) == 0);
    char conninfo[200];
    snprintf (conninfo, sizeof conninfo,
              "host=127.0.0.1 port=%d dbname=sunwai user=sunwai password=hunter2 "
              "connect_timeout=2", ntohs (addr.sin_port));

    db = sw_db_new (conninfo);
    s_check (db);
    s_check (sw_db_connect (db) == -1);
    s_check (!sw_db_connected (db));
    s_check (sw_db_conn (db) == NULL);
    s_check (db->attempt_count == 1);
    s_check (db->connect_count == 0);
    s_check (db->backoff_ms == 200);
    s_check (db->next_attempt_ms > s_now_ms () - 1000);
    s_check (strcmp (sw_db_last_sqlstate (db), "08001") == 0);
    s_check (strstr (sw_db_last_error (db), "refused") != NULL);

    //  The backoff doubles on each failure, up to 10 s
    int64_t expected = 200;
    for (int attempt = 2; attempt <= 10; attempt++) {
        s_check (sw_db_connect (db) == -1);
        expected = expected * 2 > SW_DB_BACKOFF_MAX_MS ? SW_DB_BACKOFF_MAX_MS : expected * 2;
        s_check (db->backoff_ms == expected);
    }
    s_check (db->backoff_ms == SW_DB_BACKOFF_MAX_MS);
    s_check (db->attempt_count == 10);

    //  ensure does not try before the deadline (now 10 s away)...
    s_check (sw_db_ensure (db) == -1);
    s_check (db->attempt_count == 10);
    //  ...and does once it has passed
    db->next_attempt_ms = s_now_ms () - 1;
    s_check (sw_db_ensure (db) == -1);
    s_check (db->attempt_count == 11);

    //  Statements on a down connection fail cleanly
    s_check (sw_db_query (db, "SELECT 1", 0, NULL) == NULL);
    s_check (strcmp (sw_db_last_sqlstate (db), "08003") == 0);
    const char *params[] = { "citizen-data" };
    s_check (sw_db_exec (db, "SELECT $1", 1, params) == -1);
    s_check (sw_db_begin (db) == -1);
    s_check (sw_db_commit (db) == -1);
    sw_db_rollback (db);
    sw_db_disconnect (db);
    s_check (!sw_db_connected (db));
    sw_db_destroy (&db);
    close (sock);

    sw_log_set_stream (NULL);
    fclose (logs);
    s_check (strstr (logged, "\"msg\":\"could not connect to database\"") != NULL);
    s_check (strstr (logged, "\"msg\":\"invalid database connection string\"") != NULL);
    s_check (strstr (logged, "\"msg\":\"could not execute statement\"") != NULL);
    s_check (strstr (logged, "hunter2") == NULL);
    s_check (strstr (logged, "citizen-data") == NULL);
    if (verbose)
        fputs (logged, stdout);
    free (logged);

    if (verbose)
        printf ("OK\n");
}
