"""``run_batch``: plan partitions, skip finished ones, run the rest on an engine, keep the manifest."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rasd.batch.manifest import Manifest
from rasd.batch.output import FAILURES, SUMMARY, remove_files, write_settings, write_text_atomic
from rasd.batch.sources import PartitionSpec, discover, plan_file
from rasd.batch.tables import PARTITION_KEYS

ENGINES = ("local", "dask")


@dataclass
class BatchOptions:
    """How to run a batch (the options of ``rasd batch``)."""

    engine: str = "local"
    workers: int | None = None  # Dask LocalCluster size (default: the machine's cores)
    scheduler: str | None = None  # address of a running Dask scheduler (implies engine="dask")
    partition_size: int = 500
    partition_by: tuple[str, ...] = PARTITION_KEYS
    limit: int | None = None  # only the first N records of the inputs, in order
    progress: bool = False
    documents: bool = True  # keep text + full result per article (the `documents` table, for import)
    in_flight: int | None = None  # partitions submitted ahead (default 2 per worker)
    fault: dict | None = None  # test hook, see rasd.batch.worker.process_partition


@dataclass
class BatchSummary:
    """What a run did."""

    out: str
    engine: str = "local"
    workers: int = 1
    partitions: int = 0  # planned (finished before + run now + failed)
    skipped: int = 0  # already finished in an earlier run
    done: int = 0  # finished in this run
    failed_partitions: list[dict] = field(default_factory=list)
    articles: int = 0  # extracted in this run
    failed: int = 0  # bad records in this run
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the tasks run (all workers)
    articles_per_s: float = 0.0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per worker
    interrupted: bool = False

    @property
    def complete(self) -> bool:
        """Every planned partition is finished (now or before)."""
        return not self.interrupted and not self.failed_partitions

    def to_dict(self) -> dict:
        """As JSON-ready data."""
        return {**asdict(self), "complete": self.complete}


def _progress(show: bool):
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=0, unit=" articles", dynamic_ncols=True, mininterval=0.5, smoothing=0.1)


def run_batch(inputs: Sequence[str], out: str | Path, options: BatchOptions | None = None) -> BatchSummary:
    """Extract every record of ``inputs`` into the Parquet dataset ``out`` (see docs/scale.md).

    Rerunning the same call continues where a crashed or interrupted run stopped.  Raises
    :class:`~rasd.io.validate.InputError` for missing inputs and ValueError for bad options.
    """
    opts = options or BatchOptions()
    engine = "dask" if opts.scheduler else opts.engine
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if opts.partition_size < 1:
        raise ValueError("--partition-size must be at least 1")
    bad_keys = set(opts.partition_by) - set(PARTITION_KEYS)
    if bad_keys:
        raise ValueError(f"cannot partition by {', '.join(sorted(bad_keys))}; use month and/or country")
    out = Path(out).resolve()
    files = discover(inputs, exclude=out)
    write_settings(out, tuple(opts.partition_by))
    with _exclusive(out):
        return _run(files, out, opts, engine)


@contextlib.contextmanager
def _exclusive(out: Path):
    """Hold ``OUT/_batch.lock`` for the run: two drivers writing one output would race on its manifest."""
    import fcntl

    fh = open(out / "_batch.lock", "a+")  # noqa: SIM115
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise ValueError(f"another rasd batch is writing {out}; wait for it or use another --out") from exc
        yield
    finally:
        fh.close()


def _remove_temporaries(out: Path) -> None:
    """Delete half-written files that a killed worker left (hidden ``.*.tmp``; readers skip them)."""
    for dirpath, _dirs, names in os.walk(out):
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(dirpath, name))


def _run(files, out: Path, opts: BatchOptions, engine: str) -> BatchSummary:
    manifest = Manifest(out)
    summary = BatchSummary(out=str(out), engine=engine)
    bar = _progress(opts.progress)
    t0 = time.perf_counter()

    def planned() -> Iterator[PartitionSpec]:
        left = opts.limit
        for f in files:
            if left is not None and left <= 0:
                return
            n_chunks = 0
            for spec in plan_file(f, opts.partition_size, left):
                n_chunks += 1
                summary.partitions += 1
                if left is not None:
                    left -= spec.count
                if manifest.done(spec.id, spec.digest):
                    summary.skipped += 1
                    continue
                old = manifest.get(spec.id)
                if old is not None:  # the input changed under this partition: drop its old rows
                    remove_files(out, old.get("files", []))
                    manifest.remove(spec.id)
                if bar is not None:
                    bar.total += spec.count
                    bar.refresh()
                yield spec
            if left is None or left > 0:  # the whole file was planned: chunks past its end are stale
                for e in manifest.of_input(f.tag):
                    if e.get("chunk", -1) >= n_chunks:
                        remove_files(out, e.get("files", []))
                        manifest.remove(e["id"])

    def on_result(res: dict) -> None:
        manifest.add({**res, "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z")})
        summary.done += 1
        summary.articles += res["ok"]
        summary.failed += res["failed"]
        summary.cpu_seconds = round(summary.cpu_seconds + res.get("cpu_s", 0.0), 3)
        w = res.get("worker", "?")
        summary.peak_rss_mb[w] = max(summary.peak_rss_mb.get(w, 0.0), res.get("peak_rss_mb", 0.0))
        if bar is not None:
            bar.update(res["records"])
            bar.set_postfix(failed=summary.failed, refresh=False)

    def on_error(spec: PartitionSpec, reason: str) -> None:
        summary.failed_partitions.append({"id": spec.id, "input": spec.tag, "chunk": spec.chunk,
                                          "reason": reason})
        if bar is not None:
            bar.write(f"rasd: partition {spec.id} failed: {reason}")

    from rasd.batch.engines import TaskArgs, run_dask, run_local

    args = TaskArgs(str(out), tuple(opts.partition_by), opts.fault, opts.documents)
    try:
        if engine == "local":
            info = run_local(planned(), args, on_result, on_error)
        else:
            specs = planned()
            first = next(specs, None)
            if first is None:  # nothing left to do: no cluster to start
                info = {"workers": 0}
            else:
                info = run_dask(itertools.chain([first], specs), args, on_result, on_error,
                                workers=opts.workers or os.cpu_count() or 1, scheduler=opts.scheduler,
                                in_flight=opts.in_flight)
        summary.workers = info["workers"]
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if bar is not None:
            bar.close()
    summary.seconds = round(time.perf_counter() - t0, 3)
    summary.articles_per_s = round((summary.articles + summary.failed) / summary.seconds, 2) if summary.seconds else 0.0
    write_failures(out, manifest)
    if summary.complete:
        _remove_temporaries(out)
    write_text_atomic(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n", out / SUMMARY)
    return summary


def write_failures(out: Path, manifest: Manifest) -> int:
    """Rewrite ``failures.jsonl`` from the failures of every finished partition; how many."""
    import pyarrow.parquet as pq

    rows: list[dict] = []
    for e in manifest.entries.values():
        for rel in e.get("files", []):
            if rel.startswith("failures/") and (out / rel).is_file():
                rows.extend(pq.read_table(out / rel).to_pylist())
    rows.sort(key=lambda r: (r.get("input") or "", r.get("record") or 0))
    text = "".join(json.dumps({k: r.get(k) for k in ("id", "reason", "input", "record")}, ensure_ascii=False) + "\n"
                   for r in rows)
    write_text_atomic(text, out / FAILURES)
    return len(rows)
