"""A minister speaks for "the government" the article cites: their undated statements take
its day (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from tests.extract.claim_lookup import get_claim

from tollwatch.extract.known_bodies import government_voice
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def test_a_minister_takes_the_governments_day(claims_of: Run) -> None:
    claims = claims_of("The army has killed more than 60 militants in the offensive, the "
                       "government said on Monday.\n"
                       "Deputy Minister of Information Ana Ruiz told the state news agency "
                       "that nine foreign fighters were among the dead.\n"
                       "Ruiz said three soldiers were killed.\n", "2025-04-15")
    assert get_claim(claims, "killed", 9).date == "2025-04-14"
    assert get_claim(claims, "killed", 3).date == "2025-04-14"


def test_government_voice_needs_a_bare_government_and_a_minister() -> None:
    assert government_voice(["the government"], False, ["Interior Minister Ana Ruiz"], True)
    assert not government_voice(["the government"], False, ["Ana Ruiz, a farmer"], True)
    assert not government_voice(["the Kenyan Red Cross"], False, ["Minister Ana Ruiz"], True)
    assert not government_voice(["Minister A"], True, ["Minister B"], True)
