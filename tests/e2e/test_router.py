"""End to end: sunwai-router routes complaints by deploy/up/state.yaml, writes
status, assignment, events and outbox rows, pushes notification jobs, and
escalates cases past their SLA.  The test plays classifier (a PUSH socket on
router's in.endpoint) and notifier (a PULL socket on its notify.endpoint);
complaint rows are created with sunwai_ingest() as ingest would."""
import json
import os
import re
import struct
import time

import pytest
import zmq

import sunwai_e2e as e2e

STATE_FILE = os.path.join(e2e.SOURCE_DIR, "deploy", "up", "state.yaml")
GAZETTEER = os.path.join(e2e.SOURCE_DIR, "deploy", "up", "gazetteer.yaml")
PRIORITY = {"P1": 1, "P2": 2, "P3": 3}


@pytest.fixture
def zctx():
    ctx = zmq.Context()
    yield ctx
    ctx.destroy(linger=0)


def endpoint(value):
    return value[1:]


def pb_float(field, value):
    return e2e._varint(field << 3 | 5) + struct.pack("<f", value)


def classification(category, priority="P2", district="162", district_name="Lucknow",
                   language="en", outside_place=None, outside_police=None,
                   needs_review=False):
    pb_bytes = e2e.pb_bytes
    body = pb_bytes(1, category) + pb_float(2, 0.91)
    if priority:
        body += e2e.pb_varint(4, PRIORITY[priority])
    body += pb_bytes(5, language)
    if district:
        body += pb_bytes(6, district) + pb_bytes(7, district_name)
    if needs_review:
        body += e2e.pb_varint(12, 1)
    body += pb_bytes(13, "test-model-1")
    if outside_place:
        body += pb_bytes(15, outside_place)
    if outside_police:
        body += pb_bytes(16, outside_police)
    return body


def complaint(cid, docket, cls=None, text="complaint text"):
    body = (e2e.pb_varint(1, cid) + e2e.pb_bytes(2, docket) + e2e.pb_bytes(3, "up")
            + e2e.pb_varint(4, 1) + e2e.pb_bytes(5, "src%d" % cid)
            + e2e.pb_bytes(8, e2e.pb_bytes(1, "uid%d" % cid) + e2e.pb_bytes(2, "citizen%d" % cid))
            + e2e.pb_bytes(9, text) + e2e.pb_varint(15, 1) + e2e.pb_varint(16, 1))
    if cls is not None:
        body += e2e.pb_bytes(20, cls)
    return [b"sunwai.v1.Complaint", body]


_seq = [0]


def ingest(db, text="my phone was stolen", source="x", channel="x_webhook"):
    """A new complaint row as ingest stores it: (id, docket)."""
    _seq[0] += 1
    n = "%d%d" % (os.getpid(), _seq[0])
    item = {"kind": "tweet", "channel": channel, "source": source, "source_id": "t" + n,
            "author_id": "a" + n, "author_handle": "h" + n, "text": text,
            "created_at_ms": 0}
    rows = db.query("SELECT complaint_id, docket FROM sunwai_ingest(%s::jsonb, 'up', 'UP', 0)",
                    (json.dumps([item]),))
    return rows[0][0], rows[0][1]


def start_router(services, db, state_file=STATE_FILE, **extra):
    values = {"state.file": state_file}
    values.update(extra)
    svc = services("router", db=db, set=values)
    svc.wait_ready()
    svc.wait_log("units synced", timeout=10)
    return svc


def status_of(db, cid):
    return db.query("SELECT status, unit_code, reject_reason, manual_triage, escalation_level"
                    " FROM complaints WHERE id = %s", (cid,))[0]


def wait_routed(db, ids, timeout=10):
    e2e.wait_for(lambda: all(status_of(db, c)[0] != "RECEIVED" for c in ids),
                 timeout=timeout, what="complaints routed")


def outbox(db, cid):
    return db.query("SELECT id, kind, channel, recipient, in_reply_to, language, body,"
                    " idempotency_key, pushed_at FROM outbox WHERE complaint_id = %s"
                    " ORDER BY id", (cid,))


def check_chain(db):
    rows = db.query("SELECT count(*), count(*) FILTER (WHERE sunwai_event_hash(prev_hash, e)"
                    " = hash) FROM events e")
    assert rows[0][0] > 0 and rows[0][0] == rows[0][1], rows
    gaps = db.query("SELECT count(*) FROM events e JOIN events p ON p.seq = e.seq - 1"
                    " WHERE e.prev_hash <> p.hash")
    assert gaps[0][0] == 0


#  Every category in Lucknow (LGD 162) -> unit (or rejection), by
#  deploy/up/state.yaml: P1 and emergency -> up112; cyber_fraud -> up_cyber;
#  police_conduct and information -> central_desk; spam and not_police are
#  rejected; everything else -> the district's unit.
RULES = [
    ("emergency", "P1", "up112", None),
    ("crime_against_women", "P2", "lucknow", None),
    ("cyber_fraud", "P2", "up_cyber", None),
    ("theft", "P2", "lucknow", None),
    ("theft", "P1", "up112", None),
    ("vehicle_theft", "P2", "lucknow", None),
    ("assault", "P2", "lucknow", None),
    ("missing_person", "P2", "lucknow", None),
    ("domestic_violence", "P2", "lucknow", None),
    ("land_dispute", "P3", "lucknow", None),
    ("traffic", "P3", "lucknow", None),
    ("nuisance", "P3", "lucknow", None),
    ("police_conduct", "P2", "central_desk", None),
    ("information", "P3", "central_desk", None),
    ("appreciation", "P3", "lucknow", None),
    ("spam", "P3", None, "spam"),
    ("not_police", "P3", None, "not_police_matter"),
]


def test_rule_table(db, services, zctx):
    svc = start_router(services, db)
    units = db.query("SELECT count(*) FROM units")[0][0]
    assert units == 79
    assert db.query("SELECT count(*) FROM unit_escalation WHERE unit_code = 'lucknow'")[0][0] == 6
    push = zctx.socket(zmq.PUSH)
    push.connect(endpoint(svc.endpoints["in.endpoint"]))
    cases = []
    for category, priority, unit, reason in RULES:
        cid, docket = ingest(db)
        push.send_multipart(complaint(cid, docket, classification(category, priority)))
        cases.append((cid, docket, category, priority, unit, reason))
    wait_routed(db, [c[0] for c in cases])
    for cid, docket, category, priority, unit, reason in cases:
        status, unit_code, reject_reason, triage, level = status_of(db, cid)
        what = (category, priority)
        if unit:
            assert (status, unit_code, reject_reason, triage) == ("ROUTED", unit, None, False), what
            assert db.query("SELECT unit_code, active, actor FROM assignments"
                            " WHERE complaint_id = %s", (cid,)) == [(unit, True, "sunwai-router")]
            rows = outbox(db, cid)
            acks = [r for r in rows if r[1] == "ack"]
            assert len(acks) == 1, (what, rows)
            assert acks[0][7] == "ack:%d" % cid
            assert docket in acks[0][6] and "sunwai.example/status/" + docket in acks[0][6]
            alerts = [r for r in rows if r[1] == "unit_alert"]
            handle = db.query("SELECT handle FROM units WHERE code = %s", (unit,))[0][0]
            if handle:
                assert [(r[2], r[3], r[7]) for r in alerts] == [
                    ("x_mention", handle, "alert:%d:x_mention:0" % cid)], (what, rows)
                assert "@" + handle in acks[0][6], acks[0][6]
            else:
                assert alerts == [], (what, rows)
            deadlines = db.query("SELECT round(extract(epoch FROM ack_deadline - now())),"
                                 " priority FROM complaints WHERE id = %s", (cid,))[0]
            sla = {"P1": 600, "P2": 7200, "P3": 86400}[priority]
            assert sla - 30 < deadlines[0] <= sla, (what, deadlines)
        else:
            assert (status, reject_reason, unit_code) == ("REJECTED", reason, None), what
            assert db.query("SELECT count(*) FROM assignments WHERE complaint_id = %s",
                            (cid,))[0][0] == 0
            rows = outbox(db, cid)
            if reason == "spam":
                assert rows == [], rows          # no public reply to spam
            else:
                assert [(r[1], r[2], r[7]) for r in rows] == [
                    ("reject", "x_reply", "reject:%d" % cid)], rows
        events = [r[0] for r in db.query("SELECT event_type FROM events WHERE complaint_id = %s"
                                         " ORDER BY seq", (cid,))]
        assert events == ["received", "classified", "routed" if unit else "rejected"], events
        cls = db.query("SELECT origin, category, priority, district_code, model_version"
                       " FROM classifications WHERE complaint_id = %s", (cid,))
        assert cls == [("model", category, priority, "162", "test-model-1")], cls
    #  No personal data and no text in event payloads.
    for (payload,) in db.query("SELECT payload::text FROM events WHERE event_type <> 'received'"):
        assert "complaint text" not in payload and "citizen" not in payload, payload
    assert svc.metric("sunwai_router_routed_total") == 15
    assert svc.metric("sunwai_router_rejected_total") == 2
    check_chain(db)
    push.close(linger=0)
    assert svc.stop()[0] == 0


def test_outside_unknown_and_unclassified(db, services, zctx):
    svc = start_router(services, db)
    push = zctx.socket(zmq.PUSH)
    push.connect(endpoint(svc.endpoints["in.endpoint"]))
    outside = ingest(db)
    unknown = ingest(db)
    bare = ingest(db)
    push.send_multipart(complaint(outside[0], outside[1], classification(
        "theft", "P2", district=None, language="hi", outside_place="Delhi",
        outside_police="@DelhiPolice")))
    push.send_multipart(complaint(unknown[0], unknown[1],
                                  classification("theft", "P2", district=None)))
    push.send_multipart(complaint(bare[0], bare[1]))
    wait_routed(db, [outside[0], unknown[0], bare[0]])

    assert status_of(db, outside[0])[:3] == ("REJECTED", None, "outside_jurisdiction")
    rows = outbox(db, outside[0])
    assert len(rows) == 1 and rows[0][1] == "reject" and rows[0][5] == "hi", rows
    assert "@DelhiPolice" in rows[0][6] and outside[1] in rows[0][6], rows

    status, unit, _, triage, _ = status_of(db, unknown[0])
    assert (status, unit, triage) == ("ROUTED", "central_desk", True)
    assert db.query("SELECT rule FROM assignments WHERE complaint_id = %s",
                    (unknown[0],)) == [("unknown_place",)]

    status, unit, _, triage, _ = status_of(db, bare[0])
    assert (status, unit, triage) == ("ROUTED", "central_desk", True)
    assert db.query("SELECT count(*) FROM classifications WHERE complaint_id = %s",
                    (bare[0],))[0][0] == 0
    events = [r[0] for r in db.query("SELECT event_type FROM events WHERE complaint_id = %s"
                                     " ORDER BY seq", (bare[0],))]
    assert events == ["received", "routed"]
    push.close(linger=0)
    assert svc.stop()[0] == 0


def test_duplicate_delivery_changes_nothing(db, services, zctx):
    svc = start_router(services, db)
    push = zctx.socket(zmq.PUSH)
    push.connect(endpoint(svc.endpoints["in.endpoint"]))
    cid, docket = ingest(db)
    msg = complaint(cid, docket, classification("theft", "P2"))
    push.send_multipart(msg)
    wait_routed(db, [cid])
    before = (db.query("SELECT version FROM complaints WHERE id = %s", (cid,)),
              db.query("SELECT count(*) FROM assignments"),
              db.query("SELECT count(*) FROM events"),
              db.query("SELECT count(*) FROM outbox"),
              db.query("SELECT count(*) FROM classifications"))
    push.send_multipart(msg)
    push.send_multipart(msg)
    #  A complaint with no row at all is logged and ignored.
    push.send_multipart(complaint(999999, "UP-2026-9999999", classification("theft")))
    svc.wait_metric("sunwai_router_duplicates_total", lambda v: v == 2, timeout=5)
    svc.wait_metric("sunwai_router_received_total", lambda v: v == 4, timeout=5)
    after = (db.query("SELECT version FROM complaints WHERE id = %s", (cid,)),
             db.query("SELECT count(*) FROM assignments"),
             db.query("SELECT count(*) FROM events"),
             db.query("SELECT count(*) FROM outbox"),
             db.query("SELECT count(*) FROM classifications"))
    assert before == after
    check_chain(db)
    push.close(linger=0)
    assert svc.stop()[0] == 0


def test_replies_channels_and_push(db, services, zctx):
    """Jobs are pushed after the commit; with no notifier they stay pending
    and are re-pushed once one connects."""
    svc = start_router(services, db, **{"sla.interval_ms": "300",
                                        "outbox.repush_after_s": "1"})
    push = zctx.socket(zmq.PUSH)
    push.connect(endpoint(svc.endpoints["in.endpoint"]))
    phone = "9876543210"
    women = ingest(db, text="he follows me every day, call me " + phone)
    theft = ingest(db, text="my bike was stolen, my number " + phone)
    dm = ingest(db, text="mobile snatched", source="x_dm", channel="x_dm")
    web = ingest(db, text="noise at night", source="web", channel="web")
    push.send_multipart(complaint(women[0], women[1], classification("crime_against_women"),
                                  text="he follows me every day, call me " + phone))
    push.send_multipart(complaint(theft[0], theft[1], classification("theft", language="hi"),
                                  text="my bike was stolen, my number " + phone))
    push.send_multipart(complaint(dm[0], dm[1], classification("theft")))
    push.send_multipart(complaint(web[0], web[1], classification("nuisance", "P3")))
    wait_routed(db, [women[0], theft[0], dm[0], web[0]])

    author = {r[0]: r[1:] for r in db.query(
        "SELECT id, author_id, author_handle, source_id FROM complaints")}

    ack = [r for r in outbox(db, women[0]) if r[1] == "ack"][0]
    assert (ack[2], ack[3], ack[4]) == ("x_dm", author[women[0]][0], None), ack
    ack = [r for r in outbox(db, theft[0]) if r[1] == "ack"][0]
    assert (ack[2], ack[3], ack[4], ack[5]) == (
        "x_reply", author[theft[0]][1], author[theft[0]][2], "hi"), ack
    assert theft[1] in ack[6] and "@lkopolice" in ack[6], ack
    ack = [r for r in outbox(db, dm[0]) if r[1] == "ack"][0]
    assert (ack[2], ack[3]) == ("x_dm", author[dm[0]][0]), ack
    ack = [r for r in outbox(db, web[0]) if r[1] == "ack"][0]
    assert (ack[2], ack[3]) == ("api_status", "web"), ack
    for (body,) in db.query("SELECT body FROM outbox"):
        assert phone not in body, body

    #  Nobody listened: nothing pushed yet.
    rows = db.query("SELECT id, pushed_at FROM outbox ORDER BY id")
    assert rows and all(r[1] is None for r in rows), rows
    pull = zctx.socket(zmq.PULL)
    pull.connect(endpoint(svc.endpoints["notify.endpoint"]))
    got = {}
    deadline = time.monotonic() + 10
    while len(got) < len(rows) and time.monotonic() < deadline:
        if pull.poll(200):
            frames = pull.recv_multipart()
            assert frames[0] == b"sunwai.v1.NotificationJob"
            fields = e2e.pb_decode(frames[1])
            got[fields[1][0]] = fields
    assert set(got) == {r[0] for r in rows}, (got.keys(), rows)
    job = got[[r for r in outbox(db, theft[0]) if r[1] == "ack"][0][0]]
    assert job[3][0].decode() == theft[1] and job[4] == [b"ack"] and job[5] == [b"x_reply"]
    assert job[8] == [("ack:%d" % theft[0]).encode()]
    e2e.wait_for(lambda: all(r[0] for r in db.query("SELECT pushed_at IS NOT NULL FROM outbox")),
                 timeout=5, what="pushed_at set")
    assert svc.metric("sunwai_router_jobs_pushed_total") >= len(rows)

    #  A new complaint while notifier listens is pushed at once.
    more = ingest(db)
    push.send_multipart(complaint(more[0], more[1], classification("theft")))
    def new_job():
        while pull.poll(3000):
            if e2e.pb_decode(pull.recv_multipart()[1])[2] == [more[0]]:
                return True   # (older rows are re-pushed meanwhile: still pending)
        return False
    assert new_job(), "no job pushed after routing"
    check_chain(db)
    push.close(linger=0)
    pull.close(linger=0)
    assert svc.stop()[0] == 0


def short_sla_state(tmp_path):
    text = open(STATE_FILE, encoding="utf-8").read()
    text, n = re.subn(r'P2: \{acknowledge: "2h", resolve: "48h"\}',
                      'P2: {acknowledge: "2s", resolve: "48h"}', text)
    assert n == 1
    text = text.replace('gazetteer: "gazetteer.yaml"', 'gazetteer: "%s"' % GAZETTEER)
    path = tmp_path / "state.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_sla_escalation(db, services, zctx, tmp_path):
    svc = start_router(services, db, state_file=short_sla_state(tmp_path),
                       **{"sla.interval_ms": "500"})
    push = zctx.socket(zmq.PUSH)
    push.connect(endpoint(svc.endpoints["in.endpoint"]))
    pull = zctx.socket(zmq.PULL)
    pull.connect(endpoint(svc.endpoints["notify.endpoint"]))
    cid, docket = ingest(db)
    #  information -> central_desk, whose ladder has three rungs.
    push.send_multipart(complaint(cid, docket, classification("information", "P2")))
    wait_routed(db, [cid])
    assert status_of(db, cid)[1] == "central_desk"
    levels = []
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        level = status_of(db, cid)[4]
        if not levels or levels[-1] != level:
            levels.append(level)
        if level == 2:
            break
        time.sleep(0.1)
    assert levels == [0, 1, 2], levels
    time.sleep(3)   # past the next deadline: the top of the ladder stays put
    assert status_of(db, cid)[4] == 2
    events = db.query("SELECT payload->>'level', payload->>'rank', payload->>'deadline'"
                      " FROM events WHERE complaint_id = %s AND event_type = 'escalated'"
                      " ORDER BY seq", (cid,))
    assert events == [("1", "Social Media Cell In-charge", "acknowledge"),
                      ("2", "DGP HQ", "acknowledge")], events
    rows = [r for r in outbox(db, cid) if r[1] == "escalation"]
    assert [(r[2], r[3], r[7]) for r in rows] == [
        ("x_mention", "Uppolice", "esc:%d:1:x_mention" % cid),
        ("x_mention", "Uppolice", "esc:%d:2:x_mention" % cid)], rows
    assert docket in rows[1][6]
    assert db.query("SELECT escalation_level FROM assignments WHERE complaint_id = %s",
                    (cid,)) == [(2,)]
    assert svc.metric("sunwai_router_escalations_total") == 2
    kinds = []
    while pull.poll(500):
        kinds.append(e2e.pb_decode(pull.recv_multipart()[1])[4][0])
    assert kinds.count(b"escalation") == 2, kinds
    check_chain(db)
    push.close(linger=0)
    pull.close(linger=0)
    assert svc.stop()[0] == 0


def test_bad_state_file_refuses_to_start(db, pg, tmp_path, short_tmp):
    text = open(STATE_FILE, encoding="utf-8").read()
    text = text.replace('gazetteer: "gazetteer.yaml"', 'gazetteer: "%s"' % GAZETTEER)
    text = text.replace('{category: "cyber_fraud", unit: "up_cyber"}',
                        '{category: "cyber_fraud", unit: "up_cybr"}')
    path = tmp_path / "state.yaml"
    path.write_text(text, encoding="utf-8")
    args = ["--set", "db.url=" + db.url, "--set", "http.port=0",
            "--set", "state.file=" + str(path)]
    for key in e2e.SERVICES["router"]["endpoints"]:
        args += ["--set", "%s=%s" % (key, short_tmp.ipc("@", key.split(".")[0]))]
    r = e2e.run("router", *args, timeout=20)
    assert r.returncode != 0, r.stderr
    lines = e2e.parse_log(r.stderr, "sunwai-router")
    failed = [l for l in lines if l["msg"] == "could not load the state file"]
    assert failed and "up_cybr" in failed[0]["reason"], r.stderr
    assert str(path) in failed[0]["file"]


@pytest.mark.parametrize("state", ["up", "uttarakhand", "rajasthan", "bihar", "bengaluru"])
def test_config_check_states(state):
    r = e2e.run("sunwaictl", "config", "check", os.path.join(e2e.SOURCE_DIR, "deploy", state))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "OK" in r.stdout
