#!/usr/bin/python3
"""sunwai-subscribe.py: a subscriber to sunwai-analytics' event stream that
never misses an event (docs/event-stream.md).

It subscribes to the XPUB stream with topic prefixes, replays everything
after a given seq (or the seq in its state file), then continues live; a
lost message shows as a gap in seq (or in district_prev_seq /
topic_prev_seq when filtering), which it fills from the replay socket
before going on.  It prints one JSON object per event on stdout, each
exactly once and, per chain, in seq order; with --verify it recomputes
each event's hash and checks the chain links.

Needs only Debian's python3-zmq and python3-protobuf: the two message types
are declared below at run time, so no protoc is needed.

    sunwai-subscribe.py --stream tcp://host:5570 --replay tcp://host:5571 \\
        [--topic up.162] [--from-seq N | --state-file FILE] [--verify] \\
        [--until-seq N]
"""
import argparse
import hashlib
import json
import os
import signal
import sys
import time

import zmq
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

# --------------------------------------------------------------------------
# The messages, from proto/sunwai/v1/sunwai.proto (field numbers are stable).

_T = descriptor_pb2.FieldDescriptorProto
_FIELDS = {
    "EventEnvelope": [
        ("seq", 1, _T.TYPE_INT64), ("complaint_id", 2, _T.TYPE_INT64),
        ("docket", 3, _T.TYPE_STRING), ("state", 4, _T.TYPE_STRING),
        ("district", 5, _T.TYPE_STRING), ("event_type", 6, _T.TYPE_STRING),
        ("actor", 7, _T.TYPE_STRING), ("at_ms", 8, _T.TYPE_INT64),
        ("prev_hash", 9, _T.TYPE_BYTES), ("hash", 10, _T.TYPE_BYTES),
        ("payload_json", 11, _T.TYPE_STRING), ("payload_masked", 12, _T.TYPE_BOOL),
        ("district_prev_seq", 13, _T.TYPE_INT64), ("topic_prev_seq", 14, _T.TYPE_INT64)],
    "ReplayRequest": [
        ("after_seq", 1, _T.TYPE_INT64), ("topics", 2, _T.TYPE_STRING),
        ("limit", 3, _T.TYPE_INT32), ("through_seq", 4, _T.TYPE_INT64)],
    "ReplayReply": [
        ("last_seq", 1, _T.TYPE_INT64), ("head_seq", 2, _T.TYPE_INT64),
        ("more", 3, _T.TYPE_BOOL), ("count", 4, _T.TYPE_INT32),
        ("error", 5, _T.TYPE_STRING), ("retry", 6, _T.TYPE_BOOL)],
    "StreamHead": [("seq", 1, _T.TYPE_INT64), ("at_ms", 2, _T.TYPE_INT64)],
}


def _messages():
    file = descriptor_pb2.FileDescriptorProto(name="sunwai_subscribe.proto",
                                              package="sunwai.v1", syntax="proto3")
    for name, fields in _FIELDS.items():
        message = file.message_type.add(name=name)
        for field, number, kind in fields:
            label = _T.LABEL_REPEATED if (name, field) == ("ReplayRequest", "topics") \
                else _T.LABEL_OPTIONAL
            message.field.add(name=field, number=number, type=kind, label=label)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    classes = {}
    for name in _FIELDS:
        desc = pool.FindMessageTypeByName("sunwai.v1." + name)
        if hasattr(message_factory, "GetMessageClass"):
            classes[name] = message_factory.GetMessageClass(desc)
        else:
            classes[name] = message_factory.MessageFactory(pool).GetPrototype(desc)
    return classes


MSG = _messages()
ZERO_HASH = bytes(32)


def event_hash(e):
    """The hash the insert trigger computes (db/migrations/0001_init.sql)."""
    text = "|".join([str(e.seq), str(e.complaint_id) if e.complaint_id else "", e.docket,
                     e.state, e.district, e.event_type, e.actor, str(e.at_ms),
                     e.payload_json])
    return hashlib.sha256(e.prev_hash + text.encode("utf-8")).digest()


def normalise(prefix):
    """(subscription prefix, level): '' and 'up' are the whole stream
    (level 0 or 1), 'up.162' a district (2), 'up.162.routed' a topic (3)."""
    prefix = prefix.strip(".")
    level = 0 if not prefix else prefix.count(".") + 1
    if level > 3:
        raise ValueError("a topic has three parts: %r" % prefix)
    return (prefix + "." if 0 < level < 3 else prefix), level


class Subscriber:
    def __init__(self, args):
        self.args = args
        self.ctx = zmq.Context()
        self.prefixes = []
        for t in args.topic or []:
            self.prefixes.append(normalise(t))
        #  One state and everything in it is the global chain (seq order).
        self.global_mode = all(level <= 1 for _, level in self.prefixes)
        self.floor = 0          # everything matching <= floor has been emitted
        self.last = {}          # chain key -> last seq emitted
        self.last_hash = None   # hash of the last event emitted (global mode)
        self.stats = {"events": 0, "gaps": 0, "replays": 0, "verified": 0, "unverifiable": 0}
        self.stop = False
        self.replay_sock = None

    # -- state ---------------------------------------------------------------
    def load_state(self):
        if self.args.state_file and os.path.exists(self.args.state_file):
            with open(self.args.state_file) as f:
                state = json.load(f)
            self.floor = int(state.get("floor", 0))
            self.last = {k: int(v) for k, v in state.get("chains", {}).items()}
            h = state.get("last_hash")
            self.last_hash = bytes.fromhex(h) if h else None
        elif self.args.from_seq is not None:
            self.floor = self.args.from_seq

    def save_state(self):
        if not self.args.state_file:
            return
        tmp = self.args.state_file + ".tmp"
        with open(tmp, "w") as f:
            json.dump({"floor": self.floor, "chains": self.last,
                       "last_hash": self.last_hash.hex() if self.last_hash else None}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.args.state_file)

    # -- chains --------------------------------------------------------------
    def topic(self, e):
        return "%s.%s.%s" % (e.state, e.district, e.event_type)

    def matches(self, e):
        topic = self.topic(e)
        return not self.prefixes or any(topic.startswith(p) for p, _ in self.prefixes)

    def chain(self, e):
        """(key, prev seq, replay prefix) of the coarsest subscription
        that e matches."""
        if self.global_mode:
            return "", e.seq - 1, None
        topic = self.topic(e)
        levels = sorted(level for p, level in self.prefixes if topic.startswith(p))
        if levels and levels[0] <= 1:
            return "", e.seq - 1, None
        if levels and levels[0] == 2:
            key = "%s.%s" % (e.state, e.district)
            return key, e.district_prev_seq, key + "."
        return topic, e.topic_prev_seq, topic

    # -- output --------------------------------------------------------------
    def emit(self, e):
        key, _, _ = self.chain(e)
        if e.seq <= self.floor or e.seq <= self.last.get(key, 0):
            return
        out = {"seq": e.seq, "topic": self.topic(e), "complaint_id": e.complaint_id,
               "docket": e.docket, "state": e.state, "district": e.district,
               "event_type": e.event_type, "actor": e.actor, "at_ms": e.at_ms,
               "payload": json.loads(e.payload_json or "{}"),
               "payload_masked": e.payload_masked,
               "prev_hash": e.prev_hash.hex(), "hash": e.hash.hex()}
        if self.args.verify:
            out["verified"] = self.verify(e)
        sys.stdout.write(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n")
        sys.stdout.flush()
        self.last[key] = e.seq
        if self.global_mode:
            self.floor = e.seq
            self.last_hash = e.hash
        self.stats["events"] += 1
        self.save_state()

    def verify(self, e):
        ok = True
        if self.global_mode:
            expected = ZERO_HASH if e.seq == 1 else self.last_hash
            if expected is not None and e.prev_hash != expected:
                ok = False
        if e.payload_masked:
            self.stats["unverifiable"] += 1
        elif event_hash(e) != e.hash:
            ok = False
        if ok:
            self.stats["verified"] += 1
        else:
            self.log("hash chain broken", seq=e.seq)
        return ok

    def log(self, msg, **fields):
        line = {"msg": msg}
        line.update(fields)
        sys.stderr.write(json.dumps(line) + "\n")
        sys.stderr.flush()

    # -- replay --------------------------------------------------------------
    def replay(self, after, through=0, topics=None):
        """Ask for everything after `after` (through `through`) and emit it.
        Returns the seq the replay covered through."""
        if topics is None:
            topics = [p for p, _ in self.prefixes]
        self.stats["replays"] += 1
        attempts = 0
        while not self.stop:
            if self.replay_sock is None:
                self.replay_sock = self.ctx.socket(zmq.DEALER)
                self.replay_sock.setsockopt(zmq.LINGER, 0)
                self.replay_sock.connect(self.args.replay)
            req = MSG["ReplayRequest"](after_seq=after, topics=topics, through_seq=through)
            self.replay_sock.send_multipart([b"sunwai.v1.ReplayRequest",
                                             req.SerializeToString()])
            while True:
                if not self.replay_sock.poll(self.args.replay_timeout_ms):
                    reply = None
                    break
                kind, body = self.replay_sock.recv_multipart()[-2:]
                if kind == b"sunwai.v1.EventEnvelope":
                    e = MSG["EventEnvelope"].FromString(body)
                    after = max(after, e.seq)
                    self.emit(e)
                    continue
                reply = MSG["ReplayReply"].FromString(body)
                break
            if reply is None or (reply.error and reply.retry):
                #  No end marker (the server abandoned the reply, or is
                #  down or restarting), or a temporary refusal (its database
                #  is down): ask again, a little later each time, for as long
                #  as it takes (--replay-attempts N to give up after N).  A
                #  new socket drops anything late from the old one.
                attempts += 1
                self.replay_sock.close(0)
                self.replay_sock = None
                if self.args.replay_attempts and attempts >= self.args.replay_attempts:
                    raise SystemExit("sunwai-subscribe: replay did not answer")
                time.sleep(min(0.1 * attempts, 1.0))
                continue
            if reply.error:
                raise SystemExit("sunwai-subscribe: replay refused: " + reply.error)
            after = reply.last_seq
            if not reply.more:
                return reply.last_seq
        return after

    # -- live ----------------------------------------------------------------
    def on_live(self, e):
        if not self.matches(e):
            return
        key, prev, prefix = self.chain(e)
        base = max(self.last.get(key, 0), self.floor)
        if prev > base:
            self.stats["gaps"] += 1
            self.log("gap detected", seq=e.seq, missing_after=base)
            self.replay(base, e.seq - 1, [prefix] if prefix else None)
        self.emit(e)

    def on_head(self, seq):
        if seq > self.floor:
            covered = self.replay(self.floor, seq)
            self.floor = max(self.floor, covered)
            self.save_state()

    def run(self):
        signal.signal(signal.SIGTERM, self.on_signal)
        signal.signal(signal.SIGINT, self.on_signal)
        self.load_state()
        sub = self.ctx.socket(zmq.SUB)
        sub.setsockopt(zmq.RCVHWM, self.args.rcvhwm)
        sub.setsockopt(zmq.LINGER, 0)
        sub.connect(self.args.stream)
        for p, _ in self.prefixes or [("", 0)]:
            sub.setsockopt(zmq.SUBSCRIBE, p.encode("utf-8"))
        sub.setsockopt(zmq.SUBSCRIBE, b"$head")
        #  Replay first; live messages queue meanwhile and are deduplicated.
        self.floor = max(self.floor, self.replay(self.floor))
        self.save_state()
        while not self.stop and not self.done():
            try:
                if not sub.poll(200):
                    continue
                frames = sub.recv_multipart()
            except zmq.ZMQError:
                continue
            if len(frames) != 3:
                continue
            topic, kind, body = frames
            if kind == b"sunwai.v1.StreamHead":
                self.on_head(MSG["StreamHead"].FromString(body).seq)
            elif kind == b"sunwai.v1.EventEnvelope":
                self.on_live(MSG["EventEnvelope"].FromString(body))
        self.save_state()
        self.log("stopped", **self.stats)
        sub.close(0)
        if self.replay_sock is not None:
            self.replay_sock.close(0)
        self.ctx.term()

    def done(self):
        return self.args.until_seq is not None and self.floor >= self.args.until_seq

    def on_signal(self, signum, frame):
        self.stop = True


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--stream", default="tcp://127.0.0.1:5570", help="analytics' XPUB")
    p.add_argument("--replay", default="tcp://127.0.0.1:5571", help="analytics' replay ROUTER")
    p.add_argument("--topic", action="append",
                   help="topic prefix: <state>[.<district>[.<event type>]] (repeat)")
    p.add_argument("--from-seq", type=int, default=None,
                   help="replay events after this seq (default 0: everything)")
    p.add_argument("--state-file", help="keep the position here and resume from it")
    p.add_argument("--verify", action="store_true", help="recompute hashes, check links")
    p.add_argument("--until-seq", type=int, default=None,
                   help="exit once every matching event up to this seq is printed")
    p.add_argument("--rcvhwm", type=int, default=10000, help="SUB queue length")
    p.add_argument("--replay-timeout-ms", type=int, default=10000)
    p.add_argument("--replay-attempts", type=int, default=0,
                   help="give up after this many unanswered replay requests (0: never)")
    args = p.parse_args()
    try:
        Subscriber(args).run()
    except ValueError as e:
        p.error(str(e))


if __name__ == "__main__":
    main()
