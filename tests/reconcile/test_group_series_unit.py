"""Unit tests of reconcile/group_series.py: group filters, line labels and the summary."""

from __future__ import annotations

import pytest
from tests.reconcile.conftest import report

from tollwatch.errors import ConfigError
from tollwatch.reconcile.group_series import (
    GroupSeries,
    group_matches,
    group_series,
    line_label,
    parse_group,
    select_group,
)
from tollwatch.reconcile.groups import Group
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.underlying import UnderlyingClaim, underlying_claims


@pytest.fixture
def claims(names: Names) -> list[UnderlyingClaim]:
    rs = [report("h1", "abducted", 12, origin=["Kest Monitor"], actor=None, date="2031-03-01",
                 quote="Kest Monitor said 12 hostages were released on Monday."),
          report("h2", "abducted", 30, origin=["Kest Monitor"], actor=None, date="2031-03-03",
                 quote="Kest Monitor said 30 hostages are still held in the tunnels."),
          report("h3", "abducted", 4, origin=["Orlan Vesk"], actor=None, date="2031-03-04",
                 quote="Orlan Vesk said 4 child hostages were released."),
          report("h4", "killed", 9, origin=["Orlan Vesk"], actor=None, date="2031-03-05",
                 quote="Orlan Vesk said 9 people were killed."),
          report("h5", "killed", 19, origin=["Orlan Vesk"], date="2031-03-05",
                 quote="Orlan Vesk said 19 soldiers were killed.")]
    return sorted(underlying_claims(rs, names=names), key=lambda c: c.value or 0)


def _by(claims: list[UnderlyingClaim]) -> dict[int, UnderlyingClaim]:
    return {c.value or 0: c for c in claims}


def test_claims_carry_group_subset_and_status(claims: list[UnderlyingClaim]) -> None:
    c = _by(claims)
    assert (c[12].group, c[12].subset, c[12].group_status) == ("hostages", None, "released")
    assert (c[30].group, c[30].group_status) == ("hostages", "held")
    assert (c[4].subset, c[4].group_status) == ("children", "released")


def test_parse_group_by_synonym_subset_and_status() -> None:
    assert parse_group("captives still held") == Group("hostages", None, "held")
    assert parse_group("child hostages") == Group("hostages", "children", None)
    with pytest.raises(ConfigError, match="unknown group 'zebras'"):
        parse_group("zebras")


def test_group_matches_fields_left_none_match_all(claims: list[UnderlyingClaim]) -> None:
    c = _by(claims)
    assert group_matches(c[12], Group(None, None, None))
    assert group_matches(c[12], Group("hostages", None, None))
    assert not group_matches(c[12], Group("hostages", None, "held"))
    assert group_matches(c[4], Group(None, "children", None))
    assert not group_matches(c[12], Group(None, "children", None))
    assert not group_matches(c[9], Group("hostages", None, None))


def test_select_group_keeps_the_order(claims: list[UnderlyingClaim]) -> None:
    assert [c.value for c in select_group(claims, "hostages")] == [4, 12, 30]
    assert [c.value for c in select_group(claims, "hostages released")] == [4, 12]
    assert [c.value for c in select_group(claims, Group("hostages", None, "held"))] == [30]


def test_line_label(claims: list[UnderlyingClaim]) -> None:
    c = _by(claims)
    assert line_label(c[12]) == "Kest Monitor \u00b7 released"
    assert line_label(c[9]) == "Orlan Vesk"


def test_group_series_leaves_generic_and_named_side_series_out(
        claims: list[UnderlyingClaim]) -> None:
    (s,) = group_series(claims)
    assert s == GroupSeries("hostages", "abducted", 3, 3, 2, "2031-03-01", "2031-03-04",
                            ("held", "released"))


def test_group_series_options(claims: list[UnderlyingClaim]) -> None:
    all_ = group_series(claims, include_generic=True, need_unnamed=False)
    assert [(s.group, s.metric) for s in all_] == [
        ("hostages", "abducted"), ("people", "killed"), ("soldiers", "killed")]
    assert [s.group for s in group_series(claims, include_generic=True)] == [
        "hostages", "people"]
    assert [s.group for s in group_series(claims, need_unnamed=False)] == [
        "hostages", "soldiers"]


def test_group_series_to_dict() -> None:
    s = GroupSeries("hostages", "abducted", 3, 4, 2, "2031-03-01", None, ("held",))
    assert s.to_dict() == {"group": "hostages", "metric": "abducted", "claims": 3,
                           "reports": 4, "origins": 2, "first": "2031-03-01", "last": None,
                           "statuses": ["held"], "kind": "group"}
    assert group_series([]) == []
