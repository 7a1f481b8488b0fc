"""Text folding for name comparison: quotes, spaces, accents, case, possessives.

    >>> fold("Al-Shabaab's")
    "al shabaab's"
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "exact_key",
    "fold",
    "plural_forms",
    "romanise",
    "strip_article",
    "strip_possessive",
    "strip_the",
    "tidy",
]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"'})
_DASHES = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014\u2212_/]+")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n\r.,;:!?\"*"
_POSSESSIVE = re.compile(r"(?:(?<=\w)'s|(?<=s)')$", re.IGNORECASE)
_CACHE_LIMIT = 200_000


@lru_cache(maxsize=_CACHE_LIMIT)
def _strip_accents(text: str) -> str:
    if text.isascii():
        return text  # nothing to decompose (most English text: no per-character pass)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=_CACHE_LIMIT)
def _tidy(text: str) -> str:
    """Normalise quotes and spaces and trim edge punctuation, keeping case."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    t = _SPACES.sub(" ", t).strip(_EDGE_PUNCT)
    # brackets only come off the edges when unbalanced: "(NIS" -> "NIS", "X (Y)" stays
    while t and t[-1] in ")]}" and t.count(t[-1]) > t.count({")": "(", "]": "[", "}": "{"}[t[-1]]):
        t = t[:-1].strip(_EDGE_PUNCT)
    while t and t[0] in "([{" and t.count(t[0]) > t.count({"(": ")", "[": "]", "{": "}"}[t[0]]):
        t = t[1:].strip(_EDGE_PUNCT)
    return t


@lru_cache(maxsize=_CACHE_LIMIT)
def fold(text: str) -> str:
    """The comparison form of a name: lower case, no accents, hyphens as spaces, no dots.

    >>> fold("Al-Shabaab's")
    "al shabaab's"
    """
    t = _strip_accents(_tidy(text)).lower()
    t = t.replace(".", "")
    t = _DASHES.sub(" ", t)
    return _SPACES.sub(" ", t).strip(_EDGE_PUNCT)


@lru_cache(maxsize=_CACHE_LIMIT)
def _exact_key(text: str) -> str:
    """The case-keeping form used for short abbreviations ("U.S." -> "US")."""
    t = _strip_accents(_tidy(text)).replace(".", "")
    t = _DASHES.sub(" ", t)
    return _SPACES.sub(" ", t).strip(_EDGE_PUNCT)


@lru_cache(maxsize=_CACHE_LIMIT)
def _strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text).rstrip()


def _strip_article(folded: str) -> str:
    for article in ("the ", "a ", "an "):
        if folded.startswith(article):
            return folded[len(article):]
    return folded


def _plural_forms(folded: str) -> list[str]:
    out: list[str] = []
    if folded.endswith("ies") and len(folded) > 4:
        out.append(folded[:-3] + "y")
    if folded.endswith("es") and len(folded) > 3:
        out.append(folded[:-2])
    if folded.endswith("s") and len(folded) > 2:
        out.append(folded[:-1])
    return out



def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


_ROMAN_RULES: tuple[tuple[str, str], ...] = (
    ("eo", "o"), ("eu", "u"), ("ou", "u"), ("oo", "u"), ("ae", "e"), ("ui", "i"),
    ("kh", "k"), ("zh", "z"), ("yy", "y"), ("iy", "i"), ("yi", "i"), ("ck", "k"),
    ("w", ""), ("h", ""), ("y", "i"), ("j", "y"), ("u", "o"),
)


def _romanise(token: str) -> str:
    t = re.sub(r"[^a-z]", "", token)
    for a, b in _ROMAN_RULES:
        t = t.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", t)




# public names for the other name modules
tidy = _tidy
exact_key = _exact_key
strip_possessive = _strip_possessive
strip_article = _strip_article
plural_forms = _plural_forms
strip_the = _strip_the
romanise = _romanise
