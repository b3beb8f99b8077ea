"""Writing results: JSON, JSONL and a readable table; event formats register here too.

``WRITERS`` maps a format name to ``module:function``; each function takes an iterable of
Documents, an open text file and keyword options, and streams its output.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from rasd.doc import Document

WRITERS: dict[str, str] = {
    "json": "rasd.io.writers:write_json",
    "jsonl": "rasd.io.writers:write_jsonl",
    "table": "rasd.io.table:write_table",
    "acled-csv": "rasd.io.acled:write_acled_csv",
    "plover-jsonl": "rasd.io.plover:write_plover_jsonl",
    "geojson": "rasd.io.geojson:write_geojson",
}


def write_documents(docs: Iterable[Document], fmt: str, fh: TextIO, **options) -> None:
    """Write ``docs`` to ``fh`` in format ``fmt`` (a key of :data:`WRITERS`)."""
    target = WRITERS.get(fmt)
    if target is None:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(sorted(WRITERS))}")
    mod, _, fn = target.partition(":")
    getattr(importlib.import_module(mod), fn)(docs, fh, **options)


@contextlib.contextmanager
def open_output(path: str) -> Iterator[TextIO]:
    """A text file for writing, or stdout for ``-``; UTF-8 either way."""
    if path in (None, "-"):
        out = sys.stdout
        with contextlib.suppress(AttributeError, ValueError):
            out.reconfigure(encoding="utf-8")
        yield out
        out.flush()
    else:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            yield fh


def write_json(docs: Iterable[Document], fh: TextIO, *, tokens: bool = False, **_) -> None:
    """One document as a JSON object; several as a JSON array."""
    items = [d.to_dict(tokens=tokens) for d in docs]
    json.dump(items[0] if len(items) == 1 else items, fh, ensure_ascii=False, indent=2)
    fh.write("\n")


def write_jsonl(docs: Iterable[Document], fh: TextIO, *, tokens: bool = False, **_) -> None:
    """One JSON object a line, streamed."""
    for d in docs:
        fh.write(json.dumps(d.to_dict(tokens=tokens), ensure_ascii=False))
        fh.write("\n")
