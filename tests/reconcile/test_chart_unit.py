"""Unit tests of reconcile/chart.py: what the chart shows, deterministic output, formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.reconcile.conftest import report

from tollwatch.reconcile.chart import HEDGE_MARKERS, render_chart, write_chart
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.underlying import UnderlyingClaim, underlying_claims


@pytest.fixture
def claims(names: Names) -> list[UnderlyingClaim]:
    rs = [report("c1", "killed", 1240, origin=["Kest Monitor"], date="2031-03-01"),
          report("c2", "killed", 1500, origin=["Kest Monitor"], date="2031-03-12",
                 qualifier="min"),
          report("c3", "killed", None, origin=["Orlan Vesk"], date="2031-03-05",
                 qualifier="range", low=900, high=1100),
          report("c4", "injured", 75, origin=["Orlan Vesk"], date="2031-03-06"),
          report("c5", "killed", 3, origin=["Tamsin Orrel"], date=None, published=None)]
    return underlying_claims(rs, names=names)


def _svg(claims: list[UnderlyingClaim], title: str | None = None) -> str:
    return render_chart(claims, "svg", title=title).decode("utf-8")


def test_svg_names_origins_figures_and_title(claims: list[UnderlyingClaim]) -> None:
    text = _svg(claims, title="Orlan valley toll")
    for s in ("Kest Monitor", "Orlan Vesk", "Orlan valley toll", "killed", "injured",
              "at least"):
        assert s in text, s
    assert "Tamsin Orrel" not in text  # an undated claim is not drawn


def test_the_same_claims_give_the_same_png(claims: list[UnderlyingClaim]) -> None:
    assert render_chart(claims, "png") == render_chart(claims, "png")


def test_the_same_claims_give_the_same_svg(claims: list[UnderlyingClaim]) -> None:
    assert render_chart(claims, "svg") == render_chart(claims, "svg")


def test_one_panel_per_metric(claims: list[UnderlyingClaim]) -> None:
    only_killed = [c for c in claims if c.metric == "killed"]
    assert "injured" not in _svg(only_killed)
    assert "injured" in _svg(claims)


def test_hedge_markers_cover_every_qualifier() -> None:
    assert set(HEDGE_MARKERS) == {"exact", "approx", "min", "max", "range"}
    assert HEDGE_MARKERS["min"] != HEDGE_MARKERS["max"]


def test_write_chart_picks_the_format_from_the_suffix(claims: list[UnderlyingClaim],
                                                     tmp_path: Path) -> None:
    svg = write_chart(claims, tmp_path / "toll.SVG")
    assert svg.read_bytes().lstrip().startswith(b"<?xml")
    png = write_chart(claims, tmp_path / "toll.out")
    assert png.read_bytes().startswith(b"\x89PNG")
    forced = write_chart(claims, tmp_path / "toll.png", "svg")
    assert b"<svg" in forced.read_bytes()


def test_undated_only_is_an_empty_chart(claims: list[UnderlyingClaim]) -> None:
    undated = [c for c in claims if c.date is None]
    assert undated
    assert "(no dated claims)" in _svg(undated)
