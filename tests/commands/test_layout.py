"""Terminal tables at any width (issue 13, point 1): the layout and the commands using it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tollwatch.commands.layout import Column, Row, fit, render, wrap

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "examples" / "article.txt"


def _env(columns: int | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PYTHONPATH"] = str(ROOT / "src")
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return env


def _tw(*args: str, columns: int | None = 80) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tollwatch.cli", *args], capture_output=True,
                          text=True, env=_env(columns), timeout=300, check=False)


@pytest.fixture(scope="module")
def article_jsonl() -> list[dict[str, object]]:
    r = _tw("extract", "--published", "2025-03-14", "--jsonl", str(ARTICLE))
    assert r.returncode == 0, r.stderr
    claims: list[dict[str, object]] = json.loads(r.stdout)["claims"]
    return claims


def test_the_example_article_reads_at_80_columns(article_jsonl: list[dict[str, object]]) -> None:
    r = _tw("extract", "--published", "2025-03-14", str(ARTICLE))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    n = len(article_jsonl)
    assert n >= 5
    assert max(len(ln) for ln in lines) <= 80
    assert len(lines) <= 6 * n + 8
    # every claim a group: its figure and metric on one line, its quote beneath it
    assert lines[0] == f"article: {n} claim(s)"
    end = next((i for i, ln in enumerate(lines) if ln.endswith("response(s)")), len(lines))
    groups = "\n".join(lines[3:end]).strip("\n").split("\n\n")
    assert len(groups) == n
    for claim, group in zip(article_jsonl, groups, strict=True):
        record, *quote = group.split("\n")
        assert str(claim["metric"]) in record and 1 <= len(quote) <= 4
        assert quote[0].startswith("    “")
    # no column of single words: the header holds every column name on its one line
    assert re.fullmatch(r"\s*figure\s+metric\s+who\s+side\s+source\s+date", lines[1])


def test_a_wider_terminal_uses_the_width() -> None:
    wide = _tw("extract", "--published", "2025-03-14", str(ARTICLE), columns=160)
    narrow = _tw("extract", "--published", "2025-03-14", str(ARTICLE), columns=80)
    assert max(len(ln) for ln in wide.stdout.splitlines()) > 100
    assert max(len(ln) for ln in wide.stdout.splitlines()) <= 160
    assert len(wide.stdout.splitlines()) < len(narrow.stdout.splitlines())


def test_piped_output_is_80_columns() -> None:
    r = _tw("extract", "--published", "2025-03-14", str(ARTICLE), columns=None)
    assert r.returncode == 0
    assert r.stdout == _tw("extract", "--published", "2025-03-14", str(ARTICLE)).stdout


def test_claims_and_timeline_tables_fit(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    assert _tw("ingest", "--no-progress", "--db", db, str(ARTICLE)).returncode == 0
    claims = _tw("claims", "--db", db)
    assert claims.returncode == 0, claims.stderr
    lines = claims.stdout.splitlines()
    assert max(len(ln) for ln in lines) <= 80 and "claims" in lines[-1]
    assert any("killed" in ln and "RSF" in ln for ln in lines)
    timeline = _tw("timeline", "--actor", "RSF", "--db", db)
    assert timeline.returncode == 0, timeline.stderr
    assert max(len(ln) for ln in timeline.stdout.splitlines()) <= 80
    assert "underlying claims" in timeline.stdout.splitlines()[0]


COLS = (Column("figure", fixed=True, right=True), Column("metric", fixed=True),
        Column("who"), Column("source"), Column("date", fixed=True))


def _row(source: str, quote: str = "A quote.") -> Row:
    return Row(["1,200", "killed", "civilians in the northern district", source,
                "2024-05-06"], quote)


def test_fixed_columns_keep_their_width_and_flexible_ones_share_the_rest() -> None:
    rows = [_row("the ministry of health of the republic, citing hospital records")]
    widths = fit(COLS, rows, 60)
    assert widths[0] == 6 and widths[1] == 6 and widths[4] == 10
    assert sum(widths) + 2 * 4 <= 60
    assert widths[2] >= 6 and widths[3] >= 6


def test_render_cuts_cells_and_wraps_the_note() -> None:
    quote = " ".join(["word"] * 200)
    lines = render("title", COLS, [_row("the ministry of health " * 3, quote)], 50)
    assert all(len(ln) <= 50 for ln in lines)
    assert lines[0] == "title" and lines[1].lstrip().startswith("figure")
    record = lines[3]
    assert "1,200" in record and "killed" in record and record.count("…") >= 1
    notes = [ln for ln in lines[4:] if ln]
    assert len(notes) == 4 and notes[-1].endswith("…")


def test_wrap_breaks_a_word_longer_than_the_line() -> None:
    url = "https://example.org/" + "x" * 90
    lines = wrap(f"see {url} now", 30, 10)
    assert all(len(ln) <= 30 for ln in lines)
    assert "".join(lines).replace(" ", "") == f"see{url}now"


def test_wide_characters_count_as_two_cells() -> None:
    from rich.cells import cell_len

    lines = render(None, COLS, [_row("国防部发言人说" * 5, "据报道" * 40)], 40)
    assert all(cell_len(ln) <= 40 for ln in lines)
