"""Parts given in an absolute clause: "over 1,400 officers, with 210 holding the rank of
major or higher, have been killed" (both killed). The clause ("with" + number + what the part
is) sits between a counted group and its verb; the part is among the group and takes its
metric, and the number inside the clause does not cut the group off from its verb. A part
with a metric of its own inside the clause keeps it ("30 were killed, with 50 wounded").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["absolute_parts", "clause_after_with"]

Pick = tuple[str, float, int]
Item = tuple["Span", "Token | None"]

_HEDGE_POS = {"ADV", "ADJ", "ADP", "DET"}
_CLAUSE_END = {",", ";", "—", "–", ")"}


def clause_after_with(doc: Doc, span: Span) -> tuple[int, int] | None:
    """(first, end) token range of the clause ", with <number> ..." that ``span`` opens,
    when a comma (or dash) comes before "with" and the clause is closed before the end of
    the sentence; else None."""
    i = span.start - 1
    hops = 0
    while i > 0 and doc[i].pos_ in _HEDGE_POS and doc[i].lower_ != "with" and hops < 3:
        i, hops = i - 1, hops + 1  # "with at least 210", "with some 80"
    if i < 1 or doc[i].lower_ != "with" or doc[i - 1].text not in (",", "—", "–", "("):
        return None
    end = next((t.i for t in doc[span.end:span.end + 16] if t.text in _CLAUSE_END), None)
    if end is None:
        return None
    return i, end


_VERB_GROUP_POS = {"AUX", "ADV", "PART"}


def _verb_after(doc: Doc, end: int, trigger_at: dict[int, str]) -> Pick | None:
    """The metric of a trigger verb right after the clause (", have been killed")."""
    i = end + 1
    while i < len(doc) and i - end <= 4 and doc[i].pos_ in _VERB_GROUP_POS and \
            i not in trigger_at:
        i += 1
    if i < len(doc) and i in trigger_at and doc[i].pos_ in ("VERB", "AUX"):
        return trigger_at[i], 0.7, i
    return None


def absolute_parts(doc: Doc, items: list[Item], picks: list[Pick | None],
                   repick: Callable[[int, set[int]], Pick | None],
                   trigger_at: dict[int, str]) -> list[Pick | None]:
    """``picks`` with the parts of an absolute clause given their group's metric;
    ``repick(k, free)`` picks figure ``k``'s metric again with the number tokens ``free`` not
    counted as figures in the way; ``trigger_at``: the metric of each one-token trigger."""
    out = list(picks)
    for k in range(1, len(items)):
        span = items[k][0]
        clause = clause_after_with(doc, span)
        if clause is None:
            continue
        first, end = clause
        w = k - 1
        if items[w][0].end > first:
            continue  # the group is not counted right before the clause
        free = {t.i for t in doc[first:end] if t.like_num}
        if out[w] is None:
            out[w] = repick(w, free) or _verb_after(doc, end, trigger_at)
        whole = out[w]
        if whole is None:
            continue
        own = out[k]
        if own is not None and first <= own[2] < end:
            continue  # "with 50 wounded": the part's own metric
        out[k] = (whole[0], whole[1] * 0.9, whole[2])
    return out
