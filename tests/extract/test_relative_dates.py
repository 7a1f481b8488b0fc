"""The day of a statement given in a relative clause on its source (extract/relative_dates.py,
data/relative_dates.yaml). Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.relative_dates import load_relative_date_rules
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how
from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]
_PUB = "2031-06-10"  # a Tuesday
_MONDAY = "2031-06-09"


@pytest.mark.parametrize(("text", "metric", "value"), [
    (("Some 1,200 prisoners were captured, according to the Lisburg Monitor, which reported "
     "the figure on Monday."), "captured", 1200),
    (("At least 40 soldiers were killed in the raid, according to the Zorvian news agency, "
     "which cited the defence ministry on Monday."), "killed", 40),
    (("The rebels lost 300 fighters, according to the governor, who spoke to reporters on "
     "Monday."), "killed", 300),
    (("The ministry, which published its figures on Monday, said 45 civilians had been "
     "killed."), "killed", 45),
    (("Some 1,200 prisoners were captured, according to the monitor, which on Monday said "
     "the fighting had stopped."), "captured", 1200),
])
def test_a_day_in_a_clause_on_the_source_dates_the_statement(
        claims_of: Run, text: str, metric: str, value: int) -> None:
    c = _get(claims_of(text, _PUB), metric, value)
    assert c.date == _MONDAY
    assert _date_how(c) == "verb"


@pytest.mark.parametrize(("text", "metric", "value"), [
    # the clause tells of no statement
    ("The rebels lost 300 fighters, according to the governor, who was wounded on Monday.",
     "killed", 300),
    # the clause names no day
    (("Some 1,200 prisoners were captured, according to the monitor, which said last week "
     "the fighting had stopped."), "captured", 1200),
    # the clause is on the counted group, not on the source
    ("The army said 45 soldiers, who reported for duty on Monday, had been wounded.",
     "injured", 45),
])
def test_other_clauses_date_nothing(claims_of: Run, text: str, metric: str,
                                    value: int) -> None:
    assert _get(claims_of(text, _PUB), metric, value).date is None


def test_the_verbs_are_data(tmp_path: Path) -> None:
    rules = load_relative_date_rules()
    assert {"report", "publish", "speak"} <= rules.verbs
    assert "wound" not in rules.verbs
    bad = tmp_path / "rel.yaml"
    bad.write_text("verbs: report\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="verbs must be a list"):
        load_relative_date_rules(str(bad))


@pytest.mark.parametrize(("text", "metric", "value"), [
    # a bare day right after the statement "according to" names
    ("According to a ministry statement Monday, 30 people were killed.", "killed", 30),
    ("Thirty people were killed, according to a statement Monday by the ministry.",
     "killed", 30),
    # the source updating its toll on the day: an occasion verb on the subject
    ("The ministry, updating its toll on Monday, said 30 people were killed.", "killed", 30),
])
def test_the_statement_named_or_its_occasion_dates_it(claims_of: Run, text: str, metric: str,
                                                      value: int) -> None:
    c = _get(claims_of(text, _PUB), metric, value)
    assert c.date == _MONDAY
    assert _date_how(c) == "verb"


def test_a_statement_answered_is_not_the_statement_made(claims_of: Run) -> None:
    text = ("In response to a statement Monday by the army, the rebels said 30 fighters had "
            "died.")
    assert _get(claims_of(text, _PUB), "killed", 30).date is None
