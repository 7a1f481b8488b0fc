"""metric.py: the trigger words of a sentence and the metric each figure is counted in."""

from __future__ import annotations

from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.captivity import held_by_armed_group
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.metric import (
    between_has_number,
    find_triggers,
    is_subset,
    pick_metric,
    second_count_between,
)


@pytest.fixture(scope="module")
def lex(extractor: Extractor) -> Lexicon:
    return extractor.lexicon


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _triggers(nlp: Any, lex: Lexicon, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(doc[t.start:t.end].text, t.metric, t.kind) for t in find_triggers(doc, lex)]


def _metric_of(nlp: Any, lex: Lexicon, text: str, number: str,
               armed: bool = False, losses: bool = False) -> tuple[str, float, int] | None:
    doc = nlp(text)
    nums = [t for t in doc if t.like_num]
    tok = next(t for t in nums if t.text == number)
    head = tok.head if tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nummod" else None
    return pick_metric(doc, doc[tok.i:tok.i + 1], head, find_triggers(doc, lex),
                       {t.i for t in nums}, lex, armed, losses)


@pytest.mark.parametrize(("text", "word", "metric"), [
    ("Gunmen abducted 12 villagers.", "abducted", "abducted"),
    ("Police detained 12 villagers.", "detained", "detained"),
    ("Twenty soldiers were deployed to the border.", "deployed", "deployed"),
    ("The attack caused 43 casualties.", "casualties", "casualties"),
    ("Some 300 people were wounded.", "wounded", "injured"),
    ("The clashes left four policemen dead.", "dead", "killed"),
    ("150 killed in floods", "killed", "killed"),
])
def test_trigger_words(nlp: Any, lex: Lexicon, text: str, word: str, metric: str) -> None:
    found = {(w, m) for w, m, _ in _triggers(nlp, lex, text)}
    assert (word, metric) in found


def test_no_trigger_in_a_plain_sentence(nlp: Any, lex: Lexicon) -> None:
    assert _triggers(nlp, lex, "The committee met 12 times in the spring.") == []


def test_trigger_kinds(nlp: Any, lex: Lexicon) -> None:
    kinds = {w: k for w, _, k in _triggers(nlp, lex, "The attack caused 43 casualties.")}
    assert kinds["casualties"] == "noun"
    kinds = {w: k for w, _, k in _triggers(nlp, lex, "Gunmen abducted 12 villagers.")}
    assert kinds["abducted"] == "verb"


def test_phrase_triggers_cover_their_words(nlp: Any, lex: Lexicon) -> None:
    if not lex.phrase_metric:
        pytest.skip("no phrase triggers in the lexicon")
    phrase, metric = next((p, m) for p, m in sorted(lex.phrase_metric.items())
                          if " " in p and p.isascii())
    doc = nlp(f"Officials said 14 men were {phrase} on Monday.")
    trigs = find_triggers(doc, lex)
    ph = [t for t in trigs if t.kind == "phrase"]
    assert ph and ph[0].metric == metric
    inside = set(range(ph[0].start, ph[0].end))
    assert all(t.start not in inside for t in trigs if t is not ph[0])


@pytest.mark.parametrize(("text", "number", "metric"), [
    ("Gunmen abducted 12 villagers.", "12", "abducted"),
    ("Police detained 12 villagers.", "12", "detained"),
    ("The death toll rose to 60 on Monday.", "60", "killed"),
    ("The clashes left four policemen dead.", "four", "killed"),
    ("150 killed in floods", "150", "killed"),
    ("Twenty soldiers were deployed to the border.", "Twenty", "deployed"),
    ("The attack caused 43 casualties.", "43", "casualties"),
])
def test_pick_metric(nlp: Any, lex: Lexicon, text: str, number: str, metric: str) -> None:
    got = _metric_of(nlp, lex, text, number)
    assert got is not None
    assert got[0] == metric
    assert 0 < got[1] <= 0.95


def test_number_right_before_trigger_is_confident(nlp: Any, lex: Lexicon) -> None:
    got = _metric_of(nlp, lex, "150 killed in floods", "150")
    assert got is not None and got[1] == pytest.approx(0.95)


def test_no_trigger_no_metric(nlp: Any, lex: Lexicon) -> None:
    assert _metric_of(nlp, lex, "The committee met 12 times in the spring.", "12") is None


def test_trigger_index_points_at_trigger(nlp: Any, lex: Lexicon) -> None:
    text = "Police detained 12 villagers."
    got = _metric_of(nlp, lex, text, "12")
    assert got is not None
    assert nlp(text)[got[2]].text == "detained"


def test_lost_soldiers_are_killed_or_losses(nlp: Any, lex: Lexicon) -> None:
    text = "The army lost 20 soldiers in the battle."
    plain = _metric_of(nlp, lex, text, "20", armed=True)
    assert plain is not None and plain[0] == "killed"
    losses = _metric_of(nlp, lex, text, "20", armed=True, losses=True)
    assert losses is not None and losses[0] == "casualties"


def test_denied_loss_is_not_counted(nlp: Any, lex: Lexicon) -> None:
    got = _metric_of(nlp, lex, "The unit did not lose 20 soldiers.", "20", armed=True)
    assert got is None or got[0] != "killed"


def test_subset_markers(nlp: Any) -> None:
    doc = nlp("Some 300 people, including 12 children, were wounded.")
    twelve = next(t for t in doc if t.text == "12")
    three = next(t for t in doc if t.text == "300")
    assert is_subset(doc, doc[twelve.i:twelve.i + 1])
    assert not is_subset(doc, doc[three.i:three.i + 1])


def test_subset_through_at_least(nlp: Any) -> None:
    doc = nlp("Dozens died, among them at least 12 children.")
    twelve = next(t for t in doc if t.text == "12")
    assert is_subset(doc, doc[twelve.i:twelve.i + 1])


def test_subset_stops_at_a_content_word(nlp: Any) -> None:
    doc = nlp("Including the police, officers counted 12 bodies.")
    twelve = next(t for t in doc if t.text == "12")
    assert not is_subset(doc, doc[twelve.i:twelve.i + 1])


def test_between_has_number() -> None:
    assert between_has_number(2, 8, {5})
    assert between_has_number(8, 2, {5})
    assert not between_has_number(2, 8, {2, 8})
    assert not between_has_number(2, 8, {1, 9})
    assert not between_has_number(3, 3, {3})


def test_second_count_between(nlp: Any) -> None:
    doc = nlp("with 6 nurses and 11 others forcibly detained")
    assert second_count_between(doc[3:6])          # "and 11 others"
    assert not second_count_between(doc[3:4])      # too short
    assert not second_count_between(doc[0:3])      # does not open with and/or
    doc2 = nlp("and the nurses were detained")
    assert not second_count_between(doc2[0:4])     # no number


def test_held_by_armed_group(nlp: Any) -> None:
    doc = nlp("Villagers were detained by gunmen in the hills.")
    verb = next(t for t in doc if t.text == "detained")
    assert held_by_armed_group(doc, verb.i)
    doc = nlp("Villagers were detained by police in the hills.")
    verb = next(t for t in doc if t.text == "detained")
    assert not held_by_armed_group(doc, verb.i)


def test_end_to_end_detained_by_gunmen_is_abducted(claims_of: Any) -> None:
    claims = claims_of("Eleven farmers were detained by gunmen near the border on Monday.")
    eleven = [c for c in claims if c.value == 11]
    assert eleven and eleven[0].metric == "abducted"


def test_end_to_end_detained_by_police(claims_of: Any) -> None:
    claims = claims_of("Eleven farmers were detained by police near the border on Monday.")
    eleven = [c for c in claims if c.value == 11]
    assert eleven and eleven[0].metric == "detained"


def test_end_to_end_toll_rose(claims_of: Any) -> None:
    claims = claims_of("The death toll from the bombing rose to 61, the ministry said.")
    assert [(c.metric, c.value) for c in claims] == [("killed", 61)]


@pytest.mark.parametrize(("text", "metric"), [
    ("Twelve soldiers changed sides on Sunday.", "defected"),
    ("Twelve militiamen switched allegiance to the government.", "defected"),
    ("Twelve refugees crossed over into Chad.", "displaced"),  # no defection phrase
])
def test_changing_sides_is_defection(claims_of: Any, text: str, metric: str) -> None:
    claims = claims_of(text)
    assert [(c.metric, c.value) for c in claims] == [(metric, 12)]
