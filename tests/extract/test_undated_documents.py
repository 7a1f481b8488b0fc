"""Days in a document that gives no publication date, and written years: the dateline is the
anchor of relative days (extract/date_links.dateline_anchor), and a year written after a
comma the parse set apart ("June 8 , 2031") is read (extract/dates.resolve_date).
Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.date_links import dateline_anchor
from tollwatch.extract.dates import resolve_date
from tollwatch.model import Claim

from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize(("expr", "published", "day"), [
    ("June 8 , 2031", None, "2031-06-08"),
    ("June 8 , 2030", "2031-07-01", "2030-06-08"),  # the year written, not the article's
    ("8 June , 2030", "2031-07-01", "2030-06-08"),
    ("June 8", None, None),  # no year, no anchor
    ("June 8", "2031-07-01", "2031-06-08"),
])
def test_a_year_after_a_comma_set_apart_is_read(expr: str, published: str | None,
                                                day: str | None) -> None:
    assert resolve_date(expr, published) == day


def test_with_no_publication_day_the_dateline_is_the_anchor() -> None:
    assert dateline_anchor("2031-06-11", None) == "2031-06-11"
    assert dateline_anchor(None, None) is None


def test_a_full_date_on_the_verb_dates_a_story_without_publication_day(
        claims_of: Run) -> None:
    text = "On June 8, 2030, the ministry said 30 people were killed in the raid."
    assert _get(claims_of(text, None), "killed", 30).date == "2030-06-08"
    assert _get(claims_of(text, "2031-07-01"), "killed", 30).date == "2030-06-08"


def test_relative_days_count_from_the_dateline_when_no_publication_day(
        claims_of: Run) -> None:
    claims = claims_of("LISBURG, June 11, 2031 (Wire) -- The ministry said on Monday that 30 "
                       "people were killed.\n", None)
    assert _get(claims, "killed", 30).date == "2031-06-09"
    claims = claims_of("LISBURG, June 11, 2031 (Wire) -- The ministry said on June 8 that 30 "
                       "people were killed.\n", None)
    assert _get(claims, "killed", 30).date == "2031-06-08"  # not the dateline's own day


def test_no_anchor_no_day(claims_of: Run) -> None:
    text = "The ministry said on Monday that 30 people were killed."
    assert _get(claims_of(text, None), "killed", 30).date is None
