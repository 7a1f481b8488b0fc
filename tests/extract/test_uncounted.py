"""Candidate sentences whose every number counts things (extract/uncounted.py) are left
unparsed unless another sentence needs them (extract/plan.py). Sentences are invented
for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract import Extractor
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.plan import SentencePlanner
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.uncounted import UncountedRules, load_uncounted, plurals
from tollwatch.model import Document

_NO_SKIP = UncountedRules(frozenset({"zzz"}), frozenset())  # no noun of things: nothing left out


@pytest.fixture(scope="module")
def planner() -> SentencePlanner:
    return SentencePlanner(load_lexicon(None), load_provenance())


@pytest.fixture(scope="module")
def full_planner() -> SentencePlanner:
    return SentencePlanner(load_lexicon(None), load_provenance(), uncounted=_NO_SKIP)


def _things(planner: SentencePlanner, sentence: str, number: str) -> bool:
    m = re.search(rf"\b{re.escape(number)}\b", sentence)
    assert m is not None
    return planner.uncounted.counts_things(sentence, m.end())


def _parsed(planner: SentencePlanner, text: str) -> list[str]:
    plan, order, _ = planner.plan(text)
    return [text[plan[k][0]:plan[k][1]].strip() for k in order]


def _candidates(planner: SentencePlanner, text: str) -> list[str]:
    plan, _, _ = planner.plan(text)
    return [text[s:e].strip() for s, e, _, cand in plan if cand]


@pytest.mark.parametrize(("sentence", "number"), [
    ("The convoy was ambushed four days after the truce.", "four"),  # time
    ("The militants fled 80 miles to the north.", "80"),  # distance
    ("Shelling hit the town at 6 p.m. on Friday.", "6"),  # time of day
    ("The raiders seized 16 rifles, ammunition and fuel.", "16"),  # weapons
    ("The fighters torched nine villages in the valley.", "nine"),  # places
    ("Troops found two armored vehicles near the border.", "two"),  # one modifier
    ("The soldiers were paid 300 dollars each.", "300"),  # money
    ("Rebels burned 12 school buses overnight.", "12"),  # a compound of things
])
def test_a_number_of_things_is_recognised(planner: SentencePlanner, sentence: str,
                                          number: str) -> None:
    assert _things(planner, sentence, number)


@pytest.mark.parametrize(("sentence", "number"), [
    ("Gunmen killed 12 villagers in the raid.", "12"),  # people
    ("The shelling killed two village elders.", "two"),  # a compound before people
    ("Soldiers fired on 30 village residents.", "30"),  # the noun counted is people
    ("The blast killed 14 and wounded 20.", "14"),  # a bare number
    ("Three Zarlanian gunmen were arrested.", "Three"),  # a capitalised word
    ("It happened four-wheel-drive style.", "four"),  # a joined word
    ("Four days fighters held the town.", "Four"),  # fighters: an agent noun after it
])
def test_a_number_that_may_count_people_is_not(planner: SentencePlanner, sentence: str,
                                               number: str) -> None:
    assert not _things(planner, sentence, number)


def test_nouns_the_lexicon_counts_as_people_are_never_things(planner: SentencePlanner) -> None:
    u = planner.uncounted
    assert "days" in u.nouns and "kilometers" in u.nouns  # a unit keeps its "-ers" form
    for word in ("soldiers", "people", "civilians", "police", "dead", "bodies"):
        assert word not in u.nouns


def test_plurals_by_rule() -> None:
    assert plurals("city") == {"city", "citys", "cityes", "cities"}
    assert "days" in plurals("day") and "buses" in plurals("bus")


_TEXT = ("Gunmen killed 12 villagers in Tarvel on Sunday. "
         "The attackers fled four hours later toward the forest.")


def test_a_sentence_of_things_is_a_candidate_but_is_not_parsed(
        planner: SentencePlanner, full_planner: SentencePlanner) -> None:
    later = "The attackers fled four hours later toward the forest."
    assert later in _candidates(planner, _TEXT)  # a trigger ("fled") and a number
    assert later in _parsed(full_planner, _TEXT)
    assert _parsed(planner, _TEXT) == ["Gunmen killed 12 villagers in Tarvel on Sunday."]


def test_the_sentence_is_parsed_when_it_closes_a_quotation(planner: SentencePlanner) -> None:
    text = ("“Twelve villagers were killed in Tarvel. "
            "The attackers fled four hours later.” The village was quiet on Monday.")
    assert "The attackers fled four hours later.”" in _parsed(planner, text)


def test_the_sentence_is_parsed_when_a_later_figure_refers_back(
        planner: SentencePlanner) -> None:
    text = ("The Tarvel Militia attacked two villages overnight. "
            "Its fighters fled four hours later toward the forest. "
            "It said 12 of its men were killed.")
    assert "Its fighters fled four hours later toward the forest." in _parsed(planner, text)


def test_the_sentence_is_parsed_when_it_names_a_source(planner: SentencePlanner) -> None:
    text = ("Gunmen killed 12 villagers in Tarvel on Sunday. "
            "The attackers fled four hours later, residents said.")
    assert "The attackers fled four hours later, residents said." in _parsed(planner, text)


def test_a_document_with_a_response_cue_parses_its_candidates(extractor: Extractor) -> None:
    text = _TEXT + " The army denied the report of 12 villagers killed."
    doc = Document(id="r", text=text)
    plan, order, _ = extractor._planner.plan(text)
    skipped = [k for k, row in enumerate(plan) if row[3] and k not in order]
    assert skipped  # the planner leaves one out ...
    assert extractor.parsed_chars(doc) == sum(  # ... and the response cue brings it back
        plan[k][1] - plan[k][0] for k in sorted(set(order) | set(skipped)))


@pytest.mark.parametrize("text", [
    _TEXT,
    ("Police said gunmen killed 12 villagers in Tarvel on Sunday. Two of the wounded died "
     "later. The attackers fled four hours later toward the forest."),
    ("Officials said 40 soldiers were killed in the ambush. It added that nine were missing. "
     "The convoy had been attacked 80 miles away, near two burned villages."),
])
def test_the_claims_are_the_same_with_and_without_the_skip(extractor: Extractor,
                                                         text: str) -> None:
    doc = Document(id="s", text=text, published="2031-03-02")
    full = Extractor()
    full._planner = SentencePlanner(full.lexicon, full.provenance, uncounted=_NO_SKIP)
    full._nlp = extractor.nlp
    assert [c.to_dict() for c in extractor.extract(doc)] == \
        [c.to_dict() for c in full.extract(doc)]
    assert extractor.parsed_chars(doc) < full.parsed_chars(doc)  # one left out


def test_a_rules_file_with_no_nouns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "u.yaml"
    path.write_text("thing_nouns: []\nphrase_ends: [of]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="thing_nouns"):
        load_uncounted(str(path))


def test_a_rules_file_with_a_bad_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "u.yaml"
    path.write_text("thing_nouns: day\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="thing_nouns"):
        load_uncounted(str(path))


def test_a_user_rules_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u.yaml"
    path.write_text("thing_nouns: [lantern]\nplain_forms: [km]\nphrase_ends: [of]\n",
                    encoding="utf-8")
    rules = load_uncounted(str(path))
    assert {"lantern", "lanterns", "km"} <= rules.nouns
    assert rules.counts_things("They lit 40 lanterns of paper.", len("They lit 40"))
