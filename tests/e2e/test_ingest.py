"""sunwai-ingest end to end: the real binary, a real PostgreSQL, real
sockets.  Every channel stores a complaint once, answers only after the
commit, refuses bad input with a clear 4xx, and loses nothing while
PostgreSQL is down."""
import concurrent.futures
import json
import os
import re
import subprocess
import tempfile

import pytest
import zmq

import sunwai_e2e as e2e
from ingest_helpers import (CONSUMER_SECRET, POLICE_ID, aaa_tweets, make_token, post_complaint,
                            post_webhook, request, signature, v1_tweet)

DOCKET_RE = re.compile(r"^UP-\d{4}-\d{7}$")
SHARED = os.environ.get("SUNWAI_SHARED_DATA") or os.path.join(e2e.SOURCE_DIR, "..", "shared", "data")
SAMPLES = os.path.join(SHARED, "twitter-samples")
FIXTURES = os.path.join(e2e.SOURCE_DIR, "tests", "fixtures", "x")


def start_ingest(services, db, **settings):
    values = {"x.consumer_secret": CONSUMER_SECRET, "x.user_id": POLICE_ID,
              "redrive.after_s": "3600"}
    values.update({k.replace("__", "."): str(v) for k, v in settings.items()})
    svc = services("ingest", db=db, set=values)
    svc.wait_ready()
    return svc


def count(db, sql, params=None):
    return db.query(sql, params)[0][0]


# --------------------------------------------------------------------------
# The generic intake API

def test_api_stores_once_and_is_idempotent(services, db):
    svc = start_ingest(services, db)
    token = make_token(db, "api")
    body = {"channel": "web", "source_id": "F-2026-0001",
            "text": "मेरी बाइक चोरी हो गई है, हजरतगंज लखनऊ, कृपया मदद करें",
            "author": {"id": "web-77", "name": "Ramesh"}, "language": "hi",
            "geo": {"lat": 26.85, "lon": 80.95, "place_name": "Hazratganj"},
            "created_at": "2026-11-29T10:15:00+05:30"}
    status, reply, _ = post_complaint(svc.http_port, token, body)
    assert status == 201, reply
    assert reply["status"] == "new" and DOCKET_RE.match(reply["docket"]), reply
    docket = reply["docket"]
    # committed before the answer: the row and its event are there now
    row = db.query("SELECT docket, channel, source, text, status, author_id, geo->>'place_name',"
                   " extract(epoch FROM created_at)::bigint FROM complaints")
    import datetime
    posted = int(datetime.datetime.fromisoformat("2026-11-29T10:15:00+05:30").timestamp())
    assert row == [(docket, "web", "web", body["text"], "RECEIVED", "web-77", "Hazratganj",
                    posted)]
    assert db.query("SELECT event_type, docket FROM events") == [("received", docket)]
    # the same request again: the same docket, nothing new
    status, again, _ = post_complaint(svc.http_port, token, body)
    assert status == 200 and again == {"docket": docket, "status": "duplicate"}
    assert count(db, "SELECT count(*) FROM complaints") == 1
    assert count(db, "SELECT count(*) FROM events") == 1
    # the same source id on another channel is another complaint
    status, other, _ = post_complaint(svc.http_port, token, dict(body, channel="whatsapp"))
    assert status == 201 and other["docket"] != docket
    svc.stop()


def test_api_follow_up_and_reopen(services, db):
    svc = start_ingest(services, db, followup__window_s=0)
    token = make_token(db, "api")
    first = {"channel": "whatsapp", "source_id": "wa-1", "text": "Mere ghar ke bahar roz jhagda hota hai",
             "author": {"id": "wa:+91-hash-1"}}
    _, reply, _ = post_complaint(svc.http_port, token, first)
    docket = reply["docket"]
    status, fu, _ = post_complaint(svc.http_port, token, {
        "channel": "whatsapp", "source_id": "wa-2", "reply_to": "wa-1",
        "text": "Aaj phir hua", "author": {"id": "wa:+91-hash-1"}})
    assert status == 200 and fu == {"docket": docket, "status": "follow_up"}
    assert count(db, "SELECT count(*) FROM complaints") == 1
    assert db.query("SELECT kind, text FROM follow_ups") == [("reply", "Aaj phir hua")]
    # once resolved, a further reply reopens it
    db.query("UPDATE complaints SET status = 'RESOLVED', resolved_at = now()")
    status, ro, _ = post_complaint(svc.http_port, token, {
        "channel": "whatsapp", "source_id": "wa-3", "reply_to": "wa-1",
        "text": "Problem abhi bhi hai", "author": {"id": "wa:+91-hash-1"}})
    assert status == 200 and ro == {"docket": docket, "status": "reopened"}
    assert db.query("SELECT status, resolved_at FROM complaints") == [("REOPENED", None)]
    assert [r[0] for r in db.query("SELECT event_type FROM events ORDER BY seq")] == [
        "received", "follow_up", "follow_up", "reopened"]
    svc.stop()


def test_api_same_author_window(services, db):
    svc = start_ingest(services, db, followup__window_s=600)
    token = make_token(db, "api")
    a = {"channel": "sms", "source_id": "sms-1", "text": "Pados me tez music baj raha hai raat ko",
         "author": {"id": "sms:hash-9"}}
    _, r1, _ = post_complaint(svc.http_port, token, a)
    _, r2, _ = post_complaint(svc.http_port, token, dict(a, source_id="sms-2", text="Abhi bhi"))
    assert r2 == {"docket": r1["docket"], "status": "follow_up"}
    assert db.query("SELECT kind FROM follow_ups") == [("same_author",)]
    # another citizen is another complaint
    _, r3, _ = post_complaint(svc.http_port, token, dict(a, source_id="sms-3",
                                                          author={"id": "sms:hash-10"}))
    assert r3["status"] == "new"
    svc.stop()



def assert_chain(db):
    """Every event's hash is sunwai_event_hash of it and the one before;
    numbers have no gaps; the head holds the last event."""
    rows = db.query("SELECT count(*), count(*) FILTER (WHERE sunwai_event_hash(prev_hash, e) = hash),"
                    " min(seq), max(seq) FROM events e")
    assert rows[0][0] == rows[0][1] == rows[0][3] - rows[0][2] + 1, rows
    assert db.query("SELECT count(*) FROM events e JOIN events p ON p.seq = e.seq - 1"
                    " WHERE e.prev_hash <> p.hash")[0][0] == 0
    assert db.query("SELECT h.seq = e.seq AND h.hash = e.hash AND h.prev_hash = e.prev_hash"
                    "  FROM event_chain_head h, events e WHERE e.seq = (SELECT max(seq) FROM events)"
                    ) == [(True,)]


def test_event_chain_across_statements_and_savepoints(db):
    """The chaining trigger numbers the events of one INSERT from the
    first one's head update (db/migrations/0006_ingest_batch.sql); a
    failed statement under a savepoint leaves neither rows nor numbers."""
    e2e.run("sunwaictl", "--set", "db.url=" + db.url, "migrate")
    ins = ("INSERT INTO events (state, event_type, actor, payload)"
           " SELECT 'up', 'note', 'test', jsonb_build_object('n', g) FROM generate_series(1, %d) g")
    conn = db.connect()
    conn.autocommit = False
    with conn.cursor() as cur:
        cur.execute(ins % 5)
        cur.execute(ins % 1)
        cur.execute("SAVEPOINT s")
        with pytest.raises(Exception):
            # the third event refers to a complaint that does not exist
            cur.execute("INSERT INTO events (state, event_type, actor, complaint_id)"
                        " VALUES ('up', 'note', 'test', NULL), ('up', 'note', 'test', NULL),"
                        " ('up', 'note', 'test', 424242)")
        cur.execute("ROLLBACK TO SAVEPOINT s")
        cur.execute(ins % 3)
        cur.execute("SELECT current_setting('sunwai.event_chain', true)")
        assert cur.fetchone()[0] in (None, "")
    conn.commit()
    conn.close()
    db.query(ins % 2)
    assert db.query("SELECT seq, payload->>'n' FROM events ORDER BY seq") == [
        (1, "1"), (2, "2"), (3, "3"), (4, "4"), (5, "5"), (6, "1"), (7, "1"), (8, "2"), (9, "3"),
        (10, "1"), (11, "2")]
    assert_chain(db)


def _batch_item(source_id, author, **extra):
    item = {"kind": "tweet", "channel": "x_webhook", "source": "x", "source_id": source_id,
            "author_id": author, "text": "complaint " + source_id, "created_at_ms": 0}
    item.update(extra)
    return item


def test_one_batch_finds_its_own_new_complaints(db):
    """sunwai_ingest() inserts a batch's new complaints together at the
    end (db/migrations/0006_ingest_batch.sql).  Messages later in the same
    batch that refer to one of them (a duplicate, a reply, the same
    conversation, the same author within the window, a delete) must still
    find it, exactly as when each arrives in its own batch."""
    e2e.run("sunwaictl", "--set", "db.url=" + db.url, "migrate")
    # Each reference follows a complaint still waiting to be inserted.
    batch = [
        _batch_item("a1", "u1"),                            # 0 new A
        _batch_item("a2", "u2", in_reply_to_id="a1"),       # 1 reply to A
        _batch_item("e1", "u3"),                            # 2 new E
        _batch_item("e2", "u3"),                            # 3 E's author again
        _batch_item("f1", "u4", conversation_id="conv-f"),  # 4 new F
        _batch_item("f2", "u5", conversation_id="conv-f"),  # 5 in F's conversation
        _batch_item("g1", "u6"),                            # 6 new G
        _batch_item("g2", "u7", conversation_id="g1"),      # 7 a conversation G started
        _batch_item("b1", "u8"),                            # 8 new B
        {"kind": "delete", "channel": "x_webhook", "source": "x", "source_id": "b1",
         "text": "", "created_at_ms": 0},                   # 9 B deleted
        _batch_item("h1", "u9"),                            # 10 new H
        _batch_item("h1", "u9"),                            # 11 H again
        _batch_item("d1", "u10"),                           # 12 new D
        _batch_item("d2", "u10", source="sms", channel="sms"),  # 13 same id, other source
    ]
    rows = db.query("SELECT idx, result, docket, version FROM sunwai_ingest(%s::jsonb, 'up', 'UP', 600)"
                    " ORDER BY idx", (json.dumps(batch),))
    assert [r[1] for r in rows] == [
        "new", "follow_up", "new", "follow_up", "new", "follow_up", "new", "follow_up",
        "new", "deleted", "new", "duplicate", "new", "new"], rows
    docket = [r[2] for r in rows]
    for first, then in ((0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11)):
        assert docket[then] == docket[first], (first, then, rows)
    assert len({docket[i] for i in (0, 2, 4, 6, 8, 10, 12, 13)}) == 8
    assert [r[3] for r in rows] == [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 1, 1, 1]
    assert db.query("SELECT source_id, deleted_by_author, version FROM complaints ORDER BY id") == [
        ("a1", False, 2), ("e1", False, 2), ("f1", False, 2), ("g1", False, 2), ("b1", True, 2),
        ("h1", False, 1), ("d1", False, 1), ("d2", False, 1)]
    assert db.query("SELECT f.source_id, f.kind, c.source_id FROM follow_ups f"
                    " JOIN complaints c ON c.id = f.complaint_id ORDER BY f.id") == [
        ("a2", "reply", "a1"), ("e2", "same_author", "e1"), ("f2", "reply", "f1"),
        ("g2", "reply", "g1")]
    kinds = {"new": "received", "follow_up": "follow_up", "deleted": "deleted_by_author"}
    assert db.query("SELECT event_type, docket FROM events ORDER BY seq") == [
        (kinds[r[1]], r[2]) for r in rows if r[1] in kinds]
    assert_chain(db)
    # the same messages again, in one batch: every one a duplicate or ignored
    again = db.query("SELECT result FROM sunwai_ingest(%s::jsonb, 'up', 'UP', 600) ORDER BY idx",
                     (json.dumps(batch),))
    assert [r[0] for r in again] == ["duplicate"] * 9 + ["ignored"] + ["duplicate"] * 4

BAD_BODIES = [
    (b'{"channel": "web", "source_id": "1", "text": "x"', "malformed_json"),
    (b'[1, 2]', "bad_field"),
    (json.dumps({"channel": "web", "source_id": 17, "text": "x"}).encode(), "bad_field"),
    (json.dumps({"channel": "web", "source_id": "1", "text": ["x"]}).encode(), "bad_field"),
    (json.dumps({"channel": "web", "source_id": "1"}).encode(), "bad_field"),
    (json.dumps({"channel": "web", "source_id": "1", "text": "   "}).encode(), "bad_field"),
    (json.dumps({"channel": "fax", "source_id": "1", "text": "x"}).encode(), "bad_field"),
    (json.dumps({"channel": "web", "source_id": "1", "text": "x", "txet": "y"}).encode(), "unknown_field"),
    (json.dumps({"channel": "web", "source_id": "1", "text": "x", "author": {"phone": "9876543210"}}).encode(), "unknown_field"),
    (json.dumps({"channel": "web", "source_id": "1", "text": "x", "geo": {"lat": 123, "lon": 80}}).encode(), "bad_field"),
    (json.dumps({"channel": "web", "source_id": "1", "text": "x", "created_at": "yesterday"}).encode(), "bad_field"),
    (json.dumps({"channel": "web", "source_id": "1", "text": "x" * 4001}).encode(), "bad_field"),
    (b'{"channel": "web", "source_id": "1", "text": "\xff\xfe bad bytes"}', "malformed_json"),
    (b'{"channel": "web", "source_id": "1", "text": "\\ud83d lone surrogate"}', "malformed_json"),
    (b'{"channel": "web", "channel": "sms", "source_id": "1", "text": "x"}', "malformed_json"),
    (b'[' * 100000 + b']' * 100000, "malformed_json"),
]


@pytest.mark.parametrize("raw,reason", BAD_BODIES, ids=[r for _, r in BAD_BODIES])
def test_api_bad_input(services, db, raw, reason):
    svc = start_ingest(services, db, http__max_body=300000)
    token = make_token(db, "api")
    status, reply, _ = request(svc.http_port, "POST", "/v1/complaints", raw=raw,
                               headers={"Authorization": "Bearer " + token,
                                        "Content-Type": "application/json"})
    assert status == 400, (status, reply)
    assert reply["error"] == reason and reply["message"], reply
    assert count(db, "SELECT count(*) FROM complaints") == 0
    assert svc.metric("sunwai_ingest_rejected_total", reason=reason) == 1
    assert svc.logs("request refused")[0]["reason"] == reason
    # still serving
    status, _, _ = post_complaint(svc.http_port, token,
                                  {"channel": "web", "source_id": "ok", "text": "theek hai"})
    assert status == 201
    svc.stop()


def test_api_auth_and_limits(services, db):
    svc = start_ingest(services, db, http__max_body=4096)
    good = {"channel": "web", "source_id": "a1", "text": "Chain snatching near Charbagh"}
    assert post_complaint(svc.http_port, None, good)[0] == 401
    assert post_complaint(svc.http_port, "not-a-real-token", good)[0] == 401
    officer = make_token(db, "officer")          # officers may not use the intake API
    assert post_complaint(svc.http_port, officer, good)[0] == 401
    revoked = make_token(db, "api")
    db.query("UPDATE tokens SET revoked_at = now() WHERE label = 'test' AND id = (SELECT max(id) FROM tokens)")
    assert post_complaint(svc.http_port, revoked, good)[0] == 401
    assert count(db, "SELECT count(*) FROM complaints") == 0
    token = make_token(db, "api")
    status, reply, _ = post_complaint(svc.http_port, token, dict(good, text="x" * 5000))
    assert status == 413 and reply["error"] == "body_too_large", reply
    status, reply, _ = request(svc.http_port, "POST", "/v1/complaints", raw=b"channel=web",
                               headers={"Authorization": "Bearer " + token,
                                        "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 415, reply
    assert post_complaint(svc.http_port, token, good)[0] == 201
    svc.stop()


# --------------------------------------------------------------------------
# The X Account Activity webhook

def test_webhook_crc(services, db):
    svc = start_ingest(services, db)
    status, reply, _ = request(svc.http_port, "GET", "/webhooks/x?crc_token=challenge-123")
    assert status == 200
    # computed independently: HMAC-SHA256 with Python's hmac
    import base64, hashlib, hmac
    expected = "sha256=" + base64.b64encode(
        hmac.new(CONSUMER_SECRET.encode(), b"challenge-123", hashlib.sha256).digest()).decode()
    assert reply == {"response_token": expected}
    assert request(svc.http_port, "GET", "/webhooks/x")[0] == 400
    svc.stop()


def test_webhook_tweets_replies_retweets_deletes(services, db):
    svc = start_ingest(services, db, followup__window_s=0)
    full = "@Uppolice मेरी बाइक चोरी हो गई है &amp; कोई सुन नहीं रहा, हजरतगंज लखनऊ. " * 3
    complaint = v1_tweet("1861234567890123457", full.strip(), extended=True)
    retweet = v1_tweet("1861234567890123458", "RT @x: ...", retweet_of=complaint)
    own = v1_tweet("1861234567890123459", "@citizen_lko आपकी शिकायत दर्ज कर ली गई है",
                   user_id=POLICE_ID, screen_name="Uppolice")
    status, reply, _ = post_webhook(svc.http_port, aaa_tweets(complaint, retweet, own))
    assert status == 200, reply
    assert reply["new"] == 1 and reply["ignored"] == 2, reply
    text, source_id, channel = db.query("SELECT text, source_id, channel FROM complaints")[0]
    assert source_id == "1861234567890123457"       # id_str, not a rounded double
    assert channel == "x_webhook"
    # extended_tweet.full_text (not the truncated "text"), entities decoded
    assert text == full.strip().replace("&amp;", "&")
    # the same body again (X retries): duplicates, nothing new
    status, reply, _ = post_webhook(svc.http_port, aaa_tweets(complaint, retweet, own))
    assert status == 200 and reply["new"] == 0 and reply["duplicate"] == 1, reply
    # a reply in the thread is a follow-up
    reply_tweet = v1_tweet("1861234567890123460", "@Uppolice koi update? FIR nahi likhi",
                           reply_to="1861234567890123457")
    status, reply, _ = post_webhook(svc.http_port, aaa_tweets(reply_tweet))
    assert status == 200 and reply["follow_up"] == 1, reply
    assert count(db, "SELECT count(*) FROM complaints") == 1
    # the citizen deletes the tweet: marked, kept
    delete = {"for_user_id": POLICE_ID, "tweet_delete_events": [
        {"status": {"id": "1861234567890123457", "user_id": "1861000000000000777"},
         "timestamp_ms": "1764411300000"}]}
    status, reply, _ = post_webhook(svc.http_port, delete)
    assert status == 200 and reply["deleted"] == 1, reply
    assert db.query("SELECT deleted_by_author FROM complaints") == [(True,)]
    events = [r[0] for r in db.query("SELECT event_type FROM events ORDER BY seq")]
    assert events == ["received", "follow_up", "deleted_by_author"]
    svc.stop()


def test_webhook_direct_messages(services, db):
    svc = start_ingest(services, db)
    body = {"for_user_id": POLICE_ID, "direct_message_events": [
        {"type": "message_create", "id": "1861234567890200001", "created_timestamp": "1764411300000",
         "message_create": {"target": {"recipient_id": POLICE_ID}, "sender_id": "1861000000000000999",
                            "message_data": {"text": "Someone is threatening me on phone, please help. Gomti Nagar",
                                             "entities": {}}}},
        {"type": "message_create", "id": "1861234567890200002", "created_timestamp": "1764411360000",
         "message_create": {"target": {"recipient_id": "1861000000000000999"}, "sender_id": POLICE_ID,
                            "message_data": {"text": "Please share your location", "entities": {}}}}],
        "users": {"1861000000000000999": {"id": "1861000000000000999", "name": "Asha",
                                          "screen_name": "asha_lko", "location": "Lucknow"},
                  POLICE_ID: {"id": POLICE_ID, "name": "UP Police", "screen_name": "Uppolice"}}}
    status, reply, _ = post_webhook(svc.http_port, body)
    assert status == 200 and reply["new"] == 1 and reply["ignored"] == 1, reply
    assert db.query("SELECT source, source_id, author_handle FROM complaints") == [
        ("x_dm", "1861234567890200001", "asha_lko")]
    svc.stop()


def test_webhook_refuses_bad_requests(services, db):
    svc = start_ingest(services, db)
    body = aaa_tweets(v1_tweet("1861234567890123470", "@Uppolice help"))
    raw = json.dumps(body).encode()
    # forged, missing and wrong-secret signatures: 401, nothing stored
    assert post_webhook(svc.http_port, raw, sign=False)[0] == 401
    assert post_webhook(svc.http_port, raw, secret="someone-elses-secret")[0] == 401
    status, reply, _ = request(svc.http_port, "POST", "/webhooks/x", raw=raw, headers={
        "X-Twitter-Webhooks-Signature": signature(raw)[:-4] + "AAA="})
    assert status == 401 and reply["error"] == "bad_signature"
    # a signed body that was altered after signing
    tampered = raw.replace(b"help", b"hack")
    status, _, _ = request(svc.http_port, "POST", "/webhooks/x", raw=tampered, headers={
        "X-Twitter-Webhooks-Signature": signature(raw)})
    assert status == 401
    assert svc.metric("sunwai_ingest_rejected_total", reason="bad_signature") == 4
    assert count(db, "SELECT count(*) FROM complaints") == 0
    # signed but not JSON, or no event kind we know
    assert post_webhook(svc.http_port, b"{not json")[1]["error"] == "malformed_json"
    status, reply, _ = post_webhook(svc.http_port, {"for_user_id": POLICE_ID, "mystery_events": []})
    assert status == 400 and reply["error"] == "unknown_event", reply
    status, reply, _ = post_webhook(svc.http_port, {"tweet_create_events": [{"id_str": 5, "text": "x"}]})
    assert status == 400 and reply["error"] == "bad_event", reply
    # known events that are not complaints: 200, nothing stored
    status, reply, _ = post_webhook(svc.http_port, {"for_user_id": POLICE_ID,
        "direct_message_indicate_typing_events": [{"created_timestamp": "1", "sender_id": "2",
                                                   "target": {"recipient_id": POLICE_ID}}]})
    assert status == 200 and reply["ignored"] == 1, reply
    assert count(db, "SELECT count(*) FROM complaints") == 0
    svc.stop()


def _shared_webhook_bodies():
    for name in ("xdocs_aaa_direct_message_events.json", "xdocs_aaa_tweet_delete_events.json",
                 "xdocs_aaa_direct_message_indicate_typing_events.json",
                 "xdocs_aaa_direct_message_mark_read_events.json"):
        path = os.path.join(SAMPLES, name)
        if os.path.exists(path):
            yield name, open(path, "rb").read()


def test_webhook_real_samples(services, db):
    """X's own documented webhook payloads and real v1.1 Tweet objects, as
    Account Activity would deliver them."""
    if not os.path.isdir(SAMPLES):
        pytest.skip("skipped: ../shared/data/twitter-samples is not present")
    svc = start_ingest(services, db)
    for name, raw in _shared_webhook_bodies():
        status, reply, _ = post_webhook(svc.http_port, raw)
        assert status == 200, (name, reply)
    assert db.query("SELECT source, source_id, text FROM complaints WHERE source = 'x_dm'") == [
        ("x_dm", "954491830116155396", "Hello World!")]
    tweets = [json.loads(l) for l in open(os.path.join(SAMPLES, "v1.1_tweet_objects.jsonl"))
              if l.strip()]
    status, reply, _ = post_webhook(svc.http_port, {"for_user_id": "1", "tweet_create_events": tweets})
    assert status == 200, reply
    originals = [t for t in tweets if "retweeted_status" not in t]
    assert reply["new"] + reply["follow_up"] + reply["duplicate"] == len(originals), reply
    stored = {r[0] for r in db.query("SELECT source_id FROM source_messages WHERE source = 'x'")}
    assert stored == {t["id_str"] for t in originals}
    svc.stop()


# --------------------------------------------------------------------------
# The pipeline socket, re-drive, and PostgreSQL outages

def _pb_fields(frames):
    assert frames[0] == b"sunwai.v1.Complaint"
    return e2e.pb_decode(frames[1])


def test_pushes_committed_complaints_and_redrives(services, db, short_tmp):
    svc = start_ingest(services, db, redrive__after_s=1)
    token = make_token(db, "api")
    # nobody is listening: the complaint is stored, the push waits for the re-driver
    status, reply, _ = post_complaint(svc.http_port, token, {
        "channel": "control_room", "source_id": "112-77", "text": "Accident on Shaheed Path, two injured"})
    assert status == 201
    ctx = zmq.Context()
    try:
        pull = ctx.socket(zmq.PULL)
        pull.connect(svc.endpoints["out.endpoint"][1:])
        assert pull.poll(15000), "re-driver never pushed the complaint"
        fields = _pb_fields(pull.recv_multipart())
        assert fields[2][0] == reply["docket"].encode()
        assert fields[9][0] == "Accident on Shaheed Path, two injured".encode()
        svc.wait_metric("sunwai_ingest_redriven_total", lambda v: v >= 1)
        # with a listener, a new complaint is pushed at once after its commit
        status, r2, _ = post_complaint(svc.http_port, token, {
            "channel": "web", "source_id": "w-2", "text": "Mobile chori ho gaya metro me"})
        assert status == 201
        while True:
            assert pull.poll(10000), "complaint not pushed"
            fields = _pb_fields(pull.recv_multipart())
            if fields[2][0] == r2["docket"].encode():
                break
    finally:
        ctx.destroy(linger=0)
    # the re-driver records its push; a first push right after the commit does not
    assert db.query("SELECT docket FROM complaints WHERE pushed_at IS NOT NULL") == [
        (reply["docket"],)]
    svc.stop()


def test_full_pipeline_backlog_is_sent_when_room(services, db):
    """After an incident complaints arrive faster than the classifiers take
    them: pushes find the pipeline full.  The complaints are stored and
    answered all the same, wait in ingest's push backlog (oldest first),
    and go down the pipeline as soon as there is room, each once, without
    waiting for the re-driver (an hour here)."""
    svc = start_ingest(services, db)
    token = make_token(db, "api")
    ctx = zmq.Context()
    try:
        pull = ctx.socket(zmq.PULL)
        pull.setsockopt(zmq.RCVHWM, 1)
        pull.connect(svc.endpoints["out.endpoint"][1:])
        e2e.wait_for(lambda: svc.metric("sunwai_ingest_pushed_total") is not None)
        n = 5000

        def post(i):
            status, reply, _ = post_complaint(svc.http_port, token, {
                "channel": "web", "source_id": "flood-%d" % i,
                "text": "Pul tootne ke baad sadak band hai, madad chahiye (%d)" % i})
            assert status == 201, reply
            return reply["docket"]

        # nobody reads while they arrive
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            dockets = set(pool.map(post, range(n)))
        assert len(dockets) == n
        waiting = svc.metric("sunwai_ingest_push_backlog")
        assert waiting and waiting > 0, "the pipeline never filled; raise n"
        assert svc.metric("sunwai_ingest_push_failed_total") >= 1
        # the reader starts: every complaint arrives once
        got = []
        while len(got) < n:
            assert pull.poll(20000), "%d of %d pushed; log:\n%s" % (len(got), n, svc.raw_log())
            got.append(_pb_fields(pull.recv_multipart())[2][0].decode())
        assert set(got) == dockets and len(got) == n
        assert not pull.poll(500), "a complaint was pushed twice"
        svc.wait_metric("sunwai_ingest_push_backlog", lambda v: v == 0)
        assert svc.metric("sunwai_ingest_redriven_total") == 0
        # backlog complaints went in the order they were stored
        ids = [r[0] for r in db.query("SELECT docket FROM complaints ORDER BY id")]
        assert got[-100:] == [d for d in ids if d in set(got[-100:])]
    finally:
        ctx.destroy(linger=0)
    svc.stop()


def test_database_outage_503_then_recovers(services, tmp_path):
    pgdir = str(tmp_path / "pg")
    pgcluster = os.path.join(e2e.SOURCE_DIR, "tests", "support", "pgcluster")
    subprocess.run([pgcluster, "start", pgdir], check=True, stdout=subprocess.DEVNULL)
    try:
        port = int(open(os.path.join(pgdir, "port")).read())
        import psycopg2
        conn = psycopg2.connect(e2e.conninfo("postgres", port))
        conn.autocommit = True
        conn.cursor().execute("CREATE DATABASE sunwai")
        conn.close()

        class Db:
            url = e2e.conninfo("sunwai", port)

            def query(self, sql, params=None):
                c = psycopg2.connect(self.url)
                c.autocommit = True
                try:
                    cur = c.cursor()
                    cur.execute(sql, params)
                    return cur.fetchall() if cur.description else None
                finally:
                    c.close()
        db = Db()
        svc = start_ingest(services, db)
        token = make_token(db, "api")
        body = {"channel": "web", "source_id": "outage-1", "text": "Ghar me chori ho gayi"}
        assert post_complaint(svc.http_port, token, body)[0] == 201

        subprocess.run([pgcluster, "down", pgdir], check=True)
        e2e.wait_for(lambda: svc.readyz()[0] == 503, timeout=15, what="not ready")
        second = {"channel": "web", "source_id": "outage-2", "text": "Purse chheena gaya"}
        status, reply, headers = post_complaint(svc.http_port, token, second)
        assert status == 503 and reply["error"] == "unavailable", reply
        assert int(headers["Retry-After"]) > 0
        assert svc.running()

        subprocess.run([pgcluster, "up", pgdir], check=True)
        svc.wait_ready(timeout=30)
        # the client's retry now succeeds, without restarting ingest
        e2e.wait_for(lambda: post_complaint(svc.http_port, token, second)[0] in (200, 201),
                     timeout=20, what="store accepts again")
        rows = db.query("SELECT source_id FROM complaints ORDER BY id")
        assert rows == [("outage-1",), ("outage-2",)]
        assert svc.metric("sunwai_ingest_unavailable_total") >= 1
        svc.stop()
    finally:
        subprocess.run([pgcluster, "stop", pgdir], stdout=subprocess.DEVNULL)


def test_concurrent_requests_all_committed_and_drained_on_sigterm(services, db):
    svc = start_ingest(services, db)
    token = make_token(db, "api")

    def send(i):
        return post_complaint(svc.http_port, token, {
            "channel": "web", "source_id": "load-%d" % i,
            "text": "Complaint number %d about a stolen bicycle near Aminabad" % i})

    with concurrent.futures.ThreadPoolExecutor(32) as pool:
        results = list(pool.map(send, range(400)))
    assert all(r[0] == 201 for r in results), [r for r in results if r[0] != 201][:3]
    dockets = {r[1]["docket"] for r in results}
    assert len(dockets) == 400
    stored = {r[0] for r in db.query("SELECT docket FROM complaints")}
    assert stored == dockets
    # many complaints shared a commit
    sizes = svc.metrics()
    commits = sizes[("sunwai_ingest_batch_size_count", frozenset())]
    assert commits <= 400
    # SIGTERM while requests are in flight: every 201 is in the database
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        futures = [pool.submit(send, 1000 + i) for i in range(200)]
        rc, _ = svc.stop()
        answered = [f.result() for f in futures if f.exception() is None]
    assert rc == 0
    ok = {r[1]["docket"] for r in answered if r[0] == 201}
    stored = {r[0] for r in db.query("SELECT docket FROM complaints")}
    assert ok <= stored


# --------------------------------------------------------------------------
# Replay

def test_replay_archive(services, db, tmp_path):
    ingest = start_ingest(services, db)     # applies the migrations
    ingest.stop()
    lines = [json.dumps(v1_tweet("1861234567890300001", "@Uppolice mera phone chori ho gaya Kanpur")),
             json.dumps({"data": {"id": "1861234567890300002", "text": "@Uppolice car stolen from Noida sector 18",
                                  "author_id": "55", "created_at": "2026-11-29T10:15:00.000Z",
                                  "conversation_id": "1861234567890300002"},
                         "includes": {"users": [{"id": "55", "username": "noida_resident", "name": "N"}]}}),
             "{this is not json",
             json.dumps(v1_tweet("1861234567890300003", "RT", retweet_of={"id_str": "1"})),
             json.dumps(v1_tweet("1861234567890300001", "@Uppolice mera phone chori ho gaya Kanpur"))]
    archive = tmp_path / "archive.jsonl"
    archive.write_text("\n".join(lines) + "\n")
    r = e2e.run("ingest", "--replay", str(archive), "--set", "db.url=" + db.url,
                "--set", "http.port=0", "--set", "out.endpoint=@ipc://%s/out" % tmp_path, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ("replay: 5 lines, 2 new, 1 duplicate, 0 follow-up, 1 ignored, "
                                "1 rejected"), r.stdout
    assert count(db, "SELECT count(*) FROM complaints WHERE channel = 'replay'") == 2
    log = e2e.parse_log(r.stderr, "sunwai-ingest")
    assert any(l["msg"] == "replay line rejected" and l["line"] == "3" for l in log)
    # again: everything is a duplicate
    r = e2e.run("ingest", "--replay", str(archive), "--set", "db.url=" + db.url,
                "--set", "http.port=0", "--set", "out.endpoint=@ipc://%s/out" % tmp_path, timeout=60)
    assert r.returncode == 0 and "0 new, 3 duplicate" in r.stdout, r.stdout


def test_replay_real_archive(db, tmp_path, services):
    path = os.path.join(SAMPLES, "v1.1_tweet_objects.jsonl")
    if not os.path.exists(path):
        pytest.skip("skipped: ../shared/data/twitter-samples is not present")
    r = e2e.run("ingest", "--replay", path, "--set", "db.url=" + db.url, "--set", "http.port=0",
                "--set", "out.endpoint=@ipc://%s/out" % tmp_path, timeout=60)
    assert r.returncode == 0, r.stderr
    m = re.match(r"replay: (\d+) lines, (\d+) new, (\d+) duplicate, (\d+) follow-up, (\d+) ignored, (\d+) rejected",
                 r.stdout.strip())
    assert m, r.stdout
    lines, new, dup, fu, ignored, rejected = map(int, m.groups())
    tweets = [json.loads(l) for l in open(path) if l.strip()]
    assert lines == len(tweets) and rejected == 0
    assert new + fu + dup == len([t for t in tweets if "retweeted_status" not in t])
    assert count(db, "SELECT count(*) FROM source_messages") == new + fu
