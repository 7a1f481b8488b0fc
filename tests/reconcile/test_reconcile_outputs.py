from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import report  # type: ignore[import-not-found]
from tollwatch.model import Report
from tollwatch.reconcile.chart import render_chart, write_chart
from tollwatch.reconcile.discrepancies import find_discrepancies, relative_gap
from tollwatch.reconcile.export import (
    ACLED_COLUMNS,
    CLAIM_COLUMNS,
    UCDP_COLUMNS,
    csv_text,
    estimates,
    event_rows,
    write_events_csv,
    write_parquet,
)
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.timeline import build_timeline, to_jsonl
from tollwatch.reconcile.underlying import underlying_claims


def test_discrepancies_in_the_story(reports: list[Report], names: Names) -> None:
    claims = underlying_claims(reports, names=names)
    found = find_discrepancies(claims, actor="North Korea", names=names)
    kinds = [(d.kind, d.metric) for d in found]
    assert kinds.count(("revision", "killed")) == 2
    assert ("revision", "deployed") in kinds and ("revision", "injured") in kinds
    dis = [d for d in found if d.kind == "disagreement"]
    assert len(dis) == 1
    a, b = dis[0].claims
    assert (a.value, b.value) == (1100, 2300)
    assert "says" in dis[0].describe()
    out = dis[0].to_dict()
    assert out["claims"][0]["reports"] and out["gap"] > 0.5
    assert find_discrepancies(claims, actor="Russia", names=names) == []


def test_hedges_and_threshold(names: Names) -> None:
    rs = [report("a", "killed", 100, origin=["OCHA"], date="2031-01-01"),
          report("b", "killed", 300, origin=["ACLED"], qualifier="min", date="2031-01-02"),
          report("c", "killed", 110, origin=["Amnesty"], date="2031-01-03"),
          report("d", "killed", None, low=250, high=350, qualifier="range",
                 origin=["HRW"], date="2031-01-04")]
    claims = underlying_claims(rs, names=names)
    by = {c.origin: c for c in claims}
    assert relative_gap(by["OCHA"], by["Amnesty International"]) == pytest.approx(10 / 110)
    assert relative_gap(by["ACLED"], by["Human Rights Watch"]) == 0.0
    found = find_discrepancies(claims, threshold=0.2, names=names)
    pairs = {frozenset(c.origin for c in d.claims) for d in found}
    assert frozenset({"OCHA", "ACLED"}) in pairs
    assert frozenset({"OCHA", "Amnesty International"}) not in pairs
    assert frozenset({"Human Rights Watch", "ACLED"}) not in pairs
    assert find_discrepancies(claims, threshold=5.0, names=names) == []


def test_stale_figures_do_not_disagree(names: Names) -> None:
    rs = [report("a", "killed", 100, origin=["OCHA"], date="2031-01-01"),
          report("b", "killed", 900, origin=["ACLED"], date="2031-06-01")]
    claims = underlying_claims(rs, names=names)
    assert find_discrepancies(claims, names=names) == []
    assert len(find_discrepancies(claims, stale_days=365, names=names)) == 1


def test_jsonl_shape(reports: list[Report], names: Names) -> None:
    tl = build_timeline(reports, "North Korea", metric="killed", names=names)
    lines = [json.loads(x) for x in to_jsonl(tl).splitlines()]
    # the outlet's own report of the drone strike (no source named) is hidden by default
    assert [x["value"] for x in lines] == [200, 600, 1100, 2300]
    assert not any(x["own_voice"] for x in lines)
    shown = [json.loads(x) for x in to_jsonl(build_timeline(
        reports, "North Korea", metric="killed", names=names, voice="show")).splitlines()]
    assert [(x["value"], x["own_voice"]) for x in shown] == [
        (200, False), (600, False), (40, True), (1100, False), (2300, False)]
    assert shown[2]["origin"] == "Harbour Ledger"
    only = build_timeline(reports, "North Korea", metric="killed", names=names, voice="only")
    assert [c.value for c in only] == [40]
    assert lines[0]["origin"] == "National Intelligence Service (South Korea)"
    assert lines[0]["aliases"] == ["National Intelligence Service", "NIS", "Seoul's spy agency"]


def test_csv_export(reports: list[Report], names: Names) -> None:
    claims = underlying_claims(reports, names=names)
    rows = list(csv.DictReader(io.StringIO(csv_text(claims))))
    assert len(rows) == len(claims) and tuple(rows[0]) == CLAIM_COLUMNS
    r = next(r for r in rows if r["value"] == "1100")
    assert r["report_count"] == "3" and r["doc_ids"] == "story-18; story-19; story-20"


def test_parquet_export(reports: list[Report], names: Names, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    claims = underlying_claims(reports, names=names)
    path = tmp_path / "claims.parquet"
    write_parquet(claims, path)
    table = pq.read_table(path)
    assert table.num_rows == len(claims)
    rows = table.to_pylist()
    first = next(r for r in rows if r["value"] == 1100)
    assert [x["doc_id"] for x in first["reports"]] == ["story-18", "story-19", "story-20"]
    assert str(first["date"]) == "2030-11-05"


def test_event_rows(reports: list[Report], names: Names, tmp_path: Path) -> None:
    claims = underlying_claims(reports, names=names)
    ucdp = event_rows(claims, "ucdp", names=names)
    assert len(ucdp) == 5 and set(ucdp[0]) == set(UCDP_COLUMNS)
    strike = next(r for r in ucdp if r["best"] == 40)
    assert (strike["low"], strike["best"], strike["high"]) == (40, 40, None)
    assert strike["side_a"] == "North Korea" and strike["deaths_a"] == 40
    assert strike["source_original"] == "Harbour Ledger"
    acled = event_rows(claims, "acled", names=names)
    assert set(acled[0]) == set(ACLED_COLUMNS) and acled[0]["fatalities"] == 200
    path = tmp_path / "events.csv"
    assert write_events_csv(claims, path, "acled", names=names) == 5
    assert path.read_text(encoding="utf-8").startswith("event_id_cnty,event_date")


def test_estimates(names: Names) -> None:
    rs = [report("a", "killed", None, low=10, high=15, qualifier="range", origin=["x"]),
          report("b", "killed", 20, qualifier="max", origin=["y"]),
          report("c", "killed", 30, qualifier="approx", origin=["z"])]
    got = sorted((estimates(c) for c in underlying_claims(rs, names=names)),
                 key=lambda e: e[1] or 0)
    assert got == [(10, 12, 15), (None, 20, 20), (30, 30, 30)]


def test_civilian_deaths_go_to_the_civilian_column(names: Names) -> None:
    r = report("a", "killed", 12, origin=["OCHA"], date="2031-01-01", actor="Sudanese")
    r.claim.civilian = True
    rows = event_rows(underlying_claims([r], names=names), "ucdp", names=names)
    assert (rows[0]["deaths_civilians"], rows[0]["deaths_a"], rows[0]["country"]) == (12, None,
                                                                                       "Sudan")


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_chart(reports: list[Report], names: Names, fmt: str, tmp_path: Path) -> None:
    tl = build_timeline(reports, "North Korea", names=names, voice="show")
    data = render_chart(tl, fmt, title="North Korea")  # type: ignore[arg-type]
    if fmt == "png":
        assert data.startswith(b"\x89PNG")
    else:
        text = data.decode("utf-8")
        assert "<svg" in text and "National Intelligence Service (South Korea)" in text
        assert "Harbour Ledger" in text and "at least" in text
    path = write_chart(tl, tmp_path / f"t.{fmt}")
    assert path.stat().st_size > 1000


def test_chart_of_nothing(tmp_path: Path) -> None:
    assert render_chart([], "png").startswith(b"\x89PNG")
