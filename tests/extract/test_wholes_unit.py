"""wholes.py: the parts of a group counted in the same sentence take the group's metric."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.wholes import Item, Pick, parts_of_wholes
from tollwatch.model import Claim


@pytest.fixture(scope="module")
def lex(extractor: Extractor) -> Lexicon:
    return extractor.lexicon


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _items(doc: Any, numbers: list[str]) -> list[Item]:
    out: list[Item] = []
    for n in numbers:
        tok = next(t for t in doc if t.text == n)
        out.append((doc[tok.i:tok.i + 1], tok.head if tok.head.pos_ == "NOUN" else None))
    return out


def test_part_takes_the_whole_metric(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("All seven soldiers killed were stationed at the post and included two "
              "officers.")
    items = _items(doc, ["seven", "two"])
    picks: list[Pick | None] = [("killed", 0.9, 3), ("deployed", 0.6, 7)]
    out = parts_of_wholes(doc, items, picks, lex)
    assert out[0] == ("killed", 0.9, 3)
    assert out[1] is not None
    assert out[1][0] == "killed"
    assert out[1][1] == pytest.approx(0.81)
    assert out[1][2] == 3
    assert picks[1] == ("deployed", 0.6, 7)  # the input is not changed


def test_part_without_a_pick_gets_one(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("All seven soldiers killed were stationed at the post and included two "
              "officers.")
    out = parts_of_wholes(doc, _items(doc, ["seven", "two"]), [("killed", 0.9, 3), None], lex)
    assert out[1] is not None and out[1][0] == "killed"


def test_no_whole_no_change(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("Police detained 12 men and freed 3 women on Monday.")
    picks: list[Pick | None] = [("detained", 0.9, 1), None]
    assert parts_of_wholes(doc, _items(doc, ["12", "3"]), picks, lex) == picks


def test_among_the_victims_of_dead_and_injured_is_casualties(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("The storm left 21 fatalities and 34 injuries, with five children among the "
              "victims.")
    items = _items(doc, ["21", "34", "five"])
    picks: list[Pick | None] = [("killed", 0.9, 4), ("injured", 0.9, 7), ("killed", 0.5, 4)]
    out = parts_of_wholes(doc, items, picks, lex)
    assert out[2] is not None and out[2][0] == "casualties"
    assert out[2][1] == 0.5
    assert out[:2] == picks[:2]


def test_among_the_victims_of_one_metric_keeps_it(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("The storm left 21 fatalities, with five children among the victims.")
    items = _items(doc, ["21", "five"])
    picks: list[Pick | None] = [("killed", 0.9, 4), ("killed", 0.5, 4)]
    assert parts_of_wholes(doc, items, picks, lex) == picks


def test_end_to_end_victims_of_both(claims_of: Callable[..., list[Claim]]) -> None:
    claims = claims_of("The storm left 21 dead and 34 injured, with five children among the "
                       "victims.")
    got = {c.value: c.metric for c in claims}
    assert got == {21: "killed", 34: "injured", 5: "casualties"}
    five = next(c for c in claims if c.value == 5)
    assert five.civilian is True


def test_end_to_end_part_of_the_dead(claims_of: Callable[..., list[Claim]]) -> None:
    claims = claims_of("All seven soldiers killed were stationed at the post and included "
                       "two officers.")
    assert sorted((c.value, c.metric) for c in claims) == [(2, "killed"), (7, "killed")]
