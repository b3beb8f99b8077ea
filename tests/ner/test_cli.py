"""``rasd ner`` and ``rasd eval ner``: round trip on a team-written CoNLL file, --help, bad input."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rasd.cli import main
from rasd.ner.conll import read_conll

SAMPLE = Path(__file__).parent / "data" / "team-sample.conll"


def _valid_iob2(tags: list[str]) -> bool:
    prev = "O"
    for t in tags:
        if t != "O" and t[:2] not in ("B-", "I-"):
            return False
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            return False
        if t != "O" and t[2:] not in ("PERS", "LOC", "ORG", "MISC"):
            return False
        prev = t
    return True


def test_ner_round_trip(tmp_path):
    out = tmp_path / "out.tsv"
    r = CliRunner().invoke(main, ["ner", "--conll", str(SAMPLE), "--out", str(out)])
    assert r.exit_code == 0, r.output
    with SAMPLE.open(encoding="utf-8") as fh:
        gold = list(read_conll(fh, gold=True))
    with out.open(encoding="utf-8") as fh:
        got = list(read_conll(fh, gold=True))
    assert [t for t, _ in got] == [t for t, _ in gold]  # same tokens, same sentence breaks
    assert all(len(line.split("\t")) == 2 for line in out.read_text(encoding="utf-8").splitlines() if line)
    assert all(_valid_iob2(tags) for _, tags in got)
    # the shipped model finds most names of the sample (a statistical model: not all of them)
    flat = {tok: tag for toks, tags in got for tok, tag in zip(toks, tags, strict=True)}
    assert flat["بيروت"] == "B-LOC"
    from rasd.ner.conll import score

    assert score([g for _, g in gold], [t for _, t in got])["micro"].f1 >= 0.5


def test_ner_reads_space_separated_stdin_with_extra_columns():
    r = CliRunner().invoke(main, ["ner", "--conll", "-"], input="قال O x\nالرئيس O x\n\nفي O\nلندن O\n")
    assert r.exit_code == 0, r.output
    lines = r.output.split("\n")
    assert lines[0].startswith("قال\t") and lines[2] == "" and lines[3].startswith("في\t")
    assert r.output.endswith("\n\n")


def test_eval_ner_scores(tmp_path):
    r = CliRunner().invoke(main, ["eval", "ner", "--conll", str(SAMPLE), "--pred", str(SAMPLE)])
    assert r.exit_code == 0, r.output
    micro = [ln for ln in r.output.splitlines() if ln.startswith("micro")][0].split()
    assert micro[1:4] == ["100.00", "100.00", "100.00"]
    pred = tmp_path / "pred.tsv"
    pred.write_text(SAMPLE.read_text(encoding="utf-8").replace("B-MISC", "O"), encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", "ner", "--conll", str(SAMPLE), "--pred", str(pred), "--json"])
    assert r.exit_code == 0, r.output
    import json

    s = json.loads(r.output)
    assert s["MISC"]["fn"] == 1 and s["micro"]["precision"] == 1.0 and s["micro"]["recall"] < 1.0
    r = CliRunner().invoke(main, ["eval", "ner", "--conll", str(SAMPLE)])
    assert r.exit_code == 0 and "micro" in r.output


def test_help_and_bad_input(tmp_path):
    for args in (["ner", "--help"], ["eval", "ner", "--help"], ["eval", "--help"]):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 0 and "conll" in r.output.lower() or "ner" in r.output
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8bad")
    r = CliRunner().invoke(main, ["ner", "--conll", str(bad)])
    assert r.exit_code == 1
    assert "Traceback" not in r.output


def test_feature_filter_keeps_predictions():
    """Dropping features the model has no weight for must not change a single tag."""
    from rasd.ner.tagger import Tagger

    with SAMPLE.open(encoding="utf-8") as fh:
        sents = [t for t, _ in read_conll(fh)]
    t = Tagger().load()
    filtered = [t.tag(s) for s in sents]
    t._feat.known = None
    t._feat._unit.cache_clear()
    assert [t.tag(s) for s in sents] == filtered
