"""The side of a figure named outside its counted noun phrase.

When the counted people carry no country or group ("2,870 deaths", "6,000 soldiers"), the
sentence often names the side elsewhere:

- beside a metric noun: "Russian casualties have passed 1 million", "On the Ukrainian side,
  there were 2,870 deaths", "Ukrainian losses were about 15,000 killed";
- as the subject of a verb of loss: "the Indian Army lost 20 soldiers", "Wagner fighters
  suffered 20,000 killed", or the object of "cost": "the war cost Russia 300,000 dead";
- through a possessive: "23 of its troops", "Russia reported its military casualties ...
  6,000 soldiers" (the side is the last one named before the possessive, else the source);
- as the whole the figure is part of: "Among them, 12 generals", "4,000 of the total deaths
  were officers" (the side of the figure before).

The cue words are data (``tollwatch/data/actor_context.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tollwatch.extract.actors import actor_for, actor_in
from tollwatch.extract.back_tallies import tally_refers_back
from tollwatch.extract.datafile import read_mapping
from tollwatch.extract.doc_cache import span_text, text_of
from tollwatch.reconcile import names as _names

__all__ = ["ActorCues", "actor_from_context", "load_actor_cues", "part_of_before",
           "predicate_side", "side_of_metric"]


@dataclass(frozen=True)
class ActorCues:
    """The cue words of ``actor_context.yaml``, compiled."""

    metric_pair: re.Pattern[str]
    count_of: re.Pattern[str]
    loss_verbs: frozenset[str]
    cost_verbs: frozenset[str]
    possessed: frozenset[str]
    possessives: frozenset[str]
    enemy_heads: frozenset[str]
    part_before: re.Pattern[str]
    part_after: re.Pattern[str]
    # "the number of X": the group a count noun's "of" phrase names, any case
    count_of_group: re.Pattern[str] = re.compile(r"(?!x)x")


def _words(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    return [str(v).strip().lower() for v in value if str(v).strip()]


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def load_actor_cues(path: str | None = None) -> ActorCues:
    """The cues in the built-in ``actor_context.yaml`` (or the file at ``path``)."""
    data, _ = read_mapping("actor_context.yaml", path, "actor context cues", "are")
    nouns = _alternatives(_words(data, "metric_nouns")) or r"(?!x)x"
    fillers = _alternatives(_words(data, "metric_fillers"))
    filler = rf"(?:(?i:{fillers})\s+)?" if fillers else ""
    # up to three capitalised words, then (a filler and) a metric noun
    pair = re.compile(
        rf"((?:[A-Z][\w'’.-]*\s+){{1,3}}){filler}(?i:{nouns})\b")
    counts = _alternatives(_words(data, "count_nouns")) or r"(?!x)x"
    count_of = re.compile(rf"\b(?i:{counts})\s+of\s+(?:the\s+)?"
                          r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)")
    before = _alternatives(_words(data, "part_before")) or r"(?!x)x"
    after = _alternatives(_words(data, "part_after")) or r"(?!x)x"
    return ActorCues(
        metric_pair=pair,
        count_of=count_of,
        loss_verbs=frozenset(_words(data, "loss_verbs")),
        cost_verbs=frozenset(_words(data, "cost_verbs")),
        possessed=frozenset(_words(data, "possessed_nouns")),
        possessives=frozenset(_words(data, "possessives")),
        enemy_heads=frozenset(_words(data, "enemy_heads")),
        part_before=re.compile(rf"\b(?:{before})\s*[,:]?\s*(?:were\s+|was\s+|are\s+)?$",
                               re.IGNORECASE),
        part_after=re.compile(rf"^\s*(?:{after})\b", re.IGNORECASE),
        count_of_group=re.compile(rf"\b(?:{counts})\s+of\s+(?:the\s+)?([a-z][a-z -]{{2,50}})",
                                  re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """Capital cities of ``actors.yaml``: a place, which alone names no side."""
    data, _ = read_mapping("actors.yaml", None, "actor table")
    out: set[str] = set()
    for row in (data.get("countries") or {}).values():
        if isinstance(row, dict):
            out.update(str(c).lower() for c in row.get("capitals") or [])
    return frozenset(out)


def _trailing_actor(words: str) -> str | None:
    """The actor the last one to three words name ("Ukraine Says Russian" -> Russia); a
    capital city names a place, not a side ("the Kabul death toll")."""
    toks = words.split()
    for n in range(min(3, len(toks)), 0, -1):
        phrase = " ".join(toks[-n:]).strip(".,;:'’")
        found = actor_for(phrase)
        if found is not None:
            place = re.sub(r"^the\s+", "", phrase.lower())
            return None if place in _capitals() else found
    return None


def side_of_metric(text: str, start: int, end: int, cues: ActorCues) -> str | None:
    """The side named before a metric noun of the sentence, nearest the number before it,
    else nearest after it."""
    before: tuple[int, str] | None = None
    after: tuple[int, str] | None = None
    for m in cues.metric_pair.finditer(text):
        found = _trailing_actor(m.group(1))
        if found is None or _joined(text, m.start(1), m.end(1)):
            continue
        if m.start() < start:
            before = (m.start(), found)
        elif after is None and m.start() >= end:
            after = (m.start(), found)
    if before is not None:
        return before[1]
    return after[1] if after is not None else None


def _subtree_text(tok: Any) -> str:
    return " ".join(t.text for t in tok.subtree)


def loser_of(sdoc: Any, token_i: int, cues: ActorCues) -> str | None:
    """The side that is the subject of the verb of loss governing the number ("the X army
    lost 20 soldiers"), or the indirect object of "cost"."""
    for a in sdoc[token_i].ancestors:
        lemma = a.lemma_.lower()
        if lemma in cues.loss_verbs:
            for c in a.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return actor_in(_subtree_text(c))
            return None
        if lemma in cues.cost_verbs:
            for c in a.children:
                if c.dep_ in ("dative", "iobj") or (c.dep_ == "dobj" and c.i < token_i
                                                     and c.pos_ == "PROPN"):
                    return actor_in(_subtree_text(c))
            return None
    return None


def _last_actor(text: str) -> str | None:
    found = _names.default_names().actors_in(text)
    return found[-1] if found else None


def possessor_of(sdoc: Any, token_i: int, head_lemma: str | None, sources: Sequence[str],
                 cues: ActorCues) -> str | None:
    """The side a possessive before the number refers to ("23 of its troops"): the last
    country or group named before it in the sentence, else the figure's source."""
    if head_lemma is not None and head_lemma in cues.enemy_heads:
        return None
    number = sdoc[token_i]
    ancestors = {a.i for a in number.ancestors}
    for tok in reversed(sdoc[:token_i + 3]):
        if tok.lower_ not in cues.possessives or tok.dep_ != "poss":
            continue
        owner = tok.head
        if owner.lemma_.lower() not in cues.possessed and owner.lower_ not in cues.possessed:
            continue
        if owner.dep_ in ("nsubj", "nsubjpass") and owner.head.i in ancestors and \
                owner.i < token_i and owner.i not in ancestors:
            continue  # "its troops killed 20": the possessor's people act on others
        found = _last_actor(span_text(sdoc, 0, tok.i)) if tok.i > 0 else None
        if found is None:
            for name in sources:
                found = actor_in(name)
                if found is not None:
                    break
        if found is not None:
            return found
    return None


_PREDICATE = re.compile(r"^\s+(?:of\s+(?:whom|them|those|these)\s+)?(?:were|was|are|is)\s+"
                        r"(?:all\s+|both\s+)?"
                        r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")


def predicate_side(text: str, end: int) -> str | None:
    """The nationality given as the predicate of the number ("of whom 6 were Belgian",
    "three were Kenyans", "four of whom were Malian")."""
    m = _PREDICATE.match(text[end:end + 60])
    return _leading_actor(m.group(1)) if m is not None else None


_AND_AFTER = re.compile(r"^\s*(?:and|or|&)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)")
_AND_BEFORE = re.compile(r"([A-Z][\w'’.-]*)\s*,?\s+(?:and|or|&)\s+$")


def _joined(text: str, start: int, end: int) -> bool:
    """True when the side named at ``text[start:end]`` is joined to another one ("Russian
    and Ukrainian soldiers"): people of two sides counted together have no one side."""
    after = _AND_AFTER.match(text[end:end + 40])
    if after is not None and _leading_actor(after.group(1)) is not None:
        return True
    before = _AND_BEFORE.search(text[max(0, start - 40):start])
    return before is not None and _leading_actor(before.group(1)) is not None


def count_of_side(text: str, start: int, cues: ActorCues) -> str | None:
    """The side named in the "of" phrase of a count noun before the number ("the number of
    Greek soldiers injured is now 18"), the last one before it."""
    found: str | None = None
    for m in cues.count_of.finditer(text[:start]):
        side = _leading_actor(m.group(1))
        if side is not None:
            found = None if _joined(text, m.start(1), m.end(1)) else side
    return found


def _leading_actor(words: str) -> str | None:
    """The actor the first one or two words name, unless they are a capital city."""
    toks = words.split()
    for n in range(len(toks), 0, -1):
        phrase = " ".join(toks[:n])
        found = actor_for(phrase)
        if found is not None:
            return None if phrase.lower() in _capitals() else found
    return None


def part_of_before(text: str, start: int, end: int, cues: ActorCues) -> bool:
    """True when the number is given as a part of a group counted before it ("Among them,
    12 ...", "4,000 of the total ...")."""
    return bool(cues.part_before.search(text[max(0, start - 40):start]) or
                cues.part_after.match(text[end:end + 40]))


def actor_from_context(sdoc: Any, token_i: int, start: int, end: int,
                       head_lemma: str | None, sources: Sequence[str],
                       prev_actor: str | None, cues: ActorCues | None = None) -> str | None:
    """The side of a figure whose counted noun phrase names none, from the rest of its
    sentence (``start``/``end``: the number's offsets in ``sdoc.text``; ``prev_actor``:
    the side of the figure before it in the document)."""
    cues = cues or load_actor_cues()
    text = text_of(sdoc)
    found = predicate_side(text, end)
    if found is not None:
        return found
    if prev_actor is not None and (part_of_before(text, start, end, cues) or
                                   (head_lemma is None and tally_refers_back(sdoc, token_i))):
        return prev_actor  # "4,000 of the total", "the true figure likely surpasses 9,000"
    found = loser_of(sdoc, token_i, cues)
    if found is None:
        found = possessor_of(sdoc, token_i, head_lemma, sources, cues)
    if found is None:
        found = side_of_metric(text, start, end, cues)
    if found is None:
        found = count_of_side(text, start, cues)
    return found
