"""Figures that refer back and figures of name lists.

- A tally noun standing alone for the series counted before it: "the true figure likely
  surpasses 100,000", "the real number is higher, at about 9,000". Where nothing in the
  sentence gives a metric, the figure takes that of the document's figure before it (and its
  side, see actor_context.py).
- Lists of names count the dead: "the names of 1,190 soldiers have been added to the list of
  casualties" is killed, not casualties.

The nouns are data (``back_tallies`` and ``name_lists`` in ``tollwatch/data/lexicon.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

from tollwatch.extract.datafile import read_mapping
from tollwatch.extract.tally_parts import metric_before

__all__ = ["TallyCues", "by_name", "load_tally_cues", "of_tallies", "tally_of",
           "tally_refers_back"]

Pick = tuple[str, float, int]


@dataclass(frozen=True)
class TallyCues:
    tallies: frozenset[str]
    adjectives: frozenset[str]
    names: frozenset[str]
    lists: frozenset[str]


def _words(data: Any, key: str) -> frozenset[str]:
    items = data.get(key) if isinstance(data, dict) else None
    return frozenset(str(w).lower() for w in items or [])


@lru_cache(maxsize=1)
def load_tally_cues() -> TallyCues:
    """The ``back_tallies`` and ``name_lists`` sections of the built-in lexicon."""
    data, _ = read_mapping("lexicon.yaml", None, "lexicon")
    back = data.get("back_tallies") or {}
    names = data.get("name_lists") or {}
    return TallyCues(tallies=_words(back, "nouns"), adjectives=_words(back, "adjectives"),
                     names=_words(names, "names"),
                     lists=_words(names, "lists"))


def tally_refers_back(sdoc: Any, token_i: int, cues: TallyCues | None = None) -> bool:
    """The number at ``token_i`` is what a bare tally noun (the subject of its verb, with no
    "of" phrase naming a group) amounts to: "the true figure likely surpasses 100,000"."""
    cues = cues or load_tally_cues()
    tok = sdoc[token_i]
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "ccomp":
        # "estimated the true figure likely surpasses 9,000": the parser hangs the subject
        # on the verb above as its object
        subjects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
    for c in subjects:
        if c.lemma_.lower() not in cues.tallies:
            continue
        if c.i > token_i or any(g.dep_ == "prep" for g in c.children) or \
                any(g.like_num for g in c.subtree):
            return False
        # "the national total": a series of its own
        return not any(g.dep_ in ("amod", "compound", "nmod") and
                       g.lower_ not in cues.adjectives for g in c.children)  # (not "its")
    return False


def back_metric(doc: Doc, span: Span, pick: Pick | None, has_head: bool,
                last_metric: str | None, cues: TallyCues | None = None) -> Pick | None:
    """``pick``, or ``last_metric`` for a number with no counted noun and no metric that a
    bare tally noun amounts to."""
    if pick is not None or has_head or last_metric is None:
        return pick
    if tally_refers_back(doc, span.root.i, cues):
        return last_metric, 0.5, span.start
    return pick


def tally_of(sdoc: Any, token_i: int, cues: TallyCues | None = None) -> bool:
    """The number at ``token_i`` is the "of" object of a tally noun: "an earlier figure of at
    least 410", "a total of 900" (with no counted noun of its own)."""
    cues = cues or load_tally_cues()
    tok = sdoc[token_i]
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and prep.i != tok.i and \
        prep.head.lemma_.lower() in cues.tallies and prep.head.i < tok.i


def of_tallies(doc: Doc, items: list[tuple[Span, Any]], picks: list[Pick | None],
               cues: TallyCues | None = None) -> list[Pick | None]:
    """``picks``, with a tally's "of" figure that has no metric nor counted noun given the
    metric of the figure before it in the sentence ("60 were detained, on top of an earlier
    figure of 410 for the city"); not that of a sentence before ("Rebels killed 40. The army
    keeps a total of 12,000 there" counts no dead)."""
    return metric_before(items, picks, lambda span, head: head is None and
                         tally_of(doc, span.root.i, cues), None)


def by_name(doc: Doc, span: Span, pick: Pick | None, cues: TallyCues | None = None
            ) -> Pick | None:
    """``pick`` made killed when it counts casualties by name ("the names of 1,190
    soldiers", "added to the list of casualties")."""
    if pick is not None and pick[0] != "casualties":
        return pick
    cues = cues or load_tally_cues()
    i = span.start - 1
    while i > 0 and doc[i].pos_ in ("ADV", "ADJ") or (i > 0 and doc[i].lower_ in ("than",)):
        i -= 1  # "the names of more than 1,190"
    named = i > 0 and doc[i].lower_ == "of" and doc[i - 1].lemma_.lower() in cues.names
    if pick is None:
        # "the names of 800 soldiers were added to the list of the dead": no metric of its
        # own, a list of names of the dead
        return ("killed", 0.5, span.start) if named and _list_of_the_dead(span, cues) \
            else None
    trig = doc[pick[2]]
    listed = trig.dep_ == "pobj" and trig.head.lower_ == "of" and \
        trig.head.head.lemma_.lower() in cues.lists
    if named or listed:
        return "killed", pick[1], pick[2]
    return pick


def _list_of_the_dead(span: Span, cues: TallyCues) -> bool:
    """The sentence of ``span`` has a list noun of ``cues.lists`` whose "of" names a metric
    word ("the list of the dead", "the register of casualties")."""
    from tollwatch.extract.lexicon import load_lexicon

    lex = load_lexicon()
    for t in span.sent:
        if t.lemma_.lower() not in cues.lists:
            continue
        for prep in t.children:
            if prep.lower_ != "of":
                continue
            for obj in prep.children:
                w = obj.lemma_.lower()
                if obj.dep_ == "pobj" and (w in lex.metric_nouns or obj.lower_ in
                                           lex.metric_adjectives or w in lex.victim_nouns):
                    return True
    return False
