"""Tolls that move, tallies and the words that give a metric (sentences written for these
tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _keys(claims: list[Claim]) -> set[tuple[str, int | None, int | None, int | None]]:
    return {(c.metric, c.value, c.low, c.high) for c in claims}


@pytest.mark.parametrize(("text", "expected"), [
    ("He said the toll rose to 410 from 377 the day before.",
     {("killed", 410, None, None), ("killed", 377, None, None)}),
    ("The number of abducted villagers climbed from 65 to 102 in a month.",
     {("abducted", 65, None, None), ("abducted", 102, None, None)}),
    ("The number of rebels killed in the operation had gone up to 48 since Monday.",
     {("killed", 48, None, None)}),
    ("The latest raids brought to at least 31 the number of people killed this year.",
     {("killed", 31, None, None)}),
    ("Losses could range from 14 000 to 22 500 killed, the analysts said.",
     {("killed", None, 14000, 22500)}),
])
def test_tolls_that_move(claims_of: Run, text: str, expected: set[tuple[object, ...]]) -> None:
    assert _keys(claims_of(text)) >= expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Six soldiers died on the spot, while five others succumbed to their wounds.",
     ("killed", 5)),
    ("Troops said they eliminated 14 insurgents near the ridge.", ("killed", 14)),
    ("The war has claimed some 9,000 lives since 2019.", ("killed", 9000)),
    ("The charity said it had saved 40 lives.", None),
    ("Two bombers blew themselves up at the gate.", ("killed", 2)),
    ("The sides handed over the remains of 212 fallen soldiers.", ("killed", 212)),
    ("Doctors said 61 people were taken for treatment after the blast.", ("injured", 61)),
    ("Another 17 had been admitted to the intensive care unit.", ("injured", 17)),
    ("One of the injured died in hospital on Sunday.", ("killed", 1)),
    ("Three suspects are under arrest, police said.", ("detained", 3)),
    ("Twelve soldiers were unaccounted for after the ambush.", ("missing", 12)),
    ("Two local candidates were gunned down last week.", ("killed", 2)),
])
def test_metric_words(claims_of: Run, text: str, expected: tuple[str, int] | None) -> None:
    got = {(c.metric, c.value) for c in claims_of(text)}
    if expected is None:
        assert got == set()
    else:
        assert expected in got


@pytest.mark.parametrize(("text", "expected"), [
    ("Nine soldiers were injured and martyred in the crossfire.", ("casualties", 9)),
    ("At least 30 guards have been killed or seriously injured.", ("casualties", 30)),
    ("Fourteen people were rushed to hospital after the blast.", ("injured", 14)),
    ("The fighting forced some 12,000 people to leave their homes.", ("displaced", 12000)),
    ("By Tuesday, some 8,300 people were in shelters across the province.",
     ("displaced", 8300)),
    ("The prison was thought to hold around 2,900 inmates.", ("detained", 2900)),
    ("Hundreds of residents fled their homes after about 70 gunmen attacked the town.",
     ("deployed", 70)),
])
def test_more_metric_words(claims_of: Run, text: str, expected: tuple[str, int]) -> None:
    assert expected in {(c.metric, c.value) for c in claims_of(text)}


def test_destinations_are_not_people(claims_of: Run) -> None:
    got = {(c.metric, c.value) for c in claims_of(
        "The governor said 12,400 villagers had been evacuated to 41 shelters and 3,100 "
        "villagers had been moved to 9 shelters.")}
    assert got == {("displaced", 12400), ("displaced", 3100)}


def test_among_them_breaks_down_the_figure_before(claims_of: Run) -> None:
    got = {(c.metric, c.value) for c in claims_of(
        "The ministry said 212 people were killed in the strikes. Among them are 14 officers.")}
    assert ("killed", 14) in got


def test_one_as_subject_of_a_trigger_verb(claims_of: Run) -> None:
    assert ("killed", 1) in {(c.metric, c.value) for c in claims_of(
        "One died, another is still in hospital.")}
    assert claims_of("Two trucks were burnt and another one was seized at the gate.") == []


def test_a_state_phrase_on_the_verb(claims_of: Run) -> None:
    got = {(c.metric, c.value) for c in claims_of(
        "Five suspects - all from the same district, officials said - are under arrest.")}
    assert ("detained", 5) in got
