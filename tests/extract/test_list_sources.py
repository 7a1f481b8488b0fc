"""list_sources.py: the figures of one list share their source. Sentences written for these
tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.extract.claim_lookup import get_claim, source_names

from tollwatch.extract import Extractor
from tollwatch.extract.attribution import Attribution
from tollwatch.extract.list_sources import in_same_list
from tollwatch.extract.sources import Source
from tollwatch.extract.statements import Statements
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _at(doc: Any, text: str) -> int:
    return next(t.i for t in doc if t.text == text)


def test_an_elided_second_item_is_in_the_list(nlp: Any) -> None:
    doc = nlp("The paper printed figures showing 4,210 sailors have been killed and 7,730 "
              "injured in the war.")
    assert in_same_list(doc, _at(doc, "4,210"), _at(doc, "7,730"), [])


def test_past_a_word_of_amount(nlp: Any) -> None:
    doc = nlp("Rescuers said 14 were killed and another 31 wounded.")
    assert in_same_list(doc, _at(doc, "14"), _at(doc, "31"), [])


@pytest.mark.parametrize("sentence, first, second", [
    # the second item is a clause of its own
    ("Officials said 14 were killed and 31 people were wounded.", "14", "31"),
    # no joining word before it
    ("Officials said 14 were killed; 31 wounded were moved.", "14", "31"),
])
def test_not_one_list(nlp: Any, sentence: str, first: str, second: str) -> None:
    doc = nlp(sentence)
    assert not in_same_list(doc, _at(doc, first), _at(doc, second), [])


def test_a_reporting_verb_between_makes_two_statements(nlp: Any) -> None:
    doc = nlp("Police said 14 were killed and medics reported 31 injured.")
    said = _at(doc, "reported")
    assert not in_same_list(doc, _at(doc, "14"), _at(doc, "31"), [said])


def test_the_order_of_the_figures_matters(nlp: Any) -> None:
    doc = nlp("Rescuers said 14 were killed and 31 injured.")
    assert not in_same_list(doc, _at(doc, "31"), _at(doc, "14"), [])


def _relayed_list(extractor: Extractor, nlp: Any) -> tuple[Any, Statements, Source, Source]:
    """A sentence listing two figures that a paper relays from a navy command: its parse,
    a statements stage over it, and the two sources."""
    text = "The paper printed figures showing 4,210 sailors have been killed and 7,730 injured."
    stage = Statements(text, [(0, len(text))], "2024-06-05", extractor.lexicon,
                       extractor.provenance)
    navy = Source(names=["Navy Command"], person=False, head="command")
    paper = Source(names=["the paper"], person=False, head="paper")
    return nlp(text), stage, navy, paper


def test_statements_give_the_second_item_the_first_items_source(extractor: Extractor,
                                                               nlp: Any) -> None:
    doc, stage, navy, paper = _relayed_list(extractor, nlp)
    first = Attribution(origin=["Navy Command"], speaker=["the paper"], explicit=True,
                        origin_src=navy, relay_src=paper, date="2024-06-03")
    other = Attribution(origin=["the paper"], explicit=True, origin_src=paper)
    assert stage._listed(0, doc, _at(doc, "4,210"), first) is first
    got = stage._listed(0, doc, _at(doc, "7,730"), other)
    assert got.origin_src is navy and got.relay_src is paper
    assert got.date == "2024-06-03"
    assert got is not first  # each figure keeps its own attribution object


def test_statements_leave_a_figure_of_another_sentence(extractor: Extractor,
                                                        nlp: Any) -> None:
    doc, stage, navy, paper = _relayed_list(extractor, nlp)
    first = Attribution(origin=["Navy Command"], explicit=True, origin_src=navy)
    other = Attribution(origin=["the paper"], explicit=True, origin_src=paper)
    stage._listed(0, doc, _at(doc, "4,210"), first)
    assert stage._listed(1, doc, _at(doc, "7,730"), other) is other


def test_extractor_gives_a_plain_list_one_source(claims_of: Run) -> None:
    claims = claims_of("Police said on Monday that 14 guards were killed and 31 injured in "
                       "the raid.\n", "2024-06-05")
    killed = get_claim(claims, "killed", 14)
    injured = get_claim(claims, "injured", 31)
    assert "police" in source_names(killed)
    assert injured.origin == killed.origin and injured.date == killed.date
