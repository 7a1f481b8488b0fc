"""Numbers that cannot count people are dropped before any parse (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from tollwatch.extract.candidates import MAX_PEOPLE, candidate_numbers
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.numbers import find_numbers


def _kept(text: str) -> list[int | None]:
    return [n.value for n in candidate_numbers(text, find_numbers(text), load_lexicon())]


@pytest.mark.parametrize(("text", "kept"), [
    ("“We buried them at dawn,” said Ana Ortiz, 32.", []),
    ("Ortiz, 32, a nurse, said nine people died.", [9]),
    ("The seven soldiers were posted at Camp 15 and at Hill 203.", [7]),
    ("Troops near Sector 4, the ministry said, found 12 bodies.", [12]),
    ("A 100,000-strong alliance of militias joined the offensive.", [100_000]),
    ("The 12-year-old boy was among 30 injured.", [30]),
    ("In 1998, 1 950 people died; in 2003 there were 2 040.", [1950, 2040]),
    ("Some 20 billion people cannot exist; 15 billion neither.", []),
])
def test_non_counts(text: str, kept: list[int]) -> None:
    assert _kept(text) == kept


def test_the_largest_count_is_ten_billion() -> None:
    assert MAX_PEOPLE == 10_000_000_000
    assert _kept("nine billion people") == [9_000_000_000]


@pytest.mark.parametrize(("text", "kept"), [
    ("Relatives paid P1 million in ransom to free the 3 workers.", [3]),
    ("The gang demanded N50 from each of the 12 families.", [12]),
    ("About 2 million people have fled and one million more may follow.", [2_000_000,
                                                                            1_000_000]),
])
def test_sums_glued_to_a_currency_letter(text: str, kept: list[int]) -> None:
    assert _kept(text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("Shelling on March 5 and 6 April hit the camp.", []),
    ("On Sept. 9 the convoy left; on the 3rd of June it returned.", []),
    ("In October, 1,400 families fled the valley.", [1400]),
    ("Between June and August, 58 guards were killed.", [58]),
    ("Up to 25 may have drowned when the boat sank.", [25]),
    ("By July 300 people had fled.", [300]),
    ("Since July 9, more soldiers have died.", []),
])
def test_days_beside_their_month_and_counts_after_one(text: str, kept: list[int]) -> None:
    """A day written beside its month is no count; a count after "In October," or before the
    verb "may" is (a day is at most 31; "By July 300" cannot be a day)."""
    assert _kept(text) == kept
