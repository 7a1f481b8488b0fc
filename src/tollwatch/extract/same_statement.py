"""Statements that say they are one reported before, and keep its day.

"In the same statement, the army said 12 soldiers were killed", "a spokesman told the same
briefing", "at the same news conference": the sentence names no day, but ties its statement
to one the article reported already, so it shares that statement's day (GUIDELINES: "figures
from the same statement share its date"). The day is that of the source's last dated
statement, else (a new speaker "told the same briefing") the last dated statement of the
document (``date_how`` "same_statement"). The words are data: ``same_statement`` in
``data/dates.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.sources import Source

__all__ = ["SAME_STATEMENT", "LastDays", "ties_to_earlier"]

SAME_STATEMENT = "same_statement"


def ties_to_earlier(doc: Doc) -> bool:
    """True when the sentence speaks of "the same" statement or occasion ("in the same
    statement", "told the same briefing")."""
    rules = load_date_rules()
    if not rules.same_words:
        return False
    for i, t in enumerate(doc):
        if t.lower_ not in rules.same_words:
            continue
        for u in doc[i + 1:i + 1 + rules.same_reach]:
            if u.lemma_.lower() in rules.same_nouns or u.lower_ in rules.same_nouns:
                return True
            if not (u.is_alpha and u.pos_ in ("NOUN", "PROPN", "ADJ")):
                break
    return False


class LastDays:
    """The day of the last dated statement of each source, and of the document."""

    def __init__(self) -> None:
        self._by_source: dict[int, str] = {}
        self._last: str | None = None

    def note(self, src: Source | None, day: str | None) -> None:
        """A statement of ``src`` dated ``day``."""
        if not day:
            return
        self._last = day
        if src is not None:
            self._by_source[id(src)] = day

    def tied(self, doc: Doc, src: Source | None) -> str | None:
        """The day an undated statement in ``doc`` keeps when it ties itself to an earlier
        one; ``None`` when it does not, or no statement before was dated."""
        if not ties_to_earlier(doc):
            return None
        if src is not None and id(src) in self._by_source:
            return self._by_source[id(src)]
        return self._last
