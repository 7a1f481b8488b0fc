"""Force figures are deployed (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize(("text", "value"), [
    ("The offensive involves a 60,000-strong coalition of army units and tribal militias.",
     60000),
    ("A 450-strong peacekeeping force arrived in the capital.", 450),
    ("The last district of about 90 houses is held by about 35 gunmen with 20 hostages.", 35),
    ("Pilots spotted more than 200 militants attacking the outpost.", 200),
    ("Officials said up to 25 gunmen took part in the assault on the market.", 25),
    ("About 120 gendarmes were stationed at the base.", 120),
    ("The ministry said 30,000 reservists had been summoned.", 30000),
])
def test_force_figures(claims_of: Run, text: str, value: int) -> None:
    assert ("deployed", value) in {(c.metric, c.value) for c in claims_of(text)}


def test_a_crowd_is_no_force(claims_of: Run) -> None:
    assert claims_of("A 3,000-strong crowd marched through the city.") == []


def test_hostages_beside_a_force_stay_hostages(claims_of: Run) -> None:
    got = {(c.metric, c.value) for c in claims_of(
        "The last district is held by about 35 gunmen with 20 hostages.")}
    assert ("abducted", 20) in got
