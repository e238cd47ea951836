"""Helpers for the analytics and subscriber end-to-end tests: start
sunwai-analytics, write events and complaints the way the pipeline does
(the insert trigger numbers and chains every event), and run the two
subscribers (sunwai-subscribe in C, scripts/sunwai-subscribe.py)."""
import hashlib
import json
import os
import subprocess
import sys

import sunwai_e2e as e2e

PY_SUBSCRIBER = os.path.join(e2e.SOURCE_DIR, "scripts", "sunwai-subscribe.py")


def start_analytics(services, db, **values):
    svc = services("analytics", db=db, set={k.replace("__", "."): v for k, v in values.items()})
    svc.wait_ready()
    return svc


def endpoint(svc, key):
    """The address a peer connects to (without czmq's '@')."""
    return svc.endpoints[key].lstrip("@>")


def insert_events(db, count, district="162", event_type="note", state="up", payload=None):
    """count events in one statement; returns their seqs."""
    rows = db.query(
        "INSERT INTO events (state, district, event_type, actor, payload)"
        " SELECT %s, %s, %s, 'e2e', coalesce(%s::jsonb, jsonb_build_object('n', g))"
        "   FROM generate_series(1, %s) g RETURNING seq",
        (state, district, event_type, json.dumps(payload) if payload is not None else None,
         count))
    return sorted(r[0] for r in rows)


def all_seqs(db, district=None):
    if district:
        return [r[0] for r in db.query("SELECT seq FROM events WHERE district = %s ORDER BY seq",
                                       (district,))]
    return [r[0] for r in db.query("SELECT seq FROM events ORDER BY seq")]


def head(db):
    return db.query("SELECT coalesce(max(seq), 0) FROM events")[0][0]


_n = [0]


def ingest(db, text="my phone was stolen", channel="api", source="web"):
    """A complaint row as sunwai-ingest stores it (with its 'received'
    event): (id, docket)."""
    _n[0] += 1
    n = "%d_%d" % (os.getpid(), _n[0])
    item = {"kind": "tweet", "channel": channel, "source": source, "source_id": "s" + n,
            "author_id": "a" + n, "author_handle": "h" + n, "text": text, "created_at_ms": 0}
    rows = db.query("SELECT complaint_id, docket FROM sunwai_ingest(%s::jsonb, 'up', 'UP', 0)",
                    (json.dumps([item]),))
    return rows[0][0], rows[0][1]


def make_token(db, role, district=None, unit=None, login=None):
    """An officer with a token; returns the token."""
    _n[0] += 1
    token = "tok-%s-%d-%d" % (role, os.getpid(), _n[0])
    if unit:
        db.query("INSERT INTO units (code, state, name) VALUES (%s, 'up', %s)"
                 " ON CONFLICT DO NOTHING", (unit, unit))
    oid = db.query("INSERT INTO officers (login, name, role, unit_code, district_code)"
                   " VALUES (%s, 'x', %s, %s, %s) RETURNING id",
                   (login or "o%d_%d" % (os.getpid(), _n[0]), role, unit, district))[0][0]
    db.query("INSERT INTO tokens (officer_id, token_hash) VALUES (%s, %s)",
             (oid, hashlib.sha256(token.encode()).digest()))
    return token


# --------------------------------------------------------------------------
# Subscribers

def c_subscriber(svc, *args, state_file=None, until=None, topics=None, verify=True):
    cmd = [e2e.binary("sunwai-subscribe"),
           "--stream", ">" + endpoint(svc, "stream.endpoint"),
           "--replay", ">" + endpoint(svc, "replay.endpoint")]
    if topics:
        cmd += ["--topics", ",".join(topics)]
    if state_file:
        cmd += ["--state-file", state_file]
    if until is not None:
        cmd += ["--until-seq", str(until)]
    if verify:
        cmd += ["--verify"]
    return cmd + list(args)


def py_subscriber(svc, *args, state_file=None, until=None, topics=None, verify=True):
    cmd = ["/usr/bin/python3", PY_SUBSCRIBER,
           "--stream", endpoint(svc, "stream.endpoint"),
           "--replay", endpoint(svc, "replay.endpoint")]
    for t in topics or []:
        cmd += ["--topic", t]
    if state_file:
        cmd += ["--state-file", state_file]
    if until is not None:
        cmd += ["--until-seq", str(until)]
    if verify:
        cmd += ["--verify"]
    return cmd + list(args)


SUBSCRIBERS = {"c": c_subscriber, "python": py_subscriber}


class Running:
    """A subscriber process; stdout to a file so nothing blocks it."""

    def __init__(self, cmd, out_path):
        self.out_path = out_path
        self.err_path = out_path + ".err"
        self._out = open(out_path, "ab")
        self._err = open(self.err_path, "ab")
        self.proc = subprocess.Popen(cmd, stdout=self._out, stderr=self._err,
                                     stdin=subprocess.DEVNULL, env=e2e.clean_env())

    def wait(self, timeout=60):
        try:
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("subscriber did not finish in %ss; stderr:\n%s\nlast lines:\n%s"
                                 % (timeout, self.stderr(), "".join(self.lines()[-3:])))
        self.close()
        return rc

    def terminate(self, timeout=10):
        self.proc.terminate()
        return self.wait(timeout)

    def close(self):
        self._out.close()
        self._err.close()

    def lines(self):
        with open(self.out_path) as f:
            return f.readlines()

    def stderr(self):
        with open(self.err_path) as f:
            return f.read()


def events_of(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def assert_exactly(events, seqs):
    got = [e["seq"] for e in events]
    dupes = sorted({s for s in got if got.count(s) > 1})
    assert not dupes, "printed twice: %s" % dupes[:20]
    missing = sorted(set(seqs) - set(got))
    assert not missing, "missing: %s (of %d)" % (missing[:20], len(seqs))
    extra = sorted(set(got) - set(seqs))
    assert not extra, "not expected: %s" % extra[:20]
    assert got == sorted(got), "out of order"


def log_json(text):
    out = []
    for line in text.splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            print(line, file=sys.stderr)
    return out
