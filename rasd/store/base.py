"""The store's interface (a Protocol), its filter and its result records.

The pipeline, the CLI and the HTTP API talk to a :class:`CorpusStore`; :class:`rasd.store.Store`
(SQLite, embedded) implements it, and a server database can implement it later without touching
them.  Query methods return JSON-ready dicts in the schema of :meth:`rasd.doc.Document.to_dict`
(events, articles) or small dataclasses (summaries), with ``limit``/``offset`` pagination and
stable ids.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Protocol, TextIO, runtime_checkable

from rasd.doc import Document


@dataclass(slots=True)
class EventQuery:
    """Event filters; every field optional, all given ones must hold.

    ``since``/``until`` compare the event's day (its date, else the article's publication date),
    inclusive.  ``near`` is (lat, lon, km).  ``q`` restricts to articles matching a full-text
    query.  Events of near-duplicate articles are left out unless ``include_duplicates``.
    """

    country: str | None = None
    type: str | None = None
    acled_type: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None
    min_fatalities: int | None = None
    q: str | None = None
    article_id: str | None = None
    include_duplicates: bool = False

    @classmethod
    def of(cls, query: EventQuery | Any | None = None, **kwargs) -> EventQuery:
        """An EventQuery from another filter object with the same field names, and/or keywords."""
        base: dict[str, Any] = {}
        if query is not None:
            names = {f.name for f in fields(cls)}
            src = asdict(query) if isinstance(query, EventQuery) else {
                n: getattr(query, n) for n in names if hasattr(query, n)}
            base.update({k: v for k, v in src.items() if k in names})
        base.update({k: v for k, v in kwargs.items() if v is not None})
        return cls(**base)


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did."""

    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0  # stored, linked to the article they repeat (counted in ingested too)
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (item, reason), first 1000

    def as_dict(self) -> dict:
        """JSON-ready (without the failure list)."""
        d = asdict(self)
        d.pop("failures")
        return d


@dataclass(slots=True)
class AddResult:
    """The outcome of storing one article."""

    id: str
    status: str  # stored | duplicate | near-duplicate
    events: int = 0
    near_duplicate_of: str | None = None
    similarity: float | None = None


@runtime_checkable
class CorpusStore(Protocol):
    """A corpus of articles and what rasd read in them."""

    path: str

    # writing
    def ingest(self, paths: Iterable[str | os.PathLike], **options) -> IngestSummary:
        """Read, deduplicate, extract and store every article under ``paths``."""

    def ingest_records(self, records: Iterable[dict], **options) -> IngestSummary:
        """The same for records (``text``/``content``, ``title``, ``published`` ...)."""

    def add_document(self, doc: Document, *, origin: str | None = None) -> AddResult:
        """Store an already extracted Document (deduplicated like an ingested one)."""

    def reprocess(self, **options) -> IngestSummary:
        """Re-extract articles whose results an older pipeline made."""

    # reading
    def events(self, query: EventQuery | None = None, *, limit: int = 100, offset: int = 0,
               **filters) -> list[dict]:
        """One page of events, newest first: event dicts plus ``article_id`` and ``article``."""

    def count_events(self, query: EventQuery | None = None, **filters) -> int:
        """How many events match."""

    def iter_events(self, query: EventQuery | None = None, **filters) -> Iterator[dict]:
        """Every matching event, streamed in storage order (bounded memory)."""

    def event(self, event_id: str) -> dict | None:
        """One event by id."""

    def article(self, article_id: str) -> dict | None:
        """One article: ``Document.to_dict()`` plus ``text`` and store metadata."""

    def document(self, article_id: str) -> Document | None:
        """One article as a typed Document."""

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict]:
        """Articles matching a full-text query, best first, each with a snippet of the original."""

    def count_search(self, query: str) -> int:
        """How many articles match a full-text query."""

    def stats(self) -> dict:
        """Counts: articles, events by type, ACLED type and country; date range; failures."""

    def export(self, fmt: str, out: str | os.PathLike | TextIO | None = None,
               query: EventQuery | None = None, **filters) -> int:
        """Stream matching events to ``out`` in ``fmt``; returns the number written."""

    def close(self) -> None:
        """Release the store."""
