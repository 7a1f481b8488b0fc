"""Figures whose own sentence names no source but points at one.

- A part of a tally a source gave before: "4,641 of the total deaths were officers", "the
  leader in confirmed casualties is the north, with 3,900 dead", "17% of all known
  casualties", "of those killed, 12 were children". The noun phrase refers back to the
  counted whole (a determiner or a tally adjective with one of the metric's nouns, after a
  preposition of parts); the figure, in no one's voice, takes the source and date of the last
  sourced figure of its metric before it (``credit_parts``).
- A report noun a name owns: "Since X's last update, the names of 1,190 more soldiers were
  added", "X's latest tally shows 40 dead": X is the source; so is the one that gives a
  report of the figure ("the governor gave a toll of 40 dead", "with the mayor giving his
  own account of eight ...") or by whom it was made ("the toll, given by the ministry on
  Sunday, stands at 64"), and a record that shows it ("the school's register has
  shown", ``document_refs.showing_record``), or reports that say it ("with reports that 40
  attackers have been killed", ``document_refs.reports_that``) (``report_source``).

The words are data (``tollwatch/data/tally_sources.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tollwatch.extract.attribution import Attribution
from tollwatch.extract.datafile import read_mapping
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.document_refs import reports_that, showing_record
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.sources import _names_of, _np_tokens, _source, _span_text
from tollwatch.extract.statement_dates import statement_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tollwatch.extract.source_memory import SourceMemory
    from tollwatch.model import Claim

__all__ = [
    "TallySourceRules",
    "credit_parts",
    "giver_of",
    "load_tally_sources",
    "maker_of",
    "possessive_owner",
    "refers_to_whole",
    "report_source",
]


@dataclass(frozen=True)
class TallySourceRules:  # noqa: PLR0902 (one field per list)
    prepositions: frozenset[str]
    determiners: frozenset[str]
    nouns: frozenset[str]
    adjectives: frozenset[str]
    strong_adjectives: frozenset[str]
    participles: frozenset[str]
    max_chars: int
    report_nouns: frozenset[str]
    place_entities: frozenset[str]
    owner_heads: frozenset[str]
    part_confidence: float = 1.0
    giving_verbs: frozenset[str] = frozenset()
    given_nouns: frozenset[str] = frozenset()


def _words(data: Any, key: str) -> frozenset[str]:
    items = data.get(key) if isinstance(data, dict) else None
    return frozenset(str(w).lower() for w in items or [])


@lru_cache(maxsize=1)
def load_tally_sources() -> TallySourceRules:
    """The built-in ``tally_sources.yaml``."""
    data, _ = read_mapping("tally_sources.yaml", None, "tally source rules", "are")
    parts = data.get("tally_parts") or {}
    owned = data.get("possessive_sources") or {}
    return TallySourceRules(
        prepositions=_words(parts, "prepositions"), determiners=_words(parts, "determiners"),
        nouns=_words(parts, "nouns"), adjectives=_words(parts, "adjectives"),
        strong_adjectives=_words(parts, "strong_adjectives"),
        participles=_words(parts, "participles"),
        max_chars=int(parts.get("max_chars", 0)),
        report_nouns=_words(owned, "nouns"),
        place_entities=frozenset(str(w) for w in owned.get("place_entities") or []),
        owner_heads=_words(owned, "owner_heads"),
        part_confidence=float(parts.get("confidence", 1.0)),
        giving_verbs=_words(data.get("giving_sources") or {}, "verbs"),
        given_nouns=_words(data.get("giving_sources") or {}, "nouns"))


# -- parts of a tally ------------------------------------------------------------------------
def _whole_noun(tok: Token, rules: TallySourceRules) -> bool:
    """True for a noun phrase head naming a counted whole: "the total deaths", "all known
    casualties", "confirmed casualties", "those killed"."""
    kids = list(tok.children)
    if tok.lower_ in ("those", "these"):
        return any(c.dep_ in ("acl", "amod", "relcl") and
                   (c.lower_ in rules.participles or c.lower_ in rules.adjectives)
                   for c in kids)
    if tok.lower_ not in rules.nouns or tok.pos_ not in ("NOUN", "ADJ", "VERB"):
        return False
    if any(c.like_num or c.dep_ in ("nummod", "poss") for c in kids):
        return False  # "the 40 dead", "the army's dead": a group of its own
    adjs = {c.lower_ for c in kids if c.dep_ in ("amod", "compound", "advmod")}
    if not adjs & rules.adjectives:
        return False
    det = any(c.dep_ in ("det", "predet") and c.lower_ in rules.determiners for c in kids)
    return det or bool(adjs & rules.strong_adjectives)


def refers_to_whole(sdoc: Doc, token_i: int, rules: TallySourceRules | None = None) -> bool:
    """True when the figure at ``token_i`` is given as a part of a whole counted before: its
    sentence takes it from a noun phrase naming that whole ("4,641 of the total deaths",
    "the leader in confirmed casualties is ..., with 3,932")."""
    rules = rules or load_tally_sources()
    for tok in sdoc:
        if tok.dep_ != "pobj" or tok.head.lower_ not in rules.prepositions:
            continue
        if not _whole_noun(tok, rules):
            continue
        if any(t.i == token_i for t in tok.subtree):
            continue  # the figure is the whole itself
        return True
    return False


def _sourced(c: Claim) -> bool:
    return bool(c.origin or c.speaker)


def credit_parts(claims: list[Claim], parts: set[int],
                 rules: TallySourceRules | None = None) -> None:
    """Give each claim of ``parts`` (ids of own-voice claims whose figure is a part of a
    tally) the source and date of the last sourced claim of its metric before it in
    ``claims`` (text order), within reach."""
    if not parts:
        return
    rules = rules or load_tally_sources()
    factor = rules.part_confidence
    for n, c in enumerate(claims):
        if id(c) not in parts or _sourced(c):
            continue
        whole = next((e for e in reversed(claims[:n]) if e.metric == c.metric and
                      _sourced(e) and e.start < c.start), None)
        if whole is None or c.start - whole.end > rules.max_chars:
            continue
        c.origin, c.speaker, c.date = list(whole.origin), list(whole.speaker), whole.date
        att = whole.attribution or {}
        c.attribution = {"how": "tally_part", "part_of": whole.start,
                         **({"from": att["from"]} if "from" in att else {}),
                         **({"date_how": att["date_how"]} if "date_how" in att else {})}
        c.confidence = round(c.confidence * factor, 3)


# -- possessive report nouns -----------------------------------------------------------------
def possessive_owner(sdoc: Doc, token_i: int,
                     rules: TallySourceRules | None = None) -> list[Token] | None:
    """The name owning a report noun in the sentence of the figure at ``token_i`` ("X's last
    update", "X's latest tally"), as its tokens; None when there is none."""
    rules = rules or load_tally_sources()
    for tok in sdoc:
        if tok.lower_ not in rules.report_nouns or tok.pos_ != "NOUN":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ not in ("PROPN", "NOUN") or \
                any(t.i == token_i for t in owner.subtree):
            continue
        if owner.ent_type_ in rules.place_entities:
            continue  # "the region's count", "the country's hijack update": about a place
        if owner.pos_ == "NOUN" and not any(c.pos_ == "PROPN" for c in owner.subtree) and \
                owner.lower_ not in load_provenance().body_nouns and \
                owner.lemma_.lower() not in rules.owner_heads:
            continue  # "the soldiers' list": a group, not a body
        toks = [t for t in owner.subtree if t.dep_ != "case" and t.tag_ != "POS"]
        return toks or None
    return None



def maker_of(sdoc: Doc, token_i: int, rules: TallySourceRules | None = None) -> Token | None:
    """The agent of a participle describing a report noun in the figure's sentence ("The
    toll, given by the ministry on Sunday, stands at 64"); None when there is none."""
    rules = rules or load_tally_sources()
    for tok in sdoc:
        if tok.lower_ not in rules.report_nouns or tok.pos_ != "NOUN":
            continue
        for c in tok.children:
            if c.dep_ != "acl" or c.tag_ != "VBN":
                continue
            for a in c.children:
                obj = next((p for p in a.children if p.dep_ == "pobj"), None) \
                    if a.dep_ == "agent" else None
                if obj is not None and obj.pos_ in ("NOUN", "PROPN") and \
                        not any(t.i == token_i for t in obj.subtree):
                    return obj
    return None


def giver_of(sdoc: Doc, token_i: int, rules: TallySourceRules | None = None) -> Token | None:
    """The subject of a verb of giving a report of the figure at ``token_i`` ("the governor
    gave a toll of 40 dead", "with the mayor giving his own account of eight ..."); None when
    there is none."""
    rules = rules or load_tally_sources()
    for verb in sdoc[token_i].ancestors:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.giving_verbs:
            continue
        if not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in rules.given_nouns
                   for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or \
                any(t.i == token_i for t in subj.subtree):
            continue
        return subj
    return None


def report_source(sdoc: Doc, token_i: int, memory: SourceMemory,
                      rules: TallySourceRules | None = None,
                      anchor: str | None = None) -> Attribution | None:
    """The attribution to the name owning a report noun in the figure's sentence (the source
    the memory knows by that name, else a new one), to a record that shows the figure
    ("..., the school's register has shown"), or to the one giving a report of it ("the
    governor gave a toll of 40"); None when there is none of these. A day on the verb of
    giving dates the statement ("in a statement on Monday, gave a toll of 11"), resolved
    against ``anchor`` (the publication date)."""
    toks = possessive_owner(sdoc, token_i, rules)
    day: str | None = None
    how = "possessive"
    if toks is None:
        found, how = showing_record(sdoc, token_i), "record"
        if found is None:
            found, how = giver_of(sdoc, token_i, rules), "given"
            if found is not None:
                given = statement_date(sdoc, [found.head])
                day = resolve_date(given, anchor) if given else None
        if found is None:
            found, how = maker_of(sdoc, token_i, rules), "given"  # "the toll, given by X"
        if found is None:
            found, how = reports_that(sdoc, token_i), "reports"
        if found is None:
            return None
        toks = _np_tokens(found)
    names, person, head_word = _names_of(sdoc, toks)
    if not names:
        return None
    src = memory.resolve(_span_text(sdoc, toks), person) or \
        memory.remember(_source(names, person, head_word))
    memory.touch(src)
    if day is not None:
        src.date = day
        src.lead_date = src.lead_date or day
    return Attribution(origin=list(src.names), explicit=True, how=how, origin_src=src,
                       date=day if day is not None else src.date,
                       date_how="verb" if day is not None else
                       ("source" if src.date is not None else None))
