"""Which sentences are parsed (extract/plan.py), and the prefilter's rules file. Sentences
are invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.plan import (
    MAX_SENTENCE_CHARS,
    SentencePlanner,
    load_prefilter,
    quote_closers,
    with_replies,
)
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.sentences import split_sentences


@pytest.fixture(scope="module")
def planner() -> SentencePlanner:
    return SentencePlanner(load_lexicon(None), load_provenance())


def _parsed(planner: SentencePlanner, text: str) -> list[str]:
    plan, order, _ = planner.plan(text)
    return [text[plan[k][0]:plan[k][1]].strip() for k in order]


def test_a_text_with_no_figure_parses_nothing(planner: SentencePlanner) -> None:
    text = "The bridge reopened on Monday. Traffic was light, the mayor said."
    plan, order, closers = planner.plan(text)
    assert order == [] and closers == {}
    assert len(plan) == 2 and not any(row[3] for row in plan)


def test_a_figure_of_people_is_parsed_and_a_share_or_a_year_is_not(
        planner: SentencePlanner) -> None:
    text = ("Twelve villagers were killed in the raid. "
            "Bread prices rose 12% in 2029.")
    parsed = _parsed(planner, text)
    assert parsed == ["Twelve villagers were killed in the raid."]


def test_a_pronoun_speaker_brings_in_the_sentence_before(planner: SentencePlanner) -> None:
    text = ("Governor Amal Rusk visited the clinic on Friday. "
            "He said 14 patients were wounded by the blast.")
    parsed = _parsed(planner, text)
    assert parsed[0].startswith("Governor Amal Rusk")
    assert parsed[1].startswith("He said 14")


def test_a_back_reference_brings_in_the_earlier_sentence_naming_a_source(
        planner: SentencePlanner) -> None:
    text = ("The Coastal Relief Agency (CRA) opened two shelters. "
            "Rain fell all night. "
            "The agency said 300 families were displaced.")
    parsed = _parsed(planner, text)
    assert any(p.startswith("The Coastal Relief Agency") for p in parsed)
    assert not any(p.startswith("Rain fell") for p in parsed)


def test_a_figure_with_no_cue_continues_the_statement_before(planner: SentencePlanner) -> None:
    text = ("Police announced the results of the search on Sunday. "
            "Nine fishermen remain missing.")
    parsed = _parsed(planner, text)
    assert parsed == ["Police announced the results of the search on Sunday.",
                      "Nine fishermen remain missing."]


def test_a_line_that_announces_a_list_is_parsed_with_its_items(
        planner: SentencePlanner) -> None:
    text = ("The weather was calm. Officials gave these figures:\n- Songoro: 23 killed\n"
            "- Tema: 4 missing")
    assert _parsed(planner, text) == ["Officials gave these figures:", "Songoro: 23 killed",
                                      "Tema: 4 missing"]


def test_the_victims_and_parts_of_them_are_worth_a_parse(planner: SentencePlanner) -> None:
    assert _parsed(planner, "The victims included 14 children.") == [
        "The victims included 14 children."]
    assert _parsed(planner, "And 19 of them were women.") == ["And 19 of them were women."]


def test_an_over_long_sentence_is_not_parsed(planner: SentencePlanner) -> None:
    text = "Ten soldiers were killed, " + "and the list goes on, " * 200 + "officials said."
    assert len(text) > MAX_SENTENCE_CHARS
    plan, order, _ = planner.plan(text)
    assert order == [] and plan[0][3] is False


def test_a_quotation_over_two_sentences_names_its_closer() -> None:
    text = '“We buried 20 people. We have no more coffins,” the priest said. It rained.'
    sents = split_sentences(text)
    closers = quote_closers(text, sents)
    assert closers == {0: 1}


def test_the_closer_of_a_quoted_figure_is_parsed_with_it(planner: SentencePlanner) -> None:
    text = '“They killed 20 people. We have no more coffins,” the priest said. It rained.'
    parsed = _parsed(planner, text)
    assert parsed == ["“They killed 20 people.", "We have no more coffins,” the priest said."]


def test_with_replies_adds_response_sentences_but_not_over_long_ones() -> None:
    plan = [(0, 10, [], True), (10, 20, [], False), (20, 20 + MAX_SENTENCE_CHARS + 1, [], False)]
    assert with_replies([0], {1, 2}, plan) == [0, 1]
    assert with_replies([0], set(), plan) == [0]


def test_may_count_people_reads_the_words_around_the_number(
        planner: SentencePlanner) -> None:
    from tollwatch.extract.numbers import find_numbers

    def first(sentence: str) -> bool:
        (m, *_) = find_numbers(sentence)
        return planner.may_count_people(sentence, m)

    assert first("At least 30 civilians died.")
    assert first("The toll rose to 60.")  # a bare number
    assert first("Among the dead were 8 Norwegians.")  # a plural demonym
    assert first("They counted 40 of them.")  # "of" after the number: maybe people
    assert not first("Route 30 closed yesterday.")  # a route number, nothing about people
    assert not first("Gate 12 opened early.")


def test_the_rules_file_gives_its_words_to_the_patterns() -> None:
    rules = load_prefilter()
    assert rules.cue.search("as the ministry STATED on Monday")
    assert not rules.cue.search("the statesman arrived")
    assert rules.backref.search("the regional ministry later said")
    assert rules.backref.search("Jones also noted")
    assert not rules.backref.search("the weather said nothing")
    assert rules.pronoun_source.search("It added that")
    assert "were" in rules.bare_followers
    assert "hostage" in rules.trigger_stems


def test_a_user_rules_file_replaces_the_built_in_one(tmp_path: Path) -> None:
    path = tmp_path / "prefilter.yaml"
    path.write_text(
        "cue_words: [proclaimed]\nreporting_verbs: [proclaimed]\nreference_nouns: [herald]\n"
        "reference_pronouns: [she]\nreference_titles: [Dame]\nbare_followers: [were]\n"
        "inverted_pronouns: [she]\ninverted_titles: [Dame]\nperson_pronouns: [she]\n"
        "body_pronouns: [it]\n", encoding="utf-8")
    rules = load_prefilter(str(path))
    assert rules.cue.search("the herald proclaimed")
    assert not rules.cue.search("the herald said")
    assert rules.backref.search("the royal herald proclaimed")
    assert rules.people_words == frozenset() and rules.trigger_stems == frozenset()


def test_a_rules_file_missing_a_list_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "prefilter.yaml"
    path.write_text("cue_words: [said]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_prefilter(str(path))
    assert str(path) in str(e.value)
    assert "prefilter" in str(e.value)


def test_a_rules_file_with_an_empty_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "prefilter.yaml"
    text = load_prefilter.__module__  # any module name: only the file below matters
    assert text
    path.write_text(
        "cue_words: []\nreporting_verbs: [said]\nreference_nouns: [agency]\n"
        "reference_pronouns: [he]\nreference_titles: [Mr]\nbare_followers: [were]\n"
        "inverted_pronouns: [he]\ninverted_titles: [Mr]\nperson_pronouns: [he]\n"
        "body_pronouns: [it]\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_prefilter(str(path))


def test_a_rules_file_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "prefilter.yaml"
    path.write_text("cue_words: [said\n", encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_prefilter(str(path))
    assert str(path) in str(e.value)


def test_every_sentence_mode_parses_all_prose_but_keeps_the_rows() -> None:
    """The measuring mode (``parse_every_sentence``) hands every sentence to the parser,
    a text without figures included, but not a "sentence" too long to be prose."""
    every = SentencePlanner(load_lexicon(None), load_provenance(), every_sentence=True)
    text = "The weather was mild. Markets opened late. Nobody was hurt."
    plan, order, _ = every.plan(text)
    assert order == [0, 1, 2] and not any(row[3] for row in plan)
    long = "Word " + "word " * (MAX_SENTENCE_CHARS // 4)
    text = f"Three soldiers were killed, the army said. {long}."
    plan, order, _ = every.plan(text)
    assert order == [0] and len(plan) == 2 and plan[0][3]
    normal = SentencePlanner(load_lexicon(None), load_provenance())
    assert normal.plan("The weather was mild. Markets opened late.")[1] == []
