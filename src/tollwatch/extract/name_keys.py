"""One person under two names: "Colonel Jane Doe" and "colonel Doe", "Dr Ana Ruiz" and
"Dr Ruiz". A name made of titles and capitalised words gives its surname as a key; two
sources sharing that key are one person. Titles, and the last words that are no surname
("Ministry", "Forces"), are data (``person_names`` in provenance.yaml).
"""

from __future__ import annotations

import re

from tollwatch.extract.provenance import load_provenance

__all__ = ["surname_key"]


def surname_key(name: str) -> str | None:
    """``"~doe"`` for "Colonel Jane Doe" or "colonel Doe"; None for a name that is not a
    titled or full personal name."""
    rules = load_provenance()
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if not 2 <= len(words) <= 5:
        return None
    titled = words[0].rstrip(".").lower() in rules.person_titles
    rest = [w for w in words if w.rstrip(".").lower() not in rules.person_titles]
    if not rest or not all(re.fullmatch(r"[A-Z][\w'’-]+", w) for w in rest):
        return None
    last = rest[-1].lower()
    if last in rules.not_surnames or (not titled and len(rest) < 2):
        return None
    return "~" + last
