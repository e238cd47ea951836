/*  replay: the ROUTER socket that answers "everything after seq N for these
    topic prefixes", in its own thread with its own PostgreSQL connection,
    so a long replay never delays the live stream.

    Per request (docs/event-stream.md, "Replay"):
        client: [sunwai.v1.ReplayRequest][body]
        server: [sunwai.v1.EventEnvelope][body] for each matching event with
                after_seq < seq <= last_seq, in seq order, then
                [sunwai.v1.ReplayReply][body] with last_seq, head_seq, more.
    The head is read first; every seq up to it is committed and visible
    (the chain head's row lock makes commit order seq order), so the
    events sent are exactly the matching rows of (after_seq, last_seq].
    A request that cannot be decoded or is out of bounds is counted and
    answered with ReplayReply.error; the socket carries on.

    The ROUTER is mandatory-routing with a send timeout: a peer that stops
    reading has its reply abandoned after replay.send_timeout_ms (it will
    ask again), instead of blocking the thread forever or dropping events
    in the middle of a reply silently. */
#include "analytics.h"
#include "sw_frame.h"
#include "sw_log.h"

#include <stdlib.h>
#include <string.h>

#define S_MAX_TOPICS 16
#define S_PAGE 1000

typedef struct {
    analytics_replay_args_t *args; //  configuration and the socket
    zsock_t *router;               //  ROUTER replay requests (owned)
    sw_db_t *db;                   //  the actor's own connection
    sw_counter_t *requests;        //  requests answered (good or refused)
    sw_counter_t *events;          //  events sent in replies
    sw_counter_t *bad;             //  undecodable requests
    sw_counter_t *refused;         //  decodable but out of bounds, or db down
    sw_counter_t *abandoned;       //  replies given up (peer gone or too slow)
} s_replay_t;

//  Send [identity][two frames of msg]. 0 or -1 (peer gone or too slow).
static int
s_send (s_replay_t *self, zframe_t *identity, const ProtobufCMessage *message)
{
    zmsg_t *msg = sw_frame_encode (message);
    if (!msg)
        return -1;
    zframe_t *copy = zframe_dup (identity);
    zmsg_prepend (msg, &copy);
    int rc = zmsg_send (&msg, self->router);
    zmsg_destroy (&msg);
    return rc;
}

static void
s_reply (s_replay_t *self, zframe_t *identity, int64_t last, int64_t head, bool more, int count,
         const char *error, bool retry)
{
    Sunwai__V1__ReplayReply reply = SUNWAI__V1__REPLAY_REPLY__INIT;
    reply.last_seq = last;
    reply.head_seq = head;
    reply.more = more;
    reply.count = count;
    if (error)
        reply.error = (char *)error;
    reply.retry = retry;
    if (s_send (self, identity, &reply.base) != 0)
        sw_counter_inc (self->abandoned);
}

//  retry: the refusal is temporary (PostgreSQL is down), the subscriber
//  should ask again later; otherwise the request itself is wrong.
static void
s_refuse (s_replay_t *self, zframe_t *identity, const char *reason, bool retry)
{
    sw_counter_inc (self->refused);
    sw_log_kv (SW_LOG_WARN, "replay request refused", "reason", reason, NULL);
    s_reply (self, identity, 0, 0, false, 0, reason, retry);
}

static void
s_serve (s_replay_t *self, zframe_t *identity, Sunwai__V1__ReplayRequest *request)
{
    if (request->after_seq < 0 || request->through_seq < 0) {
        s_refuse (self, identity, "after_seq and through_seq must not be negative", false);
        return;
    }
    if (request->n_topics > S_MAX_TOPICS) {
        s_refuse (self, identity, "at most 16 topic prefixes", false);
        return;
    }
    char err[256];
    char *topics = analytics_topics_json (request->topics, request->n_topics, err, sizeof err);
    if (!topics) {
        s_refuse (self, identity, err, false);
        return;
    }
    if (sw_db_ensure (self->db) != 0) {
        free (topics);
        s_refuse (self, identity, "database unavailable; try again", true);
        return;
    }
    long limit = request->limit > 0 && request->limit < self->args->max_events
                     ? request->limit
                     : self->args->max_events;
    PGresult *res = sw_db_query (self->db, "SELECT coalesce(max(seq), 0) FROM events", 0, NULL);
    if (!res) {
        free (topics);
        s_refuse (self, identity, "database unavailable; try again", true);
        return;
    }
    int64_t head = strtoll (PQgetvalue (res, 0, 0), NULL, 10);
    PQclear (res);
    int64_t through =
        request->through_seq > 0 && request->through_seq < head ? request->through_seq : head;
    int64_t cursor = request->after_seq;
    long count = 0;
    bool failed = false;
    while (count < limit && cursor < through && !failed) {
        char after[32], upto[32], page[32];
        snprintf (after, sizeof after, "%lld", (long long)cursor);
        snprintf (upto, sizeof upto, "%lld", (long long)through);
        snprintf (page, sizeof page, "%ld", limit - count < S_PAGE ? limit - count : S_PAGE);
        const char *params[] = {after, upto, topics, page};
        res = sw_db_query (self->db,
                           "SELECT " ANALYTICS_EVENT_COLUMNS " FROM events e"
                           " WHERE seq > $1::bigint AND seq <= $2::bigint"
                           "   AND ($3::jsonb = '[]'::jsonb OR EXISTS ("
                           "        SELECT 1 FROM jsonb_array_elements_text($3::jsonb) p (prefix)"
                           "         WHERE starts_with(e.state || '.' || e.district || '.'"
                           "                           || e.event_type, p.prefix)))"
                           " ORDER BY seq LIMIT $4::integer",
                           4, params);
        if (!res) {
            failed = true;
            break;
        }
        int rows = PQntuples (res);
        for (int i = 0; i < rows && !failed; i++) {
            Sunwai__V1__EventEnvelope *event = analytics_envelope_from_row (res, i, NULL);
            if (!event || s_send (self, identity, &event->base) != 0)
                failed = true;
            else {
                cursor = event->seq;
                count++;
            }
            analytics_envelope_free (&event);
        }
        PQclear (res);
        if (!failed && rows < atoi (page))
            cursor = through; //  nothing more matches up to through
    }
    free (topics);
    sw_counter_inc (self->requests);
    sw_counter_add (self->events, (double)count);
    if (failed) {
        //  The peer has not read for send_timeout_ms, or left, or the
        //  database failed mid-reply: what was sent is valid (in order);
        //  the client notices the missing end marker and asks again.
        sw_counter_inc (self->abandoned);
        char sent[32];
        snprintf (sent, sizeof sent, "%ld", count);
        sw_log_kv (SW_LOG_WARN, "replay reply abandoned", "events_sent", sent, "reason",
                   sw_db_connected (self->db) ? "peer not reading" : "database unavailable", NULL);
        return;
    }
    bool more = cursor < through;
    s_reply (self, identity, more ? cursor : through, head, more, (int)count, NULL, false);
}

static void
s_on_request (s_replay_t *self)
{
    zmsg_t *msg = zmsg_recv (self->router);
    if (!msg)
        return;
    zframe_t *identity = zmsg_pop (msg);
    if (!identity) {
        zmsg_destroy (&msg);
        return;
    }
    char err[256];
    Sunwai__V1__ReplayRequest *request = (Sunwai__V1__ReplayRequest *)sw_frame_decode (
        msg, &sunwai__v1__replay_request__descriptor, err, sizeof err);
    if (!request) {
        sw_counter_inc (self->bad);
        sw_log_kv (SW_LOG_WARN, "could not decode replay request", "reason", err, NULL);
        s_reply (self, identity, 0, 0, false, 0, err, false);
    }
    else {
        s_serve (self, identity, request);
        protobuf_c_message_free_unpacked (&request->base, NULL);
    }
    zframe_destroy (&identity);
    zmsg_destroy (&msg);
}

void
analytics_replay_actor (zsock_t *pipe, void *argp)
{
    s_replay_t self = {.args = (analytics_replay_args_t *)argp};
    sw_metrics_t *metrics = self.args->metrics;
    self.router = zsock_new (ZMQ_ROUTER);
    self.db = sw_db_new (self.args->db_url);
    self.requests = sw_metrics_counter (metrics, "sunwai_analytics_replay_requests_total",
                                        "Replay requests answered.", NULL);
    self.events = sw_metrics_counter (metrics, "sunwai_analytics_replay_events_total",
                                      "Events sent in replay replies.", NULL);
    self.bad = sw_metrics_counter (metrics, "sunwai_frames_undecodable_total",
                                   "Frames that could not be decoded.", "socket=\"replay\"");
    self.refused = sw_metrics_counter (metrics, "sunwai_analytics_replay_refused_total",
                                       "Replay requests refused (bounds, database down).", NULL);
    self.abandoned = sw_metrics_counter (
        metrics, "sunwai_analytics_replay_abandoned_total",
        "Replay replies given up because the peer left or stopped reading.", NULL);
    bool ok = self.router && self.db;
    if (ok) {
        zsock_set_router_mandatory (self.router, 1);
        zsock_set_sndhwm (self.router, (int)self.args->sndhwm);
        zsock_set_sndtimeo (self.router, (int)self.args->send_timeout_ms);
        zsock_set_linger (self.router, 0);
        ok = sw_curve_apply (self.args->curve, self.router, true) == 0
             && zsock_attach (self.router, self.args->endpoint, true) == 0;
        if (!ok)
            sw_log_kv (SW_LOG_ERROR, "could not bind the replay socket", "endpoint",
                       self.args->endpoint, NULL);
    }
    //  The creator reads ready after the signal (the pipe is the barrier).
    self.args->ready = ok;
    zsock_signal (pipe, 0);
    zpoller_t *poller = ok ? zpoller_new (pipe, self.router, NULL) : NULL;
    while (poller) {
        void *which = zpoller_wait (poller, 1000);
        if (which == pipe) {
            zmsg_t *msg = zmsg_recv (pipe);
            char *command = msg ? zmsg_popstr (msg) : NULL;
            bool term = !command || streq (command, "$TERM");
            free (command);
            zmsg_destroy (&msg);
            if (term)
                break;
        }
        else if (which == self.router)
            s_on_request (&self);
        else if (zpoller_terminated (poller))
            break;
    }
    zpoller_destroy (&poller);
    zsock_destroy (&self.router);
    sw_db_destroy (&self.db);
}
