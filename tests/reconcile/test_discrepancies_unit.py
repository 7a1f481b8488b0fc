"""Unit tests of reconcile/discrepancies.py: the gap between figures and the options."""

from __future__ import annotations

import math

import pytest
from tests.reconcile.conftest import report

from tollwatch.model import Report
from tollwatch.reconcile.discrepancies import find_discrepancies, relative_gap
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.underlying import UnderlyingClaim, underlying_claims


def _one(names: Names, r: Report) -> UnderlyingClaim:
    (c,) = underlying_claims([r], names=names)
    return c


def _fig(names: Names, doc: str, value: int | None, qualifier: str = "exact",
         low: int | None = None, high: int | None = None) -> UnderlyingClaim:
    return _one(names, report(doc, "killed", value, origin=["Kest Monitor"], qualifier=qualifier,
                              low=low, high=high, date="2031-03-01"))


@pytest.mark.parametrize(("a", "b", "gap"), [
    ((100, "exact"), (100, "exact"), 0.0),
    ((100, "exact"), (80, "exact"), 0.2),
    ((300, "min"), (4000, "exact"), 0.0),     # at least 300 agrees with 4,000
    ((300, "max"), (400, "exact"), 0.25),     # up to 300 is at most 300
    ((300, "max"), (200, "exact"), 0.0),
    ((50, "min"), (10, "exact"), 0.8),
])
def test_relative_gap(names: Names, a: tuple[int, str], b: tuple[int, str], gap: float) -> None:
    ca, cb = _fig(names, "g1", a[0], a[1]), _fig(names, "g2", b[0], b[1])
    assert relative_gap(ca, cb) == pytest.approx(gap)
    assert relative_gap(cb, ca) == pytest.approx(gap)  # symmetric


def test_relative_gap_of_a_range(names: Names) -> None:
    rng = _fig(names, "g3", None, "range", low=40, high=60)
    assert relative_gap(rng, _fig(names, "g4", 55)) == 0.0
    assert relative_gap(rng, _fig(names, "g5", 100)) == pytest.approx(40 / 100)


def test_relative_gap_of_zeros(names: Names) -> None:
    assert relative_gap(_fig(names, "g6", 0), _fig(names, "g7", 0)) == 0.0
    assert relative_gap(_fig(names, "g8", 0), _fig(names, "g9", 1)) == pytest.approx(1.0)


def _story(names: Names) -> list[UnderlyingClaim]:
    rs = [report("d1", "killed", 100, origin=["Kest Monitor"], date="2031-03-01"),
          report("d2", "killed", 300, origin=["Orlan Vesk"], date="2031-03-03"),
          report("d3", "killed", 140, origin=["Kest Monitor"], date="2031-03-10")]
    return underlying_claims(rs, names=names)


def test_revisions_and_disagreements(names: Names) -> None:
    ds = find_discrepancies(_story(names), names=names)
    kinds = [(d.kind, d.date) for d in ds]
    assert ("revision", "2031-03-10") in kinds
    assert ("disagreement", "2031-03-03") in kinds
    rev = next(d for d in ds if d.kind == "revision")
    assert rev.describe() == "Kest Monitor revised killed from 100 (2031-03-01) to 140 (2031-03-10)"
    assert rev.gap == pytest.approx(40 / 140)
    dis = next(d for d in ds if d.date == "2031-03-03")
    assert dis.describe() == "Kest Monitor says 100 (2031-03-01) but Orlan Vesk says 300 (2031-03-03)"
    d = dis.to_dict()
    assert d["kind"] == "disagreement" and d["gap"] == round(200 / 300, 4)
    assert len(d["claims"]) == 2 and d["description"] == dis.describe()
    assert [x.date for x in ds] == sorted(x.date or "" for x in ds)


def test_options_turn_kinds_off(names: Names) -> None:
    cs = _story(names)
    assert {d.kind for d in find_discrepancies(cs, revisions=False, names=names)} == {
        "disagreement"}
    assert {d.kind for d in find_discrepancies(cs, disagreements=False, names=names)} == {
        "revision"}
    assert find_discrepancies(cs, revisions=False, threshold=0.9, names=names) == []


def test_actor_filter_accepts_aliases(names: Names) -> None:
    cs = _story(names)
    assert find_discrepancies(cs, actor="DPRK", names=names) == find_discrepancies(
        cs, names=names)
    assert find_discrepancies(cs, actor="Orlan Front", names=names) == []


def test_denied_and_undated_claims_never_compete(names: Names) -> None:
    rs = [report("e1", "killed", 100, origin=["Kest Monitor"], date="2031-03-01"),
          report("e2", "killed", 900, origin=["Orlan Vesk"], date="2031-03-02", stance="denied"),
          report("e3", "killed", 900, origin=["Tamsin Orrel"], date=None, published=None)]
    assert find_discrepancies(underlying_claims(rs, names=names), names=names) == []


def test_gap_of_an_open_interval_is_finite_in_the_dict(names: Names) -> None:
    rs = [report("f1", "killed", 10, origin=["Kest Monitor"], date="2031-03-01"),
          report("f2", "killed", 500, origin=["Orlan Vesk"], qualifier="min", date="2031-03-02")]
    (d,) = find_discrepancies(underlying_claims(rs, names=names), names=names)
    assert math.isfinite(d.gap) and d.to_dict()["gap"] == round(490 / 500, 4)
