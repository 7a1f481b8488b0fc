"""Which body a later reference or name means, and the day a statement's sentence gives it
(sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value

from tollwatch.extract.provenance import load_provenance
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]

PUB = "2031-05-13"  # a Tuesday



def test_a_controlling_name_is_no_name_of_the_body(claims_of: Run) -> None:
    text = ("The Zorvan-run health ministry said 30 people were killed. Separately, the "
            "Zorvan-controlled Sentinel news agency reported on Monday that police had "
            "arrested 12 people.")
    got = by_value(claims_of(text, published=PUB))
    assert "Zorvan" not in got[12].origin
    assert not any("ministry" in n for n in got[12].origin)
    assert got[30].date is None  # the agency's Monday is not the ministry's


def test_control_words_are_data() -> None:
    assert {"controlled", "run", "backed"} <= load_provenance().control_words


def test_the_group_is_no_police_force_named_before(claims_of: Run) -> None:
    text = ("The Green Front did not respond to requests for comment. The police said on "
            "Monday that 23 people were killed. In a video, the group said it was holding "
            "5 soldiers.")
    got = by_value(claims_of(text, published=PUB))
    assert got[23].origin[0] == "The police"
    assert not any("police" in n.lower() for n in got[5].origin)
    assert "the group" not in got[23].origin


def test_the_group_still_means_the_group_named_before(claims_of: Run) -> None:
    text = ("The Human Rights Network said 40 people were detained. The police said on "
            "Monday that 23 people were killed. The group said 12 more were missing.")
    got = by_value(claims_of(text, published=PUB))
    assert got[12].origin[0] == "The Human Rights Network"


def test_the_state_heads_are_data() -> None:
    heads = load_provenance().state_heads
    assert {"ministry", "police", "army"} <= heads
    assert "group" not in heads


def test_the_outer_speakers_day_dates_a_nested_statement(claims_of: Run) -> None:
    text = ("Speaking in Lisburg on Monday, a spokesperson for the relief agency said the "
            "agency had counted 4,000 refugees.")
    (claim,) = claims_of(text, published=PUB)
    assert claim.date == "2031-05-12"


def test_the_inner_statements_own_day_wins(claims_of: Run) -> None:
    text = "The governor said on Monday the army had reported on Sunday that 40 soldiers died."
    (claim,) = claims_of(text, published=PUB)
    assert claim.date == "2031-05-11"


@pytest.mark.parametrize(("text", "value", "day"), [
    ("The death toll from the shelling rose to 30 on Monday, the health ministry said.", 30,
     "2031-05-12"),
    ("The number of people killed climbed to 120 on Sunday, officials said.", 120,
     "2031-05-11"),
    # the day of the events is still no statement's
    ("Strikes on Sunday killed 33 people, the ministry said.", 33, None),
    # a toll that rises with no source stays undated
    ("The death toll rose to 30 on Monday.", 30, None),
])
def test_the_day_a_toll_rose_dates_its_statement(claims_of: Run, text: str, value: int,
                                                  day: str | None) -> None:
    assert by_value(claims_of(text, published=PUB))[value].date == day


def test_the_toll_before_does_not_take_the_day_of_the_rise(claims_of: Run) -> None:
    text = ("The death toll rose to 30 on Monday, up from 21 on Sunday, the health ministry "
            "said.")
    got = by_value(claims_of(text, published=PUB))
    assert got[30].date == "2031-05-12"
    assert got[30].attribution["date_how"] == "verb"
    assert got[21].date == "2031-05-11"
    assert got[21].attribution["date_how"] == "toll"
