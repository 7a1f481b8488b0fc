"""Name normalisation for actors and sources, behind a pluggable canonicaliser.

The store keeps every name exactly as written (an alias) and groups aliases under a
normalised key. ``fold`` is the built-in key: Unicode-normalised, case-folded,
whitespace collapsed, a leading "the" and surrounding punctuation removed. A better
canonicaliser (one mapping "IDF" and "Israeli military" together) can be passed to
``Store.open(canonicalise=...)`` and applied to stored names with ``Store.renormalise``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["ACTOR", "MAX_NAME", "SOURCE", "Canonicaliser", "fold"]

#: (name, kind) -> normalised key; kind is ACTOR or SOURCE.
Canonicaliser = Callable[[str, str], str]

ACTOR = "actor"
SOURCE = "source"
MAX_NAME = 512

_SPACE = re.compile(r"\s+")
_THE = re.compile(r"^the\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)


def fold(name: str, kind: str = ACTOR) -> str:
    """The default key: 'The  Health Ministry.' and 'health ministry' both give
    'health ministry'."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = _SPACE.sub(" ", s).strip()
    s = _EDGE.sub("", s)
    s = _EDGE.sub("", _THE.sub("", s))  # "the 'x'": the quote left after "the" goes too
    return s[:MAX_NAME]
