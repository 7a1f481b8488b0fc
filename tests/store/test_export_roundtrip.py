"""Stored claims out through every format of ``tollwatch claims`` and back: what a CSV,
JSONL or Parquet file says of each claim equals what ``Store.reports`` returns (reviews
applied), for seeded random claims with every field set or empty, untrusted text
included (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.model import METRICS, Claim, Document, Report
from tollwatch.store import Store
from tollwatch.store.export import COLUMNS, LIST_FIELDS, report_row

ODD = ['quote "marks", commas', "new\nline", "tab\there", "<b>markup</b> & [bold]x[/bold]",
       "accents: café Łódź", "emoji \U0001f4f0", ""]


def _claims(rnd: random.Random, text: str) -> list[Claim]:
    out = []
    for _ in range(rnd.randrange(1, 4)):
        ranged = rnd.random() < 0.2
        value = None if ranged else rnd.randrange(0, 5000)
        out.append(Claim(
            metric=rnd.choice(METRICS), value=value,
            low=rnd.randrange(1, 50) if ranged else None,
            high=rnd.randrange(60, 90) if ranged else None,
            qualifier="range" if ranged else rnd.choice(["exact", "approx", "min", "max"]),
            subject=rnd.choice([None, "soldiers", "civilians", rnd.choice(ODD) or None]),
            actor=rnd.choice([None, "Peru", "the Kell Front", "Chile"]),
            civilian=rnd.choice([None, True, False]),
            location=rnd.choice([None, "Arlen", "the old port"]),
            origin=rnd.sample(["the health ministry", "Kell Watch", "a medic"],
                              rnd.randrange(0, 3)),
            speaker=rnd.sample(["a spokeswoman", "the mayor"], rnd.randrange(0, 2)),
            date=rnd.choice([None, "2032-02-03", "2032-02", "2032"]),
            stance=rnd.choice(["asserted", "asserted", "denied", "hypothetical"]),
            quote=text[:40], start=0, end=min(40, len(text)),
            confidence=round(rnd.random(), 3)))
    return out


@pytest.fixture
def filled(db_url: str) -> str:
    rnd = random.Random(17)
    with Store.open(db_url) as store:
        for n in range(12):
            text = f"Document {n}: {rnd.choice(ODD)} and more words about the week ({n})."
            doc = Document(id=f"x{n}", text=text,
                           published=rnd.choice([None, f"2032-03-{n + 1:02d}"]),
                           url=rnd.choice([None, f"https://example.test/{n}?a=1&b=2"]),
                           outlet=rnd.choice([None, "Kell Courier", "Arlen Post"]),
                           title=rnd.choice([None, rnd.choice(ODD) or None]))
            store.add_document(doc, _claims(rnd, text), "rt-1")
        reports = store.reports()
        store.review(reports[0].claim_id, "accepted", {"value": 7, "actor": "Chile"})
        store.review(reports[1].claim_id, "rejected")
    return db_url


def _expected(db: str) -> list[dict[str, Any]]:
    with Store.open(db) as store:
        reports: list[Report] = store.reports()
    return [report_row(r) for r in reports]


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "120"})


def test_jsonl_says_what_the_store_says(filled: str) -> None:
    r = run("claims", "--db", filled, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    got = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert got == _expected(filled)
    assert got[0]["value"] == 7 and got[0]["status"] == "accepted"
    assert got[1]["status"] == "rejected"


def _csv_cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(value)
    if value is None:
        return ""
    return str(value)


def test_csv_says_what_the_store_says(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    r = run("claims", "--db", filled, "--format", "csv", "-o", str(out))
    assert r.exit_code == 0, r.output
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == COLUMNS
    expected = _expected(filled)
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        assert row == {k: _csv_cell(want[k]) for k in COLUMNS}


def test_parquet_says_what_the_store_says(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.parquet"
    r = run("claims", "--db", filled, "--format", "parquet", "-o", str(out))
    assert r.exit_code == 0, r.output
    table = pq.read_table(out).to_pylist()
    expected = _expected(filled)
    assert len(table) == len(expected)
    for row, want in zip(table, expected, strict=True):
        for k in COLUMNS:
            if k in LIST_FIELDS:
                assert list(row[k] or []) == want[k], k
            elif isinstance(want[k], float):
                assert row[k] == pytest.approx(want[k]), k
            else:
                assert row[k] == want[k], k


def test_filters_and_limits_give_the_same_rows_in_every_format(filled: str,
                                                               tmp_path: Path) -> None:
    args = ["--db", filled, "--metric", "killed", "--limit", "3"]
    jl = run("claims", *args, "--format", "jsonl")
    cs = run("claims", *args, "--format", "csv")
    assert jl.exit_code == cs.exit_code == 0
    ids_jsonl = [json.loads(ln)["claim_id"] for ln in jl.stdout.splitlines()]
    ids_csv = [int(r["claim_id"]) for r in csv.DictReader(io.StringIO(cs.stdout))]
    assert ids_jsonl == ids_csv
    assert len(ids_jsonl) <= 3
    with Store.open(filled) as store:
        assert ids_jsonl == [r.claim_id for r in store.reports(metric="killed", limit=3)]


def test_the_table_shows_untrusted_text_as_text(filled: str) -> None:
    r = run("claims", "--db", filled, "--limit", "50")
    assert r.exit_code == 0, r.output
    expected = _expected(filled)
    flat = " ".join(r.stdout.split())
    assert f"{len(expected)} claims" in flat
    assert "\t" not in r.stdout  # a control character in a quote is shown as '?'
    assert "<b>markup</b>" in r.stdout or all(
        "<b>" not in str(x["quote"]) + str(x["subject"]) for x in expected)
