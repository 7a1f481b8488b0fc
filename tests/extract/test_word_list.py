"""``word_list`` (extract/datafile.py): the word lists of the rules files."""

from __future__ import annotations

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import word_list


def test_words_are_lower_cased_with_their_spaces_folded() -> None:
    assert word_list(["Briefing", "  News   Conference ", "", "  "], "nouns", "f.yaml") == (
        "briefing", "news conference")


def test_an_absent_list_is_empty() -> None:
    assert word_list(None, "nouns", "f.yaml") == ()


@pytest.mark.parametrize("value", ["briefing", ["briefing", 3], {"a": "b"}])
def test_anything_but_a_list_of_strings_names_the_file_and_key(value: object) -> None:
    with pytest.raises(ConfigError) as e:
        word_list(value, "occasion.nouns", "rules/mine.yaml")
    assert "occasion.nouns" in str(e.value) and e.value.source == "rules/mine.yaml"
