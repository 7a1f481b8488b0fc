"""unnamed_members.py: an unnamed speaker of an unnamed group. Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.source_dates import same_body, share_dates
from tollwatch.extract.sources import Source
from tollwatch.extract.unnamed_members import description_key, same_unnamed_group
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize(("name", "key"), [
    ("three police sources", ("police", True)),
    ("a police officer", ("police", False)),
    ("the second police source", ("police", False)),
    ("Hospital officials", ("hospital", True)),
    ("the sources", None),             # no other words
    ("a Zorvian police source", None),  # a capitalised word: named
    ("a police spokesman", None),      # a head not in the rules
])
def test_description_key(name: str, key: tuple[str, bool] | None) -> None:
    assert description_key(name) == key


def test_a_member_and_its_group_are_one() -> None:
    assert same_unnamed_group(["three police sources"], ["a police officer"])
    assert same_body(Source(["a police officer"], True), Source(["two police sources"], True))


def test_different_words_or_two_single_speakers_stay_apart() -> None:
    assert not same_unnamed_group(["three police sources"], ["a hospital official"])
    assert not same_unnamed_group(["a police officer"], ["another police source"])


def test_the_group_s_day_reaches_its_member() -> None:
    group = Source(["two police sources"], True, date="2031-06-09", plural=True)
    member = Source(["a police officer"], True)
    assert share_dates([group, member]) == [member]
    assert member.date == "2031-06-09"


def test_a_member_of_the_group_takes_its_day_in_a_story(claims_of: Run) -> None:
    text = ("Gunmen killed six guards at a depot outside Port Alder, two police sources "
            "said on Monday.\n"
            "\"We arrested nine of the attackers,\" a police officer told reporters.")
    found = [c for c in claims_of(text, "2031-06-12") if c.metric == "detained" and c.value == 9]
    assert found, "no detained 9"
    assert found[0].date == "2031-06-09"
