"""A headline's short tag, once the body shows whom it names, names that source everywhere.

"Monitor: 70 fighters dead in week of clashes" tags its figure with a generic word. When
the body repeats the figure from a named source ("The Observatory for Human Rights said on
Sunday that 70 fighters ..."), the tag is that source's short name (``repeats`` lists the
body's names on the headline claim). Later references that matched the tag rather than the
body's name ("The monitor added that 12 civilians ...") are the same source: they take its
names, and its day when they name none (``date_how: "source"``, as any later statement of a
dated source).
"""

from __future__ import annotations

from collections.abc import Iterable

from tollwatch.extract.name_keys import fold_name as _fold
from tollwatch.model import Claim

__all__ = ["spread_tag_names"]


def spread_tag_names(claims: Iterable[Claim],
                     links: Iterable[tuple[list[str], Claim, Claim]]) -> None:
    """For each ``(tag_names, headline_claim, body_claim)`` of ``links`` (a headline tag
    shown by the body's repeat to name the body's source), give every other claim whose
    source names are only forms of the tag the headline claim's full names, and the body
    claim's day when it has none."""
    todo = list(links)
    if not todo:
        return
    every = list(claims)
    for tag_names, head, body in todo:
        tag = {_fold(n) for n in tag_names if _fold(n)}
        if not tag:
            continue
        for c in every:
            if c is head or (c.attribution or {}).get("headline"):
                continue
            names = {_fold(n) for n in c.origin if _fold(n)}
            if not names or not names <= tag or c.speaker:
                continue
            c.origin = list(head.origin)
            att = dict(c.attribution or {}, tag_of=head.start)
            if c.date is None and body.date is not None and not att.get("date_how"):
                c.date = body.date
                att["date_how"] = "source"
            c.attribution = att
