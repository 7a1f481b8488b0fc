"""Unit tests of reconcile/export.py: estimates, flat rows and UCDP/ACLED event rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from tests.reconcile.conftest import report

from tollwatch.model import Report
from tollwatch.reconcile.export import (
    ACLED_COLUMNS,
    CLAIM_COLUMNS,
    UCDP_COLUMNS,
    claim_rows,
    csv_text,
    estimates,
    event_rows,
    write_csv,
    write_events_csv,
)
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.underlying import UnderlyingClaim, underlying_claims


def _one(names: Names, r: Report) -> UnderlyingClaim:
    (c,) = underlying_claims([r], names=names)
    return c


@pytest.mark.parametrize(("kw", "est"), [
    ({"value": 20}, (20, 20, 20)),
    ({"value": 20, "qualifier": "approx"}, (20, 20, 20)),
    ({"value": 20, "qualifier": "min"}, (20, 20, None)),
    ({"value": 20, "qualifier": "max"}, (None, 20, 20)),
    ({"value": None, "qualifier": "range", "low": 10, "high": 31}, (10, 20, 31)),
    ({"value": None, "qualifier": "range", "low": 10}, (10, 10, None)),
    ({"value": None, "qualifier": "range", "high": 31}, (None, 31, 31)),
])
def test_estimates(names: Names, kw: dict[str, object],
                   est: tuple[int | None, int | None, int | None]) -> None:
    value = kw.pop("value")
    c = _one(names, report("x1", "killed", value, origin=["Kest Monitor"],  # type: ignore[arg-type]
                           date="2031-03-01", **kw))  # type: ignore[arg-type]
    assert estimates(c) == est


def _two(names: Names) -> list[UnderlyingClaim]:
    rs = [report("x1", "killed", 40, origin=["Kest Monitor"], date="2031-03-01",
                 outlet="Kest Daily", location="Kyiv"),
          report("x2", "killed", 40, origin=["Kest Monitor"], date="2031-03-02",
                 outlet="Vesk Times", location="Kyiv"),
          report("x3", "injured", 7, origin=["Orlan Vesk"], date="2031-03-02", actor=None)]
    return sorted(underlying_claims(rs, names=names), key=lambda c: c.metric, reverse=True)


def test_claim_rows(names: Names) -> None:
    killed, injured = _two(names)
    row, row2 = claim_rows([killed, injured])
    assert set(row) == set(CLAIM_COLUMNS)
    assert row["report_count"] == 2
    assert row["doc_ids"] == "x1; x2"
    assert row["urls"] == "https://example.test/x1; https://example.test/x2"
    assert row["best"] == 40 and row["actor"] == "North Korea"
    assert row["first_quote"] == killed.reports[0].quote
    assert row2["actor"] is None and row2["metric"] == "injured"


def test_csv_text_and_write_csv_agree(names: Names, tmp_path: Path) -> None:
    cs = _two(names)
    text = csv_text(cs)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(CLAIM_COLUMNS)
    assert rows[1]["actor"] == ""  # None is written empty
    path = tmp_path / "c.csv"
    write_csv(cs, path)
    assert path.read_text(encoding="utf-8") == text
    assert csv_text([]) == ",".join(CLAIM_COLUMNS) + "\n"


def test_only_dated_asserted_killings_are_events(names: Names) -> None:
    rs = [report("e1", "killed", 40, origin=["Kest Monitor"], date="2031-03-01"),
          report("e2", "injured", 9, origin=["Kest Monitor"], date="2031-03-01"),
          report("e3", "killed", 5, origin=["Kest Monitor"], date=None, published=None)]
    rows = event_rows(underlying_claims(rs, names=names), names=names)
    assert [r["best"] for r in rows] == [40]


def test_ucdp_rows_put_deaths_in_the_right_column(names: Names) -> None:
    rs = [report("u1", "killed", 40, origin=["Kest Monitor"], date="2031-03-01"),
          report("u2", "killed", 12, origin=["Orlan Vesk"], date="2031-03-02", actor=None)]
    rows = sorted(event_rows(underlying_claims(rs, names=names), "ucdp", names=names),
                  key=lambda r: r["best"], reverse=True)
    side, unknown = rows
    assert set(side) == set(UCDP_COLUMNS)
    assert (side["deaths_a"], side["deaths_civilians"], side["deaths_unknown"]) == (40, None, None)
    assert side["country"] == "North Korea" and side["year"] == 2031
    assert (unknown["deaths_a"], unknown["deaths_unknown"]) == (None, 12)
    assert unknown["country"] is None
    assert sorted(r["id"] for r in rows) == [1, 2]


def test_acled_rows(names: Names) -> None:
    rs = [report("a1", "killed", 40, origin=["Kest Monitor"], date="2031-03-01",
                 outlet="Kest Daily", qualifier="min")]
    (row,) = event_rows(underlying_claims(rs, names=names), "acled", names=names)
    assert set(row) == set(ACLED_COLUMNS)
    assert row["event_id_cnty"] == "TW1" and row["event_date"] == "2031-03-01"
    assert row["fatalities"] == 40 and row["high"] is None
    assert row["source"] == "Kest Monitor; Kest Daily"
    assert row["civilian_targeting"] is None


def test_write_events_csv_counts_rows(names: Names, tmp_path: Path) -> None:
    cs = _two(names)
    path = tmp_path / "ev.csv"
    assert write_events_csv(cs, path, "acled", names=names) == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(ACLED_COLUMNS) and len(lines) == 2
    buf = io.StringIO()
    assert write_events_csv([], buf, names=names) == 0
    assert buf.getvalue() == ",".join(UCDP_COLUMNS) + "\n"
