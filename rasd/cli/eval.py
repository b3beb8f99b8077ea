"""``rasd eval``: score rasd's components on annotated data."""

from __future__ import annotations

import click

from rasd.cli import EXIT_RESOURCE, fail


@click.group("eval")
def eval_group():
    """Score rasd against gold annotations."""


@eval_group.command("ner")
@click.option("--conll", "conll", required=True, type=click.Path(allow_dash=True, dir_okay=False),
              help="Gold file: token and IOB2 tag columns (tab or space separated), a blank line "
                   "between sentences; - for stdin.")
@click.option("--pred", "pred", type=click.Path(allow_dash=True, dir_okay=False), default=None,
              help="Score these predictions (token and tag columns, same sentences) instead of "
                   "running the tagger.")
@click.option("--model", "model", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A CRF model file other than the shipped one.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--window", type=int, default=100, show_default=True,
              help="As for rasd ner: sentences over which names are propagated (0: off).")
def ner(conll, pred, model, as_json, window):
    """Exact-span (CoNLL) precision, recall and F1 per type and micro-averaged.

    An entity counts as found only when its first token, last token and type all match."""
    import json

    from rasd.ner.conll import format_scores, read_conll, repair_iob2, score
    from rasd.ner.tagger import ModelMissing, Tagger, default_tagger

    try:
        with click.open_file(conll, "r", encoding="utf-8-sig") as fh:
            gold = list(read_conll(fh, gold=True))
        if pred:
            with click.open_file(pred, "r", encoding="utf-8-sig") as fh:
                preds = [repair_iob2(t) for _, t in read_conll(fh, gold=True)]
            if len(preds) != len(gold):
                fail(f"{pred}: {len(preds)} sentences, gold has {len(gold)}")
        else:
            tagger = Tagger(model) if model else default_tagger()
            try:
                tagger.load()
            except ModelMissing as exc:
                fail(str(exc), EXIT_RESOURCE)
            preds = tagger.tag_document([toks for toks, _ in gold], window=window, propagate=window > 0)
        scores = score([repair_iob2(g) for _, g in gold], preds)
    except UnicodeDecodeError as exc:
        fail(f"not UTF-8 text ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        fail(f"{exc.filename}: {exc.strerror or exc}")
    except ValueError as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps({t: {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                                   "tp": s.tp, "fp": s.fp, "fn": s.fn} for t, s in scores.items()},
                              indent=1))
    else:
        click.echo(format_scores(scores))
