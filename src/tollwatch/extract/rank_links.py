"""A ranked officer and the armed forces they speak for (rules in ``data/rank_links.yaml``;
dates only).

"Brigadier Ann Roe told reporters on Sunday ..." and "The Zorvian Defence Forces say they
have killed 20 rebels": the officer's title is a rank, which names no body, so neither the
name rules of ``source_dates`` nor the titles of ``body_parts`` join the two. When the
story's statements come from one armed force only (every source whose name ends in one of
``forces`` is that body under some name) and the officer's names hold nothing but a rank
and a proper name, the officer speaks for that force: the force's first name is tied to
the officer (``Source.date_links``), so the two share the day either was dated with
(``source_dates.share_dates``, which takes a day only when the linked sources agree).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tollwatch.extract.datafile import read_mapping, word_list
from tollwatch.extract.sources import Source

__all__ = ["RankRules", "force_name", "is_force", "is_ranked_officer", "load_rank_rules",
           "tie_ranks"]

Forms = Callable[[str], tuple[str, ...]]
Same = Callable[[Source, Source], bool]


@dataclass(frozen=True)
class RankRules:
    """The words of ``data/rank_links.yaml``."""

    ranks: tuple[tuple[str, ...], ...] = ()  # longest first, as words
    forces: tuple[str, ...] = ()
    not_forces: frozenset[str] = frozenset()


@lru_cache(maxsize=8)
def load_rank_rules(path: str | None = None) -> RankRules:
    """The rules of ``path`` (None: the built-in ``rank_links.yaml``)."""
    data, where = read_mapping("rank_links.yaml", path, "rank link rules", "are")
    ranks = {tuple(r.split()) for r in word_list(data.get("ranks"), "ranks", where)}
    return RankRules(
        ranks=tuple(sorted(ranks, key=len, reverse=True)),
        forces=word_list(data.get("forces"), "forces", where),
        not_forces=frozenset(word_list(data.get("not_forces"), "not_forces", where)))


_SPLIT = re.compile(r"[\s.\-–]+")
_ARTICLES = ("the", "a", "an")


def _words(name: str) -> list[str]:
    """The words of ``name`` as written, dots and hyphens read as spaces, a leading article
    dropped."""
    words = [w for w in _SPLIT.split(name.strip()) if w]
    if words and words[0].lower() in _ARTICLES:
        words = words[1:]
    return words


def _rank_length(words: list[str], rules: RankRules) -> int:
    """How many of ``words`` open with a rank (0: none)."""
    low = [w.lower() for w in words]
    for rank in rules.ranks:
        if tuple(low[:len(rank)]) == rank:
            return len(rank)
    return 0


def _proper(words: list[str]) -> bool:
    return bool(words) and all(w[:1].isupper() for w in words)


def is_ranked_officer(src: Source, rules: RankRules | None = None) -> bool:
    """True when ``src`` is named by a rank and a proper name ("Brigadier Ann Roe", "Lt.
    Col. Roe") and by nothing else than proper names ("Roe", "Ann Roe"): no body, no office
    of its own."""
    rules = rules or load_rank_rules()
    ranked = False
    for name in src.names:
        if "," in name or "'" in name or "’" in name:
            return False  # "Colonel Ann Roe, the rebels' commander"
        words = _words(name)
        n = _rank_length(words, rules)
        if n:
            ranked = True
        if not _proper(words[n:]):
            return False
    return ranked


def is_force(src: Source, forms: Forms, rules: RankRules | None = None) -> bool:
    """True when a name of ``src`` (folded by ``forms``) ends in the name of an armed force
    and none of its names holds a word of ``not_forces`` ("rebel forces", "the police")."""
    rules = rules or load_rank_rules()
    folded = [f for n in src.names for f in forms(n) if f]
    if any(w in rules.not_forces for f in folded for w in f.split()):
        return False
    return any(f == head or f.endswith(" " + head) for f in folded for head in rules.forces)


def force_name(sources: list[Source], forms: Forms, same: Same,
               rules: RankRules | None = None) -> str | None:
    """The first name of the one armed force among ``sources`` (the forces named so are one
    body under several names, ``same``), or None when there is none or more than one."""
    rules = rules or load_rank_rules()
    forces = [s for s in sources if not s.person and is_force(s, forms, rules)]
    if not forces or not all(same(forces[0], f) for f in forces[1:]):
        return None
    stated = [f for f in forces if not f.noted]
    return stated[0].names[0] if stated else None


_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w])")


def _numbers_near(sentences: list[str], src: Source) -> set[str]:
    """The figures written in digits in the sentences that name ``src`` by one of its
    names, words whole."""
    names = [n for n in src.names if len(n) >= 3]
    out: set[str] = set()
    for sentence in sentences:
        if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", sentence) for n in names):
            out |= set(_NUMBER.findall(sentence))
    return out


def tie_ranks(sources: list[Source], sentences: list[str], forms: Forms, same: Same,
              rules: RankRules | None = None) -> list[Source]:
    """Tie each ranked officer of ``sources`` who made a statement to the story's one armed
    force, for dates, when a sentence naming the officer gives a figure (in digits) that a
    sentence naming the force gives too: the officer is telling the force's statement
    ("The Zorvian Defence Forces say they have killed 20 rebels" ... "'We have confirmed
    20,' Brigadier Ann Roe told reporters on Sunday"); the officers so tied."""
    rules = rules or load_rank_rules()
    officers = [s for s in sources if not s.noted and is_ranked_officer(s, rules)]
    if not officers:
        return []
    forces = [s for s in sources if not s.person and is_force(s, forms, rules)]
    name = force_name(sources, forms, same, rules)
    if name is None:
        return []
    figures: set[str] = set()
    for force in forces:
        figures |= _numbers_near(sentences, force)
    out: list[Source] = []
    for officer in officers:
        if name not in officer.date_links and figures & _numbers_near(sentences, officer):
            officer.date_links.append(name)
            out.append(officer)
    return out
