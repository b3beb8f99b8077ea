"""What ``rasd ingest`` reads: files, directories (recursively), JSONL, JSON arrays, HTML, RSS/Atom, stdin.

:func:`iter_items` turns paths into a stream of :class:`Item` (a name for reports, and either a
record for :func:`rasd.io.records.record_to_kwargs` or the one-line reason it could not be read).
One bad file or line never stops the stream.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.io.readers import BadRecord, read_jsonl, text_from_bytes
from rasd.io.validate import InputError

JSONL = (".jsonl", ".ndjson")
JSON = (".json",)
FEED = (".rss", ".atom", ".xml")


@dataclass(slots=True)
class Item:
    """One input article: ``name`` (path, path:line or path#n), and a ``record`` or an ``error``."""

    name: str
    record: dict | None = None
    error: str | None = None


def expand(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[str, str | None]]:
    """(path, error) for every file under ``paths``: directories are walked recursively, sorted,
    hidden files skipped; ``-`` is standard input."""
    for p in paths:
        s = str(p)
        if s == "-":
            yield s, None
            continue
        path = Path(s)
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield os.path.join(root, f), None
        elif path.exists():
            yield s, None
        else:
            yield s, "no such file or directory"


def iter_items(paths: Iterable[str | os.PathLike]) -> Iterator[Item]:
    """Every article of ``paths`` as an :class:`Item` (records, or reasons they could not be read)."""
    for path, err in expand(paths):
        if err:
            yield Item(path, error=err)
            continue
        try:
            yield from _items_of(path)
        except InputError as exc:
            yield Item(path if path != "-" else "<stdin>", error=str(exc))


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def _items_of(path: str) -> Iterator[Item]:
    low = path.lower()
    if low.endswith(JSONL):
        yield from _jsonl(path)
        return
    data = _read(path)
    name = "<stdin>" if path == "-" else path
    if not data.strip():
        raise InputError("empty file")
    if low.endswith(JSON) or (path == "-" and data.lstrip()[:1] in (b"[", b"{")):
        yield from _json(data, name)
        return
    from rasd.io.feeds import looks_like_feed, parse_feed
    from rasd.io.readers import decode_bytes

    if low.endswith(FEED) or looks_like_feed(data[:1000].decode("utf-8", errors="ignore")):
        for n, rec in enumerate(parse_feed(decode_bytes(data), name=name), start=1):
            if isinstance(rec, BadRecord):
                yield Item(f"{name}#{n}", error=str(rec))
            else:
                yield Item(f"{name}#{n}", record=rec)
        return
    text, title = text_from_bytes(data)
    yield Item(name, record={"text": text, "title": title})


def _json(data: bytes, name: str) -> Iterator[Item]:
    """A JSON object or array (UTF-8); JSON lines are accepted too, each bad line its own failure."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            if not _jsonl_like(data):
                raise InputError(f"malformed JSON ({exc.msg} at line {exc.lineno})") from exc
        else:
            if isinstance(obj, dict):
                yield _record(obj, name)
            elif isinstance(obj, list):
                for n, rec in enumerate(obj, start=1):
                    yield _record(rec, f"{name}#{n}")
            else:
                raise InputError("JSON is neither an object nor an array of objects")
            return
    elif not _jsonl_like(data):
        raise InputError("JSON is not valid UTF-8")
    for n, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError:
            yield Item(f"{name}:{n}", error=f"line {n}: not UTF-8")
        except json.JSONDecodeError as e:
            yield Item(f"{name}:{n}", error=f"line {n}: malformed JSON ({e.msg})")
        else:
            yield _record(rec, f"{name}:{n}")


def _jsonl_like(data: bytes) -> bool:
    lines = [ln for ln in data.splitlines() if ln.strip()]
    return len(lines) > 1 and lines[0].lstrip(b"\xef\xbb\xbf \t").startswith(b"{")


def _record(rec: object, name: str) -> Item:
    if not isinstance(rec, dict):
        return Item(name, error="not a JSON object")
    return Item(name, record=rec)


def _jsonl(path: str) -> Iterator[Item]:
    name = "<stdin>" if path == "-" else path
    if path != "-":
        try:
            if os.path.getsize(path) == 0:
                raise InputError("empty file")
            with open(path, "rb"):
                pass
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    for rec in read_jsonl(path):
        if isinstance(rec, BadRecord):
            yield Item(f"{name}:{rec.id.removeprefix('line:')}" if rec.id else name, error=str(rec))
        else:
            line = rec.get("id") if str(rec.get("id", "")).startswith("line:") else None
            if line:
                rec["id"] = None
            yield Item(f"{name}:{line.removeprefix('line:')}" if line else f"{name}[{rec.get('id')}]",
                       record=rec)
