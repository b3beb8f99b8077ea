"""Streaming exports of stored events: ACLED CSV, PLOVER JSONL, GeoJSON, JSON(L), Parquet.

Every writer consumes an iterator of stored event dicts (see :meth:`rasd.store.Store.iter_events`)
and writes as it goes, so memory stays bounded however many events the store holds.  ACLED and
PLOVER rows come from the per-event functions of :mod:`rasd.io.acled` and :mod:`rasd.io.plover`.
Parquet is written with pyarrow's ParquetWriter in row groups of :data:`PARQUET_BATCH` events.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

FORMATS = ("acled-csv", "plover-jsonl", "geojson", "jsonl", "json", "parquet")
PARQUET_BATCH = 10_000

# Flat event columns of the Parquet export (and of table-like consumers).
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("article_id", "string"), ("type", "string"), ("mode", "string"),
    ("event_type", "string"), ("sub_event_type", "string"), ("disorder_type", "string"),
    ("date", "string"), ("date_precision", "string"), ("country_code", "string"), ("place", "string"),
    ("place_en", "string"), ("admin1", "string"), ("lat", "float64"), ("lon", "float64"),
    ("geo_precision", "int32"), ("actor1", "string"), ("actor2", "string"), ("fatalities", "int32"),
    ("injured", "int32"), ("displaced", "int32"), ("arrested", "int32"), ("civilian_targeting", "bool_"),
    ("factuality", "string"), ("confidence", "float64"), ("evidence_start", "int32"),
    ("evidence_end", "int32"), ("evidence_text", "string"), ("source", "string"), ("published", "string"),
    ("title", "string"), ("url", "string"), ("event_json", "string"),
)


def flat_event(ev: dict) -> dict:
    """A stored event dict as one flat row (see :data:`FLAT_COLUMNS`)."""
    loc = ev.get("location") or {}
    art = ev.get("article") or {}
    actors = ev.get("actors") or []
    by_role = {a.get("role"): (a.get("name") or a.get("text")) for a in reversed(actors)}
    evid = (ev.get("evidence") or [None])[0] or {}
    core = {k: v for k, v in ev.items() if k not in ("article",)}
    return {
        "id": ev.get("id"), "article_id": ev.get("article_id"), "type": ev.get("type"), "mode": ev.get("mode"),
        "event_type": ev.get("event_type"), "sub_event_type": ev.get("sub_event_type"),
        "disorder_type": ev.get("disorder_type"), "date": ev.get("date"),
        "date_precision": ev.get("date_precision"), "country_code": loc.get("country_code"),
        "place": loc.get("name") or loc.get("text"), "place_en": loc.get("name_en"),
        "admin1": loc.get("admin1"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "geo_precision": loc.get("geo_precision"), "actor1": by_role.get("actor1"),
        "actor2": by_role.get("actor2"), "fatalities": ev.get("fatalities"), "injured": ev.get("injured"),
        "displaced": ev.get("displaced"), "arrested": ev.get("arrested"),
        "civilian_targeting": bool(ev.get("civilian_targeting")), "factuality": ev.get("factuality"),
        "confidence": ev.get("confidence"), "evidence_start": evid.get("start"),
        "evidence_end": evid.get("end"), "evidence_text": evid.get("text"), "source": art.get("source"),
        "published": art.get("published"), "title": art.get("title"), "url": art.get("url"),
        "event_json": json.dumps(core, ensure_ascii=False),
    }


@contextlib.contextmanager
def _text_out(out) -> Iterator[TextIO]:
    if out is None or out == "-":
        with contextlib.suppress(AttributeError, ValueError):
            sys.stdout.reconfigure(encoding="utf-8")
        yield sys.stdout
        sys.stdout.flush()
    elif hasattr(out, "write"):
        yield out
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh


def export_events(events: Iterable[dict], fmt: str, out=None) -> int:
    """Write ``events`` (stored event dicts) to ``out`` in ``fmt``; returns the number written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None or out == "-" or hasattr(out, "write"):
            raise ValueError("parquet needs an output file (--out PATH)")
        return write_parquet(events, out)
    with _text_out(out) as fh:
        return WRITERS[fmt](events, fh)


def write_jsonl(events: Iterable[dict], fh: TextIO) -> int:
    """One event dict a line."""
    n = 0
    for ev in events:
        fh.write(json.dumps(ev, ensure_ascii=False))
        fh.write("\n")
        n += 1
    return n


def write_json(events: Iterable[dict], fh: TextIO) -> int:
    """A JSON array of event dicts, streamed element by element."""
    fh.write("[")
    n = 0
    for ev in events:
        fh.write(",\n" if n else "\n")
        fh.write(json.dumps(ev, ensure_ascii=False))
        n += 1
    fh.write("\n]\n" if n else "]\n")
    return n


def _event_obj(ev: dict):
    from rasd.store.codec import event_from_dict

    return event_from_dict(ev)


def write_acled_csv(events: Iterable[dict], fh: TextIO, *, all_types: bool = False) -> int:
    """ACLED CSV (columns of :mod:`rasd.io.acled`): events ACLED codes (all with ``all_types``)."""
    from rasd.io.acled import COLUMNS, acled_row

    w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        if not (ev.get("event_type") or all_types):
            continue
        art = ev.get("article") or {}
        w.writerow(acled_row(_event_obj(ev), article_id=ev.get("article_id"), source=art.get("source"),
                             published=art.get("published")))
        n += 1
    return n


def write_plover_jsonl(events: Iterable[dict], fh: TextIO) -> int:
    """PLOVER records (:mod:`rasd.io.plover`), one a line."""
    from rasd.io.plover import plover_record

    n = 0
    for ev in events:
        art = ev.get("article") or {}
        rec = plover_record(_event_obj(ev), article_id=ev.get("article_id"), source=art.get("source"),
                            published=art.get("published"))
        fh.write(json.dumps(rec, ensure_ascii=False))
        fh.write("\n")
        n += 1
    return n


def write_geojson(events: Iterable[dict], fh: TextIO) -> int:
    """A FeatureCollection of the located events."""
    from rasd.io.geojson import write_geojson_events

    return write_geojson_events(((ev, ev.get("article")) for ev in events), fh)


WRITERS = {"jsonl": write_jsonl, "json": write_json, "acled-csv": write_acled_csv,
           "plover-jsonl": write_plover_jsonl, "geojson": write_geojson}


def parquet_schema():
    """The pyarrow schema of the Parquet export."""
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, typ)()) for name, typ in FLAT_COLUMNS])


def write_parquet(events: Iterable[dict], path: str | os.PathLike, *, batch: int = PARQUET_BATCH) -> int:
    """Flat event rows to a Parquet file, one row group per ``batch`` events (zstd)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    tmp = f"{path}.part"
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        rows: list[dict] = []
        for ev in events:
            rows.append(flat_event(ev))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    os.replace(tmp, path)
    return n
