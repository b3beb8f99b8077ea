"""``import_batch``: load a batch output into the corpus store (idempotent).

Each article of the ``documents`` table (its verbatim text and ``Document.to_dict()``) is rebuilt
as a :class:`~rasd.doc.Document` and stored with :meth:`CorpusStore.add_document`, which
deduplicates by content: importing the same output twice (or two overlapping outputs) stores
each article once.  Only partitions listed in the manifest (finished) are read, in a fixed order
(input, chunk, record), so the store's near-duplicate links do not depend on the engine that
made the output.  Bad records of the batch go to the store's ``failures`` table once.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rasd.batch.manifest import Manifest
from rasd.batch.output import read_settings


@dataclass
class ImportSummary:
    """What an import did."""

    stored: int = 0
    duplicates: int = 0  # already in the store (a re-import, or the same text twice)
    near_duplicates: int = 0  # stored, linked to the article they repeat
    events: int = 0
    failed: int = 0  # articles the store refused (one-line reasons in ``problems``)
    failures: int = 0  # bad records of the batch recorded in the store's failures table
    partitions: int = 0
    seconds: float = 0.0
    incomplete: bool = False  # the batch output's last run did not finish
    problems: list[tuple[str, str]] | None = None

    def to_dict(self) -> dict:
        """As JSON-ready data."""
        return asdict(self)


def _record_failures(store, rows: list[dict]) -> int:
    """Add batch failures to the store's ``failures`` table, once each (item, reason)."""
    conn = getattr(store, "conn", None)
    if conn is None or not rows:  # a store without that table: nothing to do
        return 0
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    before = conn.total_changes
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany("INSERT OR IGNORE INTO failures (item, reason, time) VALUES (?,?,?)",
                         [(f"{r.get('input')}:{r.get('record')}", r.get("reason") or "?", now) for r in rows])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return conn.total_changes - before


def _local_event_ids(doc) -> None:
    """Event ids made from the input's article id (``<id>-e1``) lose that prefix, so the store
    names them after its own article id (``<store id>-e1``), exactly as when it extracts itself."""
    prefix = f"{doc.id}-" if doc.id else None
    for ev in doc.events:
        if prefix and ev.id and ev.id.startswith(prefix):
            ev.id = ev.id[len(prefix):]


def import_batch(out: str | Path, store, *, progress: bool = False) -> ImportSummary:
    """Load the finished partitions of batch output ``out`` into ``store`` (a CorpusStore)."""
    import pyarrow.parquet as pq

    from rasd.io.validate import InputError
    from rasd.progress import progress_bar
    from rasd.store.codec import document_from_dict

    out = Path(out)
    settings = read_settings(out)
    if "documents" not in settings.get("tables", []):
        raise ValueError(f"{out} has no documents table (made by an older rasd batch): nothing to import")
    manifest = Manifest(out)
    summary = ImportSummary(problems=[])
    status = out / "_summary.json"
    if status.is_file():
        summary.incomplete = not json.loads(status.read_text(encoding="utf-8")).get("complete", False)
    t0 = time.perf_counter()
    entries = sorted(manifest.entries.values(), key=lambda e: (e.get("input") or "", e.get("chunk") or 0))
    has_docs = any(rel.startswith("documents/") for e in entries for rel in e.get("files", []))
    if entries and not has_docs and any(e.get("ok") for e in entries):
        raise ValueError(f"{out} was written with --no-documents: it holds no article texts to import")

    def documents():
        for e in entries:
            summary.partitions += 1
            rows: list[dict] = []
            fails: list[dict] = []
            for rel in sorted(e.get("files", [])):
                path = out / rel
                if rel.startswith("documents/") and path.is_file():
                    rows.extend(pq.read_table(path).to_pylist())
                elif rel.startswith("failures/") and path.is_file():
                    fails.extend(pq.read_table(path).to_pylist())
            summary.failures += _record_failures(store, fails)
            rows.sort(key=lambda r: r.get("record") or 0)
            yield from rows

    for row in progress_bar(documents(), progress, unit="article"):
        origin = f"{row.get('input')}:{row.get('record')}"
        try:
            doc = document_from_dict(json.loads(row["document"]), row["text"])
            _local_event_ids(doc)
            res = store.add_document(doc, origin=origin)
        except (InputError, ValueError, TypeError, KeyError) as exc:
            summary.failed += 1
            if len(summary.problems) < 1000:
                summary.problems.append((origin, f"{type(exc).__name__}: {exc}"))
            continue
        if res.status == "duplicate":
            summary.duplicates += 1
            continue
        summary.stored += 1
        summary.events += res.events
        summary.near_duplicates += res.status == "near-duplicate"
    summary.seconds = round(time.perf_counter() - t0, 3)
    return summary
