"""Who reports a figure, and when: tolls and questions, headline tags, towns that are no
"he", those who attribute or blame a toll, datelines of another calendar (sentences written
for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value, source_names

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def test_a_toll_is_no_source(claims_of: Run) -> None:
    got = claims_of("The toll has risen steadily: the Ombudsman's first bulletin, on Feb. "
                    "10, reported 18 deaths.")
    assert "toll" not in source_names(got[0])
    assert "ombudsman" in source_names(got[0])


def test_a_question_names_its_asker(claims_of: Run) -> None:
    got = claims_of("At Tuesday's session, opposition deputy Gil Arana asked why the army had "
                    "deployed 6,500 soldiers to the capital.")
    assert "gil arana" in source_names(got[0])


def test_a_headline_tag_of_a_local_head(claims_of: Run) -> None:
    text = ("Forty-one villagers evacuated after canal shootout - local head\n"
            "Forty-one villagers were evacuated, Nurlan Tok, head of the local council, said.")
    got = claims_of(text)
    assert len(got) == 1
    assert "nurlan tok" in source_names(got[0])


def test_a_dateline_with_a_day_of_another_calendar(claims_of: Run) -> None:
    got = claims_of("Aden, Rajab 22, 1446, January 22, 2031, SPA -- Shelling killed six "
                    "civilians in Taiz, the minister said.", "2031-01-23")
    assert got[0].date == "2031-01-22"


def test_a_town_in_apposition_is_no_he(claims_of: Run) -> None:
    text = ("Deputy Commissioner Imran Balo told the agency by telephone from Qila Noor, a "
            "town south of the capital, that 20 people died.\n"
            "He said two police officers guarding the market gate were among the dead.")
    got = by_value(claims_of(text))
    assert "imran balo" in source_names(got[2])


@pytest.mark.parametrize(("text", "source"), [
    ("The institute attributed 52 of the killings to dissident factions and 31 to the rebels.",
     "institute"),
    ("The report blamed soldiers for 171 of the deaths and separatist fighters for 118.",
     "report"),
])
def test_who_attributes_or_blames_a_toll_is_its_source(claims_of: Run, text: str,
                                                       source: str) -> None:
    got = claims_of(text)
    assert len(got) == 2
    assert all(source in source_names(c) for c in got)
