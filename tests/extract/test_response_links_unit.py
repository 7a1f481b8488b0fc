"""response_links.py: what a response is about, and which claims of the document it
answers."""

from __future__ import annotations

from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.response_cues import ResponseLexicon, load_response_lexicon
from tollwatch.extract.response_links import About, answered_claims, read_about
from tollwatch.model import Claim

# three sentences of 100 characters each
BOUNDS = [(0, 100), (100, 200), (200, 300)]


@pytest.fixture(scope="module")
def rlex() -> ResponseLexicon:
    return load_response_lexicon()


def _c(metric: str, value: int, start: int, origin: str = "", actor: str | None = None,
       quote: str = "") -> Claim:
    return Claim(metric=metric, value=value, start=start, end=start + 10,
                 origin=[origin] if origin else [], actor=actor, quote=quote)


def test_answers_the_claims_of_its_metric(rlex: ResponseLexicon) -> None:
    claims = [_c("killed", 12, 10, "police"), _c("displaced", 400, 20, "police")]
    about = About(text="the deaths", answerable=True, metrics={"killed"})
    assert answered_claims(claims, BOUNDS, 1, about, "denied", ["the army"], rlex) == [0]


def test_prefers_the_named_side(rlex: ResponseLexicon) -> None:
    claims = [_c("killed", 12, 10, "police", actor="Atlantis"),
              _c("killed", 5, 20, "police", actor="Lemuria")]
    about = About(metrics={"killed"}, actor="Lemuria", answerable=True)
    assert answered_claims(claims, BOUNDS, 1, about, "denied", ["x"], rlex) == [1]


def test_nearest_sentence_wins(rlex: ResponseLexicon) -> None:
    claims = [_c("killed", 12, 10, "police"), _c("killed", 7, 110, "medics")]
    about = About(metrics={"killed"}, answerable=True)
    assert answered_claims(claims, BOUNDS, 2, about, "denied", ["x"], rlex) == [1]


def test_events_match_the_quote(rlex: ResponseLexicon) -> None:
    claims = [_c("killed", 12, 10, "police", quote="The airstrike killed 12."),
              _c("injured", 3, 20, "police", quote="A crash hurt 3.")]
    about = About(events={"airstrike"}, answerable=True)
    assert answered_claims(claims, BOUNDS, 1, about, "denied", ["x"], rlex) == [0]


def test_no_comment_refers_to_the_nearest_figures(rlex: ResponseLexicon) -> None:
    claims = [_c("killed", 12, 10, "police")]
    assert answered_claims(claims, BOUNDS, 1, About(), "no_comment", ["x"], rlex) == [0]
    assert answered_claims(claims, BOUNDS, 1, About(), "denied", ["x"], rlex) == []


def test_confirmation_of_own_figure_is_no_answer(rlex: ResponseLexicon) -> None:
    claims = [_c("killed", 12, 10, "the police")]
    about = About(metrics={"killed"}, answerable=True)
    assert answered_claims(claims, BOUNDS, 1, about, "confirmed", ["the police"],
                           rlex) is None
    assert answered_claims(claims, BOUNDS, 1, about, "confirmed", ["the army"], rlex) == [0]


def test_same_sentence_figure_echoing_another_source(rlex: ResponseLexicon) -> None:
    claims = [_c("killed", 12, 10, "the police"), _c("killed", 12, 110, "the army")]
    about = About(metrics={"killed"}, answerable=True)
    assert answered_claims(claims, BOUNDS, 1, about, "confirmed", ["the army"], rlex) == [0]
    assert answered_claims(claims, BOUNDS, 1, about, "denied", ["the army"],
                           rlex) == [0, 1]


def test_headline_response_answers_what_follows(rlex: ResponseLexicon) -> None:
    claims = [_c("killed", 12, 150, "police")]
    about = About(metrics={"killed"}, answerable=True)
    assert answered_claims(claims, BOUNDS, 0, about, "denied", ["x"], rlex) == [0]


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _about(nlp: Any, extractor: Extractor, rlex: ResponseLexicon, text: str) -> About:
    doc = nlp(text)
    cue = next(m for m in rlex.cue_matches(text) if m.kind == "denied")
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    head = next(t for t in span if t.pos_ == "VERB")
    return read_about(doc, head, cue, extractor.lexicon, rlex)


def test_read_about_a_figure(nlp: Any, extractor: Extractor, rlex: ResponseLexicon) -> None:
    about = _about(nlp, extractor, rlex, "The army denied that 40 civilians were killed.")
    assert about.answerable
    assert about.text is not None and "40 civilians" in about.text
    assert not about.text.lower().startswith("that ")
    assert "killed" in about.metrics


def test_read_about_a_report(nlp: Any, extractor: Extractor, rlex: ResponseLexicon) -> None:
    about = _about(nlp, extractor, rlex, "The army denied the reports on Wednesday.")
    assert about.refers and about.answerable
    assert about.text is not None and "Wednesday" not in about.text
