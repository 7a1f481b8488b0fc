"""Days that a release by a body the story never quotes gives the names of that body.

"The Zorvian Ministry of Defence released its latest intelligence assessment today."
followed by "Zorvian intelligence estimates that 1,200 rebels were killed": the ministry
made no statement the document's memory holds, so ``release_dates`` has no source to
date. The name before the publish verb (capitalised words: "The Zorvian Ministry of
Defence") becomes a dated name, given to ``source_dates.share_dates`` beside the
document's sources: a source it names, under any of the links ``same_body`` knows (another
wording, the alias table, an organ of one body), takes its day. The release's day is the
one ``release_dates.release_day`` reads, or the publication day when the sentence says
"today" (``provenance.yaml`` ``today_words``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.release_dates import release_day, statement_nouns
from tollwatch.extract.sources import Source
from tollwatch.extract.unparsed_dates import named_in

__all__ = ["release_names", "released_by"]

_CAP = r"[A-Z][\w’'.&-]*"


@lru_cache(maxsize=4)
def _patterns(verbs: frozenset[str], nouns: frozenset[str]) -> tuple[re.Pattern[str],
                                                                     re.Pattern[str]]:
    verb = "|".join(sorted(re.escape(v.rstrip("e")) + r"[a-z]{0,3}" for v in verbs))
    noun = "|".join(sorted(re.escape(n) for n in nouns))
    subject = re.compile(rf"(?<![\w’'])(?P<name>(?:[Tt]he\s+)?{_CAP}(?:\s+(?:of|for|and|{_CAP}))*)"
                         rf"\s+(?:has\s+|have\s+)?(?:{verb})\b(?:\s+[\w’'-]+){{0,3}}?\s+"
                         rf"(?:{noun})s?\b")
    release = re.compile(rf"\b(?:{verb})\b(?:\s+[\w’'-]+){{0,3}}?\s+(?:{noun})s?\b",
                         re.IGNORECASE)
    return subject, release


def released_by(sentence: str) -> str | None:
    """The capitalised name that puts out a release in ``sentence`` ("The Zorvian Ministry
    of Defence released its latest assessment" -> "The Zorvian Ministry of Defence")."""
    rules = load_date_rules()
    nouns = statement_nouns(rules.statement_nouns)
    subject, _ = _patterns(rules.publish_verbs, nouns)
    m = subject.search(sentence)
    if m is None:
        return None
    name = m.group("name")
    return name if len(re.sub(r"^[Tt]he\s+", "", name)) >= 3 else None


def _day(sentence: str, published: str | None, today: re.Pattern[str]) -> str | None:
    day = release_day(sentence, published)
    if day is None and published and today.search(sentence):
        rules = load_date_rules()
        _, release = _patterns(rules.publish_verbs, statement_nouns(rules.statement_nouns))
        if release.search(sentence):
            day = published[:10]
    return day


def release_names(sentences: Iterable[str], sources: list[Source], published: str | None,
                  today: re.Pattern[str]) -> list[Source]:
    """Dated names of the bodies that put out a dated release in one of ``sentences`` and
    made no statement of the document (none of ``sources`` is named in that sentence)."""
    out: list[Source] = []
    stated = [s for s in sources if not s.noted]
    for sentence in sentences:
        day = _day(sentence, published, today)
        if day is None or any(named_in(sentence, s) for s in stated):
            continue
        name = released_by(sentence)
        if name is not None:
            out.append(Source(names=[name], person=False, date=day, noted=True))
    return out
