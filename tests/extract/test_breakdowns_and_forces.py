"""A breakdown of a tally ("Its figures break down as follows: ...") takes the metric of the
figure its parts add up to; armed groups that "number" a figure are deployed; equipment with
a hyphenated name is no count; "forces 38,000 from homes" is displacement. Hand-written
sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.numbers import NumberMention
from tollwatch.extract.tally_parts import whole_metric
from tollwatch.model import Claim

from .claim_lookup import figures, get_claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize("breakdown", [
    "Its figures break down as follows: 40 in Arvel and 22 in Doma.",
    "The ministry's figures break down as follows: 40 in Arvel and 22 in Doma.",
])
def test_a_source_s_own_figures_break_down_its_toll(claims_of: Run, breakdown: str) -> None:
    claims = claims_of("The ministry said 62 people had been killed. " + breakdown)
    assert figures(claims) == [("killed", 62), ("killed", 40), ("killed", 22)]


def test_the_parts_take_the_metric_of_the_whole_they_add_up_to(claims_of: Run) -> None:
    text = ("The ministry said 62 people had been killed and 10 were missing. \"The figures "
            "break down as follows: 40 in Arvel and 22 in Doma,\" he said.")
    claims = claims_of(text)
    assert get_claim(claims, "killed", 40) and get_claim(claims, "killed", 22)


def _claim(metric: str, value: int) -> Claim:
    return Claim(metric=metric, value=value, low=None, high=None, qualifier="exact",
                 subject=None, actor=None, civilian=None, location=None, origin=[],
                 speaker=[], date=None, stance="asserted", quote="")


def test_whole_metric() -> None:
    earlier = [_claim("killed", 41), _claim("missing", 10)]
    parts = [NumberMention(0, 2, "29", 29), NumberMention(5, 7, "12", 12)]
    assert whole_metric(parts, earlier) == "killed"
    assert whole_metric(parts[:1], earlier) is None  # one figure is no breakdown
    assert whole_metric([NumberMention(0, 2, "29", 29), NumberMention(5, 7, "13", 13)],
                        earlier) is None


@pytest.mark.parametrize(("text", "value"), [
    (("The spokesman said his forces, who number about 2,500 in the province, had killed "
      "23 insurgents."), 2500),
    ("Troops killed 31 of the attackers, who numbered about 200 and came in trucks.", 200),
])
def test_armed_people_who_number_a_figure_are_deployed(claims_of: Run, text: str,
                                                       value: int) -> None:
    get_claim(claims_of(text), "deployed", value)


def test_the_victims_who_numbered_are_not_a_force(claims_of: Run) -> None:
    assert figures(claims_of("The victims, who numbered 40, were buried on Sunday.")) == [
        ("killed", 40)]


def test_hyphenated_vehicles_are_things(claims_of: Run) -> None:
    text = ("Troops killed about forty assailants and seized two pick-up trucks and a dozen "
            "motorbikes, the statement said.")
    assert figures(claims_of(text)) == [("killed", 40)]


def test_forced_from_homes_in_a_headline_is_displacement(claims_of: Run) -> None:
    claims = claims_of("Fighting in the delta forces some 38,000 from homes: UN")
    assert figures(claims) == [("displaced", 38000)]
    assert claims[0].origin == ["UN"]
