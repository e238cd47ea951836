/*  sunwaictl case commands: list, show, ack, note, resolve, reassign,
    reopen, dup, reclassify, close.

    Each sends one sunwai.v1.CaseCommand to router's ROUTER socket
    (router.endpoint) on a DEALER socket with the officer's token (token,
    or SUNWAI_TOKEN) and waits up to 10 s for the sunwai.v1.CaseReply.
    Output is human-readable, or one JSON object with --json.  Exit 0 on
    RESULT_OK, 1 otherwise with the reply's message on stderr as a JSON log
    line, 2 on a usage error. */
#include "sw_config.h"
#include "sw_curve.h"
#include "sw_frame.h"
#include "sw_log.h"
#include "sunwai/v1/sunwai.pb-c.h"

#include <czmq.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define S_REPLY_TIMEOUT_MS 10000

int ctl_cmd_list (sw_config_t *config);
int ctl_cmd_show (sw_config_t *config);
int ctl_cmd_ack (sw_config_t *config);
int ctl_cmd_note (sw_config_t *config);
int ctl_cmd_resolve (sw_config_t *config);
int ctl_cmd_reassign (sw_config_t *config);
int ctl_cmd_reopen (sw_config_t *config);
int ctl_cmd_dup (sw_config_t *config);
int ctl_cmd_reclassify (sw_config_t *config);
int ctl_cmd_close (sw_config_t *config);

static const char *s_result_names[] = {
    "UNSPECIFIED", "OK", "BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT",
    "UNAVAILABLE"
};
static const char *s_status_names[] = {
    "UNSPECIFIED", "RECEIVED", "CLASSIFIED", "ROUTED", "ACKNOWLEDGED", "RESOLVED", "CLOSED",
    "REOPENED", "REJECTED"
};
static const char *s_priority_names[] = { "", "P1", "P2", "P3" };

static const char *
s_result_name (int code)
{
    return code >= 0 && code <= 7 ? s_result_names[code] : "UNKNOWN";
}

static const char *
s_status_name (int status)
{
    return status >= 0 && status <= 8 ? s_status_names[status] : "UNKNOWN";
}

static const char *
s_priority_name (int priority)
{
    return priority >= 0 && priority <= 3 ? s_priority_names[priority] : "";
}

static int
s_usage (const char *usage)
{
    sw_log_kv (SW_LOG_ERROR, usage, "hint", "Run sunwaictl --help for the commands.", NULL);
    return 2;
}

//  "3d04h", "2h05m", "12m", "45s"; negative durations get a '-'.
static void
s_duration (int64_t ms, char *buf, size_t size)
{
    const char *sign = ms < 0 ? "-" : "";
    int64_t s = (ms < 0 ? -ms : ms) / 1000;
    if (s >= 86400)
        snprintf (buf, size, "%s%" PRId64 "d%02" PRId64 "h", sign, s / 86400, s % 86400 / 3600);
    else
    if (s >= 3600)
        snprintf (buf, size, "%s%" PRId64 "h%02" PRId64 "m", sign, s / 3600, s % 3600 / 60);
    else
    if (s >= 60)
        snprintf (buf, size, "%s%" PRId64 "m", sign, s / 60);
    else
        snprintf (buf, size, "%s%" PRId64 "s", sign, s);
}

static int64_t
s_now_ms (void)
{
    return zclock_time ();
}

static void
s_iso_time (int64_t ms, char *buf, size_t size)
{
    time_t t = (time_t) (ms / 1000);
    struct tm tm;
    gmtime_r (&t, &tm);
    char base[32];
    strftime (base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf (buf, size, "%s.%03dZ", base, (int) (ms % 1000));
}

static void
s_hex (const ProtobufCBinaryData *data, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < data->len && 2 * i + 2 < size; i++)
        sprintf (buf + 2 * i, "%02x", data->data[i]);
}

static json_t *
s_case_json (const Sunwai__V1__CaseSummary *c)
{
    return json_pack ("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:b,s:i,s:s}", "id",
                      (json_int_t) c->id, "docket", c->docket, "status",
                      s_status_name (c->status), "category", c->category, "priority",
                      s_priority_name (c->priority), "district", c->district_name, "unit",
                      c->unit, "received_at_ms", (json_int_t) c->received_at_ms,
                      "ack_deadline_ms", (json_int_t) c->ack_deadline_ms,
                      "resolve_deadline_ms", (json_int_t) c->resolve_deadline_ms,
                      "needs_review", c->needs_review ? 1 : 0, "escalation_level",
                      c->escalation_level, "text", c->text);
}

static json_t *
s_event_json (const Sunwai__V1__EventEnvelope *e)
{
    char prev[80], hash[80];
    s_hex (&e->prev_hash, prev, sizeof prev);
    s_hex (&e->hash, hash, sizeof hash);
    json_t *payload = json_loads (e->payload_json, 0, NULL);
    return json_pack ("{s:I,s:s,s:s,s:s,s:I,s:o,s:s,s:s}", "seq", (json_int_t) e->seq,
                      "event_type", e->event_type, "actor", e->actor, "district", e->district,
                      "at_ms", (json_int_t) e->at_ms, "payload",
                      payload ? payload : json_string (e->payload_json), "prev_hash", prev,
                      "hash", hash);
}

static void
s_print_json (Sunwai__V1__CaseReply *reply)
{
    json_t *cases = json_array ();
    for (size_t i = 0; i < reply->n_cases; i++)
        json_array_append_new (cases, s_case_json (reply->cases[i]));
    json_t *history = json_array ();
    for (size_t i = 0; i < reply->n_history; i++)
        json_array_append_new (history, s_event_json (reply->history[i]));
    json_t *out = json_pack ("{s:s,s:s,s:s,s:o,s:o}", "request_id", reply->request_id,
                             "code", s_result_name (reply->code), "message", reply->message,
                             "cases", cases, "history", history);
    char *text = json_dumps (out, JSON_COMPACT);
    if (text)
        printf ("%s\n", text);
    free (text);
    json_decref (out);
}

static void
s_print_list (Sunwai__V1__CaseReply *reply)
{
    int64_t now = s_now_ms ();
    printf ("%-16s %-12s %-20s %-3s %-14s %-16s %-7s %-8s %s\n", "DOCKET", "STATUS",
            "CATEGORY", "PRI", "DISTRICT", "UNIT", "AGE", "LEFT", "FLAGS");
    for (size_t i = 0; i < reply->n_cases; i++) {
        const Sunwai__V1__CaseSummary *c = reply->cases[i];
        char age[24], left[24] = "-", flags[32] = "";
        s_duration (now - c->received_at_ms, age, sizeof age);
        if (c->resolve_deadline_ms > 0)
            s_duration (c->resolve_deadline_ms - now, left, sizeof left);
        if (c->resolve_deadline_ms > 0 && c->resolve_deadline_ms < now
            && (c->status == SUNWAI__V1__STATUS__STATUS_ROUTED
                || c->status == SUNWAI__V1__STATUS__STATUS_ACKNOWLEDGED
                || c->status == SUNWAI__V1__STATUS__STATUS_REOPENED))
            strcat (flags, "overdue ");
        if (c->needs_review)
            strcat (flags, "review ");
        if (c->escalation_level > 0)
            snprintf (flags + strlen (flags), sizeof flags - strlen (flags), "esc%d",
                      c->escalation_level);
        printf ("%-16s %-12s %-20s %-3s %-14.14s %-16.16s %-7s %-8s %s\n", c->docket,
                s_status_name (c->status), *c->category ? c->category : "-",
                *s_priority_name (c->priority) ? s_priority_name (c->priority) : "-",
                *c->district_name ? c->district_name : "-", *c->unit ? c->unit : "-", age, left,
                flags);
    }
    printf ("%s\n", reply->message);
}

static void
s_print_show (Sunwai__V1__CaseReply *reply)
{
    int64_t now = s_now_ms ();
    for (size_t i = 0; i < reply->n_cases; i++) {
        const Sunwai__V1__CaseSummary *c = reply->cases[i];
        char received[40], age[24], left[24] = "-", ack[24] = "-";
        s_iso_time (c->received_at_ms, received, sizeof received);
        s_duration (now - c->received_at_ms, age, sizeof age);
        if (c->resolve_deadline_ms > 0)
            s_duration (c->resolve_deadline_ms - now, left, sizeof left);
        if (c->ack_deadline_ms > 0)
            s_duration (c->ack_deadline_ms - now, ack, sizeof ack);
        printf ("docket:      %s\n", c->docket);
        printf ("status:      %s\n", s_status_name (c->status));
        printf ("category:    %s\n", *c->category ? c->category : "-");
        printf ("priority:    %s\n", *s_priority_name (c->priority) ? s_priority_name (c->priority) : "-");
        printf ("district:    %s\n", *c->district_name ? c->district_name : "-");
        printf ("unit:        %s\n", *c->unit ? c->unit : "-");
        printf ("received:    %s (%s ago)\n", received, age);
        printf ("ack due in:  %s\n", ack);
        printf ("resolve in:  %s\n", left);
        printf ("escalation:  %d%s\n", c->escalation_level, c->needs_review ? " (needs review)" : "");
        printf ("text:        %s\n", c->text);
    }
    printf ("history:\n");
    for (size_t i = 0; i < reply->n_history; i++) {
        const Sunwai__V1__EventEnvelope *e = reply->history[i];
        char at[40];
        s_iso_time (e->at_ms, at, sizeof at);
        printf ("  %6" PRId64 "  %s  %-14s %-24s %s\n", e->seq, at, e->event_type, e->actor,
                e->payload_json);
    }
}

//  Send command, wait for the reply, print it. The exit code.
static int
s_request (sw_config_t *config, Sunwai__V1__CaseCommand *command)
{
    const char *endpoint = sw_config_str (config, "router.endpoint");
    const char *token = sw_config_str (config, "token");
    bool as_json = sw_config_bool (config, "json");
    if (!token || !*token) {
        sw_log_kv (SW_LOG_ERROR, "missing required config key \"token\"", "hint",
                   "Set SUNWAI_TOKEN in the environment, token in the config file, or "
                   "--set token=VALUE.",
                   NULL);
        return 2;
    }
    zuuid_t *uuid = zuuid_new ();
    char request_id[40];
    snprintf (request_id, sizeof request_id, "%s", zuuid_str_canonical (uuid));
    zuuid_destroy (&uuid);
    command->request_id = request_id;
    command->token = (char *) token;

    sw_curve_t *curve = sw_curve_new (config);
    zsock_t *dealer = curve ? sw_curve_socket (curve, ZMQ_DEALER, endpoint) : NULL;
    sw_curve_destroy (&curve);
    if (!dealer) {
        sw_log_kv (SW_LOG_ERROR, "cannot open the router endpoint", "endpoint", endpoint, NULL);
        return 1;
    }
    zsock_set_linger (dealer, 0);
    int rc = 1;
    if (sw_frame_send (dealer, &command->base) != 0) {
        sw_log_kv (SW_LOG_ERROR, "could not send the command", "endpoint", endpoint, NULL);
        zsock_destroy (&dealer);
        return 1;
    }
    Sunwai__V1__CaseReply *reply = NULL;
    int64_t deadline = zclock_mono () + S_REPLY_TIMEOUT_MS;
    while (!reply) {
        int64_t wait = deadline - zclock_mono ();
        zpoller_t *poller = zpoller_new (dealer, NULL);
        void *ready = wait > 0 ? zpoller_wait (poller, (int) wait) : NULL;
        zpoller_destroy (&poller);
        if (!ready)
            break;
        zmsg_t *msg = zmsg_recv (dealer);
        char err[256];
        reply = msg ? (Sunwai__V1__CaseReply *) sw_frame_decode (
                          msg, &sunwai__v1__case_reply__descriptor, err, sizeof err)
                    : NULL;
        zmsg_destroy (&msg);
        if (!reply) {
            sw_log_kv (SW_LOG_ERROR, "could not decode the router's reply", "reason", err, NULL);
            zsock_destroy (&dealer);
            return 1;
        }
        if (strcmp (reply->request_id, request_id) != 0) {
            //  A stale reply to another request: keep waiting for ours.
            protobuf_c_message_free_unpacked (&reply->base, NULL);
            reply = NULL;
        }
    }
    zsock_destroy (&dealer);
    if (!reply) {
        sw_log_kv (SW_LOG_ERROR, "router did not answer", "endpoint", endpoint, "hint",
                   "Check that sunwai-router is running and router.endpoint points at its "
                   "commands.endpoint.",
                   NULL);
        return 1;
    }
    if (as_json)
        s_print_json (reply);
    if (reply->code == SUNWAI__V1__RESULT_CODE__RESULT_OK) {
        rc = 0;
        if (!as_json) {
            if (command->type == SUNWAI__V1__COMMAND_TYPE__COMMAND_LIST)
                s_print_list (reply);
            else
            if (command->type == SUNWAI__V1__COMMAND_TYPE__COMMAND_SHOW)
                s_print_show (reply);
            else
                printf ("%s\n", reply->message);
        }
    }
    else
        sw_log_kv (SW_LOG_ERROR, *reply->message ? reply->message : "command refused", "code",
                   s_result_name (reply->code), "request_id", request_id, NULL);
    protobuf_c_message_free_unpacked (&reply->base, NULL);
    return rc;
}

static char *
s_opt (sw_config_t *config, const char *key)
{
    const char *value = sw_config_str (config, key);
    return (char *) (value ? value : "");
}

//  Commands that take exactly one docket.
static int
s_docket_command (sw_config_t *config, Sunwai__V1__CommandType type, const char *usage)
{
    if (sw_config_argc (config) != 2)
        return s_usage (usage);
    Sunwai__V1__CaseCommand command = SUNWAI__V1__CASE_COMMAND__INIT;
    command.type = type;
    command.docket = (char *) sw_config_arg (config, 1);
    command.note = s_opt (config, "cmd.note");
    command.public_note = sw_config_bool (config, "cmd.public");
    command.reason = s_opt (config, "cmd.reason");
    return s_request (config, &command);
}

int
ctl_cmd_list (sw_config_t *config)
{
    if (sw_config_argc (config) != 1)
        return s_usage ("usage: sunwaictl list [--status open|closed|any|STATUS] [--unit UNIT] "
                        "[--district CODE]");
    Sunwai__V1__CaseCommand command = SUNWAI__V1__CASE_COMMAND__INIT;
    command.type = SUNWAI__V1__COMMAND_TYPE__COMMAND_LIST;
    command.status = s_opt (config, "list.status");
    command.unit = s_opt (config, "list.unit");
    command.district = s_opt (config, "list.district");
    command.limit = (int32_t) sw_config_int (config, "list.limit");
    return s_request (config, &command);
}

int
ctl_cmd_show (sw_config_t *config)
{
    return s_docket_command (config, SUNWAI__V1__COMMAND_TYPE__COMMAND_SHOW,
                             "usage: sunwaictl show DOCKET");
}

int
ctl_cmd_ack (sw_config_t *config)
{
    return s_docket_command (config, SUNWAI__V1__COMMAND_TYPE__COMMAND_ACKNOWLEDGE,
                             "usage: sunwaictl ack DOCKET");
}

int
ctl_cmd_note (sw_config_t *config)
{
    return s_docket_command (config, SUNWAI__V1__COMMAND_TYPE__COMMAND_NOTE,
                             "usage: sunwaictl note DOCKET --note TEXT [--public]");
}

int
ctl_cmd_resolve (sw_config_t *config)
{
    return s_docket_command (config, SUNWAI__V1__COMMAND_TYPE__COMMAND_RESOLVE,
                             "usage: sunwaictl resolve DOCKET --note TEXT");
}

int
ctl_cmd_reopen (sw_config_t *config)
{
    return s_docket_command (config, SUNWAI__V1__COMMAND_TYPE__COMMAND_REOPEN,
                             "usage: sunwaictl reopen DOCKET --reason TEXT");
}

int
ctl_cmd_close (sw_config_t *config)
{
    return s_docket_command (config, SUNWAI__V1__COMMAND_TYPE__COMMAND_CLOSE,
                             "usage: sunwaictl close DOCKET [--reason TEXT]");
}

int
ctl_cmd_reassign (sw_config_t *config)
{
    if (sw_config_argc (config) != 3)
        return s_usage ("usage: sunwaictl reassign DOCKET UNIT [--reason TEXT]");
    Sunwai__V1__CaseCommand command = SUNWAI__V1__CASE_COMMAND__INIT;
    command.type = SUNWAI__V1__COMMAND_TYPE__COMMAND_REASSIGN;
    command.docket = (char *) sw_config_arg (config, 1);
    command.unit = (char *) sw_config_arg (config, 2);
    command.reason = s_opt (config, "cmd.reason");
    return s_request (config, &command);
}

int
ctl_cmd_dup (sw_config_t *config)
{
    if (sw_config_argc (config) != 3)
        return s_usage ("usage: sunwaictl dup DOCKET ORIGINAL");
    Sunwai__V1__CaseCommand command = SUNWAI__V1__CASE_COMMAND__INIT;
    command.type = SUNWAI__V1__COMMAND_TYPE__COMMAND_DUPLICATE;
    command.docket = (char *) sw_config_arg (config, 1);
    command.duplicate_of = (char *) sw_config_arg (config, 2);
    command.reason = s_opt (config, "cmd.reason");
    return s_request (config, &command);
}

int
ctl_cmd_reclassify (sw_config_t *config)
{
    if (sw_config_argc (config) != 2)
        return s_usage ("usage: sunwaictl reclassify DOCKET [--category CODE] [--district CODE]");
    Sunwai__V1__CaseCommand command = SUNWAI__V1__CASE_COMMAND__INIT;
    command.type = SUNWAI__V1__COMMAND_TYPE__COMMAND_RECLASSIFY;
    command.docket = (char *) sw_config_arg (config, 1);
    command.category = s_opt (config, "cmd.category");
    command.district = s_opt (config, "list.district");
    return s_request (config, &command);
}
