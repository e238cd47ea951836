"""router -> notifier -> the fake X server: the replies a citizen actually
receives, rendered from deploy/up/state.yaml's Hindi and English templates
by router and delivered by notifier, pushed over the real PUSH/PULL link."""
import json

import pytest
import zmq

import sunwai_e2e as e2e
import test_router as tr
from fakes import FakeX
from test_notifier import OAUTH, POLICE_ID, replies, start_notifier, weighted_length


@pytest.fixture
def zctx():
    ctx = zmq.Context()
    yield ctx
    ctx.destroy(linger=0)


@pytest.fixture
def fake_x():
    fx = FakeX(args=["--oauth1", ":".join(OAUTH), "--self-id", POLICE_ID])
    yield fx
    fx.close()


def tweet_complaint(db, n, text, author_id):
    item = {"kind": "tweet", "channel": "x_webhook", "source": "x",
            "source_id": "186100000000%07d" % n, "author_id": author_id,
            "author_handle": "citizen%d" % n, "text": text, "created_at_ms": 0}
    row = db.query("SELECT complaint_id, docket FROM sunwai_ingest(%s::jsonb, 'up', 'UP', 0)",
                   (json.dumps([item]),))[0]
    return row[0], row[1], item["source_id"]


def test_hindi_and_english_replies_reach_the_citizen(services, db, fake_x, zctx):
    router = tr.start_router(services, db, **{"outbox.repush_after_s": "3600"})
    notifier = start_notifier(services, db, fake_x,
                              **{"in.endpoint": ">" + router.endpoints["notify.endpoint"][1:],
                                 "outbox.poll_ms": "60000"})
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(router.endpoints["in.endpoint"]))
    hi = tweet_complaint(db, 1, "मेरी बाइक चोरी हो गई हजरतगंज लखनऊ", "1861000000000000001")
    en = tweet_complaint(db, 2, "My phone was stolen in Hazratganj", "1861000000000000002")
    women = tweet_complaint(db, 3, "A man is stalking me near my college", "1861000000000000003")
    push.send_multipart(tr.complaint(hi[0], hi[1], tr.classification("vehicle_theft",
                                                                      language="hi")))
    push.send_multipart(tr.complaint(en[0], en[1], tr.classification("theft", language="en")))
    push.send_multipart(tr.complaint(women[0], women[1],
                                     tr.classification("crime_against_women", language="en")))
    #  The poll is a minute away: what arrives now came over the socket.
    e2e.wait_for(lambda: len(fake_x.sent()) >= 6, timeout=20, what="replies, DM and alerts")
    sent = fake_x.sent()
    by_reply = {s["in_reply_to_tweet_id"]: s["text"] for s in sent if s["kind"] == "tweet"
                and s["in_reply_to_tweet_id"]}
    assert by_reply[hi[2]] == ("आपकी शिकायत %s दर्ज कर ली गई है और आवश्यक कार्यवाही हेतु @lkopolice"
                               " को भेजी गई है। स्थिति: https://sunwai.example/status/%s"
                               % (hi[1], hi[1]))
    assert by_reply[en[2]] == ("Your complaint %s has been registered and sent to @lkopolice for"
                               " action. Status: https://sunwai.example/status/%s" % (en[1], en[1]))
    #  Crime against women: never a public reply, a DM instead
    assert women[2] not in by_reply
    dms = [s for s in sent if s["kind"] == "dm"]
    assert [d["participant_id"] for d in dms] == ["1861000000000000003"]
    assert women[1] in dms[0]["text"]
    #  Each unit alerted by a mention of its handle
    mentions = [s["text"] for s in sent if s["kind"] == "tweet" and not s["in_reply_to_tweet_id"]]
    assert len(mentions) == 3 and all(m.startswith("@") for m in mentions)
    assert all(weighted_length(s["text"]) <= 280 for s in sent if s["kind"] == "tweet")
    #  History of each complaint: received, classified, routed, then notified
    for cid, docket, _ in (hi, en, women):
        e2e.wait_for(lambda: db.query("SELECT count(*) FROM events WHERE complaint_id = %s"
                                      " AND event_type = 'notified'", (cid,))[0][0] == 2,
                     what="notified events")
        kinds = [r[0] for r in db.query("SELECT event_type FROM events WHERE complaint_id = %s"
                                        " ORDER BY seq", (cid,))]
        assert kinds == ["received", "classified", "routed", "notified", "notified"], kinds
    assert notifier.metric("sunwai_notifier_jobs_received_total") == 6
    tr.check_chain(db)
    push.close(linger=0)
    notifier.stop()
    router.stop()
