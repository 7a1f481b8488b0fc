"""People hanged are killed (lexicon.yaml: killed phrases "hanged", "were hanged"); a thing
hung up is no death. Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]


def test_people_hanged_are_killed(claims_of: Run) -> None:
    c = get_claim(claims_of("Four prisoners were hanged in the city jail on Monday, the "
                            "rights group said.\n"), "killed", 4)
    assert "rights group" in " ".join(c.origin).lower()


def test_a_crackdown_that_saw_men_hanged(claims_of: Run) -> None:
    get_claim(claims_of("The government answered with a crackdown that saw six men hanged "
                        "within a month.\n"), "killed", 6)


def test_banners_hung_are_no_deaths(claims_of: Run) -> None:
    claims = claims_of("Protesters hung 12 banners on the bridge on Monday.\n")
    assert not [c for c in claims if c.metric == "killed"]
