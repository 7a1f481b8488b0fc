"""One figure counted on each of two sides: two claims.

"The swap saw the return of 45 soldiers from each side"; "a swap of 1,000 prisoners each
from both sides"; "it freed 30 captives in exchange for as many soldiers": one number counts
two groups, one a side, and the annotation guidelines give one claim per counted group. The
claim is given twice, in the same sentence, with the same source and date; the second says
why (``attribution.mirrored: true``). The patterns are data (``mirror_counts.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping
from tollwatch.extract.numbers import find_numbers
from tollwatch.model import Claim

__all__ = ["MirrorRules", "load_mirror_rules", "mirror_counts", "mirrored"]


@dataclass(frozen=True)
class MirrorRules:
    enabled: bool
    after: re.Pattern[str] | None


@lru_cache(maxsize=4)
def load_mirror_rules(path: str | None = None) -> MirrorRules:
    """The rules of ``mirror_counts.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("mirror_counts.yaml", path, "mirror-count rules", "are")
    on, words = data.get("enabled", True), data.get("max_words", 3)
    if not isinstance(on, bool) or not isinstance(words, int) or words < 0:
        raise ConfigError("enabled must be true or false and max_words a count",
                          source=where)
    pats = data.get("after_figure") or []
    if not isinstance(pats, list) or not all(isinstance(p, str) for p in pats):
        raise ConfigError("after_figure must be a list of patterns", source=where)
    try:
        alt = "|".join(f"(?:{p})" for p in pats)
        after = re.compile(rf"^\s+(?:[\w’'-]+\s+){{0,{words}}}?(?:{alt})", re.IGNORECASE) \
            if pats else None
    except re.error as e:
        raise ConfigError(f"after_figure has a bad pattern: {e}", source=where) from e
    return MirrorRules(on, after)


def mirrored(c: Claim) -> bool:
    """True when ``c``'s number, in its sentence, counts the same number on each of two
    sides."""
    rules = load_mirror_rules()
    if not rules.enabled or rules.after is None or c.value is None:
        return False
    q = c.quote
    hits = [m for m in find_numbers(q) if m.value == c.value]
    if len(hits) != 1:  # the figure must be found once in its sentence
        return False
    return bool(rules.after.match(q[hits[0].end:]))


def mirror_counts(claims: list[Claim]) -> list[Claim]:
    """``claims`` with each figure counted on each of two sides given twice."""
    out: list[Claim] = []
    for c in claims:
        out.append(c)
        if mirrored(c):
            out.append(replace(c, origin=list(c.origin), speaker=list(c.speaker), actor=None,
                               attribution=dict(c.attribution or {}, mirrored=True)))
    return out
