"""Whether the people a figure counts are civilians, from the words beside the figure when its
own noun phrase names no kind of people.

- The predicate of the number: "3,300 of those killed were civilians", "nine were soldiers".
- The group the parts are taken from, opening the sentence: "Of the civilian victims, 16
  were Kenyan and one was British", "Among the soldiers killed, 12 ...".
- The group a count noun before it names: "the number of soldiers killed rose to 36"
  (``count_nouns`` of actor_context.yaml).

The kinds of people are the lexicon's (``people.civilian``, ``people.armed``).
"""

from __future__ import annotations

import re

from tollwatch.extract.actor_context import load_actor_cues
from tollwatch.extract.counted import singular
from tollwatch.extract.lexicon import Lexicon

__all__ = ["civilian_beside"]

_PREDICATE = re.compile(r"^\s+(?:of\s+(?:whom|them|those|these)(?:\s+[a-z]+)?\s+)?"
                        r"(?:were|was|are|is)\s+(?:all\s+|both\s+|mostly\s+|also\s+)?"
                        r"([a-z-]+)")
_PART_OF = re.compile(r"^\W*(?:of|among|amongst)\s+(?:the\s+|those\s+)?([a-z][a-z -]{2,60}?)\s*,",
                      re.IGNORECASE)


def _kind(words: list[str], lex: Lexicon) -> bool | None:
    folded = [singular(w) for w in words]
    if any(w in lex.civilian or s in lex.civilian for w, s in zip(words, folded)):
        return True
    if any(w in lex.armed or s in lex.armed for w, s in zip(words, folded)):
        return False
    return None


def civilian_beside(before: str, after: str, lex: Lexicon) -> bool | None:
    """True or False when the words right after the figure (``after``) or the part-of
    phrase opening its sentence (``before``, the sentence up to the figure) say what kind of
    people it counts, else None."""
    m = _PREDICATE.match(after)
    if m is not None:
        found = _kind([m.group(1).lower()], lex)
        if found is not None:
            return found
    m = _PART_OF.match(before)
    if m is not None:
        return _kind(m.group(1).lower().split(), lex)
    found = None
    for m in load_actor_cues().count_of_group.finditer(before):
        found = _kind(m.group(1).lower().split()[:4], lex)  # the last one before the figure
    return found
