"""The tokens a sentence's statement day may hang on, for ``statement_dates.statement_date``.

The reporting verb chosen for the figure, and beside it: the verb it carries on ("On
Tuesday, X revised his figures, stating ..."), the act a saying is part of ("X condemned it
in a statement on Monday, saying ..."), the verb that brought a toll to the figure ("the
toll rose to 23 on Tuesday, the ministry said"), the outer speaker's verb when a nested one
governs ("Speaking on Tuesday, X said the agency had counted ..."), and "according".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tollwatch.extract.doc_cache import tokens_of
from tollwatch.extract.statement_dates import rising_toll_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["date_anchors"]


def date_anchors(doc: Doc, chosen: Token | None, outer_v: Token | None, number_i: int | None,
                 according: bool, attribution_verbs: frozenset[str]) -> list[Token]:
    """The anchors of the statement of the figure at ``number_i`` (None: the sentence's)."""
    anchors = [chosen] if chosen is not None else []
    if chosen is not None and _carried_on(chosen, attribution_verbs):
        anchors.append(chosen.head)
    rising = rising_toll_verb(doc, number_i) if number_i is not None else None
    if rising is not None:
        anchors.append(rising)
    if outer_v is not None and chosen is not None and outer_v.i != chosen.i:
        anchors.append(outer_v)
    if according:
        anchors += [t for t in tokens_of(doc) if t.lower_ == "according"]
    return anchors


def _carried_on(verb: Token, attribution_verbs: frozenset[str]) -> bool:
    """``verb`` carries on the act of the verb it hangs on: another reporting verb ("revised
    his figures, stating"), or any act by a participle ("condemned it, saying")."""
    if verb.dep_ in ("advcl", "conj", "xcomp") and \
            verb.head.lemma_.lower() in attribution_verbs | {"revise"}:
        return True
    return verb.dep_ == "advcl" and verb.tag_ == "VBG"
