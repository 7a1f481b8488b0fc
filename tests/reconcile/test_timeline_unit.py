"""Unit tests of reconcile/timeline.py: filtering by actor, metric, place and origin."""

from __future__ import annotations

import json

from tests.reconcile.conftest import report

from tollwatch.model import Report
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.timeline import build_timeline, filter_claims, to_jsonl
from tollwatch.reconcile.underlying import underlying_claims


def _reports() -> list[Report]:
    return [
        report("t1", "killed", 12, origin=["Reuters"], date="2031-04-03", location="Kyiv"),
        report("t2", "injured", 30, origin=["Reuters"], date="2031-04-01", location="Kyiv"),
        report("t3", "killed", 8, origin=["Orlan Vesk"], date="2031-04-02",
               location="Vesk Harbour", actor="Ukraine"),
        report("t4", "killed", 15, origin=["Tamsin Orrel"], date=None, published=None,
               location="Kiev"),
    ]


def test_build_timeline_is_in_date_order_with_undated_last(names: Names) -> None:
    tl = build_timeline(_reports(), names=names)
    assert [c.date for c in tl] == ["2031-04-01", "2031-04-02", "2031-04-03", None]


def test_actor_filter_by_alias(names: Names) -> None:
    tl = build_timeline(_reports(), "DPRK", names=names)
    assert {c.actor for c in tl} == {"North Korea"}
    assert len(tl) == 3
    assert [c.value for c in build_timeline(_reports(), "Ukrainian", names=names)] == [8]
    assert build_timeline(_reports(), "Kestia", names=names) == []


def test_metric_filter(names: Names) -> None:
    tl = build_timeline(_reports(), "North Korea", metric="killed", names=names)
    assert sorted(c.value or 0 for c in tl) == [12, 15]


def test_location_filter_by_alias_and_part(names: Names) -> None:
    cs = underlying_claims(_reports(), names=names)
    kyiv = filter_claims(cs, location="Kiev", names=names)
    assert sorted(c.value or 0 for c in kyiv) == [12, 15, 30]
    assert [c.value for c in filter_claims(cs, location="Harbour", names=names)] == [8]


def test_origin_filter(names: Names) -> None:
    cs = underlying_claims(_reports(), names=names)
    assert {c.value for c in filter_claims(cs, origin="reuters", names=names)} == {12, 30}
    assert [c.value for c in filter_claims(cs, origin="Orlan Vesk", names=names)] == [8]
    assert filter_claims(cs, origin="Kest Monitor", names=names) == []


def test_filters_combine(names: Names) -> None:
    cs = underlying_claims(_reports(), names=names)
    out = filter_claims(cs, actor="North Korea", metric="killed", origin="Reuters",
                        location="Kyiv", names=names)
    assert [c.value for c in out] == [12]


def test_to_jsonl_one_record_a_line(names: Names) -> None:
    tl = build_timeline(_reports(), names=names)
    lines = to_jsonl(tl).splitlines()
    assert len(lines) == len(tl)
    recs = [json.loads(line) for line in lines]
    assert [r["id"] for r in recs] == [c.id for c in tl]
    assert to_jsonl([]) == ""
