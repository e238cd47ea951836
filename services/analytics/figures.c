/*  figures: the read models behind /api/v1/stats.

    One small record per complaint (status, district, unit, category,
    priority, channel, language, reject reason, received day, the times
    that matter for SLAs) plus what only the event log knows (whether it
    was ever resolved, how often it was reopened, whether the citizen
    disputed).  The records are loaded in one snapshot at start (the same
    transaction that fixes the seq the tail continues from), and each
    event the tail reads re-reads its complaint's row and counts what the
    event says.  So after any restart the figures equal a direct SQL count
    (tests/e2e/test_analytics_figures.py compares them).

    Figures are computed per request by one pass over the records: 70,000
    complaints take a few milliseconds, and any filter (dates, district,
    category) is then just a condition in that pass.  Readers (HTTP
    threads) take the lock shared; the tail takes it exclusively. */
#include "analytics.h"
#include "sw_log.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int64_t id;                  //  complaints.id
    const char *status;          //  interned status
    const char *district;        //  interned district code ("" unknown)
    const char *unit;            //  interned unit code ("" unassigned)
    const char *category;        //  interned category ("" unclassified)
    const char *priority;        //  interned P1/P2/P3 ("" none)
    const char *channel;         //  interned channel
    const char *language;        //  interned language ("" unknown)
    const char *reject_reason;   //  interned reason ("" none)
    char day[11];                //  received day in the configured time zone
    int64_t received_ms;         //  received_at
    int64_t acknowledged_ms;     //  acknowledged_at, 0 if not
    int64_t resolved_ms;         //  resolved_at, 0 if not (cleared by a reopen)
    int64_t ack_deadline_ms;     //  0 if none
    int64_t resolve_deadline_ms; //  0 if none
    int reopens;                 //  'reopened' events
    int disputes;                //  citizen disputes (see docs/analytics.md)
    bool ever_resolved;          //  a 'resolved' event exists
} s_case_t;

struct _analytics_figures_t {
    pthread_rwlock_t lock; //  shared for readers, exclusive for the tail
    char *timezone;        //  for received days, e.g. Asia/Kolkata
    zhashx_t *strings;     //  interned strings: text -> owned copy
    zhashx_t *by_id;       //  "<id>" -> s_case_t * (owned by cases)
    s_case_t **cases;      //  every record
    size_t count;          //  records in use
    size_t capacity;       //  records allocated
    int64_t seq;           //  last event included
};

#define S_CASE_COLUMNS                                                                             \
    "c.id, c.status, coalesce(c.district_code, ''), coalesce(c.unit_code, ''),"                    \
    " coalesce(c.category, ''), coalesce(c.priority, ''), c.channel,"                              \
    " coalesce(c.language, ''), coalesce(c.reject_reason, ''),"                                    \
    " to_char(c.received_at AT TIME ZONE $1, 'YYYY-MM-DD'),"                                       \
    " floor(extract(epoch FROM c.received_at) * 1000)::bigint,"                                    \
    " coalesce(floor(extract(epoch FROM c.acknowledged_at) * 1000)::bigint, 0),"                   \
    " coalesce(floor(extract(epoch FROM c.resolved_at) * 1000)::bigint, 0),"                       \
    " coalesce(floor(extract(epoch FROM c.ack_deadline) * 1000)::bigint, 0),"                      \
    " coalesce(floor(extract(epoch FROM c.resolve_deadline) * 1000)::bigint, 0)"

static void
s_free_string (void **item)
{
    free (*item);
    *item = NULL;
}

analytics_figures_t *
analytics_figures_new (const char *timezone)
{
    analytics_figures_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->timezone = strdup (timezone);
    self->strings = zhashx_new ();
    self->by_id = zhashx_new ();
    if (!self->timezone || !self->strings || !self->by_id ||
        pthread_rwlock_init (&self->lock, NULL) != 0) {
        free (self->timezone);
        zhashx_destroy (&self->strings);
        zhashx_destroy (&self->by_id);
        free (self);
        return NULL;
    }
    zhashx_set_destructor (self->strings, s_free_string);
    return self;
}

static void
s_clear (analytics_figures_t *self)
{
    zhashx_purge (self->by_id);
    for (size_t i = 0; i < self->count; i++)
        free (self->cases[i]);
    self->count = 0;
}

void
analytics_figures_destroy (analytics_figures_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    analytics_figures_t *self = *self_p;
    s_clear (self);
    free (self->cases);
    zhashx_destroy (&self->by_id);
    zhashx_destroy (&self->strings);
    pthread_rwlock_destroy (&self->lock);
    free (self->timezone);
    free (self);
    *self_p = NULL;
}

//  A stable pointer for text (interned: districts, units, categories and
//  the like are few and repeat for every complaint).
static const char *
s_intern (analytics_figures_t *self, const char *text)
{
    const char *found = (const char *)zhashx_lookup (self->strings, text);
    if (found)
        return found;
    char *copy = strdup (text);
    if (!copy || zhashx_insert (self->strings, text, copy) != 0) {
        free (copy);
        return "";
    }
    return copy;
}

static s_case_t *
s_find (analytics_figures_t *self, int64_t id)
{
    char key[32];
    snprintf (key, sizeof key, "%lld", (long long)id);
    return (s_case_t *)zhashx_lookup (self->by_id, key);
}

static s_case_t *
s_find_or_add (analytics_figures_t *self, int64_t id)
{
    s_case_t *record = s_find (self, id);
    if (record)
        return record;
    if (self->count == self->capacity) {
        size_t capacity = self->capacity ? self->capacity * 2 : 1024;
        s_case_t **cases = realloc (self->cases, capacity * sizeof *cases);
        if (!cases)
            return NULL;
        self->cases = cases;
        self->capacity = capacity;
    }
    record = calloc (1, sizeof *record);
    if (!record)
        return NULL;
    record->id = id;
    char key[32];
    snprintf (key, sizeof key, "%lld", (long long)id);
    if (zhashx_insert (self->by_id, key, record) != 0) {
        free (record);
        return NULL;
    }
    self->cases[self->count++] = record;
    return record;
}

//  Rows of a S_CASE_COLUMNS query into records. Lock held exclusively.
static int
s_store_rows (analytics_figures_t *self, PGresult *res)
{
    for (int i = 0; i < PQntuples (res); i++) {
        s_case_t *record = s_find_or_add (self, strtoll (PQgetvalue (res, i, 0), NULL, 10));
        if (!record)
            return -1;
        record->status = s_intern (self, PQgetvalue (res, i, 1));
        record->district = s_intern (self, PQgetvalue (res, i, 2));
        record->unit = s_intern (self, PQgetvalue (res, i, 3));
        record->category = s_intern (self, PQgetvalue (res, i, 4));
        record->priority = s_intern (self, PQgetvalue (res, i, 5));
        record->channel = s_intern (self, PQgetvalue (res, i, 6));
        record->language = s_intern (self, PQgetvalue (res, i, 7));
        record->reject_reason = s_intern (self, PQgetvalue (res, i, 8));
        snprintf (record->day, sizeof record->day, "%s", PQgetvalue (res, i, 9));
        record->received_ms = strtoll (PQgetvalue (res, i, 10), NULL, 10);
        record->acknowledged_ms = strtoll (PQgetvalue (res, i, 11), NULL, 10);
        record->resolved_ms = strtoll (PQgetvalue (res, i, 12), NULL, 10);
        record->ack_deadline_ms = strtoll (PQgetvalue (res, i, 13), NULL, 10);
        record->resolve_deadline_ms = strtoll (PQgetvalue (res, i, 14), NULL, 10);
    }
    return 0;
}

int
analytics_figures_load (analytics_figures_t *self, sw_db_t *db, int64_t head)
{
    const char *params[] = {self->timezone};
    PGresult *cases = sw_db_query (db, "SELECT " S_CASE_COLUMNS " FROM complaints c", 1, params);
    if (!cases)
        return -1;
    char head_text[32];
    snprintf (head_text, sizeof head_text, "%lld", (long long)head);
    const char *event_params[] = {head_text};
    PGresult *events = sw_db_query (
        db,
        "SELECT complaint_id,"
        "       count(*) FILTER (WHERE event_type = 'reopened'),"
        "       count(*) FILTER (WHERE event_type = 'resolved') > 0,"
        "       count(*) FILTER (WHERE (event_type = 'reopened'"
        "                               AND payload ->> 'reason' = 'citizen_follow_up')"
        "                           OR (event_type = 'follow_up'"
        "                               AND payload ->> 'link' = 'dispute'))"
        "  FROM events"
        " WHERE seq <= $1::bigint AND complaint_id IS NOT NULL"
        "   AND event_type IN ('reopened', 'resolved', 'follow_up')"
        " GROUP BY complaint_id",
        1, event_params);
    if (!events) {
        PQclear (cases);
        return -1;
    }
    pthread_rwlock_wrlock (&self->lock);
    s_clear (self);
    int rc = s_store_rows (self, cases);
    for (int i = 0; rc == 0 && i < PQntuples (events); i++) {
        s_case_t *record = s_find (self, strtoll (PQgetvalue (events, i, 0), NULL, 10));
        if (!record)
            continue;
        record->reopens = atoi (PQgetvalue (events, i, 1));
        record->ever_resolved = streq (PQgetvalue (events, i, 2), "t");
        record->disputes = atoi (PQgetvalue (events, i, 3));
    }
    self->seq = head;
    pthread_rwlock_unlock (&self->lock);
    PQclear (cases);
    PQclear (events);
    return rc;
}

int
analytics_figures_refresh (analytics_figures_t *self, sw_db_t *db, const int64_t *ids, size_t count)
{
    if (count == 0)
        return 0;
    //  A bigint[] literal: digits and commas only.
    size_t size = count * 21 + 3;
    char *array = malloc (size);
    if (!array)
        return -1;
    size_t used = 0;
    array[used++] = '{';
    for (size_t i = 0; i < count; i++)
        used +=
            (size_t)snprintf (array + used, size - used, "%s%lld", i ? "," : "", (long long)ids[i]);
    snprintf (array + used, size - used, "}");
    const char *params[] = {self->timezone, array};
    PGresult *res = sw_db_query (
        db, "SELECT " S_CASE_COLUMNS " FROM complaints c WHERE c.id = ANY ($2::bigint[])", 2,
        params);
    free (array);
    if (!res)
        return -1;
    pthread_rwlock_wrlock (&self->lock);
    int rc = s_store_rows (self, res);
    pthread_rwlock_unlock (&self->lock);
    PQclear (res);
    return rc;
}

void
analytics_figures_apply (analytics_figures_t *self, int64_t complaint_id, const char *event_type,
                         const char *payload_json)
{
    bool resolved = streq (event_type, "resolved");
    bool reopened = streq (event_type, "reopened");
    bool follow_up = streq (event_type, "follow_up");
    if (!complaint_id || (!resolved && !reopened && !follow_up))
        return;
    //  The (unmasked) payload says why; parsed only for these two kinds.
    const char *key = reopened ? "reason" : "link";
    const char *want = reopened ? "citizen_follow_up" : "dispute";
    bool dispute = false;
    if (reopened || follow_up) {
        json_t *payload = json_loads (payload_json, 0, NULL);
        const char *value = json_string_value (json_object_get (payload, key));
        dispute = value && streq (value, want);
        json_decref (payload);
    }
    pthread_rwlock_wrlock (&self->lock);
    s_case_t *record = s_find (self, complaint_id);
    if (record) {
        if (resolved)
            record->ever_resolved = true;
        if (reopened)
            record->reopens++;
        if (dispute)
            record->disputes++;
    }
    pthread_rwlock_unlock (&self->lock);
}

size_t
analytics_figures_count (analytics_figures_t *self)
{
    pthread_rwlock_rdlock (&self->lock);
    size_t count = self->count;
    pthread_rwlock_unlock (&self->lock);
    return count;
}

void
analytics_figures_set_seq (analytics_figures_t *self, int64_t seq)
{
    pthread_rwlock_wrlock (&self->lock);
    self->seq = seq;
    pthread_rwlock_unlock (&self->lock);
}

//  --------------------------------------------------------------------------
//  Figures

static bool
s_pending (const char *status)
{
    return !streq (status, "RESOLVED") && !streq (status, "CLOSED") && !streq (status, "REJECTED");
}

static bool
s_resolved (const char *status)
{
    return streq (status, "RESOLVED") || streq (status, "CLOSED");
}

static bool
s_past_sla (const s_case_t *record, int64_t now_ms)
{
    if (!s_pending (record->status))
        return false;
    if (record->resolve_deadline_ms && now_ms > record->resolve_deadline_ms)
        return true;
    return !record->acknowledged_ms && record->ack_deadline_ms && now_ms > record->ack_deadline_ms;
}

//  A growable list of durations in seconds.
typedef struct {
    double *values;  //  the durations
    size_t count;    //  in use
    size_t capacity; //  allocated
} s_values_t;

static void
s_values_free (void **item)
{
    s_values_t *values = (s_values_t *)*item;
    if (values) {
        free (values->values);
        free (values);
    }
    *item = NULL;
}

static void
s_values_add (zhashx_t *table, const char *key, double value)
{
    s_values_t *values = (s_values_t *)zhashx_lookup (table, key);
    if (!values) {
        values = calloc (1, sizeof *values);
        if (!values || zhashx_insert (table, key, values) != 0) {
            free (values);
            return;
        }
    }
    if (values->count == values->capacity) {
        size_t capacity = values->capacity ? values->capacity * 2 : 64;
        double *grown = realloc (values->values, capacity * sizeof *grown);
        if (!grown)
            return;
        values->values = grown;
        values->capacity = capacity;
    }
    values->values[values->count++] = value;
}

static json_t *
s_real_or_null (double value)
{
    return isnan (value) ? json_null () : json_real (round (value * 1000.0) / 1000.0);
}

//  {"n", "median_s", "p90_s"} of a list (sorted in place).
static json_t *
s_summary (s_values_t *values)
{
    size_t n = values ? values->count : 0;
    double median = n ? analytics_percentile (values->values, n, 0.5) : NAN;
    double p90 = n ? analytics_percentile (values->values, n, 0.9) : NAN;
    return json_pack ("{s:I,s:o,s:o}", "n", (json_int_t)n, "median_s", s_real_or_null (median),
                      "p90_s", s_real_or_null (p90));
}

//  Add one to object[key][field], creating both as needed.
static void
s_bump (json_t *object, const char *key, const char *field)
{
    json_t *group = json_object_get (object, key);
    if (!group) {
        group = json_pack ("{s:i,s:i,s:i,s:i}", "received", 0, "resolved", 0, "pending", 0,
                           "rejected", 0);
        json_object_set_new (object, key, group);
    }
    json_t *value = json_object_get (group, field);
    if (value)
        json_integer_set (value, json_integer_value (value) + 1);
    else
        json_object_set_new (group, field, json_integer (1));
}

//  Count a record in group key of object: received and its outcome.
static void
s_count (json_t *object, const char *key, const s_case_t *record, bool past_sla)
{
    s_bump (object, key, "received");
    s_bump (object, key,
            s_resolved (record->status)          ? "resolved"
            : streq (record->status, "REJECTED") ? "rejected"
                                                 : "pending");
    if (past_sla)
        s_bump (object, key, "past_sla");
}

static const char *
s_or (const char *value, const char *fallback)
{
    return *value ? value : fallback;
}

static bool
s_matches (const s_case_t *record, const analytics_filter_t *filter)
{
    if (*filter->from && strcmp (record->day, filter->from) < 0)
        return false;
    if (*filter->to && strcmp (record->day, filter->to) > 0)
        return false;
    if (*filter->district && !streq (record->district, filter->district))
        return false;
    if (*filter->category && !streq (record->category, filter->category))
        return false;
    return true;
}

//  Times per key: {"key": {"acknowledge": summary, "resolve": summary}}.
static json_t *
s_times (zhashx_t *ack, zhashx_t *resolve)
{
    json_t *out = json_object ();
    zlistx_t *keys = zhashx_keys (ack);
    zlistx_t *more = zhashx_keys (resolve);
    for (const char *key = (const char *)zlistx_first (more); key;
         key = (const char *)zlistx_next (more))
        if (!zhashx_lookup (ack, key))
            zlistx_add_end (keys, (void *)key);
    for (const char *key = (const char *)zlistx_first (keys); key;
         key = (const char *)zlistx_next (keys))
        json_object_set_new (out, key,
                             json_pack ("{s:o,s:o}", "acknowledge",
                                        s_summary ((s_values_t *)zhashx_lookup (ack, key)),
                                        "resolve",
                                        s_summary ((s_values_t *)zhashx_lookup (resolve, key))));
    zlistx_destroy (&keys);
    zlistx_destroy (&more);
    return out;
}

typedef struct {
    const char *district; //  code
    json_t *row;          //  its league row
    double rate;          //  resolved / (received - rejected), -1 if none
    double median;        //  median resolve time, NAN if none
    json_int_t pending;   //  open cases
} s_league_t;

static int
s_league_compare (const void *a, const void *b)
{
    const s_league_t *x = (const s_league_t *)a, *y = (const s_league_t *)b;
    if (x->rate != y->rate)
        return x->rate > y->rate ? -1 : 1;
    if (isnan (x->median) != isnan (y->median))
        return isnan (x->median) ? 1 : -1;
    if (!isnan (x->median) && x->median != y->median)
        return x->median < y->median ? -1 : 1;
    if (x->pending != y->pending)
        return x->pending < y->pending ? -1 : 1;
    return strcmp (x->district, y->district);
}

static json_int_t
s_int (json_t *group, const char *field)
{
    return json_integer_value (json_object_get (group, field));
}

static json_t *
s_league (json_t *by_district, zhashx_t *resolve_times)
{
    size_t n = json_object_size (by_district);
    s_league_t *rows = calloc (n ? n : 1, sizeof *rows);
    json_t *league = json_array ();
    if (!rows)
        return league;
    size_t used = 0;
    const char *district;
    json_t *group;
    json_object_foreach (by_district, district, group)
    {
        json_int_t received = s_int (group, "received"), rejected = s_int (group, "rejected");
        json_int_t resolved = s_int (group, "resolved");
        s_values_t *times = (s_values_t *)zhashx_lookup (resolve_times, district);
        s_league_t *row = &rows[used++];
        row->district = district;
        row->rate = received - rejected > 0 ? (double)resolved / (double)(received - rejected) : -1;
        //  The summary sorted the list already; the median is stable.
        row->median =
            times && times->count ? analytics_percentile (times->values, times->count, 0.5) : NAN;
        row->pending = s_int (group, "pending");
        row->row = json_pack ("{s:s,s:I,s:I,s:I,s:I,s:I,s:o,s:o}", "district", district, "received",
                              received, "resolved", resolved, "pending", row->pending, "rejected",
                              rejected, "past_sla", s_int (group, "past_sla"), "resolution_rate",
                              row->rate < 0 ? json_null ()
                                            : json_real (round (row->rate * 10000.0) / 10000.0),
                              "median_resolve_s", s_real_or_null (row->median));
    }
    qsort (rows, used, sizeof *rows, s_league_compare);
    for (size_t i = 0; i < used; i++) {
        json_object_set_new (rows[i].row, "rank", json_integer ((json_int_t)i + 1));
        json_array_append_new (league, rows[i].row);
    }
    free (rows);
    return league;
}

json_t *
analytics_figures_stats (analytics_figures_t *self, const analytics_filter_t *filter)
{
    json_t *totals = json_object (); //  one group, key ""
    json_t *by_reason = json_object (), *by_status = json_object ();
    json_t *by_district = json_object (), *by_unit = json_object ();
    json_t *by_category = json_object (), *by_priority = json_object ();
    json_t *by_channel = json_object (), *by_language = json_object ();
    json_t *by_day = json_object ();
    zhashx_t *ack_district = zhashx_new (), *resolve_district = zhashx_new ();
    zhashx_t *ack_unit = zhashx_new (), *resolve_unit = zhashx_new ();
    zhashx_t *ack_all = zhashx_new (), *resolve_all = zhashx_new ();
    zhashx_t *tables[] = {ack_district, resolve_district, ack_unit,
                          resolve_unit, ack_all,          resolve_all};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        if (tables[i])
            zhashx_set_destructor (tables[i], s_values_free);
    json_int_t resolved_ever = 0, reopened = 0, disputes = 0;

    pthread_rwlock_rdlock (&self->lock);
    int64_t seq = self->seq;
    for (size_t i = 0; i < self->count; i++) {
        const s_case_t *record = self->cases[i];
        if (!s_matches (record, filter))
            continue;
        bool past_sla = s_past_sla (record, filter->now_ms);
        const char *district = s_or (record->district, "unknown");
        const char *unit = s_or (record->unit, "unassigned");
        s_count (totals, "", record, past_sla);
        s_bump (by_status, record->status, "received");
        if (streq (record->status, "REJECTED"))
            s_bump (by_reason, s_or (record->reject_reason, "unspecified"), "received");
        s_count (by_district, district, record, past_sla);
        s_count (by_unit, unit, record, past_sla);
        s_count (by_category, s_or (record->category, "unclassified"), record, past_sla);
        s_count (by_priority, s_or (record->priority, "none"), record, past_sla);
        s_count (by_channel, s_or (record->channel, "unknown"), record, past_sla);
        s_count (by_language, s_or (record->language, "unknown"), record, past_sla);
        s_count (by_day, record->day, record, past_sla);
        if (record->acknowledged_ms) {
            double seconds = (double)(record->acknowledged_ms - record->received_ms) / 1000.0;
            s_values_add (ack_district, district, seconds);
            s_values_add (ack_unit, unit, seconds);
            s_values_add (ack_all, "all", seconds);
        }
        if (record->resolved_ms) {
            double seconds = (double)(record->resolved_ms - record->received_ms) / 1000.0;
            s_values_add (resolve_district, district, seconds);
            s_values_add (resolve_unit, unit, seconds);
            s_values_add (resolve_all, "all", seconds);
        }
        resolved_ever += record->ever_resolved;
        reopened += record->reopens > 0;
        disputes += record->disputes;
    }
    pthread_rwlock_unlock (&self->lock);

    //  The totals are the one group of key "".
    json_t *flat = json_object_get (totals, "");
    json_t *out_totals =
        json_pack ("{s:I,s:I,s:I,s:I,s:I,s:O}", "received", s_int (flat, "received"), "resolved",
                   s_int (flat, "resolved"), "pending", s_int (flat, "pending"), "rejected",
                   s_int (flat, "rejected"), "past_sla", s_int (flat, "past_sla"),
                   "rejected_by_reason", by_reason);
    json_t *reasons = json_object_get (out_totals, "rejected_by_reason");
    const char *reason;
    json_t *group;
    json_t *flat_reasons = json_object ();
    json_object_foreach (reasons, reason, group)
        json_object_set_new (flat_reasons, reason, json_integer (s_int (group, "received")));
    json_object_set_new (out_totals, "rejected_by_reason", flat_reasons);
    json_t *flat_status = json_object ();
    json_object_foreach (by_status, reason, group)
        json_object_set_new (flat_status, reason, json_integer (s_int (group, "received")));
    json_t *past_district = json_object (), *past_unit = json_object ();
    json_object_foreach (by_district, reason, group) if (s_int (group, "past_sla"))
        json_object_set_new (past_district, reason, json_integer (s_int (group, "past_sla")));
    json_object_foreach (by_unit, reason, group) if (s_int (group, "past_sla"))
        json_object_set_new (past_unit, reason, json_integer (s_int (group, "past_sla")));

    json_t *all = s_times (ack_all, resolve_all);
    //  A reference of our own, whichever way it comes: it is stolen below.
    json_t *overall = json_object_get (all, "all");
    overall = overall ? json_incref (overall)
                      : json_pack ("{s:o,s:o}", "acknowledge", s_summary (NULL), "resolve",
                                   s_summary (NULL));
    json_t *stats = json_pack (
        "{s:I,s:{s:s?,s:s?,s:s?,s:s?},s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,"
        "s:{s:o,s:o,s:o},s:{s:I,s:o,s:o},s:{s:I,s:I,s:o},s:I,s:o}",
        "as_of_seq", (json_int_t)seq, "filter", "from", *filter->from ? filter->from : NULL, "to",
        *filter->to ? filter->to : NULL, "district", *filter->district ? filter->district : NULL,
        "category", *filter->category ? filter->category : NULL, "totals", out_totals, "by_status",
        flat_status, "by_district", by_district, "by_unit", by_unit, "by_category", by_category,
        "by_priority", by_priority, "by_channel", by_channel, "by_language", by_language, "by_day",
        by_day, "times", "overall", overall, "by_district", s_times (ack_district, resolve_district), "by_unit",
        s_times (ack_unit, resolve_unit), "past_sla", "total", s_int (flat, "past_sla"),
        "by_district", past_district, "by_unit", past_unit, "reopen", "resolved_ever",
        resolved_ever, "reopened", reopened, "rate",
        resolved_ever
            ? json_real (round ((double)reopened / (double)resolved_ever * 10000.0) / 10000.0)
            : json_null (),
        "disputes", disputes, "league", s_league (by_district, resolve_district));
    json_decref (all);
    json_decref (totals);
    json_decref (by_reason);
    json_decref (by_status);
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        zhashx_destroy (&tables[i]);
    return stats;
}
