"""What became of the people counted: held (and by whom), fled, trapped, returned; the
population a part belongs to; lists of places' shares; nouns of people (sentences written
for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value, figures

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def test_a_status_noun_of_another_figure_is_no_trigger(claims_of: Run) -> None:
    """"hostages" counts the 21; the four soldiers, like them, died."""
    got = by_value(claims_of("Twenty-one hostages and four soldiers died during the siege."))
    assert got[21].metric == got[4].metric == "killed"


@pytest.mark.parametrize(("text", "metric"), [
    ("Officials said 24 of the suspects were being held by the intelligence directorate.",
     "detained"),
    ("The ministry said 3,100 migrants were held in official detention centres.",
     "detained"),
    ("The gang said 12 hostages were being held in the forest.", "abducted"),
])
def test_people_being_held(claims_of: Run, text: str, metric: str) -> None:
    assert [c.metric for c in claims_of(text)] == [metric]


@pytest.mark.parametrize("text", [
    "Among the dead are seven peace-deal signatories, the office said.",
    "The blast killed seven bystanders.",
])
def test_more_nouns_of_people(claims_of: Run, text: str) -> None:
    assert figures(claims_of(text)) == [("killed", 7)]


def test_armed_people_who_flee_are_not_displaced(claims_of: Run) -> None:
    got = claims_of("Two other gunmen fled towards the border, he said.")
    assert all(c.metric != "displaced" for c in got)
    assert figures(claims_of("About 5,000 villagers fled the fighting.")) == \
        [("displaced", 5000)]


@pytest.mark.parametrize(("text", "kept"), [
    ("Nearly 1,200 of the village's 3,000 residents had fled since the autumn.", [1200]),
    ("Three of the 12 passengers died.", [3]),
    ("Forty of the 120 killed were children.", [40, 120]),
    ("Twelve of the 40 hostages were freed.", [12, 40]),
])
def test_the_population_a_part_is_of_is_no_claim(claims_of: Run, text: str,
                                                 kept: list[int]) -> None:
    assert [c.value for c in claims_of(text)] == kept


def test_shot_in_a_limb_is_injured(claims_of: Run) -> None:
    assert figures(claims_of("One of his officers was shot in the arm, he added.")) == \
        [("injured", 1)]


@pytest.mark.parametrize(("text", "metric"), [
    ("The group said its fighters had killed more than 50 apostates.", "killed"),
    ("The militia said it had killed 30 invaders.", "killed"),
])
def test_people_as_armed_groups_call_them(claims_of: Run, text: str, metric: str) -> None:
    assert [c.metric for c in claims_of(text)] == [metric]


@pytest.mark.parametrize(("text", "values"), [
    (("Saada was the worst affected, with 2,310 civilians killed, followed by Sanaa with 1,540, "
     "Hodeidah with 1,105 and Taiz with 870."), [2310, 1540, 1105, 870]),
    (("By the tally, 3,940 of the missing disappeared in the capital, 1,210 in Lagos de Moreno "
     "and 860 in Puerto Vallarta."), [3940, 1210, 860]),
    (("Zamfara was the worst hit, with 1,044 people kidnapped, followed by Kaduna with 897 and "
     "Niger state with 512."), [1044, 897, 512]),
])
def test_a_list_of_places_shares(claims_of: Run, text: str, values: list[int]) -> None:
    got = claims_of(text)
    assert [c.value for c in got] == values
    assert len({c.metric for c in got}) == 1


def test_among_the_identified_victims(claims_of: Run) -> None:
    text = ("The monitor said 40 people were killed.\n"
            "Among the identified victims were 21 women and 11 children, it said.")
    assert figures(claims_of(text)) == [("killed", 40), ("killed", 21), ("killed", 11)]


@pytest.mark.parametrize(("text", "metric"), [
    ("Tajik forces were still holding two Afghan citizens.", "detained"),
    ("Police are holding 14 protesters in the capital.", "detained"),
    ("Troops are holding 20 militants captured in the raid.", "captured"),
])
def test_forces_of_a_state_holding_people(claims_of: Run, text: str, metric: str) -> None:
    assert [c.metric for c in claims_of(text)] == [metric]


def test_coming_home_is_a_return_only_in_a_text_about_captivity(claims_of: Run) -> None:
    swap = ("The two sides exchanged prisoners on Thursday. The defence ministry said 120 of "
            "its servicemen had come home.")
    assert by_value(claims_of(swap))[120].metric == "captured"
    leave = "About 300 soldiers came home on leave from the front, officials said."
    assert all(c.metric not in ("captured", "abducted") for c in claims_of(leave))
