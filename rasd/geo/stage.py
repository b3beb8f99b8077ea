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
        """Load the gazetteer and compile the matcher (once)."""
        if self._rec is None:
            with self._lock:
                if self._rec is None:
                    from rasd.geo.resolve import PlaceRecognizer

                    self._rec = PlaceRecognizer()
        return self._rec

    def __call__(self, doc: Document) -> Document:
        rec = self.load()
        places, focus = rec.resolve(doc, norm_text(doc))
        doc.places = places
        doc.focus_countries = focus
        return doc
