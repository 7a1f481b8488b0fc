"""What a clause says became of the people counted, over what their noun says they were:
troops a country keeps in a place (deployed), the missing taken hostage, conscripts killed,
people taken prisoner or freed after a kidnapping; also group names shaped like weapon models
and unknown nouns listed with people (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value, figures

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize(("text", "value", "metric"), [
    # a country keeps its own forces in a place: stationed there
    ("Norway keeps about 700 soldiers in the region.", 700, "deployed"),
    ("Ghana has kept some 1,100 soldiers and police officers in the province since 2020.",
     1100, "deployed"),
    ("Chad keeps roughly 2,000 troops in Niamey.", 2000, "deployed"),
    # people of another side so held, or held by authorities, stay held
    ("Serbia is holding 300 Kosovar soldiers in camps near Nis, Pristina said.", 300,
     "captured"),
    ("The authorities are holding 45 soldiers in the capital after the mutiny.", 45,
     "detained"),
    ("The militia is holding 25 soldiers in the hills.", 25, "captured"),
])
def test_forces_a_country_keeps_in_a_place(claims_of: Run, text: str, value: int,
                                           metric: str) -> None:
    assert by_value(claims_of(text))[value].metric == metric


def test_maintaining_troops_is_no_statement(claims_of: Run) -> None:
    got = by_value(claims_of("Portugal maintains 1,800 soldiers in the northern region."))
    assert got[1800].metric == "deployed"
    assert got[1800].origin == []


def test_maintaining_that_is_still_a_statement(claims_of: Run) -> None:
    got = by_value(claims_of("The navy maintains that 14 sailors were killed."))
    assert got[14].metric == "killed"
    assert "navy" in " ".join(got[14].origin).lower()


@pytest.mark.parametrize(("text", "value", "metric"), [
    # the missing, of unknown fate, take the verb that tells it
    (("The operator said 9 of the missing fishermen were thought to have been seized by the "
      "pirates and were being held hostage."), 9, "abducted"),
    ("Four of the missing hikers were detained by border guards, the family said.", 4,
     "detained"),
    ("Six of the missing miners were found dead.", 6, "killed"),
    # other groups keep what they were
    ("Three of the abducted nurses were released on Friday.", 3, "abducted"),
    ("Eleven of the missing soldiers were later found in a field hospital.", 11, "missing"),
])
def test_what_became_of_a_part_of_the_missing(claims_of: Run, text: str, value: int,
                                               metric: str) -> None:
    assert by_value(claims_of(text))[value].metric == metric


@pytest.mark.parametrize(("text", "value", "metric"), [
    ("About 260 conscripts were killed in the offensive.", 260, "killed"),
    ("Nearly 450 conscripts have deserted since March.", 450, "defected"),
    ("The ministry said 3,500 conscripts would be sent to the front.", 3500, "deployed"),
    ("The army called up 8,000 reservists.", 8000, "deployed"),
])
def test_a_noun_of_a_deployment_verb_yields_to_the_clause(claims_of: Run, text: str,
                                                          value: int, metric: str) -> None:
    assert by_value(claims_of(text))[value].metric == metric


@pytest.mark.parametrize(("text", "value", "metric", "subject"), [
    (("A commander said none of its men had died and that its fighters had taken six "
      "gendarmes prisoner."), 6, "captured", "gendarmes"),
    ("The gunmen took 14 traders hostage on the highway.", 14, "abducted", "traders"),
])
def test_people_taken_prisoner_or_hostage(claims_of: Run, text: str, value: int, metric: str,
                                          subject: str) -> None:
    got = by_value(claims_of(text))
    assert got[value].metric == metric
    assert got[value].subject == subject


def test_the_died_clause_before_a_taking_keeps_no_figure(claims_of: Run) -> None:
    got = claims_of("A commander said none of its men had died and that its fighters had "
                    "taken six gendarmes prisoner.")
    assert figures(got) == [("captured", 6)]


def test_people_freed_after_a_kidnapping_were_abducted(claims_of: Run) -> None:
    kidnapped = by_value(claims_of("The guerrillas said they would free three soldiers they "
                                   "kidnapped in June."))
    captured = by_value(claims_of("The guerrillas said they would free three soldiers "
                                  "captured in June."))
    assert kidnapped[3].metric == "abducted"
    assert captured[3].metric == "captured"


def test_a_group_name_shaped_like_a_model_is_a_group(claims_of: Run) -> None:
    got = by_value(claims_of("Troops killed 27 M23 fighters near Rutshuru, the army said."))
    assert got[27].metric == "killed"
    assert got[27].subject == "M23 fighters"


def test_a_weapon_model_still_counts_no_people(claims_of: Run) -> None:
    assert claims_of("The air force sent eight F-16 fighters to the border.") == []


@pytest.mark.parametrize(("text", "value", "subject"), [
    ("A raid near Kidal killed 9 soldiers and three army auxiliaries.", 3, "army auxiliaries"),
    (("The foundation said 88 community leaders and 19 signatories of the accord were killed "
      "last year."), 19, "signatories"),
])
def test_unknown_nouns_listed_with_people_are_people(claims_of: Run, text: str, value: int,
                                                     subject: str) -> None:
    got = by_value(claims_of(text))
    assert got[value].metric == "killed"
    assert got[value].subject == subject


def test_things_listed_after_people_stay_things(claims_of: Run) -> None:
    got = claims_of("The rebels killed 8 soldiers and seized four territories.")
    assert figures(got) == [("killed", 8)]


def test_troops_kept_with_a_place_on_a_later_conjunct(claims_of: Run) -> None:
    got = by_value(claims_of("Kenya keeps more than 9,000 troops and border police in the "
                             "region, which it has patrolled since 2011."))
    assert got[9000].metric == "deployed"


@pytest.mark.parametrize(("text", "value", "metric"), [
    ("About 6,000 political prisoners remain behind bars across the country.", 6000,
     "detained"),
    ("Some 210 held after Harar protests over a death in custody", 210, "detained"),
    ("The minister said 7,000 recruits had reported for training.", 7000, "deployed"),
    ("The ministry denied that 40 soldiers had deserted their posts.", 40, "defected"),
])
def test_phrases_of_custody_and_service(claims_of: Run, text: str, value: int,
                                        metric: str) -> None:
    assert by_value(claims_of(text))[value].metric == metric


def test_prisoners_of_war_stay_captured(claims_of: Run) -> None:
    assert by_value(claims_of("The army said 40 prisoners of war were exchanged."))[40].metric \
        == "captured"


@pytest.mark.parametrize("text", [
    "The agency said 19 of the dead were children aged between six and 13.",
    "The agency said 19 of the dead were children aged from six to 13.",
    "The agency said 19 of the dead were between the ages of six and 13.",
])
def test_ages_of_a_range_are_no_counts(claims_of: Run, text: str) -> None:
    assert figures(claims_of(text)) == [("killed", 19)]


def test_a_verb_acting_on_a_thing_moves_no_one(claims_of: Run) -> None:
    got = by_value(claims_of("It posted pictures of at least four men in uniform it said had "
                             "been captured."))
    assert got[4].metric == "captured"


def test_a_verb_acting_on_people_still_counts(claims_of: Run) -> None:
    assert by_value(claims_of("The ministry sent 1,500 troops to the region."))[1500].metric \
        == "deployed"


def test_an_earlier_figure_after_a_hedge_keeps_the_metric(claims_of: Run) -> None:
    got = by_value(claims_of("The mission has deployed 11,000 troops, down from nearly "
                             "19,000 at its peak."))
    assert got[19000].metric == "deployed"
