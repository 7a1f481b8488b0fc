"""Which reports are one underlying claim, and why.

Reports of one figure (actor, metric, numbers, stance, counted group) from one origin are
one claim when each falls within ``window_days`` of the claim's previous report; a report
that names no day of its own (hedging the figure alike), or restates it ("has said",
"previously claimed"), joins the origin's earlier claim of that figure however much later
it runs. Two origins' groups of the same figure are one claim when one is only the side's
name ("Russia says ...", "Moscow's latest update") and the other a body or person of that
side, or when both are of one side and date the figure to the same day or give it in the
same article. Every report keeps the reason it joined.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date as Date
from typing import Any

from tollwatch.reconcile.names import Names
from tollwatch.reconcile.origins import Item, Origin
from tollwatch.reconcile.own_voice import fold_restatements

__all__ = ["Group", "group_items"]

Group = list[tuple[Item, str]]

FIRST = "first report of the figure"
COPY = "a copy of the same sentence in another outlet"
WINDOW = "the same figure from the same origin within {w} days of its previous report"
UNDATED = "repeats the origin's figure without a day of its own (a back-reference)"
RESTATED = "restates the origin's earlier figure ('has said', 'previously')"
VOICE = "'{voice}' is the side's own voice: the same figure {body} gave"
SAME_DAY = "the same figure, dated the same day, from another voice of the same side ({other})"
LATER = "gives, with no day of its own, the figure {body} gave earlier (a restatement)"
SAME_DOC = ("the same figure in the same article from another voice of the same side "
            "({other}): one statement")


def _order(it: Item) -> tuple[Any, ...]:
    return (it.date or Date.max, not it.dated, it.report.published or "9999",
            it.report.doc_id, it.report.claim_id)


def _cluster(group: list[Item], window: int, attach_undated: bool) -> list[Group]:
    group.sort(key=_order)
    clusters: list[Group] = []
    lasts: list[Date | None] = []
    quotes: list[set[str]] = []
    for it in group:
        reason: str | None = None
        if clusters:
            last = lasts[-1]
            near = last is None or it.date is None or (it.date - last).days <= window
            if it.quote_key and near and it.quote_key in quotes[-1]:
                reason = COPY
            elif (it.date is None or not it.dated and attach_undated) and (
                    near or _same_hedge(it, clusters[-1][0][0])):
                reason = UNDATED
            elif it.restates and attach_undated:
                reason = RESTATED
            elif last is None or it.date is None or (it.date - last).days <= window:
                reason = WINDOW.format(w=window)
        if reason is None:
            clusters.append([(it, FIRST)])
            lasts.append(it.date)
            quotes.append({it.quote_key} if it.quote_key else set())
            continue
        clusters[-1].append((it, reason))
        if it.quote_key:
            quotes[-1].add(it.quote_key)
        if it.date is not None:
            prev = lasts[-1]
            lasts[-1] = it.date if prev is None else max(prev, it.date)
    return clusters


def _same_hedge(a: Item, b: Item) -> bool:
    """Whether two reports hedge a figure alike (or one states it plainly): "up to 250,000"
    and "roughly 250,000" months apart are two statements, not a back-reference."""
    qa, qb = a.report.claim.qualifier, b.report.claim.qualifier
    return qa == qb or "exact" in (qa, qb)


def _first(g: Group) -> Date | None:
    dates = [it.date for it, _ in g if it.date is not None]
    return min(dates) if dates else None


def _stated_days(g: Group) -> set[Date]:
    return {it.date for it, _ in g if it.dated and it.date is not None}


def _docs(g: Group) -> set[str]:
    return {it.report.doc_id for it, _ in g}


def _move(src: Group, dst: Group, reason: str) -> None:
    key = dst[0][0].origin_key
    for it, _ in src:
        it.origin_key = key
        dst.append((it, reason))
    src.clear()
    dst.sort(key=lambda p: _order(p[0]))


def _late(g: Group) -> bool:
    """Every report of the group gives the figure with no day of its own, or restates it."""
    return all(not it.dated or it.restates for it, _ in g)


def _join_restatements(groups: list[Group], named: list[Group], origin: Any,
                       bare: Any) -> None:
    """A figure another voice of the same side gives with no day of its own (or restating
    it), after a named origin first gave it: that earlier claim, restated. (An outlet's own
    voice restating a figure: :func:`tollwatch.reconcile.own_voice.fold_restatements`.)"""
    for g in groups:
        if not g or bare(g) or origin(g).unnamed or g[0][0].own_voice:
            continue
        if not origin(g).side or not _late(g):
            continue
        start = _first(g)
        best: Group | None = None
        for h in named:
            if not h or h is g or h[0][0].origin_key == g[0][0].origin_key or _late(h):
                continue
            if origin(h).side != origin(g).side:
                continue
            hs = _first(h)
            if hs is None or start is None or hs >= start:
                continue
            if best is None or (_first(best) or Date.max) > hs:
                best = h
        if best is not None:
            _move(g, best, LATER.format(body=origin(best).display))


def _merge_voices(clusters: list[Group], origins: dict[str, Origin], names: Names,
                  window: int) -> None:
    """Join a side's bare name to that side's body giving the figure, and one side's two
    voices dating one figure to the same day."""
    by_figure: dict[tuple[Any, ...], list[Group]] = defaultdict(list)
    for g in clusters:
        it = g[0][0]
        by_figure[(it.actor, it.metric, it.numbers, it.report.claim.stance,
                   it.group_key)].append(g)
    for groups in by_figure.values():
        if len(groups) < 2:
            continue

        def origin(g: Group) -> Origin:
            return origins[g[0][0].origin_key]

        def bare(g: Group) -> bool:
            o = origin(g)
            return not o.unnamed and names.actor(o.display) is not None

        named = [g for g in groups if not bare(g) and not origin(g).unnamed and origin(g).side
                 and not g[0][0].own_voice]
        for g in groups:
            if not g or not bare(g):
                continue
            side = names.actor(origin(g).display)
            start = _first(g)
            late = all(not it.dated or it.restates for it, _ in g)
            best: Group | None = None
            for h in named:
                if not h or origin(h).side != side:
                    continue
                hs = _first(h)
                if start is not None and hs is not None and not late \
                        and abs((start - hs).days) > window:
                    continue
                if late and start is not None and hs is not None and hs > start:
                    continue
                if best is None or (_first(best) or Date.max) > (hs or Date.max):
                    best = h
            if best is not None:
                _move(g, best, VOICE.format(voice=origin(g).display, body=origin(best).display))
        _join_restatements(groups, named, origin, bare)
        # one side's two named voices dating the figure to the same day: one statement
        live = [g for g in named if g]
        for i, g in enumerate(live):
            for h in live[i + 1:]:
                if not g or not h or origin(g).side != origin(h).side:
                    continue
                if g[0][0].origin_key == h[0][0].origin_key:
                    continue
                same_doc = _docs(g) & _docs(h)
                if not same_doc and not _stated_days(g) & _stated_days(h):
                    continue
                keep, drop = (g, h) if names.is_known_source(origin(g).display) \
                    or not names.is_known_source(origin(h).display) else (h, g)
                _move(drop, keep, (SAME_DOC if same_doc else SAME_DAY).format(
                    other=origin(drop).display))


def group_items(items: Sequence[Item], origins: dict[str, Origin], names: Names, *,
                window: int, attach_undated: bool = True) -> list[Group]:
    """The items grouped into underlying claims, each item with the reason it joined."""
    by_key: dict[tuple[Any, ...], list[Item]] = defaultdict(list)
    for it in items:
        # a counted group (issue 16) tells apart figures of one origin: "12 hostages
        # released" and "12 hostages still held" are two claims
        by_key[(it.actor, it.metric, it.numbers, it.origin_key, it.report.claim.stance,
                it.group_key)].append(it)
    clusters: list[Group] = []
    for group in by_key.values():
        clusters.extend(_cluster(group, window, attach_undated))
    _merge_voices(clusters, origins, names, window)
    fold_restatements(clusters, origins, window)
    return [g for g in clusters if g]
