"""What a response answers: the phrase it is about, and the claims of the document it
answers ("a response answers the claims whose event or group it names, or the claim of the
statement it replies to")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tollwatch.extract.actors import actor_for, canonical_source
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.response_cues import CueMatch, ResponseLexicon
from tollwatch.extract.sources import clean_name as _clean
from tollwatch.model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["About", "answered_claims", "read_about"]

_OBJECTS = ("dobj", "ccomp", "attr", "oprd", "obj", "nsubjpass")
_ABOUT_PREPS = {"on", "about", "of", "regarding", "over", "to", "concerning"}
_POSSESSIVES = {"its", "their", "our"}


@dataclass
class About:
    """What a response is about, as written, and what that phrase names."""

    text: str | None = None
    answerable: bool = False         # names a figure, an event, a report, or refers back
    metrics: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    actor: str | None = None
    own: bool = False                # "its citizens", "their troops": the responder's side
    refers: bool = False             # "the reports", "the matter", "it": a statement before


def _is_date(t: Token) -> bool:
    """A date phrase inside what is answered ("... on Wednesday"): not part of it."""
    x = t
    while x.dep_ != "prep" and x.head.i != x.i and x.ent_type_ in ("DATE", "TIME"):
        x = x.head
    return x.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in x.children) \
        or t.ent_type_ in ("DATE", "TIME") and t.dep_ in ("npadvmod", "pobj")


def _cue_tokens(sdoc: Doc, head: Token, cue: CueMatch) -> list[Token]:
    span = sdoc.char_span(cue.start, cue.end, alignment_mode="expand")
    toks = list(span) if span is not None else [head]
    extra = [c for t in toks for c in t.children if c.dep_ in ("xcomp", "conj", "acomp")]
    return toks + [t for t in extra if t not in toks]


def _object(sdoc: Doc, head: Token, cue: CueMatch) -> list[Token]:
    """The tokens of what the cue words take as object, or the words that follow them."""
    toks = _cue_tokens(sdoc, head, cue)
    inside = {t.i for t in toks}
    for t in toks:  # the cue names its object: "rejected the claims"
        if t.i != head.i and t.dep_ in _OBJECTS and t.pos_ in ("NOUN", "PROPN"):
            return [x for x in t.subtree if not _is_date(x)]
    for t in toks:
        for c in t.children:
            if c.i not in inside and c.dep_ in _OBJECTS and c.i > t.i:
                return [x for x in c.subtree if not (x.dep_ == "mark" and x.head.i == c.i)]
    for t in toks:
        for c in t.children:
            if c.i not in inside and c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS:
                objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp")
                        and p.ent_type_ not in ("DATE", "TIME")]
                if objs:
                    return list(objs[0].subtree)
    # the parse found none: the words after the cue, to the end of the clause
    out: list[Token] = []
    last = max(inside)
    for x in sdoc[last + 1:]:
        if x.is_punct or x.dep_ == "cc" or (x.pos_ == "VERB" and out):
            break
        out.append(x)
    return out if any(x.pos_ in ("NOUN", "PROPN", "PRON") for x in out) else []


def read_about(sdoc: Doc, head: Token, cue: CueMatch, lex: Lexicon,
               rlex: ResponseLexicon) -> About:
    """What the response whose cue is ``cue`` (carried by ``head``) is about."""
    toks = _object(sdoc, head, cue)
    if not toks:
        return About()
    start, end = min(t.i for t in toks), max(t.i for t in toks) + 1
    span = sdoc[start:end]
    text = _clean(span.text)
    if text.lower().startswith("that "):
        text = text[5:]
    about = About(text=text or None)
    strong: set[str] = set()
    weak: set[str] = set()
    for t in span:
        low, lemma = t.lower_, t.lemma_.lower()
        metric = rlex.metric_words.get(low) or rlex.metric_words.get(lemma)
        if metric is None and t.pos_ == "NOUN":
            metric = lex.metric_nouns.get(lemma) or lex.metric_nouns.get(low)
        if metric is None and t.pos_ in ("VERB", "ADJ"):
            metric = lex.metric_verbs.get(lemma) or lex.metric_adjectives.get(low)
        if metric is not None:
            (weak if low in rlex.weak or lemma in rlex.weak else strong).add(metric)
        if low in rlex.events or lemma in rlex.events:
            about.events.add(lemma)
        if low in _POSSESSIVES:
            about.own = True
        if low in rlex.referring or lemma in rlex.referring or \
                (low in rlex.pronouns and t.i == start):
            about.refers = True
        if t.like_num or metric is not None or low in rlex.events or about.refers:
            about.answerable = True
    about.metrics = strong or weak
    for ent in span.ents:
        if ent.label_ in ("NORP", "GPE", "ORG"):
            about.actor = actor_for(ent.text)
            if about.actor:
                break
    if about.actor is None:
        for t in span:
            if t.text[:1].isupper() and t.i > start and (found := actor_for(t.text)):
                about.actor = found
                break
    return about


def _sentence_of(starts: Sequence[int], pos: int) -> int:
    return bisect_right(starts, pos) - 1


def _same_figure(a: Claim, b: Claim) -> bool:
    return (a.metric, a.value, a.low, a.high) == (b.metric, b.value, b.low, b.high)


def _source(c: Claim) -> str:
    names = c.origin or c.speaker
    return canonical_source(names[0]) if names else ""


def _mentions(quote: str, events: set[str]) -> bool:
    low = quote.lower()
    return any(re.search(rf"\b{re.escape(ev[:max(4, len(ev) - 1)])}", low) for ev in events)


def answered_claims(claims: Sequence[Claim], bounds: Sequence[tuple[int, int]], k: int,
                    about: About, kind: str, responder: Sequence[str],
                    rlex: ResponseLexicon) -> list[int] | None:
    """Indexes of the claims a response of sentence ``k`` answers; None when the response
    is a confirmation that only states its own figure (a claim, not an answer)."""
    s, e = bounds[k]
    starts = [b[0] for b in bounds]
    same = [i for i, c in enumerate(claims) if s <= c.start < e]
    prior = [i for i, c in enumerate(claims) if c.start < s]
    if not prior:  # a headline or lead answers the figures reported after it
        prior = [i for i, c in enumerate(claims)
                 if c.start >= e and _sentence_of(starts, c.start) - k <= rlex.reply_window]
    if same:
        echoed = [i for i in prior if any(_same_figure(claims[i], claims[j]) and
                                          _source(claims[i]) != _source(claims[j])
                                          for j in same)]
        if kind == "confirmed":
            return echoed or None
        return sorted(set(echoed) | set(same))
    actor = about.actor
    if actor is None and about.own:
        actor = next((a for a in map(actor_for, responder) if a), None)
    chosen: list[int]
    if about.metrics:
        wanted = set(about.metrics).union(*(rlex.covers.get(m, ()) for m in about.metrics))
        chosen = [i for i in prior if claims[i].metric in wanted]
        if actor is not None:
            chosen = [i for i in chosen if claims[i].actor == actor] or chosen
    elif about.events:
        chosen = [i for i in prior if _mentions(claims[i].quote, about.events)]
    elif actor is not None:
        chosen = [i for i in prior if claims[i].actor == actor]
    else:
        chosen = []
    if not chosen and not about.metrics and (about.refers or kind in ("no_comment", "neither")):
        # the statement it replies to: the nearest figures before it
        near = [i for i in prior if k - _sentence_of(starts, claims[i].start) <= rlex.reply_window]
        chosen = near
    if kind == "confirmed":
        # a confirmation answers what another source reported, not its own figures
        mine = canonical_source(responder[0]) if responder else ""
        chosen = [i for i in chosen if _source(claims[i]) != mine]
        if not chosen:
            return None
    if not chosen:
        return []
    nearest = min(abs(_sentence_of(starts, claims[i].start) - k) for i in chosen)
    return [i for i in chosen if abs(_sentence_of(starts, claims[i].start) - k) == nearest]
