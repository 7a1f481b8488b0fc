"""One body named with its country before or after it, one source for dates
(extract/qualified_names.py, read by source_dates.same_body). Hand-written sentences only
(none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.qualified_names import same_qualified
from tollwatch.extract.source_dates import same_body
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize(("short", "long", "raw", "same"), [
    ("zorvian general staff", "general staff of the zorvian military",
     "the Zorvian General Staff", True),
    ("zorvian defence ministry", "defence ministry of the zorvian republic",
     "The Zorvian Defence Ministry", True),
    ("zorvian health ministry", "health ministry of lisburg", "the Zorvian Health Ministry",
     False),  # another country's ministry
    ("zorvian general staff", "zorvian army general staff", "the Zorvian General Staff",
     False),  # the qualifier comes before the body in both: the name rules' business
    ("senior defence official", "defence official of the senior staff",
     "a senior defence official", False),  # no proper qualifier
    ("zorvian staff", "staff of the zorvian army", "the Zorvian staff", False),  # one word
])
def test_same_qualified(short: str, long: str, raw: str, same: bool) -> None:
    assert same_qualified(short, long, raw) is same


def test_same_body_joins_the_two_orders() -> None:
    a = Source(names=["the Zorvian General Staff"], person=False)
    b = Source(names=["the General Staff of the Zorvian Armed Forces"], person=False)
    assert same_body(a, b)
    assert same_body(b, a)


def test_the_two_orders_share_a_day(claims_of: Run) -> None:
    text = ("The Zorvian General Staff said on Monday that 30 soldiers were killed.\n"
            "The General Staff of the Zorvian Armed Forces said 12 soldiers were missing.\n")
    assert _get(claims_of(text, "2031-06-10"), "missing", 12).date == "2031-06-09"
    other = ("The Zorvian Health Ministry said on Monday that 30 people were killed.\n"
             "The Health Ministry of Lisburg said 12 people were missing.\n")
    assert _get(claims_of(other, "2031-06-10"), "missing", 12).date is None
