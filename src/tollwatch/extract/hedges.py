"""The qualifier (hedge), stance and location of a claim from the words around its number.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from tollwatch.extract.doc_cache import ents_of
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.numbers import NumberMention

__all__ = ["location", "qualifier", "stance"]


_SPACES = re.compile(r"\s+")
_REACH: dict[int, tuple[Lexicon, int]] = {}


def _reach(lex: Lexicon) -> int:
    """How far back from the end of a text a match of ``lex.qualifier_regex`` can start."""
    got = _REACH.get(id(lex))
    if got is None or got[0] is not lex:
        longest = max((len(h) for h, _ in lex.qualifiers), default=0)
        got = _REACH[id(lex)] = (lex, longest + 1 + len(" of"))
    return got[1]


def qualifier(text_before: str, text_after: str, lex: Lexicon, mention: NumberMention) -> str:
    if mention.value is None:
        return "range"
    if mention.plus:
        return "min"
    # hedges are short: only the end of the text before the number matters
    before = _SPACES.sub(" ", text_before[-80:].lower()).rstrip()
    # (a match ends the text: it starts no further back than one character, the longest
    # hedge and " of"; ``^`` still matches only at the real start)
    m = lex.qualifier_regex.search(before, max(0, len(before) - _reach(lex)))
    if m is not None:
        return lex.qualifier_of[m.group("h")]
    after = text_after.lower()
    if re.match(r"\s*(or more|and more|plus|\+)\b", after):
        return "min"
    if re.match(r"\s*(or so|odd)\b", after):
        return "approx"
    return "exact"


def location(doc: Doc, span: Span) -> str | None:
    best: tuple[int, str] | None = None
    for ent in ents_of(doc):
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.start > 0 and \
                doc[ent.start - 1].lower_ in ("in", "at", "near", "outside", "from", "across",
                                              "around", "on"):
            d = abs(ent.start - span.start)
            if best is None or d < best[0]:
                best = (d, ent.text)
    return best[1] if best else None


def stance(doc: Doc, tok: Token, lex: Lexicon) -> str:
    for a in [tok, *tok.ancestors]:
        lem = a.lemma_.lower()
        if lem in lex.denial and a.pos_ in ("VERB", "ADJ"):
            return "denied"
        if lem in lex.denial_objects and a.pos_ == "NOUN":
            for x in a.ancestors:
                if x.lemma_.lower() in lex.denial:
                    return "denied"
    for a in [tok, *tok.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in a.children):
            return "hypothetical"
        if a.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in
                                             ("could", "would", "might") for c in a.children):
            return "hypothetical"
    return "asserted"
