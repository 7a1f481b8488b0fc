"""name_keys.py: one person under two names keys on the surname."""

from __future__ import annotations

from tollwatch.extract.name_keys import fold_name, surname_key
from tollwatch.extract.repeats import dedup, same_source
from tollwatch.model import Claim


def test_titled_and_full_names_share_the_surname() -> None:
    assert surname_key("Colonel Ivo Marek") == "~marek"
    assert surname_key("colonel Marek") == "~marek"
    assert surname_key("Dr. Ana Ruiz") == "~ruiz"
    assert surname_key("Ana Ruiz") == "~ruiz"


def test_bodies_and_bare_words_have_no_surname() -> None:
    assert surname_key("Defence Ministry") is None
    assert surname_key("the Health Ministry") is None
    assert surname_key("Marek") is None          # one word: the plain name key covers it
    assert surname_key("local officials") is None
    assert surname_key("Red Cross") is None


def test_same_source_by_surname() -> None:
    a = Claim(metric="killed", value=2, origin=["Colonel Ivo Marek"])
    b = Claim(metric="killed", value=2, origin=["colonel Marek"])
    assert same_source(a, b)
    c = Claim(metric="killed", value=2, origin=["Colonel Petra Novak"])
    assert not same_source(a, c)


def test_dedup_folds_the_two_names() -> None:
    a = Claim(metric="killed", value=2, origin=["Colonel Ivo Marek"], start=0, end=10,
              attribution={"how": "verb"})
    b = Claim(metric="killed", value=2, origin=["colonel Marek"], start=50, end=60,
              attribution={"how": "quote"})
    assert dedup([a, b]) == [a]


def test_body_key_of_a_spokesperson() -> None:
    from tollwatch.extract.name_keys import body_key
    assert body_key("a spokesman for the Coast Guard") == "@coast guard"
    assert body_key("Coast Guard spokeswoman Jane Doe") == "@coast guard"
    assert body_key("Lt. Ivo Marek, a spokesperson for the Harbour Police") == \
        "@harbour police"
    assert body_key("the spokesman") is None
    assert body_key("Mayor Ana Ruiz") is None


def test_a_body_and_its_spokesperson_are_one_source() -> None:
    a = Claim(metric="injured", value=18, origin=["the Harbour Police"])
    b = Claim(metric="injured", value=18,
              origin=["Lt. Ivo Marek", "a spokesperson for the Harbour Police"])
    assert same_source(a, b)
    c = Claim(metric="injured", value=18, origin=["a spokesperson for the Red Cross"])
    assert not same_source(a, c)


def test_fold_name_drops_accents_article_and_punctuation() -> None:
    assert fold_name("The Ministry of Défense") == "ministry of defense"
    assert fold_name("an N.G.O.") == "n g o"
    assert fold_name("Theatre Group") == "theatre group"  # "the" only as a word
