"""Quotes and their speakers: direct quotes in « », “ ”, " " and reported speech after speech verbs.

Direct quotes are found from their marks (a quote that runs to the end of its paragraph, and a
paragraph that opens with « to continue it, as newspapers write them).  Reported speech is found
from a speech verb (قال، أضاف، أكد ... in their forms, data/speech_verbs.yaml) followed by its
subject and إن/أن: the quote is the content after the complementiser up to the end of the clause.
The speaker is the subject of the verb, resolved to a recognised entity when one is there
(doc.entities), or a document (بيان رئاسي; البيان later refers back to it), an unnamed source
(مصدر أمني), a title alone (الرئيس المصري, linked to the person of that role), or -- when the verb
has no subject (وأضاف أن ...) -- the most recent speaker.  "على تويتر", "في بيان" ... give the channel.
"""

from rasd.recognize.quotes.lexicon import QuoteLexicon, quote_lexicon
from rasd.recognize.quotes.reader import RecognizeQuotes, recognize_quotes

__all__ = ["QuoteLexicon", "RecognizeQuotes", "quote_lexicon", "recognize_quotes"]
