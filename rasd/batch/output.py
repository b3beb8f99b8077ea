"""The output dataset: hive-style Parquet directories, written atomically, and read back.

Layout of ``OUT``::

    _batch.json                      how the dataset was written (partitioning, rasd version)
    _manifest.jsonl                  finished partitions (see rasd.batch.manifest)
    _summary.json                    the last run's counts and timing
    failures.jsonl                   every bad record: {"id", "reason", "input", "record"}
    articles/month=2015-07/country=YE/part-<partition id>.parquet
    events/...  places/...  entities/...  quotes/...  figures/...  dates/...
    documents/part-<partition id>.parquet   (text + full result of each article, for `rasd import`)
    failures/part-<partition id>.parquet

A partition's files have deterministic names and are written to a hidden temporary name, then
renamed, so a retried task replaces its files and readers never see half a file.  An unknown
month or country is ``__HIVE_DEFAULT_PARTITION__`` (read back as null).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.parquet as pq

from rasd.batch.tables import PARTITION_KEYS, TABLES, UNPARTITIONED, schema, to_arrow

NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
SETTINGS = "_batch.json"
SUMMARY = "_summary.json"
FAILURES = "failures.jsonl"


def _key_value(value: str | None) -> str:
    return NULL_PARTITION if value in (None, "") else quote(str(value), safe="")


def part_name(pid: str) -> str:
    """The file name of a partition's piece of a table."""
    return f"part-{pid}.parquet"


def relative_path(table: str, pid: str, month: str | None, country: str | None,
                  partition_by: Iterable[str]) -> str:
    """Where a partition's rows of one month and country go, relative to the output directory."""
    parts = [table]
    if table not in UNPARTITIONED:
        keys = set(partition_by)
        if "month" in keys:
            parts.append(f"month={_key_value(month)}")
        if "country" in keys:
            parts.append(f"country={_key_value(country)}")
    parts.append(part_name(pid))
    return "/".join(parts)


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write a Parquet file under a hidden temporary name, then rename it into place."""
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"
    try:
        with open(tmp, "wb") as fh:  # a Python file: no filesystem resolution per file
            pq.write_table(table, fh, compression="zstd")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_text_atomic(text: str, path: Path) -> None:
    """Write a text file atomically (temporary name, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_partition(out: str | Path, pid: str, rows: dict[str, list[dict]], partition_by: Iterable[str],
                    after_write: Callable[[str], None] | None = None) -> list[str]:
    """Write one partition's rows (table -> rows with ``__month``/``__country``); the files written."""
    out = Path(out)
    keys = tuple(partition_by)
    by_month, by_country = "month" in keys, "country" in keys
    files: list[str] = []
    made: set[Path] = set()
    for table in TABLES:
        trows = rows.get(table) or []
        if not trows:
            continue
        # row indices by directory: only the keys partitioned by (so that rows of two countries in
        # one month directory share its file instead of overwriting each other)
        groups: dict[tuple[str | None, str | None], list[int]] = {}
        split = table not in UNPARTITIONED
        for i, r in enumerate(trows):
            key = ((r.get("__month") if by_month else None), (r.get("__country") if by_country else None)) \
                if split else (None, None)
            groups.setdefault(key, []).append(i)
        # one Arrow table per table for the whole partition, sliced per directory (the per-column
        # conversion is paid once, not once per file)
        whole = to_arrow(table, trows)
        for (month, country), idx in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
            rel = relative_path(table, pid, month, country, keys)
            path = out / rel
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            part = whole if len(idx) == len(trows) else whole.take(pa.array(idx, type=pa.int32()))
            write_atomic(part, path)
            files.append(rel)
            if after_write is not None:
                after_write(rel)
    return files


def write_settings(out: str | Path, partition_by: tuple[str, ...]) -> dict:
    """Record (or check) how this output directory is partitioned; write each table's schema.

    Raises ValueError when the directory was written with another partitioning.
    """
    from rasd import __version__

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / SETTINGS
    if path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        if tuple(old.get("partition_by", ())) != tuple(partition_by):
            raise ValueError(f"{out} was written partitioned by {','.join(old.get('partition_by')) or 'none'}; "
                             "use the same --partition-by or a new output directory")
        return old
    for t in TABLES:
        (out / t).mkdir(exist_ok=True)
        pq.write_metadata(schema(t), out / t / "_common_metadata")
    settings = {"format": "rasd-batch", "version": 1, "rasd": __version__, "partition_by": list(partition_by),
                "tables": list(TABLES)}
    write_text_atomic(json.dumps(settings, indent=2) + "\n", path)
    return settings


def read_settings(out: str | Path) -> dict:
    """The ``_batch.json`` of an output directory (ValueError when it is not one)."""
    path = Path(out) / SETTINGS
    if not path.is_file():
        raise ValueError(f"{out} is not a rasd batch output (no {SETTINGS})")
    return json.loads(path.read_text(encoding="utf-8"))


def read_table(out: str | Path, table: str, *, columns: list[str] | None = None) -> pa.Table:
    """A whole table of a batch output, partition keys (``month``, ``country``) included as columns."""
    import pyarrow.dataset as ds

    keys = [] if table in UNPARTITIONED else [k for k in PARTITION_KEYS if k in read_settings(out)["partition_by"]]
    full = schema(table)
    for k in keys:
        full = full.append(pa.field(k, pa.string()))
    base = Path(out) / table
    if not base.is_dir():
        return full.empty_table()
    part = ds.partitioning(pa.schema([(k, pa.string()) for k in keys]), flavor="hive") if keys else None
    dataset = ds.dataset(base, format="parquet", schema=full, partitioning=part)
    return dataset.to_table(columns=columns)


def remove_files(out: str | Path, files: Iterable[str]) -> None:
    """Delete files of an output (missing ones are fine)."""
    for rel in files:
        p = Path(out) / rel
        if p.exists():
            p.unlink()
