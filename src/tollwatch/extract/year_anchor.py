"""The year of a story that gives no publication date (rules in ``data/year_anchor.yaml``).

A day written with its year right beside a reporting verb ("the ministry said on June 8,
2031"; "On June 8, 2031, the ministry said ...") tells the year the story's statements
were made in. With no publication date, the days the story writes without a year ("said
on June 10") take that year (``dates.resolve_date`` reads a year alone as the anchor:
weekdays and relative days stay unresolved). Only when every such day names one year; a
full date on another verb ("issued a warrant on March 3, 2029") tells nothing. Regular
expressions over the text only (no parse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping, word_list

__all__ = ["YearAnchorRules", "load_year_anchor_rules", "story_year"]

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
         r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_FULL = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|" \
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<y2>\d{{4}}))"


# every match of either rule holds a year (four digits): a text with no four digits in a
# row is not scanned further (a quick test, about half of news texts pass it)
_FOUR_DIGITS = re.compile(r"\d\d\d\d")


@dataclass(frozen=True)
class YearAnchorRules:
    """The words of ``data/year_anchor.yaml``, compiled."""

    after_verb: re.Pattern[str] | None = None
    before_verb: re.Pattern[str] | None = None


@lru_cache(maxsize=8)
def load_year_anchor_rules(path: str | None = None) -> YearAnchorRules:
    """The rules of ``path`` (None: the built-in ``year_anchor.yaml``)."""
    data, where = read_mapping("year_anchor.yaml", path, "year anchor rules", "are")
    verbs = word_list(data.get("verbs"), "verbs", where)
    gap = data.get("verb_gap", 4)
    if not isinstance(gap, int) or isinstance(gap, bool) or gap < 0:
        raise ConfigError("verb_gap must be a whole number of words", source=where)
    if not verbs:
        return YearAnchorRules()
    verb = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    words = rf"(?:[\w’'.-]+,?\s+){{0,{gap}}}?"
    return YearAnchorRules(
        after_verb=re.compile(rf"\b(?:{verb})\s+{words}on\s+{_FULL}", re.IGNORECASE),
        before_verb=re.compile(rf"(?:^|(?<=[.\n]))\s*On\s+{_FULL},\s+{words}(?:{verb})\b"))


def story_year(text: str, rules: YearAnchorRules | None = None) -> str | None:
    """The one year that the days written on the reporting verbs of ``text`` name, or None
    (none, or two years)."""
    if _FOUR_DIGITS.search(text) is None:
        return None
    rules = rules or load_year_anchor_rules()
    years: set[str] = set()
    for rx in (rules.after_verb, rules.before_verb):
        if rx is None:
            continue
        for m in rx.finditer(text):
            years.add(m.group("y1") or m.group("y2"))
    return years.pop() if len(years) == 1 else None
