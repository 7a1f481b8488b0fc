"""The figures of one list share their source, whatever the parser hung them on.

"A tabloid reported what it said was ministry data indicating 9,861 soldiers have been
killed and 16,153 injured": "16,153 injured" is the list's second figure, with its verb left
out; it is what the ministry's data indicate, as the first is, even when the parser hangs it
on the outer verb ("reported"). A figure after "and" (or "or", a comma) that the figure
before it in its sentence leads, with only a participle or adjective after it in its own
phrase and no reporting verb between the two, takes the attribution of the figure before it.
The joining words and the tags of the left-out verb are data
(``tollwatch/data/document_refs.yaml``, section ``list_sources``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import read_mapping

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

__all__ = ["ListRules", "in_same_list", "load_list_rules"]


@dataclass(frozen=True)
class ListRules:
    joiners: frozenset[str]
    skip: frozenset[str]
    elided_tags: frozenset[str]
    max_tokens: int


@lru_cache(maxsize=1)
def load_list_rules() -> ListRules:
    """The ``list_sources`` section of the built-in ``document_refs.yaml``."""
    data, _ = read_mapping("document_refs.yaml", None, "document reference rules", "are")
    sec = data.get("list_sources") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in sec.get(key) or [])

    return ListRules(joiners=words("joiners"), skip=words("skip"),
                     elided_tags=frozenset(str(w) for w in sec.get("elided_tags") or []),
                     max_tokens=int(sec.get("max_tokens", 0)))


def in_same_list(sdoc: Doc, prev_i: int, token_i: int, reporting: Iterable[int],
                 rules: ListRules | None = None) -> bool:
    """True when the figure at ``token_i`` is the next item of a list the figure at
    ``prev_i`` (before it, in sentence ``sdoc``) opens, with its verb left out ("killed
    and 16,153 injured"); ``reporting`` are the token indices of the sentence's reporting
    verbs."""
    rules = rules or load_list_rules()
    if not prev_i < token_i or token_i - prev_i > rules.max_tokens:
        return False
    if any(prev_i < v < token_i for v in reporting):
        return False  # "X said 5 died and Y said 3 were hurt": two statements
    j = token_i - 1
    while j > prev_i and sdoc[j].lower_ in rules.skip:
        j -= 1  # "and another 16,153", "and about 16,000"
    if j <= prev_i or sdoc[j].lower_ not in rules.joiners:
        return False
    after = token_i + 1
    while after < len(sdoc) and sdoc[after].lower_ in rules.skip:
        after += 1
    if after >= len(sdoc):
        return False
    nxt = sdoc[after]
    if nxt.tag_ not in rules.elided_tags:
        return False  # "and 16,153 people were injured": a clause of its own
    return not any(c.dep_ in ("aux", "auxpass") for c in nxt.children)
