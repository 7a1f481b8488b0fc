"""Counts on new text (issue 15): a part of a group named by its status, an unknown fate,
figures shared by several metrics, who holds whom, freed fighters (sentences written for
these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _keys(claims: list[Claim]) -> set[tuple[str, int | None]]:
    return {(c.metric, c.value) for c in claims}


@pytest.mark.parametrize(("text", "expected"), [
    ("Eight of the missing fishermen were later found dead, officials said.", ("killed", 8)),
    ("Two of the abducted students were later found dead in the forest.", ("killed", 2)),
    ("Three of the kidnapped workers were later killed by their captors.", ("killed", 3)),
    ("Four of the wounded soldiers died overnight in the field hospital.", ("killed", 4)),
])
def test_what_became_of_a_part_decides(claims_of: Run, text: str,
                                       expected: tuple[str, int]) -> None:
    assert _keys(claims_of(text)) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Two of the abducted girls were released on Friday.", ("abducted", 2)),
    ("Five of the injured miners were evacuated by helicopter.", ("injured", 5)),
])
def test_a_part_freed_or_moved_keeps_the_groups_metric(claims_of: Run, text: str,
                                                       expected: tuple[str, int]) -> None:
    assert expected in _keys(claims_of(text))


@pytest.mark.parametrize("text", [
    "The fate of another 40 residents is unknown.",
    "The fate of 25 crew members is still not known, the coast guard said.",
    "Divers recovered two bodies, but the fate of 40 other passengers remains unclear.",
])
def test_an_unknown_fate_is_missing(claims_of: Run, text: str) -> None:
    assert any(c.metric == "missing" and c.value in (40, 25) for c in claims_of(text))


def test_a_fate_discussed_is_not_missing(claims_of: Run) -> None:
    got = _keys(claims_of("The fate of the 200 hostages was discussed at the talks."))
    assert ("missing", 200) not in got


@pytest.mark.parametrize("text", [
    "An attack on the market left 862 people killed, injured, abducted or displaced.",
    "The clashes left 40 people dead, wounded or missing.",
    "Since January, 300 people have been killed or abducted in the region.",
])
def test_a_total_of_several_metrics_is_no_claim(claims_of: Run, text: str) -> None:
    assert claims_of(text) == []


def test_killed_and_injured_figures_side_by_side_stay(claims_of: Run) -> None:
    got = _keys(claims_of("Nine people were killed, 14 injured and two abducted."))
    assert {("killed", 9), ("injured", 14), ("abducted", 2)} <= got


@pytest.mark.parametrize(("text", "metric"), [
    ("Five attackers were captured, the police chief said.", "detained"),
    ("Three gunmen were captured by police after the raid.", "detained"),
    ("Twelve rebels were captured by troops near the river.", "captured"),
])
def test_who_captures_whom(claims_of: Run, text: str, metric: str) -> None:
    assert [c.metric for c in claims_of(text)] == [metric]


def test_an_armed_force_evacuating_in_a_hijacking_is_a_rescue(claims_of: Run) -> None:
    text = ("Gunmen hijacked a bus near the border on Monday. Commandos later evacuated 60 "
            "passengers from the bus.")
    assert ("abducted", 60) in _keys(claims_of(text))


def test_an_evacuation_with_no_one_held_is_displacement(claims_of: Run) -> None:
    text = "The army evacuated 2,000 villagers from the flooded district."
    assert _keys(claims_of(text)) == {("displaced", 2000)}


def test_an_evacuation_of_personnel_is_displacement(claims_of: Run) -> None:
    text = "The embassy announced the evacuation of 300 personnel from the capital."
    assert _keys(claims_of(text)) == {("displaced", 300)}


def test_freed_fighters_are_no_deployment(claims_of: Run) -> None:
    text = ("The release of 833 child soldiers was agreed with the militia, which was formed "
            "to fight the insurgents.")
    assert not any(c.metric == "deployed" for c in claims_of(text))


def test_brought_to_hospital_is_injured(claims_of: Run) -> None:
    text = "Three soldiers were killed and two other soldiers were brought to a hospital."
    assert _keys(claims_of(text)) == {("killed", 3), ("injured", 2)}


def test_every_figure_of_a_breakdown_by_the_dead(claims_of: Run) -> None:
    text = ("Of the dead, 22 were residents of the town, two were foreign visitors and four "
            "have not yet been identified.")
    assert _keys(claims_of(text)) == {("killed", 22), ("killed", 2), ("killed", 4)}


def test_the_object_of_lost_is_the_dead_whatever_the_parse(claims_of: Run) -> None:
    got = _keys(claims_of('"We lost nine and five were injured," the commander said.'))
    assert got == {("killed", 9), ("injured", 5)}


def test_a_number_of_a_trait_counts_people(claims_of: Run) -> None:
    text = ("Two officers and another five of varying ranks were killed and wounded, the "
            "statement said.")
    assert _keys(claims_of(text)) == {("casualties", 2), ("casualties", 5)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Another 8,000 men remain in more than 15 other prisons across the region.",
     ("detained", 8000)),
    ("About 300 protesters are still in jail, the lawyers said.", ("detained", 300)),
    ("Three inmates died in prison last week.", ("killed", 3)),
])
def test_people_in_a_place_of_custody_are_detained(claims_of: Run, text: str,
                                                   expected: tuple[str, int]) -> None:
    assert _keys(claims_of(text)) == {expected}


def test_a_headline_verb_read_as_a_noun_keeps_its_metric(claims_of: Run) -> None:
    text = ("Bomb at checkpoint wounds six police officers\nSix police officers were wounded "
            "when a roadside bomb exploded near a checkpoint in Darvel, the police said.")
    got = claims_of(text)
    assert [(c.metric, c.value) for c in got] == [("injured", 6)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ten villagers were abducted and later killed by the gang.",
     {("abducted", 10), ("killed", 10)}),
    ("Two soldiers were wounded and captured in the raid.", {("injured", 2), ("captured", 2)}),
    ("Three people were killed and injured.", {("casualties", 3)}),
    ("Four students were kidnapped and released the next day.", {("abducted", 4)}),
    ("Twelve people were killed and 30 displaced.", {("killed", 12), ("displaced", 30)}),
])
def test_two_verbs_done_to_one_group(claims_of: Run, text: str,
                                     expected: set[tuple[str, int]]) -> None:
    assert _keys(claims_of(text)) == expected


def test_hijacked_people_evacuated_are_rescued_captives(claims_of: Run) -> None:
    text = "Troops stormed the hijacked bus and 35 hijacked passengers were evacuated to safety."
    assert _keys(claims_of(text)) == {("abducted", 35)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Eight soldiers were admitted to the military hospital with burns.", ("injured", 8)),
    ("At least 12 people were evacuated to hospitals in the capital.", ("injured", 12)),
    ("Ten bodies were taken to the hospital.", ("killed", 10)),
])
def test_taken_to_a_place_of_care(claims_of: Run, text: str,
                                  expected: tuple[str, int]) -> None:
    assert _keys(claims_of(text)) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("More than 12,000 people have crossed into the neighbouring country since Monday.",
     {("displaced", 12000)}),
    ("Some 3,000 residents are sheltering in schools and churches.", {("displaced", 3000)}),
    ("About 45,000 people have been forced out of their villages.", {("displaced", 45000)}),
    ("Nearly 9,000 people are staying in temporary shelters.", {("displaced", 9000)}),
    ("About 600 inmates are held in the camp.", {("detained", 600)}),
])
def test_refuge(claims_of: Run, text: str, expected: set[tuple[str, int]]) -> None:
    assert _keys(claims_of(text)) == expected


def test_armed_people_crossing_are_no_refugees(claims_of: Run) -> None:
    assert _keys(claims_of("About 200 fighters crossed into the country overnight.")) == \
        {("deployed", 200)}


def test_a_figure_of_another_verbs_clause_takes_no_near_metric(claims_of: Run) -> None:
    assert claims_of("Among the defectors was a colonel who commanded 300 men.") == []
    got = _keys(claims_of("The jail was thought to hold around 2,000 inmates at the time."))
    assert got == {("detained", 2000)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen snatched 14 passengers from a bus on the highway.", {("abducted", 14)}),
    ("The militants are still holding 40 aid workers, officials said.", {("abducted", 40)}),
    ("Pirates are holding 18 crew members for ransom.", {("abducted", 18)}),
    ("The town is held by about 40 gunmen, residents said.", {("deployed", 40)}),
])
def test_people_held_by_captors(claims_of: Run, text: str,
                                expected: set[tuple[str, int]]) -> None:
    assert _keys(claims_of(text)) == expected


def test_places_and_holding_verbs_are_trigger_words() -> None:
    from tollwatch.extract.lexicon import load_lexicon
    words = load_lexicon().trigger_words()
    assert {"prison", "shelter", "hospital", "hold", "fate"} <= words


@pytest.mark.parametrize(("text", "expected"), [
    ("About 1,500 soldiers remain in enemy captivity, the ministry said.",
     {("captured", 1500)}),
    ("About 30 women are still in the captivity of the gang.", {("abducted", 30)}),
])
def test_people_in_captivity_by_who_is_held(claims_of: Run, text: str,
                                            expected: set[tuple[str, int]]) -> None:
    assert _keys(claims_of(text)) == expected
