/*  tail: reads the events table in seq order, publishes every event on the
    XPUB socket and keeps the read models current.

    Start: one REPEATABLE READ snapshot fixes head = max(seq) and loads the
    read models and the chains as of head; the tail continues from there.
    (Events up to head are not published again: a subscriber that needs
    them asks the replay socket.)

    Wake-up: LISTEN sunwai_events on the actor's connection, its socket
    polled by the loop; a timer catches up every tail.poll_ms as well, in
    case a notification was consumed by another query on the connection
    or lost with the connection.

    Order and gaps: seq is assigned by the insert trigger while it holds
    event_chain_head's row lock, which is released only after the
    transaction's commit is visible; a rolled-back insert rolls the head
    back too.  So seq order is commit order and a reader that sees seq N
    also sees every seq below it: a gap cannot be observed.  The tail
    still checks every batch for contiguity, because a restored backup, a
    hand-made row or a future writer that bypasses the trigger could
    break the rule: at a missing seq it stops, waits up to
    tail.gap_timeout_ms for it (counted in sunwai_analytics_seq_gaps_total),
    then logs an error, counts the missing seqs as skipped and goes on, so
    one bad row cannot stall the stream forever.  Subscribers see the same
    hole in seq and in the hash chain. */
#include "analytics.h"
#include "sw_frame.h"
#include "sw_log.h"

#include <stdlib.h>
#include <string.h>

static int64_t
s_now_ms (void)
{
    return zclock_time ();
}

static void
s_gauges (analytics_t *self)
{
    if (self->head_seq < self->last_seq)
        self->head_seq = self->last_seq;
    sw_gauge_set (self->last_gauge, (double)self->last_seq);
    sw_gauge_set (self->head_gauge, (double)self->head_seq);
    sw_gauge_set (self->behind, (double)(self->head_seq - self->last_seq));
    sw_gauge_set (self->cases, (double)analytics_figures_count (self->figures));
}

int
analytics_tail_load (analytics_t *self)
{
    sw_db_t *db = sw_server_db (self->server);
    if (sw_db_exec (db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL) != 0)
        return -1;
    PGresult *res = sw_db_query (db, "SELECT coalesce(max(seq), 0) FROM events", 0, NULL);
    if (!res) {
        sw_db_rollback (db);
        return -1;
    }
    int64_t head = strtoll (PQgetvalue (res, 0, 0), NULL, 10);
    PQclear (res);
    if (analytics_figures_load (self->figures, db, head) != 0 ||
        analytics_chains_load (&self->chains, db, head) != 0) {
        sw_db_rollback (db);
        return -1;
    }
    if (sw_db_commit (db) != 0)
        return -1;
    self->last_seq = head;
    self->head_seq = head;
    self->gap_since_ms = 0;
    self->loaded = true;
    s_gauges (self);
    char seq[32], cases[32];
    snprintf (seq, sizeof seq, "%lld", (long long)head);
    snprintf (cases, sizeof cases, "%zu", analytics_figures_count (self->figures));
    sw_log_kv (SW_LOG_INFO, "figures loaded", "seq", seq, "complaints", cases, NULL);
    sw_server_set_ready (self->server, true, NULL);
    return 0;
}

//  Publish one event: [topic][sunwai.v1.EventEnvelope][body].  The XPUB
//  never blocks: a subscriber whose queue is full loses the message and
//  finds the gap by seq.
static void
s_publish (analytics_t *self, Sunwai__V1__EventEnvelope *event)
{
    char topic[512];
    if (analytics_topic (topic, sizeof topic, event->state, event->district, event->event_type) !=
        0)
        snprintf (topic, sizeof topic, "%s", event->state);
    zmsg_t *msg = sw_frame_encode (&event->base);
    if (!msg)
        return;
    zmsg_pushstr (msg, topic);
    zmsg_send (&msg, self->stream);
    zmsg_destroy (&msg);
    sw_counter_inc (self->published);
}

static int
s_compare_id (const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y ? 1 : 0;
}

//  Rows [0, rows) of res are contiguous from last_seq + 1: publish them,
//  then bring their complaints' records up to date.
static int
s_apply (analytics_t *self, PGresult *res, int rows)
{
    int64_t *ids = calloc ((size_t)rows + 1, sizeof *ids);
    if (!ids)
        return -1;
    size_t nids = 0;
    for (int i = 0; i < rows; i++) {
        bool masked = false;
        Sunwai__V1__EventEnvelope *event = analytics_envelope_from_row (res, i, &masked);
        if (!event) {
            free (ids);
            return -1;
        }
        analytics_chains_advance (&self->chains, event);
        s_publish (self, event);
        if (masked)
            sw_counter_inc (self->masked);
        if (event->complaint_id)
            ids[nids++] = event->complaint_id;
        self->last_seq = event->seq;
        analytics_envelope_free (&event);
    }
    qsort (ids, nids, sizeof *ids, s_compare_id);
    size_t unique = 0;
    for (size_t i = 0; i < nids; i++)
        if (unique == 0 || ids[unique - 1] != ids[i])
            ids[unique++] = ids[i];
    int rc = analytics_figures_refresh (self->figures, sw_server_db (self->server), ids, unique);
    free (ids);
    //  The event kinds the rows do not show (resolved once, reopened,
    //  disputed) count after the record exists.
    for (int i = 0; i < rows; i++)
        analytics_figures_apply (self->figures, strtoll (PQgetvalue (res, i, 1), NULL, 10),
                                 PQgetvalue (res, i, 5), PQgetvalue (res, i, 10));
    analytics_figures_set_seq (self->figures, self->last_seq);
    return rc;
}

int
analytics_tail_catch_up (analytics_t *self)
{
    self->wake = false;
    if (!sw_server_db_ready (self->server))
        return -1;
    if (!self->loaded)
        return analytics_tail_load (self);
    sw_db_t *db = sw_server_db (self->server);
    char after[32], limit[32];
    snprintf (after, sizeof after, "%lld", (long long)self->last_seq);
    snprintf (limit, sizeof limit, "%ld", self->batch);
    const char *params[] = {after, limit};
    PGresult *res = sw_db_query (db,
                                 "SELECT " ANALYTICS_EVENT_COLUMNS " FROM events"
                                 " WHERE seq > $1::bigint ORDER BY seq LIMIT $2::integer",
                                 2, params);
    if (!res)
        return -1;
    int rows = PQntuples (res);
    int contiguous = 0;
    int64_t expected = self->last_seq + 1;
    while (contiguous < rows &&
           strtoll (PQgetvalue (res, contiguous, 0), NULL, 10) == expected + contiguous)
        contiguous++;
    if (rows > 0) {
        int64_t newest = strtoll (PQgetvalue (res, rows - 1, 0), NULL, 10);
        if (newest > self->head_seq)
            self->head_seq = newest;
    }
    int rc = contiguous > 0 ? s_apply (self, res, contiguous) : 0;
    if (contiguous < rows) {
        //  A missing seq (see the top of this file).
        int64_t missing = self->last_seq + 1;
        int64_t found = strtoll (PQgetvalue (res, contiguous, 0), NULL, 10);
        char first[32], next[32];
        snprintf (first, sizeof first, "%lld", (long long)missing);
        snprintf (next, sizeof next, "%lld", (long long)found);
        if (!self->gap_since_ms) {
            self->gap_since_ms = s_now_ms ();
            sw_counter_inc (self->gaps);
            sw_log_kv (SW_LOG_WARN, "waiting for a missing event seq", "seq", first, "next_seq",
                       next, NULL);
        }
        else if (s_now_ms () - self->gap_since_ms >= self->gap_timeout_ms) {
            sw_log_kv (SW_LOG_ERROR, "missing event seq given up", "seq", first, "next_seq", next,
                       "hint",
                       "Events are numbered by a trigger that cannot leave holes; check for "
                       "rows restored or written without it.",
                       NULL);
            sw_counter_add (self->skipped, (double)(found - missing));
            self->last_seq = found - 1;
            self->gap_since_ms = 0;
            self->wake = true;
        }
    }
    else {
        self->gap_since_ms = 0;
        if (rows == self->batch)
            self->wake = true; //  more to read: come back at once
    }
    PQclear (res);
    s_gauges (self);
    return rc;
}

int
analytics_tail_listen (analytics_t *self)
{
    sw_db_t *db = sw_server_db (self->server);
    if (sw_db_exec (db, "LISTEN sunwai_events", 0, NULL) != 0)
        return -1;
    PGconn *conn = sw_db_conn (db);
    return conn ? PQsocket (conn) : -1;
}

void
analytics_tail_heartbeat (analytics_t *self)
{
    if (!self->loaded)
        return;
    Sunwai__V1__StreamHead head = SUNWAI__V1__STREAM_HEAD__INIT;
    head.seq = self->last_seq;
    head.at_ms = s_now_ms ();
    zmsg_t *msg = sw_frame_encode (&head.base);
    if (!msg)
        return;
    zmsg_pushstr (msg, "$head");
    zmsg_send (&msg, self->stream);
    zmsg_destroy (&msg);
    sw_counter_inc (self->heartbeats);
}
