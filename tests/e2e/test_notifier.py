"""sunwai-notifier end to end: the real binary, a real PostgreSQL, and the
local fakes of what lies outside the machine -- fake_x.py (X API v2,
verifying OAuth 1.0a signatures with python3-oauthlib) and fake_sinks.py
(webhook and SMS gateway over HTTP, SMTP).  Outbox rows are written the way
router writes them; test_notifier_pipeline.py runs router in front."""
import base64
import email
import hashlib
import hmac
import json
import os
import re
import signal
import time

import pytest

import sunwai_e2e as e2e
import test_router as tr
from fakes import FakeX, Sinks

POLICE_ID = "1580000000000000001"
ACCESS = POLICE_ID + "-policeaccesstoken"
OAUTH = ["ck-notifier", "cs-notifier", ACCESS, "ts-notifier"]
HOOK_SECRET = "hook-secret-for-tests"
SMS_TOKEN = "sms-token-for-tests"


@pytest.fixture
def fake_x(short_tmp):
    fx = FakeX(args=["--oauth1", ":".join(OAUTH), "--self-id", POLICE_ID,
                     "--state-file", os.path.join(short_tmp.path, "fakex.json")])
    yield fx
    fx.close()


@pytest.fixture
def sinks():
    s = Sinks(args=["--webhook-secret", HOOK_SECRET, "--sms-token", SMS_TOKEN])
    yield s
    s.close()


@pytest.fixture
def db(db):
    """The test's database with the schema in place (sunwaictl migrate), so
    that complaints and outbox rows can be written before notifier starts."""
    out = e2e.run("sunwaictl", "--set", "db.url=" + db.url, "migrate")
    assert out.returncode == 0, out.stderr
    return db


def start_notifier(services, db, fx, sinks=None, **extra):
    values = {"x.api_base": fx.base, "x.consumer_key": OAUTH[0], "x.consumer_secret": OAUTH[1],
              "x.access_token": OAUTH[2], "x.access_token_secret": OAUTH[3],
              "outbox.poll_ms": "100", "outbox.lease_s": "3", "outbox.budget_ms": "500",
              "send.timeout_ms": "2000", "retry.base_ms": "100", "retry.max_s": "1",
              "rate.x_post_per_s": "0", "rate.x_dm_per_s": "0"}
    if sinks:
        values.update({"webhook.secret": HOOK_SECRET, "sms.url": sinks.base + "/sms",
                       "sms.token": SMS_TOKEN, "smtp.url": "smtp://127.0.0.1:%d" % sinks.smtp_port,
                       "smtp.tls": "none", "smtp.from": "sunwai@up.example"})
    values.update(extra)
    svc = services("notifier", db=db, set=values)
    svc.wait_ready()
    return svc


def add_job(db, cid, channel, recipient, body, kind="ack", in_reply_to=None, key=None,
            language="en"):
    key = key or "%s:%s:%s:%s" % (kind, cid, channel, recipient)
    return db.query("INSERT INTO outbox (complaint_id, kind, channel, recipient, in_reply_to,"
                    " language, body, idempotency_key) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
                    " RETURNING id", (cid, kind, channel, recipient, in_reply_to, language, body,
                                      key))[0][0]


def source_id(db, cid):
    return db.query("SELECT source_id FROM complaints WHERE id = %s", (cid,))[0][0]


def states(db):
    return dict(db.query("SELECT id, state FROM outbox"))


def wait_states(db, want, timeout=20):
    try:
        e2e.wait_for(lambda: set(states(db).values()) <= set(want) and states(db),
                     timeout=timeout, what="outbox rows %s" % (want,))
    except AssertionError as e:
        raise AssertionError("%s; outbox now: %s" % (e, states(db))) from None


def replies(fx):
    return [s for s in fx.sent() if s["kind"] == "tweet"]


def weighted_length(text):
    import sys
    sys.path.insert(0, os.path.join(e2e.SOURCE_DIR, "tests", "support"))
    import fake_x
    return fake_x.weighted_length(text)


def test_every_channel_delivers_once(services, db, fake_x, sinks):
    cid, docket = tr.ingest(db)
    tweet = source_id(db, cid)
    ack = "Your complaint %s has been registered. Status: https://up.example/s/%s" % (docket, docket)
    ids = {
        "x_reply": add_job(db, cid, "x_reply", "h1", ack, in_reply_to=tweet),
        "x_dm": add_job(db, cid, "x_dm", "1861000000000000999", ack),
        "x_mention": add_job(db, cid, "x_mention", "lkopolice", "New complaint " + docket,
                             kind="unit_alert"),
        "webhook": add_job(db, cid, "webhook", sinks.base + "/hook/lko", "New complaint " + docket,
                           kind="unit_alert"),
        "email": add_job(db, cid, "email", "sho.hazratganj@up.example",
                         "नई शिकायत " + docket, kind="unit_alert", language="hi"),
        "sms": add_job(db, cid, "sms", "+919450000001", "New complaint " + docket,
                       kind="unit_alert"),
        "api_status": add_job(db, cid, "api_status", "web", ack),
    }
    svc = start_notifier(services, db, fake_x, sinks)
    wait_states(db, {"sent"})

    sent = fake_x.sent()
    tweets = [s for s in sent if s["kind"] == "tweet"]
    assert len(tweets) == 2
    reply = [t for t in tweets if t["in_reply_to_tweet_id"]][0]
    assert reply["in_reply_to_tweet_id"] == tweet and reply["text"] == ack
    mention = [t for t in tweets if not t["in_reply_to_tweet_id"]][0]
    assert mention["text"] == "@lkopolice New complaint " + docket
    dms = [s for s in sent if s["kind"] == "dm"]
    assert [(d["participant_id"], d["text"]) for d in dms] == [("1861000000000000999", ack)]
    #  Every X call was signed with OAuth 1.0a and verified by the fake
    x_calls = [r for r in fake_x.control("requests")["requests"] if r["method"] == "POST"]
    assert x_calls and all(r["headers"]["Authorization"].startswith("OAuth ") for r in x_calls)
    assert all(r["status"] == 201 for r in x_calls)

    got = sinks.received()
    hooks = [h for h in got["http"] if h["path"] == "/hook/lko"]
    assert len(hooks) == 1 and hooks[0]["status"] == 200   # the sink checked the signature
    body = json.loads(hooks[0]["body"])
    assert body["docket"] == docket and body["kind"] == "unit_alert"
    assert hooks[0]["headers"]["X-Sunwai-Idempotency-Key"] == body["idempotency_key"]
    sms = [h for h in got["http"] if h["path"] == "/sms"]
    assert len(sms) == 1 and sms[0]["status"] == 200
    assert json.loads(sms[0]["body"])["to"] == "+919450000001"
    assert len(got["mail"]) == 1
    mail = email.message_from_string(got["mail"][0]["data"])
    assert got["mail"][0]["to"] == ["sho.hazratganj@up.example"]
    assert mail["Subject"] == "Sunwai %s: unit_alert" % docket
    assert mail.get_payload(decode=True).decode("utf-8") == "नई शिकायत " + docket
    assert mail["Message-ID"].startswith("<unit_alert.")

    rows = db.query("SELECT id, channel, external_id, attempts, failures, sent_at IS NOT NULL"
                    " FROM outbox ORDER BY id")
    for _id, channel, external, attempts, failures, sent_at in rows:
        assert attempts == 1 and failures == 0 and sent_at
        if channel.startswith("x_"):
            assert external and external.isdigit()
    assert [r[2] for r in rows if r[1] == "x_reply"] == [reply["id"]]
    finished = db.query("SELECT count(*) FROM delivery_attempts WHERE outcome = 'sent'"
                        " AND finished_at IS NOT NULL")
    assert finished == [(len(ids),)]
    events = db.query("SELECT payload->>'channel' FROM events WHERE event_type = 'notified'"
                      " ORDER BY seq")
    assert sorted(e[0] for e in events) == sorted(ids)
    tr.check_chain(db)
    assert svc.metric("sunwai_notifier_sent_total", channel="x_post") == 2
    svc.stop()


def test_public_reply_masks_personal_data_and_fits(services, db, fake_x):
    cid, docket = tr.ingest(db)
    tweet = source_id(db, cid)
    note = ("सूचना पर थाना हजरतगंज की टीम मौके पर पहुँची, शिकायतकर्ता से 9876543210 पर बात की गई, "
            "आधार 2341 2341 2346 सत्यापित। " * 6)
    body = "शिकायत %s पर कार्यवाही: %s। स्थिति: https://up.example/s/%s" % (docket, note, docket)
    assert weighted_length(body) > 280
    add_job(db, cid, "x_reply", "h1", body, kind="resolution", in_reply_to=tweet,
            language="hi")
    dm_body = "Officer will call you on 9876543210"
    add_job(db, cid, "x_dm", "1861000000000000999", dm_body)
    svc = start_notifier(services, db, fake_x)
    wait_states(db, {"sent"})
    reply = replies(fake_x)[0]["text"]
    assert weighted_length(reply) <= 280
    assert "9876543210" not in reply and "2341" not in reply
    assert reply.startswith("शिकायत %s पर कार्यवाही" % docket)
    assert reply.endswith("https://up.example/s/%s" % docket)
    assert "…" in reply
    #  A DM is private to the citizen: sent as written
    assert [d["text"] for d in fake_x.sent() if d["kind"] == "dm"] == [dm_body]
    svc.stop()


def test_429_pauses_the_channel_until_reset(services, db, fake_x, sinks):
    jobs = []
    for _ in range(3):
        cid, docket = tr.ingest(db)
        jobs.append(add_job(db, cid, "x_reply", "h", "Complaint %s registered" % docket,
                            in_reply_to=source_id(db, cid)))
    fake_x.control("fail", {"path": "/2/tweets", "method": "POST", "status": 429, "count": 1,
                            "reset_in": 3})
    cid, docket = tr.ingest(db)
    add_job(db, cid, "webhook", sinks.base + "/hook/x", "alert " + docket, kind="unit_alert")
    #  One sender, so that no request is in flight when the 429 comes
    #  (test_sends_overlap_and_a_429_is_retried has four)
    svc = start_notifier(services, db, fake_x, sinks, **{"send.concurrency": "1"})
    wait_states(db, {"sent"}, timeout=30)
    posts = [r for r in fake_x.control("requests")["requests"]
             if r["method"] == "POST" and r["path"] == "/2/tweets"]
    limited = [r for r in posts if r["status"] == 429]
    assert len(limited) == 1
    reset = int(limited[0]["time"] + 3 + 0.999)
    later = [r for r in posts if r["seq"] > limited[0]["seq"]]
    assert len(later) == 3
    #  Nothing was posted while the channel was paused ...
    assert all(r["time"] >= reset - 0.05 for r in later), (reset, [r["time"] for r in later])
    #  ... but the webhook went out meanwhile
    hook = sinks.received()["http"][0]
    assert hook["time"] < reset
    assert len(replies(fake_x)) == 3
    #  A 429 is not a failure: nothing closer to a dead letter
    assert db.query("SELECT max(failures) FROM outbox") == [(0,)]
    assert svc.metric("sunwai_notifier_rate_limited_total", channel="x_post") == 1
    svc.stop()


def test_sends_overlap_and_a_429_is_retried(services, db, fake_x):
    """send.concurrency requests in flight at once: each job still sent once,
    and the ones in flight when a 429 comes are retried, not failed."""
    jobs = []
    for _ in range(8):
        cid, docket = tr.ingest(db)
        jobs.append(add_job(db, cid, "x_reply", "h", "Complaint %s registered" % docket,
                            in_reply_to=source_id(db, cid)))
    fake_x.control("config", {"create_delay_s": 0.3})
    fake_x.control("fail", {"path": "/2/tweets", "method": "POST", "status": 429, "count": 1,
                            "reset_in": 1})
    svc = start_notifier(services, db, fake_x, **{"send.concurrency": "4"})
    wait_states(db, {"sent"}, timeout=30)
    posts = sorted((r for r in fake_x.control("requests")["requests"]
                    if r["method"] == "POST" and r["path"] == "/2/tweets"),
                   key=lambda r: r["time"])
    answered = [r for r in posts if r["status"] != 429]
    #  A post arrived while an earlier one was still being answered (each
    #  takes 0.3 s); one sender would space them 0.3 s apart
    assert any(b["time"] - a["time"] < 0.2 for a, b in zip(answered, answered[1:])), \
        [r["time"] for r in answered]
    assert len(replies(fake_x)) == 8
    assert db.query("SELECT count(*), max(failures) FROM outbox WHERE state = 'sent'") == [(8, 0)]
    assert db.query("SELECT count(*) FROM delivery_attempts WHERE outcome = 'sent'") == [(8,)]
    assert svc.metric("sunwai_notifier_rate_limited_total", channel="x_post") == 1
    assert svc.metric("sunwai_notifier_send_seconds_count") >= 8
    svc.stop()


def test_5xx_recovers_after_retries(services, db, fake_x):
    cid, docket = tr.ingest(db)
    job = add_job(db, cid, "x_reply", "h", "Complaint %s registered" % docket,
                  in_reply_to=source_id(db, cid))
    fake_x.control("fail", {"path": "/2/tweets", "method": "POST", "status": 503, "count": 2})
    svc = start_notifier(services, db, fake_x)
    wait_states(db, {"sent"})
    assert len(replies(fake_x)) == 1
    assert db.query("SELECT attempts, failures FROM outbox WHERE id = %s", (job,)) == [(3, 2)]
    assert db.query("SELECT outcome, http_status FROM delivery_attempts WHERE outbox_id = %s"
                    " ORDER BY attempt", (job,)) == [("retry", 503), ("retry", 503),
                                                     ("sent", 201)]
    assert svc.metric("sunwai_notifier_retries_total", channel="x_post") == 2
    svc.stop()


def test_403_is_a_dead_letter_at_once_and_can_be_retried(services, db, fake_x):
    cid, docket = tr.ingest(db)
    job = add_job(db, cid, "x_reply", "h", "Complaint %s registered" % docket,
                  in_reply_to=source_id(db, cid))
    fake_x.control("fail", {"path": "/2/tweets", "method": "POST", "status": 403, "count": 1})
    svc = start_notifier(services, db, fake_x)
    wait_states(db, {"dead"})
    time.sleep(0.5)   # several polls: a dead job is not tried again
    posts = [r for r in fake_x.control("requests")["requests"] if r["method"] == "POST"]
    assert len(posts) == 1 and posts[0]["status"] == 403
    assert db.query("SELECT attempts, last_error LIKE 'HTTP 403%%' FROM outbox") == [(1, True)]
    dead = db.query("SELECT id, stage, outbox_id, state FROM dead_letters")
    assert len(dead) == 1 and dead[0][1:] == ("notifier", job, "parked")
    failed = db.query("SELECT docket, payload->>'channel' FROM events"
                      " WHERE event_type = 'notify_failed'")
    assert failed == [(docket, "x_reply")]

    ctl = ["--set", "db.url=" + db.url]
    out = e2e.run("sunwaictl", *ctl, "deadletters", "list", "--json")
    assert out.returncode == 0, out.stderr
    listed = json.loads(out.stdout)["dead_letters"]
    assert [(d["id"], d["docket"], d["channel"]) for d in listed] == [(str(dead[0][0]), docket,
                                                                      "x_reply")]
    assert "HTTP 403" in listed[0]["reason"]
    human = e2e.run("sunwaictl", *ctl, "deadletters", "list")
    assert docket in human.stdout and "1 dead letter" in human.stdout

    bad = e2e.run("sunwaictl", *ctl, "deadletters", "retry")
    assert bad.returncode == 2 and "--all" in bad.stderr
    out = e2e.run("sunwaictl", *ctl, "deadletters", "retry", str(dead[0][0]))
    assert out.returncode == 0 and "1 dead letter put back" in out.stdout, out.stderr
    wait_states(db, {"sent"})
    assert len(replies(fake_x)) == 1
    assert db.query("SELECT state FROM dead_letters") == [("retried",)]
    assert db.query("SELECT action, docket, result FROM audit_log") == [
        ("deadletter_retry", docket, "ok")]
    assert e2e.run("sunwaictl", *ctl, "deadletters", "list").stdout.strip().endswith(
        "0 dead letters")
    svc.stop()


def test_failures_end_in_a_dead_letter_after_max(services, db, fake_x, sinks):
    cid, docket = tr.ingest(db)
    sinks.control("fail", {"path": "/hook", "status": 502, "count": 100})
    add_job(db, cid, "webhook", sinks.base + "/hook/a", "alert " + docket, kind="unit_alert")
    svc = start_notifier(services, db, fake_x, sinks, **{"retry.max_failures": "3"})
    wait_states(db, {"dead"})
    assert len(sinks.received()["http"]) == 3
    assert db.query("SELECT attempts, failures FROM outbox") == [(3, 3)]
    assert db.query("SELECT outcome FROM delivery_attempts ORDER BY attempt") == [
        ("retry",), ("retry",), ("error",)]
    svc.stop()


def test_bad_webhook_signature_is_refused_not_retried(services, db, fake_x, sinks):
    cid, docket = tr.ingest(db)
    add_job(db, cid, "webhook", sinks.base + "/hook/a", "alert " + docket, kind="unit_alert")
    svc = start_notifier(services, db, fake_x, sinks, **{"webhook.secret": "wrong-secret"})
    wait_states(db, {"dead"})
    assert [h["status"] for h in sinks.received()["http"]] == [401]
    svc.stop()


def test_unconfigured_channels_wait_in_the_outbox(services, db, fake_x):
    cid, docket = tr.ingest(db)
    add_job(db, cid, "sms", "+919450000001", "alert " + docket, kind="unit_alert")
    add_job(db, cid, "x_reply", "h", "Complaint %s registered" % docket,
            in_reply_to=source_id(db, cid))
    svc = start_notifier(services, db, fake_x)   # no sms.url
    e2e.wait_for(lambda: "sent" in states(db).values(), what="the reply sent")
    time.sleep(0.5)
    assert sorted(states(db).values()) == ["pending", "sent"]
    assert db.query("SELECT attempts FROM outbox WHERE channel = 'sms'") == [(0,)]
    assert svc.metric("sunwai_notifier_channel_configured", channel="sms") == 0
    assert svc.logs("channel not configured: its jobs wait in the outbox")
    svc.stop()


def test_in_doubt_reply_is_found_not_resent(services, db, fake_x):
    """SIGKILL while the reply is on its way: X stores the post, the
    notifier never records it.  The restarted notifier finds it on X."""
    cid, docket = tr.ingest(db)
    job = add_job(db, cid, "x_reply", "h", "Complaint %s registered https://up.example/s/%s"
                  % (docket, docket), in_reply_to=source_id(db, cid))
    fake_x.control("config", {"create_delay_s": 1.5})
    svc = start_notifier(services, db, fake_x)
    e2e.wait_for(lambda: fake_x.requests("/2/tweets"), what="the reply under way")
    svc.proc.send_signal(signal.SIGKILL)
    svc.proc.wait(5)
    e2e.wait_for(lambda: len(replies(fake_x)) == 1, what="the fake to store the post")
    assert states(db) == {job: "sending"}
    fake_x.control("config", {"create_delay_s": 0})
    svc = start_notifier(services, db, fake_x)
    wait_states(db, {"sent"}, timeout=20)
    assert len(replies(fake_x)) == 1
    assert db.query("SELECT attempts, external_id FROM outbox") == [(2, replies(fake_x)[0]["id"])]
    #  The first attempt stays unfinished in the record: that is the doubt
    assert db.query("SELECT attempt, outcome FROM delivery_attempts ORDER BY attempt") == [
        (1, None), (2, "sent")]
    assert svc.metric("sunwai_notifier_in_doubt_found_total") == 1
    assert len(fake_x.requests("/2/users/%s/tweets" % POLICE_ID)) == 1
    svc.stop()


def test_in_doubt_dm_is_found_not_resent(services, db, fake_x):
    cid, docket = tr.ingest(db)
    add_job(db, cid, "x_dm", "1861000000000000999", "Complaint %s registered" % docket)
    fake_x.control("config", {"create_delay_s": 1.5})
    svc = start_notifier(services, db, fake_x)
    e2e.wait_for(lambda: fake_x.requests("/2/dm_conversations/"), what="the DM under way")
    svc.proc.send_signal(signal.SIGKILL)
    svc.proc.wait(5)
    e2e.wait_for(lambda: any(s["kind"] == "dm" for s in fake_x.sent()), what="the DM stored")
    fake_x.control("config", {"create_delay_s": 0})
    svc = start_notifier(services, db, fake_x)
    wait_states(db, {"sent"}, timeout=20)
    assert len([s for s in fake_x.sent() if s["kind"] == "dm"]) == 1
    assert svc.metric("sunwai_notifier_in_doubt_found_total") == 1
    svc.stop()


def test_sigkill_mid_batch_one_reply_per_complaint(services, db, fake_x):
    n = 150
    tweets = {}
    for _ in range(n):
        cid, docket = tr.ingest(db)
        tweet = source_id(db, cid)
        tweets[tweet] = docket
        add_job(db, cid, "x_reply", "h", "Your complaint %s has been registered. Status: "
                "https://up.example/s/%s" % (docket, docket), in_reply_to=tweet)
    fake_x.control("config", {"create_delay_s": 0.02})
    kills = 0
    deadline = time.time() + 90
    while time.time() < deadline:
        svc = start_notifier(services, db, fake_x, **{"outbox.batch": "16"})
        if kills >= 5:
            break
        time.sleep(0.4 + 0.1 * kills)
        svc.proc.send_signal(signal.SIGKILL)
        svc.proc.wait(5)
        kills += 1
    wait_states(db, {"sent"}, timeout=60)
    got = {}
    for r in replies(fake_x):
        got.setdefault(r["in_reply_to_tweet_id"], []).append(r["text"])
    assert sorted(got) == sorted(tweets)
    assert all(len(texts) == 1 for texts in got.values()), \
        {k: v for k, v in got.items() if len(v) > 1}
    for tweet, (text,) in got.items():
        assert tweets[tweet] in text
    assert kills == 5
    #  The kills did land mid-batch: attempts claimed and never recorded
    unfinished = db.query("SELECT count(*) FROM delivery_attempts WHERE finished_at IS NULL")
    assert unfinished[0][0] > 0
    assert db.query("SELECT count(*) FROM events WHERE event_type = 'notified'") == [(n,)]
    tr.check_chain(db)
    svc.stop()


def test_oauth2_user_token(services, db, short_tmp):
    fx = FakeX(args=["--user-token", "user-token-xyz", "--self-id", POLICE_ID])
    try:
        cid, docket = tr.ingest(db)
        add_job(db, cid, "x_reply", "h", "Complaint %s registered" % docket,
                in_reply_to=source_id(db, cid))
        svc = start_notifier(services, db, fx, **{"x.auth": "oauth2",
                                                  "x.user_token": "user-token-xyz"})
        wait_states(db, {"sent"})
        posts = [r for r in fx.control("requests")["requests"] if r["method"] == "POST"]
        assert [r["headers"]["Authorization"] for r in posts] == ["Bearer user-token-xyz"]
        svc.stop()
    finally:
        fx.close()


def test_wrong_oauth_credentials_dead_letter(services, db, fake_x):
    cid, docket = tr.ingest(db)
    add_job(db, cid, "x_reply", "h", "Complaint %s registered" % docket,
            in_reply_to=source_id(db, cid))
    svc = start_notifier(services, db, fake_x, **{"x.consumer_secret": "not-the-secret"})
    wait_states(db, {"dead"})
    assert replies(fake_x) == []
    assert db.query("SELECT last_error FROM outbox")[0][0].startswith("HTTP 401")
    svc.stop()


def test_lease_shorter_than_a_batch_is_refused(services, db, fake_x):
    out = e2e.run("notifier", "--set", "db.url=" + db.url, "--set", "outbox.lease_s=2",
                  "--set", "send.timeout_ms=5000", "--set", "http.port=0", timeout=20)
    assert out.returncode != 0
    assert "outbox.lease_s must exceed" in out.stderr
