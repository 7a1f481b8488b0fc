"""Reporting forms that the plain "X said" reading of a sentence misses.

- "X cited Y as saying ...", "Y is quoted as saying ...", "Y was quoted in X saying ...": the
  one cited (Y) is the origin of what is said, and the one citing (X), when named, relays it.
- A negated reporting verb ("the army has never declared ...", "did not say") makes no
  statement.
- An aside set off by dashes or brackets ("Five guards - all from the north according to the
  prison service - were ...") attributes only what is inside it.

The verbs and prepositions are data (``provenance.yaml``, section ``cited_as``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tollwatch.extract.provenance import load_provenance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["aside_around", "cited_as", "is_negated"]

_OPENERS = {"-": "-", "–": "–", "—": "—", "(": ")", "[": "]", "--": "--"}


def cited_as(verb: Token) -> tuple[Token, Token | None] | None:
    """For the verb of "X cited Y as saying" (or "Y is quoted as saying"): Y's token and X's
    (None when the citer is not named); None for any other verb."""
    rules = load_provenance()
    prep = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and \
            prep.lemma_.lower() in rules.cited_as_verbs:
        return _quoted_saying(prep, rules.cited_in_preps)
    if verb.dep_ != "pcomp" or prep.lower_ not in rules.cited_as_preps:
        return None
    citing = prep.head
    if citing.i == prep.i or citing.lemma_.lower() not in rules.cited_as_verbs:
        return None
    cited = next((c for c in citing.children if c.dep_ in ("dobj", "obj")), None)
    citer = next((c for c in citing.children if c.dep_ == "nsubj"), None)
    if cited is None:  # the passive: "Y is quoted as saying", "... by X"
        cited = next((c for c in citing.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in citing.children if c.dep_ == "agent"), None)
        citer = next((p for p in agent.children if p.dep_ == "pobj"), None) \
            if agent is not None else None
    if cited is None:
        return None
    return cited, citer


def _quoted_saying(citing: Token, preps: frozenset[str]) -> tuple[Token, Token | None] | None:
    """"Y was quoted in X saying ...": Y's token and X's (the outlet quoting)."""
    cited = next((c for c in citing.children if c.dep_ == "nsubjpass"), None)
    if cited is None:
        return None
    citer = None
    for c in citing.children:
        if c.i > cited.i and c.dep_ in ("prep", "agent") and (
                c.dep_ == "agent" or c.lower_ in preps):
            citer = next((p for p in c.children if p.dep_ == "pobj"
                          and p.ent_type_ not in ("DATE", "TIME", "GPE")), None)
            if citer is not None:
                break
    return cited, citer


def is_negated(verb: Token) -> bool:
    """True when the reporting verb itself is negated ("never declared", "did not say")."""
    return any(c.dep_ == "neg" for c in verb.children)


def aside_around(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token span (opener, closer) of the dash or bracket aside holding tokens
    ``start``..``end``, or None when they are not inside one."""
    opener = None
    for t in reversed(doc[:start]):
        if t.text in _OPENERS:
            opener = t
            break
        if t.text in (")", "]"):
            return None
    if opener is None:
        return None
    want = _OPENERS[opener.text]
    for t in doc[end + 1:]:
        if t.text == want:
            return opener.i, t.i
        if t.text in _OPENERS and t.text != want:
            return None
    return None
