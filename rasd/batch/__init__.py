"""Batch extraction at scale: a corpus of JSONL/Parquet files to a Parquet dataset of events.

The work is cut into partitions of at most ``partition_size`` records (input file + chunk
index, with a content hash); each partition is read, extracted and written by one task, on this
process (``engine="local"``) or on a Dask cluster (``engine="dask"``).  Every partition's files
have deterministic names and are written atomically, and a manifest records finished
partitions, so a rerun after a crash does only what is left and a retried task overwrites
rather than duplicates.  See docs/scale.md.

>>> from rasd.batch import BatchOptions, run_batch
>>> summary = run_batch(["news/"], "out/", BatchOptions(engine="dask", workers=2))  # doctest: +SKIP
"""

from __future__ import annotations

from rasd.batch.runner import BatchOptions, BatchSummary, run_batch
from rasd.batch.tables import TABLES

__all__ = ["TABLES", "BatchOptions", "BatchSummary", "run_batch"]
