"""sources.py: a source's names and the memory that resolves later references to it."""

from __future__ import annotations

from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.source_memory import SourceMemory
from tollwatch.extract.sources import Source, clean_name


def _memory() -> SourceMemory:
    rules = load_provenance()
    return SourceMemory(rules.body_nouns, rules.person_nouns)


def test_names_are_trimmed_and_unique() -> None:
    src = Source(['"the Harbour Council,', "The Harbour Council", "  ;Council  "], False)
    assert src.names == ["the Harbour Council", "Council"]


def test_brackets_kept_only_in_pairs() -> None:
    assert Source(["the Relief Agency (ERA)"], False).names == ["the Relief Agency (ERA)"]
    assert Source(["(ERA"], False).names == ["ERA"]
    assert Source(["(ERA)"], False).names == ["ERA"]


def test_add_name_is_case_blind() -> None:
    src = Source(["Ana Ruiz"], True)
    src.add_name("ANA RUIZ")
    src.add_name("Dr Ruiz")
    assert src.names == ["Ana Ruiz", "Dr Ruiz"]


def test_clean_name_closes_a_lost_bracket() -> None:
    assert clean_name("  the Human Rights Office (HRO ,") == "the Human Rights Office (HRO)"
    assert clean_name("the\n  council.") == "the council"


def test_remember_merges_a_shared_name() -> None:
    mem = _memory()
    a = mem.remember(Source(["the Harbour Council"], False))
    b = mem.remember(Source(["the harbour council", "HC"], False, date="2024-01-02"))
    assert b is a
    assert a.names == ["the Harbour Council", "HC"]
    assert a.date == "2024-01-02"
    assert mem.sources == [a]


def test_remember_merges_a_bare_description() -> None:
    mem = _memory()
    bare = mem.remember(Source(["the army"], False))
    full = mem.remember(Source(["the Atlantean army"], False))
    assert full is bare
    assert "the Atlantean army" in bare.names


def test_remember_keeps_distinct_sources_most_recent_last() -> None:
    mem = _memory()
    a = mem.remember(Source(["the Harbour Council", "Harbour Council"], False))
    b = mem.remember(Source(["Ana Ruiz"], True))
    again = mem.remember(Source(["harbour council"], False))
    assert again is a
    assert mem.sources == [b, a]


def test_remember_matches_whole_names_only() -> None:
    # the caller gives each name with and without its article; one form alone is another
    mem = _memory()
    mem.remember(Source(["the Harbour Council"], False))
    mem.remember(Source(["Harbour Council"], False))
    assert len(mem.sources) == 2


def test_resolve_pronouns() -> None:
    mem = _memory()
    person = mem.remember(Source(["Ana Ruiz"], True))
    body = mem.remember(Source(["the Harbour Council"], False))
    assert mem.resolve("she", None) is person
    assert mem.resolve("it", None) is body
    assert mem.resolve("they", None) is body
    # once "she" has meant her, "he" does not (and no other person is named)
    assert person.gender == "f"
    assert mem.resolve("He", None) is None
    other = mem.remember(Source(["Tom Dahl"], True))
    assert mem.resolve("He", None) is other


def test_he_skips_a_plural_source() -> None:
    mem = _memory()
    person = mem.remember(Source(["Ana Ruiz"], True))
    mem.remember(Source(["officials"], True, plural=True))
    assert mem.resolve("she", None) is person


def test_they_skips_a_noted_source() -> None:
    mem = _memory()
    stated = mem.remember(Source(["the Harbour Council"], False))
    mem.remember(Source(["the Coastal Police"], False, noted=True))
    assert mem.resolve("they", None) is stated


def test_resolve_surname_and_title() -> None:
    mem = _memory()
    person = mem.remember(Source(["Ana Ruiz"], True))
    mem.remember(Source(["the Harbour Council"], False))
    assert mem.resolve("Ruiz", None) is person
    assert mem.resolve("Dr Ruiz", None) is person
    assert mem.resolve("Lind", None) is None


def test_resolve_description_needs_every_word() -> None:
    mem = _memory()
    ministry = mem.remember(Source(["the Interior Ministry"], False, head="ministry"))
    assert mem.resolve("the ministry", None) is ministry
    assert mem.resolve("the interior ministry", None) is ministry
    assert mem.resolve("the health ministry", None) is None


def test_resolve_statement_is_the_last_stated_source() -> None:
    mem = _memory()
    mem.remember(Source(["Ana Ruiz"], True))
    last = mem.remember(Source(["the Harbour Council"], False))
    mem.remember(Source(["the Coastal Police"], False, noted=True))
    assert mem.resolve("the statement", None) is last


def test_resolve_nothing_remembered() -> None:
    mem = _memory()
    assert mem.resolve("she", None) is None
    assert mem.resolve("", None) is None


def test_touch_makes_a_source_recent() -> None:
    mem = _memory()
    a = mem.remember(Source(["Ana Ruiz"], True, noted=True))
    mem.remember(Source(["Luis Lind"], True))
    mem.touch(a)
    assert mem.sources[-1] is a and not a.noted
    assert mem.resolve("she", None) is a


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def test_note_people_remembers_persons(nlp: Any) -> None:
    mem = _memory()
    mem.note_people(nlp("Maria Kowalski visited the clinic in the morning."))
    persons = [s for s in mem.sources if s.person]
    if not persons:
        pytest.skip("the model did not tag the name as a PERSON")
    assert persons[0].noted
    assert "Maria Kowalski" in persons[0].names
    assert mem.resolve("Kowalski", None) is persons[0]


def test_a_titled_surname_is_the_person_it_ends_before_of() -> None:
    mem = _memory()
    governor = mem.remember(Source(["Governor Ada Obi of Lakeside State"], True))
    teacher = mem.remember(Source(["a teacher, Obi Nwosu"], True))
    assert mem.resolve("Governor Obi", True) is governor
    assert mem.resolve("Nwosu", True) is teacher
