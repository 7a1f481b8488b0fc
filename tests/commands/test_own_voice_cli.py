"""``tollwatch timeline --own-voice``: an outlet's own-voice figures hidden by default,
shown (marked) or alone on request; restatements of a sourced figure listed as its
reports. Real SQLite, the real command line, an invented story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from own_voice_story import (  # type: ignore[import-not-found]
    MINISTRY,
    MONITOR,
    OWN_OUTLET,
    fill_own_voice_story,
)
from tollwatch.cli import app
from tollwatch.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("ownvoice") / "story.db")
    with Store.open(db) as store:
        fill_own_voice_story(store)
    return db


def _jsonl(db: str, *extra: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["timeline", "--group", "detainees", "--format", "jsonl",
                                 "--db", db, *extra])
    assert result.exit_code == 0, result.stderr
    return [json.loads(x) for x in result.stdout.splitlines()]


def test_default_hides_the_outlets_own_figures(story_db: str) -> None:
    lines = _jsonl(story_db)
    assert [(x["value"], x["low"], x["high"], x["origin"], x["own_voice"]) for x in lines] == [
        (120, None, None, MINISTRY, False), (None, 300, 350, MONITOR, False)]
    assert lines == _jsonl(story_db, "--own-voice", "hide")


def test_restatements_are_reports_of_the_sourced_claim(story_db: str) -> None:
    ministry, monitor = _jsonl(story_db)
    assert [(r["doc_id"], r["reason"]) for r in ministry["reports"]] == [  # type: ignore[union-attr]
        ("ov-01", "first report of the figure"),
        ("ov-02", f"own-voice restatement of {MINISTRY}'s figure")]
    assert [r["doc_id"] for r in monitor["reports"]] == ["ov-03", "ov-04"]  # type: ignore[union-attr]
    assert OWN_OUTLET not in ministry["aliases"]  # type: ignore[operator]


def test_show_and_only(story_db: str) -> None:
    shown = _jsonl(story_db, "--own-voice", "show")
    assert [(x["value"], x["own_voice"]) for x in shown] == [(120, False), (None, False),
                                                             (77, True)]
    assert shown[2]["origin"] == OWN_OUTLET
    only = _jsonl(story_db, "--own-voice", "only")
    assert [(x["value"], x["origin"]) for x in only] == [(77, OWN_OUTLET)]


def test_the_table_marks_own_voice_and_a_bad_choice_fails(story_db: str) -> None:
    result = runner.invoke(app, ["timeline", "--group", "detainees", "--own-voice", "show",
                                 "--db", story_db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert f"{OWN_OUTLET} (own voice)" in result.stdout
    assert "3 underlying claims" in result.stdout
    hidden = runner.invoke(app, ["timeline", "--group", "detainees", "--db", story_db],
                           env={"COLUMNS": "200"})
    assert OWN_OUTLET not in hidden.stdout and "2 underlying claims" in hidden.stdout
    bad = runner.invoke(app, ["timeline", "--group", "detainees", "--own-voice", "loud",
                              "--db", story_db])
    assert bad.exit_code != 0 and "loud" in bad.stderr


def test_csv_of_the_default_timeline(story_db: str, tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    result = runner.invoke(app, ["timeline", "--group", "detainees", "--format", "csv",
                                 "-o", str(out), "--db", story_db])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert MINISTRY in text and OWN_OUTLET not in text
