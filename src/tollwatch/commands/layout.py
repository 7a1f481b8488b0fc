"""Terminal tables that read at any width: one line of short fields a record, its long text
(the quote) wrapped beneath.

A grid of many columns squeezed into 80 characters folds every column to a word a line;
this layout never does. Each record is a line of fields (figure, metric, who, side,
source, date, ...), each cut with "…" when the line would not fit, and beneath it the
record's long text, indented and wrapped to the full width over at most ``note_lines``
lines: a record takes at most ``note_lines + 2`` lines (the blank line after it included).
Fixed columns (figures, dates, metrics) keep their natural width; flexible ones share what
is left, the widest capped first. Wider terminals give the flexible columns their full
width and the text longer lines.

The width is the terminal's; piped output (not a terminal) is 80 columns, and ``$COLUMNS``
overrides both (``shutil.get_terminal_size``).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size

__all__ = ["Column", "Row", "output_width", "render", "wrap"]

GAP = "  "
INDENT = "    "
ELLIPSIS = "…"
MIN_FLEX = 6
#: the fewest cells a column is shown in when the width cannot hold every column
MIN_SHOWN = 3


@dataclass(frozen=True)
class Column:
    """A field of the record line; ``fixed`` columns keep their natural width."""

    name: str
    fixed: bool = False
    right: bool = False


@dataclass(frozen=True)
class Row:
    """One record: its fields (one per column) and the text wrapped beneath them."""

    cells: Sequence[str]
    note: str = ""


def output_width() -> int:
    """Columns to lay out for: ``$COLUMNS``, else the terminal's, else 80 (piped)."""
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def _cut(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    return set_cell_size(text, width - 1).rstrip() + ELLIPSIS


def fit(columns: Sequence[Column], rows: Sequence[Row], width: int) -> list[int]:
    """Column widths whose line (gaps included) fits in ``width``; 0 for a column left out
    because the width cannot hold every column (the leading ones are kept)."""
    natural = [max([cell_len(c.name), *(cell_len(r.cells[i]) for r in rows)])
               for i, c in enumerate(columns)]
    budget = width - len(GAP) * (len(columns) - 1)
    if sum(natural) <= budget:
        return natural
    fixed = [i for i, c in enumerate(columns) if c.fixed]
    flex = [i for i, c in enumerate(columns) if not c.fixed]
    room = budget - sum(natural[i] for i in fixed)
    if flex and room >= MIN_FLEX * len(flex):
        lo, hi = MIN_FLEX, max(natural[i] for i in flex)
        while lo < hi:  # the largest cap that fits
            cap = (lo + hi + 1) // 2
            if sum(min(natural[i], cap) for i in flex) <= room:
                lo = cap
            else:
                hi = cap - 1
        out = list(natural)
        for i in flex:
            out[i] = min(natural[i], lo)
        spare = room - sum(out[i] for i in flex)
        for i in sorted(flex, key=lambda j: natural[j] - out[j], reverse=True):
            grow = min(spare, natural[i] - out[i])
            out[i] += grow
            spare -= grow
        return out
    if flex and room >= 3 * len(flex):  # narrow: the fixed whole, the rest an even share
        out = list(natural)
        for i in flex:
            out[i] = min(natural[i], room // len(flex))
        return out
    if budget >= len(columns):  # too narrow even for that: every column an even share
        share = budget // len(columns)
        return [min(n, share) for n in natural]
    return _leading(natural, width)


def _leading(natural: Sequence[int], width: int) -> list[int]:
    """The widths when not every column fits even one cell wide: the leading columns that
    fit at ``MIN_SHOWN`` cells (or their natural width) share the width, the others are
    left out (width 0; ``render`` names them under the title)."""
    kept: list[int] = []
    used = 0
    for n in natural:
        need = min(n, MIN_SHOWN) + (len(GAP) if kept else 0)
        if kept and used + need > width:
            break
        kept.append(n)
        used += need
    budget = max(1, width - len(GAP) * (len(kept) - 1))
    share = max(1, budget // len(kept))
    out = [min(n, share) for n in kept]
    spare = budget - sum(out)
    for i, n in enumerate(kept):  # what the even share leaves goes left to right
        grow = min(spare, n - out[i])
        out[i] += grow
        spare -= grow
    return out + [0] * (len(natural) - len(kept))


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, words kept whole where they fit, cut
    to ``max_lines`` lines with "…" at the end of the last."""
    width = max(width, 2)
    lines: list[str] = []
    line = ""
    for word in text.split():
        if cell_len(word) > width:  # longer than a line (a URL): a line of its own, in pieces
            if line:
                lines.append(line)
            while cell_len(word) > width:
                head = set_cell_size(word, width).rstrip() or word[0]
                lines.append(head)
                word = word[len(head):]
            line = word
        elif not line:
            line = word
        elif cell_len(line) + 1 + cell_len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = f"{last} {ELLIPSIS}" if cell_len(last) + 2 <= width \
            else _cut(last + ELLIPSIS + ELLIPSIS, width)
    return lines


def _line(cells: Sequence[str], columns: Sequence[Column], widths: Sequence[int]) -> str:
    parts = []
    for cell, col, w in zip(cells, columns, widths, strict=True):
        if w == 0:  # left out: too narrow for every column
            continue
        text = _cut(cell, w)
        pad = " " * (w - cell_len(text))
        parts.append(pad + text if col.right else text + pad)
    return GAP.join(parts).rstrip()


def render(title: str | None, columns: Sequence[Column], rows: Sequence[Row], width: int, *,
           note_lines: int = 4) -> list[str]:
    """The lines of the table: the title, the header, a rule, then each row's line, its
    note wrapped beneath, and a blank line. No line is longer than ``width`` cells: when
    the width cannot hold every column, the trailing ones are left out and named in a line
    under the title."""
    widths = fit(columns, rows, width)
    out = [] if title is None else wrap(title, width, 2)
    hidden = [c.name for c, w in zip(columns, widths, strict=True) if w == 0]
    if hidden:
        out += wrap(f"(not shown: {', '.join(hidden)}; too narrow)", width, 2)
    header = _line([c.name for c in columns], columns, widths)
    out += [header, "─" * min(width, max(cell_len(header), 1))]
    for row in rows:
        out.append(_line(row.cells, columns, widths))
        if row.note:
            out += [INDENT + ln for ln in wrap(row.note, width - len(INDENT), note_lines)]
        out.append("")
    return out
