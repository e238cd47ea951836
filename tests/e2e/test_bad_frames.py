"""End to end: frames that cannot be decoded are counted, logged and parked
in dead_letters, a command always gets a reply, and the process keeps
working: later valid frames are still processed."""
import time

import pytest
import zmq

import sunwai_e2e as e2e

PARKED = "could not decode message; parked in dead_letters"


@pytest.fixture
def zctx():
    ctx = zmq.Context()
    yield ctx
    ctx.destroy(linger=0)


def endpoint(value):
    """'@ipc://x' or '>ipc://x' -> 'ipc://x'"""
    return value[1:]


def garbage_complaints():
    """Three undecodable messages for a socket that expects
    sunwai.v1.Complaint, each for a different reason."""
    return [
        [b"hello"],                                            # one frame
        [b"sunwai.v1.Bogus", e2e.complaint(1, "X")[1]],         # wrong type name
        [b"sunwai.v1.Complaint", b"\xff\xff\xff\xff"],          # garbage body
    ]


def dead_letters(db):
    return db.query("SELECT stage, reason, payload, state FROM dead_letters ORDER BY id")


def check_parked(db, svc, stage, sent):
    rows = dead_letters(db)
    assert len(rows) == len(sent), rows
    reasons = [r[1] for r in rows]
    assert all(r[0] == stage for r in rows), rows
    assert all(r[3] == "parked" for r in rows), rows
    assert all(reason and reason.strip() for reason in reasons), rows
    assert len(set(reasons)) == len(sent), reasons
    #  The payload keeps exactly what arrived, frame by frame.
    assert [bytes(r[2]) for r in rows] == [e2e.park_format(m) for m in sent], rows
    #  And each is logged once, with the same reason.
    logged = svc.logs(PARKED)
    assert len(logged) == len(sent), svc.raw_log()
    assert [line.get("reason") for line in logged] == reasons
    assert all(line["level"] == "warn" and line.get("stage") == stage for line in logged)
    return reasons


def test_router_parks_bad_complaints(db, services, zctx):
    svc = services("router", db=db)
    svc.wait_ready()
    push = zctx.socket(zmq.PUSH)
    push.connect(endpoint(svc.endpoints["in.endpoint"]))
    bad = garbage_complaints()
    for frames in bad:
        push.send_multipart(frames)
    push.send_multipart(e2e.complaint(42, "UP-2026-0000042"))

    svc.wait_metric("sunwai_router_received_total", lambda v: v >= 1, timeout=10)
    e2e.wait_for(lambda: len(dead_letters(db)) >= 3, timeout=5, what="3 dead letters")
    time.sleep(0.3)   # anything extra would show up now
    assert svc.metric("sunwai_router_received_total") == 1
    assert svc.metric("sunwai_frames_undecodable_total", socket="in") == 3
    assert svc.metric("sunwai_frames_undecodable_total", socket="commands") == 0
    reasons = check_parked(db, svc, "router", bad)
    assert "1 frames" in reasons[0] and "sunwai.v1.Bogus" in reasons[1], reasons
    assert "sunwai.v1.Complaint" in reasons[2], reasons

    #  Still working: a second valid complaint is received, nothing parked.
    push.send_multipart(e2e.complaint(43, "UP-2026-0000043"))
    svc.wait_metric("sunwai_router_received_total", lambda v: v == 2, timeout=5)
    assert len(dead_letters(db)) == 3
    status, body = svc.readyz()
    assert status == 200, body
    push.close(linger=0)
    rc, took = svc.stop()
    assert rc == 0 and took < 5, (rc, took)


def _request(dealer, frames, timeout_ms=5000):
    dealer.send_multipart(frames)
    assert dealer.poll(timeout_ms), "no reply to %r within %d ms" % (frames, timeout_ms)
    return dealer.recv_multipart()


def test_router_answers_bad_commands(db, services, zctx):
    svc = services("router", db=db)
    svc.wait_ready()
    dealer = zctx.socket(zmq.DEALER)
    dealer.connect(endpoint(svc.endpoints["commands.endpoint"]))
    bad = [
        [b"junk"],
        [b"sunwai.v1.Complaint", e2e.case_command("r0", "X")[1]],
        [b"sunwai.v1.CaseCommand", b"\xff\xff\xff\xff"],
        [b"sunwai.v1.CaseCommand", b"", b"extra"],
    ]
    for i, frames in enumerate(bad, 1):
        reply = _request(dealer, frames)
        assert len(reply) == 2, reply
        assert reply[0] == b"sunwai.v1.CaseReply", reply
        fields = e2e.pb_decode(reply[1])
        assert fields.get(2) == [e2e.RESULT_BAD_REQUEST], (frames, fields)
        assert fields.get(3) and fields[3][0].strip(), (frames, fields)  # a message
        assert svc.metric("sunwai_frames_undecodable_total", socket="commands") == i

    #  A well-formed command is answered too, with its request id, and is
    #  not a bad request.
    reply = _request(dealer, e2e.case_command("req-7", "UP-2026-0000001"))
    assert reply[0] == b"sunwai.v1.CaseReply", reply
    fields = e2e.pb_decode(reply[1])
    assert fields.get(1) == [b"req-7"], fields
    assert fields.get(2, [0])[0] not in (0, e2e.RESULT_BAD_REQUEST), fields
    assert svc.metric("sunwai_frames_undecodable_total", socket="commands") == len(bad)
    assert svc.metric("sunwai_frames_undecodable_total", socket="in") == 0
    assert len(svc.logs("could not decode case command")) == len(bad), svc.raw_log()
    assert svc.readyz()[0] == 200
    dealer.close(linger=0)
    rc, took = svc.stop()
    assert rc == 0 and took < 5, (rc, took)


def test_notifier_parks_bad_jobs(db, services, zctx, short_tmp):
    push = zctx.socket(zmq.PUSH)
    bind = short_tmp.ipc("@", "jobs")
    push.bind(endpoint(bind))
    svc = services("notifier", db=db, set={"in.endpoint": ">" + endpoint(bind)})
    svc.wait_ready()
    bad = [
        [b"hello"],
        [b"sunwai.v1.Complaint", e2e.notification_job(1, "X")[1]],
        [b"sunwai.v1.NotificationJob", b"\xff\xff\xff\xff"],
    ]
    for frames in bad:
        push.send_multipart(frames)
    push.send_multipart(e2e.notification_job(7, "UP-2026-0000007"))

    svc.wait_metric("sunwai_notifier_jobs_received_total", lambda v: v >= 1, timeout=10)
    e2e.wait_for(lambda: len(dead_letters(db)) >= 3, timeout=5, what="3 dead letters")
    time.sleep(0.3)
    assert svc.metric("sunwai_notifier_jobs_received_total") == 1
    assert svc.metric("sunwai_frames_undecodable_total", socket="in") == 3
    check_parked(db, svc, "notifier", bad)
    assert svc.readyz()[0] == 200
    push.close(linger=0)
    rc, took = svc.stop()
    assert rc == 0 and took < 5, (rc, took)


def test_classifier_passes_bad_frames_on_unchanged(services, zctx, short_tmp):
    """The classifier has no database: a frame it cannot decode is counted,
    logged and passed on to router unchanged (router parks it); a valid
    complaint still comes out, in order."""
    push = zctx.socket(zmq.PUSH)
    pull = zctx.socket(zmq.PULL)
    src, dst = short_tmp.ipc("@", "src"), short_tmp.ipc("@", "dst")
    push.bind(endpoint(src))
    pull.bind(endpoint(dst))
    svc = services("classifier", set={"in.endpoint": ">" + endpoint(src),
                                      "out.endpoint": ">" + endpoint(dst)})
    svc.wait_ready()
    bad = garbage_complaints()
    for frames in bad:
        push.send_multipart(frames)
    push.send_multipart(e2e.complaint(5, "UP-2026-0000005"))
    out = []
    for _ in range(len(bad) + 1):
        assert pull.poll(5000), "classifier forwarded only %r; log:\n%s" % (out, svc.raw_log())
        out.append(pull.recv_multipart())
    assert out[:3] == bad, out
    assert out[3][0] == b"sunwai.v1.Complaint", out
    fields = e2e.pb_decode(out[3][1])
    assert fields[1] == [5] and fields[2] == [b"UP-2026-0000005"], fields
    assert not pull.poll(300), "classifier forwarded more than it received"
    assert svc.metric("sunwai_frames_undecodable_total", socket="in") == 3
    assert svc.metric("sunwai_classifier_received_total") == 1
    warned = [line for line in svc.log_lines()
              if line["level"] == "warn" and line.get("reason")]
    assert [line["reason"] for line in warned] == [
        "message has 1 frames, expected 2",
        'unexpected message type "sunwai.v1.Bogus", expected "sunwai.v1.Complaint"',
        "could not decode 4-byte body as sunwai.v1.Complaint"], svc.raw_log()
    push.close(linger=0)
    pull.close(linger=0)
    rc, took = svc.stop()
    assert rc == 0 and took < 5, (rc, took)


def test_classifier_then_router_parks_bad_frames(db, services, zctx, short_tmp):
    """ingest -> classifier -> router, with the test as ingest: what the
    classifier cannot decode ends up in dead_letters at stage 'router'."""
    router = services("router", db=db)
    router.wait_ready()
    push = zctx.socket(zmq.PUSH)
    src = short_tmp.ipc("@", "src")
    push.bind(endpoint(src))
    classifier = services("classifier", set={
        "in.endpoint": ">" + endpoint(src),
        "out.endpoint": ">" + endpoint(router.endpoints["in.endpoint"])})
    classifier.wait_ready()
    bad = garbage_complaints()
    for frames in bad:
        push.send_multipart(frames)
    push.send_multipart(e2e.complaint(9, "UP-2026-0000009"))
    router.wait_metric("sunwai_router_received_total", lambda v: v >= 1, timeout=10)
    e2e.wait_for(lambda: len(dead_letters(db)) >= 3, timeout=5, what="3 dead letters")
    assert router.metric("sunwai_frames_undecodable_total", socket="in") == 3
    assert classifier.metric("sunwai_frames_undecodable_total", socket="in") == 3
    check_parked(db, router, "router", bad)
    push.close(linger=0)
    for svc in (classifier, router):
        rc, took = svc.stop()
        assert rc == 0 and took < 5, (svc.name, rc, took)
