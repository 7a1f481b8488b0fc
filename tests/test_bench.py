"""The benchmark's corpus copies: figures redrawn, everything else kept."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from tollwatch.bench import _repeated, redraw_figures


def test_redraw_keeps_years_words_and_separators() -> None:
    text = "About 3,600 were hurt in 2024, and twelve died; 1.5 million fled in 1999."
    out = redraw_figures(text, random.Random(3))
    assert "2024" in out and "1999" in out and "twelve" in out and "1.5 million" in out
    first = re.search(r"About (\S+) were", out)
    assert first and re.fullmatch(r"\d{1,3}(,\d{3})+", first.group(1))
    assert first.group(1) != "3,600" or out != text


def test_redraw_stays_near_the_magnitude() -> None:
    rng = random.Random(11)
    for n in (40, 450, 12000):
        got = int(redraw_figures(f"{n} soldiers", rng).split()[0].replace(",", ""))
        assert n // 2 <= got <= n * 2


def test_small_figures_stay_small() -> None:
    rng = random.Random(5)
    for _ in range(50):
        got = int(redraw_figures("On May 3 the army said", rng).split()[2])
        assert 1 <= got <= 31


def test_copies_are_distinct_and_repeatable(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Shelling killed 212 people and hurt 540."})
                   + "\n", encoding="utf-8")
    one = _repeated(src, 5, tmp_path).read_text("utf-8")
    recs = [json.loads(x) for x in one.splitlines()]
    assert [r["id"] for r in recs] == [f"a#{i}" for i in range(5)]
    assert recs[0]["text"] == "Shelling killed 212 people and hurt 540."
    assert len({r["text"] for r in recs}) == 5
    again = tmp_path / "again"
    again.mkdir()
    assert _repeated(src, 5, again).read_text("utf-8") == one
