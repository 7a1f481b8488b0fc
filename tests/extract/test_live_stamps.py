"""A live blog's entry stamp that names the day ("Mon 13 Mar, 21:05 — ...") dates the
statements of its entry and is no source (dateline_patterns in provenance.yaml); a period
of years ("between 2018 and 2022") is no count range (numbers.py). Hand-written
sentences only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.numbers import find_numbers
from tollwatch.model import Claim

from .claim_lookup import get_claim, source_names

Run = Callable[..., list[Claim]]

_BLOG = (
    "LIVE: Fighting in Orvel\n"
    "Mon 13 Mar, 21:05 — The Orvel army command said in a statement that 14 soldiers had "
    "been killed in an ambush.\n"
    "Tue 14 Mar, 09:10 — The regional health office says 23 civilians were wounded.\n"
    "Tue 14 Mar, 11:40 — Rebels claimed on Monday to have captured nine soldiers.\n"
)


def test_an_entry_stamp_dates_its_entry_and_is_no_source(claims_of: Run) -> None:
    claims = claims_of(_BLOG, "2023-03-14")  # a Tuesday
    soldiers = get_claim(claims, "killed", 14)
    assert soldiers.date == "2023-03-13"
    assert "army command" in source_names(soldiers) and "mar" not in source_names(soldiers)
    assert get_claim(claims, "injured", 23).date == "2023-03-14"
    assert get_claim(claims, "captured", 9).date == "2023-03-13"  # the day it names


@pytest.mark.parametrize(("text", "ranges"), [
    ("At least 61 people were killed between 2018 and 2022.", []),
    ("From 2015-2019, some 400 people were abducted.", []),
    ("Between 1800 and 1900 people were displaced.", [(1800, 1900)]),
    ("Between 2,000 and 3,000 people fled.", [(2000, 3000)]),
])
def test_a_period_of_years_is_no_range(text: str, ranges: list[tuple[int, int]]) -> None:
    found = [(m.low, m.high) for m in find_numbers(text) if m.low is not None]
    assert found == ranges


def test_a_period_of_years_gives_no_claim(claims_of: Run) -> None:
    claims = claims_of("The network says at least 61 people were killed between 2018 and 2022.")
    assert [(c.value, c.low) for c in claims] == [(61, None)]
