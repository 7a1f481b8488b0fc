"""Parts of a counted whole: figures that break down a group counted in the same sentence
take that group's metric rather than the nearest trigger's.

"All seven soldiers killed were stationed at the post and included two officers" (the two
officers are among the dead, not a deployment); "21 fatalities and 34 injuries, with five
children among the victims" (victims of both: casualties).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from tollwatch.extract.lexicon import Lexicon

__all__ = ["Item", "Pick", "part_verb", "parts_of_wholes"]

Pick = tuple[str, float, int]
Item = tuple["Span", "Token | None"]


def _anchor(span: Span, head: Token | None) -> Token:
    return head if head is not None else span.root


def part_verb(tok: Token, lex: Lexicon) -> Token | None:
    """The verb of inclusion ``tok`` (or the list it belongs to) is the object of."""
    hops = 0
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i and hops < 8:
        tok, hops = tok.head, hops + 1
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.part_verbs:
        return tok.head
    return None


def _subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with."""
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is None:
            continue
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
    return None


def _among_victims(tok: Token, lex: Lexicon) -> bool:
    """``tok`` has "among the victims" on it."""
    return any(c.dep_ == "prep" and c.lower_ in ("among", "amongst") and
               any(p.dep_ == "pobj" and p.lemma_.lower() in lex.victim_nouns
                   for p in c.children) for c in tok.children)


def parts_of_wholes(doc: Doc, items: list[Item], picks: list[Pick | None],
                    lex: Lexicon) -> list[Pick | None]:
    """``picks`` with the parts of a group counted in the sentence given its metric."""
    out = list(picks)
    anchors = [_anchor(span, head) for span, head in items]
    for k, anchor in enumerate(anchors):
        verb = part_verb(anchor, lex)
        subj = _subject_of(verb) if verb is not None else None
        if subj is not None:
            inside = {t.i for t in subj.subtree}
            whole = next((picks[j] for j, a in enumerate(anchors)
                          if j != k and a.i in inside and picks[j] is not None), None)
            if whole is not None:
                out[k] = (whole[0], whole[1] * 0.9, whole[2])
                continue
        if _among_victims(anchor, lex):
            others = {p[0] for j, p in enumerate(picks) if j != k and p is not None}
            if {"killed", "injured"} <= others:
                pick = out[k]
                out[k] = ("casualties", pick[1] if pick else 0.5,
                          pick[2] if pick else anchor.i)
    return out
