"""The JSON Schema of rasd's result (one article), shipped with the package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def result_schema() -> dict:
    """The JSON Schema (draft 2020-12) that every ``Document.to_dict()`` satisfies."""
    return json.loads((resources.files("rasd.schema") / "result.schema.json").read_text(encoding="utf-8"))
