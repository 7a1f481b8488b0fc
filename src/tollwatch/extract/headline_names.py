"""A headline's short source name and the fuller body the article names.

A headline names its source briefly ("Toll tops 7,000: ministry", "... - PM"); the body
usually names the same source in full ("the Health Ministry", "Prime Minister Jane Doe").
Once the document has been read, each headline source takes the names of the fuller
source it abbreviates, and that source's day when the headline has none
(``date_how: "body"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from tollwatch.extract.attribution import Attribution
from tollwatch.extract.sources import Source

__all__ = ["complete_headlines", "fuller_source"]


def fuller_source(src: Source, sources: Iterable[Source],
                  short_forms: Mapping[str, Sequence[str]]) -> Source | None:
    """The first of ``sources`` (other than ``src``, not only noted) whose names hold
    every word of ``src``'s first name (a short form read as its long form: "PM" ->
    "prime minister"), or whose initials spell it ("UN" -> "United Nations")."""
    tag = src.names[0].lower()
    words = [w for w in re.split(r"[\s'’]+", tag) if w and w not in ("the", "s")]
    want = [" ".join(short_forms.get(w, (w,))[:1]) for w in words]
    for other in sources:
        if other is src or other.noted:
            continue
        joined = " ".join(n.lower() for n in other.names)
        if all(re.search(rf"\b{re.escape(w)}\b", joined) for w in want):
            return other
        initials = "".join(w[:1] for w in other.names[0].split() if w[:1].isupper())
        if tag.isalpha() and len(tag) >= 2 and tag.upper() == initials:
            return other
    return None


def complete_headlines(headlines: Iterable[Attribution], sources: Sequence[Source],
                       short_forms: Mapping[str, Sequence[str]]) -> None:
    """Give each headline attribution's source the names of its fuller source, and that
    source's day when the headline has none."""
    for att in headlines:
        src = att.origin_src
        if src is None:
            continue
        fuller = fuller_source(src, sources, short_forms)
        if fuller is None:
            continue
        for n in fuller.names:
            src.add_name(n)
        if att.date is None and fuller.date is not None:
            att.date, att.date_how = fuller.date, "body"
        if src.date is None:
            src.date = fuller.date
