"""Parts of a tally that stands for the figure before: "The figure includes three bombers."

A sentence goes on with the figure the sentence before gave ("Total victims: 35, the
minister said. / The figure includes three suspected suicide bombers."): its parts name no
metric of their own; they are counted with the metric of the document's figure before them,
when the sentence's subject is a bare tally noun (``tally_parts.yaml``) and its verb one of
inclusion (the lexicon's ``part_verbs``). "The number of schools includes 12 colleges" names
a group of its own and is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import enabled_flag, read_mapping, word_list
from tollwatch.extract.person_cues import load_person_cues
from tollwatch.extract.wholes import part_verb

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.tokens import Doc, Span, Token

    from tollwatch.extract.lexicon import Lexicon
    from tollwatch.extract.numbers import NumberMention
    from tollwatch.model import Claim

__all__ = ["TallyPartRules", "breakdown_part", "breakdowns", "load_tally_part_rules",
           "metric_before", "tally_part", "whole_metric"]

Pick = tuple[str, float, int]


@dataclass(frozen=True)
class TallyPartRules:
    enabled: bool
    subjects: frozenset[str]
    breakdown_verbs: frozenset[str] = frozenset()
    thing_wholes: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_tally_part_rules(path: str | None = None) -> TallyPartRules:
    """The rules of ``tally_parts.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("tally_parts.yaml", path, "tally-part rules", "are")
    on = enabled_flag(data, where)
    return TallyPartRules(on, frozenset(word_list(data.get("subjects"), "subjects", where)),
                          frozenset(word_list(data.get("breakdown_verbs"), "breakdown_verbs",
                                              where)),
                          frozenset(word_list(data.get("thing_wholes"), "thing_wholes", where)))


def _bare_tally(verb: Token, nouns: frozenset[str]) -> bool:
    """The subject of ``verb`` is a tally noun with no "of" phrase and no figure of its own."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        return (c.lemma_.lower() in nouns or c.lower_ in nouns) and \
            not any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children) and \
            not any(g.like_num for g in c.subtree)
    return False


def tally_part(doc: Doc, span: Span, head: Token | None, pick: Pick | None,
               last_metric: str | None, lex: Lexicon) -> Pick | None:
    """``pick``, or ``last_metric`` for a figure with no metric that a bare tally noun is
    said to include."""
    if pick is not None or head is None or last_metric is None:
        return pick
    rules = load_tally_part_rules()
    if not rules.enabled:
        return pick
    verb = part_verb(head, lex)
    if verb is None or not _bare_tally(verb, rules.subjects):
        return pick
    return last_metric, 0.5, span.start


def whole_metric(mentions: Sequence[NumberMention], earlier: Sequence[Claim]) -> str | None:
    """The metric of the figure before that a sentence's figures add up to ("41 killed" ...
    "29 in Ywa and 12 in Kan"): the whole its parts break down, when two or more exact
    figures sum to one given before; else None."""
    values = [m.value for m in mentions if m.value is not None and m.low is None]
    if len(values) < 2 or len(values) != len(mentions):
        return None
    total = sum(values)
    return next((c.metric for c in reversed(earlier) if c.value == total), None)


def breakdown_part(doc: Doc, span: Span, head: Token | None) -> bool:
    """The figure ``span`` (no counted noun) breaks down the figure before it, in a sentence
    that names no metric: a place's share with a verb of counting ("In Mali, it counted
    2,300 and in Niger 1,220"; ``breakdown_verbs``), or a figure right after a colon
    ("Burkina Faso accounted for more than half: 4,100")."""
    rules = load_tally_part_rules()
    if head is not None or not rules.enabled:
        return False
    i = span.start - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "ADP", "ADJ") and doc[i].text != ":":
        i -= 1
    if i >= 0 and doc[i].text == ":":
        return True
    if any(t.like_num and t.dep_ == "nummod" and t.head.lemma_.lower() in rules.thing_wholes
           for t in doc[:span.start]):
        return False  # "11 attacks, including five in Latakia and four in Aleppo"
    if _place_item(doc, span):
        return True  # "..., 1,210 in Lagos and 860 in Colima", "..., Sanaa with 1,540, Taiz
        #              with 870": a list of places' shares
    return _by_place(doc, span) and any(
        t.lemma_.lower() in rules.breakdown_verbs and t.pos_ == "VERB" for t in doc)


def _place_item(doc: Doc, span: Span) -> bool:
    """The figure is an item of a list of places' shares: after a comma or "and", "N in
    <Name>" or "<Name> with N"."""
    if span.end + 1 < len(doc) and doc[span.end].lower_ in ("in", "at") and \
            doc[span.end + 1].pos_ == "PROPN":
        first = span.start
    elif span.start >= 3 and doc[span.start - 1].lower_ == "with" and (
            doc[span.start - 2].pos_ == "PROPN" or (
                doc[span.start - 2].lemma_.lower() in load_person_cues().places and
                doc[span.start - 3].pos_ == "PROPN")):
        first = span.start - 2
        while first > 0 and doc[first - 1].pos_ == "PROPN":
            first -= 1
    else:
        return False
    return first > 0 and doc[first - 1].lower_ in (",", "and")


def _by_place(doc: Doc, span: Span) -> bool:
    """An "in <Name>" within a few words before or after the figure: a place's share."""
    lo, hi = max(0, span.start - 6), min(len(doc), span.end + 4)
    return any(doc[j].lower_ in ("in", "for") and j + 1 < len(doc) and
               doc[j + 1].pos_ == "PROPN" for j in range(lo, hi) if not span.start <= j < span.end)


def metric_before(items: Sequence[tuple[Span, Token | None]], picks: Sequence[Pick | None],
                  applies: Callable[[Span, Token | None], bool],
                  fallback: str | None) -> list[Pick | None]:
    """``picks``, with each figure that has none and that ``applies`` to given the metric of
    the figure before it in the sentence, else ``fallback``."""
    out: list[Pick | None] = []
    for (span, head), pick in zip(items, picks):
        before = next((p[0] for p in reversed(out) if p is not None), fallback)
        if pick is None and before is not None and applies(span, head):
            pick = (before, 0.5, span.start)
        out.append(pick)
    return out


def breakdowns(doc: Doc, items: Sequence[tuple[Span, Token | None]],
               picks: Sequence[Pick | None], last_metric: str | None) -> list[Pick | None]:
    """``picks``, with the figures of a breakdown (``breakdown_part``) given the metric of
    the figure before them in the sentence, else ``last_metric`` (the figure before, or
    the whole the sentence's figures add up to)."""
    return metric_before(items, picks, lambda span, head: breakdown_part(doc, span, head),
                         last_metric)
