"""Main text of an HTML page with the standard library: boilerplate (scripts, menus, footers) dropped."""

from __future__ import annotations

from html.parser import HTMLParser

import regex

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
         "button", "select", "template"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "article", "section", "tr",
          "blockquote", "title", "main", "td"}
_HTML_START = regex.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<article|<p[\s>]|<div)",
                            regex.I | regex.S)
_WS = regex.compile(r"[ \t\r\f\v]+")


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document or fragment."""
    return bool(_HTML_START.match(text[:2000]))


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """The readable text of ``html`` (one paragraph a line) and its ``<title>`` if any.

    Lines of fewer than three words that look like menu items are dropped when the page also has
    real paragraphs.
    """
    p = _Extractor()
    p.feed(html)
    p.close()
    lines = [_WS.sub(" ", ln).strip() for ln in "".join(p.parts).split("\n")]
    lines = [ln for ln in lines if ln]
    if any(len(ln.split()) >= 8 for ln in lines):
        lines = [ln for ln in lines if len(ln.split()) >= 3 or ln.endswith((".", ":", "؟", "!"))]
    title = _WS.sub(" ", "".join(p.title)).strip() or None
    return "\n".join(lines), title
