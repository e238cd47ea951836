/*  sla.c: the SLA timer.  A case ROUTED past its acknowledge deadline, or
    ACKNOWLEDGED/REOPENED past its resolve deadline, climbs one rung of its
    unit's escalation ladder: the missed deadline moves forward by the same
    SLA span, an 'escalated' event is written and the unit's contacts are
    alerted.  A case at the top of its ladder stays there.  Outbox rows
    never taken by notifier are pushed again.  See docs/router.md. */
#include "router.h"
#include "sw_log.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_ESCALATE_BATCH "100"
#define S_REPUSH_BATCH   "200"
#define S_ASSIGN_BATCH   "100"

//  Statuses of an open case.
#define S_OPEN "('ROUTED', 'ACKNOWLEDGED', 'REOPENED')"

//  Defined in route.c.
int router_unit_alerts (router_t *self, const char *complaint_id,
                        const sw_state_unit_t *unit, const char *kind, const char *key_prefix,
                        const char *key_suffix, const char *body, router_ids_t *ids);
char *router_status_url (router_t *self, const char *docket);
int router_pick_officer (router_t *self, const char *unit_code, char *officer_id,
                         size_t officer_id_size, char *login, size_t login_size);

//  The overdue condition, for the scan and again under the row lock.  An
//  incident's child is worked (and escalated) through its parent.
#define S_OVERDUE                                                                         \
    " coalesce(c.link_kind, '') <> 'incident' AND"                                        \
    " ((c.status = 'ROUTED' AND c.ack_deadline < now())"                                  \
    " OR (c.status IN ('ACKNOWLEDGED', 'REOPENED') AND c.resolve_deadline < now()))"      \
    " AND c.escalation_level + 1 < (SELECT count(*) FROM unit_escalation e"               \
    " WHERE e.unit_code = c.unit_code)"

//  Escalate one case in its own transaction. 1 escalated, 0 nothing to do
//  (taken by another router, or no longer overdue), -1 failed.
static int
s_escalate (router_t *self, const char *id)
{
    sw_db_t *db = sw_server_db (self->server);
    if (sw_db_begin (db) != 0)
        return -1;
    const char *by_id[] = { id };
    PGresult *row = sw_db_query (
        db,
        "SELECT c.docket, c.state, coalesce(c.district_code, 'unknown'), c.status,"
        " coalesce(c.priority, 'P2'), c.unit_code, c.escalation_level + 1,"
        " (SELECT e.rank FROM unit_escalation e WHERE e.unit_code = c.unit_code"
        "   AND e.level = c.escalation_level + 1), coalesce(c.category, 'unclassified')"
        " FROM complaints c WHERE c.id = $1 AND" S_OVERDUE
        " FOR UPDATE OF c SKIP LOCKED",
        1, by_id);
    if (!row) {
        sw_db_rollback (db);
        return -1;
    }
    if (PQntuples (row) != 1) {
        PQclear (row);
        sw_db_rollback (db);
        return 0;
    }
    const char *docket = PQgetvalue (row, 0, 0);
    const char *state = PQgetvalue (row, 0, 1);
    const char *district = PQgetvalue (row, 0, 2);
    const char *deadline = strcmp (PQgetvalue (row, 0, 3), "ROUTED") == 0 ? "acknowledge"
                                                                          : "resolve";
    const char *unit_code = PQgetvalue (row, 0, 5);
    const char *level = PQgetvalue (row, 0, 6);
    const char *rank = PQgetvalue (row, 0, 7);
    sw_state_sla_t sla = sw_state_sla (self->state, PQgetvalue (row, 0, 4));
    char span[32];
    snprintf (span, sizeof span, "%" PRId64,
              strcmp (deadline, "acknowledge") == 0 ? sla.acknowledge_s : sla.resolve_s);
    router_ids_t ids = { 0 };
    char *status_url = router_status_url (self, docket);
    char *body = NULL;

    const char *update[] = { id, level, deadline, span };
    if (sw_db_exec (db,
                    "UPDATE complaints SET escalation_level = $2::integer,"
                    " ack_deadline = CASE WHEN $3 = 'acknowledge'"
                    "   THEN now() + make_interval(secs => $4::double precision)"
                    "   ELSE ack_deadline END,"
                    " resolve_deadline = CASE WHEN $3 = 'resolve'"
                    "   THEN now() + make_interval(secs => $4::double precision)"
                    "   ELSE resolve_deadline END,"
                    " version = version + 1, updated_at = now() WHERE id = $1",
                    4, update) != 0
        || sw_db_exec (db,
                       "UPDATE assignments SET escalation_level = $2::integer"
                       " WHERE complaint_id = $1 AND active",
                       2, update) != 0)
        goto fail;
    const char *event[] = { id, docket, state, district, level, rank, deadline };
    if (sw_db_exec (db,
                    "INSERT INTO events (complaint_id, docket, state, district, event_type,"
                    " actor, payload) VALUES ($1, $2, $3, $4, 'escalated', 'sunwai-router',"
                    " jsonb_build_object('level', $5::integer, 'rank', $6::text,"
                    " 'deadline', $7::text))",
                    7, event) != 0)
        goto fail;
    const sw_state_unit_t *unit = sw_state_unit_by_code (self->state, unit_code);
    if (unit) {
        const char *district_name = sw_state_district_name (self->state, district);
        body = sw_state_render (self->state, NULL, "escalation", "docket", docket, "rank", rank,
                                "unit_name", unit->name, "category", PQgetvalue (row, 0, 8),
                                "district", district_name ? district_name : district,
                                "status_url", status_url, NULL);
        char prefix[96];
        snprintf (prefix, sizeof prefix, "esc:%s:%s:", id, level);
        if (body
            && router_unit_alerts (self, id, unit, "escalation", prefix, "", body, &ids)
                   != 0)
            goto fail;
    }
    if (sw_db_commit (db) != 0)
        goto fail;
    sw_counter_inc (self->escalations);
    sw_log_kv (SW_LOG_INFO, "complaint escalated", "complaint", id, "docket", docket, "unit",
               unit_code, "escalation_level", level, "rank", rank, "deadline", deadline, NULL);
    PQclear (row);
    free (body);
    free (status_url);
    router_push_outbox (self, ids.ids, ids.count);
    free (ids.ids);
    return 1;
fail:
    PQclear (row);
    free (body);
    free (status_url);
    free (ids.ids);
    sw_db_rollback (db);
    return -1;
}

//  Give one queued case (open, active assignment with no officer) to the
//  least loaded officer of its unit with a free place, in its own
//  transaction.  1 assigned, 0 nothing to do (taken, no longer queued, no
//  free officer), -1 failed.
static int
s_assign (router_t *self, const char *id)
{
    sw_db_t *db = sw_server_db (self->server);
    if (sw_db_begin (db) != 0)
        return -1;
    const char *by_id[] = { id };
    PGresult *row = sw_db_query (
        db,
        "SELECT a.id, a.unit_code, c.docket, c.state, coalesce(c.district_code, 'unknown')"
        " FROM assignments a JOIN complaints c ON c.id = a.complaint_id"
        " WHERE a.complaint_id = $1 AND a.active AND a.officer_id IS NULL"
        " AND c.status IN " S_OPEN " FOR UPDATE OF a, c SKIP LOCKED",
        1, by_id);
    if (!row) {
        sw_db_rollback (db);
        return -1;
    }
    if (PQntuples (row) != 1) {
        PQclear (row);
        sw_db_rollback (db);
        return 0;
    }
    char officer_id[32], login[128];
    int picked = router_pick_officer (self, PQgetvalue (row, 0, 1), officer_id,
                                      sizeof officer_id, login, sizeof login);
    if (picked <= 0) {
        PQclear (row);
        sw_db_rollback (db);
        return picked;
    }
    const char *update[] = { PQgetvalue (row, 0, 0), officer_id };
    const char *event[] = { id, PQgetvalue (row, 0, 2), PQgetvalue (row, 0, 3),
                            PQgetvalue (row, 0, 4), login, PQgetvalue (row, 0, 1) };
    if (sw_db_exec (db, "UPDATE assignments SET officer_id = $2::bigint WHERE id = $1", 2,
                    update) != 0
        || sw_db_exec (db,
                       "INSERT INTO events (complaint_id, docket, state, district, event_type,"
                       " actor, payload) VALUES ($1, $2, $3, $4, 'assigned', 'sunwai-router',"
                       " jsonb_build_object('officer', $5::text, 'unit', $6::text))",
                       6, event) != 0
        || sw_db_exec (db,
                       "UPDATE complaints SET version = version + 1, updated_at = now()"
                       " WHERE id = $1",
                       1, by_id) != 0
        || sw_db_commit (db) != 0) {
        PQclear (row);
        sw_db_rollback (db);
        return -1;
    }
    sw_log_kv (SW_LOG_INFO, "complaint assigned", "complaint", id, "docket",
               PQgetvalue (row, 0, 2), "unit", PQgetvalue (row, 0, 1), "officer", login, NULL);
    PQclear (row);
    return 1;
}

//  Queued cases, oldest first, of units that have an officer with a free
//  place.
static int
s_assign_queued (router_t *self)
{
    PGresult *queued = sw_db_query (
        sw_server_db (self->server),
        "SELECT c.id FROM assignments a JOIN complaints c ON c.id = a.complaint_id"
        " WHERE a.active AND a.officer_id IS NULL AND c.status IN " S_OPEN
        " AND EXISTS (SELECT 1 FROM officers o WHERE o.unit_code = a.unit_code AND o.active"
        "   AND o.role = 'officer' AND (SELECT count(*) FROM assignments x"
        "     JOIN complaints y ON y.id = x.complaint_id WHERE x.active"
        "     AND x.officer_id = o.id AND y.status IN " S_OPEN ") < o.capacity)"
        " ORDER BY c.received_at, c.id LIMIT " S_ASSIGN_BATCH,
        0, NULL);
    if (!queued)
        return -1;
    int rc = 0;
    for (int i = 0; i < PQntuples (queued); i++)
        if (s_assign (self, PQgetvalue (queued, i, 0)) < 0) {
            rc = -1;
            break;
        }
    PQclear (queued);
    return rc;
}

int
router_sla_tick (router_t *self)
{
    sw_db_t *db = sw_server_db (self->server);
    if (!self->state || !db || !sw_server_db_ready (self->server))
        return -1;
    int rc = 0;
    //  A reopened case (by an officer, or by the citizen's follow-up in
    //  ingest) starts its resolve SLA again, once per reopening, from the
    //  bottom of the ladder; the old deadline has usually passed already.
    static const char *priorities[] = { "P1", "P2", "P3" };
    for (int p = 0; p < 3; p++) {
        char span[32];
        snprintf (span, sizeof span, "%lld",
                  (long long) sw_state_sla (self->state, priorities[p]).resolve_s);
        const char *params[] = { span, priorities[p] };
        if (sw_db_exec (
                db,
                "WITH r AS ("
                " UPDATE complaints c"
                "    SET resolve_deadline = now() + make_interval(secs => $1::double precision),"
                "        escalation_level = 0, version = c.version + 1, updated_at = now()"
                "  WHERE c.status = 'REOPENED' AND coalesce(c.priority, 'P2') = $2"
                "    AND (SELECT max(e.at) FROM events e"
                "          WHERE e.complaint_id = c.id AND e.event_type = 'reopened')"
                "      > coalesce((SELECT max(e.at) FROM events e"
                "                   WHERE e.complaint_id = c.id AND e.event_type = 'sla_restarted'),"
                "                 '-infinity')"
                "  RETURNING c.id, c.docket, c.state, coalesce(c.district_code, 'unknown') AS district)"
                " INSERT INTO events (complaint_id, docket, state, district, event_type, actor, payload)"
                " SELECT id, docket, state, district, 'sla_restarted', 'sunwai-router',"
                "        jsonb_build_object('reason', 'reopened', 'priority', $2::text) FROM r",
                2, params)
            != 0)
            rc = -1;
    }
    PGresult *due = sw_db_query (db,
                                 "SELECT c.id FROM complaints c WHERE" S_OVERDUE
                                 " ORDER BY c.id LIMIT " S_ESCALATE_BATCH,
                                 0, NULL);
    if (!due)
        return -1;
    for (int i = 0; i < PQntuples (due); i++)
        if (s_escalate (self, PQgetvalue (due, i, 0)) < 0) {
            rc = -1;
            break;
        }
    PQclear (due);
    if (s_assign_queued (self) != 0)
        rc = -1;

    char after[32];
    snprintf (after, sizeof after, "%ld",
              sw_config_int (sw_server_config (self->server), "outbox.repush_after_s"));
    const char *params[] = { after };
    PGresult *stale = sw_db_query (
        db,
        "SELECT id FROM outbox WHERE state = 'pending'"
        " AND coalesce(pushed_at, created_at)"
        "   < now() - make_interval(secs => $1::double precision)"
        " ORDER BY id LIMIT " S_REPUSH_BATCH,
        1, params);
    if (!stale)
        return -1;
    size_t count = (size_t) PQntuples (stale);
    if (count) {
        int64_t *ids = malloc (count * sizeof *ids);
        if (!ids)
            abort ();
        for (size_t i = 0; i < count; i++)
            ids[i] = strtoll (PQgetvalue (stale, (int) i, 0), NULL, 10);
        router_push_outbox (self, ids, count);
        free (ids);
    }
    PQclear (stale);
    return rc;
}
