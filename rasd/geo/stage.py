"""The pipeline stage that finds and resolves place mentions (see :mod:`rasd.geo.resolve`)."""

from __future__ import annotations

import threading

from rasd.doc import Document
from rasd.text.stage import norm_text


class RecognizePlaces:
    """Add ``doc.places`` (resolved :class:`~rasd.doc.Place` mentions) and ``doc.focus_countries``."""

    name = "places"
    needs = ("tokens", "sentences")
    adds = ("places",)

    def __init__(self, recognizer=None) -> None:
        self._rec = recognizer
        self._lock = threading.Lock()

    def load(self):
        """Load the gazetteer and compile the matcher (once), with the table of its compiled scan
        (:mod:`rasd.geo.scanned`: a few tenths of a second, for a run of many articles)."""
        rec = self._recognizer()
        rec.matcher.compile()
        return rec

    def _recognizer(self):
        """The recognizer, loaded on first use (without the compiled scan's table: one article alone
        does not pay for it)."""
        if self._rec is None:
            with self._lock:
                if self._rec is None:
                    from rasd.geo.resolve import PlaceRecognizer

                    self._rec = PlaceRecognizer()
        return self._rec

    def __call__(self, doc: Document) -> Document:
        rec = self._rec or self._recognizer()
        places, focus = rec.resolve(doc, norm_text(doc))
        doc.places = places
        doc.focus_countries = focus
        return doc
