/*  console: the officer console's routes.

      GET  /console/login                 the sign-in page
      POST /console/login                 token=<officer token> (form): a session
      POST /console/logout                ends the session (CSRF required)
      GET  /console/                      the queue page
      GET  /console/case/{docket}         the case page
      GET  /console/api/session           who is signed in, and the CSRF token
      GET  /console/api/queue             open cases in scope, by SLA deadline
      GET  /console/api/case/{docket}     a case: thread, classifications,
                                          history, notes, linked reports
      GET  /console/api/units             units, for reassignment
      POST /console/api/case/{docket}/{action}   a case command (JSON body)

    Security model (docs/web.md):
    - Sign-in checks the token as the API does (SHA-256 in tokens, not
      revoked or expired, officer active); API tokens cannot sign in.  The
      session cookie is HttpOnly, SameSite=Strict, Path=/, and Secure
      (named __Host-…) when console.secure_cookie is set.
    - Every request re-checks the session's token, so revoking a token or
      deactivating an officer ends their sessions at once, and scope comes
      from the officers row as it is now.
    - Every POST but sign-in needs the session's CSRF token (header
      X-CSRF-Token, or form field csrf for the sign-out form), compared in
      constant time; any POST whose Origin header names another origin is
      refused.  Actions take a JSON body only.
    - Reads are scoped as the API is (ANALYTICS_SCOPE_SQL); actions go to
      router with the officer's own token, and router checks scope again
      and audits them.
    - Complaint text, follow-ups, notes and event payloads are masked
      (sw_pii) as in the API; the citizen's identity is not shown. */
#include "analytics.h"
#include "sw_log.h"
#include "sw_pii.h"

#include <ctype.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define S_TEXT_MAX 2000 //  bytes of a note, action note or reason
#define S_QUEUE_MAX 500 //  cases in one queue answer

struct _analytics_console_t {
    analytics_api_t *api;           //  connection pool and token lookup (not owned)
    analytics_web_t *web;           //  the pages (not owned)
    analytics_sessions_t *sessions; //  sign-in sessions (not owned)
    analytics_commands_t *commands; //  case commands to router (not owned)
    bool secure;                    //  Secure cookie, named __Host-sunwai_session
    const char *cookie;             //  the cookie's name
    long max_age_s;                 //  cookie Max-Age
    sw_counter_t *signins;          //  sessions started
    sw_counter_t *refused;          //  sign-ins refused
    sw_counter_t *csrf_refused;     //  POSTs refused for a missing or wrong CSRF token
    sw_counter_t *actions;          //  case commands sent to router
    sw_counter_t *action_failures;  //  case commands router did not answer
};

//  One authenticated request.
typedef struct {
    char id[65];                 //  the session id from the cookie
    analytics_session_t session; //  a copy of the session
    analytics_caller_t caller;   //  the officer, as the tokens table says now
    sw_db_t *db;                 //  a pooled connection, or NULL
    int slot;                    //  its slot in the pool
} s_ctx_t;

//  --------------------------------------------------------------------------
//  Small helpers

static void
s_redirect (sw_http_response_t *response, const char *location)
{
    sw_http_response_status (response, 303);
    sw_http_response_header (response, "Location", location);
    sw_http_response_header (response, "Cache-Control", "no-store");
}

//  The value of cookie name in the Cookie header into out; false if absent
//  or too long.
static bool
s_cookie (sw_http_request_t *request, const char *name, char *out, size_t size)
{
    const char *header = sw_http_request_header (request, "cookie");
    size_t len = strlen (name);
    for (const char *p = header; p && *p;) {
        while (*p == ' ' || *p == ';')
            p++;
        const char *end = strchr (p, ';');
        size_t item = end ? (size_t)(end - p) : strlen (p);
        if (item > len && strncmp (p, name, len) == 0 && p[len] == '=') {
            size_t value = item - len - 1;
            if (value >= size)
                return false;
            memcpy (out, p + len + 1, value);
            out[value] = 0;
            return true;
        }
        p = end;
    }
    return false;
}

static int
s_hex_digit (char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower ((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

//  Field name of an application/x-www-form-urlencoded body, decoded into
//  out; false if absent, malformed or too long.
static bool
s_form (const char *body, const char *name, char *out, size_t size)
{
    size_t len = strlen (name);
    for (const char *p = body; p && *p;) {
        const char *end = strchr (p, '&');
        size_t item = end ? (size_t)(end - p) : strlen (p);
        if (item >= len + 1 && strncmp (p, name, len) == 0 && p[len] == '=') {
            size_t o = 0;
            for (size_t i = len + 1; i < item; i++) {
                char c = p[i];
                if (c == '+')
                    c = ' ';
                else if (c == '%') {
                    int hi = i + 2 < item ? s_hex_digit (p[i + 1]) : -1;
                    int lo = i + 2 < item ? s_hex_digit (p[i + 2]) : -1;
                    if (hi < 0 || lo < 0)
                        return false;
                    c = (char)(hi * 16 + lo);
                    i += 2;
                }
                if (c == 0 || o + 1 >= size)
                    return false;
                out[o++] = c;
            }
            out[o] = 0;
            return true;
        }
        p = end ? end + 1 : NULL;
    }
    return false;
}

//  A POST that names another origin is refused (a second wall behind
//  SameSite=Strict and the CSRF token).  No Origin header: allowed.
static bool
s_same_origin (sw_http_request_t *request)
{
    const char *origin = sw_http_request_header (request, "origin");
    const char *host = sw_http_request_header (request, "host");
    if (!origin)
        return true;
    if (!host)
        return false;
    const char *rest = strncmp (origin, "http://", 7) == 0    ? origin + 7
                       : strncmp (origin, "https://", 8) == 0 ? origin + 8
                                                              : NULL;
    return rest && strcasecmp (rest, host) == 0;
}

static void
s_set_cookie (analytics_console_t *self, sw_http_response_t *response, const char *value,
              long max_age)
{
    char cookie[256];
    snprintf (cookie, sizeof cookie, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Strict%s",
              self->cookie, value, max_age, self->secure ? "; Secure" : "");
    sw_http_response_header (response, "Set-Cookie", cookie);
}

static void
s_leave (analytics_console_t *self, s_ctx_t *ctx)
{
    if (ctx->db)
        analytics_api_release (self->api, ctx->slot);
    ctx->db = NULL;
}

//  Authenticate a console request: session from the cookie, CSRF for a
//  POST, a pooled connection, the token checked again.  0 (ctx filled;
//  s_leave it), or -1 (answered: a redirect to sign-in for pages, 401 for
//  the API, 403 for CSRF, 503 without a database).
static int
s_enter (analytics_console_t *self, sw_http_request_t *request, sw_http_response_t *response,
         bool page, bool post, s_ctx_t *ctx)
{
    memset (ctx, 0, sizeof *ctx);
    if (!s_cookie (request, self->cookie, ctx->id, sizeof ctx->id) ||
        analytics_sessions_lookup (self->sessions, ctx->id, &ctx->session) != 0) {
        if (page)
            s_redirect (response, "/console/login");
        else
            sw_http_response_error (response, 401, "unauthorized", "sign in first");
        return -1;
    }
    if (post) {
        const char *csrf = sw_http_request_header (request, "x-csrf-token");
        char form[80] = "";
        if (!csrf && s_form (sw_http_request_body (request), "csrf", form, sizeof form))
            csrf = form;
        if (!s_same_origin (request) || !analytics_sessions_csrf_ok (&ctx->session, csrf)) {
            sw_counter_inc (self->csrf_refused);
            sw_log_kv (SW_LOG_WARN, "console request refused: missing or wrong CSRF token", "login",
                       ctx->session.login, "path", sw_http_request_path (request), "remote",
                       sw_http_request_remote (request), NULL);
            sw_http_response_error (response, 403, "csrf",
                                    "missing or wrong CSRF token; reload the page");
            return -1;
        }
    }
    ctx->db = analytics_api_acquire (self->api, &ctx->slot);
    if (!ctx->db) {
        analytics_unavailable (response);
        return -1;
    }
    int rc = analytics_api_lookup (self->api, ctx->db, ctx->session.token, &ctx->caller);
    if (rc < 0) {
        s_leave (self, ctx);
        analytics_unavailable (response);
        return -1;
    }
    if (rc > 0 || streq (ctx->caller.role, "api")) {
        s_leave (self, ctx);
        analytics_sessions_remove (self->sessions, ctx->id);
        sw_log_kv (SW_LOG_INFO, "console session ended: the token is no longer valid", "login",
                   ctx->session.login, NULL);
        if (page)
            s_redirect (response, "/console/login");
        else
            sw_http_response_error (response, 401, "unauthorized",
                                    "your token is no longer valid; sign in again");
        return -1;
    }
    return 0;
}

//  --------------------------------------------------------------------------
//  Sign-in and sign-out

static void
s_signin_page (analytics_console_t *self, sw_http_response_t *response, int status,
               const char *error_key, const char *error_text)
{
    size_t size;
    const char *page = analytics_web_asset (self->web, "login.html", &size);
    if (!page) {
        analytics_web_serve (self->web, "login.html", 200, response);
        return;
    }
    const char *marker = "<!--SIGNIN-ERROR-->";
    const char *at = error_key ? strstr (page, marker) : NULL;
    if (!at) {
        analytics_web_serve (self->web, "login.html", status, response);
        return;
    }
    zchunk_t *html = zchunk_new (NULL, size + 256);
    zchunk_extend (html, page, (size_t)(at - page));
    const char *open = "<p class=\"error\" id=\"signin-error\" role=\"alert\" data-i18n=\"";
    zchunk_extend (html, open, strlen (open));
    analytics_html_escape (html, error_key);
    zchunk_extend (html, "\">", 2);
    analytics_html_escape (html, error_text);
    zchunk_extend (html, "</p>", 4);
    const char *rest = at + strlen (marker);
    zchunk_extend (html, rest, size - (size_t)(rest - page));
    analytics_web_html_headers (response);
    sw_http_response_header (response, "Cache-Control", "no-store");
    sw_http_response_status (response, status);
    sw_http_response_body (response, "text/html; charset=utf-8", (const char *)zchunk_data (html),
                           zchunk_size (html));
    zchunk_destroy (&html);
}

//  POST /console/login
static void
s_on_signin (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    analytics_console_t *self = (analytics_console_t *)arg;
    char token[513];
    if (!s_same_origin (request)) {
        sw_counter_inc (self->refused);
        sw_http_response_error (response, 403, "forbidden", "cross-origin sign-in refused");
        return;
    }
    if (!s_form (sw_http_request_body (request), "token", token, sizeof token) || !*token) {
        sw_counter_inc (self->refused);
        s_signin_page (self, response, 400, "signin.missing", "Enter your officer token.");
        return;
    }
    //  Tokens are pasted: forgive the spaces around them.
    char *start = token;
    while (*start == ' ')
        start++;
    size_t len = strlen (start);
    while (len && start[len - 1] == ' ')
        start[--len] = 0;
    int slot;
    sw_db_t *db = analytics_api_acquire (self->api, &slot);
    if (!db) {
        analytics_unavailable (response);
        return;
    }
    analytics_caller_t caller;
    int rc = analytics_api_lookup (self->api, db, start, &caller);
    analytics_api_release (self->api, slot);
    if (rc < 0) {
        analytics_unavailable (response);
        return;
    }
    if (rc > 0 || streq (caller.role, "api") || streq (caller.scope, "none")) {
        sw_counter_inc (self->refused);
        sw_log_kv (SW_LOG_INFO, "console sign-in refused", "reason",
                   rc > 0                       ? "unknown, expired or revoked token"
                   : streq (caller.role, "api") ? "API token"
                                                : "officer has no unit or district",
                   "remote", sw_http_request_remote (request), NULL);
        if (rc == 0 && streq (caller.role, "api"))
            s_signin_page (self, response, 403, "signin.api",
                           "API tokens cannot sign in to the console.");
        else
            s_signin_page (self, response, 401, "signin.refused",
                           "Sign-in refused: unknown, expired or revoked token.");
        return;
    }
    char id[65];
    analytics_session_t session;
    if (analytics_sessions_create (self->sessions, start, caller.login, id, &session) != 0) {
        sw_http_response_error (response, 500, "internal", "could not start a session");
        return;
    }
    sodium_memzero (token, sizeof token);
    sw_counter_inc (self->signins);
    sw_log_kv (SW_LOG_INFO, "officer signed in to the console", "login", caller.login, "role",
               caller.role, "remote", sw_http_request_remote (request), NULL);
    s_set_cookie (self, response, id, self->max_age_s);
    s_redirect (response, "/console/");
}

//  POST /console/logout
static void
s_on_signout (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    analytics_console_t *self = (analytics_console_t *)arg;
    char id[65];
    analytics_session_t session;
    if (s_cookie (request, self->cookie, id, sizeof id) &&
        analytics_sessions_lookup (self->sessions, id, &session) == 0) {
        const char *csrf = sw_http_request_header (request, "x-csrf-token");
        char form[80] = "";
        if (!csrf && s_form (sw_http_request_body (request), "csrf", form, sizeof form))
            csrf = form;
        if (!s_same_origin (request) || !analytics_sessions_csrf_ok (&session, csrf)) {
            sw_counter_inc (self->csrf_refused);
            sw_http_response_error (response, 403, "csrf", "missing or wrong CSRF token");
            return;
        }
        analytics_sessions_remove (self->sessions, id);
        sw_log_kv (SW_LOG_INFO, "officer signed out of the console", "login", session.login, NULL);
    }
    s_set_cookie (self, response, "", 0);
    s_redirect (response, "/console/login");
}

//  --------------------------------------------------------------------------
//  Reads

static json_t *
s_str_or_null (const char *value)
{
    return *value ? json_string (value) : json_null ();
}

static json_t *
s_masked (const char *text)
{
    char *masked = sw_pii_mask (text);
    json_t *value = json_string (masked ? masked : "");
    free (masked);
    return value;
}

//  GET /console/api/session
static void
s_api_session (analytics_console_t *self, s_ctx_t *ctx, sw_http_response_t *response)
{
    analytics_caller_t *c = &ctx->caller;
    analytics_reply_json (response, 200,
                  json_pack ("{s:s,s:s,s:s,s:s,s:o,s:o,s:s}", "login", c->login, "name", c->name,
                             "role", c->role, "scope", c->scope, "unit", s_str_or_null (c->unit),
                             "district", s_str_or_null (c->district), "csrf", ctx->session.csrf));
}

//  GET /console/api/queue?status=&district=&unit=&category=&priority=&review=&limit=
static void
s_api_queue (analytics_console_t *self, s_ctx_t *ctx, sw_http_request_t *request,
             sw_http_response_t *response)
{
    char status[16] = "open", district[64], unit[64], category[64], priority[4];
    const char *value = sw_http_request_query (request, "status");
    if (value && *value) {
        if (!analytics_valid_code (value, sizeof status - 1)) {
            sw_http_response_error (response, 400, "bad_request", "bad status");
            return;
        }
        snprintf (status, sizeof status, "%s", value);
        if (!streq (status, "open") && !streq (status, "closed") && !streq (status, "any"))
            for (char *p = status; *p; p++)
                *p = (char)toupper ((unsigned char)*p);
    }
    if (!analytics_code_arg (request, response, "district", district, sizeof district) ||
        !analytics_code_arg (request, response, "unit", unit, sizeof unit) ||
        !analytics_code_arg (request, response, "category", category, sizeof category) ||
        !analytics_code_arg (request, response, "priority", priority, sizeof priority))
        return;
    const char *review = sw_http_request_query (request, "review");
    const char *review_param = review && streq (review, "1") ? "true" : NULL;
    long limit = 200;
    value = sw_http_request_query (request, "limit");
    if (value && *value) {
        char *end;
        limit = strtol (value, &end, 10);
        if (*end || limit < 1 || limit > S_QUEUE_MAX) {
            sw_http_response_error (response, 400, "bad_request", "limit must be 1..500");
            return;
        }
    }
    char count[16];
    snprintf (count, sizeof count, "%ld", limit);
    const char *params[] = {ctx->caller.scope,
                            ctx->caller.district,
                            ctx->caller.unit,
                            status,
                            *district ? district : NULL,
                            *unit ? unit : NULL,
                            *category ? category : NULL,
                            *priority ? priority : NULL,
                            review_param,
                            count};
    PGresult *res = sw_db_query (
        ctx->db,
        "SELECT c.docket, c.status, coalesce(c.category, ''), coalesce(c.priority, ''),"
        " coalesce(c.district_code, ''), coalesce(c.unit_code, ''),"
        " " ANALYTICS_TIME ("c.received_at") ", " ANALYTICS_TIME (
            "c.ack_deadline") ","
                              " " ANALYTICS_TIME ("c.resolve_deadline") ", " ANALYTICS_TIME (
                                  "c.acknowledged_at") ","
                                                       " c.needs_review, c.escalation_level, "
                                                       "c.manual_triage,"
                                                       " coalesce((SELECT k.district_name FROM "
                                                       "classifications k WHERE k.complaint_id = "
                                                       "c.id"
                                                       "           ORDER BY k.id DESC LIMIT 1), "
                                                       "''),"
                                                       " (SELECT count(*) FROM complaints ch WHERE "
                                                       "ch.parent_id = c.id"
                                                       "    AND ch.link_kind = 'incident')"
                                                       " FROM complaints c"
                                                       " WHERE " ANALYTICS_SCOPE_SQL
                                                       "   AND ($4 = 'any'"
                                                       "        OR ($4 = 'open' AND c.status IN "
                                                       "('RECEIVED', 'CLASSIFIED', 'ROUTED',"
                                                       "                                         "
                                                       "'ACKNOWLEDGED', 'REOPENED')"
                                                       "            AND c.link_kind IS DISTINCT "
                                                       "FROM 'incident')"
                                                       "        OR ($4 = 'closed' AND c.status IN "
                                                       "('RESOLVED', 'CLOSED', 'REJECTED'))"
                                                       "        OR c.status = $4)"
                                                       "   AND ($5::text IS NULL OR "
                                                       "c.district_code = $5)"
                                                       "   AND ($6::text IS NULL OR c.unit_code = "
                                                       "$6)"
                                                       "   AND ($7::text IS NULL OR c.category = "
                                                       "$7)"
                                                       "   AND ($8::text IS NULL OR c.priority = "
                                                       "$8)"
                                                       "   AND ($9::boolean IS NULL OR "
                                                       "c.needs_review = $9)"
                                                       " ORDER BY c.resolve_deadline NULLS LAST, "
                                                       "c.id"
                                                       " LIMIT $10::integer",
        10, params);
    if (!res) {
        analytics_unavailable (response);
        return;
    }
    static const char *names[] = {
        "docket",      "status",       "category",         "priority",        "district", "unit",
        "received_at", "ack_deadline", "resolve_deadline", "acknowledged_at", NULL};
    json_t *cases = json_array ();
    for (int i = 0; i < PQntuples (res); i++) {
        json_t *item = json_object ();
        for (int col = 0; names[col]; col++)
            json_object_set_new (item, names[col], s_str_or_null (PQgetvalue (res, i, col)));
        json_object_set_new (item, "needs_review",
                             json_boolean (streq (PQgetvalue (res, i, 10), "t")));
        json_object_set_new (item, "escalation_level",
                             json_integer (atoi (PQgetvalue (res, i, 11))));
        json_object_set_new (item, "manual_triage",
                             json_boolean (streq (PQgetvalue (res, i, 12), "t")));
        json_object_set_new (item, "district_name", s_str_or_null (PQgetvalue (res, i, 13)));
        json_object_set_new (item, "reports", json_integer (1 + atoi (PQgetvalue (res, i, 14))));
        json_array_append_new (cases, item);
    }
    PQclear (res);
    analytics_reply_json (response, 200,
                  json_pack ("{s:o,s:I,s:s}", "cases", cases, "now_ms", (json_int_t)zclock_time (),
                             "status", status));
}

//  GET /console/api/units
static void
s_api_units (analytics_console_t *self, s_ctx_t *ctx, sw_http_response_t *response)
{
    PGresult *res = sw_db_query (ctx->db,
                                 "SELECT code, name, kind, coalesce(district_code, '')"
                                 " FROM units ORDER BY name, code",
                                 0, NULL);
    if (!res) {
        analytics_unavailable (response);
        return;
    }
    json_t *units = json_array ();
    for (int i = 0; i < PQntuples (res); i++)
        json_array_append_new (
            units, json_pack ("{s:s,s:s,s:s,s:o}", "code", PQgetvalue (res, i, 0), "name",
                              PQgetvalue (res, i, 1), "kind", PQgetvalue (res, i, 2), "district",
                              s_str_or_null (PQgetvalue (res, i, 3))));
    PQclear (res);
    analytics_reply_json (response, 200, json_pack ("{s:o}", "units", units));
}

//  GET /console/api/case/{docket}
static void
s_api_case (analytics_console_t *self, s_ctx_t *ctx, const char *docket,
            sw_http_response_t *response)
{
    if (!analytics_valid_code (docket, 40)) {
        sw_http_response_error (response, 404, "not_found", "no such docket");
        return;
    }
    const char *params[] = {ctx->caller.scope, ctx->caller.district, ctx->caller.unit, docket};
    PGresult *res =
        sw_db_query (
            ctx->db,
            "SELECT c.id, c.docket, c.status, coalesce(c.category, ''), coalesce(c.priority, ''),"
            " coalesce(c.district_code, ''), coalesce(c.unit_code, ''), c.channel,"
            " coalesce(c.language, ''), coalesce(c.reject_reason, ''),"
            " " ANALYTICS_TIME ("c.received_at") ", " ANALYTICS_TIME (
                "c.acknowledged_at") ","
                                     " " ANALYTICS_TIME ("c.resolved_at") ", " ANALYTICS_TIME (
                                         "c.ack_deadline") ","
                                                           " " ANALYTICS_TIME (
                                                               "c.resolve_deadline") ", c.text, "
                                                                                     "c.needs_"
                                                                                     "review,"
                                                                                     " c."
                                                                                     "escalation_"
                                                                                     "level, "
                                                                                     "c.manual_"
                                                                                     "triage, "
                                                                                     "coalesce(p."
                                                                                     "docket, ''),"
                                                                                     " coalesce(c."
                                                                                     "link_kind, "
                                                                                     "''),"
                                                                                     " " ANALYTICS_TIME (
                                                                                         "c."
                                                                                         "created_"
                                                                                         "at") ","
                                                                                               " " ANALYTICS_SCOPE_SQL
                                                                                               " FR"
                                                                                               "OM "
                                                                                               "com"
                                                                                               "pla"
                                                                                               "int"
                                                                                               "s "
                                                                                               "c "
                                                                                               "LEF"
                                                                                               "T "
                                                                                               "JOI"
                                                                                               "N "
                                                                                               "com"
                                                                                               "pla"
                                                                                               "int"
                                                                                               "s "
                                                                                               "p "
                                                                                               "ON "
                                                                                               "p."
                                                                                               "id "
                                                                                               "= "
                                                                                               "c."
                                                                                               "par"
                                                                                               "ent"
                                                                                               "_id"
                                                                                               " WH"
                                                                                               "ERE"
                                                                                               " c."
                                                                                               "doc"
                                                                                               "ket"
                                                                                               " = "
                                                                                               "$4",
            4, params);
    if (!res) {
        analytics_unavailable (response);
        return;
    }
    if (PQntuples (res) != 1) {
        PQclear (res);
        sw_http_response_error (response, 404, "not_found", "no such docket");
        return;
    }
    if (!streq (PQgetvalue (res, 0, 22), "t")) {
        PQclear (res);
        sw_http_response_error (response, 403, "forbidden", "this case is outside your scope");
        return;
    }
    static const char *names[] = {NULL,
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
                                  NULL};
    json_t *item = json_object ();
    for (int col = 1; names[col]; col++)
        json_object_set_new (item, names[col], s_str_or_null (PQgetvalue (res, 0, col)));
    json_object_set_new (item, "needs_review", json_boolean (streq (PQgetvalue (res, 0, 16), "t")));
    json_object_set_new (item, "escalation_level", json_integer (atoi (PQgetvalue (res, 0, 17))));
    json_object_set_new (item, "manual_triage",
                         json_boolean (streq (PQgetvalue (res, 0, 18), "t")));
    json_object_set_new (item, "parent", s_str_or_null (PQgetvalue (res, 0, 19)));
    json_object_set_new (item, "link_kind", s_str_or_null (PQgetvalue (res, 0, 20)));
    //  The thread: the complaint, then each follow-up, oldest first.
    json_t *thread = json_array ();
    json_array_append_new (
        thread,
        json_pack ("{s:s,s:o,s:s,s:o}", "kind", "complaint", "at",
                   s_str_or_null (*PQgetvalue (res, 0, 21) ? PQgetvalue (res, 0, 21)
                                                           : PQgetvalue (res, 0, 10)),
                   "channel", PQgetvalue (res, 0, 7), "text", s_masked (PQgetvalue (res, 0, 15))));
    char id[24];
    snprintf (id, sizeof id, "%s", PQgetvalue (res, 0, 0));
    PQclear (res);
    const char *id_params[] = {id};
    PGresult *follow =
        sw_db_query (ctx->db,
                     "SELECT kind, channel, text, " ANALYTICS_TIME (
                         "received_at") " FROM follow_ups WHERE complaint_id = $1::bigint"
                                        " ORDER BY id LIMIT 200",
                     1, id_params);
    PGresult *classes =
        follow
            ? sw_db_query (ctx->db,
                           "SELECT k.origin, k.category, coalesce(k.confidence::text, ''),"
                           " coalesce(k.priority, ''), coalesce(k.language, ''),"
                           " coalesce(k.district_code, ''), coalesce(k.district_name, ''),"
                           " k.needs_review, coalesce(k.model_version, ''),"
                           " " ANALYTICS_TIME (
                               "k.created_at") ", coalesce(o.login, ''),"
                                               " k.alternatives::text"
                                               " FROM classifications k LEFT JOIN officers o ON "
                                               "o.id = k.officer_id"
                                               " WHERE k.complaint_id = $1::bigint ORDER BY k.id",
                           1, id_params)
            : NULL;
    PGresult *events = classes
                           ? sw_db_query (ctx->db,
                                          "SELECT seq, event_type, actor, " ANALYTICS_TIME (
                                              "at") ", payload::text"
                                                    " FROM events WHERE complaint_id = $1::bigint"
                                                    " ORDER BY seq",
                                          1, id_params)
                           : NULL;
    PGresult *notes =
        events
            ? sw_db_query (ctx->db,
                           "SELECT n.public, " ANALYTICS_TIME (
                               "n.created_at") ", n.text, coalesce(o.login, '')"
                                               " FROM notes n LEFT JOIN officers o"
                                               " ON o.id = n.officer_id"
                                               " WHERE n.complaint_id = $1::bigint ORDER BY n.id",
                           1, id_params)
            : NULL;
    PGresult *linked = notes ? sw_db_query (ctx->db,
                                            "SELECT docket, status, link_kind FROM complaints"
                                            " WHERE parent_id = $1::bigint ORDER BY id LIMIT 200",
                                            1, id_params)
                             : NULL;
    if (!linked) {
        PQclear (follow);
        PQclear (classes);
        PQclear (events);
        PQclear (notes);
        json_decref (thread);
        json_decref (item);
        analytics_unavailable (response);
        return;
    }
    for (int i = 0; i < PQntuples (follow); i++)
        json_array_append_new (
            thread, json_pack ("{s:s,s:s,s:s,s:o}", "kind", PQgetvalue (follow, i, 0), "at",
                               PQgetvalue (follow, i, 3), "channel", PQgetvalue (follow, i, 1),
                               "text", s_masked (PQgetvalue (follow, i, 2))));
    json_t *class_list = json_array ();
    for (int i = 0; i < PQntuples (classes); i++) {
        const char *confidence = PQgetvalue (classes, i, 2);
        json_t *alternatives = json_loads (PQgetvalue (classes, i, 11), 0, NULL);
        json_array_append_new (
            class_list,
            json_pack ("{s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:b,s:o,s:s,s:o,s:o}", "origin",
                       PQgetvalue (classes, i, 0), "category", PQgetvalue (classes, i, 1),
                       "confidence", *confidence ? json_real (atof (confidence)) : json_null (),
                       "priority", s_str_or_null (PQgetvalue (classes, i, 3)), "language",
                       s_str_or_null (PQgetvalue (classes, i, 4)), "district",
                       s_str_or_null (PQgetvalue (classes, i, 5)), "district_name",
                       s_str_or_null (PQgetvalue (classes, i, 6)), "needs_review",
                       streq (PQgetvalue (classes, i, 7), "t"), "model_version",
                       s_str_or_null (PQgetvalue (classes, i, 8)), "at", PQgetvalue (classes, i, 9),
                       "officer", s_str_or_null (PQgetvalue (classes, i, 10)), "alternatives",
                       json_is_array (alternatives) ? alternatives : json_array ()));
        if (alternatives && !json_is_array (alternatives))
            json_decref (alternatives);
    }
    json_t *history = json_array ();
    for (int i = 0; i < PQntuples (events); i++) {
        bool changed;
        char *payload = analytics_mask_json (PQgetvalue (events, i, 4), &changed);
        json_t *object = payload ? json_loads (payload, JSON_DECODE_ANY, NULL) : NULL;
        free (payload);
        json_array_append_new (
            history,
            json_pack ("{s:I,s:s,s:s,s:s,s:o}", "seq",
                       (json_int_t)strtoll (PQgetvalue (events, i, 0), NULL, 10), "event_type",
                       PQgetvalue (events, i, 1), "actor", PQgetvalue (events, i, 2), "at",
                       PQgetvalue (events, i, 3), "payload", object ? object : json_object ()));
    }
    json_t *note_list = json_array ();
    for (int i = 0; i < PQntuples (notes); i++)
        json_array_append_new (note_list, json_pack ("{s:b,s:s,s:o,s:o}", "public",
                                                     streq (PQgetvalue (notes, i, 0), "t"), "at",
                                                     PQgetvalue (notes, i, 1), "text",
                                                     s_masked (PQgetvalue (notes, i, 2)), "officer",
                                                     s_str_or_null (PQgetvalue (notes, i, 3))));
    json_t *links = json_array ();
    for (int i = 0; i < PQntuples (linked); i++)
        json_array_append_new (
            links, json_pack ("{s:s,s:s,s:s}", "docket", PQgetvalue (linked, i, 0), "status",
                              PQgetvalue (linked, i, 1), "link_kind", PQgetvalue (linked, i, 2)));
    PQclear (follow);
    PQclear (classes);
    PQclear (events);
    PQclear (notes);
    PQclear (linked);
    json_object_set_new (item, "thread", thread);
    json_object_set_new (item, "classifications", class_list);
    json_object_set_new (item, "events", history);
    json_object_set_new (item, "notes", note_list);
    json_object_set_new (item, "linked", links);
    json_object_set_new (item, "now_ms", json_integer ((json_int_t)zclock_time ()));
    analytics_reply_json (response, 200, item);
}

//  --------------------------------------------------------------------------
//  Actions

static const struct {
    const char *name;
    Sunwai__V1__CommandType type;
} s_actions[] = {{"acknowledge", SUNWAI__V1__COMMAND_TYPE__COMMAND_ACKNOWLEDGE},
                 {"note", SUNWAI__V1__COMMAND_TYPE__COMMAND_NOTE},
                 {"resolve", SUNWAI__V1__COMMAND_TYPE__COMMAND_RESOLVE},
                 {"reassign", SUNWAI__V1__COMMAND_TYPE__COMMAND_REASSIGN},
                 {"duplicate", SUNWAI__V1__COMMAND_TYPE__COMMAND_DUPLICATE},
                 {"reopen", SUNWAI__V1__COMMAND_TYPE__COMMAND_REOPEN},
                 {"reclassify", SUNWAI__V1__COMMAND_TYPE__COMMAND_RECLASSIFY},
                 {"close", SUNWAI__V1__COMMAND_TYPE__COMMAND_CLOSE},
                 {NULL, 0}};

static const struct {
    Sunwai__V1__ResultCode code;
    int status;
    const char *name;
} s_results[] = {{SUNWAI__V1__RESULT_CODE__RESULT_OK, 200, "ok"},
                 {SUNWAI__V1__RESULT_CODE__RESULT_BAD_REQUEST, 400, "bad_request"},
                 {SUNWAI__V1__RESULT_CODE__RESULT_UNAUTHORIZED, 401, "unauthorized"},
                 {SUNWAI__V1__RESULT_CODE__RESULT_FORBIDDEN, 403, "forbidden"},
                 {SUNWAI__V1__RESULT_CODE__RESULT_NOT_FOUND, 404, "not_found"},
                 {SUNWAI__V1__RESULT_CODE__RESULT_CONFLICT, 409, "conflict"},
                 {SUNWAI__V1__RESULT_CODE__RESULT_UNAVAILABLE, 503, "unavailable"},
                 {0, 0, NULL}};

//  A string field of the body: "" if absent; false (400 answered) if not
//  a string, too long, or (code) not a code.
static bool
s_field (json_t *body, const char *name, bool code, const char **out, sw_http_response_t *response)
{
    json_t *value = json_object_get (body, name);
    *out = "";
    if (!value || json_is_null (value))
        return true;
    char message[96];
    if (!json_is_string (value) || json_string_length (value) > S_TEXT_MAX ||
        strlen (json_string_value (value)) != json_string_length (value) ||
        (code && *json_string_value (value) &&
         !analytics_valid_code (json_string_value (value), 63))) {
        snprintf (message, sizeof message, "%s must be %s", name,
                  code ? "a code (letters, digits, _ -)" : "text of at most 2000 bytes");
        sw_http_response_error (response, 400, "bad_request", message);
        return false;
    }
    *out = json_string_value (value);
    return true;
}

//  POST /console/api/case/{docket}/{action}
static void
s_on_action (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    analytics_console_t *self = (analytics_console_t *)arg;
    s_ctx_t ctx;
    if (s_enter (self, request, response, false, true, &ctx) != 0)
        return;
    //  The token was checked; router checks it again and owns the rest.
    s_leave (self, &ctx);
    const char *path = sw_http_request_path (request) + strlen ("/console/api/case/");
    const char *slash = strchr (path, '/');
    char docket[48];
    if (!slash || (size_t)(slash - path) >= sizeof docket) {
        sw_http_response_error (response, 404, "not_found", "no such action");
        return;
    }
    memcpy (docket, path, (size_t)(slash - path));
    docket[slash - path] = 0;
    const char *action = slash + 1;
    int which = -1;
    for (int i = 0; s_actions[i].name && which < 0; i++)
        if (streq (s_actions[i].name, action))
            which = i;
    if (which < 0 || !analytics_valid_code (docket, 40)) {
        sw_http_response_error (response, 404, "not_found", "no such action");
        return;
    }
    const char *type = sw_http_request_header (request, "content-type");
    if (!type || strncasecmp (type, "application/json", 16) != 0) {
        sw_http_response_error (response, 415, "unsupported_media_type",
                                "send the action's fields as application/json");
        return;
    }
    json_error_t error;
    json_t *body =
        json_loadb (sw_http_request_body (request), sw_http_request_body_size (request), 0, &error);
    if (!json_is_object (body)) {
        json_decref (body);
        sw_http_response_error (response, 400, "bad_request", "the body must be a JSON object");
        return;
    }
    Sunwai__V1__CaseCommand command = SUNWAI__V1__CASE_COMMAND__INIT;
    const char *note, *unit, *duplicate_of, *category, *district, *reason;
    if (!s_field (body, "note", false, &note, response) ||
        !s_field (body, "unit", true, &unit, response) ||
        !s_field (body, "duplicate_of", true, &duplicate_of, response) ||
        !s_field (body, "category", true, &category, response) ||
        !s_field (body, "district", true, &district, response) ||
        !s_field (body, "reason", false, &reason, response)) {
        json_decref (body);
        return;
    }
    command.type = s_actions[which].type;
    command.token = ctx.session.token;
    command.docket = docket;
    command.note = (char *)note;
    command.public_note = json_is_true (json_object_get (body, "public"));
    command.unit = (char *)unit;
    command.duplicate_of = (char *)duplicate_of;
    command.category = (char *)category;
    command.district = (char *)district;
    command.reason = (char *)reason;
    sw_counter_inc (self->actions);
    Sunwai__V1__CaseReply *reply = analytics_commands_call (self->commands, &command);
    json_decref (body);
    if (!reply) {
        sw_counter_inc (self->action_failures);
        sw_http_response_error (response, 504, "router_timeout",
                                "the case service did not answer; try again");
        return;
    }
    int status = 502;
    const char *name = "unspecified";
    for (int i = 0; s_results[i].name; i++)
        if (s_results[i].code == reply->code) {
            status = s_results[i].status;
            name = s_results[i].name;
        }
    sw_log_kv (SW_LOG_INFO, "console case command", "login", ctx.session.login, "docket", docket,
               "action", s_actions[which].name, "result", name, NULL);
    analytics_reply_json (response, status,
                  json_pack ("{s:s,s:s,s:s}", "code", name, "message", reply->message, "action",
                             s_actions[which].name));
    protobuf_c_message_free_unpacked (&reply->base, NULL);
}

//  --------------------------------------------------------------------------
//  GET /console, /console/...

static void
s_on_get (void *arg, sw_http_request_t *request, sw_http_response_t *response)
{
    analytics_console_t *self = (analytics_console_t *)arg;
    const char *path = sw_http_request_path (request);
    if (streq (path, "/console")) {
        s_redirect (response, "/console/");
        return;
    }
    if (streq (path, "/console/login")) {
        s_signin_page (self, response, 200, NULL, NULL);
        return;
    }
    bool api = strncmp (path, "/console/api/", 13) == 0;
    bool page = streq (path, "/console/") || strncmp (path, "/console/case/", 14) == 0;
    if (!api && !page) {
        sw_http_response_error (response, 404, "not_found", "no such page");
        return;
    }
    s_ctx_t ctx;
    if (s_enter (self, request, response, page, false, &ctx) != 0)
        return;
    if (streq (path, "/console/"))
        analytics_web_serve (self->web, "console.html", 200, response);
    else if (page)
        analytics_web_serve (self->web, "case.html", 200, response);
    else if (streq (path, "/console/api/session"))
        s_api_session (self, &ctx, response);
    else if (streq (path, "/console/api/queue"))
        s_api_queue (self, &ctx, request, response);
    else if (streq (path, "/console/api/units"))
        s_api_units (self, &ctx, response);
    else if (strncmp (path, "/console/api/case/", 18) == 0)
        s_api_case (self, &ctx, path + 18, response);
    else
        sw_http_response_error (response, 404, "not_found", "no such path");
    s_leave (self, &ctx);
}

analytics_console_t *
analytics_console_new (sw_http_t *http, analytics_api_t *api, analytics_web_t *web,
                       analytics_sessions_t *sessions, analytics_commands_t *commands,
                       bool secure_cookie, long max_age_s, sw_metrics_t *metrics)
{
    analytics_console_t *self = calloc (1, sizeof *self);
    if (!self)
        return NULL;
    self->api = api;
    self->web = web;
    self->sessions = sessions;
    self->commands = commands;
    self->secure = secure_cookie;
    self->cookie = secure_cookie ? "__Host-sunwai_session" : "sunwai_session";
    self->max_age_s = max_age_s;
    self->signins = sw_metrics_counter (metrics, "sunwai_analytics_console_signins_total",
                                        "Officers signed in to the console.", NULL);
    self->refused = sw_metrics_counter (metrics, "sunwai_analytics_console_signins_refused_total",
                                        "Console sign-ins refused.", NULL);
    self->csrf_refused =
        sw_metrics_counter (metrics, "sunwai_analytics_console_csrf_refused_total",
                            "Console requests refused for a missing or wrong CSRF token.", NULL);
    self->actions = sw_metrics_counter (metrics, "sunwai_analytics_console_commands_total",
                                        "Case commands sent to router from the console.", NULL);
    self->action_failures =
        sw_metrics_counter (metrics, "sunwai_analytics_console_command_failures_total",
                            "Case commands router did not answer in time.", NULL);
    sw_http_route (http, "POST", "/console/login", s_on_signin, self);
    sw_http_route (http, "POST", "/console/logout", s_on_signout, self);
    sw_http_route (http, "POST", "/console/api/case/", s_on_action, self);
    sw_http_route (http, "GET", "/console", s_on_get, self);
    sw_http_route (http, "GET", "/console/", s_on_get, self);
    return self;
}

void
analytics_console_destroy (analytics_console_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    free (*self_p);
    *self_p = NULL;
}
