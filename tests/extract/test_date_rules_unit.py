"""date_rules.py: the built-in date rules (dates.yaml) and what their patterns match."""

from __future__ import annotations

import pytest

from tollwatch.extract.date_rules import DateRules, load_date_rules


@pytest.fixture(scope="module")
def rules() -> DateRules:
    return load_date_rules()


def _bare_day(rules: DateRules, line: str) -> str | None:
    for rx in rules.bare_datelines:
        m = rx.search(line)
        if m is not None:
            return m.group("day")
    return None


def test_loaded_once(rules: DateRules) -> None:
    assert load_date_rules() is rules


def test_day_labels_are_entity_labels(rules: DateRules) -> None:
    assert "DATE" in rules.day_labels
    assert all(label.isupper() for label in rules.day_labels)


def test_word_tables_are_lower_case(rules: DateRules) -> None:
    for table in (rules.verb_day_links, rules.occasion_verbs, rules.publish_verbs,
                  rules.announce_verbs, rules.earlier_words, rules.statement_nouns,
                  rules.person_titles):
        assert all(w == w.lower() for w in table)
    assert "publish" in rules.publish_verbs
    assert "announce" in rules.announce_verbs
    assert "previously" in rules.earlier_words
    assert "president" in rules.person_titles


@pytest.mark.parametrize(("line", "day"), [
    ("PORT ELDON (Wire - 3 March 2024) The floods reached the town.", "3 March 2024"),
    ("March 3, 2024 \u2014 Floods reached the town.", "March 3, 2024"),
    ("3 March: Floods reached the town.", "3 March"),
])
def test_bare_datelines(rules: DateRules, line: str, day: str) -> None:
    assert _bare_day(rules, line) == day


@pytest.mark.parametrize("line", [
    "Floods reached the town on 3 March.",
    "march 3 floods reached the town.",
])
def test_not_a_bare_dateline(rules: DateRules, line: str) -> None:
    assert _bare_day(rules, line) is None


def _rewrite(rules: DateRules, name: str) -> str:
    for rx, to in rules.body_name_rewrites:
        name = rx.sub(to, name)
    return name


@pytest.mark.parametrize(("name", "form"), [
    ("ministry of health", "health ministry"),
    ("ministry of the interior", "interior ministry"),
    ("ministry of foreign affairs", "foreign ministry"),
    ("ministry of defense", "defence ministry"),
    ("atlantean armed forces", "atlantean military"),
    ("the army", "the military"),
])
def test_body_name_rewrites(rules: DateRules, name: str, form: str) -> None:
    assert _rewrite(rules, name) == form


def test_first_paragraphs_for_bare_datelines(rules: DateRules) -> None:
    assert rules.bare_dateline_paragraphs >= 1
    assert rules.listener_max_words >= 1
