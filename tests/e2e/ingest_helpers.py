"""What the ingest end-to-end tests share: tokens in the database, signed
webhook posts, JSON requests, and payloads in X's formats built here."""
import base64
import hashlib
import hmac
import json
import secrets
import urllib.error
import urllib.request

CONSUMER_SECRET = "test-consumer-secret-not-real"
POLICE_ID = "1861000000000000001"     # the police account in our payloads


def make_token(db, role="api", login=None, district=None):
    """Create an officer with a token; return the token (stored hashed)."""
    token = "swt_" + secrets.token_hex(16)
    login = login or "%s-%s" % (role, secrets.token_hex(3))
    rows = db.query(
        "INSERT INTO officers (login, name, role, district_code) VALUES (%s, %s, %s, %s) "
        "RETURNING id", (login, login.title(), role, district))
    db.query("INSERT INTO tokens (officer_id, token_hash, label) VALUES (%s, %s, 'test')",
             (rows[0][0], hashlib.sha256(token.encode()).digest()))
    return token


def request(port, method, path, body=None, headers=None, raw=None, timeout=15):
    """(status, parsed JSON body or text, headers)."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), data=data,
                                 method=method)
    if data is not None and raw is None:
        req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, text, hdrs = r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        status, text, hdrs = e.code, e.read().decode(), e.headers
    try:
        return status, json.loads(text), hdrs
    except ValueError:
        return status, text, hdrs


def post_complaint(port, token, body, **kw):
    headers = {"Authorization": "Bearer " + token} if token else {}
    return request(port, "POST", "/v1/complaints", body, headers=headers, **kw)


def signature(body_bytes, secret=CONSUMER_SECRET):
    mac = hmac.new(secret.encode(), body_bytes, hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(mac).decode()


def post_webhook(port, body, secret=CONSUMER_SECRET, sign=True):
    raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json"}
    if sign:
        headers["X-Twitter-Webhooks-Signature"] = signature(raw, secret)
    return request(port, "POST", "/webhooks/x", raw=raw, headers=headers)


def v1_tweet(id_str, text, user_id="1861000000000000777", screen_name="citizen_lko",
             reply_to=None, retweet_of=None, extended=False, place=None, coordinates=None):
    """A v1.1 Tweet object as Account Activity delivers it."""
    t = {
        "created_at": "Sun Nov 29 10:15:00 +0000 2026",
        "id": int(id_str), "id_str": id_str,
        "text": text if not extended else text[:120] + "…",
        "truncated": extended,
        "in_reply_to_status_id": int(reply_to) if reply_to else None,
        "in_reply_to_status_id_str": reply_to,
        "user": {"id": int(user_id), "id_str": user_id, "name": "Citizen",
                 "screen_name": screen_name, "location": "Lucknow"},
        "lang": "hi", "place": place, "coordinates": coordinates,
        "entities": {"hashtags": [], "urls": [], "user_mentions": []},
    }
    if extended:
        t["extended_tweet"] = {"full_text": text}
    if retweet_of:
        t["retweeted_status"] = retweet_of
    return t


def aaa_tweets(*tweets):
    return {"for_user_id": POLICE_ID, "tweet_create_events": list(tweets)}
