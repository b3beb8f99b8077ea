"""The manifest: an append-only log of finished partitions, the basis of resuming.

``OUT/_manifest.jsonl`` has one JSON object a line, written only by the driver after a
partition's files are all in place: ``{"id", "input", "chunk", "digest", "records", "ok",
"failed", "files", ...}``; a later line for the same id wins, and ``{"id", "removed": true}``
retracts one (its files were deleted because its input changed).  A line cut short by a crash
is ignored, so the partition is simply done again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

NAME = "_manifest.jsonl"


class Manifest:
    """Finished partitions of an output directory, by partition id."""

    def __init__(self, out: str | Path) -> None:
        self.path = Path(out) / NAME
        self.entries: dict[str, dict] = {}
        if self.path.is_file():
            self._drop_torn_tail()
            with open(self.path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        e = json.loads(line)
                    except json.JSONDecodeError:
                        continue  # a torn last line: that partition is not finished
                    if not isinstance(e, dict) or "id" not in e:
                        continue
                    if e.get("removed"):
                        self.entries.pop(e["id"], None)
                    else:
                        self.entries[e["id"]] = e

    def _drop_torn_tail(self) -> None:
        """Cut a last line that a crash left without its newline, so appends start clean."""
        with open(self.path, "rb+") as fh:
            data = fh.read()
            if data and not data.endswith(b"\n"):
                fh.truncate(data.rfind(b"\n") + 1)

    def done(self, pid: str, digest: str) -> bool:
        """Whether partition ``pid`` is finished with this very content."""
        e = self.entries.get(pid)
        return e is not None and e.get("digest") == digest

    def get(self, pid: str) -> dict | None:
        """The entry of a finished partition, or None."""
        return self.entries.get(pid)

    def _append(self, entry: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def add(self, entry: dict) -> None:
        """Record a finished partition (durably: flushed and fsynced)."""
        self._append(entry)
        self.entries[entry["id"]] = entry

    def remove(self, pid: str) -> None:
        """Retract a partition (after its files were deleted)."""
        self._append({"id": pid, "removed": True})
        self.entries.pop(pid, None)

    def of_input(self, tag: str) -> list[dict]:
        """The finished partitions of one input file."""
        return [e for e in self.entries.values() if e.get("input") == tag]

    def __len__(self) -> int:
        return len(self.entries)
