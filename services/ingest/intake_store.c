/*  intake_store: the committer.  One thread with its own PostgreSQL
    connection and the PUSH socket down the pipeline.

    Channels (HTTP handler threads, the X clients, replay) submit messages
    as tickets to a queue and wait on them; the committer takes up to
    batch_max tickets at a time and stores them with one call of
    sunwai_ingest() (db/migrations/0002_ingest.sql) in one transaction, so
    under load many complaints share one commit and one fsync.  A ticket is
    answered only after COMMIT returned; then new complaints are pushed.

    Failure handling:
    - PostgreSQL down: tickets are answered UNAVAILABLE and nothing is
      stored; while it stays down, submissions are refused at once without
      queueing, so HTTP can answer 503 with Retry-After.  The connection is
      retried with backoff and recovers without a restart.  A connection lost
      during COMMIT leaves the outcome unknown; the caller is told
      UNAVAILABLE, retries, and the retry finds the message as a duplicate
      with the same docket.
    - deadlock or serialization failure: the whole batch is retried.
    - any other error: the batch is retried one message at a time, so one
      bad message cannot sink the others.
    - a push that cannot be sent because the pipeline is full (classifiers
      or router slower than the complaints arriving, as after an incident):
      the complaint's id joins the push backlog, oldest first, and the
      first committer sends the backlog again, reading the complaints back
      from PostgreSQL, as soon as the socket takes messages; new complaints
      queue behind it.  The backlog holds ids only, up to S_BACKLOG_MAX;
      beyond that, or if the process stops, the complaints stay RECEIVED
      in PostgreSQL and the re-driver sends them.
    - the re-driver re-sends complaints still RECEIVED redrive_after_s
      after their last push (or their commit), which covers a push lost
      with a process and a classifier that died holding them; it waits
      while the backlog is being sent. */
#include "intake.h"
#include "sw_frame.h"
#include "sw_log.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <czmq.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct s_worker s_worker_t;

//  Complaint ids the push backlog holds at most (8 bytes each).
#define S_BACKLOG_MAX 200000
//  Complaints read back and sent per round of the backlog.
#define S_BACKLOG_ROUND 500

typedef enum { S_OP_MESSAGE, S_OP_CURSOR_GET, S_OP_CURSOR_SET, S_OP_TOKEN } s_op_t;

struct _intake_ticket_t {
    intake_store_t *store;     //  the store it was submitted to
    s_op_t op;                 //  what the committer is asked to do
    intake_msg_t *msg;         //  the message (S_OP_MESSAGE), owned
    char *name;                //  cursor name (cursor ops)
    char *value;               //  cursor value in (set) or out (get)
    uint8_t token_hash[32];    //  API token hash, if has_token
    bool has_token;            //  the commit must check the token
    intake_result_t result;    //  outcome, once done
    char docket[32];           //  docket of the complaint concerned
    int64_t complaint_id;      //  its id
    int version;               //  its version after the commit
    int64_t received_at_ms;    //  when it was first committed
    bool done;                 //  the committer has answered
    bool abandoned;            //  the waiter gave up; the committer frees it
    intake_ticket_t *next;     //  queue link
};

struct _intake_store_t {
    intake_store_config_t config;  //  copy; strings below are our copies
    char *db_url;                  //  conninfo
    char *out_endpoint;            //  PUSH endpoint
    char *state;                   //  deployment code
    char *docket_prefix;           //  e.g. "UP"
    int ncommitters;               //  committer threads
    struct s_worker *workers;      //  one per committer
    pthread_mutex_t push_lock;     //  serialises the shared PUSH socket
    pthread_mutex_t lock;          //  guards the queue and tickets' done flags
    pthread_cond_t work;           //  signalled when tickets are queued
    pthread_cond_t done;           //  broadcast when tickets are answered
    intake_ticket_t *head;         //  queue of tickets
    intake_ticket_t *tail;         //  last ticket
    int queued;                    //  tickets in the queue
    bool stopping;                 //  destroy was called
    atomic_int db_up;              //  committers whose connection is up
    atomic_bool started;           //  the committer has tried to connect once
    zsock_t *out;                  //  PUSH socket, shared under push_lock
    int64_t *backlog;              //  ring of ids waiting to be pushed (under push_lock)
    size_t backlog_head;           //  index of the oldest
    size_t backlog_len;            //  ids in the ring
    bool backlog_full;             //  an id was left to the re-driver (logged once)
    sw_counter_t *results[INTAKE_ERROR + 1];  //  messages by outcome
    sw_counter_t *pushed;          //  complaints pushed
    sw_counter_t *push_failed;     //  pushes that could not be sent
    sw_counter_t *redriven;        //  complaints re-pushed by the re-driver
    sw_counter_t *batch_retries;   //  batches retried
    sw_histogram_t *batch_size;    //  messages per commit
    sw_histogram_t *commit_seconds;//  time in sunwai_ingest + COMMIT
    sw_gauge_t *queue_depth;       //  tickets waiting
    sw_gauge_t *backlog_depth;     //  complaints in the push backlog
};

//  One committer thread and what only it touches.
struct s_worker {
    intake_store_t *store;     //  the store it serves
    int index;                 //  0 also runs the re-driver
    pthread_t thread;          //  the thread
    sw_db_t *db;               //  its own connection
    bool up;                   //  its connection counted in db_up
    int64_t next_redrive_ms;   //  when the re-driver runs next (index 0)
    int64_t next_ping_ms;      //  when an idle connection is pinged next
};

static const char *s_result_names[] = { "new", "duplicate", "follow_up", "reopened", "deleted",
                                        "ignored", "unauthorized", "unavailable", "error" };

static int64_t
s_now_ms (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
s_ticket_free (intake_ticket_t *t)
{
    if (!t)
        return;
    intake_msg_destroy (&t->msg);
    free (t->name);
    free (t->value);
    free (t);
}

//  --------------------------------------------------------------------
//  Building the Complaint message

static Sunwai__V1__Channel
s_channel (const char *name)
{
    static const struct {
        const char *name;
        Sunwai__V1__Channel value;
    } map[] = {
        { "x_webhook", SUNWAI__V1__CHANNEL__CHANNEL_X_WEBHOOK },
        { "x_stream", SUNWAI__V1__CHANNEL__CHANNEL_X_STREAM },
        { "x_mentions", SUNWAI__V1__CHANNEL__CHANNEL_X_MENTIONS },
        { "x_dm", SUNWAI__V1__CHANNEL__CHANNEL_X_DM },
        { "api", SUNWAI__V1__CHANNEL__CHANNEL_API },
        { "web", SUNWAI__V1__CHANNEL__CHANNEL_WEB },
        { "whatsapp", SUNWAI__V1__CHANNEL__CHANNEL_WHATSAPP },
        { "sms", SUNWAI__V1__CHANNEL__CHANNEL_SMS },
        { "email", SUNWAI__V1__CHANNEL__CHANNEL_EMAIL },
        { "control_room", SUNWAI__V1__CHANNEL__CHANNEL_CONTROL_ROOM },
        { "capture", SUNWAI__V1__CHANNEL__CHANNEL_CAPTURE },
        { "replay", SUNWAI__V1__CHANNEL__CHANNEL_REPLAY },
    };
    for (size_t i = 0; name && i < sizeof map / sizeof map[0]; i++)
        if (strcmp (map[i].name, name) == 0)
            return map[i].value;
    return SUNWAI__V1__CHANNEL__CHANNEL_UNSPECIFIED;
}

static char *
s_or_empty (char *s)
{
    return s ? s : (char *) "";
}

//  Adds an id at the end of the push backlog; under push_lock.
static void
s_backlog_add (intake_store_t *self, int64_t id)
{
    if (!self->backlog)
        self->backlog = malloc (S_BACKLOG_MAX * sizeof *self->backlog);
    if (!self->backlog || self->backlog_len == S_BACKLOG_MAX) {
        if (!self->backlog_full)
            sw_log_kv (SW_LOG_WARN, "push backlog full: further complaints wait for the re-driver",
                       NULL);
        self->backlog_full = true;
        return;
    }
    self->backlog[(self->backlog_head + self->backlog_len) % S_BACKLOG_MAX] = id;
    self->backlog_len++;
    sw_gauge_set (self->backlog_depth, (double) self->backlog_len);
}

static size_t
s_backlog_len (intake_store_t *self)
{
    pthread_mutex_lock (&self->push_lock);
    size_t len = self->backlog_len;
    pthread_mutex_unlock (&self->push_lock);
    return len;
}

//  Push one stored complaint. 0 if ZeroMQ took it.  With queue set (a
//  complaint just committed), one that cannot go now joins the push
//  backlog, and while the backlog has complaints it joins without trying,
//  so that complaints go down the pipeline in the order they came.
static int
s_push (intake_store_t *self, const intake_msg_t *msg, int64_t id, const char *docket,
        int version, int64_t received_at_ms, bool queue)
{
    //  Behind a backlog: no message to build, the id joins it.
    if (queue) {
        pthread_mutex_lock (&self->push_lock);
        bool behind = self->backlog_len > 0;
        if (behind)
            s_backlog_add (self, id);
        pthread_mutex_unlock (&self->push_lock);
        if (behind)
            return -1;
    }
    Sunwai__V1__Author author = SUNWAI__V1__AUTHOR__INIT;
    author.id = s_or_empty (msg->author_id);
    author.handle = s_or_empty (msg->author_handle);
    author.name = s_or_empty (msg->author_name);
    author.location = s_or_empty (msg->author_location);
    Sunwai__V1__Geo geo = SUNWAI__V1__GEO__INIT;
    Sunwai__V1__Complaint c = SUNWAI__V1__COMPLAINT__INIT;
    if (msg->geo && json_is_object (msg->geo)) {
        json_t *lat = json_object_get (msg->geo, "lat");
        json_t *lon = json_object_get (msg->geo, "lon");
        if (json_is_number (lat) && json_is_number (lon)) {
            geo.has_point = true;
            geo.lat = json_number_value (lat);
            geo.lon = json_number_value (lon);
        }
        geo.place_id = (char *) s_or_empty ((char *) json_string_value (json_object_get (msg->geo, "place_id")));
        geo.place_name = (char *) s_or_empty ((char *) json_string_value (json_object_get (msg->geo, "place_name")));
        geo.country_code = (char *) s_or_empty ((char *) json_string_value (json_object_get (msg->geo, "country_code")));
        c.geo = &geo;
    }
    size_t nmedia = msg->media && json_is_array (msg->media) ? json_array_size (msg->media) : 0;
    Sunwai__V1__Media *media = nmedia ? calloc (nmedia, sizeof *media) : NULL;
    Sunwai__V1__Media **media_list = nmedia ? calloc (nmedia, sizeof *media_list) : NULL;
    for (size_t i = 0; i < nmedia; i++) {
        json_t *m = json_array_get (msg->media, i);
        sunwai__v1__media__init (&media[i]);
        media[i].id = (char *) s_or_empty ((char *) json_string_value (json_object_get (m, "id")));
        media[i].type = (char *) s_or_empty ((char *) json_string_value (json_object_get (m, "type")));
        media[i].url = (char *) s_or_empty ((char *) json_string_value (json_object_get (m, "url")));
        media_list[i] = &media[i];
    }
    c.id = id;
    c.docket = (char *) docket;
    c.state = self->state;
    c.channel = s_channel (msg->channel);
    c.source_id = s_or_empty (msg->source_id);
    c.conversation_id = s_or_empty (msg->conversation_id);
    c.in_reply_to_id = s_or_empty (msg->in_reply_to_id);
    c.author = &author;
    c.text = s_or_empty (msg->text);
    c.lang_hint = s_or_empty (msg->lang);
    c.created_at_ms = msg->created_at_ms;
    c.received_at_ms = received_at_ms;
    c.n_media = nmedia;
    c.media = media_list;
    c.version = version;
    c.status = SUNWAI__V1__STATUS__STATUS_RECEIVED;
    pthread_mutex_lock (&self->push_lock);
    bool behind = queue && self->backlog_len > 0;
    int rc = self->out && !behind ? sw_frame_send (self->out, &c.base) : -1;
    if (rc == 0)
        sw_counter_inc (self->pushed);
    else if (!behind)
        sw_counter_inc (self->push_failed);
    if (rc != 0 && queue)
        s_backlog_add (self, id);
    pthread_mutex_unlock (&self->push_lock);
    free (media);
    free (media_list);
    return rc;
}

//  Record pushed_at for the complaints that went out.
static void
s_mark_pushed (s_worker_t *w, const char *ids_array)
{
    const char *params[1] = { ids_array };
    sw_db_exec (w->db, "UPDATE complaints SET pushed_at = now() WHERE id = ANY ($1::bigint[])",
                1, params);
}

//  --------------------------------------------------------------------
//  Committing

static json_t *
s_item_json (intake_ticket_t *t)
{
    intake_msg_t *m = t->msg;
    static const char *kinds[] = { "tweet", "dm", "api", "delete" };
    json_t *o = json_object ();
    json_object_set_new (o, "kind", json_string (kinds[m->kind]));
    json_object_set_new (o, "channel", json_string (m->channel ? m->channel : "api"));
    json_object_set_new (o, "source", json_string (m->source ? m->source : "api"));
    json_object_set_new (o, "source_id", json_string (m->source_id ? m->source_id : ""));
#define S_OPT(key, field) \
    if (m->field)         \
        json_object_set_new (o, key, json_string (m->field));
    S_OPT ("conversation_id", conversation_id)
    S_OPT ("in_reply_to_id", in_reply_to_id)
    S_OPT ("author_id", author_id)
    S_OPT ("author_handle", author_handle)
    S_OPT ("author_name", author_name)
    S_OPT ("author_location", author_location)
    S_OPT ("lang", lang)
    S_OPT ("cursor", cursor)
#undef S_OPT
    json_object_set_new (o, "text", json_string (m->text ? m->text : ""));
    json_object_set_new (o, "created_at_ms", json_integer (m->created_at_ms));
    if (m->geo)
        json_object_set (o, "geo", m->geo);
    if (m->media)
        json_object_set (o, "media", m->media);
    if (m->raw)
        json_object_set (o, "raw", m->raw);
    if (t->has_token) {
        char hex[65];
        for (int i = 0; i < 32; i++)
            snprintf (hex + 2 * i, 3, "%02x", t->token_hash[i]);
        json_object_set_new (o, "token_hash", json_string (hex));
        //  Which roles may submit through which door: integration clients
        //  and admins through the API, any officer by capture.
        json_t *roles = json_array ();
        if (m->channel && strcmp (m->channel, "capture") == 0) {
            const char *all[] = { "officer", "district", "hq", "admin", NULL };
            for (int i = 0; all[i]; i++)
                json_array_append_new (roles, json_string (all[i]));
        }
        else {
            json_array_append_new (roles, json_string ("api"));
            json_array_append_new (roles, json_string ("admin"));
        }
        json_object_set_new (o, "token_roles", roles);
    }
    return o;
}

static intake_result_t
s_parse_result (const char *name)
{
    for (int i = 0; i <= INTAKE_ERROR; i++)
        if (strcmp (s_result_names[i], name) == 0)
            return (intake_result_t) i;
    return INTAKE_ERROR;
}

//  Run one batch in one transaction. 0 on commit; -1 on failure with the
//  tickets untouched (the caller decides: retry, split, or answer).
static int
s_try_batch (s_worker_t *w, intake_ticket_t **tickets, int n)
{
    intake_store_t *self = w->store;
    json_t *array = json_array ();
    for (int i = 0; i < n; i++)
        json_array_append_new (array, s_item_json (tickets[i]));
    char *items = json_dumps (array, JSON_COMPACT);
    json_decref (array);
    char window[16];
    snprintf (window, sizeof window, "%d", self->config.followup_window_s);
    const char *params[4] = { items, self->state, self->docket_prefix, window };

    //  One statement in its own (implicit) transaction: one round trip
    //  instead of three for BEGIN, the call and COMMIT.  The extended
    //  protocol commits at its Sync, before ReadyForQuery, so the result
    //  arrives only once the batch is committed, and a failed commit (the
    //  deferred source_messages check) is the error result returned.
    int64_t start = s_now_ms ();
    PGresult *res = sw_db_query (
        w->db,
        "SELECT idx, result, complaint_id, docket, version, received_at_ms"
        "  FROM sunwai_ingest ($1::jsonb, $2, $3, $4::integer)",
        4, params);
    free (items);
    if (!res)
        return -1;
    sw_histogram_observe (self->commit_seconds, (double) (s_now_ms () - start) / 1000.0);
    sw_histogram_observe (self->batch_size, n);
    for (int r = 0; r < PQntuples (res); r++) {
        int i = atoi (PQgetvalue (res, r, 0));
        if (i < 0 || i >= n)
            continue;
        intake_ticket_t *t = tickets[i];
        t->result = s_parse_result (PQgetvalue (res, r, 1));
        if (!PQgetisnull (res, r, 2))
            t->complaint_id = strtoll (PQgetvalue (res, r, 2), NULL, 10);
        if (!PQgetisnull (res, r, 3))
            snprintf (t->docket, sizeof t->docket, "%s", PQgetvalue (res, r, 3));
        if (!PQgetisnull (res, r, 4))
            t->version = atoi (PQgetvalue (res, r, 4));
        if (!PQgetisnull (res, r, 5))
            t->received_at_ms = strtoll (PQgetvalue (res, r, 5), NULL, 10);
    }
    PQclear (res);
    return 0;
}

//  Answer tickets: wake their waiters, or free those nobody waits for.
static void
s_complete (intake_store_t *self, intake_ticket_t **tickets, int n)
{
    pthread_mutex_lock (&self->lock);
    for (int i = 0; i < n; i++) {
        intake_ticket_t *t = tickets[i];
        sw_counter_inc (self->results[t->result]);
        if (t->abandoned)
            s_ticket_free (t);
        else
            t->done = true;
    }
    pthread_cond_broadcast (&self->done);
    pthread_mutex_unlock (&self->lock);
}

static bool
s_retryable (const char *sqlstate)
{
    return strcmp (sqlstate, "40P01") == 0 || strcmp (sqlstate, "40001") == 0;
}

static bool
s_connection_failure (s_worker_t *w)
{
    return !sw_db_connected (w->db) || strncmp (sw_db_last_sqlstate (w->db), "08", 2) == 0;
}

//  Store a batch, retrying and splitting as the header comment says, then
//  answer every ticket and push the new complaints.
static void
s_commit (s_worker_t *w, intake_ticket_t **tickets, int n)
{
    intake_store_t *self = w->store;
    int rc = -1;
    for (int attempt = 0; attempt < 3 && rc != 0; attempt++) {
        if (!sw_db_connected (w->db))
            break;
        rc = s_try_batch (w, tickets, n);
        if (rc != 0 && !s_retryable (sw_db_last_sqlstate (w->db)))
            break;
        if (rc != 0)
            sw_counter_inc (self->batch_retries);
    }
    if (rc != 0) {
        bool down = s_connection_failure (w);
        if (!down && n > 1) {
            //  One message may be at fault: store the others one by one.
            for (int i = 0; i < n; i++)
                s_commit (w, &tickets[i], 1);
            return;
        }
        for (int i = 0; i < n; i++)
            tickets[i]->result = down ? INTAKE_UNAVAILABLE : INTAKE_ERROR;
        if (!down)
            sw_log_kv (SW_LOG_ERROR, "could not store message", "source_id",
                       tickets[0]->msg->source_id, "sqlstate", sw_db_last_sqlstate (w->db),
                       NULL);
        s_complete (self, tickets, n);
        return;
    }
    //  Committed. Keep what we need to push, answer, then push.
    typedef struct {
        intake_msg_t *msg;
        int64_t id;
        char docket[32];
        int version;
        int64_t received_at_ms;
    } s_push_t;
    s_push_t *pushes = calloc ((size_t) n, sizeof *pushes);
    int npush = 0;
    for (int i = 0; i < n; i++)
        if (tickets[i]->result == INTAKE_NEW) {
            s_push_t *p = &pushes[npush++];
            p->msg = tickets[i]->msg;
            tickets[i]->msg = NULL;
            p->id = tickets[i]->complaint_id;
            memcpy (p->docket, tickets[i]->docket, sizeof p->docket);
            p->version = tickets[i]->version;
            p->received_at_ms = tickets[i]->received_at_ms;
            char id[24];
            snprintf (id, sizeof id, "%lld", (long long) p->id);
            sw_log_kv (SW_LOG_INFO, "complaint stored", "docket", p->docket, "complaint", id,
                       "channel", p->msg->channel, "source_id", p->msg->source_id, NULL);
        }
    s_complete (self, tickets, n);
    //  Pushed after the answer. Nothing is recorded: a push the pipeline
    //  cannot take now goes to the push backlog, and the re-driver counts
    //  from received_at until it has pushed a complaint itself.
    for (int i = 0; i < npush; i++) {
        s_push (self, pushes[i].msg, pushes[i].id, pushes[i].docket, pushes[i].version,
                pushes[i].received_at_ms, true);
        intake_msg_destroy (&pushes[i].msg);
    }
    free (pushes);
}

//  --------------------------------------------------------------------
//  Re-driver and cursors

static char *
s_dup_or_null (PGresult *res, int row, int col)
{
    return PQgetisnull (res, row, col) ? NULL : strdup (PQgetvalue (res, row, col));
}

//  The columns s_push_row reads, in its order, from complaints c.
#define S_PUSH_COLUMNS                                                                        \
    "c.id, c.docket, c.channel, c.source_id, c.conversation_id, c.in_reply_to_id,"            \
    " c.author_id, c.author_handle, c.author_name, c.author_location, c.text, c.lang_hint,"  \
    " c.geo::text, c.media::text,"                                                            \
    " coalesce(floor(extract(epoch FROM c.created_at) * 1000), 0)::bigint,"                  \
    " floor(extract(epoch FROM c.received_at) * 1000)::bigint, c.version"

//  Pushes the complaint in row r (S_PUSH_COLUMNS) as it was stored; its id
//  in *id.  0 if ZeroMQ took it.
static int
s_push_row (intake_store_t *self, PGresult *res, int r, int64_t *id)
{
    intake_msg_t *m = intake_msg_new (INTAKE_TWEET);
    m->channel = s_dup_or_null (res, r, 2);
    m->source_id = s_dup_or_null (res, r, 3);
    m->conversation_id = s_dup_or_null (res, r, 4);
    m->in_reply_to_id = s_dup_or_null (res, r, 5);
    m->author_id = s_dup_or_null (res, r, 6);
    m->author_handle = s_dup_or_null (res, r, 7);
    m->author_name = s_dup_or_null (res, r, 8);
    m->author_location = s_dup_or_null (res, r, 9);
    m->text = s_dup_or_null (res, r, 10);
    m->lang = s_dup_or_null (res, r, 11);
    if (!PQgetisnull (res, r, 12))
        m->geo = json_loads (PQgetvalue (res, r, 12), 0, NULL);
    if (!PQgetisnull (res, r, 13))
        m->media = json_loads (PQgetvalue (res, r, 13), 0, NULL);
    m->created_at_ms = strtoll (PQgetvalue (res, r, 14), NULL, 10);
    *id = strtoll (PQgetvalue (res, r, 0), NULL, 10);
    int rc = s_push (self, m, *id, PQgetvalue (res, r, 1), atoi (PQgetvalue (res, r, 16)),
                     strtoll (PQgetvalue (res, r, 15), NULL, 10), false);
    intake_msg_destroy (&m);
    return rc;
}

//  One round of the push backlog: the oldest ids, read back in their
//  order (those no longer RECEIVED, routed meanwhile, are dropped), pushed
//  until the pipeline is full again.  Only when the socket can take a
//  message, so a full pipeline costs no query.
static void
s_backlog_send (s_worker_t *w)
{
    intake_store_t *self = w->store;
    pthread_mutex_lock (&self->push_lock);
    size_t n = self->backlog_len < S_BACKLOG_ROUND ? self->backlog_len : S_BACKLOG_ROUND;
    bool writable = self->out && (zsock_events (self->out) & ZMQ_POLLOUT);
    char *ids = NULL;
    if (n > 0 && writable && (ids = malloc (n * 24 + 3))) {
        size_t len = 0;
        ids[len++] = '{';
        for (size_t i = 0; i < n; i++)
            len += (size_t) sprintf (ids + len, "%s%lld", i ? "," : "",
                                     (long long) self->backlog[(self->backlog_head + i)
                                                              % S_BACKLOG_MAX]);
        ids[len++] = '}';
        ids[len] = '\0';
    }
    pthread_mutex_unlock (&self->push_lock);
    if (!ids)
        return;
    const char *params[1] = { ids };
    PGresult *res = sw_db_query (w->db,
                                 "SELECT " S_PUSH_COLUMNS ", b.ord"
                                 "  FROM unnest ($1::bigint[]) WITH ORDINALITY AS b (id, ord)"
                                 "  JOIN complaints c ON c.id = b.id AND c.status = 'RECEIVED'"
                                 " ORDER BY b.ord",
                                 1, params);
    free (ids);
    if (!res)
        return;
    //  The ids before the first that could not go are done.
    size_t done = n;
    for (int r = 0; r < PQntuples (res); r++) {
        int64_t id;
        if (s_push_row (self, res, r, &id) != 0) {
            done = (size_t) strtoll (PQgetvalue (res, r, 17), NULL, 10) - 1;
            break;
        }
    }
    PQclear (res);
    pthread_mutex_lock (&self->push_lock);
    self->backlog_head = (self->backlog_head + done) % S_BACKLOG_MAX;
    self->backlog_len -= done;
    if (self->backlog_len == 0)
        self->backlog_full = false;
    sw_gauge_set (self->backlog_depth, (double) self->backlog_len);
    pthread_mutex_unlock (&self->push_lock);
}

static void
s_redrive (s_worker_t *w)
{
    intake_store_t *self = w->store;
    char after[16];
    snprintf (after, sizeof after, "%d", self->config.redrive_after_s);
    const char *params[1] = { after };
    PGresult *res = sw_db_query (
        w->db,
        "SELECT " S_PUSH_COLUMNS
        "  FROM complaints c"
        " WHERE c.status = 'RECEIVED'"
        "   AND coalesce(c.pushed_at, c.received_at) < now() - make_interval(secs => $1::integer)"
        " ORDER BY c.id LIMIT 500",
        1, params);
    if (!res)
        return;
    int n = PQntuples (res);
    if (n > 0) {
        char *ids = malloc ((size_t) n * 24 + 3);
        size_t len = 0;
        int sent = 0;
        ids[len++] = '{';
        for (int r = 0; r < n; r++) {
            int64_t id;
            if (s_push_row (self, res, r, &id) == 0) {
                len += (size_t) sprintf (ids + len, "%s%lld", sent ? "," : "", (long long) id);
                sent++;
            }
        }
        ids[len++] = '}';
        ids[len] = '\0';
        if (sent) {
            s_mark_pushed (w, ids);
            sw_counter_add (self->redriven, sent);
            char count[16];
            snprintf (count, sizeof count, "%d", sent);
            sw_log_kv (SW_LOG_INFO, "re-drove complaints left unclassified", "count", count,
                       NULL);
        }
        free (ids);
    }
    PQclear (res);
}

static void
s_cursor_op (s_worker_t *w, intake_ticket_t *t)
{
    intake_store_t *self = w->store;
    t->result = INTAKE_UNAVAILABLE;
    if (t->op == S_OP_CURSOR_GET) {
        const char *params[1] = { t->name };
        PGresult *res =
            sw_db_query (w->db, "SELECT last_id FROM channel_cursors WHERE name = $1", 1, params);
        if (res) {
            t->result = INTAKE_IGNORED;
            if (PQntuples (res) == 1)
                t->value = strdup (PQgetvalue (res, 0, 0));
            PQclear (res);
        }
    }
    else if (t->op == S_OP_TOKEN) {
        char hex[65];
        for (int i = 0; i < 32; i++)
            snprintf (hex + 2 * i, 3, "%02x", t->token_hash[i]);
        const char *params[2] = { hex, t->name };
        PGresult *res = sw_db_query (
            w->db,
            "SELECT 1 FROM tokens t JOIN officers o ON o.id = t.officer_id"
            " WHERE t.token_hash = decode ($1, 'hex') AND t.revoked_at IS NULL"
            "   AND (t.expires_at IS NULL OR t.expires_at > now()) AND o.active"
            "   AND o.role = ANY (string_to_array ($2, ','))",
            2, params);
        if (res) {
            t->result = PQntuples (res) == 1 ? INTAKE_IGNORED : INTAKE_UNAUTHORIZED;
            PQclear (res);
        }
    }
    else {
        const char *params[2] = { t->name, t->value };
        if (sw_db_exec (w->db,
                        "INSERT INTO channel_cursors (name, last_id) VALUES ($1, $2)"
                        " ON CONFLICT (name) DO UPDATE SET last_id = EXCLUDED.last_id,"
                        " updated_at = now()",
                        2, params) == 0)
            t->result = INTAKE_IGNORED;
    }
    pthread_mutex_lock (&self->lock);
    if (t->abandoned)
        s_ticket_free (t);
    else
        t->done = true;
    pthread_cond_broadcast (&self->done);
    pthread_mutex_unlock (&self->lock);
}

//  --------------------------------------------------------------------
//  The committer thread

static void
s_keep_connected (s_worker_t *w)
{
    intake_store_t *self = w->store;
    int64_t now = s_now_ms ();
    if (sw_db_connected (w->db) && now >= w->next_ping_ms) {
        w->next_ping_ms = now + 1000;
        if (sw_db_exec (w->db, "SELECT 1", 0, NULL) != 0)
            sw_db_disconnect (w->db);
    }
    if (!sw_db_connected (w->db))
        sw_db_ensure (w->db);
    bool up = sw_db_connected (w->db);
    if (up != w->up) {
        atomic_fetch_add (&self->db_up, up ? 1 : -1);
        w->up = up;
    }
    atomic_store (&self->started, true);
}

static void *
s_committer (void *arg)
{
    s_worker_t *w = (s_worker_t *) arg;
    intake_store_t *self = w->store;
    int max = self->config.batch_max;
    intake_ticket_t **batch = calloc ((size_t) max, sizeof *batch);

    while (true) {
        s_keep_connected (w);
        pthread_mutex_lock (&self->lock);
        if (!self->head && !self->stopping) {
            //  While the backlog waits, look at it again soon.
            long wait_ms = w->index == 0 && s_backlog_len (self) > 0 ? 10 : 200;
            struct timespec until;
            clock_gettime (CLOCK_REALTIME, &until);
            until.tv_nsec += wait_ms * 1000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait (&self->work, &self->lock, &until);
        }
        if (self->stopping && !self->head) {
            pthread_mutex_unlock (&self->lock);
            break;
        }
        int n = 0;
        intake_ticket_t *cursor_ops = NULL;
        while (self->head && n < max) {
            intake_ticket_t *t = self->head;
            self->head = t->next;
            if (!self->head)
                self->tail = NULL;
            self->queued--;
            t->next = NULL;
            if (t->op == S_OP_MESSAGE)
                batch[n++] = t;
            else {
                t->next = cursor_ops;
                cursor_ops = t;
            }
        }
        sw_gauge_set (self->queue_depth, self->queued);
        //  More waiting: let another committer start on it meanwhile.
        if (self->head)
            pthread_cond_signal (&self->work);
        pthread_mutex_unlock (&self->lock);

        if (n > 0 || cursor_ops)
            s_keep_connected (w);
        while (cursor_ops) {
            intake_ticket_t *t = cursor_ops;
            cursor_ops = t->next;
            if (sw_db_connected (w->db))
                s_cursor_op (w, t);
            else {
                t->result = INTAKE_UNAVAILABLE;
                s_complete (self, &t, 1);
            }
        }
        if (n > 0) {
            if (sw_db_connected (w->db))
                s_commit (w, batch, n);
            else {
                for (int i = 0; i < n; i++)
                    batch[i]->result = INTAKE_UNAVAILABLE;
                s_complete (self, batch, n);
            }
        }
        if (w->index == 0 && sw_db_connected (w->db) && s_backlog_len (self) > 0)
            s_backlog_send (w);
        int64_t now = s_now_ms ();
        if (w->index == 0 && self->out && sw_db_connected (w->db) && now >= w->next_redrive_ms
            && s_backlog_len (self) == 0) {
            w->next_redrive_ms = now + 1000 * (self->config.redrive_after_s < 10
                                                   ? self->config.redrive_after_s
                                                   : 10);
            s_redrive (w);
        }
    }
    free (batch);
    if (w->up)
        atomic_fetch_sub (&self->db_up, 1);
    w->up = false;
    sw_db_destroy (&w->db);
    return NULL;
}

//  --------------------------------------------------------------------
//  Public API

intake_store_t *
intake_store_new (const intake_store_config_t *config)
{
    intake_store_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->config = *config;
    if (self->config.batch_max < 1)
        self->config.batch_max = 1;
    if (self->config.queue_max < 1)
        self->config.queue_max = 10000;
    if (self->config.redrive_after_s < 1)
        self->config.redrive_after_s = 60;
    self->db_url = strdup (config->db_url);
    self->out_endpoint = strdup (config->out_endpoint);
    self->state = strdup (config->state);
    self->docket_prefix = strdup (config->docket_prefix);
    self->ncommitters = config->committers > 0 ? config->committers : 1;
    self->workers = calloc ((size_t) self->ncommitters, sizeof *self->workers);
    //  The PUSH socket is made here and used by every committer under
    //  push_lock (a mutex is the full memory barrier ZeroMQ asks for when a
    //  socket passes between threads).
    self->out = config->curve ? sw_curve_socket (config->curve, ZMQ_PUSH, self->out_endpoint)
                              : zsock_new_push (self->out_endpoint);
    if (!self->out)
        sw_log_kv (SW_LOG_ERROR, "could not open socket", "endpoint", self->out_endpoint, NULL);
    else
        zsock_set_sndtimeo (self->out, 0);
    for (int i = 0; i < self->ncommitters; i++) {
        self->workers[i].store = self;
        self->workers[i].index = i;
        self->workers[i].db = sw_db_new (self->db_url);
    }
    if (!self->out || !self->workers[self->ncommitters - 1].db) {
        for (int i = 0; i < self->ncommitters; i++)
            sw_db_destroy (&self->workers[i].db);
        zsock_destroy (&self->out);
        free (self->workers);
        free (self->db_url);
        free (self->out_endpoint);
        free (self->state);
        free (self->docket_prefix);
        free (self);
        return NULL;
    }
    sw_metrics_t *m = config->metrics;
    for (int i = 0; i <= INTAKE_ERROR; i++) {
        char labels[64];
        snprintf (labels, sizeof labels, "result=\"%s\"", s_result_names[i]);
        self->results[i] = sw_metrics_counter (m, "sunwai_ingest_messages_total",
                                               "Messages handled by the store, by outcome.",
                                               labels);
    }
    self->pushed = sw_metrics_counter (m, "sunwai_ingest_pushed_total",
                                       "Complaints pushed down the pipeline.", NULL);
    self->push_failed = sw_metrics_counter (
        m, "sunwai_ingest_push_failed_total",
        "Pushes that could not be sent (the pipeline was full or absent).", NULL);
    self->redriven = sw_metrics_counter (m, "sunwai_ingest_redriven_total",
                                         "Complaints re-pushed by the re-driver.", NULL);
    self->batch_retries = sw_metrics_counter (m, "sunwai_ingest_batch_retries_total",
                                              "Batches retried after a deadlock or "
                                              "serialization failure.", NULL);
    static const double sizes[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500 };
    self->batch_size = sw_metrics_histogram (m, "sunwai_ingest_batch_size",
                                             "Messages per commit.", NULL, sizes, 9);
    self->commit_seconds = sw_metrics_histogram (m, "sunwai_ingest_commit_seconds",
                                                 "Time to store and commit a batch.", NULL,
                                                 NULL, 0);
    self->queue_depth = sw_metrics_gauge (m, "sunwai_ingest_queue_depth",
                                          "Messages waiting for the committer.", NULL);
    self->backlog_depth = sw_metrics_gauge (
        m, "sunwai_ingest_push_backlog",
        "Stored complaints waiting for room in the pipeline to be pushed.", NULL);
    pthread_mutex_init (&self->lock, NULL);
    pthread_cond_init (&self->work, NULL);
    pthread_cond_init (&self->done, NULL);
    pthread_mutex_init (&self->push_lock, NULL);
    atomic_init (&self->db_up, 0);
    atomic_init (&self->started, false);
    for (int i = 0; i < self->ncommitters; i++)
        if (pthread_create (&self->workers[i].thread, NULL, s_committer, &self->workers[i]) != 0) {
            //  Fewer committers than asked for still work.
            sw_log (SW_LOG_ERROR, "could not start committer %d", i);
            sw_db_destroy (&self->workers[i].db);
            self->ncommitters = i;
            break;
        }
    return self;
}

void
intake_store_destroy (intake_store_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    intake_store_t *self = *self_p;
    pthread_mutex_lock (&self->lock);
    self->stopping = true;
    pthread_cond_signal (&self->work);
    pthread_mutex_unlock (&self->lock);
    //  The committers store what is queued, then exit.
    pthread_mutex_lock (&self->lock);
    pthread_cond_broadcast (&self->work);
    pthread_mutex_unlock (&self->lock);
    for (int i = 0; i < self->ncommitters; i++)
        pthread_join (self->workers[i].thread, NULL);
    free (self->workers);
    zsock_destroy (&self->out);
    free (self->backlog);
    pthread_mutex_destroy (&self->push_lock);
    pthread_mutex_destroy (&self->lock);
    pthread_cond_destroy (&self->work);
    pthread_cond_destroy (&self->done);
    free (self->db_url);
    free (self->out_endpoint);
    free (self->state);
    free (self->docket_prefix);
    free (self);
    *self_p = NULL;
}

bool
intake_store_ready (intake_store_t *self)
{
    return self && atomic_load (&self->db_up) > 0;
}

static intake_ticket_t *
s_enqueue (intake_store_t *self, intake_ticket_t *t)
{
    pthread_mutex_lock (&self->lock);
    bool refuse = self->stopping || self->queued >= self->config.queue_max
                  || (atomic_load (&self->started) && atomic_load (&self->db_up) == 0);
    if (refuse) {
        //  Answered at once: nothing is stored while the database is down,
        //  and a full queue pushes back instead of growing without bound.
        t->result = INTAKE_UNAVAILABLE;
        t->done = true;
        sw_counter_inc (self->results[INTAKE_UNAVAILABLE]);
    }
    else {
        if (self->tail)
            self->tail->next = t;
        else
            self->head = t;
        self->tail = t;
        self->queued++;
        pthread_cond_signal (&self->work);
    }
    pthread_mutex_unlock (&self->lock);
    return t;
}

intake_ticket_t *
intake_store_submit (intake_store_t *self, intake_msg_t *msg, const uint8_t *token_hash)
{
    intake_ticket_t *t = calloc (1, sizeof *t);
    t->store = self;
    t->op = S_OP_MESSAGE;
    t->msg = msg;
    if (token_hash) {
        memcpy (t->token_hash, token_hash, 32);
        t->has_token = true;
    }
    return s_enqueue (self, t);
}

intake_result_t
intake_ticket_wait (intake_ticket_t **ticket_p, int timeout_ms, char *docket, size_t docket_size)
{
    intake_ticket_t *t = *ticket_p;
    *ticket_p = NULL;
    intake_store_t *self = t->store;
    struct timespec until;
    clock_gettime (CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long) (timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock (&self->lock);
    while (!t->done)
        if (pthread_cond_timedwait (&self->done, &self->lock, &until) != 0 && !t->done) {
            //  Gave up: the committer frees the ticket when it gets to it.
            //  The message may still be stored; a retry finds it as a
            //  duplicate with the same docket.
            t->abandoned = true;
            pthread_mutex_unlock (&self->lock);
            return INTAKE_UNAVAILABLE;
        }
    pthread_mutex_unlock (&self->lock);
    intake_result_t result = t->result;
    if (docket && docket_size)
        snprintf (docket, docket_size, "%s", t->docket);
    s_ticket_free (t);
    return result;
}

intake_result_t
intake_store_put (intake_store_t *self, intake_msg_t *msg, const uint8_t *token_hash,
                  int timeout_ms, char *docket, size_t docket_size)
{
    intake_ticket_t *t = intake_store_submit (self, msg, token_hash);
    return intake_ticket_wait (&t, timeout_ms, docket, docket_size);
}

char *
intake_store_cursor_get (intake_store_t *self, const char *name)
{
    intake_ticket_t *t = calloc (1, sizeof *t);
    t->store = self;
    t->op = S_OP_CURSOR_GET;
    t->name = strdup (name);
    s_enqueue (self, t);
    //  The value is taken before the ticket is freed.
    pthread_mutex_lock (&self->lock);
    struct timespec until;
    clock_gettime (CLOCK_REALTIME, &until);
    until.tv_sec += 10;
    while (!t->done)
        if (pthread_cond_timedwait (&self->done, &self->lock, &until) != 0 && !t->done) {
            t->abandoned = true;
            pthread_mutex_unlock (&self->lock);
            return NULL;
        }
    pthread_mutex_unlock (&self->lock);
    char *value = t->value;
    t->value = NULL;
    s_ticket_free (t);
    return value;
}

int
intake_store_cursor_set (intake_store_t *self, const char *name, const char *value)
{
    intake_ticket_t *t = calloc (1, sizeof *t);
    t->store = self;
    t->op = S_OP_CURSOR_SET;
    t->name = strdup (name);
    t->value = strdup (value);
    s_enqueue (self, t);
    intake_result_t result = intake_ticket_wait (&t, 10000, NULL, 0);
    return result == INTAKE_IGNORED ? 0 : -1;
}

int
intake_store_token_ok (intake_store_t *self, const uint8_t *token_hash, const char *roles)
{
    intake_ticket_t *t = calloc (1, sizeof *t);
    t->store = self;
    t->op = S_OP_TOKEN;
    t->name = strdup (roles);
    memcpy (t->token_hash, token_hash, 32);
    s_enqueue (self, t);
    intake_result_t result = intake_ticket_wait (&t, 10000, NULL, 0);
    return result == INTAKE_IGNORED ? 1 : result == INTAKE_UNAUTHORIZED ? 0 : -1;
}
