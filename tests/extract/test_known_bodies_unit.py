"""known_bodies.py: names the alias table knows as one body. Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.coreference_rules import load_coreference_rules
from tollwatch.extract.known_bodies import (
    bare_kind_of,
    known_bodies,
    organ_of,
    same_kind_body,
    same_known_body,
    spoken_for,
)
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


def test_a_bare_kind_phrase_names_a_body_of_that_kind() -> None:
    assert bare_kind_of(["the military", "military"]) == "military"
    assert bare_kind_of(["the Zorvian army"]) is None
    assert same_kind_body(["the military"], False, ["the Turkish army"], False)
    assert same_kind_body(["the Kenyan police"], False, ["the police"], False)
    assert same_body(Source(["the army"], False), Source(["the Algerian army"], False))


def test_kinds_left_out_of_the_links_are_not_joined() -> None:
    assert bare_kind_of(["officials"]) is None  # "government": many speakers
    assert not same_kind_body(["officials"], False, ["the Turkish government"], False)
    assert not same_kind_body(["the police"], False, ["the Turkish army"], False)
    assert not same_kind_body(["the military"], True, ["the Turkish army"], False)


def test_the_bare_kind_takes_the_day_of_the_only_dated_body_of_its_kind() -> None:
    dated = Source(["the Turkish General Staff"], False, date="2031-06-10")
    bare = Source(["the military"], False)
    assert share_dates([dated, bare]) == [bare]
    assert bare.date == "2031-06-10"


def test_two_bodies_of_the_kind_dated_on_two_days_date_the_bare_phrase_not() -> None:
    one = Source(["the Turkish army"], False, date="2031-06-10")
    two = Source(["the Greek army"], False, date="2031-06-11")
    bare = Source(["the military"], False)
    assert share_dates([one, two, bare]) == []
    assert bare.date is None


def test_a_general_staff_dates_what_the_military_said(claims_of: Run) -> None:
    text = ("Three rebels were killed in the hills, according to a statement issued on "
            "Tuesday by the Turkish General Staff.\n"
            "Two more rebels were killed in a separate raid near the border, the military "
            "said.")
    found = [c for c in claims_of(text, "2031-06-12") if c.metric == "killed" and c.value == 2]
    assert found, "no killed 2"
    assert found[0].date == "2031-06-10"


def test_the_rules_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "coref.yaml"
    bad.write_text("bare_kind_links: military\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bare_kind_links"):
        load_coreference_rules(str(bad))
    assert "military" in load_coreference_rules().bare_kind_links


@pytest.mark.parametrize(("name", "body"), [
    ("a senior Defense Department official", "Department of Defense (United States)"),
    ("a spokeswoman for Doctors Without Borders", "MSF"),
    ("Red Cross spokesman Ivo Marsh", "ICRC"),
    ("a Zorvian official", None),
    ("Colonel Ivo Marsh", None),
])
def test_the_body_a_speaker_speaks_for(name: str, body: str | None) -> None:
    assert spoken_for(name) == body


def test_a_speaker_joins_the_body_but_two_speakers_stay_apart() -> None:
    assert same_known_body(["a spokeswoman for Doctors Without Borders"], True, ["MSF"], False)
    assert not same_known_body(["a spokeswoman for Doctors Without Borders"], True,
                               ["an MSF spokesman"], True)
    assert not same_known_body(["a Zorvian official"], True, ["MSF"], False)


def test_the_body_takes_the_day_its_speaker_gave_in_a_story(claims_of: Run) -> None:
    text = ("At least 70 patients were killed in the siege of the clinics, MSF says.\n"
            "This was disclosed by a senior MSF official at a briefing on Tuesday.")
    found = [c for c in claims_of(text, "2031-06-12") if c.metric == "killed" and c.value == 70]
    assert found, "no killed 70"
    assert found[0].date == "2031-06-10"


def test_a_defence_ministry_and_its_army_are_one_body() -> None:
    assert organ_of(["the Defence Ministry"], False, ["the Turkish army"], False)
    assert organ_of(["the Turkish army"], False, ["the Turkish Defence Ministry"], False)


def test_organs_of_two_countries_or_people_are_not_joined() -> None:
    assert not organ_of(["the Greek Defence Ministry"], False, ["the Turkish army"], False)
    assert not organ_of(["the Defence Ministry"], True, ["the Turkish army"], False)
    assert not organ_of(["the police"], False, ["the Turkish army"], False)


def test_the_army_s_day_reaches_its_ministry() -> None:
    army = Source(["the Turkish army"], False, date="2031-06-08")
    ministry = Source(["the Defence Ministry", "the ministry"], False)
    assert share_dates([army, ministry]) == [ministry]
    assert ministry.date == "2031-06-08"
