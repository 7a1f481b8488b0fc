"""Duplicate detection: exact copies by normalised-text hash, near copies by MinHash LSH.

An exact copy (the same words after Unicode and whitespace normalisation, ignoring case)
has the same ``content_hash``. A near copy (syndicated wire text under another headline,
a trimmed paragraph) has a MinHash signature over word 5-shingles whose estimated
Jaccard similarity with an earlier document reaches ``NEAR_THRESHOLD`` (0.5: different
reports of one event share far fewer 5-word runs than that; a copy that lost a third of
its paragraphs still shares more).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # datasketch (and numpy, scipy) load on first use: reading needs neither
    from datasketch import MinHash

__all__ = [
    "NEAR_THRESHOLD",
    "NUM_PERM",
    "NearDupIndex",
    "content_hash",
    "from_bytes",
    "normalise_text",
    "signature",
    "to_bytes",
]

NUM_PERM = 128
NEAR_THRESHOLD = 0.5
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFKC, case-folded, with every run of whitespace made one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(normalise_text(text))
    if len(words) <= SHINGLE:
        return [" ".join(words).encode("utf-8")]
    return list({" ".join(words[i:i + SHINGLE]).encode("utf-8")
                 for i in range(len(words) - SHINGLE + 1)})


_SCHEME = "affine32"


@cache
def _permutations() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations


def signature(text: str) -> MinHash:
    """The MinHash of ``text``'s word 5-shingles."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme=_SCHEME)
    m.update_batch(_shingles(text))
    return m


def to_bytes(m: MinHash) -> bytes:
    """A signature as bytes, for the store."""
    import numpy as np

    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """A signature back from ``to_bytes``."""
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64),
                   permutations=_permutations(), scheme=_SCHEME)


class NearDupIndex:
    """In-memory LSH over the stored documents' signatures, keyed by document row id."""

    def __init__(self, threshold: float = NEAR_THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[int, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def load(self, rows: Iterable[tuple[int, bytes]]) -> None:
        with self._lsh.insertion_session() as session:
            for key, data in rows:
                m = from_bytes(data)
                self._sigs[key] = m
                session.insert(key, m, check_duplication=False)

    def add(self, key: int, m: MinHash) -> None:
        if key not in self._sigs:
            self._sigs[key] = m
            self._lsh.insert(key, m, check_duplication=False)

    def best_match(self, m: MinHash) -> tuple[int, float] | None:
        """The most similar indexed document at or over the threshold (lowest id on ties)."""
        best: tuple[int, float] | None = None
        for key in sorted(self._lsh.query(m)):
            sim = float(m.jaccard(self._sigs[key]))
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (key, sim)
        return best
