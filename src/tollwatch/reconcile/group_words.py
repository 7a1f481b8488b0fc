"""The words of the counted-group vocabulary (:mod:`tollwatch.reconcile.groups`): text
folded to singular words, phrase tables matched longest first, and the clause of a quote
around a figure."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

__all__ = ["MAX_PHRASE", "Hit", "Phrases", "clause", "figure_at", "join_names",
           "number_spans", "surface_forms", "words"]

_IRREGULAR: Final[dict[str, str]] = {
    "children": "child", "women": "woman", "men": "man", "people": "people",
    "persons": "person", "police": "police", "remains": "remains", "lives": "life",
    "wives": "wife", "series": "series", "species": "species", "news": "news",
    "alive": "alive", "missing": "missing", "thousands": "thousands",
    "hundreds": "hundreds", "dozens": "dozens", "others": "other", "crisis": "crisis",
}
_STOP: Final = frozenset({"the", "a", "an", "their", "its", "his", "her", "our", "these"})

_APOSTROPHE = re.compile(r"[\u2019']s\b")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_TOKEN = re.compile(r"[0-9a-z]+")
MAX_PHRASE = 6


_SINGULAR: dict[str, str] = {}


def _singular(word: str) -> str:
    w = _SINGULAR.get(word)
    if w is not None:
        return w
    w = _singular_of(word)
    if len(_SINGULAR) < 200_000:  # words are few; the bound only guards odd input
        _SINGULAR[word] = w
    return w


def _singular_of(word: str) -> str:
    w = _IRREGULAR.get(word)
    if w is not None:
        return w
    n = len(word)
    if n > 4 and word.endswith("men"):
        return word[:-3] + "man"
    if n > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if n > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def surface_forms(word: str) -> set[str]:
    """Every lower-case word :func:`words` folds to ``word`` (a singular): the word, its
    plurals and irregular forms."""
    forms = {word, word + "s", word + "es"}
    forms.update(k for k, v in _IRREGULAR.items() if v == word)
    if word.endswith("man"):
        forms.add(word[:-3] + "men")
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return {f for f in forms if f == word or _singular_of(f) == word}


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """``text`` as folded singular words: lower case, no accents, no punctuation, no
    articles ("The hostages' families" -> ("hostage", "family"))."""
    t = text.lower()
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    t = _NON_WORD.sub(" ", _APOSTROPHE.sub("", t))
    return tuple(_singular(w) for w in t.split() if w not in _STOP)



@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    name: str

    @property
    def size(self) -> int:
        return self.end - self.start


class Phrases:
    """Phrases (as word tuples) to canonical names, matched longest first."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, ...], str] = {}
        self.longest: dict[str, int] = {}  # first word -> its longest phrase's length
        self._index: dict[str, list[tuple[frozenset[str], ...]]] = {}
        self._index_size = 0

    def add(self, phrase: str, name: str) -> None:
        key = words(phrase)
        if key and len(key) <= MAX_PHRASE:
            self.table[key] = name
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def may_occur(self, text: str) -> bool:
        """False only when no phrase can be in ``text`` (lower case): for no phrase does
        every word occur in it under one of its surface forms (plurals, irregulars). A
        cheap test before folding a sentence; True for text with accents."""
        if not text.isascii():
            return True
        if self._index_size != len(self.table):
            index: dict[str, list[tuple[frozenset[str], ...]]] = {}
            for key in self.table:
                needs = tuple(frozenset(surface_forms(w)) for w in key)
                for form in needs[max(range(len(key)), key=lambda i: len(key[i]))]:
                    index.setdefault(form, []).append(needs)
            self._index, self._index_size = index, len(self.table)
        tokens = set(_TOKEN.findall(text))
        for form in tokens.intersection(self._index):
            for needs in self._index[form]:
                if all(not forms.isdisjoint(tokens) for forms in needs):
                    return True
        return False

    def find(self, ws: Sequence[str]) -> list[Hit]:
        """Every non-overlapping match, left to right, the longest at each position."""
        out: list[Hit] = []
        i, n = 0, len(ws)
        table = self.table
        longest = self.longest
        while i < n:
            most = longest.get(ws[i], 0)
            if not most:  # no phrase starts with this word
                i += 1
                continue
            for size in range(min(most, n - i), 0, -1):
                name = table.get(tuple(ws[i:i + size]))
                if name is not None:
                    out.append(Hit(i, i + size, name))
                    i += size
                    break
            else:
                i += 1
        return out



_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_CLAUSE_END = re.compile(r"[;.!?]\s|\bwhile\b|\bwhereas\b|\bbut\b")


def number_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NUMBER.finditer(text)]


def figure_at(text: str, spans: list[tuple[int, int]],
               numbers: Sequence[int | None]) -> int | None:
    wanted = {n for n in numbers if n is not None}
    if not wanted:
        return None
    for i, (s, e) in enumerate(spans):
        raw = text[s:e].replace(",", "")
        if raw.isdigit() and int(raw) in wanted:
            return i
    return None


def clause(text: str) -> str:
    m = _CLAUSE_END.search(text)
    return text[:m.start()] if m else text


def join_names(hits: list[Hit]) -> str:
    return " and ".join(dict.fromkeys(h.name for h in hits))


