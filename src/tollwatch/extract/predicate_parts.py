"""Parts named by what they were: "Two were journalists and the other five were students."

A figure that is the bare subject of "be" with a people noun (or a people adjective) as its
complement names no group of its own and no metric: it says what some of the people counted
just before were. It takes the metric of that count when the count is right there: an earlier
figure of its sentence, a figure of the sentence before, or a figure the sentence's parts add
up to. "Two were journalists" with nothing counted before stays no claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Pick", "predicate_part", "predicate_parts"]

Pick = tuple[str, float, int]

_COMPLEMENTS = ("attr", "acomp")
_SUBJECTS = ("nsubj",)


def predicate_part(span: Span, head: Token | None) -> bool:
    """True when the figure ``span`` is the bare subject of "be" and its counted noun
    ``head`` is that verb's complement ("Two were journalists", "16 were Kenyan")."""
    if head is None:
        return False
    num = span.root
    verb = num.head
    if num.dep_ in _SUBJECTS and verb.lemma_.lower() == "be" and num.i < verb.i:
        return head.dep_ in _COMPLEMENTS and head.head.i == verb.i
    # "Two were journalists and the other five were students": the parser may hang the
    # second part on the first complement; its own "were" still comes right after it
    doc = span.doc
    return num.dep_ == "conj" and span.end < len(doc) and \
        doc[span.end].lemma_.lower() == "be" and head.dep_ in _COMPLEMENTS and \
        head.head.i == span.end


def predicate_parts(items: list[tuple[Span, Token | None]], picks: list[Pick | None],
                    before: str | None) -> list[Pick | None]:
    """``picks`` with each unpicked predicate part given the metric of the figure counted
    just before it: an earlier pick of the sentence, else ``before`` (the metric of the
    sentence before, or of the figure the parts add up to), else none."""
    out = list(picks)
    for k, (span, head) in enumerate(items):
        if out[k] is not None or not predicate_part(span, head):
            continue
        prior = next((p for p in reversed(out[:k]) if p is not None), None)
        metric = prior[0] if prior is not None else before
        if metric is not None:
            out[k] = (metric, 0.5, span.start)
    return out
