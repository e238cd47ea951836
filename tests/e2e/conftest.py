"""Fixtures for the end-to-end tests; see sunwai_e2e.py for the helpers."""
import os
import re
import uuid

import psycopg2
import pytest

import sunwai_e2e as e2e


@pytest.fixture(scope="session", autouse=True)
def binaries():
    missing = [name for name in list(e2e.SERVICES) + ["sunwaictl"]
               if not os.access(e2e.binary(name), os.X_OK)]
    if missing:
        pytest.fail("binaries not built in %s: %s (build first, or set SUNWAI_BIN_DIR)"
                    % (e2e.BIN_DIR, ", ".join(missing)), pytrace=False)


@pytest.fixture(scope="session")
def pg():
    """The private cluster: its port.  Skips when there is none."""
    if not e2e.PG_DIR:
        pytest.skip("SUNWAI_TEST_PGDIR is not set: start a cluster with "
                    "tests/support/pgcluster start DIR and export SUNWAI_TEST_PGDIR=DIR "
                    "(ctest -L e2e does this)")
    if not os.path.exists(os.path.join(e2e.PG_DIR, "port")):
        #  Set but empty is a broken setup (or a concurrent pg_stop), not a
        #  reason to pass quietly.
        pytest.fail("no PostgreSQL cluster in SUNWAI_TEST_PGDIR=%s (no port file)"
                    % e2e.PG_DIR, pytrace=False)
    port = e2e.pg_port()
    try:
        psycopg2.connect(e2e.conninfo("postgres", port)).close()
    except psycopg2.OperationalError as e:
        pytest.fail("cannot reach the cluster in %s: %s" % (e2e.PG_DIR, e), pytrace=False)
    return port


class Database:
    def __init__(self, port, name):
        self.port = port
        self.name = name
        self.url = e2e.conninfo(name, port)

    def connect(self):
        conn = psycopg2.connect(self.url)
        conn.autocommit = True
        return conn

    def query(self, sql, params=None):
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                cur.execute(sql, params)
                return cur.fetchall() if cur.description else None
        finally:
            conn.close()

    def tables(self):
        return {r[0] for r in self.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def _admin(port):
    conn = psycopg2.connect(e2e.conninfo("postgres", port))
    conn.autocommit = True
    return conn


def _new_database(port, request):
    stem = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower()).strip("_")
    name = ("e2e_%s_%s" % (stem[:40], uuid.uuid4().hex[:8]))
    conn = _admin(port)
    try:
        with conn.cursor() as cur:
            cur.execute('CREATE DATABASE "%s"' % name)
    finally:
        conn.close()
    return Database(port, name)


def _drop_database(db):
    conn = _admin(db.port)
    try:
        with conn.cursor() as cur:
            cur.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % db.name)
    finally:
        conn.close()


@pytest.fixture
def db(pg, request):
    """A fresh, empty database for this test, dropped afterwards."""
    database = _new_database(pg, request)
    yield database
    _drop_database(database)


@pytest.fixture
def short_tmp():
    tmp = e2e.ShortTmp()
    yield tmp
    tmp.cleanup()


@pytest.fixture
def services(short_tmp, request):
    """Factory: start(name, *extra_args, db=None, env=None, set=None)
    starts a service with a free HTTP port on 127.0.0.1 and every ZeroMQ
    endpoint on a private ipc:// path (bind or connect as by default);
    set={key: value} overrides.  Leftover processes are killed."""
    started = []

    def start(name, *extra_args, db=None, env=None, set=None, wait_started=True):
        values = {"http.port": "0", "http.bind": "127.0.0.1"}
        for key, mode in e2e.SERVICES[name]["endpoints"].items():
            values[key] = short_tmp.ipc(mode, key.split(".")[0])
        if db is not None:
            values["db.url"] = db.url if hasattr(db, "url") else db
        values.update(set or {})
        args = []
        for key, value in values.items():
            args += ["--set", "%s=%s" % (key, value)]
        svc = e2e.Service(name, args + list(extra_args), env=env,
                          label="%s.%s" % (request.node.name, name))
        svc.endpoints = values
        started.append(svc)
        if wait_started:
            svc.start()
        return svc

    yield start
    for svc in started:
        svc.kill()
