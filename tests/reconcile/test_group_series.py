"""Series by counted group over an invented story (tests/fixtures/detainee_story.jsonl):
detainees counted by a ministry and a rights monitor, with updates, a subset, released
and still-held sub-series, a syndicated copy and a back-reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import report  # type: ignore[import-not-found]
from tollwatch.errors import ConfigError
from tollwatch.model import Claim, Report
from tollwatch.reconcile import build_timeline, filter_claims, underlying_claims
from tollwatch.reconcile.chart import render_chart
from tollwatch.reconcile.group_series import (
    group_series,
    line_label,
    parse_group,
    select_group,
)
from tollwatch.reconcile.names import Names

STORY = Path(__file__).resolve().parent.parent / "fixtures" / "detainee_story.jsonl"
MINISTRY = "Ministry of Interior"
MONITOR = "Lantern Rights Watch"


def detainee_reports() -> list[Report]:
    out: list[Report] = []
    for line in STORY.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        for c in d["claims"]:
            out.append(Report(claim_id=len(out) + 1, doc_id=d["id"], claim=Claim.from_dict(c),
                              url=d["url"], outlet=d["outlet"], published=d["published"]))
    return out


@pytest.fixture
def story() -> list[Report]:
    return detainee_reports()


def _rows(claims: list) -> list[tuple]:  # type: ignore[type-arg]
    return [(c.date, c.value, c.origin, c.subset, c.group_status, c.kind,
             [r.doc_id for r in c.reports]) for c in claims]


def test_detainee_timeline_two_origins(story: list[Report], names: Names) -> None:
    entries = build_timeline(story, group="detainees", names=names)
    assert all(c.actor is None and c.group == "detainees" for c in entries)
    origins = {c.origin for c in entries}
    assert any(MINISTRY in o for o in origins) and any(MONITOR in o for o in origins)
    ministry = [c for c in entries if MINISTRY in c.origin]
    monitor = [c for c in entries if MONITOR in c.origin]
    assert [(c.date, c.value, c.subset, c.group_status, c.kind) for c in ministry] == [
        ("2031-05-02", 120, None, None, "first"),
        ("2031-05-11", 210, None, None, "update"),
        ("2031-05-27", 150, None, "released", "first"),
    ]
    assert [(c.date, c.value, c.subset, c.group_status, c.kind) for c in monitor] == [
        ("2031-05-05", 340, None, None, "first"),
        ("2031-05-20", 45, "children", None, "first"),
        ("2031-05-20", 600, None, None, "update"),
        ("2031-06-02", 430, None, "held", "first"),
    ]
    # every report listed: the syndicated copy and the later restatement join their claims
    first = ministry[0]
    assert [r.doc_id for r in first.reports] == ["det-01", "det-02"]
    held = monitor[-1]
    assert [r.doc_id for r in held.reports] == ["det-07", "det-08"]
    assert ministry[1].revises == first.id and monitor[2].revises == monitor[0].id
    assert "Interior Ministry" in first.aliases
    assert len(entries) == 7 and len({c.id for c in entries}) == 7


def test_select_by_synonym_subset_status(story: list[Report], names: Names) -> None:
    claims = underlying_claims(story, names=names)
    assert len(select_group(claims, "those arrested")) == 7
    assert [c.value for c in select_group(claims, "children")] == [45]
    assert [c.value for c in select_group(claims, "detainees released")] == [150]
    assert [c.value for c in select_group(claims, "detainees still held")] == [430]
    assert select_group(claims, "hostages") == []
    # with the other filters of a timeline
    picked = filter_claims(claims, group="detainees", origin=MONITOR, names=names)
    assert [c.value for c in picked] == [340, 45, 600, 430]
    assert filter_claims(claims, group="detainees", metric="killed", names=names) == []


def test_unknown_group(names: Names) -> None:
    with pytest.raises(ConfigError, match="unknown group 'zebras'"):
        parse_group("zebras")
    with pytest.raises(ConfigError):
        build_timeline([], group="zebras", names=names)


def test_group_series_summary(story: list[Report], names: Names) -> None:
    claims = underlying_claims(story, names=names)
    series = group_series(claims)
    assert len(series) == 1
    s = series[0]
    assert (s.group, s.metric, s.claims, s.reports, s.origins) == ("detainees", "detained",
                                                                    7, 9, 2)
    assert (s.first, s.last, s.statuses) == ("2031-05-02", "2031-06-02", ("held", "released"))
    assert s.to_dict()["kind"] == "group"


def test_series_of_named_sides_are_left_to_actor_series(names: Names) -> None:
    reps = [report("a", "killed", 40, origin=["Defence Ministry"], actor="Chile",
                   subject="Chilean soldiers", claim_id=1),
            report("b", "killed", 12, origin=["Health Ministry"], actor=None,
                   subject="people", claim_id=2)]
    claims = underlying_claims(reps, names=names)
    assert group_series(claims) == []  # soldiers of a named side; people: nobody in particular
    assert [s.group for s in group_series(claims, need_unnamed=False)] == ["soldiers"]
    assert {s.group for s in group_series(claims, include_generic=True,
                                          need_unnamed=False)} == {"soldiers", "people"}


def test_status_splits_an_origin_series(names: Names) -> None:
    """Released and still held are not updates of the number taken."""
    q_taken = "Mediators said on Monday that 90 hostages were seized at the border post."
    q_freed = "Mediators said on Monday that 35 hostages were freed on Sunday."
    q_held = "Mediators said on Friday that 41 hostages remain in captivity."
    reps = [report("h1", "abducted", 90, origin=["the mediators"], actor=None,
                   subject="hostages", quote=q_taken, date="2031-03-03", claim_id=1),
            report("h2", "abducted", 35, origin=["the mediators"], actor=None,
                   subject="hostages", quote=q_freed, date="2031-03-10", claim_id=2),
            report("h3", "abducted", 41, origin=["the mediators"], actor=None,
                   subject="hostages", quote=q_held, date="2031-03-14", claim_id=3)]
    claims = build_timeline(reps, group="captives", names=names)
    assert [(c.value, c.group_status, c.kind) for c in claims] == [
        (90, None, "first"), (35, "released", "first"), (41, "held", "first")]
    assert [line_label(c) for c in claims][1].endswith("\u00b7 released")


def test_one_figure_of_two_groups_is_two_claims(names: Names) -> None:
    reps = [report("x", "killed", 14, origin=["Red Crescent"], actor=None,
                   subject="refugees", date="2031-01-02", claim_id=1),
            report("y", "killed", 14, origin=["Red Crescent"], actor=None,
                   subject="aid workers", date="2031-01-02", claim_id=2)]
    claims = underlying_claims(reps, names=names)
    assert sorted(c.group or "" for c in claims) == ["aid workers", "refugees"]
    assert len({c.id for c in claims}) == 2


def test_actor_claims_keep_their_identity(names: Names) -> None:
    """A named side's figure is one claim whatever word counts it ("troops", "soldiers")."""
    reps = [report("p", "killed", 50, origin=["General Staff"], actor="Chile",
                   subject="Chilean troops", date="2031-01-02", claim_id=1),
            report("q", "killed", 50, origin=["General Staff"], actor="Chile",
                   subject="Chileans", date="2031-01-03", claim_id=2)]
    claims = underlying_claims(reps, names=names)
    assert len(claims) == 1 and len(claims[0].reports) == 2


def test_chart_draws_status_lines(story: list[Report], names: Names) -> None:
    entries = build_timeline(story, group="detainees", names=names)
    svg = render_chart(entries, "svg", title="detainees").decode("utf-8")
    assert "\u00b7 released" in svg and "\u00b7 held" in svg
    assert "stroke-dasharray" in svg  # the status lines are dashed


def test_exports_carry_the_group(story: list[Report], names: Names, tmp_path: Path) -> None:
    import csv

    import pyarrow.parquet as pq

    from tollwatch.reconcile.export import write_csv, write_parquet

    entries = build_timeline(story, group="detainees", names=names)
    write_csv(entries, tmp_path / "d.csv")
    with open(tmp_path / "d.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["value"], r["group"], r["subset"], r["group_status"]) for r in rows][-3:] == [
        ("600", "detainees", "", ""), ("150", "detainees", "", "released"),
        ("430", "detainees", "", "held")]
    write_parquet(entries, tmp_path / "d.parquet")
    table = pq.read_table(tmp_path / "d.parquet").to_pylist()
    assert [t["group_status"] for t in table] == [c.group_status for c in entries]


def test_discrepancies_within_a_group_and_status(story: list[Report], names: Names) -> None:
    from tollwatch.reconcile.discrepancies import find_discrepancies

    claims = underlying_claims(story, names=names)
    found = find_discrepancies(claims, names=names)
    for d in found:
        a, b = d.claims
        assert (a.group, a.subset, a.group_status) == (b.group, b.subset, b.group_status)
    pairs = {(d.kind, d.claims[0].value, d.claims[1].value) for d in found}
    # the ministry's 120 against the monitor's 340 at least, days apart: a disagreement
    assert ("disagreement", 120, 340) in pairs
    assert ("revision", 120, 210) in pairs and ("revision", 340, 600) in pairs
    # the 45 children are no competitor of the totals, nor the 150 released
    assert not any(45 in (v1, v2) or 150 in (v1, v2) for _, v1, v2 in pairs)
