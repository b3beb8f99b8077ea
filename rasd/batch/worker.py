"""The task: read one partition, extract every article, write its table files.

The pipeline (gazetteer index, tagger model, ...) is loaded once per process and kept in a
module-level cache, so every task a worker runs reuses it; on Dask a worker plugin loads it when
the worker starts (see rasd.batch.engines).  Memory is bounded by the partition: each document
is reduced to table rows as soon as it is extracted.
"""

from __future__ import annotations

import contextlib
import os
import resource
import socket
import threading
import time
from pathlib import Path
from typing import Any

from rasd.batch.output import write_partition
from rasd.batch.sources import PartitionSpec, load_records
from rasd.batch.tables import TABLES, document_rows

_pipeline = None
_lock = threading.Lock()


def get_pipeline():
    """The default pipeline with every resource loaded, built once per process."""
    global _pipeline
    if _pipeline is None:
        with _lock:
            if _pipeline is None:
                from rasd.pipeline import default_pipeline

                pipe = default_pipeline().load()
                _warm_up(pipe)
                _pipeline = pipe
    return _pipeline


_WARM_UP = ("قال مسؤول في وزارة الداخلية أمس إن ثلاثة أشخاص قتلوا وأصيب خمسة آخرون في انفجار "
            "استهدف سوقا شعبية في مدينة حلب، مضيفا: «نلاحق المسؤولين عن الهجوم».")


def _warm_up(pipe) -> None:
    """Run one short team-written sentence through the pipeline, so that whatever its stages still
    build on first use (caches, compiled patterns) is built at worker start, not in the first task."""
    from rasd.doc import Document

    with contextlib.suppress(Exception):  # a warm-up failure must not stop a worker; tasks will report
        pipe(Document(text=_WARM_UP, id="warm-up"))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kb / 1024, 1)


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().name)
    except (ImportError, ValueError):
        return f"{socket.gethostname()}:{os.getpid()}"


def process_partition(spec: PartitionSpec, out: str, partition_by: tuple[str, ...],
                      fault: dict | None = None, documents: bool = True) -> dict[str, Any]:
    """Extract one partition and write its files; a summary for the manifest.

    A bad record or an article that fails becomes a row of the ``failures`` table; an input that
    cannot be read at all raises (the driver reports the partition as failed and goes on).
    With ``documents`` the ``documents`` table keeps each article's text and full result.
    ``fault`` is a test hook: ``{"kill_once": marker path, "chunk": k}`` kills this worker
    process once, after the first file of chunk ``k`` is written.
    """
    from rasd.api import Failure, extract_many

    t0, c0, th0 = time.perf_counter(), time.process_time(), time.thread_time()
    pipe = get_pipeline()
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    positions: list[int] = []
    items: list[Any] = []
    for pos, rec in load_records(spec):
        positions.append(pos)
        items.append(Failure(*rec) if isinstance(rec, tuple) else rec)
    ok = failed = 0
    for pos, result in zip(positions, extract_many(items, pipeline=pipe), strict=True):
        if isinstance(result, Failure):
            failed += 1
            rows["failures"].append({"id": result.id, "reason": result.reason, "input": spec.tag,
                                     "record": pos, "partition": spec.id})
            continue
        ok += 1
        d = result.to_dict()
        d["chars"] = len(result.text)
        trows_by_table = document_rows(d, input=spec.tag, record=pos, partition=spec.id,
                                       text=result.text if documents else None)
        for table, trows in trows_by_table.items():
            rows[table].extend(trows)
    del items
    th_extract = time.thread_time() - th0
    hook = None
    if fault and fault.get("chunk") == spec.chunk and not Path(fault["kill_once"]).exists():
        def hook(_rel: str) -> None:
            import signal

            Path(fault["kill_once"]).write_text("killed\n")
            os.kill(os.getpid(), signal.SIGKILL)
    files = write_partition(out, spec.id, rows, partition_by, after_write=hook)
    return {"id": spec.id, "input": spec.tag, "chunk": spec.chunk, "digest": spec.digest,
            "records": spec.count, "ok": ok, "failed": failed, "files": files,
            "rows": {t: len(r) for t, r in rows.items() if r},
            "seconds": round(time.perf_counter() - t0, 3), "cpu_s": round(time.process_time() - c0, 3),
            # this task's own thread: reading + extraction + rows, then Parquet writing; the rest of
            # cpu_s is other threads of the process meanwhile (Dask's event loop, Arrow's pool)
            "thread_cpu_s": round(time.thread_time() - th0, 3), "extract_cpu_s": round(th_extract, 3),
            "worker": _worker_name(),
            "peak_rss_mb": peak_rss_mb()}
