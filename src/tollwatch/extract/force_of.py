"""The size of a force given after "of" with no counted noun of its own: "the country's
pre-war military force of 180,000", "a garrison of 2,000" count the personnel of the force
(deployed). Used only for a figure that nothing else gives a metric; the nouns are data
(``force_of_size`` in ``tollwatch/data/lexicon.yaml``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

from tollwatch.extract.datafile import read_mapping

__all__ = ["force_of_size"]


@lru_cache(maxsize=1)
def _force_nouns() -> frozenset[str]:
    data, _ = read_mapping("lexicon.yaml", None, "lexicon")
    return frozenset(str(w).lower() for w in data.get("force_of_size") or [])


def force_of_size(span: Span, head: Token | None) -> Token | None:
    """The force noun whose "of" phrase is the bare number ``span``, else None."""
    if head is not None:
        return None
    num = span.root
    prep = num.head
    if num.dep_ != "pobj" or prep.lower_ != "of" or prep.i == num.i:
        return None
    force = prep.head
    if force.pos_ != "NOUN" or force.lemma_.lower() not in _force_nouns():
        return None
    return force
