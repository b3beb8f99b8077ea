"""``rasd extract``: one article (a file or stdin), or a JSONL batch."""

from __future__ import annotations

import sys

import click

from rasd.cli import EXIT_PARTIAL, fail
from rasd.io.writers import WRITERS


@click.command()
@click.argument("file", required=False, type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--jsonl", "jsonl", type=click.Path(allow_dash=True, dir_okay=False),
              help="Read one JSON object a line (id; text or content; title, published or "
                   "date_extracted, source, url) and write one result a line.")
@click.option("--out", "out", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write results here (default: stdout).")
@click.option("--published", help="Publication date YYYY-MM-DD: anchors relative dates (أمس، الأحد).")
@click.option("--id", "doc_id", help="An id to carry into the result.")
@click.option("--source", help="The outlet's name, carried into the result.")
@click.option("--format", "fmt", default=None,
              type=click.Choice(sorted(WRITERS)),
              help="Output format (default: json for a file, jsonl for --jsonl).")
@click.option("--tokens", is_flag=True, help="Include tokens in JSON output.")
@click.option("--strict", is_flag=True, help="Exit with code 3 when any batch item failed.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@click.option("--exclude", "exclude", multiple=True, metavar="STAGE",
              help="Leave out a pipeline stage (repeatable), e.g. --exclude ner: rules and gazetteers "
                   "only, about twice as fast, fewer names nobody listed.  Stages: tokenize, sentences, "
                   "places, dates, figures, entities, ner, quotes, events.")
def extract(file, jsonl, out, published, doc_id, source, fmt, tokens, strict, progress, exclude):
    """Extract entities, places, dates, figures, quotes and events from Arabic news.

    FILE is a text or HTML file in UTF-8, UTF-16 or Windows-1256, or - for stdin.
    With --jsonl, a bad line is reported (id and reason) on stderr and the rest are processed.
    """
    from rasd.io.writers import open_output, write_documents
    from rasd.pipeline import PipelineError, pipeline_for

    if bool(file) == bool(jsonl):
        raise click.UsageError("give exactly one of FILE or --jsonl IN")
    try:
        pipe = pipeline_for(exclude)
    except PipelineError as exc:
        raise click.BadParameter(str(exc), param_hint="--exclude") from None
    if jsonl:
        _batch(jsonl, out, fmt or "jsonl", tokens, strict, progress, pipe)
        return
    from rasd.api import extract as run
    from rasd.io.readers import read_article
    from rasd.io.validate import InputError

    try:
        text, title = read_article(file)
        doc = run(text, published=published, source=source, id=doc_id, title=title, pipeline=pipe)
    except InputError as exc:
        fail(f"{file}: {exc}")
    with open_output(out) as fh:
        write_documents([doc], fmt or "json", fh, tokens=tokens)


def _batch(path, out, fmt, tokens, strict, progress, pipe=None):
    from rasd.api import Failure, extract_many
    from rasd.io.readers import BadRecord, read_jsonl
    from rasd.io.writers import open_output, write_documents
    from rasd.progress import progress_bar

    counts = {"ok": 0, "failed": 0}

    def records():
        for rec in read_jsonl(path):
            yield Failure(rec.id, str(rec)) if isinstance(rec, BadRecord) else rec

    def docs():
        for item in extract_many(records(), pipeline=pipe):
            if isinstance(item, Failure):
                counts["failed"] += 1
                click.echo(f"rasd: failed {item.id}: {item.reason}", err=True)
                continue
            counts["ok"] += 1
            yield item

    show = sys.stderr.isatty() if progress is None else progress
    try:
        with open_output(out) as fh:
            write_documents(progress_bar(docs(), show, unit="article"), fmt, fh, tokens=tokens)
    except OSError as exc:
        fail(f"{path}: {exc}")
    click.echo(f"rasd: {counts['ok']} extracted, {counts['failed']} failed", err=True)
    if strict and counts["failed"]:
        raise SystemExit(EXIT_PARTIAL)
