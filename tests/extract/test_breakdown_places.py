"""A figure followed by its own place ("29 in Ywa Dan and 12 in neighbouring Kyo Bin") has
that place, whatever the recognizer calls the name (hedges.location); and a breakdown
figure of a place of its own is no repeat of the same number counted elsewhere earlier
(repeats._elsewhere). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.model import Claim

from .claim_lookup import figures

Run = Callable[..., list[Claim]]


def test_each_figure_of_a_breakdown_has_its_own_place(claims_of: Run) -> None:
    text = ("Police said 41 people were killed. The figures break down as follows: 29 in "
            "Marvel and 12 in neighbouring Tarsa Kul.")
    places = {c.value: c.location for c in claims_of(text)}
    assert places[29] == "Marvel" and places[12] == "Tarsa Kul"


def test_a_month_after_a_figure_is_no_place(claims_of: Run) -> None:
    claims = claims_of("The ministry said 12 soldiers were killed in January in Orvel.")
    assert [c.location for c in claims] != ["January"]


def test_a_breakdown_figure_is_not_merged_with_the_same_number_before(claims_of: Run) -> None:
    text = ("A strike killed 41 people in Orvel province, including 12 children, the council "
            "said. \"The figures break down as follows: 29 in Marvel and 12 in neighbouring "
            "Tarsa Kul,\" its spokesman said.")
    assert figures(claims_of(text)).count(("killed", 12)) == 2


def test_the_same_figure_restated_for_a_wider_place_is_one_claim(claims_of: Run) -> None:
    text = ("Shelling killed 12 civilians in Orvel on Monday, the council said. The council "
            "said the 12 civilians killed in Orvel were all farmers.")
    assert figures(claims_of(text)).count(("killed", 12)) == 1
