"""The event layer: who did what to whom, where and when, coded in PLOVER and ACLED terms.

One job per module: :mod:`.triggers` finds event words, :mod:`.clauses` tells the main predicate of
a sentence from the words around it, :mod:`.factuality` decides whether it happened,
:mod:`.actors` finds who acted and against whom, :mod:`.arguments` attaches date, place and
figures, :mod:`.coding` maps PLOVER to ACLED, :mod:`.merge` joins mentions of one event,
:mod:`.confidence` scores it and :mod:`.stage` is the pipeline stage that runs them all.
"""
