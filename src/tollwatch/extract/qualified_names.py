"""One body named with its country (or place) before or after it: "the Zorvian General
Staff" and "the General Staff of the Zorvian Armed Forces"; "the Russian Defence Ministry"
and "the Defence Ministry of the Russian Federation" (read by ``source_dates.same_body``,
dates only).

The shorter name's first word is a proper qualifier (written with a capital: a country, a
people, a place); what follows it (two words at least: "general staff", "defence
ministry") is inside the longer name, words whole, and the qualifier is a word of the
longer name too, after that body. "The Zorvian Health Ministry" and "the Health Ministry of
Lisburg" name two ministries.
"""

from __future__ import annotations

__all__ = ["same_qualified"]


def _words(form: str) -> list[str]:
    return form.split()


def same_qualified(short: str, long: str, raw_short: str) -> bool:
    """True when folded name ``short`` (written ``raw_short``) is folded name ``long`` with
    its proper qualifier moved before it ("zorvian general staff" and "general staff of
    the zorvian military")."""
    words = _words(short)
    if len(words) < 3:
        return False
    raw = [w for w in raw_short.replace("’", "'").split() if w.lower() not in ("the", "a", "an")]
    if not raw or not raw[0][:1].isupper():
        return False
    qualifier, body = words[0], " ".join(words[1:])
    padded = f" {long} "
    at = padded.find(f" {body} ")
    if at < 0:
        return False
    return f" {qualifier} " in padded[at + len(body) + 1:]
