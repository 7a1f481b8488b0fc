"""``tollwatch timeline --group``, end to end: the invented detainee story
(tests/fixtures/detainee_story.jsonl) ingested with the real extractor by the real
command line, then its detainee series read back by group."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app

STORY = Path(__file__).resolve().parent.parent / "fixtures" / "detainee_story.jsonl"
MINISTRY = "Ministry of Interior"
MONITOR = "Lantern Rights Watch"

runner = CliRunner()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tollwatch", *args], check=False,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The story's documents (their text only: the hand claims are dropped), ingested."""
    folder = tmp_path_factory.mktemp("detainees")
    docs = folder / "docs.jsonl"
    docs.write_text("".join(
        json.dumps({k: v for k, v in json.loads(line).items() if k != "claims"}) + "\n"
        for line in STORY.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    db = str(folder / "story.db")
    r = run("ingest", str(docs), "--db", db)
    assert r.returncode == 0, r.stderr
    return db


def _invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_group_timeline_jsonl(story_db: str) -> None:
    code, out, _ = _invoke("timeline", "--group", "detainees", "--format", "jsonl",
                           "--db", story_db)
    assert code == 0
    lines = [json.loads(x) for x in out.splitlines()]
    got = [(x["date"], x["value"], x["origin"], x["subset"], x["group_status"],
            [r["doc_id"] for r in x["reports"]]) for x in lines]
    assert got == [
        ("2031-05-02", 120, MINISTRY, None, None, ["det-01", "det-02"]),
        ("2031-05-05", 340, MONITOR, None, None, ["det-03"]),
        ("2031-05-11", 210, MINISTRY, None, None, ["det-04"]),
        ("2031-05-20", 45, MONITOR, "children", None, ["det-05"]),
        ("2031-05-20", 600, MONITOR, None, None, ["det-05"]),
        ("2031-05-27", 150, MINISTRY, None, "released", ["det-06"]),
        ("2031-06-02", 430, MONITOR, None, "held", ["det-07", "det-08"]),
    ]
    assert all(x["actor"] is None and x["group"] == "detainees" for x in lines)
    assert all(x["metric"] == "detained" for x in lines)


def test_group_synonyms_status_and_metric(story_db: str) -> None:
    def values(*extra: str) -> list[int]:
        code, out, err = _invoke("timeline", *extra, "--format", "jsonl", "--db", story_db)
        assert code == 0, err
        return [json.loads(x)["value"] for x in out.splitlines()]

    assert values("--group", "those arrested") == [120, 340, 210, 45, 600, 150, 430]
    assert values("--group", "detainees released") == [150]
    assert values("--group", "detainees still held") == [430]
    assert values("--group", "children") == [45]
    assert values("--group", "detainees", "--metric", "detained") == [
        120, 340, 210, 45, 600, 150, 430]
    assert values("--group", "detainees", "--metric", "killed") == []
    assert values("--group", "hostages") == []


def test_group_timeline_table(story_db: str) -> None:
    result = runner.invoke(app, ["timeline", "--group", "detainees", "--db", story_db],
                           env={"COLUMNS": "220"})
    code, out = result.exit_code, result.stdout
    assert code == 0
    assert "detainees: 7 underlying claims" in out
    assert "detainees, released" in out and "detainees, held" in out
    assert "detainees (children)" in out and MONITOR in out


def test_group_chart_file(story_db: str, tmp_path: Path) -> None:
    path = tmp_path / "detainees.svg"
    code, _, err = _invoke("timeline", "--group", "detainees", "--format", "svg", "-o",
                           str(path), "--db", story_db)
    assert code == 0 and "wrote 7 claims" in err
    svg = path.read_text(encoding="utf-8")
    assert "detainees: all metrics" in svg
    assert f"{MINISTRY} \u00b7 released" in svg and f"{MONITOR} \u00b7 held" in svg


def test_actor_or_group_needed(story_db: str) -> None:
    r = run("timeline", "--db", story_db)
    assert r.returncode == 2 and "error: give --actor, --group or both" in r.stderr
    r = run("timeline", "--group", "zebras", "--db", story_db)
    assert r.returncode == 2 and "unknown group 'zebras'" in r.stderr
    assert "hostages" in r.stderr  # names the groups it knows


def test_user_group_vocabulary(story_db: str, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("groups:\n  heads:\n    detainees: [people behind bars]\n",
                       encoding="utf-8")
    code, out, err = _invoke("timeline", "--group", "people behind bars", "--aliases",
                             str(aliases), "--format", "jsonl", "--db", story_db)
    assert code == 0, err
    assert len(out.splitlines()) == 7


def test_extract_jsonl_carries_the_group(tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text("The interior ministry said on Monday that 35 detainees had been freed "
                 "from the northern prison.", encoding="utf-8")
    r = run("extract", "--jsonl", str(f))
    assert r.returncode == 0, r.stderr
    claims = json.loads(r.stdout.splitlines()[0])["claims"]
    assert [(c["value"], c["group"], c["group_status"]) for c in claims] == [
        (35, "detainees", "released")]
