"""Figures of a running story that were missed or mis-measured: ranks and natives as people,
proportions, parts in an absolute clause, tallies that refer back, lists of names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tollwatch.extract.numbers import find_numbers
from tollwatch.extract.proportions import proportion_numbers
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _got(claims: list[Claim]) -> dict[tuple[str, int | None], Claim]:
    return {(c.metric, c.value): c for c in claims}


def test_ranks_are_people(claims_of: Run) -> None:
    got = _got(claims_of("Rebels say they killed 2,000 government soldiers, including four "
                         "colonels."))
    assert set(got) == {("killed", 2000), ("killed", 4)}
    assert got[("killed", 4)].civilian is False


def test_generals_listed_among_the_dead(claims_of: Run) -> None:
    got = _got(claims_of("Of the total deaths, 900 were officers, including nine generals "
                         "and 300 people with the rank of major and above."))
    assert {("killed", 900), ("killed", 9), ("killed", 300)} <= set(got)


def test_natives_of_a_place_are_people(claims_of: Run) -> None:
    got = _got(claims_of("At least 812 natives of the province were killed in the fighting."))
    assert set(got) == {("killed", 812)}
    assert got[("killed", 812)].qualifier == "min"


def test_proportion_is_no_count(claims_of: Run) -> None:
    assert claims_of("Seven out of ten of those killed were volunteers.") == []
    assert claims_of("Nine out of 10 victims were civilians, the ministry said.") == []


def test_two_counts_joined_by_out_of_stay(claims_of: Run) -> None:
    got = _got(claims_of("Rescuers said 12 out of 15 passengers were killed."))
    assert ("killed", 12) in got


def test_proportion_numbers_unit() -> None:
    text = "One in every five recruits deserted; 3 out of 7 of the men stayed; 4 out of 9 left."
    nums = find_numbers(text)
    shares = proportion_numbers(text, nums)
    values = sorted(nums[k].value or 0 for k in shares)
    assert values == [1, 3, 5, 7]


def test_part_in_absolute_clause_shares_the_metric(claims_of: Run) -> None:
    got = _got(claims_of("Since the war began, over 1,400 officers, with 210 holding the rank "
                         "of major or higher, have been killed in combat in the east."))
    assert set(got) == {("killed", 1400), ("killed", 210)}
    assert got[("killed", 1400)].qualifier == "min"


def test_part_holding_ranks(claims_of: Run) -> None:
    got = _got(claims_of("More than 1,200 police officers, with 80 holding senior ranks, have "
                         "been killed since the uprising began."))
    assert set(got) == {("killed", 1200), ("killed", 80)}


def test_absolute_part_with_its_own_metric_keeps_it(claims_of: Run) -> None:
    got = _got(claims_of("The blast killed 30 people, with 50 others wounded, officials said."))
    assert set(got) == {("killed", 30), ("injured", 50)}


def test_true_figure_refers_back(claims_of: Run) -> None:
    got = _got(claims_of("Researchers confirmed the deaths of 4,100 Chilean soldiers. Their "
                         "sources are incomplete. They believe the true figure likely exceeds "
                         "6,000."))
    assert ("killed", 6000) in got
    assert got[("killed", 6000)].qualifier == "min"
    assert got[("killed", 6000)].actor == got[("killed", 4100)].actor == "Chile"


def test_real_number_at_about(claims_of: Run) -> None:
    got = _got(claims_of("Police arrested 40 protesters on Friday. The real number is higher, "
                         "at about 90, activists said."))
    assert ("detained", 90) in got
    assert got[("detained", 90)].qualifier == "approx"


def test_tally_of_things_does_not_refer_back(claims_of: Run) -> None:
    got = _got(claims_of("Police arrested 40 protesters on Friday. The number of schools "
                         "closed rose to 30."))
    assert set(got) == {("detained", 40)}


def test_tally_of_its_own_series_keeps_no_side(claims_of: Run) -> None:
    got = _got(claims_of("Soldiers of Mali said 20 of their comrades were killed. The national "
                         "total passed 900."))
    assert got.get(("killed", 900)) is None or got[("killed", 900)].actor is None


def test_names_on_a_list_of_casualties_are_dead(claims_of: Run) -> None:
    got = _got(claims_of("Since the last update, the names of 640 Chilean soldiers have been "
                         "added to the list of casualties."))
    assert set(got) == {("killed", 640)}
    assert got[("killed", 640)].actor == "Chile"


def test_register_of_casualties_counts_the_dead(claims_of: Run) -> None:
    got = _got(claims_of("About 300 soldiers were added to the register of casualties this "
                         "week."))
    assert set(got) == {("killed", 300)}


def test_casualties_without_a_list_stay(claims_of: Run) -> None:
    got = _got(claims_of("Officials said casualties had reached 2,000 in the region."))
    assert set(got) == {("casualties", 2000)}


def test_clause_after_with_unit(extractor: Any) -> None:
    from tollwatch.extract.absolutes import clause_after_with
    doc = extractor.nlp("Some 900 troops, with at least 40 of them wounded, were evacuated.")
    n = next(t for t in doc if t.text == "40")
    clause = clause_after_with(doc, doc[n.i:n.i + 1])
    assert clause is not None
    first, end = clause
    assert doc[first].lower_ == "with" and doc[end].text == ","
    m = next(t for t in doc if t.text == "900")
    assert clause_after_with(doc, doc[m.i:m.i + 1]) is None


def test_true_figure_as_object_of_estimate(claims_of: Run) -> None:
    got = _got(claims_of("Monitors confirmed the names of 4,100 Chilean soldiers who had been "
                         "killed. The actual figures are likely higher. The journalists "
                         "estimated the true figure likely surpasses 9,000."))
    assert ("killed", 9000) in got
    assert got[("killed", 9000)].actor == "Chile"


def test_force_of_a_size_is_deployed(claims_of: Run) -> None:
    got = _got(claims_of("Losses of 90,000 would amount to half of the country's pre-war "
                         "military force of 180,000."))
    assert ("deployed", 180000) in got


def test_force_of_with_its_own_noun_unchanged(claims_of: Run) -> None:
    got = _got(claims_of("The rebels had a force of 3,000 fighters near the city."))
    assert set(got) == {("deployed", 3000)}


def test_toll_of_is_no_force(claims_of: Run) -> None:
    got = _got(claims_of("The death toll of 300 was confirmed by the ministry."))
    assert set(got) == {("killed", 300)}


def test_one_side_named_up_front(claims_of: Run) -> None:
    got = _got(claims_of("Monitors have identified 9,000 Chilean soldiers who died in the war. "
                         "The region with the most dead is the north, with at least 900 natives "
                         "of the region killed. 700 of the total deaths were officers, "
                         "including four generals."))
    assert {k: c.actor for k, c in got.items()} == {
        ("killed", 9000): "Chile", ("killed", 900): "Chile", ("killed", 700): "Chile",
        ("killed", 4): "Chile"}


def test_one_side_not_given_to_generic_people(claims_of: Run) -> None:
    got = _got(claims_of("Five Israeli soldiers were killed on Monday. Separately, 30 people "
                         "were killed in the south."))
    assert got[("killed", 5)].actor == "Israel"
    assert got[("killed", 30)].actor is None


def test_one_side_not_given_when_two_sides(claims_of: Run) -> None:
    got = _got(claims_of("Ten Chilean soldiers and four Peruvian soldiers were killed. Another "
                         "20 recruits were wounded in the clashes."))
    assert got[("injured", 20)].actor is None


def test_one_side_not_given_to_civilians(claims_of: Run) -> None:
    got = _got(claims_of("Five Israeli soldiers were killed on Monday. Separately, 30 civilians "
                         "were killed in a strike."))
    assert got[("killed", 30)].actor is None


def test_one_side_unit() -> None:
    from tollwatch.extract.one_side import one_side_of_losses
    first = Claim(metric="killed", value=40, actor="Chile", civilian=False)
    later = Claim(metric="injured", value=12, subject="recruits")
    assert one_side_of_losses([first], later, "12 recruits were hurt.") == "Chile"
    assert one_side_of_losses([first], later, "12 Peruvian recruits were hurt.") is None
    moved = Claim(metric="displaced", value=12, subject="recruits")
    assert one_side_of_losses([first], moved, "12 recruits fled.") is None
    assert one_side_of_losses([], later, "12 recruits were hurt.") is None


def test_one_side_not_given_to_a_bare_total(claims_of: Run) -> None:
    got = _got(claims_of("Nine Chilean soldiers were killed in the ambush. The national death "
                         "toll passes 5,000, the ministry says."))
    assert got[("killed", 5000)].actor is None


def test_one_side_not_given_to_the_enemy(claims_of: Run) -> None:
    got = _got(claims_of("Three Chilean soldiers were killed in the ambush. Troops later "
                         "killed 12 militants near the village."))
    assert got[("killed", 12)].actor is None


def test_one_side_given_along_a_list_of_one_sentence(claims_of: Run) -> None:
    got = _got(claims_of("Monitors have identified 9,000 Chilean soldiers who died in the war. "
                         "700 of the total deaths were officers, including four generals and "
                         "90 people with the rank of colonel."))
    assert got[("killed", 90)].actor == "Chile"


def test_two_numbers_share_the_noun_with_their_own_sides(claims_of: Run) -> None:
    got = _got(claims_of("The general estimated that around 100,000 Chilean and 90,000 "
                         "Peruvian soldiers have been killed or wounded."))
    assert got[("casualties", 100000)].actor == "Chile"
    assert got[("casualties", 90000)].actor == "Peru"
    assert got[("casualties", 100000)].subject == "Chilean soldiers"
    assert got[("casualties", 100000)].civilian is False


def test_possessive_before_a_number_still_names_the_side(claims_of: Run) -> None:
    got = _got(claims_of("The army said Ukraine's 300 soldiers were captured."))
    assert got[("captured", 300)].actor == "Ukraine"
