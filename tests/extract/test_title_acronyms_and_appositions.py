"""A person's bracketed title acronym ("Deputy Inspector General of Police (DIG) ...") is a
name "the DIG" later refers to, and a reference with an apposition ("The network, a group of
medics ...") is still a reference (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from tests.extract.claim_lookup import get_claim, source_names

from tollwatch.extract.sources import title_acronyms
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def test_the_acronym_of_a_title_refers_to_its_person(claims_of: Run) -> None:
    claims = claims_of("Senior Superintendent of Police (SSP) Operations Karim Baloch told a "
                       "press conference today that nine suspects had been arrested.\n"
                       "The SSP said 26 suspects had so far been taken into custody.\n",
                       "2024-10-14")
    c = get_claim(claims, "detained", 26)
    assert "karim baloch" in source_names(c)
    assert c.date == "2024-10-14"


def test_title_acronyms_are_read_only_in_brackets_before_the_name() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Inspector General of Police ( IGP ) Rajiv Bhat and NATO said")
    start = [t.text for t in doc].index("Rajiv")
    assert title_acronyms(doc, start) == ["IGP"]
    other = nlp("The NATO Secretary General Ana Lind said")
    assert title_acronyms(other, [t.text for t in other].index("Ana")) == []


def test_a_reference_with_an_apposition_is_the_body_before(claims_of: Run) -> None:
    claims = claims_of("The Darfur Medics Network said in a statement on Wednesday night that "
                       "44 people were killed.\n"
                       "The network, a group of doctors documenting the war's dead, said 13 of "
                       "the dead were children.\n", "2024-08-22")
    c = get_claim(claims, "killed", 13)
    assert "darfur medics network" in source_names(c)
    assert c.date == "2024-08-21"
