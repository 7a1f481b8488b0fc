"""source_dates.py: which named sources are one body, and sharing a day among them."""

from __future__ import annotations

import pytest

from tollwatch.extract.source_dates import initials, same_body, share_dates
from tollwatch.extract.sources import Source


@pytest.mark.parametrize(("name", "acronym"), [
    ("Inter-Services Public Relations", "ISPR"),
    ("the United Nations", "UN"),
    ("Office of the High Commissioner", "OHC"),
    ("lower case words", ""),
])
def test_initials(name: str, acronym: str) -> None:
    assert initials(name) == acronym


def test_acronym_matches_initials() -> None:
    assert same_body(Source(["the United Nations"], False), Source(["UN"], False))
    assert same_body(Source(["UN"], False), Source(["the United Nations"], False))


def test_folded_names_match() -> None:
    assert same_body(Source(["The Interior Ministry's"], False),
                     Source(["interior ministry"], False))


def test_rewrites_bring_names_to_one_form() -> None:
    assert same_body(Source(["the Ministry of Defense"], False),
                     Source(["defence ministry"], False))
    assert same_body(Source(["the Atlantean army"], False),
                     Source(["Atlantean military"], False))


def test_longer_name_contains_shorter() -> None:
    assert same_body(Source(["the regional health ministry"], False),
                     Source(["health ministry"], False))


def test_single_common_word_is_not_enough() -> None:
    assert not same_body(Source(["police"], False), Source(["border police"], False))


def test_surname_of_a_person() -> None:
    assert same_body(Source(["Ana Ruiz"], True), Source(["Ruiz"], True))
    assert not same_body(Source(["Ana Ruiz"], False), Source(["Ruiz"], False))


def test_bare_title_of_a_person() -> None:
    assert same_body(Source(["President Ana Ruiz"], True), Source(["the president"], True))


def test_unrelated_bodies() -> None:
    assert not same_body(Source(["police"], False), Source(["army"], False))
    assert not same_body(Source(["the Red Cross"], False), Source(["Doctors Without Borders"],
                                                                 False))


def test_ministry_of_a_country_contains_its_short_name() -> None:
    assert same_body(Source(["health ministry"], False),
                     Source(["the Health Ministry of Zorvia"], False))


def test_share_dates_gives_the_one_day() -> None:
    full = Source(["President Ana Ruiz"], True, date="2024-03-01")
    short = Source(["Ruiz"], True)
    other = Source(["the Red Cross"], False)
    dated = share_dates([full, short, other])
    assert dated == [short]
    assert short.date == "2024-03-01"
    assert other.date is None


def test_share_dates_two_days_is_ambiguous() -> None:
    a = Source(["Ana Ruiz"], True, date="2024-03-01")
    b = Source(["Luis Ruiz"], True, date="2024-03-02")
    short = Source(["Ruiz"], True)
    assert share_dates([a, b, short]) == []
    assert short.date is None


def test_share_dates_chains_over_rounds() -> None:
    dated = Source(["Ruiz"], True, date="2024-03-01")
    full = Source(["President Ana Ruiz"], True)
    title = Source(["the president"], True)
    out = share_dates([dated, full, title])
    assert full in out and title in out
    assert full.date == title.date == "2024-03-01"


def test_share_dates_one_round_stops_early() -> None:
    dated = Source(["Ruiz"], True, date="2024-03-01")
    full = Source(["President Ana Ruiz"], True)
    title = Source(["the president"], True)
    out = share_dates([dated, full, title], rounds=1)
    assert full in out
    assert full.date == "2024-03-01"
