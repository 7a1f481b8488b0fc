"""A figure given first in the article's voice and then credited to a source.

A lead often states a figure plainly ("Seven guards were killed on Sunday.") and names who
gave it only a few sentences on ("... all seven guards killed were on duty, the official
said"). The two are one claim, annotated at the first occurrence with the later sentence's
source and date, when the later sentence restates the first: it is within
``later_source.reach_chars`` and ``later_source.max_paragraphs`` line breaks, and has at least ``later_source.min_shared`` of the first
sentence's content words (provenance.yaml). A sourced sentence that only gives the same number
in other words ("the toll rose to 100" and "100 bodies were brought in, the doctor said") is a
claim of its own.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from tollwatch.extract.definite_repeats import definite_figure, definite_mention
from tollwatch.extract.provenance import load_provenance
from tollwatch.model import Claim

__all__ = ["credit_earlier"]


def _own_voice(c: Claim) -> bool:
    att = c.attribution or {}
    return not c.origin and not c.speaker and att.get("how") == "own_voice" and \
        not att.get("headline")


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in STOP_WORDS}


def restates(first: str, later: str) -> float:
    """The share of ``first``'s content words that ``later`` uses again."""
    words = _content(first)
    return len(words & _content(later)) / len(words) if words else 0.0


def credit_earlier(earlier: list[Claim], c: Claim, text: str) -> Claim | None:
    """The earlier own-voice claim of the same figure that sourced claim ``c`` repeats, given
    ``c``'s source and date; None when there is none (``earlier`` holds the claims of the
    same metric, number and group, in text order; ``text`` is the document's)."""
    if not (c.origin or c.speaker) or (c.attribution or {}).get("headline"):
        return None
    rules = load_provenance()
    definite: bool | None = None  # (read once, when the shared words fall short)
    for e in earlier:
        if not _own_voice(e) or e.start >= c.start or \
                c.start - e.end > rules.later_source_reach or \
                text.count("\n", e.end, c.start) > rules.later_source_paragraphs:
            continue
        by_definite = restates(e.quote, c.quote) < rules.later_source_shared
        if by_definite:
            if definite is None:
                definite = definite_figure(c)  # "all seven soldiers killed ..., X said"
            if not definite:
                if definite_mention(c):  # "..., after the four men were executed, ..."
                    return e  # a mention of the count: folded, the source left as it was
                continue
        e.origin, e.speaker = list(c.origin), list(c.speaker)
        e.date = c.date
        att = c.attribution or {}
        e.attribution = {"how": "later", "repeated_at": c.start,
                         **({"from": att["from"]} if "from" in att else {}),
                         **({"date_how": att["date_how"]} if "date_how" in att else {}),
                         **({"carried_by": "definite"} if by_definite else {})}
        e.confidence = round(min(e.confidence, c.confidence) *
                             rules.confidence_of("later"), 3)
        return e
    return None
