"""Resolve the day a statement was made ("said on Monday") against the publication date."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["resolve_date"]

_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTHS.update({m[:3]: v for m, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_MONTH_RE = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
            r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# the year may follow a comma written apart ("June 8 , 2031": a parse's tokens joined)
_MD = re.compile(rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s+(?P<year>\d{{4}}))?\b",
                 re.IGNORECASE)
_DM = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:\s*,?\s+(?P<year>\d{{4}}))?\b",
                 re.IGNORECASE)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _with_year(month: int, day: int, year: str | None, pub: dt.date | None,
               known_year: int | None = None) -> dt.date | None:
    try:
        if year:
            return dt.date(int(year), month, day)
        if known_year is not None:
            return dt.date(known_year, month, day)
        if pub is None:
            return None
        d = dt.date(pub.year, month, day)
        if d > pub + dt.timedelta(days=2):
            d = dt.date(pub.year - 1, month, day)
        return d
    except ValueError:
        return None


_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_DAYS_AGO = re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+ago|"
                       r"the\s+day\s+before\s+yesterday)\b")


def resolve_date(expr: str, published: str | None) -> str | None:
    """The ISO day that ``expr`` ("Monday", "on 5 August", "yesterday") names, or None.

    Weekdays resolve to the latest such day on or before the publication date; dates without
    a year take the publication year (the year before when that would put them well after
    publication); "two days ago" counts back from it. Vague expressions ("last week",
    "earlier this month") give None.
    ``published`` may be a year alone ("2031", a story whose day is unknown but whose year
    its text gives): dates without a year take it, weekdays and relative days give None.
    """
    text = expr.lower().strip()
    known_year = int(published) if published is not None and published.isdigit() and \
        len(published) == 4 else None
    pub = None if known_year is not None else _parse_published(published)
    m = _ISO.search(text)
    if m:
        try:
            return dt.date(int(m["year"]), int(m["mon"]), int(m["day"])).isoformat()
        except ValueError:
            return None
    for rx in (_MD, _DM):
        m = rx.search(text)
        if m:
            mon = _MONTHS.get(m["mon"].lower().rstrip("."))
            if mon is None:
                continue
            d = _with_year(mon, int(m["day"]), m["year"], pub, known_year)
            return d.isoformat() if d else None
    if pub is None:
        return None
    named_day = re.search(r"\b(mon|tues?|wednes|thurs|fri|satur|sun)day\b|\btoday\b|\byesterday\b"
                          r"|\btonight\b|\blast night\b", text)
    if re.search(r"\b(week|month|year|weekend|recent|past|next)\b", text) and \
            not re.search(r"\b(on|last)\s+(mon|tue|wed|thu|fri|sat|sun)", text):
        return None
    ago = _DAYS_AGO.search(text)
    if ago:  # "two days ago", "the day before yesterday"
        n = 2 if ago["n"] is None else _SMALL_NUMBERS.get(ago["n"]) or int(ago["n"])
        return (pub - dt.timedelta(days=n)).isoformat() if n <= 6 else None
    if re.search(r"\b(earlier|later)\b", text) and not named_day:
        return None  # "earlier", but "earlier Wednesday" names the day
    if re.search(r"\btoday\b|\bthis (morning|afternoon|evening)\b|\btonight\b", text):
        return pub.isoformat()
    if re.search(r"\byesterday\b|\blast night\b", text):
        return (pub - dt.timedelta(days=1)).isoformat()
    for name, idx in _WEEKDAYS.items():
        if re.search(rf"\b{name}\b", text):
            back = (pub.weekday() - idx) % 7
            if back == 0 and re.search(rf"\blast\s+{name}\b", text):
                back = 7  # "last Friday", written on a Friday: a week before
            return (pub - dt.timedelta(days=back)).isoformat()
    return None
