"""Proportions given as two numbers: "eight out of ten of those killed", "one in every five
recruits", "nine out of 10 victims". Neither number is a count of people (GUIDELINES:
fractions are not claims); the share is of a group counted elsewhere.

A pair is a proportion when "out of" (or "in every") joins the two numbers and the second is
a base (ten, a hundred, a thousand), "every" comes before it, or it is followed by "of" ("out of ten of those killed"):
"12 out of 15 passengers were rescued" is left alone (two counts of one group).
"""

from __future__ import annotations

import re

from tollwatch.extract.numbers import NumberMention

__all__ = ["proportion_numbers"]

_JOIN = re.compile(r"^\s+(?:out\s+of(?:\s+every)?|in\s+every)\s+$", re.IGNORECASE)
_EVERY = re.compile(r"\bevery\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"^\s+of\b", re.IGNORECASE)
_BASES = {10, 100, 1000}


def proportion_numbers(text: str, numbers: list[NumberMention]) -> set[int]:
    """Indexes into ``numbers`` of the numbers that make up a proportion in ``text``."""
    out: set[int] = set()
    for k in range(len(numbers) - 1):
        part, base = numbers[k], numbers[k + 1]
        if not _JOIN.match(text[part.end:base.start]):
            continue
        between = text[part.end:base.start]
        if base.value in _BASES or _EVERY.search(between) or \
                _OF_AFTER.match(text[base.end:base.end + 8]):
            out.update((k, k + 1))
    return out
