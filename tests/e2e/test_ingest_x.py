"""sunwai-ingest's X API clients end to end: the real ingest binary against
the local fake X server (tests/support/fake_x.py), which speaks X's v2
wire format and serves the project's fixtures and, when present, the
recorded samples in ../shared/data/twitter-samples."""
import json
import os
import time

import pytest

import sunwai_e2e as e2e
from fakes import FakeX
from ingest_helpers import POLICE_ID, make_token, request

FIXTURES = os.path.join(e2e.SOURCE_DIR, "tests", "fixtures", "x")
SHARED = os.environ.get("SUNWAI_SHARED_DATA") or os.path.join(e2e.SOURCE_DIR, "..", "shared", "data")
SAMPLES = os.path.join(SHARED, "twitter-samples")
BEARER = "test-bearer-token"


@pytest.fixture
def fake_x():
    fx = FakeX(FIXTURES, args=["--bearer", BEARER])
    yield fx
    fx.close()


def v2_line(id_, text, author="1861000000000000555", username="kanpur_citizen"):
    return {"data": {"id": id_, "text": text, "author_id": author, "conversation_id": id_,
                     "created_at": "2026-11-29T10:15:00.000Z", "lang": "hi"},
            "includes": {"users": [{"id": author, "username": username, "name": "K"}]},
            "matching_rules": [{"id": "1", "tag": "mentions of the police"}]}


def start_ingest(services, db, fx, **extra):
    values = {"x.api_base": fx.base, "x.bearer_token": BEARER, "x.user_id": POLICE_ID,
              "x.backoff_max_s": "1", "x.backfill_query": "@Uppolice", "x.timeout_s": "5",
              "followup.window_s": "0"}
    values.update(extra)
    svc = services("ingest", db=db, set=values)
    svc.wait_ready()
    return svc


def rows(db, channel):
    return db.query("SELECT source_id, text FROM complaints WHERE channel = %s ORDER BY source_id",
                    (channel,))


def test_filtered_stream_reconnects_and_backfills(services, db, fake_x):
    svc = start_ingest(services, db, fake_x, **{"x.stream": "true"})
    e2e.wait_for(lambda: fake_x.control("status")["stream_connections"] >= 1, timeout=15,
                 what="stream connected")
    fake_x.control("stream", {"lines": [
        v2_line("1861234567890400001", "@Uppolice chain snatching near Kakadeo, Kanpur"),
        "this is not json",
        v2_line("1861234567890400003", "@Uppolice dabangai ho rahi hai mohalle me")]})
    e2e.wait_for(lambda: len(rows(db, "x_stream")) == 2, timeout=15, what="stream stored")
    assert svc.metric("sunwai_x_stream_bad_lines_total") == 1
    # the connection drops; a tweet posted during the gap is only in search
    fake_x.control("disconnect", {})
    fake_x.control("tweets", v2_line("1861234567890400005", "@Uppolice gap tweet: bike chori Gomti Nagar"))
    e2e.wait_for(lambda: "1861234567890400005" in {r[0] for r in rows(db, "x_stream")},
                 timeout=20, what="backfill stored")
    searches = fake_x.requests("/2/tweets/search/recent")
    assert any(r["query"].get("since_id") in ("1861234567890400003", ["1861234567890400003"]) for r in searches), searches
    # every request carried the bearer token, never logged
    assert all(r["headers"].get("Authorization") == "Bearer " + BEARER
               for r in fake_x.requests("/2/"))
    assert BEARER not in svc.raw_log()
    # the cursor is the newest id stored (compared as numbers, not text)
    newest = max(int(r[0]) for r in rows(db, "x_stream"))
    assert db.query("SELECT last_id FROM channel_cursors WHERE name = 'x_stream'") == [
        (str(newest),)]
    svc.stop()


def test_mentions_polling_with_rate_limits(services, db, fake_x):
    fake_x.control("config", {"page_size": 2})
    fake_x.control("fail", {"path": "/2/users/%s/mentions" % POLICE_ID, "status": 429,
                            "count": 1, "reset_in": 1})
    svc = start_ingest(services, db, fake_x, **{"x.mentions": "true", "x.poll_interval_s": "1"})
    mentions = json.load(open(os.path.join(FIXTURES, "v2_mentions_page.json")))
    expected = {t["id"] for t in mentions["data"]        # a retweet is not a complaint
                if not any(r["type"] == "retweeted" for r in t.get("referenced_tweets", []))}
    e2e.wait_for(lambda: {r[0] for r in rows(db, "x_mentions")} >= expected, timeout=30,
                 what="mentions stored")
    reqs = fake_x.requests("/2/users/%s/mentions" % POLICE_ID)
    assert reqs[0]["status"] == 429 and reqs[0]["injected"]
    assert any("pagination_token" in r["query"] for r in reqs), "never paginated"
    # later polls ask only for what is new
    e2e.wait_for(lambda: any("since_id" in r["query"] for r in
                             fake_x.requests("/2/users/%s/mentions" % POLICE_ID)),
                 timeout=15, what="since_id poll")
    assert svc.metric("sunwai_x_rate_limited_total", endpoint="mentions") >= 1
    n = len(rows(db, "x_mentions"))
    time.sleep(2.5)
    assert len(rows(db, "x_mentions")) == n          # polling again stores nothing twice
    svc.stop()


def test_capture_by_url(services, db, fake_x):
    svc = start_ingest(services, db, fake_x)
    officer = make_token(db, "district", district="162")
    lookup = json.load(open(os.path.join(FIXTURES, "v2_lookup_single.json")))
    tweet_id = lookup["data"]["id"]
    url = "https://x.com/someone/status/%s?s=20" % tweet_id
    status, reply, _ = request(svc.http_port, "POST", "/v1/capture", {"url": url},
                               headers={"Authorization": "Bearer " + officer})
    assert status == 201, reply
    assert db.query("SELECT source_id, channel FROM complaints") == [(tweet_id, "capture")]
    # again: the same docket
    status, again, _ = request(svc.http_port, "POST", "/v1/capture", {"tweet_id": tweet_id},
                               headers={"Authorization": "Bearer " + officer})
    assert status == 200 and again["docket"] == reply["docket"]
    # an unknown tweet, a bad URL, no token
    status, r, _ = request(svc.http_port, "POST", "/v1/capture", {"tweet_id": "1"},
                           headers={"Authorization": "Bearer " + officer})
    assert status == 422 and "Not Found" in r["message"], r
    assert request(svc.http_port, "POST", "/v1/capture", {"url": "https://example.com/x"},
                   headers={"Authorization": "Bearer " + officer})[0] == 400
    before = len(fake_x.requests("/2/tweets/"))
    assert request(svc.http_port, "POST", "/v1/capture", {"tweet_id": tweet_id},
                   headers={"Authorization": "Bearer wrong"})[0] == 401
    assert len(fake_x.requests("/2/tweets/")) == before     # no X call for a bad token
    svc.stop()


def test_capture_real_samples(services, db):
    path = os.path.join(SAMPLES, "v2_tweet_lookup_single.json")
    if not os.path.exists(path):
        pytest.skip("skipped: ../shared/data/twitter-samples is not present")
    fx = FakeX(SAMPLES, args=["--bearer", BEARER])
    try:
        svc = start_ingest(services, db, fx)
        officer = make_token(db, "officer")
        sample = json.load(open(path))
        status, reply, _ = request(svc.http_port, "POST", "/v1/capture",
                                   {"tweet_id": sample["data"]["id"]},
                                   headers={"Authorization": "Bearer " + officer})
        assert status == 201, reply
        assert db.query("SELECT text FROM complaints") == [(sample["data"]["text"],)]
        svc.stop()
    finally:
        fx.close()
