"""A document named again by another word for a document.

"A declassified intelligence report assessed that ... The assessment said ...": a bare
definite document noun ("the assessment", "the study") that names no source of its own head
is the most recent source that is itself a document ("a declassified intelligence report").
The nouns are data (``tollwatch/data/document_refs.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import read_mapping

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["DocumentRefs", "document_antecedent", "load_document_refs"]


@dataclass(frozen=True)
class DocumentRefs:
    determiners: frozenset[str]
    nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_document_refs() -> DocumentRefs:
    """The built-in ``document_refs.yaml``."""
    data, _ = read_mapping("document_refs.yaml", None, "document reference rules", "are")
    sec = data.get("document_refs") or {}
    return DocumentRefs(determiners=frozenset(str(w).lower() for w in sec.get("determiners")
                                              or []),
                        nouns=frozenset(str(w).lower() for w in sec.get("nouns") or []))


def document_antecedent(text: str, heads: Iterable[str],
                        rules: DocumentRefs | None = None) -> int | None:
    """The index (in ``heads``, the head nouns of the sources named so far, oldest first) of
    the document that ``text`` ("the assessment") names again; None when ``text`` is no bare
    definite document noun or no source named before is a document."""
    rules = rules or load_document_refs()
    words = text.lower().split()
    if len(words) != 2 or words[0] not in rules.determiners or words[1] not in rules.nouns:
        return None
    found = [i for i, h in enumerate(heads) if h.lower() in rules.nouns]
    return found[-1] if found else None
