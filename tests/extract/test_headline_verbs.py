"""A headline verb the parser takes for a noun ("250,000 flee into Chad") is the figure's
metric, not what it counts (counted.py, metric.py); a headline source the alias table knows
lists the body's names for it (repeats.py). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

from .claim_lookup import figures, get_claim, source_names

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize("headline", [
    "18,000 flee into Tavria as fighting spreads",
    "Relief group: 18,000 flee into Tavria",
    "More than 18,000 flee fighting in Orvel",
])
def test_a_bare_number_that_flees_is_displaced(claims_of: Run, headline: str) -> None:
    assert ("displaced", 18000) in figures(claims_of(headline))


def test_a_noun_after_a_number_still_counts_things(claims_of: Run) -> None:
    assert figures(claims_of("The clinic received 40 wound dressings on Monday.")) == []


def test_a_headline_acronym_takes_the_body_s_names(claims_of: Run) -> None:
    text = ("UNHCR: 18,000 refugees flee into Tavria\n"
            "More than 18,000 people have crossed into Tavria since May, the UN refugee "
            "agency said on Friday.")
    c = get_claim(claims_of(text, "2031-05-10"), "displaced", 18000)
    assert "unhcr" in source_names(c) and "un refugee agency" in source_names(c)
    assert c.date == "2031-05-09"
