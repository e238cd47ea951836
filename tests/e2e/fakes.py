"""The local stand-ins for what lies outside the machine, as test helpers:
the fake X API (tests/support/fake_x.py) and the alert sinks
(tests/support/fake_sinks.py: webhook and SMS gateway over HTTP, SMTP)."""
import json
import os
import subprocess
import urllib.request

import sunwai_e2e as e2e

SUPPORT = os.path.join(e2e.SOURCE_DIR, "tests", "support")


def _call(base, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + "/_control/" + path, data=data,
                                 method="POST" if data is not None else "GET")
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"{}")


class FakeX:
    """fake_x.py on a free port; args are its flags (--bearer, --oauth1 ...)."""

    def __init__(self, *fixture_dirs, args=()):
        cmd = ["/usr/bin/python3", os.path.join(SUPPORT, "fake_x.py"), "--port", "0"]
        cmd += list(args)
        for d in fixture_dirs:
            cmd += ["--fixtures", d]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True)
        self.port = json.loads(self.proc.stdout.readline())["port"]
        self.base = "http://127.0.0.1:%d" % self.port

    def control(self, path, body=None):
        return _call(self.base, path, body)

    def requests(self, path_prefix):
        return [r for r in self.control("requests")["requests"] if r["path"].startswith(path_prefix)]

    def sent(self):
        return self.control("sent")["sent"]

    def close(self):
        self.proc.terminate()
        self.proc.wait(5)


class Sinks:
    """fake_sinks.py: an HTTP sink (/hook..., /sms...) and an SMTP sink."""

    def __init__(self, args=()):
        cmd = ["/usr/bin/python3", os.path.join(SUPPORT, "fake_sinks.py")] + list(args)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True)
        ports = json.loads(self.proc.stdout.readline())
        self.http_port = ports["http_port"]
        self.smtp_port = ports["smtp_port"]
        self.base = "http://127.0.0.1:%d" % self.http_port

    def control(self, path, body=None):
        return _call(self.base, path, body)

    def received(self):
        return self.control("received")

    def close(self):
        self.proc.terminate()
        self.proc.wait(5)
