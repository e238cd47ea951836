/*  sunwai-notifier: turns outbox jobs into messages (X replies, mentions
    and DMs to citizens and units, webhook, SMS and e-mail alerts), each
    exactly once.

    The outbox table is the queue; the PULL socket only says "these rows
    are new, look now".  One cycle:

      1. claim up to outbox.batch due rows in one statement (FOR UPDATE
         SKIP LOCKED): state 'sending', attempts + 1, a delivery_attempts
         row, and a lease (next_attempt_at = now + outbox.lease_s), then
         commit.  A row with an earlier attempt that never finished
         belonged to a notifier that died between claiming and recording:
         it is "in doubt" until it is sent (or found sent).
      2. send the jobs, taken in order by send.concurrency senders (the
         loop's thread and, for the batch, threads of their own; see
         s_send_all).  An in-doubt X post or DM is first looked
         for on X (our own latest posts, or the conversation); if it is
         there it is recorded as sent, not sent again.  Webhook, SMS and
         e-mail carry the idempotency key for the receiver.
      3. record every outcome in one statement: the outbox row (sent,
         pending again with a backoff, or dead), the attempt, a dead
         letter, and the events 'notified' / 'notify_failed'.

    Per-channel token buckets pace the sends; a 429, or a response that
    used the last request of X's window, pauses that channel until the
    reset time, while other channels go on. */
#include "notifier.h"
#include "nt_rate.h"
#include "nt_send.h"
#include "sw_frame.h"
#include "sw_log.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const sw_config_key_t s_keys[] = {
    { "http.port", SW_CONFIG_INT, "9104", 0, 65535, NULL, false, NULL,
      "TCP port for /healthz, /readyz and /metrics" },
    { "in.endpoint", SW_CONFIG_ENDPOINT, ">tcp://127.0.0.1:5560", 0, 0, NULL, false, NULL,
      "PULL socket for notification jobs from router (a wake-up: the outbox is the queue)" },
    { "outbox.batch", SW_CONFIG_INT, "100", 1, 1000, NULL, false, NULL,
      "most jobs claimed and recorded at once" },
    { "outbox.poll_ms", SW_CONFIG_INT, "1000", 10, 600000, NULL, false, NULL,
      "how often the outbox is scanned for due jobs (retries, in-doubt jobs, missed pushes)" },
    { "outbox.lease_s", SW_CONFIG_INT, "60", 1, 86400, NULL, false, NULL,
      "a claimed job not recorded this long after its claim is in doubt and taken again; "
      "must exceed outbox.budget_ms + send.timeout_ms" },
    { "outbox.budget_ms", SW_CONFIG_INT, "2000", 10, 600000, NULL, false, NULL,
      "stop starting new sends in a batch after this long (the rest go back, unattempted)" },
    { "retry.max_failures", SW_CONFIG_INT, "8", 1, 1000, NULL, false, NULL,
      "failed attempts (5xx, timeouts) before a job becomes a dead letter" },
    { "retry.base_ms", SW_CONFIG_INT, "2000", 1, 3600000, NULL, false, NULL,
      "first retry delay; doubled per failure, with jitter" },
    { "retry.max_s", SW_CONFIG_INT, "3600", 1, 86400, NULL, false, NULL,
      "longest retry delay" },
    { "send.timeout_ms", SW_CONFIG_INT, "10000", 100, 120000, NULL, false, NULL,
      "timeout of one request (HTTP or SMTP)" },
    { "send.concurrency", SW_CONFIG_INT, "4", 1, 64, NULL, false, NULL,
      "requests of a batch in flight at once, each sender with its own connections; "
      "1: one after another" },
    { "x.api_base", SW_CONFIG_STRING, "https://api.x.com", 0, 0, NULL, false, NULL,
      "base URL of the X API (tests point it at a local fake)" },
    { "x.auth", SW_CONFIG_ENUM, "oauth1", 0, 0, "oauth1|oauth2", false, NULL,
      "how posts are authorised: OAuth 1.0a user context or an OAuth 2.0 user token" },
    { "x.consumer_key", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "X app consumer key (OAuth 1.0a)" },
    { "x.consumer_secret", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "X app consumer secret (OAuth 1.0a)" },
    { "x.access_token", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "the police account's access token (OAuth 1.0a)" },
    { "x.access_token_secret", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "the police account's access token secret (OAuth 1.0a)" },
    { "x.user_token", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "OAuth 2.0 user access token (x.auth=oauth2)" },
    { "x.user_id", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "the police account's X user id; empty: from the access token, else /2/users/me" },
    { "x.max_length", SW_CONFIG_INT, "280", 40, 25000, NULL, false, NULL,
      "weighted length limit of a post (280; more for accounts with longer posts)" },
    { "webhook.secret", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "HMAC-SHA256 key signing webhook bodies; empty: webhook jobs wait" },
    { "sms.url", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "SMS gateway URL (POST JSON {to, text, sender, idempotency_key}); empty: SMS jobs wait" },
    { "sms.token", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL,
      "bearer token for the SMS gateway" },
    { "sms.sender", SW_CONFIG_STRING, "SUNWAI", 0, 0, NULL, false, NULL,
      "sender id given to the SMS gateway" },
    { "smtp.url", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "mail server, smtp://host:587 or smtps://host:465; empty: e-mail jobs wait" },
    { "smtp.from", SW_CONFIG_STRING, "sunwai@localhost", 0, 0, NULL, false, NULL,
      "envelope and header sender of alert e-mail" },
    { "smtp.username", SW_CONFIG_STRING, "", 0, 0, NULL, false, NULL,
      "SMTP login (empty: none)" },
    { "smtp.password", SW_CONFIG_STRING, "", 0, 0, NULL, true, NULL, "SMTP password" },
    { "smtp.tls", SW_CONFIG_ENUM, "required", 0, 0, "none|try|required", false, NULL,
      "STARTTLS on smtp:// URLs: required, try, or none (a local relay)" },
    { "rate.x_post_per_s", SW_CONFIG_INT, "5", 0, 100000, NULL, false, NULL,
      "X posts (replies, mentions) per second at most; 0: no local limit" },
    { "rate.x_dm_per_s", SW_CONFIG_INT, "5", 0, 100000, NULL, false, NULL,
      "X direct messages per second at most; 0: no local limit" },
    { "rate.webhook_per_s", SW_CONFIG_INT, "50", 0, 100000, NULL, false, NULL,
      "webhook calls per second at most; 0: no local limit" },
    { "rate.sms_per_s", SW_CONFIG_INT, "10", 0, 100000, NULL, false, NULL,
      "SMS per second at most; 0: no local limit" },
    { "rate.email_per_s", SW_CONFIG_INT, "10", 0, 100000, NULL, false, NULL,
      "e-mails per second at most; 0: no local limit" },
    { NULL, 0, NULL, 0, 0, NULL, false, NULL, NULL }
};

//  Channels share a bucket when they share the remote's limit.
enum { S_X_POST, S_X_DM, S_WEBHOOK, S_SMS, S_EMAIL, S_API, S_BUCKETS };
static const char *s_bucket_names[S_BUCKETS]
    = { "x_post", "x_dm", "webhook", "sms", "email", "api_status" };
//  The channels of each bucket, as a PostgreSQL array literal.
static const char *s_bucket_channels[S_BUCKETS]
    = { "x_reply,x_mention", "x_dm", "webhook", "sms", "email", "api_status" };

typedef struct {
    sw_counter_t *sent;
    sw_counter_t *retried;
    sw_counter_t *limited;
    sw_counter_t *dead;
    sw_gauge_t *paused;       //  1 while the bucket is paused by the remote
    sw_gauge_t *configured;   //  0 when the channel lacks its settings
} s_bucket_metrics_t;

typedef struct {
    sw_server_t *server;          //  the process skeleton
    zsock_t *in;                  //  PULL jobs
    nt_send_config_t send_config;
    nt_send_t **send;             //  one per sender (send.concurrency)
    int senders;
    nt_rate_t rate[S_BUCKETS];
    bool configured[S_BUCKETS];
    s_bucket_metrics_t m[S_BUCKETS];
    int batch;
    int lease_s;
    int budget_ms;
    int max_failures;
    int base_ms;
    int max_s;
    char *unrecorded;             //  outcomes not yet written (PostgreSQL down)
    double last_gauges;           //  when the outbox gauges were last read
    sw_counter_t *received;       //  jobs decoded from the socket
    sw_counter_t *bad;            //  undecodable frames
    sw_counter_t *in_doubt;       //  in-doubt jobs seen
    sw_counter_t *in_doubt_found; //  ... found already sent
    sw_counter_t *unattempted;    //  claimed but given back (budget, bucket)
    sw_gauge_t *pending;          //  outbox rows pending
    sw_gauge_t *sending;          //  outbox rows claimed
    sw_histogram_t *latency;      //  seconds per send
} notifier_t;

static double
s_now (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_REALTIME, &ts);
    return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
s_bucket (const char *channel)
{
    if (strcmp (channel, "x_reply") == 0 || strcmp (channel, "x_mention") == 0)
        return S_X_POST;
    if (strcmp (channel, "x_dm") == 0)
        return S_X_DM;
    if (strcmp (channel, "webhook") == 0)
        return S_WEBHOOK;
    if (strcmp (channel, "sms") == 0)
        return S_SMS;
    if (strcmp (channel, "email") == 0)
        return S_EMAIL;
    return S_API;
}

//  Retry delay after the n-th failure: base * 2^(n-1), at most max, then
//  "equal jitter" (half fixed, half random) so that a burst of failures
//  does not come back as a burst.
static double
s_backoff (notifier_t *self, int failures)
{
    double delay = self->base_ms / 1000.0 * pow (2, failures > 1 ? failures - 1 : 0);
    if (delay > self->max_s)
        delay = self->max_s;
    return delay / 2 + delay / 2 * (randombytes_uniform (10001) / 10000.0);
}

//  --------------------------------------------------------------------------
//  Recording outcomes

static const char *s_record_sql
    = "WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, attempt int,"
      "  outcome text, status int, error text, external_id text, next_s float8, failed bool,"
      "  dead bool)),"
      " o AS (UPDATE outbox o SET"
      "   state = CASE WHEN r.outcome = 'sent' THEN 'sent' WHEN r.dead THEN 'dead'"
      "                ELSE 'pending' END,"
      "   sent_at = CASE WHEN r.outcome = 'sent' THEN now() ELSE o.sent_at END,"
      "   external_id = coalesce(r.external_id, o.external_id),"
      "   last_error = r.error,"
      "   failures = o.failures + CASE WHEN r.failed THEN 1 ELSE 0 END,"
      "   next_attempt_at = now() + make_interval(secs => coalesce(r.next_s, 0))"
      "  FROM r WHERE o.id = r.id AND o.state = 'sending' AND o.attempts = r.attempt"
      "  RETURNING o.id, o.complaint_id, o.kind, o.channel, o.state, o.external_id,"
      "            o.last_error, r.attempt),"
      " a AS (UPDATE delivery_attempts d SET finished_at = now(), outcome = r.outcome,"
      "   http_status = r.status, error = r.error, external_id = r.external_id"
      "  FROM r JOIN o ON o.id = r.id WHERE d.outbox_id = r.id AND d.attempt = r.attempt),"
      " dl AS (INSERT INTO dead_letters (stage, reason, outbox_id)"
      "  SELECT 'notifier', coalesce(o.last_error, 'failed'), o.id FROM o"
      "  WHERE o.state = 'dead'),"
      " ev AS (INSERT INTO events (complaint_id, docket, state, district, event_type, actor,"
      "  payload)"
      "  SELECT c.id, c.docket, c.state, coalesce(c.district_code, 'unknown'),"
      "   CASE WHEN o.state = 'sent' THEN 'notified' ELSE 'notify_failed' END,"
      "   'sunwai-notifier',"
      "   jsonb_strip_nulls(jsonb_build_object('outbox_id', o.id, 'kind', o.kind,"
      "    'channel', o.channel, 'attempt', o.attempt, 'external_id', o.external_id,"
      "    'error', CASE WHEN o.state = 'dead' THEN o.last_error END))"
      "  FROM o JOIN complaints c ON c.id = o.complaint_id"
      "  WHERE o.state IN ('sent', 'dead') ORDER BY o.id)"
      " SELECT count(*) FROM o";

//  Writes the outcomes (a JSON array); on failure keeps them for the next
//  cycle, which tries again before claiming anything.  0 or -1.
static int
s_record (notifier_t *self, char *outcomes)
{
    sw_db_t *db = sw_server_db (self->server);
    const char *params[] = { outcomes };
    PGresult *res = sw_db_query (db, s_record_sql, 1, params);
    if (!res) {
        if (self->unrecorded && self->unrecorded != outcomes) {
            //  Both lists wait: join them.
            json_t *all = json_loads (self->unrecorded, 0, NULL);
            json_t *more = json_loads (outcomes, 0, NULL);
            json_array_extend (all, more);
            json_decref (more);
            free (self->unrecorded);
            free (outcomes);
            self->unrecorded = json_dumps (all, JSON_COMPACT);
            json_decref (all);
        }
        else
            self->unrecorded = outcomes;
        sw_log (SW_LOG_WARN, "could not record delivery outcomes; will retry");
        return -1;
    }
    PQclear (res);
    if (self->unrecorded == outcomes)
        self->unrecorded = NULL;
    free (outcomes);
    return 0;
}

//  --------------------------------------------------------------------------
//  One cycle

//  The claim: due rows not in a paused channel ($3), at most $1, leased
//  for $4 s.  s_claim_due_sql scans the due rows in order (the poll);
//  s_claim_ids_sql takes only the ids $2 (a wake-up from router) and finds
//  them by primary key, so that its cost does not grow with the rows
//  waiting.
#define S_CLAIM(which)                                                                     \
    "WITH c AS (SELECT id FROM outbox"                                                     \
    "  WHERE " which " AND state IN ('pending', 'sending') AND next_attempt_at <= now()"  \
    "   AND channel <> ALL($3::text[])"                                                    \
    "  ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED),"                     \
    " u AS (UPDATE outbox o SET state = 'sending', attempts = o.attempts + 1,"             \
    "   next_attempt_at = now() + make_interval(secs => $4::int)"                         \
    "  FROM c WHERE o.id = c.id"                                                           \
    "  RETURNING o.id, o.complaint_id, o.kind, o.channel, o.recipient,"                    \
    "   coalesce(o.in_reply_to, '') AS in_reply_to, coalesce(o.language, '') AS language," \
    "   o.body, o.idempotency_key, o.attempts, o.failures),"                               \
    " a AS (INSERT INTO delivery_attempts (outbox_id, attempt) SELECT id, attempts FROM u)" \
    /*  In doubt: an earlier attempt never finished (its notifier died        */         \
    /*  between claiming and recording), whatever happened since.             */         \
    " SELECT u.id, coalesce(u.complaint_id, 0), coalesce(cm.docket, ''), u.kind, u.channel," \
    "  u.recipient, u.in_reply_to, u.language, u.body, u.idempotency_key, u.attempts,"    \
    "  u.failures, doubt.since IS NOT NULL, coalesce(doubt.since, 0)"                      \
    " FROM u LEFT JOIN complaints cm ON cm.id = u.complaint_id"                            \
    " CROSS JOIN LATERAL (SELECT extract(epoch FROM min(d.started_at)) AS since"           \
    "  FROM delivery_attempts d WHERE d.outbox_id = u.id AND d.attempt < u.attempts"       \
    "  AND d.finished_at IS NULL) doubt"                                                   \
    " ORDER BY u.id"
static const char *s_claim_due_sql = S_CLAIM ("$2::bigint[] IS NULL");
static const char *s_claim_ids_sql = S_CLAIM ("id = ANY($2::bigint[])");

//  The channels not to claim now: paused, out of tokens, or unconfigured.
static void
s_excluded (notifier_t *self, double now, char *buf, size_t size)
{
    size_t n = (size_t) snprintf (buf, size, "{");
    for (int b = 0; b < S_BUCKETS; b++) {
        bool paused = self->rate[b].paused_until > now;
        sw_gauge_set (self->m[b].paused, paused ? 1 : 0);
        if (!self->configured[b] || nt_rate_wait (&self->rate[b], now) > 0)
            n += (size_t) snprintf (buf + n, size - n, "%s%s", n > 1 ? "," : "",
                                    s_bucket_channels[b]);
    }
    snprintf (buf + n, size - n, "}");
}

static json_t *
s_outcome (const nt_job_t *job, const char *outcome, const nt_result_t *result, double next_s,
           bool failed, bool dead)
{
    json_t *o = json_pack ("{s:I, s:i, s:f, s:b, s:b}", "id", (json_int_t) job->id, "attempt",
                           job->attempt, "next_s", next_s, "failed", failed, "dead", dead);
    json_object_set_new (o, "outcome", outcome ? json_string (outcome) : json_null ());
    if (result) {
        if (result->status)
            json_object_set_new (o, "status", json_integer (result->status));
        if (*result->error)
            json_object_set_new (o, "error", json_string (result->error));
        if (*result->external_id)
            json_object_set_new (o, "external_id", json_string (result->external_id));
    }
    return o;
}

//  A claimed job on its way: filled by s_claimed, sent by a sender
//  thread (s_send_one), and turned into its outcome by s_outcome_of.
typedef struct {
    nt_job_t job;
    int failures;
    bool in_doubt;
    bool attempted;             //  sent (or found); else given back
    int found;                  //  in doubt: nt_send_find's answer
    nt_result_t result;
    double seconds;             //  the send request's time, or -1 (none)
} s_work_t;

//  The batch being sent: sender threads take its jobs in order.
typedef struct {
    notifier_t *self;
    s_work_t *work;
    int count;
    int next;                   //  the next job to take (under lock)
    double started;             //  when the batch was claimed
    pthread_mutex_t lock;       //  next and the token buckets
} s_batch_t;

//  Sends (or gives back) one job with sender send.  The batch budget and
//  the channel's token bucket are checked as the job is taken, in order,
//  under the batch's lock; the request itself runs unlocked.  Nothing
//  here logs or counts: s_outcome_of does, on the loop's thread.
static void
s_send_one (s_batch_t *batch, s_work_t *w, nt_send_t *send)
{
    notifier_t *self = batch->self;
    pthread_mutex_lock (&batch->lock);
    double now = s_now ();
    int b = s_bucket (w->job.channel);
    w->attempted = (now - batch->started) * 1000 <= self->budget_ms
                   && nt_rate_take (&self->rate[b], now);
    pthread_mutex_unlock (&batch->lock);
    w->seconds = -1;
    if (!w->attempted)
        return;
    w->found = 0;
    if (w->in_doubt)
        w->found = nt_send_find (send, &w->job, &w->result);
    if (w->found == 0) {
        nt_send (send, &w->job, &w->result);
        w->seconds = s_now () - now;
    }
    //  A 429, or the last request of X's window: jobs taken from now on
    //  wait for the reset (requests already in flight meet the limit and
    //  are retried, not failed)
    if (w->result.reset_at > 0) {
        pthread_mutex_lock (&batch->lock);
        nt_rate_pause (&self->rate[b], w->result.reset_at);
        pthread_mutex_unlock (&batch->lock);
    }
}

typedef struct {
    s_batch_t *batch;
    nt_send_t *send;
} s_sender_t;

static void *
s_sender (void *arg)
{
    s_sender_t *sender = (s_sender_t *) arg;
    s_batch_t *batch = sender->batch;
    while (true) {
        pthread_mutex_lock (&batch->lock);
        int i = batch->next < batch->count ? batch->next++ : -1;
        pthread_mutex_unlock (&batch->lock);
        if (i < 0)
            break;
        s_send_one (batch, &batch->work[i], sender->send);
    }
    return NULL;
}

//  Sends the batch's jobs with up to send.concurrency requests in flight:
//  this thread is one sender, and each further one is a thread of its own
//  for the batch, with its own nt_send_t (its own keep-alive connections).
static void
s_send_all (notifier_t *self, s_work_t *work, int count, double started)
{
    s_batch_t batch = { .self = self, .work = work, .count = count, .started = started };
    pthread_mutex_init (&batch.lock, NULL);
    int senders = self->senders < count ? self->senders : count;
    pthread_t threads[64];
    s_sender_t args[64];
    int running = 0;
    for (int i = 1; i < senders; i++) {
        args[i] = (s_sender_t) { &batch, self->send[i] };
        nt_send_batch (self->send[i]);
        if (pthread_create (&threads[running], NULL, s_sender, &args[i]) != 0)
            break;              //  fewer senders; the jobs still all go
        running++;
    }
    args[0] = (s_sender_t) { &batch, self->send[0] };
    nt_send_batch (self->send[0]);
    s_sender (&args[0]);
    for (int i = 0; i < running; i++)
        pthread_join (threads[i], NULL);
    pthread_mutex_destroy (&batch.lock);
}

//  What to record for a job s_send_all has been through.
static json_t *
s_outcome_of (notifier_t *self, s_work_t *w)
{
    nt_job_t *job = &w->job;
    nt_result_t *result = &w->result;
    double now = s_now ();
    int b = s_bucket (job->channel);
    if (!w->attempted) {
        //  Not attempted: back to pending, due when the channel can send.
        sw_counter_inc (self->unattempted);
        nt_result_t none = { .outcome = NT_RETRY };
        snprintf (none.error, sizeof none.error, "not attempted (batch budget or rate limit)");
        return s_outcome (job, NULL, &none, nt_rate_wait (&self->rate[b], now), false, false);
    }
    if (w->in_doubt) {
        sw_counter_inc (self->in_doubt);
        if (w->found == 1) {
            sw_counter_inc (self->in_doubt_found);
            sw_log_kv (SW_LOG_INFO, "in-doubt job was already sent; recorded, not resent",
                       "docket", job->docket, "channel", job->channel, "external_id",
                       result->external_id, NULL);
        }
    }
    if (w->seconds >= 0)
        sw_histogram_observe (self->latency, w->seconds);
    int failures = w->failures;
    switch (result->outcome) {
    case NT_SENT:
        sw_counter_inc (self->m[b].sent);
        return s_outcome (job, "sent", result, 0, false, false);
    case NT_LIMITED:
        sw_counter_inc (self->m[b].limited);
        sw_log_kv (SW_LOG_WARN, "channel rate limited; paused until reset", "channel",
                   job->channel, "error", result->error, NULL);
        return s_outcome (job, "retry", result,
                          result->reset_at > now ? result->reset_at - now : 1, false, false);
    case NT_RETRY:
        if (failures + 1 < self->max_failures) {
            sw_counter_inc (self->m[b].retried);
            return s_outcome (job, "retry", result, s_backoff (self, failures + 1), true, false);
        }
        break;
    case NT_REJECTED:
        break;
    }
    sw_counter_inc (self->m[b].dead);
    sw_log_kv (SW_LOG_ERROR, "notification failed for good; parked as a dead letter", "docket",
               job->docket, "channel", job->channel, "kind", job->kind, "error", result->error,
               NULL);
    return s_outcome (job, result->outcome == NT_REJECTED ? "rejected" : "error", result, 0,
                      true, true);
}

//  Claims and delivers one batch. Returns how many jobs were claimed, or
//  -1 when PostgreSQL is not there.
static int
s_batch (notifier_t *self, const char *ids)
{
    sw_db_t *db = sw_server_db (self->server);
    if (!sw_server_db_ready (self->server))
        return -1;
    if (self->unrecorded && s_record (self, self->unrecorded) != 0)
        return -1;
    double started = s_now ();
    char excluded[256], limit[16], lease[16];
    s_excluded (self, started, excluded, sizeof excluded);
    snprintf (limit, sizeof limit, "%d", self->batch);
    snprintf (lease, sizeof lease, "%d", self->lease_s);
    const char *params[] = { limit, ids, excluded, lease };
    PGresult *rows = sw_db_query (db, ids ? s_claim_ids_sql : s_claim_due_sql, 4, params);
    if (!rows)
        return -1;
    int count = PQntuples (rows);
    if (count == 0) {
        PQclear (rows);
        return 0;
    }
    s_work_t *work = calloc ((size_t) count, sizeof *work);
    if (!work)
        abort ();
    for (int i = 0; i < count; i++) {
        work[i].job = (nt_job_t) {
            .id = strtoll (PQgetvalue (rows, i, 0), NULL, 10),
            .complaint_id = strtoll (PQgetvalue (rows, i, 1), NULL, 10),
            .docket = PQgetvalue (rows, i, 2),
            .kind = PQgetvalue (rows, i, 3),
            .channel = PQgetvalue (rows, i, 4),
            .recipient = PQgetvalue (rows, i, 5),
            .in_reply_to = PQgetvalue (rows, i, 6),
            .language = PQgetvalue (rows, i, 7),
            .body = PQgetvalue (rows, i, 8),
            .key = PQgetvalue (rows, i, 9),
            .attempt = atoi (PQgetvalue (rows, i, 10)),
            .doubt_since = strtod (PQgetvalue (rows, i, 13), NULL),
        };
        work[i].failures = atoi (PQgetvalue (rows, i, 11));
        work[i].in_doubt = PQgetvalue (rows, i, 12)[0] == 't';
    }
    s_send_all (self, work, count, started);
    json_t *outcomes = json_array ();
    for (int i = 0; i < count; i++)
        json_array_append_new (outcomes, s_outcome_of (self, &work[i]));
    free (work);
    PQclear (rows);
    char *text = json_dumps (outcomes, JSON_COMPACT);
    json_decref (outcomes);
    if (text)
        s_record (self, text);
    return count;
}

static void
s_gauges (notifier_t *self)
{
    double now = s_now ();
    if (now - self->last_gauges < 5 || !sw_server_db_ready (self->server))
        return;
    self->last_gauges = now;
    PGresult *res = sw_db_query (sw_server_db (self->server),
                                 "SELECT count(*) FILTER (WHERE state = 'pending'),"
                                 " count(*) FILTER (WHERE state = 'sending')"
                                 " FROM outbox WHERE state IN ('pending', 'sending')",
                                 0, NULL);
    if (res) {
        sw_gauge_set (self->pending, strtod (PQgetvalue (res, 0, 0), NULL));
        sw_gauge_set (self->sending, strtod (PQgetvalue (res, 0, 1), NULL));
        PQclear (res);
    }
}

//  Batches until the outbox has nothing due, or for at most a few batches
//  so that the loop still serves its socket and timers.
static void
s_drain (notifier_t *self, const char *ids)
{
    for (int round = 0; round < 8; round++) {
        int claimed = s_batch (self, ids);
        if (claimed < self->batch)
            break;
    }
    s_gauges (self);
}

static int
s_on_poll (zloop_t *loop, int timer_id, void *arg)
{
    s_drain ((notifier_t *) arg, NULL);
    return 0;
}

//  Jobs pushed by router: take every frame waiting, then claim those rows
//  at once (rows the socket never brings are found by the poll).
static int
s_on_job (zloop_t *loop, zsock_t *reader, void *arg)
{
    notifier_t *self = (notifier_t *) arg;
    char ids[8192];
    size_t n = (size_t) snprintf (ids, sizeof ids, "{");
    int got = 0;
    do {
        Sunwai__V1__NotificationJob *job = (Sunwai__V1__NotificationJob *) sw_frame_recv (
            reader, &sunwai__v1__notification_job__descriptor, sw_server_db (self->server),
            "notifier", self->bad);
        if (!job)
            continue;
        sw_counter_inc (self->received);
        if (n + 24 < sizeof ids) {
            n += (size_t) snprintf (ids + n, sizeof ids - n, "%s%lld", got ? "," : "",
                                    (long long) job->outbox_id);
            got++;
        }
        protobuf_c_message_free_unpacked (&job->base, NULL);
    } while (zsock_events (reader) & ZMQ_POLLIN && n + 24 < sizeof ids);
    snprintf (ids + n, sizeof ids - n, "}");
    if (got)
        s_drain (self, ids);
    return 0;
}

static void
s_db_ready (void *state)
{
    s_drain ((notifier_t *) state, NULL);
}

//  --------------------------------------------------------------------------

static void
s_bucket_metrics (notifier_t *self, sw_metrics_t *metrics)
{
    for (int b = 0; b < S_BUCKETS; b++) {
        char labels[64];
        snprintf (labels, sizeof labels, "channel=\"%s\"", s_bucket_names[b]);
        self->m[b].sent = sw_metrics_counter (metrics, "sunwai_notifier_sent_total",
                                              "Notifications delivered.", labels);
        self->m[b].retried = sw_metrics_counter (
            metrics, "sunwai_notifier_retries_total",
            "Failed attempts that will be retried (5xx, timeouts).", labels);
        self->m[b].limited = sw_metrics_counter (
            metrics, "sunwai_notifier_rate_limited_total",
            "Attempts refused with 429; the channel pauses until the reset.", labels);
        self->m[b].dead = sw_metrics_counter (metrics, "sunwai_notifier_dead_total",
                                              "Jobs parked as dead letters.", labels);
        self->m[b].paused = sw_metrics_gauge (
            metrics, "sunwai_notifier_channel_paused",
            "1 while the channel waits for the remote's rate-limit reset.", labels);
        self->m[b].configured = sw_metrics_gauge (
            metrics, "sunwai_notifier_channel_configured",
            "0 when the channel lacks its settings: its jobs wait in the outbox.", labels);
    }
}

static void
s_configure (notifier_t *self, sw_config_t *config)
{
    nt_send_config_t *c = &self->send_config;
    c->x_api_base = sw_config_str (config, "x.api_base");
    c->x_auth = sw_config_str (config, "x.auth");
    c->x_consumer_key = sw_config_str (config, "x.consumer_key");
    c->x_consumer_secret = sw_config_str (config, "x.consumer_secret");
    c->x_access_token = sw_config_str (config, "x.access_token");
    c->x_access_token_secret = sw_config_str (config, "x.access_token_secret");
    c->x_user_token = sw_config_str (config, "x.user_token");
    c->x_user_id = sw_config_str (config, "x.user_id");
    c->x_max_length = (int) sw_config_int (config, "x.max_length");
    c->webhook_secret = sw_config_str (config, "webhook.secret");
    c->sms_url = sw_config_str (config, "sms.url");
    c->sms_token = sw_config_str (config, "sms.token");
    c->sms_sender = sw_config_str (config, "sms.sender");
    c->smtp_url = sw_config_str (config, "smtp.url");
    c->smtp_from = sw_config_str (config, "smtp.from");
    c->smtp_username = sw_config_str (config, "smtp.username");
    c->smtp_password = sw_config_str (config, "smtp.password");
    c->smtp_tls = sw_config_str (config, "smtp.tls");
    c->timeout_ms = sw_config_int (config, "send.timeout_ms");
    self->senders = (int) sw_config_int (config, "send.concurrency");
    self->batch = (int) sw_config_int (config, "outbox.batch");
    self->lease_s = (int) sw_config_int (config, "outbox.lease_s");
    self->budget_ms = (int) sw_config_int (config, "outbox.budget_ms");
    self->max_failures = (int) sw_config_int (config, "retry.max_failures");
    self->base_ms = (int) sw_config_int (config, "retry.base_ms");
    self->max_s = (int) sw_config_int (config, "retry.max_s");

    bool x = strcmp (c->x_auth, "oauth2") == 0
               ? *c->x_user_token
               : *c->x_consumer_key && *c->x_consumer_secret && *c->x_access_token
                     && *c->x_access_token_secret;
    self->configured[S_X_POST] = x;
    self->configured[S_X_DM] = x;
    self->configured[S_WEBHOOK] = *c->webhook_secret;
    self->configured[S_SMS] = *c->sms_url;
    self->configured[S_EMAIL] = *c->smtp_url;
    self->configured[S_API] = true;
    static const char *rate_keys[S_BUCKETS] = { "rate.x_post_per_s", "rate.x_dm_per_s",
                                                "rate.webhook_per_s", "rate.sms_per_s",
                                                "rate.email_per_s", NULL };
    double now = s_now ();
    for (int b = 0; b < S_BUCKETS; b++) {
        double rate = rate_keys[b] ? (double) sw_config_int (config, rate_keys[b]) : 0;
        nt_rate_init (&self->rate[b], rate, rate, now);
        sw_gauge_set (self->m[b].configured, self->configured[b]);
        if (!self->configured[b])
            sw_log_kv (SW_LOG_WARN, "channel not configured: its jobs wait in the outbox",
                       "channel", s_bucket_names[b], NULL);
    }
}

static void
s_destroy (void **state_p)
{
    notifier_t *self = (notifier_t *) *state_p;
    if (!self)
        return;
    //  Outcomes still unwritten get one last try; if PostgreSQL is down
    //  they become in-doubt rows that the next start checks on X.
    if (self->unrecorded)
        s_record (self, self->unrecorded);
    free (self->unrecorded);
    zsock_destroy (&self->in);
    for (int i = 0; self->send && i < self->senders; i++)
        nt_send_destroy (&self->send[i]);
    free (self->send);
    free (self);
    *state_p = NULL;
}

static void *
s_create (sw_server_t *server)
{
    notifier_t *self = calloc (1, sizeof *self);
    sw_config_t *config = sw_server_config (server);
    sw_metrics_t *metrics = sw_server_metrics (server);
    self->server = server;
    if (sodium_init () < 0) {
        sw_log (SW_LOG_ERROR, "libsodium could not start");
        free (self);
        return NULL;
    }
    s_bucket_metrics (self, metrics);
    s_configure (self, config);
    if ((long) self->lease_s * 1000 <= self->budget_ms + self->send_config.timeout_ms) {
        sw_log_kv (SW_LOG_ERROR,
                   "outbox.lease_s must exceed outbox.budget_ms + send.timeout_ms, or a slow "
                   "batch would be taken again while it is still being sent",
                   (const char *) NULL);
        free (self);
        return NULL;
    }
    self->send = calloc ((size_t) self->senders, sizeof *self->send);
    bool senders = self->send != NULL;
    for (int i = 0; senders && i < self->senders; i++)
        senders = (self->send[i] = nt_send_new (&self->send_config)) != NULL;
    self->in = sw_server_socket (server, ZMQ_PULL, sw_config_str (config, "in.endpoint"));
    if (!senders || !self->in) {
        sw_log (SW_LOG_ERROR, "could not open the job socket");
        void *state = self;
        s_destroy (&state);
        return NULL;
    }
    self->received = sw_metrics_counter (metrics, "sunwai_notifier_jobs_received_total",
                                         "Notification jobs received on the socket.", NULL);
    self->bad = sw_metrics_counter (metrics, "sunwai_frames_undecodable_total",
                                    "Frames that could not be decoded.", "socket=\"in\"");
    self->in_doubt = sw_metrics_counter (
        metrics, "sunwai_notifier_in_doubt_total",
        "Claimed jobs whose previous attempt was never recorded (a notifier died).", NULL);
    self->in_doubt_found = sw_metrics_counter (
        metrics, "sunwai_notifier_in_doubt_found_total",
        "In-doubt jobs found already delivered on X and recorded without resending.", NULL);
    self->unattempted = sw_metrics_counter (
        metrics, "sunwai_notifier_unattempted_total",
        "Claimed jobs given back unsent (batch budget or channel rate limit).", NULL);
    self->pending = sw_metrics_gauge (metrics, "sunwai_notifier_outbox_pending",
                                      "Outbox rows waiting to be sent (read every 5 s).", NULL);
    self->sending = sw_metrics_gauge (metrics, "sunwai_notifier_outbox_sending",
                                      "Outbox rows claimed by a notifier (read every 5 s).", NULL);
    static const double bounds[] = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };
    self->latency = sw_metrics_histogram (metrics, "sunwai_notifier_send_seconds",
                                          "Time of one delivery request.", NULL, bounds,
                                          sizeof bounds / sizeof bounds[0]);
    zloop_reader (sw_server_loop (server), self->in, s_on_job, self);
    zloop_timer (sw_server_loop (server), (size_t) sw_config_int (config, "outbox.poll_ms"), 0,
                 s_on_poll, self);
    return self;
}

const sw_service_t notifier_service = {
    .name = "sunwai-notifier",
    .summary = "Delivers notifications from the outbox: replies and DMs to citizens on X,\n"
               "alerts to units by mention, webhook, e-mail or SMS; each exactly once.",
    .keys = s_keys,
    .uses_db = true,
    .create = s_create,
    .destroy = s_destroy,
    .db_ready = s_db_ready,
};
