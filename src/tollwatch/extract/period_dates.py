"""Statements placed in an earlier stretch of time that names no day.

"Earlier this month, the ministry said 40 were killed", "the agency said last week",
"In March, the army said ...", "according to last week's report by the agency": the
statement was made before the article, on a day the text does not name. It takes no day,
neither the one its source was dated with elsewhere nor the article's ("today", dateline):
``date_how`` "earlier", as for "said earlier". Rules in ``data/date_links.yaml``
(``earlier_periods``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.doc_cache import columns, ents_of
from tollwatch.extract.statement_dates import _statement_noun

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["PeriodRules", "as_of_today", "earlier_period", "load_period_rules", "past_period"]

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b",
                    re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass(frozen=True)
class PeriodRules:
    """The words of ``earlier_periods``."""

    markers: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()


@lru_cache(maxsize=8)
def load_period_rules(path: str | None = None) -> PeriodRules:
    """The ``earlier_periods`` rules of ``path`` (None: the built-in date_links.yaml)."""
    data, where = read_mapping("date_links.yaml", path, "date link rules", "are")
    sec = data.get("earlier_periods") or {}
    if not isinstance(sec, dict):
        raise ConfigError("earlier_periods must be a mapping", source=where)
    out: dict[str, frozenset[str]] = {}
    for key in ("markers", "preps"):
        value = sec.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"earlier_periods.{key} must be a list of words", source=where)
        out[key] = frozenset(v.strip().lower() for v in value if v.strip())
    return PeriodRules(markers=out["markers"], preps=out["preps"])


def past_period(text: str, published: str | None, rules: PeriodRules | None = None) -> bool:
    """True when ``text`` ("last week", "earlier this month", "March", "in 2029") is a
    stretch of time before publication that names no day."""
    rules = rules or load_period_rules()
    if resolve_date(text, published) is not None:
        return False
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & rules.markers:
        return True
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    pub_month = int(published[5:7]) if published and published[5:7].isdigit() else None
    years = [int(m.group(0)) for m in _YEAR.finditer(text)]
    if years and pub_year is not None:
        return all(y < pub_year for y in years)
    months = [_MONTHS.index(n) + 1 for m in _MONTH.finditer(text)
              if (n := next((x for x in _MONTHS if x.startswith(m.group(1).lower())), ""))]
    return bool(months) and pub_month is not None and all(m != pub_month for m in months)


def _on(ent: Span, anchors: set[int], preps: frozenset[str]) -> bool:
    """True when DATE ``ent`` hangs on an anchor: right on it, or under a preposition of
    ``preps`` on it."""
    root = ent.root
    head = root.head
    if head.i in anchors and root.dep_ in ("npadvmod", "advmod", "tmod", "obl", "nmod"):
        return True
    return root.dep_ == "pobj" and head.lower_ in preps and head.head.i in anchors


def _cited_noun(ent: Span, anchors: set[int]) -> bool:
    """True when DATE ``ent`` is the possessive of a statement noun the verb or "according
    to" cites ("according to last week's report")."""
    root = ent.root
    noun: Token = root.head
    if root.dep_ != "poss" or not _statement_noun(noun):
        return False
    x = noun
    for _ in range(3):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.i in anchors:
            return True
    return False


def earlier_period(doc: Doc, verb_i: int | None, published: str | None) -> bool:
    """True when the statement of the reporting verb at ``verb_i`` (or the statement noun
    it or "according to" cites) is placed in an earlier stretch of time naming no day."""
    rules = load_period_rules()
    anchors = {verb_i} if verb_i is not None else set()
    anchors |= {i for i, low in enumerate(columns(doc).lower) if low == "according"}
    if not anchors:
        return False
    for ent in ents_of(doc):
        if ent.label_ != "DATE":
            continue
        hung = (verb_i is not None and _on(ent, {verb_i}, rules.preps)) or \
            _cited_noun(ent, anchors)
        if hung and past_period(ent.text, published, rules):
            return True
    return False


def as_of_today(sentence: str, day: str, as_of: re.Pattern[str]) -> bool:
    """True when ``sentence`` gives a tally "as of" ``day`` itself ("as of 8 August" in a
    story of 8 August; ``as_of``: provenance.yaml's ``as_of_words``, the day in group
    "day"): that day's statement. A tally as of an earlier day says only when the count
    stood."""
    return any(resolve_date(m.group("day"), day) == day for m in as_of.finditer(sentence))
