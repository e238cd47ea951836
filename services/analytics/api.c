/*  api: the JSON API, the CSV export and the public status page.

      GET /api/v1/stats?from=&to=&district=&category=     public figures
      GET /api/v1/complaints?status=&district=&unit=&category=&priority=
                            &from=&to=&limit=&after_id=&format=csv
      GET /api/v1/complaints.csv?...                      the same as CSV
      GET /api/v1/complaints/{docket}                     a case and its events
      GET /status/{docket}[?format=json]                  for the citizen

    The complaint routes need "Authorization: Bearer <token>"; the token is
    looked up by its SHA-256 in tokens (as router and ingest do) and scopes
    what the caller sees: hq, admin and api tokens the whole state, a
    district token its district, an officer token its unit (or its
    district when it has no unit).  Complaint text is masked (sw_pii) and
    no author field is returned; /status shows the status and the public
    notes only, masked.  Every value reaches SQL as a parameter.

    Handlers run on libmicrohttpd's threads: figures are read under their
    lock; complaint queries take a connection from a small pool. */
#include "analytics.h"
#include "sw_log.h"
#include "sw_pii.h"

#include <ctype.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct _analytics_api_t {
    analytics_figures_t *figures; //  the read models (not owned)
    char *timezone;               //  for from/to days
    long export_max;              //  rows in one CSV at most
    analytics_slots_t slots;      //  which connections are lent out
    sw_db_t **dbs;                //  the pool
    int size;                     //  connections in the pool
    sw_counter_t *requests;       //  API requests
    sw_counter_t *unauthorized;   //  refused for lack of a valid token
};

//  --------------------------------------------------------------------------
//  Connection pool

sw_db_t *
analytics_api_acquire (analytics_api_t *self, int *slot)
{
    int found = analytics_slots_take (&self->slots, 5000);
    if (found < 0)
        return NULL;
    *slot = found;
    if (sw_db_ensure (self->dbs[found]) != 0) {
        analytics_slots_give (&self->slots, found);
        return NULL;
    }
    return self->dbs[found];
}

void
analytics_api_release (analytics_api_t *self, int slot)
{
    analytics_slots_give (&self->slots, slot);
}

//  --------------------------------------------------------------------------
//  Helpers

void
analytics_reply_json (sw_http_response_t *response, int status, json_t *body)
{
    char *text = body ? json_dumps (body, JSON_COMPACT) : NULL;
    json_decref (body);
    if (!text) {
        sw_http_response_error (response, 500, "internal", "could not render the reply");
        return;
    }
    sw_http_response_status (response, status);
    //  Answers depend on the caller's token or session and on the moment.
    sw_http_response_header (response, "Cache-Control", "no-store");
    sw_http_response_body (response, "application/json", text, strlen (text));
    free (text);
}

void
analytics_unavailable (sw_http_response_t *response)
{
    sw_http_response_header (response, "Retry-After", "5");
    sw_http_response_error (response, 503, "unavailable", "the database is unavailable; try again");
}

bool
analytics_valid_day (const char *day)
{
    if (!day || strlen (day) != 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? day[i] != '-' : !isdigit ((unsigned char)day[i]))
            return false;
    struct tm tm = {0};
    const char *end = strptime (day, "%Y-%m-%d", &tm);
    if (!end || *end)
        return false;
    //  strptime accepts 2026-02-31: normalise and compare.
    struct tm check = tm;
    check.tm_isdst = -1;
    if (timegm (&check) == -1)
        return false;
    return check.tm_mday == tm.tm_mday && check.tm_mon == tm.tm_mon;
}

//  A code as used for districts, units, categories: letters, digits, _ -.
bool
analytics_valid_code (const char *value, size_t max)
{
    size_t len = strlen (value);
    if (len == 0 || len > max)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!isalnum ((unsigned char)value[i]) && value[i] != '_' && value[i] != '-')
            return false;
    return true;
}

bool
analytics_code_arg (sw_http_request_t *request, sw_http_response_t *response, const char *name, char *out,
                    size_t size)
{
    const char *value = sw_http_request_query (request, name);
    *out = 0;
    if (!value || !*value)
        return true;
    if (!analytics_valid_code (value, size - 1)) {
        char message[128];
        snprintf (message, sizeof message,
                  "%s must be letters, digits, '_' or '-', at most %zu characters", name, size - 1);
        sw_http_response_error (response, 400, "bad_request", message);
        return false;
    }
    snprintf (out, size, "%s", value);
    return true;
}

static bool
s_day_arg (sw_http_request_t *request, sw_http_response_t *response, const char *name, char *out)
{
    const char *value = sw_http_request_query (request, name);
    *out = 0;
    if (!value || !*value)
        return true;
    if (!analytics_valid_day (value)) {
        char message[96];
        snprintf (message, sizeof message, "%s must be a date, YYYY-MM-DD", name);
        sw_http_response_error (response, 400, "bad_request", message);
        return false;
    }
    snprintf (out, 11, "%s", value);
    return true;
}

void
analytics_csv_field (zchunk_t *buf, const char *value)
{
    bool formula = *value == '=' || *value == '+' || *value == '-' || *value == '@';
    bool quote = formula || strpbrk (value, ",\"\r\n") != NULL;
    if (quote)
        zchunk_extend (buf, "\"", 1);
    if (formula)
        zchunk_extend (buf, "'", 1);
    for (const char *p = value; *p; p++) {
        if (*p == '"')
            zchunk_extend (buf, "\"\"", 2);
        else
            zchunk_extend (buf, p, 1);
    }
    if (quote)
        zchunk_extend (buf, "\"", 1);
}

//  --------------------------------------------------------------------------
//  Tokens and scope


int
analytics_api_lookup (analytics_api_t *self, sw_db_t *db, const char *token,
                      analytics_caller_t *caller)
{
    memset (caller, 0, sizeof *caller);
    if (!token || !*token || strlen (token) > 512)
        return 1;
    unsigned char hash[32];
    unsigned int len = 0;
    EVP_Digest (token, strlen (token), hash, &len, EVP_sha256 (), NULL);
    char hex[65];
    for (int i = 0; i < 32; i++)
        snprintf (hex + 2 * i, 3, "%02x", hash[i]);
    const char *params[] = {hex};
    PGresult *res = sw_db_query (
        db,
        "UPDATE tokens t SET last_used_at = now()"
        "  FROM officers o"
        " WHERE o.id = t.officer_id AND t.token_hash = decode($1, 'hex')"
        "   AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())"
        "   AND o.active"
        " RETURNING o.role, coalesce(o.unit_code, ''), coalesce(o.district_code, ''),"
        "           o.id, o.login, o.name",
        1, params);
    if (!res)
        return -1;
    if (PQntuples (res) != 1) {
        PQclear (res);
        return 1;
    }
    const char *role = PQgetvalue (res, 0, 0);
    snprintf (caller->role, sizeof caller->role, "%s", role);
    snprintf (caller->unit, sizeof caller->unit, "%s", PQgetvalue (res, 0, 1));
    snprintf (caller->district, sizeof caller->district, "%s", PQgetvalue (res, 0, 2));
    snprintf (caller->officer_id, sizeof caller->officer_id, "%s", PQgetvalue (res, 0, 3));
    snprintf (caller->login, sizeof caller->login, "%s", PQgetvalue (res, 0, 4));
    snprintf (caller->name, sizeof caller->name, "%s", PQgetvalue (res, 0, 5));
    if (streq (role, "hq") || streq (role, "admin") || streq (role, "api"))
        snprintf (caller->scope, sizeof caller->scope, "all");
    else if (streq (role, "district"))
        snprintf (caller->scope, sizeof caller->scope, *caller->district ? "district" : "none");
    else if (streq (role, "officer"))
        snprintf (caller->scope, sizeof caller->scope, "%s",
                  *caller->unit       ? "unit"
                  : *caller->district ? "district"
                                      : "none");
    else
        snprintf (caller->scope, sizeof caller->scope, "none");
    PQclear (res);
    return 0;
}

//  0 authenticated (caller filled), 1 no valid token (401 answered),
//  -1 database unavailable (503 answered).
static int
s_authenticate (analytics_api_t *self, sw_db_t *db, sw_http_request_t *request,
                sw_http_response_t *response, analytics_caller_t *caller)
{
    const char *auth = sw_http_request_header (request, "authorization");
    const char *token = auth && strncasecmp (auth, "Bearer ", 7) == 0 ? auth + 7 : NULL;
    while (token && *token == ' ')
        token++;
    if (!token || !*token || strlen (token) > 512) {
        sw_counter_inc (self->unauthorized);
        sw_http_response_header (response, "WWW-Authenticate", "Bearer");
        sw_http_response_error (response, 401, "unauthorized",
                                "send a token as \"Authorization: Bearer <token>\"");
        return 1;
    }
    int rc = analytics_api_lookup (self, db, token, caller);
    if (rc < 0) {
        analytics_unavailable (response);
        return -1;
    }
    if (rc > 0) {
        sw_counter_inc (self->unauthorized);
        sw_http_response_header (response, "WWW-Authenticate", "Bearer");
        sw_http_response_error (response, 401, "unauthorized", "unknown, expired or revoked token");
        return 1;
    }
    return 0;
}

#define S_LIST_COLUMNS                                                                             \
    "c.id, c.docket, c.status, coalesce(c.category, ''), coalesce(c.priority, ''),"                \
    " coalesce(c.district_code, ''), coalesce(c.unit_code, ''), c.channel,"                        \
    " coalesce(c.language, ''), coalesce(c.reject_reason, ''), " ANALYTICS_TIME (                          \
        "c.received_at") ", " ANALYTICS_TIME ("c.acknowledged_at") ", " ANALYTICS_TIME ("c.resolved_at") ","       \
                                                                                         " " ANALYTICS_TIME ("c.ack_deadline") ", " ANALYTICS_TIME ("c.resolve_deadline") ", c.text"

static const char *s_list_names[] = {"id",
                                     "docket",
                                     "status",
                                     "category",
                                     "priority",
                                     "district",
                                     "unit",
                                     "channel",
                                     "language",
                                     "reject_reason",
                                     "received_at",
                                     "acknowledged_at",
                                     "resolved_at",
                                     "ack_deadline",
                                     "resolve_deadline",
                                     "text",
                                     NULL};

static json_t *
s_case_json (PGresult *res, int row)
{
    json_t *item = json_object ();
    for (int col = 1; s_list_names[col]; col++) {
        const char *value = PQgetvalue (res, row, col);
        if (streq (s_list_names[col], "text")) {
            char *masked = sw_pii_mask (value);
            json_object_set_new (item, "text", json_string (masked ? masked : ""));
            free (masked);
        }
        else
            json_object_set_new (item, s_list_names[col],
                                 *value ? json_string (value) : json_null ());
    }
    json_object_set_new (item, "id",
                         json_integer (strtoll (PQgetvalue (res, 0 + row, 0), NULL, 10)));
    return item;
}

//  The list's filters, checked.
typedef struct {
    char status[16]; //  open, closed, any, or a status name
    char district[64];
    char unit[64];
    char category[64];
    char priority[4];
    char from[11];
    char to[11];
    long limit;
    long long after_id;
} s_list_t;

static const char *s_statuses[] = {"RECEIVED",     "CLASSIFIED", "ROUTED",
                                   "ACKNOWLEDGED", "RESOLVED",   "CLOSED",
                                   "REOPENED",     "REJECTED",   NULL};

static bool
s_list_args (sw_http_request_t *request, sw_http_response_t *response, s_list_t *list,
             long max_limit)
{
    memset (list, 0, sizeof *list);
    const char *status = sw_http_request_query (request, "status");
    snprintf (list->status, sizeof list->status, "%s", status && *status ? status : "any");
    bool known = streq (list->status, "open") || streq (list->status, "closed") ||
                 streq (list->status, "any");
    for (int i = 0; !known && s_statuses[i]; i++)
        known = streq (list->status, s_statuses[i]);
    if (!known) {
        sw_http_response_error (response, 400, "bad_request",
                                "status must be open, closed, any or a status name");
        return false;
    }
    if (!analytics_code_arg (request, response, "district", list->district, sizeof list->district) ||
        !analytics_code_arg (request, response, "unit", list->unit, sizeof list->unit) ||
        !analytics_code_arg (request, response, "category", list->category, sizeof list->category) ||
        !analytics_code_arg (request, response, "priority", list->priority, sizeof list->priority) ||
        !s_day_arg (request, response, "from", list->from) ||
        !s_day_arg (request, response, "to", list->to))
        return false;
    list->limit = max_limit < 50 ? max_limit : 50;
    const char *limit = sw_http_request_query (request, "limit");
    if (limit && *limit) {
        char *end;
        long value = strtol (limit, &end, 10);
        if (*end || value < 1 || value > max_limit) {
            char message[64];
            snprintf (message, sizeof message, "limit must be 1..%ld", max_limit);
            sw_http_response_error (response, 400, "bad_request", message);
            return false;
        }
        list->limit = value;
    }
    const char *after = sw_http_request_query (request, "after_id");
    if (after && *after) {
        char *end;
        long long value = strtoll (after, &end, 10);
        if (*end || value < 0) {
            sw_http_response_error (response, 400, "bad_request",
                                    "after_id must be a non-negative integer");
            return false;
        }
        list->after_id = value;
    }
    return true;
}

//  One page of the list, ids above after_id.
static PGresult *
s_list_query (analytics_api_t *self, sw_db_t *db, const analytics_caller_t *caller, const s_list_t *list,
              long long after_id, long limit)
{
    char after[32], count[32];
    snprintf (after, sizeof after, "%lld", after_id);
    snprintf (count, sizeof count, "%ld", limit);
    const char *params[] = {caller->scope,
                            caller->district,
                            caller->unit,
                            list->status,
                            *list->district ? list->district : NULL,
                            *list->unit ? list->unit : NULL,
                            *list->category ? list->category : NULL,
                            *list->priority ? list->priority : NULL,
                            *list->from ? list->from : NULL,
                            *list->to ? list->to : NULL,
                            self->timezone,
                            after,
                            count};
    return sw_db_query (
        db,
        "SELECT " S_LIST_COLUMNS " FROM complaints c"
        " WHERE " ANALYTICS_SCOPE_SQL "   AND ($4 = 'any'"
        "        OR ($4 = 'open' AND c.status IN ('RECEIVED', 'CLASSIFIED', 'ROUTED',"
        "                                         'ACKNOWLEDGED', 'REOPENED'))"
        "        OR ($4 = 'closed' AND c.status IN ('RESOLVED', 'CLOSED', 'REJECTED'))"
        "        OR c.status = $4)"
        "   AND ($5::text IS NULL OR c.district_code = $5)"
        "   AND ($6::text IS NULL OR c.unit_code = $6)"
        "   AND ($7::text IS NULL OR c.category = $7)"
        "   AND ($8::text IS NULL OR c.priority = $8)"
        "   AND ($9::date IS NULL OR c.received_at >= ($9::date::timestamp AT TIME ZONE $11))"
        "   AND ($10::date IS NULL"
        "        OR c.received_at < (($10::date + 1)::timestamp AT TIME ZONE $11))"
        "   AND c.id > $12::bigint"
        " ORDER BY c.id LIMIT $13::integer",
        13, params);
}

static void
s_csv (analytics_api_t *self, sw_db_t *db, const analytics_caller_t *caller, const s_list_t *list,
       sw_http_response_t *response)
{
    zchunk_t *csv = zchunk_new (NULL, 64 * 1024);
    for (int col = 1; s_list_names[col]; col++) {
        if (col > 1)
            zchunk_extend (csv, ",", 1);
        zchunk_extend (csv, s_list_names[col], strlen (s_list_names[col]));
    }
    zchunk_extend (csv, "\r\n", 2);
    long long after = list->after_id;
    long rows = 0;
    bool truncated = false;
    while (true) {
        long page = self->export_max - rows < 1000 ? self->export_max - rows : 1000;
        if (page <= 0) {
            PGresult *probe = s_list_query (self, db, caller, list, after, 1);
            truncated = probe && PQntuples (probe) > 0;
            PQclear (probe);
            break;
        }
        PGresult *res = s_list_query (self, db, caller, list, after, page);
        if (!res) {
            zchunk_destroy (&csv);
            analytics_unavailable (response);
            return;
        }
        int n = PQntuples (res);
        for (int i = 0; i < n; i++) {
            for (int col = 1; s_list_names[col]; col++) {
                if (col > 1)
                    zchunk_extend (csv, ",", 1);
                const char *value = PQgetvalue (res, i, col);
                if (streq (s_list_names[col], "text")) {
                    char *masked = sw_pii_mask (value);
                    analytics_csv_field (csv, masked ? masked : "");
                    free (masked);
                }
                else
                    analytics_csv_field (csv, value);
            }
            zchunk_extend (csv, "\r\n", 2);
            after = strtoll (PQgetvalue (res, i, 0), NULL, 10);
        }
        rows += n;
        PQclear (res);
        if (n < page)
            break;
    }
    sw_http_response_header (response, "Content-Disposition",
                             "attachment; filename=\"complaints.csv\"");
    if (truncated)
        sw_http_response_header (response, "X-Sunwai-Truncated", "true");
    sw_http_response_body (response, "text/csv; charset=utf-8", (const char *)zchunk_data (csv),
                           zchunk_size (csv));
    zchunk_destroy (&csv);
}

static void
s_list (analytics_api_t *self, sw_http_request_t *request, sw_http_response_t *response, bool csv)
{
    sw_counter_inc (self->requests);
    const char *format = sw_http_request_query (request, "format");
    if (format && streq (format, "csv"))
        csv = true;
    else if (format && *format && !streq (format, "json")) {
        sw_http_response_error (response, 400, "bad_request", "format must be json or csv");
        return;
    }
    s_list_t list;
    if (!s_list_args (request, response, &list, 500))
        return;
    int slot;
    sw_db_t *db = analytics_api_acquire (self, &slot);
    if (!db) {
        analytics_unavailable (response);
        return;
    }
    analytics_caller_t caller;
    if (s_authenticate (self, db, request, response, &caller) == 0) {
        if (csv)
            s_csv (self, db, &caller, &list, response);
        else {
            PGresult *res = s_list_query (self, db, &caller, &list, list.after_id, list.limit);
            if (!res)
                analytics_unavailable (response);
            else {
                json_t *items = json_array ();
                int n = PQntuples (res);
                for (int i = 0; i < n; i++)
                    json_array_append_new (items, s_case_json (res, i));
                json_t *next = n == list.limit
                                   ? json_integer (strtoll (PQgetvalue (res, n - 1, 0), NULL, 10))
                                   : json_null ();
                PQclear (res);
                analytics_reply_json (response, 200,
                              json_pack ("{s:o,s:o,s:i}", "complaints", items, "next_after_id",
                                         next, "count", n));
            }
        }
    }
    analytics_api_release (self, slot);
}

static void
s_on_list (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    s_list ((analytics_api_t *)arg, request, response, false);
}

static void
s_on_list_csv (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    s_list ((analytics_api_t *)arg, request, response, true);
}

static bool
s_valid_docket (const char *docket)
{
    return analytics_valid_code (docket, 40);
}

//  GET /api/v1/complaints/{docket}
static void
s_on_case (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    analytics_api_t *self = (analytics_api_t *)arg;
    sw_counter_inc (self->requests);
    const char *docket = sw_http_request_path (request) + strlen ("/api/v1/complaints/");
    int slot;
    sw_db_t *db = analytics_api_acquire (self, &slot);
    if (!db) {
        analytics_unavailable (response);
        return;
    }
    analytics_caller_t caller;
    if (s_authenticate (self, db, request, response, &caller) != 0) {
        analytics_api_release (self, slot);
        return;
    }
    if (!s_valid_docket (docket)) {
        analytics_api_release (self, slot);
        sw_http_response_error (response, 404, "not_found", "no such docket");
        return;
    }
    const char *params[] = {caller.scope, caller.district, caller.unit, docket};
    PGresult *res = sw_db_query (
        db, "SELECT " S_LIST_COLUMNS ", " ANALYTICS_SCOPE_SQL " FROM complaints c WHERE c.docket = $4", 4,
        params);
    if (!res) {
        analytics_api_release (self, slot);
        analytics_unavailable (response);
        return;
    }
    if (PQntuples (res) != 1) {
        PQclear (res);
        analytics_api_release (self, slot);
        sw_http_response_error (response, 404, "not_found", "no such docket");
        return;
    }
    if (!streq (PQgetvalue (res, 0, 16), "t")) {
        PQclear (res);
        analytics_api_release (self, slot);
        sw_http_response_error (response, 403, "forbidden", "this case is outside your scope");
        return;
    }
    json_t *item = s_case_json (res, 0);
    char id[32];
    snprintf (id, sizeof id, "%s", PQgetvalue (res, 0, 0));
    PQclear (res);
    const char *id_params[] = {id};
    PGresult *events =
        sw_db_query (db,
                     "SELECT seq, event_type, actor, district, " ANALYTICS_TIME (
                         "at") ","
                               " encode(prev_hash, 'hex'), encode(hash, 'hex'), payload::text"
                               " FROM events WHERE complaint_id = $1::bigint ORDER BY seq",
                     1, id_params);
    PGresult *notes =
        events ? sw_db_query (db,
                              "SELECT public, " ANALYTICS_TIME (
                                  "created_at") ", text"
                                                " FROM notes WHERE complaint_id = $1::bigint"
                                                " ORDER BY id",
                              1, id_params)
               : NULL;
    analytics_api_release (self, slot);
    if (!events || !notes) {
        PQclear (events);
        json_decref (item);
        analytics_unavailable (response);
        return;
    }
    json_t *history = json_array ();
    for (int i = 0; i < PQntuples (events); i++) {
        bool changed;
        char *payload = analytics_mask_json (PQgetvalue (events, i, 7), &changed);
        json_t *object = payload ? json_loads (payload, JSON_DECODE_ANY, NULL) : NULL;
        free (payload);
        json_array_append_new (
            history,
            json_pack ("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:b}", "seq",
                       (json_int_t)strtoll (PQgetvalue (events, i, 0), NULL, 10), "event_type",
                       PQgetvalue (events, i, 1), "actor", PQgetvalue (events, i, 2), "district",
                       PQgetvalue (events, i, 3), "at", PQgetvalue (events, i, 4), "prev_hash",
                       PQgetvalue (events, i, 5), "hash", PQgetvalue (events, i, 6), "payload",
                       object ? object : json_object (), "payload_masked", changed));
    }
    json_t *note_list = json_array ();
    for (int i = 0; i < PQntuples (notes); i++) {
        char *masked = sw_pii_mask (PQgetvalue (notes, i, 2));
        json_array_append_new (
            note_list, json_pack ("{s:b,s:s,s:s}", "public", streq (PQgetvalue (notes, i, 0), "t"),
                                  "at", PQgetvalue (notes, i, 1), "text", masked ? masked : ""));
        free (masked);
    }
    PQclear (events);
    PQclear (notes);
    json_object_set_new (item, "events", history);
    json_object_set_new (item, "notes", note_list);
    analytics_reply_json (response, 200, item);
}

//  --------------------------------------------------------------------------
//  Public status page

static const char *
s_status_text (const char *status)
{
    if (streq (status, "RECEIVED") || streq (status, "CLASSIFIED"))
        return "Received; being assigned to the police unit concerned.";
    if (streq (status, "ROUTED"))
        return "Assigned to the police unit concerned.";
    if (streq (status, "ACKNOWLEDGED"))
        return "The police unit is working on it.";
    if (streq (status, "RESOLVED"))
        return "Resolved.";
    if (streq (status, "CLOSED"))
        return "Closed.";
    if (streq (status, "REOPENED"))
        return "Reopened; the police unit is working on it again.";
    if (streq (status, "REJECTED"))
        return "Not taken up by the police on this channel.";
    return "Unknown.";
}

void
analytics_html_escape (zchunk_t *buf, const char *text)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '<':
            zchunk_extend (buf, "&lt;", 4);
            break;
        case '>':
            zchunk_extend (buf, "&gt;", 4);
            break;
        case '&':
            zchunk_extend (buf, "&amp;", 5);
            break;
        case '"':
            zchunk_extend (buf, "&quot;", 6);
            break;
        case '\'':
            zchunk_extend (buf, "&#39;", 5);
            break;
        default:
            zchunk_extend (buf, p, 1);
        }
    }
}

static void
s_html_text (zchunk_t *buf, const char *text)
{
    zchunk_extend (buf, text, strlen (text));
}

static const char *
s_or_empty (const char *value)
{
    return value ? value : "";
}

static bool
s_wants_json (sw_http_request_t *request)
{
    const char *format = sw_http_request_query (request, "format");
    if (format)
        return streq (format, "json");
    const char *accept = sw_http_request_header (request, "accept");
    return accept && strstr (accept, "application/json") && !strstr (accept, "text/html");
}

//  GET /status/{docket}: no token, no personal data.
static void
s_on_status (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    analytics_api_t *self = (analytics_api_t *)arg;
    sw_counter_inc (self->requests);
    const char *docket = sw_http_request_path (request) + strlen ("/status/");
    bool json = s_wants_json (request);
    if (!s_valid_docket (docket)) {
        sw_http_response_error (response, 404, "not_found", "no such docket");
        return;
    }
    int slot;
    sw_db_t *db = analytics_api_acquire (self, &slot);
    if (!db) {
        analytics_unavailable (response);
        return;
    }
    const char *params[] = {docket};
    PGresult *res = sw_db_query (
        db,
        "SELECT c.docket, c.status, " ANALYTICS_TIME (
            "c.updated_at") ","
                            " coalesce((SELECT json_agg(json_build_object("
                            "     'at', to_char(n.created_at AT TIME ZONE 'UTC',"
                            "                   'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
                            "     'text', n.text) ORDER BY n.id)"
                            "   FROM notes n WHERE n.complaint_id = c.id AND n.public),"
                            "   '[]')::text"
                            " FROM complaints c WHERE c.docket = $1",
        1, params);
    analytics_api_release (self, slot);
    if (!res) {
        analytics_unavailable (response);
        return;
    }
    if (PQntuples (res) != 1) {
        PQclear (res);
        sw_http_response_error (response, 404, "not_found", "no such docket");
        return;
    }
    const char *status = PQgetvalue (res, 0, 1);
    json_t *notes = json_loads (PQgetvalue (res, 0, 3), 0, NULL);
    json_t *public_notes = json_array ();
    size_t index;
    json_t *note;
    json_array_foreach (notes, index, note)
    {
        char *masked =
            sw_pii_mask (s_or_empty (json_string_value (json_object_get (note, "text"))));
        json_array_append_new (
            public_notes, json_pack ("{s:s,s:s}", "at",
                                     s_or_empty (json_string_value (json_object_get (note, "at"))),
                                     "text", masked ? masked : ""));
        free (masked);
    }
    json_decref (notes);
    json_t *body = json_pack ("{s:s,s:s,s:s,s:s,s:o}", "docket", PQgetvalue (res, 0, 0), "status",
                              status, "status_text", s_status_text (status), "updated_at",
                              PQgetvalue (res, 0, 2), "public_notes", public_notes);
    PQclear (res);
    //  status pointed into res: from here on, the body's copy.
    status = json_string_value (json_object_get (body, "status"));
    sw_http_response_header (response, "Cache-Control", "no-store");
    if (json) {
        analytics_reply_json (response, 200, body);
        return;
    }
    zchunk_t *html = zchunk_new (NULL, 4096);
    s_html_text (html, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width\">"
                       "<link rel=\"stylesheet\" href=\"/web/app.css\">"
                       "<title>Complaint ");
    analytics_html_escape (html, json_string_value (json_object_get (body, "docket")));
    s_html_text (html, "</title></head>\n<body class=\"status-page\">"
                       "<header class=\"bar\"><a class=\"brand\" href=\"/\">Sunwai</a></header>\n"
                       "<main><section class=\"card\"><h1>Complaint <span id=\"docket\">");
    analytics_html_escape (html, json_string_value (json_object_get (body, "docket")));
    s_html_text (html, "</span></h1>\n<p><strong>Status:</strong> <span class=\"status status-");
    analytics_html_escape (html, status);
    s_html_text (html, "\" id=\"status\">");
    analytics_html_escape (html, status);
    s_html_text (html, "</span> &mdash; ");
    analytics_html_escape (html, s_status_text (status));
    s_html_text (html, "</p>\n<p class=\"muted\">Last updated ");
    analytics_html_escape (html, json_string_value (json_object_get (body, "updated_at")));
    s_html_text (html, " (UTC)</p>\n");
    json_array_foreach (json_object_get (body, "public_notes"), index, note)
    {
        if (index == 0)
            s_html_text (html, "<h2>Notes from the police</h2>\n<ul class=\"notes\">\n");
        s_html_text (html, "<li><span class=\"muted\">");
        analytics_html_escape (html, json_string_value (json_object_get (note, "at")));
        s_html_text (html, "</span> ");
        analytics_html_escape (html, json_string_value (json_object_get (note, "text")));
        s_html_text (html, "</li>\n");
    }
    if (json_array_size (json_object_get (body, "public_notes")))
        s_html_text (html, "</ul>\n");
    s_html_text (html, "</section><p><a href=\"/\">The state&#39;s complaint figures</a></p>"
                       "</main></body></html>\n");
    json_decref (body);
    analytics_web_html_headers (response);
    sw_http_response_body (response, "text/html; charset=utf-8", (const char *)zchunk_data (html),
                           zchunk_size (html));
    zchunk_destroy (&html);
}

//  --------------------------------------------------------------------------
//  Figures

static void
s_on_stats (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    analytics_api_t *self = (analytics_api_t *)arg;
    sw_counter_inc (self->requests);
    analytics_filter_t filter = {.now_ms = zclock_time ()};
    if (!s_day_arg (request, response, "from", filter.from) ||
        !s_day_arg (request, response, "to", filter.to) ||
        !analytics_code_arg (request, response, "district", filter.district, sizeof filter.district) ||
        !analytics_code_arg (request, response, "category", filter.category, sizeof filter.category))
        return;
    analytics_reply_json (response, 200, analytics_figures_stats (self->figures, &filter));
}

analytics_api_t *
analytics_api_new (sw_http_t *http, analytics_figures_t *figures, const char *db_url,
                   int connections, long export_max, const char *timezone, sw_metrics_t *metrics)
{
    analytics_api_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->figures = figures;
    self->export_max = export_max;
    self->timezone = strdup (timezone);
    self->size = connections;
    self->dbs = calloc ((size_t)connections, sizeof *self->dbs);
    bool ok = self->timezone && self->dbs && analytics_slots_init (&self->slots, connections) == 0;
    for (int i = 0; ok && i < connections; i++)
        ok = (self->dbs[i] = sw_db_new (db_url)) != NULL;
    if (!ok) {
        analytics_api_destroy (&self);
        return NULL;
    }
    self->requests = sw_metrics_counter (metrics, "sunwai_analytics_api_requests_total",
                                         "API and status page requests.", NULL);
    self->unauthorized =
        sw_metrics_counter (metrics, "sunwai_analytics_api_unauthorized_total",
                            "API requests refused for lack of a valid token.", NULL);
    sw_http_route (http, "GET", "/api/v1/stats", s_on_stats, self);
    sw_http_route (http, "GET", "/api/v1/complaints.csv", s_on_list_csv, self);
    sw_http_route (http, "GET", "/api/v1/complaints", s_on_list, self);
    sw_http_route (http, "GET", "/api/v1/complaints/", s_on_case, self);
    sw_http_route (http, "GET", "/status/", s_on_status, self);
    return self;
}

void
analytics_api_destroy (analytics_api_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    analytics_api_t *self = *self_p;
    for (int i = 0; self->dbs && i < self->size; i++)
        sw_db_destroy (&self->dbs[i]);
    free (self->dbs);
    analytics_slots_fini (&self->slots);
    free (self->timezone);
    free (self);
    *self_p = NULL;
}
