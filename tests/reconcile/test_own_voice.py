"""Own-voice figures in timelines (issues 11 and 16): an outlet restating a sourced figure
is a report of that claim; the outlet's own figures are hidden unless asked for. Invented
reports."""

from __future__ import annotations

import pytest

from conftest import report  # type: ignore[import-not-found]
from tollwatch.model import Report
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.own_voice import (
    DEFAULT_VOICE,
    VOICES,
    check_voice,
    restatement_reason,
    select_voice,
    within,
)
from tollwatch.reconcile.timeline import build_timeline, filter_claims
from tollwatch.reconcile.underlying import underlying_claims

GOV = "Governor Tobias Renwick"


def _named(doc: str, value: int | None, day: str, *, low: int | None = None,
           high: int | None = None, origin: str = GOV, status_words: str = "",
           outlet: str = "Valley Courier") -> Report:
    figure = f"{value}" if value is not None else f"between {low} and {high}"
    return report(doc, "abducted", value, low=low, high=high, origin=[origin], actor=None,
                  subject="villagers", outlet=outlet, published=day, date=day,
                  quote=f"{origin} said {figure} villagers were abducted{status_words}.")


def _own(doc: str, value: int | None, day: str, *, outlet: str = "Plains Herald",
         low: int | None = None, high: int | None = None, words: str = "",
         dated: bool = False) -> Report:
    figure = f"{value}" if value is not None else f"{low} to {high}"
    return report(doc, "abducted", value, low=low, high=high, origin=[], actor=None,
                  subject="villagers", outlet=outlet, published=day,
                  date=day if dated else None,
                  quote=f"The {figure} villagers abducted{words} have not been heard from.")


def _ids(rs: list[Report]) -> list[Report]:
    return [Report(claim_id=i + 1, doc_id=r.doc_id, claim=r.claim, url=r.url,
                   outlet=r.outlet, published=r.published) for i, r in enumerate(rs)]


def test_the_choices() -> None:
    assert VOICES == ("hide", "show", "only") and DEFAULT_VOICE == "hide"
    assert check_voice("show") == "show"
    with pytest.raises(ValueError, match="one of hide, show, only"):
        check_voice("loud")
    assert restatement_reason("UNICEF") == "own-voice restatement of UNICEF's figure"


def test_within_ranks_the_same_numbers_above_a_number_in_a_range() -> None:
    assert within((20, None, None), (20, None, None)) == 2
    assert within((None, 30, 40), (None, 30, 40)) == 2
    assert within((35, None, None), (None, 30, 40)) == 1
    assert within((30, None, None), (None, 30, 40)) == 1
    assert within((41, None, None), (None, 30, 40)) == 0
    assert within((None, 30, 40), (35, None, None)) == 0  # a range restates no one number
    assert within((21, None, None), (20, None, None)) == 0


def test_an_outlet_restating_a_named_figure_days_later_is_a_report_of_it(
        names: Names) -> None:
    claims = underlying_claims(_ids([_named("a", 20, "2031-04-01"),
                                     _own("b", 20, "2031-04-03")]), names=names)
    assert len(claims) == 1
    c = claims[0]
    assert (c.origin, c.own_voice, c.date) == ("Tobias Renwick", False, "2031-04-01")
    assert [r.doc_id for r in c.reports] == ["a", "b"]
    assert c.reports[1].reason == "own-voice restatement of Tobias Renwick's figure"
    assert "Plains Herald" not in c.aliases  # the outlet is no name of the governor
    assert c.kind == "first"


def test_a_number_within_the_origins_range_is_a_restatement(names: Names) -> None:
    claims = underlying_claims(_ids([_named("a", None, "2031-04-01", low=30, high=40),
                                     _own("b", 35, "2031-04-02"),
                                     _own("c", 45, "2031-04-02", outlet="Ridge Post")]),
                               names=names)
    by_origin = {c.origin: c for c in claims}
    assert set(by_origin) == {"Tobias Renwick", "Ridge Post"}
    ranged = by_origin["Tobias Renwick"]
    assert (ranged.low, ranged.high, ranged.value) == (30, 40, None)
    assert [r.doc_id for r in ranged.reports] == ["a", "b"]
    assert by_origin["Ridge Post"].own_voice and by_origin["Ridge Post"].value == 45


def test_in_the_same_document_any_order_restates(names: Names) -> None:
    own = _own("a", 20, "2031-04-01", dated=True)
    named = _named("a", 20, "2031-04-05")
    claims = underlying_claims(_ids([own, named]), names=names)
    assert len(claims) == 1 and claims[0].origin == "Tobias Renwick"
    assert not claims[0].own_voice
    assert claims[0].reports[0].doc_id == "a"


def test_an_outlet_that_gave_the_figure_first_keeps_it(names: Names) -> None:
    claims = underlying_claims(_ids([_own("a", 20, "2031-04-01", dated=True),
                                     _named("b", 20, "2031-04-03")]), names=names)
    assert sorted((c.origin, c.own_voice) for c in claims) == [
        ("Plains Herald", True), ("Tobias Renwick", False)]


def test_the_same_number_months_later_elsewhere_is_the_outlets_own(names: Names) -> None:
    claims = underlying_claims(_ids([_named("a", 20, "2031-04-01"),
                                     _own("b", 20, "2031-09-20")]), names=names)
    assert sorted((c.origin, c.own_voice) for c in claims) == [
        ("Plains Herald", True), ("Tobias Renwick", False)]


def test_another_status_of_the_group_is_no_restatement(names: Names) -> None:
    claims = underlying_claims(_ids([_named("a", 20, "2031-04-01"),
                                     _own("b", 20, "2031-04-02", words=" and since released")]),
                               names=names)
    assert len(claims) == 2
    assert {c.group_status for c in claims} == {None, "released"}


def test_a_named_origin_is_preferred_to_an_unnamed_one(names: Names) -> None:
    claims = underlying_claims(_ids([
        _named("a", 20, "2031-04-01", origin="a local official", outlet="Ridge Post"),
        _named("b", 20, "2031-04-01"),
        _own("c", 20, "2031-04-02")]), names=names)
    host = next(c for c in claims if any(r.doc_id == "c" for r in c.reports))
    assert host.origin == "Tobias Renwick"
    assert not any(c.own_voice for c in claims)


def test_timelines_hide_own_voice_figures_by_default(names: Names) -> None:
    rs = _ids([_named("a", 20, "2031-04-01"), _own("b", 20, "2031-04-03"),
               _own("c", 75, "2031-04-04", outlet="Ridge Post")])
    hidden = build_timeline(rs, group="hostages", names=names)
    assert [(c.value, c.origin, len(c.reports)) for c in hidden] == [(20, "Tobias Renwick", 2)]
    shown = build_timeline(rs, group="hostages", names=names, voice="show")
    assert [(c.value, c.own_voice) for c in shown] == [(20, False), (75, True)]
    assert shown[1].to_record()["own_voice"] is True and shown[1].origin == "Ridge Post"
    only = build_timeline(rs, group="hostages", names=names, voice="only")
    assert [c.value for c in only] == [75]
    claims = underlying_claims(rs, names=names)
    assert len(filter_claims(claims, names=names)) == 2  # filter_claims shows all by default
    assert select_voice(claims, "hide") == [c for c in claims if not c.own_voice]
