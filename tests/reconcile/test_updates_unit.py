"""Unit tests of reconcile/updates.py: series keys, labels and how updates are linked."""

from __future__ import annotations

import pytest
from tests.reconcile.conftest import report

from tollwatch.reconcile.names import Names
from tollwatch.reconcile.underlying import UnderlyingClaim, underlying_claims
from tollwatch.reconcile.updates import (
    SeriesKey,
    group_part,
    link_one,
    link_updates,
    no_series,
    series_order,
    series_what,
)


@pytest.mark.parametrize(("args", "part"), [
    ((None, "hostages", "children", "released"), "hostages (children), released"),
    ((None, "hostages", None, None), "hostages"),
    ((None, None, None, "released"), "released"),
    ((None, None, "children", None), " (children)"),
    (("North Korea", "hostages", "children", "released"), "released"),
    (("North Korea", "hostages", "children", None), None),
    ((None, None, None, None), None),
])
def test_group_part(args: tuple[str | None, str | None, str | None, str | None],
                    part: str | None) -> None:
    assert group_part(*args) == part


def test_series_key_label_and_dict() -> None:
    k = SeriesKey("North Korea", "killed", "reuters")
    assert k.label("Reuters") == "Reuters \u00b7 killed"
    assert series_what(k) == "killed"
    k2 = SeriesKey(None, "abducted", "red cross", part="an elite unit", group="hostages, released")
    assert k2.label("Red Cross") == "Red Cross \u00b7 abducted (an elite unit) [hostages, released]"
    assert series_what(k2) == "abducted of an elite unit [hostages, released]"
    assert k2.to_dict() == {"actor": None, "metric": "abducted", "origin": "red cross",
                            "part": "an elite unit", "group": "hostages, released"}


def test_series_keys_compare_and_hash_by_value() -> None:
    a = SeriesKey("X", "killed", "o")
    assert a == SeriesKey("X", "killed", "o")
    assert len({a, SeriesKey("X", "killed", "o"), SeriesKey("X", "killed", "o", part="p")}) == 2
    assert SeriesKey("A", "killed", "o") < SeriesKey("B", "killed", "o")


def _claims(names: Names) -> list[UnderlyingClaim]:
    rs = [report("u1", "killed", 40, origin=["Reuters"], date="2031-03-01", published="2031-03-01"),
          report("u2", "killed", 55, origin=["Reuters"], date="2031-03-05", published="2031-03-05"),
          report("u3", "killed", 55, origin=["Reuters"], date="2031-03-20", published="2031-03-20"),
          report("u4", "killed", 90, origin=["Orlan Vesk"], date="2031-03-02",
                 published="2031-03-02")]
    return underlying_claims(rs, names=names)


def test_updates_within_one_origins_series(names: Names) -> None:
    cs = sorted(_claims(names), key=series_order)
    by = {(c.origin, c.date): c for c in cs}
    first = by[("Reuters", "2031-03-01")]
    upd = by[("Reuters", "2031-03-05")]
    rep = by[("Reuters", "2031-03-20")]
    other = by[("Orlan Vesk", "2031-03-02")]
    assert (first.kind, first.revises) == ("first", None)
    assert (upd.kind, upd.revises) == ("update", first.id)
    assert "revises 40 of 2031-03-01" in upd.reason
    assert (rep.kind, rep.revises) == ("repeat", None)
    assert "more than 7 days later" in rep.reason
    assert other.kind == "first"  # another origin starts its own series


def test_series_order_puts_undated_last(names: Names) -> None:
    cs = _claims(names)
    assert [c.date for c in sorted(cs, key=series_order)] == [
        "2031-03-01", "2031-03-02", "2031-03-05", "2031-03-20"]
    c = cs[0]
    date = c.date
    c.date = None
    assert series_order(c)[0] == "9999-99-99"
    c.date = date


def test_link_updates_is_stable_when_run_again(names: Names) -> None:
    cs = _claims(names)
    before = [(c.id, c.kind, c.revises, c.reason) for c in cs]
    link_updates(list(reversed(cs)))
    assert [(c.id, c.kind, c.revises, c.reason) for c in cs] == before


def test_link_one_and_no_series(names: Names) -> None:
    cs = sorted(_claims(names), key=series_order)
    a, b = cs[0], cs[2]
    link_one(b, None, "killed")
    assert (b.kind, b.revises) == ("first", None)
    assert b.reason == "the origin's first figure for killed"
    link_one(b, a, "killed", window_days=3)
    assert (b.kind, b.revises) == ("update", a.id)
    link_one(a, a, "killed", window_days=3)
    assert a.kind == "repeat" and "more than 3 days later" in a.reason
    a.stance = "denied"
    no_series(a)
    assert (a.kind, a.revises, a.reason) == ("first", None, "a denied figure: no series")


def test_link_updates_leaves_denied_claims_out_of_series(names: Names) -> None:
    cs = sorted(_claims(names), key=series_order)
    reuters = [c for c in cs if c.origin == "Reuters"]
    reuters[0].stance = "hypothetical"
    link_updates(cs)
    assert reuters[0].reason == "a hypothetical figure: no series"
    assert reuters[1].kind == "first"  # the first asserted figure now
    assert reuters[2].kind == "repeat"
