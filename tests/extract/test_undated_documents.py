"""Days in a document that gives no publication date, and written years: the dateline is the
anchor of relative days (extract/date_links.dateline_anchor), the year of the days written
on reporting verbs anchors the days written without one (extract/year_anchor.py), and a
year written after a comma the parse set apart ("June 8 , 2031") is read
(extract/dates.resolve_date).
Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.date_links import dateline_anchor
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.year_anchor import YearAnchorRules, load_year_anchor_rules, story_year
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


# -- the story's year (extract/year_anchor.py) -------------------------------------------

def test_resolve_date_reads_a_year_alone_as_the_anchor() -> None:
    assert resolve_date("June 8", "2031") == "2031-06-08"
    assert resolve_date("8 June", "2031") == "2031-06-08"
    assert resolve_date("June 8, 2030", "2031") == "2030-06-08"  # its own year first
    assert resolve_date("Monday", "2031") is None  # which Monday: the day is unknown
    assert resolve_date("today", "2031") is None


@pytest.mark.parametrize(("text", "year"), [
    ("The ministry said on June 8, 2031, that 30 people died.", "2031"),
    ("The army told reporters on 8 June 2031 that 12 soldiers died.", "2031"),
    ("It was calm. On June 8, 2031, the Zorvian ministry said 30 people died.", "2031"),
    # a full date on another verb tells nothing
    ("The court issued a warrant on March 3, 2029. The ministry said 30 died.", None),
    # two years: which one?
    (("The ministry said on June 8, 2031 that 30 died. The army said on 10 June 2030 that "
     "12 died."), None),
    ("The ministry said 30 people died.", None),
])
def test_story_year_reads_the_days_on_reporting_verbs(text: str, year: str | None) -> None:
    assert story_year(text) == year


def test_story_year_of_a_text_without_four_digits_is_none_before_the_rules() -> None:
    # (the quick test: no year in the text, so no rule is tried, not even a broken one)
    broken = YearAnchorRules(after_verb=re.compile("(?P<y1>x)(?P<y2>y)"))
    assert story_year("The ministry said on June 8 that 30 people died.", broken) is None
    assert story_year("The ministry said on June 8, 2031 that 30 died.") == "2031"


def test_a_day_without_year_takes_the_storys_year(claims_of: Run) -> None:
    text = ("The ministry said on June 8, 2031, that 30 people were killed in the raid.\n"
            "On June 10, the ministry said 12 more people had died.\n"
            "On Monday, the governor said 4 people were missing.\n")
    claims = claims_of(text, None)
    assert _get(claims, "killed", 12).date == "2031-06-10"
    assert _get(claims, "missing", 4).date is None  # a weekday: the day is unknown
    assert _get(claims_of(text, "2030-07-01"), "killed", 12).date == "2030-06-10"  # the
    # publication day, when given, is the anchor


def test_no_year_on_a_reporting_verb_no_year(claims_of: Run) -> None:
    text = ("The court issued a warrant on March 3, 2029.\n"
            "The ministry said in an interview published on June 10 that 12 people had "
            "died.\n")
    assert _get(claims_of(text, None), "killed", 12).date is None


def test_year_anchor_rules_are_checked(tmp_path: Path) -> None:
    bad = tmp_path / "year.yaml"
    bad.write_text("verbs: [said]\nverb_gap: many\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="verb_gap"):
        load_year_anchor_rules(str(bad))
