"""``rasd ner``: tag pre-tokenised text (CoNLL: one token a line, a blank line between sentences)."""

from __future__ import annotations

import click

from rasd.cli import EXIT_RESOURCE, fail


@click.command()
@click.option("--conll", "conll", required=True, type=click.Path(allow_dash=True, dir_okay=False),
              help="Input: one token a line in the first column (tab or space separated; other "
                   "columns ignored), a blank line between sentences; - for stdin.")
@click.option("--out", "out", type=click.Path(allow_dash=True, dir_okay=False), default="-",
              help="Write token<TAB>tag lines here, same sentence breaks (default: stdout).")
@click.option("--model", "model", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A CRF model file other than the shipped one (rasd/data/ner/model.crfsuite).")
@click.option("--window", type=int, default=100, show_default=True,
              help="Sentences over which a name found once is propagated to its repetitions "
                   "(0: tag each sentence alone).")
def ner(conll, out, model, window):
    """Tag named entities (IOB2 over PERS, LOC, ORG, MISC) in a CoNLL-style token file."""
    from rasd.ner.conll import read_conll, write_conll
    from rasd.ner.tagger import ModelMissing, Tagger, default_tagger

    tagger = Tagger(model) if model else default_tagger()
    try:
        tagger.load()
    except ModelMissing as exc:
        fail(str(exc), EXIT_RESOURCE)
    try:
        with click.open_file(conll, "r", encoding="utf-8-sig", errors="strict") as fh, \
                click.open_file(out, "w", encoding="utf-8") as dst:
            sents = [toks for toks, _ in read_conll(fh)]
            tags = tagger.tag_document(sents, window=window, propagate=window > 0)
            write_conll(dst, zip(sents, tags, strict=True))
    except UnicodeDecodeError as exc:
        fail(f"{conll}: not UTF-8 text ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        fail(f"{conll}: {exc.strerror or exc}")
