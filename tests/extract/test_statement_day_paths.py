"""Where a statement's day hangs in its sentence: on the act the saying is part of, on the
publishing of the report that is the source, on a description of the source; and a source
the parser hung on the clause before (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]

PUB = "2031-05-13"  # a Tuesday



@pytest.mark.parametrize(("text", "value", "day"), [
    # the saying is part of an act done in a statement on a day
    (("The governor condemned the attack in a statement on Monday evening, saying that 37 "
     "people had been killed."), 37, "2031-05-12"),
    # the report that is the subject was published on a day
    (("The agency's latest tracking round, published on 9 May, counts more than 700,000 "
     "displaced people."), 700000, "2031-05-09"),
    # the report of "according to" was released on a day, hung on the last noun before it
    (("According to the latest report of the agency's tracking unit, released on Friday, "
     "8,750 people have fled."), 8750, "2031-05-09"),
    # a day on the events stays the events'
    ("The ministry said 33 were killed in the attack on a village on Monday.", 33, None),
    ("Gunmen attacked the village on Monday, killing 12 people, the police said.", 12, None),
])
def test_the_day_that_dates_the_statement(claims_of: Run, text: str, value: int,
                                          day: str | None) -> None:
    assert by_value(claims_of(text, published=PUB))[value].date == day


def test_people_released_on_a_day_are_no_report_released(claims_of: Run) -> None:
    got = by_value(claims_of("Forty prisoners released on Friday said 12 inmates had died "
                              "in custody.", published=PUB))
    assert got[12].date is None


def test_a_source_described_by_a_relative_clause_in_apposition(claims_of: Run) -> None:
    text = ("The army carried out more strikes in April than in any month, according to the "
            "Lisburg Conflict Monitor (LCM), a research group whose monthly report was "
            "released on Monday.\nThe group counted 112 civilians killed and at least 260 "
            "injured.")
    got = by_value(claims_of(text, published=PUB))
    assert got[112].origin[0] == "the Lisburg Conflict Monitor"
    assert got[112].date == got[260].date == "2031-05-12"


def test_a_source_hung_on_the_clause_before_with_its_acronym(claims_of: Run) -> None:
    text = ("Monitor: raids on villages leave over 200 dead\n"
            "Fighters killed more than 200 people in a series of raids on villages between "
            "Saturday and Monday, the Lisburg Observatory for Human Rights (LOHR) said on "
            "Monday.\nThe observatory said that in the village of Kandi alone 87 people were "
            "killed, while 46 others died in Toro.")
    got = by_value(claims_of(text, published=PUB))
    assert "Lisburg Observatory for Human Rights" in got[200].origin
    assert got[200].date == got[87].date == got[46].date == "2031-05-12"


def test_the_day_of_giving_a_toll_dates_it(claims_of: Run) -> None:
    text = ("The governor of the Lisburg region, General Ana Ruiz, in a statement read on "
            "the national television LTV on Monday evening, gave a provisional toll of 11 "
            "dead and nine wounded.\nAccording to the statement, 14 fighters were "
            "neutralised during the pursuit.")
    got = by_value(claims_of(text, published=PUB))
    assert got[11].attribution["how"] == "given"
    assert got[11].date == got[9].date == got[14].date == "2031-05-12"


def test_a_toll_given_on_no_day_stays_undated(claims_of: Run) -> None:
    (claim,) = claims_of("The governor gave a toll of 40 dead.", published=PUB)
    assert claim.date is None


@pytest.mark.parametrize(("text", "body"), [
    (("The Lisburg rights office said on Monday that 40 people had been killed. Its "
     "spokesperson, Jane Doe, said 16 women were among the dead."), "The Lisburg rights office"),
    (("The rebels said on Monday 40 soldiers were captured. Their spokesman said 12 were "
     "officers."), "The rebels"),
])
def test_its_spokesperson_relays_the_body(claims_of: Run, text: str, body: str) -> None:
    claims = claims_of(text, published=PUB)
    last = claims[-1]
    assert last.origin[0] == body
    assert any("spokes" in n for n in last.speaker)
    assert last.date == "2031-05-12"


def test_a_spokesperson_of_no_one_named_speaks_alone(claims_of: Run) -> None:
    (claim,) = claims_of("Its spokesperson said 16 women were among the dead.", published=PUB)
    assert claim.origin == ["Its spokesperson"]
    assert claim.speaker == []
    assert claim.attribution["how"] == "verb"


def test_a_statement_of_an_earlier_time_keeps_no_source_day(claims_of: Run) -> None:
    text = ("The army said on Monday that 40 soldiers had died. The army has given no toll "
            "since early March, when it said 498 soldiers had died.")
    got = by_value(claims_of(text, published=PUB))
    assert got[40].date == "2031-05-12"
    assert got[498].date is None
