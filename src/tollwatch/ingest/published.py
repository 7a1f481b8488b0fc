"""A record's ``published`` field as an ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

Records come from spreadsheets and exports that write dates every which way: ISO dates and
timestamps, RFC 2822 (feeds, e-mail), "14 March 2025". Anything that reads as a calendar
date is kept as its ISO form; anything else (``yesterday``, ``n/a``, ``2025-13-45``) is
not a date, and the reader reports it for its record and keeps the record undated.
"""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = ["NotADate", "published_date"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
_SENTINELS = (datetime(1, 1, 1), datetime(2, 2, 2))


class NotADate(ValueError):
    """The value does not read as a date."""


def _iso(value: str) -> str | None:
    m = _ISO.match(value)
    if not m:
        return None
    year, month, day = m.groups()
    if day is not None and len(value) > 10 and value[10] not in "T ":
        return None
    try:
        if day is not None:
            return date(int(year), int(month), int(day)).isoformat()
        if month is not None:
            date(int(year), int(month), 1)
            return f"{year}-{month}"
    except ValueError as e:
        raise NotADate(value) from e
    return year if len(value) == 4 else None


def published_date(value: object) -> str | None:
    """The ISO date of ``value``; None when it is empty; NotADate when it is not a date.

    A date that says no day (``March 2025``) keeps only what it says (``2025-03``).
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    iso = _iso(text)
    if iso is not None:
        return iso
    if text.isdigit() and len(text) != 8:  # a bare number is no date (20250314 is)
        raise NotADate(text)
    from dateutil import parser

    try:
        a, b = (parser.parse(text, default=d) for d in _SENTINELS)
    except (ValueError, OverflowError) as e:
        raise NotADate(text) from e
    if a.year != b.year:  # no year given: not a publication date
        raise NotADate(text)
    if a.month != b.month:
        return f"{a.year:04d}"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}"
    return a.date().isoformat()
