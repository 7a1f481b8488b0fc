"""A list of phrases as one pattern whose branches share their common beginnings.

``\\b(?:killed or seriously injured|killed or badly injured|...|killed)\\b`` makes the
regular-expression engine try every phrase, one after the other, at every word of a
sentence. Written as a tree of characters (``\\b(?:k(?:illed(?: or (?:badly|seriously)
...)?)|...)\\b``) it reads each character once per position and follows the only branch
that can go on, so a sentence is scanned in a fraction of the time.

The matches are the same when the phrases are listed longest first (a phrase before every
phrase it begins with): at each position the alternation then takes the longest phrase
followed by a word boundary, and so does the tree, which tries the longer continuation of
a phrase before ending it there (greedy) and falls back to the shorter one when the
boundary fails. :func:`longest_first` tells whether a list is in such an order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["longest_first", "trie_pattern"]

_Node = dict[str, "_Node"]
_END = ""  # the key marking that a phrase ends at a node


def longest_first(phrases: Sequence[str]) -> bool:
    """Whether each phrase of ``phrases`` comes before every phrase that begins it (by
    their first places in the list: a repeated phrase matches where it first stands)."""
    first: dict[str, int] = {}
    for i, p in enumerate(phrases):
        first.setdefault(p, i)
    return all(first[q] < first[p] for p in first for q in first
               if q != p and q.startswith(p))


def _branches(node: _Node) -> str:
    alts = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    # a phrase may end here: the longer continuation first, then none
    return f"(?:{body})?" if _END in node else body


def trie_pattern(phrases: Sequence[str]) -> str:
    """``\\b(?:phrase|...)\\b`` for non-empty ``phrases`` listed longest first
    (:func:`longest_first`), written as a tree of their characters."""
    if not phrases or not all(phrases):
        raise ValueError("trie_pattern needs at least one phrase, none of them empty")
    root: _Node = {}
    for p in phrases:
        node = root
        for ch in p:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return rf"\b{_branches(root)}\b"
