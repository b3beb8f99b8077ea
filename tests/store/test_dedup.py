"""MinHash signatures: the store's numpy computation equals datasketch's, and near-duplicates meet."""

from __future__ import annotations

import numpy as np
import pytest

from rasd.store import dedup
from rasd.text.normalize import normalize

BASE = ("أعلنت وزارة الصحة في المدينة أن عدد المصابين ارتفع إلى عشرين شخصا بعد الحادث الذي وقع "
        "صباح اليوم قرب السوق المركزي، وأكدت أن فرق الإسعاف نقلت الجرحى إلى مستشفيين")


def _datasketch_signature(words: list[str]) -> np.ndarray:
    from datasketch import MinHash

    m = MinHash(num_perm=dedup.NUM_PERM, seed=1, hashfunc=int)
    assert m.scheme == "affine32"
    hv = dedup.shingle_hashes(words)
    if len(hv):
        m.update_batch(hv.tolist())
    return m.hashvalues.astype(np.uint32)


def test_signature_equals_datasketch():
    pytest.importorskip("datasketch", minversion="2.0")
    texts = ["", "كلمة", "كلمتان اثنتان", BASE, BASE + " " + BASE,  # repeated shingles
             " ".join(f"كلمة{i}" for i in range(20000))]  # more shingles than one matrix chunk
    for t in texts:
        words = dedup.normalised_words(t)
        ours = dedup.signature(words)
        assert ours.dtype == np.uint32 and ours.shape == (dedup.NUM_PERM,)
        assert np.array_equal(ours, _datasketch_signature(words)), t[:20]


def test_fingerprint_matches_hash_and_signature():
    norm = dedup.norm_string(BASE)
    h, sig, n = dedup.fingerprint(norm)
    words = dedup.words_of(norm)
    assert h == dedup.content_hash(words) and n == len(words)
    assert np.array_equal(sig, dedup.signature(words))


def test_near_duplicate_estimate():
    a = dedup.signature(dedup.normalised_words(BASE))
    b = dedup.signature(dedup.normalised_words(BASE.replace("عشرين", "ثلاثين")))
    c = dedup.signature(dedup.normalised_words("نص آخر تماما عن مباراة كرة القدم التي جرت مساء أمس في الملعب"))
    assert dedup.jaccard(a, b) >= dedup.THRESHOLD > dedup.jaccard(a, c)


def test_hash_words_then_signature_equals_fingerprint():
    norm = dedup.norm_string(BASE)
    h, words = dedup.hash_words(norm)
    fh, fsig, n = dedup.fingerprint(norm)
    assert h == fh and len(words) == n
    assert np.array_equal(dedup.signature_of_words(words), fsig)
    assert dedup.hash_words("") == (dedup.content_hash([]), [])


def test_minhash_does_not_import_datasketch():
    """Ingest must not pay datasketch's (scipy's) import: the parameters come from numpy alone."""
    import subprocess
    import sys

    code = ("import sys; from rasd.store import dedup; dedup.signature(['a', 'b', 'c', 'd']); "
            "print('datasketch' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("text", [
    "قال مسئول في الشؤون الخارجية إن أبناءهم وأبناؤهم وأبنائهم عادوا",
    "ﻣﺴﺌﻮﻝ رئيس هيئة المؤتمر «الأوّل»، ٢٠١٩",
    "no arabic ÄÖ ؤ ئ ء",
])
def test_store_folding_equals_the_matching_folding(text):
    # the store has always folded hamza seats to ء (content hash, full-text index); the matching
    # normalisation now does the same, so stores made before keep their hashes and index rows
    assert dedup.norm_string(text) == normalize(text).norm
    nt = dedup.norm_text(text)
    assert nt.norm == normalize(text).norm and nt.original == text
