"""Load test of the HTTP API: GET /api/events with 50 concurrent clients for 30 s on loopback.

    .venv/bin/python bench/bench_server.py [--events 100000] [--clients 50] [--seconds 30]
        [--db PATH] [--workers 1] [--write-docs]

Builds (or reuses, with --db) a corpus store of team-written sample articles with at least
``--events`` events, starts ``rasd serve`` on 127.0.0.1 (a free port) in a subprocess, and drives
it with a minimal keep-alive HTTP/1.1 client (asyncio streams, so that the client costs little of
the 2 cores).  Each request is a random mix of the dashboard's queries: pages of the newest events,
a country, a PLOVER or ACLED type, a date window, min_fatalities, an actor, near=..., deep offsets.
Traffic goes to 127.0.0.1 only; the run is bounded by --seconds and --max-requests and stops by
itself.  Reports errors, p50/p90/p99/max latency and throughput; --write-docs puts them in the
"Server" section of docs/benchmarks.md (and only there).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"  # loopback only, never anything else


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def build_store(path: Path, n_events: int) -> tuple[int, float]:
    """Ingest sample articles until the store holds ``n_events`` events; (events, seconds)."""
    from rasd.server.sample import sample_corpus
    from rasd.server.store_backend import StoreBackend, build_store

    t0 = time.perf_counter()
    made, batch, seed = 0, 2000, 0
    while made < n_events:
        docs = sample_corpus(batch, seed=1000 + seed, days=365, start="2023-07-01", events_per_article=(2, 4))
        for d in docs:
            d.id = f"b{seed}-{d.id}"
        build_store(path, docs)
        made = StoreBackend(path).stats()["events"]  # near-duplicates' events do not count
        seed += 1
        print(f"  store: {made:,} events", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    return made, time.perf_counter() - t0


COUNTRIES = ["YE", "SY", "LY", "IQ", "SD", "PS", "LB", "EG", "TN", "SO"]
TYPES = ["ASSAULT", "PROTEST", "COERCE", "CONSULT", "AID", "THREATEN", "AGREE", "ACCUSE"]
ACLED = ["Battles", "Explosions/Remote violence", "Protests", "Strategic developments"]


def random_query(rng: random.Random) -> str:
    """One /api/events query as the dashboard would send it."""
    from urllib.parse import urlencode

    p: dict[str, object] = {"limit": 100}
    r = rng.random()
    if r < 0.15:
        pass  # the newest events, no filter
    elif r < 0.35:
        p["country"] = rng.choice(COUNTRIES)
    elif r < 0.50:
        p["type"] = rng.choice(TYPES)
    elif r < 0.60:
        p["acled_type"] = rng.choice(ACLED)
    elif r < 0.75:
        m = rng.randint(7, 12)
        p["since"], p["until"] = f"2023-{m:02d}-01", f"2023-{m:02d}-{rng.randint(10, 28):02d}"
        if rng.random() < 0.5:
            p["country"] = rng.choice(COUNTRIES)
    elif r < 0.83:
        p["min_fatalities"] = rng.choice([5, 20, 50])
        p["type"] = "ASSAULT"
    elif r < 0.90:
        p["actor"] = rng.choice(["قوات الأمن", "فصائل المعارضة", "مسلحون"])
    elif r < 0.95:
        p["near"] = rng.choice(["36.2,37.13,25", "13.58,44.02,30", "32.89,13.19,40"])
    else:
        p["offset"] = rng.choice([100, 1000, 5000])
    if rng.random() < 0.2:
        p["offset"] = p.get("offset", 0) or rng.choice([100, 200, 300])
    return "/api/events?" + urlencode(p)


async def client(port: int, deadline: float, rng: random.Random, out: list, errors: list, budget: list) -> None:
    """One keep-alive connection sending requests one after another until the deadline."""
    reader = writer = None
    while time.perf_counter() < deadline and budget[0] > 0:
        budget[0] -= 1
        path = random_query(rng)
        t0 = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept: application/json\r\n\r\n".encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = await reader.readexactly(length)
            dt = time.perf_counter() - t0
            if status != 200 or not body.startswith(b"{"):
                errors.append(f"{status} {path}")
            out.append(dt)
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            errors.append(f"{type(exc).__name__}: {exc} {path}")
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def drive(port: int, clients: int, seconds: float, max_requests: int) -> tuple[list, list, float]:
    deadline = time.perf_counter() + seconds
    lat: list[float] = []
    errors: list[str] = []
    budget = [max_requests]
    t0 = time.perf_counter()
    await asyncio.gather(*(client(port, deadline, random.Random(i), lat, errors, budget) for i in range(clients)))
    return lat, errors, time.perf_counter() - t0


def wait_up(port: int, proc: subprocess.Popen, timeout: float = 120) -> dict:
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/api/stats", timeout=5) as r:
                return json.load(r)
        except OSError:
            time.sleep(0.3)
    raise SystemExit("server did not come up")


def dashboard_times(port: int, loads: int = 3) -> list[dict] | None:
    """Load the dashboard in headless Debian chromium ``loads`` times: milliseconds from navigation
    to the list and timeline painted, and to the map clustered (all events)."""
    if not os.path.exists("/usr/bin/chromium"):
        print("no /usr/bin/chromium: dashboard timing skipped", file=sys.stderr)
        return None
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--no-first-run"])
        page = b.new_page(viewport={"width": 1400, "height": 860}, bypass_csp=True)
        for _ in range(loads):
            page.goto(f"http://{HOST}:{port}/")
            page.wait_for_function("window.rasd && window.rasd.ready === true", timeout=60000, polling=20)
            t = page.evaluate("""() => { const nav = performance.getEntriesByType('navigation')[0];
                const base = performance.timeOrigin; const m = window.rasd.timings;
                const off = (window.rasd.t0 || 0);
                return {html: Math.round(nav.domContentLoadedEventEnd), list: Math.round(off + m.list),
                        map: Math.round(off + m.map), points: window.rasd.map.count}; }""")
            out.append(t)
            print("dashboard:", t)
        b.close()
    return out


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children so far (Linux /proc)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        try:
            f = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(f[11]) + int(f[12])) / tick
        except (OSError, IndexError, ValueError):
            pass
    return total


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p / 100 * len(xs)))] if xs else float("nan")


def write_docs(text: str) -> None:
    """Replace (or add) the "## Server" section of docs/benchmarks.md, leaving the rest alone."""
    path = ROOT / "docs" / "benchmarks.md"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    lines = old.splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if ln.strip() == "## Server"), None)
    if start is None:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        new = "".join(lines[:start]) + text + ("\n" if end < len(lines) else "") + "".join(lines[end:])
    path.write_text(new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--max-requests", type=int, default=500_000)
    ap.add_argument("--db", help="an existing store to serve (default: build one in a temp dir)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--write-docs", action="store_true")
    ap.add_argument("--build-only", action="store_true", help="build the store at --db and stop")
    ap.add_argument("--runs", type=int, default=1, help="load runs against the same server")
    ap.add_argument("--dashboard", action="store_true", help="also time the dashboard in headless chromium")
    a = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="rasd-bench-")
    db = Path(a.db) if a.db else Path(tmp.name) / "bench.db"
    built = None
    if not db.exists():
        n, secs = build_store(db, a.events)
        built = (n, secs)
        print(f"built store: {n:,} events in {secs:.1f} s ({db.stat().st_size / 1e6:.0f} MB)")
    if a.build_only:
        return
    port = free_port()
    cmd = [sys.executable, "-c", "from rasd.cli import main; main()", "serve", "--db", str(db), "--host", HOST, "--port", str(port),
           "--workers", str(a.workers)]
    env = dict(os.environ, RASD_TOKEN="")
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT)
    try:
        stats = wait_up(port, proc)
        print(f"serving {stats['events']:,} events, {stats['articles']:,} articles on {HOST}:{port}")
        if stats["events"] < a.events:
            print(f"warning: the store holds fewer than {a.events:,} events", file=sys.stderr)
        t0 = time.perf_counter()
        with urllib.request.urlopen(f"http://{HOST}:{port}/api/points", timeout=300) as r:
            r.read()
        cold_points = time.perf_counter() - t0
        t0 = time.perf_counter()
        with urllib.request.urlopen(f"http://{HOST}:{port}/api/points", timeout=300) as r:
            r.read()
        warm_points = time.perf_counter() - t0
        page = dashboard_times(port) if a.dashboard else None
        asyncio.run(drive(port, 4, 2.0, 2000))  # warm-up
        runs = []
        for _ in range(a.runs):
            cpu0 = proc_cpu(proc.pid)
            lat, errors, wall = asyncio.run(drive(port, a.clients, a.seconds, a.max_requests))
            runs.append((lat, errors, wall, proc_cpu(proc.pid) - cpu0, os.getloadavg()[0]))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    results = []
    for lat, errors, wall, cpu, load in runs:
        ms = [x * 1000 for x in lat]
        res = {
            "events": stats["events"], "clients": a.clients, "seconds": round(wall, 1), "requests": len(ms),
            "errors": len(errors), "rps": round(len(ms) / wall, 1), "p50_ms": round(pct(ms, 50), 1),
            "p90_ms": round(pct(ms, 90), 1), "p99_ms": round(pct(ms, 99), 1), "max_ms": round(max(ms), 1),
            "mean_ms": round(statistics.fmean(ms), 1), "workers": a.workers,
            "server_cpu_ms_per_request": round(cpu * 1000 / max(1, len(ms)), 2), "load_average": round(load, 1),
        }
        results.append(res)
        print(json.dumps(res))
        if errors:
            print("first errors:", *errors[:5], sep="\n  ", file=sys.stderr)
    if page:
        print("dashboard loads:", page)
    print(f"/api/points (all {stats['events']:,} events): first {cold_points * 1000:.0f} ms "
          f"(loads the column index), then {warm_points * 1000:.0f} ms")
    if a.write_docs:
        cmdline = ("python bench/bench_server.py" + (f" --workers {a.workers}" if a.workers > 1 else "")
                   + (" --dashboard" if a.dashboard else "")
                   + (f" --runs {a.runs}" if a.runs > 1 else "") + " --write-docs")
        rows = "".join(
            f"| {r['requests']:,} | {r['errors']} | {r['rps']} | {r['p50_ms']} ms | {r['p90_ms']} ms | "
            f"{r['p99_ms']} ms | {r['max_ms']} ms | {r['server_cpu_ms_per_request']} ms | {r['load_average']} |\n"
            for r in results)
        write_docs(
            "## Server\n\n"
            f"`{cmdline}` — GET /api/events (a random mix of the dashboard's filters, 100 events a page) "
            f"with {a.clients} concurrent keep-alive clients for {a.seconds:.0f} s a run on 127.0.0.1, against "
            f"a corpus store of {stats['events']:,} events (team-written sample articles"
            + (f", built in {built[1]:.0f} s" if built else "") + f"); uvicorn (httptools), {a.workers} "
            "worker(s); the client runs on the same 2 cores. The machine is shared with the rest of the "
            "team's jobs: the load average (1 min) at the end of each run is given, and latency grows with "
            "it; server CPU per request is the figure that does not depend on it. The first run starts with "
            "cold caches (each page's records serialised once, each filter's selection computed once).\n\n"
            "| requests | errors | req/s | p50 | p90 | p99 | max | server CPU / request | load avg |\n"
            "|---|---|---|---|---|---|---|---|---|\n" + rows + "\n"
            f"`/api/points` for all {stats['events']:,} events (what the dashboard loads first): "
            f"{cold_points * 1000:.0f} ms for the first request after start-up (it waits for the column index: "
            f"one scan of the store), {warm_points * 1000:.0f} ms after that (cached, gzipped).\n"
            + ("" if not page else
               "\nThe dashboard in headless Debian chromium (software rendering), "
               f"{page[0]['points']:,} events, from navigation: "
               + "; ".join(f"list and timeline painted at {t['list']} ms, map clustered at {t['map']} ms"
                           for t in page) + ".\n"))


if __name__ == "__main__":
    main()
