"""``tollwatch extract`` in process with the real pipeline: every kind of bad input in one
run is named (with its line), the rest is extracted, the exit is 1; ``--published`` is a
real day and dates relative words of inputs that carry none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app

GOOD = "The coastguard said on Monday that 6 fishermen were missing after the storm."
OTHER = "Hospital staff said on Monday that 23 people were injured when the roof fell in."


def run(*args: str, stdin: str | bytes | None = None) -> Any:
    return CliRunner().invoke(app, ["extract", *args], input=stdin,
                              env={"COLUMNS": "100"})


def _docs(stdout: str) -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in (json.loads(ln) for ln in stdout.splitlines() if ln.strip())}


@pytest.mark.parametrize("day", ["yesterday", "2024-02-30", "2024-3-1", "14/03/2024",
                                 "2024-03-01T10:00"])
def test_published_must_be_a_real_day(tmp_path: Path, day: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    r = run("--jsonl", "--published", day, str(tmp_path / "a.txt"))
    assert r.exit_code == 2
    assert "--published" in r.output and "is not a date" in r.output
    assert r.stdout == "" or "Usage" in r.output


def test_every_bad_input_is_named_and_the_rest_extracted(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "wide.txt").write_bytes(OTHER.encode("utf-16"))  # UTF-16 with its BOM
    (d / "legacy.txt").write_bytes("Caf\u00e9 owners said 3 people were killed on Monday."
                                   .encode("cp1252"))
    (d / "empty.txt").write_bytes(b"")
    (d / "bom-only.txt").write_bytes(b"\xef\xbb\xbf")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (d / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                 encoding="utf-8")
    lines = [json.dumps({"id": "rec-1", "text": GOOD}), "[1, 2, 3]",
             json.dumps({"id": "rec-3"}), "{not json", "",
             json.dumps({"id": "rec-6", "text": OTHER})]
    (d / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("--jsonl", str(d))
    assert r.exit_code == 1
    err = r.stderr.replace("\n", " ")
    for named in ("empty.txt", "bom-only.txt", "image.txt", "menu.html", "batch.jsonl:2",
                  "batch.jsonl:3", "batch.jsonl:4"):
        assert named in err, named
    assert "batch.jsonl:5" not in err  # a blank line is no record
    assert "good.txt" not in err and "wide.txt" not in err and "legacy.txt" not in err
    docs = _docs(r.stdout)
    assert set(docs) == {"good", "wide", "legacy", "rec-1", "rec-6"}
    assert [c["value"] for c in docs["wide"]["claims"]] == [23]
    assert [c["value"] for c in docs["legacy"]["claims"]] == [3]
    assert [c["metric"] for c in docs["rec-6"]["claims"]] == ["injured"]
    assert "7 input(s) failed" in err


def test_published_dates_relative_words_of_inputs_without_one(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "dated.jsonl").write_text(json.dumps(
        {"id": "dated", "text": OTHER, "published": "2024-03-21"}) + "\n", encoding="utf-8")
    r = run("--jsonl", "--published", "2024-03-14", str(tmp_path))
    assert r.exit_code == 0, r.output
    docs = _docs(r.stdout)
    assert docs["plain"]["claims"][0]["date"] == "2024-03-11"  # the Monday before
    assert docs["dated"]["claims"][0]["date"] == "2024-03-18"  # its own date wins
    undated = _docs(run("--jsonl", str(tmp_path / "plain.txt")).stdout)
    assert undated["plain"]["claims"][0]["date"] is None


def test_a_missing_path_is_named_and_the_others_run(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    r = run("--jsonl", str(tmp_path / "gone.txt"), str(tmp_path / "good.txt"))
    assert r.exit_code == 1 and "gone.txt" in r.stderr
    assert set(_docs(r.stdout)) == {"good"}


def test_binary_on_stdin_is_named(tmp_path: Path) -> None:
    r = run("--jsonl", "-", stdin=b"\x00\x01\x02\xff\xfe\x00" * 10)
    assert r.exit_code == 1 and "<stdin>" in r.stderr and "binary" in r.stderr


def test_the_table_of_stdin_fits_the_width() -> None:
    r = run(stdin=GOOD + " " + OTHER)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert max(len(ln) for ln in lines) <= 100
    assert "2 claim(s)" in lines[0]
    assert any("missing" in ln for ln in lines) and any("injured" in ln for ln in lines)
