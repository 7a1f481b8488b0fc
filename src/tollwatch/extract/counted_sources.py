"""A reporting verb's subject that counts its speakers: "Two officials said ...".

The attribution stage refuses a counted subject as a source ("eight others wounded ...,
officials confirm": the parser may make the counted group a subject of the verb). A small
count of speakers ("two officials", "three security sources", "two witnesses told the
agency") is the usual way news names anonymous sources, and they are the source. The head
nouns and the largest count are data (``counted_sources.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.errors import ConfigError
from tollwatch.extract.attribution_verbs import attribution_verbs
from tollwatch.extract.datafile import read_mapping, word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tollwatch.extract.lexicon import Lexicon

__all__ = ["CountedSources", "counted_speakers", "load_counted_sources", "one_of_speakers",
           "speakers_of_verb"]

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "a couple of": 2}


@dataclass(frozen=True)
class CountedSources:
    enabled: bool
    max_count: int
    heads: frozenset[str]


@lru_cache(maxsize=4)
def load_counted_sources(path: str | None = None) -> CountedSources:
    """The rules of ``counted_sources.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("counted_sources.yaml", path, "counted-source rules", "are")
    on, most = data.get("enabled", True), data.get("max_count", 10)
    if not isinstance(on, bool) or not isinstance(most, int) or isinstance(most, bool):
        raise ConfigError("enabled must be true or false, max_count a number", source=where)
    return CountedSources(enabled=on, max_count=most,
                          heads=frozenset(word_list(data.get("heads"), "heads", where)))


def _count(tok: Token) -> int | None:
    low = tok.lower_
    if low.isdigit():
        return int(low)
    return _WORDS.get(low)


def counted_speakers(subj: Token, rules: CountedSources | None = None) -> bool:
    """True when the subject ``subj`` is a few counted speakers ("two officials", "three
    security sources"): its head is a speaker noun and its only number modifies that head
    directly and is at most ``max_count``."""
    rules = rules or load_counted_sources()
    if not rules.enabled or subj.lemma_.lower() not in rules.heads:
        return False
    nums = [t for t in subj.subtree if t.i <= subj.i and t.like_num]
    if len(nums) != 1 or nums[0].head.i != subj.i or nums[0].dep_ != "nummod":
        return False
    n = _count(nums[0])
    return n is not None and 2 <= n <= rules.max_count


def speakers_of_verb(doc: Doc, head: Token | None, lex: Lexicon) -> bool:
    """True when ``head`` (a counted noun) is a few speakers who are the subject of a
    reporting verb of ``doc`` ("..., two officials said"): their number is no claim."""
    if head is None or not counted_speakers(head):
        return False
    subj = head
    while subj.dep_ == "conj" and subj.head.i != subj.i:
        subj = subj.head  # "a health worker and two residents told reporters"
    verbs = {v.i for v in attribution_verbs(doc, lex)}
    if head.right_edge.i + 1 in verbs:
        return True  # (however the parser hung them: "..., killing 26, two residents told")
    return subj.dep_ == "nsubj" and subj.head.i in verbs


def one_of_speakers(doc: Doc, root: Token, lex: Lexicon) -> bool:
    """True when the figure ``root`` is "one" of a group that is the subject of a reporting
    verb ("One of the rescued women ... told our correspondent"): the speaker, no count."""
    if root.lower_ != "one" or root.dep_ != "nsubj" or \
            not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return False
    return any(v.i == root.head.i for v in attribution_verbs(doc, lex))
