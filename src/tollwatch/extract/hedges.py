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


def qualifier(text_before: str, text_after: str, lex: Lexicon, mention: NumberMention) -> str:
    if mention.value is None:
        return "range"
    if mention.plus:
        return "min"
    # hedges are short: only the end of the text before the number matters
    before = re.sub(r"\s+", " ", text_before[-80:].lower()).rstrip()
    m = lex.qualifier_regex.search(before)
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
