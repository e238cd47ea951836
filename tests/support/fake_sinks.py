#!/usr/bin/python3
"""fake_sinks: the receivers of unit alerts, for the tests and the demo.

  * an HTTP sink for webhooks and the SMS gateway: every POST is recorded
    with its headers and body; a webhook's X-Sunwai-Signature is checked
    against --webhook-secret (HMAC-SHA256 of "<X-Sunwai-Timestamp>.<body>")
    and a bad one gets 401, as a careful receiver would answer;
    --sms-token requires "Authorization: Bearer TOKEN" on /sms;
  * an SMTP sink (aiosmtpd, from Debian's python3-aiosmtpd) that records
    every message it is given.

Control, on the HTTP port:
  GET  /_control/received   {"http": [{"path","headers","body","status","time"}],
                             "mail": [{"from","to","data","time"}]}
  POST /_control/fail       {"path": "/hook", "status": 503, "count": n}
  POST /_control/reset

Usage: fake_sinks.py [--webhook-secret S] [--sms-token T] [--state-file F]
Prints {"http_port": N, "smtp_port": M} as one JSON line once it listens.
A state file keeps what was received across a restart of the sink."""
import argparse
import hashlib
import hmac
import json
import os
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

LOCK = threading.Lock()
RECEIVED = {"http": [], "mail": []}
FAILS = []
ARGS = None


def save():
    if ARGS.state_file:
        tmp = ARGS.state_file + ".tmp"
        with open(tmp, "w") as f:
            json.dump(RECEIVED, f)
        os.replace(tmp, ARGS.state_file)


class Mailbox:
    async def handle_DATA(self, server, session, envelope):
        with LOCK:
            RECEIVED["mail"].append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                                     "data": envelope.content.decode("utf-8", "replace"),
                                     "time": time.time()})
            save()
        return "250 Message accepted for delivery"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        #  Headers and body leave in two writes: without this, Nagle's
        #  algorithm and the client's delayed ACK hold each answer ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/_control/received":
            with LOCK:
                self.reply(200, RECEIVED)
        else:
            self.reply(404, {"error": "not found"})

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/_control/"):
            self.control(self.path[len("/_control/"):], raw)
            return
        status = 200
        with LOCK:
            for rule in FAILS:
                if rule.get("count", 1) > 0 and self.path.startswith(rule.get("path", "/")):
                    rule["count"] = rule.get("count", 1) - 1
                    status = int(rule.get("status", 503))
                    break
        if status == 200:
            status = self.check(raw)
        with LOCK:
            RECEIVED["http"].append({"path": self.path, "headers": dict(self.headers.items()),
                                     "body": raw.decode("utf-8", "replace"), "status": status,
                                     "time": time.time()})
            save()
        self.reply(status, {"ok": status == 200})

    def check(self, raw):
        if self.path.startswith("/sms") and ARGS.sms_token:
            if self.headers.get("Authorization") != "Bearer " + ARGS.sms_token:
                return 401
        if self.path.startswith("/hook") and ARGS.webhook_secret:
            stamp = self.headers.get("X-Sunwai-Timestamp", "")
            mac = hmac.new(ARGS.webhook_secret.encode(), stamp.encode() + b"." + raw,
                           hashlib.sha256).hexdigest()
            given = self.headers.get("X-Sunwai-Signature", "")
            if not hmac.compare_digest("sha256=" + mac, given):
                return 401
            if not stamp.isdigit() or abs(time.time() - int(stamp)) > 300:
                return 401
        return 200

    def control(self, name, raw):
        body = json.loads(raw) if raw else None
        if name == "fail":
            with LOCK:
                FAILS.extend(body if isinstance(body, list) else [body])
            self.reply(200, {"fails": len(FAILS)})
        elif name == "reset":
            with LOCK:
                RECEIVED["http"].clear()
                RECEIVED["mail"].clear()
                FAILS.clear()
                save()
            self.reply(200, {"reset": True})
        else:
            self.reply(404, {"error": "no such control"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    global ARGS
    parser = argparse.ArgumentParser(description="Local webhook, SMS gateway and SMTP sinks.")
    parser.add_argument("--http-port", type=int, default=0)
    parser.add_argument("--smtp-port", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--webhook-secret", help="verify X-Sunwai-Signature with this key")
    parser.add_argument("--sms-token", help="require this bearer token on /sms")
    parser.add_argument("--state-file", help="keep what was received here")
    ARGS = parser.parse_args()
    if ARGS.state_file and os.path.exists(ARGS.state_file):
        with open(ARGS.state_file) as f:
            RECEIVED.update(json.load(f))
    smtp_port = ARGS.smtp_port
    if smtp_port == 0:
        with socket.socket() as s:
            s.bind((ARGS.host, 0))
            smtp_port = s.getsockname()[1]
    controller = Controller(Mailbox(), hostname=ARGS.host, port=smtp_port)
    controller.start()
    server = Server((ARGS.host, ARGS.http_port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(json.dumps({"http_port": server.server_address[1], "smtp_port": smtp_port}), flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        controller.stop()
        server.server_close()


if __name__ == "__main__":
    main()
