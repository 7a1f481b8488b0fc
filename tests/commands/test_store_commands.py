"""The store's reading commands (stats, claims, timeline, discrepancies, export,
export-gold, reconcile, serve's refusals) in process over a real SQLite store of
hand-made claims: outputs, filters, and bad input named with a non-zero exit."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.store import Store
from web.handmade import STORIES, fill


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "hand.db"
    with Store.open(str(path)) as store:
        fill(store)
    return str(path)


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "100", **(env or {})})


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in text.splitlines() if ln.strip()]


# -- stats ----------------------------------------------------------------------------


def test_stats_json(db: str) -> None:
    r = run("stats", "--db", db, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == {"documents": 4, "claims": 5, "sources": 3, "actors": 3,
                                    "runs": 0, "copies": 0, "near_duplicates": 0,
                                    "reviews": 0, "run_errors": 0}


def test_stats_table_names_every_count(db: str) -> None:
    r = run("stats", "--db", db)
    assert r.exit_code == 0
    for label in ("documents", "claims", "sources", "actors", "near duplicates",
                  "run errors"):
        assert label in r.stdout


def test_stats_from_the_environment(db: str) -> None:
    r = run("stats", "--json", env={"TOLLWATCH_DB": db})
    assert r.exit_code == 0 and json.loads(r.stdout)["claims"] == 5


def test_a_file_that_is_not_a_store_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"these are plain notes, not a database\n" * 20)
    r = run("stats", "--db", str(bad))
    assert r.exit_code == 3
    assert "notes.db" in r.stderr and "Traceback" not in r.output


# -- claims ---------------------------------------------------------------------------


def test_claims_jsonl_carry_document_and_claim_fields(db: str) -> None:
    r = run("claims", "--db", db, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    rows = _jsonl(r.stdout)
    assert [x["doc_id"] for x in rows] == ["ridge-1", "ridge-1", "ridge-2", "coast-1",
                                           "coast-2"]
    first = rows[0]
    assert first["url"] == "https://north.example/1" and first["outlet"] == "North Desk"
    assert first["origin"] == ["the health ministry"] and first["speaker"] == []
    assert first["value"] == 12 and first["location"] == "Harl"


def test_claims_csv_joins_lists_and_keeps_the_header(db: str) -> None:
    r = run("claims", "--db", db, "--format", "csv", "--metric", "killed")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["value"] for row in rows] == ["12", "15"]
    assert rows[0]["origin"] == "the health ministry" and rows[0]["speaker"] == ""


def test_claims_csv_of_nothing_is_the_header_only(db: str) -> None:
    r = run("claims", "--db", db, "--format", "csv", "--actor", "no one by this name")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("claim_id,doc_id,")


@pytest.mark.parametrize(("args", "values"), [
    (("--since", "2024-02-29", "--until", "2024-04"), [12, 30, 15, 2000]),  # a leap day
    (("--since", "2024"), [12, 30, 15, 2000]),
    (("--actor", "Russian forces"), [12, 30]),
    (("--origin", "a UN agency"), [2000]),
    (("--since", "2024-04-02"), [15, 2000]),
    (("--until", "2024-03-31"), [12, 30]),
    (("--metric", "detained"), [40]),
    (("--limit", "2"), [12, 30]),
])
def test_claims_filters(db: str, args: tuple[str, ...], values: list[int]) -> None:
    r = run("claims", "--db", db, "--format", "jsonl", *args)
    assert r.exit_code == 0, r.output
    assert [x["value"] for x in _jsonl(r.stdout)] == values


def test_claims_to_files_in_every_format(db: str, tmp_path: Path) -> None:
    for fmt in ("csv", "jsonl", "parquet", "table"):
        out = tmp_path / f"claims.{fmt}"
        r = run("claims", "--db", db, "--format", fmt, "-o", str(out))
        assert r.exit_code == 0, (fmt, r.output)
        assert r.stdout == ""
        assert out.stat().st_size > 0
    assert pq.read_table(tmp_path / "claims.parquet").num_rows == 5
    assert len(_jsonl((tmp_path / "claims.jsonl").read_text("utf-8"))) == 5
    assert "5 claims" in (tmp_path / "claims.table").read_text("utf-8")


def test_claims_table_shows_quotes_beneath(db: str) -> None:
    r = run("claims", "--db", db)
    assert r.exit_code == 0
    assert "12 killed, the health ministry said." in r.stdout
    assert "ridge-1 · North Desk" in r.stdout and r.stdout.rstrip().endswith("5 claims")
    assert max(len(ln) for ln in r.stdout.splitlines()) <= 100


@pytest.mark.parametrize(("args", "named"), [
    (("--metric", "eaten"), "--metric"),
    (("--format", "xml"), "--format"),
    (("--format", "parquet"), "--output"),
    (("--since", "last week"), "--since"),
    (("--until", "2024-13-45"), "--until"),
    (("--since", "2024-02-30"), "--since"),
    (("--since", "2024-00"), "--since"),
    (("--limit", "0"), "--limit"),
])
def test_claims_bad_options_are_named(db: str, args: tuple[str, ...], named: str) -> None:
    r = run("claims", "--db", db, *args)
    assert r.exit_code == 2
    assert named.lstrip("-") in r.output.replace("'", "")
    assert r.stdout == "" or "Usage" in r.output


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "table"])
def test_claims_to_an_unwritable_file_is_a_clear_error(db: str, tmp_path: Path,
                                                      fmt: str) -> None:
    target = tmp_path / "missing-folder" / f"out.{fmt}"
    r = run("claims", "--db", db, "--format", fmt, "-o", str(target))
    assert r.exit_code == 1
    assert f"cannot write {target}" in r.stderr.replace("\n", "")
    assert "Traceback" not in r.output and not target.exists()


# -- timeline, discrepancies, export --------------------------------------------------


def test_timeline_by_another_name(db: str) -> None:
    r = run("timeline", "--db", db, "--actor", "Moscow", "--format", "jsonl")
    assert r.exit_code == 0, r.output
    items = _jsonl(r.stdout)
    assert [(i["metric"], i["value"], i["kind"]) for i in items] == [
        ("injured", 30, "first"), ("killed", 12, "first"), ("killed", 15, "update")]
    assert items[2]["revises"] == items[1]["id"]
    assert {i["actor"] for i in items} == {"Russia"}


def test_timeline_of_an_unknown_actor_is_empty(db: str) -> None:
    r = run("timeline", "--db", db, "--actor", "a band nobody named", "--format", "jsonl")
    assert r.exit_code == 0 and r.stdout.strip() == ""


@pytest.mark.parametrize("cmd", [("timeline", "--actor", "Russia"), ("discrepancies",),
                                 ("export", "out.csv")])
def test_an_unknown_metric_is_refused_everywhere(db: str, tmp_path: Path,
                                                 cmd: tuple[str, ...]) -> None:
    args = [a if a != "out.csv" else str(tmp_path / a) for a in cmd]
    r = run(*args, "--db", db, "--metric", "eaten")
    assert r.exit_code == 2 and "unknown metric 'eaten'" in r.output


def test_export_csv_rows_are_the_underlying_claims(db: str, tmp_path: Path) -> None:
    out = tmp_path / "under.csv"
    r = run("export", str(out), "--db", db)
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert len(rows) == 5 and "wrote 5 rows" in r.stderr
    killed = [row for row in rows if row["metric"] == "killed"]
    assert sorted(row["value"] for row in killed) == ["12", "15"]
    assert {row["origin"] for row in killed} == {"Ministry of Health"}


@pytest.mark.parametrize("fmt", ["acled", "ucdp"])
def test_event_exports_have_the_fatality_claims_only(db: str, tmp_path: Path,
                                                     fmt: str) -> None:
    out = tmp_path / f"events.{fmt}.csv"
    r = run("export", str(out), "--db", db, "--format", fmt)
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert len(rows) == 2  # the two killed figures; injured, displaced, detained left out
    text = out.read_text("utf-8")
    assert "2000" not in text and "40 detained" not in text


def test_export_parquet(db: str, tmp_path: Path) -> None:
    out = tmp_path / "under.parquet"
    r = run("export", str(out), "--db", db, "--format", "parquet", "--actor", "Kyiv")
    assert r.exit_code == 0, r.output
    table = pq.read_table(out)
    assert table.num_rows == 1 and table.column("actor").to_pylist() == ["Ukraine"]


def test_export_window_zero_splits_nothing_new_here(db: str, tmp_path: Path) -> None:
    out = tmp_path / "w0.csv"
    assert run("export", str(out), "--db", db, "--window", "0").exit_code == 0
    assert run("export", str(out), "--db", db, "--window", "-1").exit_code == 2


# -- export-gold ------------------------------------------------------------------------


def _review_first(db: str, status: str = "accepted", **corrected: Any) -> None:
    with Store.open(db) as store:
        first = store.reports()[0]
        store.review(first.claim_id, status, corrected)


def test_export_gold_of_an_unreviewed_store_is_empty(db: str) -> None:
    r = run("export-gold", "--db", db)
    assert r.exit_code == 0 and r.stdout == "" and "wrote 0 documents" in r.stderr


def test_export_gold_writes_each_reviewed_document_once(db: str, tmp_path: Path) -> None:
    _review_first(db, value=11)
    out = tmp_path / "gold.jsonl"
    r = run("export-gold", str(out), "--db", db)
    assert r.exit_code == 0, r.output
    (doc,) = _jsonl(out.read_text("utf-8"))
    assert doc["id"] == "ridge-1"
    assert doc["text"] == STORIES[0][0].text
    assert "wrote 1 documents to" in r.stderr


def test_export_gold_complete_only(db: str) -> None:
    _review_first(db)
    assert run("export-gold", "--db", db, "--complete-only").stdout == ""
    with Store.open(db) as store:
        for rep in store.reports(doc_id="ridge-1"):
            store.review(rep.claim_id, "accepted")
    r = run("export-gold", "--db", db, "--complete-only")
    assert [d["id"] for d in _jsonl(r.stdout)] == ["ridge-1"]


def test_export_gold_to_an_unwritable_place(db: str, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "gold.jsonl"
    r = run("export-gold", str(target), "--db", db)
    assert r.exit_code == 1 and "cannot write" in r.stderr


# -- reconcile then timeline ----------------------------------------------------------


def test_reconcile_keeps_a_view_the_timeline_reads(db: str) -> None:
    before = run("timeline", "--db", db, "--actor", "Russia", "--format", "jsonl")
    r = run("reconcile", "--db", db)
    assert r.exit_code == 0, r.output
    after = run("timeline", "--db", db, "--actor", "Russia", "--format", "jsonl")
    assert after.exit_code == 0
    key = [(i["metric"], i["value"], i["kind"]) for i in _jsonl(before.stdout)]
    assert [(i["metric"], i["value"], i["kind"]) for i in _jsonl(after.stdout)] == key


# -- serve's refusals (nothing is started) --------------------------------------------


def test_serve_refuses_a_remote_address_without_allow_remote(db: str) -> None:
    r = run("serve", "--db", db, "--host", "0.0.0.0")
    assert r.exit_code == 2 and "--allow-remote" in r.stderr


def test_serve_beyond_loopback_needs_a_token(db: str) -> None:
    r = run("serve", "--db", db, "--host", "0.0.0.0", "--allow-remote",
            env={"TOLLWATCH_TOKEN": ""})
    assert r.exit_code == 2 and "TOLLWATCH_TOKEN" in r.stderr


def test_serve_names_a_bad_store(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00\x01 not sqlite" * 100)
    r = run("serve", "--db", str(bad), "--port", "0")
    assert r.exit_code == 3 and "bad.db" in r.stderr


@pytest.mark.parametrize("port", ["-1", "65536", "http"])
def test_serve_port_range(db: str, port: str) -> None:
    assert run("serve", "--db", db, "--port", port).exit_code == 2
