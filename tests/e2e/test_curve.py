"""CURVE on the links that cross hosts (DESIGN.md §9): router binds with the
deployment's server certificate and lets in only the clients whose public
certificates are in curve.clients_dir; a notifier with an allowed
certificate gets the jobs, one with another certificate and a plain peer
without CURVE get nothing.  Real binaries, real TCP sockets, pyzmq as the
independent peer."""
import os
import re
import time

import pytest
import zmq

import sunwai_e2e as e2e
import test_router as tr


def keygen(name, directory):
    os.makedirs(directory, exist_ok=True)
    r = e2e.run("sunwaictl", "curve", "keygen", name, directory)
    assert r.returncode == 0, r.stderr
    return os.path.join(directory, name + ".cert")


def keys(cert_path):
    """(public, secret) Z85 keys of a certificate written by keygen."""
    text = open(cert_path + "_secret").read()
    public = re.search(r'public-key = "([^"]+)"', text).group(1)
    secret = re.search(r'secret-key = "([^"]+)"', text).group(1)
    return public.encode(), secret.encode()


@pytest.fixture
def zctx():
    ctx = zmq.Context()
    yield ctx
    ctx.destroy(linger=0)


def tcp():
    return "tcp://127.0.0.1:%d" % e2e.free_tcp_port()


def test_only_allowed_certificates_connect(services, db, short_tmp, zctx):
    certs = os.path.join(short_tmp.path, "certs")
    server = keygen("server", certs)
    allowed = os.path.join(certs, "clients")
    notifier_cert = keygen("notifier", allowed)
    tester_cert = keygen("tester", allowed)
    intruder_cert = keygen("intruder", os.path.join(certs, "elsewhere"))
    server_public, _ = keys(server)

    ends = {"in": tcp(), "commands": tcp(), "notify": tcp()}
    router = tr.start_router(services, db, **{
        "in.endpoint": "@" + ends["in"], "commands.endpoint": "@" + ends["commands"],
        "notify.endpoint": "@" + ends["notify"], "curve.cert": server + "_secret",
        "curve.clients_dir": allowed, "outbox.repush_after_s": "3600"})
    assert router.logs("CURVE on")

    def notifier(cert):
        svc = services("notifier", db=db, set={
            "in.endpoint": ">" + ends["notify"], "curve.cert": cert + "_secret",
            "curve.server_key": server_public.decode(), "outbox.poll_ms": "600000"})
        svc.wait_ready()
        return svc

    good = notifier(notifier_cert)
    bad = notifier(intruder_cert)
    plain = zctx.socket(zmq.PULL)
    plain.connect(ends["notify"])

    #  A test client allowed in by its certificate feeds router
    push = zctx.socket(zmq.PUSH)
    push.curve_publickey, push.curve_secretkey = keys(tester_cert)
    push.curve_serverkey = server_public
    push.connect(ends["in"])
    ids = []
    for _ in range(6):
        cid, docket = tr.ingest(db)
        push.send_multipart(tr.complaint(cid, docket, tr.classification("theft")))
        ids.append(cid)
    tr.wait_routed(db, ids)
    jobs = db.query("SELECT count(*) FROM outbox")[0][0]
    assert jobs >= 6
    good.wait_metric("sunwai_notifier_jobs_received_total", lambda v: v == jobs, timeout=10)
    time.sleep(0.5)
    assert bad.metric("sunwai_notifier_jobs_received_total") == 0
    assert plain.poll(200) == 0

    #  A plain PUSH without CURVE cannot hand router a complaint
    intruder = zctx.socket(zmq.PUSH)
    intruder.setsockopt(zmq.SNDTIMEO, 500)
    intruder.connect(ends["in"])
    cid, docket = tr.ingest(db)
    try:
        intruder.send_multipart(tr.complaint(cid, docket, tr.classification("theft")))
    except zmq.Again:
        pass
    time.sleep(1)
    assert tr.status_of(db, cid)[0] == "RECEIVED"
    for sock in (plain, push, intruder):
        sock.close(linger=0)
    good.stop()
    bad.stop()
    router.stop()


def test_bad_curve_settings_stop_the_start(db):
    r = e2e.run("router", "--set", "db.url=" + db.url, "--set", "http.port=0",
                "--set", "curve.cert=/nonexistent/server.cert_secret",
                "--set", "curve.clients_dir=/tmp")
    assert r.returncode != 0
    assert "could not load the CURVE certificate" in r.stderr
    r = e2e.run("notifier", "--set", "db.url=" + db.url, "--set", "http.port=0",
                "--set", "curve.server_key=abc")
    assert r.returncode != 0
    assert "need curve.cert" in r.stderr
