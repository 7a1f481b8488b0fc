"""counted.py: a possessor after "of" is not what a number counts ("45,000 of the leader's
soldiers" counts soldiers). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from tests.extract.claim_lookup import get_claim

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def test_a_named_possessor_after_of_is_skipped(claims_of: Run) -> None:
    claims = claims_of("Jane Roe said 45,000 of Marshal Ivanov’s soldiers have been injured.")
    got = get_claim(claims, "injured", 45000)
    assert got.subject is not None and "soldier" in got.subject


def test_a_plain_possessor_after_of_is_skipped(claims_of: Run) -> None:
    claims = claims_of("Officials said 300 of Ruritania's troops were killed in the battle.")
    assert get_claim(claims, "killed", 300).civilian is False


def test_one_of_a_named_persons_group_stays_no_count(claims_of: Run) -> None:
    text = ("Police said 12 guards were killed in a raid on the villa of one of Marshal "
            "Ivanov’s deputies.")
    assert {(c.metric, c.value) for c in claims_of(text)} == {("killed", 12)}
