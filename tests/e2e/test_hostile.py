"""Hostile requests against the real processes: SQL-injection strings in
every text field of the intake API and the X webhook (stored verbatim, every
table intact), a replayed webhook delivery (stored once), and SQL in the
operator's command line.  Forged signatures, deep and huge JSON, bad UTF-8
and wrong tokens are in test_ingest.py; one district's officer acting on
another's case in test_commands.py and test_web.py; a ZeroMQ peer without
the right CURVE key in test_curve.py."""
import json

import sunwai_e2e as e2e
import test_router as tr
from ingest_helpers import aaa_tweets, make_token, post_complaint, post_webhook, v1_tweet
from test_ingest import start_ingest

INJECTIONS = [
    "'; DROP TABLE complaints; --",
    "x' OR '1'='1",
    "1); DELETE FROM events WHERE (1=1",
    "\\'; TRUNCATE outbox CASCADE; --",
    "$1::text); UPDATE complaints SET status = 'CLOSED'; --",
    "मेरी बाइक'); DROP TABLE events;-- चोरी",
]


def test_sql_injection_strings_are_stored_as_text(services, db):
    svc = start_ingest(services, db)
    token = make_token(db, "api")
    for n, attack in enumerate(INJECTIONS):
        body = {"channel": "web", "source_id": "%s-%d" % (attack, n), "text": attack,
                "author": {"id": attack, "name": attack}, "language": "hi",
                "reply_to": attack}
        status, reply, _ = post_complaint(svc.http_port, token, body)
        assert status == 201, (attack, reply)
    tweet = v1_tweet("1861234567890123999", "@Uppolice " + INJECTIONS[0],
                     screen_name="robert'); DROP TABLE complaints;--")
    assert post_webhook(svc.http_port, aaa_tweets(tweet))[0] == 200
    rows = db.query("SELECT text, author_id, author_name FROM complaints WHERE channel = 'web'"
                    " ORDER BY id")
    assert [r[0] for r in rows] == INJECTIONS
    assert all(r[1] == r[0] and r[2] == r[0] for r in rows)
    assert db.query("SELECT author_handle FROM complaints WHERE source = 'x'") == [
        ("robert'); DROP TABLE complaints;--",)]
    assert db.query("SELECT count(*) FROM complaints") == [(len(INJECTIONS) + 1,)]
    assert db.query("SELECT count(*) FROM events WHERE event_type = 'received'") == [
        (len(INJECTIONS) + 1,)]
    assert {"complaints", "events", "outbox"} <= db.tables()
    tr.check_chain(db)
    svc.stop()


def test_replayed_webhook_delivery_is_stored_once(services, db):
    """An attacker who captured a signed delivery can send it again (X
    itself redelivers too): the signature is valid, the tweet is stored
    once, and the answer says it was a duplicate."""
    svc = start_ingest(services, db)
    raw = json.dumps(aaa_tweets(v1_tweet("1861234567890124001", "@Uppolice meri cycle chori"))).encode()
    first = post_webhook(svc.http_port, raw)
    assert first[0] == 200 and first[1]["new"] == 1, first
    for _ in range(3):
        again = post_webhook(svc.http_port, raw)
        assert again[0] == 200 and again[1]["new"] == 0 and again[1]["duplicate"] == 1, again
    assert db.query("SELECT count(*) FROM complaints") == [(1,)]
    assert db.query("SELECT count(*) FROM source_messages") == [(1,)]
    assert svc.metric("sunwai_ingest_messages_total", result="duplicate") == 3
    svc.stop()


def test_sql_in_operator_commands_is_refused_as_data(services, db):
    router = tr.start_router(services, db)
    cid, docket = tr.ingest(db)
    officer = make_token(db, "hq", login="hq-officer")
    base = ["--set", "router.endpoint=" + ">" + router.endpoints["commands.endpoint"][1:],
            "--set", "token=" + officer]
    for attack in INJECTIONS[:3]:
        r = e2e.run("sunwaictl", *base, "show", attack)
        assert r.returncode == 1 and "NOT_FOUND" in r.stderr + r.stdout, (attack, r.stderr)
        r = e2e.run("sunwaictl", *base, "note", docket, "--note", attack)
        assert r.returncode in (0, 1), r.stderr
    assert db.query("SELECT count(*) FROM complaints") == [(1,)]
    assert {"complaints", "events", "notes"} <= db.tables()
    tr.check_chain(db)
    router.stop()
