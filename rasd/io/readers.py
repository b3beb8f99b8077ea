"""Reading article files: encodings (UTF-8, UTF-16, Windows-1256), HTML, and JSONL records."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

import regex

from rasd.io.html import html_to_text, looks_like_html
from rasd.io.validate import InputError

_ARABIC = regex.compile(r"[\u0621-\u064A]")


def decode_bytes(data: bytes) -> str:
    """Decode an article's bytes: UTF-8 (with or without BOM), UTF-16 (BOM or zero-byte pattern), cp1256.

    Raises :class:`InputError` with the reason when none fits (binary data, unknown encoding).
    """
    if not data:
        raise InputError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    head = data[:4000]
    if len(head) >= 8:
        # UTF-16 without BOM: Arabic code units are 0x06xx, ASCII ones 0x00xx
        odd = head[1::2]
        even = head[0::2]
        if odd.count(6) > len(odd) // 4 and sum(b in (0, 6) for b in odd) > 0.8 * len(odd):
            return _strict(data, "utf-16-le")
        if even.count(6) > len(even) // 4 and sum(b in (0, 6) for b in even) > 0.8 * len(even):
            return _strict(data, "utf-16-be")
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if controls > max(4, len(head) // 100):
        raise InputError("looks like binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    letters = len(_ARABIC.findall(text[:20000]))
    if letters and "\ufffd" not in text[:20000]:
        return text
    raise InputError("not valid UTF-8, UTF-16 or Windows-1256 text")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding.upper()}: byte {exc.start}") from exc


def text_from_bytes(data: bytes) -> tuple[str, str | None]:
    """Decoded article text and a title (from HTML) if there was one."""
    text = decode_bytes(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if looks_like_html(text):
        return html_to_text(text)
    return text, None


def read_article(path: str | Path) -> tuple[str, str | None]:
    """Read one article file (``-`` for standard input): its text and title if HTML gave one."""
    import sys

    if str(path) == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{p} is a directory")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {p}: {exc.strerror}") from exc
    return text_from_bytes(data)


class BadRecord(InputError):
    """A JSONL line that is not a usable record; ``id`` is what could be read of it."""

    def __init__(self, id: str | None, reason: str) -> None:
        super().__init__(reason)
        self.id = id


def read_jsonl(path: str | Path) -> Iterator[dict | BadRecord]:
    """Records of a JSONL file (``-`` for stdin); a malformed line yields a :class:`BadRecord`."""
    import sys

    fh = sys.stdin.buffer if str(path) == "-" else open(path, "rb")  # noqa: SIM115
    try:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield BadRecord(f"line:{lineno}", f"line {lineno}: not UTF-8")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadRecord(f"line:{lineno}", f"line {lineno}: malformed JSON ({exc.msg})")
                continue
            if not isinstance(obj, dict):
                yield BadRecord(f"line:{lineno}", f"line {lineno}: not a JSON object")
                continue
            obj.setdefault("id", f"line:{lineno}")
            yield obj
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()
