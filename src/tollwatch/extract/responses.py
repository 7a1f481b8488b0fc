"""Responses: who confirmed, denied, declined to comment on, or neither confirmed nor denied
what a document reports, and which of its claims that answers.

A second pass over a document after its claims: a cheap text prefilter (the cue phrases of
``data/responses.yaml``, one regular expression over the text) picks the sentences that may
hold a response; only those are parsed, and the Extractor hands over the parses it already
made. Responder names come from the same machinery as a claim's source
(:mod:`tollwatch.extract.attribution`); the claims answered are found by
:mod:`tollwatch.extract.response_links`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tollwatch.extract.actors import actor_for, canonical_source
from tollwatch.extract.attribution import attribute_sentence
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.doc_cache import ents_of
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.response_cues import CueMatch, ResponseLexicon, kind_rank
from tollwatch.extract.response_links import answered_claims, read_about
from tollwatch.extract.source_memory import SourceMemory
from tollwatch.extract.sources import PERSON_ROLES as _PERSON_ROLES
from tollwatch.extract.sources import clean_name as _clean
from tollwatch.extract.sources import names_of as _names_of
from tollwatch.extract.sources import np_tokens as _np_tokens
from tollwatch.extract.statement_dates import verb_date as _verb_date
from tollwatch.model import Claim, Document, Response

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ResponseFinder"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_UP = ("xcomp", "conj", "acomp", "advcl", "ccomp", "dobj", "pobj", "prep", "attr", "relcl")
_RELATIVE = {"who", "which", "that"}
_PRONOUNS = {"he", "she", "it", "they", "we", "him", "her", "them"}
_PRONOUN_BEFORE = re.compile(r"\b(?:it|they|he|she)\b", re.IGNORECASE)
_CONFIDENCE = {"neither": 0.9, "no_comment": 0.85, "denied": 0.75, "confirmed": 0.7}


@dataclass(frozen=True, slots=True)
class _Found:
    responder: list[str]
    speaker: list[str]
    date: str | None


class ResponseFinder:
    """Find the responses of documents, given their sentences and the parses made."""

    def __init__(self, lex: Lexicon, rlex: ResponseLexicon) -> None:
        self.lex = lex
        self.rlex = rlex

    # -- before the parse: the cheap prefilter ------------------------------------------
    def cue_sentences(self, text: str, bounds: Sequence[tuple[int, int]]
                      ) -> dict[int, list[CueMatch]]:
        """Sentence index -> its cue matches, for the sentences that hold a cue."""
        if not bounds:
            return {}
        found = self.rlex.stem_hits(text)  # a few words, not every cue phrase
        if not found:
            return {}
        starts = [s for s, _ in bounds]
        hit: set[int] = set()
        for pos in found:
            k = bisect_right(starts, pos) - 1
            if k >= 0:
                hit.add(k)
        out: dict[int, list[CueMatch]] = {}
        for k in sorted(hit):
            s, e = bounds[k]
            matches = self.rlex.cue_matches(text[s:e])
            if matches:
                out[k] = matches
        return out

    def to_parse(self, text: str, bounds: Sequence[tuple[int, int]],
                 cues: Mapping[int, list[CueMatch]]) -> set[int]:
        """The sentences responses need parsed: those with a cue, and the one before a cue
        whose answerer is a pronoun ("It declined to comment"), which may name it."""
        out = set(cues)
        for k, found in cues.items():
            s = bounds[k][0]
            if k > 0 and _PRONOUN_BEFORE.search(text[s:s + found[0].start]):
                out.add(k - 1)
        return out

    # -- after the parse ----------------------------------------------------------------
    def find(self, doc: Document, bounds: Sequence[tuple[int, int]],
             cues: Mapping[int, list[CueMatch]], parsed: Mapping[int, Any],
             claims: Sequence[Claim]) -> list[Response]:
        """The responses of ``doc``: one per sentence of ``cues`` that answers something.

        ``parsed`` maps sentence indexes to their spaCy parses (every cue sentence, and any
        other sentence parsed for claims: those name the sources later references need).
        """
        if not cues:
            return []
        memory = SourceMemory()
        out: list[Response] = []
        last = max(cues)
        for k in sorted(parsed):
            if k > last:
                break
            sdoc = parsed[k]
            if k not in cues:
                attribute_sentence(sdoc, self.lex, memory, None, doc.published)
                continue
            resp = self._response(doc, k, bounds, cues[k], sdoc, memory, claims)
            if resp is not None:
                _add_once(out, resp)
        return out

    def _response(self, doc: Document, k: int, bounds: Sequence[tuple[int, int]],
                  matches: list[CueMatch], sdoc: Doc, memory: SourceMemory,
                  claims: Sequence[Claim]) -> Response | None:
        s, e = bounds[k]
        ranked = sorted(matches, key=lambda m: (kind_rank(m.kind, self.rlex), m.start))
        for cue in ranked:
            head = _cue_head(sdoc, cue)
            if head is None or _not_an_answer(head, cue.kind):
                continue
            about = read_about(sdoc, head, cue, self.lex, self.rlex)
            if cue.kind in ("denied", "confirmed") and not about.answerable:
                continue
            found = self._who(sdoc, head, doc.published, memory)
            if found is None:
                continue
            linked = answered_claims(claims, bounds, k, about, cue.kind, found.responder,
                                     self.rlex)
            if linked is None:  # a confirmation that only states its own figure
                continue
            conf = _CONFIDENCE.get(cue.kind, 0.5) * (1.0 if found.responder else 0.8) * \
                (1.0 if linked else 0.9)
            return Response(kind=cue.kind, responder=found.responder, speaker=found.speaker,
                            about=about.text, claims=linked, date=found.date,
                            quote=doc.text[s:e], start=s, end=e, confidence=round(conf, 3))
        attribute_sentence(sdoc, self.lex, memory, None, doc.published)
        return None

    # -- who answers ------------------------------------------------------------------
    def _who(self, sdoc: Doc, head: Token, published: str | None,
             memory: SourceMemory) -> _Found | None:
        subj = _subject(head)
        att = attribute_sentence(sdoc, self.lex, memory, head.i, published)
        date_text = _verb_date(head) or _date_in(head)
        date = resolve_date(date_text, published) if date_text else att.date
        responder: list[str] = []
        speaker: list[str] = []
        if subj is not None:
            if subj.lower_ in self.rlex.reporters:
                return None  # "reporters could not confirm": the outlet, not an answer
            toks = _np_tokens(subj)
            names, person, root = _names_of(sdoc, toks)
            if subj.lower_ in _PRONOUNS:
                # "X said it could not confirm": the reporting verb's subject first, then
                # the sentence's source, then the source named before
                outer = _reporter(head, self.lex)
                ref = None if outer is not None or (att.explicit and att.origin) else \
                    memory.resolve(subj.lower_, None)
                names = _names_of(sdoc, _np_tokens(outer))[0] if outer is not None else \
                    list(ref.names) if ref is not None else list(att.origin)
                person = ref.person if ref is not None else False
            body = _body_of(subj) if person or root.lstrip("+") in _PERSON_ROLES else None
            if body is not None:
                responder = _names_of(sdoc, _np_tokens(body))[0]
                side = actor_for(body.text) if body.ent_type_ in ("NORP", "GPE") else None
                if side and side not in responder:
                    responder = [side, *responder]
                speaker = names
            else:
                responder = names
        if not responder:
            responder = list(att.origin)
            speaker = list(att.speaker)
        elif att.explicit:
            said = [n for n in att.origin + att.speaker if not _overlaps(n, responder)]
            speaker = speaker or said
        if not speaker:
            speaker = _named_spokesperson(sdoc, responder)
        cue = head.text.lower()
        responder = [n for n in responder if cue not in n.lower()]  # "Army Denies Claims"
        mine = {n.lower() for n in responder}
        return _Found(responder, [n for n in speaker if n.lower() not in mine
                                  and cue not in n.lower()], date)


def _add_once(out: list[Response], resp: Response) -> None:
    """One response per (kind, responder): a repeat (a headline, a later paragraph) only adds
    the claims it answers to the first."""
    keys = {canonical_source(n).casefold() for n in resp.responder} or {""}
    for old in out:
        if old.kind == resp.kind and keys & ({canonical_source(n).casefold()
                                              for n in old.responder} or {""}):
            old.claims = sorted(set(old.claims) | set(resp.claims))
            return
    out.append(resp)


def _date_in(head: Token) -> str | None:
    """A day named under the cue word ("rejected the allegations on Wednesday")."""
    for t in head.subtree:
        if t.dep_ == "prep" and t.lower_ == "on":
            for p in t.children:
                if p.dep_ == "pobj" and p.ent_type_ == "DATE":
                    return " ".join(x.text for x in p.subtree)
    return None


def _overlaps(name: str, names: Sequence[str]) -> bool:
    low = name.lower()
    return any(low == n.lower() or (len(n) > 3 and (n.lower() in low or low in n.lower()))
               for n in names)


def _cue_head(sdoc: Doc, cue: CueMatch) -> Token | None:
    """The word that carries a cue: its first verb, else an auxiliary, adjective or noun."""
    span = sdoc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for pos in (("VERB",), ("AUX", "ADJ"), ("NOUN",)):
        for t in span:
            if t.pos_ in pos:
                return t
    return span[0]


def _not_an_answer(head: Token, kind: str) -> bool:
    """A cue word used as a modifier ("confirmed cases"), or a denial done to someone."""
    if head.dep_ in ("amod", "compound") and head.head.pos_ in ("NOUN", "PROPN"):
        return True
    if kind in ("denied", "confirmed"):
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
            return True
        if any(c.dep_ == "dative" for c in head.children):
            return True  # "denied them access"
    return False


def _subject(tok: Token) -> Token | None:
    """The subject of a cue word, up through the clauses it hangs on ("declined to comment",
    "neither confirmed nor denied", "said it had no comment")."""
    x = tok
    for _ in range(6):
        for c in x.children:
            if c.dep_ in _SUBJECTS:
                if c.lower_ in _RELATIVE and x.dep_ == "relcl":
                    return x.head
                return c
        if x.dep_ == "pobj" and x.head.lower_ == "from":
            return None
        for c in x.children:  # "no comment from the ministry"
            if c.dep_ == "prep" and c.lower_ == "from" and x.pos_ == "NOUN":
                objs = [p for p in c.children if p.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if x.dep_ not in _UP or x.head.i == x.i:
            return None
        x = x.head
    return None


def _reporter(head: Token, lex: Lexicon) -> Token | None:
    """The named subject of a reporting verb the cue word hangs under ("NATO said ... it
    could not confirm")."""
    for a in head.ancestors:
        if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in lex.attribution_verbs:
            for c in a.children:
                if c.dep_ == "nsubj" and c.lower_ not in _PRONOUNS and \
                        c.lower_ not in _RELATIVE and c.pos_ in ("PROPN", "NOUN"):
                    return c
            return None
    return None


def _body_of(person: Token) -> Token | None:
    """The body a spokesperson speaks for: "a spokesman for the army", "the army's
    spokesman", "an army spokesman"."""
    for c in person.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return objs[0]
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return c
    for c in person.children:  # "an Armenian spokesperson"
        if c.dep_ in ("amod", "compound") and c.i < person.i and c.ent_type_ in ("NORP", "GPE"):
            return c
    mods = [c for c in person.children if c.dep_ == "compound" and c.i < person.i
            and c.lemma_.lower() not in _PERSON_ROLES and c.ent_type_ != "PERSON"]
    return mods[0] if mods and person.lemma_.lower() in _PERSON_ROLES else None


def _named_spokesperson(sdoc: Doc, responder: Sequence[str]) -> list[str]:
    """A person named with a role in the sentence ("spokesperson Dmitry Peskov saying")."""
    for ent in ents_of(sdoc):
        if ent.label_ != "PERSON" or _overlaps(ent.text, responder):
            continue
        window = sdoc[max(0, ent.start - 3):ent.start]
        role = any(t.lemma_.lower() in _PERSON_ROLES for t in window) or any(
            c.lemma_.lower() in _PERSON_ROLES for c in ent.root.children)
        if role:
            start = ent.start
            while start > 0 and sdoc[start - 1].lemma_.lower() in _PERSON_ROLES:
                start -= 1
            names = [_clean(ent.text)]
            if start < ent.start:
                names.append(_clean(sdoc[start:ent.end].text))
            return names
    return []
