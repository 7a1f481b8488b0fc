"""Statements placed in an earlier stretch of time that names no day
(extract/period_dates.py). Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.period_dates import load_period_rules, past_period
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how
from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]

# 2031-06-12 is a Thursday: "Tuesday" is the 10th
_PUB = "2031-06-12"
_DATED = "The ministry said on Tuesday that 60 soldiers were killed.\n"


def test_past_period_wants_an_earlier_stretch_that_names_no_day() -> None:
    for text in ("last week", "Earlier this month", "two years ago", "March", "in 2029",
                 "the previous month"):
        assert past_period(text, _PUB), text
    for text in ("Tuesday", "last Friday", "May 3", "June", "this week", "2031", "today"):
        assert not past_period(text, _PUB), text


@pytest.mark.parametrize("second", [
    "Earlier this month, the ministry said 40 soldiers were killed.",
    "The ministry said last week that 40 soldiers were killed.",
    "In March, the ministry said 40 soldiers had died.",
    "The ministry said in March that 40 soldiers had died.",
    "Two years ago, the ministry said 40 soldiers had died.",
])
def test_a_statement_of_an_earlier_period_takes_no_day(claims_of: Run, second: str) -> None:
    for text in (_DATED + second, second + "\n" + _DATED):
        claims = claims_of(text, _PUB)
        assert _get(claims, "killed", 60).date == "2031-06-10"
        old = _get(claims, "killed", 40)
        assert old.date is None, text
        assert _date_how(old) == "earlier"


def test_a_report_of_an_earlier_period_cited_takes_no_day(claims_of: Run) -> None:
    text = ("The agency said on Tuesday that 500 people were displaced.\n"
            "According to last week's report by the agency, 300 people were displaced.")
    claims = claims_of(text, _PUB)
    assert _get(claims, "displaced", 500).date == "2031-06-10"
    assert _get(claims, "displaced", 300).date is None


def test_a_named_day_of_the_past_still_dates_the_statement(claims_of: Run) -> None:
    claims = claims_of(_DATED + "In a statement last Friday, the ministry said 45 soldiers "
                       "had died.", _PUB)
    assert _get(claims, "killed", 45).date == "2031-06-06"
    claims = claims_of(_DATED + "This week, the ministry said 45 soldiers had died.", _PUB)
    assert _get(claims, "killed", 45).date == "2031-06-10"


def test_a_bad_periods_section_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "links.yaml"
    bad.write_text("earlier_periods: [last]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="earlier_periods must be a mapping"):
        load_period_rules(str(bad))
    bad.write_text("earlier_periods:\n  markers: last\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="earlier_periods.markers must be a list"):
        load_period_rules(str(bad))
