"""The title block of a story: the headline and the subheads under it.

A story often opens with more than one line before its body: a headline, a subhead, a
pulled quote ("Teacher died in captivity", "'287-figure figment of imagination'"), each a
line that ends without a full stop (``headlines.is_headline``). The lede window of
``later_dates`` (``later_dates.lede_paragraphs``, counted from the headline) is counted from
the last such line, so that the subheads sum up the body as the headline does.
"""

from __future__ import annotations

from tollwatch.extract.headlines import is_headline

__all__ = ["lede_paragraph", "title_lines"]


def title_lines(text: str, sents: list[tuple[int, int]], paras: list[int]) -> int:
    """How many paragraphs open the story as title lines (0 when the first paragraph is
    already body text): whole paragraphs, each one line that ends without a full stop."""
    count = 0
    for k, (s, e) in enumerate(sents):
        if paras[k] != count:
            continue  # a later sentence of a paragraph already counted
        last = k + 1 >= len(sents) or paras[k + 1] != paras[k]
        if not last or not is_headline(text[s:e]):
            break
        count += 1
    return count


def lede_paragraph(para: int, titles: int) -> int:
    """Paragraph ``para`` counted as ``later_dates`` counts it: the subheads past the
    headline (``titles`` title lines in all) count as the headline's paragraph."""
    return max(0, para - max(0, titles - 1))
