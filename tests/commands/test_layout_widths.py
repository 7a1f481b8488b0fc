"""The terminal table renderer (commands/layout.py): column widths, cutting, wrapping, and
the promise that no line is longer than the width."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len

from tollwatch.commands.layout import (
    ELLIPSIS,
    GAP,
    INDENT,
    MIN_FLEX,
    Column,
    Row,
    fit,
    output_width,
    render,
    wrap,
)

COLUMNS = [Column("figure", fixed=True, right=True), Column("metric", fixed=True),
           Column("who"), Column("side"), Column("source"), Column("date", fixed=True)]

NAMES = ["the Northern Brigade", "regional health authorities", "an unnamed official",
         "volunteer rescue teams of the eastern district", "Red Crescent", "police",
         "\u5e02\u653f\u5e9c\u306e\u62c5\u5f53\u8005", "M\u00fcller-L\u00fcdenscheidt"]


def _rows(n: int, seed: int = 0) -> list[Row]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        rows.append(Row([f"{rng.randint(1, 10**rng.randint(1, 6)):,}",
                         rng.choice(["killed", "injured", "displaced"]),
                         rng.choice(NAMES), rng.choice(NAMES[:3]), rng.choice(NAMES),
                         f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"],
                        note=" ".join(rng.choice(NAMES) for _ in range(rng.randint(0, 30)))
                        + (" https://example.org/" + "p" * 90 if i % 3 == 0 else "")))
    return rows


def _widest(lines: list[str]) -> int:
    return max((cell_len(ln) for ln in lines), default=0)


# -- fit ------------------------------------------------------------------------------

def test_natural_widths_when_everything_fits() -> None:
    rows = [Row(["12", "killed", "army", "own", "police", "2024-01-01"])]
    widths = fit(COLUMNS, rows, 200)
    assert widths == [6, 6, 4, 4, 6, 10]  # the header names are the widest here


def test_fixed_columns_keep_their_width_at_80() -> None:
    rows = _rows(20)
    widths = fit(COLUMNS, rows, 80)
    natural = [max(cell_len(c.name), *(cell_len(r.cells[i]) for r in rows))
               for i, c in enumerate(COLUMNS)]
    for i, col in enumerate(COLUMNS):
        if col.fixed:
            assert widths[i] == natural[i]
        else:
            assert MIN_FLEX <= widths[i] <= natural[i]
    assert sum(widths) + len(GAP) * (len(COLUMNS) - 1) <= 80


def test_the_widest_flexible_column_is_capped_first() -> None:
    cols = [Column("a"), Column("b")]
    rows = [Row(["x" * 10, "y" * 60])]
    assert fit(cols, rows, 40) == [10, 28]  # the short one whole, the long one the rest


def test_widths_never_exceed_natural_ones() -> None:
    rows = _rows(5)
    for width in (30, 50, 80, 120):
        widths = fit(COLUMNS, rows, width)
        natural = fit(COLUMNS, rows, 10_000)
        assert all(w <= n for w, n in zip(widths, natural, strict=True))


# -- wrap -----------------------------------------------------------------------------

def test_wrap_keeps_words_whole_and_in_order() -> None:
    text = "Rescue teams said that at least nine people were still missing tonight"
    lines = wrap(text, 20, 10)
    assert all(cell_len(ln) <= 20 for ln in lines)
    assert " ".join(lines).split() == text.split()
    assert lines[0] == "Rescue teams said"


def test_wrap_marks_what_it_drops() -> None:
    lines = wrap("one two three four five six seven eight nine ten", 10, 2)
    assert len(lines) == 2 and lines[-1].endswith(ELLIPSIS)
    assert all(cell_len(ln) <= 10 for ln in lines)
    assert wrap("short", 10, 1) == ["short"]  # nothing dropped: no mark


def test_wrap_of_empty_and_whitespace() -> None:
    assert wrap("", 10, 3) == [] and wrap(" \n\t ", 10, 3) == []


def test_wrap_collapses_whitespace_and_newlines() -> None:
    assert wrap("a\n\nb\tc   d", 40, 3) == ["a b c d"]


def test_wrap_wide_characters() -> None:
    text = "\u5e02\u653f\u5e9c\u306e\u62c5\u5f53\u8005\u304c\u767a\u8868\u3057\u305f"
    lines = wrap(text, 10, 5)
    assert all(cell_len(ln) <= 10 for ln in lines) and "".join(lines) == text


@pytest.mark.parametrize("width", [2, 3, 5, 8])
def test_wrap_at_tiny_widths(width: int) -> None:
    lines = wrap("extraordinarily long words everywhere", width, 50)
    assert all(cell_len(ln) <= width for ln in lines)
    assert "".join(lines).replace(" ", "") == "extraordinarilylongwordseverywhere"


# -- render ---------------------------------------------------------------------------

def test_render_shape() -> None:
    rows = [Row(["14", "killed", "the army", "own", "governor", "2024-05-01"],
                note="\u201cAt least 14 died,\u201d the governor said."),
            Row(["3", "injured", "", "", "", ""])]
    lines = render("2 claim(s)", COLUMNS, rows, 80)
    assert lines[0] == "2 claim(s)"
    assert lines[1].split() == [c.name for c in COLUMNS]
    assert set(lines[2]) == {"\u2500"} and cell_len(lines[2]) == cell_len(lines[1])
    assert lines[3].lstrip().startswith("14") and lines[4].startswith(INDENT + "\u201c")
    assert lines[5] == ""
    assert lines[6].lstrip().startswith("3") and lines[7] == ""
    assert len(lines) == 8 and all(ln == ln.rstrip() for ln in lines)


def test_right_aligned_figures_line_up() -> None:
    rows = [Row(["5", "killed", "a", "b", "c", "2024-01-01"]),
            Row(["1,250", "killed", "a", "b", "c", "2024-01-01"])]
    lines = render(None, COLUMNS, rows, 80)
    first, second = lines[2], lines[4]
    assert first.index("5") + 1 == second.index("1,250") + len("1,250")


def test_each_record_takes_at_most_note_lines_plus_two() -> None:
    rows = _rows(12, seed=3)
    lines = render(None, COLUMNS, rows, 80, note_lines=3)
    groups = "\n".join(lines[2:]).strip("\n").split("\n\n")
    assert len(groups) == 12
    assert all(1 <= len(g.split("\n")) <= 4 for g in groups)


@pytest.mark.parametrize("width", [40, 60, 80, 100, 132, 200])
@pytest.mark.parametrize("seed", range(4))
def test_no_line_is_longer_than_the_width(width: int, seed: int) -> None:
    lines = render("A title that is rather long for a narrow terminal " * 3, COLUMNS,
                   _rows(10, seed), width)
    assert _widest(lines) <= width


def test_wider_terminals_give_longer_lines() -> None:
    rows = _rows(10, seed=1)
    assert _widest(render(None, COLUMNS, rows, 132)) > _widest(render(None, COLUMNS, rows, 80))


def test_cut_cells_end_with_the_ellipsis() -> None:
    rows = [Row(["1", "killed", "w" * 80, "own", "s" * 80, "2024-01-01"])]
    line = render(None, COLUMNS, rows, 80)[2]
    assert cell_len(line) <= 80 and ELLIPSIS in line and "w" * 80 not in line


def test_no_line_is_longer_than_the_width_with_many_columns() -> None:
    cols = [Column(f"c{i}") for i in range(10)]
    rows = [Row(["x" * 12] * 10, note="word " * 40)]
    assert _widest(render("title", cols, rows, 20)) <= 20


def test_columns_that_cannot_fit_are_left_out_and_named() -> None:
    cols = [Column(f"c{i}") for i in range(10)]
    rows = [Row([f"v{i}" * 4 for i in range(10)], note="a note")]
    widths = fit(cols, rows, 20)
    shown = [i for i, w in enumerate(widths) if w]
    assert shown == list(range(len(shown))) and 1 <= len(shown) < 10  # the leading ones
    assert sum(widths) + len(GAP) * (len(shown) - 1) <= 20
    lines = render("title", cols, rows, 20)
    hidden = [f"c{i}" for i in range(len(shown), 10)]
    notice = " ".join(lines[1:3])
    assert notice.startswith("(not shown: " + hidden[0] + ",")
    header = next(ln for ln in lines if ln.startswith("c0"))
    assert header.split() == [f"c{i}" for i in shown]
    assert "v0" in lines[lines.index(header) + 2]  # the first value under its column


def test_every_column_still_shown_when_one_cell_each_fits() -> None:
    cols = [Column(f"c{i}") for i in range(6)]
    rows = [Row(["y" * 9] * 6)]
    widths = fit(cols, rows, 6 + len(GAP) * 5)  # exactly one cell for each
    assert widths == [1] * 6
    assert "not shown" not in " ".join(render(None, cols, rows, 6 + len(GAP) * 5))


@pytest.mark.parametrize("n", range(1, 16))
@pytest.mark.parametrize("width", [20, 24, 31, 40])
def test_any_number_of_columns_fits_any_width(n: int, width: int) -> None:
    cols = [Column(f"col{i}", fixed=i % 3 == 0) for i in range(n)]
    rows = [Row([f"{i}-" * (i + 3) for i in range(n)], note="note " * 30)]
    assert _widest(render("a rather long title for the table", cols, rows, width)) <= width


def test_output_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "132")
    assert output_width() == 132
    monkeypatch.setenv("COLUMNS", "5")
    assert output_width() == 20  # never narrower than 20


@pytest.mark.parametrize("width", [40, 80])
def test_wide_characters_in_cells_and_notes_fit(width: int) -> None:
    wide = "\u5e02\u653f\u5e9c\u306e\u62c5\u5f53\u8005" * 4
    rows = [Row(["12", "killed", wide, wide, wide, "2024-01-01"], note=(wide + " ") * 6)]
    lines = render(wide, COLUMNS, rows, width)
    assert _widest(lines) <= width
    assert any("\u5e02" in ln for ln in lines[3:])  # the note is there, wrapped
