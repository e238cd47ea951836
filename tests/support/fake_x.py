#!/usr/bin/python3
"""fake_x: a local stand-in for the X API v2, for the tests and the demo.

Speaks X's wire format on the endpoints ingest and the notifier use:

  GET  /2/tweets/:id                      lookup (missing ids: 200 + "errors")
  GET  /2/tweets?ids=a,b                  multi lookup
  GET  /2/users/:id/mentions              since_id, pagination_token, max_results
  GET  /2/tweets/search/recent            query (ignored), since_id, next_token, max_results
  GET  /2/tweets/search/stream            chunked NDJSON with "\\r\\n" keep-alives
  POST /2/tweets                          create a tweet (201)
  POST /2/dm_conversations/with/:id/messages   send a DM (201)
  GET  /2/users/me                        the account (--self-id)
  GET  /2/users/:id/tweets                the account's own posts, newest first
  GET  /2/dm_conversations/with/:id/dm_events  the DMs sent to :id, newest first

Authentication, as X checks it: with --bearer TOKEN the app token is
accepted on the read endpoints; with --oauth1 KEY:SECRET:TOKEN:TOKEN_SECRET
requests signed with OAuth 1.0a user context are verified (signature by
python3-oauthlib, consumer key, token, a 5-minute timestamp window and
nonce reuse) and a bad one gets 401; with --user-token TOKEN an OAuth 2.0
user token is accepted.  Posting and DM endpoints need user context: an app
bearer token gets 403 there, as on X.

Every answer carries x-rate-limit-limit/-remaining/-reset.  Tweet fields
are filtered by tweet.fields / expansions / user.fields / place.fields /
media.fields as X does (--no-field-filter turns that off), and "includes"
is built from what the fake knows.

Tweets come from fixture directories (any *.json holding a v2 response with
"data", or a list of them; any *.jsonl whose lines are such responses, e.g.
filtered-stream captures); files it does not understand are skipped with a
note on stderr.  Tweets from a file whose name contains "mention" count as
mentions of every user; otherwise a tweet mentions user U when it replies to
U, names U in entities.mentions, or carries "@<U's username>" in its text.

Tests steer it through /_control/ (never authenticated, never recorded):

  POST /_control/tweets      {"data":..,"includes":..,"mention_of":"U"|["U"]} or a list
  GET  /_control/tweets      {"count": n, "ids": [...]}
  POST /_control/stream      {"lines":[obj|"raw text", ...], "drop_after": n, "store": true}
                             or a list of lines, or one object
  POST /_control/fail        {"path": "/2/users/1/mentions" (or prefix*), "status": 429|503|..,
                              "count": n, "reset_in": s, "remaining": n, "method": "GET"}
                             status 200 with "remaining": 0 answers normally
                             but reports the quota as spent
  POST /_control/disconnect  end every open stream connection now
  POST /_control/config      {"page_size": n, "keepalive_s": s, "max_stream_connections": n,
                              "drop_after": n, "create_delay_s": s}
  GET  /_control/requests    {"requests": [{"seq","time","method","path","query",
                              "query_string","headers","body","status","injected"}]}
                             ("injected": true when a /_control/fail rule answered it)
  GET  /_control/sent        {"sent": [{"kind": "tweet"|"dm", ...}]}
  GET  /_control/status      {"stream_connections","queued","streamed","tweets"}
  POST /_control/reset       back to the fixtures, forget requests/sent/failures

Usage:
  fake_x.py --port 0 --fixtures DIR [--fixtures DIR2] [--state-file FILE]
            [--bearer TOKEN] [--oauth1 K:S:T:TS] [--user-token TOKEN]
            [--self-id USER_ID] [--queue-stream]
            [--keepalive S] [--host 127.0.0.1] [--verbose]

Prints {"port": N} as one JSON line on stdout once it listens.  The state
file, if given, holds {"port","pid"} plus the tweets added and the replies
sent through the API, so a restarted fake keeps them.

Standard library only. """
import argparse
import collections
import copy
import datetime
import gc
import json
import os
import re
import secrets
import signal
import socket
import sys
import threading
import time
import unicodedata
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TWITTER_EPOCH_MS = 1288834974657
#  Every request is kept (and every post), so after a benchmark's burst the
#  fake holds hundreds of thousands of small dicts, and each of CPython's
#  full collections walked them all: 200-400 ms with every thread stopped,
#  which showed up as Sunwai's latency (bench/README.md).  What is kept is
#  moved out of the collector's sight every so many requests; it is still
#  freed by reference counting when /_control/reset drops it.
GC_FREEZE_EVERY = 10000
RATE_WINDOW_S = 900

TWEET_DEFAULT = ("id", "text", "edit_history_tweet_ids")
USER_DEFAULT = ("id", "name", "username")
PLACE_DEFAULT = ("id", "full_name")
MEDIA_DEFAULT = ("media_key", "type")
#  expansion -> the tweet field it needs
EXPANSION_SOURCE = {
    "author_id": "author_id",
    "geo.place_id": "geo",
    "attachments.media_keys": "attachments",
    "attachments.poll_ids": "attachments",
    "referenced_tweets.id": "referenced_tweets",
    "in_reply_to_user_id": "in_reply_to_user_id",
    "entities.mentions.username": "entities",
    "edit_history_tweet_ids": "edit_history_tweet_ids",
}
#  endpoint -> requests per 15 minutes (what X documents for app auth)
RATE_LIMITS = {
    "lookup": 300, "lookup_multi": 300, "mentions": 450, "search": 450,
    "stream": 50, "create_tweet": 200, "dm": 200, "other": 300,
    "timeline": 900, "dm_events": 300, "me": 75,
}
#  Endpoints that only a user (OAuth 1.0a or an OAuth 2.0 user token) may call
USER_CONTEXT_ENDPOINTS = {"create_tweet", "dm", "dm_events", "me", "timeline"}
DEFAULT_CONFIG = {
    "page_size": None,             # cap on results per page (None: max_results)
    "keepalive_s": 0.5,            # blank line period on the stream
    "max_stream_connections": 1,   # more get 429 TooManyConnections
    "drop_after": None,            # drop stream connections after n more lines
    "create_delay_s": 0,           # POST /2/tweets and DMs answer this late (the post
                                   # is stored after the delay, even if the client left)
}
VERBOSE = False


def log(*parts):
    print("fake_x:", *parts, file=sys.stderr, flush=True)


def id_key(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def is_id(value):
    return isinstance(value, str) and value.isdigit() and 0 < len(value) <= 19


def is_tweet(obj):
    return (isinstance(obj, dict) and is_id(obj.get("id"))
            and isinstance(obj.get("text"), str) and "event_type" not in obj)


def split_list(value):
    if not value:
        return set()
    return {part.strip() for part in value.split(",") if part.strip()}


def pick(obj, keys):
    return {k: v for k, v in obj.items() if k in keys}


class State:
    """Everything the fake knows, behind one lock (a condition, so the
    stream handlers can wait for lines)."""

    def __init__(self, args):
        self.args = args
        self.cond = threading.Condition()
        self.last_id = 0
        self.port = None
        #  Fixtures, loaded once; reset goes back to these
        self.base = {"tweets": {}, "refs": {}, "users": {}, "places": {},
                     "media": {}, "mention_of": {}, "rules": {}}
        self.base_queue = []
        for directory in args.fixtures or []:
            self.load_dir(directory)
        self.reset(persist=False)
        if args.state_file:
            self.load_state()

    # ------------------------------------------------------------------
    #  Fixtures

    def load_dir(self, directory):
        if not os.path.isdir(directory):
            log(f"fixtures directory {directory} not found, skipped")
            return
        for root, dirs, files in os.walk(directory):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                try:
                    if name.endswith(".jsonl") or name.endswith(".ndjson"):
                        self.load_jsonl(path, name)
                    elif name.endswith(".json"):
                        self.load_json(path, name)
                except (OSError, UnicodeDecodeError) as exc:
                    log(f"skipped {path}: {exc}")

    def load_json(self, path, name):
        with open(path, encoding="utf-8") as f:
            try:
                body = json.load(f)
            except ValueError as exc:
                log(f"skipped {path}: not JSON ({exc})")
                return
        mention = ["*"] if "mention" in name.lower() else None
        bodies = body if isinstance(body, list) else [body]
        added = 0
        for item in bodies:
            ids = self.add_response(self.base, item, mention)
            added += len(ids or [])
        if not added:
            log(f"skipped {path}: no v2 tweets in it")

    def load_jsonl(self, path, name):
        mention = ["*"] if "mention" in name.lower() else None
        stream = "stream" in name.lower()
        added = skipped = 0
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    body = json.loads(line)
                except ValueError:
                    skipped += 1
                    if stream and self.args.queue_stream:
                        self.base_queue.append(line)
                    continue
                ids = self.add_response(self.base, body, mention)
                if ids:
                    added += len(ids)
                else:
                    skipped += 1
                if stream and self.args.queue_stream:
                    self.base_queue.append(line)
        if skipped:
            log(f"{path}: {skipped} line(s) not v2 tweets, skipped ({added} tweets loaded)")

    def add_response(self, store, body, mention_of=None):
        """Adds the tweets and includes of one v2 response (or stream line)
        to store; returns the ids of the tweets added, or None if the body
        is not a v2 response."""
        if not isinstance(body, dict) or "data" not in body:
            return None
        data = body["data"]
        items = data if isinstance(data, list) else [data]
        includes = body.get("includes")
        if isinstance(includes, dict):
            for kind, key, pool in (("users", "id", "users"), ("places", "id", "places"),
                                    ("media", "media_key", "media"), ("tweets", "id", "refs")):
                for obj in includes.get(kind) or []:
                    if isinstance(obj, dict) and isinstance(obj.get(key), str):
                        store[pool][obj[key]] = obj
        if isinstance(mention_of, str):
            mention_of = [mention_of]
        ids = []
        for tweet in items:
            if not is_tweet(tweet):
                continue
            store["tweets"][tweet["id"]] = tweet
            if mention_of:
                store["mention_of"].setdefault(tweet["id"], set()).update(mention_of)
            if isinstance(body.get("matching_rules"), list):
                store["rules"][tweet["id"]] = body["matching_rules"]
            ids.append(tweet["id"])
            self.last_id = max(self.last_id, id_key(tweet["id"]))
        return ids

    # ------------------------------------------------------------------
    #  State

    def reset(self, persist=True):
        with self.cond:
            self.store = copy.deepcopy(self.base)
            self.queue = collections.deque(self.base_queue)
            self.streamed = []
            self.requests = []
            self.sent = []
            self.added = []
            self.fails = []
            self.tokens = {}
            self.rate = {}
            self.nonces = set()
            self.seq = 0
            self.config = dict(DEFAULT_CONFIG)
            self.config["keepalive_s"] = self.args.keepalive
            self.gen = getattr(self, "gen", 0) + 1   # ends open streams
            self.streams_active = getattr(self, "streams_active", 0)
            self.cond.notify_all()
        if persist:
            self.save_state()

    def load_state(self):
        try:
            with open(self.args.state_file, encoding="utf-8") as f:
                saved = json.load(f)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log(f"state file {self.args.state_file} unreadable, ignored: {exc}")
            return
        if not isinstance(saved, dict):
            return
        with self.cond:
            for item in saved.get("added") or []:
                if isinstance(item, dict):
                    self.add_response(self.store, item, item.get("mention_of"))
                    self.added.append(item)
            self.sent = [s for s in saved.get("sent") or [] if isinstance(s, dict)]
            self.last_id = max(self.last_id, id_key(saved.get("last_id")))

    def save_state(self):
        if not self.args.state_file:
            return
        with self.cond:
            snapshot = {"port": self.port, "pid": os.getpid(), "last_id": str(self.last_id),
                        "added": self.added, "sent": self.sent}
            text = json.dumps(snapshot, ensure_ascii=False, indent=1)
        tmp = self.args.state_file + ".tmp"
        try:
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, self.args.state_file)
        except OSError as exc:
            log(f"could not write state file: {exc}")

    def next_id(self):
        """A snowflake id, larger than every id seen so far."""
        with self.cond:
            ms = int(time.time() * 1000) - TWITTER_EPOCH_MS
            new = max(ms << 22, self.last_id + 1)
            self.last_id = new
            return str(new)

    # ------------------------------------------------------------------
    #  Queries

    def tweet(self, tweet_id):
        return self.store["tweets"].get(tweet_id) or self.store["refs"].get(tweet_id)

    def mentions(self, user_id):
        user = self.store["users"].get(user_id) or {}
        username = (user.get("username") or "").lower()
        handle = re.compile(r"@" + re.escape(username) + r"\b", re.I) if username else None
        found = []
        for tweet_id, tweet in self.store["tweets"].items():
            if tweet.get("author_id") == user_id:
                continue
            tags = self.store["mention_of"].get(tweet_id, ())
            entities = tweet.get("entities") if isinstance(tweet.get("entities"), dict) else {}
            named = any(isinstance(m, dict) and (m.get("id") == user_id or (
                username and str(m.get("username", "")).lower() == username))
                for m in entities.get("mentions") or [])
            if ("*" in tags or user_id in tags or named
                    or tweet.get("in_reply_to_user_id") == user_id
                    or (handle and handle.search(tweet.get("text", "")))):
                found.append(tweet)
        return found

    def render(self, tweets, q, single=False):
        """{"data", "includes"} for tweets, as the request's fields ask."""
        tf = split_list(q.get("tweet.fields"))
        exp = split_list(q.get("expansions"))
        uf = split_list(q.get("user.fields"))
        pf = split_list(q.get("place.fields"))
        mf = split_list(q.get("media.fields"))
        raw = self.args.no_field_filter
        keep = set(TWEET_DEFAULT) | tf | {EXPANSION_SOURCE[e] for e in exp if e in EXPANSION_SOURCE}
        users, places, media, refs = {}, {}, {}, {}

        def user(uid):
            if uid in self.store["users"] and uid not in users:
                u = self.store["users"][uid]
                users[uid] = u if raw else pick(u, set(USER_DEFAULT) | uf)

        data = []
        for t in tweets:
            out = copy.deepcopy(t) if raw else pick(t, keep)
            if not raw and "edit_history_tweet_ids" not in out:
                out["edit_history_tweet_ids"] = [t["id"]]
            data.append(out)
            if "author_id" in exp and t.get("author_id"):
                user(t["author_id"])
            if "in_reply_to_user_id" in exp and t.get("in_reply_to_user_id"):
                user(t["in_reply_to_user_id"])
            geo = t.get("geo") if isinstance(t.get("geo"), dict) else {}
            pid = geo.get("place_id")
            if "geo.place_id" in exp and pid in self.store["places"]:
                p = self.store["places"][pid]
                places[pid] = p if raw else pick(p, set(PLACE_DEFAULT) | pf)
            att = t.get("attachments") if isinstance(t.get("attachments"), dict) else {}
            if "attachments.media_keys" in exp:
                for key in att.get("media_keys") or []:
                    if key in self.store["media"]:
                        m = self.store["media"][key]
                        media[key] = m if raw else pick(m, set(MEDIA_DEFAULT) | mf)
            if "referenced_tweets.id" in exp:
                for ref in t.get("referenced_tweets") or []:
                    rid = ref.get("id") if isinstance(ref, dict) else None
                    rt = self.tweet(rid) if rid else None
                    if rt and rid not in refs:
                        refs[rid] = rt if raw else pick(rt, keep)
        body = {"data": data[0] if single else data}
        includes = {}
        for name, pool in (("users", users), ("places", places), ("media", media), ("tweets", refs)):
            if pool:
                includes[name] = list(pool.values())
        if includes:
            body["includes"] = includes
        return body


STATE = None


URL_RE = re.compile(r"(?:(?<=\s)|^)https?://\S+")


def weighted_length(text):
    """A post's length as twitter-text 3 counts it: NFC, code points in
    U+0000-10FF, 2000-200D, 2010-201F, 2032-2037 weigh 1, others 2, and a
    URL 23."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    for url in URL_RE.findall(text):
        total += 23
    text = URL_RE.sub("", text)
    for ch in text:
        c = ord(ch)
        light = (c <= 0x10FF or 0x2000 <= c <= 0x200D or 0x2010 <= c <= 0x201F
                 or 0x2032 <= c <= 0x2037)
        total += 1 if light else 2
    return total


def parse_time(value):
    """An X timestamp (2026-11-29T10:15:00Z or with .000Z) as epoch seconds."""
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def problem(status, title=None, detail=None, **extra):
    phrase = HTTPStatus(status).phrase
    body = {"title": title or phrase, "detail": detail or phrase, "type": "about:blank",
            "status": status}
    body.update(extra)
    return body


def invalid_request(param, value, message):
    return {"errors": [{"parameters": {param: [value]}, "message": message}],
            "title": "Invalid Request",
            "detail": "One or more parameters to your request was invalid.",
            "type": "https://api.twitter.com/2/problems/invalid-request"}


def not_found(tweet_id):
    return {"value": tweet_id, "detail": f"Could not find tweet with id: [{tweet_id}].",
            "type": "https://api.twitter.com/2/problems/resource-not-found",
            "title": "Not Found Error", "parameter": "id", "resource_type": "tweet"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        #  Headers and body leave in separate writes: without this, Nagle's
        #  algorithm and the client's delayed ACK hold each answer ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    server_version = "fake_x/1.0"

    def log_message(self, fmt, *args):
        if VERBOSE:
            log(self.address_string(), fmt % args)

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_PUT(self):
        self.dispatch("PUT")

    def do_DELETE(self):
        self.dispatch("DELETE")

    # ------------------------------------------------------------------
    #  Plumbing

    def dispatch(self, method):
        url = urllib.parse.urlsplit(self.path)
        self.path_only = url.path
        self.query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query, keep_blank_values=True).items()}
        length = self.headers.get("Content-Length")
        try:
            raw = self.rfile.read(int(length)) if length else b""
        except ValueError:
            raw = b""
        try:
            self.body = json.loads(raw) if raw else None
        except ValueError:
            self.body = raw.decode("utf-8", "replace")
        self.record = None
        self.rate_override = None
        try:
            if url.path.startswith("/_control/"):
                self.control(method, url.path)
            else:
                self.api(method, url.path, url.query)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def send_json(self, status, body, endpoint=None, headers=None):
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        if self.record is not None:
            self.record["status"] = status
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if endpoint:
            self.rate_headers(endpoint)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def rate_headers(self, endpoint):
        limit = RATE_LIMITS.get(endpoint, RATE_LIMITS["other"])
        now = time.time()
        with STATE.cond:
            window = STATE.rate.get(endpoint)
            if not window or now >= window["reset"]:
                window = STATE.rate[endpoint] = {"reset": int(now) + RATE_WINDOW_S, "used": 0}
            window["used"] += 1
            remaining = max(limit - window["used"], 1)
            reset = window["reset"]
        if self.rate_override:
            remaining, reset = self.rate_override
        self.send_header("x-rate-limit-limit", str(limit))
        self.send_header("x-rate-limit-remaining", str(remaining))
        self.send_header("x-rate-limit-reset", str(reset))

    # ------------------------------------------------------------------
    #  The API

    def api(self, method, path, query_string):
        with STATE.cond:
            STATE.seq += 1
            self.record = {"seq": STATE.seq, "time": time.time(), "method": method, "path": path,
                           "query": self.query, "query_string": query_string,
                           "headers": dict(self.headers.items()), "body": self.body,
                           "status": None, "injected": False}
            STATE.requests.append(self.record)
            if STATE.seq % GC_FREEZE_EVERY == 0:
                gc.freeze()
        endpoint = self.endpoint(method, path)
        if not self.authorised(method, path, endpoint):
            return
        if self.injected_failure(method, path, endpoint):
            return
        parts = path.strip("/").split("/")
        if method == "GET" and path == "/2/tweets/search/stream":
            self.stream()
        elif method == "GET" and path == "/2/tweets/search/recent":
            self.search()
        elif method == "GET" and path == "/2/tweets":
            self.lookup_multi()
        elif method == "GET" and len(parts) == 3 and parts[:2] == ["2", "tweets"]:
            self.lookup(parts[2])
        elif method == "GET" and len(parts) == 4 and parts[:2] == ["2", "users"] and parts[3] == "mentions":
            self.user_mentions(parts[2])
        elif method == "POST" and path == "/2/tweets":
            self.create_tweet()
        elif (method == "POST" and len(parts) == 5 and parts[:3] == ["2", "dm_conversations", "with"]
              and parts[4] == "messages"):
            self.send_dm(parts[3])
        elif method == "GET" and path == "/2/users/me":
            me = STATE.args.self_id or "1"
            self.send_json(200, {"data": {"id": me, "name": "Police", "username": "police"}}, "me")
        elif method == "GET" and len(parts) == 4 and parts[:2] == ["2", "users"] and parts[3] == "tweets":
            self.user_tweets(parts[2])
        elif (method == "GET" and len(parts) == 5 and parts[:3] == ["2", "dm_conversations", "with"]
              and parts[4] == "dm_events"):
            self.dm_events(parts[3])
        else:
            self.send_json(404, problem(404, "Not Found Error", "Not Found"))

    def authorised(self, method, path, endpoint):
        """Checks the Authorization header as configured; answers 401/403
        and returns False when it fails."""
        args = STATE.args
        if args.bearer is None and args.oauth1 is None and args.user_token is None:
            return True
        header = self.headers.get("Authorization") or ""
        user_context = False
        ok = False
        if header.startswith("OAuth ") and args.oauth1:
            ok = self.verify_oauth1(method, header)
            user_context = ok
        elif header.startswith("Bearer "):
            token = header[len("Bearer "):]
            if args.user_token is not None and token == args.user_token:
                ok = user_context = True
            elif args.bearer is not None and token == args.bearer:
                ok = True
        if not ok:
            self.send_json(401, {"title": "Unauthorized", "type": "about:blank",
                                 "status": 401, "detail": "Unauthorized"})
            return False
        if endpoint in USER_CONTEXT_ENDPOINTS and not user_context:
            self.send_json(403, problem(403, "Unsupported Authentication",
                                        "Authenticating with OAuth 2.0 Application-Only is forbidden "
                                        "for this endpoint.  Supported authentication types are "
                                        "[OAuth 1.0a User Context, OAuth 2.0 User Context]."),
                           endpoint)
            return False
        return True

    def verify_oauth1(self, method, header):
        from oauthlib.oauth1.rfc5849 import signature, utils
        key, secret, token, token_secret = STATE.args.oauth1.split(":", 3)
        try:
            oauth = {k: urllib.parse.unquote(v) for k, v in utils.parse_authorization_header(header)}
        except ValueError:
            return False
        host = self.headers.get("Host") or f"127.0.0.1:{STATE.port}"
        uri = f"http://{host}{self.path}"
        params = signature.collect_parameters(uri_query=urllib.parse.urlsplit(self.path).query,
                                              headers={"Authorization": header},
                                              exclude_oauth_signature=True, with_realm=False)
        base = signature.signature_base_string(method, signature.base_string_uri(uri),
                                               signature.normalize_parameters(params))
        expected = signature.sign_hmac_sha1(base, secret, token_secret)
        try:
            stamp = int(oauth.get("oauth_timestamp", "0"))
        except ValueError:
            return False
        nonce = oauth.get("oauth_nonce", "")
        with STATE.cond:
            fresh = nonce and nonce not in STATE.nonces
            STATE.nonces.add(nonce)
        return (oauth.get("oauth_signature") == expected and oauth.get("oauth_consumer_key") == key
                and oauth.get("oauth_token") == token
                and oauth.get("oauth_signature_method") == "HMAC-SHA1"
                and abs(time.time() - stamp) <= 300 and fresh)

    @staticmethod
    def endpoint(method, path):
        if path == "/2/tweets/search/stream":
            return "stream"
        if path == "/2/tweets/search/recent":
            return "search"
        if path.endswith("/mentions"):
            return "mentions"
        if path.startswith("/2/dm_conversations/"):
            return "dm" if method == "POST" else "dm_events"
        if path == "/2/users/me":
            return "me"
        if path.startswith("/2/users/") and path.endswith("/tweets"):
            return "timeline"
        if path == "/2/tweets":
            return "create_tweet" if method == "POST" else "lookup_multi"
        if path.startswith("/2/tweets/"):
            return "lookup"
        return "other"

    def injected_failure(self, method, path, endpoint):
        with STATE.cond:
            rule = None
            for candidate in STATE.fails:
                want = candidate.get("path")
                if want and not (path == want or (want.endswith("*") and path.startswith(want[:-1]))):
                    continue
                if candidate.get("method") and candidate["method"].upper() != method:
                    continue
                if candidate.get("count", 1) <= 0:
                    continue
                rule = candidate
                break
            if rule is None:
                return False
            rule["count"] = rule.get("count", 1) - 1
            STATE.fails = [f for f in STATE.fails if f.get("count", 1) > 0]
        status = int(rule.get("status", 503))
        if self.record is not None:
            self.record["injected"] = True
        reset = int(time.time() + float(rule.get("reset_in", 1)) + 0.999)
        remaining = rule.get("remaining", 0 if status == 429 else None)
        if remaining is not None:
            self.rate_override = (int(remaining), reset)
        if status < 400:
            if self.rate_override is None:
                self.rate_override = (0, reset)
            return False
        if status == 429:
            body = problem(429, "Too Many Requests", "Too Many Requests")
        else:
            body = problem(status)
        self.send_json(status, body, endpoint)
        return True

    def max_results(self, low, high, default):
        value = self.query.get("max_results")
        if value is None:
            n = default
        else:
            try:
                n = int(value)
            except ValueError:
                n = -1
            if not low <= n <= high:
                self.send_json(400, invalid_request(
                    "max_results", value,
                    f"The `max_results` query parameter value [{value}] is not between {low} and {high}"))
                return None
        cap = STATE.config.get("page_size")
        return min(n, cap) if cap else n

    def check_id_param(self, name):
        value = self.query.get(name)
        if value is not None and not is_id(value):
            self.send_json(400, invalid_request(
                name, value, f"The `{name}` query parameter value [{value}] is not valid"))
            return False
        return True

    def page(self, tweets, endpoint, token_param):
        """Answers one page of a newest-first timeline, with meta and a
        next token kept server-side."""
        token = self.query.get(token_param)
        until = None
        if token is not None:
            with STATE.cond:
                state = STATE.tokens.get(token)
            if state is None:
                self.send_json(400, invalid_request(
                    token_param, token, f"The `{token_param}` query parameter value [{token}] is not valid"),
                    endpoint)
                return
            until = state["until"]
        size = self.max_results(5 if endpoint == "mentions" else 10, 100, 10)
        if size is None:
            return
        since = id_key(self.query.get("since_id")) if self.query.get("since_id") else -1
        start = parse_time(self.query.get("start_time"))
        if start is not None:
            tweets = [t for t in tweets if (parse_time(t.get("created_at")) or start) >= start]
        chosen = sorted((t for t in tweets if id_key(t["id"]) > since
                         and (until is None or id_key(t["id"]) < until)),
                        key=lambda t: id_key(t["id"]), reverse=True)
        page, rest = chosen[:size], chosen[size:]
        body = self.render(page) if page else {}
        meta = {"result_count": len(page)}
        if page:
            meta["newest_id"] = page[0]["id"]
            meta["oldest_id"] = page[-1]["id"]
        if rest:
            next_token = secrets.token_hex(16)
            with STATE.cond:
                STATE.tokens[next_token] = {"until": id_key(page[-1]["id"])}
            meta["next_token"] = next_token
        body["meta"] = meta
        self.send_json(200, body, endpoint)

    def render(self, tweets, single=False):
        with STATE.cond:
            return STATE.render(tweets, self.query, single)

    def lookup(self, tweet_id):
        with STATE.cond:
            tweet = STATE.tweet(tweet_id) if is_id(tweet_id) else None
        if not is_id(tweet_id):
            self.send_json(400, invalid_request(
                "id", tweet_id, f"The `id` query parameter value [{tweet_id}] does not match ^[0-9]{{1,19}}$"),
                "lookup")
        elif tweet is None:
            self.send_json(200, {"errors": [not_found(tweet_id)]}, "lookup")
        else:
            self.send_json(200, self.render([tweet], single=True), "lookup")

    def lookup_multi(self):
        ids = [i for i in (self.query.get("ids") or "").split(",") if i]
        if not ids or len(ids) > 100 or not all(is_id(i) for i in ids):
            self.send_json(400, invalid_request("ids", self.query.get("ids", ""),
                                                "The `ids` query parameter value is not valid"),
                           "lookup_multi")
            return
        with STATE.cond:
            found = [STATE.tweet(i) for i in ids]
        body = self.render([t for t in found if t]) if any(found) else {}
        errors = [not_found(i) for i, t in zip(ids, found) if t is None]
        if errors:
            body["errors"] = errors
        self.send_json(200, body, "lookup_multi")

    def user_mentions(self, user_id):
        if not is_id(user_id):
            self.send_json(400, invalid_request("id", user_id, f"The `id` query parameter value [{user_id}] is not valid"),
                           "mentions")
            return
        if not self.check_id_param("since_id") or not self.check_id_param("until_id"):
            return
        with STATE.cond:
            tweets = STATE.mentions(user_id)
        self.page(tweets, "mentions", "pagination_token")

    def search(self):
        if not self.query.get("query"):
            self.send_json(400, invalid_request("query", "", "The `query` query parameter can not be empty"),
                           "search")
            return
        if not self.check_id_param("since_id"):
            return
        with STATE.cond:
            tweets = list(STATE.store["tweets"].values())
        self.page(tweets, "search", "next_token")

    def create_tweet(self):
        body = self.body if isinstance(self.body, dict) else {}
        text = body.get("text")
        if not isinstance(text, str) or not text:
            self.send_json(400, invalid_request("text", "", "Tweet text is missing"), "create_tweet")
            return
        if weighted_length(text) > 280:
            self.send_json(403, problem(403, "Forbidden", "Your Tweet text is too long. For more "
                                        "information on how Twitter determines text length see "
                                        "https://github.com/twitter/twitter-text."), "create_tweet")
            return
        time.sleep(float(STATE.config.get("create_delay_s") or 0))
        new_id = STATE.next_id()
        reply = body.get("reply") if isinstance(body.get("reply"), dict) else {}
        tweet = {"id": new_id, "text": text, "edit_history_tweet_ids": [new_id],
                 "created_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())}
        if STATE.args.self_id:
            tweet["author_id"] = STATE.args.self_id
        if reply.get("in_reply_to_tweet_id"):
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": reply["in_reply_to_tweet_id"]}]
        with STATE.cond:
            STATE.store["tweets"][new_id] = tweet
            STATE.sent.append({"kind": "tweet", "id": new_id, "text": text,
                               "in_reply_to_tweet_id": reply.get("in_reply_to_tweet_id"),
                               "body": body, "time": time.time()})
        STATE.save_state()
        self.send_json(201, {"data": {"id": new_id, "text": text, "edit_history_tweet_ids": [new_id]}},
                       "create_tweet")

    def user_tweets(self, user_id):
        if not is_id(user_id):
            self.send_json(400, invalid_request("id", user_id, f"The `id` query parameter value [{user_id}] is not valid"),
                           "timeline")
            return
        with STATE.cond:
            tweets = [t for t in STATE.store["tweets"].values() if t.get("author_id") == user_id]
        self.page(tweets, "timeline", "pagination_token")

    def dm_events(self, participant):
        me = STATE.args.self_id or "1"
        with STATE.cond:
            sent = [d for d in STATE.sent if d.get("kind") == "dm" and d.get("participant_id") == participant]
        size = self.max_results(1, 100, 100)
        if size is None:
            return
        events = [{"id": d["dm_event_id"], "event_type": "MessageCreate", "text": d["text"],
                   "sender_id": me, "dm_conversation_id": d["dm_conversation_id"]}
                  for d in sorted(sent, key=lambda d: id_key(d["dm_event_id"]), reverse=True)[:size]]
        fields = set(split_list(self.query.get("dm_event.fields")))
        for event in events:
            for name in ("sender_id", "dm_conversation_id"):
                if name not in fields:
                    event.pop(name)
        body = {"data": events} if events else {}
        body["meta"] = {"result_count": len(events)}
        self.send_json(200, body, "dm_events")

    def send_dm(self, participant):
        body = self.body if isinstance(self.body, dict) else {}
        text = body.get("text")
        if not is_id(participant) or not isinstance(text, str) or not text:
            self.send_json(400, invalid_request("text", "", "DM text is missing"), "dm")
            return
        time.sleep(float(STATE.config.get("create_delay_s") or 0))
        event_id = STATE.next_id()
        me = STATE.args.self_id or "1"
        a, b = sorted((me, participant), key=id_key)
        conversation = f"{a}-{b}"
        with STATE.cond:
            STATE.sent.append({"kind": "dm", "participant_id": participant, "text": text,
                               "dm_conversation_id": conversation, "dm_event_id": event_id,
                               "body": body, "time": time.time()})
        STATE.save_state()
        self.send_json(201, {"data": {"dm_conversation_id": conversation, "dm_event_id": event_id}}, "dm")

    def stream(self):
        with STATE.cond:
            if STATE.streams_active >= STATE.config["max_stream_connections"]:
                busy = True
            else:
                busy = False
                STATE.streams_active += 1
                gen = STATE.gen
        if busy:
            self.rate_override = (0, int(time.time()) + 1)
            self.send_json(429, {
                "title": "ConnectionException",
                "detail": "This stream is currently at the maximum allowed connection limit.",
                "connection_issue": "TooManyConnections",
                "type": "https://api.twitter.com/2/problems/streaming-connection"}, "stream")
            return
        line = None
        try:
            if self.record is not None:
                self.record["status"] = 200
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.rate_headers("stream")
            self.end_headers()
            self.wfile.flush()
            while True:
                drop = False
                with STATE.cond:
                    deadline = time.time() + STATE.config["keepalive_s"]
                    while not STATE.queue and STATE.gen == gen:
                        left = deadline - time.time()
                        if left <= 0:
                            break
                        STATE.cond.wait(left)
                    if STATE.gen != gen:
                        break
                    line = STATE.queue.popleft() if STATE.queue else None
                    if line is not None and STATE.config["drop_after"] is not None:
                        STATE.config["drop_after"] -= 1
                        if STATE.config["drop_after"] <= 0:
                            STATE.config["drop_after"] = None
                            drop = True
                payload = ((line or "") + "\r\n").encode("utf-8")
                self.wfile.write(b"%x\r\n%s\r\n" % (len(payload), payload))
                self.wfile.flush()
                if line is not None:
                    with STATE.cond:
                        STATE.streamed.append(line)
                    line = None
                if drop:
                    break
        except OSError:
            if line is not None:
                with STATE.cond:
                    STATE.queue.appendleft(line)   # not sent: keep it for the next connection
        finally:
            with STATE.cond:
                STATE.streams_active -= 1
                STATE.cond.notify_all()
            #  Dropped, as X drops a stream: no last chunk, just a closed socket
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    # ------------------------------------------------------------------
    #  Control

    def control(self, method, path):
        name = path[len("/_control/"):].strip("/")
        body = self.body
        if method == "GET" and name == "requests":
            with STATE.cond:
                self.send_json(200, {"requests": list(STATE.requests)})
        elif method == "GET" and name == "sent":
            with STATE.cond:
                self.send_json(200, {"sent": list(STATE.sent)})
        elif method == "GET" and name == "status":
            with STATE.cond:
                status = {"stream_connections": STATE.streams_active, "queued": len(STATE.queue),
                          "streamed": len(STATE.streamed), "tweets": len(STATE.store["tweets"])}
            self.send_json(200, status)
        elif method == "GET" and name == "tweets":
            with STATE.cond:
                ids = sorted(STATE.store["tweets"], key=id_key)
            self.send_json(200, {"count": len(ids), "ids": ids})
        elif method == "POST" and name == "tweets":
            items = body if isinstance(body, list) else [body]
            added = []
            for item in items:
                #  A tweet without an id gets a fresh one
                data = item.get("data") if isinstance(item, dict) else None
                for tweet in data if isinstance(data, list) else [data]:
                    if isinstance(tweet, dict) and "id" not in tweet and isinstance(tweet.get("text"), str):
                        tweet["id"] = STATE.next_id()
                with STATE.cond:
                    ids = STATE.add_response(STATE.store, item, item.get("mention_of") if isinstance(item, dict) else None)
                    if ids:
                        STATE.added.append(item)
                        added.extend(ids)
                if ids is None:
                    self.send_json(400, {"error": "each item must be a v2 response with \"data\""})
                    return
            STATE.save_state()
            self.send_json(200, {"added": added})
        elif method == "POST" and name == "stream":
            store = True
            drop_after = None
            if isinstance(body, dict) and "lines" in body:
                lines = body.get("lines") or []
                store = body.get("store", True)
                drop_after = body.get("drop_after")
            elif isinstance(body, list):
                lines = body
            elif body is None:
                lines = []
            else:
                lines = [body]
            with STATE.cond:
                for line in lines:
                    if isinstance(line, str):
                        STATE.queue.append(line)
                    else:
                        STATE.queue.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
                        if store:
                            STATE.add_response(STATE.store, line)
                if drop_after is not None:
                    STATE.config["drop_after"] = int(drop_after)
                STATE.cond.notify_all()
                queued = len(STATE.queue)
            self.send_json(200, {"queued": queued})
        elif method == "POST" and name == "fail":
            rules = body if isinstance(body, list) else [body]
            if not all(isinstance(r, dict) for r in rules):
                self.send_json(400, {"error": "expected {\"path\", \"status\", \"count\", \"reset_in\"}"})
                return
            with STATE.cond:
                for rule in rules:
                    rule.setdefault("count", 1)
                    STATE.fails.append(dict(rule))
            self.send_json(200, {"fails": len(STATE.fails)})
        elif method == "POST" and name == "disconnect":
            with STATE.cond:
                STATE.gen += 1
                STATE.cond.notify_all()
            self.send_json(200, {"disconnected": True})
        elif method == "POST" and name == "config":
            if not isinstance(body, dict):
                self.send_json(400, {"error": "expected an object"})
                return
            with STATE.cond:
                for key, value in body.items():
                    if key in DEFAULT_CONFIG:
                        STATE.config[key] = value
                STATE.cond.notify_all()
                config = dict(STATE.config)
            self.send_json(200, config)
        elif method == "POST" and name == "reset":
            STATE.reset()
            self.send_json(200, {"reset": True})
        else:
            self.send_json(404, {"error": f"no control {method} {path}"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    global STATE, VERBOSE
    parser = argparse.ArgumentParser(description="A local fake of the X API v2.")
    parser.add_argument("--port", type=int, default=0, help="TCP port, 0 for any free one")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--fixtures", action="append", default=[], metavar="DIR",
                        help="directory of v2 responses (*.json) and stream files (*.jsonl); repeatable")
    parser.add_argument("--state-file", metavar="FILE", help="where to keep added tweets and sent replies")
    parser.add_argument("--bearer", metavar="TOKEN", help="require Authorization: Bearer TOKEN")
    parser.add_argument("--oauth1", metavar="KEY:SECRET:TOKEN:TOKEN_SECRET",
                        help="verify OAuth 1.0a user-context signatures with these credentials")
    parser.add_argument("--user-token", metavar="TOKEN", help="accept this OAuth 2.0 user access token")
    parser.add_argument("--self-id", metavar="USER_ID", help="the account that posts replies and DMs")
    parser.add_argument("--queue-stream", action="store_true",
                        help="queue the lines of *stream*.jsonl fixtures on the filtered stream")
    parser.add_argument("--keepalive", type=float, default=0.5, help="stream keep-alive period, seconds")
    parser.add_argument("--no-field-filter", action="store_true",
                        help="answer with every field known, whatever the request asked for")
    parser.add_argument("--verbose", action="store_true", help="log every request on stderr")
    args = parser.parse_args()
    VERBOSE = args.verbose

    STATE = State(args)
    server = Server((args.host, args.port), Handler)
    STATE.port = server.server_address[1]
    STATE.save_state()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(json.dumps({"port": STATE.port}), flush=True)
    log(f"listening on {args.host}:{STATE.port} with {len(STATE.store['tweets'])} tweets")
    try:
        server.serve_forever(poll_interval=0.2)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
