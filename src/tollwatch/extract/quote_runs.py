"""Quoted speech that a statement introduces in the paragraphs after it.

"He said the troops also arrested three suppliers. / “The airstrike hit the meeting. /
“Twenty fighters were confirmed dead. / “We recovered 12 rifles,” he said.": the statement
names its speaker without quoting him; the paragraphs after it each open with a quotation
mark and the quotation closes only at the last one, whose tag names the same speaker again.
Every paragraph of such a run is the speaker's. Without that closing tag (or with another
speaker's) the run is not read as the statement's.
"""

from __future__ import annotations

from tollwatch.extract.quote_bridges import same_speaker

__all__ = ["introduced_run", "paragraph_texts"]

_MARKS = "“\""


def _closes(paragraph: str) -> bool:
    """True when the quotation opening ``paragraph`` closes in it."""
    body = paragraph.lstrip()[1:]
    return "”" in body or body.count('"') % 2 == 1


def introduced_run(para: int, statement_para: int, paragraphs: list[str],
                   names: list[str], limit: int = 8) -> bool:
    """True when paragraph ``para`` is inside a run of quoted paragraphs right after the
    statement's paragraph (``statement_para``) that closes, within ``limit`` paragraphs of
    the statement, with a tag naming the statement's speaker (``names``). ``paragraphs``
    holds each paragraph's text ("" past the end)."""
    if para <= statement_para or para - statement_para > limit or not names:
        return False
    for p in range(statement_para + 1, min(len(paragraphs), statement_para + limit + 1)):
        text = paragraphs[p]
        if text.lstrip()[:1] not in _MARKS or not text.strip():
            return False
        if _closes(text):
            return p >= para and same_speaker(text, names)
    return False


def paragraph_texts(text: str, sents: list[tuple[int, int]], paras: list[int]) -> list[str]:
    """Each paragraph's text, from its sentences' spans and their paragraph indexes."""
    bounds: dict[int, tuple[int, int]] = {}
    for (s, e), p in zip(sents, paras):
        first = bounds.get(p)
        bounds[p] = (first[0] if first else s, e)
    return [text[slice(*bounds[p])] if p in bounds else ""
            for p in range(max(paras, default=-1) + 1)]
