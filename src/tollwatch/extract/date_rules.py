"""The statement-date rules, loaded from ``tollwatch/data/dates.yaml``.

Which entity labels may name a day, the words that may stand between a reporting verb and
its day, the verbs of the occasion a statement was made at and those that put it out, and the
datelines that name a day but no place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping

__all__ = ["DateRules", "load_date_rules"]


@dataclass(frozen=True)
class DateRules:
    day_labels: frozenset[str]
    verb_day_links: frozenset[str]
    listener_max_words: int
    occasion_verbs: frozenset[str]
    publish_verbs: frozenset[str]
    announce_verbs: frozenset[str]
    earlier_words: frozenset[str]
    statement_nouns: frozenset[str]
    person_titles: frozenset[str]
    bare_datelines: tuple[re.Pattern[str], ...]
    bare_dateline_paragraphs: int
    body_name_rewrites: tuple[tuple[re.Pattern[str], str], ...]
    lede_paragraphs: int = 2
    header_dateline_spans: bool = False
    toll_nouns: frozenset[str] = frozenset()
    toll_reach: int = 4
    rising_verbs: frozenset[str] = frozenset()  # "the toll rose to 23 on Tuesday"
    rising_subjects: frozenset[str] = frozenset()
    release_gap: int = 3
    span_preps: frozenset[str] = frozenset()
    period_words: frozenset[str] = frozenset()
    earlier_adjectives: frozenset[str] = frozenset()
    joining_preps: frozenset[str] = frozenset()
    saying_verbs: frozenset[str] = frozenset()  # "X documented 40, it said on Tuesday"
    headline_exact_repeat_day: bool = False
    possessive_day_preps: frozenset[str] = frozenset()
    possessive_day_nouns: frozenset[str] = frozenset()
    same_words: frozenset[str] = frozenset()
    same_nouns: frozenset[str] = frozenset()
    same_reach: int = 3


def _words(items: Any, lower: bool = True) -> frozenset[str]:
    return frozenset(str(x).lower() if lower else str(x) for x in (items or []))


def _from_mapping(data: dict[str, Any], where: str) -> DateRules:
    bare = data.get("bare_datelines") or {}
    try:
        return DateRules(
            day_labels=_words(data.get("day_labels") or ["DATE"], lower=False),
            verb_day_links=_words(data.get("verb_day_links")),
            listener_max_words=int(data.get("listener_max_words", 4)),
            occasion_verbs=_words(data.get("occasion_verbs")),
            publish_verbs=_words(data.get("publish_verbs")),
            announce_verbs=_words(data.get("announce_verbs")),
            earlier_words=_words(data.get("earlier_words")),
            statement_nouns=_words(data.get("statement_nouns")),
            person_titles=_words(data.get("person_titles")),
            bare_datelines=tuple(re.compile(str(p)) for p in bare.get("patterns") or []),
            bare_dateline_paragraphs=int(bare.get("first_paragraphs", 3)),
            body_name_rewrites=tuple((re.compile(str(p)), str(r))
                                     for p, r in data.get("body_name_rewrites") or []),
            period_words=_words(data.get("period_words")),
            earlier_adjectives=_words(data.get("earlier_adjectives")),
            joining_preps=_words(data.get("joining_preps")),
            saying_verbs=_words(data.get("saying_verbs")),
            lede_paragraphs=int((data.get("later_dates") or {}).get("lede_paragraphs", 2)),
            toll_nouns=_words((data.get("dated_tolls") or {}).get("nouns")),
            release_gap=int(data.get("release_gap", 3)),
            span_preps=_words(data.get("span_preps")),
            toll_reach=int((data.get("dated_tolls") or {}).get("reach", 4)),
            rising_verbs=_words((data.get("dated_tolls") or {}).get("rising_verbs")),
            rising_subjects=_words((data.get("dated_tolls") or {}).get("rising_subjects")),
            header_dateline_spans=bool((data.get("later_dates") or {}).get(
                "header_dateline_spans", False)),
            possessive_day_preps=_words((data.get("possessive_statement_days") or {}).get(
                "preps")),
            possessive_day_nouns=_words((data.get("possessive_statement_days") or {}).get(
                "nouns")),
            same_words=_words((data.get("same_statement") or {}).get("words")),
            same_nouns=_words((data.get("same_statement") or {}).get("nouns")),
            same_reach=int((data.get("same_statement") or {}).get("reach", 3)),
            headline_exact_repeat_day=bool((data.get("headline_dates") or {}).get(
                "exact_repeat_day", False)),
        )
    except (TypeError, ValueError, AttributeError, re.error) as e:
        raise ConfigError(f"bad date rules: {e}", source=where) from e


@lru_cache(maxsize=8)
def load_date_rules(path: str | None = None) -> DateRules:
    """The date rules of ``path`` (None: the built-in ``dates.yaml``)."""
    data, where = read_mapping("dates.yaml", path, "date rules", "are")
    return _from_mapping(data, where)
