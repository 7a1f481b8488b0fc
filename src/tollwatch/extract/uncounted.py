"""Numbers that count things: a cheap test, before the parse, that a candidate sentence
cannot yield a claim.

The extractor takes the noun right after a number as what it counts and drops a figure
whose noun is not a person ("four days after", "80 miles from", "16 rifles,"). When every
number of a sentence is followed directly by such a noun, ending its noun phrase, the
sentence yields no claim, and the planner (``extract/plan.py``) need not parse it for its
own sake. The nouns are data, in ``tollwatch/data/uncounted.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.extract.counted import AGENT_SUFFIX
from tollwatch.extract.datafile import read_mapping, word_list

__all__ = ["UncountedRules", "load_uncounted", "plurals"]

# the word after a number (a chunk up to the next space), its trailing punctuation apart,
# and the word after that
_NEXT = re.compile(r"\s+([a-z][a-z.'’-]*?)([,.;:!?)\"”’]*)(?=\s|$)(?:\s+([\w'’-]+))?")
_NOT_NOUNS = {"per"}  # a unit word that is no noun ("20 per day": the parse counts on)
_CLOSING = ",.;:!?)\"”’"  # punctuation that may close a word
_MODIFIER = re.compile(r"\s+[a-z][a-z'’-]*(?=\s)")  # one lower-case word, then a space


def plurals(noun: str) -> set[str]:
    """``noun`` and its plural forms by rule ("city": "cities"; "bus": "buses", "buss")."""
    out = {noun, noun + "s", noun + "es"}
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        out.add(noun[:-1] + "ies")
    return out


def _key(word: str) -> str:
    return word.rstrip(".")  # "p.m." and "p.m" alike


@dataclass(frozen=True)
class UncountedRules:
    """The nouns that count things, and the words that may end their noun phrase."""

    nouns: frozenset[str]
    phrase_ends: frozenset[str]
    # a word that may name people (set by ``without``): no modifier before a noun of things
    people: Callable[[str], bool] | None = None

    def without(self, counts_people: Callable[[str], bool],
                units: Iterable[str] = ()) -> UncountedRules:
        """These rules with the forms of ``units`` (the lexicon's ``units_not_people``,
        which the extractor never counts: "kilometers", "bn") and less the nouns
        ``counts_people`` accepts (the lexicon's people words) and the other agent nouns
        ("-ers", "-ists": people when a verb says so)."""
        unit_forms = {f for u in units if u.isalpha() and u not in _NOT_NOUNS
                      for f in plurals(u)}
        keep = frozenset(w for w in self.nouns | unit_forms if not counts_people(w) and (
            w in unit_forms or not AGENT_SUFFIX.search(w)))
        return UncountedRules(keep, self.phrase_ends, counts_people)

    def counts_things(self, sentence: str, end: int) -> bool:
        """The number ending at ``end`` of ``sentence`` is followed by a noun of things
        that ends its noun phrase ("four days after", "16 rifles,", "at 6 p.m.")."""
        m = _NEXT.match(sentence, end)
        if m is not None and _key(m.group(1)) not in self.nouns and not m.group(2) and \
                self.people is not None:
            m = self._after_modifiers(sentence, end)
        if m is None or _key(m.group(1)) not in self.nouns:
            return False
        if m.group(2) or m.group(3) is None:
            return True  # punctuation or the sentence's end closes the phrase
        return self._phrase_ends(sentence, m.start(3))

    def _after_modifiers(self, sentence: str, end: int) -> re.Match[str] | None:
        """The noun after one or two modifiers of the number's phrase that name no people
        ("two armored vehicles", "eight armoured forward vehicles"), or None."""
        at = end
        for _ in range(2):
            mod = _MODIFIER.match(sentence, at)
            word = mod.group(0).strip() if mod is not None else ""
            if mod is None or word in self.phrase_ends or self.people is None or \
                    self.people(word) or AGENT_SUFFIX.search(word):
                return None
            at = mod.end()
            m = _NEXT.match(sentence, at)
            if m is not None and _key(m.group(1)) in self.nouns:
                return m
        return None

    def _phrase_ends(self, sentence: str, at: int) -> bool:
        """The words from ``at`` up to the end of the noun phrase (a word of
        ``phrase_ends``, punctuation; at most the four words a modifier reaches over) name
        no people: the noun before them is what is counted, or a modifier of a noun that
        is not a person ("two school buses")."""
        for token in sentence[at:at + 80].split()[:4]:
            word = token.rstrip(_CLOSING)
            if not word[:1].isalnum():
                return True  # a quotation or a bracket opens
            if word in self.phrase_ends:
                return True
            if not word[:1].islower() or AGENT_SUFFIX.search(word) or (
                    self.people is None or self.people(word)):
                return False
            if word != token:
                return True  # punctuation ends the phrase
        return True

    def all_things(self, sentence: str, mentions: Iterable[Any]) -> bool:
        """Every one of ``mentions`` (at least one) counts things."""
        ends = [m.end for m in mentions]
        return bool(ends) and all(self.counts_things(sentence, e) for e in ends)


def _from_mapping(data: dict[str, Any], where: str) -> UncountedRules:
    nouns: set[str] = set()
    for w in word_list(data.get("thing_nouns"), "thing_nouns", where):
        nouns.update(plurals(w))
    nouns.update(word_list(data.get("plain_forms"), "plain_forms", where))
    ends = word_list(data.get("phrase_ends"), "phrase_ends", where)
    if not nouns:
        raise ConfigError("thing_nouns must list at least one noun", source=where)
    return UncountedRules(frozenset(_key(w) for w in nouns), frozenset(ends))


@lru_cache(maxsize=8)
def load_uncounted(path: str | None = None) -> UncountedRules:
    """The rules of ``path`` (None: the built-in ``uncounted.yaml``)."""
    data, where = read_mapping("uncounted.yaml", path, "uncounted-noun rules", "are")
    return _from_mapping(data, where)
