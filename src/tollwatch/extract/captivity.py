"""Captivity and return: which metric a figure of people held (or freed) is counted in.

The guidelines count people taken by an armed side as ``captured`` (combatants, prisoners of
war, exchanges of prisoners), people kidnapped or taken hostage as ``abducted``, and people
held by authorities as ``detained``. The cue words (``captivity`` in the lexicon) only say
that someone is or was held ("freed", "rescued", "returned home", "remain in the hands of");
who is held and by whom decide the metric.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from tollwatch.extract.doc_cache import text_of, tokens_of
from tollwatch.extract.forces import stationing_verb
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.metric import NON_STATE_ARMED

__all__ = [
    "cue_at",
    "held_by_armed_group",
    "held_by_state",
    "mentions_captivity",
    "mentions_exchange",
    "rescued_by_force",
    "resolve_captivity",
    "resolve_capture",
    "weak_cue",
]

_CAPTIVE_NOUNS = {"hostage", "captive", "abductee", "kidnappee"}


def cue_at(doc: Doc, i: int, lex: Lexicon, table: frozenset[str]) -> str | None:
    """The entry of ``table`` (word, lemma or phrase) that starts at token ``i``."""
    tok = doc[i]
    for w in (tok.lower_, tok.lemma_.lower()):
        if w in table:
            return w
    rest = text_of(doc)[tok.idx:tok.idx + 60].lower()
    for phrase in table:
        if " " in phrase and rest.startswith(phrase) and \
                not re.match(r"\w", rest[len(phrase):len(phrase) + 1]):
            return phrase
    return None


_FIRE = re.compile(r"^\s*(?:of\s+)?(?:gun)?fire\b|(?:gun)?fire\s*$")


def mentions_exchange(text: str, lex: Lexicon) -> bool:
    """``text`` speaks of an exchange of prisoners (not "an exchange of fire")."""
    low = text.lower()
    for w in lex.exchange_words:
        if w not in low:
            continue  # (a cheap test first; the same answer)
        for m in re.finditer(rf"\b{re.escape(w)}\b", low):
            if not (_FIRE.search(low[m.end():m.end() + 12]) or
                    _FIRE.search(low[max(0, m.start() - 10):m.start()])):
                return True
    return False


def mentions_captivity(text: str, lex: Lexicon) -> bool:
    """``text`` speaks of people held (kidnapped, hostages, captives, prisoners...)."""
    low = text.lower()
    return any(w in low and re.search(rf"\b{re.escape(w)}\b", low)
               for w in lex.captivity_context)


def weak_cue(doc: Doc, i: int, lex: Lexicon, length: int = 1) -> bool:
    """Token ``i`` is a one-word captivity cue ("freed", "rescued"), or the ``length``
    tokens from it one of the weak phrases ("came home"), which say someone was held only in
    a text about captivity."""
    if length > 1:
        return doc[i:i + length].text.lower() in lex.weak_captivity_phrases
    tok = doc[i]
    if tok.lemma_.lower() in lex.taking_verbs:
        return True  # "took 12 girls from the camp": captivity only in a text about it
    return any(w in lex.captivity_cues and " " not in w and
               lex.metric_verbs.get(w) == "abducted" and w not in lex.explicit_abduction
               for w in (tok.lower_, tok.lemma_.lower())) and \
        lex.metric_adjectives.get(tok.lower_) is None and \
        lex.metric_nouns.get(tok.lemma_.lower()) is None


def _speaks_of_abduction(doc: Doc, lex: Lexicon) -> bool:
    """The sentence calls the holding a kidnapping ("57 soldiers were held captive in a
    kidnapping"): soldiers held so are abducted, not prisoners of war."""
    return any(t.lower_ in lex.explicit_abduction and t.pos_ == "NOUN" for t in tokens_of(doc))


def _held_by_authority(doc: Doc, tok: Token, lex: Lexicon) -> bool:
    """"released from prison", "freed on bail", "released by the police"."""
    verb = tok.head if tok.dep_ in ("aux", "auxpass") or tok.pos_ not in ("VERB", "AUX") \
        else tok  # (the verb of "were being held by": "held")
    for c in verb.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "on", "by", "out", "in", "at") and \
                any(t.lemma_.lower() in lex.authority_holders or
                    t.lower_ in lex.authority_holders for t in c.subtree):
            return True
    return False


def resolve_captivity(doc: Doc, trig_i: int, metric: str, kind: str | None,
                      head: Token | None, lex: Lexicon, exchange: bool = False) -> str:
    """The metric of a figure whose trigger (token ``trig_i``) gave ``metric``.

    ``kind`` is the counted people's kind ("armed", "civilian", "neutral", ...), ``head``
    their noun; ``exchange``: the document speaks of an exchange of prisoners. Only
    "abducted" figures (the captivity cues enter as "abducted") change.
    """
    if metric != "abducted":
        return metric
    if head is not None and head.lemma_.lower() in _CAPTIVE_NOUNS:
        return "abducted"  # "police freed 12 hostages": the noun says how they were held
    if head is not None and head.lemma_.lower() in lex.custody_nouns:
        return "detained"  # "430 detainees were still held"
    explicit = cue_at(doc, trig_i, lex, lex.explicit_abduction) is not None or (
        head is not None and any(c.dep_ in ("relcl", "acl") and
                                 cue_at(doc, c.i, lex, lex.explicit_abduction) is not None
                                 for c in head.children))
    if explicit:
        return "abducted"  # (also "would free two police officers it kidnapped")
    if exchange or mentions_exchange(text_of(doc), lex):
        return "captured"  # "45 service personnel and two civilians returned in the swap"
    if kind == "armed" and not _speaks_of_abduction(doc, lex):
        return "captured"  # fighters taken captive are prisoners of an armed side
    if cue_at(doc, trig_i, lex, lex.captivity_cues) is not None and \
            _held_by_authority(doc, doc[trig_i], lex):
        return "detained"
    return "abducted"


def _doers(verb: Token) -> list[Token]:
    """The subject of ``verb`` (active) or its agent ("by the police"), as noun tokens."""
    out = [c for c in verb.children if c.dep_ == "nsubj"]
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            out.extend(p for p in c.children if p.dep_ == "pobj")
    if not out and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return _doers(verb.head)  # "the army helped evacuate", "were able to liberate"
    return out


def _named_as(tok: Token, table: frozenset[str]) -> bool:
    words = {tok.lower_, tok.lemma_.lower()}
    words |= {f"{c.lower_} {tok.lower_}" for c in tok.children if c.dep_ in ("amod", "compound")}
    return bool(words & table)


def resolve_capture(doc: Doc, trig_i: int, metric: str, head: Token | None,
                    lex: Lexicon) -> str:
    """"captured" offenders ("five attackers were captured") or people captured by an
    authority ("captured by police") are "detained"; other metrics are unchanged."""
    if metric != "captured":
        return metric
    if head is not None and head.lemma_.lower() in lex.arrest_nouns:
        return "detained"
    verb = doc[trig_i]
    if verb.lemma_.lower() in lex.prison_words and (
            head is None or head.lemma_.lower() not in lex.armed):
        return "detained"  # "imprisoned journalists"; "imprisoned soldiers" stay captured
    if verb.pos_ in ("VERB", "AUX") and any(
            _named_as(d, lex.authority_holders) for d in _doers(verb)):
        return "detained"
    return metric


def rescued_by_force(doc: Doc, trig_i: int, lex: Lexicon, head: Token | None = None) -> bool:
    """The figure's trigger (token ``trig_i``) is an evacuation of people held ("35
    hijacked passengers were evacuated") or one done by an armed force ("security forces
    evacuated 80 passengers"): in a text about people held, a rescue."""
    verb = doc[trig_i]
    if verb.lemma_.lower() not in lex.rescue_verbs or verb.pos_ not in ("VERB", "AUX"):
        return False
    if head is not None and any(c.dep_ in ("amod", "compound") and
                                c.lower_ in lex.captivity_context for c in head.children):
        return True
    return any(_named_as(d, lex.rescue_forces) for d in _doers(verb))


def held_by_captors(head: Token, lex: Lexicon) -> Token | None:
    """The verb of holding ("are still holding 40 aid workers") whose subject is an armed
    group or captors and whose object is the counted people ``head``, else None."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in lex.holding_verbs:
        return None
    # ("the group had killed 11 and was holding three others": the subject of the verb
    # the holding is coordinated with)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or (
        [c for c in verb.head.children if c.dep_ == "nsubj"] if verb.dep_ == "conj" else [])
    if any(c.lemma_.lower() in NON_STATE_ARMED or c.lower_ in NON_STATE_ARMED
           for c in _speakers_of_pronouns(subjects)):
        return verb
    return None


def _speakers_of_pronouns(subjects: list[Token]) -> list[Token]:
    """``subjects``, a pronoun among them replaced by the subject of the saying verb whose
    clause it stands in ("the militia said it was holding five soldiers": "militia")."""
    out: list[Token] = []
    for c in subjects:
        if c.pos_ != "PRON":
            out.append(c)
            continue
        clause = c.head
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        if clause.dep_ == "ccomp":
            out.extend(s for s in clause.head.children if s.dep_ == "nsubj")
    return out


def held_by_state(head: Token, lex: Lexicon) -> Token | None:
    """The verb of holding ("China was holding 50 journalists", "the authorities hold 300
    protesters") whose subject is a country or an authority (``authority_holders``,
    ``state_holders``) and whose object is the counted people ``head``, else None: they are
    detained (armed people so held are prisoners: captured)."""
    obj = head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.like_num:
        obj = head.head.head  # "holding more than 1,000 of the group's fighters"
    verb = obj.head
    if obj.dep_ != "dobj" or verb.lemma_.lower() not in lex.holding_verbs or \
            stationing_verb(head, lex) is not None:
        return None  # ("India keeps 500,000 soldiers in the region": deployed)
    for c in verb.children:
        if c.dep_ == "nsubj" and (c.ent_type_ == "GPE" or c.lemma_.lower() in
                                  lex.authority_holders or c.lower_ in lex.state_holders) and \
                not any(m.lemma_.lower() in lex.non_state_armed for m in c.children):
            return verb  # (not "rebel forces are holding 30 villagers")
    return None


def held_by_armed_group(doc: Doc, trig_i: int) -> bool:
    """The detaining verb's agent ("by the gunmen") is an armed group, not an authority."""
    verb = doc[trig_i]
    if verb.dep_ == "advmod":  # "forcibly detained": the adverb's head is the verb
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in NON_STATE_ARMED or
                                           obj.lower_ in NON_STATE_ARMED):
                    return True
    return False
