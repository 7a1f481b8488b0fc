"""Wire datelines ("BAMAKO, May 3 (Wire) --") and the paragraphs of a document.

A dateline dates the paragraph it opens (or, alone on its line, the paragraph after it);
the statement stage uses these days as the anchor of relative days and as a last resort
for a statement's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.later_dates import header_dates

__all__ = ["dateline_length", "find_datelines", "paragraph_index"]


def dateline_length(sentence: str, datelines: Sequence[re.Pattern[str]],
                    longest: int = 80) -> int:
    """How many characters of ``sentence`` a wire dateline naming a place and a day takes
    ("Lisburg, January 21, 2031 --", "LISBURG (Wire News / Agency - 9th June, 2031)"): one
    of ``datelines`` or the bracketed form of ``bare_datelines``; 0 when none opens it (or
    the match is longer than ``longest``, no dateline)."""
    bracketed = load_date_rules().bare_datelines[:1]  # (the first: place, bracketed day)
    for rx in (*datelines, *bracketed):
        m = rx.match(sentence)
        if m is not None and m.end() <= longest and \
                resolve_date(m.group("day"), "2000-01-01") is not None:
            return m.end()
    return 0


def paragraph_index(text: str, sents: list[tuple[int, int]]) -> list[int]:
    """The paragraph (line) each sentence starts in: a line break between two sentences
    starts a new paragraph."""
    out: list[int] = []
    para = 0
    prev_end = 0
    for s, e in sents:
        if out and "\n" in text[prev_end:s]:
            para += 1
        out.append(para)
        prev_end = e
    return out


def find_datelines(text: str, sents: list[tuple[int, int]], paras: list[int],
                   published: str | None, datelines: Sequence[re.Pattern[str]]) -> dict[int, str]:
    """Paragraph -> the day its wire dateline names. A dateline alone on its line
    ("Tripoli, 14 June 2016:") dates the paragraph after it."""
    out: dict[int, str] = {}
    headed: dict[int, str] = {}  # first paragraph under a dateline alone on its line
    for k, (s, e) in enumerate(sents):
        if k and paras[k] == paras[k - 1]:
            continue
        sentence = text[s:e]
        bare = load_date_rules()
        extra = bare.bare_datelines if paras[k] < bare.bare_dateline_paragraphs else ()
        for rx in (*datelines, *extra):
            m = rx.match(sentence)
            if m is None:
                continue
            day = resolve_date(m.group("day"), published)
            if day is not None:
                alone = not sentence[m.end():].strip()
                out[paras[k] + (1 if alone else 0)] = day
                if alone:
                    headed[paras[k] + 1] = day
            break
    return header_dates(out, headed, paras[-1] if paras else 0)
