"""Figures an outlet gives in its own voice (no source named): restatements and the filter.

An outlet often restates, in its own words, a figure someone else gave ("the 20 people
kidnapped last week", after "the governor said 20 people were kidnapped"), or tells the
background of a story in its own voice. Two rules:

1. **Restatement.** An own-voice claim whose figure an origin of its own (named, or an
   unnamed source such as "an official") already gave in the same series (same actor,
   metric, stance, counted group and part; the same numbers, or a single number within
   that origin's range), in the same document, or in another document within ``window``
   days after one of that claim's reports (7 by default, the window of one claim), is a
   report of that origin's claim: its reports join it, each with the reason "own-voice restatement of <origin>'s
   figure", and no entry of its own is left. The claim keeps its origin, its aliases (the
   outlet is not one), its date and hedge (from its origin's own reports).
2. **The filter.** The own-voice claims left are the outlet's own figures (its own
   tally, or a figure whose source the extraction missed). Timelines hide them by default
   (``voice="hide"``). A figure restated years later in another article is more often
   another figure that happens to share a number ("500 officers" against an origin's
   "nearly 500 troops" three years before) than a restatement: it stays its own.; ``"show"`` lists them too, marked ``own_voice: true`` (their origin
   is the outlet), and ``"only"`` lists only them. The CLI's ``--own-voice``, the API's
   ``own_voice=`` and the web series page's ``own_voice=`` are this one option.

    >>> fold_restatements(clusters, origins)   # inside identity.group_items
    >>> shown = select_voice(claims, "hide")
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date as Date
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args

from tollwatch.reconcile.origins import Item, Origin

if TYPE_CHECKING:
    from tollwatch.reconcile.identity import Group

__all__ = ["DEFAULT_VOICE", "VOICES", "Voice", "check_voice", "fold_restatements",
           "restatement_reason", "select_voice", "within"]

Voice = Literal["hide", "show", "only"]
VOICES: tuple[str, ...] = get_args(Voice)
#: What timelines do with own-voice figures unless told otherwise (measured: docs/reconcile.md).
DEFAULT_VOICE: Voice = "hide"

Numbers = tuple[int | None, int | None, int | None]
_T = TypeVar("_T")


def restatement_reason(origin: str) -> str:
    """The reason an own-voice report joins another origin's claim."""
    return f"own-voice restatement of {origin}'s figure"


def check_voice(voice: str) -> Voice:
    """``voice`` as a :data:`Voice`; ValueError naming the choices otherwise."""
    if voice not in VOICES:
        raise ValueError(f"unknown own-voice choice {voice!r}; one of {', '.join(VOICES)}")
    return voice  # type: ignore[return-value]


def select_voice(claims: Sequence[_T], voice: Voice) -> list[_T]:
    """The claims an own-voice choice keeps, in their order (anything with an
    ``own_voice`` attribute: underlying claims)."""
    if voice == "show":
        return list(claims)
    want = voice == "only"
    return [c for c in claims if bool(getattr(c, "own_voice", False)) == want]


def within(own: Numbers, given: Numbers) -> int:
    """How an own-voice figure restates another origin's: 2 the same numbers, 1 a single
    number within its range, 0 not at all."""
    if own == given:
        return 2
    value, _, _ = own
    _, low, high = given
    if value is not None and given[0] is None and low is not None and high is not None \
            and low <= value <= high:
        return 1
    return 0


def _series(it: Item) -> tuple[Any, ...]:
    return (it.actor, it.metric, it.report.claim.stance, it.group_key, it.part)


def _first(g: Group) -> Date | None:
    dates = [it.date for it, _ in g if it.date is not None]
    return min(dates) if dates else None


def _last(g: Group) -> Date | None:
    dates = [it.date for it, _ in g if it.date is not None]
    return max(dates) if dates else None


def _docs(g: Group) -> set[str]:
    return {it.report.doc_id for it, _ in g}


def fold_restatements(clusters: list[Group], origins: dict[str, Origin],
                      window: int = 7) -> None:
    """Move every own-voice cluster that restates another origin's claim (rule 1 above)
    into that claim; the moved cluster is left empty. Of several claims it could restate,
    one in the same document comes first, then the same numbers, then a named origin,
    then the earliest."""
    # sourced claims by series and numbers (the same figure), and the ranges of each
    # series (a number within one): no own-voice claim is compared with every claim
    own = [g for g in clusters if g and g[0][0].own_voice]
    if not own:
        return
    same: dict[tuple[Any, ...], list[Group]] = defaultdict(list)
    ranges: dict[tuple[Any, ...], list[Group]] = defaultdict(list)
    for g in clusters:
        if not g or g[0][0].own_voice:
            continue
        it = g[0][0]
        key = _series(it)
        same[(key, it.numbers)].append(g)
        value, low, high = it.numbers
        if value is None and low is not None and high is not None:
            ranges[key].append(g)
    if not same:
        return
    for g in own:
        head = g[0][0]
        key = _series(head)
        start, docs = _first(g), _docs(g)
        best: tuple[Any, ...] | None = None
        target: Group | None = None
        for h in (*same.get((key, head.numbers), ()), *ranges.get(key, ())):
            how = within(head.numbers, h[0][0].numbers)
            if not how:
                continue
            same_doc = bool(docs & _docs(h))
            hs, hl = _first(h), _last(h)
            if not same_doc and (hs is None or hl is None or start is None or hs > start
                                 or (start - hl).days > window):
                continue
            o = origins.get(h[0][0].origin_key)
            rank = (not same_doc, -how, bool(o is not None and o.unnamed), hs or Date.max)
            if best is None or rank < best:
                best, target = rank, h
        if target is None:
            continue
        o = origins.get(target[0][0].origin_key)
        why = restatement_reason(o.display if o is not None else target[0][0].origin_key)
        target.extend((it, why) for it, _ in g)
        g.clear()
