"""Days that a release of figures gives its source ("On Monday, the ministry released new
figures. It said 40 people were killed ...").

A sentence that puts out a statement with a verb that is no reporting verb ("released new
figures", "issued a statement", "published its report") and names the day, before ("On
Monday, the ministry released ...") or right after the statement ("... issued a statement
late Sunday"), dates the one source of the document it names, when none of its statements
named a day. Read with patterns built from data/dates.yaml (``publish_verbs``, the
statement nouns), every sentence of the document, parsed or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.sources import _STATEMENT_NOUNS, Source
from tollwatch.extract.unparsed_dates import DAY_PATTERN, may_name_day, named_in

__all__ = ["date_sources_from_releases", "release_day"]


@lru_cache(maxsize=4)
def _patterns(verbs: frozenset[str], nouns: frozenset[str],
              gap: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    verb = "|".join(sorted(re.escape(v.rstrip("e")) + r"[a-z]{0,3}" for v in verbs))
    noun = "|".join(sorted(re.escape(n) for n in nouns))
    release = rf"\b(?:{verb})\b(?:\s+[\w’'-]+){{0,3}}?\s+(?:{noun})s?\b"
    before = re.compile(rf"^\s*(?:(?:on|late|early)\s+)?(?P<day>{DAY_PATTERN})\s*,\s+"
                        rf".*{release}", re.IGNORECASE)
    after = re.compile(rf"{release}(?:\s+[\w’'-]+){{0,{gap}}}?\s+(?:(?:on|late|early)\s+)?"
                       rf"(?P<day>{DAY_PATTERN})(?![\w'’]|\s*['’]s\b)", re.IGNORECASE)
    return before, after


@lru_cache(maxsize=4)
def statement_nouns(extra: frozenset[str]) -> frozenset[str]:
    """The statement nouns of ``sources`` and ``extra`` (one object per ``extra``: the
    patterns' cache finds it without hashing a new set)."""
    return frozenset(_STATEMENT_NOUNS) | extra


def release_day(sentence: str, published: str | None) -> str | None:
    """The ISO day a release of ``sentence`` is dated with, or None."""
    if not may_name_day(sentence):
        return None  # (both patterns end in a day)
    rules = load_date_rules()
    nouns = statement_nouns(rules.statement_nouns)
    for rx in _patterns(rules.publish_verbs, nouns, rules.release_gap):
        m = rx.search(sentence)
        if m is not None:
            day = resolve_date(m.group("day"), published)
            if day is not None:
                return day
    return None


def date_sources_from_releases(sentences: Iterable[str], sources: list[Source],
                               published: str | None) -> list[Source]:
    """Date the undated sources that one of ``sentences`` names alone with a dated
    release; the sources dated so."""
    out: list[Source] = []
    stated = [s for s in sources if not s.noted]
    for sentence in sentences:
        day = release_day(sentence, published)
        if day is None:
            continue
        named = [s for s in stated if named_in(sentence, s)]
        if len(named) == 1 and named[0].date is None:
            named[0].date = day
            out.append(named[0])
    return out
