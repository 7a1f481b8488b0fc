"""The whole of a partitive figure that is only the population it is a part of.

"Nearly 1,200 of the village's 3,000 residents had fled": the 1,200 fled; the 3,000 are the
village's people, counted by no metric of their own. The figure of the "of" phrase after a
part ("N of the [X's] M <people>", "N of its M inhabitants") is no claim when no trigger
lies inside its own noun phrase; "40 of the 120 killed were children" and "12 of the 40
hostages were freed" keep the whole (its noun phrase names what became of it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tollwatch.extract.metric import Trigger

__all__ = ["population_wholes"]

Pick = tuple[str, float, int]
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "this", "that"})


def population_wholes(doc: Doc, items: Sequence[tuple[Span, Token | None]],
                      picks: Sequence[Pick | None], triggers: Sequence[Trigger]
                      ) -> list[Pick | None]:
    """``picks`` with the whole of each "N of the M <people>" that no trigger of its own
    noun phrase counts set to None (see the module's text)."""
    out = list(picks)
    starts = {span.start for span, _ in items}
    for k, (span, head) in enumerate(items):
        if out[k] is None or head is None or not _after_part(doc, span, starts):
            continue
        own = range(span.start, head.i + 1)
        if any(t.start in own or t.end - 1 in own or doc[t.start].head.i == head.i
               for t in triggers):
            continue  # "of the 120 killed", "of the 40 hostages", "of the wounded soldiers"
        out[k] = None
    return out


def _after_part(doc: Doc, span: Span, starts: set[int]) -> bool:
    """``span`` follows "<figure> of the" or "<figure> of the X's" ("1,200 of the village's
    3,000")."""
    i = span.start - 1
    if i >= 1 and doc[i].tag_ == "POS":
        i -= 2  # "the village 's"
        while i >= 0 and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") and doc[i].lower_ not in \
                _DETERMINERS:
            i -= 1
    if i < 1 or doc[i].lower_ not in _DETERMINERS:
        return False
    if doc[i - 1].lower_ != "of":
        return False
    j = i - 2
    while j >= 0 and doc[j].pos_ in ("ADV", "ADP") and doc[j].lower_ != "of":
        j -= 1
    return j >= 0 and j in starts
