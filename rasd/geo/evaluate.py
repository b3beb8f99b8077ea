"""Accuracy of place recognition on a labelled sentence set (tests/geo/sentences.tsv format).

Each row: text, mention, expected country ("-" when the mention must not be a place), lat, lon.
Country accuracy counts rows whose mention is found with the right country; distance accuracy counts
rows with coordinates whose place lies within ``km`` of them; false positives count "-" rows where
the word was taken as a place.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from rasd.doc import Document


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@dataclass
class GeoScore:
    """Counts and the rows that failed."""

    rows: int = 0
    positives: int = 0
    country_ok: int = 0
    with_coords: int = 0
    within_km: int = 0
    negatives: int = 0
    false_positives: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country_ok / self.positives if self.positives else 0.0

    @property
    def distance_accuracy(self) -> float:
        return self.within_km / self.with_coords if self.with_coords else 0.0


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a sentence file (first line provenance, then a header)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    body = "\n".join(ln for ln in lines[1:] if ln.strip())
    return list(csv.DictReader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE))


def evaluate(rows: list[dict[str, str]], stage, km: float = 25.0) -> GeoScore:
    """Run ``stage`` (a RecognizePlaces) on each row's text and score it."""
    from rasd.text.sentences import split_sentences
    from rasd.text.tokenize import tokenize

    sc = GeoScore()
    for r in rows:
        doc = Document(text=r["text"])
        doc.tokens = tokenize(doc.text)
        doc.sentences = split_sentences(doc.text, doc.tokens)
        stage(doc)
        sc.rows += 1
        mention = r["mention"]
        hits = [p for p in doc.places if mention in p.text or p.text in mention]
        if r["cc"] == "-":
            sc.negatives += 1
            if hits:
                sc.false_positives += 1
                sc.failures.append(f"FP {mention!r}: {[(p.text, p.country_code) for p in hits]} | {r['text']}")
            continue
        sc.positives += 1
        ok = [p for p in hits if p.country_code == r["cc"]]
        if ok:
            sc.country_ok += 1
        else:
            sc.failures.append(f"country {mention!r} want {r['cc']} got {[(p.text, p.country_code) for p in hits]}"
                               f" | {r['text']}")
        if r.get("lat"):
            sc.with_coords += 1
            lat, lon = float(r["lat"]), float(r["lon"])
            if any(p.lat is not None and haversine_km(lat, lon, p.lat, p.lon) <= km for p in ok):
                sc.within_km += 1
            elif ok:
                sc.failures.append(f"distance {mention!r}: {[(p.text, p.name_en, p.lat, p.lon) for p in ok]}")
    return sc
