"""The side of a document about one side's losses, named only once up front.

"Monitors have identified 9,000 Chilean soldiers who died in the war. ... The region with
the most dead is the north, with at least 900 natives of the region killed." The later
figures name no side, but the document counts the losses of one: the side of its earlier
figures. A figure gets it only when

- it counts harm (killed, injured, casualties, missing), has a counted noun (a bare total
  is a series of its own) and is not of civilians;
- every earlier figure of the document that has a side has this one, every earlier figure
  of harm has a side, and one of them counts people not named civilians (the losses of a
  side, not a list of victims of both sides);
- its own sentence names no side at all ("hit by X rockets" names the attacker);
- its counted noun is not a generic one ("people", "victims": ``one_side_generic`` in
  ``tollwatch/data/actor_context.yaml``; unless the figure before it in the same sentence
  has the side: "nine generals and 500 people with the rank of colonel") nor one for the
  enemy ("militants", ``enemy_heads``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tollwatch.extract.counted import singular
from tollwatch.extract.datafile import read_mapping
from tollwatch.model import Claim
from tollwatch.reconcile import names as _names

__all__ = ["LOSS_METRICS", "one_side_of_losses"]

LOSS_METRICS = frozenset({"killed", "injured", "casualties", "missing"})


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    data, _ = read_mapping("actor_context.yaml", None, "actor context cues", "are")
    words = [*(data.get("one_side_generic") or []), *(data.get("enemy_heads") or []),
             *(data.get("one_side_enemy_plurals") or [])]
    return frozenset(str(w).lower() for w in words)


def _generic_subject(subject: str | None) -> bool:
    if not subject:
        return False
    last = subject.split()[-1].lower().strip(".,;:'’")
    return last in _generic() or singular(last) in _generic()


def one_side_of_losses(earlier: Sequence[Claim], claim: Claim, sentence: str) -> str | None:
    """The one side of the ``earlier`` figures of the document for ``claim`` (which has
    none), from the sentence ``sentence``; None when the rules above do not hold."""
    if claim.actor is not None or claim.metric not in LOSS_METRICS or claim.civilian or \
            not claim.subject:
        return None  # a bare total ("the national death toll passes 5,000") is its own
    listed = bool(earlier) and earlier[-1].start == claim.start and earlier[-1].actor is not None
    if _generic_subject(claim.subject) and not listed:
        return None  # (a list of one sentence: "nine generals and 500 people with ...")
    sides = {c.actor for c in earlier if c.actor is not None}
    if len(sides) != 1 or any(c.actor is None and c.metric in LOSS_METRICS for c in earlier):
        return None
    side = next(iter(sides))
    if not any(c.actor == side and c.civilian is not True and c.metric in LOSS_METRICS
               for c in earlier):
        return None
    if _names.default_names().actors_in(sentence):
        return None  # "... hit by Thai rockets": the side named is not the counted one's
    return side
