"""The day a statement was made, as its sentence names it.

"said on Monday", "said Sunday", "said in a statement on 3 March", "at a briefing on
Thursday", "according to a statement issued on Wednesday": the date hangs on the reporting
verb or on the statement it names, never on the verb of the event reported ("strikes on
Saturday killed 33, the ministry said" names no day for the statement).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tollwatch.extract.dates import resolve_date
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.sources import _STATEMENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["statement_date", "verb_date"]


def _phrasal() -> dict[str, tuple[str, ...]]:
    return load_provenance().phrasal_cues


def verb_date(verb: Token) -> str | None:
    """Text of a date attached to a reporting verb ("said on Monday", "said Sunday")."""
    for c in verb.children:
        if c.dep_ in ("npadvmod", "tmod", "obl", "advmod") and c.ent_type_ == "DATE":
            return " ".join(t.text for t in c.subtree)
        if c.dep_ == "prep" and c.lower_ in ("on", "in"):
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ == "DATE":
                    return " ".join(t.text for t in p.subtree)
                # "said in a statement on 3 March", "in a report published on Tuesday"
                if p.dep_ == "pobj" and p.lemma_.lower() in _STATEMENT_NOUNS:
                    holders = [p, *(a for a in p.children if a.dep_ == "acl")]
                    for q in (q for h in holders for q in h.children):
                        if q.dep_ == "prep" and q.lower_ == "on":
                            for d in q.children:
                                if d.dep_ == "pobj" and d.ent_type_ == "DATE":
                                    return " ".join(t.text for t in d.subtree)
    return None


def statement_date(doc: Doc, anchors: list[Token]) -> str | None:
    """Text of a date that dates the statement made at one of ``anchors`` (a reporting verb,
    "according"): attached to it directly or through the statement it names ("at a press
    conference on Monday", "according to a statement issued on Wednesday"), never through the
    verb of the event reported ("strikes on Saturday killed 33")."""
    want = {a.i for a in anchors}
    for ent in doc.ents:
        if ent.label_ != "DATE" or resolve_date(ent.text, "2000-01-01") is None:
            continue  # not a day ("a bi-weekly briefing")
        x = ent.root
        while x.head.i != x.i:
            x = x.head
            if x.i in want:
                return ent.text
            if x.dep_ == "prep" or x.pos_ == "ADP" or x.lemma_.lower() in _STATEMENT_NOUNS:
                continue
            if x.dep_ == "acl" and x.head.lemma_.lower() in _STATEMENT_NOUNS:
                continue  # "a statement issued on Wednesday"
            if x.head.i in want and any(x.lower_ in p for p in _phrasal().values()):
                continue  # "made this known at a briefing on Thursday"
            break
    return None
