"""End to end: sunwai-router's incident grouping (several reports of one
incident become one case with N reporters, each answered), load-aware
assignment to a unit's officers (with a queue the SLA timer drains), and
batches: the complaints waiting are routed in one transaction, sent in
libpq's pipeline mode.  Uses
the helpers of test_router.py: the test plays classifier on router's
in.endpoint; complaint rows are created with sunwai_ingest()."""
import os
import signal
import time

import pytest
import zmq

import sunwai_e2e as e2e
import test_router as tr

OPEN = ("ROUTED", "ACKNOWLEDGED", "REOPENED")


@pytest.fixture
def zctx():
    ctx = zmq.Context()
    yield ctx
    ctx.destroy(linger=0)


def route_one(db, push, text, category="theft", priority="P2", district="162",
              district_name="Lucknow"):
    """Ingest one complaint, send it classified and wait until it is routed."""
    cid, docket = tr.ingest(db, text=text)
    push.send_multipart(tr.complaint(cid, docket, tr.classification(
        category, priority, district=district, district_name=district_name), text=text))
    tr.wait_routed(db, [cid])
    return cid, docket


def link(db, cid):
    return db.query("SELECT parent_id, link_kind, status, unit_code FROM complaints"
                    " WHERE id = %s", (cid,))[0]


def events(db, cid, kind):
    return db.query("SELECT payload FROM events WHERE complaint_id = %s AND event_type = %s"
                    " ORDER BY seq", (cid, kind))


def kinds(db, cid):
    return [r[1] for r in tr.outbox(db, cid)]


SIMILAR = [
    "My phone was stolen at Hazratganj market this evening",
    "phone stolen at hazratganj market this evening, please help",
    "Someone stole my phone at Hazratganj market this evening!",
]


def test_incident_grouping(db, services, zctx):
    svc = tr.start_router(services, db)
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(svc.endpoints["in.endpoint"]))

    parent = route_one(db, push, SIMILAR[0])
    children = [route_one(db, push, text) for text in SIMILAR[1:]]

    assert link(db, parent[0]) == (None, None, "ROUTED", "lucknow")
    for cid, docket in children:
        assert link(db, cid) == (parent[0], "incident", "ROUTED", "lucknow")
        #  A child has no assignment and no unit alert of its own ...
        assert db.query("SELECT count(*) FROM assignments WHERE complaint_id = %s",
                        (cid,))[0][0] == 0
        assert kinds(db, cid) == ["ack"]
        #  ... but its reporter is answered.
        ack = tr.outbox(db, cid)[0]
        assert ack[7] == "ack:%d" % cid and docket in ack[6] and "@lkopolice" in ack[6], ack
        grouped = events(db, cid, "grouped")
        assert len(grouped) == 1 and grouped[0][0]["parent"] == parent[1], grouped
        assert 40 <= grouped[0][0]["similarity"] <= 100, grouped
        assert events(db, cid, "routed") == []
    #  One case: one unit alert set, one assignment.
    assert kinds(db, parent[0]) == ["ack", "unit_alert"]
    all_ids = [parent[0]] + [c[0] for c in children]
    assert db.query("SELECT count(*) FROM outbox WHERE kind = 'ack'"
                    " AND complaint_id = ANY(%s)", (all_ids,))[0][0] == 3
    assert db.query("SELECT count(*) FROM outbox WHERE kind = 'unit_alert'"
                    " AND complaint_id = ANY(%s)", (all_ids,))[0][0] == 1
    assert db.query("SELECT count(*) FROM assignments WHERE complaint_id = ANY(%s)",
                    (all_ids,))[0][0] == 1

    #  A different theft in the same district is a case of its own.
    other = route_one(db, push, "Bicycle taken from Charbagh railway station parking lot")
    assert link(db, other[0]) == (None, None, "ROUTED", "lucknow")
    assert kinds(db, other[0]) == ["ack", "unit_alert"]
    #  The same words in another district: its own case too.
    away = route_one(db, push, SIMILAR[0], district="164", district_name="Maharajganj")
    assert link(db, away[0])[:2] == (None, None)
    assert link(db, away[0])[3] != "lucknow"
    #  Another category with the same words: its own case.
    cat = route_one(db, push, SIMILAR[0], category="vehicle_theft")
    assert link(db, cat[0])[:2] == (None, None)
    #  P1 goes to the emergency unit on its own.
    p1 = route_one(db, push, SIMILAR[0], priority="P1")
    assert link(db, p1[0]) == (None, None, "ROUTED", "up112")
    #  Information is never grouped.
    info = [route_one(db, push, "how do I get a character certificate", "information", "P3")
            for _ in range(2)]
    assert [link(db, c[0])[:2] for c in info] == [(None, None), (None, None)]

    #  A resolved parent takes no more children: a new report starts a case.
    db.query("UPDATE complaints SET status = 'RESOLVED' WHERE id = %s", (parent[0],))
    late = route_one(db, push, SIMILAR[1])
    assert link(db, late[0]) == (None, None, "ROUTED", "lucknow")

    tr.check_chain(db)
    push.close(linger=0)
    assert svc.stop()[0] == 0


def test_children_are_not_escalated(db, services, zctx, tmp_path):
    svc = tr.start_router(services, db, state_file=tr.short_sla_state(tmp_path),
                          **{"sla.interval_ms": "300"})
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(svc.endpoints["in.endpoint"]))
    parent = route_one(db, push, SIMILAR[0])
    child = route_one(db, push, SIMILAR[1])
    assert link(db, child[0])[0] == parent[0]
    #  The P2 acknowledge SLA is 2 s here: the parent climbs, the child not.
    e2e.wait_for(lambda: tr.status_of(db, parent[0])[4] >= 1, timeout=10,
                 what="parent escalated")
    assert tr.status_of(db, child[0])[4] == 0
    assert events(db, child[0], "escalated") == []
    assert [r for r in kinds(db, child[0]) if r == "escalation"] == []
    push.close(linger=0)
    assert svc.stop()[0] == 0


def test_grouping_disabled(db, services, zctx):
    svc = tr.start_router(services, db, **{"incident.window_s": "0"})
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(svc.endpoints["in.endpoint"]))
    cases = [route_one(db, push, text) for text in SIMILAR]
    for cid, _ in cases:
        assert link(db, cid) == (None, None, "ROUTED", "lucknow")
        assert kinds(db, cid) == ["ack", "unit_alert"]
        assert events(db, cid, "grouped") == []
    push.close(linger=0)
    assert svc.stop()[0] == 0


def test_similarity_threshold(db, services, zctx):
    """similarity_pct=100: only the same word set is one incident."""
    svc = tr.start_router(services, db, **{"incident.similarity_pct": "100"})
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(svc.endpoints["in.endpoint"]))
    first = route_one(db, push, SIMILAR[0])
    near = route_one(db, push, SIMILAR[1])
    same = route_one(db, push, SIMILAR[0].upper() + " !!")
    assert link(db, near[0])[:2] == (None, None)
    #  The most recent open candidate with the same word set wins.
    assert link(db, same[0])[:2] == (first[0], "incident")
    push.close(linger=0)
    assert svc.stop()[0] == 0


DISSIMILAR = [
    "Bicycle taken from Charbagh railway station parking lot",
    "Laptop bag missing after auto ride towards Aminabad",
    "Gold chain snatched near Kapoorthala crossing",
    "Shop lock broken, cash counter emptied overnight in Chowk",
]


def officer_of(db, cid):
    rows = db.query("SELECT o.login FROM assignments a LEFT JOIN officers o"
                    " ON o.id = a.officer_id WHERE a.complaint_id = %s AND a.active", (cid,))
    assert len(rows) == 1, rows
    return rows[0][0]


def loads(db):
    return dict(db.query(
        "SELECT o.login, count(c.id) FROM officers o LEFT JOIN assignments a"
        " ON a.officer_id = o.id AND a.active LEFT JOIN complaints c ON c.id = a.complaint_id"
        " AND c.status IN ('ROUTED', 'ACKNOWLEDGED', 'REOPENED') GROUP BY o.login"))


def test_officer_assignment_and_queue(db, services, zctx):
    svc = tr.start_router(services, db, **{"sla.interval_ms": "300"})
    for login, capacity, active in (("lko_a", 2, True), ("lko_b", 1, True),
                                    ("lko_gone", 5, False)):
        db.query("INSERT INTO officers (login, name, role, unit_code, capacity, active)"
                 " VALUES (%s, %s, 'officer', 'lucknow', %s, %s)",
                 (login, login.upper(), capacity, active))
    #  An officer of another unit and a district officer are never picked
    #  for lucknow's cases.
    db.query("INSERT INTO officers (login, name, role, unit_code) VALUES"
             " ('cyber_x', 'C', 'officer', 'up_cyber'), ('lko_dist', 'D', 'district', 'lucknow')")
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(svc.endpoints["in.endpoint"]))
    cases = [route_one(db, push, text) for text in DISSIMILAR]
    assert all(link(db, c[0])[:2] == (None, None) for c in cases)
    assert [officer_of(db, c[0]) for c in cases] == ["lko_a", "lko_b", "lko_a", None]
    assert loads(db) == {"lko_a": 2, "lko_b": 1, "lko_gone": 0, "cyber_x": 0, "lko_dist": 0}
    routed = [events(db, c[0], "routed")[0][0] for c in cases]
    assert [p["officer"] for p in routed] == ["lko_a", "lko_b", "lko_a", None], routed
    #  A unit with no officers listed: the desk works the queue, as before.
    cyber = route_one(db, push, "upi fraud of 5000 rupees", "cyber_fraud")
    assert link(db, cyber[0])[3] == "up_cyber" and officer_of(db, cyber[0]) == "cyber_x"
    central = route_one(db, push, "how do I get a passport verified", "information", "P3")
    assert officer_of(db, central[0]) is None
    assert events(db, central[0], "routed")[0][0]["officer"] is None
    #  The queued case stays queued while everyone is full.
    time.sleep(1)
    assert officer_of(db, cases[3][0]) is None
    assert events(db, cases[3][0], "assigned") == []

    #  lko_a's first case is resolved: the timer gives the queued case to lko_a.
    db.query("UPDATE complaints SET status = 'RESOLVED' WHERE id = %s", (cases[0][0],))
    db.query("UPDATE assignments SET active = false, ended_at = now()"
             " WHERE complaint_id = %s", (cases[0][0],))
    e2e.wait_for(lambda: officer_of(db, cases[3][0]) is not None, timeout=5,
                 what="queued case assigned")
    assert officer_of(db, cases[3][0]) == "lko_a"
    assigned = events(db, cases[3][0], "assigned")
    assert len(assigned) == 1 and assigned[0][0]["officer"] == "lko_a", assigned
    assert loads(db)["lko_a"] == 2 and loads(db)["lko_b"] == 1
    svc.wait_log("complaint assigned")
    tr.check_chain(db)
    push.close(linger=0)
    assert svc.stop()[0] == 0


def test_reopened_case_restarts_its_sla_once(db, services, zctx):
    """A case reopened after its deadline (by an officer, or by the
    citizen's follow-up through ingest) gets a fresh resolve deadline from
    the bottom of the ladder, once per reopening, instead of escalating at
    once on the stale deadline."""
    svc = tr.start_router(services, db, **{"sla.interval_ms": "300"})
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(svc.endpoints["in.endpoint"]))
    cid, docket = route_one(db, push, "Mera purse chheen liya gaya Aminabad market me")
    db.query("UPDATE complaints SET status = 'REOPENED', escalation_level = 2,"
             " resolve_deadline = now() - interval '3 hours' WHERE id = %s", (cid,))
    db.query("INSERT INTO events (complaint_id, docket, state, district, event_type, actor, payload)"
             " VALUES (%s, %s, 'up', '162', 'reopened', 'sunwai-ingest', '{}')", (cid, docket))
    e2e.wait_for(lambda: events(db, cid, "sla_restarted"), timeout=10, what="sla restarted")
    level, fresh = db.query("SELECT escalation_level, resolve_deadline > now() + interval '40 hours'"
                            " FROM complaints WHERE id = %s", (cid,))[0]
    assert level == 0 and fresh                       # P2: 48 h to resolve again
    time.sleep(1.5)                                   # several ticks later: still once
    assert len(events(db, cid, "sla_restarted")) == 1
    assert not events(db, cid, "escalated")
    tr.check_chain(db)
    assert svc.stop()[0] == 0


def test_resolving_an_incident_answers_every_reporter(db, services, zctx):
    svc = tr.start_router(services, db)
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(svc.endpoints["in.endpoint"]))
    parent, parent_docket = route_one(db, push, SIMILAR[0])
    child, _ = route_one(db, push, SIMILAR[1])
    assert link(db, child)[:2] == (parent, "incident")
    token = "swt_hq_" + str(parent)
    import hashlib
    oid = db.query("INSERT INTO officers (login, name, role) VALUES ('hq1', 'HQ', 'hq')"
                   " RETURNING id")[0][0]
    db.query("INSERT INTO tokens (officer_id, token_hash) VALUES (%s, %s)",
             (oid, hashlib.sha256(token.encode()).digest()))
    r = e2e.run("sunwaictl", "--set",
                "router.endpoint=>" + tr.endpoint(svc.endpoints["commands.endpoint"]),
                "resolve", parent_docket, "--note", "Phone recovered from the accused",
                env={"SUNWAI_TOKEN": token}, timeout=20)
    assert r.returncode == 0, r.stderr
    assert "with 1 grouped report" in r.stdout + r.stderr
    assert link(db, parent)[2] == "RESOLVED" and link(db, child)[2] == "RESOLVED"
    assert "resolution" in kinds(db, parent) and "resolution" in kinds(db, child)
    assert events(db, child, "resolved")[0][0]["with"] == parent_docket
    assert svc.stop()[0] == 0


def as_one_batch(svc, push, messages):
    """Sends messages while the router is stopped (SIGSTOP), so that they are
    all waiting when it runs again and it takes them as one batch."""
    os.kill(svc.proc.pid, signal.SIGSTOP)
    try:
        for message in messages:
            push.send_multipart(message)
        time.sleep(0.3)
    finally:
        os.kill(svc.proc.pid, signal.SIGCONT)


def batch_router(services, db, zctx):
    """A router logging its batches, and a PUSH socket already connected to
    it (one complaint routed through it), for as_one_batch."""
    svc = tr.start_router(services, db, **{"log.level": "debug"})
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(svc.endpoints["in.endpoint"]))
    route_one(db, push, "warm up: my cycle was stolen in Aminabad")
    return svc, push


def batch_sizes(svc):
    return [int(line["complaints"]) for line in svc.logs("batch committed")]


def rows_of(db, cid):
    """What routing writes for a complaint, table by table."""
    return {table: db.query("SELECT count(*) FROM %s WHERE complaint_id = %%s" % table,
                            (cid,))[0][0]
            for table in ("classifications", "assignments", "events", "outbox")}


def test_one_batch_routes_each_once(db, services, zctx):
    svc, push = batch_router(services, db, zctx)
    a = tr.ingest(db, text="my phone was stolen at Charbagh station")
    b = tr.ingest(db, text="a man hit my brother outside the cinema")
    msg_a = tr.complaint(a[0], a[1], tr.classification("theft"))
    msg_b = tr.complaint(b[0], b[1], tr.classification("assault"))
    #  a twice in the batch: the second delivery finds what the first did
    as_one_batch(svc, push, [msg_a, msg_a, msg_b])
    tr.wait_routed(db, [a[0], b[0]])
    e2e.wait_for(lambda: 3 in batch_sizes(svc), what="a batch of 3")
    svc.wait_metric("sunwai_router_duplicates_total", lambda v: v == 1, timeout=5)
    for cid in (a[0], b[0]):       #  events: received, classified, routed
        assert tr.status_of(db, cid)[:2] == ("ROUTED", "lucknow")
        assert rows_of(db, cid) == {"classifications": 1, "assignments": 1, "events": 3,
                                    "outbox": 2}, cid
        assert kinds(db, cid) == ["ack", "unit_alert"]
    assert db.query("SELECT version FROM complaints WHERE id = %s", (a[0],)) == [(2,)]
    tr.check_chain(db)
    push.close(linger=0)
    assert svc.stop()[0] == 0


def test_a_failing_complaint_leaves_the_rest_of_its_batch_routed(db, services, zctx):
    svc, push = batch_router(services, db, zctx)
    x = tr.ingest(db, text="my phone was stolen at Charbagh station")
    bad = tr.ingest(db, text="my purse was snatched near the zoo")
    y = tr.ingest(db, text="a man hit my brother outside the cinema")
    #  The database refuses bad's assignment: the batch's transaction fails
    #  in the middle of its pipeline
    db.query("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
             " $$BEGIN RAISE EXCEPTION 'refused by the test'; END$$")
    db.query("CREATE TRIGGER refuse BEFORE INSERT ON assignments FOR EACH ROW"
             " WHEN (NEW.complaint_id = %d) EXECUTE FUNCTION refuse()" % bad[0])
    msgs = {c[0]: tr.complaint(c[0], c[1], tr.classification(cat))
            for c, cat in ((x, "theft"), (bad, "theft"), (y, "assault"))}
    as_one_batch(svc, push, [msgs[x[0]], msgs[bad[0]], msgs[y[0]]])
    tr.wait_routed(db, [x[0], y[0]])
    line = svc.wait_log("could not route complaint; left RECEIVED", timeout=10)
    assert line["complaint"] == str(bad[0])
    #  The batch was rolled back and each routed on its own
    assert 3 not in batch_sizes(svc)
    assert tr.status_of(db, bad[0])[0] == "RECEIVED"
    assert rows_of(db, bad[0]) == {"classifications": 0, "assignments": 0, "events": 1,
                                   "outbox": 0}     #  the event is ingest's 'received'
    for cid in (x[0], y[0]):
        assert rows_of(db, cid)["outbox"] == 2
    failed = [line for line in svc.logs("could not execute statement")
              if "refused by the test" in line.get("error", "")]
    assert len(failed) == 2         #  once in the batch, once on its own
    #  The connection is still good: once the database takes it, it is routed
    db.query("DROP TRIGGER refuse ON assignments")
    push.send_multipart(msgs[bad[0]])
    tr.wait_routed(db, [bad[0]])
    assert rows_of(db, bad[0])["outbox"] == 2
    tr.check_chain(db)
    push.close(linger=0)
    assert svc.stop()[0] == 0
