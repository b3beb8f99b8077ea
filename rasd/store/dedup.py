"""Exact and near-duplicate detection: content hashes and MinHash LSH kept in the store itself.

The content hash is SHA-256 of the *normalised* text (Arabic foldings of :mod:`rasd.text.normalize`,
punctuation dropped, whitespace collapsed), so the same article with other diacritics, spacing or
quote marks is one article.  Near-duplicates (the same wire story republished by several outlets,
lightly edited) are found with a MinHash over word 3-shingles (datasketch's values, computed with
numpy); the signature's bands are stored in the ``lsh`` table, so the index persists across runs and
lives in the same transaction as the article (nothing to rebuild, nothing to lose on a crash).
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
import re
import zlib
from functools import cache, lru_cache

import numpy as np
import regex

_normalize = importlib.import_module("rasd.text.normalize")

try:  # the optional compiled loops (rasd/store/_dedup.c); without them, the numpy/Python code below
    from rasd.store import _dedup as _compiled
except ImportError:  # pragma: no cover - built without a C compiler
    _compiled = None

NUM_PERM = 128
SHINGLE = 3
THRESHOLD = 0.5  # estimated Jaccard of word 3-shingles for "the same story"
_SEED = 1  # the permutations' seed (datasketch's default)

_WORD = regex.compile(r"\w+")


# Hamza seats fold to the bare hamza before normalising, so that the two spellings of a word
# (مسؤول / مسئول) meet; 1:1, so offsets of the original are unchanged.
HAMZA_FOLD = str.maketrans({"ؤ": "ء", "ئ": "ء"})
_TABLE = {**getattr(_normalize, "_FULL_TABLE", {}), ord("ؤ"): "ء", ord("ئ"): "ء"}


# Arabic presentation forms (text copied from PDFs): rare, and some fold to two letters
_SHAPED = "\ufb50-\ufdff\ufe70-\ufefc"


def _split_table() -> tuple[tuple[tuple[str, str], ...], re.Pattern | None]:
    """:data:`_TABLE` as (character, replacement) pairs for its common characters, and a pattern of
    the rest (presentation forms, anything folding to more than one character).  No replacement is
    itself a key, so replacing one character after the other equals ``translate``, and testing each
    of ~130 characters with ``in`` is several times faster than ``translate``'s per-character dict
    lookups on a whole article.  (None, None) when that does not hold."""
    shaped = re.compile(f"[{_SHAPED}]")
    common, rare = [], []
    for k, v in _TABLE.items():
        ch = chr(k)
        if shaped.match(ch):
            continue
        if v is not None and len(v) > 1:
            rare.append(ch)
        else:
            common.append((ch, v or ""))
    if {r for _, r in common} & {c for c, _ in common}:  # pragma: no cover - not an order-free folding
        return (), None
    return tuple(common), re.compile(f"[{_SHAPED}{re.escape(''.join(rare))}]")


_FOLDS, _RARE = _split_table()


def norm_string(text: str) -> str:
    """The matching form of a whole text: :func:`rasd.text.normalize.normalize` (without the offset
    map) of the text with hamza seats folded (:data:`HAMZA_FOLD`)."""
    if len(_TABLE) <= 2:  # pragma: no cover - the normaliser changed its internals
        return _normalize.normalize(text.translate(HAMZA_FOLD)).norm
    if _RARE is None or _RARE.search(text) is not None:
        return text.translate(_TABLE).lower()
    for ch, rep in _FOLDS:  # == text.translate(_TABLE) (see _split_table)
        if ch in text:
            text = text.replace(ch, rep)
    return text.lower()


# the extraction's normaliser folds the hamza seats itself: its NormText of a text then holds
# norm_string(text), except where lower-casing depends on context (a final capital sigma)
_SAME_FOLDING = all(_normalize._FULL_TABLE.get(k) == v for k, v in HAMZA_FOLD.items()) and \
    _TABLE == _normalize._FULL_TABLE


def extraction_norm(text: str):
    """``rasd.text.normalize.normalize(text)`` (the extraction's :class:`NormText`, which the
    pipeline caches on a document as ``doc.cache["norm"]``) when its ``norm`` is certainly
    :func:`norm_string` of ``text`` (computed in one compiled pass); None otherwise."""
    if not _SAME_FOLDING or "\u03a3" in text:  # Σ: str.lower() of a whole text makes final ones ς
        return None
    return _normalize.normalize(text)


def norm_text(text: str):
    """The :class:`~rasd.text.normalize.NormText` (with its map to ``text``) whose ``norm`` is
    :func:`norm_string` of ``text``."""
    nt = _normalize.normalize(text.translate(HAMZA_FOLD))
    nt.original = text
    return nt


def words_of(norm: str) -> list[str]:
    """The words of a normalised text."""
    return _WORD.findall(norm)


def normalised_words(text: str) -> list[str]:
    """The words of the normalised text (folded letters, no diacritics or punctuation)."""
    return _WORD.findall(norm_string(text))


def content_hash(words: list[str]) -> str:
    """SHA-256 (hex) of the normalised words joined by single spaces."""
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


_NONWORD = regex.compile(r"\W+")


def fingerprint(norm: str) -> tuple[str, np.ndarray, int]:
    """(content hash, MinHash signature, number of words) of a normalised text, in one pass:
    the same values as :func:`content_hash` and :func:`signature` of its words."""
    h, encoded = hash_words(norm)
    return h, _signature_of(encoded), len(encoded)


_STD_RANGE = 0x3000  # below it the two engines' \w are compared character by character


@cache
def _std_guard() -> re.Pattern:
    """A pattern of the characters on which the standard ``re`` engine's ``\\w`` may differ from
    ``regex``'s (they follow different Unicode versions and definitions: combining marks, other
    numbers such as ½, ...): those below :data:`_STD_RANGE` that differ, and everything above."""
    chars = "".join(map(chr, range(_STD_RANGE)))
    ours, std = set(regex.findall(r"\w", chars)), set(re.findall(r"\w", chars))
    differ = "".join(sorted(ours ^ std))
    return re.compile(f"[{re.escape(differ)}{chr(_STD_RANGE)}-{chr(0x10FFFF)}]")


def std_re_safe(text: str) -> bool:
    """Whether ``\\w``, ``\\W`` and ``\\b`` mean the same for the standard ``re`` engine as for
    ``regex`` on ``text`` (true for nearly all Arabic news once normalised; ``re`` scans such classes
    about twice as fast)."""
    return _std_guard().search(text) is None


_WORD_STD = re.compile(r"\w+")


def hash_words(norm: str) -> tuple[str, list[bytes]]:
    """(content hash, UTF-8 words) of a normalised text; :func:`signature_of_words` of the words is
    its MinHash signature (computed only when the text is not a duplicate)."""
    h, _joined, encoded = hash_text(norm)
    return h, encoded


def hash_text(norm: str, safe: bool | None = None) -> tuple[str, str, list[bytes]]:
    """(content hash, the words joined by single spaces, the words in UTF-8) of a normalised text.
    ``safe``: :func:`std_re_safe` of ``norm`` when the caller knows it."""
    h, joined = hash_joined(norm, safe)
    return h, joined, joined.encode("utf-8").split(b" ") if joined else []


def hash_joined(norm: str, safe: bool | None = None) -> tuple[str, str]:
    """(content hash, the words joined by single spaces) of a normalised text (:func:`hash_text`
    without the list of words).  ``safe``: :func:`std_re_safe` of ``norm`` when the caller knows it."""
    joined = joined_of(norm, safe)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest(), joined


def joined_of(norm: str, safe: bool | None = None) -> str:
    """The words of a normalised text joined by single spaces (what the content hash covers)."""
    if safe is None:
        safe = std_re_safe(norm)
    if safe and _compiled is not None:  # the same runs of \w (str.isalnum() or "_"), in C
        return _compiled.word_runs(norm)
    if safe:  # re's \w is str.isalnum() or "_": most tokens between spaces are one whole word
        words: list[str] = []
        add = words.append
        for tok in norm.split():
            if tok.isalnum():
                add(tok)
            else:
                words += _WORD_STD.findall(tok)
        return " ".join(words)
    return _NONWORD.sub(" ", norm).strip()


def joined_words(text: str | None) -> str | None:
    """The words of an (already normalised) text joined by single spaces: what the full-text index
    holds (None stays None)."""
    return text if text is None else " ".join(_WORD.findall(text))


def signature_of_words(encoded: list[bytes]) -> np.ndarray:
    """The MinHash signature of UTF-8 words (as :func:`hash_words` gives them)."""
    return _signature_of(encoded)


def signature_blob(joined: str) -> bytes:
    """:func:`sig_to_blob` of the MinHash signature of a text's words joined by single spaces
    (as :func:`hash_joined` gives them); in C when the compiled loops are built."""
    if _compiled is not None:
        a, b = _affine32_bytes()
        return _compiled.signature(joined, a, b)
    return sig_to_blob(_signature_of(joined.encode("utf-8").split(b" ") if joined else []))


@cache
def _affine32_bytes() -> tuple[bytes, bytes]:
    a, b = _affine32()
    return a.astype(np.uint32).tobytes(), b.astype(np.uint32).tobytes()


def shingle_hashes(words: list[str]) -> np.ndarray:
    """Distinct 32-bit hashes of the word 3-shingles (of the words when there are fewer than 3).

    A shingle's hash mixes the CRC-32 of its words, which is much cheaper than hashing joined strings.
    """
    return _shingle_hashes(" ".join(words).encode("utf-8").split())


def _shingle_hashes(encoded: list[bytes], distinct: bool = True) -> np.ndarray:
    h = np.fromiter(map(zlib.crc32, encoded), dtype=np.uint64, count=len(encoded))
    if len(h) >= SHINGLE:
        h = (h[:-2] * np.uint64(0x9E3779B1)) ^ (h[1:-1] * np.uint64(0x85EBCA77)) ^ h[2:]
        h &= np.uint64(0xFFFFFFFF)
    return np.unique(h) if distinct else h


# (bands, rows per band) that datasketch's MinHashLSH chooses for THRESHOLD=0.5 and NUM_PERM=128
# (datasketch.lsh._optimal_param(0.5, 128, 0.5, 0.5)); fixed here because importing it needs scipy
# and because stored band keys must not change under the store's feet.
_BANDS = (25, 5)


def bands() -> tuple[int, int]:
    """(number of bands, rows per band) of the LSH index."""
    return _BANDS


def signature(words: list[str]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a text's shingles (datasketch MinHash)."""
    return _signature_of(" ".join(words).encode("utf-8").split())


def _signature_of(encoded: list[bytes]) -> np.ndarray:
    a, b = _affine32()
    hv = _shingle_hashes(encoded, distinct=False)  # the minimum does not care about repeats
    sig = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    if not len(hv):
        return sig
    mixed = _fmix32(hv.astype(np.uint32))[:, None]
    for i in range(0, len(mixed), _CHUNK):  # bounded memory on very long texts
        m = np.multiply(mixed[i:i + _CHUNK], a)
        m += b  # in place: one (shingles x permutations) matrix, not two
        np.minimum(sig, m.min(axis=0), out=sig)
    return sig


_CHUNK = 8192  # shingles per (shingles x permutations) matrix


@cache
def _affine32() -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) parameters of the ``NUM_PERM`` affine permutations ``h -> a*h + b mod 2**32``.

    They are drawn exactly as datasketch 2's ``MinHash(num_perm=128, seed=1)`` draws its default
    ``affine32`` scheme (numpy's legacy ``RandomState`` stream, which numpy keeps stable), so stored
    signatures equal datasketch's (tested) without importing it: datasketch pulls in scipy, about 1.5 s
    of start-up, and its 1.x releases use another scheme, which would change stored band keys.
    """
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)  # odd: bijective
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer (datasketch's pre-mix of the affine32 scheme), wrapping."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, key) pairs of a signature: a signed 64-bit hash of each band's rows."""
    return band_keys_of_blob(sig.astype("<u4").tobytes())


def band_keys_of_blob(raw: bytes) -> list[tuple[int, int]]:
    """:func:`band_keys` of a signature given as :func:`sig_to_blob` bytes."""
    b, r = bands()
    out = []
    for i in range(b):
        h = hashlib.blake2b(raw[i * r * 4:(i + 1) * r * 4], digest_size=8).digest()
        out.append((i, int.from_bytes(h, "little", signed=True)))
    return out


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """The Jaccard similarity that two signatures estimate."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


def sig_to_blob(sig: np.ndarray) -> bytes:
    """A signature as bytes for the store."""
    return sig.astype("<u4").tobytes()


def sig_from_blob(blob: bytes) -> np.ndarray:
    """A signature read back from the store."""
    return np.frombuffer(blob, dtype="<u4")


@cache
def _spellings() -> tuple[dict[str, str], str]:
    """For each normalised character, the original characters that fold to it; and the dropped ones."""
    inv: dict[str, set[str]] = {}
    dropped = []
    for src, dst in _TABLE.items():
        if dst is None or dst == "":
            dropped.append(chr(src))
        elif len(dst) == 1:
            inv.setdefault(dst, {dst}).add(chr(src))
    return {k: "".join(sorted(v)) for k, v in inv.items()}, "".join(dropped)


@lru_cache(maxsize=256)
def original_pattern(terms: tuple[str, ...]):
    """A regex that finds any of the normalised ``terms`` in ORIGINAL text: each character matches
    every spelling that folds to it, and dropped marks (diacritics, tatweel) may follow any letter."""
    inv, dropped = _spellings()
    marks = "[" + regex.escape(dropped) + "]*" if dropped else ""
    alts = []
    for t in terms:
        parts = []
        for ch in t:
            chars = inv.get(ch, ch)
            parts.append(("[" + regex.escape(chars) + "]" if len(chars) > 1 else regex.escape(ch)) + marks)
        alts.append("".join(parts))
    return regex.compile("|".join(alts), regex.IGNORECASE)


@cache
def _drop_re():
    import re  # the standard engine is several times faster than `regex` for this character class

    _inv, dropped = _spellings()
    return re.compile("[" + re.escape(dropped) + "]") if dropped else None


def find_in_original(text: str, terms: list[str], limit: int = 20, norm: str | None = None) -> list[tuple[int, int]]:
    """Where the normalised ``terms`` occur in the ORIGINAL ``text``: (start, end) pairs, in order,
    at most ``limit``; a match's end covers the marks (diacritics) of its last letter.  ``norm`` is
    :func:`norm_string` of ``text`` when the caller has it."""
    if norm is None:
        norm = norm_string(text)
    dre = _drop_re()
    mapped = dre is not None and len(norm) != len(text)
    hits = []
    for t in set(terms):
        if not t:
            continue
        pos = norm.find(t)
        while pos >= 0 and len(hits) < 4 * limit:
            hits.append((pos, pos + len(t)))
            pos = norm.find(t, pos + len(t))
    hits.sort()
    out, last = [], -1
    for a, b in hits:
        if a < last:
            continue  # overlaps the previous match (a shorter form of the same word)
        out.append((a, b))
        last = b
        if len(out) >= limit:
            break
    if not mapped:
        return out

    drops = [m.start() for m in dre.finditer(text)]

    def to_orig(p: int) -> int:
        # the original index of normalised index p: p plus the dropped marks before it
        k = bisect.bisect_right(drops, p)
        while k < len(drops) and drops[k] <= p + k:
            k += 1
        return p + k

    res = []
    for a, b in out:
        oa, ob = to_orig(a), to_orig(b - 1) + 1
        while ob < len(text) and dre.match(text, ob):
            ob += 1
        res.append((oa, ob))
    return res
