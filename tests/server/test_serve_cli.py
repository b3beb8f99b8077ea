"""`rasd serve`: registered, documented, and a clear error for a missing store."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rasd.cli import EXIT_RESOURCE, main

pytest.importorskip("uvicorn")


def test_serve_is_registered_with_help():
    r = CliRunner().invoke(main, ["serve", "--help"])
    assert r.exit_code == 0
    for opt in ("--db", "--host", "--port", "RASD_TOKEN"):
        assert opt in r.output


def test_missing_store_is_a_resource_error(tmp_path):
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.db"), "--port", "0"])
    assert r.exit_code == EXIT_RESOURCE
    assert "absent.db" in r.output


def test_not_a_store_is_a_resource_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("this is not sqlite")
    r = CliRunner().invoke(main, ["serve", "--db", str(bad), "--port", "0"])
    assert r.exit_code == EXIT_RESOURCE
