/*  sunwaictl deadletters: what failed for good, and sending it again.

        sunwaictl deadletters list [--stage S] [--state parked|...|any] [--limit N] [--json]
        sunwaictl deadletters retry ID... | --all [--stage notifier]
        sunwaictl deadletters discard ID... | --all [--stage S]

    A notifier dead letter points at its outbox row: retry puts that row
    back to pending with its failure count cleared, and the notifier sends
    it on its next scan, with the same idempotency key.  A dead letter of
    an undecodable frame (stage ingest, router, notifier: the bytes that
    came off a socket) cannot be sent again; it can be read with --json
    (payload in hex) and discarded.  Each retry and discard is written to
    the audit log. */
#include "sw_config.h"
#include "sw_db.h"
#include "sw_log.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (s_command_fn) (sw_config_t *config);
s_command_fn ctl_cmd_deadletters;
sw_db_t *ctl_connect (sw_config_t *config, int *rc);

static const char *s_columns[] = { "id", "created_at", "stage", "state", "outbox_id", "docket",
                                   "channel", "kind", "reason", "payload_hex" };

static int
s_list (sw_config_t *config, sw_db_t *db)
{
    const char *state = sw_config_str (config, "dl.state");
    const char *stage = sw_config_str (config, "dl.stage");
    char limit[16];
    snprintf (limit, sizeof limit, "%ld", sw_config_int (config, "list.limit"));
    const char *params[] = { strcmp (state, "any") == 0 ? NULL : state, *stage ? stage : NULL,
                             limit };
    PGresult *res = sw_db_query (
        db,
        "SELECT d.id, to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
        " d.stage, d.state, coalesce(d.outbox_id::text, ''), coalesce(c.docket, ''),"
        " coalesce(o.channel, ''), coalesce(o.kind, ''), d.reason,"
        " coalesce(encode(d.payload, 'hex'), '')"
        " FROM dead_letters d LEFT JOIN outbox o ON o.id = d.outbox_id"
        " LEFT JOIN complaints c ON c.id = o.complaint_id"
        " WHERE ($1::text IS NULL OR d.state = $1) AND ($2::text IS NULL OR d.stage = $2)"
        " ORDER BY d.id DESC LIMIT $3::int",
        3, params);
    if (!res)
        return 1;
    int rows = PQntuples (res);
    if (sw_config_bool (config, "json")) {
        json_t *list = json_array ();
        for (int i = 0; i < rows; i++) {
            json_t *row = json_object ();
            for (int c = 0; c < 10; c++)
                json_object_set_new (row, s_columns[c], json_string (PQgetvalue (res, i, c)));
            json_array_append_new (list, row);
        }
        json_t *out = json_pack ("{s:o}", "dead_letters", list);
        char *text = json_dumps (out, JSON_COMPACT);
        printf ("%s\n", text ? text : "{}");
        free (text);
        json_decref (out);
    }
    else {
        printf ("%-6s %-20s %-9s %-9s %-17s %-10s %-10s %s\n", "ID", "CREATED", "STAGE", "STATE",
                "DOCKET", "CHANNEL", "KIND", "REASON");
        for (int i = 0; i < rows; i++)
            printf ("%-6s %-20s %-9s %-9s %-17s %-10s %-10s %.80s\n", PQgetvalue (res, i, 0),
                    PQgetvalue (res, i, 1), PQgetvalue (res, i, 2), PQgetvalue (res, i, 3),
                    *PQgetvalue (res, i, 5) ? PQgetvalue (res, i, 5) : "-",
                    *PQgetvalue (res, i, 6) ? PQgetvalue (res, i, 6) : "-",
                    *PQgetvalue (res, i, 7) ? PQgetvalue (res, i, 7) : "-",
                    PQgetvalue (res, i, 8));
        printf ("%d dead letter%s\n", rows, rows == 1 ? "" : "s");
    }
    PQclear (res);
    return 0;
}

//  The ids the command names (a PostgreSQL array literal), or every parked
//  one of --stage with --all.  NULL after a usage error.
static char *
s_ids (sw_config_t *config, const char *verb)
{
    bool all = sw_config_bool (config, "dl.all");
    int argc = sw_config_argc (config);
    if (all == (argc > 2)) {
        sw_log_kv (SW_LOG_ERROR, "name the dead letters, or give --all", "hint",
                   verb[0] == 'r' ? "sunwaictl deadletters retry ID... | --all [--stage notifier]"
                                  : "sunwaictl deadletters discard ID... | --all [--stage S]",
                   NULL);
        return NULL;
    }
    if (all)
        return strdup ("ALL");
    size_t size = 3;
    for (int i = 2; i < argc; i++)
        size += strlen (sw_config_arg (config, i)) + 1;
    char *ids = malloc (size);
    if (!ids)
        return NULL;
    strcpy (ids, "{");
    for (int i = 2; i < argc; i++) {
        const char *id = sw_config_arg (config, i);
        if (!*id || strspn (id, "0123456789") != strlen (id) || strlen (id) > 18) {
            sw_log_kv (SW_LOG_ERROR, "a dead letter id is a number", "value", id, NULL);
            free (ids);
            return NULL;
        }
        strcat (ids, i > 2 ? "," : "");
        strcat (ids, id);
    }
    strcat (ids, "}");
    return ids;
}

//  Retry or discard, in one transaction; prints what was done.
static int
s_change (sw_config_t *config, sw_db_t *db, bool retry)
{
    char *ids = s_ids (config, retry ? "retry" : "discard");
    if (!ids)
        return 2;
    const char *stage = sw_config_str (config, "dl.stage");
    bool all = strcmp (ids, "ALL") == 0;
    const char *params[] = { all ? NULL : ids, *stage ? stage : NULL };
    int rc = 1;
    if (sw_db_begin (db) != 0)
        goto done;
    //  The parked ones named; for a retry, frames (no outbox row) are
    //  refused by name, so the operator knows.
    PGresult *chosen = sw_db_query (
        db,
        "SELECT id, outbox_id IS NOT NULL, stage FROM dead_letters"
        " WHERE state = 'parked' AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[]))"
        " AND ($2::text IS NULL OR stage = $2) ORDER BY id FOR UPDATE",
        2, params);
    if (!chosen)
        goto rollback;
    int rows = PQntuples (chosen);
    int changed = 0, refused = 0;
    for (int i = 0; i < rows; i++) {
        const char *id = PQgetvalue (chosen, i, 0);
        bool has_job = PQgetvalue (chosen, i, 1)[0] == 't';
        if (retry && !has_job) {
            sw_log_kv (SW_LOG_WARN,
                       "not retried: an undecodable frame cannot be sent again; read it with "
                       "list --json and discard it",
                       "id", id, "stage", PQgetvalue (chosen, i, 2), NULL);
            refused++;
            continue;
        }
        const char *one[] = { id, retry ? "retried" : "discarded" };
        if (retry
            && sw_db_exec (db,
                           "UPDATE outbox SET state = 'pending', failures = 0, last_error = NULL,"
                           " next_attempt_at = now()"
                           " WHERE id = (SELECT outbox_id FROM dead_letters WHERE id = $1)"
                           " AND state = 'dead'",
                           1, one)
                   != 0)
            goto rollback_chosen;
        if (sw_db_exec (db,
                        "WITH d AS (UPDATE dead_letters SET state = $2, handled_at = now()"
                        "  WHERE id = $1 RETURNING id, stage, outbox_id)"
                        " INSERT INTO audit_log (action, complaint_id, docket, result, detail)"
                        " SELECT 'deadletter_' || CASE $2 WHEN 'retried' THEN 'retry'"
                        "  ELSE 'discard' END, o.complaint_id, c.docket, 'ok',"
                        "  jsonb_build_object('dead_letter_id', d.id, 'stage', d.stage,"
                        "   'outbox_id', d.outbox_id, 'by', 'sunwaictl')"
                        " FROM d LEFT JOIN outbox o ON o.id = d.outbox_id"
                        " LEFT JOIN complaints c ON c.id = o.complaint_id",
                        2, one)
            != 0)
            goto rollback_chosen;
        changed++;
    }
    PQclear (chosen);
    if (sw_db_commit (db) != 0)
        goto done;
    printf ("%d dead letter%s %s", changed, changed == 1 ? "" : "s",
            retry ? "put back to be sent" : "discarded");
    if (refused)
        printf ("; %d not retried (undecodable frames)", refused);
    printf ("\n");
    if (!all && changed + refused < (int) (sw_config_argc (config) - 2))
        sw_log (SW_LOG_WARN, "some ids were not parked dead letters (unknown, or already handled)");
    rc = refused ? 1 : 0;
    goto done;
rollback_chosen:
    PQclear (chosen);
rollback:
    sw_db_rollback (db);
done:
    free (ids);
    return rc;
}

int
ctl_cmd_deadletters (sw_config_t *config)
{
    const char *verb = sw_config_arg (config, 1);
    if (!verb
        || (strcmp (verb, "list") != 0 && strcmp (verb, "retry") != 0
            && strcmp (verb, "discard") != 0)) {
        sw_log_kv (SW_LOG_ERROR, "usage: sunwaictl deadletters list|retry|discard", "hint",
                   "list [--stage S] [--state parked|retried|discarded|any]; retry ID...|--all; "
                   "discard ID...|--all",
                   NULL);
        return 2;
    }
    int rc;
    sw_db_t *db = ctl_connect (config, &rc);
    if (!db)
        return rc;
    rc = strcmp (verb, "list") == 0 ? s_list (config, db)
                                    : s_change (config, db, strcmp (verb, "retry") == 0);
    sw_db_destroy (&db);
    return rc;
}
