/*  route.c: a classified (or unclassified) complaint -> its unit, status,
    assignment, events and outbox rows, in one transaction; then the
    notification jobs of the new outbox rows are pushed to notifier.

    Only a complaint still RECEIVED is routed: a second delivery of the
    same complaint (ingest's re-driver, a restarted classifier) finds it
    ROUTED or REJECTED and changes nothing.  See docs/router.md. */
#include "router.h"
#include "sw_frame.h"
#include "sw_log.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_ACTOR "sunwai-router"

//  The events of a batch are written to this session's temporary table
//  while its complaints are routed, and moved to events with one INSERT
//  just before the commit.  The events table's chaining trigger takes the
//  event chain's lock with the first event and holds it until commit, and
//  every event writer (ingest, notifier, officers) queues on it; inserting
//  the events at the end holds it for that one statement and the commit,
//  instead of for the whole batch.  ON COMMIT DELETE ROWS empties it at
//  every commit, and a rollback takes its rows with the batch.
#define S_STAGED "pg_temp.router_events"

//  The table exists once per database session; a reconnect (a new
//  session) creates it again.  0 or -1.
static int
s_staged_table (router_t *self, sw_db_t *db)
{
    uint64_t session = sw_db_connect_count (db);
    if (self->staged_session == session)
        return 0;
    if (sw_db_exec (db,
                    "CREATE TEMPORARY TABLE IF NOT EXISTS router_events ("
                    " ord bigint GENERATED ALWAYS AS IDENTITY, complaint_id bigint,"
                    " docket text, state text NOT NULL, district text NOT NULL,"
                    " event_type text NOT NULL, actor text NOT NULL, payload jsonb NOT NULL)"
                    " ON COMMIT DELETE ROWS",
                    0, NULL)
        != 0)
        return -1;
    self->staged_session = session;
    return 0;
}

//  Moves the batch's staged events to events, in the order written.
static int
s_staged_flush (sw_db_t *db)
{
    return sw_db_exec (db,
                       "INSERT INTO events (complaint_id, docket, state, district, event_type,"
                       " actor, payload) SELECT complaint_id, docket, state, district,"
                       " event_type, actor, payload FROM " S_STAGED " ORDER BY ord",
                       0, NULL);
}

//  Shared with sla.c, which declares them too (router.h is the interface
//  shared with commands.c and keeps to it).
char *router_json_strings (const char *const *items, size_t count);
int router_outbox_add (router_t *self, const char *complaint_id, const char *kind,
                       const char *channel, const char *recipient, const char *in_reply_to,
                       const char *language, const char *body, const char *key,
                       router_ids_t *ids);
int router_unit_alerts (router_t *self, const char *complaint_id,
                        const sw_state_unit_t *unit, const char *kind, const char *key_prefix,
                        const char *key_suffix, const char *body, router_ids_t *ids);
char *router_status_url (router_t *self, const char *docket);
int router_pick_officer (router_t *self, const char *unit_code, char *officer_id,
                         size_t officer_id_size, char *login, size_t login_size);

//  Statuses of an open case.
#define S_OPEN "('ROUTED', 'ACKNOWLEDGED', 'REOPENED')"

//  --------------------------------------------------------------------------
//  A growing text buffer, for JSON and array literals

typedef struct {
    char *data;
    size_t len;
    size_t max;
} s_buf_t;

static void
s_buf_put (s_buf_t *self, const char *text, size_t len)
{
    if (self->len + len + 1 > self->max) {
        size_t max = self->max ? self->max : 64;
        while (self->len + len + 1 > max)
            max *= 2;
        char *data = realloc (self->data, max);
        if (!data)
            abort ();
        self->data = data;
        self->max = max;
    }
    memcpy (self->data + self->len, text, len);
    self->len += len;
    self->data[self->len] = '\0';
}

static void
s_buf_puts (s_buf_t *self, const char *text)
{
    s_buf_put (self, text, strlen (text));
}

static void
s_buf_json (s_buf_t *self, const char *text)
{
    s_buf_puts (self, "\"");
    for (const unsigned char *p = (const unsigned char *) (text ? text : ""); *p; p++) {
        char esc[8];
        if (*p == '"' || *p == '\\') {
            esc[0] = '\\';
            esc[1] = (char) *p;
            s_buf_put (self, esc, 2);
        }
        else if (*p < 0x20) {
            snprintf (esc, sizeof esc, "\\u%04x", *p);
            s_buf_puts (self, esc);
        }
        else
            s_buf_put (self, (const char *) p, 1);
    }
    s_buf_puts (self, "\"");
}

//  A JSON array of strings. Caller frees.
char *
router_json_strings (const char *const *items, size_t count)
{
    s_buf_t buf = { 0 };
    s_buf_puts (&buf, "[");
    for (size_t i = 0; i < count; i++) {
        if (i)
            s_buf_puts (&buf, ",");
        s_buf_json (&buf, items[i]);
    }
    s_buf_puts (&buf, "]");
    return buf.data;
}

//  sw_db_result_fn: a new outbox row's id (RETURNING id), if the insert
//  made one.
static void
s_ids_add (PGresult *result, void *arg)
{
    router_ids_t *ids = (router_ids_t *) arg;
    if (PQntuples (result) != 1)
        return;
    int64_t *grown = realloc (ids->ids, (ids->count + 1) * sizeof *grown);
    if (!grown)
        abort ();
    ids->ids = grown;
    grown[ids->count++] = strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

//  Non-empty text or NULL.
static const char *
s_text (const char *text)
{
    return text && *text ? text : NULL;
}

static const char *
s_value (PGresult *result, int row, int column)
{
    return PQgetisnull (result, row, column) ? NULL : PQgetvalue (result, row, column);
}

static const char *
s_priority (Sunwai__V1__Priority priority)
{
    switch (priority) {
        case SUNWAI__V1__PRIORITY__PRIORITY_P1: return "P1";
        case SUNWAI__V1__PRIORITY__PRIORITY_P2: return "P2";
        case SUNWAI__V1__PRIORITY__PRIORITY_P3: return "P3";
        default: return NULL;
    }
}

//  Replies in Hindi for Hindi, Hinglish and mixed text, English for
//  English; NULL: the state's first language.
static const char *
s_reply_language (const char *language)
{
    if (!language)
        return NULL;
    if (strcmp (language, "hi") == 0 || strcmp (language, "hi-Latn") == 0
        || strcmp (language, "mixed") == 0)
        return "hi";
    if (strcmp (language, "en") == 0)
        return "en";
    return NULL;
}

//  Categories whose citizens are never answered in public.
static bool
s_private_category (const char *category)
{
    return category
           && (strcmp (category, "crime_against_women") == 0
               || strcmp (category, "domestic_violence") == 0);
}

char *
router_status_url (router_t *self, const char *docket)
{
    const char *base = self->status_url ? self->status_url : "";
    size_t len = strlen (base) + strlen (docket) + 1;
    char *url = malloc (len);
    if (!url)
        abort ();
    snprintf (url, len, "%s%s", base, docket);
    return url;
}

//  --------------------------------------------------------------------------
//  Units

int
router_sync_units (router_t *self)
{
    sw_db_t *db = sw_server_db (self->server);
    if (!self->state || !db || sw_db_begin (db) != 0)
        return -1;
    for (size_t i = 0; i < sw_state_units (self->state); i++) {
        const sw_state_unit_t *unit = sw_state_unit (self->state, i);
        const char *params[] = { unit->code, sw_state_code (self->state), unit->name,
                                 unit->kind, unit->handle, unit->district,
                                 unit->webhook, unit->email, unit->sms };
        if (sw_db_exec (db,
                        "INSERT INTO units (code, state, name, kind, handle, district_code,"
                        " contacts) VALUES ($1, $2, $3, $4, $5, $6,"
                        " jsonb_strip_nulls(jsonb_build_object('webhook', $7::text,"
                        " 'email', $8::text, 'sms', $9::text)))"
                        " ON CONFLICT (code) DO UPDATE SET state = EXCLUDED.state,"
                        " name = EXCLUDED.name, kind = EXCLUDED.kind, handle = EXCLUDED.handle,"
                        " district_code = EXCLUDED.district_code,"
                        " contacts = EXCLUDED.contacts, updated_at = now()",
                        9, params) != 0)
            goto fail;
        if (sw_db_exec (db, "DELETE FROM unit_escalation WHERE unit_code = $1", 1, params)
            != 0)
            goto fail;
        char *ladder = router_json_strings (unit->ladder, unit->nladder);
        const char *ladder_params[] = { unit->code, ladder };
        int rc = sw_db_exec (db,
                             "INSERT INTO unit_escalation (unit_code, level, rank)"
                             " SELECT $1, (t.ord - 1)::integer, t.rank"
                             " FROM jsonb_array_elements_text($2::jsonb)"
                             " WITH ORDINALITY AS t (rank, ord)",
                             2, ladder_params);
        free (ladder);
        if (rc != 0)
            goto fail;
    }
    if (sw_db_commit (db) != 0)
        goto fail;
    return 0;
fail:
    sw_db_rollback (db);
    sw_log (SW_LOG_WARN, "could not sync units; complaints wait until they are");
    return -1;
}

//  --------------------------------------------------------------------------
//  Outbox

//  One outbox row; a new row's id is added to ids (an existing key adds
//  nothing), in a pipeline when its result is read. 0 or -1.
int
router_outbox_add (router_t *self, const char *complaint_id, const char *kind,
                   const char *channel, const char *recipient, const char *in_reply_to,
                   const char *language, const char *body, const char *key, router_ids_t *ids)
{
    const char *params[] = { complaint_id, kind, channel, recipient, in_reply_to,
                             language, body, key };
    return sw_db_exec_then (
        sw_server_db (self->server),
        "INSERT INTO outbox (complaint_id, kind, channel, recipient, in_reply_to, language,"
        " body, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
        8, params, s_ids_add, ids);
}

//  body to every contact the unit has: its X handle (a mention), webhook,
//  e-mail, SMS.  Keys are key_prefix + channel + key_suffix.
int
router_unit_alerts (router_t *self, const char *complaint_id, const sw_state_unit_t *unit,
                    const char *kind, const char *key_prefix, const char *key_suffix,
                    const char *body, router_ids_t *ids)
{
    struct {
        const char *channel;
        const char *recipient;
    } contacts[] = {
        { "x_mention", unit->handle },
        { "webhook", unit->webhook },
        { "email", unit->email },
        { "sms", unit->sms },
    };
    for (size_t i = 0; i < sizeof contacts / sizeof contacts[0]; i++) {
        if (!s_text (contacts[i].recipient))
            continue;
        char key[256];
        snprintf (key, sizeof key, "%s%s%s", key_prefix, contacts[i].channel, key_suffix);
        if (router_outbox_add (self, complaint_id, kind, contacts[i].channel,
                               contacts[i].recipient, NULL, NULL, body, key, ids)
            != 0)
            return -1;
    }
    return 0;
}

//  The citizen's reply: on X a reply in the thread, or a DM for the
//  categories never answered in public and for complaints that came by DM;
//  any other source gets an "api_status" row (its bridge fetches the
//  status; nothing is sent from here).
static int
s_citizen_reply (router_t *self, const char *complaint_id, PGresult *rows, int r,
                 const char *category, const char *language, const char *kind,
                 const char *body, const char *key, router_ids_t *ids)
{
    const char *source = s_value (rows, r, 3);
    const char *source_id = s_text (s_value (rows, r, 4));
    const char *author_id = s_text (s_value (rows, r, 5));
    const char *author_handle = s_text (s_value (rows, r, 6));
    const char *channel = "api_status";
    const char *recipient = source ? source : "unknown";
    const char *in_reply_to = NULL;
    if (source && strcmp (source, "x") == 0) {
        if (s_private_category (category)) {
            if (author_id) {
                channel = "x_dm";
                recipient = author_id;
            }
        }
        else if (author_handle || author_id) {
            channel = "x_reply";
            recipient = author_handle ? author_handle : author_id;
            in_reply_to = source_id;
        }
    }
    else if (source && strcmp (source, "x_dm") == 0 && author_id) {
        channel = "x_dm";
        recipient = author_id;
    }
    return router_outbox_add (self, complaint_id, kind, channel, recipient, in_reply_to,
                              language, body, key, ids);
}

void
router_push_outbox (router_t *self, const int64_t *ids, size_t count)
{
    sw_db_t *db = sw_server_db (self->server);
    if (count == 0 || !db || !sw_db_connected (db))
        return;
    s_buf_t list = { 0 };
    s_buf_puts (&list, "{");
    for (size_t i = 0; i < count; i++) {
        char id[32];
        snprintf (id, sizeof id, "%s%" PRId64, i ? "," : "", ids[i]);
        s_buf_puts (&list, id);
    }
    s_buf_puts (&list, "}");
    //  pushed_at is set before the frames go out, in its own statement: an
    //  UPDATE after them would hold the rows' locks while the notifier
    //  claims them (FOR UPDATE SKIP LOCKED), and it would skip them until
    //  its next scan.  A frame that cannot be sent is no loss: the rows
    //  stay pending for the notifier's scan and this timer's re-push.
    const char *params[] = { list.data };
    PGresult *rows = sw_db_query (
        db,
        "WITH u AS (UPDATE outbox SET pushed_at = now()"
        "  WHERE id = ANY($1::bigint[]) AND state = 'pending'"
        "  RETURNING id, complaint_id, kind, channel, recipient, body, idempotency_key,"
        "   in_reply_to, language, attempts)"
        " SELECT u.id, coalesce(u.complaint_id, 0), coalesce(c.docket, ''), u.kind,"
        " u.channel, u.recipient, u.body, u.idempotency_key, coalesce(u.in_reply_to, ''),"
        " coalesce(u.language, ''), u.attempts"
        " FROM u LEFT JOIN complaints c ON c.id = u.complaint_id ORDER BY u.id",
        1, params);
    free (list.data);
    if (!rows)
        return;
    for (int i = 0; i < PQntuples (rows); i++) {
        Sunwai__V1__NotificationJob job = SUNWAI__V1__NOTIFICATION_JOB__INIT;
        job.outbox_id = strtoll (PQgetvalue (rows, i, 0), NULL, 10);
        job.complaint_id = strtoll (PQgetvalue (rows, i, 1), NULL, 10);
        job.docket = PQgetvalue (rows, i, 2);
        job.kind = PQgetvalue (rows, i, 3);
        job.channel = PQgetvalue (rows, i, 4);
        job.recipient = PQgetvalue (rows, i, 5);
        job.text = PQgetvalue (rows, i, 6);
        job.idempotency_key = PQgetvalue (rows, i, 7);
        job.in_reply_to = PQgetvalue (rows, i, 8);
        job.language = PQgetvalue (rows, i, 9);
        job.attempt = (int32_t) strtol (PQgetvalue (rows, i, 10), NULL, 10);
        if (sw_frame_send (self->notify, &job.base) != 0) {
            //  Notifier is away or behind: the rows not sent say so
            //  (pushed_at back to NULL) and wait for the re-push or its scan.
            s_buf_t unsent = { 0 };
            s_buf_puts (&unsent, "{");
            for (int j = i; j < PQntuples (rows); j++) {
                if (j > i)
                    s_buf_puts (&unsent, ",");
                s_buf_puts (&unsent, PQgetvalue (rows, j, 0));
            }
            s_buf_puts (&unsent, "}");
            const char *reset[] = { unsent.data };
            sw_db_exec (db, "UPDATE outbox SET pushed_at = NULL WHERE id = ANY($1::bigint[])",
                        1, reset);
            free (unsent.data);
            break;
        }
        sw_counter_inc (self->pushed);
    }
    PQclear (rows);
}


//  --------------------------------------------------------------------------
//  Incident grouping: word sets and their Jaccard similarity

typedef struct {
    char **words;               //  sorted, unique
    size_t count;
} s_words_t;

static int
s_word_cmp (const void *a, const void *b)
{
    return strcmp (*(char *const *) a, *(char *const *) b);
}

//  A word is a run of ASCII letters or digits or bytes >= 0x80 (so a
//  Devanagari word is one word); ASCII is lowercased.
static bool
s_word_byte (unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
           || (c >= 'A' && c <= 'Z');
}

static void
s_words_split (s_words_t *self, const char *text)
{
    self->words = NULL;
    self->count = 0;
    size_t max = 0;
    const unsigned char *p = (const unsigned char *) (text ? text : "");
    while (*p) {
        if (!s_word_byte (*p)) {
            p++;
            continue;
        }
        const unsigned char *start = p;
        while (*p && s_word_byte (*p))
            p++;
        size_t len = (size_t) (p - start);
        char *word = malloc (len + 1);
        if (!word)
            abort ();
        for (size_t i = 0; i < len; i++)
            word[i] = (char) (start[i] >= 'A' && start[i] <= 'Z' ? start[i] + 32 : start[i]);
        word[len] = '\0';
        if (self->count == max) {
            max = max ? max * 2 : 16;
            char **grown = realloc (self->words, max * sizeof *grown);
            if (!grown)
                abort ();
            self->words = grown;
        }
        self->words[self->count++] = word;
    }
    if (self->count == 0)
        return;
    qsort (self->words, self->count, sizeof *self->words, s_word_cmp);
    size_t unique = 1;
    for (size_t i = 1; i < self->count; i++) {
        if (strcmp (self->words[i], self->words[unique - 1]) == 0)
            free (self->words[i]);
        else
            self->words[unique++] = self->words[i];
    }
    self->count = unique;
}

static void
s_words_free (s_words_t *self)
{
    for (size_t i = 0; i < self->count; i++)
        free (self->words[i]);
    free (self->words);
    self->words = NULL;
    self->count = 0;
}

//  |A and B| / |A or B|; 0 when both are empty.
static double
s_jaccard (const s_words_t *a, const s_words_t *b)
{
    size_t i = 0, j = 0, common = 0;
    while (i < a->count && j < b->count) {
        int cmp = strcmp (a->words[i], b->words[j]);
        if (cmp == 0) {
            common++;
            i++;
            j++;
        }
        else if (cmp < 0)
            i++;
        else
            j++;
    }
    size_t all = a->count + b->count - common;
    return all ? (double) common / (double) all : 0.0;
}

//  Categories never grouped: nothing for a unit to work as one case.
static bool
s_groupable_category (const char *category)
{
    static const char *never[] = { "information", "appreciation", "spam", "not_police",
                                   "emergency" };
    if (!category)
        return false;
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
        if (strcmp (category, never[i]) == 0)
            return false;
    return true;
}

//  The open case of the same incident: same category and district, no
//  parent, not P1 (emergencies stand alone, as child or parent), received within the window before the complaint, most similar
//  text among the 50 most recent (ties: the most recent). 1 found (id,
//  docket, unit and similarity set), 0 none, -1 the database failed.
static int
s_find_incident (router_t *self, const char *id, const char *text, const char *received_at,
                 const char *category, const char *district, char *parent_id,
                 size_t parent_id_size, char *parent_docket, size_t parent_docket_size,
                 char *parent_unit, size_t parent_unit_size, double *similarity)
{
    sw_db_t *db = sw_server_db (self->server);
    char window[32];
    snprintf (window, sizeof window, "%ld", self->incident_window_s);
    const char *params[] = { id, category, district, received_at, window };
    PGresult *rows = sw_db_query (
        db,
        "SELECT id, docket, text, unit_code FROM complaints"
        " WHERE status IN " S_OPEN " AND parent_id IS NULL AND id <> $1"
        " AND category = $2 AND district_code = $3 AND unit_code IS NOT NULL"
        " AND priority IS DISTINCT FROM 'P1'"
        " AND received_at >= $4::timestamptz - make_interval(secs => $5::double precision)"
        " ORDER BY received_at DESC, id DESC LIMIT 50",
        5, params);
    if (!rows)
        return -1;
    s_words_t mine;
    s_words_split (&mine, text);
    int best = -1;
    double best_similarity = 0.0;
    double threshold = (double) self->incident_similarity_pct / 100.0;
    for (int i = 0; i < PQntuples (rows); i++) {
        s_words_t theirs;
        s_words_split (&theirs, PQgetvalue (rows, i, 2));
        double value = s_jaccard (&mine, &theirs);
        s_words_free (&theirs);
        if (value + 1e-9 >= threshold && value > best_similarity) {
            best = i;
            best_similarity = value;
        }
    }
    s_words_free (&mine);
    if (best >= 0) {
        snprintf (parent_id, parent_id_size, "%s", PQgetvalue (rows, best, 0));
        snprintf (parent_docket, parent_docket_size, "%s", PQgetvalue (rows, best, 1));
        snprintf (parent_unit, parent_unit_size, "%s", PQgetvalue (rows, best, 3));
        *similarity = best_similarity;
    }
    PQclear (rows);
    if (best < 0)
        return 0;
    //  Still open and still a parent, and kept so until this commits.
    const char *lock[] = { parent_id };
    PGresult *parent = sw_db_query (db,
                                    "SELECT 1 FROM complaints WHERE id = $1 AND status IN " S_OPEN
                                    " AND parent_id IS NULL FOR SHARE",
                                    1, lock);
    if (!parent)
        return -1;
    int found = PQntuples (parent) == 1;
    PQclear (parent);
    return found;
}

//  --------------------------------------------------------------------------
//  Officers

//  The least loaded active officer of the unit with a free place (open
//  cases assigned below capacity; ties: the lowest id), locked until the
//  transaction ends. 1 found (officer_id and login set), 0 none, -1 the
//  database failed.
int
router_pick_officer (router_t *self, const char *unit_code, char *officer_id,
                     size_t officer_id_size, char *login, size_t login_size)
{
    const char *params[] = { unit_code };
    PGresult *rows = sw_db_query (
        sw_server_db (self->server),
        "SELECT o.id, o.login FROM officers o CROSS JOIN LATERAL"
        " (SELECT count(*) AS n FROM assignments a JOIN complaints c ON c.id = a.complaint_id"
        "   WHERE a.active AND a.officer_id = o.id AND c.status IN " S_OPEN ") l"
        " WHERE o.unit_code = $1 AND o.active AND o.role = 'officer' AND l.n < o.capacity"
        " ORDER BY l.n, o.id LIMIT 1 FOR UPDATE OF o",
        1, params);
    if (!rows)
        return -1;
    int found = PQntuples (rows) == 1;
    if (found) {
        snprintf (officer_id, officer_id_size, "%s", PQgetvalue (rows, 0, 0));
        snprintf (login, login_size, "%s", PQgetvalue (rows, 0, 1));
    }
    PQclear (rows);
    return found;
}

//  --------------------------------------------------------------------------
//  Routing

//  The model's classification and its event (no text, no personal data).
static int
s_classification (router_t *self, const char *id, const char *docket, const char *state,
                  const char *district, Sunwai__V1__Classification *cls,
                  const char *priority)
{
    sw_db_t *db = sw_server_db (self->server);
    s_buf_t alternatives = { 0 };
    s_buf_puts (&alternatives, "[");
    for (size_t i = 0; i < cls->n_alternatives; i++) {
        char confidence[32];
        snprintf (confidence, sizeof confidence, ",\"confidence\":%.4f}",
                  (double) cls->alternatives[i]->confidence);
        s_buf_puts (&alternatives, i ? ",{\"category\":" : "{\"category\":");
        s_buf_json (&alternatives, cls->alternatives[i]->category);
        s_buf_puts (&alternatives, confidence);
    }
    s_buf_puts (&alternatives, "]");
    s_buf_t pii = { 0 };
    s_buf_puts (&pii, "[");
    for (size_t i = 0; i < cls->n_pii; i++) {
        char span[64];
        snprintf (span, sizeof span, ",\"start\":%u,\"end\":%u}", cls->pii[i]->start,
                  cls->pii[i]->end);
        s_buf_puts (&pii, i ? ",{\"kind\":" : "{\"kind\":");
        s_buf_json (&pii, cls->pii[i]->kind);
        s_buf_puts (&pii, span);
    }
    s_buf_puts (&pii, "]");
    char confidence[32], location_confidence[32];
    snprintf (confidence, sizeof confidence, "%.4f", (double) cls->confidence);
    snprintf (location_confidence, sizeof location_confidence, "%.4f",
              (double) cls->location_confidence);
    const char *review = cls->needs_review ? "true" : "false";
    const char *params[] = { id,
                             cls->category,
                             confidence,
                             alternatives.data,
                             priority,
                             s_text (cls->language),
                             s_text (cls->district_code),
                             s_text (cls->district_name),
                             s_text (cls->police_station),
                             s_text (cls->location_source),
                             location_confidence,
                             pii.data,
                             review,
                             s_text (cls->model_version) };
    int rc = sw_db_exec (db,
                         "INSERT INTO classifications (complaint_id, origin, category,"
                         " confidence, alternatives, priority, language, district_code,"
                         " district_name, police_station, location_source,"
                         " location_confidence, pii, needs_review, model_version)"
                         " VALUES ($1, 'model', $2, $3::real, $4::jsonb, $5, $6, $7, $8, $9,"
                         " $10, $11::real, $12::jsonb, $13::boolean, $14)"
                         " ON CONFLICT DO NOTHING",
                         14, params);
    free (alternatives.data);
    free (pii.data);
    if (rc != 0)
        return -1;
    const char *event[] = { id, docket, state, district, cls->category, priority, confidence,
                            s_text (cls->language), s_text (cls->district_code),
                            s_text (cls->model_version), review };
    return sw_db_exec (db,
                       "INSERT INTO " S_STAGED " (complaint_id, docket, state, district, event_type,"
                       " actor, payload) VALUES ($1, $2, $3, $4, 'classified', '" S_ACTOR "',"
                       " jsonb_build_object('category', $5::text, 'priority', $6::text,"
                       " 'confidence', round($7::numeric, 4), 'language', $8::text,"
                       " 'district', $9::text, 'model_version', $10::text,"
                       " 'needs_review', $11::boolean))",
                       11, event);
}

//  What one routed or rejected complaint of a batch did, reported (logged,
//  counted) only once the batch has committed.
typedef struct {
    int result;             //  1 routed or rejected, 0 skipped, -1 failed
    bool routed;            //  to a unit (else rejected)
    char id[32];
    char docket[64];
    const char *unit;       //  the unit's code (from the state), or NULL
    const char *rule;       //  the rule that matched, or NULL
    const char *reason;     //  the reject reason, or NULL
    char grouped[64];       //  the parent's docket, for a child of an incident
    char officer[128];      //  the officer's login, when one was assigned
} s_done_t;

//  The batch's complaints, locked in id order with one statement.  Columns
//  0 docket, 1 state, 2 status, 3 source, 4 source_id, 5 author_id,
//  6 author_handle, 7 text, 8 received_at, 9 id.  NULL: failed.
static PGresult *
s_lock_batch (sw_db_t *db, Sunwai__V1__Complaint **complaints, size_t count)
{
    s_buf_t list = { 0 };
    s_buf_puts (&list, "{");
    for (size_t i = 0; i < count; i++) {
        char id[32];
        snprintf (id, sizeof id, "%s%" PRId64, i ? "," : "", complaints[i]->id);
        s_buf_puts (&list, id);
    }
    s_buf_puts (&list, "}");
    const char *params[] = { list.data };
    PGresult *rows = sw_db_query (db,
                                  "SELECT docket, state, status, source, source_id, author_id,"
                                  " author_handle, text, received_at, id FROM complaints"
                                  " WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE",
                                  1, params);
    free (list.data);
    return rows;
}

//  The row of complaint id in the locked batch, or -1.
static int
s_batch_row (PGresult *rows, int64_t id)
{
    for (int r = 0; r < PQntuples (rows); r++)
        if (strtoll (PQgetvalue (rows, r, 9), NULL, 10) == id)
            return r;
    return -1;
}

//  The units that list an active officer: only those need the officer
//  search (router_pick_officer), a read that would cost a round trip for
//  every complaint.  NULL: failed.
static PGresult *
s_staffed_units (sw_db_t *db)
{
    return sw_db_query (db,
                        "SELECT DISTINCT unit_code FROM officers"
                        " WHERE active AND role = 'officer'",
                        0, NULL);
}

static bool
s_staffed (PGresult *staffed, const char *unit_code)
{
    for (int r = 0; r < PQntuples (staffed); r++)
        if (strcmp (PQgetvalue (staffed, r, 0), unit_code) == 0)
            return true;
    return false;
}

//  Routes one complaint inside the batch's open transaction (its row,
//  locked, is row r of rows, or r is -1; used says which rows an earlier
//  delivery in the batch took); its outbox rows' ids are added to ids.
//  Sets done->result: 1 routed or rejected, 0 not found or already routed
//  (nothing written), -1 failed (the caller rolls the transaction back).
static void
s_route_one (router_t *self, Sunwai__V1__Complaint *complaint, PGresult *rows, int r,
             bool *used, PGresult *staffed, s_done_t *done, router_ids_t *ids)
{
    sw_db_t *db = sw_server_db (self->server);
    char *id = done->id;
    snprintf (done->id, sizeof done->id, "%" PRId64, complaint->id);
    done->result = -1;
    if (r < 0) {
        sw_log_kv (SW_LOG_WARN, "complaint not found; ignored", "complaint", id, NULL);
        done->result = 0;
        return;
    }
    //  A second delivery in the same batch finds what the first one did
    if (used[r] || strcmp (PQgetvalue (rows, r, 2), "RECEIVED") != 0) {
        sw_log_kv (SW_LOG_DEBUG, "complaint already routed; delivery ignored", "complaint",
                   id, "docket", PQgetvalue (rows, r, 0), "status",
                   used[r] ? "routed in this batch" : PQgetvalue (rows, r, 2), NULL);
        sw_counter_inc (self->duplicates);
        done->result = 0;
        return;
    }
    used[r] = true;
    const char *docket = PQgetvalue (rows, r, 0);
    const char *state = PQgetvalue (rows, r, 1);

    Sunwai__V1__Classification *cls = complaint->classification;
    if (cls && !s_text (cls->category))
        cls = NULL;
    const char *category = cls ? cls->category : NULL;
    const char *priority = cls ? s_priority (cls->priority) : NULL;
    const char *district = cls ? s_text (cls->district_code) : NULL;
    const char *language = cls ? s_text (cls->language) : NULL;
    const char *needs_review = cls && cls->needs_review ? "true" : "false";
    bool outside = cls && s_text (cls->outside_place);
    const char *event_district = district ? district : "unknown";
    const char *reply_language = s_reply_language (language);
    char *status_url = router_status_url (self, docket);
    char *body = NULL;
    const char *routed_unit = NULL;     //  the unit (a child's is its parent's)
    char grouped[64] = "";              //  the parent's docket, for a child
    char officer[128] = "";             //  the officer's login, when one was free

    if (cls && s_classification (self, id, docket, state, event_district, cls, priority) != 0)
        goto fail_free;

    sw_state_route_t route;
    sw_state_route (self->state, category, priority, district, outside, &route);

    if (!route.unit) {
        const char *reason = route.reject_reason ? route.reject_reason : "not_police_matter";
        const char *update[] = { id, reason, category, priority, language, district,
                                 needs_review };
        if (sw_db_exec (db,
                        "UPDATE complaints SET status = 'REJECTED', reject_reason = $2,"
                        " category = $3, priority = $4, language = $5, district_code = $6,"
                        " needs_review = $7::boolean, version = version + 1,"
                        " updated_at = now() WHERE id = $1",
                        7, update) != 0)
            goto fail_free;
        const char *event[] = { id, docket, state, event_district, reason, category };
        if (sw_db_exec (db,
                        "INSERT INTO " S_STAGED " (complaint_id, docket, state, district, event_type,"
                        " actor, payload) VALUES ($1, $2, $3, $4, 'rejected', '" S_ACTOR "',"
                        " jsonb_build_object('reason', $5::text, 'category', $6::text))",
                        6, event) != 0)
            goto fail_free;
        //  Spam gets no public reply: answering it only feeds it.
        const char *template = strcmp (reason, "outside_jurisdiction") == 0 ? "reject_outside"
                               : strcmp (reason, "spam") == 0               ? NULL
                                                                            : "reject_not_police";
        if (template) {
            const char *right_police = cls && s_text (cls->outside_police)
                                         ? cls->outside_police
                                         : "the local police";
            body = sw_state_render (self->state, reply_language, template, "docket", docket,
                                    "right_police", right_police, "status_url", status_url,
                                    NULL);
            char key[64];
            snprintf (key, sizeof key, "reject:%s", id);
            if (body
                && s_citizen_reply (self, id, rows, r, category, reply_language, "reject", body,
                                    key, ids)
                       != 0)
                goto fail_free;
        }
    }
    else {
        const sw_state_unit_t *unit = route.unit;

        //  Another report of an open incident: linked to it as a child, in
        //  the parent's unit, with no assignment or unit alert of its own.
        char parent_id[32] = "", parent_docket[64] = "", parent_unit[64] = "";
        double similarity = 0.0;
        bool child = false;
        if (self->incident_window_s > 0 && !route.manual_triage && district
            && s_groupable_category (category) && !(priority && strcmp (priority, "P1") == 0)) {
            int found = s_find_incident (self, id, s_value (rows, r, 7), s_value (rows, r, 8),
                                         category, district, parent_id, sizeof parent_id,
                                         parent_docket, sizeof parent_docket, parent_unit,
                                         sizeof parent_unit, &similarity);
            if (found < 0)
                goto fail_free;
            if (found) {
                const sw_state_unit_t *parent = sw_state_unit_by_code (self->state, parent_unit);
                if (parent) {
                    unit = parent;
                    child = true;
                }
            }
        }
        //  An officer of the unit with a free place, if it lists officers.
        char officer_id[32] = "", login[128] = "";
        if (!child && s_staffed (staffed, unit->code)) {
            int picked = router_pick_officer (self, unit->code, officer_id, sizeof officer_id,
                                              login, sizeof login);
            if (picked < 0)
                goto fail_free;
        }

        sw_state_sla_t sla = sw_state_sla (self->state, priority ? priority : "P2");
        char ack_s[32], resolve_s[32];
        snprintf (ack_s, sizeof ack_s, "%" PRId64, sla.acknowledge_s);
        snprintf (resolve_s, sizeof resolve_s, "%" PRId64, sla.resolve_s);
        const char *triage = route.manual_triage ? "true" : "false";
        const char *update[] = { id, category, priority, language, district, unit->code,
                                 needs_review, triage, ack_s, resolve_s,
                                 child ? parent_id : NULL };
        if (sw_db_exec (db,
                        "UPDATE complaints SET status = 'ROUTED', category = $2, priority = $3,"
                        " language = $4, district_code = $5, unit_code = $6,"
                        " needs_review = $7::boolean, manual_triage = $8::boolean,"
                        " escalation_level = 0,"
                        " ack_deadline = now() + make_interval(secs => $9::double precision),"
                        " resolve_deadline = now()"
                        " + make_interval(secs => $10::double precision),"
                        " parent_id = $11::bigint,"
                        " link_kind = CASE WHEN $11::bigint IS NULL THEN NULL"
                        "   ELSE 'incident' END,"
                        " version = version + 1, updated_at = now() WHERE id = $1",
                        11, update) != 0)
            goto fail_free;
        if (child) {
            char percent[32];
            snprintf (percent, sizeof percent, "%.0f", similarity * 100.0);
            const char *event[] = { id, docket, state, event_district, parent_docket, percent,
                                    unit->code, priority, category };
            if (sw_db_exec (db,
                            "INSERT INTO " S_STAGED " (complaint_id, docket, state, district,"
                            " event_type, actor, payload) VALUES ($1, $2, $3, $4, 'grouped', '"
                            S_ACTOR "', jsonb_build_object('parent', $5::text,"
                            " 'similarity', $6::integer, 'unit', $7::text,"
                            " 'priority', $8::text, 'category', $9::text))",
                            9, event) != 0)
                goto fail_free;
        }
        else {
            const char *assign[] = { id, unit->code, route.rule ? route.rule : "default",
                                     *officer_id ? officer_id : NULL };
            if (sw_db_exec (db,
                            "INSERT INTO assignments (complaint_id, unit_code, rule, actor,"
                            " officer_id) VALUES ($1, $2, $3, '" S_ACTOR "', $4::bigint)",
                            4, assign) != 0)
                goto fail_free;
            const char *event[] = { id, docket, state, event_district, unit->code, assign[2],
                                    priority, category, triage, *login ? login : NULL };
            if (sw_db_exec (db,
                            "INSERT INTO " S_STAGED " (complaint_id, docket, state, district,"
                            " event_type, actor, payload) VALUES ($1, $2, $3, $4, 'routed', '"
                            S_ACTOR "', jsonb_build_object('unit', $5::text, 'rule', $6::text,"
                            " 'priority', $7::text, 'category', $8::text,"
                            " 'manual_triage', $9::boolean, 'officer', $10::text))",
                            10, event) != 0)
                goto fail_free;
        }

        //  (a) the citizen's acknowledgement: every reporter is answered
        char handle[128];
        if (s_text (unit->handle))
            snprintf (handle, sizeof handle, "@%s", unit->handle);
        else
            snprintf (handle, sizeof handle, "%s", unit->name);
        body = sw_state_render (self->state, reply_language, "ack", "docket", docket,
                                "unit_handle", handle, "unit_name", unit->name, "status_url",
                                status_url, NULL);
        char key[96];
        snprintf (key, sizeof key, "ack:%s", id);
        if (body
            && s_citizen_reply (self, id, rows, r, category, reply_language, "ack", body, key,
                                ids)
                   != 0)
            goto fail_free;
        free (body);
        body = NULL;

        //  (b) the unit's alert, to each contact it has; once per incident
        if (!child) {
            const char *district_name = cls ? s_text (cls->district_name) : NULL;
            if (!district_name && district)
                district_name = sw_state_district_name (self->state, district);
            body = sw_state_render (self->state, NULL, "unit_alert", "docket", docket,
                                    "category", category ? category : "unclassified",
                                    "district", district_name ? district_name : "unknown",
                                    "unit_name", unit->name, "status_url", status_url, NULL);
            char prefix[64];
            snprintf (prefix, sizeof prefix, "alert:%s:", id);
            if (body
                && router_unit_alerts (self, id, unit, "unit_alert", prefix, ":0", body, ids)
                       != 0)
                goto fail_free;
        }
        routed_unit = unit->code;
        if (child)
            snprintf (grouped, sizeof grouped, "%s", parent_docket);
        else if (*login)
            snprintf (officer, sizeof officer, "%s", login);
    }
    done->result = 1;
    done->routed = route.unit != NULL;
    snprintf (done->docket, sizeof done->docket, "%s", docket);
    done->unit = routed_unit;
    done->rule = route.rule;
    done->reason = route.reject_reason;
    snprintf (done->grouped, sizeof done->grouped, "%s", grouped);
    snprintf (done->officer, sizeof done->officer, "%s", officer);
fail_free:
    free (body);
    free (status_url);
}

//  The batch is one transaction sent in pipeline mode (sw_db.h): its
//  writes go without waiting for each other, and the only round trips are
//  the reads: the batch's rows, the staffed units, each complaint's
//  incident search and, for a staffed unit, its officer search, and the
//  commit.
int
router_route_batch (router_t *self, Sunwai__V1__Complaint **complaints, size_t count)
{
    sw_db_t *db = sw_server_db (self->server);
    if (!self->state || !db || count == 0)
        return -1;
    s_done_t *done = calloc (count, sizeof *done);
    bool *used = calloc (count, sizeof *used);
    router_ids_t ids = { 0 };
    PGresult *rows = NULL, *staffed = NULL;
    for (size_t i = 0; done && i < count; i++)
        snprintf (done[i].id, sizeof done[i].id, "%" PRId64, complaints[i]->id);
    bool ok = done && used && s_staged_table (self, db) == 0
              && sw_db_pipeline_begin (db) == 0 && sw_db_begin (db) == 0
              && (rows = s_lock_batch (db, complaints, count)) != NULL
              && (staffed = s_staffed_units (db)) != NULL;
    for (size_t i = 0; ok && i < count; i++) {
        s_route_one (self, complaints[i], rows, s_batch_row (rows, complaints[i]->id), used,
                     staffed, &done[i], &ids);
        ok = done[i].result >= 0;
    }
    ok = ok && s_staged_flush (db) == 0 && sw_db_commit (db) == 0;
    if (sw_db_in_pipeline (db) && sw_db_pipeline_end (db) != 0)
        ok = false;
    PQclear (rows);
    PQclear (staffed);
    free (used);
    if (ok) {
        char batch[32];
        snprintf (batch, sizeof batch, "%zu", count);
        sw_log_kv (SW_LOG_DEBUG, "batch committed", "complaints", batch, NULL);
        for (size_t i = 0; i < count; i++) {
            const s_done_t *d = &done[i];
            if (d->result != 1)
                continue;
            sw_counter_inc (d->routed ? self->routed : self->rejected);
            sw_log_kv (SW_LOG_INFO,
                       !d->routed    ? "complaint rejected"
                       : *d->grouped ? "complaint grouped"
                                     : "complaint routed",
                       "complaint", d->id, "docket", d->docket, "unit", d->unit, "rule",
                       d->rule, "reason", d->reason, "parent", *d->grouped ? d->grouped : NULL,
                       "officer", *d->officer ? d->officer : NULL, NULL);
        }
        router_push_outbox (self, ids.ids, ids.count);
        free (ids.ids);
        free (done);
        return 0;
    }
    if (done)
        sw_db_rollback (db);
    free (ids.ids);
    int rc = 0;
    if (count == 1 || !done) {
        sw_log_kv (SW_LOG_WARN, "could not route complaint; left RECEIVED", "complaint",
                   done ? done[0].id : "?", NULL);
        rc = -1;
    }
    else
        //  One complaint (or the commit) failed: each on its own now, so
        //  that one bad complaint cannot hold the others back.
        for (size_t i = 0; i < count; i++)
            if (router_route_batch (self, &complaints[i], 1) != 0)
                rc = -1;
    free (done);
    return rc;
}

int
router_route_complaint (router_t *self, Sunwai__V1__Complaint *complaint)
{
    return router_route_batch (self, &complaint, 1);
}
