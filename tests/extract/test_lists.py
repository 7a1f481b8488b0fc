"""Breakdowns and lists: each figure is a claim with the list's metric (sentences written for
these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _keys(claims: list[Claim]) -> set[tuple[str, int | None]]:
    return {(c.metric, c.value) for c in claims}


@pytest.mark.parametrize(("text", "expected"), [
    ("A total of 41 people were killed, 30 police officers and 11 villagers.",
     {("killed", 41), ("killed", 30), ("killed", 11)}),
    ("Of the injured victims, 12 were Ruritanian, one was Danish and two were Peruvian.",
     {("injured", 12), ("injured", 1), ("injured", 2)}),
    ("The raid left 58 victims -- 31 killed, 20 injured and 7 abducted.",
     {("killed", 31), ("injured", 20), ("abducted", 7)}),
    (("Confirmed deaths were highest in Northland (6 215), Eastvale (4 120) and "
     "Southmarch (3 007)."), {("killed", 6215), ("killed", 4120), ("killed", 3007)}),
    ("Among the dead, 25 were soldiers, at least six of whom were officers.",
     {("killed", 25), ("killed", 6)}),
    ("The attackers killed seven people in Arro, three people in Benn, and one in Cale.",
     {("killed", 7), ("killed", 3), ("killed", 1)}),
    (("A group of 640 militants, comprising 210 adult males, 300 women and 130 children, "
     "surrendered to troops."),
     {("captured", 640), ("captured", 210), ("captured", 300), ("captured", 130)}),
    ("Fighting has killed 95 people, including 60 fighters, 30 soldiers and five civilians.",
     {("killed", 95), ("killed", 60), ("killed", 30), ("killed", 5)}),
    (("Some 4,000 reservists, 900 officials and 12,000 volunteers were called up, the "
     "minister said."), {("deployed", 4000), ("deployed", 900), ("deployed", 12000)}),
])
def test_each_figure_of_a_list(claims_of: Run, text: str,
                               expected: set[tuple[str, int]]) -> None:
    assert _keys(claims_of(text)) >= expected


def test_things_listed_with_people_are_not_counted(claims_of: Run) -> None:
    text = ("The army said the enemy lost 1,400 servicemen, 37 tanks, 12 armoured personnel "
            "carriers and 9 launchers over the week.")
    assert {c.value for c in claims_of(text)} == {1400}


def test_a_model_designation_counts_aircraft(claims_of: Run) -> None:
    assert claims_of("The air force will receive 12 F-35 fighters next year.") == []


def test_two_numbers_joined_share_the_noun_after(claims_of: Run) -> None:
    text = ("The largest bases are Arro and Benn, where a total of at least 1,250 and 2,075 "
            "troops, respectively, are expected to be stationed.")
    got = {(c.metric, c.value) for c in claims_of(text)}
    assert {("deployed", 1250), ("deployed", 2075)} <= got


def test_bracketed_figures_after_names_take_the_sentence_metric(claims_of: Run) -> None:
    text = ("Next in terms of recorded deaths come Northland Oblast (2 417), Eastvale Krai "
            "(1 906) and Southmarch Oblast (1 288).")
    got = {(c.metric, c.value) for c in claims_of(text)}
    assert {("killed", 2417), ("killed", 1906), ("killed", 1288)} <= got



@pytest.mark.parametrize(("text", "expected"), [
    ("Of the 30 victims, 21 were women and nine were children.",
     {("killed", 30), ("killed", 21), ("killed", 9)}),
    ("Of the 12 people killed, eight were police officers.", {("killed", 12), ("killed", 8)}),
    ("Of those arrested, 18 were students and seven were journalists.",
     {("detained", 18), ("detained", 7)}),
    ("The dead included 12 Ruritanians, two Danes and one Peruvian.",
     {("killed", 12), ("killed", 2), ("killed", 1)}),
])
def test_a_breakdown_opened_on_a_counted_group(claims_of: Run, text: str,
                                               expected: set[tuple[str, int]]) -> None:
    assert _keys(claims_of(text)) == expected
