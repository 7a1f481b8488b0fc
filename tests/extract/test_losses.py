"""Losses, victims, force composition and the other count-detection rules of issue 15
(sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.losses import mentions_losses
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _keys(claims: list[Claim]) -> set[tuple[str, int | None]]:
    return {(c.metric, c.value) for c in claims}


def test_soldiers_lost_in_a_clash_are_dead(claims_of: Run) -> None:
    got = _keys(claims_of("The garrison lost 14 soldiers in the night raid on Varno."))
    assert got == {("killed", 14)}


def test_soldiers_lost_in_a_report_of_losses_are_casualties(claims_of: Run) -> None:
    text = ("The ministry published the enemy's losses for the week. It said the northern "
            "army lost 640 servicemen near Tolvik.")
    assert ("casualties", 640) in _keys(claims_of(text))


def test_the_one_who_loses_is_not_counted(claims_of: Run) -> None:
    got = _keys(claims_of("One farmer lost his wife and three daughters in the shelling."))
    assert ("killed", 3) in got
    assert ("killed", 1) not in got


def test_a_denied_loss_is_not_counted(claims_of: Run) -> None:
    got = _keys(claims_of("“Not one family in the valley did not lose at least one son,” "
                          "the elder said."))
    assert ("killed", 1) not in got


def test_mentions_losses_is_a_word_match() -> None:
    lex = load_lexicon()
    assert mentions_losses("Enemy losses were heavy.", lex)
    assert not mentions_losses("The glossesses of the text.", lex)


def test_victims_with_no_metric_are_the_dead(claims_of: Run) -> None:
    got = _keys(claims_of("The 21 victims of the market bombing included 15 Chileans "
                          "and six foreign nationals."))
    assert {("killed", 21), ("killed", 15), ("killed", 6)} <= got


def test_victims_identified(claims_of: Run) -> None:
    assert ("killed", 17) in _keys(claims_of(
        "Officials said 17 of the victims had been identified by Friday."))


def test_a_force_composed_of_fighters_is_deployed(claims_of: Run) -> None:
    got = _keys(claims_of("The cell was composed of 27 militants of six nationalities, "
                          "including nine Chileans and four Norwegians."))
    assert {("deployed", 27), ("deployed", 9), ("deployed", 4)} <= got


def test_a_unit_made_up_of_gunmen(claims_of: Run) -> None:
    assert ("deployed", 45) in _keys(claims_of(
        "The column was made up of 45 gunmen on motorcycles, witnesses said."))


def test_a_partitive_clause_does_not_give_the_whole_its_metric(claims_of: Run) -> None:
    got = _keys(claims_of("The number of casualties in the strike reached 88 people, of "
                          "whom 19 people died, the health office said."))
    assert {("casualties", 88), ("killed", 19)} <= got
    assert ("killed", 88) not in got


def test_a_contrasting_clause_keeps_its_verb(claims_of: Run) -> None:
    got = _keys(claims_of("About 300 pupils remain in the border town, while all the "
                          "infants have been evacuated from the nearby villages."))
    assert ("displaced", 300) not in got


def test_listed_among_the_dead(claims_of: Run) -> None:
    got = _keys(claims_of("At least 6 foreign aid workers and 40 Ruritanians were counted "
                          "among the 70 killed in the blast."))
    assert {("killed", 6), ("killed", 40), ("killed", 70)} <= got


def test_a_hyphenated_noun_is_counted_by_its_last_part(claims_of: Run) -> None:
    got = _keys(claims_of("A district chief, four sub-inspectors and a driver were among "
                          "the dead."))
    assert ("killed", 4) in got


def test_two_numbers_with_their_own_adjectives_share_the_noun(claims_of: Run) -> None:
    got = _keys(claims_of("The clash left at least 11 Ruritanian and 17 Danish soldiers "
                          "dead."))
    assert {("killed", 11), ("killed", 17)} <= got


def test_a_headline_plural_metric_noun(claims_of: Run) -> None:
    got = _keys(claims_of("9 Danish Soldiers Killed: Officials; 31 Ruritanian Casualties"))
    assert ("casualties", 31) in got and ("killed", 9) in got
    assert ("killed", 31) not in got


@pytest.mark.parametrize("text", [
    "The ministry said two girls aged seven and 12 had been returned to their families.",
    "Three boys, aged 9, 11 and 14, were evacuated with their mother.",
])
def test_later_ages_of_a_list_are_not_counts(claims_of: Run, text: str) -> None:
    values = {c.value for c in claims_of(text)}
    assert not values & {7, 12, 9, 11, 14}


def test_soldiers_held_in_a_kidnapping_are_abducted(claims_of: Run) -> None:
    got = _keys(claims_of("The kidnapping came weeks after 23 soldiers were held captive "
                          "for three days by a rebel faction."))
    assert ("abducted", 23) in got


def test_soldiers_held_captive_in_a_battle_are_captured(claims_of: Run) -> None:
    got = _keys(claims_of("After the battle, 23 soldiers were held captive by the rebels."))
    assert ("captured", 23) in got


def test_a_verb_coordinated_with_a_relative_clause(claims_of: Run) -> None:
    got = _keys(claims_of("“One brave soldier, who had fought for hours, embraced "
                          "martyrdom,” the army said."))
    assert ("killed", 1) in got


def test_a_clause_opened_by_as_keeps_its_own_metric(claims_of: Run) -> None:
    got = _keys(claims_of("Prosecutors name four suspects, as death toll rises to 52"))
    assert ("killed", 52) in got
    assert ("killed", 4) not in got


def test_sacrificed_soldiers_are_dead(claims_of: Run) -> None:
    assert ("killed", 6) in _keys(claims_of(
        "Six soldiers who were sacrificed in the border clash were honoured on Monday."))


def test_the_parts_a_group_included_share_its_metric(claims_of: Run) -> None:
    got = _keys(claims_of("All nine guards killed were posted at the gate and included the "
                          "sergeant who led them, three cadets, and a driver, officials said."))
    assert {("killed", 9), ("killed", 3)} <= got
    assert ("deployed", 3) not in got


def test_children_among_victims_of_dead_and_injured_are_casualties(claims_of: Run) -> None:
    got = _keys(claims_of("Officials confirm at least 14 fatalities and 40 injuries, with "
                          "seven children among the victims."))
    assert {("killed", 14), ("injured", 40), ("casualties", 7)} <= got


def test_what_a_vehicle_can_carry_is_no_deployment(claims_of: Run) -> None:
    assert claims_of("The truck can carry a squad of 12 troops in its rear bay.") == []


def test_a_list_in_apposition_before_the_verb(claims_of: Run) -> None:
    got = _keys(claims_of("Tomas, his wife, three nephews, a son-in-law, and a 9-year-old "
                          "grandson were all shot and killed by gunmen, neighbours said."))
    assert ("killed", 3) in got


def test_a_hyphenated_modifier_before_the_noun(claims_of: Run) -> None:
    assert ("killed", 4) in _keys(claims_of(
        "Four bullet-riddled bodies were found beside the road on Sunday."))


def test_both_figures_of_a_tally_from_and_to(claims_of: Run) -> None:
    got = _keys(claims_of("The prosecutor reported a rise in homicides this year, from 180 "
                          "in the same months last year to 244."))
    assert {("killed", 180), ("killed", 244)} <= got


@pytest.mark.parametrize(("text", "expected"), [
    (("Among the victims are a union organiser and five former rebel fighters who had "
      "laid down their arms."), ("killed", 5)),
    ("Of the victims, 12 were children.", ("killed", 12)),
])
def test_a_sentence_opening_on_its_victims(claims_of: Run, text: str,
                                           expected: tuple[str, int]) -> None:
    assert expected in _keys(claims_of(text))


def test_a_headline_verb_parsed_as_a_noun(claims_of: Run) -> None:
    got = _keys(claims_of("Ruritania: rebel raids on border villages and refugee camp kill "
                          "at least 17"))
    assert ("killed", 17) in got and ("displaced", 17) not in got


def test_one_named_person(claims_of: Run) -> None:
    got = _keys(claims_of("According to him, they killed one Musa Bello at the market, "
                          "seven at the well and two at the farm."))
    assert {("killed", 1), ("killed", 7), ("killed", 2)} <= got


def test_one_of_a_named_person_s_group_is_not_counted(claims_of: Run) -> None:
    got = _keys(claims_of("Officials say 23 civilians were killed in a strike on the home "
                          "of one of Maria Lopez's advisers."))
    assert got == {("killed", 23)}


def test_saved_from_captors_in_a_text_about_hostages(claims_of: Run) -> None:
    text = ("The hijackers held the train for two days. Troops said they saved 86 passengers "
            "from the attackers.")
    assert ("abducted", 86) in _keys(claims_of(text))


def test_lives_saved_are_no_claim(claims_of: Run) -> None:
    assert claims_of("The clinic said it had saved 40 lives this winter.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("“We think the rebels were 70 in number,” the commander said.", ("deployed", 70)),
    ("The attackers were some 250 strong, witnesses said.", ("deployed", 250)),
])
def test_the_size_of_an_armed_group(claims_of: Run, text: str,
                                    expected: tuple[str, int]) -> None:
    assert expected in _keys(claims_of(text))


def test_the_size_of_a_crowd_is_no_force(claims_of: Run) -> None:
    assert ("deployed", 500) not in _keys(claims_of("The mourners were 500 in number."))


def test_a_relative_clause_with_its_own_count_keeps_it(claims_of: Run) -> None:
    got = _keys(claims_of("The gang kidnapped 12 pupils, two teachers and one nurse who is "
                          "also a guard and killed three of the watchmen."))
    assert ("abducted", 1) in got and ("killed", 3) in got
    assert ("killed", 1) not in got


def test_a_misread_list_does_not_give_the_next_noun_s_metric(claims_of: Run) -> None:
    got = _keys(claims_of("The office said that in the capital, where the number of injured "
                          "reached 212, 48 deaths and 9 people missing were recorded."))
    assert ("injured", 212) in got and ("killed", 212) not in got


def test_released_soldiers_are_no_deployment(claims_of: Run) -> None:
    assert claims_of("The militia recently released 410 child soldiers under a deal.") == []


@pytest.mark.parametrize("text", [
    "The northern army lost 400 troops in the fighting, the monitor said.",
    "The republic has lost 12,000 soldiers since the invasion began.",
    "Its forces lost about 90 servicemen over the past week.",
    "The coalition has lost 2,300 troops since the start of the war.",
])
def test_a_loss_over_a_stretch_of_war_is_casualties(claims_of: Run, text: str) -> None:
    assert {c.metric for c in claims_of(text)} == {"casualties"}


@pytest.mark.parametrize("text", [
    "The garrison lost 14 soldiers in the ambush on Sunday.",
    "We lost six troops in the battle which lasted an hour, an officer said.",
    "The army said it had lost nine soldiers.",
])
def test_a_loss_in_one_event_is_the_dead(claims_of: Run, text: str) -> None:
    assert {c.metric for c in claims_of(text)} == {"killed"}
