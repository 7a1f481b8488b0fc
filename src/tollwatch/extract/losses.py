"""Losses and victims: figures whose metric the document decides rather than the sentence.

"The army lost 20 soldiers" counts the dead, unless the document counts the "losses" of a
side (a war report: "enemy losses"), where the armed people lost are casualties (killed and
wounded together). People named only as victims ("The 13 victims of the blast included ...")
are counted as the dead (the lexicon's ``victims.default``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from tollwatch.extract.lexicon import Lexicon

__all__ = ["attrition", "mentions_losses", "victims_metric", "victims_opener"]


def mentions_losses(text: str, lex: Lexicon) -> bool:
    """``text`` counts the losses of a side (one of the lexicon's ``losses.context`` words)."""
    low = text.lower()
    return any(w in low and re.search(rf"\b{re.escape(w)}\b", low)
               for w in lex.losses_context)


def victims_metric(head: Token | None, lex: Lexicon) -> str | None:
    """The metric of people named only as victims (``head``, with no trigger of their own):
    the lexicon's default (the dead: "the 13 victims of the blast"); None for any other
    noun."""
    if head is None:
        return None
    if head.lemma_.lower() in lex.victim_nouns or head.lower_ in lex.victim_nouns:
        return lex.victims_default
    return lex.victims_default if _included_in_victims(head, lex) else None


def _included_in_victims(head: Token, lex: Lexicon) -> bool:
    """``head`` is what the victims "included" ("The victims included 12 children", "...
    women and at least 15 children"): a part of the victims, counted with them."""
    tok, hops = head, 0
    while tok.dep_ in ("conj", "appos") and hops < 6:
        tok, hops = tok.head, hops + 1
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in lex.part_verbs:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and
               (c.lemma_.lower() in lex.victim_nouns or c.lower_ in lex.victim_nouns)
               for c in verb.children)


_OPENERS = {"among", "amongst", "of"}


def victims_opener(doc: Doc, lex: Lexicon) -> str | None:
    """The metric of a sentence that opens on its victims ("Among the victims are ...",
    "Of the victims, ..."): the lexicon's victims default, else None."""
    words = [t for t in doc[:6] if not (t.is_punct or t.is_space)]
    if not words or words[0].lower_ not in _OPENERS:
        return None
    for t in words[1:4]:
        if t.lemma_.lower() in lex.victim_nouns or t.lower_ in lex.victim_nouns:
            return lex.victims_default
        if (t.pos_ not in ("DET", "ADJ", "PRON", "NUM") and t.dep_ != "amod") or \
                t.lower_ in lex.metric_adjectives:  # ("Of the injured victims": injured)
            return None  # "Of the 30 victims, ...", "Among the identified victims were"
    return None


def attrition(verb: Token, lex: Lexicon) -> bool:
    """The loss ``verb`` ("lost") is counted over a stretch of a war rather than one event:
    "since the invasion", "over the past week", "in the fighting" (the lexicon's
    ``losses.periods``; "since" alone is enough)."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since"
                                     for m in c.children):
            return True  # "since the invasion began"
        if c.dep_ != "prep":
            continue
        if c.lower_ == "since":
            return True
        if c.lower_ in ("over", "during", "in", "throughout", "through") and any(
                p.dep_ == "pobj" and p.lemma_.lower() in lex.losses_periods
                for p in c.children):
            return True
    return False
