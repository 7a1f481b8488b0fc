"""A wire dateline with a place written in capitals and small letters ("Lisburg, January 21,
2031 --") is blanked before parsing, like "LISBURG --": the place is not taken for the
source (extract/datelines.dateline_length, extract/pipeline._blank_dateline).
Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.datelines import dateline_length
from tollwatch.extract.provenance import load_provenance
from tollwatch.model import Claim

from .claim_lookup import get_claim as _get
from .claim_lookup import source_names

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize(("sentence", "opening"), [
    ("Lisburg, January 21, 2031 — The ministry says 30 people died.",
     "Lisburg, January 21, 2031 —"),
    ("Lisburg, 21 January 2031 (Wire): The ministry says 30 people died.",
     "Lisburg, 21 January 2031 (Wire):"),
    ("Lisburg, (Wire News - 21st January, 2031) The ministry says 30 people died.",
     "Lisburg, (Wire News - 21st January, 2031)"),
])
def test_dateline_length_covers_the_dateline(sentence: str, opening: str) -> None:
    assert dateline_length(sentence, load_provenance().datelines) == len(opening)


@pytest.mark.parametrize("sentence", [
    "The ministry says 30 people died on January 21.",
    "Lisburg, the port city, says 30 people died.",  # a place and no day
])
def test_no_dateline_no_length(sentence: str) -> None:
    assert dateline_length(sentence, load_provenance().datelines) == 0


@pytest.mark.parametrize("text", [
    "Lisburg, January 21, 2031 — The ministry says 30 people were killed in the raid.",
    "Lisburg, 21 January 2031 (Wire): The ministry says 30 people were killed in the raid.",
])
def test_the_place_of_a_dateline_is_no_source(claims_of: Run, text: str) -> None:
    c = _get(claims_of(text, "2031-01-22"), "killed", 30)
    assert "lisburg" not in source_names(c)
    assert "ministry" in source_names(c)
    assert c.date == "2031-01-21"


@pytest.mark.parametrize(("text", "day"), [
    ("LISBURG, Monday (Wire) - The ministry says 30 people were killed in the raid.",
     "2031-06-09"),
    ("Lisburg, Tuesday -- The ministry says 30 people were killed in the raid.",
     "2031-06-10"),
])
def test_a_weekday_dateline_dates_its_paragraph(claims_of: Run, text: str, day: str) -> None:
    c = _get(claims_of(text, "2031-06-10"), "killed", 30)  # published on a Tuesday
    assert c.date == day
    assert (c.attribution or {}).get("date_how") == "dateline"


def test_a_weekday_in_a_sentence_is_no_dateline(claims_of: Run) -> None:
    text = "In Lisburg, Monday was calm. The ministry says 30 people were killed in the raid."
    assert _get(claims_of(text, "2031-06-10"), "killed", 30).date is None


def test_a_city_in_capitals_before_a_colon_is_no_source(claims_of: Run) -> None:
    text = ("ORVELDAM: Twelve soldiers, including two police officers, were killed when a "
            "car bomb hit a checkpoint, the military said.")
    claims = claims_of(text)
    assert {source_names(c) for c in claims} == {"the military | military"}


def test_a_short_tag_before_a_colon_is_still_a_headline_source(claims_of: Run) -> None:
    assert _get(claims_of("UN: 40 killed in strike"), "killed", 40).origin == ["UN"]


def test_the_remaining_wounded_continue_the_statement(claims_of: Run) -> None:
    text = ("Police said 12 people were wounded, five of them critically.\n"
            "\"The remaining seven are stable,\" he added.")
    c = _get(claims_of(text), "injured", 7)
    assert "police" in source_names(c)
