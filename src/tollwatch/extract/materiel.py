"""Figures that count equipment, not people ("1,200 tank losses"; "610 tanks captured, 85 of
them damaged"). The equipment words are the lexicon's ``materiel`` list."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tollwatch.extract.lexicon import Lexicon

__all__ = ["counts_materiel"]

_BACK_PRONOUNS = frozenset({"them", "those", "these", "which"})


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_materiel(t: Token, lex: Lexicon) -> bool:
    return _lemma(t) in lex.materiel or t.lower_ in lex.materiel


def counts_materiel(doc: Doc, span: Span, head: Token | None, lex: Lexicon) -> bool:
    """True when the number ``span`` (counting ``head``, if found) counts equipment: its
    noun is a loss noun modified by an equipment word ("tank losses"), or, with no noun of
    its own, it is a part ("85 of them") or the next item of a list ("..., and 40
    abandoned") of the sentence's figure before it, which counts equipment."""
    if not lex.materiel:
        return False
    if head is not None:
        if _is_materiel(head, lex):
            return True
        mods = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i >= span.end]
        return _lemma(head) in lex.metric_nouns and any(_is_materiel(t, lex) for t in mods)
    noun = span.root.head  # "two pick-up trucks": no counted noun found, but the number's
    if span.root.dep_ == "nummod" and noun.pos_ == "NOUN" and _is_materiel(noun, lex):
        return True  # own noun is equipment
    return _follows_materiel(doc, span.start, span.end, lex)


def _part_of_before(doc: Doc, start: int, end: int) -> bool:
    nxt = doc[end:end + 2]
    return len(nxt) == 2 and nxt[0].lower_ == "of" and nxt[1].lower_ in _BACK_PRONOUNS


def _follows_materiel(doc: Doc, start: int, end: int, lex: Lexicon, depth: int = 0) -> bool:
    part = _part_of_before(doc, start, end)
    listed = start > 0 and doc[start - 1].lower_ in (",", "and", "or", ";")
    if depth > 4 or not (part or listed):
        return False
    sent_start = doc[start].sent.start
    for t in reversed(doc[sent_start:start]):
        if not t.like_num:
            continue
        if t.dep_ == "nummod":
            return _is_materiel(t.head, lex)
        return _follows_materiel(doc, t.i, t.i + 1, lex, depth + 1) if part or listed else False
    return False
