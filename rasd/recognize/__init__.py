"""Recognisers that add typed layers to a document: dates, figures, entities, quotes."""
