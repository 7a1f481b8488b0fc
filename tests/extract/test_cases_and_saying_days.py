"""Cases of a metric count people; a figure's verb hung under "it said on Tuesday" takes the
saying's day (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import get_claim

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize(("text", "expected"), [
    ("The commission has documented 640 cases of enforced disappearance since May.",
     ("missing", 640)),
    ("The monitor recorded 93 cases of abduction in the first quarter.", ("abducted", 93)),
    ("Police registered 58 kidnapping cases in the district last month.", ("abducted", 58)),
    ("The lawyers counted 212 cases of arbitrary detention this year.", ("detained", 212)),
])
def test_cases_of_a_metric_count_people(claims_of: Run, text: str,
                                        expected: tuple[str, int]) -> None:
    assert expected in {(c.metric, c.value) for c in claims_of(text)}


@pytest.mark.parametrize("text", [
    "Health workers reported 1,900 cases of cholera in the camps.",
    "The court has heard 35 cases since January.",
])
def test_cases_of_anything_else_count_no_one(claims_of: Run, text: str) -> None:
    assert claims_of(text) == []


@pytest.mark.parametrize("text", [
    "The network documented 73 killings in the valley, it said on Tuesday.",
    ("The network has recorded 73 deaths since April, it said in a report published on "
     "Tuesday."),
])
def test_a_figure_under_it_said_takes_the_saying_day(claims_of: Run, text: str) -> None:
    c = get_claim(claims_of(text, "2025-06-20"), "killed", 73)
    assert c.date == "2025-06-17"
    assert "network" in " ".join(c.origin).lower()


def test_the_event_day_still_dates_no_statement(claims_of: Run) -> None:
    c = get_claim(claims_of("Rebels killed 73 soldiers on Monday, the army said.",
                            "2025-06-20"), "killed", 73)
    assert c.date is None


def test_quoted_as_saying_takes_the_quoting_day(claims_of: Run) -> None:
    c = get_claim(claims_of("State television on Thursday evening quoted the interior "
                            "minister as saying that 64 people had died in the riots.",
                            "2025-03-21"), "killed", 64)
    assert c.date == "2025-03-20"
