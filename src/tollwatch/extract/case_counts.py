"""Cases of a metric counted as the people they happened to.

"The association has documented 1,150 cases of enforced disappearance", "Police registered 45
kidnapping cases": a case noun (``case_nouns`` in ``tollwatch/data/lexicon.yaml``) whose "of"
phrase or compound names a metric noun counts the people that metric counts (missing,
abducted); "1,400 cases of cholera" or "30 court cases" count no one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from tollwatch.extract.lexicon import Lexicon

__all__ = ["counts_cases"]


def _metric_word(t: Token, lex: Lexicon) -> bool:
    low, lem = t.lower_, t.lemma_.lower()
    return lem in lex.metric_nouns or low in lex.metric_nouns or low in lex.metric_adjectives


def counts_cases(head: Token, lex: Lexicon) -> bool:
    """``head`` (the noun a figure counts) is a case noun of a metric: "cases of enforced
    disappearance", "kidnapping cases"."""
    if head.lemma_.lower() not in lex.case_nouns:
        return False
    for c in head.children:
        if c.dep_ == "compound" and c.i < head.i and _metric_word(c, lex):
            return True
        if c.dep_ == "prep" and c.lower_ == "of":
            return any(p.dep_ == "pobj" and _metric_word(p, lex) for p in c.children)
    return False
