"""Corpus store commands: ``rasd ingest``, ``reprocess``, ``events``, ``search``, ``stats``, ``export``.

Thin wrappers over :class:`rasd.store.Store`; every command takes ``--db PATH`` (default
``$RASD_DB`` or ``./rasd.db``).
"""

from __future__ import annotations

import json
import sys

import click

from rasd.cli import EXIT_PARTIAL, EXIT_RESOURCE, fail

_DB_HELP = "The store (SQLite file). Default: $RASD_DB, else ./rasd.db."


def db_option(f):
    """The --db option shared by every store command."""
    return click.option("--db", "db", type=click.Path(dir_okay=False), envvar="RASD_DB", default="rasd.db",
                        show_default=True, help=_DB_HELP)(f)


def _open(db: str, *, must_exist: bool = False):
    import os

    from rasd.store import Store
    from rasd.store.schema import SchemaError

    if must_exist and not os.path.isfile(db):
        fail(f"no store at {db} (create one with `rasd ingest --db {db} PATH`)", EXIT_RESOURCE)
    try:
        return Store.open(db)
    except (OSError, SchemaError) as exc:
        fail(f"cannot open the store {db}: {exc}", EXIT_RESOURCE)


def _show(progress: bool | None) -> bool:
    return sys.stderr.isatty() if progress is None else progress


def _summary_line(s, verb: str = "ingested") -> str:
    rate = s.ingested / s.seconds if s.seconds else 0.0
    return (f"rasd: {verb} {s.ingested}, duplicates {s.duplicates}, near-duplicates {s.near_duplicates}, "
            f"failed {s.failed}; {s.events} events; {s.seconds:.1f} s ({rate:.1f} articles/s)")


def _report_failures(s, limit: int = 20) -> None:
    for item, reason in s.failures[:limit]:
        click.echo(f"rasd: failed {item}: {reason}", err=True)
    if s.failed > limit:
        click.echo(f"rasd: ... and {s.failed - limit} more failures (see `rasd stats` / Store.failures())",
                   err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@db_option
@click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1, 100_000),
              help="Articles per transaction (a transaction also ends every 2 s).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("--strict", is_flag=True, help="Exit with code 3 when any item failed.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
def ingest(paths, db, batch_size, as_json, strict, progress):
    """Read, deduplicate, extract and store articles.

    PATHS are .txt files, directories (walked recursively), .jsonl, .json (an object or an array),
    HTML pages, RSS/Atom feeds, or - for standard input.  An article already in the store is
    skipped (same normalised text); a near-duplicate (the same story from another outlet) is stored
    and linked to the first.  Safe to interrupt: run the same command again to finish.
    """
    st = _open(db)
    try:
        s = st.ingest(paths, progress=_show(progress), batch_size=batch_size)
    except KeyboardInterrupt:
        fail("interrupted; whole articles committed so far are kept, run the command again to finish")
    finally:
        st.close()
    _report_failures(s)
    click.echo(_summary_line(s), err=True)
    if as_json:
        click.echo(json.dumps(s.as_dict()))
    if strict and s.failed:
        raise SystemExit(EXIT_PARTIAL)


@click.command()
@db_option
@click.option("--all", "all_", is_flag=True, help="Re-extract every article, not only outdated ones.")
@click.option("--limit", type=click.IntRange(1), help="At most this many articles.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
def reprocess(db, all_, limit, progress):
    """Re-run extraction on stored articles made by an older pipeline (version or fingerprint),
    and on those whose extraction failed."""
    st = _open(db, must_exist=True)
    try:
        s = st.reprocess(all=all_, limit=limit, progress=_show(progress))
    finally:
        st.close()
    _report_failures(s)
    click.echo(_summary_line(s, "re-extracted"), err=True)


def _near(value: str | None):
    if not value:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise click.BadParameter("expected LAT,LON,KM (e.g. 32.89,13.19,50)", param_hint="--near") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise click.BadParameter("latitude, longitude or distance out of range", param_hint="--near")
    return lat, lon, km


def _date(value: str | None, name: str):
    if not value:
        return None
    import datetime as _dt

    try:
        _dt.date.fromisoformat(value[:10])
    except ValueError:
        raise click.BadParameter("expected YYYY-MM-DD", param_hint=name) from None
    return value[:10]


def _event_table(rows: list[dict], total: int) -> str:
    lines = []
    for r in rows:
        loc = r.get("location") or {}
        where = loc.get("name") or loc.get("text") or ""
        if loc.get("country_code"):
            where += f" [{loc['country_code']}]"
        actors = "; ".join((a.get("name") or a.get("text") or "") for a in r.get("actors") or [])
        acled = r.get("event_type") or ""
        dead = f"killed={r['fatalities']}" if r.get("fatalities") is not None else ""
        ev = (r.get("evidence") or [{}])[0].get("text", "")
        lines.append(f"{r['id']}  {(r.get('date') or '?'):10}  {r.get('type') or '':10} {acled:28.28} "
                     f"{where:24.24} {actors[:40]:40} {dead}")
        if ev:
            lines.append(f"    «{ev[:120]}»")
    lines.append(f"-- {len(rows)} of {total} events")
    return "\n".join(lines)


@click.command()
@db_option
@click.option("--country", help="ISO 3166-1 alpha-2 code of the event's place, e.g. LY.")
@click.option("--type", "type_", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--acled-type", help="ACLED event type, e.g. Battles (case-insensitive).")
@click.option("--since", help="Events on or after this day (YYYY-MM-DD); the event's date, else publication.")
@click.option("--until", help="Events on or before this day (YYYY-MM-DD).")
@click.option("--actor", help="Text found in an actor's name or mention (case-insensitive).")
@click.option("--near", help="LAT,LON,KM: events located within KM kilometres of a point.")
@click.option("--min-fatalities", type=click.IntRange(0), help="At least this many killed.")
@click.option("--query", "-q", help="Only events of articles matching this full-text query.")
@click.option("--include-duplicates", is_flag=True, help="Also events of near-duplicate articles.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1_000_000), help="Page size.")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Skip this many.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "json", "jsonl", "acled-csv", "plover-jsonl", "geojson"]),
              help="Output: a readable table, JSON (array of events in the `rasd extract` schema), "
                   "JSON lines, ACLED CSV, PLOVER JSONL or GeoJSON.")
def events(db, country, type_, acled_type, since, until, actor, near, min_fatalities, query,
           include_duplicates, limit, offset, fmt):
    """Query stored events, newest first.

    Each event in JSON is the event object of `rasd extract` (evidence offsets into its article)
    with its stable `id`, `article_id` and `article` (title, source, url, published).
    """
    from rasd.store import EventQuery

    q = EventQuery(country=country, type=type_, acled_type=acled_type, since=_date(since, "--since"),
                   until=_date(until, "--until"), actor=actor, near=_near(near), min_fatalities=min_fatalities,
                   q=query, include_duplicates=include_duplicates)
    st = _open(db, must_exist=True)
    try:
        rows = st.events(q, limit=limit, offset=offset)
        if fmt == "table":
            click.echo(_event_table(rows, st.count_events(q)))
        else:
            from rasd.store.export import export_events

            export_events(iter(rows), fmt, None)
    finally:
        st.close()


@click.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="Page size.")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Skip this many.")
@click.option("--newest", is_flag=True, help="Last stored first instead of best match first.")
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json", "jsonl"]),
              help="Output: readable snippets, a JSON array of hits, or JSON lines.")
def search(query, db, limit, offset, newest, fmt):
    """Full-text search over stored articles.

    Every word of QUERY must occur; diacritics, hamza and alef forms, ta marbuta and alef maqsura
    are folded on both sides, and a word also matches after و ف ب ل ك ال.  Snippets are the
    article's original text.
    """
    st = _open(db, must_exist=True)
    try:
        hits = st.search(query, limit=limit, offset=offset, order="newest" if newest else "rank")
        total = st.count_search(query) if fmt == "table" else None
    finally:
        st.close()
    if fmt == "json":
        click.echo(json.dumps(hits, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for h in hits:
            click.echo(json.dumps(h, ensure_ascii=False))
    else:
        for h in hits:
            sn = h["snippet"]
            text, marks = sn["text"], sn["match"]
            for s, e in reversed(marks):
                text = text[:s] + "[" + text[s:e] + "]" + text[e:]
            click.echo(f"{h['article_id']}  {h.get('published') or '':10}  {h.get('source') or ''}  "
                       f"{h.get('title') or ''}")
            click.echo("    " + ("…" if sn["start"] else "") + text.replace("\n", " ") + "…")
        click.echo(f"-- {len(hits)} of {total} articles")


@click.command()
@db_option
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json"]),
              help="Output: readable text or JSON.")
def stats(db, fmt):
    """Counts: articles, near-duplicates, events by type, ACLED type and country, date range, failures."""
    st = _open(db, must_exist=True)
    try:
        s = st.stats()
    finally:
        st.close()
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    out = [f"store      {s['path']} (schema {s['schema_version']})",
           f"articles   {s['articles']} ({s['near_duplicates']} near-duplicates); published "
           f"{s['published_first'] or '?'} .. {s['published_last'] or '?'}",
           f"events     {s['events']} ({s['located']} located, {s['fatalities']} killed); "
           f"{s['first_date'] or '?'} .. {s['last_date'] or '?'}",
           f"failures   {s['failures']}"]
    for title, key in (("by type", "by_type"), ("by ACLED type", "by_acled_type"), ("by country", "by_country")):
        if s[key]:
            out.append(f"-- {title}")
            out.extend(f"  {k:32} {v}" for k, v in list(s[key].items())[:30])
    out.append("-- extractions")
    for v in s["extractions"]:
        out.append(f"  rasd {v['rasd_version']} pipeline {v['pipeline']}: {v['articles']} articles"
                   + (f" ({v['failed']} failed)" if v["failed"] else ""))
    click.echo("\n".join(out))


@click.command()
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["acled-csv", "plover-jsonl", "geojson", "parquet", "jsonl", "json"]),
              help="acled-csv, plover-jsonl, geojson, parquet (needs --out), jsonl or json.")
@click.option("--out", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Output file, - for stdout.")
@click.option("--country", help="Only events in this country (ISO alpha-2).")
@click.option("--type", "type_", help="Only this PLOVER type.")
@click.option("--since", help="Only events on or after this day.")
@click.option("--until", help="Only events on or before this day.")
@click.option("--include-duplicates", is_flag=True, help="Also events of near-duplicate articles.")
def export(db, fmt, out, country, type_, since, until, include_duplicates):
    """Export stored events, streamed (bounded memory for any store size)."""
    from rasd.store import EventQuery

    if fmt == "parquet" and out == "-":
        raise click.BadParameter("parquet needs a file: --out PATH", param_hint="--out")
    q = EventQuery(country=country, type=type_, since=_date(since, "--since"), until=_date(until, "--until"),
                   include_duplicates=include_duplicates)
    st = _open(db, must_exist=True)
    try:
        n = st.export(fmt, out, q)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    finally:
        st.close()
    click.echo(f"rasd: exported {n} events ({fmt})", err=True)
