"""Proof under fire: the whole local stack -- ingest over HTTP (the signed X
webhook), two classifier workers, router, notifier posting to the fake X
server, analytics with a live sunwai-subscribe -- takes N complaints while
a random Sunwai process is killed with SIGKILL every few seconds and
restarted, and PostgreSQL is restarted once (fast mode) mid-run.  At the
end: every complaint is in PostgreSQL exactly once and reached its final
state; the fake X server holds exactly one reply per answered complaint and
none for the others; the subscriber printed every event in seq order, none
twice; the hash chain verifies.

CHAOS_N sets N (2,000 in make test; `make chaos N=100000` for the long run).
The figures of each run go to $SUNWAI_TEST_OUT/chaos-figures.json."""
import base64
import collections
import hashlib
import hmac
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

import psycopg2  # noqa: E402
import pytest  # noqa: E402

import sunwai_e2e as e2e  # noqa: E402
from fakes import FakeX  # noqa: E402

N = int(os.environ.get("CHAOS_N", "2000"))
BATCH = 20                       # tweets per webhook delivery
KILL_EVERY_S = float(os.environ.get("CHAOS_KILL_EVERY_S", "2"))
CONSUMER_SECRET = "chaos-consumer-secret"
POLICE_ID = "1580000000000000001"
OAUTH = ["chaos-ck", "chaos-cs", POLICE_ID + "-chaos-at", "chaos-ts"]
PGCLUSTER = os.path.join(e2e.SOURCE_DIR, "tests", "support", "pgcluster")

#  Complaints a UP deployment routes (theft, vehicle theft, nuisance,
#  assault, cyber fraud, ...), in the three ways citizens write, across
#  districts; a serial number makes each text distinct.
TEMPLATES = [
    "@Uppolice मेरी बाइक चोरी हो गई है, {hi} में घर के बाहर से, कृपया मदद करें (क्रम {n})",
    "@Uppolice meri scooty chori ho gayi {ro} market se, FIR nahi likh rahe, ref {n}",
    "@Uppolice My phone was snatched near the railway station in {en}, please help. Ref {n}",
    "@Uppolice loud DJ every night past midnight in {en}, senior citizens cannot sleep, ref {n}",
    "@Uppolice {ro} me padosi ne mere bhai ko lathi se mara, police nahi aayi, ref {n}",
    "@Uppolice someone took Rs 20000 from my account after an OTP call, I live in {en}. Ref {n}",
]
PLACES = [("लखनऊ", "Lucknow", "Lucknow"), ("कानपुर", "Kanpur", "Kanpur"),
          ("वाराणसी", "Varanasi", "Varanasi"), ("आगरा", "Agra", "Agra"),
          ("मेरठ", "Meerut", "Meerut"), ("प्रयागराज", "Prayagraj", "Prayagraj"),
          ("गोरखपुर", "Gorakhpur", "Gorakhpur"), ("बरेली", "Bareilly", "Bareilly")]


def tweet(i):
    hi, ro, en = PLACES[i % len(PLACES)]
    text = TEMPLATES[i % len(TEMPLATES)].format(hi=hi, ro=ro, en=en, n=i)
    tid = str(1862000000000000001 + 2 * i)
    uid = str(1861400000000000001 + 2 * i)
    return {"created_at": "Sun Nov 29 10:15:00 +0000 2026", "id": int(tid), "id_str": tid,
            "text": text, "truncated": False,
            "user": {"id": int(uid), "id_str": uid, "name": "Citizen %d" % i,
                     "screen_name": "citizen%d" % i},
            "entities": {"hashtags": [], "urls": [], "user_mentions": []}}


class Stack:
    """The processes, each restartable with the same settings."""

    def __init__(self, tmp, db_url, fake_x):
        self.tmp = tmp
        ipc = lambda name: "ipc://%s/%s" % (tmp, name)  # noqa: E731
        self.ports = {name: e2e.free_tcp_port()
                      for name in ("ingest", "c1", "c2", "router", "notifier", "analytics")}
        self.stream = "tcp://127.0.0.1:%d" % e2e.free_tcp_port()
        self.replay = "tcp://127.0.0.1:%d" % e2e.free_tcp_port()
        common = {"http.bind": "127.0.0.1"}
        state = os.path.join(e2e.SOURCE_DIR, "deploy", "up", "state.yaml")
        self.config = {
            "ingest": ("ingest", dict(common, **{
                "db.url": db_url, "out.endpoint": "@" + ipc("ingest"),
                "x.consumer_secret": CONSUMER_SECRET, "x.user_id": POLICE_ID,
                "redrive.after_s": "3", "followup.window_s": "0",
                "state.file": state})),
            "c1": ("classifier", dict(common, **{
                "in.endpoint": ">" + ipc("ingest"), "out.endpoint": ">" + ipc("router")})),
            "c2": ("classifier", dict(common, **{
                "in.endpoint": ">" + ipc("ingest"), "out.endpoint": ">" + ipc("router")})),
            "router": ("router", dict(common, **{
                "db.url": db_url, "in.endpoint": "@" + ipc("router"),
                "commands.endpoint": "@" + ipc("commands"), "notify.endpoint": "@" + ipc("notify"),
                "state.file": state, "outbox.repush_after_s": "3", "sla.interval_ms": "1000"})),
            "notifier": ("notifier", dict(common, **{
                "db.url": db_url, "in.endpoint": ">" + ipc("notify"),
                "x.api_base": fake_x.base, "x.consumer_key": OAUTH[0],
                "x.consumer_secret": OAUTH[1], "x.access_token": OAUTH[2],
                "x.access_token_secret": OAUTH[3], "rate.x_post_per_s": "0",
                "rate.x_dm_per_s": "0", "outbox.poll_ms": "200", "outbox.lease_s": "4",
                "outbox.budget_ms": "1000", "send.timeout_ms": "2000",
                "retry.base_ms": "200", "retry.max_s": "2", "retry.max_failures": "1000"})),
            "analytics": ("analytics", dict(common, **{
                "db.url": db_url, "stream.endpoint": "@" + self.stream,
                "replay.endpoint": "@" + self.replay, "tail.poll_ms": "200"})),
        }
        self.procs = {}
        self.kills = collections.Counter()

    def start(self, name):
        program, values = self.config[name]
        values = dict(values, **{"http.port": str(self.ports[name])})
        args = []
        for key, value in values.items():
            args += ["--set", "%s=%s" % (key, value)]
        svc = e2e.Service(program, args, label="chaos.%s" % name)
        svc.start(timeout=30)
        self.procs[name] = svc
        return svc

    def kill(self, name):
        svc = self.procs[name]
        svc.proc.send_signal(signal.SIGKILL)
        svc.proc.wait(10)
        self.kills[name] += 1

    def stop_all(self):
        for svc in self.procs.values():
            svc.kill()


def post_webhook(port, tweets):
    raw = json.dumps({"for_user_id": POLICE_ID, "tweet_create_events": tweets},
                     ensure_ascii=False).encode()
    mac = base64.b64encode(hmac.new(CONSUMER_SECRET.encode(), raw, hashlib.sha256).digest())
    req = urllib.request.Request("http://127.0.0.1:%d/webhooks/x" % port, data=raw, method="POST")
    req.add_header("Content-Type", "application/json")
    req.add_header("X-Twitter-Webhooks-Signature", "sha256=" + mac.decode())
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return None


def query(url, sql, params=None):
    conn = psycopg2.connect(url)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else None
    finally:
        conn.close()


@pytest.fixture
def short_tmp():
    tmp = e2e.ShortTmp()
    yield tmp
    tmp.cleanup()


def test_nothing_lost_nothing_twice(short_tmp):
    pgdir = os.path.join(short_tmp.path, "pg")
    subprocess.run([PGCLUSTER, "start", pgdir], check=True, stdout=subprocess.DEVNULL)
    port = int(open(os.path.join(pgdir, "port")).read().strip())
    admin = e2e.conninfo("postgres", port)
    query(admin, "CREATE DATABASE chaos")
    db_url = e2e.conninfo("chaos", port)
    fake_x = FakeX(args=["--oauth1", ":".join(OAUTH), "--self-id", POLICE_ID])
    stack = Stack(short_tmp.path, db_url, fake_x)
    sub_out = os.path.join(e2e.out_dir(), "chaos-subscriber.jsonl")
    subscriber = None
    figures = {"n": N}
    t0 = time.monotonic()
    try:
        for name in ("ingest", "router", "c1", "c2", "notifier", "analytics"):
            stack.start(name)
        subscriber = subprocess.Popen(
            [e2e.binary("sunwai-subscribe"), "--stream", ">" + stack.stream,
             "--replay", ">" + stack.replay, "--state-file",
             os.path.join(short_tmp.path, "sub.state"), "--set", "log.level=warn"],
            stdout=open(sub_out, "w"), stderr=open(sub_out + ".log", "w"))

        #  The feeder: every batch is delivered until ingest answers 200, as
        #  X's webhook retries; ingest answers only after its commit.
        batches = [[tweet(i) for i in range(s, min(s + BATCH, N))] for s in range(0, N, BATCH)]
        fed = threading.Event()
        retries = [0]

        #  Paced so that the kills land while complaints flow: N over about
        #  25 s by default (CHAOS_RATE complaints/s to change it).
        rate = float(os.environ.get("CHAOS_RATE", "0")) or N / 25.0

        def feed():
            start = time.monotonic()
            for k, batch in enumerate(batches):
                ahead = start + k * BATCH / rate - time.monotonic()
                if ahead > 0:
                    time.sleep(ahead)
                while post_webhook(stack.ports["ingest"], batch) != 200:
                    retries[0] += 1
                    time.sleep(0.2)
            figures["feed_s"] = round(time.monotonic() - t0, 1)
            fed.set()

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()

        #  The chaos: a random process killed every few seconds and started
        #  again at once; PostgreSQL restarted once, fast mode, mid-run.
        victims = ["ingest", "c1", "c2", "router", "notifier", "analytics"]
        rng = random.Random(int(os.environ.get("CHAOS_SEED", "20261129")))
        pg_restarted = False
        chaos_until = None

        def settled():
            rows = query(db_url, "SELECT (SELECT count(*) FROM complaints),"
                         " (SELECT count(*) FROM complaints WHERE status NOT IN"
                         "  ('ROUTED', 'REJECTED')),"
                         " (SELECT count(*) FROM outbox WHERE state <> 'sent')")
            return rows[0]

        #  Kill until every complaint is in and answered (so that kills land
        #  in every stage's work, the notifier's batches included), at most
        #  CHAOS_MAX_S; victims in shuffled rounds, so each is hit.
        max_chaos_s = float(os.environ.get("CHAOS_MAX_S", "300"))
        order = []
        while time.monotonic() - t0 < max_chaos_s:
            time.sleep(KILL_EVERY_S)
            if not pg_restarted and time.monotonic() - t0 > 1.5 * KILL_EVERY_S:
                subprocess.run([PGCLUSTER, "down", pgdir], check=True, stdout=subprocess.DEVNULL)
                time.sleep(1)
                subprocess.run([PGCLUSTER, "up", pgdir], check=True, stdout=subprocess.DEVNULL)
                pg_restarted = True
                continue
            if not order:
                order = list(victims)
                rng.shuffle(order)
            name = order.pop()
            stack.kill(name)
            stack.start(name)
            if fed.is_set() and len(stack.kills) == len(victims) and settled() == (N, 0, 0):
                break
        figures["chaos_s"] = round(time.monotonic() - t0, 1)
        assert pg_restarted, "the run ended before PostgreSQL could be restarted"
        feeder.join(timeout=300)
        assert fed.is_set(), "the feeder did not finish"

        #  Let everything settle (no more kills)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            total, unfinished, unsent = settled()
            if total == N and unfinished == 0 and unsent == 0:
                break
            time.sleep(0.5)
        figures["settle_s"] = round(time.monotonic() - t0 - figures["chaos_s"], 1)
        total, unfinished, unsent = settled()
        assert (total, unfinished, unsent) == (N, 0, 0), (total, unfinished, unsent)

        #  Exactly once in PostgreSQL
        ids = [t["id_str"] for b in batches for t in b]
        rows = query(db_url, "SELECT source_id, count(*) FROM complaints GROUP BY 1")
        assert sorted(r[0] for r in rows) == sorted(ids)
        assert all(r[1] == 1 for r in rows)
        assert query(db_url, "SELECT count(*) FROM source_messages")[0][0] == N

        #  Exactly one reply on X per complaint that is answered publicly,
        #  none for the rest
        answered = dict(query(db_url, "SELECT in_reply_to, count(*) FROM outbox"
                                      " WHERE channel = 'x_reply' GROUP BY 1"))
        assert all(c == 1 for c in answered.values())
        replies = collections.Counter(s["in_reply_to_tweet_id"] for s in fake_x.sent()
                                      if s["kind"] == "tweet" and s["in_reply_to_tweet_id"])
        duplicates = {k: v for k, v in replies.items() if v > 1}
        assert not duplicates, duplicates
        assert set(replies) == set(answered), (set(answered) - set(replies),
                                               set(replies) - set(answered))
        alerts = query(db_url, "SELECT count(*) FROM outbox WHERE channel = 'x_mention'")[0][0]
        mentions = [s for s in fake_x.sent() if s["kind"] == "tweet"
                    and not s["in_reply_to_tweet_id"]]
        assert len(mentions) == alerts
        figures.update(replies=len(replies), unit_alerts=alerts,
                       statuses=dict(query(db_url, "SELECT status, count(*) FROM complaints"
                                                   " GROUP BY 1")),
                       in_doubt_attempts=query(db_url, "SELECT count(*) FROM delivery_attempts"
                                                       " WHERE finished_at IS NULL")[0][0])

        #  The subscriber holds every event, in order, none twice
        head = query(db_url, "SELECT max(seq), count(*) FROM events")[0]
        assert head[0] == head[1]
        deadline = time.monotonic() + 60
        seqs = []
        while time.monotonic() < deadline:
            with open(sub_out) as f:
                seqs = [json.loads(line)["seq"] for line in f if line.strip()]
            if seqs and seqs[-1] >= head[0]:
                break
            time.sleep(0.5)
        assert seqs == list(range(1, head[0] + 1)), (len(seqs), head)
        figures["events"] = head[0]

        #  The hash chain verifies
        rows = query(db_url, "SELECT count(*), count(*) FILTER (WHERE sunwai_event_hash(prev_hash, e)"
                             " = hash) FROM events e")
        assert rows[0][0] == rows[0][1]
        broken = query(db_url, "SELECT count(*) FROM events e JOIN events p ON p.seq = e.seq - 1"
                               " WHERE e.prev_hash <> p.hash")
        assert broken[0][0] == 0

        figures.update(kills=dict(stack.kills), webhook_retries=retries[0],
                       total_s=round(time.monotonic() - t0, 1))
        with open(os.path.join(e2e.out_dir(), "chaos-figures.json"), "w") as f:
            json.dump(figures, f, indent=1, ensure_ascii=False)
        print("chaos figures:", json.dumps(figures, ensure_ascii=False))
        assert set(stack.kills) == set(victims), stack.kills
    finally:
        if subscriber:
            subscriber.terminate()
            subscriber.wait(10)
        stack.stop_all()
        fake_x.close()
        subprocess.run([PGCLUSTER, "stop", pgdir], stdout=subprocess.DEVNULL)
