"""A sourced headline figure with no day takes the day of the body's dated statement of the
same figure (extract/headline_dates.py). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.headline_dates import date_headlines
from tollwatch.extract.repeats import same_group
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]

_HEAD = {"how": "verb", "from": 0, "headline": True}


def _c(value: int | None, origin: list[str], *, date: str | None = None,
       attribution: dict[str, Any] | None = None, stance: str = "asserted",
       metric: str = "killed", subject: str | None = None, low: int | None = None,
       high: int | None = None) -> Claim:
    return Claim(metric=metric, value=value, low=low, high=high, origin=origin, date=date,
                 attribution=attribution, stance=stance, subject=subject)


def test_the_rule_is_on_in_the_shipped_rules() -> None:
    assert load_date_rules().headline_exact_repeat_day is True


def test_sourced_headline_takes_the_day_of_the_body_repeat() -> None:
    head = _c(300, ["Coast Guard chief"], attribution=dict(_HEAD))
    body = _c(300, ["Admiral Lena Vos"], date="2031-06-10",
              attribution={"how": "verb", "from": 90})
    date_headlines([head, body], same_group)
    assert head.date == "2031-06-10"
    assert head.attribution is not None and head.attribution["date_how"] == "body_repeat"


def test_a_hedged_body_repeat_still_dates_the_headline() -> None:
    head = _c(300, ["Coast Guard chief"], attribution=dict(_HEAD))
    body = _c(300, ["Admiral Lena Vos"], date="2031-06-10", stance="hypothetical",
              attribution={"how": "quote", "from": 90})
    date_headlines([head, body], same_group)
    assert head.date == "2031-06-10"


def test_a_denial_does_not_date_the_headline() -> None:
    head = _c(300, ["Coast Guard chief"], attribution=dict(_HEAD))
    body = _c(300, ["the ministry"], date="2031-06-10", stance="denied",
              attribution={"how": "verb", "from": 90})
    date_headlines([head, body], same_group)
    assert head.date is None


def test_two_days_among_the_repeats_date_nothing() -> None:
    head = _c(300, ["Coast Guard chief"], attribution=dict(_HEAD))
    one = _c(300, ["Admiral Lena Vos"], date="2031-06-10", attribution={"how": "verb"})
    two = _c(300, ["the navy"], date="2031-06-11", attribution={"how": "verb"})
    date_headlines([head, one, two], same_group)
    assert head.date is None


def test_another_number_metric_or_group_dates_nothing() -> None:
    for body in (_c(301, ["Admiral Lena Vos"], date="2031-06-10"),
                 _c(300, ["Admiral Lena Vos"], date="2031-06-10", metric="injured"),
                 _c(300, ["Admiral Lena Vos"], date="2031-06-10", subject="rebels")):
        head = _c(300, ["Coast Guard chief"], attribution=dict(_HEAD), subject="soldiers")
        date_headlines([head, body], same_group)
        assert head.date is None, body


def test_ranges_compare_both_ends() -> None:
    head = _c(None, ["the agency"], low=20, high=30, attribution=dict(_HEAD))
    body = _c(None, ["the agency's director"], low=20, high=30, date="2031-06-09")
    date_headlines([head, body], same_group)
    assert head.date == "2031-06-09"
    head2 = _c(None, ["the agency"], low=20, high=40, attribution=dict(_HEAD))
    date_headlines([head2, body], same_group)
    assert head2.date is None


def test_own_voice_and_dated_headlines_are_left_alone() -> None:
    own = _c(300, [], attribution=dict(_HEAD))
    dated = _c(300, ["Coast Guard chief"], date="2031-06-08", attribution=dict(_HEAD))
    body = _c(300, ["Admiral Lena Vos"], date="2031-06-10")
    date_headlines([own, dated, body], same_group)
    assert own.date is None
    assert dated.date == "2031-06-08"


def test_body_claims_are_not_dated_by_each_other() -> None:
    first = _c(300, ["the navy"])
    second = _c(300, ["Admiral Lena Vos"], date="2031-06-10")
    date_headlines([first, second], same_group)
    assert first.date is None


def test_document_headline_takes_the_day_of_a_differently_named_speaker(
        claims_of: Run) -> None:
    text = ("Navy Chief Says 300 Sailors Missing After Storm\n"
            "Some 300 sailors are missing after the storm, according to the head of the "
            "navy.\n"
            "Rescue boats searched the coast through the night.\n"
            "\"Our latest count would be something like 300 sailors missing,\" Admiral Lena "
            "Vos told reporters on Tuesday.")
    claims = claims_of(text, "2031-06-12")
    head = [c for c in claims if c.metric == "missing" and c.value == 300 and
            (c.attribution or {}).get("headline")]
    assert head, [(c.metric, c.value, c.date, c.attribution) for c in claims]
    body = [c for c in claims if c.metric == "missing" and c.value == 300 and
            not (c.attribution or {}).get("headline")]
    assert body and body[0].date == "2031-06-10"
    assert head[0].date == "2031-06-10"
