"""known_bodies.py: names the alias table knows as one body. Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.extract.known_bodies import known_bodies, same_known_body
from tollwatch.extract.source_dates import same_body, share_dates
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def test_known_bodies_resolve_names_to_the_table_entry() -> None:
    assert known_bodies(["the Pentagon", "Pentagon"]) == {"Department of Defense (United States)"}
    assert known_bodies(["the ministry", "the spokesman"]) == set()


def test_two_names_of_one_known_body_are_one() -> None:
    assert same_known_body(["the Pentagon"], False, ["the Defense Department"], False)
    assert same_body(Source(["Doctors Without Borders"], False), Source(["MSF"], False))
    assert same_body(Source(["the Red Cross"], False),
                     Source(["International Committee of the Red Cross"], False))


def test_people_and_unknown_names_are_not_joined() -> None:
    assert not same_known_body(["the Pentagon"], True, ["the Defense Department"], False)
    assert not same_known_body(["the ministry"], False, ["the office"], False)
    assert not same_body(Source(["the Red Cross"], False), Source(["MSF"], False))


def test_share_dates_goes_through_the_alias_table() -> None:
    dated = Source(["the Pentagon"], False, date="2031-06-10")
    undated = Source(["the Defense Department"], False)
    assert share_dates([dated, undated]) == [undated]
    assert undated.date == "2031-06-10"


def test_a_known_body_dates_its_other_name_in_a_story(claims_of: Run) -> None:
    text = ("Doctors Without Borders said on Tuesday that 14 patients were killed when "
            "the clinic was shelled.\n"
            "Nine more people were wounded in the second strike, MSF said.")
    found = [c for c in claims_of(text, "2031-06-12") if c.metric == "injured" and c.value == 9]
    assert found, "no injured 9"
    assert found[0].date == "2031-06-10"
