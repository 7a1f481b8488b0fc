"""Quoted speech that runs over several sentences.

"The agency said, “The losses are heavy. The army declared a call-up of 5,000 reservists.”":
the second sentence is the agency's words; "the army declared" inside it is part of what the
agency said, not a statement of the army's. This module finds, for every sentence after the
one that opens a quotation up to the one that closes it, the sentence that opened it, and
where in a sentence the quotation closes.
"""

from __future__ import annotations

__all__ = ["close_at", "quote_openers"]

_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'


def _balance(seg: str) -> tuple[int, bool]:
    return seg.count(_OPEN) - seg.count(_CLOSE), seg.count(_STRAIGHT) % 2 == 1


def quote_openers(text: str, sents: list[tuple[int, int]]) -> dict[int, int]:
    """Sentence index -> the index of the earlier sentence whose quotation it is inside (or
    closes). A quotation left open at the end of a paragraph goes on only into a paragraph
    that opens with a quotation mark (the convention for speech running over paragraphs)."""
    out: dict[int, int] = {}
    open_from: int | None = None
    prev_end = 0
    for k, (s, e) in enumerate(sents):
        seg = text[s:e]
        depth, straight = _balance(seg)
        new_para = k > 0 and "\n" in text[prev_end:s]
        prev_end = e
        if open_from is not None and new_para:
            if seg.lstrip()[:1] not in (_OPEN, _STRAIGHT):
                open_from = None  # the quotation ended with its paragraph
            elif seg.lstrip()[:1] == _OPEN:
                depth -= 1  # the mark re-opening the same quotation
            else:
                straight = not straight
        if open_from is not None:
            out[k] = open_from
            if depth < 0 or straight:
                open_from = None
        elif depth > 0 or straight:
            open_from = k
    return out


def close_at(sentence: str) -> int:
    """The offset in a sentence that continues a quotation where that quotation closes (the
    sentence's length when it does not)."""
    for i, ch in enumerate(sentence):
        if ch in (_CLOSE, _STRAIGHT):
            return i
        if ch == _OPEN:
            break
    return len(sentence)
