"""Unit tests of reconcile/people.py: titles, roles and spellings of one person's name."""

from __future__ import annotations

import pytest

from tollwatch.reconcile.names import Names
from tollwatch.reconcile.tables import Person


@pytest.mark.parametrize(("text", "person"), [
    ("President Orlan Vesk", Person("Orlan Vesk", "president")),
    ("Orlan Vesk, a lawmaker", Person("Orlan Vesk", "legislator")),
    ("Orlan Vesk (spokesman)", Person("Orlan Vesk", "spokesperson")),
    ("former Defence Minister Tamsin Orrel", Person("Tamsin Orrel", "minister")),
    ("Ukrainian President Orlan Vesk", Person("Orlan Vesk", "president")),
    ("Orlan Vesk", Person("Orlan Vesk", None)),
    ("Orlan Vesk's", Person("Orlan Vesk", None)),
])
def test_person_takes_the_title_off(names: Names, text: str, person: Person) -> None:
    assert names.person(text) == person


@pytest.mark.parametrize("text", [
    "orlan vesk",          # not capitalised
    "Vesk",                # one word and no title
    "General Staff",       # a body
    "the army",
    "Reuters",             # a known source
    "A Very Long Name Of Many Words",
])
def test_not_a_person(names: Names, text: str) -> None:
    assert names.person(text) is None


def test_a_title_alone_makes_a_one_word_name_a_person(names: Names) -> None:
    p = names.person("President Vesk")
    assert p == Person("Vesk", "president")


def test_person_is_cached(names: Names) -> None:
    a = names.person("President Orlan Vesk")
    b = names.person("President Orlan Vesk")
    assert a is b


def test_same_person_ignores_titles(names: Names) -> None:
    assert names.same_person("President Orlan Vesk", "Orlan Vesk")
    assert names.same_person("Orlan Vesk, a lawmaker", "orlan vesk")


def test_same_person_surname_only(names: Names) -> None:
    assert names.same_person("Vesk", "Orlan Vesk")


def test_same_person_accepts_romanisation_variants(names: Names) -> None:
    assert names.same_person("Seong-kweun Pradel", "Sung-kwon Pradel")


def test_different_people(names: Names) -> None:
    assert not names.same_person("Orlan Vesk", "Orlan Brask")  # surnames differ
    assert not names.same_person("Tamsin Orrel", "Bram Orrel")  # given names far apart
    assert not names.same_person("", "Orlan Vesk")
