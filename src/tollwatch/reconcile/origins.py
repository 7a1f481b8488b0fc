"""Origins of reports: who gave each figure, as one canonical origin per body.

A report's origin is its claim's origin, else its speaker, else (the document's own voice)
the outlet. Its names have been through the origin model already
(:mod:`tollwatch.reconcile.report_items`); here the names that stand for one body are
joined into one origin: an extractor's list of names for one source, a canonical name and its aliases,
romanisation variants of one person with the same role. An unnamed source ("an official",
"intelligence authorities") keeps an origin of its own, marked unnamed, that never merges
with a named body.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from tollwatch.reconcile.names import Names, Person, fold
from tollwatch.reconcile.report_items import (
    UNATTRIBUTED,
    Item,
    apply_relays,
    bare_body,
    parse_date,
    prepare_items,
    primary_first,
    quote_key,
)
from tollwatch.reconcile.rules import Rules, default_rules

__all__ = ["UNATTRIBUTED", "UNNAMED_PREFIX", "Item", "Origin", "item_keys", "name_key", "origin_side",
           "parse_date", "prepare_items", "quote_key", "resolve_origins"]

UNNAMED_PREFIX = "unnamed:"


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


@dataclass(slots=True)
class Origin:
    """An origin's display name, whether it is unnamed, and the side it belongs to."""

    display: str
    unnamed: bool = False
    side: str | None = None


def name_key(name: str, own: bool, names: Names, rules: Rules) -> str:
    """The key a source name groups under: its canonical name folded, marked when it is
    an outlet's own voice ("outlet:") or an unnamed source ("unnamed:")."""
    canonical = names.source(name) or name
    if own:
        prefix = "" if names.is_known_source(name) else "outlet:"
    else:
        prefix = UNNAMED_PREFIX if rules.is_unnamed(name) else ""
    return prefix + fold(canonical)


def item_keys(it: Item, names: Names, rules: Rules) -> list[str]:
    """The keys of an item's names, best first (as :func:`resolve_origins` orders them)."""
    if it.own_voice:
        label = it.names[0] if it.names else (it.report.outlet or UNATTRIBUTED)
        return [name_key(label, True, names, rules)]
    return [name_key(n, False, names, rules) for n in primary_first(it.names, names, rules)]


def origin_side(display: str, written: list[str], names: Names) -> str | None:
    """The side an origin belongs to: its body's country, or one its names give."""
    side: str | None = names.source_actor(display) or names.actor(display)
    if side is None:
        side = next((found for f in sorted(written, key=len, reverse=True)
                     if (found := names.actor_in(f)) is not None), None)
    return side


def resolve_origins(items: list[Item], names: Names,
                    rules: Rules | None = None) -> dict[str, Origin]:
    """Give every item an ``origin_key``; return each key's origin (display name, whether
    it is unnamed, its side)."""
    rl = rules or default_rules()
    uf = _UnionFind()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    persons: dict[str, Person] = {}
    roles: dict[str, set[str]] = defaultdict(set)
    written: dict[str, set[str]] = defaultdict(set)

    apply_relays(items, names)

    # what an item's names give depends on the names alone: worked out once per list
    Resolved = tuple[list[str], list[tuple[str, str]], list[str]]
    memo: dict[tuple[bool, tuple[str, ...]], Resolved] = {}

    def resolve(own: bool, given: tuple[str, ...]) -> Resolved:
        ordered = list(given) if own else primary_first(list(given), names, rl)
        pairs: list[tuple[str, str]] = []  # (key, canonical) of each name
        for name in ordered:
            canonical = names.source(name) or name
            key = name_key(name, own, names, rl)
            pairs.append((key, canonical))
            if not own:
                pers = names.person(name)
                if pers is not None:
                    persons.setdefault(key, pers)
                    if pers.role is not None:
                        roles[key].add(pers.role)
        first_unnamed = pairs[0][0].startswith(UNNAMED_PREFIX)
        # names an extractor lists together are one body, unless one of them names
        # nobody in particular ("US", "General Staff", "the same statement")
        specific = [k for n, (k, _) in zip(ordered, pairs, strict=True)
                    if own or not names.is_generic_source(n) and not bare_body(n, names)
                    and k.startswith(UNNAMED_PREFIX) == first_unnamed]
        for k in specific[1:]:
            uf.union(specific[0], k)
        return ordered, pairs, specific

    item_keys: list[list[str]] = []
    for it in items:
        if it.own_voice:
            # a syndicated copy already carries the outlet that first ran the sentence
            label = it.names[0] if it.names else (it.report.outlet or UNATTRIBUTED)
            given: tuple[str, ...] = (label,)
        else:
            given = tuple(it.names)
        mk = (it.own_voice, given)
        found = memo.get(mk)
        if found is None:
            found = memo[mk] = resolve(it.own_voice, given)
        ordered, pairs, _ = found
        it.names = list(ordered)
        for name, (key, canonical) in zip(ordered, pairs, strict=True):
            written[canonical].add(name)
            forms[key][canonical] += 1
        item_keys.append([k for k, _ in pairs])
        if not it.own_voice:
            written[pairs[0][1]].update(it.written)

    # people: the same name with and without a title is one key already; romanisation
    # variants (and surname-only mentions) are one origin when their roles agree
    pkeys = sorted(persons)
    for i, a in enumerate(pkeys):
        for b in pkeys[i + 1:]:
            if uf.find(a) == uf.find(b):
                continue
            if names.same_person(persons[a].name, persons[b].name) and roles[a] & roles[b]:
                uf.union(a, b)

    origins: dict[str, Origin] = {}
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
        every = [w for k in keys for f in forms[k] for w in (f, *written[f])]
        side = origin_side(display, every, names)
        origins[root] = Origin(display=display, unnamed=root.startswith(UNNAMED_PREFIX),
                               side=side)
    for it, keys in zip(items, item_keys, strict=True):
        it.origin_key = uf.find(keys[0])
    return origins


