"""End to end: the complaint API is scoped by the caller's token (a district
token sees only its district; no token or a bad one is 401), the CSV export
carries the same rows with personal data masked, a case comes with its
event history, and the public /status/{docket} page shows the status and
public notes only, with no personal data."""
import csv
import io
import json
import urllib.request

import sunwai_e2e as e2e
from analytics_helpers import head, ingest, make_token, start_analytics

PHONE = "9876543210"
AADHAAR = "2341 2341 2346"


def get(svc, path, token=None, accept=None):
    req = urllib.request.Request("http://127.0.0.1:%d%s" % (svc.http_port, path))
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if accept:
        req.add_header("Accept", accept)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers


def setup_cases(db):
    cases = {}
    for district, unit in (("162", "lucknow"), ("146", "agra")):
        db.query("INSERT INTO units (code, state, name, district_code) VALUES (%s, 'up', %s, %s)"
                 " ON CONFLICT DO NOTHING", (unit, unit, district))
        for i in range(3):
            cid, docket = ingest(db, text="=HYPERLINK(x) robbed, call %s aadhaar %s, case %d"
                                 % (PHONE, AADHAAR, i))
            db.query("UPDATE complaints SET status = 'ROUTED', district_code = %s,"
                     " unit_code = %s, category = 'theft' WHERE id = %s", (district, unit, cid))
            db.query("INSERT INTO events (complaint_id, docket, state, district, event_type,"
                     " actor, payload) VALUES (%s, %s, 'up', %s, 'routed', 'e2e',"
                     " '{\"unit\": \"x\"}')", (cid, docket, district))
            cases.setdefault(district, []).append((cid, docket))
    return cases


def test_tokens_scope_the_complaints(db, services):
    svc = start_analytics(services, db)
    cases = setup_cases(db)
    district = make_token(db, "district", district="162")
    hq = make_token(db, "hq")
    officer = make_token(db, "officer", unit="agra", district="146")
    revoked = make_token(db, "hq")
    db.query("UPDATE tokens SET revoked_at = now() WHERE token_hash = sha256(%s::bytea)",
             (revoked.encode(),))

    status, body, headers = get(svc, "/api/v1/complaints")
    assert status == 401 and json.loads(body)["error"] == "unauthorized"
    assert headers.get("WWW-Authenticate") == "Bearer"
    assert get(svc, "/api/v1/complaints", token="nonsense")[0] == 401
    assert get(svc, "/api/v1/complaints", token=revoked)[0] == 401
    assert get(svc, "/api/v1/complaints.csv")[0] == 401
    assert get(svc, "/api/v1/complaints/%s" % cases["162"][0][1])[0] == 401

    status, body, _ = get(svc, "/api/v1/complaints", token=district)
    assert status == 200, body
    listed = json.loads(body)["complaints"]
    assert {c["district"] for c in listed} == {"162"}
    assert sorted(c["docket"] for c in listed) == sorted(d for _, d in cases["162"])
    assert all(PHONE not in c["text"] and "[phone]" in c["text"] for c in listed)
    assert all("author" not in json.dumps(c) for c in listed)

    status, body, _ = get(svc, "/api/v1/complaints?limit=4", token=hq)
    page = json.loads(body)
    assert len(page["complaints"]) == 4 and page["next_after_id"]
    status, body, _ = get(svc, "/api/v1/complaints?limit=4&after_id=%d"
                          % page["next_after_id"], token=hq)
    rest = json.loads(body)
    assert len(rest["complaints"]) == 2 and rest["next_after_id"] is None

    status, body, _ = get(svc, "/api/v1/complaints", token=officer)
    assert {c["unit"] for c in json.loads(body)["complaints"]} == {"agra"}

    #  A case outside the caller's scope is forbidden; unknown is 404.
    other = cases["146"][0][1]
    assert get(svc, "/api/v1/complaints/%s" % other, token=district)[0] == 403
    assert get(svc, "/api/v1/complaints/UP-2099-9999999", token=district)[0] == 404
    assert get(svc, "/api/v1/complaints?status=bogus", token=hq)[0] == 400
    assert get(svc, "/api/v1/complaints?from=2026-02-31", token=hq)[0] == 400

    cid, docket = cases["162"][0]
    db.query("INSERT INTO notes (complaint_id, public, text) VALUES (%s, true, %s),"
             " (%s, false, 'internal: suspect lives at 12 Mall Road')",
             (cid, "We called you on %s" % PHONE, cid))
    status, body, _ = get(svc, "/api/v1/complaints/%s" % docket, token=district)
    assert status == 200, body
    case = json.loads(body)
    assert case["docket"] == docket
    assert [e["event_type"] for e in case["events"]] == ["received", "routed"]
    assert all(len(e["hash"]) == 64 for e in case["events"])
    assert PHONE not in body and AADHAAR not in body
    assert len(case["notes"]) == 2
    assert svc.metric("sunwai_analytics_api_unauthorized_total") >= 5
    rc, _ = svc.stop()
    assert rc == 0


def test_csv_export(db, services):
    svc = start_analytics(services, db)
    cases = setup_cases(db)
    hq = make_token(db, "hq")
    district = make_token(db, "district", district="146")
    for path in ("/api/v1/complaints.csv", "/api/v1/complaints?format=csv"):
        status, body, headers = get(svc, path + ("&" if "?" in path else "?") + "district=162",
                                    token=hq)
        assert status == 200, body
        assert headers["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(body)))
        assert sorted(r["docket"] for r in rows) == sorted(d for _, d in cases["162"])
        assert all(PHONE not in r["text"] and "[aadhaar]" in r["text"] for r in rows)
        #  Never a formula when opened in a spreadsheet.
        assert all(r["text"].startswith("'=") for r in rows)
    status, body, _ = get(svc, "/api/v1/complaints.csv", token=district)
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {r["district"] for r in rows} == {"146"} and len(rows) == 3


def test_public_status_page_has_no_personal_data(db, services):
    svc = start_analytics(services, db)
    cases = setup_cases(db)
    cid, docket = cases["146"][1]
    db.query("INSERT INTO notes (complaint_id, public, text) VALUES"
             " (%s, true, %s), (%s, false, 'internal: informer <b>Ravi</b>')",
             (cid, "Officer visited <script>x</script>; call %s" % PHONE, cid))
    status, body, headers = get(svc, "/status/%s" % docket, accept="text/html")
    assert status == 200, body
    assert headers["Content-Type"].startswith("text/html")
    assert docket in body and "ROUTED" in body
    assert PHONE not in body and AADHAAR.replace(" ", "") not in body and AADHAAR not in body
    assert "robbed" not in body          # the complaint text is not shown
    assert "Ravi" not in body            # internal notes are not shown
    assert "<script>" not in body and "&lt;script&gt;" in body
    status, body, headers = get(svc, "/status/%s?format=json" % docket)
    page = json.loads(body)
    assert set(page) == {"docket", "status", "status_text", "updated_at", "public_notes"}
    assert page["public_notes"][0]["text"].endswith("call [phone]")
    assert len(page["public_notes"]) == 1
    assert get(svc, "/status/UP-2099-0000001")[0] == 404
    assert get(svc, "/status/..%2F..%2Fetc")[0] == 404
    assert head(db) > 0
