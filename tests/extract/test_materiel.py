"""Figures that count equipment are no claims (extract/materiel.py, lexicon ``materiel``)."""

from __future__ import annotations

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.model import Document


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _figures(ex: Extractor, text: str) -> list[tuple[str, int | None]]:
    return [(c.metric, c.value) for c in ex.extract(Document(id="m", text=text))]


def test_the_lexicon_lists_equipment() -> None:
    lex = load_lexicon()
    assert {"tank", "drone", "helicopter", "equipment"} <= lex.materiel


def test_equipment_losses_are_not_casualties(ex: Extractor) -> None:
    text = ("The observers said they had counted 1,200 Zorvian tank losses since the spring "
            "and 2,100 Zorvian personnel losses.")
    figs = _figures(ex, text)
    assert ("casualties", 1200) not in figs
    assert ("casualties", 2100) in figs


def test_a_part_and_the_next_items_of_an_equipment_figure_are_things(ex: Extractor) -> None:
    text = ("The observers said 610 Zorvian tanks had been captured by the defenders, "
            "85 of them damaged and 40 abandoned.")
    figs = _figures(ex, text)
    assert not [f for f in figs if f[1] in (610, 85, 40)]


def test_a_part_of_a_figure_of_people_is_still_counted(ex: Extractor) -> None:
    text = "Officials said 300 Zorvian troops were captured, 40 of them officers."
    figs = _figures(ex, text)
    assert ("captured", 300) in figs
    assert ("captured", 40) in figs


def test_people_listed_after_equipment_with_their_own_noun_are_counted(ex: Extractor) -> None:
    text = "The army said the enemy lost 15 tanks, 24 armoured vehicles and 710 soldiers."
    figs = _figures(ex, text)
    assert [v for _, v in figs] == [710]


def test_a_number_in_a_name_is_no_count(ex: Extractor) -> None:
    text = ("The governor said 14 people were killed, the worst losses in the province since "
            "World War Two, and Flight 17 was grounded.")
    figs = _figures(ex, text)
    assert figs == [("killed", 14)]
    assert "world war" in load_lexicon().numbered_names
