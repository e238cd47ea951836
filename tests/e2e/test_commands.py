"""End to end: officers' case commands, through the real sunwaictl binary
against a real sunwai-router and PostgreSQL (and a raw DEALER for frames
sunwaictl would never send).  Complaints, officers and tokens are made with
SQL in the test's fresh database once the router has migrated it and
synced the units of deploy/up/state.yaml."""
import hashlib
import json
import os

import pytest
import zmq

import sunwai_e2e as e2e

RESULT_OK = 1
RESULT_BAD_REQUEST = 2
RESULT_UNAUTHORIZED = 3

STATE_FILE = os.path.join(e2e.SOURCE_DIR, "deploy", "up", "state.yaml")

#  login -> (role, unit, district, token)
OFFICERS = {
    "hq1": ("hq", None, None, "tok-hq-1"),
    "lko_dist": ("district", None, "162", "tok-d162"),
    "mgj_dist": ("district", None, "164", "tok-d164"),
    "lko_sho": ("officer", "lucknow", "162", "tok-o-lko"),
    "bot": ("api", None, None, "tok-api"),
}


def _ingest(db, source_id, text):
    item = {"kind": "tweet", "channel": "x_webhook", "source": "x", "source_id": source_id,
            "author_id": "a" + source_id, "author_handle": "citizen" + source_id,
            "text": text, "created_at_ms": 0}
    rows = db.query("SELECT result, complaint_id, docket FROM sunwai_ingest(%s::jsonb, "
                    "'up', 'UP', 0)", (json.dumps([item]),))
    assert rows and rows[0][2], rows
    return rows[0][1], rows[0][2]


def _make_case(db, source_id, text, unit, district, status="ROUTED", hours=48):
    cid, docket = _ingest(db, source_id, text)
    db.query("UPDATE complaints SET status = %s, unit_code = %s, district_code = %s,"
             " category = 'theft', priority = 'P2', language = 'en',"
             " ack_deadline = now() + interval '2 hours',"
             " resolve_deadline = now() + make_interval(hours => %s)"
             " WHERE id = %s", (status, unit, district, hours, cid))
    db.query("INSERT INTO assignments (complaint_id, unit_code, rule, actor)"
             " VALUES (%s, %s, 'rule 1', 'router')", (cid, unit))
    return cid, docket


class Desk:
    """A router with its database, officers and a few cases."""

    def __init__(self, db, svc):
        self.db = db
        self.svc = svc
        self.endpoint = ">" + svc.endpoints["commands.endpoint"][1:]
        self.cases = {}

    def ctl(self, login, *args, token=None, json_out=False):
        token = token if token is not None else OFFICERS[login][3]
        argv = ["--set", "router.endpoint=" + self.endpoint] + (
            ["--json"] if json_out else []) + list(args)
        return e2e.run("sunwaictl", *argv, env={"SUNWAI_TOKEN": token}, timeout=20)

    def ok(self, login, *args):
        r = self.ctl(login, *args)
        assert r.returncode == 0, (args, r.returncode, r.stdout, r.stderr)
        return r.stdout

    def refused(self, login, *args, code, token=None):
        r = self.ctl(login, *args, token=token, json_out=True)
        assert r.returncode == 1, (args, r.returncode, r.stdout, r.stderr)
        reply = json.loads(r.stdout)
        assert reply["code"] == code, (args, reply)
        lines = e2e.parse_log(r.stderr)
        assert lines and lines[-1]["level"] == "error" and lines[-1]["code"] == code, r.stderr
        assert lines[-1]["msg"] == reply["message"]
        return reply

    def status(self, docket):
        return self.db.query("SELECT status FROM complaints WHERE docket = %s", (docket,))[0][0]

    def audit(self):
        return self.db.query("SELECT o.login, a.action, a.docket, a.result, a.detail"
                             " FROM audit_log a LEFT JOIN officers o ON o.id = a.officer_id"
                             " ORDER BY a.id")


@pytest.fixture
def desk(db, services):
    svc = services("router", db=db, set={"state.file": STATE_FILE})
    svc.wait_ready()
    svc.wait_log("units synced", timeout=10)
    for login, (role, unit, district, token) in OFFICERS.items():
        db.query("INSERT INTO officers (login, name, role, unit_code, district_code)"
                 " VALUES (%s, %s, %s, %s, %s)", (login, login.upper(), role, unit, district))
        db.query("INSERT INTO tokens (officer_id, token_hash)"
                 " SELECT id, %s FROM officers WHERE login = %s",
                 (hashlib.sha256(token.encode()).digest(), login))
    d = Desk(db, svc)
    d.cases["lko"] = _make_case(db, "1001", "My phone was stolen at Hazratganj, call me on "
                                "9876543210", "lucknow", "162", hours=10)
    d.cases["lko2"] = _make_case(db, "1002", "Bike stolen near Charbagh", "lucknow", "162",
                                 hours=5)
    d.cases["mgj"] = _make_case(db, "1003", "Chain snatching in Maharajganj market",
                                "maharajganj", "164")
    d.cases["done"] = _make_case(db, "1004", "Old theft case", "lucknow", "162",
                                 status="RESOLVED")
    #  The acknowledgement the router sent for the first case: resolve's
    #  reply goes to the same channel and recipient.
    db.query("INSERT INTO outbox (complaint_id, kind, channel, recipient, in_reply_to,"
             " language, body, idempotency_key)"
             " VALUES (%s, 'ack', 'x_reply', 'citizen1001', '1001', 'en', 'ack', 'ack:1')",
             (d.cases["lko"][0],))
    yield d
    if svc.running():
        rc, _ = svc.stop(timeout=20)
        assert rc == 0, svc.raw_log()


def test_lifecycle(desk):
    db = desk.db
    lko_id, lko = desk.cases["lko"]
    _, lko2 = desk.cases["lko2"]

    out = desk.ok("lko_dist", "ack", lko)
    assert lko in out and "acknowledged" in out
    assert desk.status(lko) == "ACKNOWLEDGED"
    assert db.query("SELECT acknowledged_at IS NOT NULL FROM complaints WHERE id = %s",
                    (lko_id,))[0][0]

    #  Twice: the state does not allow it.
    reply = desk.refused("lko_dist", "ack", lko, code="CONFLICT")
    assert reply["message"] == "%s is ACKNOWLEDGED; it cannot be acknowledged" % lko

    #  Notes: internal and public; the text is not in the event.
    desk.ok("lko_sho", "note", lko, "--note", "Visited the shop, CCTV requested")
    desk.ok("lko_sho", "note", lko, "--note", "Investigation under way", "--public")
    notes = db.query("SELECT public, text FROM notes WHERE complaint_id = %s ORDER BY id",
                     (lko_id,))
    assert notes == [(False, "Visited the shop, CCTV requested"),
                     (True, "Investigation under way")]
    payloads = db.query("SELECT payload FROM events WHERE complaint_id = %s"
                        " AND event_type = 'note' ORDER BY seq", (lko_id,))
    assert [p[0] for p in payloads] == [{"public": False}, {"public": True}]

    #  Resolve needs its action note.
    reply = desk.refused("lko_dist", "resolve", lko, code="BAD_REQUEST")
    assert "note" in reply["message"]
    assert desk.status(lko) == "ACKNOWLEDGED"

    desk.ok("lko_dist", "resolve", lko, "--note", "Phone recovered and returned")
    assert desk.status(lko) == "RESOLVED"
    rows = db.query("SELECT kind, channel, recipient, in_reply_to, language, body,"
                    " idempotency_key FROM outbox WHERE complaint_id = %s"
                    " AND idempotency_key LIKE 'resolved:%%'", (lko_id,))
    assert len(rows) == 1, rows
    kind, channel, recipient, in_reply_to, language, body, key = rows[0]
    assert (kind, channel, recipient, in_reply_to, language) == (
        "resolution", "x_reply", "citizen1001", "1001", "en")
    assert lko in body and "Phone recovered and returned" in body, body
    assert key.startswith("resolved:%d:" % lko_id)
    assert db.query("SELECT public, text FROM notes WHERE complaint_id = %s ORDER BY id DESC"
                    " LIMIT 1", (lko_id,))[0] == (True, "Phone recovered and returned")

    #  Reopen needs a reason; then the case is open again.
    desk.refused("lko_dist", "reopen", lko, code="BAD_REQUEST")
    desk.ok("lko_dist", "reopen", lko, "--reason", "citizen says the phone was not returned")
    assert desk.status(lko) == "REOPENED"
    assert db.query("SELECT resolved_at FROM complaints WHERE id = %s", (lko_id,))[0][0] is None

    #  Reassign to another unit (hq may send it anywhere).
    desk.refused("hq1", "reassign", lko, "nowhere_unit", code="BAD_REQUEST")
    desk.ok("hq1", "reassign", lko, "up_cyber", "--reason", "phone traced online")
    assert db.query("SELECT unit_code FROM complaints WHERE id = %s", (lko_id,))[0][0] == "up_cyber"
    active = db.query("SELECT unit_code FROM assignments WHERE complaint_id = %s AND active",
                      (lko_id,))
    assert active == [("up_cyber",)]
    ended = db.query("SELECT unit_code, ended_at IS NOT NULL FROM assignments"
                     " WHERE complaint_id = %s AND NOT active", (lko_id,))
    assert ended == [("lucknow", True)]
    ev = db.query("SELECT payload FROM events WHERE complaint_id = %s"
                  " AND event_type = 'reassigned'", (lko_id,))
    assert ev[0][0] == {"from": "lucknow", "to": "up_cyber", "reason": "phone traced online"}

    #  Reclassify: an officer's correction becomes a training label.
    r = desk.ctl("hq1", "reclassify", lko, "--category", "cyber_fraud")
    assert r.returncode == 0, r.stderr
    labels = db.query("SELECT category, district_code, text FROM training_labels"
                      " WHERE complaint_id = %s", (lko_id,))
    assert len(labels) == 1 and labels[0][0] == "cyber_fraud" and labels[0][1] == "162"
    assert db.query("SELECT category FROM complaints WHERE id = %s",
                    (lko_id,))[0][0] == "cyber_fraud"
    assert db.query("SELECT origin, category FROM classifications WHERE complaint_id = %s",
                    (lko_id,)) == [("officer", "cyber_fraud")]
    desk.refused("hq1", "reclassify", lko, "--category", "bogus", code="BAD_REQUEST")
    desk.refused("hq1", "reclassify", lko, "--district", "99999", code="BAD_REQUEST")

    #  Duplicate: lko2 is a duplicate of lko.
    desk.refused("lko_dist", "dup", lko2, lko2, code="BAD_REQUEST")
    desk.ok("lko_dist", "dup", lko2, lko)
    row = db.query("SELECT status, reject_reason, parent_id, link_kind FROM complaints"
                   " WHERE docket = %s", (lko2,))[0]
    assert row == ("REJECTED", "duplicate", lko_id, "duplicate")
    ev = db.query("SELECT payload FROM events WHERE docket = %s AND event_type = 'rejected'",
                  (lko2,))
    assert ev[0][0] == {"reason": "duplicate", "duplicate_of": lko}

    #  Close: only a resolved case.
    desk.refused("hq1", "close", lko, code="CONFLICT")
    desk.ok("hq1", "resolve", lko, "--note", "Handed over to the cyber cell, money refunded")
    desk.ok("hq1", "close", lko)
    assert desk.status(lko) == "CLOSED"
    desk.refused("hq1", "note", lko, "--note", "late", code="CONFLICT")

    #  Show: the case (text masked) and its history in order.
    r = desk.ctl("hq1", "show", lko, json_out=True)
    assert r.returncode == 0, r.stderr
    shown = json.loads(r.stdout)
    assert shown["code"] == "OK"
    case = shown["cases"][0]
    assert case["docket"] == lko and case["status"] == "CLOSED"
    assert "9876543210" not in case["text"] and "[number]" in case["text"]
    types = [e["event_type"] for e in shown["history"]]
    assert types == ["received", "acknowledged", "note", "note", "resolved", "reopened",
                     "reassigned", "reclassified", "resolved", "closed"], types
    seqs = [e["seq"] for e in shown["history"]]
    assert seqs == sorted(seqs)
    assert all(e["actor"] == "officer:" + login for e, login in zip(
        shown["history"][1:], ["lko_dist", "lko_sho", "lko_sho", "lko_dist", "lko_dist",
                               "hq1", "hq1", "hq1", "hq1"]))
    assert all(len(e["hash"]) == 64 and len(e["prev_hash"]) == 64 for e in shown["history"])
    db_seqs = db.query("SELECT seq, encode(hash, 'hex') FROM events WHERE complaint_id = %s"
                       " ORDER BY seq", (lko_id,))
    assert [(e["seq"], e["hash"]) for e in shown["history"]] == [tuple(r) for r in db_seqs]
    #  Human-readable too.
    out = desk.ok("hq1", "show", lko)
    assert "docket:      " + lko in out and "history:" in out and "reassigned" in out

    #  Every command left an audit row, allowed or refused.
    audit = desk.audit()
    actions = [(a[1], a[3]) for a in audit]
    assert actions == [
        ("acknowledge", "ok"), ("acknowledge", "conflict"), ("note", "ok"), ("note", "ok"),
        ("resolve", "bad_request"), ("resolve", "ok"), ("reopen", "bad_request"),
        ("reopen", "ok"), ("reassign", "bad_request"), ("reassign", "ok"),
        ("reclassify", "ok"), ("reclassify", "bad_request"), ("reclassify", "bad_request"),
        ("duplicate", "bad_request"), ("duplicate", "ok"), ("close", "conflict"),
        ("resolve", "ok"), ("close", "ok"), ("note", "conflict"), ("show", "ok"),
        ("show", "ok")], actions
    assert all(a[0] for a in audit)


def test_scope_and_refusals(desk):
    db = desk.db
    _, lko = desk.cases["lko"]
    mgj_id, mgj = desk.cases["mgj"]

    #  list: only the officer's district, ordered by the resolve deadline.
    r = desk.ctl("lko_dist", "list", "--status", "open", json_out=True)
    assert r.returncode == 0, r.stderr
    listed = json.loads(r.stdout)
    dockets = [c["docket"] for c in listed["cases"]]
    assert dockets == [desk.cases["lko2"][1], lko], dockets
    assert all(c["status"] == "ROUTED" for c in listed["cases"])
    assert listed["cases"][1]["district"].lower() == "lucknow"
    r = desk.ctl("lko_dist", "list", "--status", "any", json_out=True)
    assert {c["docket"] for c in json.loads(r.stdout)["cases"]} == {
        desk.cases[k][1] for k in ("lko", "lko2", "done")}
    r = desk.ctl("lko_dist", "list", "--status", "closed", json_out=True)
    assert [c["docket"] for c in json.loads(r.stdout)["cases"]] == [desk.cases["done"][1]]
    r = desk.ctl("mgj_dist", "list", json_out=True)
    assert [c["docket"] for c in json.loads(r.stdout)["cases"]] == [mgj]
    r = desk.ctl("hq1", "list", "--district", "164", json_out=True)
    assert [c["docket"] for c in json.loads(r.stdout)["cases"]] == [mgj]
    r = desk.ctl("hq1", "list", "--unit", "lucknow", json_out=True)
    assert len(json.loads(r.stdout)["cases"]) == 2
    out = desk.ok("lko_sho", "list")
    assert out.splitlines()[0].split()[:3] == ["DOCKET", "STATUS", "CATEGORY"]
    assert lko in out and mgj not in out
    desk.refused("hq1", "list", "--status", "sleeping", code="BAD_REQUEST")

    #  A district officer of 164 acting on a case of 162: forbidden.
    desk.refused("mgj_dist", "ack", lko, code="FORBIDDEN")
    desk.refused("mgj_dist", "show", lko, code="FORBIDDEN")
    assert desk.status(lko) == "ROUTED"
    #  And the other way round; an officer of a unit likewise.
    desk.refused("lko_dist", "note", mgj, "--note", "x", code="FORBIDDEN")
    desk.refused("lko_sho", "ack", mgj, code="FORBIDDEN")
    #  api tokens have no case commands.
    desk.refused("bot", "list", code="FORBIDDEN")
    #  Wrong, revoked and expired tokens.
    desk.refused("hq1", "list", token="not-a-token", code="UNAUTHORIZED")
    db.query("UPDATE tokens SET revoked_at = now() WHERE officer_id ="
             " (SELECT id FROM officers WHERE login = 'lko_sho')")
    desk.refused("lko_sho", "list", code="UNAUTHORIZED")
    db.query("UPDATE tokens SET expires_at = now() - interval '1 minute' WHERE officer_id ="
             " (SELECT id FROM officers WHERE login = 'mgj_dist')")
    desk.refused("mgj_dist", "show", mgj, code="UNAUTHORIZED")
    #  Unknown docket.
    reply = desk.refused("hq1", "ack", "UP-2026-9999999", code="NOT_FOUND")
    assert "UP-2026-9999999" in reply["message"]
    desk.refused("hq1", "dup", mgj, "UP-2026-9999998", code="NOT_FOUND")

    audit = desk.audit()
    results = [(a[0], a[1], a[2], a[3]) for a in audit if a[3] != "ok"]
    assert ("mgj_dist", "acknowledge", lko, "forbidden") in results, results
    assert ("mgj_dist", "show", lko, "forbidden") in results
    assert ("lko_dist", "note", mgj, "forbidden") in results
    assert ("bot", "list", None, "forbidden") in results
    assert (None, "list", None, "unauthorized") in results
    assert (None, "show", mgj, "unauthorized") in results
    assert ("hq1", "acknowledge", "UP-2026-9999999", "not_found") in results
    assert ("hq1", "list", None, "bad_request") in results
    #  One row per command sent: 7 lists allowed, 11 commands refused.
    assert len(audit) == 7 + 11, [(a[0], a[1], a[3]) for a in audit]
    forbidden = db.query("SELECT complaint_id, detail->>'message' FROM audit_log"
                         " WHERE result = 'forbidden' AND action = 'acknowledge'")
    assert forbidden[0][0] == desk.cases["lko"][0] and "scope" in forbidden[0][1]
    assert mgj_id


def test_raw_frames(desk):
    """Frames sunwaictl would never send: every one is answered."""
    ctx = zmq.Context()
    try:
        dealer = ctx.socket(zmq.DEALER)
        dealer.connect(desk.svc.endpoints["commands.endpoint"][1:])

        def request(frames):
            dealer.send_multipart(frames)
            assert dealer.poll(5000), "no reply to %r" % (frames,)
            reply = dealer.recv_multipart()
            assert len(reply) == 2 and reply[0] == b"sunwai.v1.CaseReply", reply
            return e2e.pb_decode(reply[1])

        for frames in ([b"junk"], [b"sunwai.v1.CaseCommand", b"\xff\xff\xff"],
                       [b"sunwai.v1.Complaint", b""], [b"sunwai.v1.CaseCommand", b"", b"x"]):
            fields = request(frames)
            assert fields.get(2) == [RESULT_BAD_REQUEST], fields
            assert fields.get(3) and fields[3][0].strip(), fields
        assert desk.svc.metric("sunwai_frames_undecodable_total", socket="commands") == 4
        assert len(desk.svc.logs("could not decode case command")) == 4

        #  A decodable command with a good token, built by hand: SHOW (9).
        body = (e2e.pb_bytes(1, "raw-1") + e2e.pb_bytes(2, OFFICERS["hq1"][3])
                + e2e.pb_varint(3, 9) + e2e.pb_bytes(4, desk.cases["mgj"][1]))
        fields = request([b"sunwai.v1.CaseCommand", body])
        assert fields.get(1) == [b"raw-1"] and fields.get(2) == [RESULT_OK], fields
        assert len(fields.get(4, [])) == 1 and len(fields.get(5, [])) == 1, fields
        #  No token: unauthorized, request id echoed.
        fields = request(e2e.case_command("raw-2", desk.cases["mgj"][1]))
        assert fields.get(1) == [b"raw-2"] and fields.get(2) == [RESULT_UNAUTHORIZED], fields
        #  Undecodable frames leave no audit row; the decodable ones do.
        assert [r[0] for r in desk.db.query("SELECT result FROM audit_log ORDER BY id")] == [
            "ok", "unauthorized"]
    finally:
        ctx.destroy(linger=0)


def test_router_down(short_tmp):
    """No router at the endpoint: sunwaictl gives up after 10 s."""
    r = e2e.run("sunwaictl", "--set", "router.endpoint=" + short_tmp.ipc(">", "none"),
                "ack", "UP-2026-0000001", env={"SUNWAI_TOKEN": "t"}, timeout=30)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert e2e.parse_log(r.stderr)[-1]["msg"] == "router did not answer"
