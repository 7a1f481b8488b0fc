"""Surrenders in headlines and prose, and a relative clause on another noun that keeps its
metric to itself (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _got(claims: list[Claim]) -> set[tuple[str, int | None]]:
    return {(c.metric, c.value) for c in claims}


@pytest.mark.parametrize("text", [
    "Army says 19 rebels surrender in Kivu",
    "Police say 19 militants surrender with weapons",
])
def test_a_headline_verb_taken_for_a_noun_after_its_counted_noun(claims_of: Run,
                                                                 text: str) -> None:
    got = claims_of(text)
    assert ("captured", 19) in _got(got)
    assert next(c for c in got if c.value == 19).subject in ("rebels", "militants")


@pytest.mark.parametrize("text", [
    "Nineteen rebels laid down their arms before army officers on Friday, the governor said.",
    "About 19 fighters of the faction gave themselves up to the army last week.",
    "Officials said 19 insurgents had handed themselves over at the district office.",
])
def test_laying_down_arms_is_a_surrender(claims_of: Run, text: str) -> None:
    assert ("captured", 19) in _got(claims_of(text))


def test_a_relative_clause_on_another_noun_keeps_its_metric(claims_of: Run) -> None:
    got = _got(claims_of("Police said they had arrested 21 men in the raids. Five of them were "
                         "sought over an attack that killed 14 pilgrims last year."))
    assert ("killed", 14) in got
    assert ("killed", 5) not in got


def test_a_relative_clause_on_the_counted_noun_gives_its_metric(claims_of: Run) -> None:
    got = _got(claims_of("Six people, who were later killed, had been seen at the "
                         "checkpoint."))
    assert got == {("killed", 6)}


def test_returning_to_the_fold_is_a_surrender(claims_of: Run) -> None:
    got = _got(claims_of("The latest surrender brought to 64 the number of fighters who had "
                         "returned to the fold of the law since January."))
    assert got == {("captured", 64)}


def test_a_partitive_figure_takes_its_own_verbs_state(claims_of: Run) -> None:
    got = _got(claims_of("The defence ministry, in a statement on its Telegram channel, said "
                         "only 14 of its servicemen were missing and none had been "
                         "captured."))
    assert got == {("missing", 14)}
