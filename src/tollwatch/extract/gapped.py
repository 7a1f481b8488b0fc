"""Figures in a gapped clause: a second source's figure with its verb left out.

"Activists said 60 civilians died, the provincial government 35." "The rebels put the toll
at 40; the army, 12." The clause after the comma names a source and a figure, the verb of
the clause before left out: the figure is that source's (``attribution`` reads it as the
subject), with the metric of the figure before (``claims``). The words are data
(``gapped.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import enabled_flag, read_mapping, word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["GapRules", "gapped_source", "load_gap_rules"]

_NP_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PART"})
_END = frozenset({".", ";", ",", "!", "?", ")"})


@dataclass(frozen=True)
class GapRules:
    """The words of a gapped clause (``gapped.yaml``)."""

    enabled: bool
    openers: frozenset[str]
    between: frozenset[str]
    heads: frozenset[str]
    labels: frozenset[str]


@lru_cache(maxsize=4)
def load_gap_rules(path: str | None = None) -> GapRules:
    """The rules of ``gapped.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("gapped.yaml", path, "gapped-clause rules", "are")
    return GapRules(
        enabled=enabled_flag(data, where),
        openers=frozenset(word_list(data.get("openers"), "openers", where)),
        between=frozenset(word_list(data.get("between"), "between", where)),
        heads=frozenset(word_list(data.get("heads"), "heads", where)),
        labels=frozenset(word_list(data.get("labels"), "labels", where)),
    )


def gapped_source(doc: Doc, number_i: int, rules: GapRules | None = None) -> list[Token] | None:
    """The source words of the gapped clause that ends in the figure at token ``number_i``
    ("..., the provincial government 35."), else None. The clause is the source, a few
    words of ``between`` and the figure, with nothing after it but the sentence's end or a
    noun; an earlier figure of the sentence stands before it."""
    rules = rules or load_gap_rules()
    if not rules.enabled or not doc[number_i].like_num:
        return None
    k = number_i + 1
    if k < len(doc) and (doc[k].pos_ in ("NOUN", "ADJ") or doc[k].tag_ == "VBN") and \
            doc[k].lower_ not in rules.heads:
        k += 1  # "the army 25 dead."
    if k < len(doc) and doc[k].text not in _END:
        return None
    j = number_i - 1
    while j >= 0 and doc[j].lower_ in rules.between:
        j -= 1
    end = j
    while j >= 0 and doc[j].pos_ in _NP_POS and doc[j].lower_ not in rules.openers:
        j -= 1
    if end - j < 1 or j < 1 or doc[j].lower_ not in rules.openers:
        return None
    np = [doc[t] for t in range(j + 1, end + 1)]
    if np[-1].pos_ not in ("NOUN", "PROPN") or not _names_a_source(np, rules):
        return None
    if not any(t.like_num and not t.is_punct for t in doc[:j]):
        return None  # no figure before the gap to take the verb of
    return np


def _names_a_source(np: list[Token], rules: GapRules) -> bool:
    head = np[-1]
    return head.lower_ in rules.heads or head.lemma_.lower() in rules.heads or \
        head.ent_type_ in rules.labels
