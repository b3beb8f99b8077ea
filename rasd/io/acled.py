"""ACLED-style CSV: one row per event that ACLED would code, ACLED's columns plus rasd's evidence.

Built in two layers so that stored events can reuse it: :func:`acled_row` turns one
:class:`~rasd.doc.Event` (and what is known of its article) into a dict of ACLED columns, and
:func:`write_acled_csv` streams the rows of many Documents (``rasd extract --format acled-csv``).
"""

from __future__ import annotations

import csv
import datetime as _dt
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TextIO

from rasd.doc import Document, Event

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
RASD_COLUMNS = [
    "rasd_article_id", "rasd_event_id", "rasd_evidence_start", "rasd_evidence_end", "rasd_evidence_text",
    "rasd_confidence", "rasd_plover_type", "rasd_plover_mode", "rasd_factuality", "rasd_injured",
    "rasd_arrested", "rasd_displaced", "rasd_trigger",
]
COLUMNS = ACLED_COLUMNS + RASD_COLUMNS
_PRECISION = {"day": 1, "week": 2, "range": 2, "publication": 2, "month": 3, "year": 3}


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    from rasd.lexicon import load_tsv, load_yaml

    _h, rows = load_tsv("events/countries.tsv")
    names = {r["code"]: r["name_en"] for r in rows}
    regions = {}
    for region, codes in (load_yaml("events/acled_mapping.yaml").get("regions") or {}).items():
        for c in codes:
            regions[c] = region
    return names, regions


def _country(cc: str | None) -> tuple[str, str, str]:
    """(English name, numeric ISO, alpha-3) of a country code."""
    if not cc:
        return "", "", ""
    names, _r = _countries()
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=cc)
    except Exception:  # noqa: BLE001 - pycountry is optional here
        c = None
    name = names.get(cc) or (c.name if c else cc)
    return name, (str(int(c.numeric)) if c else ""), (c.alpha_3 if c else cc)


def _actor(ev: Event, role: str):
    return next((a for a in ev.actors if a.role == role), None)


def acled_row(ev: Event, *, article_id: str | None = None, source: str | None = None,
              published: _dt.date | str | None = None) -> dict[str, object]:
    """One event as a dict of ACLED columns (and rasd's evidence columns)."""
    loc = ev.location
    cc = loc.country_code if loc is not None else None
    a1, a2 = _actor(ev, "actor1"), _actor(ev, "actor2")
    if cc is None:
        cc = (a1.country_code if a1 is not None else None)
    country, iso, alpha3 = _country(cc)
    inter1 = a1.inter if a1 is not None and a1.inter else ""
    inter2 = a2.inter if a2 is not None and a2.inter else ""
    codes = sorted(x for x in (inter1, inter2) if x != "")
    interaction = "" if not codes else (codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1])
    ev_span = ev.evidence[0] if ev.evidence else None
    pub = published.isoformat() if isinstance(published, _dt.date) else (published or "")
    stamp = ""
    if pub:
        try:
            stamp = int(_dt.datetime.fromisoformat(pub[:10]).replace(tzinfo=_dt.UTC).timestamp())
        except ValueError:
            stamp = ""
    return {
        "event_id_cnty": f"{alpha3 or 'XXX'}-{ev.id or ''}",
        "event_date": ev.date or "",
        "year": (ev.date or "")[:4],
        "time_precision": _PRECISION.get(ev.date_precision or "", 3),
        "disorder_type": ev.disorder_type or "",
        "event_type": ev.event_type or "",
        "sub_event_type": ev.sub_event_type or "",
        "actor1": _actor_name(a1),
        "assoc_actor_1": _actor_name(_actor(ev, "assoc_actor_1")),
        "inter1": inter1,
        "actor2": _actor_name(a2),
        "assoc_actor_2": _actor_name(_actor(ev, "assoc_actor_2")),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if ev.civilian_targeting else "",
        "iso": iso,
        "region": _countries()[1].get(cc or "", ""),
        "country": country,
        "admin1": (loc.admin1_en or loc.admin1 or "") if loc is not None else "",
        "admin2": "",
        "admin3": "",
        "location": (loc.name_en or loc.name or loc.text) if loc is not None else "",
        "latitude": loc.lat if loc is not None and loc.lat is not None else "",
        "longitude": loc.lon if loc is not None and loc.lon is not None else "",
        "geo_precision": (loc.geo_precision or "") if loc is not None else "",
        "source": source or "",
        "source_scale": "",
        "notes": " ".join(s.text for s in ev.evidence)[:1000],
        "fatalities": ev.fatalities or 0,
        "tags": "",
        "timestamp": stamp,
        "rasd_article_id": article_id or "",
        "rasd_event_id": ev.id or "",
        "rasd_evidence_start": ev_span.start if ev_span else "",
        "rasd_evidence_end": ev_span.end if ev_span else "",
        "rasd_evidence_text": ev_span.text if ev_span else "",
        "rasd_confidence": ev.confidence,
        "rasd_plover_type": ev.type,
        "rasd_plover_mode": ev.mode or "",
        "rasd_factuality": ev.factuality,
        "rasd_injured": "" if ev.injured is None else ev.injured,
        "rasd_arrested": "" if ev.arrested is None else ev.arrested,
        "rasd_displaced": "" if ev.displaced is None else ev.displaced,
        "rasd_trigger": ev.trigger.text if ev.trigger else "",
    }


def _actor_name(a) -> str:
    if a is None:
        return ""
    return a.name_en or a.name or a.text


def acled_rows(doc: Document, *, all_types: bool = False) -> Iterator[dict[str, object]]:
    """The ACLED rows of one document (events ACLED codes; every event with ``all_types``)."""
    for ev in doc.events:
        if ev.event_type or all_types:
            yield acled_row(ev, article_id=doc.id, source=doc.source, published=doc.published)


def write_acled_csv(docs: Iterable[Document], fh: TextIO, *, all_types: bool = False, **_) -> None:
    """Stream the ACLED rows of ``docs`` as CSV with a header row."""
    w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for doc in docs:
        for row in acled_rows(doc, all_types=all_types):
            w.writerow(row)
