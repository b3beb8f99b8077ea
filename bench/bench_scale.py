"""Scaling benchmark: `rasd batch` in one process against Dask with N worker processes.

    .venv/bin/python bench/bench_scale.py                       # all 25,012 articles, 2 workers
    .venv/bin/python bench/bench_scale.py --limit 4000          # a quicker run
    .venv/bin/python bench/bench_scale.py --json bench/scale.json

Runs the same input through ``run_batch`` with ``engine="local"`` and with Dask (a LocalCluster
of ``--workers`` processes, 1 thread each), each into a fresh output directory, and prints:
articles/s (processing, and end to end with start-up), the speed-up, peak resident memory per
worker, and whether both outputs hold the same rows with no article twice.  Each engine runs
in its own child process, so neither measures the other's memory.  Results go in docs/scale.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet-other.jsonl"


def _child(args: argparse.Namespace) -> None:
    """Run one engine (in a child process) and print its measurements as JSON."""
    import logging

    import rasd
    from rasd.batch import BatchOptions, run_batch
    from rasd.batch.manifest import Manifest
    from rasd.batch.worker import get_pipeline, peak_rss_mb

    t0 = time.perf_counter()
    startup = 0.0
    if args.engine == "local":
        get_pipeline()
        startup = time.perf_counter() - t0
        scheduler = None
    else:
        import dask
        from distributed import Client, LocalCluster

        from rasd.batch.engines import WORKER_CONFIG, _preload_plugin

        with dask.config.set(WORKER_CONFIG):  # the same workers as `rasd batch --engine dask`
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
        with Client(cluster) as c:  # load the pipeline on every worker before the clock starts
            c.register_plugin(_preload_plugin())
            c.wait_for_workers(args.workers)
            cpu_before = c.run(_process_cpu)
        scheduler = cluster.scheduler_address
        startup = time.perf_counter() - t0
    c0 = time.process_time()
    s = run_batch([args.data], args.out, BatchOptions(engine=args.engine, scheduler=scheduler,
                                                     partition_size=args.partition_size, limit=args.limit,
                                                     progress=args.progress))
    total = time.perf_counter() - t0
    worker_process_cpu: dict[str, float] = {}
    if args.engine != "local":
        # all CPU of each worker process during the run (tasks + Dask's own threads), against the tasks'
        from distributed import Client

        with Client(scheduler) as c:
            cpu_after = c.run(_process_cpu)
        worker_process_cpu = {str(k): round(cpu_after[k] - cpu_before.get(k, 0.0), 1) for k in cpu_after}
        cluster.close()
    n = s.articles + s.failed
    per_worker: dict[str, float] = {}
    split = {"thread_cpu_s": 0.0, "extract_cpu_s": 0.0}
    for e in Manifest(args.out).entries.values():
        per_worker[e["worker"]] = per_worker.get(e["worker"], 0.0) + e.get("cpu_s", 0.0)
        for k in split:
            split[k] += e.get(k, 0.0)
    print(json.dumps({
        "engine": args.engine, "workers": s.workers, "records": n, "articles": s.articles, "failed": s.failed,
        "partitions": s.done, "startup_s": round(startup, 2), "run_s": s.seconds, "total_s": round(total, 2),
        "articles_per_s": round(n / s.seconds, 1), "task_cpu_s": s.cpu_seconds,
        "cpu_ms_per_article": round(1000 * s.cpu_seconds / max(n, 1), 2), "end_to_end_per_s": round(n / total, 1),
        "peak_rss_mb_per_worker": s.peak_rss_mb if args.engine != "local" else {"driver": peak_rss_mb()},
        "task_cpu_s_per_worker": {k: round(v, 1) for k, v in per_worker.items()},
        # the tasks' own threads: extraction (reading, pipeline, rows) and Parquet writing
        "task_thread_cpu_s": round(split["thread_cpu_s"], 1),
        "extract_ms_per_article": round(1000 * split["extract_cpu_s"] / max(n, 1), 2),
        "write_ms_per_article": round(1000 * (split["thread_cpu_s"] - split["extract_cpu_s"]) / max(n, 1), 2),
        "worker_process_cpu_s": worker_process_cpu,
        # CPU of this process during the run: planning, manifest, Dask client and scheduler (local: + tasks)
        "driver_cpu_s": round(time.process_time() - c0, 1),
        "out_files": sum(1 for p in Path(args.out).rglob("*.parquet")),
        "out_mb": round(sum(p.stat().st_size for p in Path(args.out).rglob("*") if p.is_file()) / 2**20, 1),
        "complete": s.complete, "rasd_from": str(Path(rasd.__file__).parent)}))


def _process_cpu() -> float:
    """CPU seconds (user + system) of this process so far."""
    t = os.times()
    return t.user + t.system


def _compare(a: Path, b: Path) -> dict:
    """Same rows in both outputs (sorted by article and index), and no article twice."""
    from rasd.batch.output import read_table
    from rasd.batch.tables import TABLES

    res = {}
    for t in TABLES:
        ta, tb = read_table(a, t), read_table(b, t)
        keys = [(c, "ascending") for c in ("article_id", "n", "input", "record") if c in ta.column_names]
        res[t] = ta.num_rows == tb.num_rows and ta.sort_by(keys).equals(tb.sort_by(keys))
    ids = read_table(b, "articles", columns=["article_id"]).column("article_id").to_pylist()
    res["no_duplicates"] = len(ids) == len(set(ids))
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="JSONL input (default: saudinewsnet-other)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=500)
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--progress", action="store_true")
    ap.add_argument("--child", choices=["local", "dask"], help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        args.engine = args.child
        _child(args)
        return
    if not Path(args.data).is_file():
        sys.exit(f"bench_scale: {args.data} not found (../shared/data is needed)")
    results = {"data": args.data, "limit": args.limit, "partition_size": args.partition_size,
               "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "load_before": os.getloadavg()},
               "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    with tempfile.TemporaryDirectory(prefix="rasd-bench-scale-") as tmp:
        # Both engines run one frozen copy of the code: the working tree may change during the run.
        import shutil

        shutil.copytree(ROOT / "rasd", Path(tmp) / "code" / "rasd", ignore=shutil.ignore_patterns("__pycache__"))
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "code")}
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=False).stdout.strip()
        results["code"] = f"working tree at {head} (frozen copy)"
        outs = {}
        for engine in ("local", "dask"):
            outs[engine] = Path(tmp) / engine
            cmd = [sys.executable, __file__, "--child", engine, "--out", str(outs[engine]), "--data", args.data,
                   "--workers", str(args.workers), "--partition-size", str(args.partition_size)]
            if args.limit:
                cmd += ["--limit", str(args.limit)]
            if args.progress:
                cmd.append("--progress")
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
            if proc.returncode:
                sys.exit(f"bench_scale: {engine} run failed:\n{proc.stderr[-3000:]}")
            results[engine] = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{engine}: {json.dumps(results[engine])}", file=sys.stderr)
        results["same_output"] = _compare(outs["local"], outs["dask"])
    loc, dk = results["local"], results["dask"]
    results["speedup"] = round(dk["articles_per_s"] / loc["articles_per_s"], 2)
    results["speedup_end_to_end"] = round(dk["end_to_end_per_s"] / loc["end_to_end_per_s"], 2)
    # On a shared machine wall times measure the neighbours.  CPU accounting gives what 2 idle cores
    # would do: one process needs the CPU of its tasks (+ its driver); Dask needs the busiest worker's
    # task CPU, or, if more, all task CPU plus the driver's (scheduler included) spread over the cores.
    cores = args.workers
    local_need = loc["driver_cpu_s"]  # the local driver runs the tasks itself
    dask_need = max(max(dk["task_cpu_s_per_worker"].values()), (dk["task_cpu_s"] + dk["driver_cpu_s"]) / cores)
    results["speedup_cpu_accounted"] = round(local_need / dask_need, 2)
    results["load_after"] = os.getloadavg()
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
