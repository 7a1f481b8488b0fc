"""References to a source named before that the memory's plain rules miss.

- A possessive before a report noun: "according to its new figures", "their latest tally"
  (the body that "its" stands for).
- A report named again with a word that only points back: "the same report", "the latest
  statement", "the new figures" (the source that last made a statement).
- The message a source posted, named by its kind: "..., the post reads", "the letter says"
  (the source that last made a statement).

The pointing words and report nouns are data (``references`` in provenance.yaml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tollwatch.extract.provenance import load_provenance

if TYPE_CHECKING:
    from tollwatch.extract.source_memory import SourceMemory
    from tollwatch.extract.sources import Source

__all__ = ["resolve_more"]

_POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she"}


def resolve_more(memory: SourceMemory, text: str) -> Source | None:
    """The earlier source ``text`` refers to by these forms, or None."""
    rules = load_provenance()
    words = text.lower().split()
    if len(words) == 2 and words[0] in ("the", "this", "that") and \
            words[1] in rules.message_nouns:
        stated = [s for s in memory.sources if not s.noted]
        return stated[-1] if stated else None
    if len(words) < 2 or words[-1] not in rules.report_nouns:
        return None
    middle = words[1:-1]
    if not all(w in rules.pointing_words for w in middle):
        return None
    if words[0] in _POSSESSIVES:
        return memory.resolve(_POSSESSIVES[words[0]], None)
    if words[0] in ("the", "this", "that", "these") and (middle or words[0] != "the"):
        stated = [s for s in memory.sources if not s.noted]
        return stated[-1] if stated else None
    return None
