"""Turning an input record (a JSON object) into the arguments of :func:`rasd.extract`."""

from __future__ import annotations

from typing import Any

from rasd.io.html import html_to_text, looks_like_html
from rasd.io.validate import InputError

TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("published", "date", "date_published", "date_extracted")


def record_to_kwargs(rec: dict[str, Any]) -> dict[str, Any]:
    """``extract`` keyword arguments from a record: id, text/content, title, published, source, url.

    Offsets of the result always point into the record's own text field; the title is kept as
    metadata (HTML content is reduced to its readable text first).
    """
    text = next((rec[k] for k in TEXT_FIELDS if rec.get(k) is not None), None)
    if text is None:
        raise InputError("record has no 'text' or 'content' field")
    if not isinstance(text, str):
        raise InputError("record's text is not a string")
    title = rec.get("title") if isinstance(rec.get("title"), str) else None
    if looks_like_html(text):
        text, html_title = html_to_text(text)
        title = title or html_title
    published = next((rec[k] for k in DATE_FIELDS if rec.get(k)), None)
    rid = rec.get("id")
    return {
        "text": text,
        "id": None if rid is None else str(rid),
        "published": published,
        "source": rec.get("source"),
        "url": rec.get("url"),
        "title": title,
    }
