"""The extract command: formats, stdin, batch reporting, exit codes."""

import json

from click.testing import CliRunner

from rasd.cli import main

TEXT = "أعلنت وزارة الصحة اليوم مقتل خمسة أشخاص في قصف على مدينة حلب."


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def test_help_on_every_command():
    from rasd.cli import COMMANDS

    assert run(["--help"]).exit_code == 0
    for name in COMMANDS:
        res = run([name, "--help"])
        assert res.exit_code == 0, name
        assert "Usage:" in res.output


def test_extract_file_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = run(["extract", str(f), "--published", "2024-02-01", "--id", "a1"])
    assert res.exit_code == 0
    d = json.loads(res.output)
    assert d["id"] == "a1" and d["published"] == "2024-02-01"
    assert d["sentences"][0]["text"] == TEXT


def test_extract_stdin_table():
    res = run(["extract", "-", "--format", "table"], input=TEXT.encode("utf-8"))
    assert res.exit_code == 0 and "published unknown" in res.output


def test_bad_single_file_exits_1_with_reason(tmp_path):
    f = tmp_path / "e.txt"
    f.write_text("English only", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(f)])
    assert res.exit_code == 1
    assert "no Arabic text found" in res.output
    assert "Traceback" not in res.output


def test_bad_date_is_a_clear_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(f), "--published", "16/04/2019"])
    assert res.exit_code == 1 and "YYYY-MM-DD" in res.output


def test_batch_reports_bad_items_and_processes_the_rest(tmp_path):
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "ok1", "content": TEXT, "date_extracted": "2015-07-21 02:51:32"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "ok2", "text": TEXT, "published": "2015-07-22"}, ensure_ascii=False),
    ]), encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--jsonl", str(src), "--out", str(out)])
    assert res.exit_code == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["ok1", "ok2"]
    assert lines[0]["published"] == "2015-07-21"
    assert "failed line:2" in res.output and "failed empty: empty text" in res.output
    assert "2 extracted, 2 failed" in res.output
    strict = CliRunner().invoke(main, ["extract", "--jsonl", str(src), "--out", str(out), "--strict"])
    assert strict.exit_code == 3


def test_file_and_jsonl_together_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["extract"])
    assert res.exit_code == 2


def test_extract_exclude_stage():
    res = run(["extract", "-", "--exclude", "ner", "--exclude", "quotes"], input=TEXT.encode("utf-8"))
    assert res.exit_code == 0
    d = json.loads(res.output)
    assert d["quotes"] == [] and d["places"]
    bad = run(["extract", "-", "--exclude", "nope"], input=TEXT.encode("utf-8"))
    assert bad.exit_code == 2 and "unknown stage nope" in bad.output
