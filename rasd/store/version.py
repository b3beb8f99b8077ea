"""Which pipeline made a stored result: ``rasd.__version__`` plus a fingerprint of the pipeline.

The fingerprint hashes the stage list and the source and data files extraction depends on, so
``rasd reprocess`` finds results made before a recogniser, a lexicon or the gazetteer changed, even
when the version number did not.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import rasd

# Parts of the package whose code or data change what extraction produces.
_EXTRACTION_PARTS = ("doc.py", "pipeline.py", "api.py", "text", "geo", "recognize", "events", "ner",
                     "lexicon", "data")


@cache
def _code_digest() -> str:
    root = Path(rasd.__file__).resolve().parent
    h = hashlib.sha256()
    for part in _EXTRACTION_PARTS:
        p = root / part
        files = [p] if p.is_file() else sorted(f for f in p.rglob("*") if f.is_file()
                                                and "__pycache__" not in f.parts)
        for f in files:
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def pipeline_fingerprint(pipeline=None) -> str:
    """16 hex digits naming the pipeline (its stages, and the code and data they run on)."""
    names = getattr(pipeline, "names", None)
    if names is None:
        from rasd.pipeline import DEFAULT_STAGES

        names = list(DEFAULT_STAGES)
    h = hashlib.sha256("|".join(names).encode())
    h.update(_code_digest().encode())
    return h.hexdigest()[:16]


def current_version() -> str:
    """The rasd version that stamps new results."""
    return rasd.__version__
