"""Headline attribution: the source a headline names after a dash, or before or after a colon.

"Shelling kills nine in border town - mayor", "Refugees top 50,000: UN", "Monitor: 70
fighters dead". The patterns are data (``provenance.yaml``); a tag found by one must look like
a source: a few words, no figure, a role word ("mayor", "police") or capitalised words that do
not name a place.
"""

from __future__ import annotations

import re
from typing import Any

from tollwatch.extract.actors import actor_for
from tollwatch.extract.provenance import ProvenanceRules

__all__ = ["headline_source", "is_headline", "names_outlet", "names_place"]

_FUNCTION = {"the", "of", "a", "an", "and", "for", "in", "on", "de", "al", "el", "'s", "’s"}
_EDGE = " \t,;:.\"'“”‘’()[]"


def is_headline(sentence: str) -> bool:
    """A line that ends without a full stop: a headline, a subhead, a caption."""
    s = sentence.rstrip(" \t\r\n\"'”’")
    return bool(s) and s[-1] not in ".!?…" and len(s) < 200


def names_outlet(tag: str, outlet: str | None) -> bool:
    """True when a headline's tag is the name of the outlet that published it ("... - BBC
    News" on the BBC's page): the site's name, not a source of the figure."""
    if not outlet:
        return False
    a, b = (re.sub(r"[^a-z0-9]+", " ", x.lower()).strip() for x in (tag, outlet))
    return bool(a and b) and (a == b or a.startswith(b + " ") or b.startswith(a + " "))


def names_place(sdoc: Any, found: tuple[str, int]) -> bool:
    """True when a headline's tag (text, offset) is a place the parse recognised: "Gaza: 40
    killed in strike" is datelined, not sourced."""
    tag, at = found
    ents = [e for e in sdoc.ents if e.start_char <= at and at + len(tag) <= e.end_char]
    return any(e.label_ in ("GPE", "LOC", "FAC") for e in ents)


def looks_like_source(tag: str, rules: ProvenanceRules) -> bool:
    """True when a headline tag names a body or a person, not a place or a phrase."""
    words = tag.split()
    if not words or len(words) > rules.headline_max_words or re.search(r"\d", tag):
        return False
    low = [w.lower().strip(_EDGE) for w in words]
    if low[0] in rules.headline_not_sources:
        return False
    if any(w.rstrip("s") in rules.headline_role_words or w in rules.headline_role_words
           for w in low):
        return True
    content = [w for w in words if w.lower() not in _FUNCTION]
    if not content or not all(w[:1].isupper() for w in content):
        return False
    if any(len(w) > 6 and w.isupper() for w in content):
        return False  # a dateline's city ("WASHINGTON: ...")
    return actor_for(tag) is None or (tag.isupper() and len(tag) <= 6 and len(words) == 1
                                      and actor_for(tag) is None)


_SEGMENTS = re.compile(r"\s*(?:;|\s\|)\s+")


def headline_source(sentence: str, rules: ProvenanceRules,
                    at: int | None = None) -> tuple[str, int] | None:
    """The source a headline names and its offset in ``sentence``, or None. A headline of
    several parts ("20 killed: police; 43 hurt: hospital") gives the figure at offset ``at``
    the source of its own part."""
    text = sentence.rstrip()
    if at is not None:
        start = 0
        for m in _SEGMENTS.finditer(text):
            if m.start() >= at:
                found = _source_in(text[start:m.start()], rules)
                return (found[0], found[1] + start) if found else None
            start = m.end()
        if start:
            found = _source_in(text[start:], rules)
            return (found[0], found[1] + start) if found else None
    return _source_in(text, rules)


def _source_in(text: str, rules: ProvenanceRules) -> tuple[str, int] | None:
    for rx in rules.headline_patterns:
        m = rx.search(text)
        if m is None:
            continue
        tag = m.group("source").strip(_EDGE)
        if len(text) - len(m.group(0)) < 12:
            continue  # the tag is most of the line: nothing left to attribute
        if tag and looks_like_source(tag, rules):
            return tag, m.start("source")
    return None
