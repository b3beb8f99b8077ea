"""The Python API that the CLI mirrors: ``extract`` one article, ``extract_many`` a batch."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rasd.doc import Document
from rasd.io.validate import InputError, check_text
from rasd.pipeline import Pipeline, default_pipeline, tune_gc


def parse_published(value: str | _dt.date | _dt.datetime | None) -> _dt.date | None:
    """A publication date from ``YYYY-MM-DD`` (a time part is ignored), a date or a datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    s = str(value).strip()
    try:
        return _dt.date.fromisoformat(s[:10])
    except ValueError as exc:
        raise InputError(f"published date {s!r} is not YYYY-MM-DD") from exc


def extract(text: str, *, published: str | _dt.date | None = None, source: str | None = None,
            id: str | None = None, title: str | None = None, url: str | None = None,
            pipeline: Pipeline | None = None) -> Document:
    """Read one Arabic article and return its :class:`~rasd.doc.Document`.

    ``published`` anchors relative dates (أمس، الأحد الماضي); without it they stay unresolved.
    Raises :class:`InputError` (a one-line reason) for text rasd cannot read.
    """
    check_text(text)
    doc = Document(text=text, id=id, published=parse_published(published), source=source,
                   title=title, url=url)
    return (pipeline or default_pipeline())(doc)


@dataclass(slots=True)
class Failure:
    """An item of a batch that could not be processed."""

    id: str | None
    reason: str


def extract_many(items: Iterable[dict], *, pipeline: Pipeline | None = None) -> Iterator[Document | Failure]:
    """Extract a stream of records (``id``, ``text``/``content``, ``title``, ``published`` ...).

    Yields a Document for each good record and a :class:`Failure` (id, reason) for each bad one;
    one bad record never stops the batch.  A batch is a long run: the cyclic garbage collector's
    young-generation threshold is raised first (:func:`rasd.pipeline.tune_gc`).
    """
    from rasd.io.records import record_to_kwargs

    pipe = pipeline or default_pipeline()
    tune_gc()
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            kwargs = record_to_kwargs(item)
            yield extract(pipeline=pipe, **kwargs)
        except InputError as exc:
            yield Failure(item.get("id") if isinstance(item, dict) else None, str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not lose the batch
            yield Failure(item.get("id") if isinstance(item, dict) else None,
                          f"internal error: {type(exc).__name__}: {exc}")
