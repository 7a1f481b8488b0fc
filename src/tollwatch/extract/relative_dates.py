"""The day a statement's source is given in a relative clause on the source (rules in
``data/relative_dates.yaml``).

"..., according to the Lisburg Monitor, which reported the figure on Monday"; "The
ministry, which published its figures on Monday, said 45 civilians had been killed";
"according to the governor, who spoke to reporters on Friday": the day hangs on the verb of
a relative clause whose head is the source itself (the object of "according to", or the
subject of the reporting verb), and that verb tells, puts a statement out or names the
occasion it was made at (``verbs``). ``statement_dates.statement_date`` asks this module
while it climbs from a day to the statement's anchor; the claim's ``date_how`` stays
``verb`` (its own sentence names the day).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import read_mapping, word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["RelativeDateRules", "according_object", "load_relative_date_rules", "source_clause"]


@dataclass(frozen=True)
class RelativeDateRules:
    """The words of ``data/relative_dates.yaml``."""

    verbs: frozenset[str] = frozenset()
    according: frozenset[str] = frozenset()


@lru_cache(maxsize=8)
def load_relative_date_rules(path: str | None = None) -> RelativeDateRules:
    """The rules of ``path`` (None: the built-in ``relative_dates.yaml``)."""
    data, where = read_mapping("relative_dates.yaml", path, "relative date rules", "are")
    return RelativeDateRules(
        verbs=frozenset(word_list(data.get("verbs"), "verbs", where)),
        according=frozenset(word_list(data.get("according"), "according", where)))


def according_object(noun: Token, rules: RelativeDateRules | None = None) -> bool:
    """True when ``noun`` is the object of "according to" ("according to a statement")."""
    rules = rules or load_relative_date_rules()
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ in rules.according


def _is_source_of(noun: Token, anchors: set[int], rules: RelativeDateRules) -> bool:
    """True when ``noun`` is the source of a statement anchored at one of ``anchors``: the
    object of "according to", or the subject of the reporting verb; or a description in
    apposition to it ("according to the Monitor, a research group whose report ...")."""
    if noun.dep_ == "appos" and noun.head.i != noun.i:
        return _is_source_of(noun.head, anchors, rules)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in anchors:
        return True
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "to" and \
        prep.head.i in anchors and prep.head.lower_ in rules.according


def source_clause(x: Token, anchors: set[int], rules: RelativeDateRules | None = None) -> bool:
    """True when ``x`` is the verb of a relative clause on a statement's source that tells
    when the source spoke ("which reported the figure on Monday")."""
    rules = rules or load_relative_date_rules()
    return x.dep_ == "relcl" and x.lemma_.lower() in rules.verbs and \
        _is_source_of(x.head, anchors, rules)
