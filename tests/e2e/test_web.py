"""The officer console and the public dashboard, end to end.

test_console_security talks HTTP to sunwai-analytics directly (no browser):
the pages' security headers, sign-in (a wrong token is 401, the cookie's
flags), CSRF (403 without or with a wrong token), scoping of the console's
reads, and static assets.

test_console_in_a_browser runs tests/browser/console.spec.mjs (Playwright,
playwright-core from npm, driving Debian's Chromium headless) against the
real stack -- PostgreSQL, sunwai-router, sunwai-notifier with the fake X
server, sunwai-analytics -- and checks its exit code and JSON: a district
officer signs in, sees only their district's cases, acknowledges and
resolves one, the citizen's resolution reply reaches the fake X server, and
the dashboard's figures change.  Screenshots go to $SUNWAI_TEST_OUT/web/.
It is skipped only when Chromium or the npm packages are missing and
SUNWAI_REQUIRE_BROWSER is not set."""
import http.client
import json
import os
import shutil
import subprocess
import urllib.parse

import pytest
import zmq

import sunwai_e2e as e2e
import test_router as tr
from analytics_helpers import make_token, start_analytics
from fakes import FakeX
from test_notifier import OAUTH, POLICE_ID, start_notifier

CHROMIUM = os.environ.get("SUNWAI_CHROMIUM", "/usr/bin/chromium")
NODE_MODULES = os.path.join(e2e.BIN_DIR, "..", "web", "npm", "node_modules")
SPEC = os.path.join(e2e.SOURCE_DIR, "tests", "browser", "console.spec.mjs")


@pytest.fixture
def db(db):
    out = e2e.run("sunwaictl", "--set", "db.url=" + db.url, "migrate")
    assert out.returncode == 0, out.stderr
    return db


@pytest.fixture
def fake_x():
    fx = FakeX(args=["--oauth1", ":".join(OAUTH), "--self-id", POLICE_ID])
    yield fx
    fx.close()


@pytest.fixture
def zctx():
    ctx = zmq.Context()
    yield ctx
    ctx.destroy(linger=0)


def tweet(db, n, text, district):
    item = {"kind": "tweet", "channel": "x_webhook", "source": "x",
            "source_id": "187100000000%07d" % n, "author_id": "18710000000000%05d" % n,
            "author_handle": "citizen%d" % n, "text": text, "created_at_ms": 0}
    cid, docket = db.query("SELECT complaint_id, docket FROM sunwai_ingest(%s::jsonb, 'up', 'UP', 0)",
                           (json.dumps([item]),))[0]
    return {"id": cid, "docket": docket, "tweet": item["source_id"], "district": district}


def start_stack(services, db, fake_x, zctx):
    """router, notifier and analytics wired together, and four complaints
    routed: three in Lucknow (162), one in Agra (146)."""
    router = tr.start_router(services, db, **{"outbox.repush_after_s": "3600"})
    notifier = start_notifier(services, db, fake_x,
                              **{"in.endpoint": ">" + router.endpoints["notify.endpoint"][1:]})
    analytics = start_analytics(services, db, **{
        "router.endpoint": ">" + router.endpoints["commands.endpoint"][1:],
        "tail.poll_ms": "100"})
    push = zctx.socket(zmq.PUSH)
    push.connect(tr.endpoint(router.endpoints["in.endpoint"]))
    cases = [tweet(db, 1, "My phone was stolen in Hazratganj market, call 9876543210", "162"),
             tweet(db, 2, "Chain snatching near Charbagh station", "162"),
             tweet(db, 3, "Loud music every night in Gomti Nagar", "162"),
             tweet(db, 4, "My bike was stolen near the Taj Mahal gate", "146")]
    names = {"162": "Lucknow", "146": "Agra"}
    for c, category in zip(cases, ["theft", "theft", "nuisance", "vehicle_theft"]):
        push.send_multipart(tr.complaint(c["id"], c["docket"], tr.classification(
            category, district=c["district"], district_name=names[c["district"]])))
    tr.wait_routed(db, [c["id"] for c in cases])
    #  Every acknowledgement delivered, so the resolution has a thread to reply in.
    e2e.wait_for(lambda: db.query("SELECT count(*) FROM outbox WHERE kind = 'ack'"
                                  " AND state = 'sent'")[0][0] == len(cases),
                 timeout=20, what="acknowledgements sent")
    e2e.wait_for(lambda: json.loads(analytics.get("/api/v1/stats")[1])["totals"]["pending"]
                 == len(cases), timeout=20, what="figures loaded")
    push.close(linger=0)
    return router, notifier, analytics, cases


class Client:
    """A tiny HTTP client that keeps one cookie and never follows redirects."""

    def __init__(self, port):
        self.port = port
        self.cookie = None

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = self.cookie
        if isinstance(body, dict):
            body = json.dumps(body)
            headers.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        data = r.read().decode("utf-8", "replace")
        conn.close()
        return r.status, data, r.headers

    def sign_in(self, token):
        status, body, headers = self.request(
            "POST", "/console/login", urllib.parse.urlencode({"token": token}),
            {"Content-Type": "application/x-www-form-urlencoded"})
        cookie = headers.get("Set-Cookie")
        if status == 303 and cookie:
            self.cookie = cookie.split(";")[0]
        return status, body, headers


def test_console_security(services, db, fake_x, zctx):
    router, notifier, analytics, cases = start_stack(services, db, fake_x, zctx)
    district = make_token(db, "district", district="162")
    api = make_token(db, "api")
    c = Client(analytics.http_port)

    #  Pages: security headers on every HTML page; assets typed; no escape
    #  from the asset table.
    for path in ("/", "/dashboard", "/console/login", "/status/" + cases[0]["docket"]):
        status, body, headers = c.request("GET", path)
        assert status == 200, (path, status, body)
        assert headers["Content-Type"].startswith("text/html"), path
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "<script>" not in body, path  # no inline script anywhere
    for path, kind in (("/web/app.css", "text/css"), ("/web/console.js", "text/javascript"),
                       ("/web/vendor/chart.umd.min.js", "text/javascript")):
        status, _, headers = c.request("GET", path)
        assert status == 200 and headers["Content-Type"].startswith(kind), (path, status)
    for path in ("/web/../../etc/passwd", "/web/%2e%2e/CMakeLists.txt", "/web/nope.js", "/nowhere"):
        assert c.request("GET", path)[0] == 404, path

    #  Without a session: pages go to sign-in, the API is 401.
    status, _, headers = c.request("GET", "/console/")
    assert status == 303 and headers["Location"] == "/console/login"
    assert c.request("GET", "/console/api/queue")[0] == 401
    assert c.request("POST", "/console/api/case/%s/acknowledge" % cases[0]["docket"], {})[0] == 401

    #  A wrong token is refused, and so is an API token.
    status, body, headers = c.sign_in("not-a-token")
    assert status == 401 and "signin-error" in body and not headers.get("Set-Cookie")
    status, body, headers = c.sign_in(api)
    assert status == 403 and not headers.get("Set-Cookie")
    assert c.request("POST", "/console/login", "token=x",
                     {"Content-Type": "application/x-www-form-urlencoded",
                      "Origin": "http://evil.example"})[0] == 403
    assert analytics.metric("sunwai_analytics_console_signins_refused_total") == 3

    #  The right one: a session cookie with the right flags.
    status, _, headers = c.sign_in(district)
    assert status == 303 and headers["Location"] == "/console/"
    cookie = headers["Set-Cookie"]
    for flag in ("HttpOnly", "SameSite=Strict", "Path=/"):
        assert flag in cookie, cookie
    assert "Secure" not in cookie  # console.secure_cookie is off here
    assert district not in cookie
    status, body, _ = c.request("GET", "/console/api/session")
    session = json.loads(body)
    assert status == 200 and session["role"] == "district" and session["district"] == "162"
    assert len(session["csrf"]) == 64

    #  Scope: the queue holds my district's cases only, by deadline.
    status, body, _ = c.request("GET", "/console/api/queue")
    queue = json.loads(body)["cases"]
    assert sorted(q["docket"] for q in queue) == sorted(x["docket"] for x in cases[:3])
    deadlines = [q["resolve_deadline"] for q in queue]
    assert deadlines == sorted(deadlines)
    assert c.request("GET", "/console/api/queue?status=bogus%27")[0] == 400
    assert c.request("GET", "/console/api/case/" + cases[3]["docket"])[0] == 403
    status, body, _ = c.request("GET", "/console/api/case/" + cases[0]["docket"])
    case = json.loads(body)
    assert status == 200 and "9876543210" not in body and "[phone]" in case["thread"][0]["text"]
    assert case["classifications"][0]["confidence"] > 0.9

    #  CSRF: no token, a wrong one, and a cross-origin request are 403 and
    #  change nothing; the right one works.
    path = "/console/api/case/%s/acknowledge" % cases[0]["docket"]
    assert c.request("POST", path, {})[0] == 403
    assert c.request("POST", path, {}, {"X-CSRF-Token": "0" * 64})[0] == 403
    assert c.request("POST", path, {}, {"X-CSRF-Token": session["csrf"][:-1]})[0] == 403
    assert c.request("POST", path, {}, {"X-CSRF-Token": session["csrf"],
                                        "Origin": "http://evil.example"})[0] == 403
    assert tr.status_of(db, cases[0]["id"])[0] == "ROUTED"
    assert analytics.metric("sunwai_analytics_console_csrf_refused_total") == 4
    assert c.request("POST", path, "{}", {"X-CSRF-Token": session["csrf"],
                                          "Content-Type": "text/plain"})[0] == 415
    status, body, _ = c.request("POST", path, {}, {"X-CSRF-Token": session["csrf"]})
    assert status == 200 and json.loads(body)["code"] == "ok", body
    assert tr.status_of(db, cases[0]["id"])[0] == "ACKNOWLEDGED"
    #  Router refuses what is not allowed, and says why.
    status, body, _ = c.request("POST", path, {}, {"X-CSRF-Token": session["csrf"]})
    assert status == 409 and json.loads(body)["code"] == "conflict"
    other = "/console/api/case/%s/acknowledge" % cases[3]["docket"]
    assert c.request("POST", other, {}, {"X-CSRF-Token": session["csrf"]})[0] == 403
    #  Bounded input
    status, _, _ = c.request("POST", "/console/api/case/%s/note" % cases[0]["docket"],
                             {"note": "x" * 2001}, {"X-CSRF-Token": session["csrf"]})
    assert status == 400
    #  A correction becomes a training label.
    status, body, _ = c.request("POST", "/console/api/case/%s/reclassify" % cases[2]["docket"],
                                {"category": "traffic"}, {"X-CSRF-Token": session["csrf"]})
    assert status == 200, body
    assert db.query("SELECT category FROM training_labels WHERE complaint_id = %s",
                    (cases[2]["id"],)) == [("traffic",)]
    #  Every action is audited by router under the officer's own login.
    actions = db.query("SELECT action, result FROM audit_log ORDER BY id")
    assert ("acknowledge", "ok") in actions and ("reclassify", "ok") in actions

    #  Revoking the token ends the session at once.
    db.query("UPDATE tokens SET revoked_at = now() WHERE token_hash = sha256(%s::bytea)",
             (district.encode(),))
    assert c.request("GET", "/console/api/queue")[0] == 401
    assert c.request("GET", "/console/api/session")[0] == 401

    for svc in (analytics, notifier, router):
        rc, _ = svc.stop()
        assert rc == 0


def _browser_missing():
    why = []
    if not os.access(CHROMIUM, os.X_OK):
        why.append("no Chromium at %s (Debian package chromium)" % CHROMIUM)
    if not shutil.which("node"):
        why.append("no node (Debian package nodejs)")
    if not os.path.isdir(os.path.join(NODE_MODULES, "playwright-core")):
        why.append("no playwright-core in %s (the sunwai-web build target runs npm ci)"
                   % os.path.normpath(NODE_MODULES))
    return why


def test_console_in_a_browser(services, db, fake_x, zctx):
    missing = _browser_missing()
    if missing:
        message = "browser tests cannot run: " + "; ".join(missing) + \
            " -- scripts/install-deps installs chromium, nodejs and npm"
        if os.environ.get("SUNWAI_REQUIRE_BROWSER"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    router, notifier, analytics, cases = start_stack(services, db, fake_x, zctx)
    token = make_token(db, "district", district="162", login="sho.lucknow")
    out = os.path.join(e2e.out_dir(), "web")
    os.makedirs(out, exist_ok=True)
    env = e2e.clean_env({
        "SUNWAI_WEB_BASE": "http://127.0.0.1:%d" % analytics.http_port,
        "SUNWAI_WEB_TOKEN": token,
        "SUNWAI_WEB_BAD_TOKEN": "tok-not-issued-" + token[-6:],
        "SUNWAI_WEB_MINE": ",".join(c["docket"] for c in cases[:3]),
        "SUNWAI_WEB_OTHER": cases[3]["docket"],
        "SUNWAI_WEB_TWEET": cases[0]["tweet"],
        "SUNWAI_FAKE_X": fake_x.base,
        "SUNWAI_WEB_OUT": out,
        "SUNWAI_NODE_MODULES": os.path.normpath(NODE_MODULES),
        "SUNWAI_CHROMIUM": CHROMIUM,
    })
    proc = subprocess.run(["node", SPEC], env=env, capture_output=True, text=True, timeout=240,
                          stdin=subprocess.DEVNULL)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, "no result from the browser test (rc %s); stderr:\n%s\nstdout:\n%s" % (
        proc.returncode, proc.stderr[-4000:], proc.stdout[-4000:])
    result = json.loads(lines[-1])
    assert proc.returncode == 0 and result["ok"], json.dumps(result, indent=1, ensure_ascii=False) \
        + "\nanalytics log:\n" + analytics.raw_log()[-3000:]

    #  What the browser did, as the database and the fake X server saw it.
    assert tr.status_of(db, cases[0]["id"])[0] == "RESOLVED"
    assert all(tr.status_of(db, c["id"])[0] == "ROUTED" for c in cases[1:])
    resolution = [s for s in fake_x.sent() if s["kind"] == "tweet"
                  and s["in_reply_to_tweet_id"] == cases[0]["tweet"]
                  and "action taken" in s["text"]]
    assert len(resolution) == 1, fake_x.sent()
    assert "9876543210" not in resolution[0]["text"]
    officers = {r[0] for r in db.query("SELECT actor FROM events WHERE complaint_id = %s"
                                       " AND event_type IN ('acknowledged', 'resolved')",
                                       (cases[0]["id"],))}
    assert officers == {"officer:sho.lucknow"}
    for name in ("console-queue.png", "console-case.png", "dashboard.png"):
        assert os.path.getsize(os.path.join(out, name)) > 1000, name
    for svc in (analytics, notifier, router):
        rc, _ = svc.stop()
        assert rc == 0
