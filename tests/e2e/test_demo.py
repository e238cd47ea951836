"""`make demo DEMO_ONCE=1`'s script end to end: the local stack for UP
(private PostgreSQL, the five processes on their default ports), the
bundled sample complaints, and a table that shows each handled as the
state's rules say."""
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
    assert len(rows) == 11, r.stdout
    by_result = [l.split()[2] for l in rows]
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
    assert "Figures:" in r.stdout
    # the stack was stopped: nothing listens on ingest's port any more
    import socket
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", 8080)) != 0
