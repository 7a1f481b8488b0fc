"""Agency and rights reports (sentences written for these tests): a body introduced by its
kind and then named is one source; "the agency's tracking team" is the agency; and the words
of displacement, detention and harm such reports use."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import get_claim, source_names

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _got(claims: list[Claim]) -> set[tuple[str, int | None]]:
    return {(c.metric, c.value) for c in claims}


def test_a_body_introduced_by_its_kind_then_named_is_one_source(claims_of: Run) -> None:
    claims = claims_of("Police have detained more than 700 people since March, a local rights "
                       "group said in a report released on Monday.\n"
                       "The Valley Liberties Forum (VLF) said 210 of those detained were held "
                       "without charge.\n", "2024-08-07")
    c = get_claim(claims, "detained", 210)
    assert "valley liberties forum" in source_names(c)
    assert "rights group" in source_names(c)
    assert c.date == "2024-08-05"


def test_a_body_named_after_another_named_body_stays_apart(claims_of: Run) -> None:
    claims = claims_of("Amnesty International said on Monday that 500 people were detained.\n"
                       "The Valley Liberties Forum said 210 people had been arrested.\n",
                       "2024-08-07")
    assert "amnesty" not in source_names(get_claim(claims, "detained", 210))


def test_the_agencys_part_is_the_agency(claims_of: Run) -> None:
    claims = claims_of("About 90,000 people have fled the fighting, the International "
                       "Organization for Migration said on Tuesday.\n"
                       "The agency's tracking team recorded 61,200 people on the move in "
                       "three districts.\n", "2024-06-05")
    c = get_claim(claims, "displaced", 61200)
    assert "international organization for migration" in source_names(c)
    assert c.date == "2024-06-04"


@pytest.mark.parametrize(("text", "expected"), [
    ("More than 9,800 children killed or maimed in eight years of war: UNICEF",
     ("casualties", 9800)),
    ("The number of people who have sought safety there rose to nearly 640,000.",
     ("displaced", 640000)),
    ("A spokesperson said 870 people were currently held under the security law.",
     ("detained", 870)),
    ("The ministry said 4,210 people had been taken into preventive custody.",
     ("detained", 4210)),
    ("The fighting had forced some 520,000 people from camps and homes this year.",
     ("displaced", 520000)),
    ("The offensive drove 3,400 villagers out of the valley.", ("displaced", 3400)),
    ("The UN said 7,300 people were on the move after the attacks.", ("displaced", 7300)),
])
def test_words_of_agency_reports(claims_of: Run, text: str, expected: tuple[str, int]) -> None:
    assert expected in _got(claims_of(text))


@pytest.mark.parametrize("text", [
    "Troops forced 40 rebels from the hilltop.",
    "About 300 soldiers were on the move toward the town.",
])
def test_fighters_driven_out_or_on_the_move_are_not_displaced(claims_of: Run,
                                                               text: str) -> None:
    assert not any(c.metric == "displaced" for c in claims_of(text))


def test_people_taken_from_a_place_in_a_text_about_captivity_are_abducted(
        claims_of: Run) -> None:
    got = _got(claims_of('"They took 15 girls from the school that night," said Hauwa, whose '
                         'cousin was kidnapped in May.'))
    assert got == {("abducted", 15)}
    assert _got(claims_of("The gunmen took away 22 men, and the kidnappers demanded a "
                          "ransom.")) == {("abducted", 22)}


def test_people_taken_from_rubble_in_a_text_about_no_captivity_count_no_one(
        claims_of: Run) -> None:
    assert claims_of("Rescuers took 12 survivors from the rubble.") == []


def test_a_list_compiled_by_someone_is_their_figure(claims_of: Run) -> None:
    claims = claims_of("By dawn, 27 men and boys were dead, according to a list compiled by "
                       "the village chief, Jean Baraka. Five others have never been found.")
    assert "jean baraka" in source_names(get_claim(claims, "killed", 27))
    assert ("missing", 5) in _got(claims)


@pytest.mark.parametrize("text", [
    "Rescuers said 30 people had yet to be found.",
    "Nine fishermen have not been found since the storm.",
])
def test_people_not_found_are_missing(claims_of: Run, text: str) -> None:
    assert any(c.metric == "missing" for c in claims_of(text))


def test_people_taken_from_a_school_in_the_passive_are_abducted(claims_of: Run) -> None:
    got = _got(claims_of("Gunmen stormed the school overnight, and the kidnappers later called "
                         "parents. Police said 48 pupils were taken from the dormitories."))
    assert ("abducted", 48) in got


def test_captors_named_on_the_coordinated_verb_hold_people(claims_of: Run) -> None:
    got = _got(claims_of("The militants stormed the camp on Monday and are still holding 40 "
                         "aid workers."))
    assert got == {("abducted", 40)}
