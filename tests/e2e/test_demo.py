"""`make demo DEMO_ONCE=1`'s script end to end: the local stack for UP
(private PostgreSQL, the five processes on their default ports), the
bundled sample complaints and tweets, and a table that shows each handled
as the state's rules say, with the replies the fake X server received."""
import os
import re
import subprocess

import sunwai_e2e as e2e


def test_demo_once():
    env = e2e.clean_env({"DEMO_ONCE": "1", "SUNWAI_BIN_DIR": e2e.BIN_DIR})
    r = subprocess.run(["/usr/bin/python3", os.path.join(e2e.SOURCE_DIR, "scripts", "demo")],
                       env=env, capture_output=True, text=True, timeout=240,
                       cwd=e2e.SOURCE_DIR)
    assert r.returncode == 0, r.stdout + r.stderr
    rows = [l for l in r.stdout.splitlines() if re.match(r"^UP-\d{4}-\d{7} ", l)]
    assert len(rows) == 15, r.stdout
    by_result = [l.split()[2] for l in rows[:11]]
    assert by_result.count("new") == 9 and "follow_up" in by_result and "duplicate" in by_result
    first = rows[0].split()[0]
    assert rows[8].split()[0] == first and rows[9].split()[0] == first   # follow-up, duplicate
    emergency = next(l for l in rows if " emergency " in l)
    assert " P1 " in emergency and " up112 " in emergency and "ROUTED" in emergency
    assert any("REJECTED/outside_jurisdiction" in l for l in rows), r.stdout
    assert any("REJECTED/not_police_matter" in l for l in rows), r.stdout
    assert any(" cyber_fraud " in l and " up_cyber " in l for l in rows), r.stdout
    # every routed complaint has a reply queued that names its docket
    for l in rows[:8]:
        if "ROUTED" in l:
            assert l.split()[0] in l.split("ROUTED", 1)[1], l
    #  The tweets came through the signed webhook and were answered on X:
    #  a public reply in the tweet's language, a DM for the harassment case
    tweets = rows[11:]
    assert all(l.split()[1] == "x" and l.split()[2] == "new" for l in tweets), tweets
    for l in tweets:
        docket = l.split()[0]
        assert "reply: " in l or "DM: " in l, l
        assert docket in l.split("reply: " if "reply: " in l else "DM: ", 1)[1], l
    assert "reply: आपकी शिकायत" in tweets[0] and "@lkopolice" in tweets[0]
    assert " crime_against_women " in tweets[3] and "DM: " in tweets[3], tweets[3]
    assert "Delivered on X: 3 replies, 1 DMs" in r.stdout, r.stdout
    assert "Figures:" in r.stdout
    # the stack was stopped: nothing listens on ingest's port any more
    import socket
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", 8080)) != 0
