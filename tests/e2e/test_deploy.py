"""The deployments: deploy/<state>/docker-compose.yml, scripts/stack and
docker/Dockerfile agree with each other and with the binaries.

No Docker engine is needed: the compose files are parsed (python3-yaml) and,
when Debian's docker-compose is installed, validated with `docker-compose
config`; every SUNWAI_* variable they name is checked against the keys the
built programs print (`--print-config`), so the test follows the programs as
keys are added; the image's runtime packages are checked against what `ldd`
says the built binaries load (`dpkg -S`).
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

import pytest
import yaml

import sunwai_e2e as e2e

ROOT = e2e.SOURCE_DIR
BIN = e2e.BIN_DIR
STATES = ["up", "uttarakhand", "rajasthan", "bihar", "bengaluru"]
PIPELINE = ["ingest", "router", "classifier", "notifier", "analytics"]
BINARY = {"ingest": "sunwai-ingest", "classifier": "sunwai-classifier",
          "router": "sunwai-router", "notifier": "sunwai-notifier",
          "analytics": "sunwai-analytics", "ctl": "sunwaictl"}
ENDPOINT_RE = re.compile(r"^[@>](tcp|ipc|inproc)://")
DUMMY_DB = "postgresql://sunwai@127.0.0.1:1/sunwai"


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, **kw)


# ------------------------------------------------------------ the binaries --

_keys = {}


def keys(binary):
    """{key: (env var, secret)} of a program, from --print-config (the keys)
    and --help (which are secrets)."""
    if binary not in _keys:
        env = e2e.clean_env({"SUNWAI_DB_URL": DUMMY_DB})
        r = run([os.path.join(BIN, binary), "--print-config"], env=env)
        assert r.returncode == 0, r.stdout + r.stderr
        names = [m.group(1) for m in re.finditer(r"^([a-z0-9_.]+): ", r.stdout, re.M)]
        assert "state" in names and "log.level" in names, r.stdout
        h = run([os.path.join(BIN, binary), "--help"], env=env).stdout
        secret = set(re.findall(r"; secret \(also (SUNWAI_[A-Z0-9_]+)_FILE\)", h))
        _keys[binary] = {}
        for n in names:
            var = "SUNWAI_" + n.upper().replace(".", "_")
            _keys[binary][n] = (var, var in secret)
    return _keys[binary]


def env_vars(binary):
    """{SUNWAI_VAR: key} a program reads, with the _FILE variants."""
    out = {}
    for k, (var, _) in keys(binary).items():
        out[var] = k
        out[var + "_FILE"] = k
    return out


def print_config(binary, extra_env):
    env = e2e.clean_env(dict({"SUNWAI_DB_URL": DUMMY_DB}, **extra_env))
    r = run([os.path.join(BIN, binary), "--print-config"], env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    return dict(re.findall(r'^([a-z0-9_.]+): "(.*)"  #', r.stdout, re.M))


def seconds(text):
    m = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s)?", str(text))
    assert m and text, f"unreadable duration {text!r}"
    return int(m.group(1) or 0) * 60 + int(m.group(2) or 0)


# ----------------------------------------------------------- compose files --

def compose(state):
    with open(os.path.join(ROOT, "deploy", state, "docker-compose.yml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def environment(svc):
    env = svc.get("environment") or {}
    if isinstance(env, list):
        env = dict(e.split("=", 1) for e in env)
    return {k: str(v) for k, v in env.items()}


def resolve(value):
    """${VAR:-default} -> default; ${VAR} and ${VAR:?msg} -> <VAR>."""
    value = re.sub(r"\$\{[A-Z0-9_]+:-([^}]*)\}", r"\1", value)
    return re.sub(r"\$\{([A-Z0-9_]+)(:\?[^}]*)?\}", r"<\1>", value)


def long_running(doc):
    """The Sunwai services `up` may start (not the one-shot ctl)."""
    return {n: s for n, s in doc["services"].items() if n in PIPELINE}


def test_compose_files_are_generated():
    r = run([os.path.join(ROOT, "scripts", "gen-compose"), "--check"])
    assert r.returncode == 0, "committed files differ from scripts/gen-compose:\n" + r.stdout + r.stderr


@pytest.mark.parametrize("state", STATES)
def test_compose_services(state):
    doc = compose(state)
    services = doc["services"]
    assert set(services) >= {"postgres", "ingest", "router", "classifier", "ctl"}, services.keys()
    assert set(services) - {"postgres", "ctl"} <= set(PIPELINE)
    # the core runs without a profile; notifier and analytics everywhere, maybe optional
    for name in ("ingest", "router", "classifier"):
        assert "profiles" not in services[name], name
    for name in ("notifier", "analytics"):
        assert name in services, name
    if state in ("up", "uttarakhand", "bengaluru"):
        assert all("profiles" not in s for s in long_running(doc).values())
    assert services["ctl"].get("profiles"), "ctl must not start with `up`"
    assert services["ctl"]["healthcheck"].get("disable") is True
    # `docker compose run --rm ctl COMMAND` replaces the command, not the program
    assert services["ctl"]["entrypoint"][-1] == "ctl"
    assert "/opt/sunwai/bin/sunwai-entrypoint" in open(
        os.path.join(ROOT, "docker", "Dockerfile")).read()
    assert services["ctl"]["entrypoint"][0] == "/opt/sunwai/bin/sunwai-entrypoint"

    # PostgreSQL 15, a named volume, its own healthcheck
    pg = services["postgres"]
    assert re.fullmatch(r"postgres:15(\.\d+)?(-[a-z0-9]+)?", pg["image"]), pg["image"]
    vols = [v.split(":") for v in pg["volumes"]]
    assert any(v[1] == "/var/lib/postgresql/data" and v[0] in (doc.get("volumes") or {})
               and not v[0].startswith((".", "/")) for v in vols), pg["volumes"]
    assert "pg_isready" in " ".join(pg["healthcheck"]["test"])
    assert "${POSTGRES_PASSWORD" in pg["environment"]["POSTGRES_PASSWORD"]

    ingest = print_config("sunwai-ingest", {})
    drain = max(int(ingest["store.timeout_ms"]) / 1000, int(ingest["x.timeout_s"]), 10)
    for name, svc in long_running(doc).items():
        binary = BINARY[name]
        assert svc["command"][0] == name, svc["command"]
        assert "container_name" not in svc, name
        assert svc.get("env_file") in (".env", [".env"]), name
        # healthcheck on /readyz at the port the service is told to use
        test = svc["healthcheck"]["test"]
        assert not svc["healthcheck"].get("disable") and "sunwai-healthcheck" in " ".join(test)
        env = environment(svc)
        assert env.get("SUNWAI_HTTP_PORT", "").isdigit(), name
        assert env.get("SUNWAI_STATE") == state, name
        # started in order by health
        deps = svc.get("depends_on") or {}
        assert isinstance(deps, dict), f"{name}: depends_on must name conditions"
        for dep, cond in deps.items():
            assert cond == {"condition": "service_healthy"}, (name, dep, cond)
            assert dep in services and "healthcheck" in services[dep], (name, dep)
            assert not services[dep].get("profiles") or svc.get("profiles") == services[dep]["profiles"]
        if "db.url" in keys(binary):
            assert "postgres" in deps, name
            assert "${POSTGRES_PASSWORD" in env["SUNWAI_DB_URL"] and "@postgres:" in env["SUNWAI_DB_URL"]
        # drains before Docker's SIGKILL
        assert seconds(svc["stop_grace_period"]) > drain, (name, svc["stop_grace_period"], drain)
        # the state's files beside the compose file, mounted where the service looks first
        for f in ("state.yaml", "gazetteer.yaml"):
            assert f"./{f}:/srv/sunwai/deploy/{state}/{f}:ro" in svc["volumes"], (name, f)
            assert os.path.exists(os.path.join(ROOT, "deploy", state, f))
    assert seconds(pg["stop_grace_period"]) > 10

    # the classifier scales: no fixed name, no host port, connects only
    cls = services["classifier"]
    assert "container_name" not in cls and "ports" not in cls
    assert all(v.startswith(">") for k, v in environment(cls).items() if ENDPOINT_RE.match(v))
    assert set(deps_of(cls)) >= {"ingest", "router"}

    # the event stream, the dashboard and ingest are published on their documented ports
    def published(name):
        return {int(str(p).rsplit(":", 1)[1]) for p in services[name].get("ports", [])}
    assert published("ingest") == {8080}
    assert published("analytics") == {8090, 5570, 5571}
    for name in ("router", "notifier", "classifier"):
        assert not published(name), name


def deps_of(svc):
    return list((svc.get("depends_on") or {}).keys())


@pytest.mark.parametrize("state", STATES)
def test_compose_variables_are_real_keys(state):
    """Every SUNWAI_* the compose file sets is a key of that program, and
    secrets are never written into it."""
    doc = compose(state)
    for name, svc in doc["services"].items():
        if name == "postgres":
            continue
        binary = BINARY[name]
        known = env_vars(binary)
        secrets = {var for var, secret in keys(binary).values() if secret}
        for var, value in environment(svc).items():
            assert var.startswith("SUNWAI_"), (name, var)
            assert var in known, f"{state}/{name}: {var} is not a key of {binary}"
            if var in secrets:
                assert "${" in value, f"{state}/{name}: secret {var} written into the compose file"
        # the endpoints: every `>` names a service of this file binding that port
        for var, value in environment(svc).items():
            for ep in value.split(","):
                m = re.match(r"^>tcp://([a-z0-9_-]+):(\d+)$", ep)
                if ENDPOINT_RE.match(ep):
                    assert m or ep.startswith("@"), (name, ep)
                if m:
                    peer = doc["services"].get(m.group(1))
                    assert peer, f"{state}/{name}: {ep} names no service"
                    binds = [p for v in environment(peer).values() for p in v.split(",")]
                    assert f"@tcp://*:{m.group(2)}" in binds, f"{state}/{name}: nobody binds {ep}"


@pytest.mark.parametrize("state", STATES)
def test_env_example(state):
    d = os.path.join(ROOT, "deploy", state)
    example = open(os.path.join(d, ".env.example"), encoding="utf-8").read()
    assigned = dict(re.findall(r"^([A-Z][A-Z0-9_]*)=(.*)$", example, re.M))
    assert "POSTGRES_PASSWORD" in assigned
    text = open(os.path.join(d, "docker-compose.yml"), encoding="utf-8").read()
    for var in set(re.findall(r"\$\{([A-Z0-9_]+)", text)):
        assert var in assigned, f"{state}: .env.example does not set {var}"
    known = {}
    for binary in set(BINARY.values()):
        known.update(env_vars(binary))
    for var in assigned:
        if var.startswith("SUNWAI_"):
            assert var in known, f"{state}/.env.example: {var} is not a key of any program"
    gitignore = open(os.path.join(ROOT, ".gitignore"), encoding="utf-8").read().split()
    assert ".env" in gitignore or "deploy/*/.env" in gitignore


@pytest.mark.skipif(not shutil.which("docker-compose"),
                    reason="docker-compose (Debian package) not installed: compose files not validated by it")
@pytest.mark.parametrize("state", STATES)
def test_docker_compose_config(state):
    src = os.path.join(ROOT, "deploy", state)
    with tempfile.TemporaryDirectory() as tmp:
        d = os.path.join(tmp, state)
        os.mkdir(d)
        for f in ("docker-compose.yml", "state.yaml", "gazetteer.yaml"):
            shutil.copy(os.path.join(src, f), d)
        shutil.copy(os.path.join(src, ".env.example"), os.path.join(d, ".env"))
        profiles = sorted({p for s in compose(state)["services"].values()
                           for p in s.get("profiles", [])})
        for extra in ([], [a for p in profiles for a in ("--profile", p)]):
            r = run(["docker-compose"] + extra + ["config"], cwd=d)
            assert r.returncode == 0, r.stderr
            cfg = yaml.safe_load(r.stdout)
            assert "classifier" in cfg["services"]


# -------------------------------------------------- scripts/stack agrees ----

def stack_plan(state, profiles):
    args = [os.path.join(ROOT, "scripts", "stack"), "plan", "--state", state, "--json"]
    for p in profiles:
        args += ["--profile", p]
    r = run(args)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.mark.parametrize("state", STATES)
def test_stack_agrees_with_compose(state):
    doc = compose(state)
    services = long_running(doc)
    profiles = sorted({p for s in services.values() for p in s.get("profiles", [])})
    for chosen in [[]] + [[p] for p in profiles] + ([profiles] if len(profiles) > 1 else []):
        in_compose = {n for n, s in services.items() if set(s.get("profiles", [])) <= set(chosen)}
        plan = {s["name"]: s for s in stack_plan(state, chosen)}
        assert set(plan) == in_compose, (state, chosen, sorted(plan), sorted(in_compose))
        for name, svc in plan.items():
            assert svc["binary"] == BINARY[name]
            cenv = environment(services[name])
            cenv.pop("SUNWAI_DB_URL", None)
            settings_c = {k: v for k, v in cenv.items() if not ENDPOINT_RE.match(v)}
            settings_s = {k: v for k, v in svc["env"].items() if not ENDPOINT_RE.match(v)}
            assert settings_s == settings_c, (state, name)
            assert str(svc["port"]) == cenv["SUNWAI_HTTP_PORT"]
            ends_c = {k: re.sub(r"^>tcp://[a-z0-9_-]+:", ">tcp://127.0.0.1:", v)
                      for k, v in cenv.items() if ENDPOINT_RE.match(v)}
            ends_s = {k: v for k, v in svc["env"].items() if ENDPOINT_RE.match(v)}
            assert ends_s == ends_c, (state, name)
            assert svc["db"] == ("postgres" in deps_of(services[name]))
            # and the program accepts the whole set
            env = dict(svc["env"])
            cfg = print_config(BINARY[name], env)
            assert cfg["state"] == state and cfg["http.port"] == env["SUNWAI_HTTP_PORT"]


# ------------------------------------------------------------- the image ----

def dockerfile_stages():
    text = open(os.path.join(ROOT, "docker", "Dockerfile"), encoding="utf-8").read()
    text = re.sub(r"\\\n", " ", text)
    stages, cur = [], None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instr, _, rest = line.partition(" ")
        if instr.upper() == "FROM":
            cur = {"from": rest, "lines": []}
            stages.append(cur)
        elif cur is not None:
            cur["lines"].append((instr.upper(), rest.strip()))
    return stages


def test_dockerfile():
    stages = dockerfile_stages()
    assert len(stages) >= 2
    build, runtime = stages[0], stages[-1]
    assert build["from"].startswith("debian:12") and runtime["from"].startswith("debian:12")
    runs_b = " ".join(r for i, r in build["lines"] if i == "RUN")
    runs_r = " ".join(r for i, r in runtime["lines"] if i == "RUN")
    assert "install-deps --build" in runs_b and "cmake --build" in runs_b
    assert "install-deps --runtime" in runs_r
    assert "-dev" not in runs_r and "build-essential" not in runs_r
    instrs = dict(runtime["lines"])
    user = instrs["USER"].split(":")[0]
    assert user not in ("root", "0")
    assert "sunwai-healthcheck" in instrs["HEALTHCHECK"]
    assert "sunwai-entrypoint" in instrs["ENTRYPOINT"]
    copies = [r for i, r in runtime["lines"] if i == "COPY"]
    assert any("--from=build" in c and "/opt/sunwai" in c for c in copies)
    # the build stage puts the binaries, libsunwai and the data in /opt/sunwai
    for piece in ("libsunwai.so", "share/sunwai", "sunwaictl", "healthcheck.sh", "entrypoint.sh"):
        assert piece in runs_b, piece
    ignore = open(os.path.join(ROOT, ".dockerignore"), encoding="utf-8").read().split()
    assert {".git", ".demo"} <= set(ignore) and any(i.startswith("build") for i in ignore)


def test_entrypoint_and_healthcheck():
    """docker/entrypoint.sh picks the program; docker/healthcheck.sh answers
    0 for a ready service and 1 otherwise (paths rewritten to this build)."""
    with tempfile.TemporaryDirectory() as tmp:
        text = open(os.path.join(ROOT, "docker", "entrypoint.sh")).read()
        ep = os.path.join(tmp, "entrypoint")
        with open(ep, "w") as f:
            f.write(text.replace("/opt/sunwai/bin", BIN))
        for svc in ("ingest", "classifier", "router", "notifier", "analytics", "ctl", "train"):
            r = run(["sh", ep, svc, "--version"], env=e2e.clean_env())
            assert r.returncode == 0 and r.stdout.startswith("sunwai"), (svc, r.stdout, r.stderr)
        assert "ingest|classifier" in run(["sh", ep, "--help"]).stdout
    hc = os.path.join(ROOT, "docker", "healthcheck.sh")
    port = e2e.free_tcp_port()
    env = e2e.clean_env({"SUNWAI_HTTP_PORT": str(port)})
    assert run(["sh", hc], env=env).returncode == 1          # nothing listens yet
    p = subprocess.Popen([os.path.join(BIN, "sunwai-classifier"), "--state", "up"],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if run(["sh", hc], env=env).returncode == 0:
                break
            time.sleep(0.1)
        assert run(["sh", hc], env=env).returncode == 0
    finally:
        p.terminate()
        p.wait(timeout=20)


def _package_of(path):
    for candidate in {path, os.path.realpath(path),
                      "/usr" + path if path.startswith("/lib") else path}:
        r = run(["dpkg", "-S", candidate])
        if r.returncode == 0:
            return r.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


@pytest.mark.skipif(not shutil.which("dpkg") or not shutil.which("apt-cache"),
                    reason="dpkg/apt-cache unavailable: runtime libraries not checked")
def test_runtime_stage_has_every_library():
    lib = os.path.join(e2e.BIN_DIR, "..", "lib", "libsunwai.so")
    if "libasan" in run(["ldd", lib]).stdout:
        pytest.skip("skipped: a sanitizer build links libasan and libubsan, which the image "
                    "never ships; the plain build checks the runtime packages")
    r = run(["sh", os.path.join(ROOT, "scripts", "install-deps"), "--list", "--runtime"])
    assert r.returncode == 0, r.stderr
    runtime = set(r.stdout.split())
    # what the runtime packages bring with them, and what every Debian has
    # (the Essential packages and what they depend on)
    def closure(packages):
        dep = run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
                   "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances"]
                  + sorted(packages))
        out = set(packages)
        for line in dep.stdout.splitlines():
            m = re.match(r"^\s*(?:Pre)?Depends: (\S+)", line) or re.match(r"^(\S+)$", line)
            if m:
                out.add(m.group(1).strip("<>").split(":")[0])
        return out
    brought = closure(runtime)
    essential = {l.split()[0] for l in run(["dpkg-query", "-W", "-f", "${Package} ${Essential}\\n"])
                 .stdout.splitlines() if l.endswith(" yes")}
    assert essential, "dpkg-query lists no Essential package"
    required = closure(essential)
    binaries = [os.path.join(BIN, b) for b in sorted(os.listdir(BIN))
                if b.startswith("sunwai") and os.access(os.path.join(BIN, b), os.X_OK)]
    assert binaries
    lib = os.path.join(BIN, "..", "lib", "libsunwai.so")
    if os.path.exists(lib):
        binaries.append(lib)
    missing, ours = [], set()
    for b in binaries:
        out = run(["ldd", b]).stdout
        direct = set(re.findall(r"\(NEEDED\)\s+Shared library: \[(\S+)\]",
                                run(["readelf", "-d", b]).stdout)) if shutil.which("readelf") else set()
        for soname, path in re.findall(r"^\s*(\S+) => (/\S+)", out, re.M):
            if os.path.realpath(path).startswith(os.path.realpath(os.path.join(BIN, ".."))):
                ours.add(soname)          # libsunwai: copied by the Dockerfile
                continue
            pkg = _package_of(path)
            assert pkg, f"{b}: {path} belongs to no Debian package"
            pkg = pkg.split(":")[0]
            wanted = runtime if soname in direct else brought
            if pkg not in wanted and pkg not in required:
                missing.append(f"{os.path.basename(b)} needs {soname} from {pkg}")
        assert "not found" not in out, out
    assert not missing, "add to scripts/install-deps RUNTIME_PACKAGES:\n" + "\n".join(sorted(set(missing)))
    assert ours == {"libsunwai.so"}, ours


def test_alert_rules_name_real_metrics():
    """deploy/prometheus/alerts.yml uses only metrics the programs export."""
    path = os.path.join(ROOT, "deploy", "prometheus", "alerts.yml")
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    rules = [r for g in doc["groups"] for r in g["rules"]]
    assert rules and all(r.get("alert") and r.get("expr") for r in rules)
    sources = ""
    for sub in ("lib", "services"):
        for d, _, files in os.walk(os.path.join(ROOT, sub)):
            for f in files:
                if f.endswith(".c"):
                    sources += open(os.path.join(d, f), encoding="utf-8", errors="replace").read()
    for r in rules:
        for metric in re.findall(r"\b(sunwai_[a-z0-9_]+)", r["expr"]):
            base = re.sub(r"_(bucket|sum|count)$", "", metric)
            assert f'"{base}"' in sources, f"{r['alert']}: no program exports {metric}"
