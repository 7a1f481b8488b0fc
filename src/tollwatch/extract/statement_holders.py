"""The verb of whoever made a statement, for a reporting verb hung from the statement noun.

"The army issued a statement Sunday saying 12 soldiers were killed": the parser often
reads "saying" as a clause of the noun "statement" (``acl``), which is the object of
"issued". "saying" then has no subject; who said it is the subject of "issued", and the day
"Sunday" hangs from "issued" too. :func:`holder_verb` finds that verb, for a reporting verb
under a noun of ``statement_holders.yaml`` that is the direct object of a verb of making a
statement public (the file's ``verbs``: "issued", "released", "posted").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import enabled_flag, read_mapping, word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["HolderRules", "holder_verb", "load_holder_rules"]


@dataclass(frozen=True)
class HolderRules:
    enabled: bool
    nouns: frozenset[str]
    verbs: frozenset[str]


@lru_cache(maxsize=4)
def load_holder_rules(path: str | None = None) -> HolderRules:
    """The rules of ``statement_holders.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("statement_holders.yaml", path, "statement-holder rules",
                               "are")
    on = enabled_flag(data, where)
    return HolderRules(on, frozenset(word_list(data.get("nouns"), "nouns", where)),
                       frozenset(word_list(data.get("verbs"), "verbs", where)))


def holder_verb(verb: Token) -> Token | None:
    """The verb whose object is the statement noun ``verb`` hangs from ("issued" for
    "saying" in "issued a statement Sunday saying ..."), else None. Only for a ``verb``
    with no subject of its own."""
    rules = load_holder_rules()
    if not rules.enabled or verb.dep_ != "acl" or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    noun = verb.head
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.i > verb.i or \
            noun.lower_ not in rules.nouns:
        return None
    head = noun.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in rules.verbs:
        return None  # ("China termed reports putting the toll at 40 fake news")
    return head
