"""A turn to background breaks a statement's reach within its paragraph.

"According to the report, 582 people were executed last year. / In September of last year,
protests erupted after a woman died in custody. / The authorities answered with a crackdown
in which four men were hanged." The middle sentence opens on an earlier stretch of time: the
article turns to background, and the third sentence's figure is its own, not the report's.
The openers are data (``background_breaks.yaml``); ``Statements._continues`` asks
``breaks_between`` about the sentences between a statement (or the last sentence it
reached) and a figure of the same paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping

__all__ = ["background_opener", "breaks_between", "standing_fact"]


@lru_cache(maxsize=4)
def background_opener(path: str | None = None) -> re.Pattern[str] | None:
    """The compiled openers of ``background_breaks.yaml`` (or the file at ``path``); None
    when the rule is off or lists none."""
    data, where = read_mapping("background_breaks.yaml", path, "background-break rules",
                               "are")
    on = data.get("enabled", True)
    pats = data.get("openers") or []
    if not isinstance(on, bool):
        raise ConfigError("enabled must be true or false", source=where)
    if not isinstance(pats, list) or not all(isinstance(p, str) for p in pats):
        raise ConfigError("openers must be a list of patterns", source=where)
    if not on or not pats:
        return None
    try:
        return re.compile(r"^\W*(?:" + "|".join(f"(?:{p})" for p in pats) + ")",
                          re.IGNORECASE)
    except re.error as e:
        raise ConfigError(f"openers has a bad pattern: {e}", source=where) from e


@lru_cache(maxsize=4)
def standing_fact(path: str | None = None) -> re.Pattern[str] | None:
    """The compiled ``standing`` patterns of ``background_breaks.yaml``: a sentence that
    states a standing fact ("The UN mission has around 14,000 troops in the country") is
    background in the article's voice, whatever statement came before it."""
    data, where = read_mapping("background_breaks.yaml", path, "background-break rules",
                               "are")
    pats = data.get("standing") or []
    if not isinstance(pats, list) or not all(isinstance(p, str) for p in pats):
        raise ConfigError("standing must be a list of patterns", source=where)
    if not pats or not data.get("enabled", True):
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
    except re.error as e:
        raise ConfigError(f"standing has a bad pattern: {e}", source=where) from e


def breaks_between(text: str, sents: list[tuple[int, int]], after: int, before: int) -> bool:
    """True when a sentence after sentence ``after`` of ``text``, up to sentence ``before``
    itself, opens on an earlier stretch of time ("Since 2019, 300 have died": background in
    the article's voice), or sentence ``before`` states a standing fact."""
    rx, standing = background_opener(), standing_fact()
    if standing is not None and before < len(sents) and \
            standing.search(text[slice(*sents[before])]):
        return True
    if rx is None:
        return False
    return any(rx.match(text[s:e]) for s, e in sents[after + 1:before + 1])
