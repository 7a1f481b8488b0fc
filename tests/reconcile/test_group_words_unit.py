"""Unit tests of reconcile/group_words.py: singular words, phrase matching, clauses."""

from __future__ import annotations

import pytest

from tollwatch.reconcile.group_words import (
    MAX_PHRASE,
    Hit,
    Phrases,
    clause,
    figure_at,
    join_names,
    number_spans,
    surface_forms,
    words,
)


@pytest.mark.parametrize(("text", "out"), [
    ("The hostages' families", ("hostage", "family")),
    ("Policemen and WOMEN", ("policeman", "and", "woman")),
    ("Caf\u00e9 workers", ("cafe", "worker")),
    ("the soldier\u2019s wives", ("soldier", "wife")),
    ("boxes classes churches", ("box", "class", "church")),
    ("analysis status", ("analysis", "status")),
    ("their 12 children", ("12", "child")),
    ("missing people", ("missing", "people")),
    ("", ()),
])
def test_words(text: str, out: tuple[str, ...]) -> None:
    assert words(text) == out


def test_surface_forms_fold_back_to_the_word() -> None:
    for w in ("child", "family", "policeman", "box", "hostage", "wife"):
        forms = surface_forms(w)
        assert w in forms
        assert all(words(f) == (w,) for f in forms)
    assert "children" in surface_forms("child")
    assert "families" in surface_forms("family")
    assert "policemen" in surface_forms("policeman")


def _phrases() -> Phrases:
    p = Phrases()
    p.add("hostages", "hostages")
    p.add("child hostages", "child hostages")
    p.add("aid workers", "aid workers")
    p.add("the", "nothing")  # only a stop word: no key, not added
    p.add(" ".join(["w"] * (MAX_PHRASE + 1)), "too long")
    return p


def test_phrases_add_folds_and_skips_empty_or_long_phrases() -> None:
    p = _phrases()
    assert p.table == {("hostage",): "hostages", ("child", "hostage"): "child hostages",
                       ("aid", "worker"): "aid workers"}
    assert p.longest == {"hostage": 1, "child": 2, "aid": 1 + 1}


def test_find_prefers_the_longest_phrase_and_does_not_overlap() -> None:
    p = _phrases()
    hits = p.find(words("Three child hostages and two aid workers, and hostages"))
    assert [h.name for h in hits] == ["child hostages", "aid workers", "hostages"]
    assert hits[0] == Hit(1, 3, "child hostages") and hits[0].size == 2
    assert p.find(words("nobody at all")) == []


def test_may_occur_is_a_safe_prefilter() -> None:
    p = _phrases()
    assert p.may_occur("two child hostages were freed")
    assert p.may_occur("the children were hostages")  # every word occurs, in some form
    assert not p.may_occur("two children were freed")
    assert not p.may_occur("aid was sent")
    assert p.may_occur("caf\u00e9")  # accented text is always let through
    p.add("nurses", "nurses")  # the index is rebuilt when the table grows
    assert p.may_occur("a nurse was hurt")


def test_number_spans_and_figure_at() -> None:
    text = "1,200 of 35 and 4.5"
    spans = number_spans(text)
    assert spans == [(0, 5), (9, 11), (16, 19)]
    assert figure_at(text, spans, [35, None]) == 1
    assert figure_at(text, spans, [1200]) == 0
    assert figure_at(text, spans, [7]) is None
    assert figure_at(text, spans, [None]) is None


@pytest.mark.parametrize(("text", "out"), [
    ("five were killed; two fled", "five were killed"),
    ("ten were held while others fled", "ten were held "),
    ("six died, but the rest lived", "six died, "),
    ("no end here", "no end here"),
    ("3.5 people. Then more", "3.5 people"),
])
def test_clause(text: str, out: str) -> None:
    assert clause(text) == out


def test_join_names_deduplicates_in_order() -> None:
    hits = [Hit(0, 1, "hostages"), Hit(2, 3, "aid workers"), Hit(4, 5, "hostages")]
    assert join_names(hits) == "hostages and aid workers"
    assert join_names([]) == ""
