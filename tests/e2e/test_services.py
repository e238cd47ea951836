"""End to end: every service binary, started for real, against a real
PostgreSQL: command line, configuration, health, readiness, metrics,
shutdown, database loss, and sunwaictl migrate."""
import glob
import os
import re
import socket
import subprocess
import threading
import time

import pytest
import zmq

import sunwai_e2e as e2e

ALL = list(e2e.SERVICES)
DB_SERVICES = [name for name, spec in e2e.SERVICES.items() if spec["db"]]
EXPECTED_TABLES = {"complaints", "events", "outbox", "dead_letters", "schema_migrations"}


def keys_of(name):
    keys = list(e2e.COMMON_KEYS)
    if e2e.SERVICES[name]["db"]:
        keys += e2e.DB_KEYS
    return keys + list(e2e.SERVICES[name]["endpoints"])


def migration_count():
    files = glob.glob(os.path.join(e2e.SOURCE_DIR, "db", "migrations", "*.sql"))
    assert files, "no migrations found under %s/db/migrations" % e2e.SOURCE_DIR
    return len(files)


def print_config(name, *args, env=None):
    """--print-config output as {key: (value, source)}."""
    r = e2e.run(name, "--print-config", *args, env=env)
    assert r.returncode == 0, (r.returncode, r.stdout, r.stderr)
    config = {}
    for line in r.stdout.splitlines():
        if not line or line.startswith("#"):
            continue
        m = re.match(r'^([a-z0-9_.-]+): "(.*)"  # ([a-z]+)$', line)
        assert m, "unexpected --print-config line: %r" % line
        config[m.group(1)] = (m.group(2), m.group(3))
    return config, r.stdout


def config_error(r, program):
    """A configuration error: exit 2, nothing on stdout, exactly one JSON
    log line on stderr at level error; returns it."""
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert r.stdout == "", r.stdout
    lines = r.stderr.splitlines()
    assert len(lines) == 1, "expected one stderr line, got: %r" % r.stderr
    entry = e2e.parse_log_line(lines[0], program)
    assert entry["level"] == "error", entry
    return entry


# --------------------------------------------------------------------------
# Command line

@pytest.mark.parametrize("name", ALL)
def test_help_lists_every_key(name):
    r = e2e.run(name, "--help")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Usage: sunwai-%s" % name), r.stdout[:200]
    assert r.stderr == ""
    for key in keys_of(name):
        assert re.search(r"^\s+%s\s+%s$" % (re.escape(key), e2e.env_var(key)), r.stdout,
                         re.M), "--help of %s does not list %s (%s)" % (
                             name, key, e2e.env_var(key))
    #  Every key the program knows (from --print-config) is in --help too.
    args = ["--set", "db.url=host=nowhere"] if e2e.SERVICES[name]["db"] else []
    config, _ = print_config(name, *args)
    assert set(keys_of(name)) <= set(config), set(keys_of(name)) - set(config)
    for key in config:
        assert re.search(r"^\s+%s\s" % re.escape(key), r.stdout, re.M), \
            "%s is configurable but not in --help" % key


@pytest.mark.parametrize("name", ALL)
def test_check_config_accepts_a_valid_config(name, tmp_path):
    path = tmp_path / "ok.yaml"
    text = "log:\n  level: warn\nhttp:\n  port: 0\n"
    if e2e.SERVICES[name]["db"]:
        text += "db:\n  url: \"host=127.0.0.1 dbname=x\"\n"
    path.write_text(text)
    r = e2e.run(name, "--config", str(path), "--check-config")
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert r.stdout.strip() == "sunwai-%s: configuration is valid" % name


# --------------------------------------------------------------------------
# Configuration errors: exit 2 and one JSON line naming the key

@pytest.mark.parametrize("name", DB_SERVICES)
def test_missing_db_url(name):
    r = e2e.run(name, "--set", "http.port=0")
    entry = config_error(r, "sunwai-%s" % name)
    assert entry["msg"] == 'missing required config key "db.url"', entry
    assert "SUNWAI_DB_URL" in entry.get("hint", ""), entry


@pytest.mark.parametrize("name", ALL)
def test_http_port_out_of_range(name):
    r = e2e.run(name, "--set", "db.url=host=nowhere", "--set", "http.port=70000") \
        if e2e.SERVICES[name]["db"] else e2e.run(name, "--set", "http.port=70000")
    entry = config_error(r, "sunwai-%s" % name)
    assert entry["msg"] == ('invalid value for config key "http.port": "70000" is out of '
                            'range 0..65535 (from command line)'), entry


@pytest.mark.parametrize("name", ALL)
def test_http_port_out_of_range_from_env(name):
    env = {"SUNWAI_HTTP_PORT": "-1", "SUNWAI_DB_URL": "host=nowhere"}
    entry = config_error(e2e.run(name, env=env), "sunwai-%s" % name)
    assert '"http.port"' in entry["msg"] and "SUNWAI_HTTP_PORT" in entry["msg"], entry


@pytest.mark.parametrize("name", ALL)
def test_unknown_key_in_yaml(name, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("db:\n  ulr: \"host=127.0.0.1\"\n")
    entry = config_error(e2e.run(name, "--config", str(path)), "sunwai-%s" % name)
    assert entry["msg"] == 'unknown config key "db.ulr" (in file "%s" line 2)' % path, entry
    if e2e.SERVICES[name]["db"]:
        assert '"db.url"' in entry.get("hint", ""), entry


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("value", ["tcp://127.0.0.1:5557", "@udp://127.0.0.1:5557", "@", ""])
def test_bad_endpoint(name, value):
    key = next(iter(e2e.SERVICES[name]["endpoints"]))
    args = ["--set", "%s=%s" % (key, value)]
    if e2e.SERVICES[name]["db"]:
        args += ["--set", "db.url=host=nowhere"]
    entry = config_error(e2e.run(name, *args), "sunwai-%s" % name)
    assert entry["msg"].startswith('invalid value for config key "%s": ' % key), entry


@pytest.mark.parametrize("name", ALL)
def test_config_layers_and_masking(name, tmp_path):
    """defaults < file < environment < command line, as --print-config
    reports them, with the password in db.url never printed."""
    endpoint_key = next(iter(e2e.SERVICES[name]["endpoints"]))
    path = tmp_path / "layers.yaml"
    text = ("state: bihar\n"
            "log:\n  level: debug\n"
            "http:\n  port: 1234\n  max_body: 4096\n"
            "%s:\n  endpoint: \">tcp://10.0.0.1:6000\"\n" % endpoint_key.split(".")[0])
    if e2e.SERVICES[name]["db"]:
        text += "db:\n  url: \"host=db1 user=u password=S3cretFromFile dbname=d\"\n"
    path.write_text(text)
    env = {"SUNWAI_HTTP_PORT": "4321", "SUNWAI_LOG_LEVEL": "info"}
    if e2e.SERVICES[name]["db"]:
        env["SUNWAI_DB_URL"] = "postgresql://sunwai:S3cretFromEnv@db2:5432/sunwai"
    config, out = print_config(name, "--config", str(path), "--set", "log.level=warn",
                               env=env)
    assert config["state"] == ("bihar", "file")
    assert config["http.max_body"] == ("4096", "file")
    assert config[endpoint_key] == (">tcp://10.0.0.1:6000", "file")
    assert config["http.port"] == ("4321", "env")
    assert config["log.level"] == ("warn", "flag")
    assert config["http.bind"] == ("0.0.0.0", "default")
    if e2e.SERVICES[name]["db"]:
        assert config["db.url"] == ("postgresql://sunwai:********@db2:5432/sunwai", "env")
        assert config["db.migrate"] == ("true", "default")
        assert "S3cret" not in out, out
        #  The file's key=value form is masked too.
        config, out = print_config(name, "--config", str(path))
        # rebuilt by libpq's parser as key=value pairs, password masked
        assert sorted(config["db.url"][0].split()) == sorted(
            "host=db1 user=u password=******** dbname=d".split())
        assert config["db.url"][1] == "file"
        assert "S3cret" not in out, out
    #  SUNWAI_CONFIG names the file when --config is not given.
    config, _ = print_config(name, env=dict(env, SUNWAI_CONFIG=str(path)))
    assert config["state"] == ("bihar", "file")
    assert config["http.port"] == ("4321", "env")


@pytest.mark.parametrize("url", [
    "postgresql://u:S3cretPW@h:5432/db",
    "postgres://u:S3cretPW@h/db?sslmode=require",
    "host=h user=u password=S3cretPW dbname=d",
    "host=h password = S3cretPW",
    "postgresql://u@h/db?password=S3cretPW",
    "postgresql://h/db?user=u&password=S3cretPW",
    "host=h password='S3cretPW with spaces' dbname=d",
])
def test_print_config_masks_password(url):
    config, out = print_config("router", "--set", "db.url=" + url)
    assert "S3cretPW" not in out and "spaces" not in out, out
    assert config["db.url"][1] == "flag"


# --------------------------------------------------------------------------
# Running

@pytest.mark.parametrize("name", ALL)
def test_service_lifecycle(name, request, services):
    needs_db = e2e.SERVICES[name]["db"]
    db = request.getfixturevalue("db") if needs_db else None
    t0 = time.monotonic()
    svc = services(name, db=db)
    started = svc.logs("started")[0]
    assert started["http_port"] == str(svc.http_port)

    svc.wait_ready(timeout=20)
    assert time.monotonic() - t0 < 20

    status, body, _ = svc.get("/healthz")
    assert status == 200, (status, body)

    metrics = svc.metrics()
    build = [(labels, v) for (n, labels), v in metrics.items() if n == "sunwai_build_info"]
    assert len(build) == 1, build
    labels, value = build[0]
    assert value == 1
    assert dict(labels)["service"] == "sunwai-%s" % name, labels
    version = e2e.run(name, "--version").stdout.split()[-1]
    assert dict(labels).get("version") == version, (labels, version)
    rss = metrics.get(("process_resident_memory_bytes", frozenset()))
    assert rss is not None and rss > 1024 * 1024, rss
    if needs_db:
        assert metrics.get(("sunwai_db_up", frozenset())) == 1, metrics
        assert metrics.get(("sunwai_db_connects_total", frozenset())) >= 1, metrics
        assert EXPECTED_TABLES <= db.tables(), db.tables()
        versions = db.query("SELECT version FROM schema_migrations ORDER BY version")
        assert len(versions) == migration_count(), versions

    status, body, _ = svc.get("/no-such-path")
    assert status == 404, (status, body)

    rc, took = svc.stop()
    assert rc == 0, svc.raw_log()
    assert took < 5, took
    stopped = svc.logs("stopped")[-1]
    assert stopped.get("exit_code") == "0", stopped


@pytest.mark.parametrize("name", DB_SERVICES)
def test_second_start_does_not_migrate_again(name, db, services):
    first = services(name, db=db)
    first.wait_ready()
    assert first.stop()[0] == 0
    rows = db.query("SELECT version, applied_at FROM schema_migrations ORDER BY version")
    second = services(name, db=db)
    second.wait_ready()
    assert not second.logs("applied migration"), second.raw_log()
    assert db.query("SELECT version, applied_at FROM schema_migrations ORDER BY version") == rows
    assert second.stop()[0] == 0


@pytest.mark.parametrize("name", ALL)
def test_version(name):
    r = e2e.run(name, "--version")
    assert r.returncode == 0, r.stderr
    assert re.match(r"^sunwai-%s \d+\.\d+\.\d+\S*$" % name, r.stdout.strip()), r.stdout


def test_password_is_never_logged(db, services):
    """A password in db.url appears in no log line, neither when connected
    (trust auth ignores it) nor when the connection fails."""
    password = "Pw4e2eNeverLogged"
    good = "postgresql://postgres:%s@127.0.0.1:%d/%s" % (password, db.port, db.name)
    svc = services("router", db=good)
    svc.wait_ready()
    assert svc.logs("connected to database"), svc.raw_log()
    assert svc.stop()[0] == 0
    assert password not in svc.raw_log(), svc.raw_log()

    bad = "postgresql://postgres:%s@127.0.0.1:%d/%s" % (password, e2e.free_tcp_port(),
                                                         db.name)
    svc = services("router", db=bad)
    assert svc.readyz()[0] == 503
    e2e.wait_for(lambda: svc.logs("could not connect to database"), timeout=5,
                 what="a connection failure log line")
    assert svc.stop()[0] == 0
    assert password not in svc.raw_log(), svc.raw_log()


def test_database_down_at_start(pg, services):
    port = e2e.free_tcp_port()   # nothing listens here
    svc = services("router", db=e2e.conninfo("nowhere", port))
    status, body = svc.readyz()
    assert status == 503, body
    assert body == {"status": "not_ready", "reason": "database unavailable"}, body
    status, _, _ = svc.get("/healthz")
    assert status == 200
    #  Still not ready a while later, and still retrying.
    time.sleep(1.5)
    status, body = svc.readyz()
    assert (status, body["reason"]) == (503, "database unavailable"), body
    assert svc.metric("sunwai_db_up") == 0
    assert svc.metric("sunwai_db_connects_total") == 0
    assert svc.logs("could not connect to database"), svc.raw_log()
    rc, took = svc.stop()
    assert rc == 0 and took < 5, (rc, took)


def test_database_connection_lost(db, services):
    svc = services("router", db=db)
    svc.wait_ready()
    assert svc.metric("sunwai_db_connects_total") == 1
    before = {r[0] for r in db.query(
        "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
        (db.name,))}
    assert before, "router holds no connection to %s" % db.name
    killed = db.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = %s AND pid <> pg_backend_pid()", (db.name,))
    assert killed and all(r[0] for r in killed), killed
    svc.wait_metric("sunwai_db_connects_total", lambda v: v >= 2, timeout=15)
    svc.wait_ready(timeout=15)
    assert svc.metric("sunwai_db_up") == 1
    after = {r[0] for r in db.query(
        "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
        (db.name,))}
    assert after and not (after & before), (before, after)
    rc, took = svc.stop()
    assert rc == 0 and took < 5, (rc, took)


@pytest.fixture
def hung_database():
    """A TCP port that accepts connections and never says a word, like a
    PostgreSQL server that hangs: libpq waits for connect_timeout."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.1)
    stop = threading.Event()
    accepted = []

    def accept():
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except socket.timeout:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1], accepted
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()



def test_commands_answered_while_database_hangs(services, hung_database):
    """A hanging database must not stop the router answering commands: a
    client never waits on silence."""
    port, accepted = hung_database
    svc = services("router", db="host=127.0.0.1 port=%d user=postgres dbname=x" % port)
    assert accepted, "router never tried the database"
    status, body = svc.readyz()
    assert status == 503 and body["reason"] == "database unavailable", body
    ctx = zmq.Context()
    try:
        dealer = ctx.socket(zmq.DEALER)
        dealer.connect(svc.endpoints["commands.endpoint"][1:])
        time.sleep(1.5)   # the next connection attempt is under way by now
        t0 = time.monotonic()
        dealer.send_multipart([b"junk"])
        assert dealer.poll(10000), "no reply at all"
        latency = time.monotonic() - t0
        reply = dealer.recv_multipart()
    finally:
        ctx.destroy(linger=0)
    assert reply[0] == b"sunwai.v1.CaseReply"
    rc, took = svc.stop()
    assert rc == 0 and took < 5, (rc, took)
    # a blocked loop answers after the 5 s connect timeout; a free one at once
    assert latency < 3.0, "command answered after %.1f s while the database hangs" % latency


# --------------------------------------------------------------------------
# sunwaictl migrate

MIGRATE_RE = re.compile(r"^applied (\d+) migrations?; schema version (\d+)$")


def ctl_migrate(db):
    r = e2e.run("sunwaictl", "--set", "db.url=" + db.url, "migrate")
    assert r.returncode == 0, (r.stdout, r.stderr)
    m = MIGRATE_RE.match(r.stdout.strip())
    assert m, r.stdout
    e2e.parse_log(r.stderr, "sunwaictl")
    return int(m.group(1)), int(m.group(2)), r


def test_ctl_config_errors():
    r = e2e.run("sunwaictl", "migrate")
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = e2e.parse_log(r.stderr, "sunwaictl")
    assert any('missing required config key "db.url"' in l["msg"] for l in lines), lines
    r = e2e.run("sunwaictl", "--set", "db.url=host=x", "no-such-command")
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = e2e.parse_log(r.stderr, "sunwaictl")
    assert any('unknown command "no-such-command"' in l["msg"] for l in lines), lines


def test_ctl_migrate_twice(db):
    n = migration_count()
    applied, version, r = ctl_migrate(db)
    assert applied == n, r.stdout
    assert r.stdout.startswith("applied %d migration%s;" % (n, "" if n == 1 else "s"))
    assert version >= n
    assert EXPECTED_TABLES <= db.tables()
    applied, version2, r = ctl_migrate(db)
    assert applied == 0 and version2 == version, r.stdout
    assert r.stdout.startswith("applied 0 migrations;"), r.stdout


def test_ctl_migrate_concurrently(db):
    n = migration_count()
    cmd = [e2e.binary("sunwaictl"), "--set", "db.url=" + db.url, "migrate"]
    procs = [subprocess.Popen(cmd, env=e2e.clean_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=30) + (p.returncode,) for p in procs]
    applied = []
    for out, err, rc in results:
        assert rc == 0, (out, err)
        m = MIGRATE_RE.match(out.strip())
        assert m, out
        applied.append(int(m.group(1)))
    assert sum(applied) == n and sorted(applied) == [0, n], results
    rows = db.query("SELECT version, count(*) FROM schema_migrations GROUP BY version")
    assert len(rows) == n and all(count == 1 for _, count in rows), rows


def test_ctl_without_db_url():
    r = e2e.run("sunwaictl", "migrate")
    assert r.returncode != 0
    assert "db.url" in r.stderr
    for line in r.stderr.splitlines():
        e2e.parse_log_line(line, "sunwaictl")


def test_ctl_unknown_command(db):
    r = e2e.run("sunwaictl", "--set", "db.url=" + db.url, "frobnicate")
    assert r.returncode == 2, (r.stdout, r.stderr)
