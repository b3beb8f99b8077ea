"""Engines that run partition tasks: in this process, or on Dask (a LocalCluster or a scheduler).

An engine takes an iterator of :class:`PartitionSpec` and calls ``on_result(summary)`` for each
finished partition, or ``on_error(spec, reason)`` for one that could not be done.  The Dask
engine keeps only a bounded window of partitions in flight, pulling more from the (lazy)
planner as results come back, so neither the driver nor the scheduler ever holds the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rasd.batch.sources import PartitionSpec
from rasd.batch.worker import get_pipeline, process_partition

OnResult = Callable[[dict], None]
OnError = Callable[[PartitionSpec, str], None]


@dataclass
class TaskArgs:
    """What every task gets besides its partition."""

    out: str
    partition_by: tuple[str, ...]
    fault: dict | None = None
    documents: bool = True


def run_local(specs: Iterator[PartitionSpec], args: TaskArgs, on_result: OnResult, on_error: OnError) -> dict:
    """Run partitions one after another in this process."""
    get_pipeline()
    for spec in specs:
        try:
            res = process_partition(spec, args.out, args.partition_by, args.fault, args.documents)
        except Exception as exc:  # noqa: BLE001 - one unreadable partition must not stop the batch
            on_error(spec, f"{type(exc).__name__}: {exc}")
            continue
        on_result(res)
    return {"engine": "local", "workers": 1}


def _preload_plugin():
    from distributed.diagnostics.plugin import WorkerPlugin

    class PreloadPipeline(WorkerPlugin):
        """Load rasd's default pipeline when a worker starts (and when it is restarted)."""

        name = "rasd-preload-pipeline"

        def setup(self, worker) -> None:
            get_pipeline()

    return PreloadPipeline()


# Dask settings for rasd's LocalCluster: the statistical profiler (a stack sample of the task
# thread every 10 ms) is of no use to a batch job, and polling memory every 100 ms and system
# metrics every 500 ms cost the driver, which hosts the scheduler and the nannies, about 7% of a
# core on 2 workers (measured: 2.3 s -> 0.8 s of driver CPU for 400 articles).  On a real cluster
# set them in the workers' Dask config (docs/scale.md).
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "200ms",
}


def run_dask(specs: Iterator[PartitionSpec], args: TaskArgs, on_result: OnResult, on_error: OnError, *,
             workers: int = 2, scheduler: str | None = None, in_flight: int | None = None,
             memory_limit: str | None = "auto") -> dict:
    """Run partitions on Dask: a LocalCluster of ``workers`` processes (1 thread each), or ``scheduler``.

    A task whose worker dies is rescheduled by Dask on another worker; it rewrites the same file
    names, so the output holds each article once.  A partition that keeps killing workers (or
    raises) is reported through ``on_error`` and the rest go on.
    """
    import uuid

    import dask
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        with dask.config.set(WORKER_CONFIG):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR,
                                   memory_limit=memory_limit)
        client = Client(cluster)
    try:
        client.register_plugin(_preload_plugin())
        client.wait_for_workers(1)
        n_workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        window = in_flight or 2 * n_workers
        run = uuid.uuid4().hex[:8]
        pending: dict = {}
        ac = as_completed()

        def submit_next() -> bool:
            spec = next(specs, None)
            if spec is None:
                return False
            fut = client.submit(process_partition, spec, args.out, args.partition_by, args.fault, args.documents,
                                key=f"rasd-batch-{run}-{spec.id}", pure=False)
            pending[fut.key] = spec
            ac.add(fut)
            return True

        for _ in range(window):
            if not submit_next():
                break
        for fut in ac:
            spec = pending.pop(fut.key)
            try:
                res = fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker or an error in the task
                on_error(spec, f"{type(exc).__name__}: {exc}")
            else:
                on_result(res)
            fut.release()
            submit_next()
        return {"engine": "dask", "workers": n_workers, "scheduler": client.scheduler.address}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
