/*  sunwai-router: officers' case commands on the ROUTER socket.

    A command is [identity][type "sunwai.v1.CaseCommand"][body]; the reply
    is always [identity][type "sunwai.v1.CaseReply"][body] with the
    request_id echoed.  The token is checked (SHA-256 of it in tokens, not
    revoked, not expired, officer active), then the officer's scope
    (hq/admin: the state; district: the cases of the officer's district;
    officer: the cases of the officer's unit, or district when the officer
    has no unit; api: no case commands), then the command runs in one
    transaction with the complaint row locked FOR UPDATE.

    Every decoded command, allowed or refused, leaves an audit_log row: in
    the command's own transaction when it succeeds, after the rollback when
    it is refused.  Outbox rows written by a command are pushed to notifier
    after the commit. */
#include "router.h"
#include "sw_frame.h"
#include "sw_log.h"

#include <ctype.h>
#include <inttypes.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_LIST_DEFAULT 50
#define S_LIST_MAX 500

typedef Sunwai__V1__ResultCode s_code_t;
#define S_OK           SUNWAI__V1__RESULT_CODE__RESULT_OK
#define S_BAD_REQUEST  SUNWAI__V1__RESULT_CODE__RESULT_BAD_REQUEST
#define S_UNAUTHORIZED SUNWAI__V1__RESULT_CODE__RESULT_UNAUTHORIZED
#define S_FORBIDDEN    SUNWAI__V1__RESULT_CODE__RESULT_FORBIDDEN
#define S_NOT_FOUND    SUNWAI__V1__RESULT_CODE__RESULT_NOT_FOUND
#define S_CONFLICT     SUNWAI__V1__RESULT_CODE__RESULT_CONFLICT
#define S_UNAVAILABLE  SUNWAI__V1__RESULT_CODE__RESULT_UNAVAILABLE

//  The 16 category codes (DESIGN.md section 5).
static const char *s_categories[] = {
    "emergency", "crime_against_women", "cyber_fraud", "theft", "vehicle_theft", "assault",
    "missing_person", "domestic_violence", "land_dispute", "traffic", "nuisance",
    "police_conduct", "information", "appreciation", "spam", "not_police", NULL
};

static const char *s_statuses[] = {
    "RECEIVED", "CLASSIFIED", "ROUTED", "ACKNOWLEDGED", "RESOLVED", "CLOSED", "REOPENED",
    "REJECTED", NULL
};

//  The complaint a command acts on, as locked.
typedef struct {
    char id[24];
    char docket[64];
    char state[32];
    char status[16];
    char unit[64];
    char district[32];
    char category[48];
    char priority[8];
    char link_kind[16];
} s_case_t;

//  One command in flight.
typedef struct {
    router_t *router;
    sw_db_t *db;
    Sunwai__V1__CaseCommand *command;
    Sunwai__V1__CaseReply *reply;
    const char *action;         //  audit action: acknowledge, note, ...
    //  The officer (empty strings until authenticated)
    char token_id[24];
    char officer_id[24];
    char login[128];
    char role[16];
    char unit[64];
    char district[32];
    char actor[160];
    //  The case, once found
    s_case_t c;
    bool have_case;
    //  The outcome
    s_code_t code;
    char message[512];
    json_t *detail;             //  audit detail
    int64_t outbox_id;          //  to push after commit, or 0
} s_ctx_t;

static void
s_result (s_ctx_t *ctx, s_code_t code, const char *format, ...)
    __attribute__ ((format (printf, 3, 4)));

static void
s_result (s_ctx_t *ctx, s_code_t code, const char *format, ...)
{
    va_list args;
    va_start (args, format);
    vsnprintf (ctx->message, sizeof ctx->message, format, args);
    va_end (args);
    ctx->code = code;
}

static const char *
s_code_name (s_code_t code)
{
    switch (code) {
        case S_OK: return "ok";
        case S_BAD_REQUEST: return "bad_request";
        case S_UNAUTHORIZED: return "unauthorized";
        case S_FORBIDDEN: return "forbidden";
        case S_NOT_FOUND: return "not_found";
        case S_CONFLICT: return "conflict";
        case S_UNAVAILABLE: return "unavailable";
        default: return "unspecified";
    }
}

static const char *
s_action_name (Sunwai__V1__CommandType type)
{
    switch (type) {
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_ACKNOWLEDGE: return "acknowledge";
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_NOTE: return "note";
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_RESOLVE: return "resolve";
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_REASSIGN: return "reassign";
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_DUPLICATE: return "duplicate";
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_REOPEN: return "reopen";
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_RECLASSIFY: return "reclassify";
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_CLOSE: return "close";
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_SHOW: return "show";
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_LIST: return "list";
        default: return "unknown";
    }
}

static bool
s_empty (const char *s)
{
    if (!s)
        return true;
    while (*s && isspace ((unsigned char) *s))
        s++;
    return *s == '\0';
}

static void
s_copy (char *dest, size_t size, const char *src)
{
    snprintf (dest, size, "%s", src ? src : "");
}

//  Replace runs of 10 or more digits with "[number]" (phone, Aadhaar,
//  account numbers). Caller frees.
static char *
s_mask_digits (const char *text)
{
    size_t len = strlen (text);
    char *out = malloc (len + 1 + (len / 10 + 1) * 8);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && isdigit ((unsigned char) text[j]))
            j++;
        if (j - i >= 10) {
            memcpy (out + o, "[number]", 8);
            o += 8;
            i = j;
        }
        else
        if (j > i) {
            memcpy (out + o, text + i, j - i);
            o += j - i;
            i = j;
        }
        else
            out[o++] = text[i++];
    }
    out[o] = '\0';
    return out;
}

//  Mask text with the PII spans of its classification (a JSON array of
//  {kind, start, end} in byte offsets), then any run of 10+ digits left.
//  Caller frees.
static char *
s_mask_text (const char *text, const char *pii_json)
{
    size_t len = strlen (text);
    json_t *pii = pii_json && *pii_json ? json_loads (pii_json, 0, NULL) : NULL;
    char *spanned = NULL;
    if (json_is_array (pii) && json_array_size (pii) > 0) {
        //  Spans in order; overlapping or out-of-range ones are skipped.
        size_t n = json_array_size (pii);
        size_t *starts = calloc (n, sizeof (size_t));
        size_t *ends = calloc (n, sizeof (size_t));
        const char **kinds = calloc (n, sizeof (char *));
        size_t count = 0;
        for (size_t i = 0; starts && ends && kinds && i < n; i++) {
            json_t *span = json_array_get (pii, i);
            json_int_t start = json_integer_value (json_object_get (span, "start"));
            json_int_t end = json_integer_value (json_object_get (span, "end"));
            const char *kind = json_string_value (json_object_get (span, "kind"));
            if (start < 0 || end <= start || (size_t) end > len)
                continue;
            size_t k = count++;
            while (k > 0 && starts[k - 1] > (size_t) start) {
                starts[k] = starts[k - 1];
                ends[k] = ends[k - 1];
                kinds[k] = kinds[k - 1];
                k--;
            }
            starts[k] = (size_t) start;
            ends[k] = (size_t) end;
            kinds[k] = kind && *kind ? kind : "pii";
        }
        size_t cap = len + 1;
        for (size_t i = 0; i < count; i++)
            cap += strlen (kinds[i]) + 2;
        spanned = starts && ends && kinds ? malloc (cap) : NULL;
        if (spanned) {
            size_t o = 0, at = 0;
            for (size_t i = 0; i < count; i++) {
                if (starts[i] < at)
                    continue;
                memcpy (spanned + o, text + at, starts[i] - at);
                o += starts[i] - at;
                o += (size_t) sprintf (spanned + o, "[%s]", kinds[i]);
                at = ends[i];
            }
            memcpy (spanned + o, text + at, len - at);
            o += len - at;
            spanned[o] = '\0';
        }
        free (starts);
        free (ends);
        free (kinds);
    }
    json_decref (pii);
    char *masked = s_mask_digits (spanned ? spanned : text);
    free (spanned);
    return masked;
}

//  Lower-case hex SHA-256 of text into hex[65]. 0 or -1.
static int
s_sha256_hex (const char *text, char *hex)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (!EVP_Digest (text, strlen (text), md, &mdlen, EVP_sha256 (), NULL) || mdlen != 32)
        return -1;
    for (unsigned int i = 0; i < mdlen; i++)
        sprintf (hex + 2 * i, "%02x", md[i]);
    hex[64] = '\0';
    return 0;
}

//  JSON text of obj (compact, keys sorted). Caller frees.
static char *
s_json_text (json_t *obj)
{
    return json_dumps (obj, JSON_COMPACT | JSON_SORT_KEYS);
}

//  --------------------------------------------------------------------------
//  Database steps

//  Look up the token. 0 found (ctx filled), 1 not valid, -1 db error.
static int
s_authenticate (s_ctx_t *ctx)
{
    const char *token = ctx->command->token;
    if (s_empty (token))
        return 1;
    char hex[65];
    if (s_sha256_hex (token, hex) != 0)
        return -1;
    const char *params[] = { hex };
    PGresult *res = sw_db_query (
        ctx->db,
        "UPDATE tokens t SET last_used_at = now()"
        "  FROM officers o"
        " WHERE o.id = t.officer_id AND t.token_hash = decode($1, 'hex')"
        "   AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())"
        "   AND o.active"
        " RETURNING t.id, o.id, o.login, o.role, coalesce(o.unit_code, ''),"
        "           coalesce(o.district_code, '')",
        1, params);
    if (!res)
        return -1;
    int rc = 1;
    if (PQntuples (res) == 1) {
        s_copy (ctx->token_id, sizeof ctx->token_id, PQgetvalue (res, 0, 0));
        s_copy (ctx->officer_id, sizeof ctx->officer_id, PQgetvalue (res, 0, 1));
        s_copy (ctx->login, sizeof ctx->login, PQgetvalue (res, 0, 2));
        s_copy (ctx->role, sizeof ctx->role, PQgetvalue (res, 0, 3));
        s_copy (ctx->unit, sizeof ctx->unit, PQgetvalue (res, 0, 4));
        s_copy (ctx->district, sizeof ctx->district, PQgetvalue (res, 0, 5));
        snprintf (ctx->actor, sizeof ctx->actor, "officer:%s", ctx->login);
        rc = 0;
    }
    PQclear (res);
    return rc;
}

static bool
s_statewide (s_ctx_t *ctx)
{
    return streq (ctx->role, "hq") || streq (ctx->role, "admin");
}

//  Is a case with this unit and district within the officer's scope?
static bool
s_in_scope (s_ctx_t *ctx, const char *unit, const char *district)
{
    if (s_statewide (ctx))
        return true;
    if (streq (ctx->role, "district"))
        return *ctx->district && streq (district, ctx->district);
    if (streq (ctx->role, "officer")) {
        if (*ctx->unit)
            return streq (unit, ctx->unit);
        return *ctx->district && streq (district, ctx->district);
    }
    return false;
}

//  Load (and lock) the complaint named by docket into ctx->c, and check
//  the officer's scope. 0 found and in scope, 1 refused (result set), -1
//  db error.
static int
s_load_case (s_ctx_t *ctx, const char *docket, bool lock)
{
    if (s_empty (docket)) {
        s_result (ctx, S_BAD_REQUEST, "a docket is required");
        return 1;
    }
    const char *params[] = { docket };
    PGresult *res = sw_db_query (
        ctx->db,
        lock ? "SELECT id, docket, state, status, coalesce(unit_code, ''),"
               " coalesce(district_code, ''), coalesce(category, ''), coalesce(priority, ''),"
               " coalesce(link_kind, '')"
               " FROM complaints WHERE docket = $1 FOR UPDATE"
             : "SELECT id, docket, state, status, coalesce(unit_code, ''),"
               " coalesce(district_code, ''), coalesce(category, ''), coalesce(priority, ''),"
               " coalesce(link_kind, '')"
               " FROM complaints WHERE docket = $1",
        1, params);
    if (!res)
        return -1;
    if (PQntuples (res) != 1) {
        PQclear (res);
        s_result (ctx, S_NOT_FOUND, "no complaint with docket %s", docket);
        return 1;
    }
    s_case_t *c = &ctx->c;
    s_copy (c->id, sizeof c->id, PQgetvalue (res, 0, 0));
    s_copy (c->docket, sizeof c->docket, PQgetvalue (res, 0, 1));
    s_copy (c->state, sizeof c->state, PQgetvalue (res, 0, 2));
    s_copy (c->status, sizeof c->status, PQgetvalue (res, 0, 3));
    s_copy (c->unit, sizeof c->unit, PQgetvalue (res, 0, 4));
    s_copy (c->district, sizeof c->district, PQgetvalue (res, 0, 5));
    s_copy (c->category, sizeof c->category, PQgetvalue (res, 0, 6));
    s_copy (c->priority, sizeof c->priority, PQgetvalue (res, 0, 7));
    s_copy (c->link_kind, sizeof c->link_kind, PQgetvalue (res, 0, 8));
    PQclear (res);
    ctx->have_case = true;
    if (!s_in_scope (ctx, c->unit, c->district)) {
        s_result (ctx, S_FORBIDDEN, "%s is outside your scope (%s %s)", c->docket, ctx->role,
                  streq (ctx->role, "district") || !*ctx->unit ? ctx->district : ctx->unit);
        return 1;
    }
    return 0;
}

//  True if the case's status is one of the NULL-terminated list.
static bool
s_status_in (s_ctx_t *ctx, ...)
{
    va_list args;
    va_start (args, ctx);
    bool found = false;
    const char *status;
    while ((status = va_arg (args, const char *)))
        if (streq (status, ctx->c.status))
            found = true;
    va_end (args);
    return found;
}

//  Insert one event for the case; payload is consumed. 0 or -1.
static int
s_event (s_ctx_t *ctx, const char *type, const char *district, json_t *payload)
{
    if (!payload)
        payload = json_object ();
    char *text = payload ? s_json_text (payload) : NULL;
    json_decref (payload);
    if (!text)
        return -1;
    const char *params[] = { ctx->c.id, ctx->c.docket, ctx->c.state,
                             district ? district : ctx->c.district, type, ctx->actor, text };
    int rc = sw_db_exec (ctx->db,
                         "INSERT INTO events (complaint_id, docket, state, district, event_type,"
                         " actor, payload)"
                         " VALUES ($1, $2, $3, coalesce(nullif($4, ''), 'unknown'), $5, $6,"
                         " $7::jsonb)",
                         7, params);
    free (text);
    return rc;
}

//  Set the case's status (and bump version); extra is more SET clauses.
//  The new version into *version if not NULL. 0 or -1.
static int
s_set_status (s_ctx_t *ctx, const char *status, const char *extra, int *version)
{
    char sql[512];
    snprintf (sql, sizeof sql,
              "UPDATE complaints SET status = $2, version = version + 1, updated_at = now()%s%s"
              " WHERE id = $1 RETURNING version",
              extra ? ", " : "", extra ? extra : "");
    const char *params[] = { ctx->c.id, status };
    PGresult *res = sw_db_query (ctx->db, sql, 2, params);
    if (!res)
        return -1;
    if (version && PQntuples (res) == 1)
        *version = atoi (PQgetvalue (res, 0, 0));
    PQclear (res);
    return 0;
}

static int
s_insert_note (s_ctx_t *ctx, const char *text, bool public_note)
{
    const char *params[] = { ctx->c.id, ctx->officer_id, public_note ? "true" : "false", text };
    return sw_db_exec (ctx->db,
                       "INSERT INTO notes (complaint_id, officer_id, public, text)"
                       " VALUES ($1, $2, $3, $4)",
                       4, params);
}

static void
s_conflict (s_ctx_t *ctx, const char *verb)
{
    s_result (ctx, S_CONFLICT, "%s is %s; it cannot be %s", ctx->c.docket, ctx->c.status, verb);
}

//  --------------------------------------------------------------------------
//  The commands. Each returns 0 (result set) or -1 (database error).

static int
s_cmd_acknowledge (s_ctx_t *ctx)
{
    int rc = s_load_case (ctx, ctx->command->docket, true);
    if (rc)
        return rc < 0 ? -1 : 0;
    if (!s_status_in (ctx, "ROUTED", "REOPENED", NULL)) {
        s_conflict (ctx, "acknowledged");
        return 0;
    }
    if (s_set_status (ctx, "ACKNOWLEDGED", "acknowledged_at = now()", NULL)
        || s_event (ctx, "acknowledged", NULL, json_object ()))
        return -1;
    s_result (ctx, S_OK, "%s acknowledged", ctx->c.docket);
    return 0;
}

static int
s_cmd_note (s_ctx_t *ctx)
{
    Sunwai__V1__CaseCommand *command = ctx->command;
    if (s_empty (command->note)) {
        s_result (ctx, S_BAD_REQUEST, "a note needs its text (--note)");
        return 0;
    }
    int rc = s_load_case (ctx, command->docket, true);
    if (rc)
        return rc < 0 ? -1 : 0;
    if (streq (ctx->c.status, "CLOSED")) {
        s_result (ctx, S_CONFLICT, "%s is CLOSED; notes cannot be added (reopen it first)",
                  ctx->c.docket);
        return 0;
    }
    json_object_set_new (ctx->detail, "public", json_boolean (command->public_note));
    if (s_insert_note (ctx, command->note, command->public_note)
        || s_event (ctx, "note", NULL,
                    json_pack ("{s:b}", "public", command->public_note ? 1 : 0)))
        return -1;
    s_result (ctx, S_OK, "%s: %s note added", ctx->c.docket,
              command->public_note ? "public" : "internal");
    return 0;
}

//  The citizen's "resolved" reply, to the channel and recipient of the
//  complaint's acknowledgement. 0 (written, or nothing to write) or -1.
static int
s_resolved_outbox (s_ctx_t *ctx, const char *note, int version)
{
    const char *params[] = { ctx->c.id };
    PGresult *res = sw_db_query (ctx->db,
                                 "SELECT channel, recipient, in_reply_to, coalesce(language, '')"
                                 " FROM outbox WHERE complaint_id = $1 AND kind = 'ack'"
                                 " ORDER BY id LIMIT 1",
                                 1, params);
    if (!res)
        return -1;
    if (PQntuples (res) != 1) {
        PQclear (res);
        sw_log_kv (SW_LOG_INFO, "no acknowledgement to reply to; resolution not sent",
                   "docket", ctx->c.docket, NULL);
        return 0;
    }
    if (!ctx->router->state) {
        PQclear (res);
        sw_log_kv (SW_LOG_WARN, "no state file loaded; resolution not sent", "docket",
                   ctx->c.docket, NULL);
        return 0;
    }
    const char *language = PQgetvalue (res, 0, 3);
    char status_url[512];
    snprintf (status_url, sizeof status_url, "%s%s",
              ctx->router->status_url ? ctx->router->status_url : "", ctx->c.docket);
    char *action_note = s_mask_digits (note);
    char *body = action_note
        ? sw_state_render (ctx->router->state, *language ? language : "hi", "resolved",
                           "docket", ctx->c.docket, "action_note", action_note, "status_url",
                           status_url, NULL)
        : NULL;
    free (action_note);
    if (!body) {
        PQclear (res);
        sw_log_kv (SW_LOG_WARN, "no \"resolved\" template; resolution not sent", "docket",
                   ctx->c.docket, NULL);
        return 0;
    }
    char key[128];
    snprintf (key, sizeof key, "resolved:%s:%d", ctx->c.id, version);
    const char *insert[] = { ctx->c.id,
                             PQgetvalue (res, 0, 0),
                             PQgetvalue (res, 0, 1),
                             PQgetisnull (res, 0, 2) ? NULL : PQgetvalue (res, 0, 2),
                             *language ? language : NULL,
                             body,
                             key };
    PGresult *ins = sw_db_query (ctx->db,
                                 "INSERT INTO outbox (complaint_id, kind, channel, recipient,"
                                 " in_reply_to, language, body, idempotency_key)"
                                 " VALUES ($1, 'resolution', $2, $3, $4, $5, $6, $7)"
                                 " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
                                 7, insert);
    free (body);
    PQclear (res);
    if (!ins)
        return -1;
    if (PQntuples (ins) == 1)
        ctx->outbox_id = strtoll (PQgetvalue (ins, 0, 0), NULL, 10);
    PQclear (ins);
    return 0;
}

static int
s_cmd_resolve (s_ctx_t *ctx)
{
    Sunwai__V1__CaseCommand *command = ctx->command;
    if (s_empty (command->note)) {
        s_result (ctx, S_BAD_REQUEST, "resolve needs an action note (--note): what was done");
        return 0;
    }
    int rc = s_load_case (ctx, command->docket, true);
    if (rc)
        return rc < 0 ? -1 : 0;
    if (!s_status_in (ctx, "ROUTED", "ACKNOWLEDGED", "REOPENED", NULL)) {
        s_conflict (ctx, "resolved");
        return 0;
    }
    int version = 0;
    if (s_set_status (ctx, "RESOLVED", "resolved_at = now()", &version)
        || s_insert_note (ctx, command->note, true)
        || s_event (ctx, "resolved", NULL, json_object ())
        || s_resolved_outbox (ctx, command->note, version))
        return -1;
    //  Reports grouped into this case as one incident are resolved with it,
    //  and each reporter gets the resolution (their rows are pushed by the
    //  re-push timer; only the parent's is pushed at once).
    s_case_t parent = ctx->c;
    int64_t parent_outbox = ctx->outbox_id;
    const char *params[] = { parent.id };
    PGresult *kids = sw_db_query (ctx->db,
                                  "SELECT docket FROM complaints WHERE parent_id = $1"
                                  " AND link_kind = 'incident'"
                                  " AND status IN ('ROUTED', 'ACKNOWLEDGED', 'REOPENED')"
                                  " ORDER BY id",
                                  1, params);
    if (!kids)
        return -1;
    int children = 0;
    for (int i = 0; i < PQntuples (kids); i++) {
        if (s_load_case (ctx, PQgetvalue (kids, i, 0), true) != 0)
            continue;
        int child_version = 0;
        if (s_set_status (ctx, "RESOLVED", "resolved_at = now()", &child_version)
            || s_event (ctx, "resolved", NULL, json_pack ("{s:s}", "with", parent.docket))
            || s_resolved_outbox (ctx, command->note, child_version)) {
            PQclear (kids);
            return -1;
        }
        children++;
    }
    PQclear (kids);
    ctx->c = parent;
    ctx->outbox_id = parent_outbox;
    if (children)
        s_result (ctx, S_OK, "%s resolved, with %d grouped report%s", ctx->c.docket, children,
                  children == 1 ? "" : "s");
    else
        s_result (ctx, S_OK, "%s resolved", ctx->c.docket);
    return 0;
}

static int
s_cmd_reassign (s_ctx_t *ctx)
{
    Sunwai__V1__CaseCommand *command = ctx->command;
    if (s_empty (command->unit)) {
        s_result (ctx, S_BAD_REQUEST, "reassign needs the unit to send the case to");
        return 0;
    }
    const char *uparams[] = { command->unit };
    PGresult *res = sw_db_query (ctx->db, "SELECT 1 FROM units WHERE code = $1", 1, uparams);
    if (!res)
        return -1;
    bool known = PQntuples (res) == 1;
    PQclear (res);
    if (!known) {
        s_result (ctx, S_BAD_REQUEST, "unknown unit \"%s\"", command->unit);
        return 0;
    }
    int rc = s_load_case (ctx, command->docket, true);
    if (rc)
        return rc < 0 ? -1 : 0;
    if (s_status_in (ctx, "RESOLVED", "CLOSED", "REJECTED", NULL)) {
        s_conflict (ctx, "reassigned");
        return 0;
    }
    if (streq (ctx->c.unit, command->unit)) {
        s_result (ctx, S_CONFLICT, "%s is already with %s", ctx->c.docket, command->unit);
        return 0;
    }
    char *reason = s_mask_digits (command->reason ? command->reason : "");
    if (!reason)
        return -1;
    json_object_set_new (ctx->detail, "from", json_string (ctx->c.unit));
    json_object_set_new (ctx->detail, "to", json_string (command->unit));
    const char *params[] = { ctx->c.id, command->unit, ctx->actor };
    rc = sw_db_exec (ctx->db,
                     "UPDATE assignments SET active = false, ended_at = now()"
                     " WHERE complaint_id = $1 AND active",
                     1, params);
    if (rc == 0)
        rc = sw_db_exec (ctx->db,
                         "INSERT INTO assignments (complaint_id, unit_code, rule, actor)"
                         " VALUES ($1, $2, 'reassign', $3)",
                         3, params);
    if (rc == 0)
        rc = sw_db_exec (ctx->db,
                         "UPDATE complaints SET unit_code = $2, escalation_level = 0,"
                         " version = version + 1, updated_at = now() WHERE id = $1",
                         2, params);
    if (rc == 0)
        rc = s_event (ctx, "reassigned", NULL,
                      json_pack ("{s:s?,s:s,s:s}", "from", *ctx->c.unit ? ctx->c.unit : NULL,
                                 "to", command->unit, "reason", reason));
    free (reason);
    if (rc)
        return -1;
    s_result (ctx, S_OK, "%s reassigned from %s to %s", ctx->c.docket,
              *ctx->c.unit ? ctx->c.unit : "(none)", command->unit);
    return 0;
}

static int
s_cmd_duplicate (s_ctx_t *ctx)
{
    Sunwai__V1__CaseCommand *command = ctx->command;
    if (s_empty (command->duplicate_of)) {
        s_result (ctx, S_BAD_REQUEST, "duplicate needs the docket of the original");
        return 0;
    }
    if (command->docket && streq (command->docket, command->duplicate_of)) {
        s_result (ctx, S_BAD_REQUEST, "a complaint cannot be a duplicate of itself");
        return 0;
    }
    int rc = s_load_case (ctx, command->docket, true);
    if (rc)
        return rc < 0 ? -1 : 0;
    const char *oparams[] = { command->duplicate_of };
    PGresult *res = sw_db_query (ctx->db,
                                 "SELECT id, coalesce(parent_id, 0) FROM complaints"
                                 " WHERE docket = $1",
                                 1, oparams);
    if (!res)
        return -1;
    if (PQntuples (res) != 1) {
        PQclear (res);
        s_result (ctx, S_NOT_FOUND, "no complaint with docket %s (the original)",
                  command->duplicate_of);
        return 0;
    }
    char original[24];
    s_copy (original, sizeof original, PQgetvalue (res, 0, 0));
    bool cycle = streq (PQgetvalue (res, 0, 1), ctx->c.id);
    PQclear (res);
    if (cycle) {
        s_result (ctx, S_CONFLICT, "%s is itself linked to %s; not marked", command->duplicate_of,
                  ctx->c.docket);
        return 0;
    }
    if (s_status_in (ctx, "CLOSED", "REJECTED", NULL)) {
        s_conflict (ctx, "marked a duplicate");
        return 0;
    }
    json_object_set_new (ctx->detail, "duplicate_of", json_string (command->duplicate_of));
    const char *params[] = { ctx->c.id, "REJECTED", original };
    if (sw_db_exec (ctx->db,
                    "UPDATE complaints SET status = $2, reject_reason = 'duplicate',"
                    " parent_id = $3, link_kind = 'duplicate', version = version + 1,"
                    " updated_at = now() WHERE id = $1",
                    3, params)
        || s_event (ctx, "rejected", NULL,
                    json_pack ("{s:s,s:s}", "reason", "duplicate", "duplicate_of",
                               command->duplicate_of)))
        return -1;
    s_result (ctx, S_OK, "%s marked a duplicate of %s", ctx->c.docket, command->duplicate_of);
    return 0;
}

static int
s_cmd_reopen (s_ctx_t *ctx)
{
    Sunwai__V1__CaseCommand *command = ctx->command;
    if (s_empty (command->reason)) {
        s_result (ctx, S_BAD_REQUEST, "reopen needs a reason (--reason)");
        return 0;
    }
    int rc = s_load_case (ctx, command->docket, true);
    if (rc)
        return rc < 0 ? -1 : 0;
    if (!s_status_in (ctx, "RESOLVED", "CLOSED", "REJECTED", NULL)) {
        s_conflict (ctx, "reopened");
        return 0;
    }
    char *reason = s_mask_digits (command->reason);
    if (!reason)
        return -1;
    rc = s_set_status (ctx, "REOPENED",
                       "resolved_at = NULL, closed_at = NULL, reject_reason = NULL,"
                       " parent_id = CASE WHEN link_kind = 'duplicate' THEN NULL ELSE parent_id END,"
                       " link_kind = CASE WHEN link_kind = 'duplicate' THEN NULL ELSE link_kind END",
                       NULL);
    if (rc == 0)
        rc = s_event (ctx, "reopened", NULL,
                      json_pack ("{s:s,s:s}", "from", ctx->c.status, "reason", reason));
    free (reason);
    if (rc)
        return -1;
    s_result (ctx, S_OK, "%s reopened", ctx->c.docket);
    return 0;
}

static int
s_cmd_reclassify (s_ctx_t *ctx)
{
    Sunwai__V1__CaseCommand *command = ctx->command;
    const char *category = s_empty (command->category) ? NULL : command->category;
    const char *district = s_empty (command->district) ? NULL : command->district;
    if (!category && !district) {
        s_result (ctx, S_BAD_REQUEST, "reclassify needs a category, a district or both");
        return 0;
    }
    if (category) {
        bool known = false;
        for (int i = 0; s_categories[i]; i++)
            if (streq (s_categories[i], category))
                known = true;
        if (!known) {
            s_result (ctx, S_BAD_REQUEST, "unknown category \"%s\"", category);
            return 0;
        }
    }
    const char *district_name = NULL;
    if (district) {
        district_name = ctx->router->state
            ? sw_state_district_name (ctx->router->state, district) : NULL;
        if (!district_name) {
            s_result (ctx, S_BAD_REQUEST, "unknown district \"%s\" (an LGD code of this state)",
                      district);
            return 0;
        }
    }
    int rc = s_load_case (ctx, command->docket, true);
    if (rc)
        return rc < 0 ? -1 : 0;
    if (streq (ctx->c.status, "CLOSED")) {
        s_conflict (ctx, "reclassified");
        return 0;
    }
    const char *new_category = category ? category : ctx->c.category;
    const char *new_district = district ? district : ctx->c.district;
    if (!*new_category) {
        s_result (ctx, S_BAD_REQUEST, "%s has no category yet; give one", ctx->c.docket);
        return 0;
    }
    if (!district_name && *new_district && ctx->router->state)
        district_name = sw_state_district_name (ctx->router->state, new_district);
    json_object_set_new (ctx->detail, "category", category ? json_string (category) : json_null ());
    json_object_set_new (ctx->detail, "district", district ? json_string (district) : json_null ());
    const char *params[] = { ctx->c.id, new_category,
                             *new_district ? new_district : NULL,
                             district_name,
                             *ctx->c.priority ? ctx->c.priority : NULL,
                             ctx->officer_id };
    rc = sw_db_exec (ctx->db,
                     "INSERT INTO classifications (complaint_id, origin, category, priority,"
                     " district_code, district_name, location_source, officer_id)"
                     " VALUES ($1, 'officer', $2, $5, $3, $4, 'officer', $6)",
                     6, params);
    if (rc == 0)
        rc = sw_db_exec (ctx->db,
                         "INSERT INTO training_labels (complaint_id, text, category, priority,"
                         " district_code, officer_id)"
                         " SELECT id, text, $2, $4, $3, $5 FROM complaints WHERE id = $1",
                         5, (const char *[]) { params[0], params[1], params[2], params[4],
                                               params[5] });
    if (rc == 0)
        rc = sw_db_exec (ctx->db,
                         "UPDATE complaints SET category = $2, district_code = $3,"
                         " needs_review = false, version = version + 1, updated_at = now()"
                         " WHERE id = $1",
                         3, params);
    if (rc == 0)
        rc = s_event (ctx, "reclassified", new_district,
                      json_pack ("{s:s?,s:s?}", "category", category, "district", district));
    if (rc)
        return -1;
    s_result (ctx, S_OK, "%s reclassified: %s, district %s", ctx->c.docket, new_category,
              *new_district ? new_district : "unknown");
    return 0;
}

static int
s_cmd_close (s_ctx_t *ctx)
{
    int rc = s_load_case (ctx, ctx->command->docket, true);
    if (rc)
        return rc < 0 ? -1 : 0;
    if (!streq (ctx->c.status, "RESOLVED")) {
        s_conflict (ctx, "closed");
        return 0;
    }
    json_t *payload = json_object ();
    if (!s_empty (ctx->command->reason)) {
        char *reason = s_mask_digits (ctx->command->reason);
        json_object_set_new (payload, "reason", json_string (reason ? reason : ""));
        free (reason);
    }
    if (s_set_status (ctx, "CLOSED", "closed_at = now()", NULL)
        || s_event (ctx, "closed", NULL, payload))
        return -1;
    s_result (ctx, S_OK, "%s closed", ctx->c.docket);
    return 0;
}

//  Columns of a CaseSummary, in this order, for SHOW and LIST.
#define S_SUMMARY_COLUMNS \
    "c.id, c.docket, c.status, coalesce(c.category, ''), coalesce(c.priority, ''),"       \
    " coalesce(c.district_code, ''), coalesce(c.unit_code, ''),"                           \
    " (extract(epoch FROM c.received_at) * 1000)::bigint,"                                 \
    " coalesce((extract(epoch FROM c.ack_deadline) * 1000)::bigint, 0),"                   \
    " coalesce((extract(epoch FROM c.resolve_deadline) * 1000)::bigint, 0),"               \
    " c.needs_review, c.escalation_level, c.text,"                                         \
    " coalesce((SELECT k.pii::text FROM classifications k WHERE k.complaint_id = c.id"    \
    "           AND k.origin = 'model' ORDER BY k.id DESC LIMIT 1), '[]')"

static Sunwai__V1__Status
s_status_enum (const char *status)
{
    for (int i = 0; s_statuses[i]; i++)
        if (streq (s_statuses[i], status))
            return (Sunwai__V1__Status) (i + 1);
    return SUNWAI__V1__STATUS__STATUS_UNSPECIFIED;
}

static Sunwai__V1__CaseSummary *
s_summary_new (s_ctx_t *ctx, PGresult *res, int row)
{
    Sunwai__V1__CaseSummary *summary = malloc (sizeof *summary);
    if (!summary)
        return NULL;
    sunwai__v1__case_summary__init (summary);
    summary->id = strtoll (PQgetvalue (res, row, 0), NULL, 10);
    summary->docket = strdup (PQgetvalue (res, row, 1));
    summary->status = s_status_enum (PQgetvalue (res, row, 2));
    summary->category = strdup (PQgetvalue (res, row, 3));
    const char *priority = PQgetvalue (res, row, 4);
    summary->priority = streq (priority, "P1") ? SUNWAI__V1__PRIORITY__PRIORITY_P1
                      : streq (priority, "P2") ? SUNWAI__V1__PRIORITY__PRIORITY_P2
                      : streq (priority, "P3") ? SUNWAI__V1__PRIORITY__PRIORITY_P3
                      : SUNWAI__V1__PRIORITY__PRIORITY_UNSPECIFIED;
    const char *district = PQgetvalue (res, row, 5);
    const char *name = *district && ctx->router->state
        ? sw_state_district_name (ctx->router->state, district) : NULL;
    summary->district_name = strdup (name ? name : district);
    summary->unit = strdup (PQgetvalue (res, row, 6));
    summary->received_at_ms = strtoll (PQgetvalue (res, row, 7), NULL, 10);
    summary->ack_deadline_ms = strtoll (PQgetvalue (res, row, 8), NULL, 10);
    summary->resolve_deadline_ms = strtoll (PQgetvalue (res, row, 9), NULL, 10);
    summary->needs_review = streq (PQgetvalue (res, row, 10), "t");
    summary->escalation_level = atoi (PQgetvalue (res, row, 11));
    summary->text = s_mask_text (PQgetvalue (res, row, 12), PQgetvalue (res, row, 13));
    return summary;
}

static void
s_summary_destroy (Sunwai__V1__CaseSummary *summary)
{
    free (summary->docket);
    free (summary->category);
    free (summary->district_name);
    free (summary->unit);
    free (summary->text);
    free (summary);
}

static void
s_hex_to_bin (const char *hex, ProtobufCBinaryData *out)
{
    size_t len = strlen (hex) / 2;
    out->data = malloc (len ? len : 1);
    out->len = out->data ? len : 0;
    for (size_t i = 0; out->data && i < len; i++) {
        unsigned int byte = 0;
        sscanf (hex + 2 * i, "%2x", &byte);
        out->data[i] = (uint8_t) byte;
    }
}

static int
s_cmd_show (s_ctx_t *ctx)
{
    int rc = s_load_case (ctx, ctx->command->docket, false);
    if (rc)
        return rc < 0 ? -1 : 0;
    const char *params[] = { ctx->c.id };
    PGresult *res = sw_db_query (ctx->db,
                                 "SELECT " S_SUMMARY_COLUMNS " FROM complaints c WHERE c.id = $1",
                                 1, params);
    if (!res)
        return -1;
    Sunwai__V1__CaseReply *reply = ctx->reply;
    reply->cases = calloc (1, sizeof (Sunwai__V1__CaseSummary *));
    if (reply->cases && PQntuples (res) == 1) {
        reply->cases[0] = s_summary_new (ctx, res, 0);
        reply->n_cases = reply->cases[0] ? 1 : 0;
    }
    PQclear (res);
    res = sw_db_query (ctx->db,
                       "SELECT seq, coalesce(docket, ''), state, district, event_type, actor,"
                       " floor(extract(epoch FROM at) * 1000)::bigint, encode(prev_hash, 'hex'),"
                       " encode(hash, 'hex'), payload::text"
                       " FROM events WHERE complaint_id = $1 ORDER BY seq",
                       1, params);
    if (!res)
        return -1;
    int rows = PQntuples (res);
    reply->history = calloc (rows ? rows : 1, sizeof (Sunwai__V1__EventEnvelope *));
    for (int i = 0; reply->history && i < rows; i++) {
        Sunwai__V1__EventEnvelope *event = malloc (sizeof *event);
        if (!event)
            break;
        sunwai__v1__event_envelope__init (event);
        event->seq = strtoll (PQgetvalue (res, i, 0), NULL, 10);
        event->complaint_id = strtoll (ctx->c.id, NULL, 10);
        event->docket = strdup (PQgetvalue (res, i, 1));
        event->state = strdup (PQgetvalue (res, i, 2));
        event->district = strdup (PQgetvalue (res, i, 3));
        event->event_type = strdup (PQgetvalue (res, i, 4));
        event->actor = strdup (PQgetvalue (res, i, 5));
        event->at_ms = strtoll (PQgetvalue (res, i, 6), NULL, 10);
        s_hex_to_bin (PQgetvalue (res, i, 7), &event->prev_hash);
        s_hex_to_bin (PQgetvalue (res, i, 8), &event->hash);
        event->payload_json = strdup (PQgetvalue (res, i, 9));
        reply->history[reply->n_history++] = event;
    }
    PQclear (res);
    s_result (ctx, S_OK, "%s: %s, %zu event%s", ctx->c.docket, ctx->c.status,
              reply->n_history, reply->n_history == 1 ? "" : "s");
    return 0;
}

static int
s_cmd_list (s_ctx_t *ctx)
{
    Sunwai__V1__CaseCommand *command = ctx->command;
    const char *filter = s_empty (command->status) ? "open" : command->status;
    char statuses[128] = "";
    if (strcasecmp (filter, "open") == 0)
        s_copy (statuses, sizeof statuses, "ROUTED,ACKNOWLEDGED,REOPENED");
    else
    if (strcasecmp (filter, "closed") == 0)
        s_copy (statuses, sizeof statuses, "RESOLVED,CLOSED,REJECTED");
    else
    if (strcasecmp (filter, "any") != 0) {
        for (int i = 0; s_statuses[i]; i++)
            if (strcasecmp (s_statuses[i], filter) == 0)
                s_copy (statuses, sizeof statuses, s_statuses[i]);
        if (!*statuses) {
            s_result (ctx, S_BAD_REQUEST,
                      "unknown status filter \"%s\" (open, closed, any or a status name)",
                      filter);
            return 0;
        }
    }
    int limit = command->limit > 0 ? command->limit : S_LIST_DEFAULT;
    if (limit > S_LIST_MAX)
        limit = S_LIST_MAX;
    char limit_text[16], after[24];
    snprintf (limit_text, sizeof limit_text, "%d", limit);
    snprintf (after, sizeof after, "%" PRId64, command->after_id > 0 ? command->after_id : 0);
    //  The officer's scope as filters.
    const char *scope_unit = "", *scope_district = "";
    if (!s_statewide (ctx)) {
        if (streq (ctx->role, "officer") && *ctx->unit)
            scope_unit = ctx->unit;
        else
            scope_district = *ctx->district ? ctx->district : "\x01none";
    }
    const char *params[] = { statuses, command->unit ? command->unit : "",
                             command->district ? command->district : "", scope_unit,
                             scope_district, after, limit_text };
    PGresult *res = sw_db_query (
        ctx->db,
        "SELECT " S_SUMMARY_COLUMNS " FROM complaints c"
        " WHERE ($1 = '' OR c.status = ANY (string_to_array ($1, ',')))"
        "   AND ($2 = '' OR c.unit_code = $2) AND ($3 = '' OR c.district_code = $3)"
        "   AND ($4 = '' OR c.unit_code = $4) AND ($5 = '' OR c.district_code = $5)"
        "   AND c.id > $6::bigint"
        " ORDER BY c.resolve_deadline NULLS LAST, c.id LIMIT $7::integer",
        7, params);
    if (!res)
        return -1;
    int rows = PQntuples (res);
    Sunwai__V1__CaseReply *reply = ctx->reply;
    reply->cases = calloc (rows ? rows : 1, sizeof (Sunwai__V1__CaseSummary *));
    for (int i = 0; reply->cases && i < rows; i++) {
        Sunwai__V1__CaseSummary *summary = s_summary_new (ctx, res, i);
        if (summary)
            reply->cases[reply->n_cases++] = summary;
    }
    PQclear (res);
    json_object_set_new (ctx->detail, "status", json_string (filter));
    json_object_set_new (ctx->detail, "count", json_integer ((json_int_t) reply->n_cases));
    s_result (ctx, S_OK, "%zu case%s", reply->n_cases, reply->n_cases == 1 ? "" : "s");
    return 0;
}

//  --------------------------------------------------------------------------

//  One audit row. 0 or -1.
static int
s_audit (s_ctx_t *ctx)
{
    json_object_set_new (ctx->detail, "message", json_string (ctx->message));
    if (!s_empty (ctx->command->request_id))
        json_object_set_new (ctx->detail, "request_id", json_string (ctx->command->request_id));
    char *detail = s_json_text (ctx->detail);
    const char *docket = s_empty (ctx->command->docket) ? NULL : ctx->command->docket;
    const char *params[] = { *ctx->officer_id ? ctx->officer_id : NULL,
                             *ctx->token_id ? ctx->token_id : NULL,
                             ctx->action,
                             docket,
                             ctx->have_case ? ctx->c.id : NULL,
                             s_code_name (ctx->code),
                             detail ? detail : "{}" };
    int rc = sw_db_exec (ctx->db,
                         "INSERT INTO audit_log (officer_id, token_id, action, docket,"
                         " complaint_id, result, detail)"
                         " VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
                         7, params);
    free (detail);
    return rc;
}

//  Run the command in ctx: authenticate, dispatch, commit or roll back,
//  audit.
static void
s_run (s_ctx_t *ctx)
{
    int rc = s_authenticate (ctx);
    if (rc < 0) {
        s_result (ctx, S_UNAVAILABLE, "database error; try again");
        return;
    }
    if (rc > 0) {
        s_result (ctx, S_UNAUTHORIZED, "unknown, expired or revoked token");
        s_audit (ctx);
        return;
    }
    if (!s_statewide (ctx) && !streq (ctx->role, "district") && !streq (ctx->role, "officer")) {
        s_result (ctx, S_FORBIDDEN, "role \"%s\" cannot use case commands", ctx->role);
        s_audit (ctx);
        return;
    }
    int (*handler) (s_ctx_t *) = NULL;
    switch (ctx->command->type) {
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_ACKNOWLEDGE: handler = s_cmd_acknowledge; break;
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_NOTE: handler = s_cmd_note; break;
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_RESOLVE: handler = s_cmd_resolve; break;
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_REASSIGN: handler = s_cmd_reassign; break;
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_DUPLICATE: handler = s_cmd_duplicate; break;
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_REOPEN: handler = s_cmd_reopen; break;
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_RECLASSIFY: handler = s_cmd_reclassify; break;
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_CLOSE: handler = s_cmd_close; break;
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_SHOW: handler = s_cmd_show; break;
        case SUNWAI__V1__COMMAND_TYPE__COMMAND_LIST: handler = s_cmd_list; break;
        default: break;
    }
    if (!handler) {
        s_result (ctx, S_BAD_REQUEST, "unknown command type %d", (int) ctx->command->type);
        s_audit (ctx);
        return;
    }
    if (sw_db_begin (ctx->db) != 0) {
        s_result (ctx, S_UNAVAILABLE, "database error; try again");
        return;
    }
    ctx->code = SUNWAI__V1__RESULT_CODE__RESULT_UNSPECIFIED;
    rc = handler (ctx);
    if (rc == 0 && ctx->code == S_OK && s_audit (ctx) == 0 && sw_db_commit (ctx->db) == 0)
        return;
    sw_db_rollback (ctx->db);
    ctx->outbox_id = 0;
    if (rc != 0 || ctx->code == S_OK) {
        //  The database failed part-way: nothing was changed.
        sw_log_kv (SW_LOG_WARN, "case command failed in the database", "action", ctx->action,
                   "docket", ctx->command->docket, "error", sw_db_last_error (ctx->db), NULL);
        s_result (ctx, S_UNAVAILABLE, "database error; nothing was changed; try again");
    }
    if (sw_db_connected (ctx->db))
        s_audit (ctx);
}

void
router_handle_command (router_t *self, zmsg_t *msg)
{
    assert (self);
    if (!msg)
        return;
    zframe_t *identity = zmsg_pop (msg);
    Sunwai__V1__CaseReply reply = SUNWAI__V1__CASE_REPLY__INIT;
    Sunwai__V1__CaseCommand *command = NULL;
    char err[256] = "";
    if (zmsg_size (msg) != 2)
        snprintf (err, sizeof err, "message has %zu frames, expected 2", zmsg_size (msg));
    else {
        zframe_t *type = zmsg_first (msg);
        zframe_t *body = zmsg_next (msg);
        command = (Sunwai__V1__CaseCommand *) sw_frame_decode_frames (
            type, body, &sunwai__v1__case_command__descriptor, err, sizeof err);
    }
    s_ctx_t ctx;
    memset (&ctx, 0, sizeof ctx);
    if (!command) {
        sw_counter_inc (self->bad_command);
        sw_log_kv (SW_LOG_WARN, "could not decode case command", "reason", err, NULL);
        reply.code = S_BAD_REQUEST;
        reply.message = err;
    }
    else {
        ctx.router = self;
        ctx.db = sw_server_db (self->server);
        ctx.command = command;
        ctx.reply = &reply;
        ctx.action = s_action_name (command->type);
        ctx.detail = json_object ();
        if (!ctx.db || !sw_db_connected (ctx.db) || !sw_server_db_ready (self->server))
            s_result (&ctx, S_UNAVAILABLE, "the database is down; try again");
        else
            s_run (&ctx);
        reply.request_id = command->request_id;
        reply.code = ctx.code;
        reply.message = ctx.message;
        sw_log_kv (ctx.code == S_OK ? SW_LOG_INFO : SW_LOG_WARN, "case command",
                   "action", ctx.action, "docket", s_empty (command->docket) ? NULL : command->docket,
                   "officer", *ctx.login ? ctx.login : NULL, "result", s_code_name (ctx.code),
                   NULL);
    }
    zmsg_t *out = sw_frame_encode (&reply.base);
    if (out && identity) {
        zmsg_prepend (out, &identity);
        if (zmsg_send (&out, self->commands) != 0)
            sw_log (SW_LOG_WARN, "could not send case reply");
    }
    zmsg_destroy (&out);
    zframe_destroy (&identity);
    //  Jobs go to notifier only after the commit.
    if (ctx.outbox_id > 0)
        router_push_outbox (self, &ctx.outbox_id, 1);
    for (size_t i = 0; i < reply.n_cases; i++)
        s_summary_destroy (reply.cases[i]);
    free (reply.cases);
    for (size_t i = 0; i < reply.n_history; i++) {
        Sunwai__V1__EventEnvelope *event = reply.history[i];
        free (event->docket);
        free (event->state);
        free (event->district);
        free (event->event_type);
        free (event->actor);
        free (event->prev_hash.data);
        free (event->hash.data);
        free (event->payload_json);
        free (event);
    }
    free (reply.history);
    json_decref (ctx.detail);
    if (command)
        protobuf_c_message_free_unpacked (&command->base, NULL);
}
