"""Parses that hid a figure's predicate or gave it a wrong one: a counted object of "said",
a status noun taken for a verb, a long group name before the counted noun, a place split in
two, speakers hung on the figures (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from tests.extract.claim_lookup import figures, source_names

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


def test_a_place_the_recognizer_split_is_one_place(claims_of: Run) -> None:
    got = claims_of("Troops killed 30 rebels in DR Congo.")
    assert got[0].location == "DR Congo"


def test_a_count_past_a_long_group_name(claims_of: Run) -> None:
    got = claims_of("Troops had killed 30 Allied Liberation Forces (ALF) rebels and freed 18 "
                    "hostages.")
    assert figures(got) == [("killed", 30), ("abducted", 18)]
    assert got[0].subject is not None and got[0].subject.endswith("rebels")


def test_a_status_noun_the_parser_took_for_a_verb(claims_of: Run) -> None:
    got = claims_of("A witness said gunmen had taken at least seven hotel workers hostage on "
                    "an upper floor.")
    assert figures(got) == [("abducted", 7)]


def test_counted_speakers_the_parser_hung_on_the_figures(claims_of: Run) -> None:
    got = claims_of("A drone strike hit the market, killing at least 26 people, a health "
                    "worker and two residents told reporters.")
    assert figures(got) == [("killed", 26)]
