"""Parses that hid a figure's predicate or gave it a wrong one, and held people
(sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value, figures, source_names

from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.parse_repairs import repair_parse
from tollwatch.extract.pipeline import Extractor
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def test_a_counted_object_of_said_is_the_subject_of_the_clause_after(claims_of: Run) -> None:
    got = claims_of("An elder said at least nine herders, among them two boys, were killed "
                    "when a drone struck the well.")
    assert figures(got) == [("killed", 9), ("killed", 2)]
    assert all("elder" in source_names(c) for c in got)


def test_the_repair_moves_only_a_counted_object(extractor: Extractor) -> None:
    nlp = extractor.nlp
    doc = repair_parse(nlp("An elder said nine herders were killed."), load_lexicon())
    herders = next(t for t in doc if t.text == "herders")
    assert herders.head.text == "killed"
    assert herders.dep_ in ("nsubjpass", "nsubj")
    doc = repair_parse(nlp("The mayor told reporters the town was calm."), load_lexicon())
    reporters = next(t for t in doc if t.text == "reporters")
    assert reporters.head.text == "told"


def test_a_toll_is_no_source(claims_of: Run) -> None:
    got = claims_of("The toll has risen steadily: the Ombudsman's first bulletin, on Feb. "
                    "10, reported 18 deaths.")
    assert "toll" not in source_names(got[0])
    assert "ombudsman" in source_names(got[0])


def test_a_status_noun_of_another_figure_is_no_trigger(claims_of: Run) -> None:
    """"hostages" counts the 21; the four soldiers, like them, died."""
    got = by_value(claims_of("Twenty-one hostages and four soldiers died during the siege."))
    assert got[21].metric == got[4].metric == "killed"


@pytest.mark.parametrize(("text", "metric"), [
    ("Officials said 24 of the suspects were being held by the intelligence directorate.",
     "detained"),
    ("The ministry said 3,100 migrants were held in official detention centres.",
     "detained"),
    ("The gang said 12 hostages were being held in the forest.", "abducted"),
])
def test_people_being_held(claims_of: Run, text: str, metric: str) -> None:
    assert [c.metric for c in claims_of(text)] == [metric]


def test_a_question_names_its_asker(claims_of: Run) -> None:
    got = claims_of("At Tuesday's session, opposition deputy Gil Arana asked why the army had "
                    "deployed 6,500 soldiers to the capital.")
    assert "gil arana" in source_names(got[0])


def test_a_place_the_recognizer_split_is_one_place(claims_of: Run) -> None:
    got = claims_of("Troops killed 30 rebels in DR Congo.")
    assert got[0].location == "DR Congo"


def test_a_count_past_a_long_group_name(claims_of: Run) -> None:
    got = claims_of("Troops had killed 30 Allied Liberation Forces (ALF) rebels and freed 18 "
                    "hostages.")
    assert figures(got) == [("killed", 30), ("abducted", 18)]
    assert got[0].subject is not None and got[0].subject.endswith("rebels")


@pytest.mark.parametrize("text", [
    "Among the dead are seven peace-deal signatories, the office said.",
    "The blast killed seven bystanders.",
])
def test_more_nouns_of_people(claims_of: Run, text: str) -> None:
    assert figures(claims_of(text)) == [("killed", 7)]
