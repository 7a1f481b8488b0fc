"""claims.py: the raw claims of one parsed sentence (metric, hedge, group, stance)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.actors import actor_for
from tollwatch.extract.claims import RawClaim, claims_in_sentence
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.numbers import find_numbers
from tollwatch.model import Claim


@pytest.fixture(scope="module")
def lex(extractor: Extractor) -> Lexicon:
    return extractor.lexicon


@pytest.fixture(scope="module")
def raw(extractor: Extractor, lex: Lexicon) -> Callable[..., list[RawClaim]]:
    def run(text: str, **kw: Any) -> list[RawClaim]:
        doc = extractor.nlp(text)
        return claims_in_sentence(doc, find_numbers(text), lex, actor_for, **kw)
    return run


def test_soldiers_killed(raw: Callable[..., list[RawClaim]]) -> None:
    [c] = raw("At least 12 soldiers were killed in the ambush.")
    assert c.mention.value == 12
    assert (c.metric, c.qualifier, c.subject, c.head) == ("killed", "min", "soldiers",
                                                           "soldier")
    assert c.civilian is False
    assert c.state_armed and c.armed
    assert c.stance == "asserted"
    assert "soldiers" in c.actor_hints
    assert 0.5 < c.confidence <= 0.95


def test_mention_offsets_are_in_the_sentence(raw: Callable[..., list[RawClaim]]) -> None:
    text = "Officials said 40 people fled the city."
    [c] = raw(text)
    assert text[c.mention.start:c.mention.end] == "40"
    assert c.metric == "displaced"
    assert c.civilian is None


def test_hypothetical_stance(raw: Callable[..., list[RawClaim]]) -> None:
    [c] = raw("Officials fear that 500 people could be displaced.")
    assert (c.metric, c.stance) == ("displaced", "hypothetical")


@pytest.mark.parametrize("text", [
    "Prices rose 12 percent in the capital.",
    "The convoy carried 300 tonnes of food.",
    "The committee met 12 times in the spring.",
])
def test_no_people_no_claim(raw: Callable[..., list[RawClaim]], text: str) -> None:
    assert raw(text) == []


def test_two_groups_two_sides(raw: Callable[..., list[RawClaim]]) -> None:
    claims = raw("Four Russian soldiers and three Ukrainian soldiers were captured.")
    assert [(c.mention.value, c.metric, c.subject) for c in claims] == [
        (4, "captured", "Russian soldiers"), (3, "captured", "Ukrainian soldiers")]
    assert "Russian" in claims[0].actor_hints
    assert "Ukrainian" in claims[1].actor_hints


def test_subset_shares_the_metric(raw: Callable[..., list[RawClaim]]) -> None:
    claims = raw("Some 300 people, including 12 children, were wounded.")
    assert [(c.mention.value, c.metric) for c in claims] == [(300, "injured"),
                                                              (12, "injured")]
    assert claims[1].civilian is True


def test_lost_soldiers_with_losses_are_casualties(raw: Callable[..., list[RawClaim]]) -> None:
    [plain] = raw("The army lost 20 soldiers in the battle.")
    [losses] = raw("The army lost 20 soldiers in the battle.", losses=True)
    assert plain.metric == "killed"
    assert losses.metric == "casualties"


def test_year_is_not_a_claim_end_to_end(claims_of: Callable[..., list[Claim]]) -> None:
    claims = claims_of("In 2023, 40 people fled the city.")
    assert [(c.metric, c.value) for c in claims] == [("displaced", 40)]


def test_age_of_a_named_person_is_not_a_claim(claims_of: Callable[..., list[Claim]]) -> None:
    assert claims_of("Ana Ruiz, 45, was killed on Monday.") == []


def test_age_of_a_described_person_is_not_a_claim(
        claims_of: Callable[..., list[Claim]]) -> None:
    assert claims_of("The boy, 12, was wounded in the attack.") == []


def test_ages_in_a_pair_are_not_claims(claims_of: Callable[..., list[Claim]]) -> None:
    assert claims_of("A woman, 34, and her son, 9, were wounded in the attack.") == []


def test_a_count_after_a_singular_noun_outside_commas_is_still_a_count(
        claims_of: Callable[..., list[Claim]]) -> None:
    found = [(c.metric, c.value) for c in
             claims_of("The attack killed one soldier, 25, and wounded 14 others.")]
    assert found == [("killed", 1), ("injured", 14)]
