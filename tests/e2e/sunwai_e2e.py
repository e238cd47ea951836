"""Helpers for the end-to-end tests: run the real Sunwai binaries against a
real private PostgreSQL cluster and look at them from the outside only
(command line, stderr log lines, HTTP, ZeroMQ sockets, the database).

Environment (set by tests/CMakeLists.txt for ctest; set it by hand for
pytest):
  SUNWAI_TEST_PGDIR   directory of the cluster started by
                      tests/support/pgcluster; $SUNWAI_TEST_PGDIR/port holds
                      the port (host 127.0.0.1, user postgres, trust)
  SUNWAI_BIN_DIR      the built binaries (default: $SUNWAI_SOURCE_DIR/build/bin)
  SUNWAI_SOURCE_DIR   the checkout (default: two levels above this file)
  SUNWAI_TEST_OUT     where service logs go (default: a fresh temporary dir)
"""
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

SOURCE_DIR = os.environ.get("SUNWAI_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
BIN_DIR = os.environ.get("SUNWAI_BIN_DIR") or os.path.join(SOURCE_DIR, "build", "bin")
PG_DIR = os.environ.get("SUNWAI_TEST_PGDIR") or None
_OUT_DIR = os.environ.get("SUNWAI_TEST_OUT") or None

#  Every service, the ZeroMQ endpoint keys it has and whether each binds
#  ('@') or connects ('>') by default, and whether it needs PostgreSQL.
SERVICES = {
    "ingest": {"db": True, "endpoints": {"out.endpoint": "@"}},
    "classifier": {"db": False, "endpoints": {"in.endpoint": ">", "out.endpoint": ">"}},
    "router": {"db": True, "endpoints": {"in.endpoint": "@", "commands.endpoint": "@",
                                         "notify.endpoint": "@"}},
    "notifier": {"db": True, "endpoints": {"in.endpoint": ">"}},
    "analytics": {"db": True, "endpoints": {"stream.endpoint": "@", "replay.endpoint": "@"}},
}
COMMON_KEYS = ["state", "log.level", "http.bind", "http.port", "http.max_body"]
DB_KEYS = ["db.url", "db.migrate"]

LOG_LEVELS = {"debug", "info", "warn", "error"}
TS_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def binary(name):
    """Path of a binary: 'router' -> .../sunwai-router; 'sunwaictl' as is."""
    file = name if name.startswith("sunwai") else "sunwai-" + name
    return os.path.join(BIN_DIR, file)


def env_var(key):
    """The environment variable of a config key: SUNWAI_ + upper, '.' -> '_'."""
    return "SUNWAI_" + key.upper().replace(".", "_").replace("-", "_")


def out_dir():
    global _OUT_DIR
    if _OUT_DIR is None:
        _OUT_DIR = tempfile.mkdtemp(prefix="sunwai-e2e-out.")
    os.makedirs(_OUT_DIR, exist_ok=True)
    return _OUT_DIR


def clean_env(extra=None):
    """os.environ without any SUNWAI_* variable (so that neither the ctest
    variables nor an operator's shell leak config into a service), plus
    extra."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUNWAI_")}
    env.update(extra or {})
    return env


def free_tcp_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_port():
    with open(os.path.join(PG_DIR, "port")) as f:
        return int(f.read().strip())


def conninfo(dbname, port=None):
    return "host=127.0.0.1 port=%d user=postgres dbname=%s connect_timeout=5" % (
        port if port is not None else pg_port(), dbname)


# --------------------------------------------------------------------------
# Log lines

def parse_log_line(line, service=None):
    """One stderr line as a dict; asserts the log line contract."""
    try:
        obj = json.loads(line)
    except ValueError as e:
        raise AssertionError("stderr line is not JSON (%s): %r" % (e, line))
    assert isinstance(obj, dict), "log line is not a JSON object: %r" % line
    for key in ("ts", "level", "service", "msg"):
        assert key in obj, "log line lacks %r: %r" % (key, line)
    assert list(obj)[:4] == ["ts", "level", "service", "msg"], \
        "log line fields out of order: %r" % line
    assert TS_RE.match(obj["ts"]), "bad ts in log line: %r" % line
    assert obj["level"] in LOG_LEVELS, "bad level in log line: %r" % line
    assert isinstance(obj["msg"], str) and obj["msg"], "empty msg in log line: %r" % line
    if service:
        assert obj["service"] == service, "service %r, expected %r: %r" % (
            obj["service"], service, line)
    return obj


def parse_log(text, service=None):
    return [parse_log_line(line, service) for line in text.splitlines() if line != ""]


# --------------------------------------------------------------------------
# Metrics

def parse_metrics(text):
    """{(sample name, frozenset(labels.items())): value}"""
    samples = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            samples[(s.name, frozenset(s.labels.items()))] = s.value
    return samples


# --------------------------------------------------------------------------
# Processes

def run(name, *args, env=None, timeout=30):
    """Run a binary to completion; CompletedProcess with text output."""
    return subprocess.run([binary(name)] + list(args), env=clean_env(env),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=timeout)


class ServiceFailed(AssertionError):
    pass


class Service:
    """A running service binary.  stderr goes to a file under the test
    output directory; the "started" log line gives the HTTP port."""

    def __init__(self, name, args=(), env=None, label=None):
        self.name = name
        self.program = os.path.basename(binary(name))
        self.args = list(args)
        self.env = clean_env(env)
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", label or name)[-80:]
        fd, self.log_path = tempfile.mkstemp(prefix=stem + ".", suffix=".log", dir=out_dir())
        os.close(fd)
        self.proc = None
        self.http_port = None
        self.returncode = None

    # -- lifecycle -------------------------------------------------------
    def start(self, timeout=10):
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([binary(self.name)] + self.args, env=self.env,
                                     stdin=subprocess.DEVNULL, stdout=self._log,
                                     stderr=self._log, start_new_session=True)
        started = self.wait_log("started", timeout=timeout)
        assert "http_port" in started, "started line has no http_port: %r" % started
        self.http_port = int(started["http_port"])
        assert 0 < self.http_port < 65536
        return self

    def raw_log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def log_lines(self):
        """Complete lines parsed so far (a partly written last line is left)."""
        text = self.raw_log()
        if not text.endswith("\n"):
            text = text[: text.rfind("\n") + 1]
        return parse_log(text, self.program)

    def logs(self, msg):
        return [line for line in self.log_lines() if line["msg"] == msg]

    def wait_log(self, msg, timeout=10, count=1):
        deadline = time.monotonic() + timeout
        while True:
            found = self.logs(msg)
            if len(found) >= count:
                return found[count - 1]
            if self.proc.poll() is not None:
                raise ServiceFailed("%s exited with %s before logging %r; log:\n%s" % (
                    self.program, self.proc.returncode, msg, self.raw_log()))
            if time.monotonic() > deadline:
                raise ServiceFailed("%s did not log %r within %ss; log:\n%s" % (
                    self.program, msg, timeout, self.raw_log()))
            time.sleep(0.05)

    def stop(self, timeout=5.0):
        """SIGTERM, wait; (exit code, seconds taken).  Asserts that the
        process ended in time, that every stderr line is a valid log line,
        and that it logged the signal and then "stopped" last."""
        assert self.proc is not None
        assert self.proc.poll() is None, "%s had already exited with %s; log:\n%s" % (
            self.program, self.proc.returncode, self.raw_log())
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError("%s did not exit within %ss of SIGTERM; log:\n%s" % (
                self.program, timeout, self.raw_log()))
        took = time.monotonic() - t0
        self.returncode = rc
        self._log.close()
        text = self.raw_log()
        assert text.endswith("\n"), "last stderr line is not terminated: %r" % text[-200:]
        lines = parse_log(text, self.program)
        msgs = [line["msg"] for line in lines]
        assert "signal received, shutting down" in msgs, "no signal line; log:\n" + text
        assert msgs[-1] == "stopped", "last line is not \"stopped\"; log:\n" + text
        assert msgs.index("signal received, shutting down") < len(msgs) - 1
        return rc, took

    def kill(self):
        """SIGKILL the process and anything it started (its own session)."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.proc.wait()
        if getattr(self, "_log", None) and not self._log.closed:
            self._log.close()

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    # -- HTTP ------------------------------------------------------------
    def get(self, path, timeout=5):
        """(status, body text, headers) of GET path; HTTP errors included."""
        url = "http://127.0.0.1:%d%s" % (self.http_port, path)
        try:
            with urllib.request.urlopen(url, timeout=timeout) as r:
                return r.status, r.read().decode("utf-8"), r.headers
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8")
            return e.code, body, e.headers

    def readyz(self):
        status, body, _ = self.get("/readyz")
        return status, json.loads(body)

    def wait_ready(self, timeout=20):
        deadline = time.monotonic() + timeout
        last = None
        while True:
            assert self.running(), "%s exited while waiting for ready; log:\n%s" % (
                self.program, self.raw_log())
            last = self.readyz()
            if last[0] == 200:
                assert last[1] == {"status": "ready"}, last
                return last
            if time.monotonic() > deadline:
                raise AssertionError("%s not ready within %ss: %r; log:\n%s" % (
                    self.program, timeout, last, self.raw_log()))
            time.sleep(0.1)

    def metrics(self):
        status, body, headers = self.get("/metrics")
        assert status == 200, (status, body)
        assert headers.get("Content-Type", "").startswith("text/plain"), headers
        return parse_metrics(body)

    def metric(self, name, **labels):
        """Value of one sample; None if absent."""
        return self.metrics().get((name, frozenset(labels.items())))

    def wait_metric(self, name, predicate, timeout=10, **labels):
        deadline = time.monotonic() + timeout
        while True:
            value = self.metric(name, **labels)
            if value is not None and predicate(value):
                return value
            if time.monotonic() > deadline:
                raise AssertionError("%s%r = %r, still not as expected after %ss; log:\n%s"
                                     % (name, labels, value, timeout, self.raw_log()))
            time.sleep(0.1)


def wait_for(predicate, timeout=10, interval=0.1, what="condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("%s not met within %ss (last: %r)" % (what, timeout, value))
        time.sleep(interval)


# --------------------------------------------------------------------------
# Protobuf wire format, by hand (no protoc here): enough for tiny messages.

def _varint(n):
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def pb_varint(field, value):
    return _varint(field << 3 | 0) + _varint(value)


def pb_bytes(field, value):
    if isinstance(value, str):
        value = value.encode("utf-8")
    return _varint(field << 3 | 2) + _varint(len(value)) + value


def pb_decode(data):
    """{field number: [values]} for varint (int), length-delimited (bytes),
    float32 and double fields; raises ValueError on anything else or
    truncation."""
    fields = {}
    i = 0

    def read_varint():
        nonlocal i
        shift = value = 0
        while True:
            if i >= len(data):
                raise ValueError("truncated varint")
            b = data[i]
            i += 1
            value |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return value

    while i < len(data):
        key = read_varint()
        field, wire = key >> 3, key & 7
        if wire == 0:
            value = read_varint()
        elif wire == 2:
            n = read_varint()
            if i + n > len(data):
                raise ValueError("truncated field")
            value = bytes(data[i:i + n])
            i += n
        elif wire == 5:                      # float32
            if i + 4 > len(data):
                raise ValueError("truncated fixed32")
            value = struct.unpack("<f", bytes(data[i:i + 4]))[0]
            i += 4
        elif wire == 1:                      # double / fixed64
            if i + 8 > len(data):
                raise ValueError("truncated fixed64")
            value = struct.unpack("<d", bytes(data[i:i + 8]))[0]
            i += 8
        else:
            raise ValueError("unexpected wire type %d" % wire)
        fields.setdefault(field, []).append(value)
    return fields


def complaint(id_, docket):
    """sunwai.v1.Complaint{id, docket} as a 2-frame message."""
    return [b"sunwai.v1.Complaint", pb_varint(1, id_) + pb_bytes(2, docket)]


def notification_job(outbox_id, docket):
    """sunwai.v1.NotificationJob{outbox_id, docket} as a 2-frame message."""
    return [b"sunwai.v1.NotificationJob", pb_varint(1, outbox_id) + pb_bytes(3, docket)]


def case_command(request_id, docket):
    """sunwai.v1.CaseCommand{request_id, docket} as a 2-frame message."""
    return [b"sunwai.v1.CaseCommand", pb_bytes(1, request_id) + pb_bytes(4, docket)]


RESULT_BAD_REQUEST = 2


def park_format(frames):
    """dead_letters.payload as sw_frame_park writes it: each frame as a
    4-byte big-endian length and its bytes."""
    return b"".join(len(f).to_bytes(4, "big") + f for f in frames)


class ShortTmp:
    """A short directory under /tmp for ipc:// endpoints (a Unix socket
    path must stay under ~107 bytes, which pytest's tmp_path may not)."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="swe2e.", dir="/tmp")
        self._n = 0

    def ipc(self, mode, stem="s"):
        self._n += 1
        return "%sipc://%s/%s%d" % (mode, self.path, stem, self._n)

    def cleanup(self):
        shutil.rmtree(self.path, ignore_errors=True)
