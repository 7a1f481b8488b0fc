"""The shortcuts that spare the rules a walk over every token give what the walk gives: the
token columns, subtree membership, the kept input text, the day check, the hedge search from
the end of the text, and the lower-case cue and trigger patterns of the planner."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.doc_cache import columns, in_subtree, seed_text, text_of
from tollwatch.extract.hedges import _reach, qualifier
from tollwatch.extract.numbers import find_numbers
from tollwatch.extract.unparsed_dates import DAY_PATTERN, may_name_day

# written for this test
_SENTENCES = [
    "The ministry said on Monday that at least 14 soldiers were killed near the border.",
    "Rebels, who had attacked the town, abducted 30 villagers, a spokesman told reporters.",
    "“We lost nine men and five were injured,” the commander added, citing field reports.",
    "Nobody was hurt.",
    "IN A STATEMENT, THE AGENCY ESTIMATED THAT 2,000 PEOPLE HAD FLED.",
]


@pytest.fixture(scope="module")
def parsed(extractor: Extractor) -> list[Any]:
    return list(extractor.nlp.pipe(_SENTENCES))


def test_columns_are_the_token_attributes(parsed: list[Any]) -> None:
    for doc in parsed:
        cols = columns(doc)
        assert cols.lower == [t.lower_ for t in doc]
        assert cols.lemma == [t.lemma_.lower() for t in doc]
        assert cols.pos == [t.pos_ for t in doc]
        assert cols.dep == [t.dep_ for t in doc]
        assert cols.head == [t.head.i for t in doc]
        assert columns(doc) is cols  # built once


def test_in_subtree_is_subtree_membership(parsed: list[Any]) -> None:
    for doc in parsed:
        for root in doc:
            inside = {t.i for t in root.subtree}
            assert [in_subtree(doc, i, root.i) for i in range(len(doc))] == \
                [i in inside for i in range(len(doc))]


def test_seed_text_keeps_the_input_text(extractor: Extractor) -> None:
    text = "Two  people  died."  # (double spaces are tokens of their own)
    doc = seed_text(extractor.nlp(text), text)
    assert text_of(doc) == text == doc.text
    other = extractor.nlp("Two people died.")
    seed_text(other, "Two people died. And more.")  # not its text: not kept
    assert text_of(other) == "Two people died."


@pytest.mark.parametrize("sentence", [
    "The army said on Monday that 12 died.", "It was reported TODAY.", "yesterday",
    "on 3 March", "in March 3", "a tally on Sunday night", "a report of the 40 dead",
])
def test_a_sentence_with_a_day_may_name_one(sentence: str) -> None:
    assert may_name_day(sentence)


@pytest.mark.parametrize("sentence", [
    "The army gave no figures.", "Officials said many were wounded.", "Dozens fled, “he said”.",
])
def test_no_day_pattern_matches_where_may_name_day_says_none(sentence: str) -> None:
    assert not may_name_day(sentence)
    assert re.search(DAY_PATTERN, sentence, re.IGNORECASE) is None


def test_qualifier_search_from_the_end_finds_what_the_whole_search_finds(
        extractor: Extractor) -> None:
    lex = extractor.lexicon
    rx = lex.qualifier_regex
    hedges = [h for h, _ in lex.qualifiers]
    for h in hedges:
        for before in (f"the toll rose to {h}", f"{h}", f"x{h}", f"officials said {h} of",
                       "a long text without a hedge at its end at all " * 3 + h):
            full = rx.search(before)
            part = rx.search(before, max(0, len(before) - _reach(lex)))
            assert (full and (full.start(), full.group("h"))) == \
                (part and (part.start(), part.group("h"))), before
    m = find_numbers("at least 30 people")[0]
    assert qualifier("at least ", " people", lex, m) == "min"


@pytest.mark.parametrize("sentence", [
    "The ministry said 12 were killed.", "THE MINISTRY SAID 12 WERE KILLED.",
    "According to the agency, 40 died.", "Forty people were injured in the blast.",
    "The weather was fine.", "They Reported That 3 Were Wounded.", "“Nothing,” he SAID.",
])
def test_planner_lower_case_patterns_match_as_the_case_blind_ones(
        extractor: Extractor, sentence: str) -> None:
    planner = extractor._planner
    assert planner._cued(sentence) == (planner.rules.cue.search(sentence) is not None)
    assert planner._triggered(sentence) == (planner.trigger_re.search(sentence) is not None)
