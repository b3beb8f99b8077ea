"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files to article records, with the standard library.

Each ``<item>``/``<entry>`` becomes a record (``id``, ``title``, ``text``, ``url``, ``published``,
``source``) for :func:`rasd.io.records.record_to_kwargs`; HTML in descriptions and content is reduced
to its readable text there.  Dates in RFC 822 (RSS) and ISO 8601 (Atom) are understood.  An item
without text yields a :class:`~rasd.io.readers.BadRecord`.
"""

from __future__ import annotations

import email.utils
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from rasd.io.readers import BadRecord, decode_bytes
from rasd.io.validate import InputError

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def looks_like_feed(text: str) -> bool:
    """True when ``text`` starts like an RSS or Atom document."""
    head = text[:1000].lstrip("\ufeff \t\r\n")
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2:].lstrip()
    while head.startswith("<!--"):
        head = head[head.find("-->") + 3:].lstrip()
    return head.startswith(("<rss", "<feed", "<rdf:RDF", "<RDF"))


def _date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value[:4].isdigit() and len(value) >= 10 and value[4] == "-":
        return value[:10]
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    return "".join(el.itertext()).strip() or None


def _first(el: ET.Element, *paths: str) -> ET.Element | None:
    for p in paths:
        found = el.find(p)
        if found is not None:
            return found
    return None


def parse_feed(data: bytes | str, *, name: str = "feed") -> Iterator[dict | BadRecord]:
    """The items of an RSS/Atom feed as records; raises :class:`InputError` for a broken feed."""
    text = decode_bytes(data) if isinstance(data, bytes) else data
    text = text.lstrip("\ufeff")
    try:
        root = ET.fromstring(text.encode("utf-8"))  # bytes: an encoding declaration is fine
    except ET.ParseError as exc:
        raise InputError(f"not a well-formed feed ({exc})") from exc
    channel_title = None
    if root.tag == f"{_ATOM}feed":
        channel_title = _text(root.find(f"{_ATOM}title"))
        items = root.findall(f"{_ATOM}entry")
    else:
        ch = _first(root, "channel", f"{_RSS1}channel")
        channel_title = _text(_first(ch, "title", f"{_RSS1}title")) if ch is not None else None
        items = root.findall("./channel/item") or root.findall("item") or root.findall(f"{_RSS1}item")
    if not items:
        raise InputError("feed has no items")
    for n, it in enumerate(items, start=1):
        if it.tag == f"{_ATOM}entry":
            link = _first(it, f"{_ATOM}link[@rel='alternate']", f"{_ATOM}link")
            rec = {
                "id": _text(it.find(f"{_ATOM}id")),
                "title": _text(it.find(f"{_ATOM}title")),
                "text": _text(it.find(f"{_ATOM}content")) or _text(it.find(f"{_ATOM}summary")),
                "url": link.get("href") if link is not None else None,
                "published": _date(_text(it.find(f"{_ATOM}published")) or _text(it.find(f"{_ATOM}updated"))),
            }
        else:
            ns = _RSS1 if it.tag == f"{_RSS1}item" else ""
            rec = {
                "id": _text(it.find("guid")) or _text(it.find(f"{ns}link")),
                "title": _text(it.find(f"{ns}title")),
                "text": _text(it.find(_CONTENT)) or _text(it.find(f"{ns}description")),
                "url": _text(it.find(f"{ns}link")),
                "published": _date(_text(it.find("pubDate")) or _text(it.find(_DC_DATE))),
            }
        rec["source"] = channel_title
        if not rec["text"]:
            yield BadRecord(rec["id"] or f"{name}#{n}", f"item {n}: no description or content")
            continue
        rec["id"] = rec["id"] or f"{name}#{n}"
        yield rec
