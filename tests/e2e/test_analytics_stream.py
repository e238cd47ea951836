"""End to end: sunwai-analytics publishes every event of the events table on
its XPUB socket and answers replays; both subscribers (sunwai-subscribe in
C and scripts/sunwai-subscribe.py) end with exactly the events in the
table, in order, none twice, whether they connect late, are stopped and
restarted mid-stream, or are too slow and lose messages; a topic filter
gets only its district; no published event carries a phone or Aadhaar-like
number; bad replay frames are counted and answered, not fatal."""
import json
import os
import signal
import threading
import time

import pytest
import zmq

import sunwai_e2e as e2e
from analytics_helpers import (SUBSCRIBERS, Running, all_seqs, assert_exactly, events_of,
                               endpoint, head, ingest, insert_events, start_analytics)

PHONE = "9876543210"
AADHAAR = "2341 2341 2346"      # passes Verhoeff (see tests/unit/test_pii.c)
AADHAAR_DIGITS = AADHAAR.replace(" ", "")


@pytest.fixture
def zctx():
    ctx = zmq.Context()
    yield ctx
    ctx.destroy(linger=0)


@pytest.mark.parametrize("kind", ["c", "python"])
def test_late_subscriber_gets_everything_in_order(db, services, short_tmp, kind):
    svc = start_analytics(services, db)
    before = insert_events(db, 300, district="162") + insert_events(db, 200, district="146")
    e2e.wait_for(lambda: svc.metric("sunwai_analytics_last_seq") == before[-1],
                 what="analytics caught up")
    out = os.path.join(short_tmp.path, "late.jsonl")
    sub = Running(SUBSCRIBERS[kind](svc, until=before[-1] + 400), out)
    #  Live events while it replays and after.
    for _ in range(4):
        insert_events(db, 100, district="162", event_type="routed")
        time.sleep(0.05)
    assert sub.wait(60) == 0, sub.stderr()
    events = events_of(out)
    assert_exactly(events, all_seqs(db))
    assert all(e["verified"] for e in events), [e["seq"] for e in events if not e["verified"]]
    assert svc.metric("sunwai_analytics_replay_requests_total") >= 1
    rc, _ = svc.stop()
    assert rc == 0


@pytest.mark.parametrize("kind", ["c", "python"])
def test_restarted_subscriber_resumes_from_its_state_file(db, services, short_tmp, kind):
    svc = start_analytics(services, db)
    insert_events(db, 100)
    state = os.path.join(short_tmp.path, "sub.state")
    out = os.path.join(short_tmp.path, "restart.jsonl")
    first = Running(SUBSCRIBERS[kind](svc, state_file=state), out)

    stop = threading.Event()

    def writer():
        while not stop.is_set():
            insert_events(db, 20, district="162" if time.time() % 2 < 1 else "146")
            time.sleep(0.02)

    t = threading.Thread(target=writer)
    t.start()
    try:
        e2e.wait_for(lambda: len(first.lines()) > 300, timeout=30, what="first run printing")
        assert first.terminate() == 0, first.stderr()
        time.sleep(0.5)   # events written while it is down
    finally:
        stop.set()
        t.join()
    insert_events(db, 50)
    last = head(db)
    second = Running(SUBSCRIBERS[kind](svc, state_file=state, until=last), out)
    assert second.wait(60) == 0, second.stderr()
    events = events_of(out)
    assert_exactly(events, all_seqs(db))
    assert all(e["verified"] for e in events)


@pytest.mark.parametrize("kind", ["c", "python"])
def test_slow_subscriber_detects_gaps_and_replays(db, services, short_tmp, kind):
    #  Tiny queues: a stopped subscriber loses most of a burst.
    svc = start_analytics(services, db, stream__sndhwm="5")
    out = os.path.join(short_tmp.path, "slow.jsonl")
    args = ("--rcvhwm", "5")
    sub = Running(SUBSCRIBERS[kind](svc, *args), out)
    insert_events(db, 10)
    e2e.wait_for(lambda: len(sub.lines()) == 10, timeout=20, what="first events")
    os.kill(sub.proc.pid, signal.SIGSTOP)
    try:
        t0 = time.monotonic()
        for _ in range(10):
            insert_events(db, 100, district="146")
        #  The pipeline did not wait for the stopped subscriber.
        e2e.wait_for(lambda: svc.metric("sunwai_analytics_last_seq") == head(db),
                     timeout=10, what="analytics published the burst")
        assert time.monotonic() - t0 < 10
        assert svc.metric("sunwai_analytics_events_behind") == 0
    finally:
        os.kill(sub.proc.pid, signal.SIGCONT)
    insert_events(db, 5)   # reveals the gap live (the heartbeat would too)
    e2e.wait_for(lambda: len(sub.lines()) >= head(db), timeout=30, what="gap filled")
    assert sub.terminate() == 0
    assert_exactly(events_of(out), all_seqs(db))
    assert "gap detected" in sub.stderr(), sub.stderr()


@pytest.mark.parametrize("kind", ["c", "python"])
def test_topic_filter_receives_only_its_district(db, services, short_tmp, kind):
    svc = start_analytics(services, db)
    insert_events(db, 50, district="162")
    insert_events(db, 50, district="146")
    out = os.path.join(short_tmp.path, "filter.jsonl")
    sub = Running(SUBSCRIBERS[kind](svc, topics=["up.162"]), out)
    for i in range(5):
        insert_events(db, 40, district="146" if i % 2 else "162", event_type="routed")
        insert_events(db, 10, district="1620")   # a prefix of no concern: "up.1620."
    last = head(db)
    want = all_seqs(db, district="162")
    e2e.wait_for(lambda: len(sub.lines()) >= len(want), timeout=30, what="district events")
    time.sleep(1.5)   # a heartbeat later: nothing else arrives
    assert sub.terminate() == 0
    events = events_of(out)
    assert {e["district"] for e in events} == {"162"}
    assert {e["topic"].split(".")[1] for e in events} == {"162"}
    assert_exactly(events, want)
    assert last == head(db)


def test_event_type_filter_and_c_python_agree(db, services, short_tmp):
    svc = start_analytics(services, db)
    insert_events(db, 30, district="162", event_type="routed")
    insert_events(db, 30, district="162", event_type="note")
    insert_events(db, 30, district="146", event_type="routed")
    last = head(db)
    outs = {}
    for kind, make in SUBSCRIBERS.items():
        outs[kind] = os.path.join(short_tmp.path, kind + ".jsonl")
        sub = Running(make(svc, topics=["up.162.routed"], until=last), outs[kind])
        assert sub.wait(30) == 0, sub.stderr()
    c, py = events_of(outs["c"]), events_of(outs["python"])
    assert [e["seq"] for e in c] == [e["seq"] for e in py]
    assert {e["topic"] for e in c} == {"up.162.routed"}
    assert len(c) == 30
    assert c == py


def test_published_events_carry_no_personal_data(db, services, short_tmp, zctx):
    svc = start_analytics(services, db)
    sub = zctx.socket(zmq.SUB)
    sub.connect(endpoint(svc, "stream.endpoint"))
    sub.setsockopt(zmq.SUBSCRIBE, b"up.")
    time.sleep(0.5)
    cid, docket = ingest(db, text="thief took my phone, call me on %s, aadhaar %s"
                         % (PHONE, AADHAAR))
    #  Officers' notes and reasons can carry numbers too.
    db.query("INSERT INTO events (complaint_id, docket, state, district, event_type, actor,"
             " payload) VALUES (%s, %s, 'up', '162', 'note', 'officer:x', %s::jsonb)",
             (cid, docket, json.dumps({"text": "called +91 %s" % PHONE,
                                       "nested": {"ids": ["aadhaar " + AADHAAR_DIGITS]},
                                       "n": 1})))
    live = []
    deadline = time.monotonic() + 10
    while len(live) < 2 and time.monotonic() < deadline:
        if sub.poll(200):
            live.append(sub.recv_multipart())
    assert len(live) == 2
    out = os.path.join(short_tmp.path, "pii.jsonl")
    for kind, make in SUBSCRIBERS.items():
        r = Running(make(svc, until=head(db)), out + kind)
        assert r.wait(30) == 0
        text = open(out + kind).read()
        assert PHONE not in text and AADHAAR_DIGITS not in text and AADHAAR not in text
        events = events_of(out + kind)
        note = [e for e in events if e["event_type"] == "note"][0]
        assert note["payload_masked"] is True
        assert note["payload"]["text"] == "called [phone]"
        assert note["payload"]["nested"]["ids"] == ["aadhaar [aadhaar]"]
        #  The chain still links; the masked event cannot be recomputed
        #  but is not reported broken.
        assert all(e["verified"] for e in events)
    for frames in live:
        raw = b"".join(frames)
        assert PHONE.encode() not in raw and AADHAAR_DIGITS.encode() not in raw
    assert svc.metric("sunwai_analytics_events_masked_total") == 1


def test_bad_replay_frames_are_counted_not_fatal(db, services, short_tmp, zctx):
    svc = start_analytics(services, db)
    insert_events(db, 5)
    dealer = zctx.socket(zmq.DEALER)
    dealer.connect(endpoint(svc, "replay.endpoint"))
    bad = [[b"hello"],
           [b"sunwai.v1.Bogus", b"\x08\x01"],
           [b"sunwai.v1.ReplayRequest", b"\xff\xff\xff\xff"]]
    for frames in bad:
        dealer.send_multipart(frames)
        assert dealer.poll(5000), "no answer to %r" % frames
        kind, body = dealer.recv_multipart()
        assert kind == b"sunwai.v1.ReplayReply"
        assert e2e.pb_decode(body).get(5), "no error in the reply"
    assert svc.metric("sunwai_frames_undecodable_total", socket="replay") == 3
    #  Out of bounds is refused, counted apart.
    dealer.send_multipart([b"sunwai.v1.ReplayRequest",
                           b"".join(e2e.pb_bytes(2, "t%d" % i) for i in range(17))])
    assert dealer.poll(5000)
    assert e2e.pb_decode(dealer.recv_multipart()[1]).get(5)
    assert svc.metric("sunwai_analytics_replay_refused_total") == 1
    #  A good request still works: 5 events then the end marker.
    dealer.send_multipart([b"sunwai.v1.ReplayRequest", e2e.pb_varint(1, 2)])
    got = []
    while True:
        assert dealer.poll(5000)
        kind, body = dealer.recv_multipart()
        if kind == b"sunwai.v1.ReplayReply":
            reply = e2e.pb_decode(body)
            break
        got.append(e2e.pb_decode(body)[1][0])
    assert got == [3, 4, 5]
    assert reply[1] == [5] and reply.get(2) == [5] and not reply.get(3)
    #  And a limit makes it page: more is set, last_seq is where it stopped.
    dealer.send_multipart([b"sunwai.v1.ReplayRequest", e2e.pb_varint(3, 2)])
    kinds = [dealer.recv_multipart() for _ in range(3)]
    reply = e2e.pb_decode(kinds[-1][1])
    assert reply[1] == [2] and reply[3] == [1]
    rc, _ = svc.stop()
    assert rc == 0


def test_metrics_and_clean_shutdown(db, services):
    svc = start_analytics(services, db)
    insert_events(db, 3)
    e2e.wait_for(lambda: svc.metric("sunwai_analytics_events_published_total") == 3,
                 what="published")
    assert svc.metric("sunwai_analytics_events_behind") == 0
    e2e.wait_for(lambda: (svc.metric("sunwai_analytics_heartbeats_total") or 0) >= 1,
                 what="heartbeat")
    ctx = zmq.Context()
    try:
        s = ctx.socket(zmq.SUB)
        s.connect(endpoint(svc, "stream.endpoint"))
        s.setsockopt(zmq.SUBSCRIBE, b"up.")
        e2e.wait_for(lambda: svc.metric("sunwai_analytics_stream_subscribers") == 1,
                     what="subscriber counted")
        e2e.wait_for(lambda: svc.metric("sunwai_analytics_stream_subscriptions") == 1,
                     what="subscription counted")
        s.close(0)
        e2e.wait_for(lambda: svc.metric("sunwai_analytics_stream_subscribers") == 0,
                     what="subscriber gone")
    finally:
        ctx.destroy(linger=0)
    rc, took = svc.stop()
    assert rc == 0 and took < 5
