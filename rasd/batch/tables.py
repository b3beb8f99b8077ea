"""Flat tables from documents: one row per event, place, entity, quote, figure and date.

The columns are derived from the dataclasses of :mod:`rasd.doc` (so a field a teammate adds
shows up without a change here): scalars as typed columns, a nested dataclass (an event's
``location``, a quote's ``speaker``, a figure's ``counted`` span) as prefixed columns
(``location_lat``, ``speaker_name``), lists and dicts (evidence spans, actors, info) as JSON
strings.  Every row starts with ``article_id``, ``n`` (its index in the article's list) and
``published``; values come from :meth:`Document.to_dict`.  The ``articles`` table has one row
per article, the ``failures`` table one per bad record.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import types
import typing
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import pyarrow as pa

from rasd import doc as D

# table name -> (key of Document.to_dict(), dataclass of its items)
ROW_TABLES: dict[str, tuple[str, type]] = {
    "events": ("events", D.Event),
    "places": ("places", D.Place),
    "entities": ("entities", D.Entity),
    "quotes": ("quotes", D.Quote),
    "figures": ("figures", D.Figure),
    "dates": ("dates", D.DateMention),
}
TABLES: tuple[str, ...] = ("articles", *ROW_TABLES, "documents", "failures")
PARTITION_KEYS = ("month", "country")
UNPARTITIONED = ("documents", "failures")  # one file per partition: read whole, not filtered

_SCALARS = {int: pa.int64(), float: pa.float64(), str: pa.string(), bool: pa.bool_()}
_COUNTS = ("sentences", "entities", "places", "dates", "figures", "quotes", "events")


@dataclass(frozen=True, slots=True)
class Column:
    """One output column: its name, Arrow type, the path of keys into an item dict, JSON or not."""

    name: str
    type: pa.DataType
    path: tuple[str, ...]
    json: bool = False


def _unwrap(tp: Any) -> Any:
    """``X | None`` -> X (other unions stay as they are)."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _columns_of(cls: type, prefix: tuple[str, ...] = (), depth: int = 0) -> list[Column]:
    cols: list[Column] = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        tp = _unwrap(hints.get(f.name, Any))
        path = (*prefix, f.name)
        name = "_".join(path)
        if tp in _SCALARS:
            cols.append(Column(name, _SCALARS[tp], path))
        elif dataclasses.is_dataclass(tp) and depth == 0:
            cols.extend(_columns_of(tp, path, depth + 1))
        else:
            cols.append(Column(name, pa.string(), path, json=True))
    return cols


@cache
def columns(table: str) -> tuple[Column, ...]:
    """The columns of a table, in order."""
    if table == "articles":
        return (
            Column("article_id", pa.string(), ("id",)),
            Column("published", pa.date32(), ("published",)),
            Column("article_source", pa.string(), ("source",)),
            Column("url", pa.string(), ("url",)),
            Column("title", pa.string(), ("title",)),
            Column("focus_countries", pa.list_(pa.string()), ("focus_countries",)),
            Column("chars", pa.int64(), ("chars",)),
            *(Column(f"n_{k}", pa.int32(), (f"n_{k}",)) for k in _COUNTS),
            Column("input", pa.string(), ("input",)),
            Column("record", pa.int64(), ("record",)),
            Column("partition", pa.string(), ("partition",)),
        )
    if table == "documents":  # what `rasd import` needs to rebuild a Document: the text and to_dict()
        return (Column("article_id", pa.string(), ("id",)), Column("text", pa.string(), ("text",)),
                Column("document", pa.string(), ("document",), json=True),
                Column("input", pa.string(), ("input",)), Column("record", pa.int64(), ("record",)))
    if table == "failures":
        return (Column("id", pa.string(), ("id",)), Column("reason", pa.string(), ("reason",)),
                Column("input", pa.string(), ("input",)), Column("record", pa.int64(), ("record",)),
                Column("partition", pa.string(), ("partition",)))
    key, cls = ROW_TABLES[table]
    head = [Column("article_id", pa.string(), ("__article_id",)), Column("n", pa.int32(), ("__n",)),
            Column("published", pa.date32(), ("__published",))]
    if table == "events":  # events have no offsets of their own: the stretch their evidence covers
        head += [Column("start", pa.int64(), ("__start",)), Column("end", pa.int64(), ("__end",))]
    taken = {c.name for c in head} | set(PARTITION_KEYS)
    body = []
    for c in _columns_of(cls):
        name = c.name
        while name in taken:  # a field that clashes with a fixed or partition column
            name += "_"
        taken.add(name)
        body.append(dataclasses.replace(c, name=name))
    return (*head, *body)


@cache
def schema(table: str) -> pa.Schema:
    """The Arrow schema of a table (without the partition keys, which live in directory names)."""
    return pa.schema([pa.field(c.name, c.type) for c in columns(table)])


def _get(item: dict, path: tuple[str, ...]) -> Any:
    v: Any = item
    for k in path:
        if not isinstance(v, dict):
            return None
        v = v.get(k)
    return v


def _to_date(v: Any) -> _dt.date | None:
    if v is None or isinstance(v, _dt.date):
        return v
    try:
        return _dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _coerce(v: Any, t: pa.DataType) -> Any:
    if v is None:
        return None
    try:
        if pa.types.is_integer(t):
            return int(v)
        if pa.types.is_floating(t):
            return float(v)
        if pa.types.is_boolean(t):
            return bool(v)
        if pa.types.is_string(t):
            return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        if pa.types.is_date(t):
            return _to_date(v)
        if pa.types.is_list(t):
            return [str(x) for x in v]
    except (TypeError, ValueError):
        return None
    return None


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts keyed by the column paths' first keys) to an Arrow table of the table's schema.

    A value of the wrong type is converted when it can be and set to null when it cannot, so one
    odd value never fails a partition.
    """
    arrays = []
    for c in columns(table):
        vals = [_get(r, c.path) for r in rows]
        if c.json:
            vals = [None if v is None else json.dumps(v, ensure_ascii=False) for v in vals]
        elif pa.types.is_date(c.type):
            vals = [_to_date(v) for v in vals]
        try:
            arrays.append(pa.array(vals, type=c.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
            arrays.append(pa.array([_coerce(v, c.type) for v in vals], type=c.type))
    return pa.Table.from_arrays(arrays, schema=schema(table))


def article_country(d: dict) -> str | None:
    """The article's country: its first focus country, else the commonest country of its places."""
    fc = d.get("focus_countries") or []
    if fc:
        return str(fc[0])
    counts = Counter(p.get("country_code") for p in d.get("places") or [] if p.get("country_code"))
    return counts.most_common(1)[0][0] if counts else None


def _row_country(table: str, item: dict, default: str | None) -> str | None:
    if table == "events":
        loc = item.get("location") or {}
        return loc.get("country_code") or default
    if table == "places":
        return item.get("country_code") or default
    return default


def document_rows(d: dict, *, input: str, record: int, partition: str,
                  text: str | None = None) -> dict[str, list[dict]]:
    """The rows that one document (``Document.to_dict()``) adds to each table.

    Each row carries its partition keys as ``__month`` and ``__country``.  With ``text`` (the
    article's verbatim text) the ``documents`` table gets the text and the whole ``to_dict()``.
    """
    published = d.get("published")
    month = str(published)[:7] if published else None
    country = article_country(d)
    out: dict[str, list[dict]] = {}
    art = dict(d)
    art.update({"input": input, "record": record, "partition": partition,
                "__month": month, "__country": country})
    for k in _COUNTS:
        art[f"n_{k}"] = len(d.get(k) or [])
    out["articles"] = [art]
    out["documents"] = [] if text is None else [
        {"id": d.get("id"), "text": text, "document": d, "input": input, "record": record,
         "__month": month, "__country": country}]
    for table, (key, _cls) in ROW_TABLES.items():
        rows = []
        for n, item in enumerate(d.get(key) or []):
            row = dict(item)
            row.update({"__article_id": d.get("id"), "__n": n, "__published": published,
                        "__month": month, "__country": _row_country(table, item, country)})
            if table == "events":
                ev = [s for s in item.get("evidence") or [] if isinstance(s, dict)]
                if ev:
                    row["__start"] = min(s.get("start", 0) for s in ev)
                    row["__end"] = max(s.get("end", 0) for s in ev)
            rows.append(row)
        out[table] = rows
    return out
