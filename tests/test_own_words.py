"""The project's own Arabic text (test sentences, examples, comments, data) shares no long run of words
with the news articles of ../shared/data/news: test sentences are written by the team, not copied.
Skips when the corpus is absent (CI)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
RUN = 8  # words in a row: formulaic phrases and official names are shorter
_WORD = re.compile("[\u0621-\u064A]+")


def _runs(text: str) -> set[str]:
    words = _WORD.findall(text)
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _own_runs() -> dict[str, str]:
    out: dict[str, str] = {}
    for sub in ("rasd", "tests", "bench", "scripts", "examples", "docs"):
        for path in (ROOT / sub).rglob("*"):
            if path.suffix in (".py", ".yaml", ".md", ".txt", ".jsonl", ".tsv") and path.is_file():
                for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
                    for r in _runs(line):
                        out.setdefault(r, f"{path.relative_to(ROOT)}: {line.strip()[:80]}")
    return out


@pytest.mark.skipif(not NEWS.is_dir(), reason="the news corpus (../shared/data/news) is not here")
def test_no_run_of_words_is_shared_with_the_news():
    own = _own_runs()
    shared = {}
    for path in sorted(NEWS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                for r in _runs((a.get("title") or "") + " " + (a.get("content") or "")) & own.keys():
                    shared[own[r]] = r
    assert not shared, "\n".join(f"{k}  <-  {v}" for k, v in sorted(shared.items()))
