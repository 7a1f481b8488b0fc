"""Repairs of parses that hide a figure's predicate, made right after parsing.

"An official said at least nine civilians, among them three herders, were killed": the
parser reads "nine civilians" as the object of "said" and leaves "were killed" with no
subject, so the trigger "killed" never reaches the figure. A counted object of a reporting
verb (a noun with a number) followed by a clause of that verb with no subject of its own is
that clause's subject: it is moved under the clause's verb (``nsubjpass`` when the clause
is passive, else ``nsubj``). The reporting verbs are the lexicon's attribution verbs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tollwatch.extract.lexicon import Lexicon

__all__ = ["repair_parse"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def repair_parse(doc: Doc, lex: Lexicon) -> Doc:
    """``doc`` with each counted object of a reporting verb moved to the subjectless clause
    the verb goes on with (see the module's text)."""
    for tok in doc:
        if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in lex.attribution_verbs or \
                not any(c.dep_ == "nummod" for c in tok.children):
            continue
        verb = tok.head
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > tok.i and
                       c.pos_ in ("VERB", "AUX") and
                       not any(x.dep_ in _SUBJECTS for x in c.children)), None)
        if clause is None:
            continue
        passive = any(x.dep_ == "auxpass" for x in clause.children)
        tok.head = clause
        tok.dep_ = "nsubjpass" if passive else "nsubj"
    return doc
