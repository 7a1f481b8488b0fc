"""Attribution phrases found without a reporting verb's subject: chain markers ("citing
Y", "after a briefing from Y"), "according to X" / "per X", and a sentence-final tag
(", X said." / ", said X.") matched on the text when the parse gives no subject.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tollwatch.extract.doc_cache import columns, tokens_of
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.sources import _agent_np, _np_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "according_to",
    "answering",
    "based_at",
    "before_comma",
    "chain_from",
    "describes",
    "final_tag",
    "final_tag_at",
    "owner_pronoun",
    "reported_by",
]


def chain_from(doc: Doc, verb: Token | None, lex: Lexicon) -> list[Token] | None:
    """The origin phrase of a chain marker: "citing Y", "after a briefing from Y"."""
    cols = columns(doc)
    lo, hi = (verb.left_edge.i, verb.right_edge.i) if verb is not None else (0, len(doc) - 1)
    if not any(cols.lower[i] in _MARKS or cols.lemma[i] in lex.relay_nouns
               for i in range(lo, hi + 1)):
        return None  # (no marker word within the scope's bounds)
    scope = list(verb.subtree) if verb is not None else tokens_of(doc)
    for t in scope:
        low = t.lower_
        if low in ("citing", "quoting") and t.pos_ in ("VERB", "NOUN", "ADP", "SCONJ"):
            objs = [c for c in t.children if c.dep_ in ("dobj", "pobj", "obj")]
            if objs:  # ("citing a report from X": X)
                return _agent_np(objs[0]) or _np_tokens(objs[0])
            if t.dep_ == "amod":  # parsed as a modifier: "[Quoting Western sources], CNN"
                return _agent_np(t.head) or [x for x in _np_tokens(t.head) if x.i != t.i]
        # a relay noun ("a statement from Y", "reported by Y"), not a place ("deaths were
        # reported from A and B")
        if t.lemma_.lower() in lex.relay_nouns or low in ("data", "figures"):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    objs = [p for p in c.children if p.dep_ == "pobj"]
                    if objs and any(x.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                                    or x.text[:1].isupper() for x in objs[0].subtree) and \
                            not _only_places(objs[0]):
                        return _np_tokens(objs[0])
    return None


_MARKS = frozenset({"citing", "quoting", "data", "figures"})


def _only_places(obj: Token) -> bool:
    """True when the phrase of ``obj`` names places or days, no source: every name in it is
    a place or day entity ("from Alton and Brisk", "its report of 12 March"), or a clause of
    it says what happened there ("from Alton and Brisk, where ...")."""
    if any(c.dep_ == "relcl" and any(x.lower_ == "where" and x.head.i == c.i
                                     for x in c.children) for c in obj.children):
        return True
    named = [t for t in _np_tokens(obj) if t.text[:1].isupper() or t.ent_type_]
    # (or days: "in its report of 12 March")
    return bool(named) and all(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME")
                               for t in named)


def according_to(doc: Doc) -> list[Token] | None:
    if "tw_according" not in doc.user_data:
        doc.user_data["tw_according"] = _find_according_to(doc)
    found: list[Token] | None = doc.user_data["tw_according"]
    return found


def _find_according_to(doc: Doc) -> list[Token] | None:
    toks = tokens_of(doc)
    for i, low in enumerate(columns(doc).lower):
        if low != "according" and low != "per":
            continue  # (neither branch below can take it)
        t = toks[i]
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if not objs:
                objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                return _agent_np(objs[0]) or _np_tokens(objs[0])
            # unparsed: take the capitalised run after "according to"
            run = []
            for x in doc[t.i + 2:]:
                if x.is_punct and x.text not in ("'s", "’s", "-"):
                    break
                run.append(x)
            return run or None
        if t.lower_ == "per" and (t.i == 0 or doc[t.i - 1].is_punct):  # "Per X, ..."
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                return _np_tokens(objs[0])
    return None


_FINAL_SAYS = re.compile(
    r",[\"”’]?\s+((?:the\s+|a\s+|an\s+)?[A-Za-z][\w'’.-]*(?:\s+[\w'’.-]+){0,6}?)\s+"
    r"(?:says|said|estimates|estimated|reports|reported|adds|added|notes|noted|claims|"
    r"claimed|states|stated|found|finds|shows|showed|confirm|confirms|confirmed|"
    r"told\s+[A-Z][\w.]+|told\s+reporters)(?:\s+on\s+\w+|\s+\w+day)?\s*[.!]?[\"”’]?\s*$")
_FINAL_INVERTED = re.compile(
    r",[\"”’]?\s+(?:said|reported|added|noted|stated|announced|told\s+\w+)\s+"
    r"((?:the\s+|a\s+|an\s+)?[A-Za-z][\w'’.-]*(?:\s+[\w'’.()-]+){0,8}?)\s*[.!]?[\"”’]?\s*$")
_NOT_A_TAG = re.compile(r"\d|^(?:on|in|at|that|it|he|she|they|we|this|there)\b",
                        re.IGNORECASE)


def final_tag_at(text: str) -> tuple[str, int] | None:
    """The source a sentence-final tag names (", the agency said.") and the character
    offset where the tag starts, or None."""
    m = _FINAL_SAYS.search(text) or _FINAL_INVERTED.search(text)
    if m is None or _NOT_A_TAG.search(m.group(1)):
        return None  # ", said on Monday it had ...": a clause, not a name
    return m.group(1).strip(" ,;:."), m.start()


def final_tag(text: str) -> str | None:
    """The source a sentence-final tag names (", the agency said."), or None."""
    found = final_tag_at(text)
    return found[0] if found else None


def before_comma(tokens: list[Token]) -> list[Token]:
    """``tokens`` up to the first comma or apposition ("the network" of "the network, a
    group of ...")."""
    edges = [t.left_edge.i for t in tokens if t.dep_ == "appos" and t.i > tokens[0].i]
    comma = next((k for k, t in enumerate(tokens) if t.text == "," or
                  (edges and t.i >= min(edges))), len(tokens))
    return tokens[:comma]


def based_at(tokens: list[Token]) -> int:
    """The index of "based" in a description ("the London-based monitor"), else -1."""
    return max((t.i for t in tokens if t.lower_ in ("based", "-based") or
                t.lower_.endswith("-based")), default=-1)


def answering(verb: Token, lex: Lexicon) -> bool:
    """``verb`` answers the statement in a clause on a report noun: "..., an account the
    junta rejected as fabricated", "a figure disputed by the army"."""
    return verb.dep_ in ("relcl", "acl") and verb.head.lemma_.lower() in lex.denial_objects


def describes(figure: Token, subj: Token) -> bool:
    """True when ``figure`` is inside a clause describing the speaker ``subj`` ("said Ana
    Ruiz, a nurse who lost two cousins"), not in the counted head of the subject."""
    x = figure
    while x.i != subj.i and x.head.i != x.i:
        if x.dep_ in ("relcl", "acl", "appos") and subj.ent_type_ == "PERSON":
            return True
        x = x.head
    return False


def reported_by(inner: Token, outer: Token) -> bool:
    """True when ``inner`` is inside what ``outer`` reports ("X said Y estimated ...")."""
    x = inner
    while x.i != outer.i and x.head.i != x.i:
        if x.dep_ not in ("ccomp", "xcomp", "parataxis"):
            return False
        x = x.head
    return x.i == outer.i


def owner_pronoun(subj: Token) -> str | None:
    """The pronoun that owns a person speaking for a body ("Its spokesperson, Jane Doe,
    said": "it"; "their spokesman": "they"), else None."""
    if subj.lemma_.lower() not in load_provenance().person_nouns:
        return None
    for c in subj.children:
        if c.dep_ == "poss" and c.lower_ in ("its", "their"):
            return "it" if c.lower_ == "its" else "they"
    return None
