"""Sources: two bodies of one family ("UN") stay two, a "London-based group" is the group
named before, a body whose name looks like a person's is a body, a speaker's own teams are
the speaker; and counts in lakh and crore. Hand-written sentences only (none from evaluation
data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.numbers import find_numbers
from tollwatch.extract.source_dates import same_body
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

from .claim_lookup import get_claim, source_names

Run = Callable[..., list[Claim]]


def test_two_un_bodies_are_two_sources(claims_of: Run) -> None:
    text = ("The UN children's agency said on Monday that 3,000 children had fled. "
            "Separately, the UN Mission in Lorana (UNMIL) said two of its peacekeepers were "
            "injured.")
    claims = claims_of(text, "2031-05-14")
    hurt = get_claim(claims, "injured", 2)
    assert "unmil" in source_names(hurt) and "children" not in source_names(hurt)
    assert hurt.date is None  # the children's agency's Monday is not the mission's
    assert get_claim(claims, "displaced", 3000).date == "2031-05-12"


def test_a_bare_un_tag_is_still_the_un_body_of_the_body() -> None:
    un = Source(names=["UN"], person=False)
    office = Source(names=["the UN relief office", "UN relief office", "UN"], person=False)
    mission = Source(names=["the UN Mission in Lorana", "UNMIL", "UN"], person=False)
    assert same_body(un, office)
    assert not same_body(office, mission)


@pytest.mark.parametrize("described", ["the London-based monitor", "the Geneva-based group",
                                       "the New York-based group"])
def test_a_based_description_is_the_body_named_before(claims_of: Run, described: str) -> None:
    text = ("At least 41 people were killed in the enclave, the Coast Rights Monitor said on "
            f"Tuesday. Another 24 were wounded, {described} said.")
    c = get_claim(claims_of(text, "2031-05-14"), "injured", 24)
    assert "coast rights monitor" in source_names(c)
    assert c.date == "2031-05-13"


def test_a_collective_with_a_name_like_a_person_s_is_a_body(claims_of: Run) -> None:
    text = ("The Desert Mothers collective said on Monday it had found 56 bodies. Among them "
            "were at least eight women, the group said.")
    c = get_claim(claims_of(text, "2031-05-14"), "killed", 8)
    assert "desert mothers" in source_names(c) and c.date == "2031-05-12"


@pytest.mark.parametrize(("sentence", "origin", "relay"), [
    ("The Health Office said its teams had recorded 412 deaths.", "health office", None),
    ("The rebels said their monitors counted 50 bodies.", "rebels", None),
    ("The ministry said hospital staff had recorded 412 deaths.", "hospital staff",
     "ministry"),
])
def test_a_speaker_s_own_teams_are_the_speaker(claims_of: Run, sentence: str, origin: str,
                                               relay: str | None) -> None:
    c = claims_of(sentence)[0]
    assert origin in " ".join(c.origin).lower()
    if relay is None:
        assert c.speaker == []
    else:
        assert relay in " ".join(c.speaker).lower()


@pytest.mark.parametrize(("text", "value"), [
    ("two lakh", 200_000), ("1.5 lakh", 150_000), ("3 lakhs", 300_000),
    ("one crore", 10_000_000), ("five lakh and twenty thousand", 520_000),
])
def test_lakh_and_crore(text: str, value: int) -> None:
    assert [m.value for m in find_numbers(f"about {text} people")] == [value]


def test_a_lakh_count_is_a_claim(claims_of: Run) -> None:
    c = get_claim(claims_of("About two lakh people have fled their homes, officials said."),
                  "displaced", 200_000)
    assert c.qualifier == "approx"


def test_troops_massed_are_deployed(claims_of: Run) -> None:
    get_claim(claims_of("The army said 40 militants had been massed near the border."),
              "deployed", 40)


def test_a_body_noun_before_a_name_makes_a_body(claims_of: Run) -> None:
    text = ("The search collective Madres de Arena said on Monday it had found 56 bodies. "
            "Among them were at least eight women, the group said.")
    c = get_claim(claims_of(text, "2031-05-14"), "killed", 8)
    assert "madres de arena" in source_names(c) and c.date == "2031-05-12"


def test_a_person_s_title_with_a_body_noun_stays_a_person(claims_of: Run) -> None:
    claims = claims_of("The group leader Jon Amberly said 5 people died. He said 3 more "
                       "were hurt.")
    assert "jon amberly" in source_names(get_claim(claims, "injured", 3))


@pytest.mark.parametrize(("text", "metric", "value"), [
    ("At least 650 Rohingya died at sea last year, the agency said.", "killed", 650),
    ("Among the civilian dead were six children and two paramedics.", "killed", 2),
    (("Gunmen kidnapped 40 women last week. Twelve of the women managed to escape, a "
     "resident said."), "abducted", 12),
])
def test_more_people_and_captivity_words(claims_of: Run, text: str, metric: str,
                                         value: int) -> None:
    get_claim(claims_of(text), metric, value)


def test_a_title_after_a_role_names_a_person(claims_of: Run) -> None:
    text = ("Police said 10 people died. Army spokesman Colonel Ana Ruiz said 14 soldiers "
            "were killed. The spokesman added that 20 were wounded.")
    c = get_claim(claims_of(text), "injured", 20)
    assert "ana ruiz" in source_names(c)


@pytest.mark.parametrize(("text", "metric"), [
    (("The agency said 3,000 people fled on Monday. A spokeswoman, Lina Berg, said 40 "
     "children were among them."), "displaced"),
    ("Police said 30 people were killed. Nine women were among them.", "killed"),
])
def test_figures_among_them_are_parts_of_the_group_before(claims_of: Run, text: str,
                                                          metric: str) -> None:
    assert {c.metric for c in claims_of(text)} == {metric}
