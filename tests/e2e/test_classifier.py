"""sunwai-classifier end to end: the --stdin mode, workers between a real
ingest and a real router, what a classification carries over the wire,
no loss when a worker dies, and real text nobody here wrote."""
import csv
import json
import os
import signal
import subprocess

import pytest
import zmq

import sunwai_e2e as e2e
from ingest_helpers import make_token, post_complaint

SHARED = os.environ.get("SUNWAI_SHARED_DATA") or os.path.join(e2e.SOURCE_DIR, "..", "shared", "data")
DISASTER = os.path.join(SHARED, "disaster-response-messages")


def classify(lines, *args):
    data = b"".join((l if isinstance(l, bytes) else l.encode() if isinstance(l, str)
                     else json.dumps(l, ensure_ascii=False).encode()) + b"\n" for l in lines)
    r = subprocess.run([e2e.binary("classifier"), "--stdin"] + list(args), input=data,
                       capture_output=True, env=e2e.clean_env(), timeout=120)
    assert r.returncode == 0, r.stderr
    e2e.parse_log(r.stderr.decode(), "sunwai-classifier")
    return [json.loads(l) for l in r.stdout.decode().splitlines()]


def test_stdin_mode():
    out = classify([
        {"text": "@Uppolice मेरी बाइक चोरी हो गई है, हजरतगंज लखनऊ, कृपया मदद करें। मेरा नंबर 9876543210 है",
         "id": "a"},
        {"text": "meri scooty chori ho gayi Aminabad ke paas, gaadi no UP32AB1234"},
        {"text": "Someone is beating my neighbour right now with rods, please send police fast, Indirapuram Ghaziabad"},
        {"text": "My cousin's shop in Karol Bagh, Delhi was broken into last night"},
        "this is not json",
        {"text": 42},
        {"text": "🙏🙏🙏"},
        b'{"text": "bad bytes \xff\xfe here"}',
    ])
    assert len(out) == 8
    a, b, c, d, bad, wrong, emoji, invalid = out
    assert "error" in invalid           # JSON must be UTF-8; the line is refused, the rest go on
    assert a["id"] == "a"
    assert a["category"] == "vehicle_theft" and a["priority"] == "P2"
    assert (a["district"], a["district_code"], a["police_station"]) == ("LUCKNOW", "162", "Hazratganj")
    assert a["language"] == "hi" and a["location_source"] == "text"
    text = "@Uppolice मेरी बाइक चोरी हो गई है, हजरतगंज लखनऊ, कृपया मदद करें। मेरा नंबर 9876543210 है".encode()
    assert [(p["kind"], text[p["start"]:p["end"]]) for p in a["pii"]] == [("phone", b"9876543210")]
    assert len(a["alternatives"]) == 3 and a["model_version"]
    assert b["language"] == "hi-Latn" and b["district"] == "LUCKNOW"
    assert [p["kind"] for p in b["pii"]] == ["vehicle"]
    assert c["category"] == "emergency" and c["priority"] == "P1" and c["district"] == "GHAZIABAD"
    assert d["district"] is None and d["outside_place"] == "Delhi" and d["outside_police"] == "@DelhiPolice"
    assert "error" in bad and "line 5" in bad["error"]
    assert "error" in wrong
    assert emoji["language"] == "und" and "category" in emoji


def test_stdin_refuses_missing_or_corrupt_model(tmp_path):
    r = subprocess.run([e2e.binary("classifier"), "--stdin", "--model", str(tmp_path / "none.model")],
                       input="", capture_output=True, text=True, env=e2e.clean_env())
    assert r.returncode != 0
    assert "could not load the classifier" in r.stderr
    model = os.path.join(e2e.BIN_DIR, "..", "share", "sunwai", "models", "default.model")
    truncated = tmp_path / "truncated.model"
    truncated.write_bytes(open(model, "rb").read()[:100000])
    r = subprocess.run([e2e.binary("classifier"), "--stdin", "--model", str(truncated)],
                       input="", capture_output=True, text=True, env=e2e.clean_env())
    assert r.returncode != 0 and "truncated" in r.stderr, r.stderr


def _pipeline(services, db, short_tmp, workers, sink=False, **ingest_settings):
    """ingest -> N classifiers -> router (or a test PULL when sink)."""
    ingest_out = short_tmp.ipc("@", "ingest")
    router_in = short_tmp.ipc("@", "router")
    settings = {"out.endpoint": ingest_out}
    settings.update(ingest_settings)
    ingest = services("ingest", db=db, set=settings)
    ingest.wait_ready()
    cls = [services("classifier", set={"in.endpoint": ">" + ingest_out[1:],
                                       "out.endpoint": ">" + router_in[1:]})
           for _ in range(workers)]
    for w in cls:
        w.wait_ready()
    router = None
    if not sink:
        router = services("router", db=db, set={"in.endpoint": router_in})
        router.wait_ready()
    return ingest, cls, router, router_in


def test_workers_between_ingest_and_router(services, db, short_tmp):
    ingest, workers, router, _ = _pipeline(services, db, short_tmp, 3)
    token = make_token(db, "api")
    texts = ["Mobile chori ho gaya metro station par", "Pados me DJ raat 2 baje tak baj raha hai",
             "Mere pati roz maarte hain, madad chahiye", "UPI se 20000 rupaye kat gaye, fraud hua"]
    for i in range(60):
        status, _, _ = post_complaint(ingest.http_port, token, {
            "channel": "web", "source_id": "w-%d" % i, "text": texts[i % 4] + " #%d" % i})
        assert status == 201
    router.wait_metric("sunwai_router_received_total", lambda v: v >= 60, timeout=20)
    counts = [w.metric("sunwai_classifier_received_total") for w in workers]
    assert sum(counts) == 60 and all(c > 0 for c in counts), counts
    for w in workers + [router, ingest]:
        assert w.stop()[0] == 0


def _classification(frames):
    assert frames[0] == b"sunwai.v1.Complaint"
    c = e2e.pb_decode(frames[1])
    return c, e2e.pb_decode(c[20][0])


def test_classification_on_the_wire(services, db, short_tmp):
    ingest, workers, _, router_in = _pipeline(services, db, short_tmp, 1, sink=True)
    ctx = zmq.Context()
    try:
        pull = ctx.socket(zmq.PULL)
        pull.bind(router_in[1:])
        token = make_token(db, "api")
        status, reply, _ = post_complaint(ingest.http_port, token, {
            "channel": "whatsapp", "source_id": "wa-9",
            "text": "मेरी बाइक चोरी हो गई है हजरतगंज लखनऊ, संपर्क 9876543210",
            "geo": {"place_name": "Hazratganj, Lucknow"}})
        assert status == 201
        assert pull.poll(10000)
        c, cls = _classification(pull.recv_multipart())
        assert c[2] == [reply["docket"].encode()]                 # ingest's part kept
        assert cls[1] == [b"vehicle_theft"]                       # category
        assert 0 < cls[2][0] <= 1                                 # confidence
        assert len(cls[3]) == 3                                   # alternatives
        assert cls[4] == [2]                                      # PRIORITY_P2
        assert cls[5] == [b"hi"]                                  # language
        assert cls[6] == [b"162"] and cls[7] == [b"LUCKNOW"]      # district
        assert cls[9] == [b"place"]                               # found from the place
        pii = e2e.pb_decode(cls[11][0])
        assert pii[1] == [b"phone"]
        assert cls[13][0].startswith(b"sunwai-cls-")              # model version
        assert workers[0].metric("sunwai_classifier_model_info",
                                 model_version=cls[13][0].decode()) == 1
    finally:
        ctx.destroy(linger=0)


def test_no_complaint_lost_when_a_worker_dies(services, db, short_tmp):
    ingest, workers, _, router_in = _pipeline(services, db, short_tmp, 2, sink=True,
                                              **{"redrive.after_s": "2"})
    ctx = zmq.Context()
    try:
        pull = ctx.socket(zmq.PULL)
        pull.bind(router_in[1:])
        token = make_token(db, "api")
        dockets = set()
        for i in range(40):
            #  Frozen first, so that complaints pile up in its queue (ingest's
            #  PUSH keeps dealing it its share); killed then, they die with
            #  it, and only the re-driver can bring them back.
            if i == 10:
                workers[0].proc.send_signal(signal.SIGSTOP)
            if i == 20:
                workers[0].proc.send_signal(signal.SIGKILL)
            status, reply, _ = post_complaint(ingest.http_port, token, {
                "channel": "web", "source_id": "k-%d" % i, "text": "Purse chheen liya #%d" % i})
            assert status == 201
            dockets.add(reply["docket"].encode())
        seen = set()

        def all_seen():
            while pull.poll(100):
                c, _ = _classification(pull.recv_multipart())
                seen.add(c[2][0])
            return seen >= dockets
        e2e.wait_for(all_seen, timeout=30, what="every complaint classified")
        assert ingest.metric("sunwai_ingest_redriven_total") >= 1
    finally:
        ctx.destroy(linger=0)


def test_real_disaster_messages():
    """Real messages nobody here wrote: every one classifies without error;
    which of the romanised Urdu originals does the detector call hi-Latn?"""
    files = [os.path.join(DISASTER, f) for f in ("disaster_response_test.csv",
                                                 "disaster_response_validation.csv")]
    if not all(os.path.exists(f) for f in files):
        pytest.skip("skipped: ../shared/data/disaster-response-messages is not present")
    lines, pakistan = [], []
    for f in files:
        for row in csv.DictReader(open(f, encoding="utf-8")):
            lines.append({"text": row["message"], "id": "m" + row["id"]})
            if row["original"]:
                lines.append({"text": row["original"], "id": "o" + row["id"]})
                if row["event"] == "pakistan_floods":
                    pakistan.append("o" + row["id"])
    out = classify(lines)
    assert len(out) == len(lines)
    assert not [o for o in out if "error" in o]
    by_id = {o["id"]: o for o in out}
    urdu = [i for i in pakistan if by_id[i]["language"] == "hi-Latn"]
    report = "%d messages classified; %d of %d Pakistan-floods originals detected as hi-Latn" % (
        len(out), len(urdu), len(pakistan))
    print(report)
    os.makedirs(e2e.out_dir(), exist_ok=True)
    with open(os.path.join(e2e.out_dir(), "disaster-languages.txt"), "w") as f:
        f.write(report + "\n")
        for i in pakistan:
            f.write("%s\t%s\n" % (by_id[i]["language"], next(l["text"] for l in lines if l["id"] == i)))
    assert len(urdu) >= len(pakistan) // 2, report
