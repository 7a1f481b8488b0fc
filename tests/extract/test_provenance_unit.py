"""provenance.py: the built-in provenance rules (provenance.yaml) compile to patterns that
do what their names say."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.extract.provenance import ProvenanceRules, load_provenance


@pytest.fixture(scope="module")
def rules() -> ProvenanceRules:
    return load_provenance()


def test_loaded_once(rules: ProvenanceRules) -> None:
    assert load_provenance() is rules


@pytest.mark.parametrize(("text", "hit"), [
    ("The ministry said earlier today that the roads were shut.", True),
    ("Officials said this morning that aid had arrived.", True),
    ("The governor spoke tonight.", True),
    ("The ministry said on Tuesday that the roads were shut.", False),
    ("Todays figures", False),   # no word boundary on the right
])
def test_today_words(rules: ProvenanceRules, text: str, hit: bool) -> None:
    assert (rules.today.search(text) is not None) is hit


def test_dateline_gives_the_day(rules: ProvenanceRules) -> None:
    line = "PORT ELDON, March 3 (Wire) - Floods killed 9 people."
    m = next((rx.match(line) for rx in rules.datelines if rx.match(line)), None)
    assert m is not None
    assert m.group("day") == "March 3"


def test_no_dateline_in_a_plain_sentence(rules: ProvenanceRules) -> None:
    line = "Floods killed 9 people on Monday, officials said."
    assert all(rx.match(line) is None for rx in rules.datelines)


@pytest.mark.parametrize(("text", "hit"), [
    ("The dead included four children.", True),
    ("  \u201cAmong those hurt were two nurses.", True),
    ("Police said the dead included four children.", False),  # only at the start
])
def test_carry_on_starts(rules: ProvenanceRules, text: str, hit: bool) -> None:
    assert (rules.carry_on.search(text) is not None) is hit


@pytest.mark.parametrize(("text", "hit"), [
    ("We counted the bodies ourselves.", True),
    ("Our teams reached the village.", True),
    ("Their teams reached the village.", False),
    ("Swede teams reached the village.", False),   # "we" inside a word
])
def test_first_person(rules: ProvenanceRules, text: str, hit: bool) -> None:
    assert (rules.first_person.search(text) is not None) is hit


def test_backward_cue(rules: ProvenanceRules) -> None:
    assert rules.backward_cue.search("This was confirmed by the regional police.")
    assert rules.backward_cue.search("The regional police said so.") is None


def test_hearsay(rules: ProvenanceRules) -> None:
    assert rules.hearsay.search("Twelve people were said to have died.")
    assert rules.hearsay.search("Twelve people died, officials said.") is None


def test_short_forms_expand(rules: ProvenanceRules) -> None:
    assert rules.short_forms["pm"] == ("prime minister",)
    assert "defence ministry" in rules.short_forms["mod"]


def test_reference_nouns(rules: ProvenanceRules) -> None:
    assert "agency" in rules.body_nouns
    assert "spokesman" in rules.person_nouns
    assert not rules.body_nouns & rules.person_nouns


def test_confidence_factors_are_fractions(rules: ProvenanceRules) -> None:
    assert rules.confidence
    assert all(0 < v <= 1 for v in rules.confidence.values())
    assert rules.confidence_of("verb") == 1.0
    assert rules.confidence_of("reference") < rules.confidence_of("verb")


def test_continuation_limits(rules: ProvenanceRules) -> None:
    assert rules.max_gap >= 1
    assert rules.next_paragraph >= 0
    assert rules.headline_max_words >= 2


def test_new_source_sections_load() -> None:
    rules = load_provenance()
    assert rules.later_source_reach > 0 and 0 < rules.later_source_shared <= 1
    assert rules.later_source_paragraphs >= 1
    assert "it" in rules.clause_pronouns and "advcl" in rules.clause_links
    assert rules.clause_depth >= 1 and "with" in rules.clause_absolute_preps
    assert "assess" in rules.clausal_cues and "learn" not in rules.clausal_cues
    assert rules.tail_name_max_words > 0 and "of" in rules.tail_name_joiners
    assert "colonel" in rules.person_titles and "ministry" in rules.not_surnames
    assert "spokesman" in rules.body_roles and "for" in rules.body_role_preps
    assert "same" in rules.pointing_words and "figures" in rules.report_nouns
    assert "post" in rules.message_nouns and "in" in rules.cited_in_preps
    assert any(rx.search("The 12 victims were") for rx in rules.carry_on_patterns)


def test_a_bad_carry_on_pattern_is_a_config_error(tmp_path: Path) -> None:
    from tollwatch.errors import ConfigError
    bad = tmp_path / "p.yaml"
    bad.write_text("continuation:\n  carry_on_patterns: ['(unclosed']\n")
    with pytest.raises(ConfigError):
        load_provenance(str(bad))
