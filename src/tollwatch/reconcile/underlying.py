"""Reports into underlying claims: one figure, from one origin, first reported on one day.

A *report* is one document carrying a claim. Reports of the same figure (metric, numbers,
actor) from the same origin are one *underlying claim* when they fall within a window
(``window_days``, 7 by default) of the claim's previous report: the claim keeps its
first-reported date and every report behind it. A report whose claim names no day
(its date is only the publication date) that repeats a figure its origin had already
given is taken as a back-reference and joins that earlier claim, however much later.

Origins are canonical source names (:mod:`tollwatch.reconcile.names`): the body that
produced the figure, else the person who relays it, else, for a figure a document states
in its own voice, the outlet. Syndicated copies (the same sentence carrying the same
figure in several outlets) share one origin: a named one if any copy names it, else the
earliest outlet that ran the sentence.

Among the claims of one origin about one actor and metric, a later claim with a different
figure is an *update* that revises the earlier one; claims from other origins compete.

    >>> claims = underlying_claims(reports)
    >>> [c.to_record() for c in claims]
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any, Literal

from tollwatch.model import Report
from tollwatch.reconcile.groups import Group, groups_for
from tollwatch.reconcile.names import Names, Person, default_names, fold

__all__ = [
    "UNATTRIBUTED",
    "ReconcileOptions",
    "ReportRef",
    "UnderlyingClaim",
    "format_figure",
    "parse_date",
    "underlying_claims",
]

UNATTRIBUTED = "unattributed"

Kind = Literal["first", "update", "repeat"]


def parse_date(text: str | None) -> Date | None:
    """An ISO ``YYYY-MM-DD`` (or longer ISO timestamp) as a date; None when not one."""
    if not text:
        return None
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ReconcileOptions:
    """How reports group into underlying claims.

    ``window_days``: reports of one figure from one origin this close together (to the
    claim's previous report) are one claim. ``attach_undated``: a report with no claim
    date that repeats an earlier figure of its origin joins that claim. Rejected reports,
    denied and hypothetical figures are left out unless asked for.
    """

    window_days: int = 7
    attach_undated: bool = True
    include_rejected: bool = False
    include_denied: bool = False
    include_hypothetical: bool = False


@dataclass(frozen=True, slots=True)
class ReportRef:
    """One report behind an underlying claim."""

    doc_id: str
    url: str | None
    outlet: str | None
    published: str | None
    quote: str
    claim_id: int
    date: str | None
    dated: bool
    names: tuple[str, ...]
    location: str | None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The report in the timeline's JSON shape."""
        return {"doc_id": self.doc_id, "url": self.url, "outlet": self.outlet,
                "published": self.published, "quote": self.quote}


@dataclass(slots=True)
class UnderlyingClaim:
    """One figure from one origin, with its first-reported date and all its reports."""

    id: str
    actor: str | None
    metric: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    origin: str
    origin_key: str
    aliases: list[str]
    date: str | None
    last_date: str | None
    reports: list[ReportRef]
    own_voice: bool = False
    location: str | None = None
    civilian: bool | None = None
    stance: str = "asserted"
    kind: Kind = "first"
    revises: str | None = None
    subject: str | None = None
    # -- counted group (issue 16): head, subset and status of what the figure counts
    group: str | None = None
    subset: str | None = None
    group_status: str | None = None

    @property
    def numbers(self) -> tuple[int | None, int | None, int | None]:
        return (self.value, self.low, self.high)

    @property
    def point(self) -> float:
        """One number for the figure: the value, or the middle of a range."""
        if self.value is not None:
            return float(self.value)
        lo = self.low if self.low is not None else self.high
        hi = self.high if self.high is not None else self.low
        return (float(lo or 0) + float(hi or 0)) / 2.0

    @property
    def outlets(self) -> list[str]:
        seen: list[str] = []
        for r in self.reports:
            if r.outlet and r.outlet not in seen:
                seen.append(r.outlet)
        return seen

    def figure(self) -> str:
        """The figure as text, with its hedge: "~300", ">=1,000", "10,000-12,000"."""
        return format_figure(self.value, self.low, self.high, self.qualifier)

    def to_record(self) -> dict[str, Any]:
        """The timeline's JSON shape."""
        return {
            "actor": self.actor, "metric": self.metric, "value": self.value,
            "low": self.low, "high": self.high, "qualifier": self.qualifier,
            "origin": self.origin, "aliases": list(self.aliases), "date": self.date,
            "group": self.group, "subset": self.subset,
            "group_status": self.group_status,
            "reports": [r.to_dict() for r in self.reports],
        }

    def to_dict(self) -> dict[str, Any]:
        """Every field, for exports and debugging."""
        out = self.to_record()
        out.update(id=self.id, last_date=self.last_date, own_voice=self.own_voice,
                   location=self.location, civilian=self.civilian, stance=self.stance,
                   kind=self.kind, revises=self.revises, subject=self.subject)
        return out


def format_figure(value: int | None, low: int | None, high: int | None, qualifier: str) -> str:
    """A figure as text: "300", "~300", ">=300", "<=300", "10,000-12,000"."""
    if value is None:
        if low is not None and high is not None:
            return f"{low:,}-{high:,}"
        one = low if low is not None else high
        return f"{one:,}" if one is not None else "?"
    mark = {"approx": "~", "min": "\u2265", "max": "\u2264"}.get(qualifier, "")
    return f"{mark}{value:,}"


# ---------------------------------------------------------------------- internals


@dataclass(slots=True)
class _Item:
    report: Report
    actor: str | None
    metric: str
    numbers: tuple[int | None, int | None, int | None]
    date: Date | None
    dated: bool
    names: list[str]
    own_voice: bool
    origin_key: str = ""
    quote_key: str = ""
    place: str | None = None
    group: Group = field(default_factory=Group)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # keep the lexically smaller root so results do not depend on input order
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


_NON_WORD = re.compile(r"[^0-9a-z]+")


def _quote_key(quote: str) -> str:
    """A sentence reduced to its lower-case letters and digits, to compare quotes with each
    other (not through ``fold``, whose cache is for names, not for every sentence)."""
    text = quote if quote.isascii() else "".join(
        c for c in unicodedata.normalize("NFKD", quote) if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.lower()).strip()


def _actor_from_quote(quote: str, sources: list[str], names: Names) -> str | None:
    """The one actor the quote names besides the source's own side, if exactly one."""
    found = names.actors_in(quote)
    if not found:
        return None
    own = {names.source_actor(n) for n in sources} | {names.actor_in(n) for n in sources}
    rest = [a for a in found if a not in own]
    return rest[0] if len(rest) == 1 else None


def _item_for(report: Report, names: Names) -> _Item:
    c = report.claim
    given = [n for n in (c.origin or []) if not names.is_not_a_name(n)]
    if not given:
        given = [n for n in (c.speaker or []) if not names.is_not_a_name(n)]
    if not given and c.origin and c.quote:
        # the extractor saw a source but took a non-name for it ("a briefing"): a known
        # body named in the sentence is the better guess
        found = names.source_in(c.quote)
        given = [found] if found is not None else []
    actor = names.actor(c.actor) or names.actor_in(c.actor) or names.actor_in(c.subject)
    if actor is None and not c.actor and c.quote:
        actor = _actor_from_quote(c.quote, given, names)
    elif (actor is not None and c.quote and names.actor_in(c.subject) is None
          and any(names.source_actor(n) == actor for n in given)):
        # the side the source belongs to, given where the counted group names none: the
        # group is more likely the one other side the rest of the sentence names
        rest = c.quote
        for n in given:
            rest = rest.replace(n, " ")
        other = [a for a in names.actors_in(rest) if a != actor]
        if len(other) == 1 and actor not in names.actors_in(rest):
            actor = other[0]
    claim_date = parse_date(c.date)
    when = claim_date or parse_date(report.published)
    numbers = (c.value, c.low, c.high)
    group = groups_for(names.aliases_path).of(c.subject, c.metric, c.quote, numbers)
    return _Item(report=report, actor=actor, metric=c.metric, numbers=numbers,
                 date=when, dated=claim_date is not None, names=given, own_voice=not given,
                 quote_key=_quote_key(c.quote) if c.quote else "",
                 place=names.place(c.location), group=group)


def _group_key(it: _Item) -> tuple[str | None, str | None, str | None]:
    """The part of a claim's identity and series the counted group gives (issue 16): the
    status always; the head and subset where no actor names whose the people are."""
    g = it.group
    return (None, None, g.status) if it.actor else (g.head, g.subset, g.status)


def _share_syndicated(items: list[_Item], names: Names) -> None:
    """Copies of one sentence carrying one figure share their origin and actor."""
    groups: dict[tuple[str, str, tuple[int | None, int | None, int | None]], list[_Item]] = (
        defaultdict(list))
    for it in items:
        if it.quote_key:
            groups[(it.quote_key, it.metric, it.numbers)].append(it)
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda i: (i.report.published or "9999", i.report.doc_id))
        named = [i for i in group if not i.own_voice]
        actor = next((i.actor for i in group if i.actor is not None), None)
        if named:
            counts = Counter(tuple(i.names) for i in named)
            best = list(counts.most_common(1)[0][0])
            for i in group:
                if i.own_voice:
                    i.names, i.own_voice = list(best), False
        else:
            first_outlet = next((i.report.outlet for i in group if i.report.outlet), None)
            if first_outlet is not None:
                for i in group:
                    i.names = [first_outlet]
        for i in group:
            if i.actor is None:
                i.actor = actor
        # a copy keeps the earliest date any copy gives the claim
        dated = [i.date for i in group if i.dated and i.date is not None]
        if dated:
            first = min(dated)
            for i in group:
                if not i.dated:
                    i.date, i.dated = first, True


def _primary_first(given: list[str], names: Names) -> list[str]:
    """The names with the best one first: a known body, else a specific name."""
    order = sorted(range(len(given)), key=lambda i: (
        not names.is_known_source(given[i]), names.is_generic_source(given[i]), i))
    return [given[i] for i in order]


def _apply_relays(items: list[_Item], names: Names) -> None:
    """A person seen relaying one body's figures stands for that body where a report
    gives the person alone as the origin ("lawmaker Han said" after "Han, citing the NIS")."""
    relays: list[tuple[Person, str]] = []
    for it in items:
        c = it.report.claim
        if not c.origin or not c.speaker:
            continue
        body = next((n for n in c.origin if names.is_known_source(n)), None)
        if body is None:
            body = next((n for n in c.origin if not names.is_generic_source(n)), None)
        if body is None or names.person(body) is not None and not names.is_known_source(body):
            continue
        for s in c.speaker:
            p = names.person(s)
            if p is not None:
                relays.append((p, names.source(body)))
    if not relays:
        return
    for it in items:
        if it.own_voice or any(names.is_known_source(n) for n in it.names):
            continue
        people = [p for n in it.names if (p := names.person(n)) is not None]
        if not people:
            continue
        bodies = {body for p in people for q, body in relays
                  if fold(q.name) == fold(p.name)
                  or (names.same_person(q.name, p.name) and q.role is not None
                      and q.role == p.role)}
        if len(bodies) == 1:
            it.names = [bodies.pop(), *it.names]


@dataclass(slots=True)
class _Origin:
    display: str


def _resolve_origins(items: list[_Item], names: Names) -> dict[str, _Origin]:
    """Give every item an ``origin_key``; return the display name and aliases per key."""
    uf = _UnionFind()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    persons: dict[str, Person] = {}
    roles: dict[str, set[str]] = defaultdict(set)

    _apply_relays(items, names)

    def key_of(name: str, own: bool) -> str:
        canonical = names.source(name) or name
        key = ("outlet:" if own and not names.is_known_source(name) else "") + fold(canonical)
        forms[key][canonical] += 1
        if not own:
            p = names.person(name)
            if p is not None:
                persons.setdefault(key, p)
                if p.role is not None:
                    roles[key].add(p.role)
        return key

    item_keys: list[list[str]] = []
    for it in items:
        if it.own_voice:
            # a syndicated copy already carries the outlet that first ran the sentence
            label = it.names[0] if it.names else (it.report.outlet or UNATTRIBUTED)
            keys = [key_of(label, True)]
            it.names = [label]
        else:
            it.names = _primary_first(it.names, names)
            keys = [key_of(n, False) for n in it.names]
        # names an extractor lists together are one body, unless one of them names
        # nobody in particular ("US", "General Staff", "the same statement")
        specific = [k for n, k in zip(it.names, keys, strict=True)
                    if it.own_voice or not names.is_generic_source(n)]
        for k in specific[1:]:
            uf.union(specific[0], k)
        item_keys.append(keys)

    # people: the same name with and without a title is one key already; romanisation
    # variants (and surname-only mentions) are one origin when their roles agree
    pkeys = sorted(persons)
    for i, a in enumerate(pkeys):
        for b in pkeys[i + 1:]:
            if uf.find(a) == uf.find(b):
                continue
            if names.same_person(persons[a].name, persons[b].name) and roles[a] & roles[b]:
                uf.union(a, b)

    origins: dict[str, _Origin] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for k in list(forms):
        members[uf.find(k)].append(k)
    for root, keys in members.items():
        known = [f for k in keys for f in forms[k] if names.is_known_source(f)]
        if known:
            display = Counter(known).most_common(1)[0][0]
        else:
            total: Counter[str] = Counter()
            for k in keys:
                total.update(forms[k])
            display = max(total, key=lambda f: (total[f], len(f), f))
        origins[root] = _Origin(display=display)
    for it, keys in zip(items, item_keys, strict=True):
        it.origin_key = uf.find(keys[0])
    return origins


def _claim_id(actor: str | None, metric: str, numbers: tuple[int | None, ...], origin_key: str,
              first: str | None, group: tuple[str | None, ...] = ()) -> str:
    text = "|".join(str(x) for x in (actor, metric, *numbers, origin_key, first))
    if any(group):  # a counted group (issue 16) tells apart figures of one origin and day
        text += "|" + "|".join(str(x) for x in group)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _majority(values: Iterable[Any]) -> Any:
    present = [v for v in values if v is not None]
    if len(present) <= 1:  # most underlying claims have one report
        return present[0] if present else None
    return Counter(present).most_common(1)[0][0]


def _aliases(group: list[_Item]) -> list[str]:
    """The names the origin appears under in these reports, in order of appearance."""
    out: list[str] = []
    for it in group:
        for n in it.names:
            tidy = " ".join(n.split())
            if tidy not in out:
                out.append(tidy)
    return out


def _ref(it: _Item) -> ReportRef:
    r = it.report
    return ReportRef(doc_id=r.doc_id, url=r.url, outlet=r.outlet, published=r.published,
                     quote=r.claim.quote, claim_id=r.claim_id,
                     date=it.date.isoformat() if it.date else None, dated=it.dated,
                     names=tuple(it.names), location=r.claim.location, title=r.title)


def _build(group: list[_Item], origin: _Origin) -> UnderlyingClaim:
    head = group[0]
    dates = [i.date for i in group if i.date is not None]
    first = min(dates).isoformat() if dates else None
    last = max(dates).isoformat() if dates else None
    quals = Counter(i.report.claim.qualifier for i in group)
    # "about 300" and "300" from one origin: keep the hedge the reports agree on most,
    # preferring a hedged form on a tie (it is the more careful reading)
    qualifier = max(quals, key=lambda q: (quals[q], q != "exact")) if len(quals) > 1 \
        else head.report.claim.qualifier
    value, low, high = head.numbers
    return UnderlyingClaim(
        id=_claim_id(head.actor, head.metric, head.numbers, head.origin_key, first,
                     _group_key(head)),
        actor=head.actor, metric=head.metric, value=value, low=low, high=high,
        qualifier=qualifier, origin=origin.display, origin_key=head.origin_key,
        aliases=_aliases(group), date=first, last_date=last,
        reports=[_ref(i) for i in group], own_voice=head.own_voice,
        location=_majority(i.place for i in group),
        civilian=_majority(i.report.claim.civilian for i in group),
        stance=head.report.claim.stance,
        subject=_majority(i.report.claim.subject for i in group),
        group=_majority(i.group.head for i in group),
        subset=_majority(i.group.subset for i in group),
        group_status=head.group.status,
    )


def _keep(report: Report, options: ReconcileOptions) -> bool:
    c = report.claim
    if c.value is None and c.low is None and c.high is None:
        return False
    if report.status == "rejected" and not options.include_rejected:
        return False
    if c.stance == "denied" and not options.include_denied:
        return False
    return not (c.stance == "hypothetical" and not options.include_hypothetical)


def underlying_claims(reports: Sequence[Report], options: ReconcileOptions | None = None, *,
                      names: Names | None = None) -> list[UnderlyingClaim]:
    """Group reports into underlying claims, in date order (undated last).

    Each claim's ``kind`` is "first" (its origin's first figure for that actor and
    metric), "update" (a changed figure; ``revises`` is the id of the claim it replaces)
    or "repeat" (a figure the origin gave before, stated again after the window).
    """
    opts = options or ReconcileOptions()
    nm = names or default_names()
    items = [_item_for(r, nm) for r in reports if _keep(r, opts)]
    _share_syndicated(items, nm)
    origins = _resolve_origins(items, nm)

    by_key: dict[tuple[Any, ...], list[_Item]] = defaultdict(list)
    for it in items:
        by_key[(it.actor, it.metric, it.numbers, it.origin_key, it.report.claim.stance,
                _group_key(it))].append(it)

    claims: list[UnderlyingClaim] = []
    for group in by_key.values():
        group.sort(key=lambda i: (i.date or Date.max, not i.dated, i.report.published or "9999",
                                  i.report.doc_id, i.report.claim_id))
        clusters: list[list[_Item]] = []
        lasts: list[Date | None] = []
        for it in group:
            target: int | None = None
            if clusters:
                if it.date is None:
                    target = len(clusters) - 1
                elif not it.dated and opts.attach_undated:
                    # a figure repeated without a day named: a back-reference
                    target = len(clusters) - 1
                else:
                    last = lasts[-1]
                    if last is None or (it.date - last).days <= opts.window_days:
                        target = len(clusters) - 1
            if target is None:
                clusters.append([it])
                lasts.append(it.date)
            else:
                clusters[target].append(it)
                if it.date is not None:
                    prev = lasts[target]
                    lasts[target] = it.date if prev is None else max(prev, it.date)
        for cl in clusters:
            claims.append(_build(cl, origins[cl[0].origin_key]))

    _link_updates(claims)
    claims.sort(key=_sort_key)
    return claims


def _sort_key(c: UnderlyingClaim) -> tuple[str, str, str, str, float]:
    return (c.date or "9999-99-99", c.metric, c.actor or "", c.origin, c.point)


def _link_updates(claims: list[UnderlyingClaim]) -> None:
    series: dict[tuple[Any, ...], list[UnderlyingClaim]] = defaultdict(list)
    for c in claims:
        if c.stance == "asserted":
            group = ((None, None, c.group_status) if c.actor
                     else (c.group, c.subset, c.group_status))
            series[(c.actor, c.metric, c.origin_key, group)].append(c)
    for seq in series.values():
        seq.sort(key=_sort_key)
        prev: UnderlyingClaim | None = None
        for c in seq:
            if prev is None:
                c.kind = "first"
            elif c.numbers == prev.numbers:
                c.kind = "repeat"
            else:
                c.kind = "update"
                c.revises = prev.id
            prev = c
