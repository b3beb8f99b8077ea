"""The corpus store: articles, extraction results and events in one embedded SQLite file.

>>> from rasd.store import Store
>>> with Store.open("rasd.db") as st:                      # doctest: +SKIP
...     st.ingest(["news/"], progress=True)
...     st.events(country="LY", type="ASSAULT", limit=20)
...     st.search("طرابلس")
...     st.stats()

:class:`CorpusStore` is the interface (a Protocol) the CLI and the HTTP API use; :class:`Store` is
the SQLite implementation (``Store.memory()`` is the in-memory stand-in for tests).  See docs/store.md.
"""

from __future__ import annotations

from rasd.store.base import AddResult, CorpusStore, EventQuery, IngestSummary
from rasd.store.sqlite import Store, default_path

__all__ = ["AddResult", "CorpusStore", "EventQuery", "IngestSummary", "Store", "default_path"]
