"""scripts/ner_rekey_clusters.py: clusters carried over to the hamza folding keep their old ids."""

import sys
from collections import Counter
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def rekey_script():
    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    try:
        import ner_rekey_clusters
    finally:
        sys.path.pop(0)
    return ner_rekey_clusters


def test_a_seat_spelling_takes_the_old_key_of_its_most_frequent_spelling(rekey_script):
    # the team's toy corpus counts: مسؤول written 9 times, مسئول 2 times; سوء always with a bare hamza
    counts = Counter({"مسؤول": 9, "مسئول": 2, "سوء": 5})
    sources = rekey_script.old_sources(counts)
    old = [["مسوول", "9", "1", "2"], ["مسيول", "2", "3", "4"], ["سوء", "5", "5", "6"], ["سوي", "50", "7", "8"],
           ["قال", "99", "9", "9"]]
    new = [["قال", "99", "0", "0"], ["مسءول", "11", "0", "0"], ["سوء", "5", "0", "0"], ["جديد", "4", "0", "0"]]
    rows, dropped = rekey_script.rekey(old, new, sources)
    assert rows == [["قال", "99", "9", "9"], ["مسءول", "11", "1", "2"], ["سوء", "5", "5", "6"]]
    assert dropped == 1  # جديد had no old row
