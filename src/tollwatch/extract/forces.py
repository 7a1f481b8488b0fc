"""Force figures: numbers that give the size of an armed force (deployed).

"a 100,000-strong alliance" (a force-size suffix before a force noun, both lexicon data),
"some 300 gunmen stormed the town" (armed people doing what fighters do), "a district held by
about 40 gunmen" (the agent of such a verb), "over 100 fighters attacking the base".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from tollwatch.extract.counted import DEPLOYABLE
from tollwatch.extract.doc_cache import span_text
from tollwatch.extract.lexicon import Lexicon

__all__ = ["composing_verb", "fighting_verb", "force_noun", "sized_force", "stationing_verb"]


def force_noun(doc: Doc, span: Span, lex: Lexicon) -> Token | None:
    """The force noun after "<number>-strong" ("a 5,000-strong force"), else None."""
    rest = span_text(doc, span.end, span.end + 3).lower() if span.end < len(doc) else ""
    if span.end < len(doc) and doc[span.end - 1].whitespace_:
        return None  # "5,000 -strong" is not a suffix
    if not any(rest.startswith(sfx) for sfx in lex.force_suffixes):
        return None
    i = span.end
    while i < len(doc) and (doc[i].text in ("-", "–") or
                            doc[i].lower_ in {s.lstrip("-") for s in lex.force_suffixes} or
                            doc[i].lower_.lstrip("-") in {s.lstrip("-")
                                                          for s in lex.force_suffixes}):
        i += 1
    for t in doc[i:i + 5]:
        if t.pos_ in ("NOUN", "PROPN"):
            if t.lemma_.lower() in lex.force_nouns or t.lower_ in lex.force_nouns:
                # a compound ("peacekeeping force") is part of the noun phrase: go to its head
                return t
            if t.dep_ == "compound" and t.head.i > t.i:
                continue
            return None
        if t.pos_ not in ("ADJ", "PROPN", "ADV", "PUNCT", "CCONJ"):
            return None
    return None


def fighting_verb(head: Token, lex: Lexicon) -> Token | None:
    """The fighting verb that armed people ``head`` are the doers of, else None."""
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in lex.fighting_verbs and \
            head.dep_ == "nsubj":
        return verb
    if head.dep_ == "pobj" and verb.lower_ == "by" and verb.dep_ in ("agent", "prep") and \
            verb.head.lemma_.lower() in lex.fighting_verbs:
        return verb.head  # "the district held by about 40 gunmen"
    for c in head.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.fighting_verbs:
            return c  # "over 100 fighters attacking the base"
    return None


def composing_verb(head: Token, lex: Lexicon) -> Token | None:
    """The verb of composition armed people ``head`` make up a force by ("the cell was
    composed of 32 fighters", "a unit made up of 40 gunmen", "a force comprising 300
    troops"), else None."""
    x = head
    for _ in range(3):
        if x.dep_ not in ("pobj", "dobj", "prep", "conj", "appos") or x.head.i == x.i:
            return None
        x = x.head
        if x.pos_ not in ("VERB", "AUX"):
            continue
        lem = x.lemma_.lower()
        parts = [c.lower_ for c in x.children if c.dep_ == "prt"]
        if lem in lex.force_composition or any(f"{lem} {p}" in lex.force_composition
                                               for p in parts):
            return x
        return stationing_verb(head, lex)
    return None


def stationing_verb(head: Token, lex: Lexicon) -> Token | None:
    """The verb of holding that keeps a state's own armed people in a place ("India keeps
    500,000 soldiers in the region", "Rwanda has kept 4,000 troops in Cabo Delgado"): they
    are deployed, not held (none of another side: "holding 1,200 Ukrainian soldiers")."""
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "4,000 soldiers and police officers"
    verb = first.head
    if first.dep_ != "dobj" or verb.lemma_.lower() not in lex.holding_verbs or \
            head.lemma_.lower() not in DEPLOYABLE:
        return None
    if any(c.ent_type_ in ("NORP", "GPE") for c in head.children if c.i < head.i) or \
            not any(c.dep_ == "nsubj" and c.ent_type_ == "GPE" for c in verb.children):
        return None  # (a country keeps them: "the authorities hold 30 soldiers" detain)
    # (the place can hang on a later conjunct: "500,000 troops and police in the region")
    holders = [verb, *first.conjuncts, *(c for c in verb.children if c.dep_ == "conj" and
                                         c.pos_ in ("NOUN", "PROPN"))]
    for prep in [c for x in holders for c in x.children]:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for place in prep.children:
                if place.dep_ == "pobj" and (place.ent_type_ in ("GPE", "LOC") or
                                             place.lemma_.lower() in lex.stationing_places):
                    return verb
    return None


def sized_force(doc: Doc, span: Span, lex: Lexicon) -> Token | None:
    """The armed subject whose size the number gives ("the rebels were 40 in number",
    "the attackers were some 300 strong"), else None."""
    counted = _numbering(span, lex)
    if counted is not None:
        return counted
    rest = span_text(doc, span.end, span.end + 3).lower()
    if not any(rest.startswith(sfx) and re.match(rf"{re.escape(sfx)}\b", rest)
               for sfx in lex.force_size_after):
        return None
    verb = span.root.head
    if verb.lower_ in lex.force_size_after and verb.head.i != verb.i:
        verb = verb.head  # "were some 300 strong": the number modifies "strong"
    if verb.lemma_.lower() != "be":
        return None
    for c in verb.children:
        if c.dep_ == "nsubj" and (c.lemma_.lower() in lex.armed or c.lower_ in lex.armed):
            return c
    return None


_NUMBER_VERBS = {"number", "total"}


def _numbering(span: Span, lex: Lexicon) -> Token | None:
    """The armed group that "numbers" the figure: "his forces, who number about 2,500",
    "the attackers, who numbered some 200" (the antecedent of a relative subject)."""
    verb = span.root.head
    if span.root.dep_ not in ("dobj", "npadvmod", "attr") or \
            verb.lemma_.lower() not in _NUMBER_VERBS or verb.pos_ != "VERB":
        return None
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        subj = verb.head if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl" \
            else c
        if subj.lemma_.lower() in lex.armed or subj.lower_ in lex.armed:
            return subj
    return None
