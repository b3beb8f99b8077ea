"""A readable, terminal-friendly summary of what rasd found in an article."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rasd.doc import Document


def _row(*cells: object) -> str:
    return "  " + " | ".join("" if c is None else str(c) for c in cells)


def format_document(doc: Document) -> str:
    """The summary of one document as text."""
    lines: list[str] = []
    head = doc.id or "article"
    lines.append(f"== {head}  (published {doc.published or 'unknown'}; {len(doc.sentences)} sentences)")
    if doc.focus_countries:
        lines.append(f"focus: {', '.join(doc.focus_countries)}")
    if doc.events:
        lines.append(f"-- events ({len(doc.events)})")
        for e in doc.events:
            loc = e.location
            where = f"{loc.text} [{loc.country_code} {loc.lat:.2f},{loc.lon:.2f}]" if loc and loc.lat is not None \
                else (loc.text if loc else "")
            actors = "; ".join(f"{a.role}={a.name or a.text}" for a in e.actors)
            nums = ", ".join(f"{k}={v}" for k in ("fatalities", "injured", "displaced", "arrested")
                             if (v := getattr(e, k)) is not None)
            acled = f"{e.event_type}/{e.sub_event_type}" if e.event_type else ""
            lines.append(_row(e.type, acled, e.date or "?", where, actors, nums,
                              f"{e.factuality} {e.confidence:.2f}"))
            if e.evidence:
                lines.append(f"      «{e.evidence[0].text[:110]}»")
    for title, items, fmt in (
        ("entities", doc.entities, lambda x: _row(x.label, x.text, x.canonical or "", x.role or "")),
        ("places", doc.places, lambda x: _row(x.text, x.name_en or x.name or "", x.country_code,
                                                f"{x.lat:.2f},{x.lon:.2f}" if x.lat is not None else "",
                                                x.kind or "", x.unresolved_reason or "")),
        ("dates", doc.dates, lambda x: _row(x.text, x.value, x.precision)),
        ("figures", doc.figures, lambda x: _row(x.text, x.value, x.kind, x.unit or "", x.qualifier or "")),
        ("quotes", doc.quotes, lambda x: _row(x.kind, (x.speaker.name or x.speaker.text) if x.speaker else "?",
                                              x.text[:90])),
    ):
        if items:
            lines.append(f"-- {title} ({len(items)})")
            lines.extend(fmt(x) for x in items)
    return "\n".join(lines)


def write_table(docs: Iterable[Document], fh: TextIO, **_) -> None:
    """Write each document's summary, separated by blank lines."""
    for i, d in enumerate(docs):
        if i:
            fh.write("\n")
        fh.write(format_document(d))
        fh.write("\n")
