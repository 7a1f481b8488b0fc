"""Ages told as limits or as what sets one person apart are no counts; a denial does not
reach what the denier goes on to say; a sentence that opens on an earlier stretch of time is
background in the article's voice; a unit named with a number is a source. Hand-written
sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

from .claim_lookup import figures, get_claim, source_names

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Four herders, one of them aged 17, were detained at the checkpoint, police said.",
     [("detained", 4)]),
    ("Police said 30 students were detained and that most of them were under 16.",
     [("detained", 30)]),
    ("The toll was over 60, police said.", [("killed", 60)]),
    ("Nineteen people, one of whom was a nurse, were killed, police said.",
     [("killed", 19), ("killed", 1)]),
])
def test_ages_are_not_counts(claims_of: Run, text: str,
                             expected: list[tuple[str, int]]) -> None:
    assert figures(claims_of(text)) == expected


def test_a_denial_does_not_reach_what_is_said_after_it(claims_of: Run) -> None:
    text = ("In a statement, the rebels denied losing 48 fighters, saying nine of their men "
            "had died and that they had killed 70 soldiers.")
    claims = claims_of(text)
    assert get_claim(claims, "killed", 48).stance == "denied"
    assert get_claim(claims, "killed", 9).stance == "asserted"
    assert get_claim(claims, "killed", 70).stance == "asserted"
    text = "The army denied that villages were shelled, saying it had killed 30 gunmen."
    assert get_claim(claims_of(text), "killed", 30).stance == "asserted"


def test_denied_reports_stay_denied(claims_of: Run) -> None:
    text = "The army denied reports that 40 villagers were killed."
    assert get_claim(claims_of(text), "killed", 40).stance == "denied"


def test_a_background_sentence_is_the_article_s_own(claims_of: Run) -> None:
    text = ("The governor said on Monday that three police officers were killed. Since 2019, "
            "more than 400 people have been killed in the province.")
    claims = claims_of(text, "2031-05-14")
    assert source_names(get_claim(claims, "killed", 3)) == "the governor | governor"
    bg = get_claim(claims, "killed", 400)
    assert bg.origin == [] and bg.date is None


def test_a_numbered_unit_is_a_source(claims_of: Run) -> None:
    c = get_claim(claims_of("The 101 Brigade says it captured 17 fighters overnight."),
                  "captured", 17)
    assert "101 brigade" in source_names(c)


def test_people_still_in_hospital_are_wounded(claims_of: Run) -> None:
    claims = claims_of("At least 20 people were killed and 30 remain in hospital, "
                       "officials said.")
    assert figures(claims) == [("killed", 20), ("injured", 30)]


@pytest.mark.parametrize(("text", "own", "sourced"), [
    ("Police arrested 12 men on Monday, but the army says 40 were detained.", 12, 40),
    ("The army killed 30 rebels, while the rebels say they lost only 10 fighters.", 30, 10),
])
def test_a_contrasted_clause_s_source_speaks_for_its_clause(
        claims_of: Run, text: str, own: int, sourced: int) -> None:
    claims = {c.value: c for c in claims_of(text)}
    assert claims[own].origin == []
    assert claims[sourced].origin != []


def test_a_speaker_after_a_while_clause_speaks_for_the_sentence(claims_of: Run) -> None:
    text = ("The cell was composed of 32 militants, while the rest came from abroad, the "
            "minister continued.")
    c = get_claim(claims_of(text), "deployed", 32)
    assert "minister" in source_names(c)
