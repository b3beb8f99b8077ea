"""The gazetteer: places by normalised name, by id and by country.

The real index is ``rasd/data/geo/gazetteer.tsv.gz`` built by ``scripts/build_gazetteer.py`` (GeoNames
cities500 with Arabic names, CLDR country names, the team's admin1/region/nisba files).
:class:`Gazetteer` is the interface; :func:`load_gazetteer` returns the shipped index (loaded once),
and ``Gazetteer(entries)`` with hand-made :class:`GeoEntry` objects is the in-memory stand-in for
unit tests.
"""

from __future__ import annotations

import gzip
import io
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

INDEX_NAME = "gazetteer.tsv.gz"
FIELDS = ("id", "kind", "cc", "lat", "lon", "pop", "admin1", "name_ar", "name_en", "precision",
          "geonameid", "capital", "keys")


@dataclass(slots=True)
class GeoEntry:
    """One gazetteer entry: a country, nisba adjective, admin1 division, city/village or region."""

    id: str  # gn:<geonameid> | country:<cc> | nisba:<cc> | admin1:<cc>.<code> | region:<n>
    kind: str  # country | nisba | admin1 | city | region
    cc: str
    lat: float | None
    lon: float | None
    name_ar: str
    name_en: str = ""
    pop: int = 0
    admin1: str = ""  # GeoNames admin1 code (cities and admin1 entries)
    precision: int = 1
    geonameid: int | None = None
    keys: tuple[str, ...] = field(default_factory=tuple)  # normalised matching keys
    capital: bool = False  # a country's capital (or a city as prominent in the news: جنيف، لاهاي)


class Gazetteer:
    """Lookup of :class:`GeoEntry` by normalised key, by id and by country (in memory)."""

    def __init__(self, entries: Iterable[GeoEntry]) -> None:
        self.entries: list[GeoEntry] = list(entries)
        self._by_id: dict[str, GeoEntry] = {}
        self._by_key: dict[str, list[GeoEntry]] = {}
        self._by_cc: dict[str, list[GeoEntry]] = {}
        self._admin1: dict[tuple[str, str], GeoEntry] = {}
        for e in self.entries:
            self._by_id[e.id] = e
            self._by_cc.setdefault(e.cc, []).append(e)
            for k in e.keys:
                self._by_key.setdefault(k, []).append(e)
            if e.kind == "admin1":
                self._admin1[(e.cc, e.admin1)] = e

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, key: str) -> list[GeoEntry]:
        """Entries whose matching key is ``key`` (already normalised with ``normalize_key``)."""
        return self._by_key.get(key, [])

    def get(self, id: str) -> GeoEntry | None:
        """The entry with this id, or None."""
        return self._by_id.get(id)

    def in_country(self, cc: str) -> list[GeoEntry]:
        """All entries of a country (ISO alpha-2)."""
        return self._by_cc.get(cc, [])

    def country(self, cc: str) -> GeoEntry | None:
        """The country entry for ``cc``."""
        return self._by_id.get(f"country:{cc}")

    def admin1_of(self, entry: GeoEntry) -> GeoEntry | None:
        """The admin1 division a city belongs to, when the index has it."""
        if not entry.admin1:
            return None
        return self._admin1.get((entry.cc, entry.admin1))

    def names(self) -> Iterable[str]:
        """Every matching key."""
        return self._by_key.keys()


def parse_index(text: str) -> list[GeoEntry]:
    """Entries from the TSV text of the index (header row first)."""
    out: list[GeoEntry] = []
    rd = io.StringIO(text)
    header = rd.readline().rstrip("\n").split("\t")
    if tuple(header) != FIELDS:
        raise ValueError(f"gazetteer index: unexpected header {header}")
    for line in rd:
        f = line.rstrip("\n").split("\t")
        if len(f) != len(FIELDS):
            continue
        id_, kind, cc, lat, lon, pop, admin1, name_ar, name_en, prec, gid, cap, keys = f
        out.append(GeoEntry(id_, kind, cc, float(lat) if lat else None, float(lon) if lon else None,
                            name_ar, name_en, int(pop or 0), admin1, int(prec or 1),
                            int(gid) if gid else None, tuple(keys.split("|")) if keys else (), cap == "1"))
    return out


_lock = threading.Lock()
_loaded: Gazetteer | None = None


def load_gazetteer() -> Gazetteer:
    """The shipped index, loaded once per process."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                from rasd.lexicon import data_path

                raw = data_path("geo/" + INDEX_NAME).read_bytes()
                _loaded = Gazetteer(parse_index(gzip.decompress(raw).decode("utf-8")))
    return _loaded
