"""Whether a figure of a sentence counts things rather than people, from the word after it.

"Inmates of three prisons also seized 36 other guards": "three prisons" counts places, so
"36 other guards" is still the sentence's first count of people and may count back to the
statement before (``figure_anaphora.counts_back``); "killed three and wounded four others"
and "killed three guards and wounded four others" count people first. The word right after
the figure decides: a word that is no people noun of the lexicon (``people``), no function
word, is a thing counted.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from tollwatch.extract.lexicon import load_lexicon

__all__ = ["counts_things"]

_NEXT_WORD = re.compile(r"^[\s-]*([A-Za-z]+)")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def counts_things(after: str) -> bool:
    """True when ``after``, the text right after a figure, opens with a noun that names no
    people ("prisons", "villages", "days")."""
    m = _NEXT_WORD.match(after)
    if m is None:
        return False
    word = m.group(1).lower()
    if word in STOP_WORDS or len(word) < 3:
        return False
    people = load_lexicon().people
    return word not in people and _singular(word) not in people and \
        not word.endswith(("ed", "ing"))
