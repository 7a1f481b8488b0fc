"""Repeats: one claim per (metric, number, source, group), at its first occurrence.

Two claims have the same source when they share a name (after the document's references
were resolved, a source carries every name the text used for it). A headline figure that the
body repeats is one claim with the headline's: the first occurrence, taking the body's source
and date when the headline names no source.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from tollwatch.extract.actors import canonical_source
from tollwatch.extract.counted import STATE_ARMED, singular
from tollwatch.extract.definite_repeats import credit_sentence_mates, definite_restatement
from tollwatch.extract.headline_dates import date_headlines
from tollwatch.extract.headline_mates import date_headline_mates
from tollwatch.extract.headline_tags import spread_tag_names
from tollwatch.extract.later_sources import credit_earlier
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.metric import NON_STATE_ARMED
from tollwatch.extract.name_keys import body_key, fold_name, surname_key
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.source_sides import may_be_one_source
from tollwatch.model import Claim

__all__ = ["dedup", "described", "same_group", "same_source"]


_QUOTES = "“\"‘"


_fold = fold_name


def _keys(c: Claim) -> set[str]:
    return set(_name_keys(tuple(c.origin or c.speaker)))


@lru_cache(maxsize=2048)
def _name_keys(names: tuple[str, ...]) -> frozenset[str]:
    """The keys of a source named ``names`` (computed once per names: ``dedup`` compares
    each claim with many)."""
    out = {_fold(n) for n in names if _fold(n)}
    out |= {k for k in map(surname_key, names) if k}  # "Colonel Jane Doe", "colonel Doe"
    out |= {"@" + _fold(n) for n in names if _fold(n)}  # a body, as its spokesperson names it
    out |= {k for k in map(body_key, names) if k}  # "a spokesman for the Coast Guard"
    if names:
        out.add("=" + canonical_source(names[0]))
    return frozenset(out)


def same_source(a: Claim, b: Claim) -> bool:
    """True when ``a`` and ``b`` come from one source (or both from the article's voice)."""
    ka, kb = _keys(a), _keys(b)
    if not ka or not kb:
        return not ka and not kb
    return bool(ka & kb) or _named_within(ka, kb)


def _named_within(ka: set[str], kb: set[str]) -> bool:
    """One source's name opens or ends the other's ("the president" and "President Jane
    Doe"; "the ministry" and "the Defence Ministry"; not "the college" and "the registrar
    of the college"), or a description's head noun is the other's title ("the regional
    governor" and "Governor Jane Doe")."""
    for x in ka:
        for y in kb:
            short, long_ = (x, y) if len(x) <= len(y) else (y, x)
            if short.startswith("=") or long_.startswith("=") or short == long_:
                continue
            if long_.startswith(short + " "):
                return True
            words = short.split()
            if len(words) == 2 and words[1] in load_lexicon().source_titles and \
                    long_.startswith(words[1] + " "):
                return True  # "the regional governor" and "Governor Jane Doe": a title
            if long_.endswith(" " + short):
                before = long_[:-len(short)].split()
                if before and before[-1] not in _LINK_WORDS:
                    return True
    return False


_LINK_WORDS = {"of", "the", "for", "at", "in", "from", "and", "to", "with", "by"}


def _description_words(c: Claim) -> set[str]:
    """The content words of an unnamed description among the claim's source names ("a
    local government official" -> government, official), up to its first preposition."""
    rules = load_provenance()
    out: set[str] = set()
    for name in c.origin + c.speaker:
        words = name.lower().split()
        if len(words) < 2 or words[0] not in ("a", "an"):
            continue
        for w in words[1:]:
            if w in rules.description_stops:
                break
            w = re.sub(r"[^a-z-]", "", w)
            if len(w) > 2 and w not in rules.description_generic:
                out.add(w)
    return out


def described(a: Claim, b: Claim) -> bool:
    """True when one claim's source is an unnamed description ("a minister", "a local
    government official") that the other's names share a word with ("the security minister,
    General Jane Doe"; "John Roe, spokesman for the state government"): the one person."""
    if not (a.origin or a.speaker) or not (b.origin or b.speaker):
        return False
    for x, y in ((a, b), (b, a)):
        want = _description_words(x)
        if want and want & {w for n in y.origin + y.speaker
                            for w in re.findall(r"[a-z-]+", n.lower())}:
            return True
    return False


def _is_headline(c: Claim) -> bool:
    return bool(c.attribution and c.attribution.get("headline"))


def _key(c: Claim) -> tuple[Any, ...]:
    return (c.metric, c.value, c.low, c.high, c.stance)


def _group_class(c: Claim) -> str | None:
    """What kind of people a claim counts, as far as its fields say: "civilian", "state"
    (soldiers, police), "non-state" (militants, gunmen), "armed" (either), else None."""
    if c.civilian is True:
        return "civilian"
    words = re.findall(r"[a-z]+", (c.subject or "").lower())
    last = words[-1] if words else ""
    if last in STATE_ARMED or singular(last) in STATE_ARMED:
        return "state"
    if last in NON_STATE_ARMED or singular(last) in NON_STATE_ARMED:
        return "non-state"
    return "armed" if c.civilian is False else None


def _elsewhere(a: Claim, b: Claim) -> bool:
    """The later figure ``b`` counts a place of its own, right after the number ("29 in Ywa
    Thit and 12 in neighbouring Kan Gyi"), that is not the earlier figure's place: two
    groups. A headline's place is often the wider one; not compared."""
    if _is_headline(a) or _is_headline(b) or not a.location or not b.location:
        return False
    x, y = _fold(a.location), _fold(b.location)
    if x in y or y in x:
        return False
    return re.search(rf"\b\d[\d,]*\s+(?:in|at)\s+(?:[a-z]+\s+)?{re.escape(b.location)}\b",
                     b.quote) is not None


def same_group(a: Claim, b: Claim) -> bool:
    """``a`` and ``b`` may count the same people: no side tells them apart (their actors,
    when both are known, agree) and neither do their kinds ("three civilians" and "three
    suicide bombers"; "three soldiers" and "three militants" are two groups)."""
    if a.actor is not None and b.actor is not None and a.actor != b.actor:
        return False
    ka, kb = _group_class(a), _group_class(b)
    if ka is None or kb is None or ka == kb:
        return True
    return "armed" in (ka, kb) and "civilian" not in (ka, kb)


def dedup(claims: list[Claim], text: str = "") -> list[Claim]:
    """Drop later repeats of a figure from the same source about the same group; fold the
    body's repeat of a headline figure into the headline's claim (``text``, the document's,
    bounds how many paragraphs on a sourced restatement may credit an own-voice figure)."""
    seen: dict[tuple[Any, ...], list[Claim]] = {}
    out: list[Claim] = []
    restated: dict[int, Claim] = {}  # sentence -> the sourced claim it repeats in own voice
    tagged: list[tuple[list[str], Claim, Claim]] = []  # a headline tag the body names
    for c in claims:
        # two figures of one sentence count two groups ("four soldiers died on the spot,
        # while four others died later")
        earlier = [e for e in seen.setdefault(_key(c), [])
                   if e.start != c.start or "\n" in c.quote]
        group = [e for e in earlier if same_group(e, c) and not _elsewhere(e, c)]
        repeat = next((e for e in group if same_source(e, c) or described(e, c)), None)
        if repeat is not None and _is_headline(repeat) and not _is_headline(c) and \
                repeat.origin and c.origin:
            tagged.append((list(repeat.origin), repeat, c))
            _add_names(repeat, c)  # "UNHCR: ..." and "the UN refugee agency said"
        if repeat is None and not c.origin and not c.speaker and \
                (c.attribution or {}).get("how") == "own_voice" and \
                c.quote.lstrip()[:1] in _QUOTES:
            # quoted speech of no named speaker repeating a figure a source gave before
            repeat = next((e for e in group if e.origin or e.speaker), None)
        if repeat is None:
            # the headline gave the figure in no one's voice: the body's source is its source
            repeat = next((e for e in group if _is_headline(e) and not e.origin
                           and not e.speaker and (c.origin or c.speaker)), None)
            if repeat is not None:
                repeat.origin, repeat.speaker = list(c.origin), list(c.speaker)
                repeat.date = c.date
                repeat.attribution = dict(c.attribution or {}, how="repeat", headline=True)
                repeat.confidence = c.confidence
        if repeat is None and not c.origin and not c.speaker and not _is_headline(c):
            # the body gives the headline's figure again in its own voice
            repeat = next((e for e in earlier if _is_headline(e)), None)
        if repeat is None and (c.origin or c.speaker) and not _is_headline(c):
            # the body repeats a figure the headline gave with its own source: the
            # headline's tag is a short name of the body's source ("Rwanda says" and "army
            # spokesperson Col Jane Doe said"); its counted group may be worded otherwise
            # (not a source of another country: "Ukraine says" and "the U.K. ministry said")
            repeat = next((e for e in earlier if _is_headline(e) and (e.origin or e.speaker)
                           and (e.attribution or {}).get("how") not in _BORROWED
                           and may_be_one_source(e.origin + e.speaker,
                                                 c.origin + c.speaker)), None)
            if repeat is not None:
                tagged.append((list(repeat.origin), repeat, c))
                _add_names(repeat, c)
        if repeat is None:
            # the article gave the figure first in its own voice; this sentence credits it
            repeat = credit_earlier(group, c, text)
        if repeat is None:
            # "The five wounded officers were taken to hospital": people counted before
            repeat = definite_restatement(group, c)
        if repeat is not None:
            if not c.origin and not c.speaker and (repeat.origin or repeat.speaker):
                restated.setdefault(c.start, repeat)
            if repeat.actor is None and c.actor is not None:
                repeat.actor = c.actor
            if c.date is not None and c.date != repeat.date and _is_headline(repeat) and (
                    repeat.date is None or _borrowed_day(repeat)):
                repeat.date = c.date  # the body's statement of it, not another one's day
                if repeat.attribution is not None:
                    repeat.attribution = dict(repeat.attribution, date_how="body_repeat")
            continue
        seen[_key(c)].append(c)
        out.append(c)
    _restated(out, restated)
    spread_tag_names(out, tagged)
    credit_sentence_mates(out)
    _headline_from_body(out)
    date_headlines(out, same_group)
    date_headline_mates(out, same_source)
    return out


def _restated(claims: list[Claim], restated: dict[int, Claim]) -> None:
    """A sentence that repeats a source's figure in the article's voice restates that
    source's report: its other own-voice figures are the source's too ("A missile strike
    killed more than 20 people, including five children" after "More than 20 killed,
    according to the mayor")."""
    for c in claims:
        src = restated.get(c.start)
        if src is None or c.origin or c.speaker or _is_headline(c) or \
                (c.attribution or {}).get("how") != "own_voice":
            continue
        c.origin, c.speaker, c.date = list(src.origin), list(src.speaker), src.date
        c.attribution = {"how": "restated", "repeats": src.start,
                         **({"from": src.attribution["from"]}
                            if src.attribution and "from" in src.attribution else {})}
        c.confidence = round(c.confidence * load_provenance().confidence_of("restated"), 3)


_BORROWED = ("repeat", "headline_body")  # a headline source taken from the body


def _borrowed_day(c: Claim) -> bool:
    """The claim's day is that of another statement of its source (``date_how`` "source",
    or "body": the day of the fuller source the headline's tag names)."""
    return (c.attribution or {}).get("date_how") in ("source", "body")


def _add_names(head: Claim, body: Claim) -> None:
    """List the body's names for the source on the headline's claim."""
    head.origin = head.origin + [n for n in body.origin if n not in head.origin]
    if head.speaker:
        head.speaker = head.speaker + [n for n in body.speaker if n not in head.speaker]
    head.attribution = dict(head.attribution or {}, repeated_at=body.start)


def _near(a: Claim, b: Claim, tolerance: float) -> bool:
    if a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= tolerance * max(a.value, b.value)


def _headline_from_body(claims: list[Claim]) -> None:
    """A headline figure in no one's voice that the body does not repeat exactly takes the
    source of the lead's statement of it: the first sourced body figure near the top with
    the same metric and a near number ("almost 100 missing" and "95 are still missing, the
    agency said"), or with the same number ("casualties total 131" and "131 people were
    wounded, the ministry said")."""
    rules = load_provenance()
    body = [c for c in claims if not _is_headline(c) and (c.origin or c.speaker)]
    for h in claims:
        if not _is_headline(h) or h.origin or h.speaker or \
                (h.attribution or {}).get("how") != "own_voice":
            continue
        for b in body:
            if b.start - h.end > rules.headline_body_reach:
                break
            if (b.metric == h.metric and _near(h, b, rules.headline_body_tolerance)) or \
                    (h.value is not None and b.value == h.value):
                h.origin, h.speaker, h.date = list(b.origin), list(b.speaker), b.date
                h.attribution = {"how": "headline_body", "headline": True,
                                 **({"from": b.attribution["from"]}
                                    if b.attribution and "from" in b.attribution else {})}
                h.confidence = round(min(h.confidence, b.confidence) *
                                     rules.confidence_of("headline_body"), 3)
                break
