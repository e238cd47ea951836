"""End to end: sunwai-analytics' figures (/api/v1/stats) equal what direct
SQL over complaints and events says: after the start-up snapshot, while
events arrive (the live tail), and after a restart."""
import json
import random
import time

import pytest

import sunwai_e2e as e2e
from analytics_helpers import head, ingest, start_analytics

TZ = "Asia/Kolkata"
DISTRICTS = ["162", "146", "170", None]
UNITS = {"162": "lucknow", "146": "agra", "170": "varanasi"}
CATEGORIES = ["theft", "cyber_fraud", "traffic", "assault"]
REASONS = ["spam", "not_police_matter", "outside_jurisdiction", "duplicate"]


def event(db, cid, docket, district, kind, payload=None):
    db.query("INSERT INTO events (complaint_id, docket, state, district, event_type, actor,"
             " payload) VALUES (%s, %s, 'up', %s, %s, 'e2e', %s::jsonb)",
             (cid, docket, district or "unknown", kind, json.dumps(payload or {})))


def make_cases(db, rng, count):
    """Complaints in every state of their life, as router and officers
    would leave them (row and events)."""
    for unit in UNITS.values():
        db.query("INSERT INTO units (code, state, name) VALUES (%s, 'up', %s)"
                 " ON CONFLICT DO NOTHING", (unit, unit))
    for i in range(count):
        cid, docket = ingest(db, text="case %d" % i,
                             channel=rng.choice(["api", "web", "sms"]))
        district = rng.choice(DISTRICTS)
        unit = UNITS.get(district)
        category = rng.choice(CATEGORIES)
        priority = rng.choice(["P1", "P2", "P3"])
        language = rng.choice(["hi", "en", None])
        fate = rng.choice(["received", "routed", "acked", "resolved", "closed", "rejected",
                           "reopened", "overdue"])
        #  Times relative to the received time, so durations are known.
        ack = rng.randint(60, 7200)
        res = ack + rng.randint(600, 86400)
        db.query("UPDATE complaints SET received_at = received_at - interval '3 days'"
                 "   - make_interval(secs => %s) WHERE id = %s", (rng.randint(0, 200000), cid))
        #  Every change to a complaint comes with an event (the tail
        #  re-reads the row on each); back-dating it is no exception.
        event(db, cid, docket, None, "classified", {"category": category})
        if fate == "received":
            continue
        db.query("UPDATE complaints SET status = 'ROUTED', district_code = %s, unit_code = %s,"
                 " category = %s, priority = %s, language = %s,"
                 " ack_deadline = received_at + interval '1 hour',"
                 " resolve_deadline = received_at + interval '10 days' WHERE id = %s",
                 (district, unit, category, priority, language, cid))
        event(db, cid, docket, district, "routed", {"unit": unit, "category": category})
        if fate == "rejected":
            reason = rng.choice(REASONS)
            db.query("UPDATE complaints SET status = 'REJECTED', reject_reason = %s,"
                     " unit_code = NULL WHERE id = %s", (reason, cid))
            event(db, cid, docket, district, "rejected", {"reason": reason})
            continue
        if fate == "overdue":
            db.query("UPDATE complaints SET resolve_deadline = now() - interval '1 hour'"
                     " WHERE id = %s", (cid,))
            event(db, cid, docket, district, "escalated", {})
            continue
        if fate == "routed":
            continue
        db.query("UPDATE complaints SET status = 'ACKNOWLEDGED',"
                 " acknowledged_at = received_at + make_interval(secs => %s) WHERE id = %s",
                 (ack, cid))
        event(db, cid, docket, district, "acknowledged")
        if fate == "acked":
            continue
        db.query("UPDATE complaints SET status = 'RESOLVED',"
                 " resolved_at = received_at + make_interval(secs => %s) WHERE id = %s",
                 (res, cid))
        event(db, cid, docket, district, "resolved")
        if fate == "closed":
            db.query("UPDATE complaints SET status = 'CLOSED' WHERE id = %s", (cid,))
            event(db, cid, docket, district, "closed", {"reason": "confirmed"})
        elif fate == "reopened":
            citizen = rng.random() < 0.5
            db.query("UPDATE complaints SET status = 'REOPENED', resolved_at = NULL"
                     " WHERE id = %s", (cid,))
            event(db, cid, docket, district, "follow_up", {"link": "reply"})
            event(db, cid, docket, district, "reopened",
                  {"reason": "citizen_follow_up"} if citizen
                  else {"from": "RESOLVED", "reason": "officer"})
    #  A citizen's dispute recorded as a follow-up link, on some case.
    cid, docket = db.query("SELECT id, docket FROM complaints ORDER BY id LIMIT 1")[0]
    event(db, cid, docket, None, "follow_up", {"link": "dispute"})


def _counts(db, group):
    rows = db.query(
        "SELECT " + group + ", count(*),"
        " count(*) FILTER (WHERE status IN ('RESOLVED', 'CLOSED')),"
        " count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED')),"
        " count(*) FILTER (WHERE status = 'REJECTED')"
        " FROM complaints GROUP BY 1", None)
    return {r[0]: {"received": r[1], "resolved": r[2], "pending": r[3], "rejected": r[4]}
            for r in rows}


def _times(db, group, column):
    ms = "floor(extract(epoch FROM %s) * 1000)" % column
    rows = db.query(
        "SELECT " + group + ", count(*),"
        " percentile_cont(0.5) WITHIN GROUP (ORDER BY (" + ms + " - floor(extract(epoch FROM"
        " received_at) * 1000)) / 1000.0),"
        " percentile_cont(0.9) WITHIN GROUP (ORDER BY (" + ms + " - floor(extract(epoch FROM"
        " received_at) * 1000)) / 1000.0)"
        " FROM complaints WHERE " + column + " IS NOT NULL GROUP BY 1", None)
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def sql_figures(db):
    """The figures by direct SQL, by the definitions in docs/analytics.md."""
    total = db.query(
        "SELECT count(*), count(*) FILTER (WHERE status IN ('RESOLVED', 'CLOSED')),"
        " count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED')),"
        " count(*) FILTER (WHERE status = 'REJECTED'),"
        " count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED')"
        "   AND ((resolve_deadline IS NOT NULL AND now() > resolve_deadline)"
        "        OR (acknowledged_at IS NULL AND ack_deadline IS NOT NULL"
        "            AND now() > ack_deadline)))"
        " FROM complaints")[0]
    reasons = dict(db.query("SELECT reject_reason, count(*) FROM complaints"
                            " WHERE status = 'REJECTED' GROUP BY 1"))
    reopen = db.query(
        "SELECT count(DISTINCT complaint_id) FILTER (WHERE event_type = 'resolved'),"
        " count(DISTINCT complaint_id) FILTER (WHERE event_type = 'reopened'),"
        " count(*) FILTER (WHERE (event_type = 'reopened'"
        "                         AND payload ->> 'reason' = 'citizen_follow_up')"
        "                     OR (event_type = 'follow_up' AND payload ->> 'link' = 'dispute'))"
        " FROM events WHERE complaint_id IS NOT NULL")[0]
    return {
        "totals": {"received": total[0], "resolved": total[1], "pending": total[2],
                   "rejected": total[3], "past_sla": total[4],
                   "rejected_by_reason": reasons},
        "by_district": _counts(db, "coalesce(district_code, 'unknown')"),
        "by_unit": _counts(db, "coalesce(unit_code, 'unassigned')"),
        "by_category": _counts(db, "coalesce(category, 'unclassified')"),
        "by_priority": _counts(db, "coalesce(priority, 'none')"),
        "by_channel": _counts(db, "channel"),
        "by_language": _counts(db, "coalesce(language, 'unknown')"),
        "by_day": _counts(db, "to_char(received_at AT TIME ZONE '%s', 'YYYY-MM-DD')" % TZ),
        "ack": _times(db, "coalesce(district_code, 'unknown')", "acknowledged_at"),
        "resolve": _times(db, "coalesce(district_code, 'unknown')", "resolved_at"),
        "ack_unit": _times(db, "coalesce(unit_code, 'unassigned')", "acknowledged_at"),
        "reopen": {"resolved_ever": reopen[0], "reopened": reopen[1]},
        "disputes": reopen[2],
    }


def strip(groups):
    return {k: {f: v[f] for f in ("received", "resolved", "pending", "rejected")}
            for k, v in groups.items()}


def check(svc, db):
    status, body, _ = svc.get("/api/v1/stats")
    assert status == 200, body
    got = json.loads(body)
    want = sql_figures(db)
    assert got["as_of_seq"] == head(db)
    assert got["totals"] == want["totals"]
    for name in ("by_district", "by_unit", "by_category", "by_priority", "by_channel",
                 "by_language", "by_day"):
        assert strip(got[name]) == want[name], name
    for key, (n, median, p90) in want["ack"].items():
        t = got["times"]["by_district"][key]["acknowledge"]
        assert t["n"] == n and abs(t["median_s"] - median) < 0.002 \
            and abs(t["p90_s"] - p90) < 0.002, (key, t, (n, median, p90))
    for key, (n, median, p90) in want["resolve"].items():
        t = got["times"]["by_district"][key]["resolve"]
        assert t["n"] == n and abs(t["median_s"] - median) < 0.002 \
            and abs(t["p90_s"] - p90) < 0.002, (key, t)
    for key, (n, median, _) in want["ack_unit"].items():
        t = got["times"]["by_unit"][key]["acknowledge"]
        assert t["n"] == n and abs(t["median_s"] - median) < 0.002
    assert got["reopen"]["resolved_ever"] == want["reopen"]["resolved_ever"]
    assert got["reopen"]["reopened"] == want["reopen"]["reopened"]
    assert got["disputes"] == want["disputes"]
    assert got["past_sla"]["total"] == want["totals"]["past_sla"]
    league = got["league"]
    assert [row["rank"] for row in league] == list(range(1, len(league) + 1))
    assert {row["district"] for row in league} == set(want["by_district"])
    rates = [row["resolution_rate"] for row in league if row["resolution_rate"] is not None]
    assert rates == sorted(rates, reverse=True)
    return got


def wait_caught_up(svc, db):
    e2e.wait_for(lambda: svc.metric("sunwai_analytics_last_seq") == head(db), timeout=20,
                 what="analytics caught up")


def test_figures_equal_sql_after_start_live_and_restart(db, services):
    rng = random.Random(7)
    svc = start_analytics(services, db)   # migrates the empty database
    svc.stop()
    make_cases(db, rng, 120)
    svc = start_analytics(services, db)   # snapshot path
    check(svc, db)
    make_cases(db, rng, 80)               # live path
    wait_caught_up(svc, db)
    got = check(svc, db)
    assert got["totals"]["received"] == 200
    rc, _ = svc.stop()
    assert rc == 0
    svc = start_analytics(services, db)   # restart: rebuilt from PostgreSQL
    check(svc, db)


def test_stats_filters(db, services):
    rng = random.Random(11)
    svc = start_analytics(services, db)
    make_cases(db, rng, 60)
    wait_caught_up(svc, db)
    status, body, _ = svc.get("/api/v1/stats?district=162&category=theft")
    got = json.loads(body)
    want = db.query("SELECT count(*) FROM complaints WHERE district_code = '162'"
                    " AND category = 'theft'")[0][0]
    assert status == 200 and got["totals"]["received"] == want
    day = db.query("SELECT min(to_char(received_at AT TIME ZONE %s, 'YYYY-MM-DD'))"
                   " FROM complaints", (TZ,))[0][0]
    status, body, _ = svc.get("/api/v1/stats?from=%s&to=%s" % (day, day))
    want = db.query("SELECT count(*) FROM complaints WHERE to_char(received_at AT TIME ZONE"
                    " %s, 'YYYY-MM-DD') = %s", (TZ, day))[0][0]
    assert json.loads(body)["totals"]["received"] == want
    assert json.loads(body)["filter"]["from"] == day
    for bad in ("from=2026-13-01", "to=yesterday", "district=a%27b", "category=" + "x" * 80):
        status, body, _ = svc.get("/api/v1/stats?" + bad)
        assert status == 400, (bad, body)
