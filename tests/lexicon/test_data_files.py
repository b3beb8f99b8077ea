"""Every language data file parses and names its provenance."""

import pytest

from rasd.lexicon import DataFileError, list_data_files, load_tsv, load_yaml


@pytest.mark.parametrize("name", list_data_files())
def test_data_file_is_valid(name):
    if name.endswith(".tsv"):
        header, rows = load_tsv(name)
        assert header, f"{name} has no header row"
        assert rows, f"{name} has no rows"
    else:
        data = load_yaml(name)
        assert len(data) > 1, f"{name} has nothing but its provenance"


def test_missing_provenance_is_rejected(tmp_path, monkeypatch):
    import rasd.lexicon as lx

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.yaml").write_text("words: [a]\n", encoding="utf-8")
    monkeypatch.setattr(lx, "data_path", lambda name: tmp_path / "data" / name)
    lx.load_yaml.cache_clear()
    with pytest.raises(DataFileError, match="provenance"):
        lx.load_yaml("x.yaml")
    lx.load_yaml.cache_clear()
