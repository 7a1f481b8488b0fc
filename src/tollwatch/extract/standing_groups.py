"""Figures of people who live somewhere or need something, not of an event.

"About 1.3 million people need food aid, the agency said, after 40 people were killed": the
1.3 million took "killed" from the other clause. "A town of about 25,000 inhabitants was
shelled, killing three": the 25,000 are the town's size. Such a figure is dropped unless its
metric word is its own (inside its noun phrase, or the verb it is the subject of): "40,000
displaced people need shelter" stays. The words are data (``standing_groups.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import enabled_flag, read_mapping, word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["StandingRules", "load_standing_rules", "standing_group"]


@dataclass(frozen=True)
class StandingRules:
    enabled: bool
    need_verbs: frozenset[str]
    need_nouns: frozenset[str]
    settlements: frozenset[str]
    before: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=4)
def load_standing_rules(path: str | None = None) -> StandingRules:
    """The rules of ``standing_groups.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("standing_groups.yaml", path, "standing-group rules", "are")
    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in word_list(data.get(key), key, where))
    return StandingRules(enabled=enabled_flag(data, where), need_verbs=words("need_verbs"),
                         need_nouns=words("need_nouns"), settlements=words("settlements"),
                         before=tuple(tuple(p.lower().split()) for p in
                                      word_list(data.get("before"), "before", where)))


def _own_trigger(anchor: Token, trig: Token) -> bool:
    """The metric word is the figure's own: in its noun phrase, or its verb."""
    return trig.i in {t.i for t in anchor.subtree} or trig.i == anchor.head.i


def _of_need(anchor: Token, rules: StandingRules) -> bool:
    if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.lemma_.lower() in rules.need_verbs:
        return True  # "1.3 million people need food aid"
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in rules.need_nouns for g in c.children)
               for c in anchor.children)  # "19 million in need of aid"


def _of_place(doc: Doc, span: Span, anchor: Token, rules: StandingRules) -> bool:
    of = anchor.head if anchor.dep_ == "pobj" else None
    if of is not None and of.lower_ == "of" and of.head.lemma_.lower() in rules.settlements:
        return True  # "a town of about 25,000 inhabitants"
    words = [t.lower_ for t in doc[max(0, span.start - 4):span.start]]
    return any(tuple(words[-len(p):]) == p or tuple(words[-len(p) - 1:-1]) == p
               for p in rules.before)  # "home to (some) 40,000 people"


def standing_group(doc: Doc, span: Span, head: Token | None, trig_i: int,
                   rules: StandingRules | None = None) -> bool:
    """True when the figure ``span`` (counting ``head``) gives people who live somewhere or
    need something, and its metric (the word at ``trig_i``) is not its own."""
    rules = rules or load_standing_rules()
    if not rules.enabled:
        return False
    anchor = head if head is not None else span.root
    if _own_trigger(anchor, doc[trig_i]):
        return False
    return _of_need(anchor, rules) or _of_place(doc, span, anchor, rules)
