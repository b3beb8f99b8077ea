"""Language data: loading and validating the YAML/TSV files under ``rasd/data``.

Every data file starts with a line of provenance: a top-level ``provenance`` key in YAML, or a
first line ``# provenance: ...`` in TSV.  Files are read through :mod:`importlib.resources` and
cached, so nothing is loaded at import time.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


class DataFileError(ValueError):
    """A language data file is missing, malformed or lacks its provenance."""


def data_path(name: str):
    """The Traversable for ``rasd/data/<name>``."""
    return resources.files("rasd") / "data" / name


def list_data_files() -> list[str]:
    """Relative paths of all YAML and TSV files under ``rasd/data``."""
    out: list[str] = []

    def walk(node, prefix: str) -> None:
        for child in node.iterdir():
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    walk(child, rel + "/")
            elif child.name.endswith((".yaml", ".yml", ".tsv")):
                out.append(rel)

    walk(resources.files("rasd") / "data", "")
    return sorted(out)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster loading at start-up


@cache
def load_yaml(name: str) -> dict[str, Any]:
    """Load ``rasd/data/<name>`` (YAML mapping with a ``provenance`` key); cached."""
    try:
        text = data_path(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"{name}: no such data file") from exc
    try:
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader (libyaml's when built)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not str(data.get("provenance", "")).strip():
        raise DataFileError(f"{name}: a YAML data file must be a mapping with a 'provenance' line")
    return data


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """The words under ``key`` in the YAML data file ``name``, in their normalised matching form
    (a list the code tests membership in); cached."""
    from rasd.text.normalize import normalize_word

    words = load_yaml(name).get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataFileError(f"{name}: {key!r} must be a list of words")
    return frozenset(normalize_word(w) for w in words)


@cache
def load_tsv(name: str) -> tuple[list[str], list[dict[str, str]]]:
    """Load ``rasd/data/<name>``: ``# provenance:`` line, header row, then rows; cached."""
    try:
        text = data_path(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"{name}: no such data file") from exc
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# provenance:") or not lines[0][13:].strip():
        raise DataFileError(f"{name}: a TSV data file must start with '# provenance: ...'")
    body = [ln.split("\t") for ln in lines[1:] if ln.strip() and not ln.startswith("#")]
    if not body:
        return [], []
    header, n = body[0], len(body[0])
    rows = []
    for i, fields in enumerate(body[1:], start=2):
        if len(fields) != n:
            raise DataFileError(f"{name}: row {i} has {len(fields)} fields, header has {n}")
        rows.append(dict(zip(header, fields, strict=True)))
    return header, rows


def word_list(name: str, key: str) -> list[str]:
    """A list of strings under ``key`` in a YAML data file."""
    data = load_yaml(name)
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{name}: '{key}' must be a list of strings")
    return value
