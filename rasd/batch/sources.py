"""Input discovery and partition planning: files, directories and globs to bounded partitions.

A partition is a slice of at most ``size`` records of one input file, identified by the input's
stable name (its path relative to the directory or glob it was found under) and the chunk
index, and fingerprinted by a hash of its content.  Planning streams through each file once
(plain JSONL: byte offsets; gzipped JSONL: offsets in the decompressed stream; Parquet: row
ranges from the footer), never holding more than one line in memory.  Workers then read only
their own slice with :func:`load_records`.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.io.validate import InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
GZ_SUFFIXES = tuple(s + ".gz" for s in JSONL_SUFFIXES)
PARQUET_SUFFIXES = (".parquet", ".pq")

# Columns read from Parquet inputs (whichever exist); see rasd.io.records.
RECORD_COLUMNS = ("id", "text", "content", "body", "title", "published", "date", "date_published",
                  "date_extracted", "source", "url")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file: its absolute path, a stable name (``tag``) and its kind."""

    path: str
    tag: str
    kind: str  # jsonl | jsonl.gz | parquet


@dataclass(frozen=True, slots=True)
class PartitionSpec:
    """A slice of one input file that one task processes.

    ``offset``/``length`` are byte offsets (in the decompressed stream for ``.gz``) of the lines
    of the chunk, ``first`` the line number (JSONL, 1-based) or row index (Parquet, 0-based) of
    its first line/row; ``count`` the records it holds; ``digest`` a hash of its content.
    """

    id: str
    path: str
    tag: str
    kind: str
    chunk: int
    first: int
    count: int
    offset: int = 0
    length: int = 0
    digest: str = ""


def kind_of(path: str | Path) -> str | None:
    """``jsonl``, ``jsonl.gz`` or ``parquet`` from a file name, None for other files."""
    name = str(path).lower()
    if name.endswith(GZ_SUFFIXES):
        return "jsonl.gz"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return None


def _hidden(rel: Path) -> bool:
    return any(part.startswith((".", "_")) for part in rel.parts)


def _inside(path: Path, root: Path | None) -> bool:
    if root is None:
        return False
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _walk(base: Path, exclude: Path | None) -> Iterator[Path]:
    for p in sorted(base.rglob("*")):
        if p.is_file() and kind_of(p) and not _hidden(p.relative_to(base)) and not _inside(p.resolve(), exclude):
            yield p


def discover(inputs: Sequence[str], *, exclude: str | Path | None = None) -> list[InputFile]:
    """The input files named by ``inputs`` (files, directories searched recursively, globs).

    Each gets a stable ``tag``: its path relative to the directory given (or to the fixed part of
    the glob), or its file name, so moving the whole corpus does not change partition ids.
    Files under ``exclude`` (the output directory) and hidden files in directories are skipped.
    Raises :class:`InputError` for a missing input, no files at all, or two inputs with one tag.
    """
    ex = Path(exclude).resolve() if exclude is not None else None
    found: list[tuple[Path, str]] = []
    for arg in inputs:
        p = Path(arg)
        if glob.has_magic(arg):
            parts = Path(arg).parts
            fixed = [q for q in parts[:next(i for i, q in enumerate(parts) if glob.has_magic(q))]]
            base = Path(*fixed) if fixed else Path(".")
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise InputError(f"{arg}: no file matches")
            for m in map(Path, matches):
                if m.is_dir():
                    found.extend((f, f.relative_to(base).as_posix()) for f in _walk(m, ex))
                elif kind_of(m) and not _inside(m.resolve(), ex):
                    found.append((m, m.relative_to(base).as_posix()))
        elif p.is_dir():
            found.extend((f, f.relative_to(p).as_posix()) for f in _walk(p, ex))
        elif p.is_file():
            found.append((p, p.name))
        else:
            raise InputError(f"{arg}: no such file or directory")
    files: list[InputFile] = []
    seen_paths: set[str] = set()
    tags: dict[str, str] = {}
    for path, tag in found:
        ap = str(path.resolve())
        if ap in seen_paths:
            continue
        seen_paths.add(ap)
        if tag in tags:
            raise InputError(f"two inputs are both named {tag!r} ({tags[tag]} and {ap}); "
                             "give them as directories so their relative paths differ")
        tags[tag] = ap
        files.append(InputFile(ap, tag, kind_of(path) or "jsonl"))
    if not files:
        raise InputError("no input files found (looked for .jsonl, .jsonl.gz, .ndjson and .parquet)")
    return files


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def partition_id(tag: str, chunk: int) -> str:
    """A file-name-safe, deterministic partition id: readable tag, a short hash of it, the chunk."""
    safe = _UNSAFE.sub("_", tag).strip("._")[:60] or "input"
    short = hashlib.sha1(tag.encode("utf-8")).hexdigest()[:8]
    return f"{safe}-{short}-c{chunk:06d}"


def _open(path: str, kind: str):
    return gzip.open(path, "rb") if kind == "jsonl.gz" else open(path, "rb")  # noqa: SIM115


def plan_file(f: InputFile, size: int, limit: int | None = None) -> Iterator[PartitionSpec]:
    """Partitions of one file, in order, each of at most ``size`` records (``limit`` caps the total)."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    if f.kind == "parquet":
        yield from _plan_parquet(f, size, limit)
        return
    taken = 0
    chunk = 0
    with _open(f.path, f.kind) as fh:
        offset = pos = 0
        first = lineno = 1
        count = 0
        h = hashlib.sha1()
        try:
            for raw in fh:
                lineno += 1
                pos += len(raw)
                h.update(raw)
                if raw.strip():
                    count += 1
                    taken += 1
                if count and (count == size or (limit is not None and taken >= limit)):
                    yield PartitionSpec(partition_id(f.tag, chunk), f.path, f.tag, f.kind, chunk, first, count,
                                        offset, pos - offset, h.hexdigest())
                    chunk += 1
                    offset, first, count, h = pos, lineno, 0, hashlib.sha1()
                    if limit is not None and taken >= limit:
                        return
        except (OSError, EOFError) as exc:  # a truncated or corrupt .gz
            raise InputError(f"{f.tag}: cannot read past line {lineno - 1}: {exc}") from exc
        if count:
            yield PartitionSpec(partition_id(f.tag, chunk), f.path, f.tag, f.kind, chunk, first, count,
                                offset, pos - offset, h.hexdigest())


def _plan_parquet(f: InputFile, size: int, limit: int | None) -> Iterator[PartitionSpec]:
    import pyarrow.parquet as pq

    try:
        rows = pq.ParquetFile(f.path).metadata.num_rows
    except Exception as exc:  # noqa: BLE001 - any unreadable footer is one bad input
        raise InputError(f"{f.tag}: not a readable Parquet file ({exc})") from exc
    if limit is not None:
        rows = min(rows, limit)
    fsize = os.path.getsize(f.path)
    with open(f.path, "rb") as fh:
        fh.seek(max(0, fsize - 65536))
        footer = hashlib.sha1(fh.read()).hexdigest()
    for chunk, first in enumerate(range(0, rows, size)):
        count = min(size, rows - first)
        digest = hashlib.sha1(f"{fsize}:{footer}:{first}:{count}".encode()).hexdigest()
        yield PartitionSpec(partition_id(f.tag, chunk), f.path, f.tag, f.kind, chunk, first, count, digest=digest)


def load_records(spec: PartitionSpec) -> Iterator[tuple[int, dict[str, Any] | tuple[str, str]]]:
    """The records of a partition as ``(position, record)``; a bad line gives ``(position, (id, reason))``.

    ``position`` is the line number (JSONL) or row index (Parquet) in the input file.  A record
    without an id gets ``<tag>:<position>``.
    """
    if spec.kind == "parquet":
        yield from _load_parquet(spec)
        return
    with _open(spec.path, spec.kind) as fh:
        fh.seek(spec.offset)
        data = fh.read(spec.length)
    lineno = spec.first - 1
    for raw in data.splitlines(keepends=True):
        lineno += 1
        if not raw.strip():
            continue
        rid = f"{spec.tag}:{lineno}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield lineno, (rid, f"line {lineno}: not UTF-8")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, (rid, f"line {lineno}: malformed JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield lineno, (rid, f"line {lineno}: not a JSON object")
            continue
        if obj.get("id") is None:
            obj["id"] = rid
        yield lineno, obj


def _load_parquet(spec: PartitionSpec) -> Iterator[tuple[int, dict[str, Any] | tuple[str, str]]]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(spec.path)
    cols = [c for c in RECORD_COLUMNS if c in pf.schema_arrow.names]
    md = pf.metadata
    start, stop = spec.first, spec.first + spec.count
    groups, base, row = [], None, 0
    for g in range(md.num_row_groups):
        n = md.row_group(g).num_rows
        if row < stop and row + n > start:
            groups.append(g)
            base = row if base is None else base
        row += n
    table = pf.read_row_groups(groups, columns=cols).slice(start - (base or 0), spec.count)
    for i, rec in enumerate(table.to_pylist(), start=start):
        if rec.get("id") is None:
            rec["id"] = f"{spec.tag}:{i}"
        yield i, rec
