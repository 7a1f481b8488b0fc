"""A headline's generic tag, shown by the body's repeat to name a body source, names that
source in later references too (extract/headline_tags.py). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

from tests.extract.claim_lookup import date_how, get_claim, source_names

from tollwatch.extract.headline_tags import spread_tag_names
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]

_TAGGED = (
    "Watchdog: 64 fighters dead in week of clashes\n"
    "The Corvane Civic Rights Forum said on Sunday that 64 fighters had been killed in the "
    "week. The watchdog added that 15 civilians had also died.\n"
)


def test_a_reference_to_the_headline_tag_takes_the_body_names_and_day(claims_of: Run) -> None:
    claims = claims_of(_TAGGED, published="2031-06-08")  # a Sunday
    later = get_claim(claims, "killed", 15)
    assert "corvane civic rights forum" in source_names(later)
    assert later.date == "2031-06-08"
    assert date_how(later) == "source"
    head = get_claim(claims, "killed", 64)
    assert (later.attribution or {}).get("tag_of") == head.start


def test_without_a_body_repeat_the_tag_stays_its_own_source(claims_of: Run) -> None:
    text = ("Watchdog: 64 fighters dead in week of clashes\n"
            "The Corvane Civic Rights Forum said on Sunday that nine homes burned. "
            "The watchdog added that 15 civilians had also died.\n")
    later = get_claim(claims_of(text, published="2031-06-08"), "killed", 15)
    assert "corvane" not in source_names(later)


def _claim(value: int, origin: list[str], date: str | None = None, start: int = 0,
           headline: bool = False, speaker: list[str] | None = None) -> Claim:
    att: dict[str, object] = {"how": "reference"}
    if headline:
        att["headline"] = True
    return Claim(metric="killed", value=value, origin=origin, speaker=speaker or [],
                 date=date, start=start, quote="x", attribution=att)


def test_only_claims_named_by_the_tag_alone_change() -> None:
    head = _claim(64, ["Watchdog", "the Corvane Forum"], headline=True)
    body = _claim(64, ["the Corvane Forum"], date="2031-06-08", start=60)
    tag_only = _claim(15, ["the watchdog"], start=120)
    other = _claim(7, ["the watchdog", "police"], start=160)
    relayed = _claim(3, ["the watchdog"], start=200, speaker=["a lawmaker"])
    dated = _claim(5, ["Watchdog"], date="2031-06-01", start=240)
    spread_tag_names([head, body, tag_only, other, relayed, dated], [(["Watchdog"], head, body)])
    assert tag_only.origin == head.origin and tag_only.date == "2031-06-08"
    assert other.origin == ["the watchdog", "police"]
    assert relayed.origin == ["the watchdog"]
    assert dated.origin == head.origin and dated.date == "2031-06-01"


def test_no_links_change_nothing() -> None:
    c = _claim(15, ["the watchdog"])
    spread_tag_names([c], [])
    assert c.origin == ["the watchdog"] and c.attribution == {"how": "reference"}
