"""``rasd batch`` (a corpus to a Parquet dataset, locally or on Dask) and ``rasd import`` (into the store)."""

from __future__ import annotations

import sys

import click

from rasd.cli import EXIT_PARTIAL, EXIT_RESOURCE, fail

EXIT_INTERRUPTED = 130


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Output directory: a Parquet dataset (events, places, entities, quotes, figures, dates, "
                   "articles, failures) partitioned by publication month and country.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this process; dask: a Dask LocalCluster (or --scheduler).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Dask LocalCluster worker processes, 1 thread each (default: number of cores).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Connect to a running Dask scheduler (e.g. tcp://10.0.0.5:8786) instead of "
                   "starting a LocalCluster; implies --engine dask.")
@click.option("--partition-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Records per partition (one task); bounds each worker's memory.")
@click.option("--partition-by", default="month,country", show_default=True,
              help="Hive directory keys: month,country | month | country | none.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Only the first N records of the inputs (for quick runs).")
@click.option("--documents/--no-documents", default=True, show_default=True,
              help="Also keep each article's text and full result (the documents table, which "
                   "`rasd import` needs).")
@click.option("--strict", is_flag=True, help="Exit with code 3 when any record or partition failed.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar with articles/s on stderr (default: when a terminal).")
def batch(inputs, out, engine, workers, scheduler, partition_size, partition_by, limit, documents, strict,
          progress):
    """Extract a corpus into a Parquet dataset, on one machine or a Dask cluster.

    INPUT is a JSONL file (plain or .gz, one article a line: id, text or content, title,
    published or date_extracted, source, url), a Parquet file with those columns, or a directory
    or glob of them.  Rerun the same command after a crash or Ctrl-C to do only what is left:
    finished partitions are listed in OUT/_manifest.jsonl.  Bad records go to OUT/failures.jsonl.
    """
    from rasd.batch import BatchOptions, run_batch
    from rasd.io.validate import InputError

    keys = () if partition_by.strip().lower() in ("", "none") else \
        tuple(k.strip() for k in partition_by.split(",") if k.strip())
    opts = BatchOptions(engine="dask" if scheduler else engine, workers=workers, scheduler=scheduler,
                        partition_size=partition_size, partition_by=keys, limit=limit, documents=documents,
                        progress=sys.stderr.isatty() if progress is None else progress)
    try:
        s = run_batch(inputs, out, opts)
    except InputError as exc:
        fail(str(exc))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    except OSError as exc:
        fail(f"{exc}", EXIT_RESOURCE)
    rate = f"{s.articles_per_s:.1f} articles/s" if s.done else "nothing left to do"
    click.echo(f"rasd: {s.articles} extracted, {s.failed} failed, {s.done} partitions done, "
               f"{s.skipped} already done ({s.engine}, {s.workers} worker(s), {s.seconds:.1f} s, {rate})",
               err=True)
    for p in s.failed_partitions:
        click.echo(f"rasd: partition {p['id']} failed: {p['reason']} (rerun to retry)", err=True)
    if s.interrupted:
        click.echo("rasd: interrupted; rerun the same command to continue", err=True)
        raise SystemExit(EXIT_INTERRUPTED)
    if strict and (s.failed or s.failed_partitions):
        raise SystemExit(EXIT_PARTIAL)


@click.command("import")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False), envvar="RASD_DB",
              help="The store (SQLite file; created if missing). Default: $RASD_DB.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
def import_(directory, db, progress):
    """Load a `rasd batch` output directory into the corpus store.

    Every article of the finished partitions is stored with its results (text, entities, places,
    quotes, events); the store deduplicates by content, so importing twice changes nothing.
    The batch's bad records are added to the store's failures.
    """
    from rasd.batch.importer import import_batch
    from rasd.store import Store
    from rasd.store.schema import SchemaError

    try:
        store = Store.open(db)
    except (OSError, SchemaError) as exc:
        fail(f"cannot open the store {db}: {exc}", EXIT_RESOURCE)
    try:
        with store:
            s = import_batch(directory, store, progress=sys.stderr.isatty() if progress is None else progress)
    except ValueError as exc:
        fail(str(exc))
    if s.incomplete:
        click.echo(f"rasd: warning: the batch in {directory} did not finish; imported its finished "
                   "partitions (rerun `rasd batch`, then import again)", err=True)
    for origin, reason in (s.problems or [])[:20]:
        click.echo(f"rasd: failed {origin}: {reason}", err=True)
    click.echo(f"rasd: imported {s.stored} articles ({s.near_duplicates} near-duplicates), {s.duplicates} "
               f"already stored, {s.failed} failed; {s.events} events; {s.failures} batch failures recorded; "
               f"{s.partitions} partitions, {s.seconds:.1f} s", err=True)
