"""The day of a sourced headline figure that the body gives again, dated.

A headline that names its source ("Director says 15,000 troops killed") sums up a statement
the body reports; when the body gives the same figure (metric and number) again with a day
("'... some 15,000 killed,' the director said on Wednesday") and the headline's claim has no
day, the headline takes that day, also over a day it had only from another statement of its
source (``date_how`` "source") (its stance aside: the body may hedge it, "would be
something like 15,000"; not a denial), even when the body names the source otherwise than the
headline does. Only when the body's exact repeats of the figure agree on one day
(``headline_dates.exact_repeat_day`` in ``dates.yaml``); a headline in no one's voice stays
undated here (its source comes from the body, see ``repeats``).
"""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.extract.date_rules import load_date_rules
from tollwatch.model import Claim

__all__ = ["date_headlines"]


def _headline(c: Claim) -> bool:
    return bool(c.attribution and c.attribution.get("headline"))


def date_headlines(claims: list[Claim], same_group: Callable[[Claim, Claim], bool]) -> None:
    """Give each undated sourced headline claim of ``claims`` the one day of the dated body
    claims with its metric and number about the same group (``same_group``)."""
    if not load_date_rules().headline_exact_repeat_day:
        return
    for h in claims:
        borrowed = (h.attribution or {}).get("date_how") == "source"  # another statement's day
        if not _headline(h) or (h.date is not None and not borrowed) or \
                not (h.origin or h.speaker) or \
                h.value is None and h.low is None:
            continue
        days = {b.date for b in claims
                if not _headline(b) and b.date is not None and b.metric == h.metric and
                (b.value, b.low, b.high) == (h.value, h.low, h.high) and
                "denied" not in (b.stance, h.stance) and same_group(h, b)}
        if len(days) == 1:
            h.date = days.pop()
            h.attribution = dict(h.attribution or {}, date_how="body_repeat")
