"""The timeline, discrepancies and export commands, end to end through the store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.model import Claim, Document
from tollwatch.store import Store

STORY = Path(__file__).resolve().parent.parent / "fixtures" / "reconcile_story.jsonl"
NIS = "National Intelligence Service (South Korea)"

runner = CliRunner()


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The story's documents with their hand-made claims, stored."""
    path = str(tmp_path_factory.mktemp("db") / "story.db")
    store = Store.open(path)
    try:
        for line in STORY.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            doc = Document(id=d["id"], text=d["text"], published=d["published"], url=d["url"],
                           outlet=d["outlet"])
            claims = [Claim.from_dict(c) for c in d["claims"]]
            for c in claims:
                c.start = d["text"].index(c.quote)
                c.end = c.start + len(c.quote)
            store.add_document(doc, claims, "gold", source="fixture")
    finally:
        store.close()
    return path


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_timeline_jsonl(story_db: str) -> None:
    out = _run("timeline", "--actor", "Pyongyang", "--format", "jsonl", "--db", story_db)
    lines = [json.loads(x) for x in out.splitlines()]
    assert lines and all(x["actor"] == "North Korea" for x in lines)
    assert [x["date"] for x in lines] == sorted(x["date"] for x in lines)
    assert set(lines[0]) == {"actor", "metric", "value", "low", "high", "qualifier", "origin",
                             "aliases", "unnamed", "date", "kind", "revises", "id", "reason",
                             "group", "subset", "group_status", "own_voice", "reports"}
    assert not any(x["own_voice"] for x in lines)  # hidden by default
    assert all(x["kind"] in ("first", "update", "repeat") for x in lines)
    assert all(r["reason"] for x in lines for r in x["reports"])
    first = lines[0]
    assert (first["metric"], first["value"], first["origin"]) == ("deployed", 11000, NIS)
    assert "Seoul's spy agency" in first["aliases"]
    assert {r["outlet"] for r in first["reports"]} >= {"Eastern Wire", "Harbour Ledger"}
    killed = _run("timeline", "--actor", "DPRK", "--metric", "killed", "--format", "jsonl",
                  "--db", story_db)
    assert [json.loads(x)["value"] for x in killed.splitlines()] == [200, 600, 1100, 2300]
    shown = _run("timeline", "--actor", "DPRK", "--metric", "killed", "--format", "jsonl",
                 "--own-voice", "show", "--db", story_db)
    assert [(json.loads(x)["value"], json.loads(x)["own_voice"]) for x in shown.splitlines()] \
        == [(200, False), (600, False), (40, True), (1100, False), (2300, False)]


def test_timeline_table_csv_and_location(story_db: str) -> None:
    table = _run("timeline", "--actor", "North Korean", "--db", story_db)
    assert "17 underlying claims" in table
    table = _run("timeline", "--actor", "North Korean", "--own-voice", "show", "--db", story_db)
    assert "18 underlying claims" in table and "Harbour" in table
    rows = list(csv.DictReader(io.StringIO(
        _run("timeline", "--actor", "North Korea", "--format", "csv", "--db", story_db))))
    assert rows and rows[0]["origin"] == NIS
    at = _run("timeline", "--actor", "North Korea", "--location", "Krasnaya Yaruga",
              "--format", "jsonl", "--own-voice", "show", "--db", story_db)
    assert [json.loads(x)["value"] for x in at.splitlines()] == [40]
    assert "no claims" in _run("timeline", "--actor", "Ruritania", "--db", story_db)


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_timeline_chart(story_db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"chart.{fmt}"
    _run("timeline", "--actor", "North Korea", "--format", fmt, "-o", str(out),
         "--db", story_db)
    assert out.stat().st_size > 1000


def test_discrepancies(story_db: str) -> None:
    out = _run("discrepancies", "--actor", "North Korea", "--format", "jsonl", "--db", story_db)
    found = [json.loads(x) for x in out.splitlines()]
    kinds = [d["kind"] for d in found]
    assert kinds.count("disagreement") == 1 and kinds.count("revision") == 5
    dis = next(d for d in found if d["kind"] == "disagreement")
    assert [c["value"] for c in dis["claims"]] == [1100, 2300]
    assert all(c["reports"] for c in dis["claims"])
    assert "revised" in _run("discrepancies", "--db", story_db)


def test_exports(story_db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    _run("export", str(tmp_path / "c.csv"), "--db", story_db)
    assert (tmp_path / "c.csv").read_text(encoding="utf-8").startswith("id,actor,metric")
    _run("export", str(tmp_path / "c.parquet"), "--format", "parquet", "--actor", "DPRK",
         "--db", story_db)
    assert pq.read_table(tmp_path / "c.parquet").num_rows == 18
    _run("export", str(tmp_path / "u.csv"), "--format", "ucdp", "--db", story_db)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "u.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 5 and {"low", "best", "high"} <= set(rows[0])
    _run("export", str(tmp_path / "a.csv"), "--format", "acled", "--db", story_db)
    assert "fatalities" in (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()[0]


def test_bad_options(story_db: str, tmp_path: Path) -> None:
    r = runner.invoke(app, ["timeline", "--actor", "X", "--metric", "eaten", "--db", story_db])
    assert r.exit_code == 2 and "unknown metric" in r.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("people: {}\n", encoding="utf-8")
    r = runner.invoke(app, ["timeline", "--actor", "X", "--aliases", str(bad), "--db", story_db])
    assert r.exit_code == 2 and "TW500" in r.output


def test_user_aliases_option(story_db: str, tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("actors:\n  North Korea: [Hermit Kingdom]\n", encoding="utf-8")
    out = _run("timeline", "--actor", "Hermit Kingdom", "--format", "jsonl",
               "--aliases", str(path), "--db", story_db)
    assert len(out.splitlines()) == 17


def test_ingest_then_timeline_with_the_extractor(tmp_path: Path) -> None:
    """The story through the real pipeline: ingest (extracting), then the timeline."""
    db = str(tmp_path / "e2e.db")
    r = runner.invoke(app, ["ingest", str(STORY), "--db", db, "--no-progress"])
    assert r.exit_code == 0, r.output
    out = _run("timeline", "--actor", "North Korea", "--format", "jsonl", "--db", db)
    lines = [json.loads(x) for x in out.splitlines()]
    got = {(x["metric"], x["value"], x["origin"]) for x in lines}
    assert ("deployed", 11000, NIS) in got and ("killed", 1100, NIS) in got
    assert len(lines) >= 14
