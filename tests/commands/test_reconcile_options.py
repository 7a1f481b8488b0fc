"""The options of ``timeline``, ``discrepancies``, ``export`` and ``reconcile`` change what
comes out as they say, over a store of hand-made figures whose reconciliation is known:
one origin that revises its figure, one that disagrees, one that repeats itself."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.model import Claim, Document
from tollwatch.store import Store

# (doc, origin, value, day): the Valley Clinic says 100 then 180 (a revision); Kell Watch
# says 300 two days after the clinic's first figure (a disagreement); the clinic's 180 is
# reported again three days later (a repeat within the window)
FIGURES = [
    ("f1", "the Valley Clinic", 100, "2032-07-01"),
    ("f2", "Kell Watch", 300, "2032-07-03"),
    ("f3", "the Valley Clinic", 180, "2032-07-05"),
    ("f4", "the Valley Clinic", 180, "2032-07-08"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("opts") / "opts.db")
    with Store.open(path) as store:
        for doc_id, origin, value, day in FIGURES:
            text = f"{origin} said {value} people were killed in Peru ({doc_id})."
            store.add_document(Document(id=doc_id, text=text, published=day,
                                        outlet=f"Desk {doc_id}"),
                               [Claim("killed", value, actor="Peru", origin=[origin], date=day,
                                      quote=text, start=0, end=len(text))], "opts-1")
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "120"})


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in text.splitlines() if ln.strip()]


def _timeline(db: str, *extra: str) -> list[dict[str, Any]]:
    r = run("timeline", "--actor", "Peru", "--format", "jsonl", "--db", db, *extra)
    assert r.exit_code == 0, r.output
    return _jsonl(r.stdout)


def test_the_timeline_of_the_figures(db: str) -> None:
    items = _timeline(db)
    assert [(i["value"], i["kind"], len(i["reports"])) for i in items] == [
        (100, "first", 1), (300, "first", 1), (180, "update", 2)]
    assert items[2]["revises"] == items[0]["id"]


def test_a_zero_day_window_splits_the_repeat(db: str) -> None:
    items = _timeline(db, "--window", "0")
    assert [(i["value"], i["kind"]) for i in items] == [
        (100, "first"), (300, "first"), (180, "update"), (180, "repeat")]


def test_a_negative_window_is_refused(db: str) -> None:
    r = run("timeline", "--actor", "Peru", "--window", "-1", "--db", db)
    assert r.exit_code == 2 and "--window" in r.output


def test_the_timeline_to_a_file_is_what_it_prints(db: str, tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    r = run("timeline", "--actor", "Peru", "--format", "jsonl", "-o", str(out), "--db", db)
    assert r.exit_code == 0 and r.stdout == ""
    assert _jsonl(out.read_text(encoding="utf-8")) == _timeline(db)


def test_the_timeline_by_origin_location_and_metric(db: str) -> None:
    assert _timeline(db, "--metric", "injured") == []
    table = run("timeline", "--actor", "Peru", "--db", db)
    flat = " ".join(table.stdout.split())
    assert "Peru: 3 underlying claims" in flat
    assert "Kell Watch" in flat and "update" in flat


def _discrepancies(db: str, *extra: str) -> list[dict[str, Any]]:
    r = run("discrepancies", "--format", "jsonl", "--db", db, *extra)
    assert r.exit_code == 0, r.output
    return _jsonl(r.stdout)


def test_discrepancies_find_the_revision_and_the_disagreement(db: str) -> None:
    found = _discrepancies(db)
    kinds = sorted(d["kind"] for d in found)
    assert kinds == ["disagreement", "disagreement", "revision"]
    rev = next(d for d in found if d["kind"] == "revision")
    assert [c["value"] for c in rev["claims"]] == [100, 180]
    assert "revised killed from 100" in rev["description"]
    for d in found:
        assert d["actor"] == "Peru" and d["metric"] == "killed" and d["gap"] > 0.2


def test_a_high_threshold_keeps_the_revision_only(db: str) -> None:
    found = _discrepancies(db, "--threshold", "0.9")
    assert [d["kind"] for d in found] == ["revision"]


@pytest.mark.parametrize("stale,expected", [("0", 0), ("1", 0), ("2", 2), ("30", 2)])
def test_stale_days_bound_how_old_a_figure_still_competes(db: str, stale: str,
                                                          expected: int) -> None:
    found = _discrepancies(db, "--stale-days", stale)
    assert sum(d["kind"] == "disagreement" for d in found) == expected


def test_discrepancies_of_another_actor_are_none(db: str) -> None:
    assert _discrepancies(db, "--actor", "Chile") == []
    table = run("discrepancies", "--actor", "Chile", "--db", db)
    assert table.exit_code == 0 and "no discrepancies" in table.stdout


def test_a_negative_threshold_is_refused(db: str) -> None:
    r = run("discrepancies", "--threshold", "-0.5", "--db", db)
    assert r.exit_code == 2 and "--threshold" in r.output


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_window_and_actor(db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    assert run("export", str(out), "--db", db).exit_code == 0
    assert len(_rows(out)) == 3
    assert run("export", str(out), "--window", "0", "--db", db).exit_code == 0
    assert len(_rows(out)) == 4
    r = run("export", str(out), "--actor", "Chile", "--db", db)
    assert r.exit_code == 0 and "wrote 0 rows" in r.stderr
    assert _rows(out) == []


def test_export_to_a_missing_folder_is_named(db: str, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "x.csv"
    r = run("export", str(target), "--db", db)
    assert r.exit_code == 1
    assert f"cannot write {target}" in r.stderr.replace("\n", "")


def test_reconcile_builds_then_is_current_then_rebuilds(tmp_path: Path, db: str) -> None:
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    first = run("reconcile", "--db", str(copy), "--json")
    assert first.exit_code == 0, first.output
    stats = json.loads(first.stdout)
    assert set(stats) == {"mode", "reports", "underlying", "seconds"}
    assert stats["reports"] == 4 and stats["underlying"] == 3
    again = json.loads(run("reconcile", "--db", str(copy), "--json").stdout)
    assert again["mode"] == "current"
    full = json.loads(run("reconcile", "--db", str(copy), "--rebuild", "--json").stdout)
    assert full["mode"] == "rebuild" and full["underlying"] == 3
    line = run("reconcile", "--db", str(copy))
    assert line.exit_code == 0 and "underlying claims written" in line.stdout
