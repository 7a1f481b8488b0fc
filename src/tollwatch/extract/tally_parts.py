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
from tollwatch.extract.wholes import part_verb

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

    from tollwatch.extract.lexicon import Lexicon
    from tollwatch.extract.numbers import NumberMention
    from tollwatch.model import Claim

__all__ = ["TallyPartRules", "load_tally_part_rules", "tally_part", "whole_metric"]

Pick = tuple[str, float, int]


@dataclass(frozen=True)
class TallyPartRules:
    enabled: bool
    subjects: frozenset[str]


@lru_cache(maxsize=4)
def load_tally_part_rules(path: str | None = None) -> TallyPartRules:
    """The rules of ``tally_parts.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("tally_parts.yaml", path, "tally-part rules", "are")
    on = enabled_flag(data, where)
    return TallyPartRules(on, frozenset(word_list(data.get("subjects"), "subjects", where)))


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
