"""Reports as items for reconciliation: each report's names through the origin model.

Each report becomes an :class:`Item`: its names cleaned by the origin rules
(``reconcile.yaml``, :mod:`tollwatch.reconcile.rules`: a fragment of a sentence is no
name, a document stands for its issuer, a spokesperson for the body), a bare "the ministry"
resolved to the one ministry the same article names, copies of one sentence in several
outlets given the named origin (or the first outlet that ran it), and a person seen
relaying one body's figures standing for that body. :mod:`tollwatch.reconcile.origins`
then groups the items' names into origins.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as Date

from tollwatch.model import Report
from tollwatch.reconcile.groups import Group, Groups, groups_for
from tollwatch.reconcile.names import Names, Person, fold
from tollwatch.reconcile.rules import Rules, default_rules

__all__ = ["UNATTRIBUTED", "Item", "apply_relays", "bare_body", "parse_date", "prepare_items",
           "primary_first", "quote_key"]

UNATTRIBUTED = "unattributed"


def parse_date(text: str | None) -> Date | None:
    """An ISO ``YYYY-MM-DD`` (or longer ISO timestamp) as a date; None when not one."""
    if not text:
        return None
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class Item:
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
    unnamed: bool = False
    restates: bool = False
    part: str | None = None
    voice: str | None = None  # how the origin was found, when a rule found it
    written: tuple[str, ...] = ()  # every source name as the claim gives it
    counted: Group = field(default_factory=Group)  # the counted group (issue 16)

    @property
    def group_key(self) -> tuple[str | None, str | None, str | None]:
        """The part of a figure's identity the counted group gives: the status always; the
        head and subset where no actor names whose the people are."""
        g = self.counted
        return (None, None, g.status) if self.actor else (g.head, g.subset, g.status)


_NON_WORD = re.compile(r"[^0-9a-z]+")


def quote_key(quote: str) -> str:
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


def _usable(name: str, names: Names, rules: Rules) -> bool:
    """A name that can be an origin: a known body, or no non-name and no fragment."""
    if names.is_known_source(name):
        return True
    return not names.is_not_a_name(name) and not rules.is_fragment(name)


def _credible(name: str, names: Names, rules: Rules) -> bool:
    """A name a sentence credits that can stand as an origin: a known body, a document of
    a usable issuer, or a country's name (its side's voice)."""
    if not _usable(name, names, rules):
        return False
    if names.is_known_source(name) or names.actor(name) is not None:
        return True
    issuer = rules.body_of_document(name)
    return issuer is not None and _usable(issuer, names, rules)


def _through_rules(given: list[str], names: Names, rules: Rules) -> tuple[list[str], str | None]:
    """The names, with the body a document or a spokesperson stands for put first."""
    bodies: list[str] = []
    why: str | None = None
    for n in given:
        if names.is_known_source(n):
            continue
        issuer = rules.body_of_document(n)
        body = issuer or rules.voice_body(n)
        if body is not None and _usable(body, names, rules) and body not in bodies:
            bodies.append(body)
            why = why or ("the issuer of a document" if issuer else "a spokesperson's body")
    return bodies + [n for n in given if n not in bodies], why


_Sources = tuple[list[str], str | None, bool]


def _sources(given: list[str], names: Names, rules: Rules) -> _Sources:
    """(names through the origin model, how a rule found the origin, all unnamed)."""
    out, voice = _through_rules(given, names, rules)
    return out, voice, bool(out) and all(rules.is_unnamed(n) for n in out)


def _item_for(report: Report, names: Names, rules: Rules, groups: Groups,
              memo: dict[tuple[tuple[str, ...], ...], _Sources]) -> Item:
    c = report.claim
    mk = (tuple(c.origin or ()), tuple(c.speaker or ()))
    found_sources = memo.get(mk)
    if found_sources is None:
        given = [n for n in (c.origin or []) if _usable(n, names, rules)]
        if not given:
            given = [n for n in (c.speaker or []) if _usable(n, names, rules)]
        found_sources = _sources(given, names, rules)
        if given or not c.origin:
            memo[mk] = found_sources
    if not found_sources[0] and c.origin and c.quote:
        # the extractor saw a source but took a non-name for it ("a briefing"): a known
        # body named in the sentence is the better guess
        found = names.source_in(c.quote)
        found_sources = _sources([found] if found is not None else [], names, rules)
    elif not found_sources[0] and not c.origin and not c.speaker and c.quote:
        # no source at all, in a sentence that opens with a body and a credit verb ("British
        # intelligence estimates ..."): the body, not the outlet, gave the figure
        credited = rules.credited(c.quote)
        if credited is not None and _credible(credited, names, rules):
            found_sources = _sources([credited], names, rules)
            found_sources = (found_sources[0], found_sources[1] or "the body the sentence credits",
                             found_sources[2])
    given, voice, unnamed = list(found_sources[0]), found_sources[1], found_sources[2]
    actor = names.actor(c.actor) or names.actor_in(c.actor) or names.actor_in(c.subject)
    if actor is None and not c.actor and c.quote:
        actor = _actor_from_quote(c.quote, given, names)
    elif (actor is not None and c.quote and names.actor_in(c.subject) is None
          and any(names.source_actor(n) == actor for n in given)
          and not rules.own_side(quote_key(c.quote), plain=True)):
        # the side the source belongs to, given where the counted group names none: the
        # group is more likely the one other side the rest of the sentence names (a
        # source that is only the side's name, "Russia says ...", stays in the sentence)
        rest = c.quote
        for n in given:
            if names.actor(n) is None:
                rest = rest.replace(n, " ")
        other = [a for a in names.actors_in(rest) if a != actor]
        if len(other) == 1 and actor not in names.actors_in(rest):
            actor = other[0]
    claim_date = parse_date(c.date)
    when = claim_date or parse_date(report.published)
    qk = quote_key(c.quote) if c.quote else ""
    numbers = (c.value, c.low, c.high)
    counted = groups.of(c.subject, c.metric, c.quote, numbers)
    return Item(report=report, actor=actor, metric=c.metric, numbers=numbers, counted=counted,
                date=when, dated=claim_date is not None, names=given, own_voice=not given,
                quote_key=qk,
                place=names.place(c.location), unnamed=unnamed,
                written=tuple(c.origin or ()) + tuple(c.speaker or ()),
                restates=rules.restates(qk, plain=True), part=rules.part_of(c.subject), voice=voice)


def bare_body(name: str, names: Names) -> bool:
    """A body named by its kind alone, in lower case: "the ministry", "the agency"."""
    words = fold(name).split(" ")
    rest = name.split(" ", 1)[1] if " " in name else ""
    return (not any(ch.isupper() for ch in rest) and 1 <= len(words) <= 3
            and words[0] in ("the", "this", "that") and not names.is_known_source(name))


def _resolve_in_document(items: list[Item], names: Names) -> None:
    """"the ministry" in an article that names one ministry is that ministry."""
    by_doc: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_doc[it.report.doc_id].append(it)
    for group in by_doc.values():
        if len(group) < 2 or not any(bare_body(n, names) for it in group for n in it.names):
            continue
        bodies: dict[str, None] = {}
        for it in group:
            for n in it.names:
                canonical = names.source(n)
                if (names.is_known_source(n) or names.source_actor(n) is not None) \
                        and not bare_body(n, names):
                    bodies[canonical] = None
        for it in group:
            if not it.names or not all(bare_body(n, names) or names.is_generic_source(n)
                                       for n in it.names):
                continue
            bare = next((n for n in it.names if bare_body(n, names)), None)
            if bare is None:
                continue
            head = fold(bare).split(" ")[-1]
            hits = [b for b in bodies if head in fold(b).split(" ")]
            if len(hits) == 1:
                it.names = [hits[0], *it.names]
                it.voice = it.voice or "the body the article names"


def prepare_items(reports: list[Report], names: Names, rules: Rules | None = None) -> list[Item]:
    """Reports as items with their names through the origin model, copies sharing theirs."""
    rl = rules or default_rules()
    groups = groups_for(names.aliases_path)
    memo: dict[tuple[tuple[str, ...], ...], _Sources] = {}
    items = [_item_for(r, names, rl, groups, memo) for r in reports]
    _resolve_in_document(items, names)
    _share_syndicated(items, names)
    return items


def _share_syndicated(items: list[Item], names: Names) -> None:
    """Copies of one sentence carrying one figure share their origin and actor."""
    groups: dict[tuple[str, str, tuple[int | None, int | None, int | None]], list[Item]] = (
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


def primary_first(given: list[str], names: Names, rules: Rules) -> list[str]:
    """The names with the best one first: a known body, else a specific name, unnamed
    sources last."""
    order = sorted(range(len(given)), key=lambda i: (
        not names.is_known_source(given[i]), rules.is_unnamed(given[i]),
        names.is_generic_source(given[i]), i))
    return [given[i] for i in order]


def apply_relays(items: list[Item], names: Names) -> None:
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
